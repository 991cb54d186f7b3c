"""Google Fact Check Tools' claims:search, served by a real HTTP server on loopback."""

from __future__ import annotations

import json
from urllib.parse import parse_qs, urlsplit

import pytest

from claims.external.google import import_search
from claims.external.models import ExternalFactCheck
from claims.external.sources import ImportFailed

pytestmark = pytest.mark.django_db

KEY = "test-key-0123456789"


def answer(*claims, token: str = "") -> str:
    body: dict = {"claims": list(claims)}
    if token:
        body["nextPageToken"] = token
    return json.dumps(body)


def claim(n: int, rating: str = "False", language: str = "en") -> dict:
    return {
        "text": f"Rents in the capital doubled in ten years ({n}).",
        "claimant": "A. Mayor",
        "claimDate": "2024-01-10T00:00:00Z",
        "claimReview": [
            {
                "publisher": {"name": "Checker", "site": "checker.example"},
                "url": f"https://checker.example/rents-{n}",
                "title": f"Did rents double? ({n})",
                "reviewDate": "2024-02-01T00:00:00Z",
                "textualRating": rating,
                "languageCode": language,
            }
        ],
    }


@pytest.fixture
def google(site, fetch_settings):
    fetch_settings.FACTCHECK_GOOGLE_FACTCHECK_KEY = KEY
    fetch_settings.FACTCHECK_GOOGLE_FACTCHECK_URL = site.url("/v1alpha1/claims:search")
    return site


def json_page(site, path_and_query: str, body: str, status: int = 200) -> None:
    site.add(path_and_query, body, status=status, headers={"Content-Type": "application/json"})


def test_a_search_is_imported_page_after_page(google):
    base = "/v1alpha1/claims:search?query=rents&key=test-key-0123456789&pageSize=100"
    json_page(google, f"{base}&languageCode=es", answer(claim(1), token="next"))
    json_page(
        google,
        f"{base}&languageCode=es&pageToken=next",
        answer(claim(2, "Engañoso", "es"), {"text": "no reviews"}),
    )

    counts = import_search("rents", language="es")

    assert (counts.created, counts.skipped) == (2, 1)
    second = ExternalFactCheck.objects.get(review_url="https://checker.example/rents-2")
    assert (second.publisher, second.publisher_url) == ("Checker", "checker.example")
    assert (second.claimant, second.rating_text, second.rating.slug) == (
        "A. Mayor",
        "Engañoso",
        "mostly-false",
    )
    assert (second.language, second.origin) == ("es", "google")
    assert str(second.review_date) == "2024-02-01"
    queries = [parse_qs(urlsplit(hit).query) for hit in google.hits]
    assert [q.get("pageToken") for q in queries] == [None, ["next"]]


def test_a_search_is_off_without_a_key(google, settings):
    settings.FACTCHECK_GOOGLE_FACTCHECK_KEY = ""

    with pytest.raises(ImportFailed, match="FACTCHECK_GOOGLE_FACTCHECK_KEY"):
        import_search("rents")
    assert google.hits == []


def test_an_error_names_no_key(google):
    with pytest.raises(ImportFailed) as error:
        import_search("rents")  # nothing served: 404

    assert "404" in str(error.value)
    assert KEY not in str(error.value)


def test_an_answer_that_is_not_the_expected_shape_is_an_error(google):
    base = "/v1alpha1/claims:search?query=rents&key=test-key-0123456789&pageSize=100"
    json_page(google, base, json.dumps({"claims": "nope"}))

    with pytest.raises(ImportFailed, match="without a claims list"):
        import_search("rents")
    assert not ExternalFactCheck.objects.exists()
