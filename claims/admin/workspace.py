"""The editor's workspace on a source: the article with its paragraphs marked, the suggested
claims highlighted with their speakers, the claims already made shown in place; accept, edit or
reject a suggestion, or select any span to make a statement and its claims.

Every write goes through `claims.services`. The forms post as plain HTML forms; the script
(workspace.js) posts them with fetch instead and swaps in the workspace's body that the server
renders again (`workspace_body.html`), so the editor's place and focus stay. A refused post
shows the form again as the editor left it, with what was wrong.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from .. import services
from ..arrival import stored_report
from ..enums import Role, SpeakerKind, SpeechKind
from ..matching import encoder
from ..models import Claim, Source, Speaker, SuggestionDecision
from ..roles import has_role
from ..spans import Mark, segments
from ..suggest import ClaimIndex
from ..suggestions import checked_elsewhere, matches_for, source_inputs, suggest_for_text
from ..wording import WordingCheck, check_lines

SPEAKERS_LIST = {"list": "ws-speakers", "autocomplete": "off"}
# The header the workspace's script sends to get the workspace's body back instead of a page.
FRAGMENT_HEADER = "X-Workspace-Fragment"


class SpanClaimsForm(forms.Form):
    """A statement at [start, end) of the source, by a speaker, and the claims inside it."""

    start = forms.IntegerField(label=_("Start"), min_value=0)
    end = forms.IntegerField(label=_("End"), min_value=1)
    speaker = forms.CharField(
        label=_("Speaker"), max_length=200, widget=forms.TextInput(attrs=SPEAKERS_LIST)
    )
    alias = forms.CharField(
        label=_("Called in the article"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. the minister")}),
        help_text=_("How the article refers to the speaker here, e.g. 'the minister'."),
    )
    reported_speaker = forms.CharField(
        label=_("Quoting"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs=SPEAKERS_LIST),
    )
    speech = forms.ChoiceField(label=_("Speech"), choices=SpeechKind.choices)
    said_on = forms.DateField(
        label=_("Said on"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    claims = forms.CharField(
        label=_("Claims, one per line"), widget=forms.Textarea(attrs={"rows": 3})
    )
    checkworthiness = forms.FloatField(
        min_value=0, max_value=1, required=False, widget=forms.HiddenInput
    )

    def __init__(self, *args, source: Source, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.source = source

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is None or end is None:
            return cleaned
        length = len(self.source.text)
        if end == start:
            raise ValidationError(
                gettext("The span is empty: its end (%(end)d) is its start. Select some words.")
                % {"end": end}
            )
        if end < start:
            raise ValidationError(
                gettext("The end (%(end)d) is before the start (%(start)d).")
                % {"start": start, "end": end}
            )
        if end > length:
            raise ValidationError(
                gettext(
                    "The end (%(end)d) is past the end of the article's text, which has "
                    "%(length)d characters."
                )
                % {"end": end, "length": length}
            )
        return cleaned

    def error_lines(self) -> list[str]:
        """Every error, named by its field's label, for a summary or a message."""
        lines = []
        for field, errors in self.errors.items():
            label = self.fields[field].label if field in self.fields else ""
            lines += [f"{label}: {error}" if label else error for error in errors]
        return lines


