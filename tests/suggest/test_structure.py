"""Who speaks where no sentence says so: transcripts, blocks after "X said:", speeches and
statements published under a name, press releases, standfirsts. Every article here is
written for the test."""

from claims.suggest import suggest

from .helpers import check_spans


def _one(result, words):
    (found,) = [c for c in result.candidates if words in c.text]
    return found


def _kinds(result, text):
    return {text[p.start : p.end]: (p.kind, p.reason) for p in result.paragraphs}


TRANSCRIPT = """Briefing by Press Secretary Dana Whitfield and Trade Envoy Omar Haddad

Harbour Room

2:15 P.M. EDT

MS. WHITFIELD: Good afternoon, everyone.

Q Good afternoon.

MS. WHITFIELD: Exports of grain rose 12 percent in the first quarter.

We have signed 4 new agreements since January.

Q: Why did the talks with Norway fail last week?

MR. HADDAD: The talks did not fail. Norway agreed to cut its tariff to 3 percent.

THE PRESS SECRETARY: The next briefing is on Friday at noon.
"""


def test_transcript_speaker_lines_give_their_paragraphs_a_speaker():
    result = suggest(TRANSCRIPT, outlet="The Office")

    check_spans(TRANSCRIPT, result)
    grain = _one(result, "Exports of grain rose 12 percent")
    assert (grain.kind, grain.speaker) == ("direct", "Dana Whitfield")
    assert grain.evidence == "transcript speaker line"
    assert TRANSCRIPT[grain.speaker_start : grain.speaker_end] == "MS. WHITFIELD"
    assert _one(result, "4 new agreements").speaker == "Dana Whitfield"  # the line above
    assert _one(result, "3 percent").speaker == "Omar Haddad"
    assert _one(result, "next briefing").speaker == "Dana Whitfield"  # by her role


def test_transcript_questions_are_set_aside():
    result = suggest(TRANSCRIPT, outlet="The Office")

    kinds = _kinds(result, TRANSCRIPT)
    assert kinds["Q: Why did the talks with Norway fail last week?"] == ("heading", "question")
    assert kinds["Q Good afternoon."] == ("heading", "question")
    assert not [c for c in result.candidates if "Norway fail" in c.text]


def test_interview_answer_label_with_title_and_name():
    text = (
        "Interview with a business daily\n\n"
        "Question: How fast is the economy growing?\n\n"
        "Minister of Finance Ilse Brandt: The economy grew by 2.1% last year, twice the "
        "average of the region.\n\n"
        "Question: And next year?\n\n"
        "Ilse Brandt: We expect 1.8%, because exports are slowing.\n"
    )

    result = suggest(text, outlet="Ministry of Finance")

    assert _one(result, "grew by 2.1%").speaker == "Ilse Brandt"
    assert _one(result, "We expect 1.8%").speaker == "Ilse Brandt"
    assert not [c for c in result.candidates if "How fast" in c.text]


def test_introduction_above_a_transcript_is_a_standfirst():
    text = (
        "Meeting with the head of the audit office\n\n"
        "Mr Varga briefed the President on the audits of 2023.\n\n"
        "President Ana Sousa: Mr Varga, what did the audits find?\n\n"
        "Audit Office Chairman Peter Varga: We found 214 cases of fraud in 2023.\n"
    )

    result = suggest(text)

    kinds = _kinds(result, text)
    assert kinds["Mr Varga briefed the President on the audits of 2023."] == (
        "heading",
        "standfirst",
    )
    assert _one(result, "214 cases").speaker == "Peter Varga"


def test_paragraphs_after_an_attribution_line_are_the_speakers():
    text = (
        "Councils warn of pothole backlog\n\n"
        "The repair backlog has grown for a third year, a survey of councils shows.\n\n"
        "Transport Minister Kofi Mensah said:\n\n"
        "We have doubled the repair fund to £600 million this year.\n\n"
        "Our roads will be safer for everyone.\n\n"
        "Professor Ruth Adler, an engineer at Northfield University, said:\n\n"
        "Half of the potholes reappear within two years.\n\n"
        "In March, the department published new guidance for councils.\n"
    )

    result = suggest(text, outlet="Road News")

    check_spans(text, result)
    fund = _one(result, "£600 million")
    assert (fund.kind, fund.speaker, fund.cue) == ("direct", "Kofi Mensah", "said")
    assert text[fund.cue_start : fund.cue_end] == "said"
    assert _one(result, "Our roads will be safer").speaker == "Kofi Mensah"
    assert _one(result, "reappear within two years").speaker == "Ruth Adler"
    # The institution narrating again ends the block.
    assert _one(result, "published new guidance").speaker == "Road News"
    kinds = _kinds(result, text)
    assert kinds["Transport Minister Kofi Mensah said:"] == ("heading", "attribution line")


