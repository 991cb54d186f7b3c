"""Anonymous throttling, with the rate read when a request comes in.

DRF's throttles copy the rates into a class attribute at import, so a changed setting (tests,
a deploy that sets FACTCHECK_API_THROTTLE_RATE) would not reach them. Counts live in the
default cache: per process with the local-memory cache, shared once it is a shared one.
"""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonymousRateThrottle(AnonRateThrottle):
    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
