"""Who said what, on small articles of different shapes."""

from claims.suggest import KnownSpeaker, suggest

from .helpers import check_spans, read_article


def _by_text(result):
    return {c.text: c for c in result.candidates}


def _one(result, words):
    (found,) = [c for c in result.candidates if words in c.text]
    return found


def test_reuters_dateline_article_attributes_each_statement():
    text = read_article("reuters_dateline.txt")

    result = suggest(text, outlet="Reuters")

    check_spans(text, result)
    assert [(c.kind, c.speaker, c.cue) for c in result.candidates] == [
        ("indirect", "Janet Yellen", "said"),
        ("direct", "Janet Yellen", "told"),
        ("direct", "Janet Yellen", "told"),
        ("indirect", "Janet Yellen", "added"),
        ("indirect", "Labor Department", "according to"),
        ("narration", "Reuters", None),
        ("direct", "Mitch Brown", "said"),
        ("indirect", "Labor Department", "said"),
    ]


def test_reuters_dateline_and_byline_never_reach_a_candidate():
    text = read_article("reuters_dateline.txt")

    result = suggest(text)

    first = result.candidates[0]
    assert first.text == "inflation had fallen to 3.2% in May, the lowest level in two years"
    assert not [c for c in result.candidates if "Reuters" in c.text or "Jane Doe" in c.text]
    assert {"number", "percentage", "date", "comparison"} <= set(first.reasons)


def test_according_to_at_the_start_reports_the_clause_after_the_comma():
    text = read_article("reuters_dateline.txt")

    jobs = _one(suggest(text), "272,000")

    assert jobs.text == "employers added 272,000 jobs in May"
    assert (jobs.kind, jobs.speaker, jobs.cue) == ("indirect", "Labor Department", "according to")


def test_according_to_at_the_end_reports_the_clause_before_it():
    text = "Unemployment fell to 3.9% in April, according to the Office for National Statistics."

    (candidate,) = suggest(text).candidates

    assert candidate.text == "Unemployment fell to 3.9% in April"
    assert candidate.speaker == "Office for National Statistics"


def test_pronoun_after_a_narration_subject_means_that_subject():
    text = read_article("reuters_dateline.txt")

    pain = _one(suggest(text), "grocery store")

    assert pain.speaker == "Mitch Brown"


def test_alternating_speakers_with_roles_and_pronouns():
    text = read_article("alternating_speakers.txt")

    result = suggest(text)

    check_spans(text, result)
    assert _one(result, "£40 million").speaker == "Sarah Collins"
    assert _one(result, "closer to £65 million").speaker == "David Okafor"
    assert _one(result, "simply false").speaker == "Sarah Collins"  # "the mayor replied"
    assert _one(result, "checked the numbers").speaker == "Sarah Collins"  # continues
    assert _one(result, "31 votes to 12").speaker == "Sarah Collins"  # "She said"
    assert _one(result, "inflation spike").speaker == "David Okafor"  # "The leader insisted"


def test_speaker_before_with_colon_gives_a_direct_quote():
    text = read_article("alternating_speakers.txt")

    cost = _one(suggest(text), "£40 million")

    assert (cost.kind, cost.cue) == ("direct", "said")
    assert cost.text == (
        "The bridge will cost £40 million, and every penny of it is already in the budget."
    )
    assert text[cost.statement_start : cost.statement_end] == (
        "The bridge will cost £40 million, and every penny of it is already in the budget."
    )


def test_quote_first_with_inverted_speaker_and_continued_quote():
    text = read_article("quote_first_inverted.txt")

    result = suggest(text)

    check_spans(text, result)
    assert [(c.kind, c.speaker) for c in result.candidates] == [
        ("direct", "Maria Lopez"),
        ("direct", "Maria Lopez"),  # a quote carried on into the next paragraph
        ("direct", "Maria Lopez"),
        ("narration", None),
        ("direct", "Ken Ito"),
    ]
    assert "Maria Lopez" in result.speakers and "Ken Ito" in result.speakers


def test_british_single_quotes_and_appositive_names():
    text = read_article("british_quotes.txt")

    result = suggest(text)

    check_spans(text, result)
    assert [(c.kind, c.speaker) for c in result.candidates] == [
        ("indirect", "Rachel Green"),  # "The Chancellor, Rachel Green, said"
        ("direct", "Rachel Green"),  # "she said"
        ("direct", "Paul Hart"),
    ]


def test_press_release_without_quotes_is_all_narration():
    text = read_article("press_release.txt")

    result = suggest(text, outlet="Acme Robotics")

    check_spans(text, result)
    # "Acme Robotics Inc. today reported revenue of ...": its own report, by the outlet's name
    assert {c.speaker for c in result.candidates} == {"Acme Robotics"}
    assert {c.kind for c in result.candidates} == {"narration", "indirect"}
    assert not [c for c in result.candidates if "PRNewswire" in c.text]
    assert result.speakers == ["Acme Robotics"]
    kinds = {text[p.start : p.end]: p.kind for p in result.paragraphs}
    assert kinds["About Acme Robotics"] == "heading"
    assert kinds["Media contact: press@acme.example"] == "noise"


def test_unattributed_narration_has_no_speaker_without_an_outlet():
    text = "The bridge opened in 2020 and carries 40,000 cars a day."

    (candidate,) = suggest(text).candidates

    assert (candidate.kind, candidate.speaker, candidate.cue) == ("narration", None, None)


