"""The desk's home, the admin's index: for each person, what waits for them. Each list is a
queue (one definition, shared with the claims list's "Queue" filter, so "all N" opens the same
claims), capped on the home and linked to its full list; the home's queries do not grow with
the rows it shows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib import admin
from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Exists, F, OuterRef, Q, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..enums import ClaimStatus, ReviewStatus, Role, SignoffDecision, Transition
from ..models import Alert, Claim, ClaimEvent, Review, Signoff
from ..roles import has_role
from ..selectors import claims_assigned_to, claims_awaiting_signoff_by, claims_ready_to_publish

# Rows each list shows on the home; the rest are one click away.
HOME_ROWS = 8

# Still being worked on: a claim in one of these statuses past its due date is overdue.
OPEN_STATUSES = (ClaimStatus.SELECTED, ClaimStatus.RESEARCHING, ClaimStatus.IN_REVIEW)

# Tables only services write (the audit log, sign-offs, suggestion decisions, each claim's
# vector, the workers' heartbeats): off the home, under "All tables" for superusers.
INTERNAL_MODELS = frozenset(
    {
        "claims.claimevent",
        "claims.signoff",
        "claims.suggestiondecision",
        "claims.sourcesuggestions",
        "claims.publicationentry",
        "matching.claimembedding",
        "jobs.worker",
        "discussion.emailpreference",
        "axes.accessattempt",
        "axes.accesslog",
        "axes.accessfailurelog",
    }
)


def my_assignments(user: AbstractBaseUser) -> QuerySet[Claim]:
    """The fact-checker's claims: those sent back first (with the reviewer's comment), then by
    priority and due date, each with the editor's note from its assignment."""
    changes = Signoff.objects.filter(
        review__claim=OuterRef("pk"), decision=SignoffDecision.REQUEST_CHANGES
    ).order_by("-created_at", "-id")
    sent_back = Review.objects.filter(claim=OuterRef("pk"), status=ReviewStatus.CHANGES_REQUESTED)
    assignments = ClaimEvent.objects.filter(
        claim=OuterRef("pk"), action=Transition.ASSIGN
    ).order_by("-created_at", "-id")
    return (
        claims_assigned_to(user)
        .annotate(
            sent_back=Exists(sent_back),
            sent_back_review=Subquery(sent_back.values("pk")[:1]),
            changes_comment=Subquery(changes.values("comment")[:1]),
            changes_by=Subquery(changes.values("reviewer__username")[:1]),
            assignment_note=Subquery(assignments.values("note")[:1]),
        )
        .order_by(
            F("sent_back").desc(),
            "priority",
            F("due_at").asc(nulls_last=True),
            "-updated_at",
            "-id",
        )
    )


def corrections_waiting() -> QuerySet[Claim]:
    """Published claims with a correction being written or waiting for sign-off."""
    corrections = Review.objects.filter(claim=OuterRef("pk")).exclude(correction_kind="")
    corrections = corrections.exclude(status=ReviewStatus.APPROVED)
    return Claim.objects.filter(Exists(corrections), status=ClaimStatus.PUBLISHED)


def overdue_claims(user: AbstractBaseUser) -> QuerySet[Claim]:
    """Claims past their due date: every one for an editor, one's own for a fact-checker."""
    claims = Claim.objects.filter(due_at__lt=timezone.now(), status__in=OPEN_STATUSES)
    if not has_role(user, Role.EDITOR):
        claims = claims.filter(assignee=user)
    return claims.order_by("due_at", "id")


@dataclass(frozen=True)
class Queue:
    title: str
    roles: tuple[str, ...]
    claims: Callable[[AbstractBaseUser], QuerySet[Claim]]


QUEUES: dict[str, Queue] = {
    "mine": Queue(_("My assignments"), (Role.FACT_CHECKER,), my_assignments),
    "signoff": Queue(_("Waiting for my sign-off"), (Role.REVIEWER,), claims_awaiting_signoff_by),
    "ready": Queue(_("Ready to publish"), (Role.EDITOR,), lambda user: claims_ready_to_publish()),
    "corrections": Queue(
        _("Corrections waiting"), (Role.EDITOR, Role.REVIEWER), lambda user: corrections_waiting()
    ),
    "overdue": Queue(_("Overdue"), (Role.EDITOR, Role.FACT_CHECKER), overdue_claims),
}


def queues_for(user: AbstractBaseUser) -> dict[str, Queue]:
    return {key: queue for key, queue in QUEUES.items() if has_role(user, *queue.roles)}


class QueueFilter(admin.SimpleListFilter):
    """The claims list narrowed to one of the home's queues, for the person looking."""

    title = _("queue")
    parameter_name = "queue"

    def lookups(self, request, model_admin):
        return [(key, queue.title) for key, queue in queues_for(request.user).items()]

    def queryset(self, request, queryset):
        queue = queues_for(request.user).get(self.value() or "")
        if self.value() and queue is None:
            return queryset.none()
        if queue is None:
            return queryset
        return queryset.filter(pk__in=queue.claims(request.user).values("pk"))


@dataclass(frozen=True)
class HomeList:
    key: str
    title: str
    rows: list
    more: bool
    url: str


def _capped(queryset: QuerySet) -> tuple[list, bool]:
    rows = list(queryset[: HOME_ROWS + 1])
    return rows[:HOME_ROWS], len(rows) > HOME_ROWS


def recent_activity(user: AbstractBaseUser) -> QuerySet[ClaimEvent]:
    """What others did lately on claims the user works on: assigned to them, or acted on."""
    # The claims first (by the assignee and actor indexes), then their events: scanning every
    # event newest first for ones on such claims would read the whole log for a quiet user.
    acted_on = ClaimEvent.objects.filter(actor=user).values("claim_id")
    return (
        ClaimEvent.objects.filter(Q(claim__assignee=user) | Q(claim_id__in=acted_on))
        .exclude(actor=user)
        .select_related("claim", "actor")
        .order_by("-created_at", "-id")
    )


def editors_note(claim: Claim) -> str:
    """The note the editor wrote when assigning, without the one the service writes for them
    when they wrote none."""
    note = claim.assignment_note or ""
    written_for_them = gettext("Assigned to %(user)s") % {"user": claim.assignee.get_username()}
    return "" if note == written_for_them else note


def desk_home(request) -> dict:
    """The home's context: the user's queues, open alerts and recent activity."""
    user = request.user
    changelist = reverse("admin:claims_claim_changelist")
    lists = []
    for key, queue in queues_for(user).items():
        claims = queue.claims(user).select_related("statement__speaker", "assignee")
        rows, more = _capped(claims)
        if key == "mine":
            for claim in rows:
                claim.editors_note = editors_note(claim)
        lists.append(
            HomeList(key, queue.title, rows, more, f"{changelist}?{urlencode({'queue': key})}")
        )
    context = {"home_lists": lists, "is_editor": has_role(user, Role.EDITOR)}
    if has_role(user, Role.EDITOR):
        open_alerts = Alert.objects.filter(status=Alert.Status.OPEN).select_related("claim")
        alerts, more = _capped(open_alerts)
        context["alerts"] = HomeList(
            "alerts", _("Open alerts"), alerts, more, reverse("admin:claims_alert_changelist")
        )
    context["activity"] = list(recent_activity(user)[:HOME_ROWS])
    return context


def plug_into(site: admin.AdminSite) -> None:
    """Make this the site's home (factcheck/admin.py gives it the place)."""
    site.home = desk_home
    site.internal_models = INTERNAL_MODELS
