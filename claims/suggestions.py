"""The suggestion engine (`claims.suggest`, plain Python) wired to the desk's data.

It supplies what the engine cannot know on its own (the speakers already in the desk, the
earlier claims to match against, with their verdicts) and gives the one JSON shape that
`suggest_claims --json` prints and the editor's workspace uses.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from django.db.models import Count, Max, Prefetch

from .models import Claim, Review, Source, Speaker
from .suggest import Candidate, ClaimIndex, KnownSpeaker, Paragraph, Suggestions, suggest

if TYPE_CHECKING:
    from .imports.importing import Article

MATCHES_PER_CANDIDATE = 3
MIN_MATCH_SCORE = 0.55
# Below this confidence, a quoted or reported speaker was found only indirectly (carried on
# from an earlier sentence, a finding followed on): the editor confirms it before accepting.
CONFIRM_SPEAKER_BELOW = 0.6


def known_speakers() -> list[KnownSpeaker]:
    return [
        KnownSpeaker(name=s.name, aliases=tuple(s.aliases), role=s.role, kind=s.kind)
        for s in Speaker.objects.only("name", "aliases", "role", "kind")
    ]


class _ClaimIndexCache:
    """One fuzzy index of every claim's wording per process, rebuilt when claims change.

    Building it is linear in the number of claims; searching it is fast. A single aggregate
    query tells whether the stored one is still current.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._stamp: tuple | None = None
        self._index: ClaimIndex | None = None

    def get(self) -> ClaimIndex:
        stamp = tuple(
            Claim.objects.aggregate(
                n=Count("id"), last=Max("id"), edited=Max("updated_at")
            ).values()
        )
        with self._lock:
            if self._index is None or stamp != self._stamp:
                self._index = ClaimIndex(Claim.objects.values_list("id", "text").iterator())
                self._stamp = stamp
            return self._index


claim_index = _ClaimIndexCache()


def claim_match_details(ids: set[int]) -> dict[int, dict[str, Any]]:
    """What an editor needs to know about each earlier claim: where it is, and its verdict."""
    approved = Prefetch(
        "reviews",
        queryset=Review.objects.current_first().select_related("rating"),
        to_attr="approved_reviews",
    )
    claims = Claim.objects.filter(id__in=ids).select_related("statement__speaker")
    details = {}
    for claim in claims.prefetch_related(approved):
        verdict = claim.approved_reviews[0].rating if claim.approved_reviews else None
        details[claim.id] = {
            "id": claim.id,
            "slug": claim.slug,
            "text": claim.text,
            "status": claim.status,
            "speaker": claim.statement.speaker.name,
            "verdict": verdict.label if verdict else None,
        }
    return details


@dataclass
class Report:
    """Suggestions for one text, with each candidate's earlier matching claims."""

    text: str
    suggestions: Suggestions
    matches: list[list[dict[str, Any]]]  # per candidate, best first

    def candidates_json(self) -> list[dict[str, Any]]:
        return [
            candidate_json(candidate, matches)
            for candidate, matches in zip(self.suggestions.candidates, self.matches, strict=True)
        ]


def candidate_json(candidate: Candidate, matches: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "start": candidate.start,
        "end": candidate.end,
        "text": candidate.text,
        "kind": candidate.kind,
        "speaker": candidate.speaker,
        "reported_speaker": candidate.reported_speaker,
        "checkworthiness": round(candidate.checkworthiness, 3),
        "reasons": list(candidate.reasons),
        "duplicate_of": candidate.duplicate_of,
        "matches": matches,
        "paragraph": candidate.paragraph,
        "statement_start": candidate.statement_start,
        "statement_end": candidate.statement_end,
        "cue": candidate.cue,
        "cue_start": candidate.cue_start,
        "cue_end": candidate.cue_end,
        "speaker_start": candidate.speaker_start,
        "speaker_end": candidate.speaker_end,
        "confidence": candidate.confidence,
        "evidence": candidate.evidence,
        "confirm_speaker": speaker_in_doubt(candidate),
    }


