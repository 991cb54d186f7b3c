"""Backups of the desk's database, and restores, by each engine's own tools.

- SQLite: the `sqlite3` module's online backup API, all pages in one step, which reads the
  source in one transaction (a consistent copy, WAL included, while the site writes; `cp`
  could catch a half-written page) and writes the target in one (a restore is all or nothing).
- PostgreSQL: `pg_dump --format=custom`, which dumps one snapshot while the site writes. A
  restore has `pg_restore` turn the whole archive into SQL first, so a damaged archive is
  refused before the database is touched; `psql` then drops the old tables and runs that SQL
  in one transaction, so a failure leaves the database as it was.

The PostgreSQL tools get the connection from DATABASES through Django's own `dbshell` mapping:
host, port, user and database as arguments, the password in the environment (PGPASSWORD).
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import DatabaseError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.postgresql.client import DatabaseClient
from django.db.utils import load_backend

ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
EXTENSIONS = {"sqlite": ".sqlite3", "postgresql": ".dump"}
# How a SQLite database and a pg_dump custom-format archive begin.
MAGIC = {"sqlite": b"SQLite format 3\x00", "postgresql": b"PGDMP"}
# Rows that `migrate` itself writes: a freshly migrated database counts as empty.
SEEDED_BY_MIGRATIONS = ("contenttypes.ContentType", "auth.Permission", "auth.Group")
SEEDED_BY_MIGRATIONS += ("auth.Group_permissions", "claims.RatingScale", "claims.Rating")
# A PostgreSQL restore gives up, changing nothing, if the site holds the old tables this long.
LOCK_TIMEOUT = "60s"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is one line for the user."""


def engine_of(database: dict[str, Any]) -> str:
    vendor = load_backend(database["ENGINE"]).DatabaseWrapper.vendor
    if vendor not in ENGINE_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {database['ENGINE']}.")
    return vendor


def describe(database: dict[str, Any]) -> str:
    """The database in words, for messages (never with its password)."""
    where = f" on {database['HOST']}" if database.get("HOST") else ""
    return f"{ENGINE_NAMES[engine_of(database)]} database {database['NAME']}{where}"


def _one_line(text: str) -> str:
    """The line of an error output that says what went wrong."""
    lines = [line for line in text.splitlines() if line.strip()] or [""]
    line = next((ln for ln in lines if re.search(r"\b(ERROR|FATAL|error):", ln)), lines[0])
    return " ".join(re.sub(r"^psql:[^:]*:\d+:", "", line).split())


def _tool(name: str) -> str:
    if found := shutil.which(name):
        return found
    raise BackupError(
        f"{name} not found on PATH: install the PostgreSQL client tools "
        "(Debian: apt-get install postgresql-client)."
    )


def _pg_command(tool: str, database: dict[str, Any], *args: str) -> tuple[list[str], dict]:
    command, env = DatabaseClient.settings_to_cmd_args_env(database, ["--no-password", *args])
    return [_tool(tool), *command[1:]], {**os.environ, **(env or {})}


def _run(command: list[str], failure: str, env: dict[str, str] | None = None) -> str:
    # What a damaged archive makes a tool print may quote its bytes, which need not be UTF-8.
    result = subprocess.run(
        command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, errors="replace"
    )
    if result.returncode != 0:
        # A tool that crashes (pg_restore can, on some damaged archives) says nothing.
        status = f"{Path(command[0]).name} ended with status {result.returncode}"
        raise BackupError(f"{failure}: {_one_line(result.stderr) or status}")
    return result.stdout


def _sqlite_read_only(path: Path) -> contextlib.closing[sqlite3.Connection]:
    uri = f"{path.resolve().as_uri()}?mode=ro"
    return contextlib.closing(sqlite3.connect(uri, uri=True, timeout=20))


def _sqlite_copy(source: Path, target: Path, failure: str) -> None:
    try:
        with (
            _sqlite_read_only(source) as origin,
            contextlib.closing(sqlite3.connect(target, timeout=20)) as copy,
        ):
            origin.backup(copy)  # pages=-1: everything in one step
    except sqlite3.Error as error:
        raise BackupError(f"{failure}: {_one_line(str(error))}.") from None


@contextlib.contextmanager
def _connected(database: dict[str, Any]) -> Iterator[BaseDatabaseWrapper]:
    """A Django connection to a database given by its settings, which need not be an alias."""
    connection = load_backend(database["ENGINE"]).DatabaseWrapper(database, alias="backups")
    try:
        yield connection
    except DatabaseError as error:
        raise BackupError(
            f"Cannot read the {describe(database)}: {_one_line(str(error))}"
        ) from None
    finally:
        connection.close()


