"""Full-text search of claims and sources, in the database's own engine.

- PostgreSQL: a `search_vector` tsvector column on claims_claim and claims_source, kept by
  triggers, with a GIN index, ranked with `ts_rank_cd`; and claims_claim_search_word, every
  lexeme of the claims' documents (kept by triggers too), so that the last word of a claim
  search is matched by listing its completions rather than by the GIN index's slower prefix
  match.
- SQLite: FTS5 tables (`claims_claim_fts`, `claims_source_fts`, Porter stemmer) kept by
  triggers, ranked with bm25.

Both read a search the same way: every word required (stemmed: "records" finds "record"),
the last word also as a prefix ("Monten" finds "Montenegro"), nothing a reader types taken as
query syntax.

A claim's search document is its wording, the quoted words it came from and the speaker's
name; a source's is its title, publisher, author and text. Both documents are kept by triggers,
so every write path (services, admin, bulk inserts, raw SQL) keeps the index right, and the
columns and tables stay out of the Django models: they are an index, not data.

Like the integrity triggers (`claims.db.triggers`), the search triggers are re-installed after
every `migrate`, since SQLite drops a table's triggers when a migration rebuilds it; a
migration that rebuilds claims_claim, claims_statement, claims_speaker or claims_source must
call `remove_search_index` first, as 0008 does for the integrity triggers.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, FloatField, QuerySet, Value
from django.db.models.expressions import RawSQL

# --- PostgreSQL -------------------------------------------------------------------------------


def _pg_config() -> str:
    config = settings.FACTCHECK_SEARCH_CONFIG
    if not re.fullmatch(r"[a-z_]+", config):
        raise ValueError(
            f"FACTCHECK_SEARCH_CONFIG must be a text search configuration name: {config!r}"
        )
    return config


POSTGRES_INDEXES = [
    "CREATE INDEX IF NOT EXISTS claims_claim_search_gin ON claims_claim USING gin (search_vector)",
    "CREATE INDEX IF NOT EXISTS claims_source_search_gin ON claims_source "
    "USING gin (search_vector)",
]
POSTGRES_DROP_INDEXES = [
    "DROP INDEX IF EXISTS claims_claim_search_gin",
    "DROP INDEX IF EXISTS claims_source_search_gin",
]
POSTGRES_COLUMNS = [
    "ALTER TABLE claims_claim ADD COLUMN search_vector tsvector",
    "ALTER TABLE claims_source ADD COLUMN search_vector tsvector",
    *POSTGRES_INDEXES,
]


# Every lexeme of the claims' search documents, so that the last word of a search can be
# matched as a prefix by listing its completions: a GIN prefix match (`border:*`) gathers
# every row of every matching lexeme before anything else, several times what the same words
# listed (`border | borders`) cost (docs/adr/0009-postgresql-search-heuristics.md). Lexemes are
# only ever added; one no longer used costs nothing but a line in the list.
POSTGRES_WORDS_TABLE = [
    'CREATE TABLE IF NOT EXISTS claims_claim_search_word (word text COLLATE "C" PRIMARY KEY)',
]
POSTGRES_FILL_WORDS = [
    "INSERT INTO claims_claim_search_word (word) SELECT DISTINCT unnest(tsvector_to_array("
    "search_vector)) FROM claims_claim ORDER BY 1 ON CONFLICT DO NOTHING"
]


def _postgres_create(config: str) -> list[str]:
    return [
        f"""
        CREATE OR REPLACE FUNCTION claims_claim_document(claim_text text, statement bigint)
        RETURNS tsvector AS $$
            SELECT setweight(to_tsvector('{config}', coalesce(claim_text, '')), 'A')
                || setweight(to_tsvector('{config}', coalesce(
                    (SELECT s.quote || ' ' || sp.name FROM claims_statement s
                     JOIN claims_speaker sp ON sp.id = s.speaker_id WHERE s.id = statement),
                    '')), 'B')
        $$ LANGUAGE sql STABLE
        """,
        f"""
        CREATE OR REPLACE FUNCTION claims_source_document(
            title text, publisher text, author text, body text
        ) RETURNS tsvector AS $$
            SELECT setweight(to_tsvector('{config}', coalesce(title, '')), 'A')
                || setweight(to_tsvector('{config}',
                    coalesce(publisher, '') || ' ' || coalesce(author, '')), 'B')
                || setweight(to_tsvector('{config}', coalesce(body, '')), 'D')
        $$ LANGUAGE sql IMMUTABLE
        """,
        """
        CREATE OR REPLACE FUNCTION claims_claim_search_row() RETURNS trigger AS $$
        BEGIN
            NEW.search_vector := claims_claim_document(NEW.text, NEW.statement_id);
            RETURN NEW;
        END $$ LANGUAGE plpgsql
        """,
        """
        CREATE OR REPLACE FUNCTION claims_source_search_row() RETURNS trigger AS $$
        BEGIN
            NEW.search_vector := claims_source_document(
                NEW.title, NEW.publisher, NEW.author, NEW."text");
            RETURN NEW;
        END $$ LANGUAGE plpgsql
        """,
        """
        CREATE OR REPLACE FUNCTION claims_statement_search_claims() RETURNS trigger AS $$
        BEGIN
            UPDATE claims_claim SET search_vector = claims_claim_document(text, statement_id)
            WHERE statement_id = NEW.id;
            RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        """
        CREATE OR REPLACE FUNCTION claims_speaker_search_claims() RETURNS trigger AS $$
        BEGIN
            UPDATE claims_claim SET search_vector = claims_claim_document(text, statement_id)
            WHERE statement_id IN (SELECT id FROM claims_statement WHERE speaker_id = NEW.id);
            RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        # In lexeme order, so that two writers adding the same new words take them in the
        # same order.
        """
        CREATE OR REPLACE FUNCTION claims_claim_search_words() RETURNS trigger AS $$
        BEGIN
            INSERT INTO claims_claim_search_word (word)
            SELECT unnest(tsvector_to_array(NEW.search_vector)) ORDER BY 1
            ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$ LANGUAGE plpgsql
        """,
        """
        CREATE TRIGGER claims_claim_search_words_insert AFTER INSERT ON claims_claim
        FOR EACH ROW WHEN (NEW.search_vector IS NOT NULL)
        EXECUTE FUNCTION claims_claim_search_words()
        """,
        """
        CREATE TRIGGER claims_claim_search_words_update AFTER UPDATE ON claims_claim
        FOR EACH ROW WHEN (NEW.search_vector IS DISTINCT FROM OLD.search_vector)
        EXECUTE FUNCTION claims_claim_search_words()
        """,
        """
        CREATE TRIGGER claims_claim_search BEFORE INSERT OR UPDATE OF text, statement_id
        ON claims_claim FOR EACH ROW EXECUTE FUNCTION claims_claim_search_row()
        """,
        """
        CREATE TRIGGER claims_source_search
        BEFORE INSERT OR UPDATE OF title, publisher, author, "text"
        ON claims_source FOR EACH ROW EXECUTE FUNCTION claims_source_search_row()
        """,
        """
        CREATE TRIGGER claims_statement_search AFTER UPDATE OF quote, speaker_id
        ON claims_statement FOR EACH ROW EXECUTE FUNCTION claims_statement_search_claims()
        """,
        """
        CREATE TRIGGER claims_speaker_search AFTER UPDATE OF name
        ON claims_speaker FOR EACH ROW EXECUTE FUNCTION claims_speaker_search_claims()
        """,
    ]


POSTGRES_DROP_TRIGGERS = [
    "DROP TRIGGER IF EXISTS claims_claim_search ON claims_claim",
    "DROP TRIGGER IF EXISTS claims_claim_search_words_insert ON claims_claim",
    "DROP TRIGGER IF EXISTS claims_claim_search_words_update ON claims_claim",
    "DROP TRIGGER IF EXISTS claims_source_search ON claims_source",
    "DROP TRIGGER IF EXISTS claims_statement_search ON claims_statement",
    "DROP TRIGGER IF EXISTS claims_speaker_search ON claims_speaker",
]
POSTGRES_DROP = [
    *POSTGRES_DROP_TRIGGERS,
    *POSTGRES_DROP_INDEXES,
    "ALTER TABLE claims_claim DROP COLUMN IF EXISTS search_vector",
    "ALTER TABLE claims_source DROP COLUMN IF EXISTS search_vector",
    "DROP TABLE IF EXISTS claims_claim_search_word",
    "DROP FUNCTION IF EXISTS claims_claim_search_words()",
    "DROP FUNCTION IF EXISTS claims_claim_search_row()",
    "DROP FUNCTION IF EXISTS claims_source_search_row()",
    "DROP FUNCTION IF EXISTS claims_statement_search_claims()",
    "DROP FUNCTION IF EXISTS claims_speaker_search_claims()",
    "DROP FUNCTION IF EXISTS claims_claim_document(text, bigint)",
    "DROP FUNCTION IF EXISTS claims_source_document(text, text, text, text)",
]
POSTGRES_REBUILD = [
    "UPDATE claims_claim SET search_vector = claims_claim_document(text, statement_id)",
    "UPDATE claims_source SET search_vector = "
    'claims_source_document(title, publisher, author, "text")',
]
POSTGRES_FILL = [f"{sql} WHERE search_vector IS NULL" for sql in POSTGRES_REBUILD]

# --- SQLite -----------------------------------------------------------------------------------

_SQLITE_CLAIM_DOCUMENT = """
    {claim}.text || ' ' || coalesce((SELECT s.quote || ' ' || sp.name FROM claims_statement s
        JOIN claims_speaker sp ON sp.id = s.speaker_id WHERE s.id = {claim}.statement_id), '')
