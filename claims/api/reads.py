"""The claims: the list read as rows and nested into the shapes of `serializers`; the detail
read with the ORM, as the claim's page reads it.

A page of 50 claims as model instances through DRF serializers costs many times the API's CPU
target: some 700 objects and thousands of field calls. So the list reads rows with explicit SQL
(claims/db/sql/), whose first column is the claim's id and whose other columns are named by
their place in the JSON ("statement.quote"), and each row is nested as its serializer declares
it: the same fields in the same order, links built as `LinkField` builds them, a nullable object
null when its first column is. Which claims are public, and in what order a claim's verdicts,
evidence and record come, is what `selectors` and the querysets say; tests/db/test_sql.py holds
each SQL file to the ORM's rows, and tests/api/test_reads.py each listed claim to its detail.
"""

from __future__ import annotations

import datetime
import functools
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db import connection
from rest_framework import serializers as drf

from ..db import sql
from ..enums import PUBLIC_STATUSES
from ..models import Claim
from ..selectors import public_claim
from ..text import quote_in_context
from . import serializers as out

# A claim as listed, keyed by its id: the rows' order is the page's, set by the caller.
ClaimRow = tuple[int, dict[str, Any]]


@functools.cache
def row_builder(
    serializer_class: type[drf.Serializer], columns: tuple[str, ...], naive: bool
) -> tuple[Callable[..., dict], tuple[str, ...]]:
    """A function `build(row, links)` that makes the JSON of `serializer_class` from a row of
    `columns`, and the views it links to (`links`: their parts, from `out.link_parts`).

    The function is compiled from one dict display for the whole object, which Python builds
    several times sooner than any loop over the fields could. Each field is a column's value,
    a link (`out.link_parts`), a nested object (null, where the field allows it, when its
    first column is), or None for the caller to fill in (lists, and what no column holds).
    With `naive` (SQLite's cursor), datetimes are made aware, in UTC. A column that the
    serializer does not show, but the first, is an error."""
    place = {name: i for i, name in enumerate(columns)}
    used, views = {columns[0]}, []

    def display(serializer: drf.Serializer, prefix: str) -> str:
        items = []
        for name, field in serializer.fields.items():
            path = f"{prefix}{name}"
            nested = isinstance(field, drf.Serializer)
            first = place.get(f"{path}.{next(iter(field.fields))}") if nested else None
            if isinstance(field, out.LinkField):
                lookup = f"{prefix}{field.lookup}"
                used.add(lookup)
                if field.view_name not in views:
                    views.append(field.view_name)
                n = 2 * views.index(field.view_name)
                value = f"f'{{links[{n}]}}{{row[{place[lookup]}]}}{{links[{n + 1}]}}'"
            elif first is not None:
                value = display(field, f"{path}.")
                if field.allow_null:
                    value = f"None if row[{first}] is None else {value}"
            elif path in place:
                used.add(path)
                value = f"row[{place[path]}]"
                if naive and isinstance(field, drf.DateTimeField):
                    value = f"aware({value})"
            else:
                value = "None"
            items.append(f"{name!r}: {value}")
        return "{" + ", ".join(items) + "}"

    source = f"def build(row, links):\n    return {display(serializer_class(), '')}\n"
    if unknown := set(columns) - used:
        raise ValueError(f"Columns not in {serializer_class.__name__}: {sorted(unknown)}")
    namespace = {"aware": _aware}
    exec(compile(source, f"<{serializer_class.__name__} from rows>", "exec"), namespace)
    return namespace["build"], tuple(views)


def _aware(value: datetime.datetime | None) -> datetime.datetime | None:
    return None if value is None else value.replace(tzinfo=datetime.UTC)


def _read(
    names: Sequence[str],
    params: Mapping[str, Any],
    serializer_class: type[drf.Serializer],
    site: tuple,
    **numbers: int,
) -> list[ClaimRow]:
    """The rows of a read as (first column, JSON of `serializer_class`) pairs, with the links
    of `site` (`out.site_of`)."""
    columns, rows = sql.rows(names, params, numbers=numbers)
    naive = connection.vendor == "sqlite" and settings.USE_TZ
    build, views = row_builder(serializer_class, tuple(columns), naive)
    links = out.link_parts(site, views) if views else ()
    return [(row[0], build(row, links)) for row in rows]


# --- the list ----------------------------------------------------------------------------------


def claim_page(
    newest_first: bool, key: datetime.datetime, pk: int, limit: int, site: tuple
) -> list[ClaimRow]:
    """Up to `limit` public claims after the position (`key`, `pk`) in the order of
    (first_published_at, id), in no particular order, for `complete()`: one statement."""
    page = "claim_page_newest" if newest_first else "claim_page_oldest"
    params = {"key": key, "id": pk}
    return _read([page, "claims"], params, out.ClaimSerializer, site, limit=limit)


def claims_by_id(ids: Sequence[int], site: tuple) -> list[ClaimRow]:
    """The public claims of these ids, in no particular order, for `complete()`."""
    if not ids:
        return []
    return _read(["ids", "claims"], {"ids": sql.id_list(ids)}, out.ClaimSerializer, site)


RELATED = {
    "verdicts": out.VerdictSerializer,
    "evidence": out.EvidenceSerializer,
    "record": out.RecordEntrySerializer,
    "topics": out.TopicSerializer,
}


def complete(claims: list[ClaimRow], site: tuple) -> list[ClaimRow]:
    """The claims with what they list from other tables: four reads, whatever their number."""
    if not claims:
        return claims
    ids = {"ids": sql.id_list(pk for pk, _ in claims)}
    related: dict[str, defaultdict[int, list[dict]]] = {}
    for name, serializer_class in RELATED.items():
        related[name] = grouped = defaultdict(list)
        for pk, item in _read(["ids", name], ids, serializer_class, site):
            grouped[pk].append(item)
    verdicts, evidence, records, topics = related.values()
    for pk, claim in claims:
        claim_verdicts, record = verdicts[pk], records[pk]
        claim["topics"] = topics[pk]
        claim["verdict"] = claim_verdicts[0] if claim_verdicts else None
        claim["earlier_verdicts"] = claim_verdicts[1:]
        claim["evidence"] = evidence[pk]
        claim["publication_record"] = record
        # What readers see last changed with the claim row or its public record (oldest first):
        # a correction's approval adds a record entry and leaves the claim row as it was.
        if record:
            claim["updated_at"] = max(claim["updated_at"], record[-1]["published_at"])
    return claims


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
    claim.public_updated_at = max([claim.updated_at, *record])  # as `complete()` has it
    repeated = claim.repeat_of
    claim.public_repeat_of = repeated if repeated and repeated.status in PUBLIC_STATUSES else None
    statement = claim.statement
    statement.paragraph = quote_in_context(statement.source.text, statement.start, statement.end)
    return claim
