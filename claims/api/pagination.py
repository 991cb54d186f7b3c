"""Keyset pagination: pages that stay put while new claims are published.

A cursor is a position in the ordering, the (key, id) pair of the last row seen, never an
offset: the next page is "rows after this position", so rows published meanwhile never shift
it and a client walks every row exactly once. DRF's CursorPagination keys on one field and
falls back to offsets when rows share it (a batch published in the same second), with a hard
cap of 1,000; a (key, id) position needs neither, and it never counts rows (no COUNT(*)).

Cursor tokens are readable on purpose: `n<key>.<id>` walks forward from a position and
`b<key>.<id>` backwards. Any token that matches the documented pattern is a valid position
(it need not be a row), so the schema describes exactly what is accepted; anything else is
a 400 naming the parameter.
"""

from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass
from typing import Any

from django import forms
from django.db.models import Q, QuerySet
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

from . import reads
from .params import MAX_ID, UTC_MAX, UTC_MIN, ChoiceParam, IntegerParam, PatternParam
from .serializers import site_of

EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
MICROSECOND = datetime.timedelta(microseconds=1)


@dataclass(frozen=True)
class Position:
    forward: bool
    key: Any  # the ordering key's value (None when ordering by id alone)
    id: int


class DateTimeKey:
    """Datetimes in a cursor: whole microseconds since 1970 (negative before)."""

    pattern = r"-?[0-9]{1,18}"

    @staticmethod
    def encode(value: datetime.datetime) -> str:
        return str((value - EPOCH) // MICROSECOND)

    @staticmethod
    def decode(text: str) -> datetime.datetime:
        micros = int(text)
        if micros > (UTC_MAX - EPOCH) // MICROSECOND:
            return UTC_MAX
        if micros < (UTC_MIN - EPOCH) // MICROSECOND:
            return UTC_MIN
        return EPOCH + datetime.timedelta(microseconds=micros)


class TextKey:
    """Text in a cursor: its UTF-8 bytes in hex, so any even run of hex digits is a position."""

    pattern = r"(?:[0-9a-f]{2}){0,800}"

    @staticmethod
    def encode(value: str) -> str:
        return value.encode().hex()

    @staticmethod
    def decode(text: str) -> str:
        return bytes.fromhex(text).decode(errors="replace").replace("\x00", "")


def keyset_page(
    queryset: QuerySet, key: str, position: Position | None, reverse: bool, limit: int
) -> QuerySet:
    """The first `limit` rows of `queryset` after `position` in the order of (`key`, id),
    descending when `reverse` ("" for `key` orders by id alone)."""
    fields = [key, "pk"] if key else ["pk"]
    queryset = queryset.order_by(*[f"-{f}" if reverse else f for f in fields])
    if position is None:
        return queryset[:limit]
    after = "lt" if reverse else "gt"
    if key:
        # key <= p narrows the index range; the OR settles rows that share the key.
        within = "lte" if reverse else "gte"
        queryset = queryset.filter(
            Q(**{f"{key}__{within}": position.key}),
            Q(**{f"{key}__{after}": position.key}) | Q(**{f"pk__{after}": position.id}),
        )
    else:
        queryset = queryset.filter(**{f"pk__{after}": position.id})
    return queryset[:limit]


class KeysetPagination(BasePagination):
    """Pages ordered by (key, id), with `next` and `previous` links; by default, newest id
    first."""

    page_size = 20
    max_page_size = 100
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    ordering_query_param = "ordering"
    # public name -> (model field of the key, or "" for id alone; descending?); the first is
    # the default
    orderings: dict[str, tuple[str, bool]] = {"-id": ("", True)}
    key_codec: type[DateTimeKey] | type[TextKey] | None = None

    @classmethod
    @functools.cache
    def parameters(cls) -> type[forms.Form]:
        """The query parameters as a form, each field validated as the schema documents it."""
        codec = cls.key_codec
        pattern = rf"^[nb]{codec.pattern}\.[0-9]{{1,19}}$" if codec else r"^[nb][0-9]{1,19}$"
        where = _(
            "Where the page starts: copy it from the `next` or `previous` link. A position, "
            "not an offset, so pages stay put while new items are published."
        )
        size = format_lazy(_("Items per page (default {})."), cls.page_size)
        fields: dict[str, Any] = {
            cls.cursor_query_param: PatternParam(pattern=pattern, max_length=1625, help_text=where),
            cls.page_size_query_param: IntegerParam(max_value=cls.max_page_size, help_text=size),
        }
        if len(cls.orderings) > 1:
            order = format_lazy(_("Order of the items (default `{}`)."), next(iter(cls.orderings)))
            fields[cls.ordering_query_param] = ChoiceParam(values=[*cls.orderings], help_text=order)
        return type(f"{cls.__name__}Parameters", (forms.Form,), fields)

    def paginate_queryset(self, queryset: QuerySet, request: Request, view=None) -> list:
        self.request, self.view = request, view
        form = self.parameters()(request.query_params)
        if not form.is_valid():
            raise ValidationError(form.errors)
        values = form.cleaned_data
        token = values[self.cursor_query_param]
        position = self.decode_cursor(token) if token else None
        size = values[self.page_size_query_param] or self.page_size
        ordering = values.get(self.ordering_query_param) or next(iter(self.orderings))
        self.key, descending = self.orderings[ordering]
        # Walking backwards reads the rows before the position in reverse, then flips them.
        backwards = position is not None and not position.forward
        rows = self.read_page(queryset, position, descending != backwards, size + 1)
        more, rows = len(rows) > size, rows[:size]
        if backwards:
            rows.reverse()
        # A row more than the page shows means another page on the side read towards; on the
        # side of the position, there is one whenever a position was given.
        has_next, has_previous = (True, more) if backwards else (more, position is not None)
        self.next = self.cursor(True, rows[-1:]) if has_next else None
        self.previous = self.cursor(False, rows[:1]) if has_previous else None
        return rows

    def read_page(
        self, queryset: QuerySet, position: Position | None, reverse: bool, limit: int
    ) -> list:
        return list(keyset_page(queryset, self.key, position, reverse, limit))

    def decode_cursor(self, token: str) -> Position:
        direction, rest = token[0], token[1:]
        key = None
        if self.key_codec is not None:
            text, rest = rest.rsplit(".", 1)
            key = self.key_codec.decode(text)
        return Position(forward=direction == "n", key=key, id=min(int(rest), MAX_ID))

    def position_of(self, row: Any) -> tuple[Any, int]:
        """The ordering key and id of a row of the page (here, a model instance)."""
        return getattr(row, self.key, None), row.pk

    def cursor(self, forward: bool, rows: list) -> str:
        """The token of the position at the page's first or last row (`rows`, one or none)."""
        prefix = "n" if forward else "b"
        if not rows:  # from an empty page, the way on is the same position the other way
            return prefix + self.request.query_params[self.cursor_query_param][1:].rstrip("\n")
        key, pk = self.position_of(rows[0])
        return f"{prefix}{self.key_codec.encode(key)}.{pk}" if self.key_codec else f"{prefix}{pk}"

    def link(self, token: str | None) -> str | None:
        if token is None:
            return None
        url = self.request.build_absolute_uri()
        return replace_query_param(url, self.cursor_query_param, token)

    def get_paginated_response(self, data: list) -> Response:
        return Response(
            {"next": self.link(self.next), "previous": self.link(self.previous), "results": data}
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": _("The next page, or null on the last.")},
                "previous": {**link, "description": _("The page before, or null on the first.")},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view) -> list[dict]:
        return [
            {
                "name": name,
                "required": False,
                "in": "query",
                "description": field.help_text,
                "schema": field.openapi(),
            }
            for name, field in self.parameters().base_fields.items()
        ]


class PublishedPagination(KeysetPagination):
    """Claims by first publication, newest first unless asked otherwise."""

    orderings = {
        "-published": ("first_published_at", True),
        "published": ("first_published_at", False),
    }
    key_codec = DateTimeKey


class ClaimPagination(PublishedPagination):
    """The claims list's pages, read as rows (`reads`): without filters (`queryset` None), a
    page is one statement, its position in the SQL; filtered, the page's ids come first, from
    the claims table and what the filters join, planned for their values (a search's words),
    then the rows for those ids."""

    def read_page(
        self, queryset: QuerySet | None, position: Position | None, reverse: bool, limit: int
    ) -> list:
        if queryset is None:
            # The first page starts after every claim, in the order read.
            key, pk = (UTC_MAX, MAX_ID) if reverse else (UTC_MIN, 0)
            if position is not None:
                key, pk = position.key, position.id
            rows = reads.claim_page(reverse, key, pk, limit, site_of(self.request))
        else:
            page = keyset_page(
                queryset.values_list("pk", flat=True), self.key, position, reverse, limit
            )
            rows = reads.claims_by_id(list(page), site_of(self.request))
        rows.sort(key=self.position_of, reverse=reverse)
        return rows

    def position_of(self, row: reads.ClaimRow) -> tuple[Any, int]:
        pk, claim = row
        return claim[self.key], pk


class NamePagination(KeysetPagination):
    orderings = {"name": ("name", False), "-name": ("name", True)}
    key_codec = TextKey


class RecordPagination(KeysetPagination):
    orderings = {"-published": ("published_at", True), "published": ("published_at", False)}
    key_codec = DateTimeKey
