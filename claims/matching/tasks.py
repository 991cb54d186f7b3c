"""The jobs that keep the vectors and the index files current (docs/background-work.md), for
the claims by default or for another collection named by `collection` (`collections`). Both
are idempotent: a second run finds nothing stale and the index already current."""

from __future__ import annotations

from django.tasks import task

from claims.jobs import policy

from . import embeddings, index


@task
@policy()
def embed_claims(
    claim_ids: list[int] | None, refresh: bool = True, collection: str = "claims"
) -> dict[str, object]:
    """Embed the items (claims unless `collection` says otherwise; every item when None) whose
    vector is missing or stale, then refresh the index when any was made (unless `refresh` is
    off: a backfill refreshes once, at its end)."""
    done = embeddings.embed(claim_ids, collection=collection)
    if done["embedded"] and refresh:
        done["index"] = index.refresh(collection=collection)
    return done


@task
@policy()
def refresh_index(rebuild: bool = False, collection: str = "claims") -> dict[str, object]:
    """Put new, changed and deleted items' vectors into the collection's index file, or
    rebuild it."""
    return index.refresh(rebuild=rebuild, collection=collection)
