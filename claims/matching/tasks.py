"""The jobs that keep the vectors and the index current (docs/background-work.md). Both are
idempotent: a second run finds nothing stale and the index already current."""

from __future__ import annotations

from django.tasks import task

from claims.jobs import policy

from . import embeddings, index


@task
@policy()
def embed_claims(claim_ids: list[int], refresh: bool = True) -> dict[str, object]:
    """Embed the claims whose vector is missing or stale, then refresh the index when any was
    made (unless `refresh` is off: a backfill refreshes once, at its end)."""
    done = embeddings.embed(claim_ids)
    if done["embedded"] and refresh:
        done["index"] = index.refresh()
    return done


@task
@policy()
def refresh_index(rebuild: bool = False) -> dict[str, object]:
    """Put new, changed and deleted claims' vectors into the index file, or rebuild it."""
    return index.refresh(rebuild=rebuild)
