"""Backups of the desk's database, and restores that are checked row for row.

`python manage.py backup` and `python manage.py restore PATH` (claims/management/commands/)
are thin wrappers around `create_backup` and `restore_backup`.

Each engine is backed up with its own native tool, online and consistent while the site writes:

- **SQLite**: the `sqlite3` module's online backup API copies the database page by page inside
  one read transaction, so the copy is a consistent snapshot that includes what is still in the
  WAL file, while writers carry on (in WAL mode a reader blocks no one). Copying the file with
  `cp` would miss the WAL and could catch a half-written page. The copy is switched to the
  rollback journal, so a backup is one self-contained file, and holds everything in the
  database: tables, indexes, the integrity triggers (claims/db/triggers.py) and the FTS5 tables.
- **PostgreSQL**: `pg_dump --format=custom` (compressed; `pg_restore` can list it and restore
  parts of it), run in a REPEATABLE READ snapshot that this module exports: the row counts the
  manifest records are taken in the very snapshot pg_dump copies, so they are exact even while
  the site writes. The archive holds the schema, the data, sequences, functions and triggers.

Every backup has a **manifest** beside it, `<backup>.json`: the engine, when it was made, the
file's size and SHA-256, the row count of every table, and the applied migrations. It is a
sidecar file rather than something inside the backup so that it is the same for both engines
(a pg_dump archive has no room for it) and can be read with any tool; the SHA-256 ties the two
together. A restore refuses a backup without its manifest, or one whose bytes differ from what
the manifest recorded (a truncated copy, or the manifest of another backup).

Nothing is ever left half-written under a backup's name: the archive is written to a hidden
`.partial` file in the same folder, synced, and renamed; the manifest is renamed last, so a
backup whose manifest exists is complete, and an interrupted one leaves at most a `.partial`
file (which is deleted when Python can still do so).

A restore replaces the whole database and changes nothing until every check has passed: the
file exists, is not empty, is a backup of this engine, matches its manifest, and the target
holds no data of its own (`force=True` to replace it). It is also atomic: SQLite's backup API
writes the target in one transaction, and on PostgreSQL the old tables are dropped and the
archive restored (`pg_restore` into `psql`) inside one transaction that also checks every
table's row count against the manifest before it commits. Ownership and grants are not
restored (`--no-owner --no-privileges`): the restoring user owns what it restores, so a backup
of one server restores on another with another role. Afterwards the row counts and migrations
are read again and compared with the manifest.

Connection parameters come from the Django settings (`DATABASES`); the password is passed to
the PostgreSQL tools in the environment (PGPASSWORD), never on a command line, and never printed.
The client tools are found on PATH, else in /usr/lib/postgresql/<version>/bin (the newest).
"""

from __future__ import annotations

import contextlib
import datetime
import hashlib
import json
import os
import re
import secrets
import shutil
import sqlite3
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import django
from django.apps import apps
from django.conf import settings
from django.db.utils import load_backend

