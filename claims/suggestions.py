"""The suggestion engine (`claims.suggest`, plain Python) wired to the desk's data.

It supplies what the engine cannot know on its own (the speakers already in the desk, the
earlier claims to match against, with their verdicts) and gives the one JSON shape that
`suggest_claims --json` prints and the editor's workspace uses.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from django.db.models import Prefetch
from django.utils.translation import gettext as _

from .external.matching import similar_checks
from .matching import encoder, hybrid
from .models import Claim, Review, Source, Speaker
from .suggest import Candidate, KnownSpeaker, Paragraph, Suggestions, suggest

if TYPE_CHECKING:
    from .imports.importing import Article

MATCHES_PER_CANDIDATE = 3
EXTERNAL_PER_TEXT = 2
# Below this confidence, a quoted or reported speaker was found only indirectly (carried on
# from an earlier sentence, a finding followed on, a pronoun, a speaker described rather than
# named): the editor confirms it before accepting. On news the engine was not written against,
# pronouns and descriptions were right far less often than names and roles resolved to a name
# (`bench/eval_suggest.py --by-confidence`, figures in bench/README.md).
CONFIRM_SPEAKER_BELOW = 0.75


def known_speakers() -> list[KnownSpeaker]:
    return [
        KnownSpeaker(name=s.name, aliases=tuple(s.aliases), role=s.role, kind=s.kind)
        for s in Speaker.objects.only("name", "aliases", "role", "kind")
    ]


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
    external: list[list[dict[str, Any]]]  # per candidate: other fact-checkers' checks

    def candidates_json(self) -> list[dict[str, Any]]:
        return [
            candidate_json(candidate, matches, external)
            for candidate, matches, external in zip(
                self.suggestions.candidates, self.matches, self.external, strict=True
            )
        ]


def candidate_json(
    candidate: Candidate, matches: list[dict[str, Any]], external: list[dict[str, Any]] = ()
) -> dict[str, Any]:
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
        "external": list(external),
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


def match_json(match: hybrid.Match, language: str | None) -> dict[str, Any]:
    """A match's score and the reasons for it, as the workspace, the alerts and the API show
    them: likeness in meaning and in words, the words shared, the two languages (the new
    text's, when known, and the claim's) and how their figures compare."""
    return {
        "score": round(match.score, 3),
        "reasons": {
            "meaning": None if match.meaning is None else round(match.meaning, 3),
            "words": round(match.words, 3),
            "shared": list(match.shared),
            "languages": [language or "", match.language],
            "figures": match.figures.verdict,
            "new_figures": [figure.text for figure in match.figures.left],
            "earlier_figures": [figure.text for figure in match.figures.right],
        },
    }


def reasons_text(reasons: dict[str, Any]) -> str:
    """The reasons for a match in one line, as an editor reads them beside it."""
    parts = []
    if reasons.get("meaning") is not None:
        parts.append(_("meaning %(score).2f") % {"score": reasons["meaning"]})
    parts.append(_("words %(score).2f") % {"score": reasons.get("words", 0.0)})
    if reasons.get("shared"):
        parts.append(_("shared: %(words)s") % {"words": ", ".join(reasons["shared"][:6])})
    new, earlier = (reasons.get("languages") or ["", ""])[:2]
    if new and earlier and new != earlier:
        parts.append(f"{new} → {earlier}")
    figures = reasons.get("figures")
    if figures == "different":
        parts.append(
            _("same claim, different figure: %(new)s here, %(earlier)s before")
            % {
                "new": ", ".join(reasons.get("new_figures") or []) or "—",
                "earlier": ", ".join(reasons.get("earlier_figures") or []) or "—",
            }
        )
    elif figures == "same":
        parts.append(_("same figures"))
    return " · ".join(parts)


def matches_for(
    texts: Sequence[str],
    *,
    exclude_claims: set[int] = frozenset(),
    language: str | None = None,
    only_language: str | None = None,
    statuses: Sequence[str] | None = None,
    limit: int = MATCHES_PER_CANDIDATE,
    vectors: np.ndarray | None = None,
) -> list[list[dict[str, Any]]]:
    """For each text, the desk's claims it repeats (`claims.matching.hybrid`), best first, with
    each claim's verdict and the reasons for the match. `language` is the texts' own, shown
    beside the claim's; `only_language` limits the claims to that language."""
    found = hybrid.find(
        texts,
        exclude=exclude_claims,
        language=only_language,
        statuses=statuses,
        limit=limit,
        vectors=vectors,
    )
    details = claim_match_details({match.claim_id for matches in found for match in matches})
    answers = []
    for matches in found:
        shown = []
        for match in matches:
            if match.claim_id in details:
                data = {**details[match.claim_id], **match_json(match, language)}
                data["why"] = reasons_text(data["reasons"])
                data["different_figure"] = match.different_figure
                shown.append(data)
        answers.append(shown)
    return answers


