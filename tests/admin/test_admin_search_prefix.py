"""The claims list's search in the admin: every word required, each also as the start of a
longer word, through the full-text index (ClaimAdmin.get_search_results)."""

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db

UNEMPLOYMENT = "The unemployment rate fell to 3.9% in May."
RATTLED = "Markets rattled by the central bank statement."


@pytest.fixture
def claims(db):
    return [ClaimFactory(text=text) for text in (UNEMPLOYMENT, RATTLED, "Prices rose by 2%.")]


def found(client, term: str) -> set[str]:
    page = client.get(reverse("admin:claims_claim_changelist"), {"q": term}).content.decode()
    return {text for text in (UNEMPLOYMENT, RATTLED, "Prices rose by 2%.") if text in page}


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("unemploy", {UNEMPLOYMENT}),
        ("unemployment", {UNEMPLOYMENT}),
        ("Unemploy rate", {UNEMPLOYMENT}),
        ("rate unemploy", {UNEMPLOYMENT}),  # not only the last word
        ("unemp", {UNEMPLOYMENT}),
        ("rates", {UNEMPLOYMENT}),  # stemmed, as before
        ("rattl", {RATTLED}),
        ("rate", {UNEMPLOYMENT}),  # "rat…" words do not start with "rate"
        ("unemploy prices", set()),
        ("!!", {UNEMPLOYMENT, RATTLED, "Prices rose by 2%."}),  # no word: no search
    ],
    ids=[
        "prefix",
        "whole-word",
        "two-words",
        "prefix-first",
        "short-prefix",
        "stem",
        "prefix-of-other",
        "no-false-prefix",
        "every-word-required",
        "no-word",
    ],
)
def test_the_claim_search_finds_words_by_their_start(client, superuser, claims, term, expected):
    client.force_login(superuser)

    assert found(client, term) == expected


def test_the_speaker_and_the_quote_are_searched_by_prefix_too(client, superuser, claims):
    claim = claims[0]
    claim.statement.speaker.name = "Dana Ortizova"
    claim.statement.speaker.save()
    client.force_login(superuser)

    assert found(client, "ortiz") == {UNEMPLOYMENT}
