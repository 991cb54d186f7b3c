"""Settings for tests that start the production server: factcheck/production.py over plain
HTTP on loopback, with a throttle low enough to reach in a test."""

from factcheck.production import *  # noqa: F403
from factcheck.production import REST_FRAMEWORK

SECURE_SSL_REDIRECT = False
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "10/hour"}}
