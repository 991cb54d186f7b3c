"""Every admin page renders for a superuser and for each role, and the admin's writes go
through the same rules as everything else."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.urls import reverse
from simple_history.models import HistoricalChanges

from claims.enums import ClaimStatus
from claims.models import (
    Alert,
    Claim,
    ClaimEvent,
    ImportBatch,
    Source,
    SourceSuggestions,
    Statement,
    SuggestionDecision,
)
from tests.factories import (
    AlertFactory,
    ImportBatchFactory,
    SourceFactory,
    SourceSuggestionsFactory,
    SpeakerFactory,
    StatementFactory,
    SuggestionDecisionFactory,
)

pytestmark = pytest.mark.django_db

DEMO_LOGINS = ["admin", "editor", "factchecker", "reviewer"]
CLAIMS_ADMINS = [
    (model, model_admin)
    for model, model_admin in admin.site._registry.items()
    if model._meta.app_label == "claims"
]


def admin_url(model, page, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{page}", args=args)


def test_every_claims_model_has_an_admin():
    # Historical rows are shown through each model's History button instead.
    models = {
        model
        for model in apps.get_app_config("claims").get_models()
        if not issubclass(model, HistoricalChanges)
    }

    assert models == {model for model, _ in CLAIMS_ADMINS}


@pytest.mark.parametrize("username", DEMO_LOGINS)
@pytest.mark.parametrize(
    ("model", "model_admin"), CLAIMS_ADMINS, ids=[m._meta.model_name for m, _ in CLAIMS_ADMINS]
)
def test_admin_pages_render_for_each_role(demo_desk, client, rf, username, model, model_admin):
    user = get_user_model().objects.get(username=username)
    client.force_login(user)
    request = rf.get("/")
    request.user = user
    if model is SuggestionDecision:  # the demo desk has triaged no suggestion yet
        SuggestionDecisionFactory(decided_by=user)
    if model is Alert:  # no source has arrived since the demo desk was loaded
        AlertFactory(claim=Claim.objects.order_by("pk").first())
    if model is ImportBatch:
        ImportBatchFactory(uploaded_by=user)
    if model is SourceSuggestions:
        SourceSuggestionsFactory(source=Source.objects.order_by("pk").first())
    obj = model.objects.order_by("pk").first()
    assert obj is not None, f"the demo desk has no {model.__name__}"

    changelist = client.get(admin_url(model, "changelist"))
    add = client.get(admin_url(model, "add"))
    change = client.get(admin_url(model, "change", obj.pk))

    can_view = model_admin.has_view_or_change_permission(request)
    assert changelist.status_code == (200 if can_view else 403)
    assert change.status_code == (200 if can_view else 403)
    assert add.status_code == (200 if model_admin.has_add_permission(request) else 403)


@pytest.mark.parametrize(
    ("username", "model", "can_add"),
    [
        ("admin", Claim, True),
        ("editor", Claim, True),
        ("factchecker", Claim, False),
        ("reviewer", Claim, False),
        ("editor", Source, True),
        ("reviewer", Source, False),
        ("editor", ClaimEvent, False),
        ("admin", ClaimEvent, False),
    ],
)
def test_admin_offers_add_only_to_the_roles_that_may(demo_desk, client, username, model, can_add):
    client.force_login(get_user_model().objects.get(username=username))

    response = client.get(admin_url(model, "add"))

    assert response.status_code == (200 if can_add else 403)


@pytest.mark.parametrize("username", DEMO_LOGINS)
def test_every_role_sees_the_claims_list(demo_desk, client, username):
    client.force_login(get_user_model().objects.get(username=username))

    response = client.get(admin_url(Claim, "changelist"))

    assert response.status_code == 200
    assert b"NATO admitted Montenegro" in response.content


def test_claim_status_is_read_only_in_the_admin(demo_desk, client):
    client.force_login(get_user_model().objects.get(username="admin"))
    claim = Claim.objects.get(slug="nato-admitted-montenegro-north-macedonia-and-albania")

    response = client.get(admin_url(Claim, "change", claim.pk))

    assert 'name="status"' not in response.content.decode()
    assert "Published" in response.content.decode()


def test_editor_adds_claim_in_admin_through_the_service(client, editor):
    statement = StatementFactory()
    client.force_login(editor)

    response = client.post(
        admin_url(Claim, "add"),
        {
            "statement": statement.pk,
            "text": "The alliance grew by three members since 2009.",
            "checkworthiness": "0.7",
            "context_note": "",
            "internal_note": "Check the dates.",
        },
    )

    assert response.status_code == 302
    claim = Claim.objects.get()
    assert claim.slug == "the-alliance-grew-by-three-members-since-2009"
    assert claim.status == ClaimStatus.NEW
    assert claim.internal_note == "Check the dates."
    assert claim.created_by == editor
    assert list(claim.events.values_list("action", "actor")) == [("create", editor.pk)]


def _statement_form(source, speaker, **fields):
    data = {
        "source": source.pk,
        "speaker": speaker.pk,
        "reported_speaker": "",
        "speech": "direct",
        "quote": "",
        "start": "",
        "end": "",
        "said_on": "",
        "said_where": "",
        "claims-TOTAL_FORMS": "0",
        "claims-INITIAL_FORMS": "0",
    }
    data.update(fields)
    return data


def test_admin_statement_from_a_quote_is_anchored_automatically(client, editor):
    source, speaker = SourceFactory(), SpeakerFactory()
    client.force_login(editor)

    response = client.post(
        admin_url(Statement, "add"),
        _statement_form(source, speaker, quote="We were never consulted"),
    )

    assert response.status_code == 302
    statement = Statement.objects.get()
    assert source.text[statement.start : statement.end] == "We were never consulted"


def test_admin_statement_with_words_not_in_the_source_shows_an_error(client, editor):
    source, speaker = SourceFactory(), SpeakerFactory()
    client.force_login(editor)

    response = client.post(
        admin_url(Statement, "add"), _statement_form(source, speaker, quote="Words never printed")
    )

    assert response.status_code == 200
    assert "These words do not occur in the source text." in response.content.decode()
    assert not Statement.objects.exists()


def test_admin_statement_with_wrong_offsets_shows_an_error(client, editor):
    source, speaker = SourceFactory(), SpeakerFactory()
    client.force_login(editor)

    response = client.post(
        admin_url(Statement, "add"),
        _statement_form(source, speaker, quote="We were never consulted", start="0", end="23"),
    )

    assert response.status_code == 200
    assert "does not match the source text at 0-23" in response.content.decode()
    assert not Statement.objects.exists()


def test_admin_shows_anchored_source_text_read_only(client, editor):
    source = StatementFactory().source
    client.force_login(editor)

    response = client.get(admin_url(Source, "change", source.pk))

    assert 'name="text"' not in response.content.decode()


def test_admin_refuses_to_delete_a_source_with_claims(demo_desk, client):
    client.force_login(get_user_model().objects.get(username="admin"))
    source = Source.objects.get(publisher="Sputnik")

    response = client.post(admin_url(Source, "delete", source.pk), {"post": "yes"})

    assert response.status_code == 200
    assert "cannot delete source" in response.content.decode().lower()
    assert Source.objects.filter(pk=source.pk).exists()
