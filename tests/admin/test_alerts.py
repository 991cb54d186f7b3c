"""Alerts: new words that repeat a claim the desk published or is checking. The services that
decide them (link as a repeat, dismiss) and the admin's queue and page, with real users in each
role."""

from __future__ import annotations

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims import services
from claims.models import Alert, Claim, ClaimEvent, Statement, SuggestionDecision
from claims.rules import WorkflowError
from claims.tasks import process_source
from tests.factories import SourceFactory, UserFactory, make_public

pytestmark = pytest.mark.django_db

ARTICLE = (
    "Minister repeats NATO claim\n\n"
    "MOSCOW - Foreign Minister Sergey Lavrov said on Monday that NATO admitted Montenegro, "
    "North Macedonia and Albania in breach of its promises.\n\n"
    '"The alliance has grown by 14 members since 1999," Lavrov told reporters.\n'
)
EARLIER = "NATO admitted Montenegro, North Macedonia and Albania"
QUEUE = reverse("admin:claims_alert_changelist")


@pytest.fixture
def earlier(publish):
    return publish("false", text=EARLIER)


def raise_alert(**source_fields) -> Alert:
    """An alert as the desk raises it: a source arrives and its job runs."""
    source = SourceFactory(text=ARTICLE, publisher="Sputnik", **source_fields)
    process_source.enqueue(source.pk)
    return Alert.objects.get(source=source)


@pytest.fixture
def alert(earlier):
    return raise_alert()


def nothing_stored(alert: Alert, claims_before: int) -> None:
    alert.refresh_from_db()
    assert alert.status == "open" and alert.decided_by is None and alert.decided_at is None
    assert Claim.objects.count() == claims_before
    assert not Statement.objects.filter(source=alert.source).exists()
    assert not SuggestionDecision.objects.exists()


# --- the services ------------------------------------------------------------------------------


def test_linking_makes_the_statement_and_a_repeat_of_the_earlier_claim(alert, earlier, editor):
    claim = services.alert_link(alert=alert, by=editor)

    statement = claim.statement
    assert (statement.source, statement.speaker.name) == (alert.source, "Sergey Lavrov")
    assert statement.quote == alert.source.text[alert.statement_start : alert.statement_end]
    assert (claim.text, claim.repeat_of, claim.status) == (EARLIER, earlier, "new")
    alert.refresh_from_db()
    assert (alert.status, alert.repeat, alert.decided_by) == ("linked", claim, editor)
    assert alert.decided_at is not None
    decision = SuggestionDecision.objects.get()
    assert (decision.start, decision.end, decision.claim) == (alert.start, alert.end, claim)
    logged = ClaimEvent.objects.get(claim=earlier, action="link_repeat")
    assert logged.actor == editor and alert.source.title in logged.note
    assert ClaimEvent.objects.filter(claim=claim, action="create").exists()


def test_a_linked_repeat_counts_on_the_public_page_once_it_is_published(
    client, alert, earlier, editor
):
    repeat = services.alert_link(alert=alert, by=editor)
    # A draft repeat is nobody's business yet.
    assert not Claim.objects.public().filter(repeat_of=earlier).exists()

    make_public(repeat)

    page = client.get(reverse("claims:detail", args=[earlier.slug])).content.decode()
    assert "Repeated 1 time since." in page


def test_a_repeat_of_a_repeat_links_to_the_first_claim(publish, editor):
    first = publish("false", text="The alliance promised not to expand")
    second = publish("false", text=EARLIER, repeat_of=first)
    alert = raise_alert()
    assert alert.claim == second

    claim = services.alert_link(alert=alert, by=editor)

    assert claim.repeat_of == first


def test_linking_takes_the_editors_speaker_and_wording(alert, editor):
    claim = services.alert_link(
        alert=alert, by=editor, speaker_name="Sergei Lavrov", claim_text="NATO took in three"
    )

    assert claim.text == "NATO took in three"
    assert claim.statement.speaker.name == "Sergei Lavrov"


