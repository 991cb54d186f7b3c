"""A backup restores with every row, on SQLite and on PostgreSQL (claims/db/backups.py).

The suite runs on either engine (DATABASE_URL): a backup of the test database is restored into a
second database of the same engine, a SQLite file in tmp_path or a PostgreSQL database created
and dropped here, and every row of every model table is compared. A backup must see committed
data, so these tests commit (transaction=True); serialized_rollback restores what data
migrations made (rating scale, role groups) after each flush.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import DatabaseError, connection, connections
from django.db.utils import load_backend

from claims.db import backups
from claims.models import ClaimEvent, Statement, Topic
from tests.factories import (
    ClaimEventFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    SignoffFactory,
    SuggestionDecisionFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ENGINE = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def model_tables() -> list[tuple[str, str]]:
    """(table, primary key column) of every model of every installed app, many-to-many tables
    and history tables included."""
    return sorted(
        {
            (model._meta.db_table, model._meta.pk.column)
            for model in apps.get_models(include_auto_created=True)
            if model._meta.managed
        }
    )


def fingerprint(cursor) -> dict[str, tuple[int, str]]:
    """Row count and SHA-256 of the rows, in primary key order, of every model table."""
    result = {}
    for table, pk in model_tables():
        cursor.execute(f'SELECT * FROM "{table}" ORDER BY "{pk}"')
        digest = hashlib.sha256()
        rows = cursor.fetchall()
        for row in rows:
            digest.update(repr(tuple(row)).encode())
        result[table] = (len(rows), digest.hexdigest())
    return result


def live_fingerprint() -> dict[str, tuple[int, str]]:
    with connection.cursor() as cursor:
        return fingerprint(cursor)


@contextlib.contextmanager
def connected(database: dict):
    """A Django connection to a database that is not in settings.DATABASES."""
    wrapper = load_backend(database["ENGINE"]).DatabaseWrapper(database, alias="restored")
    try:
        yield wrapper
    finally:
        wrapper.close()


@pytest.fixture(scope="module")
def spare_postgres_database(django_db_setup, django_db_blocker):
    """On PostgreSQL, a second database for this module's restores (created once: creating
    and dropping one per test costs seconds)."""
    if connection.vendor != "postgresql":
        yield None
        return
    name = f"{connection.settings_dict['NAME']}_restored"
    with django_db_blocker.unblock():
        with connection.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            cursor.execute(f'CREATE DATABASE "{name}" TEMPLATE template0')
        try:
            yield {**connection.settings_dict, "NAME": name}
        finally:
            with connection.cursor() as cursor:
                cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def restore_target(db, tmp_path, spare_postgres_database):
    """The settings of a second, empty database of the engine the tests run on."""
    if connection.vendor == "sqlite":
        return {**connection.settings_dict, "NAME": str(tmp_path / "restored.sqlite3")}
    with connected(spare_postgres_database) as spare, spare.cursor() as cursor:
        cursor.execute("DROP SCHEMA public CASCADE")
        cursor.execute("CREATE SCHEMA public")
    return spare_postgres_database


def some_desk_rows():
    """A few rows in most tables: claims with evidence, reviews, sign-offs, publications,
    events, history, suggestion decisions, users in groups."""
    review = ReviewFactory()
    SignoffFactory(review=review)
    EvidenceFactory(claim=review.claim)
    ClaimEventFactory(claim=review.claim)
    PublicationEntryFactory()
    SuggestionDecisionFactory()
    UserFactory(username="backup-editor", roles=["editor"])


def back_up(tmp_path: Path) -> tuple[Path, str]:
    out = io.StringIO()
    call_command("backup", output=str(tmp_path / "backups") + "/", stdout=out)
    match = re.search(r" to (\S+)\n", out.getvalue())
    assert match, out.getvalue()
    return Path(match.group(1)), out.getvalue()


def restore(path: Path, *, force: bool = False) -> str:
    out = io.StringIO()
    call_command("restore", str(path), force=force, stdout=out)
    return out.getvalue()


# --- a backup restores with every row ---------------------------------------------------------


def test_backup_restores_every_row_of_every_table_into_a_fresh_database(
    demo_desk, restore_target, tmp_path
):
    some_desk_rows()
    before = live_fingerprint()
    path, _output = back_up(tmp_path)

    backups.restore_backup(path, restore_target)

    with connected(restore_target) as target, target.cursor() as cursor:
        after = fingerprint(cursor)
    assert after == before
    # The comparison covers the desk, auth and history tables, all with rows.
    for table in (
        "auth_user",
        "auth_user_groups",
        "auth_group_permissions",
        "claims_source",
        "claims_statement",
        "claims_claim",
        "claims_claim_topics",
        "claims_evidence",
        "claims_review",
        "claims_signoff",
        "claims_publicationentry",
        "claims_claimevent",
        "claims_historicalclaim",
        "claims_historicalreview",
        "claims_suggestiondecision",
        "django_content_type",
    ):
        assert before[table][0] > 0, table


def test_restore_keeps_the_integrity_triggers(restore_target, tmp_path):
    event = ClaimEventFactory()
    statement = Statement.objects.get()
    path, _output = back_up(tmp_path)

    backups.restore_backup(path, restore_target)

    with connected(restore_target) as target, target.cursor() as cursor:
        with pytest.raises(DatabaseError, match="claims_claimevent rows are append-only"):
            cursor.execute(f"UPDATE claims_claimevent SET action = 'forged' WHERE id = {event.pk}")
        with pytest.raises(DatabaseError, match="statement quote does not match its source text"):
            cursor.execute(
                f"UPDATE claims_statement SET quote = 'words never said' WHERE id = {statement.pk}"
            )
        cursor.execute("SELECT action FROM claims_claimevent")
        assert cursor.fetchall() == [(event.action,)]


def test_restore_with_force_replaces_everything_in_the_database(tmp_path):
    some_desk_rows()
    at_backup = live_fingerprint()
    path, _output = back_up(tmp_path)
    # What happens after the backup is what the restore takes away, tables included.
    Topic.objects.create(name="Added later", slug="added-later")
    ClaimEvent.objects.filter(pk=ClaimEvent.objects.first().pk).delete()
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE made_after_the_backup (id integer)")
    assert live_fingerprint() != at_backup

    output = restore(path, force=True)

    assert live_fingerprint() == at_backup
    assert "made_after_the_backup" not in connection.introspection.table_names()
    assert re.match(rf"Restored \S+ into the {ENGINE[connection.vendor]} database ", output)
    assert "migrate" not in output


def test_backup_made_while_the_desk_writes_is_consistent(restore_target, tmp_path):
    stop = threading.Event()
    written = []

    def write_topics():
        try:
            while not stop.is_set():
                n = len(written)
                Topic.objects.create(name=f"Live topic {n}", slug=f"live-topic-{n}")
                written.append(n)
        finally:
            connections.close_all()

    writer = threading.Thread(target=write_topics)
    writer.start()
    try:
        while len(written) < 5:
            stop.wait(0.01)
        path = backups.create_backup(connection.settings_dict, tmp_path / "live")
        at_backup_end = len(written)
        while len(written) < at_backup_end + 5:
            stop.wait(0.01)
    finally:
        stop.set()
        writer.join(timeout=30)

    backups.restore_backup(path, restore_target)
    with connected(restore_target) as target, target.cursor() as cursor:
        cursor.execute("SELECT slug FROM claims_topic")
        restored = {slug for (slug,) in cursor.fetchall()}
    # One moment of a desk that commits topic after topic: the first so many, without a gap.
    assert 0 < len(restored) < Topic.objects.count()
    assert restored == {f"live-topic-{n}" for n in range(len(restored))}


# --- what backup writes -----------------------------------------------------------------------


def test_backup_is_named_by_engine_and_time_and_reports_what_it_holds(tmp_path):
    some_desk_rows()
    path, output = back_up(tmp_path)

    vendor = connection.vendor
    extension = {"sqlite": "sqlite3", "postgresql": "dump"}[vendor]
    assert re.fullmatch(rf"factcheck-{vendor}-\d{{8}}T\d{{6}}Z\.{extension}", path.name)
    # Only the backup: nothing half-written is left beside it.
    assert [p.name for p in path.parent.iterdir()] == [path.name]
    assert path.read_bytes().startswith(backups.MAGIC[vendor])
    # The path and the size are printed; the password never is.
    assert f" to {path}\n" in output
    assert re.search(r"\n\d+(\.\d)? (bytes|KB|MB) in \d+\.\d\d s\n", output)
    if connection.settings_dict.get("PASSWORD"):
        assert connection.settings_dict["PASSWORD"] not in output


def test_backup_with_verbosity_0_prints_only_the_path(tmp_path):
    out = io.StringIO()
    call_command("backup", output=str(tmp_path / "nightly.bak"), verbosity=0, stdout=out)
    assert out.getvalue() == f"{tmp_path / 'nightly.bak'}\n"


def test_backup_never_overwrites_a_backup(tmp_path):
    path, _output = back_up(tmp_path)
    before = path.read_bytes()

    with pytest.raises(CommandError, match="already exists: a backup is never overwritten"):
        call_command("backup", output=str(path), stdout=io.StringIO())
    assert path.read_bytes() == before


def test_backup_that_fails_leaves_no_file(tmp_path, monkeypatch):
    def disk_full(fd):
        raise OSError(28, "No space left on device")

    # Fails once the backup has been written, before it gets its name.
    monkeypatch.setattr(os, "fsync", disk_full)
    folder = tmp_path / "backups"
    with pytest.raises(CommandError, match=r"^Writing .* failed: No space left on device\.$"):
        call_command("backup", output=str(folder) + "/", stdout=io.StringIO())
    assert list(folder.iterdir()) == []


def test_backup_without_pg_dump_fails_in_one_line_with_exit_status_1(tmp_path):
    # PostgreSQL settings that are never connected to: the tool is looked for first.
    result = subprocess.run(
        [sys.executable, "manage.py", "backup", "--output", f"{tmp_path}/out/"],
        cwd=settings.BASE_DIR,
        env={
            **os.environ,
            "PATH": str(tmp_path),
            "DATABASE_URL": "postgres://nobody@127.0.0.1:9/none",
        },
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert result.stderr == (
        "CommandError: pg_dump not found on PATH: install the PostgreSQL client tools "
        "(Debian: apt-get install postgresql-client).\n"
    )
    assert not (tmp_path / "out").exists()


# --- what restore refuses ---------------------------------------------------------------------


def write_other_engine_backup(path: Path) -> None:
    """A file that begins as a backup of the engine the tests do not run on."""
    if connection.vendor == "sqlite":
        path.write_bytes(b"PGDMP\x01\x0e\x00\x04\x08\x01\x01\x01" + os.urandom(2000))
    else:
        with contextlib.closing(sqlite3.connect(path)) as other:
            other.execute("CREATE TABLE django_migrations (app, name)")
            other.commit()


def make_bad_file(kind: str, tmp_path: Path, restore_target: dict) -> tuple[Path, str]:
    """A file that must not be restored, and the message that says why."""
    path = tmp_path / "bad" / "backup.bin"
    path.parent.mkdir()
    if kind == "missing":
        return path, "There is no backup at"
    if kind == "empty":
        path.write_bytes(b"")
        return path, "is empty: it is not a backup"
    if kind == "random bytes":
        path.write_bytes(os.urandom(4096))
        return path, "is not a backup: neither a SQLite database nor a pg_dump archive"
    if kind == "other engine":
        write_other_engine_backup(path)
        other = "PostgreSQL" if connection.vendor == "sqlite" else "SQLite"
        return path, (
            f"is a {other} backup, but this database is {ENGINE[connection.vendor]}: "
            f"restore it on {other}"
        )
    if kind == "not the desk":
        with connected(restore_target) as other, other.cursor() as cursor:
            cursor.execute("CREATE TABLE other_application (id integer)")
        path = backups.create_backup(restore_target, path.parent / "other")
        return path, f"is a {ENGINE[connection.vendor]} database, but not the desk's"
    real, _output = back_up(tmp_path)
    if kind == "truncated":
        real.write_bytes(real.read_bytes()[: real.stat().st_size // 2])
        return real, "is damaged: "
    assert kind == "damaged"
    # Bytes overwritten past the header: in the compressed data of a pg_dump archive, in the
    # b-tree pages of a SQLite database.
    data = bytearray(real.read_bytes())
    data[-len(data) // 3 :] = os.urandom(len(data) // 3)
    real.write_bytes(bytes(data))
    return real, "is damaged: "


@pytest.mark.parametrize(
    "kind",
    ["missing", "empty", "random bytes", "other engine", "not the desk", "truncated", "damaged"],
)
def test_restore_refuses_a_file_that_is_not_a_sound_backup_and_changes_nothing(
    kind, tmp_path, restore_target
):
    some_desk_rows()
    path, message = make_bad_file(kind, tmp_path, restore_target)
    before = live_fingerprint()

    # Even with --force: the file is checked before anything else.
    with pytest.raises(CommandError, match=re.escape(message)) as refusal:
        restore(path, force=True)

    assert "\n" not in str(refusal.value)
    assert live_fingerprint() == before


def test_restore_refuses_a_database_that_holds_data_without_force(tmp_path):
    some_desk_rows()
    path, _output = back_up(tmp_path)
    Topic.objects.create(name="Added later", slug="added-later")
    before = live_fingerprint()

    with pytest.raises(CommandError, match=r"already holds data .*add --force to do so"):
        restore(path)

    assert live_fingerprint() == before


def test_freshly_migrated_database_counts_as_empty(db):
    assert backups.tables_with_data(connection.settings_dict) == []
    UserFactory()
    assert backups.tables_with_data(connection.settings_dict) == ["auth_user"]


def test_restore_that_fails_midway_leaves_the_database_as_it_was(tmp_path, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite's backup API writes the whole database in one step or not at all")
    some_desk_rows()
    path, _output = back_up(tmp_path)
    Topic.objects.create(name="Added later", slug="added-later")
    before = live_fingerprint()
    # Another session holds a table the restore must drop, past the restore's patience.
    monkeypatch.setattr(backups, "LOCK_TIMEOUT", "200ms")
    with connected(connection.settings_dict) as other:
        other.set_autocommit(False)
        with other.cursor() as cursor:
            cursor.execute("LOCK TABLE claims_topic IN ACCESS SHARE MODE")
            with pytest.raises(CommandError, match=r"failed, and it is unchanged: .*lock timeout"):
                restore(path, force=True)
        other.rollback()

    assert live_fingerprint() == before


def test_restore_command_fails_in_one_line_with_exit_status_1(tmp_path):
    # Its own SQLite settings, so the refusal cannot touch any shared database.
    database = tmp_path / "never-created.sqlite3"
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(tmp_path / "no-such-backup.dump")],
        cwd=settings.BASE_DIR,
        env={**os.environ, "DATABASE_URL": f"sqlite:///{database}"},
        capture_output=True,
        text=True,
        timeout=60,
    )

    assert result.returncode == 1
    assert result.stderr == f"CommandError: There is no backup at {tmp_path}/no-such-backup.dump.\n"
    assert not database.exists()


def test_the_password_reaches_the_postgresql_tools_in_the_environment_only():
    if not shutil.which("pg_dump"):
        pytest.skip("the PostgreSQL client tools are not installed")
    database = {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "desk",
        "USER": "desk_user",
        "PASSWORD": "s3cret-Pa55",
        "HOST": "db.example",
        "PORT": "6543",
        "OPTIONS": {"sslmode": "require"},
    }

    command, env = backups._pg_command("pg_dump", database, "--format=custom")

    assert command[1:] == [
        "-U", "desk_user", "-h", "db.example", "-p", "6543", "--no-password", "--format=custom",
        "desk",
    ]  # fmt: skip
    assert env["PGPASSWORD"] == "s3cret-Pa55"
    assert env["PGSSLMODE"] == "require"
