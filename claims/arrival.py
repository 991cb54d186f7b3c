"""What happens when a new source arrives in the desk (an import, a feed's new item).

`source_arrived` hands the source to a background job (`claims.tasks.process_source`) that runs
the suggestion engine once, stores its report (`SourceSuggestions`) for the workspace and the
daily digest, and matches the check-worthy suggestions against the claims the desk published or
is checking, raising an `Alert` for each one worded like such a claim. The job may run twice
(a retry, a worker taken back): the stored report is reused while current, and a span alerts
once, so a second run stores nothing twice.
"""

from __future__ import annotations

import dataclasses
import datetime
import functools
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from . import services
from .enums import ClaimStatus
from .models import Alert, Source, SourceSuggestions, SuggestionDecision
from .suggest import Candidate, Suggestions
from .suggestions import (
    Report,
    engine_version,
    report_for,
    source_inputs,
    suggest_for_text,
    suggestions_from_json,
    suggestions_to_json,
)

# New words that look like claims in these statuses are worth an editor's look: the desk has
# published a verdict on them or is working on one.
ALERT_STATUSES = frozenset(
    {
        ClaimStatus.SELECTED,
        ClaimStatus.RESEARCHING,
        ClaimStatus.IN_REVIEW,
        ClaimStatus.PUBLISHED,
    }
)


def source_arrived(source: Source) -> None:
    """Work out a new source's suggestions and alerts in the background, once the transaction
    that stored it has committed (a worker must be able to read it)."""
    from .tasks import process_source  # the job's module imports this one

    transaction.on_commit(functools.partial(process_source.enqueue, source.pk))


def is_checkworthy(candidate: Candidate | dict[str, Any]) -> bool:
    """Whether a suggestion is worth checking: the digest's and the alerts' one rule."""
    score = (
        candidate["checkworthiness"] if isinstance(candidate, dict) else candidate.checkworthiness
    )
    return score >= settings.FACTCHECK_CHECKWORTHY_SCORE


def current_suggestions(source: Source) -> Suggestions | None:
    """The source's stored suggestions, if made by this engine from its text as it is now."""
    stored = SourceSuggestions.objects.filter(
        source=source, engine_version=engine_version(), content_hash=source.content_hash
    ).first()
    if stored is None:
        return None
    try:
        return suggestions_from_json(stored.report)
    except (TypeError, KeyError):  # stored in another shape: computed again
        return None


def stored_report(source: Source, *, exclude_claims: set[int] = frozenset()) -> Report | None:
    """The workspace's report from the stored suggestions, matched against the claims as they
    are now; None when there are none current."""
    suggestions = current_suggestions(source)
    if suggestions is None:
        return None
    return report_for(source.text, suggestions, exclude_claims=exclude_claims)


def suggestions_for(source: Source) -> Suggestions:
    """The stored suggestions while current, else the engine's, stored for next time."""
    suggestions = current_suggestions(source)
    if suggestions is None:
        # The same engine call as the workspace's (claims.admin.workspace).
        report = suggest_for_text(source.text, **source_inputs(source), with_matches=False)
        suggestions = report.suggestions
        services.source_suggestions_store(
            source=source,
            engine_version=engine_version(),
            report=suggestions_to_json(suggestions),
        )
    return suggestions


def repeats_in(source: Source, suggestions: Suggestions) -> list[tuple[Candidate, int, float]]:
    """(candidate, earlier claim id, likeness) for each check-worthy suggestion worded like a
    claim the desk published or is checking; its best such match. Claims made from this very
    source never count."""
    made = set(source.statements.values_list("claims__id", flat=True)) - {None}
    worth = [
        candidate
        for candidate in suggestions.candidates
        if candidate.duplicate_of is None and is_checkworthy(candidate)
    ]
    if not worth:
        return []
    # Every candidate searched at once, as the workspace does: the claims' index is looked up
    # and the matches' details read once for the source, not once for each candidate.
    report = report_for(
        source.text, dataclasses.replace(suggestions, candidates=worth), exclude_claims=made
    )
    found = []
    for candidate, candidate_matches in zip(worth, report.matches, strict=True):
        matches = [
            match
            for match in candidate_matches
            if match["status"] in ALERT_STATUSES
            and match["score"] >= settings.FACTCHECK_ALERT_SCORE
        ]
        if matches:
            found.append((candidate, matches[0]["id"], matches[0]["score"]))
    return found


def process(source_id: int) -> dict[str, Any]:
    """The job's work (`claims.tasks.process_source`): suggestions stored, alerts raised."""
    source = Source.objects.filter(pk=source_id).first()
    if source is None:  # deleted before the job ran: nothing to do
        return {"source": source_id, "found": False}
    suggestions = suggestions_for(source)
    alerts = services.alerts_raise(source=source, found=repeats_in(source, suggestions))
    return {
        "source": source.pk,
        "found": True,
        "candidates": len(suggestions.candidates),
        "alerts": [alert.pk for alert in alerts],
    }


# The digest shows at most this many suggestions: the best of a busy day, not all of it.
DIGEST_LIMIT = 200


@dataclass(frozen=True)
class DigestItem:
    source: Source
    index: int  # the candidate's place in the source's report (the workspace's anchor)
    candidate: dict[str, Any]
    alert: Alert | None


@dataclass(frozen=True)
class Digest:
    day: datetime.date
    items: list[DigestItem]  # best first
    total: int  # check-worthy suggestions that day, shown or not
    sources: int  # sources that arrived that day
    waiting: int  # of which the engine has not read yet


def digest_for(day: datetime.date) -> Digest:
    """The check-worthy suggestions of the sources that arrived on `day` (the desk's time
    zone), best first, without those an editor already accepted or rejected."""
    zone = timezone.get_current_timezone()
    start = datetime.datetime.combine(day, datetime.time.min, tzinfo=zone)
    arrived = Source.objects.filter(
        created_at__gte=start, created_at__lt=start + datetime.timedelta(days=1)
    )
    stored = list(
        SourceSuggestions.objects.filter(
            source__in=arrived, content_hash=F("source__content_hash")
        ).select_related("source")
    )
    ids = [row.source_id for row in stored]
    decided = set(
        SuggestionDecision.objects.filter(source_id__in=ids).values_list(
            "source_id", "start", "end"
        )
    )
    alerts = {
        (alert.source_id, alert.start, alert.end): alert
        for alert in Alert.objects.filter(source_id__in=ids).select_related("claim")
    }
    items = [
        DigestItem(
            row.source,
            index,
            candidate,
            alerts.get((row.source_id, candidate["start"], candidate["end"])),
        )
        for row in stored
        for index, candidate in enumerate(row.report.get("candidates", []))
        if is_checkworthy(candidate)
        and candidate.get("duplicate_of") is None
        and (row.source_id, candidate["start"], candidate["end"]) not in decided
    ]
    items.sort(key=lambda item: (-item.candidate["checkworthiness"], -item.source.pk, item.index))
    sources = arrived.count()
    return Digest(
        day=day,
        items=items[:DIGEST_LIMIT],
        total=len(items),
        sources=sources,
        waiting=sources - len(stored),
    )
