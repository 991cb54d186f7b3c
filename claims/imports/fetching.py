"""Fetching a web page for import: one GET with a time limit, a size cap and a record of what was
fetched (when, from where after redirects, and a hash of the bytes).

Plain Python (no Django): the limits come from the caller. requests does the HTTP; trafilatura
only ever sees the bytes fetched here, so it never goes to the network itself.

Addresses inside the desk's own network (loopback, private, link-local, and IPv6 addresses that
carry one of those IPv4 addresses, see `is_public_address`) are refused unless
`FetchLimits.allow_private` says otherwise, so that a URL typed into the admin cannot make the
server read its neighbours (SSRF). Every redirect hop is checked twice: its name is resolved
and refused with a clear message before connecting, and the address actually connected to is
checked again on the socket before a byte is sent, so a DNS server that changes its answer
between the two lookups (DNS rebinding) gets nothing. Through a proxy (HTTPS_PROXY and the
like) only the first check applies: the proxy is the operator's, and it is the one that
connects.
"""

from __future__ import annotations

import datetime
import hashlib
import ipaddress
import socket
import time
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import Message
from urllib.parse import urljoin, urlsplit

import requests
import urllib3
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from .articles import ArticleError

HTML_TYPES = ("text/html", "application/xhtml+xml")
USER_AGENT = "fact-check-desk/1.0 (article import)"
CHUNK_BYTES = 64 * 1024
# IPv6 prefixes whose addresses end in the IPv4 address they reach: NAT64's well-known prefix
# (RFC 6052), IPv4-translated (RFC 2765) and the deprecated IPv4-compatible (RFC 4291).
_IPV4_IN_LAST_32_BITS = tuple(
    ipaddress.IPv6Network(prefix) for prefix in ("64:ff9b::/96", "::ffff:0:0:0/96", "::/96")
)


class FetchError(ArticleError):
    """The page could not be fetched, or what came back is not an article page."""


class FetchUnavailable(FetchError):
    """The site could not be reached or answered with a passing trouble (no answer in time, a
    refused or broken connection, a 5xx or 429 status): the same fetch may work later, so a job
    tries it again; every other FetchError would fail the same way."""


@dataclass(frozen=True)
class Wanted:
    """What a fetch accepts: its content types, and how a refusal names them."""

    types: tuple[str, ...]
    name: str


HTML_PAGE = Wanted(HTML_TYPES, "an HTML page")
# Request headers that make a 304 Not Modified a valid answer.
CONDITIONAL_HEADERS = frozenset({"if-none-match", "if-modified-since"})

# Statuses that say "not now" rather than "not this page".
UNAVAILABLE_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})


@dataclass(frozen=True)
class FetchLimits:
    timeout: float
    max_bytes: int
    allow_private: bool = False
    max_redirects: int = 5


@dataclass(frozen=True)
class Fetched:
    """What one fetch brought back."""

    url: str  # as asked
    final_url: str  # after redirects
    status: int
    content_type: str
    charset: str | None
    body: bytes
    fetched_at: datetime.datetime
    sha256: str
    # Validators for the next conditional GET (a feed's poll).
    etag: str = ""
    last_modified: str = ""

    @property
    def not_modified(self) -> bool:
        return self.status == 304


def fetch_page(
    url: str,
    *,
    limits: FetchLimits,
    session: requests.Session | None = None,
    wanted: Wanted = HTML_PAGE,
    headers: Mapping[str, str] | None = None,
) -> Fetched:
    """GET an HTML page (or what `wanted` names), following redirects, within
    `limits.timeout` seconds in all. `headers` are added to the request.

    Raises FetchError with a one-line reason for anything that is not such a page of at most
    `limits.max_bytes` bytes answered with 200. When `headers` make the request conditional
    (If-None-Match, If-Modified-Since), a 304 is an answer too: `Fetched.not_modified`, no body.
    """
    check_fetchable(url)
    if session is None:
        with requests.Session() as own:
            if not limits.allow_private:
                own.mount("http://", _PublicPeersOnly())
                own.mount("https://", _PublicPeersOnly())
            return fetch_page(url, limits=limits, session=own, wanted=wanted, headers=headers)
    sent = {
        "User-Agent": USER_AGENT,
        "Accept": ",".join(wanted.types),
        **(headers or {}),
    }
    deadline = time.monotonic() + limits.timeout
    current = url
    for _hop in range(limits.max_redirects + 1):
        if not limits.allow_private:
            _refuse_private_address(url, current)
        response = _get(session, url, current, deadline, sent)
        with response:
            if response.is_redirect:
                location = response.headers.get("Location", "")
                current = urljoin(current, location)
                check_fetchable(current, original=url)
                continue
            if response.status_code == 304 and CONDITIONAL_HEADERS & {h.lower() for h in sent}:
                return _fetched(url, current, response, b"", content_type="", charset=None)
            return _read_page(url, current, response, limits, deadline, wanted)
    raise FetchError(f"{url}: more than {limits.max_redirects} redirects")


