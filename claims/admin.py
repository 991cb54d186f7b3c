"""The editors' and fact-checkers' desk in the Django admin.

Writes with rules go through `claims.services` (creating claims, adding evidence, writing
reviews), so the admin obeys the same rules and writes the same audit events as everything
else. Statuses are read-only here.
"""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.contrib import admin
from django.db.models import Count
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import services
from .enums import ReviewStatus, Role
from .models import (
    Claim,
    ClaimEvent,
    Evidence,
    PublicationEntry,
    Rating,
    RatingScale,
    Review,
    Signoff,
    Source,
    Speaker,
    Statement,
    Topic,
)
from .roles import has_role

admin.site.site_header = _("%(name)s: fact-check desk") % {"name": settings.FACTCHECK_ORGANIZATION}
admin.site.site_title = _("Fact-check desk")
admin.site.index_title = _("The desk")


def _excerpt(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class RoleGatedAddMixin:
    """Offers "add" only to users whose role the matching service accepts, so the admin never
    shows a form whose save the rules would refuse."""

    add_roles: tuple[str, ...] = ()

    def has_add_permission(self, request) -> bool:
        return super().has_add_permission(request) and has_role(request.user, *self.add_roles)


class RoleGatedInlineAddMixin(RoleGatedAddMixin):
    def has_add_permission(self, request, obj=None) -> bool:
        return admin.options.InlineModelAdmin.has_add_permission(self, request, obj) and (
            has_role(request.user, *self.add_roles)
        )


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records written only by services: the audit log and the public record."""

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


# --- sources and speakers --------------------------------------------------------------------


class StatementInline(admin.TabularInline):
    model = Statement
    extra = 0
    fields = ["speaker", "reported_speaker", "speech", "quote", "start", "end"]
    autocomplete_fields = ["speaker", "reported_speaker"]
    show_change_link = True
    formfield_overrides = {
        Statement._meta.get_field("quote").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 60})
        }
    }


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "kind", "language", "published_at", "statement_count"]
    list_filter = ["kind", "language", "publisher"]
    search_fields = ["title", "url", "publisher", "author"]
    date_hierarchy = "published_at"
    readonly_fields = ["content_hash", "created_at", "updated_at"]
    fieldsets = [
        (None, {"fields": ["title", "url", "publisher", "author", "kind", "language"]}),
        (_("Dates"), {"fields": ["published_at", "retrieved_at", "created_at", "updated_at"]}),
        (_("Text"), {"fields": ["text", "content_hash"]}),
    ]
    inlines = [StatementInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(description=_("statements"), ordering="statement_count")
    def statement_count(self, obj: Source) -> int:
        return obj.statement_count

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None and obj.is_anchored:
            fields.append("text")  # anchors point into it (see Source)
        return fields


class AliasesField(forms.CharField):
    """A speaker's aliases as one per line in a text box, stored as a JSON list."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]


class SpeakerForm(forms.ModelForm):
    aliases = AliasesField(required=False, help_text=Speaker._meta.get_field("aliases").help_text)

    class Meta:
        model = Speaker
        fields = ["name", "slug", "kind", "aliases", "role", "description", "wikidata_id", "url"]


@admin.register(Speaker)
class SpeakerAdmin(admin.ModelAdmin):
    form = SpeakerForm
    list_display = ["name", "kind", "role", "wikidata_id", "statement_count"]
    list_filter = ["kind"]
    search_fields = ["name", "aliases", "role"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(statement_count=Count("statements"))

    @admin.display(description=_("statements"), ordering="statement_count")
    def statement_count(self, obj: Speaker) -> int:
        return obj.statement_count

    def get_readonly_fields(self, request, obj=None):
        return ["slug"] if obj is not None else []

    def get_prepopulated_fields(self, request, obj=None):
        return {} if obj is not None else self.prepopulated_fields


# --- statements and claims -------------------------------------------------------------------


class ClaimInline(RoleGatedInlineAddMixin, admin.TabularInline):
    model = Claim
    add_roles = (Role.EDITOR,)
    extra = 0
    fields = ["text", "status", "checkworthiness"]
    readonly_fields = ["status"]
    show_change_link = True
    formfield_overrides = {
        Claim._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 60})
        }
    }


