"""Fill a database with realistic published claims, fast: for benchmarks, never for the desk.

    DATABASE_URL=sqlite:///bench/results/bench.sqlite3 .venv/bin/python bench/generate.py \
        --claims 100000 --migrate

Speakers (a few prolific, most occasional), sources with article text, statements whose quote
is exactly the slice of the source text at their offsets (the database's triggers check it),
published claims with approved reviews, evidence from reference documents, topics, the
publication record with some corrections and withdrawals. Each call adds `n_claims` more; slugs
and URLs carry a run number, so runs never collide.

Rows go in with COPY on PostgreSQL and executemany on SQLite, one transaction per batch, with
ids chosen here so that no row is read back: bulk_create spent four fifths of its time building
model instances and adapting values one at a time. Every concrete column of each model is
written, unset ones with the field's default, so the generator keeps working as models gain
columns. It skips the services on purpose: a benchmark needs volume, not the audit trail (no
claim events, sign-offs or field history are written); the database's triggers still check
every quote. The search index is filled once at the end (`claims.db.fulltext.search_index_paused`)
rather than row by row (a generator killed midway leaves the triggers and PostgreSQL's GIN
indexes off until the next `migrate`, which puts them back and fills the index). One
generator at a time per database: ids continue from the current maximum.

DATABASE_URL must be given: this never writes into the development database by default.
"""

from __future__ import annotations

import argparse
import datetime
import itertools
import os
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

FIRST = [
    "Anna", "Marc", "Lena", "Tom", "Ann", "Jo", "Sergio", "Mariam", "Kofi", "Ingrid", "Ravi",
    "Chen", "Olga", "Pierre", "Fatima", "Yusuf", "Elena", "Hiro", "Nadia", "Lucas", "Amara",
    "Jonas", "Priya", "Mateo", "Sofia", "Aleksandr", "Grace", "Omar", "Ewa", "Diego",
]  # fmt: skip
LAST = [
    "Berg", "Dubois", "Holt", "Vries", "Lee", "Park", "Rossi", "Haddad", "Mensah", "Lund",
    "Nair", "Wei", "Petrova", "Martin", "Zahra", "Demir", "Popescu", "Tanaka", "Karimi", "Silva",
    "Okafor", "Weber", "Sharma", "Garcia", "Costa", "Ivanov", "Brown", "Farouk", "Nowak", "Reyes",
]  # fmt: skip
ROLES = [
    "Foreign Minister", "President", "Senator", "Mayor", "Defence Secretary", "Prime Minister",
    "Finance Minister", "Opposition leader", "Governor", "Health Minister", "Spokesperson",
]  # fmt: skip
OUTLETS = [
    "Daily Ledger", "Morning Post", "Capital Times", "Evening Star", "Northern Courier",
    "Agency Wire", "Public Radio", "The Observer Online", "Harbour Gazette", "Metro Journal",
]  # fmt: skip
PLACES = ["Kyiv", "Paris", "Oslo", "Geneva", "Istanbul", "Brussels", "Warsaw", "Ankara", "Lagos"]
NOUNS = [
    "budget", "treaty", "army", "bridge", "election", "pipeline", "sanctions", "talks",
    "inflation", "exports", "troops", "reactor", "grain", "border", "alliance", "vaccine",
    "refugees", "tariffs", "deficit", "harbour", "railway", "summit", "ceasefire", "loans",
    "unemployment", "wages", "emissions", "hospital", "school", "police", "housing", "taxes",
]  # fmt: skip
VERBS = ["rose", "fell", "doubled", "halved", "tripled", "stalled", "grew", "shrank"]
TOPICS = [
    "economy", "health", "defence", "migration", "energy", "climate", "elections", "education",
    "crime", "housing", "trade", "transport", "foreign-policy", "labour", "technology",
]  # fmt: skip
RATINGS = [  # slug, weight: the mix of a typical desk
    ("false", 30), ("mostly-false", 20), ("half-true", 18), ("mostly-true", 14), ("true", 12),
    ("unverifiable", 5), ("not-a-claim", 1),
]  # fmt: skip
SUMMARIES = ["off", "right", "dated", "inflated", "cherry-picked"]
CLAIMS_PER_SOURCE = 5
EVIDENCE_SOURCES_PER_CLAIM = 0.2  # reference documents are shared between claims
CORRECTED = 0.02
WITHDRAWN = 0.005


def _setup_django() -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()


def _claim_sentence(rng: random.Random) -> tuple[str, str]:
    """(what was said, in the speaker's words; the claim as the desk words it)."""
    noun, place, verb = rng.choice(NOUNS), rng.choice(PLACES), rng.choice(VERBS)
    number, year = rng.randint(2, 900), rng.randint(1990, 2025)
    said = f"The {noun} in {place} {verb} by {number} percent since {year}"
    return said, f"{noun.capitalize()} in {place} {verb} by {number}% since {year}."


