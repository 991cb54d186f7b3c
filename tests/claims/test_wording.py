"""A claim's wording (claims.wording): a complete sentence, in the third person, naming who it
is about; and the rewording suggested from the statement's speaker."""

import pytest

from claims.wording import check_lines, check_wording, reword


def codes(text: str, speaker: str = "") -> list[str]:
    return [problem.code for problem in check_wording(text, speaker).problems]


@pytest.mark.parametrize(
    "text",
    [
        "Unemployment fell to 3.9% in May.",
        "Dana Ortiz said the economy created 250,000 jobs last month.",
        "The US economy grew by 2% in 2023.",  # "US" is not "us"
        "Did the budget rise by 4%?",
    ],
)
def test_a_claim_in_the_desks_words_has_no_problem(text):
    check = check_wording(text, "Dana Ortiz")

    assert check.problems == ()
    assert check.suggestion == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Unemployment", ["short", "no_full_stop"]),
        ("unemployment fell to 3.9% in May.", ["lowercase_start"]),
        ("Unemployment fell to 3.9% in May", ["no_full_stop"]),
        ("We created 250,000 jobs last month.", ["first_person"]),
        ("Wages grew faster under our plan.", ["first_person"]),
        ("I never raised taxes.", ["first_person"]),
        ("She added that wages grew.", ["bare_pronoun"]),
        ("This is the biggest rise in a decade.", ["bare_pronoun"]),
        ("they're wrong", ["short", "lowercase_start", "no_full_stop", "bare_pronoun"]),
    ],
)
def test_each_problem_is_named(text, expected):
    assert codes(text) == expected


@pytest.mark.parametrize(
    ("text", "speaker", "expected"),
    [
        (
            '"We created 250,000 jobs last month,"',
            "Dana Ortiz",
            "Dana Ortiz created 250,000 jobs last month.",
        ),
        ("we want more teachers", "Jo Park", "Jo Park wants more teachers."),
        ("We are the largest employer", "Acme", "Acme is the largest employer."),
        ("We never said that", "The ministry", "The ministry never said that."),
        ("I'm proud of our record", "Jo Park", "Jo Park is proud of Jo Park’s record."),
        ("She added that wages grew", "Dana Ortiz", "Dana Ortiz added that wages grew."),
        ("his budget rose by 4%", "Jo Park", "Jo Park’s budget rose by 4%."),
        (
            "Our ministers met us",
            "Defence Ministry",
            "Defence Ministry’s ministers met Defence Ministry.",
        ),
        (
            "It is false",
            "Dana Ortiz",
            "It is false.",
        ),  # "it" is not the speaker: left to the editor
    ],
)
def test_the_rewording_uses_the_speakers_name_a_capital_and_a_full_stop(text, speaker, expected):
    assert check_wording(text, speaker).suggestion == expected


def test_without_a_speaker_the_rewording_only_mends_the_sentence():
    assert reword("we created jobs,") == "We created jobs."


def test_each_line_of_a_field_is_one_claim():
    checks = check_lines("We created jobs.\n\n  \nPrices fell 3% in May.", "Dana Ortiz")

    assert [c.text for c in checks] == ["We created jobs.", "Prices fell 3% in May."]
    assert [bool(c.problems) for c in checks] == [True, False]


def test_an_empty_text_has_nothing_to_say():
    assert check_wording("   ").problems == ()


def test_a_contracted_pronoun_at_the_start_becomes_the_name_and_its_verb():
    assert check_wording("they're wrong about the figures", "The ministry").suggestion == (
        "The ministry is wrong about the figures."
    )
