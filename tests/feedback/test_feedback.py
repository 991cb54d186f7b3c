"""Readers answering back: the public forms with their guards against spam, the About page, and
the editors' triage queue in the admin."""

from __future__ import annotations

import time

import pytest
from django.urls import reverse

from claims.feedback.models import DeskProfile, ReaderMessage
from claims.feedback.services import message_handle
from claims.public.feedback import form_token
from claims.rules import WorkflowError
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

SUGGEST = reverse("claims:suggest_claim")
THANKS = reverse("claims:contact_thanks")


def sent(**fields) -> dict:
    """A form as a person sends it: read for a while after it was shown."""
    return {
        "text": "The mayor said the new bridge cost 40 million, which sounds wrong.",
        "link": "https://example.org/news/bridge",
        "name": "Ana",
        "email": "ana@example.org",
        "website": "",
        "shown": form_token(time.time() - 30),
        **fields,
    }


def test_the_form_page_is_never_cached_and_not_indexed(client):
    response = client.get(SUGGEST)

    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert '<meta name="robots" content="noindex">' in page
    assert 'name="shown"' in page and 'name="csrfmiddlewaretoken"' in page


def test_a_suggestion_lands_in_the_queue(client):
    response = client.post(SUGGEST, sent())

    assert response.status_code == 302 and response["Location"] == THANKS
    message = ReaderMessage.objects.get()
    assert (message.kind, message.status, message.claim) == ("claim", "new", None)
    assert message.link == "https://example.org/news/bridge"
    assert message.email == "ana@example.org"


def test_a_form_sent_at_once_is_refused_and_stores_nothing(client):
    response = client.post(SUGGEST, sent(shown=form_token()))

    assert response.status_code == 400
    assert "That was quick" in response.content.decode()
    assert not ReaderMessage.objects.exists()


@pytest.mark.parametrize("shown", ["five hours ago", "not-a-signed-time", ""])
def test_an_old_or_forged_form_is_refused(client, shown):
    if shown == "five hours ago":
        shown = form_token(time.time() - 5 * 3600)
    response = client.post(SUGGEST, sent(shown=shown))

    assert response.status_code == 400
    assert not ReaderMessage.objects.exists()


def test_a_robot_filling_the_trap_is_thanked_and_nothing_is_stored(client):
    response = client.post(SUGGEST, sent(website="http://spam.example"))

    assert response.status_code == 302 and response["Location"] == THANKS
    assert not ReaderMessage.objects.exists()


def test_a_message_full_of_links_is_refused(client):
    links = " ".join(f"https://spam.example/{n}" for n in range(4))

    response = client.post(SUGGEST, sent(text=f"Buy now {links}"))

    assert response.status_code == 400
    assert "at most 3 links" in response.content.decode()
    assert not ReaderMessage.objects.exists()


def test_one_address_may_send_only_so_many_an_hour(client, settings):
    settings.FACTCHECK_READER_MESSAGES_PER_HOUR = 2
    assert client.post(SUGGEST, sent()).status_code == 302
    assert client.post(SUGGEST, sent()).status_code == 302

    response = client.post(SUGGEST, sent())

    assert response.status_code == 429
    assert "Too many messages" in response.content.decode()
    assert ReaderMessage.objects.count() == 2


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        ({"text": ""}, "This field is required"),
        ({"email": "not-an-address"}, "valid email"),
        ({"link": "javascript:alert(1)"}, "valid URL"),
        ({"text": "x" * 5001}, "at most 5000"),
    ],
)
def test_bad_input_is_a_form_error(client, fields, error):
    response = client.post(SUGGEST, sent(**fields))

    assert response.status_code == 400
    assert error in response.content.decode()
    assert not ReaderMessage.objects.exists()


def test_an_error_report_on_a_fact_check_names_it(client, publish):
    claim = publish("false")
    url = reverse("claims:report_error", args=[claim.slug])

    assert claim.text in client.get(url).content.decode()
    response = client.post(url, sent(text="The date in the third paragraph is wrong."))

    assert response.status_code == 302
    message = ReaderMessage.objects.get()
    assert (message.kind, message.claim) == ("error", claim)


