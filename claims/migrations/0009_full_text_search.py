"""Full-text search of claims and sources: FTS5 tables on SQLite, tsvector columns with GIN
indexes on PostgreSQL, kept by triggers (`claims.db.fulltext`)."""

from django.db import migrations

from claims.db.fulltext import install_search_index, remove_search_index


def forwards(apps, schema_editor):
    install_search_index(schema_editor.connection)


def backwards(apps, schema_editor):
    remove_search_index(schema_editor.connection, keep_data=False)


class Migration(migrations.Migration):
    dependencies = [("claims", "0008_source_versions_and_raw_input")]

    operations = [migrations.RunPython(forwards, backwards)]
