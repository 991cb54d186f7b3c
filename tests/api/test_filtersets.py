"""The API's FilterSets copy their filters shallowly (claims/api/filters.py): each instance
must still filter with its own data, its method filters bound to it, the class's filters
left as they were."""

import datetime

import pytest

from claims.api.filters import ClaimFilter
from claims.enums import ClaimStatus
from claims.models import Claim
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db


def test_each_filterset_filters_with_its_own_data_and_methods():
    old, new = (
        ClaimFactory(
            status=ClaimStatus.PUBLISHED,
            first_published_at=datetime.datetime(year, 1, 1, tzinfo=datetime.UTC),
        )
        for year in (2020, 2024)
    )
    since = ClaimFilter({"published_since": "2023-01-01"}, Claim.objects.all())
    before = ClaimFilter({"published_before": "2023-01-01"}, Claim.objects.all())

    assert list(since.qs) == [new]
    assert list(before.qs) == [old]
    for filterset in (since, before):
        method_filter = filterset.filters["published_since"]
        assert method_filter.parent is filterset
        assert method_filter.filter.f is method_filter  # bound to the copy
        assert method_filter.filter.method == filterset.filter_published_since
    assert since.filters["q"] is not before.filters["q"]
    assert not hasattr(ClaimFilter.base_filters["published_since"], "parent")
    assert (
        ClaimFilter.base_filters["published_since"].filter.f
        is (ClaimFilter.base_filters["published_since"])
    )
