"""What the engine learns from a source's title and author line and from a transcript's
shape: the speaker of a speech whose text never names them, speakers labelled by surname,
interviewers' and moderators' turns, turn-taking. Every article here is written for the
test."""

from claims.suggest import suggest

from .helpers import check_spans


def _one(result, words):
    (found,) = [c for c in result.candidates if words in c.text]
    return found


def _kinds(result, text):
    return {text[p.start : p.end]: (p.kind, p.reason) for p in result.paragraphs}


SPEECH = """I am proud to stand in this harbour town tonight.

When I took office, the port handled 40,000 containers a year. Last year we handled 95,000.

We built two new berths and we trained 600 dockworkers. Our budget adds 12 million pounds.
"""


def test_an_author_line_names_the_speaker_of_a_first_person_speech():
    result = suggest(
        SPEECH,
        outlet="Harbour Archive",
        title="Remarks at the Harbour Dinner",
        author="Harbour Archive (County Records Office), remarks of Mayor Petra Lindholm",
    )

    check_spans(SPEECH, result)
    containers = _one(result, "40,000 containers")
    assert (containers.kind, containers.speaker) == ("direct", "Petra Lindholm")
    assert "source's title or author" in containers.evidence
    assert _one(result, "600 dockworkers").speaker == "Petra Lindholm"


def test_a_title_names_the_speaker_when_the_text_has_no_headline():
    result = suggest(
        SPEECH,
        outlet="City Hall",
        title="Statement from Mayor Petra Lindholm on the port's results",
    )

    assert _one(result, "40,000 containers").speaker == "Petra Lindholm"


def test_an_author_line_that_is_a_name_and_a_role():
    result = suggest(SPEECH, outlet="Talks", author="Petra Lindholm, Mayor of Eastport")

    assert _one(result, "40,000 containers").speaker == "Petra Lindholm"


def test_a_speaking_note_is_its_speakers_and_a_title_is_no_name():
    note = suggest(SPEECH, outlet="GOV.UK", title="Petra Lindholm's speaking note for the forum")
    address = suggest(
        SPEECH,
        outlet="Speech Archive",
        title="Harbour Address",
        author="Speech Archive: address of Mayor Petra Lindholm",
    )

    assert _one(note, "40,000 containers").speaker == "Petra Lindholm"
    containers = _one(address, "40,000 containers")
    assert containers.speaker == "Petra Lindholm"
    assert containers.evidence.startswith("an address published under the speaker's name")


OPENED = "Mayor Petra Lindholm at the reopening of the Eastport docks, 3 May.\n\n" + SPEECH


def test_a_first_person_text_goes_to_the_person_its_opening_names_to_be_confirmed():
    result = suggest(OPENED, outlet="Eastport News", title="Docks reopen")

    check_spans(OPENED, result)
    containers = _one(result, "40,000 containers")
    assert (containers.kind, containers.speaker) == ("direct", "Petra Lindholm")
    assert containers.confidence < 0.6  # a guess from the page's shape: the editor confirms it
    assert "opening paragraph" in containers.evidence
    named = OPENED[containers.speaker_start : containers.speaker_end]
    assert named == "Mayor Petra Lindholm"
    # the line that names her introduces her words and stays the outlet's
    assert _one(result, "reopening of the Eastport docks").speaker == "Eastport News"


def test_an_author_line_listing_a_person_gives_them_a_first_person_text():
    result = suggest(
        SPEECH, outlet="Eastport News", title="Docks reopen", author="Eastport News, Petra Lindholm"
    )

    containers = _one(result, "40,000 containers")
    assert containers.speaker == "Petra Lindholm"
    assert "author line" in containers.evidence


def test_a_person_the_text_reports_on_is_not_its_voice():
    text = OPENED + "\nLindholm said the docks would hire 200 more workers by 2027.\n"

    result = suggest(text, outlet="Eastport News", title="Docks reopen")

    assert _one(result, "40,000 containers").speaker != "Petra Lindholm"


def test_a_title_naming_an_event_or_a_bare_name_gives_no_speaker():
    for title in ("Eastport Harbour Summit", "Lindholm Docks reopen"):
        result = suggest(SPEECH, outlet="Eastport News", title=title)

        assert _one(result, "40,000 containers").speaker == "Eastport News"


