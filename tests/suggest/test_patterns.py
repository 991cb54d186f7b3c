"""Attribution patterns of English news, each on sentences written for the test."""

import pytest

from claims.suggest import suggest
from claims.suggest.quotes import find_quotes

from .helpers import check_spans


def _one(result, words):
    (found,) = [c for c in result.candidates if words in c.text]
    return found


# --- a later "that" is not "said that" ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "claim"),
    [
        (
            "The minister said exports rose 5 percent in the quarter that ended in June.",
            "exports rose 5 percent in the quarter that ended in June",
        ),
        (
            "The mayor said on that front the city had hired 40 inspectors.",
            "on that front the city had hired 40 inspectors",
        ),
        (
            "The chief executive told investors on Monday that sales fell 8% in May.",
            "sales fell 8% in May",
        ),
    ],
)
def test_that_opens_the_reported_clause_only_next_to_the_cue(sentence, claim):
    (candidate,) = suggest(sentence).candidates

    assert candidate.text == claim
    assert candidate.kind == "indirect"


# --- the speaker after the clause, and other shapes ---------------------------------------


def test_speaker_after_the_clause_behind_but():
    text = "Officials say the dam is safe, but engineer Maria Tanaka has said it leaks."

    result = suggest(text)

    assert _one(result, "the dam is safe").speaker is not None


def test_opening_time_phrase_before_the_speaker():
    text = "Last week Senator Paula Grant revealed that the fund had lost $40 million."

    (candidate,) = suggest(text).candidates

    assert (candidate.speaker, candidate.cue) == ("Paula Grant", "revealed")
    assert candidate.text == "the fund had lost $40 million"


def test_speaker_who_has_always_denied():
    text = "Mayor Ken Obi has always denied that the contract cost $9 million."

    (candidate,) = suggest(text).candidates

    assert (candidate.speaker, candidate.cue) == ("Ken Obi", "denied")


def test_partial_quote_then_the_speaker():
    text = 'Profits were "hit hard by the strike," chief executive Anna Weiss said.'

    (candidate,) = suggest(text).candidates

    assert candidate.speaker == "Anna Weiss"
    assert "hit hard by the strike" in candidate.text


def test_said_followed_by_a_clause_without_that():
    text = "Police Chief Dan Cole said the company expects 300 arrests a year."

    (candidate,) = suggest(text).candidates

    assert (candidate.speaker, candidate.text) == (
        "Dan Cole",
        "the company expects 300 arrests a year",
    )


def test_apposition_after_the_verb_is_someone_new():
    text = (
        "Nurse Ines Moro said the ward was full.\n"
        '"The doors were locked at 9 p.m.," said another witness, a 34-year-old driver.'
    )

    doors = _one(suggest(text), "doors were locked")

    assert doors.speaker == "another witness"


def test_straight_and_curly_quote_marks_mixed():
    text = '“The plant will close in 2026," the company said. "We have no buyer.”'

    result = suggest(text)

    assert [c.text for c in result.candidates] == [
        "The plant will close in 2026",
        "We have no buyer.",
    ]
    assert {c.speaker for c in result.candidates} == {"the company"}


@pytest.mark.parametrize(
    ("sentence", "cue"),
    [
        ("Engineer Lars Berg testified that the valve had failed twice.", "testified"),
        ("Governor Ruth Lane argued that the tax raised $3 billion.", "argued"),
        ("Minister Aya Sato acknowledged that 12 schools had closed.", "acknowledged"),
        ("The regulator warned that 40% of banks lacked capital.", "warned"),
        ("Coach Tim Hale insisted the team had lost only twice.", "insisted"),
    ],
)
def test_more_cue_verbs(sentence, cue):
    (candidate,) = suggest(sentence).candidates

    assert candidate.cue == cue
    assert candidate.kind == "indirect"


def test_described_as_gives_the_speakers_judgement():
    text = "Senator Maya Ruiz described the budget as the largest cut since 1990."

    (candidate,) = suggest(text).candidates

    assert candidate.speaker == "Maya Ruiz"
    assert "largest cut since 1990" in candidate.text


