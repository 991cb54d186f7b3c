"""The workflow's steps, as the rows the services write, turned into comments and
notifications. Connected in `apps.py`; they run inside the step's transaction, so a step that
is rolled back tells nobody anything."""

from __future__ import annotations

from django.db.models.signals import post_save

from ..enums import ReviewStatus, SignoffDecision, Transition
from ..models import Claim, ClaimEvent, Review, Signoff
from . import services
from .models import Comment


def event_logged(sender, instance: ClaimEvent, created: bool, **kwargs) -> None:
    if created and instance.action == Transition.ASSIGN:
        claim = Claim.objects.select_related("assignee").get(pk=instance.claim_id)
        services.notify_assigned(claim, by=instance.actor, note=instance.note)


def signoff_made(sender, instance: Signoff, created: bool, **kwargs) -> None:
    # A request for changes is a comment in the claim's thread, for the fact-checker to answer
    # there; the service has already logged it on the claim.
    if created and instance.decision == SignoffDecision.REQUEST_CHANGES:
        review = instance.review
        Comment.objects.create(
            claim_id=review.claim_id,
            review=review,
            author_id=instance.reviewer_id,
            kind=Comment.Kind.CHANGES_REQUESTED,
            body=instance.comment,
        )


def review_saved(sender, instance: Review, created: bool, update_fields=None, **kwargs) -> None:
    """The services save a review's step with the fields it changes: a new round ("round"),
    the approval ("approved_at"), the request for changes ("status")."""
    changed = frozenset(update_fields or ())
    if instance.status == ReviewStatus.SUBMITTED and "round" in changed:
        services.notify_signoff_wanted(instance)
    elif instance.status == ReviewStatus.CHANGES_REQUESTED and "status" in changed:
        latest = (
            instance.signoffs.filter(decision=SignoffDecision.REQUEST_CHANGES)
            .order_by("-created_at", "-id")
            .first()
        )
        services.notify_sent_back(instance, comment=latest.comment if latest else "")
    elif (
        instance.status == ReviewStatus.APPROVED
        and "approved_at" in changed
        and not instance.is_correction
    ) or (instance.status == ReviewStatus.SIGNED_OFF and "status" in changed):
        # A first verdict approved, or a correction signed off: the editor publishes either.
        services.notify_ready_to_publish(instance)


def connect() -> None:
    post_save.connect(event_logged, sender=ClaimEvent, dispatch_uid="discussion_event_logged")
    post_save.connect(signoff_made, sender=Signoff, dispatch_uid="discussion_signoff_made")
    post_save.connect(review_saved, sender=Review, dispatch_uid="discussion_review_saved")
