"""Stored vectors: made once, and again only when the claim's wording or the model changes."""

from __future__ import annotations

import pytest

from claims.matching import encoder
from claims.matching.embeddings import embed
from claims.matching.models import VECTOR_DTYPE, ClaimEmbedding, text_hash
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_embed_stores_each_claims_vector_as_little_endian_float16(claims):
    done = embed()

    assert done == {"checked": len(claims), "embedded": len(claims)}
    row = ClaimEmbedding.objects.get(claim=claims["wages"])
    assert len(bytes(row.vector)) == encoder.DIMENSIONS * VECTOR_DTYPE.itemsize
    assert row.text_hash == text_hash(claims["wages"].text)
    expected = encoder.encode([claims["wages"].text])[0]
    assert float(row.array @ expected) > 0.999


def test_embed_twice_makes_nothing_the_second_time(claims):
    embed()
    before = dict(ClaimEmbedding.objects.values_list("claim_id", "updated_at"))

    again = embed()

    assert again["embedded"] == 0
    assert dict(ClaimEmbedding.objects.values_list("claim_id", "updated_at")) == before


def test_a_reworded_claim_is_embedded_again_and_only_it(claims):
    embed()
    before = dict(ClaimEmbedding.objects.values_list("claim_id", "vector"))
    claim = claims["trains"]
    claim.text = "Most regional trains were cancelled during the winter."
    claim.save()

    done = embed()

    assert done["embedded"] == 1
    after = dict(ClaimEmbedding.objects.values_list("claim_id", "vector"))
    changed = {pk for pk in after if bytes(after[pk]) != bytes(before[pk])}
    assert changed == {claim.pk}
    assert ClaimEmbedding.objects.get(claim=claim).text_hash == text_hash(claim.text)


def test_a_changed_model_embeds_every_claim_again(claims, settings):
    embed()
    settings.FACTCHECK_MATCHING_MODEL = "usem3-next"

    done = embed()

    assert done["embedded"] == len(claims)
    assert set(ClaimEmbedding.objects.values_list("model", flat=True)) == {"usem3-next"}


def test_embed_of_some_claims_leaves_the_others(claims):
    embed([claims["nato"].pk, claims["housing"].pk, 10**9])

    assert set(ClaimEmbedding.objects.values_list("claim_id", flat=True)) == {
        claims["nato"].pk,
        claims["housing"].pk,
    }


def test_a_deleted_claim_takes_its_vector_with_it(db):
    claim = ClaimFactory(text="Unemployment fell to a record low.")
    embed()

    claim.delete()

    assert not ClaimEmbedding.objects.exists()
