"""Comments on claims and notifications to the people who must act. Staff only: no public page,
feed or API reads these tables."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Comment(models.Model):
    """One message in a claim's thread, optionally about one of its reviews.

    Invariants: written through `claims.discussion.services.comment_post` (which resolves the
    @mentions and writes the claim's event), or, for a reviewer's request for changes, from the
    sign-off itself (`signals.py`); never edited afterwards, so the thread is a record.
    """

    class Kind(models.TextChoices):
        COMMENT = "comment", _("Comment")
        CHANGES_REQUESTED = "changes_requested", _("Changes requested")

    claim = models.ForeignKey(
        "claims.Claim", on_delete=models.CASCADE, related_name="comments", verbose_name=_("claim")
    )
    review = models.ForeignKey(
        "claims.Review",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="comments",
        verbose_name=_("review"),
        help_text=_("The review the comment is about, if any."),
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="claim_comments",
        verbose_name=_("author"),
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices, default=Kind.COMMENT)
    body = models.TextField(_("comment"))
    mentions = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="claim_mentions",
        blank=True,
        verbose_name=_("mentioned"),
    )
    created_at = models.DateTimeField(_("written at"), default=timezone.now, editable=False)

    class Meta:
        ordering = ["claim", "created_at", "id"]
        indexes = [models.Index(fields=["claim", "created_at", "id"], name="comment_thread")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} by {self.author_id} at {self.created_at:%Y-%m-%d %H:%M}"


class Notification(models.Model):
    """Something a person must act on. Read in the admin (a count in the header, a list) and,
    for the kinds the person chose, sent by e-mail by a background job (`tasks.py`).

    Invariants: `read_at` is set once, when the recipient marks it read; `emailed_at` once, by
    the job that sent it; an overdue claim is announced once per recipient and due date.
    """

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned to me")
        SENT_BACK = "sent_back", _("Sent back to me")
        SIGNOFF = "signoff", _("Waiting for my sign-off")
        READY = "ready", _("Ready to publish")
        MENTIONED = "mentioned", _("Mentioned in a comment")
        OVERDUE = "overdue", _("Overdue")

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notifications",
        verbose_name=_("recipient"),
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    claim = models.ForeignKey(
        "claims.Claim",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("claim"),
    )
    text = models.TextField(_("text"))
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    read_at = models.DateTimeField(_("read"), null=True, blank=True, editable=False)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True, editable=False)
    # For an overdue notice: the due date it is about, so a new date is announced again.
    due_at = models.DateTimeField(_("due"), null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "claim", "due_at"],
                condition=Q(kind="overdue"),
                name="notification_overdue_once",
            )
        ]

    def __str__(self) -> str:
        return self.text


def every_kind() -> list[str]:
    return list(Notification.Kind.values)


class EmailPreference(models.Model):
    """Which kinds of notification a person gets by e-mail too (all of them until they
    choose); every notification is in the admin whatever they choose."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    email_kinds = models.JSONField(_("by e-mail"), default=every_kind, blank=True)

    def __str__(self) -> str:
        return f"E-mail preferences of {self.user_id}"
