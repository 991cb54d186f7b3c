"""The page's voice, read from general signals in the seventh round: who speaks the text that
no cue attributes, and how sure the engine is of it. Tested on sentences written for it."""

from claims.suggest import suggest
from claims.suggestions import speaker_in_doubt

from .helpers import check_spans

SIGNED_ANALYSIS = """Harbour jobs after the port law

*Jane Doe, Chief Economist, Harbour Council*

----------

The port law was signed in 2022 and funds new cranes and quays.

Since then, employment at the port has grown by 3,100 jobs, an average of 80 a month.

Wages in the sector rose by 6% last year, faster than in the region as a whole.
"""


def test_an_analysis_under_a_signed_byline_is_its_authors_to_confirm():
    result = suggest(SIGNED_ANALYSIS, outlet="Harbour Council")
    check_spans(SIGNED_ANALYSIS, result)

    jobs = next(c for c in result.candidates if "3,100 jobs" in c.text)
    assert jobs.speaker == "Jane Doe"
    assert jobs.evidence == "an analysis or opinion under its author's byline"
    assert speaker_in_doubt(jobs)  # no first person: the page's kind is a guess


REPORTED_UNDER_BYLINE = """Harbour jobs after the port law

*Jane Doe, Staff Reporter*

----------

The port has 3,100 more jobs than in 2022, the harbour master said on Monday.

"We have never hired so many people in a single year," said Tom Roe, who runs the quays.

Wages rose by 6% last year, according to the council's figures.
"""


def test_a_report_under_a_reporters_byline_stays_the_outlets():
    result = suggest(REPORTED_UNDER_BYLINE, outlet="Harbour Times")
    check_spans(REPORTED_UNDER_BYLINE, result)

    assert all(c.speaker != "Jane Doe" for c in result.candidates)


OPINION = """Op-ed: The harbour needs new cranes

By Jane Doe

The port handled 4.1 million containers last year, a record.

Cranes built in 1990 break down twice a month, and repairs cost $2 million a year.
"""


def test_an_op_ed_under_a_byline_is_its_authors_even_without_the_first_person():
    result = suggest(OPINION, outlet="Harbour Times")
    check_spans(OPINION, result)

    repairs = next(c for c in result.candidates if "$2 million" in c.text)
    assert repairs.speaker == "Jane Doe"
    assert (repairs.speaker_start, repairs.speaker_end) == (
        OPINION.index("Jane Doe"),
        OPINION.index("Jane Doe") + len("Jane Doe"),
    )
    assert speaker_in_doubt(repairs)


def test_a_news_story_under_a_plain_byline_stays_the_outlets():
    text = OPINION.replace("Op-ed: The harbour needs new cranes", "Harbour cranes break down")
    result = suggest(text, outlet="Harbour Times")

    assert all(c.speaker == "Harbour Times" for c in result.candidates)


INTERVIEW = """Interview: Jane Doe on the harbour's record year

Jane Doe has run the port since 2015.

Q: How busy was the port?

A: We handled 4.1 million containers last year, a record.

Q: And jobs?

A: The port employs 3,000 people, twice as many as in 2010.
"""


def test_answers_under_an_interview_heading_are_the_interviewees():
    result = suggest(INTERVIEW, outlet="Harbour Times")
    check_spans(INTERVIEW, result)

    answers = [c for c in result.candidates if "containers" in c.text or "3,000" in c.text]
    assert len(answers) == 2
    assert all(c.speaker == "Jane Doe" for c in answers)


SPEECH = """Mayor Jane Doe: speech at the port's opening

Thank you all for coming.

Our port handled 4.1 million containers last year, a record.

We employ 3,000 people, twice as many as in 2010.
"""


def test_a_speech_headed_by_its_speakers_name_and_a_colon_is_theirs():
    result = suggest(SPEECH, outlet="City of Harbour")
    check_spans(SPEECH, result)

    containers = next(c for c in result.candidates if "containers" in c.text)
    assert containers.speaker == "Jane Doe"
    assert containers.cue == "speech"


RELEASE = """Council opens new library

Today, the Harbour Council announced that its new library will open on 3 May.

The library cost £12 million and holds 80,000 books.
"""


def test_a_release_that_opens_with_today_and_its_body_is_the_bodys():
    result = suggest(RELEASE, outlet="Regional News Service")
    check_spans(RELEASE, result)

    cost = next(c for c in result.candidates if "£12 million" in c.text)
    assert cost.speaker == "Harbour Council"
    assert cost.kind == "narration"


FIRST_PERSON = (
    "\n\nThank you for having me.\n\n"
    "Our port handled 4.1 million containers last year, a record.\n\n"
    "We employ 3,000 people, twice as many as in 2010.\n"
)


def test_remarks_as_delivered_by_a_named_speaker_are_theirs():
    text = "Remarks as Delivered by Secretary Jane Doe at the Port Summit" + FIRST_PERSON
    result = suggest(text, outlet="Department of Ports")
    check_spans(text, result)

    containers = next(c for c in result.candidates if "containers" in c.text)
    assert containers.speaker == "Jane Doe"


def test_a_headline_where_the_speaker_delivers_remarks_names_the_speaker_not_the_verb():
    text = (
        "Secretary Doe Delivers Remarks at the Port Summit\n\n"
        "Secretary Jane Doe spoke at the summit." + FIRST_PERSON
    )
    result = suggest(text, outlet="Department of Ports")
    check_spans(text, result)

    containers = next(c for c in result.candidates if "containers" in c.text)
    assert containers.speaker == "Jane Doe"


def test_a_statement_from_an_institution_is_in_its_voice():
    text = (
        "Statement from the Harbour Council on the storm\n\n"
        "The storm damaged 300 homes on Tuesday night.\n\n"
        "We have opened three shelters and moved 120 families.\n"
    )
    result = suggest(text, outlet="Regional News Service")
    check_spans(text, result)

    homes = next(c for c in result.candidates if "300 homes" in c.text)
    assert homes.speaker == "Harbour Council"
    assert homes.cue == "statement"


def test_a_release_under_a_dateline_that_its_body_today_announced_is_the_bodys():
    text = (
        "Port authority reports record year\n\n"
        "HARBOUR CITY, May 3, 2026 — The Harbour Port Authority today announced that it "
        "handled 4.1 million containers in 2025.\n\n"
        "The port employs 3,000 people, twice as many as in 2010.\n"
    )
    result = suggest(text, outlet="Release Wire")
    check_spans(text, result)

    jobs = next(c for c in result.candidates if "3,000 people" in c.text)
    assert jobs.speaker == "Harbour Port Authority"


RANKED = (
    "Harbour council meets\n\n"
    "The council met in the town hall on a windy evening.\n\n"
    "The harbour master said that traffic rose by 12% in 2025, to 4.1 million containers.\n\n"
    '"We are proud of this town," said the mayor, Tom Roe.\n'
)


def test_a_reported_figure_ranks_above_scene_setting_and_a_quoted_view():
    result = suggest(RANKED, outlet="Harbour Times")
    check_spans(RANKED, result)

    figure = next(c for c in result.candidates if "12%" in c.text)
    scene = next(c for c in result.candidates if "windy evening" in c.text)
    view = next(c for c in result.candidates if "proud" in c.text)
    assert figure.checkworthiness > scene.checkworthiness > view.checkworthiness
    assert figure.checkworthiness >= 0.5 > scene.checkworthiness
    assert "narration" in scene.reasons and "quoted words" in view.reasons
