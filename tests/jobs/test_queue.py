"""The database queue's rules around django-tasks-db: retries after a doubling wait, the sweeper
that takes back the job of a dead worker, heartbeats and pruning. The worker here is
django-tasks-db's own loop (`db_worker`) run in the test's process; tests/jobs/
test_worker_process.py runs real worker processes."""

from __future__ import annotations

import datetime
import signal

import pytest
from django.core.management import call_command
from django.tasks import TaskResultStatus
from django.utils import timezone

from claims.jobs.models import Job, Worker
from claims.jobs.queue import Housekeeper, beat, prune, retry, sweep
from claims.models import Source
from claims.tasks import import_url
from tests.imports.conftest import PAGE

pytestmark = pytest.mark.django_db
READY, RUNNING, FAILED, SUCCESSFUL = (
    TaskResultStatus.READY,
    TaskResultStatus.RUNNING,
    TaskResultStatus.FAILED,
    TaskResultStatus.SUCCESSFUL,
)


@pytest.fixture
def run_queued(database_queue, transactional_db, django_db_serialized_rollback):
    """Run what is queued with db_worker in this process, then put back the signal handlers it
    installs. The worker closes its connection between jobs, so the test cannot keep it in a
    transaction (transactional_db); like every transactional test here, it restores what the
    migrations made (serialized rollback), so that the next one finds the same rows."""
    signals = (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)
    handlers = {sig: signal.getsignal(sig) for sig in signals}

    def run() -> None:
        call_command("db_worker", batch=True, startup_delay=False, reload=False, verbosity=0)

    yield run
    for sig, handler in handlers.items():
        signal.signal(sig, handler)


def test_a_site_that_answers_later_is_tried_again_until_it_does(site, fetch_settings, run_queued):
    fetch_settings.FACTCHECK_JOB_RETRY_DELAY = 0  # no wait, so the batch takes the retries too
    url = site.add("/story", PAGE, failures=2)
    job = import_url.enqueue(url)

    run_queued()

    row = Job.objects.get(pk=job.id)
    assert row.status == SUCCESSFUL and len(row.worker_ids) == 3
    assert site.hits == ["/story"] * 3
    assert Source.objects.filter(url=url).count() == 1


def test_the_tries_end_with_the_attempts_allowed(site, fetch_settings, run_queued):
    fetch_settings.FACTCHECK_JOB_RETRY_DELAY = 0
    fetch_settings.FACTCHECK_JOB_ATTEMPTS = 2
    url = site.add("/story", PAGE, failures=5)
    job = import_url.enqueue(url)

    run_queued()

    row = Job.objects.get(pk=job.id)
    assert row.status == FAILED and len(row.worker_ids) == 2
    assert "503 Service Unavailable" in row.traceback
    assert not Source.objects.exists()


def test_a_retry_waits_longer_after_each_try(site, fetch_settings, run_queued):
    fetch_settings.FACTCHECK_JOB_RETRY_DELAY = 600
    url = site.add("/story", PAGE, failures=1)
    job = import_url.enqueue(url)
    before = timezone.now()

    run_queued()  # one try: the next waits ten minutes, so the batch ends

    row = Job.objects.get(pk=job.id)
    assert row.status == READY and len(row.worker_ids) == 1
    assert before + datetime.timedelta(seconds=590) < row.run_after
    assert row.run_after < timezone.now() + datetime.timedelta(seconds=610)
    assert "503" in row.traceback  # the last try's error stays on it meanwhile


def test_a_failure_that_would_repeat_is_not_retried(site, fetch_settings, run_queued):
    url = site.add("/gone", PAGE, status=404)
    job = import_url.enqueue(url)

    run_queued()

    row = Job.objects.get(pk=job.id)
    assert row.status == FAILED and len(row.worker_ids) == 1
    assert site.hits == ["/gone"]


def running_job(database_queue, *, worker: str, started_ago: float, tries: int = 1) -> Job:
    job = import_url.enqueue("https://news.example/story")
    Job.objects.filter(pk=job.id).update(
        status=RUNNING,
        worker_ids=[f"earlier-{n}" for n in range(tries - 1)] + [worker],
        started_at=timezone.now() - datetime.timedelta(seconds=started_ago),
    )
    return Job.objects.get(pk=job.id)


def worker(worker_id: str, *, seen_ago: float) -> Worker:
    seen = timezone.now() - datetime.timedelta(seconds=seen_ago)
    return Worker.objects.create(
        worker_id=worker_id, hostname="test", pid=1, started_at=seen, seen_at=seen
    )


