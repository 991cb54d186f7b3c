"""The claim page, read as rows: the claim with its attribution, then its verdicts, evidence and
public record, four statements from claims/db/sql/ (docs/adr/0012) instead of querysets with
joins and prefetches, whose building and compiling cost more than the page's rendering.

The values carry the names of the models' fields (`claim.statement.speaker.name`,
`review.rating.label`), so that `structured_data.claim_review_for` maps them to ClaimReview as
it maps the models the API reads: one mapping for both. `selectors.public_claim` reads the same
claim with the ORM, and tests/db/test_sql.py holds the two to the same values.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model

from ..db import sql
from ..enums import CorrectionKind, PublicationKind, SignoffDecision, SpeechKind
from ..models import Rating as RatingModel
from ..models import Review, Signoff


@dataclass(frozen=True)
class Speaker:
    slug: str
    name: str
    kind: str
    role: str
    url: str


@dataclass(frozen=True)
class ReportedSpeaker:
    name: str


@dataclass(frozen=True)
class Source:
    pk: int
    url: str
    title: str
    publisher: str
    published_at: datetime.datetime | None
    text: str = ""  # read only for the source a claim is quoted from
    language: str = ""  # likewise: the language of its text, and of the claim's words


@dataclass(frozen=True)
class Statement:
    start: int
    end: int
    said_where: str
    said_on: datetime.date | None
    speaker: Speaker
    reported_speaker: ReportedSpeaker | None
    source: Source
    speech: str = SpeechKind.DIRECT


@dataclass(frozen=True)
class Rating:
    """What the page and ClaimReview show of a rating (and `{% rating_badge %}` needs)."""

    pk: int
    label: str
    value: int | None
    scale_id: int

    @property
    def css_class(self) -> str:
        return RatingModel.css_class_of(self.pk)


@dataclass(frozen=True)
class Verdict:
    """An approved review."""

    rating: Rating
    summary: str
    analysis: str
    approved_at: datetime.datetime


@dataclass(frozen=True)
class EvidenceItem:
    relation: str
    source: Source
    excerpt: str
    note: str
    archive_url: str


@dataclass(frozen=True)
class RecordEntry:
    pk: int
    kind: str
    correction_kind: str
    note: str
    published_at: datetime.datetime

    @property
    def kind_label(self) -> str:
        return PublicationKind(self.kind).label

    @property
    def correction_kind_label(self) -> str:
        return CorrectionKind(self.correction_kind).label if self.correction_kind else ""


@dataclass
class ClaimPage:
    pk: int
    slug: str
    text: str
    status: str
    context_note: str
    statement: Statement
    repeat_of_slug: str | None  # only when the claim it repeats is public
    public_repeats: int  # public claims that repeat this one
    # Newest approval first: the current verdict, then the record of corrections.
    approved_reviews: list[Verdict] = field(default_factory=list)
    evidence: list[EvidenceItem] = field(default_factory=list)  # by relation, then as added
    record: list[RecordEntry] = field(default_factory=list)  # oldest first
    # (worst, best) verdict values of the scales of its verdicts, for ClaimReview.
    rating_bounds: dict[int, tuple[int, int]] = field(default_factory=dict)

    def _entries(self, kind: str) -> list[RecordEntry]:
        return [entry for entry in self.record if entry.kind == kind]

    @property
    def first_published_at(self) -> datetime.datetime | None:
        """When readers first saw the verdict (as `Claim.first_published_at`)."""
        first = self._entries(PublicationKind.FIRST_PUBLICATION)
        return first[0].published_at if first else None

    @property
    def corrections(self) -> list[RecordEntry]:
        """The corrections, newest first: the top of the page shows the latest."""
        return self._entries(PublicationKind.CORRECTION)[::-1]

    @property
    def withdrawal(self) -> RecordEntry | None:
        entries = self._entries(PublicationKind.WITHDRAWAL)
        return entries[-1] if entries else None

    @property
    def updated_at(self) -> datetime.datetime | None:
        """The date of the latest correction or withdrawal, if any."""
        later = [e for e in self.record if e.kind != PublicationKind.FIRST_PUBLICATION]
        return later[-1].published_at if later else None


@dataclass(frozen=True)
class Byline:
    """Who wrote the current verdict and who approved it, by their full names; empty names
    when the organisation does not show them (FACTCHECK_PUBLIC_BYLINES) or an account has none."""

    author: str = ""
    reviewers: tuple[str, ...] = ()


def claim_page(slug: str, *, include_drafts: bool = False) -> ClaimPage | None:
    """The claim with this slug as its page shows it, or None when there is none readers may
    see; unpublished claims are found only with `include_drafts` (a staff preview)."""
    _columns, rows = sql.rows(["claim_detail"], {"slug": slug, "drafts": include_drafts})
    if not rows:
        return None
    claim = _claim_of(rows[0])
    ids = {"ids": sql.id_list([claim.pk])}
    _columns, rows = sql.rows(["ids", "claim_detail_verdicts"], ids)
    for *_claim_id, rating_id, label, value, scale_id, summary, analysis, at, worst, best in rows:
        rating = Rating(rating_id, label, value, scale_id)
        claim.approved_reviews.append(Verdict(rating, summary, analysis, _aware(at)))
        if worst is not None:
            claim.rating_bounds[scale_id] = (worst or 1, best or 1)
    columns, rows = sql.rows(["ids", "evidence"], ids)
    for row in rows:
        item = dict(zip(columns, row, strict=True))
        source = Source(
            item["source.id"],
            item["source.url"],
            item["source.title"],
            item["source.publisher"],
            _aware(item["source.published_at"]),
        )
        claim.evidence.append(
            EvidenceItem(
                item["relation"], source, item["excerpt"], item["note"], item["archive_url"]
            )
        )
    _columns, rows = sql.rows(["ids", "claim_detail_record"], ids)
    claim.record = [
        RecordEntry(pk, kind, correction_kind, note, _aware(at))
        for _claim_id, pk, kind, correction_kind, note, at in rows
    ]
    return claim


def byline(claim_id: int) -> Byline:
    """The names behind the claim's current verdict, read only when the organisation shows
    them; a staff member without a full name on their account stays unnamed (never their
    login name)."""
    if not settings.FACTCHECK_PUBLIC_BYLINES:
        return Byline()
    current = (
        Review.objects.filter(claim_id=claim_id).current_first().select_related("author").first()
    )
    if current is None:
        return Byline()
    approvals = Signoff.objects.filter(review=current, decision=SignoffDecision.APPROVE)
    reviewers = get_user_model().objects.filter(pk__in=approvals.values("reviewer_id"))
    names = [user.get_full_name() for user in reviewers.order_by("last_name", "first_name")]
    return Byline(current.author.get_full_name(), tuple(name for name in names if name))


def draft_verdict(claim_id: int) -> Review | None:
    """For a staff preview of a claim with no approved verdict: its newest review, of any
    status (not a hot path: the ORM reads it)."""
    return (
        Review.objects.filter(claim_id=claim_id)
        .select_related("rating")
        .order_by("-created_at", "-id")
        .first()
    )


def _claim_of(row: tuple) -> ClaimPage:
    (pk, slug, text, status, context_note) = row[:5]
    (start, end, said_where, said_on) = row[5:9]
    speaker = Speaker(*row[9:14])
    reported_name = row[14]
    source_id, url, title, publisher, published_at, source_text = row[15:21]
    repeat_of_slug, public_repeats, speech, language = row[21:25]
    source = Source(source_id, url, title, publisher, _aware(published_at), source_text, language)
    statement = Statement(
        start,
        end,
        said_where,
        said_on,
        speaker,
        None if reported_name is None else ReportedSpeaker(reported_name),
        source,
        speech,
    )
    return ClaimPage(
        pk, slug, text, status, context_note, statement, repeat_of_slug, public_repeats
    )


def _aware(value: datetime.datetime | None) -> datetime.datetime | None:
    """SQLite gives datetimes naive, in UTC as Django stores them; PostgreSQL gives them
    aware."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=datetime.UTC)
    return value
