"""The claims: the list read as rows and nested into the shapes of `serializers`; the detail
read with the ORM, as the claim's page reads it.

A page of 50 claims as model instances through DRF serializers costs many times the API's CPU
target: some 700 objects and thousands of field calls. So the list reads rows with explicit SQL
(claims/db/sql/), whose columns are named by their place in the JSON ("statement.quote"), and
`Shape` nests each row as its serializer declares: the same fields in the same order, links
built as `LinkField` builds them, a nullable object null when its first column is. Which claims
are public, and in what order a claim's verdicts, evidence and record come, is what `selectors`
and the querysets say; tests/db/test_sql.py holds each SQL file to the ORM's rows, and
tests/api/test_reads.py each listed claim to its detail.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from operator import itemgetter
from typing import Any

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.models import QuerySet
from rest_framework import serializers as drf

from ..db import sql
from ..enums import PUBLIC_STATUSES
from ..models import Claim
from ..selectors import public_claim, public_claims
from ..text import quote_in_context
from . import serializers as out

# A claim as listed, keyed by its id: the rows' order is the page's, set by the caller.
ClaimRow = tuple[int, dict[str, Any]]


class Shape:
    """How a row whose columns are named by JSON path ("statement.quote") becomes the JSON of
    `serializer`: its fields in its order, each a column's value, a link built from its lookup
    column, a nested object (null, where the field allows it, when its first column is), or
    None for the caller to fill (lists, and what no column holds). `extra` columns are read but
    not shown. On SQLite, datetimes come naive and are made aware, in UTC.

    Each object is made in two steps: every key at once with a column's value (in C, by
    `itemgetter`), then the keys whose value is not a column's as it is."""

    def __init__(
        self, serializer: drf.Serializer, columns: Sequence[str], extra: Iterable[str], utc: bool
    ) -> None:
        self.places = {name: i for i, name in enumerate(columns)}
        self.utc = utc
        self.used = set(extra)
        self.views: set[str] = set()
        self.node = self._node(serializer, "")
        unknown = set(columns) - self.used
        if unknown:
            raise ValueError(f"Columns not in {type(serializer).__name__}: {sorted(unknown)}")

    def _node(self, serializer: drf.Serializer, prefix: str) -> _Node:
        keys, places, links, nested, utc, later = [], [], [], [], [], {}
        for name, field in serializer.fields.items():
            path = f"{prefix}{name}"
            keys.append(name)
            places.append(self.places.get(path, 0))  # what no column holds is set after
            if isinstance(field, out.LinkField):
                lookup = f"{prefix}{field.lookup}"
                self.used.add(lookup)
                self.views.add(field.view_name)
                links.append((name, self.places[lookup], field.view_name))
            elif isinstance(field, drf.Serializer) and any(
                column.startswith(f"{path}.") for column in self.places
            ):
                first = self.places[f"{path}.{next(iter(field.fields))}"]
                child = self._node(field, f"{path}.")
                nested.append((name, child, first if field.allow_null else None))
            elif path in self.places:
                self.used.add(path)
                if self.utc and isinstance(field, drf.DateTimeField):
                    utc.append((name, places[-1]))
            else:
                later[name] = None
        # The getter's last 0 makes it return a tuple however few keys; zip stops at the keys.
        return tuple(keys), itemgetter(*places, 0), links, nested, utc, later


_Node = tuple[
    tuple[str, ...],
    Callable[[Sequence[Any]], tuple],
    list[tuple[str, int, str]],
    list[tuple[str, Any, int | None]],
    list[tuple[str, int]],
    dict[str, None],
]


def _build(node: _Node, row: Sequence[Any], parts: dict[str, tuple[str, str]]) -> dict:
    keys, values, links, nested, utc, later = node
    data = dict(zip(keys, values(row), strict=False))
    for name, place, view in links:
        head, tail = parts[view]
        data[name] = f"{head}{row[place]}{tail}"
    for name, child, first in nested:
        data[name] = None if first is not None and row[first] is None else _build(child, row, parts)
    for name, place in utc:
        value = row[place]
        data[name] = value if value is None else value.replace(tzinfo=datetime.UTC)
    if later:
        data.update(later)
    return data


@functools.cache
def _shape(
    serializer_class: type[drf.Serializer],
    columns: tuple[str, ...],
    extra: tuple[str, ...],
    vendor: str,
) -> Shape:
    utc = vendor == "sqlite" and settings.USE_TZ
    return Shape(serializer_class(), columns, extra, utc)


