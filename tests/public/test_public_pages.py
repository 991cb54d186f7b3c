"""The public claim pages: what readers see, the ClaimReview machines read, and nothing that
was not published."""

import json
import re
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus, PublicationKind, ReviewStatus
from claims.models import Claim, Rating
from claims.public.forms import ClaimFilterForm, filters_html, kept_filters
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    UserFactory,
    default_rating,
    make_public,
)

pytestmark = pytest.mark.django_db
SEED_CLAIM = "nato-admitted-montenegro-north-macedonia-and-albania"


def jsonld(response) -> list[dict]:
    html = response.content.decode()
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def published_claim(*, evidence: int = 0, verdicts: int = 1, analysis=None, **fields) -> Claim:
    """A claim built in the workflow's order: in review with its evidence and approved
    verdicts (the latest of them `analysis`, the others rated false), then published with its
    first publication entry. Afterwards only a correction changes them
    (`claims.public_record`)."""
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, **fields)
    for _ in range(evidence):
        EvidenceFactory(claim=claim)
    now = timezone.now()
    for _ in range(verdicts - 1):
        ReviewFactory(
            claim=claim,
            status=ReviewStatus.APPROVED,
            approved_at=now,
            rating=default_rating("false"),
        )
    review = ReviewFactory(
        claim=claim,
        status=ReviewStatus.APPROVED,
        approved_at=now,
        **({"analysis": analysis} if analysis is not None else {}),
    )
    claim = make_public(claim, when=now)
    PublicationEntryFactory(
        claim=claim, kind=PublicationKind.FIRST_PUBLICATION, review=review, published_at=now
    )
    return claim


def test_the_seed_claim_page_shows_claim_words_verdict_and_record(client, demo_desk):
    response = client.get(reverse("claims:detail", args=[SEED_CLAIM]))

    page = response.content.decode()
    assert response.status_code == 200
    assert "NATO admitted Montenegro, North Macedonia and Albania as members." in page
    assert "Sergey Lavrov" in page
    assert "<mark>Of course, when they accepted Montenegro" in page
    true = Rating.objects.get(scale__is_default=True, slug="true")
    assert f'class="rating {true.css_class} rating-large">True</span>' in page
    assert "Montenegro became the 29th member on 5 June 2017" in page  # the current analysis
    assert "First publication" in page and "(clarification)" in page
    assert "NATO member countries" in page  # evidence


def test_the_claim_page_carries_exactly_one_claimreview(client, demo_desk):
    response = client.get(reverse("claims:detail", args=[SEED_CLAIM]))

    [review] = jsonld(response)
    assert review["@type"] == "ClaimReview"
    assert review["url"] == f"http://testserver/claims/{SEED_CLAIM}/"
    assert review["claimReviewed"].startswith("NATO admitted")
    assert review["author"]["name"] == "Demo Fact-Check Desk"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "True",
    }
    assert review["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Sergey Lavrov",
        "jobTitle": "Minister of Foreign Affairs of Russia",
    }
    assert review["itemReviewed"]["datePublished"] == "2022-04-25"


def test_an_organisation_speaker_is_an_organization_in_the_markup(client, demo_desk):
    response = client.get(
        reverse("claims:detail", args=["russia-asked-nato-not-to-admit-ukraine-and-georgia"])
    )

    [review] = jsonld(response)
    assert review["itemReviewed"]["author"]["@type"] == "Organization"
    assert review["reviewRating"]["ratingValue"] == 4


def test_the_analysis_markdown_is_rendered_and_sanitised(client):
    claim = published_claim(analysis="**Sourced.** <script>alert('x')</script> [a](javascript:x)")

    page = client.get(reverse("claims:detail", args=[claim.slug])).content.decode()

    assert "<strong>Sourced.</strong>" in page
    assert "<script>alert" not in page
    assert 'href="javascript' not in page


@pytest.mark.parametrize("status", [s for s in ClaimStatus if s not in ("published", "withdrawn")])
def test_unpublished_claims_answer_404_to_readers(client, status):
    fields = {"dismissal_reason": "opinion"} if status == "dismissed" else {}
    claim = ClaimFactory(status=status, **fields)

    assert client.get(reverse("claims:detail", args=[claim.slug])).status_code == 404


def test_an_unknown_slug_answers_404(client):
    assert client.get(reverse("claims:detail", args=["no-such-claim"])).status_code == 404


def test_staff_preview_a_draft_marked_noindex_and_never_cached(client, editor):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    client.force_login(editor)

    response = client.get(reverse("claims:detail", args=[claim.slug]))

    assert response.status_code == 200
    assert "Draft preview" in response.content.decode()
    assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()
    assert "no-cache" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert not jsonld(response)


def test_a_withdrawn_claim_shows_its_notice_and_no_markup(client, demo_desk):
    from claims import services
    from claims.enums import Transition

    claim = Claim.objects.get(slug=SEED_CLAIM)
    editor = get_user_model().objects.get(username="editor")
    services.claim_transition(
        claim=claim, transition=Transition.WITHDRAW, by=editor, note="The quote was misattributed."
    )

    response = client.get(reverse("claims:detail", args=[SEED_CLAIM]))

    assert "This fact-check was withdrawn" in response.content.decode()
    assert "The quote was misattributed." in response.content.decode()
    assert not jsonld(response)