def test_errors_can_be_reported_only_on_public_fact_checks(client):
    draft = ClaimFactory()

    assert client.get(reverse("claims:report_error", args=[draft.slug])).status_code == 404
    assert client.get(reverse("claims:report_error", args=["no-such-claim"])).status_code == 404


def test_every_page_links_to_the_forms_and_the_about_page(client):
    page = client.get(reverse("claims:home")).content.decode()

    for name in ("claims:suggest_claim", "claims:report_error_anywhere", "claims:about"):
        assert f'href="{reverse(name)}"' in page


# --- the About page ----------------------------------------------------------------------------


def test_the_about_page_shows_what_the_desk_wrote_and_changes_at_once(client):
    profile = DeskProfile.current()
    profile.organisation = "Balkan Check"
    profile.funding = "Funded by **readers**: no government money."
    profile.save()
    page = client.get(reverse("claims:about")).content.decode()
    assert "About Balkan Check" in page
    assert "<strong>readers</strong>" in page
    assert "Corrections policy" not in page  # not written yet: not shown

    profile.corrections_policy = "We correct errors within a day, <script>x</script> openly."
    profile.save()
    page = client.get(reverse("claims:about")).content.decode()

    assert "Corrections policy" in page and "within a day" in page
    assert "<script>" not in page


def test_the_profile_is_one_row():
    assert DeskProfile.current().pk == DeskProfile.current().pk == DeskProfile.SINGLE
    assert DeskProfile.objects.count() == 1


# --- the triage queue --------------------------------------------------------------------------


@pytest.fixture
def message(client):
    client.post(SUGGEST, sent())
    return ReaderMessage.objects.get()


def test_editors_triage_messages_in_the_admin(client, message, editor):
    client.force_login(editor)
    queue = reverse("admin:feedback_readermessage_changelist")
    assert "The mayor said the new bridge" in client.get(queue).content.decode()

    response = client.post(
        queue, {"action": "mark_taken", "_selected_action": [message.pk]}, follow=True
    )

    assert response.status_code == 200
    message.refresh_from_db()
    assert (message.status, message.handled_by) == ("taken", editor)
    assert message.handled_at is not None
    # The queue shows new messages unless asked: this one has left it.
    assert "The mayor said the new bridge" not in client.get(queue).content.decode()


def test_reviewers_read_the_queue_but_do_not_handle_it(client, message, reviewer):
    client.force_login(reviewer)
    queue = reverse("admin:feedback_readermessage_changelist")

    assert client.get(queue).status_code == 200
    client.post(queue, {"action": "mark_dismissed", "_selected_action": [message.pk]})

    message.refresh_from_db()
    assert message.status == "new"
    with pytest.raises(WorkflowError):
        message_handle(message=message, status="dismissed", by=reviewer)


def test_a_message_back_to_new_carries_no_decision(message, editor):
    message_handle(message=message, status="answered", by=editor, note="Wrote back.")
    message_handle(message=message, status="new", by=editor)

    assert (message.status, message.handled_by, message.handled_at) == ("new", None, None)
    assert message.note == "Wrote back."


def test_editors_edit_the_about_page_from_its_list(client, editor):
    client.force_login(editor)

    response = client.get(reverse("admin:feedback_deskprofile_changelist"))

    assert response.status_code == 302
    assert response["Location"] == reverse(
        "admin:feedback_deskprofile_change", args=[DeskProfile.SINGLE]
    )


def test_the_limit_counts_the_address_the_sites_own_proxy_saw(client, settings):
    settings.FACTCHECK_READER_MESSAGES_PER_HOUR = 1
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    proxy = {"REMOTE_ADDR": "127.0.0.1"}

    first = client.post(SUGGEST, sent(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)
    other = client.post(SUGGEST, sent(), HTTP_X_FORWARDED_FOR="203.0.113.6", **proxy)
    again = client.post(SUGGEST, sent(), HTTP_X_FORWARDED_FOR="203.0.113.5", **proxy)

    assert (first.status_code, other.status_code, again.status_code) == (302, 302, 429)
