"""Paging for the changelists of tables that grow with the claims."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.utils.formats import number_format
from django.utils.functional import cached_property


class CappedCountPaginator(Paginator):
    """Counts at most `cap` rows, `SELECT COUNT(*) FROM (... LIMIT cap + 1)`, where Django's
    paginator counts every matching row on every page
    (docs/adr/0008-admin-lists-at-a-million-rows.md). Below the cap the count is exact; above
    it the list says "more than 10,000" (`capped`) and offers the first `cap / per_page`
    pages: further rows are reached by filtering or sorting.

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
