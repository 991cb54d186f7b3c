"""The API's resources, filters, pages and HTTP behaviour, on the demo desk and on claims built
for each test."""

import datetime
import gzip
import json

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone

from claims import selectors, services
from claims.api.filters import ClaimFilter
from claims.enums import ClaimStatus, PublicationKind, ReviewStatus
from claims.models import Claim, Review
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    PublicationEntryFactory,
    ReviewFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
    UserFactory,
    default_rating,
    make_public,
)

pytestmark = pytest.mark.django_db

API = "/api/v1"
LISTS = [
    f"{API}/claims/",
    f"{API}/speakers/",
    f"{API}/sources/",
    f"{API}/ratings/",
    f"{API}/corrections/",
    f"{API}/claimreview/",
    f"{API}/claims:search",
]


def get(client, url, **params):
    response = client.get(url, params)
    assert response["Content-Type"] == "application/json", (url, response.status_code)
    return response


def slugs(client, **params) -> list[str]:
    response = get(client, f"{API}/claims/", **params)
    assert response.status_code == 200, response.json()
    return [claim["slug"] for claim in response.json()["results"]]


def published_with(*, evidence=None, review=None) -> Claim:
    """A claim published as the `publish` fixture makes one, with its evidence or its approved
    review made to measure: both come before publication (`claims.public_record`)."""
    when = timezone.now()
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    EvidenceFactory(claim=claim, **(evidence or {"note": "Membership list, checked."}))
    approved = ReviewFactory(
        claim=claim, status=ReviewStatus.APPROVED, approved_at=when, **(review or {})
    )
    claim = make_public(claim, when=when)
    PublicationEntryFactory(
        claim=claim, kind=PublicationKind.FIRST_PUBLICATION, review=approved, published_at=when
    )
    return claim


def test_the_demo_desk_is_reachable_through_every_resource(client, demo_desk):
    public = list(Claim.objects.public().order_by("-first_published_at", "-id"))

    claims = get(client, f"{API}/claims/").json()["results"]
    assert [c["slug"] for c in claims] == [c.slug for c in public]
    for claim in claims:
        detail = get(client, claim["api_url"]).json()
        assert detail["slug"] == claim["slug"] and detail["verdict"]["rating"]["label"]
        assert get(client, detail["speaker"]["api_url"]).status_code == 200
        assert get(client, detail["source"]["api_url"]).status_code == 200
    speakers = {s["slug"] for s in get(client, f"{API}/speakers/").json()["results"]}
    assert speakers == {c.statement.speaker.slug for c in public}
    sources = {s["id"] for s in get(client, f"{API}/sources/").json()["results"]}
    assert {c.statement.source_id for c in public} <= sources
    ratings = {r["slug"] for r in get(client, f"{API}/ratings/").json()}
    assert {"false", "half-true", "true", "unverifiable"} <= ratings
    corrections = get(client, f"{API}/corrections/").json()["results"]
    assert [c["correction_kind"] for c in corrections] == ["clarification"]
    feed = get(client, f"{API}/claimreview/").json()
    assert len(feed["dataFeedElement"]) == len(public)
    search = get(client, f"{API}/claims:search", query="NATO").json()
    assert search["claims"] and all("NATO" in c["text"] for c in search["claims"])


