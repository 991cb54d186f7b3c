"""External checks nearest in meaning to some texts, for whoever shows them beside the desk's
own matches: one call, one encoder batch, one read of the rows found."""

from __future__ import annotations

from claims.matching.collections import EXTERNAL
from claims.matching.index import SharedIndex

from .models import ExternalFactCheck

# A cosine below this is another subject as often as the same one (the gold pairs of
# bench/eval_matching.py put rewordings and translations above it).
MIN_SCORE = 0.65

# The process's handle on the external checks' index file (as `claims.matching.index.shared`
# is on the claims').
index = SharedIndex(EXTERNAL)


def similar_checks(texts: list[str], k: int = 3, min_score: float = MIN_SCORE) -> list[list[dict]]:
    """For each text, up to `k` external checks whose claim is at least `min_score` (cosine)
    close in meaning, best first, each as a dict:
    id, publisher, url, claim_text, claimant, claim_date and review_date (ISO or None),
    rating_text, rating (the desk's rating label or None), language, score."""
    if not texts or k <= 0:
        return [[] for _ in texts]
    hits = [
        [(pk, score) for pk, score in found if score >= min_score]
        for found in index.search_many(list(texts), k)
    ]
    wanted = {pk for found in hits for pk, _ in found}
    checks = ExternalFactCheck.objects.select_related("rating").in_bulk(wanted)
    return [[_shown(checks[pk], score) for pk, score in found if pk in checks] for found in hits]


def _shown(check: ExternalFactCheck, score: float) -> dict:
    return {
        "id": check.pk,
        "publisher": check.publisher,
        "url": check.review_url,
        "claim_text": check.claim_text,
        "claimant": check.claimant,
        "claim_date": check.claim_date.isoformat() if check.claim_date else None,
        "review_date": check.review_date.isoformat() if check.review_date else None,
        "rating_text": check.rating_text,
        "rating": check.rating.label if check.rating else None,
        "language": check.language,
        "score": round(float(score), 3),
    }
