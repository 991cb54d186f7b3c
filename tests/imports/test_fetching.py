"""Fetching pages from a real local web server (claims.imports.fetching and .importing):
redirects, what a fetch records, and each way a fetch goes wrong."""

from __future__ import annotations

import hashlib
import ipaddress
import re
import socket

import pytest

from claims.imports.articles import ArticleError
from claims.imports.fetching import FetchError, FetchLimits, fetch_page, is_public_address
from claims.imports.importing import article_from_url
from tests.imports.conftest import PAGE

LIMITS = FetchLimits(timeout=0.5, max_bytes=100_000, allow_private=True)


def test_fetch_records_final_url_time_and_hash_of_the_bytes(site):
    site.add("/story", PAGE)
    start = site.redirect("/old", site.url("/moved"))
    site.redirect("/moved", "/story", status=301)  # a relative Location too

    article = article_from_url(start, limits=LIMITS)

    assert article.url == start
    assert article.final_url == site.url("/story")
    assert article.raw_hash == hashlib.sha256(PAGE.encode()).hexdigest()
    assert article.retrieved_at is not None and article.retrieved_at.tzinfo is not None
    assert article.title == "Minister says the alliance grew"
    assert site.hits == ["/old", "/moved", "/story"]


def test_fetch_uses_the_charset_the_server_declares(site):
    html = PAGE.replace('<meta charset="utf-8">', "").replace(
        "The minister said", "Le ministre a dit"
    )
    url = site.add(
        "/fr", html.encode("latin-1"), headers={"Content-Type": "text/html; charset=ISO-8859-1"}
    )

    fetched = fetch_page(url, limits=LIMITS)

    assert fetched.charset == "ISO-8859-1"
    assert "Le ministre a dit" in article_from_url(url, limits=LIMITS).text


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "undefined"])
def test_a_server_declaring_a_charset_that_is_not_text_gets_its_page_read_as_utf8(site, charset):
    url = site.add("/odd", PAGE, headers={"Content-Type": f"text/html; charset={charset}"})

    article = article_from_url(url, limits=LIMITS)

    assert "grown by three members" in article.text


def test_xhtml_is_html(site):
    url = site.add("/x", PAGE, headers={"Content-Type": "application/xhtml+xml"})

    assert fetch_page(url, limits=LIMITS).content_type == "application/xhtml+xml"


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda s: s.url("/missing"), "the server answered 404 Not Found"),
        (
            lambda s: s.add("/error", "oops", status=500),
            "the server answered 500 Internal Server Error",
        ),
        (
            lambda s: s.add("/data", '{"a": 1}', headers={"Content-Type": "application/json"}),
            "not an HTML page (the server sent application/json)",
        ),
        (
            lambda s: s.add("/pdf", b"%PDF-1.4", headers={"Content-Type": "application/pdf"}),
            "not an HTML page (the server sent application/pdf)",
        ),
        (lambda s: s.add("/untyped", PAGE, headers={}), "not an HTML page (the server sent no "),
        (lambda s: s.add("/slow", PAGE, delay=1.5), "no answer in time"),
        (lambda s: s.add("/trickle", PAGE, trickle=0.1), "no answer in time"),
        (lambda s: s.add("/big", "<p>" + "x" * 100_001), "over the limit of 100,000 bytes"),
        (lambda s: s.redirect("/loop", "/loop"), "more than 5 redirects"),
        (lambda s: s.redirect("/ftp", "ftp://files.example/a"), "redirects to not an http"),
        (
            lambda s: s.add("/app", "<html><body><script>x()</script></body></html>"),
            "no article text found",
        ),
    ],
    ids=[
        "404",
        "500",
        "json",
        "pdf",
        "no-type",
        "slow",
        "trickle",
        "too-big",
        "redirect-loop",
        "redirect-ftp",
        "empty-extraction",
    ],
)
def test_bad_fetch_is_one_clear_error(site, setup, message):
    url = setup(site)

    with pytest.raises(ArticleError, match=re.escape(message)) as error:
        article_from_url(url, limits=LIMITS)

    assert str(error.value).startswith(url)
    assert "\n" not in str(error.value)


