"""Reads shared by the admin, pages and the API."""

from __future__ import annotations

from django.db.models import Count

from .enums import ClaimStatus
from .models import Claim, Review


def claim_current_review(claim: Claim) -> Review | None:
    """The approved review readers see now: the latest approval."""
    return claim.reviews.current_first().first()


def claim_status_counts() -> dict[str, int]:
    """How many claims are in each status, every status present (zero when empty)."""
    counts = dict.fromkeys(ClaimStatus.values, 0)
    rows = Claim.objects.order_by().values("status").annotate(n=Count("id"))
    counts.update({row["status"]: row["n"] for row in rows})
    return counts
