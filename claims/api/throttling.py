"""Anonymous throttling: at most N requests per period from one client address.

The window slides, approximated from two fixed ones (as Cloudflare's rate limiting does): a
request is let through while the count of this period so far, plus the previous period's count
weighted by the share of it still within the last `duration` seconds, is under N. Only
requests let through are counted, so a client over the limit is back as soon as its rate falls.

DRF's own throttle keeps the time of every request in the period in one list, read, trimmed and
written back on each request: two round trips to the cache carrying up to N pickled times, and
two workers reading the same list both let a request through. Here, with Redis (CACHE_URL
redis://, as in production), a small server-side script checks and counts in one atomic round
trip. With another cache the same check is a read and an increment: exact in one process (the
local-memory cache), while the database cache may let a few extra requests through when
workers race, as DRF's throttle does everywhere.

With the cache unreachable, a request cannot be counted: it is let through, or refused when
FACTCHECK_THROTTLE_FAIL_OPEN is off, and the failure is logged (`public_cache.cache_failed`).

The rate is read when a request comes in: DRF's throttles copy it into a class attribute at
import, so a changed setting (tests, a deploy that sets FACTCHECK_API_THROTTLE_RATE) would not
reach them.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.http import HttpRequest
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from ..public.cache import CACHE_ERRORS, cache_failed

# KEYS: this period's count, the previous period's, then any keys to read as well. ARGV: the
# previous period's weight, the limit, how long a count is kept. Returns {1 if let through else
# 0, this period's count (this request included when let through), the previous period's
# count, then the values of the other keys when let through}.
_CHECK_AND_COUNT = """
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
local previous = tonumber(redis.call('GET', KEYS[2]) or '0')
if current + previous * tonumber(ARGV[1]) >= tonumber(ARGV[2]) then
    return {0, current, previous}
end
current = redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[3])
local result = {1, current, previous}
if #KEYS > 2 then
    for i, value in ipairs(redis.call('MGET', unpack(KEYS, 3))) do
        result[3 + i] = value
    end
end
return result
"""
_script = None
# How long a client refused because its requests cannot be counted is asked to wait: the cache
# may be back long before the period's end.
RETRY_UNCOUNTED = 10


@dataclass
class Count:
    allowed: bool
    retry_after: float | None = None  # seconds, when refused
    fetched: dict[str, Any] = field(default_factory=dict)  # the `fetch` keys found


def count_request(
    key: str, limit: int, duration: int, fetch: Sequence[str] = (), *, now: float
) -> Count:
    """Check a request against `limit` per `duration` seconds under `key`, count it if it goes
    through, and then also read the cache keys `fetch`: one round trip with Redis."""
    period = int(now // duration)
    elapsed = now - period * duration
    weight = 1 - elapsed / duration
    keys = [f"{key}:{period}", f"{key}:{period - 1}"]
    # Kept two periods: this one's count is the next one's previous.
    keep = 2 * duration
    cache = caches["default"]
    try:
        if isinstance(cache, RedisCache):
            allowed, current, previous, fetched = _in_redis(cache, keys, fetch, weight, limit, keep)
        else:
            allowed, current, previous, fetched = _in_any_cache(
                cache, keys, fetch, weight, limit, keep
            )
    except CACHE_ERRORS as error:
        cache_failed("counting an API request", error)
        if settings.FACTCHECK_THROTTLE_FAIL_OPEN:
            return Count(True)
        return Count(False, min(RETRY_UNCOUNTED, duration))
    if not allowed:
        return Count(False, seconds_until_allowed(current, previous, limit, duration, elapsed))
    return Count(True, fetched=fetched)


def _in_redis(cache: RedisCache, keys, fetch, weight: float, limit: int, keep: int):
    global _script
    # make_key(), not make_and_validate_key(): the check only warns of keys memcached would
    # refuse, walking each key in Python, and Redis takes any key.
    full_keys = [cache.make_key(key) for key in [*keys, *fetch]]
    # Django's Redis cache stores integers as plain numbers, so INCR and GET agree with it.
    client = cache._cache.get_client(full_keys[0], write=True)
    if _script is None:
        _script = client.register_script(_CHECK_AND_COUNT)
    allowed, current, previous, *values = _script(
        keys=full_keys, args=[repr(weight), limit, keep], client=client
    )
    if not allowed:
        return False, int(current), int(previous), {}
    loads = cache._cache._serializer.loads
    fetched = {
        key: loads(value) for key, value in zip(fetch, values, strict=True) if value is not None
    }
    return True, int(current), int(previous), fetched


def _in_any_cache(cache, keys, fetch, weight: float, limit: int, keep: int):
    found = cache.get_many([*keys, *fetch])
    current, previous = found.pop(keys[0], 0), found.pop(keys[1], 0)
    if current + previous * weight >= limit:
        return False, current, previous, {}
    if cache.add(keys[0], 1, keep):
        return True, 1, previous, found
    try:
        return True, cache.incr(keys[0]), previous, found
    except ValueError:  # expired between add() and incr()
        cache.set(keys[0], 1, keep)
        return True, 1, previous, found


def seconds_until_allowed(
    current: int, previous: int, limit: int, duration: int, elapsed: float
) -> float:
    """How long a refused client must wait, if it sends nothing meanwhile: until the previous
    period's weighted count has shrunk enough, or, when this period alone is at the limit,
    into the next period until this one's has."""
    if current < limit:
        # previous * (1 - (elapsed + t) / duration) < limit - current
        return duration * (1 - (limit - current) / previous) - elapsed
    return duration - elapsed + (duration * (1 - limit / current) if current else 0)


class AnonymousRateThrottle(AnonRateThrottle):
    retry_after: float | None = None

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def allow_request(self, request, view) -> bool:
        if getattr(request, "throttle_counted", False):  # see count_and_fetch()
            return True
        if self.rate is None:
            return True
        key = self.get_cache_key(request, view)
        if key is None:
            return True
        count = count_request(key, self.num_requests, self.duration, now=time.time())
        self.retry_after = count.retry_after
        return count.allowed

    def count_and_fetch(self, request: HttpRequest, fetch: Sequence[str]) -> Count:
        """Count an anonymous request before DRF sees it, reading the cache keys `fetch` in
        the same round trip (the API's cached answers, `views.ReadOnlyViewSet.as_view`). The
        request is marked, so that DRF's own check does not count it again."""
        if self.rate is None:
            try:
                return Count(True, fetched=caches["default"].get_many(fetch))
            except CACHE_ERRORS as error:
                cache_failed("reading the API's cached answers", error)
                return Count(True)
        key = self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}
        count = count_request(key, self.num_requests, self.duration, fetch, now=time.time())
        request.throttle_counted = count.allowed
        return count

    def wait(self) -> float | None:
        if self.retry_after is None:
            return None
        # DRF sends Retry-After rounded up; never 0, which would invite an immediate retry.
        return max(1.0, math.ceil(self.retry_after))
