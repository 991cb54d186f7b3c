"""Browser tests: Playwright driving Debian's chromium against the live test server.

Run them alone with `pytest -m browser`. Playwright cannot download its own browser here, so
the system's /usr/bin/chromium is used, with the flags that keep it off the network.
"""

import os
import shutil

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not shutil.which(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: apt-get install chromium (make test does)")
    # Playwright's sync API keeps an event loop running in the main thread from here to the end
    # of the session, and Django refuses ORM calls beside a running loop unless told otherwise.
    # Browser tests run last (tests/conftest.py), so this holds only for them.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--no-first-run",
            "--disable-sync",
        ],
    }


@pytest.fixture(autouse=True)
def desk_defaults(transactional_db):
    """The rating scale and role groups, put back after earlier tests flushed them: with
    Playwright's loop running, the serialized rollback does not reach this test's connection."""
    from claims.defaults import ensure_defaults

    ensure_defaults()
