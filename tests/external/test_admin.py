"""The external fact-checks in the admin: everyone on the desk reads them, nobody edits them,
and editors import a DataFeed file or a page, which queues a job."""

from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.external.claimreview import record_of
from claims.external.models import ExternalFactCheck
from claims.external.store import upsert

from .conftest import claim_review, datafeed

pytestmark = pytest.mark.django_db

LIST = "admin:external_externalfactcheck_changelist"
IMPORT = "admin:external_externalfactcheck_import"


def upload(content: bytes, name: str = "feed.json") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/json")


@pytest.mark.parametrize("role", ["editor", "fact_checker", "reviewer"])
def test_every_role_reads_the_list_and_a_check(client, request, role):
    upsert([record_of(claim_review(1))], origin="datafeed")
    check = ExternalFactCheck.objects.get()
    client.force_login(request.getfixturevalue(role))

    listed = client.get(reverse(LIST), {"q": "minimum wage"})
    shown = client.get(reverse("admin:external_externalfactcheck_change", args=[check.pk]))

    assert listed.status_code == 200
    assert "The minimum wage doubled" in listed.text
    assert shown.status_code == 200
    assert 'name="claim_text"' not in shown.text  # read-only


def test_only_editors_are_offered_the_import(client, editor, reviewer):
    client.force_login(editor)
    assert reverse(IMPORT) in client.get(reverse(LIST)).text
    assert client.get(reverse(IMPORT)).status_code == 200

    client.force_login(reviewer)
    assert reverse(IMPORT) not in client.get(reverse(LIST)).text
    assert client.get(reverse(IMPORT)).status_code == 403
    response = client.post(reverse(IMPORT), {"datafeed": upload(b"{}")})
    assert response.status_code == 403


def test_an_editor_uploads_a_datafeed_and_the_job_imports_it(client, editor, settings, tmp_path):
    settings.FACTCHECK_EXTERNAL_UPLOAD_DIR = str(tmp_path)
    client.force_login(editor)
    content = json.dumps(datafeed([claim_review(1), claim_review(2)])).encode()

    response = client.post(reverse(IMPORT), {"datafeed": upload(content)}, follow=True)

    assert response.redirect_chain[-1][0] == reverse(LIST)
    assert "The import is queued" in response.text
    assert ExternalFactCheck.objects.count() == 2
    assert list(tmp_path.iterdir()) == []  # the uploaded file went once read


def test_an_editor_gives_a_page_address(client, editor, site, fetch_settings):
    html = f'<script type="application/ld+json">{json.dumps(claim_review(1))}</script>'
    url = site.add("/check", f"<html><head>{html}</head><body></body></html>")
    client.force_login(editor)

    client.post(reverse(IMPORT), {"page": url})

    assert ExternalFactCheck.objects.get().origin_detail == url


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"datafeed": b'{"dataFeedElement": ['}, "not valid JSON"),
        ({"datafeed": b"[]"}, "not a ClaimReview DataFeed"),
        ({}, "Upload a DataFeed file or give a page address."),
    ],
)
def test_a_bad_import_is_a_form_error_and_stores_nothing(client, editor, data, message, tmp_path):
    client.force_login(editor)
    posted = {"datafeed": upload(data["datafeed"])} if "datafeed" in data else {}

    response = client.post(reverse(IMPORT), posted)

    assert response.status_code == 200
    assert message in response.text
    assert not ExternalFactCheck.objects.exists()


def test_both_a_file_and_a_page_is_a_form_error(client, editor):
    client.force_login(editor)
    content = json.dumps(datafeed([claim_review(1)])).encode()

    response = client.post(
        reverse(IMPORT), {"datafeed": upload(content), "page": "https://checker.example/x"}
    )

    assert "Upload a DataFeed file or give a page address." in response.text
    assert not ExternalFactCheck.objects.exists()


def test_the_list_costs_the_same_queries_at_one_and_twenty_checks(client, editor):
    client.force_login(editor)

    def queries_for_list(count: int) -> int:
        ExternalFactCheck.objects.all().delete()
        upsert([record_of(claim_review(n)) for n in range(count)], origin="datafeed")
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(LIST)).status_code == 200
        return len(queries)

    assert queries_for_list(1) == queries_for_list(20)
