"""Pages of a list without counting it: at a million claims, COUNT(*) would cost more than the
page itself. A page reads one row more than it shows to know whether another page follows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.db.models import QuerySet

# Deep pages cost an OFFSET scan; nobody reads page 500 of a list, and robots get a sitemap.
MAX_PAGE = 500


@dataclass(frozen=True)
class LookaheadPage:
    """A page that knows whether another follows, not how many there are."""

    number: int
    object_list: Sequence[Any]
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_previous or self.has_next

    @property
    def previous_page_number(self) -> int:
        return self.number - 1

    @property
    def next_page_number(self) -> int:
        return self.number + 1


def lookahead_page(queryset: QuerySet, value: str | None, per_page: int) -> LookaheadPage:
    """Page `value` of `queryset`, read with one row more than it shows; anything that is not
    a page number reads as the first page."""
    try:
        number = min(max(int(value or 1), 1), MAX_PAGE)
    except ValueError:
        number = 1
    start = (number - 1) * per_page
    rows = list(queryset[start : start + per_page + 1])
    return LookaheadPage(number=number, object_list=rows[:per_page], has_next=len(rows) > per_page)