def test_a_transcript_keeps_its_labels_over_a_name_at_its_top():
    text = (
        "Mayor Petra Lindholm at the Eastport docks, 3 May.\n\n"
        "Q: How many containers did the port handle?\n\n"
        "JON BERG: We handled 95,000 containers last year, and I expect 120,000 in 2027.\n"
    )

    result = suggest(text, outlet="Eastport News", title="Docks reopen")

    assert _one(result, "95,000 containers").speaker == "Jon Berg"


def test_a_name_beats_a_role_and_an_introduction_is_not_the_speech():
    text = (
        "Harbour update: First Minister's speech 7 May\n\n"
        "Statement given by First Minister Petra Lindholm at a media briefing in the town hall.\n\n"
        "Welcome to today's update. I will start with the figures. The port handled 40,000"
        " containers last month, and we have hired 600 dockworkers since 2024.\n"
    )

    result = suggest(
        text, outlet="Harbour Council", title="Harbour update: First Minister's speech 7 May"
    )

    assert _one(result, "40,000").speaker == "Petra Lindholm"  # not "The First Minister"
    assert _one(result, "600 dockworkers").speaker == "Petra Lindholm"
    # the line that presents the speech is its standfirst, not a claim
    assert not [c for c in result.candidates if "media briefing" in c.text]


def test_a_written_testimony_under_its_witnesss_name_is_theirs_though_mostly_exposition():
    text = (
        "Statement of\nJane Doe\nSpecialist in Port Economics\nBefore\nCommittee on Ports\n\n"
        "Chairman Roe, Members of the Committee, thank you for the opportunity to testify today."
        " My name is Jane Doe, and I have studied ports for 20 years.\n\n"
        "The port act of 2002 created a fund of $40 billion.\n\n"
        "Insurers paid 12 claims under the act between 2002 and 2019.\n\n"
        "The fund was renewed in 2015 and again in 2019.\n"
    )

    result = suggest(
        text,
        outlet="Research Service",
        title="The Port Act",
        author="Research Service (statement of Jane Doe, Specialist in Port Economics)",
    )

    assert _one(result, "$40 billion").speaker == "Jane Doe"
    assert _one(result, "12 claims").speaker == "Jane Doe"


def test_speakers_in_capitals_with_a_full_stop_and_reporters_who_ask_once_or_twice():
    text = (
        "Transcript of Chair Lindholm's Press Conference\n\n"
        "JANE DOE. Tom.\n\n"
        "TOM ROE. Tom Roe with the Harbour Herald. Prices rose 4 percent in May. Will you act?"
        "\n\n"
        "CHAIR LINDHOLM. We raised rates twice this year, in March and in May. Will it work?"
        " I think so, and inflation fell to 3 percent in June.\n\n"
        "JANE DOE. Ann.\n\n"
        "ANN LEE. Ann Lee with Port Radio. Unemployment is at 5 percent. Is that a worry?\n\n"
        "CHAIR LINDHOLM. The labour market added 40,000 jobs in the second quarter.\n\n"
        "TOM ROE. A follow-up: the budget deficit reached 6 percent. Does that matter?\n\n"
        "CHAIR LINDHOLM. Fiscal policy is for the government. We have kept rates at 5 percent"
        " since June.\n"
    )

    result = suggest(text, outlet="Harbour Bank")

    assert _one(result, "fell to 3 percent").speaker == "Lindholm"
    assert _one(result, "40,000 jobs").speaker == "Lindholm"
    # the reporters' turns are questions, the premises in them included
    assert not [c for c in result.candidates if "4 percent in May" in c.text]
    assert not [c for c in result.candidates if "deficit reached" in c.text]


def test_hearing_labels_with_an_honorific_and_a_surname_in_capitals():
    text = (
        "Harbour hearing\n\nDay 3\n\n"
        "Mr. ROE: The committee was told that 12 cranes were sold. Can you tell us why?\n\n"
        "Ms. DOE: I sold 40 cranes in 2019, and the board approved every sale.\n\n"
        "Chairman LINDHOLM: The witness may step down.\n"
    )

    result = suggest(text, outlet="Hearing Record")

    assert _one(result, "40 cranes").speaker == "Doe"
    assert _one(result, "12 cranes").speaker == "Roe"


