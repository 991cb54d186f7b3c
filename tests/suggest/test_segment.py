"""Paragraphs, their classification, datelines and sentences."""

import pytest

from claims.suggest import suggest
from claims.suggest.segment import dateline_end, split_paragraphs, split_sentences


def _kinds(text):
    return [(text[p.start : p.end], p.kind, p.reason) for p in suggest(text).paragraphs]


def test_paragraphs_are_lines_without_blanks_or_newlines():
    text = "  First line.  \n\n\nSecond line.\r\n   \nThird."

    spans = split_paragraphs(text)

    assert [text[s:e] for s, e in spans] == ["First line.", "Second line.", "Third."]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (" date 2022-04-25 Some Title", "metadata line"),
        ("Title: Something happened", "metadata line"),
        ("19:54 GMT 25.04.2022 (Updated: 20:20 GMT 25.04.2022)", "timestamp"),
        ("Updated 14 March 2024, 09:15 GMT", "timestamp"),
        ("© Sputnik / Ivan Ivanov / Go to the photo bank", "photo credit"),
        ("Photo: The minister in Moscow (AP)", "photo credit"),
        ("The mayor speaks at the harbour. (Official City Hall Photo by Jane Doe)", "caption"),
        ("Being updated", "being updated"),
        ("This story is being updated.", "being updated"),
        ("Read more: Why bridges cost more than they used to", "related-article link"),
        ("(Reporting by Jane Doe; Editing by Tom Roe)", "credits"),
        ("By Jane Doe and Tom Roe", "byline"),
        ("Advertisement", "boilerplate"),
        ("Share this article", "boilerplate"),
        ("https://example.com/news/1", "link"),
        ("MOSCOW (Sputnik)", "dateline-only"),
        ("I’m Jane Doe. And I'm John Roe, Jr.", "sign-off"),
        ("Acme and Harbour sign a deal in Eastport. From left: Jane Doe and John Roe.", "caption"),
        ("Harbour Trade Office, 1 Quay Street, Eastport EP1 2AB Tel.: +44 20 7946 0000", "contact"),
        ("The harbour at dawn. Photo by Jane Doe on Flickr (CC BY-NC 2.0)", "caption"),
        (
            "Dockers at work. Photo shared by Acme under Creative Commons (CC BY-SA 4.0) .",
            "caption",
        ),
        ("A map of the harbour. Image source: http://example.org/", "caption"),
        ("This post is part of our special coverage Harbour Elections 2026.", "notice"),
        ("This article and its translations were commissioned by Acme.", "notice"),
        ("This story first appeared in the Harbour Herald.", "notice"),
        (
            "This post and its translations to Spanish and French were commissioned by Acme.",
            "notice",
        ),
        ("The interview was conducted by Jane Doe. The photos were taken by her.", "notice"),
        ("The photos of Jane Doe used in this post were taken by John Roe.", "notice"),
        (
            "Harbour Cinema is gone. A mall is being built in its place. Image courtesy Acme",
            "caption",
        ),
        ("The old cinema is now a market. Image by Jane Doe. Used with permission.", "caption"),
        ("Cartoon by Jane Doe.", "caption"),
        ("Satellite image of Hurricane Ana, taken on August 3.", "caption"),
        ("A map showing the storm's path.", "caption"),
        ("Location of Eastport within Westland.", "caption"),
        ("This page is archived, and is no longer publicly editable.", "notice"),
        ("This article features first-hand journalism by Wikinews members.", "notice"),
        ("This page has been automatically archived by a robot.", "notice"),
        ("Got a correction? Add the template to the talk page.", "notice"),
        ("A compilation of brief news reports for Thursday, May 7, 2026.", "notice"),
        ("Ed.: See the harbour's catalogue for a full index.", "notice"),
        (
            'Jane Doe, Harbour Daily. "Acme could face sanctions" —Coast News, May 7, 2026',
            "related-article link",
        ),
        (
            'Associated Press. "Castro out of bed" —Toronto Star, August 6, 2006',
            "related-article link",
        ),
        ("The owner shows the drink at the bar. (2012). Image; Harbour Bar, provided.", "caption"),
        (
            "File:Dock.jpg The dock. Image: Jane Doe. (Image missing from commons: image; log)",
            "caption",
        ),
        ("Ann Lee, Jane Doe, and John Roe wrote this story for Harbour Radio.", "credits"),
    ],
)
def test_classify_noise_lines_get_a_reason(line, reason):
    text = f"{line}\nThe council approved the budget on Monday, officials said."

    (first, *_rest) = _kinds(text)

    assert first == (line.strip(), "noise", reason)


