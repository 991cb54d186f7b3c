"""Whatever a reader types or an editor writes, public pages answer and stay whole: the search
parameter, and text that reaches the ClaimReview markup."""

from __future__ import annotations

import json
import re

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.public.structured_data import json_for_script

pytestmark = pytest.mark.django_db

CHECKS = settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.mark.parametrize("query", ['"', "'", "?", "-", "🙂", "*", "()", " ", "&|!", "\u200b"])
@pytest.mark.parametrize("sort", ["", "relevance", "newest"])
def test_a_search_without_words_answers_with_no_results(client, publish, query, sort):
    publish()

    response = client.get(reverse("claims:list"), {"q": query, "sort": sort})

    assert response.status_code == 200


@pytest.fixture
def a_claim(publish):
    return publish()


@CHECKS
@given(query=st.text(max_size=60), sort=st.sampled_from(["", "relevance", "newest", "oldest"]))
def test_any_search_answers(client, a_claim, query, sort):

    page = client.get(reverse("claims:list"), {"q": query, "sort": sort})
    api = client.get(reverse("api:claim-list"), {"q": query})

    assert page.status_code == 200
    assert api.status_code in (200, 400)


LD_JSON = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)
HOSTILE = ["<!--<script>", "</script><script>alert(1)</script>", "&amp; <b>", "<!--", "]]>"]


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize(
    "where", ["claim text", "summary", "speaker name", "speaker role", "rating", "source title"]
)
def test_markup_in_any_field_keeps_the_claim_page_and_its_claimreview_whole(client, payload, where):
    from claims.enums import ClaimStatus, ReviewStatus
    from claims.models import Rating
    from tests.factories import ClaimFactory, ReviewFactory, default_rating, make_public

    fields = {
        "claim text": {"text": f"The alliance grew {payload}"},
        "speaker name": {"statement__speaker__name": f"Sergey {payload}"},
        "speaker role": {"statement__speaker__role": f"Minister {payload}"},
        "source title": {"statement__source__title": f"Report {payload}"},
    }.get(where, {})
    if where == "rating":
        Rating.objects.filter(slug="false").update(label=f"False {payload}")
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, **fields)
    ReviewFactory(
        claim=claim,
        status=ReviewStatus.APPROVED,
        approved_at=timezone.now(),
        rating=default_rating("false"),
        summary=f"Wrong {payload}" if where == "summary" else "Wrong.",
    )
    make_public(claim)

    response = client.get(reverse("claims:detail", args=[claim.slug]))

    html = response.content.decode()
    blocks = LD_JSON.findall(html)
    assert response.status_code == 200
    assert len(blocks) == 1
    assert "<" not in blocks[0] and ">" not in blocks[0]
    assert json.loads(blocks[0])["@type"] == "ClaimReview"
    assert html.rstrip().endswith("</html>")


@given(st.recursive(st.text(), lambda inner: st.lists(inner, max_size=3), max_leaves=8))
@settings(max_examples=200, deadline=None)
def test_json_for_script_never_holds_markup_and_reads_back_the_same(data):
    text = json_for_script({"value": data})

    assert not set(text) & set("<>&")
    assert json.loads(text) == {"value": data}
