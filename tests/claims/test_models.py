"""Every invariant of the domain model: refused by validation with a clear message, and refused
by the database itself when validation is skipped."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from claims import text as textlib
from claims.enums import ClaimStatus, ReviewStatus, SignoffDecision
from claims.models import (
    Claim,
    ClaimEvent,
    PublicationEntry,
    Rating,
    RatingScale,
    Review,
    Signoff,
    Source,
    Statement,
)
from tests.factories import (
    ARTICLE,
    ClaimEventFactory,
    ClaimFactory,
    PublicationEntryFactory,
    RatingFactory,
    ReviewFactory,
    SourceFactory,
    SpeakerFactory,
    StatementFactory,
)

pytestmark = pytest.mark.django_db


def refused_by_database(write) -> IntegrityError:
    """Run a write that skips validation; the database must refuse it."""
    with pytest.raises(IntegrityError) as refusal, transaction.atomic():
        write()
    return refusal.value


# --- statements: anchored spans --------------------------------------------------------------


def test_statement_clean_locates_a_unique_quote_and_fills_context():
    source = SourceFactory()
    statement = Statement(source=source, speaker=SpeakerFactory(), quote="We were never consulted")

    statement.full_clean()

    assert source.text[statement.start : statement.end] == "We were never consulted"
    assert statement.prefix.endswith('members since 2009. "')
    assert statement.suffix.startswith('," he added.')


def test_statement_clean_asks_for_offsets_when_quote_is_ambiguous():
    source = SourceFactory(text="He said no. Then he said no.")
    statement = Statement(source=source, speaker=SpeakerFactory(), quote="said no")

    with pytest.raises(ValidationError) as error:
        statement.full_clean()

    assert "occur 2 times" in str(error.value.message_dict["start"])


def test_statement_clean_refuses_words_not_in_the_source():
    statement = Statement(source=SourceFactory(), speaker=SpeakerFactory(), quote="not there")

    with pytest.raises(ValidationError) as error:
        statement.full_clean()

    assert "do not occur" in str(error.value.message_dict["quote"])


def test_statement_clean_refuses_quote_that_differs_from_the_slice():
    statement = Statement(
        source=SourceFactory(), speaker=SpeakerFactory(), quote="x" * 5, start=0, end=5
    )

    with pytest.raises(ValidationError) as error:
        statement.full_clean()

    assert "does not match the source text at 0-5" in str(error.value.message_dict["quote"])


def test_statement_clean_refuses_span_past_the_end_of_the_text():
    source = SourceFactory()
    end = len(source.text) + 3
    statement = Statement(
        source=source, speaker=SpeakerFactory(), quote="abc", start=end - 3, end=end
    )

    with pytest.raises(ValidationError) as error:
        statement.full_clean()

    assert "not inside" in str(error.value.message_dict["end"])


def test_statement_clean_refuses_reported_speaker_equal_to_speaker():
    speaker = SpeakerFactory()
    statement = StatementFactory.build(
        source=SourceFactory(), speaker=speaker, reported_speaker=speaker
    )

    with pytest.raises(ValidationError) as error:
        statement.full_clean()

    assert "reported_speaker" in error.value.message_dict


def test_database_refuses_statement_whose_quote_is_not_the_slice():
    source = SourceFactory()

    refused_by_database(
        lambda: Statement.objects.create(
            source=source, speaker=SpeakerFactory(), start=0, end=5, quote="xxxxx"
        )
    )


def test_database_refuses_statement_whose_quote_length_differs_from_span():
    source = SourceFactory()

    refused_by_database(
        lambda: Statement.objects.create(
            source=source, speaker=SpeakerFactory(), start=0, end=9, quote=source.text[0:5]
        )
    )


def test_database_refuses_empty_span():
    refused_by_database(
        lambda: Statement.objects.create(
            source=SourceFactory(), speaker=SpeakerFactory(), start=4, end=4, quote=""
        )
    )


def test_database_refuses_update_that_moves_a_span_off_its_quote():
    statement = StatementFactory()

    refused_by_database(lambda: Statement.objects.filter(pk=statement.pk).update(start=0, end=80))


def test_database_refuses_two_statements_on_the_same_span():
    statement = StatementFactory()

    refused_by_database(lambda: StatementFactory(source=statement.source, start=statement.start))


# --- sources: frozen text, hash, URL ---------------------------------------------------------


def test_source_save_stores_hash_of_text():
    source = SourceFactory(text="Some text")

    assert source.content_hash == textlib.content_hash("Some text")


def test_source_text_can_change_before_anything_is_anchored():
    source = SourceFactory()
    source.text = "Corrected import"

    source.full_clean()
    source.save()

    source.refresh_from_db()
    assert source.content_hash == textlib.content_hash("Corrected import")


def test_source_clean_refuses_text_change_once_anchored():
    source = StatementFactory().source
    source.text = ARTICLE + " Edited."

    with pytest.raises(ValidationError) as error:
        source.full_clean()

    assert "cannot change" in str(error.value.message_dict["text"])


def test_database_refuses_text_change_of_anchored_source():
    source = StatementFactory().source

    refused_by_database(lambda: Source.objects.filter(pk=source.pk).update(text="Edited"))


def test_database_refuses_content_hash_that_is_not_sha256():
    source = SourceFactory()

    refused_by_database(lambda: Source.objects.filter(pk=source.pk).update(content_hash="x"))


def test_source_clean_normalises_url_and_refuses_a_duplicate():
    SourceFactory(url="https://news.example/story")
    duplicate = Source(title="Again", url="HTTPS://NEWS.EXAMPLE/story/#comments", text="x")

    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()

    assert duplicate.url == "https://news.example/story"
    assert "already in the desk" in str(error.value)


def test_database_refuses_duplicate_url_but_allows_many_without_url():
    SourceFactory(url="https://news.example/story")
    SourceFactory(url="")
    SourceFactory(url="")

    refused_by_database(lambda: SourceFactory(url="https://news.example/story"))


def test_deleting_a_source_with_claims_is_refused():
    claim = ClaimFactory()

    with pytest.raises(ProtectedError):
        claim.statement.source.delete()

    assert Source.objects.filter(pk=claim.statement.source_id).exists()
    assert Statement.objects.filter(pk=claim.statement_id).exists()


def test_deleting_a_source_without_claims_removes_its_statements():
    statement = StatementFactory()

    statement.source.delete()

    assert not Statement.objects.filter(pk=statement.pk).exists()


def test_deleting_a_source_cited_as_evidence_is_refused():
    from tests.factories import EvidenceFactory

    evidence = EvidenceFactory()

    with pytest.raises(ProtectedError):
        evidence.source.delete()


# --- claims: status, slug --------------------------------------------------------------------


def test_database_refuses_unknown_status():
    claim = ClaimFactory()

    refused_by_database(lambda: Claim.objects.filter(pk=claim.pk).update(status="limbo"))


def test_database_refuses_dismissed_claim_without_reason():
    claim = ClaimFactory()

    refused_by_database(
        lambda: Claim.objects.filter(pk=claim.pk).update(status=ClaimStatus.DISMISSED)
    )


def test_database_refuses_reason_on_a_claim_that_is_not_dismissed():
    claim = ClaimFactory()

    refused_by_database(
        lambda: Claim.objects.filter(pk=claim.pk).update(dismissal_reason="opinion")
    )


@pytest.mark.parametrize("status", [ClaimStatus.PUBLISHED, ClaimStatus.WITHDRAWN])
def test_database_refuses_public_claim_without_publication_date(status):
    claim = ClaimFactory()

    refused_by_database(lambda: Claim.objects.filter(pk=claim.pk).update(status=status))


def test_database_refuses_checkworthiness_outside_zero_to_one():
    claim = ClaimFactory()

    refused_by_database(lambda: Claim.objects.filter(pk=claim.pk).update(checkworthiness=1.5))


def test_database_refuses_claim_repeating_itself():
    claim = ClaimFactory()

    refused_by_database(lambda: Claim.objects.filter(pk=claim.pk).update(repeat_of=claim))


def test_database_refuses_duplicate_claim_slug():
    ClaimFactory(slug="same")

    refused_by_database(lambda: ClaimFactory(slug="same"))


def test_claim_clean_refuses_slug_change():
    claim = ClaimFactory(slug="first-slug")
    claim.slug = "second-slug"

    with pytest.raises(ValidationError) as error:
        claim.full_clean()

    assert "cannot change" in str(error.value.message_dict["slug"])


def test_speaker_clean_refuses_slug_change_and_tidies_aliases():
    speaker = SpeakerFactory(slug="sergey-lavrov", aliases=[" the minister ", "", "the minister"])
    speaker.full_clean()
    assert speaker.aliases == ["the minister"]

    speaker.slug = "lavrov"
    with pytest.raises(ValidationError):
        speaker.full_clean()


def test_database_refuses_malformed_wikidata_id():
    speaker = SpeakerFactory()

    refused_by_database(
        lambda: type(speaker).objects.filter(pk=speaker.pk).update(wikidata_id="7747")
    )


def test_deleting_a_statement_with_claims_is_refused():
    claim = ClaimFactory()

    with pytest.raises(ProtectedError):
        claim.statement.delete()


# --- ratings, reviews, sign-off, records ------------------------------------------------------


def test_default_scale_comes_from_migration_with_verdicts_in_order():
    scale = RatingScale.objects.get(is_default=True)

    verdicts = list(scale.ratings.filter(is_verdict=True).values_list("label", flat=True))
    others = set(scale.ratings.filter(is_verdict=False).values_list("label", flat=True))

    assert verdicts == ["False", "Mostly false", "Half true", "Mostly true", "True"]
    assert "Unverifiable" in others


def test_database_refuses_a_second_default_scale():
    refused_by_database(lambda: RatingScale.objects.create(name="B", slug="b", is_default=True))


def test_database_refuses_verdict_rating_without_value():
    refused_by_database(lambda: RatingFactory(value=None, is_verdict=True))


def test_database_refuses_non_verdict_rating_with_value():
    refused_by_database(lambda: RatingFactory(value=9, is_verdict=False))


def test_database_refuses_two_ratings_with_one_value_on_a_scale():
    rating = RatingFactory(value=1)

    refused_by_database(lambda: RatingFactory(scale=rating.scale, value=1))


def test_rating_clean_refuses_bad_colour():
    rating = RatingFactory.build(scale=RatingFactory().scale, colour="red")

    with pytest.raises(ValidationError) as error:
        rating.full_clean()

    assert "colour" in error.value.message_dict


def test_database_refuses_submitted_review_without_rating():
    review = ReviewFactory(rating=None)

    refused_by_database(
        lambda: Review.objects.filter(pk=review.pk).update(status=ReviewStatus.SUBMITTED)
    )


def test_database_refuses_approved_review_without_approval_date():
    review = ReviewFactory()

    refused_by_database(
        lambda: Review.objects.filter(pk=review.pk).update(status=ReviewStatus.APPROVED)
    )


def test_database_refuses_correction_without_public_note():
    refused_by_database(lambda: ReviewFactory(correction_kind="rating_change", public_note=""))


def test_database_refuses_request_for_changes_without_comment():
    refused_by_database(
        lambda: Signoff.objects.create(
            review=ReviewFactory(),
            reviewer=ReviewFactory().author,
            decision=SignoffDecision.REQUEST_CHANGES,
        )
    )


def test_database_refuses_correction_entry_without_note():
    refused_by_database(
        lambda: PublicationEntryFactory(kind="correction", correction_kind="clarification")
    )


def test_claim_events_are_append_only():
    event = ClaimEventFactory()
    event.note = "rewritten"

    with pytest.raises(ValidationError):
        event.save()
    refused_by_database(lambda: ClaimEvent.objects.filter(pk=event.pk).update(note="x"))


def test_publication_entries_cannot_be_rewritten():
    entry = PublicationEntryFactory()

    refused_by_database(
        lambda: PublicationEntry.objects.filter(pk=entry.pk).update(note="never happened")
    )


def test_rating_str_and_ordering_put_non_verdicts_last():
    labels = list(Rating.objects.filter(scale__is_default=True).values_list("label", flat=True))

    assert labels[-2:] == ["Not a claim", "Unverifiable"]
