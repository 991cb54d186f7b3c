"""The workflow in the admin: one page per step on a claim, bulk assign and dismiss, and the
queues. Every step calls the service that enforces its rule; a refusal becomes an admin
message and changes nothing."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import services
from ..enums import TRANSITIONS, ClaimStatus, DismissalReason, Role, Transition
from ..models import Claim
from ..roles import has_role
from ..rules import WorkflowError, latest_review
from ..selectors import (
    APPROVE,
    EDIT_REVIEW,
    REQUEST_CHANGES,
    REVIEW_FORM_ACTIONS,
    SUBMIT_CORRECTION,
    WRITE_CORRECTION,
    WRITE_REVIEW,
    ClaimAction,
    claim_actions,
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


def action_url(claim: Claim, action: ClaimAction) -> str:
    if action.name in (WRITE_REVIEW, WRITE_CORRECTION):
        return reverse("admin:claims_review_add") + "?" + urlencode({"claim": claim.pk})
    if action.name == EDIT_REVIEW:
        return reverse("admin:claims_review_change", args=[latest_review(claim).pk])
    return reverse("admin:claims_claim_act", args=[claim.pk, action.name])


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
    context = {
        **_page_context(model_admin, request, action.label),
        "claim": claim,
        "review": latest_review(claim),
        "action": action,
        "form": form,
        "change_url": change_url,
    }
    return TemplateResponse(request, "admin/claims/claim/action.html", context)


# The claims a bulk step's confirmation page names, and the refusals it reports; the rest are
# counted.
BULK_PREVIEW = 50


def bulk_transition(model_admin, request: HttpRequest, queryset, transition: str):
    """An admin action that asks once for what the step needs, then takes it on every
    selected claim through the service; each refusal is reported, the rest go ahead."""
    action = transition_action(transition)
    form = ClaimStepForm(request.POST if "apply" in request.POST else None, action=action)
    if "apply" in request.POST and form.is_valid():
        done, refused = 0, []
        for claim in queryset:
            try:
                _transition(claim, request.user, transition, form.cleaned_data)
                done += 1
            except WorkflowError as refusal:
                refused.append(f"“{claim}”: {' '.join(refusal.messages)}")
        if done:
            messages.success(
                request,
                gettext("%(step)s: done for %(n)d claim(s).") % {"step": action.label, "n": done},
            )
        for line in refused[:BULK_PREVIEW]:
            messages.error(request, line)
        if len(refused) > BULK_PREVIEW:
            messages.error(
                request,
                gettext("… and %(n)d more claim(s) refused.") % {"n": len(refused) - BULK_PREVIEW},
            )
        return None  # back to the list
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
