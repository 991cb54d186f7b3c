"""Whole-page caching of what readers see, dropped the moment the public record changes.

Every cached page is stored with the *generation* token that was current when it was made, and
is served only while that token is current. Anything that can change a public page
(publishing, correcting or withdrawing a claim, editing a public claim, its review or evidence,
a speaker, source or rating) replaces the token, so no page cached before is served again.
Readers therefore see a correction on their next request, with no list of pages to purge.

One layer, one decorator: `cache_public_page` wraps the public views and the API's views alike.
Only anonymous GET/HEAD requests are served from or stored in the cache: signed-in staff see
live pages, and a draft preview (staff only) is never stored. Only 200 answers are stored, under
the whole address (scheme and host included) and the language; the gzipped body is made once,
when the page is stored. A cached answer with an ETag or Last-Modified still answers a
conditional request with 304.

In production a proxy in front (deploy/nginx.conf) keeps answers for FACTCHECK_PUBLIC_MAX_AGE
seconds as their Cache-Control allows, so most readers never reach this layer; this one makes
what does reach Django cheap, and is what makes a correction show at once in Django.

With a cache shared by all processes (factcheck/production.py), invalidation reaches
every worker at once. With the default local-memory cache each process has its own token, so
a change made by another process (a management command, a second worker) shows after at most
FACTCHECK_PUBLIC_CACHE_SECONDS.

The cache is best-effort. While it cannot be reached (Redis down, or too slow to answer within
its socket timeout), pages are made afresh and not kept, and a change to the public record is
saved all the same: only dropping the cached pages fails, so pages cached before it may be
served until they expire, FACTCHECK_PUBLIC_CACHE_SECONDS after they were made. Failures are
logged to `claims.cache`, at most once a minute for each kind, never raised.
"""

from __future__ import annotations

import hashlib
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterable
from functools import wraps
from typing import NamedTuple

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import parse_http_date_safe
from django.utils.text import compress_string
from django.utils.translation import get_language
from redis.exceptions import RedisError

logger = logging.getLogger("claims.cache")

# What a cache that cannot be reached raises: Redis's errors (refused, timed out, closed), and
# the socket's own for any other backend that talks over the network.
CACHE_ERRORS = (RedisError, OSError)
# Seconds between two log lines about one kind of failure: an unreachable cache fails on every
# request, and a line for each would bury everything else in the log.
FAILURE_LOG_INTERVAL = 60.0
_failures_logged_at: dict[str, float] = {}

GENERATION_KEY = "public-pages:generation"
# Versioned with the shape of a stored page (StoredPage), so that a deploy never reads what
# the previous release stored.
PAGE_KEY_PREFIX = "public-pages:page:v3"
MEMO_KEY_PREFIX = "public-pages:memo"
# As GZipMiddleware reads Accept-Encoding.
ACCEPTS_GZIP = re.compile(r"\bgzip\b")


class StoredPage(NamedTuple):
    """A rendered answer as the cache keeps it: plain values, quicker to read back than an
    unpickled HttpResponse."""

    token: str  # the generation it was made in
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    gzipped: tuple[list[tuple[str, str]], bytes] | None  # headers and body, see _gzipped()


def cache_failed(doing: str, error: Exception, level: int = logging.WARNING) -> None:
    """Log that the cache failed while `doing` something, unless that was logged lately."""
    now = time.monotonic()
    last = _failures_logged_at.get(doing)
    if last is not None and now - last < FAILURE_LOG_INTERVAL:
        return
    _failures_logged_at[doing] = now
    logger.log(level, "The cache failed while %s; going on without it: %r", doing, error)


def generation() -> str | None:
    """The current token; a new one is made (and stored) when the cache has none. None when the
    cache cannot be reached: nothing is then served from it or kept in it."""
    try:
        token = cache.get(GENERATION_KEY)
        if token is None:
            token = uuid.uuid4().hex
            # add() keeps a token another process stored in the meantime.
            cache.add(GENERATION_KEY, token, timeout=None)
            token = cache.get(GENERATION_KEY, token)
    except CACHE_ERRORS as error:
        cache_failed("reading the public pages' generation", error)
        return None
    return token


def _new_generation() -> None:
    try:
        cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
    except CACHE_ERRORS as error:
        # Raising would undo the change itself (this runs inside the writer's transaction),
        # or fail a request whose change is already committed (on commit). Pages cached
        # before expire on their own.
        cache_failed("dropping the cached public pages", error, logging.ERROR)


