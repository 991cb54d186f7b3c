"""Each read of claims/db/sql/ gives the rows the ORM gives for the same data, on both
databases: the same public claims in the same order, the same columns and values."""

import datetime

import pytest
from django.db import connection
from django.db.models import QuerySet

from claims.api.pagination import Position, keyset_page
from claims.api.params import MAX_ID, UTC_MAX, UTC_MIN
from claims.db import sql
from claims.enums import (
    PUBLIC_STATUSES,
    ClaimStatus,
    CorrectionKind,
    PublicationKind,
    ReviewStatus,
)
from claims.models import Claim, Evidence, PublicationEntry, Review
from claims.public import detail
from claims.public.structured_data import rating_bounds_by_scale
from claims.selectors import public_claim, public_claims
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    SpeakerFactory,
    StatementFactory,
    TopicFactory,
    default_rating,
)

pytestmark = pytest.mark.django_db

WHEN = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.UTC)
DAY = datetime.timedelta(days=1)


@pytest.fixture
def desk(publish):
    """Public claims with every optional part, two published at the same moment, and claims
    readers may not see: one in review, repeated by a public one."""
    first = publish("true", when=WHEN)
    reported = StatementFactory(reported_speaker=SpeakerFactory(), said_on=WHEN.date())
    publish("false", when=WHEN, statement=reported, repeat_of=first)
    hidden = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    EvidenceFactory(claim=hidden)
    publish("half-true", when=WHEN - DAY, repeat_of=hidden, topic="zeta")
    publish("false", when=WHEN + DAY, status=ClaimStatus.WITHDRAWN, topic=None, evidence=False)
    # A correction approved, with its evidence and record entry, and one still pending.
    approved = ReviewFactory(
        claim=first,
        status=ReviewStatus.DRAFT,
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="Rated again.",
        rating=default_rating("false"),
    )
    EvidenceFactory(claim=first, correction=approved, note="New figures.")
    Review.objects.filter(pk=approved.pk).update(
        status=ReviewStatus.APPROVED, approved_at=WHEN + DAY
    )
    PublicationEntryFactory(
        claim=first,
        kind=PublicationKind.CORRECTION,
        correction_kind=CorrectionKind.RATING_CHANGE,
        note="Rated again.",
        published_at=WHEN + DAY,
    )
    pending = ReviewFactory(
        claim=first,
        status=ReviewStatus.DRAFT,
        correction_kind=CorrectionKind.CLARIFICATION,
        public_note="Clarified.",
    )
    EvidenceFactory(claim=first, correction=pending, note="Not yet.")
    first.topics.add(TopicFactory(slug="alpha", name="Alpha"))
    others = Claim.objects.exclude(pk=first.pk).values_list("pk", flat=True)
    return [first.pk, *others, 10**9]  # every claim, the first one first, and one missing


def aware(value):
    """SQLite's datetimes come naive, in UTC, from a cursor; the ORM makes them aware."""
    if isinstance(value, datetime.datetime) and value.tzinfo is None:
        return value.replace(tzinfo=datetime.UTC)
    return value


def read(names, numbers=None, **params) -> list[dict]:
    columns, rows = sql.rows(names, params, numbers=numbers)
    return [dict(zip(columns, map(aware, row), strict=True)) for row in rows]


def orm_rows(queryset: QuerySet, columns: list[str], paths: dict) -> list[dict]:
    """The ORM's rows of `queryset` with the SQL's columns: each read through the lookup
    `paths` names for it (a function of the row, for values the SQL derives), or through the
    column's own path ("rating.slug" is rating__slug)."""
    lookups = {c: paths.get(c, c.replace(".", "__")) for c in columns}
    fields = {lookup for lookup in lookups.values() if isinstance(lookup, str)}
    fields |= {f for lookup in lookups.values() if not isinstance(lookup, str) for f in lookup[0]}
    rows = queryset.values(*fields)
    return [
        {
            c: row[lookup] if isinstance(lookup, str) else lookup[1](*(row[f] for f in lookup[0]))
            for c, lookup in lookups.items()
        }
        for row in rows
    ]


def blank_as_null(fields: str):
    return ([fields], lambda value: value or None)


