"""Reading RSS 2.0 and Atom into items, plain Python."""

from __future__ import annotations

import pytest

from claims.monitoring.feeds import FeedError, parse_feed

from .conftest import atom, rss


def test_rss_items_with_guid_link_dates_and_relative_links():
    data = rss(
        [
            {"title": " A  story ", "link": "/a", "guid": "id-a", "description": "teaser"},
            {"title": "No guid", "link": "https://outlet.example/b"},
            {"title": "Nothing to read"},
            {"title": "Twice", "link": "/a", "guid": "id-a"},
        ]
    ).encode()

    feed = parse_feed(data, url="https://outlet.example/feeds/rss.xml")

    assert feed.title == "Outlet news"
    assert [(e.guid, e.link, e.title) for e in feed.entries] == [
        ("id-a", "https://outlet.example/a", "A story"),
        ("https://outlet.example/b", "https://outlet.example/b", "No guid"),
    ]
    assert feed.entries[0].summary == "teaser"


def test_atom_entries_take_the_alternate_link_and_html_content():
    data = atom(
        [{"id": "urn:1", "title": "One", "link": "https://o.example/1", "content": "<p>Hi</p>"}]
    ).encode()

    (entry,) = parse_feed(data, url="https://o.example/atom").entries

    assert (entry.guid, entry.link, entry.content) == ("urn:1", "https://o.example/1", "<p>Hi</p>")
    assert entry.published_at.isoformat() == "2026-12-01T10:00:00+00:00"


def test_atom_xhtml_content_is_read_as_html():
    data = (
        b'<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><entry><id>urn:2</id>'
        b'<title>x</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">'
        b"<p>Para <b>bold</b></p></div></content></entry></feed>"
    )

    (entry,) = parse_feed(data, url="https://o.example/atom").entries

    assert entry.content == "<div><p>Para <b>bold</b></p></div>"


def test_a_link_that_is_not_http_is_dropped():
    data = rss([{"title": "x", "link": "javascript:alert(1)"}]).encode()

    assert parse_feed(data, url="https://o.example/rss").entries == []


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "not well-formed XML (no element found"),
        (b"<rss/>", "an RSS document without a channel"),
        (b"<opml/>", "its root element is <opml>"),
        (b"<rss><channel>" + b"<x>" * 50_000, "not well-formed XML"),
    ],
)
def test_what_is_not_a_feed_is_refused(data, reason):
    with pytest.raises(FeedError) as refused:
        parse_feed(data, url="https://o.example/f")

    assert str(refused.value).startswith("https://o.example/f: ") and reason in str(refused.value)
