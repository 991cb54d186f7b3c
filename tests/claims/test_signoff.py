"""Independent sign-off, corrections and the history they leave."""

import pytest
from django.utils import timezone

from claims import services
from claims.enums import ClaimStatus, CorrectionKind, ReviewStatus, Role, Transition
from claims.selectors import claim_current_review
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    ReviewFactory,
    UserFactory,
    default_rating,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted(fact_checker):
    """A claim in review whose review, by `fact_checker`, waits for sign-off."""
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    EvidenceFactory(claim=claim)
    review = ReviewFactory(claim=claim, author=fact_checker)
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    review.refresh_from_db()
    return review


def test_submitting_opens_a_signoff_round(submitted):
    assert submitted.status == ReviewStatus.SUBMITTED
    assert submitted.round == 1
    assert submitted.claim.status == ClaimStatus.IN_REVIEW


def test_the_author_cannot_approve_their_own_review(submitted, fact_checker):
    fact_checker.groups.add(*UserFactory(roles=[Role.REVIEWER]).groups.all())
    fact_checker._claims_roles = None  # roles are cached per user object

    with pytest.raises(services.WorkflowError, match="someone else must sign it off"):
        services.review_approve(review=submitted, by=fact_checker)

    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.SUBMITTED
    assert not submitted.signoffs.exists()


def test_one_approval_is_enough_by_default(submitted, reviewer):
    services.review_approve(review=submitted, by=reviewer, comment="Sources hold up.")

    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.APPROVED
    assert submitted.approved_at is not None


def test_the_approval_quorum_setting_is_honoured(settings, submitted, reviewer, second_reviewer):
    settings.FACTCHECK_APPROVALS_REQUIRED = 2

    services.review_approve(review=submitted, by=reviewer)
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.SUBMITTED
    with pytest.raises(services.WorkflowError, match="already signed off"):
        services.review_approve(review=submitted, by=reviewer)

    services.review_approve(review=submitted, by=second_reviewer)
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.APPROVED
    assert submitted.signoffs.count() == 2


def test_a_majority_panel_needs_two_requests_for_changes_to_send_back(
    settings, submitted, reviewer, second_reviewer
):
    settings.FACTCHECK_APPROVALS_REQUIRED = 2
    settings.FACTCHECK_REVIEW_PANEL = 3
    third = UserFactory(username="rosa", roles=[Role.REVIEWER])

    services.review_request_changes(review=submitted, by=reviewer, comment="Weak sourcing.")
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.SUBMITTED  # 2 of the 3 may still approve

    services.review_approve(review=submitted, by=second_reviewer)
    services.review_request_changes(review=submitted, by=third, comment="Agree: weak.")

    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.CHANGES_REQUESTED
    assert submitted.claim.status == ClaimStatus.RESEARCHING


def test_request_changes_needs_a_comment(submitted, reviewer):
    with pytest.raises(services.WorkflowError, match="what needs to change"):
        services.review_request_changes(review=submitted, by=reviewer, comment=" ")


def test_request_changes_sends_the_claim_back_and_resubmission_starts_afresh(
    submitted, fact_checker, reviewer
):
    services.review_request_changes(review=submitted, by=reviewer, comment="Cite the treaty.")

    claim = submitted.claim
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESEARCHING
    event = claim.events.latest("id")
    assert (event.action, event.note, event.actor) == ("send_back", "Cite the treaty.", reviewer)

    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    submitted.refresh_from_db()
    assert (submitted.status, submitted.round) == (ReviewStatus.SUBMITTED, 2)
    services.review_approve(review=submitted, by=reviewer)  # may sign the new round
    submitted.refresh_from_db()
    assert submitted.status == ReviewStatus.APPROVED


def test_a_submitted_review_cannot_be_edited(submitted, fact_checker):
    from claims.rules import check_review_edit

    with pytest.raises(services.WorkflowError, match="cannot be edited"):
        check_review_edit(submitted, fact_checker)


# --- corrections -----------------------------------------------------------------------------


@pytest.fixture
def published(submitted, reviewer, editor):
    services.review_approve(review=submitted, by=reviewer)
    claim = submitted.claim
    claim.refresh_from_db()
    services.claim_transition(claim=claim, transition=Transition.PUBLISH, by=editor)
    return claim


def test_a_published_claim_takes_only_corrections(published, fact_checker):
    with pytest.raises(services.WorkflowError, match="must be a correction"):
        services.review_create(claim=published, author=fact_checker, rating=default_rating())