def generate(
    n_claims: int,
    *,
    batch_size: int = 5_000,
    seed: int = 20240425,
    progress: Callable[[int], None] | None = None,
) -> dict[str, int]:
    """Add `n_claims` published claims (and all they hang on) to the configured database.
    Returns how many rows of each kind were written. Django must be set up."""
    from django.core.management.color import no_style
    from django.db import connection, transaction

    from claims.db.fulltext import search_index_paused

    generator = _Generator(n_claims, seed=seed)
    done = 0
    with search_index_paused(connection):
        while done < n_claims:
            size = min(batch_size, n_claims - done)
            with transaction.atomic():
                generator.batch(first=done, size=size)
            done += size
            if progress:
                progress(done)
    with connection.cursor() as cursor:
        # Ids were chosen here, so PostgreSQL's sequences must be told where they now stand.
        for sql in connection.ops.sequence_reset_sql(no_style(), generator.models()):
            cursor.execute(sql)
        # Fresh statistics: planned on the empty tables' figures, PostgreSQL would scan whole
        # tables to find 50 claims' evidence. VACUUM too on PostgreSQL: filling the search
        # index rewrote every new claim, and the old versions would linger until autovacuum.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return {name: table.written for name, table in generator.tables.items()}


class _Table:
    """Batched INSERTs into one model's table, every concrete column, ids assigned here."""

    def __init__(self, model) -> None:
        from django.db import connection
        from django.db.models import Max

        self.model = model
        self.fields = model._meta.concrete_fields
        now = datetime.datetime.now(datetime.UTC)
        self.defaults = {}
        for field in self.fields:
            auto = getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
            value = now if auto else field.get_default()
            self.defaults[field.attname] = field.get_db_prep_save(value, connection)
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        marks = ", ".join(["%s"] * len(self.fields))
        table = connection.ops.quote_name(model._meta.db_table)
        self.sql = f"INSERT INTO {table} ({columns}) VALUES ({marks})"
        self.copy_sql = f"COPY {table} ({columns}) FROM STDIN"
        self.next_id = (model.objects.aggregate(top=Max("pk"))["top"] or 0) + 1
        self.rows: list[tuple] = []
        self.written = 0
        self._adapt_datetime = connection.ops.adapt_datetimefield_value
        self._adapt_date = connection.ops.adapt_datefield_value

    def add(self, **values) -> int:
        """Queue one row (attname -> Python value); returns its id."""
        pk = values["id"] = self.next_id
        self.next_id += 1
        row = []
        for field in self.fields:
            name = field.attname
            if name not in values:
                row.append(self.defaults[name])
                continue
            value = values[name]
            if isinstance(value, datetime.datetime):
                value = self._adapt_datetime(value)
            elif isinstance(value, datetime.date):
                value = self._adapt_date(value)
            row.append(value)
        self.rows.append(tuple(row))
        return pk

    def flush(self) -> None:
        from django.db import connection

        if not self.rows:
            return
        with connection.cursor() as cursor:
            if connection.vendor == "postgresql":
                # COPY loads rows several times faster than INSERTs, even pipelined ones.
                with cursor.cursor.copy(self.copy_sql) as copy:
                    for row in self.rows:
                        copy.write_row(row)
            else:
                cursor.executemany(self.sql, self.rows)
        self.written += len(self.rows)
        self.rows.clear()