def test_the_claims_rows_are_the_orm_rows(desk):
    found = read(["ids", "claims"], ids=sql.id_list(desk))
    public = set(Claim.objects.public().values_list("pk", flat=True))
    prefixes = {"speaker.": "statement__speaker__", "source.": "statement__source__"}

    def path(column: str) -> str:
        for prefix, lookup in prefixes.items():
            if column.startswith(prefix):
                return lookup + column.removeprefix(prefix)
        return column.replace(".", "__")

    def if_public(name):
        return (["repeat_of_id", f"repeat_of__{name}"], lambda pk, v: v if pk in public else None)

    columns = list(found[0])
    paths = {c: path(c) for c in columns}
    paths |= {"repeat_of.slug": if_public("slug"), "repeat_of.text": if_public("text")}
    expected = orm_rows(public_claims().filter(pk__in=desk), columns, paths)

    assert sorted(found, key=lambda r: r["id"]) == sorted(expected, key=lambda r: r["id"])
    assert len(found) == 4
    repeats = {r["repeat_of.slug"] for r in found}
    assert len(repeats) == 2 and None in repeats  # one repeat of a public claim, one hidden


@pytest.mark.parametrize("newest_first", [True, False])
def test_a_page_is_the_orm_page_after_any_position(desk, newest_first):
    claims = public_claims()
    page = "claim_page_newest" if newest_first else "claim_page_oldest"
    start = (UTC_MAX, MAX_ID) if newest_first else (UTC_MIN, 0)
    positions = [None, *claims.values_list("first_published_at", "pk")]
    for position in positions:
        key, pk = position or start
        for limit in (1, 2, 10):
            found = read([page, "claims"], {"limit": limit}, key=key, id=pk)
            found.sort(key=lambda r: (r["first_published_at"], r["id"]), reverse=newest_first)
            after = Position(True, key, pk) if position else None
            expected = keyset_page(
                claims.values_list("pk", flat=True),
                "first_published_at",
                after,
                newest_first,
                limit,
            )
            assert [r["id"] for r in found] == list(expected), (position, limit)


def test_the_verdicts_are_the_orm_rows(desk):
    found = read(["ids", "verdicts"], ids=sql.id_list(desk))
    paths = {
        "rating.scale": "rating__scale__slug",
        "correction_kind": blank_as_null("correction_kind"),
        "correction_note": (
            ["correction_kind", "public_note"],
            lambda kind, note: note if kind else None,
        ),
    }
    reviews = Review.objects.current_first().filter(claim_id__in=desk)
    assert found == orm_rows(reviews, list(found[0]), paths)
    assert {r["correction_note"] for r in found} == {None, "Rated again."}


def test_the_evidence_is_the_orm_rows(desk):
    found = read(["ids", "evidence"], ids=sql.id_list(desk))
    cited = Evidence.objects.cited().filter(claim_id__in=desk).order_by("relation", "id")
    assert found == orm_rows(cited, list(found[0]), {})
    notes = {r["note"] for r in found}
    assert "New figures." in notes and "Not yet." not in notes


def test_the_record_is_the_orm_rows(desk):
    found = read(["ids", "record"], ids=sql.id_list(desk))
    entries = PublicationEntry.objects.filter(claim_id__in=desk).order_by("published_at", "id")
    paths = {"correction_kind": blank_as_null("correction_kind")}
    assert found == orm_rows(entries, list(found[0]), paths)


def test_the_topics_are_the_orm_rows(desk):
    found = read(["ids", "topics"], ids=sql.id_list(desk))
    links = Claim.topics.through.objects.filter(claim_id__in=desk)
    paths = {"slug": "topic__slug", "name": "topic__name"}
    expected = orm_rows(links.order_by("topic__name", "topic_id"), list(found[0]), paths)
    # In order within each claim (the order of claims sharing a topic is not set).
    assert sorted(found, key=lambda r: r["claim_id"]) == sorted(
        expected, key=lambda r: r["claim_id"]
    )
    assert [r["slug"] for r in found if r["claim_id"] == desk[0]] == ["alpha", "economy"]


def test_no_ids_no_rows(desk):
    assert read(["ids", "claims"], ids=sql.id_list([])) == []


@pytest.mark.skipif(connection.vendor != "postgresql", reason="prepared on PostgreSQL only")
def test_reads_are_prepared_statements_on_postgresql(desk):
    for _ in range(2):
        read(["ids", "verdicts"], ids=sql.id_list(desk))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE %s",
            ["%FROM claims_review review%"],
        )
        assert cursor.fetchone() == (1,)