def test_a_counsel_who_asks_in_most_turns_is_questioning_however_long_the_turns():
    text = (
        "Harbour hearing\n\nDay 3\n\n"
        "Mr. ROE: The board was told in 2019 that every crane sale needed its approval, and the"
        " minutes of its meeting in May record no such approval. You sold the cranes anyway,"
        " did you not?\n\n"
        "Ms. DOE: I did.\n\n"
        "Mr. ROE: You sold 40 cranes to a company your brother owns. You knew that.\n\n"
        "Ms. DOE: I knew it, and the board approved every sale in writing.\n\n"
        "Mr. ROE: The board's secretary testified last week that she never saw such a letter."
        " Is she wrong?\n\n"
        "Ms. DOE: She is. The letter is dated 12 March 2019.\n\n"
        "Mr. ROE: And you kept no copy of it, correct?\n\n"
        "Ms. DOE: Yes.\n\n"
        "Chairman LINDHOLM: Counsel, may I ask the witness one thing?\n\n"
        "Ms. DOE: Of course.\n"
    )

    result = suggest(text, outlet="Hearing Record")

    assert _one(result, "12 March 2019").speaker == "Doe"
    assert _one(result, "approved every sale").speaker == "Doe"
    # the counsel's statements inside his questions are his questions, not claims
    assert not [c for c in result.candidates if "brother owns" in c.text or "40 cranes" in c.text]
    assert not [c for c in result.candidates if "minutes of its meeting" in c.text]


def test_a_speech_a_title_gives_to_a_role_is_the_roles():
    result = suggest(SPEECH, outlet="City Hall", title="Mayor's Speech 2026")

    containers = _one(result, "40,000 containers")
    assert containers.speaker == "The Mayor"
    assert containers.confidence < 0.6  # a role, not a name: the editor confirms who


def test_a_statement_a_title_gives_to_a_role_with_a_qualifier_is_the_roles():
    result = suggest(
        SPEECH, outlet="City Hall", title="Statement by the Press Secretary on the port"
    )

    containers = _one(result, "40,000 containers")
    assert containers.speaker == "The Press Secretary"
    assert containers.confidence < 0.6


def test_an_article_by_a_person_is_theirs():
    result = suggest(SPEECH, outlet="City Hall", title="Article by Petra Lindholm, Ports Today")

    assert _one(result, "40,000 containers").speaker == "Petra Lindholm"


def test_a_speech_under_an_office_and_its_ministers_name_is_the_ministers():
    text = (
        "Home Secretary speech to the port forum\n\n"
        "May addresses the forum at its first meeting since the May elections.\n\n"
        "Two weeks ago I opened the new berth, which handled 40,000 containers in its first "
        "month.\n\n"
        "This May, 9 million people voted, and I thank every one of you for it.\n"
    )
    result = suggest(text, outlet="GOV.UK", author="Home Office (Jane May, Home Secretary)")

    assert _one(result, "40,000 containers").speaker == "Jane May"
    assert _one(result, "9 million").speaker == "Jane May"


REPORT = """Port traffic more than doubles

The port handled 95,000 containers last year, up from 40,000, the harbour board said.

Mayor Petra Lindholm said she was proud of the result. "We trained 600 dockworkers," she said.
"""


def test_the_author_line_does_not_take_over_a_report():
    # a report quotes its speakers and names them: the author line is not their voice
    result = suggest(REPORT, outlet="Eastport Times", author="Jon Berg, Eastport Times")

    assert _one(result, "95,000 containers").speaker == "the harbour board"
    assert _one(result, "600 dockworkers").speaker == "Petra Lindholm"


def test_a_speech_that_names_its_speaker_in_the_third_person_is_a_report():
    text = SPEECH + "\nLindholm then left for the airport, where she met 30 traders.\n"
    result = suggest(text, outlet="Harbour Archive", author="remarks of Mayor Petra Lindholm")

    assert _one(result, "40,000 containers").speaker != "Petra Lindholm"