def test_weighed_in_saying_is_the_subjects():
    text = "Economist Jo Hart weighed in on Tuesday, saying wages fell 2% in real terms."

    (candidate,) = suggest(text).candidates

    assert (candidate.speaker, candidate.cue) == ("Jo Hart", "saying")
    assert candidate.text == "wages fell 2% in real terms"


def test_coordinated_verb_keeps_the_sentences_subject():
    text = (
        "One of the strike leaders, Rosa Vidal, called a news conference and stated that "
        "the company had fired 300 workers."
    )

    result = suggest(text, outlet="Courier")

    assert [(c.speaker, c.text) for c in result.candidates] == [
        ("Courier", "One of the strike leaders, Rosa Vidal, called a news conference"),
        ("Rosa Vidal", "the company had fired 300 workers"),
    ]


def test_speaker_after_a_colon():
    text = "The reports are alarming: the agency says: 14 villages were flooded overnight."

    (candidate,) = suggest(text).candidates

    assert candidate.speaker == "the agency"


# --- the listener is not the speaker -------------------------------------------------------


def test_the_magazine_told_is_the_listener():
    text = (
        "Senator Paula Grant spoke on Monday.\n"
        '"We will block the bill," she told Newsweek.\n'
        '"It costs $2 trillion," she added.'
    )

    result = suggest(text)

    assert _one(result, "block the bill").speaker == "Paula Grant"
    assert _one(result, "$2 trillion").speaker == "Paula Grant"


def test_telling_someone_is_not_their_words():
    text = (
        "Chief executive Lia Moss met her rival Tom Cook on stage.\n"
        "Our sales doubled in 2023, Moss said, telling Cook that his company had lost 20% of "
        "its customers."
    )

    result = suggest(text)

    assert {c.speaker for c in result.candidates if "2023" in c.text} == {"Lia Moss"}


def test_a_person_named_inside_a_quote_is_not_its_speaker():
    text = (
        "Mayor Jo Park opened the bridge.\n"
        'Residents said the repairs "were promised by Governor Ann Lee, who said they would '
        'take a month" and took a year.'
    )

    result = suggest(text)

    assert {c.speaker for c in result.candidates if "took a year" in c.text} == {"Residents"}


# --- reported speakers ---------------------------------------------------------------------


def test_told_reuters_that_someone_said():
    text = (
        "Union leader Sam Okoro told Reuters that the minister said 2,000 jobs would go in "
        "the spring."
    )

    (candidate,) = suggest(text).candidates

    assert candidate.speaker == "Sam Okoro"
    assert candidate.reported_speaker == "the minister"
    assert candidate.text == "2,000 jobs would go in the spring"


def test_survey_cited_by_a_speaker_is_the_reported_speaker():
    text = (
        "Minister Aya Sato spoke in Osaka.\n"
        '"According to a study by Kobe University, 30% of pupils skip breakfast," Sato said.'
    )

    pupils = _one(suggest(text), "30% of pupils")

    assert (pupils.speaker, pupils.reported_speaker) == ("Aya Sato", "Kobe University")


# --- organisations and groups --------------------------------------------------------------


def test_spokesperson_for_an_organisation_speaks_for_it():
    text = "A spokesperson for the Department of Energy said the plant had shut down twice."

    (candidate,) = suggest(text).candidates

    assert candidate.speaker == "Department of Energy"


def test_authority_and_its_pronoun():
    text = (
        "The Swedish Prosecution Authority said the suspect was arrested on Friday. "
        "It added that 3 other people had been questioned."
    )

    result = suggest(text)

    assert _one(result, "arrested on Friday").speaker == "Swedish Prosecution Authority"
    assert _one(result, "3 other people").speaker == "Swedish Prosecution Authority"


def test_authors_and_they_wrote():
    text = (
        "The study was published in a medical journal on Monday. The authors said the drug "
        "cut deaths by 11%. They wrote that side effects were rare."
    )

    result = suggest(text)

    assert _one(result, "cut deaths by 11%").speaker == "The authors"


def test_finding_cited_with_according_to_carries_to_the_next_sentence():
    text = (
        "Iodine\n\nA study by the Grattan Institute was published on Monday. According to the "
        "study, iodine intake fell by 40% in a decade. Another factor has been the 20% drop in "
        "the use of iodised salt.\n"
    )

    result = suggest(text, outlet="Herald")

    first = _one(result, "fell by 40%")
    later = _one(result, "20% drop")
    assert first.speaker == later.speaker == "Grattan Institute"
    assert later.confidence < first.confidence


