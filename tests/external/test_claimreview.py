"""Reading one ClaimReview, and putting a published rating on the desk's scale."""

from __future__ import annotations

import datetime

import pytest

from claims.external.claimreview import claim_reviews_in, record_of
from claims.external.ratings import normalise, slug_for_words

from .conftest import claim_review

VERDICTS = ["false", "mostly-false", "half-true", "mostly-true", "true"]


def test_record_of_reads_the_fields_the_desk_keeps():
    record = record_of(claim_review(7))

    assert record.review_url == "https://checker.example/checks/7"
    assert record.publisher == "Checker"
    assert record.publisher_url == "https://checker.example"
    assert record.claim_text == "The minimum wage doubled last year (number 7)."
    assert record.claimant == "A. Politician"
    assert record.claim_date == datetime.date(2024, 2, 20)
    assert record.review_date == datetime.date(2024, 3, 2)
    assert (record.rating_text, record.rating_value, record.rating_best) == ("False", 1.0, 5.0)
    assert record.language == "en"
    assert record.licence == "https://creativecommons.org/licenses/by/4.0/"


@pytest.mark.parametrize(
    "changes",
    [
        {"url": None},
        {"url": "javascript:alert(1)"},
        {"url": "not a url"},
        {"claimReviewed": "", "itemReviewed": {}},
        {"author": None, "url": None},
    ],
)
def test_record_of_refuses_an_item_without_url_claim_or_publisher(changes):
    assert record_of(claim_review(**changes)) is None


@pytest.mark.parametrize("item", [None, "text", 42, [], {"@type": "ClaimReview"}])
def test_record_of_refuses_what_is_not_a_claim_review(item):
    assert record_of(item) is None


def test_record_of_takes_the_shapes_publishers_write():
    record = record_of(
        claim_review(
            url=["https://other.example/a#top"],
            author=[{"name": "Other", "url": "https://other.example"}],
            datePublished="2024-05-01",
            reviewRating={"ratingValue": 2, "bestRating": 5, "worstRating": 1},
            inLanguage={"@type": "Language", "alternateName": "de"},
            itemReviewed={"author": "Someone", "appearance": {"datePublished": "2024-04-30"}},
        )
    )

    assert record.review_url == "https://other.example/a"
    assert record.publisher == "Other"
    assert record.claimant == "Someone"
    assert record.claim_date == datetime.date(2024, 4, 30)
    assert record.rating_text == "2"
    assert record.language == "de"


def test_a_publisher_is_named_by_its_host_when_it_gives_no_name():
    record = record_of(claim_review(author=None, url="https://host.example/check"))

    assert (record.publisher, record.publisher_url) == ("host.example", "host.example")


def test_the_content_hash_changes_with_any_field():
    first = record_of(claim_review())
    relabelled = record_of(
        claim_review(reviewRating={"alternateName": "Mostly false", "ratingValue": "2"})
    )

    assert first.content_hash() == record_of(claim_review()).content_hash()
    assert first.content_hash() != relabelled.content_hash()


def test_claim_reviews_are_found_in_graphs_and_lists():
    data = [
        {"@type": "WebPage"},
        {"@graph": [{"@type": "Organization"}, claim_review(1)]},
        claim_review(2, **{"@type": ["ClaimReview", "Review"]}),
    ]

    found = list(claim_reviews_in(data))

    assert [item["url"] for item in found] == [
        "https://checker.example/checks/1/",
        "https://checker.example/checks/2/",
    ]


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("False", "false"),
        ("FALSE.", "false"),
        ("Pants on Fire!", "false"),
        ("False. The photo is from 2015", "false"),
        ("Mostly False", "mostly-false"),
        ("Misleading", "mostly-false"),
        ("Half True", "half-true"),
        ("Missing context", "half-true"),
        ("Mostly true", "mostly-true"),
        ("True", "true"),
        ("Unproven", "unverifiable"),
        ("Falso", "false"),  # es, pt, it
        ("Engañoso", "mostly-false"),  # es
        ("Verdad a medias", "half-true"),  # es
        ("Faux", "false"),  # fr
        ("Plutôt vrai", "mostly-true"),  # fr
        ("Falsch", "false"),  # de
        ("Irreführend", "mostly-false"),  # de
        ("Richtig", "true"),  # de
        ("«Faux»", "false"),
        ("Satire", None),
        ("Altered photo", None),
        ("", None),
    ],
)
def test_rating_words_are_put_on_the_desk_scale(text, slug):
    assert slug_for_words(text) == slug


@pytest.mark.parametrize(
    ("value", "best", "worst", "slug"),
    [
        (1, 5, 1, "false"),
        (3, 5, 1, "half-true"),
        (5, 5, 1, "true"),
        (4, 5, 1, "mostly-true"),
        (0, 10, 0, "false"),
        (10, 10, 0, "true"),
        (7, 5, 1, None),  # outside its bounds
        (3, None, None, None),  # no bounds: no telling what 3 means
        (3, 3, 3, None),
    ],
)
def test_rating_numbers_are_placed_between_their_bounds(value, best, worst, slug):
    assert normalise("", value, best, worst, VERDICTS) == slug


def test_rating_words_win_over_numbers():
    assert normalise("Mostly false", 5, 5, 1, VERDICTS) == "mostly-false"
