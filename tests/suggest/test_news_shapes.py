"""Shapes of English news that the development articles show rarely or not at all: interviews
printed without speaker labels, speeches published under their speaker's name, captions that
end in a credit, and the page furniture of wires and live blogs. Every article here is
written for the test."""

import pytest

from claims.suggest import suggest

from .helpers import check_spans


def _one(result, words):
    (found,) = [c for c in result.candidates if words in c.text]
    return found


def _none(result, words):
    return not [c for c in result.candidates if words in c.text]


UNLABELLED_INTERVIEW = """The Courier interviews Maria Olsen, mayor of Eastport

Monday, March 2, 2026

Mayor Maria Olsen answered questions about the harbour plan. Eastport has 41,000 residents.

What will the harbour plan cost?

The plan will cost 18 million euros over four years. Half of it comes from the regional fund.

We have already repaired 2 of the 5 piers.

Your rivals say the plan is late. You promised it for 2024, did you not?

The delay was caused by the storms of 2025, which destroyed 300 metres of the sea wall.

Sources

Eastport harbour plan, city of Eastport, 2026.
"""


def test_unlabelled_answers_under_questions_are_the_interviewees():
    result = suggest(UNLABELLED_INTERVIEW, outlet="The Courier")
    check_spans(UNLABELLED_INTERVIEW, result)

    for words in ("18 million euros", "2 of the 5 piers", "300 metres"):
        found = _one(result, words)
        assert found.speaker == "Maria Olsen", words
        assert found.confidence < 0.8  # no label names the speaker: the editor confirms
    assert _one(result, "41,000 residents").speaker == "The Courier"
    # the interviewer's questions, even one with a statement before it, are no claims
    assert _none(result, "What will the harbour plan cost")
    assert _none(result, "promised it for 2024")
    # the interview ends at a heading that is not a question
    assert _none(result, "city of Eastport") or _one(result, "city of Eastport").speaker != (
        "Maria Olsen"
    )


def test_interviewee_who_tells_the_outlet_answers():
    text = (
        "Geologist Tomas Berg tells The Courier about the Skarfjell landslide\n\n"
        "Tomas Berg has studied the slope since 2019.\n\n"
        "How fast is the slope moving?\n\n"
        "It moved 40 centimetres last week, four times the usual rate.\n\n"
        "Will the village be evacuated?\n\n"
        "About 120 people have already left their homes.\n"
    )

    result = suggest(text, outlet="The Courier")

    assert _one(result, "40 centimetres").speaker == "Tomas Berg"
    assert _one(result, "120 people").speaker == "Tomas Berg"


def test_one_question_heading_does_not_make_an_interview():
    text = (
        "Minister Ida Lund speaks to The Courier about schools\n\n"
        "Ida Lund announced 200 new teachers on Monday.\n\n"
        "What happens next?\n\n"
        "The teachers start in August, the ministry said.\n"
    )

    result = suggest(text, outlet="The Courier")

    assert _one(result, "start in August").speaker != "Ida Lund"


def test_caption_ending_in_its_credit_is_not_a_claim():
    text = (
        "Flood barrier finished\n\n"
        "The barrier on the Lune was finished on Friday at a cost of £12 million, the council "
        "said.\n\n"
        "Workers on the barrier in January. Image: Jane Doe.\n\n"
        "The new gates protect 900 homes (Photo: John Roe/Reuters)\n"
    )

    result = suggest(text, outlet="Lune Post")

    assert _one(result, "£12 million").speaker == "the council"
    assert _none(result, "Workers on the barrier")
    assert _none(result, "900 homes")


SPEECH = (
    "Carver Floor Speech on the Rural Broadband Act\n\n"
    "APRIL 9, 2026 PRESS RELEASE\n\n"
    "Springfield, Ill.–Senator Ruth Carver delivered remarks on the Senate floor in support of "
    "the Rural Broadband Act. Below are the Senator’s remarks:\n\n"
    "Senator Carver. Thank you, Madam President.\n\n"
    "Nine years ago, my town had no broadband at all. Today 62 percent of rural homes in this "
    "state still cannot get a fast connection.\n\n"
    "The bill sets aside 4 billion dollars for new lines. When my neighbour asked, he said, "
    "‘Who will pay for it?’\n\n"
    "I yield back the balance of my time.\n"
)


def test_speech_under_its_speakers_name_without_a_possessive():
    result = suggest(SPEECH, outlet="Office of Senator Carver")
    check_spans(SPEECH, result)

    for words in ("62 percent", "4 billion dollars", "my town had no broadband"):
        found = _one(result, words)
        assert found.speaker == "Ruth Carver", words
        assert found.evidence == "a speech published under the speaker's name"
    # the introduction, the label and the courtesies are no claims
    assert _none(result, "delivered remarks")
    assert _none(result, "Thank you")
    assert _none(result, "I yield back")


def test_report_about_a_speech_is_not_the_speakers_own_text():
    text = (
        "Carver Speech on Broadband Draws Criticism\n\n"
        "Senator Ruth Carver spoke for 20 minutes on Tuesday.\n\n"
        "Carver said 62 percent of rural homes cannot get a fast connection. Critics say "
        "the figure is 40 percent.\n\n"
        "I have seen no evidence for her number, said economist Paul Meyer.\n"
    )

    result = suggest(text, outlet="Courier")

    assert _one(result, "40 percent").speaker != "Ruth Carver"
    assert _one(result, "20 minutes").speaker == "Courier"


def _alone(sentence, outlet="Wire"):
    return suggest("Headline over one sentence\n\n" + sentence, outlet=outlet)


def test_possessive_subject_is_the_speaker():
    found = _one(_alone("The agency's director said flu cases rose 14 percent in May."), "14")
    assert found.speaker == "The agency's director"
    authors = _one(_alone("The study’s authors say 3 in 10 children lack iodine."), "3 in 10")
    assert authors.speaker == "The study’s authors"


def test_clause_with_a_plural_subject_after_a_cue_is_reported():
    found = _one(_alone("The authors said the results confirm a 12 percent drop."), "12 percent")
    assert (found.speaker, found.text) == ("The authors", "the results confirm a 12 percent drop")
    # an act with an object, not words: the outlet's narration
    act = _one(_alone("The ministry announced the results today at a news conference."), "today")
    assert act.speaker == "Wire"


def test_said_takes_a_clause_but_not_an_object():
    found = _one(_alone("Jane Roe said 3 in 10 children lack iodine."), "3 in 10")
    assert (found.speaker, found.text) == ("Jane Roe", "3 in 10 children lack iodine")
    silent = _one(_alone("Jane Roe said nothing about the 5 percent cut."), "5 percent")
    assert silent.speaker == "Wire"


def test_speaker_described_after_the_verb_at_the_end():
    text = "The plant employs 1,200 people, said a defense ministry spokesman."
    found = _one(_alone(text), "1,200")
    assert (found.speaker, found.text) == (
        "a defense ministry spokesman",
        "The plant employs 1,200 people",
    )
    assert found.confidence < 0.8  # nobody named: the editor confirms


def test_name_behind_a_lower_case_particle():
    text = (
        "Civil defence director General Omar al-Hadi, in remarks to state television, said "
        "all 12 injured were taken to hospital."
    )
    assert _one(_alone(text), "12 injured").speaker == "Omar al-Hadi"


LIVE_BLOG = (
    "Live: Storm hits the coast\n\n"
    "10:42 GMT: The coastguard said 14 people had been rescued overnight.\n\n"
    "11:05 BST - Power is out for 20,000 homes, the grid operator said.\n\n"
    "12:30 Winds reached 140 km/h at the airport, the weather office said.\n\n"
    "A flooded street in Porto on Monday. (AP Photo/Jane Doe)\n\n"
    "This article was amended on 6 March 2026 to correct the number of homes.\n\n"
    "Our Standards: The Trust Principles.\n\n"
    "Jane Doe is a reporter for the Porto Herald covering climate. She has won 3 awards.\n\n"
    "Sources\n\n"
    "“Storm kills 3 in Portugal” — Lisbon News, March 5, 2026\n\n"
    "Harbour reopens after 2 days — Porto Herald\n"
)


def test_live_blog_entries_start_after_their_time():
    result = suggest(LIVE_BLOG, outlet="Wire")
    check_spans(LIVE_BLOG, result)

    rescued = _one(result, "14 people")
    assert (rescued.text, rescued.speaker) == (
        "14 people had been rescued overnight",
        "The coastguard",
    )
    assert _one(result, "20,000 homes").speaker == "the grid operator"
    winds = _one(result, "140 km/h")
    assert (winds.text, winds.speaker) == (
        "Winds reached 140 km/h at the airport",
        "the weather office",
    )
    assert winds.confidence < 0.8  # a described speaker: the editor confirms


def test_captions_notices_author_notes_and_sources_are_furniture():
    result = suggest(LIVE_BLOG, outlet="Wire")

    for words in ("flooded street", "amended", "Trust Principles", "3 awards", "3 in Portugal"):
        assert _none(result, words), words
    assert _none(result, "2 days")


def test_described_speaker_is_not_a_share_of_a_survey():
    text = "Of 900 people asked, the majority (76 per cent) said they trusted the service."
    found = _one(_alone(text), "76 per cent")
    assert found.speaker != "the majority"


def test_credit_sentences_and_sign_off_at_the_foot_are_furniture():
    text = (
        "Port strike ends after 9 days\n\n"
        "Dock workers returned on Monday after a 9-day strike, the union said.\n\n"
        "I’m Ana Ruiz.\n\n"
        "Tom Roe and Lia Chen reported on this story for the Harbour Times. Ana Ruiz adapted "
        "this story for Easy English.\n\n"
        "Ana Ruiz was the editor.\n"
    )

    result = suggest(text, outlet="Easy English")

    assert _one(result, "9-day strike").speaker == "the union"
    for words in ("Ana Ruiz", "reported on this story"):
        assert _none(result, words), words
    # a sentence in the first person is no sign-off
    said = _one(_alone("I'm certain that 40 jobs will go, said Mayor Ann Lee."), "40 jobs")
    assert said.speaker == "Ann Lee"


def test_headline_ending_in_a_quotation_is_a_headline():
    text = (
        "Army put on 'highest alert'\n\n"
        "The army was put on alert on Friday after 2 shells landed near the border, the defence "
        "ministry said.\n"
    )

    result = suggest(text, outlet="Wire")

    assert result.paragraphs[0].kind == "heading"
    assert _none(result, "highest alert")


def test_pull_quote_that_repeats_the_body_is_set_aside():
    text = (
        "Mayor defends budget\n\n"
        "“We built 300 homes in a single year”\n\n"
        "Mayor Ann Lee said on Monday: “We built 300 homes in a single year, more than any "
        "city of our size.”\n\n"
        "Thank you, Mr. Chair.\n"
    )

    result = suggest(text, outlet="Wire")

    (homes,) = [c for c in result.candidates if "300 homes" in c.text]
    assert homes.speaker == "Ann Lee"
    assert _none(result, "Thank you")


def test_researchers_find_without_that():
    found = _one(_alone("The scientists found crop yields fell 10% by 2050."), "10%")
    assert (found.speaker, found.text) == ("The scientists", "crop yields fell 10% by 2050")
    # someone who finds a thing reports nothing
    act = _one(_alone("The rescuers found 12 bodies in the river."), "12 bodies")
    assert act.speaker == "Wire"


def test_quotation_running_over_two_paragraphs_stays_its_speakers():
    text = (
        "Coach proud after defeat\n\n"
        "After the match, Ivo Kral, the team's coach, said, “We learned a lot today.\n\n"
        "This is the fifth time I have been at a World Cup. We lost 3 of our 4 games.”\n\n"
        "The team flies home on Friday with 2 injured players.\n"
    )

    result = suggest(text, outlet="Wire")

    assert _one(result, "fifth time").speaker == "Ivo Kral"
    assert _one(result, "2 injured players").speaker == "Wire"


def test_listener_after_told_is_not_part_of_the_claim():
    found = _one(_alone("Tom Roe told Newsweek the tax would raise $4 billion."), "$4 billion")
    assert (found.speaker, found.text) == ("Tom Roe", "the tax would raise $4 billion")
    found = _one(_alone("Tom Roe told reporters 12 soldiers had died."), "12 soldiers")
    assert found.text == "12 soldiers had died"


def test_report_named_between_said_and_that():
    text = "The UN said in a report published on Monday that 2 million people had fled."
    found = _one(_alone(text), "2 million")
    assert found.text == "2 million people had fled"


REPORT_WITH_A_LIST_AND_A_QA = (
    "Acme to cut 500 jobs as sales slump\n\n"
    "LONDON, March 3 (Reuters) - Acme Corp will cut 500 jobs, it said on Tuesday.\n\n"
    "“We lost 40 million pounds last year,” chief executive Tom Roe said.\n\n"
    "The company also said:\n\n"
    "- 2 plants will close by 2027\n\n"
    "- 300 staff will be retrained\n\n"
    "Acme, which was founded in 1950, employs 9,000 people.\n\n"
    "Unions reacted angrily. “This is a betrayal,” said Ann Lee of the GMB union.\n\n"
    "Q: Will more jobs go?\n\n"
    "A: We do not expect 3 more rounds of cuts this year, Roe said.\n"
)


