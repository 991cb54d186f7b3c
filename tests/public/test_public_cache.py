"""The public page cache: readers get cached pages, and see a publication, a correction or a
withdrawal on their very next request; staff and draft previews never touch the cache."""

import gzip

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.enums import ClaimStatus, CorrectionKind, ReviewStatus, Transition
from claims.models import Claim
from claims.public import cache as public_cache
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    ReviewFactory,
    SourceFactory,
    SpeakerFactory,
    default_rating,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def in_review(fact_checker):
    """A claim whose review waits for sign-off."""
    claim = ClaimFactory(
        status=ClaimStatus.RESEARCHING,
        assignee=fact_checker,
        text="The bridge cost four billion euros.",
    )
    EvidenceFactory(claim=claim)
    ReviewFactory(
        claim=claim, author=fact_checker, rating=default_rating("false"), summary="It cost two."
    )
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    claim.refresh_from_db()
    return claim


@pytest.fixture
def published(in_review, reviewer, editor):
    services.review_approve(review=in_review.reviews.get(), by=reviewer)
    in_review.refresh_from_db()
    services.claim_transition(claim=in_review, transition=Transition.PUBLISH, by=editor)
    in_review.refresh_from_db()
    return in_review


def page(claim: Claim) -> str:
    return reverse("claims:detail", args=[claim.slug])


def test_a_second_reader_gets_the_cached_page_without_a_query(
    client, published, django_assert_num_queries
):
    first = client.get(page(published))
    with django_assert_num_queries(0):
        second = client.get(page(published))

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "max-age=60" in second["Cache-Control"]


def test_each_host_and_scheme_gets_pages_with_its_own_links(client, published, settings):
    # Pages carry absolute links (canonical URL, JSON-LD): a page cached for one host must
    # not be served for another that the site also answers to.
    settings.ALLOWED_HOSTS = ["desk.example", "www.desk.example"]
    for host, secure in [
        ("desk.example", True),
        ("www.desk.example", True),
        ("desk.example", False),
    ]:
        answer = client.get(page(published), headers={"host": host}, secure=secure)
        scheme = "https" if secure else "http"
        assert answer["X-Page-Cache"] == "miss"
        assert f'<link rel="canonical" href="{scheme}://{host}{page(published)}">' in (
            answer.content.decode()
        )
    again = client.get(page(published), headers={"host": "www.desk.example"}, secure=True)
    assert again["X-Page-Cache"] == "hit"
    assert "https://www.desk.example/" in again.content.decode()


def test_a_published_claim_shows_at_once_on_the_cached_pages(client, in_review, reviewer, editor):
    listing = reverse("claims:list")
    assert in_review.text not in client.get(listing).content.decode()
    assert client.get(page(in_review)).status_code == 404
    assert client.get(listing)["X-Page-Cache"] == "hit"

    services.review_approve(review=in_review.reviews.get(), by=reviewer)
    in_review.refresh_from_db()
    services.claim_transition(claim=in_review, transition=Transition.PUBLISH, by=editor)

    assert in_review.text in client.get(listing).content.decode()
    assert client.get(page(in_review)).status_code == 200
    assert in_review.text in client.get(reverse("claims:feed_verdicts")).content.decode()


def test_a_correction_is_visible_at_once(client, published, fact_checker, second_reviewer, editor):
    urls = [page(published), reverse("claims:corrections"), reverse("claims:feed_corrections")]
    for url in urls:
        client.get(url)
        assert client.get(url)["X-Page-Cache"] == "hit"
    note = "We changed the rating: the bridge cost 2.1 billion, not 2."

    correction = services.review_create(
        claim=published,
        author=fact_checker,
        rating=default_rating("mostly-false"),
        summary="It cost a little over two.",
        analysis="The audited accounts give 2.1 billion euros.",
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note=note,
    )
    services.review_submit_correction(review=correction, by=fact_checker)
    services.review_approve(review=correction, by=second_reviewer)
    services.correction_publish(review=correction, by=editor)

    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert note in response.content.decode(), url
    assert "Mostly false" in client.get(page(published)).content.decode()


def test_a_withdrawal_is_visible_at_once(client, published, editor):
    client.get(page(published))
    assert client.get(page(published))["X-Page-Cache"] == "hit"

    services.claim_transition(
        claim=published,
        transition=Transition.WITHDRAW,
        by=editor,
        note="Withdrawn: the quote was misattributed.",
    )

    body = client.get(page(published)).content.decode()
    assert "Withdrawn: the quote was misattributed." in body
    assert (
        "Withdrawn: the quote was misattributed."
        in client.get(reverse("claims:corrections")).content.decode()
    )


