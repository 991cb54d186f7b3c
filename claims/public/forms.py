"""Forms of the public pages."""

from __future__ import annotations

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.forms.renderers import Jinja2
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import get_language
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


def _filter_lists() -> dict[str, object]:
    """What the claims filter offers, as plain values: the topics with published claims (so
    none leaks; finding them reads the claims, so they are kept) and the default scale's
    verdicts, each as (slug, label), and the topics' ids by slug."""
    public_claim_of_topic = Claim.topics.through.objects.filter(
        topic=OuterRef("pk"), claim__status__in=PUBLIC_STATUSES
    )
    topics = list(Topic.objects.filter(Exists(public_claim_of_topic)))
    ratings = Rating.objects.filter(scale__is_default=True)
    return {
        "topic_ids": {topic.slug: topic.pk for topic in topics},
        "topic": [(topic.slug, str(topic)) for topic in topics],
        "rating": [(rating.slug, str(rating)) for rating in ratings],
    }


# What a reader is told of a topic or verdict that is not on offer: the words of a choice
# among models, which do not repeat the value sent.
NOT_ON_OFFER = {"invalid_choice": forms.ModelChoiceField.default_error_messages["invalid_choice"]}
# The browser's date picker; each field gets its own copy of the widget.
DATE_INPUT = forms.DateInput(attrs={"type": "date"})


class ClaimFilterForm(forms.Form):
    """Search, filters and sorting of /claims/. Values that do not validate are ignored and
    reported on the page; the rest still apply.

    Written with Django's Jinja2 form templates, which render the same HTML in much less time
    than its template language's on every filtered page; the admin's widgets exist only in
    the latter, so the project's FORM_RENDERER stays the default."""

    default_renderer = Jinja2()

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    # Chosen among the slugs of the kept lists (__init__): no queryset to copy for every form,
    # nor a query to validate a reader's choice.
    rating = forms.ChoiceField(label=_("Verdict"), required=False, error_messages=NOT_ON_OFFER)
    # Typed, not chosen from a list: a desk checks thousands of speakers. A speaker's page
    # links here with their slug; readers type part of a name.
    speaker = forms.CharField(label=_("Speaker"), required=False, max_length=200)
    topic = forms.ChoiceField(label=_("Topic"), required=False, error_messages=NOT_ON_OFFER)
    publisher = forms.CharField(label=_("Publisher"), required=False, max_length=200)
    since = forms.DateField(label=_("Published from"), required=False, widget=DATE_INPUT)
    until = forms.DateField(label=_("Published until"), required=False, widget=DATE_INPUT)
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

    def __init__(self, *args, choices: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        # The lists are kept until the public record changes, so that an uncached page does
        # not read them again (`kept_filters`); they also validate what a reader sends.
        if choices is None:
            choices = kept_filters()["choices"]
        self.topic_ids = choices["topic_ids"]
        self.fields["topic"].choices = [("", _("Any topic")), *choices["topic"]]
        self.fields["rating"].choices = [("", _("Any verdict")), *choices["rating"]]

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
                current_rating=data["rating"]
            )
        if data.get("speaker"):
            name = data["speaker"].strip()
            claims = claims.filter(
                Q(statement__speaker__slug=name) | Q(statement__speaker__name__icontains=name)
            )
        if data.get("topic"):
            claims = claims.filter(topics=self.topic_ids[data["topic"]])
        if data.get("publisher"):
            claims = claims.filter(statement__source__publisher__iexact=data["publisher"])
        if data.get("since"):
            claims = claims.filter(first_published_at__date__gte=data["since"])
        if data.get("until"):
            claims = claims.filter(first_published_at__date__lte=data["until"])
        sort = data.get("sort") or ("relevance" if data.get("q") else "newest")
        return claims.order_by(*SORTS[sort])


def kept_filters() -> dict:
    """The filter form as a page without a search or filter shows it, written once per
    language until the public record changes (its lists come from the record): its choices,
    the HTML of each field, and the whole form's."""
    return remember(f"claim-filter-form:{get_language()}", _write_filters)


def _write_filters() -> dict:
    choices = _filter_lists()
    form = ClaimFilterForm(choices=choices)
    fields = {field.name: _field_html(field) for field in form}
    return {"choices": choices, "fields": fields, "html": filters_html(form, fields)}


def filters_html(form: ClaimFilterForm, kept: dict[str, str]) -> SafeString:
    """The filter form's HTML, each field written by claims/_filter_field.html, or taken from
    `kept` (`kept_filters()["fields"]`) where the reader left it empty and it has no error:
    then it is what a page without a filter shows. A search writes its search box alone."""
    fields = [
        kept[field.name] if _as_unbound(field) and field.name in kept else _field_html(field)
        for field in form
    ]
    # A filtered list keeps its filters open, folded or not (phones fold them).
    return render_to_string("claims/claim_filters.html", {"fields": fields, "open": form.is_bound})


def _as_unbound(field: forms.BoundField) -> bool:
    """Whether `field` writes what it writes in an unbound form: no value sent (or an empty
    one), and no error to report. None of the form's fields has an initial value."""
    return not field.data and not field.errors


def _field_html(field: forms.BoundField) -> SafeString:
    return render_to_string("claims/_filter_field.html", {"field": field})
