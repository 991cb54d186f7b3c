"""Each claim's (and each external check's) sentence embedding, kept in the database so that
the index can always be rebuilt from it and a process without the index file can still match
(index.py)."""

from __future__ import annotations

import hashlib

import numpy as np
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Little-endian float16: half the bytes of float32 in the table and the index, the same bytes on
# every machine and database, and more precision than ranking by cosine needs.
VECTOR_DTYPE = np.dtype("<f2")


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def vector_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=VECTOR_DTYPE).tobytes()


def vector_of(data: bytes | memoryview) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=VECTOR_DTYPE).astype(np.float32)


class Embedding(models.Model):
    """The vector of one item's words (a claim's, an external check's: `collections`).

    Invariants: made by the encoder named in `model` from the text whose SHA-256 is `text_hash`;
    a row whose model is not the current one, or whose hash is not that of the item's text now,
    is stale and is made again by `tasks.embed_claims`. `updated_at` is set on every write: the
    index takes in the rows written after it was built (index.py). Its primary key is the
    item's, a one-to-one field of the concrete model."""

    model = models.CharField(_("model"), max_length=64)
    text_hash = models.CharField(_("text hash"), max_length=64)
    vector = models.BinaryField(_("vector"))
    updated_at = models.DateTimeField(_("updated at"), default=timezone.now, db_index=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.pk} ({self.model})"

    @property
    def array(self) -> np.ndarray:
        return vector_of(self.vector)

    def is_current(self, text: str, model: str) -> bool:
        return self.model == model and self.text_hash == text_hash(text)


class ClaimEmbedding(Embedding):
    """The vector of one claim's wording (the `claims` collection)."""

    claim = models.OneToOneField(
        "claims.Claim",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="embedding",
        verbose_name=_("claim"),
    )

    class Meta:
        verbose_name = _("claim embedding")
        verbose_name_plural = _("claim embeddings")
