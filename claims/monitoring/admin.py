"""The outlets' feeds in the admin: each with its state (polled, failing, inactive), its last
error in one line and its next poll; an action to poll the selected feeds now; and the items
seen in them, read-only, with the source each became."""

from __future__ import annotations

from django.contrib import admin, messages
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from claims.admin.base import excerpt
from claims.admin.capped_count import CappedCountPaginator

from . import polling
from .models import Feed, FeedItem
from .tasks import poll_feed


def feed_state(feed: Feed) -> str:
    if not feed.active:
        return gettext("inactive")
    if feed.failures:
        return ngettext(
            "failing (%(count)d time in a row)", "failing (%(count)d times in a row)", feed.failures
        ) % {"count": feed.failures}
    if feed.last_polled_at is None:
        return gettext("not polled yet")
    return gettext("polled")


@admin.register(Feed)
class FeedAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "publisher",
        "state",
        "error",
        "last_polled_at",
        "next_poll_at",
        "poll_minutes",
        "active",
    ]
    list_filter = ["active", "publisher"]
    search_fields = ["url", "title", "publisher"]
    ordering = ["next_poll_at"]
    actions = ["poll_now"]
    fields = ["url", "title", "publisher", "language", "poll_minutes", "active"]
    readonly_fields = ["etag", "last_modified", "last_polled_at", "failures", "last_error"]

    def get_fields(self, request: HttpRequest, obj: Feed | None = None) -> list[str]:
        return self.fields + (self.readonly_fields if obj is not None else [])

    @admin.display(description=_("state"), ordering="failures")
    def state(self, obj: Feed) -> str:
        return feed_state(obj)

    @admin.display(description=_("last error"))
    def error(self, obj: Feed) -> str:
        return excerpt(obj.last_error, 120)

    @admin.action(description=_("Poll the selected feeds now"), permissions=["change"])
    def poll_now(self, request: HttpRequest, queryset) -> None:
        feeds = list(queryset)
        for feed in feeds:
            polling.enqueue_politely(poll_feed, feed.pk, url=feed.url)
        self.message_user(
            request,
            ngettext(
                "%(count)d feed will be polled as soon as its site may be asked.",
                "%(count)d feeds will be polled as soon as their sites may be asked.",
                len(feeds),
            )
            % {"count": len(feeds)},
            messages.SUCCESS,
        )


@admin.register(FeedItem)
class FeedItemAdmin(admin.ModelAdmin):
    list_display = ["__str__", "feed", "outcome", "first_seen_at", "imported_at"]
    list_filter = ["new_source", "feed"]
    list_select_related = ["feed", "source"]
    search_fields = ["title", "link", "guid"]
    date_hierarchy = "first_seen_at"
    # One row per article the desk ever saw in a feed: the list must not count them all.
    paginator = CappedCountPaginator
    show_full_result_count = False
    readonly_fields = ["source_link"]
    exclude = ["source"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return False

    @admin.display(description=_("outcome"))
    def outcome(self, obj: FeedItem) -> str:
        if obj.error:
            return excerpt(obj.error, 120)
        if obj.source_id is None:
            return gettext("waiting to be imported")
        if obj.new_source:
            return gettext("imported")
        return gettext("already in the desk")

    @admin.display(description=_("source"))
    def source_link(self, obj: FeedItem) -> str:
        if obj.source_id is None:
            return "—"
        return format_html(
            '<a href="{}">{}</a>',
            reverse("admin:claims_source_change", args=[obj.source_id]),
            obj.source,
        )
