"""Reviews (verdicts), their sign-offs, and the rating scales they use."""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from .. import services
from ..discussion.services import BODY_MAX, comment_post
from ..enums import CorrectionKind, Role, Transition
from ..models import Claim, Rating, RatingScale, Review, Signoff
from ..rules import (
    WorkflowError,
    check_review_create,
    check_review_edit,
    check_review_kind,
    refusal,
)
from ..selectors import claim_current_review
from .base import HistoryAdmin, ReadOnlyInline, RoleGatedAddMixin, TolerantAutocompleteMixin
from .capped_count import CappedCountPaginator
from .workflow import report_done

# The review form's button that saves and sends the review (or correction) for sign-off.
SUBMIT_BUTTON = "_submit_for_signoff"


class SignoffInline(ReadOnlyInline):
    model = Signoff
    fields = ["round", "reviewer", "decision", "comment", "created_at"]
    readonly_fields = fields
    show_change_link = False


class ReviewForm(forms.ModelForm):
    """Refuses, as a form error, a review the rules would not let this user start."""

    author = None  # set per request by ReviewAdmin.get_form

    thread_note = forms.CharField(
        label=_("Comment in the claim's thread"),
        required=False,
        max_length=BODY_MAX,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Optional: a word for the reviewer (what changed, an answer), posted in the claim's "
            "thread with the review. Write @username to tell someone."
        ),
    )

    class Meta:
        model = Review
        fields = ["claim", "rating", "summary", "analysis", "correction_kind", "public_note"]

    def clean(self):
        cleaned = super().clean()
        claim = cleaned.get("claim") if self.instance.pk is None else self.instance.claim
        kind = cleaned.get("correction_kind", "")
        # A refusal is a ValidationError: the form reports it.
        if claim is not None and self.instance.pk is None:
            check_review_create(claim, self.author, correction_kind=kind)
        elif claim is not None:
            # A draft may not turn into a correction of a claim nobody saw, or back.
            check_review_kind(claim, correction_kind=kind)
        return cleaned


@admin.register(Review)
class ReviewAdmin(TolerantAutocompleteMixin, RoleGatedAddMixin, HistoryAdmin):
    add_roles = (Role.FACT_CHECKER,)
    form = ReviewForm
    list_display = ["claim", "rating", "status", "author", "correction_kind", "approved_at"]
    list_filter = ["status", "rating", "correction_kind"]
    search_fields = ["claim__text", "summary", "analysis"]
    autocomplete_fields = ["claim"]
    list_select_related = ["claim", "rating", "author"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    inlines = [SignoffInline]
    fieldsets = [
        (None, {"fields": ["claim", "rating", "summary", "analysis", "thread_note"]}),
        (_("Correction of a published verdict"), {"fields": ["correction_kind", "public_note"]}),
        (_("Sign-off"), {"fields": ["author", "status", "round", "submitted_at", "approved_at"]}),
    ]
    readonly_fields = ["author", "status", "round", "submitted_at", "approved_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        return type(form.__name__, (form,), {"author": request.user})

    def get_readonly_fields(self, request, obj=None):
        if obj is not None:
            return [*self.readonly_fields, "claim"]
        return self.readonly_fields

    def get_fieldsets(self, request, obj=None):
        if obj is None or self.has_change_permission(request, obj):
            return self.fieldsets
        # Read-only: there is no comment to write, only the review to read.
        first, *rest = self.fieldsets
        fields = [name for name in first[1]["fields"] if name != "thread_note"]
        return [(first[0], {**first[1], "fields": fields}), *rest]

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        context["submit_button"] = SUBMIT_BUTTON
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_changeform_initial_data(self, request):
        # "Write the review" / "Write a correction" on a claim's page link here with ?claim=<id>;
        # a correction starts from the verdict readers see now, and may name its kind.
        claim = Claim.objects.filter(pk=_int(request.GET.get("claim"))).first()
        initial = {"claim": claim.pk if claim else None}
        current = claim_current_review(claim) if claim and claim.first_published_at else None
        if current is not None:
            initial.update(
                rating=current.rating_id, summary=current.summary, analysis=current.analysis
            )
        if request.GET.get("correction_kind") in CorrectionKind.values:
            initial["correction_kind"] = request.GET["correction_kind"]
        return initial

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        note = form.cleaned_data.get("thread_note", "").strip()
        if note:
            try:
                comment_post(
                    claim=form.instance.claim, author=request.user, body=note, review=form.instance
                )
            except WorkflowError as refusal:
                messages.error(request, " ".join(refusal.messages))

    def has_change_permission(self, request, obj=None) -> bool:
        # Shown read-only when submitted, approved, or someone else's.
        return super().has_change_permission(request, obj) and (
            obj is None or not refusal(check_review_edit, obj, request.user)
        )

    def save_model(self, request, obj, form, change):
        if change:
            return super().save_model(request, obj, form, change)
        created = services.review_create(
            claim=obj.claim,
            author=request.user,
            rating=obj.rating,
            summary=obj.summary,
            analysis=obj.analysis,
            correction_kind=obj.correction_kind,
            public_note=obj.public_note,
        )
        obj.pk = created.pk

    def _back_to_claim(self, request, obj: Review) -> HttpResponseRedirect:
        if SUBMIT_BUTTON in request.POST:
            self._submit(request, obj)
        return HttpResponseRedirect(reverse("admin:claims_claim_change", args=[obj.claim_id]))

    def _submit(self, request, review: Review) -> None:
        """ "Save and submit for sign-off": the step the claim's page offers, taken at once."""
        review = Review.objects.select_related("claim").get(pk=review.pk)
        try:
            if review.is_correction:
                services.review_submit_correction(review=review, by=request.user)
                messages.success(
                    request,
                    gettext("Done: %(step)s.") % {"step": gettext("correction submitted")},
                )
            else:
                claim = review.claim
                services.claim_transition(
                    claim=claim, transition=Transition.SUBMIT, by=request.user
                )
                report_done(request, claim, Transition.SUBMIT, Transition.SUBMIT.label)
        except WorkflowError as refusal:
            messages.error(
                request,
                gettext("The review is saved but not submitted: %(why)s")
                % {"why": " ".join(refusal.messages)},
            )

    response_post_save_add = response_post_save_change = _back_to_claim


def _int(value) -> int | None:
    """An id typed into an address, or None when it is none (not a number, out of range)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**63 else None


class RatingInline(admin.TabularInline):
    model = Rating
    extra = 0
    fields = ["label", "slug", "value", "is_verdict", "colour", "description"]
    prepopulated_fields = {"slug": ["label"]}


@admin.register(RatingScale)
class RatingScaleAdmin(admin.ModelAdmin):
    list_display = ["name", "is_default"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [RatingInline]


@admin.register(Rating)
class RatingAdmin(admin.ModelAdmin):
    list_display = ["label", "scale", "value", "is_verdict", "swatch"]
    list_filter = ["scale", "is_verdict"]
    search_fields = ["label", "description"]
    prepopulated_fields = {"slug": ["label"]}

    @admin.display(description=_("colour"))
    def swatch(self, obj: Rating) -> str:
        return format_html('<span class="rating {}">{}</span>', obj.css_class, obj.colour)

    @property
    def media(self):
        # The badge colours, by class: no inline style, so a strict CSP holds in the admin too.
        return super().media + forms.Media(css={"all": [reverse("claims:rating_styles")]})
