"""`suggest_claims --queue`: stored sources handed to the worker, which stores their
suggestions and raises their alerts, as when they arrived."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django_tasks_db.models import DBTaskResult

from claims.models import Alert, SourceSuggestions
from claims.suggestions import engine_version
from tests.factories import SourceFactory, SourceSuggestionsFactory
from tests.jobs.test_arrival import NEW_ARTICLE

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("suggest_claims", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_queued_sources_wait_for_the_worker(database_queue):
    first, second = SourceFactory(), SourceFactory()

    out, _err = run("--queue", str(first.pk), str(second.pk))

    jobs = DBTaskResult.objects.order_by("enqueued_at")
    assert [job.args_kwargs["args"] for job in jobs] == [[first.pk], [second.pk]]
    assert all(job.task_path == "claims.tasks.process_source" for job in jobs)
    assert f"source {first.pk}" in out and "2 sources queued" in out
    assert not SourceSuggestions.objects.exists()  # nothing is read here


def test_a_queued_source_gets_its_suggestions_and_alerts(publish):
    publish("false", text="NATO admitted Montenegro, North Macedonia and Albania")
    source = SourceFactory(text=NEW_ARTICLE)

    out, _err = run("--queue", str(source.pk))

    assert "successful" in out
    assert SourceSuggestions.objects.get().source == source
    assert Alert.objects.get().source == source


def test_stale_queues_the_sources_not_read_by_this_engine(database_queue):
    current = SourceFactory()
    SourceSuggestionsFactory(source=current, engine_version=engine_version())
    older = SourceFactory()
    SourceSuggestionsFactory(source=older, engine_version="an older engine")
    never = SourceFactory()
    SourceFactory(text="")  # nothing to read

    out, _err = run("--queue", "--stale")

    queued = [job.args_kwargs["args"][0] for job in DBTaskResult.objects.order_by("enqueued_at")]
    assert queued == [older.pk, never.pk]
    assert "2 sources queued" in out


def test_unknown_ids_are_named_and_the_others_queued(database_queue):
    source = SourceFactory()

    with pytest.raises(CommandError, match="1 sources could not be queued"):
        run("--queue", str(source.pk), "999999")

    assert DBTaskResult.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--queue", "seeds/000_350d1086ef0d2fa7.txt"], "--queue takes the ids of stored sources"),
        (["--queue"], "Give the ids of stored sources, or --stale"),
        (["--stale", "12"], "--stale goes with --queue"),
        ([], "Give one article"),
        (["1", "2"], "Give one article"),
    ],
)
def test_bad_arguments_are_one_line_errors(args, message, database_queue):
    with pytest.raises(CommandError, match=message):
        run(*args)

    assert not DBTaskResult.objects.exists()


def test_queueing_a_source_twice_stores_nothing_twice(publish):
    publish("false", text="NATO admitted Montenegro, North Macedonia and Albania")
    source = SourceFactory(text=NEW_ARTICLE)

    run("--queue", str(source.pk))
    run("--queue", str(source.pk))

    assert SourceSuggestions.objects.count() == 1 and Alert.objects.count() == 1
