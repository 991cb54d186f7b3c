"""What the API returns: declared once for the schema, built by hand for speed.

The `Serializer` classes only describe the objects, for drf-spectacular. The functions build
the same objects as plain dicts from rows: a tuple read by `claims.api.reads` (the fields
below say which, `Columns` where each is) or a model's `__dict__` (`Columns.keys()`), so a
source looks the same wherever it appears.
Dates and times stay `date` and `datetime` objects: the renderer writes them as DRF's fields
do (ISO 8601, UTC as Z), in C (claims/api/renderers.py).
Going through DRF fields costs microseconds per value, thousands of values on a page of 50
claims. `tests/api/test_schema.py` checks every answer against the schema, undocumented keys
included, so the descriptions and the functions cannot drift apart.

Only public fields appear: no assignee, internal note, check-worthiness, review authors,
sign-offs, unapproved reviews, or anything of an unpublished claim.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

from django.urls import get_script_prefix, get_urlconf, reverse
from rest_framework import serializers

from ..db.compiled_reads import Columns
from ..enums import (
    ClaimStatus,
    CorrectionKind,
    EvidenceRelation,
    PublicationKind,
    SourceKind,
    SpeakerKind,
    SpeechKind,
)
from ..models import Claim, PublicationEntry, Rating, Source, Speaker, Statement

PUBLIC_CLAIM_STATUSES = [ClaimStatus.PUBLISHED, ClaimStatus.WITHDRAWN]
PUBLIC_RECORD_KINDS = [PublicationKind.CORRECTION, PublicationKind.WITHDRAWAL]
# A row: a tuple of fields read by `claims.api.reads`, or a model's __dict__.
Row = Sequence[Any] | Mapping[str, Any]

# --- the rows the functions read --------------------------------------------------------------

SOURCE_FIELDS = ["id", "url", "title", "publisher", "author", "language", "kind", "published_at"]
SPEAKER_FIELDS = ["slug", "name", "kind", "role", "wikidata_id", "url"]
RATING_FIELDS = ["slug", "label", "value", "is_verdict", "colour", "scale__slug"]
CLAIM_FIELDS = [
    "id",
    "slug",
    "text",
    "status",
    "first_published_at",
    "updated_at",
    "context_note",
    "repeat_of__slug",
    "repeat_of__text",
    "repeat_of__status",
    *(
        f"statement__{f}"
        for f in ["quote", "prefix", "suffix", "start", "end", "speech", "said_where", "said_on"]
    ),
    *(f"statement__speaker__{f}" for f in SPEAKER_FIELDS),
    *(f"statement__reported_speaker__{f}" for f in ["slug", "name", "kind", "role"]),
    *(f"statement__source__{f}" for f in SOURCE_FIELDS),
]
REVIEW_FIELDS = [
    "claim_id",
    "summary",
    "analysis",
    "approved_at",
    "correction_kind",
    "public_note",
    *(f"rating__{f}" for f in RATING_FIELDS),
]
EVIDENCE_FIELDS = [
    "claim_id",
    "relation",
    "excerpt",
    "note",
    "archive_url",
    "archive_hash",
    *(f"source__{f}" for f in SOURCE_FIELDS),
]
RECORD_FIELDS = ["claim_id", "kind", "correction_kind", "note", "published_at"]
TOPIC_FIELDS = ["claim_id", "topic__slug", "topic__name"]

CLAIM = Columns.of(CLAIM_FIELDS)
REVIEW = Columns.of(REVIEW_FIELDS)
EVIDENCE = Columns.of(EVIDENCE_FIELDS)
RECORD = Columns.of(RECORD_FIELDS)
TOPIC = Columns.of(TOPIC_FIELDS)
# The parts of those rows, placed once rather than per row.
_CLAIM_STATEMENT = CLAIM.under("statement__")
_CLAIM_SPEAKER = CLAIM.under("statement__speaker__")
_CLAIM_REPORTED = CLAIM.under("statement__reported_speaker__")
_CLAIM_SOURCE = CLAIM.under("statement__source__")
_CLAIM_REPEAT_OF = CLAIM.under("repeat_of__")
_REVIEW_RATING = REVIEW.under("rating__")
_EVIDENCE_SOURCE = EVIDENCE.under("source__")
# A model's __dict__.
_SOURCE_KEYS = Columns.keys(SOURCE_FIELDS)
_SPEAKER_KEYS = Columns.keys(SPEAKER_FIELDS)
_RATING_KEYS = Columns.keys(RATING_FIELDS)
_CLAIM_LINK_KEYS = Columns.keys(["slug", "text"])


class Links:
    """Absolute URLs of one request, built by concatenation instead of reverse() per row.

    The same for every request to the same site root, script prefix and URLconf, so they are
    worked out once for each (a dozen reverse() calls: a quarter of a millisecond)."""

    claim_api: tuple[str, str]
    claim_page: tuple[str, str]
    speaker_api: tuple[str, str]
    speaker_page: tuple[str, str]
    source_api: tuple[str, str]
    source_page: tuple[str, str]
    claims_list: str
    site: str
    _known: ClassVar[dict[tuple[Any, ...], dict[str, Any]]] = {}

    def __init__(self, request) -> None:
        key = (f"{request.scheme}://{request.get_host()}", get_script_prefix(), get_urlconf())
        known = self._known.get(key)
        if known is None:
            if len(self._known) >= 64:  # hosts are ALLOWED_HOSTS, but stay bounded anyway
                self._known.clear()
            known = self._known[key] = self._build(request)
        self.__dict__.update(known)

    @staticmethod
    def _build(request) -> dict[str, Any]:
        def split(name: str, arg: Any = "0") -> tuple[str, str]:
            url = request.build_absolute_uri(reverse(name, args=[arg]))
            head, _, tail = url.rpartition(str(arg))
            return head, tail

        return {
            "claim_api": split("api:claim-detail", "slug-0"),
            "claim_page": split("claims:detail", "slug-0"),
            "speaker_api": split("api:speaker-detail", "slug-0"),
            "speaker_page": split("claims:speaker", "slug-0"),
            "source_api": split("api:source-detail", 999),
            "source_page": split("claims:source", 999),
            "claims_list": request.build_absolute_uri(reverse("api:claim-list")),
            "site": request.build_absolute_uri("/"),
        }

    @staticmethod
    def join(parts: tuple[str, str], value: Any) -> str:
        return f"{parts[0]}{value}{parts[1]}"


def claim_updated(updated_at: datetime.datetime, record: list[Row]) -> datetime.datetime:
    """When anything readers see of a claim last changed: the claim row, or its public record
    (a correction's approval adds a record entry and leaves the claim row as it was)."""
    newest = updated_at
    published_at = RECORD.published_at
    for entry in record:
        if entry[published_at] > newest:
            newest = entry[published_at]
    return newest


# --- building blocks ---------------------------------------------------------------------------


class RatingBriefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    label = serializers.CharField()
    value = serializers.IntegerField(
        allow_null=True, help_text="Place on the scale, 1 = least true; null for non-verdicts."
    )
    is_verdict = serializers.BooleanField()
    colour = serializers.CharField()
    scale = serializers.SlugField(help_text="The rating scale's slug.")


def rating_brief(row: Row, c: Columns) -> dict[str, Any]:
    return {
        "slug": row[c.slug],
        "label": row[c.label],
        "value": row[c.value],
        "is_verdict": row[c.is_verdict],
        "colour": row[c.colour],
        "scale": row[c.scale__slug],
    }


def rating_brief_of(rating: Rating) -> dict[str, Any]:
    return rating_brief({**rating.__dict__, "scale__slug": rating.scale.slug}, _RATING_KEYS)


class VerdictSerializer(serializers.Serializer):
    rating = RatingBriefSerializer()
    summary = serializers.CharField()
    analysis = serializers.CharField(help_text="Markdown.")
    approved_at = serializers.DateTimeField(help_text="When this verdict was published.")
    correction_kind = serializers.ChoiceField(
        choices=CorrectionKind.choices,
        allow_null=True,
        help_text="For a verdict that corrected an earlier one.",
    )
    correction_note = serializers.CharField(allow_null=True)


def verdict_data(row: Row) -> dict[str, Any]:
    """From a row of REVIEW_FIELDS."""
    c = REVIEW
    correction_kind = row[c.correction_kind]
    return {
        "rating": rating_brief(row, _REVIEW_RATING),
        "summary": row[c.summary],
        "analysis": row[c.analysis],
        "approved_at": row[c.approved_at],
        "correction_kind": correction_kind or None,
        "correction_note": row[c.public_note] if correction_kind else None,
    }


class SpeakerBriefSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=SpeakerKind.choices)
    role = serializers.CharField()
    wikidata_id = serializers.CharField()
    url = serializers.CharField(help_text="An official or reference page; may be empty.")
    api_url = serializers.CharField()
    page_url = serializers.CharField()


