"""Every write that has rules. Admin actions, views, commands and the seed all call these.

Each function is keyword-only, atomic, locks what it changes, checks who may do it, and writes
its audit event. Nobody assigns `Claim.status` anywhere else.
"""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from . import text as textlib
from .enums import (
    TRANSITIONS,
    ClaimStatus,
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
    Alert,
    Claim,
    ClaimEvent,
    Evidence,
    PublicationEntry,
    Rating,
    RawFormat,
    Review,
    Signoff,
    Source,
    SourceSuggestions,
    Speaker,
    Statement,
    SuggestionDecision,
    Topic,
)
from .roles import has_role
from .rules import (
    WorkflowError,
    check_claim_delete,
    check_correction_publish,
    check_evidence_add,
    check_review_create,
    check_signoff,
    check_submit_correction,
    check_transition,
    check_transition_input,
    corrections_need_editor,
    latest_review,
)

if TYPE_CHECKING:  # importing pulls in trafilatura, which the other services do not need
    from .imports.importing import Article
    from .suggest import Candidate

User = AbstractBaseUser


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
    raw_input: str | None = None,
    raw_format: str = "",
    raw_hash: str = "",
    final_url: str = "",
) -> tuple[Source, bool]:
    """Store a document once. Returns (source, created).

    The same URL finds its current version instead of making a second source, unless the text
    changed: then the new text becomes the next version, linked to the one before, which is
    marked superseded and keeps its text (and any statements anchored in it). Without a URL,
    the same normalised text finds the source that has it (the current version first); a
    reference with neither (a document known only by its title) is found by title, publisher
    and date.

    `raw_input` is what came in before normalising (default: `text` as given), with its
    `raw_format` and the SHA-256 of the bytes received (default: of the raw input's UTF-8).
    """
    title = _fit(Source, "title", title)
    publisher = _fit(Source, "publisher", publisher)
    normalised_text = textlib.normalize_text(text)
    try:
        normalised_url = textlib.normalize_url(url)
        normalised_final_url = textlib.normalize_url(final_url)
    except ValueError as error:  # a port out of range, a malformed IPv6 host
        raise ValidationError(
            {"url": _("Enter a valid URL (%(error)s).") % {"error": error}}
        ) from None
    text_hash = textlib.content_hash(normalised_text)
    _serialise_imports_of(normalised_url or (normalised_text and text_hash) or title)
    previous = None
    if normalised_url:
        # The latest version is the current one; it is marked superseded only if the newer
        # version was deleted since, and then it is current again.
        latest = Source.objects.filter(url=normalised_url).exclude(url="").order_by("-version")
        current = latest.first()
        if current is not None:
            if not normalised_text or current.content_hash == text_hash:
                if current.superseded_at is not None:
                    current.superseded_at = None
                    current.save(update_fields=["superseded_at", "updated_at"])
                return current, False
            previous = current
    else:
        if normalised_text:
            same = Source.objects.filter(content_hash=text_hash).order_by(
                F("superseded_at").asc(nulls_first=True), "pk"
            )
        else:
            same = Source.objects.filter(
                url="",
                text="",
                title=title,
                publisher=publisher,
                published_at=published_at,
            )
        existing = same.first()
        if existing is not None:
            return existing, False
    if raw_input is None:
        raw_input = text
    if raw_input and not raw_format:
        raw_format = RawFormat.TEXT
    source = Source(
        title=title,
        text=normalised_text,
        url=normalised_url,
        publisher=publisher,
        author=_fit(Source, "author", author),
        language=language.strip(),
        kind=kind,
        published_at=published_at,
        retrieved_at=retrieved_at,
        raw_input=raw_input,
        raw_format=raw_format,
        raw_hash=raw_hash or (textlib.content_hash(raw_input) if raw_input else ""),
        final_url=normalised_final_url,
        previous_version=previous,
        version=previous.version + 1 if previous is not None else 1,
    )
    if previous is not None and previous.superseded_at is None:
        # Superseded first: only one version of a URL is current at a time (a constraint).
        previous.superseded_at = timezone.now()
        previous.save(update_fields=["superseded_at", "updated_at"])
    # Fields and uniqueness are checked here, for clear messages. The check and unique
    # constraints hold by construction (the current version was looked up above) and the
    # database enforces them all the same; checking them in Python too would cost a query per
    # constraint, most of an import's time.
    source.full_clean(validate_constraints=False)
    source.save()
    return source, True


