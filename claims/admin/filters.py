"""Changelist filters for the tables that grow with the claims."""

from __future__ import annotations

from django.contrib import admin


class RecentValuesFieldListFilter(admin.AllValuesFieldListFilter):
    """Lists the values found among the latest `recent` rows, not among every row.

    Django's filter runs `SELECT DISTINCT` over the whole table on every page; the latest
    thousand rows are read through the primary key and hold the values the desk works with
    now (docs/adr/0008-admin-lists-at-a-million-rows.md). A value
    only older rows have still filters from the address (`?language=xx`) and is then listed.
    """

    recent = 1_000

    def __init__(self, field, request, params, model, model_admin, field_path):
        super().__init__(field, request, params, model, model_admin, field_path)
        latest = model._default_manager.order_by("-pk").values_list(field.name, flat=True)
        values = set(latest[: self.recent]) | set(self.lookup_val or ())
        self.lookup_choices = sorted(values, key=lambda value: (value is None, value))
