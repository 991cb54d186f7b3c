"""ClaimReview DataFeed files, as Data Commons and the publishers' feeds give them:
`{"dataFeedElement": [{"item": [ClaimReview, ...]}, ...]}`. Elements or items that are null,
not ClaimReview, or lack a URL, a claim or a publisher are skipped and counted.

The whole file is parsed before anything is written (a truncated or broken file is refused
with the database unchanged), then its items are read into records one element at a time, and
each element is let go once read, and stored in batches (`store.upsert`).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import orjson
from django.conf import settings

from claims.imports.fetching import FetchError, FetchUnavailable, fetch_page

from .claimreview import Record, is_claim_review, record_of
from .models import Origin
from .sources import JSON, ImportFailed, is_url, limits
from .store import Counts, upsert


def read_bytes(location: str) -> bytes:
    """The feed's bytes, from a URL (the safe fetcher) or a file, within the size cap."""
    cap = settings.FACTCHECK_EXTERNAL_MAX_FEED_BYTES
    if is_url(location):
        return fetch_page(location, limits=limits(cap), wanted=JSON).body
    path = Path(location)
    try:
        if path.stat().st_size > cap:
            raise ImportFailed(f"{location}: over the limit of {cap:,} bytes")
        return path.read_bytes()
    except OSError as error:
        raise ImportFailed(f"{location}: cannot be read ({error.strerror or error})") from None


def parse(data: bytes, name: str = "the file") -> list:
    """The feed's elements; ImportFailed when it is not JSON or not a DataFeed."""
    try:
        feed = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        raise ImportFailed(f"{name}: not valid JSON ({error})") from None
    if isinstance(feed, dict) and is_claim_review(feed):
        return [{"item": [feed]}]
    if not isinstance(feed, dict) or not isinstance(feed.get("dataFeedElement"), list):
        raise ImportFailed(f"{name}: not a ClaimReview DataFeed (no dataFeedElement list)")
    return feed["dataFeedElement"]


def records(elements: list) -> Iterator[Record | None]:
    """Each element's items as records (None for one that cannot be used); each element is
    dropped from the list once read, so the parsed feed shrinks as the import goes."""
    for position, element in enumerate(elements):
        elements[position] = None
        items: Any = element.get("item") if isinstance(element, dict) else None
        if isinstance(element, dict) and items is None and is_claim_review(element):
            items = element  # a feed that lists ClaimReviews directly
        if not isinstance(items, list):
            items = [items]
        for item in items:
            yield record_of(item) if is_claim_review(item) else None


def import_datafeed(location: str) -> Counts:
    """Import a DataFeed file or URL; ImportFailed (one line) when it cannot be read."""
    try:
        data = read_bytes(location)
    except FetchUnavailable:
        raise  # a passing trouble: a job tries again later
    except FetchError as error:
        raise ImportFailed(str(error)) from error
    return upsert(records(parse(data, location)), origin=Origin.DATAFEED, detail=location)
