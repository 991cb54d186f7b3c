"""Restore a backup made by `manage.py backup` (see claims/db/backups.py).

    python manage.py restore backups/factcheck-sqlite-20260101T020000Z.sqlite3
    python manage.py restore backups/factcheck-postgresql-20260101T020000Z.dump --force

Replaces the whole database, then checks that every table has the rows the backup's manifest
recorded. Refuses with a one-line error (exit status 1), changing nothing, when the file is
missing, empty, not a backup of this database's engine, does not match its manifest, or when the
database already holds data and --force is not given. Never asks a question.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections

from claims.db import backups
from claims.management.commands.backup import shown
from claims.public import cache as public_cache


class Command(BaseCommand):
    # The checks would open the database (and create an empty SQLite file where none is).
    requires_system_checks = []
    help = (
        "Restore a backup made by `manage.py backup` into the database (replacing everything in "
        "it) and check every table's row count against the backup's manifest."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", metavar="PATH", help="The backup file (its .json beside it).")
        parser.add_argument(
            "--force",
            action="store_true",
            help="Replace a database that already holds data (everything in it is lost).",
        )
        parser.add_argument(
            "--database",
            default=DEFAULT_DB_ALIAS,
            choices=list(connections),
            help="The database to restore into (default: default).",
        )

    def handle(self, *args: Any, path: str, force: bool, database: str, **options: Any) -> None:
        connection = connections[database]
        # This process's own connection must not hold anything the restore replaces.
        connection.close()
        try:
            restore = backups.restore_backup(path, connection.settings_dict, force=force)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        # No page cached before the restore may be served after it.
        public_cache.invalidate()
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {shown(restore.path)} (made {restore.created}) into {restore.target} "
                f"in {restore.seconds:.2f} s"
            )
        )
        self.stdout.write(
            f"Checked: {restore.rows:,} rows in {len(restore.tables)} tables and "
            f"{len(restore.migrations)} migrations, as the backup recorded."
        )
        if restore.unapplied:
            self.stdout.write(
                self.style.WARNING(
                    f"{migrations(restore.unapplied)} of this code not applied in the restored "
                    f"database (first: {restore.unapplied[0]}): run `python manage.py migrate`."
                )
            )
        if restore.unknown:
            self.stdout.write(
                self.style.WARNING(
                    f"The backup has {migrations(restore.unknown)} this code does not know "
                    f"(first: {restore.unknown[0]}): it was made by a newer version of the desk."
                )
            )


def migrations(names: list[str]) -> str:
    return f"{len(names)} migration{'' if len(names) == 1 else 's'}"
