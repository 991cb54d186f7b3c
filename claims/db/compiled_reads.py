"""Reads whose SQL is compiled once per process, not once per request.

Building and compiling a `values()` queryset costs Django about half a millisecond a query
(cloning, building lookups, preparing each value, compiling some forty columns across joins),
more than the database takes to answer a page's worth of rows. For the reads the busiest
pages repeat with new values, the SQL is compiled once and run again with the new values in
place; the rows are converted as Django would (the compiler's own converters) and returned
as tuples in the order `values()` names their fields, `Columns` telling where each field is:
a dict per row would cost more than the reading it names (some 2 microseconds a row of forty
fields).

- `RowsForIds`: a queryset narrowed to a list of ids, taken as one parameter (an array on
  PostgreSQL, a JSON array's rows on SQLite), so one SQL serves any number of ids.
- `CompiledQueries`: querysets built by a function of some values (integers and datetimes),
  compiled once per shape with stand-in values; the first time a shape is used, the SQL
  with the real values is compiled too and must match, or that shape is never reused.

On PostgreSQL the SQL is also planned once per connection, as a prepared statement
(claims/db/prepared_sql.py): planning a read across six tables takes the server 1-3 ms, several
times what running it takes. Both kinds of read are safe to keep a plan for: rows looked up by
key, a page in index order; what a search matches is never compiled here, since its best plan
depends on its words.

Compilers hold their thread's connection, so each thread compiles its own.
"""

from __future__ import annotations

import datetime
import re
import threading
from collections.abc import Callable, Hashable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import connections, router
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Model, QuerySet
from django.db.models.expressions import RawSQL
from django.db.models.sql.compiler import SQLCompiler

from .prepared_sql import PreparedSQL

COMPILING_VENDORS = ("postgresql", "sqlite")


