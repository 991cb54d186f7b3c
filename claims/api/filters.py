"""Filters of the API's lists (django-filter), each parameter validated by `params`.

Unknown speakers, topics, sources and publishers simply match nothing (200, empty list): a 400
for an unknown slug would tell a caller which slugs exist behind unpublished claims. Ratings
are public (`/api/v1/ratings/`), so an unknown rating slug is a 400.
"""

from __future__ import annotations

import datetime

import django_filters
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field

from ..enums import PublicationKind, SourceKind, SpeakerKind
from ..models import PublicationEntry, Rating, Review
from ..selectors import current_rating_slug, search_claims
from .params import (
    LANGUAGE_PATTERN,
    SLUG_PATTERN,
    ChoiceParam,
    DateParam,
    DateTimeParam,
    IntegerParam,
    PatternParam,
    TextParam,
)


def param(field_class: type, description: str, *, field_name: str | None = None, **options):
    """A django-filter filter whose form field is `field_class`, documented by that field."""
    lookup = options.pop("lookup_expr", "exact")
    method = options.pop("method", None)
    schema = {**field_class(**options).openapi(), "description": str(description)}
    # The schema and field class sit on a class of their own: a FilterSet deep-copies its
    # filters on every request, and a schema on each instance would be copied with them.
    filter_class = extend_schema_field(schema)(
        type(
            f"{field_class.__name__}Filter", (django_filters.Filter,), {"field_class": field_class}
        )
    )
    return filter_class(field_name=field_name, lookup_expr=lookup, method=method, **options)


class RatingParam(PatternParam):
    """A rating's slug, in any scale. The schema lists the slugs in use (`schema.py`)."""

    def __init__(self, **kwargs):
        super().__init__(pattern=SLUG_PATTERN, **kwargs)

    def to_python(self, value: str) -> str:
        slug = super().to_python(value)
        if not Rating.objects.filter(slug=slug).exists():
            raise ValidationError(_("No rating has this slug; see /api/v1/ratings/."))
        return slug


class FilterSet(django_filters.FilterSet):
    """A FilterSet whose form class is built once per class, not per request: nothing in it
    depends on the request. The form itself is still made per request."""

    def get_form_class(self) -> type:
        cls = type(self)
        form_class = cls.__dict__.get("_form_class")
        if form_class is None:
            form_class = cls._form_class = super().get_form_class()
        return form_class


def search(claims: QuerySet, name: str, value: str) -> QuerySet:
    """The site's search (`selectors.search_claims`), as a filter's method."""
    return search_claims(claims, value)


def _day_start(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time.min, tzinfo=datetime.UTC)


