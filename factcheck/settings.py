"""Settings for the fact-check desk. Everything that differs between machines is read from the
environment here, and only here; docs/deployment.md lists every variable with its default.
"""

from __future__ import annotations

import datetime
import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent

# A key that says what it is, so it is never mistaken for a real one.
_DEVELOPMENT_SECRET_KEY = "insecure-development-key-never-use-in-production"


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment when DEBUG is off.")
    SECRET_KEY = _DEVELOPMENT_SECRET_KEY
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    # Django's admin with the desk's site: a home per person as its index (factcheck/admin.py).
    "factcheck.apps.DeskAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "simple_history",
    "corsheaders",
    "rest_framework",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    # The database queue's table, its worker (db_worker) and its pruning command.
    "django_tasks_db",
    "claims",
    # Background work: the workers' heartbeats and the jobs' admin (claims/jobs/).
    "claims.jobs",
    # The outlets' feeds, polled by the workers (claims/monitoring/).
    "claims.monitoring",
    # Each claim's vector and the shared index file (claims/matching/).
    "claims.matching",
    # Readers' messages (a claim to check, an error) and the About page (claims/feedback/).
    "claims.feedback",
    # Other fact-checkers' verdicts, imported from their ClaimReview (claims/external/).
    "claims.external",
    # Comments on claims and notifications (claims/discussion/).
    "claims.discussion",
]

MIDDLEWARE = [
    # First, so that even a response made by a later middleware carries the CORS headers.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything that reads or changes the body; it also weakens ETags as RFC 9110 asks.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The readers' pages' language: from the address (/uk/, /fr/; English unprefixed), and at
    # the root from Accept-Language (claims/public/languages.py). The admin and API stay English.
    "claims.public.languages.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Tells field-level history which user made a change in the admin.
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it answers locked-out logins.
    "axes.middleware.AxesMiddleware",
]

# --- security that holds in every environment ------------------------------------------------

# No inline script anywhere (the admin workspace and the badges load theirs from files), no
# plugins, no framing, no <base> tricks, forms post only here. Inline style only where Django's
# admin marks a <style> block with the response's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"

# Brute force on the admin login (django-axes): after FACTCHECK_LOGIN_FAILURE_LIMIT failures
# for one username from one address, that pair is locked for the cool-off time. Locking the
# pair, not the username, keeps the real user able to log in from elsewhere.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("FACTCHECK_LOGIN_FAILURE_LIMIT", "5"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = datetime.timedelta(
    minutes=int(os.environ.get("FACTCHECK_LOGIN_COOLOFF_MINUTES", "15"))
)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin/locked_out.html"
# The address the API throttle counts: behind a proxy, the one it saw (FACTCHECK_TRUSTED_PROXIES).
AXES_CLIENT_IP_CALLABLE = "claims.api.throttling.client_address"

ROOT_URLCONF = "factcheck.urls"
WSGI_APPLICATION = "factcheck.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "claims.public.context_processors.desk",
                "claims.public.context_processors.languages",
            ],
        },
    },
    {
        # Only the claim cards (docs/adr/0010-claim-cards-in-jinja2.md); everything else is a
        # Django template.
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {
            "environment": "claims.public.jinja2.environment",
            "extensions": ["jinja2.ext.i18n"],
        },
    },
]


# psycopg prepares a statement itself after this many runs; its `prepare=True` works only
# where this is not None.
NEVER_BY_COUNT = 2**62