class ClaimCreatingAdminMixin:
    """Routes claims added in an inline through `services.claim_create` (slug, audit event)."""

    def save_formset(self, request, form, formset, change):
        if formset.model is not Claim:
            return super().save_formset(request, form, formset, change)
        for claim in formset.save(commit=False):
            if claim.pk is None:
                services.claim_create(
                    statement=claim.statement,
                    text=claim.text,
                    by=request.user,
                    checkworthiness=claim.checkworthiness,
                )
            else:
                claim.save()
        for claim in formset.deleted_objects:
            claim.delete()


@admin.register(Statement)
class StatementAdmin(ClaimCreatingAdminMixin, admin.ModelAdmin):
    list_display = ["quote_excerpt", "speaker", "reported_speaker", "speech", "source", "said_on"]
    list_filter = ["speech", "said_on"]
    search_fields = ["quote", "speaker__name", "source__title", "said_where"]
    autocomplete_fields = ["source", "speaker", "reported_speaker"]
    list_select_related = ["speaker", "reported_speaker", "source"]
    readonly_fields = ["prefix", "suffix", "created_at"]
    fieldsets = [
        (None, {"fields": ["source", "speaker", "reported_speaker", "speech"]}),
        (_("Where in the source"), {"fields": ["quote", "start", "end", "prefix", "suffix"]}),
        (_("When and where it was said"), {"fields": ["said_on", "said_where"]}),
    ]
    inlines = [ClaimInline]

    @admin.display(description=_("quote"), ordering="quote")
    def quote_excerpt(self, obj: Statement) -> str:
        return _excerpt(obj.quote)


class EvidenceInline(RoleGatedInlineAddMixin, admin.StackedInline):
    model = Evidence
    add_roles = (Role.EDITOR, Role.FACT_CHECKER)
    extra = 0
    fields = ["relation", "source", "excerpt", "note", "archive_url", "archive_hash"]
    autocomplete_fields = ["source"]


class ReviewInline(ReadOnlyInline):
    model = Review
    fields = ["rating", "summary", "status", "author", "correction_kind", "approved_at"]
    readonly_fields = fields


class ClaimEventInline(ReadOnlyInline):
    model = ClaimEvent
    fields = ["created_at", "actor", "action", "from_status", "to_status", "note"]
    readonly_fields = fields
    show_change_link = False
    verbose_name_plural = _("event log")


class PublicationEntryInline(ReadOnlyInline):
    model = PublicationEntry
    fields = ["published_at", "kind", "correction_kind", "note"]
    readonly_fields = fields
    show_change_link = False
    verbose_name_plural = _("publication record")


@admin.register(Claim)
class ClaimAdmin(RoleGatedAddMixin, admin.ModelAdmin):
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
    list_filter = ["status", "topics", "assignee", "statement__speaker", "dismissal_reason"]
    search_fields = ["text", "slug", "statement__quote", "statement__speaker__name"]
    list_select_related = ["statement__speaker", "assignee"]
    autocomplete_fields = ["statement", "repeat_of"]
    filter_horizontal = ["topics"]
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

    @admin.display(description=_("claim"), ordering="text")
    def claim_excerpt(self, obj: Claim) -> str:
        return _excerpt(obj.text)

    @admin.display(description=_("speaker"), ordering="statement__speaker__name")
    def speaker(self, obj: Claim) -> Speaker:
        return obj.statement.speaker

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return [*fields, "slug"] if obj is not None else fields

    def get_inlines(self, request, obj):
        # Evidence, reviews and records belong to a claim that exists.
        return self.inlines if obj is not None else []

    def get_fieldsets(self, request, obj=None):
        if obj is None:  # a new claim starts as new; the service picks its slug
            return [
                (
                    None,
                    {
                        "fields": [
                            "statement",
                            "text",
                            "topics",
                            "checkworthiness",
                            "context_note",
                            "internal_note",
                            "repeat_of",
                        ]
                    },
                )
            ]
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

    def save_formset(self, request, form, formset, change):
        if formset.model is not Evidence:
            return super().save_formset(request, form, formset, change)
        for evidence in formset.save(commit=False):
            if evidence.pk is None:
                services.evidence_add(
                    claim=form.instance,
                    source=evidence.source,
                    relation=evidence.relation,
                    excerpt=evidence.excerpt,
                    note=evidence.note,
                    archive_url=evidence.archive_url,
                    by=request.user,
                )
            else:
                evidence.save()
        for evidence in formset.deleted_objects:
            evidence.delete()


