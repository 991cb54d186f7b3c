"""Forms of the public pages."""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.forms.renderers import Jinja2
from django.utils.translation import gettext_lazy as _

from ..enums import PUBLIC_STATUSES
from ..models import Claim, Rating, Topic
from ..selectors import current_rating_slug, search_claims
from .cache import remember

SORTS = {
    "relevance": ("-search_rank", "-first_published_at", "-id"),
    "newest": ("-first_published_at", "-id"),
    "oldest": ("first_published_at", "id"),
    "said": ("-statement__said_on", "-first_published_at", "-id"),
}


def _options(field: forms.ModelChoiceField, objects) -> list[tuple[str, str]]:
    """`objects` as `field` offers them (its value field, its labels), as plain values."""
    return [
        (str(getattr(obj, field.to_field_name)), field.label_from_instance(obj)) for obj in objects
    ]


def _filter_lists() -> dict[str, list]:
    """What the claims filter offers: the topics with published claims (so none leaks; finding
    them reads the claims, so they are kept) and the default scale's verdicts."""
    public_claim_of_topic = Claim.topics.through.objects.filter(
        topic=OuterRef("pk"), claim__status__in=PUBLIC_STATUSES
    )
    topics = list(Topic.objects.filter(Exists(public_claim_of_topic)))
    fields = ClaimFilterForm.base_fields
    return {
        "topic_ids": [topic.pk for topic in topics],
        "topic": _options(fields["topic"], topics),
        "rating": _options(fields["rating"], fields["rating"].queryset.all()),
    }


class ClaimFilterForm(forms.Form):
    """Search, filters and sorting of /claims/. Values that do not validate are ignored and
    reported on the page; the rest still apply.

    Written with Django's Jinja2 form templates, which render the same HTML in much less time
    than its template language's on every filtered page; the admin's widgets exist only in
    the latter, so the project's FORM_RENDERER stays the default."""

    default_renderer = Jinja2()

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    rating = forms.ModelChoiceField(
        label=_("Verdict"),
        required=False,
        queryset=Rating.objects.filter(scale__is_default=True),
        to_field_name="slug",
        empty_label=_("Any verdict"),
    )
    # Typed, not chosen from a list: a desk checks thousands of speakers. A speaker's page
    # links here with their slug; readers type part of a name.
    speaker = forms.CharField(label=_("Speaker"), required=False, max_length=200)
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("Any topic"),
    )
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)
    since = forms.DateField(
        label=_("Published from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Published until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    sort = forms.ChoiceField(
        label=_("Sort"),
        required=False,
        choices=[
            ("", _("Best match, when searching; else newest")),
            ("newest", _("Newest verdicts")),
            ("oldest", _("Oldest verdicts")),
            ("said", _("Most recently said")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The lists are kept until the public record changes, so that an uncached page does
        # not read them again; the querysets still validate what a reader sends.
        lists = remember("claim-filter-lists", _filter_lists)
        self.fields["topic"].queryset = Topic.objects.filter(pk__in=lists["topic_ids"])
        for name in ("topic", "rating"):
            field = self.fields[name]
            field.choices = [("", field.empty_label), *lists[name]]

    def full_clean(self) -> None:
        super().full_clean()
        # A date input must not be re-rendered with a value that is not a date (invalid HTML,
        # and browsers show it empty anyway); the error message still says what was wrong.
        invalid_dates = [name for name in ("since", "until") if name in self.errors]
        if invalid_dates:
            self.data = self.data.copy()
            for name in invalid_dates:
                self.data[name] = ""

    def apply(self, claims: QuerySet) -> QuerySet:
        data = self.cleaned_data if self.is_bound and hasattr(self, "cleaned_data") else {}
        if data.get("q"):
            claims = search_claims(claims, data["q"])
        if data.get("rating"):
            claims = claims.annotate(current_rating=current_rating_slug()).filter(
                current_rating=data["rating"].slug
            )
        if data.get("speaker"):
            name = data["speaker"].strip()
            claims = claims.filter(
                Q(statement__speaker__slug=name) | Q(statement__speaker__name__icontains=name)
            )
        if data.get("topic"):
            claims = claims.filter(topics=data["topic"])
        if data.get("publisher"):
            claims = claims.filter(statement__source__publisher__iexact=data["publisher"])
        if data.get("since"):
            claims = claims.filter(first_published_at__date__gte=data["since"])
        if data.get("until"):
            claims = claims.filter(first_published_at__date__lte=data["until"])
        sort = data.get("sort") or ("relevance" if data.get("q") else "newest")
        return claims.order_by(*SORTS[sort])
