"""The one write every importer ends in: records upserted by their review URL, in batches, in
one transaction (an import stores all of its records or, failing, none).

Per batch: one read of the rows already there (id and content hash), one bulk insert-or-update
of the new and changed rows, and for the unchanged ones at most a `last_seen_at` update, once
a day: a second import of the same verdicts writes nothing at all.
"""

from __future__ import annotations

import datetime
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from claims.models import Rating, RatingScale

from . import ratings
from .claimreview import Record
from .models import ExternalFactCheck

BATCH = 1000
# `last_seen_at` moves on at most this often: finer would make every re-import a write.
SEEN_RESOLUTION = datetime.timedelta(days=1)
CONTENT_FIELDS = [
    "publisher",
    "publisher_url",
    "title",
    "claim_text",
    "claimant",
    "claim_date",
    "review_date",
    "rating_text",
    "rating_value",
    "rating_best",
    "rating_worst",
    "language",
    "licence",
]


@dataclass
class Counts:
    """What an import did. `changed_ids`: the rows created or updated, whose claim may need a
    new vector."""

    created: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    changed_ids: list[int] = field(default_factory=list)

    def summary(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "skipped": self.skipped,
        }

    def __str__(self) -> str:
        return (
            f"{self.created} created, {self.updated} updated, {self.unchanged} unchanged, "
            f"{self.skipped} skipped"
        )


class DeskScale:
    """The desk's default scale as `ratings.normalise` needs it: slug -> rating id, and the
    verdict slugs least true first."""

    def __init__(self) -> None:
        scale = RatingScale.objects.filter(is_default=True).first()
        rows = list(
            Rating.objects.filter(scale=scale)
            .order_by("value")
            .values_list("pk", "slug", "is_verdict")
        )
        self.ids = {slug: pk for pk, slug, _ in rows}
        self.verdicts = [slug for _, slug, is_verdict in rows if is_verdict]

    def rating_id(self, record: Record) -> int | None:
        slug = ratings.normalise(
            record.rating_text,
            record.rating_value,
            record.rating_best,
            record.rating_worst,
            self.verdicts,
        )
        return self.ids.get(slug) if slug else None


def upsert(
    records: Iterable[Record | None],
    *,
    origin: str,
    detail: str = "",
    now: datetime.datetime | None = None,
) -> Counts:
    """Store the records (None counts as a skipped item); the same review URL twice in one
    import keeps the last."""
    now = now or timezone.now()
    counts = Counts()
    scale = DeskScale()
    detail = detail[:1000]
    with transaction.atomic():
        for batch in itertools.batched(records, BATCH):
            _upsert_batch(batch, origin, detail, now, scale, counts)
    return counts


def _upsert_batch(
    batch: tuple[Record | None, ...],
    origin: str,
    detail: str,
    now: datetime.datetime,
    scale: DeskScale,
    counts: Counts,
) -> None:
    by_url: dict[str, Record] = {}
    for record in batch:
        if record is None:
            counts.skipped += 1
        else:
            by_url[record.review_url] = record
    if not by_url:
        return
    existing = {
        url: (pk, digest, seen)
        for url, pk, digest, seen in ExternalFactCheck.objects.filter(
            review_url__in=list(by_url)
        ).values_list("review_url", "pk", "content_hash", "last_seen_at")
    }
    written, seen_again = [], []
    for url, record in by_url.items():
        digest = record.content_hash()
        known = existing.get(url)
        if known is not None and known[1] == digest:
            counts.unchanged += 1
            if now - known[2] >= SEEN_RESOLUTION:
                seen_again.append(known[0])
            continue
        if known is None:
            counts.created += 1
        else:
            counts.updated += 1
            counts.changed_ids.append(known[0])
        written.append(
            ExternalFactCheck(
                review_url=url,
                **{name: getattr(record, name) for name in CONTENT_FIELDS},
                rating_id=scale.rating_id(record),
                origin=origin,
                origin_detail=detail,
                content_hash=digest,
                first_seen_at=now,
                last_seen_at=now,
                updated_at=now,
            )
        )
    if written:
        # Insert-or-update, so that a concurrent import of the same verdict cannot fail this one.
        ExternalFactCheck.objects.bulk_create(
            written,
            update_conflicts=True,
            unique_fields=["review_url"],
            update_fields=[
                *CONTENT_FIELDS,
                "rating",
                "origin",
                "origin_detail",
                "content_hash",
                "last_seen_at",
                "updated_at",
            ],
        )
        new = [row.review_url for row in written if row.review_url not in existing]
        if new:
            counts.changed_ids += ExternalFactCheck.objects.filter(review_url__in=new).values_list(
                "pk", flat=True
            )
    if seen_again:
        ExternalFactCheck.objects.filter(pk__in=seen_again).update(last_seen_at=now)
