"""ClaimReview as publishers write it, and the loopback web server of the import tests."""

from __future__ import annotations

import copy
import json

import pytest

from tests.imports.conftest import site  # noqa: F401  (the loopback web server, reused)


@pytest.fixture
def fetch_settings(settings):
    """The local server is on 127.0.0.1, which the desk refuses by default. No test here is
    about a slow server: the time limit is generous, for a machine under load."""
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = True
    settings.FACTCHECK_FETCH_TIMEOUT = 10
    return settings


def claim_review(n: int = 1, **changes) -> dict:
    """A ClaimReview item as a DataFeed or a page carries it; `changes` replace top-level keys."""
    item = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checker.example/checks/{n}/",
        "datePublished": "2024-03-02T09:00:00Z",
        "headline": f"Did the minimum wage double? ({n})",
        "author": {"@type": "Organization", "name": "Checker", "url": "https://checker.example"},
        "claimReviewed": f"The minimum wage doubled last year (number {n}).",
        "itemReviewed": {
            "@type": "Claim",
            "author": {"@type": "Person", "name": "A. Politician"},
            "datePublished": "2024-02-20",
        },
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": "1",
            "bestRating": "5",
            "worstRating": "1",
            "alternateName": "False",
        },
        "inLanguage": "en",
        "license": "https://creativecommons.org/licenses/by/4.0/",
    }
    item.update(changes)
    return item


def datafeed(*items) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "dataFeedElement": [{"@type": "DataFeedItem", "item": list(group)} for group in items],
    }


@pytest.fixture
def feed_file(tmp_path):
    """Write a DataFeed (a dict) or raw text to a file; returns its path as a string."""

    def write(content, name: str = "feed.json") -> str:
        path = tmp_path / name
        path.write_text(
            content if isinstance(content, str) else json.dumps(copy.deepcopy(content)),
            encoding="utf-8",
        )
        return str(path)

    return write
