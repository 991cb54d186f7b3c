"""The monitoring jobs: a round over the feeds that are due, one feed's poll, one item's import.

    poll_due_feeds()        claims the due feeds and queues a poll for each (run by every
                            worker's housekeeping, and by `manage.py poll_feeds`)
    poll_feed(feed_id)      a conditional GET of the feed; its new items recorded and queued
    import_feed_item(id)    the item's article (from the feed, or fetched from its link) stored
                            once, and the desk told of it (`claims.arrival.source_arrived`)

Every request to a host goes at the time reserved for it there (`polling.enqueue_politely`).
Each job is idempotent: an item is recorded once per feed (a unique constraint), its article
found by URL or text if already stored, and a poll that dies before it commits changes nothing.
"""

from __future__ import annotations

import dataclasses
import hashlib
import html
from typing import Any

from django.conf import settings
from django.db import transaction
from django.tasks import task
from django.utils import timezone

from claims.arrival import source_arrived
from claims.imports.articles import ArticleError
from claims.imports.fetching import FetchUnavailable, Wanted, fetch_page
from claims.imports.importing import Article, article_from_html, article_from_url
from claims.jobs import policy
from claims.tasks import fetch_limits, store

from . import polling
from .feeds import FEED_TYPES, Entry, parse_feed
from .models import Feed, FeedItem

FEED = Wanted(FEED_TYPES, "an RSS or Atom feed")
# A feed's own copy of an article is imported instead of the page when it has at least this
# many words: shorter ones are teasers, and the page has the whole text.
FULL_CONTENT_WORDS = 150
GUID_MAX = FeedItem._meta.get_field("guid").max_length
LINK_MAX = FeedItem._meta.get_field("link").max_length


@task
def poll_due_feeds() -> dict[str, Any]:
    """Queue a poll of every active feed that is due, each at its host's next free time."""
    feeds = polling.claim_due_feeds()
    for feed in feeds:
        polling.enqueue_politely(poll_feed, feed.pk, url=feed.url)
    return {"feeds": [feed.pk for feed in feeds]}


@task
@policy()
def poll_feed(feed_id: int) -> dict[str, Any]:
    """Fetch a feed (conditionally: a 304 changes only its schedule), record its new items and
    queue their imports. A failure is recorded on the feed, which then waits longer before its
    next poll (the feed's backoff is its retry), and the job fails with the reason."""
    feed = Feed.objects.filter(pk=feed_id).first()
    if feed is None:
        return {"feed": feed_id, "gone": True}
    headers = {}
    if feed.etag:
        headers["If-None-Match"] = feed.etag
    if feed.last_modified:
        headers["If-Modified-Since"] = feed.last_modified
    try:
        fetched = fetch_page(feed.url, limits=fetch_limits(), wanted=FEED, headers=headers)
        parsed = None if fetched.not_modified else parse_feed(fetched.body, url=fetched.final_url)
    except ArticleError as error:
        polling.failed(feed, str(error))
        raise
    if parsed is None:
        polling.polled(feed)
        return {"feed": feed.pk, "not_modified": True, "new": 0}
    # The items, the validators and the imports' jobs (on the database queue) commit together,
    # so a poll that dies half-way leaves nothing behind and the next one sees the same items.
    with transaction.atomic():
        # Locked, so that a second poll of the same feed at the same moment (the admin's "poll
        # now" beside a round) waits, then finds these items known.
        list(Feed.objects.select_for_update().filter(pk=feed.pk).values_list("pk"))
        new = record_items(feed, parsed.entries)
        polling.polled(
            feed, title=parsed.title, etag=fetched.etag, last_modified=fetched.last_modified
        )
        for item in new:
            if item.content:
                import_feed_item.enqueue(item.pk)
            else:
                polling.enqueue_politely(import_feed_item, item.pk, url=item.link)
    return {"feed": feed.pk, "new": len(new)}


def record_items(feed: Feed, entries: list[Entry]) -> list[FeedItem]:
    """The feed's entries not seen before, stored oldest first."""
    fresh = {}
    for entry in reversed(entries):  # feeds list the newest first
        if len(entry.link) > LINK_MAX:
            continue
        guid = entry.guid
        if len(guid) > GUID_MAX:
            guid = "sha256:" + hashlib.sha256(guid.encode()).hexdigest()
        fresh.setdefault(guid, entry)
    known = set(
        FeedItem.objects.filter(feed=feed, guid__in=list(fresh)).values_list("guid", flat=True)
    )
    items = [
        FeedItem(
            feed=feed,
            guid=guid,
            link=entry.link,
            title=entry.title[:500],
            content=entry.content if entry.words() >= FULL_CONTENT_WORDS else "",
            published_at=entry.published_at,
        )
        for guid, entry in fresh.items()
        if guid not in known
    ]
    return FeedItem.objects.bulk_create(items)


@task
@policy(retry_on=(FetchUnavailable,))
def import_feed_item(item_id: int) -> dict[str, Any]:
    """Store a feed item's article (an article already in the desk, by its URL or text, is
    found rather than stored again), then tell the desk of a new one. A site that does not
    answer now is tried again later; any other failure is recorded on the item."""
    item = FeedItem.objects.select_related("feed").filter(pk=item_id).first()
    if item is None:
        return {"item": item_id, "gone": True}
    if item.source_id is None and not item.error:
        feed = item.feed
        try:
            article = item_article(item)
            with transaction.atomic():
                # Announced below, once, where the item records that it was.
                source, created = store(
                    article,
                    announce=False,
                    title=item.title,
                    publisher=feed.publisher,
                    language=feed.language,
                )
                FeedItem.objects.filter(pk=item.pk, source=None).update(
                    source=source, new_source=created, imported_at=timezone.now(), content=""
                )
        except FetchUnavailable:
            raise  # tried again by the job's policy
        except ArticleError as error:
            FeedItem.objects.filter(pk=item.pk).update(error=" ".join(str(error).split()))
            raise
        item.refresh_from_db()
    if item.new_source and item.arrived_at is None and item.source is not None:
        source_arrived(item.source)
        FeedItem.objects.filter(pk=item.pk).update(arrived_at=timezone.now())
    return {"item": item.pk, "source": item.source_id, "created": item.new_source}


def item_article(item: FeedItem) -> Article:
    """The item's article: the feed's own copy when it carries the whole text, else the page
    at its link, fetched like any import."""
    if item.content:
        page = (
            f"<html><head><title>{html.escape(item.title)}</title></head>"
            f"<body><article>{item.content}</article></body></html>"
        )
        article = article_from_html(
            page,
            origin=item.link or item.feed.url,
            max_bytes=settings.FACTCHECK_MAX_ARTICLE_BYTES,
            url=item.link,
        )
        article = dataclasses.replace(article, url=item.link, retrieved_at=timezone.now())
    else:
        article = article_from_url(item.link, limits=fetch_limits())
    if article.published_at is None and item.published_at is not None:
        article = dataclasses.replace(article, published_at=item.published_at)
    return article
