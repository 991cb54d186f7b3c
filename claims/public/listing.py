"""A page of the /claims/ list (and of a search's results), read as rows.

Which claims, and in what order, comes from the list's queryset (`selectors.listed_claims()`,
narrowed and sorted by `forms.ClaimFilterForm`); the page reads its ids from it, then what each
card shows for those ids, with SQL compiled once per process (claims/db/compiled_reads.py): the
wording, the speaker, the day it was said and the current verdict. As model instances with a
prefetch of their reviews, a page of 20 took 3.3 ms of CPU at a million claims, as rows 1.0.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from dataclasses import dataclass

from django.db.models import QuerySet

from ..db.compiled_reads import Columns, RowsForIds
from ..models import Claim, Rating, Review
from .lookahead_paging import Page, get_page

CARD_FIELDS = [
    "id",
    "slug",
    "text",
    "status",
    "statement__said_on",
    "statement__speaker__slug",
    "statement__speaker__name",
]
VERDICT_FIELDS = ["claim_id", "summary", "rating_id", "rating__label"]
_CARD = Columns.of(CARD_FIELDS)
_VERDICT = Columns.of(VERDICT_FIELDS)


@dataclass(frozen=True)
class Verdict:
    summary: str
    rating_css_class: str
    rating_label: str


@dataclass(frozen=True)
class Card:
    """What a card of the list shows (`{% claim_card %}` writes it)."""

    slug: str
    text: str
    status: str
    said_on: datetime.date | None
    speaker_slug: str
    speaker_name: str
    verdict: Verdict | None  # the current one: the newest approved review


@functools.cache
def _card_rows() -> RowsForIds:
    return RowsForIds(Claim.objects.values(*CARD_FIELDS), "id")


@functools.cache
def _verdict_rows() -> RowsForIds:
    return RowsForIds(Review.objects.current_first().values(*VERDICT_FIELDS), "claim_id")


def card_page(claims: QuerySet[Claim], value: str | None, per_page: int) -> Page:
    """The page asked for (`value`) of `claims`, as Cards. Three queries: the page's ids
    (`paging.get_page`), the cards' rows, their verdicts."""
    ids = get_page(claims.prefetch_related(None).values_list("pk", flat=True), value, per_page)
    shown = list(ids.object_list)
    rows = {row[_CARD.id]: row for row in _card_rows().rows(shown)}
    current: dict[int, tuple] = {}
    for row in _verdict_rows().rows(shown):  # newest first: the first of a claim is current
        current.setdefault(row[_VERDICT.claim_id], row)
    cards = [_card(rows[pk], current.get(pk)) for pk in shown if pk in rows]
    return dataclasses.replace(ids, object_list=cards)


def _card(row: tuple, verdict: tuple | None) -> Card:
    c, v = _CARD, _VERDICT
    return Card(
        slug=row[c.slug],
        text=row[c.text],
        status=row[c.status],
        said_on=row[c.statement__said_on],
        speaker_slug=row[c.statement__speaker__slug],
        speaker_name=row[c.statement__speaker__name],
        verdict=None
        if verdict is None
        else Verdict(
            summary=verdict[v.summary],
            rating_css_class=Rating.css_class_of(verdict[v.rating_id]),
            rating_label=verdict[v.rating__label],
        ),
    )
