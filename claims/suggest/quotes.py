"""Finding quotations in a paragraph and telling a quoted statement from a quoted phrase.

A statement quote ('"We are ready," he said') carries someone's own words and becomes direct
speech; an inline quote (the 'Bolshaya Igra ("Big Game") show', scare quotes) is just part of
the sentence around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import CUE_WORDS, FINDING_CUES

# Pasted text mixes straight and curly marks ("“...,\" he said"), and some sites open with
# the closing mark ("”...“"): each opener accepts any double closing mark.
_OPENERS = {"“": '”"', "„": '“”"', "«": "»", '"': '"”', "”": '“”"'}
_SINGLE_OPENERS = {"‘": "’", "'": "'"}
_WORD = re.compile(r"[^\W_]+")
_LAST_WORD = re.compile(r"([^\W\d_]+)\W*$")
_NAME_WORDS = 3
_SAID_AFTER = frozenset({"said", "says", "added", "adds", "asked", "told", "wrote", "explained"})
_STATEMENT_END = frozenset(".,!?…;—-:")
_LEFT_OK = frozenset('.!?:,;—–-"”»“')


@dataclass(frozen=True)
class Quote:
    """Quotation marks at `open` and `close` (close == paragraph end when left unclosed)."""

    open: int
    close: int
    closed: bool

    @property
    def content(self) -> tuple[int, int]:
        return self.open + 1, self.close

    @property
    def outer(self) -> tuple[int, int]:
        return self.open, self.close + 1 if self.closed else self.close


def find_quotes(text: str, start: int, end: int) -> list[Quote]:
    """Quotation spans in text[start:end]; single quotes only where no double ones are used."""
    quotes = _pair(text, start, end, _OPENERS)
    if not quotes:
        quotes = [q for q in _pair(text, start, end, _SINGLE_OPENERS) if q.closed]
    return quotes


def _pair(text: str, start: int, end: int, openers: dict[str, str]) -> list[Quote]:
    if '"' in openers:
        marks = _straight_only(text, start, end)
        if marks:
            return marks
    quotes: list[Quote] = []
    i = start
    while i < end:
        char = text[i]
        if char in openers and _can_open(text, i, start, end, single=char in "‘'"):
            close = _find_close(text, i + 1, end, openers[char], single=char in "‘'")
            if close is None:
                quotes.append(Quote(i, end, closed=False))
                break
            quotes.append(Quote(i, close, closed=True))
            i = close + 1
            continue
        i += 1
    return quotes


_CURLY = re.compile("[“”„«»]")
_STRAIGHT = re.compile('"')


def _straight_only(text: str, start: int, end: int) -> list[Quote]:
    """A paragraph quoting with straight marks alone, an even number of them, pairs them in
    turn: a mark's spacing is what pasted text gets wrong ('communities," For example ...
    exercise".'), their order it keeps."""
    if _CURLY.search(text, start, end):
        return []
    marks = [match.start() for match in _STRAIGHT.finditer(text, start, end)]
    if not marks or len(marks) % 2:
        return []
    return [Quote(a, b, closed=True) for a, b in zip(marks[::2], marks[1::2], strict=True)]


def _can_open(text: str, i: int, start: int, end: int, *, single: bool) -> bool:
    if i + 1 >= end or text[i + 1].isspace():
        return False
    if text[i] == "”" and not (i == start or text[i - 1].isspace()):
        return False
    if not single:
        return True
    return i == start or text[i - 1].isspace() or text[i - 1] in "([—–-"


def _find_close(text: str, i: int, end: int, closers: str, *, single: bool) -> int | None:
    for j in range(i, end):
        if not single and _misturned_close(text, j, end):
            return j  # "... decision.“ However": an opening mark typed where the quote ends
        if text[j] not in closers:
            continue
        if single and j + 1 < end and text[j + 1].isalnum():
            continue  # an apostrophe: don't, Russia's
        if single and text[j - 1].isspace():
            continue
        return j
    return None


def _misturned_close(text: str, j: int, end: int) -> bool:
    """An opening double mark after a sentence's last punctuation and before a space: it
    cannot open anything there, so it closes."""
    return (
        text[j] in "“„"
        and j > 0
        and text[j - 1] in ".,!?…"
        and (j + 1 >= end or text[j + 1].isspace())
    )


_PLACE_WORDS = frozenset({"in", "on", "at", "via", "through", "during"})
_CUE_REACH = 7  # words back from the quotation to its cue: "writing in a blog post"


def _cue_then_place(left: str) -> bool:
    """Whether the words before a quotation end in a cue and where the words were given:
    'writing in a blog post "..."', 'said on Twitter "..."'."""
    words = [w.lower() for w in _WORD.findall(left[-80:])][-_CUE_REACH:]
    for k, word in enumerate(words[:-1]):
        if word in CUE_WORDS and words[k + 1] in _PLACE_WORDS:
            return True
    return False


def is_statement(text: str, quote: Quote, start: int, end: int) -> bool:
    """Whether a quotation is someone's statement rather than a phrase inside a sentence.

    It must hold words, open where a statement can open (the paragraph's start, after a
    full stop, colon or comma, or right after a cue such as "said") and close where one can
    close (on punctuation inside the marks, or before punctuation or the paragraph's end).
    """
    content_start, content_end = quote.content
    if not _WORD.search(text, content_start, content_end):
        return False
    left = text[start : quote.open].rstrip().rstrip("*_").rstrip()  # Markdown's bold marks
    if left and left[-1] not in _LEFT_OK:
        last = _LAST_WORD.search(left)
        # ('had shown "a shocking disregard for the law."': a finding's verb, no speech)
        if not last or last.group(1).lower() not in (CUE_WORDS - FINDING_CUES) | {"that"}:
            # 'writing in a blog post "...": a whole sentence, not a page's title
            inside = text[content_start:content_end].rstrip()
            if not _cue_then_place(left) or not inside or inside[-1] not in ".!?…":
                return False
    if not quote.closed:
        return True
    inside = text[content_start:content_end].rstrip()
    if inside and inside[-1] in _STATEMENT_END:
        return True
    after = text[quote.close + 1 : end].lstrip()
    if not after or after[0] in ".,!?;:—–-":
        return True
    # '"We have reliable information of his recovery" said Chavez.': the comma left out
    if left and left[-1] not in ".!?:":
        return False
    words = [w.strip(".,;") for w in after.split()[: _NAME_WORDS + 1]]
    said = next((i for i, w in enumerate(words) if w.lower() in _SAID_AFTER), None)
    # "... said Chavez." or "... Chavez said.": a cue, with only a name before it
    return said is not None and all(w[:1].isupper() for w in words[:said])
