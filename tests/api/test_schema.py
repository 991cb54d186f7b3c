"""The OpenAPI schema validates without warnings, and every answer matches it exactly: no key
missing, none undocumented, every type as written (what schemathesis cannot see, since the
schema allows extra keys)."""

import copy
import io
import json

import pytest
from django.core.management import call_command
from django.utils import timezone
from jsonschema import Draft202012Validator, FormatChecker

from claims.enums import ClaimStatus, PublicationKind, ReviewStatus
from claims.external.models import ExternalFactCheck
from claims.models import Claim
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    ExternalFactCheckFactory,
    PublicationEntryFactory,
    ReviewFactory,
    SpeakerFactory,
    StatementFactory,
    TopicFactory,
    default_rating,
    make_public,
)

pytestmark = pytest.mark.django_db


def test_the_schema_validates_without_warnings(db):
    out = io.StringIO()
    call_command(
        "spectacular", "--validate", "--fail-on-warn", "--format", "openapi-json", stdout=out
    )

    assert json.loads(out.getvalue())["openapi"].startswith("3.")


def strict(node):
    """OpenAPI 3.0 schema -> JSON Schema that refuses undocumented keys."""
    if isinstance(node, list):
        return [strict(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: strict(value) for key, value in node.items()}
    if node.get("type") == "object" and "properties" in node:
        node.setdefault("additionalProperties", False)
    if node.pop("nullable", False):
        if "type" in node:
            node["type"] = [node["type"], "null"]
        else:
            node = {"anyOf": [node, {"type": "null"}]}
    return node


@pytest.fixture
def everything(demo_desk, publish):
    """A claim with every optional part: reported speech, a date said, archived evidence, a
    correction, a repeat of a public claim; and a withdrawn one."""
    first = Claim.objects.public().first()
    statement = StatementFactory(
        reported_speaker=SpeakerFactory(), said_on=timezone.now().date(), said_where="On TV"
    )
    # Built as the desk works: in review with its archived evidence and verdict, published,
    # then corrected (`claims.public_record`).
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW, statement=statement, repeat_of=first)
    EvidenceFactory(claim=claim, note="Membership list, checked.")
    EvidenceFactory(claim=claim, archive_url="https://archive.example/1", archive_hash="a" * 64)
    review = ReviewFactory(
        claim=claim,
        status=ReviewStatus.APPROVED,
        approved_at=timezone.now(),
        rating=default_rating("half-true"),
    )
    claim = make_public(claim)
    PublicationEntryFactory(claim=claim, kind=PublicationKind.FIRST_PUBLICATION, review=review)
    claim.topics.add(TopicFactory(slug="economy", name="Economy"))
    PublicationEntryFactory(
        claim=claim, kind=PublicationKind.CORRECTION, correction_kind="clarification", note="Dated."
    )
    withdrawn = publish("false")
    PublicationEntryFactory(claim=withdrawn, kind=PublicationKind.WITHDRAWAL, note="Forged.")
    Claim.objects.filter(pk=withdrawn.pk).update(status=ClaimStatus.WITHDRAWN)
    # Other fact-checkers' verdicts: one on the desk's scale with its dates, one with neither.
    ExternalFactCheckFactory(
        rating=default_rating("false"),
        claim_date=timezone.now().date(),
        review_date=timezone.now().date(),
    )
    ExternalFactCheckFactory(rating_text="Satire")
    return claim


def test_every_answer_matches_the_schema_exactly(client, everything):
    schema = json.loads(
        client.get("/api/schema/", headers={"accept": "application/vnd.oai.openapi+json"}).content
    )
    components = strict(copy.deepcopy(schema["components"]))
    checked = 0
    for path, operations in schema["paths"].items():
        response_schema = operations["get"]["responses"]["200"]["content"]["application/json"]
        validator = Draft202012Validator(
            {**strict(response_schema["schema"]), "components": components},
            format_checker=FormatChecker(),
        )
        for url in urls_for(path, everything):
            response = client.get(url)
            assert response.status_code == 200, url
            errors = [
                f"{list(e.absolute_path)}: {e.message}"
                for e in validator.iter_errors(response.json())
            ]
            assert not errors, (url, errors[:5])
            checked += 1
    assert checked >= 12


def urls_for(path: str, claim: Claim) -> list[str]:
    if "{id}" in path and "external-fact-checks" in path:
        return [
            path.replace("{id}", str(pk))
            for pk in ExternalFactCheck.objects.values_list("pk", flat=True)
        ]
    if "{slug}" in path and "claims" in path:
        return [path.replace("{slug}", c.slug) for c in Claim.objects.public()]
    if "{slug}" in path:
        return [path.replace("{slug}", claim.statement.speaker.slug)]
    if "{id}" in path:
        return [path.replace("{id}", str(claim.statement.source_id))]
    return [path]


def test_every_error_matches_the_error_schema(client, everything):
    schema = json.loads(
        client.get("/api/schema/", headers={"accept": "application/vnd.oai.openapi+json"}).content
    )
    error = Draft202012Validator(strict(schema["components"]["schemas"]["Error"]))

    for url, status in [
        ("/api/v1/claims/?page_size=0", 400),
        ("/api/v1/claims/nope/", 404),
        ("/api/v1/nope/", 404),
    ]:
        response = client.get(url)
        assert response.status_code == status
        assert not list(error.iter_errors(response.json())), url
    assert not list(error.iter_errors(client.post("/api/v1/claims/").json()))