def test_the_cards_read_gives_the_cards_the_orm_gives(desk):
    """claims/db/sql/cards.sql against the same cards read with the ORM: wording, speaker, day
    said and the current verdict, for every listed claim."""
    from claims.models import Rating
    from claims.public.listing import Card, Verdict, card_page
    from claims.selectors import listed_claims

    fields = ["id", "slug", "text", "status", "statement__said_on"]
    fields += ["statement__speaker__slug", "statement__speaker__name"]
    fields += ["statement__speech", "statement__source__publisher"]
    fields += ["statement__source__language"]
    current = {}
    for claim_id, rating_id, label, summary in Review.objects.current_first().values_list(
        "claim_id", "rating_id", "rating__label", "summary"
    ):
        current.setdefault(claim_id, Verdict(label, Rating.css_class_of(rating_id), summary))
    by_orm = [
        Card(*row, verdict=current.get(row[0])) for row in listed_claims().values_list(*fields)
    ]
    by_sql = card_page(listed_claims(), None, 50).object_list
    assert by_sql == by_orm
    assert any(card.verdict for card in by_sql) and any(card.said_on for card in by_sql)


def page_by_orm(claim: Claim) -> detail.ClaimPage:
    """What the claim page shows of `claim` (from `selectors.public_claim`), as
    claims.public.detail.ClaimPage holds it."""

    def source_of(source, text="", language=""):
        fields = ["url", "title", "publisher", "published_at"]
        values = (getattr(source, f) for f in fields)
        return detail.Source(source.pk, *values, text=text, language=language)

    statement, speaker = claim.statement, claim.statement.speaker
    reported = statement.reported_speaker
    repeated = claim.repeat_of
    reviews = claim.approved_reviews
    bounds = rating_bounds_by_scale()
    return detail.ClaimPage(
        claim.pk,
        claim.slug,
        claim.text,
        claim.status,
        claim.context_note,
        detail.Statement(
            statement.start,
            statement.end,
            statement.said_where,
            statement.said_on,
            detail.Speaker(speaker.slug, speaker.name, speaker.kind, speaker.role, speaker.url),
            None if reported is None else detail.ReportedSpeaker(reported.name),
            source_of(statement.source, statement.source.text, statement.source.language),
            statement.speech,
        ),
        repeated.slug if repeated and repeated.status in PUBLIC_STATUSES else None,
        claim.public_repeats,
        approved_reviews=[
            detail.Verdict(
                detail.Rating(r.rating.pk, r.rating.label, r.rating.value, r.rating.scale_id),
                r.summary,
                r.analysis,
                r.approved_at,
            )
            for r in reviews
        ],
        evidence=[
            detail.EvidenceItem(e.relation, source_of(e.source), e.excerpt, e.note, e.archive_url)
            for e in claim.evidence.all()
        ],
        record=[
            detail.RecordEntry(e.pk, e.kind, e.correction_kind, e.note, e.published_at)
            for e in claim.publication_record.all()
        ],
        rating_bounds={
            r.rating.scale_id: bounds[r.rating.scale_id]
            for r in reviews
            if r.rating.scale_id in bounds
        },
    )


@pytest.mark.parametrize("include_drafts", [False, True])
def test_the_claim_page_read_gives_what_the_orm_gives(desk, include_drafts):
    """claims/db/sql/claim_detail*.sql (with evidence.sql) against `selectors.public_claim`:
    every claim, public or not, with its attribution, repeats, verdicts, evidence, record."""
    claim_page = detail.claim_page
    pages = 0
    for slug in Claim.objects.values_list("slug", flat=True):
        by_orm = public_claim(slug, include_drafts=include_drafts)
        by_sql = claim_page(slug, include_drafts=include_drafts)
        assert by_sql == (None if by_orm is None else page_by_orm(by_orm)), slug
        pages += by_sql is not None
    assert pages == (5 if include_drafts else 4)
    first = claim_page(Claim.objects.get(pk=desk[0]).slug)
    assert len(first.approved_reviews) == 2 and len(first.record) == 2
    assert first.public_repeats == 1 and first.rating_bounds
    assert [e.note for e in first.evidence if e.note != "Membership list, checked."] == [
        "New figures."
    ]
    assert {page.repeat_of_slug for page in map(claim_page, _public_slugs())} == {
        None,
        first.slug,
    }
    assert claim_page("no-such-claim", include_drafts=include_drafts) is None


def _public_slugs() -> list[str]:
    return list(Claim.objects.public().values_list("slug", flat=True))
