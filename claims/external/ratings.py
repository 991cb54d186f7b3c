"""A published rating put on the desk's scale, where it can be told (no Django).

Words first: fact-checkers' common verdict words in a few languages, each mapped to a slug of the
desk's default scale (claims/defaults.py). A rating text such as "False. The photo is from
2015" is read by its first phrase too. Failing the words, the published numbers: ratingValue
placed between worstRating and bestRating, then onto the desk's verdicts in order. Anything
else (satire, "altered", a value without bounds) stays unrated: a wrong rating would be worse
than none.
"""

from __future__ import annotations

import re
import unicodedata

FALSE, MOSTLY_FALSE, HALF_TRUE, MOSTLY_TRUE, TRUE = (
    "false",
    "mostly-false",
    "half-true",
    "mostly-true",
    "true",
)
UNVERIFIABLE = "unverifiable"

WORDS: dict[str, tuple[str, ...]] = {
    FALSE: (
        # en
        "false", "fake", "incorrect", "wrong", "pants on fire", "pants on fire!", "hoax",
        "fabricated", "not true", "untrue", "baseless", "four pinocchios", "debunked", "scam",
        # es, pt, it, fr, de, nl
        "falso", "falsa", "fake news", "bulo", "mentira", "incorrecto", "falsch", "faux",
        "fausse", "infox", "onwaar", "niet waar", "sbagliato", "pinocchio andante",
    ),
    MOSTLY_FALSE: (
        "mostly false", "misleading", "partly false", "partially false", "mostly inaccurate",
        "three pinocchios", "distorted", "exaggerated", "out of context",
        "mayormente falso", "engañoso", "enganoso", "enganador", "distorcido", "exagerado",
        "plutôt faux", "trompeur", "trompeuse", "trügerisch", "irreführend",
        "größtenteils falsch", "teilweise falsch", "fuorviante", "grotendeels onwaar",
        "misleidend", "sacar de contexto", "fuera de contexto", "sin contexto",
    ),
    HALF_TRUE: (
        "half true", "half-true", "mixture", "mixed", "partly true", "partially true",
        "missing context", "needs context", "two pinocchios", "half truth",
        "verdad a medias", "medio verdadero", "impreciso", "parcialmente falso",
        "parcialmente verdadeiro", "à moitié vrai", "en partie faux", "halb wahr",
        "halbwahr", "teilweise richtig", "c'eri quasi", "nì", "half waar",
    ),
    MOSTLY_TRUE: (
        "mostly true", "mostly correct", "largely accurate", "one pinocchio",
        "mayormente verdadero", "casi verdadero", "plutôt vrai", "größtenteils richtig",
        "größtenteils wahr", "quasi vero", "grotendeels waar",
    ),
    TRUE: (
        "true", "correct", "accurate", "verdadero", "verdadera", "cierto", "verdadeiro",
        "verdade", "vrai", "richtig", "wahr", "vero", "waar", "geppetto checkmark",
    ),
    UNVERIFIABLE: (
        "unproven", "unverified", "unverifiable", "unsupported", "no evidence",
        "not enough evidence", "inconclusive", "research in progress", "unsubstantiated",
        "sin evidencia", "no verificable", "inverificable", "sem provas", "insustentável",
        "infondé", "non prouvé", "invérifiable", "unbelegt", "nicht belegt", "non verificabile",
    ),
}  # fmt: skip

_BY_WORDS = {
    unicodedata.normalize("NFC", words.casefold()): slug
    for slug, phrases in WORDS.items()
    for words in phrases
}
_FIRST_PHRASE = re.compile(r"^(.+?)\s*(?:[.:;!(\u2013\u2014]|\s-\s)")
_EDGES = " \t\n\"'«»“”‘’.!?¡¿*"


def _words(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).casefold().split()).strip(_EDGES)


def slug_for_words(text: str) -> str | None:
    """The desk's slug for a published rating text, when its words are known."""
    words = _words(text or "")
    if not words:
        return None
    if words in _BY_WORDS:
        return _BY_WORDS[words]
    first = _FIRST_PHRASE.match(words)
    return _BY_WORDS.get(first.group(1).strip(_EDGES)) if first else None


def position(value: float | None, best: float | None, worst: float | None) -> float | None:
    """Where `value` sits from worst (0) to best (1), or None without usable numbers."""
    if value is None or best is None or worst is None or best == worst:
        return None
    place = (value - worst) / (best - worst)
    return place if 0 <= place <= 1 else None


def normalise(
    text: str,
    value: float | None,
    best: float | None,
    worst: float | None,
    verdicts: list[str],
) -> str | None:
    """The desk's slug for a published rating: by its words, else by its numbers placed on
    `verdicts` (the desk's verdict slugs, least true first)."""
    slug = slug_for_words(text)
    if slug is not None:
        return slug
    place = position(value, best, worst)
    if place is None or not verdicts:
        return None
    return verdicts[round(place * (len(verdicts) - 1))]
