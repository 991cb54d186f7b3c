"""Every role may see the editors' decisions on suggestions (`claims.defaults`)."""

from django.db import migrations

from claims.defaults import create_permissions_in_migration, create_roles


def forwards(apps, schema_editor):
    create_permissions_in_migration(apps)
    create_roles(apps)


class Migration(migrations.Migration):
    dependencies = [("claims", "0006_suggestion_decisions")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
