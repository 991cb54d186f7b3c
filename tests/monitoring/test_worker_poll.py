"""A poll with real worker processes: a worker killed while it imports a feed's item has its
job taken back by another, and the item is stored once."""

from __future__ import annotations

import threading

import pytest
from django.tasks import TaskResultStatus

from claims.jobs.models import Job
from claims.models import Source
from claims.monitoring.models import FeedItem
from claims.monitoring.tasks import poll_feed
from tests.imports.conftest import PAGE
from tests.jobs.conftest import finished, wait_for

from .conftest import RSS, make_feed, rss

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]
WORKER = {"FACTCHECK_FEED_HOST_INTERVAL": "0", "FACTCHECK_FEEDS_POLL_EVERY": "0"}


def test_a_killed_workers_item_import_runs_again_and_stores_it_once(
    database_queue, site, start_worker
):
    gate = threading.Event()
    story = site.add("/news/1", PAGE, gate=gate)
    feed = make_feed(
        site.add(
            "/rss.xml",
            rss([{"title": "Alliance", "link": story}]),
            headers={"Content-Type": RSS},
        )
    )
    poll_feed.enqueue(feed.pk)
    first = start_worker(**WORKER)
    wait_for(lambda: "/news/1" in site.hits, what="the item's page asked for")
    job = Job.objects.get(task_path__endswith="import_feed_item")
    assert job.status == TaskResultStatus.RUNNING

    first.kill()
    first.wait()
    gate.set()
    finished(start_worker("--max-tasks", "1", **WORKER))

    job.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL and len(job.worker_ids) == 2
    assert site.hits.count("/news/1") == 2 and site.hits.count("/rss.xml") == 1
    item = FeedItem.objects.get()
    assert item.source == Source.objects.get(url=story)
    assert item.new_source and item.arrived_at is not None
