"""schema.org ClaimReview for one published verdict, as Google's fact-check markup describes it.

Plain Python: the claim page's JSON-LD and the API's ClaimReview feed both build it here, so
they can never disagree. Higher `ratingValue` means truer; the scale is never reversed.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Appearance:
    """Where the claim was made: a source document."""

    url: str
    headline: str = ""
    publisher: str = ""
    date_published: datetime.date | datetime.datetime | None = None


@dataclass(frozen=True)
class ClaimReviewData:
    url: str  # the claim page
    claim_reviewed: str  # the claim as worded by the desk
    date_published: datetime.datetime  # when the claim's verdict was first published
    organization: str
    organization_url: str
    rating_label: str
    rating_value: int | None  # None for ratings that are not verdicts (Unverifiable)
    best_rating: int
    worst_rating: int
    speaker_name: str
    speaker_kind: str  # "person" or "organization"
    speaker_role: str = ""
    speaker_url: str = ""
    claim_date: datetime.date | None = None  # when the claim was made
    headline: str = ""  # the verdict's one-line summary
    appearances: list[Appearance] = field(default_factory=list)  # oldest first
    date_modified: datetime.datetime | None = None  # when the latest correction was published


def _iso(value: datetime.date | datetime.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _creative_work(appearance: Appearance) -> dict[str, Any]:
    work: dict[str, Any] = {"@type": "CreativeWork", "url": appearance.url}
    if appearance.headline:
        work["headline"] = appearance.headline
    if appearance.publisher:
        work["publisher"] = {"@type": "Organization", "name": appearance.publisher}
    if appearance.date_published is not None:
        work["datePublished"] = _iso(appearance.date_published)
    return work


def claim_review(data: ClaimReviewData) -> dict[str, Any]:
    """The ClaimReview object, ready for `json.dumps` (JSON-LD)."""
    if data.worst_rating < 1 or data.best_rating <= data.worst_rating:
        raise ValueError("ratings run from worstRating >= 1 up to a higher bestRating")
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": data.rating_label}
    if data.rating_value is not None:
        rating.update(
            ratingValue=data.rating_value,
            bestRating=data.best_rating,
            worstRating=data.worst_rating,
        )
    author: dict[str, Any] = {
        "@type": "Organization" if data.speaker_kind == "organization" else "Person",
        "name": data.speaker_name,
    }
    if data.speaker_role and data.speaker_kind != "organization":
        author["jobTitle"] = data.speaker_role
    if data.speaker_url:
        author["sameAs"] = data.speaker_url
    item: dict[str, Any] = {"@type": "Claim", "author": author}
    if data.claim_date is not None:
        item["datePublished"] = _iso(data.claim_date)
    online = [a for a in data.appearances if a.url]
    if online:
        item["appearance"] = [_creative_work(a) for a in online]
        item["firstAppearance"] = _creative_work(online[0])
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": data.url,
        "claimReviewed": data.claim_reviewed,
        "datePublished": _iso(data.date_published),
        "author": {
            "@type": "Organization",
            "name": data.organization,
            "url": data.organization_url,
        },
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if data.date_modified is not None:
        review["dateModified"] = _iso(data.date_modified)
    if data.headline:
        review["headline"] = data.headline
    return review
