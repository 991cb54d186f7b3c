"""Each person's notifications in the admin: the list (mark read, mark all read), the count in
the header (read by a script after the page loads) and their e-mail preferences."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseNotAllowed, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from . import services
from .models import Notification


def is_desk_user(request) -> bool:
    return request.user.is_active and request.user.is_staff


class PreferencesForm(forms.Form):
    email_kinds = forms.MultipleChoiceField(
        label=_("Send me an e-mail when"),
        choices=Notification.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Every notification is listed here whatever you choose."),
    )


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["message", "kind", "created_at", "read_at"]
    list_display_links = None
    list_filter = [("read_at", admin.EmptyFieldListFilter), "kind"]
    actions = ["mark_read"]
    list_per_page = 50
    show_full_result_count = False

    def get_queryset(self, request):
        # Nobody reads another person's notifications, superusers included.
        return super().get_queryset(request).filter(recipient=request.user)

    def has_module_permission(self, request) -> bool:
        return is_desk_user(request)

    def has_view_permission(self, request, obj=None) -> bool:
        return is_desk_user(request) and (obj is None or obj.recipient_id == request.user.pk)

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_mark_permission(self, request) -> bool:
        return is_desk_user(request)

    @admin.display(description=_("notification"))
    def message(self, obj: Notification):
        url = reverse("admin:discussion_notification_open", args=[obj.pk])
        return format_html(
            '<a href="{}"{}>{}</a>', url, " class=unread" if obj.read_at is None else "", obj.text
        )

    @admin.action(description=_("Mark as read"), permissions=["mark"])
    def mark_read(self, request, queryset):
        done = services.notifications_mark_read(
            user=request.user, ids=queryset.values_list("pk", flat=True)
        )
        messages.success(
            request,
            ngettext("%d notification marked read.", "%d notifications marked read.", done) % done,
        )

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("count/", view(self.count_view), name="discussion_notification_count"),
            path("read-all/", view(self.read_all_view), name="discussion_notification_read_all"),
            path(
                "preferences/",
                view(self.preferences_view),
                name="discussion_notification_preferences",
            ),
            path("<int:pk>/open/", view(self.open_view), name="discussion_notification_open"),
            *super().get_urls(),
        ]

    def count_view(self, request):
        unread = Notification.objects.filter(recipient=request.user, read_at__isnull=True).count()
        label = ngettext("%d unread notification", "%d unread notifications", unread) % unread
        return JsonResponse({"unread": unread, "label": label})

    def read_all_view(self, request):
        if request.method != "POST":
            return HttpResponseNotAllowed(["POST"])
        done = services.notifications_mark_read(user=request.user)
        messages.success(
            request,
            ngettext("%d notification marked read.", "%d notifications marked read.", done) % done,
        )
        return HttpResponseRedirect(reverse("admin:discussion_notification_changelist"))

    def open_view(self, request, pk: int):
        """Marks the notification read and opens what it is about."""
        notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
        services.notifications_mark_read(user=request.user, ids=[notification.pk])
        if notification.claim_id is None:
            return HttpResponseRedirect(reverse("admin:discussion_notification_changelist"))
        return HttpResponseRedirect(
            reverse("admin:claims_claim_change", args=[notification.claim_id])
        )

    def preferences_view(self, request):
        initial = {"email_kinds": services.email_kinds_of(request.user)}
        form = PreferencesForm(request.POST or None, initial=initial)
        if request.method == "POST" and form.is_valid():
            services.email_preference_set(user=request.user, kinds=form.cleaned_data["email_kinds"])
            messages.success(request, gettext("Your e-mail preferences are saved."))
            return HttpResponseRedirect(reverse("admin:discussion_notification_preferences"))
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": gettext("E-mail preferences"),
            "form": form,
            "email_to": request.user.email,
        }
        return TemplateResponse(request, "admin/discussion/notification/preferences.html", context)
