"""Sources, speakers, statements and topics: bringing an article in and splitting it."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.urls import path
from django.utils.translation import gettext_lazy as _

from .. import services
from ..enums import Role
from ..models import Claim, Source, Speaker, Statement, Topic
from . import workspace
from .base import RoleGatedInlineAddMixin, ServiceInlinesMixin, excerpt


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

    def get_urls(self):
        views = {
            "workspace/": ("workspace", workspace.workspace_view),
            "workspace/accept/": ("accept", workspace.accept_view),
            "workspace/reject/": ("reject", workspace.reject_view),
            "workspace/statement/": ("create_from_span", workspace.create_from_span_view),
            "workspace/similar/": ("similar", workspace.similar_view),
        }
        return [
            *(
                path(
                    f"<path:object_id>/{route}",
                    self.admin_site.admin_view(
                        lambda request, object_id, view=view: view(request, object_id, self)
                    ),
                    name=f"claims_source_{name}",
                )
                for route, (name, view) in views.items()
            ),
            *super().get_urls(),
        ]

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


@admin.register(Statement)
class StatementAdmin(ServiceInlinesMixin, admin.ModelAdmin):
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
    # New claims go through the service: it picks the slug and logs the creation.
    inline_creators = {
        Claim: lambda request, claim, statement: services.claim_create(
            statement=statement,
            text=claim.text,
            by=request.user,
            checkworthiness=claim.checkworthiness,
        )
    }

    @admin.display(description=_("quote"), ordering="quote")
    def quote_excerpt(self, obj: Statement) -> str:
        return excerpt(obj.quote)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