def check_fetchable(url: str, *, original: str | None = None) -> None:
    """Only http and https addresses with a host can be fetched."""
    name = original or url
    try:
        parts = urlsplit(url)
    except ValueError as error:  # an unclosed [ of an IPv6 host, and the like
        raise FetchError(f"{name}: not a valid address ({error})") from None
    if parts.scheme.lower() not in ("http", "https"):
        where = "redirects to" if original else "is"
        raise FetchError(f"{name}: {where} not an http or https address")
    try:
        parts.port  # noqa: B018 (raises for a port out of range)
    except ValueError:
        raise FetchError(f"{name}: the port is not a number from 0 to 65535") from None
    if not parts.hostname:
        raise FetchError(f"{name}: the address has no host name")


def _get(
    session: requests.Session, url: str, current: str, deadline: float, headers: dict[str, str]
) -> requests.Response:
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise FetchUnavailable(f"{url}: no answer in time (timed out)")
    try:
        return session.get(
            current,
            stream=True,
            allow_redirects=False,  # followed by hand, to check each hop and keep one deadline
            timeout=(remaining, remaining),
            headers=headers,
        )
    except _PrivatePeer as refused:
        raise FetchError(_private_address(url, refused.host, refused.address)) from None
    except requests.Timeout:
        raise FetchUnavailable(f"{url}: no answer in time (timed out)") from None
    except requests.ConnectionError as error:
        reason = _reason(error)
        # A name that does not exist stays so; a refused or reset connection may not.
        failure = FetchError if reason in PERMANENT_REASONS else FetchUnavailable
        raise failure(f"{url}: could not connect ({reason})") from None
    except requests.RequestException as error:
        raise FetchError(f"{url}: could not fetch ({_reason(error)})") from None


def _read_page(
    url: str,
    final_url: str,
    response: requests.Response,
    limits: FetchLimits,
    deadline: float,
    wanted: Wanted,
) -> Fetched:
    if response.status_code != 200:
        reason = f" {response.reason}" if response.reason else ""
        failure = FetchUnavailable if response.status_code in UNAVAILABLE_STATUSES else FetchError
        raise failure(f"{url}: the server answered {response.status_code}{reason}")
    header = Message()
    header["content-type"] = response.headers.get("Content-Type", "")
    content_type = header.get_content_type() if response.headers.get("Content-Type") else ""
    if content_type not in wanted.types:
        raise FetchError(
            f"{url}: not {wanted.name} (the server sent {content_type or 'no content type'})"
        )
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(
            f"{url}: {int(declared):,} bytes is over the limit of {limits.max_bytes:,} bytes"
        )
    body = bytearray()
    try:
        # read1 returns whatever one read brings (never waits to fill a chunk), so the deadline
        # is checked as the bytes arrive: the read timeout alone is per read, and a server
        # that trickles a byte at a time would never trip it.
        while chunk := response.raw.read1(CHUNK_BYTES, decode_content=True):
            body += chunk
            if len(body) > limits.max_bytes:
                raise FetchError(f"{url}: the page is over the limit of {limits.max_bytes:,} bytes")
            if time.monotonic() > deadline:
                raise FetchUnavailable(f"{url}: no answer in time (timed out)")
    except (requests.RequestException, urllib3.exceptions.HTTPError, OSError) as error:
        if "timed out" in str(error).lower():
            raise FetchUnavailable(f"{url}: no answer in time (timed out)") from None
        raise FetchUnavailable(f"{url}: the connection broke ({_reason(error)})") from None
    charset = header.get_param("charset") if response.headers.get("Content-Type") else None
    return _fetched(
        url,
        final_url,
        response,
        bytes(body),
        content_type=content_type,
        charset=str(charset) if charset else None,
    )