def test_finding_of_a_study_does_not_carry_to_the_next_sentence():
    # a fact-checker gives the next sentence, which cites nobody, to the outlet that wrote
    # it: the study is named for the sentence that cites it
    text = (
        "Iodine\n\nThe report, published by a national health body on Monday, found that "
        "iodine intake fell by 40% in a decade. Another factor has been the 20% drop in the "
        "use of iodised salt.\n"
    )

    result = suggest(text)

    assert _one(result, "fell by 40%").speaker == "The report"
    later = _one(result, "20% drop")
    assert later.speaker is None  # no outlet given: narration nobody in the text speaks
    assert later.kind == "narration"


def test_papers_that_name_nobody_are_relayed_by_the_outlet():
    text = (
        "Cinemas\n\nAccording to reports in the past decade, 300 cinema halls have closed.\n\n"
        "According to Turkish media reports, 40 people were detained.\n\n"
        "According to a study published in The Lancet, obesity doubled between 1990 and 2022.\n\n"
        "According to a press release from Acme, 60 people were hired.\n\n"
        "According to Reuters reports, 200 people were hurt.\n"
    )

    result = suggest(text, outlet="Herald")

    def who(words):
        found = _one(result, words)
        return found.speaker, found.reported_speaker, found.text

    assert who("300 cinema") == (
        "Herald",
        "reports in the past decade",
        "300 cinema halls have closed",
    )
    assert who("40 people") == ("Herald", "Turkish media reports", "40 people were detained")
    assert who("obesity") == (
        "Herald",
        "a study published in The Lancet",
        "obesity doubled between 1990 and 2022",
    )
    assert who("60 people")[:2] == ("Acme", None)
    assert who("200 people")[1] is None
    assert "Reuters" in who("200 people")[0]


def test_long_title_before_a_name_is_kept_out_of_the_name():
    text = (
        "Deputy Director of Public Prosecution Eva-Maria Lind said the case had taken three years."
    )

    (candidate,) = suggest(text).candidates

    assert candidate.speaker == "Eva-Maria Lind"


# --- odd whitespace ------------------------------------------------------------------------


def test_no_break_spaces_are_read_as_spaces_and_offsets_kept():
    text = "The\xa0minister said\xa0that exports rose by\xa05\xa0per\xa0cent in\u202fMay."

    result = suggest(text)

    check_spans(text, result)
    (candidate,) = result.candidates
    assert candidate.text == "exports rose by\xa05\xa0per\xa0cent in\u202fMay"
    assert candidate.speaker == "The minister"
    assert "percentage" in candidate.reasons


def test_outlets_clause_before_but_x_says_is_kept():
    text = (
        "There are no official figures on the damage, but the fire service says: 40 homes "
        "burned overnight."
    )

    result = suggest(text, outlet="Courier")

    assert [(c.speaker, c.text) for c in result.candidates] == [
        ("Courier", "There are no official figures on the damage"),
        ("the fire service", "40 homes burned overnight"),
    ]


def test_blog_credited_to_its_author_and_its_quoted_paragraphs():
    text = (
        "Reactions to the sentence\n\n"
        "HarbourNotes, a blog written by retired judge Omar Selim, describes the sentence as "
        "“absurd” and questions the court's haste:\n\n"
        "“The trial lasted 4 days. The defence saw the file 2 hours before it began.\n\n"
        "No court in the region has moved this fast since 1990.”\n\n"
        "Other bloggers were silent."
    )

    result = suggest(text, outlet="Roundup")

    assert _one(result, "4 days").speaker == "Omar Selim"
    assert _one(result, "since 1990").speaker == "Omar Selim"
    assert _one(result, "Other bloggers").speaker == "Roundup"


def test_mid_sentence_attribution_keeps_the_words_on_both_sides():
    text = (
        "The wheat harvest fell by 34 percent last year, the Agriculture Ministry said on "
        "Tuesday, the worst result since records began in 1961."
    )

    result = suggest(text)

    assert [(c.speaker, c.text) for c in result.candidates] == [
        ("Agriculture Ministry", "The wheat harvest fell by 34 percent last year"),
        ("Agriculture Ministry", "the worst result since records began in 1961"),
    ]


