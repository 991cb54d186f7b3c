from django.db import migrations, models

from claims.text import excerpt_in_text


def mark_excerpts(apps, schema_editor):
    """The mark for evidence saved before it existed. Queryset updates, a few per thousand rows,
    which neither the public-record triggers (the column is not frozen) nor the history records."""
    Evidence = apps.get_model("claims", "Evidence")
    rows = Evidence.objects.exclude(excerpt="").select_related("source")
    marks = {True: [], False: []}
    for evidence in rows.only("excerpt", "source__text").iterator(chunk_size=2000):
        found = excerpt_in_text(evidence.excerpt, evidence.source.text)
        if found is not None:
            marks[found].append(evidence.pk)
        if len(marks[True]) + len(marks[False]) >= 2000:
            _write(Evidence, marks)
    _write(Evidence, marks)


def _write(Evidence, marks: dict[bool, list[int]]) -> None:
    for found, ids in marks.items():
        if ids:
            Evidence.objects.filter(pk__in=ids).update(excerpt_found=found)
            ids.clear()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0018_correction_signed_off"),
    ]

    operations = [
        migrations.AddField(
            model_name="evidence",
            name="excerpt_found",
            field=models.BooleanField(
                editable=False,
                help_text="Whether the excerpt is in the cited source's stored text (quote marks, dashes, case and spacing ignored; '…' for words left out), as of the last save. Empty when there is no excerpt or the source has no text.",
                null=True,
                verbose_name="excerpt found in the source",
            ),
        ),
        migrations.AddField(
            model_name="historicalevidence",
            name="excerpt_found",
            field=models.BooleanField(
                editable=False,
                help_text="Whether the excerpt is in the cited source's stored text (quote marks, dashes, case and spacing ignored; '…' for words left out), as of the last save. Empty when there is no excerpt or the source has no text.",
                null=True,
                verbose_name="excerpt found in the source",
            ),
        ),
        migrations.RunPython(mark_excerpts, migrations.RunPython.noop),
    ]
