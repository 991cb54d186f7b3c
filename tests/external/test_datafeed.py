"""DataFeed imports: counted, idempotent (a second run writes nothing), a changed verdict
updated, and a bad file refused with the database unchanged."""

from __future__ import annotations

import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims.external.claimreview import record_of
from claims.external.datafeed import import_datafeed
from claims.external.models import ExternalFactCheck
from claims.external.sources import ImportFailed
from claims.external.store import upsert

from .conftest import claim_review, datafeed

pytestmark = pytest.mark.django_db


def writes(queries) -> list[str]:
    return [
        q["sql"]
        for q in queries.captured_queries
        if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]


def test_a_datafeed_is_imported_with_its_bad_items_skipped_and_counted(feed_file):
    feed = datafeed(
        [claim_review(1), None, claim_review(2)],
        [claim_review(3, claimReviewed="", itemReviewed={})],  # no claim
        [{"@type": "Review", "url": "https://x.example/"}],  # not a ClaimReview
        [claim_review(4, url=None)],
    )
    feed["dataFeedElement"].append(None)

    counts = import_datafeed(feed_file(feed))

    assert (counts.created, counts.updated, counts.unchanged, counts.skipped) == (2, 0, 0, 5)
    check = ExternalFactCheck.objects.get(review_url="https://checker.example/checks/1")
    assert check.publisher == "Checker"
    assert check.rating.slug == "false"
    assert check.origin == "datafeed"
    assert sorted(counts.changed_ids) == sorted(
        ExternalFactCheck.objects.values_list("pk", flat=True)
    )


def test_a_second_import_of_the_same_feed_writes_nothing(feed_file):
    path = feed_file(datafeed([claim_review(n) for n in range(1, 6)]))
    import_datafeed(path)
    before = list(ExternalFactCheck.objects.order_by("pk").values())

    with CaptureQueriesContext(connection) as queries:
        counts = import_datafeed(path)

    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 5)
    assert counts.changed_ids == []
    assert writes(queries) == []
    assert list(ExternalFactCheck.objects.order_by("pk").values()) == before


def test_a_changed_verdict_is_updated_in_place(feed_file):
    import_datafeed(feed_file(datafeed([claim_review(1), claim_review(2)])))
    first = ExternalFactCheck.objects.get(review_url="https://checker.example/checks/1")
    changed = claim_review(1, reviewRating={"alternateName": "Mostly false"})

    counts = import_datafeed(feed_file(datafeed([changed, claim_review(2)])))

    assert (counts.created, counts.updated, counts.unchanged) == (0, 1, 1)
    assert counts.changed_ids == [first.pk]
    first.refresh_from_db()
    assert (first.rating_text, first.rating.slug) == ("Mostly false", "mostly-false")
    assert first.updated_at > first.first_seen_at


def test_the_same_verdict_under_two_spellings_of_its_url_is_one_row(feed_file):
    twice = claim_review(1, url="https://CHECKER.example/checks/1/?utm_source=x#top")

    counts = import_datafeed(feed_file(datafeed([claim_review(1), twice])))

    assert counts.created == 1
    assert ExternalFactCheck.objects.count() == 1


def test_last_seen_moves_on_once_a_day_and_nothing_else_is_written():
    record = record_of(claim_review(1))
    day_one = timezone.now() - datetime.timedelta(days=2)
    upsert([record], origin="datafeed", now=day_one)

    upsert([record], origin="datafeed", now=day_one + datetime.timedelta(hours=1))
    assert ExternalFactCheck.objects.get().last_seen_at == day_one

    later = day_one + datetime.timedelta(days=1, minutes=1)
    counts = upsert([record], origin="datafeed", now=later)
    check = ExternalFactCheck.objects.get()
    assert counts.unchanged == 1
    assert (check.first_seen_at, check.last_seen_at, check.updated_at) == (day_one, later, day_one)


