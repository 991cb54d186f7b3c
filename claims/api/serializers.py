"""What the API returns, declared once per shape as DRF serializers.

Speakers, sources, ratings, corrections and a claim's detail are serialized by DRF from model
instances. The claims list, the one busy read, is built from rows by a function compiled from
these classes (`claims.api.reads`), so the field order, the links and the nullable parts come
from here too. `tests/api/test_schema.py` checks every answer against the schema, undocumented
keys included, and `tests/api/test_reads.py` that the list shows each claim as its detail does.

Only public fields appear: no assignee, internal note, check-worthiness, review authors,
sign-offs, unapproved reviews, or anything of an unpublished claim.
"""

from __future__ import annotations

import functools
from typing import Any

from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.encoding import iri_to_uri
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ..enums import (
    PUBLIC_STATUSES,
    CorrectionKind,
    EvidenceRelation,
    PublicationKind,
    SourceKind,
    SpeakerKind,
    SpeechKind,
)

_MARK = "987654321"  # an argument every URL pattern here takes, found again by rpartition


def site_of(request) -> tuple[str, str, str | None]:
    """What a request's absolute URLs depend on: scheme and host, script prefix, URLconf."""
    return f"{request.scheme}://{request.get_host()}", get_script_prefix(), get_urlconf()


@functools.lru_cache(maxsize=1024)  # hosts are ALLOWED_HOSTS, but stay bounded anyway
def link_parts(site: tuple[str, str, str | None], views: tuple[str, ...]) -> tuple[str, ...]:
    """What comes before and after the argument in the absolute URL of each view, one after
    the other, as `request.build_absolute_uri(reverse(...))` makes them for a request of
    `site`. Each view's URL is reversed once per site: reverse() per link costs more than the
    rest of a row of the claims list."""
    parts = []
    for view in views:  # reverse() reads the script prefix and URLconf that are in `site`
        url = iri_to_uri(f"{site[0]}{reverse(view, args=[_MARK])}")
        parts += url.rpartition(_MARK)[::2]
    return tuple(parts)


@extend_schema_field(OpenApiTypes.STR)
class LinkField(serializers.Field):
    """The absolute URL of `view_name` for the object's `lookup` (its slug, or its id)."""

    def __init__(self, view_name: str, lookup: str = "slug", **kwargs: Any) -> None:
        self.view_name, self.lookup = view_name, lookup
        super().__init__(source="*", **kwargs)

    def to_representation(self, instance: Any) -> str:
        head, tail = link_parts(site_of(self.context["request"]), (self.view_name,))
        return f"{head}{getattr(instance, self.lookup)}{tail}"


class BlankAsNullChoiceField(serializers.ChoiceField):
    """A choice stored blank when there is none, written as null."""

    def to_representation(self, value: Any) -> Any:
        return value or None


# --- building blocks ---------------------------------------------------------------------------


class RatingBriefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    label = serializers.CharField()
    value = serializers.IntegerField(
        allow_null=True, help_text="Place on the scale, 1 = least true; null for non-verdicts."
    )
    is_verdict = serializers.BooleanField()
    colour = serializers.CharField()
    scale = serializers.SlugField(source="scale.slug", help_text="The rating scale's slug.")


class CorrectionNoteField(serializers.CharField):
    """A review's public note, shown only for a review that corrected an earlier one."""

    def get_attribute(self, review: Any) -> str | None:
        return review.public_note if review.correction_kind else None


class VerdictSerializer(serializers.Serializer):
    rating = RatingBriefSerializer()
    summary = serializers.CharField()
    analysis = serializers.CharField(help_text="Markdown.")
    approved_at = serializers.DateTimeField(help_text="When this verdict was published.")
    correction_kind = BlankAsNullChoiceField(
        choices=CorrectionKind.choices,
        allow_null=True,
        help_text="For a verdict that corrected an earlier one.",
    )
    correction_note = CorrectionNoteField(allow_null=True)


class SpeakerNameSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ReportedSpeakerSerializer(SpeakerNameSerializer):
    kind = serializers.ChoiceField(choices=SpeakerKind.choices)
    role = serializers.CharField()


class SpeakerBriefSerializer(ReportedSpeakerSerializer):
    wikidata_id = serializers.CharField()
    url = serializers.CharField(help_text="An official or reference page; may be empty.")
    api_url = LinkField("api:speaker-detail")
    page_url = LinkField("claims:speaker")


