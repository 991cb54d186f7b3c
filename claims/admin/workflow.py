"""The workflow in the admin: the steps on a claim (reversible ones in one click with an Undo,
the others on a page that asks for what they need), the sign-off page, bulk select, assign and
dismiss, and the queues. Every step calls the service that enforces its rule; a refusal becomes
an admin message and changes nothing."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import services
from ..enums import TRANSITIONS, UNDO, ClaimStatus, DismissalReason, Role, Transition
from ..models import Claim, Review
from ..roles import has_role
from ..rules import WorkflowError, latest_review, step_leading_to
from ..selectors import (
    APPROVE,
    EDIT_REVIEW,
    PUBLISH_CORRECTION,
    REQUEST_CHANGES,
    REVIEW_FORM_ACTIONS,
    SUBMIT_CORRECTION,
    WRITE_CORRECTION,
    WRITE_REVIEW,
    ClaimAction,
    claim_actions,
    claim_current_review,
    claim_status_counts,
    claims_assigned_to,
    claims_awaiting_signoff_by,
    claims_ready_to_publish,
    fact_checkers,
    transition_action,
)

NOTE_HELP = {
    Transition.DISMISS: _("Optional: anything the desk should know about the dismissal."),
    Transition.WITHDRAW: _("Shown to readers: why the verdict is withdrawn."),
    REQUEST_CHANGES: _("What the fact-checker should change."),
    APPROVE: _("Optional comment for the record."),
}


class ClaimStepForm(forms.Form):
    """Asks for what a step needs: a note, a dismissal reason, a fact-checker."""

    def __init__(self, *args, action: ClaimAction, **kwargs):
        super().__init__(*args, **kwargs)
        if "reason" in action.inputs:
            self.fields["reason"] = forms.ChoiceField(
                label=_("Reason"), choices=DismissalReason.choices
            )
        if "assignee" in action.inputs:
            self.fields["assignee"] = forms.ModelChoiceField(
                label=_("Fact-checker"), queryset=fact_checkers()
            )
        if "note" in action.inputs:
            self.fields["note"] = forms.CharField(
                label=_("Note") if action.name != REQUEST_CHANGES else _("Comment"),
                widget=forms.Textarea(attrs={"rows": 4, "cols": 70}),
                required=action.note_required,
                help_text=NOTE_HELP.get(action.name, ""),
            )


class ClaimActionForm(ClaimStepForm):
    # The version the user saw: a step on a claim changed since then is refused.
    version = forms.IntegerField(widget=forms.HiddenInput)


class OneClickForm(ClaimActionForm):
    """A one-click step's form on the claim's page: the claim's version and, for an
    assignment, the fact-checker. Its fields sit among the page's workflow steps, inside the
    claim's own form, and belong to this one through their `form` attribute."""

    def __init__(self, *args, action: ClaimAction, **kwargs):
        kwargs.setdefault("auto_id", f"step-{action.name}-%s")
        super().__init__(*args, action=action, **kwargs)
        self.fields.pop("note", None)
        for field in self.fields.values():
            field.widget.attrs["form"] = f"step-{action.name}"


def action_url(claim: Claim, action: ClaimAction) -> str:
    if action.name in (WRITE_REVIEW, WRITE_CORRECTION):
        return reverse("admin:claims_review_add") + "?" + urlencode({"claim": claim.pk})
    if action.name == EDIT_REVIEW:
        return reverse("admin:claims_review_change", args=[latest_review(claim).pk])
    if action.name in (APPROVE, REQUEST_CHANGES):
        return reverse("admin:claims_claim_signoff", args=[claim.pk])
    return reverse("admin:claims_claim_act", args=[claim.pk, action.name])


