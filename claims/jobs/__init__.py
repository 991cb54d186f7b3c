"""Background work: the rules every job runs under, whatever backend queues it.

Jobs are `django.tasks` tasks (`claims/tasks.py`); the backend is a setting (`TASKS`, from
FACTCHECK_TASKS_BACKEND). What django.tasks leaves to the project is here:

- `policy`, put under `@task`: how long the job may run (it is stopped with `TimeLimitExceeded`
  past that), and which errors are passing troubles worth another try, and how many tries.
- `claims.jobs.queue`: on the database backend, those retries (the same job queued again after
  a growing wait), the sweeper that takes back the job of a worker that died, and pruning. On
  RQ the job hands its retry to RQ itself (`rq_retry`).
- `claims.jobs.models`: `Worker` (each worker's heartbeat) and `Job` (the queue's rows, as the
  admin shows them).

Every job must be idempotent: a retried or taken-back job runs again from the start, so running
it twice must store nothing twice.
"""

from __future__ import annotations

import functools
import logging
import math
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from django.conf import settings

logger = logging.getLogger(__name__)


class TimeLimitExceeded(BaseException):
    """A job ran past its time limit. A BaseException, like KeyboardInterrupt, so that code
    catching Exception inside the job (a parser's guard) does not swallow it."""


class WorkerLost(Exception):
    """The worker running a job stopped answering (killed, out of memory, its machine gone)."""


@dataclass(frozen=True)
class Policy:
    """How a job runs. None means the setting: FACTCHECK_JOB_TIME_LIMIT, FACTCHECK_JOB_ATTEMPTS."""

    retry_on: tuple[type[BaseException], ...] = ()
    attempts: int | None = None
    time_limit: float | None = None

    @property
    def max_attempts(self) -> int:
        return max(1, self.attempts or settings.FACTCHECK_JOB_ATTEMPTS)

    @property
    def seconds(self) -> float:
        return self.time_limit or settings.FACTCHECK_JOB_TIME_LIMIT

    def retries(self, error: type[BaseException]) -> bool:
        return issubclass(error, self.retry_on)

    def delay(self, attempt: int) -> float:
        """Seconds to wait after the `attempt`-th try failed: the setting, doubled each time."""
        return settings.FACTCHECK_JOB_RETRY_DELAY * 2 ** max(0, attempt - 1)


DEFAULT_POLICY = Policy()


def policy(
    *,
    retry_on: tuple[type[BaseException], ...] = (),
    attempts: int | None = None,
    time_limit: float | None = None,
) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """The job's rules, under `@task`:

    @task
    @policy(retry_on=(FetchUnavailable,))
    def import_url(url): ...
    """
    rules = Policy(retry_on=retry_on, attempts=attempts, time_limit=time_limit)

    def decorate(func: Callable[..., Any]) -> Callable[..., Any]:
        @functools.wraps(func)
        def run(*args: Any, **kwargs: Any) -> Any:
            try:
                with time_limit_of(rules.seconds):
                    return func(*args, **kwargs)
            except Exception as error:
                again = rq_retry(rules, error)
                if again is None:
                    raise
                return again

        run.policy = rules
        return run

    return decorate


def rq_retry(rules: Policy, error: Exception) -> Any:
    """On RQ, the retry of a job that failed with one of its passing troubles and has tries
    left: RQ's own `Retry`, which the job returns and RQ's worker takes as "run this job again
    after the wait" (the same job, its tries counted by RQ; a wait needs `--with-scheduler`).
    None anywhere else (the database queue retries on `task_finished`, claims.jobs.queue) or
    when the error is final: the job then fails with it."""
    if not rules.retries(type(error)):
        return None
    try:
        from rq import Retry, get_current_job
    except ImportError:  # RQ is not installed: no job can be running on it
        return None
    job = get_current_job()
    if job is None:
        return None
    tries = (job.number_of_retries or 0) + 1
    if tries >= rules.max_attempts:
        return None
    waits = [math.ceil(rules.delay(attempt)) for attempt in range(1, rules.max_attempts)]
    logger.warning("Job %s failed (try %d of %d), tried again in %d s: %s", job.id, tries,
                   rules.max_attempts, waits[tries - 1], error)  # fmt: skip
    return Retry(max=rules.max_attempts - 1, interval=waits)


def policy_of(task: Any) -> Policy:
    """The rules of a django.tasks Task (the default ones for a task without `@policy`)."""
    return getattr(task.func, "policy", DEFAULT_POLICY)


@contextmanager
def time_limit_of(seconds: float) -> Iterator[None]:
    """Raise TimeLimitExceeded in the job once `seconds` have passed.

    With a timer signal, so only in the main thread (where workers run their jobs; a job run at
    once inside a web request is bounded by its own timeouts). A limit already set around it
    (RQ sets one for each job) is kept, and wins when it is the shorter."""
    if (
        seconds <= 0
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return
    outer, _interval = signal.getitimer(signal.ITIMER_REAL)
    if outer and outer <= seconds:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TimeLimitExceeded(f"the job ran past its time limit of {seconds:g} seconds")

    previous = signal.signal(signal.SIGALRM, expire)
    started = time.monotonic()
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        if outer:
            signal.setitimer(signal.ITIMER_REAL, max(outer - (time.monotonic() - started), 1e-3))


def error_line(exception_class_path: str, traceback: str) -> str:
    """The one line that says why a job failed: its exception's message, from the traceback
    that django.tasks keeps (`TaskError`), without the exception's name."""
    lines = [line for line in traceback.strip().splitlines() if line.strip()]
    if not lines:
        return exception_class_path.rpartition(".")[2]
    last = lines[-1].strip()
    for prefix in (exception_class_path, exception_class_path.rpartition(".")[2]):
        if last.startswith(f"{prefix}: "):
            return last.removeprefix(f"{prefix}: ")
    return last
