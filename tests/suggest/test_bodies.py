"""Organisations that news names once and then describes by their kind ("the rights group",
"the chipmaker", "the agency"): the description is the body named before it. Every article
here is written for the test."""

from claims.suggest import suggest


def _speaker(result, words):
    (found,) = [c for c in result.candidates if words in c.text]
    return found.speaker


RIGHTS_GROUP = """Rights group urges release of jailed reporters

Amnesty International has called on the government to free 12 journalists arrested since June.

The rights group said at least 40 people had been detained in the capital.

The London-based organisation also reported that two reporters were sentenced to six years.
"""


def test_a_body_described_by_its_kind_is_the_body_that_opened_a_sentence_before():
    result = suggest(RIGHTS_GROUP, outlet="Daily News")
    assert _speaker(result, "40 people had been detained") == "Amnesty International"
    assert _speaker(result, "sentenced to six years") == "Amnesty International"


def test_a_company_named_once_by_a_cue_is_what_the_trade_word_means():
    text = (
        "Chip row\n\nIntel denies the allegations. The chipmaker says its rebates were legal "
        "and that it holds 80 percent of the market.\n"
    )
    assert _speaker(suggest(text, outlet="Daily News"), "80 percent") == "Intel"


def test_an_apposition_says_a_name_is_a_body():
    text = (
        "Nobel prize for planting trees\n\nDr Jane Okafor is best known for founding the Green "
        "Roots Movement, a non-governmental organization dedicated to conservation. Since its "
        "founding in 1977, the organization claims to have planted over 30 million trees.\n"
    )
    result = suggest(text, outlet="Daily News")
    assert _speaker(result, "30 million trees") == "Green Roots Movement"


def test_the_body_whose_name_holds_the_kind_goes_first():
    text = (
        "Airliner lost\n\nMalaysia Airlines said the aircraft carried 283 passengers. Boeing "
        "Commercial Airplanes has sent a team to help the investigation.\n\n"
        "The airline added that it had lost contact with the plane at 14:15.\n"
    )
    assert _speaker(suggest(text, outlet="Daily News"), "lost contact") == "Malaysia Airlines"


def test_a_kind_that_is_also_a_name_needs_that_word_in_the_name():
    text = (
        "Hospital waits\n\nThe Ministry of Health published its figures on Monday. Oxfam "
        "International responded within hours.\n\n"
        "The ministry said 4,000 patients had waited more than a year.\n"
    )
    assert _speaker(suggest(text, outlet="Daily News"), "4,000 patients") == "Ministry of Health"


def test_people_places_and_lone_capitalised_words_are_no_bodies():
    text = (
        "Floods\n\nDr Amara Osei visited the camps in Northern Province. Northern Province "
        "has 2 million people. Throughout the week, aid arrived by road.\n\n"
        "The organisation said 300 families had lost their homes.\n"
    )
    assert _speaker(suggest(text, outlet="Daily News"), "300 families") == "The organisation"


def test_a_cue_that_ends_a_clause_relays_nothing_and_loses_nothing():
    text = (
        "Hunger\n\nUNICEF warned that 2 million children face hunger, a figure the agency "
        "described as unprecedented.\n"
    )
    (found,) = suggest(text, outlet="Daily News").candidates
    assert found.text == (
        "2 million children face hunger, a figure the agency described as unprecedented"
    )
    assert (found.speaker, found.reported_speaker) == ("UNICEF", None)


def test_a_statement_saying_is_what_its_issuer_says():
    text = (
        "Airliner lost\n\nMalaysia Airlines lost contact with a plane on Thursday.\n\n"
        "The airline later issued a statement saying all 283 passengers had been accounted "
        "for.\n\nAcme released a statement saying that 15 carriers had been warned.\n"
    )
    result = suggest(text, outlet="Daily News")
    assert _speaker(result, "283 passengers") == "Malaysia Airlines"
    assert _speaker(result, "15 carriers") == "Acme"


FLOODS = """Floods kill 40 in northern province

The provincial disaster agency said 12,000 homes had been damaged. "We have never seen water
this high," its director, Amina Bello, told reporters.

Bello said rescue teams had reached 30 villages.

Rain is forecast to continue until Friday, according to the national weather service.

Opposition leader Sam Obi accused ministers of cutting the flood defence budget by 30 percent.

The accused said he had never met the victim before 2019.
"""


def test_a_body_described_with_plain_words_is_named_whole_and_is_never_a_person():
    result = suggest(FLOODS, outlet="Daily News")
    assert _speaker(result, "12,000 homes") == "The provincial disaster agency"
    assert _speaker(result, "until Friday") == "the national weather service"