@dataclass(frozen=True)
class _Compiled:
    compiler: SQLCompiler
    sql: str
    params: tuple[Any, ...]
    slots: tuple[tuple[int, ...], ...]  # where each value goes in params
    converters: dict[int, Any]
    names: tuple[str, ...] | None  # of the parameters, where they are named (SQLite)

    @classmethod
    def of(cls, queryset: QuerySet, stand_ins: Sequence[Any]) -> _Compiled | None:
        """`queryset` compiled; None when a stand-in is not found among its parameters."""
        query = queryset.query
        compiler = query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        slots = tuple(
            tuple(i for i, param in enumerate(params) if _same(param, stand_in))
            for stand_in in stand_ins
        )
        if not all(slots):
            return None
        # As `compiler.results_iter()` finds them (for every row of every run, otherwise).
        converters = compiler.get_converters([s[0] for s in compiler.select[: compiler.col_count]])
        converters = _utc_on_sqlite(converters, compiler.connection)
        sql, names = _runnable(sql, len(params), compiler.connection)
        return cls(compiler, sql, tuple(params), slots, converters, names)

    def params_with(self, values: Sequence[Any]) -> list[Any]:
        params = list(self.params)
        for slot, value in zip(self.slots, values, strict=True):
            for i in slot:
                params[i] = value
        return params

    def rows(self, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        compiler = self.compiler
        params = self.params_with(values)
        if self.names is not None:
            params = dict(zip(self.names, params, strict=True))
        with compiler.connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        if compiler.has_extra_select:
            fetched = [row[: compiler.col_count] for row in fetched]
        if self.converters:
            fetched = [tuple(row) for row in compiler.apply_converters(fetched, self.converters)]
        return fetched


def _runnable(
    sql: str, count: int, connection: BaseDatabaseWrapper
) -> tuple[str, tuple[str, ...] | None]:
    """The SQL as run again and again, and its parameters' names if they are named: prepared
    on PostgreSQL, with named placeholders on SQLite (the only COMPILING_VENDORS)."""
    if connection.vendor == "postgresql":
        return PreparedSQL(sql), None
    return _named_placeholders(sql, count)


_PLACEHOLDER = re.compile("%%|%s")


def _named_placeholders(sql: str, count: int) -> tuple[str, tuple[str, ...] | None]:
    """`sql` with named placeholders (`%(p0)s`) and their names, for SQLite: Django's cursor
    turns each `%s` into `?` with a regular expression on every run (some 20 microseconds for
    a read of forty columns), and names with one `%` formatting (about one). Unchanged, with
    no names, if the placeholders are not the parameters one for one."""
    found: list[str] = []

    def named(match: re.Match[str]) -> str:
        if match.group() == "%%":
            return "%%"
        found.append(f"p{len(found)}")
        return f"%({found[-1]})s"

    named_sql = _PLACEHOLDER.sub(named, sql)
    if len(found) != count:
        return sql, None
    return named_sql, tuple(found)


def _utc_on_sqlite(converters: dict[int, Any], connection: BaseDatabaseWrapper) -> dict[int, Any]:
    """Django's converter of SQLite's datetimes, made aware in UTC, swapped for one that does
    only that: the driver has already parsed the text (Django registers it for the column
    type), and asking the settings for USE_TZ per value took a fifth of an API page's
    conversions. Any value the driver left as text goes to Django's converter as before."""
    if connection.vendor != "sqlite" or not settings.USE_TZ or connection.timezone_name != "UTC":
        return converters
    django_converter = connection.ops.convert_datetimefield_value

    def utc(value: Any, expression: Any, connection: BaseDatabaseWrapper) -> Any:
        if type(value) is datetime.datetime and value.tzinfo is None:
            return value.replace(tzinfo=datetime.UTC)
        return django_converter(value, expression, connection)

    return {
        index: ([utc if f == django_converter else f for f in functions], expression)
        for index, (functions, expression) in converters.items()
    }


def _same(param: Any, stand_in: Any) -> bool:
    # `is` for the ids' marker object; equality (and type) for values the backend adapted.
    return param is stand_in or (type(param) is type(stand_in) and param == stand_in)


class Columns:
    """Where each field sits in a row: `columns.slug` is the index of "slug" in a tuple of
    `names` (or, from `keys()`, the key itself, for a mapping such as a model's `__dict__`), so
    one function reads both. `under(prefix)` places the fields named with that prefix,
    without it: `columns.under("statement__source__").title`."""

    def __init__(self, places: dict[str, int | str]) -> None:
        hidden = places.keys() & vars(Columns).keys()
        if hidden:
            raise ValueError(f"A field named like a method of Columns: {sorted(hidden)}")
        vars(self).update(places)

    @classmethod
    def of(cls, names: Sequence[str]) -> Columns:
        return cls({name: index for index, name in enumerate(names)})

    @classmethod
    def keys(cls, names: Sequence[str]) -> Columns:
        return cls({name: name for name in names})

    def under(self, prefix: str) -> Columns:
        return Columns(
            {
                name.removeprefix(prefix): place
                for name, place in vars(self).items()
                if name.startswith(prefix)
            }
        )


def values_rows(queryset: QuerySet) -> list[tuple[Any, ...]]:
    """The rows of a `values()` queryset as tuples, as the compiled reads return them."""
    return [tuple(row.values()) for row in queryset]


class RowsForIds:
    """The rows of a `values()` queryset whose `field` (a column of the queryset's own table)
    is one of the given ids, in the queryset's order, as tuples (`values_rows()`)."""

    _IDS = object()  # stands for the list of ids among the compiled parameters

    def __init__(self, queryset: QuerySet, field: str) -> None:
        self.queryset = queryset
        self.field = field
        self._local = threading.local()

    def rows(self, ids: Sequence[int]) -> list[tuple[Any, ...]]:
        if not ids:
            return []
        connection = connections[self.queryset.db]
        if connection.vendor not in COMPILING_VENDORS:
            return values_rows(self.queryset.filter(**{f"{self.field}__in": ids}))
        compiled = getattr(self._local, "compiled", None)
        if compiled is None or compiled.compiler.connection is not connection:
            compiled = self._local.compiled = self._compile(connection)
        # As text in both cases: psycopg writes a list of integers as an array in Python, at
        # some seven microseconds an id.
        text = ",".join(str(int(pk)) for pk in ids)
        return compiled.rows(
            ["{" + text + "}" if connection.vendor == "postgresql" else f"[{text}]"]
        )

    def _compile(self, connection: BaseDatabaseWrapper) -> _Compiled:
        meta = self.queryset.model._meta
        quote = connection.ops.quote_name
        field = meta.get_field(self.field)
        column = f"{quote(meta.db_table)}.{quote(field.column)}"
        if connection.vendor == "postgresql":
            condition = f"{column} = ANY(%s::{field.db_type(connection)}[])"
        else:
            condition = f"{column} IN (SELECT value FROM json_each(%s))"
        narrowed = self.queryset.filter(RawSQL(condition, [self._IDS], BooleanField()))
        compiled = _Compiled.of(narrowed, [self._IDS])
        assert compiled is not None  # the marker is passed through as given
        return compiled


# Values no real page would use, so that they are found among the parameters unmistakably.
_STAND_INS: dict[type, Any] = {
    int: -7_031_960_417,
    datetime.datetime: datetime.datetime(1111, 11, 11, 11, 11, 11, 111111, tzinfo=datetime.UTC),
}


class CompiledQueries:
    """`build(shape, values)` for any values, compiled once per `shape`: the caller's promise
    that querysets built for the same shape differ only in the values (checked once)."""

    def __init__(
        self, model: type[Model], build: Callable[[Hashable, Sequence[Any]], QuerySet]
    ) -> None:
        self.model = model
        self.build = build
        self._local = threading.local()

    def rows(self, shape: Hashable, values: Sequence[Any]) -> list[tuple[Any, ...]]:
        """`values_rows(build(shape, values))`, read with SQL compiled for the shape."""
        if any(type(value) not in _STAND_INS for value in values):
            return values_rows(self.build(shape, values))
        connection = connections[router.db_for_read(self.model)]
        if connection.vendor not in COMPILING_VENDORS:
            return values_rows(self.build(shape, values))
        compiled_by_shape = self._shapes(connection)
        key = (shape, tuple(type(value) for value in values))
        if key not in compiled_by_shape:
            compiled_by_shape[key] = self._compile(shape, values, connection)
        compiled = compiled_by_shape[key]
        if compiled is None:
            return values_rows(self.build(shape, values))
        return compiled.rows([_adapted(value, connection) for value in values])

    def _shapes(self, connection: BaseDatabaseWrapper) -> dict[Hashable, _Compiled | None]:
        if getattr(self._local, "connection", None) is not connection:
            self._local.connection, self._local.shapes = connection, {}
        return self._local.shapes

    def _compile(
        self, shape: Hashable, values: Sequence[Any], connection: BaseDatabaseWrapper
    ) -> _Compiled | None:
        stand_ins = [_STAND_INS[type(value)] for value in values]
        queryset = self.build(shape, stand_ins)
        if queryset.db != connection.alias:
            return None
        compiled = _Compiled.of(queryset, [_adapted(v, connection) for v in stand_ins])
        if compiled is None:
            return None
        # Proof that only the values differ: the real query, compiled by Django, must be the
        # compiled one with the values put in.
        real = self.build(shape, values)
        sql, params = real.query.get_compiler(using=real.db).as_sql()
        adapted = [_adapted(value, connection) for value in values]
        runnable, _ = _runnable(sql, len(params), connection)
        if runnable != compiled.sql or list(params) != compiled.params_with(adapted):
            return None
        return compiled


def _adapted(value: Any, connection: BaseDatabaseWrapper) -> Any:
    """The value as Django passes it to the database driver."""
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return value
