"""Cutting a text into flat segments where highlighted spans start and end, so overlapping
highlights (a suggested claim inside a statement already made) can be drawn as plain HTML.

Plain Python, no Django.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise


@dataclass(frozen=True)
class Mark:
    """A highlighted span: `kind` says what it is, `key` which one (a candidate index, ...)."""

    start: int
    end: int
    kind: str
    key: object


@dataclass
class Segment:
    start: int
    end: int
    text: str
    marks: dict[str, list[object]] = field(default_factory=dict)  # kind -> keys covering it

    def first(self, kind: str) -> object | None:
        keys = self.marks.get(kind)
        return keys[0] if keys else None


def segments(text: str, start: int, end: int, marks: Sequence[Mark]) -> list[Segment]:
    """text[start:end] cut at every mark boundary inside it; each piece lists the marks over it."""
    inside = [m for m in marks if m.start < end and m.end > start]
    cuts = sorted({start, end, *(m.start for m in inside), *(m.end for m in inside)})
    cuts = [c for c in cuts if start <= c <= end]
    pieces = []
    for a, b in pairwise(cuts):
        covering: dict[str, list[object]] = {}
        for mark in inside:
            if mark.start <= a and mark.end >= b:
                covering.setdefault(mark.kind, []).append(mark.key)
        pieces.append(Segment(start=a, end=b, text=text[a:b], marks=covering))
    return pieces