def test_a_standfirst_naming_a_written_statement_gives_the_text_its_speaker():
    text = """Funding for harbour schools 2024 to 2025

Written ministerial statement by Anna Kowalczyk MP about harbour schools funding.

Today I am announcing the funding. We will provide an extra 30 million pounds in 2024.
"""
    result = suggest(text, outlet="GOV.UK")

    assert _one(result, "30 million pounds").speaker == "Anna Kowalczyk"
    standfirst = "Written ministerial statement by Anna Kowalczyk MP about harbour schools funding."
    assert _kinds(result, text)[standfirst] == ("heading", "standfirst")


INTERVIEW = """Eastport Weekly interviews marine biologist Ines Duarte

Hugo Marsh: Tell us about the survey. The bay had 3 seal colonies in 2010, didn't it?

Duarte: We counted 14 colonies this spring, and 2,300 pups were born in the bay.

Hugo Marsh: What changed?

Duarte: The fishing ban of 2015 cut the catch by half. The seals followed the fish back.
"""


def test_surname_labels_that_recur_are_speakers():
    result = suggest(INTERVIEW, outlet="Eastport Weekly")

    check_spans(INTERVIEW, result)
    colonies = _one(result, "14 colonies")
    assert colonies.speaker == "Ines Duarte"  # the surname is the one the headline introduced
    assert _one(result, "cut the catch by half").speaker == "Ines Duarte"


def test_a_surname_label_nobody_introduces_is_the_surname():
    text = INTERVIEW.replace(" marine biologist Ines Duarte", " two biologists")
    result = suggest(text, outlet="Eastport Weekly")

    assert _one(result, "14 colonies").speaker == "Duarte"


def test_the_interviewers_turns_are_questions():
    # the interviewer is named by the source's author line; their premises are not claims
    result = suggest(
        INTERVIEW, outlet="Eastport Weekly", author="Eastport Weekly (interview by Hugo Marsh)"
    )

    kinds = _kinds(result, INTERVIEW)
    first = "Hugo Marsh: Tell us about the survey. The bay had 3 seal colonies in 2010, didn't it?"
    assert kinds[first] == ("heading", "question")
    assert not [c for c in result.candidates if "3 seal colonies" in c.text]


def test_turns_labelled_with_the_outlets_name_are_the_interviewers():
    text = INTERVIEW.replace("Hugo Marsh:", "Eastport Weekly:")
    result = suggest(text, outlet="Eastport Weekly")

    assert not [c for c in result.candidates if "3 seal colonies" in c.text]
    assert _one(result, "14 colonies").speaker == "Ines Duarte"


GAGGLE = """Press Call by Port Authority Spokesperson Lena Varga

MODERATOR: Thanks, everyone. Lena has a few words at the top, and then we will get to questions.

MS. VARGA: Thanks. The authority approved 3 new cranes on Monday.

With that, I'll take some questions.

MODERATOR: Our first question will go to Sam with the Eastport Times.

Q Why were the cranes delayed?

MS. VARGA: The supplier missed two deadlines. I get it. We can follow up with you afterward.
"""


def test_a_moderators_turns_and_turn_taking_are_not_claims():
    result = suggest(GAGGLE, outlet="Port Authority")

    texts = [c.text for c in result.candidates]
    assert not [t for t in texts if "first question" in t or "few words" in t]
    assert not [t for t in texts if "take some questions" in t or t == "I get it."]
    assert not [t for t in texts if "follow up with you" in t]
    assert _one(result, "3 new cranes").speaker == "Lena Varga"
    assert _one(result, "missed two deadlines").speaker == "Lena Varga"


def test_thanks_without_a_claim_are_courtesies():
    text = """Remarks by Governor Ada Moreno at the bridge opening

Thank you also to our engineers and everyone else joining us from across the county.

To our mayor, Tom Reyes, thank you for your leadership.

The bridge cost 40 million dollars and opened two months early.
"""
    result = suggest(text, outlet="State House")

    texts = [c.text for c in result.candidates]
    assert not [t for t in texts if "thank you" in t.lower()]
    assert _one(result, "40 million dollars").speaker == "Ada Moreno"


RELEASE = """New speed limits for harbour roads

The speed limit on harbour roads will fall to 20 mph from 1 May.

Road deaths in the harbour district rose to 12 last year.
"""


