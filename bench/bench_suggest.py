"""Benchmark of the suggestion engine and claim matching; prints its figures, asserts nothing.

    .venv/bin/python bench/bench_suggest.py

Times suggest() on the seed article and on a synthetic 5,000-word article, building a
ClaimIndex of 100,000 synthetic claims, and searching it (median and p95 over 50 queries).
All synthetic data comes from a fixed random seed, so runs are comparable.
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.suggest import ClaimIndex, KnownSpeaker, suggest  # noqa: E402

SEED_ARTICLE = ROOT / "seeds" / "000_350d1086ef0d2fa7.txt"
RANDOM_SEED = 20240425
ARTICLE_WORDS = 5_000
INDEX_SIZE = 100_000
QUERIES = 50

PEOPLE = [
    ("Foreign Minister", "Anna Berg"),
    ("President", "Marc Dubois"),
    ("Senator", "Ann Lee"),
    ("Mayor", "Jo Park"),
    ("Defence Secretary", "Tom Vries"),
    ("Prime Minister", "Lena Holt"),
]
PLACES = ["Kyiv", "Paris", "Oslo", "Geneva", "Istanbul", "Brussels", "Warsaw", "Ankara"]
NOUNS = [
    "budget", "treaty", "army", "bridge", "election", "pipeline", "sanctions", "talks",
    "inflation", "exports", "troops", "reactor", "grain", "border", "alliance", "vaccine",
    "refugees", "tariffs", "deficit", "harbour", "railway", "summit", "ceasefire", "loans",
]  # fmt: skip
VERBS = ["approved", "rejected", "signed", "delayed", "cut", "raised", "blocked", "funded"]


def synthetic_article(rng: random.Random, words: int) -> str:
    """A messy article of about `words` words: quotes, reported speech, narration, noise."""
    lines = ["date 2024-04-25 Synthetic Report", "10:15 GMT 25.04.2024 (Updated: 11:00 GMT)"]
    count = 0
    while count < words:
        role, name = rng.choice(PEOPLE)
        surname = name.split()[1]
        noun, other, verb = rng.choice(NOUNS), rng.choice(NOUNS), rng.choice(VERBS)
        place, number = rng.choice(PLACES), rng.randint(2, 900)
        shape = rng.randrange(8)
        if shape == 0:
            line = (
                f"{place.upper()} (Agency) - {role} {name} said that the government {verb} "
                f"the {noun} in {2000 + number % 24}, and the {other} cost {number} million."
            )
        elif shape == 1:
            line = (
                f'"We {verb} the {noun} because the {other} failed. It cost us {number} '
                f'million dollars, more than in {place}," {surname} added.'
            )
        elif shape == 2:
            line = (
                f'The minister said: "The {noun} in {place} was {verb} on Monday, and '
                f'{number} people lost their jobs."'
            )
        elif shape == 3:
            line = (
                f"According to officials in {place}, the {noun} grew by {number % 40}% last "
                f"year; the {other} fell sharply."
            )
        elif shape == 4:
            line = (
                f"In {place}, the {noun} was {verb} after {number} days of talks. He said the "
                f"{other} would be {verb} next week, while critics warned of delays."
            )
        elif shape == 5:
            line = f"{place} {noun.title()} Talks Resume After {number} Days"
        elif shape == 6:
            line = f"{number % 28 + 1} April, {number % 24:02d}:{number % 60:02d} GMT"
        else:
            line = lines[-1] if count > 200 else f"Why would anyone trust the {noun} now?"
        lines.append(line)
        count += len(line.split())
    return "\n".join(lines)


def synthetic_claims(rng: random.Random, n: int) -> list[str]:
    """Claim wordings drawn from a vocabulary with a skewed (Zipf-like) word frequency."""
    vocabulary = [
        f"{a}{b}"
        for a in ("ka", "lo", "mi", "ne", "po", "ru", "si", "ta", "ve", "zo")
        for b in (
            "bar",
            "den",
            "fir",
            "gol",
            "han",
            "jut",
            "kem",
            "lor",
            "mas",
            "nip",
            "ost",
            "pel",
            "qua",
            "rin",
            "sul",
            "tev",
            "urk",
            "vam",
            "wex",
            "yol",
        )
    ]
    vocabulary += NOUNS + PLACES + [name.split()[1] for _role, name in PEOPLE]
    weights = [1 / (rank + 1) ** 0.8 for rank in range(len(vocabulary))]
    claims = []
    for _ in range(n):
        length = rng.randint(6, 16)
        words = rng.choices(vocabulary, weights, k=length)
        words.insert(rng.randrange(length), str(rng.randint(1, 5000)))
        claims.append(" ".join(words).capitalize() + ".")
    return claims


def perturb(rng: random.Random, claim: str) -> str:
    """A reworded claim: a word dropped, two swapped, a typo."""
    words = claim.rstrip(".").split()
    if len(words) > 4:
        words.pop(rng.randrange(len(words)))
        i = rng.randrange(len(words) - 1)
        words[i], words[i + 1] = words[i + 1], words[i]
        j = rng.randrange(len(words))
        if len(words[j]) > 4:
            words[j] = words[j][:-2] + words[j][-1] + words[j][-2]
    return " ".join(words)


def timed(function: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """The best wall-clock time of `repeat` runs, in milliseconds, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        best = min(best, (time.perf_counter() - started) * 1000)
    return best, result


def main() -> None:
    rng = random.Random(RANDOM_SEED)
    seed_text = SEED_ARTICLE.read_text(encoding="utf-8")
    known = [KnownSpeaker("Sergey Lavrov", ("Sergei Lavrov", "Lavrov", "the minister"))]

    ms, result = timed(lambda: suggest(seed_text, speakers=known, outlet="Sputnik"), repeat=20)
    print(
        f"suggest() on the seed article ({len(seed_text.split())} words): {ms:.1f} ms "
        f"({len(result.candidates)} candidates)"
    )

    article = synthetic_article(rng, ARTICLE_WORDS)
    ms, result = timed(lambda: suggest(article, speakers=known, outlet="Agency"), repeat=5)
    print(
        f"suggest() on a synthetic article ({len(article.split())} words): {ms:.1f} ms "
        f"({len(result.candidates)} candidates)"
    )

    claims = synthetic_claims(rng, INDEX_SIZE)
    ms, index = timed(lambda: ClaimIndex(enumerate(claims)))
    print(f"ClaimIndex build for {len(claims):,} claims: {ms / 1000:.2f} s")

    queries = [perturb(rng, rng.choice(claims)) for _ in range(QUERIES // 2)]
    queries += synthetic_claims(rng, QUERIES - len(queries))
    times, found = [], 0
    for query in queries:
        ms, matches = timed(lambda q=query: index.search(q, limit=5, min_score=0.5))
        times.append(ms)
        found += bool(matches)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * len(times)) - 1)]
    print(
        f"ClaimIndex search over {len(claims):,} claims: median {statistics.median(times):.1f} ms, "
        f"p95 {p95:.1f} ms, max {times[-1]:.1f} ms ({len(times)} queries, {found} with a match)"
    )


if __name__ == "__main__":
    main()
