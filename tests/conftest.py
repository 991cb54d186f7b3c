"""Users in each role, published claims, and the demo desk, for any test that needs them."""

import datetime
import io
import os

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from claims import services
from claims.db.fulltext import forget_known_many
from claims.enums import ClaimStatus, CorrectionKind, PublicationKind, ReviewStatus, Role
from claims.external.matching import index as external_index
from claims.matching.index import shared
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    StatementFactory,
    TopicFactory,
    UserFactory,
    default_rating,
    make_public,
)


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
def publish(db):
    """Makes a published claim the way the workflow leaves one: an approved review, its first
    publication entry, evidence and a topic."""
    counter = iter(range(10_000))

    def make(rating="true", *, when=None, statement=None, topic="economy", evidence=True, **fields):
        n = next(counter)
        when = when or timezone.now() - datetime.timedelta(minutes=n)
        status = fields.pop("status", ClaimStatus.PUBLISHED)
        claim = ClaimFactory(
            status=ClaimStatus.IN_REVIEW, statement=statement or StatementFactory(), **fields
        )
        if evidence:
            EvidenceFactory(claim=claim, note="Membership list, checked.")
        review = ReviewFactory(
            claim=claim,
            status=ReviewStatus.APPROVED,
            approved_at=when,
            rating=default_rating(rating),
        )
        claim = make_public(claim, status=status, when=when)
        PublicationEntryFactory(
            claim=claim, kind=PublicationKind.FIRST_PUBLICATION, review=review, published_at=when
        )
        if topic:
            claim.topics.add(TopicFactory(slug=topic, name=topic.title()))
        return claim

    return make


@pytest.fixture
def write_correction(db):
    """Starts a correction (a rating change) of a published claim, through the service."""

    def make(claim, author, **fields):
        return services.review_create(
            claim=claim,
            author=author,
            **{
                "rating": default_rating("false"),
                "summary": "Wrong after all.",
                "analysis": "The figures were out of date.",
                "correction_kind": CorrectionKind.RATING_CHANGE,
                "public_note": "We rated this again with the current figures.",
                **fields,
            },
        )

    return make


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
def no_counted_searches():
    # Nor is which searches a process knows to match many claims (claims.db.fulltext).
    forget_known_many()


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Real hashers spend ~0.3 s per password on purpose; tests log in often.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


IMMEDIATE_TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def jobs_run_at_once(settings):
    # A job enqueued in a test runs inside the call that enqueues it, so a test of what a job
    # does needs no worker; tests of the queue itself (tests/jobs/) put the database queue back.
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture(autouse=True)
def matching_index_apart(settings, tmp_path_factory):
    # A claim committed in a test embeds itself and refreshes the matching index (claims/matching/):
    # that file belongs in the test run's folder, not the project's var/.
    # Each test's database is new, so a process's view of the index and of the vectors newer
    # than it is dropped, and looked at again on every search.
    folder = tmp_path_factory.getbasetemp() / "matching"
    settings.FACTCHECK_MATCHING_INDEX_PATH = str(folder / "claims.usearch")
    settings.FACTCHECK_MATCHING_RECHECK = 0
    # The index file in every test, whatever the server has; tests/matching/test_pgvector.py
    # turns pgvector on.
    settings.FACTCHECK_MATCHING_PGVECTOR = "off"
    shared.forget()
    external_index.forget()


def pytest_collection_modifyitems(items):
    """Tests under tests/browser/ are marked `browser` and run last: once Playwright starts,
    an event loop runs in the main thread for the rest of the session (see its conftest).

    A transactional test must restore what migrations put in the database: one that only
    flushes it has the content types made again, and the next test that restores them (on the
    same worker process) fails on duplicates, so the order of the suite decides."""
    browser, others = [], []
    for item in items:
        db = item.get_closest_marker("django_db")
        if db and db.kwargs.get("transaction") and not db.kwargs.get("serialized_rollback"):
            raise pytest.UsageError(f"{item.nodeid}: transactional tests take serialized_rollback")
        if f"{os.sep}browser{os.sep}" in str(item.path):
            item.add_marker(pytest.mark.browser)
            browser.append(item)
        else:
            others.append(item)
    items[:] = others + browser
