"""Full-text search of claims and sources, in the database's own engine.

- PostgreSQL: a `search_vector` tsvector column with a GIN index, ranked with `ts_rank_cd`, and
  claims_claim_search_word, every lexeme of the claims, so that the last word of a claim search
  is matched by listing its completions rather than by the GIN index's slower prefix match.
- SQLite: FTS5 tables (`<table>_fts`, Porter stemmer), ranked with bm25.

Both read a search the same way: every word required (stemmed: "records" finds "record"),
the last word also as a prefix ("Monten" finds "Montenegro"), nothing a reader types taken as
query syntax. A claim's document is its wording, the quoted words it came from and the
speaker's name; a source's is its title, publisher, author and text.

Triggers keep the index, so every write path (services, admin, bulk inserts, raw SQL) keeps it
right, and the columns and tables stay out of the Django models: they are an index, not data.
Like the integrity triggers (`claims.db.triggers`), they are re-installed after every
`migrate`, since SQLite drops a table's triggers when a migration rebuilds it; a migration that
rebuilds claims_claim, claims_statement, claims_speaker or claims_source must call
`remove_search_index` first, as 0008 does for the integrity triggers.
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

REQUIRED_TABLES = {"claims_claim", "claims_source", "claims_statement", "claims_speaker"}
SEARCHED_TABLES = ("claims_claim", "claims_source")

# --- PostgreSQL -------------------------------------------------------------------------------


def _pg_config() -> str:
    config = settings.FACTCHECK_SEARCH_CONFIG
    if not re.fullmatch(r"[a-z_]+", config):
        raise ValueError(
            f"FACTCHECK_SEARCH_CONFIG must be a text search configuration name: {config!r}"
        )
    return config


POSTGRES_INDEXES = [
    f"CREATE INDEX IF NOT EXISTS {table}_search_gin ON {table} USING gin (search_vector)"
    for table in SEARCHED_TABLES
]
POSTGRES_DROP_INDEXES = [f"DROP INDEX IF EXISTS {table}_search_gin" for table in SEARCHED_TABLES]
POSTGRES_COLUMNS = [
    *[f"ALTER TABLE {table} ADD COLUMN search_vector tsvector" for table in SEARCHED_TABLES],
    *POSTGRES_INDEXES,
]

# Lexemes are only ever added to claims_claim_search_word: one no longer used costs nothing but
# a line in the list (docs/adr/0009-postgresql-search-heuristics.md says why it exists).
POSTGRES_WORDS_TABLE = [
    'CREATE TABLE IF NOT EXISTS claims_claim_search_word (word text COLLATE "C" PRIMARY KEY)',
]
POSTGRES_FILL_WORDS = [
    "INSERT INTO claims_claim_search_word (word) SELECT DISTINCT unnest(tsvector_to_array("
    "search_vector)) FROM claims_claim ORDER BY 1 ON CONFLICT DO NOTHING"
]
_REINDEX_CLAIMS = (
    "UPDATE claims_claim SET search_vector = claims_claim_document(text, statement_id)"
)
POSTGRES_REBUILD = [
    _REINDEX_CLAIMS,
    "UPDATE claims_source SET search_vector = "
    'claims_source_document(title, publisher, author, "text")',
]
POSTGRES_FILL = [f"{sql} WHERE search_vector IS NULL" for sql in POSTGRES_REBUILD]


def _trigger_function(name: str, body: str, returns: str = "NULL") -> str:
    return f"""
        CREATE OR REPLACE FUNCTION {name}() RETURNS trigger AS $$
        BEGIN
            {body};
            RETURN {returns};
        END $$ LANGUAGE plpgsql
    """


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
        _trigger_function(
            "claims_claim_search_row",
            "NEW.search_vector := claims_claim_document(NEW.text, NEW.statement_id)",
            returns="NEW",
        ),
        _trigger_function(
            "claims_source_search_row",
            "NEW.search_vector := claims_source_document("
            'NEW.title, NEW.publisher, NEW.author, NEW."text")',
            returns="NEW",
        ),
        _trigger_function(
            "claims_statement_search_claims", f"{_REINDEX_CLAIMS} WHERE statement_id = NEW.id"
        ),
        _trigger_function(
            "claims_speaker_search_claims",
            f"{_REINDEX_CLAIMS} WHERE statement_id IN "
            "(SELECT id FROM claims_statement WHERE speaker_id = NEW.id)",
        ),
        # In lexeme order, so that two writers adding the same new words take them in the
        # same order.
        _trigger_function(
            "claims_claim_search_words",
            "INSERT INTO claims_claim_search_word (word) "
            "SELECT unnest(tsvector_to_array(NEW.search_vector)) ORDER BY 1 "
            "ON CONFLICT DO NOTHING",
        ),
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
    f"DROP TRIGGER IF EXISTS {name} ON {table}"
    for name, table in [
        ("claims_claim_search", "claims_claim"),
        ("claims_claim_search_words_insert", "claims_claim"),
        ("claims_claim_search_words_update", "claims_claim"),
        ("claims_source_search", "claims_source"),
        ("claims_statement_search", "claims_statement"),
        ("claims_speaker_search", "claims_speaker"),
    ]
]
POSTGRES_DROP = [
    *POSTGRES_DROP_TRIGGERS,
    *POSTGRES_DROP_INDEXES,
    *[f"ALTER TABLE {table} DROP COLUMN IF EXISTS search_vector" for table in SEARCHED_TABLES],
    "DROP TABLE IF EXISTS claims_claim_search_word",
    "DROP FUNCTION IF EXISTS claims_claim_search_words(), claims_claim_search_row(), "
    "claims_source_search_row(), claims_statement_search_claims(), claims_speaker_search_claims(), "
    "claims_claim_document(text, bigint), claims_source_document(text, text, text, text)",
]

# --- SQLite -----------------------------------------------------------------------------------

# Each searched table: the columns its document is made of, and the document of row `{row}`.
SQLITE_DOCUMENTS = {
    "claims_claim": (
        "text, statement_id",
        "{row}.text || ' ' || coalesce((SELECT s.quote || ' ' || sp.name FROM claims_statement s"
        " JOIN claims_speaker sp ON sp.id = s.speaker_id WHERE s.id = {row}.statement_id), '')",
    ),
    "claims_source": (
        'title, publisher, author, "text"',
        "{row}.title || ' ' || {row}.publisher || ' ' || {row}.author || ' ' || {row}.\"text\"",
    ),
}
_CLAIM_DOCUMENT = SQLITE_DOCUMENTS["claims_claim"][1]


def _sqlite_table_triggers(table: str) -> list[str]:
    columns, document = SQLITE_DOCUMENTS[table]
    insert = (
        f"INSERT INTO {table}_fts(rowid, document) VALUES (NEW.id, {document.format(row='NEW')});"
    )
    delete = f"DELETE FROM {table}_fts WHERE rowid = OLD.id;"
    return [
        f"CREATE TRIGGER {table}_search_insert AFTER INSERT ON {table} BEGIN {insert} END",
        f"CREATE TRIGGER {table}_search_update AFTER UPDATE OF {columns} ON {table}"
        f" BEGIN {delete} {insert} END",
        f"CREATE TRIGGER {table}_search_delete AFTER DELETE ON {table} BEGIN {delete} END",
    ]


def _sqlite_reindex_claims(where: str) -> str:
    return f"""
        DELETE FROM claims_claim_fts WHERE rowid IN (SELECT id FROM claims_claim c WHERE {where});
        INSERT INTO claims_claim_fts(rowid, document)
            SELECT c.id, {_CLAIM_DOCUMENT.format(row="c")} FROM claims_claim c WHERE {where};
    """


SQLITE_TABLES = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS {table}_fts USING fts5("
    "document, tokenize = 'porter unicode61 remove_diacritics 2')"
    for table in SEARCHED_TABLES
]
SQLITE_DROP_TRIGGERS = [
    *[
        f"DROP TRIGGER IF EXISTS {table}_search_{event}"
        for table in SEARCHED_TABLES
        for event in ("insert", "update", "delete")
    ],
    "DROP TRIGGER IF EXISTS claims_statement_search",
    "DROP TRIGGER IF EXISTS claims_speaker_search",
]
SQLITE_TRIGGERS = [
    *[sql for table in SEARCHED_TABLES for sql in _sqlite_table_triggers(table)],
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
    sql
    for table, (_columns, document) in SQLITE_DOCUMENTS.items()
    for sql in (
        f"DELETE FROM {table}_fts",
        f"INSERT INTO {table}_fts(rowid, document) SELECT t.id, {document.format(row='t')}"
        f" FROM {table} t",
    )
]
SQLITE_DROP = [
    *SQLITE_DROP_TRIGGERS,
    *[f"DROP TABLE IF EXISTS {table}_fts" for table in SEARCHED_TABLES],
]


def _execute(db: BaseDatabaseWrapper, statements: list[str]) -> None:
    with db.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _ask(db: BaseDatabaseWrapper, sql: str) -> bool:
    with db.cursor() as cursor:
        cursor.execute(sql)
        return bool(cursor.fetchone()[0])


# True when the index misses rows, e.g. written while a migration had the triggers off.
OUT_OF_STEP = {
    "postgresql": "SELECT EXISTS (SELECT 1 FROM claims_claim WHERE search_vector IS NULL) "
    "OR EXISTS (SELECT 1 FROM claims_source WHERE search_vector IS NULL)",
    "sqlite": "SELECT (SELECT count(*) FROM claims_claim) != "
    "(SELECT count(*) FROM claims_claim_fts) OR (SELECT count(*) FROM claims_source) != "
    "(SELECT count(*) FROM claims_source_fts)",
}


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
        elif _ask(  # dropped by a bulk load that did not finish
            db,
            "SELECT count(*) < 2 FROM pg_indexes WHERE schemaname = current_schema() AND "
            "indexname IN ('claims_claim_search_gin', 'claims_source_search_gin')",
        ):
            _execute(db, POSTGRES_INDEXES)
        _execute(db, [*POSTGRES_WORDS_TABLE, *POSTGRES_DROP_TRIGGERS])
        _execute(db, _postgres_create(_pg_config()))
    elif db.vendor == "sqlite":
        _execute(db, [*SQLITE_TABLES, *SQLITE_DROP_TRIGGERS, *SQLITE_TRIGGERS])
    else:
        raise RuntimeError(f"No full-text search for {db.vendor}: use SQLite or PostgreSQL.")
    if _ask(db, OUT_OF_STEP[db.vendor]):
        rebuild_search_index(db)
    elif db.vendor == "postgresql" and _ask(  # a database from before the list of words
        db,
        "SELECT NOT EXISTS (SELECT 1 FROM claims_claim_search_word) "
        "AND EXISTS (SELECT 1 FROM claims_claim)",
    ):
        _execute(db, POSTGRES_FILL_WORDS)


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
    """For bulk loads (bench/generate.py): the triggers and the GIN index off while rows go in,
    then the new rows indexed in one statement each. Only for a database nobody else writes to
    meanwhile: their writes would not be indexed until the end either."""
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


def _engine_query(words: list[str], term: str, prefix: str, join: str) -> str:
    """Every word required; the last one also as the start of a longer word, so that a
    search box answers while the reader is still typing."""
    terms = [term.format(word) for word in words]
    if len(words[-1]) >= MIN_PREFIX:
        terms[-1] += prefix
    return join.join(terms)


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
    fts, fts_query = f"{table}_fts", _engine_query(words, '"{}"', "*", " ")
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
    """Ranked when few claims match, newest first (`search_rank` 0 for all) when many: ranking
    reads every match from the table. A one-word search asks the planner's estimate first;
    otherwise the matches are counted up to RANKED_MATCHES through the GIN index
    (docs/adr/0009-postgresql-search-heuristics.md)."""
    query, params = _pg_tsquery(words, table)
    matches = queryset.filter(RawSQL(f"{table}.search_vector @@ {query}", params, BooleanField()))
    newest_first = matches.annotate(search_rank=Value(0.0, FloatField()))
    counted = matches.order_by().values_list("pk", flat=True)[: RANKED_MATCHES + 1]
    sql, sql_params = counted.query.get_compiler(using=counted.db).as_sql()
    count_sql = (sql, repr(sql_params))  # hashable, whatever the other filters' values
    if _known_many.get(count_sql, 0.0) > time.monotonic():
        return newest_first
    # Only one word's estimate is trusted: for several, the planner assumes they occur
    # independently.
    if len(words) == 1 and _estimated_rows(matches.order_by().values("pk")) >= SURELY_MANY:
        _remember_many(count_sql)
        return newest_first
    with connection.cursor() as cursor:  # the SQL compiled above, not compiled again
        cursor.execute(sql, sql_params)
        first = [pk for (pk,) in cursor.fetchall()]
    if len(first) > RANKED_MATCHES:
        _remember_many(count_sql)
        return newest_first
    # The ids, not the match, so that the planner cannot mistake them for many.
    rank = RawSQL(f"ts_rank_cd({table}.search_vector, {query})", params, FloatField())
    return queryset.filter(pk__in=first).annotate(search_rank=rank)


# The searches (their count query's SQL and parameters) known to match more than
# RANKED_MATCHES claims, and until when to trust it: a public claim stays public (withdrawn
# included), so a search's matches only grow. Only the order depends on it, never which claims
# match. Per process, so it needs no round trip; tests clear it (`forget_known_many`).
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
    completions = None
    if len(words[-1]) >= MIN_PREFIX and table == "claims_claim":
        completions = _completions(words[-1], config)
    if completions is None:
        return exact, [config, _engine_query(words, "{}", ":*", " & ")]
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


# --- likely rewordings -----------------------------------------------------------------------

# A wording is looked up by its longest words: long words are the rare ones that tell one
# claim from another, and each adds pairs to the query.
LIKELY_WORDS = 6
# At most this many rows sharing words are ranked: the cap keeps a lookup's cost flat however
# common the words are.
LIKELY_READ = 400


def likely_rewordings(queryset: QuerySet, words: list[str], *, table: str, limit: int) -> list[int]:
    """Ids of up to `limit` rows (of the model stored in `table`) sharing at least two of
    `words` (one when only one is given), best ranked first: the candidates of a lexical
    match, which need not hold every word the way a reader's search does."""
    words = sorted(dict.fromkeys(w for w in (_words(" ".join(words))) if len(w) > 1), key=len)
    words = words[-LIKELY_WORDS:]
    if not words:
        return []
    pairs = [(a, b) for n, a in enumerate(words) for b in words[n + 1 :]] or [(words[0],)]
    if connection.vendor == "postgresql":
        tsquery = " | ".join("(" + " & ".join(pair) + ")" for pair in pairs)
        query = "to_tsquery(%s::regconfig, %s)"
        params = [_pg_config(), tsquery]
        matches = queryset.filter(
            RawSQL(f"{table}.search_vector @@ {query}", params, BooleanField())
        )
        first = list(matches.order_by().values_list("pk", flat=True)[:LIKELY_READ])
        rank = RawSQL(f"ts_rank_cd({table}.search_vector, {query})", params, FloatField())
        ranked = queryset.filter(pk__in=first).annotate(likely_rank=rank)
    else:
        fts = f"{table}_fts"
        fts_query = " OR ".join("(" + " AND ".join(f'"{w}"' for w in pair) + ")" for pair in pairs)
        rows = RawSQL(
            f"{table}.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s ORDER BY rank LIMIT %s)",
            [fts_query, LIKELY_READ],
            BooleanField(),
        )
        rank = RawSQL(
            f"(SELECT -bm25({fts}) FROM {fts} WHERE {fts} MATCH %s AND rowid = {table}.id)",
            [fts_query],
            FloatField(),
        )
        ranked = queryset.filter(rows).annotate(likely_rank=rank)
    return list(ranked.order_by("-likely_rank", "-pk").values_list("pk", flat=True)[:limit])