def undo_button(request: HttpRequest, claim: Claim, step: str, previous_assignee=None) -> str:
    """A small form that takes the reverse of `step` on the claim as it is now."""
    previous = ""
    if previous_assignee is not None:
        previous = format_html(
            '<input type="hidden" name="previous_assignee" value="{}">', previous_assignee.pk
        )
    return format_html(
        '<form method="post" action="{}" class="undo-form">'
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">'
        '<input type="hidden" name="version" value="{}">{}'
        '<button type="submit" class="button undo">{}</button></form>',
        reverse("admin:claims_claim_undo", args=[claim.pk, step]),
        get_token(request),
        claim.version,
        previous,
        gettext("Undo"),
    )


def report_done(
    request: HttpRequest, claim: Claim, step: str, label: str, previous_assignee=None
) -> None:
    """ "Done: <step>." with an Undo button when the step has a reverse."""
    text = gettext("Done: %(step)s.") % {"step": label}
    if step in UNDO:
        text = format_html("{} {}", text, undo_button(request, claim, step, previous_assignee))
    messages.success(request, text)


def _action_named(claim: Claim, user, name: str) -> ClaimAction | None:
    return next((a for a in claim_actions(claim, user) if a.name == name), None)


def _transition(claim: Claim, user, transition: str, data: dict) -> None:
    services.claim_transition(
        claim=claim,
        transition=transition,
        by=user,
        note=data.get("note", ""),
        reason=data.get("reason", ""),
        assignee=data.get("assignee"),
    )


def _perform(claim: Claim, user, action: ClaimAction, data: dict) -> None:
    note = data.get("note", "")
    if action.name in TRANSITIONS:
        _transition(claim, user, action.name, data)
    elif action.name == APPROVE:
        services.review_approve(review=latest_review(claim), by=user, comment=note)
    elif action.name == REQUEST_CHANGES:
        services.review_request_changes(review=latest_review(claim), by=user, comment=note)
    elif action.name == SUBMIT_CORRECTION:
        services.review_submit_correction(review=latest_review(claim), by=user)
    elif action.name == PUBLISH_CORRECTION:
        services.correction_publish(review=latest_review(claim), by=user)


def _page_context(model_admin, request: HttpRequest, title: str) -> dict:
    return {**model_admin.admin_site.each_context(request), "opts": Claim._meta, "title": title}


def claim_action_view(
    model_admin, request: HttpRequest, object_id: str, action_name: str
) -> HttpResponse:
    """GET: the form for one step on a claim. POST: take the step, or say why not."""
    claim = get_object_or_404(Claim, pk=object_id)
    if not model_admin.has_view_permission(request, claim):
        raise PermissionDenied
    change_url = reverse("admin:claims_claim_change", args=[claim.pk])
    action = _action_named(claim, request.user, action_name)
    if action is None or action.name in REVIEW_FORM_ACTIONS or action.blocked_by:
        reason = action.blocked_by if action else ""
        messages.error(
            request, reason or gettext("That step is not open to you on this claim now.")
        )
        return HttpResponseRedirect(change_url)
    if action.name in (APPROVE, REQUEST_CHANGES):
        return HttpResponseRedirect(reverse("admin:claims_claim_signoff", args=[claim.pk]))
    if action.one_click:
        return _one_click(request, claim, action, change_url)
    form = ClaimActionForm(request.POST or None, action=action, initial={"version": claim.version})
    if request.method == "POST" and form.is_valid():
        claim.version = form.cleaned_data["version"]
        try:
            _perform(claim, request.user, action, form.cleaned_data)
        except WorkflowError as refusal:
            messages.error(request, " ".join(refusal.messages))
        else:
            messages.success(request, gettext("Done: %(step)s.") % {"step": action.label})
        return HttpResponseRedirect(change_url)
    review = latest_review(claim)
    context = {
        **_page_context(model_admin, request, action.label),
        "claim": claim,
        "review": review,
        "action": action,
        "form": form,
        "change_url": change_url,
    }
    if action.name in (Transition.PUBLISH, PUBLISH_CORRECTION) and review is not None:
        # What readers will see, as the reviewers signed it.
        context.update(signed_context(claim, review))
    return TemplateResponse(request, "admin/claims/claim/action.html", context)