def test_a_correction_keeps_the_earlier_verdict_in_the_record(
    published, fact_checker, second_reviewer, editor
):
    first = claim_current_review(published)
    correction = services.review_create(
        claim=published,
        author=fact_checker,
        rating=default_rating("mostly-true"),
        summary="Mostly accurate; one date was wrong.",
        analysis="Montenegro joined in 2017, not 2016.",
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="We changed the rating after a reader pointed out a wrong date.",
    )
    services.review_submit_correction(review=correction, by=fact_checker)

    assert claim_current_review(published) == first  # readers see the old verdict meanwhile

    services.review_approve(review=correction, by=second_reviewer)

    correction.refresh_from_db()
    assert correction.status == ReviewStatus.SIGNED_OFF  # the editor publishes it
    assert claim_current_review(published) == first
    assert published.publication_record.count() == 1

    services.correction_publish(review=correction, by=editor)

    published.refresh_from_db()
    assert published.status == ClaimStatus.PUBLISHED
    assert claim_current_review(published) == correction
    first.refresh_from_db()
    assert first.status == ReviewStatus.APPROVED  # still there, as the record of the change
    record = list(published.publication_record.values_list("kind", "correction_kind", "note"))
    assert record == [
        ("first_publication", "", ""),
        (
            "correction",
            "rating_change",
            "We changed the rating after a reader pointed out a wrong date.",
        ),
    ]


def test_a_correction_needs_a_public_note(published, fact_checker):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        services.review_create(
            claim=published,
            author=fact_checker,
            rating=default_rating(),
            summary="s",
            analysis="a",
            correction_kind=CorrectionKind.CLARIFICATION,
        )


def test_only_one_review_in_progress_at_a_time(published, fact_checker):
    services.review_create(
        claim=published,
        author=fact_checker,
        correction_kind=CorrectionKind.CLARIFICATION,
        public_note="Clarified the timeline.",
    )

    with pytest.raises(services.WorkflowError, match="already has a review in progress"):
        services.review_create(
            claim=published,
            author=fact_checker,
            correction_kind=CorrectionKind.CLARIFICATION,
            public_note="Again.",
        )


def test_a_withdrawn_claim_takes_no_new_reviews(published, editor, fact_checker):
    services.claim_transition(
        claim=published, transition=Transition.WITHDRAW, by=editor, note="Misattributed quote."
    )

    with pytest.raises(services.WorkflowError, match="withdrawn"):
        services.review_create(
            claim=published,
            author=fact_checker,
            correction_kind=CorrectionKind.FACTUAL_CORRECTION,
            public_note="x",
        )
    assert published.publication_record.latest("id").kind == "withdrawal"


# --- field-level history ---------------------------------------------------------------------


def test_history_records_every_status_move_with_its_author(published, editor):
    statuses = list(published.history.order_by("history_id").values_list("status", flat=True))

    assert statuses[-3:] == [ClaimStatus.RESEARCHING, ClaimStatus.IN_REVIEW, ClaimStatus.PUBLISHED]
    assert published.history.latest("history_id").history_user == editor


def test_history_records_review_changes(submitted, reviewer):
    services.review_approve(review=submitted, by=reviewer)

    latest = submitted.history.latest("history_id")
    assert latest.status == ReviewStatus.APPROVED
    assert latest.history_user == reviewer
    assert latest.approved_at <= timezone.now()


def test_with_corrections_needing_no_editor_the_approval_publishes(
    published, fact_checker, second_reviewer, settings
):
    settings.FACTCHECK_CORRECTIONS_NEED_EDITOR = False
    correction = services.review_create(
        claim=published,
        author=fact_checker,
        rating=default_rating("mostly-true"),
        summary="Mostly accurate; one date was wrong.",
        analysis="Montenegro joined in 2017, not 2016.",
        correction_kind=CorrectionKind.FACTUAL_CORRECTION,
        public_note="We corrected a date.",
    )
    services.review_submit_correction(review=correction, by=fact_checker)

    services.review_approve(review=correction, by=second_reviewer)

    correction.refresh_from_db()
    assert correction.status == ReviewStatus.APPROVED
    assert claim_current_review(published) == correction
    assert published.publication_record.filter(kind="correction").count() == 1


@pytest.mark.parametrize("who", ["fact_checker", "second_reviewer"])
def test_only_an_editor_publishes_a_signed_off_correction(
    request, published, fact_checker, second_reviewer, editor, who
):
    correction = services.review_create(
        claim=published,
        author=fact_checker,
        rating=default_rating("mostly-true"),
        summary="Mostly accurate.",
        analysis="A date was wrong.",
        correction_kind=CorrectionKind.FACTUAL_CORRECTION,
        public_note="We corrected a date.",
    )
    services.review_submit_correction(review=correction, by=fact_checker)
    with pytest.raises(services.WorkflowError, match="signed off"):
        services.correction_publish(review=correction, by=editor)  # not signed off yet
    services.review_approve(review=correction, by=second_reviewer)

    with pytest.raises(services.WorkflowError, match="Only editors"):
        services.correction_publish(review=correction, by=request.getfixturevalue(who))

    correction.refresh_from_db()
    assert correction.status == ReviewStatus.SIGNED_OFF
    assert published.publication_record.filter(kind="correction").count() == 0