def test_the_job_of_a_silent_worker_is_queued_again(database_queue):
    database_queue.FACTCHECK_WORKER_LOST_AFTER = 60
    worker("dead", seen_ago=61)
    job = running_job(database_queue, worker="dead", started_ago=70)

    swept = sweep()

    job.refresh_from_db()
    assert swept.requeued == [str(job.pk)] and swept.failed == []
    assert job.status == READY and job.run_after <= timezone.now()
    assert job.exception_class_path == "claims.jobs.WorkerLost"
    assert "the worker running it (dead) stopped answering (try 1 of 3)" in job.traceback


def test_the_job_of_a_live_worker_is_left_running(database_queue):
    worker("alive", seen_ago=5)
    job = running_job(database_queue, worker="alive", started_ago=200)

    assert sweep().requeued == []
    job.refresh_from_db()
    assert job.status == RUNNING


def test_a_job_past_its_time_limit_is_taken_back_whatever_its_worker(database_queue):
    database_queue.FACTCHECK_JOB_TIME_LIMIT = 300
    database_queue.FACTCHECK_WORKER_LOST_AFTER = 60
    within = running_job(database_queue, worker="plain-db-worker", started_ago=350)
    past = running_job(database_queue, worker="plain-db-worker", started_ago=370)

    swept = sweep()

    within.refresh_from_db()
    past.refresh_from_db()
    assert swept.requeued == [str(past.pk)]
    assert within.status == RUNNING and past.status == READY
    assert "ran past its time limit of 300 seconds" in past.traceback


def test_a_job_whose_workers_keep_dying_fails_once_its_tries_are_spent(database_queue):
    worker("dead", seen_ago=600)
    job = running_job(database_queue, worker="dead", started_ago=600, tries=3)

    swept = sweep()

    job.refresh_from_db()
    assert swept.failed == [str(job.pk)]
    assert job.status == FAILED and job.finished_at is not None
    assert "stopped answering (try 3 of 3)" in job.traceback


def test_a_job_swept_twice_is_taken_back_once(database_queue):
    worker("dead", seen_ago=600)
    job = running_job(database_queue, worker="dead", started_ago=600)

    first, second = sweep(), sweep()

    assert first.requeued == [str(job.pk)] and second.requeued == []


def test_a_heartbeat_records_the_worker_and_then_refreshes_it(db):
    beat("w1")
    first = Worker.objects.get(worker_id="w1")

    beat("w1")

    again = Worker.objects.get(worker_id="w1")
    assert again.seen_at >= first.seen_at and again.started_at == first.started_at
    assert again.hostname and again.pid > 0


# A round closes stale connections, as a worker does: no test transaction around it.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_housekeeping_round_beats_sweeps_and_prunes(database_queue):
    worker("dead", seen_ago=600)
    job = running_job(database_queue, worker="dead", started_ago=600)

    Housekeeper("w2").round()

    job.refresh_from_db()
    assert Worker.objects.filter(worker_id="w2").exists()
    assert job.status == READY
    assert Worker.objects.filter(worker_id="dead").exists()  # pruned only after days


def finished_job(database_queue, status: str, *, days_ago: float) -> Job:
    job = import_url.enqueue("https://news.example/story")
    Job.objects.filter(pk=job.id).update(
        status=status, finished_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return job


def test_finished_jobs_are_pruned_after_the_days_set(database_queue):
    database_queue.FACTCHECK_JOBS_KEEP_DAYS = 14
    database_queue.FACTCHECK_FAILED_JOBS_KEEP_DAYS = 30
    recent = finished_job(database_queue, SUCCESSFUL, days_ago=13)
    old = finished_job(database_queue, SUCCESSFUL, days_ago=15)
    failed_recent = finished_job(database_queue, FAILED, days_ago=20)
    failed_old = finished_job(database_queue, FAILED, days_ago=31)
    queued = import_url.enqueue("https://news.example/queued")
    worker("gone", seen_ago=15 * 86400)
    worker("here", seen_ago=60)

    prune()

    kept = {str(pk) for pk in Job.objects.values_list("pk", flat=True)}
    assert kept == {job.id for job in (recent, failed_recent, queued)}
    assert old.id not in kept and failed_old.id not in kept
    assert list(Worker.objects.values_list("worker_id", flat=True)) == ["here"]


def test_retry_queues_a_failed_job_again_and_nothing_else(database_queue):
    failed = finished_job(database_queue, FAILED, days_ago=0)
    done = finished_job(database_queue, SUCCESSFUL, days_ago=0)

    assert retry(Job.objects.get(pk=failed.id)) and not retry(Job.objects.get(pk=done.id))
    assert Job.objects.get(pk=failed.id).status == READY
    assert Job.objects.get(pk=done.id).status == SUCCESSFUL
