"""The discussion's background jobs (django.tasks): e-mailing notifications, and the periodic
round that finds overdue claims (`FACTCHECK_WORKER_PERIODIC`).

Both are idempotent: a notification is claimed for sending by a conditional update (so a job run
twice, or two workers, send it once), and an overdue claim is announced once per recipient and
due date (a unique constraint).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from ..enums import ClaimStatus, Role
from ..jobs import policy
from ..models import Claim
from . import services
from .models import Notification

# Claims still being worked on; a published or dismissed claim is not overdue.
OPEN_STATUSES = (ClaimStatus.SELECTED, ClaimStatus.RESEARCHING, ClaimStatus.IN_REVIEW)


def desk_link(notification: Notification) -> str:
    """Where the e-mail sends the reader: the claim's page in the admin."""
    path = (
        reverse("admin:claims_claim_change", args=[notification.claim_id])
        if notification.claim_id
        else reverse("admin:discussion_notification_changelist")
    )
    return settings.FACTCHECK_DESK_URL.rstrip("/") + path


@task
@policy(retry_on=(OSError,))
def send_notification_emails(ids: list[int]) -> dict[str, Any]:
    """E-mail each of these notifications that its recipient wants by e-mail and that has not
    been sent. A failed send is released again, and the job tried again later."""
    sent = []
    notifications = Notification.objects.filter(pk__in=ids, emailed_at__isnull=True)
    for notification in notifications.select_related("recipient"):
        recipient = notification.recipient
        if not recipient.email or notification.kind not in services.email_kinds_of(recipient):
            continue
        claimed = Notification.objects.filter(pk=notification.pk, emailed_at__isnull=True)
        if claimed.update(emailed_at=timezone.now()) != 1:
            continue  # another run sent it
        try:
            send_mail(
                subject=f"[{settings.FACTCHECK_ORGANIZATION}] {notification.get_kind_display()}",
                message=f"{notification.text}\n\n{desk_link(notification)}\n",
                from_email=None,
                recipient_list=[recipient.email],
            )
        except Exception:
            Notification.objects.filter(pk=notification.pk).update(emailed_at=None)
            raise
        sent.append(notification.pk)
    return {"sent": sent}


@task
def notify_overdue() -> dict[str, Any]:
    """Tell each overdue claim's fact-checker (or, with nobody assigned, the editors) once per
    due date. Run by every worker's housekeeping; it only writes rows and queues e-mails."""
    now = timezone.now()
    told_already = Notification.objects.filter(
        kind=Notification.Kind.OVERDUE, claim=OuterRef("pk"), due_at=OuterRef("due_at")
    )
    overdue = (
        Claim.objects.filter(due_at__lt=now, status__in=OPEN_STATUSES)
        .exclude(Exists(told_already))
        .select_related("assignee")
    )
    told = []
    for claim in overdue:
        recipients = [claim.assignee] if claim.assignee_id else services.users_in_role(Role.EDITOR)
        for recipient in recipients:
            try:
                with transaction.atomic():
                    told += services.notify(
                        [recipient],
                        kind=Notification.Kind.OVERDUE,
                        claim=claim,
                        due_at=claim.due_at,
                        text=_("Overdue since %(due)s: “%(claim)s”")
                        % {
                            "due": timezone.localtime(claim.due_at).strftime("%Y-%m-%d %H:%M"),
                            "claim": services.short(claim.text),
                        },
                    )
            except IntegrityError:
                continue  # told already about this due date
    return {"notifications": [notification.pk for notification in told]}
