"""The claims list, read as rows (claims/api/reads.py), shows each claim exactly as its detail,
read with the ORM, does: the same keys in the same order, the same values."""

import pytest
from django.utils import timezone

from claims.enums import ClaimStatus, CorrectionKind, PublicationKind, ReviewStatus
from claims.models import Review
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    SpeakerFactory,
    StatementFactory,
    TopicFactory,
    default_rating,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def claims(publish):
    """Claims with every optional part: reported speech, a date said, a correction approved
    and one pending, repeats of a public and of an unpublished claim, a withdrawal."""
    first = publish("true")
    statement = StatementFactory(reported_speaker=SpeakerFactory(), said_on="2024-05-02")
    publish("false", statement=statement, repeat_of=first)
    publish("half-true", repeat_of=ClaimFactory(status=ClaimStatus.IN_REVIEW), topic="zeta")
    withdrawn = publish("false", status=ClaimStatus.WITHDRAWN, topic=None, evidence=False)
    PublicationEntryFactory(claim=withdrawn, kind=PublicationKind.WITHDRAWAL, note="Forged.")
    correction = ReviewFactory(
        claim=first,
        status=ReviewStatus.DRAFT,
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="Rated again.",
        rating=default_rating("false"),
    )
    EvidenceFactory(claim=first, correction=correction, archive_hash="a" * 64)
    Review.objects.filter(pk=correction.pk).update(
        status=ReviewStatus.APPROVED, approved_at=timezone.now()
    )
    PublicationEntryFactory(
        claim=first,
        kind=PublicationKind.CORRECTION,
        correction_kind=CorrectionKind.RATING_CHANGE,
        note="Rated again.",
    )
    first.topics.add(TopicFactory(slug="alpha", name="Alpha"))


@pytest.mark.parametrize("query", ["", "?ordering=published", "?status=published"])
def test_a_listed_claim_is_its_detail(client, claims, query):
    listed = client.get(f"/api/v1/claims/{query}").json()["results"]
    assert len(listed) == (3 if "status" in query else 4)
    for claim in listed:
        detail = client.get(claim["api_url"]).json()
        del detail["statement"]["paragraph"], detail["repeats"]
        assert list(claim) == list(detail) and claim == detail, claim["slug"]
