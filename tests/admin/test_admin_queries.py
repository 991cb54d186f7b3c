"""Admin lists run a fixed number of queries, however many rows they show."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus, ReviewStatus
from tests.factories import (
    ClaimEventFactory,
    ClaimFactory,
    EvidenceFactory,
    ReviewFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def make_claims(n, checker):
    for _ in range(n):
        claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=checker)
        EvidenceFactory(claim=claim)
        ReviewFactory(
            claim=claim, author=checker, status=ReviewStatus.APPROVED, approved_at=timezone.now()
        )
        ClaimEventFactory(claim=claim, actor=checker)


LISTS = ["claim", "statement", "source", "speaker", "evidence", "review", "claimevent"]


@pytest.mark.parametrize("model", LISTS)
def test_admin_changelist_queries_do_not_grow_with_rows(client, superuser, fact_checker, model):
    client.force_login(superuser)
    url = reverse(f"admin:claims_{model}_changelist")
    make_claims(1, fact_checker)
    StatementFactory()
    client.get(url)  # warm caches (content types, sessions)

    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    make_claims(19, fact_checker)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200

    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_claim_page_queries_do_not_grow_with_its_history(client, superuser, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    client.force_login(superuser)

    def add(n):
        for _ in range(n):
            ClaimEventFactory(claim=claim, actor=fact_checker)
            ReviewFactory(
                claim=claim,
                author=fact_checker,
                status=ReviewStatus.APPROVED,
                approved_at=timezone.now(),
            )

    add(1)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    add(19)
    with CaptureQueriesContext(connection) as many:
        assert client.get(url).status_code == 200

    assert len(many) == len(few), [q["sql"] for q in many.captured_queries]


def test_claim_page_spends_one_query_per_piece_of_evidence(client, superuser):
    # Each evidence row's source picker (autocomplete) looks up its selected source; a claim
    # has a handful of pieces of evidence, so this is bounded, and only this grows.
    claim = ClaimFactory()
    url = reverse("admin:claims_claim_change", args=[claim.pk])
    client.force_login(superuser)
    EvidenceFactory(claim=claim)
    client.get(url)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        EvidenceFactory(claim=claim)
    with CaptureQueriesContext(connection) as many:
        client.get(url)

    assert len(many) - len(few) == 4
