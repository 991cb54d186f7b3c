"""Claims and their evidence, with the workflow's steps on each claim's page."""

from __future__ import annotations

from functools import partial

from django import forms
from django.contrib import admin
from django.contrib.admin.helpers import ActionForm
from django.http import HttpResponseRedirect
from django.urls import NoReverseMatch, path, reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .. import services
from ..enums import ClaimStatus, CorrectionKind, ReviewStatus, Role, Transition
from ..models import Claim, ClaimEvent, Evidence, PublicationEntry, Review, Speaker
from ..roles import has_role
from ..rules import check_claim_delete, check_evidence_add, pending_correction, refusal
from ..selectors import WRITE_REVIEW, claim_actions, fact_checkers, search_claims
from . import home, thread, workflow
from .base import (
    HistoryAdmin,
    PublicRecordInlineForm,
    ReadOnlyInline,
    RoleGatedAddMixin,
    ServiceInlinesMixin,
    TolerantAutocompleteMixin,
    excerpt,
    frozen_readonly_fields,
)
from .capped_count import CappedCountPaginator


class EvidenceForm(forms.ModelForm):
    """New evidence is checked against the rules before it is saved, with the correction it
    will be saved with: a published claim takes it only with the user's correction in
    progress. The inline on a claim's page and the evidence page share it.

    An excerpt that is not in the cited source's stored text is saved, with a warning beside
    the field (`Evidence.excerpt_found`): the source may quote it in other words, or the
    editor may have mistyped it.
    """

    user = None  # set per request by the admin's get_form / get_formset

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.instance.excerpt_found is False:
            warning = _(
                "Warning: this excerpt is not in the cited source's stored text (quote marks, "
                "dashes, case and spacing ignored; use “…” for words left out). Check its "
                "wording, or the source."
            )
            excerpt = self.fields.get("excerpt")
            if excerpt is not None:
                excerpt.help_text = warning

    def clean(self):
        cleaned = super().clean()
        # The claim chosen, or on a claim's page the page's own (the inline's link field).
        claim = cleaned.get("claim") if self.instance.pk is None else None
        if claim is not None:
            correction = correction_for_evidence(claim, self.user)
            # A refusal is a ValidationError: the form reports it.
            check_evidence_add(claim, self.user, correction=correction)
            # The model's own checks, which run next, see what it will be saved with.
            self.instance.correction = correction
        return cleaned


class EvidenceInlineForm(EvidenceForm, PublicRecordInlineForm):
    claim_published = False  # set per page by EvidenceInline.get_formset

    def row_is_public_record(self) -> bool:
        # The correction was read with the row; the claim is the page's.
        correction = self.instance.correction
        return self.claim_published and (
            correction is None or correction.status == ReviewStatus.APPROVED
        )


class EvidenceInline(TolerantAutocompleteMixin, RoleGatedAddMixin, admin.StackedInline):
    """On a published claim, cited evidence is read-only and new evidence comes with the
    user's correction in progress (`rules.check_evidence_add`)."""

    model = Evidence
    form = EvidenceInlineForm
    add_roles = (Role.EDITOR, Role.FACT_CHECKER)
    extra = 0
    fields = ["relation", "source", "excerpt", "note", "archive_url", "archive_hash"]
    autocomplete_fields = ["source"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "correction")

    def get_formset(self, request, obj=None, **kwargs):
        published = obj is not None and obj.first_published_at is not None
        form = type(
            self.form.__name__, (self.form,), {"user": request.user, "claim_published": published}
        )
        return super().get_formset(request, obj, form=form, **kwargs)

    def has_add_permission(self, request, obj=None) -> bool:
        if not super().has_add_permission(request, obj):
            return False
        if obj is None or obj.first_published_at is None:
            return True
        return pending_correction(obj, request.user) is not None

    def get_extra(self, request, obj=None, **kwargs) -> int:
        # A claim under research without evidence: its first row is open already (a blank
        # row is ignored on save).
        researching = obj is not None and obj.status == ClaimStatus.RESEARCHING
        if researching and self.has_add_permission(request, obj) and not obj.evidence.exists():
            return 1
        return 0

    def has_delete_permission(self, request, obj=None) -> bool:
        # Whether a row may go is the model's to say (`Evidence.is_public_record`); the
        # formset asks per row through `can_delete`, so refuse for a published claim's page.
        published = obj is not None and obj.first_published_at is not None
        return super().has_delete_permission(request, obj) and not published


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


def correction_for_evidence(claim: Claim, user) -> Review | None:
    """The correction new evidence for `claim` comes with: none for a claim readers have not
    seen, the user's correction in progress for a published one."""
    return None if claim.first_published_at is None else pending_correction(claim, user)


