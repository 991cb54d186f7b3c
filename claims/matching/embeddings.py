"""Making and reading the stored vectors."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from django.db import transaction
from django.utils import timezone

from claims.models import Claim

from . import conf, encoder
from .models import ClaimEmbedding, text_hash, vector_bytes, vector_of

CHUNK = 1000


def stale(pairs: list[tuple[int, str]], model: str) -> list[tuple[int, str]]:
    """The (claim id, text) pairs whose vector is missing, made by another model or from
    another wording."""
    made = {
        claim_id: (made_by, digest)
        for claim_id, made_by, digest in ClaimEmbedding.objects.filter(
            claim_id__in=[pk for pk, _ in pairs]
        ).values_list("claim_id", "model", "text_hash")
    }
    return [(pk, text) for pk, text in pairs if made.get(pk) != (model, text_hash(text))]


def embed(claim_ids: Iterable[int] | None = None) -> dict[str, int]:
    """Embed the given claims (every claim when None) whose vector is missing or stale; the
    others are left alone, so running it twice embeds nothing the second time."""
    model = conf.model_version()
    embedded = checked = 0
    for pairs in _claim_chunks(claim_ids):
        checked += len(pairs)
        todo = stale(pairs, model)
        if not todo:
            continue
        vectors = encoder.encode([text for _, text in todo])
        now = timezone.now()
        rows = [
            ClaimEmbedding(
                claim_id=pk,
                model=model,
                text_hash=text_hash(text),
                vector=vector_bytes(vector),
                updated_at=now,
            )
            for (pk, text), vector in zip(todo, vectors, strict=True)
        ]
        with transaction.atomic():
            # A claim deleted while it was being embedded has no row to point at.
            alive = set(
                Claim.objects.select_for_update()
                .filter(pk__in=[row.claim_id for row in rows])
                .values_list("pk", flat=True)
            )
            rows = [row for row in rows if row.claim_id in alive]
            ClaimEmbedding.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=["claim"],
                update_fields=["model", "text_hash", "vector", "updated_at"],
            )
        embedded += len(rows)
    return {"checked": checked, "embedded": embedded}


def _claim_chunks(claim_ids: Iterable[int] | None) -> Iterator[list[tuple[int, str]]]:
    if claim_ids is not None:
        ids = sorted(set(claim_ids))
        for start in range(0, len(ids), CHUNK):
            yield list(
                Claim.objects.filter(pk__in=ids[start : start + CHUNK]).values_list("pk", "text")
            )
        return
    last = 0
    while True:
        pairs = list(
            Claim.objects.filter(pk__gt=last).order_by("pk").values_list("pk", "text")[:CHUNK]
        )
        if not pairs:
            return
        yield pairs
        last = pairs[-1][0]


def stored_vectors(
    queryset=None, *, chunk: int = 10_000
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(claim ids, float32 unit vectors) of the current model's rows, in chunks by claim id."""
    rows = queryset if queryset is not None else current()
    last = 0
    while True:
        batch = list(
            rows.filter(claim_id__gt=last)
            .order_by("claim_id")
            .values_list("claim_id", "vector")[:chunk]
        )
        if not batch:
            return
        ids = np.fromiter((pk for pk, _ in batch), dtype=np.uint64, count=len(batch))
        vectors = encoder.normalised(np.vstack([vector_of(data) for _, data in batch]))
        yield ids, vectors
        last = batch[-1][0]


def current():
    return ClaimEmbedding.objects.filter(model=conf.model_version())
