"""Editors and fact-checkers see the jobs; editors may queue a failed one again
(`claims.defaults.ROLE_PERMISSIONS`)."""

from django.db import migrations

from claims.defaults import create_permissions_in_migration, create_roles


def forwards(apps, schema_editor):
    create_permissions_in_migration(apps)
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("jobs", "0001_workers_and_jobs"), ("claims", "0012_public_record")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
