"""A claim's card (claims/_claim_cards.html), read as rows (claims/public/listing.py): the same on
the claims list, a search's results, a speaker's page and the home page."""

import datetime

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from claims.enums import ClaimStatus, ReviewStatus
from claims.public.listing import card_page
from claims.selectors import listed_claims
from tests.factories import ClaimFactory, ReviewFactory, make_public

pytestmark = pytest.mark.django_db

AWKWARD = "<script>alert('x')</script> & \"quotes\" 'too'"


def _cards() -> list:
    now = timezone.now()
    said = datetime.date(2024, 5, 6)
    plain = ClaimFactory(status=ClaimStatus.IN_REVIEW, text="Plain.", statement__said_on=said)
    ReviewFactory(claim=plain, status=ReviewStatus.APPROVED, approved_at=now, summary="Right.")
    make_public(plain, when=now)
    awkward = ClaimFactory(
        status=ClaimStatus.IN_REVIEW, text=AWKWARD, statement__speaker__name=AWKWARD
    )
    ReviewFactory(claim=awkward, status=ReviewStatus.APPROVED, approved_at=now, summary=AWKWARD)
    make_public(awkward, when=now)
    withdrawn = ClaimFactory(status=ClaimStatus.IN_REVIEW, text="Withdrawn one.")
    ReviewFactory(claim=withdrawn, status=ReviewStatus.APPROVED, approved_at=now)
    make_public(withdrawn, status=ClaimStatus.WITHDRAWN, when=now)
    corrected = ClaimFactory(status=ClaimStatus.IN_REVIEW, text="Corrected.")
    ReviewFactory(claim=corrected, status=ReviewStatus.APPROVED, approved_at=now, summary="New.")
    earlier = now - datetime.timedelta(days=1)
    ReviewFactory(claim=corrected, status=ReviewStatus.APPROVED, approved_at=earlier)
    make_public(corrected, when=now)
    make_public(ClaimFactory(text="No verdict yet."), when=now)
    return card_page(listed_claims(), None, 20).object_list


def _card(cards, **found) -> str:
    (card,) = [c for c in cards if all(getattr(c, k) == v for k, v in found.items())]
    return render_to_string("claims/_claim_cards.html", {"cards": [card]})


def test_a_card_links_the_claim_and_speaker_and_shows_the_day_and_verdict():
    cards = _cards()
    (card,) = [c for c in cards if c.text == "Plain."]
    html = _card(cards, text="Plain.")
    assert f'<h2 class="card-claim"><a href="/claims/{card.slug}/">Plain.</a></h2>' in html
    speaker = f'<a href="/speakers/{card.speaker_slug}/">{card.speaker_name}</a>'
    assert f"{speaker} · said on 6 May 2024" in html
    badge = f'<span class="rating {card.verdict.css_class}">{card.verdict.label}</span>'
    assert f'<p class="card-verdict">{badge} Right.</p>' in html
    # The verdict comes first, with the claim: never the claim alone at the top of a card.
    assert html.index(badge) < html.index("Plain.</a>")
    with translation.override("de"):
        assert "6 Mai 2024" in _card(cards, text="Plain.")


def test_a_card_shows_the_current_verdict_or_the_withdrawal():
    cards = _cards()
    corrected = _card(cards, text="Corrected.")
    assert "New." in corrected and corrected.count('class="rating') == 1
    withdrawn = _card(cards, text="Withdrawn one.")
    assert '<span class="withdrawn">Withdrawn</span>' in withdrawn
    assert 'class="rating' not in withdrawn
    assert 'class="rating' not in _card(cards, text="No verdict yet.")


def test_nothing_a_desk_types_is_written_as_markup():
    card = _card(_cards(), text=AWKWARD)
    assert "<script>" not in card
    assert card.count("&lt;script&gt;") == 3  # the wording, the speaker, the summary
