"""Reads compiled once (claims/db/compiled_reads.py) give exactly what the ORM gives, on both
databases, and stop compiling after the first request of a shape."""

import datetime

import pytest
from django.db import connection
from django.db.models import CharField, QuerySet
from django.db.models.expressions import RawSQL
from django.test.utils import CaptureQueriesContext

from claims.db.compiled_reads import Columns, CompiledQueries, RowsForIds, values_rows
from claims.models import Claim, Evidence
from tests.factories import ClaimFactory, EvidenceFactory

pytestmark = pytest.mark.django_db

EVIDENCE_FIELDS = [
    "claim_id",
    "relation",
    "excerpt",
    "source__title",
    "source__published_at",
    "created_at",
]
EVIDENCE_ROWS = Evidence.objects.order_by("relation", "-id").values(*EVIDENCE_FIELDS)
EVIDENCE = Columns.of(EVIDENCE_FIELDS)


@pytest.fixture
def claims_with_evidence():
    claims = [ClaimFactory() for _ in range(4)]
    published = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.UTC)
    for n, claim in enumerate(claims[:3]):
        for _ in range(n + 1):
            EvidenceFactory(claim=claim, source__published_at=published)
    return claims


def test_rows_for_ids_are_the_orm_rows(claims_with_evidence):
    rows = RowsForIds(EVIDENCE_ROWS, "claim_id")
    for ids in ([c.pk for c in claims_with_evidence], [claims_with_evidence[2].pk], [10**9]):
        expected = list(EVIDENCE_ROWS.filter(claim_id__in=ids).values_list(*EVIDENCE_FIELDS))
        assert rows.rows(ids) == expected
    assert rows.rows([]) == []
    # Converted as the ORM converts them: aware datetimes, not the database's text.
    (row, *_) = rows.rows([claims_with_evidence[0].pk])
    assert row[EVIDENCE.source__published_at].utcoffset() == datetime.timedelta(0)


def test_rows_for_ids_take_any_number_of_ids_in_one_query(claims_with_evidence):
    rows = RowsForIds(EVIDENCE_ROWS, "claim_id")
    ids = [c.pk for c in claims_with_evidence] + list(range(10**6, 10**6 + 500))
    with CaptureQueriesContext(connection) as queries:
        found = rows.rows(ids)
    assert len(queries) == 1
    assert len(found) == 1 + 2 + 3


def _claims_after(shape: tuple[int], values) -> QuerySet:
    (limit,) = shape
    (after,) = values
    return Claim.objects.filter(pk__gt=after).order_by("pk").values("pk", "slug")[:limit]


def test_compiled_queries_give_the_orm_rows_for_new_values(claims_with_evidence):
    built = []

    def build(shape, values):
        built.append(values)
        return _claims_after(shape, values)

    queries = CompiledQueries(Claim, build)
    first = claims_with_evidence[0].pk
    assert queries.rows((2,), [first - 1]) == values_rows(_claims_after((2,), [first - 1]))
    compiled_with = len(built)  # the stand-ins, then the real values to prove them equal
    assert compiled_with == 2
    for after in (first, first + 2, 10**9):
        assert queries.rows((2,), [after]) == values_rows(_claims_after((2,), [after]))
    assert len(built) == compiled_with  # reused, not built again
    assert queries.rows((3,), [first - 1]) == values_rows(_claims_after((3,), [first - 1]))
    assert len(built) == compiled_with + 2  # a new shape is compiled once


def test_compiled_queries_take_datetimes(claims_with_evidence):
    def build(shape, values):
        (since,) = values
        return Claim.objects.filter(created_at__gte=since).order_by("pk").values("pk")[:shape]

    queries = CompiledQueries(Claim, build)
    long_ago = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    later = datetime.datetime(2999, 1, 1, tzinfo=datetime.UTC)
    assert queries.rows(10, [long_ago]) == values_rows(build(10, [long_ago]))
    assert queries.rows(10, [later]) == []
    assert len(queries.rows(10, [long_ago])) == 4


