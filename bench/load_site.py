"""Settings for bench/bench_load.py only: the production settings (factcheck/production.py), as
`make serve` runs them behind nginx, with a bare view added and what plain HTTP on loopback
needs."""

from factcheck.production import *  # noqa: F403
from factcheck.production import REST_FRAMEWORK

ROOT_URLCONF = "bench_urls"
# Loopback has no TLS: cookies must travel over plain HTTP for the admin's session.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The load comes from one address, so it must never be refused, by Django or by nginx (whose
# API rate deploy/serve.py takes from here); the throttle still counts every API request that
# reaches Django, in the shared cache.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000000/minute"}}
AXES_ENABLED = False  # the brute-force guard: not what is measured
