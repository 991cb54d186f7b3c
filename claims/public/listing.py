"""Claim cards, read as rows: what a card shows (`claims/_claim_cards.html`) for the /claims/ list,
a search's results, a speaker's page and the home page.

Which claims, and in what order, comes from the caller's queryset (`selectors.listed_claims()`,
narrowed and sorted by `forms.ClaimFilterForm`, or a speaker's claims); a page reads its ids
from it, then the cards' rows and their current verdicts by those ids: no model instances, no
prefetch, and the joins only for the claims shown (see docs/adr/0007).
"""

from __future__ import annotations

import dataclasses
import datetime
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from ..db import sql
from ..models import Claim, Rating, Review
from .lookahead_paging import LookaheadPage, lookahead_page

# A card's row, in the order of Card's fields.
CARD_FIELDS = [
    "id",
    "slug",
    "text",
    "status",
    "statement__said_on",
    "statement__speaker__slug",
    "statement__speaker__name",
]


@dataclass(frozen=True)
class Verdict:
    """A card's verdict: what `{% rating_badge %}` needs of a rating, and the summary."""

    label: str
    css_class: str
    summary: str


@dataclass(frozen=True)
class Card:
    id: int
    slug: str
    text: str
    status: str
    said_on: datetime.date | None
    speaker_slug: str
    speaker_name: str
    verdict: Verdict | None = None  # the current one: the newest approved review


def card_rows(claims: QuerySet[Claim]) -> QuerySet:
    """`claims` as the rows a card is made of (the home page's latest, read with the ORM)."""
    return claims.values_list(*CARD_FIELDS)


def card_page(claims: QuerySet[Claim], value: str | None, per_page: int) -> LookaheadPage:
    """The page asked for (`value`) of `claims`, as Cards, in two queries: the page's ids, then
    the cards with their current verdicts (claims/db/sql/cards.sql, docs/adr/0007)."""
    page = lookahead_page(
        claims.prefetch_related(None).values_list("pk", flat=True), value, per_page
    )
    _columns, rows = sql.rows(["ids", "cards"], {"ids": sql.id_list(page.object_list)})
    found = {row[0]: _card_of(row) for row in rows}
    return dataclasses.replace(
        page, object_list=[found[pk] for pk in page.object_list if pk in found]
    )


def _card_of(row: tuple) -> Card:
    *fields, rating_id, label, summary = row
    said_on = fields[4]
    if isinstance(said_on, str):  # SQLite gives dates as text
        fields[4] = datetime.date.fromisoformat(said_on)
    verdict = None if rating_id is None else Verdict(label, Rating.css_class_of(rating_id), summary)
    return Card(*fields, verdict=verdict)


def cards(rows: Iterable[tuple]) -> list[Card]:
    """Cards of `card_rows`, with their current verdicts read in one query."""
    rows = list(rows)
    verdicts = (
        Review.objects.current_first()
        .filter(claim_id__in=[row[0] for row in rows])
        .values_list("claim_id", "rating_id", "rating__label", "summary")
    )
    current: dict[int, Verdict] = {}
    for claim_id, rating_id, label, summary in verdicts:  # newest first: the first is current
        if claim_id not in current:
            current[claim_id] = Verdict(label, Rating.css_class_of(rating_id), summary)
    return [Card(*row, verdict=current.get(row[0])) for row in rows]