def test_a_block_opened_by_a_pronoun_follows_the_writer():
    text = (
        "Bloggers react to the verdict\n\n"
        "Lena Ortiz of the Civic Watch blog writes about the court's ruling. She continues:\n\n"
        "The court took 14 months to reach a verdict that everyone expected.\n\n"
        "The judges ignored three expert reports.\n"
    )

    result = suggest(text, outlet="Roundup")

    assert _one(result, "14 months").speaker == "Lena Ortiz"
    assert _one(result, "three expert reports").speaker == "Lena Ortiz"


def test_posts_under_a_handle_are_their_authors():
    text = (
        "Protests spread to the capital\n\n"
        "Many users are posting under the hashtag #strike:\n\n"
        "Maya Roth @mroth:\n\n"
        "Police closed 3 metro stations this morning.\n\n"
        "@citywatch9:\n\n"
        "The march reached the parliament at 11 a.m.\n"
    )

    result = suggest(text, outlet="Roundup")

    assert _one(result, "3 metro stations").speaker == "Maya Roth"
    assert _one(result, "parliament at 11").speaker == "@citywatch9"


def test_statement_published_under_a_name_is_that_persons():
    text = (
        "Statement from Governor Elena Marsh on the State Budget\n\n"
        "Today the legislature passed my budget, which cuts property taxes by 4 percent. "
        "Since I took office, unemployment has fallen to 3.1 percent.\n"
    )

    result = suggest(text, outlet="Office of the Governor")

    taxes = _one(result, "4 percent")
    assert (taxes.kind, taxes.speaker) == ("direct", "Elena Marsh")
    assert taxes.evidence == "a statement published under the speaker's name"
    assert text[taxes.speaker_start : taxes.speaker_end] == "Governor Elena Marsh"
    assert _one(result, "3.1 percent").speaker == "Elena Marsh"


def test_speech_relays_the_sources_it_cites():
    text = (
        "Tom Reyes's speech at the Water Forum\n\n"
        "Clean water for every village.\n\n"
        "According to the World Bank, 2 billion people lack safe water. The national "
        "auditor reported that 40% of pipes leak. As the Mayor of Lima Rosa Quispe has said, "
        "the city lost 120 million litres a day last year.\n"
    )

    result = suggest(text, outlet="Ministry of Water")

    bank = _one(result, "2 billion people")
    assert (bank.speaker, bank.reported_speaker) == ("Tom Reyes", "World Bank")
    pipes = _one(result, "40% of pipes")
    assert (pipes.speaker, pipes.reported_speaker) == ("Tom Reyes", "The national auditor")
    litres = _one(result, "120 million litres")
    assert (litres.speaker, litres.reported_speaker) == ("Tom Reyes", "Rosa Quispe")


def test_speech_named_in_its_standfirst():
    text = (
        "Reform of the asylum system\n\n"
        "Interior Minister Jan Kowal gave a statement to Parliament on asylum reform.\n\n"
        "Last year we processed 31,000 claims, twice as many as in 2019.\n"
    )

    result = suggest(text, outlet="gov")

    assert _one(result, "31,000 claims").speaker == "Jan Kowal"
    kinds = _kinds(result, text)
    assert kinds[text.splitlines()[2]] == ("heading", "standfirst")


def test_a_readouts_and_a_notes_summary_of_themselves_are_standfirsts():
    readout = (
        "Meeting with the Harbour Minister\n\n"
        "Governor Ada Moreno met with Harbour Minister Tom Reyes. The Minister briefed the "
        "Governor on the harbour works.\n\n"
        "Tom Reyes: We dredged 40,000 tonnes of silt this year.\n"
    )
    note = (
        "Jane Doe's speaking note for the harbour forum\n\n"
        "Jane Doe's speaking note covers harbour fees and the new berth.\n\n"
        "Thank you for having me. Our new berth handled 40,000 containers in May.\n"
    )

    for text in (readout, note):
        kinds = _kinds(suggest(text, outlet="gov"), text)
        assert kinds[text.splitlines()[2]] == ("heading", "standfirst"), text


