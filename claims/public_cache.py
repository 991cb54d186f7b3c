"""Whole-page caching of what readers see, dropped the moment the public record changes.

Every cached page is stored with the *generation* token that was current when it was made, and
is served only while that token is current. Anything that can change a public page
(publishing, correcting or withdrawing a claim, editing a public claim, its review or evidence,
a speaker, source or rating) replaces the token, so no page cached before is served again.
Readers therefore see a correction on their next request, with no list of pages to purge.

Only anonymous GET/HEAD requests are served from or stored in the cache: signed-in staff see
live pages, and a draft preview (staff only) is never stored. Only 200 answers are stored.

With a cache shared by all processes (factcheck/production.py), invalidation reaches
every worker at once. With the default local-memory cache each process has its own token, so
a change made by another process (a management command, a second worker) shows after at most
FACTCHECK_PUBLIC_CACHE_SECONDS.
"""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

GENERATION_KEY = "public-pages:generation"
PAGE_KEY_PREFIX = "public-pages:page"
MEMO_KEY_PREFIX = "public-pages:memo"


def generation() -> str:
    """The current token; a new one is made (and stored) when the cache has none."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add() keeps a token another process stored in the meantime.
        cache.add(GENERATION_KEY, token, timeout=None)
        token = cache.get(GENERATION_KEY, token)
    return token


def _new_generation() -> None:
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


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
    found = cache.get(key)
    if found is not None and found[0] == token:
        return found[1]
    value = compute()
    cache.set(key, (token, value), timeout=None)
    return value


def _page_key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{get_language()}:{path}"


def cacheable_request(request: HttpRequest) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    # Reading request.user costs a session query only when a session cookie came with the
    # request; readers without one are answered with no query at all.
    if settings.SESSION_COOKIE_NAME in request.COOKIES and request.user.is_authenticated:
        return False
    return settings.FACTCHECK_PUBLIC_CACHE_SECONDS > 0


def _cacheable_response(response: HttpResponse) -> bool:
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def lookup(request: HttpRequest) -> tuple[str, str, HttpResponse | None]:
    """(page key, current generation, the cached page if it is of this generation).

    One round trip to the cache for both: a page is stored with the generation it was made
    in, and is good only while that generation is current.
    """
    key = _page_key(request)
    found = cache.get_many([GENERATION_KEY, key])
    token = found.get(GENERATION_KEY) or generation()
    entry = found.get(key)
    if entry is None or entry[0] != token:
        return key, token, None
    _token, status, headers, content = entry
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    response["X-Page-Cache"] = "hit"
    return key, token, response


def store(key: str, token: str, response: HttpResponse) -> None:
    """Keep a rendered answer under `key`, as made in generation `token` (read before
    rendering, so that an answer rendered while the record changed is never served as
    current). Plain values, not the response: quicker to read back than an unpickled
    HttpResponse."""
    if _cacheable_response(response):
        entry = (token, response.status_code, list(response.items()), response.content)
        cache.set(key, entry, timeout=settings.FACTCHECK_PUBLIC_CACHE_SECONDS)


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public view from the page cache; see the module docstring."""

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not cacheable_request(request):
            return view(request, *args, **kwargs)
        key, token, response = lookup(request)
        if response is not None:
            return response
        response = view(request, *args, **kwargs)
        if not _cacheable_response(response):
            return response
        # Browsers and proxies may keep a page briefly but must ask again after that, so a
        # correction reaches readers within FACTCHECK_PUBLIC_MAX_AGE seconds at most.
        patch_cache_control(response, public=True, max_age=settings.FACTCHECK_PUBLIC_MAX_AGE)
        patch_vary_headers(response, ["Cookie"])
        if hasattr(response, "render") and not response.is_rendered:
            # Sitemaps answer a TemplateResponse.
            response.add_post_render_callback(lambda rendered: store(key, token, rendered))
        else:
            store(key, token, response)
        response["X-Page-Cache"] = "miss"
        return response

    return cached_view


# --- what invalidates -------------------------------------------------------------------------


def _claim_is_public(claim_id: int | None) -> bool:
    from .enums import PUBLIC_STATUSES
    from .models import Claim

    return Claim.objects.filter(pk=claim_id, status__in=PUBLIC_STATUSES).exists()


def _on_record_change(sender, instance, **kwargs) -> None:
    """Publishing, correcting and withdrawing all write a PublicationEntry, so its signal covers
    every status change readers see (the transition's own UPDATE sends none). Edits to a public
    claim, its reviews or evidence, and to anything pages show beside claims, count too; edits
    to claims still in the newsroom do not."""
    from .models import Claim, Evidence, Review

    if sender is Claim:
        public = _claim_is_public(instance.pk)
    elif sender in (Review, Evidence):
        public = _claim_is_public(instance.claim_id)
    else:
        public = True
    if public:
        invalidate()


def _on_topics_change(sender, instance, **kwargs) -> None:
    if kwargs.get("action", "").startswith("post_") and _claim_is_public(instance.pk):
        invalidate()


def connect_invalidation() -> None:
    from django.db.models.signals import m2m_changed, post_delete, post_save

    from . import models

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
