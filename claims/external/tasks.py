"""The external fact-checks' jobs (docs/background-work.md): an import of each kind, and the
scheduled re-import of the DataFeeds listed in FACTCHECK_EXTERNAL_DATAFEEDS. Each is
idempotent (`store.upsert` writes nothing for a verdict already stored as it is), and each
hands the checks it created or changed to the matching jobs, which embed their claims and
refresh the external index (`claims.matching`, collection `external`)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.tasks import task

from claims.imports.fetching import FetchUnavailable
from claims.jobs import policy
from claims.matching.embeddings import CHUNK
from claims.matching.tasks import embed_claims, refresh_index

from . import datafeed, google, pages
from .store import Counts

COLLECTION = "external"


def queue_matching(counts: Counts) -> None:
    """Once the import commits: embed the changed checks' claims, then refresh the index."""
    ids = sorted(set(counts.changed_ids))
    if ids:
        transaction.on_commit(partial(_enqueue_matching, ids))


def _enqueue_matching(ids: list[int]) -> None:
    for start in range(0, len(ids), CHUNK):
        embed_claims.enqueue(ids[start : start + CHUNK], refresh=False, collection=COLLECTION)
    refresh_index.enqueue(collection=COLLECTION)


def imported(counts: Counts) -> dict[str, int]:
    queue_matching(counts)
    return counts.summary()


@task
@policy(retry_on=(FetchUnavailable,))
def import_datafeed(location: str, uploaded: bool = False) -> dict[str, int]:
    """Import a DataFeed file or URL. An uploaded file (in FACTCHECK_EXTERNAL_UPLOAD_DIR) is
    removed once it has been read, whatever came of it."""
    try:
        return imported(datafeed.import_datafeed(location))
    finally:
        if uploaded and Path(location).parent == Path(settings.FACTCHECK_EXTERNAL_UPLOAD_DIR):
            Path(location).unlink(missing_ok=True)


@task
@policy(retry_on=(FetchUnavailable,))
def import_page(url: str) -> dict[str, int]:
    """Import every ClaimReview in a publisher's page."""
    return imported(pages.import_page(url))


@task
@policy(retry_on=(FetchUnavailable,))
def import_google_search(query: str, language: str = "") -> dict[str, int]:
    """Import what Google Fact Check Tools finds for a query."""
    return imported(google.import_search(query, language=language))


@task
@policy()
def reimport_datafeeds() -> dict[str, int]:
    """Queue an import of each DataFeed of FACTCHECK_EXTERNAL_DATAFEEDS (the worker's
    housekeeping calls this as often as FACTCHECK_WORKER_PERIODIC says)."""
    for location in settings.FACTCHECK_EXTERNAL_DATAFEEDS:
        import_datafeed.enqueue(location)
    return {"queued": len(settings.FACTCHECK_EXTERNAL_DATAFEEDS)}
