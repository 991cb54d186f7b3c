"""Words and punctuation with their offsets, the unit every attribution rule reads.

Offsets always point into the text as given, so a rule that finds a phrase in tokens can hand
back an exact span. A cue glued to a name by a typo ("Putinsaid") is read as two tokens.
"""

from __future__ import annotations

import bisect
import functools
import re
from typing import NamedTuple

from .lexicon import GLUE_CUES

# Dotted acronyms (U.S., a.m.), words with inner apostrophes or hyphens, or one other character.
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['’\-][^\W_]+)*|\S")
_GLUED = re.compile(r"([A-Z][a-z]{2,})(" + "|".join(GLUE_CUES) + r")$")
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
QUOTE_CHARS = frozenset('"“”„«»')


_PARTICLE_NAME = re.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ud|bin|ibn|abu|ben)-[^\W\d_]")


class Token(NamedTuple):
    text: str
    start: int
    end: int
    lower: str  # the text in lower case, computed once: every rule compares it

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_capitalised(self) -> bool:
        # "al-Amr", "el-Sisi", "bin-Salman": a name behind a lower-case particle
        return self.text[0].isupper() or bool(_PARTICLE_NAME.match(self.text))


# Characters that stand for a plain space or a line break in pasted text: no-break and thin
# spaces, zero-width spaces, Unicode line and paragraph separators. Each is replaced by one
# character, so offsets into the replaced text are offsets into the text as given.
_ODD_SPACES = {
    **{code: " " for code in (0xA0, 0x1680, 0x202F, 0x205F, 0x3000, 0x200B, 0xFEFF)},
    **{code: " " for code in range(0x2000, 0x200B)},
    0x2028: "\n",
    0x2029: "\n",
    0x0B: "\n",
    0x0C: "\n",
    0x85: "\n",
}


def plain_spaces(text: str) -> str:
    """The text with odd spaces and line breaks made plain, every offset unchanged."""
    return text.translate(_ODD_SPACES)


def proper_words(text: str) -> frozenset[str]:
    """Capitalised words that stand alone somewhere in the text: the names a typo can glue to."""
    return frozenset(_CAPITALISED.findall(text))


def tokenize(text: str, start: int, end: int, names: frozenset[str] = frozenset()) -> list[Token]:
    """Tokens of text[start:end]; `names` are words a glued cue may be split from.

    An article is read many times over (paragraphs, sentences, clauses, speaker phrases), so
    its tokens are found once and each range is a slice of them.
    """
    tokens, starts = _article_tokens(text, names)
    first = bisect.bisect_left(starts, start)
    last = bisect.bisect_left(starts, end, first)
    if last > first and tokens[last - 1].end > end:
        return _tokenize(text, start, end, names)  # a range that ends inside a word
    if first < len(tokens) and first and tokens[first - 1].end > start:
        return _tokenize(text, start, end, names)  # ... or starts inside one
    return list(tokens[first:last])


@functools.lru_cache(maxsize=4)
def _article_tokens(text: str, names: frozenset[str]) -> tuple[tuple[Token, ...], list[int]]:
    tokens = tuple(_tokenize(text, 0, len(text), names))
    return tokens, [t.start for t in tokens]


def _tokenize(text: str, start: int, end: int, names: frozenset[str]) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if word in _EMPHASIS:
            continue  # Markdown's "**Jane Doe** **said**": marks around words, not words
        glued = None
        if len(word) > 6 and word.endswith(GLUE_CUES) and word[0].isupper():
            glued = _GLUED.match(word)
        if glued and glued.group(1) in names:
            cut = match.start() + len(glued.group(1))
            name, cue = glued.group(1), glued.group(2)
            tokens.append(Token(name, match.start(), cut, name.lower()))
            tokens.append(Token(cue, cut, match.end(), cue))
        elif word in _ACRONYMS:
            # "WHO", "US": an organisation or a country, never "who" or "us"
            tokens.append(Token(word, match.start(), match.end(), word))
        else:
            tokens.append(Token(word, match.start(), match.end(), word.lower()))
    return tokens


_EMPHASIS = frozenset({"*", "_"})
# Capitalised abbreviations spelled like a function word.
_ACRONYMS = frozenset({"WHO", "US", "IT"})


def word_count(text: str, start: int = 0, end: int | None = None) -> int:
    """How many words text[start:end] holds."""
    end = len(text) if end is None else end
    return sum(1 for t in _TOKEN.finditer(text, start, end) if t.group()[0].isalnum())
