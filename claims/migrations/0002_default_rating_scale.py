"""The default rating scale (`claims.defaults`). Ratings are data: editors may add scales."""

from django.db import migrations

from claims.defaults import create_default_scale


def forwards(apps, schema_editor):
    create_default_scale(apps)


class Migration(migrations.Migration):
    dependencies = [("claims", "0001_initial")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
