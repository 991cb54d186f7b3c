"""Admin lists of tables that grow with the claims count at most `cap` rows, and say so."""

import re

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.admin.capped_count import CappedCountPaginator
from claims.models import Claim
from tests.factories import (
    ClaimEventFactory,
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    SignoffFactory,
    SourceFactory,
    StatementFactory,
    SuggestionDecisionFactory,
)

pytestmark = pytest.mark.django_db

CAP = 4
PER_PAGE = 2
LARGE_LISTS = {
    "claim": ClaimFactory,
    "statement": StatementFactory,
    "source": SourceFactory,
    "evidence": EvidenceFactory,
    "review": ReviewFactory,
    "signoff": SignoffFactory,
    "publicationentry": PublicationEntryFactory,
    "claimevent": ClaimEventFactory,
    "suggestiondecision": SuggestionDecisionFactory,
}


@pytest.fixture
def small_cap(monkeypatch):
    """A cap of 4 and pages of 2, so that a handful of rows goes past the cap; "Show all"
    stops below the cap, as it does by default (200 rows, cap 10,000)."""
    monkeypatch.setattr(CappedCountPaginator, "cap", CAP)
    for model_admin in admin.site._registry.values():
        if model_admin.paginator is CappedCountPaginator:
            monkeypatch.setattr(model_admin, "list_per_page", PER_PAGE)
            monkeypatch.setattr(model_admin, "list_max_show_all", PER_PAGE)


def changelist(model_name: str = "claim") -> str:
    return reverse(f"admin:claims_{model_name}_changelist")


def count_queries(queries: CaptureQueriesContext) -> list[str]:
    return [q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(*)")]


def paginator_text(response) -> str:
    nav = re.search(r'<nav class="paginator".*?</nav>', response.text, re.DOTALL)
    return " ".join(re.sub(r"<[^>]+>", " ", nav.group()).split())


def rows_shown(response) -> int:
    return response.text.count('class="action-select"')


@pytest.mark.parametrize("model_name", LARGE_LISTS)
def test_large_changelist_never_counts_every_row(client, superuser, small_cap, model_name):
    for _ in range(CAP + 2):
        LARGE_LISTS[model_name]()
    client.force_login(superuser)

    with CaptureQueriesContext(connection) as queries:
        response = client.get(changelist(model_name), {"o": "1"})  # sorted, like an editor would

    assert response.status_code == 200
    counts = count_queries(queries)
    assert len(counts) == 1, counts  # no second count of the whole table either
    assert f"LIMIT {CAP + 1}" in counts[0]
    assert f"more than {CAP}" in paginator_text(response)


@pytest.mark.parametrize("n", [0, 1, 3, CAP])
def test_claim_changelist_count_is_exact_up_to_the_cap(client, superuser, small_cap, n):
    for _ in range(n):
        ClaimFactory()
    client.force_login(superuser)

    response = client.get(changelist())

    text = paginator_text(response)
    assert f"{n} {'claim' if n == 1 else 'claims'}" in text
    assert "more than" not in text
    assert f"{n} result" in response.text  # beside the search box


def test_claim_changelist_over_the_cap_says_more_than(client, superuser, small_cap):
    for _ in range(CAP + 3):
        ClaimFactory()
    client.force_login(superuser)

    response = client.get(changelist())

    assert response.status_code == 200
    assert "more than 4 claims" in paginator_text(response)
    assert "more than 4 results" in response.text
    assert "Select all claims that match (more than 4)" in response.text


def test_claim_changelist_last_page_link_shows_rows(client, superuser, small_cap):
    for _ in range(CAP + 3):
        ClaimFactory()
    client.force_login(superuser)
    last_page = CAP // PER_PAGE

    response = client.get(changelist(), {"p": last_page})

    assert response.status_code == 200
    assert f"?p={last_page + 1}" not in response.text  # no link past the counted pages
    assert rows_shown(response) == PER_PAGE


@pytest.mark.parametrize("page", [CAP // PER_PAGE + 1, 999])
def test_claim_changelist_page_past_the_counted_ones_goes_back_to_the_list(
    client, superuser, small_cap, page
):
    for _ in range(CAP + 3):
        ClaimFactory()
    client.force_login(superuser)

    response = client.get(changelist(), {"p": page}, follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [(changelist() + "?e=1", 302)]  # Django's way
    assert rows_shown(response) == PER_PAGE


@pytest.mark.parametrize("claims", [0, 1])
def test_claim_changelist_page_number_on_a_single_page_list_is_ignored(
    client, superuser, small_cap, claims
):
    for _ in range(claims):
        ClaimFactory()
    client.force_login(superuser)

    response = client.get(changelist(), {"p": 3})

    assert response.status_code == 200
    assert rows_shown(response) == claims


def test_claim_select_all_acts_on_every_matching_claim_past_the_cap(client, superuser, small_cap):
    claims = [ClaimFactory() for _ in range(CAP + 3)]
    client.force_login(superuser)

    response = client.post(
        changelist(),
        {
            "action": "delete_selected",
            "select_across": "1",
            "index": "0",
            "_selected_action": [claims[0].pk],
        },
    )

    assert response.status_code == 200  # Django's "are you sure?" page
    assert re.search(rf"Claims: {CAP + 3}\b", response.text)


def test_cap_is_shown_with_the_locales_thousands_separator():
    paginator = CappedCountPaginator(Claim.objects.order_by("pk"), 100)

    assert paginator.cap_display == "10,000"
