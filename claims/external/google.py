"""Google Fact Check Tools' `claims:search`: the verdicts other fact-checkers published on a
subject, when FACTCHECK_GOOGLE_FACTCHECK_KEY holds an API key (empty: off). Its base URL is a
setting too (FACTCHECK_GOOGLE_FACTCHECK_URL). Pages are followed by `nextPageToken`, up to
FACTCHECK_GOOGLE_FACTCHECK_MAX_PAGES.

Each claimReview of the answer is read as the ClaimReview it summarises, so one reader
(`claimreview.record_of`) makes every record. The key never appears in an error message.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any
from urllib.parse import urlencode

import orjson
from django.conf import settings

from claims.imports.fetching import FetchError, FetchUnavailable, fetch_page

from .claimreview import Record, record_of
from .models import Origin
from .sources import JSON, ImportFailed, limits
from .store import Counts, upsert

PAGE_SIZE = 100


def enabled() -> bool:
    return bool(settings.FACTCHECK_GOOGLE_FACTCHECK_KEY)


def as_claim_review(claim: dict, review: dict) -> dict:
    """One claimReview of an answer, with its claim, in ClaimReview's own words."""
    publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
    return {
        "@type": "ClaimReview",
        "url": review.get("url"),
        "headline": review.get("title"),
        "claimReviewed": claim.get("text"),
        "datePublished": review.get("reviewDate"),
        "inLanguage": review.get("languageCode"),
        "author": {"name": publisher.get("name"), "url": publisher.get("site")},
        "itemReviewed": {
            "@type": "Claim",
            "author": {"name": claim.get("claimant")},
            "datePublished": claim.get("claimDate"),
        },
        "reviewRating": {"alternateName": review.get("textualRating")},
    }


def records_of(answer: Any) -> Iterator[Record | None]:
    claims = answer.get("claims", []) if isinstance(answer, dict) else None
    if not isinstance(claims, list):
        raise ImportFailed("Google Fact Check Tools answered without a claims list")
    for claim in claims:
        reviews = claim.get("claimReview") if isinstance(claim, dict) else None
        if not isinstance(reviews, list) or not reviews:
            yield None
            continue
        for review in reviews:
            yield record_of(as_claim_review(claim, review)) if isinstance(review, dict) else None


def _page(query: str, language: str, token: str) -> dict:
    key = settings.FACTCHECK_GOOGLE_FACTCHECK_KEY
    parameters = {"query": query, "key": key, "pageSize": PAGE_SIZE}
    if language:
        parameters["languageCode"] = language
    if token:
        parameters["pageToken"] = token
    url = f"{settings.FACTCHECK_GOOGLE_FACTCHECK_URL}?{urlencode(parameters)}"
    try:
        fetched = fetch_page(url, limits=limits(), wanted=JSON)
    except FetchError as error:
        message = str(error).replace(urlencode({"k": key})[2:], "…").replace(key, "…")
        if isinstance(error, FetchUnavailable):
            raise FetchUnavailable(message) from None
        raise ImportFailed(message) from None
    try:
        return orjson.loads(fetched.body)
    except orjson.JSONDecodeError:
        raise ImportFailed("Google Fact Check Tools answered with something not JSON") from None


def import_search(query: str, *, language: str = "") -> Counts:
    """Import the verdicts Google Fact Check Tools finds for `query` (every page of them, up
    to the setting's limit), in one transaction."""
    if not enabled():
        raise ImportFailed(
            "Google Fact Check Tools is off: set FACTCHECK_GOOGLE_FACTCHECK_KEY to an API key"
        )
    query = query.strip()
    if not query:
        raise ImportFailed("Give a query for Google Fact Check Tools")
    found: list[Record | None] = []
    token = ""
    for _page_number in range(max(1, settings.FACTCHECK_GOOGLE_FACTCHECK_MAX_PAGES)):
        answer = _page(query, language, token)
        found.extend(records_of(answer))
        token = answer.get("nextPageToken") or ""
        if not isinstance(token, str) or not token:
            break
    return upsert(found, origin=Origin.GOOGLE, detail=f"claims:search {query}")