def test_batches_cover_a_feed_larger_than_one(feed_file, monkeypatch):
    monkeypatch.setattr("claims.external.store.BATCH", 3)

    counts = import_datafeed(feed_file(datafeed([claim_review(n) for n in range(10)])))

    assert counts.created == 10
    assert ExternalFactCheck.objects.count() == 10


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"dataFeedElement": [{"item": [', "not valid JSON"),
        ("", "not valid JSON"),
        ("[1, 2]", "not a ClaimReview DataFeed"),
        ('{"dataFeedElement": {"item": []}}', "not a ClaimReview DataFeed"),
        ('{"@type": "DataFeed"}', "not a ClaimReview DataFeed"),
    ],
)
def test_a_bad_file_is_refused_with_the_database_unchanged(feed_file, content, message):
    import_datafeed(feed_file(datafeed([claim_review(1)])))
    before = list(ExternalFactCheck.objects.values())

    with pytest.raises(ImportFailed, match=message):
        import_datafeed(feed_file(content, "bad.json"))

    assert list(ExternalFactCheck.objects.values()) == before


def test_a_missing_file_is_a_one_line_error(tmp_path):
    with pytest.raises(ImportFailed, match="cannot be read"):
        import_datafeed(str(tmp_path / "nope.json"))


def test_a_file_over_the_limit_is_refused(feed_file, settings):
    settings.FACTCHECK_EXTERNAL_MAX_FEED_BYTES = 100

    with pytest.raises(ImportFailed, match="over the limit"):
        import_datafeed(feed_file(datafeed([claim_review(1)])))
    assert not ExternalFactCheck.objects.exists()


def test_a_datafeed_is_fetched_from_a_url(site, fetch_settings):
    url = site.add(
        "/feed.json",
        json.dumps(datafeed([claim_review(1), claim_review(2)])),
        headers={"Content-Type": "application/json"},
    )

    counts = import_datafeed(url)

    assert counts.created == 2
    assert ExternalFactCheck.objects.get(review_url__endswith="/1").origin_detail == url


def test_a_datafeed_url_on_the_desk_network_is_refused(site, settings):
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = False
    url = site.add("/feed.json", "{}", headers={"Content-Type": "application/json"})

    with pytest.raises(ImportFailed, match="does not fetch from its own network"):
        import_datafeed(url)
    assert site.hits == []


def test_a_url_that_is_not_json_is_refused(site, fetch_settings):
    url = site.add("/feed.html", "<html></html>")

    with pytest.raises(ImportFailed, match="not a JSON document"):
        import_datafeed(url)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"dataFeedElement": []} trailing', "more after the feed's end"),
        ('{"dataFeedElement": [{"item": []}}', "expected ']'"),
        ('{"dataFeedElement": [{"item": []}] "x": 1}', "expected '}'"),
        ("\xff\xfe", "not UTF-8"),
    ],
)
def test_a_broken_feed_is_named_for_what_is_wrong(feed_file, tmp_path, content, message):
    path = tmp_path / "broken.json"
    path.write_bytes(content.encode("latin-1"))

    with pytest.raises(ImportFailed, match=message):
        import_datafeed(str(path))


def test_a_feed_is_read_whatever_its_layout(feed_file):
    first, second = json.dumps(claim_review(1)), json.dumps(claim_review(2))
    content = (
        '\ufeff {\n "@context" : "https://schema.org" ,\n "dataFeedElement" : [\n'
        f'  {{ "item" : [ {first} , null ] }} ,\n  null , \n {{"item": {second}}}'
        '\n ] ,\n "dateModified": "2026-12-01"\n}\n'
    )

    counts = import_datafeed(feed_file(content))

    assert (counts.created, counts.skipped) == (2, 2)


def test_an_empty_feed_imports_nothing(feed_file):
    counts = import_datafeed(feed_file('{"@type": "DataFeed", "dataFeedElement": []}'))

    assert (counts.created, counts.skipped) == (0, 0)


def test_a_file_of_one_claim_review_is_imported(feed_file):
    counts = import_datafeed(feed_file(claim_review(1)))

    assert counts.created == 1
