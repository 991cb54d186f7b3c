"""Settings for bench/bench_load.py only: the production settings (factcheck/production.py), as
`make serve` runs them, with a bare view added and what plain HTTP on loopback needs."""

from factcheck.production import *  # noqa: F403
from factcheck.production import REST_FRAMEWORK

ROOT_URLCONF = "bench_urls"
# Loopback has no TLS: cookies must travel over plain HTTP for the admin's session.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
# The load comes from one address, so it must never be refused; the throttle still does its
# work, one round trip to the shared cache, on every API request.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000000/minute"}}
AXES_ENABLED = False  # the brute-force guard: not what is measured
