"""The desk's published verdicts as schema.org ClaimReview, from stored claims.

`claims.public.claimreview` builds the markup from plain values; this module reads those
values off a claim, so the claim page's JSON-LD and the API's ClaimReview feed share one mapping.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db.models import Max, Min

from ..enums import ClaimStatus
from ..models import Claim, Rating
from .claimreview import Appearance, ClaimReviewData, claim_review


def rating_bounds_by_scale() -> dict[int, tuple[int, int]]:
    """(worst, best) values of every scale's verdict ratings, in one query."""
    rows = (
        Rating.objects.filter(is_verdict=True)
        .order_by()
        .values("scale_id")
        .annotate(worst=Min("value"), best=Max("value"))
    )
    return {row["scale_id"]: (row["worst"] or 1, row["best"] or 1) for row in rows}


def claim_review_for(
    claim: Claim, *, page_url: str, site_url: str, bounds: dict[int, tuple[int, int]]
) -> dict[str, Any] | None:
    """The ClaimReview of a claim's current verdict, or None when there is no public verdict.

    `claim` comes from `selectors.public_claims()` or `public_claim()` (attribution and
    `approved_reviews` already loaded), or is the claim page's `detail.ClaimPage`, whose values
    carry the same names; `bounds` from `rating_bounds_by_scale()` (or the page's own).
    """
    if claim.status != ClaimStatus.PUBLISHED or not claim.approved_reviews:
        return None
    review = claim.approved_reviews[0]
    worst, best = bounds.get(review.rating.scale_id, (1, 1))
    statement = claim.statement
    speaker, source = statement.speaker, statement.source
    data = ClaimReviewData(
        url=page_url,
        claim_reviewed=claim.text,
        # The first publication's date stays; a correction (a later approved verdict) is
        # the date the review was modified.
        date_published=claim.first_published_at or review.approved_at,
        date_modified=review.approved_at if len(claim.approved_reviews) > 1 else None,
        organization=settings.FACTCHECK_ORGANIZATION,
        organization_url=settings.FACTCHECK_ORGANIZATION_URL or site_url,
        rating_label=review.rating.label,
        rating_value=review.rating.value,
        best_rating=best,
        worst_rating=worst,
        speaker_name=speaker.name,
        speaker_kind=speaker.kind,
        speaker_role=speaker.role,
        speaker_url=speaker.url,
        claim_date=statement.said_on,
        headline=review.summary,
        appearances=[Appearance(source.url, source.title, source.publisher, source.published_at)],
    )
    return claim_review(data)


# As Django's json_script escapes (which writes only type="application/json"): with no "<",
# ">" or "&" left, no text ("</script>", "<!--<script>") can end or disturb the element.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def json_for_script(data: Any) -> str:
    """JSON safe inside <script type="application/ld+json">, whatever strings it holds."""
    return json.dumps(data, ensure_ascii=False).translate(_SCRIPT_SAFE)