def _read(
    names: Sequence[str],
    params: Mapping[str, Any],
    serializer_class: type[drf.Serializer],
    key: str,
    links: out.Links,
    **numbers: int,
) -> list[ClaimRow]:
    """The rows of a read as (`key` column, JSON of `serializer_class`) pairs."""
    columns, rows = sql.rows(names, params, numbers=numbers)
    vendor = connections[DEFAULT_DB_ALIAS].vendor
    shape = _shape(serializer_class, tuple(columns), (key,), vendor)
    at, node, parts = columns.index(key), shape.node, links.parts(shape.views)
    return [(row[at], _build(node, row, parts)) for row in rows]


# --- the list ----------------------------------------------------------------------------------


@functools.cache
def public_claim_set() -> QuerySet[Claim]:
    """`public_claims()`, built once: what the list's filters narrow (cloning it), never
    evaluated itself, so that the paginator knows an unfiltered list by this very object."""
    return public_claims()


def claim_page(
    newest_first: bool, key: datetime.datetime, pk: int, limit: int, links: out.Links
) -> list[ClaimRow]:
    """Up to `limit` public claims after the position (`key`, `pk`) in the order of
    (first_published_at, id), in no particular order: one statement."""
    page = "claim_page_newest" if newest_first else "claim_page_oldest"
    params = {"key": key, "id": pk}
    return _read([page, "claims"], params, out.ClaimSerializer, "id", links, limit=limit)


def claims_by_id(ids: Sequence[int], links: out.Links) -> list[ClaimRow]:
    """The public claims of these ids, in no particular order."""
    if not ids:
        return []
    return _read(["ids", "claims"], {"ids": sql.id_list(ids)}, out.ClaimSerializer, "id", links)


RELATED = {
    "verdicts": out.VerdictSerializer,
    "evidence": out.EvidenceSerializer,
    "record": out.RecordEntrySerializer,
    "topics": out.TopicSerializer,
}


def complete(claims: list[ClaimRow], links: out.Links) -> datetime.datetime | None:
    """Fill in what the claims list from other tables (four reads, whatever their number), and
    return when the newest of them last changed."""
    if not claims:
        return None
    ids = {"ids": sql.id_list(pk for pk, _ in claims)}
    related: dict[str, defaultdict[int, list[dict]]] = {}
    for name, serializer_class in RELATED.items():
        related[name] = grouped = defaultdict(list)
        for pk, item in _read(["ids", name], ids, serializer_class, "claim_id", links):
            grouped[pk].append(item)
    verdicts, evidence, records, topics = related.values()
    for pk, claim in claims:
        claim_verdicts, record = verdicts[pk], records[pk]
        claim["topics"] = topics[pk]
        claim["verdict"] = claim_verdicts[0] if claim_verdicts else None
        claim["earlier_verdicts"] = claim_verdicts[1:]
        claim["evidence"] = evidence[pk]
        claim["publication_record"] = record
        claim["updated_at"] = last_changed(claim["updated_at"], [e["published_at"] for e in record])
    return max(claim["updated_at"] for _, claim in claims)


def last_changed(
    updated_at: datetime.datetime, record: list[datetime.datetime]
) -> datetime.datetime:
    """When anything readers see of a claim last changed: the claim row, or its public record
    (a correction's approval adds a record entry and leaves the claim row as it was)."""
    return max([updated_at, *record])


# --- the detail --------------------------------------------------------------------------------


def claim_detail(slug: str) -> Claim | None:
    """One public claim as `serializers.ClaimDetailSerializer` shows it: `selectors.public_claim`
    with what the serializer reads beside the model's fields. None when no public claim has
    this slug."""
    claim = public_claim(slug)
    if claim is None:
        return None
    reviews = claim.approved_reviews
    claim.verdicts = {"current": reviews[0] if reviews else None, "earlier": reviews[1:]}
    record = [entry.published_at for entry in claim.publication_record.all()]
    claim.public_updated_at = last_changed(claim.updated_at, record)
    repeated = claim.repeat_of
    claim.public_repeat_of = repeated if repeated and repeated.status in PUBLIC_STATUSES else None
    statement = claim.statement
    statement.paragraph = quote_in_context(statement.source.text, statement.start, statement.end)
    return claim
