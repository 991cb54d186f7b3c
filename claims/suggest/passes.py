"""Passes over an article's candidates once all of them are made, where one candidate's speaker
depends on the others: a report of one person's words, and sources cited after a finding."""

from __future__ import annotations

import re
from collections import Counter

from .names import initials
from .types import Candidate

RUNS_ON_CONFIDENCE = 0.45
_CUED = 0.65  # above what a carried-over sentence gets


def reported_speech_runs_on(candidates: list[Candidate], outlet: str | None) -> None:
    """In a report of one person's words ("The President said that ... The President admitted
    that ... But the country has already ..."), a sentence left to the narrator right after
    that person's reported speech, in the same paragraph, goes on with it: the report tells
    what they said sentence by sentence. Given at low confidence, for the editor to confirm."""
    spoken = [c for c in candidates if c.kind != "narration" and c.speaker]
    narrated = [c for c in candidates if c.kind == "narration"]
    if len(spoken) < 2 or 2 * len(spoken) < len(narrated):
        return
    who, count = Counter(c.speaker for c in spoken).most_common(1)[0]
    if who == outlet or count < len(spoken):
        return
    before = None
    for candidate in candidates:
        after_speech = (
            before is not None
            and before.paragraph == candidate.paragraph
            and before.kind == "indirect"
            and before.speaker == who
            and before.confidence >= _CUED  # said so in words, not itself carried over
        )
        if (
            candidate.kind == "narration"
            and candidate.speaker == outlet
            and after_speech
            and not _about_them(candidate.text, who)
        ):
            candidate.kind, candidate.speaker = "indirect", who
            candidate.speaker_start, candidate.speaker_end = (
                before.speaker_start,
                before.speaker_end,
            )
            candidate.cue, candidate.cue_start, candidate.cue_end = (
                before.cue, before.cue_start, before.cue_end,
            )  # fmt: skip
            candidate.confidence = RUNS_ON_CONFIDENCE
            candidate.evidence = (
                "goes on with the reported speech before it, in a report of one person's words"
            )
        before = candidate


# "(Harbour Health Service 2025a)", "(Roe, 2025)", "(Doe et al., 2019)"
_CITATION = re.compile(
    r"[\s.,;]{0,2}\((?P<who>[A-Z][^()\d]{1,80}?)(?:\s+et al\.?)?,?\s+(?:19|20)\d\d[a-z]?\)"
)


def cited_sources(text: str, candidates: list[Candidate]) -> None:
    """A finding followed by an author-date citation, as research pages cite: the page's
    narrator states it and the work cited is its source (the reported speaker)."""
    for candidate in candidates:
        if candidate.kind != "narration" or candidate.reported_speaker:
            continue
        inside = _CITATION.search(text, candidate.start, candidate.end)
        after = _CITATION.match(text, candidate.end)
        cited = after or (inside if inside and inside.end() >= candidate.end - 1 else None)
        if cited is not None:
            candidate.reported_speaker = cited.group("who").strip()


def _about_them(words: str, who: str) -> bool:
    """Whether a sentence tells of the speaker in the third person ("He made this statement
    ...", "Doe discusses ..."): the narrator's, not more of their words."""
    surname = who.split()[-1]
    # a body named by its initials: "UNHCR works in 120 countries" after its report
    short = [rf"\b{letters.upper()}\b" for letters in initials(who) if len(letters) > 2]
    return bool(re.match(r"(?:He|She|They)\b", words)) or any(
        re.search(pattern, words) for pattern in (rf"\b{re.escape(surname)}\b", *short)
    )