def _one_click(
    request: HttpRequest, claim: Claim, action: ClaimAction, change_url: str
) -> HttpResponse:
    """A reversible step, taken at once: no page in between, an Undo in the message."""
    if request.method != "POST":
        return HttpResponseRedirect(change_url)
    form = ClaimActionForm(request.POST, action=action)
    form.fields.pop("note", None)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return HttpResponseRedirect(change_url)
    previous_assignee = claim.assignee if claim.status == ClaimStatus.RESEARCHING else None
    claim.version = form.cleaned_data["version"]
    try:
        _perform(claim, request.user, action, form.cleaned_data)
    except WorkflowError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        report_done(request, claim, action.name, action.label, previous_assignee)
    return HttpResponseRedirect(change_url)


def undo_view(model_admin, request: HttpRequest, object_id: str, step: str) -> HttpResponse:
    """POST: the reverse of a one-click step (an assignment made over another one gives the
    claim back to the earlier fact-checker), through the same service and rules, logged like
    any step. Refused, with the reason, when the claim changed since."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    claim = get_object_or_404(Claim, pk=object_id)
    if not model_admin.has_view_permission(request, claim):
        raise PermissionDenied
    change_url = reverse("admin:claims_claim_change", args=[claim.pk])
    form = UndoForm(request.POST)
    if step not in UNDO or not form.is_valid():
        messages.error(request, gettext("That step cannot be undone from here."))
        return HttpResponseRedirect(change_url)
    reverse_step, assignee = UNDO[step], None
    if step == Transition.ASSIGN and form.cleaned_data["previous_assignee"] is not None:
        reverse_step, assignee = Transition.ASSIGN, form.cleaned_data["previous_assignee"]
    claim.version = form.cleaned_data["version"]
    try:
        services.claim_transition(
            claim=claim, transition=reverse_step, by=request.user, assignee=assignee
        )
    except WorkflowError as refusal:
        messages.error(request, " ".join(refusal.messages))
    else:
        text = gettext("Undone: %(step)s.") % {"step": Transition(step).label}
        if reverse_step in UNDO and reverse_step != Transition.ASSIGN:
            text = format_html("{} {}", text, undo_button(request, claim, reverse_step))
        messages.success(request, text)
    return HttpResponseRedirect(change_url)


class UndoForm(forms.Form):
    version = forms.IntegerField()
    previous_assignee = forms.ModelChoiceField(queryset=fact_checkers(), required=False)


# --- the sign-off page -----------------------------------------------------------------------


def quote_in_paragraph(claim: Claim) -> tuple[str, str, str]:
    """The paragraph (line) of the source around the statement's span: (before, quote,
    after)."""
    statement = claim.statement
    text = statement.source.text
    start, end = statement.start, statement.end
    if start is None or end is None or text[start:end] != statement.quote:
        return "", statement.quote, ""
    begin = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", end)
    stop = len(text) if stop == -1 else stop
    return text[begin:start], text[start:end], text[end:stop]


def signed_context(claim: Claim, review: Review) -> dict:
    """What a reviewer signs and an editor publishes: the claim, its quote in its paragraph,
    the rating's place on its scale, the evidence, and for a correction the verdict readers
    see now beside the new one."""
    before, quote, after = quote_in_paragraph(claim)
    scale = list(review.rating.scale.ratings.order_by("value", "label")) if review.rating_id else []
    evidence = claim.evidence.select_related("source", "correction").order_by("created_at", "id")
    current = claim_current_review(claim) if review.is_correction else None
    return {
        "signed": review,
        "paragraph": {"before": before, "quote": quote, "after": after},
        "scale": scale,
        "evidence_rows": [
            row for row in evidence if row.correction_id is None or row.correction_id == review.pk
        ],
        "current_verdict": current if current is not None and current.pk != review.pk else None,
    }


def signoff_view(model_admin, request: HttpRequest, object_id: str) -> HttpResponse:
    """GET: what the reviewer signs. POST: approve (an optional comment) or send back (a
    comment saying what to change), through the services."""
    claim = get_object_or_404(Claim.objects.select_related("statement__source"), pk=object_id)
    if not model_admin.has_view_permission(request, claim):
        raise PermissionDenied
    change_url = reverse("admin:claims_claim_change", args=[claim.pk])
    approve = _action_named(claim, request.user, APPROVE)
    review = latest_review(claim)
    if approve is None or review is None:
        messages.error(request, gettext("Nothing on this claim waits for your sign-off now."))
        return HttpResponseRedirect(change_url)
    form = SignoffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decision = request.POST.get("decision")
        comment = form.cleaned_data["comment"]
        try:
            if decision == REQUEST_CHANGES:
                services.review_request_changes(review=review, by=request.user, comment=comment)
                label = ACTION_LABELS_SIGNOFF[REQUEST_CHANGES]
            else:
                services.review_approve(review=review, by=request.user, comment=comment)
                label = ACTION_LABELS_SIGNOFF[APPROVE]
        except WorkflowError as refusal:
            form.add_error(None, " ".join(refusal.messages))
        else:
            messages.success(request, gettext("Done: %(step)s.") % {"step": label})
            return HttpResponseRedirect(change_url)
    context = {
        **_page_context(model_admin, request, gettext("Sign off the review")),
        "claim": claim,
        "form": form,
        "change_url": change_url,
        "approve_name": APPROVE,
        "send_back_name": REQUEST_CHANGES,
        **signed_context(claim, review),
    }
    return TemplateResponse(request, "admin/claims/claim/signoff.html", context)


ACTION_LABELS_SIGNOFF = {APPROVE: _("Approve the review"), REQUEST_CHANGES: _("Send back")}


class SignoffForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 70}),
        help_text=_("Optional to approve; to send back, say what the fact-checker should change."),
    )


# The claims a bulk step's confirmation page names, and the refusals it reports; the rest are
# counted.
BULK_PREVIEW = 50


def bulk_transition(model_admin, request: HttpRequest, queryset, transition: str):
    """An admin action that asks once for what the step needs, then takes it on every
    selected claim through the service; each refusal is reported, the rest go ahead. An
    assignment whose fact-checker was chosen in the action bar asks nothing more."""
    action = transition_action(transition)
    from_bar = transition == Transition.ASSIGN and bool(request.POST.get("assignee"))
    bound = "apply" in request.POST or from_bar
    form = ClaimStepForm(request.POST if bound else None, action=action)
    if bound and form.is_valid():
        done, refused = [], []
        for claim in queryset:
            try:
                _transition(claim, request.user, transition, form.cleaned_data)
                done.append(claim)
            except WorkflowError as refusal:
                refused.append((claim, " ".join(refusal.messages)))
        report_bulk(request, transition, action.label, done, refused)
        return None  # back to the list
    if from_bar:  # a fact-checker the form refuses: say so on the list
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return None
    # "Select all that match" can mean a million claims: name the first few, count the rest.
    claims, count = list(queryset[:BULK_PREVIEW]), queryset.count()
    context = {
        **_page_context(model_admin, request, action.label),
        "claims": claims,
        "count": count,
        "more": count - len(claims),
        "form": form,
        "action_name": request.POST.get("action", ""),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        # Carried to the second post, or the step would apply only to the ticked rows.
        "select_across": request.POST.get("select_across") == "1",
    }
    return TemplateResponse(request, "admin/claims/claim/bulk_action.html", context)


def bulk_select(model_admin, request: HttpRequest, queryset):
    """Select the claims for checking at once (reversible, so no page in between), and assign
    them too when a fact-checker is chosen in the action bar. Then the list shows just the
    claims selected, so that the next step takes one tick."""
    assignee = None
    if request.POST.get("assignee"):
        assignee = fact_checkers().filter(pk=request.POST["assignee"]).first()
        if assignee is None:
            messages.error(request, gettext("Choose a fact-checker from the list."))
            return None
    done, refused = [], []
    for claim in queryset:
        try:
            services.claim_transition(claim=claim, transition=Transition.SELECT, by=request.user)
            if assignee is not None:
                services.claim_transition(
                    claim=claim, transition=Transition.ASSIGN, by=request.user, assignee=assignee
                )
            done.append(claim)
        except WorkflowError as refusal:
            refused.append((claim, " ".join(refusal.messages)))
    label = transition_action(Transition.SELECT).label
    if assignee is not None:
        label = gettext("%(step)s and assign to %(user)s") % {
            "step": label,
            "user": assignee.get_username(),
        }
    report_bulk(request, Transition.SELECT, label, done, refused)
    if not done:
        return None
    changelist = reverse("admin:claims_claim_changelist")
    ids = ",".join(str(claim.pk) for claim in done[:BULK_PREVIEW])
    return HttpResponseRedirect(f"{changelist}?{urlencode({'id__in': ids})}")


def refusal_for_status(transition: str, status: str, n: int) -> str | None:
    """What the claims of one status need first, for a bulk step they are not ready for."""
    first = step_leading_to(status, transition)
    if first is None:
        return None
    label = ClaimStatus(status).label.lower()
    if first == Transition.SELECT:
        return gettext("%(n)d claim(s) are %(status)s: select them first (action “%(first)s”).") % {
            "n": n,
            "status": label,
            "first": Transition.SELECT.label,
        }
    return gettext("%(n)d claim(s) are %(status)s: take the action “%(first)s” on them first.") % {
        "n": n,
        "status": label,
        "first": Transition(first).label,
    }


def report_bulk(
    request: HttpRequest,
    transition: str,
    label: str,
    done: list[Claim],
    refused: list[tuple[Claim, str]],
) -> None:
    """One line for what was done; the refusals grouped, those a step would cure naming it."""
    if done:
        messages.success(
            request,
            gettext("%(step)s: done for %(n)d claim(s).") % {"step": label, "n": len(done)},
        )
    by_status: dict[str, list[Claim]] = {}
    others: list[str] = []
    for claim, why in refused:
        if claim.status not in TRANSITIONS[transition].sources:
            by_status.setdefault(claim.status, []).append(claim)
        else:
            others.append(f"“{claim}”: {why}")
    for status, claims in by_status.items():
        line = refusal_for_status(transition, status, len(claims))
        if line is None:
            others.extend(f"“{claim}”: {why}" for claim, why in refused if claim in claims)
        else:
            messages.error(request, line)
    for line in others[:BULK_PREVIEW]:
        messages.error(request, line)
    if len(others) > BULK_PREVIEW:
        messages.error(
            request,
            gettext("… and %(n)d more claim(s) refused.") % {"n": len(others) - BULK_PREVIEW},
        )


def queues_view(model_admin, request: HttpRequest) -> HttpResponse:
    """Each role's queue, and how many claims are in each status."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    changelist = reverse("admin:claims_claim_changelist")
    counts = claim_status_counts()
    user = request.user
    queues = []
    if has_role(user, Role.FACT_CHECKER):
        queues.append((_("My assignments"), claims_assigned_to(user)))
    if has_role(user, Role.REVIEWER):
        queues.append((_("Waiting for my review"), claims_awaiting_signoff_by(user)))
    if has_role(user, Role.EDITOR):
        queues.append((_("Ready to publish"), claims_ready_to_publish()))
        queues.append(
            (_("New, to select or dismiss"), Claim.objects.filter(status=ClaimStatus.NEW))
        )
    context = {
        **_page_context(model_admin, request, _("Queues")),
        "status_counts": [
            (label, counts[status], f"{changelist}?{urlencode({'status__exact': status})}")
            for status, label in ClaimStatus.choices
        ],
        "queues": [(title, list(claims.order_by("-updated_at")[:50])) for title, claims in queues],
    }
    return TemplateResponse(request, "admin/claims/claim/queues.html", context)
