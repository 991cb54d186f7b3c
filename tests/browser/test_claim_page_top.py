"""The first screen of a claim page, on a phone (375 x 812) and a desktop (1280 x 800): the
verdict is there with the claim; a corrected page says so, a withdrawn one says so and shows
no verdict."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import Locator, Page, expect

from claims import services
from claims.enums import Transition
from claims.models import Claim

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SCREENS = {"phone": {"width": 375, "height": 812}, "desktop": {"width": 1280, "height": 800}}
CORRECTED = "nato-admitted-montenegro-north-macedonia-and-albania"
PLAIN = "russia-asked-nato-not-to-admit-ukraine-and-georgia"


@pytest.fixture(params=list(SCREENS))
def reader(request, page: Page, live_server, demo_desk) -> Page:
    page.set_viewport_size(SCREENS[request.param])
    page.base_url = live_server.url
    return page


def open_claim(reader: Page, slug: str) -> None:
    response = reader.goto(reader.base_url + reverse("claims:detail", args=[slug]))
    assert response.status == 200


def assert_on_first_screen(reader: Page, element: Locator) -> None:
    """All of `element` lies within the first screen, before any scrolling."""
    expect(element).to_be_visible()
    assert reader.evaluate("() => window.scrollY") == 0
    box = element.bounding_box()
    screen = reader.viewport_size
    assert box["y"] >= 0 and box["y"] + box["height"] <= screen["height"], (box, screen)
    assert box["x"] >= 0 and box["x"] + box["width"] <= screen["width"], (box, screen)


def test_the_verdict_is_on_the_first_screen_with_the_claim(reader: Page):
    open_claim(reader, PLAIN)
    claim = Claim.objects.get(slug=PLAIN)
    label = claim.reviews.get(status="approved").rating.label

    badge = reader.locator(".claim-head .verdict-line .rating")
    expect(badge).to_have_text(label)
    assert_on_first_screen(reader, badge)
    assert_on_first_screen(reader, reader.locator(".claim-head .scale-place"))
    assert_on_first_screen(reader, reader.get_by_role("heading", level=1))
    expect(reader.get_by_role("heading", level=1)).to_contain_text(claim.text)
    assert_on_first_screen(reader, reader.locator(".claim-head .conclusion"))


def test_a_corrected_page_says_so_at_the_top_and_keeps_the_verdict_in_view(reader: Page):
    open_claim(reader, CORRECTED)

    notice = reader.locator(".claim-head .correction-notice")
    expect(notice).to_contain_text("Corrected on")
    expect(notice).to_contain_text("Earlier verdict:")
    assert_on_first_screen(reader, notice)
    assert_on_first_screen(reader, reader.locator(".claim-head .verdict-line .rating"))
    assert_on_first_screen(reader, reader.get_by_role("heading", level=1))


def test_a_withdrawn_page_says_so_at_the_top_and_shows_no_verdict(reader: Page):
    claim = Claim.objects.get(slug=CORRECTED)
    editor = get_user_model().objects.get(username="editor")
    services.claim_transition(
        claim=claim, transition=Transition.WITHDRAW, by=editor, note="The quote was misattributed."
    )
    open_claim(reader, CORRECTED)

    notice = reader.locator(".claim-head .withdrawn-notice")
    expect(notice).to_contain_text("This fact-check was withdrawn")
    expect(notice).to_contain_text("The quote was misattributed.")
    assert_on_first_screen(reader, notice)
    expect(reader.locator(".rating")).to_have_count(0)
    expect(reader.locator("main")).not_to_contain_text("Our conclusion")
