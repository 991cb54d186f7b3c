"""An outlet's feed with its polling state, the items seen in it, and the pace per host."""

from __future__ import annotations

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims.models import Source


class Feed(models.Model):
    """An outlet's RSS or Atom feed. Its polling state (validators, schedule, failures) is
    written by the polling jobs only (`claims.monitoring.tasks`)."""

    url = models.URLField(
        _("feed address"),
        max_length=2000,
        unique=True,
        help_text=_("The RSS or Atom address, e.g. https://outlet.example/rss.xml."),
    )
    title = models.CharField(
        _("title"), max_length=500, blank=True, help_text=_("Read from the feed when empty.")
    )
    publisher = models.CharField(
        _("publisher"),
        max_length=200,
        blank=True,
        help_text=_("The outlet, given to every article imported from this feed."),
    )
    language = models.CharField(
        _("language"),
        max_length=16,
        blank=True,
        help_text=_("Language code of its articles (en, ru, ...); empty: as each page says."),
    )
    poll_minutes = models.PositiveIntegerField(
        _("poll every (minutes)"), default=30, validators=[MinValueValidator(1)]
    )
    active = models.BooleanField(
        _("active"), default=True, help_text=_("Inactive feeds are not polled.")
    )
    etag = models.CharField(_("ETag"), max_length=500, blank=True, editable=False)
    last_modified = models.CharField(_("Last-Modified"), max_length=100, blank=True, editable=False)
    last_polled_at = models.DateTimeField(_("last polled"), null=True, blank=True, editable=False)
    next_poll_at = models.DateTimeField(_("next poll"), default=timezone.now, db_index=True)
    failures = models.PositiveIntegerField(_("failures in a row"), default=0, editable=False)
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    created_at = models.DateTimeField(_("added"), auto_now_add=True)

    class Meta:
        verbose_name = _("feed")
        verbose_name_plural = _("feeds")
        ordering = ["publisher", "url"]
        indexes = [models.Index(fields=["active", "next_poll_at"], name="feed_due")]

    def __str__(self) -> str:
        return self.title or self.publisher or self.url


class FeedItem(models.Model):
    """An item seen in a feed, once: `guid` is the item's id (its link when it has none). It is
    imported by one job; `source` is the source it became (an article already in the desk,
    found by its URL or text, counts), and `error` why it could not be imported."""

    feed = models.ForeignKey(Feed, on_delete=models.CASCADE, related_name="items")
    guid = models.CharField(_("item id"), max_length=2000)
    link = models.URLField(_("link"), max_length=2000, blank=True)
    title = models.CharField(_("title"), max_length=500, blank=True)
    content = models.TextField(
        _("content"), blank=True, help_text=_("The article as the feed carried it, when whole.")
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    first_seen_at = models.DateTimeField(_("first seen"), auto_now_add=True, db_index=True)
    source = models.ForeignKey(
        Source, on_delete=models.SET_NULL, null=True, blank=True, related_name="feed_items"
    )
    new_source = models.BooleanField(
        _("new to the desk"), default=False, help_text=_("The item's article was not there yet.")
    )
    imported_at = models.DateTimeField(_("imported"), null=True, blank=True)
    arrived_at = models.DateTimeField(
        _("announced"), null=True, blank=True, help_text=_("When the desk was told of it.")
    )
    error = models.TextField(_("error"), blank=True)

    class Meta:
        verbose_name = _("feed item")
        verbose_name_plural = _("feed items")
        ordering = ["-first_seen_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["feed", "guid"], name="feed_item_once"),
        ]

    def __str__(self) -> str:
        return self.title or self.link or self.guid


class HostSlot(models.Model):
    """When a host may next be asked for something: every worker reserves its request's time
    here, so requests to one host are spaced by FACTCHECK_FEED_HOST_INTERVAL seconds."""

    host = models.CharField(max_length=255, unique=True)
    next_at = models.DateTimeField()

    class Meta:
        verbose_name = _("host slot")
        verbose_name_plural = _("host slots")

    def __str__(self) -> str:
        return self.host
