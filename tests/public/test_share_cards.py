"""Share cards (claims/public/cards.py): the picture other sites show with a link, drawn once
per version of what it shows, with the verdict in its colour or the withdrawal."""

import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.urls import reverse
from PIL import Image, ImageFont

from claims import services
from claims.enums import ClaimStatus, CorrectionKind, Transition
from claims.models import Claim, Rating
from claims.public import cards
from tests.factories import ClaimFactory
from tests.public.test_claim_page_head import CORRECTED, PLAIN, meta

pytestmark = pytest.mark.django_db


def card_of(client, slug: str) -> Image.Image:
    response = client.get(reverse("claims:claim_card", args=[slug]))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Cache-Control"] == "public, max-age=60"
    return Image.open(io.BytesIO(response.content)).convert("RGB")


def edge_colour(image: Image.Image) -> str:
    """The colour of the band down the card's left edge: the verdict's."""
    return "#{:02x}{:02x}{:02x}".format(*image.getpixel((8, 300)))


def test_a_claim_card_is_1200_by_630_with_the_verdicts_colour(client, demo_desk):
    claim = Claim.objects.get(slug=PLAIN)
    rating = claim.reviews.get(status="approved").rating

    image = card_of(client, PLAIN)

    assert image.size == (1200, 630)
    assert edge_colour(image) == rating.colour.lower()
    face = cards.claim_face(PLAIN)
    assert (face.label, face.claim, face.speaker) == (rating.label, claim.text, "Sputnik")


def test_a_card_is_drawn_once_per_version_and_again_when_the_verdict_changes(client, demo_desk):
    claim = Claim.objects.get(slug=PLAIN)
    before = cards.claim_face(PLAIN)
    first = client.get(reverse("claims:claim_card", args=[PLAIN])).content
    assert cache.get(f"{cards.KEY_PREFIX}:{before.version}") == first

    other = Rating.objects.exclude(pk=claim.reviews.get(status="approved").rating_id).first()
    users = get_user_model().objects
    correction = services.review_create(
        claim=claim,
        author=users.get(username="factchecker"),
        rating=other,
        summary="Rated again.",
        analysis="New evidence.",
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="We changed the rating.",
    )
    services.review_submit_correction(review=correction, by=users.get(username="factchecker"))
    services.review_approve(review=correction, by=users.get(username="reviewer"))
    services.correction_publish(review=correction, by=users.get(username="editor"))

    after = cards.claim_face(PLAIN)
    assert after.version != before.version and after.label == other.label
    assert edge_colour(card_of(client, PLAIN)) == other.colour.lower()
    # The earlier version stays kept under its own key, untouched.
    assert cache.get(f"{cards.KEY_PREFIX}:{before.version}") == first


def test_a_withdrawn_claims_card_shows_the_withdrawal_not_the_old_verdict(client, demo_desk):
    claim = Claim.objects.get(slug=CORRECTED)
    labels = {r.rating.label for r in claim.reviews.filter(status="approved")}
    editor = get_user_model().objects.get(username="editor")
    services.claim_transition(
        claim=claim, transition=Transition.WITHDRAW, by=editor, note="Misattributed."
    )

    face = cards.claim_face(CORRECTED)

    assert face.label == "Withdrawn" and face.label not in labels
    assert edge_colour(card_of(client, CORRECTED)) == cards.WITHDRAWN_COLOUR


def test_unpublished_claims_have_no_card(client):
    for status in [s for s in ClaimStatus.values if s not in ("published", "withdrawn")]:
        reason = "duplicate" if status == "dismissed" else ""
        claim = ClaimFactory(status=status, dismissal_reason=reason)
        response = client.get(reverse("claims:claim_card", args=[claim.slug]))
        assert response.status_code == 404, status


def test_the_font_has_cyrillic_letters():
    font = ImageFont.truetype(str(cards.FONTS / "DejaVuSans-Bold.ttf"), 40)
    # Letters the font lacks are all drawn as one and the same box, a private-use one's.
    letters = "ЖЩЮЯЇЄҐіґ"
    masks = {bytes(font.getmask(letter)) for letter in letters}
    assert len(masks) == len(letters)
    assert bytes(font.getmask("\ue000")) not in masks
    assert bytes(font.getmask("\ue000")) == bytes(font.getmask("\ue001"))
    face = cards.Face(
        desk="Редакція",
        claim="Росія попросила НАТО",
        speaker="Лавров",
        label="Неправда",
        colour="#b91c1c",
    )
    image = Image.open(io.BytesIO(cards.draw(face)))
    assert image.size == (1200, 630)


def test_a_very_long_claim_still_fits_the_card():
    face = cards.Face(
        desk="Desk", claim="word " * 400, speaker="Someone", label="False", colour="#b91c1c"
    )
    image = Image.open(io.BytesIO(cards.draw(face))).convert("RGB")
    # The desk's name keeps its place at the foot: the claim was cut, not drawn over it.
    foot = image.crop((72, 520, 1128, 524))
    assert set(foot.get_flattened_data()) <= {(0xD0, 0xD7, 0xDE), (255, 255, 255)}


def test_claim_pages_name_their_card_and_other_pages_the_sites(client, demo_desk):
    body = client.get(reverse("claims:detail", args=[PLAIN])).content.decode()
    image = meta(body, "og:image")
    assert re.fullmatch(rf"http://testserver/claims/{PLAIN}/card\.png\?v=\d+", image)
    assert meta(body, "twitter:card") == "summary_large_image"
    assert client.get(image.removeprefix("http://testserver")).status_code == 200

    listing = client.get(reverse("claims:list")).content.decode()
    assert meta(listing, "og:image") == "http://testserver/card.png"
    site = client.get(reverse("claims:site_card"))
    assert Image.open(io.BytesIO(site.content)).size == (1200, 630)


def test_a_draft_preview_shares_no_card_of_its_own(admin_client):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    body = admin_client.get(reverse("claims:detail", args=[claim.slug])).content.decode()
    assert meta(body, "og:image") == "http://testserver/card.png"
    assert admin_client.get(reverse("claims:claim_card", args=[claim.slug])).status_code == 404
