"""Hybrid matching: the desk's claims that a new wording repeats, found by meaning and by words,
with one score, the reasons for it and the check of their figures.

Candidates come from two places, both shared by every process: the vector index
(`index.search_many`, the claims nearest in meaning, in any language) and the database's
full-text index (`fulltext.likely_rewordings`, claims sharing its rarer words). Each candidate
is then scored the same way, whichever found it:

- `meaning`: the cosine of the two sentence embeddings (None when the claim has no vector yet);
- `words`: the lexical likeness of the two wordings (shared content words weighted, then
  characters), which catches a name or a term the embedding blurs;
- `score`: the larger of the two, the one figure the thresholds are set against;
- `figures`: whether their numbers, shares and dates agree (`claims.suggest.figures`); a pair
  whose figures differ is "same claim, different figure", shown with both, never linked by
  itself.

The thresholds are settings (docs/deployment.md): a match at FACTCHECK_MATCH_SUGGEST or more is
shown to the editor; one at FACTCHECK_MATCH_LINK or more whose figures agree and whose new
wording has enough words may be linked as a repeat without an editor (`linkable`). Matches are
ranked by score less a small penalty for age, so a recent claim comes before an equally close old
one (FACTCHECK_MATCH_AGE_PENALTY; 0 ranks by score alone).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from django.conf import settings
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils import timezone

from claims.db import fulltext
from claims.models import Claim
from claims.suggest.figures import FigureCheck, compare
from claims.suggest.matching import content_words, similarity

from . import encoder, index
from .embeddings import current
from .models import vector_of

# Candidates read from each index for every wording, before they are scored.
CANDIDATES = 20
# Penalties for age grow over this time, then stay.
AGE_SPAN = datetime.timedelta(days=730)


@dataclass(frozen=True)
class Match:
    claim_id: int
    score: float
    meaning: float | None
    words: float
    shared: tuple[str, ...]  # the new wording's content words the claim shares, as written
    figures: FigureCheck
    language: str  # the claim's source's language
    rank: float

    @property
    def different_figure(self) -> bool:
        return self.figures.differs


def suggest_at() -> float:
    return float(settings.FACTCHECK_MATCH_SUGGEST)


def link_at() -> float:
    return float(settings.FACTCHECK_MATCH_LINK)


def score_of(meaning: float | None, words: float) -> float:
    """The one score of a pair: the larger of its likeness in meaning and in words."""
    return max(meaning or 0.0, words)


def linkable(text: str, *, score: float, figures: str) -> bool:
    """Whether new words `text` may be linked as a repeat without an editor, given their match's
    score and how its figures compare ("same", "different", "none"): close enough, no figure
    changed, and a wording long enough for its likeness to mean something."""
    return (
        score >= link_at()
        and figures in ("same", "none")
        and len(content_words(text)) >= settings.FACTCHECK_MATCH_LINK_MIN_WORDS
    )


def find(
    texts: Sequence[str],
    *,
    exclude: Iterable[int] = (),
    language: str | None = None,
    limit: int = 3,
    min_score: float | None = None,
    statuses: Iterable[str] | None = None,
    vectors: np.ndarray | None = None,
) -> list[list[Match]]:
    """For each text, up to `limit` of the desk's claims it repeats, best first, each scoring
    at least `min_score` (the suggestion threshold when None). `language` limits the claims to
    those whose source is in that language; `statuses` to those in these statuses; claims in
    `exclude` never match. `vectors`: the texts already encoded, one row each."""
    texts = list(texts)
    if not texts:
        return []
    floor = suggest_at() if min_score is None else min_score
    skip = set(exclude)
    vectors = encoder.encode(texts) if vectors is None else vectors
    # Filters drop some of the nearest claims after the search: read more of them then.
    breadth = CANDIDATES if language is None and statuses is None else 3 * CANDIDATES
    near = index.shared.search_many(vectors, breadth, exclude=skip)
    claims = Claim.objects.all()
    if language:
        claims = claims.filter(statement__source__language=language)
    if statuses is not None:
        claims = claims.filter(status__in=list(statuses))
    found: list[dict[int, float | None]] = []
    for text, hits in zip(texts, near, strict=True):
        candidates: dict[int, float | None] = dict(hits)
        for pk in fulltext.likely_rewordings(
            claims, content_words(text), table="claims_claim", limit=CANDIDATES + len(skip)
        ):
            candidates.setdefault(pk, None)
        found.append({pk: cos for pk, cos in candidates.items() if pk not in skip})
    rows = _claims(claims, {pk for hits in found for pk in hits})
    missing = {pk for hits in found for pk, cos in hits.items() if cos is None and pk in rows}
    stored = _vectors(missing)
    now = timezone.now()
    answers = []
    for text, vector, hits in zip(texts, vectors, found, strict=True):
        matches = []
        for pk, cos in hits.items():
            if pk not in rows:
                continue
            claim_text, claim_language, dated = rows[pk]
            if cos is None and pk in stored:
                cos = float(stored[pk] @ vector)
            words = similarity(text, claim_text)
            score = score_of(cos, words)
            if score < floor:
                continue
            matches.append(
                Match(
                    claim_id=pk,
                    score=score,
                    meaning=cos,
                    words=words,
                    shared=_shared(text, claim_text),
                    figures=compare(text, claim_text),
                    language=claim_language,
                    rank=score - _age_penalty(now - dated),
                )
            )
        matches.sort(key=lambda match: (-match.rank, -match.claim_id))
        answers.append(matches[:limit])
    return answers


def _claims(claims, ids: set[int]) -> dict[int, tuple[str, str, datetime.datetime]]:
    """(text, language, date) of each claim among `ids` that `claims` holds; its date is when
    it was first published, or else made."""
    rows = (
        claims.filter(pk__in=ids)
        .annotate(
            language=F("statement__source__language"),
            dated=Coalesce("first_published_at", "created_at"),
        )
        .values_list("pk", "text", "language", "dated")
    )
    return {pk: (text, language, dated) for pk, text, language, dated in rows}


def _vectors(ids: set[int]) -> dict[int, np.ndarray]:
    """The stored unit vectors of these claims (those found by words only)."""
    if not ids:
        return {}
    rows = current().filter(claim_id__in=ids).values_list("claim_id", "vector")
    return {pk: encoder.normalised(vector_of(data)) for pk, data in rows}


def _shared(text: str, other: str) -> tuple[str, ...]:
    """The words of `text` (as written) whose content word `other` holds too."""
    theirs = set(content_words(other))
    shown = {}
    for word in text.split():
        stems = content_words(word)
        if stems and stems[0] in theirs:
            shown.setdefault(stems[0], word.strip(".,;:!?\"'“”‘’()[]"))
    return tuple(shown.values())


def _age_penalty(age: datetime.timedelta) -> float:
    share = min(max(age / AGE_SPAN, 0.0), 1.0)
    return float(settings.FACTCHECK_MATCH_AGE_PENALTY) * share
