"""pgvector, when the PostgreSQL server has it: each collection's vectors also in a `halfvec`
column of their table with an HNSW index, searched in SQL. Never required.

With it, a search asks the database (always current: a vector is searchable once its row
commits) instead of the index file, and `refresh` has nothing to do. Without it (SQLite, a
server without the extension, or FACTCHECK_MATCHING_PGVECTOR "off") the index file serves, as
docs/adr/0015-shared-vector-index.md describes.

The column (`pgvector`) and its index stay out of the Django models, like the full-text
search's (`claims.db.fulltext`): they are an index, not data. `install` adds them after every
`migrate` when the extension can be had, and fills the column from the stored vectors; `embed`
writes it beside each stored vector (`write`).

FACTCHECK_MATCHING_PGVECTOR: "auto" (the default: used when installed), "off".
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from django.conf import settings
from django.db import connection, transaction

from . import conf, encoder
from .collections import COLLECTIONS, Collection
from .models import vector_of

COLUMN = "pgvector"
# As the index file's search breadth (index.SEARCH_BREADTH): how many candidates HNSW follows.
EF_SEARCH = 256
FILL_CHUNK = 5000

_installed: dict[str, bool] = {}  # per database name: the column is there


def _table(collection: Collection) -> tuple[str, str]:
    meta = collection.embedding_model._meta
    return meta.db_table, meta.pk.column


def _literal(vector: np.ndarray) -> str:
    return "[" + ",".join(f"{value:.6g}" for value in vector.tolist()) + "]"


def _has_column(cursor, table: str) -> bool:
    cursor.execute(
        "SELECT EXISTS (SELECT 1 FROM information_schema.columns "
        "WHERE table_name = %s AND column_name = %s)",
        [table, COLUMN],
    )
    return bool(cursor.fetchone()[0])


def active() -> bool:
    """Whether searches and writes go through pgvector in this database."""
    if settings.FACTCHECK_MATCHING_PGVECTOR == "off" or connection.vendor != "postgresql":
        return False
    name = connection.settings_dict["NAME"]
    if name not in _installed:
        with connection.cursor() as cursor:
            _installed[name] = _has_column(cursor, _table(COLLECTIONS["claims"])[0])
    return _installed[name]


def forget() -> None:
    """Look at the database again (after `install`, or in tests)."""
    _installed.clear()


def install(using=None, **kwargs) -> bool:
    """The extension, the columns and their HNSW indexes, filled from the stored vectors, when
    the server has pgvector; connected to `post_migrate`. Returns whether it is installed."""
    if settings.FACTCHECK_MATCHING_PGVECTOR == "off" or connection.vendor != "postgresql":
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_available_extensions WHERE name = 'vector'")
        if cursor.fetchone() is None:
            return False
        cursor.execute("CREATE EXTENSION IF NOT EXISTS vector")
        for collection in COLLECTIONS.values():
            table, _key = _table(collection)
            if _has_column(cursor, table):
                continue
            cursor.execute(
                f"ALTER TABLE {table} ADD COLUMN IF NOT EXISTS {COLUMN} "
                f"halfvec({encoder.DIMENSIONS})"
            )
            cursor.execute(
                f"CREATE INDEX IF NOT EXISTS {table}_{COLUMN}_hnsw ON {table} "
                f"USING hnsw ({COLUMN} halfvec_cosine_ops)"
            )
    forget()
    for collection in COLLECTIONS.values():
        fill(collection)
    return True


def fill(collection: Collection) -> int:
    """Write the column of the rows that lack it, from their stored vectors."""
    table, key = _table(collection)
    filled = 0
    while True:
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT {key}, vector FROM {table} WHERE {COLUMN} IS NULL LIMIT %s",
                [FILL_CHUNK],
            )
            rows = cursor.fetchall()
        if not rows:
            return filled
        with transaction.atomic():
            write(collection, [(pk, encoder.normalised(vector_of(data))) for pk, data in rows])
        filled += len(rows)


def write(collection: Collection, rows: Iterable[tuple[int, np.ndarray]]) -> None:
    """Put these (key, vector) pairs into the column of rows already stored."""
    table, key = _table(collection)
    with connection.cursor() as cursor:
        cursor.executemany(
            f"UPDATE {table} SET {COLUMN} = %s::halfvec WHERE {key} = %s",
            [(_literal(vector), pk) for pk, vector in rows],
        )


def search_many(
    collection: Collection, vectors: np.ndarray, k: int, exclude: set[int]
) -> list[list[tuple[int, float]]]:
    """The `k` nearest keys to each unit vector, as (key, cosine), best first."""
    table, key = _table(collection)
    found = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT set_config('hnsw.ef_search', %s, true)", [str(EF_SEARCH)])
        for vector in vectors:
            literal = _literal(vector)
            cursor.execute(
                f"SELECT {key}, 1 - ({COLUMN} <=> %s::halfvec) FROM {table} "
                f"WHERE model = %s AND {COLUMN} IS NOT NULL "
                f"ORDER BY {COLUMN} <=> %s::halfvec LIMIT %s",
                [literal, conf.model_version(), literal, k + len(exclude)],
            )
            hits = [(pk, float(score)) for pk, score in cursor.fetchall() if pk not in exclude]
            found.append(hits[:k])
    return found


def counted(collection: Collection) -> int:
    """How many of the collection's current vectors the column holds."""
    table, _key = _table(collection)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT count(*) FROM {table} WHERE model = %s AND {COLUMN} IS NOT NULL",
            [conf.model_version()],
        )
        return cursor.fetchone()[0]
