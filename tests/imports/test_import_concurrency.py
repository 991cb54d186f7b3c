"""Two imports of the same article at the same moment store it once (on SQLite and PostgreSQL).

Each import runs in its own thread, so on its own database connection, released together by a
barrier, as in tests/claims/test_concurrency.py.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from claims import services
from claims.models import Source

# serialized_rollback restores what data migrations made after each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)
URL = "https://news.example/world/alliance-grew"


def race(*actions):
    """Run the actions at once, each on its own connection; return what each returned."""
    barrier = threading.Barrier(len(actions))
    outcomes: list = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            outcomes[index] = action()
        except Exception as error:  # reported, so a crash shows in the assertion
            outcomes[index] = f"crashed: {error!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def test_the_same_text_imported_twice_at_once_is_stored_once():
    def paste():
        return services.source_import(title="Pasted", text="The same words, at once.")[1]

    outcomes = race(paste, paste, paste)

    assert sorted(outcomes) == [False, False, True], outcomes
    assert Source.objects.count() == 1


def test_the_same_changed_page_imported_twice_at_once_makes_one_new_version():
    services.source_import(title="Story", url=URL, text="Version one.")

    def fetch_again():
        return services.source_import(title="Story", url=URL, text="Version two.")[1]

    outcomes = race(fetch_again, fetch_again)

    assert sorted(outcomes) == [False, True], outcomes
    assert list(Source.objects.order_by("version").values_list("version", "text")) == [
        (1, "Version one."),
        (2, "Version two."),
    ]