def source_import_article(
    *,
    article: Article,
    title: str = "",
    url: str = "",
    publisher: str = "",
    author: str = "",
    language: str = "",
    kind: str = "",
) -> tuple[Source, bool]:
    """Store an article read by `claims.imports.importing` (see `source_import`). Each non-empty
    keyword replaces what the article says, e.g. a publisher given on the command line."""
    article = article.overridden(
        title=title, url=url, publisher=publisher, author=author, language=language, kind=kind
    )
    return source_import(
        title=article.title,
        text=article.text,
        url=article.url,
        publisher=article.publisher,
        author=article.author,
        language=article.language or Source._meta.get_field("language").default,
        kind=article.kind or SourceKind.ARTICLE,
        published_at=article.published_at,
        retrieved_at=article.retrieved_at,
        raw_input=article.raw_input,
        raw_format=article.raw_format,
        raw_hash=article.raw_hash,
        final_url=article.final_url,
    )


def _serialise_imports_of(key: str) -> None:
    """Two imports of the same URL or text at the same moment must not both find nothing and
    both store it (or both make "the next version"). On PostgreSQL they wait for each other on
    a transaction-scoped advisory lock named by the key; SQLite needs nothing more, since its
    IMMEDIATE transactions take the write lock at BEGIN."""
    if connection.vendor != "postgresql":
        return
    number = int.from_bytes(hashlib.sha256(key.encode()).digest()[:8], "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_xact_lock(%s)", [number])


def _fit(model: type, field: str, value: str) -> str:
    """A one-line value cut to the field's length: metadata found in a page can be long, and a
    title cut short is better than an article refused."""
    value = " ".join(value.split())
    limit = model._meta.get_field(field).max_length
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


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
    claim._history_user = by
    claim.save()
    claim.topics.set(topics)
    _log(claim, actor=by, action="create", to_status=claim.status)
    return claim


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
    current = Claim.objects.select_for_update().get(pk=claim.pk)
    if current.version != claim.version:
        raise WorkflowError(
            _(
                "Someone else changed this claim while you were working on it. Reload it and try "
                "again."
            )
        )
    check_transition(current, transition, by)
    check_transition_input(transition, note=note, reason=reason, assignee=assignee)
    rule = TRANSITIONS[transition]

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
    if transition == Transition.UNASSIGN:
        changes["assignee"] = None
    if transition == Transition.PUBLISH and current.first_published_at is None:
        changes["first_published_at"] = now
    updated = Claim.objects.filter(pk=claim.pk, version=current.version).update(**changes)
    if updated != 1:
        raise WorkflowError(_("Someone else changed this claim at the same moment. Reload it."))

    event_note = note.strip()
    if transition == Transition.DISMISS:
        event_note = event_note or str(DismissalReason(reason).label)
    if transition == Transition.ASSIGN:
        event_note = event_note or _("Assigned to %(user)s") % {"user": assignee.get_username()}
    if transition == Transition.SUBMIT:
        _review_mark_submitted(latest_review(current), by=by, now=now)
    if transition == Transition.RECALL:
        review = latest_review(current)
        review.status = ReviewStatus.DRAFT
        review._history_user = by
        review.save(update_fields=["status", "updated_at"])
    if transition == Transition.PUBLISH:
        PublicationEntry.objects.create(
            claim=current,
            kind=PublicationKind.FIRST_PUBLICATION,
            review=latest_review(current),
            published_at=now,
        )
    if transition == Transition.WITHDRAW:
        PublicationEntry.objects.create(
            claim=current, kind=PublicationKind.WITHDRAWAL, note=event_note, published_at=now
        )
    _log(
        current,
        actor=by,
        action=transition,
        from_status=current.status,
        to_status=rule.target,
        note=event_note,
    )
    # The conditional UPDATE above skips model signals; record the field history explicitly,
    # so no path bypasses it.
    current.refresh_from_db()
    Claim.history.bulk_history_create(
        [current], update=True, default_user=by, default_change_reason=event_note[:100]
    )
    claim.refresh_from_db()
    return claim


