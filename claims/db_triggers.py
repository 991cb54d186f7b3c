"""Database triggers for the invariants a CHECK constraint cannot express portably:

- a statement's quote equals the slice of its source's text it points to;
- a source's text never changes once a statement is anchored in it;
- claim events and publication entries are never updated.

They back up the validation in `claims.models` for writes that skip it (QuerySet.update, raw
SQL, another client). Deletes are left to foreign keys: a DELETE trigger would also block the
cascades and the test database's flush.

SQLite drops a table's triggers when a migration rebuilds the table, so installing is
idempotent and runs after every `migrate` as well as in migration 0003 (`ClaimsConfig.ready`).
"""

from __future__ import annotations

from django.db.backends.base.base import BaseDatabaseWrapper

APPEND_ONLY_TABLES = ("claims_claimevent", "claims_publicationentry")
REQUIRED_TABLES = {"claims_source", "claims_statement", *APPEND_ONLY_TABLES}

_QUOTE_SLICE = """
    SELECT substr("text", NEW."start" + 1, NEW."end" - NEW."start")
    FROM claims_source WHERE id = NEW.source_id
"""
QUOTE_MISMATCH = "statement quote does not match its source text"
TEXT_FROZEN = "source text is anchored by statements and cannot change"

SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS claims_statement_quote_matches_source_insert",
    "DROP TRIGGER IF EXISTS claims_statement_quote_matches_source_update",
    "DROP TRIGGER IF EXISTS claims_source_text_frozen",
    *[f"DROP TRIGGER IF EXISTS {table}_append_only" for table in APPEND_ONLY_TABLES],
]
SQLITE_CREATE = [
    *[
        f"""
        CREATE TRIGGER claims_statement_quote_matches_source_{op.lower()}
        BEFORE {op} ON claims_statement
        FOR EACH ROW WHEN NEW.quote IS NOT ({_QUOTE_SLICE})
        BEGIN SELECT RAISE(ABORT, '{QUOTE_MISMATCH}'); END
        """
        for op in ("INSERT", "UPDATE")
    ],
    f"""
    CREATE TRIGGER claims_source_text_frozen
    BEFORE UPDATE OF "text" ON claims_source
    FOR EACH ROW WHEN NEW."text" IS NOT OLD."text"
        AND EXISTS (SELECT 1 FROM claims_statement WHERE source_id = OLD.id)
    BEGIN SELECT RAISE(ABORT, '{TEXT_FROZEN}'); END
    """,
    *[
        f"""
        CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table}
        BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END
        """
        for table in APPEND_ONLY_TABLES
    ],
]

POSTGRES_DROP = [
    "DROP TRIGGER IF EXISTS claims_statement_quote_matches_source ON claims_statement",
    "DROP TRIGGER IF EXISTS claims_source_text_frozen ON claims_source",
    *[f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}" for table in APPEND_ONLY_TABLES],
    "DROP FUNCTION IF EXISTS claims_statement_quote_matches_source()",
    "DROP FUNCTION IF EXISTS claims_source_text_frozen()",
    "DROP FUNCTION IF EXISTS claims_append_only()",
]
POSTGRES_CREATE = [
    f"""
    CREATE FUNCTION claims_statement_quote_matches_source() RETURNS trigger AS $$
    BEGIN
        IF NEW.quote IS DISTINCT FROM ({_QUOTE_SLICE}) THEN
            RAISE EXCEPTION '{QUOTE_MISMATCH}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER claims_statement_quote_matches_source
    BEFORE INSERT OR UPDATE ON claims_statement
    FOR EACH ROW EXECUTE FUNCTION claims_statement_quote_matches_source()
    """,
    f"""
    CREATE FUNCTION claims_source_text_frozen() RETURNS trigger AS $$
    BEGIN
        IF NEW."text" IS DISTINCT FROM OLD."text"
            AND EXISTS (SELECT 1 FROM claims_statement WHERE source_id = OLD.id) THEN
            RAISE EXCEPTION '{TEXT_FROZEN}' USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
    END $$ LANGUAGE plpgsql
    """,
    """
    CREATE TRIGGER claims_source_text_frozen BEFORE UPDATE ON claims_source
    FOR EACH ROW EXECUTE FUNCTION claims_source_text_frozen()
    """,
    """
    CREATE FUNCTION claims_append_only() RETURNS trigger AS $$
    BEGIN
        RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME USING ERRCODE = 'check_violation';
    END $$ LANGUAGE plpgsql
    """,
    *[
        f"""
        CREATE TRIGGER {table}_append_only BEFORE UPDATE ON {table}
        FOR EACH ROW EXECUTE FUNCTION claims_append_only()
        """
        for table in APPEND_ONLY_TABLES
    ],
]

_SQL = {
    "sqlite": (SQLITE_DROP, SQLITE_CREATE),
    "postgresql": (POSTGRES_DROP, POSTGRES_CREATE),
}


def _statements(connection: BaseDatabaseWrapper) -> tuple[list[str], list[str]]:
    try:
        return _SQL[connection.vendor]
    except KeyError:
        raise RuntimeError(
            f"No integrity triggers for {connection.vendor}: the desk supports SQLite and "
            "PostgreSQL."
        ) from None


def remove_triggers(connection: BaseDatabaseWrapper) -> None:
    drop, _create = _statements(connection)
    with connection.cursor() as cursor:
        for sql in drop:
            cursor.execute(sql)


def install_triggers(connection: BaseDatabaseWrapper) -> None:
    """(Re)create every trigger; a no-op while the claims tables do not exist."""
    if not set(connection.introspection.table_names()) >= REQUIRED_TABLES:
        return
    drop, create = _statements(connection)
    with connection.cursor() as cursor:
        for sql in [*drop, *create]:
            cursor.execute(sql)
