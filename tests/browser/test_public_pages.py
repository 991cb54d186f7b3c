"""What a reader sees on the public pages, in a real browser at a desktop and a phone width:
the verdicts, the quote in its context, the speaker's chart, the source with its claims linked,
search and filters without JavaScript, keyboard use, and nothing wider than the screen."""

import json

import pytest
from django.urls import reverse
from playwright.sync_api import Page, expect

from claims.models import Claim

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 375, "height": 812}}
MONTENEGRO = "NATO admitted Montenegro"


@pytest.fixture(params=list(VIEWPORTS))
def reader(request, page: Page, live_server, demo_desk) -> Page:
    """A reader's page (no login, no JavaScript needed by the site) at the given width."""
    page.set_viewport_size(VIEWPORTS[request.param])
    page.base_url = live_server.url
    return page


def visit(page: Page, path: str) -> None:
    response = page.goto(page.base_url + path)
    assert response.status == 200, path
    assert_fits_the_screen(page)


def assert_fits_the_screen(page: Page) -> None:
    overflow = page.evaluate(
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, f"{page.url} is {overflow}px wider than the screen"


def published_claim(words: str) -> Claim:
    return Claim.objects.public().get(text__startswith=words)


def test_the_home_page_shows_latest_verdicts_and_searches(reader: Page):
    visit(reader, "/")
    expect(reader.get_by_role("heading", level=1)).to_be_visible()
    latest = reader.locator(".claim-list .claim-card")
    expect(latest.first).to_be_visible()
    expect(reader.locator(".claim-list")).to_contain_text(MONTENEGRO)

    reader.get_by_label("Search the fact-checks").fill("Montenegro")
    reader.get_by_role("button", name="Search").click()

    expect(reader).to_have_url(reader.base_url + "/claims/?q=Montenegro")
    cards = reader.locator(".claim-list .claim-card")
    expect(cards).to_have_count(1)
    expect(cards.first).to_contain_text(MONTENEGRO)
    assert_fits_the_screen(reader)


def test_the_claim_page_shows_verdict_quote_in_context_and_record(reader: Page):
    claim = published_claim(MONTENEGRO)
    visit(reader, reverse("claims:detail", args=[claim.slug]))

    expect(reader.get_by_role("heading", level=1)).to_contain_text(claim.text)
    badge = reader.locator(".verdict-line .rating")
    expect(badge).to_be_visible()
    expect(reader.locator(".verdict-line")).to_contain_text("on our scale, where higher is truer")
    quote = reader.locator("blockquote.in-context mark")
    expect(quote).to_be_visible()
    expect(quote).to_have_text(claim.statement.quote)
    expect(reader.get_by_role("heading", name="Evidence")).to_be_visible()
    markup = json.loads(reader.locator("script[type='application/ld+json']").text_content())
    assert markup["@type"] == "ClaimReview"
    assert markup["claimReviewed"] == claim.text

    reader.locator("p.source a").first.click()
    expect(reader.locator("main mark a").first).to_be_visible()
    assert_fits_the_screen(reader)


def test_the_source_page_links_every_highlighted_claim_to_its_page(reader: Page):
    claim = published_claim(MONTENEGRO)
    visit(reader, reverse("claims:source", args=[claim.statement.source_id]))

    reader.get_by_role("link", name=claim.statement.quote).click()

    expect(reader).to_have_url(
        reader.base_url + reverse("claims:detail", args=[claim.slug]), ignore_case=False
    )


def test_the_speaker_page_shows_an_accessible_chart_within_the_screen(reader: Page):
    claim = published_claim(MONTENEGRO)
    visit(reader, reverse("claims:speaker", args=[claim.statement.speaker.slug]))

    chart = reader.get_by_role("img", name=f"Verdicts on claims by {claim.statement.speaker.name}")
    expect(chart).to_be_visible()
    width = chart.bounding_box()["width"]
    assert width <= reader.viewport_size["width"]
    expect(reader.locator(".claim-list, ol, ul").filter(has_text=MONTENEGRO).first).to_be_visible()


def test_filters_work_without_javascript(browser, live_server, demo_desk):
    context = browser.new_context(java_script_enabled=False, viewport=VIEWPORTS["phone"])
    reader = context.new_page()
    reader.goto(live_server.url + "/claims/")
    claim = published_claim(MONTENEGRO)
    rating = claim.reviews.approved().order_by("-approved_at").first().rating

    # Phones fold the filters away; a <details> opens without JavaScript.
    reader.get_by_text("Search and filter", exact=True).click()
    reader.get_by_label("Verdict").select_option(label=rating.label)
    reader.get_by_role("button", name="Show").click()

    assert f"rating={rating.slug}" in reader.url
    cards = reader.locator(".claim-list .claim-card")
    for index in range(cards.count()):
        expect(cards.nth(index).locator(".rating")).to_have_text(rating.label)
    expect(reader.locator(".claim-list")).to_contain_text(MONTENEGRO)
    context.close()


def test_keyboard_users_skip_to_content_and_see_where_focus_is(reader: Page):
    visit(reader, "/methodology/")

    reader.keyboard.press("Tab")
    skip = reader.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    reader.keyboard.press("Enter")
    expect(reader.locator("main")).to_be_focused()

    reader.keyboard.press("Tab")
    outline = reader.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("", "none")


def test_corrections_and_methodology_read_well(reader: Page):
    visit(reader, "/corrections/")
    expect(reader.locator("main li").first).to_be_visible()
    visit(reader, "/methodology/")
    expect(reader.locator("main")).to_contain_text("Mostly false")