def test_a_claim_carries_its_quote_in_context_verdict_evidence_and_record(client, publish):
    source = SourceFactory(text="Intro line.\nThe minister said exports rose 4% in May. Later.")
    speaker = SpeakerFactory(name="Dana Ortiz", slug="dana-ortiz", wikidata_id="Q42")
    reported = SpeakerFactory(name="Ann Lee", slug="ann-lee")
    statement = StatementFactory(
        source=source,
        speaker=speaker,
        reported_speaker=reported,
        start=12,
        end=53,
        said_on=datetime.date(2024, 5, 2),
    )
    claim = publish("mostly-true", statement=statement, context_note="Seasonally adjusted.")

    data = get(client, f"{API}/claims/{claim.slug}/").json()

    assert data["statement"]["quote"] == "The minister said exports rose 4% in May."
    assert data["statement"]["paragraph"] == {"before": "", "after": " Later."}
    assert data["statement"]["said_on"] == "2024-05-02"
    assert data["statement"]["reported_speaker"]["name"] == "Ann Lee"
    assert data["speaker"]["wikidata_id"] == "Q42"
    assert data["verdict"]["rating"]["slug"] == "mostly-true"
    assert data["evidence"][0]["note"] == "Membership list, checked."
    assert [e["kind"] for e in data["publication_record"]] == ["first_publication"]
    assert data["context_note"] == "Seasonally adjusted."
    assert data["topics"] == [{"slug": "economy", "name": "Economy"}]
    assert data["repeats"] == 0 and data["repeat_of"] is None


def test_a_corrected_claim_shows_its_current_and_earlier_verdicts(client, publish):
    claim = publish("true")
    later = timezone.now() + datetime.timedelta(minutes=5)
    # A correction is written as a review in progress and then approved (`claims.services`).
    correction = ReviewFactory(
        claim=claim,
        status=ReviewStatus.SUBMITTED,
        rating=default_rating("half-true"),
        correction_kind="rating_change",
        public_note="A figure was wrong.",
    )
    Review.objects.filter(pk=correction.pk).update(status=ReviewStatus.APPROVED, approved_at=later)
    PublicationEntryFactory(
        claim=claim,
        kind=PublicationKind.CORRECTION,
        review=correction,
        correction_kind="rating_change",
        note="A figure was wrong.",
        published_at=later,
    )

    data = get(client, f"{API}/claims/{claim.slug}/").json()

    assert data["verdict"]["rating"]["slug"] == "half-true"
    assert data["verdict"]["correction_note"] == "A figure was wrong."
    assert [v["rating"]["slug"] for v in data["earlier_verdicts"]] == ["true"]
    assert data["updated_at"] == later.isoformat().replace("+00:00", "Z")
    assert [c["claim"]["slug"] for c in get(client, f"{API}/corrections/").json()["results"]] == [
        claim.slug
    ]


# One row per filter: the query, and which of the claims made below it must return.
FILTERS = [
    ({"rating": "false"}, {"bridge"}),
    ({"rating": "true"}, {"exports", "withdrawn"}),
    ({"speaker": "dana-ortiz"}, {"exports"}),
    ({"speaker": "nobody-at-all"}, set()),
    ({"publisher": "the daily example"}, {"bridge"}),
    ({"language": "fr"}, {"bridge"}),
    ({"topic": "transport"}, {"bridge"}),
    ({"status": "withdrawn"}, {"withdrawn"}),
    ({"q": "EXPORTS"}, {"exports"}),
    ({"q": "dana"}, {"exports"}),
    ({"published_since": "2024-03-01"}, {"exports", "withdrawn"}),
    ({"published_before": "2024-03-01"}, {"bridge"}),
    ({"updated_since": "2024-06-01T00:00:00Z"}, {"withdrawn"}),
    ({"updated_before": "2024-06-01T00:00:00+02:00"}, {"exports", "bridge"}),
    ({"rating": "true", "q": "withdrawn"}, {"withdrawn"}),
]


