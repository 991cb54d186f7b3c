"""Reads shared by the admin, pages and the API."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from .db import fulltext
from .enums import (
    PUBLIC_STATUSES,
    TRANSITIONS,
    ClaimStatus,
    PublicationKind,
    ReviewStatus,
    Role,
    Transition,
)
from .models import (
    Claim,
    Evidence,
    PublicationEntry,
    Rating,
    Review,
    Signoff,
    Source,
    Speaker,
    Statement,
)
from .roles import has_role
from .rules import (
    check_correction_publish,
    check_review_create,
    check_review_edit,
    check_signoff,
    check_submit_correction,
    check_transition,
    latest_review,
    refusal,
)


def claim_current_review(claim: Claim) -> Review | None:
    """The approved review readers see now: the latest approval."""
    return claim.reviews.current_first().first()


def claim_status_counts() -> dict[str, int]:
    """How many claims are in each status, every status present (zero when empty)."""
    counts = dict.fromkeys(ClaimStatus.values, 0)
    rows = Claim.objects.order_by().values("status").annotate(n=Count("id"))
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def fact_checkers() -> QuerySet:
    """Active users who may be assigned claims."""
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=Role.FACT_CHECKER)
        .order_by("username")
        .distinct()
    )


# --- what a user may do to a claim now -------------------------------------------------------

# Review and correction steps offered beside the status transitions.
APPROVE = "approve"
PUBLISH_CORRECTION = "publish_correction"
REQUEST_CHANGES = "request_changes"
SUBMIT_CORRECTION = "submit_correction"
WRITE_REVIEW = "write_review"
WRITE_CORRECTION = "write_correction"
EDIT_REVIEW = "edit_review"
# Links to the review form rather than steps taken on the claim page.
REVIEW_FORM_ACTIONS = frozenset({WRITE_REVIEW, WRITE_CORRECTION, EDIT_REVIEW})

ACTION_LABELS = {
    APPROVE: _("Approve the review"),
    PUBLISH_CORRECTION: _("Publish the correction"),
    REQUEST_CHANGES: _("Request changes"),
    SUBMIT_CORRECTION: _("Submit the correction for sign-off"),
    WRITE_REVIEW: _("Write the review"),
    WRITE_CORRECTION: _("Write a correction"),
    EDIT_REVIEW: _("Edit the review"),
}


@dataclass(frozen=True)
class ClaimAction:
    """A step offered on a claim's page. `blocked_by` says why it cannot be taken yet."""

    name: str
    label: str
    inputs: tuple[str, ...] = ()  # what the form asks for: note, reason, assignee
    note_required: bool = False
    blocked_by: str = ""
    # Taken at once from the claim's page, with an Undo: nothing readers see changes and
    # nothing but (for an assignment) a fact-checker is asked for.
    one_click: bool = False


# Steps taken in one click. The rest keep a page: what readers see (publishing, withdrawing,
# a correction), a required note or reason (dismissing, sending back) or a sign-off.
ONE_CLICK = frozenset(
    {
        Transition.SELECT,
        Transition.ASSIGN,
        Transition.SUBMIT,
        Transition.UNSELECT,
        Transition.UNASSIGN,
        Transition.RECALL,
        SUBMIT_CORRECTION,
    }
)


# What a transition asks for beside its note.
TRANSITION_INPUTS = {Transition.DISMISS: ("reason",), Transition.ASSIGN: ("assignee",)}


def transition_action(transition: str, blocked_by: str = "") -> ClaimAction:
    """A status transition as a step: the admin's claim page and bulk actions ask for it."""
    return ClaimAction(
        name=transition,
        label=str(Transition(transition).label),
        inputs=("note", *TRANSITION_INPUTS.get(transition, ())),
        note_required=TRANSITIONS[transition].needs_note,
        blocked_by=blocked_by,
        one_click=transition in ONE_CLICK,
    )


def _allowed(check, *args, **kwargs) -> bool:
    return not refusal(check, *args, **kwargs)


def claim_actions(claim: Claim, user: AbstractBaseUser) -> list[ClaimAction]:
    """The steps this user may take on the claim now, in workflow order. Transitions whose
    other conditions are not met yet come with the reason (`blocked_by`). Sending a claim back
    to research is done by requesting changes on its review, so it is not offered alone."""
    actions = [
        transition_action(transition, refusal(check_transition, claim, transition, user))
        for transition, rule in TRANSITIONS.items()
        if transition != Transition.SEND_BACK
        and claim.status in rule.sources
        and has_role(user, *rule.roles)
    ]
    review = latest_review(claim)
    if review is not None and _allowed(check_signoff, review, user):
        actions.append(ClaimAction(APPROVE, str(ACTION_LABELS[APPROVE]), inputs=("note",)))
        actions.append(
            ClaimAction(
                REQUEST_CHANGES,
                str(ACTION_LABELS[REQUEST_CHANGES]),
                inputs=("note",),
                note_required=True,
            )
        )
    if review is not None and _allowed(check_submit_correction, review, user):
        actions.append(
            ClaimAction(SUBMIT_CORRECTION, str(ACTION_LABELS[SUBMIT_CORRECTION]), one_click=True)
        )
    if review is not None and _allowed(check_correction_publish, review, user):
        actions.append(ClaimAction(PUBLISH_CORRECTION, str(ACTION_LABELS[PUBLISH_CORRECTION])))
    if review is not None and _allowed(check_review_edit, review, user):
        actions.append(ClaimAction(EDIT_REVIEW, str(ACTION_LABELS[EDIT_REVIEW])))
    published = claim.first_published_at is not None
    if claim.status in (ClaimStatus.RESEARCHING, ClaimStatus.PUBLISHED) and _allowed(
        check_review_create, claim, user, correction_kind="correction" if published else ""
    ):
        name = WRITE_CORRECTION if published else WRITE_REVIEW
        actions.append(ClaimAction(name, str(ACTION_LABELS[name])))
    return actions


