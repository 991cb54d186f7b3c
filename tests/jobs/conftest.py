"""The database queue under a test, and real worker processes on the test database."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from django.db import connection

from tests.imports.conftest import closed_port, fetch_settings, site  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(settings):
    """Jobs wait in the database until a worker runs them, as in production."""
    settings.TASKS = DATABASE_QUEUE
    return settings


def database_url() -> str:
    """The test database, as a worker process started by the test must reach it."""
    config = connection.settings_dict
    if connection.vendor == "sqlite":
        return f"sqlite:///{config['NAME']}"
    user, host, port = config["USER"] or "postgres", config["HOST"] or "127.0.0.1", config["PORT"]
    return f"postgres://{user}@{host}:{port or 5432}/{config['NAME']}"


def worker_env(**extra: str) -> dict[str, str]:
    """A worker that beats and sweeps several times a second, and fetches from the test's
    local server."""
    return {
        **os.environ,
        "DATABASE_URL": database_url(),
        "FACTCHECK_TASKS_BACKEND": "database",
        "FACTCHECK_FETCH_PRIVATE_ADDRESSES": "1",
        "FACTCHECK_WORKER_HEARTBEAT": "0.2",
        "FACTCHECK_WORKER_LOST_AFTER": "1.5",
        **extra,
    }


@pytest.fixture
def start_worker() -> Callable[..., subprocess.Popen]:
    """Start `manage.py worker` processes on the test database; killed at the end if left."""
    started: list[subprocess.Popen] = []

    def start(*args: str, **env: str) -> subprocess.Popen:
        process = subprocess.Popen(
            [
                sys.executable,
                "manage.py",
                "worker",
                "--no-startup-delay",
                "--interval",
                "0.1",
                *args,
            ],
            cwd=ROOT,
            env=worker_env(**env),
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
        )
        started.append(process)
        return process

    yield start
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def finished(process: subprocess.Popen, timeout: float = 60) -> str:
    """Wait for a worker that stops by itself (--batch, --max-tasks); its output."""
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output
    return output


def wait_for(condition: Callable[[], object], timeout: float = 30, what: str = "") -> object:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what or condition}")