def speaker_brief(row: Row, c: Columns, links: Links) -> dict[str, Any]:
    slug = row[c.slug]
    return {
        "slug": slug,
        "name": row[c.name],
        "kind": row[c.kind],
        "role": row[c.role],
        "wikidata_id": row[c.wikidata_id],
        "url": row[c.url],
        "api_url": links.join(links.speaker_api, slug),
        "page_url": links.join(links.speaker_page, slug),
    }


class ReportedSpeakerSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=SpeakerKind.choices)
    role = serializers.CharField()


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


def statement_data(row: Row) -> dict[str, Any]:
    """From a row of CLAIM_FIELDS."""
    c, reported = _CLAIM_STATEMENT, _CLAIM_REPORTED
    return {
        "quote": row[c.quote],
        "prefix": row[c.prefix],
        "suffix": row[c.suffix],
        "start": row[c.start],
        "end": row[c.end],
        "speech": row[c.speech],
        "said_where": row[c.said_where],
        "said_on": row[c.said_on],
        "reported_speaker": None
        if row[reported.slug] is None
        else {
            "slug": row[reported.slug],
            "name": row[reported.name],
            "kind": row[reported.kind],
            "role": row[reported.role],
        },
    }


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
    api_url = serializers.CharField()
    page_url = serializers.CharField()