@pytest.fixture
def three_claims(publish):
    dana = SpeakerFactory(name="Dana Ortiz", slug="dana-ortiz")
    french = SourceFactory(publisher="The Daily Example", language="fr")
    made = {
        "exports": publish(
            "true",
            when=datetime.datetime(2024, 4, 1, tzinfo=datetime.UTC),
            statement=StatementFactory(speaker=dana),
            text="Exports rose 4% in May.",
        ),
        "bridge": publish(
            "false",
            when=datetime.datetime(2024, 2, 1, tzinfo=datetime.UTC),
            statement=StatementFactory(source=french),
            text="The bridge cost twice the budget.",
            topic="transport",
        ),
        "withdrawn": publish(
            "true",
            when=datetime.datetime(2024, 5, 1, tzinfo=datetime.UTC),
            text="This one was withdrawn.",
        ),
    }
    withdrawn = made["withdrawn"]
    PublicationEntryFactory(
        claim=withdrawn,
        kind=PublicationKind.WITHDRAWAL,
        note="Based on a forged document.",
        published_at=datetime.datetime(2024, 7, 1, tzinfo=datetime.UTC),
    )
    Claim.objects.filter(pk=withdrawn.pk).update(status=ClaimStatus.WITHDRAWN)
    # Rows written by factories carry today's date; pin them to the story above.
    for claim in made.values():
        Claim.objects.filter(pk=claim.pk).update(updated_at=claim.first_published_at)
    return {claim.slug: name for name, claim in made.items()}


@pytest.mark.parametrize(("query", "expected"), FILTERS)
def test_claim_filters(client, three_claims, query, expected):
    assert {three_claims[slug] for slug in slugs(client, **query)} == expected


def test_claims_come_newest_first_or_oldest_first(client, three_claims):
    newest = [three_claims[s] for s in slugs(client)]
    oldest = [three_claims[s] for s in slugs(client, ordering="published")]

    assert newest == ["withdrawn", "exports", "bridge"]
    assert oldest == list(reversed(newest))


def test_updated_since_sees_a_correction_approved_after_the_claim_was_published(
    client, publish, editor, fact_checker, reviewer
):
    claim = publish("true", when=timezone.now() - datetime.timedelta(days=3))
    Claim.objects.filter(pk=claim.pk).update(updated_at=claim.first_published_at)
    since = (timezone.now() - datetime.timedelta(days=1)).isoformat()
    assert slugs(client, updated_since=since) == []

    correction = services.review_create(
        claim=Claim.objects.get(pk=claim.pk),
        author=fact_checker,
        rating=default_rating("half-true"),
        summary="Half of it holds.",
        analysis="The second figure was wrong.",
        correction_kind="factual_correction",
        public_note="We corrected the second figure.",
    )
    services.review_submit_correction(review=correction, by=fact_checker)
    services.review_approve(review=correction, by=reviewer)
    services.correction_publish(review=correction, by=editor)

    assert Claim.objects.get(pk=claim.pk).updated_at < timezone.now() - datetime.timedelta(days=2)
    assert slugs(client, updated_since=since) == [claim.slug]


def test_the_cursor_walks_every_claim_once_while_new_ones_are_published(client, publish):
    base = datetime.datetime(2024, 1, 1, tzinfo=datetime.UTC)
    # Five share one timestamp, as a batch published in the same instant would.
    for n in range(12):
        publish(when=base + datetime.timedelta(hours=min(n, 5)))
    seen, url = [], f"{API}/claims/?page_size=5"
    while url:
        page = client.get(url).json()
        seen += [c["slug"] for c in page["results"]]
        publish(when=timezone.now())  # lands before the walk's position, never in it
        url = page["next"]

    assert len(seen) == len(set(seen)) == 12


def test_previous_walks_back_to_the_first_page(client, publish):
    for n in range(7):
        publish(when=datetime.datetime(2024, 1, 1, n, tzinfo=datetime.UTC))
    first = client.get(f"{API}/claims/", {"page_size": 3}).json()
    second = client.get(first["next"]).json()

    back = client.get(second["previous"]).json()

    assert back["results"] == first["results"]
    assert first["previous"] is None and back["next"] == first["next"]


def test_every_page_of_every_list_has_its_size_bounded(client, publish):
    for _ in range(3):
        publish()

    page = get(client, f"{API}/claims/", page_size=2).json()

    assert len(page["results"]) == 2 and page["next"]
    assert get(client, f"{API}/claims/", page_size=101).status_code == 400


