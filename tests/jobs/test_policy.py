"""The rules every job runs under: its time limit, its retries' waits, and the one line that
says why it failed."""

from __future__ import annotations

import signal
import threading
import time
from traceback import format_exception

import pytest

from claims.imports.fetching import FetchError, FetchUnavailable
from claims.jobs import Policy, TimeLimitExceeded, error_line, policy, policy_of, time_limit_of
from claims.tasks import import_input, import_url


def test_a_job_past_its_time_limit_is_stopped():
    with pytest.raises(TimeLimitExceeded, match=r"time limit of 0\.2 seconds"), time_limit_of(0.2):
        time.sleep(30)

    assert signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)


def test_the_limit_is_not_swallowed_by_code_that_catches_exceptions():
    with pytest.raises(TimeLimitExceeded), time_limit_of(0.1):
        try:
            time.sleep(30)
        except Exception:  # a parser's guard inside the job
            raise AssertionError("caught as an ordinary error") from None


def test_a_shorter_limit_set_around_the_job_stays_in_force():
    fired = []
    previous = signal.signal(signal.SIGALRM, lambda *_: fired.append(True))
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.3)
        with time_limit_of(5):  # RQ's own limit (0.3 s) comes first
            time.sleep(0.6)
        assert fired == [True]
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_a_longer_limit_around_the_job_is_restored_after_it():
    previous = signal.signal(signal.SIGALRM, signal.SIG_IGN)
    try:
        signal.setitimer(signal.ITIMER_REAL, 30)
        with time_limit_of(1):
            pass
        remaining, _ = signal.getitimer(signal.ITIMER_REAL)
        assert 28 < remaining <= 30
        assert signal.getsignal(signal.SIGALRM) == signal.SIG_IGN
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def test_outside_the_main_thread_there_is_no_limit_but_the_jobs_own_timeouts():
    outcome = []

    def job():
        with time_limit_of(0.05):
            time.sleep(0.2)
        outcome.append("finished")

    thread = threading.Thread(target=job)
    thread.start()
    thread.join()

    assert outcome == ["finished"]


def test_waits_between_tries_double(settings):
    settings.FACTCHECK_JOB_RETRY_DELAY = 30

    assert [Policy().delay(attempt) for attempt in (1, 2, 3)] == [30, 60, 120]


def test_the_policy_falls_back_to_the_settings(settings):
    settings.FACTCHECK_JOB_ATTEMPTS = 4
    settings.FACTCHECK_JOB_TIME_LIMIT = 90

    assert Policy().max_attempts == 4 and Policy().seconds == 90
    assert Policy(attempts=2, time_limit=5).max_attempts == 2
    assert Policy(attempts=2, time_limit=5).seconds == 5


@pytest.mark.parametrize("job", [import_url, import_input])
def test_imports_are_retried_only_when_the_site_may_answer_later(job):
    rules = policy_of(job)

    assert rules.retries(FetchUnavailable)
    assert not rules.retries(FetchError) and not rules.retries(TimeLimitExceeded)


def test_the_policy_keeps_the_task_importable_by_its_path():
    @policy(time_limit=1)
    def sample(): ...

    assert sample.__qualname__.endswith("sample") and sample.policy.seconds == 1
    assert import_url.module_path == "claims.tasks.import_url"


def traceback_of(error: BaseException) -> str:
    try:
        raise error
    except BaseException as raised:
        return "".join(format_exception(raised))


@pytest.mark.parametrize(
    ("error", "path", "line"),
    [
        (
            FetchError("https://news.example/a: the server answered 404 Not Found"),
            "claims.imports.fetching.FetchError",
            "https://news.example/a: the server answered 404 Not Found",
        ),
        (ValueError("bad value"), "builtins.ValueError", "bad value"),
        (KeyError("source"), "builtins.KeyError", "'source'"),
    ],
)
def test_the_error_line_is_the_exceptions_message(error, path, line):
    assert error_line(path, traceback_of(error)) == line


def test_an_error_without_a_traceback_is_named_by_its_class():
    assert error_line("claims.jobs.WorkerLost", "") == "WorkerLost"
