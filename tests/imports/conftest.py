"""A real web server for the fetch tests: `http.server` on a free local port, in a thread, serving
whatever pages a test puts in it (with their status, headers and delays)."""

from __future__ import annotations

import socket
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

PAGE = """<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8">
<title>Minister says the alliance grew | News Example</title>
<meta property="og:site_name" content="News Example">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2022-04-25T10:00:00Z">
<link rel="canonical" href="https://news.example/world/alliance-grew">
<link rel="stylesheet" href="https://cdn.news.example/site.css">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Minister says the alliance grew</h1>
<p>MOSCOW - The minister said that the alliance had grown by three members since 2009.</p>
<p>"We were never consulted," he added. Officials in Brussels said the figures were correct
but disputed the rest.</p>
<img src="https://cdn.news.example/photo.jpg" alt="The minister">
</article>
<footer>Copyright News Example</footer>
</body></html>
"""


def page(body: str = "", title: str = "Minister says the alliance grew") -> str:
    """The test page, with other paragraphs or another title."""
    html = PAGE.replace("Minister says the alliance grew", title)
    return html.replace("</article>", f"<p>{body}</p></article>") if body else html


@dataclass
class Response:
    body: bytes | str = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html"})
    delay: float = 0.0  # seconds before answering
    trickle: float = 0.0  # seconds between chunks of the body
    gate: threading.Event | None = None  # when given, the answer waits until it is set
    failures: int = 0  # the first requests this many get 503 Service Unavailable


class Site:
    """The pages of the local server, by path; a missing path answers 404."""

    def __init__(self, server: ThreadingHTTPServer):
        self.server = server
        self.pages: dict[str, Response] = {}
        self.hits: list[str] = []

    def url(self, path: str) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}{path}"

    def add(self, path: str, body: bytes | str = "", **kwargs) -> str:
        self.pages[path] = Response(body=body or PAGE, **kwargs)
        return self.url(path)

    def redirect(self, path: str, to: str, status: int = 302) -> str:
        self.pages[path] = Response(status=status, headers={"Location": to})
        return self.url(path)


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            site.hits.append(self.path)
            response = site.pages.get(self.path) or Response(
                body="<html><body><p>Not here</p></body></html>", status=404
            )
            if response.failures > 0:
                response.failures -= 1
                response = Response(body="<p>Try later</p>", status=503)
            time.sleep(response.delay)
            if response.gate is not None:
                response.gate.wait(timeout=60)
            body = response.body.encode() if isinstance(response.body, str) else response.body
            try:
                self.send_response(response.status)
                for name, value in response.headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if not response.trickle:
                    self.wfile.write(body)
                    return
                for start in range(0, len(body), 64):
                    self.wfile.write(body[start : start + 64])
                    self.wfile.flush()
                    time.sleep(response.trickle)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test): nothing to do

        def log_message(self, *args):
            pass  # keep test output clean

    return Handler


@pytest.fixture
def site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), None)
    site = Site(server)
    server.RequestHandlerClass = _handler(site)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, args=(0.01,), daemon=True)
    thread.start()
    yield site
    server.shutdown()
    server.server_close()


@pytest.fixture
def fetch_settings(settings):
    """The local server is on 127.0.0.1, which the desk refuses by default; a short timeout
    keeps the slow-server tests quick."""
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = True
    settings.FACTCHECK_FETCH_TIMEOUT = 0.5
    return settings


@pytest.fixture
def closed_port() -> int:
    """A local port nobody listens on (bound, then released)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def no_network(monkeypatch):
    """Any outgoing connection fails the test: proves a step never goes to the network."""
    attempts: list = []

    def refuse(self, address, *args, **kwargs):
        attempts.append(address)
        raise AssertionError(f"tried to connect to {address}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    return attempts
