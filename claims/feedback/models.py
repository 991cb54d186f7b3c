"""A reader's message to the desk, and the desk's profile shown on its About page."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ReaderMessage(models.Model):
    """A claim a reader asks the desk to check, or an error a reader reports.

    Sent through the public forms (`claims.public.feedback`), triaged in the admin. Invariants:
    a new message carries no decision; a handled one says who handled it and when."""

    class Kind(models.TextChoices):
        CLAIM = "claim", _("Claim to check")
        ERROR = "error", _("Error report")

    class Status(models.TextChoices):
        NEW = "new", _("New")
        TAKEN = "taken", _("Taken up")
        ANSWERED = "answered", _("Answered")
        DISMISSED = "dismissed", _("Dismissed")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW
    )
    text = models.TextField(_("message"), max_length=5000)
    link = models.URLField(
        _("link"),
        max_length=1000,
        blank=True,
        help_text=_("Where the reader saw the claim, or the page with the error."),
    )
    claim = models.ForeignKey(
        "claims.Claim",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reader_messages",
        verbose_name=_("claim"),
        help_text=_("The fact-check an error report is about."),
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    note = models.TextField(_("desk's note"), blank=True, help_text=_("For the desk only."))
    created_at = models.DateTimeField(_("sent at"), default=timezone.now, editable=False)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("handled by"),
    )
    handled_at = models.DateTimeField(_("handled at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("reader's message")
        verbose_name_plural = _("readers' messages")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["status", "-created_at", "-id"], name="message_queue")]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["claim", "error"]), name="message_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["new", "taken", "answered", "dismissed"]),
                name="message_status_valid",
            ),
            models.CheckConstraint(
                condition=Q(status="new", handled_at__isnull=True, handled_by__isnull=True)
                | (~Q(status="new") & Q(handled_at__isnull=False)),
                name="message_handled_iff_not_new",
            ),
        ]

    def __str__(self) -> str:
        words = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"{self.get_kind_display()}: {words}"


class DeskProfile(models.Model):
    """Who the desk is, as its About page tells readers: the organisation, its funding, its team
    and its corrections policy (what the IFCN's Code of Principles asks a signatory to publish).
    One row (`current`), edited in the admin; the fields are Markdown."""

    SINGLE = 1

    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    about = models.TextField(_("who we are"), blank=True)
    funding = models.TextField(_("funding"), blank=True)
    team = models.TextField(_("team"), blank=True)
    corrections_policy = models.TextField(_("corrections policy"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("About page")
        verbose_name_plural = _("About page")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="desk_profile_single")]

    def __str__(self) -> str:
        return str(self.organisation or _("About page"))

    @classmethod
    def current(cls) -> DeskProfile:
        """The one profile, made empty the first time it is asked for."""
        profile, _created = cls.objects.get_or_create(pk=cls.SINGLE)
        return profile
