"""The queue with real worker processes (`manage.py worker`) on the test database: a job runs,
a retry comes round, a worker killed in the middle of a job has its job run again by another
without storing anything twice, and on PostgreSQL two workers share a queue without running any
job twice. Last, the same import through Redis (RQ) and its worker."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading

import pytest
from django.db import connection, transaction
from django.tasks import TaskResultStatus

from claims.jobs.models import Job
from claims.models import Source, SourceSuggestions
from claims.tasks import import_url
from tests.imports.conftest import PAGE, page
from tests.jobs.conftest import ROOT, finished, wait_for, worker_env

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def on_postgresql(reason: str):
    return pytest.mark.skipif("connection.vendor != 'postgresql'", reason=reason)


def status_of(job) -> str:
    return Job.objects.get(pk=job.id).status


def test_a_worker_runs_a_queued_import(database_queue, site, start_worker):
    url = site.add("/story", PAGE)
    job = import_url.enqueue(url)

    finished(start_worker("--batch"))

    row = Job.objects.get(pk=job.id)
    source = Source.objects.get()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert row.return_value == {"source": source.pk, "created": True}
    assert source.url == url


def test_a_worker_tries_a_site_again_once_it_answers(database_queue, site, start_worker):
    url = site.add("/story", PAGE, failures=1)
    job = import_url.enqueue(url)

    finished(start_worker("--max-tasks", "2", FACTCHECK_JOB_RETRY_DELAY="0.3"))

    row = Job.objects.get(pk=job.id)
    assert row.status == TaskResultStatus.SUCCESSFUL and len(row.worker_ids) == 2
    assert site.hits == ["/story", "/story"]
    assert Source.objects.count() == 1


def test_a_worker_stops_a_job_past_its_time_limit(database_queue, site, start_worker):
    gate = threading.Event()
    url = site.add("/story", PAGE, gate=gate)
    job = import_url.enqueue(url)

    output = finished(
        start_worker("--batch", FACTCHECK_JOB_TIME_LIMIT="1", FACTCHECK_FETCH_TIMEOUT="30")
    )
    gate.set()

    row = Job.objects.get(pk=job.id)
    assert row.status == TaskResultStatus.FAILED, output
    assert row.exception_class_path == "claims.jobs.TimeLimitExceeded"
    assert not Source.objects.exists()


def test_a_killed_workers_job_runs_again_and_stores_nothing_twice(
    database_queue, site, start_worker
):
    """The worker is killed (SIGKILL: no clean-up) while it fetches the page; another worker
    notices its heartbeat has stopped, takes the job back and runs it to the end."""
    gate = threading.Event()
    url = site.add("/story", PAGE, gate=gate)
    job = import_url.enqueue(url)
    first = start_worker()
    wait_for(lambda: site.hits and status_of(job) == "RUNNING", what="the first fetch")

    first.kill()
    first.wait()
    gate.set()
    second = start_worker("--max-tasks", "1")
    finished(second)

    row = Job.objects.get(pk=job.id)
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert len(row.worker_ids) == 2 and row.worker_ids[0] != row.worker_ids[1]
    assert site.hits == ["/story", "/story"]
    assert Source.objects.filter(url=url).count() == 1


@on_postgresql("a row lock that holds back one statement and not another")
def test_a_worker_killed_after_storing_leaves_a_job_whose_second_run_stores_nothing(
    database_queue, site, start_worker
):
    """The worst moment: the source is stored, the job not yet marked done. A row lock held by
    the test keeps the worker from marking it; the worker is killed there, its connection
    dropped as a dead machine's would be. The second run finds the source already there."""
    gate = threading.Event()
    url = site.add("/story", PAGE, gate=gate)
    job = import_url.enqueue(url)
    first = start_worker()
    wait_for(lambda: site.hits and status_of(job) == "RUNNING", what="the first fetch")

    with transaction.atomic():
        Job.objects.select_for_update().get(pk=job.id)
        gate.set()
        wait_for(lambda: Source.objects.filter(url=url).exists(), what="the source stored")
        blocked = wait_for(lambda: waiting_on_a_lock(), what="the worker waiting to mark it")
        first.kill()
        first.wait()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [blocked])
    assert status_of(job) == "RUNNING"

    # Two jobs: the import taken back, and the reading of the source the first run stored
    # (queued as it was stored, in its own transaction), in whichever order they come.
    finished(start_worker("--max-tasks", "2"))

    row = Job.objects.get(pk=job.id)
    assert row.status == TaskResultStatus.SUCCESSFUL and len(row.worker_ids) == 2
    assert row.return_value["created"] is False  # the second run found the first one's source
    assert Source.objects.filter(url=url).count() == 1
    assert SourceSuggestions.objects.filter(source__url=url).count() == 1


def waiting_on_a_lock() -> int | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = current_database() "
            "AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()"
        )
        row = cursor.fetchone()
    return row[0] if row else None