def test_two_speakers_in_one_sentence():
    text = (
        "Minister Hana Novak said the state would pay 300 million euros in aid, but "
        "opposition leader Tomas Berg said farmers needed three times as much."
    )

    result = suggest(text)

    assert _one(result, "300 million").speaker == "Hana Novak"
    assert _one(result, "three times as much").speaker == "Tomas Berg"


def test_age_and_relative_clause_between_name_and_cue():
    text = (
        "Farmer Jana Kral, 54, who grows wheat near Brno, said her harvest was the smallest in "
        "30 years."
    )

    (candidate,) = suggest(text).candidates

    assert (candidate.speaker, candidate.text) == (
        "Jana Kral",
        "her harvest was the smallest in 30 years",
    )


def test_a_quote_after_an_attributed_one_in_its_paragraph_is_confident():
    text = '"Rain was low," Minister Hana Novak said. "Farmers lost 2 billion euros."'

    result = suggest(text)

    second = _one(result, "2 billion")
    assert second.speaker == "Hana Novak"
    assert second.confidence >= 0.8


def test_researchers_found_that():
    text = "The researchers found that irrigation would halve the losses."

    (candidate,) = suggest(text).candidates

    assert (candidate.speaker, candidate.cue) == ("The researchers", "found")


def test_a_role_at_an_organisation_without_a_name_is_a_described_speaker():
    text = "The chief executive of Orbis Chips said Thursday that sales fell 18% in May."

    (candidate,) = suggest(text).candidates

    assert candidate.speaker == "The chief executive of Orbis Chips"
    assert candidate.text == "sales fell 18% in May"


def test_data_compiled_by_someone_is_theirs():
    text = "Revenue will reach $2.1 billion, according to data compiled by Bloomberg."

    (candidate,) = suggest(text).candidates

    assert candidate.speaker == "Bloomberg"


def test_a_demonstrative_that_after_a_cue_keeps_the_sentence():
    text = "Mayor Rosa Lind read the report on Monday. She has always denied that figure."

    result = suggest(text, outlet="Courier")

    assert [c.text for c in result.candidates if "figure" in c.text] == [
        "She has always denied that figure."
    ]


def test_science_story_speakers():
    text = (
        "The researchers, from two universities, analysed data from 494,585 people. They "
        "found that coffee drinkers were 49% less likely to die of liver disease.\n"
        '"The benefits may offer a preventative treatment," said lead author Dr Omar Kent.\n'
        "Professor Sarah Lane of Kingsbridge University, who was not involved in the study, "
        "warned that the findings did not prove cause and effect."
    )

    result = suggest(text, outlet="Health News")

    assert _one(result, "49% less likely").speaker == "The researchers"
    assert _one(result, "preventative treatment").speaker == "Omar Kent"
    assert _one(result, "cause and effect").speaker == "Sarah Lane"


def test_straight_quotes_pair_in_turn_whatever_their_spacing():
    # pasted text gets a mark's spacing wrong (',"' then a space), never their order
    text = (
        'Professor Jan Berg said the kits would reach schools," For example, schools can run '
        'their own votes". Prime Minister Ada Moreno said the plan has a "strong rationale". '
        'Of the vote, she said, "In the end I will have one vote like every other citizen".'
    )
    assert [text[q.open + 1 : q.close][:12] for q in find_quotes(text, 0, len(text))] == [
        " For example",
        "strong ratio",
        "In the end I",
    ]
    result = suggest("Flag vote\n\n" + text, outlet="Herald")
    assert _one(result, "strong rationale").speaker == "Ada Moreno"
    assert _one(result, "one vote like").speaker == "Ada Moreno"


@pytest.mark.parametrize(
    "sentence",
    [
        "Recent reports have revealed that a defector was arrested in 2010.",
        "The results show the governing camp kept a majority of 40 seats.",
    ],
)
def test_findings_that_name_nobody_are_the_outlets_narration(sentence):
    result = suggest(
        "Defector held\n\nThe harbour was busy.\n\n" + sentence + "\n", outlet="Herald"
    )

    (claim,) = [c for c in result.candidates if c.paragraph == 2]
    assert claim.speaker == "Herald"