def test_an_institution_in_the_author_line_narrates_its_release():
    # a platform hosting many departments' releases: the department speaks, not the platform
    result = suggest(RELEASE, outlet="Gov Portal", author="Department for Harbours")

    assert _one(result, "20 mph").speaker == "Department for Harbours"
    assert _one(result, "rose to 12").kind == "narration"


def test_the_first_of_two_bodies_in_the_author_line_narrates():
    joint = suggest(RELEASE, outlet="Gov Portal", author="Harbour Embassy and Eastport Consulate")
    one = suggest(RELEASE, outlet="Gov Portal", author="Department for Food and Rural Affairs")

    assert _one(joint, "20 mph").speaker == "Harbour Embassy"
    assert _one(one, "20 mph").speaker == "Department for Food and Rural Affairs"


def test_a_ministers_statement_under_a_department_is_the_ministers():
    text = (
        "Harbour road limits\n\nNew limits will apply from 1 May.\n\n"
        "The speed limit on harbour roads will fall to 20 mph from 1 May.\n\n"
        "We expect road deaths, 12 last year, to halve.\n"
    )
    result = suggest(
        text, outlet="Gov Portal", author="Department for Harbours (Jane Doe MP, Roads Minister)"
    )

    assert _one(result, "20 mph").speaker == "Jane Doe"
    assert _one(result, "12 last year").speaker == "Jane Doe"


def test_a_journalist_in_the_author_line_does_not_narrate():
    result = suggest(RELEASE, outlet="Eastport Times", author="Jon Berg")

    assert _one(result, "20 mph").speaker == "Eastport Times"


def test_a_findings_owner_is_its_speaker():
    text = """Browser shares shift

Harbour Digital's latest analysis of its own traffic figures concluded, "Orbit has 31 percent."
"""
    result = suggest(text, outlet="Tech Weekly")

    assert _one(result, "31 percent").speaker == "Harbour Digital"


PULL_QUOTE = """Harbour bridge to close for repairs

"The bridge carried 20,000 cars a day, twice its design load," said engineer Maria Holt.

The bridge carried 20,000 cars a day, twice its design load. Maria Holt, chief engineer

Repairs will take 14 months.
"""


def test_a_pull_quote_signed_with_its_speakers_name_is_set_aside():
    result = suggest(PULL_QUOTE, outlet="Eastport Times")

    signed = "The bridge carried 20,000 cars a day, twice its design load. "
    signed += "Maria Holt, chief engineer"
    assert _kinds(result, PULL_QUOTE)[signed] == ("heading", "pull-quote")
    assert _one(result, "20,000 cars").speaker == "Maria Holt"


def test_a_statements_owner_and_a_statement_issued_before_a_quotation():
    text = """Harbour plan rejected

Senator Omar Reyes issued a statement on the vote. "The plan would have cost 90 million dollars."

Reyes's statement added, "We found 3 cheaper designs.“ However, the board will meet again in June.
"""
    result = suggest(text, outlet="Eastport Times")

    assert _one(result, "90 million dollars").speaker == "Omar Reyes"
    assert _one(result, "3 cheaper designs").speaker == "Omar Reyes"
    # a closing mark typed as an opening one still ends the quotation
    again = _one(result, "meet again in June")
    assert (again.kind, again.speaker) == ("narration", "Eastport Times")


def test_the_body_copy_of_a_signed_pull_quote_is_its_signers():
    text = """Former crew member describes years at sea

Ines Sola spent nine years aboard the ship, she says.

I was told to stay aboard for two weeks and stayed for nine years. Ines Sola

I was told to stay aboard for two weeks and stayed for nine years. The company disputes it.
"""
    result = suggest(text, outlet="Eastport Times")

    copy = _one(result, "stayed for nine years")
    assert (copy.kind, copy.speaker) == ("direct", "Ines Sola")
    assert copy.evidence == "words a signed pull-quote gives to its speaker"


