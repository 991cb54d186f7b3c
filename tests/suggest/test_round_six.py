"""Classes of misses the development articles still showed after the fifth round, each fixed
by a general rule and tested here on sentences written for it: reported speech cut at ", but
that" and at a restatement, turn-taking and greetings in a briefing, pointers to other pages,
and bylines that name an author with a title."""

from claims.suggest import suggest
from claims.suggest.scoring import is_call_to_action, is_courtesy

from .helpers import check_spans

REPORTED = (
    "Minister speaks to farmers\n\n"
    "Mr. Dunmore said that the region still has a water shortage, but that it is managing it "
    "without new dams, that is to say, it is not borrowing to build them. He also said that "
    "prices have fallen, and that exports rose by 4% in 2025.\n"
)


def test_a_second_clause_of_the_same_report_and_a_restatement_stay_with_it():
    result = suggest(REPORTED, outlet="Valley Herald")
    check_spans(REPORTED, result)

    texts = [c.text for c in result.candidates]
    whole = (
        "the region still has a water shortage, but that it is managing it without new dams, "
        "that is to say, it is not borrowing to build them"
    )
    assert any(whole in t for t in texts), texts
    assert any("prices have fallen, and that exports rose by 4% in 2025" in t for t in texts)
    assert all(c.speaker == "Dunmore" or "Dunmore" in (c.speaker or "") for c in result.candidates)


def test_a_clause_after_and_that_stays_with_the_claim_it_comments_on():
    text = (
        "Budget passes\n\nThe council raised the rates by 3%, and that is a record for the town.\n"
    )
    result = suggest(text, outlet="Valley Herald")

    assert [c.text for c in result.candidates] == [
        "The council raised the rates by 3%, and that is a record for the town."
    ]


def test_greetings_and_handing_over_in_a_briefing_are_courtesies():
    for line in (
        "Happy Valentine’s Day.",
        "Happy New Year, everyone!",
        "Happy Thanksgiving to everybody.",
        "Wow, this is a full house.",
        "That’s from me.",
        "That’s it for — from Maria.",
        "I just have one thing at the top, and then I’ll hand it over to our Trade Secretary.",
        "With that, I’d be happy to take your questions.",
        "So, we have a couple things at the top here.",
        "So, I’ll move on.",
        "We have another special guest today: our Harbour Administrator, Jane Doe.",
        "She’ll take a few questions, and then we’ll proceed with the briefing from there.",
        "She’s going to give a brief update to all of you at the top on the storm work.",
        "I am joined today by the Health Secretary and the Chief Medical Officer.",
        "I will now hand over to the Chief Executive of the Harbour Trust, Jane Doe,",
        "I’d now like to pass it to our Deputy Mayor for remarks.",
        "Okay, I have a couple of things at the top.",
        "See you tomorrow.",
        "I'd refer you to the Department of Transportation on the timeline.",
    ):
        assert is_courtesy(line), line
    for line in (
        "We will hand out free tablets to every school.",
        "I passed the harbour bill to the Senate.",
        "We are joined by new members from every district.",
        "Happy families pay 12% less tax.",
        "Happy to report that sales rose 5%.",
        "The department referred 40 cases to the police.",
        "This is a full house of evidence that prices rose.",
        "That’s from the report, which found that 40% of rivers fell.",
    ):
        assert not is_courtesy(line), line


def test_pointers_to_other_pages_and_share_prompts_are_no_claims():
    for line in (
        "For more detailed information please visit the council's website.",
        "For further details, visit the project page.",
        "Share this article",
        "Read on to find out what changed.",
        "Related stories: the harbour plan",
        "Get the latest news in your inbox.",
    ):
        assert is_call_to_action(line), line
    for line in (
        "Visitors rose by 40% last year.",
        "Shares in the company fell 8%.",
        "Related companies paid 3 million pounds in fines.",
    ):
        assert not is_call_to_action(line), line