def test_report_ending_in_a_short_qa_keeps_its_body():
    result = suggest(REPORT_WITH_A_LIST_AND_A_QA, outlet="Reuters")
    check_spans(REPORT_WITH_A_LIST_AND_A_QA, result)

    assert _one(result, "40 million").speaker == "Tom Roe"
    assert _one(result, "9,000 people").speaker == "Reuters"
    assert _one(result, "3 more rounds").speaker == "Tom Roe"
    assert _none(result, "Will more jobs go")


def test_it_said_after_a_named_subject_is_that_organisation():
    result = suggest(REPORT_WITH_A_LIST_AND_A_QA, outlet="Reuters")

    jobs = _one(result, "500 jobs")
    assert (jobs.speaker, jobs.text) == ("Acme Corp", "Acme Corp will cut 500 jobs")
    assert jobs.confidence < 0.8


def test_list_after_x_also_said_ends_with_the_list():
    result = suggest(REPORT_WITH_A_LIST_AND_A_QA, outlet="Reuters")

    for words in ("2 plants", "300 staff"):  # "The company" is the Acme Corp named before
        assert _one(result, words).speaker == "Acme Corp", words
    assert _one(result, "9,000 people").speaker == "Reuters"
    assert _one(result, "betrayal").speaker == "Ann Lee"


def test_column_over_a_note_naming_its_author_is_hers():
    text = (
        "Opinion: Why our schools need more nurses\n\n"
        "I have been a school nurse for 22 years. In my district, one nurse covers 4 schools.\n\n"
        "The state spent $12 million on school health last year, less than in 2015.\n\n"
        "Maria Gomez is a school nurse in Tucson.\n"
    )

    result = suggest(text, outlet="Daily")

    for words in ("22 years", "4 schools", "$12 million"):
        assert _one(result, words).speaker == "Maria Gomez", words
    assert _none(result, "school nurse in Tucson")


def test_report_ending_in_a_note_about_someone_is_not_a_column():
    text = (
        "Nurses strike over pay\n\n"
        "Nurses in Tucson went on strike on Monday over a 2 percent pay offer.\n\n"
        "The state spent $12 million on school health last year, the union said.\n\n"
        "Maria Gomez is a school nurse in Tucson.\n"
    )

    result = suggest(text, outlet="Daily")

    assert _one(result, "2 percent").speaker == "Daily"


def test_interviewers_questions_under_a_name_label_are_not_claims():
    text = (
        "Transcript: Senator Ann Lee on Sunday Report\n\n"
        "CHUCK TODD: Senator, welcome back.\n\n"
        "SEN. ANN LEE: Thank you, Chuck.\n\n"
        "CHUCK TODD: Is the bill dead? Will it pass?\n\n"
        "SEN. ANN LEE: No. We have 52 votes, and the CBO says it cuts the deficit by $300 "
        "billion.\n"
    )

    result = suggest(text, outlet="Daily")

    assert _none(result, "welcome back")
    assert _none(result, "bill dead")
    assert _one(result, "52 votes").speaker == "Ann Lee"
    cbo = _one(result, "$300 billion")
    assert (cbo.speaker, cbo.reported_speaker) == ("Ann Lee", "CBO")


def test_two_speakers_joined_by_and_keep_their_own_words():
    text = "Jane Roe said 52 senators back the bill, and the CBO says it cuts $300 billion."
    result = _alone(text)

    assert _one(result, "52 senators").speaker == "Jane Roe"
    assert _one(result, "$300 billion").speaker == "CBO"


def test_a_measured_figure_outranks_an_ordinal_or_a_clock_time():
    from claims.suggest.scoring import checkworthiness

    figure, reasons = checkworthiness("Unemployment rose to 412,000 in the region.")
    ordinal, _ = checkworthiness("In the 28th minute the striker missed a chance.")
    clock, _ = checkworthiness("The crew woke at 11:00 and began work.")

    assert "quantity" in reasons
    assert figure > ordinal and figure > clock


def test_first_person_without_a_figure_ranks_below_a_fact_about_the_world():
    from claims.suggest.scoring import checkworthiness

    stance, reasons = checkworthiness("I try to build most of the equipment myself.")
    fact, _ = checkworthiness("The laboratory built most of the equipment itself.")
    counted, counted_reasons = checkworthiness("We built 40 of the 52 machines ourselves.")

    assert "first person, no figure" in reasons and stance < fact
    assert "first person, no figure" not in counted_reasons and counted > stance


def test_wire_photo_caption_ending_in_place_and_date_is_furniture():
    text = (
        "Talks resume\n\n"
        "Delegates arrive for talks at the ministry in Vienna, Austria, May 8, 2026.\n\n"
        "The talks resumed on Monday after 3 months, the foreign ministry said.\n"
    )

    result = suggest(text, outlet="Wire")

    assert _none(result, "Delegates arrive")
    assert _one(result, "3 months").speaker == "the foreign ministry"


def test_who_and_us_in_capitals_are_an_organisation_and_a_country():
    assert _one(_alone("According to the WHO, 3 cases were confirmed."), "3 cases").speaker == (
        "WHO"
    )
    found = _one(_alone("Jane Doe of the WHO told a briefing that 3 cases were confirmed."), "3")
    assert found.speaker == "Jane Doe"


def test_group_or_finding_before_a_place_or_source_is_the_speaker():
    cases = [
        ("Officials in Britain said 3 cases were confirmed.", "3 cases", "Officials in Britain"),
        ("Police in Lagos said 3 men were arrested.", "3 men", "Police in Lagos"),
    ]
    for sentence, words, speaker in cases:
        found = _one(_alone(sentence), words)
        assert found.speaker == speaker, sentence
        assert found.confidence < 0.8
    # data from a named maker are the maker's, named
    data = _one(_alone("Data from the ONS show unemployment rose to 4.2 percent."), "4.2")
    assert data.speaker == "ONS"
    # a study by a named maker, its year before the noun, is the maker's
    study = _one(
        _alone("A 2023 study by Oxford University found that 40% of teens sleep less."), "40"
    )
    assert study.speaker == "Oxford University"
    # a person from an office shows things; she reports no finding
    shown = _one(_alone("Jane Doe from the ONS showed 3 charts."), "3 charts")
    assert shown.speaker == "Wire"


def test_plural_present_cues_of_accusation_and_denial():
    found = _one(_alone("Prosecutors allege that Tom Roe stole $2 million in 2021."), "$2")
    assert (found.speaker, found.text) == ("Prosecutors", "Tom Roe stole $2 million in 2021")
    assert _one(_alone("Officials deny that 40 people were killed."), "40").speaker == "Officials"
    assert _one(_alone("The alleged attack killed 3 people."), "3 people").speaker == "Wire"


def test_tip_lines_and_reporting_credits_at_the_foot_are_furniture():
    text = (
        "Budget grows\n\n"
        "The city's budget will grow 5 percent, Mayor Ann Lee said on Tuesday.\n\n"
        "Have a news tip? Email us at tips@example.com.\n\n"
        "Jane Doe contributed reporting from Boston.\n"
    )

    result = suggest(text, outlet="AP")

    assert _one(result, "5 percent").speaker == "Ann Lee"
    assert _none(result, "tips@example.com")
    assert _none(result, "contributed reporting")


ROUNDUP = """Eastland: Cinemas Are Closing

Eastland's cinemas are closing one by one, as shopping malls are built in their place.

Jane Okoro blogs on cinema regularly. Here she shares the latest figures [bn]:

Harbour Cinema is gone. A shopping mall is being built in its place. Image courtesy Wikipedia

In 1990 the country had 1,230 cinema halls. In 2010 the number was 742.

Why are audiences staying away? Tom Adeyemi writes [bn] about it:

I stopped going in 2015. We paid 300 taka for two seats and could not hear the film.

The government lifted the ban on foreign films in 2010, hoping to bring viewers back.

The old Star Cinema is now a clothes market. Image by Ann Lee. Used with permission.
"""


def test_a_caption_ending_in_its_picture_credit_is_no_claim():
    result = suggest(ROUNDUP, outlet="Global Voices")
    assert _none(result, "shopping mall is being built")
    assert _none(result, "clothes market")


def test_a_lead_in_whose_subject_is_a_pronoun_gives_the_name_before_it():
    result = suggest(ROUNDUP, outlet="Global Voices")
    assert _one(result, "1,230 cinema halls").speaker == "Jane Okoro"


def test_a_short_lead_in_with_a_cue_only_introduces():
    result = suggest(ROUNDUP, outlet="Global Voices")
    assert _none(result, "writes [bn] about it")
    assert _one(result, "300 taka").speaker == "Tom Adeyemi"


def test_a_block_in_the_first_person_ends_where_the_first_person_does():
    result = suggest(ROUNDUP, outlet="Global Voices")
    assert _one(result, "lifted the ban").speaker == "Global Voices"


POSTS = """Eastland blocks a social network

The network was blocked at 1pm on Sunday. While Jane Adeyemi Okoro also laid claim to it,
others doubted her.

@JaneAdeyemiOkor: The Prime Minister has ordered the minister to restore the service in 2 hours.

@unknownuser: The block cost traders 40 million taka in a day.
"""


def test_a_post_under_a_handle_is_the_person_whose_name_the_handle_spells():
    result = suggest(POSTS, outlet="Global Voices")
    found = _one(result, "restore the service")
    assert found.speaker == "Jane Adeyemi Okoro"
    assert _one(result, "40 million taka").speaker == "@unknownuser"


def test_a_short_reported_clause_with_a_short_past_tense_is_still_reported():
    result = suggest("Floods\n\nPolice said that 20 people died.\n", outlet="Daily News")
    (found,) = result.candidates
    assert (found.text, found.speaker) == ("20 people died", "Police")


def test_a_name_described_by_where_it_is_based_still_speaks():
    text = (
        "Trucks\n\nIn May, U.S.-based Aurora Innovation said it was preparing to launch 20 "
        "driverless trucks on a public highway.\n"
    )
    (found,) = suggest(text, outlet="Daily News").candidates
    assert found.speaker == "Aurora Innovation"


def test_what_someone_told_a_court_is_theirs_and_a_described_paper_reports():
    text = (
        "Mayor jailed\n\nProsecutors told the court Reed spent the money on two houses in "
        "Spain.\n\nThe case is the largest corruption trial in the region since 2008, local "
        "newspaper the Eastport Herald reported.\n"
    )
    result = suggest(text, outlet="Daily News")
    assert _one(result, "two houses").speaker == "Prosecutors"
    assert _one(result, "since 2008").speaker == "Eastport Herald"


def test_a_lead_in_that_says_only_where_the_words_were_posted_is_no_claim():
    text = (
        "Reactions\n\nThe death of the prisoner drew strong reactions online. Jane Adeyemi "
        "Okoro wrote on Facebook:\n\nI wish this country would see justice by 2030.\n"
    )
    result = suggest(text, outlet="Global Voices")
    assert _none(result, "wrote on Facebook")
    assert _one(result, "justice by 2030").speaker == "Jane Adeyemi Okoro"


def test_a_block_of_posts_ends_at_the_first_paragraph_that_is_neither_post_nor_translation():
    text = (
        "Debate over a figure\n\nJane Doe commented:\n\n"
        "@janedoe: حتى وان كانت النسبة 10% ساندوا حملة شوارع امنة وكفوا اذى المتحرشين\n\n"
        "Even if the figure was 10%, support the campaign against harassment.\n\n"
        "The Herald apologised for the figure it had quoted, saying it was based on a 2010 "
        "study.\n"
    )
    result = suggest(text, outlet="Global Voices")
    assert _one(result, "Even if the figure").speaker == "Jane Doe"
    assert _one(result, "apologised").speaker == "Global Voices"


def test_an_agency_that_quoted_someone_as_saying_reports_and_relays_them():
    text = (
        "Talks\n\nThe talks ended on Friday.\n\n"
        "Reuters cited two sources as saying the deal was worth 3 billion dollars.\n"
    )
    found = _one(suggest(text, outlet="Daily News"), "3 billion")
    assert (found.speaker, found.reported_speaker) == ("Reuters", "two sources")
    assert found.text == "the deal was worth 3 billion dollars"


INTRODUCED_INTERVIEW = """Eastport harbour master on the expansion

Jane Doe has been harbour master of Eastport since 2015. We asked her about the expansion.

How many ships use the port each year?

About 4,000 ships. That is twice as many as in 2010.

What will the expansion cost?

The plan will cost 300 million euros. The government pays half.
"""


def test_answers_under_questions_are_the_person_the_introduction_says_was_asked():
    result = suggest(INTRODUCED_INTERVIEW, outlet="Wikinews")
    assert _one(result, "4,000 ships").speaker == "Jane Doe"
    assert _one(result, "300 million euros").speaker == "Jane Doe"