@transaction.atomic
def claim_delete(*, claim: Claim, by: User) -> None:
    """Delete a claim that never went further than triage (new or dismissed, no review, never
    published), with its own events and evidence: a split made by mistake. Anything readers
    saw or a fact-checker worked on stays; it is dismissed or withdrawn instead."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    check_claim_delete(claim, by)
    # The claim's own log goes with it; its field history keeps a record of the deletion.
    claim._history_user = by
    claim.delete()


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
    correction: Review | None = None,
) -> Evidence:
    """Attach a counter-source or context to a claim; logged on the claim. A published claim
    takes new evidence only with a correction in progress (`rules.check_evidence_add`)."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    check_evidence_add(claim, by, correction=correction)
    evidence = Evidence(
        claim=claim,
        source=source,
        relation=relation,
        excerpt=excerpt,
        note=note,
        archive_url=archive_url,
        correction=correction,
        added_by=by,
    )
    evidence.full_clean()
    evidence._history_user = by
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
    """A draft review by a fact-checker. Once the claim is published, only corrections (with a
    kind and a public note) may be drafted; the published verdict itself is never edited."""
    claim = Claim.objects.select_for_update().get(pk=claim.pk)
    check_review_create(claim, author, correction_kind=correction_kind)
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
    review._history_user = author
    review.save()
    action = "write_correction" if correction_kind else "write_review"
    _log(claim, actor=author, action=action, note=str(review))
    return review


def approvals_required() -> int:
    """Approvals a review needs (setting FACTCHECK_APPROVALS_REQUIRED, at least 1)."""
    return max(1, int(getattr(settings, "FACTCHECK_APPROVALS_REQUIRED", 1)))


def review_panel_size() -> int:
    """Reviewers who vote on a review (FACTCHECK_REVIEW_PANEL, never fewer than approvals)."""
    return max(approvals_required(), int(getattr(settings, "FACTCHECK_REVIEW_PANEL", 1)))


def _review_mark_submitted(review: Review, *, by: User, now: datetime.datetime) -> None:
    """Open a new sign-off round: earlier decisions were on an earlier text."""
    review.status = ReviewStatus.SUBMITTED
    review.submitted_at = now
    review.round += 1
    review._history_user = by
    review.save(update_fields=["status", "submitted_at", "round", "updated_at"])


def _lock_review_for_signoff(review: Review, by: User) -> Review:
    """The review, locked, once it is clear `by` may sign it off in its current round."""
    review = Review.objects.select_for_update().select_related("claim").get(pk=review.pk)
    check_signoff(review, by)
    return review


@transaction.atomic
def review_approve(*, review: Review, by: User, comment: str = "") -> Review:
    """A reviewer's approval, never the author's. When enough reviewers have approved this
    round, the review is approved. A correction of a published claim is then signed off and
    waits for an editor (`correction_publish`); with FACTCHECK_CORRECTIONS_NEED_EDITOR off it
    becomes the current verdict at once and enters the public record."""
    review = _lock_review_for_signoff(review, by)
    Signoff.objects.create(
        review=review,
        round=review.round,
        reviewer=by,
        decision=SignoffDecision.APPROVE,
        comment=comment.strip(),
    )
    _log(review.claim, actor=by, action="approve_review", note=comment.strip())
    approvals = review.signoffs.filter(round=review.round, decision=SignoffDecision.APPROVE)
    if approvals.count() < approvals_required():
        return review
    if review.is_correction and corrections_need_editor():
        review.status = ReviewStatus.SIGNED_OFF
        review._history_user = by
        review.save(update_fields=["status", "updated_at"])
        _log(review.claim, actor=by, action="sign_off_correction", note=str(review))
        return review
    return _review_mark_approved(review, by=by)


def _review_mark_approved(review: Review, *, by: User) -> Review:
    """The review becomes what readers see: a first verdict waits for the claim's publication;
    a correction enters the public record now, the earlier verdict staying there."""
    now = timezone.now()
    review.status = ReviewStatus.APPROVED
    review.approved_at = now
    review._history_user = by
    review.save(update_fields=["status", "approved_at", "updated_at"])
    if review.is_correction:
        PublicationEntry.objects.create(
            claim=review.claim,
            kind=PublicationKind.CORRECTION,
            review=review,
            correction_kind=review.correction_kind,
            note=review.public_note,
            published_at=now,
        )
        _log(review.claim, actor=by, action="publish_correction", note=review.public_note)
    return review


@transaction.atomic
def correction_publish(*, review: Review, by: User) -> Review:
    """An editor publishes a correction the reviewers signed off: it becomes the current
    verdict and enters the public record, as an approval does when corrections need no
    editor (FACTCHECK_CORRECTIONS_NEED_EDITOR)."""
    review = Review.objects.select_for_update().select_related("claim").get(pk=review.pk)
    check_correction_publish(review, by)
    return _review_mark_approved(review, by=by)