def add_evidence(request, evidence: Evidence, claim: Claim) -> Evidence:
    """New evidence goes through the service, which logs it on the claim."""
    return services.evidence_add(
        correction=correction_for_evidence(claim, request.user),
        claim=claim,
        source=evidence.source,
        relation=evidence.relation,
        excerpt=evidence.excerpt,
        note=evidence.note,
        archive_url=evidence.archive_url,
        by=request.user,
    )


class ClaimActionBarForm(ActionForm):
    """The claims list's action bar, with the fact-checker that "Select for checking" and
    "Assign" give the claims at once (no page in between)."""

    assignee = forms.ModelChoiceField(
        label=_("Fact-checker:"),
        queryset=fact_checkers(),
        required=False,
        empty_label=_("(for Select or Assign)"),
    )


def public_url(claim: Claim) -> str | None:
    """The claim's page for readers (a staff preview until it is published)."""
    try:
        return reverse("claims:detail", args=[claim.slug])
    except NoReverseMatch:  # a slug the public URL pattern does not take
        return None


@admin.register(Claim)
class ClaimAdmin(TolerantAutocompleteMixin, ServiceInlinesMixin, RoleGatedAddMixin, HistoryAdmin):
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
    list_filter = [home.QueueFilter, "status", "topics", "assignee", "dismissal_reason"]
    search_fields = ["text"]  # see get_search_results: full-text, not LIKE over every row
    search_help_text = _("Words from the claim, its quote or the speaker's name.")
    list_select_related = ["statement__speaker", "assignee"]
    paginator = CappedCountPaginator  # no full-table count on every page
    show_full_result_count = False
    autocomplete_fields = ["statement", "repeat_of"]
    filter_horizontal = ["topics"]
    actions = ["select_claims", "assign_claims", "dismiss_claims"]
    action_form = ClaimActionBarForm
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
            {
                "fields": [
                    "status",
                    "dismissal_reason",
                    "assignee",
                    "due_at",
                    "priority",
                    "first_published_at",
                    "version",
                ]
            },
        ),
        (_("Notes"), {"fields": ["context_note", "internal_note", "repeat_of"]}),
        (_("Record"), {"fields": ["created_by", "created_at", "updated_at"]}),
    ]
    inlines = [EvidenceInline, ReviewInline, PublicationEntryInline, ClaimEventInline]
    inline_creators = {Evidence: add_evidence}

    def get_search_results(self, request, queryset, search_term):
        """Every word required, each one also as the start of a longer word ("unemploy" finds
        "unemployment"), through the full-text index. The index holds stems, and a typed
        prefix is stemmed too ("unemploy" becomes "unemploi"), so a word is also looked up
        shortened by up to three letters, then kept only where the claim's wording, quote or
        speaker's name has it as typed: a prefix search that finds no other words."""
        import re

        from django.db.models import Q

        words = re.findall(r"\w+", search_term)[:16]
        if not words:
            return queryset, False
        model = queryset.model
        for word in words:
            as_typed = Q(text__icontains=word) | Q(statement__quote__icontains=word)
            as_typed |= Q(statement__speaker__name__icontains=word)
            found = search_claims(model.objects.all(), word).values("pk")
            for shorter in range(len(word) - 1, max(len(word) - 4, 2), -1):
                widened = search_claims(model.objects.all(), word[:shorter]).filter(as_typed)
                found = found.union(widened.values("pk"))
            queryset = queryset.filter(pk__in=found)
        return queryset, False

    @admin.display(description=_("claim"), ordering="text")
    def claim_excerpt(self, obj: Claim) -> str:
        return excerpt(obj.text)

    @admin.display(description=_("speaker"), ordering="statement__speaker__name")
    def speaker(self, obj: Claim) -> Speaker:
        return obj.statement.speaker

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("queues/", view(partial(workflow.queues_view, self)), name="claims_claim_queues"),
            path(
                "<path:object_id>/act/<str:action_name>/",
                view(partial(workflow.claim_action_view, self)),
                name="claims_claim_act",
            ),
            path(
                "<path:object_id>/undo/<str:step>/",
                view(partial(workflow.undo_view, self)),
                name="claims_claim_undo",
            ),
            path(
                "<path:object_id>/signoff/",
                view(partial(workflow.signoff_view, self)),
                name="claims_claim_signoff",
            ),
            path(
                "<path:object_id>/comment/",
                view(partial(thread.comment_view, self)),
                name="claims_claim_comment",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        claim = self.get_object(request, object_id)
        if claim is not None:
            actions = claim_actions(claim, request.user)
            open_steps = [action for action in actions if not action.blocked_by]
            extra_context = {
                **(extra_context or {}),
                "claim_actions": [
                    (
                        action,
                        workflow.action_url(claim, action),
                        workflow.OneClickForm(action=action, initial={"version": claim.version})
                        if action.one_click
                        else None,
                    )
                    for action in open_steps
                ],
                "blocked_actions": [action for action in actions if action.blocked_by],
                "can_write_review": any(action.name == WRITE_REVIEW for action in open_steps),
                "correction_kinds": CorrectionKind.choices,
                # Readers' page of a published claim is "View on site"; before, staff preview it.
                "preview_url": public_url(claim) if claim.first_published_at is None else None,
                **thread.thread_context(claim, request),
            }
        return super().change_view(request, object_id, form_url, extra_context)

    def view_on_site(self, obj: Claim) -> str | None:
        return public_url(obj) if obj.first_published_at is not None else None

    def response_change(self, request, obj):
        # "Save and write the review": the evidence just added, then the review's form.
        if "_write_review" in request.POST:
            return HttpResponseRedirect(
                reverse("admin:claims_review_add") + "?" + urlencode({"claim": obj.pk})
            )
        return super().response_change(request, obj)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return list(super().get_readonly_fields(request, obj))
        # What readers were told was claimed must not shift under the verdict.
        fields = frozen_readonly_fields(obj, super().get_readonly_fields(request, obj))
        if not has_role(request.user, Role.EDITOR):  # the assignment's terms are the editor's
            fields += ["due_at", "priority"]
        return fields if "slug" in fields else [*fields, "slug"]

    # Deleting: only a claim still in triage, by an editor, through the service (which says
    # why not); its own events and evidence go with it.
    def has_delete_permission(self, request, obj=None) -> bool:
        if not super().has_delete_permission(request, obj):
            return False
        if obj is None:
            return has_role(request.user, Role.EDITOR)
        return not refusal(check_claim_delete, obj, request.user)

    def get_deleted_objects(self, objs, request):
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        # The claim's own log and evidence are deleted by the service with it, whatever the
        # read-only admin of the log says.
        perms_needed -= {ClaimEvent._meta.verbose_name, Evidence._meta.verbose_name}
        refused = [
            f"{claim}: {why}"
            for claim in objs
            if (why := refusal(check_claim_delete, claim, request.user))
        ]
        if refused:  # say why the rules refuse, rather than which permissions are lacking
            return deleted, counts, set(), [*protected, *refused]
        return deleted, counts, perms_needed, protected

    def delete_model(self, request, obj):
        services.claim_delete(claim=obj, by=request.user)

    def delete_queryset(self, request, queryset):
        for claim in queryset:
            services.claim_delete(claim=claim, by=request.user)

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
        """Bulk select, assign and dismiss are editors' steps."""
        return has_role(request.user, Role.EDITOR)

    @admin.action(description=_("Select for checking"), permissions=["workflow"])
    def select_claims(self, request, queryset):
        return workflow.bulk_select(self, request, queryset)

    @admin.action(description=_("Assign to a fact-checker…"), permissions=["workflow"])
    def assign_claims(self, request, queryset):
        return workflow.bulk_transition(self, request, queryset, Transition.ASSIGN)

    @admin.action(description=_("Dismiss…"), permissions=["workflow"])
    def dismiss_claims(self, request, queryset):
        return workflow.bulk_transition(self, request, queryset, Transition.DISMISS)


@admin.register(Evidence)
class EvidenceAdmin(TolerantAutocompleteMixin, RoleGatedAddMixin, HistoryAdmin):
    add_roles = (Role.EDITOR, Role.FACT_CHECKER)
    form = EvidenceForm
    list_display = ["claim", "relation", "source", "created_at"]
    list_filter = ["relation"]
    search_fields = ["claim__text", "source__title", "excerpt", "note"]
    autocomplete_fields = ["claim", "source"]
    list_select_related = ["claim", "source"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    readonly_fields = ["correction", "added_by", "created_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"user": request.user})

    def get_readonly_fields(self, request, obj=None):
        return frozen_readonly_fields(obj, super().get_readonly_fields(request, obj))

    # Cited evidence is shown, never changed: a correction brings new evidence instead.
    def has_change_permission(self, request, obj=None) -> bool:
        return not (obj and obj.is_public_record) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return not (obj and obj.is_public_record) and super().has_delete_permission(request, obj)

    def delete_queryset(self, request, queryset):
        # One by one, so each row meets the model's check (bulk delete sends it too) and the
        # field history records who removed it.
        for evidence in queryset:
            self.delete_model(request, evidence)

    def save_model(self, request, obj, form, change):
        if change:
            obj._history_user = request.user
            return super().save_model(request, obj, form, change)
        obj.pk = add_evidence(request, obj, obj.claim).pk
