"""What the importers share: their error, and the fetch limits of each kind of input (every
fetch goes through the desk's safe fetcher, `claims.imports.fetching`: its SSRF rules, time
limit and size cap)."""

from __future__ import annotations

from django.conf import settings

from claims.imports.fetching import FetchLimits, Wanted

JSON = Wanted(
    ("application/json", "application/ld+json", "text/json", "text/plain"), "a JSON document"
)


class ImportFailed(Exception):
    """The input cannot be imported; the message is one line, for the editor. Nothing of the
    input was stored."""


def limits(max_bytes: int | None = None) -> FetchLimits:
    return FetchLimits(
        timeout=settings.FACTCHECK_FETCH_TIMEOUT,
        max_bytes=max_bytes or settings.FACTCHECK_MAX_ARTICLE_BYTES,
        allow_private=settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES,
    )


def is_url(location: str) -> bool:
    return location.split("://", 1)[0].lower() in ("http", "https")
