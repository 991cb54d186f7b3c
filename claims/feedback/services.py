"""What happens to readers' messages: stored when sent, handled in the admin."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from claims.enums import Role
from claims.roles import has_role
from claims.rules import WorkflowError

from .models import ReaderMessage


def message_send(
    *,
    kind: str,
    text: str,
    link: str = "",
    claim=None,
    name: str = "",
    email: str = "",
) -> ReaderMessage:
    """A reader's message, validated and stored as new."""
    message = ReaderMessage(
        kind=kind, text=text.strip(), link=link, claim=claim, name=name.strip(), email=email
    )
    message.full_clean()
    message.save()
    return message


@transaction.atomic
def message_handle(*, message: ReaderMessage, status: str, by, note: str = "") -> ReaderMessage:
    """Mark a message taken up, answered or dismissed (editors), or back to new."""
    if not has_role(by, Role.EDITOR):
        raise WorkflowError(_("Only editors handle readers' messages."))
    if status not in ReaderMessage.Status.values:
        raise WorkflowError(_("No such status."))
    new = status == ReaderMessage.Status.NEW
    fields = {
        "status": status,
        "handled_by": None if new else by,
        "handled_at": None if new else timezone.now(),
    }
    if note:
        fields["note"] = note
    ReaderMessage.objects.filter(pk=message.pk).update(**fields)
    message.refresh_from_db()
    return message
