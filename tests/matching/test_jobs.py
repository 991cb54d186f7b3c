"""The jobs, the signals that enqueue them once a save commits, and the backfill command."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from django.db import transaction
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from claims.matching.index import read_manifest, search
from claims.matching.models import ClaimEmbedding
from claims.matching.tasks import embed_claims, refresh_index
from tests.factories import ClaimFactory
from tests.jobs.conftest import DATABASE_QUEUE

pytestmark = pytest.mark.django_db


def queued(task) -> list[list]:
    return [
        row.args_kwargs["args"]
        for row in DBTaskResult.objects.filter(task_path=task.module_path).order_by("enqueued_at")
    ]


def test_embed_claims_job_embeds_and_refreshes_the_index(claims, own_index):
    job = embed_claims.enqueue([claims["wages"].pk, claims["nato"].pk])

    assert job.status == TaskResultStatus.SUCCESSFUL
    assert job.return_value["embedded"] == 2
    assert job.return_value["index"] == {"action": "rebuilt", "vectors": 2}
    assert read_manifest(own_index).count == 2


def test_embed_claims_job_run_twice_makes_nothing_twice(claims):
    embed_claims.enqueue([claims["wages"].pk])

    again = embed_claims.enqueue([claims["wages"].pk])

    assert again.return_value == {"checked": 1, "embedded": 0}
    assert ClaimEmbedding.objects.count() == 1


def test_refresh_index_job_rebuilds_on_request(claims):
    embed_claims.enqueue([claims["wages"].pk])

    assert refresh_index.enqueue().return_value["action"] == "none"
    assert refresh_index.enqueue(rebuild=True).return_value == {"action": "rebuilt", "vectors": 1}


def test_a_new_claim_is_embedded_once_its_transaction_commits(
    db, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        claim = ClaimFactory(text="Rents in the capital doubled within ten years.")
        assert not ClaimEmbedding.objects.exists()

    for callback in callbacks:
        callback()

    assert ClaimEmbedding.objects.filter(claim=claim).exists()
    assert search("Los alquileres en la capital se duplicaron en diez años.", k=1)[0][0] == (
        claim.pk
    )


def test_a_saved_claim_enqueues_on_commit_and_not_before(
    db, settings, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_QUEUE
    with django_capture_on_commit_callbacks(execute=True):
        claim = ClaimFactory(text="Rents in the capital doubled within ten years.")
        assert queued(embed_claims) == []

    assert queued(embed_claims) == [[[claim.pk]]]


def test_a_rolled_back_save_enqueues_nothing(db, settings, django_capture_on_commit_callbacks):
    settings.TASKS = DATABASE_QUEUE
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        ClaimFactory(text="Rents in the capital doubled within ten years.")
        raise RuntimeError("undo")

    assert callbacks == []
    assert queued(embed_claims) == []


def test_only_a_new_wording_enqueues_again(db, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        claim = ClaimFactory(text="Rents in the capital doubled within ten years.")
    settings.TASKS = DATABASE_QUEUE

    with django_capture_on_commit_callbacks(execute=True):
        claim.save()  # the same words
        claim.checkworthiness = 0.9
        claim.save(update_fields=["checkworthiness"])
    assert queued(embed_claims) == []

    with django_capture_on_commit_callbacks(execute=True):
        claim.text = "Rents in the capital tripled within ten years."
        claim.save()
    assert queued(embed_claims) == [[[claim.pk]]]


def test_a_deleted_claim_enqueues_an_index_refresh(
    db, settings, django_capture_on_commit_callbacks
):
    claim = ClaimFactory()
    settings.TASKS = DATABASE_QUEUE

    with django_capture_on_commit_callbacks(execute=True):
        claim.delete()

    assert queued(refresh_index) == [[]]


def test_embed_claims_command_backfills_every_claim(claims, own_index, capsys):
    call_command("embed_claims", "--all")

    assert ClaimEmbedding.objects.count() == len(claims)
    assert read_manifest(own_index).count == len(claims)
    assert f"Embedded {len(claims)} of {len(claims)} claim(s)" in capsys.readouterr().out

    call_command("embed_claims", "--all")
    assert "Embedded 0 of 6 claim(s); the index was left as it was" in capsys.readouterr().out


def test_embed_claims_command_queues_jobs_for_a_worker(claims, settings, capsys):
    settings.TASKS = DATABASE_QUEUE

    call_command("embed_claims", "--all", "--queue")

    assert queued(embed_claims) == [[sorted(claim.pk for claim in claims.values())]]
    assert queued(refresh_index) == [[]]
    assert not ClaimEmbedding.objects.exists()
    assert "Queued 1 embedding job(s) for 6 claim(s)" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ((), "Give claim ids or --all"),
        (("1", "--all"), "Give claim ids or --all"),
        (("999999",), "No claim with id 999999."),
    ],
)
def test_embed_claims_command_refuses_bad_input(claims, arguments, message):
    with pytest.raises(CommandError, match=message):
        call_command("embed_claims", *arguments)

    assert not ClaimEmbedding.objects.exists()