def test_a_finding_published_by_a_body_is_that_findings():
    text = """Ports at risk

A report published by the Harbour Institute found 40 percent of ports would flood by 2050.

Figures released by the Harbour Board show 12 quays were closed last winter.
"""
    result = suggest(text, outlet="Wire")

    flood = _one(result, "40 percent of ports")
    assert flood.speaker == "Harbour Institute"  # the maker, as for "Analysis by the ..."
    assert flood.text == "40 percent of ports would flood by 2050"
    assert _one(result, "12 quays").speaker == "Harbour Board"


def test_recurring_one_word_labels_that_are_not_names_are_no_speakers():
    text = """How to repair a hull

Step: Drain the tank and dry the hull for 48 hours.

Step: Sand the damaged area and apply 3 coats of resin.

Price: The resin costs 40 pounds a litre.

Price: A full repair costs about 900 pounds.
"""
    result = suggest(text, outlet="Boat Weekly")

    assert {c.speaker for c in result.candidates} == {"Boat Weekly"}


def test_a_statement_after_a_colon_goes_on_about_someone_in_the_third_person():
    text = """Woman claims church held her

Ana Ruiz says she was held aboard the ship for twelve years.

In a statement to the Eastport Times, the Church denied these allegations:

She was never forced to work in the engine room. She left the ship in 2009.

She added that she had lost 20 kilograms aboard.
"""
    result = suggest(text, outlet="Wire")

    assert _one(result, "engine room").speaker == "Church"
    assert _one(result, "left the ship in 2009").speaker == "Church"
    # a pronoun with a cue: the narrator is back, telling what someone said
    assert _one(result, "20 kilograms").evidence == "reported speech"


def test_the_platform_before_a_slash_in_the_author_line_is_the_outlet():
    # "GOV.UK / UK Trade & Investment": the agency that published on the platform narrates,
    # whatever its name's punctuation
    result = suggest(RELEASE, outlet="Gov Portal", author="Gov Portal / Harbour Trade & Export")

    assert _one(result, "20 mph").speaker == "Harbour Trade & Export"


def test_a_desk_of_the_outlet_is_the_outlet():
    # "VOA Learning English" on Voice of America: the initials make it the outlet's own desk
    result = suggest(RELEASE, outlet="Eastport Broadcasting Service", author="EBS News Desk")

    assert _one(result, "20 mph").speaker == "Eastport Broadcasting Service"


COUNCIL_PAGE = """The cost of harbour congestion

## Summary

Congestion cost the harbour 40 million pounds in 2023, our estimate shows.

We find that delays rose by 12 percent. The HEC first studied the question in 2019.

Our figures use the port's own records, which count 95,000 containers a year.
"""


def test_an_office_in_brackets_narrates_the_outlets_page_it_writes_as_we():
    result = suggest(
        COUNCIL_PAGE,
        outlet="Harbour Authority",
        author="Harbour Authority (Harbour Economic Council)",
    )

    assert _one(result, "40 million pounds").speaker == "Harbour Economic Council"
    # its initials are the council too
    assert _one(result, "first studied").speaker == "Harbour Economic Council"


def test_an_office_in_brackets_does_not_narrate_a_page_in_the_third_person():
    result = suggest(RELEASE, outlet="Harbour Authority", author="Harbour Authority (Roads Office)")

    assert _one(result, "20 mph").speaker == "Harbour Authority"


OP_ED = """A harbour worth keeping

Mayor Petra Lindholm wrote an article on the harbour's future for the Eastport Herald.

Imagine a town whose port had closed. We would lose 600 jobs in the first year.

Our harbour handled 95,000 containers last year, more than ever. I will not let it close.
"""


def test_a_standfirst_saying_who_wrote_the_article_gives_it_to_them():
    result = suggest(OP_ED, outlet="City Hall")

    assert _one(result, "600 jobs").speaker == "Petra Lindholm"
    assert _one(result, "95,000 containers").speaker == "Petra Lindholm"


CASE_STUDY = """Harbour firm wins business abroad

Eastport Ropes has entered the Danish market after help from the Harbour Trade Office.

Ada Moreno, Director, Eastport Ropes said,

I never thought we would export. We now sell to 14 companies in Denmark.

The firm took part in two trade visits in 2014.

Ada Moreno said,

You learn more about a market each time you visit it. Our sales there rose by 30 percent.
"""