def test_a_blogger_with_a_handle_who_comments_and_stresses_gives_the_post_below():
    text = (
        "Harbour protest\n\nHundreds marched on Monday.\n\n"
        "Jane Doe (@janedoe) comments on this in her blog and stresses how the march grew:\n\n"
        "I have marched three times this year, and 400 people came the last time.\n"
    )

    result = suggest(text, outlet="Harbour Voices")

    assert _one(result, "400 people").speaker == "Jane Doe"


def test_a_line_that_opens_with_a_name_and_any_verb_gives_the_paragraph_below():
    text = (
        "Harbour protest\n\nHundreds marched on Monday.\n\n"
        "Isaac disagrees:\n\nOnly 40 people marched, and 12 of them were paid.\n\n"
        "But Jane Doe reminds critics that the march was peaceful:\n\n"
        "Nobody was arrested, and the police counted 400 marchers.\n"
    )

    result = suggest(text, outlet="Harbour Voices")

    assert _one(result, "40 people").speaker == "Isaac"
    assert _one(result, "400 marchers").speaker == "Jane Doe"  # not its quotations alone


def test_a_post_under_its_handle_stays_its_authors_whoever_it_cites():
    text = (
        "Harbour hunger\n\nPrices rose again in May.\n\n"
        "Harbour Aid offered more figures:\n\n"
        "@harbouraid: @PortStats reports food prices doubled since 2019. 5 million go hungry.\n"
    )

    result = suggest(text, outlet="Harbour Voices")

    assert _one(result, "5 million go hungry").speaker == "Harbour Aid"


def test_a_presenters_sign_off_does_not_sign_the_story():
    text = (
        "Harbour fair\n\nThe harbour fair began in 1921. Some 40,000 people came last year.\n\n"
        "We hope you enjoyed the story.\n\nI'm Jane Doe.\n\nAnd I'm John Roe.\n"
    )

    result = suggest(text, outlet="Harbour Radio", author="Harbour Radio Learning (Jane Doe)")

    assert _one(result, "40,000 people").speaker == "Harbour Radio"


def test_report_of_a_speech_is_not_the_speakers_own_text():
    text = (
        "Minister visits flooded towns\n\n"
        "Interior Minister Jan Kowal gave a speech in Dorne on Monday.\n\n"
        "Kowal promised 50 new pumps. The river rose 3 metres overnight.\n"
    )

    result = suggest(text, outlet="Daily Courier")

    assert _one(result, "rose 3 metres").speaker == "Daily Courier"


def test_press_release_in_an_institutions_voice():
    text = (
        "New figures on cycling\n\n"
        "Cycling to work rose by 9% last year, as new research from the Transport Research "
        "Agency (TRA) out today shows.\n\n"
        "Over 2 million people now cycle to work at least once a week.\n\n"
        "TRA chief executive Amir Khan said:\n\n"
        "These numbers show that safer lanes work.\n"
    )

    result = suggest(text, outlet="gov.example")

    assert _one(result, "rose by 9%").speaker == "Transport Research Agency"
    assert _one(result, "2 million people").speaker == "Transport Research Agency"
    assert _one(result, "safer lanes work").speaker == "Amir Khan"


def test_press_release_cites_a_survey_as_its_reported_speaker():
    text = (
        "Helpline marks its fifth year\n\n"
        "A new advert for the helpline was launched by the Health Office today.\n\n"
        "The helpline answered 80,000 calls last year.\n\n"
        "According to a 2022 survey of 500 parents:\n\n"
        "64 per cent said they knew the helpline's number\n"
    )

    result = suggest(text, outlet="gov.example")

    calls = _one(result, "80,000 calls")
    assert calls.speaker == "Health Office"
    known = _one(result, "64 per cent")
    assert known.speaker == "Health Office"
    assert known.reported_speaker == "a 2022 survey"


