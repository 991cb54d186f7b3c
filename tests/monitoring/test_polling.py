"""Polling feeds against a real server on loopback: new items imported once, conditional GETs,
a failing feed backing off alone, the pace per host, and the fetcher's address rules."""

from __future__ import annotations

import datetime
import io
import threading

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.tasks import TaskResultStatus
from django.utils import timezone

from claims.jobs.models import Job
from claims.jobs.queue import Housekeeper
from claims.models import Source
from claims.monitoring import polling
from claims.monitoring.models import Feed, FeedItem
from claims.monitoring.tasks import import_feed_item, poll_due_feeds, poll_feed
from claims.tasks import import_url

from .conftest import ATOM, RSS, atom, make_feed, rss, story

pytestmark = pytest.mark.django_db


def two_item_feed(outlet) -> str:
    first = outlet.article("/news/1", story(5), "Unemployment fell")
    second = outlet.article("/news/2", story(7), "Deficit grew")
    return outlet.add(
        "/rss.xml",
        rss(
            [
                {"title": "Deficit grew", "link": second},
                {"title": "Unemployment fell", "link": first},
            ]
        ),
        content_type=RSS,
    )


def test_poll_feed_imports_each_new_item_once(outlet, loopback):
    feed = make_feed(two_item_feed(outlet), publisher="Daily Outlet", language="en")

    result = poll_feed.enqueue(feed.pk)

    assert result.status == TaskResultStatus.SUCCESSFUL, result.errors
    items = list(FeedItem.objects.order_by("pk"))
    assert [item.title for item in items] == ["Unemployment fell", "Deficit grew"]  # oldest first
    assert all(item.new_source and item.arrived_at and item.imported_at for item in items)
    sources = Source.objects.order_by("pk")
    assert [s.title for s in sources] == ["Unemployment fell", "Deficit grew"]
    assert {s.publisher for s in sources} == {"Daily Outlet"}
    assert "5 percent" in sources[0].text and sources[0].url == outlet.url("/news/1")
    feed.refresh_from_db()
    assert feed.title == "Outlet news" and feed.failures == 0 and feed.last_polled_at
    assert feed.next_poll_at > timezone.now() + datetime.timedelta(minutes=29)

    again = poll_feed.enqueue(feed.pk)

    assert again.return_value["new"] == 0
    assert Source.objects.count() == 2 and FeedItem.objects.count() == 2
    assert outlet.paths().count("/news/1") == 1 and outlet.paths().count("/rss.xml") == 2


def test_a_new_item_in_a_later_poll_is_the_only_one_fetched(outlet, loopback):
    url = two_item_feed(outlet)
    feed = make_feed(url)
    poll_feed.enqueue(feed.pk)
    third = outlet.article("/news/3", story(9), "Exports rose")
    outlet.add(
        "/rss.xml",
        rss(
            [
                {"title": "Exports rose", "link": third},
                {"title": "x", "link": outlet.url("/news/2")},
            ]
        ),
        content_type=RSS,
    )

    poll_feed.enqueue(feed.pk)

    assert Source.objects.count() == 3
    assert [p for p in outlet.paths() if p.startswith("/news/")] == [
        "/news/1",
        "/news/2",
        "/news/3",
    ]


def test_the_etag_is_stored_and_a_304_changes_only_the_schedule(outlet, loopback):
    url = two_item_feed(outlet)
    stamp = "Tue, 01 Dec 2026 10:00:00 GMT"
    outlet.resources["/rss.xml"].etag = '"v1"'
    outlet.resources["/rss.xml"].last_modified = stamp
    feed = make_feed(url)
    poll_feed.enqueue(feed.pk)
    feed.refresh_from_db()
    assert (feed.etag, feed.last_modified) == ('"v1"', stamp)
    Feed.objects.filter(pk=feed.pk).update(next_poll_at=timezone.now())

    result = poll_feed.enqueue(feed.pk)

    assert result.return_value == {"feed": feed.pk, "not_modified": True, "new": 0}
    conditional = outlet.hits[-1]
    assert conditional.headers["If-None-Match"] == '"v1"'
    assert conditional.headers["If-Modified-Since"] == stamp
    feed.refresh_from_db()
    assert feed.etag == '"v1"' and feed.next_poll_at > timezone.now()
    assert Source.objects.count() == 2


def test_an_atom_feed_carrying_whole_articles_is_imported_without_fetching_them(outlet, loopback):
    body = " ".join(f"<p>{story(n)} The ministry confirmed it on day {n}.</p>" for n in range(10))
    url = outlet.add(
        "/atom.xml",
        atom(
            [{"id": "urn:story:1", "title": "Budget story", "link": "/stories/1", "content": body}]
        ),
        content_type=ATOM,
    )
    feed = make_feed(url)

    poll_feed.enqueue(feed.pk)

    source = Source.objects.get()
    assert source.title == "Budget story" and "day 9" in source.text
    assert source.url == outlet.url("/stories/1")  # a relative link, read against the feed
    assert outlet.paths() == ["/atom.xml"]
    assert FeedItem.objects.get().content == ""  # dropped once imported


