"""A claim's thread on its admin page: the comments (a reviewer's request for changes among
them), and the form that adds one through `claims.discussion.services.comment_post`."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from ..discussion.models import Comment
from ..discussion.services import BODY_MAX, comment_post
from ..models import Claim, Review
from ..rules import WorkflowError


class CommentForm(forms.Form):
    body = forms.CharField(
        label=_("Comment"),
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3, "form": "claim-comment-form"}),
        help_text=_("Write @username to tell someone; only the desk's staff see the thread."),
    )
    review = forms.ModelChoiceField(
        label=_("About the review"),
        queryset=Review.objects.none(),
        required=False,
        widget=forms.Select(attrs={"form": "claim-comment-form"}),
    )

    def __init__(self, *args, claim: Claim, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["review"].queryset = claim.reviews.select_related("rating", "claim").order_by(
            "-created_at", "-id"
        )


# A comment refused by the form or the rules comes back in the form after the redirect.
DRAFT_KEY = "claim_comment_draft"


def keep_draft(request: HttpRequest, claim: Claim) -> None:
    request.session[DRAFT_KEY] = {
        "claim": claim.pk,
        "body": request.POST.get("body", "")[:BODY_MAX],
    }


def thread_context(claim: Claim, request: HttpRequest) -> dict:
    """The thread, oldest first, in a fixed number of queries however long it is, and the form
    (with the user's refused comment, if that is what brought them back)."""
    draft = request.session.get(DRAFT_KEY)
    initial = {}
    if draft and draft.get("claim") == claim.pk:
        initial["body"] = draft.get("body", "")
        del request.session[DRAFT_KEY]
    comments = (
        Comment.objects.filter(claim=claim)
        .select_related("author", "review__rating", "review__claim")
        .prefetch_related("mentions")
        .order_by("created_at", "id")
    )
    return {
        "comments": list(comments),
        "comment_form": CommentForm(claim=claim, initial=initial),
        "comment_url": reverse("admin:claims_claim_comment", args=[claim.pk]),
    }


def comment_view(model_admin, request: HttpRequest, object_id: str) -> HttpResponse:
    """POST: add a comment to the claim's thread, then back to the claim's page."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    claim = get_object_or_404(Claim, pk=object_id)
    if not model_admin.has_view_permission(request, claim):
        raise PermissionDenied
    change_url = reverse("admin:claims_claim_change", args=[claim.pk]) + "#claim-thread"
    form = CommentForm(request.POST, claim=claim)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        keep_draft(request, claim)
        return HttpResponseRedirect(change_url)
    try:
        comment_post(
            claim=claim,
            author=request.user,
            body=form.cleaned_data["body"],
            review=form.cleaned_data["review"],
        )
    except WorkflowError as refusal:
        messages.error(request, " ".join(refusal.messages))
        keep_draft(request, claim)
    else:
        messages.success(request, gettext("Your comment is in the thread."))
    return HttpResponseRedirect(change_url)
