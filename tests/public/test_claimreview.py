import datetime

import pytest

from claims.public.claimreview import Appearance, ClaimReviewData, claim_review

PUBLISHED = datetime.datetime(2026, 11, 28, 9, 30, tzinfo=datetime.UTC)


def data(**changes) -> ClaimReviewData:
    fields = dict(
        url="https://desk.example/claims/nato-grew/",
        claim_reviewed="NATO admitted Montenegro, North Macedonia and Albania.",
        date_published=PUBLISHED,
        organization="Demo Desk",
        organization_url="https://desk.example/",
        rating_label="True",
        rating_value=5,
        best_rating=5,
        worst_rating=1,
        speaker_name="Sergey Lavrov",
        speaker_kind="person",
        speaker_role="Minister of Foreign Affairs of Russia",
        claim_date=datetime.date(2022, 4, 25),
        headline="All three joined between 2009 and 2020.",
        appearances=[
            Appearance(
                "https://news.example/a", "Lavrov on NATO", "Sputnik", datetime.date(2022, 4, 25)
            ),
            Appearance("https://news.example/b"),
        ],
    )
    fields.update(changes)
    return ClaimReviewData(**fields)


def test_claim_review_carries_what_google_requires_and_recommends():
    review = claim_review(data())

    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["claimReviewed"].startswith("NATO admitted")
    assert review["url"] == "https://desk.example/claims/nato-grew/"
    assert review["datePublished"] == "2026-11-28T09:30:00+00:00"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Demo Desk",
        "url": "https://desk.example/",
    }
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "True",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {
        "@type": "Person",
        "name": "Sergey Lavrov",
        "jobTitle": "Minister of Foreign Affairs of Russia",
    }
    assert item["datePublished"] == "2022-04-25"
    assert [a["url"] for a in item["appearance"]] == [
        "https://news.example/a",
        "https://news.example/b",
    ]
    assert item["firstAppearance"]["url"] == "https://news.example/a"
    assert item["firstAppearance"]["publisher"] == {"@type": "Organization", "name": "Sputnik"}


def test_an_organisation_speaker_is_typed_organization():
    review = claim_review(data(speaker_name="Sputnik", speaker_kind="organization"))

    assert review["itemReviewed"]["author"] == {"@type": "Organization", "name": "Sputnik"}


def test_a_rating_that_is_not_a_verdict_has_only_its_name():
    review = claim_review(data(rating_label="Unverifiable", rating_value=None))

    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unverifiable"}


def test_appearances_without_urls_are_left_out():
    review = claim_review(data(appearances=[Appearance("")]))

    assert "appearance" not in review["itemReviewed"]
    assert "firstAppearance" not in review["itemReviewed"]


@pytest.mark.parametrize(("worst", "best"), [(0, 5), (3, 3)])
def test_a_scale_must_start_at_one_or_more_and_rise(worst, best):
    with pytest.raises(ValueError):
        claim_review(data(worst_rating=worst, best_rating=best))
