"""Readers' messages, a triage queue: new ones first, each with its claim when it reports an
error in one; editors mark them taken up, answered or dismissed, with a note for the desk. And
the About page, one form."""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from ..enums import Role
from ..feedback.models import DeskProfile, ReaderMessage
from ..feedback.services import message_handle
from ..roles import has_role
from .base import excerpt
from .capped_count import CappedCountPaginator
from .filters import QueueStatusFilter


class MessageStatusFilter(QueueStatusFilter):
    """New messages unless asked otherwise: the queue is what waits for an editor."""

    statuses = ReaderMessage.Status
    waiting = ReaderMessage.Status.NEW


def _handle(status: str, label: str):
    def action(modeladmin, request: HttpRequest, queryset) -> None:
        done = 0
        try:
            for message in queryset:
                message_handle(message=message, status=status, by=request.user)
                done += 1
        except ValidationError as refusal:
            modeladmin.message_user(request, " ".join(refusal.messages), messages.ERROR)
            return
        modeladmin.message_user(
            request,
            ngettext(
                "%(count)d message marked: %(label)s.",
                "%(count)d messages marked: %(label)s.",
                done,
            )
            % {"count": done, "label": label},
        )

    action.__name__ = f"mark_{status}"
    action.short_description = gettext("Mark as: %(label)s") % {"label": label}
    action.allowed_permissions = ("change",)
    return action


@admin.register(ReaderMessage)
class ReaderMessageAdmin(admin.ModelAdmin):
    list_display = ["words", "kind", "claim_link", "status", "created_at", "handled_by"]
    list_display_links = ["words"]
    list_filter = [MessageStatusFilter, "kind"]
    list_select_related = ["claim", "handled_by"]
    search_fields = ["text", "link", "name", "email"]
    ordering = ["-created_at", "-id"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    fields = ["kind", "status", "text", "link", "claim", "name", "email", "note", "created_at",
              "handled_by", "handled_at"]  # fmt: skip
    readonly_fields = ["kind", "status", "text", "link", "claim", "name", "email", "created_at",
                       "handled_by", "handled_at"]  # fmt: skip
    actions = [
        _handle(ReaderMessage.Status.TAKEN, _("Taken up")),
        _handle(ReaderMessage.Status.ANSWERED, _("Answered")),
        _handle(ReaderMessage.Status.DISMISSED, _("Dismissed")),
        _handle(ReaderMessage.Status.NEW, _("New")),
    ]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # readers send them through the public forms

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return request.user.is_superuser  # a message with personal data may have to go

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return super().has_change_permission(request, obj) and has_role(request.user, Role.EDITOR)

    @admin.display(description=_("message"))
    def words(self, obj: ReaderMessage) -> str:
        return excerpt(obj.text)

    @admin.display(description=_("fact-check"))
    def claim_link(self, obj: ReaderMessage) -> str:
        return excerpt(obj.claim.text, 60) if obj.claim else "—"


@admin.register(DeskProfile)
class DeskProfileAdmin(admin.ModelAdmin):
    """One About page: its list goes straight to its form."""

    fields = ["organisation", "about", "funding", "team", "corrections_policy", "contact_email"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # the one row is made on first use

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def changelist_view(self, request, extra_context=None):
        profile = DeskProfile.current()
        return HttpResponseRedirect(reverse("admin:feedback_deskprofile_change", args=[profile.pk]))