def test_linking_words_without_a_speaker_asks_for_one_and_stores_nothing(alert, editor):
    Alert.objects.filter(pk=alert.pk).update(speaker_name="")
    alert.refresh_from_db()
    before = Claim.objects.count()

    with pytest.raises(WorkflowError, match="Name the speaker"):
        services.alert_link(alert=alert, by=editor)

    nothing_stored(alert, before)


@pytest.mark.parametrize("role", ["fact_checker", "reviewer"])
def test_only_editors_decide_alerts(alert, role, request):
    user = request.getfixturevalue(role)
    before = Claim.objects.count()

    with pytest.raises(WorkflowError, match="Only editors"):
        services.alert_link(alert=alert, by=user)
    with pytest.raises(WorkflowError, match="Only editors"):
        services.alert_dismiss(alert=alert, by=user)

    nothing_stored(alert, before)


def test_dismissing_closes_the_alert_and_stores_nothing_else(alert, editor):
    before = Claim.objects.count()

    services.alert_dismiss(alert=alert, by=editor)

    alert.refresh_from_db()
    assert (alert.status, alert.decided_by, alert.repeat) == ("dismissed", editor, None)
    assert Claim.objects.count() == before
    assert not Statement.objects.filter(source=alert.source).exists()


@pytest.mark.parametrize("first", ["link", "dismiss"])
def test_a_decided_alert_cannot_be_decided_again(alert, editor, first):
    decide = {"link": services.alert_link, "dismiss": services.alert_dismiss}
    decide[first](alert=alert, by=editor)
    claims = Claim.objects.count()

    for again in decide.values():
        with pytest.raises(WorkflowError, match="already decided"):
            again(alert=alert, by=editor)

    assert Claim.objects.count() == claims


# --- the admin ---------------------------------------------------------------------------------


def page_of(alert: Alert) -> str:
    return reverse("admin:claims_alert_change", args=[alert.pk])


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_the_queue_lists_open_alerts_for_every_role(client, alert, reviewer):
    decided = raise_alert(url="https://news.example/other")
    services.alert_dismiss(alert=decided, by=UserFactory(username="ed2", roles=["Editor"]))
    client.force_login(reviewer)

    page = client.get(QUEUE).content.decode()

    assert page_of(alert) in page and page_of(decided) not in page
    everything = client.get(QUEUE, {"status": "all"}).content.decode()
    assert page_of(decided) in everything
    assert page_of(alert) not in client.get(QUEUE, {"status": "dismissed"}).content.decode()


def test_a_status_that_does_not_exist_lists_nothing(client, alert, editor):
    client.force_login(editor)

    response = client.get(QUEUE, {"status": "nonsense"})

    assert response.status_code == 200
    assert page_of(alert) not in response.content.decode()


def test_staff_without_a_role_cannot_open_the_queue(client, alert):
    client.force_login(UserFactory(username="nobody"))

    assert client.get(QUEUE).status_code == 403
    assert client.get(page_of(alert)).status_code == 403


@pytest.mark.parametrize("count", [1, 12])
def test_the_queue_runs_a_fixed_number_of_queries(
    client, editor, publish, count, django_assert_num_queries
):
    publish("false", text=EARLIER)
    for n in range(count):
        raise_alert(url=f"https://news.example/{n}")
    client.force_login(editor)
    client.get(QUEUE)

    with django_assert_num_queries(7):
        response = client.get(QUEUE)

    assert response.content.decode().count('href="/admin/claims/alert/') >= count


def test_the_alert_page_shows_the_words_in_their_article_and_the_earlier_verdict(
    client, alert, editor
):
    client.force_login(editor)

    page = client.get(page_of(alert)).content.decode()

    assert "said on Monday that <mark>NATO admitted Montenegro" in page
    assert "promises</mark>." in page
    assert EARLIER in page and 'class="alert-verdict">False<' in page
    assert reverse("admin:claims_alert_link", args=[alert.pk]) in page
    assert reverse("admin:claims_alert_dismiss", args=[alert.pk]) in page
    assert reverse("admin:claims_source_workspace", args=[alert.source.pk]) in page