FORMAT = "factcheck-backup"
FORMAT_VERSION = 1
ENGINE_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}
EXTENSIONS = {"sqlite": ".sqlite3", "postgresql": ".dump"}
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_DUMP_MAGIC = b"PGDMP"
PG_BIN_DIRS = "/usr/lib/postgresql/*/bin"
# Rows that `migrate` itself creates: a freshly migrated database counts as empty.
SEEDED_BY_MIGRATIONS = (
    "contenttypes.ContentType",
    "auth.Permission",
    "auth.Group",
    "auth.Group_permissions",
    "claims.RatingScale",
    "claims.Rating",
)
# Table names a manifest may hold ("table" in the current schema, else "schema.table"); they
# end up in SQL, so anything else is refused.
TABLE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")
# libpq's connection keywords and the environment variables its tools read them from.
LIBPQ_ENV = {
    "host": "PGHOST",
    "port": "PGPORT",
    "user": "PGUSER",
    "password": "PGPASSWORD",
    "dbname": "PGDATABASE",
    "service": "PGSERVICE",
    "passfile": "PGPASSFILE",
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "sslcrl": "PGSSLCRL",
    "connect_timeout": "PGCONNECT_TIMEOUT",
    "options": "PGOPTIONS",
    "application_name": "PGAPPNAME",
    "target_session_attrs": "PGTARGETSESSIONATTRS",
}
# How long a PostgreSQL restore waits for the site's locks on the old tables.
RESTORE_LOCK_TIMEOUT = "60s"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message is one line for the user."""


@dataclass(frozen=True)
class Backup:
    path: Path
    manifest_path: Path
    engine: str
    size: int
    tables: dict[str, int]
    migrations: list[str]
    seconds: float

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


@dataclass(frozen=True)
class Restore:
    path: Path
    engine: str
    target: str
    created: str
    tables: dict[str, int]
    migrations: list[str]
    seconds: float
    # Migrations this code has that the restored database has not applied, and the reverse.
    unapplied: list[str] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return sum(self.tables.values())


# --- what is where ----------------------------------------------------------------------------


def engine_of(database: dict[str, Any]) -> str:
    """'sqlite' or 'postgresql' for a DATABASES entry; anything else is refused."""
    vendor = load_backend(database["ENGINE"]).DatabaseWrapper.vendor
    if vendor not in ENGINE_NAMES:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {database['ENGINE']}.")
    return vendor


def describe(database: dict[str, Any]) -> str:
    """The database in words, for messages (never with its password)."""
    if engine_of(database) == "sqlite":
        return f"the SQLite database {database['NAME']}"
    host = database.get("HOST") or "the local socket"
    port = f":{database['PORT']}" if database.get("PORT") else ""
    return f'the PostgreSQL database "{database.get("NAME")}" on {host}{port}'


def default_backup_name(engine: str, now: datetime.datetime | None = None) -> str:
    now = now or datetime.datetime.now(datetime.UTC)
    return f"factcheck-{engine}-{now:%Y%m%dT%H%M%SZ}{EXTENSIONS[engine]}"


def default_backup_dir() -> Path:
    return Path(settings.BASE_DIR) / "backups"


def manifest_path(path: Path) -> Path:
    return path.with_name(f"{path.name}.json")


def detect_engine(path: Path) -> str | None:
    """The engine a backup file is for, by its first bytes; None when it is neither."""
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_DUMP_MAGIC):
        return "postgresql"
    return None


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _tool_error(stderr: str) -> str:
    """The line of a PostgreSQL tool's output that says what went wrong."""
    lines = [line.strip() for line in stderr.splitlines() if line.strip()]
    for line in lines:
        if re.search(r"\b(ERROR|FATAL|error|fatal):", line):
            return _one_line(re.sub(r"^psql:[^:]*:\d+:\s*", "", line))
    return _one_line(lines[0]) if lines else "no message"


# --- reading a database -----------------------------------------------------------------------


def _fetch(cursor, sql: str) -> list[tuple]:
    cursor.execute(sql)
    return list(cursor.fetchall())


def _tables(cursor, engine: str) -> list[tuple[str, str]]:
    """(key, quoted name) of every table that stores rows. On SQLite, FTS5 virtual tables are
    left out: their rows are stored, and counted, in their shadow tables."""
    if engine == "sqlite":
        rows = _fetch(
            cursor,
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name",
        )
        return [(name, _quote(name)) for (name,) in rows]
    rows = _fetch(
        cursor,
        "SELECT n.nspname, c.relname, n.nspname = current_schema() FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind = 'r' "
        "AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%' "
        "ORDER BY 3 DESC, 1, 2",
    )
    return [
        (name if current else f"{schema}.{name}", f"{_quote(schema)}.{_quote(name)}")
        for schema, name, current in rows
    ]


def table_counts(cursor, engine: str) -> dict[str, int]:
    """Rows per table, every table of the database (not only Django's models)."""
    return {
        key: _fetch(cursor, f"SELECT count(*) FROM {quoted}")[0][0]
        for key, quoted in _tables(cursor, engine)
    }


