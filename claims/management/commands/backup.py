"""Back up the database with its engine's own tool (see claims/db/backups.py).

    python manage.py backup                       # backups/factcheck-<engine>-<UTC time>.<ext>
    python manage.py backup --output /srv/backups/
    python manage.py backup --output nightly.dump -v 0   # prints only the path

An error is one line and the exit status 1; a failed backup leaves nothing under the backup's
name, and an existing file is never overwritten.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.template.defaultfilters import filesizeformat

from claims.db import backups


class Command(BaseCommand):
    # The checks would open the database (and create an empty SQLite file where none is).
    requires_system_checks = []
    help = (
        "Back up the database: SQLite with its online backup API, PostgreSQL with pg_dump "
        "--format=custom."
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
        settings_dict = connections[database].settings_dict
        started = time.monotonic()
        try:
            path = backups.create_backup(settings_dict, output)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        if options["verbosity"] == 0:
            self.stdout.write(shown(path))
            return
        self.stdout.write(
            self.style.SUCCESS(f"Backed up the {backups.describe(settings_dict)} to {shown(path)}")
        )
        size = filesizeformat(path.stat().st_size).replace("\xa0", " ")
        self.stdout.write(f"{size} in {time.monotonic() - started:.2f} s")


def shown(path: Path) -> str:
    """A path relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)
