"""Making and reading the stored vectors, of the claims or of another collection
(`collections`)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
from django.db import transaction
from django.utils import timezone

from . import conf, encoder, pgvector
from .collections import CLAIMS, Collection, named
from .models import text_hash, vector_bytes, vector_of

CHUNK = 1000


def stale(
    pairs: list[tuple[int, str]], model: str, collection: Collection | str = CLAIMS
) -> list[tuple[int, str]]:
    """The (item id, text) pairs whose vector is missing, made by another model or from
    another wording."""
    collection = named(collection)
    made = {
        pk: (made_by, digest)
        for pk, made_by, digest in collection.embedding_model.objects.filter(
            pk__in=[pk for pk, _ in pairs]
        ).values_list("pk", "model", "text_hash")
    }
    return [(pk, text) for pk, text in pairs if made.get(pk) != (model, text_hash(text))]


def embed(
    claim_ids: Iterable[int] | None = None, *, collection: Collection | str = CLAIMS
) -> dict[str, int]:
    """Embed the given items of the collection, claims by default (every one when None), whose
    vector is missing or stale; the others are left alone, so running it twice embeds nothing
    the second time."""
    collection = named(collection)
    Embedding = collection.embedding_model
    key = Embedding._meta.pk.name
    model = conf.model_version()
    embedded = checked = 0
    for pairs in _item_chunks(collection, claim_ids):
        checked += len(pairs)
        todo = stale(pairs, model, collection)
        if not todo:
            continue
        vectors = encoder.encode([text for _, text in todo])
        now = timezone.now()
        rows = [
            Embedding(
                pk=pk,
                model=model,
                text_hash=text_hash(text),
                vector=vector_bytes(vector),
                updated_at=now,
            )
            for (pk, text), vector in zip(todo, vectors, strict=True)
        ]
        with transaction.atomic():
            # An item deleted while it was being embedded has no row to point at.
            alive = set(
                collection.item_model.objects.select_for_update()
                .filter(pk__in=[row.pk for row in rows])
                .values_list("pk", flat=True)
            )
            made = {pk: vector for (pk, _text), vector in zip(todo, vectors, strict=True)}
            rows = [row for row in rows if row.pk in alive]
            Embedding.objects.bulk_create(
                rows,
                update_conflicts=True,
                unique_fields=[key],
                update_fields=["model", "text_hash", "vector", "updated_at"],
            )
            if pgvector.active():
                pgvector.write(collection, [(row.pk, made[row.pk]) for row in rows])
        embedded += len(rows)
    return {"checked": checked, "embedded": embedded}


def _item_chunks(
    collection: Collection, ids: Iterable[int] | None
) -> Iterator[list[tuple[int, str]]]:
    items = collection.item_model.objects
    text = collection.text_field
    if ids is not None:
        ids = sorted(set(ids))
        for start in range(0, len(ids), CHUNK):
            yield list(items.filter(pk__in=ids[start : start + CHUNK]).values_list("pk", text))
        return
    last = 0
    while True:
        pairs = list(items.filter(pk__gt=last).order_by("pk").values_list("pk", text)[:CHUNK])
        if not pairs:
            return
        yield pairs
        last = pairs[-1][0]


def stored_vectors(
    queryset=None, *, chunk: int = 10_000
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """(item ids, float32 unit vectors) of the rows (the current model's claim vectors by
    default), in chunks by id."""
    rows = queryset if queryset is not None else current()
    last = 0
    while True:
        batch = list(rows.filter(pk__gt=last).order_by("pk").values_list("pk", "vector")[:chunk])
        if not batch:
            return
        ids = np.fromiter((pk for pk, _ in batch), dtype=np.uint64, count=len(batch))
        vectors = encoder.normalised(np.vstack([vector_of(data) for _, data in batch]))
        yield ids, vectors
        last = batch[-1][0]


def current(collection: Collection | str = CLAIMS):
    """The collection's vectors made by the current model."""
    return named(collection).embedding_model.objects.filter(model=conf.model_version())