def test_an_explainer_whose_introduction_names_someone_keeps_its_answers():
    explainer = INTRODUCED_INTERVIEW.replace(
        "We asked her about the expansion.", "She runs the port."
    )
    result = suggest(explainer, outlet="Wikinews")
    assert _one(result, "4,000 ships").speaker == "Wikinews"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Torres opined that the leak had been designed to stop a fair trial in 2001.",
            "John Torres",
        ),
        (
            'Sergeant Frank "Greg" Ford reports that he saw 12 prisoners beaten in 2004.',
            "Frank Ford",
        ),
        ("Mr. Bao yesterday complained to the press that he was hit on 1 December.", "Bao"),
        ("President Bush and others have famously claimed that 90 percent agree.", "Bush"),
    ],
)
def test_wire_forms_of_a_speaker_before_the_cue(sentence, speaker):
    result = suggest(f"Report\n\nJohn Torres was a judge.\n\n{sentence}\n", outlet="Daily News")
    (found,) = [c for c in result.candidates if c.paragraph == 2]
    assert found.speaker == speaker


def test_a_group_claims_and_accuses_in_the_present_and_they_is_still_the_group():
    text = (
        "Protest at the school\n\nThe SOA opened in 1946.\n\n"
        "Activists claim that the school trained 300 militias in torture. They accuse its "
        "graduates of 40 murders in 1980.\n"
    )
    result = suggest(text, outlet="Wikinews")
    assert _one(result, "300 militias").speaker == "Activists"
    assert _one(result, "40 murders").speaker == "Activists"


def test_a_semicolon_opens_an_attribution_of_its_own_and_a_tally_is_given():
    text = (
        "Train crash\n\nThe train hit a parked freight train on Sunday.\n\n"
        '"We are learning why the switch was set that way," investigator Robert Sumwalt said. '
        "Acme's CEO, Richard Anderson, speaking to reporters on Sunday, held Orbis "
        "responsible; he stated the track in that area is run by Orbis.\n\n"
        "Harrison Cahill, a spokesman for the county, gave a count of 116 injured; according "
        "to Derrec Becker, an officer for the state, 2 people died.\n"
    )
    result = suggest(text, outlet="Wikinews")
    assert _one(result, "run by Orbis").speaker == "Richard Anderson"
    assert _one(result, "116 injured").speaker == "Harrison Cahill"
    assert _one(result, "2 people died").speaker == "Derrec Becker"


def test_a_quotation_after_a_participle_and_one_inside_a_sentence_are_the_subjects():
    text = (
        "Burial\n\nAlex Salmond said 270 people died in 1988.\n\n"
        'Susan Cohen, the mother of one of those killed, called him "a murderer", adding to '
        'CNN: "My daughter, at age 20, died a brutal death."\n\n'
        'Ivan Lewis said "we neither engage in nor condone torture" in 2008.\n'
    )
    result = suggest(text, outlet="Wikinews")
    assert _one(result, "age 20").speaker == "Susan Cohen"
    assert _one(result, "condone torture").speaker == "Ivan Lewis"


def test_a_source_closing_a_sentence_and_a_quotation_without_its_comma_still_attribute():
    text = (
        "Castro recovering\n\nHugo Chavez said on Sunday that Castro was recovering.\n\n"
        "Castro's condition is satisfactory after surgery last Monday according to Carlos "
        'Lage.\n\n"We have reliable information of his recovery in 2 days" said Chavez.\n\n'
        '"He will be back at work by 2007" Lage said.\n'
    )
    result = suggest(text, outlet="Wikinews")
    assert _one(result, "after surgery").speaker == "Carlos Lage"
    assert _one(result, "in 2 days").speaker == "Hugo Chavez"
    assert _one(result, "by 2007").speaker == "Carlos Lage"


def test_he_in_a_sentence_that_named_a_person_outside_quotation_marks_is_that_person():
    text = (
        "Torture appeal\n\nDavid Miliband said 12 people were held.\n\n"
        "The release implies that Minister Ivan Lewis misled the BBC when, in August, he "
        "stated that 40 prisoners had been freed.\n\n"
        'David Miliband spoke next. "Ivan Lewis misled us about the 40 prisoners," he said.\n'
    )
    result = suggest(text, outlet="Wikinews")
    assert _one(result, "had been freed").speaker == "Ivan Lewis"
    assert _one(result, "misled us").speaker == "David Miliband"


ELECTION = (
    "Election result disputed\n\n"
    "The electoral commission declared Jane Okoro the winner with 52 percent of the vote, the "
    "commission's chairman, Paul Adeyemi, announced on Monday.\n\n"
    "Observers from the African Union said the election was largely peaceful in 30 states.\n\n"
    '"We saw no evidence of fraud at 300 stations," the head of the mission, Amara Diallo, '
    "told reporters.\n\n"
    "The opposition party claims that 400,000 ballots were destroyed.\n\n"
    "Okoro, a former finance minister, has promised to create 2 million jobs within four years.\n"
)


def test_election_report_forms():
    result = suggest(ELECTION, outlet="Daily News")
    assert _one(result, "52 percent").speaker == "Paul Adeyemi"  # a tail with its appositive
    assert _one(result, "30 states").speaker == "Observers from the African Union"
    assert _one(result, "400,000 ballots").speaker == "The opposition party"  # not Diallo
    assert _one(result, "2 million jobs").speaker == "Jane Okoro"  # a promise to do something


def test_a_fronted_phrase_of_cause_or_time_stays_with_its_clause():
    text = (
        "Release\n\nDue to suffering from prostate cancer, he was granted release from prison "
        "in 2009. Despite the ruling, she paid 300 pounds.\n"
    )
    texts = [c.text for c in suggest(text, outlet="Wikinews").candidates]
    assert any(t.startswith("Due to suffering") and "granted release" in t for t in texts)
    assert any(t.startswith("Despite the ruling") and "300 pounds" in t for t in texts)


def test_a_report_citing_a_source_relays_it_and_a_named_agency_is_no_description():
    text = (
        "Blast\n\nThe BBC reported, citing police, that 14 people were killed in the blast.\n\n"
        "Citing hospital sources, the Reuters news agency said 40 people were injured.\n\n"
        "Witnesses told the AFP news agency they heard two explosions at about 9am.\n"
    )
    result = suggest(text, outlet="Daily News")
    killed = _one(result, "14 people")
    assert (killed.speaker, killed.reported_speaker, killed.text) == (
        "BBC",
        "police",
        "14 people were killed in the blast",
    )
    injured = _one(result, "40 people")
    assert (injured.speaker, injured.reported_speaker) == (
        "the Reuters news agency",
        "hospital sources",
    )
    assert _one(result, "two explosions").text == "they heard two explosions at about 9am"


def test_a_share_and_its_plural_verb_are_a_reported_clause():
    text = (
        "Poll\n\nThe vote was held in May.\n\nJoe Biden said 40 percent agree.\n\n"
        "The survey found 30 per cent of the country's adults own a car.\n\n"
        "He won 60 percent of the vote.\n"
    )
    result = suggest(text, outlet="Daily News")
    assert (_one(result, "40 percent").speaker, _one(result, "40 percent").text) == (
        "Joe Biden",
        "40 percent agree",
    )
    assert _one(result, "own a car").text == "30 per cent of the country's adults own a car"
    assert _one(result, "60 percent").speaker == "Daily News"


def test_a_subject_with_adjectives_before_a_present_verb_makes_a_reported_clause():
    text = (
        "Space\n\nScientists believe the ambipolar electric field counteracts some of the "
        "effects of gravity.\n"
    )
    result = suggest(text, outlet="Daily News")

    found = _one(result, "gravity")
    assert (found.speaker, found.text) == (
        "Scientists",
        "the ambipolar electric field counteracts some of the effects of gravity",
    )


def test_a_study_named_again_is_the_body_that_released_or_led_it():
    text = (
        "Prices\n\nHHS released a report on Monday. The report shows that 50 percent of drugs "
        "rose in price.\n\nThen the Pew Research Center published its new survey. The survey "
        "found that 60 percent of adults own a car.\n"
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "50 percent").speaker == "HHS"
    assert _one(result, "60 percent").speaker == "Pew Research Center"


def test_he_after_a_quotation_with_nobody_speaking_yet_is_the_person_named_last():
    text = (
        "Waist study\n\nOne of the study's authors, Professor Elio Riboli of Imperial College "
        'London, commented on the findings. "We were surprised to see the waist size having '
        'such an effect on 40 people," he stated.\n'
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "40 people").speaker == "Elio Riboli"


def test_a_quotation_after_saying_is_the_sentence_subjects_not_the_last_name_before_it():
    text = (
        "Boeing\n\nThe deal was signed in May.\n\nAn additional email by Roche provides a "
        "contrast to his criticism of Airbus, as he talks to Marvin Sambur about Boeing, "
        'saying, "I love Ya, Big Guy, give it to the 4 of them."\n'
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "Big Guy").speaker == "Roche"


def test_a_quotation_mark_left_open_runs_on_only_into_a_paragraph_that_quotes():
    text = (
        "Coffee\n\nJane Roe said the suit cost 2 million dollars.\n\n"
        'In 2006, the growers sued Acme over a campaign titled "Juan drinks coffee. '
        "The charges were dropped in 2008.\n\n"
        "The strip appears in over 800 newspapers worldwide.\n"
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "800 newspapers").speaker == "Daily News"


def test_a_pledge_not_to_act_and_a_title_glossed_between_dashes():
    text = (
        "Vote\n\nThe vote was held in May.\n\nAustralia pledged not to withdraw 1,500 troops "
        "from Afghanistan.\n\nIrish Taoiseach — Prime Minister — Leo Varadkar said the law is "
        "to be enacted before the end of 2019.\n"
    )
    result = suggest(text, outlet="Daily News")

    assert (_one(result, "1,500").speaker, _one(result, "1,500").text) == (
        "Australia",
        "not to withdraw 1,500 troops from Afghanistan",
    )
    assert _one(result, "2019").speaker == "Leo Varadkar"


def test_a_pronoun_and_its_verb_after_a_cue_and_a_military_that_speaks_for_itself():
    text = (
        "Raid\n\nThe raid took place in May.\n\n"
        '"The insurgents use it as a weapon," said Colonel Greg Julian, a spokesman for the '
        "U.S. military in Afghanistan. The U.S. military admits they use white phosphorus for "
        "illumination in 30 cases.\n\nThe Navy said it used 20 bombs in 2009.\n"
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "30 cases").speaker == "The U.S. military"
    assert (_one(result, "20 bombs").speaker, _one(result, "20 bombs").text) == (
        "Navy",
        "it used 20 bombs in 2009",
    )


def test_keen_to_stress_that_and_they_have_shown_that():
    text = (
        "Iran\n\nThe talks took place in May.\n\nThe Prince was keen to stress that those in "
        "power seized the US embassy in 1979.\n\nA team of researchers from the University of "
        "Tennessee has confirmed that the asteroid is held together by van der Waals forces. "
        "They have shown that the rotation rate of the 1.1 km asteroid is too high.\n"
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "1979").speaker == "The Prince"
    assert _one(result, "rotation rate").speaker == (
        "A team of researchers from the University of Tennessee"
    )


def test_a_sentence_opening_participle_cue_reports_for_the_subject_after_its_comma():
    text = (
        "Raid\n\nThe raid took place in May.\n\nAnnouncing that the leader had been killed by "
        "special forces during a 40-minute raid, President Barack Obama said it was a good "
        "day.\n\nSpeaking in Paris on Monday, the minister said 40 people died.\n"
    )
    result = suggest(text, outlet="Daily News")

    killed = _one(result, "40-minute")
    assert (killed.speaker, killed.text) == (
        "Barack Obama",
        "the leader had been killed by special forces during a 40-minute raid",
    )
    assert _one(result, "40 people").text == "40 people died"


def test_a_middle_initial_and_but_also_said_keep_the_speaker():
    text = (
        "Raid\n\nThe raid took place in May.\n\nJohn F. Kennedy said that 40 people died.\n\n"
        "General James L. Jones apologized for the loss of civilians, but also said that the "
        "Taliban used 41 villagers as shields.\n"
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "40 people").speaker == "John F. Kennedy"
    assert _one(result, "41 villagers").speaker == "James L. Jones"


def test_an_act_before_saying_or_adding_is_kept_as_the_outlets_account():
    text = (
        "Aid\n\nThe aid came in May.\n\nEgeland later recanted his statement, adding that the "
        "US pledge of 350 million dollars was generous.\n\nCanadian Prime Minister Justin "
        'Trudeau later congratulated Varadkar on Twitter, saying: "What a moment for 40 million '
        'women."\n\nThe minister weighed in on Tuesday, saying "exports fell 5 percent".\n'
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "recanted").text == "Egeland later recanted his statement"
    assert _one(result, "recanted").speaker == "Daily News"
    assert _one(result, "congratulated").speaker == "Daily News"
    assert _one(result, "40 million").speaker == "Justin Trudeau"
    assert _none(result, "weighed in")
    assert _one(result, "5 percent").speaker == "The minister"


def test_a_clause_before_although_experts_say_and_a_source_inside_the_claim_are_kept():
    text = (
        "Deal\n\nThe deal was signed in May.\n\nCongressional lawmakers rejected the proposal "
        "in October, although industry experts say the deal had been killed by the Pentagon "
        "because of reports stating that the deal had favored Boeing.\n"
    )
    result = suggest(text, outlet="Daily News")

    rejected = _one(result, "rejected")
    assert (rejected.speaker, rejected.text) == (
        "Daily News",
        "Congressional lawmakers rejected the proposal in October",
    )
    killed = _one(result, "killed")
    assert killed.speaker == "experts"
    assert killed.text.startswith("the deal had been killed by the Pentagon because of reports")


