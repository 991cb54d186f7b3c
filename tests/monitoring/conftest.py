"""Outlets on loopback: a threaded `http.server` serving feeds and article pages, answering
conditional GETs with 304 as a real server does, and recording every request with its headers."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from xml.sax.saxutils import escape

import pytest

from claims.monitoring.models import Feed
from tests.imports.conftest import (
    page,
    site,  # noqa: F401 (fixture)
)
from tests.jobs.conftest import database_queue, start_worker  # noqa: F401 (fixtures)

RSS = "application/rss+xml"
ATOM = "application/atom+xml"


@dataclass
class Resource:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str = ""
    last_modified: str = ""


@dataclass
class Hit:
    path: str
    headers: dict[str, str]


@dataclass
class Outlet:
    """What the local server serves, by path; a missing path answers 404."""

    server: ThreadingHTTPServer
    host: str = "127.0.0.1"
    resources: dict[str, Resource] = field(default_factory=dict)
    hits: list[Hit] = field(default_factory=list)

    def url(self, path: str, host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.server.server_address[1]}{path}"

    def add(self, path: str, body: str | bytes, **kwargs) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.resources[path] = Resource(data, **kwargs)
        return self.url(path)

    def article(self, path: str, words: str, title: str) -> str:
        return self.add(path, page(words, title=title))

    def paths(self) -> list[str]:
        return [hit.path for hit in self.hits]


def _handler(outlet: Outlet) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            outlet.hits.append(Hit(self.path, dict(self.headers.items())))
            found = outlet.resources.get(self.path)
            if found is None:
                found = Resource(b"<html><body><p>Not here</p></body></html>", status=404)
            unchanged = found.etag and self.headers.get("If-None-Match") == found.etag
            unchanged = unchanged or (
                found.last_modified and self.headers.get("If-Modified-Since") == found.last_modified
            )
            status = 304 if unchanged else found.status
            body = b"" if unchanged else found.body
            try:
                self.send_response(status)
                self.send_header("Content-Type", found.content_type)
                if found.etag:
                    self.send_header("ETag", found.etag)
                if found.last_modified:
                    self.send_header("Last-Modified", found.last_modified)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

        def log_message(self, *args):
            pass

    return Handler


@pytest.fixture
def outlet():
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    outlet = Outlet(server)
    server.RequestHandlerClass = _handler(outlet)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield outlet
    server.shutdown()
    server.server_close()


@pytest.fixture
def loopback(settings):
    """The outlet is on 127.0.0.1, which the desk refuses by default."""
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = True
    settings.FACTCHECK_FETCH_TIMEOUT = 5
    return settings


def rss(items: list[dict], title: str = "Outlet news") -> str:
    """An RSS 2.0 document; each item a dict of title, link, guid, description, content,
    pubDate (a datetime)."""
    parts = []
    for item in items:
        fields = [f"<title>{escape(item.get('title', ''))}</title>"]
        if "link" in item:
            fields.append(f"<link>{escape(item['link'])}</link>")
        if "guid" in item:
            fields.append(f'<guid isPermaLink="false">{escape(item["guid"])}</guid>')
        if "description" in item:
            fields.append(f"<description>{escape(item['description'])}</description>")
        if "content" in item:
            fields.append(f"<content:encoded><![CDATA[{item['content']}]]></content:encoded>")
        if "pubDate" in item:
            fields.append(f"<pubDate>{format_datetime(item['pubDate'])}</pubDate>")
        parts.append(f"<item>{''.join(fields)}</item>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
        f"<channel><title>{escape(title)}</title><link>http://outlet.example/</link>"
        f"{''.join(parts)}</channel></rss>"
    )


def atom(entries: list[dict], title: str = "Outlet news") -> str:
    """An Atom document; each entry a dict of id, title, link, content (HTML), updated (ISO)."""
    parts = []
    for entry in entries:
        fields = [
            f"<id>{escape(entry['id'])}</id>",
            f"<title>{escape(entry.get('title', ''))}</title>",
            f"<updated>{entry.get('updated', '2026-12-01T10:00:00Z')}</updated>",
        ]
        if "link" in entry:
            fields.append(f'<link rel="alternate" href="{escape(entry["link"])}"/>')
        if "content" in entry:
            fields.append(f'<content type="html">{escape(entry["content"])}</content>')
        parts.append(f"<entry>{''.join(fields)}</entry>")
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>{escape(title)}</title><id>urn:outlet</id><updated>2026-12-01T10:00:00Z</updated>"
        f"{''.join(parts)}</feed>"
    )


STORY = (
    "The minister said unemployment had fallen to {n} percent last year, the lowest figure "
    "since 1990. Officials said the budget deficit was {n} billion euros."
)


def story(n: int) -> str:
    return STORY.format(n=n)


def make_feed(url: str, **fields) -> Feed:
    return Feed.objects.create(url=url, publisher=fields.pop("publisher", "Outlet"), **fields)
