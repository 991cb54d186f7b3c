"""One factory-boy factory per model. Factories build valid rows; rules live in services."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from claims import models
from claims.enums import (
    ClaimStatus,
    EvidenceRelation,
    PublicationKind,
    ReviewStatus,
    SignoffDecision,
    SpeechKind,
)

ARTICLE = (
    "MOSCOW - The minister said that the alliance had grown by three members since 2009. "
    '"We were never consulted," he added. Officials in Brussels said the figures were '
    "correct but disputed the rest."
)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@desk.example")
    is_staff = True
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.set(Group.objects.filter(name__in=extracted))


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Source

    title = factory.Sequence(lambda n: f"Article {n}")
    url = factory.Sequence(lambda n: f"https://news.example/articles/{n}")
    publisher = "News Example"
    language = "en"
    text = ARTICLE
    published_at = factory.LazyFunction(timezone.now)


class SpeakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Speaker

    name = factory.Sequence(lambda n: f"Speaker {n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    role = "Minister"
    aliases = factory.LazyFunction(lambda: ["the minister"])


class StatementFactory(factory.django.DjangoModelFactory):
    """A statement anchored at `start` in its source; the quote is cut from the text."""

    class Meta:
        model = models.Statement

    source = factory.SubFactory(SourceFactory)
    speaker = factory.SubFactory(SpeakerFactory)
    speech = SpeechKind.INDIRECT
    start = 9
    end = factory.LazyAttribute(lambda s: s.start + 80)
    quote = factory.LazyAttribute(lambda s: s.source.text[s.start : s.end])


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Topic
        django_get_or_create = ["slug"]

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class ClaimFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Claim

    statement = factory.SubFactory(StatementFactory)
    text = factory.Sequence(lambda n: f"The alliance grew by three members since 2009 ({n}).")
    slug = factory.Sequence(lambda n: f"the-alliance-grew-{n}")
    status = ClaimStatus.NEW
    checkworthiness = 0.6


def make_public(claim: models.Claim, *, status=ClaimStatus.PUBLISHED, when=None) -> models.Claim:
    """Moves a claim built in the newsroom to a public status in one UPDATE, as publishing
    does. Evidence a verdict cites is attached before this: afterwards only a correction can
    bring more (`claims.public_record`)."""
    when = when or timezone.now()
    models.Claim.objects.filter(pk=claim.pk).update(status=status, first_published_at=when)
    claim.refresh_from_db()
    return claim


class EvidenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Evidence

    claim = factory.SubFactory(ClaimFactory)
    source = factory.SubFactory(SourceFactory, title="Official membership list")
    relation = EvidenceRelation.SUPPORTS
    excerpt = "Three countries joined between 2009 and 2020."


class RatingScaleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.RatingScale

    name = factory.Sequence(lambda n: f"Scale {n}")
    slug = factory.Sequence(lambda n: f"scale-{n}")


class RatingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Rating

    scale = factory.SubFactory(RatingScaleFactory)
    label = factory.Sequence(lambda n: f"Rating {n}")
    slug = factory.Sequence(lambda n: f"rating-{n}")
    value = factory.Sequence(lambda n: n + 1)
    colour = "#15803d"
    is_verdict = True


def default_rating(slug: str = "true") -> models.Rating:
    """A rating of the default scale that migration 0002 creates."""
    return models.Rating.objects.get(scale__is_default=True, slug=slug)


class ReviewFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Review

    claim = factory.SubFactory(ClaimFactory)
    author = factory.SubFactory(UserFactory)
    rating = factory.LazyFunction(default_rating)
    summary = "Three countries joined, as stated."
    analysis = "Albania in 2009, Montenegro in 2017, North Macedonia in 2020."
    status = ReviewStatus.DRAFT


class SignoffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Signoff

    review = factory.SubFactory(ReviewFactory)
    reviewer = factory.SubFactory(UserFactory)
    decision = SignoffDecision.APPROVE


class PublicationEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PublicationEntry

    claim = factory.SubFactory(
        ClaimFactory,
        status=ClaimStatus.PUBLISHED,
        first_published_at=factory.LazyFunction(timezone.now),
    )
    kind = PublicationKind.FIRST_PUBLICATION


class ClaimEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.ClaimEvent

    claim = factory.SubFactory(ClaimFactory)
    actor = factory.SubFactory(UserFactory)
    action = "create"
    to_status = ClaimStatus.NEW


class SuggestionDecisionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.SuggestionDecision

    source = factory.SubFactory(SourceFactory)
    start = 9
    end = 40
    decision = models.SuggestionDecision.Decision.REJECTED
    decided_by = factory.SubFactory(UserFactory)


class SourceSuggestionsFactory(factory.django.DjangoModelFactory):
    """A stored report as the engine would leave it (with no candidates: a test that needs
    real ones runs `process_source`)."""

    class Meta:
        model = models.SourceSuggestions

    source = factory.SubFactory(SourceFactory)
    engine_version = "an engine"
    content_hash = factory.LazyAttribute(lambda s: s.source.content_hash)
    report = factory.LazyFunction(lambda: {"paragraphs": [], "candidates": [], "speakers": []})


class AlertFactory(factory.django.DjangoModelFactory):
    """An open alert on the words at `start` of its source (a test of how alerts are raised
    runs `process_source`)."""

    class Meta:
        model = models.Alert

    source = factory.SubFactory(SourceFactory)
    start = 9
    end = factory.LazyAttribute(lambda a: a.start + 80)
    statement_start = factory.LazyAttribute(lambda a: a.start)
    statement_end = factory.LazyAttribute(lambda a: a.end)
    text = factory.LazyAttribute(lambda a: a.source.text[a.start : a.end])
    speaker_name = "The minister"
    checkworthiness = 0.6
    claim = factory.SubFactory(ClaimFactory)
    score = 0.8


class ImportBatchFactory(factory.django.DjangoModelFactory):
    """A batch as uploaded, before its job ran (a test of the import runs `import_batch`)."""

    class Meta:
        model = models.ImportBatch

    name = "feed.jsonl"
    form = "jsonl"
    content = b'{"title": "One", "text": "The minister said the alliance grew."}\n'
    size = factory.LazyAttribute(lambda b: len(b.content))
    total = 1
    uploaded_by = factory.SubFactory(UserFactory)


class ExternalFactCheckFactory(factory.django.DjangoModelFactory):
    """Another organisation's verdict as an import stores it (tests of imports use the
    importers, `claims.external`)."""

    class Meta:
        model = "external.ExternalFactCheck"

    review_url = factory.Sequence(lambda n: f"https://checker.example/checks/{n}")
    publisher = "Checker"
    publisher_url = "https://checker.example"
    claim_text = factory.Sequence(lambda n: f"The minimum wage doubled last year ({n}).")
    rating_text = "False"
    origin = "datafeed"
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
