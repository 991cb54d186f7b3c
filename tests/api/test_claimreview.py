"""The ClaimReview feed is the claim pages' JSON-LD, item for item; the search endpoint answers
in the shape of Google Fact Check Tools' claims:search."""

import datetime
import json
import re

import pytest
from django.utils import timezone

from claims.enums import ClaimStatus
from claims.models import Claim
from tests.factories import SourceFactory, SpeakerFactory, StatementFactory

pytestmark = pytest.mark.django_db


def page_json_ld(client, url: str) -> dict:
    body = client.get(url).content.decode()
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert len(scripts) == 1, url
    return json.loads(scripts[0])


def test_the_feed_items_are_the_claim_pages_json_ld(client, demo_desk, publish):
    publish("unverifiable")  # a rating that is not a verdict: no ratingValue

    feed = client.get("/api/v1/claimreview/").json()

    assert feed["@type"] == "DataFeed" and feed["@context"] == "https://schema.org"
    published = Claim.objects.filter(status=ClaimStatus.PUBLISHED)
    assert len(feed["dataFeedElement"]) == published.count() == 3
    for item in feed["dataFeedElement"]:
        assert item == page_json_ld(client, item["url"].removeprefix("http://testserver"))


def test_withdrawn_claims_leave_the_feed(client, publish):
    kept, gone = publish(), publish()
    Claim.objects.filter(pk=gone.pk).update(status=ClaimStatus.WITHDRAWN)

    items = client.get("/api/v1/claimreview/").json()["dataFeedElement"]

    assert [i["claimReviewed"] for i in items] == [kept.text]


def test_the_feed_pages_and_filters_like_the_claims_list(client, publish):
    for rating in ("true", "false", "true"):
        publish(rating)

    first = client.get("/api/v1/claimreview/", {"rating": "true", "page_size": 1}).json()
    second = client.get(first["next"]).json()

    assert len(first["dataFeedElement"]) == len(second["dataFeedElement"]) == 1
    assert second["next"] is None
    labels = {i["reviewRating"]["alternateName"] for i in [*first["dataFeedElement"]]}
    assert labels == {"True"}


def test_search_answers_in_the_shape_of_google_fact_check_tools(client, publish):
    speaker = SpeakerFactory(name="Dana Ortiz")
    claim = publish(
        "mostly-false",
        statement=StatementFactory(speaker=speaker, said_on=datetime.date(2024, 5, 2)),
        text="Exports rose 40% in May.",
    )

    body = client.get("/api/v1/claims:search", {"query": "exports"}).json()

    assert body == {
        "claims": [
            {
                "text": "Exports rose 40% in May.",
                "claimant": "Dana Ortiz",
                "claimDate": "2024-05-02T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": "Demo Fact-Check Desk", "site": "testserver"},
                        "url": f"http://testserver/claims/{claim.slug}/",
                        "title": "Three countries joined, as stated.",
                        "reviewDate": claim.first_published_at.isoformat(),
                        "textualRating": "Mostly false",
                        "languageCode": "en",
                    }
                ],
            }
        ]
    }


def test_search_pages_with_next_page_token(client, publish):
    for _ in range(5):
        publish()
    seen, token = [], None
    while True:
        body = client.get(
            "/api/v1/claims:search", {"pageSize": 2, **({"pageToken": token} if token else {})}
        ).json()
        seen += [c["text"] for c in body["claims"]]
        token = body.get("nextPageToken")
        if token is None:
            break

    assert len(seen) == len(set(seen)) == 5


@pytest.mark.parametrize(
    ("query", "found"),
    [
        ({"languageCode": "fr"}, {"french"}),
        ({"languageCode": "fr-CA"}, {"french"}),
        ({"languageCode": "en-GB"}, {"english", "old"}),
        ({"maxAgeDays": 30}, {"english", "french"}),
        ({"maxAgeDays": 1000}, {"english", "french", "old"}),
        ({"reviewPublisherSiteFilter": "testserver"}, {"english", "french", "old"}),
        ({"reviewPublisherSiteFilter": "other.example"}, set()),
    ],
)
def test_search_filters(client, publish, query, found):
    long_ago = timezone.now() - datetime.timedelta(days=400)
    publish(text="english")
    publish(text="french", statement=StatementFactory(source=SourceFactory(language="fr")))
    publish(text="old", when=long_ago, statement=StatementFactory(said_on=long_ago.date()))

    body = client.get("/api/v1/claims:search", query).json()

    assert {c["text"] for c in body["claims"]} == found
