"""Statuses, roles and the claim workflow's transition table: one place for each rule.

The workflow status of a claim, the verdict inside a review and the public record are kept
apart (docs/architecture.md); this module names the first and the choices the other two use.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Newsroom roles. Each is a Django group created by a migration; a user may hold several."""

    EDITOR = "Editor", _("Editor")
    FACT_CHECKER = "Fact-checker", _("Fact-checker")
    REVIEWER = "Reviewer", _("Reviewer")


class ClaimStatus(models.TextChoices):
    NEW = "new", _("New")
    SELECTED = "selected", _("Selected")
    DISMISSED = "dismissed", _("Dismissed")
    RESEARCHING = "researching", _("Researching")
    IN_REVIEW = "in_review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses whose claims readers, the API and feeds may see.
PUBLIC_STATUSES = frozenset({ClaimStatus.PUBLISHED, ClaimStatus.WITHDRAWN})


class DismissalReason(models.TextChoices):
    NOT_CHECKWORTHY = "not_checkworthy", _("Not check-worthy")
    OPINION = "opinion", _("Opinion, not a factual claim")
    DUPLICATE = "duplicate", _("Duplicate of another claim")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")


class Transition(models.TextChoices):
    SELECT = "select", _("Select for checking")
    DISMISS = "dismiss", _("Dismiss")
    REOPEN = "reopen", _("Reopen")
    ASSIGN = "assign", _("Assign to a fact-checker")
    SUBMIT = "submit", _("Submit for review")
    SEND_BACK = "send_back", _("Send back to research")
    PUBLISH = "publish", _("Publish")
    WITHDRAW = "withdraw", _("Withdraw")
    # The reverses of the steps taken in one click, which their Undo buttons take.
    UNSELECT = "unselect", _("Put back among new claims")
    UNASSIGN = "unassign", _("Take back the assignment")
    RECALL = "recall", _("Take back from review")


@dataclass(frozen=True)
class TransitionRule:
    """One row of the workflow: where a transition may start, where it ends, and who may make it.

    Conditions beyond status and role (a reason, an approved review, ...) are checked by the
    service that performs the transition, next to the data they need.
    """

    sources: frozenset[str]
    target: str
    roles: frozenset[str]
    needs_note: bool = False


def _rule(sources: set[str], target: str, role: str, needs_note: bool = False) -> TransitionRule:
    return TransitionRule(frozenset(sources), target, frozenset({role}), needs_note)


# Each transition: the statuses it starts from, the status it ends in, the role that makes it.
_S = ClaimStatus
TRANSITIONS: dict[str, TransitionRule] = {
    Transition.SELECT: _rule({_S.NEW}, _S.SELECTED, Role.EDITOR),
    Transition.DISMISS: _rule({_S.NEW, _S.SELECTED}, _S.DISMISSED, Role.EDITOR),
    Transition.REOPEN: _rule({_S.DISMISSED}, _S.NEW, Role.EDITOR),
    Transition.ASSIGN: _rule({_S.SELECTED, _S.RESEARCHING}, _S.RESEARCHING, Role.EDITOR),
    Transition.SUBMIT: _rule({_S.RESEARCHING}, _S.IN_REVIEW, Role.FACT_CHECKER),
    Transition.SEND_BACK: _rule({_S.IN_REVIEW}, _S.RESEARCHING, Role.REVIEWER, needs_note=True),
    Transition.PUBLISH: _rule({_S.IN_REVIEW}, _S.PUBLISHED, Role.EDITOR),
    Transition.WITHDRAW: _rule({_S.PUBLISHED}, _S.WITHDRAWN, Role.EDITOR, needs_note=True),
    Transition.UNSELECT: _rule({_S.SELECTED}, _S.NEW, Role.EDITOR),
    Transition.UNASSIGN: _rule({_S.RESEARCHING}, _S.SELECTED, Role.EDITOR),
    Transition.RECALL: _rule({_S.IN_REVIEW}, _S.RESEARCHING, Role.FACT_CHECKER),
}

# Steps taken in one click on a claim's page (no page asking for anything but a fact-checker),
# each with the transition that undoes it. Publishing, withdrawing, dismissing and every step
# with a required note keep their confirmation page.
UNDO: dict[str, str] = {
    Transition.SELECT: Transition.UNSELECT,
    Transition.ASSIGN: Transition.UNASSIGN,
    Transition.SUBMIT: Transition.RECALL,
    Transition.UNSELECT: Transition.SELECT,
    Transition.RECALL: Transition.SUBMIT,
}


class SpeechKind(models.TextChoices):
    DIRECT = "direct", _("Direct quote")
    INDIRECT = "indirect", _("Indirect (reported) speech")
    NARRATION = "narration", _("The outlet's own narration")


class SpeakerKind(models.TextChoices):
    PERSON = "person", _("Person")
    ORGANIZATION = "organization", _("Organisation")


class SourceKind(models.TextChoices):
    ARTICLE = "article", _("News article")
    TRANSCRIPT = "transcript", _("Transcript")
    OFFICIAL_DOCUMENT = "official_document", _("Official document")
    SOCIAL_POST = "social_post", _("Social media post")
    DATASET = "dataset", _("Dataset")
    VIDEO = "video", _("Video or broadcast")
    OTHER = "other", _("Other")


class EvidenceRelation(models.TextChoices):
    REFUTES = "refutes", _("Refutes")
    SUPPORTS = "supports", _("Supports")
    CONTEXT = "context", _("Gives context")


class ReviewStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted for sign-off")
    # A correction signed off by the reviewers, which the editor publishes
    # (FACTCHECK_CORRECTIONS_NEED_EDITOR); readers see it once it is approved.
    SIGNED_OFF = "signed_off", _("Signed off, waiting for the editor")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    APPROVED = "approved", _("Approved")


class SignoffDecision(models.TextChoices):
    APPROVE = "approve", _("Approve")
    REQUEST_CHANGES = "request_changes", _("Request changes")


class CorrectionKind(models.TextChoices):
    CLARIFICATION = "clarification", _("Clarification")
    FACTUAL_CORRECTION = "factual_correction", _("Factual correction")
    RATING_CHANGE = "rating_change", _("Rating change")


class PublicationKind(models.TextChoices):
    """Entries of the public record: what readers were told, and when."""

    FIRST_PUBLICATION = "first_publication", _("First publication")
    CORRECTION = "correction", _("Correction")
    WITHDRAWAL = "withdrawal", _("Withdrawal")


class Priority(models.IntegerChoices):
    """How soon an assignment matters; lower comes first in the desk's lists."""

    URGENT = 1, _("Urgent")
    HIGH = 2, _("High")
    NORMAL = 3, _("Normal")
    LOW = 4, _("Low")