def test_reviewers_see_the_alert_without_the_decisions(client, alert, reviewer):
    client.force_login(reviewer)

    page = client.get(page_of(alert)).content.decode()

    assert EARLIER in page
    assert reverse("admin:claims_alert_link", args=[alert.pk]) not in page
    assert reverse("admin:claims_source_workspace", args=[alert.source.pk]) in page


@pytest.mark.parametrize("action", ["link", "dismiss"])
@pytest.mark.parametrize("role", ["fact_checker", "reviewer"])
def test_other_roles_are_refused_the_decisions(client, alert, action, role, request):
    client.force_login(request.getfixturevalue(role))
    before = Claim.objects.count()

    response = client.post(reverse(f"admin:claims_alert_{action}", args=[alert.pk]))

    assert response.status_code == 403
    nothing_stored(alert, before)


def test_an_editor_links_from_the_page(client, alert, earlier, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:claims_alert_link", args=[alert.pk]), {"speaker": ""})

    assert response.status_code == 302 and response["Location"] == QUEUE
    alert.refresh_from_db()
    assert alert.status == "linked" and alert.repeat.repeat_of == earlier
    assert any("Linked as a repeat" in m for m in messages_of(response))


def test_an_editor_dismisses_from_the_page(client, alert, editor):
    client.force_login(editor)

    response = client.post(reverse("admin:claims_alert_dismiss", args=[alert.pk]))

    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.status == "dismissed"
    page = client.get(page_of(alert)).content.decode()
    assert "Dismissed" in page and "edna" in page


def test_a_refused_link_says_why_on_the_page_and_stores_nothing(client, alert, editor):
    Alert.objects.filter(pk=alert.pk).update(speaker_name="")
    client.force_login(editor)
    before = Claim.objects.count()

    response = client.post(
        reverse("admin:claims_alert_link", args=[alert.pk]), {"speaker": ""}, follow=True
    )

    assert "Name the speaker." in messages_of(response) or "Name the speaker." in (
        response.content.decode()
    )
    nothing_stored(alert, before)


def test_a_second_decision_from_a_stale_page_is_refused_with_a_message(client, alert, editor):
    client.force_login(editor)
    client.post(reverse("admin:claims_alert_dismiss", args=[alert.pk]))

    response = client.post(reverse("admin:claims_alert_link", args=[alert.pk]), follow=True)

    assert "already decided" in response.content.decode()
    assert Alert.objects.get().status == "dismissed"


def test_bad_requests_are_answered_not_crashed(client, alert, editor):
    client.force_login(editor)

    assert client.get(reverse("admin:claims_alert_link", args=[alert.pk])).status_code == 405
    assert client.post(reverse("admin:claims_alert_link", args=[999999])).status_code == 404
    assert client.get(reverse("admin:claims_alert_change", args=["abc"])).status_code == 404
    too_long = client.post(
        reverse("admin:claims_alert_link", args=[alert.pk]), {"speaker": "x" * 500}, follow=True
    )
    assert too_long.status_code == 200
    assert Alert.objects.get().status == "open"
    assert client.get(reverse("admin:claims_alert_add")).status_code == 403


# --- links the desk makes by itself, and undoing a link ------------------------------------------

SAME_WORDS = "NATO admitted Montenegro, North Macedonia and Albania in breach of its promises"


def test_a_repeat_close_enough_is_linked_automatically_with_its_provenance(publish):
    first = publish("false", text=SAME_WORDS)

    alert = raise_alert()

    assert alert.status == "linked" and alert.linked_automatically
    assert alert.decided_by is None and alert.decided_at is not None
    assert alert.repeat.repeat_of == first and alert.repeat.text == SAME_WORDS
    assert alert.reasons["figures"] == "none" and alert.score >= 0.95
    # Not the editor's decision: the suggestion waits in the workspace like the others.
    assert not SuggestionDecision.objects.exists()
    event = ClaimEvent.objects.filter(claim=first, action="link_repeat").get()
    assert event.actor is None and "automatically" in event.note


def test_a_close_repeat_with_a_changed_figure_waits_for_an_editor(publish):
    publish("false", text="The alliance has grown by 12 members since 1999")

    alert = raise_alert()

    assert alert.status == "open" and not alert.linked_automatically
    assert alert.reasons["figures"] == "different"
    assert alert.reasons["new_figures"] == ["14", "1999"]
    assert alert.reasons["earlier_figures"] == ["12", "1999"]


def test_automatic_links_can_be_turned_off(publish, settings):
    settings.FACTCHECK_MATCH_LINK = 1.01
    publish("false", text=SAME_WORDS)

    assert raise_alert().status == "open"


def test_undoing_a_link_removes_the_repeat_and_dismisses_the_alert(publish, editor):
    first = publish("false", text=SAME_WORDS)
    alert = raise_alert()
    repeat = alert.repeat

    services.alert_unlink(alert=alert, by=editor)

    alert.refresh_from_db()
    assert (alert.status, alert.decided_by, alert.repeat) == ("dismissed", editor, None)
    assert not alert.linked_automatically
    assert not Claim.objects.filter(pk=repeat.pk).exists()
    assert not Statement.objects.filter(source=alert.source).exists()
    actions = list(
        ClaimEvent.objects.filter(claim=first).values_list("action", flat=True).order_by("id")
    )
    assert actions[-2:] == ["link_repeat", "unlink_repeat"]


def test_undoing_a_link_an_editor_made_dismisses_it_too(alert, editor):
    services.alert_link(alert=alert, by=editor)

    services.alert_unlink(alert=alert, by=editor)

    alert.refresh_from_db()
    assert alert.status == "dismissed"
    assert not SuggestionDecision.objects.exists()


def test_a_repeat_already_worked_on_is_not_undone(publish, editor):
    publish("false", text=SAME_WORDS)
    alert = raise_alert()
    Claim.objects.filter(pk=alert.repeat_id).update(status="selected")

    with pytest.raises(WorkflowError, match="already being worked on"):
        services.alert_unlink(alert=alert, by=editor)

    alert.refresh_from_db()
    assert alert.status == "linked" and alert.linked_automatically


@pytest.mark.parametrize("role", ["fact_checker", "reviewer"])
def test_only_editors_undo_links(publish, role, request):
    publish("false", text=SAME_WORDS)
    alert = raise_alert()

    with pytest.raises(WorkflowError):
        services.alert_unlink(alert=alert, by=request.getfixturevalue(role))


def test_an_open_alert_has_no_link_to_undo(alert, editor):
    with pytest.raises(WorkflowError, match="Only a linked alert"):
        services.alert_unlink(alert=alert, by=editor)


def test_the_page_shows_an_automatic_link_and_undoes_it(client, publish, editor):
    publish("false", text=SAME_WORDS)
    alert = raise_alert()
    client.force_login(editor)
    page = reverse("admin:claims_alert_change", args=[alert.pk])

    shown = client.get(page).content.decode()
    assert "linked automatically by the desk" in shown
    assert reverse("admin:claims_alert_unlink", args=[alert.pk]) in shown

    response = client.post(reverse("admin:claims_alert_unlink", args=[alert.pk]), follow=True)

    assert "Link undone" in " ".join(str(m) for m in get_messages(response.wsgi_request))
    alert.refresh_from_db()
    assert alert.status == "dismissed"


def test_the_page_shows_a_changed_figure_side_by_side(client, publish, editor):
    publish("false", text="The alliance has grown by 12 members since 1999")
    alert = raise_alert()
    client.force_login(editor)

    shown = client.get(reverse("admin:claims_alert_change", args=[alert.pk])).content.decode()

    assert "Same claim, different figure" in shown
    assert "<td>14, 1999</td>" in shown and "<td>12, 1999</td>" in shown