def test_a_list_of_other_outlets_headlines_is_links_not_claims():
    text = (
        "Harbour deal\n\nThe harbour board agreed a $40 million deal on Monday.\n\n"
        "**ICYMI — News coverage of the deal:**\n\n"
        "- Eastport Times: Harbour board agrees $40 million deal\n\n"
        "- Coast Radio: Board backs deal worth $40 million\n\n"
        "The deal was signed on Tuesday."
    )

    kinds = _kinds(text)

    assert [k[1:] for k in kinds[3:5]] == [("noise", "related link")] * 2
    assert kinds[5] == ("The deal was signed on Tuesday.", "body", "body text")


def test_classify_time_stamp_among_body_paragraphs_is_a_related_article_stamp():
    text = "The bridge opened in 2020.\n19 April, 11:43 GMT\nIt cost £40 million."

    kinds = _kinds(text)

    assert kinds[1] == ("19 April, 11:43 GMT", "noise", "related-article stamp")


@pytest.mark.parametrize(
    "line",
    [
        "Western Russophobia, Racism Toward Everything Russian Cultivated at Highest Level",
        "Russia Reacted Positively to Ukraine's Proposals Received in Istanbul - Lavrov",
        "WHAT HAPPENS NEXT",
        "About Acme Robotics",
    ],
)
def test_classify_headline_like_lines_are_headings(line):
    text = f"The council met on Monday.\n{line}\nIt approved the budget."

    kinds = _kinds(text)

    assert kinds[1] == (line, "heading", "headline-like")


@pytest.mark.parametrize(
    "line",
    [
        "This report was published by the agency on Monday and found 40 percent more cases.",
        "This story is hard to believe, but 12 ships sank in May.",
    ],
)
def test_a_sentence_about_a_report_or_a_story_is_body(line):
    text = f"The council met on Monday.\n{line}\nIt approved the budget."

    kinds = _kinds(text)

    assert kinds[1] == (line, "body", "body text")


def test_classify_sentences_are_body_even_when_capitalised():
    text = "The Council Met On Monday And Approved The Budget."

    assert _kinds(text) == [(text, "body", "body text")]


def test_repeat_near_exact_copy_points_to_the_first():
    first = "The council approved a budget of £40 million for the new bridge on Monday."
    again = "The council approved a budget of £40 million for the new bridge on Monday"
    text = f"{first}\nSomething else happened later in the week.\n{again}\n{first}"

    paragraphs = suggest(text).paragraphs

    assert [(p.kind, p.repeat_of) for p in paragraphs] == [
        ("body", None),
        ("body", None),
        ("repeat", 0),
        ("repeat", 0),
    ]
    assert paragraphs[3].reason == "repeats paragraph 0"


@pytest.mark.parametrize(
    ("paragraph", "body"),
    [
        ("MOSCOW (Sputnik) - Lavrov said so.", "Lavrov said so."),
        ("WASHINGTON, June 3 (Reuters) - Yellen said so.", "Yellen said so."),
        ("LONDON — The mayor said so.", "The mayor said so."),
        ("KYIV, Ukraine (AP) — Officials said so.", "Officials said so."),
        ("SAN FRANCISCO, Oct. 14, 2024 /PRNewswire/ -- Acme said so.", "Acme said so."),
        ("(CNN) — Officials said so.", "Officials said so."),
        ("Russia - Ukraine talks resumed on Monday.", "Russia - Ukraine talks resumed on Monday."),
    ],
)
def test_dateline_is_set_aside(paragraph, body):
    start = dateline_end(paragraph, 0, len(paragraph))

    assert paragraph[start:] == body


def test_sentences_survive_abbreviations_initials_and_decimals():
    text = (
        "Mr. Smith met Dr. J. R. Jones in the U.S. capital. Inflation was 3.2% in May. "
        "He left at 5 p.m. on Friday. The U.S. The end?"
    )

    spans = split_sentences(text, 0, len(text))

    assert [text[s:e] for s, e in spans] == [
        "Mr. Smith met Dr. J. R. Jones in the U.S. capital.",
        "Inflation was 3.2% in May.",
        "He left at 5 p.m. on Friday.",
        "The U.S.",
        "The end?",
    ]


def test_a_sentence_may_end_on_an_abbreviation_that_ends_a_name():
    text = (
        "Acme bought Roe & Co.. The deal cost $5bn. He left Acme Inc. It grew. Acme Inc. said so."
    )

    spans = split_sentences(text, 0, len(text))

    assert [text[s:e] for s, e in spans] == [
        "Acme bought Roe & Co..",
        "The deal cost $5bn.",
        "He left Acme Inc.",
        "It grew.",
        "Acme Inc. said so.",
    ]


