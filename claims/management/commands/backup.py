"""Back up the database with its engine's own tool (see claims/db/backups.py).

    python manage.py backup                       # backups/factcheck-<engine>-<UTC time>.<ext>
    python manage.py backup --output /srv/backups/
    python manage.py backup --output nightly.dump -v 0   # prints only the path

Prints the path, the size and the rows per table, and writes `<backup>.json` beside it (the
manifest a restore checks against). An error is one line and the exit status 1; a failed backup
leaves nothing under the backup's name.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from claims.db import backups


def human_size(size: int) -> str:
    if size < 1000:
        return f"{size} bytes"
    value, unit = size / 1000, "KB"
    for bigger in ("MB", "GB", "TB"):
        if round(value, 1) < 1000:
            break
        value, unit = value / 1000, bigger
    return f"{value:.1f} {unit}"


class Command(BaseCommand):
    # The checks would open the database (and create an empty SQLite file where none is).
    requires_system_checks = []
    help = (
        "Back up the database: SQLite with its online backup API, PostgreSQL with pg_dump "
        "--format=custom. Writes the backup and a manifest (<backup>.json) of its row counts."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output",
            "-o",
            metavar="PATH",
            help="The backup file, or an existing folder (or a path ending in /) to put it in "
            "under the default name (default: backups/factcheck-<engine>-<UTC time>.sqlite3 "
            "or .dump, in the project).",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            choices=list(connections),
            help="The database to back up (default: default).",
        )

    def handle(self, *args: Any, output: str | None, database: str, **options: Any) -> None:
        verbosity = options["verbosity"]
        try:
            backup = backups.create_backup(connections[database].settings_dict, output)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        path = shown(backup.path)
        if verbosity == 0:
            self.stdout.write(path)
            return
        tables = backup.tables if verbosity > 1 else {k: v for k, v in backup.tables.items() if v}
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {backups.describe(connections[database].settings_dict)} to {path}"
            )
        )
        self.stdout.write(
            f"{human_size(backup.size)}, {backup.rows:,} rows in {len(backup.tables)} tables, "
            f"{len(backup.migrations)} migrations, in {backup.seconds:.2f} s; "
            f"manifest {shown(backup.manifest_path)}"
        )
        width = max((len(name) for name in tables), default=0)
        for name, count in tables.items():
            self.stdout.write(f"  {name:<{width}}  {count:>9,}")


def shown(path: Path) -> str:
    """A path relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