def test_evidence_added_with_an_approved_correction_drops_the_cache(
    client, published, fact_checker, second_reviewer, write_correction, editor
):
    client.get(page(published))
    correction = write_correction(published, fact_checker)
    services.evidence_add(
        claim=published,
        source=SourceFactory(title="Audited accounts"),
        relation="refutes",
        excerpt="Audited accounts put the cost at 2.1 billion euros.",
        by=fact_checker,
        correction=correction,
    )
    services.review_submit_correction(review=correction, by=fact_checker)
    services.review_approve(review=correction, by=second_reviewer)
    services.correction_publish(review=correction, by=editor)

    response = client.get(page(published))
    assert response["X-Page-Cache"] == "miss"
    assert "Audited accounts put the cost" in response.content.decode()


def test_work_on_unpublished_claims_keeps_the_cache(client, published):
    draft = ClaimFactory(status=ClaimStatus.RESEARCHING)
    token = public_cache.generation()

    draft.notes = "Call the ministry's press office."
    draft.save()
    ReviewFactory(claim=draft, status=ReviewStatus.DRAFT)

    assert public_cache.generation() == token


def test_the_token_is_replaced_again_when_the_writing_transaction_commits(
    published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        public_cache.invalidate()
        token = public_cache.generation()

    assert len(callbacks) == 1
    assert public_cache.generation() != token


def test_draft_previews_are_never_cached(client, editor, in_review):
    client.force_login(editor)
    preview = client.get(page(in_review))

    assert preview.status_code == 200
    assert "X-Page-Cache" not in preview
    assert "no-cache" in preview["Cache-Control"] and "private" in preview["Cache-Control"]
    client.logout()
    assert client.get(page(in_review)).status_code == 404


def test_signed_in_staff_always_get_live_pages(client, editor, published):
    client.force_login(editor)
    client.get(page(published))

    assert "X-Page-Cache" not in client.get(page(published))


def test_answers_other_than_200_are_not_stored(client):
    client.get(reverse("claims:detail", args=["no-such-claim"]))

    assert client.get(reverse("claims:detail", args=["no-such-claim"])).get("X-Page-Cache") is None


def test_the_cache_can_be_turned_off(client, settings, published):
    settings.FACTCHECK_PUBLIC_CACHE_SECONDS = 0
    client.get(page(published))

    assert "X-Page-Cache" not in client.get(page(published))


def test_the_sitemap_is_cached_and_follows_publication(client, published, editor):
    client.get(reverse("sitemap"))
    assert client.get(reverse("sitemap"))["X-Page-Cache"] == "hit"

    published.context_note = "Said again on 5 May."
    with pytest.raises(ValidationError):  # what readers were told is not edited in place
        published.full_clean()
    services.claim_transition(
        claim=published, transition=Transition.WITHDRAW, by=editor, note="Checked the wrong speech."
    )

    assert client.get(reverse("sitemap"))["X-Page-Cache"] == "miss"


def test_remembered_values_last_until_the_record_changes(published):
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    assert public_cache.remember("answer", compute) == 1
    assert public_cache.remember("answer", compute) == 1
    public_cache.invalidate()
    assert public_cache.remember("answer", compute) == 2


def test_the_api_is_cached_and_follows_corrections(
    client, published, fact_checker, second_reviewer, django_assert_num_queries, editor
):
    detail = reverse("api:claim-detail", args=[published.slug])
    first = client.get(detail)
    with django_assert_num_queries(0):
        second = client.get(detail)
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert client.get(detail, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304

    correction = services.review_create(
        claim=published,
        author=fact_checker,
        rating=default_rating("mostly-false"),
        summary="It cost a little over two.",
        analysis="The audited accounts give 2.1 billion euros.",
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="Rating changed after a reader's note.",
    )
    services.review_submit_correction(review=correction, by=fact_checker)
    services.review_approve(review=correction, by=second_reviewer)
    services.correction_publish(review=correction, by=editor)

    after = client.get(detail)
    assert after.get("X-Page-Cache") != "hit"
    assert "Rating changed after a reader's note." in after.content.decode()
    assert after["ETag"] != first["ETag"]
    assert client.get(detail, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


@pytest.mark.parametrize("accept", ["text/html", "application/xml, text/*"])
def test_a_client_that_takes_no_json_is_refused_whether_or_not_the_api_answer_is_cached(
    client, published, accept
):
    detail = reverse("api:claim-detail", args=[published.slug])
    assert client.get(detail, HTTP_ACCEPT=accept).status_code == 406
    assert client.get(detail).status_code == 200  # now cached
    assert client.get(detail)["X-Page-Cache"] == "hit"

    refused = client.get(detail, HTTP_ACCEPT=accept)

    assert refused.status_code == 406
    assert refused.get("X-Page-Cache") != "hit"
    for taking_json in ("application/json", "text/html, */*;q=0.8", "application/*", ""):
        assert client.get(detail, HTTP_ACCEPT=taking_json).status_code == 200


def test_a_hit_is_served_only_while_its_generation_is_current(client, published):
    first = client.get(page(published))
    assert client.get(page(published))["X-Page-Cache"] == "hit"

    # Another process changed the public record.
    cache.set(public_cache.GENERATION_KEY, "set-by-another-worker", timeout=None)

    assert client.get(page(published))["X-Page-Cache"] == "miss"
    assert client.get(page(published)).content == first.content


def test_indented_json_is_cached_apart_from_compact_json(client, published):
    detail = reverse("api:claim-detail", args=[published.slug])
    indented = {"accept": "application/json; indent=2"}
    compact = client.get(detail)

    first = client.get(detail, headers=indented)
    again = client.get(detail, headers=indented)

    assert first["X-Page-Cache"] == "miss" and again["X-Page-Cache"] == "hit"
    assert again.content == first.content != compact.content
    assert client.get(detail)["X-Page-Cache"] == "hit"
    assert client.get(detail).content == compact.content


@pytest.mark.parametrize("address", ["page", "api"])
def test_a_hit_for_a_gzip_client_is_compressed_once_and_stays_conditional(
    client, published, address
):
    url = page(published) if address == "page" else "/api/v1/claims/"
    gzip_client = {"accept-encoding": "gzip, deflate"}
    fresh = client.get(url, headers=gzip_client)  # compressed by GZipMiddleware

    hit = client.get(url, headers=gzip_client)  # compressed when it was stored
    plain = client.get(url)

    assert hit["X-Page-Cache"] == plain["X-Page-Cache"] == "hit"
    assert hit["Content-Encoding"] == fresh["Content-Encoding"] == "gzip"
    assert gzip.decompress(hit.content) == gzip.decompress(fresh.content) == plain.content
    assert "Accept-Encoding" in hit["Vary"] and "Accept-Encoding" in plain["Vary"]
    assert not plain.has_header("Content-Encoding")
    if address == "api":  # public pages carry no ETag
        assert hit["ETag"] == fresh["ETag"] == "W/" + plain["ETag"]
        again = client.get(url, headers={**gzip_client, "if-none-match": hit["ETag"]})
        assert again.status_code == 304


def saved(thing) -> None:
    thing.save()


@pytest.mark.parametrize(
    "edit",
    [
        lambda claim: saved(claim.statement),
        lambda claim: saved(claim.statement.speaker),
        lambda claim: saved(claim.statement.source),
    ],
    ids=["statement", "speaker", "source"],
)
def test_edits_no_reader_can_see_keep_the_cache(edit):
    """Only what a public page shows drops the cache: otherwise its hits and misses would let
    outsiders watch the desk at work on what it has not published."""
    in_research = ClaimFactory(status=ClaimStatus.RESEARCHING)
    token = public_cache.generation()

    edit(in_research)
    saved(SpeakerFactory())
    saved(SourceFactory())

    assert public_cache.generation() == token


@pytest.mark.parametrize(
    "edit",
    [
        lambda claim: saved(claim.statement),
        lambda claim: saved(claim.statement.speaker),
        lambda claim: saved(claim.statement.reported_speaker),
        lambda claim: saved(claim.statement.source),
        lambda claim: saved(claim.evidence.get().source),
    ],
    ids=["statement", "speaker", "quoted-speaker", "source", "cited-source"],
)
@pytest.mark.parametrize("status", [ClaimStatus.PUBLISHED, ClaimStatus.WITHDRAWN])
def test_edits_to_what_a_public_page_shows_drop_the_cache(edit, status):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, statement__reported_speaker=SpeakerFactory())
    EvidenceFactory(claim=claim)
    # Made public in one UPDATE, as publishing does, once the evidence is in.
    Claim.objects.filter(pk=claim.pk).update(status=status, first_published_at=timezone.now())
    token = public_cache.generation()

    edit(claim)

    assert public_cache.generation() != token


def test_outsiders_are_not_told_whether_an_answer_came_from_the_cache(client, published, settings):
    # A debugging aid: to outsiders it would show when pages were last made, and so when the
    # public record last changed.
    settings.FACTCHECK_PAGE_CACHE_HEADER = False
    addresses = [page(published), "/api/v1/claims/"]

    answers = [client.get(address) for address in addresses for _ in range(3)]

    assert [answer.status_code for answer in answers] == [200] * 6
    assert [answer.get("X-Page-Cache") for answer in answers] == [None] * 6
