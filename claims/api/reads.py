"""The claims list and a claim's detail, read as rows: five queries, no model instances.

A page of 50 claims as model instances is some 700 objects, each with its related managers and
querysets: about 30 ms of CPU per request here; read with `values()`, about 10 ms; as tuples of
the fields `serializers` names, compiled once (claims/db/compiled_reads.py), under 5. The rules
stay where they are: which claims are public comes from `selectors.public_claims()`, which
reviews count, current first, from `Review.objects.current_first()`.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from django.db.models import QuerySet

from ..db.compiled_reads import Columns, RowsForIds
from ..models import Claim, Evidence, PublicationEntry, Review
from ..selectors import public_claims, public_repeat_count
from ..text import quote_in_context
from . import serializers as out


def claim_rows(claims: QuerySet[Claim]) -> QuerySet:
    """The claims as rows of `serializers.CLAIM_FIELDS`, ready to be paged."""
    return claims.prefetch_related(None).values(*out.CLAIM_FIELDS)


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
        "verdicts": Review.objects.current_first().values(*out.REVIEW_FIELDS),
        "evidence": Evidence.objects.cited()
        .order_by("relation", "id")
        .values(*out.EVIDENCE_FIELDS),
        "records": PublicationEntry.objects.order_by("published_at", "id").values(
            *out.RECORD_FIELDS
        ),
        "topics": Claim.topics.through.objects.order_by("topic__name", "topic_id").values(
            *out.TOPIC_FIELDS
        ),
    }
    return {name: RowsForIds(rows, "claim_id") for name, rows in querysets.items()}


def _by_claim(rows: Iterable[Sequence], columns: Columns) -> defaultdict[int, list[Sequence]]:
    grouped: defaultdict[int, list[Sequence]] = defaultdict(list)
    claim_id = columns.claim_id
    for row in rows:
        grouped[row[claim_id]].append(row)
    return grouped


def claims_data(
    rows: list[Sequence], links: out.Links
) -> tuple[list[dict[str, Any]], datetime.datetime | None]:
    """The claims' JSON from rows of `serializers.CLAIM_FIELDS`, and when the newest of them
    last changed. Four queries, whatever the number of claims: approved reviews, evidence,
    public records, topics."""
    if not rows:
        return [], None
    c = out.CLAIM
    ids = [row[c.id] for row in rows]
    related = _related_rows()
    verdicts = _by_claim(related["verdicts"].rows(ids), out.REVIEW)
    evidence = _by_claim(related["evidence"].rows(ids), out.EVIDENCE)
    records = _by_claim(related["records"].rows(ids), out.RECORD)
    topics = _by_claim(related["topics"].rows(ids), out.TOPIC)
    data, newest = [], None
    for row in rows:
        pk = row[c.id]
        updated = out.claim_updated(row[c.updated_at], records[pk])
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
    fields = [*out.CLAIM_FIELDS, "statement__source__text"]
    row = claims.filter(slug=slug).prefetch_related(None).values_list(*fields).first()
    if row is None:
        return None
    (data,), updated = claims_data([row], links)
    text = row[len(out.CLAIM_FIELDS)]
    statement = data["statement"]
    paragraph = quote_in_context(text, statement["start"], statement["end"])
    statement["paragraph"] = {"before": paragraph.before, "after": paragraph.after}
    data["repeats"] = public_repeat_count(row[out.CLAIM.id])
    return data, updated
