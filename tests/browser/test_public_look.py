"""The public pages' look (claims/static/claims/public.css) as a browser shows it: controls big
enough that phones do not zoom in, filters folded on phones and laid out on desktops without
any script, dark colours when the system asks, and a printout without navigation or forms that
keeps the addresses of links."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import Browser, expect

from claims.models import Claim

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}


def open_page(browser: Browser, url: str, **options):
    context = browser.new_context(java_script_enabled=False, **options)
    page = context.new_page()
    assert page.goto(url).status == 200
    return context, page


def luminance(colour: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", colour)[:3])
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_every_form_control_is_16px_or_more_on_a_phone(browser: Browser, live_server, demo_desk):
    for path in ["/", "/claims/?q=nato", reverse("claims:suggest_claim")]:
        context, page = open_page(browser, live_server.url + path, viewport=PHONE)
        sizes = page.evaluate(
            """() => [...document.querySelectorAll(`main input:not([type=hidden]), main select,
                main textarea, main button`)].filter(e => e.offsetParent !== null)
                .map(e => parseFloat(getComputedStyle(e).fontSize))"""
        )
        context.close()
        assert sizes, path
        assert min(sizes) >= 16, (path, sizes)


def test_the_filters_are_folded_on_a_phone_and_shown_on_a_desktop(
    browser: Browser, live_server, demo_desk
):
    url = live_server.url + reverse("claims:list")
    context, phone = open_page(browser, url, viewport=PHONE)
    expect(phone.get_by_label("Verdict")).to_be_hidden()
    phone.get_by_text("Search and filter", exact=True).click()
    expect(phone.get_by_label("Verdict")).to_be_visible()
    context.close()

    context, desktop = open_page(browser, url, viewport=DESKTOP)
    expect(desktop.get_by_label("Verdict")).to_be_visible()
    expect(desktop.get_by_text("Search and filter", exact=True)).to_be_hidden()
    context.close()

    # After a search the filters stay open, on a phone too.
    context, phone = open_page(browser, url + "?q=nato", viewport=PHONE)
    expect(phone.get_by_label("Verdict")).to_be_visible()
    context.close()


@pytest.mark.parametrize(("scheme", "dark"), [("light", False), ("dark", True)])
def test_the_colours_follow_the_system(browser: Browser, live_server, demo_desk, scheme, dark):
    claim = Claim.objects.public().first()
    url = live_server.url + reverse("claims:detail", args=[claim.slug])
    context, page = open_page(browser, url, viewport=DESKTOP, color_scheme=scheme)
    body = page.evaluate(
        "() => { const s = getComputedStyle(document.body); return [s.backgroundColor, s.color] }"
    )
    context.close()
    background, text = (luminance(c) for c in body)
    assert (background < 0.2 and text > 0.8) if dark else (background > 0.9 and text < 0.2)


def test_a_printed_claim_page_has_no_navigation_or_forms_and_prints_link_addresses(
    browser: Browser, live_server, demo_desk
):
    claim = Claim.objects.public().get(text__startswith="NATO admitted Montenegro")
    url = live_server.url + reverse("claims:detail", args=[claim.slug])
    context, page = open_page(browser, url, viewport=DESKTOP)
    page.emulate_media(media="print")

    expect(page.get_by_role("navigation", name="Main")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.locator(".report-error")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    link = page.locator(".evidence a[href^='http']").first
    printed = link.evaluate("a => getComputedStyle(a, '::after').content")
    assert link.get_attribute("href") in printed
    context.close()
