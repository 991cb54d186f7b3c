"""Prepared statements on PostgreSQL, only for the SQL that asks for one.

psycopg prepares a statement when told to (`execute(..., prepare=True)`) or after it has run
a number of times (`prepare_threshold`). Django calls `execute()` without the first, and the
settings make the second never happen: a plan PostgreSQL keeps for one search could be
disastrous for another. So SQL is marked instead: a `PreparedSQL` string passes through
Django's cursor wrappers (and its query log, and the tests' query counts) unchanged, and the
cursor class set on each new connection prepares it. Where the settings turn preparing off
(`prepare_threshold` None, `DATABASE_PREPARE=0`), the mark is ignored.
"""

from __future__ import annotations

import functools
from typing import Any

from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.signals import connection_created


class PreparedSQL(str):
    """SQL that PostgreSQL plans once per connection (a prepared statement), then runs with
    new values: only for reads whose best plan is the same whatever the values."""


def prepare_marked_statements(sender: Any, connection: BaseDatabaseWrapper, **kwargs) -> None:
    """Make the new connection's cursors prepare `PreparedSQL` (`connection_created`).

    Only where psycopg may prepare at all: the settings' `prepare_threshold` is None where
    statements must not be prepared (PgBouncer before 1.21 in transaction mode)."""
    if connection.vendor != "postgresql":
        return
    raw = connection.connection
    if getattr(raw, "prepare_threshold", None) is not None:
        raw.cursor_factory = _preparing(raw.cursor_factory)


@functools.cache
def _preparing(cursor_class: type) -> type:
    """`cursor_class` (psycopg's, as Django sets it) preparing `PreparedSQL` when run."""
    if issubclass(cursor_class, _Preparing):
        return cursor_class
    return type(f"Preparing{cursor_class.__name__}", (_Preparing, cursor_class), {})


class _Preparing:
    def execute(self, query, params=None, *, prepare=None, **kwargs):
        if prepare is None and type(query) is PreparedSQL:
            prepare = True
        return super().execute(query, params, prepare=prepare, **kwargs)


def connect_prepared_statements() -> None:
    connection_created.connect(prepare_marked_statements, dispatch_uid="claims_prepared_sql")
