"""What the database queue (django-tasks-db) leaves to the project: retrying a job that failed
for outside reasons, taking back the job of a worker that died, heartbeats, and pruning.

A job is one row (`Job`); `worker_ids` lists every worker that claimed it, so its length is the
number of tries. A retry and a take-back both put the same row back in the queue (status READY,
`run_after` the time of the next try), keeping the last error on it, so the job keeps its id and
a page following it (the URL import's) sees it go round again. Every update here is conditional
on the row still being as it was read, so two workers sweeping at once change it once.
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
import threading
from dataclasses import dataclass

from django.conf import settings
from django.core.management import call_command
from django.db import close_old_connections, connection
from django.tasks import TaskResult, TaskResultStatus
from django.utils import timezone
from django.utils.module_loading import import_string
from django_tasks_db.backend import DatabaseBackend

from . import DEFAULT_POLICY, Policy, WorkerLost, policy_of
from .models import Job, Worker

logger = logging.getLogger(__name__)

READY, RUNNING, FAILED = TaskResultStatus.READY, TaskResultStatus.RUNNING, TaskResultStatus.FAILED


def retry_when_worth_it(sender: type, task_result: TaskResult, **kwargs) -> None:
    """`task_finished` receiver: a job that failed with one of its policy's passing troubles,
    and has tries left, is queued again after a wait that doubles with each try."""
    if task_result.status != FAILED or not task_result.errors:
        return
    if not isinstance(task_result.task.get_backend(), DatabaseBackend):
        return  # other backends keep their own rules (docs/background-work.md)
    rules = policy_of(task_result.task)
    try:
        error = task_result.errors[-1].exception_class
    except (ImportError, ValueError):
        return
    attempts = task_result.attempts
    if not rules.retries(error) or attempts >= rules.max_attempts:
        return
    run_after = timezone.now() + datetime.timedelta(seconds=rules.delay(attempts))
    Job.objects.filter(pk=task_result.id, status=FAILED).update(
        status=READY, run_after=run_after, finished_at=None
    )
    logger.info("Job %s failed (try %d of %d); next try at %s", task_result.id, attempts,
                rules.max_attempts, run_after.isoformat(timespec="seconds"))  # fmt: skip


def retry(job: Job) -> bool:
    """Queue a failed job again (the admin's retry). False when it is no longer failed."""
    return bool(
        Job.objects.filter(pk=job.pk, status=FAILED).update(
            status=READY, run_after=timezone.now(), finished_at=None
        )
    )


@dataclass(frozen=True)
class Swept:
    requeued: list[str]
    failed: list[str]


def sweep(*, now: datetime.datetime | None = None) -> Swept:
    """Take back running jobs whose worker has died: its heartbeat is older than
    FACTCHECK_WORKER_LOST_AFTER, or the job has run past its time limit by as much (a worker
    that runs jobs without a heartbeat, `db_worker`, is judged by the time limit alone). The job
    is queued again while it has tries left, else failed with `WorkerLost`."""
    now = now or timezone.now()
    grace = datetime.timedelta(seconds=settings.FACTCHECK_WORKER_LOST_AFTER)
    running = list(Job.objects.filter(status=RUNNING))  # at most one per worker
    if not running:
        return Swept([], [])
    workers = dict(Worker.objects.values_list("worker_id", "seen_at"))
    requeued, failed = [], []
    for job in running:
        worker = job.worker_ids[-1] if job.worker_ids else ""
        rules = _policy(job)
        seen = workers.get(worker)
        if seen is not None and seen < now - grace:
            why = f"the worker running it ({worker}) stopped answering"
        elif job.started_at and job.started_at < now - grace - _seconds(rules.seconds):
            why = f"it ran past its time limit of {rules.seconds:g} seconds and was taken back"
        else:
            continue
        attempts = len(job.worker_ids)
        still = Job.objects.filter(pk=job.pk, status=RUNNING, started_at=job.started_at)
        error = {
            "exception_class_path": f"{WorkerLost.__module__}.{WorkerLost.__qualname__}",
            "traceback": f"{WorkerLost.__module__}.{WorkerLost.__qualname__}: {why} "
            f"(try {attempts} of {rules.max_attempts})\n",
        }
        if attempts < rules.max_attempts:
            if still.update(status=READY, run_after=now, **error):
                requeued.append(str(job.pk))
                logger.warning("Job %s queued again: %s", job.pk, why)
        elif still.update(status=FAILED, finished_at=now, **error):
            failed.append(str(job.pk))
            logger.warning("Job %s failed: %s, and no tries are left", job.pk, why)
    return Swept(requeued, failed)


def beat(worker_id: str, *, started_at: datetime.datetime | None = None) -> None:
    """Say that this worker is alive."""
    now = timezone.now()
    Worker.objects.update_or_create(
        worker_id=worker_id,
        defaults={"seen_at": now},
        create_defaults={
            "seen_at": now,
            "started_at": started_at or now,
            "hostname": socket.gethostname()[:255],
            "pid": os.getpid(),
        },
    )


def prune(*, now: datetime.datetime | None = None) -> None:
    """Delete finished jobs after FACTCHECK_JOBS_KEEP_DAYS (failed ones after
    FACTCHECK_FAILED_JOBS_KEEP_DAYS), with django-tasks-db's own command, and workers not seen
    for as long."""
    now = now or timezone.now()
    call_command(
        "prune_db_task_results",
        queue_name="*",
        min_age_days=settings.FACTCHECK_JOBS_KEEP_DAYS,
        failed_min_age_days=settings.FACTCHECK_FAILED_JOBS_KEEP_DAYS,
        verbosity=0,
    )
    gone = now - datetime.timedelta(days=settings.FACTCHECK_JOBS_KEEP_DAYS)
    Worker.objects.filter(seen_at__lt=gone).delete()


class Housekeeper(threading.Thread):
    """Runs beside a worker's loop: a heartbeat and a sweep every FACTCHECK_WORKER_HEARTBEAT
    seconds, the tasks of FACTCHECK_WORKER_PERIODIC as often as it says (the feeds' rounds),
    and pruning once an hour. A daemon thread with its own database connection; a failing
    round is logged and the next one tried."""

    PRUNE_EVERY = datetime.timedelta(hours=1)

    def __init__(self, worker_id: str) -> None:
        super().__init__(name=f"housekeeper-{worker_id}", daemon=True)
        self.worker_id = worker_id
        self.started_at = timezone.now()
        self.stopping = threading.Event()
        self.pruned_at: datetime.datetime | None = None
        self.periodic_at: dict[str, datetime.datetime] = {}

    def run(self) -> None:
        try:
            while True:
                self.round()
                if self.stopping.wait(settings.FACTCHECK_WORKER_HEARTBEAT):
                    return
        finally:
            connection.close()

    def round(self) -> None:
        close_old_connections()
        try:
            beat(self.worker_id, started_at=self.started_at)
            sweep()
            now = timezone.now()
            if self.pruned_at is None or now - self.pruned_at >= self.PRUNE_EVERY:
                prune(now=now)
                self.pruned_at = now
        except Exception:
            logger.exception("Housekeeping failed; trying again in a moment")
        self.periodic(timezone.now())

    def periodic(self, now: datetime.datetime) -> None:
        for path, seconds in settings.FACTCHECK_WORKER_PERIODIC.items():
            last = self.periodic_at.get(path)
            if not seconds or (last is not None and now - last < _seconds(seconds)):
                continue
            self.periodic_at[path] = now
            try:
                import_string(path).call()
            except Exception:
                logger.exception("%s failed; trying again in %g seconds", path, seconds)

    def stop(self) -> None:
        self.stopping.set()
        self.join(timeout=settings.FACTCHECK_WORKER_HEARTBEAT + 5)


def _policy(job: Job) -> Policy:
    try:
        return policy_of(job.task)
    except Exception:  # the task's code is gone or broken: the default rules still apply
        return DEFAULT_POLICY


def _seconds(value: float) -> datetime.timedelta:
    return datetime.timedelta(seconds=value)