class StatementSerializer(serializers.Serializer):
    quote = serializers.CharField(help_text="The exact words, as in the source text.")
    prefix = serializers.CharField(help_text="The text just before the quote.")
    suffix = serializers.CharField(help_text="The text just after the quote.")
    start = serializers.IntegerField(help_text="Offset of the quote in the source text.")
    end = serializers.IntegerField(help_text="Offset after the quote's last character.")
    speech = serializers.ChoiceField(choices=SpeechKind.choices)
    said_where = serializers.CharField()
    said_on = serializers.DateField(allow_null=True)
    reported_speaker = ReportedSpeakerSerializer(
        allow_null=True, help_text="For reported speech: whose words the speaker relays."
    )


class ParagraphSerializer(serializers.Serializer):
    before = serializers.CharField()
    after = serializers.CharField()


class StatementDetailSerializer(StatementSerializer):
    paragraph = ParagraphSerializer(help_text="The rest of the quote's paragraph in the source.")


class SourceBriefSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.CharField(help_text="Where the document is published; may be empty.")
    title = serializers.CharField()
    publisher = serializers.CharField()
    author = serializers.CharField()
    language = serializers.CharField()
    kind = serializers.ChoiceField(choices=SourceKind.choices)
    published_at = serializers.DateTimeField(allow_null=True)
    api_url = LinkField("api:source-detail", "id")
    page_url = LinkField("claims:source", "id")


class EvidenceSerializer(serializers.Serializer):
    relation = serializers.ChoiceField(choices=EvidenceRelation.choices)
    source = SourceBriefSerializer()
    excerpt = serializers.CharField()
    note = serializers.CharField()
    archive_url = serializers.CharField()
    archive_hash = serializers.CharField(help_text="SHA-256 of the archived copy; may be empty.")


class RecordEntrySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PublicationKind.choices)
    correction_kind = BlankAsNullChoiceField(choices=CorrectionKind.choices, allow_null=True)
    note = serializers.CharField()
    published_at = serializers.DateTimeField()


class TopicSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ClaimLinkSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    text = serializers.CharField()
    api_url = LinkField("api:claim-detail")
    page_url = LinkField("claims:detail")


# --- claims ------------------------------------------------------------------------------------


class ClaimSerializer(serializers.Serializer):
    # From a model instance, it reads what `reads.claim_detail` adds to one (`verdicts`,
    # `public_updated_at`, `public_repeat_of`); the list is built from rows (`reads`).
    # Comments, not docstrings, on these classes: drf-spectacular would publish a docstring.
    slug = serializers.SlugField()
    api_url = LinkField("api:claim-detail")
    page_url = LinkField("claims:detail")
    text = serializers.CharField(help_text="The claim, in the desk's words.")
    status = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in sorted(PUBLIC_STATUSES)],
        help_text="A withdrawn claim stays listed with its withdrawal notice in the record.",
    )
    first_published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(
        source="public_updated_at",
        help_text="When anything shown here last changed, corrections included.",
    )
    speaker = SpeakerBriefSerializer(source="statement.speaker")
    statement = StatementSerializer()
    source = SourceBriefSerializer(
        source="statement.source", help_text="The document the statement is quoted from."
    )
    topics = TopicSerializer(many=True)
    context_note = serializers.CharField()
    verdict = VerdictSerializer(
        source="verdicts.current", allow_null=True, help_text="The current verdict."
    )
    earlier_verdicts = VerdictSerializer(
        source="verdicts.earlier", many=True, help_text="Verdicts it replaced, newest first."
    )
    evidence = EvidenceSerializer(many=True)
    publication_record = RecordEntrySerializer(many=True, help_text="Oldest first.")
    repeat_of = ClaimLinkSerializer(
        source="public_repeat_of", allow_null=True, help_text="The earlier claim it repeats."
    )


class ClaimDetailSerializer(ClaimSerializer):
    statement = StatementDetailSerializer()
    repeats = serializers.IntegerField(
        source="public_repeats", help_text="How often the claim was made again since."
    )


# --- speakers, sources, ratings, corrections ----------------------------------------------------


class RecordCountSerializer(serializers.Serializer):
    rating = RatingBriefSerializer()
    count = serializers.IntegerField()


class SpeakerRecordSerializer(serializers.Serializer):
    verdicts = RecordCountSerializer(
        many=True, help_text="Current verdicts on their published claims, every rating listed."
    )
    not_verdicts = RecordCountSerializer(
        many=True, help_text="Ratings that are not verdicts (Unverifiable, ...), when used."
    )


