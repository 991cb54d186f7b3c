"""Anonymous throttling: at most N requests per period from one client address.

DRF's AnonRateThrottle, counting with the cache's atomic `incr` instead of a list of request
times read and written back (with which two workers both let a request through). The window
slides, approximated from two fixed ones: this period's count plus the previous period's,
weighted by how much of it is still within the last `duration` seconds. A refused request is
uncounted again, so a client is back as soon as its rate falls. The increment is atomic on
Redis and in one process, so concurrent requests never let more than N through.

With the cache unreachable, a request is let through, or refused when
FACTCHECK_THROTTLE_FAIL_OPEN is off, and the failure is logged. The rate is read per request:
DRF's throttles copy it into a class attribute at import.
"""

from __future__ import annotations

import math
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, BaseThrottle

from ..public.cache import CACHE_ERRORS, cache_failed

# How long a client refused because its requests cannot be counted is asked to wait: the cache
# may be back long before the period's end.
RETRY_UNCOUNTED = 10


def seconds_until_allowed(
    current: int, previous: int, limit: int, duration: int, elapsed: float
) -> float:
    """How long a refused client must wait if it sends nothing meanwhile: until the weighted
    count of the previous period (or, at the limit alone, of this one) has shrunk enough."""
    if current < limit:
        # previous * (1 - (elapsed + t) / duration) < limit - current
        return duration * (1 - (limit - current) / previous) - elapsed
    return duration - elapsed + (duration * (1 - limit / current) if current else 0)


def _count(key: str, keep: int) -> int:
    """This request, added to the count under `key`: the count with it. The count is there
    for all but a period's first request, so incr() comes first."""
    try:
        return cache.incr(key)
    except ValueError:
        if cache.add(key, 1, keep):
            return 1
        return cache.incr(key)  # another worker's request came first


class AnonymousRateThrottle(AnonRateThrottle):
    retry_after: float | None = None

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_cache_key(self, request, view) -> str:
        # The API has no sign-in: every client is known by its address alone.
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view) -> bool:
        if self.rate is None:
            return True
        limit, duration = self.num_requests, self.duration
        now = time.time()
        period = int(now // duration)
        elapsed = now - period * duration
        key = self.get_cache_key(request, view)
        current_key, previous_key = f"{key}:{period}", f"{key}:{period - 1}"
        try:
            previous = cache.get(previous_key, 0)
            # Kept two periods: this one's count is the next one's previous.
            current = _count(current_key, 2 * duration)
            if current - 1 + previous * (1 - elapsed / duration) < limit:
                return True
            cache.decr(current_key)
        except ValueError:  # expired before decr(): nothing left to take back
            pass
        except CACHE_ERRORS as error:
            cache_failed("counting an API request", error)
            if settings.FACTCHECK_THROTTLE_FAIL_OPEN:
                return True
            self.retry_after = min(RETRY_UNCOUNTED, duration)
            return False
        self.retry_after = seconds_until_allowed(current - 1, previous, limit, duration, elapsed)
        return False

    def wait(self) -> float | None:
        if self.retry_after is None:
            return None
        # DRF sends Retry-After rounded up; never 0, which would invite an immediate retry.
        return max(1.0, math.ceil(self.retry_after))


def throttle_counts(request: HttpRequest) -> bool:
    """Whether the throttle lets a request for a cached answer through, counting it as a fresh
    one (`public_cache.cache_public_page` asks); DRF's own check then refuses it with a 429."""
    return AnonymousRateThrottle().allow_request(request, None)


def client_address(request: HttpRequest) -> str | None:
    """The client's address as the throttle knows it: the connection's, or behind the
    FACTCHECK_TRUSTED_PROXIES proxies (nginx, deploy/nginx.conf) the one they saw. The login
    lock-outs use it too (AXES_CLIENT_IP_CALLABLE), else behind a proxy every login would come
    from the proxy's address and one attacker would lock a username out for everyone."""
    return BaseThrottle().get_ident(request)