@transaction.atomic
def review_request_changes(*, review: Review, by: User, comment: str) -> Review:
    """A reviewer asks for changes, with a comment. Once the approvals needed can no longer be
    reached this round, the review goes back to its author and the claim back to research (a
    correction goes back to its author while the published verdict stays)."""
    if not comment.strip():
        raise WorkflowError(_("Say what needs to change."))
    review = _lock_review_for_signoff(review, by)
    Signoff.objects.create(
        review=review,
        round=review.round,
        reviewer=by,
        decision=SignoffDecision.REQUEST_CHANGES,
        comment=comment.strip(),
    )
    refusals = review.signoffs.filter(
        round=review.round, decision=SignoffDecision.REQUEST_CHANGES
    ).count()
    if refusals <= review_panel_size() - approvals_required():
        _log(review.claim, actor=by, action="request_changes", note=comment.strip())
        return review
    review.status = ReviewStatus.CHANGES_REQUESTED
    review._history_user = by
    review.save(update_fields=["status", "updated_at"])
    if review.claim.status == ClaimStatus.IN_REVIEW:
        claim_transition(claim=review.claim, transition=Transition.SEND_BACK, by=by, note=comment)
    else:
        _log(review.claim, actor=by, action="request_changes", note=comment.strip())
    return review


@transaction.atomic
def review_submit_correction(*, review: Review, by: User) -> Review:
    """Send a correction of a published claim for sign-off; the claim stays published and
    its current verdict stays visible until the correction is approved."""
    review = Review.objects.select_for_update().select_related("claim").get(pk=review.pk)
    check_submit_correction(review, by)
    _review_mark_submitted(review, by=by, now=timezone.now())
    _log(review.claim, actor=by, action="submit_correction", note=str(review))
    return review


# --- the editor's workspace ------------------------------------------------------------------


@transaction.atomic
def speaker_for_name(*, name: str, alias: str = "", kind: str = SpeakerKind.PERSON) -> Speaker:
    """The speaker an editor means by `name`: one of that name or alias, or a new one of `kind`.
    An alias as written in the article ("the minister") is remembered on the speaker."""
    name, alias = name.strip(), alias.strip()
    if not name:
        raise WorkflowError(_("Name the speaker."))
    speaker = Speaker.objects.filter(name__iexact=name).first()
    if speaker is None:
        folded = name.casefold()
        speaker = next(
            (s for s in Speaker.objects.all() if folded in {a.casefold() for a in s.aliases}),
            None,
        )
    if speaker is None:
        speaker, _created = speaker_get_or_create(
            name=name, kind=kind, aliases=[alias] if alias else []
        )
    elif alias and alias.casefold() not in {a.casefold() for a in speaker.aliases}:
        speaker.aliases = [*speaker.aliases, alias]
        speaker.full_clean()
        speaker.save(update_fields=["aliases"])
    return speaker


@transaction.atomic
def claims_create_from_span(
    *,
    source: Source,
    start: int,
    end: int,
    speaker: Speaker,
    claim_texts: Iterable[str],
    by: User,
    speech: str = SpeechKind.DIRECT,
    reported_speaker: Speaker | None = None,
    checkworthiness: float | None = None,
    repeat_of: Claim | None = None,
    said_on: datetime.date | None = None,
) -> list[Claim]:
    """The statement at source.text[start:end] (reused when that exact span already has one)
    and one claim per text in it (each a repeat of `repeat_of`, when given). All or nothing: a
    span that does not match the text, or a refused claim, stores nothing."""
    texts = [text.strip() for text in claim_texts if text.strip()]
    if not texts:
        raise WorkflowError(_("Write at least one claim."))
    statement = Statement.objects.filter(source=source, start=start, end=end).first()
    if statement is None:
        statement = statement_create(
            source=source,
            speaker=speaker,
            reported_speaker=reported_speaker,
            quote=source.text[start:end],
            start=start,
            end=end,
            speech=speech,
            said_on=said_on,
        )
    return [
        claim_create(
            statement=statement,
            text=text,
            by=by,
            checkworthiness=checkworthiness,
            repeat_of=repeat_of,
        )
        for text in texts
    ]


