"""`import_factchecks`, the import jobs, and the scheduled re-import of DataFeeds."""

from __future__ import annotations

import json

import pytest
from django.core.management import CommandError, call_command
from django_tasks_db.models import DBTaskResult

from claims.external import tasks
from claims.external.models import ExternalFactCheck
from claims.matching.tasks import embed_claims, refresh_index
from tests.jobs.conftest import DATABASE_QUEUE

from .conftest import claim_review, datafeed

pytestmark = pytest.mark.django_db


def queued(task) -> list[dict]:
    return [
        row.args_kwargs
        for row in DBTaskResult.objects.filter(task_path=task.module_path).order_by("enqueued_at")
    ]


def test_the_command_imports_a_datafeed_file(feed_file, capsys):
    path = feed_file(datafeed([claim_review(1), None, claim_review(2)]))

    call_command("import_factchecks", "--datafeed", path)

    assert "2 created, 0 updated, 0 unchanged, 1 skipped" in capsys.readouterr().out
    assert ExternalFactCheck.objects.count() == 2


def test_the_command_imports_a_page(site, fetch_settings, capsys):
    html = f'<script type="application/ld+json">{json.dumps(claim_review(1))}</script>'
    url = site.add("/check", f"<html><head>{html}</head><body></body></html>")

    call_command("import_factchecks", "--page", url)

    assert "1 created" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--datafeed", "/nonexistent/feed.json"], "cannot be read"),
        (["--page", "ftp://example.org/x"], "give an http or https address"),
        (["--google", "rents"], "Google Fact Check Tools is off"),
        (["--google", "  "], "Give a query"),
    ],
)
def test_bad_input_is_a_one_line_error(arguments, message):
    with pytest.raises(CommandError, match=message) as error:
        call_command("import_factchecks", *arguments)
    assert "\n" not in str(error.value)
    assert not ExternalFactCheck.objects.exists()


def test_a_bad_file_is_a_one_line_error_and_stores_nothing(feed_file):
    with pytest.raises(CommandError, match="not valid JSON"):
        call_command("import_factchecks", "--datafeed", feed_file('{"dataFeedElement": ['))
    assert not ExternalFactCheck.objects.exists()


def test_the_command_needs_exactly_one_source():
    with pytest.raises(CommandError):
        call_command("import_factchecks")


def test_the_command_queues_a_checked_file_for_a_worker(feed_file, settings, capsys):
    settings.TASKS = DATABASE_QUEUE
    path = feed_file(datafeed([claim_review(1)]))

    call_command("import_factchecks", "--datafeed", path, "--queue")

    assert queued(tasks.import_datafeed) == [{"args": [path], "kwargs": {}}]
    assert not ExternalFactCheck.objects.exists()
    assert "Queued job" in capsys.readouterr().out


def test_a_bad_file_is_refused_before_it_is_queued(feed_file, settings):
    settings.TASKS = DATABASE_QUEUE

    with pytest.raises(CommandError, match="not a ClaimReview DataFeed"):
        call_command("import_factchecks", "--datafeed", feed_file("[]"), "--queue")
    assert queued(tasks.import_datafeed) == []


def test_an_import_job_hands_the_changed_checks_to_the_matching_jobs(
    feed_file, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    path = feed_file(datafeed([claim_review(1), claim_review(2)]))

    with django_capture_on_commit_callbacks(execute=True):
        result = tasks.import_datafeed.call(path)

    assert result == {"created": 2, "updated": 0, "unchanged": 0, "skipped": 0}
    ids = sorted(ExternalFactCheck.objects.values_list("pk", flat=True))
    assert queued(embed_claims) == [
        {"args": [ids], "kwargs": {"refresh": False, "collection": "external"}}
    ]
    assert queued(refresh_index) == [{"args": [], "kwargs": {"collection": "external"}}]

    with django_capture_on_commit_callbacks(execute=True):
        tasks.import_datafeed.call(path)  # nothing changed: nothing more to embed
    assert len(queued(embed_claims)) == 1


def test_an_uploaded_file_is_removed_once_imported(settings, tmp_path):
    settings.FACTCHECK_EXTERNAL_UPLOAD_DIR = str(tmp_path)
    upload = tmp_path / "upload.json"
    upload.write_text(json.dumps(datafeed([claim_review(1)])))

    tasks.import_datafeed.enqueue(str(upload), uploaded=True)

    assert not upload.exists()
    assert ExternalFactCheck.objects.count() == 1


def test_the_scheduled_job_queues_each_listed_datafeed(settings):
    settings.TASKS = DATABASE_QUEUE
    settings.FACTCHECK_EXTERNAL_DATAFEEDS = ["https://a.example/feed.json", "https://b.example/f"]

    assert tasks.reimport_datafeeds.call() == {"queued": 2}
    assert [job["args"] for job in queued(tasks.import_datafeed)] == [
        ["https://a.example/feed.json"],
        ["https://b.example/f"],
    ]


def test_the_scheduled_job_is_registered_with_the_worker_housekeeping(settings):
    assert "claims.external.tasks.reimport_datafeeds" in settings.FACTCHECK_WORKER_PERIODIC
