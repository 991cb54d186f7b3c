"""/api/v1/external-fact-checks/: list and detail, filters, bad parameters, query counts."""

from __future__ import annotations

import pytest

from claims.external.claimreview import record_of
from claims.external.models import ExternalFactCheck
from claims.external.store import upsert

from .conftest import claim_review

pytestmark = pytest.mark.django_db

URL = "/api/v1/external-fact-checks/"


def store(*items) -> list[ExternalFactCheck]:
    upsert([record_of(item) for item in items], origin="datafeed")
    return list(ExternalFactCheck.objects.order_by("pk"))


def test_the_list_shows_each_check_newest_imported_first(client):
    first, second = store(claim_review(1), claim_review(2))

    body = client.get(URL).json()

    assert [item["id"] for item in body["results"]] == [second.pk, first.pk]
    item = body["results"][1]
    assert item["url"] == f"http://testserver{URL}{first.pk}/"
    assert item["review_url"] == "https://checker.example/checks/1"
    assert item["rating_text"] == "False"
    assert item["rating"]["slug"] == "false"
    assert (item["claim_date"], item["review_date"]) == ("2024-02-20", "2024-03-02")


def test_the_detail_of_a_check_and_a_404_for_another(client):
    [check] = store(claim_review(1))

    assert client.get(f"{URL}{check.pk}/").json()["claim_text"] == check.claim_text
    missing = client.get(f"{URL}{check.pk + 1}/")
    assert missing.status_code == 404
    assert missing.json()["detail"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("publisher=other", [2]),
        ("publisher=CHECKER", [1, 3]),
        ("language=de", [3]),
        ("reviewed_since=2024-04-01", [2, 3]),
        ("reviewed_before=2024-04-01", [1]),
        ("reviewed_since=2024-04-01&reviewed_before=2024-06-01", [2]),
        ("q=forests", [3]),
        ("q=other", [2]),
    ],
)
def test_the_filters(client, query, expected):
    checks = store(
        claim_review(1),
        claim_review(2, author={"name": "Other"}, datePublished="2024-05-01"),
        claim_review(
            3, claimReviewed="Forests shrank.", inLanguage="de", datePublished="2024-07-01"
        ),
    )
    numbers = {check.pk: n for n, check in enumerate(checks, start=1)}

    found = client.get(f"{URL}?{query}").json()["results"]

    assert sorted(numbers[item["id"]] for item in found) == expected


@pytest.mark.parametrize(
    "query", ["reviewed_since=yesterday", "language=not a code", "page_size=0", "q=x&q=y"]
)
def test_bad_parameters_are_a_400_naming_them(client, query):
    response = client.get(f"{URL}?{query}")

    assert response.status_code == 400
    assert response.json()["errors"]


@pytest.mark.parametrize("count", [1, 20])
def test_the_list_costs_the_same_queries_at_any_size(client, django_assert_num_queries, count):
    store(*(claim_review(n) for n in range(count)))

    with django_assert_num_queries(1):
        response = client.get(URL)

    assert len(response.json()["results"]) == count
