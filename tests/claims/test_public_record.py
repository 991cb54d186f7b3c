"""What readers were told changes only through a correction: through the admin, the services,
the ORM and raw UPDATEs alike (`claims.public_record`, `claims.db.triggers`)."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.enums import ClaimStatus, CorrectionKind, PublicationKind, ReviewStatus, Role
from claims.models import (
    Claim,
    ClaimEvent,
    Evidence,
    PublicationEntry,
    Rating,
    Review,
    Statement,
)
from claims.public_record import FROZEN_FIELDS
from claims.rules import WorkflowError
from tests.adminforms import form_data
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    ReviewFactory,
    SourceFactory,
    SpeakerFactory,
    UserFactory,
    default_rating,
)

pytestmark = pytest.mark.django_db


def admin_url(model, page, *args):
    return reverse(f"admin:claims_{model._meta.model_name}_{page}", args=args)


def snapshot(claim: Claim) -> dict:
    """Everything about a claim that readers were told, read afresh from the database."""
    claim = Claim.objects.get(pk=claim.pk)
    statement = Statement.objects.filter(pk=claim.statement_id).values().get()
    statement.pop("id")
    return {
        "claim": {
            name: getattr(claim, Claim._meta.get_field(name).attname)
            for name in FROZEN_FIELDS["claim"]
        },
        "status": claim.status,
        "statement": statement,
        "evidence": list(Evidence.objects.filter(claim=claim).cited().values().order_by("id")),
        "verdicts": list(Review.objects.approved().filter(claim=claim).values().order_by("id")),
        "ratings": list(Rating.objects.values("id", "label", "value", "slug").order_by("id")),
        "record": list(PublicationEntry.objects.filter(claim=claim).values().order_by("id")),
    }


# --- the statement page and its claims inline ----------------------------------------------


def test_the_statement_page_cannot_rewrite_a_published_claims_wording(client, editor, publish):
    claim = publish()
    before = snapshot(claim)
    client.force_login(editor)
    url = admin_url(Statement, "change", claim.statement_id)
    data = form_data(client.get(url), "statement_form")
    data["claims-0-text"] = "NATO never admitted anyone."

    response = client.post(url, data)

    assert response.status_code in (200, 302)
    assert snapshot(claim) == before
    assert not ClaimEvent.objects.filter(claim=claim).exclude(action="publish").exists()


def test_the_statement_page_cannot_credit_a_published_claim_to_someone_else(
    client, editor, publish
):
    claim = publish()
    before = snapshot(claim)
    other, quoted = SpeakerFactory(name="Someone Else"), SpeakerFactory(name="A Quoted Person")
    client.force_login(editor)
    url = admin_url(Statement, "change", claim.statement_id)
    data = form_data(client.get(url), "statement_form")
    data.update(
        speaker=str(other.pk),
        reported_speaker=str(quoted.pk),
        said_on="1999-01-01",
        said_where="Somewhere else",
        speech="indirect",
        start="0",
        end="4",
        source=str(SourceFactory().pk),
    )

    response = client.post(url, data)

    assert response.status_code in (200, 302)
    assert snapshot(claim) == before


def test_the_statement_page_still_edits_a_statement_nobody_published(client, editor):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    client.force_login(editor)
    url = admin_url(Statement, "change", claim.statement_id)
    data = form_data(client.get(url), "statement_form")
    data.update(said_where="On the evening news", **{"claims-0-text": "Reworded."})

    response = client.post(url, data)

    assert response.status_code == 302
    claim.refresh_from_db()
    assert claim.text == "Reworded."
    assert claim.statement.said_where == "On the evening news"


def test_a_model_form_names_what_cannot_change(publish):
    from django import forms

    claim = publish()
    form = forms.modelform_factory(Claim, fields=["text"])({"text": "New words"}, instance=claim)

    assert not form.is_valid()
    assert "public record" in str(form.errors)


# --- every frozen field, below the admin ----------------------------------------------------


def _another_value(model, name, current):
    field = model._meta.get_field(name)
    if field.is_relation:
        others = field.related_model.objects.exclude(pk=current)
        return others.values_list("pk", flat=True).first()
    if isinstance(current, bool):
        return not current
    if isinstance(current, int):
        return current + 1
    if isinstance(current, datetime.datetime):
        return current - datetime.timedelta(days=1)
    if isinstance(current, datetime.date) or (current is None and name.endswith("_on")):
        return datetime.date(2001, 2, 3)
    return f"{current or ''}changed"


def _published_rows(publish) -> dict[str, object]:
    claim = publish()
    SpeakerFactory(), SourceFactory(), UserFactory(username="someone")
    ClaimFactory()  # another claim and statement to point at
    review = Review.objects.approved().get(claim=claim)
    Rating.objects.exclude(pk=review.rating_id).first()
    return {
        "claim": claim,
        "statement": claim.statement,
        "evidence": claim.evidence.get(),
        "review": review,
        "rating": review.rating,
    }


FROZEN = [(model, name) for model, names in FROZEN_FIELDS.items() for name in names]


@pytest.mark.parametrize(("model_name", "field"), FROZEN)
def test_the_database_refuses_a_change_to_any_frozen_field(publish, model_name, field):
    row = _published_rows(publish)[model_name]
    model = type(row)
    attname = model._meta.get_field(field).attname
    value = _another_value(model, field, getattr(row, attname))

    with pytest.raises(IntegrityError), transaction.atomic():
        model.objects.filter(pk=row.pk).update(**{attname: value})


def test_a_raw_update_is_refused_too(publish):
    claim = publish()

    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE claims_claim SET text = 'Rewritten' WHERE id = %s", [claim.pk])


def test_a_published_claim_cannot_leave_the_public_statuses(publish):
    claim = publish()

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.RESEARCHING)


def test_what_readers_never_saw_still_changes(publish):
    claim = publish()

    Claim.objects.filter(pk=claim.pk).update(internal_note="Ask the ministry again.")
    draft = ClaimFactory()
    Claim.objects.filter(pk=draft.pk).update(text="Reworded before publication.")

    assert Claim.objects.get(pk=draft.pk).text == "Reworded before publication."


def test_an_approved_verdict_cannot_be_added_to_a_published_claim_behind_the_record(publish):
    claim = publish()

    with pytest.raises(IntegrityError), transaction.atomic():
        ReviewFactory(claim=claim, status=ReviewStatus.APPROVED, approved_at=timezone.now())


# --- evidence ------------------------------------------------------------------------------


@pytest.fixture
def correcting(publish, fact_checker, write_correction):
    """A published claim and a correction of it being written by `fact_checker`."""
    claim = publish()
    correction = write_correction(claim, fact_checker)
    return claim, correction


def test_cited_evidence_cannot_be_edited_moved_or_deleted_in_the_admin(
    client, fact_checker, publish
):
    claim = publish()
    evidence = claim.evidence.get()
    before = snapshot(claim)
    elsewhere = ClaimFactory(status=ClaimStatus.RESEARCHING)
    client.force_login(fact_checker)
    url = admin_url(Evidence, "change", evidence.pk)
    data = form_data(client.get(url))
    data.update(claim=str(elsewhere.pk), excerpt="Something else", note="Moved.")

    client.post(url, data)
    deleted = client.post(admin_url(Evidence, "delete", evidence.pk), {"post": "yes"})
    bulk = client.post(
        admin_url(Evidence, "changelist"),
        {"action": "delete_selected", "_selected_action": [evidence.pk], "post": "yes"},
    )

    assert deleted.status_code in (302, 403)
    assert bulk.status_code in (200, 302, 403)
    assert snapshot(claim) == before
    assert not elsewhere.evidence.exists()


def test_cited_evidence_cannot_be_deleted_through_the_orm(publish):
    evidence = publish().evidence.get()

    with pytest.raises(ValidationError, match="cited by a published verdict"), transaction.atomic():
        Evidence.objects.filter(pk=evidence.pk).delete()
    assert Evidence.objects.filter(pk=evidence.pk).exists()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the DELETE trigger is PostgreSQL's")
def test_cited_evidence_cannot_be_deleted_with_sql(publish):
    evidence = publish().evidence.get()

    with pytest.raises(IntegrityError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("DELETE FROM claims_evidence WHERE id = %s", [evidence.pk])


def test_new_evidence_for_a_published_claim_needs_a_correction(publish, fact_checker):
    claim = publish()

    with pytest.raises(WorkflowError, match="Start a correction"):
        services.evidence_add(
            claim=claim, source=SourceFactory(), relation="refutes", by=fact_checker
        )
    with pytest.raises(IntegrityError), transaction.atomic():
        EvidenceFactory(claim=claim)


def test_evidence_added_with_a_correction_is_shown_once_the_correction_is_approved(
    client, correcting, fact_checker, reviewer, editor
):
    claim, correction = correcting
    services.evidence_add(
        claim=claim,
        source=SourceFactory(title="The current membership list"),
        relation="refutes",
        note="NEW-EVIDENCE-NOTE",
        by=fact_checker,
        correction=correction,
    )
    page = reverse("claims:detail", args=[claim.slug])
    api = reverse("api:claim-detail", args=[claim.slug])

    assert "NEW-EVIDENCE-NOTE" not in client.get(page).content.decode()
    assert "NEW-EVIDENCE-NOTE" not in client.get(api).content.decode()

    services.review_submit_correction(review=correction, by=fact_checker)
    services.review_approve(review=correction, by=reviewer)

    assert "NEW-EVIDENCE-NOTE" not in client.get(page).content.decode()  # signed off only

    services.correction_publish(review=correction, by=editor)

    assert "NEW-EVIDENCE-NOTE" in client.get(page).content.decode()
    assert "NEW-EVIDENCE-NOTE" in client.get(api).content.decode()


def test_the_claim_page_adds_evidence_to_the_users_correction(client, correcting, fact_checker):
    claim, correction = correcting
    client.force_login(fact_checker)
    url = admin_url(Claim, "change", claim.pk)
    data = form_data(client.get(url), "claim_form")
    source = SourceFactory(title="The current membership list")
    prefix = "evidence"
    n = int(data[f"{prefix}-TOTAL_FORMS"])
    data.update(
        {
            f"{prefix}-TOTAL_FORMS": str(n + 1),
            f"{prefix}-{n}-relation": "refutes",
            f"{prefix}-{n}-source": str(source.pk),
            f"{prefix}-{n}-note": "Checked again.",
        }
    )

    response = client.post(url, data)

    assert response.status_code == 302
    added = Evidence.objects.get(source=source)
    assert added.correction == correction
    assert added.history.first().history_user == fact_checker


def test_evidence_keeps_its_field_history(editor):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    evidence = services.evidence_add(
        claim=claim, source=SourceFactory(), relation="supports", by=editor
    )
    evidence.note = "A better note."
    evidence.save()

    assert [h.history_type for h in evidence.history.all()] == ["~", "+"]


# --- reviews and corrections by status -------------------------------------------------------


@pytest.mark.parametrize("status", [s for s in ClaimStatus if s != ClaimStatus.RESEARCHING])
def test_a_first_review_is_only_written_while_the_claim_is_researched(fact_checker, status):
    public = status in (ClaimStatus.PUBLISHED, ClaimStatus.WITHDRAWN)
    claim = ClaimFactory(
        status=status,
        dismissal_reason="opinion" if status == ClaimStatus.DISMISSED else "",
        first_published_at=timezone.now() if public else None,
    )

    with pytest.raises(WorkflowError):
        services.review_create(claim=claim, author=fact_checker)


def test_an_approved_review_waiting_for_publication_cannot_be_blocked_by_a_draft(
    fact_checker, reviewer, editor
):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    EvidenceFactory(claim=claim)
    services.review_create(
        claim=claim, author=fact_checker, rating=default_rating(), summary="s", analysis="a"
    )
    services.claim_transition(claim=claim, transition="submit", by=fact_checker)
    services.review_approve(review=claim.reviews.get(), by=reviewer)
    other_checker = UserFactory(username="other", roles=[Role.FACT_CHECKER])

    with pytest.raises(WorkflowError, match="researched"):
        services.review_create(claim=claim, author=other_checker)
    claim.refresh_from_db()
    services.claim_transition(claim=claim, transition="publish", by=editor)

    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.PUBLISHED


@pytest.fixture
def draft_on_unpublished(fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    EvidenceFactory(claim=claim)
    return services.review_create(
        claim=claim, author=fact_checker, rating=default_rating(), summary="s", analysis="a"
    )


def test_a_draft_cannot_become_a_correction_of_a_claim_nobody_saw(
    client, fact_checker, draft_on_unpublished
):
    client.force_login(fact_checker)
    url = admin_url(Review, "change", draft_on_unpublished.pk)
    data = form_data(client.get(url), "review_form")
    data.update(correction_kind="factual_correction", public_note="We got it wrong.")

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Only a published verdict can be corrected" in response.content.decode()
    assert Review.objects.get(pk=draft_on_unpublished.pk).correction_kind == ""


def test_a_correction_of_a_claim_nobody_saw_is_refused_at_every_step(
    fact_checker, reviewer, draft_on_unpublished
):
    review = draft_on_unpublished
    Review.objects.filter(pk=review.pk).update(
        correction_kind="factual_correction", public_note="We got it wrong."
    )
    review.refresh_from_db()

    with pytest.raises(WorkflowError, match="Only a published verdict"):
        services.review_submit_correction(review=review, by=fact_checker)
    with pytest.raises(WorkflowError):
        services.claim_transition(claim=review.claim, transition="submit", by=fact_checker)
    Review.objects.filter(pk=review.pk).update(status=ReviewStatus.SUBMITTED, round=1)
    review.refresh_from_db()
    with pytest.raises(WorkflowError, match="Only a published verdict"):
        services.review_approve(review=review, by=reviewer)
    assert not PublicationEntry.objects.filter(claim=review.claim).exists()


def test_the_database_refuses_a_correction_dated_before_the_first_publication(publish):
    claim = publish(when=timezone.now())

    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationEntry.objects.create(
            claim=claim,
            kind=PublicationKind.CORRECTION,
            correction_kind=CorrectionKind.CLARIFICATION,
            note="Earlier than the claim.",
            published_at=claim.first_published_at - datetime.timedelta(days=1),
        )
    never_published = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        PublicationEntry.objects.create(
            claim=never_published,
            kind=PublicationKind.CORRECTION,
            correction_kind=CorrectionKind.CLARIFICATION,
            note="Of nothing readers saw.",
        )


# --- deleting --------------------------------------------------------------------------------


def test_an_editor_deletes_a_new_claim_with_its_events(client, editor):
    statement = ClaimFactory().statement
    claim = services.claim_create(statement=statement, text="Split by mistake.", by=editor)
    client.force_login(editor)

    response = client.post(admin_url(Claim, "delete", claim.pk), {"post": "yes"})

    assert response.status_code == 302
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert not ClaimEvent.objects.filter(claim_id=claim.pk).exists()
    assert Claim.history.filter(id=claim.pk, history_type="-").get().history_user == editor


@pytest.mark.parametrize("user", ["editor", "superuser"])
def test_a_published_claim_has_no_delete_button_for_anyone(client, request, publish, user):
    claim = publish()
    client.force_login(request.getfixturevalue(user))

    page = client.get(admin_url(Claim, "change", claim.pk)).content.decode()
    response = client.post(admin_url(Claim, "delete", claim.pk), {"post": "yes"})

    assert admin_url(Claim, "delete", claim.pk) not in page
    assert response.status_code in (302, 403)
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_bulk_delete_says_which_claims_cannot_go_and_deletes_none(client, editor, publish):
    published = publish()
    new = ClaimFactory()
    client.force_login(editor)
    data = {"action": "delete_selected", "_selected_action": [published.pk, new.pk]}

    confirm = client.post(admin_url(Claim, "changelist"), data)
    client.post(admin_url(Claim, "changelist"), {**data, "post": "yes"})

    assert "Only a new or dismissed claim can be deleted" in confirm.content.decode()
    assert Claim.objects.filter(pk__in=[published.pk, new.pk]).count() == 2


@pytest.mark.parametrize("role", ["fact_checker", "reviewer"])
def test_only_editors_delete_claims(request, role):
    claim = ClaimFactory()

    with pytest.raises(WorkflowError):
        services.claim_delete(claim=claim, by=request.getfixturevalue(role))