def test_known_speaker_aliases_map_to_the_desk_name():
    text = 'Sergei Lavrov spoke on Monday. "NATO is expanding eastward," Lavrov said.'
    known = [KnownSpeaker("Sergey Lavrov", ("Sergei Lavrov", "Lavrov"))]

    result = suggest(text, speakers=known)

    assert _one(result, "NATO is expanding").speaker == "Sergey Lavrov"


def test_spelling_variant_of_a_first_name_is_the_same_person_without_the_desk():
    text = (
        "Russian Foreign Minister Sergey Lavrov spoke on Monday.\n"
        '"NATO is expanding eastward," Sergei Lavrov said.'
    )

    result = suggest(text)

    assert _one(result, "NATO is expanding").speaker == "Sergey Lavrov"


def test_glued_cue_typo_is_read_as_name_and_cue():
    text = (
        "German Chancellor Olaf Scholz met reporters on Friday.\n"
        "Scholzsaid that Germany had sent 14 tanks to Ukraine."
    )

    tanks = _one(suggest(text), "14 tanks")

    assert (tanks.kind, tanks.speaker, tanks.cue) == ("indirect", "Olaf Scholz", "said")
    assert tanks.text == "Germany had sent 14 tanks to Ukraine"


def test_role_prefers_the_current_speaker_over_someone_quoted():
    text = (
        "Foreign Minister Anna Berg said on Monday that talks had failed.\n"
        '"I told Ambassador Tom Vries that we would not sign," the diplomat said.'
    )

    quote = _one(suggest(text), "would not sign")

    assert quote.speaker == "Anna Berg"


def test_inline_quoted_phrase_is_not_a_direct_statement():
    text = 'The minister called the plan a "dangerous gamble" on Monday, reporters said.'

    (candidate,) = suggest(text).candidates

    assert candidate.kind == "indirect"
    assert candidate.text == 'The minister called the plan a "dangerous gamble" on Monday'
    assert candidate.speaker == "reporters"


def test_said_at_the_end_of_a_sentence_attributes_the_clause_before():
    text = "Senator Ann Lee arrived.\nThe tax cut will cost $2 trillion over ten years, she said."

    cost = _one(suggest(text), "$2 trillion")

    assert (cost.kind, cost.speaker) == ("indirect", "Ann Lee")
    assert cost.text == "The tax cut will cost $2 trillion over ten years"


def test_adding_that_after_a_quote_is_more_of_the_speakers_words():
    text = '"We will win it," Mayor Jo Park said, adding that the city had hired 300 new teachers.'

    result = suggest(text)

    assert [(c.kind, c.speaker, c.text) for c in result.candidates] == [
        ("direct", "Jo Park", "We will win it"),
        ("indirect", "Jo Park", "the city had hired 300 new teachers"),
    ]


def test_reported_speech_inside_a_quote_names_both_speakers():
    text = (
        "Prime Minister Lena Holt spoke in Oslo.\n"
        '"President Marc Dubois said that France would send 30 jets, and added that it '
        'would pay for them," Holt said.'
    )

    result = suggest(text)

    quoted = [c for c in result.candidates if c.kind == "direct"]
    assert [(c.speaker, c.reported_speaker, c.text) for c in quoted] == [
        ("Lena Holt", "Marc Dubois", "France would send 30 jets"),
        ("Lena Holt", "Marc Dubois", "it would pay for them"),
    ]


def test_a_group_of_officials_is_not_resolved_to_one_person():
    text = (
        "Mayor Jo Park spoke on Monday.\n"
        "According to officials in Ankara, the railway grew by 11% last year."
    )

    railway = _one(suggest(text), "railway")

    assert (railway.kind, railway.speaker) == ("indirect", "officials")


def test_a_known_role_alias_needs_its_speaker_in_the_article():
    text = "The minister said that taxes would rise by 2% next year."
    known = [KnownSpeaker("Sergey Lavrov", ("Lavrov", "the minister"))]

    (taxes,) = suggest(text, speakers=known).candidates

    assert taxes.speaker == "The minister"


def test_the_minister_is_not_the_prime_minister():
    text = (
        "Prime Minister Lena Holt and Foreign Minister Anna Berg met in Oslo.\n"
        '"Prime Minister Holt is wrong about the 30 jets," the minister said.'
    )

    jets = _one(suggest(text), "30 jets")

    assert jets.speaker == "Anna Berg"


def test_according_to_inside_a_quote_is_reported_speech():
    text = (
        "Foreign Minister Anna Berg spoke on Tuesday.\n"
        '"According to the Pentagon, 3,000 US troops arrived in Poland last week," Berg said.'
    )

    troops = _one(suggest(text), "3,000")

    assert (troops.kind, troops.speaker, troops.reported_speaker) == (
        "direct",
        "Anna Berg",
        "Pentagon",
    )
    assert troops.text == "3,000 US troops arrived in Poland last week"


def test_inverted_and_interrupted_quotes_keep_their_speaker():
    text = (
        "Russian Foreign Minister Sergey Lavrov spoke on Tuesday.\n"
        '"NATO is a threat to Russia," said Lavrov. "We are ready to talk," he said, "but '
        'they are not listening."'
    )

    result = suggest(text)

    assert [(c.speaker, c.text) for c in result.candidates if c.kind == "direct"] == [
        ("Sergey Lavrov", "NATO is a threat to Russia"),
        ("Sergey Lavrov", "We are ready to talk"),
        ("Sergey Lavrov", "they are not listening."),
    ]
