"""Editors handle readers' messages and edit the About page; fact-checkers and reviewers read
the messages (`claims.defaults.ROLE_PERMISSIONS`)."""

from django.db import migrations

from claims.defaults import create_permissions_in_migration, create_roles


def forwards(apps, schema_editor):
    create_permissions_in_migration(apps)
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_readers"), ("monitoring", "0002_role_permissions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
