"""The alert queue: new words that look like a claim the desk published or is checking, raised
when their source arrived (`claims.arrival`). Each alert's page shows the words in their
article, the earlier claim with its verdict, other fact-checkers' checks of the same claim, and
one button each to link them as a repeat, dismiss them, or open the source's workspace. Every
role sees the queue; editors decide.

Each alert shows why it matched (likeness in meaning and in words, shared words, languages)
and, when a figure changed, both figures side by side. A link, the desk's own (a match close
enough, with the same figures) or an editor's, can be undone.

Decisions go through `claims.services` (`alert_link`, `alert_dismiss`, `alert_unlink`); a refusal
becomes an admin message and changes nothing.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import services
from ..enums import Role
from ..models import Alert, SourceSuggestions
from ..roles import has_role
from ..suggestions import checked_elsewhere, claim_match_details, reasons_text
from .base import ReadOnlyAdmin, excerpt
from .capped_count import CappedCountPaginator
from .filters import QueueStatusFilter


class AlertStatusFilter(QueueStatusFilter):
    """Open alerts unless asked otherwise: the queue is what waits for an editor."""

    statuses = Alert.Status
    waiting = Alert.Status.OPEN


class LinkForm(forms.Form):
    """What an editor may change when linking: who said it, and the claim's wording."""

    speaker = forms.CharField(label=_("Speaker"), max_length=200, required=False)
    claim = forms.CharField(
        label=_("Claim"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2, "cols": 60}),
        help_text=_("Leave empty to word it as the earlier claim."),
    )


def in_context(text: str, start: int, end: int) -> dict[str, str]:
    """The paragraph around text[start:end], split as before, the words, after."""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop == -1 else stop
    return {"before": text[begin:start], "words": text[start:end], "after": text[end:stop]}


