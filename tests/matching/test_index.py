"""The shared index file: written whole or not at all, read memory-mapped, refreshed, and the
exact scan that stands in for it, which must give the index's answer."""

from __future__ import annotations

import os

import numpy as np
import pytest

from claims.matching import conf, encoder, index
from claims.matching.embeddings import embed
from claims.matching.index import SharedIndex, read_manifest, refresh, search
from claims.matching.models import ClaimEmbedding
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

REWORDED = {
    "nato": "Since 2009 the alliance has taken in Albania, Montenegro and North Macedonia.",
    "wages": "Last year the lowest legal pay grew more quickly than prices.",
    "forests": "Over twenty years the nation lost a tenth of its woodland.",
    "vaccines": "Fewer than nine in ten children are now vaccinated against measles.",
}
TRANSLATED = {
    "housing": "Los alquileres en la capital se duplicaron en diez años.",  # es
    "trains": "La plupart des trains régionaux sont arrivés en retard cet hiver.",  # fr
    "wages": "Der Mindestlohn ist im vergangenen Jahr schneller gestiegen als die Inflation.",  # de
    "forests": "A cobertura florestal do país diminuiu um décimo em duas décadas.",  # pt
}


def indexed(claims):
    embed()
    refresh()
    return claims


@pytest.mark.parametrize("subject", sorted(REWORDED))
def test_search_finds_a_reworded_claim_first(claims, subject):
    indexed(claims)

    hits = search(REWORDED[subject], k=3)

    assert hits[0][0] == claims[subject].pk
    assert hits[0][1] > hits[1][1]


@pytest.mark.parametrize("subject", sorted(TRANSLATED))
def test_search_finds_a_translated_claim_first(claims, subject):
    indexed(claims)

    hits = search(TRANSLATED[subject], k=3)

    assert hits[0][0] == claims[subject].pk


def test_search_leaves_out_the_excluded_claims(claims):
    indexed(claims)

    hits = search(REWORDED["nato"], k=3, exclude={claims["nato"].pk})

    assert claims["nato"].pk not in {pk for pk, _ in hits}
    assert len(hits) == 3


def test_the_exact_scan_gives_the_index_answer(claims, own_index):
    indexed(claims)
    queries = [*REWORDED.values(), *TRANSLATED.values()]
    from_index = SharedIndex().search_many(queries, k=4)
    assert SharedIndex().fresh().index is not None

    os.remove(own_index)
    scanning = SharedIndex()
    from_scan = scanning.search_many(queries, k=4)

    assert scanning.fresh().index is None
    for by_index, by_scan in zip(from_index, from_scan, strict=True):
        assert [pk for pk, _ in by_index] == [pk for pk, _ in by_scan]
        np.testing.assert_allclose(
            [score for _, score in by_index], [score for _, score in by_scan], atol=2e-3
        )


def test_search_by_vector_gives_the_cosine(claims):
    indexed(claims)
    vector = encoder.encode([claims["trains"].text])[0]

    (pk, score), *_ = search(vector, k=2)

    assert pk == claims["trains"].pk
    assert score == pytest.approx(1.0, abs=2e-3)


def test_refresh_writes_the_index_and_its_manifest(claims, own_index):
    embed()

    done = refresh()

    assert done == {"action": "rebuilt", "vectors": len(claims)}
    manifest = read_manifest(own_index)
    assert manifest.model == conf.model_version()
    assert manifest.count == len(claims)
    assert manifest.newest == ClaimEmbedding.objects.latest("updated_at").updated_at
    assert [p.name for p in own_index.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_refresh_when_nothing_changed_leaves_the_file(claims, own_index):
    indexed(claims)
    before = os.stat(own_index)

    done = refresh()

    assert done["action"] == "none"
    assert os.stat(own_index).st_ino == before.st_ino


def test_a_reader_sees_new_claims_after_a_refresh_in_a_new_file(claims, own_index):
    indexed(claims)
    reader = SharedIndex()
    opened = reader.fresh().index
    old_inode = os.stat(own_index).st_ino
    new = ClaimFactory(text="The national debt fell for the first time in a decade.")
    embed([new.pk])

    done = refresh()

    assert done == {"action": "extended", "vectors": len(claims) + 1}
    # Replaced by a rename, never rewritten in place: the reader's mapped file is whole.
    assert os.stat(own_index).st_ino != old_inode
    assert len(opened) == len(claims)
    assert opened.search(encoder.encode([claims["wages"].text]), 1).keys[0] == claims["wages"].pk
    view = reader.fresh()
    assert view.index is not opened and len(view.index) == len(claims) + 1
    assert view.index.expansion_search == index.SEARCH_BREADTH
    assert reader.search("Public debt decreased for the first time in ten years.", k=1)[0][0] == (
        new.pk
    )


def test_a_claim_embedded_after_the_index_is_matched_before_any_refresh(claims, own_index):
    indexed(claims)
    new = ClaimFactory(text="Electricity prices for households tripled in two years.")

    embed([new.pk])

    view = index.shared.fresh()
    assert len(view.index) == len(claims)
    assert new.pk in view.recent_ids.tolist()
    assert search("Household power bills became three times higher in two years.", k=1)[0][0] == (
        new.pk
    )


def test_a_reworded_claim_is_matched_by_its_new_words_only(claims):
    indexed(claims)
    claim = claims["trains"]
    claim.text = "Fuel taxes were cut by half in the spring."
    claim.save()
    embed([claim.pk])

    by_old = search(REWORDED["nato"], k=len(claims))
    by_new = search("In spring the tax on fuel was halved.", k=1)

    assert by_new[0][0] == claim.pk
    assert [pk for pk, _ in by_old].count(claim.pk) == 1


def test_a_deleted_claim_is_never_found(claims):
    indexed(claims)
    gone = claims["housing"].pk
    claims["housing"].delete()

    hits = search(TRANSLATED["housing"], k=len(claims))

    assert gone not in {pk for pk, _ in hits}
    assert refresh()["vectors"] == len(claims) - 1


def test_many_changes_rebuild_the_index(claims, settings):
    indexed(claims)
    settings.FACTCHECK_MATCHING_REBUILD_SHARE = 0.1
    for claim in list(claims.values())[:2]:
        claim.text += " (corrected)"
        claim.save()
    embed()

    assert refresh()["action"] == "rebuilt"


def test_another_models_index_is_not_used(claims, settings, own_index):
    indexed(claims)
    settings.FACTCHECK_MATCHING_MODEL = "usem3-next"
    embed()

    assert index.shared.fresh().index is None
    assert search(REWORDED["wages"], k=1)[0][0] == claims["wages"].pk
    assert refresh()["action"] == "rebuilt"
    assert read_manifest(own_index).model == "usem3-next"


def test_an_unreadable_index_file_falls_back_to_the_scan(claims, own_index, caplog):
    indexed(claims)
    own_index.write_bytes(b"not an index")

    assert search(REWORDED["forests"], k=1)[0][0] == claims["forests"].pk
    assert "cannot be read" in caplog.text
    assert refresh()["action"] == "rebuilt"


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path):
    target = tmp_path / "claims.usearch"
    target.write_bytes(b"old")

    def half_written(temporary):
        temporary.write_bytes(b"ne")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        index.replace_file(target, half_written)

    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.usearch"]


def test_search_with_no_claims_finds_nothing(db):
    assert search("Anything at all.", k=5) == []
    assert refresh() == {"action": "rebuilt", "vectors": 0}
    assert search("Anything at all.", k=5) == []