def _fetched(
    url: str,
    final_url: str,
    response: requests.Response,
    data: bytes,
    *,
    content_type: str,
    charset: str | None,
) -> Fetched:
    return Fetched(
        url=url,
        final_url=final_url,
        status=response.status_code,
        content_type=content_type,
        charset=charset,
        body=data,
        fetched_at=datetime.datetime.now(datetime.UTC),
        sha256=hashlib.sha256(data).hexdigest(),
        etag=response.headers.get("ETag", ""),
        last_modified=response.headers.get("Last-Modified", ""),
    )


def _refuse_private_address(url: str, current: str) -> None:
    parts = urlsplit(current)
    host = parts.hostname or ""
    port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        # EAI_AGAIN: the name server did not answer now; any other answer is final.
        failure = FetchUnavailable if error.errno == socket.EAI_AGAIN else FetchError
        raise failure(f"{url}: could not find the host {host}") from None
    except UnicodeError:
        raise FetchError(f"{url}: could not find the host {host}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%", 1)[0])
        if not is_public_address(address):
            raise FetchError(_private_address(url, host, address))


def is_public_address(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether an address is on the public internet, and so is every IPv4 address it carries.

    An IPv6 address can stand for an IPv4 host: IPv4-mapped (the host's own dual-stack socket),
    6to4 and Teredo (a relay), NAT64 (a gateway that translates it). ipaddress judges some of
    those prefixes as a whole (6to4, Teredo and the NAT64 local-use prefix are not global), but
    the NAT64 well-known prefix is global whatever the address inside it, so each IPv4 address
    an IPv6 address carries is judged on its own too.
    """
    if not address.is_global:
        return False
    if isinstance(address, ipaddress.IPv4Address):
        return True
    carried = [address.ipv4_mapped, address.sixtofour, *(address.teredo or ())]
    if any(address in prefix for prefix in _IPV4_IN_LAST_32_BITS):
        carried.append(ipaddress.IPv4Address(int(address) & 0xFFFF_FFFF))
    return all(ipv4.is_global for ipv4 in carried if ipv4 is not None)


def _private_address(url: str, host: str, address: object) -> str:
    return (
        f"{url}: {host} is a private or local address ({address}); the desk does not fetch "
        "from its own network"
    )


class _PrivatePeer(Exception):
    """A connection reached an address outside the public internet. Not an OSError, so that
    urllib3 neither retries it nor wraps it: it reaches `_get` as raised."""

    def __init__(self, host: str, address: ipaddress.IPv4Address | ipaddress.IPv6Address):
        super().__init__(f"{host} is at {address}")
        self.host, self.address = host, address


class _CheckedPeer:
    """A urllib3 connection that refuses its peer, once connected, unless it is a public
    address: the one the socket reached, whatever the name resolved to before."""

    def _new_conn(self):
        sock = super()._new_conn()
        address = ipaddress.ip_address(sock.getpeername()[0].split("%", 1)[0])
        if not is_public_address(address):
            sock.close()
            raise _PrivatePeer(self.host, address)
        return sock


class _CheckedHTTPConnection(_CheckedPeer, HTTPConnection):
    pass


class _CheckedHTTPSConnection(_CheckedPeer, HTTPSConnection):
    pass


class _CheckedHTTPConnectionPool(HTTPConnectionPool):
    ConnectionCls = _CheckedHTTPConnection


class _CheckedHTTPSConnectionPool(HTTPSConnectionPool):
    ConnectionCls = _CheckedHTTPSConnection


class _PublicPeersOnly(HTTPAdapter):
    """requests' adapter, its direct connections made by `_CheckedPeer` (a proxy's manager is
    made apart and keeps urllib3's own)."""

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = {
            "http": _CheckedHTTPConnectionPool,
            "https": _CheckedHTTPSConnectionPool,
        }


# Connection failures that trying again will not mend.
PERMANENT_REASONS = frozenset({"host not found", "the site's certificate is not valid"})


def _reason(error: Exception) -> str:
    """The innermost cause of a requests error, short: 'connection refused', 'name not found'."""
    text = str(error)
    lowered = text.lower()
    for needle, reason in (
        ("connection refused", "connection refused"),
        ("name or service not known", "host not found"),
        ("nodename nor servname", "host not found"),
        ("temporary failure in name resolution", "host not found"),
        ("no address associated", "host not found"),
        ("failed to resolve", "host not found"),
        ("certificate verify failed", "the site's certificate is not valid"),
        ("network is unreachable", "network unreachable"),
        ("connection reset", "connection reset"),
        ("remote end closed", "the server closed the connection"),
    ):
        if needle in lowered:
            return reason
    return error.__class__.__name__
