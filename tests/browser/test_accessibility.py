"""axe-core (tests/browser/axe/, vendored) on every kind of public page, at a phone's and a
desktop's width, in light and in dark colours, in each of the site's languages: no violation of
the rules it checks (WCAG 2.x A and AA, and its best practices). axe cannot judge everything
(whether a text alternative is apt, whether the reading order makes sense): this keeps what it
can judge from regressing."""

from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Browser

from claims import services
from claims.enums import Transition
from claims.models import Claim

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

AXE = Path(__file__).parent / "axe" / "axe.min.js"
# Each violation as "rule (impact): where".
AXE_RUN = """async () => (await axe.run(document, {resultTypes: ["violations"]})).violations
    .map(v => `${v.id} (${v.impact}): ${v.nodes.map(n => n.target.join(" ")).join(", ")}`)"""
SHOWN = [
    ("phone", {"width": 375, "height": 812}, "light"),
    ("desktop", {"width": 1280, "height": 800}, "light"),
    ("phone-dark", {"width": 375, "height": 812}, "dark"),
    ("desktop-dark", {"width": 1280, "height": 800}, "dark"),
]
# English in every view; the other languages (their own words, lengths and lang marks) at a
# phone's width in light colours and a desktop's in dark.
RUNS = [(*shown, "en") for shown in SHOWN] + [
    (*shown, language) for language in ("uk", "fr") for shown in (SHOWN[0], SHOWN[3])
]


def every_kind_of_page(language: str) -> list[str]:
    """One address of each kind of public page in `language`, a withdrawn claim's and an error
    page included."""
    claims = list(Claim.objects.public().select_related("statement").order_by("pk"))
    withdrawn, published = claims[0], claims[-1]
    services.claim_transition(
        claim=withdrawn,
        transition=Transition.WITHDRAW,
        by=get_user_model().objects.get(username="editor"),
        note="The quote was misattributed.",
    )
    with translation.override(language):
        return _addresses(published, withdrawn)


def _addresses(published: Claim, withdrawn: Claim) -> list[str]:
    return [
        reverse("claims:home"),
        reverse("claims:list"),
        reverse("claims:list") + "?q=nato&since=not-a-date",  # a search with an error
        reverse("claims:detail", args=[published.slug]),
        reverse("claims:detail", args=[withdrawn.slug]),
        reverse("claims:speaker", args=[published.statement.speaker.slug]),
        reverse("claims:source", args=[published.statement.source_id]),
        reverse("claims:corrections"),
        reverse("claims:methodology"),
        reverse("claims:about"),
        reverse("claims:suggest_claim"),
        reverse("claims:report_error", args=[published.slug]),
        reverse("claims:home") + "no-such-page/",
    ]


@pytest.mark.parametrize(
    ("name", "viewport", "colours", "language"), RUNS, ids=[f"{r[3]}-{r[0]}" for r in RUNS]
)
def test_axe_finds_no_violation_on_any_public_page(
    browser: Browser, live_server, demo_desk, name, viewport, colours, language
):
    # The pages' Content Security Policy refuses scripts that are not the site's own; the
    # test's injected axe is let through, the pages themselves are as readers get them.
    context = browser.new_context(viewport=viewport, color_scheme=colours, bypass_csp=True)
    page = context.new_page()
    found = {}
    for path in every_kind_of_page(language):
        page.goto(live_server.url + path)
        page.add_script_tag(path=str(AXE))
        violations = page.evaluate(AXE_RUN)
        if violations:
            found[path] = violations
    context.close()
    assert not found, found
