"""Every endpoint runs a fixed number of queries, with 1 item or 20 (each claim with evidence,
a topic and a correction, by speakers and sources of their own)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.enums import ClaimStatus, PublicationKind, ReviewStatus
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    RatingFactory,
    RatingScaleFactory,
    ReviewFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
    TopicFactory,
    default_rating,
    make_public,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"
SPEAKER = "the-speaker"

# endpoint -> its budget. Claims: the page, then approved reviews, evidence, publication record
# and topics (one query each; a claim's page adds its public repeats; a filtered page reads its
# ids, then its rows); speakers: the page, their
# record, the ratings; the feeds: the page, approved reviews, the scales' bounds.
BUDGETS = {
    f"{API}/claims/": 5,
    f"{API}/claims/?q=alliance&rating=true&topic=economy&updated_since=2000-01-01T00:00:00Z": 7,
    f"{API}/claims/{{slug}}/": 6,
    f"{API}/speakers/": 3,
    f"{API}/speakers/{SPEAKER}/": 3,
    f"{API}/sources/": 1,
    f"{API}/sources/{{source}}/": 4,
    f"{API}/ratings/": 1,
    f"{API}/corrections/": 1,
    f"{API}/claimreview/": 3,
    f"{API}/claims:search?query=alliance": 3,
}


@pytest.fixture
def add_claims(publish):
    speaker = SpeakerFactory(slug=SPEAKER)
    source = SourceFactory()
    made = []

    def add(n: int, *, details: int = 1) -> None:
        """n claims, each with `details` pieces of evidence and as many corrections."""
        for _ in range(n):
            i = len(made)
            rating = ("true", "false", "half-true", "unverifiable")[i % 4]
            # half the claims by one speaker from one source, half from their own
            statement = StatementFactory(
                speaker=speaker if i % 2 else SpeakerFactory(),
                source=source if i % 2 else SourceFactory(),
                start=i % 50,
            )
            if details == 1:
                claim = publish(rating, statement=statement)
            else:
                claim = published_with_details(rating, statement, details)
            PublicationEntryFactory(
                claim=claim,
                kind=PublicationKind.CORRECTION,
                correction_kind="clarification",
                note="Clarified.",
                published_at=timezone.now() + datetime.timedelta(seconds=i),
            )
            for more in range(details - 1):
                PublicationEntryFactory(
                    claim=claim,
                    kind=PublicationKind.CORRECTION,
                    correction_kind="clarification",
                    note=f"Clarified again ({more}).",
                )
            made.append(claim)

    add.made = made
    add.source = source
    return add


def published_with_details(rating: str, statement, evidence: int):
    """A claim as the `publish` fixture makes one, with more evidence: all of it attached
    before publication, since afterwards only a correction can bring more
    (`claims.public_record`)."""
    when = timezone.now()
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, statement=statement)
    EvidenceFactory(claim=claim, note="Membership list, checked.")
    for n in range(evidence - 1):
        EvidenceFactory(claim=claim, note=f"Evidence {n}.")
    review = ReviewFactory(
        claim=claim, status=ReviewStatus.APPROVED, approved_at=when, rating=default_rating(rating)
    )
    claim = make_public(claim, when=when)
    PublicationEntryFactory(
        claim=claim, kind=PublicationKind.FIRST_PUBLICATION, review=review, published_at=when
    )
    claim.topics.add(TopicFactory(slug="economy", name="Economy"))
    return claim


def another_rating_scale() -> None:
    scale = RatingScaleFactory()
    for n in range(5):
        RatingFactory(scale=scale, value=n + 1)


@pytest.mark.parametrize("endpoint", list(BUDGETS))
def test_every_endpoint_runs_a_fixed_number_of_queries(
    client, add_claims, django_assert_num_queries, endpoint
):
    def url(claim) -> str:
        path = endpoint.format(slug=claim.slug, source=add_claims.source.pk)
        if "{" in endpoint:
            return path
        size = "pageSize" if "claims:search" in path else "page_size"
        return f"{path}{'&' if '?' in path else '?'}{size}=100"

    budget = BUDGETS[endpoint]
    if connection.vendor == "postgresql" and ("q=" in endpoint or "query=" in endpoint):
        # PostgreSQL's search of one word first lists the word's completions, asks the
        # planner's estimate of its matches and counts them (claims/db/fulltext.py).
        budget += 3
    add_claims(2)  # one claim by the shared speaker, from the shared source
    with django_assert_num_queries(budget):
        small = client.get(url(add_claims.made[1]))
    add_claims(37)
    # The 40th, by the shared speaker from the shared source, lists 20 pieces of evidence and
    # 20 corrections; its page is the one asked for now.
    add_claims(1, details=20)
    another_rating_scale()
    with django_assert_num_queries(budget):
        large = client.get(url(add_claims.made[39]))

    assert small.status_code == large.status_code == 200
    assert len(large.content) > len(small.content)  # the second answer did show more


def test_a_search_reads_the_claims_table_alone(client, add_claims):
    """What a search reads for itself (PostgreSQL: its estimate, its count, the page's ids)
    is planned per search, so it joins nothing: a join of the six tables a listed claim
    shows takes the planner longer than the search takes to run. Those rows come after, by id.
    """
    add_claims(3)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"{API}/claims/?q=alliance&page_size=2")
    assert response.status_code == 200 and len(response.json()["results"]) == 2
    searching = [q["sql"] for q in queries if "search_vector" in q["sql"] or "_fts" in q["sql"]]
    assert searching
    assert not [sql for sql in searching if " JOIN " in sql]


def test_a_page_after_a_position_runs_a_fixed_number_of_queries(
    client, add_claims, django_assert_num_queries
):
    # One statement for the page, then the four reads of what its claims list.
    budget = 5
    add_claims(3)
    first = client.get(f"{API}/claims/?page_size=1").json()
    with django_assert_num_queries(budget):
        second = client.get(first["next"]).json()
    add_claims(20)
    with django_assert_num_queries(budget):
        again = client.get(first["next"]).json()
    # The same claim after the same position, with all it shows, however many were added.
    assert second["results"] == again["results"] and len(second["results"]) == 1
    assert second["results"][0]["slug"] != first["results"][0]["slug"]
