"""The page cache's outermost layer (claims/public/sent_pages.py): a page the cache stored is sent
again as it was sent, without the middleware, for as long as the page cache would serve it,
and never where the answer would differ."""

import gzip
import json

import pytest
from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import reverse

from claims import services
from claims.enums import CorrectionKind
from claims.public import cache as public_cache
from claims.public import sent_pages
from tests.factories import default_rating

pytestmark = pytest.mark.django_db

API_LIST = "/api/v1/claims/"


@pytest.fixture
def inner_lookups(monkeypatch):
    """How many requests reached the page cache inside the stack: a request the outermost
    layer answers never does."""
    calls = []
    real = public_cache.cached_page

    def counted(*args, **kwargs):
        calls.append(args[1])
        return real(*args, **kwargs)

    monkeypatch.setattr(public_cache, "cached_page", counted)
    return calls


def without_cache_marker(response) -> list[tuple[str, str]]:
    return [(name, value) for name, value in response.items() if name != "X-Page-Cache"]


@pytest.mark.parametrize("url", [reverse("claims:list"), API_LIST])
def test_a_stored_page_is_sent_again_as_it_was_sent(
    client, publish, url, inner_lookups, django_assert_num_queries
):
    publish()
    first = client.get(url, headers={"accept-encoding": "gzip"})
    with django_assert_num_queries(0):
        again = client.get(url, headers={"accept-encoding": "gzip"})

    assert first.status_code == again.status_code == 200
    assert again["X-Page-Cache"] == "hit" and len(inner_lookups) == 1
    assert without_cache_marker(again) == without_cache_marker(first)
    assert again.content == first.content
    assert again["Content-Encoding"] == "gzip" and again["Content-Security-Policy"]


def test_each_variant_an_answer_varies_by_is_kept_apart(client, publish):
    publish()
    gzipped = [client.get(API_LIST, headers={"accept-encoding": "gzip"}) for _ in range(2)]
    plain = [client.get(API_LIST) for _ in range(2)]
    origin = {"origin": "https://researcher.example"}
    cross_origin = [client.get(API_LIST, headers=origin) for _ in range(2)]

    assert all(a["Content-Encoding"] == "gzip" for a in gzipped)
    assert all(not a.has_header("Content-Encoding") for a in plain + cross_origin)
    assert json.loads(gzip.decompress(gzipped[1].content)) == plain[1].json()
    assert not plain[1].has_header("Access-Control-Allow-Origin")
    assert all(a["Access-Control-Allow-Origin"] == "*" for a in cross_origin)
    assert [gzipped[1]["X-Page-Cache"], plain[1]["X-Page-Cache"]] == ["hit", "hit"]


def test_indented_json_is_made_afresh_and_never_sent_to_others(client, publish):
    publish()
    compact = [client.get(API_LIST) for _ in range(2)]
    indented = [client.get(API_LIST, headers={"accept": "application/json; indent=2"})]
    indented.append(client.get(API_LIST, headers={"accept": "application/json; indent=2"}))
    compact.append(client.get(API_LIST))

    assert all(b'\n  "' in answer.content for answer in indented)
    assert all(b"\n" not in answer.content for answer in compact)
    assert "Accept" in compact[0]["Vary"]
    assert compact[2]["X-Page-Cache"] == "hit"


def test_a_correction_is_visible_at_once_through_the_outermost_layer(
    client, publish, fact_checker, reviewer, inner_lookups
):
    claim = publish()
    url = reverse("claims:detail", args=[claim.slug])
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit" and len(inner_lookups) == 1

    correction = services.review_create(
        claim=claim,
        author=fact_checker,
        rating=default_rating("false"),
        summary="The figure was twice as high.",
        analysis="The register gives twice the figure.",
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="We corrected the rating.",
    )
    services.review_submit_correction(review=correction, by=fact_checker)
    services.review_approve(review=correction, by=reviewer)

    after = client.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert "We corrected the rating." in after.content.decode()


def test_the_api_counts_every_answer_sent_again(client, publish, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    publish()

    answers = [client.get(API_LIST) for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.get("X-Page-Cache") for a in answers[:3]] == [None, "hit", "hit"]


def test_signed_in_staff_and_conditional_requests_go_through_the_stack(
    client, publish, editor, inner_lookups
):
    claim = publish()
    url = reverse("claims:detail", args=[claim.slug])
    first = client.get(url)
    client.get(API_LIST)
    api = client.get(API_LIST)
    assert len(inner_lookups) == 2

    conditional = client.get(API_LIST, headers={"if-none-match": api["ETag"]})
    client.force_login(editor)
    staff = client.get(url)

    assert conditional.status_code == 304 and len(inner_lookups) == 3
    assert staff.status_code == 200 and not staff.has_header("X-Page-Cache")
    assert first["X-Page-Cache"] == "miss"


def test_only_plain_stored_answers_are_kept():
    request = RequestFactory().get("/only-plain-answers/")
    key = public_cache.page_key(request)
    mark = public_cache.PageCacheMark(key, "token", public_cache.current_generation)

    def answer(**headers) -> HttpResponse:
        response = HttpResponse(b"page", headers=headers)
        response.page_cache_mark = mark
        return response

    with_cookie = answer()
    with_cookie.set_cookie("seen", "1")
    refused = [
        HttpResponse(b"no mark"),
        with_cookie,
        answer(**{"Content-Security-Policy": "script-src 'nonce-abc'"}),
        answer(Vary="*"),
    ]
    for response in refused:
        sent_pages._keep(request, key, response)
        assert key not in sent_pages._shapes
    sent_pages._keep(request, f"{key}-elsewhere", answer())
    assert f"{key}-elsewhere" not in sent_pages._shapes

    sent_pages._keep(request, key, answer(Vary="Accept-Encoding, Cookie"))
    assert sent_pages._shapes[key].vary == ("accept-encoding", "cookie")
    assert sent_pages.sent_pages.get((key, (("accept-encoding", False),)), "token").body == b"page"
