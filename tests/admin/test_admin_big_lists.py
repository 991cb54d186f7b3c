"""The sources, statements, publication record and event log lists read only the rows they
show: no grouping over a join, no DISTINCT over a table, no sort through another table."""

import datetime

import pytest
from django.contrib import admin
from django.db import connection
from django.http import QueryDict
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.admin.filters import RecentValuesFieldListFilter
from claims.models import ClaimEvent, PublicationEntry, Source, Statement
from tests.factories import (
    ClaimEventFactory,
    PublicationEntryFactory,
    SourceFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db

BIG_LISTS = {
    "source": SourceFactory,
    "statement": StatementFactory,
    "publicationentry": PublicationEntryFactory,
    "claimevent": ClaimEventFactory,
}


def changelist(model_name: str) -> str:
    return reverse(f"admin:claims_{model_name}_changelist")


def get(client, model_name: str, params=None):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(changelist(model_name), params or {})
    assert response.status_code == 200
    return response, [q["sql"] for q in queries.captured_queries]


def shown(response) -> list:
    return list(response.context["cl"].result_list)


def filter_link(response, title: str, display: str) -> str:
    """The query string of one choice in the sidebar, as an editor would click it."""
    cl = response.context["cl"]
    spec = next(spec for spec in cl.filter_specs if str(spec.title) == title)
    return next(c["query_string"] for c in spec.choices(cl) if str(c["display"]) == display)


def filter_choices(response, title: str) -> list[str]:
    cl = response.context["cl"]
    spec = next(spec for spec in cl.filter_specs if str(spec.title) == title)
    return [str(c["display"]) for c in spec.choices(cl)]


def ago(days: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


@pytest.mark.parametrize("model_name", BIG_LISTS)
def test_big_changelist_runs_no_distinct_over_the_table(client, superuser, model_name):
    for _ in range(3):
        BIG_LISTS[model_name]()
    client.force_login(superuser)

    response, queries = get(client, model_name)

    assert shown(response)
    # Django's date hierarchy and its filter of every value in a column are SELECT DISTINCTs
    # (of DATE_TRUNC on PostgreSQL, django_datetime_trunc on SQLite) over the whole table.
    assert not [sql for sql in queries if "DISTINCT" in sql.upper()]
    assert not [sql for sql in queries if "TRUNC" in sql.upper()]
    assert response.context["cl"].date_hierarchy is None


def test_source_changelist_shows_each_sources_statement_count(client, superuser):
    counts = {"none": 0, "one": 1, "three": 3}
    for title, n in counts.items():
        source = SourceFactory(title=title)
        for start in (9, 20, 40)[:n]:
            StatementFactory(source=source, start=start)
    client.force_login(superuser)

    response, _ = get(client, "source")

    assert {source.title: source.statement_count for source in shown(response)} == counts
    for n in counts.values():
        assert f'<td class="field-statement_count">{n}</td>' in response.text


def test_source_changelist_counts_statements_per_row_not_over_the_join(client, superuser):
    StatementFactory()
    client.force_login(superuser)

    _, queries = get(client, "source")

    # The count is a subquery correlated to each row shown; nothing joins the statements
    # to every source and groups them.
    assert not [sql for sql in queries if 'JOIN "claims_statement"' in sql]
    assert not [sql for sql in queries if 'GROUP BY "claims_source"' in sql]
    assert [sql for sql in queries if 'WHERE "U0"."source_id" = ("claims_source"."id")' in sql]


def test_source_statement_count_is_not_sortable(client, superuser):
    # Sorting by it would count the statements of every source.
    model_admin = admin.site._registry[Source]

    assert not hasattr(model_admin.statement_count, "admin_order_field")


def test_source_changelist_is_newest_added_first(client, superuser):
    # Published dates in the opposite order, and one without a date: the list follows the
    # primary key, not the (unindexed) publication date.
    sources = [SourceFactory(published_at=published) for published in (ago(1), ago(30), None)]
    client.force_login(superuser)

    response, queries = get(client, "source")

    assert shown(response) == sources[::-1]
    listing = next(sql for sql in queries if '"claims_source"."title"' in sql)
    assert 'ORDER BY "claims_source"."id" DESC' in listing


def test_source_changelist_can_still_be_sorted_by_publication_date(client, superuser):
    new = SourceFactory(published_at=ago(1))
    old = SourceFactory(published_at=ago(30))  # added last: first in the default order
    client.force_login(superuser)
    response, _ = get(client, "source")
    column = response.context["cl"].list_display.index("published_at")

    response, _ = get(client, "source", {"o": f"-{column}"})

    assert shown(response) == [new, old]


@pytest.mark.parametrize(
    ("display", "expected"),
    [("Past 7 days", ["recent"]), ("This year", None), ("No date", ["undated"])],
)
def test_source_date_filter_narrows_the_list(client, superuser, display, expected):
    SourceFactory(title="recent", published_at=ago(1))
    SourceFactory(title="old", published_at=ago(800))
    SourceFactory(title="undated", published_at=None)
    client.force_login(superuser)
    link = filter_link(get(client, "source")[0], "published", display)

    response, _ = get(client, "source", QueryDict(link.lstrip("?")))

    titles = sorted(source.title for source in shown(response))
    if expected is None:  # "this year": the recent one, unless 1 January is today
        expected = ["recent"] if ago(1).year == timezone.now().year else []
    assert titles == expected


def test_source_changelist_has_no_publisher_filter_but_finds_by_publisher(client, superuser):
    SourceFactory(title="from tass", publisher="TASS")
    SourceFactory(title="from elsewhere", publisher="Elsewhere")
    client.force_login(superuser)

    response, _ = get(client, "source", {"q": "tass"})

    assert "publisher" not in [str(spec.title) for spec in response.context["cl"].filter_specs]
    assert [source.title for source in shown(response)] == ["from tass"]


def test_language_filter_lists_the_languages_of_recent_sources(client, superuser, monkeypatch):
    monkeypatch.setattr(RecentValuesFieldListFilter, "recent", 2)
    older = SourceFactory(language="ru")
    SourceFactory(language="fr")
    SourceFactory(language="en")
    client.force_login(superuser)

    response, queries = get(client, "source")

    assert filter_choices(response, "language") == ["All", "en", "fr"]
    assert [sql for sql in queries if "LIMIT 2" in sql and '"language"' in sql]

    # An older language still filters from the address, and is then listed as chosen.
    response, _ = get(client, "source", {"language": "ru"})

    assert shown(response) == [older]
    assert filter_choices(response, "language") == ["All", "en", "fr", "ru"]


def test_statement_changelist_is_newest_first_without_joining_for_the_order(client, superuser):
    # Sources published in the opposite order: the model's order (by source) would differ.
    statements = [
        StatementFactory(source=SourceFactory(published_at=published))
        for published in (ago(1), ago(30), ago(60))
    ]
    client.force_login(superuser)

    response, queries = get(client, "statement")

    assert shown(response) == statements[::-1]
    listing = next(
        sql for sql in queries if 'FROM "claims_statement"' in sql and "COUNT" not in sql
    )
    assert 'ORDER BY "claims_statement"."id" DESC' in listing
    assert "published_at" not in listing.split("ORDER BY")[1]


@pytest.mark.parametrize(
    ("model_name", "factory", "field", "title"),
    [
        ("publicationentry", PublicationEntryFactory, "published_at", "date"),
        ("claimevent", ClaimEventFactory, "created_at", "created at"),
    ],
)
def test_record_date_filter_narrows_the_list(client, superuser, model_name, factory, field, title):
    recent = factory(**{field: ago(1)})
    factory(**{field: ago(30)})
    client.force_login(superuser)
    link = filter_link(get(client, model_name)[0], title, "Past 7 days")

    response, _ = get(client, model_name, QueryDict(link.lstrip("?")))

    assert shown(response) == [recent]


def test_event_log_action_filter_lists_recent_actions_and_filters(client, superuser):
    ClaimEventFactory(action="create")
    submitted = ClaimEventFactory(action="submit")
    client.force_login(superuser)

    response, _ = get(client, "claimevent")
    assert filter_choices(response, "action") == ["All", "create", "submit"]

    response, _ = get(client, "claimevent", {"action": "submit"})
    assert shown(response) == [submitted]


@pytest.mark.parametrize("model", [Source, Statement, PublicationEntry, ClaimEvent])
def test_big_changelist_queries_do_not_grow_with_rows(client, superuser, model):
    factory = BIG_LISTS[model._meta.model_name]
    factory()
    client.force_login(superuser)
    get(client, model._meta.model_name)  # warm caches (content types, sessions)

    _, few = get(client, model._meta.model_name)
    for _ in range(19):
        factory()
    _, many = get(client, model._meta.model_name)

    assert len(many) == len(few), many