def test_a_query_whose_sql_changes_with_its_values_is_never_reused(claims_with_evidence):
    def build(shape, values):
        (after,) = values
        # Negative values (as the stand-in is) read the other way: different SQL.
        lookup = "pk__gt" if after >= 0 else "pk__lt"
        return Claim.objects.filter(**{lookup: after}).order_by("pk").values("pk")[:10]

    queries = CompiledQueries(Claim, build)
    for after in (0, claims_with_evidence[1].pk, -1):
        assert queries.rows("shape", [after]) == values_rows(build("shape", [after]))


def test_a_percent_sign_in_the_sql_stays_one(claims_with_evidence):
    """On SQLite the compiled SQL names its placeholders; a literal % (written %% by Django)
    must come out as Django's own conversion leaves it."""

    def build(shape, values):
        (after,) = values
        sign = RawSQL("'100%%' || %s", ["%s"], output_field=CharField())
        return Claim.objects.filter(pk__gt=after).annotate(sign=sign).values("pk", "sign")

    queries = CompiledQueries(Claim, build)
    first = claims_with_evidence[0].pk
    for after in (first - 1, first, first + 2):
        rows = queries.rows("signed", [after])
        assert rows == values_rows(build("signed", [after]))
        assert {sign for _, sign in rows} == {"100%%s"}


def test_values_of_other_types_are_read_by_the_orm(claims_with_evidence):
    def build(shape, values):
        (slug,) = values
        return Claim.objects.filter(slug=slug).values("pk")

    queries = CompiledQueries(Claim, build)
    slug = claims_with_evidence[0].slug
    assert queries.rows("by slug", [slug]) == [(claims_with_evidence[0].pk,)]


postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL's prepared statements"
)


@pytest.fixture
def nothing_prepared():
    """Prepared statements outlive transactions: forget those of earlier tests."""
    with connection.cursor() as cursor:
        cursor.execute("DEALLOCATE ALL")  # psycopg forgets its names too


def _prepared_statements() -> list[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        return [statement for (statement,) in cursor.fetchall()]


@postgres_only
def test_compiled_reads_are_planned_once_per_connection(claims_with_evidence, nothing_prepared):
    rows = RowsForIds(EVIDENCE_ROWS, "claim_id")
    ids = [c.pk for c in claims_with_evidence]
    first, again = rows.rows(ids), rows.rows(ids[:1])
    assert again == [row for row in first if row[EVIDENCE.claim_id] == ids[0]]
    prepared = [s for s in _prepared_statements() if "claims_evidence" in s]
    assert len(prepared) == 1 and "ANY($1::bigint[])" in prepared[0]


@postgres_only
def test_other_queries_are_never_prepared(claims_with_evidence, nothing_prepared):
    for _ in range(6):  # psycopg's own default prepares a query on its sixth run
        list(EVIDENCE_ROWS.filter(claim_id__in=[c.pk for c in claims_with_evidence]))
    assert not [s for s in _prepared_statements() if "claims_evidence" in s]


@postgres_only
def test_no_statement_is_prepared_where_preparing_is_off(
    claims_with_evidence, nothing_prepared, monkeypatch
):
    raw = connection.connection
    monkeypatch.setattr(raw, "prepare_threshold", None)
    RowsForIds(EVIDENCE_ROWS, "claim_id").rows([claims_with_evidence[0].pk])
    assert not [s for s in _prepared_statements() if "claims_evidence" in s]


def test_columns_place_fields_in_tuples_and_in_mappings():
    columns = Columns.of(["id", "statement__source__title", "statement__source__id"])
    source = columns.under("statement__source__")
    row = (7, "Budget speech", 3)
    assert (row[columns.id], row[source.title], row[source.id]) == (7, "Budget speech", 3)
    by_name = Columns.keys(["title"])
    assert {"title": "Budget speech"}[by_name.title] == "Budget speech"
    with pytest.raises(ValueError, match="under"):
        Columns.of(["id", "under"])  # would hide the method
