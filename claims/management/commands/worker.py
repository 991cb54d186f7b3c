"""Run a worker of the database queue: django-tasks-db's `db_worker`, with a heartbeat beside it
that lets the desk take back the job of a worker that died, and that prunes old results.

    python manage.py worker                 # until Ctrl-C (or SIGTERM): ends the running job first
    python manage.py worker --batch         # run what is queued, then stop

On PostgreSQL start as many as the machine has room for (jobs are claimed with SKIP LOCKED);
on SQLite run one per database file. See docs/background-work.md.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.tasks import DEFAULT_TASK_BACKEND_ALIAS, task_backends
from django.utils.crypto import get_random_string
from django_tasks_db.backend import DatabaseBackend

from claims.jobs.queue import Housekeeper


class Command(BaseCommand):
    help = (
        "Run background jobs from the database queue (db_worker), with a heartbeat, the sweeper "
        "for jobs of dead workers, and pruning of old results."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--queue-name",
            default="*",
            help="Queues to take jobs from, separated by commas (default: all).",
        )
        parser.add_argument(
            "--interval",
            type=float,
            default=1.0,
            help="Seconds to wait before looking again when the queue is empty (default 1).",
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run the jobs queued now, then stop."
        )
        parser.add_argument(
            "--max-tasks", type=int, default=None, help="Stop after running this many jobs."
        )
        parser.add_argument(
            "--no-startup-delay",
            action="store_false",
            dest="startup_delay",
            help="Start at once (by default each worker waits up to a second, so that many "
            "started together do not all ask at the same moment).",
        )

    def handle(
        self,
        *args: Any,
        queue_name: str,
        interval: float,
        batch: bool,
        max_tasks: int | None,
        startup_delay: bool,
        verbosity: int,
        **options: Any,
    ) -> None:
        if not isinstance(task_backends[DEFAULT_TASK_BACKEND_ALIAS], DatabaseBackend):
            raise CommandError(
                f"FACTCHECK_TASKS_BACKEND is {settings.FACTCHECK_TASKS_BACKEND!r}: this worker "
                "runs the database queue (for Redis, run `manage.py rqworker`; see "
                "docs/background-work.md)."
            )
        worker_id = get_random_string(32)
        housekeeper = Housekeeper(worker_id)
        housekeeper.start()
        try:
            call_command(
                "db_worker",
                queue_name=queue_name,
                interval=interval,
                batch=batch,
                max_tasks=max_tasks,
                startup_delay=startup_delay,
                worker_id=worker_id,
                # The reloader would run jobs in a thread of a child process, where neither the
                # heartbeat nor the time limit (a signal) can reach them.
                reload=False,
                verbosity=verbosity,
            )
        finally:
            housekeeper.stop()
