"""The feeds in the admin: state, last error in one line and next poll; polling now; the items
read-only; who may do what."""

from __future__ import annotations

import html

import pytest
from django.urls import reverse

from claims.enums import Role
from claims.models import Source
from claims.monitoring.models import Feed, FeedItem
from tests.factories import SourceFactory, UserFactory

from .conftest import make_feed
from .test_polling import two_item_feed

pytestmark = pytest.mark.django_db
FEEDS = reverse("admin:monitoring_feed_changelist")
ITEMS = reverse("admin:monitoring_feeditem_changelist")


def login(client, *roles: str):
    client.force_login(UserFactory(username="-".join(roles), roles=list(roles)))
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_feeds_list_shows_state_error_and_next_poll(client):
    make_feed("https://fine.example/rss", title="Fine Outlet")
    make_feed(
        "https://broken.example/rss",
        title="Broken Outlet",
        failures=2,
        last_error="https://broken.example/rss: the server answered 503 Service Unavailable",
    )
    make_feed("https://off.example/rss", title="Quiet Outlet", active=False)

    page = text(login(client, Role.EDITOR).get(FEEDS))

    assert "Fine Outlet" in page and "not polled yet" in page
    assert "failing (2 times in a row)" in page
    assert "the server answered 503 Service Unavailable" in page
    assert "inactive" in page and "Next poll" in page


def test_poll_now_polls_the_selected_feeds(client, outlet, loopback):
    feed = make_feed(two_item_feed(outlet))

    response = login(client, Role.EDITOR).post(
        FEEDS, {"action": "poll_now", "_selected_action": [feed.pk]}, follow=True
    )

    assert "1 feed will be polled" in text(response)
    assert Source.objects.count() == 2  # jobs run at once in the tests
    assert FeedItem.objects.filter(feed=feed).count() == 2


def test_an_editor_adds_a_feed(client):
    response = login(client, Role.EDITOR).post(
        reverse("admin:monitoring_feed_add"),
        {
            "url": "https://outlet.example/rss.xml",
            "title": "",
            "publisher": "Outlet",
            "language": "en",
            "poll_minutes": "15",
            "active": "on",
        },
    )

    assert response.status_code == 302, text(response)
    feed = Feed.objects.get()
    assert (feed.url, feed.poll_minutes, feed.failures, feed.etag) == (
        "https://outlet.example/rss.xml",
        15,
        0,
        "",
    )


def test_a_fact_checker_sees_feeds_but_cannot_poll_or_add(client):
    feed = make_feed("https://fine.example/rss")
    login(client, Role.FACT_CHECKER)

    assert client.get(FEEDS).status_code == 200
    assert client.get(reverse("admin:monitoring_feed_add")).status_code == 403
    client.post(FEEDS, {"action": "poll_now", "_selected_action": [feed.pk]})
    assert feed.items.count() == 0 and Feed.objects.get().last_polled_at is None


def test_feed_items_are_read_only(client, outlet, loopback):
    from claims.monitoring.tasks import poll_feed

    poll_feed.enqueue(make_feed(two_item_feed(outlet)).pk)
    item = FeedItem.objects.first()
    login(client, Role.EDITOR)

    listing = text(client.get(ITEMS))
    change = client.get(reverse("admin:monitoring_feeditem_change", args=[item.pk]))

    assert "Unemployment fell" in listing and "imported" in listing
    assert change.status_code == 200 and 'name="title"' not in text(change)
    assert (
        client.post(reverse("admin:monitoring_feeditem_delete", args=[item.pk])).status_code == 403
    )


@pytest.mark.parametrize("count", [1, 20])
def test_the_lists_cost_the_same_queries_whatever_their_length(
    client, django_assert_num_queries, count
):
    source = SourceFactory()
    for n in range(count):
        feed = make_feed(f"https://outlet{n}.example/rss", failures=n % 2, last_error="x" * 300)
        FeedItem.objects.create(feed=feed, guid=f"g{n}", title=f"Item {n}", source=source)
    login(client, Role.EDITOR)

    with django_assert_num_queries(9):
        assert client.get(FEEDS).status_code == 200
    with django_assert_num_queries(10):
        assert client.get(ITEMS).status_code == 200
