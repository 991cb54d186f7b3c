"""Settings for bench/bench_api.py only: the project as deployed, with bench_urls on top."""

from factcheck.settings import *  # noqa: F403
from factcheck.settings import REST_FRAMEWORK

DEBUG = False
# Persistent connections, as production runs (factcheck/settings.py sets them for PostgreSQL):
# a new SQLite connection per request re-reads the schema and starts with a cold page cache.
DATABASES["default"]["CONN_MAX_AGE"] = 600  # noqa: F405
ROOT_URLCONF = "bench_urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# The load comes from one address, so it must never be refused; the throttle still counts
# every API request, as in production.
REST_FRAMEWORK = {**REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "1000000000/minute"}}
