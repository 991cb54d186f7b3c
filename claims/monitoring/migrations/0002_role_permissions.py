"""Editors manage the feeds; editors and fact-checkers see them and their items
(`claims.defaults.ROLE_PERMISSIONS`)."""

from django.db import migrations

from claims.defaults import create_permissions_in_migration, create_roles


def forwards(apps, schema_editor):
    create_permissions_in_migration(apps)
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_feeds"), ("jobs", "0002_role_permissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
