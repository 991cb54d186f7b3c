"""The encoder: unit vectors, the same for a text alone or in a big batch."""

from __future__ import annotations

import numpy as np

from claims.matching import encoder


def test_encode_returns_one_unit_vector_per_text():
    vectors = encoder.encode(
        ["Rents doubled.", "Los alquileres se duplicaron.", "Trains ran late."]
    )

    assert vectors.shape == (3, encoder.DIMENSIONS)
    assert vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)


def test_encode_in_batches_gives_the_vectors_of_texts_alone():
    texts = [
        f"The budget for year {year} grew by {year % 7} percent." for year in range(1950, 2030)
    ]

    batched = encoder.encode(texts)

    assert len(texts) > encoder.BATCH
    np.testing.assert_allclose(batched[-1], encoder.encode([texts[-1]])[0], atol=1e-5)
    np.testing.assert_allclose(batched[3], encoder.encode([texts[3]])[0], atol=1e-5)


def test_encode_of_nothing_is_an_empty_matrix():
    assert encoder.encode([]).shape == (0, encoder.DIMENSIONS)


def test_the_model_is_loaded_once_per_process():
    assert encoder.model() is encoder.model()
