"""Whole-page caching of what readers see, dropped the moment the public record changes
(docs/adr/0003-one-page-cache-and-the-edge.md).

A cached page is kept with the *generation* token current when it was made, and served only
while that token is current. Anything that can change a public page replaces the token, so
readers see a correction on their next request, with no list of pages to purge.

Best-effort: while the cache cannot be reached, pages are made afresh and not kept, and changes
are saved all the same. Failures are logged to `claims.cache`, at most once a minute for each
kind, never raised. With the default local-memory cache each process has its own token, so
another process's change shows after at most FACTCHECK_PUBLIC_CACHE_SECONDS.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterable
from functools import reduce, wraps
from operator import or_

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.utils.translation import get_language
from redis.exceptions import RedisError

from .. import models
from ..feedback.models import DeskProfile

logger = logging.getLogger("claims.cache")
# What a cache that cannot be reached raises: Redis's errors, and the socket's own.
CACHE_ERRORS = (RedisError, OSError)
# An unreachable cache fails on every request: a log line for each would bury the rest.
FAILURE_LOG_INTERVAL = 60.0
_failures_logged_at: dict[str, float] = {}
GENERATION_KEY = "public-pages:generation"
# Versioned with the shape of what is kept, so that a deploy never reads the last release's.
KEY_PREFIX = "public-pages:v4"
ACCEPTS_GZIP = re.compile(r"\bgzip\b")  # as GZipMiddleware reads Accept-Encoding


def cache_failed(doing: str, error: Exception, level: int = logging.WARNING) -> None:
    """Log that the cache failed while `doing` something, unless that was logged lately."""
    now = time.monotonic()
    if now - _failures_logged_at.get(doing, -FAILURE_LOG_INTERVAL) >= FAILURE_LOG_INTERVAL:
        _failures_logged_at[doing] = now
        logger.log(level, "The cache failed while %s; going on without it: %r", doing, error)


def _try(doing: str, call: Callable, *args, level: int = logging.WARNING, **kwargs):
    """`call(*args, **kwargs)`, or None (logged) when the cache cannot be reached."""
    try:
        return call(*args, **kwargs)
    except CACHE_ERRORS as error:
        cache_failed(doing, error, level)
        return None


def generation() -> str | None:
    """The current token (made when there is none); None while the cache cannot be reached,
    and then nothing is served from it or kept in it."""
    doing, new = "reading the public pages' generation", lambda: uuid.uuid4().hex
    return _try(doing, cache.get_or_set, GENERATION_KEY, new, timeout=None)


def _new_generation() -> None:
    # Never raised: that would undo the change (this runs in the writer's transaction) or fail
    # a request whose change is committed (on commit). Cached pages expire on their own.
    doing, new = "dropping the cached public pages", uuid.uuid4().hex
    _try(doing, cache.set, GENERATION_KEY, new, timeout=None, level=logging.ERROR)


def invalidate() -> None:
    """Drop every cached public page, now and again when the current transaction commits: now,
    so the writer's own next read is fresh; on commit, because a page made by another request
    in between would still show the old data under the new token."""
    _new_generation()
    transaction.on_commit(_new_generation)


def remember[T](name: str, compute: Callable[[], T]) -> T:
    """A value derived from the public record (say, which topics have published claims), kept
    until the record changes, so that a page cache miss does not pay for it again."""
    key, token = f"{KEY_PREFIX}:memo:{name}", generation()
    found = token and _try("reading a value of the public record", cache.get, key)
    if found and found[0] == token:
        return found[1]
    value = compute()
    if token:  # kept no longer than a page, should dropping the pages have failed
        timeout = settings.FACTCHECK_PUBLIC_CACHE_SECONDS or None
        _try("keeping a value of the public record", cache.set, key, (token, value), timeout)
    return value


def _tell(response: HttpResponse, status: str) -> HttpResponse:
    # Only where allowed: to outsiders it would show when pages were last made, and so when the
    # public record changed.
    if settings.FACTCHECK_PAGE_CACHE_HEADER:
        response["X-Page-Cache"] = status
    return response


class _GzipOnce(GZipMiddleware):
    # No padding against BREACH: a cacheable answer sets no cookie and is the same for every
    # reader, so it holds no secret for that attack to guess.
    max_random_bytes = 0


def _gzipped(response: HttpResponse) -> tuple[list[tuple[str, str]], bytes] | None:
    """The headers and body GZipMiddleware would send a client that takes gzip, made once."""
    if response.has_header("Content-Encoding"):
        return None
    takes_gzip = HttpRequest()
    takes_gzip.META["HTTP_ACCEPT_ENCODING"] = "gzip"
    copy = HttpResponse(response.content, headers=response.items())
    copy = _GzipOnce(lambda request: copy).process_response(takes_gzip, copy)
    return (list(copy.items()), copy.content) if copy.has_header("Content-Encoding") else None


def cache_public_page(
    view: Callable[..., HttpResponse],
    *,
    admit: Callable[[HttpRequest], bool] | None = None,
    varies_by: Iterable[str] = (),
) -> Callable[..., HttpResponse]:
    """Serve a public view from the page cache: anonymous GET and HEAD requests only (staff
    see live pages, draft previews are never kept), and only 200s, kept under the whole
    address (scheme and host included), the language and the headers the view varies by, their
    gzipped body made once. A hit answers a conditional request with 304.

    `admit` is asked before a cached answer is sent (the API's throttle, which counts the
    request); a request it refuses goes to the view, which refuses it again in its own way (a
    429). `varies_by` names request headers whose values the answer depends on (the API's
    Accept), each value cached apart.
    """
    varies_by = tuple(varies_by)

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        # request.user costs a query only when a session cookie came with the request.
        if (
            request.method not in ("GET", "HEAD")
            or settings.FACTCHECK_PUBLIC_CACHE_SECONDS <= 0
            or (settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated)
        ):
            return view(request, *args, **kwargs)
        # Pages carry absolute links (canonical URL, JSON-LD, the API's links): one host's
        # answer must never be served for another.
        parts = [request.build_absolute_uri(), *(request.headers.get(h, "") for h in varies_by)]
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        key, token = f"{KEY_PREFIX}:page:{get_language()}:{digest}", generation()
        page = token and _try("reading a cached public page", cache.get, key)
        if page and page[0] == token and (admit is None or admit(request)):
            _, headers, body, gzipped = page
            if gzipped and ACCEPTS_GZIP.search(request.headers.get("Accept-Encoding", "")):
                headers, body = gzipped
            hit = _tell(HttpResponse(body, headers=headers), "hit")
            last_modified = hit.get("Last-Modified")
            last_modified = last_modified and parse_http_date_safe(last_modified)
            return get_conditional_response(
                request, etag=hit.get("ETag"), last_modified=last_modified, response=hit
            )
        response = view(request, *args, **kwargs)
        cache_control = response.get("Cache-Control", "")
        if response.status_code != 200 or response.streaming or response.cookies:
            return response
        if "private" in cache_control or "no-store" in cache_control:
            return response
        # Browsers and proxies may keep a page briefly but must ask again after that (the API's
        # answers say FACTCHECK_API_MAX_AGE themselves).
        if "max-age" not in cache_control:
            patch_cache_control(response, public=True, max_age=settings.FACTCHECK_PUBLIC_MAX_AGE)
        patch_vary_headers(response, ["Cookie"])
        if token:  # else the cache cannot be reached: made afresh, not kept
            if hasattr(response, "render"):
                response.render()  # the sitemap's TemplateResponse
            # With the token read before the view ran: a page made while the record changed
            # is never served as current.
            page = (token, list(response.items()), response.content, _gzipped(response))
            timeout = settings.FACTCHECK_PUBLIC_CACHE_SECONDS
            _try("storing a public page", cache.set, key, page, timeout)
            _tell(response, "miss")
        return response

    return cached_view


# --- what invalidates -------------------------------------------------------------------------

# Where a row shows on a public claim's page: lookups from the claim, each with the row's
# attribute it compares (a deleted row still knows its claim).
SHOWN_ON_CLAIMS = {
    "Claim": [("pk", "pk")],
    "Review": [("pk", "claim_id")],
    "Evidence": [("pk", "claim_id")],
    "Statement": [("statement", "pk")],
    # Claim pages name the speaker a statement quotes, too.
    "Speaker": [("statement__speaker", "pk"), ("statement__reported_speaker", "pk")],
    "Source": [("statement__source", "pk"), ("evidence__source", "pk")],
}
# The public record itself, and what pages show of every claim or on their own (topics,
# ratings and their scales, the methodology page).
ALWAYS_SHOWN = ["PublicationEntry", "Topic", "Rating", "RatingScale"]


def _on_record_change(sender, instance, action: str = "post_", **kwargs) -> None:
    """Publishing, correcting and withdrawing all write a PublicationEntry, so its signal covers
    every status change readers see (the transition's own UPDATE sends none). Edits to what a
    public page shows count too; edits to what only the newsroom sees (claims still in the
    works, their statements, speakers and sources) do not: dropping the cache for them would
    let outsiders watch, in the page cache's hits and misses, the desk at work."""
    if not action.startswith("post_"):  # a claim's topics: m2m_changed says pre_ and post_
        return
    lookups = SHOWN_ON_CLAIMS.get(type(instance).__name__)
    if lookups:
        shown_on = reduce(or_, (Q(**{field: getattr(instance, at)}) for field, at in lookups))
        if not models.Claim.objects.public().filter(shown_on).exists():
            return
    invalidate()


def connect_invalidation() -> None:
    shown = [getattr(models, name) for name in [*SHOWN_ON_CLAIMS, *ALWAYS_SHOWN]]
    # The About page (claims/feedback/) is a public page too.
    for model in [*shown, DeskProfile]:
        for signal in (post_save, post_delete):
            signal.connect(_on_record_change, model, dispatch_uid=f"pages-{model.__name__}")
    m2m_changed.connect(
        _on_record_change, sender=models.Claim.topics.through, dispatch_uid="pages-topics"
    )
