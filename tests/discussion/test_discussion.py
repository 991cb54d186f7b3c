"""Comments on a claim, and the notifications the workflow's steps raise: in the admin and by
e-mail, sent by a job once the step has committed (the immediate backend runs it at once)."""

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.discussion import tasks
from claims.discussion.mentions import mentioned_usernames
from claims.discussion.models import Comment, Notification
from claims.discussion.services import (
    comment_post,
    email_preference_set,
    notifications_mark_read,
)
from claims.enums import ClaimStatus, Role, Transition
from claims.models import ClaimEvent
from claims.rules import WorkflowError
from tests.factories import ClaimFactory, EvidenceFactory, ReviewFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs what waits for the transaction to commit (the e-mail jobs), as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def researching(fact_checker):
    return ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, text="Jobs rose.")


@pytest.fixture
def submitted(researching, fact_checker, reviewer, commit):
    EvidenceFactory(claim=researching)
    review = ReviewFactory(claim=researching, author=fact_checker)
    with commit():
        services.claim_transition(claim=researching, transition=Transition.SUBMIT, by=fact_checker)
    review.refresh_from_db()
    mail.outbox.clear()
    return review


# --- mentions --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "names"),
    [
        ("@rita can you look?", ["rita"]),
        ("Thanks @rita. And @fred.", ["rita", "fred"]),
        ("@rita @rita", ["rita"]),
        ("write to rita@desk.example", []),
        ("no one", []),
    ],
)
def test_mentions_are_read_by_username(body, names):
    assert mentioned_usernames(body) == names


# --- comments --------------------------------------------------------------------------------


def test_a_comment_mentions_notifies_and_is_kept_in_the_claims_log(
    researching, fact_checker, reviewer, editor, commit
):
    with commit():
        comment = comment_post(
            claim=researching,
            author=fact_checker,
            body="@rita is the ministry's table enough? cc @nobody rita@desk.example",
        )

    assert list(comment.mentions.all()) == [reviewer]
    event = ClaimEvent.objects.get(claim=researching, action="comment")
    assert event.actor == fact_checker and "ministry's table" in event.note
    notification = Notification.objects.get(recipient=reviewer)
    assert notification.kind == Notification.Kind.MENTIONED
    assert "fred mentioned you" in notification.text
    assert not Notification.objects.exclude(recipient=reviewer).exists()
    assert [message.to for message in mail.outbox] == [[reviewer.email]]
    assert f"/admin/claims/claim/{researching.pk}/change/" in mail.outbox[0].body


@pytest.mark.parametrize("body", ["", "   "])
def test_an_empty_comment_is_refused(researching, fact_checker, body):
    with pytest.raises(WorkflowError):
        comment_post(claim=researching, author=fact_checker, body=body)
    assert not Comment.objects.exists()


def test_someone_outside_the_desk_cannot_comment(researching):
    outsider = UserFactory(username="olga", is_staff=False)
    with pytest.raises(WorkflowError):
        comment_post(claim=researching, author=outsider, body="Hello")
    assert not Comment.objects.exists()


def test_the_claim_page_shows_the_thread_and_takes_a_comment(
    client, researching, fact_checker, reviewer, commit
):
    client.force_login(fact_checker)
    page = reverse("admin:claims_claim_change", args=[researching.pk])
    with commit():
        response = client.post(
            reverse("admin:claims_claim_comment", args=[researching.pk]),
            {"body": "Found the table, @rita."},
        )

    assert response.status_code == 302 and response["Location"].startswith(page)
    html = client.get(page).content.decode()
    assert 'id="claim-thread"' in html and "Found the table, @rita." in html
    assert 'form="claim-comment-form"' in html
    assert Notification.objects.filter(recipient=reviewer, kind="mentioned").count() == 1


@pytest.mark.parametrize("data", [{"body": ""}, {"body": "x", "review": "not-a-number"}])
def test_a_bad_comment_is_a_message_and_stores_nothing(client, researching, fact_checker, data):
    client.force_login(fact_checker)
    response = client.post(
        reverse("admin:claims_claim_comment", args=[researching.pk]), data, follow=True
    )

    assert response.status_code == 200
    assert list(response.context["messages"])
    assert not Comment.objects.exists()


def test_a_comment_needs_a_post(client, researching, fact_checker):
    client.force_login(fact_checker)
    url = reverse("admin:claims_claim_comment", args=[researching.pk])
    assert client.get(url).status_code == 405


# --- the workflow's notifications ------------------------------------------------------------