def invalidate() -> None:
    """Drop every cached public page, now and again when the current transaction commits.

    Now, so the writer's own next read is fresh; on commit, because a page rendered by another
    request between now and the commit would still show the old data under the new token.
    """
    _new_generation()
    transaction.on_commit(_new_generation)


def remember[T](name: str, compute: Callable[[], T]) -> T:
    """A value derived from the public record (say, which topics have published claims), kept
    until the record changes, so that a page cache miss does not pay for it again."""
    key = f"{MEMO_KEY_PREFIX}:{name}"
    token = generation()
    if token is None:
        return compute()
    try:
        found = cache.get(key)
    except CACHE_ERRORS as error:
        cache_failed("reading a value of the public record", error)
        return compute()
    if found is not None and found[0] == token:
        return found[1]
    value = compute()
    try:
        # Kept no longer than a page: should dropping the pages have failed, a memo of the
        # old record goes with them.
        cache.set(key, (token, value), timeout=settings.FACTCHECK_PUBLIC_CACHE_SECONDS or None)
    except CACHE_ERRORS as error:
        cache_failed("keeping a value of the public record", error)
    return value


def tell_cache_status(response: HttpResponse, status: str) -> None:
    """Say in X-Page-Cache whether the answer came from the cache, where that is allowed: to
    outsiders it would show when pages were last made, and so when the record changed."""
    if settings.FACTCHECK_PAGE_CACHE_HEADER:
        response["X-Page-Cache"] = status


def page_key(request: HttpRequest, varies_by: Iterable[str] = ()) -> str:
    """The whole address, scheme and host included: pages carry absolute links (canonical URL,
    JSON-LD, the API's links), so one host's answer must never be served for another. With the
    values of the request headers `varies_by` names (the API's Accept)."""
    parts = [request.build_absolute_uri(), *(request.headers.get(h, "") for h in varies_by)]
    digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{get_language()}:{digest}"


def cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    # Reading request.user costs a session query only when a session cookie came with the
    # request; readers without one are answered with no query at all.
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return False
    return settings.FACTCHECK_PUBLIC_CACHE_SECONDS > 0