def source_brief(row: Row, c: Columns, links: Links) -> dict[str, Any]:
    pk = row[c.id]
    return {
        "id": pk,
        "url": row[c.url],
        "title": row[c.title],
        "publisher": row[c.publisher],
        "author": row[c.author],
        "language": row[c.language],
        "kind": row[c.kind],
        "published_at": row[c.published_at],
        "api_url": links.join(links.source_api, pk),
        "page_url": links.join(links.source_page, pk),
    }


class EvidenceSerializer(serializers.Serializer):
    relation = serializers.ChoiceField(choices=EvidenceRelation.choices)
    source = SourceBriefSerializer()
    excerpt = serializers.CharField()
    note = serializers.CharField()
    archive_url = serializers.CharField()
    archive_hash = serializers.CharField(help_text="SHA-256 of the archived copy; may be empty.")


def evidence_data(row: Row, links: Links) -> dict[str, Any]:
    """From a row of EVIDENCE_FIELDS."""
    c = EVIDENCE
    return {
        "relation": row[c.relation],
        "source": source_brief(row, _EVIDENCE_SOURCE, links),
        "excerpt": row[c.excerpt],
        "note": row[c.note],
        "archive_url": row[c.archive_url],
        "archive_hash": row[c.archive_hash],
    }


class RecordEntrySerializer(serializers.Serializer):
    kind = serializers.ChoiceField(choices=PublicationKind.choices)
    correction_kind = serializers.ChoiceField(choices=CorrectionKind.choices, allow_null=True)
    note = serializers.CharField()
    published_at = serializers.DateTimeField()


def record_entry(row: Row) -> dict[str, Any]:
    """From a row of RECORD_FIELDS."""
    c = RECORD
    return {
        "kind": row[c.kind],
        "correction_kind": row[c.correction_kind] or None,
        "note": row[c.note],
        "published_at": row[c.published_at],
    }


class TopicSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class ClaimLinkSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    text = serializers.CharField()
    api_url = serializers.CharField()
    page_url = serializers.CharField()


def claim_link(row: Row, c: Columns, links: Links) -> dict[str, Any]:
    slug = row[c.slug]
    return {
        "slug": slug,
        "text": row[c.text],
        "api_url": links.join(links.claim_api, slug),
        "page_url": links.join(links.claim_page, slug),
    }


# --- claims ------------------------------------------------------------------------------------


class ClaimSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    api_url = serializers.CharField()
    page_url = serializers.CharField()
    text = serializers.CharField(help_text="The claim, in the desk's words.")
    status = serializers.ChoiceField(
        choices=[(s.value, s.label) for s in PUBLIC_CLAIM_STATUSES],
        help_text="A withdrawn claim stays listed with its withdrawal notice in the record.",
    )
    first_published_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField(
        help_text="When anything shown here last changed, corrections included."
    )
    speaker = SpeakerBriefSerializer()
    statement = StatementSerializer()
    source = SourceBriefSerializer(help_text="The document the statement is quoted from.")
    topics = TopicSerializer(many=True)
    context_note = serializers.CharField()
    verdict = VerdictSerializer(allow_null=True, help_text="The current verdict.")
    earlier_verdicts = VerdictSerializer(many=True, help_text="Verdicts it replaced, newest first.")
    evidence = EvidenceSerializer(many=True)
    publication_record = RecordEntrySerializer(many=True, help_text="Oldest first.")
    repeat_of = ClaimLinkSerializer(allow_null=True, help_text="The earlier claim it repeats.")