def test_letters_after_a_name_between_commas_are_not_the_speaker():
    text = (
        "Court case\n\nThe harbour was busy.\n\n"
        "Speaking in the defence, Tom Molomby, SC, said that the parents came from India in 2001.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "came from India").speaker == "Tom Molomby"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "The museum drew 11,000 visitors in 2010, according to curator Elaine Gustafson.",
            "Elaine Gustafson",
        ),
        (
            "According to museum curator Elaine Gustafson, the museum drew 11,000 visitors.",
            "Elaine Gustafson",
        ),
        ("The museum drew 11,000 visitors in 2010, according to the museum.", "the museum"),
        # what a document says is the outlet's account of it
        ("The museum drew 11,000 visitors in 2010, according to the adopted text.", "Herald"),
    ],
)
def test_according_to_someone_the_lexicon_does_not_describe(sentence, speaker):
    result = suggest("Museum\n\nThe harbour was busy.\n\n" + sentence + "\n", outlet="Herald")

    assert _one(result, "11,000 visitors").speaker == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "Recipients, said Maurer, are required to exhibit the photographs every ten years.",
        "Recipients, Maurer said, are required to exhibit the photographs every ten years.",
        "Recipients, she said, are required to exhibit the photographs every ten years.",
    ],
)
def test_an_attribution_set_between_commas_inside_the_sentence(sentence):
    text = "Warhol gift\n\nKay Maurer, the treasurer, said 500 museums were invited.\n\n" + sentence
    result = suggest(text, outlet="Herald")

    claim = _one(result, "every ten years")
    assert claim.speaker == "Kay Maurer"
    assert claim.text.startswith("Recipients")  # the whole sentence, aside and all


def test_a_role_qualified_before_the_name_opens_the_sentence():
    text = (
        "Aid effort\n\nThe harbour was busy.\n\n"
        "The United Nations (UN) emergency relief coordinator Jan Egeland has said that 40 new "
        "aid centres opened in Aceh. However, he cautions that 12 villages are still cut off.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 new aid centres").speaker == "Jan Egeland"
    assert _one(result, "12 villages").speaker == "Jan Egeland"


