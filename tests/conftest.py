"""Users in each role, and the demo desk, for any test that needs them."""

import io
import os

import pytest
from django.core.cache import cache
from django.core.management import call_command

from claims.enums import Role
from tests.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(username="edna", roles=[Role.EDITOR])


@pytest.fixture
def fact_checker(db):
    return UserFactory(username="fred", roles=[Role.FACT_CHECKER])


@pytest.fixture
def reviewer(db):
    return UserFactory(username="rita", roles=[Role.REVIEWER])


@pytest.fixture
def second_reviewer(db):
    return UserFactory(username="ravi", roles=[Role.REVIEWER])


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def demo_desk(db, settings):
    """The seed article and its curated claims, loaded as `make run` loads them."""
    settings.DEBUG = True
    call_command("seed_demo", stdout=io.StringIO())


@pytest.fixture(autouse=True)
def empty_cache():
    # The cache is not rolled back with the database: a page cached by one test must not be
    # served to the next.
    cache.clear()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashers spend ~0.3 s per password on purpose; tests log in often.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def pytest_collection_modifyitems(items):
    """Tests under tests/browser/ are marked `browser` and run last: once Playwright starts,
    an event loop runs in the main thread for the rest of the session (see its conftest)."""
    browser, others = [], []
    for item in items:
        if f"{os.sep}browser{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.browser)
            browser.append(item)
        else:
            others.append(item)
    items[:] = others + browser