def test_an_accusation_is_the_accuser_s_claim_and_the_accused_is_a_person():
    result = suggest(FLOODS, outlet="Daily News")
    (found,) = [c for c in result.candidates if "30 percent" in c.text]
    assert (found.speaker, found.text) == (
        "Sam Obi",
        "ministers of cutting the flood defence budget by 30 percent",
    )
    assert _speaker(result, "never met the victim") == "The accused"


def test_a_finding_named_again_is_its_makers_and_company_officials_are_the_company():
    text = (
        "Survey\n\nA new report by the Pew Research Center looked at 24 countries.\n\n"
        "The study found that 77 percent of Dutch respondents feel close to people elsewhere."
        "\n\nIn May, Aurora Innovation said it was preparing to launch driverless trucks.\n\n"
        "Company officials said it planned to begin the service with 20 trucks.\n"
    )
    result = suggest(text, outlet="Daily News")
    assert _speaker(result, "77 percent") == "Pew Research Center"
    assert _speaker(result, "20 trucks") == "Aurora Innovation"


def test_a_name_inside_a_longer_word_is_not_where_the_article_named_it():
    text = (
        "Jobs\n\nProfessor Tom Lee said walking helps 20 people.\n\n"
        "John Roe said 3 shops closed.\n\n"
        "Back in Leeds last week, he said 40 jobs were lost.\n"
    )
    result = suggest(text, outlet="Daily News")
    assert _speaker(result, "40 jobs") == "John Roe"  # "Lee" is no word of "Leeds"


def test_what_a_body_announces_with_a_figure_or_a_date_is_its_claim_and_stays_whole():
    text = (
        "Launch\n\nNASA announced the successful launch of its Europa Clipper spacecraft in "
        "October.\n\nThe minister announced his resignation.\n"
    )
    result = suggest(text, outlet="Daily News")
    (launch,) = [c for c in result.candidates if "Europa" in c.text]
    assert (launch.speaker, launch.text) == (
        "NASA",
        "NASA announced the successful launch of its Europa Clipper spacecraft in October",
    )
    assert _speaker(result, "resignation") == "Daily News"  # a bare act stays the outlet's


def test_a_body_described_through_a_possessive_is_named_whole():
    text = (
        "Storm\n\nThe storm hit on Tuesday.\n\n"
        "A third person was seriously injured, the county's fire department reported.\n"
    )
    result = suggest(text, outlet="Daily News")
    assert _speaker(result, "third person") == "the county's fire department"


def test_figures_from_a_described_body_are_its_and_a_title_case_name_is_whole():
    text = (
        "Cholera\n\nCholera cases in Eastland rose to 4,200 last week, data from the health "
        "ministry showed.\n\nDoctors Without Borders, which runs three centres, said it had "
        "treated 1,500 patients.\n"
    )
    result = suggest(text, outlet="Daily News")
    (cases,) = [c for c in result.candidates if "4,200" in c.text]
    assert (cases.speaker, cases.reported_speaker) == ("data from the health ministry", None)
    assert _speaker(result, "1,500 patients") == "Doctors Without Borders"


def test_researchers_described_again_are_the_group_named_with_its_institution():
    text = (
        "Moon\n\nResearchers from Nanjing University reported the water was in the form of "
        "beads found in dirt collected in 2020. The scientists noted that billions of these "
        "beads could exist on the moon.\n\nScientists at the University of Montreal said the "
        "planet is 48 light years away. The researchers added that it may hold 40 percent "
        "water.\n"
    )
    result = suggest(text, outlet="Herald")

    speakers = {c.text: c.speaker for c in result.candidates}
    assert speakers["billions of these beads could exist on the moon"] == (
        "Researchers from Nanjing University"
    )
    assert speakers["it may hold 40 percent water"] == "Scientists at the University of Montreal"


def test_a_body_named_only_in_narration_is_what_its_kind_describes_and_it_said_is_it():
    text = (
        "Shares fall\n\nThe study was funded by the National Health Institute.\n\nShares in "
        "Acme Motors fell 8 percent on Thursday after the carmaker cut its profit forecast.\n\n"
        "The company expects sales of 1.1 million vehicles this year, down from 1.3 million, "
        "it said.\n"
    )
    result = suggest(text, outlet="Herald")

    (sales,) = [c for c in result.candidates if "1.1 million" in c.text]
    assert sales.speaker == "Acme Motors"