def test_assigning_tells_the_fact_checker_by_email(editor, fact_checker, commit):
    claim = ClaimFactory(status=ClaimStatus.SELECTED)
    with commit():
        services.claim_transition(
            claim=claim,
            transition=Transition.ASSIGN,
            by=editor,
            assignee=fact_checker,
            note="Need it by 5pm",
        )

    notification = Notification.objects.get(recipient=fact_checker)
    assert notification.kind == Notification.Kind.ASSIGNED and "Need it by 5pm" in notification.text
    assert [message.to for message in mail.outbox] == [[fact_checker.email]]
    assert "Assigned to me" in mail.outbox[0].subject


def test_submitting_tells_the_reviewers(second_reviewer, submitted, reviewer, fact_checker):
    told = Notification.objects.filter(kind=Notification.Kind.SIGNOFF)
    assert {n.recipient for n in told} == {reviewer, second_reviewer}


def test_a_request_for_changes_is_a_comment_and_tells_the_author(
    submitted, reviewer, fact_checker, commit
):
    with commit():
        services.review_request_changes(
            review=submitted, by=reviewer, comment="The 2019 figure is wrong."
        )

    comment = Comment.objects.get(claim=submitted.claim)
    assert comment.kind == Comment.Kind.CHANGES_REQUESTED
    assert (comment.author, comment.review, comment.body) == (
        reviewer,
        submitted,
        "The 2019 figure is wrong.",
    )
    notification = Notification.objects.get(recipient=fact_checker, kind="sent_back")
    assert "The 2019 figure is wrong." in notification.text
    assert [message.to for message in mail.outbox] == [[fact_checker.email]]

    # ... and the fact-checker answers in the same thread.
    comment_post(claim=submitted.claim, author=fact_checker, body="Fixed.", review=submitted)
    assert list(submitted.claim.comments.values_list("body", flat=True)) == [
        "The 2019 figure is wrong.",
        "Fixed.",
    ]


def test_an_approval_tells_the_editors_it_is_ready(submitted, reviewer, editor, commit):
    with commit():
        services.review_approve(review=submitted, by=reviewer)

    assert Notification.objects.filter(recipient=editor, kind="ready").count() == 1
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_a_kind_turned_off_is_listed_but_not_emailed(editor, fact_checker, commit):
    email_preference_set(user=fact_checker, kinds=["mentioned"])
    claim = ClaimFactory(status=ClaimStatus.SELECTED)
    with commit():
        services.claim_transition(
            claim=claim, transition=Transition.ASSIGN, by=editor, assignee=fact_checker
        )

    assert Notification.objects.filter(recipient=fact_checker, kind="assigned").exists()
    assert mail.outbox == []


def test_a_step_that_fails_tells_nobody(editor, fact_checker, commit):
    claim = ClaimFactory(status=ClaimStatus.NEW)  # not selected: cannot be assigned
    with commit(), pytest.raises(WorkflowError):
        services.claim_transition(
            claim=claim, transition=Transition.ASSIGN, by=editor, assignee=fact_checker
        )
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_an_email_is_sent_once_however_often_the_job_runs(editor, fact_checker, commit):
    claim = ClaimFactory(status=ClaimStatus.SELECTED)
    with commit():
        services.claim_transition(
            claim=claim, transition=Transition.ASSIGN, by=editor, assignee=fact_checker
        )
    ids = list(Notification.objects.values_list("pk", flat=True))

    tasks.send_notification_emails.call(ids)

    assert len(mail.outbox) == 1


# --- overdue ---------------------------------------------------------------------------------


def test_an_overdue_claim_is_announced_once_per_due_date(fact_checker, editor, commit):
    due = timezone.now() - datetime.timedelta(hours=1)
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, due_at=due)
    ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)  # no due date
    ClaimFactory(status=ClaimStatus.PUBLISHED, due_at=due, first_published_at=due)

    with commit():
        tasks.notify_overdue.call()
    with commit():
        tasks.notify_overdue.call()

    told = Notification.objects.get(kind=Notification.Kind.OVERDUE)
    assert (told.recipient, told.claim, told.due_at) == (fact_checker, claim, due)
    assert [message.to for message in mail.outbox] == [[fact_checker.email]]

    claim.due_at = due + datetime.timedelta(minutes=30)
    claim.save(update_fields=["due_at"])
    with commit():
        tasks.notify_overdue.call()
    assert Notification.objects.filter(kind="overdue").count() == 2


