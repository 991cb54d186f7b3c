"""Install the integrity triggers described in `claims.db.triggers`."""

from django.db import migrations

from claims.db.triggers import install_triggers, remove_triggers


def forwards(apps, schema_editor):
    install_triggers(schema_editor.connection)


def backwards(apps, schema_editor):
    remove_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("claims", "0002_default_rating_scale")]

    operations = [migrations.RunPython(forwards, backwards)]
