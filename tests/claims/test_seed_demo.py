import io
import json
import shutil

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db.models import Count

from claims import models
from claims.enums import ClaimStatus, Role
from claims.management.commands.seed_demo import DEMO_USERS, SEEDS_DIR

pytestmark = pytest.mark.django_db
SEED = "000_350d1086ef0d2fa7"
ALL_MODELS = [
    models.Source,
    models.Speaker,
    models.Statement,
    models.Topic,
    models.Claim,
    models.Evidence,
    models.Review,
    models.Signoff,
    models.PublicationEntry,
    models.ClaimEvent,
    models.RatingScale,
    models.Rating,
    get_user_model(),
]


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every model the seed touches, as comparable tuples."""
    return {
        model.__name__: [tuple(row) for row in model.objects.order_by("pk").values_list()]
        for model in ALL_MODELS
    }


def test_seed_demo_loads_the_seed_article_with_its_metadata(demo_desk):
    source = models.Source.objects.get(text__startswith=" date 2022-04-25")

    assert (
        source.title == "Lavrov: NATO Expansion Means Development of Territories Under US Command"
    )
    assert source.published_at.date().isoformat() == "2022-04-25"
    assert source.publisher == "Sputnik"
    assert source.text == (SEEDS_DIR / f"{SEED}.txt").read_text(encoding="utf-8")


def test_seed_demo_creates_speakers_with_aliases(demo_desk):
    lavrov = models.Speaker.objects.get(slug="sergey-lavrov")

    assert {"Sergei Lavrov", "the minister", "the diplomat"} <= set(lavrov.aliases)
    assert models.Speaker.objects.filter(name="Vladimir Putin", wikidata_id="Q7747").exists()
    assert models.Speaker.objects.filter(name="Justin Trudeau").exists()


def test_seed_demo_anchors_every_statement_at_its_exact_words(demo_desk):
    statements = models.Statement.objects.select_related("source")

    assert statements.count() == 10
    for statement in statements:
        assert statement.source.text[statement.start : statement.end] == statement.quote


def test_seed_demo_attributes_reported_speech_to_both_speakers(demo_desk):
    statement = models.Statement.objects.get(reported_speaker__name="Justin Trudeau")

    assert statement.speaker.name == "Sergey Lavrov"
    assert "all Russians will pay" in statement.quote


def test_seed_demo_spreads_claims_over_the_workflow(demo_desk):
    by_status = dict(models.Claim.objects.values_list("status").annotate(n=Count("id")).order_by())

    assert by_status[ClaimStatus.PUBLISHED] >= 2
    assert {
        ClaimStatus.NEW,
        ClaimStatus.SELECTED,
        ClaimStatus.DISMISSED,
        ClaimStatus.RESEARCHING,
        ClaimStatus.IN_REVIEW,
    } <= set(by_status)


def test_seed_demo_publishes_through_the_rules(demo_desk):
    for claim in models.Claim.objects.filter(status=ClaimStatus.PUBLISHED):
        first = claim.publication_record.get(kind="first_publication")
        assert first.review.status == "approved"
        assert first.review.signoffs.get().reviewer != first.review.author
        assert claim.evidence.exists()
        actions = list(claim.events.values_list("action", flat=True))
        assert actions[0] == "create" and "publish" in actions


def test_seed_demo_includes_a_correction_that_keeps_the_first_verdict(demo_desk):
    claim = models.Claim.objects.get(slug="nato-admitted-montenegro-north-macedonia-and-albania")

    kinds = list(claim.publication_record.values_list("kind", "correction_kind"))

    assert kinds == [("first_publication", ""), ("correction", "clarification")]
    assert claim.reviews.filter(status="approved").count() == 2


def test_seed_demo_creates_one_user_per_role_who_can_log_in(demo_desk, client):
    User = get_user_model()

    for role in Role.values:
        assert User.objects.filter(groups__name=role, is_staff=True).exists()
    for username, (password, _roles, _superuser) in DEMO_USERS.items():
        response = client.post(
            "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
        )
        assert response.status_code == 302 and response["Location"] == "/admin/", username
        client.logout()


def test_seed_demo_twice_changes_nothing(demo_desk):
    before = snapshot()
    out = io.StringIO()

    call_command("seed_demo", stdout=out)

    assert snapshot() == before
    assert "0 sources, 0 speakers, 0 statements, 0 claims" in out.getvalue()


def test_seed_demo_refuses_to_run_with_debug_off(settings):
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("seed_demo", stdout=io.StringIO())

    assert not get_user_model().objects.exists()


def test_seed_demo_with_a_wrong_offset_stores_nothing(settings, tmp_path):
    settings.DEBUG = True
    shutil.copy(SEEDS_DIR / f"{SEED}.txt", tmp_path)
    desk = json.loads((SEEDS_DIR / f"{SEED}.desk.json").read_text(encoding="utf-8"))
    desk["statements"][-1]["start"] += 1
    desk["statements"][-1]["end"] += 1
    (tmp_path / f"{SEED}.desk.json").write_text(json.dumps(desk), encoding="utf-8")

    with pytest.raises(CommandError, match="nothing was stored"):
        call_command("seed_demo", seeds_dir=tmp_path, stdout=io.StringIO())

    assert not models.Source.objects.exists()
    assert not get_user_model().objects.exists()


def test_seed_demo_gives_each_demo_user_an_email_address(demo_desk):
    emails = dict(
        get_user_model().objects.filter(username__in=DEMO_USERS).values_list("username", "email")
    )

    assert emails == {username: f"{username}@example.org" for username in DEMO_USERS}


def test_seed_demo_fills_in_the_address_of_a_demo_user_made_without_one(demo_desk):
    get_user_model().objects.filter(username="editor").update(email="")

    call_command("seed_demo", stdout=io.StringIO())

    assert get_user_model().objects.get(username="editor").email == "editor@example.org"


@pytest.mark.parametrize(
    ("arguments", "environment", "address"),
    [
        ([], {}, "http://127.0.0.1:8000/admin/"),
        ([], {"PORT": "8123"}, "http://127.0.0.1:8123/admin/"),
        (["--port", "9001"], {"PORT": "8123"}, "http://127.0.0.1:9001/admin/"),
    ],
)
def test_seed_demo_prints_the_port_the_desk_runs_on(
    demo_desk, monkeypatch, arguments, environment, address
):
    monkeypatch.delenv("PORT", raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    out = io.StringIO()

    call_command("seed_demo", *arguments, stdout=out)

    assert f"Log in at {address} as:" in out.getvalue()
