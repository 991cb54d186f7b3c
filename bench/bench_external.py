"""Benchmark of the ClaimReview DataFeed import: a realistic feed of 100,000 items (the Data
Commons shape, with some null and some incomplete items among them) written to a temporary
folder, imported twice into a fresh database. Prints the times and what each run created,
updated, left unchanged and skipped; asserts nothing. The embedding of the imported claims is a
job of its own (queued after an import) and is not timed here.

    .venv/bin/python bench/bench_external.py                      # SQLite, in a temporary file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_external_bench \\
        .venv/bin/python bench/bench_external.py                  # PostgreSQL (created, dropped)
    .venv/bin/python bench/bench_external.py --items 10000        # a smaller feed

The items are varied the way a real feed is: some fifty publishers in several languages,
ratings as words in those languages or as numbers with bounds, claimants as names or missing,
dates as dates or date-times, a tenth of the elements holding several items, one item in a
hundred null and one in a hundred without a claim.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PUBLISHERS = [(f"Fact Checker {n}", f"https://checker{n}.example") for n in range(50)]
RATINGS = {
    "en": ["False", "Mostly false", "Misleading", "Half true", "Mostly true", "True", "Unproven",
           "Missing context", "Pants on Fire!", "Satire", "Altered photo"],
    "es": ["Falso", "Engañoso", "Verdadero", "Verdad a medias", "Sin evidencia"],
    "fr": ["Faux", "Plutôt faux", "Trompeur", "Vrai", "Infondé"],
    "de": ["Falsch", "Irreführend", "Richtig", "Halb wahr", "Unbelegt"],
    "pt": ["Falso", "Enganoso", "Verdadeiro", "Distorcido"],
}  # fmt: skip
SUBJECTS = [
    "the unemployment rate", "vaccination rates", "the national debt", "rents in the capital",
    "forest cover", "the minimum wage", "crime in the city", "the trade deficit",
    "school results", "energy prices", "migration figures", "the army's size",
]  # fmt: skip
VERBS = ["doubled", "fell by a third", "rose by 5%", "hit a record", "halved", "tripled"]
YEARS = range(2015, 2027)


def claim_review(n: int, rng: random.Random) -> dict | None:
    if n % 100 == 7:
        return None
    publisher, site = PUBLISHERS[n % len(PUBLISHERS)]
    language = list(RATINGS)[n % len(RATINGS)]
    year = rng.choice(YEARS)
    claim = (
        f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(VERBS)} in {year}, "
        f"according to statement number {n}."
    )
    rating: dict = {"@type": "Rating"}
    if n % 4 == 0:
        rating.update(ratingValue=str(rng.randint(1, 5)), bestRating="5", worstRating="1")
    rating["alternateName"] = rng.choice(RATINGS[language])
    item = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"{site}/checks/{year}/{n}-claim?utm_source=feed",
        "datePublished": f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        + ("T10:00:00Z" if n % 3 else ""),
        "author": {"@type": "Organization", "name": publisher, "url": site},
        "claimReviewed": claim if n % 100 != 13 else "",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": f"Politician {n % 997}"} if n % 5 else {},
            "datePublished": f"{year}-01-15",
            "appearance": [{"@type": "CreativeWork", "url": f"https://news.example/{n}"}],
        },
        "reviewRating": rating,
        "inLanguage": language,
        "headline": f"Fact check: {claim}",
    }
    if n % 2:
        item["license"] = "https://creativecommons.org/licenses/by/4.0/"
    return item


def write_feed(path: Path, items: int) -> None:
    """Written element by element, so that the benchmark's own memory is not the feed's."""
    rng = random.Random(20261206)
    with path.open("w", encoding="utf-8") as out:
        out.write('{"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": [')
        n = 0
        while n < items:
            count = 3 if n % 10 == 0 else 1
            element = {
                "@type": "DataFeedItem",
                "dateCreated": "2026-12-01T00:00:00Z",
                "item": [claim_review(n + i, rng) for i in range(min(count, items - n))],
            }
            out.write(("," if n else "") + json.dumps(element))
            n += count
        out.write("]}")


def peak_memory_mb() -> float:
    """The process's peak resident memory so far (Linux: VmHWM)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--items", type=int, default=100_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-external-") as folder:
        folder = Path(folder)
        url = os.environ.get("DATABASE_URL") or f"sqlite:///{folder / 'bench.sqlite3'}"
        os.environ["DATABASE_URL"] = url
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
        os.environ["FACTCHECK_TASKS_BACKEND"] = "database"  # imports queue, nothing runs
        # As a worker runs: without DEBUG's log of every statement (bulk inserts are long).
        os.environ["DEBUG"] = "0"
        os.environ.setdefault("SECRET_KEY", "bench-external-not-secret")
        postgres = url.startswith("postgres")
        if postgres:
            import psycopg

            server, _, name = url.rpartition("/")
            with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
                admin.execute(f'CREATE DATABASE "{name}"')
        try:
            run(folder, arguments.items, "PostgreSQL" if postgres else "SQLite")
        finally:
            if postgres:
                from django.db import connections

                connections.close_all()
                with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
                    admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


def run(folder: Path, items: int, engine: str) -> None:
    import django

    django.setup()
    from django.core.management import call_command

    from claims.external.datafeed import import_datafeed
    from claims.external.models import ExternalFactCheck

    call_command("migrate", verbosity=0)
    feed = folder / "feed.json"
    started = time.perf_counter()
    write_feed(feed, items)
    print(
        f"{engine}: feed of {items:,} items, {feed.stat().st_size / 1e6:.1f} MB, "
        f"written in {time.perf_counter() - started:.1f} s; peak resident memory before "
        f"importing {peak_memory_mb():,.0f} MB"
    )
    for attempt in ("first", "second"):
        started = time.perf_counter()
        counts = import_datafeed(str(feed))
        seconds = time.perf_counter() - started
        print(
            f"{engine}: {attempt} import {seconds:.1f} s ({items / seconds:,.0f} items/s): {counts}"
        )
    print(f"{engine}: peak resident memory {peak_memory_mb():,.0f} MB")
    rated = ExternalFactCheck.objects.filter(rating__isnull=False).count()
    total = ExternalFactCheck.objects.count()
    print(f"{engine}: {total:,} external checks stored, {rated:,} put on the desk's scale")


if __name__ == "__main__":
    main()
