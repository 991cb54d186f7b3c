"""Notification e-mails through the real path: the step queues the job in the database queue
on commit, and a real worker process (`manage.py worker`) sends it, here to its console."""

from __future__ import annotations

import pytest

from claims import services
from claims.discussion.models import Notification
from claims.enums import ClaimStatus, Transition
from claims.jobs.models import Job
from tests.factories import ClaimFactory
from tests.jobs.conftest import finished

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_a_worker_sends_the_assignment_email(database_queue, start_worker, editor, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.SELECTED, text="Exports doubled in 2024.")

    services.claim_transition(
        claim=claim, transition=Transition.ASSIGN, by=editor, assignee=fact_checker
    )

    notification = Notification.objects.get(recipient=fact_checker)
    assert notification.emailed_at is None  # nothing sent inside the step
    job = Job.objects.get(task_path="claims.discussion.tasks.send_notification_emails")
    assert job.status == "READY"

    output = finished(
        start_worker(
            "--batch", FACTCHECK_EMAIL_BACKEND="django.core.mail.backends.console.EmailBackend"
        )
    )

    job.refresh_from_db()
    notification.refresh_from_db()
    assert job.status == "SUCCESSFUL", output
    assert notification.emailed_at is not None
    assert f"To: {fact_checker.email}" in output
    assert "Exports doubled in 2024." in output