@admin.register(Alert)
class AlertAdmin(admin.ModelAdmin):
    list_display = [
        "words",
        "source_link",
        "speaker_name",
        "earlier_claim",
        "likeness",
        "figure_check",
        "status",
        "created_at",
    ]
    list_display_links = ["words"]
    list_filter = [AlertStatusFilter, "linked_automatically"]
    list_select_related = ["source", "claim"]
    search_fields = ["text", "claim__text", "source__title"]
    search_help_text = _("Words of the alert, of the earlier claim, or the source's title.")
    ordering = ["-created_at", "-id"]
    paginator = CappedCountPaginator
    show_full_result_count = False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source", "claim", "decided_by")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # raised by the desk when a source arrives

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False  # decided, never removed: the queue keeps the record

    def has_decide_permission(self, request: HttpRequest, obj=None) -> bool:
        return self.has_change_permission(request, obj) and has_role(request.user, Role.EDITOR)

    @admin.display(description=_("new words"))
    def words(self, obj: Alert) -> str:
        return excerpt(obj.text)

    @admin.display(description=_("source"), ordering="source__title")
    def source_link(self, obj: Alert) -> str:
        return excerpt(obj.source.title, 60)

    @admin.display(description=_("earlier claim"))
    def earlier_claim(self, obj: Alert) -> str:
        return excerpt(obj.claim.text, 60)

    @admin.display(description=_("likeness"), ordering="score")
    def likeness(self, obj: Alert) -> str:
        return f"{obj.score:.2f}"

    @admin.display(description=_("figures"))
    def figure_check(self, obj: Alert) -> str:
        if obj.reasons.get("figures") == "different":
            return gettext("different figure")
        return {"same": gettext("same"), "none": "—"}.get(obj.reasons.get("figures"), "")

    def get_urls(self):
        return [
            path(
                "<path:object_id>/link/",
                self.admin_site.admin_view(require_POST(self.link_view)),
                name="claims_alert_link",
            ),
            path(
                "<path:object_id>/dismiss/",
                self.admin_site.admin_view(require_POST(self.dismiss_view)),
                name="claims_alert_dismiss",
            ),
            path(
                "<path:object_id>/unlink/",
                self.admin_site.admin_view(require_POST(self.unlink_view)),
                name="claims_alert_unlink",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The alert's page: read-only, with the decisions as buttons (no model form)."""
        alert = self._alert(request, object_id)
        if not self.has_view_permission(request, alert):
            raise PermissionDenied
        earlier = claim_match_details({alert.claim_id}).get(alert.claim_id)
        context = {
            **self.admin_site.each_context(request),
            "opts": Alert._meta,
            "title": gettext("Alert: a repeat?"),
            "alert": alert,
            "context": in_context(alert.source.text, alert.start, alert.end),
            "earlier": earlier,
            "external": checked_elsewhere([alert.text])[0],
            "why": reasons_text(alert.reasons) if alert.reasons else "",
            "figures": alert.reasons.get("figures"),
            "new_figures": ", ".join(alert.reasons.get("new_figures") or []) or "—",
            "earlier_figures": ", ".join(alert.reasons.get("earlier_figures") or []) or "—",
            "can_decide": alert.status == Alert.Status.OPEN
            and self.has_decide_permission(request, alert),
            "can_unlink": alert.status == Alert.Status.LINKED
            and self.has_decide_permission(request, alert),
            "link_form": LinkForm(initial={"speaker": alert.speaker_name}),
        }
        return TemplateResponse(request, "admin/claims/alert/change_form.html", context)

    def _alert(self, request: HttpRequest, object_id: str) -> Alert:
        # get_object answers None for an id that is no number as for one that is not there.
        alert = self.get_object(request, unquote(object_id))
        if alert is None:
            raise Http404(gettext("No such alert."))
        return alert

    def _decidable(self, request: HttpRequest, object_id: str) -> Alert:
        alert = self._alert(request, object_id)
        if not self.has_decide_permission(request, alert):
            raise PermissionDenied
        return alert

    def link_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        alert = self._decidable(request, object_id)
        form = LinkForm(request.POST)
        if not form.is_valid():
            for errors in form.errors.values():
                for error in errors:
                    messages.error(request, error)
            return HttpResponseRedirect(self._page(alert))
        try:
            claim = services.alert_link(
                alert=alert,
                by=request.user,
                speaker_name=form.cleaned_data["speaker"],
                claim_text=form.cleaned_data["claim"],
            )
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return HttpResponseRedirect(self._page(alert))
        messages.success(
            request,
            gettext("Linked as a repeat: claim “%(claim)s” repeats #%(first)s.")
            % {"claim": claim, "first": claim.repeat_of_id},
        )
        return HttpResponseRedirect(reverse("admin:claims_alert_changelist"))

    def dismiss_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        alert = self._decidable(request, object_id)
        try:
            services.alert_dismiss(alert=alert, by=request.user)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return HttpResponseRedirect(self._page(alert))
        messages.info(request, gettext("Alert dismissed."))
        return HttpResponseRedirect(reverse("admin:claims_alert_changelist"))

    def unlink_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        alert = self._decidable(request, object_id)
        try:
            services.alert_unlink(alert=alert, by=request.user)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
            return HttpResponseRedirect(self._page(alert))
        messages.info(request, gettext("Link undone: the alert is dismissed."))
        return HttpResponseRedirect(self._page(alert))

    @staticmethod
    def _page(alert: Alert) -> str:
        return reverse("admin:claims_alert_change", args=[alert.pk])


@admin.register(SourceSuggestions)
class SourceSuggestionsAdmin(ReadOnlyAdmin):
    """What the engine stored for each source when it arrived, for whoever runs the desk
    (superusers): editors see it through the workspace and the digest."""

    list_display = ["source", "engine_version", "computed_at"]
    list_select_related = ["source"]
    ordering = ["-computed_at"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    readonly_fields = ["source", "engine_version", "content_hash", "computed_at", "report"]
