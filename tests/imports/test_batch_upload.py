"""Batch uploads in the admin: a JSONL file or a zip of articles, checked in the request (a file
that is no batch is a form error and stores nothing), imported by a background job that records
its progress, each new source sent on to be read for suggestions and alerts."""

from __future__ import annotations

import io
import json
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.imports.articles import ArticleError
from claims.imports.batches import check_batch
from claims.models import ImportBatch, Source, SourceSuggestions
from claims.tasks import import_batch
from tests.factories import UserFactory
from tests.imports.conftest import PAGE
from tests.jobs.conftest import DATABASE_QUEUE

pytestmark = pytest.mark.django_db
BATCH = reverse("admin:claims_source_batch")

ARTICLES = [
    {
        "title": "Budget row",
        "publisher": "Daily Example",
        "text": '"Unemployment rose by 5% last year," the finance minister, Jane Roe, said.',
    },
    {"title": "No text at all", "publisher": "Daily Example"},
    {
        "title": "Alliance",
        "url": "https://news.example/alliance",
        "text": "The minister said that NATO admitted Montenegro, North Macedonia and Albania.",
    },
]


def jsonl(records=ARTICLES) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def zipped(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(client, name: str, content: bytes):
    return client.post(BATCH, {"file": SimpleUploadedFile(name, content)})


@pytest.fixture
def uploader(client, editor):
    client.force_login(editor)
    return client


def test_a_jsonl_batch_is_imported_with_its_progress_and_failures(
    uploader, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = upload(uploader, "feed.jsonl", jsonl())

    batch = ImportBatch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:claims_source_batch_job", args=[batch.pk])
    assert sorted(Source.objects.values_list("title", flat=True)) == ["Alliance", "Budget row"]
    assert (batch.total, batch.done, len(batch.created), batch.existing) == (3, 3, 2, [])
    assert len(batch.failures) == 1 and batch.failures[0].startswith("feed.jsonl:2: ")
    assert batch.finished_at is not None and bytes(batch.content) == b""
    # Each new source went on to be read for suggestions.
    assert SourceSuggestions.objects.count() == 2

    page = uploader.get(response["Location"]).content.decode()
    assert "3 of 3 articles read" in page
    assert "Done: 2 created, 0 already in the desk, 1 failed." in page
    assert "feed.jsonl:2: " in page and "http-equiv" not in page
    assert "Budget row" in page


def test_the_same_batch_again_stores_nothing_twice(uploader):
    upload(uploader, "feed.jsonl", jsonl())

    upload(uploader, "again.jsonl", jsonl())

    assert Source.objects.count() == 2
    second = ImportBatch.objects.order_by("pk").last()
    assert (second.created, len(second.existing)) == ([], 2)


def test_a_batch_job_run_again_stores_nothing_twice(editor):
    content = jsonl()
    batch = ImportBatch.objects.create(
        name="feed.jsonl", form="jsonl", content=content, size=len(content), uploaded_by=editor
    )
    import_batch.enqueue(batch.pk)
    first = ImportBatch.objects.get()
    # As a retried job finds it: taken back before it could mark itself finished.
    ImportBatch.objects.filter(pk=batch.pk).update(finished_at=None, content=content)

    import_batch.enqueue(batch.pk)

    again = ImportBatch.objects.get()
    assert Source.objects.count() == 2
    assert again.created == first.created and again.existing == []
    assert again.done == 3 and len(again.failures) == 1


def test_a_zip_of_articles_in_folders_is_imported(uploader):
    content = zipped(
        {
            "batch/one.txt": b"Budget row\n\nThe finance minister said unemployment rose by 5%.",
            "batch/pages/two.html": PAGE.encode(),
            "batch/more.jsonl": jsonl(ARTICLES[2:]),
            "__MACOSX/batch/._one.txt": b"\x00\x05\x16\x07",
            "batch/000.desk.json": b"{}",
            "batch/notes.pdf": b"%PDF-1.4",
        }
    )

    upload(uploader, "articles.zip", content)

    batch = ImportBatch.objects.get()
    assert (batch.total, batch.done, len(batch.created), batch.failures) == (3, 3, 3, [])
    titles = set(Source.objects.values_list("title", flat=True))
    assert {"Budget row", "Alliance", "Minister says the alliance grew"} <= titles


BAD_FILES = [
    ("notes.txt", b"Just a text", "upload a .jsonl file or a .zip of articles"),
    ("feed.jsonl", b"", "The submitted file is empty."),
    ("feed.jsonl", b"\n  \n", "the file holds no articles"),
    ("feed.jsonl", b'{"text": "fine"}\n{"text": \n', "feed.jsonl:2: not a JSON object"),
    ("feed.jsonl", b'["a list"]\n', "feed.jsonl:1: each line must be an article object"),
    ("feed.jsonl", b"\xff\xfe\x00garbage", "feed.jsonl"),
    ("articles.zip", b"PK\x03\x04 not really a zip", "not a zip file, or a damaged one"),
    ("articles.zip", zipped({"../evil.txt": b"x"}), "would unpack outside the batch"),
    ("articles.zip", zipped({"/etc/evil.txt": b"x"}), "would unpack outside the batch"),
    ("articles.zip", zipped({"notes.pdf": b"%PDF"}), "no .txt, .html, .json or .jsonl files"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES)
def test_a_bad_file_is_a_form_error_and_stores_nothing(uploader, name, content, message):
    response = upload(uploader, name, content)

    assert response.status_code == 200
    errors = re.search(
        r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode(), re.S
    )
    assert errors and message in errors.group(1)
    assert not ImportBatch.objects.exists() and not Source.objects.exists()


def test_no_file_is_a_form_error(uploader):
    response = uploader.post(BATCH, {})

    assert response.status_code == 200 and "This field is required." in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_batch_over_the_limit_is_refused_before_it_is_read(uploader, settings):
    settings.FACTCHECK_MAX_BATCH_BYTES = 100

    response = upload(uploader, "feed.jsonl", jsonl())

    assert "over the limit of 100 bytes" in response.content.decode()
    assert not ImportBatch.objects.exists()


def test_a_zip_that_unpacks_too_big_or_holds_too_many_files_is_refused(settings):
    settings.FACTCHECK_MAX_BATCH_BYTES = 5_000
    bomb = zipped({"big.txt": b"a" * 1_000_000})  # compresses to a few kilobytes
    assert len(bomb) < 5_000
    with pytest.raises(ArticleError, match="unpack to over the limit of 5,000 bytes"):
        check_batch(bomb, name="bomb.zip", max_bytes=5_000, max_members=10)

    many = zipped({f"{n}.txt": b"words" for n in range(11)})
    with pytest.raises(ArticleError, match="11 files is over the limit of 10"):
        check_batch(many, name="many.zip", max_bytes=5_000, max_members=10)


def test_the_progress_page_follows_a_queued_batch(uploader, settings):
    settings.TASKS = DATABASE_QUEUE
    upload(uploader, "feed.jsonl", jsonl())
    batch = ImportBatch.objects.get()
    url = reverse("admin:claims_source_batch_job", args=[batch.pk])

    queued = uploader.get(url).content.decode()
    assert "Queued: waiting for a worker" in queued and 'http-equiv="refresh"' in queued
    assert "0 of 3 articles read" in queued
    assert not Source.objects.exists()

    import_batch.call(batch.pk)  # what the worker runs

    done = uploader.get(url).content.decode()
    assert "Done: 2 created" in done and 'http-equiv="refresh"' not in done


@pytest.mark.parametrize("role", ["reviewer"])
def test_roles_that_may_not_add_sources_cannot_upload(client, role, request, editor):
    client.force_login(request.getfixturevalue(role))
    batch = ImportBatch.objects.create(
        name="feed.jsonl", form="jsonl", content=b"{}", size=2, uploaded_by=editor
    )

    assert client.get(BATCH).status_code == 403
    assert upload(client, "feed.jsonl", jsonl()).status_code == 403
    assert client.get(reverse("admin:claims_source_batch_job", args=[batch.pk])).status_code == 403
    assert ImportBatch.objects.count() == 1 and not Source.objects.exists()


def test_fact_checkers_may_upload_and_staff_without_a_role_may_not(client, fact_checker):
    client.force_login(fact_checker)
    assert client.get(BATCH).status_code == 200

    client.force_login(UserFactory(username="nobody"))
    assert client.get(BATCH).status_code == 403


def test_an_unknown_batch_answers_404(uploader):
    assert uploader.get(reverse("admin:claims_source_batch_job", args=[999])).status_code == 404