def test_a_body_that_released_a_report_showing_that_makes_the_finding():
    text = (
        "Drug prices\n\nThe plan was signed in May.\n\nEarlier this year, HHS released a report "
        "showing that the price of 1,200 drugs rose faster than inflation.\n\nThe Pew Research "
        "Center published a new survey finding that 60 percent of adults own a car.\n\nShe read "
        "a report showing that 40 people died.\n"
    )
    result = suggest(text, outlet="Daily News")

    assert _one(result, "1,200").speaker == "HHS"
    assert _one(result, "60 percent").speaker == "Pew Research Center"
    assert _one(result, "40 people").speaker == "Daily News"


def test_wire_forms_of_bodies_a_spokesman_for_a_press_agency_and_official_figures():
    text = (
        "Port strike\n\nThe strike began in May.\n\nA spokesman for the port authority said 40 "
        "containers had been damaged.\n\nReyes later told the Associated Press that wages would "
        "not rise by more than 3 percent.\n\nIn a post on Facebook, the union said police had "
        "used tear gas on 50 strikers.\n\nThe port handles 40 percent of the country's trade, "
        "according to official figures.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 containers").speaker == "the port authority"
    assert _one(result, "50 strikers").speaker != "Associated Press"
    trade = _one(result, "trade")
    assert (trade.speaker, trade.reported_speaker) == ("Herald", "official figures")


def test_the_head_of_a_named_body_speaks_as_its_head_not_as_the_body():
    text = (
        "Hearing\n\nThe head of Skyways Airlines told a Senate hearing on Tuesday that the "
        "carrier cancelled 16,000 flights in December.\n"
    )
    result = suggest(text, outlet="Reuters")

    assert _one(result, "16,000").speaker == "The head of Skyways Airlines"


