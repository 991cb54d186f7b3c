"""An index file of the test's own, looked at again on every search."""

from __future__ import annotations

import pytest

from claims.matching.index import shared
from claims.models import Claim
from tests.factories import ClaimFactory

# Claims on unrelated subjects, each with a rewording and translations written for these tests.
CLAIMS = {
    "nato": "NATO admitted Montenegro, North Macedonia and Albania after 2009.",
    "wages": "The minimum wage rose faster than inflation last year.",
    "forests": "Forest cover in the country shrank by a tenth over two decades.",
    "vaccines": "Measles vaccination rates among children fell below ninety percent.",
    "trains": "Most regional trains arrived late during the winter.",
    "housing": "Rents in the capital doubled within ten years.",
}


@pytest.fixture(autouse=True)
def own_index(settings, tmp_path):
    settings.FACTCHECK_MATCHING_INDEX_PATH = str(tmp_path / "index" / "claims.usearch")
    settings.FACTCHECK_MATCHING_RECHECK = 0
    shared.forget()
    yield tmp_path / "index" / "claims.usearch"
    shared.forget()


@pytest.fixture
def claims(db) -> dict[str, Claim]:
    """The subjects above as claims, saved outside any commit hook (nothing embedded yet)."""
    return {name: ClaimFactory(text=text) for name, text in CLAIMS.items()}
