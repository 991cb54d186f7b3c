"""Arrivals with a real worker process (`manage.py worker`) on the test database: a batch
uploaded in the admin is imported by the worker, and each new source it stores is read by the
worker in turn (its suggestions stored, its alerts raised)."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.jobs.models import Job
from claims.models import Alert, ImportBatch, Source, SourceSuggestions
from tests.factories import UserFactory
from tests.jobs.conftest import finished
from tests.jobs.test_arrival import NEW_ARTICLE

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_worker_imports_a_batch_and_reads_each_new_source(
    client, database_queue, start_worker, publish
):
    earlier = publish("false", text="NATO admitted Montenegro, North Macedonia and Albania")
    client.force_login(UserFactory(username="edna", roles=["Editor"]))
    records = [
        {"title": "Repeat", "url": "https://news.example/repeat", "text": NEW_ARTICLE},
        {"title": "Budget", "text": '"Unemployment rose by 5% last year," Jane Roe said.'},
    ]
    content = "".join(json.dumps(record) + "\n" for record in records).encode()
    client.post(
        reverse("admin:claims_source_batch"),
        {"file": SimpleUploadedFile("feed.jsonl", content)},
    )
    batch = ImportBatch.objects.get()
    assert batch.done == 0 and not Source.objects.filter(title="Repeat").exists()

    output = finished(start_worker("--batch"))

    batch.refresh_from_db()
    assert (batch.done, len(batch.created), batch.failures) == (2, 2, []), output
    assert SourceSuggestions.objects.filter(source_id__in=batch.created).count() == 2
    alert = Alert.objects.get()
    assert (alert.source.title, alert.claim) == ("Repeat", earlier)
    # The published claim's embedding job ran too (claims.matching); these are the arrival's.
    assert not Job.objects.exclude(status="SUCCESSFUL").exists()
    tasks = sorted(
        Job.objects.filter(task_path__startswith="claims.tasks.").values_list("task_path", "status")
    )
    assert tasks == [
        ("claims.tasks.import_batch", "SUCCESSFUL"),
        ("claims.tasks.process_source", "SUCCESSFUL"),
        ("claims.tasks.process_source", "SUCCESSFUL"),
    ]
    page = client.get(reverse("admin:claims_source_batch_job", args=[batch.pk])).content.decode()
    assert "Done: 2 created" in page
