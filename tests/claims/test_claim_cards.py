"""`{% claim_card %}` (claims/templatetags/desk.py) writes each card of the claims list, read as
rows (claims/public/listing.py), as the list's template wrote it from model instances, escaping and
translation included."""

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone, translation

from claims.enums import ClaimStatus, ReviewStatus
from claims.public.listing import card_page
from claims.selectors import listed_claims, public_claims
from claims.templatetags.desk import claim_card
from tests.factories import ClaimFactory, ReviewFactory, make_public

pytestmark = pytest.mark.django_db

# The card as claims/claim_list.html wrote it before it moved to Python.
TEMPLATE_CARD = Template(
    "{% load i18n desk %}{% with verdict=claim.approved_reviews.0 %}"
    '<li class="claim-card">\n'
    "    <h2><a href=\"{% page_url 'claims:detail' claim.slug %}\">{{ claim.text }}</a></h2>\n"
    '    <p class="claim-meta">'
    "<a href=\"{% page_url 'claims:speaker' claim.statement.speaker.slug %}\">"
    "{{ claim.statement.speaker.name }}</a>"
    '{% if claim.statement.said_on %} · {{ claim.statement.said_on|date:"j F Y" }}{% endif %}</p>'
    '{% if claim.status == "withdrawn" %}\n'
    '    <p class="withdrawn">{% translate "Withdrawn" %}</p>{% elif verdict %}\n'
    "    <p>{% rating_badge verdict.rating %} {{ verdict.summary }}</p>{% endif %}\n"
    "  </li>{% endwith %}"
)
AWKWARD = "<script>alert('x')</script> & \"quotes\" 'too'"


def _claims() -> list:
    now = timezone.now()
    said = datetime.date(2024, 5, 6)
    plain = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    ReviewFactory(claim=plain, status=ReviewStatus.APPROVED, approved_at=now)
    make_public(plain, when=now)
    awkward = ClaimFactory(
        status=ClaimStatus.IN_REVIEW,
        text=AWKWARD,
        statement__said_on=said,
        statement__speaker__name=AWKWARD,
    )
    ReviewFactory(claim=awkward, status=ReviewStatus.APPROVED, approved_at=now, summary=AWKWARD)
    make_public(awkward, when=now)
    withdrawn = ClaimFactory(status=ClaimStatus.IN_REVIEW, statement__said_on=said)
    ReviewFactory(claim=withdrawn, status=ReviewStatus.APPROVED, approved_at=now)
    make_public(withdrawn, status=ClaimStatus.WITHDRAWN, when=now)
    corrected = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    ReviewFactory(claim=corrected, status=ReviewStatus.APPROVED, approved_at=now, summary="New.")
    earlier = now - datetime.timedelta(days=1)
    ReviewFactory(claim=corrected, status=ReviewStatus.APPROVED, approved_at=earlier)
    make_public(corrected, when=now)
    make_public(ClaimFactory(), when=now)  # no verdict yet
    return card_page(listed_claims(), None, 20).object_list


@pytest.mark.parametrize("language", ["en", "de"])
def test_a_card_is_what_the_template_wrote(language):
    cards = _claims()
    claims = {claim.slug: claim for claim in public_claims()}
    assert len(cards) == len(claims) == 5
    with translation.override(language):
        for card in cards:
            expected = TEMPLATE_CARD.render(Context({"claim": claims[card.slug]}))
            assert claim_card(card) == expected


def test_a_card_shows_the_current_verdict():
    (card,) = [c for c in _claims() if c.verdict and c.verdict.summary == "New."]
    assert "New." in claim_card(card)


def test_nothing_a_desk_types_is_written_as_markup():
    card = claim_card(next(c for c in _claims() if c.text == AWKWARD))
    assert "<script>" not in card
    assert card.count("&lt;script&gt;") == 3  # the wording, the speaker, the summary
