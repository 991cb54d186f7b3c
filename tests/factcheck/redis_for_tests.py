"""Django's Redis cache for tests that share one Redis database with tests running beside them
(pytest-xdist workers, other checkouts)."""

import redis
from django.core.cache.backends.redis import RedisCache


class OwnKeysRedisCache(RedisCache):
    """clear() deletes only this cache's keys (its KEY_PREFIX), where Django's would empty the
    whole database (FLUSHDB), counts of a test running beside it included."""

    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self.server_url = server

    def clear(self) -> bool:
        if not self.key_prefix:
            raise ValueError("give each test's cache a KEY_PREFIX of its own")
        with redis.Redis.from_url(self.server_url) as client:
            keys = list(client.scan_iter(match=f"{self.key_prefix}:*"))
            if keys:
                client.delete(*keys)
        return True
