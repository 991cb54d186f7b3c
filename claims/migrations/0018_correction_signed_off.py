"""A review status for a correction the reviewers signed off, which waits for the editor.

SQLite rebuilds claims_review to change its status check, and the triggers that read the table
would stop the rebuild half-way, so they are taken down first and put back at the end (as 0017
does; `claims.db.triggers`, `claims.db.fulltext`).
"""

from django.conf import settings
from django.db import migrations, models

from claims.db.fulltext import install_search_index, remove_search_index
from claims.db.triggers import install_triggers, remove_triggers

STATUSES = [
    ("draft", "Draft"),
    ("submitted", "Submitted for sign-off"),
    ("signed_off", "Signed off, waiting for the editor"),
    ("changes_requested", "Changes requested"),
    ("approved", "Approved"),
]


def _install(apps, schema_editor):
    install_triggers(schema_editor.connection)
    install_search_index(schema_editor.connection)


def _remove(apps, schema_editor):
    remove_search_index(schema_editor.connection)
    remove_triggers(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0017_assignment_due_and_priority"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(_remove, _install),
        migrations.RemoveConstraint(model_name="review", name="review_status_valid"),
        migrations.AlterField(
            model_name="historicalreview",
            name="status",
            field=models.CharField(
                choices=STATUSES,
                default="draft",
                editable=False,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AlterField(
            model_name="review",
            name="status",
            field=models.CharField(
                choices=STATUSES,
                default="draft",
                editable=False,
                max_length=20,
                verbose_name="status",
            ),
        ),
        migrations.AddConstraint(
            model_name="review",
            constraint=models.CheckConstraint(
                condition=models.Q(("status__in", [value for value, _label in STATUSES])),
                name="review_status_valid",
            ),
        ),
        migrations.RunPython(_install, _remove),
    ]
