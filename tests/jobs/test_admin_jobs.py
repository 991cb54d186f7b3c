"""The jobs in the admin, and the URL import's progress page: what each role sees, the one-line
error, the retry for those who may, and an import that answers before anything is fetched."""

from __future__ import annotations

import datetime
import html

import pytest
from django.tasks import TaskResultStatus
from django.urls import reverse
from django.utils import timezone

from claims.enums import Role
from claims.jobs.models import Job, Worker
from claims.models import Source
from claims.tasks import import_input, import_url
from tests.adminforms import form_data
from tests.factories import SourceFactory, UserFactory
from tests.imports.conftest import PAGE

pytestmark = pytest.mark.django_db
JOBS = reverse("admin:jobs_job_changelist")
IMPORT = reverse("admin:claims_source_import")
ERROR = (
    "claims.imports.fetching.FetchError: https://news.example/gone: the server answered 404 "
    "Not Found"
)
TRACEBACK = f'Traceback (most recent call last):\n  File "x.py", line 1, in y\n{ERROR}\n'


def job_in(status: str, *, url: str = "https://news.example/gone", **fields) -> Job:
    job = import_url.enqueue(url)
    defaults = {"worker_ids": ["w1"]} if status != "READY" else {}
    Job.objects.filter(pk=job.id).update(status=status, **{**defaults, **fields})
    return Job.objects.get(pk=job.id)


def failed_job(**fields) -> Job:
    return job_in(
        "FAILED",
        exception_class_path="claims.imports.fetching.FetchError",
        traceback=TRACEBACK,
        finished_at=timezone.now(),
        **fields,
    )


def login(client, *roles: str, **fields):
    client.force_login(UserFactory(username="-".join(roles) or "root", roles=list(roles), **fields))
    return client


def text(response) -> str:
    return html.unescape(response.content.decode())


def test_the_jobs_list_shows_each_state_and_a_failures_reason(client, database_queue):
    queued, running, failed = job_in("READY"), job_in("RUNNING"), failed_job()
    login(client, Role.EDITOR)

    page = text(client.get(JOBS))

    for job in (queued, running, failed):
        assert str(job.pk)[:8] in page
    assert "import_url" in page
    assert "https://news.example/gone: the server answered 404 Not Found" in page
    assert "FetchError: " not in page  # the reason, not the exception's name


def test_a_job_waiting_for_its_next_try_says_when(client, database_queue):
    later = timezone.now() + datetime.timedelta(minutes=5)
    job_in("READY", worker_ids=["w1"], run_after=later, traceback=TRACEBACK)
    login(client, Role.EDITOR)

    page = text(client.get(JOBS))

    assert "waiting to try again at" in page


def test_an_editor_may_queue_a_failed_job_again(client, database_queue):
    job = failed_job()
    login(client, Role.EDITOR)
    change = reverse("admin:jobs_job_change", args=[job.pk])
    retry = reverse("admin:jobs_job_retry", args=[job.pk])

    assert retry in text(client.get(change))
    response = client.post(retry)

    assert response.status_code == 302 and response.url == change
    job.refresh_from_db()
    assert job.status == TaskResultStatus.READY


def test_the_retry_action_queues_only_the_failed_jobs(client, database_queue):
    failed, done = failed_job(), job_in("SUCCESSFUL")
    login(client, Role.EDITOR)

    response = client.post(
        JOBS,
        {"action": "retry_selected", "_selected_action": [failed.pk, done.pk]},
        follow=True,
    )

    assert "1 job queued again." in text(response)
    assert "1 job was not failed" in text(response)
    assert Job.objects.get(pk=failed.pk).status == "READY"
    assert Job.objects.get(pk=done.pk).status == "SUCCESSFUL"


def test_a_fact_checker_sees_the_jobs_but_may_not_retry(client, database_queue):
    job = failed_job()
    login(client, Role.FACT_CHECKER)
    retry = reverse("admin:jobs_job_retry", args=[job.pk])

    page = text(client.get(JOBS))
    change = text(client.get(reverse("admin:jobs_job_change", args=[job.pk])))

    assert str(job.pk)[:8] in page and "retry_selected" not in page
    assert retry not in change
    assert client.post(retry).status_code == 403
    assert Job.objects.get(pk=job.pk).status == "FAILED"


def test_a_reviewer_does_not_see_the_jobs(client, database_queue):
    failed_job()
    login(client, Role.REVIEWER)

    assert client.get(JOBS).status_code == 403


def test_the_workers_are_listed_for_superusers_only(client, database_queue):
    now = timezone.now()
    Worker.objects.create(worker_id="w-one", hostname="box", pid=7, started_at=now, seen_at=now)

    assert client.get(reverse("admin:jobs_worker_changelist")).status_code == 302
    login(client, Role.EDITOR)
    assert client.get(reverse("admin:jobs_worker_changelist")).status_code == 403
    client.force_login(UserFactory(username="root", is_superuser=True))
    assert "w-one" in text(client.get(reverse("admin:jobs_worker_changelist")))


