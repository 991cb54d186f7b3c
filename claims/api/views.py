"""The API's endpoints: read-only, anonymous, published data only.

Every response to GET carries an ETag (a hash of the body) and, where the data has dates, a
Last-Modified, so a poller's conditional request gets a 304; `Cache-Control: public` lets
shared caches keep it briefly. Writes answer 405, bad parameters 400 naming them, both in JSON.
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from django.http import HttpRequest, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from rest_framework.response import Response

from ..enums import ClaimStatus
from ..external.models import ExternalFactCheck
from ..models import Claim, Rating, Speaker
from ..public import cache as public_cache
from ..public.structured_data import claim_review_for, rating_bounds_by_scale
from ..selectors import (
    public_claims,
    public_corrections,
    public_source,
    public_sources,
    public_speakers,
    speaker_rating_counts,
)
from . import reads
from . import serializers as out
from .filters import (
    ClaimFilter,
    CorrectionFilter,
    ExternalFactCheckFilter,
    FactCheckSearchFilter,
    SourceFilter,
    SpeakerFilter,
)
from .pagination import (
    ClaimPagination,
    KeysetPagination,
    NamePagination,
    PublishedPagination,
    RecordPagination,
)
from .params import MAX_ID, SLUG_PATTERN
from .schema import claim_review_feed_schema, fact_check_search_schema
from .throttling import AnonymousRateThrottle, throttle_counts

# The path's converter takes exactly these; say so, so that clients and fuzzers know.
SLUG_IN_PATH = OpenApiParameter(
    "slug", OpenApiTypes.STR, OpenApiParameter.PATH, pattern=SLUG_PATTERN, required=True
)


class ReadOnlyViewSet(mixins.ListModelMixin, viewsets.GenericViewSet):
    """What every endpoint shares: GET only, one value per parameter, conditional GET."""

    http_method_names = ["get", "head", "options"]
    filter_backends = [DjangoFilterBackend]
    last_modified: datetime.datetime | None = None
    dated_by = ""  # the listed items' field whose newest value is the list's Last-Modified

    @classmethod
    def as_view(cls, actions=None, **initkwargs):
        """The view, served from the public page cache (claims/public/cache.py) where it can
        be: only 200s, under the exact address and Accept asked (indented JSON is kept apart).
        A cached answer is counted by the throttle like a fresh one; refused, DRF answers 429.
        """
        view = super().as_view(actions, **initkwargs)
        counted = throttle_counts if AnonymousRateThrottle in cls.throttle_classes else None
        return public_cache.cache_public_page(view, admit=counted, varies_by=["Accept"])

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        repeated = [name for name, values in request.query_params.lists() if len(values) > 1]
        if repeated:
            raise ValidationError({name: [_("Give this parameter once.")] for name in repeated})

    def filtered(self) -> bool:
        """Whether the request gives any parameter of the view's FilterSet."""
        filterset = getattr(self, "filterset_class", None)
        query = self.request.query_params
        return filterset is not None and not filterset.base_filters.keys().isdisjoint(query)

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        # Without any of its parameters a FilterSet changes nothing, yet building and validating
        # its form costs more than the rest of a small page: a client walking the whole list
        # would pay it on every page.
        return super().filter_queryset(queryset) if self.filtered() else queryset

    def finalize_response(self, request: Request, response: Any, *args: Any, **kwargs: Any):
        response = super().finalize_response(request, response, *args, **kwargs)
        if request.method not in ("GET", "HEAD") or response.status_code != 200:
            return response
        response.render()
        # SHA-256, whose CPU instructions most servers have: faster than BLAKE2 there.
        etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
        response["ETag"] = etag
        last_modified = None
        if self.last_modified is not None:
            last_modified = int(self.last_modified.timestamp())
            response["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=settings.FACTCHECK_API_MAX_AGE)
        # Accept may ask for indented JSON: caches must keep answers apart by it.
        patch_vary_headers(response, ["Accept"])
        return get_conditional_response(
            request, etag=etag, last_modified=last_modified, response=response
        )

    def newest(self, *times: datetime.datetime | None) -> None:
        """Remember the newest of these times for Last-Modified."""
        self.last_modified = max(filter(None, (self.last_modified, *times)), default=None)

    def paginate_queryset(self, queryset: QuerySet) -> list | None:
        page = super().paginate_queryset(queryset)
        if self.dated_by:
            self.newest(*(getattr(item, self.dated_by) for item in page))
        return page


@extend_schema_view(
    list=extend_schema(summary=_("Published claims"), tags=["claims"]),
    retrieve=extend_schema(
        summary=_("One published claim"), tags=["claims"], parameters=[SLUG_IN_PATH]
    ),
)
class ClaimViewSet(ReadOnlyViewSet):
    """Published and withdrawn claims with their speaker, quote, source, verdict, evidence and
    public record."""

    serializer_class = out.ClaimSerializer
    filterset_class = ClaimFilter
    pagination_class = ClaimPagination
    lookup_field = "slug"
    queryset = Claim.objects.public()  # what filters narrow; the list is read as rows (`reads`)

    def get_serializer_class(self):
        return out.ClaimDetailSerializer if self.action == "retrieve" else out.ClaimSerializer

    def list(self, request: Request) -> Response:
        # Unfiltered, the paginator reads a page in one statement (`pagination.ClaimPagination`).
        filtered = self.filter_queryset(self.get_queryset()) if self.filtered() else None
        claims = reads.complete(self.paginate_queryset(filtered), out.site_of(request))
        self.newest(*(claim["updated_at"] for _, claim in claims))
        return self.get_paginated_response([claim for _, claim in claims])

    def retrieve(self, request: Request, slug: str) -> Response:
        claim = reads.claim_detail(slug)
        if claim is None:
            raise NotFound(_("No published claim has this slug."))
        self.newest(claim.public_updated_at)
        return Response(self.get_serializer(claim).data)


def with_records(speakers: list[Speaker]) -> list[Speaker]:
    """The speakers, each with its `record` as the speaker page shows it: every verdict rating
    of the scales their verdicts use (zeros included, the default scale when they have none),
    and apart, the non-verdict ratings they got."""
    if not speakers:
        return speakers
    counts = speaker_rating_counts([s.pk for s in speakers])
    ratings = list(Rating.objects.select_related("scale").order_by("scale_id", "value", "label"))
    default_scales = {r.scale_id for r in ratings if r.scale.is_default}
    by_id = {r.pk: r for r in ratings}
    for speaker in speakers:
        tally = counts[speaker.pk]
        scales = {by_id[pk].scale_id for pk in tally} or default_scales
        listed = [r for r in ratings if r.scale_id in scales]
        speaker.record = {
            "verdicts": [{"rating": r, "count": tally[r.pk]} for r in listed if r.is_verdict],
            "not_verdicts": [
                {"rating": r, "count": tally[r.pk]}
                for r in listed
                if not r.is_verdict and tally[r.pk]
            ],
        }
    return speakers


@extend_schema_view(
    list=extend_schema(summary=_("Speakers with published claims"), tags=["speakers"]),
    retrieve=extend_schema(
        summary=_("One speaker and their record"), tags=["speakers"], parameters=[SLUG_IN_PATH]
    ),
)
class SpeakerViewSet(ReadOnlyViewSet):
    """People and organisations whose claims the desk published, with their record."""

    serializer_class = out.SpeakerSerializer
    filterset_class = SpeakerFilter
    pagination_class = NamePagination
    lookup_field = "slug"
    queryset = public_speakers()

    def paginate_queryset(self, queryset: QuerySet[Speaker]) -> list[Speaker]:
        return with_records(super().paginate_queryset(queryset))

    def retrieve(self, request: Request, slug: str) -> Response:
        speaker = self.get_queryset().filter(slug=slug).first()
        if speaker is None:
            raise NotFound(_("No speaker with published claims has this slug."))
        return Response(self.get_serializer(with_records([speaker])[0]).data)


@extend_schema_view(
    list=extend_schema(summary=_("Sources of published claims"), tags=["sources"]),
    retrieve=extend_schema(summary=_("One source, its text and its claims"), tags=["sources"]),
)
class SourceViewSet(ReadOnlyViewSet):
    """Documents that published claims are quoted from or cite as evidence, newest first."""

    serializer_class = out.SourceSerializer
    filterset_class = SourceFilter
    pagination_class = KeysetPagination
    # Listed without their texts (tens of kilobytes) and imported raw input.
    queryset = public_sources().defer("text", "raw_input")
    dated_by = "updated_at"

    def get_serializer_class(self):
        return out.SourceDetailSerializer if self.action == "retrieve" else out.SourceSerializer

    def retrieve(self, request: Request, pk: int) -> Response:
        found = public_source(int(pk)) if int(pk) <= MAX_ID else None
        if found is None:
            raise NotFound(_("No source of a published claim has this id."))
        source, source.public_statements, source.citing = found
        self.newest(source.updated_at)
        return Response(self.get_serializer(source).data)


@extend_schema_view(list=extend_schema(summary=_("The rating scales"), tags=["ratings"]))
class RatingViewSet(ReadOnlyViewSet):
    """Every rating of every scale: the values the `rating` filter takes."""

    serializer_class = out.RatingSerializer
    pagination_class = None
    filter_backends = []
    queryset = Rating.objects.select_related("scale").order_by(
        "-scale__is_default", "scale__name", "-is_verdict", "value", "label"
    )


@extend_schema_view(
    list=extend_schema(summary=_("Corrections and withdrawals"), tags=["corrections"])
)
class CorrectionViewSet(ReadOnlyViewSet):
    """Every correction and withdrawal readers were told about, newest first."""

    serializer_class = out.CorrectionSerializer
    filterset_class = CorrectionFilter
    pagination_class = RecordPagination
    queryset = public_corrections().select_related("claim", "review__rating__scale")
    dated_by = "published_at"


# --- ClaimReview --------------------------------------------------------------------------------


class DataFeedPagination(PublishedPagination):
    """Pages of the ClaimReview feed: a schema.org DataFeed, with the API's page links."""

    def get_paginated_response(self, data: list) -> Response:
        request = self.request
        return Response(
            {
                "@context": "https://schema.org",
                "@type": "DataFeed",
                "name": f"{settings.FACTCHECK_ORGANIZATION}: ClaimReview",
                "url": request.build_absolute_uri(request.path),
                "dateModified": self.view.last_modified,
                "dataFeedElement": data,
                "next": self.link(self.next),
                "previous": self.link(self.previous),
            }
        )

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return claim_review_feed_schema(schema, super().get_paginated_response_schema(schema))


def claim_reviews(claims: list[Claim], request: Request) -> list[dict | None]:
    """Each claim's ClaimReview (None without a public verdict), built exactly as the claim
    page builds its JSON-LD."""
    head, tail = out.link_parts(out.site_of(request), ("claims:detail",))
    bounds = rating_bounds_by_scale()
    site = request.build_absolute_uri("/")
    return [
        claim_review_for(claim, page_url=f"{head}{claim.slug}{tail}", site_url=site, bounds=bounds)
        for claim in claims
    ]


@extend_schema_view(
    list=extend_schema(
        summary=_("Published verdicts as schema.org ClaimReview"),
        description=_(
            "A DataFeed of ClaimReview items, identical to the JSON-LD on the claim pages; "
            "withdrawn claims are left out. Takes the filters of /api/v1/claims/."
        ),
        tags=["claimreview"],
    )
)
class ClaimReviewFeedViewSet(ReadOnlyViewSet):
    serializer_class = out.ClaimReviewSerializer
    filterset_class = ClaimFilter
    pagination_class = DataFeedPagination
    queryset = public_claims().filter(status=ClaimStatus.PUBLISHED)
    paginated_name = "ClaimReviewDataFeed"

    dated_by = "updated_at"

    def list(self, request: Request) -> Response:
        claims = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        # The feed's date is its newest verdict; without a record prefetch, updated_at is close.
        self.newest(*(c.approved_reviews[0].approved_at for c in claims if c.approved_reviews))
        reviews = [r for r in claim_reviews(claims, request) if r is not None]
        return self.get_paginated_response(reviews)


# --- Google Fact Check Tools ----------------------------------------------------------------------


class FactCheckPagination(KeysetPagination):
    """claims:search pages: Google's parameter names, and a bare `nextPageToken`."""

    page_size = 10
    cursor_query_param = "pageToken"
    page_size_query_param = "pageSize"
    orderings = {"-published": ("first_published_at", True)}
    key_codec = PublishedPagination.key_codec

    def get_paginated_response(self, data: list) -> Response:
        body: dict[str, Any] = {"claims": data}
        if self.next is not None:
            body["nextPageToken"] = self.next
        return Response(body)

    def get_paginated_response_schema(self, schema: dict) -> dict:
        return fact_check_search_schema(schema)


def fact_check_claims(claims: list[Claim], request: Request) -> list[dict]:
    """Google's claims:search items, read off each claim's ClaimReview (the one mapping)."""
    results = []
    for claim, review in zip(claims, claim_reviews(claims, request), strict=True):
        if review is None:
            continue
        item = review["itemReviewed"]
        site = review["author"]["url"].split("://", 1)[-1].split("/")[0]
        entry: dict[str, Any] = {
            "text": review["claimReviewed"],
            "claimant": item["author"]["name"],
        }
        if "datePublished" in item:
            entry["claimDate"] = f"{item['datePublished']}T00:00:00Z"
        entry["claimReview"] = [
            {
                "publisher": {"name": review["author"]["name"], "site": site},
                "url": review["url"],
                "title": review.get("headline") or review["claimReviewed"],
                "reviewDate": review["datePublished"],
                "textualRating": review["reviewRating"]["alternateName"],
                "languageCode": claim.statement.source.language,
            }
        ]
        results.append(entry)
    return results


@extend_schema_view(
    list=extend_schema(
        operation_id="claims_search",
        summary=_("Search, shaped like Google Fact Check Tools' claims:search"),
        description=_(
            "The response of `GET https://factchecktools.googleapis.com/v1alpha1/claims:search`"
            " for this desk's published verdicts: a client of that API can point its base URL "
            "at /api/v1/. `offset` is not supported: follow `nextPageToken`."
        ),
        tags=["claimreview"],
    )
)
class FactCheckSearchViewSet(ReadOnlyViewSet):
    serializer_class = out.FactCheckClaimSerializer
    filterset_class = FactCheckSearchFilter
    pagination_class = FactCheckPagination
    queryset = public_claims().filter(status=ClaimStatus.PUBLISHED)
    paginated_name = "FactCheckSearchResponse"
    dated_by = "updated_at"

    def list(self, request: Request) -> Response:
        claims = self.paginate_queryset(self.filter_queryset(self.get_queryset()))
        return self.get_paginated_response(fact_check_claims(claims, request))


# --- Other fact-checkers' verdicts ----------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary=_("Other fact-checkers' verdicts"),
        description=_(
            "Verdicts other organisations published (read from their ClaimReview), newest "
            "imported first: never the desk's own. `rating` is the desk's rating nearest theirs, "
            "when it can be told."
        ),
        tags=["external"],
    ),
    retrieve=extend_schema(summary=_("One external fact-check"), tags=["external"]),
)
class ExternalFactCheckViewSet(ReadOnlyViewSet):
    serializer_class = out.ExternalFactCheckSerializer
    filterset_class = ExternalFactCheckFilter
    pagination_class = KeysetPagination
    queryset = ExternalFactCheck.objects.select_related("rating__scale")
    dated_by = "updated_at"

    def retrieve(self, request: Request, pk: int) -> Response:
        check = self.get_queryset().filter(pk=int(pk)).first() if int(pk) <= MAX_ID else None
        if check is None:
            raise NotFound(_("No external fact-check has this id."))
        self.newest(check.updated_at)
        return Response(self.get_serializer(check).data)


def not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    """Any other address under /api/: a JSON 404, like the endpoints' own."""
    return JsonResponse(
        {"detail": _("Nothing here. The API's documentation: /api/docs/")}, status=404
    )
