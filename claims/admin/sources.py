"""Sources, speakers, statements and topics: bringing an article in and splitting it."""

from __future__ import annotations

import datetime
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.tasks import TaskResultStatus
from django.tasks.exceptions import TaskResultDoesNotExist, TaskResultMismatch
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import services, tasks
from ..arrival import digest_for, source_arrived
from ..enums import Role, SourceKind
from ..imports.articles import ArticleError
from ..imports.batches import batch_form, check_batch
from ..imports.importing import (
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    Article,
    article_from_bytes,
    article_from_text,
)
from ..jobs import error_line
from ..jobs.progress import job_progress
from ..models import Claim, ImportBatch, Source, Speaker, Statement, Topic
from . import workspace
from .base import (
    PublicRecordInlineForm,
    ReadOnlyAdmin,
    RoleGatedAddMixin,
    ServiceInlinesMixin,
    TolerantAutocompleteMixin,
    excerpt,
    frozen_readonly_fields,
)
from .capped_count import CappedCountPaginator
from .filters import RecentValuesFieldListFilter


class StatementInline(TolerantAutocompleteMixin, admin.TabularInline):
    model = Statement
    form = PublicRecordInlineForm
    extra = 0
    fields = ["speaker", "reported_speaker", "speech", "quote", "start", "end"]
    autocomplete_fields = ["speaker", "reported_speaker"]
    show_change_link = True
    formfield_overrides = {
        Statement._meta.get_field("quote").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 60})
        }
    }


class SourceImportForm(forms.Form):
    """Bring one article in: paste its text, upload a text or HTML file, or give its URL."""

    text = forms.CharField(
        label=_("Paste the text"),
        required=False,
        strip=False,  # kept exactly as pasted: the raw input is stored as it came
        widget=forms.Textarea(attrs={"rows": 12, "cols": 80}),
        help_text=_("A first line such as 'date 2022-04-25 Title' gives the date and the title."),
    )
    file = forms.FileField(
        label=_("or upload a file"),
        required=False,
        help_text=_("A text file (.txt) or a saved web page (.html)."),
    )
    url = forms.URLField(
        label=_("or give its address"),
        required=False,
        max_length=2000,
        assume_scheme="https",
        help_text=_("The desk fetches the page and keeps its main text."),
    )
    title = forms.CharField(
        label=_("Title"),
        required=False,
        max_length=500,
        help_text=_("Leave empty to take it from the article."),
    )
    publisher = forms.CharField(
        label=_("Publisher"),
        required=False,
        max_length=200,
        help_text=_("Leave empty to take it from the page."),
    )
    language = forms.CharField(
        label=_("Language"),
        required=False,
        max_length=16,
        help_text=_("Language code, e.g. en. Leave empty to take it from the page (else en)."),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), choices=SourceKind.choices, initial=SourceKind.ARTICLE
    )

    INPUTS = ("text", "file", "url")
    OVERRIDES = ("title", "publisher", "language", "kind")
    PASTED = "pasted text"  # the origin in messages, which the form leaves out

    def clean(self):
        cleaned = super().clean()
        given = [name for name in self.INPUTS if cleaned.get(name)]
        if len(given) != 1 and not any(name in self.errors for name in self.INPUTS):
            raise ValidationError(
                gettext("Paste a text, upload a file or give an address: one of the three.")
            )
        return cleaned

    def read(self) -> Article:
        """The pasted or uploaded article; raises ArticleError (see `add_article_error`). A URL
        is not read here: a job fetches it (`import_view`)."""
        max_bytes = settings.FACTCHECK_MAX_ARTICLE_BYTES
        upload = self.cleaned_data.get("file")
        if upload:
            name = PurePath(upload.name).name
            suffix = PurePath(name).suffix.lower()
            if suffix not in (*TEXT_SUFFIXES, *HTML_SUFFIXES):
                raise ArticleError(
                    gettext(
                        "%(name)s: upload a .txt or .html file (a JSONL file or a zip of "
                        "articles goes in “Upload a batch”)."
                    )
                    % {"name": name}
                )
            if upload.size > max_bytes:  # refused before it is read into memory
                raise ArticleError(
                    gettext("%(name)s: %(size)s bytes is over the limit of %(max)s bytes")
                    % {"name": name, "size": f"{upload.size:,}", "max": f"{max_bytes:,}"}
                )
            form = "html" if suffix in HTML_SUFFIXES else "text"
            return article_from_bytes(upload.read(), origin=name, form=form, max_bytes=max_bytes)
        return article_from_text(
            self.cleaned_data["text"],
            origin=self.PASTED,
            max_bytes=max_bytes,
            fallback_title=gettext("Pasted text"),
        )

    def add_article_error(self, error: ArticleError) -> None:
        field = next(name for name in self.INPUTS if self.cleaned_data.get(name))
        message = str(error)
        if message.startswith(f"{self.PASTED}: "):
            reason = message.removeprefix(f"{self.PASTED}: ")
            message = reason[:1].upper() + reason[1:]
        self.add_error(field, message)