"""
_SQLITE_SOURCE_DOCUMENT = """
    {source}.title || ' ' || {source}.publisher || ' ' || {source}.author || ' ' || {source}."text"
"""


def _sqlite_reindex_claims(where: str) -> str:
    return f"""
        DELETE FROM claims_claim_fts WHERE rowid IN (SELECT id FROM claims_claim c WHERE {where});
        INSERT INTO claims_claim_fts(rowid, document)
            SELECT c.id, {_SQLITE_CLAIM_DOCUMENT.format(claim="c")} FROM claims_claim c
            WHERE {where};
    """


SQLITE_TABLES = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS claims_claim_fts USING fts5("
    "document, tokenize = 'porter unicode61 remove_diacritics 2')",
    "CREATE VIRTUAL TABLE IF NOT EXISTS claims_source_fts USING fts5("
    "document, tokenize = 'porter unicode61 remove_diacritics 2')",
]
SQLITE_DROP_TRIGGERS = [
    f"DROP TRIGGER IF EXISTS {name}"
    for name in (
        "claims_claim_search_insert",
        "claims_claim_search_update",
        "claims_claim_search_delete",
        "claims_source_search_insert",
        "claims_source_search_update",
        "claims_source_search_delete",
        "claims_statement_search",
        "claims_speaker_search",
    )
]
SQLITE_TRIGGERS = [
    f"""
    CREATE TRIGGER claims_claim_search_insert AFTER INSERT ON claims_claim BEGIN
        INSERT INTO claims_claim_fts(rowid, document)
        VALUES (NEW.id, {_SQLITE_CLAIM_DOCUMENT.format(claim="NEW")});
    END
    """,
    f"""
    CREATE TRIGGER claims_claim_search_update AFTER UPDATE OF text, statement_id ON claims_claim
    BEGIN
        DELETE FROM claims_claim_fts WHERE rowid = OLD.id;
        INSERT INTO claims_claim_fts(rowid, document)
        VALUES (NEW.id, {_SQLITE_CLAIM_DOCUMENT.format(claim="NEW")});
    END
    """,
    """
    CREATE TRIGGER claims_claim_search_delete AFTER DELETE ON claims_claim BEGIN
        DELETE FROM claims_claim_fts WHERE rowid = OLD.id;
    END
    """,
    f"""
    CREATE TRIGGER claims_source_search_insert AFTER INSERT ON claims_source BEGIN
        INSERT INTO claims_source_fts(rowid, document)
        VALUES (NEW.id, {_SQLITE_SOURCE_DOCUMENT.format(source="NEW")});
    END
    """,
    f"""
    CREATE TRIGGER claims_source_search_update
    AFTER UPDATE OF title, publisher, author, "text" ON claims_source BEGIN
        DELETE FROM claims_source_fts WHERE rowid = OLD.id;
        INSERT INTO claims_source_fts(rowid, document)
        VALUES (NEW.id, {_SQLITE_SOURCE_DOCUMENT.format(source="NEW")});
    END
    """,
    """
    CREATE TRIGGER claims_source_search_delete AFTER DELETE ON claims_source BEGIN
        DELETE FROM claims_source_fts WHERE rowid = OLD.id;
    END
    """,
    f"""
    CREATE TRIGGER claims_statement_search AFTER UPDATE OF quote, speaker_id ON claims_statement
    BEGIN {_sqlite_reindex_claims("c.statement_id = NEW.id")} END
    """,
    f"""
    CREATE TRIGGER claims_speaker_search AFTER UPDATE OF name ON claims_speaker
    BEGIN {
        _sqlite_reindex_claims(
            "c.statement_id IN (SELECT id FROM claims_statement WHERE speaker_id = NEW.id)"
        )
    } END
    """,
]
SQLITE_REBUILD = [
    "DELETE FROM claims_claim_fts",
    "INSERT INTO claims_claim_fts(rowid, document) SELECT c.id, "
    + _SQLITE_CLAIM_DOCUMENT.format(claim="c")
    + " FROM claims_claim c",
    "DELETE FROM claims_source_fts",
    "INSERT INTO claims_source_fts(rowid, document) SELECT s.id, "
    + _SQLITE_SOURCE_DOCUMENT.format(source="s")
    + " FROM claims_source s",
]
SQLITE_DROP = [
    *SQLITE_DROP_TRIGGERS,
    "DROP TABLE IF EXISTS claims_claim_fts",
    "DROP TABLE IF EXISTS claims_source_fts",
]

REQUIRED_TABLES = {"claims_claim", "claims_source", "claims_statement", "claims_speaker"}


def _execute(db: BaseDatabaseWrapper, statements: list[str]) -> None:
    with db.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _index_out_of_step(db: BaseDatabaseWrapper) -> bool:
    """True when the index misses rows, e.g. written while a migration had the triggers off."""
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute(
                "SELECT EXISTS (SELECT 1 FROM claims_claim WHERE search_vector IS NULL) "
                "OR EXISTS (SELECT 1 FROM claims_source WHERE search_vector IS NULL)"
            )
            return bool(cursor.fetchone()[0])
        cursor.execute(
            "SELECT (SELECT count(*) FROM claims_claim) != (SELECT count(*) FROM claims_claim_fts)"
            " OR (SELECT count(*) FROM claims_source) != (SELECT count(*) FROM claims_source_fts)"
        )
        return bool(cursor.fetchone()[0])


def _missing_indexes(db: BaseDatabaseWrapper) -> bool:
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND indexname IN "
            "('claims_claim_search_gin', 'claims_source_search_gin')"
        )
        return cursor.fetchone()[0] < 2


def install_search_index(db: BaseDatabaseWrapper) -> None:
    """Create the index and its triggers (idempotent), filling the index when it is behind."""
    if not set(db.introspection.table_names()) >= REQUIRED_TABLES:
        return
    if db.vendor == "postgresql":
        # ALTER TABLE only the first time: inside a transaction with deferred foreign-key checks
        # pending (any test, any data migration) PostgreSQL refuses it.
        with db.cursor() as cursor:
            columns = db.introspection.get_table_description(cursor, "claims_claim")
        if "search_vector" not in {column.name for column in columns}:
            _execute(db, POSTGRES_COLUMNS)
        elif _missing_indexes(db):  # dropped by a bulk load that did not finish
            _execute(db, POSTGRES_INDEXES)
        _execute(db, [*POSTGRES_WORDS_TABLE, *POSTGRES_DROP_TRIGGERS])
        _execute(db, _postgres_create(_pg_config()))
    elif db.vendor == "sqlite":
        _execute(db, [*SQLITE_TABLES, *SQLITE_DROP_TRIGGERS, *SQLITE_TRIGGERS])
    else:
        raise RuntimeError(f"No full-text search for {db.vendor}: use SQLite or PostgreSQL.")
    if _index_out_of_step(db):
        rebuild_search_index(db)
    elif db.vendor == "postgresql" and _words_missing(db):  # a database from before the list
        _execute(db, POSTGRES_FILL_WORDS)


def _words_missing(db: BaseDatabaseWrapper) -> bool:
    with db.cursor() as cursor:
        cursor.execute(
            "SELECT NOT EXISTS (SELECT 1 FROM claims_claim_search_word) "
            "AND EXISTS (SELECT 1 FROM claims_claim)"
        )
        return bool(cursor.fetchone()[0])


def rebuild_search_index(db: BaseDatabaseWrapper) -> None:
    if db.vendor == "postgresql":
        _execute(db, [*POSTGRES_REBUILD, *POSTGRES_FILL_WORDS])
    else:
        _execute(db, SQLITE_REBUILD)


def remove_search_index(db: BaseDatabaseWrapper, *, keep_data: bool = True) -> None:
    """Drop the triggers (before a migration rebuilds a table); with keep_data=False, the
    index too."""
    if db.vendor == "postgresql":
        _execute(db, POSTGRES_DROP_TRIGGERS if keep_data else POSTGRES_DROP)
    elif db.vendor == "sqlite":
        _execute(db, SQLITE_DROP_TRIGGERS if keep_data else SQLITE_DROP)


@contextmanager
def search_index_paused(db: BaseDatabaseWrapper) -> Iterator[None]:
    """For bulk loads (bench/generate.py): the search triggers off while rows go in, then the
    new rows indexed in one statement each: row by row, the triggers and the GIN index's
    upkeep cost most of a large load's time.
    Only for a database nobody else writes to meanwhile: their writes would not be indexed
    until the end either."""
    remove_search_index(db)
    if db.vendor == "postgresql":
        _execute(db, POSTGRES_DROP_INDEXES)
    try:
        yield
    finally:
        if db.vendor == "postgresql":
            _execute(db, [*POSTGRES_FILL, *POSTGRES_FILL_WORDS, *POSTGRES_INDEXES])
        install_search_index(db)  # the triggers back; on SQLite, the index rebuilt


# --- querying ---------------------------------------------------------------------------------

MAX_TERMS = 16
MIN_PREFIX = 3  # shorter prefixes match too much to be useful, and cost the most


def _words(text: str) -> list[str]:
    """The words of what a reader typed: letters and digits only, so nothing they type is
    ever read as query syntax."""
    return re.findall(r"\w+", text.lower())[:MAX_TERMS]


def _fts5_query(words: list[str]) -> str:
    """Every word required; the last one also as the start of a longer word, so that a
    search box answers while the reader is still typing."""
    terms = [f'"{word}"' for word in words]
    if words and len(words[-1]) >= MIN_PREFIX:
        terms[-1] += "*"
    return " ".join(terms)


def _tsquery(words: list[str]) -> str:
    terms = list(words)
    if terms and len(terms[-1]) >= MIN_PREFIX:
        terms[-1] += ":*"
    return " & ".join(terms)


def search(queryset: QuerySet, text: str, *, table: str) -> QuerySet:
    """`queryset` (of the model stored in `table`, not aliased) narrowed to rows matching
    every word of `text`, annotated with `search_rank` (higher is better). Text without a word
    matches nothing."""
    words = _words(text)
    if not words:
        # Still annotated: whoever sorts the result by relevance must not need to know.
        return queryset.none().annotate(search_rank=Value(0.0, FloatField()))
    if connection.vendor == "postgresql":
        return _postgres_search(queryset, words, table)
    fts, fts_query = f"{table}_fts", _fts5_query(words)
    matches = RawSQL(
        f"{table}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s)", [fts_query], BooleanField()
    )
    # bm25 is lower for better matches; negated so that higher is better on both engines.
    rank = RawSQL(
        f"(SELECT -bm25({fts}) FROM {fts} WHERE {fts} MATCH %s AND rowid = {table}.id)",
        [fts_query],
        FloatField(),
    )
    return queryset.filter(matches).annotate(search_rank=rank)


# Past this many matches a search is shown newest first instead of ranked (PostgreSQL).
RANKED_MATCHES = 500
# How long a process trusts that a search it counted past RANKED_MATCHES still is (seconds).
MANY_FOR = 600
# Past this many matches by the planner's estimate, a one-word search is not even counted.
SURELY_MANY = 10 * RANKED_MATCHES
# A prefix with more completions than this is matched as a prefix by the GIN index.
MAX_COMPLETIONS = 64


def _postgres_search(queryset: QuerySet, words: list[str], table: str) -> QuerySet:
    """Ranking needs every match read from the table: cheap for a search matching hundreds of
    claims, slow for a common word matching tens of thousands. Counting the matches through
    the GIN index costs too (docs/adr/0009-postgresql-search-heuristics.md). So for a search
    of one word, whose frequency the column's statistics know, the planner's estimate comes
    first (cheaper than counting): surely many, the search is
    shown newest first (`search_rank` 0 for all), which the newest-first index answers by
    reading only until a page is full. Otherwise (and for several words, whose estimate
    assumes they occur independently) the matches are counted up to RANKED_MATCHES through
    the GIN index: fewer, the query narrows to exactly those rows (ids, so the planner cannot
    mistake them for many) and ranks them; more, newest first. Either way a process remembers
    a search found many for MANY_FOR seconds (`_known_many`), since a search's matches only
    grow as claims are published. Between hundreds of matches of a word or two, relevance
    differs little anyway."""
    query, params = _pg_tsquery(words, table)
    matches = queryset.filter(RawSQL(f"{table}.search_vector @@ {query}", params, BooleanField()))
    newest_first = matches.annotate(search_rank=Value(0.0, FloatField()))
    counted = matches.order_by().values_list("pk", flat=True)[: RANKED_MATCHES + 1]
    sql, sql_params = counted.query.get_compiler(using=counted.db).as_sql()
    count_sql = (sql, repr(sql_params))  # hashable, whatever the other filters' values
    if _known_many.get(count_sql, 0.0) > time.monotonic():
        return newest_first
    if len(words) == 1 and _estimated_rows(matches.order_by().values("pk")) >= SURELY_MANY:
        _remember_many(count_sql)
        return newest_first
    with connection.cursor() as cursor:  # the SQL compiled above, not compiled again
        cursor.execute(sql, sql_params)
        first = [pk for (pk,) in cursor.fetchall()]
    if len(first) > RANKED_MATCHES:
        _remember_many(count_sql)
        return newest_first
    rank = RawSQL(f"ts_rank_cd({table}.search_vector, {query})", params, FloatField())
    return queryset.filter(pk__in=first).annotate(search_rank=rank)


# The searches (their count query's SQL and parameters) known to match more than
# RANKED_MATCHES claims, and until when to trust it. Counting a pair of common words costs the
# GIN index as much as the newest-first page itself, before any row is read; a public claim
# stays public (withdrawn included), so a search that had many matches keeps them. Only the
# order depends on it, never which claims match. Per process, so it needs no round trip; tests
# clear it (`forget_known_many`).
_known_many: dict[tuple[str, str], float] = {}


def _remember_many(count_sql: tuple[str, str]) -> None:
    if len(_known_many) >= 1024:  # what readers search for is unbounded; this is not
        _known_many.clear()
    _known_many[count_sql] = time.monotonic() + MANY_FOR


def forget_known_many() -> None:
    _known_many.clear()


def _pg_tsquery(words: list[str], table: str) -> tuple[str, list]:
    """The tsquery of `words` as SQL and its parameters. The last word's completions are
    listed from claims_claim_search_word when there are few: the same matches as a prefix
    match, found without the GIN index's slow path."""
    config = _pg_config()
    exact = "to_tsquery(%s::regconfig, %s)"
    if len(words[-1]) < MIN_PREFIX or table != "claims_claim":
        return exact, [config, _tsquery(words)]
    completions = _completions(words[-1], config)
    if completions is None:
        return exact, [config, _tsquery(words)]
    listed = " | ".join("'" + w.replace("\\", "\\\\").replace("'", "''") + "'" for w in completions)
    if len(words) == 1:
        return "(%s::tsquery)", [listed]
    return f"({exact} && %s::tsquery)", [config, " & ".join(words[:-1]), listed]


def _completions(word: str, config: str) -> list[str] | None:
    """The lexemes that `word`, stemmed, begins; None when there are none or too many, or the
    word is not one lexeme (a stop word, or one the parser splits)."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT s.lexeme, w.word FROM unnest(to_tsvector(%s::regconfig, %s)) AS s "
            "LEFT JOIN claims_claim_search_word w "
            "ON w.word >= s.lexeme AND w.word < s.lexeme || chr(1114111) "
            "ORDER BY w.word LIMIT %s",
            [config, word, MAX_COMPLETIONS + 1],
        )
        rows = cursor.fetchall()
    if not rows or len({lexeme for lexeme, _ in rows}) != 1 or len(rows) > MAX_COMPLETIONS:
        return None
    found = [w for _, w in rows if w is not None]
    return found or None


def _estimated_rows(queryset: QuerySet) -> int:
    """How many rows the PostgreSQL planner expects `queryset` to read."""
    (plan,) = json.loads(queryset.explain(format="json"))
    return int(plan["Plan"]["Plan Rows"])
