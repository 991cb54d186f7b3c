"""Records written only by services: sign-offs, the public record and the event log."""

from __future__ import annotations

from django.contrib import admin

from ..models import ClaimEvent, PublicationEntry, Signoff, SuggestionDecision
from .base import ReadOnlyAdmin
from .paging import CappedCountPaginator


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
    list_filter = ["kind", "correction_kind"]
    search_fields = ["claim__text", "note"]
    list_select_related = ["claim"]
    date_hierarchy = "published_at"
    paginator = CappedCountPaginator
    show_full_result_count = False


@admin.register(ClaimEvent)
class ClaimEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "claim", "action", "from_status", "to_status", "actor"]
    list_filter = ["action", "to_status"]
    search_fields = ["claim__text", "note", "actor__username"]
    list_select_related = ["claim", "actor"]
    date_hierarchy = "created_at"
    paginator = CappedCountPaginator
    show_full_result_count = False


@admin.register(SuggestionDecision)
class SuggestionDecisionAdmin(ReadOnlyAdmin):
    list_display = ["source", "start", "end", "decision", "claim", "decided_by", "decided_at"]
    list_filter = ["decision"]
    list_select_related = ["source", "claim", "decided_by"]
    paginator = CappedCountPaginator
    show_full_result_count = False