def test_unreachable_port_is_an_error(closed_port):
    url = f"http://127.0.0.1:{closed_port}/story"

    with pytest.raises(FetchError, match=re.escape("could not connect (connection refused)")):
        fetch_page(url, limits=LIMITS)


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://files.example/a.txt", "not an http or https address"),
        ("http:///no-host", "no host name"),
        ("http://news.example:99999/", "port is not a number"),
        ("http://no-such-host.invalid/", "could not find the host"),
        ("http://[::1/", re.escape("not a valid address (Invalid IPv6 URL)")),
    ],
)
def test_addresses_that_cannot_be_fetched(url, message):
    with pytest.raises(FetchError, match=message):
        fetch_page(url, limits=FetchLimits(timeout=2, max_bytes=1000))


def test_private_addresses_are_refused_unless_allowed(site):
    url = site.add("/story", PAGE)
    public_only = FetchLimits(timeout=0.5, max_bytes=100_000)

    with pytest.raises(FetchError, match="private or local address"):
        fetch_page(url, limits=public_only)
    assert site.hits == []  # refused before connecting


def test_a_name_that_turns_private_after_the_check_is_refused_on_the_socket(site, monkeypatch):
    """DNS rebinding: the name resolves to a public address when the desk checks it, then to
    the desk's own network when the connection is made. The address the socket reached is
    checked again, so nothing is sent."""
    real_getaddrinfo = socket.getaddrinfo
    answers = []

    def rebinding(host, port, *args, **kwargs):
        if host != "rebind.example":
            return real_getaddrinfo(host, port, *args, **kwargs)
        first = not answers
        answers.append(host)
        address = "93.184.215.14" if first else "127.0.0.1"  # public, then loopback
        return real_getaddrinfo(address, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", rebinding)
    url = site.add("/story", PAGE).replace("127.0.0.1", "rebind.example")

    with pytest.raises(FetchError, match=re.escape("rebind.example is a private or local")):
        fetch_page(url, limits=FetchLimits(timeout=2, max_bytes=100_000))
    assert len(answers) == 2  # checked, then resolved again to connect
    assert site.hits == []


# IPv6 addresses that carry an IPv4 address inside them reach that IPv4 host: through a NAT64
# gateway, a 6to4 relay, or the host's own dual-stack socket.
EMBEDDED_PRIVATE = [
    "64:ff9b::7f00:1",  # NAT64, well-known prefix: 127.0.0.1
    "64:ff9b::a00:1",  # NAT64: 10.0.0.1
    "64:ff9b::a9fe:a9fe",  # NAT64: 169.254.169.254, the cloud metadata service
    "64:ff9b:1::7f00:1",  # NAT64, local-use prefix
    "2002:7f00:1::1",  # 6to4: 127.0.0.1
    "2002:c0a8:101::1",  # 6to4: 192.168.1.1
    "::ffff:127.0.0.1",  # IPv4-mapped
    "::ffff:0:a00:1",  # IPv4-translated: 10.0.0.1
    "::127.0.0.1",  # IPv4-compatible
    "::a9fe:a9fe",  # IPv4-compatible: 169.254.169.254
]


@pytest.mark.parametrize("address", EMBEDDED_PRIVATE)
def test_ipv6_addresses_that_embed_a_private_ipv4_are_refused(site, address):
    url = f"http://[{address}]:{site.server.server_address[1]}/story"

    with pytest.raises(FetchError, match="is a private or local address"):
        fetch_page(url, limits=FetchLimits(timeout=0.5, max_bytes=1000))
    assert site.hits == []


@pytest.mark.parametrize(
    ("address", "public"),
    [
        *[(address, False) for address in EMBEDDED_PRIVATE],
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("fd00::1", False),
        ("::1", False),
        ("8.8.8.8", True),
        ("2606:4700:4700::1111", True),
        ("64:ff9b::808:808", True),  # NAT64 to 8.8.8.8
        ("::ffff:8.8.8.8", True),
    ],
)
def test_an_address_is_public_only_when_every_ipv4_it_carries_is(address, public):
    assert is_public_address(ipaddress.ip_address(address)) is public