FIGURES = (
    "Ferry crossings hit a record\n\n"
    "Figures to be published today show a record 12,400 passengers crossed the strait last "
    "year. Recent data suggest that fares rose by 8% in 2025. Estimates indicate 3,000 more "
    "will cross this year. The operator said it would add two boats.\n"
)


def test_the_outlets_narration_relays_figures_that_name_nobody():
    result = suggest(FIGURES, outlet="Harbour News")
    check_spans(FIGURES, result)

    record = next(c for c in result.candidates if "12,400 passengers" in c.text)
    assert record.speaker == "Harbour News"
    assert record.reported_speaker == "Figures to be published today"
    fares = next(c for c in result.candidates if "fares rose by 8%" in c.text)
    assert fares.speaker == "Harbour News" and fares.reported_speaker
    assert "data" in fares.reported_speaker.lower()
    estimates = next(c for c in result.candidates if "3,000 more" in c.text)
    assert (estimates.speaker, estimates.reported_speaker) == ("Harbour News", "Estimates")
    boats = next(c for c in result.candidates if "two boats" in c.text)
    assert boats.reported_speaker is None


CARRIED = (
    "Minister on the budget\n\n"
    "Ms. Okafor said that the deficit had fallen to 2% of output. Instead, the state is paying "
    "its debts from growth. The treasury published the accounts on Monday.\n\n"
    "The opposition leader said the figures were wrong. However, she did not say which.\n"
)


def test_a_connector_carries_a_persons_reported_speech_on_to_the_next_sentence():
    result = suggest(CARRIED, outlet="Capital Post")
    check_spans(CARRIED, result)

    carried = next(c for c in result.candidates if "paying its debts from growth" in c.text)
    assert "Okafor" in carried.speaker
    assert carried.evidence == "carries on the reported speech before it"
    accounts = next(c for c in result.candidates if "published the accounts" in c.text)
    assert accounts.speaker == "Capital Post"


SIGNED = """Harbour jobs rise after the new law

*Jane Doe, Chief Economist, Harbour Council
John Roe, Director of Planning*

----------

We have added 4,000 jobs in the port since 2021, an average of 90 a month.

We expect the law to support 10,000 more jobs by 2030.
"""


def test_a_byline_of_names_and_titles_is_furniture_and_signs_the_first_person_text():
    result = suggest(SIGNED, outlet="Harbour Council")
    check_spans(SIGNED, result)

    assert not any("Chief Economist" in c.text or "Director" in c.text for c in result.candidates)
    jobs = next(c for c in result.candidates if "4,000 jobs" in c.text)
    assert jobs.speaker == "Jane Doe"
    assert jobs.evidence == "first-person text under the author's byline"
    assert (jobs.speaker_start, jobs.speaker_end) == (
        SIGNED.index("Jane Doe"),
        SIGNED.index("Jane Doe") + len("Jane Doe"),
    )


def test_a_place_and_country_line_is_no_byline():
    text = "Flood warning\n\nNew Orleans, Louisiana\n\nWe have moved 300 families since May.\n"
    result = suggest(text, outlet="Gulf Times")

    assert all(c.speaker != "New Orleans" for c in result.candidates)


RELAYED_THEN_HE = (
    "Wikinews interviews Ana Ruiz about the probe\n\n"
    "Wikinews: What did the probe do?\n\n"
    "Ana Ruiz: It flew past the comet in 2004 and came back in 2006.\n\n"
    "Wikinews: How many grains did the probe catch?\n\n"
    "Ana Ruiz: That we do not know. Tom Ekberg has estimated how many grains the probe should "
    "have caught on its way out. He estimated that there should be around 45 grains, but the "
    "figure is uncertain.\n"
)


def test_he_after_someone_relayed_in_a_turn_is_still_the_relayed_one():
    result = suggest(RELAYED_THEN_HE, outlet="Wikinews")
    check_spans(RELAYED_THEN_HE, result)

    grains = next(c for c in result.candidates if "around 45 grains" in c.text)
    assert grains.speaker == "Ana Ruiz"
    assert grains.reported_speaker == "Tom Ekberg"