class _Generator:
    """The state one run shares between its batches."""

    def __init__(self, n_claims: int, *, seed: int) -> None:
        from django.contrib.auth import get_user_model

        from claims.enums import SpeakerKind
        from claims.models import (
            Claim,
            Evidence,
            PublicationEntry,
            Rating,
            Review,
            Source,
            Speaker,
            Statement,
            Topic,
        )

        self.rng = rng = random.Random(seed)
        self.n_claims = n_claims
        self.run = Claim.objects.count()  # this run's slugs and URLs start here: no collisions
        self.author_id = get_user_model().objects.get_or_create(username="bench-factchecker")[0].pk
        self.ratings = {
            r.slug: (r.pk, r.label) for r in Rating.objects.filter(scale__is_default=True)
        }
        self.topic_ids = [
            Topic.objects.get_or_create(
                slug=slug, defaults={"name": slug.replace("-", " ").capitalize()}
            )[0].pk
            for slug in TOPICS
        ]
        self.tables = {
            "speakers": _Table(Speaker),
            "sources": _Table(Source),
            "statements": _Table(Statement),
            "claims": _Table(Claim),
            "reviews": _Table(Review),
            "entries": _Table(PublicationEntry),
            "evidence": _Table(Evidence),
            "topics": _Table(Claim.topics.through),
        }
        # About one speaker per 40 claims, picked with a heavy tail, as desks see them.
        speakers = self.tables["speakers"]
        self.speaker_ids = [
            speakers.add(
                name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                slug=f"speaker-{self.run}-{i}",
                kind=SpeakerKind.ORGANIZATION if i % 25 == 0 else SpeakerKind.PERSON,
                role=rng.choice(ROLES),
                aliases="[]",
            )
            for i in range(max(10, n_claims // 40))
        ]
        speakers.flush()
        # Cumulative once: random.choices given plain weights sums them on every call, which
        # for the 25,000 speakers of a million claims made the generator three times slower.
        self.speaker_cum_weights = list(
            itertools.accumulate(1 / (rank + 1) ** 0.9 for rank in range(len(self.speaker_ids)))
        )
        self.start = datetime.datetime(2015, 1, 1, tzinfo=datetime.UTC)
        self.span = (
            datetime.datetime(2025, 12, 31, tzinfo=datetime.UTC) - self.start
        ).total_seconds()
        self.evidence_pool: list[int] = []

    def models(self) -> list:
        return [table.model for table in self.tables.values()]

    def batch(self, *, first: int, size: int) -> None:
        """One batch: sources, statements, claims, reviews, record entries, evidence, topics."""
        from claims import text as textlib
        from claims.enums import (
            ClaimStatus,
            CorrectionKind,
            EvidenceRelation,
            PublicationKind,
            ReviewStatus,
            SourceKind,
            SpeechKind,
        )

        rng, run, t = self.rng, self.run, self.tables
        speaker_ids, speaker_weights = self.speaker_ids, self.speaker_cum_weights
        relations = EvidenceRelation.values
        empty_hash = textlib.content_hash("")

        # Reference documents cited as evidence, shared between claims.
        for i in range(max(1, size // 5)):
            self.evidence_pool.append(
                t["sources"].add(
                    url=f"https://stats.example/{run}/{first}/{i}",
                    title=f"Official {rng.choice(NOUNS)} statistics, table {i}",
                    publisher="National Statistics Office",
                    kind=SourceKind.DATASET,
                    text="",
                    content_hash=empty_hash,
                )
            )
        del self.evidence_pool[:-5_000]  # the pool, and memory, stay bounded

        for s in range(0, size, CLAIMS_PER_SOURCE):
            # An article quoting a few statements among narration, so offsets vary.
            n = min(CLAIMS_PER_SOURCE, size - s)
            published = self.start + datetime.timedelta(seconds=rng.random() * self.span)
            outlet, place = rng.choice(OUTLETS), rng.choice(PLACES)
            parts, spans, length = [f"{place.upper()} ({outlet}) - "], [], 0
            length = len(parts[0])
            for _ in range(n):
                said, worded = _claim_sentence(rng)
                lead = f"{rng.choice(LAST)} told reporters on {published:%A} that "
                spans.append((length + len(lead), length + len(lead) + len(said), said, worded))
                rest = (
                    f". Critics in {rng.choice(PLACES)} disputed the {rng.choice(NOUNS)} "
                    f"figures, and officials promised a review of the {rng.choice(NOUNS)} "
                    f"within {rng.randint(2, 30)} days.\n"
                )
                parts += [lead, said, rest]
                length += len(lead) + len(said) + len(rest)
            text = "".join(parts)
            source_id = t["sources"].add(
                url=f"https://{outlet.lower().replace(' ', '')}.example/{published:%Y/%m}/"
                f"{run}-{first + s}",
                title=f"{place}: {rng.choice(NOUNS)} and {rng.choice(NOUNS)} in dispute",
                publisher=outlet,
                author=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                language="en" if rng.random() < 0.85 else rng.choice(["fr", "de", "es", "ru"]),
                kind=SourceKind.ARTICLE,
                published_at=published,
                retrieved_at=published + datetime.timedelta(hours=2),
                text=text,
                content_hash=textlib.content_hash(text),
            )
            for i, (begin, end, said, worded) in enumerate(spans):
                number = first + s + i
                statement_id = t["statements"].add(
                    source_id=source_id,
                    speaker_id=rng.choices(speaker_ids, cum_weights=speaker_weights)[0],
                    start=begin,
                    end=end,
                    quote=said,
                    prefix=text[max(0, begin - 32) : begin],
                    suffix=text[end : end + 32],
                    speech=SpeechKind.INDIRECT,
                    said_where=f"in {rng.choice(PLACES)}" if rng.random() < 0.3 else "",
                    said_on=published.date(),
                )
                # Distinct publication times spread over the years: ties are legal, but a
                # benchmark should not lean on them.
                when = self.start + datetime.timedelta(seconds=self.span * number / self.n_claims)
                withdrawn = rng.random() < WITHDRAWN
                claim_id = t["claims"].add(
                    statement_id=statement_id,
                    text=worded,
                    slug=f"g{run}-{number}",
                    status=ClaimStatus.WITHDRAWN if withdrawn else ClaimStatus.PUBLISHED,
                    checkworthiness=round(rng.random(), 2),
                    context_note="Figures are seasonally adjusted." if rng.random() < 0.1 else "",
                    first_published_at=when,
                    created_at=when,
                    updated_at=when,
                )
                rating_id, label = self.ratings[rng.choices(RATING_SLUGS, RATING_WEIGHTS)[0]]
                review_id = t["reviews"].add(
                    claim_id=claim_id,
                    rating_id=rating_id,
                    summary=f"{label}: the figure is {rng.choice(SUMMARIES)}.",
                    analysis=(
                        f"We compared the claim with the official {rng.choice(NOUNS)} series."
                        f"\n\nThe figure for {when:%Y} differs by {rng.randint(1, 60)} points; "
                        "see the evidence below."
                    ),
                    author_id=self.author_id,
                    status=ReviewStatus.APPROVED,
                    round=1,
                    submitted_at=when,
                    approved_at=when,
                    created_at=when,
                    updated_at=when,
                )
                t["entries"].add(
                    claim_id=claim_id,
                    kind=PublicationKind.FIRST_PUBLICATION,
                    review_id=review_id,
                    published_at=when,
                )
                if rng.random() < CORRECTED:
                    later = when + datetime.timedelta(days=rng.randint(1, 60))
                    rating_id, _ = self.ratings[rng.choices(RATING_SLUGS, RATING_WEIGHTS)[0]]
                    correction_id = t["reviews"].add(
                        claim_id=claim_id,
                        rating_id=rating_id,
                        summary="Corrected after a reader's note.",
                        analysis="A reader pointed us to a revised series; we used it.",
                        author_id=self.author_id,
                        status=ReviewStatus.APPROVED,
                        correction_kind=CorrectionKind.FACTUAL_CORRECTION,
                        public_note="We used the revised figure.",
                        round=1,
                        submitted_at=later,
                        approved_at=later,
                        created_at=later,
                        updated_at=later,
                    )
                    t["entries"].add(
                        claim_id=claim_id,
                        kind=PublicationKind.CORRECTION,
                        review_id=correction_id,
                        correction_kind=CorrectionKind.FACTUAL_CORRECTION,
                        note="We used the revised figure.",
                        published_at=later,
                    )
                if withdrawn:
                    t["entries"].add(
                        claim_id=claim_id,
                        kind=PublicationKind.WITHDRAWAL,
                        note="Withdrawn: the source document was found to be forged.",
                        published_at=when + datetime.timedelta(days=90),
                    )
                for reference in rng.sample(self.evidence_pool, k=rng.randint(1, 3)):
                    t["evidence"].add(
                        claim_id=claim_id,
                        source_id=reference,
                        relation=rng.choice(relations),
                        excerpt=f"Table {rng.randint(1, 40)}: {rng.choice(NOUNS)}, annual change.",
                        note="The official series, as published.",
                        created_at=when,
                    )
                for topic_id in rng.sample(self.topic_ids, k=rng.randint(1, 2)):
                    t["topics"].add(claim_id=claim_id, topic_id=topic_id)
        # Parents before children: the triggers check as rows go in. Evidence comes before its
        # claims, as in the newsroom: a published claim takes new evidence only with a
        # correction; approved reviews come before their claims, since an approved review of a
        # claim already public enters only by sign-off. Foreign keys are checked at commit, so
        # the order does not upset them.
        for name in ("sources", "statements", "evidence", "reviews", "claims", "entries"):
            t[name].flush()
        t["topics"].flush()


RATING_SLUGS = [slug for slug, _ in RATINGS]
RATING_WEIGHTS = [weight for _, weight in RATINGS]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, required=True, help="how many claims to add")
    parser.add_argument("--batch", type=int, default=5_000, help="claims per transaction")
    parser.add_argument("--seed", type=int, default=20240425)
    parser.add_argument("--migrate", action="store_true", help="migrate the database first")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL"):
        parser.error("set DATABASE_URL to the benchmark database (never the desk's own)")
    _setup_django()
    if args.migrate:
        from django.core.management import call_command

        call_command("migrate", verbosity=0)
    began = time.perf_counter()

    def report(done: int) -> None:
        rate = done / (time.perf_counter() - began)
        print(f"\r{done:,} / {args.claims:,} claims ({rate:,.0f}/s)", end="", flush=True)

    counts = generate(args.claims, batch_size=args.batch, seed=args.seed, progress=report)
    print(f"\nwrote {counts} in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
