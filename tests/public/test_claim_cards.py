"""A claim's card (claims/_claim_cards.html), read as rows (claims/public/listing.py): the same on
the claims list, a search's results, a speaker's page and the home page."""

import datetime
from html import unescape

import pytest
from django.template.loader import render_to_string
from django.utils import timezone, translation

from claims.enums import ClaimStatus, ReviewStatus, SpeechKind
from claims.public.listing import card_page
from claims.selectors import listed_claims
from tests.factories import ClaimFactory, ReviewFactory, make_public

pytestmark = pytest.mark.django_db

AWKWARD = "<script>alert('x')</script> & \"quotes\" 'too'"


def _cards() -> list:
    now = timezone.now()
    said = datetime.date(2024, 5, 6)
    plain = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        text="Plain.",
        statement__said_on=said,
        statement__speech=SpeechKind.DIRECT,
    )
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
    link = f'<a href="/claims/{card.slug}/"><q>Plain.</q></a>'
    assert f'<h2 class="card-claim">{link}</h2>' in html
    speaker = f'<a href="/speakers/{card.speaker_slug}/">{card.speaker_name}</a>'
    assert f"{speaker} · said on 6 May 2024" in html
    badge = f'<span class="rating {card.verdict.css_class}">{card.verdict.label}</span>'
    assert f'<p class="card-verdict">{badge} Right.</p>' in html
    # The verdict comes first, with the claim: never the claim alone at the top of a card.
    assert html.index(badge) < html.index("Plain.</q></a>")
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


@pytest.mark.parametrize(
    ("speech", "quoted", "label"),
    [
        (SpeechKind.DIRECT, True, None),
        (SpeechKind.INDIRECT, False, "(paraphrased by Sputnik)"),
        (SpeechKind.NARRATION, False, "(the outlet's own account)"),
    ],
)
def test_a_card_quotes_direct_speech_only_and_names_a_paraphrase_or_narration(
    speech, quoted, label
):
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        text="Exports grew.",
        statement__speech=speech,
        statement__source__publisher="Sputnik",
    )
    make_public(claim)
    (card,) = card_page(listed_claims(), None, 20).object_list
    html = render_to_string("claims/_claim_cards.html", {"cards": [card]})
    assert ("<q>Exports grew.</q>" in html) is quoted
    assert ">Exports grew.</a>" in html or quoted
    if label:
        # Jinja2 escapes the apostrophe of a translated label; the reader sees the label.
        assert f'</a> <span class="speech-kind">{label}</span>' in unescape(html)
    else:
        assert "speech-kind" not in html


@pytest.mark.parametrize(
    ("speech", "quoted", "label"),
    [
        (SpeechKind.DIRECT, True, None),
        (SpeechKind.INDIRECT, False, "(paraphrased by Sputnik)"),
        (SpeechKind.NARRATION, False, "(the outlet's own account)"),
    ],
)
def test_the_claim_page_quotes_direct_speech_only_and_names_a_paraphrase_or_narration(
    client, speech, quoted, label
):
    claim = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        text="Exports grew.",
        statement__speech=speech,
        statement__source__publisher="Sputnik",
    )
    make_public(claim)
    body = client.get(f"/claims/{claim.slug}/").content.decode()
    head = body[body.index('<h1 class="claim-words">') : body.index("</h1>")]
    assert ("<q>Exports grew.</q>" in head) is quoted
    if label:
        assert f'<span class="speech-kind">{label}</span>' in head
    else:
        assert "speech-kind" not in head