def import_view(request: HttpRequest, model_admin: SourceAdmin) -> HttpResponse:
    """The admin's way in for one article; opens the source it made or found. A URL is fetched
    by a background job (`claims.tasks.import_url`): the answer is the job's progress page."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = SourceImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and form.cleaned_data.get("url"):
        job = tasks.import_url.enqueue(
            form.cleaned_data["url"],
            **{name: form.cleaned_data[name] for name in form.OVERRIDES},
        )
        if not job.is_finished:
            return HttpResponseRedirect(reverse("admin:claims_source_import_job", args=[job.id]))
        # Run at once (the immediate backend): its outcome, as for a paste.
        if job.status == TaskResultStatus.SUCCESSFUL:
            return _open_imported(request, job.return_value)
        form.add_error("url", _job_error(job))
    elif request.method == "POST" and form.is_valid():
        try:
            article = form.read()
            source, created = services.source_import_article(
                article=article,
                title=form.cleaned_data["title"],
                publisher=form.cleaned_data["publisher"],
                language=form.cleaned_data["language"],
                kind=form.cleaned_data["kind"],
            )
        except ArticleError as error:
            form.add_article_error(error)
        except ValidationError as error:
            form.add_error(None, " ".join(error.messages))
        else:
            if created:
                source_arrived(source)
            _report_import(request, source, created)
            return HttpResponseRedirect(reverse("admin:claims_source_change", args=[source.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Source._meta,
        "title": gettext("Import an article"),
        "form": form,
        "max_bytes": settings.FACTCHECK_MAX_ARTICLE_BYTES,
    }
    return TemplateResponse(request, "admin/claims/source/import.html", context)


def import_job_view(request: HttpRequest, model_admin: SourceAdmin, job_id: str) -> HttpResponse:
    """A URL import's progress: queued (or waiting to try again), running, done with a link to
    the source, or failed with its reason. The page reloads itself until the job has ended."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    try:
        job = tasks.import_url.get_result(job_id)
    except (TaskResultDoesNotExist, TaskResultMismatch, ValidationError, ValueError):
        raise Http404(gettext("No such import (old ones are forgotten).")) from None
    source = created = None
    if job.status == TaskResultStatus.SUCCESSFUL:
        source = Source.objects.filter(pk=job.return_value["source"]).first()
        created = job.return_value["created"]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Source._meta,
        "title": gettext("Importing %(url)s") % {"url": job.args[0]},
        "job": job,
        "url": job.args[0],
        "source": source,
        "created": created,
        "error": _job_error(job) if job.status == TaskResultStatus.FAILED else "",
        "waiting": job_progress(job),
        "refresh_seconds": 0 if job.is_finished else 2,
    }
    return TemplateResponse(request, "admin/claims/source/import_job.html", context)


def _open_imported(request: HttpRequest, value: dict) -> HttpResponse:
    source = Source.objects.get(pk=value["source"])
    _report_import(request, source, value["created"])
    return HttpResponseRedirect(reverse("admin:claims_source_change", args=[source.pk]))


def _job_error(job) -> str:
    error = job.errors[-1]
    return error_line(error.exception_class_path, error.traceback)