def test_a_role_naming_a_person_between_commas_who_disputed_something_is_she_after():
    text = (
        "Wages\n\nVoss said wages had risen 12 percent since 2021.\n\nThe union's leader, Jane "
        "Roe, disputed the figures. She said real wages had fallen 4 percent over the same "
        "period.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "disputed").speaker == "Herald"
    assert _one(result, "4 percent").speaker == "Jane Roe"


def test_groups_of_bodies_described_by_their_cause_speak_as_a_group():
    text = (
        "Port\n\nThe port opened in May.\n\nEnvironmental groups say the expansion will destroy "
        "200 hectares of wetland.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "200 hectares").speaker == "Environmental groups"


def test_according_to_bare_figures_at_the_end_of_a_sentence_is_relayed_by_the_outlet():
    text = (
        "Coffee\n\nThe study was published in May.\n\nCoffee consumption in the UK has risen by "
        "25 percent since 2010, according to industry figures.\n"
    )
    result = suggest(text, outlet="Herald")

    found = _one(result, "25 percent")
    assert (found.speaker, found.reported_speaker) == ("Herald", "industry figures")
    assert found.text == "Coffee consumption in the UK has risen by 25 percent since 2010"


def test_pull_quotes_signed_after_a_dash_or_over_a_signature_line_are_furniture():
    text = (
        "Leaders react\n\nTuesday, May 3, 2011\n\nBin Laden claimed to act in the name of Islam, "
        "but he made a mockery of its 5 pillars.\n\n—Angela Merkel\n\nLeaders around the world "
        'reacted on Monday. "Bin Laden claimed to act in the name of Islam, but he made a '
        'mockery of its 5 pillars," Merkel said.\n\nThe raid was offensive beyond anything a '
        "public figure in 12 countries should tolerate. — Rick Santorum\n"
    )
    result = suggest(text, outlet="Wikinews")

    pillars = [c for c in result.candidates if "5 pillars" in c.text]
    assert len(pillars) == 1 and pillars[0].speaker.endswith("Merkel")
    assert _none(result, "12 countries")


def test_quoted_by_as_saying_reported_to_have_said_and_a_bodys_website():
    text = (
        "Dam\n\nPolice fired tear gas at 2,000 protesters on Saturday.\n\nIn a press release, "
        "the Koru Power Company stated that work would continue.\n\nAccording to the company's "
        "website, the project will cost 5 billion dollars.\n\nMinister Rosa Lima was quoted by "
        "the BBC as saying that the government had approved the dam in 2019.\n\nAna Silva is "
        "reported to have said that the protests would continue until 2025.\n"
    )
    result = suggest(text, outlet="Wikinews")

    assert _one(result, "5 billion").speaker == "Koru Power Company"
    approved = _one(result, "2019")
    assert (approved.speaker, approved.reported_speaker) == ("BBC", "Rosa Lima")
    assert _one(result, "2025").speaker == "Ana Silva"


def test_people_named_by_their_trade_without_an_article_speak_as_a_group():
    text = (
        "Bank\n\nRates rose in May.\n\nMortgage lenders said they would pass the increase on "
        "to 2 million customers.\n\nLocal farmers say 300 cows died.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "2 million").speaker == "Mortgage lenders"
    assert _one(result, "300 cows").speaker == "Local farmers"


def test_a_day_between_subject_and_cue_and_a_tail_after_a_quoted_characterisation():
    text = (
        "Speech\n\nThe speech was in May.\n\nPresident Maria Duarte on Monday said that 40 "
        'hospitals would be built.\n\nCarlos Vega dismissed the speech as "empty promises," '
        "noting that the government had built only 3 of the 20 hospitals.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 hospitals").speaker == "Maria Duarte"
    built = _one(result, "20 hospitals")
    assert (built.speaker, built.text) == (
        "Carlos Vega",
        "the government had built only 3 of the 20 hospitals",
    )


def test_a_relative_who_said_after_an_object_and_a_fronted_asked_phrase():
    text = (
        "Library\n\nThe library closed on Monday.\n\nWikinews contacted librarian Sam Ortiz, who "
        "said the damage would cost 3 million dollars to repair.\n\nAsked whether the library "
        "would reopen, Ortiz said it could take 18 months.\n\nJane Roe, who said 40 people "
        "died, left on Monday.\n"
    )
    result = suggest(text, outlet="Wikinews")

    assert _one(result, "3 million").speaker == "Sam Ortiz"
    assert _one(result, "18 months").speaker == "Sam Ortiz"
    assert _none(result, "Asked whether")
    assert _one(result, "40 people").speaker == "Wikinews"


def test_a_finding_after_a_time_word_stays_inside_the_outlets_sentence():
    text = (
        "Minister resigns\n\nThe vote was held in May.\n\nHealth Minister Paul Grant resigned "
        "on Friday after an inquiry found he had claimed 60,000 pounds in false expenses.\n"
    )
    result = suggest(text, outlet="Herald")

    found = _one(result, "60,000")
    assert found.text.startswith("Health Minister Paul Grant resigned on Friday")
    assert found.speaker == "Herald"


def test_went_on_to_say_and_quoted_as_saying_without_an_agent():
    text = (
        "Talks\n\nTalks collapsed on Sunday.\n\nThe general went on to say that the offensive "
        "would last 6 months. He was also quoted as saying that 40 villages had been retaken.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "6 months").speaker == "The general"
    assert _one(result, "40 villages").speaker == "The general"


def test_according_to_its_forecast_is_the_clause_subjects():
    text = (
        "Prices\n\nPrices rose in May.\n\nThe central bank expects food inflation to ease to 4 "
        "percent by the end of the year, according to its latest forecast.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "4 percent").speaker == "The central bank"


def test_according_to_a_count_by_an_agency_is_the_agencys():
    text = (
        "Ships\n\nA tanker was seized on Tuesday.\n\nIran has seized at least 5 foreign ships "
        "since 2019, according to a count by the Associated Press.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "5 foreign").speaker == "Associated Press"


def test_said_with_a_quoted_fragment_ending_the_clause():
    text = (
        "Air taxis\n\nRegulators approved rules on Tuesday.\n\nFAA Administrator Mike Whitaker "
        'said such aircraft represent "the first new category of aircraft in 80 years."\n'
    )
    result = suggest(text, outlet="Herald")

    found = _one(result, "first new category")
    assert found.speaker == "Mike Whitaker"
    assert found.text.startswith("such aircraft represent")


def test_a_description_of_two_nouns_or_a_slash_before_a_name():
    text = (
        "Strike\n\nThe strike ended on Friday.\n\nPalestinian blogger and activist Linah Saafin "
        "confirmed that the prisoner ended his strike after 77 days.\n\nOpposition "
        "activist/blogger Oleg Kozyrev says the vote was stolen in 40 districts.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "77 days").speaker == "Linah Saafin"
    assert _one(result, "40 districts").speaker == "Oleg Kozyrev"


def test_called_it_with_a_quoted_name_is_the_callers_claim():
    text = (
        "Tanker deal\n\nThe lease was signed in May.\n\nThe watchdog group Acme Oversight has "
        'called it "a textbook case of favoritism to a single contractor."\n\nThe mayor called '
        "a meeting for 40 residents on Monday.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "textbook case").speaker == "Acme Oversight"
    assert _one(result, "40 residents").speaker == "Herald"  # calling a meeting is an act


def test_a_paragraph_signed_on_the_line_below_is_a_pull_quote():
    text = (
        "Summit\n\nLeaders met in Rome on Monday.\n\nWe will not rest until the last plant is "
        "closed.\n\n—Chancellor Jane Roe on state television.\n\nThe summit ended with a pledge "
        "of 40 billion euros.\n\n- The first item of a list follows a line.\n\n- Aid will rise "
        "by 5 percent in 2027.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _none(result, "last plant")
    assert _one(result, "40 billion").speaker == "Herald"
    assert _one(result, "first item")  # a list's items are no signature


def test_a_line_without_a_verb_and_with_a_relative_clause_is_a_caption():
    text = (
        "Audiobooks\n\nThe project has recorded 5,000 books since 2005.\n\nHugh McGuire with "
        "some books that have not yet been recorded.\n\nVolunteers read 200 books a month.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _none(result, "Hugh McGuire")
    assert _one(result, "200 books")


def test_state_that_and_states_that_are_cues_but_member_states_are_not():
    text = (
        "Arrest\n\nA man was arrested on Monday.\n\nPolice state that the suspect was 25 years "
        "old. The report states that many of the poorest countries took in 80 percent.\n\n"
        "Member states that border the sea will vote on 5 May.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "25 years").speaker == "Police"
    assert _one(result, "80 percent").cue == "states"
    assert _one(result, "5 May").speaker == "Herald"


def test_a_manner_adverb_between_the_speaker_and_the_cue_but_not_a_hedge():
    text = (
        "Jobs\n\nThe plant closed in May.\n\nThe minister angrily denied that 40 jobs were lost."
        "\n\nThe group has apparently claimed responsibility for the attack on 3 May.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 jobs").speaker == "The minister"
    assert _one(result, "3 May").text.startswith("The group has apparently")


def test_according_to_a_report_by_a_body_and_then_to_the_report():
    text = (
        "Refugees\n\nMost refugees live in poor countries, according to the 2010 Global "
        "Trends report by the United Nations High Commissioner for Refugees (UNHCR) released "
        "on Monday.\n\nThere were 43.7 million people displaced at the end of 2010, according "
        "to the report. UNHCR works in over 120 countries.\n\n—Jane Roe, UN High Commissioner "
        "for Refugees\n"
    )
    result = suggest(text, outlet="Herald")

    maker = "United Nations High Commissioner for Refugees"
    assert _one(result, "poor countries").speaker == maker  # the office, not Jane Roe
    assert _one(result, "43.7 million").speaker == maker
    assert _one(result, "120 countries").speaker == "Herald"  # the outlet describing the maker


def test_telling_a_listener_then_the_words_and_people_described_by_a_participle():
    text = (
        "Airline\n\nA jet landed in Stockholm.\n\nThe airline rejects the report, telling "
        "newspaper Sodermanlands Nyheter recordings were reset by a technician.\n\nPilots "
        "interviewed for the programme said they felt pressured to carry 2 tonnes less fuel.\n"
        "\nThe airline has added two publishers to its legal targets in a case filed in May.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "were reset").speaker == "The airline"
    assert _one(result, "2 tonnes").speaker == "Pilots interviewed for the programme"
    assert _one(result, "two publishers").speaker == "Herald"  # adding to a list is an act


def test_semicolons_inside_a_dash_aside_or_between_verbless_items_do_not_cut():
    text = (
        "Deal\n\nIn Geneva, Iran and the P5+1 nations — the five permanent members of the "
        "Security Council; the United States, China, France; plus Germany — reached a "
        "six-month deal. The powers will lift sanctions on gold; the automotive sector; and "
        'oil.\n\nHe said the provisions of the deal "cut off its likely paths to a bomb".\n'
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "six-month deal").text.startswith("In Geneva, Iran")
    assert _one(result, "and oil").text.startswith("The powers will lift")
    assert "provisions of the deal" in _one(result, "paths to a bomb").text


def test_a_report_by_a_body_found_and_the_researchers_found_an_object():
    text = (
        "Prices\n\nPrices rose in May.\n\nA report by the consumer group Consumer Focus found "
        "that prices were 10 percent higher.\n\nThe researchers found the protein in 40 percent "
        "of cells.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "10 percent").speaker == "Consumer Focus"  # the paper speaks for its maker
    assert _one(result, "40 percent").speaker == "The researchers"


def test_bodies_and_roles_of_an_owner_are_not_another_bodys():
    text = (
        "Storm\n\nThe Red Cross sent 40 teams on Monday.\n\nThe country's disaster management "
        "agency said 18 bridges had collapsed.\n\nAcme Corp reported profits on Tuesday. "
        "Acme's chief executive, John Smith, said demand was strong. The firm employs 30,000 "
        "people, according to its website, and its director said 12 stores would open.\n\nThe "
        "regulator, Ofgem, opened an inquiry. Ofgem's chief executive said the watchdog had "
        "received 1,200 complaints.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "18 bridges").speaker == "The country's disaster management agency"
    assert _one(result, "30,000").speaker == "Acme Corp"
    assert _one(result, "1,200").speaker == "Ofgem's chief executive"


def test_an_aside_between_dashes_and_a_pronoun_before_and_said():
    text = (
        "Tripoli\n\nJohn Roe spoke on the radio on Monday.\n\nRoe — in hiding since the attacks "
        "in June — said in an audio recording that he would fight for 6 more months.\n\nHe "
        'labelled the rebels as "rats" and said that he had 40,000 men.\n'
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "6 more months").speaker.endswith("Roe")
    assert _one(result, "in hiding since").speaker == "Herald"  # the outlet's aside
    assert _one(result, "40,000 men").speaker.endswith("Roe")


def test_a_titled_name_with_a_full_stop_in_an_appositive():
    text = (
        "Study\n\nA study was published on Monday.\n\nThe lead author, Dr. Sara Kim, said the "
        "results were alarming for 40 firms.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 firms").speaker == "Sara Kim"


def test_a_college_of_a_field_and_data_published_by_a_body_in_an_aside():
    text = (
        "Waiting times\n\nWaiting times rose in March.\n\nThe data, published by NHS England on "
        "Thursday, show 42 percent of patients waited more than four hours.\n\nThe Royal "
        'College of Emergency Medicine described the figures as "shocking".\n'
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "42 percent").speaker == "NHS England"
    assert _one(result, "shocking").speaker == "Royal College of Emergency Medicine"


def test_an_act_told_with_a_cue_before_saying_and_officials_with_a_body():
    text = (
        "Wildfire\n\nA wildfire spread on Sunday.\n\nGovernor Tom Hale declared a state of "
        "emergency in 3 counties, saying the state would seek federal aid.\n\nOfficials with the "
        "National Weather Service said winds of up to 60 mph were expected.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "3 counties").speaker == "Herald"  # the act, the outlet's account
    assert _one(result, "federal aid").speaker == "Tom Hale"
    assert _one(result, "60 mph").speaker == "Officials with the National Weather Service"


def test_results_released_by_a_body_and_an_officer_opening_a_sentence_before_he():
    text = (
        "Election\n\nPolls closed on Sunday.\n\nThe ruling party won 45 percent of the vote, "
        "according to preliminary results released by the electoral commission on Monday.\n\n"
        "Observer Jan Novak said ballots were stuffed in 2 stations.\n\nThe electoral "
        'commission\'s chairman denied the claims. "There was no fraud in 40 districts," he '
        "said.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "45 percent").speaker == "the electoral commission"
    assert _one(result, "40 districts").speaker == "The electoral commission's chairman"


def test_a_titled_appositive_before_a_relative_clause():
    text = (
        "Bridge\n\nA bridge collapsed on Tuesday.\n\nThe mayor, Anna Berg, who visited the site "
        "on Wednesday, said the city would pay for 6 funerals.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "6 funerals").speaker == "Anna Berg"


def test_said_after_a_quotation_by_an_officer_of_a_body():
    text = (
        'Plant\n\nThe plant closed on Friday.\n\n"We were not consulted about 1,200 jobs," said '
        "the town's mayor.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "1,200 jobs").speaker == "the town's mayor"


def test_captions_credited_with_a_colon_of_their_own_or_an_abbreviation():
    text = (
        "Refugees\n\nRefugees fled across the border on Monday.\n\nUNHCR aid delivered to Kenya. "
        "Image: DoD photo by: TSgt Steve Staedler.\n\nA warship off the coast. Image: U.S. Navy."
        "\n\n2009 file photo of Muammar Gaddafi.\n\nThe agency said 40 camps were full.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _none(result, "delivered to Kenya")
    assert _none(result, "Staedler")
    assert _none(result, "U.S. Navy")
    assert _none(result, "file photo")
    assert _one(result, "40 camps")


def test_three_words_without_a_figure_are_no_claim():
    text = (
        'Briefing\n\nThe minister spoke on Monday.\n\n"Not at all," the minister said. "As you '
        'know, the fund paid out 40 million euros last year."\n'
    )
    result = suggest(text, outlet="Herald")

    assert _none(result, "Not at all")
    assert _one(result, "40 million")


def test_court_papers_speak_for_whoever_filed_them():
    text = (
        "Regulator sues payments firm\n\nThe Federal Trade Commission filed a complaint on Tuesday "
        "against PayQuick, a payments company based in Ohio.\n\nAccording to the complaint, "
        "PayQuick charged more than 200,000 customers hidden fees.\n\nPayQuick also ignored 3,000 "
        "complaints from customers, the lawsuit alleges.\n\nAccording to the indictment unsealed "
        "on Friday, two of its managers laundered $12 million.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "200,000 customers").speaker == "The Federal Trade Commission"
    assert _one(result, "3,000 complaints").speaker == "The Federal Trade Commission"
    # an indictment is the prosecutors' paper, not the regulator's: the outlet relays it
    indicted = _one(result, "$12 million")
    assert indicted.speaker == "Herald"
    assert indicted.reported_speaker == "the indictment unsealed on Friday"


def test_whom_an_indictment_charges_is_not_its_maker():
    text = (
        "Leak case\n\nA reporter was not named in Sterling's indictment.\n\nAccording to the "
        "indictment, the leak was revenge for a lawsuit lost in 2003.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "lost in 2003").speaker == "Herald"


def test_a_paper_whose_maker_is_named_with_it_says_what_its_maker_says():
    text = (
        "Wealth gap\n\nLeaders met in Davos on Monday.\n\nThe report, published by Oxfam on "
        "Monday, says the richest 1 percent received 45 percent of new wealth.\n\nA separate "
        "study, released by the World Bank, says poverty fell in 40 countries.\n\nThe lawsuit, "
        "filed by the Sierra Club in federal court, claims the plant released 4,000 tons of "
        "sulfur dioxide.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "45 percent").speaker == "Oxfam"
    assert _one(result, "40 countries").speaker == "World Bank"
    assert _one(result, "4,000 tons").speaker == "Sierra Club"


def test_a_maker_who_spoke_in_its_paper_or_filed_it_far_from_its_name():
    text = (
        "Chemical maker sued\n\nThe state of Ohio said in a lawsuit filed on Monday that ChemCo "
        "dumped waste in the river for 12 years.\n\nAccording to the lawsuit, the company saved "
        "$30 million.\n\nA complaint filed in federal court by the Justice Department on Friday "
        "named three managers.\n\nAccording to the complaint, the managers destroyed 400 pages "
        "of records.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "$30 million").speaker == "Ohio"
    assert _one(result, "400 pages").speaker == "Justice Department"


def test_a_bare_credit_of_a_maker_and_its_photographer_ends_a_caption():
    text = (
        "Satellite\n\nThe satellite launched on Monday.\n\nAn artist's concept of the satellite in "
        "orbit above Earth. NASA/JPL-Caltech\n\nThe team poses in front of the balloon. "
        "(NASA/Bill Ingalls)\n\nThe ministry said exports rose to 40 billion in June/July.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _none(result, "artist's concept")
    assert _none(result, "poses in front")
    assert _one(result, "40 billion")


def test_calls_and_appeals_are_acts_the_outlet_reports():
    text = (
        "Truce ends\n\nRockets were fired on Monday.\n\nThe European Union called for an "
        '"immediate cessation" of rocket fire and incursions.\n\nThe Security Council endorsed the '
        "process as irreversible and urged the two parties to continue talking.\n\nThe minister "
        "urged that the 40 percent tax cut would pay for itself.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "immediate cessation").text.startswith("The European Union called")
    assert _one(result, "immediate cessation").speaker == "Herald"
    assert _one(result, "continue talking").text.startswith("The Security Council endorsed")
    assert _one(result, "continue talking").speaker == "Herald"
    assert _one(result, "40 percent").speaker == "The minister"


def test_a_second_speaker_after_but_without_a_comma():
    text = (
        "Truce ends\n\nRockets were fired on Monday.\n\nHamas have said that Israel had failed to "
        "ease its blockade of Gaza but Israeli officials insist that there was no commitment to "
        "ease the siege.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "blockade").text == "Israel had failed to ease its blockade of Gaza"
    assert _one(result, "blockade").speaker == "Hamas"
    assert _one(result, "no commitment").speaker == "Israeli officials"


def test_a_research_team_from_several_bodies_is_one_group():
    text = (
        "Dinosaur eggs\n\nA study appeared on Monday.\n\nA joint research team from the University "
        "of Calgary, the American Museum of Natural History, and Florida State University "
        "announced on Monday that the eggs took six months to hatch.\n\nOfficials with the "
        "Department of Health said 40 people had fallen ill.\n"
    )
    result = suggest(text, outlet="Herald")

    team = _one(result, "six months").speaker
    assert team.startswith("A joint research team from the University of Calgary")
    assert team.endswith("Florida State University")
    assert _one(result, "40 people").speaker == "Officials with the Department of Health"


def test_a_cue_word_after_an_article_is_a_noun_and_a_coordinated_quote():
    text = (
        "Crash\n\nA jet crashed on Saturday.\n\nTina Tilley, head of the local chamber of "
        'commerce, was at the show and said "We could see the jet come down very low. There '
        'were 40 fire engines."\n'
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "very low").speaker == "Tina Tilley"
    assert _one(result, "40 fire engines").speaker == "Tina Tilley"


def test_according_to_a_pronoun_and_a_relative_clause_before_the_cue():
    text = (
        "Zuma\n\nJacob Zuma said on Monday that Britain was wrong.\n\nAccording to him, 40 "
        'envoys agreed.\n\nVirginia Alvarez, who wrote the report, noted, "authorities fined '
        '300 protesters".\n\nAccording to her spokesman, the minister earns 90,000 euros.\n'
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 envoys").speaker == "Jacob Zuma"
    assert _one(result, "300 protesters").speaker == "Virginia Alvarez"
    # "her" is Virginia Alvarez, for whom her spokesman speaks
    assert _one(result, "90,000 euros").speaker == "Virginia Alvarez"


def test_a_paragraph_on_posting_a_photo_is_no_caption():
    text = (
        "Fine\n\nA woman was fined on Monday.\n\nThe public posting of the photo led to a fine "
        "of 800 euros in Petrer.\n\nProtesters at the left of the image hold a banner.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "800").speaker == "Herald"
    assert _none(result, "hold a banner")


def test_people_described_by_adjectives_report_that_and_a_participle_without_a_comma():
    text = (
        "Gaza\n\nA school was hit on Tuesday.\n\nPalestinian medical officials report that a "
        "school in Gaza City took a direct hit, killing more than 30 people.\n\nDoctors of the "
        "Kamal Adwan Hospital in Jabaliya report that an additional 10 people died.\n\nA new "
        "report that 40 people died was denied by the army.\n\nOn June 19, Irish Taoiseach Leo "
        'Varadkar addressed the Dail saying, "Today I pay tribute to the 1,000 people who were '
        'criminalised".\n'
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "30 people").speaker == "Palestinian medical officials"
    assert _one(result, "additional 10").speaker.startswith("Doctors of the Kamal Adwan")
    assert _one(result, "40 people died").speaker == "Herald"
    assert _one(result, "1,000 people").speaker == "Leo Varadkar"


def test_a_belief_inside_a_claim_stays_in_it():
    text = (
        "Zuma\n\nZuma arrived in London on Monday.\n\nJacob Zuma, President of South Africa, "
        'claimed Britain believed Africa is "barbaric", hours before a state visit.\n'
    )
    result = suggest(text, outlet="Herald")

    claim = _one(result, "barbaric")
    assert claim.text.startswith("Britain believed")
    assert claim.speaker == "Jacob Zuma"
    assert claim.reported_speaker is None


def test_a_signed_pull_quote_the_body_prints_again_even_with_said_in_it():
    quote = (
        "And I don't know why they are continuing thinking that their culture is more "
        "superior than others, those who might have said so."
    )
    text = (
        f'Zuma\n\nZuma arrived on Monday.\n\n"Bear in mind that I am a freedom fighter. {quote}" '
        f"stated Zuma in an African newspaper.\n\nThe visit lasts 3 days.\n\n{quote}\n\n—Jacob "
        "Zuma, President of South Africa\n\nAccording to ABC News, Basya also believes 40 asylum "
        "seekers left the boat on purpose.\n"
    )
    result = suggest(text, outlet="Herald")

    pulled = text.rindex(quote)
    assert not [c for c in result.candidates if c.start >= pulled and c.end <= pulled + 200]
    assert _one(result, "40 asylum").reported_speaker == "Basya"  # a belief relayed


def test_a_verbless_caption_of_things_going_somewhere():
    text = (
        "Gas crisis\n\nGas deliveries stopped on Tuesday.\n\nPrimary Russian gas pipelines to "
        "Europe.\n\nThe company says 18 countries lost supplies.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _none(result, "Primary Russian")
    assert _one(result, "18 countries")


def test_a_body_named_survey_is_no_finding_and_a_spokeswoman_for_a_described_body():
    text = (
        "Quake\n\nA quake struck on Friday.\n\nThe quake hit near Sivrice at 8:55 pm, according "
        "to the US Geological Survey. The national disaster agency put its magnitude at 6.8.\n\n"
        "The Turkish Red Crescent said it had set up tents for 2,000 families. A spokeswoman for "
        "the organisation, who declined to be named, said 300 volunteers had arrived.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "6.8").speaker == "The national disaster agency"
    assert _one(result, "300 volunteers").speaker == "Turkish Red Crescent"


def test_a_company_described_by_its_kind_a_relative_clause_and_a_coordinated_cue():
    text = (
        "Carmaker cuts jobs\n\nNordwagen, Europe's third-largest carmaker, will cut 4,000 jobs, "
        'the company announced on Tuesday.\n\nThe IG Metall union called the plan "a betrayal '
        'of the workforce" and said it would fight 300 redundancies.\n\nThe company, which '
        "employs 110,000 people, said it expected sales to recover by 2027.\n\nJane Roe, the "
        "head of the works council, said 12 plants were at risk.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "4,000 jobs").speaker == "Nordwagen"
    assert _one(result, "300 redundancies").speaker == "The IG Metall union"
    assert _one(result, "by 2027").speaker == "Nordwagen"
    assert _one(result, "12 plants").speaker == "Jane Roe"


def test_a_department_named_with_and_and_analysis_by_a_body():
    text = (
        "Waiting lists\n\nWaiting lists rose on Thursday.\n\nA spokesperson for the Department of "
        'Health and Social Care said: "We are investing 14.1 billion pounds in the NHS."\n\n'
        "Analysis by the Nuffield Trust suggests that one in nine people is on a waiting list.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "14.1 billion").speaker == "Department of Health and Social Care"
    assert _one(result, "one in nine").speaker == "Nuffield Trust"


def test_an_office_a_pronoun_before_its_listener_and_unnamed_sources():
    text = (
        "Quake\n\nA quake struck on Monday.\n\nMuammer Erol, the provincial governor of Elazig, "
        "stated Okcular, Yukari Kanatli and Kayali accounted for 30 of the dead. He told CNN "
        'Turk that "40 villages have been damaged".\n\nYadin Apaydin said his village was hit.'
        '\n\n"Many houses have collapsed. 300 rescuers have been sent to the area," said the prime '
        "minister's office in a statement. Injured people are being rushed to 12 hospitals "
        "according to sources.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "30 of the dead").speaker == "Muammer Erol"
    assert _one(result, "40 villages").speaker == "Muammer Erol"
    assert _one(result, "300 rescuers").speaker == "the prime minister's office"
    hospitals = _one(result, "12 hospitals")
    assert (hospitals.speaker, hospitals.reported_speaker) == ("Herald", "sources")


def test_reports_of_a_noun_a_day_as_subject_only_conceded_and_who_after_an_appositive():
    text = (
        "Fukushima\n\nRadiation rose on Monday.\n\nThe news comes as media reports of recent weeks "
        "have highlighted 40 spikes in radiation readings.\n\nTEPCO only conceded that three "
        "reactors had melted down.\n\nSearch and rescue head Daryatmo said Monday will see 3 "
        "cranes move debris.\n\nThe report quotes Jyunichi Tokuyama, a specialist with the "
        "Fisheries Department, who said he found hotspots 300 kilometres away.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 spikes").speaker == "Herald"
    assert _one(result, "three reactors").speaker == "TEPCO"
    assert _one(result, "3 cranes").text.startswith("Monday will see")
    assert _one(result, "300 kilometres").speaker == "Jyunichi Tokuyama"


def test_a_manager_named_by_whose_he_is_and_residents_on_an_island():
    text = (
        "Debris\n\nDebris was found on Friday.\n\nAccording to the resort's manager Mr. Naseem, "
        "the 12 bigger pieces of debris were taken away.\n\nOn the day the plane went missing, "
        "residents on the small island of Kudahuvadhoo claimed to have seen a jet crash 40 "
        "kilometres away.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "12 bigger").speaker == "Naseem"
    assert _one(result, "40 kilometres").speaker.startswith("residents on the small island")


def test_a_tail_speaker_described_by_an_aside():
    text = (
        "Egypt\n\nProtests continued on Friday.\n\nAhmed Shafik, Egypt's acting prime "
        "minister, has resigned after 40 days, the Supreme Council of the Armed Forces, now in "
        "control of the country, announced yesterday.\n\nRepublicans in Congress, meanwhile, "
        "have said their top priority is to repeal 12 provisions.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 days").speaker == "Supreme Council of the Armed Forces"
    assert _one(result, "12 provisions").speaker == "Republicans in Congress"


def test_the_final_report_is_the_report_its_maker_released():
    text = (
        "Sales\n\nShops opened on Monday.\n\nThe British Retail Consortium released a report on "
        "Monday. According to the final report, sales fell 40 percent in May.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 percent").speaker == "The British Retail Consortium"


def test_findings_relayed_by_the_outlet_name_the_findings_not_their_auxiliary():
    text = (
        "Coffee\n\nA study was published on Tuesday.\n\nPrevious studies in animals have shown "
        "those compounds protect 40 percent of livers.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 percent").reported_speaker == "Previous studies in animals"


def test_council_figures_are_the_council_named_before():
    text = (
        "Crime\n\nA man was charged on Sunday.\n\nA spokesman for Leeds City Council said CCTV "
        "footage had been handed to officers. According to council figures, there were 212 "
        "violent incidents last year.\n\nAccording to government figures, 40 percent of crimes "
        "go unsolved.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "212 violent").speaker == "Leeds City Council"
    unsolved = _one(result, "40 percent")  # no government named: the outlet relays them
    assert (unsolved.speaker, unsolved.reported_speaker) == ("Herald", "government figures")


def test_an_act_then_but_said_gives_the_words_to_the_second_verb():
    text = (
        "Election\n\nVotes were counted on Monday.\n\nPrime Minister Viktor Hale conceded defeat "
        "late on Monday but said his party would keep 40 seats.\n\nThe minister denied the "
        "claims and said 12 officials had resigned.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "40 seats").text == "his party would keep 40 seats"
    assert _one(result, "40 seats").speaker == "Viktor Hale"
    assert _one(result, "conceded defeat").speaker == "Herald"
    assert _one(result, "12 officials").speaker == "The minister"


def test_a_company_spokeswoman_speaks_for_the_company_named_before():
    text = (
        "Fine\n\nA fine was issued on Monday.\n\nNorthern Telecom said it accepted the findings. "
        "A company spokeswoman added that none of the 3.5 million records had been used for "
        "fraud.\n\nA senior official said 40 people were questioned.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "3.5 million").speaker == "Northern Telecom"
    assert _one(result, "40 people").speaker == "A senior official"


DAM_DISPUTE = """Ministry defends dam after flood

Tuesday, April 7, 2026

The Ministry of Water refutes claims that the Eastport dam was unsafe before the flood.

Engineers at the site surmised that heavy rain had weakened the spillway over three weeks.

Opposition deputies reckon the repairs will cost at least 40 million euros.

Flood warnings issued for Eastport valley (April 2, 2026)

See Dam inspection found cracks in 2024, March 30, 2026

Related news

Eastport residents return home after flood
"""


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("dam was unsafe", "Ministry of Water"),
        ("weakened the spillway", "Engineers"),
        ("40 million euros", "Opposition deputies"),
    ],
)
def test_verbs_that_dispute_guess_or_reckon_attribute_their_clause(words, speaker):
    result = suggest(DAM_DISPUTE, outlet="The Courier")
    check_spans(DAM_DISPUTE, result)
    assert speaker in _one(result, words).speaker


def test_the_sites_other_articles_by_headline_and_date_are_links():
    result = suggest(DAM_DISPUTE, outlet="The Courier")
    for words in ("Flood warnings issued", "Dam inspection found cracks", "residents return home"):
        assert _none(result, words), words


FERRY_FIRE = """Ferry fire off Eastport

Wednesday, May 13, 2026

A ferry caught fire off Eastport on Tuesday night.

Coast guard officials said the ferry carried 412 passengers and 60 crew.

Rescue teams said 38 people had been taken to hospital.

Medics at the scene said nine of them were in a critical condition.

Health officials in the province said the hospital had opened two extra wards.

Hospital staff said the burns unit was full by midnight.
"""


@pytest.mark.parametrize(
    ("words", "speaker"),
    [
        ("412 passengers", "Coast guard officials"),
        ("38 people", "Rescue teams"),
        ("nine of them", "Medics at the scene"),
        ("two extra wards", "Health officials in the province"),
        ("burns unit", "Hospital staff"),
    ],
)
def test_people_described_by_their_work_and_place_speak(words, speaker):
    result = suggest(FERRY_FIRE, outlet="The Courier")
    check_spans(FERRY_FIRE, result)
    assert _one(result, words).speaker == speaker


ECONOMY_NEWS = """Economy shrinks again

Friday, June 12, 2026

Britain's Office for National Statistics said the economy shrank by 0.3 percent in the spring.

Speaking to reporters on Friday, the chancellor said the budget would stay balanced.
"""


def test_a_clause_on_an_irregular_past_is_what_was_said():
    result = suggest(ECONOMY_NEWS, outlet="The Courier")
    check_spans(ECONOMY_NEWS, result)
    assert (
        _one(result, "shrank by 0.3 percent").speaker == "Britain's Office for National Statistics"
    )


def test_the_listeners_of_an_opening_participle_are_not_the_speaker():
    result = suggest(ECONOMY_NEWS, outlet="The Courier")
    assert _one(result, "budget would stay balanced").speaker == "the chancellor"


PLANT_CUTS = """Acme to cut 400 jobs

Tuesday, April 7, 2026

Acme Corp announced 400 job cuts on Monday.

Police said two men were arrested at the plant after a protest.

The company said the cuts would save 30 million dollars a year.

The agency said the river would peak on Friday.
"""


def test_a_body_described_by_its_kind_is_one_of_that_kind():
    result = suggest(PLANT_CUTS, outlet="The Courier")
    check_spans(PLANT_CUTS, result)
    # "the company" is the business named before, not the police named since
    assert _one(result, "30 million dollars").speaker == "Acme Corp"
    # "the agency" is no company with "Corp" in its name
    assert _one(result, "river would peak").speaker != "Acme Corp"


def test_an_aside_on_the_source_of_according_to_is_not_the_claim():
    text = (
        "Harbour plan late\n\nTuesday, April 7, 2026\n\nAccording to the council's own audit, "
        "published in March, the harbour project is 18 months behind schedule.\n\nAccording to "
        "police, armed men stormed the bank, killing two guards.\n"
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    late = _one(result, "18 months behind")
    assert late.text.startswith("the harbour project")
    assert late.reported_speaker == "the council's own audit"
    # a participle that opens the clause itself is no aside
    assert _one(result, "two guards").text.startswith("armed men stormed")


WALL_COST = """Senator repeats wall claim

Thursday, May 7, 2026

Senator Ana Lind repeated her claim that the border wall had cost 20 billion dollars.

In a televised address, the president announced that the wall would be finished by 2027.

Her rival, Tom Reyes, denied the claim that the wall was over budget.
"""


def test_a_claim_restated_through_a_noun_is_the_speakers():
    result = suggest(WALL_COST, outlet="The Courier")
    check_spans(WALL_COST, result)
    cost = _one(result, "20 billion dollars")
    assert (cost.speaker, cost.text) == ("Ana Lind", "the border wall had cost 20 billion dollars")
    # a denial keeps the claim it rejects with its noun: the speaker never asserted the clause
    assert _one(result, "over budget").text.startswith("the claim that")


def test_a_phrase_on_how_the_words_came_is_no_claim_of_the_outlet():
    result = suggest(WALL_COST, outlet="The Courier")
    assert _none(result, "In a televised address")
    assert _one(result, "finished by 2027").speaker == "the president"


def test_a_title_is_not_given_to_someone_whose_role_was_never_said():
    text = (
        "Wall\n\nThursday, May 7, 2026\n\nTom Reyes denied the claim that the wall was over "
        "budget.\n\nThe president said that the wall would be finished by 2027.\n"
    )
    result = suggest(text, outlet="The Courier")
    assert _one(result, "finished by 2027").speaker == "The president"


@pytest.mark.parametrize(
    "caption",
    [
        "Hamas leader Khaled Meshaal (file photo)",
        "The damaged reactor building at Fukushima.",
        "Protesters in Tahrir Square on February 1.",
        "An Airbus A380 of Singapore Airlines.",
    ],
)
def test_captions_without_a_credit(caption):
    text = (
        f"Storm hits coast\n\nTuesday, April 7, 2026\n\n{caption}\n\nThe storm hit the coast "
        "on Monday, killing 12 people, police said.\n"
    )
    result = suggest(text, outlet="The Courier")
    assert _none(result, caption[:20])
    assert [c for c in result.candidates if "12 people" in c.text]


def test_an_acronym_speaks_for_the_body_it_spells():
    text = (
        "Diver killed\n\nTuesday, April 7, 2026\n\nA diver died at the aquarium, and inspectors "
        "of the Ministry of Manpower's (MOM) safety unit were called.\n\nMOM said in a statement "
        "that the diver was pierced in the chest by the barb of a stingray.\n\nThe Harbour "
        "Authority said the aquarium had closed in June. HA later said 40 animals remained.\n"
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    assert _one(result, "barb of a stingray").speaker == "Ministry of Manpower"
    assert _one(result, "40 animals").speaker == "Harbour Authority"


POLL_STORY = (
    "Voters back harbour plan\n\nMonday, June 8, 2026\n\nIn a survey by the Eastport Herald "
    "conducted in May of 1,200 adults, 58 percent said the harbour plan should go ahead. 31 "
    "percent opposed it. Four percent said the city should hold a referendum.\n\nThe plan was "
    "approved in 2025. 40 percent of its cost comes from the regional fund.\n\nIn a poll by "
    "YouGov, 62 percent of voters backed the plan.\n"
)


def test_a_poll_that_opens_a_sentence_speaks_for_its_figures():
    result = suggest(POLL_STORY, outlet="The Courier")
    check_spans(POLL_STORY, result)
    assert _one(result, "58 percent said").speaker == "Eastport Herald"
    assert _one(result, "62 percent of voters").speaker == "YouGov"
    # the poll's next figures in its paragraph are its own, not a later paragraph's shares
    assert _one(result, "31 percent opposed").speaker == "Eastport Herald"
    assert _one(result, "Four percent said").speaker == "Eastport Herald"
    assert _one(result, "40 percent of its cost").speaker == "The Courier"


def test_a_quotation_after_someone_commenting_or_speaking_is_theirs():
    text = (
        "Pirates attack ship\n\nTuesday, April 7, 2026\n\nThe Navy said the crew fired back.\n\n"
        'Abdullahi Nor, a pirate commander, commented on the incident. "We attacked a ship with '
        'an American flag. It opened fire on us."\n\nTom Reyes spoke to reporters after the '
        'vote. "We won 12 of the 14 districts."\n'
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    assert _one(result, "opened fire on us").speaker == "Abdullahi Nor"
    assert _one(result, "12 of the 14 districts").speaker == "Tom Reyes"


def test_a_body_that_said_in_a_relative_clause_speaks():
    text = (
        "Pirates\n\nTuesday, April 7, 2026\n\nThe report was welcomed by Amnesty International, "
        "which said 300 people had been detained.\n\nAttacks fell by half last year, according "
        "to the United Nations, which said warships had deterred the pirates.\n"
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    assert _one(result, "300 people").speaker == "Amnesty International"
    assert _one(result, "fell by half").speaker == "United Nations"
    assert _one(result, "warships had deterred").speaker == "United Nations"


def test_the_subject_after_an_opening_phrase_says_what_follows_its_participle():
    text = (
        "Pipeline\n\nTuesday, April 7, 2026\n\nThe protest began on Monday.\n\nIn a statement "
        "to the Courier, Grady Semmens called the incident unfortunate, saying the pipeline "
        "would carry 830,000 barrels a day.\n\nActivists promoted a campaign against the "
        "company. According to them the pipeline crosses 200 rivers.\n"
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    # the listener of the opening phrase is not who speaks
    assert _one(result, "830,000 barrels").speaker == "Grady Semmens"
    # "According to them" with no comma after it
    assert _one(result, "200 rivers").speaker == "the activists"


def test_a_barristers_client_is_not_the_speaker_and_a_second_cue_keeps_the_first_subject():
    text = (
        "Trial\n\nTuesday, April 7, 2026\n\nThe trial began on Monday.\n\nFrances McMenamin, QC "
        "for Millar, claimed the witness had exaggerated his account.\n\nThe procurator fiscal "
        "for the North of Scotland, Liam Murphy, welcomed the verdict and said it would reassure "
        "the island, but stressed there had been 2 murders in the region in 10 years.\n"
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    assert _one(result, "exaggerated his account").speaker == "Frances McMenamin"
    assert _one(result, "2 murders").speaker == "Liam Murphy"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        (
            "Having had heart surgery, the emperor in a televised address last year said age "
            "was interfering with 40 of his duties.",
            "the emperor",
        ),
        ("Jane Roe at a news conference in Paris said exports rose by 5 percent.", "Jane Roe"),
        ("The company in a statement said exports rose by 5 percent.", "The company"),
    ],
)
def test_a_phrase_on_how_the_words_came_between_speaker_and_cue(sentence, speaker):
    text = f"Trial\n\nTuesday, April 7, 2026\n\nThe trial began on Monday.\n\n{sentence}\n"
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    said = [c for c in result.candidates if c.cue == "said"]
    assert [c.speaker for c in said] == [speaker]


def test_officials_in_a_place_are_still_the_group():
    text = (
        "Outbreak\n\nTuesday, April 7, 2026\n\nThe outbreak began on Monday.\n\nOfficials in "
        "the province said 12 cases had been confirmed.\n"
    )
    assert _one(suggest(text, outlet="The Courier"), "12 cases").speaker == (
        "Officials in the province"
    )


def test_a_name_with_jr_before_an_appositive_and_a_quotation_after_an_opening_phrase():
    text = (
        "Trial\n\nTuesday, April 7, 2026\n\nThe indictment said Sterling leaked 12 secrets.\n\n"
        "Edward MacMahon Jr., a lawyer for Sterling, said the case rested on 3 emails.\n\nIn a "
        'statement to the Courier, Grady Semmens called the leak "unfortunate" saying, "It put '
        '40 agents at risk."\n'
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    assert _one(result, "3 emails").speaker == "Edward MacMahon"
    assert _one(result, "40 agents").speaker == "Grady Semmens"


def test_a_spokesperson_named_after_a_body_written_alone_elsewhere():
    text = (
        "Pipeline\n\nTuesday, April 7, 2026\n\nTransCanada, which owns the pipeline, stopped "
        "work.\n\nSpokesperson for TransCanada Grady Semmens said 40 workers were sent home. He "
        "also confirmed that construction was halted for 2 days.\n\nA spokesperson for Human "
        "Rights Watch said 40 people were held.\n"
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    assert _one(result, "40 workers").speaker == "Grady Semmens"
    assert _one(result, "2 days").speaker == "Grady Semmens"
    assert _one(result, "40 people").speaker == "Human Rights Watch"


def test_a_speaker_after_after_or_when_says_the_subordinate_clause():
    text = (
        "Vote\n\nTuesday, April 7, 2026\n\nThe count began on Monday.\n\nThe vote was delayed "
        "after the ministry said 40 ballot boxes were missing.\n\nShares fell 5 percent when "
        "the company said profits would halve.\n"
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)
    assert _one(result, "40 ballot boxes").speaker == "the ministry"
    assert _one(result, "The vote was delayed").speaker == "The Courier"
    assert _one(result, "Shares fell 5 percent").speaker == "The Courier"


def test_a_statement_issued_after_an_opening_time_is_the_issuers():
    text = (
        "T\n\nTuesday, April 7, 2026\n\nThe Navy said the crew fired back.\n\nOn Monday, Senator "
        'Jane Doe issued a statement. "We will cut 400 jobs in the north."\n'
    )
    result = suggest(text, outlet="The Courier")
    assert _one(result, "400 jobs").speaker == "Jane Doe"


def test_a_study_named_by_its_maker_before_the_noun_is_the_makers():
    text = (
        "Survey season\n\n"
        "A Pew Research Center study published in June suggests that 74 percent of Russians "
        "oppose the law.\n\n"
        "A 2019 NORC poll conducted in May showed 64 percent of adults back the ban.\n\n"
        "The NASA-led study from October 2023 suggested 17 exoplanets could hold oceans.\n\n"
        "A report released on Monday by the World Bank estimated that growth will slow to 2.4 "
        "percent.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "74 percent of Russians").speaker == "Pew Research Center"
    assert _one(result, "64 percent of adults").speaker == "NORC"
    assert _one(result, "17 exoplanets").speaker == "NASA"
    assert _one(result, "growth will slow").speaker == "World Bank"
    # the study that "suggested" in a relative clause is no subject of the sentence's verb
    relative = suggest(
        "Moons\n\nThe new research supports a study that suggested 17 moons hold water.\n",
        outlet="Wire",
    )
    assert _one(relative, "17 moons").speaker == "Wire"


def test_a_quotation_that_ends_the_reported_clause_is_its_predicate():
    text = (
        "Harbour\n\nTuesday, April 7, 2026\n\n"
        'Mayor Ann Lee said the region "will not survive another winter without the plan".\n\n'
        'Her deputy Tom Vries added the harbour "has lost 300 jobs since 2020".\n\n'
        'Senator Jo Park criticised "the council\'s rejection of every amendment" and said the '
        'plan "is built on hope".\n'
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)

    assert _one(result, "another winter").speaker == "Ann Lee"
    assert _one(result, "another winter").text.startswith("the region")
    assert _one(result, "300 jobs").speaker == "Tom Vries"
    assert _one(result, "built on hope").speaker == "Jo Park"
    # what the senator did first stays a candidate of its own, the outlet's account
    assert _one(result, "every amendment").speaker == "The Courier"
    # a word quoted as a word is no clause
    word = suggest('Apology\n\nThe minister said the word "sorry" twice.\n', outlet="Wire")
    assert _one(word, "sorry").speaker == "Wire"


def test_a_quotation_after_who_said_is_the_named_persons():
    text = (
        "Peers debate\n\nTuesday, April 7, 2026\n\n"
        'Several peers spoke against the bill, including Lord Cormack, who said: "Those who '
        'support the bill have won 12 of the 14 votes."\n\n'
        'Police arrested Tom Green, who said "I was in Leeds on the night of the fire."\n'
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)

    assert _one(result, "12 of the 14 votes").speaker == "Cormack"
    assert _one(result, "in Leeds").speaker == "Tom Green"
    # the sentence's own clause before the relative one is the outlet's account
    assert _one(result, "Police arrested Tom Green").speaker == "The Courier"
    assert _one(result, "including Lord Cormack").speaker == "The Courier"


def test_words_before_a_relayed_finding_stay_the_speakers_and_our_results_are_their_own():
    text = (
        "Prices\n\nTuesday, April 7, 2026\n\n"
        "Minister Lena Holt said prices were falling fast, though official figures show "
        "inflation rose to 3.2 percent in May.\n\n"
        '"Our results show that moderate consumption is not harmful," said Dr Maria Gomez of '
        "the University of Lisbon.\n\n"
        "The president said in an interview broadcast on Sunday that the economy would grow by "
        "4 percent this year.\n"
    )
    result = suggest(text, outlet="The Courier")
    check_spans(text, result)

    # nothing before the relayed figures is lost
    falling = _one(result, "prices were falling fast")
    assert falling.speaker == "Lena Holt"
    assert falling.reported_speaker is None
    assert "3.2 percent" not in falling.text
    # a speaker's own results relay nobody
    own = _one(result, "moderate consumption")
    assert own.speaker == "Maria Gomez"
    assert own.reported_speaker is None
    # "broadcast" is the interview's participle, not a verb of the sentence
    assert _one(result, "grow by 4 percent").text.startswith("the economy")


def test_an_aside_with_a_listener_keeps_the_subject_it_interrupts():
    text = (
        "Radar\n\nTuesday, April 7, 2026\n\nMike Whitaker spoke to senators on Monday. The "
        "agency, he told the committee, was already replacing its 1980s radar systems.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    found = _one(result, "1980s radar")
    assert found.speaker == "Mike Whitaker"
    assert found.text.startswith("The agency")


def test_a_stage_exchange_gives_each_claim_once_and_each_speaker_in_full():
    text = (
        "Chip chiefs clash\n\nThursday, April 9, 2026\n\n"
        "Lisa Su, who runs rival AMD, was more cautious. She told the audience that customers "
        'were still working out how to make money from AI, adding that "not every investment '
        'will pay off."\n\n'
        "Su replied that AMD had won orders worth $5 billion this year, telling Jensen Huang "
        'that the market was "big enough for both of us."\n\n'
        "Bill Clinton and Hillary Clinton arrived later. Clinton said the event had raised "
        "$2 million.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    # the quotation after ", adding that" is one candidate, not two
    assert len([c for c in result.candidates if "not every investment" in c.text]) == 1
    # the words before ", telling Huang that" end at the comma
    orders = _one(result, "$5 billion")
    assert "telling" not in orders.text
    assert _one(result, "big enough").speaker == "Lisa Su"
    # the surname alone is the person the article named in full before
    assert orders.speaker == "Lisa Su"
    # ... unless it named two people of that name
    assert _one(result, "$2 million").speaker == "Clinton"


def test_a_press_release_describing_its_own_department_and_its_contact_line():
    text = (
        "Ministry announces funding to cut waiting lists\n\nPublished 12 March 2026\n\n"
        "The Department of Health today announced £200 million of new funding to cut hospital "
        "waiting lists.\n\nThe money will fund 30 new diagnostic centres across England, the "
        "department said.\n\nNotes to editors\n\n"
        "For more information contact the press office on 020 7946 0000.\n"
    )
    result = suggest(text, outlet="Department of Health")
    check_spans(text, result)

    assert _one(result, "30 new diagnostic centres").speaker == "Department of Health"
    assert _none(result, "press office")


def test_a_live_blog_names_its_speakers_without_their_trade_and_drops_its_presenter():
    text = (
        "Storm live: thousands without power\n\n"
        "10:42 GMT: Forecaster Tom Brooks said gusts could reach 80mph on the coast.\n\n"
        "10:15 GMT: Energy firm SSE said that 20,000 homes were without power in Scotland.\n\n"
        "09:50 GMT: Yesterday, Northern Grid told customers that 12,000 homes had lost "
        "power.\n\n"
        "09:30 GMT: Here's a picture sent in by a reader in Cardiff.\n\n"
        "09:12 GMT: Good morning and welcome to our live coverage of the storm.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "80mph").speaker == "Tom Brooks"
    homes = _one(result, "20,000 homes")
    assert homes.speaker == "SSE"
    assert homes.text.startswith("20,000")  # "that 20,000 homes" opens a clause
    assert _one(result, "12,000 homes").speaker == "Northern Grid"
    assert _none(result, "picture sent in")
    assert _none(result, "welcome to our live coverage")


def test_a_listener_then_a_new_clause_is_no_aside():
    text = (
        "Budgets\n\nTuesday, April 7, 2026\n\nVladimir Putin spoke on Monday. The US has "
        "outstripped us, Donald Trump told me, they have approved a budget of $738 billion.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    budget = _one(result, "$738 billion")
    assert budget.speaker == "Donald Trump"
    assert budget.text.startswith("they have approved")


def test_a_transcripts_note_on_its_editing_is_its_standfirst():
    text = (
        "Transcript: interview with Finance Minister Anna Berg\n\n"
        "The following is a transcript of an interview with Finance Minister Anna Berg, "
        "conducted by Michael Dranove on 4 March 2026. It has been edited for length.\n\n"
        "MICHAEL DRANOVE: Inflation is at 6 percent. Is your budget to blame?\n\n"
        "ANNA BERG: Inflation is driven by energy prices, which doubled last year.\n\n"
        "DRANOVE: Will you raise taxes?\n\n"
        "BERG: Our budget cut the deficit by 2 billion euros.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _none(result, "The following is a transcript")
    assert _none(result, "edited for length")
    assert _one(result, "2 billion euros").speaker == "Anna Berg"


def test_a_courts_two_sides_speak_and_an_aside_after_that_keeps_the_clause():
    text = (
        "Aide tells court of deleted emails\n\nTuesday, April 7, 2026\n\n"
        "Prosecutors allege that the contract, worth £340 million, was awarded without a "
        "tender.\n\nThe defence argues that the emails contained nothing of substance.\n\n"
        "The prosecution argued that 300 emails were deleted in one day.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    contract = _one(result, "without a tender")
    assert contract.speaker == "Prosecutors"
    assert contract.text.startswith("the contract")
    assert _one(result, "nothing of substance").speaker == "The defence"
    assert _one(result, "300 emails").speaker == "The prosecution"


def test_a_quoted_phrase_after_a_findings_verb_stays_in_the_reported_clause():
    text = (
        "Sewage fine\n\nFriday, April 10, 2026\n\n"
        'Judge Anna Johnson said the company had shown "a shocking and wholesale disregard for '
        'the environment."\n'
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    found = _one(result, "wholesale disregard")
    assert found.speaker == "Anna Johnson"
    assert found.text.startswith("the company had shown")


def test_in_her_view_gives_the_opinion_to_whom_the_possessive_names():
    text = (
        "The euro\n\nFriday, April 10, 2026\n\n"
        '"The market has priced in too much pessimism," said Karen Ward, a strategist at JP '
        "Morgan. In her view, the euro could recover to $1.10 by the end of the year.\n\n"
        "Tom Reyes of Goldman Sachs disagrees. In Reyes's opinion, the euro will fall to "
        "parity by June.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    view = _one(result, "$1.10")
    assert view.speaker == "Karen Ward"
    assert view.text.startswith("the euro")
    assert view.cue == "In her view"
    assert _one(result, "parity by June").speaker == "Tom Reyes"


def test_words_after_a_source_set_in_the_sentence_are_kept():
    text = (
        "Results\n\nFriday, April 10, 2026\n\n"
        "The number of measles cases in England has tripled since 2022, the UK Health Security "
        "Agency said, warning that vaccination rates were too low.\n\n"
        "The Conservatives took 35 per cent of the vote, according to exit polls, with Labour on "
        "29 per cent.\n\n"
        "The Met Office has issued an amber warning for snow. It says up to 20cm could fall on "
        "high ground.\n\n"
        '"The verdict is a travesty and we will appeal it," a spokeswoman for the family said.\n'
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "tripled since 2022").speaker == "UK Health Security Agency"
    low = _one(result, "vaccination rates")
    assert low.speaker == "UK Health Security Agency"
    assert low.text == "vaccination rates were too low"
    assert "Labour on 29 per cent" in _one(result, "35 per cent").text
    assert _one(result, "20cm").speaker == "Met Office"
    assert _one(result, "travesty").speaker == "a spokeswoman for the family"


def test_a_wire_tail_keeps_its_speaker_and_drops_the_speakers_description():
    text = (
        "Markets\n\nFriday, April 10, 2026\n\n"
        "Investors fear that the merger will collapse, said Mike Chen, a portfolio manager at "
        "Aster Funds.\n\n"
        "Children who slept less, the team found, were 20 percent more likely to be obese.\n\n"
        "Acme Corp said on Monday it would close its plant in Ohio.\n\n"
        "Voters backed the independent candidate by a margin of 2 to 1, officials said late on "
        "Thursday.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "merger will collapse").speaker == "Mike Chen"
    assert _none(result, "portfolio manager")  # who he is, not what he said
    obese = _one(result, "more likely to be obese")
    assert obese.text.startswith("Children who slept less")  # one claim, the aside inside
    assert _one(result, "close its plant").text.startswith("it would")
    assert _one(result, "margin of 2 to 1").speaker == "officials"


def test_a_carmaker_or_drugmaker_described_by_its_trade_is_the_body_named_before():
    text = (
        "Sales\n\nFriday, April 10, 2026\n\n"
        "Kestrel Motors posted record sales in March. The carmaker said demand for electric "
        "models had doubled.\n\n"
        "Helix Pharmaceuticals cut 300 jobs. The drugmaker said its trial had failed.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "electric models").speaker == "Kestrel Motors"
    assert _one(result, "trial had failed").speaker == "Helix Pharmaceuticals"


def test_a_party_and_a_trade_before_a_name_and_unnamed_sources_after_according_to():
    text = (
        "Votes\n\nFriday, April 10, 2026\n\n"
        '"It is a scandal that nobody has resigned," said Tory backbencher Sir John Haines.\n\n'
        '"This is a sad day for democracy," said Green Party co-leader Anna Holm, as results '
        "came in.\n\n"
        "The bank is preparing to cut 2,000 jobs, according to people familiar with the "
        "matter.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "nobody has resigned").speaker == "John Haines"
    assert _one(result, "sad day").speaker == "Anna Holm"
    jobs = _one(result, "2,000 jobs")
    assert jobs.speaker == "people familiar with the matter"
    assert "according to" not in jobs.text


def test_an_adverb_before_a_second_cue_is_left_out_with_the_cue():
    text = (
        "Lobbying\n\nFriday, April 10, 2026\n\n"
        "Minister Jane Roe told parliament the claims were false, but later admitted that she "
        "had met the lobbyist twice.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    met = _one(result, "met the lobbyist")
    assert met.speaker == "Jane Roe"
    assert met.text == "she had met the lobbyist twice"


def test_a_quotation_split_by_its_attribution_is_one_claim():
    text = (
        "Retail\n\nFriday, April 10, 2026\n\n"
        '"The new rules," Ms Moss said, "will cost retailers £2bn a year."\n\n'
        '"Our profits have risen sharply this year," Ms Moss said, "and we expect more growth '
        'in 2027."\n'
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    rules = _one(result, "£2bn")
    assert rules.speaker == "Moss"
    assert rules.text.startswith('"The new rules,"')
    # a second clause of its own stays apart
    assert _one(result, "risen sharply").text == "Our profits have risen sharply this year"
    assert _one(result, "more growth").speaker == "Moss"


def test_a_lead_author_and_colleagues_and_a_body_described_before_which_said():
    text = (
        "Malaria\n\nFriday, April 10, 2026\n\n"
        "Dr Kofi Mensah and colleagues at the University of Ghana found that malaria cases fell "
        "by a third.\n\n"
        "The claims were denied by the company, which said it had followed all safety rules.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "malaria cases").speaker == "Kofi Mensah"
    assert _one(result, "safety rules").speaker == "the company"
    assert _one(result, "claims were denied").speaker == "Wire"


def test_figures_and_reports_from_a_named_maker_speak_for_it():
    text = (
        "Jobs\n\nFriday, April 10, 2026\n\n"
        "Figures from the Office for National Statistics show that unemployment rose to 4.2 "
        "percent.\n\n"
        "A report by the consultancy McKinsey estimated that automation could replace 30 "
        "percent of tasks.\n\n"
        "A survey of 2,000 parents by the charity Save the Children found that half could not "
        "afford school uniforms.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "4.2 percent").speaker == "Office for National Statistics"
    assert _one(result, "automation").speaker == "McKinsey"
    # a name with "the" inside is kept whole, with the paper
    assert _one(result, "school uniforms").speaker.endswith("Save the Children")


def test_he_after_a_witness_named_in_an_apposition_is_the_witness():
    text = (
        "Trial\n\nFriday, April 10, 2026\n\n"
        "Prosecutor Eva Persson questioned the witness, Mark Lund, for three hours. He told the "
        "court he had never met the defendant.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    met = _one(result, "never met the defendant")
    assert met.speaker == "Mark Lund"
    assert met.confidence < 0.75  # a pronoun: the editor confirms


def test_a_relayed_speakers_apposition_is_no_claim_of_its_own():
    text = (
        "Relayed\n\nFriday, April 10, 2026\n\n"
        '"If we take Canada, Mr. Trudeau, the prime minister, said that it was necessary to '
        'punish all those who support him," Lavrov added.\n'
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "necessary to punish").speaker == "Lavrov"
    assert _none(result, "If we take Canada")


def test_a_phrase_opening_with_during_is_no_clause_of_the_outlets():
    text = (
        "Debate\n\nFriday, April 10, 2026\n\n"
        "During a heated debate in the Commons, Home Secretary Claire Dunn insisted that crime "
        "had fallen by 10 percent.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "fallen by 10 percent").speaker == "Claire Dunn"
    assert _none(result, "heated debate")


def test_a_negated_verb_a_plural_possessive_and_an_answer_no_before_a_sentence():
    text = (
        "Housing\n\nFriday, April 10, 2026\n\n"
        "Mayor Peter Lund said the city can't afford more bike lanes.\n\n"
        "The teachers' union said the country was short of 30,000 teachers.\n\n"
        "Was the plan too costly? No. The consultants said that 2,000 jobs would go.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    lanes = _one(result, "bike lanes")
    assert lanes.speaker == "Peter Lund"
    assert lanes.text.startswith("the city")
    assert _one(result, "30,000 teachers").speaker == "The teachers' union"
    jobs = _one(result, "2,000 jobs")
    assert jobs.speaker == "The consultants"
    assert jobs.text == "2,000 jobs would go"


def test_he_after_a_man_whose_given_name_the_list_lacks():
    text = (
        "Bakery\n\nFriday, April 10, 2026\n\n"
        "Karl Berg runs the delivery side. He said the bakery sold 4,000 loaves a week.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "4,000 loaves").speaker == "Karl Berg"


def test_a_related_coverage_label_mid_article_silences_only_its_links():
    text = (
        "Harbour\n\nFriday, April 10, 2026\n\n"
        "The council approved a 40 million euro budget for the harbour on Tuesday.\n\n"
        "Related coverage\n\n"
        "Mayor Ann Lee said the budget would create 300 jobs in the quarter that ends in June. "
        "The opposition said the plan was too expensive and would raise taxes by 5 percent for "
        "every household in the city.\n"
    )
    result = suggest(text, outlet="Wire")
    check_spans(text, result)

    assert _one(result, "300 jobs").speaker == "Ann Lee"
    assert _one(result, "5 percent").speaker == "The opposition"
    # at an article's foot the label still sets its list aside
    foot = suggest(
        "Harbour\n\nThe council approved a budget of 40 million euros.\n\nSources\n\n"
        "Jane Doe. Council approves harbour budget. Eastport Herald, March 3, 2026.\n",
        outlet="Wire",
    )
    assert _none(foot, "Eastport Herald")