# --- queues ----------------------------------------------------------------------------------


def claims_assigned_to(user: AbstractBaseUser) -> QuerySet[Claim]:
    """A fact-checker's queue: claims they are researching."""
    return Claim.objects.filter(assignee=user, status=ClaimStatus.RESEARCHING).with_attribution()


def claims_awaiting_signoff_by(user: AbstractBaseUser) -> QuerySet[Claim]:
    """A reviewer's queue: claims whose review (or correction) waits for sign-off, which the
    user did not write and has not yet signed off in its current round."""
    signed = Signoff.objects.filter(review=OuterRef("pk"), reviewer=user, round=OuterRef("round"))
    reviews = (
        Review.objects.filter(status=ReviewStatus.SUBMITTED)
        .exclude(author=user)
        .exclude(Exists(signed))
    )
    return (
        Claim.objects.filter(reviews__in=reviews)
        .exclude(status=ClaimStatus.WITHDRAWN)
        .with_attribution()
        .distinct()
    )


def claims_ready_to_publish() -> QuerySet[Claim]:
    """An editor's queue: claims in review whose review has been approved, and published
    claims whose correction the reviewers signed off."""
    return (
        Claim.objects.filter(
            Q(status=ClaimStatus.IN_REVIEW, reviews__status=ReviewStatus.APPROVED)
            | Q(status=ClaimStatus.PUBLISHED, reviews__status=ReviewStatus.SIGNED_OFF)
        )
        .with_attribution()
        .distinct()
    )


# --- the public side -------------------------------------------------------------------------


# The order of claim listings: newest publication first.
NEWEST_PUBLISHED = ("-first_published_at", "-id")


def _approved_reviews() -> Prefetch:
    """Each claim's approved reviews, newest first, as `claim.approved_reviews`: the first is
    the current verdict, the rest the record of corrections."""
    reviews = Review.objects.current_first().select_related("rating__scale")
    return Prefetch("reviews", queryset=reviews, to_attr="approved_reviews")


def public_claims() -> QuerySet[Claim]:
    """Published and withdrawn claims with what a listing shows, newest publication first."""
    return (
        Claim.objects.public()
        .with_attribution()
        .without_source_texts()
        .prefetch_related(_approved_reviews())
        .order_by(*NEWEST_PUBLISHED)
    )


def listed_claims() -> QuerySet[Claim]:
    """The claims of the /claims/ list, newest publication first, for the filter form to
    narrow and sort; a page of them is read as rows by `listing.card_page`."""
    return Claim.objects.public().order_by(*NEWEST_PUBLISHED)


def public_claim(slug: str, *, include_drafts: bool = False) -> Claim | None:
    """One claim with what its page shows, as models (the API's detail; the page reads the
    same as rows, `public.detail`); unpublished claims only with `include_drafts`, for a staff
    preview. The sources' texts stay in the database, except the one its quote is shown in."""
    claims = Claim.objects.all() if include_drafts else Claim.objects.public()
    evidence = (
        Evidence.objects.cited()
        .select_related("source")
        .defer("source__text", "source__raw_input")
        .order_by("relation", "id")
    )
    try:
        # get(), not first(): a slug is unique, and ordering the join only made it longer to plan.
        claim = (
            claims.with_attribution()
            .defer("statement__source__raw_input")
            .select_related("repeat_of")
            .prefetch_related(
                _approved_reviews(), Prefetch("evidence", evidence), "publication_record"
            )
            .get(slug=slug)
        )
    except Claim.DoesNotExist:
        return None
    # Counted apart: as an annotation, the count grouped the join of seven tables by every
    # column, which made PostgreSQL plan for longer than it ran.
    claim.public_repeats = Claim.objects.public().filter(repeat_of=claim).count()
    return claim


def search_claims(claims: QuerySet[Claim], term: str) -> QuerySet[Claim]:
    """Claims whose wording, quoted words or speaker's name match a search, annotated with
    `search_rank` (higher is better): the one search rule of the pages, the API and the admin."""
    return fulltext.search(claims, term, table=Claim._meta.db_table)


