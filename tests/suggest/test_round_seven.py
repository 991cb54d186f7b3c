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
    assert jobs.evidence == "an analysis under its author's signed byline"
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
