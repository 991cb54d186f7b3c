"""The engine's public data: what the caller passes in and what `suggest()` hands back.

Plain dataclasses with no behaviour, so that the Django side, the tests and the benchmark can
build and compare them without running the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class KnownSpeaker:
    """A speaker already in the desk's database, so that the engine uses the desk's names."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str = ""
    kind: str = "person"


@dataclass
class Paragraph:
    """One line of the article, classified so that noise and repeats are never suggested."""

    index: int
    start: int
    end: int
    kind: str  # "body" | "heading" | "noise" | "repeat"
    reason: str
    repeat_of: int | None = None


@dataclass
class Candidate:
    """One atomic claim candidate, anchored to exact offsets in the text as given.

    The attribution carries its evidence: `cue` and `cue_start`/`cue_end` are the words that
    attribute it ("said", "according to", a transcript's speaker label is the speaker span
    alone), `speaker_start`/`speaker_end` the words that named the speaker (a pronoun, a
    role, a headline's "Statement from ..."), `evidence` says in words how the speaker was
    found, and `confidence` (0 to 1) how directly the text gives the speaker: about 0.9 for a
    name next to the cue, less for a role, a pronoun or a speaker carried over, 0.5 for the
    outlet's narration, 0 for no speaker at all.
    """

    start: int
    end: int
    text: str
    kind: str  # "direct" | "indirect" | "narration"
    speaker: str | None
    reported_speaker: str | None
    checkworthiness: float
    reasons: list[str] = field(default_factory=list)
    duplicate_of: int | None = None
    paragraph: int = 0
    statement_start: int = 0
    statement_end: int = 0
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    confidence: float = 0.0
    evidence: str = ""


@dataclass
class Suggestions:
    """Everything the engine found in one article."""

    paragraphs: list[Paragraph]
    candidates: list[Candidate]
    speakers: list[str]


@dataclass(frozen=True)
class ClaimMatch:
    """An earlier claim whose wording is close to the text searched for."""

    key: object
    score: float
    text: str