def _report_import(request: HttpRequest, source: Source, created: bool) -> None:
    values = {"title": source.title, "id": source.pk}
    if not created:
        messages.warning(
            request,
            gettext(
                "“%(title)s” was already in the desk (source %(id)s): this is the source "
                "imported before, unchanged."
            )
            % values,
        )
    elif source.previous_version_id:
        messages.success(
            request,
            gettext(
                "The page has changed since it was imported: “%(title)s” is stored as version "
                "%(version)s (source %(id)s). Version %(previous)s keeps its text and statements."
            )
            % {**values, "version": source.version, "previous": source.version - 1},
        )
    else:
        messages.success(request, gettext("“%(title)s” was imported (source %(id)s).") % values)


class BatchUploadForm(forms.Form):
    """Many articles at once: a JSONL file (one article object a line) or a zip of articles."""

    file = forms.FileField(
        label=_("Batch file"),
        help_text=_(
            "A .jsonl file, one article a line with its “text” or “html” and optionally "
            "“title”, “url”, “publisher”, “author”, “language”, “kind”, “published_at”; or a "
            ".zip of .txt, .html, .json and .jsonl files."
        ),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        name = PurePath(upload.name).name
        max_bytes = settings.FACTCHECK_MAX_BATCH_BYTES
        try:
            batch_form(name)
            if upload.size > max_bytes:  # refused before it is read into memory
                raise ArticleError(
                    gettext("%(name)s: %(size)s bytes is over the limit of %(max)s bytes")
                    % {"name": name, "size": f"{upload.size:,}", "max": f"{max_bytes:,}"}
                )
            data = upload.read()
            self.batch = check_batch(
                data,
                name=name,
                max_bytes=max_bytes,
                max_members=settings.FACTCHECK_MAX_BATCH_FILES,
            )
        except ArticleError as error:
            raise ValidationError(str(error)) from None
        self.data_read = data
        return upload


def batch_view(request: HttpRequest, model_admin: SourceAdmin) -> HttpResponse:
    """Upload a batch; a background job imports it (`claims.tasks.import_batch`), and the
    answer is the page that follows it. A file that is no batch is a form error, and nothing
    is stored."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        form = BatchUploadForm(request.POST, request.FILES)
    else:
        form = BatchUploadForm()
    if form.is_bound and form.is_valid():
        batch = ImportBatch.objects.create(
            name=form.batch.name,
            form=form.batch.form,
            content=form.data_read,
            size=len(form.data_read),
            total=form.batch.articles,
            uploaded_by=request.user,
        )
        job = tasks.import_batch.enqueue(batch.pk)
        ImportBatch.objects.filter(pk=batch.pk).update(job_id=str(job.id))
        return HttpResponseRedirect(reverse("admin:claims_source_batch_job", args=[batch.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Source._meta,
        "title": gettext("Upload a batch of articles"),
        "form": form,
        "max_bytes": settings.FACTCHECK_MAX_BATCH_BYTES,
        "max_files": settings.FACTCHECK_MAX_BATCH_FILES,
    }
    return TemplateResponse(request, "admin/claims/source/batch.html", context)


def batch_job_view(request: HttpRequest, model_admin: SourceAdmin, batch_id: int) -> HttpResponse:
    """A batch's progress: how many of its articles were read, the sources made and found, what
    failed, and the job's state. The page reloads itself until the job has ended."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    # Without the uploaded bytes: the page reloads every two seconds.
    batch = ImportBatch.objects.filter(pk=batch_id).defer("content").first()
    if batch is None:
        raise Http404(gettext("No such batch."))
    job = None
    if batch.job_id:
        try:
            job = tasks.import_batch.get_result(batch.job_id)
        except (TaskResultDoesNotExist, TaskResultMismatch, ValidationError, ValueError):
            job = None  # pruned: the batch's own record still tells
        except NotImplementedError:
            job = None  # a backend that keeps no results (the immediate one): likewise
    failed = job is not None and job.status == TaskResultStatus.FAILED
    finished = batch.finished_at is not None or failed or (job is not None and job.is_finished)
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Source._meta,
        "title": gettext("Importing %(name)s") % {"name": batch.name},
        "batch": batch,
        "job": job,
        "error": _job_error(job) if failed else "",
        "waiting": job_progress(job) if job is not None and not finished else None,
        "created": Source.objects.filter(pk__in=batch.created).order_by("pk"),
        "refresh_seconds": 0 if finished else 2,
    }
    return TemplateResponse(request, "admin/claims/source/batch_job.html", context)


