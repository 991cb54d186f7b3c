"""The Redis cache of the production settings (factcheck/cache.py) against a real Redis: it
behaves as Django's, with one client kept per connection pool instead of one per call."""

import socket
import uuid

import pytest

from factcheck.cache import ReusingRedisCache


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


pytestmark = pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")


@pytest.fixture
def cache():
    cache = ReusingRedisCache(
        "redis://127.0.0.1:6379/11", {"KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    )
    yield cache
    cache.clear()


def test_it_stores_reads_counts_and_forgets_like_djangos(cache):
    cache.set("page", {"body": b"<html>", "etag": '"1"'}, 60)
    assert cache.get("page") == {"body": b"<html>", "etag": '"1"'}
    assert cache.add("hits", 1, 60) and not cache.add("hits", 5, 60)
    assert cache.incr("hits") == 2
    assert cache.get_many(["page", "hits", "missing"]).keys() == {"page", "hits"}
    cache.delete_many(["page", "hits"])
    assert cache.get("page") is None and cache.get("hits") is None


def test_one_client_serves_every_call(cache):
    client = cache._cache.get_client()

    cache.set("a", 1)
    cache.get("a")

    assert cache._cache.get_client(write=True) is client
    assert cache._cache.get_client() is client
