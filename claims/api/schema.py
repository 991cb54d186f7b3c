"""The OpenAPI schema's hand-written parts: error bodies on every operation, the ClaimReview
and Fact Check Tools shapes (keys such as "@type" cannot be serializer fields), and the rating
slugs the `rating` filter accepts, read from the data when the schema is served."""

from __future__ import annotations

from typing import Any

from django.db import DatabaseError
from drf_spectacular.extensions import OpenApiSerializerExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField(help_text="What went wrong, for people.")
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For a 400: each bad parameter, with what is wrong with it.",
    )


ERRORS = {
    400: "A query parameter is not valid; `errors` names it.",
    404: "Nothing published here.",
    429: "Too many requests: wait the seconds in Retry-After.",
}


class APIAutoSchema(AutoSchema):
    """Documents the error answers every operation can give, in their one JSON shape."""

    def get_response_serializers(self) -> dict:
        responses = {200: super().get_response_serializers()}
        for code, description in ERRORS.items():
            if code != 404 or getattr(self.view, "action", None) != "list":
                responses[code] = OpenApiResponse(ErrorSerializer, description=description)
        return responses

    def get_paginated_name(self, serializer_name: str) -> str:
        return getattr(self.view, "paginated_name", None) or super().get_paginated_name(
            serializer_name
        )


def _const(value: str) -> dict[str, Any]:
    return {"type": "string", "enum": [value]}


def _object(properties: dict[str, Any], optional: tuple[str, ...] = ()) -> dict[str, Any]:
    required = [name for name in properties if name not in optional]
    return {"type": "object", "required": required, "properties": properties}


STRING = {"type": "string"}
INTEGER = {"type": "integer"}
CREATIVE_WORK = _object(
    {
        "@type": _const("CreativeWork"),
        "url": STRING,
        "headline": STRING,
        "publisher": _object({"@type": _const("Organization"), "name": STRING}),
        "datePublished": {**STRING, "description": "A date or a date and time."},
    },
    optional=("headline", "publisher", "datePublished"),
)
CLAIM_REVIEW = _object(
    {
        "@context": _const("https://schema.org"),
        "@type": _const("ClaimReview"),
        "url": {**STRING, "description": "The claim's page."},
        "claimReviewed": STRING,
        "datePublished": {
            "type": "string",
            "format": "date-time",
            "description": "When the verdict was first published.",
        },
        "dateModified": {
            "type": "string",
            "format": "date-time",
            "description": "When its latest correction was published (absent if none).",
        },
        "headline": {**STRING, "description": "The verdict in one line."},
        "author": _object({"@type": _const("Organization"), "name": STRING, "url": STRING}),
        "reviewRating": _object(
            {
                "@type": _const("Rating"),
                "alternateName": STRING,
                "ratingValue": {**INTEGER, "description": "Higher is truer."},
                "bestRating": INTEGER,
                "worstRating": {**INTEGER, "minimum": 1},
            },
            optional=("ratingValue", "bestRating", "worstRating"),
        ),
        "itemReviewed": _object(
            {
                "@type": _const("Claim"),
                "author": _object(
                    {
                        "@type": {"type": "string", "enum": ["Person", "Organization"]},
                        "name": STRING,
                        "jobTitle": STRING,
                        "sameAs": STRING,
                    },
                    optional=("jobTitle", "sameAs"),
                ),
                "datePublished": {"type": "string", "format": "date"},
                "appearance": {"type": "array", "items": CREATIVE_WORK},
                "firstAppearance": CREATIVE_WORK,
            },
            optional=("datePublished", "appearance", "firstAppearance"),
        ),
    },
    optional=("headline", "dateModified"),
)


class ClaimReviewExtension(OpenApiSerializerExtension):
    target_class = "claims.api.serializers.ClaimReviewSerializer"

    def map_serializer(self, auto_schema: AutoSchema, direction: str) -> dict[str, Any]:
        return CLAIM_REVIEW


def claim_review_feed_schema(items: dict[str, Any], page: dict[str, Any]) -> dict[str, Any]:
    """A DataFeed whose `dataFeedElement` is `items`, with the page links of `page`."""
    return _object(
        {
            "@context": _const("https://schema.org"),
            "@type": _const("DataFeed"),
            "name": STRING,
            "url": STRING,
            "dateModified": {"type": "string", "format": "date-time", "nullable": True},
            "dataFeedElement": items,
            "next": page["properties"]["next"],
            "previous": page["properties"]["previous"],
        }
    )


def fact_check_search_schema(items: dict[str, Any]) -> dict[str, Any]:
    token = {**STRING, "description": "Pass as pageToken for the next page; absent on the last."}
    return _object({"claims": items, "nextPageToken": token}, optional=("nextPageToken",))


def rating_slugs_enum(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """Postprocessing hook: the `rating` parameters list the rating slugs in the database, so
    the schema names exactly the values that are accepted. Without a database (the schema
    built offline), they stay documented as slugs."""
    from ..models import Rating

    try:
        slugs = sorted(set(Rating.objects.values_list("slug", flat=True)))
    except DatabaseError:
        return result
    if not slugs:
        return result
    for path in result.get("paths", {}).values():
        for operation in path.values():
            for parameter in operation.get("parameters", []):
                if parameter["name"] == "rating" and parameter["in"] == "query":
                    parameter["schema"] = {"type": "string", "enum": slugs}
    return result
