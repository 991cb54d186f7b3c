"""What the API tests share: throttling set out of the way (one test turns it back on).
Published claims come from `publish` (tests/conftest.py)."""

import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def generous_throttle(settings):
    """Hundreds of requests a test must not trip the anonymous limit (the count lives in the
    process's cache, shared with the live server's thread)."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"},
    }
    cache.clear()
    yield
    cache.clear()