def speaker_in_doubt(candidate: Candidate) -> bool:
    """Whether a suggestion's speaker must be confirmed: words given to someone on weak
    evidence. The outlet's own narration and a missing speaker are plain to see already."""
    return (
        candidate.speaker is not None
        and candidate.kind != "narration"
        and candidate.confidence < CONFIRM_SPEAKER_BELOW
    )


def _search(index: ClaimIndex, text: str, exclude_claims: set[int]) -> list[tuple[int, float]]:
    hits = index.search(
        text, limit=MATCHES_PER_CANDIDATE + len(exclude_claims), min_score=MIN_MATCH_SCORE
    )
    kept = [(hit.key, hit.score) for hit in hits if hit.key not in exclude_claims]
    return kept[:MATCHES_PER_CANDIDATE]


def _with_details(found: list[list[tuple[int, float]]]) -> list[list[dict[str, Any]]]:
    """Each list of (claim id, score) as match dicts, in two queries for all of them."""
    details = claim_match_details({key for hits in found for key, _score in hits})
    return [
        [{**details[key], "score": round(score, 3)} for key, score in hits if key in details]
        for hits in found
    ]


def source_inputs(source: Source | Article) -> dict[str, str | None]:
    """What the engine is told of a source (stored, or an article as an import would store it)
    beside its text: whose narration unattributed text is, and the title and author line that
    may name a speech's speaker. The workspace, the arrival job and `suggest_claims` read a
    source the same way."""
    return {
        "outlet": source.publisher or None,
        "title": source.title or None,
        "author": source.author or None,
    }


def suggest_for_text(
    text: str,
    *,
    outlet: str | None = None,
    title: str | None = None,
    author: str | None = None,
    exclude_claims: set[int] = frozenset(),
    with_matches: bool = True,
) -> Report:
    """Suggestions for a text, using the desk's speakers, matched against earlier claims
    (`exclude_claims`: claims that should not match, such as those made from this very text).
    `title` and `author` are the source's: they name the speaker of a speech or statement
    whose text never does."""
    suggestions = suggest(
        text, speakers=known_speakers(), outlet=outlet, title=title, author=author
    )
    return report_for(text, suggestions, exclude_claims=exclude_claims, with_matches=with_matches)


def report_for(
    text: str,
    suggestions: Suggestions,
    *,
    exclude_claims: set[int] = frozenset(),
    with_matches: bool = True,
) -> Report:
    """The report on suggestions already made (stored ones too), matched against the desk's
    claims as they are now."""
    if with_matches and suggestions.candidates:
        index = claim_index.get()
        found = [_search(index, c.text, exclude_claims) for c in suggestions.candidates]
    else:
        found = [[] for _ in suggestions.candidates]
    return Report(text=text, suggestions=suggestions, matches=_with_details(found))


def similar_claims(text: str, *, exclude_claims: set[int] = frozenset()) -> list[dict[str, Any]]:
    """Earlier claims worded like `text`, best first, with their verdicts."""
    return _with_details([_search(claim_index.get(), text, exclude_claims)])[0]


@functools.cache
def engine_version() -> str:
    """A fingerprint of the engine's code: stored suggestions made by other code are stale."""
    package = Path(__file__).resolve().parent / "suggest"
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def suggestions_to_json(suggestions: Suggestions) -> dict[str, Any]:
    return dataclasses.asdict(suggestions)


def suggestions_from_json(data: dict[str, Any]) -> Suggestions:
    """The engine's answer as stored by `suggestions_to_json`; raises TypeError or KeyError
    when the stored shape is not this engine's."""
    return Suggestions(
        paragraphs=[Paragraph(**paragraph) for paragraph in data["paragraphs"]],
        candidates=[Candidate(**candidate) for candidate in data["candidates"]],
        speakers=list(data["speakers"]),
    )
