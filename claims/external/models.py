"""Other fact-checkers' verdicts as they published them, and the vector of each one's claim."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims.matching.models import Embedding


class Origin(models.TextChoices):
    DATAFEED = "datafeed", _("ClaimReview DataFeed")
    PAGE = "page", _("Publisher's page")
    GOOGLE = "google", _("Google Fact Check Tools")


class ExternalFactCheck(models.Model):
    """Another organisation's published verdict, read from its ClaimReview.

    Invariants: only structured fields and links are kept, never the article's text; the
    review URL (normalised) is the natural key, so importing the same verdict again updates
    this row, and only when `content_hash` (of every field read from the markup) changed: a
    re-import that changes nothing writes nothing. `rating` is the desk's rating nearest the
    published one, when it can be told (`ratings`); it is never the desk's verdict. Rows are
    written by `store.upsert` alone."""

    review_url = models.URLField(
        _("review URL"),
        max_length=1000,
        unique=True,
        help_text=_("The fact-check's address, normalised: one row per published verdict."),
    )
    publisher = models.CharField(_("publisher"), max_length=200)
    publisher_url = models.CharField(
        _("publisher's site"), max_length=500, blank=True, help_text=_("Its home page or host.")
    )
    title = models.CharField(_("title"), max_length=500, blank=True)
    claim_text = models.TextField(_("claim"), help_text=_("The claim as the publisher worded it."))
    claimant = models.CharField(_("claimant"), max_length=300, blank=True)
    claim_date = models.DateField(_("claim date"), null=True, blank=True)
    review_date = models.DateField(_("review date"), null=True, blank=True)
    rating_text = models.CharField(
        _("rating as published"),
        max_length=300,
        blank=True,
        help_text=_("The publisher's words for its verdict (alternateName), or its value."),
    )
    rating_value = models.FloatField(_("rating value"), null=True, blank=True)
    rating_best = models.FloatField(_("best rating"), null=True, blank=True)
    rating_worst = models.FloatField(_("worst rating"), null=True, blank=True)
    rating = models.ForeignKey(
        "claims.Rating",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("on the desk's scale"),
        help_text=_("The desk's rating nearest the published one, when it can be told."),
    )
    language = models.CharField(_("language"), max_length=35, blank=True)
    licence = models.CharField(_("licence"), max_length=500, blank=True)
    origin = models.CharField(_("came from"), max_length=10, choices=Origin.choices)
    origin_detail = models.CharField(
        _("imported from"),
        max_length=1000,
        blank=True,
        help_text=_("The DataFeed's address or file, the page, or the search."),
    )
    content_hash = models.CharField(_("content hash"), max_length=64)
    first_seen_at = models.DateTimeField(_("first seen"), default=timezone.now)
    last_seen_at = models.DateTimeField(
        _("last seen"),
        default=timezone.now,
        help_text=_("Moved on by an import at most once a day: a repeated import writes nothing."),
    )
    updated_at = models.DateTimeField(
        _("changed"), default=timezone.now, help_text=_("When the published fields last changed.")
    )

    class Meta:
        verbose_name = _("external fact-check")
        verbose_name_plural = _("external fact-checks")
        ordering = ["-review_date", "-id"]
        indexes = [
            models.Index(fields=["publisher", "review_date"], name="external_publisher_date"),
            models.Index(fields=["review_date"], name="external_review_date"),
            models.Index(fields=["language"], name="external_language"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(review_url="") & ~Q(claim_text="") & ~Q(publisher=""),
                name="external_has_url_claim_publisher",
            ),
            models.CheckConstraint(
                condition=Q(origin__in=Origin.values), name="external_origin_valid"
            ),
            models.CheckConstraint(
                condition=Q(last_seen_at__gte=F("first_seen_at")),
                name="external_seen_in_order",
            ),
            models.CheckConstraint(condition=~Q(content_hash=""), name="external_has_content_hash"),
        ]

    def __str__(self) -> str:
        return f"{self.publisher}: {self.claim_text[:80]}"


class ExternalCheckEmbedding(Embedding):
    """The vector of an external check's claim (the matching app's `external` collection)."""

    fact_check = models.OneToOneField(
        ExternalFactCheck,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="embedding",
        verbose_name=_("external fact-check"),
    )

    class Meta:
        verbose_name = _("external check embedding")
        verbose_name_plural = _("external check embeddings")
