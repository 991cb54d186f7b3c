"""Fuzzy matching of claim wordings: an index of earlier claims, and near-duplicate tests.

Texts are compared as sets of normalised content words (case, accents, punctuation, stop
words and common endings set aside), weighted by how rare each word is, so that rewording,
reordering and small edits still match. A search looks up a shortlist through an inverted
index of those words (with a trigram index of the vocabulary for misspelt words) and scores
only the shortlist, which keeps a search fast against a hundred thousand stored claims.
"""

from __future__ import annotations

import heapq
import math
import re
import unicodedata
from collections.abc import Iterable

# rapidfuzz: the normalised InDel similarity (what difflib.SequenceMatcher.ratio estimates),
# in C++, several times faster.
from rapidfuzz.fuzz import ratio as _char_ratio

from .lexicon import word_set
from .types import ClaimMatch

_WORD = re.compile(r"[^\W_]+")
STOPWORDS = word_set("""
    a an the and or but if of to in on at by for with from as is are was were be been being it
    its this that these those there their they them he she his her we our us you your i me my
    do does did has have had will would can could should may might must also than then so such
    very just into about over under after before between during while which who whom whose what
    when where why how all any some more most other own same only s t said says say
    """)
_FUZZY_WEIGHT = 0.8  # a misspelt word counts for less than an exact one
_SHORTLIST = 60
_COMMON_WORD = 2_000  # a word in more claims than this (or than an eighth of a small index)
_FEW_CLAIMS = 32  # ... does not pick the shortlist, but a word in fewer always may
_ALWAYS_USED = 2  # ... unless it is among the rarest two words of the query
_DICE_SHARE = 0.8  # the rest of a score comes from character-level similarity


def _fold(text: str) -> str:
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def stem(word: str) -> str:
    """A light English stemmer: enough to make "proposals" meet "proposal"."""
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
    elif len(word) > 4 and word.endswith(("ed", "ches", "shes", "sses", "xes", "zes")):
        word = word[:-2]
    elif len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        word = word[:-1]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def content_words(text: str, stems: dict[str, str] | None = None) -> list[str]:
    """The normalised content words of a text, in order (`stems`: a cache of stemmed words)."""
    words = _WORD.findall(_fold(text).replace("’", "'").replace("'s ", " "))
    if stems is None:
        return [stem(w) for w in words if w not in STOPWORDS]
    out = []
    for word in words:
        if word not in STOPWORDS:
            stemmed = stems.get(word)
            if stemmed is None:
                stemmed = stems[word] = stem(word)
            out.append(stemmed)
    return out


def similarity(a: str, b: str) -> float:
    """Unweighted closeness of two texts in [0, 1] (word sets, then characters)."""
    wa, wb = content_words(a), content_words(b)
    return _score(set(wa), set(wb), " ".join(wa), " ".join(wb), dict.fromkeys(wa, 1.0), 1.0)


def _score(
    qs: set[str], ds: set[str], qn: str, dn: str, weights: dict[str, float], default: float
) -> float:
    if not qs or not ds:
        return 0.0
    if qn == dn:
        return 1.0
    common = sum(weights.get(w, default) for w in qs & ds)
    total = sum(weights.get(w, default) for w in qs) + sum(weights.get(w, default) for w in ds)
    dice = 2 * common / total if total else 0.0
    chars = _char_ratio(qn, dn) / 100
    return _DICE_SHARE * dice + (1 - _DICE_SHARE) * chars


