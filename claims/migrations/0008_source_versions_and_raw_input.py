"""Sources keep their raw input and what a fetch recorded, and a URL may have several versions
(unique among current versions only).

SQLite rebuilds claims_source for these changes, and a trigger on claims_statement that reads
claims_source would stop the rebuild half-way, so the triggers are taken down first and put back
at the end (`claims.db.triggers`).
"""

import django.db.models.deletion
from django.db import migrations, models

from claims.db.triggers import install_triggers, remove_triggers


def _install(apps, schema_editor):
    install_triggers(schema_editor.connection)


def _remove(apps, schema_editor):
    remove_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0007_suggestion_decision_permissions"),
    ]

    operations = [
        migrations.RunPython(_remove, _install),
        migrations.RemoveConstraint(
            model_name="source",
            name="source_url_unique",
        ),
        migrations.AddField(
            model_name="source",
            name="final_url",
            field=models.URLField(
                blank=True,
                editable=False,
                help_text="Where the page was fetched from in the end, after redirects.",
                max_length=2000,
                verbose_name="fetched from",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="previous_version",
            field=models.OneToOneField(
                blank=True,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="next_version",
                to="claims.source",
                verbose_name="previous version",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="raw_format",
            field=models.CharField(
                blank=True,
                choices=[("text", "Plain text"), ("html", "HTML")],
                editable=False,
                max_length=8,
                verbose_name="raw format",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="raw_hash",
            field=models.CharField(
                blank=True,
                editable=False,
                help_text="SHA-256 of the bytes received: the file as read or the page as fetched.",
                max_length=64,
                verbose_name="raw hash",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="raw_input",
            field=models.TextField(
                blank=True,
                editable=False,
                help_text="The article exactly as it came in (the pasted or uploaded text, or the page's HTML), before the desk normalised it. Empty for sources typed in by hand.",
                verbose_name="raw input",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="superseded_at",
            field=models.DateTimeField(
                blank=True,
                editable=False,
                help_text="When a newer version of this page was imported; empty while current.",
                null=True,
                verbose_name="superseded",
            ),
        ),
        migrations.AddField(
            model_name="source",
            name="version",
            field=models.PositiveIntegerField(
                default=1,
                editable=False,
                help_text="A changed page at a URL already in the desk is imported as the next version.",
                verbose_name="version",
            ),
        ),
        migrations.AddIndex(
            model_name="source",
            index=models.Index(fields=["content_hash"], name="source_content_hash_idx"),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.UniqueConstraint(
                condition=models.Q(
                    models.Q(("url", ""), _negated=True), ("superseded_at__isnull", True)
                ),
                fields=("url",),
                name="source_url_unique_current",
                violation_error_message="A source with this URL is already in the desk.",
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.UniqueConstraint(
                condition=models.Q(("url", ""), _negated=True),
                fields=("url", "version"),
                name="source_url_version_unique",
                violation_error_message="This URL already has a version with this number.",
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("previous_version__isnull", True), ("version", 1)),
                    models.Q(("previous_version__isnull", False), ("version__gt", 1)),
                    _connector="OR",
                ),
                name="source_version_follows_previous",
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("superseded_at__isnull", True),
                    models.Q(("url", ""), _negated=True),
                    _connector="OR",
                ),
                name="source_superseded_has_url",
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.CheckConstraint(
                condition=models.Q(("raw_format__in", ["", "text", "html"])),
                name="source_raw_format_valid",
            ),
        ),
        migrations.AddConstraint(
            model_name="source",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("raw_hash", ""), ("raw_hash__regex", "^[0-9a-f]{64}$"), _connector="OR"
                ),
                name="source_raw_hash_is_sha256",
            ),
        ),
        migrations.RunPython(_install, _remove),
    ]