def test_standfirst_that_the_article_repeats_is_set_aside():
    text = (
        "Drug limits approved\n\n"
        "Limits for 12 drugs have now been approved after two consultations.\n\n"
        "Limits for 12 drugs have now been approved and will come into force in June.\n\n"
        "The two consultations received 900 responses.\n"
    )

    result = suggest(text, outlet="gov")

    assert [c.text for c in result.candidates if "12 drugs" in c.text] == [
        "Limits for 12 drugs have now been approved and will come into force in June."
    ]


def test_numbered_lead_in_with_a_survey_is_not_a_candidate():
    text = (
        "Helpline figures\n\n"
        "The helpline answered 80,000 calls, the Health Office said.\n\n"
        "2. According to a 2021 national survey of 300 teachers:\n\n"
        "The majority (61 per cent) said they had used the helpline\n"
    )

    result = suggest(text, outlet="gov.example")

    used = _one(result, "61 per cent")
    assert used.speaker == "a 2021 national survey"  # the outlet cites it: the survey speaks
    assert not [c for c in result.candidates if "According to" in c.text]


def test_bullet_list_after_x_also_said_is_the_speakers():
    text = (
        "Rent cap approved\n\n"
        "Housing Secretary Mark Ellis said on Tuesday that 1.2 million households would be "
        "covered.\n\n"
        "Ellis also said:\n\n"
        "- rents could rise by no more than 5% a year\n\n"
        "- landlords who break the rules would face fines of up to £30,000\n\n"
        "- councils would get £50 million\n"
    )

    result = suggest(text, outlet="Wire")

    assert _one(result, "1.2 million").text == "1.2 million households would be covered"
    for words in ("5% a year", "£30,000", "£50 million"):
        assert _one(result, words).speaker == "Mark Ellis"


def test_answers_of_an_interview_are_the_interviewees():
    text = (
        "Interview with central bank governor Ana Vidal on inflation\n\n"
        "Q: Is inflation under control?\n\n"
        "A: Inflation fell to 2.9% in May, the lowest since 2021.\n\n"
        "Q: And wages?\n\n"
        "A: Real wages rose 1.5% last year.\n"
    )

    result = suggest(text, outlet="Daily")

    assert _one(result, "2.9%").speaker == "Ana Vidal"
    assert _one(result, "1.5%").speaker == "Ana Vidal"
    assert not [c for c in result.candidates if "under control" in c.text]


def test_first_person_column_under_a_byline_is_its_authors():
    text = (
        "Opinion: our hospitals cannot wait another winter\n\n"
        "By Helen Ward\n\n"
        "I have worked as a nurse in this city for 22 years. Last winter, my ward had 14 beds "
        "for 30 patients.\n\n"
        "The government says it has hired 5,000 nurses since 2022. But in my hospital, we "
        "lost 40 and gained 12.\n"
    )

    result = suggest(text, outlet="The Daily")

    assert _one(result, "14 beds").speaker == "Helen Ward"
    hired = _one(result, "5,000 nurses")
    assert (hired.speaker, hired.reported_speaker) == ("Helen Ward", "The government")
    assert _one(result, "lost 40").text == "in my hospital, we lost 40 and gained 12."


def test_a_headline_naming_a_speech_over_a_report_of_it_is_the_outlets():
    text = (
        "Mayor's speech\n\n"
        "Mayor Ada Moreno spoke at the harbour on Monday.\n\n"
        '"We had 40 buses when I took office," she told the crowd. "Today we have 95."\n\n'
        "Her rival, Tom Reyes, said the figure was 80.\n"
    )
    result = suggest(text, outlet="Herald")

    speakers = {c.text: c.speaker for c in result.candidates}
    assert speakers["Today we have 95."] == "Ada Moreno"
    assert speakers["the figure was 80"] == "Tom Reyes"


def test_a_release_quoting_its_minister_then_its_notes():
    text = (
        "Harbour fees cut\n\n"
        "The Harbour Board has today announced a cut in fees of 12%.\n\n"
        "Harbour Minister Ada Moreno said:\n\n"
        "This cut will save shippers 3 million pounds a year.\n\n"
        "Notes to editors\n\n"
        "The board handled 95,000 containers in 2023.\n"
    )
    result = suggest(text, outlet="GOV.UK", author="Harbour Board", title="Harbour fees cut")

    speakers = {c.text: c.speaker for c in result.candidates}
    assert speakers["This cut will save shippers 3 million pounds a year."] == "Ada Moreno"
    assert speakers["The board handled 95,000 containers in 2023."] == "Harbour Board"
