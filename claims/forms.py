"""Forms of the public pages."""

from __future__ import annotations

import html

from django import forms
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.forms.utils import flatatt
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from .enums import PUBLIC_STATUSES
from .models import Claim, Rating, Topic
from .public_cache import remember
from .selectors import current_rating_slug, search_claims

SORTS = {
    "relevance": ("-search_rank", "-first_published_at", "-id"),
    "newest": ("-first_published_at", "-id"),
    "oldest": ("first_published_at", "id"),
    "said": ("-statement__said_on", "-first_published_at", "-id"),
}


class FastSelect(forms.Select):
    """A select whose options are written here, as Django's templates write them, instead of
    by two template includes per option (some 40 µs each): the three lists of the claims
    filter took 1.5 ms of a 14 ms uncached /claims/ page at a million claims, 0.6 ms this way."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        if any(group for group, _options, _index in widget["optgroups"]):
            return super().render(name, value, attrs, renderer)  # groups: Django's templates
        # Options are {} or {"selected": True} (a Select's options inherit no attributes).
        options = "".join(
            f'\n  <option value="{_escaped(option["value"])}"'
            f"{flatatt(option['attrs']) if option['attrs'] else ''}>"
            f"{_escaped(option['label'])}</option>"
            for _group, options, _index in widget["optgroups"]
            for option in options
        )
        return mark_safe(
            f'<select name="{_escaped(widget["name"])}"{flatatt(widget["attrs"])}>'
            f"{options}\n</select>"
        )


def _escaped(value) -> str:
    """`conditional_escape(value)` without its lazy-argument wrapper, which costs more than
    the escaping: a select of 40 options escapes 80 values."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


class FastInputMixin:
    """An input written here, as Django's input template writes it (some 70 µs less a field:
    the claims filter has five)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        shown = "" if widget["value"] is None else format_html(' value="{}"', widget["value"])
        return format_html(
            '<input type="{}" name="{}"{}{}>',
            widget["type"],
            widget["name"],
            shown,
            flatatt(widget["attrs"]),
        )


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastDateInput(FastInputMixin, forms.DateInput):
    pass


class FastLabelsMixin:
    """A form whose labels are written here, as Django's label template writes them (some
    60 µs less a field)."""

    def render(self, template_name=None, context=None, renderer=None):
        if template_name != self.template_name_label or context is None:
            return super().render(template_name, context, renderer)
        if not context["use_tag"]:
            return conditional_escape(context["label"])
        tag = context["tag"]
        return format_html("<{}{}>{}</{}>", tag, flatatt(context["attrs"]), context["label"], tag)


def _options(field: forms.ModelChoiceField, objects) -> list[tuple[str, str]]:
    """`objects` as `field` offers them (its value field, its labels), as plain values."""
    return [
        (str(getattr(obj, field.to_field_name)), field.label_from_instance(obj)) for obj in objects
    ]


def _filter_lists() -> dict[str, list]:
    """What the claims filter offers: the topics with published claims (so none leaks; finding
    them reads the claims, tens of ms at a million) and the default scale's verdicts."""
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


class ClaimFilterForm(FastLabelsMixin, forms.Form):
    """Search, filters and sorting of /claims/. Values that do not validate are ignored and
    reported on the page; the rest still apply."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200, widget=FastTextInput)
    rating = forms.ModelChoiceField(
        label=_("Verdict"),
        required=False,
        queryset=Rating.objects.filter(scale__is_default=True),
        to_field_name="slug",
        empty_label=_("Any verdict"),
        widget=FastSelect,
    )
    # Typed, not chosen from a list: a desk checks thousands of speakers. A speaker's page
    # links here with their slug; readers type part of a name.
    speaker = forms.CharField(
        label=_("Speaker"), required=False, max_length=200, widget=FastTextInput
    )
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        required=False,
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("Any topic"),
        widget=FastSelect,
    )
    publisher = forms.CharField(
        label=_("Publisher"), required=False, max_length=200, widget=FastTextInput
    )
    since = forms.DateField(
        label=_("Published from"), required=False, widget=FastDateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Published until"), required=False, widget=FastDateInput(attrs={"type": "date"})
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
        widget=FastSelect,
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
