"""Changelist filters for the tables that grow with the claims."""

from __future__ import annotations

from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _


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


class QueueStatusFilter(admin.SimpleListFilter):
    """A queue's status filter: the waiting status (`waiting`) unless asked otherwise, each
    other status, or all of them; a status that does not exist lists nothing."""

    title = _("status")
    parameter_name = "status"
    ALL = "all"
    statuses: type[models.TextChoices]
    waiting: str

    def lookups(self, request, model_admin):
        return [*self.statuses.choices, (self.ALL, _("All"))]

    def choices(self, changelist):
        current = self.value() or self.waiting
        for value, label in self.lookup_choices:
            yield {
                "selected": current == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value() or self.waiting
        if value == self.ALL:
            return queryset
        if value not in self.statuses.values:
            return queryset.none()
        return queryset.filter(status=value)