def test_he_never_stands_for_a_woman_the_article_names():
    text = (
        "Aid effort\n\nThe harbour was busy.\n\n"
        "Relief coordinator Jan Egeland said that 40 aid centres opened. The BBC's Rachel Harvey "
        "reports that the area was cut off for a week. He also said that 9 roads reopened.\n\n"
        "Ms Okafor said that 3 ports were closed. Then Peter Berg said that 5 ports reopened. "
        "She added that 2 airports were shut.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "9 roads").speaker == "Jan Egeland"
    assert _one(result, "2 airports").speaker == "Okafor"


def test_a_dated_sentence_with_a_participle_tail_keeps_what_the_subject_did():
    text = (
        "Submarine\n\nThe harbour was busy.\n\n"
        "On 17 November, Vice Foreign Minister Wu Daiwei met the Japanese ambassador in Beijing "
        "and offered an apology, stating that the submarine was on a training mission.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "training mission").speaker == "Wu Daiwei"
    assert _one(result, "offered an apology").speaker == "Herald"


def test_a_bare_plural_opening_a_sentence_is_whom_they_means():
    text = (
        "Heat\n\nThe harbour was busy.\n\n"
        "Scientists using a computer model have compared two summers. They have concluded "
        "that warm summers are 2 times as likely.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "2 times as likely").speaker == "the scientists"


WIRE_INTRODUCTION = (
    "Acme cuts\n\nAcme is a maker of ropes. Chief executive Jane Doe leads it. Union leader "
    "John Roe speaks for its workers.\n\n"
)


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ('"We will cut 500 jobs by 2026," said Jane Doe, the chief executive.', "Jane Doe"),
        (
            '"We will cut 500 jobs by 2026," Jane Doe, the chief executive, told reporters.',
            "Jane Doe",
        ),
        (
            "The firm will cut 500 jobs by 2026, chief executive Jane Doe told reporters.",
            "Jane Doe",
        ),
        (
            "The firm will cut 500 jobs by 2026, according to a statement from chief executive "
            "Jane Doe.",
            "Jane Doe",
        ),
        ("In a statement, Jane Doe said the firm would cut 500 jobs by 2026.", "Jane Doe"),
        ('Says Jane Doe: "We will cut 500 jobs by 2026."', "Jane Doe"),
        ('Jane Doe put it bluntly: "We will cut 500 jobs by 2026."', "Jane Doe"),
        (
            "The firm will cut 500 jobs by 2026, Doe said in an interview with the Herald.",
            "Jane Doe",
        ),
        ("Doe told the Herald that the firm will cut 500 jobs by 2026.", "Jane Doe"),
        ("A spokeswoman for Acme confirmed that the firm will cut 500 jobs by 2026.", "Acme"),
        (
            "The firm will cut 500 jobs by 2026, Reuters reported, citing two people familiar "
            "with the matter.",
            "Reuters",
        ),
        (
            "The firm will cut 500 jobs by 2026, two people familiar with the matter told Reuters.",
            "two people familiar with the matter",
        ),
        ("Asked about the cuts, Doe said the firm had cut 500 jobs in 2024.", "Jane Doe"),
        ("The firm cut 500 jobs in 2024, Doe wrote on X.", "Jane Doe"),
        ('"The firm cut 500 jobs in 2024," Doe added, "and it will cut 300 more."', "Jane Doe"),
        ("The firm cut 500 jobs in 2024, Doe claimed, a figure the union disputes.", "Jane Doe"),
        ("Union leader John Roe disputed the figure, saying only 200 jobs were cut.", "John Roe"),
        ("The British ropemaker Acme said that it would cut 500 jobs by 2026.", "Acme"),
        (
            "Nevertheless, the independent Harbour Institute said that only 200 jobs were cut.",
            "Harbour Institute",
        ),
        ("The same day Doe said the firm had cut 500 jobs in 2024.", "Jane Doe"),
        ("Doe points out that the firm cut 500 jobs in 2024.", "Jane Doe"),
        (
            "Opponents of the cuts point out that only 200 jobs were cut in 2024.",
            "Opponents of the cuts",
        ),
        (
            "Many residents of the town say that only 200 jobs were cut in 2024.",
            "Many residents of the town",
        ),
        ("Analysts appear to concur that 500 jobs were cut in 2024.", "Analysts"),
        ("Analysts envision that 500 more jobs will go by 2026.", "Analysts"),
        (
            "Democrats in the Senate, meanwhile, have said 500 jobs were cut.",
            "Democrats in the Senate",
        ),
        ("Doe promised savings of up to $500 million a year by 2026.", "Jane Doe"),
        ("Acme Corp. announced Wednesday morning it will cut 500 jobs by 2026.", "Acme Corp"),
        ("Rope maker Acme said that it would cut 500 jobs by 2026.", "Acme"),
        (
            "According to research done by the rope-making company Acme, 500 jobs were cut.",
            "Acme",
        ),
        ("Union leader John Roe denied the 500 job cuts announced in 2024.", "John Roe"),
        ("Analysts blame the 500 job cuts on the 2024 slump in rope sales.", "Analysts"),
        ("The Acme team noted a 5 percent fall in rope sales in its 2024 report.", "The Acme team"),
        ('"Only 200 jobs were cut in 2024," Roe countered.', "John Roe"),
    ],
)
def test_wire_attributions(sentence, speaker):
    result = suggest(WIRE_INTRODUCTION + sentence + "\n", outlet="Herald")

    claims = [c for c in result.candidates if c.paragraph == 2 and any(d.isdigit() for d in c.text)]
    assert claims
    assert {c.speaker for c in claims} == {speaker}


@pytest.mark.parametrize(
    ("paragraphs", "words", "speaker"),
    [
        (
            [
                "Mayor Ada Moreno opened the new bridge on Monday.",
                '"It cost 40 million pounds and took three years," she said.',
            ],
            "40 million",
            "Ada Moreno",
        ),
        (
            [
                "Mayor Ada Moreno opened the new bridge on Monday.",
                "Councillor Tom Reyes disagreed. The bridge cost 60 million, he said, not 40.",
            ],
            "60 million",
            "Tom Reyes",
        ),
        (
            [
                "The council said the bridge cost 40 million pounds.",
                "It added that 2,000 cars a day would use it.",
            ],
            "2,000 cars",
            "The council",
        ),
        (["The ministry said the storm hurt 40 farms in May."], "40 farms", "The ministry"),
        (
            [
                "Councillor Tom Reyes opposes the plan.",
                "In a statement, the city council said it had built 4,000 homes since 2020.",
            ],
            "4,000 homes",
            "the city council",
        ),
        (
            ["Police said two men were arrested.", "Both are aged 34, a police spokesman said."],
            "aged 34",
            "Police",
        ),
        (
            ["Ada Moreno said she saw 300 people. Her husband, Tom, said it was closer to 500."],
            "closer to 500",
            "Tom",
        ),
        (
            [
                "Mayor Ada Moreno opened the new bridge on Monday.",
                "The head of the county's roads agency said 2,000 cars a day would use it.",
            ],
            "2,000 cars",
            "The head of the county's roads agency",
        ),
        (
            [
                "The Harbour Gazette covered the opening.",
                "The Eastport Chief Engineer said the bridge cost 40 million pounds.",
                'He wrote, "It took 300 workers three years."',
            ],
            "300 workers",
            "The Eastport Chief Engineer",
        ),
        (
            ["The bridge cost 40 million pounds, Mayor Ada Moreno said in a post on X."],
            "40 million",
            "Ada Moreno",
        ),
        (
            [
                "The results were announced on Monday by the city's Harbour Electoral Commission.",
                "It also announced that 64 percent of voters had backed the bridge.",
            ],
            "64 percent",
            "Harbour Electoral Commission",
        ),
    ],
)
def test_who_speaks_across_sentences(paragraphs, words, speaker):
    result = suggest("Bridge opens\n\n" + "\n\n".join(paragraphs) + "\n", outlet="Herald")

    assert _one(result, words).speaker == speaker


@pytest.mark.parametrize(
    "sentence",
    [
        "The government pledged $350 million in aid for the relief effort.",
        "Since 2021 the sector has added 92,400 jobs in construction.",
        "The Nobel committee cited her 30 years of work for the forests.",
        "Senator Jane Doe tweeted to the 12 students and praised their work.",
        "In May, the journal Harbour Science reported the results of a study of 100 ports.",
    ],
)
def test_an_act_with_a_figure_stays_the_outlets_account(sentence):
    result = suggest("Aid\n\nThe storm hit in May.\n\n" + sentence + "\n", outlet="Herald")

    (claim,) = [c for c in result.candidates if c.paragraph == 2]
    assert claim.speaker == "Herald"


def test_a_surveys_share_that_said_something_is_one_finding():
    text = (
        "Survey\n\nThe survey was held in May.\n\nThe Harbour study found that 93 percent of "
        "respondents from Eastport said that speaking the local language – Harbour Creole – is "
        "important to belonging.\n"
    )
    result = suggest(text, outlet="Herald")

    claim = _one(result, "93 percent")
    assert claim.text.endswith("is important to belonging")
    assert (claim.speaker, claim.reported_speaker) == ("The Harbour study", None)


def test_a_direct_question_is_no_candidate_but_a_tag_question_asserts():
    text = (
        "Bridge\n\nThe bridge cost 40 million pounds. How can anyone defend such a cost? "
        "Tolls rose 5 percent in May, right?\n"
    )
    texts = [c.text for c in suggest(text, outlet="Herald").candidates]

    assert not [t for t in texts if t.startswith("How can")]
    assert [t for t in texts if t.startswith("Tolls rose 5 percent")]


def test_a_clause_that_names_its_own_source_is_relayed():
    text = (
        "Cabinet\n\nThe harbour was busy.\n\nThe Acting President said that the regional "
        "leaders had admitted that 40 laws were slowing growth.\n"
    )
    result = suggest(text, outlet="Herald")

    claim = _one(result, "40 laws")
    assert claim.speaker == "The Acting President"
    assert claim.reported_speaker == "the regional leaders"
