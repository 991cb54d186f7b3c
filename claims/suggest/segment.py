"""Cutting an article into paragraphs and sentences, and telling body text from the rest.

Real input carries what a page wrapped around the article: a metadata line, time stamps, photo
credits, "Being updated", related-article stamps, headlines and datelines. None of it is
anybody's claim, so it is classified here and never reaches attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .lexicon import ABBREVIATIONS, CUE_WORDS, FINITE_VERBS, SENTENCE_STARTERS, STOP_CAPS, word_set

# A paragraph: one line from its first to its last non-blank character.
_LINE = re.compile(r"\S(?:[^\n]*\S)?")

_METADATA = re.compile(
    r"^(?:date\s+\d{4}-\d{2}-\d{2}\b|(?:title|author|source|url|tags?|category|keywords"
    r"|published|updated|lang(?:uage)?)\s*[:=])",
    re.IGNORECASE,
)
_TIMEISH = re.compile(
    r"\d+(?:st|nd|rd|th)?|\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?"
    r"|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
    r"|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?"
    r"|sat(?:urday)?|sun(?:day)?|gmt|utc|bst|cet|cest|msk|est|edt|cst|pst|pdt|et|pt|ct"
    r"|am|pm|a\.m\.|p\.m\.|updated|published|posted|modified|last|on|at)\b|[\W_]",
    re.IGNORECASE,
)
_PHOTO = re.compile(
    r"^(?:\d{4}\s+(?=file photo))?"  # "2009 file photo of ..."
    r"(?:©|\(c\)\s|\(?(?:photo|image|picture|credit|illustration|video)s?(?:\s+by|\s+credit)?"
    r"\s*[:/]|image (?:caption|source)|file photo"
    r"|(?:photo|picture|image)s? (?:of|by|from|courtesy)\b)"
    r"|go to the (?:photo|media) ?bank|getty images|/\s*(?:afp|ap|reuters|getty|epa|sputnik|tass"
    r"|anadolu)\b|\b(?:used|licensed|reproduced) under (?:a )?creative commons"
    r"|\bcreative commons (?:licen[cs]e|attribution)\b",
    re.IGNORECASE,
)
# "Ants on a leaf. Image: Jane Doe.", "... (Photo: John Roe/Reuters)", "... (Official Photo
# by Jane Doe)": a caption that ends in its picture's credit.
_CREDIT_AT_END = re.compile(
    r"(?:^|[.!?]\s+|\(\s*|\s(?=(?-i:[A-Z])))(?:image|photo|photograph|picture|illustration|video)?\s*"
    r"(?:image|photo|picture|illustration|video|credit)s?(?:\s+(?:credit|source))?\s*:\s*"
    # (a credit may name its maker after a colon of its own: "Image: DoD photo by: Jane Doe.")
    r"(?:(?:[^.:!?()]|(?<=\b[A-Z])\.){2,60}(?::\s*[^.:!?()]{2,60})?|https?://\S+)\.?\)?\.?$"
    # "... Photo by Jane Doe on Flickr (CC BY-NC 2.0)": a Creative Commons licence tag
    r"|\(?\bCC[\s-]BY(?:-(?:NC|ND|SA))*(?:\s+\d\.\d)?\)?\s*\.?$"
    r"|\([^()]{0,30}\b(?:photo|image|picture)s?\s*/\s*[^()]{2,60}\)\.?$"
    # "..., Image by jdoe from Flickr (cc licensed)": the credit spelled out at the end
    r"|[,.]\s+(?:image|photo|photograph|picture)\s+by\s+[^.!?]{2,60}$"
    # "... above Earth. NASA/JPL-Caltech", "... the balloon. (NASA/Bill Ingalls)": a bare
    # credit, a maker and its photographer or unit joined by a slash
    r"|(?:[.!?]\s+|\(\s*)(?-i:[A-Z][\w.&'’-]*(?:\s[A-Z][\w.&'’-]*){0,3}/[A-Z][\w.&'’-]*"
    r"(?:[\s/][A-Z][\w.&'’-]*){0,4})\)?\.?$"
    # "Hamas leader Khaled Meshaal (file photo)"
    r"|\((?:file |archive )?(?:photo|image|picture)\)\.?$"
    # "... in the Oval Office. (Official White House Photo by Jane Doe)"
    r"|\([^()]{0,40}\b(?:photo|image|picture|photograph)\s+by\s+[^()]{2,60}\)\.?$",
    re.IGNORECASE,
)
# "... Now its a clothes market. Image by Jane Doe. Used with permission.", "... Image courtesy
# Wikipedia", "Cartoon by Jane Doe.": a short caption whose last sentence credits its picture.
_CREDIT_SENTENCE = re.compile(
    r"(?:^|[.!?]\s+)(?:image|photo|photograph|picture|cartoon|illustration|drawing|graphic"
    r"|infographic|screenshot|map)s?\s+(?:by|from|courtesy|posted by|via|credit)\b[^.!?]{2,80}"
    r"(?:[.!?]\s*(?:used|reproduced|published) with permission)?[.!?]?\)?$",
    re.IGNORECASE,
)
_CREDITED_CAPTION_WORDS = 50
# "File:Harbour.jpg The harbour at dawn. Image; Jane Doe. (Image missing from commons: image;
# log)": a wiki page's picture, its file name, credit and a note that the file is gone.
_WIKI_IMAGE = re.compile(
    r"^file:\S+\.(?:jpe?g|png|gif|svg|tiff?|webp)\b|\(image missing from [^)]*\)\W*$"
    r"|(?:^|[.!?]\s+)image\s*;\s*[^.;:!?]{2,60}\.?$",
    re.IGNORECASE,
)
# A wire photo's caption: one sentence in the present tense that ends with the place and
# the full date ("... in Eastport, Maine, May 8, 2016.").
_WIRE_CAPTION = re.compile(
    r"^[^.!?]{10,300},\s[A-Z][\w.'’\- ]{1,40},\s(?:[A-Z][\w.'’\- ]{1,40},\s)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\s\d{1,2},\s\d{4}\.?$"
)
# An image described for readers who cannot see it: a caption or its alternative text.
_PICTURE_WORDS = re.compile(
    # (a place in the picture: "left of the image", not "the posting of the photo")
    r"\b(?:in the (?:fore|back)ground|(?:left|right|top|bottom|cent(?:er|re)|middle|side|edge"
    r"|corner) of the (?:image|photo|picture|frame)|this (?:image|photo)"
    r"|(?:is|are) (?:pictured|seen|shown) (?:here|at|in|with|during)|pictured (?:above|below|left"
    r"|right|here)|from left to right|,\s(?:shown|seen|pictured) (?:here|above|below))\b"
    r"|(?:^|[.!?]\s+)(?:from left|left to right|from right)\s*[:,]"
    r"|\((?:left|right|centre|center|l-r|from left)\)",
    re.IGNORECASE,
)
# "Satellite image of Hurricane Ana, taken on August 3.", "A map showing the storm's path.",
# "Location of Eastport within Westland.", "The flag of Westland.": a line that names a picture
# and what it shows.
_PICTURE_LINE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:[\w-]+\s+)?(?:image|photo|photograph|picture|map|chart|graph"
    r"|diagram|illustration|screenshot|aerial view|view|logo|flag|seal|location|locator map)s?"
    r"\s+(?:of|showing|from|taken|depicting)\b[^!?]*$",
    re.IGNORECASE,
)
_PICTURE_LINE_WORDS = 16
_EMAIL = re.compile(r"[\w.+\-]+@[\w\-]+\.[\w.]+")
# A telephone number, as contact lines give it.
_PHONE = re.compile(r"(?:\+\d{1,3}[ .-]?)?\(?\d{2,5}\)?(?:[ .-]\d{2,4}){2,3}\b")
# "I'm Jane Doe.", "For VOA Learning English, I'm John Roe, Jr.": a reporter signing off
_SIGN_OFF = re.compile(
    r"^(?:(?:[Aa]nd )?(?:(?:[Ff]or|[Ff]rom) [^,]{2,40},\s*)?I['’]m (?:[A-Z][\w.'’\-]*\s*){1,4}"
    r"(?:,?\s*Jr\.?)?\.?\s*)+$"
)
# "... Torre Espacio - 28046 Madrid Tel.: +34 91 714 6300": a telephone number, labelled
_TELEPHONE = re.compile(r"\b(?:tel|telephone|phone|fax)\b\.?\s*:?\s*\+?\(?\d", re.IGNORECASE)
_ADDRESS_WORDS = 40
_CONTACT = re.compile(
    r"^(?:(?:media|press|news|roads?|public) (?:enquiries|inquiries|office|desk|contacts?)"
    r"|(?:out of hours|switchboard|telephone|phone|tel|fax|e-?mail)\b)",
    re.IGNORECASE,
)
_UPDATING = re.compile(
    r"^(?:this (?:story|article|report|page) (?:is|has been|will be) (?:being )?updated"
    r"|being updated|developing(?: story)?|breaking(?: news)?|update \d*|more to follow"
    r"|story (?:continues|developing)|live updates?)\W*$",
    re.IGNORECASE,
)
# A live blog's presenter speaking to its readers: "Good morning and welcome to our live
# coverage", "That's all from us", "Here's a picture sent in by a reader".
_PRESENTER = re.compile(
    r"(?:(?:good (?:morning|afternoon|evening)|hello)\b[^.!?]{0,40}\bwelcome\b"
    r"|welcome (?:back )?to (?:our|the|this) (?:live|rolling|continuing)\b"
    r"|that['’]s (?:all|it) (?:from|for) (?:us|me|today|now)\b"
    r"|thanks? (?:you )?(?:very much )?for (?:following|joining|reading)\b"
    r"|we(?:['’]re| are| will be) (?:pausing|closing|ending|wrapping up) (?:our|this|the)\b"
    r"|here['’]s (?:a|an|the|some) (?:picture|photo|video|look|clip|map|image)s?\b)",
    re.IGNORECASE,
)
_RELATED = re.compile(
    r"^(?:read (?:more|also)|also read|see also|related(?: articles?| stories| news)?"
    r"|more on this|recommended|you may also like|most read|watch)\b\W",
    re.IGNORECASE,
)
# 'Jane Doe, Congress Daily. "Blackwater could face sanctions" —Government Executive, November
# 7, 2008': a source cited by its title, outlet and date, as a wiki news page lists them.
_SOURCE_LINE = re.compile(
    r"^[^\n\"“”]{0,120}[\"“][^\"“”]{5,200}[\"”]\s*[—–-]\s*[^,\n]{2,80},\s+"
    r"(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+|\d{1,2}\s+[A-Z][a-z]+\s+)?\d{4}\.?$"
)
_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DATE = (
    rf"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}},\s+\d{{4}}|\d{{1,2}}\s+{_MONTH}\s+\d{{4}})"
)
# "Asteroid reaches hazard rating 4 (December 24, 2004)", "See Death toll reaches eleven,
# November 28, 2013": another article of the site, by its headline and date.
_RELATED_ITEM = re.compile(
    rf"^(?!.*[.!?]\s)[^\n]{{10,200}}?\s\({_DATE}\)$|^See\s+[A-Z][^.!?\n]{{5,150}},\s+{_DATE}\.?$"
)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|subscribe|sign up|share (?:this|on)|follow us|click here|comments?"
    r"|all rights reserved|copyright|listen to this article|\d+ min(?:ute)?s? read|print"
    r"|email|tags?|for immediate release)\b|^(?:media |press )?contacts?:",
    re.IGNORECASE,
)
# "This article was amended on ...", "Correction: ...", "Our Standards: ...": notes about
# the article, not in it.
_NOTICE = re.compile(
    r"^(?:this (?:article|story|report|piece) (?:was|has been) (?:amended|corrected|updated"
    r"|edited)\b|correction\s*:|clarification\s*:|editor['’]s note\s*:|our standards\s*:"
    r"|an earlier version of this (?:article|story)\b"
    # "This post is part of our special coverage ...", "This story and its translations were
    # commissioned by ...", "This article first appeared in ...": the page about itself
    r"|this (?:blog )?(?:post|article|story|piece)(?: and its translations?"
    r"(?: (?:to|into) [^.]{1,60}?)?)?"
    r" (?:is (?:part|one) of|(?:was|were|has been|is) (?:originally |first )?"
    r"(?:published|commissioned|republished|produced|written|translated|adapted)"
    r"|(?:first|originally) (?:appeared|ran))\b"
    # "The interview was conducted by ...", "The photos of Jane Doe used in this post were
    # taken by her.": who made the page's interview or pictures
    r"|the interview was (?:conducted|carried out|done) by\b"
    r"|the (?:photos?|photographs?|pictures?|images?)\b[^.]{0,60}\b(?:were|was) (?:taken|provided"
    r"|supplied) by\b"
    # "This page is archived ...", "This article features first-hand journalism by ...",
    # "Articles presented on Wikinews reflect the specific time ...", "Got a correction?", a
    # roundup's "A compilation of brief news reports for ...", "Ed.: ...": a wiki's notices
    r"|this (?:page|article|story) (?:is|has been) (?:automatically )?archived\b"
    r"|got a correction\?|a compilation of brief news reports\b"
    r"|contribute to [\w ]{2,30} by expanding\b|ed\.\s*:"
    r"|this (?:page|article|story) (?:features|contains|includes) (?:first-hand|original)\b"
    r"|articles presented on [\w ]{2,30} reflect the specific time\b)",
    re.IGNORECASE,
)
# "Jane Doe is a reporter for the Herald covering climate.": the author's note at the end.
_AUTHOR_NOTE = re.compile(
    r"^[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3}\s+is\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:reporter|correspondent|editor|journalist|writer|columnist|producer|contributor"
    r"|freelancer)\s+(?:for|at|with|on)\s+(?:the\s+)?[A-Z]"
)
# "Jane Doe", "Jane Doe and John Roe", "Ann Lee, Jane Doe, and John Roe": the people credited
_NAME = r"[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}"
_NAMES = _NAME + r"(?:,\s+" + _NAME + r")*(?:,?\s+and\s+" + _NAME + r")?"
_CREDITS = re.compile(
    r"^\(?(?i:reporting|writing|editing|additional reporting) by\b"
    # "Jane Doe and John Roe reported on this story for ...", "Jane Doe adapted this story",
    # "Jane Doe was the editor.", a sign-off "I'm Jane Doe."
    r"|^" + _NAMES + r"\s+(?:also\s+)?(?:reported|wrote|adapted|edited|produced"
    r"|contributed)\s+(?:on\s+|to\s+)?this\s+(?:story|report|article)\b"
    r"|^" + _NAMES + r"\s+(?:also\s+)?contributed\s+(?:reporting|research)\b"
    r"|^[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3}\s+was\s+the\s+editor\.?$"
    r"|^I['’]m\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3}\.?$"
)
_BYLINE = re.compile(r"^[Bb]y\s+[A-Z][\w.'’\-]*(?:\s+(?:[A-Z][\w.'’\-]*|and|&|,))*\s*$")
_URL = re.compile(r"^(?:https?://|www\.)\S+$")
# "Jane Doe, Chief Economist" or "*Jane Doe, Senior Fellow, Harbour Institute*" over an
# analysis or a blog post, one such line per author: a name, a comma, a title, no sentence.
_AUTHOR_LINE = r"(?:[Bb]y\s+)?[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3},\s+[A-Z][^.!?\n]{2,90}"
_TITLED_BYLINE = re.compile(
    r"^[*_]*" + _AUTHOR_LINE + r"(?:\s*\n\s*" + _AUTHOR_LINE + r")*[*_]*\s*$"
)
_AUTHOR_TITLES = re.compile(
    r"\b(?:economist|advis[eo]r|director|editor|correspondent|reporter|writer|columnist"
    r"|professor|lecturer|minister|secretary|officer|chief|president|chair(?:man|woman)?"
    r"|fellow|analyst|researcher|scientist|contributor|manager|head|spokes(?:person|man|woman)"
    r"|commissioner|ambassador|administrator|coordinator|counsel|deputy|senator|governor)s?\b",
    re.IGNORECASE,
)

# "MOSCOW (Sputnik) - ", "WASHINGTON, June 3 (Reuters) - ", "LONDON — ", "(CNN) — ".
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z'.\-]{2,}(?:[ ][A-Z][A-Z'.\-]+){0,3}"
    r"|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2}(?=[^()/\n]{0,30}(?:\([A-Za-z][^()\n]{1,30}\)|/)))?"
    r"(?:,[ ]?(?:[A-Z][a-z]{2,}\.?(?:[ ]\d{1,2})?|\d{1,2}[ ][A-Z][a-z]+))?"
    r"(?:,[ ]?\d{4})?"
    r"[ ]?(?:\([A-Za-z][^()\n]{1,30}\)|/[A-Za-z][^/\n]{1,30}/)?"
    r"[ ]?[-–—]{1,2}[ ]?"
)
# "10:42 GMT: ", "11:05 BST - ", "12:30 ", "9.15am ": a live blog's time before its entry.
_CLOCK = re.compile(
    r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s?(?:[ap]\.?m\.?))?"
    r"(?:\s+(?:GMT|BST|UTC|CET|CEST|EET|MSK|ET|EST|EDT|CT|CST|CDT|PT|PST|PDT|IST|JST|AEST|AEDT))?"
    r"(?:\s*[:|\-–—]\s*|\s+)(?=[\"“‘'(]?[A-Z])"
)
# "Eastport, Maine, United States On Saturday, ...": a place in two to four parts run into the
# first sentence with no dash, which opens with a capitalised time or place word
_RUN_IN_PLACE = re.compile(
    r"[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*(?:, [A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*){1,3} "
    r"(?=(?:On|In|At|Last|This|Yesterday|Today|Earlier|After|Before|During|Since)\b)"
    # "Eastport, Maine, United States - This past week ...", "**Washington, D.C.** - Today":
    # a place in up to four parts, bold or not, before a dash
    r"|[*_]{0,2}[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2}(?:, ?[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)*)"
    r"{1,3}[*_]{0,2} [-–—]{1,2} (?=[A-Z])"
    r"|[*_]{2}[A-Z][^*\n]{1,40}[*_]{2} [-–—]{1,2} (?=[A-Z])"
    # "United States - According to NASA ...", but not "Russia - Ukraine talks resumed"
    r"|[A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*){0,2} [-–—]{1,2} "
    r"(?=(?:According|The|A|An|On|In|At|Today|Yesterday|This|Officials|Police)\b)"
)
_DATELINE_ONLY = re.compile(
    r"^[A-Z][A-Za-z'.\-]+(?: [A-Z][A-Za-z'.\-]+){0,3}(?:,[^()\n]{1,30})?"
    r" ?\([A-Za-z][^()\n]{1,30}\)\W*$"
)

# A sentence ends at . ! ? or … (with closing quotes or brackets), before a capital or opener.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»“)\]]*(?=\s+[\"“„«'‘(\[]?[^\W_a-z])")
_WORD_BEFORE = re.compile(r"([^\W\d_][\w.]*)\.$")
_NEXT_WORD = re.compile(r"\s+[\"“„«'‘(\[]?([^\W_][\w'’\-]*)")

_TERMINAL = frozenset(".!?…\"”’'»):;")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """Each non-blank line as a (start, end) span without surrounding blanks or its newline."""
    return [match.span() for match in _LINE.finditer(text)]


# "**LOWERING COSTS:** When prices are hidden, ...": a heading run in at the head of a
# paragraph, in bold or in capitals, ending in a colon; the paragraph's words start after it.
_RUN_IN_HEADING = re.compile(
    r"(?:\*\*|__)[^*_\n]{2,100}?:(?:\*\*|__)[ \t]+(?=\S)"
    r"|(?:\*\*|__)[^*_\n]{2,100}?(?:\*\*|__):[ \t]+(?=\S)"
    r"|[A-Z][A-Z'’&\-]+(?:[ \t]+[A-Z][A-Z'’&\-]+)+:[ \t]+(?=[A-Z0-9\"“])"
)


def dateline_end(text: str, start: int, end: int) -> int:
    """Where a paragraph's body starts once a leading dateline, or a heading run in at its
    head, is set aside (start if none)."""
    run_in = _RUN_IN_HEADING.match(text, start, end)
    if run_in:
        return run_in.end()
    clock = _CLOCK.match(text, start, end)
    if clock:
        return clock.end()  # a live blog's entry: "10:42 GMT: The coastguard said ..."
    place = _RUN_IN_PLACE.match(text, start, end)
    if place:
        return place.end()
    match = _DATELINE.match(text, start, end)
    if not match or match.end() == start:
        return start
    head = match.group()
    # A bare dash with no place or agency in front of it is not a dateline.
    if not re.search(r"[A-Za-z]", head):
        return start
    if not (head.split()[0].isupper() or "(" in head or "/" in head):
        return start
    return match.end()


def classify(
    text: str, start: int, end: int, *, after_body: bool, first: bool = False
) -> tuple[str, str]:
    """The kind and reason for one paragraph, before repeats are looked for.

    `after_body` says whether a body paragraph came before: a lone time stamp among body
    paragraphs is a related-article stamp, one above them is the article's own time stamp.
    `first` says whether it is the first line with words: an article's headline, however long,
    has no full stop.
    """
    line = text[start:end]
    noise = _noise_reason(line, after_body=after_body)
    if noise:
        return "noise", noise
    if dateline_end(text, start, end) == end or _DATELINE_ONLY.match(line):
        return "noise", "dateline-only"
    if _PRESENTER.match(text, dateline_end(text, start, end), end):
        return "noise", "presenter line"  # (after a live blog's time: "09:12 GMT: Good ...")
    if first and not after_body and _headline(line):
        return "heading", "headline"
    if _QUESTION_LINE.match(line) or questions_only(text, start, end):
        return "heading", "question"
    if _BULLET.match(line):
        return "body", "list item"
    if _table_row(line):
        return "body", "table row"
    heading = _heading_reason(line)
    if heading:
        return "heading", heading
    if _LIST_LEAD_IN.search(line) and not _figure_before_list(line):
        return "heading", "list lead-in"
    if _verbless_caption(line) and (after_body or not _INTRODUCES.search(line)):
        # under the headline, a line naming a statement or its speaker is the standfirst
        return "noise", "caption"
    return "body", "body text"


_CAPTION_WORDS = 16
_INTRODUCES = re.compile(
    r"\b(?:statement|speech|remarks|address|interview|briefing|transcript|by)\b", re.IGNORECASE
)
_CAPTION_PREPOSITIONS = word_set("with in at on during from near outside inside of about to across")
# A verb hidden in a contraction ("it's", "let's", "I'm", "don't"), not a possessive.
_CONTRACTED_VERB = re.compile(
    r"\b(?:it|that|there|here|let|what|he|she|who|where)['’]s\b|['’](?:re|ve|ll|m|d)\b|n['’]t\b",
    re.IGNORECASE,
)
_SPEAKING_PRONOUNS = word_set("i we you me us my our your am")


_ARTICLES = word_set("the a an this these")
# "on February 1", "1 February", "in 2010": the digits of a date, not a figure
_DATES = re.compile(
    rf"\b(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{1,2}}\s+{_MONTH}\b|(?:1[89]|20)\d\d\b)"
)
_RELATIVE_CLAUSE = re.compile(r"(?<=[a-z]) (?:that|which|who)(?: [^\s,]+){1,8}\.$")


def _verbless_caption(line: str) -> bool:
    """ "Lind (right) with fellow candidate Tom Reyes.", "The campaign bus outside the office in
    Eastport.": one short sentence with no verb, naming who or what is where, the way a photo's
    caption does."""
    if not line.endswith(".") or re.search(r"[.!?;:]\s", line[:-1]):
        return False
    # "Hugh McGuire with some books that have not yet been read.": a relative clause's verb
    # is the books', not the line's
    whole, line = line, _RELATIVE_CLAUSE.sub(".", line)
    words = re.findall(r"[^\W_][\w'’\-]*", line)
    if not 3 <= len(words) <= _CAPTION_WORDS or _CONTRACTED_VERB.search(line):
        return False
    lower = [w.lower() for w in words]
    if any(w in FINITE_VERBS or w in CUE_WORDS for w in lower):
        return False
    # a pronoun in a name ("the Meet Me Board") is no speaker
    if any(
        w in _SPEAKING_PRONOUNS and (w == "i" or w == o) for w, o in zip(lower, words, strict=True)
    ):
        return False
    if any(
        w.endswith("ed")
        and len(w) > 4
        and w.islower()
        and (i == 0 or lower[i - 1] not in _ARTICLES)
        for i, w in enumerate(words)
    ):
        return False  # "Police arrested the driver." (but "The damaged reactor building")
    opening = next((w for w in words if w.islower()), "")
    if len(opening) > 3 and opening.endswith("s") and not opening.endswith(("ss", "us", "is")):
        return False  # "Jane Roe leads the council in Eastport.": the subject's verb
    if re.search(r"(?<!\w)\d", _DATES.sub("", whole)):
        # "Over 2 million people now cycle to work": a figure is a claim's (not "on February
        # 1", "in 2010" or an "A380")
        return False
    named = any(w[0].isupper() and w.lower() not in STOP_CAPS for w in words[1:])
    # "Engineer testing the new drone at Porton Down.": a participle after the subject is a
    # caption's predicate, where a sentence would have a finite verb
    doing = len(words) > 2 and any(w.endswith("ing") and len(w) > 5 for w in lower[1:3])
    return named and (doing or any(w in _CAPTION_PREPOSITIONS for w in lower))


# "Yachts: up to 12 metres<TAB>£40": a row of a table pasted as text, a label and a
# figure in cells separated by tabs. A header row has no figure and stays a heading.
def _table_row(line: str) -> bool:
    """Whether a line is cells separated by tabs, a label first and a figure after it."""
    cells = line.split("\t")
    return (
        len(cells) > 1
        and bool(re.search(r"[^\W\d_]", cells[0]))
        and any(re.search(r"\d", cell) for cell in cells[1:])
    )


_LEAD_IN_CLAIM_WORDS = 10


def _figure_before_list(line: str) -> bool:
    """ "The fees for 2026 will be frozen at the current rates, which are:": a
    sentence with a figure before its list, a claim of its own."""
    words = re.findall(r"[^\W_][\w'’\-]*", line)
    return len(words) >= _LEAD_IN_CLAIM_WORDS and bool(re.search(r"\d", line))


# "The limits are:", "Here is the statement from the council:": what follows is a list or a
# document, and the line itself says nothing.
_LIST_LEAD_IN = re.compile(
    r"^(?:here (?:is|are)\b.*|these (?:are|include)\b.*|the following\b.*"
    r"|.*\b(?:are|is|include|includes|including|following|as follows|below)):$",
    re.IGNORECASE,
)
# "- rents could rise by 5%", "• 40 jobs", "* fines of up to £30,000": a list's item.
_BULLET = re.compile(r"^[-*•–▪●][ \t]+(?:\S+[ \t]+){2,}\S")
_TAGS = re.compile(r"(?:\s+[#@][\w]+)+\s*$")


def questions_only(text: str, start: int, end: int) -> bool:
    """A paragraph of questions only ("who killed them? #tag"), the last one unanswered."""
    if "?" not in text[start:end]:
        return False
    line = _TAGS.sub("", text[start:end])
    if not line.endswith("?"):
        return False
    return all(
        text[b - 1] == "?" or text[b - 1] in '"”’'
        for a, b in split_sentences(text, start, start + len(line))
    )


# A paragraph that is one question and nothing else: a sub-heading of an explainer or an
# interviewer's question, never a claim.
_QUESTION_LINE = re.compile(r"^[^.!?\n]{3,200}\?[\"”’'»)\]*]*$")
_HEADLINE_MAX_WORDS = 30


def _headline(line: str) -> bool:
    words = re.findall(r"[^\W_][\w'’\-]*", line)
    if not words or len(words) > _HEADLINE_MAX_WORDS:
        return False
    # "North Korea puts military in 'quasi-state of war'": a quotation closes the headline
    bare = line.rstrip("\"”’'»")
    if bare and bare != line and bare[-1] not in _TERMINAL:
        return True
    return line[-1] not in _TERMINAL or line[-1] in "?:"


def _noise_reason(line: str, *, after_body: bool) -> str | None:
    if _METADATA.match(line):
        return "metadata line"
    if not re.search(r"[^\W\d_]", line):
        return "timestamp" if re.search(r"\d", line) else "no words"
    if re.search(r"\d", line) and not _TIMEISH.sub("", line):
        if after_body and not re.search(r"updated|published", line, re.IGNORECASE):
            return "related-article stamp"
        return "timestamp"
    if _PHOTO.search(line):
        return "photo credit"
    if _CREDIT_AT_END.search(line) or _WIRE_CAPTION.match(line):
        return "caption"
    if len(line.split()) <= _CREDITED_CAPTION_WORDS and (
        _CREDIT_SENTENCE.search(line) or _WIKI_IMAGE.search(line)
    ):
        return "caption"
    if _PICTURE_WORDS.search(line):
        return "caption"
    if (
        len(line.split()) <= _PICTURE_LINE_WORDS
        and _PICTURE_LINE.match(line)
        and line.count(".") <= 1
        and not any(w in FINITE_VERBS for w in re.findall(r"[a-z]+", line.lower()))
    ):
        return "caption"
    short = len(line.split()) <= 20
    if _CONTACT.match(line) or (len(line.split()) <= 10 and _PHONE.search(line)):
        return "contact"
    if (
        short
        and (_EMAIL.search(line) or _PHONE.search(line))
        and re.search(r"\b(?:email|e-mail|write|contact|call|ring)", line, re.I)
    ):
        return "contact"  # "For more information contact the press office on 020 7946 0000."
    if _UPDATING.match(line):
        return "being updated"
    if _RELATED.match(line) or _SOURCE_LINE.match(line) or _RELATED_ITEM.match(line):
        return "related-article link"
    if _CREDITS.match(line):
        return "credits"
    if _NOTICE.match(line):
        return "notice"
    if after_body and _AUTHOR_NOTE.match(line):
        return "author note"
    if _URL.match(line):
        return "link"
    words = line.split()
    if len(words) <= 8 and _BOILERPLATE.match(line):
        return "boilerplate"
    if len(words) <= 8 and _BYLINE.match(line):
        return "byline"
    if len(words) <= 8 and _SIGN_OFF.match(line):
        return "sign-off"  # a presenter's name at the end, not the author of the text
    if len(words) <= _ADDRESS_WORDS and _TELEPHONE.search(line):
        return "contact"  # an office's address with its telephone number
    if not after_body and _TITLED_BYLINE.match(line) and _AUTHOR_TITLES.search(line):
        return "byline"
    return None


def _heading_reason(line: str) -> str | None:
    """A short line without a sentence's final punctuation reads as a headline; so does a
    short title-case phrase on a participle ending in a full stop ("Closing the Gender Gap in
    Science."), which has no verb to make it a sentence."""
    if line[0] in '"“„«' or line[-1] == ",":
        return None  # "Jane Doe wrote on her blog,": a sentence running on into the next
    if len(_UNSPACED_SCRIPT.findall(line)) >= _UNSPACED_SENTENCE:
        return None  # Chinese or Japanese: no spaces to count words by, a sentence all the same
    # ('European telescope shows "dark universe"': a quotation closing it ends no sentence)
    bare = line.rstrip("\"”’'»)") or line
    stop = bare[-1] in _TERMINAL and bare[-1] != "?"
    words = re.findall(r"[^\W_][\w'’\-]*", line)
    if not words or len(words) > 20 or (stop and (line[-1] != "." or len(words) > 12)):
        return None
    content = [w for w in words if w.lower() not in _MINOR_WORDS]
    capitalised = sum(1 for w in content if w[0].isupper() or w[0].isdigit())
    title_case = len(content) > 1 and capitalised / len(content) >= 0.75
    if stop:
        participle = words[0].endswith("ing") and words[0][0].isupper()
        return "headline-like" if participle and title_case and "." not in line[:-1] else None
    if line.endswith("?") and not title_case:
        return None
    if title_case or line.isupper():
        return "headline-like"
    if len(words) <= 12:
        return "short line without final punctuation"
    return None


_UNSPACED_SCRIPT = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
_UNSPACED_SENTENCE = 15
_MINOR_WORDS = word_set(
    "a an the and or but nor of to in on at by for with from as vs via over into up out off "
    "per than is are was be"
)


def split_sentences(
    text: str, start: int, end: int, protected: Iterable[tuple[int, int]] = ()
) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end], trimmed of blanks.

    No boundary falls inside a `protected` span (a quotation is one unit at paragraph level),
    after an abbreviation ("Mr.", "Gen."), after an initial ("J. Smith") or after a dotted
    acronym ("U.S.") unless a word that usually starts a sentence follows.
    """
    guards = sorted(protected)
    cuts: list[int] = []
    for match in _SENTENCE_END.finditer(text, start, end):
        cut = match.end()
        if any(a < cut < b for a, b in guards) or not _real_boundary(text, match.start(), cut):
            continue
        cuts.append(cut)
    spans = []
    begin = start
    for cut in [*cuts, end]:
        span = _trim(text, begin, cut)
        if span:
            spans.append(span)
        begin = cut
    return spans


# Abbreviations that end a name, so a sentence may end with them; "Mr." or "Gen." never does.
_NAME_ENDINGS = word_set("inc ltd co corp jr sr plc llc bros")


def _real_boundary(text: str, dot: int, cut: int) -> bool:
    if text[dot] != ".":
        return True
    before = _WORD_BEFORE.search(text, max(0, dot - 30), dot + 1)
    if before is None:
        return True
    word = before.group(1)
    following = _NEXT_WORD.match(text, cut)
    next_word = following.group(1).lower() if following else ""
    if text.startswith("..", dot) and not text.startswith("...", dot):
        return True  # "Acme & Co.. The deal": the abbreviation's dot, then the full stop
    if word.lower() in _NAME_ENDINGS:  # "Acme Inc. The company ...", "Acme Inc. said"
        return next_word in SENTENCE_STARTERS or next_word in STOP_CAPS
    if word == "No" and following and not following.group(1)[0].isdigit():
        return True  # "No. The consultants said ...": an answer, not "No. 10"
    if word.lower() in ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isupper():
        # an initial ("J. Smith"), unless a sentence starts after it ("influenza A. The ...")
        return next_word in SENTENCE_STARTERS
    if "." in word:  # U.S., U.K., a.m.
        return next_word in SENTENCE_STARTERS or next_word in STOP_CAPS
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None
