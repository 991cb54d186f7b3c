import pytest
from django.conf import settings
from django.utils import translation


@pytest.fixture(autouse=True)
def english_after_each_test():
    """A request to /uk/ or /fr/ leaves its language active in the thread that made it (as in
    a server, where the next request activates its own): the next test starts in English."""
    yield
    translation.activate(settings.LANGUAGE_CODE)