def create_backup(database: dict[str, Any], output: Path | str | None = None) -> Path:
    """Back up a database (a DATABASES entry) to `output`: a file, or a folder (existing, or a
    path ending in /) for the default name; by default the project's backups/ folder."""
    engine = engine_of(database)
    now = datetime.datetime.now(datetime.UTC)
    name = f"factcheck-{engine}-{now:%Y%m%dT%H%M%SZ}{EXTENSIONS[engine]}"
    path = Path(output).expanduser() if output else Path(settings.BASE_DIR) / "backups" / name
    if output and (path.is_dir() or str(output).endswith(("/", os.sep))):
        path = path / name
    if path.exists():
        raise BackupError(f"{path} already exists: a backup is never overwritten.")
    source = Path(database["NAME"])
    if engine == "sqlite" and not source.is_file():
        raise BackupError(f"There is no SQLite database at {source}.")
    # Written under a hidden name and renamed once complete, so that a failed or interrupted
    # backup never leaves a file that looks like one.
    partial = path.with_name(f".{path.name}.{secrets.token_hex(4)}.partial")
    if engine == "postgresql":
        dump, env = _pg_command("pg_dump", database, "--format=custom", f"--file={partial}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if engine == "postgresql":
            _run(dump, f"pg_dump of the {describe(database)} failed", env)
        else:
            _sqlite_copy(source, partial, f"Backing up {source} failed")
            # One self-contained file: a copy left in WAL mode would need a -wal file beside it.
            with contextlib.closing(sqlite3.connect(partial)) as copy:
                copy.execute("PRAGMA journal_mode=DELETE")
        with partial.open("rb") as file:
            os.fsync(file.fileno())  # on disk before it has the backup's name
        os.replace(partial, path)
    except OSError as error:
        raise BackupError(f"Writing {path} failed: {error.strerror or error}.") from None
    finally:
        partial.unlink(missing_ok=True)
    return path


def check_backup(path: Path, engine: str) -> None:
    """Refuse, saying why, a file that is not a readable backup of the desk for this engine."""
    if not path.is_file():
        raise BackupError(f"There is no backup at {path}.")
    with path.open("rb") as file:
        head = file.read(16)
    if not head:
        raise BackupError(f"{path} is empty: it is not a backup.")
    found = next((kind for kind, magic in MAGIC.items() if head.startswith(magic)), None)
    if found is None:
        raise BackupError(
            f"{path} is not a backup: neither a SQLite database nor a pg_dump archive."
        )
    if found != engine:
        raise BackupError(
            f"{path} is a {ENGINE_NAMES[found]} backup, but this database is "
            f"{ENGINE_NAMES[engine]}: restore it on {ENGINE_NAMES[found]}."
        )
    if engine == "sqlite":
        try:
            with _sqlite_read_only(path) as backup:
                problem = backup.execute("PRAGMA quick_check").fetchone()[0]
                tables = [row[0] for row in backup.execute("SELECT name FROM sqlite_master")]
        except sqlite3.Error as error:
            problem = str(error)
        if problem != "ok":
            raise BackupError(f"{path} is damaged: {_one_line(problem)}.")
    else:
        # The table of contents only: the restore reads all of the data before it writes.
        listing = _run([_tool("pg_restore"), "--list", str(path)], f"{path} is damaged")
        tables = re.findall(r" TABLE \S+ (\S+) ", listing)
    if "django_migrations" not in tables:
        raise BackupError(f"{path} is a {ENGINE_NAMES[engine]} database, but not the desk's.")


def tables_with_data(database: dict[str, Any]) -> list[str]:
    """The model tables that hold rows, other than those that migrations fill."""
    if engine_of(database) == "sqlite" and not Path(database["NAME"]).is_file():
        return []  # (connecting would create the file)
    seeded = {apps.get_model(label)._meta.db_table for label in SEEDED_BY_MIGRATIONS}
    with _connected(database) as connection, connection.cursor() as cursor:
        tables = set(connection.introspection.django_table_names(only_existing=True)) - seeded
        found = []
        for table in sorted(tables):
            cursor.execute(f"SELECT 1 FROM {connection.ops.quote_name(table)} LIMIT 1")
            if cursor.fetchone():
                found.append(table)
        return found


def restore_backup(path: Path | str, database: dict[str, Any], *, force: bool = False) -> float:
    """Replace a database (a DATABASES entry) with the backup at `path`; returns the seconds it
    took. Changes nothing when the file is not a backup of this engine, when the database holds
    data and not `force`, or when the restore fails."""
    path = Path(path)
    engine = engine_of(database)
    check_backup(path, engine)
    if not force and (tables := tables_with_data(database)):
        shown = ", ".join(tables[:4]) + (f" and {len(tables) - 4} more" if len(tables) > 4 else "")
        raise BackupError(
            f"The {describe(database)} already holds data ({shown}); a restore replaces all of it: "
            "add --force to do so."
        )
    started = time.monotonic()
    failure = f"Restoring into the {describe(database)} failed, and it is unchanged"
    if engine == "sqlite":
        _sqlite_copy(path, Path(database["NAME"]), failure)
        return time.monotonic() - started
    # Every table goes, not only those in the archive: tables of later migrations left behind
    # would make the next `migrate` fail.
    with _connected(database) as connection:
        tables = [connection.ops.quote_name(t) for t in connection.introspection.table_names()]
    drop = f"DROP TABLE IF EXISTS {', '.join(tables)} CASCADE;" if tables else ""
    with tempfile.TemporaryDirectory(prefix="factcheck-restore-") as folder:
        script = f"{folder}/restore.sql"
        to_sql = ["--clean", "--if-exists", "--no-owner", "--no-privileges", f"--file={script}"]
        _run([_tool("pg_restore"), *to_sql, str(path)], f"{path} is damaged")
        psql = ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", "--single-transaction"]
        psql += [f"--command=SET LOCAL lock_timeout = '{LOCK_TIMEOUT}'; {drop}", f"--file={script}"]
        command, env = _pg_command("psql", database, *psql)
        _run(command, failure, env)
    return time.monotonic() - started