@extend_schema_field(OpenApiTypes.STR)
class SpeakerClaimsField(serializers.Field):
    """The claims list of the API, narrowed to the speaker."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(source="slug", **kwargs)

    def to_representation(self, slug: str) -> str:
        url = self.context["request"].build_absolute_uri(reverse("api:claim-list"))
        return f"{url}?speaker={slug}"


class SpeakerSerializer(SpeakerBriefSerializer):
    # `record` is what `views.with_records` adds to each speaker.
    claims_url = SpeakerClaimsField(help_text="Their published claims, in this API.")
    record = SpeakerRecordSerializer()


class SourceSerializer(SourceBriefSerializer):
    retrieved_at = serializers.DateTimeField(allow_null=True)
    content_hash = serializers.CharField(help_text="SHA-256 of the text.")


class AnchorSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    quote = serializers.CharField()
    speaker = SpeakerNameSerializer()
    claims = ClaimLinkSerializer(source="public_claims", many=True)


class SourceDetailSerializer(SourceSerializer):
    # `public_statements` and `citing` are what `views.SourceViewSet.retrieve` adds.
    text = serializers.CharField(help_text="The text exactly as imported; offsets point into it.")
    statements = AnchorSerializer(
        source="public_statements", many=True, help_text="Statements with published claims."
    )
    cited_by = ClaimLinkSerializer(
        source="citing", many=True, help_text="Published claims citing it as evidence."
    )


class ScaleSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    is_default = serializers.BooleanField()


class RatingSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    label = serializers.CharField()
    description = serializers.CharField()
    colour = serializers.CharField()
    value = serializers.IntegerField(
        allow_null=True, help_text="Place on the scale, 1 = least true; null for non-verdicts."
    )
    is_verdict = serializers.BooleanField()
    scale = ScaleSerializer()


class CorrectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(
        choices=[(k, k.label) for k in (PublicationKind.CORRECTION, PublicationKind.WITHDRAWAL)]
    )
    correction_kind = BlankAsNullChoiceField(choices=CorrectionKind.choices, allow_null=True)
    note = serializers.CharField()
    published_at = serializers.DateTimeField()
    claim = ClaimLinkSerializer()
    rating = RatingBriefSerializer(
        source="review.rating",
        allow_null=True,
        help_text="For a correction: the verdict's rating from then on.",
    )


# --- ClaimReview and the Fact Check Tools shape ---------------------------------------------------


class ClaimReviewSerializer(serializers.Serializer):
    """A schema.org ClaimReview, exactly as on the claim's page (schema in `schema.py`)."""


class FactCheckPublisherSerializer(serializers.Serializer):
    name = serializers.CharField()
    site = serializers.CharField()


class FactCheckReviewSerializer(serializers.Serializer):
    publisher = FactCheckPublisherSerializer()
    url = serializers.CharField()
    title = serializers.CharField()
    reviewDate = serializers.DateTimeField()
    textualRating = serializers.CharField()
    languageCode = serializers.CharField()


class FactCheckClaimSerializer(serializers.Serializer):
    text = serializers.CharField()
    claimant = serializers.CharField()
    claimDate = serializers.DateTimeField(
        required=False, help_text="When the claim was made; left out when unknown."
    )
    claimReview = FactCheckReviewSerializer(many=True)


# --- Other fact-checkers' verdicts ----------------------------------------------------------------


class ExternalFactCheckSerializer(serializers.Serializer):
    """Another organisation's published verdict, as its ClaimReview gave it: never the desk's."""

    id = serializers.IntegerField()
    url = LinkField("api:external-fact-check-detail", lookup="pk")
    review_url = serializers.CharField(help_text="The fact-check's own page.")
    publisher = serializers.CharField()
    publisher_url = serializers.CharField(help_text="The publisher's site, when given.")
    title = serializers.CharField()
    claim_text = serializers.CharField(help_text="The claim, as the publisher worded it.")
    claimant = serializers.CharField()
    claim_date = serializers.DateField(allow_null=True)
    review_date = serializers.DateField(allow_null=True)
    rating_text = serializers.CharField(help_text="The verdict in the publisher's words.")
    rating = RatingBriefSerializer(
        allow_null=True, help_text="The desk's rating nearest the published one, when known."
    )
    language = serializers.CharField()
    licence = serializers.CharField(help_text="The licence the publisher gave, when any.")
    origin = serializers.ChoiceField(
        choices=["datafeed", "page", "google"], help_text="How the desk came by it."
    )
    first_seen_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(help_text="When its published fields last changed.")
