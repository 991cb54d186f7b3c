"""Database triggers for the invariants a CHECK constraint cannot express portably:

- a statement's quote equals the slice of its source's text it points to;
- a source's text never changes once a statement is anchored in it;
- claim events and publication entries are never updated;
- what readers were told stays as it was published (`claims.public_record`): a published
  claim's wording and statement, the evidence it cites, approved reviews and the ratings they
  use; new evidence reaches a published claim only with a correction in progress, and a
  correction enters the record only after the claim's first publication.

They back up the validation in `claims.models` for writes that skip it (QuerySet.update, raw
SQL, another client). Deletes are left to foreign keys: a DELETE trigger would also block the
cascades and the test database's flush.

SQLite drops a table's triggers when a migration rebuilds the table, so installing is
idempotent and runs after every `migrate` as well as in migrations 0003 and 0012
(`ClaimsConfig.ready`). Evidence of a published claim is kept from DELETE by a trigger on
PostgreSQL only: SQLite empties tables with DELETE in a random order when a test database is
flushed, PostgreSQL with TRUNCATE, which fires no row triggers; on SQLite the ORM's
`pre_delete` check (`claims.models`) and foreign keys stand alone.
"""

from __future__ import annotations

from django.apps import apps
from django.db.backends.base.base import BaseDatabaseWrapper

from ..public_record import FROZEN_FIELDS, TRIGGER_MESSAGE, frozen_columns

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


# --- the public record (`claims.public_record`) ----------------------------------------------

# Rules as (name, table, event, condition): the row may not be written when the condition
# holds. Conditions are SQL shared by both databases, in which `{frozen:model}` expands to "one
# of the model's frozen columns changed", in each database's null-safe comparison.
_PUBLISHED_CLAIM = (
    "SELECT 1 FROM claims_claim WHERE id = {row}.claim_id AND first_published_at IS NOT NULL"
)
_PENDING_CORRECTION = """
    SELECT 1 FROM claims_review WHERE id = NEW.correction_id AND claim_id = NEW.claim_id
    AND status <> 'approved' AND correction_kind <> ''
"""
_EVIDENCE_CITED = f"""
    EXISTS ({_PUBLISHED_CLAIM.format(row="OLD")}) AND (OLD.correction_id IS NULL OR EXISTS (
        SELECT 1 FROM claims_review WHERE id = OLD.correction_id AND status = 'approved'))
"""
_EVIDENCE_NEEDS_CORRECTION = (
    f"EXISTS ({_PUBLISHED_CLAIM.format(row='NEW')}) AND NOT EXISTS ({_PENDING_CORRECTION})"
)
PUBLIC_RECORD_RULES: list[tuple[str, str, str, str]] = [
    (
        "claims_claim_public_record",
        "claims_claim",
        "UPDATE",
        "OLD.first_published_at IS NOT NULL AND ({frozen:claim}"
        " OR NEW.status NOT IN ('published', 'withdrawn'))",
    ),
    (
        "claims_statement_public_record",
        "claims_statement",
        "UPDATE",
        "({frozen:statement}) AND EXISTS (SELECT 1 FROM claims_claim"
        " WHERE statement_id = OLD.id AND first_published_at IS NOT NULL)",
    ),
    (
        "claims_evidence_public_record",
        "claims_evidence",
        "UPDATE",
        f"(({{frozen:evidence}}) AND {_EVIDENCE_CITED})"
        f" OR (NEW.claim_id <> OLD.claim_id AND {_EVIDENCE_NEEDS_CORRECTION})",
    ),
    ("claims_evidence_needs_correction", "claims_evidence", "INSERT", _EVIDENCE_NEEDS_CORRECTION),
    (
        "claims_review_public_record",
        "claims_review",
        "UPDATE",
        "OLD.status = 'approved' AND ({frozen:review})",
    ),
    (
        # A published claim's verdict changes only by a correction (which enters the record).
        "claims_review_verdict_by_correction",
        "claims_review",
        "UPDATE",
        "NEW.status = 'approved' AND OLD.status <> 'approved' AND NEW.correction_kind = ''"
        f" AND EXISTS ({_PUBLISHED_CLAIM.format(row='NEW')})",
    ),
    (
        "claims_review_approved_by_signoff",
        "claims_review",
        "INSERT",
        f"NEW.status = 'approved' AND EXISTS ({_PUBLISHED_CLAIM.format(row='NEW')})",
    ),
    (
        "claims_rating_public_record",
        "claims_rating",
        "UPDATE",
        "({frozen:rating}) AND EXISTS (SELECT 1 FROM claims_review"
        " WHERE rating_id = OLD.id AND status = 'approved')",
    ),
    (
        # A correction is of something readers saw: never before the first publication.
        "claims_correction_after_publication",
        "claims_publicationentry",
        "INSERT",
        "NEW.kind = 'correction' AND NOT EXISTS (SELECT 1 FROM claims_claim"
        " WHERE id = NEW.claim_id AND first_published_at <= NEW.published_at)",
    ),
]
# Deletes, on PostgreSQL only (see the module's docstring).
POSTGRES_ONLY_RULES = [("claims_evidence_cited_kept", "claims_evidence", "DELETE", _EVIDENCE_CITED)]
# The public-record rules need the columns migration 0012 adds.
PUBLIC_RECORD_COLUMN = ("claims_evidence", "correction_id")