def cacheable_response(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def cached_page(request: HttpRequest, key: str, token: str) -> HttpResponse | None:
    """The page stored under `key` in generation `token`, if any, gzipped for a client that
    accepts it."""
    try:
        page = cache.get(key)
    except CACHE_ERRORS as error:
        cache_failed("reading a cached public page", error)
        return None
    if page is None or page.token != token:
        return None
    headers, body = page.headers, page.body
    if page.gzipped and ACCEPTS_GZIP.search(request.META.get("HTTP_ACCEPT_ENCODING", "")):
        headers, body = page.gzipped
    response = HttpResponse(body, status=page.status, headers=headers)
    tell_cache_status(response, "hit")
    return response


def _gzipped(response: HttpResponse) -> tuple[list[tuple[str, str]], bytes] | None:
    """The headers and body for every client that accepts gzip, made once, where GZipMiddleware
    would compress the answer, instead of on every hit. Without the middleware's random padding
    against BREACH: a cacheable answer sets no cookie and is the same for every reader, so it
    holds no secret for that attack to guess."""
    content = response.content
    if len(content) < 200 or response.has_header("Content-Encoding"):
        return None
    gzipped = compress_string(content)
    if len(gzipped) >= len(content):
        return None
    # What GZipMiddleware does to the fresh answer, and leaves alone once it is encoded.
    encoded = HttpResponse(gzipped, status=response.status_code, headers=dict(response.items()))
    patch_vary_headers(encoded, ["Accept-Encoding"])
    if encoded.get("ETag", "").startswith('"'):
        encoded["ETag"] = "W/" + encoded["ETag"]
    encoded["Content-Encoding"] = "gzip"
    return list(encoded.items()), gzipped


def store(key: str, token: str, response: HttpResponse) -> None:
    """Keep a rendered answer under `key`, as made in generation `token` (read before
    rendering, so that an answer rendered while the record changed is never served as
    current)."""
    if not cacheable_response(response):
        return
    page = StoredPage(
        token, response.status_code, list(response.items()), response.content, _gzipped(response)
    )
    try:
        cache.set(key, page, timeout=settings.FACTCHECK_PUBLIC_CACHE_SECONDS)
    except CACHE_ERRORS as error:
        cache_failed("storing a public page", error)


def answer_conditionally(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """A 304 where the request's If-None-Match or If-Modified-Since matches the cached answer
    (the API's carry an ETag and a Last-Modified), as the view itself would answer."""
    last_modified = response.get("Last-Modified")
    return get_conditional_response(
        request,
        etag=response.get("ETag"),
        last_modified=parse_http_date_safe(last_modified) if last_modified else None,
        response=response,
    )


def cache_public_page(
    view: Callable[..., HttpResponse],
    *,
    admit: Callable[[HttpRequest], bool] | None = None,
    varies_by: Iterable[str] = (),
) -> Callable[..., HttpResponse]:
    """Serve a public view from the page cache; see the module docstring.

    `admit` is asked before a cached answer is sent (the API's throttle, which counts the
    request); a request it refuses goes to the view, which refuses it again in its own way (a
    429). `varies_by` names request headers whose values the answer depends on, each value
    cached apart.
    """
    varies_by = tuple(varies_by)

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not cacheable_request(request):
            return view(request, *args, **kwargs)
        key = page_key(request, varies_by)
        token = generation()
        if token is not None:
            found = cached_page(request, key, token)
            if found is not None and (admit is None or admit(request)):
                return answer_conditionally(request, found)
        response = view(request, *args, **kwargs)
        if not cacheable_response(response):
            return response
        # Browsers and proxies may keep a page briefly but must ask again after that, so a
        # correction reaches readers within FACTCHECK_PUBLIC_MAX_AGE seconds at most (the
        # API's answers say FACTCHECK_API_MAX_AGE themselves).
        if "max-age" not in response.get("Cache-Control", ""):
            patch_cache_control(response, public=True, max_age=settings.FACTCHECK_PUBLIC_MAX_AGE)
        patch_vary_headers(response, ["Cookie"])
        if token is None:  # the cache cannot be reached: made afresh, not kept
            return response
        if hasattr(response, "render") and not response.is_rendered:
            # Sitemaps answer a TemplateResponse.
            response.add_post_render_callback(lambda rendered: store(key, token, rendered))
        else:
            store(key, token, response)
        tell_cache_status(response, "miss")
        return response

    return cached_view


# --- what invalidates -------------------------------------------------------------------------


def _shown_publicly(sender, instance) -> bool:
    """Whether a public page shows this row, so that editing it changes what readers see."""
    from ..enums import PUBLIC_STATUSES
    from ..models import Claim, Evidence, Review, Source, Speaker, Statement

    public_claims = Claim.objects.filter(status__in=PUBLIC_STATUSES)
    if sender is Claim:
        return public_claims.filter(pk=instance.pk).exists()
    if sender in (Review, Evidence):
        return public_claims.filter(pk=instance.claim_id).exists()
    if sender is Statement:
        return public_claims.filter(statement=instance.pk).exists()
    if sender is Speaker:
        # Claim pages name the speaker a statement quotes, too.
        return public_claims.filter(
            Q(statement__speaker=instance.pk) | Q(statement__reported_speaker=instance.pk)
        ).exists()
    if sender is Source:
        return (
            public_claims.filter(statement__source=instance.pk).exists()
            or Evidence.objects.filter(source=instance.pk, claim__in=public_claims).exists()
        )
    # The public record itself, and what pages show of every claim or on their own (topics,
    # ratings and their scales, the methodology page).
    return True


def _on_record_change(sender, instance, **kwargs) -> None:
    """Publishing, correcting and withdrawing all write a PublicationEntry, so its signal covers
    every status change readers see (the transition's own UPDATE sends none). Edits to what a
    public page shows count too; edits to what only the newsroom sees (claims still in the
    works, their statements, speakers and sources) do not: dropping the cache for them would
    let outsiders watch, in the page cache's hits and misses, the desk at work."""
    if _shown_publicly(sender, instance):
        invalidate()


def _on_topics_change(sender, instance, **kwargs) -> None:
    if kwargs.get("action", "").startswith("post_") and _shown_publicly(type(instance), instance):
        invalidate()


def connect_invalidation() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from .. import models

    shown_publicly = [
        models.PublicationEntry,
        models.Claim,
        models.Review,
        models.Evidence,
        models.Statement,
        models.Speaker,
        models.Source,
        models.Topic,
        models.Rating,
        models.RatingScale,
    ]
    for model in shown_publicly:
        uid = f"public-cache-{model.__name__}"
        post_save.connect(_on_record_change, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_on_record_change, sender=model, dispatch_uid=f"{uid}-delete")
    m2m_changed.connect(
        _on_topics_change, sender=models.Claim.topics.through, dispatch_uid="public-cache-topics"
    )