def search_sources(sources: QuerySet[Source], term: str) -> QuerySet[Source]:
    """Sources whose title, publisher, author or text match, annotated with `search_rank`."""
    return fulltext.search(sources, term, table=Source._meta.db_table)


def current_rating_slug() -> Subquery:
    """For annotating claims: the slug of the rating in their current (latest approved) review."""
    return _current_review("rating__slug")


def _current_review(field: str) -> Subquery:
    """For annotating claims: `field` of their current (latest approved) review."""
    return Subquery(Review.objects.current_first().filter(claim=OuterRef("pk")).values(field)[:1])


@dataclass(frozen=True)
class RatingCount:
    rating: Rating
    count: int


def _current_ratings(claims: QuerySet[Claim]) -> QuerySet[Claim]:
    """The published `claims` that have a verdict, with its rating's id, ready to count."""
    return (
        claims.published()
        .annotate(current_rating_id=_current_review("rating_id"))
        .filter(current_rating_id__isnull=False)
        .order_by()
    )


def speaker_verdicts(claims: QuerySet[Claim]) -> tuple[list[RatingCount], list[RatingCount]]:
    """A speaker's record from the current verdicts of their published `claims`, counted by the
    database: the verdict ratings of the scales used, in order (zeros included; the default
    scale's when there is none), and apart, the ratings that are not verdicts."""
    counted = _current_ratings(claims).values_list("current_rating_id").annotate(n=Count("id"))
    tally = Counter(dict(counted))
    ratings = Rating.objects.select_related("scale").order_by("scale_id", "value", "label")
    ratings = list(ratings)
    scales = {r.scale_id for r in ratings if r.pk in tally} or {
        r.scale_id for r in ratings if r.scale.is_default
    }
    ratings = [r for r in ratings if r.scale_id in scales]
    verdicts = [RatingCount(r, tally[r.pk]) for r in ratings if r.is_verdict]
    others = [RatingCount(r, tally[r.pk]) for r in ratings if not r.is_verdict and tally[r.pk]]
    return verdicts, others


def public_speaker(slug: str) -> tuple[Speaker, QuerySet[Claim]] | None:
    """A speaker and their public claims, newest publication first, or None when nothing of
    theirs is published: one query, so that neither the answer nor its timing tells outsiders
    whether the desk holds an unpublished speaker."""
    speaker = public_speakers().filter(slug=slug).first()
    if speaker is None:
        return None
    return speaker, listed_claims().filter(statement__speaker=speaker)


def public_source(pk: int) -> tuple[Source, list[Statement], list[Claim]] | None:
    """A source readers may see (as `public_speaker` finds a speaker), the statements in it that
    carry public claims (each with `public_claims`), and the public claims citing it."""
    source = public_sources().filter(pk=pk).first()
    if source is None:
        return None
    statements = list(
        source.statements.filter(claims__status__in=PUBLIC_STATUSES)
        .distinct()
        .select_related("speaker")
        .prefetch_related(
            Prefetch(
                "claims", queryset=Claim.objects.public().order_by("id"), to_attr="public_claims"
            )
        )
        .order_by("start")
    )
    cites = Evidence.objects.cited().filter(claim=OuterRef("pk"), source=source)
    citing = list(public_claims().filter(Exists(cites)))
    if not statements and not citing:
        return None
    return source, statements, citing


def public_corrections() -> QuerySet[PublicationEntry]:
    """Every correction and withdrawal readers were told about, newest first."""
    return (
        PublicationEntry.objects.filter(
            kind__in=[PublicationKind.CORRECTION, PublicationKind.WITHDRAWAL],
            claim__status__in=PUBLIC_STATUSES,
        )
        .select_related("claim__statement__speaker")
        .order_by("-published_at", "-id")
    )


def public_speakers() -> QuerySet[Speaker]:
    """Speakers readers may see: those who made at least one public claim."""
    return Speaker.objects.filter(
        Exists(Claim.objects.public().filter(statement__speaker=OuterRef("pk")))
    )


def public_sources() -> QuerySet[Source]:
    """Sources readers may see: one a public claim is quoted from or cites as evidence."""
    quoted = Claim.objects.public().filter(statement__source=OuterRef("pk"))
    cited = Evidence.objects.cited().filter(
        source=OuterRef("pk"), claim__status__in=PUBLIC_STATUSES
    )
    return Source.objects.filter(Q(Exists(quoted)) | Q(Exists(cited)))


def speaker_rating_counts(speaker_ids: list[int]) -> dict[int, Counter[int]]:
    """For speakers' records, in one query: per speaker, how many of their published claims
    carry each rating (by id) as their current verdict."""
    rows = (
        _current_ratings(Claim.objects.filter(statement__speaker_id__in=speaker_ids))
        .values("statement__speaker_id", "current_rating_id")
        .annotate(n=Count("id"))
    )
    counts: dict[int, Counter[int]] = {pk: Counter() for pk in speaker_ids}
    for row in rows:
        counts[row["statement__speaker_id"]][row["current_rating_id"]] = row["n"]
    return counts