def test_nothing_unpublished_leaks_from_the_public_pages(client):
    """Plants secrets in every non-public place, crawls every public page, finds none."""
    secrets = []
    for status in ClaimStatus:
        if status in ("published", "withdrawn"):
            continue
        fields = {"dismissal_reason": "opinion"} if status == "dismissed" else {}
        secret = f"SECRET-CLAIM-{status}"
        ClaimFactory(status=status, text=secret, **fields)
        secrets.append(secret)
    assignee = UserFactory(username="secret-assignee", first_name="Secretname")
    public = published_claim(internal_note="SECRET-INTERNAL-NOTE", assignee=assignee)
    ReviewFactory(
        claim=public,
        status=ReviewStatus.DRAFT,
        summary="SECRET-DRAFT-SUMMARY",
        correction_kind="clarification",
        public_note="SECRET-DRAFT-NOTE",
    )
    EvidenceFactory(claim=ClaimFactory(status=ClaimStatus.RESEARCHING), note="SECRET-EVIDENCE-NOTE")
    secrets += [
        "SECRET-INTERNAL-NOTE",
        "SECRET-DRAFT-SUMMARY",
        "SECRET-DRAFT-NOTE",
        "SECRET-EVIDENCE-NOTE",
        "secret-assignee",
        "Secretname",
    ]

    pages = [reverse("claims:list")] + [
        reverse("claims:detail", args=[c.slug]) for c in Claim.objects.public()
    ]
    for url in pages:
        body = client.get(url).content.decode()
        for secret in secrets:
            assert secret not in body, f"{secret} leaked on {url}"


@pytest.mark.parametrize("count", [1, 20])
def test_the_claims_list_runs_a_fixed_number_of_queries(client, count, django_assert_num_queries):
    for _ in range(count):
        published_claim(evidence=1)

    # The page's ids (no COUNT: claims/public/lookahead_paging.py), the cards with their current
    # verdicts (claims/public/listing.py), and the filter form's choices of verdicts and topics,
    # which are then kept (public_cache.remember) with the form's HTML.
    with django_assert_num_queries(4):
        response = client.get(reverse("claims:list"))
    assert response.status_code == 200
    with django_assert_num_queries(2):
        assert client.get(reverse("claims:list"), {"page": "1"}).status_code == 200


def _filters(response) -> str:
    body = response.content.decode()
    return body[body.index('<form method="get" class="filters"') : body.index("</form>")]


def test_the_filters_of_a_plain_page_are_written_once_as_the_form_writes_them(client, monkeypatch):
    published_claim()
    plain = _filters(client.get(reverse("claims:list"), {"page": "1"}))
    searched = _filters(client.get(reverse("claims:list"), {"q": ""}))  # a form of this request
    assert plain == searched and 'name="q"' in plain and 'name="topic"' in plain

    def not_again(*args, **kwargs):
        raise AssertionError("the filters of a plain page are written once")

    monkeypatch.setattr(ClaimFilterForm, "__init__", not_again)
    assert _filters(client.get(reverse("claims:list"), {"page": "2"})) == plain


@pytest.mark.parametrize(
    "query",
    [
        {"q": "nato"},
        {"q": "nato", "sort": "oldest", "page": "2"},
        {"q": "", "rating": "true"},
        {"rating": "bogus", "since": "not-a-date"},
        {"speaker": "dana", "topic": "economy", "until": "2024-01-01", "publisher": "Wire"},
    ],
)
def test_a_filtered_page_writes_anew_only_the_fields_filled_in(client, publish, query):
    publish(topic="economy")
    form = ClaimFilterForm(QueryDict(urlencode(query)))
    form.is_valid()

    spliced = filters_html(form, kept_filters()["fields"])

    assert spliced == filters_html(form, {})  # every field written for this form
    assert _filters(client.get(reverse("claims:list"), query)) in spliced


def test_the_claim_page_runs_a_fixed_number_of_queries(client):
    def queries(claim) -> int:
        with CaptureQueriesContext(connection) as captured:
            client.get(reverse("claims:detail", args=[claim.slug]))
        return len(captured)

    one = queries(published_claim())
    # The claim with its attribution and repeats, its verdicts, evidence and record: one
    # statement each (claims/public/detail.py).
    assert one == 4
    # Evidence and verdicts come before publication (`claims.public_record`): a claim with ten
    # more of each, published after the first page was read.
    assert queries(published_claim(evidence=10, verdicts=11)) == one


def test_the_list_shows_published_claims_with_their_verdicts(client, demo_desk):
    page = client.get(reverse("claims:list")).content.decode()

    assert "NATO admitted Montenegro" in page
    assert "In December 2021 Russia asked" in page
    assert "Ukraine&#x27;s real position" not in page  # dismissed
    assert page.count('class="claim-card"') == 2


def test_badge_colours_come_from_a_stylesheet_not_inline_styles(client, demo_desk):
    true = Rating.objects.get(scale__is_default=True, slug="true")

    styles = client.get(reverse("claims:rating_styles"))
    page = client.get(reverse("claims:detail", args=[SEED_CLAIM])).content.decode()

    assert styles["Content-Type"].startswith("text/css")
    assert f".{true.css_class} {{ background-color: {true.colour}; color: #fff; }}" in (
        styles.content.decode()
    )
    assert reverse("claims:rating_styles") in page
    assert "style=" not in page


def test_a_claim_page_counts_only_its_public_repeats(client):
    claim = published_claim()
    for _ in range(2):
        published_claim(repeat_of=claim)
    ClaimFactory(repeat_of=claim)  # a draft repeat is nobody's business yet
    page = client.get(reverse("claims:detail", args=[claim.slug])).content.decode()
    assert "Repeated 2 times since." in page
    lone = published_claim()
    page = client.get(reverse("claims:detail", args=[lone.slug])).content.decode()
    assert "Repeated" not in page
