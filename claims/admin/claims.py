"""Claims and their evidence, with the workflow's steps on each claim's page."""

from __future__ import annotations

from django.contrib import admin
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .. import services
from ..enums import Role, Transition
from ..models import Claim, ClaimEvent, Evidence, PublicationEntry, Review, Speaker
from ..roles import has_role
from ..selectors import claim_actions, search_claims
from . import workflow
from .base import (
    HistoryAdmin,
    ReadOnlyInline,
    RoleGatedAddMixin,
    RoleGatedInlineAddMixin,
    ServiceInlinesMixin,
    excerpt,
)
from .paging import CappedCountPaginator


class EvidenceInline(RoleGatedInlineAddMixin, admin.StackedInline):
    model = Evidence
    add_roles = (Role.EDITOR, Role.FACT_CHECKER)
    extra = 0
    fields = ["relation", "source", "excerpt", "note", "archive_url", "archive_hash"]
    autocomplete_fields = ["source"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")


class ReviewInline(ReadOnlyInline):
    model = Review
    fields = ["rating", "summary", "status", "author", "correction_kind", "approved_at"]
    readonly_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("rating", "author")


class PublicationEntryInline(ReadOnlyInline):
    model = PublicationEntry
    fields = ["published_at", "kind", "correction_kind", "note"]
    readonly_fields = fields
    show_change_link = False
    verbose_name_plural = _("publication record (what readers were told)")


class ClaimEventInline(ReadOnlyInline):
    model = ClaimEvent
    fields = ["created_at", "actor", "action", "from_status", "to_status", "note"]
    readonly_fields = fields
    show_change_link = False
    verbose_name_plural = _("event log")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


def add_evidence(request, evidence: Evidence, claim: Claim) -> Evidence:
    """New evidence goes through the service, which logs it on the claim."""
    return services.evidence_add(
        claim=claim,
        source=evidence.source,
        relation=evidence.relation,
        excerpt=evidence.excerpt,
        note=evidence.note,
        archive_url=evidence.archive_url,
        by=request.user,
    )


@admin.register(Claim)
class ClaimAdmin(ServiceInlinesMixin, RoleGatedAddMixin, HistoryAdmin):
    add_roles = (Role.EDITOR,)
    list_display = [
        "claim_excerpt",
        "speaker",
        "status",
        "assignee",
        "checkworthiness",
        "first_published_at",
        "updated_at",
    ]
    # No speaker filter: with thousands of speakers it would list them all on every page; the
    # search finds a speaker's claims by name.
    list_filter = ["status", "topics", "assignee", "dismissal_reason"]
    search_fields = ["text"]  # see get_search_results: full-text, not LIKE over every row
    search_help_text = _("Words from the claim, its quote or the speaker's name.")
    list_select_related = ["statement__speaker", "assignee"]
    paginator = CappedCountPaginator  # no full-table count on every page
    show_full_result_count = False
    autocomplete_fields = ["statement", "repeat_of"]
    filter_horizontal = ["topics"]
    actions = ["assign_claims", "dismiss_claims"]
    readonly_fields = [
        "status",
        "dismissal_reason",
        "assignee",
        "first_published_at",
        "created_by",
        "created_at",
        "updated_at",
        "version",
    ]
    fieldsets = [
        (None, {"fields": ["statement", "text", "slug", "topics", "checkworthiness"]}),
        (
            _("Workflow"),
            {"fields": ["status", "dismissal_reason", "assignee", "first_published_at", "version"]},
        ),
        (_("Notes"), {"fields": ["context_note", "internal_note", "repeat_of"]}),
        (_("Record"), {"fields": ["created_by", "created_at", "updated_at"]}),
    ]
    inlines = [EvidenceInline, ReviewInline, PublicationEntryInline, ClaimEventInline]
    inline_creators = {Evidence: add_evidence}

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return search_claims(queryset, search_term), False

    @admin.display(description=_("claim"), ordering="text")
    def claim_excerpt(self, obj: Claim) -> str:
        return excerpt(obj.text)

    @admin.display(description=_("speaker"), ordering="statement__speaker__name")
    def speaker(self, obj: Claim) -> Speaker:
        return obj.statement.speaker

    def get_urls(self):
        return [
            path(
                "queues/",
                self.admin_site.admin_view(lambda request: workflow.queues_view(self, request)),
                name="claims_claim_queues",
            ),
            path(
                "<path:object_id>/act/<str:action_name>/",
                self.admin_site.admin_view(
                    lambda request, object_id, action_name: workflow.claim_action_view(
                        self, request, object_id, action_name
                    )
                ),
                name="claims_claim_act",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = self.get_object(request, object_id)
        if claim is not None:
            actions = claim_actions(claim, request.user)
            extra_context = {
                **(extra_context or {}),
                "claim_actions": [
                    (action, workflow.action_url(claim, action))
                    for action in actions
                    if not action.blocked_by
                ],
                "blocked_actions": [action for action in actions if action.blocked_by],
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is None:
            return fields
        if obj.first_published_at is not None:
            # What readers were told was claimed must not shift under the verdict.
            fields += ["statement", "text"]
        return [*fields, "slug"]

    def get_inlines(self, request, obj):
        # Evidence, reviews and records belong to a claim that exists.
        return self.inlines if obj is not None else []

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # a new claim starts as new; the service picks its slug
            fields = ["statement", "text", "topics", "checkworthiness", "context_note"]
            return [(None, {"fields": [*fields, "internal_note", "repeat_of"]})]
        return super().get_fieldsets(request, obj)

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        created = services.claim_create(
            statement=obj.statement,
            text=obj.text,
            by=request.user,
            checkworthiness=obj.checkworthiness,
            context_note=obj.context_note,
            internal_note=obj.internal_note,
            repeat_of=obj.repeat_of,
        )
        obj.pk, obj.slug = created.pk, created.slug

    def has_workflow_permission(self, request) -> bool:
        """Bulk assign and dismiss are editors' steps."""
        return has_role(request.user, Role.EDITOR)

    @admin.action(description=_("Assign to a fact-checker…"), permissions=["workflow"])
    def assign_claims(self, request, queryset):
        return workflow.bulk_transition(self, request, queryset, Transition.ASSIGN)

    @admin.action(description=_("Dismiss…"), permissions=["workflow"])
    def dismiss_claims(self, request, queryset):
        return workflow.bulk_transition(self, request, queryset, Transition.DISMISS)


@admin.register(Evidence)
class EvidenceAdmin(RoleGatedAddMixin, admin.ModelAdmin):
    add_roles = (Role.EDITOR, Role.FACT_CHECKER)
    list_display = ["claim", "relation", "source", "created_at"]
    list_filter = ["relation"]
    search_fields = ["claim__text", "source__title", "excerpt", "note"]
    autocomplete_fields = ["claim", "source"]
    list_select_related = ["claim", "source"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    readonly_fields = ["added_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        obj.pk = add_evidence(request, obj, obj.claim).pk