@transaction.atomic
def suggestion_decide(
    *, source: Source, start: int, end: int, by: User, claim: Claim | None = None
) -> SuggestionDecision:
    """Record that a suggestion was accepted (it became `claim`) or rejected (no claim)."""
    if not has_role(by, Role.EDITOR):
        raise WorkflowError(_("Only editors triage suggestions."))
    decision, _created = SuggestionDecision.objects.update_or_create(
        source=source,
        start=start,
        end=end,
        defaults={
            "decision": SuggestionDecision.Decision.ACCEPTED
            if claim
            else SuggestionDecision.Decision.REJECTED,
            "claim": claim,
            "decided_by": by,
            "decided_at": timezone.now(),
        },
    )
    return decision


@transaction.atomic
def suggestion_restore(*, source: Source, start: int, end: int, by: User) -> bool:
    """Undo the rejection of a suggestion, so the workspace offers it again. An accepted one
    stays decided (its claim exists). Returns whether a rejection was undone."""
    if not has_role(by, Role.EDITOR):
        raise WorkflowError(_("Only editors triage suggestions."))
    deleted, _counts = SuggestionDecision.objects.filter(
        source=source, start=start, end=end, decision=SuggestionDecision.Decision.REJECTED
    ).delete()
    return bool(deleted)


# --- arrivals: stored suggestions and alerts -------------------------------------------------


@transaction.atomic
def source_suggestions_store(
    *, source: Source, engine_version: str, report: dict[str, Any]
) -> SourceSuggestions:
    """Keep the engine's report on a source's text, replacing one made by another engine or
    from another text."""
    stored, _created = SourceSuggestions.objects.update_or_create(
        source=source,
        defaults={
            "engine_version": engine_version,
            "content_hash": source.content_hash,
            "report": report,
            "computed_at": timezone.now(),
        },
    )
    return stored


@transaction.atomic
def alerts_raise(
    *, source: Source, found: Iterable[tuple[Candidate, int, float, dict[str, Any]]]
) -> list[Alert]:
    """An open alert for each (candidate, earlier claim id, likeness, reasons) in `found`. A span
    of the source alerts once: one already alerted, open or decided, is left as it is, so that
    raising again (a job run twice) changes nothing. Returns the alerts raised now."""
    raised = []
    for candidate, claim_id, score, reasons in found:
        statement_start, statement_end = candidate.statement_start, candidate.statement_end
        if statement_end <= statement_start:
            statement_start, statement_end = candidate.start, candidate.end
        alert, created = Alert.objects.get_or_create(
            source=source,
            start=candidate.start,
            end=candidate.end,
            defaults={
                "text": candidate.text,
                "statement_start": statement_start,
                "statement_end": statement_end,
                "speech": candidate.kind
                if candidate.kind in SpeechKind.values
                else SpeechKind.DIRECT,
                "speaker_name": _fit(Alert, "speaker_name", candidate.speaker or ""),
                "reported_speaker_name": _fit(
                    Alert, "reported_speaker_name", candidate.reported_speaker or ""
                ),
                "checkworthiness": candidate.checkworthiness,
                "claim_id": claim_id,
                "score": score,
                "reasons": reasons,
            },
        )
        if created:
            raised.append(alert)
    return raised


def _lock_open_alert(alert: Alert, by: User) -> Alert:
    """The alert, locked, once it is clear `by` may decide it and nobody has yet."""
    if not has_role(by, Role.EDITOR):
        raise WorkflowError(_("Only editors decide alerts."))
    alert = Alert.objects.select_for_update().select_related("source", "claim").get(pk=alert.pk)
    if alert.status != Alert.Status.OPEN:
        raise WorkflowError(
            _("This alert was already decided (%(status)s).")
            % {"status": alert.get_status_display()}
        )
    return alert


def _close_alert(
    alert: Alert,
    *,
    status: str,
    by: User | None,
    repeat: Claim | None = None,
    automatically: bool = False,
) -> None:
    # Conditional, so that two editors deciding at once cannot both win (SQLite ignores the
    # row lock).
    decided = Alert.objects.filter(pk=alert.pk, status=Alert.Status.OPEN).update(
        status=status,
        repeat=repeat,
        decided_by=by,
        decided_at=timezone.now(),
        linked_automatically=automatically,
    )
    if decided != 1:
        raise WorkflowError(_("Someone else decided this alert at the same moment. Reload it."))
    alert.refresh_from_db()


