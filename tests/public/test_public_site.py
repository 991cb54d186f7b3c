"""Every public page: answers with the demo data, filters, the speaker's record, the source
with its claims, feeds and sitemap; nothing unpublished anywhere; fixed query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus, PublicationKind, ReviewStatus
from claims.models import Claim, Source
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
    default_rating,
    make_public,
)

pytestmark = pytest.mark.django_db
PUBLISHED_SEED = ["NATO admitted Montenegro", "In December 2021 Russia asked"]


def published(rating="true", *, cites=(), **fields) -> Claim:
    """A claim built in the workflow's order: in review with its evidence (one piece from each
    source it `cites`) and its approved verdict, then published with its first publication
    entry. Afterwards only a correction changes them (`claims.public_record`)."""
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, **fields)
    for source in cites:
        EvidenceFactory(claim=claim, source=source)
    now = timezone.now()
    review = ReviewFactory(
        claim=claim,
        status=ReviewStatus.APPROVED,
        approved_at=now,
        rating=default_rating(rating),
    )
    claim = make_public(claim, when=now)
    PublicationEntryFactory(
        claim=claim, kind=PublicationKind.FIRST_PUBLICATION, review=review, published_at=now
    )
    return claim


def public_urls() -> list[str]:
    urls = [
        reverse("claims:home"),
        reverse("claims:list"),
        reverse("claims:corrections"),
        reverse("claims:methodology"),
        reverse("claims:feed_verdicts"),
        reverse("claims:feed_verdicts_atom"),
        reverse("claims:feed_corrections"),
        reverse("claims:feed_corrections_atom"),
        reverse("sitemap"),
        reverse("robots"),
    ]
    for claim in Claim.objects.public().select_related("statement__speaker", "statement"):
        urls.append(reverse("claims:detail", args=[claim.slug]))
        urls.append(reverse("claims:speaker", args=[claim.statement.speaker.slug]))
        urls.append(reverse("claims:source", args=[claim.statement.source_id]))
    return urls


def test_every_public_page_answers_and_shows_the_published_seed_claims(client, demo_desk):
    for url in public_urls():
        assert client.get(url).status_code == 200, url
    for url in [reverse("claims:home"), reverse("claims:list"), reverse("claims:feed_verdicts")]:
        body = client.get(url).content.decode()
        for words in PUBLISHED_SEED:
            assert words in body, (words, url)


def test_pages_of_unknown_or_unpublished_things_answer_404(client, demo_desk):
    trudeau_only_in_research = "justin-trudeau"
    unpublished_source = SourceFactory()
    StatementFactory(source=unpublished_source)

    assert client.get(reverse("claims:speaker", args=[trudeau_only_in_research])).status_code == 404
    assert client.get(reverse("claims:speaker", args=["nobody"])).status_code == 404
    assert client.get(reverse("claims:source", args=[unpublished_source.pk])).status_code == 404
    assert client.get(reverse("claims:source", args=[99999])).status_code == 404


def test_nothing_unpublished_leaks_anywhere(client, demo_desk):
    secret_speaker = SpeakerFactory(name="Secretive Speaker", slug="secretive-speaker")
    home_before = client.get(reverse("claims:home")).content.decode()
    for status in ("new", "selected", "dismissed", "researching", "in_review"):
        ClaimFactory(
            status=status,
            text=f"HIDDEN-{status}",
            statement=StatementFactory(speaker=secret_speaker),
            dismissal_reason="opinion" if status == "dismissed" else "",
        )
    public = Claim.objects.public().first()
    public.internal_note = "HIDDEN-internal-note"
    public.save()
    ReviewFactory(
        claim=public,
        summary="HIDDEN-draft-correction",
        correction_kind="clarification",
        public_note="HIDDEN-draft-note",
    )
    secrets = ["HIDDEN-", "Secretive Speaker", "factchecker", "Factchecker Demo"]

    searches = [
        reverse("claims:list") + query
        for query in ("?q=HIDDEN", "?q=Secretive", "?speaker=secretive-speaker", "?q=draft")
    ]
    for url in public_urls() + searches:
        body = client.get(url).content.decode()
        for secret in secrets:
            assert secret not in body, f"{secret!r} leaked on {url}"
    for url in searches[:3]:
        assert "No published fact-check matches." in client.get(url).content.decode(), url
    # The figures on the home page count published work only.
    assert client.get(reverse("claims:home")).content.decode() == home_before


def test_the_claims_list_filters_searches_and_sorts(client):
    speaker = SpeakerFactory(name="Dana Ortiz", slug="dana-ortiz")
    true = published(
        "true", text="Exports rose 4% in May.", statement=StatementFactory(speaker=speaker)
    )
    false = published("false", text="The bridge cost twice the budget.")
    url = reverse("claims:list")

    def texts(**query) -> str:
        return client.get(url, query).content.decode()

    assert true.text in texts(rating="true") and false.text not in texts(rating="true")
    assert false.text in texts(rating="false") and true.text not in texts(rating="false")
    for speaker_filter in ("dana-ortiz", "ortiz", "Dana Ort"):  # a slug, or part of a name
        assert true.text in texts(speaker=speaker_filter), speaker_filter
        assert false.text not in texts(speaker=speaker_filter), speaker_filter
    assert true.text in texts(q="exports") and false.text not in texts(q="exports")
    assert true.text not in texts(since="2999-01-01")
    page = texts(sort="oldest")
    assert page.index(true.text) < page.index(false.text)


def test_bad_filter_values_are_reported_not_fatal(client):
    claim = published()

    response = client.get(
        reverse("claims:list"), {"rating": "bogus", "since": "not-a-date", "page": "abc"}
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert 'role="alert"' in body
    assert claim.text in body  # the valid part of the query still applies


def test_the_speaker_record_counts_current_verdicts_and_sets_non_verdicts_apart(client):
    speaker = SpeakerFactory(name="Dana Ortiz", slug="dana-ortiz")
    for rating in ("true", "true", "false", "unverifiable"):
        published(rating, statement=StatementFactory(speaker=speaker))

    body = client.get(reverse("claims:speaker", args=["dana-ortiz"])).content.decode()

    assert "<desc" in body and "True: 2" in body and "False: 1" in body
    assert "Unverifiable: " not in body.split("</desc>")[0]  # not in the chart
    assert "Not counted as verdicts: Unverifiable (1)" in body


def test_the_source_page_highlights_published_claims_only(client):
    source = SourceFactory()
    shown = published(statement=StatementFactory(source=source, start=9))
    ClaimFactory(statement=StatementFactory(source=source, start=100), text="HIDDEN")

    body = client.get(reverse("claims:source", args=[source.pk])).content.decode()

    assert f'<mark><a href="/claims/{shown.slug}/">' in body
    assert body.count("<mark>") == 1


def test_corrections_page_lists_corrections_newest_first(client):
    claim = published()
    PublicationEntryFactory(
        claim=claim, kind="correction", correction_kind="clarification", note="We added a date."
    )

    body = client.get(reverse("claims:corrections")).content.decode()

    assert "We added a date." in body and claim.text in body


def test_robots_points_at_the_sitemap_and_keeps_out_of_the_admin(client):
    body = client.get(reverse("robots")).content.decode()

    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


@pytest.mark.parametrize(
    "url_name",
    [
        "claims:home",
        "claims:list",
        "claims:corrections",
        "claims:feed_verdicts",
        "claims:feed_corrections",
        "sitemap",
    ],
)
def test_public_lists_run_a_fixed_number_of_queries(client, url_name):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse(url_name)).status_code == 200
        return len(captured)

    def add():
        claim = published()
        PublicationEntryFactory(
            claim=claim, kind="correction", correction_kind="clarification", note="Clarified."
        )

    add()
    one = queries()
    for _ in range(19):
        add()
    assert queries() == one


def test_the_speaker_page_runs_a_fixed_number_of_queries(client):
    speaker = SpeakerFactory(slug="dana-ortiz")
    url = reverse("claims:speaker", args=["dana-ortiz"])
    published(statement=StatementFactory(speaker=speaker))

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(url)
        return len(captured)

    one = queries()
    for rating in ("false", "half-true", "true") * 6:
        published(rating, statement=StatementFactory(speaker=speaker))
    assert queries() == one


def test_the_source_page_runs_a_fixed_number_of_queries(client):
    source = SourceFactory(text="word " * 400)
    url = reverse("claims:source", args=[source.pk])
    # the source is also cited as evidence
    published(statement=StatementFactory(source=source, start=0, end=4), cites=[source])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    one = queries()
    for index in range(1, 20):
        published(
            statement=StatementFactory(source=source, start=index * 10, end=index * 10 + 4),
            cites=[source],
        )
    assert queries() == one


def test_a_source_page_exists_for_sources_cited_as_evidence(client):
    cited = SourceFactory(title="Official membership list")
    claim = published(cites=[cited])

    body = client.get(reverse("claims:source", args=[cited.pk])).content.decode()

    assert "Cited as evidence in" in body and claim.text in body
    assert Source.objects.count() >= 2


def test_the_list_pages_without_counting(client):
    for _ in range(21):
        published()
    url = reverse("claims:list")

    first = client.get(url).content.decode()
    second = client.get(url, {"page": "2"}).content.decode()

    assert 'rel="next"' in first and 'rel="prev"' not in first
    assert 'rel="prev"' in second and 'rel="next"' not in second
    assert second.count('class="claim-card"') == 1
    for bad in ("abc", "-3", "0", "99999999999"):
        assert client.get(url, {"page": bad}).status_code == 200, bad


@pytest.mark.parametrize("count", [1, 25])
def test_the_speaker_page_is_paged_in_a_fixed_number_of_queries(client, count):
    speaker = SpeakerFactory(slug="dana-ortiz")
    for _ in range(count):
        published(statement=StatementFactory(speaker=speaker))
    url = reverse("claims:speaker", args=["dana-ortiz"])

    # The speaker, their record (counted by the database) and the ratings, then the page as the
    # claims list reads it: its ids, then the cards with their current verdicts.
    with CaptureQueriesContext(connection) as captured:
        first = client.get(url).content.decode()
    assert len(captured) == 5
    assert first.count('class="claim-card"') == min(count, 20)
    assert f"True: {count}" in first  # the record counts every claim, not just the page's
    if count > 20:
        assert 'rel="next"' in first and 'rel="prev"' not in first
        second = client.get(url, {"page": "2"}).content.decode()
        assert second.count('class="claim-card"') == count - 20
        assert 'rel="prev"' in second and 'rel="next"' not in second
        assert (
            '<link rel="canonical" href="http://testserver/speakers/dana-ortiz/?page=2">' in second
        )
    else:
        assert 'rel="next"' not in first
