"""Hybrid matching (`claims.matching.hybrid`): candidates by meaning from the shared vector index
and by words from the database's full-text index, one score, the reasons, the figure check, the
language filter and the preference for recent claims; and what the desk shows of it."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from claims.matching import hybrid
from claims.matching.embeddings import embed
from claims.models import Claim
from claims.suggestions import similar_claims
from tests.factories import ClaimFactory, SourceFactory, StatementFactory

pytestmark = pytest.mark.django_db


def claim_in(language: str, text: str, **fields) -> Claim:
    statement = StatementFactory(source=SourceFactory(language=language))
    return ClaimFactory(statement=statement, text=text, **fields)


def test_a_translation_is_found_by_meaning_with_its_languages(claims):
    embed()

    french = "Le salaire minimum a augmenté plus vite que l'inflation l'an dernier."
    [matches] = hybrid.find([french])

    assert matches[0].claim_id == claims["wages"].pk
    assert matches[0].meaning is not None and matches[0].meaning >= hybrid.suggest_at()
    assert matches[0].score == max(matches[0].meaning, matches[0].words)
    assert all(match.claim_id != claims["nato"].pk for match in matches)


def test_words_find_a_claim_that_has_no_vector_yet(claims):
    # Nothing embedded: only the full-text index can find it.
    [matches] = hybrid.find(["NATO admitted Montenegro, North Macedonia and Albania after 2009"])

    assert [match.claim_id for match in matches] == [claims["nato"].pk]
    assert matches[0].meaning is None
    assert matches[0].words >= hybrid.suggest_at()
    assert {"Montenegro", "Macedonia", "Albania", "2009"} <= set(matches[0].shared)


def test_a_claim_found_by_words_is_scored_by_its_stored_vector_too(claims):
    embed()

    [matches] = hybrid.find(["NATO admitted Montenegro, North Macedonia and Albania after 2009."])

    assert matches[0].claim_id == claims["nato"].pk
    assert matches[0].meaning == pytest.approx(1.0, abs=0.01)


def test_a_changed_figure_is_labelled_with_both_figures():
    claim = ClaimFactory(text="The minister said taxes rose by 5% last year.")
    embed()

    [matches] = hybrid.find(["The minister said taxes rose by 50% last year."])

    assert matches[0].claim_id == claim.pk
    assert matches[0].different_figure
    assert [f.text for f in matches[0].figures.left] == ["50%"]
    assert [f.text for f in matches[0].figures.right] == ["5%"]
    assert not hybrid.linkable(
        "The minister said taxes rose by 50% last year.", score=1.0, figures="different"
    )


def test_the_desk_shows_the_reasons_and_the_figures_side_by_side():
    ClaimFactory(text="The minister said taxes rose by 5% last year.")
    embed()

    [match] = similar_claims("The minister said taxes rose by 50% last year.", language="en")

    assert match["different_figure"] is True
    assert match["reasons"]["figures"] == "different"
    assert match["reasons"]["new_figures"] == ["50%"]
    assert match["reasons"]["earlier_figures"] == ["5%"]
    assert match["reasons"]["languages"] == ["en", "en"]
    assert "same claim, different figure: 50% here, 5% before" in match["why"]


def test_matching_can_be_limited_to_a_language():
    english = claim_in("en", "Rents in the capital doubled within ten years.")
    spanish = claim_in("es", "Los alquileres en la capital se duplicaron en diez años.")
    embed()
    query = "Rents in the capital doubled in ten years."

    everywhere = {match.claim_id for match in hybrid.find([query])[0]}
    in_spanish = {match.claim_id for match in hybrid.find([query], language="es")[0]}

    assert {english.pk, spanish.pk} <= everywhere
    assert in_spanish == {spanish.pk}


def test_of_two_equal_matches_the_recent_claim_comes_first():
    text = "Most regional trains arrived late during the winter."
    old = ClaimFactory(text=text)
    new = ClaimFactory(text=text)
    Claim.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=800))
    Claim.objects.filter(pk=new.pk).update(created_at=timezone.now())
    embed()

    [matches] = hybrid.find([text])

    assert [match.claim_id for match in matches] == [new.pk, old.pk]
    assert matches[0].score == matches[1].score
    assert matches[0].rank > matches[1].rank


def test_age_counts_for_nothing_when_the_penalty_is_off(settings):
    settings.FACTCHECK_MATCH_AGE_PENALTY = 0
    text = "Most regional trains arrived late during the winter."
    old, new = ClaimFactory(text=text), ClaimFactory(text=text)
    Claim.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=800))
    embed()

    [matches] = hybrid.find([text])

    assert matches[0].rank == matches[1].rank == matches[0].score
    # Equal ranks: the newer claim first, so the order never depends on the index.
    assert [match.claim_id for match in matches] == [new.pk, old.pk]


def test_excluded_claims_and_unrelated_ones_never_match(claims):
    embed()

    [matches] = hybrid.find(
        ["The minimum wage rose faster than inflation last year."],
        exclude={claims["wages"].pk},
    )

    assert all(match.claim_id != claims["wages"].pk for match in matches)
    assert all(match.score >= hybrid.suggest_at() for match in matches)


@pytest.mark.parametrize(
    ("text", "score", "figures", "expected"),
    [
        ("The minimum wage rose faster than inflation last year.", 0.97, "none", True),
        ("The minimum wage rose faster than inflation last year.", 0.97, "same", True),
        ("The minimum wage rose faster than inflation last year.", 0.9, "none", False),
        ("The minimum wage rose by 5% last year, above prices.", 0.99, "different", False),
        ("Wages rose.", 0.99, "none", False),  # too few words to trust a likeness
    ],
)
def test_what_may_be_linked_without_an_editor(text, score, figures, expected):
    assert hybrid.linkable(text, score=score, figures=figures) is expected


def test_no_texts_no_work(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert hybrid.find([]) == []
