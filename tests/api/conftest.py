"""What the API tests share: published claims built as the desk builds them, and throttling
set out of the way (one test turns it back on)."""

import datetime

import pytest
from django.core.cache import cache
from django.utils import timezone

from claims.enums import ClaimStatus, PublicationKind, ReviewStatus
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    StatementFactory,
    TopicFactory,
    default_rating,
)


@pytest.fixture(autouse=True)
def generous_throttle(settings):
    """Hundreds of requests a test must not trip the anonymous limit (the count lives in the
    process's cache, shared with the live server's thread)."""
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "1000000/minute"},
    }
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def publish(db):
    """Makes a published claim the way the workflow leaves one: an approved review, its first
    publication entry, evidence and a topic."""
    counter = iter(range(10_000))

    def make(rating="true", *, when=None, statement=None, topic="economy", evidence=True, **fields):
        n = next(counter)
        when = when or timezone.now() - datetime.timedelta(minutes=n)
        claim = ClaimFactory(
            status=ClaimStatus.PUBLISHED,
            first_published_at=when,
            statement=statement or StatementFactory(),
            **fields,
        )
        review = ReviewFactory(
            claim=claim,
            status=ReviewStatus.APPROVED,
            approved_at=when,
            rating=default_rating(rating),
        )
        PublicationEntryFactory(
            claim=claim, kind=PublicationKind.FIRST_PUBLICATION, review=review, published_at=when
        )
        if evidence:
            EvidenceFactory(claim=claim, note="Membership list, checked.")
        if topic:
            claim.topics.add(TopicFactory(slug=topic, name=topic.title()))
        return claim

    return make
