"""The sitemap index and its sections: every public claim listed once, pages of at most 50,000
addresses (the sitemaps protocol's limit), nothing unpublished."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus
from claims.models import Claim
from tests.factories import ClaimFactory, StatementFactory

pytestmark = pytest.mark.django_db
NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, url: str, tag: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{{{NS['sm']}}}{tag}"
    return [
        loc.text
        for loc in root.findall(f"sm:{'sitemap' if tag == 'sitemapindex' else 'url'}/sm:loc", NS)
    ]


def section_urls(client) -> list[str]:
    return [
        loc.removeprefix("http://testserver")
        for loc in locations(client, reverse("sitemap"), "sitemapindex")
    ]


def bulk_public_claims(count: int) -> None:
    """`count` published claims, written in bulk: a sitemap reads nothing but their rows."""
    statement = StatementFactory()
    now = timezone.now()
    batch = 10_000
    for start in range(0, count, batch):
        Claim.objects.bulk_create(
            Claim(
                statement=statement,
                text=f"Claim {n}.",
                slug=f"claim-{n}",
                status=ClaimStatus.PUBLISHED,
                first_published_at=now,
            )
            for n in range(start, min(start + batch, count))
        )


def test_the_index_lists_a_sitemap_per_section_and_they_list_only_public_pages(client):
    public = ClaimFactory(status=ClaimStatus.PUBLISHED, first_published_at=timezone.now())
    hidden = ClaimFactory(status=ClaimStatus.IN_REVIEW, text="SECRET")

    sections = section_urls(client)

    assert sections == [
        f"/sitemap-{name}.xml" for name in ("pages", "claims", "speakers", "sources")
    ]
    listed = [loc for url in sections for loc in locations(client, url, "urlset")]
    assert f"http://testserver/claims/{public.slug}/" in listed
    assert not any(hidden.slug in loc for loc in listed)
    assert len(listed) == len(set(listed))


def test_a_section_past_its_last_page_answers_404(client):
    ClaimFactory(status=ClaimStatus.PUBLISHED, first_published_at=timezone.now())
    assert client.get("/sitemap-claims.xml?p=2").status_code == 404
    assert client.get("/sitemap-nothing.xml").status_code == 404


@pytest.mark.slow
def test_120000_claims_in_three_languages_are_all_listed_in_pages_of_at_most_50000(client):
    bulk_public_claims(120_000)

    sections = section_urls(client)

    claim_pages = [url for url in sections if url.startswith("/sitemap-claims.xml")]
    # 360,000 addresses (each claim in three languages) in pages of at most 50,000.
    assert claim_pages == ["/sitemap-claims.xml"] + [
        f"/sitemap-claims.xml?p={n}" for n in range(2, 9)
    ]
    listed = []
    for url in claim_pages:
        page = locations(client, url, "urlset")
        assert len(page) <= 50_000
        listed += page
    assert len(listed) == len(set(listed)) == 360_000
    expected = {
        f"http://testserver{prefix}/claims/claim-{n}/"
        for n in range(120_000)
        for prefix in ("", "/uk", "/fr")
    }
    assert set(listed) == expected


def test_each_address_names_its_versions_in_every_language_and_the_default(client):
    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, first_published_at=timezone.now())
    response = client.get("/sitemap-claims.xml")
    root = ET.fromstring(response.content)
    xhtml = "{http://www.w3.org/1999/xhtml}link"

    versions = {}
    for url in root.findall("sm:url", NS):
        links = {link.get("hreflang"): link.get("href") for link in url.iter(xhtml)}
        versions[url.find("sm:loc", NS).text] = links

    english = f"http://testserver/claims/{claim.slug}/"
    expected = {
        "en": english,
        "uk": f"http://testserver/uk/claims/{claim.slug}/",
        "fr": f"http://testserver/fr/claims/{claim.slug}/",
        "x-default": english,
    }
    assert set(versions) == {expected["en"], expected["uk"], expected["fr"]}
    assert all(links == expected for links in versions.values())
