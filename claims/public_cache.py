"""Whole-page caching of what readers see, dropped the moment the public record changes.

Every cached page is stored under a key that carries the current *generation* token. Anything
that can change a public page (publishing, correcting or withdrawing a claim, editing a public
claim, its review or evidence, a speaker, source or rating) replaces the token, so no page
cached before is read again; the old entries simply expire. Readers therefore see a correction
on their next request, with no list of pages to purge.

Only anonymous GET/HEAD requests are served from or stored in the cache: signed-in staff see
live pages, and a draft preview (staff only) is never stored. Only 200 answers are stored.

With a cache shared by all processes (issue 8's production settings), invalidation reaches
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


def _page_key(request: HttpRequest) -> str:
    path = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"{PAGE_KEY_PREFIX}:{generation()}:{get_language()}:{path}"


def _cacheable_request(request: HttpRequest) -> bool:
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
        and "private" not in cache_control
        and "no-store" not in cache_control
    )


def cache_public_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a public view from the page cache; see the module docstring."""

    @wraps(view)
    def cached_view(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not _cacheable_request(request):
            return view(request, *args, **kwargs)
        key = _page_key(request)
        response = cache.get(key)
        if response is not None:
            response["X-Page-Cache"] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if not _cacheable_response(response):
            return response
        # Browsers and proxies may keep a page briefly but must ask again after that, so a
        # correction reaches readers within FACTCHECK_PUBLIC_MAX_AGE seconds at most.
        patch_cache_control(response, public=True, max_age=settings.FACTCHECK_PUBLIC_MAX_AGE)
        patch_vary_headers(response, ["Cookie"])

        def store(rendered: HttpResponse) -> None:
            cache.set(key, rendered, timeout=settings.FACTCHECK_PUBLIC_CACHE_SECONDS)

        if hasattr(response, "render") and not response.is_rendered:
            response.add_post_render_callback(store)  # sitemaps answer a TemplateResponse
        else:
            store(response)
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