# One row per mistake a client can make: the query, and the parameter the 400 must name.
BAD_PARAMETERS = [
    (f"{API}/claims/", {"cursor": "not-a-cursor"}, "cursor"),
    (f"{API}/claims/", {"cursor": ""}, "cursor"),
    (f"{API}/claims/", {"page_size": "0"}, "page_size"),
    (f"{API}/claims/", {"page_size": "101"}, "page_size"),
    (f"{API}/claims/", {"page_size": "ten"}, "page_size"),
    (f"{API}/claims/", {"page_size": ""}, "page_size"),
    (f"{API}/claims/", {"ordering": "-assignee"}, "ordering"),
    (f"{API}/claims/", {"rating": "pants-on-fire"}, "rating"),
    (f"{API}/claims/", {"rating": ""}, "rating"),
    (f"{API}/claims/", {"published_since": "2024-02-30"}, "published_since"),
    (f"{API}/claims/", {"published_before": "yesterday"}, "published_before"),
    (f"{API}/claims/", {"updated_since": "2024-01-01"}, "updated_since"),
    (f"{API}/claims/", {"updated_since": "2024-01-01T25:00:00Z"}, "updated_since"),
    (f"{API}/claims/", {"source": "abc"}, "source"),
    (f"{API}/claims/", {"source": str(2**64)}, "source"),
    (f"{API}/claims/", {"speaker": "<script>"}, "speaker"),
    (f"{API}/claims/", {"status": "in_review"}, "status"),
    (f"{API}/claims/", {"q": "x" * 201}, "q"),
    (f"{API}/claims/", {"q": ["a", "b"]}, "q"),
    (f"{API}/speakers/", {"kind": "robot"}, "kind"),
    (f"{API}/speakers/", {"cursor": "n0.1"}, "cursor"),
    (f"{API}/sources/", {"cursor": "nabc"}, "cursor"),
    (f"{API}/corrections/", {"since": "last week"}, "since"),
    (f"{API}/claimreview/", {"rating": "nope"}, "rating"),
    (f"{API}/claims:search", {"pageToken": "garbage"}, "pageToken"),
    (f"{API}/claims:search", {"pageSize": "0"}, "pageSize"),
    (f"{API}/claims:search", {"maxAgeDays": "-1"}, "maxAgeDays"),
    (f"{API}/claims:search", {"languageCode": "en_US!"}, "languageCode"),
]


@pytest.mark.parametrize(("url", "query", "parameter"), BAD_PARAMETERS)
def test_bad_parameters_answer_400_naming_them(client, url, query, parameter):
    response = get(client, url, **query)

    assert response.status_code == 400
    assert parameter in response.json()["errors"]
    assert response.json()["detail"]


def test_filter_forms_are_made_per_request_from_a_class_built_once():
    claims = Claim.objects.none()
    wrong = ClaimFilter(data={"status": "in_review"}, queryset=claims)
    right = ClaimFilter(data={"status": "published"}, queryset=claims)

    assert type(wrong.form) is type(right.form)
    assert not wrong.is_valid() and "status" in wrong.errors
    assert right.is_valid() and not right.errors


def test_extreme_but_valid_values_are_accepted(client, publish):
    publish()
    for query in [
        {"updated_since": "0001-01-01T00:00:00+23:59"},
        {"updated_before": "9999-12-31T23:59:59.999999999-23:59"},
        {"published_since": "0001-01-01", "published_before": "9999-12-31"},
        {"cursor": "n999999999999999999.9999999999999999999"},
        {"cursor": "b-999999999999999999.0"},
        {"q": "nul\x00byte"},
        {"source": str(2**63 - 1)},
    ]:
        assert get(client, f"{API}/claims/", **query).status_code == 200, query
    assert get(client, f"{API}/speakers/", cursor="nffff.1").status_code == 200


