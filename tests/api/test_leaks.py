"""Nothing unpublished leaks through the API: data is planted in every non-public state, then
every list is walked to its end, every detail and link followed, every filter tried with the
hidden values, and every id probed."""

import re

import pytest

from claims.enums import ClaimStatus, ReviewStatus
from claims.models import Claim, Source, Speaker
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    ReviewFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
    TopicFactory,
    UserFactory,
    default_rating,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"
HIDDEN = "HIDDEN"  # every planted text carries it
NON_PUBLIC = [s for s in ClaimStatus.values if s not in ("published", "withdrawn")]
LISTS = [
    "/claims/",
    "/speakers/",
    "/sources/",
    "/ratings/",
    "/corrections/",
    "/claimreview/",
    "/claims:search",
]


@pytest.fixture
def planted(demo_desk, publish):
    """The demo desk, plus something secret in every state readers must not see."""
    assignee = UserFactory(username="HIDDEN-assignee", first_name="HIDDEN-first-name")
    hidden_speaker = SpeakerFactory(name="HIDDEN Speaker", slug="hidden-speaker")
    hidden_reported = SpeakerFactory(name="HIDDEN Reported", slug="hidden-reported")
    hidden_source = SourceFactory(title="HIDDEN source", publisher="HIDDEN Press", language="xx")
    hidden_cited = SourceFactory(title="HIDDEN cited source")
    hidden_topic = TopicFactory(slug="hidden-topic", name="HIDDEN topic")
    claims = []
    for n, status in enumerate(NON_PUBLIC):
        claim = ClaimFactory(
            status=status,
            dismissal_reason="opinion" if status == "dismissed" else "",
            text=f"HIDDEN claim {status}",
            slug=f"hidden-{status.replace('_', '-')}",
            internal_note="HIDDEN internal note",
            context_note="HIDDEN context note",
            assignee=assignee,
            statement=StatementFactory(
                source=hidden_source,
                start=n,
                speaker=hidden_speaker,
                reported_speaker=hidden_reported,
            ),
        )
        claim.topics.add(hidden_topic)
        EvidenceFactory(claim=claim, source=hidden_cited, note="HIDDEN evidence note")
        for review_status in ReviewStatus.values:
            if review_status == ReviewStatus.APPROVED:
                continue
            ReviewFactory(
                claim=claim,
                status=review_status,
                summary=f"HIDDEN {review_status} review",
                author=assignee,
            )
        claims.append(claim)
    # A published claim with a correction still in the works, an internal note, and an
    # earlier claim it repeats that was never published.
    public = publish("true", internal_note="HIDDEN internal note on a public claim")
    Claim.objects.filter(pk=public.pk).update(repeat_of=claims[0], assignee=assignee)
    for review_status in (ReviewStatus.DRAFT, ReviewStatus.SUBMITTED):
        ReviewFactory(
            claim=public,
            status=review_status,
            rating=default_rating("false"),
            summary=f"HIDDEN {review_status} correction",
            correction_kind="factual_correction",
            public_note="HIDDEN correction note",
            author=assignee,
        )
    return {
        "speakers": [hidden_speaker, hidden_reported],
        "sources": [hidden_source, hidden_cited],
        "topic": hidden_topic,
        "claims": claims,
    }


def crawl(client, start: list[str]) -> dict[str, str]:
    """Every body reachable from `start` by following the API's own links."""
    bodies, queue = {}, list(start)
    while queue:
        url = queue.pop()
        if url in bodies:
            continue
        response = client.get(url)
        assert response.status_code == 200, url
        bodies[url] = body = response.content.decode()
        for link in re.findall(r'"(http://testserver/api/v1/[^"]*)"', body):
            queue.append(link.replace("http://testserver", ""))
        token = re.search(r'"nextPageToken": ?"([^"]+)"', body)
        if token:
            queue.append(f"{API}/claims:search?pageToken={token.group(1)}")
    return bodies


def test_no_endpoint_shows_anything_unpublished(client, planted):
    bodies = crawl(client, [f"{API}{path}?page_size=1" for path in LISTS])

    assert len(bodies) > 20  # the walk went through pages and details, not just the lists
    for url, body in bodies.items():
        assert HIDDEN not in body, f"{url} shows {body[body.index(HIDDEN) - 80 :][:200]}"
        assert "hidden-" not in body, url


def test_hidden_things_cannot_be_reached_by_slug_or_id(client, planted):
    for claim in planted["claims"]:
        assert client.get(f"{API}/claims/{claim.slug}/").status_code == 404
    for speaker in planted["speakers"]:
        assert client.get(f"{API}/speakers/{speaker.slug}/").status_code == 404
    for source in planted["sources"]:
        assert client.get(f"{API}/sources/{source.pk}/").status_code == 404
    assert client.get(f"{API}/speakers/justin-trudeau/").status_code == 404  # in research only


def test_every_source_id_answers_only_for_public_sources(client, planted):
    shown = ["published", "withdrawn"]
    public = {
        *Source.objects.filter(statements__claims__status__in=shown).values_list("pk", flat=True),
        *Source.objects.filter(cited_as_evidence__claim__status__in=shown).values_list(
            "pk", flat=True
        ),
    }
    last = Source.objects.order_by("-pk").first().pk

    answered = {
        pk for pk in range(1, last + 2) if client.get(f"{API}/sources/{pk}/").status_code == 200
    }

    assert answered == public


@pytest.mark.parametrize("path", ["/claims/", "/claimreview/"])
def test_filters_on_hidden_values_look_exactly_like_unknown_values(client, planted, path):
    hidden_source = planted["sources"][0].pk
    for name, hidden, unknown in [
        ("speaker", "hidden-speaker", "no-such-speaker"),
        ("topic", "hidden-topic", "no-such-topic"),
        ("source", hidden_source, 10**9),
        ("publisher", "HIDDEN Press", "No Such Press"),
        ("language", "xx", "zz"),
        ("q", "HIDDEN", "no such words"),
    ]:
        shown = client.get(f"{API}{path}", {name: hidden})
        absent = client.get(f"{API}{path}", {name: unknown})
        assert shown.status_code == absent.status_code == 200, name
        assert HIDDEN not in shown.content.decode(), name
        items = "results" if path == "/claims/" else "dataFeedElement"
        assert shown.json()[items] == absent.json()[items] == [], name


def test_the_speaker_filter_of_the_speakers_list_hides_them_too(client, planted):
    for query in ["HIDDEN", "Trudeau", "Putin"]:
        body = client.get(f"{API}/speakers/", {"q": query}).json()
        assert body["results"] == [], query
    assert Speaker.objects.filter(name__startswith="HIDDEN").count() == 2


def test_search_for_google_clients_hides_them_too(client, planted):
    for query in ["HIDDEN", "Trudeau said", "counter-proposals"]:
        assert client.get(f"{API}/claims:search", {"query": query}).json()["claims"] == []