def test_a_present_tense_summary_under_the_headline_is_a_standfirst():
    text = (
        "New Year message from the mayor\n\n"
        "Mayor Lena Holt sends her best wishes to everyone in the city for the new year.\n\n"
        "Mayor Lena Holt said:\n\n"
        "This year we opened 3 new libraries and planted 2,000 trees.\n"
    )
    result = suggest(text, outlet="City of Eastport")
    check_spans(text, result)

    assert not any("best wishes" in c.text for c in result.candidates)
    assert any("3 new libraries" in c.text for c in result.candidates)

    lede = "Flood hits town\n\nThe river burst its banks on Monday, flooding 40 homes.\n"
    assert any("40 homes" in c.text for c in suggest(lede, outlet="Gazette").candidates)


def test_captions_with_a_pronoun_in_a_name_and_references_to_documents_are_furniture():
    text = (
        "Innovation day in Leeds\n\n"
        "The agency funded 14 projects worth 2 million pounds this year.\n\n"
        "View of the Meet Me Board at the Leeds event.\n\n"
        "The next event is in May.\n\n"
        "Further information\n\n"
        "Agency press release: “Agency funds projects to prepare for a colder winter”\n"
    )
    result = suggest(text, outlet="GOV.UK")
    check_spans(text, result)

    assert not any("Meet Me Board" in c.text for c in result.candidates)
    assert not any("colder winter" in c.text for c in result.candidates)
    assert any("14 projects" in c.text for c in result.candidates)
    assert not is_call_to_action("Her statement: “We cut taxes by 5% last year.”")
    assert not is_call_to_action("The report: “prices rose 40% in 2025.”")


FAQ = """Harbour permits: questions and answers

The Harbour Board paused new mooring permits on Monday while it reviews a list of 900 boats.

**Q: Is this a ban on all moorings?**

A: No, the pause applies only to new permits. Existing permits, about 1,200 of them, remain valid.

**Q: How long will the pause last?**

**A:** The pause will last until 30 June, when the review ends.
"""


def test_a_pages_questions_and_answers_are_answered_in_its_own_voice():
    result = suggest(FAQ, outlet="Harbour Board")
    check_spans(FAQ, result)

    assert not any(c.text.rstrip("*").endswith("?") for c in result.candidates)
    for words in ("applies only to new permits", "1,200 of them", "until 30 June"):
        answer = next(c for c in result.candidates if words in c.text)
        assert answer.speaker == "Harbour Board", words
        assert not answer.text.startswith(("A:", "**A")), answer.text


def test_a_clause_after_and_that_goes_on_about_the_same_person_stays_with_it():
    text = (
        "Mayor answers critics\n\n"
        "The mayor has answered every request from the auditors, and he has ordered his staff "
        "to publish the 2025 accounts by May. The council cut rents by 2%, and the mayor "
        "raised parking fees.\n"
    )
    result = suggest(text, outlet="Eastport Times")
    check_spans(text, result)

    texts = [c.text for c in result.candidates]
    assert any("auditors, and he has ordered his staff" in t for t in texts), texts
    assert "The council cut rents by 2%, and the mayor raised parking fees." in texts, texts


def test_a_long_title_before_a_name_without_a_comma_gives_the_person():
    text = (
        "Boy's clock case\n\n"
        "Executive director of the Dallas chapter of the Council on Civic Relations Alia Salem "
        "said the boy wants to use his fame to help 3 charities.\n\n"
        "The director of the museum Tom Reyes said the clock was shown to 400 visitors.\n"
    )
    result = suggest(text, outlet="Wikinews")
    check_spans(text, result)

    fame = next(c for c in result.candidates if "3 charities" in c.text)
    assert fame.speaker == "Alia Salem"
    visitors = next(c for c in result.candidates if "400 visitors" in c.text)
    assert visitors.speaker == "Tom Reyes"