@on_postgresql("on SQLite one worker per database file")
def test_two_workers_share_the_queue_and_run_each_job_once(database_queue, site, start_worker):
    urls = [site.add(f"/story/{n}", page(f"Paragraph number {n}.")) for n in range(12)]
    jobs = [import_url.enqueue(url) for url in urls]

    workers = [start_worker("--batch") for _ in range(2)]
    for worker in workers:
        finished(worker)

    rows = Job.objects.filter(pk__in=[job.id for job in jobs])
    assert {row.status for row in rows} == {TaskResultStatus.SUCCESSFUL}
    assert all(len(row.worker_ids) == 1 for row in rows)  # claimed by one worker each
    assert len({row.worker_ids[0] for row in rows}) == 2  # and both took some
    assert sorted(site.hits) == sorted(f"/story/{n}" for n in range(12))
    assert Source.objects.count() == 12


REDIS_URL = os.environ.get("FACTCHECK_TEST_TASKS_REDIS_URL", "redis://127.0.0.1:6379/11")


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=0.5):
            return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_the_same_import_runs_through_redis_and_an_rq_worker(site):
    url = site.add("/story", PAGE)
    env = worker_env(FACTCHECK_TASKS_BACKEND="redis", FACTCHECK_TASKS_REDIS_URL=REDIS_URL)
    manage = [sys.executable, "manage.py"]

    queued = subprocess.run(
        [*manage, "import_source", "--queue", url, "--publisher", "Agency"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    assert "1 input queued" in queued.stdout
    ran = subprocess.run(
        [*manage, "rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip

    assert ran.returncode == 0, ran.stdout + ran.stderr
    source = Source.objects.get()
    assert (source.url, source.publisher) == (url, "Agency")


def run_on_rq(url: str, **env: str) -> tuple[str, str]:
    """Queue an import of `url` on Redis, run it with `rqworker --burst` (which also runs a job
    queued again while it works) and read the job through django.tasks: its id and one line
    with its status, its tries and its last error."""
    env = worker_env(FACTCHECK_TASKS_BACKEND="redis", FACTCHECK_TASKS_REDIS_URL=REDIS_URL, **env)
    manage = [sys.executable, "manage.py"]
    queued = subprocess.run(
        [*manage, "import_source", "--queue", url], cwd=ROOT, env=env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert queued.returncode == 0, queued.stderr
    job_id = queued.stdout.split()[0]
    ran = subprocess.run(
        [*manage, "rqworker", "default", "--burst", "--job-class", "django_tasks_rq.Job"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert ran.returncode == 0, ran.stdout + ran.stderr
    read = (
        "from claims.tasks import import_url; "
        f"job = import_url.get_result({job_id!r}); "
        "error = job.errors[-1].traceback.strip().splitlines()[-1] if job.errors else ''; "
        "print(job.status, len(job.worker_ids), error, sep='|')"
    )
    shown = subprocess.run(
        [*manage, "shell", "--no-imports", "-c", read], cwd=ROOT, env=env,
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    return job_id, shown.stdout.strip()


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_an_rq_worker_tries_a_site_again_once_it_answers(site):
    """The desk's retries on RQ: a site that answers 503 once is fetched again by the same job
    (RQ queues it again, here at once: FACTCHECK_JOB_RETRY_DELAY is 0), and stored once."""
    url = site.add("/story", PAGE, failures=1)

    _job_id, shown = run_on_rq(url, FACTCHECK_JOB_RETRY_DELAY="0")

    assert shown == "SUCCESSFUL|2|"
    assert site.hits == ["/story", "/story"]
    assert Source.objects.get().url == url


@pytest.mark.skipif(not redis_answers(), reason="no Redis on 127.0.0.1:6379")
def test_an_rq_job_fails_with_its_reason_once_its_tries_are_spent_or_at_once_when_final(site):
    always = site.add("/down", PAGE, failures=10)
    missing = site.url("/gone")

    _job_id, shown = run_on_rq(always, FACTCHECK_JOB_RETRY_DELAY="0", FACTCHECK_JOB_ATTEMPTS="3")
    status, tries, error = shown.split("|")
    assert (status, tries) == ("FAILED", "3")
    assert "503" in error
    assert site.hits == ["/down"] * 3

    _job_id, shown = run_on_rq(missing, FACTCHECK_JOB_RETRY_DELAY="0")
    status, tries, error = shown.split("|")
    assert (status, tries) == ("FAILED", "1")  # a 404 is not tried again
    assert "404" in error
    assert not Source.objects.exists()


def test_the_production_stacks_job_worker_runs_jobs_and_stops_on_sigterm(database_queue, site):
    """`make serve` starts its job workers with deploy/serve.py's start_job_worker: one runs a
    queued job, and SIGTERM to its process group (as the stack stops it) ends it cleanly."""
    import signal

    from deploy.serve import start_job_worker

    job = import_url.enqueue(site.add("/story", PAGE))
    worker = start_job_worker(env=worker_env())
    try:
        wait_for(lambda: status_of(job) == TaskResultStatus.SUCCESSFUL, what="the import")
        os.killpg(worker.pid, signal.SIGTERM)
        assert worker.wait(timeout=30) == 0
    finally:
        if worker.poll() is None:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()
    assert Source.objects.get().url == job.args[0]
