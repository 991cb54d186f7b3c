"""What a page following one job can tell besides its status (the URL import's progress)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.tasks import TaskResult, TaskResultStatus
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend
from django_tasks_db.models import get_date_max

from . import error_line
from .models import Job, Worker


@dataclass(frozen=True)
class Progress:
    tries: int  # how many times a worker has started it
    retry_at: datetime.datetime | None = None  # a failed try's job waits until then
    last_error: str = ""  # why the last try failed, while it waits for the next
    no_worker: bool = False  # no worker has said it is alive lately: nothing will run it


def job_progress(result: TaskResult) -> Progress:
    tries = len(result.worker_ids)
    if result.status != TaskResultStatus.READY or not isinstance(
        result.task.get_backend(), DatabaseBackend
    ):
        return Progress(tries=tries)
    now = timezone.now()
    row = (
        Job.objects.filter(pk=result.id)
        .values("run_after", "exception_class_path", "traceback")
        .first()
    )
    lost = now - datetime.timedelta(seconds=settings.FACTCHECK_WORKER_LOST_AFTER)
    retry_at = last_error = None
    if row is not None:
        if tries and row["traceback"]:
            last_error = error_line(row["exception_class_path"], row["traceback"])
        if now < row["run_after"] != get_date_max():
            retry_at = row["run_after"]
    return Progress(
        tries=tries,
        retry_at=retry_at,
        last_error=last_error or "",
        no_worker=not Worker.objects.filter(seen_at__gte=lost).exists(),
    )
