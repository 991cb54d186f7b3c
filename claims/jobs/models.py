"""The queue's rows as the desk sees them, and the workers' heartbeats (the `jobs` app)."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult


class Job(DBTaskResult):
    """A job of the database queue: django-tasks-db's row under the desk's name, with the
    permission to queue a failed job again. Its status is changed only by workers, the
    sweeper and the retry (`claims.jobs.queue`)."""

    class Meta:
        proxy = True
        verbose_name = _("job")
        verbose_name_plural = _("jobs")
        permissions = [("retry_job", _("Can queue a failed job again"))]


class Worker(models.Model):
    """A worker process (`manage.py worker`) and when it last said it was alive. A running
    job whose worker has been silent for FACTCHECK_WORKER_LOST_AFTER seconds is taken back."""

    worker_id = models.CharField(_("worker id"), max_length=64, unique=True)
    hostname = models.CharField(_("host"), max_length=255)
    pid = models.PositiveIntegerField(_("process id"))
    started_at = models.DateTimeField(_("started at"))
    seen_at = models.DateTimeField(_("last seen at"), db_index=True)

    class Meta:
        verbose_name = _("worker")
        verbose_name_plural = _("workers")
        ordering = ["-seen_at"]

    def __str__(self) -> str:
        return f"{self.hostname}:{self.pid} ({self.worker_id})"
