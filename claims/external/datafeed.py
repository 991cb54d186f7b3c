"""ClaimReview DataFeed files, as Data Commons and the publishers' feeds give them:
`{"dataFeedElement": [{"item": [ClaimReview, ...]}, ...]}`. Elements or items that are null,
not ClaimReview, or lack a URL, a claim or a publisher are skipped and counted.

The file is read through once before anything is written (a truncated or broken file is
refused with the database unchanged), then again, one element at a time, into records stored
in batches (`store.upsert`): only one element's objects are in memory at a time, beside the
file's text. The standard library's decoder reads each element where it starts (`raw_decode`),
so no streaming parser is needed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings

from claims.imports.fetching import FetchError, FetchUnavailable, fetch_page

from .claimreview import Record, is_claim_review, record_of
from .models import Origin
from .sources import JSON, ImportFailed, is_url, limits
from .store import Counts, upsert

NOT_A_FEED = "not a ClaimReview DataFeed (no dataFeedElement list)"
_DECODER = json.JSONDecoder()
_SPACE = re.compile(r"[ \t\n\r]*")


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


def parse(data: bytes, name: str = "the file") -> str:
    """The feed's text, read through once: ImportFailed when it is not UTF-8 JSON or not a
    DataFeed, so that nothing of a broken file is stored."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ImportFailed(f"{name}: not UTF-8 text") from None
    for _element in elements(text, name):
        pass
    return text


def elements(text: str, name: str = "the file") -> Iterator[Any]:
    """Each element of the feed's `dataFeedElement` list, decoded one at a time: a whole
    feed's objects at once would take several times the file's size in memory. A file that is
    a single ClaimReview gives it as one element. ImportFailed for anything that is not a
    DataFeed."""
    decode = _DECODER.raw_decode

    def skip(at: int) -> int:
        return _SPACE.match(text, at).end()

    def expect(at: int, char: str) -> int:
        at = skip(at)
        if text[at : at + 1] != char:
            raise ImportFailed(f"{name}: not valid JSON (expected {char!r} at character {at})")
        return at + 1

    try:
        at = skip(0)
        if text[at : at + 1] != "{":
            decode(text, at)  # a list or a value: JSON perhaps, but no DataFeed
            raise ImportFailed(f"{name}: {NOT_A_FEED}")
        others: dict[str, Any] = {}
        found = False
        at = skip(at + 1)
        closed = text[at : at + 1] == "}"
        at += closed
        while not closed:
            key, at = decode(text, skip(at))
            if not isinstance(key, str):
                raise ImportFailed(f"{name}: not valid JSON (a key that is not a string)")
            at = skip(expect(at, ":"))
            if key == "dataFeedElement" and text[at : at + 1] == "[":
                found = True
                at = skip(at + 1)
                ended = text[at : at + 1] == "]"
                at += ended
                while not ended:
                    element, at = decode(text, skip(at))
                    yield element
                    at = skip(at)
                    ended = text[at : at + 1] != ","
                    at = expect(at, "]") if ended else at + 1
            else:
                others[key], at = decode(text, at)
            at = skip(at)
            closed = text[at : at + 1] != ","
            at = expect(at, "}") if closed else at + 1
        if skip(at) != len(text):
            raise ImportFailed(f"{name}: not valid JSON (more after the feed's end)")
    except json.JSONDecodeError as error:
        raise ImportFailed(
            f"{name}: not valid JSON ({error.msg}: line {error.lineno} column {error.colno})"
        ) from None
    if not found:
        if not is_claim_review(others):
            raise ImportFailed(f"{name}: {NOT_A_FEED}")
        yield {"item": [others]}


def records(text: str, name: str = "the file") -> Iterator[Record | None]:
    """Each element's items as records (None for one that cannot be used)."""
    for element in elements(text, name):
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
    text = parse(data, location)
    del data  # the text is all that is read from here on
    return upsert(records(text, location), origin=Origin.DATAFEED, detail=location)