def claim_data(
    row: Row,
    links: Links,
    *,
    verdicts: list[Row],
    evidence: list[Row],
    record: list[Row],
    topics: list[Row],
    updated: datetime.datetime,
) -> dict[str, Any]:
    """A claim from a row of CLAIM_FIELDS and its rows of REVIEW_FIELDS, EVIDENCE_FIELDS,
    RECORD_FIELDS and TOPIC_FIELDS; `updated` is `claim_updated()` of its row and record."""
    c = CLAIM
    repeat_of = None
    # An unpublished claim is never named, not even as what a public one repeats.
    if row[c.repeat_of__status] in PUBLIC_CLAIM_STATUSES:
        repeat_of = claim_link(row, _CLAIM_REPEAT_OF, links)
    slug = row[c.slug]
    topic_slug, topic_name = TOPIC.topic__slug, TOPIC.topic__name
    return {
        "slug": slug,
        "api_url": links.join(links.claim_api, slug),
        "page_url": links.join(links.claim_page, slug),
        "text": row[c.text],
        "status": row[c.status],
        "first_published_at": row[c.first_published_at],
        "updated_at": updated,
        "speaker": speaker_brief(row, _CLAIM_SPEAKER, links),
        "statement": statement_data(row),
        "source": source_brief(row, _CLAIM_SOURCE, links),
        "topics": [{"slug": t[topic_slug], "name": t[topic_name]} for t in topics],
        "context_note": row[c.context_note],
        "verdict": verdict_data(verdicts[0]) if verdicts else None,
        "earlier_verdicts": [verdict_data(v) for v in verdicts[1:]],
        "evidence": [evidence_data(item, links) for item in evidence],
        "publication_record": [record_entry(entry) for entry in record],
        "repeat_of": repeat_of,
    }


class ClaimDetailSerializer(ClaimSerializer):
    statement = StatementDetailSerializer()
    repeats = serializers.IntegerField(help_text="How often the claim was made again since.")


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


class SpeakerSerializer(SpeakerBriefSerializer):
    claims_url = serializers.CharField(help_text="Their published claims, in this API.")
    record = SpeakerRecordSerializer()


def speaker_data(speaker: Speaker, links: Links, record: dict[str, list]) -> dict[str, Any]:
    data = speaker_brief(speaker.__dict__, _SPEAKER_KEYS, links)
    data["claims_url"] = f"{links.claims_list}?speaker={speaker.slug}"
    data["record"] = record
    return data


class SourceSerializer(SourceBriefSerializer):
    retrieved_at = serializers.DateTimeField(allow_null=True)
    content_hash = serializers.CharField(help_text="SHA-256 of the text.")


def source_data(source: Source, links: Links) -> dict[str, Any]:
    data = source_brief(source.__dict__, _SOURCE_KEYS, links)
    data["retrieved_at"] = source.retrieved_at
    data["content_hash"] = source.content_hash
    return data


class SpeakerNameSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()


class AnchorSerializer(serializers.Serializer):
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    quote = serializers.CharField()
    speaker = SpeakerNameSerializer()
    claims = ClaimLinkSerializer(many=True)


class SourceDetailSerializer(SourceSerializer):
    text = serializers.CharField(help_text="The text exactly as imported; offsets point into it.")
    statements = AnchorSerializer(many=True, help_text="Statements with published claims.")
    cited_by = ClaimLinkSerializer(many=True, help_text="Published claims citing it as evidence.")


def source_detail_data(
    source: Source, statements: list[Statement], citing: list[Claim], links: Links
) -> dict[str, Any]:
    data = source_data(source, links)
    data["text"] = source.text
    data["statements"] = [
        {
            "start": s.start,
            "end": s.end,
            "quote": s.quote,
            "speaker": {"slug": s.speaker.slug, "name": s.speaker.name},
            "claims": [claim_link(c.__dict__, _CLAIM_LINK_KEYS, links) for c in s.public_claims],
        }
        for s in statements
    ]
    data["cited_by"] = [claim_link(c.__dict__, _CLAIM_LINK_KEYS, links) for c in citing]
    return data


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


def rating_data(rating: Rating) -> dict[str, Any]:
    scale = rating.scale
    return {
        "slug": rating.slug,
        "label": rating.label,
        "description": rating.description,
        "colour": rating.colour,
        "value": rating.value,
        "is_verdict": rating.is_verdict,
        "scale": {"slug": scale.slug, "name": scale.name, "is_default": scale.is_default},
    }


class CorrectionSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=[(k.value, k.label) for k in PUBLIC_RECORD_KINDS])
    correction_kind = serializers.ChoiceField(choices=CorrectionKind.choices, allow_null=True)
    note = serializers.CharField()
    published_at = serializers.DateTimeField()
    claim = ClaimLinkSerializer()
    rating = RatingBriefSerializer(
        allow_null=True, help_text="For a correction: the verdict's rating from then on."
    )


def correction_data(entry: PublicationEntry, links: Links) -> dict[str, Any]:
    review = entry.review
    return {
        "id": entry.pk,
        "kind": entry.kind,
        "correction_kind": entry.correction_kind or None,
        "note": entry.note,
        "published_at": entry.published_at,
        "claim": claim_link(entry.claim.__dict__, _CLAIM_LINK_KEYS, links),
        "rating": rating_brief_of(review.rating) if review is not None and review.rating else None,
    }


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