def checked_elsewhere(
    texts: Sequence[str], *, vectors: np.ndarray | None = None
) -> list[list[dict[str, Any]]]:
    """For each text, other fact-checkers' checks of the same claim (`claims.external`), each
    with a line to show beside the desk's own matches; never the desk's verdict."""
    if not len(texts):
        return []
    queries = list(texts) if vectors is None else list(vectors)  # texts, or their rows
    found = similar_checks(queries, k=EXTERNAL_PER_TEXT)
    for checks in found:
        for check in checks:
            check["line"] = external_line(check)
    return found


def external_line(check: dict[str, Any]) -> str:
    """ "Checked by X on 2025-03-02: False" """
    verdict = check["rating_text"] or check["rating"] or "—"
    if check["review_date"]:
        return _("Checked by %(publisher)s on %(date)s: %(verdict)s") % {
            "publisher": check["publisher"],
            "date": check["review_date"],
            "verdict": verdict,
        }
    return _("Checked by %(publisher)s: %(verdict)s") % {
        "publisher": check["publisher"],
        "verdict": verdict,
    }


def source_inputs(source: Source | Article) -> dict[str, str | None]:
    """What the engine is told of a source (stored, or an article as an import would store it)
    beside its text: whose narration unattributed text is, and the title and author line that
    may name a speech's speaker, and its language, shown beside each match's. The workspace,
    the arrival job and `suggest_claims` read a source the same way."""
    return {
        "outlet": source.publisher or None,
        "title": source.title or None,
        "author": source.author or None,
        "language": source.language or None,
    }


def suggest_for_text(
    text: str,
    *,
    outlet: str | None = None,
    title: str | None = None,
    author: str | None = None,
    language: str | None = None,
    exclude_claims: set[int] = frozenset(),
    with_matches: bool = True,
) -> Report:
    """Suggestions for a text, using the desk's speakers, matched against earlier claims
    (`exclude_claims`: claims that should not match, such as those made from this very text).
    `title` and `author` are the source's: they name the speaker of a speech or statement
    whose text never does; `language` is the text's."""
    suggestions = suggest(
        text, speakers=known_speakers(), outlet=outlet, title=title, author=author
    )
    return report_for(
        text,
        suggestions,
        language=language,
        exclude_claims=exclude_claims,
        with_matches=with_matches,
    )


def report_for(
    text: str,
    suggestions: Suggestions,
    *,
    language: str | None = None,
    exclude_claims: set[int] = frozenset(),
    with_matches: bool = True,
) -> Report:
    """The report on suggestions already made (stored ones too), matched against the desk's
    claims as they are now."""
    if with_matches and suggestions.candidates:
        texts = [candidate.text for candidate in suggestions.candidates]
        vectors = encoder.encode(texts)
        found = matches_for(
            texts, exclude_claims=exclude_claims, language=language, vectors=vectors
        )
        external = checked_elsewhere(texts, vectors=vectors)
    else:
        found = external = [[] for _ in suggestions.candidates]
    return Report(text=text, suggestions=suggestions, matches=found, external=external)


def similar_claims(
    text: str,
    *,
    exclude_claims: set[int] = frozenset(),
    language: str | None = None,
    only_language: str | None = None,
) -> list[dict[str, Any]]:
    """Earlier claims that `text` repeats, best first, with their verdicts and the reasons."""
    return matches_for(
        [text], exclude_claims=exclude_claims, language=language, only_language=only_language
    )[0]


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
