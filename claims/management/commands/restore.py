"""Restore a backup made by `manage.py backup` (see claims/db/backups.py).

    python manage.py restore backups/factcheck-sqlite-20260101T020000Z.sqlite3
    python manage.py restore backups/factcheck-postgresql-20260101T020000Z.dump --force

Replaces the whole database in one transaction. Refuses with a one-line error (exit status 1),
changing nothing, when the file is missing, empty, damaged or not a backup of the desk on this
database's engine, when the database already holds data and --force is not given, or when the
restore itself fails. Never asks a question.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor

from claims.db import backups
from claims.management.commands.backup import shown
from claims.public import cache as public_cache


class Command(BaseCommand):
    # The checks would open the database (and create an empty SQLite file where none is).
    requires_system_checks = []
    help = (
        "Restore a backup made by `manage.py backup` into the database, replacing everything in it."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", metavar="PATH", help="The backup file.")
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
            seconds = backups.restore_backup(path, connection.settings_dict, force=force)
        except backups.BackupError as error:
            raise CommandError(str(error)) from None
        # No page cached before the restore may be served after it.
        public_cache.invalidate()
        if options["verbosity"] == 0:
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {shown(Path(path))} into the "
                f"{backups.describe(connection.settings_dict)} in {seconds:.2f} s"
            )
        )
        executor = MigrationExecutor(connection)
        if unapplied := executor.migration_plan(executor.loader.graph.leaf_nodes()):
            self.stdout.write(
                self.style.WARNING(
                    f"{len(unapplied)} migration(s) of this code not applied in the restored "
                    f"database (first: {unapplied[0][0]}): run `python manage.py migrate`."
                )
            )
