"""Paging for the changelists of tables that grow with the claims."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.formats import number_format
from django.utils.functional import cached_property


class CappedCountPaginator(Paginator):
    """Counts at most `cap` rows: `SELECT COUNT(*) FROM (... LIMIT cap + 1)`.

    Django's paginator counts every row the filters match on every page, which on PostgreSQL
    is a full scan of a large table (docs/adr/0008-admin-lists-at-a-million-rows.md). The
    capped count stops after `cap + 1` rows, so it is cheap whenever many rows match, and when
    few match it is the exact count that was needed anyway. Below the cap the number shown is
    exact; above it the list says "more than 10,000" (`capped`), which is always true, and
    offers the first `cap / per_page` pages: further rows are reached by filtering or sorting.

    Chosen over asking the planner for its row estimate (`EXPLAIN` → "Plan Rows"): the estimate
    of a filtered or searched list can be off by orders of magnitude, so "about 12,000" could
    show three pages of rows and a hundred empty ones. The same code runs on SQLite, where a
    count is a full scan too.

    Set `show_full_result_count = False` beside it, or Django also counts the whole table; keep
    `cap` above the admin's `list_max_show_all` (200), or "Show all" would offer every row.
    The desk's admin templates (`templates/admin/claims/`) word the count when `capped`.
    """

    cap = 10_000

    @cached_property
    def _counted(self) -> int:
        # Ordering only slows the subquery down; the number of rows is the same without it.
        return self.object_list.order_by()[: self.cap + 1].count()

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @property
    def capped(self) -> bool:
        """More rows match than were counted: `count` is a lower bound."""
        return self._counted > self.cap

    @property
    def cap_display(self) -> str:
        """The cap with the locale's thousands separator, for "more than 10,000 claims"."""
        return number_format(self.cap, force_grouping=True)
