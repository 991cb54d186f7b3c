"""The Redis cache of the production settings (factcheck/cache.py) against a real Redis: Django's
own backend, with short socket timeouts."""

import socket
import uuid

import pytest

from factcheck.cache import cache_from_url
from tests.factcheck.redis_for_tests import OwnKeysRedisCache


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


def test_redis_is_djangos_own_backend_with_short_timeouts():
    config = cache_from_url("redis://127.0.0.1:6379/11", socket_timeout=0.25)

    assert config["BACKEND"] == "django.core.cache.backends.redis.RedisCache"
    assert config["OPTIONS"] == {"socket_connect_timeout": 0.25, "socket_timeout": 0.25}


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_it_stores_reads_counts_and_forgets():
    config = cache_from_url("redis://127.0.0.1:6379/11", socket_timeout=0.25)
    cache = OwnKeysRedisCache(
        config["LOCATION"], {"OPTIONS": config["OPTIONS"], "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    )
    try:
        cache.set("page", {"body": b"<html>", "etag": '"1"'}, 60)
        assert cache.get("page") == {"body": b"<html>", "etag": '"1"'}
        assert cache.add("hits", 1, 60) and not cache.add("hits", 5, 60)
        assert cache.incr("hits") == 2 and cache.decr("hits") == 1
        assert cache.get_many(["page", "hits", "missing"]).keys() == {"page", "hits"}
    finally:
        cache.clear()