def _condition(template: str, distinct: str) -> str:
    def frozen(model_name: str) -> str:
        model = apps.get_model("claims", model_name)
        return " OR ".join(
            f'NEW."{column}" {distinct} OLD."{column}"' for column in frozen_columns(model)
        )

    for model_name in FROZEN_FIELDS:
        template = template.replace(f"{{frozen:{model_name}}}", frozen(model_name))
    return template


def _public_record_sql(vendor: str) -> tuple[list[str], list[str]]:
    drop, create = [], []
    if vendor == "sqlite":
        for name, table, event, condition in PUBLIC_RECORD_RULES:
            message = TRIGGER_MESSAGE % table
            drop.append(f"DROP TRIGGER IF EXISTS {name}")
            create.append(
                f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW"
                f" WHEN {_condition(condition, 'IS NOT')}"
                f" BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
        return drop, create
    for name, table, event, condition in [*PUBLIC_RECORD_RULES, *POSTGRES_ONLY_RULES]:
        message = TRIGGER_MESSAGE % table
        returned = "OLD" if event == "DELETE" else "NEW"
        drop += [f"DROP TRIGGER IF EXISTS {name} ON {table}", f"DROP FUNCTION IF EXISTS {name}()"]
        create += [
            f"""
            CREATE FUNCTION {name}() RETURNS trigger AS $$
            BEGIN
                IF {_condition(condition, "IS DISTINCT FROM")} THEN
                    RAISE EXCEPTION '{message}' USING ERRCODE = 'check_violation';
                END IF;
                RETURN {returned};
            END $$ LANGUAGE plpgsql
            """,
            f"CREATE TRIGGER {name} BEFORE {event} ON {table}"
            f" FOR EACH ROW EXECUTE FUNCTION {name}()",
        ]
    return drop, create


def _has_public_record_columns(connection: BaseDatabaseWrapper) -> bool:
    table, column = PUBLIC_RECORD_COLUMN
    with connection.cursor() as cursor:
        described = connection.introspection.get_table_description(cursor, table)
    return any(field.name == column for field in described)


def remove_triggers(connection: BaseDatabaseWrapper) -> None:
    drop, _create = _statements(connection)
    record_drop, _record_create = _public_record_sql(connection.vendor)
    with connection.cursor() as cursor:
        for sql in [*record_drop, *drop]:
            cursor.execute(sql)


def install_triggers(connection: BaseDatabaseWrapper) -> None:
    """(Re)create every trigger; a no-op while the claims tables do not exist, and the
    public record's only once its columns exist (a migration before 0012 installs the rest)."""
    if not set(connection.introspection.table_names()) >= REQUIRED_TABLES:
        return
    drop, create = _statements(connection)
    record_drop, record_create = _public_record_sql(connection.vendor)
    if not _has_public_record_columns(connection):
        record_create = []
    with connection.cursor() as cursor:
        for sql in [*record_drop, *drop, *create, *record_create]:
            cursor.execute(sql)
