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

# Rules as (name, table, event, condition): the row may not be written when the condition
# holds. Conditions are SQL shared by both databases, in which `{distinct}` is each database's
# null-safe "differs from". SQLite takes one event a trigger: a rule for two is two triggers
# there, named for their event.
_QUOTE_SLICE = """
    SELECT substr("text", NEW."start" + 1, NEW."end" - NEW."start")
    FROM claims_source WHERE id = NEW.source_id
"""
INTEGRITY_RULES = [
    (
        "claims_statement_quote_matches_source",
        "claims_statement",
        "INSERT OR UPDATE",
        f"NEW.quote {{distinct}} ({_QUOTE_SLICE})",
    ),
    (
        "claims_source_text_frozen",
        "claims_source",
        'UPDATE OF "text"',
        'NEW."text" {distinct} OLD."text"'
        " AND EXISTS (SELECT 1 FROM claims_statement WHERE source_id = OLD.id)",
    ),
    *[(f"{table}_append_only", table, "UPDATE", "TRUE") for table in APPEND_ONLY_TABLES],
]
MESSAGES = {
    "claims_statement_quote_matches_source": "statement quote does not match its source text",
    "claims_source_text_frozen": "source text is anchored by statements and cannot change",
    **{f"{table}_append_only": f"{table} rows are append-only" for table in APPEND_ONLY_TABLES},
}
# What an earlier release installed and no rule names any more.
RETIRED = {"postgresql": ["DROP FUNCTION IF EXISTS claims_append_only()"], "sqlite": []}


# --- the public record (`claims.public_record`) ----------------------------------------------

# Rules as above, each raising TRIGGER_MESSAGE; `{frozen:model}` in a condition expands to "one
# of the model's frozen columns changed".
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
PUBLIC_RECORD_RULES = [
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
    template = template.replace("{distinct}", distinct)
    for model_name in FROZEN_FIELDS:
        if f"{{frozen:{model_name}}}" in template:
            columns = frozen_columns(apps.get_model("claims", model_name))
            changed = " OR ".join(f'NEW."{column}" {distinct} OLD."{column}"' for column in columns)
            template = template.replace(f"{{frozen:{model_name}}}", changed)
    return template


def _sql(vendor: str, rules: list[tuple[str, str, str, str]]) -> tuple[list[str], list[str]]:
    """The statements that drop and that create the triggers for `rules`."""
    drop, create = [], []
    for name, table, event, condition in rules:
        message = MESSAGES.get(name, TRIGGER_MESSAGE % table)
        if vendor == "sqlite":
            events = event.split(" OR ")
            for each in events:
                trigger = f"{name}_{each.lower()}" if len(events) > 1 else name
                drop.append(f"DROP TRIGGER IF EXISTS {trigger}")
                create.append(
                    f"CREATE TRIGGER {trigger} BEFORE {each} ON {table} FOR EACH ROW"
                    f" WHEN {_condition(condition, 'IS NOT')}"
                    f" BEGIN SELECT RAISE(ABORT, '{message}'); END"
                )
            continue
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


def _public_record_rules(vendor: str) -> list[tuple[str, str, str, str]]:
    if vendor not in RETIRED:
        raise RuntimeError(
            f"No integrity triggers for {vendor}: the desk supports SQLite and PostgreSQL."
        )
    return [*PUBLIC_RECORD_RULES, *(POSTGRES_ONLY_RULES if vendor == "postgresql" else [])]


def _has_public_record_columns(connection: BaseDatabaseWrapper) -> bool:
    table, column = PUBLIC_RECORD_COLUMN
    with connection.cursor() as cursor:
        described = connection.introspection.get_table_description(cursor, table)
    return any(field.name == column for field in described)


def remove_triggers(connection: BaseDatabaseWrapper) -> None:
    vendor = connection.vendor
    drop, _create = _sql(vendor, [*_public_record_rules(vendor), *INTEGRITY_RULES])
    with connection.cursor() as cursor:
        for sql in [*drop, *RETIRED[vendor]]:
            cursor.execute(sql)


def install_triggers(connection: BaseDatabaseWrapper) -> None:
    """(Re)create every trigger; a no-op while the claims tables do not exist, and the
    public record's only once its columns exist (a migration before 0012 installs the rest)."""
    if not set(connection.introspection.table_names()) >= REQUIRED_TABLES:
        return
    remove_triggers(connection)
    rules = INTEGRITY_RULES
    if _has_public_record_columns(connection):
        rules = [*rules, *_public_record_rules(connection.vendor)]
    _drop, create = _sql(connection.vendor, rules)
    with connection.cursor() as cursor:
        for sql in create:
            cursor.execute(sql)