def test_a_line_ending_said_comma_over_first_person_paragraphs_opens_a_block():
    result = suggest(CASE_STUDY, outlet="Gov Portal", author="Harbour Trade Office")

    assert _one(result, "14 companies").speaker == "Ada Moreno"
    assert _one(result, "30 percent").speaker == "Ada Moreno"
    assert _one(result, "two trade visits").speaker == "Harbour Trade Office"
    kinds = _kinds(result, CASE_STUDY)
    assert kinds["Ada Moreno said,"] == ("heading", "attribution line")


SPEECH_REPORT = (
    "Mayor Lindholm met the harbour board\n\n"
    "Speaking at the meeting, Mayor Petra Lindholm said that the port handled 95,000 containers"
    " last year. Agreements on new berths have already been reached with two shipping lines.\n\n"
    "The Mayor admitted that 600 jobs were lost in 2019. Lindholm opened the new quay in 2020."
    "\n\nMs Lindholm said that the budget adds 12 million pounds.\n"
)


def test_a_report_of_one_persons_words_runs_on_after_their_reported_speech():
    result = suggest(SPEECH_REPORT, outlet="City Hall")

    runs_on = _one(result, "two shipping lines")
    assert runs_on.speaker == "Petra Lindholm"
    assert runs_on.confidence < 0.5  # carried over: the editor confirms it
    # a sentence about her in the third person stays the narrator's
    assert _one(result, "opened the new quay").speaker == "City Hall"


INTERVIEW_WITH_INTRODUCTION = (
    "Herald interviews harbour pilot Ada Moreno\n\n"
    "Eastport, Harbour County, Northland On Saturday, the Herald interviewed Ada Moreno, a"
    " harbour pilot for 22 years. Moreno, who guided 4,000 ships into port, retired in 2019.\n\n"
    "Herald: How did it start?\n\n"
    "Ada Moreno: I joined the pilots in 1997. We had nine boats then.\n\n"
    "Herald: And now?\n\n"
    "Ada Moreno: Now there are 14 boats and 40 pilots.\n"
)


def test_an_interviews_introduction_of_several_sentences_tells_facts():
    result = suggest(INTERVIEW_WITH_INTRODUCTION, outlet="Herald")

    introduction = _one(result, "harbour pilot for 22 years")
    assert introduction.speaker == "Herald"
    assert not introduction.text.startswith("Eastport")  # the run-in dateline is set aside
    assert _one(result, "4,000 ships").speaker == "Herald"
    assert _one(result, "14 boats").speaker == "Ada Moreno"


def test_an_interviews_one_line_introduction_is_set_aside():
    text = INTERVIEW_WITH_INTRODUCTION.replace(
        " Moreno, who guided 4,000 ships into port, retired in 2019.", ""
    )
    result = suggest(text, outlet="Herald")

    assert not [c for c in result.candidates if "22 years" in c.text]


def test_an_institution_narrating_its_page_relays_the_source_it_cites():
    text = COUNCIL_PAGE + (
        "\nAccording to the Port Registry, 74,702 ships docked in the harbour in 2023.\n"
    )
    result = suggest(
        text, outlet="Harbour Authority", author="Harbour Authority (Harbour Economic Council)"
    )

    cited = _one(result, "74,702 ships")
    assert (cited.speaker, cited.reported_speaker) == ("Harbour Economic Council", "Port Registry")


def test_a_news_report_gives_according_to_its_source():
    text = (
        "Ships in port\n\nThe harbour was busy last year.\n\n"
        "According to the Port Registry, 74,702 ships docked in the harbour in 2023.\n"
    )
    result = suggest(text, outlet="Herald")

    assert _one(result, "74,702 ships").speaker == "Port Registry"


def test_an_author_date_citation_is_the_findings_reported_source():
    text = (
        "Harbour costs\n\nThe harbour was busy last year.\n\n"
        "Only 2% of boats paid the full fee in 2025 (Harbour Registry 2025a). "
        "The fee rose by 40% after the reform (Andrews, 2024).\n"
    )
    result = suggest(text, outlet="Harbour Council")

    assert _one(result, "2% of boats").reported_speaker == "Harbour Registry"
    assert _one(result, "rose by 40%").reported_speaker == "Andrews"
    assert _one(result, "rose by 40%").speaker == "Harbour Council"


