"""The seed article (a Sputnik report of Lavrov's remarks), pinned on what an editor needs."""

from claims.suggest import suggest

from .helpers import check_spans


def _containing(result, words):
    return [c for c in result.candidates if words in c.text]


def test_seed_spans_are_exact_and_inside_their_statements(seed_text, seed_result):
    check_spans(seed_text, seed_result)


def test_seed_noise_lines_are_classified_with_reasons(seed_result):
    reasons = {p.index: (p.kind, p.reason) for p in seed_result.paragraphs}

    assert reasons[0] == ("noise", "metadata line")
    assert reasons[1] == ("noise", "timestamp")
    assert reasons[2] == ("noise", "photo credit")
    assert reasons[3] == ("noise", "photo credit")
    assert reasons[4] == ("noise", "being updated")
    assert reasons[9] == ("noise", "related-article stamp")


def test_seed_subheads_are_headings(seed_text, seed_result):
    headings = [seed_text[p.start : p.end] for p in seed_result.paragraphs if p.kind == "heading"]

    assert headings == [
        "Western Russophobia, Racism Toward Everything Russian Cultivated at Highest Level",
        "Russia Reacted Positively to Ukraine's Proposals Received in Istanbul - Lavrov",
    ]


def test_seed_repeated_paragraph_is_flagged_and_not_suggested_twice(seed_result):
    repeats = [p for p in seed_result.paragraphs if p.kind == "repeat"]

    assert [(p.index, p.repeat_of, p.reason) for p in repeats] == [(17, 16, "repeats paragraph 16")]
    assert not [c for c in seed_result.candidates if c.paragraph == 17]
    assert len(_containing(seed_result, "We quickly shifted these theses")) == 1


def test_seed_no_candidate_comes_from_noise_or_headings(seed_result):
    set_aside = {p.index for p in seed_result.paragraphs if p.kind != "body"}

    assert seed_result.candidates
    assert not [c for c in seed_result.candidates if c.paragraph in set_aside]


def test_seed_dateline_is_not_part_of_any_candidate(seed_text, seed_result):
    dateline_end = seed_text.index("MOSCOW (Sputnik) - ") + len("MOSCOW (Sputnik) - ")

    first = seed_result.candidates[0]

    assert first.start >= dateline_end
    assert "Sputnik" not in first.text


def test_seed_opening_reported_speech_is_lavrovs_indirect_statement(seed_text, seed_result):
    first = seed_result.candidates[0]

    assert first.kind == "indirect"
    assert first.speaker == "Sergey Lavrov"
    assert first.cue == "said"
    assert seed_text[first.statement_start : first.statement_end] == (
        "NATO expansion has nothing to do with the fulfillment of statutory goals, it is the "
        "development of territories under the command of the United States in line with "
        "strengthening the unipolar world"
    )


def test_seed_every_quote_is_lavrovs_whatever_it_calls_him(seed_result):
    direct = [c for c in seed_result.candidates if c.kind == "direct"]

    assert {c.speaker for c in direct} == {"Sergey Lavrov"}
    assert {c.cue for c in direct} == {"said", "added"}


def test_seed_the_diplomat_is_lavrov_not_someone_he_mentions(seed_result):
    (zelensky,) = _containing(seed_result, "team that Zelensky nominated")

    assert zelensky.kind == "direct"
    assert zelensky.speaker == "Sergey Lavrov"
    assert zelensky.reported_speaker is None


def test_seed_quote_statement_is_the_quoted_text_without_marks_or_comma(seed_text, seed_result):
    (russophobia,) = _containing(seed_result, "Russophobia and real racism")

    quoted = seed_text[russophobia.statement_start : russophobia.statement_end]

    assert quoted == (
        "Especially now, when Russophobia and real racism toward all Russians is being "
        "cultivated at the highest level"
    )


def test_seed_trudeau_is_reported_inside_lavrovs_quote(seed_result):
    relayed = [c for c in seed_result.candidates if c.reported_speaker]

    assert [c.text for c in relayed] == [
        "it was necessary to punish [Russian President Vladimir] Putin and all those who "
        "support him",
        "not only Russia, but all Russians will pay for what is happening",
    ]
    assert {(c.speaker, c.reported_speaker, c.kind) for c in relayed} == {
        ("Sergey Lavrov", "Justin Trudeau", "direct")
    }


def test_seed_trudeau_without_known_speakers_is_his_surname(seed_text):
    result = suggest(seed_text)

    relayed = {(c.speaker, c.reported_speaker) for c in result.candidates if c.reported_speaker}

    assert relayed == {("Sergey Lavrov", "Trudeau")}


def test_seed_putinsaid_typo_is_putin_saying(seed_text, seed_result):
    (forced,) = _containing(seed_result, "forced measure")

    assert forced.kind == "indirect"
    assert forced.speaker == "Vladimir Putin"
    assert forced.cue == "said"
    assert forced.text == (
        "the military operation was a forced measure due to the Ukrainian aggression against "
        "Donbas and the proximity of NATO forces to the Russian border"
    )
    assert "causal" in forced.reasons


def test_seed_putin_gets_his_full_name_without_known_speakers(seed_text):
    result = suggest(seed_text)

    (forced,) = _containing(result, "forced measure")

    assert forced.speaker == "Vladimir Putin"


def test_seed_closing_paragraph_is_the_outlets_narration(seed_result):
    (guarantees,) = _containing(seed_result, "Moscow specifically requested guarantees")

    assert guarantees.kind == "narration"
    assert guarantees.speaker == "Sputnik"
    assert guarantees.cue is None


def test_seed_quote_paraphrasing_the_lead_points_to_it(seed_result):
    lead = seed_result.candidates[0]
    (restated,) = _containing(seed_result, "This simply shows that NATO expansion")

    assert lead.text.startswith(
        "NATO expansion has nothing to do with the fulfillment of statutory goals, it is the "
    )
    assert restated.duplicate_of == 0
    assert restated.kind == "direct"


def test_seed_rhetorical_question_scores_below_a_dated_fact(seed_result):
    (question,) = _containing(seed_result, "how can they strengthen the security")
    (dated,) = _containing(seed_result, "In late 2021, Russia published")

    assert "rhetorical question" in question.reasons
    assert {"date", "number"} <= set(dated.reasons)
    assert question.checkworthiness < dated.checkworthiness


def test_seed_speakers_are_those_speaking_or_introduced_with_a_role(seed_result):
    assert seed_result.speakers == [
        "Sergey Lavrov",
        "Sputnik",
        "Antony Blinken",
        "Justin Trudeau",
        "Vladimir Putin",
    ]