def database_from_url(url: str) -> dict:
    config = dj_database_url.parse(url)
    if config["ENGINE"] == "django.db.backends.sqlite3":
        # IMMEDIATE takes the write lock at BEGIN, so concurrent writers queue instead of
        # failing with "database is locked" mid-transaction.
        config["OPTIONS"] = {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
        # Tests use a file too: an in-memory database shares one cache between connections
        # and locks whole tables, so concurrency tests would not see what production sees.
        # It sits beside the configured database (db.sqlite3 -> test_db.sqlite3), so two
        # checkouts or runs with different DATABASE_URLs never share one.
        database = Path(config["NAME"])
        config["TEST"] = {"NAME": str(database.with_name(f"test_{database.name}"))}
    else:
        # Persistent connections: without them each request pays for a new connection.
        config["CONN_MAX_AGE"] = 60
        config["CONN_HEALTH_CHECKS"] = True
        # Parameters sent apart from the SQL, not written into it by psycopg in Python.
        # Statements are prepared only where the code asks, for the explicit SQL reads
        # (claims/db/sql.py), never by psycopg after some number of runs: a plan kept for one
        # search term could be disastrous for another (a newest-first scan for a rare word
        # reads every claim). DATABASE_PREPARE=0 turns preparing off, for PgBouncer before 1.21
        # in transaction mode.
        config.setdefault("OPTIONS", {}).update(
            server_side_binding=True,
            prepare_threshold=NEVER_BY_COUNT if env_bool("DATABASE_PREPARE", True) else None,
        )
    return config


DATABASES = {
    "default": database_from_url(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
# The languages of the readers' pages (docs/public-pages.md#languages), each named in itself.
LANGUAGES = [("en", "English"), ("uk", "Українська"), ("fr", "Français")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Local memory by default; production settings use a cache shared by all workers.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

# The desk's rules that a newsroom may tune.
# Largest article file the desk reads (suggest_claims, imports), in bytes.
FACTCHECK_MAX_ARTICLE_BYTES = int(os.environ.get("FACTCHECK_MAX_ARTICLE_BYTES", str(2_000_000)))
# A form's fields other than files (a pasted article, sent unencoded in the import's multipart
# form) may be that large and some more, so that a paste over the article limit reaches the
# form and gets its "over the limit" message; bigger requests get templates/400.html.
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2_621_440, FACTCHECK_MAX_ARTICLE_BYTES + 512 * 1024)
# A batch uploaded in the admin (JSONL, or a zip of articles, counted unpacked), in bytes, and
# the most files a zip may hold; each article in it is held to the article limit as well.
FACTCHECK_MAX_BATCH_BYTES = int(os.environ.get("FACTCHECK_MAX_BATCH_BYTES", str(20_000_000)))
FACTCHECK_MAX_BATCH_FILES = int(os.environ.get("FACTCHECK_MAX_BATCH_FILES", "1000"))
# Seconds an import may spend fetching one page, redirects included.
FACTCHECK_FETCH_TIMEOUT = float(os.environ.get("FACTCHECK_FETCH_TIMEOUT", "20"))
# Imports refuse URLs on loopback, private and link-local addresses (a URL typed into the admin
# must not make the server read its own network); "1" allows them, e.g. for an intranet.
FACTCHECK_FETCH_PRIVATE_ADDRESSES = env_bool("FACTCHECK_FETCH_PRIVATE_ADDRESSES", False)
FACTCHECK_ORGANIZATION = os.environ.get("FACTCHECK_ORGANIZATION", "Demo Fact-Check Desk")
# The desk's home page, named as the author of its ClaimReviews (default: this site's root).
FACTCHECK_ORGANIZATION_URL = os.environ.get("FACTCHECK_ORGANIZATION_URL", "")
# Readers' messages (claims/public/feedback.py) one client address may send in an hour.
FACTCHECK_READER_MESSAGES_PER_HOUR = int(os.environ.get("FACTCHECK_READER_MESSAGES_PER_HOUR", "5"))
# Whether claim pages name the fact-checker and reviewers of a verdict (their full names, as
# set on their accounts); off, the byline names the desk alone. Staff names are private unless
# the organisation chooses to show them.
FACTCHECK_PUBLIC_BYLINES = env_bool("FACTCHECK_PUBLIC_BYLINES", False)
# A review is approved once this many reviewers approve it ...
FACTCHECK_APPROVALS_REQUIRED = int(os.environ.get("FACTCHECK_APPROVALS_REQUIRED", "1"))
# ... out of a panel of this many: it goes back to research once enough reviewers have asked for
# changes that the approvals can no longer be reached. PolitiFact-style: panel 3, approvals 2.
FACTCHECK_REVIEW_PANEL = int(
    os.environ.get("FACTCHECK_REVIEW_PANEL", str(FACTCHECK_APPROVALS_REQUIRED))
)
# A correction the reviewers signed off waits for an editor to publish it, like a first
# verdict; off, the reviewers' approval publishes it.
FACTCHECK_CORRECTIONS_NEED_EDITOR = env_bool("FACTCHECK_CORRECTIONS_NEED_EDITOR", True)
# PostgreSQL's text search configuration for the desk's language (stemming, stop words);
# SQLite's index uses the Porter (English) stemmer.
FACTCHECK_SEARCH_CONFIG = os.environ.get("FACTCHECK_SEARCH_CONFIG", "english")
# Public pages are cached until the public record changes, and at most this long (seconds).
FACTCHECK_PUBLIC_CACHE_SECONDS = int(os.environ.get("FACTCHECK_PUBLIC_CACHE_SECONDS", "300"))
FACTCHECK_PUBLIC_MAX_AGE = int(os.environ.get("FACTCHECK_PUBLIC_MAX_AGE", "60"))
# X-Page-Cache (hit or miss) helps whoever tunes the cache, and tells outsiders when pages were
# last made, and so when the public record changed: off unless asked for, or in development.
FACTCHECK_PAGE_CACHE_HEADER = env_bool("FACTCHECK_PAGE_CACHE_HEADER", DEBUG)
# A source's suggestions from this check-worthiness (0 to 1) are in the daily digest and are
# matched against the desk's claims when it arrives (claims/arrival.py) ...
FACTCHECK_CHECKWORTHY_SCORE = float(os.environ.get("FACTCHECK_CHECKWORTHY_SCORE", "0.5"))
# ... and one matching a claim the desk published or is checking (FACTCHECK_MATCH_SUGGEST)
# raises an alert.

# --- The read-only API (claims/api/) -----------------------------------------------------------
# Anonymous requests per client address; the counts live in the default cache.
FACTCHECK_API_THROTTLE_RATE = os.environ.get("FACTCHECK_API_THROTTLE_RATE", "600/minute")
# X-Forwarded-For is written by whoever sends the request: only the entries the site's own
# proxies appended can be believed, and without a proxy none can (a client would choose its own
# address, escaping the limit or spending another client's).
FACTCHECK_TRUSTED_PROXIES = int(os.environ.get("FACTCHECK_TRUSTED_PROXIES", "0"))
# With the cache unreachable no request can be counted: let them through (the API stays up,
# unthrottled, and the failure is logged) or refuse them all with 429.
FACTCHECK_THROTTLE_FAIL_OPEN = env_bool("FACTCHECK_THROTTLE_FAIL_OPEN", True)
# How long shared caches and browsers may keep an API answer, in seconds.
FACTCHECK_API_MAX_AGE = int(os.environ.get("FACTCHECK_API_MAX_AGE", "60"))

REST_FRAMEWORK = {
    # Anonymous and read-only: no sessions, so no CSRF and no per-user answers to cache apart.
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["claims.api.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_THROTTLE_CLASSES": ["claims.api.throttling.AnonymousRateThrottle"],
    "DEFAULT_THROTTLE_RATES": {"anon": FACTCHECK_API_THROTTLE_RATE},
    "NUM_PROXIES": FACTCHECK_TRUSTED_PROXIES,
    "DEFAULT_SCHEMA_CLASS": "claims.api.schema.APIAutoSchema",
    "EXCEPTION_HANDLER": "claims.api.exceptions.exception_handler",
    # `format` would be a parameter outside the schema; JSON is the only format anyway.
    "URL_FORMAT_OVERRIDE": None,
}

SPECTACULAR_SETTINGS = {
    "TITLE": "Fact-check desk API",
    "DESCRIPTION": (
        "Read-only, published data only: claims with their verdicts, evidence and public record, "
        "speakers with their record, sources, the rating scales, corrections, a schema.org "
        "ClaimReview feed and a Google Fact Check Tools-shaped search. Pages walk by cursor; "
        "answers carry ETag and Last-Modified for conditional requests."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # The docs page loads Swagger UI from drf-spectacular-sidecar's static files, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Choices stay inline: the default hook would name the ClaimReview constants "@type..."
    # components, which are not valid component names.
    "POSTPROCESSING_HOOKS": ["claims.api.schema.rating_slugs_enum"],
}

# Any site may read the API from a browser; nothing else gets CORS headers.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/api/.*$"
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Retry-After"]

# --- Background work (claims/jobs/, docs/background-work.md) -----------------------------------
# Every job is written against django.tasks, so where jobs wait is this setting alone.
FACTCHECK_TASKS_BACKEND = os.environ.get("FACTCHECK_TASKS_BACKEND", "database").strip().lower()
FACTCHECK_TASKS_REDIS_URL = os.environ.get("FACTCHECK_TASKS_REDIS_URL", "redis://127.0.0.1:6379/0")
FACTCHECK_JOB_TIME_LIMIT = float(os.environ.get("FACTCHECK_JOB_TIME_LIMIT", "300"))
FACTCHECK_JOB_ATTEMPTS = int(os.environ.get("FACTCHECK_JOB_ATTEMPTS", "3"))
FACTCHECK_JOB_RETRY_DELAY = float(os.environ.get("FACTCHECK_JOB_RETRY_DELAY", "30"))
FACTCHECK_WORKER_HEARTBEAT = float(os.environ.get("FACTCHECK_WORKER_HEARTBEAT", "10"))
FACTCHECK_WORKER_LOST_AFTER = float(os.environ.get("FACTCHECK_WORKER_LOST_AFTER", "60"))
FACTCHECK_JOBS_KEEP_DAYS = int(os.environ.get("FACTCHECK_JOBS_KEEP_DAYS", "14"))
FACTCHECK_FAILED_JOBS_KEEP_DAYS = int(os.environ.get("FACTCHECK_FAILED_JOBS_KEEP_DAYS", "30"))
FACTCHECK_FEEDS_POLL_EVERY = float(os.environ.get("FACTCHECK_FEEDS_POLL_EVERY", "60"))
FACTCHECK_FEED_HOST_INTERVAL = float(os.environ.get("FACTCHECK_FEED_HOST_INTERVAL", "1"))

# Matching by meaning (claims/matching/conf.py says what each is; docs/deployment.md).
FACTCHECK_MATCHING_MODEL = os.environ.get("FACTCHECK_MATCHING_MODEL", "")
FACTCHECK_MATCHING_INDEX_PATH = os.environ.get(
    "FACTCHECK_MATCHING_INDEX_PATH", str(BASE_DIR / "var" / "matching" / "claims.usearch")
)
FACTCHECK_MATCHING_RECHECK = float(os.environ.get("FACTCHECK_MATCHING_RECHECK", "5"))
FACTCHECK_MATCHING_REBUILD_SHARE = float(os.environ.get("FACTCHECK_MATCHING_REBUILD_SHARE", "0.2"))
# "auto": search the vectors with pgvector when the PostgreSQL server has it (installed after
# migrate, claims/matching/pgvector.py), else with the index file; "off": the file always.
FACTCHECK_MATCHING_PGVECTOR = os.environ.get("FACTCHECK_MATCHING_PGVECTOR", "auto")
# Hybrid matching (claims/matching/hybrid.py): a match scoring this much (0 to 1) is shown to
# the editor and raises an alert ...
FACTCHECK_MATCH_SUGGEST = float(os.environ.get("FACTCHECK_MATCH_SUGGEST", "0.65"))
# ... and one scoring this much, with the same figures and a wording of at least this many
# content words, is linked as a repeat by itself, with one action to undo it.
FACTCHECK_MATCH_LINK = float(os.environ.get("FACTCHECK_MATCH_LINK", "0.95"))
FACTCHECK_MATCH_LINK_MIN_WORDS = int(os.environ.get("FACTCHECK_MATCH_LINK_MIN_WORDS", "6"))
# How much a two-year-old claim's rank is lowered against a new one's (0: by score alone).
FACTCHECK_MATCH_AGE_PENALTY = float(os.environ.get("FACTCHECK_MATCH_AGE_PENALTY", "0.03"))
# What each worker's housekeeping runs, and how often in seconds (0: never): a task, called in
# the housekeeping thread itself (it only queues jobs, so it needs no job of its own).
FACTCHECK_WORKER_PERIODIC = {
    "claims.monitoring.tasks.poll_due_feeds": FACTCHECK_FEEDS_POLL_EVERY,
    "claims.discussion.tasks.notify_overdue": float(
        os.environ.get("FACTCHECK_OVERDUE_CHECK_EVERY", "300")
    ),
}

# --- External fact-checks (claims/external/, docs/external-fact-checks.md) ----------------------
# The external checks' index file; empty: `external.usearch` beside the claims' index.
FACTCHECK_MATCHING_EXTERNAL_INDEX_PATH = os.environ.get(
    "FACTCHECK_MATCHING_EXTERNAL_INDEX_PATH", ""
)
# A DataFeed file or address may be this large, in bytes (it is parsed whole, then stored).
FACTCHECK_EXTERNAL_MAX_FEED_BYTES = int(
    os.environ.get("FACTCHECK_EXTERNAL_MAX_FEED_BYTES", str(300_000_000))
)
# DataFeed addresses imported again every FACTCHECK_EXTERNAL_DATAFEEDS_EVERY seconds.
FACTCHECK_EXTERNAL_DATAFEEDS = env_list("FACTCHECK_EXTERNAL_DATAFEEDS", "")
FACTCHECK_EXTERNAL_DATAFEEDS_EVERY = float(
    os.environ.get("FACTCHECK_EXTERNAL_DATAFEEDS_EVERY", "86400")
)
FACTCHECK_WORKER_PERIODIC["claims.external.tasks.reimport_datafeeds"] = (
    FACTCHECK_EXTERNAL_DATAFEEDS_EVERY if FACTCHECK_EXTERNAL_DATAFEEDS else 0
)
# Where a DataFeed uploaded in the admin waits for the worker that imports it.
FACTCHECK_EXTERNAL_UPLOAD_DIR = os.environ.get(
    "FACTCHECK_EXTERNAL_UPLOAD_DIR", str(BASE_DIR / "var" / "external-uploads")
)
# Google Fact Check Tools' claims:search: an API key turns it on (empty: off).
FACTCHECK_GOOGLE_FACTCHECK_KEY = os.environ.get("FACTCHECK_GOOGLE_FACTCHECK_KEY", "")
FACTCHECK_GOOGLE_FACTCHECK_URL = os.environ.get(
    "FACTCHECK_GOOGLE_FACTCHECK_URL",
    "https://factchecktools.googleapis.com/v1alpha1/claims:search",
)
FACTCHECK_GOOGLE_FACTCHECK_MAX_PAGES = int(
    os.environ.get("FACTCHECK_GOOGLE_FACTCHECK_MAX_PAGES", "5")
)

TASK_QUEUES = ["default"]
if FACTCHECK_TASKS_BACKEND == "database":
    # Rows claimed with SELECT ... FOR UPDATE SKIP LOCKED on PostgreSQL, so workers can be added
    # freely; on SQLite one worker per database file.
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": TASK_QUEUES}}
elif FACTCHECK_TASKS_BACKEND == "redis":
    # RQ through django-tasks-rq; RQ stops a job at the queue's DEFAULT_TIMEOUT itself.
    INSTALLED_APPS.append("django_rq")
    TASKS = {"default": {"BACKEND": "django_tasks_rq.RQBackend", "QUEUES": TASK_QUEUES}}
    RQ_QUEUES = {
        name: {"URL": FACTCHECK_TASKS_REDIS_URL, "DEFAULT_TIMEOUT": int(FACTCHECK_JOB_TIME_LIMIT)}
        for name in TASK_QUEUES
    }
elif FACTCHECK_TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured(
        "FACTCHECK_TASKS_BACKEND must be database, redis or immediate, "
        f"not {FACTCHECK_TASKS_BACKEND!r}."
    )

# --- E-mail (notifications, claims/discussion/) ------------------------------------------------
# Sent only by background jobs. In development they are printed by the worker (the console
# backend); anything public sends by SMTP (production.py), configured by the EMAIL_* variables.
SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"


def mailer(backend: str) -> dict:
    options = {}
    if backend == SMTP_BACKEND:
        options = {
            "host": os.environ.get("EMAIL_HOST", "localhost"),
            "port": int(os.environ.get("EMAIL_PORT", "25")),
            "username": os.environ.get("EMAIL_HOST_USER", ""),
            "password": os.environ.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", False),
        }
    return {"BACKEND": backend, "OPTIONS": options}


MAILERS = {
    "default": mailer(
        os.environ.get(
            "FACTCHECK_EMAIL_BACKEND",
            "django.core.mail.backends.console.EmailBackend" if DEBUG else SMTP_BACKEND,
        )
    )
}
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "desk@localhost")
# The desk's address, for links in e-mails.
FACTCHECK_DESK_URL = os.environ.get("FACTCHECK_DESK_URL", "http://127.0.0.1:8000")
