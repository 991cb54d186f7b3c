"""The desk's jobs themselves, run at once (the immediate backend): what they store, what they
say when they fail, and that running one twice stores nothing twice."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus

from claims.jobs import error_line
from claims.models import Source
from claims.tasks import import_input, import_url
from tests.imports.conftest import PAGE, page

pytestmark = pytest.mark.django_db


def failure(job) -> str:
    assert job.status == TaskResultStatus.FAILED
    return error_line(job.errors[-1].exception_class_path, job.errors[-1].traceback)


def test_import_url_stores_the_page_and_says_which_source(site, fetch_settings):
    url = site.add("/story", PAGE)

    job = import_url.enqueue(url, publisher="Agency", kind="transcript")

    source = Source.objects.get()
    assert job.status == TaskResultStatus.SUCCESSFUL
    assert job.return_value == {"source": source.pk, "created": True}
    assert (source.url, source.publisher, source.kind) == (url, "Agency", "transcript")
    assert "grown by three members" in source.text


def test_import_url_run_twice_stores_nothing_twice(site, fetch_settings):
    url = site.add("/story", PAGE)

    first = import_url.enqueue(url)
    second = import_url.enqueue(url)

    assert Source.objects.count() == 1
    assert first.return_value["created"] and not second.return_value["created"]
    assert first.return_value["source"] == second.return_value["source"]
    assert site.hits == ["/story", "/story"]


def test_import_url_of_a_changed_page_stores_the_next_version(site, fetch_settings):
    url = site.add("/story", page())
    import_url.enqueue(url)
    site.add("/story", page("The ministry corrected the figures on Tuesday."))

    job = import_url.enqueue(url)

    first, second = Source.objects.order_by("pk")
    assert job.return_value == {"source": second.pk, "created": True}
    assert second.previous_version == first


@pytest.mark.parametrize(
    ("answer", "error", "retried"),
    [
        ({"status": 503}, "the server answered 503 Service Unavailable", True),
        ({"status": 429}, "the server answered 429 Too Many Requests", True),
        ({"delay": 1.5}, "no answer in time", True),
        ({"status": 404}, "the server answered 404 Not Found", False),
        ({"headers": {"Content-Type": "application/pdf"}}, "not an HTML page", False),
    ],
    ids=["503", "429", "timeout", "404", "not-html"],
)
def test_a_failed_fetch_fails_the_job_with_its_reason(site, fetch_settings, answer, error, retried):
    url = site.add("/story", PAGE, **answer)

    job = import_url.enqueue(url)

    assert error in failure(job) and failure(job).startswith(url)
    kind = "FetchUnavailable" if retried else "FetchError"
    assert job.errors[-1].exception_class_path == f"claims.imports.fetching.{kind}"
    assert not Source.objects.exists()


def test_a_refused_connection_may_work_later(fetch_settings, closed_port):
    job = import_url.enqueue(f"http://127.0.0.1:{closed_port}/story")

    assert "could not connect (connection refused)" in failure(job)
    assert job.errors[-1].exception_class_path.endswith("FetchUnavailable")


def test_import_url_refuses_private_addresses_by_default(site, settings):
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = False
    url = site.add("/story", PAGE)

    job = import_url.enqueue(url)

    assert "private or local address" in failure(job)
    assert site.hits == []


def test_a_job_past_its_time_limit_fails_and_stores_nothing(site, fetch_settings):
    fetch_settings.FACTCHECK_FETCH_TIMEOUT = 30
    fetch_settings.FACTCHECK_JOB_TIME_LIMIT = 0.3
    url = site.add("/story", PAGE, delay=3)

    job = import_url.enqueue(url)

    assert failure(job) == "the job ran past its time limit of 0.3 seconds"
    assert job.errors[-1].exception_class_path == "claims.jobs.TimeLimitExceeded"
    assert not Source.objects.exists()


def jsonl(tmp_path, *records) -> str:
    path = tmp_path / "batch.jsonl"
    path.write_text("".join(json.dumps(record) + "\n" for record in records))
    return str(path)


def test_import_input_imports_every_article_of_a_batch_once(tmp_path):
    location = jsonl(
        tmp_path,
        {"text": "The budget passed, 210 to 95.", "title": "Budget", "url": "https://a.example/1"},
        {"text": "The bridge opened on Monday.", "title": "Bridge"},
    )

    first = import_input.enqueue(location, "jsonl", publisher="Agency")
    second = import_input.enqueue(location, "jsonl", publisher="Agency")

    budget, bridge = Source.objects.order_by("pk")
    assert first.return_value == {"created": [budget.pk, bridge.pk], "existing": []}
    assert second.return_value == {"created": [], "existing": [budget.pk, bridge.pk]}
    assert {budget.publisher, bridge.publisher} == {"Agency"}


def test_import_input_stores_the_good_articles_and_fails_naming_the_bad(tmp_path):
    location = jsonl(tmp_path, {"text": "The bridge opened on Monday."}, {"title": "No text"})

    job = import_input.enqueue(location, "jsonl")

    assert failure(job) == (
        f"1 of 2 articles could not be imported; the first: {location}:2: no `text` or `html` field"
    )
    assert Source.objects.count() == 1


def test_import_input_of_one_unreadable_file_fails_with_its_reason(tmp_path):
    missing = str(tmp_path / "gone.txt")

    job = import_input.enqueue(missing, "text")

    assert failure(job) == f"{missing}: no such file"


def test_import_source_queue_hands_each_input_to_a_job(tmp_path, site, fetch_settings, capsys):
    url = site.add("/story", PAGE)
    text = tmp_path / "note.txt"
    text.write_text("date 2024-05-02 Budget passes\nThe parliament approved the budget.")

    call_command("import_source", "--queue", url, str(text), "--publisher", "Agency")

    output = capsys.readouterr().out
    assert "2 inputs queued" in output
    assert output.count("successful") == 2  # the jobs ran at once here
    assert set(Source.objects.values_list("title", "publisher")) == {
        ("Minister says the alliance grew", "Agency"),
        ("Budget passes", "Agency"),
    }
