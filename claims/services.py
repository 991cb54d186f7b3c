"""Every write that has rules. Admin actions, views, commands and the seed all call these.

Each function is keyword-only, atomic, locks what it changes, checks who may do it, and writes
its audit event. Nobody assigns `Claim.status` anywhere else.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import text as textlib
from .enums import (
    TRANSITIONS,
    DismissalReason,
    PublicationKind,
    ReviewStatus,
    Role,
    SignoffDecision,
    SourceKind,
    SpeakerKind,
    SpeechKind,
    Transition,
)
from .models import (
    Claim,
    ClaimEvent,
    Evidence,
    PublicationEntry,
    Rating,
    Review,
    Signoff,
    Source,
    Speaker,
    Statement,
    Topic,
)
from .roles import has_role, user_roles

User = AbstractBaseUser


class WorkflowError(ValidationError):
    """A write refused by a rule; the message says why and nothing was changed."""


# --- slugs -----------------------------------------------------------------------------------


def unique_slug(model: type, base_text: str, *, max_length: int = 80) -> str:
    """A slug from the first words of base_text, made unique in model with -2, -3, ..."""
    base = slugify(base_text)[:max_length].rstrip("-")
    if "-" in base and len(slugify(base_text)) > max_length:
        base = base.rsplit("-", 1)[0]  # do not cut a word in half
    base = base or "item"
    slug, n = base, 1
    while model.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


# --- sources, speakers, statements -----------------------------------------------------------


@transaction.atomic
def source_import(
    *,
    title: str,
    text: str = "",
    url: str = "",
    publisher: str = "",
    author: str = "",
    language: str = "en",
    kind: str = SourceKind.ARTICLE,
    published_at: datetime.datetime | None = None,
    retrieved_at: datetime.datetime | None = None,
) -> tuple[Source, bool]:
    """Store a document once. Returns (source, created).

    The same URL finds the source already there instead of making a second; without a URL, the
    same normalised text does; a reference with neither (a document known only by its title)
    is found by title, publisher and date.
    """
    normalised_text = textlib.normalize_text(text)
    normalised_url = textlib.normalize_url(url)
    if normalised_url:
        same = Source.objects.filter(url=normalised_url)
    elif normalised_text:
        same = Source.objects.filter(url="", content_hash=textlib.content_hash(normalised_text))
    else:
        same = Source.objects.filter(
            url="",
            text="",
            title=title.strip(),
            publisher=publisher.strip(),
            published_at=published_at,
        )
    existing = same.first()
    if existing is not None:
        return existing, False
    source = Source(
        title=title.strip(),
        text=normalised_text,
        url=normalised_url,
        publisher=publisher.strip(),
        author=author.strip(),
        language=language,
        kind=kind,
        published_at=published_at,
        retrieved_at=retrieved_at,
    )
    source.full_clean()
    source.save()
    return source, True


@transaction.atomic
def speaker_get_or_create(
    *,
    name: str,
    kind: str = SpeakerKind.PERSON,
    aliases: Iterable[str] = (),
    role: str = "",
    description: str = "",
    wikidata_id: str = "",
    url: str = "",
) -> tuple[Speaker, bool]:
    """The speaker of this name, or a new one with a stable slug. Returns (speaker, created)."""
    existing = Speaker.objects.filter(name=name.strip()).first()
    if existing is not None:
        return existing, False
    speaker = Speaker(
        name=name.strip(),
        slug=unique_slug(Speaker, name),
        kind=kind,
        aliases=list(aliases),
        role=role,
        description=description,
        wikidata_id=wikidata_id,
        url=url,
    )
    speaker.full_clean()
    speaker.save()
    return speaker, True


@transaction.atomic
def statement_create(
    *,
    source: Source,
    speaker: Speaker,
    quote: str,
    start: int | None = None,
    end: int | None = None,
    speech: str = SpeechKind.DIRECT,
    reported_speaker: Speaker | None = None,
    said_where: str = "",
    said_on: datetime.date | None = None,
) -> Statement:
    """Anchor what a speaker said to its exact span of the source text.

    Without offsets the quote is located in the text (it must occur exactly once); with them,
    the quote must equal that slice. A mismatch raises ValidationError and stores nothing.
    """
    statement = Statement(
        source=source,
        speaker=speaker,
        reported_speaker=reported_speaker,
        quote=quote,
        start=start,
        end=end,
        speech=speech,
        said_where=said_where,
        said_on=said_on,
    )
    statement.full_clean()
    statement.save()
    return statement


# --- claims ----------------------------------------------------------------------------------


def _log(
    claim: Claim,
    *,
    actor: User | None,
    action: str,
    from_status: str = "",
    to_status: str = "",
    note: str = "",
) -> ClaimEvent:
    return ClaimEvent.objects.create(
        claim=claim,
        actor=actor,
        action=action,
        from_status=from_status,
        to_status=to_status,
        note=note,
    )


@transaction.atomic
def claim_create(
    *,
    statement: Statement,
    text: str,
    by: User | None,
    slug: str = "",
    topics: Iterable[Topic] = (),
    checkworthiness: float | None = None,
    context_note: str = "",
    internal_note: str = "",
    repeat_of: Claim | None = None,
) -> Claim:
    """A new claim, status new, taken from a statement; logged as created."""
    if by is not None and not has_role(by, Role.EDITOR):
        raise WorkflowError(_("Only editors can split statements into claims."))
    claim = Claim(
        statement=statement,
        text=text.strip(),
        slug=slug or unique_slug(Claim, text),
        checkworthiness=checkworthiness,
        context_note=context_note,
        internal_note=internal_note,
        repeat_of=repeat_of,
        created_by=by,
    )
    claim.full_clean()
    claim.save()
    claim.topics.set(topics)
    _log(claim, actor=by, action="create", to_status=claim.status)
    return claim


def _latest_review(claim: Claim) -> Review | None:
    return claim.reviews.order_by("-created_at", "-id").first()


def _check_conditions(
    claim: Claim, transition: str, *, note: str, reason: str, assignee: User | None
) -> None:
    """The conditions a transition needs beyond status and role. Raises WorkflowError."""
    rule = TRANSITIONS[transition]
    if rule.needs_note and not note.strip():
        raise WorkflowError(_("This step needs a note saying why."))
    if transition == Transition.DISMISS and reason not in DismissalReason.values:
        raise WorkflowError(_("Choose why the claim is dismissed."))
    if transition == Transition.ASSIGN and (
        assignee is None or not has_role(assignee, Role.FACT_CHECKER)
    ):
        raise WorkflowError(_("Assign the claim to a fact-checker."))
    if transition == Transition.SUBMIT:
        review = _latest_review(claim)
        if review is None or review.status == ReviewStatus.APPROVED:
            raise WorkflowError(_("Write a review before submitting."))
        if review.rating_id is None or not review.summary.strip() or not review.analysis.strip():
            raise WorkflowError(_("The review needs a rating, a summary and an analysis."))
        if not claim.evidence.exists():
            raise WorkflowError(_("Add at least one piece of evidence before submitting."))
    if transition == Transition.PUBLISH:
        review = _latest_review(claim)
        if review is None or review.status != ReviewStatus.APPROVED:
            raise WorkflowError(_("The review must be approved before the claim is published."))


@transaction.atomic
def claim_transition(
    *,
    claim: Claim,
    transition: str,
    by: User,
    note: str = "",
    reason: str = "",
    assignee: User | None = None,
) -> Claim:
    """Move a claim along the workflow, if the rule, the user's role and the conditions allow.

    Locks the row and updates it only if nobody changed it since `claim` was read (its version),
    so two people acting at once cannot both win. Logs the event. Refusals raise WorkflowError
    and change nothing. Updates `claim` in place and returns it.
    """
    rule = TRANSITIONS.get(transition)
    if rule is None:
        raise WorkflowError(_("Unknown step: %(step)s.") % {"step": transition})
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    if current.version != claim.version:
        raise WorkflowError(
            _(
                "Someone else changed this claim while you were working on it. Reload it and try "
                "again."
            )
        )
    if current.status not in rule.sources:
        raise WorkflowError(
            _("A claim that is %(status)s cannot be moved this way (%(step)s).")
            % {
                "status": current.get_status_display().lower(),
                "step": Transition(transition).label.lower(),
            }
        )
    if not user_roles(by) & rule.roles:
        raise WorkflowError(
            _("Your role does not allow this step (%(step)s).")
            % {"step": Transition(transition).label.lower()}
        )
    _check_conditions(current, transition, note=note, reason=reason, assignee=assignee)

    now = timezone.now()
    changes: dict[str, Any] = {
        "status": rule.target,
        "version": F("version") + 1,
        "updated_at": now,
    }
    if transition == Transition.DISMISS:
        changes["dismissal_reason"] = reason
    if transition == Transition.REOPEN:
        changes["dismissal_reason"] = ""
    if transition == Transition.ASSIGN:
        changes["assignee"] = assignee
    if transition == Transition.PUBLISH and current.first_published_at is None:
        changes["first_published_at"] = now
    updated = Claim.objects.filter(pk=claim.pk, version=current.version).update(**changes)
    if updated != 1:
        raise WorkflowError(_("Someone else changed this claim at the same moment. Reload it."))

    if transition == Transition.SUBMIT:
        review = _latest_review(current)
        Review.objects.filter(pk=review.pk).update(
            status=ReviewStatus.SUBMITTED, submitted_at=now, updated_at=now
        )
    if transition == Transition.PUBLISH:
        PublicationEntry.objects.create(
            claim=current,
            kind=PublicationKind.FIRST_PUBLICATION,
            review=_latest_review(current),
            published_at=now,
        )
    if transition == Transition.WITHDRAW:
        PublicationEntry.objects.create(
            claim=current, kind=PublicationKind.WITHDRAWAL, note=note.strip(), published_at=now
        )
    event_note = note.strip() or (DismissalReason(reason).label if reason else "")
    if transition == Transition.ASSIGN:
        event_note = event_note or _("Assigned to %(user)s") % {"user": assignee.get_username()}
    _log(
        current,
        actor=by,
        action=transition,
        from_status=current.status,
        to_status=rule.target,
        note=str(event_note),
    )
    claim.refresh_from_db()
    return claim


@transaction.atomic
def evidence_add(
    *,
    claim: Claim,
    source: Source,
    relation: str,
    by: User | None,
    excerpt: str = "",
    note: str = "",
    archive_url: str = "",
) -> Evidence:
    """Attach a counter-source or context to a claim; logged on the claim."""
    if by is not None and not has_role(by, Role.EDITOR, Role.FACT_CHECKER):
        raise WorkflowError(_("Only editors and fact-checkers can add evidence."))
    evidence = Evidence(
        claim=claim,
        source=source,
        relation=relation,
        excerpt=excerpt,
        note=note,
        archive_url=archive_url,
        added_by=by,
    )
    evidence.full_clean()
    evidence.save()
    _log(claim, actor=by, action="add_evidence", note=str(evidence))
    return evidence


# --- reviews and sign-off --------------------------------------------------------------------


@transaction.atomic
def review_create(
    *,
    claim: Claim,
    author: User,
    rating: Rating | None = None,
    summary: str = "",
    analysis: str = "",
    correction_kind: str = "",
    public_note: str = "",
) -> Review:
    """A draft review by a fact-checker. After publication, only corrections may be drafted."""
    if not has_role(author, Role.FACT_CHECKER):
        raise WorkflowError(_("Only fact-checkers write reviews."))
    if claim.first_published_at is not None and not correction_kind:
        raise WorkflowError(_("This claim is published: a new review must be a correction."))
    review = Review(
        claim=claim,
        author=author,
        rating=rating,
        summary=summary.strip(),
        analysis=analysis.strip(),
        correction_kind=correction_kind,
        public_note=public_note.strip(),
    )
    review.full_clean()
    review.save()
    _log(claim, actor=author, action="write_review", note=str(review))
    return review


def approvals_required() -> int:
    """How many distinct reviewers must approve a review (setting FACTCHECK_APPROVALS_REQUIRED)."""
    return max(1, int(getattr(settings, "FACTCHECK_APPROVALS_REQUIRED", 1)))


@transaction.atomic
def review_approve(*, review: Review, by: User, comment: str = "") -> Review:
    """A reviewer's approval. The author can never approve their own review. When enough
    reviewers have approved, the review is approved; an approved correction of a published
    claim becomes current at once and enters the public record."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if not has_role(by, Role.REVIEWER):
        raise WorkflowError(_("Only reviewers can approve reviews."))
    if review.author_id == by.pk:
        raise WorkflowError(_("You wrote this review, so someone else must approve it."))
    if review.status != ReviewStatus.SUBMITTED:
        raise WorkflowError(_("Only a review submitted for sign-off can be approved."))
    if review.signoffs.filter(reviewer=by).exists():
        raise WorkflowError(_("You have already signed off this review."))
    Signoff.objects.create(
        review=review, reviewer=by, decision=SignoffDecision.APPROVE, comment=comment.strip()
    )
    _log(review.claim, actor=by, action="approve_review", note=comment.strip())
    approvals = review.signoffs.filter(decision=SignoffDecision.APPROVE).count()
    if approvals >= approvals_required():
        now = timezone.now()
        review.status = ReviewStatus.APPROVED
        review.approved_at = now
        review.save(update_fields=["status", "approved_at", "updated_at"])
        if review.is_correction and review.claim.first_published_at is not None:
            PublicationEntry.objects.create(
                claim=review.claim,
                kind=PublicationKind.CORRECTION,
                review=review,
                correction_kind=review.correction_kind,
                note=review.public_note,
                published_at=now,
            )
    return review


@transaction.atomic
def review_submit_correction(*, review: Review, by: User) -> Review:
    """Send a correction of a published claim for sign-off (the claim stays published)."""
    review = Review.objects.select_for_update().get(pk=review.pk)
    if review.author_id != by.pk:
        raise WorkflowError(_("Only the author can submit this correction."))
    if not review.is_correction or review.status not in (
        ReviewStatus.DRAFT,
        ReviewStatus.CHANGES_REQUESTED,
    ):
        raise WorkflowError(_("Only a draft correction can be submitted this way."))
    if review.rating_id is None or not review.summary or not review.analysis:
        raise WorkflowError(_("The review needs a rating, a summary and an analysis."))
    review.status = ReviewStatus.SUBMITTED
    review.submitted_at = timezone.now()
    review.save(update_fields=["status", "submitted_at", "updated_at"])
    _log(review.claim, actor=by, action="submit_correction", note=str(review))
    return review
