"""Stored XSS: script planted in every text an editor can type never runs, on any public page
or in the admin, in a real browser. Run with the Content Security Policy on, and off to prove
the escaping alone holds (the policy is a second wall, not the first)."""

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import Page

from claims.enums import ClaimStatus, PublicationKind, ReviewStatus, SignoffDecision
from claims.models import Rating
from tests.factories import (
    ClaimEventFactory,
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    SignoffFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
    TopicFactory,
    UserFactory,
    default_rating,
    make_public,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def payload(tag: str) -> str:
    """Markup that would record `tag` in window.__xss if the browser ever ran it (<= 100
    characters, so it fits every field)."""
    return f"<img src=x onerror=\"__xss.push('{tag}')\"><script>__xss.push('{tag}')</script>"


MARKDOWN = (
    "Analysis.\n\n<script>__xss.push('md-script')</script>\n\n"
    "[a link](javascript:__xss.push('md-link'))\n\n"
    "<img src=x onerror=\"__xss.push('md-img')\">\n\n"
    "<a href=\"javascript:__xss.push('md-a')\">raw link</a>"
)
JS_URL = "javascript:__xss.push('url')"


@pytest.fixture
def planted(db):
    """A published, corrected claim and a withdrawn one, every typed text a payload."""
    rating = default_rating("false")
    Rating.objects.filter(pk=rating.pk).update(
        label=payload("rating-label"), description=payload("rating-description")
    )
    rating.refresh_from_db()
    article = f"The minister spoke. {payload('quote')} Then he left."
    source = SourceFactory(
        title=payload("source-title"),
        publisher=payload("publisher"),
        author=payload("author"),
        text=article,
        url="https://news.example/xss",
    )
    speaker = SpeakerFactory(
        name=payload("speaker"),
        slug="xss-speaker",
        role=payload("role"),
        description=payload("speaker-description"),
        aliases=[payload("alias")],
        url=JS_URL,
    )
    start = article.index("<img")
    statement = StatementFactory(
        source=source,
        speaker=speaker,
        start=start,
        end=start + len(payload("quote")),
        said_where=payload("said-where"),
    )
    author = UserFactory(username="xss-author", first_name=payload("first-name")[:150])
    # Built in the workflow's order: the claim in review, its verdict, sign-off and evidence,
    # then published (`claims.public_record`), then corrected and, for another, withdrawn.
    claim = ClaimFactory(
        statement=statement,
        text=payload("claim") + " </script><script>__xss.push('jsonld')</script>",
        slug="xss-claim",
        status=ClaimStatus.IN_REVIEW,
        context_note=payload("context"),
        internal_note=payload("internal"),
    )
    claim.topics.add(TopicFactory(name=payload("topic"), slug="xss-topic"))
    review = ReviewFactory(
        claim=claim,
        author=author,
        rating=rating,
        summary=payload("summary"),
        analysis=MARKDOWN,
        status=ReviewStatus.APPROVED,
        approved_at=timezone.now(),
    )
    SignoffFactory(review=review, decision=SignoffDecision.APPROVE, comment=payload("signoff"))
    EvidenceFactory(
        claim=claim,
        source=SourceFactory(title=payload("evidence-source"), url=JS_URL + "//source"),
        excerpt=payload("excerpt"),
        note=payload("evidence-note"),
        archive_url=JS_URL,
    )
    claim = make_public(claim)
    PublicationEntryFactory(claim=claim, review=review, kind=PublicationKind.FIRST_PUBLICATION)
    PublicationEntryFactory(
        claim=claim,
        kind=PublicationKind.CORRECTION,
        correction_kind="clarification",
        note=payload("correction-note"),
    )
    ClaimEventFactory(claim=claim, note=payload("event"))
    withdrawn = ClaimFactory(
        statement=statement,
        slug="xss-withdrawn",
        text=payload("withdrawn"),
        status=ClaimStatus.IN_REVIEW,
    )
    withdrawn = make_public(withdrawn, status=ClaimStatus.WITHDRAWN)
    PublicationEntryFactory(
        claim=withdrawn, kind=PublicationKind.WITHDRAWAL, note=payload("withdrawal-note")
    )
    return {"claim": claim, "source": source, "speaker": speaker, "review": review}


def public_paths(planted) -> list[str]:
    claim, source = planted["claim"], planted["source"]
    return [
        reverse("claims:home"),
        reverse("claims:list"),
        reverse("claims:list") + "?q=%3Cimg+src%3Dx",
        reverse("claims:detail", args=[claim.slug]),
        reverse("claims:detail", args=["xss-withdrawn"]),
        reverse("claims:speaker", args=["xss-speaker"]),
        reverse("claims:source", args=[source.pk]),
        reverse("claims:source", args=[claim.evidence.get().source_id]),
        reverse("claims:corrections"),
        reverse("claims:methodology"),
    ]


def admin_paths(planted) -> list[str]:
    claim, source, speaker = planted["claim"], planted["source"], planted["speaker"]
    return [
        "/admin/claims/claim/",
        f"/admin/claims/claim/{claim.pk}/change/",
        f"/admin/claims/claim/{claim.pk}/history/",
        "/admin/claims/claim/queues/",
        "/admin/claims/source/",
        f"/admin/claims/source/{source.pk}/change/",
        f"/admin/claims/source/{source.pk}/workspace/",
        "/admin/claims/speaker/",
        f"/admin/claims/speaker/{speaker.pk}/change/",
        f"/admin/claims/statement/{claim.statement_id}/change/",
        "/admin/claims/review/",
        f"/admin/claims/review/{planted['review'].pk}/change/",
        "/admin/claims/evidence/",
        "/admin/claims/rating/",
        "/admin/claims/topic/",
        "/admin/claims/publicationentry/",
        "/admin/claims/claimevent/",
    ]


def assert_nothing_ran(page: Page, path: str, dialogs: list[str]) -> None:
    page.wait_for_load_state("load")
    assert page.evaluate("window.__xss") == [], path
    assert dialogs == [], path
    assert page.locator("a[href^='javascript' i]").count() == 0, path


@pytest.fixture(params=["csp-on", "csp-off"])
def browser_page(request, page: Page, settings) -> tuple[Page, list[str]]:
    if request.param == "csp-off":
        settings.SECURE_CSP = {}
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.add_init_script("window.__xss = [];")
    return page, dialogs


def test_no_planted_script_runs_on_any_public_page(browser_page, live_server, planted):
    page, dialogs = browser_page
    for path in public_paths(planted):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_nothing_ran(page, path, dialogs)

    page.goto(live_server.url + reverse("claims:detail", args=["xss-claim"]))
    # Escaped, not dropped: readers see the words as typed.
    assert "<img src=x onerror=" in page.locator("h1").inner_text()
    assert "__xss.push('summary')" in page.locator(".claim-head .conclusion").inner_text()


def test_no_planted_script_runs_in_the_admin(browser_page, live_server, planted):
    page, dialogs = browser_page
    UserFactory(username="root", is_superuser=True, password="root-password-xss")
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "root")
    page.fill("#id_password", "root-password-xss")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")

    for path in admin_paths(planted):
        response = page.goto(live_server.url + path)
        assert response.status == 200, path
        assert_nothing_ran(page, path, dialogs)
