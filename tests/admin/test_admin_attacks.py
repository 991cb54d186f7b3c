"""Every admin change form, inline and action, tried by every role against claims in every
status: nothing readers were told changes, and no page breaks. The pages, objects and actions
are found, not listed, so a new admin page or field falls under this test as it is added."""

from __future__ import annotations

import datetime

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse
from django.utils import timezone

from claims.enums import ClaimStatus, CorrectionKind, DismissalReason, ReviewStatus
from claims.models import Claim, Evidence, PublicationEntry, Rating, Review, Statement
from claims.public_record import FROZEN_FIELDS
from tests.adminforms import form_data
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    ReviewFactory,
    default_rating,
    make_public,
)

pytestmark = pytest.mark.django_db

ROLES = ["editor", "fact_checker", "reviewer", "superuser"]
# Names a formset or the page itself needs to be read at all.
UNTOUCHED = ("csrfmiddlewaretoken", "TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM", "MAX_NUM", "-id")


def public_record() -> dict:
    """Everything readers were told, for every public claim, read afresh."""
    claims = Claim.objects.public().order_by("pk")
    verdicts = Review.objects.approved().filter(claim__in=claims)
    return {
        "claims": list(claims.values("pk", "status", *FROZEN_FIELDS["claim"])),
        "statements": list(
            Statement.objects.filter(claims__in=claims).values().distinct().order_by("pk")
        ),
        "evidence": list(Evidence.objects.cited().filter(claim__in=claims).values().order_by("pk")),
        "verdicts": list(verdicts.values().order_by("pk")),
        "ratings": list(
            Rating.objects.filter(pk__in=verdicts.values("rating_id")).values().order_by("pk")
        ),
        "record": list(PublicationEntry.objects.values().order_by("pk")),
    }


@pytest.fixture
def desk(publish, fact_checker):
    """A claim in every status, with evidence and reviews where the workflow leaves them, and
    a correction in progress on a published one."""
    for status in ClaimStatus:
        claim = ClaimFactory(
            status=ClaimStatus.IN_REVIEW if status in ("published", "withdrawn") else status,
            dismissal_reason=DismissalReason.OPINION if status == ClaimStatus.DISMISSED else "",
            assignee=fact_checker if status in ("researching", "in_review") else None,
        )
        EvidenceFactory(claim=claim)
        if status in ("researching", "in_review", "published", "withdrawn"):
            done = status != ClaimStatus.RESEARCHING
            ReviewFactory(
                claim=claim,
                author=fact_checker,
                status=ReviewStatus.APPROVED if done else ReviewStatus.DRAFT,
                approved_at=timezone.now() if done else None,
                rating=default_rating("false"),
            )
        if status in ("published", "withdrawn"):
            make_public(claim, status=status, when=timezone.now() - datetime.timedelta(days=1))
    corrected = publish("half-true")
    ReviewFactory(
        claim=corrected,
        author=fact_checker,
        rating=default_rating("false"),
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="Rated again.",
    )


def _tampered(name: str, value: str) -> str:
    if value.isdigit():
        return str(int(value) + 1)
    if len(value) == 10 and value[4] == "-":
        return "1999-01-01"
    return f"{value} tampered" if value else "tampered"


def _admin_models():
    return [m for m in apps.get_app_config("claims").get_models() if admin.site.is_registered(m)]


@pytest.mark.parametrize("role", ROLES)
def test_no_change_form_or_inline_alters_the_public_record(client, request, desk, role):
    client.force_login(request.getfixturevalue(role))
    before = public_record()
    tried = 0

    for model in _admin_models():
        for obj in model.objects.order_by("pk")[:30]:
            url = reverse(f"admin:claims_{model._meta.model_name}_change", args=[obj.pk])
            page = client.get(url)
            if page.status_code != 200:
                continue
            data = form_data(page, f"{model._meta.model_name}_form")
            for name, value in list(data.items()):
                if isinstance(value, str) and not name.endswith(UNTOUCHED):
                    data[name] = _tampered(name, value)
            # Fields shown read-only are absent from the form: send them all the same.
            for field in FROZEN_FIELDS.get(model._meta.model_name, ()):
                data.setdefault(field, "tampered")
            response = client.post(url, data)
            assert response.status_code in (200, 302, 403), url
            tried += 1

    assert tried > 0
    assert public_record() == before


@pytest.mark.parametrize("role", ROLES)
def test_no_admin_action_alters_the_public_record(client, request, desk, role):
    client.force_login(request.getfixturevalue(role))
    before = public_record()

    for model in _admin_models():
        url = reverse(f"admin:claims_{model._meta.model_name}_changelist")
        ids = [str(pk) for pk in model.objects.values_list("pk", flat=True)]
        page = client.get(url)
        action_form = page.context.get("action_form") if page.status_code == 200 else None
        if action_form is None or not ids:
            continue
        for action in action_form.fields["action"].choices:
            if not action[0]:
                continue
            data = {"action": action[0], "_selected_action": ids, "index": "0"}
            # The step itself, and the confirmation that some actions ask for first.
            for extra in ({}, {"post": "yes", "apply": "1", "reason": "opinion", "note": "x"}):
                response = client.post(url, {**data, **extra})
                assert response.status_code in (200, 302, 403), (url, action[0])

    assert public_record() == before
