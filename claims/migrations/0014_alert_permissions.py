"""Every role may see the alerts; editors decide them (`claims.defaults`)."""

from django.db import migrations

from claims.defaults import create_permissions_in_migration, create_roles


def forwards(apps, schema_editor):
    create_permissions_in_migration(apps)
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("claims", "0013_arrival_suggestions_and_alerts")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