class DigestForm(forms.Form):
    date = forms.DateField(
        label=_("Day"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


def digest_view(request: HttpRequest, model_admin: SourceAdmin) -> HttpResponse:
    """The day's check-worthy suggestions from the sources that arrived that day, best first,
    each with its source, speaker and a link into the workspace. `?date=YYYY-MM-DD`, default
    today."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    form = DigestForm(request.GET or None)
    day = timezone.localdate()
    if form.is_bound and form.is_valid() and form.cleaned_data["date"]:
        day = form.cleaned_data["date"]
    digest = digest_for(day) if not form.errors else None
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Source._meta,
        "title": gettext("Digest of %(day)s") % {"day": date_format(day, "DATE_FORMAT")},
        "form": form,
        "digest": digest,
        "previous_day": day - datetime.timedelta(days=1),
        "next_day": day + datetime.timedelta(days=1),
    }
    return TemplateResponse(request, "admin/claims/source/digest.html", context)


class CurrentVersionFilter(admin.SimpleListFilter):
    """Earlier versions of a changed page stay in the desk (their statements point into them);
    this lets an editor see only what is current, or only the earlier versions."""

    title = _("version")
    parameter_name = "version"

    def lookups(self, request, model_admin):
        return [("current", _("Current")), ("superseded", _("Superseded by a newer version"))]

    def queryset(self, request, queryset):
        if self.value() == "current":
            return queryset.filter(superseded_at__isnull=True)
        if self.value() == "superseded":
            return queryset.filter(superseded_at__isnull=False)
        return queryset


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "kind", "language", "published_at", "statement_count"]
    # No date hierarchy and no publisher filter: both ran a DISTINCT over every source on every
    # page. The date filter offers fixed ranges (today, past
    # 7 days, this month, this year, no date) and needs no query; publishers are found by search.
    list_filter = [
        CurrentVersionFilter,
        "kind",
        ("language", RecentValuesFieldListFilter),
        "published_at",
    ]
    search_fields = ["title", "url", "publisher", "author"]
    search_help_text = _("Words from the title, address, publisher or author.")
    # Newest added first, through the primary key: the model's order (by publication date,
    # unindexed) sorted every source on every page. Click "published" to sort
    # by date.
    ordering = ["-id"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    readonly_fields = [
        "content_hash",
        "created_at",
        "updated_at",
        "raw_format",
        "raw_hash",
        "final_url",
        "version",
        "version_links",
        "superseded_at",
        "raw_input",
    ]
    fieldsets = [
        (
            None,
            {"fields": ["title", "url", "archive_url", "publisher", "author", "kind", "language"]},
        ),
        (_("Dates"), {"fields": ["published_at", "retrieved_at", "created_at", "updated_at"]}),
        (_("Text"), {"fields": ["text", "content_hash", "full_text_public", "text_licence"]}),
        (
            _("As imported"),
            {
                "fields": [
                    "version",
                    "version_links",
                    "superseded_at",
                    "final_url",
                    "raw_format",
                    "raw_hash",
                    "raw_input",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    inlines = [StatementInline]

    def get_queryset(self, request):
        # A correlated subquery, which PostgreSQL runs only for the rows shown (one index
        # lookup each); `Count("statements")` grouped every source with its statements before
        # the LIMIT.
        statements = (
            Statement.objects.filter(source=OuterRef("pk"))
            .order_by()
            .values("source")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(statement_count=Coalesce(Subquery(statements), 0))
        )

    # Not sortable: sorting by it would count the statements of every source.
    @admin.display(description=_("statements"))
    def statement_count(self, obj: Source) -> int:
        return obj.statement_count

    @admin.display(description=_("other versions"))
    def version_links(self, obj: Source) -> str:
        links = []
        if obj.previous_version_id:
            links.append((_("previous"), obj.previous_version_id))
        following = Source.objects.filter(previous_version=obj).values_list("pk", flat=True)
        links.extend((_("next"), pk) for pk in following)
        if not links:
            return "—"
        return format_html(
            " · ".join(['{}: <a href="{}">#{}</a>'] * len(links)),
            *(
                value
                for label, pk in links
                for value in (label, reverse("admin:claims_source_change", args=[pk]), pk)
            ),
        )

    def get_urls(self):
        views = {
            "workspace/": ("workspace", workspace.workspace_view),
            "workspace/accept/": ("accept", workspace.accept_view),
            "workspace/reject/": ("reject", workspace.reject_view),
            "workspace/restore/": ("restore", workspace.restore_view),
            "workspace/statement/": ("create_from_span", workspace.create_from_span_view),
            "workspace/similar/": ("similar", workspace.similar_view),
            "workspace/wording/": ("wording", workspace.wording_view),
        }
        return [
            # Before the default `<path:object_id>/` routes, which would take "import" for an id.
            path(
                "import/",
                self.admin_site.admin_view(lambda request: import_view(request, self)),
                name="claims_source_import",
            ),
            path(
                "batch/",
                self.admin_site.admin_view(lambda request: batch_view(request, self)),
                name="claims_source_batch",
            ),
            path(
                "batch/<int:batch_id>/",
                self.admin_site.admin_view(
                    lambda request, batch_id: batch_job_view(request, self, batch_id)
                ),
                name="claims_source_batch_job",
            ),
            path(
                "digest/",
                self.admin_site.admin_view(lambda request: digest_view(request, self)),
                name="claims_source_digest",
            ),
            path(
                "import/<str:job_id>/",
                self.admin_site.admin_view(
                    lambda request, job_id: import_job_view(request, self, job_id)
                ),
                name="claims_source_import_job",
            ),
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


class ClaimInlineForm(PublicRecordInlineForm):
    def row_is_public_record(self) -> bool:
        return self.instance.first_published_at is not None


class ClaimInline(RoleGatedAddMixin, admin.TabularInline):
    model = Claim
    form = ClaimInlineForm
    add_roles = (Role.EDITOR,)
    extra = 0
    # A claim is deleted from its own page, where the rules say whether it may be.
    can_delete = False
    fields = ["text", "status", "checkworthiness"]
    readonly_fields = ["status"]
    show_change_link = True
    formfield_overrides = {
        Claim._meta.get_field("text").__class__: {
            "widget": forms.Textarea(attrs={"rows": 2, "cols": 60})
        }
    }


@admin.register(Statement)
class StatementAdmin(TolerantAutocompleteMixin, ServiceInlinesMixin, admin.ModelAdmin):
    list_display = ["quote_excerpt", "speaker", "reported_speaker", "speech", "source", "said_on"]
    list_filter = ["speech", "said_on"]
    search_fields = ["quote", "speaker__name", "source__title", "said_where"]
    autocomplete_fields = ["source", "speaker", "reported_speaker"]
    list_select_related = ["speaker", "reported_speaker", "source"]
    # Newest first, through the primary key: the model's order (by source, i.e. the source's
    # publication date) sorted the whole statement-source join on every page.
    ordering = ["-id"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    readonly_fields = ["prefix", "suffix", "created_at"]
    fieldsets = [
        (None, {"fields": ["source", "speaker", "reported_speaker", "speech"]}),
        (_("Where in the source"), {"fields": ["quote", "start", "end", "prefix", "suffix"]}),
        (_("When and where it was said"), {"fields": ["said_on", "said_where"]}),
    ]
    inlines = [ClaimInline]

    def get_readonly_fields(self, request, obj=None):
        # Who said it, when, where and the quoted words, once a published claim rests on it.
        return frozen_readonly_fields(obj, super().get_readonly_fields(request, obj))

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


@admin.register(ImportBatch)
class ImportBatchAdmin(ReadOnlyAdmin):
    """The batches uploaded, newest first, each with a link to its progress page."""

    list_display = ["name", "uploaded_by", "uploaded_at", "progress", "finished_at"]
    list_select_related = ["uploaded_by"]
    ordering = ["-uploaded_at", "-id"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    exclude = ["content"]
    readonly_fields = [
        "name",
        "form",
        "size",
        "uploaded_by",
        "uploaded_at",
        "job_id",
        "total",
        "done",
        "created",
        "existing",
        "failures",
        "finished_at",
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("content")

    @admin.display(description=_("progress"))
    def progress(self, obj: ImportBatch) -> str:
        return format_html(
            '<a href="{}">{} / {}</a>',
            reverse("admin:claims_source_batch_job", args=[obj.pk]),
            obj.done,
            obj.total,
        )
