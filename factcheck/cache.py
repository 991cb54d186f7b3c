"""The cache every worker shares, as CACHE_URL names it."""

from __future__ import annotations

from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured


def cache_from_url(url: str, *, socket_timeout: float) -> dict:
    """The CACHES entry for CACHE_URL. Redis is given `socket_timeout` seconds to connect and to
    answer each command: the cache is best-effort (claims/public/cache.py), and redis-py's own
    default, five seconds, would hold every request that long while Redis hangs."""
    parts = urlsplit(url)
    if parts.scheme in ("redis", "rediss"):
        return {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": url,
            "OPTIONS": {"socket_connect_timeout": socket_timeout, "socket_timeout": socket_timeout},
        }
    if parts.scheme == "db":
        table = (parts.netloc + parts.path).strip("/") or "factcheck_cache"
        return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": table}
    raise ImproperlyConfigured(f"CACHE_URL must start with redis:// or db://, not {url!r}.")
