"""The page cache's outermost layer: answers kept as they were sent, served before any middleware.

A page cached by `claims/public/cache.py` is found inside the view, so every middleware still
runs on the request and again on the cached answer (security headers, CSP, CORS, gzip, the
session and message machinery): under load a cached API answer cost a worker 0.69-0.74 ms of
CPU where a bare Django view cost 0.34-0.38; sent from here, 0.56-0.58 (the bare view 0.38-0.46
in those runs). `SentPagesMiddleware`, first in MIDDLEWARE, keeps in each process the answers
the page cache stored or served, exactly as they left the stack, and sends them again while
their generation is current, after letting the request in as the page's own layer would: the
API's throttle counts it, and the generation is read in the same round trip to the shared
cache. So the rules stay where they are: what is cached, and when it goes stale, is the page
cache's; this layer only skips the work that would give the same bytes again.

Only a GET without a session cookie and without conditional headers comes here; anything else
goes through the stack as before. An answer is kept only when the page cache stored or served
it in the same generation, under the key this layer computed (so the same address, host and
language), with status 200, no cookie set, no CSP nonce, and no `Vary: *`. An answer also
depends on the request headers its Vary names, so the kept copy is found by their values:
Accept (the API's media type parameters), Origin (CORS), Accept-Encoding (gzip, read as
GZipMiddleware reads it). Cookie is left out: without a session cookie no answer depends on one
(the page cache's own rule, `public_cache.cacheable_request`).

The first request for a page in each process goes through the stack and teaches this layer the
page's Vary and how requests for it are let in; the kept copies count against
FACTCHECK_PUBLIC_CACHE_LOCAL_BYTES apart from the page cache's own.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import NamedTuple

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.http import split_header_value

from . import cache as public_cache

# Pages whose Vary and way in this process knows; a plain dict, emptied when it grows this big.
MAX_SHAPES = 10_000


class SentPage(NamedTuple):
    token: str  # the generation it was made in
    status: int
    headers: list[tuple[str, str]]
    body: bytes

    @property
    def size(self) -> int:
        return len(self.body)


class Shape(NamedTuple):
    """What this layer learnt of a page from the first answer it saw."""

    vary: tuple[str, ...]  # the request headers its answers vary by, lowercased
    admit: Callable[[HttpRequest], str | None]  # lets a request in; its generation or None


sent_pages = public_cache.RecentPages()
_shapes: dict[str, Shape] = {}


class SentPagesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not _may_be_sent_again(request):
            return self.get_response(request)
        key = public_cache.page_key(request)
        shape = _shapes.get(key)
        if shape is not None:
            token = shape.admit(request)
            if token is None:  # refused by the throttle: the stack answers (429)
                return self.get_response(request)
            # The layers inside use this generation, and do not count the request again.
            request.page_cache_token = token
            found = sent_pages.get((key, _variant(request, shape.vary)), token)
            if found is not None:
                response = HttpResponse(found.body, status=found.status, headers=found.headers)
                public_cache.tell_cache_status(response, "hit")
                return response
        response = self.get_response(request)
        _keep(request, key, response)
        return response


def _may_be_sent_again(request: HttpRequest) -> bool:
    return (
        request.method == "GET"
        and settings.FACTCHECK_PUBLIC_CACHE_SECONDS > 0
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # Such requests go through the stack, which answers them (a 304 or the page).
        and not request.META.keys() & public_cache.CONDITIONAL_HEADERS
    )


def _keep(request: HttpRequest, key: str, response: HttpResponse) -> None:
    mark = getattr(response, "page_cache_mark", None)
    if (
        mark is None
        or mark.key != key
        or not public_cache.cacheable_response(response)
        or "nonce-" in response.get("Content-Security-Policy", "")
    ):
        return
    vary = tuple(header.lower() for header in split_header_value(response.get("Vary", "")))
    if "*" in vary:
        return
    if len(_shapes) >= MAX_SHAPES:
        _shapes.clear()
    _shapes[key] = Shape(vary, mark.admit)
    page = SentPage(mark.token, response.status_code, list(response.items()), response.content)
    sent_pages.put((key, _variant(request, vary)), page)


def _variant(request: HttpRequest, vary: tuple[str, ...]) -> Hashable:
    """The request headers the answer varies by, named, with their values as the stack reads
    them (named, so that answers with another Vary never share a key)."""
    meta = request.META
    values: list[tuple[str, object]] = []
    for header in vary:
        if header == "cookie":
            continue
        if header == "accept-encoding":
            encoding = meta.get("HTTP_ACCEPT_ENCODING", "")
            values.append((header, bool(public_cache.ACCEPTS_GZIP.search(encoding))))
        else:
            values.append((header, meta.get("HTTP_" + header.upper().replace("-", "_"))))
    return tuple(values)
