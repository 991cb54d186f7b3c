"""Records written only by services: sign-offs, the public record and the event log."""

from __future__ import annotations

from django.contrib import admin

from ..models import ClaimEvent, PublicationEntry, Signoff, SuggestionDecision
from .base import ReadOnlyAdmin
from .capped_count import CappedCountPaginator
from .filters import RecentValuesFieldListFilter


@admin.register(Signoff)
class SignoffAdmin(ReadOnlyAdmin):
    list_display = ["review", "round", "reviewer", "decision", "created_at"]
    list_filter = ["decision"]
    list_select_related = ["review__claim", "review__rating", "reviewer"]
    paginator = CappedCountPaginator
    show_full_result_count = False


@admin.register(PublicationEntry)
class PublicationEntryAdmin(ReadOnlyAdmin):
    list_display = ["claim", "kind", "correction_kind", "published_at"]
    # A date filter with fixed ranges instead of a date hierarchy, whose years and months are a
    # DISTINCT over the whole record on every page.
    list_filter = ["kind", "correction_kind", "published_at"]
    search_fields = ["claim__text", "note"]
    list_select_related = ["claim"]
    paginator = CappedCountPaginator
    show_full_result_count = False


@admin.register(ClaimEvent)
class ClaimEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "claim", "action", "from_status", "to_status", "actor"]
    # As for the publication record: fixed date ranges, not a date hierarchy over the whole log;
    # and the actions of recent events, not a DISTINCT over every event (several per claim).
    list_filter = [("action", RecentValuesFieldListFilter), "to_status", "created_at"]
    search_fields = ["claim__text", "note", "actor__username"]
    list_select_related = ["claim", "actor"]
    paginator = CappedCountPaginator
    show_full_result_count = False


@admin.register(SuggestionDecision)
class SuggestionDecisionAdmin(ReadOnlyAdmin):
    list_display = ["source", "start", "end", "decision", "claim", "decided_by", "decided_at"]
    list_filter = ["decision"]
    list_select_related = ["source", "claim", "decided_by"]
    paginator = CappedCountPaginator
    show_full_result_count = False
