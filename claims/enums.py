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


TRANSITIONS: dict[str, TransitionRule] = {
    Transition.SELECT: TransitionRule(
        sources=frozenset({ClaimStatus.NEW}),
        target=ClaimStatus.SELECTED,
        roles=frozenset({Role.EDITOR}),
    ),
    Transition.DISMISS: TransitionRule(
        sources=frozenset({ClaimStatus.NEW, ClaimStatus.SELECTED}),
        target=ClaimStatus.DISMISSED,
        roles=frozenset({Role.EDITOR}),
    ),
    Transition.REOPEN: TransitionRule(
        sources=frozenset({ClaimStatus.DISMISSED}),
        target=ClaimStatus.NEW,
        roles=frozenset({Role.EDITOR}),
    ),
    Transition.ASSIGN: TransitionRule(
        sources=frozenset({ClaimStatus.SELECTED, ClaimStatus.RESEARCHING}),
        target=ClaimStatus.RESEARCHING,
        roles=frozenset({Role.EDITOR}),
    ),
    Transition.SUBMIT: TransitionRule(
        sources=frozenset({ClaimStatus.RESEARCHING}),
        target=ClaimStatus.IN_REVIEW,
        roles=frozenset({Role.FACT_CHECKER}),
    ),
    Transition.SEND_BACK: TransitionRule(
        sources=frozenset({ClaimStatus.IN_REVIEW}),
        target=ClaimStatus.RESEARCHING,
        roles=frozenset({Role.REVIEWER}),
        needs_note=True,
    ),
    Transition.PUBLISH: TransitionRule(
        sources=frozenset({ClaimStatus.IN_REVIEW}),
        target=ClaimStatus.PUBLISHED,
        roles=frozenset({Role.EDITOR}),
    ),
    Transition.WITHDRAW: TransitionRule(
        sources=frozenset({ClaimStatus.PUBLISHED}),
        target=ClaimStatus.WITHDRAWN,
        roles=frozenset({Role.EDITOR}),
        needs_note=True,
    ),
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
