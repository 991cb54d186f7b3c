"""pgvector, when the PostgreSQL server has it: the vectors searched in the database, always
current, the index file left alone. Skipped where the server lacks the extension (it is never
required)."""

from __future__ import annotations

import pytest
from django.db import connection

from claims.matching import hybrid, index, pgvector
from claims.matching.embeddings import embed
from claims.matching.models import ClaimEmbedding

pytestmark = pytest.mark.django_db


def has_pgvector() -> bool:
    if connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        return cursor.fetchone() is not None


@pytest.fixture(autouse=True)
def with_pgvector(settings, db):
    if not has_pgvector():
        pytest.skip("the PostgreSQL server has no pgvector")
    settings.FACTCHECK_MATCHING_PGVECTOR = "auto"
    pgvector.forget()
    yield
    pgvector.forget()


def test_migrate_installed_the_column_and_its_index():
    assert pgvector.active()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname LIKE %s",
            [ClaimEmbedding._meta.db_table, "%pgvector_hnsw"],
        )
        [(definition,)] = cursor.fetchall()
    assert "hnsw" in definition and "halfvec_cosine_ops" in definition


def test_a_claim_is_found_by_meaning_as_soon_as_it_is_embedded(claims, own_index):
    embed()

    [hits] = index.shared.search_many(
        ["Le salaire minimum a augmenté plus vite que l'inflation l'an dernier."], 3
    )

    assert hits[0][0] == claims["wages"].pk and hits[0][1] > hybrid.suggest_at()
    assert not own_index.exists()  # no file was needed
    assert index.refresh() == {"action": "pgvector", "vectors": len(claims)}


def test_excluded_claims_are_left_out(claims):
    embed()

    [hits] = index.shared.search_many(
        ["The minimum wage rose faster than inflation last year."],
        3,
        exclude={claims["wages"].pk},
    )

    assert claims["wages"].pk not in {pk for pk, _ in hits} and len(hits) == 3


def test_vectors_stored_before_pgvector_are_filled_in(claims, settings):
    settings.FACTCHECK_MATCHING_PGVECTOR = "off"
    embed()  # written without the column
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {ClaimEmbedding._meta.db_table} SET pgvector = NULL")
    settings.FACTCHECK_MATCHING_PGVECTOR = "auto"

    assert pgvector.install() is True
    assert pgvector.counted(pgvector.COLLECTIONS["claims"]) == len(claims)


def test_off_means_the_index_file(claims, settings):
    settings.FACTCHECK_MATCHING_PGVECTOR = "off"

    assert not pgvector.active()
    embed()
    assert index.refresh()["action"] == "rebuilt"
