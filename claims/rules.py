"""The workflow's rules as checks: who may do what to a claim or a review, and when.

Services call these to enforce a rule; the admin calls the same functions to offer only the
actions that would succeed. Each check raises WorkflowError with a message for the user.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from .enums import TRANSITIONS, ClaimStatus, DismissalReason, ReviewStatus, Role, Transition
from .models import Claim, Review
from .roles import has_role, user_roles

User = AbstractBaseUser


# A review its author may still change, and submit.
EDITABLE_REVIEW_STATUSES = frozenset({ReviewStatus.DRAFT, ReviewStatus.CHANGES_REQUESTED})


class WorkflowError(ValidationError):
    """A write refused by a rule; the message says why and nothing was changed."""


def refusal(check, *args, **kwargs) -> str:
    """Why the rule `check` refuses, or "" when it allows: for pages that offer only what
    would succeed."""
    try:
        check(*args, **kwargs)
    except WorkflowError as refused:
        return " ".join(refused.messages)
    return ""


def latest_review(claim: Claim) -> Review | None:
    """The claim's newest review: the one being worked on, or the current verdict."""
    return claim.reviews.order_by("-created_at", "-id").first()


def check_transition(claim: Claim, transition: str, by: User) -> None:
    """Whether `by` may make this transition on the claim as it stands: status, role, and the
    conditions that depend on the claim's data (not on what the user types)."""
    rule = TRANSITIONS.get(transition)
    if rule is None:
        raise WorkflowError(_("Unknown step: %(step)s.") % {"step": transition})
    step = Transition(transition).label.lower()
    if claim.status not in rule.sources:
        raise WorkflowError(wrong_status_message(claim, transition))
    if not user_roles(by) & rule.roles:
        raise WorkflowError(_("Your role does not allow this step (%(step)s).") % {"step": step})
    if transition == Transition.SUBMIT:
        review = latest_review(claim)
        if review is None or review.status not in EDITABLE_REVIEW_STATUSES:
            raise WorkflowError(_("Write a review before submitting."))
        if review.author_id != by.pk:
            raise WorkflowError(_("Only the review's author can submit it."))
        if review.is_correction:
            raise WorkflowError(_("A correction is submitted with its own button, not this one."))
        if review.rating_id is None or not review.summary.strip() or not review.analysis.strip():
            raise WorkflowError(_("The review needs a rating, a summary and an analysis."))
        if not claim.evidence.exists():
            raise WorkflowError(_("Add at least one piece of evidence before submitting."))
    if transition == Transition.UNASSIGN and claim.reviews.exists():
        raise WorkflowError(
            _("A review of this claim was started: assign it to another fact-checker instead.")
        )
    if transition == Transition.RECALL:
        review = latest_review(claim)
        if review is None or review.status != ReviewStatus.SUBMITTED or review.is_correction:
            raise WorkflowError(_("No review of this claim waits for sign-off."))
        if review.author_id != by.pk:
            raise WorkflowError(_("Only the review's author can take it back."))
        if review.signoffs.filter(round=review.round).exists():
            raise WorkflowError(
                _("A reviewer has already signed off this version; ask them in the thread.")
            )
    if transition == Transition.PUBLISH:
        review = latest_review(claim)
        if review is None or review.status != ReviewStatus.APPROVED:
            raise WorkflowError(_("The review must be approved before the claim is published."))


# Reverses of one-click steps: never what a refusal suggests doing first.
UNDO_ONLY = frozenset({Transition.UNSELECT, Transition.UNASSIGN, Transition.RECALL})


def step_leading_to(status: str, transition: str) -> str | None:
    """The transition that takes a claim from `status` to one where `transition` may start,
    if there is one: what a refusal tells the user to do first."""
    sources = TRANSITIONS[transition].sources
    return next(
        (
            name
            for name, rule in TRANSITIONS.items()
            if status in rule.sources and rule.target in sources and name not in UNDO_ONLY
        ),
        None,
    )


def wrong_status_message(claim: Claim, transition: str) -> str:
    """Why `transition` cannot start from the claim's status, naming the step that would make
    it possible: a new claim is selected before it is assigned."""
    status = claim.get_status_display().lower()
    step = Transition(transition).label.lower()
    first = step_leading_to(claim.status, transition)
    if first is None:
        return _("This step (%(step)s) is not open to a claim that is %(status)s.") % {
            "step": step,
            "status": status,
        }
    return _("This claim is %(status)s: first “%(first)s”, then %(step)s.") % {
        "status": status,
        "first": Transition(first).label,
        "step": step,
    }


def check_transition_input(
    transition: str, *, note: str, reason: str, assignee: User | None
) -> None:
    """What the user must supply for a transition: a note, a dismissal reason, an assignee."""
    if TRANSITIONS[transition].needs_note and not note.strip():
        raise WorkflowError(_("This step needs a note saying why."))
    if transition == Transition.DISMISS and reason not in DismissalReason.values:
        raise WorkflowError(_("Choose why the claim is dismissed."))
    if transition == Transition.ASSIGN and (
        assignee is None or not has_role(assignee, Role.FACT_CHECKER)
    ):
        raise WorkflowError(_("Assign the claim to a fact-checker."))


def check_review_kind(claim: Claim, *, correction_kind: str) -> None:
    """A first verdict is written while the claim is researched; a correction only of a claim
    readers can see now. Checked when a review is started, edited, submitted and approved."""
    if correction_kind:
        if claim.status != ClaimStatus.PUBLISHED:
            raise WorkflowError(
                _("Only a published verdict can be corrected; this claim is %(status)s.")
                % {"status": claim.get_status_display().lower()}
            )
    elif claim.first_published_at is not None:
        raise WorkflowError(_("This claim is published: a new review must be a correction."))
    elif claim.status != ClaimStatus.RESEARCHING:
        raise WorkflowError(
            _("A review is written while the claim is being researched; this claim is %(status)s.")
            % {"status": claim.get_status_display().lower()}
        )


