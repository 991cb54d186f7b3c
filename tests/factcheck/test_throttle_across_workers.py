"""The API throttle holds across worker processes: with the production settings' shared cache,
two processes answering one client let exactly the allowed number of requests through, where
a cache per process would let each process allow them all."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ALLOWED = 10  # tests/factcheck/served_site.py

# One "worker": the production stack (settings, middleware, views) answering `n` requests from
# one address, printing the status codes and Retry-After headers.
WORKER = """
import sys, django
django.setup()
from django.test import Client
client = Client(REMOTE_ADDR="203.0.113.9")
for _ in range(int(sys.argv[1])):
    answer = client.get("/api/v1/ratings/")
    print(answer.status_code, answer.get("Retry-After", "-"))
"""


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.factcheck.served_site",
        "PYTHONPATH": str(ROOT),
        "SECRET_KEY": "throttle-test-key-" + "q7" * 30,
        "ALLOWED_HOSTS": "testserver",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'served.sqlite3'}",
        "CACHE_URL": "db://factcheck_cache",
    }
    for command in (["migrate", "-v0"], ["createcachetable"]):
        subprocess.run([sys.executable, "manage.py", *command], cwd=ROOT, env=env, check=True)
    return env


def worker(env: dict[str, str], requests: int) -> list[tuple[int, str]]:
    run = subprocess.run(
        [sys.executable, "-c", WORKER, str(requests)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return [
        (int(code), retry)
        for code, retry in (line.split() for line in run.stdout.split("\n") if line)
    ]


def test_two_processes_share_one_throttle(production_env):
    first = worker(production_env, ALLOWED - 3)
    second = worker(production_env, ALLOWED)

    assert [code for code, _ in first] == [200] * (ALLOWED - 3)
    assert [code for code, _ in second] == [200] * 3 + [429] * (ALLOWED - 3)
    assert all(retry.isdigit() and int(retry) > 0 for code, retry in second if code == 429)
