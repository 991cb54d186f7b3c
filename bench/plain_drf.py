"""About the same claims as the API's list, written the plainest DRF way: nested
ModelSerializers over model instances, page-number pagination. For bench/bench_api.py only,
which measures it in the same run as the API's list, so that a reader sees what the API's
rows read with explicit SQL save on whatever machine runs the bench.

It reads what the API shows (speaker, statement, source, approved reviews, evidence, record,
topics) the usual way: select_related for the joins, one prefetch per list, a count for the
page numbers. It is not the yardstick of the API's target, which is lighter.

`FlatClaimList` is that yardstick as we read it: "a plain DRF ModelSerializer with page-number
pagination", the claim's own public columns (its speaker's statement and the claim it repeats
as ids), 50 a page, counted. The API list may take at most half its CPU, measured in the same
run, whatever the machine's speed.
"""

from django.db.models import Prefetch
from rest_framework import generics, serializers
from rest_framework.pagination import PageNumberPagination

from claims.models import (
    Claim,
    Evidence,
    PublicationEntry,
    Review,
    Source,
    Speaker,
    Statement,
    Topic,
)


class SourceOut(serializers.ModelSerializer):
    class Meta:
        model = Source
        fields = ["id", "url", "title", "publisher", "author", "language", "kind", "published_at"]


class SpeakerOut(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["slug", "name", "kind", "role", "wikidata_id", "url"]


class StatementOut(serializers.ModelSerializer):
    speaker = SpeakerOut()
    reported_speaker = SpeakerOut(allow_null=True)
    source = SourceOut()

    class Meta:
        model = Statement
        fields = ["quote", "prefix", "suffix", "start", "end", "speech", "said_where", "said_on"]
        fields += ["speaker", "reported_speaker", "source"]


class ReviewOut(serializers.ModelSerializer):
    rating = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Review
        fields = ["rating", "summary", "analysis", "approved_at", "correction_kind", "public_note"]


class EvidenceOut(serializers.ModelSerializer):
    source = SourceOut()

    class Meta:
        model = Evidence
        fields = ["relation", "source", "excerpt", "note", "archive_url", "archive_hash"]


class EntryOut(serializers.ModelSerializer):
    class Meta:
        model = PublicationEntry
        fields = ["kind", "correction_kind", "note", "published_at"]


class TopicOut(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name"]


class ClaimOut(serializers.ModelSerializer):
    statement = StatementOut()
    reviews = ReviewOut(many=True, source="approved_reviews")
    evidence = EvidenceOut(many=True)
    publication_record = EntryOut(many=True)
    topics = TopicOut(many=True)
    repeat_of = serializers.SlugRelatedField(slug_field="slug", read_only=True)

    class Meta:
        model = Claim
        fields = ["slug", "text", "status", "first_published_at", "updated_at", "context_note"]
        fields += ["statement", "reviews", "evidence", "publication_record", "topics", "repeat_of"]


class Pages(PageNumberPagination):
    page_size = 50


class PlainClaimList(generics.ListAPIView):
    serializer_class = ClaimOut
    pagination_class = Pages
    throttle_classes = []  # as the API's own list, whose throttle the bench never reaches
    queryset = (
        Claim.objects.public()
        .select_related(
            "statement__speaker", "statement__reported_speaker", "statement__source", "repeat_of"
        )
        .prefetch_related(
            Prefetch(
                "reviews",
                Review.objects.approved().select_related("rating").order_by("-approved_at"),
                to_attr="approved_reviews",
            ),
            Prefetch("evidence", Evidence.objects.select_related("source")),
            "publication_record",
            "topics",
        )
        .order_by("-first_published_at", "-id")
    )


class FlatClaimOut(serializers.ModelSerializer):
    class Meta:
        model = Claim
        fields = ["id", "slug", "text", "status", "first_published_at", "updated_at"]
        fields += ["context_note", "statement", "repeat_of"]


class FlatClaimList(generics.ListAPIView):
    serializer_class = FlatClaimOut
    pagination_class = Pages
    throttle_classes = []
    queryset = Claim.objects.public().order_by("-first_published_at", "-id")
