"""The seed article and its suggestions, computed once for the whole session."""

import pytest

from claims.suggest import Suggestions, suggest

from .helpers import SEED, SEED_SPEAKERS


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(seed_text) -> Suggestions:
    return suggest(seed_text, speakers=SEED_SPEAKERS, outlet="Sputnik")