def check_review_create(claim: Claim, author: User, *, correction_kind: str) -> None:
    """Whether `author` may start a review of the claim: a first verdict while it is
    researched, a correction once it is published, and never two reviews in progress."""
    if not has_role(author, Role.FACT_CHECKER):
        raise WorkflowError(_("Only fact-checkers write reviews."))
    if claim.status == ClaimStatus.WITHDRAWN:
        raise WorkflowError(_("This claim was withdrawn; it takes no new reviews."))
    check_review_kind(claim, correction_kind=correction_kind)
    if claim.reviews.exclude(status=ReviewStatus.APPROVED).exists():
        raise WorkflowError(_("This claim already has a review in progress; edit that one."))


DELETABLE_STATUSES = frozenset({ClaimStatus.NEW, ClaimStatus.DISMISSED})


def check_claim_delete(claim: Claim, by: User) -> None:
    """Only a claim still in triage may be deleted, by an editor: never one readers saw, one a
    fact-checker reviewed, or one other claims point to as their first occurrence."""
    if not has_role(by, Role.EDITOR):
        raise WorkflowError(_("Only editors can delete claims."))
    if claim.first_published_at is not None or claim.status not in DELETABLE_STATUSES:
        raise WorkflowError(
            _(
                "Only a new or dismissed claim can be deleted; dismiss or withdraw this one "
                "instead, so its record stays."
            )
        )
    if claim.reviews.exists():
        raise WorkflowError(_("This claim has a review; dismiss it instead of deleting it."))
    if claim.repeats.exists():
        raise WorkflowError(_("Other claims are linked to this one as repeats."))


def pending_correction(claim: Claim, author: User) -> Review | None:
    """The correction of `claim` that `author` is writing, if any."""
    # One signed off is no longer the author's to add to.
    return (
        claim.reviews.exclude(status__in=(ReviewStatus.APPROVED, ReviewStatus.SIGNED_OFF))
        .filter(author_id=author.pk)
        .exclude(correction_kind="")
        .first()
    )


def check_evidence_add(claim: Claim, by: User | None, *, correction: Review | None) -> None:
    """Evidence is added by editors and fact-checkers; to a published claim only with a
    correction in progress, by its author, so readers see it once the correction is approved."""
    if by is not None and not has_role(by, Role.EDITOR, Role.FACT_CHECKER):
        raise WorkflowError(_("Only editors and fact-checkers can add evidence."))
    if claim.first_published_at is None:
        if correction is not None:
            raise WorkflowError(_("Evidence comes with a correction only on a published claim."))
        return
    if correction is None or not correction.corrects_now(claim.pk):
        raise WorkflowError(
            _(
                "This claim is published: evidence is added with a correction. Start a "
                "correction first; its evidence is shown once the correction is approved."
            )
        )
    if by is not None and correction.author_id != by.pk:
        raise WorkflowError(_("Only the correction's author can add evidence to it."))


def check_review_edit(review: Review, by: User) -> None:
    """A review is edited only by its author, and only before it is submitted (a published
    verdict is never edited in place: it is corrected by a new review)."""
    if review.author_id != by.pk:
        raise WorkflowError(_("Only the review's author can edit it."))
    if review.status not in EDITABLE_REVIEW_STATUSES:
        raise WorkflowError(_("A submitted or approved review cannot be edited."))


def check_signoff(review: Review, by: User) -> None:
    """Whether `by` may approve or send back the review in its current round."""
    if not has_role(by, Role.REVIEWER):
        raise WorkflowError(_("Only reviewers sign off reviews."))
    if review.author_id == by.pk:
        raise WorkflowError(_("You wrote this review, so someone else must sign it off."))
    if review.status != ReviewStatus.SUBMITTED:
        raise WorkflowError(
            _("This review is %(status)s, not waiting for sign-off.")
            % {"status": review.get_status_display().lower()}
        )
    if review.is_correction:
        check_review_kind(review.claim, correction_kind=review.correction_kind)
    if review.signoffs.filter(round=review.round, reviewer=by).exists():
        raise WorkflowError(_("You have already signed off this version of the review."))


def corrections_need_editor() -> bool:
    """Whether a signed-off correction waits for an editor to publish it, like a first
    verdict (setting FACTCHECK_CORRECTIONS_NEED_EDITOR, default True), rather than reaching
    readers once the reviewers approve it."""
    return bool(getattr(settings, "FACTCHECK_CORRECTIONS_NEED_EDITOR", True))


def check_correction_publish(review: Review, by: User) -> None:
    """Whether `by` may publish this correction now: an editor, once the reviewers signed it
    off, while the claim is still published."""
    if not has_role(by, Role.EDITOR):
        raise WorkflowError(_("Only editors publish corrections."))
    if not review.is_correction or review.status != ReviewStatus.SIGNED_OFF:
        raise WorkflowError(
            _(
                "Only a correction the reviewers signed off can be published; this one is "
                "%(status)s."
            )
            % {"status": review.get_status_display().lower()}
        )
    check_review_kind(review.claim, correction_kind=review.correction_kind)


def check_submit_correction(review: Review, by: User) -> None:
    if review.author_id != by.pk:
        raise WorkflowError(_("Only the author can submit this correction."))
    if not review.is_correction or review.status not in EDITABLE_REVIEW_STATUSES:
        raise WorkflowError(_("Only a draft correction can be submitted this way."))
    check_review_kind(review.claim, correction_kind=review.correction_kind)
    if review.rating_id is None or not review.summary or not review.analysis:
        raise WorkflowError(_("The review needs a rating, a summary and an analysis."))
