"""The cache every worker shares, as CACHE_URL names it, and Django's Redis cache keeping one
Redis client per connection pool.

Django's RedisCacheClient builds a new `redis.Redis` on every cache call, and building one
fills a table of some 170 response callbacks: about 0.1 ms each time here, three times per
throttled, cached API answer, a third of what serving that answer costs. The clients are kept
instead; they are safe to share, and Django keeps one cache object per thread anyway.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from django.core.exceptions import ImproperlyConfigured


def cache_from_url(url: str, *, socket_timeout: float) -> dict:
    """The CACHES entry for CACHE_URL. Redis is given `socket_timeout` seconds to connect and to
    answer each command: the cache is best-effort (claims/public/cache.py), and redis-py's own
    default, five seconds, would hold every request that long while Redis hangs."""
    parts = urlsplit(url)
    if parts.scheme in ("redis", "rediss"):
        return {
            "BACKEND": "factcheck.cache.ReusingRedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": socket_timeout, "socket_timeout": socket_timeout},
        }
    if parts.scheme == "db":
        table = (parts.netloc + parts.path).strip("/") or "factcheck_cache"
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    raise ImproperlyConfigured(f"CACHE_URL must start with redis:// or db://, not {url!r}.")


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            if index not in self._pools:
                self._pools[index] = self._pool_class.from_url(
                    self._servers[index], **self._pool_options
                )
            self._clients[index] = self._client(connection_pool=self._pools[index])
        return self._clients[index]


class ReusingRedisCache(RedisCache):
    def __init__(self, server, params) -> None:
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
