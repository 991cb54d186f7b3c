"""Atomic claims, check-worthiness and restatements."""

import pytest

from claims.suggest import suggest
from claims.suggest.scoring import checkworthiness

from .helpers import check_spans


def _texts(text, **kwargs):
    return [c.text for c in suggest(text, **kwargs).candidates]


def test_clauses_joined_by_and_stay_one_claim_and_but_splits_them():
    text = (
        "The army took the town on Monday, and the mayor fled to the capital, "
        "but the bridge was still standing."
    )

    assert _texts(text) == [
        "The army took the town on Monday, and the mayor fled to the capital",
        "the bridge was still standing.",
    ]


def test_and_followed_by_a_cue_starts_a_report_of_its_own():
    text = (
        "The minister said the budget was balanced, and added that taxes would fall by 2% "
        "next year."
    )

    assert _texts(text)[-1] == "taxes would fall by 2% next year"


def test_a_short_clause_after_a_semicolon_completes_the_one_before():
    text = "In the poll, 22 percent supported the idea; 72 percent opposed."

    assert _texts(text) == ["22 percent supported the idea; 72 percent opposed"]


def test_a_semicolon_splits_clauses_and_a_comma_splice_stays_one_claim():
    text = "Costs fell by 6%; margins rose to 12%. Prices rose sharply, they are still rising."

    assert _texts(text) == [
        "Costs fell by 6%",
        "margins rose to 12%.",
        "Prices rose sharply, they are still rising.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Not only Russia, but all Russians will pay.",
        "In Istanbul, for the first time, we received proposals on paper.",
        "They met in Paris, London and Berlin, and in Rome.",
    ],
)
def test_atomic_leading_phrases_and_lists_are_not_cut(text):
    assert _texts(text) == [text]


def test_atomic_candidates_are_contiguous_exact_spans():
    text = '  "We won, and they lost; it is all over now," he said.   \n\nShe left.  '

    result = suggest(text)

    check_spans(text, result)
    assert [c.text for c in result.candidates] == ["We won, and they lost", "it is all over now"]


def test_atomic_fragments_too_short_to_claim_anything_are_dropped():
    text = '"No," the minister said. "We have never sent troops to the border," he added.'

    assert _texts(text) == ["We have never sent troops to the border"]


def test_checkworthiness_reasons_for_a_factual_sentence():
    score, reasons = checkworthiness(
        "Unemployment rose to 5.2% in March 2023, the highest level since 2015, because "
        "factories in Ohio closed."
    )

    assert {"number", "percentage", "date", "named entity", "comparison", "causal"} <= set(reasons)
    assert score > 0.8


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Why would anyone believe such nonsense?", "rhetorical question"),
        ("We are ready to continue the talks next week.", "intention"),
        ("This is an absurd and shameful policy.", "opinion"),
        ("Some things happened.", "vague"),
    ],
)
def test_checkworthiness_low_signals_lower_the_score(text, reason):
    score, reasons = checkworthiness(text)

    assert reason in reasons
    assert score < 0.3


def test_checkworthiness_is_a_hint_every_candidate_is_kept():
    text = "We hope for better things. The plant closed in 2019 and 400 people lost jobs."

    result = suggest(text)

    assert [c.text for c in result.candidates] == [
        "We hope for better things.",
        "The plant closed in 2019 and 400 people lost jobs.",
    ]
    assert result.candidates[0].checkworthiness < result.candidates[1].checkworthiness


def test_a_question_without_a_figure_is_no_candidate():
    text = "Why would anyone believe this? The plant closed in 2019 and 400 people lost jobs."

    result = suggest(text)

    assert [c.text for c in result.candidates] == [
        "The plant closed in 2019 and 400 people lost jobs.",
    ]


def test_duplicate_restatement_points_to_the_first_candidate():
    text = (
        "Mayor Jo Park said that the city hired 300 new teachers last year.\n"
        "The council met on Tuesday to discuss the harbour.\n"
        '"Last year the city hired 300 new teachers," Park said.'
    )

    result = suggest(text)

    assert [c.duplicate_of for c in result.candidates] == [None, None, 0]


def test_duplicate_is_not_claimed_for_different_facts():
    text = (
        "The city hired 300 new teachers last year.\n"
        "The city closed 12 schools and sold the land to developers."
    )

    assert [c.duplicate_of for c in suggest(text).candidates] == [None, None]


def test_empty_and_blank_texts_give_nothing():
    for text in ("", "   \n\n  "):
        result = suggest(text)

        assert (result.paragraphs, result.candidates, result.speakers) == ([], [], [])


def test_duplicate_requires_the_same_figures():
    text = (
        "The strike closed the port, and 791 people lost their jobs.\n"
        "The storm closed the mine, and 239 people lost their jobs."
    )

    assert [c.duplicate_of for c in suggest(text).candidates] == [None, None]


@pytest.mark.parametrize(
    "text", ["Good afternoon, everyone.", "Thank you, Karine.", "Oh, it's so good to be here."]
)
def test_checkworthiness_courtesies_score_lowest(text):
    score, reasons = checkworthiness(text)

    assert "courtesy" in reasons
    assert score < 0.1


def test_checkworthiness_a_change_over_time_is_a_comparison():
    score, reasons = checkworthiness("For the sixth month in a row, inflation has come down.")

    assert {"number", "comparison"} <= set(reasons)
    assert score >= 0.5


def test_a_short_phrase_without_a_verb_opens_the_clause_after_its_comma():
    for text in (
        "Shortly after 3pm, there were reports of an injured prisoner at the gate.",
        "On May 25th, it was time for a demonstration with 4,000 people in Porto Alegre.",
        "2002 World Cup, we won bronze against 12 other teams.",
    ):
        assert _texts(text) == [text], text


def test_a_contrast_with_whereas_or_while_is_one_claim():
    for text in (
        "Infected ants chose food laced with peroxide, whereas healthy ants avoided it.",
        "Exports rose 5% in the quarter, while imports fell 2%.",
    ):
        assert _texts(text) == [text], text


def test_a_paragraph_with_figures_of_its_own_is_no_repeat_or_summary():
    text = (
        "Deal\n\nMarvin Sambur said the deal cost 4 billion dollars.\n\n"
        "Marvin Sambur said the deal cost 5 billion dollars.\n\n"
        "Marvin Sambur said the deal cost 5 billion dollars.\n"
    )

    assert [c.text for c in suggest(text).candidates] == [
        "the deal cost 4 billion dollars",
        "the deal cost 5 billion dollars",
    ]


def test_a_dash_never_cuts_a_claim():
    for text in (
        "974 people are currently in hospital – that is an increase of 23 from yesterday.",
        "For Frelimo, 2005 will mark its 30th year in power — uninterrupted since 1975.",
    ):
        assert _texts(text) == [text], text


def test_so_far_and_so_many_keep_their_so():
    for text in (
        "So far, we have helped 4,000 families this winter.",
        "So many people died in 2020.",
    ):
        assert _texts(text) == [text], text
