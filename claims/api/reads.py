"""The claims list and a claim's detail, read as rows: five queries, no model instances.

A page of 50 claims as model instances is some 700 objects, each with its related managers and
querysets: about 30 ms of CPU per request here; read with `values()`, about 10 ms. The rules
stay where they are: which claims are public comes from `selectors.public_claims()`, which
reviews count from `Review.objects.approved()`, newest first as `selectors` orders them.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from django.db.models import QuerySet

from ..compiled_reads import RowsForIds
from ..models import Claim, Evidence, PublicationEntry, Review
from ..selectors import public_claims, public_repeat_count
from ..text import quote_in_context
from . import serializers as out

_SOURCE = ["id", "url", "title", "publisher", "author", "language", "kind", "published_at"]
_SPEAKER = ["slug", "name", "kind", "role", "wikidata_id", "url"]
CLAIM_FIELDS = [
    "id",
    "slug",
    "text",
    "status",
    "first_published_at",
    "updated_at",
    "context_note",
    "repeat_of__slug",
    "repeat_of__text",
    "repeat_of__status",
    *(
        f"statement__{f}"
        for f in ["quote", "prefix", "suffix", "start", "end", "speech", "said_where", "said_on"]
    ),
    *(f"statement__speaker__{f}" for f in _SPEAKER),
    *(f"statement__reported_speaker__{f}" for f in ["slug", "name", "kind", "role"]),
    *(f"statement__source__{f}" for f in _SOURCE),
]
REVIEW_FIELDS = [
    "claim_id",
    "summary",
    "analysis",
    "approved_at",
    "correction_kind",
    "public_note",
    *(f"rating__{f}" for f in ["slug", "label", "value", "is_verdict", "colour", "scale__slug"]),
]
EVIDENCE_FIELDS = [
    "claim_id",
    "relation",
    "excerpt",
    "note",
    "archive_url",
    "archive_hash",
    *(f"source__{f}" for f in _SOURCE),
]
RECORD_FIELDS = ["claim_id", "kind", "correction_kind", "note", "published_at"]


def claim_rows(claims: QuerySet[Claim], *extra: str) -> QuerySet:
    """The claims as rows of CLAIM_FIELDS (and `extra`), ready to be paged."""
    return claims.prefetch_related(None).values(*CLAIM_FIELDS, *extra)


@functools.cache
def public_claim_set() -> QuerySet[Claim]:
    """`public_claims()`, built once: what the list's filters narrow, before the page is
    read as rows. Narrowed as models, not rows, so that what a filter reads for itself (a
    search counting its matches) reads the claims table alone, not the six tables of a row.
    Never evaluated itself; filters clone it."""
    return public_claims()


@functools.cache
def public_claim_rows() -> QuerySet:
    """`claim_rows(public_claim_set())`, built once: resolving some forty fields across six
    tables costs a millisecond a request. Never evaluated itself."""
    return claim_rows(public_claim_set())


@functools.cache
def _related_rows() -> dict[str, RowsForIds]:
    """What a claim lists from other tables, compiled once and read for the page's claims per
    request: approved reviews (the current verdict first, as `selectors` orders them),
    evidence by relation, the public record oldest first, topics by name."""
    querysets = {
        "verdicts": Review.objects.approved()
        .order_by("-approved_at", "-id")
        .values(*REVIEW_FIELDS),
        "evidence": Evidence.objects.order_by("relation", "id").values(*EVIDENCE_FIELDS),
        "records": PublicationEntry.objects.order_by("published_at", "id").values(*RECORD_FIELDS),
        "topics": Claim.topics.through.objects.order_by("topic__name", "topic_id").values(
            "claim_id", "topic__slug", "topic__name"
        ),
    }
    return {name: RowsForIds(rows, "claim_id") for name, rows in querysets.items()}


def _by_claim(rows: Iterable[Mapping]) -> defaultdict[int, list[Mapping]]:
    grouped: defaultdict[int, list[Mapping]] = defaultdict(list)
    for row in rows:
        grouped[row["claim_id"]].append(row)
    return grouped


def claims_data(
    rows: list[Mapping], links: out.Links
) -> tuple[list[dict[str, Any]], datetime.datetime | None]:
    """The claims' JSON, and when the newest of them last changed. Four queries, whatever the
    number of claims: approved reviews, evidence, public records, topics."""
    if not rows:
        return [], None
    ids = [row["id"] for row in rows]
    related = _related_rows()
    verdicts = _by_claim(related["verdicts"].rows(ids))
    evidence = _by_claim(related["evidence"].rows(ids))
    records = _by_claim(related["records"].rows(ids))
    topics = _by_claim(related["topics"].rows(ids))
    data, newest = [], None
    for row in rows:
        pk = row["id"]
        updated = out.claim_updated(row["updated_at"], records[pk])
        data.append(
            out.claim_data(
                row,
                links,
                verdicts=verdicts[pk],
                evidence=evidence[pk],
                record=records[pk],
                topics=topics[pk],
                updated=updated,
            )
        )
        newest = updated if newest is None or updated > newest else newest
    return data, newest


def claim_detail(
    claims: QuerySet[Claim], slug: str, links: out.Links
) -> tuple[dict[str, Any], datetime.datetime] | None:
    """One public claim as the list shows it, plus the paragraph around the quote and how
    often it was repeated publicly since. None when no public claim has this slug."""
    row = claim_rows(claims.filter(slug=slug), "statement__source__text").first()
    if row is None:
        return None
    (data,), updated = claims_data([row], links)
    paragraph = quote_in_context(
        row["statement__source__text"], row["statement__start"], row["statement__end"]
    )
    data["statement"]["paragraph"] = {"before": paragraph.before, "after": paragraph.after}
    data["repeats"] = public_repeat_count(row["id"])
    return data, updated