def test_an_article_already_in_the_desk_is_linked_not_stored_again(outlet, loopback):
    url = two_item_feed(outlet)
    import_url.enqueue(outlet.url("/news/1"))  # an editor imported it by hand
    existing = Source.objects.get()
    feed = make_feed(url)

    poll_feed.enqueue(feed.pk)

    item = FeedItem.objects.get(link=outlet.url("/news/1"))
    assert item.source == existing and not item.new_source and item.arrived_at is None
    assert Source.objects.count() == 2


def test_the_same_article_in_two_feeds_is_one_source(outlet, loopback):
    url = two_item_feed(outlet)
    outlet.add("/other.xml", outlet.resources["/rss.xml"].body, content_type=RSS)

    poll_feed.enqueue(make_feed(url).pk)
    poll_feed.enqueue(make_feed(outlet.url("/other.xml")).pk)

    assert Source.objects.count() == 2 and FeedItem.objects.count() == 4
    assert FeedItem.objects.filter(new_source=True).count() == 2


def test_a_failing_feed_backs_off_and_the_others_are_polled(outlet, loopback):
    good = make_feed(two_item_feed(outlet))
    outlet.add("/broken.xml", "<p>down</p>", status=500)
    bad = make_feed(outlet.url("/broken.xml"))

    poll_due_feeds.enqueue()

    bad.refresh_from_db()
    assert bad.failures == 1 and "500" in bad.last_error
    first_wait = bad.next_poll_at - bad.last_polled_at
    assert first_wait >= datetime.timedelta(minutes=2 * bad.poll_minutes)
    assert Source.objects.count() == 2 and Feed.objects.get(pk=good.pk).failures == 0

    Feed.objects.filter(pk=bad.pk).update(next_poll_at=timezone.now())
    poll_due_feeds.enqueue()

    bad.refresh_from_db()
    assert bad.failures == 2 and bad.next_poll_at - bad.last_polled_at > first_wait


def test_a_feed_that_works_again_is_cleared(outlet, loopback):
    url = two_item_feed(outlet)
    feed = make_feed(url)
    Feed.objects.filter(pk=feed.pk).update(failures=3, last_error="earlier trouble")

    poll_feed.enqueue(feed.pk)

    feed.refresh_from_db()
    assert feed.failures == 0 and feed.last_error == ""


@pytest.mark.parametrize(
    "body, reason",
    [
        ("<rss><channel><item><title>cut", "not well-formed XML"),
        ("", "not well-formed XML"),
        ("<html><body>hello</body></html>", "not an RSS 2.0 or Atom feed"),
        (
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa">'
            '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title>'
            "</channel></rss>",
            "declares XML entities",
        ),
        (
            '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            "<rss><channel><title>&x;</title></channel></rss>",
            "declares XML entities",
        ),
    ],
    ids=["cut", "empty", "html", "billion-laughs", "external-entity"],
)
def test_a_bad_feed_is_refused_with_its_reason(outlet, loopback, body, reason):
    feed = make_feed(outlet.add("/feed.xml", body, content_type="application/xml"))

    result = poll_feed.enqueue(feed.pk)

    assert result.status == TaskResultStatus.FAILED
    feed.refresh_from_db()
    assert reason in feed.last_error and feed.failures == 1
    assert not FeedItem.objects.exists() and not Source.objects.exists()


def test_a_page_that_is_not_a_feed_is_refused(outlet, loopback):
    feed = make_feed(outlet.article("/page", story(1), "A page"))

    poll_feed.enqueue(feed.pk)

    feed.refresh_from_db()
    assert "not an RSS or Atom feed (the server sent text/html)" in feed.last_error


def test_a_private_address_is_refused_unless_allowed(outlet, settings):
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = False
    feed = make_feed(two_item_feed(outlet))

    poll_feed.enqueue(feed.pk)

    feed.refresh_from_db()
    assert "private or local address" in feed.last_error
    assert outlet.hits == [] and not FeedItem.objects.exists()


def test_an_item_whose_page_has_no_article_records_why(outlet, loopback):
    outlet.add("/news/empty", "<html><body><a href='/'>Home</a></body></html>")
    feed = make_feed(
        outlet.add(
            "/rss.xml",
            rss([{"title": "Empty", "link": outlet.url("/news/empty")}]),
            content_type=RSS,
        )
    )

    poll_feed.enqueue(feed.pk)

    item = FeedItem.objects.get()
    assert "no article text found" in item.error and item.source is None
    assert import_feed_item.enqueue(item.pk).status == TaskResultStatus.SUCCESSFUL  # not again
    assert outlet.paths().count("/news/empty") == 1