def applied_migrations(cursor, tables: dict[str, int]) -> list[str]:
    if "django_migrations" not in tables:
        return []
    rows = _fetch(cursor, "SELECT app, name FROM django_migrations ORDER BY app, name")
    return [f"{app}.{name}" for app, name in rows]


def tables_with_data(cursor, engine: str) -> list[str]:
    """The model tables that hold rows, other than what migrations create."""
    existing = {key for key, _quoted in _tables(cursor, engine)}
    seeded = set()
    for label in SEEDED_BY_MIGRATIONS:
        app_label, model_name = label.split(".")
        with contextlib.suppress(LookupError):
            seeded.add(apps.get_model(app_label, model_name)._meta.db_table)
    model_tables = {model._meta.db_table for model in apps.get_models(include_auto_created=True)}
    return [
        table
        for table in sorted(model_tables & existing - seeded)
        if _fetch(cursor, f"SELECT 1 FROM {_quote(table)} LIMIT 1")
    ]


def _sqlite_connect(path: Path | str, *, read_only: bool) -> sqlite3.Connection:
    if read_only:
        return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=20)
    return sqlite3.connect(path, timeout=20)


def _libpq_params(database: dict[str, Any]) -> dict[str, str]:
    params = {
        key: str(value)
        for key, value in (database.get("OPTIONS") or {}).items()
        if key in LIBPQ_ENV and value not in (None, "")
    }
    for key, setting in (
        ("dbname", "NAME"),
        ("user", "USER"),
        ("password", "PASSWORD"),
        ("host", "HOST"),
        ("port", "PORT"),
    ):
        if database.get(setting):
            params[key] = str(database[setting])
    return params


def _libpq_env(params: dict[str, str]) -> dict[str, str]:
    env = dict(os.environ)
    env.update({LIBPQ_ENV[key]: value for key, value in params.items()})
    return env


def _pg_connect(database: dict[str, Any]):
    import psycopg

    params = _libpq_params(database)
    try:
        return psycopg.connect(**params)
    except psycopg.Error as error:
        message = _one_line(str(error))
        if params.get("password"):
            message = message.replace(params["password"], "***")
        raise BackupError(f"Cannot connect to {describe(database)}: {message}") from None


def _pg_tool(name: str, server_major: int = 0) -> str:
    """The path of a PostgreSQL client tool at least as new as the server: PATH first, then
    the newest in /usr/lib/postgresql/*/bin."""
    found = [shutil.which(name)]
    found += sorted(
        (str(p) for p in Path("/").glob(f"{PG_BIN_DIRS.lstrip('/')}/{name}")),
        key=lambda p: [int(part) for part in re.findall(r"\d+", p)],
        reverse=True,
    )
    versions = []
    for candidate in dict.fromkeys(p for p in found if p):
        result = subprocess.run(
            [candidate, "--version"], capture_output=True, text=True, check=False
        )
        match = re.search(r"(\d+)\.\d+", result.stdout)
        if match:
            if int(match.group(1)) >= server_major:
                return candidate
            versions.append(match.group(0))
    if versions:
        raise BackupError(
            f"{name} {versions[0]} is older than the server (PostgreSQL {server_major}): "
            f"install postgresql-client-{server_major}."
        )
    raise BackupError(
        f"{name} not found on PATH or in {PG_BIN_DIRS}: install the PostgreSQL client tools "
        "(Debian: apt-get install postgresql-client)."
    )


# --- making a backup --------------------------------------------------------------------------


def _sqlite_backup(database: dict[str, Any], tmp: Path) -> tuple[dict[str, int], list, str]:
    source_path = Path(database["NAME"])
    if not source_path.is_file():
        raise BackupError(f"There is no SQLite database at {source_path}.")
    try:
        with (
            contextlib.closing(_sqlite_connect(source_path, read_only=True)) as source,
            contextlib.closing(_sqlite_connect(tmp, read_only=False)) as copy,
        ):
            source.backup(copy)
            # One self-contained file: no -wal/-shm beside the backup.
            copy.execute("PRAGMA journal_mode=DELETE")
            cursor = copy.cursor()
            tables = table_counts(cursor, "sqlite")
            migrations = applied_migrations(cursor, tables)
    except sqlite3.Error as error:
        raise BackupError(f"Backing up {source_path} failed: {_one_line(str(error))}") from None
    return tables, migrations, f"SQLite {sqlite3.sqlite_version} online backup API"