@admin.register(Evidence)
class EvidenceAdmin(RoleGatedAddMixin, admin.ModelAdmin):
    add_roles = (Role.EDITOR, Role.FACT_CHECKER)
    list_display = ["claim", "relation", "source", "created_at"]
    list_filter = ["relation"]
    search_fields = ["claim__text", "source__title", "excerpt", "note"]
    autocomplete_fields = ["claim", "source"]
    list_select_related = ["claim", "source"]
    readonly_fields = ["added_by", "created_at"]

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        created = services.evidence_add(
            claim=obj.claim,
            source=obj.source,
            relation=obj.relation,
            excerpt=obj.excerpt,
            note=obj.note,
            archive_url=obj.archive_url,
            by=request.user,
        )
        obj.pk = created.pk


# --- verdicts --------------------------------------------------------------------------------


class SignoffInline(ReadOnlyInline):
    model = Signoff
    fields = ["reviewer", "decision", "comment", "created_at"]
    readonly_fields = fields
    show_change_link = False


@admin.register(Review)
class ReviewAdmin(RoleGatedAddMixin, admin.ModelAdmin):
    add_roles = (Role.FACT_CHECKER,)
    list_display = ["claim", "rating", "status", "author", "correction_kind", "approved_at"]
    list_filter = ["status", "rating", "correction_kind"]
    search_fields = ["claim__text", "summary", "analysis"]
    autocomplete_fields = ["claim"]
    list_select_related = ["claim", "rating", "author"]
    inlines = [SignoffInline]
    fields = [
        "claim",
        "rating",
        "summary",
        "analysis",
        "correction_kind",
        "public_note",
        "author",
        "status",
        "submitted_at",
        "approved_at",
    ]
    readonly_fields = ["author", "status", "submitted_at", "approved_at"]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and obj.status in (ReviewStatus.SUBMITTED, ReviewStatus.APPROVED):
            return self.fields  # under sign-off or signed: never edited in place
        if obj is not None:
            return [*self.readonly_fields, "claim"]
        return self.readonly_fields

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        created = services.review_create(
            claim=obj.claim,
            author=request.user,
            rating=obj.rating,
            summary=obj.summary,
            analysis=obj.analysis,
            correction_kind=obj.correction_kind,
            public_note=obj.public_note,
        )
        obj.pk = created.pk


class RatingInline(admin.TabularInline):
    model = Rating
    extra = 0
    fields = ["label", "slug", "value", "is_verdict", "colour", "description"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "is_default"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RatingInline]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label", "scale", "value", "is_verdict", "swatch"]
    list_filter = ["scale", "is_verdict"]
    search_fields = ["label", "description"]
    prepopulated_fields = {"slug": ["label"]}

    @admin.display(description=_("colour"))
    def swatch(self, obj: Rating) -> str:
        return format_html(
            '<span style="display:inline-block;width:3em;height:1em;background:{}" '
            'title="{}"></span>',
            obj.colour,
            obj.colour,
        )


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


# --- records written only by services --------------------------------------------------------


@admin.register(Signoff)
class SignoffAdmin(ReadOnlyAdmin):
    list_display = ["review", "reviewer", "decision", "created_at"]
    list_filter = ["decision"]
    list_select_related = ["review__claim", "review__rating", "reviewer"]


@admin.register(PublicationEntry)
class PublicationEntryAdmin(ReadOnlyAdmin):
    list_display = ["claim", "kind", "correction_kind", "published_at"]
    list_filter = ["kind", "correction_kind"]
    search_fields = ["claim__text", "note"]
    list_select_related = ["claim"]
    date_hierarchy = "published_at"


@admin.register(ClaimEvent)
class ClaimEventAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "claim", "action", "from_status", "to_status", "actor"]
    list_filter = ["action", "to_status"]
    search_fields = ["claim__text", "note", "actor__username"]
    list_select_related = ["claim", "actor"]
    date_hierarchy = "created_at"