def test_due_feeds_are_claimed_once(outlet, loopback):
    now = timezone.now()
    due = make_feed("http://a.example/feed", next_poll_at=now - datetime.timedelta(minutes=1))
    make_feed("http://b.example/feed", next_poll_at=now + datetime.timedelta(minutes=5))
    make_feed("http://c.example/feed", active=False, next_poll_at=now)

    assert polling.claim_due_feeds(now=now) == [due]
    assert polling.claim_due_feeds(now=now) == []
    due.refresh_from_db()
    assert due.next_poll_at == now + datetime.timedelta(minutes=due.poll_minutes)


def test_requests_to_one_host_are_spaced_by_all_jobs(outlet, loopback, database_queue):
    """With the database queue, each item's import is queued at its host's next free time:
    the items on 127.0.0.1 follow each other at the interval, the one on `localhost` (another
    host name) goes at once."""
    database_queue.FACTCHECK_FEED_HOST_INTERVAL = 5
    first = outlet.article("/news/1", story(1), "One")
    second = outlet.article("/news/2", story(2), "Two")
    elsewhere = outlet.url("/news/3", host="localhost")
    feed = make_feed(
        outlet.add(
            "/rss.xml",
            rss(
                [
                    {"title": t, "link": link}
                    for t, link in (("3", elsewhere), ("2", second), ("1", first))
                ]
            ),
            content_type=RSS,
        )
    )
    before = timezone.now()
    polled = polling.enqueue_politely(poll_feed, feed.pk, url=feed.url)

    poll_feed.call(feed.pk)  # what the worker does with the job queued above

    assert Job.objects.ready().filter(pk=polled.id).exists()  # the host was free
    imports = Job.objects.filter(task_path__endswith="import_feed_item")
    runs = {FeedItem.objects.get(pk=job.task_result.args[0]).link: job for job in imports}
    assert len(runs) == 3
    assert runs[first].run_after - before >= datetime.timedelta(seconds=4.9)
    assert runs[second].run_after - runs[first].run_after == datetime.timedelta(seconds=5)
    assert list(imports.ready()) == [runs[elsewhere]]


def test_the_poll_feeds_command_queues_the_due_feeds(outlet, loopback):
    make_feed(two_item_feed(outlet))
    out = io.StringIO()

    call_command("poll_feeds", stdout=out)

    assert out.getvalue().strip() == "1 feed queued for a poll."
    assert Source.objects.count() == 2  # jobs run at once in the tests


def test_the_workers_housekeeping_polls_due_feeds(outlet, loopback, settings):
    settings.FACTCHECK_WORKER_PERIODIC = {"claims.monitoring.tasks.poll_due_feeds": 60}
    make_feed(two_item_feed(outlet))
    keeper = Housekeeper("test-worker")

    keeper.periodic(timezone.now())
    keeper.periodic(timezone.now())  # not due again within the minute

    assert Source.objects.count() == 2
    assert outlet.paths().count("/rss.xml") == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.skipif("connection.vendor != 'postgresql'", reason="SKIP LOCKED is PostgreSQL's")
def test_a_feed_locked_by_one_round_is_skipped_by_another():
    now = timezone.now()
    held = make_feed("http://a.example/feed", next_poll_at=now)
    free = make_feed("http://b.example/feed", next_poll_at=now)
    claimed: list = []
    with transaction.atomic():
        Feed.objects.select_for_update().get(pk=held.pk)  # another worker's round, mid-claim
        other = threading.Thread(
            target=lambda: (claimed.extend(polling.claim_due_feeds(now=now)), connection.close())
        )
        other.start()
        other.join(timeout=10)

    assert claimed == [free]


def test_a_new_article_is_announced_once_even_when_its_job_runs_again(
    outlet, loopback, database_queue, django_capture_on_commit_callbacks
):
    """An item's import queues one job that reads the new source (`process_source`), whose
    work is the dearest of an article's: not one from storing it and another from the item."""
    feed = make_feed(two_item_feed(outlet))
    poll_feed.call(feed.pk)  # records the items and queues their imports
    item = FeedItem.objects.get(link=outlet.url("/news/1"))

    with django_capture_on_commit_callbacks(execute=True):
        import_feed_item.call(item.pk)
        import_feed_item.call(item.pk)  # the same job run again: nothing more to announce

    item.refresh_from_db()
    assert item.new_source and item.arrived_at is not None
    arrivals = Job.objects.filter(task_path="claims.tasks.process_source")
    assert [job.task_result.args for job in arrivals] == [[item.source_id]]