def test_an_unassigned_overdue_claim_goes_to_the_editors(editor, commit):
    due = timezone.now() - datetime.timedelta(hours=1)
    ClaimFactory(status=ClaimStatus.SELECTED, due_at=due)
    with commit():
        tasks.notify_overdue.call()
    assert Notification.objects.get(kind="overdue").recipient == editor


def test_the_overdue_round_is_registered_with_the_workers(settings):
    assert "claims.discussion.tasks.notify_overdue" in settings.FACTCHECK_WORKER_PERIODIC


# --- the notifications page ------------------------------------------------------------------


def make_notifications(user, n, text="Note"):
    return [
        Notification.objects.create(recipient=user, kind="assigned", text=f"{text} {i}")
        for i in range(n)
    ]


def test_the_list_shows_only_ones_own_and_marks_them_read(client, fact_checker, reviewer):
    mine = make_notifications(fact_checker, 2)
    make_notifications(reviewer, 1, text="Theirs")
    client.force_login(fact_checker)
    url = reverse("admin:discussion_notification_changelist")
    count = reverse("admin:discussion_notification_count")

    page = client.get(url).content.decode()
    assert "Note 0" in page and "Note 1" in page and "Theirs" not in page
    assert client.get(count).json()["unread"] == 2

    client.get(reverse("admin:discussion_notification_open", args=[mine[0].pk]))
    assert client.get(count).json()["unread"] == 1
    client.post(reverse("admin:discussion_notification_read_all"))
    assert client.get(count).json()["unread"] == 0
    assert Notification.objects.filter(recipient=reviewer, read_at__isnull=True).count() == 1


def test_another_persons_notification_cannot_be_opened(client, fact_checker, reviewer):
    theirs = make_notifications(reviewer, 1)[0]
    client.force_login(fact_checker)
    response = client.get(reverse("admin:discussion_notification_open", args=[theirs.pk]))
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_mark_read_action(client, fact_checker):
    notes = make_notifications(fact_checker, 3)
    client.force_login(fact_checker)
    client.post(
        reverse("admin:discussion_notification_changelist"),
        {"action": "mark_read", "_selected_action": [notes[0].pk, notes[1].pk]},
    )
    assert Notification.objects.filter(read_at__isnull=True).count() == 1


def test_mark_read_touches_only_ones_own(fact_checker, reviewer):
    theirs = make_notifications(reviewer, 1)[0]
    assert notifications_mark_read(user=fact_checker, ids=[theirs.pk]) == 0


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_runs_a_fixed_number_of_queries(
    client, fact_checker, count, django_assert_num_queries
):
    make_notifications(fact_checker, count)
    client.force_login(fact_checker)
    url = reverse("admin:discussion_notification_changelist")
    client.get(url)
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200


def test_the_header_links_to_the_notifications(client, fact_checker):
    client.force_login(fact_checker)
    page = client.get(reverse("admin:claims_claim_changelist")).content.decode()
    assert 'id="desk-notifications"' in page
    assert reverse("admin:discussion_notification_count") in page


def test_preferences_choose_the_kinds_by_email(client, fact_checker):
    client.force_login(fact_checker)
    url = reverse("admin:discussion_notification_preferences")
    assert 'value="overdue"' in client.get(url).content.decode()

    client.post(url, {"email_kinds": ["sent_back", "overdue"]})
    assert fact_checker.notification_preference.email_kinds == ["sent_back", "overdue"]

    response = client.post(url, {"email_kinds": ["not-a-kind"]})
    assert response.status_code == 200 and response.context["form"].errors
    fact_checker.notification_preference.refresh_from_db()
    assert fact_checker.notification_preference.email_kinds == ["sent_back", "overdue"]


def test_someone_who_is_not_staff_sees_no_notifications(client):
    outsider = UserFactory(username="olga", is_staff=False, roles=[Role.EDITOR])
    client.force_login(outsider)
    response = client.get(reverse("admin:discussion_notification_count"))
    assert response.status_code == 302  # to the login page


def test_a_refused_comment_comes_back_in_the_form(client, researching, fact_checker):
    client.force_login(fact_checker)
    url = reverse("admin:claims_claim_comment", args=[researching.pk])
    typed = "See the table. " + "x" * 10_000  # over the limit

    page = client.post(url, {"body": typed, "review": "999999"}, follow=True)

    assert page.context["comment_form"].initial["body"] == typed[:10_000]
    assert not Comment.objects.exists()
    # Only once: the next visit starts afresh.
    again = client.get(reverse("admin:claims_claim_change", args=[researching.pk]))
    assert again.context["comment_form"].initial == {}
