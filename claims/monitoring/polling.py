"""When feeds are polled and hosts asked: which feeds are due (claimed so that two workers never
poll the same one), the pace per host that every worker keeps, and a feed's next poll after a
success or a failure."""

from __future__ import annotations

import datetime
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.tasks import Task
from django.utils import timezone

from .models import Feed, HostSlot

# A failing feed waits its interval doubled for each failure in a row, at most this long.
MAX_BACKOFF = datetime.timedelta(days=1)


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def reserve_slot(host: str, *, now: datetime.datetime | None = None) -> datetime.datetime:
    """The time at which this request may go to `host`: now, or the end of the requests
    already reserved there. Reserved in the database, so every worker keeps the same pace."""
    now = now or timezone.now()
    interval = datetime.timedelta(seconds=settings.FACTCHECK_FEED_HOST_INTERVAL)
    if not host or not interval:
        return now
    with transaction.atomic():
        slot, _created = HostSlot.objects.select_for_update().get_or_create(
            host=host[:255], defaults={"next_at": now}
        )
        at = max(slot.next_at, now)
        slot.next_at = at + interval
        slot.save(update_fields=["next_at"])
    return at


def enqueue_politely(task: Task, *args: Any, url: str) -> Any:
    """Enqueue a job that will ask `url`'s host, to run at the time reserved for it there: a
    busy host defers the job, it never holds up a worker. A backend that cannot defer a job
    (the immediate one of the tests) runs it now."""
    at = reserve_slot(host_of(url))
    if at > timezone.now() and task.get_backend().supports_defer:
        task = task.using(run_after=at)
    return task.enqueue(*args)


def claim_due_feeds(*, now: datetime.datetime | None = None, limit: int = 500) -> list[Feed]:
    """Active feeds whose poll is due, each claimed: its next poll is moved a full interval on
    at once, in the transaction that locks it (SKIP LOCKED where the database has it), so no
    other worker claims it meanwhile. The poll then sets the real next time."""
    now = now or timezone.now()
    with transaction.atomic():
        due = list(
            Feed.objects.select_for_update(skip_locked=True)
            .filter(active=True, next_poll_at__lte=now)
            .order_by("next_poll_at")[:limit]
        )
        for feed in due:
            feed.next_poll_at = now + datetime.timedelta(minutes=feed.poll_minutes)
        Feed.objects.bulk_update(due, ["next_poll_at"])
    return due


def polled(feed: Feed, *, title: str = "", etag: str = "", last_modified: str = "") -> None:
    """Record a poll that worked (with a 304, the validators are kept as they were)."""
    now = timezone.now()
    feed.last_polled_at = now
    feed.next_poll_at = now + datetime.timedelta(minutes=feed.poll_minutes)
    feed.failures = 0
    feed.last_error = ""
    fields = ["last_polled_at", "next_poll_at", "failures", "last_error"]
    if etag or last_modified:
        feed.etag, feed.last_modified = etag[:500], last_modified[:100]
        fields += ["etag", "last_modified"]
    if title and not feed.title:
        feed.title = " ".join(title.split())[:500]
        fields.append("title")
    feed.save(update_fields=fields)


def failed(feed: Feed, error: str) -> None:
    """Record a failed poll; the next one waits longer for each failure in a row."""
    now = timezone.now()
    failures = feed.failures + 1
    wait = min(datetime.timedelta(minutes=feed.poll_minutes) * 2 ** min(failures, 16), MAX_BACKOFF)
    Feed.objects.filter(pk=feed.pk).update(
        last_polled_at=now,
        next_poll_at=now + wait,
        failures=failures,
        last_error=" ".join(error.split()),
    )
