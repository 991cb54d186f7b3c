"""The editor's workspace on a source: the article with its paragraphs marked, the suggested
claims highlighted with their speakers, the claims already made shown in place; accept, edit or
reject a suggestion, or select any span to make a statement and its claims.

Every write goes through `claims.services`; a refusal becomes an admin message.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import services
from ..arrival import stored_report
from ..enums import Role, SpeechKind
from ..matching import encoder
from ..models import Claim, Source, Speaker, SuggestionDecision
from ..roles import has_role
from ..spans import Mark, segments
from ..suggest import ClaimIndex
from ..suggestions import checked_elsewhere, matches_for, source_inputs, suggest_for_text


class SpanClaimsForm(forms.Form):
    """A statement at [start, end) of the source, by a speaker, and the claims inside it."""

    start = forms.IntegerField(min_value=0)
    end = forms.IntegerField(min_value=1)
    speaker = forms.CharField(label=_("Speaker"), max_length=200)
    alias = forms.CharField(
        label=_("Called in the article"),
        max_length=200,
        required=False,
        help_text=_("How the article refers to the speaker here, e.g. 'the minister'."),
    )
    reported_speaker = forms.CharField(
        label=_("Quoting (reported speaker)"), max_length=200, required=False
    )
    speech = forms.ChoiceField(label=_("Speech"), choices=SpeechKind.choices)
    claims = forms.CharField(
        label=_("Claims, one per line"), widget=forms.Textarea(attrs={"rows": 3})
    )
    checkworthiness = forms.FloatField(min_value=0, max_value=1, required=False)

    def __init__(self, *args, source: Source, **kwargs):
        super().__init__(*args, **kwargs)
        self.source = source

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and not 0 <= start < end <= len(self.source.text):
            raise ValidationError(
                gettext("The span %(start)d-%(end)d is not inside the article's text.")
                % {"start": start, "end": end}
            )
        return cleaned


class SuggestionForm(SpanClaimsForm):
    """Accepting a suggestion: its statement span and the (possibly edited) claim it became.

    A suggestion whose speaker was found on weak evidence (`confirm_speaker`) is accepted
    only once the editor has ticked that the speaker is right.
    """

    candidate_start = forms.IntegerField(min_value=0)
    candidate_end = forms.IntegerField(min_value=1)
    confirm_speaker = forms.BooleanField(required=False, widget=forms.HiddenInput)
    speaker_confirmed = forms.BooleanField(label=_("The speaker is right"), required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("confirm_speaker") and not cleaned.get("speaker_confirmed"):
            raise ValidationError(
                gettext(
                    "The speaker of this suggestion was found on weak evidence: check it, "
                    "and tick “The speaker is right” before accepting."
                )
            )
        return cleaned


class RejectForm(forms.Form):
    candidate_start = forms.IntegerField(min_value=0)
    candidate_end = forms.IntegerField(min_value=1)


@dataclass
class CandidateView:
    """One pending suggestion as the workspace shows it."""

    index: int
    data: dict[str, Any]


def _workspace_url(source: Source) -> str:
    return reverse("admin:claims_source_workspace", args=[source.pk])


def _require_editor(request: HttpRequest) -> None:
    if not has_role(request.user, Role.EDITOR):
        raise PermissionDenied


# How alike a suggestion and a claim made from the same words must be for the suggestion to
# count as taken already.
COVERED_SCORE = 0.6


def _covered_by_claims(candidates: list[dict[str, Any]], statements: list) -> set[int]:
    """Suggestions that a claim already made from an overlapping statement says the same as."""
    covered = set()
    for index, candidate in enumerate(candidates):
        overlapping = [
            claim
            for statement in statements
            if statement.start < candidate["end"] and candidate["start"] < statement.end
            for claim in statement.claims.all()
        ]
        if overlapping and ClaimIndex((c.pk, c.text) for c in overlapping).search(
            candidate["text"], limit=1, min_score=COVERED_SCORE
        ):
            covered.add(index)
    return covered


def workspace_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    source = get_object_or_404(Source, pk=object_id)
    if not model_admin.has_view_permission(request, source):
        raise PermissionDenied
    statements = list(
        source.statements.select_related("speaker", "reported_speaker").prefetch_related(
            Prefetch("claims", queryset=Claim.objects.order_by("id"))
        )
    )
    made = {claim.id for statement in statements for claim in statement.claims.all()}
    # Stored when the source arrived (claims.arrival); computed here while there are none current.
    report = stored_report(source, exclude_claims=made) or suggest_for_text(
        source.text, **source_inputs(source), exclude_claims=made
    )
    decided = set(source.suggestion_decisions.values_list("start", "end"))
    suggested = report.candidates_json()
    covered = _covered_by_claims(suggested, statements)
    candidates = [
        CandidateView(index, data)
        for index, data in enumerate(suggested)
        if (data["start"], data["end"]) not in decided and index not in covered
    ]
    marks = [Mark(c.data["start"], c.data["end"], "candidate", c.index) for c in candidates]
    # The words that gave each suggestion its speaker: the cue, and the name or role.
    for c in candidates:
        for kind, start, end in (
            ("cue", c.data["cue_start"], c.data["cue_end"]),
            ("named", c.data["speaker_start"], c.data["speaker_end"]),
        ):
            if start is not None and end is not None and start < end:
                marks.append(Mark(start, end, kind, c.index))
    marks += [Mark(s.start, s.end, "statement", s.pk) for s in statements]
    paragraphs = [
        {
            "paragraph": paragraph,
            "segments": segments(source.text, paragraph.start, paragraph.end, marks),
        }
        for paragraph in report.suggestions.paragraphs
    ]
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": Source._meta,
        "title": gettext("Workspace: %(title)s") % {"title": source.title},
        "source": source,
        "paragraphs": paragraphs,
        "candidates": candidates,
        "statements": statements,
        "speaker_names": list(Speaker.objects.order_by("name").values_list("name", flat=True)),
        "speech_choices": SpeechKind.choices,
        "can_edit": has_role(request.user, Role.EDITOR),
        "covered": len(covered),
        "rejected": source.suggestion_decisions.filter(
            decision=SuggestionDecision.Decision.REJECTED
        ).count(),
        "new_form": SpanClaimsForm(source=source, initial={"speech": SpeechKind.DIRECT}),
    }
    return TemplateResponse(request, "admin/claims/source/workspace.html", context)


def _create_claims(request: HttpRequest, source: Source, cleaned: dict) -> list[Claim]:
    speaker = services.speaker_for_name(name=cleaned["speaker"], alias=cleaned.get("alias", ""))
    reported = (
        services.speaker_for_name(name=cleaned["reported_speaker"])
        if cleaned.get("reported_speaker")
        else None
    )
    return services.claims_create_from_span(
        source=source,
        start=cleaned["start"],
        end=cleaned["end"],
        speaker=speaker,
        reported_speaker=reported,
        speech=cleaned["speech"],
        claim_texts=cleaned["claims"].splitlines(),
        checkworthiness=cleaned.get("checkworthiness"),
        by=request.user,
    )


def _report_errors(request: HttpRequest, form: forms.Form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@require_POST
def create_from_span_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    """A statement and its claims from a span the editor selected (or typed)."""
    _require_editor(request)
    source = get_object_or_404(Source, pk=object_id)
    form = SpanClaimsForm(request.POST, source=source)
    if form.is_valid():
        try:
            claims = _create_claims(request, source, form.cleaned_data)
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(
                request, gettext("Statement saved with %(n)d claim(s).") % {"n": len(claims)}
            )
    else:
        _report_errors(request, form)
    return HttpResponseRedirect(_workspace_url(source))


@require_POST
def accept_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    """Accept a suggestion, as suggested or as edited: its statement and its claim."""
    _require_editor(request)
    source = get_object_or_404(Source, pk=object_id)
    form = SuggestionForm(request.POST, source=source)
    if form.is_valid():
        cleaned = form.cleaned_data
        try:
            claims = _create_claims(request, source, cleaned)
            services.suggestion_decide(
                source=source,
                start=cleaned["candidate_start"],
                end=cleaned["candidate_end"],
                claim=claims[0],
                by=request.user,
            )
        except ValidationError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, gettext("Claim made: %(claim)s") % {"claim": claims[0]})
    else:
        _report_errors(request, form)
    return HttpResponseRedirect(_workspace_url(source))


@require_POST
def reject_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    _require_editor(request)
    source = get_object_or_404(Source, pk=object_id)
    form = RejectForm(request.POST)
    if form.is_valid():
        services.suggestion_decide(
            source=source,
            start=form.cleaned_data["candidate_start"],
            end=form.cleaned_data["candidate_end"],
            by=request.user,
        )
        messages.info(request, gettext("Suggestion rejected."))
    else:
        _report_errors(request, form)
    return HttpResponseRedirect(_workspace_url(source))


def similar_view(request: HttpRequest, object_id: str, model_admin) -> JsonResponse:
    """Earlier claims that `q` repeats, with their verdicts and the reasons, while an editor
    writes a claim; `language` limits them to the claims in that language."""
    source = get_object_or_404(Source, pk=object_id)
    if not model_admin.has_view_permission(request, source):
        raise PermissionDenied
    query = request.GET.get("q", "").strip()[:1000]
    if not query:
        return JsonResponse({"matches": [], "external": []})
    vectors = encoder.encode([query])  # once, for the desk's claims and the others' checks
    [matches] = matches_for(
        [query],
        language=source.language,
        only_language=request.GET.get("language", "").strip()[:16] or None,
        vectors=vectors,
    )
    [external] = checked_elsewhere([query], vectors=vectors)
    for match in matches:
        match["url"] = reverse("admin:claims_claim_change", args=[match["id"]])
    return JsonResponse({"matches": matches, "external": external})
