"""The top of a claim page: the verdict with the attributed claim, the conclusion, the byline
and dates; a correction dated with the earlier verdict; a withdrawal without the old verdict,
in the page and in every tag other sites read. And the tags every public page carries."""

import html
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.enums import PublicationKind, Transition
from claims.models import Claim, PublicationEntry, Review
from tests.factories import ClaimFactory, ReviewFactory, SignoffFactory, UserFactory
from tests.public.test_public_pages import jsonld, published_claim
from tests.public.test_public_site import public_urls

pytestmark = pytest.mark.django_db
CORRECTED = "nato-admitted-montenegro-north-macedonia-and-albania"
PLAIN = "russia-asked-nato-not-to-admit-ukraine-and-georgia"


def page(client, slug: str) -> str:
    response = client.get(reverse("claims:detail", args=[slug]))
    assert response.status_code == 200
    return response.content.decode()


def meta(body: str, key: str) -> str | None:
    found = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)">', body)
    return None if found is None else html.unescape(found.group(1))


def head_of(body: str) -> str:
    return body[
        body.index('<header class="claim-head">') : body.index(
            "</header>", body.index('<header class="claim-head">')
        )
    ]


def test_the_head_shows_verdict_claim_conclusion_byline_and_dates_before_the_rest(
    client, demo_desk
):
    claim = Claim.objects.get(slug=PLAIN)
    review = claim.reviews.get(status="approved")
    body = page(client, PLAIN)
    head = head_of(body)

    assert f">{review.rating.label}</span>" in head
    assert "4 of 5 on our scale" in head
    assert claim.text in head and "Sputnik, Russian state-owned news agency, reported" in head
    assert f"Our conclusion:</span> {html.escape(review.summary)}" in head
    assert "Published <time" in head and "Updated" not in head
    order = [
        "verdict-line",
        '<h1 class="claim-words">',
        "conclusion",
        "byline",
        "Our analysis",
        "What was said",
        "Evidence",
        "Publication record",
    ]
    positions = [body.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_direct_words_are_quoted_and_attributed(client, demo_desk):
    claim = Claim.objects.get(slug=CORRECTED)
    head = head_of(page(client, CORRECTED))
    assert "Sergey Lavrov, Minister of Foreign Affairs of Russia, said" in head
    assert f"<q>{claim.text}</q>" in head


def test_the_byline_names_people_only_when_the_desk_chooses_to(client, demo_desk, settings):
    names = {user.get_full_name() for user in get_user_model().objects.all()} - {""}
    body = page(client, PLAIN)
    assert "Checked by a Demo Fact-Check Desk fact-checker" in body
    assert not any(name in body for name in names)

    settings.FACTCHECK_PUBLIC_BYLINES = True
    review = Review.objects.get(claim__slug=PLAIN, status="approved")
    reviewer = review.signoffs.get(decision="approve").reviewer
    body = client.get(reverse("claims:detail", args=[PLAIN]) + "?bylines").content.decode()
    assert (
        f"Checked by {review.author.get_full_name()}; reviewed by {reviewer.get_full_name()}"
        in body
    )


def test_a_corrected_page_says_so_at_the_top_with_the_earlier_verdict(client, demo_desk):
    claim = Claim.objects.get(slug=CORRECTED)
    correction = claim.publication_record.get(kind=PublicationKind.CORRECTION)
    current, earlier = claim.reviews.filter(status="approved").order_by("-approved_at")
    body = page(client, CORRECTED)
    head = head_of(body)

    assert head.index("Corrected on") < head.index("verdict-line")
    assert f"Corrected on {correction.published_at:%-d %B %Y}" in head
    assert html.escape(correction.note) in head
    assert f'Earlier verdict: <span class="rating-was">{earlier.rating.label}</span>' in head
    assert "Updated <time" in head

    (markup,) = jsonld(client.get(reverse("claims:detail", args=[CORRECTED])))
    first = claim.publication_record.get(kind=PublicationKind.FIRST_PUBLICATION)
    assert markup["datePublished"] == first.published_at.isoformat()
    assert markup["dateModified"] == current.approved_at.isoformat()
    assert markup["headline"] == current.summary


def test_a_plain_page_has_no_date_modified(client, demo_desk):
    (markup,) = jsonld(client.get(reverse("claims:detail", args=[PLAIN])))
    assert "dateModified" not in markup


def test_a_withdrawn_page_shows_the_withdrawal_not_the_old_verdict_anywhere(client, demo_desk):
    claim = Claim.objects.get(slug=CORRECTED)
    verdicts = list(claim.reviews.filter(status="approved"))
    editor = get_user_model().objects.get(username="editor")
    services.claim_transition(
        claim=claim, transition=Transition.WITHDRAW, by=editor, note="The quote was misattributed."
    )
    withdrawal = PublicationEntry.objects.get(claim=claim, kind=PublicationKind.WITHDRAWAL)

    body = page(client, CORRECTED)

    head = head_of(body)
    assert head.index("This fact-check was withdrawn") < head.index('<h1 class="claim-words">')
    assert "The quote was misattributed." in head and "Withdrawn <time" in head
    assert 'class="rating' not in body and "Our conclusion" not in body
    for review in verdicts:
        assert html.escape(review.summary) not in body
        assert html.escape(review.analysis.split("\n")[0]) not in body
    for key in ("description", "og:description", "twitter:description"):
        day = f"{withdrawal.published_at:%-d %B %Y}"
        assert meta(body, key) == f"Fact-check withdrawn on {day}: The quote was misattributed."
    for key in ("og:title", "twitter:title"):
        assert meta(body, key).startswith("Withdrawn · ")
    assert not jsonld(client.get(reverse("claims:detail", args=[CORRECTED])))


def test_every_public_page_has_a_description_social_tags_and_the_favicon(client, demo_desk):
    pages = [
        url for url in public_urls() if "/feeds/" not in url and not url.endswith((".xml", ".txt"))
    ]
    for url in pages:
        body = client.get(url).content.decode()
        for key in (
            "description",
            "og:title",
            "og:description",
            "og:url",
            "og:type",
            "twitter:card",
            "twitter:title",
        ):
            assert meta(body, key), (url, key)
        assert meta(body, "twitter:card") == "summary_large_image"
        assert meta(body, "og:image") == meta(body, "twitter:image")
        assert meta(body, "og:image").startswith("http://testserver/"), url
        assert '<link rel="icon" href="/static/claims/favicon.svg" type="image/svg+xml">' in body
        assert 'name="robots"' not in body, url


@pytest.mark.parametrize(
    "query", ["q=nato", "rating=true", "speaker=sergey-lavrov", "sort=oldest", "since=bad"]
)
def test_search_and_filter_results_are_not_indexed(client, demo_desk, query):
    body = client.get(reverse("claims:list") + "?" + query).content.decode()
    assert meta(body, "robots") == "noindex, follow"
    assert meta(client.get(reverse("claims:list") + "?page=1").content.decode(), "robots") is None


def test_the_named_byline_costs_two_queries_whatever_the_reviewers(client, settings):
    settings.FACTCHECK_PUBLIC_BYLINES = True

    def queries(claim) -> int:
        with CaptureQueriesContext(connection) as captured:
            body = client.get(reverse("claims:detail", args=[claim.slug])).content.decode()
        assert "Checked by Fay Author; reviewed by " in body
        return len(captured)

    def claim_with_reviewers(count: int) -> Claim:
        claim = published_claim()
        review = claim.reviews.get()
        get_user_model().objects.filter(pk=review.author_id).update(
            first_name="Fay", last_name="Author"
        )
        for n in range(count):
            reviewer = UserFactory(first_name=f"Reviewer{n}", last_name="Named")
            SignoffFactory(review=review, reviewer=reviewer, decision="approve")
        return claim

    assert queries(claim_with_reviewers(1)) == 4 + 2
    assert queries(claim_with_reviewers(5)) == 4 + 2


def test_a_withdrawn_status_alone_hides_the_verdict(client):
    claim = published_claim()
    Claim.objects.filter(pk=claim.pk).update(status="withdrawn")  # no withdrawal entry at all

    body = page(client, claim.slug)

    assert "This fact-check was withdrawn" in head_of(body)
    assert 'class="rating' not in body
    assert meta(body, "og:description") == "This fact-check was withdrawn."


def test_a_staff_preview_of_a_verdict_without_a_rating_yet(client, editor):
    claim = ClaimFactory(status="researching")
    ReviewFactory(claim=claim, rating=None, summary="Still checking.")
    client.force_login(editor)

    body = page(client, claim.slug)

    assert "Draft preview" in body and "Still checking." in body
    assert "verdict-line" not in body
