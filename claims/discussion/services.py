"""The discussion's writes: posting a comment, telling people what waits for them, marking
notifications read. Each is atomic; e-mail leaves only through the job queued once the
transaction commits, never inside a request."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enums import Role
from ..models import Claim, ClaimEvent, Review
from ..roles import user_roles
from ..rules import WorkflowError
from .mentions import mentioned_usernames
from .models import Comment, EmailPreference, Notification

User = AbstractBaseUser
BODY_MAX = 10_000


def staff_users() -> QuerySet:
    """Who may take part in a thread: active staff."""
    return get_user_model().objects.filter(is_active=True, is_staff=True)


def users_in_role(role: str) -> QuerySet:
    return (
        staff_users().filter(Q(groups__name=role) | Q(is_superuser=True)).distinct().order_by("pk")
    )


@transaction.atomic
def comment_post(*, claim: Claim, author: User, body: str, review: Review | None = None) -> Comment:
    """A comment in the claim's thread, kept in the claim's event log; each active staff user
    it @mentions (other than its author) is notified."""
    body = body.strip()
    if not author.is_staff or not (user_roles(author) or author.is_superuser):
        raise WorkflowError(_("Only the desk's staff take part in a claim's thread."))
    if not body:
        raise WorkflowError(_("Write the comment first."))
    if len(body) > BODY_MAX:
        raise WorkflowError(
            _("A comment is at most %(n)d characters; split it in two.") % {"n": BODY_MAX}
        )
    if review is not None and review.claim_id != claim.pk:
        raise WorkflowError(_("That review is of another claim."))
    comment = Comment.objects.create(claim=claim, review=review, author=author, body=body)
    mentioned = list(
        staff_users().filter(username__in=mentioned_usernames(body)).exclude(pk=author.pk)
    )
    comment.mentions.set(mentioned)
    ClaimEvent.objects.create(claim=claim, actor=author, action="comment", note=body)
    notify(
        mentioned,
        kind=Notification.Kind.MENTIONED,
        claim=claim,
        text=_("%(user)s mentioned you on “%(claim)s”: %(body)s")
        % {"user": author.get_username(), "claim": short(claim.text), "body": short(body, 200)},
    )
    return comment


def notify(
    recipients: Iterable[User],
    *,
    kind: str,
    claim: Claim | None,
    text: str,
    due_at: datetime.datetime | None = None,
) -> list[Notification]:
    """A notification for each recipient, and their e-mails queued once the transaction that
    made them commits (so the worker can read them, and nothing is sent for a step rolled
    back)."""
    made = [
        Notification.objects.create(
            recipient=user, kind=kind, claim=claim, text=text[:1000], due_at=due_at
        )
        for user in {user.pk: user for user in recipients}.values()
    ]
    if made:
        ids = [notification.pk for notification in made]
        transaction.on_commit(lambda: _queue_emails(ids))
    return made


def _queue_emails(ids: list[int]) -> None:
    from .tasks import send_notification_emails  # the job module imports these services

    send_notification_emails.enqueue(ids)


def notifications_mark_read(*, user: User, ids: Iterable[int] | None = None) -> int:
    """Mark the user's unread notifications read (those of `ids`, or all). Returns how many."""
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=list(ids))
    return unread.update(read_at=timezone.now())


def email_kinds_of(user: User) -> list[str]:
    """The kinds the user gets by e-mail: every kind until they choose."""
    preference = EmailPreference.objects.filter(user=user).first()
    return list(Notification.Kind.values) if preference is None else preference.email_kinds


@transaction.atomic
def email_preference_set(*, user: User, kinds: Iterable[str]) -> EmailPreference:
    kinds = [kind for kind in Notification.Kind.values if kind in set(kinds)]
    preference, _created = EmailPreference.objects.update_or_create(
        user=user, defaults={"email_kinds": kinds}
    )
    return preference


def short(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return text if len(text) <= length else text[: length - 1] + "…"


# --- what the workflow's steps tell whom (called from signals.py) ----------------------------


def notify_assigned(claim: Claim, *, by: User | None, note: str) -> None:
    if claim.assignee_id is None or claim.assignee_id == getattr(by, "pk", None):
        return
    notify(
        [claim.assignee],
        kind=Notification.Kind.ASSIGNED,
        claim=claim,
        text=_("Assigned to you: “%(claim)s”. %(note)s")
        % {"claim": short(claim.text), "note": note},
    )


def notify_sent_back(review: Review, *, comment: str) -> None:
    notify(
        [review.author],
        kind=Notification.Kind.SENT_BACK,
        claim=review.claim,
        text=_("Sent back to you: “%(claim)s”. %(comment)s")
        % {"claim": short(review.claim.text), "comment": short(comment, 300)},
    )


def notify_signoff_wanted(review: Review) -> None:
    reviewers = users_in_role(Role.REVIEWER).exclude(pk=review.author_id)
    what = _("A correction") if review.is_correction else _("A review")
    notify(
        reviewers,
        kind=Notification.Kind.SIGNOFF,
        claim=review.claim,
        text=_("%(what)s waits for your sign-off: “%(claim)s”")
        % {"what": what, "claim": short(review.claim.text)},
    )


def notify_ready_to_publish(review: Review) -> None:
    notify(
        users_in_role(Role.EDITOR),
        kind=Notification.Kind.READY,
        claim=review.claim,
        text=_("Approved, ready to publish: “%(claim)s”") % {"claim": short(review.claim.text)},
    )
