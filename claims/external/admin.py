"""External fact-checks in the admin: read-only (they are what other organisations published),
with an import page for editors that queues the work: a DataFeed file uploaded, or the address
of a publisher's page with ClaimReview markup."""

from __future__ import annotations

import uuid
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from claims.admin.base import excerpt
from claims.admin.capped_count import CappedCountPaginator

from . import datafeed, tasks
from .models import ExternalFactCheck
from .sources import ImportFailed

IMPORT_PERMISSION = "external.add_externalfactcheck"


class ExternalImportForm(forms.Form):
    datafeed = forms.FileField(
        label=_("DataFeed file"),
        required=False,
        help_text=_('A ClaimReview DataFeed in JSON: {"dataFeedElement": [{"item": [...]}]}.'),
    )
    page = forms.URLField(
        label=_("Page address"),
        required=False,
        assume_scheme="https",
        help_text=_("A fact-check page with ClaimReview markup (JSON-LD)."),
    )

    def clean(self):
        cleaned = super().clean()
        upload, page = cleaned.get("datafeed"), cleaned.get("page")
        if self.errors:
            return cleaned
        if bool(upload) == bool(page):
            raise forms.ValidationError(gettext("Upload a DataFeed file or give a page address."))
        if upload:
            limit = settings.FACTCHECK_EXTERNAL_MAX_FEED_BYTES
            if upload.size > limit:
                self.add_error(
                    "datafeed",
                    gettext("The file is over the limit of %(limit)s bytes.")
                    % {"limit": f"{limit:,}"},
                )
                return cleaned
            data = upload.read()
            try:
                datafeed.parse(data, upload.name)
            except ImportFailed as error:
                self.add_error("datafeed", str(error))
                return cleaned
            cleaned["data"] = data
        return cleaned

    def enqueue(self):
        """Queue the import; an uploaded file waits in FACTCHECK_EXTERNAL_UPLOAD_DIR for it."""
        if self.cleaned_data.get("page"):
            return tasks.import_page.enqueue(self.cleaned_data["page"])
        folder = Path(settings.FACTCHECK_EXTERNAL_UPLOAD_DIR)
        folder.mkdir(parents=True, exist_ok=True)
        saved = folder / f"{uuid.uuid4().hex}.json"
        saved.write_bytes(self.cleaned_data["data"])
        return tasks.import_datafeed.enqueue(str(saved), uploaded=True)


@admin.register(ExternalFactCheck)
class ExternalFactCheckAdmin(admin.ModelAdmin):
    list_display = ["claim", "publisher", "rating_text", "rating", "review_date", "language"]
    list_filter = ["origin", "language", "rating"]
    list_select_related = ["rating"]
    search_fields = ["claim_text", "publisher", "claimant", "review_url"]
    # Feeds bring hundreds of thousands: the list must not count them all.
    paginator = CappedCountPaginator
    show_full_result_count = False
    readonly_fields = ["review_link"]
    exclude = ["review_url"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # they arrive by import only (`import_view`)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("claim"), ordering="claim_text")
    def claim(self, obj: ExternalFactCheck) -> str:
        return excerpt(obj.claim_text, 100)

    @admin.display(description=_("review URL"))
    def review_link(self, obj: ExternalFactCheck) -> str:
        return obj.review_url

    def changelist_view(self, request: HttpRequest, extra_context=None):
        extra = {"may_import": request.user.has_perm(IMPORT_PERMISSION), **(extra_context or {})}
        return super().changelist_view(request, extra)

    def get_urls(self):
        return [
            # Before the default `<path:object_id>/` routes, which would take "import" for an id.
            path(
                "import/",
                self.admin_site.admin_view(self.import_view),
                name="external_externalfactcheck_import",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm(IMPORT_PERMISSION):
            raise PermissionDenied
        posted = request.method == "POST"
        form = ExternalImportForm(request.POST if posted else None, request.FILES or None)
        if posted and form.is_valid():
            job = form.enqueue()
            self.message_user(
                request,
                gettext("The import is queued (job %(job)s); its checks appear here once done.")
                % {"job": job.id},
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:external_externalfactcheck_changelist"))
        context = {
            **self.admin_site.each_context(request),
            "opts": ExternalFactCheck._meta,
            "title": gettext("Import external fact-checks"),
            "form": form,
            "max_bytes": settings.FACTCHECK_EXTERNAL_MAX_FEED_BYTES,
        }
        return TemplateResponse(request, "admin/external/externalfactcheck/import.html", context)