class ClaimFilter(FilterSet):
    q = param(
        TextParam,
        _("Search the claims' wording, quotes and speakers' names, as the site's search does."),
        method=search,
    )
    rating = param(RatingParam, _("The current verdict's rating (a slug)."), method="filter_rating")
    speaker = param(
        PatternParam,
        _("The speaker's slug."),
        field_name="statement__speaker__slug",
        pattern=SLUG_PATTERN,
    )
    source = param(
        IntegerParam,
        _("The id of the source the claim is quoted from."),
        field_name="statement__source_id",
    )
    publisher = param(
        TextParam,
        _("The source's publisher, any case."),
        field_name="statement__source__publisher",
        lookup_expr="iexact",
    )
    topic = param(
        PatternParam, _("A topic's slug."), field_name="topics__slug", pattern=SLUG_PATTERN
    )
    language = param(
        PatternParam,
        _("The source's language code, e.g. en."),
        field_name="statement__source__language",
        lookup_expr="iexact",
        pattern=LANGUAGE_PATTERN,
        max_length=35,
    )
    status = param(
        ChoiceParam,
        _("Published, or withdrawn (listed with its notice)."),
        field_name="status",
        values=["published", "withdrawn"],
    )
    published_since = param(
        DateParam, _("First published on or after this day (UTC)."), method="filter_published_since"
    )
    published_before = param(
        DateParam, _("First published before this day (UTC)."), method="filter_published_before"
    )
    updated_since = param(
        DateTimeParam,
        _("Changed at or after this time, corrections and withdrawals included: for pollers."),
        method="filter_updated_since",
    )
    updated_before = param(
        DateTimeParam, _("Last changed before this time."), method="filter_updated_before"
    )

    def filter_rating(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        return claims.annotate(current_rating=current_rating_slug()).filter(current_rating=value)

    def filter_published_since(self, claims: QuerySet, name: str, value: datetime.date):
        return claims.filter(first_published_at__gte=_day_start(value))

    def filter_published_before(self, claims: QuerySet, name: str, value: datetime.date):
        return claims.filter(first_published_at__lt=_day_start(value))

    @staticmethod
    def _record_since(value: datetime.datetime) -> Exists:
        return Exists(
            PublicationEntry.objects.filter(claim=OuterRef("pk"), published_at__gte=value)
        )

    def filter_updated_since(self, claims: QuerySet, name: str, value: datetime.datetime):
        # A correction's approval adds a record entry but leaves the claim row as it was.
        return claims.filter(Q(updated_at__gte=value) | self._record_since(value))

    def filter_updated_before(self, claims: QuerySet, name: str, value: datetime.datetime):
        return claims.filter(updated_at__lt=value).exclude(self._record_since(value))


class FactCheckSearchFilter(FilterSet):
    """The parameters of Google Fact Check Tools' claims:search that apply to one desk."""

    query = param(TextParam, _("Text to search for, as `q` in /api/v1/claims/."), method=search)
    languageCode = param(
        PatternParam,
        _("BCP-47 language of the claims (their source's language), e.g. en or en-US."),
        method="filter_language",
        pattern=LANGUAGE_PATTERN,
        max_length=35,
    )
    maxAgeDays = param(
        IntegerParam,
        _("Only claims made or reviewed in the last N days."),
        method="filter_max_age",
        max_value=100_000,
    )
    reviewPublisherSiteFilter = param(
        TextParam,
        _("A publisher's site, e.g. example.org: this desk's own site, or nothing matches."),
        method="filter_site",
    )

    def filter_language(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        # "en-US" asks for English; the desk records languages as "en" or "en-GB".
        primary = value.split("-")[0]
        return claims.filter(
            Q(statement__source__language__iexact=value)
            | Q(statement__source__language__iexact=primary)
            | Q(statement__source__language__istartswith=f"{primary}-")
        )

    def filter_max_age(self, claims: QuerySet, name: str, value: int) -> QuerySet:
        # Google counts a result's age from its claim date or review date, whichever is newer.
        since = timezone.now() - datetime.timedelta(days=value)
        reviewed = Review.objects.approved().filter(claim=OuterRef("pk"), approved_at__gte=since)
        return claims.filter(Q(statement__said_on__gte=since.date()) | Exists(reviewed))

    def filter_site(self, claims: QuerySet, name: str, value: str) -> QuerySet:
        site = self.request.get_host().split(":")[0] if self.request else ""
        wanted = value.lower().removeprefix("https://").removeprefix("http://").split("/")[0]
        return claims if wanted in {site, f"www.{site}"} else claims.none()


class SpeakerFilter(FilterSet):
    q = param(
        TextParam, _("Part of the speaker's name."), field_name="name", lookup_expr="icontains"
    )
    kind = param(
        ChoiceParam, _("Person or organisation."), field_name="kind", values=SpeakerKind.values
    )


class SourceFilter(FilterSet):
    publisher = param(
        TextParam, _("The publisher, any case."), field_name="publisher", lookup_expr="iexact"
    )
    language = param(
        PatternParam,
        _("Language code, e.g. en."),
        field_name="language",
        lookup_expr="iexact",
        pattern=LANGUAGE_PATTERN,
        max_length=35,
    )
    kind = param(
        ChoiceParam, _("What kind of document."), field_name="kind", values=SourceKind.values
    )


class CorrectionFilter(FilterSet):
    kind = param(
        ChoiceParam,
        _("Corrections or withdrawals."),
        field_name="kind",
        values=[PublicationKind.CORRECTION.value, PublicationKind.WITHDRAWAL.value],
    )
    since = param(
        DateTimeParam,
        _("Published at or after this time: for pollers."),
        field_name="published_at",
        lookup_expr="gte",
    )


class ExternalFactCheckFilter(FilterSet):
    publisher = param(
        TextParam, _("The publisher, any case."), field_name="publisher", lookup_expr="iexact"
    )
    language = param(
        PatternParam,
        _("Language code, e.g. en."),
        field_name="language",
        lookup_expr="iexact",
        pattern=LANGUAGE_PATTERN,
        max_length=35,
    )
    reviewed_since = param(
        DateParam,
        _("Reviewed on or after this day."),
        field_name="review_date",
        lookup_expr="gte",
    )
    reviewed_before = param(
        DateParam, _("Reviewed before this day."), field_name="review_date", lookup_expr="lt"
    )
    q = param(
        TextParam,
        _("Words in the claim, the claimant or the publisher's name."),
        method="filter_words",
    )

    def filter_words(self, checks: QuerySet, name: str, value: str) -> QuerySet:
        return checks.filter(
            Q(claim_text__icontains=value)
            | Q(claimant__icontains=value)
            | Q(publisher__icontains=value)
        )