@transaction.atomic
def alert_link(*, alert: Alert, by: User, speaker_name: str = "", claim_text: str = "") -> Claim:
    """Link an alert's words as a repeat of the earlier claim: their statement (with the
    speaker the engine found, or `speaker_name`) and a claim worded as the earlier one (or
    `claim_text`) whose `repeat_of` is the first claim of the chain. The suggestion counts as
    accepted in the workspace; the earlier claim's log says where it was repeated."""
    alert = _lock_open_alert(alert, by)
    repeat = _link(alert, by=by, speaker_name=speaker_name, claim_text=claim_text)
    suggestion_decide(source=alert.source, start=alert.start, end=alert.end, by=by, claim=repeat)
    return repeat


@transaction.atomic
def alert_link_automatically(*, alert: Alert) -> Claim | None:
    """Link an open alert as a repeat without an editor (its match was close enough, with the
    same figures): as `alert_link` does, marked as the desk's doing, which an editor may undo
    (`alert_unlink`). The suggestion stays undecided in the workspace. None when someone
    decided the alert first."""
    alert = Alert.objects.select_for_update().select_related("source", "claim").get(pk=alert.pk)
    if alert.status != Alert.Status.OPEN:
        return None
    return _link(alert, by=None)


def _link(alert: Alert, *, by: User | None, speaker_name: str = "", claim_text: str = "") -> Claim:
    earlier = alert.claim
    first = earlier.repeat_of or earlier
    speaker = speaker_for_name(name=speaker_name or alert.speaker_name)
    reported = None
    if alert.reported_speaker_name:
        reported = speaker_for_name(name=alert.reported_speaker_name)
        reported = reported if reported != speaker else None
    claims = claims_create_from_span(
        source=alert.source,
        start=alert.statement_start,
        end=alert.statement_end,
        speaker=speaker,
        reported_speaker=reported,
        speech=alert.speech,
        claim_texts=[claim_text.strip() or earlier.text],
        by=by,
        checkworthiness=alert.checkworthiness,
        repeat_of=first,
    )
    _close_alert(
        alert, status=Alert.Status.LINKED, by=by, repeat=claims[0], automatically=by is None
    )
    note = _("Repeated in “%(source)s” (source %(id)s): %(words)s")
    if by is None:
        note = _("Linked automatically as repeated in “%(source)s” (source %(id)s): %(words)s")
    _log(
        first,
        actor=by,
        action="link_repeat",
        note=note
        % {"source": alert.source.title, "id": alert.source_id, "words": alert.text[:300]},
    )
    return claims[0]


@transaction.atomic
def alert_unlink(*, alert: Alert, by: User) -> Alert:
    """Undo a link (the desk's or an editor's): the repeat it made is removed while nobody has
    worked on it (still new, no evidence), with its statement when nothing else uses it, and the
    alert is dismissed by `by`. The first claim's log keeps both the link and its undoing."""
    if not has_role(by, Role.EDITOR):
        raise WorkflowError(_("Only editors decide alerts."))
    alert = Alert.objects.select_for_update().select_related("source", "claim").get(pk=alert.pk)
    if alert.status != Alert.Status.LINKED:
        raise WorkflowError(_("Only a linked alert can be unlinked."))
    repeat = alert.repeat
    first = alert.claim.repeat_of or alert.claim
    if repeat is not None:
        if repeat.status != ClaimStatus.NEW or repeat.evidence.exists() or repeat.repeats.exists():
            raise WorkflowError(
                _(
                    "Its repeat (claim %(id)s) is already being worked on: dismiss that claim "
                    "from its page instead."
                )
                % {"id": repeat.pk}
            )
        statement = repeat.statement
        SuggestionDecision.objects.filter(claim=repeat).delete()
        repeat.delete()
        if not statement.claims.exists():
            statement.delete()
    updated = Alert.objects.filter(pk=alert.pk, status=Alert.Status.LINKED).update(
        status=Alert.Status.DISMISSED,
        repeat=None,
        decided_by=by,
        decided_at=timezone.now(),
        linked_automatically=False,
    )
    if updated != 1:
        raise WorkflowError(_("Someone else decided this alert at the same moment. Reload it."))
    _log(
        first,
        actor=by,
        action="unlink_repeat",
        note=_("Not a repeat after all: “%(source)s” (source %(id)s)")
        % {"source": alert.source.title, "id": alert.source_id},
    )
    alert.refresh_from_db()
    return alert


@transaction.atomic
def alert_dismiss(*, alert: Alert, by: User) -> Alert:
    """The alert's words are no repeat of the earlier claim: closed, nothing else stored."""
    alert = _lock_open_alert(alert, by)
    _close_alert(alert, status=Alert.Status.DISMISSED, by=by)
    return alert