def test_unknown_things_answer_404_in_json(client, publish):
    publish()
    for url in [
        f"{API}/claims/no-such-claim/",
        f"{API}/speakers/no-such-speaker/",
        f"{API}/sources/999999/",
        f"{API}/sources/{2**70}/",
        f"{API}/nothing-here/",
        "/api/v2/claims/",
    ]:
        response = get(client, url)
        assert response.status_code == 404, url
        assert response.json()["detail"]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_answer_405_in_json(client, publish, method):
    claim = publish()
    for url in [f"{API}/claims/", f"{API}/claims/{claim.slug}/", f"{API}/ratings/"]:
        response = getattr(client, method)(url, data="{}", content_type="application/json")
        assert response.status_code == 405, url
        assert response.json()["detail"] and "GET" in response["Allow"]
    assert Claim.objects.count() == 1


def test_conditional_requests_get_304_until_something_changes(client, publish):
    claim = publish()
    url = f"{API}/claims/"
    first = client.get(url)
    assert first["Cache-Control"] == "public, max-age=60"

    by_etag = client.get(url, headers={"if-none-match": first["ETag"]})
    by_date = client.get(url, headers={"if-modified-since": first["Last-Modified"]})
    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag["ETag"] == first["ETag"] and not by_etag.content

    later = timezone.now() + datetime.timedelta(seconds=5)
    PublicationEntryFactory(
        claim=claim,
        kind=PublicationKind.CORRECTION,
        correction_kind="clarification",
        note="We added a date.",
        published_at=later,
    )
    changed = client.get(url, headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200 and changed["ETag"] != first["ETag"]
    assert client.get(url, headers={"if-modified-since": first["Last-Modified"]}).status_code == 200


def test_any_origin_may_read_the_api_from_a_browser(client, publish):
    publish()
    origin = {"origin": "https://researcher.example"}

    response = client.get(f"{API}/claims/", headers=origin)
    preflight = client.options(
        f"{API}/claims/", headers={**origin, "access-control-request-method": "GET"}
    )

    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert "POST" not in preflight["Access-Control-Allow-Methods"]
    assert "Access-Control-Allow-Origin" not in client.get("/claims/", headers=origin)


def test_answers_are_gzipped_for_clients_that_accept_it(client, publish):
    for _ in range(5):
        publish()

    response = client.get(f"{API}/claims/", headers={"accept-encoding": "gzip"})

    assert response["Content-Encoding"] == "gzip"
    assert json.loads(gzip.decompress(response.content))["results"]
    # gzip makes the ETag weak; sent back, it still matches.
    assert response["ETag"].startswith('W/"')
    again = client.get(
        f"{API}/claims/", headers={"accept-encoding": "gzip", "if-none-match": response["ETag"]}
    )
    assert again.status_code == 304


def test_head_and_options_answer_without_a_body(client, publish):
    publish()

    head = client.head(f"{API}/claims/")
    options = client.options(f"{API}/claims/")

    assert head.status_code == 200 and head["ETag"] and not head.content
    assert options.status_code == 200 and "GET" in options["Allow"]


def test_anonymous_clients_are_throttled_with_retry_after(client, settings):
    settings.REST_FRAMEWORK = {
        **settings.REST_FRAMEWORK,
        "DEFAULT_THROTTLE_RATES": {"anon": "3/minute"},
    }
    cache.clear()

    answers = [client.get(f"{API}/ratings/") for _ in range(4)]

    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert int(answers[-1]["Retry-After"]) > 0
    assert answers[-1].json()["detail"]


def test_the_schema_and_the_docs_are_served_without_a_cdn(client):
    schema = client.get("/api/schema/", headers={"accept": "application/vnd.oai.openapi+json"})
    docs = client.get("/api/docs/").content.decode()

    assert schema.status_code == 200
    paths = json.loads(schema.content)["paths"]
    assert {"/api/v1/claims/", "/api/v1/claims:search", "/api/v1/claimreview/"} <= set(paths)
    rating = next(p for p in paths["/api/v1/claims/"]["get"]["parameters"] if p["name"] == "rating")
    assert "half-true" in rating["schema"]["enum"]
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js" in docs
    assert "cdn" not in docs.lower() and "https://" not in docs
    assert "<script>" not in docs  # the site's CSP refuses inline scripts
    script = client.get("/api/docs/", {"script": ""}).content.decode()
    assert "/api/schema/" in script and "https://" not in script


def test_the_docs_assets_are_installed_locally():
    from django.contrib.staticfiles import finders

    for asset in ["swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"]:
        assert finders.find(f"drf_spectacular_sidecar/swagger-ui-dist/{asset}"), asset


def test_a_speaker_record_is_the_speaker_page_record(client, publish):
    dana = SpeakerFactory(name="Dana Ortiz", slug="dana-ortiz")
    for rating in ("true", "true", "false", "unverifiable"):
        publish(rating, statement=StatementFactory(speaker=dana))

    record = get(client, f"{API}/speakers/dana-ortiz/").json()["record"]
    _, claims = selectors.public_speaker("dana-ortiz")
    verdicts, others = selectors.speaker_verdicts(claims)

    assert [(r["rating"]["slug"], r["count"]) for r in record["verdicts"]] == [
        (v.rating.slug, v.count) for v in verdicts
    ]
    assert (
        [(r["rating"]["slug"], r["count"]) for r in record["not_verdicts"]]
        == [(o.rating.slug, o.count) for o in others]
        == [("unverifiable", 1)]
    )


def test_a_source_lists_its_published_statements_and_the_claims_citing_it(client, publish):
    source = SourceFactory()
    quoted = publish(statement=StatementFactory(source=source))
    citing = published_with(
        evidence={"source": source, "relation": "context", "excerpt": "See paragraph 2."}
    )

    data = get(client, f"{API}/sources/{source.pk}/").json()

    assert data["text"] == source.text
    assert [c["slug"] for s in data["statements"] for c in s["claims"]] == [quoted.slug]
    assert [c["slug"] for c in data["cited_by"]] == [citing.slug]


def test_a_withdrawn_claim_stays_listed_with_its_notice(client, three_claims):
    slug = next(s for s, name in three_claims.items() if name == "withdrawn")

    data = get(client, f"{API}/claims/{slug}/").json()

    assert data["status"] == "withdrawn"
    assert data["publication_record"][-1]["note"] == "Based on a forged document."


def test_links_point_at_the_api_and_the_public_pages(client, publish):
    claim = publish()

    data = get(client, f"{API}/claims/").json()["results"][0]

    assert data["api_url"] == f"http://testserver{API}/claims/{claim.slug}/"
    assert data["page_url"] == "http://testserver" + reverse("claims:detail", args=[claim.slug])
    assert get(client, data["speaker"]["api_url"]).status_code == 200
    assert client.get(data["page_url"]).status_code == 200


def test_links_follow_the_host_and_scheme_each_request_came_by(client, publish, settings):
    # Links are worked out once per site root (serializers.Links): never one host's for another.
    settings.ALLOWED_HOSTS = ["testserver", "desk.example", "mirror.example"]
    claim = publish()
    for host, secure in [("desk.example", False), ("mirror.example", True), ("desk.example", True)]:
        answer = client.get(f"{API}/claims/", headers={"host": host}, secure=secure)
        data = answer.json()["results"][0]
        scheme = "https" if secure else "http"
        assert data["api_url"] == f"{scheme}://{host}{API}/claims/{claim.slug}/"
        assert data["source"]["page_url"].startswith(f"{scheme}://{host}/")


def test_review_authors_and_reviewers_are_never_named(client):
    author = UserFactory(username="secret-author", first_name="Secret", last_name="Author")
    claim = published_with(review={"author": author})

    body = client.get(f"{API}/claims/{claim.slug}/").content.decode()

    assert "secret-author" not in body and "Secret" not in body