def test_sentences_do_not_break_inside_a_protected_quote():
    text = '"We came. We saw." He left. Then she spoke.'

    spans = split_sentences(text, 0, len(text), [(0, 18)])

    assert [text[s:e] for s, e in spans] == ['"We came. We saw."', "He left.", "Then she spoke."]


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (
            "Photo of the flooded square by Ana Lima, used under a Creative Commons licence.",
            "photo credit",
        ),
        ("A red tram in the foreground and the old town hall in the background.", "caption"),
        ("Press enquiries 020 7000 1234", "contact"),
        ("Out of hours 020 7000 9999", "contact"),
    ],
)
def test_classify_captions_and_contact_lines_are_noise(line, reason):
    text = f"The council met on Monday.\n{line}\nIt approved the budget."

    kinds = _kinds(text)

    assert kinds[1] == (line, "noise", reason)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("What does the new law change?", "question"),
        ("Why was the bridge closed? Who pays for it? #traffic", "question"),
        ("The new limits are:", "list lead-in"),
        ("Here is the full statement from the council:", "list lead-in"),
    ],
)
def test_classify_questions_and_list_lead_ins_are_not_claims(line, reason):
    text = f"The council met on Monday.\n{line}\nIt approved the budget."

    kinds = _kinds(text)

    assert kinds[1] == (line, "heading", reason)


def test_a_long_headline_on_the_first_line_is_a_heading():
    headline = (
        "Minister addresses the annual conference of regional transport authorities in the "
        "capital on the future of rail freight"
    )
    text = f"{headline}\n\nThe minister said freight volumes rose 4% in 2023."

    kinds = _kinds(text)

    assert kinds[0] == (headline, "heading", "headline")
    assert kinds[1][1] == "body"


@pytest.mark.parametrize(
    "line",
    [
        "Evansville, Indiana, United States - This past week the museum opened 2 exhibits.",
        "Preston, Victoria, Australia On Saturday, the museum opened 2 exhibits.",
        "**Washington, D.C.** – This past week the museum opened 2 exhibits.",
        "United States - On Saturday, the museum opened 2 exhibits.",
    ],
)
def test_a_place_in_parts_run_into_the_first_sentence_is_a_dateline(line):
    assert line[dateline_end(line, 0, len(line)) :].startswith(("This past", "On Saturday"))


@pytest.mark.parametrize(
    "line",
    [
        "Aging KC135 tankers, shown here refueling an F16, were to be replaced by 2010.",
        "To read more about the plan to protect the United States from illicit drugs and their "
        "traffickers, click here.",
    ],
)
def test_captions_and_links_are_never_candidates(line):
    text = f"Tankers\n\nThe Air Force needs 100 tankers.\n\n{line}\n\nBoeing built 40 of them.\n"

    assert not [c for c in suggest(text).candidates if c.text in line]


def test_a_caption_ending_in_its_credit_spelled_out_is_noise():
    text = (
        "Orkut in India\n\nThe site has 1,000 groups.\n\n"
        "Orkut's Debut to Indian Diwali - 2006, Image by Brajeshwar from Flickr (cc licensed)\n\n"
        "Dalits have about 200 groups.\n"
    )
    kinds = [(p.kind, p.reason) for p in suggest(text).paragraphs]

    assert kinds[2] == ("noise", "caption")


def test_a_capital_letter_ending_a_sentence_is_no_initial_when_a_sentence_follows():
    text = "H5N9 is a subtype of influenza A. The agency says it has killed 4 people."

    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == [
        "H5N9 is a subtype of influenza A.",
        "The agency says it has killed 4 people.",
    ]
    named = "The report was written by John A. Smith of the agency."
    assert len(split_sentences(named, 0, len(named))) == 1


def test_a_sentence_about_a_map_or_a_photo_is_no_caption():
    text = "Storm\n\nThe storm hit on Monday.\n\nA map of the flood zone was published in 2019.\n"
    assert any("2019" in c.text for c in suggest(text).candidates)


def test_a_short_line_ending_in_a_quotation_without_a_full_stop_is_a_heading():
    text = "The telescope launched in July.\nEuropean telescope shows ‘dark universe’\nIt works."

    assert _kinds(text)[1] == (
        "European telescope shows ‘dark universe’",
        "heading",
        "short line without final punctuation",
    )
    # a quotation that ends a sentence is no heading
    assert _kinds('The vote was held.\nThe minister said "we won."\nIt ended.')[1][1] == "body"
