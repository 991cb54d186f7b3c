"""The benchmarks' URLconf (bench/bench_urls.py) serves the project's pages beside its bare view:
a benchmark that cannot load it measures nothing."""

import sys
from pathlib import Path

import pytest
from django.urls import resolve
from django.utils import translation

BENCH = Path(__file__).resolve().parents[2] / "bench"


@pytest.fixture
def bench_urlconf(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    yield "bench_urls"
    sys.modules.pop("bench_urls", None)


@pytest.mark.parametrize(
    ("path", "language"),
    [
        ("/bench/bare/", "en"),
        ("/claims/", "en"),
        # The language middleware activates the address's language before resolving.
        ("/uk/claims/", "uk"),
        ("/api/v1/claims/", "en"),
        ("/admin/", "en"),
    ],
)
def test_the_bench_urlconf_holds_the_bare_view_and_the_project(bench_urlconf, path, language):
    with translation.override(language):
        match = resolve(path, urlconf=bench_urlconf)
    assert match.func is not None
