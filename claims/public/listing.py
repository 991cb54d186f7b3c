"""Claim cards, read as rows: what a card shows (templates/jinja2/claims/_claim_cards.html)
on the /claims/ list, a search's results, a speaker's page and the home page.

Which claims, and in what order, comes from the caller's queryset; a page reads its ids from
it, then the cards with their current verdicts by those ids in one statement
(claims/db/sql/cards.sql, docs/adr/0007 and 0010).
"""

from __future__ import annotations

import dataclasses
import datetime
from dataclasses import dataclass

from django.db.models import QuerySet

from ..db import sql
from ..models import Claim, Rating
from .lookahead_paging import LookaheadPage, lookahead_page


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
    speech: str  # direct, indirect or the outlet's narration (enums.SpeechKind)
    publisher: str  # the outlet that reported it
    language: str  # the source's, which the wording is in
    verdict: Verdict | None = None  # the current one: the newest approved review


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