@pytest.mark.parametrize("count", [1, 20])
def test_the_jobs_list_runs_the_same_queries_however_many_jobs(
    client, database_queue, django_assert_num_queries, count
):
    for _ in range(count):
        failed_job()
    login(client, Role.EDITOR)
    client.get(JOBS)  # sessions and permissions warmed up

    with django_assert_num_queries(8):
        assert client.get(JOBS).status_code == 200


# --- the URL import's progress ------------------------------------------------------------


def import_form(client) -> dict:
    return form_data(client.get(IMPORT), "source-import-form")


def test_a_url_import_answers_with_the_jobs_page_before_anything_is_fetched(
    client, database_queue, site, fetch_settings
):
    url = site.add("/story", PAGE)
    login(client, Role.EDITOR)

    response = client.post(IMPORT, {**import_form(client), "url": url, "publisher": "Agency"})

    job = Job.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("admin:claims_source_import_job", args=[str(job.pk)])
    assert site.hits == [] and not Source.objects.exists()
    assert job.status == "READY" and job.args_kwargs == {
        "args": [url],
        "kwargs": {"title": "", "publisher": "Agency", "language": "", "kind": "article"},
    }


def progress(client, job: Job):
    return client.get(reverse("admin:claims_source_import_job", args=[str(job.pk)]))


def test_a_queued_import_says_so_and_reloads(client, database_queue):
    job = job_in("READY")
    login(client, Role.EDITOR)

    page = text(progress(client, job))

    assert "Queued: waiting for a worker" in page
    assert '<meta http-equiv="refresh" content="2">' in page
    assert "No worker has said it is running lately" in page


def test_a_queued_import_with_a_worker_alive_has_no_warning(client, database_queue):
    now = timezone.now()
    Worker.objects.create(worker_id="w1", hostname="box", pid=7, started_at=now, seen_at=now)
    job = job_in("READY")
    login(client, Role.EDITOR)

    assert "No worker has said" not in text(progress(client, job))


def test_an_import_waiting_to_try_again_says_when_and_why(client, database_queue):
    later = timezone.now() + datetime.timedelta(minutes=5)
    job = job_in("READY", worker_ids=["w1"], run_after=later, traceback=TRACEBACK)
    login(client, Role.EDITOR)

    page = text(progress(client, job))

    assert "it will be tried again at" in page
    assert "the server answered 404 Not Found" in page


def test_a_running_import_says_so(client, database_queue):
    job = job_in("RUNNING", started_at=timezone.now())
    login(client, Role.EDITOR)

    page = text(progress(client, job))

    assert "Running: fetching the page" in page and 'http-equiv="refresh"' in page


@pytest.mark.parametrize(
    ("created", "message"), [(True, "was imported"), (False, "was already in the desk")]
)
def test_a_finished_import_links_to_its_source(client, database_queue, created, message):
    source = SourceFactory(title="Budget passes")
    job = job_in("SUCCESSFUL", return_value={"source": source.pk, "created": created})
    login(client, Role.EDITOR)

    page = text(progress(client, job))

    assert f"“Budget passes” {message} (source {source.pk})" in page
    assert reverse("admin:claims_source_change", args=[source.pk]) in page
    assert 'http-equiv="refresh"' not in page


def test_a_failed_import_gives_its_reason_in_one_line(client, database_queue):
    job = failed_job()
    login(client, Role.EDITOR)

    page = text(progress(client, job))

    assert "Failed: the article was not imported." in page
    assert "https://news.example/gone: the server answered 404 Not Found" in page
    assert "Traceback" not in page and 'http-equiv="refresh"' not in page


def test_the_progress_page_is_for_those_who_may_import(client, database_queue):
    job = job_in("READY")
    login(client, Role.REVIEWER)

    assert progress(client, job).status_code == 403


@pytest.mark.parametrize("job_id", ["0d1b0d1b-0000-4000-8000-000000000000", "not-a-job"])
def test_an_unknown_job_is_not_found(client, database_queue, job_id):
    login(client, Role.EDITOR)

    url = reverse("admin:claims_source_import_job", args=[job_id])

    assert client.get(url).status_code == 404


def test_another_kind_of_job_is_not_shown_as_an_import(client, database_queue, tmp_path):
    other = import_input.enqueue(str(tmp_path / "batch.jsonl"), "jsonl")
    login(client, Role.EDITOR)

    url = reverse("admin:claims_source_import_job", args=[other.id])

    assert client.get(url).status_code == 404
