"""Production settings: everything in `factcheck.settings`, made safe for the open internet.

Use with DJANGO_SETTINGS_MODULE=factcheck.production (`make serve` does). It refuses to start
without a real SECRET_KEY, explicit ALLOWED_HOSTS (never "*") and a DATABASE_URL. The variables
it reads besides those of `factcheck.settings` are listed in docs/deployment.md.
"""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

from .cache import cache_from_url
from .settings import *  # noqa: F403
from .settings import (
    _DEVELOPMENT_SECRET_KEY,
    ALLOWED_HOSTS,
    MIDDLEWARE,
    SMTP_BACKEND,
    env_bool,
    mailer,
)

DEBUG = False
# Decided in factcheck.settings from the DEBUG of the environment, which may be unset here.
FACTCHECK_PAGE_CACHE_HEADER = env_bool("FACTCHECK_PAGE_CACHE_HEADER", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY or SECRET_KEY == _DEVELOPMENT_SECRET_KEY or len(set(SECRET_KEY)) < 5:
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a long random value (python -c 'import secrets; "
        "print(secrets.token_urlsafe(50))')."
    )
if len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be at least 50 characters long.")
if not os.environ.get("ALLOWED_HOSTS", "").strip():
    raise ImproperlyConfigured("Set ALLOWED_HOSTS to the host names this site answers to.")
# "*" would take any Host header: a request naming an attacker's host would get pages, cached
# under that host, whose absolute links (canonical URLs, feeds, the API's links) point there.
if "*" in ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS must name the hosts this site answers to; '*' would accept any."
    )
if not os.environ.get("DATABASE_URL", "").strip():
    raise ImproperlyConfigured("Set DATABASE_URL, e.g. postgres://user@host:5432/factcheck.")


# Shared by every worker: a local-memory cache would let each worker throttle, lock out and
# invalidate on its own.
CACHES = {
    "default": cache_from_url(
        os.environ.get("CACHE_URL", "db://factcheck_cache"),
        socket_timeout=float(os.environ.get("CACHE_SOCKET_TIMEOUT", "0.25")),
    )
}

# Static files served by the application itself, compressed, with hashed names cached forever.
MIDDLEWARE = [
    *MIDDLEWARE[: MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1],
    "whitenoise.middleware.WhiteNoiseMiddleware",
    *MIDDLEWARE[MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1 :],
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS only.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 3600)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("FACTCHECK_HSTS_PRELOAD", False)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
if env_bool("FACTCHECK_BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Preloading is a promise about the whole domain that is slow to take back, so it is the
# newsroom's choice (FACTCHECK_HSTS_PRELOAD), not a default; check --deploy would warn.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# Notifications go out by SMTP (EMAIL_HOST, ...), never to a worker's console.
MAILERS = {"default": mailer(os.environ.get("FACTCHECK_EMAIL_BACKEND", SMTP_BACKEND))}
