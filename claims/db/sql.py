"""Explicit SQL, from the files in claims/db/sql/, for the reads the ORM is too slow for
(docs/adr/0005-explicit-sql-for-the-api-reads.md).

A read is a list of files run as one statement: a fragment naming the rows wanted
(`WITH page(id) AS (...)`), then the read itself, so that a read's columns are written once
however its rows were chosen. A file that differs between the databases has one version per
vendor (`ids.postgresql.sql`, `ids.sqlite.sql`). Parameters are named (`%(ids)s`); an integer
that the database should plan with, not for any value, is written into the SQL (`{limit}`).

On PostgreSQL every read here is a prepared statement, planned once per connection. The
settings keep psycopg from preparing anything by count (a plan kept for one search could be
disastrous for another), so `rows()` sets `prepare_threshold` to 0 for its own execute() alone.
Rows come back as the driver gives them: on SQLite, datetimes naive, in UTC.
"""

from __future__ import annotations

import datetime
import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import psycopg
from django.db import DEFAULT_DB_ALIAS, connections
from psycopg.pq import Format

FILES = Path(__file__).with_name("sql")


@functools.cache
def statement(names: tuple[str, ...], vendor: str) -> str:
    """The files `names` joined, each in its `vendor`'s version where it has one."""
    parts = []
    for name in names:
        path = FILES / f"{name}.{vendor}.sql"
        parts.append((path if path.exists() else FILES / f"{name}.sql").read_text())
    return "\n".join(parts)


def rows(
    names: Sequence[str],
    params: Mapping[str, Any],
    *,
    numbers: Mapping[str, int] | None = None,
    using: str = DEFAULT_DB_ALIAS,
) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The column names and rows of the read made of the files `names`."""
    connection = connections[using]
    sql = statement(tuple(names), connection.vendor)
    for name, number in (numbers or {}).items():
        sql = sql.replace(f"{{{name}}}", str(int(number)))
    adapt = connection.ops.adapt_datetimefield_value
    params = {
        key: adapt(value) if isinstance(value, datetime.datetime) else value
        for key, value in params.items()
    }
    with connection.cursor() as cursor:
        raw = connection.connection
        threshold = getattr(raw, "prepare_threshold", None)  # psycopg's; None: never prepare
        if threshold is not None:
            raw.prepare_threshold = 0
        if connection.vendor == "postgresql":
            cursor.adapters.register_loader("timestamptz", TIMESTAMPTZ)
        try:
            cursor.execute(sql, params)
        finally:
            if threshold is not None:
                raw.prepare_threshold = threshold
        columns = _COLUMNS.get(sql)
        if columns is None:  # the statement names them: read once (psycopg builds each anew)
            columns = _COLUMNS[sql] = [column[0] for column in cursor.description]
        return columns, cursor.fetchall()


_COLUMNS: dict[str, list[str]] = {}


# psycopg's own loader of `timestamp with time zone`. Django's wraps it in Python to set the time
# zone that Django gives the session anyway (its TIME_ZONE, UTC by default): psycopg's alone
# gives the same datetimes, several times sooner.
TIMESTAMPTZ = psycopg.adapters.get_loader(psycopg.adapters.types["timestamptz"].oid, Format.TEXT)


def id_list(ids: Iterable[int]) -> str:
    """Ids as the `ids` fragment takes them: one parameter, a JSON array."""
    return json.dumps([int(pk) for pk in ids])
