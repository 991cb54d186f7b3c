"""Chainable filters and the related-object bundles that pages, the API and the admin share."""

from __future__ import annotations

from django.db import models

from .enums import PUBLIC_STATUSES, ClaimStatus, ReviewStatus


class ClaimQuerySet(models.QuerySet):
    def public(self) -> ClaimQuerySet:
        """Claims readers may see: published ones, and withdrawn ones with their notice."""
        return self.filter(status__in=PUBLIC_STATUSES)

    def published(self) -> ClaimQuerySet:
        return self.filter(status=ClaimStatus.PUBLISHED)

    def with_attribution(self) -> ClaimQuerySet:
        """The statement, its source and speakers: what every claim listing shows."""
        return self.select_related(
            "statement__source", "statement__speaker", "statement__reported_speaker"
        )

    def without_source_texts(self) -> ClaimQuerySet:
        """Leave the sources' texts in the database: a listing shows titles, and an article
        (kept twice, raw and normalised) can weigh more than the whole page."""
        return self.defer("statement__source__text", "statement__source__raw_input")


class ReviewQuerySet(models.QuerySet):
    def approved(self) -> ReviewQuerySet:
        return self.filter(status=ReviewStatus.APPROVED)

    def current_first(self) -> ReviewQuerySet:
        """Approved reviews, the one readers see now (the latest approval) first."""
        return self.approved().order_by("-approved_at", "-id")


class EvidenceQuerySet(models.QuerySet):
    def cited(self) -> EvidenceQuerySet:
        """Evidence readers may see with its claim: all of it, except what was added with a
        correction that is not approved yet."""
        return self.filter(
            models.Q(correction__isnull=True) | models.Q(correction__status=ReviewStatus.APPROVED)
        )