def _postgres_backup(database: dict[str, Any], tmp: Path) -> tuple[dict[str, int], list, str]:
    import psycopg

    connection = _pg_connect(database)
    try:
        # pg_dump copies the snapshot exported here; the counts are taken in it too.
        connection.isolation_level = psycopg.IsolationLevel.REPEATABLE_READ
        connection.read_only = True
        cursor = connection.cursor()
        snapshot = _fetch(cursor, "SELECT pg_export_snapshot()")[0][0]
        tables = table_counts(cursor, "postgresql")
        migrations = applied_migrations(cursor, tables)
        pg_dump = _pg_tool("pg_dump", connection.info.server_version // 10000)
        version = subprocess.run([pg_dump, "--version"], capture_output=True, text=True).stdout
        result = subprocess.run(
            [
                pg_dump,
                "--format=custom",
                "--no-password",
                f"--snapshot={snapshot}",
                f"--file={tmp}",
            ],
            env=_libpq_env(_libpq_params(database)),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(f"pg_dump failed: {_tool_error(result.stderr)}")
        connection.rollback()
    except psycopg.Error as error:
        raise BackupError(f"Backing up failed: {_one_line(str(error))}") from None
    finally:
        connection.close()
    return tables, migrations, version.strip()


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _resolve_output(output: Path | str | None, engine: str) -> Path:
    if output is None:
        return default_backup_dir() / default_backup_name(engine)
    text = str(output)
    path = Path(output).expanduser()
    if path.is_dir() or text.endswith(("/", os.sep)):
        return path / default_backup_name(engine)
    return path


def create_backup(database: dict[str, Any], output: Path | str | None = None) -> Backup:
    """Back up the database described by a DATABASES entry to `output` (a file, or a folder
    for the default name; default: backups/factcheck-<engine>-<UTC time>.<ext>)."""
    engine = engine_of(database)
    path = _resolve_output(output, engine)
    manifest = manifest_path(path)
    for existing in (path, manifest):
        if existing.exists():
            raise BackupError(f"{existing} already exists: a backup is never overwritten.")
    made_folder = not path.parent.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BackupError(f"Cannot create the folder {path.parent}: {error.strerror}.") from None
    token = secrets.token_hex(4)
    tmp = path.with_name(f".{path.name}.{token}.partial")
    tmp_manifest = path.with_name(f".{manifest.name}.{token}.partial")
    started = time.monotonic()
    created = datetime.datetime.now(datetime.UTC)
    done = False
    try:
        backup = _sqlite_backup if engine == "sqlite" else _postgres_backup
        tables, migrations, tool = backup(database, tmp)
        _fsync(tmp)
        size = tmp.stat().st_size
        record = {
            "format": FORMAT,
            "version": FORMAT_VERSION,
            "engine": engine,
            "created": created.isoformat(timespec="seconds").replace("+00:00", "Z"),
            "file": path.name,
            "size": size,
            "sha256": _sha256(tmp),
            "tool": tool,
            "django": django.get_version(),
            "rows": sum(tables.values()),
            "tables": tables,
            "migrations": migrations,
        }
        tmp_manifest.write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
        _fsync(tmp_manifest)
        # The archive first, the manifest last: a backup with a manifest is complete.
        if path.exists() or manifest.exists():
            raise BackupError(f"{path} appeared while backing up: a backup is never overwritten.")
        os.replace(tmp, path)
        os.replace(tmp_manifest, manifest)
        with contextlib.suppress(OSError):
            _fsync(path.parent)
        done = True
    except OSError as error:
        raise BackupError(f"Writing {path} failed: {error.strerror or error}.") from None
    finally:
        tmp.unlink(missing_ok=True)
        tmp_manifest.unlink(missing_ok=True)
        if made_folder and not done:  # nor an empty folder
            with contextlib.suppress(OSError):
                path.parent.rmdir()
    return Backup(
        path=path,
        manifest_path=manifest,
        engine=engine,
        size=size,
        tables=tables,
        migrations=migrations,
        seconds=time.monotonic() - started,
    )


# --- checking a backup ------------------------------------------------------------------------


def read_manifest(path: Path) -> dict[str, Any]:
    """The manifest of the backup at `path`, checked for shape (not yet against the file)."""
    manifest = manifest_path(path)
    if not manifest.is_file():
        raise BackupError(
            f"{path} has no manifest {manifest.name} beside it (it records the row counts a "
            "restore is checked against): restore only backups made by `manage.py backup`."
        )
    try:
        record = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        raise BackupError(
            f"{manifest} is not a backup manifest: {_one_line(str(error))}."
        ) from None
    if not isinstance(record, dict):
        raise BackupError(f"{manifest} is not a backup manifest of the desk.")
    tables = record.get("tables")
    if (
        record.get("format") != FORMAT
        or not isinstance(tables, dict)
        or not all(
            isinstance(key, str)
            and TABLE_KEY.fullmatch(key)
            and isinstance(count, int)
            and count >= 0
            for key, count in tables.items()
        )
        or not isinstance(record.get("migrations"), list)
        or not isinstance(record.get("sha256"), str)
    ):
        raise BackupError(f"{manifest} is not a backup manifest of the desk.")
    if not isinstance(record.get("version"), int) or record["version"] > FORMAT_VERSION:
        raise BackupError(
            f"{manifest} is of a newer backup format ({record.get('version')}) than this code "
            f"reads ({FORMAT_VERSION})."
        )
    return record


def check_backup(path: Path | str, engine: str) -> dict[str, Any]:
    """Everything a restore checks before it touches the database; returns the manifest."""
    path = Path(path)
    if not path.exists():
        raise BackupError(f"There is no backup at {path}.")
    if not path.is_file():
        raise BackupError(f"{path} is not a file.")
    if path.stat().st_size == 0:
        raise BackupError(f"{path} is empty: it is not a backup.")
    found = detect_engine(path)
    if found is None:
        raise BackupError(
            f"{path} is not a backup: it is neither a SQLite database nor a pg_dump archive."
        )
    if found != engine:
        raise BackupError(
            f"{path} is a {ENGINE_NAMES[found]} backup, but this database is "
            f"{ENGINE_NAMES[engine]}: restore it on {ENGINE_NAMES[found]}."
        )
    record = read_manifest(path)
    if record.get("engine") != engine:
        raise BackupError(f"{manifest_path(path)} describes a backup of another engine.")
    if _sha256(path) != record["sha256"]:
        raise BackupError(
            f"{path} does not match its manifest (the SHA-256 differs): the file is damaged or "
            "truncated, or the manifest belongs to another backup."
        )
    if engine == "sqlite":
        try:
            with contextlib.closing(_sqlite_connect(path, read_only=True)) as connection:
                rows = _fetch(connection.cursor(), "SELECT name FROM sqlite_master")
        except sqlite3.Error as error:
            raise BackupError(f"{path} cannot be read: {_one_line(str(error))}.") from None
        if ("django_migrations",) not in rows:
            raise BackupError(f"{path} is a SQLite database, but not a backup of the desk.")
    else:
        result = subprocess.run(
            [_pg_tool("pg_restore"), "--list", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise BackupError(
                f"{path} is not a readable pg_dump archive: {_tool_error(result.stderr)}"
            )
    return record


# --- restoring --------------------------------------------------------------------------------


def _inspect(database: dict[str, Any], engine: str) -> tuple[dict[str, int], list[str]]:
    """Row counts and applied migrations of a database, as the manifest records them."""
    if engine == "sqlite":
        connect = _sqlite_connect(database["NAME"], read_only=True)
    else:
        connect = _pg_connect(database)
    with contextlib.closing(connect) as connection:
        cursor = connection.cursor()
        tables = table_counts(cursor, engine)
        return tables, applied_migrations(cursor, tables)


def _target_data(database: dict[str, Any], engine: str) -> list[str]:
    if engine == "sqlite":
        target = Path(database["NAME"])
        if not target.exists() or target.stat().st_size == 0:
            return []
        try:
            with contextlib.closing(_sqlite_connect(target, read_only=True)) as connection:
                return tables_with_data(connection.cursor(), engine)
        except sqlite3.Error as error:
            raise BackupError(f"Cannot read {target}: {_one_line(str(error))}.") from None
    with contextlib.closing(_pg_connect(database)) as connection:
        return tables_with_data(connection.cursor(), engine)


def _sqlite_restore(path: Path, database: dict[str, Any]) -> None:
    target = Path(database["NAME"])
    try:
        with (
            contextlib.closing(_sqlite_connect(path, read_only=True)) as source,
            contextlib.closing(_sqlite_connect(target, read_only=False)) as destination,
        ):
            # One write transaction on the target: all of the backup, or (on error) nothing.
            source.backup(destination)
    except sqlite3.Error as error:
        raise BackupError(
            f"Restoring into {target} failed, and it is unchanged: {_one_line(str(error))}."
        ) from None


def _split_key(key: str) -> tuple[str | None, str]:
    schema, _dot, table = key.rpartition(".")
    return (schema or None), table


def _pg_restore_sql(tables: dict[str, int]) -> tuple[bytes, bytes]:
    """What psql runs before and after pg_restore's script, in one transaction: drop every
    table, view and sequence of the current schema (extensions' own are kept), and at the end
    check each table's row count against the manifest, so that a mismatch rolls it all back."""
    before = f"""
SET client_min_messages = warning;
BEGIN;
SET LOCAL lock_timeout = '{RESTORE_LOCK_TIMEOUT}';
DO $restore$
DECLARE item record;
BEGIN
    FOR item IN
        SELECT c.relname, CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
            WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END AS kind
        FROM pg_class c
        WHERE c.relnamespace = current_schema()::regnamespace
            AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
            AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                            AND d.objid = c.oid AND d.deptype = 'e')
        ORDER BY c.relkind = 'S', c.relname
    LOOP
        EXECUTE format('DROP %s IF EXISTS %I.%I CASCADE', item.kind, current_schema(),
                       item.relname);
    END LOOP;
END $restore$;
"""
    expected = ",\n".join(
        "({schema}, '{table}', {count})".format(
            schema=f"'{schema}'" if schema else "current_schema()", table=table, count=count
        )
        for schema, table, count in (
            (*_split_key(key), count) for key, count in sorted(tables.items())
        )
    )
    after = f"""
RESET search_path;
DO $verify$
DECLARE item record; found bigint;
BEGIN
    FOR item IN SELECT * FROM (VALUES {expected or "(NULL, NULL, 0)"}) AS t(nsp, rel, rows)
        WHERE rel IS NOT NULL
    LOOP
        IF to_regclass(format('%I.%I', item.nsp, item.rel)) IS NULL THEN
            RAISE EXCEPTION 'restore check: table % is missing', item.rel;
        END IF;
        EXECUTE format('SELECT count(*) FROM %I.%I', item.nsp, item.rel) INTO found;
        IF found <> item.rows THEN
            RAISE EXCEPTION 'restore check: % has % rows, the backup recorded %',
                item.rel, found, item.rows;
        END IF;
    END LOOP;
END $verify$;
COMMIT;
"""
    return before.encode(), after.encode()


def _postgres_restore(path: Path, database: dict[str, Any], tables: dict[str, int]) -> None:
    env = _libpq_env(_libpq_params(database))
    pg_restore = _pg_tool("pg_restore")
    psql = _pg_tool("psql")
    before, after = _pg_restore_sql(tables)
    with (
        open(os.devnull, "wb") as devnull,
        _temporary_text() as restore_errors,
        _temporary_text() as psql_errors,
    ):
        # psql runs everything in the one transaction opened in `before`; it is committed only
        # by `after`, which is sent only when pg_restore has written its whole script.
        psql_process = subprocess.Popen(
            [psql, "--no-psqlrc", "--quiet", "--no-password", "--set=ON_ERROR_STOP=1"],
            stdin=subprocess.PIPE,
            stdout=devnull,
            stderr=psql_errors,
            env=env,
        )
        restore_process = subprocess.Popen(
            [
                pg_restore,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--file=-",
                str(path),
            ],
            stdout=subprocess.PIPE,
            stderr=restore_errors,
            env=env,
        )
        assert psql_process.stdin is not None and restore_process.stdout is not None
        try:
            psql_process.stdin.write(before)
            shutil.copyfileobj(restore_process.stdout, psql_process.stdin, 1 << 16)
            if restore_process.wait() == 0:
                psql_process.stdin.write(after)
            psql_process.stdin.close()
        except BrokenPipeError:
            restore_process.kill()
        finally:
            restore_process.stdout.close()
            restore_code = restore_process.wait()
            psql_code = psql_process.wait()
        if psql_code != 0:
            psql_errors.seek(0)
            raise BackupError(
                f"Restoring into {describe(database)} failed, and it is unchanged: "
                f"{_tool_error(psql_errors.read())}"
            )
        if restore_code != 0:
            restore_errors.seek(0)
            raise BackupError(
                f"pg_restore failed, and {describe(database)} is unchanged: "
                f"{_tool_error(restore_errors.read())}"
            )


@contextlib.contextmanager
def _temporary_text() -> Iterator[Any]:
    import tempfile

    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as file:
        yield file


def _migration_differences(migrations: list[str]) -> tuple[list[str], list[str]]:
    """Migrations of this code the database has not applied, and applied ones it lacks."""
    from django.db.migrations.loader import MigrationLoader

    loader = MigrationLoader(None, ignore_no_migrations=True)
    known = {f"{app}.{name}" for app, name in loader.graph.nodes}
    applied = set(migrations)
    migrated_apps = {name.split(".")[0] for name in known}
    unknown = {name for name in applied if name.split(".")[0] in migrated_apps} - known
    return sorted(known - applied), sorted(unknown)


def restore_backup(path: Path | str, database: dict[str, Any], *, force: bool = False) -> Restore:
    """Replace the database described by a DATABASES entry with the backup at `path`, then
    check that every table has the rows the backup recorded. Refuses, changing nothing, when
    the backup is not one of this engine's, or when the target holds data and not `force`."""
    path = Path(path)
    engine = engine_of(database)
    record = check_backup(path, engine)
    if not force and (tables := _target_data(database, engine)):
        shown = ", ".join(tables[:4]) + (f" and {len(tables) - 4} more" if len(tables) > 4 else "")
        target = describe(database)
        raise BackupError(
            f"{target[0].upper()}{target[1:]} already holds data ({shown}); a restore "
            "replaces all of it: add --force to do so."
        )
    started = time.monotonic()
    if engine == "sqlite":
        _sqlite_restore(path, database)
    else:
        _postgres_restore(path, database, record["tables"])
    seconds = time.monotonic() - started
    tables, migrations = _inspect(database, engine)
    if tables != record["tables"]:
        differences = [
            f"{key}: {tables.get(key, 'no table')} rows, backup {record['tables'].get(key, 0)}"
            for key in sorted(set(tables) | set(record["tables"]))
            if tables.get(key) != record["tables"].get(key)
        ]
        raise BackupError(
            f"Restored {path}, but {describe(database)} does not match the backup: "
            + "; ".join(differences[:5])
        )
    if migrations != record["migrations"]:
        raise BackupError(
            f"Restored {path}, but the migrations recorded in {describe(database)} differ "
            "from the backup's."
        )
    unapplied, unknown = _migration_differences(migrations)
    return Restore(
        path=path,
        engine=engine,
        target=describe(database),
        created=str(record.get("created", "")),
        tables=tables,
        migrations=migrations,
        seconds=seconds,
        unapplied=unapplied,
        unknown=unknown,
    )