STATEMENTS = (
    "Governors on heating costs\n\n"
    "Governor Gretchen Whitmer of Michigan and Governor Ned Lamont of Connecticut spoke.\n\n"
    "Governor Whitmer of Michigan:\n"
    "“Michigan spent 40 million dollars on heating aid. We helped 9,000 families.”\n\n"
    "Governor Lamont of Connecticut:\n"
    "“In CT, we are using 12 million dollars of rental funds. We helped 3,000 households.”\n"
)


def test_a_line_naming_only_a_speaker_gives_them_the_words_below():
    result = suggest(STATEMENTS, outlet="The White House")

    assert _one(result, "9,000 families").speaker == "Gretchen Whitmer"
    assert _one(result, "3,000 households").speaker == "Ned Lamont"


POST = (
    "Harbour communities online\n\n"
    "One of the themes of my research is that online groups mirror the town.\n\n"
    "I have written before about the harbour board's page.\n\n"
    "For instance, there are more than 1,000 groups for dockworkers on the site.\n"
)


def test_a_post_opening_in_its_authors_first_person_is_theirs():
    result = suggest(POST, outlet="Harbour Voices", author="Harbour Voices (Ada Moreno)")

    claim = _one(result, "1,000 groups")
    assert claim.speaker == "Ada Moreno"
    assert claim.confidence < 0.6  # a guess from the page's shape: the editor confirms it


def test_a_roundup_opening_in_the_third_person_stays_the_outlets():
    text = POST.replace("One of the themes of my research is", "Researchers say")
    result = suggest(text, outlet="Harbour Voices", author="Harbour Voices (Ada Moreno)")

    assert _one(result, "1,000 groups").speaker == "Harbour Voices"


def test_a_quotation_under_its_speakers_name_in_a_report_does_not_carry_on():
    text = (
        "Tanker emails\n\nThe emails were released on Monday.\n\n"
        'Secretary of the Air Force James Roche: "No, save it. The deal is worth 23 billion."\n\n'
        'Director Bill Bodie: "We do not need 100 tankers."\n\n'
        'Secretary of the Air Force James Roche: "I agree. We need 80."\n\n'
        "Boeing had hired 2 officials from the Air Force in 2003.\n"
    )
    result = suggest(text, outlet="Wikinews")

    assert _one(result, "23 billion").speaker == "James Roche"
    assert _one(result, "2 officials").speaker == "Wikinews"


INTERVIEW_OF_PROMPTS = "Income\n\nThe interview was published on Monday.\n\n" + "\n\n".join(
    [
        "Andrei Smirnov: The middle class.",
        "Ivan Petrov: Listen, the middle class is 30 per cent of the people by the World Bank's "
        "methodology, and their incomes grew by 4 per cent last year, as the statistics show.",
        "Andrei Smirnov: Within one's means.",
        "Ivan Petrov: Not within one's means. The methodology counts 60 million people, and we "
        "raised the minimum wage by 7 per cent in 2019, which no other country did that year.",
        "Andrei Smirnov: The people in France went to the streets.",
        "Ivan Petrov: Yes. Is this a good thing? I do not think so, since their pension age "
        "rose by 2 years in 2010 and nothing has changed for the better since then.",
    ]
)


def test_the_one_who_only_prompts_in_a_two_person_transcript_is_the_interviewer():
    result = suggest(INTERVIEW_OF_PROMPTS, outlet="Kremlin")

    kinds = _kinds(result, INTERVIEW_OF_PROMPTS)
    assert kinds["Andrei Smirnov: The people in France went to the streets."][1] == "question"
    assert _one(result, "60 million people").speaker == "Ivan Petrov"


def test_an_interviews_introduction_about_the_interview_itself_is_set_aside():
    text = INTERVIEW_OF_PROMPTS.replace(
        "The interview was published on Monday.",
        "The 16th part of the interview has been published. The 20 Questions project is a "
        "series of interviews. Total recording time is 3.5 hours.",
    )
    result = suggest(text, outlet="Kremlin")

    assert not [c for c in result.candidates if "3.5 hours" in c.text]
