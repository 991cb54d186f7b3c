"""Everyone on the desk sees the external fact-checks; editors import them
(`claims.defaults.ROLE_PERMISSIONS`)."""

from django.db import migrations

from claims.defaults import create_permissions_in_migration, create_roles


def forwards(apps, schema_editor):
    create_permissions_in_migration(apps)
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("external", "0001_external_fact_checks"),
        ("monitoring", "0002_role_permissions"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