class SuggestionForm(SpanClaimsForm):
    """Accepting a suggestion: its statement span and the (possibly edited) claim it became.

    A suggestion whose speaker was found on weak evidence (`confirm_speaker`) is accepted
    only once the editor has ticked that the speaker is right.
    """

    start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    candidate_start = forms.IntegerField(min_value=0, widget=forms.HiddenInput)
    candidate_end = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    confirm_speaker = forms.BooleanField(required=False, widget=forms.HiddenInput)
    speaker_confirmed = forms.BooleanField(label=_("The speaker is right"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["claims"].label = _("Claim")
        self.fields["claims"].widget.attrs["rows"] = 2

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

    @property
    def candidate(self) -> tuple[int, int] | None:
        """The suggestion's span as posted, when it is two numbers."""
        try:
            return int(self.data["candidate_start"]), int(self.data["candidate_end"])
        except (KeyError, TypeError, ValueError):
            return None


class DecisionForm(forms.Form):
    """Which suggestion a rejection, or its undoing, is about."""

    candidate_start = forms.IntegerField(min_value=0)
    candidate_end = forms.IntegerField(min_value=1)


@dataclass
class CandidateView:
    """One pending suggestion as the workspace shows it, with its form (bound when a post of
    it was refused, so that what the editor typed is kept)."""

    index: int
    data: dict[str, Any]
    form: SuggestionForm | None = None
    focus: bool = False
    wording: list[dict[str, Any]] | None = None


# What each wording problem (claims.wording) means to the editor.
WORDING_MESSAGES = {
    "short": _("Too short for a claim: write a complete sentence."),
    "lowercase_start": _("Start with a capital letter."),
    "no_full_stop": _("End with a full stop."),
    "first_person": _("First person (%(word)s): say who, in the third person."),
    "bare_pronoun": _("Starts with “%(word)s”: name who or what it is."),
}


def _wording(text: str, speaker: str) -> list[dict[str, Any]]:
    """The wording hints for a field of claims, one per line, as the page and the JSON show."""

    def shown(check: WordingCheck) -> dict[str, Any]:
        return {
            "text": check.text,
            "problems": [
                {"code": p.code, "message": str(WORDING_MESSAGES[p.code]) % {"word": p.word}}
                for p in check.problems
            ],
            "suggestion": check.suggestion,
        }

    return [shown(check) for check in check_lines(text, speaker)]


def _workspace_url(source: Source) -> str:
    return reverse("admin:claims_source_workspace", args=[source.pk])


def _require_editor(request: HttpRequest) -> None:
    if not has_role(request.user, Role.EDITOR):
        raise PermissionDenied


def _said_on(source: Source) -> datetime.date | None:
    """A statement's default date: the day its source was published, in the desk's time zone."""
    return timezone.localdate(source.published_at) if source.published_at else None


def _span(value: str | None) -> tuple[int, int] | None:
    """`start-end` from a query parameter, or None."""
    try:
        start, end = (int(part) for part in (value or "").split("-"))
    except ValueError:
        return None
    return (start, end) if 0 <= start < end else None


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


def _suggestion_form(source: Source, index: int, data: dict[str, Any]) -> SuggestionForm:
    return SuggestionForm(
        source=source,
        auto_id=f"%s-{index}",
        initial={
            "candidate_start": data["start"],
            "candidate_end": data["end"],
            "start": data["statement_start"],
            "end": data["statement_end"],
            "speech": data["kind"],
            "checkworthiness": data["checkworthiness"],
            "claims": data["text"],
            "speaker": data["speaker"] or "",
            "reported_speaker": data["reported_speaker"] or "",
            "said_on": _said_on(source),
            "confirm_speaker": bool(data.get("confirm_speaker")),
        },
    )


def _new_form(source: Source, data=None) -> SpanClaimsForm:
    return SpanClaimsForm(
        data,
        source=source,
        auto_id="ws-%s",
        initial={"speech": SpeechKind.DIRECT, "said_on": _said_on(source)},
    )


def _context(
    request: HttpRequest,
    source: Source,
    *,
    refused: SuggestionForm | None = None,
    new_form: SpanClaimsForm | None = None,
    after: tuple[int, int] | None = None,
    focus_span: tuple[int, int] | None = None,
    undo: tuple[int, int] | None = None,
    focus: str = "",
) -> dict[str, Any]:
    """What the workspace shows. `refused` is a suggestion's form whose post failed, shown as
    the editor left it; focus goes to its card, to the suggestion at `focus_span`, to the first
    one left after `after` (the one just decided), or to the element id `focus`."""
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
    decisions = {
        (start, end): decision
        for start, end, decision in source.suggestion_decisions.values_list(
            "start", "end", "decision"
        )
    }
    suggested = report.candidates_json()
    covered = _covered_by_claims(suggested, statements)
    can_edit = has_role(request.user, Role.EDITOR)
    refused_span = refused.candidate if refused is not None else None
    candidates = []
    for index, data in enumerate(suggested):
        span = (data["start"], data["end"])
        if span in decisions or index in covered:
            continue
        form = None
        if can_edit and span == refused_span:
            refused.auto_id = f"%s-{index}"  # the ids of its card's fields
            form = refused
        elif can_edit:
            form = _suggestion_form(source, index, data)
        wording = None
        if form is not None:
            wording = _wording(_value(form, "claims"), _value(form, "speaker"))
        candidates.append(CandidateView(index, data, form, wording=wording))
    new_form = new_form or _new_form(source)
    _choose_focus(candidates, refused_span=refused_span, focus_span=focus_span, after=after)
    if not focus and candidates and (refused_span or focus_span or after):
        focus = next((f"cand-{c.index}" for c in candidates if c.focus), "")
    if not focus and (refused_span or after):
        focus = "ws-suggestions-title"
    rejected_spans = {
        span for span, d in decisions.items() if d == SuggestionDecision.Decision.REJECTED
    }
    texts = {(d["start"], d["end"]): d["text"] for d in suggested}
    rejected = [
        {"start": start, "end": end, "text": texts.get((start, end)) or source.text[start:end]}
        for start, end in sorted(rejected_spans)
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
    return {
        "opts": Source._meta,
        "title": gettext("Workspace: %(title)s") % {"title": source.title},
        "source": source,
        "paragraphs": paragraphs,
        "candidates": candidates,
        "statements": statements,
        "speaker_names": list(Speaker.objects.order_by("name").values_list("name", flat=True)),
        "can_edit": can_edit,
        "covered": len(covered),
        "rejected": len(rejected),
        "rejected_suggestions": rejected,
        "undo": undo if undo in rejected_spans else None,
        "new_form": new_form,
        "new_wording": _wording(_value(new_form, "claims"), _value(new_form, "speaker")),
        "focus": focus,
    }


def _value(form: forms.Form, name: str) -> str:
    """A field's text as the form shows it: as posted, or its initial value."""
    value = form[name].value()
    return value if isinstance(value, str) else ""


def _choose_focus(
    candidates: list[CandidateView],
    *,
    refused_span: tuple[int, int] | None,
    focus_span: tuple[int, int] | None,
    after: tuple[int, int] | None,
) -> None:
    for wanted in (refused_span, focus_span):
        for c in candidates:
            if wanted and (c.data["start"], c.data["end"]) == wanted:
                c.focus = True
                return
    if after and candidates:
        following = [c for c in candidates if (c.data["start"], c.data["end"]) > after]
        (following[0] if following else candidates[-1]).focus = True


def _wants_fragment(request: HttpRequest) -> bool:
    return request.headers.get(FRAGMENT_HEADER) == "1"


def _render(
    request: HttpRequest, source: Source, model_admin, *, status: int = 200, **options
) -> HttpResponse:
    """The workspace: its body alone for the script, or the whole admin page."""
    context = _context(request, source, **options)
    if _wants_fragment(request):
        return TemplateResponse(
            request, "admin/claims/source/workspace_body.html", context, status=status
        )
    context = {**model_admin.admin_site.each_context(request), **context}
    return TemplateResponse(request, "admin/claims/source/workspace.html", context, status=status)


def _done(
    request: HttpRequest, source: Source, model_admin, *, anchor: str = "ws-focus", **options
) -> HttpResponse:
    """After a write: the body again for the script; without it, a redirect (so that a reload
    does not post twice) to the workspace, scrolled to where the editor goes on."""
    if _wants_fragment(request):
        return _render(request, source, model_admin, **options)
    query = {
        name: f"{span[0]}-{span[1]}"
        for name, span in (
            ("after", options.get("after")),
            ("show", options.get("focus_span")),
            ("undo", options.get("undo")),
        )
        if span
    }
    url = _workspace_url(source)
    if query:
        url += "?" + urlencode(query)
    return HttpResponseRedirect(f"{url}#{anchor}")


def _refuse(request: HttpRequest, form: SpanClaimsForm) -> None:
    messages.error(request, gettext("Not saved: %(why)s") % {"why": " ".join(form.error_lines())})


def workspace_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    source = get_object_or_404(Source, pk=object_id)
    if not model_admin.has_view_permission(request, source):
        raise PermissionDenied
    return _render(
        request,
        source,
        model_admin,
        after=_span(request.GET.get("after")),
        focus_span=_span(request.GET.get("show")),
        undo=_span(request.GET.get("undo")),
    )


def _create_claims(request: HttpRequest, source: Source, cleaned: dict) -> list[Claim]:
    name = cleaned["speaker"]
    # The outlet speaks in its own narration: it is an organisation, not a person.
    outlet = bool(source.publisher) and name.strip().casefold() == source.publisher.casefold()
    speaker = services.speaker_for_name(
        name=name,
        alias=cleaned.get("alias", ""),
        kind=SpeakerKind.ORGANIZATION if outlet else SpeakerKind.PERSON,
    )
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
        said_on=cleaned.get("said_on"),
        claim_texts=cleaned["claims"].splitlines(),
        checkworthiness=cleaned.get("checkworthiness"),
        by=request.user,
    )


@require_POST
def create_from_span_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    """A statement and its claims from a span the editor selected (or typed)."""
    _require_editor(request)
    source = get_object_or_404(Source, pk=object_id)
    form = _new_form(source, request.POST)
    if form.is_valid():
        try:
            with transaction.atomic():
                claims = _create_claims(request, source, form.cleaned_data)
        except ValidationError as refusal:
            form.add_error(None, refusal.messages)
        else:
            messages.success(
                request, gettext("Statement saved with %(n)d claim(s).") % {"n": len(claims)}
            )
            return _done(request, source, model_admin, anchor="ws-new", focus="ws-article")
    _refuse(request, form)
    return _render(
        request, source, model_admin, status=400, new_form=form, focus=_first_error(form)
    )


def _first_error(form: forms.Form) -> str:
    """The id of the first field in error that the editor can see, else the form's own."""
    for name in form.errors:
        if name in form.fields and not form.fields[name].widget.is_hidden:
            return form[name].auto_id
    return "ws-new"


@require_POST
def accept_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    """Accept a suggestion, as suggested or as edited: its statement and its claim."""
    _require_editor(request)
    source = get_object_or_404(Source, pk=object_id)
    form = SuggestionForm(request.POST, source=source, auto_id="%s-refused")
    if form.is_valid():
        cleaned = form.cleaned_data
        try:
            with transaction.atomic():
                claims = _create_claims(request, source, cleaned)
                services.suggestion_decide(
                    source=source,
                    start=cleaned["candidate_start"],
                    end=cleaned["candidate_end"],
                    claim=claims[0],
                    by=request.user,
                )
        except ValidationError as refusal:
            form.add_error(None, refusal.messages)
        else:
            messages.success(request, gettext("Claim made: %(claim)s") % {"claim": claims[0]})
            return _done(request, source, model_admin, after=form.candidate)
    _refuse(request, form)
    return _render(request, source, model_admin, status=400, refused=form)


@require_POST
def reject_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    _require_editor(request)
    source = get_object_or_404(Source, pk=object_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("No suggestion was rejected: it was not named right."))
        return _done(request, source, model_admin)
    span = (form.cleaned_data["candidate_start"], form.cleaned_data["candidate_end"])
    try:
        services.suggestion_decide(source=source, start=span[0], end=span[1], by=request.user)
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return _done(request, source, model_admin, after=span)
    messages.info(request, gettext("Suggestion rejected."))
    return _done(request, source, model_admin, after=span, undo=span)


@require_POST
def restore_view(request: HttpRequest, object_id: str, model_admin) -> HttpResponse:
    """Undo a rejection: the suggestion is offered again."""
    _require_editor(request)
    source = get_object_or_404(Source, pk=object_id)
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, gettext("No suggestion was brought back: it was not named right."))
        return _done(request, source, model_admin)
    span = (form.cleaned_data["candidate_start"], form.cleaned_data["candidate_end"])
    try:
        restored = services.suggestion_restore(
            source=source, start=span[0], end=span[1], by=request.user
        )
    except ValidationError as refusal:
        messages.error(request, " ".join(refusal.messages))
        return _done(request, source, model_admin)
    if restored:
        messages.success(request, gettext("Suggestion brought back."))
    else:
        messages.warning(request, gettext("That suggestion was not rejected: nothing to undo."))
    return _done(request, source, model_admin, focus_span=span)


def wording_view(request: HttpRequest, object_id: str, model_admin) -> JsonResponse:
    """The wording hints (claims.wording) for `text`, claims one per line, whose statement's
    speaker is `speaker`: each line's problems and a rewording, and the hint as the page
    renders it beside the field `field`."""
    source = get_object_or_404(Source, pk=object_id)
    if not model_admin.has_view_permission(request, source):
        raise PermissionDenied
    text = request.GET.get("text", "")[:5000]
    speaker = request.GET.get("speaker", "")[:200]
    checks = _wording(text, speaker)
    html = render_to_string(
        "admin/claims/source/workspace_wording.html",
        {"checks": checks, "field": {"auto_id": request.GET.get("field", "")[:100]}},
        request=request,
    )
    return JsonResponse({"checks": checks, "html": html})


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
