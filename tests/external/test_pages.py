"""ClaimReview markup in publishers' pages, fetched over real HTTP on loopback with the desk's
safe fetcher."""

from __future__ import annotations

import json

import pytest

from claims.external.models import ExternalFactCheck
from claims.external.pages import claim_reviews_in_html, import_page
from claims.external.sources import ImportFailed

from .conftest import claim_review

pytestmark = pytest.mark.django_db


def page(*blocks: str) -> str:
    scripts = "".join(f'<script type="application/ld+json">{block}</script>' for block in blocks)
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Check</title>'
        f"{scripts}</head><body><article><p>The article's text, never stored.</p></article>"
        '<script>var notJsonLd = {"@type": "ClaimReview"};</script></body></html>'
    )


def test_every_claim_review_of_a_page_is_found_in_objects_lists_and_graphs():
    html = page(
        json.dumps(claim_review(1)),
        json.dumps([{"@type": "WebSite"}, claim_review(2)]),
        json.dumps({"@context": "https://schema.org", "@graph": [claim_review(3)]}),
        "{ not json",
        json.dumps({"@type": "NewsArticle", "headline": "x"}),
    )

    found = claim_reviews_in_html(html)

    assert [item["url"] for item in found] == [
        f"https://checker.example/checks/{n}/" for n in (1, 2, 3)
    ]


def test_a_page_is_fetched_and_its_claim_reviews_stored_without_its_text(site, fetch_settings):
    url = site.add("/check", page(json.dumps(claim_review(1)), json.dumps(claim_review(2))))

    counts = import_page(url)

    assert counts.created == 2
    check = ExternalFactCheck.objects.get(review_url="https://checker.example/checks/1")
    assert (check.origin, check.origin_detail) == ("page", url)
    stored = " ".join(str(value) for value in ExternalFactCheck.objects.values().first().values())
    assert "never stored" not in stored


def test_importing_a_page_again_changes_nothing(site, fetch_settings):
    url = site.add("/check", page(json.dumps(claim_review(1))))
    import_page(url)

    counts = import_page(url)

    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 1)


def test_a_page_without_claim_review_is_an_error(site, fetch_settings):
    url = site.add("/plain", page(json.dumps({"@type": "NewsArticle"})))

    with pytest.raises(ImportFailed, match="no ClaimReview markup"):
        import_page(url)
    assert not ExternalFactCheck.objects.exists()


def test_a_missing_page_is_an_error(site, fetch_settings):
    with pytest.raises(ImportFailed, match="404"):
        import_page(site.url("/gone"))


def test_a_page_on_the_desk_network_is_refused(site, settings):
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = False
    url = site.add("/check", page(json.dumps(claim_review(1))))

    with pytest.raises(ImportFailed, match="does not fetch from its own network"):
        import_page(url)
    assert site.hits == []