class ClaimIndex:
    """Fuzzy index of earlier claims' texts; build once, search many times."""

    def __init__(self, items: Iterable[tuple[object, str]] = ()) -> None:
        self._keys: list[object] = []
        self._texts: list[str] = []
        self._words: list[tuple[str, ...]] = []  # distinct content words of each claim
        self._norms: list[str] = []
        self._postings: dict[str, list[int]] = {}
        self._grams: dict[str, list[str]] = {}  # trigram -> vocabulary words holding it
        self._stems: dict[str, str] = {}
        for key, text in items:
            self.add(key, text)

    def words(self, text: str) -> list[str]:
        """The content words this index compares `text` by."""
        return content_words(text, self._stems)

    def add(self, key: object, text: str, words: list[str] | None = None) -> None:
        """Store a claim; `words` saves normalising a text whose words are already known."""
        words = self.words(text) if words is None else words
        doc = len(self._keys)
        self._keys.append(key)
        self._texts.append(text)
        distinct = tuple(dict.fromkeys(words))
        self._words.append(distinct)
        self._norms.append(" ".join(words))
        postings = self._postings
        for word in distinct:
            posting = postings.get(word)
            if posting is None:
                postings[word] = [doc]
                for gram in _trigrams(word):
                    self._grams.setdefault(gram, []).append(word)
            else:
                posting.append(doc)

    def __len__(self) -> int:
        return len(self._keys)

    def search(
        self,
        text: str,
        *,
        limit: int = 5,
        min_score: float = 0.5,
        words: list[str] | None = None,
    ) -> list[ClaimMatch]:
        """The stored claims closest to `text`, best first, each scoring at least min_score.

        Words shared by many claims add little and cost much, so only the rarer query words
        pick the shortlist; every query word counts in the exact score of the shortlist.
        """
        words = self.words(text) if words is None else words
        query = tuple(dict.fromkeys(words))
        if not query or not self._keys:
            return []
        n = len(self._keys)
        postings = self._postings
        weights: dict[str, float] = {}  # idf of each query word and each word it stands for
        terms: dict[str, float] = {}  # indexed word -> how well it matches its query word
        for word in query:
            if word in postings:
                terms[word] = 1.0
                weights[word] = _idf(n, len(postings[word]))
                continue
            near = self._near(word)
            if near:
                terms.setdefault(near, _FUZZY_WEIGHT)
                weights[near] = weights[word] = _idf(n, len(postings[near]))
            else:
                weights[word] = _idf(n, 1)  # a word no claim has: as rare as can be
        q_total = sum(weights[w] for w in query)
        scores, unseen = self._accumulate(terms, weights, n)
        floor = (min_score - (1 - _DICE_SHARE)) / _DICE_SHARE  # the least dice that can pass
        reachable = [  # the shared words' weight bounds the dice from above
            doc
            for doc, common in scores.items()
            if 2 * (common + unseen) / (q_total + common + unseen) >= floor
        ]
        qn = " ".join(words)
        idf: dict[str, float] = {}
        matches = []
        for doc in heapq.nlargest(max(_SHORTLIST, limit * 4), reachable, key=scores.__getitem__):
            doc_words = self._words[doc]
            d_total = 0.0
            for word in doc_words:
                value = idf.get(word)
                if value is None:
                    value = idf[word] = _idf(n, len(postings[word]))
                d_total += value
            common = sum(weights[w] * share for w, share in terms.items() if w in doc_words)
            dice = min(1.0, 2 * common / (q_total + d_total))
            if dice < floor:
                continue
            dn = self._norms[doc]
            if qn == dn:
                score = 1.0
            else:
                chars = _char_ratio(qn, dn) / 100
                score = _DICE_SHARE * dice + (1 - _DICE_SHARE) * chars
            if score >= min_score:
                matches.append(ClaimMatch(self._keys[doc], round(score, 4), self._texts[doc]))
        matches.sort(key=lambda m: -m.score)
        return matches[:limit]

    def _accumulate(
        self, terms: dict[str, float], weights: dict[str, float], n: int
    ) -> tuple[dict[int, float], float]:
        """Partial scores from the rarer query words (the shortlist's raw material), and the
        weight of the common words left out."""
        postings = self._postings
        ordered = sorted(terms, key=lambda w: len(postings[w]))
        cap = max(_FEW_CLAIMS, min(n // 8, _COMMON_WORD))
        scores: dict[int, float] = {}
        get = scores.get
        unseen = 0.0
        for rank, word in enumerate(ordered):
            posting = postings[word]
            gain = weights[word] * terms[word]
            if rank >= _ALWAYS_USED and len(posting) > cap:
                unseen += gain
                continue
            for doc in posting:
                scores[doc] = get(doc, 0.0) + gain
        return scores, unseen

    def _near(self, word: str) -> str | None:
        """The indexed word a misspelt one most likely stands for."""
        if len(word) < 4:
            return None
        grams = _trigrams(word)
        counts: dict[str, int] = {}
        for gram in grams:
            for other in self._grams.get(gram, ()):
                counts[other] = counts.get(other, 0) + 1
        needed = max(2, len(grams) // 2)
        allowed = 1 if len(word) <= 6 else 2
        best: tuple[int, int, str] | None = None
        for other, shared in counts.items():
            if shared < needed or abs(len(other) - len(word)) > allowed:
                continue
            distance = _edit_distance(word, other, allowed)
            if distance <= allowed:
                rank = (distance, -len(self._postings[other]), other)
                if best is None or rank < best:
                    best = rank
        return best[2] if best else None


def _idf(n: int, df: int) -> float:
    return math.log(1 + n / df)


def _trigrams(word: str) -> list[str]:
    padded = f"#{word}#"
    return [padded[i : i + 3] for i in range(len(padded) - 2)]


def _edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance, giving up (limit + 1) once it exceeds limit."""
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
