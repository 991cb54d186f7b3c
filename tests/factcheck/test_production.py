"""The production settings: `check --deploy` passes, and the server refuses to start without
what production needs."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k3y-" + "x7Qp2Lm9Vb4Nc8Rt6Yh1Wd5Ze0Fs3Gj" * 2


def manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    base = {
        key: value
        for key, value in os.environ.items()
        if key not in ("SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "DEBUG", "CACHE_URL")
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "factcheck.production", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.fixture
def production_env(tmp_path) -> dict[str, str]:
    return {
        "SECRET_KEY": GOOD_KEY,
        "ALLOWED_HOSTS": "desk.example.org",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'prod.sqlite3'}",
    }


def test_check_deploy_passes_with_the_production_settings(production_env):
    run = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env)

    assert run.returncode == 0, run.stdout + run.stderr
    assert "no issues" in run.stdout


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"SECRET_KEY": ""}, "Set SECRET_KEY"),
        ({"SECRET_KEY": "insecure-development-key-never-use-in-production"}, "Set SECRET_KEY"),
        ({"SECRET_KEY": "short-but-random-Zq8"}, "at least 50 characters"),
        ({"ALLOWED_HOSTS": ""}, "Set ALLOWED_HOSTS"),
        ({"ALLOWED_HOSTS": "*"}, "ALLOWED_HOSTS must name the hosts"),
        ({"ALLOWED_HOSTS": "desk.example.org, *"}, "ALLOWED_HOSTS must name the hosts"),
        ({"DATABASE_URL": ""}, "Set DATABASE_URL"),
        ({"CACHE_URL": "memcached://127.0.0.1"}, "CACHE_URL must start with"),
    ],
)
def test_production_refuses_to_start_without_what_it_needs(production_env, change, message):
    run = manage("check", env={**production_env, **change})

    assert run.returncode != 0
    assert message in run.stderr


def test_production_shares_one_cache_between_workers(production_env):
    run = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        env=production_env,
    )
    assert run.stdout.strip() == "django.core.cache.backends.db.DatabaseCache", run.stderr

    redis = manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])",
        env={**production_env, "CACHE_URL": "redis://127.0.0.1:6379/3"},
    )
    assert redis.stdout.strip() == "django.core.cache.backends.redis.RedisCache", redis.stderr


def setting(name: str, env: dict[str, str]) -> str:
    run = manage(
        "shell",
        "--no-imports",
        "-c",
        f"from django.conf import settings; print(settings.{name})",
        env=env,
    )
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def test_redis_is_given_a_short_socket_timeout(production_env):
    redis = {**production_env, "CACHE_URL": "redis://127.0.0.1:6379/3"}
    options = "CACHES['default']['OPTIONS']"

    assert setting(options, redis) == str({"socket_connect_timeout": 0.25, "socket_timeout": 0.25})
    assert setting(options, {**redis, "CACHE_SOCKET_TIMEOUT": "0.1"}) == str(
        {"socket_connect_timeout": 0.1, "socket_timeout": 0.1}
    )


def test_the_throttle_trusts_forwarded_addresses_only_from_the_proxies_it_is_told_of(
    production_env,
):
    num_proxies = "REST_FRAMEWORK['NUM_PROXIES']"

    assert setting(num_proxies, production_env) == "0"
    assert setting(num_proxies, {**production_env, "FACTCHECK_TRUSTED_PROXIES": "1"}) == "1"


def test_outsiders_are_not_told_about_the_page_cache_unless_asked(production_env):
    header = "FACTCHECK_PAGE_CACHE_HEADER"

    assert setting(header, production_env) == "False"
    assert setting(header, {**production_env, "FACTCHECK_PAGE_CACHE_HEADER": "1"}) == "True"
