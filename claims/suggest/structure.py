"""How an article is built, read before its sentences: who speaks where nobody is named.

- Transcript speaker lines ("Q:", "JOHN SMITH:", "Vladimir Putin:", "MS. JEAN-PIERRE:") give
  their paragraph, and the paragraphs after it, their speaker; a questioner's paragraphs are
  set aside as questions, and the introduction above the first speaker line as a standfirst.
- A paragraph ending in an attribution ("Professor Jane Doe, the agency's director, said:",
  "He continues:", a name and a social-media handle) gives the paragraphs after it to its
  speaker, until something else speaks: another attribution, a heading, a paragraph that
  names the speaker in the third person, or the institution narrating again.
- A speech or statement published under a name ("Statement from President Jane Doe on ...",
  "Remarks by ...", "John Smith's speech at ...", a standfirst "X gave a statement to ..." or
  "Written statement by X about ...", a byline over first-person text) gives the whole article
  to that person; so does a source's title or author line that names the speaker ("remarks of
  Jane Doe", "Jane Doe, Digital Minister") when the text is one voice in the first person
  that never names its speaker. Failing all of those, a text mostly in the first person that
  never tells of its speaker in the third person goes to the person its title, author line,
  headline or opening paragraph names (a name by a speech word or with a title first), or
  else to a role its title gives ("Queen's Speech"), as a guess the editor confirms; a
  transcript's labels rule over both.
- A press release in an institution's voice ("... was launched by the Home Office today")
  makes the institution the narrator in place of the outlet.
- The standfirst under a headline (a one-sentence summary that the article repeats, describes
  the speech, or announces the release) is set aside as a heading.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from .attribution import NAMED, OUTLET, Discourse, Voice
from .given_names import FEMALE, MALE
from .lexicon import (
    CUE_WORDS,
    FINITE_VERBS,
    FIRST_PERSON,
    HONORIFICS,
    MONTHS,
    ORG_WORDS,
    ROLE_MODIFIERS,
    SELF_PLURAL,
    SELF_SINGULAR,
    SKIP_BEFORE_CUE,
    STOP_CAPS,
    TITLE_WORDS,
    as_written,
    word_set,
)
from .matching import ClaimIndex
from .names import Registry, same_body
from .phrases import (
    Mention,
    collect_forward,
    cue_span,
    cue_text,
    interpret,
    is_cue,
    mention_after,
    mention_before,
    np_word,
)
from .quotes import find_quotes
from .segment import questions_only, split_sentences
from .tokens import Token, proper_words, tokenize
from .types import Paragraph

SPEAKER_LINE = 0.9  # "JOHN SMITH: ..." names the speaker of its own paragraph
SPEAKER_ABOVE = 0.8  # a paragraph under a speaker line, before the next one
BLOCK_FIRST = 0.8  # the first paragraph after "X said:"
BLOCK_LATER = 0.7  # the paragraphs after that one
PUBLISHED_UNDER = 0.75  # a speech or statement published under its speaker's name
ISSUER = 0.6  # a press release in its institution's voice
UNLABELLED_ANSWER = 0.7  # a paragraph under an interviewer's question, with no speaker label
SIGNED_ANALYSIS = 0.55  # not in the first person, under an author's title or an opinion heading

# --- transcript speaker lines --------------------------------------------------------------

_LABEL = re.compile(
    r"(?P<label>(?:(?:MR|MS|MRS|DR|SEN|REP|GEN|ADM|AMB|GOV|Mr|Ms|Mrs|Dr|Sen|Rep)\."
    r"|(?:Chairman|Chairwoman|Senator|Representative|Colonel))[ ][A-Z][A-Z'’\-]+"
    # "CHAIR POWELL. ...", "JANE DOE. ...": a name in capitals and a full stop, as official
    # transcripts print their speakers
    r"(?:[ ][A-Z][A-Z'’\-]+)?|[A-Z][A-Z'’\-]+(?:[ ][A-Z][A-Z'’\-]+){1,2})[.:][ ]+(?=\S)"
    r"|[*_]*(?P<q>Q|QUESTION|Question)(?:[ ]*[:.][*_]*[ ]*|[ ]+)(?=[A-Z\"“]|[(\[][A-Za-z])"
    r"|[*_]*(?P<a>A|ANSWER|Answer)[ ]*:[*_]*[ ]+(?=\S)"
    r"|(?P<label2>[^:\n]{1,80}?)[ ]*:(?:[ ]+|$)"
)
_ANSWER = frozenset({"a", "answer"})
_INTRODUCTION_MAX = 3  # body paragraphs above a transcript's first speaker line
_NOT_SPEAKERS = word_set(
    """
    note update updated breaking watch read also editor's correction fact sheet source sources
    photo video listen warning ends tags background summary context analysis opinion comment
    quote transcript live related more see contact contacts media enquiries notes
    image images credit credits caption map chart graphic table figure step tip tips example
    question answer day week round part chapter section price cost score result results time
    date location venue verdict rating pros cons why what when where who how
    """
)
_LABEL_JOINERS = word_set("of for the and de da di del van von der den du la le al el bin")
_HANDLE = re.compile(r"@\w+")
_POSTED = re.compile(r"@\w+\s*:")  # "@janedoe: ..." a post quoted under its author's handle
_BULLETED = re.compile(r"[-*•–▪●]\s|\d{1,2}[.)]\s")

# --- speeches and statements published under a name ----------------------------------------

_SPEECH_WORDS = (
    r"statement|remarks|speech|address|keynote|testimony|op-ed|letter|message|lecture"
    r"|oral statement|written statement|opening statement|closing remarks|opening remarks"
    r"|speaking note|article"
)
_PUBLISHED_BY = re.compile(
    rf"^(?:(?:full )?(?:text|transcript) of )?(?:the )?(?P<cue>{_SPEECH_WORDS})s?"
    r" (?:as (?:delivered|prepared)(?: for delivery)? )?(?:from|by|of) (?P<who>.+?)"
    r"(?=\s+(?:on|at|to|before|in|for|during|after|marking|about|regarding|with)\s|[:,–—]\s"
    r"|\s-\s|$)",
    re.IGNORECASE,
)
_OWN_SPEECH = re.compile(
    r"(?:^|:\s+)(?P<who>[^:]+?)['’]s?\s+(?:[a-z\-]+\s+){0,2}"
    rf"(?P<cue>{_SPEECH_WORDS})s?\b",
    re.IGNORECASE,
)
# "Roe Floor Speech on ...", "Jane Doe Remarks at ...": the name before the speech word
# without a possessive, taken only when the text then reads as the speaker's own.
_NAMED_SPEECH = re.compile(
    r"^(?P<who>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}?)(?:\s*[:–—]|\s-)?\s+"
    r"(?:(?:delivers|gives|makes|delivered|gave)\s+(?:(?:a|an|the|his|her|their)\s+)?"
    r"|(?:(?!(?:delivers|gives|makes|delivered|gave)\b)[A-Z][a-z\-]+\s+){0,2}?)"
    rf"(?P<cue>{_SPEECH_WORDS})s?\b(?=\s+(?:on|at|to|before|in|for|during|about|marking)\s|:|$)",
    re.IGNORECASE,
)
# "Washington, D.C." or "LONDON, June 3" and a dash: a place before the first sentence.
_PLACE_DASH = re.compile(r"^[A-Z][\w.]*(?:[ ,]+[A-Z0-9][\w.]*){0,3},?\s*[–—-]{1,2}\s*")
_DELIVERED = re.compile(
    r"^(?P<who>[A-Z][^,.;:]{2,80}?)\s+(?:(?:gave|delivered|made|makes|gives|delivers)\s+"
    r"(?:a|an|his|her|the|their)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?P<cue>speech|statement|address|remarks|keynote|lecture|testimony)\b"
    # "Jane Doe wrote an article on ... for The Telegraph": an op-ed republished
    r"|(?:wrote|writes|has written|penned)\s+(?:a|an|this|the\s+following)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?P<cue3>article|op-?ed|column|opinion piece|piece|letter|blog post|essay)\b"
    r"|(?P<cue2>closed|opened|addressed|spoke\s+(?:at|to|in|before))\b)"
)
_SPEECH_MENTION = re.compile(rf"\b(?:{_SPEECH_WORDS}|text|transcript)s?\b", re.IGNORECASE)
_ABBREVIATED_ROLES = {"pm": "prime minister", "fm": "foreign minister", "potus": "president"}
_SINGULAR_SELF = as_written(SELF_SINGULAR)
# "written ministerial statement by Jane Doe MP about ...", "remarks of President John Roe":
# a speech and its speaker named in a standfirst, a source's title or its author line
_SPEECH_BY = re.compile(
    rf"(?:[\w\-]+\s+){{0,2}}?(?P<cue>{_SPEECH_WORDS})s?\s+"
    r"(?:as\s+(?:delivered|prepared)(?:\s+for\s+delivery)?\s+)?(?:from|by|of)\s+"
    r"(?P<who>[A-Z][^,;:()]*?)"
    r"(?=\s+(?:on|at|to|before|in|for|during|after|marking|about|regarding|with)\s"
    r"|\s+(?-i:MP|MEP|MSP|QC|KC|CBE|OBE|MBE)\b|\s*[,;:()–—]|\s-\s|\.?$)",
    re.IGNORECASE,
)
# "Jane Doe, Digital Minister (...)": an author line that starts with a person's name
_AUTHOR_NAME = re.compile(r"^(?P<who>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3})\s*(?=,|\(|$)")
_ONE_VOICE = 0.5  # the share of body paragraphs in the first person, for a whole-text speaker
_SELF = as_written(SELF_SINGULAR | SELF_PLURAL)
_BYLINE = re.compile(r"^[Bb]y\s+(?P<who>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3})\s*$")

# --- press releases in an institution's voice ----------------------------------------------

_ORG = r"(?:[Tt]he\s+)?[A-Z][\w’'&\-]*(?:\s+(?:[A-Z][\w’'&\-]*|of|for|and|on|the))*"
_ISSUED = re.compile(
    r"\b(?:was|were|has been|have been|is being|are being)\s+(?:launched|published|announced"
    r"|released|unveiled|issued)\s+(?:today\s+)?by\s+(?P<org>" + _ORG + r")(?=\s+today\b)"
    r"|(?:^|[.!?]\s+|\s[–—]\s*)(?P<org2>" + _ORG + r")\s+(?:has\s+|have\s+)?today\s+"
    r"(?:announced|launched"
    r"|published|released|unveiled|reported|set out|confirmed)\b"
    r"|(?:^|[.!?]\s+)[Tt]oday,?\s+(?P<org5>" + _ORG + r")\s+(?:has\s+|have\s+)?"
    r"(?:announced|launched|published|released|unveiled|reported|set out|confirmed)\b"
    r"|\bnew\s+(?:analysis|research|figures|data|report|survey|study)\s+(?:from|by)\s+"
    r"(?P<org3>" + _ORG + r")(?:\s+\((?P<abbr>[A-Z]{2,})\))?\s+(?:out|published|released)?\s*today"
    r"|^(?P<org4>(?:The\s+)?[Gg]overnment|" + _ORG + r")\s+(?:publishes|launches|announces"
    r"|sets out|responds)\b"
)
_INSTITUTION_SUBJECT = re.compile(
    r"(?:^|[.!?]\s+|,\s+)(?:[Tt]he|[Tt]his)\s+(?:department|ministry|agency|council"
    r"|company|office|authority|organisation|organization|commission|service)"
    r"\s+(?:\w+\s+){0,2}?(?:has|have|had|is|was|will|took|accepted|decided|launched|published"
    r"|announced|said|made|set|agreed|confirmed|received|wrote|asked|consulted)\b"
)
_STANDFIRST_REPEATED = 0.85  # the share of a summary's words that the article goes on to use
_STANDFIRST_WORDS = 20  # content words: longer than that, a first paragraph is the lede
_YEARS = re.compile(r"\b(?:1[89]|20)\d\d(?:[-–/]\d\d)?\b")
_EMPHASIS = re.compile(r"^[*_]+[^*_].*[^*_][*_]+$")


@dataclass
class Structure:
    """Each paragraph's voice, and who narrates what no voice covers."""

    voices: dict[int, Voice] = field(default_factory=dict)
    narrator: Voice | None = None
    answers: dict[int, int] = field(default_factory=dict)  # "A:" lines: where the words start


def read_structure(
    text: str,
    paragraphs: Sequence[Paragraph],
    discourse: Discourse,
    names: frozenset[str],
    *,
    title: str | None = None,
    author: str | None = None,
) -> Structure:
    """Voices for an article's body paragraphs, but for blocks after "X said:" (`Blocks`,
    read with the sentences); sets aside standfirsts and questions by changing their
    paragraphs' kind to "heading". `title` and `author` are the source's, as stored with it
    (the text may or may not repeat them)."""
    structure = Structure()
    headline = next((p for p in paragraphs if p.reason == "headline"), None)
    lead = [p for p in paragraphs if p.kind == "body"][:2]
    document = _published_under(text, headline, lead, discourse, names, paragraphs)
    if document is None:
        document = _named_by_source(text, title, author, paragraphs, discourse, names)
    author_line = _author_line(author or "", discourse.outlet)
    if document is None:
        document = _authored_post(text, author_line, paragraphs, discourse, names)
    if document is None:
        structure.narrator = _issuer(text, headline, lead, discourse, names) or _author_body(
            author_line, text, paragraphs, discourse, names
        )
    _standfirst(text, headline, lead, paragraphs, document, structure.narrator)
    interviewee = _interviewee(text, headline, discourse, names) or _introduced_interviewee(
        text, paragraphs, discourse, names
    )
    asking = _interviewers(text, headline, author, discourse)
    _speaker_lines(text, paragraphs, discourse, names, structure, interviewee, asking)
    if interviewee is not None and not structure.voices:
        _unlabelled_answers(text, paragraphs, structure, interviewee)
    introduction = None
    if document is None and not structure.voices:
        # nothing explicit gave the page a speaker, and no transcript labels share it out
        document = _one_voice(
            text, title, author, headline, lead, paragraphs, discourse, names
        ) or _role_speech(text, title, paragraphs, discourse)
        if document is not None and document.speaker_span is not None:
            # the paragraph that names the speaker introduces the text and is not theirs
            introduction = next(p for p in paragraphs if p.end >= document.speaker_span[1])
    if document is not None and lead and _presents(text, lead[0], document.speaker):
        lead[0].kind, lead[0].reason = "heading", "standfirst"
    for paragraph in paragraphs:
        if paragraph.kind != "body" or paragraph.index in structure.voices:
            continue
        voice = structure.narrator if paragraph is introduction else document or structure.narrator
        if paragraph.index in structure.answers:
            own = Voice(discourse.outlet, "narration", OUTLET, "the page's own answer")
            voice = dataclasses.replace(
                voice or own, body_start=structure.answers[paragraph.index], relays=False
            )
        if voice is not None:
            structure.voices[paragraph.index] = voice
    return structure


# --- published under a name ----------------------------------------------------------------


def _published_under(
    text: str,
    headline: Paragraph | None,
    lead: list[Paragraph],
    discourse: Discourse,
    names: frozenset[str],
    paragraphs: Sequence[Paragraph],
) -> Voice | None:
    """The person whose speech or statement the article is, if it says so."""
    standfirst = lead[0] if lead else None
    if headline is not None:
        line = text[headline.start : headline.end]
        published = _PUBLISHED_BY.search(line)
        match = published or _OWN_SPEECH.search(line)
        if match:
            start, end = headline.start + match.start("who"), headline.start + match.end("who")
            cue = (headline.start + match.start("cue"), headline.start + match.end("cue"))
            who = _person(text, start, end, discourse, names)
            if who is None and standfirst is not None:
                who = _delivered_by(text, standfirst, discourse, names)
                if who is not None:
                    start, end = who[1]
                    who = who[0]
            # "Mayor's speech draws criticism": a report of the speech ("she told the crowd")
            body = [p for p in paragraphs if p.kind == "body" and p is not standfirst]
            reported = not published and who is not None and _reports_on(text, who, body)
            if who is not None and not reported:
                return _document_voice(who, (start, end), cue, match.group("cue"))
        match = _NAMED_SPEECH.match(line)
        if match and standfirst is not None:
            start, end = headline.start + match.start("who"), headline.start + match.end("who")
            cue = (headline.start + match.start("cue"), headline.start + match.end("cue"))
            who = _person(text, start, end, discourse, names)
            if who is not None and _speaks_throughout(text, who, standfirst, paragraphs):
                return _document_voice(who, (start, end), cue, match.group("cue"))
    if standfirst is not None and headline is not None:
        found = _delivered_by(text, standfirst, discourse, names) or _speech_by(
            text, standfirst, discourse, names
        )
        if found is not None and _speaks_throughout(text, found[0], standfirst, paragraphs):
            who, span, cue = found
            return _document_voice(who, span, cue, text[cue[0] : cue[1]])
    return _byline_author(text, paragraphs, discourse, names) or _noted_author(
        text, paragraphs, discourse, names
    )


_NOTE = re.compile(
    r"(?P<who>[A-Z][\w.'’\-]+(?:\s+[A-Z][\w.'’\-]+){1,3})\s+(?:is|was)\s+(?:a|an|the)\s"
)


def _noted_author(
    text: str, paragraphs: Sequence[Paragraph], discourse: Discourse, names: frozenset[str]
) -> Voice | None:
    """A column in the first person whose author a note at its foot names ("Jane Doe is a
    school nurse in Tucson."): the column is hers, the note is no claim."""
    body = [p for p in paragraphs if p.kind == "body" or p.reason == "author note"]
    if len(body) < 3:
        return None
    note = body[-1]
    match = _NOTE.match(text, note.start, note.end)
    if not match or len(split_sentences(text, note.start, note.end)) > 2:
        return None
    own = [bool(_SINGULAR_SELF.search(_unquoted(text, p))) for p in body[:-1]]
    if not own[0] and sum(own) < 2:
        return None  # a column opens in the first person, or uses it throughout
    start, end = match.span("who")
    mention = interpret(text, tokenize(text, start, end, names))
    if mention is None or mention.kind != "name" or mention.organisation:
        return None
    who = discourse.registry.register(mention, start)
    note.kind, note.reason = "heading", "author note"
    return Voice(
        who,
        "direct",
        PUBLISHED_UNDER,
        "first-person text over a note naming its author",
        speaker_span=(start, end),
    )


def _speaks_throughout(
    text: str, who: str, standfirst: Paragraph | None, paragraphs: Sequence[Paragraph]
) -> bool:
    """Whether the text after a standfirst (or all of it) reads as the speaker's own: in the
    first person, never naming the speaker, as a speech does and a report of one does not."""
    after = -1 if standfirst is None else standfirst.index
    body = [p for p in paragraphs if p.kind == "body" and p.index > after]
    if standfirst is None and body and _introduces(text, body[0]):
        body = body[1:]  # "Doe addresses the forum ...": the page's summary of itself
    if _reports_on(text, who, body):
        return False
    return any(_SELF.search(_unquoted(text, p)) for p in body)


_PRESENTING_SENTENCES = 2


def _presents(text: str, paragraph: Paragraph, who: str) -> bool:
    """ "Statement given by First Minister Jane Doe at a media briefing on ...": a short first
    paragraph that presents the speech below it by its speaker's name is its standfirst."""
    surname = who.split()[-1] if who.split() else ""
    return (
        paragraph.kind == "body"
        and bool(surname)
        and surname in text[paragraph.start : paragraph.end]
        and _introduces(text, paragraph)
        and len(split_sentences(text, paragraph.start, paragraph.end)) <= _PRESENTING_SENTENCES
    )


# "My name is Jane Doe", "I'm Jane Doe": the speaker names themselves, as a report does not
_SELF_NAMED = re.compile(
    r"\b(?:[Mm]y name is|I am|I['’]m)\s+[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3}"
)


def _introduces(text: str, paragraph: Paragraph) -> bool:
    """ "Doe addresses the forum ...", "Statement given by First Minister Jane Doe at ...",
    "Statement of / Jane Doe / Before the Committee ...": a first paragraph that presents the
    speech below it, naming its speaker, and is not in the speaker's words."""
    if _SUMMARY_VERB.match(text, paragraph.start, paragraph.end):
        return True
    words = _unquoted(text, paragraph)
    return bool(_SPEECH_MENTION.search(words)) and not _SELF.search(words)


def _reports_on(text: str, who: str, body: Sequence[Paragraph]) -> bool:
    """Whether the text tells of the speaker as a report of a speech does ("Doe told MPs",
    "she added"); a transcript names its speaker only in a label ("Speaker Doe. Thank you")."""
    last = who.split()[-1] if who.split() else ""
    surname = re.escape(last) if last else "(?!)"
    named = rf"\b{surname}\b(?!\.\s)(?!:)"
    if last.lower() in MONTHS:  # "Theresa May" is not named by "This May" or "the May elections"
        named = (
            rf"\b(?:Mrs|Ms|Mr|Miss|Dr)\.?\s+{surname}\b|\b{surname}\s+(?:said|says|told|added)\b"
        )
    # the surname as written ("May", not the verb "may"); "He said" at a sentence's start
    reported = re.compile(
        named + r"|(?:^|[.!?]\s+|[\"”’'],?\s+)(?i:he|she)\s+(?i:said|says|told|added|went on)\b"
    )
    return any(reported.search(_SELF_NAMED.sub(" ", text[p.start : p.end])) for p in body)


def _indefinite(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _document_voice(who: str, span: tuple[int, int], cue: tuple[int, int], cue_words: str) -> Voice:
    return Voice(
        who,
        "direct",
        PUBLISHED_UNDER,
        f"{_indefinite(cue_words.lower())} published under the speaker's name",
        speaker_span=span,
        cue_span=cue,
        cue=cue_words.lower(),
    )


def _delivered_by(
    text: str, paragraph: Paragraph, discourse: Discourse, names: frozenset[str]
) -> tuple[str, tuple[int, int], tuple[int, int]] | None:
    """ "Home Secretary Jane Doe gave a statement to Parliament on ...": Jane Doe."""
    line = text[paragraph.start : paragraph.end]
    place = _PLACE_DASH.match(line)
    offset = paragraph.start + (place.end() if place else 0)
    match = _DELIVERED.match(text[offset : paragraph.end])
    if not match:
        return None
    start, end = offset + match.start("who"), offset + match.end("who")
    group = next(g for g in ("cue", "cue2", "cue3") if match.group(g))
    cue = (offset + match.start(group), offset + match.end(group))
    who = _person(text, start, end, discourse, names)
    return (who, (start, end), cue) if who else None


def _speech_by(
    text: str, paragraph: Paragraph, discourse: Discourse, names: frozenset[str]
) -> tuple[str, tuple[int, int], tuple[int, int]] | None:
    """ "Written ministerial statement by Jane Doe MP about ...": Jane Doe."""
    match = _SPEECH_BY.match(text, paragraph.start, paragraph.end)
    if not match:
        return None
    who = _person(text, match.start("who"), match.end("who"), discourse, names)
    return (who, match.span("who"), match.span("cue")) if who else None


def _named_by_source(
    text: str,
    title: str | None,
    author: str | None,
    paragraphs: Sequence[Paragraph],
    discourse: Discourse,
    names: frozenset[str],
) -> Voice | None:
    """The speaker a source's title or author line names, when the text is theirs alone:
    mostly in the first person and never naming them, as a speech published under their
    name is ("Remarks by ...", "remarks of Jane Doe", "Jane Doe, Digital Minister")."""
    body = [p for p in paragraphs if p.kind == "body"]
    own = [p for p in body if _SELF.search(_unquoted(text, p))]
    if not own:
        return None
    for line, is_author in ((title, False), (author, True)):
        line = (line or "").strip()
        # "statement of Jane Doe" says whose the text is, however much of it is in the first
        # person (a witness's written testimony is mostly exposition)
        match = _speech_named(line)
        if match is None and is_author and len(own) >= _ONE_VOICE * len(body):
            # "Jane Doe, Digital Minister" as an author; a title "Inaugural Address" is no name
            match = _AUTHOR_NAME.match(line)
        if not match:
            continue
        who = _person_in(match.group("who"), discourse, names)
        if who is None or not _speaks_throughout(text, who, None, paragraphs):
            continue
        if discourse.outlet and same_body(who, discourse.outlet):
            continue  # "Harbour Voices (Jane Doe)": the site's name, not a person's
        cue = match.groupdict().get("cue")
        what = cue.lower() if cue else "text"
        return Voice(
            who,
            "direct",
            PUBLISHED_UNDER,
            f"{_indefinite(what)} published under the speaker's name,"
            " as the source's title or author gives it",
            cue=cue.lower() if cue else None,
        )
    return None


def _speech_named(line: str) -> re.Match[str] | None:
    """ "Remarks by ...", "statement of Jane Doe", "Jane Doe's speech at ...": a source's title
    or author line that names a speech and whose it is (the match's "who" and "cue")."""
    return _PUBLISHED_BY.search(line) or _SPEECH_BY.search(line) or _OWN_SPEECH.search(line)


def _role_speech(
    text: str, title: str | None, paragraphs: Sequence[Paragraph], discourse: Discourse
) -> Voice | None:
    """ "Queen's Speech 2016", "The President's remarks", "Statement by the Press Secretary on
    ...": a speech a title gives to a role when no name is found for it, and the text is in
    the first person throughout."""
    line = (title or "").strip()
    match = _speech_named(line) or _NAMED_SPEECH.match(line)
    if match is None:
        return None
    words = re.sub(r"^(?:the|his|her)\s+", "", match.group("who").strip(), flags=re.IGNORECASE)
    lower = [w.lower() for w in words.split()]
    # "Queen", "Press Secretary": title words, and the words that qualify them
    if not any(w in TITLE_WORDS for w in lower) or not all(
        w in TITLE_WORDS or w in ROLE_MODIFIERS for w in lower
    ):
        return None
    if not _speaks_throughout(text, words, None, paragraphs):
        return None
    who = "The " + words[0].upper() + words[1:]
    return Voice(
        who,
        "direct",
        SIGNED_ANALYSIS,
        f"{_indefinite(match.group('cue').lower())} the source's title gives to a role",
        cue=match.group("cue").lower(),
    )


def _authored_post(
    text: str,
    author_line: tuple[str, str],
    paragraphs: Sequence[Paragraph],
    discourse: Discourse,
    names: frozenset[str],
) -> Voice | None:
    """A post that opens in its author's first person, under an author line naming them
    ("Global Voices (Jane Doe)"): written in their own name, as a byline over it would say. A
    roundup of others' words opens in the third person and stays the outlet's. Under an
    institution, the person in brackets speaks whenever the text is in the first person."""
    main, inner = author_line
    if main and inner and _names_a_body(main):
        # "Department for Transport (Jane Doe MP, Minister)": a minister's statement or
        # speech, which may speak for the government as "we"
        named = (inner,)
        evidence = "a text in the first person under an institution and its minister or official"
    else:
        body = [p for p in paragraphs if p.kind == "body"]
        own = [bool(_SINGULAR_SELF.search(_unquoted(text, p))) for p in body]
        if not any(own[:2]) or sum(own) < 2:
            return None
        named = (main, inner)
        evidence = "a post in the first person under its author's name"
    for words in named:
        who = _person_in(words, discourse, names) if words else None
        if who is not None and _speaks_throughout(text, who, None, paragraphs):
            return Voice(
                who, "direct", SIGNED_ANALYSIS, f"{evidence}, as the source's author line gives it"
            )
    return None


# the words near a name that say the text is that person's own
_OWN_WORDS = re.compile(rf"\b(?:{_SPEECH_WORDS}|interview|note|post|blog)s?\b", re.IGNORECASE)
# capitalised words of a title-case line that name an event, a place or a body, not a person
_NOT_PEOPLE = ORG_WORDS | word_set(
    "summit forum conference meeting event games street avenue road square day week year"
    " act bill law change communities community care awards award prize festival"
)
_GIVEN_NAMES = FEMALE | MALE


def _one_voice(
    text: str,
    title: str | None,
    author: str | None,
    headline: Paragraph | None,
    lead: list[Paragraph],
    paragraphs: Sequence[Paragraph],
    discourse: Discourse,
    names: frozenset[str],
) -> Voice | None:
    """The person a page names at its top, when nothing more explicit gave the text a speaker
    but the text is one voice in the first person that never reports on that person: the
    title, the author line, the headline and the opening paragraph are where a speech, a
    statement or a post names whose it is. A name beside a speech word, then one with a
    title, is preferred to a bare name; the editor confirms the guess."""
    body = [p for p in paragraphs if p.kind == "body"]
    speech = body[1:] if body and _introduces(text, body[0]) else body  # below its introduction
    if sum(1 for p in speech if _SELF.search(_unquoted(text, p))) < _ONE_VOICE * len(speech):
        return None  # fewer still once quotations over several paragraphs are left out
    own = _in_own_words(text, speech)
    if not own or len(own) < min(2, len(speech)) or len(own) < _ONE_VOICE * len(speech):
        return None
    # (where, its words, their offset in the text if they are in it)
    lines = [("title", title or "", None), ("author line", author or "", None)]
    lines += [
        (where, text[p.start : p.end], p.start)
        for where, p in (("headline", headline), ("opening paragraph", lead[0] if lead else None))
        if p is not None
    ]
    best = None
    for where, line, offset in lines:
        for mention, titled, near in _people_in_line(line, names):
            words = mention.name.split()
            if any(w.lower() in _NOT_PEOPLE for w in words):
                continue
            if discourse.outlet and same_body(mention.name, discourse.outlet):
                continue
            known = discourse.registry.lookup(mention.name)
            person = titled or (known is not None and not discourse.registry.is_organisation(known))
            if len(words) >= 2 and not person:
                # an author line lists people by name; elsewhere a name needs a given name
                person = where == "author line" or words[0].lower() in _GIVEN_NAMES
            if not person or _reports_on(text, mention.name, body[1:]):
                continue
            score = 2 * bool(_OWN_WORDS.search(near)) + titled
            if best is None or score > best[0]:
                best = (score, mention, where, offset)
    if best is None:
        return None
    _score, mention, where, offset = best
    who = discourse.registry.register(mention, offset or 0)
    if _reports_on(text, who, body[1:]):
        return None  # the canonical name, fuller than the line's, is told of in the third person
    span = None if offset is None else (offset + mention.start, offset + mention.end)
    return Voice(
        who,
        "direct",
        SIGNED_ANALYSIS,
        f"a text in the first person, given to the person its {where} names",
        speaker_span=span,
    )


def _in_own_words(text: str, body: Sequence[Paragraph]) -> list[Paragraph]:
    """The paragraphs in the first person outside quotation marks, a quotation that runs over
    several paragraphs included."""
    own, quoting = [], False
    for paragraph in body:
        line = text[paragraph.start : paragraph.end]
        if quoting:
            quoting = not _closes_quote(line)
            continue
        if _leaves_quote_open(line):
            quoting = True
            line = line[: max(line.rfind("“"), line.rfind('"'))]  # the words before it opens
        if _SELF.search(_without_quotes(line)):
            own.append(paragraph)
    return own


def _people_in_line(line: str, names: frozenset[str]) -> list[tuple[Mention, bool, str]]:
    """The names a line holds, each with whether a title or an honorific comes with it, and
    the words around it."""
    tokens = tokenize(line, 0, len(line), names | proper_words(line))
    found = []
    i, n = 0, len(tokens)
    while i < n:
        end = collect_forward(tokens, i, n) if np_word(tokens[i]) else None
        if end is None:
            i += 1
            continue
        mention = interpret(line, tokens[i:end])
        if mention is not None and mention.kind == "name" and not mention.organisation:
            titled = any(t.lower in TITLE_WORDS or t.lower in HONORIFICS for t in tokens[i:end])
            before = tokens[max(0, i - 3)].start
            after = tokens[min(n - 1, end + 2)].end
            found.append((mention, titled, line[before:after]))
        i = end
    return found


def _person_in(words: str, discourse: Discourse, names: frozenset[str]) -> str | None:
    """The person a phrase outside the text names ("President John Roe"), if it names one."""
    words = words.strip()
    mention = interpret(words, tokenize(words, 0, len(words), names | proper_words(words)))
    if mention is None or mention.kind != "name" or mention.organisation:
        return None
    if len(mention.name.split()) < 2 and discourse.registry.lookup(mention.name) is None:
        return None  # a surname alone, of nobody the text names, is too little to go on
    return discourse.registry.register(mention, 0)


def _person(
    text: str, start: int, end: int, discourse: Discourse, names: frozenset[str]
) -> str | None:
    """The person a phrase names, or the one a role abbreviation or role means."""
    tokens = tokenize(text, start, end, names)
    phrase = text[start:end].strip().lower()
    if phrase in _ABBREVIATED_ROLES:
        return discourse.role(_ABBREVIATED_ROLES[phrase])
    mention = interpret(text, tokens)
    if mention is None or mention.kind == "phrase":
        return None
    if mention.kind == "name":
        if mention.organisation:
            return None
        return discourse.registry.register(mention, start)
    if mention.kind == "role":
        return discourse.role(mention.role)
    return None


def _byline_author(
    text: str, paragraphs: Sequence[Paragraph], discourse: Discourse, names: frozenset[str]
) -> Voice | None:
    """A byline over text written in the first person: an op-ed, a letter, a blog post."""
    byline = next((p for p in paragraphs if p.reason == "byline"), None)
    if byline is None:
        return None
    line = text[byline.start : byline.end]
    match = _BYLINE.match(line)
    cue_span, cue = (byline.start, byline.start + 2), "by"
    if match is None:  # "*Jane Doe, Chief Economist*": the first author's name and title
        bare = re.sub(r"^[*_]*(?:[Bb]y\s+)?", "", line)
        match = _AUTHOR_NAME.match(bare)
        offset = byline.start + len(line) - len(bare)
        cue_span, cue = (byline.start, byline.end), "byline"
    else:
        offset = byline.start
    if not match or " and " in match.group("who"):
        return None
    start, end = offset + match.start("who"), offset + match.end("who")
    body = [p for p in paragraphs if p.kind == "body"]
    # authors signing with their titles write as "we" as often as "I"
    own = _SINGULAR_SELF if cue == "by" else _SELF
    first_person = sum(1 for p in body if own.search(_unquoted(text, p)))
    confidence, evidence = PUBLISHED_UNDER, "first-person text under the author's byline"
    if first_person < 2:
        # an author signing with a title over an analysis that quotes nobody writes it in
        # their own name, first person or not; a reporter's byline is over a report that
        # quotes people. Which of the two a page is stays a guess: the editor confirms it.
        signed = cue == "byline" or _OPINION.search(_headline(text, paragraphs))
        if not signed or not body or _reports(text, body):
            return None
        confidence, evidence = SIGNED_ANALYSIS, "an analysis or opinion under its author's byline"
    mention = interpret(text, tokenize(text, start, end, names))
    if mention is None or mention.kind != "name":
        return None
    who = discourse.registry.register(mention, start)
    return Voice(
        who,
        "direct",
        confidence,
        evidence,
        speaker_span=(start, end),
        cue_span=cue_span,
        cue=cue,
    )


_SAYS = re.compile(
    r"\b(?:said|says|told|tells|according to|stated|explained|explains)\b"
    r"|[\"“][^\"“”]{20,}[\"”]"
)


# a headline or title that says the page is an author's own: "Op-ed: ...", "Opinion | ..."
_OPINION = re.compile(
    r"^(?:op-?ed|opinion|comment|commentary|column|viewpoint|perspective|analysis|blog)\b"
    r"\s*[:|–—-]|\b(?:op-?ed|opinion|commentary|column)\s*$",
    re.IGNORECASE,
)


def _headline(text: str, paragraphs: Sequence[Paragraph]) -> str:
    headline = next((p for p in paragraphs if p.reason == "headline"), None)
    return "" if headline is None else text[headline.start : headline.end]


def _reports(text: str, body: Sequence[Paragraph]) -> bool:
    """Whether the body reads as a report: a third or more of its paragraphs quote someone or
    tell what someone said."""
    quoting = sum(1 for p in body if _SAYS.search(text, p.start, p.end))
    return quoting * 3 >= len(body)


def _unquoted(text: str, paragraph: Paragraph) -> str:
    return _without_quotes(text[paragraph.start : paragraph.end])


def _without_quotes(words: str) -> str:
    return re.sub(r"[\"“][^\"“”]*[\"”]", " ", words)


# --- the institution behind a press release ------------------------------------------------


def _issuer(
    text: str,
    headline: Paragraph | None,
    lead: list[Paragraph],
    discourse: Discourse,
    names: frozenset[str],
) -> Voice | None:
    """The institution whose press release this is, when the release says so at its top."""
    if headline is not None:
        stated = _statement_of(text, headline, discourse, names)
        if stated is not None:
            return stated
    for paragraph in [p for p in (headline, *lead) if p is not None]:
        line = text[paragraph.start : paragraph.end]
        match = _ISSUED.search(line)
        if not match:
            continue
        group = next(g for g in ("org", "org2", "org3", "org4", "org5") if match.group(g))
        start, end = paragraph.start + match.start(group), paragraph.start + match.end(group)
        words = text[start:end]
        lead_words = re.match(r"(?:[Tt]he\s+)", words)
        if lead_words:
            start += lead_words.end()
        tokens = tokenize(text, start, end, names)
        mention = interpret(text, tokens)
        if re.fullmatch(r"[Gg]overnment", text[start:end]):
            who = "Government"
        elif mention is None or mention.kind != "name":
            continue
        else:  # what issues a release is an organisation, whatever its name's last word
            who = discourse.registry.register(
                dataclasses.replace(mention, organisation=True), start
            )
            if match.group("abbr"):
                discourse.registry.alias(match.group("abbr"), who)
        outlet = discourse.outlet or ""
        if outlet and same_body(who, outlet):
            return None
        return Voice(
            who,
            "narration",
            ISSUER,
            "a press release in the institution's own voice",
            speaker_span=(start, end),
            relays=False,
        )
    return None


def _statement_of(
    text: str, headline: Paragraph, discourse: Discourse, names: frozenset[str]
) -> Voice | None:
    """ "Statement from the Harbour Council on ...": a statement an institution issues is
    in its voice, as a person's is in theirs."""
    match = _PUBLISHED_BY.search(text, headline.start, headline.end)
    if not match:
        return None
    start, end = match.span("who")
    if re.match(r"[Tt]he\s+", text[start:end]):
        start += len(re.match(r"[Tt]he\s+", text[start:end]).group(0))
    mention = interpret(text, tokenize(text, start, end, names))
    if mention is None or mention.kind != "name":
        return None
    if not mention.organisation and not text[match.start("who") : end].lower().startswith("the "):
        return None  # a person's statement is theirs (`_published_under`)
    who = discourse.registry.register(dataclasses.replace(mention, organisation=True), start)
    if discourse.outlet and same_body(who, discourse.outlet):
        return None
    return Voice(
        who,
        "narration",
        ISSUER,
        f"a {match.group('cue').lower()} issued under the institution's name",
        speaker_span=(start, end),
        cue_span=match.span("cue"),
        cue=match.group("cue").lower(),
        relays=False,
    )


def _author_body(
    author_line: tuple[str, str],
    text: str,
    paragraphs: Sequence[Paragraph],
    discourse: Discourse,
    names: frozenset[str],
) -> Voice | None:
    """The institution a source's author line names ("Department for Transport" on a platform
    that hosts many departments' releases): the release's narration is its own."""
    main, inner = author_line
    # "Centre for Defence Enterprise (Defence Science and Technology Laboratory)": the body
    # named first speaks; what the brackets add is its parent or a note. Under the outlet's
    # own name ("The White House (Council of Economic Advisers)") the brackets name the
    # office that wrote the page, whose voice it is when the page says "we".
    line = main
    if not line and inner and _writes_as_we(text, paragraphs):
        line = inner
    if not line:
        return None
    mention = interpret(line, tokenize(line, 0, len(line), names | proper_words(line)))
    if mention is None or mention.kind != "name":
        return None
    if not mention.organisation:
        if not _INSTITUTION_LINE.search(line):
            return None  # a person's name: a reporter's byline, not an institution's voice
        # "UK Trade & Investment": a name the phrase reader cuts at the ampersand
        mention = dataclasses.replace(mention, name=line, organisation=True)
    if discourse.outlet and same_body(mention.name, discourse.outlet):
        return None
    who = discourse.registry.register(mention, 0)
    discourse.registry.alias_initials(who, text)
    return Voice(
        who, "narration", ISSUER, "a release in the voice of the source's author", relays=False
    )


def _author_line(author: str, outlet: str | None) -> tuple[str, str]:
    """A source's author line as (who, what its brackets add), the outlet's own name left out:
    "GOV.UK / UK Trade & Investment" is ("UK Trade & Investment", ""), "The White House
    (Council of Economic Advisers)" on the White House's site is ("", "Council of Economic
    Advisers")."""
    parts = [part.strip() for part in author.split(" / ") if part.strip()]
    # "GOV.UK / UK Trade & Investment": the platform first, then who published on it
    while len(parts) > 1 and outlet and same_body(parts[0], outlet):
        parts.pop(0)
    line = parts[0] if parts else ""
    bracket = re.search(r"\(([^()]*)\)", line)
    inner = bracket.group(1).split(",")[0].strip() if bracket else ""
    main = line.split("(")[0].split(",")[0].strip()
    first, _and, second = main.partition(" and ")
    if second and _names_a_body(first) and _names_a_body(second):
        main = first  # "Harbour Embassy and Eastport Consulate": the first body publishes
    if outlet and main and same_body(main, outlet):
        main = ""
    return main, inner


def _names_a_body(words: str) -> bool:
    """ "British High Commission Islamabad", not "Rural Affairs" (from "Food and Rural
    Affairs")."""
    return any(w.lower() in ORG_WORDS for w in words.split())


def _writes_as_we(text: str, paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the body speaks as "we" in at least two of its paragraphs, outside quotations."""
    body = [p for p in paragraphs if p.kind == "body"]
    return sum(1 for p in body if _PLURAL_SELF.search(_unquoted(text, p))) >= 2


# an author line that names a body, not a person: "UK Trade & Investment", "Office of ..."
_INSTITUTION_LINE = re.compile(r"&|\b(?:and|of|for)\b|\b[A-Z]{2,}\b")
_PLURAL_SELF = as_written(SELF_PLURAL)


def _standfirst(
    text: str,
    headline: Paragraph | None,
    lead: list[Paragraph],
    paragraphs: Sequence[Paragraph],
    document: Voice | None,
    narrator: Voice | None,
) -> None:
    """Set aside a one-sentence summary under the headline."""
    if headline is None or not lead:
        return
    first = lead[0]
    between = paragraphs[headline.index + 1 : first.index]
    if any(p.kind == "body" for p in between):
        return
    line = text[first.start : first.end]
    if document is not None and line.endswith(":") and _SPEECH_MENTION.search(line):
        # "Jane Doe delivered remarks on ... Below are her remarks:": the text's introduction
        first.kind, first.reason = "heading", "standfirst"
        return
    sentences = split_sentences(text, first.start, first.end)
    if len(sentences) == _SUMMARY_SENTENCES and not re.search(r"\d", line):
        # "Jane Doe met with the minister. The minister briefed her on the harvest.": a
        # readout's summary of itself, sentence by sentence
        if all(_SUMMARY_VERB.match(text[a:b]) for a, b in sentences):
            first.kind, first.reason = "heading", "standfirst"
        return
    if len(sentences) != 1:
        return
    span = (first.start, first.end)
    figures = bool(re.search(r"\d", _YEARS.sub("", line)))  # "in 2017 to 2018" is no figure
    cited = any(
        v is not None and v.cue_span is not None and span[0] <= v.cue_span[0] < span[1]
        for v in (document, narrator)
    )
    issued = narrator is not None and _inside(narrator.speaker_span, span)
    cited = cited or (document is not None and _inside(document.speaker_span, span))
    describes = not figures and (cited or issued)
    summary = describes or _repeated_later(text, first, paragraphs)
    summary = summary or (not figures and bool(_SUMMARY_VERB.search(line)))
    if _EMPHASIS.match(line) or summary or (not figures and _verbless(line)):
        first.kind, first.reason = "heading", "standfirst"


_VERBLESS_WORDS = 40
# "Theresa May sends her best wishes to ...", "The minister sets out plans for ...": a page's
# summary of itself, in the present tense, right after a name or a short subject.
_SUMMARY_SENTENCES = 2
_SUMMARY_VERB = re.compile(
    r"^(?:(?:[A-Z][\w.'’\-]*\s+){1,5}|(?:[A-Z][\w.\-]*\s+){0,3}[A-Z][\w.\-]*['’]s\s+"
    r"(?:[a-z\-]+\s+){1,2})"
    r"(?:sends|sets out|outlines|announces|marks|welcomes"
    r"|launches|unveils|publishes|responds|reflects|explains|visits|delivers|gives|urges"
    r"|addresses|speaks|tells|discusses|highlights|reviews|sets|covers|briefed|briefs"
    r"|met with|meets with|held talks|holds talks"
    r"|calls on|pays tribute|thanks|congratulates|updates)\b"
)
_BEFORE_A_NOUN = word_set("to of the a an on for in and its their his her")
_PAGE_NOUNS = word_set(
    "response reaction update statement message guidance announcement overview summary "
    "information details remarks speech"
)
_PRONOUNS = word_set("i you we he she it they")


def _verbless(line: str) -> bool:
    """ "The Board's response to reports of dead fish being washed ashore.": a line under the
    headline that only names what the page is, with no verb of its own and no figure."""
    words = re.findall(r"[^\W_][\w'’\-]*", line)
    if not 4 <= len(words) <= _VERBLESS_WORDS or re.search(r"\d", line) or '"' in line:
        return False
    lower = [w.lower() for w in words]
    # it names what the page is: "a response to", "an update on", "a statement about"
    if not any(
        w in _PAGE_NOUNS and n in ("to", "on", "of", "about", "for", "from")
        for w, n in itertools.pairwise(lower)
    ):
        return False
    if any(w in _PRONOUNS or w.endswith(("n't", "n’t")) for w in lower):
        return False
    opening = next((k for k, w in enumerate(words) if w.islower()), len(words))
    if opening < len(words) and lower[opening].endswith("s") and not lower[opening].endswith("ss"):
        return False  # "Government publishes a response ...": the subject's verb
    for k, word in enumerate(lower):
        noun_use = k and lower[k - 1] in _BEFORE_A_NOUN  # "a response to reports of"
        if (word in FINITE_VERBS or word in CUE_WORDS) and not noun_use:
            return False
        after_auxiliary = k and lower[k - 1] in ("being", "been", "be", "to")
        if word.endswith("ed") and len(word) > 4 and words[k].islower() and not after_auxiliary:
            return False  # "Police arrested the driver."
    return True


def _inside(inner: tuple[int, int] | None, outer: tuple[int, int]) -> bool:
    return inner is not None and outer[0] <= inner[0] and inner[1] <= outer[1]


def _repeated_later(text: str, first: Paragraph, paragraphs: Sequence[Paragraph]) -> bool:
    """Whether the article goes on to say everything a short first paragraph says: a
    summary of what follows, where a lede would hold details of its own."""
    index = ClaimIndex()
    words = set(index.words(text[first.start : first.end]))
    if not words or len(words) > _STANDFIRST_WORDS:
        return False
    rest: set[str] = set()
    later: set[str] = set()
    for paragraph in paragraphs:
        if paragraph.kind == "body" and paragraph.index > first.index:
            rest.update(index.words(text[paragraph.start : paragraph.end]))
            later.update(FIGURE.findall(text, paragraph.start, paragraph.end))
    if not set(FIGURE.findall(text, first.start, first.end)) <= later:
        return False  # a figure of its own: "the deal cost $4 billion" is news, not a summary
    return len(words & rest) / len(words) >= _STANDFIRST_REPEATED


# A figure in digits ("4", "1,200", "3.5"), as the engine compares repeats by their figures.
FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


# --- transcripts ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Line:
    paragraph: Paragraph
    speaker: str | None  # None for a question
    question: bool
    label: tuple[int, int]
    body_start: int


def _speaker_lines(
    text: str,
    paragraphs: Sequence[Paragraph],
    discourse: Discourse,
    names: frozenset[str],
    structure: Structure,
    interviewee: str | None = None,
    asking: Sequence[str] = (),
) -> None:
    """Voices from a transcript's speaker lines; "A:" is the interviewee's. The turns of
    whoever asks (`asking`: the outlet or the interviewer, a moderator calling on reporters)
    are set aside with the questions."""
    lines = []
    turns = _recurring_labels(text, paragraphs)
    for paragraph in paragraphs:
        if paragraph.kind in ("body", "heading") and paragraph.reason != "headline":
            line = _speaker_line(text, paragraph, discourse, names, turns)
            if line is not None:
                if _asks(text, line, asking):
                    line = dataclasses.replace(line, speaker=None, question=True)
                lines.append(line)
    if len(lines) < 2:
        return
    lines = _interviewer_set_aside(text, lines)
    first_line = lines[0].paragraph.index
    by_index = {line.paragraph.index: line for line in lines}
    current: _Line | None = None
    answering: str | None = interviewee
    above = [p for p in paragraphs[:first_line] if p.kind == "body"]
    below = [p for p in paragraphs[first_line:] if p.kind in ("body", "heading")]
    # a transcript's introduction is short; a report with a short Q&A at its end is a report
    introduction = len(above) <= _INTRODUCTION_MAX and len(above) < len(below)
    for paragraph in paragraphs:
        line = by_index.get(paragraph.index)
        if line is None and paragraph.kind == "body" and paragraph.index < first_line:
            headed = any(p.reason == "headline" for p in paragraphs[: paragraph.index])
            # a one-line introduction presents the speakers, and one about the interview
            # itself ("The 16th part ... has been published. Total recording time is 3.5
            # hours."); a longer one tells facts about them ("..., retired in 2013")
            sentences = split_sentences(text, paragraph.start, paragraph.end)
            about = sum(1 for a, b in sentences if _ABOUT_THE_INTERVIEW.search(text, a, b))
            presents = len(sentences) < 2 or about * 2 > len(sentences)
            if headed and introduction and presents:
                paragraph.kind, paragraph.reason = "heading", "standfirst"
            continue
        if line is not None:
            current = line
            paragraph.kind = "body"
            if line.question or questions_only(text, line.body_start, paragraph.end):
                # "CHUCK TODD: Is the bill dead?": an interviewer's question, whoever asks it
                paragraph.kind, paragraph.reason = "heading", "question"
                continue
            answering = line.speaker or answering
            paragraph.reason = "speaker line"
            if answering is None:
                # "A: No, the pause applies only to ...": a page's questions and answers,
                # answered in the page's own voice
                structure.answers[paragraph.index] = line.body_start
                continue
            structure.voices[paragraph.index] = Voice(
                line.speaker or answering,
                "direct",
                SPEAKER_LINE,
                "transcript speaker line",
                speaker_span=line.label,
                body_start=line.body_start,
            )
            continue
        if current is None or paragraph.kind != "body":
            continue
        if current.question:
            paragraph.kind, paragraph.reason = "heading", "question"
            continue
        if text[current.body_start : current.body_start + 1] in _QUOTE_MARKS:
            # 'John Roe: "No, save it ..."' in a report: a quotation under its speaker's
            # name, after which the reporter narrates again
            current = None
            continue
        if (current.speaker or answering) is None:
            continue
        structure.voices[paragraph.index] = Voice(
            current.speaker or answering,
            "direct",
            SPEAKER_ABOVE,
            "transcript speaker line above",
            speaker_span=current.label,
        )


_ABOUT_THE_INTERVIEW = re.compile(
    r"\b(?:interview(?:ed|s)?|transcript|recording|episode|podcast|published|questions"
    r"|conversation|project|edited|condensed|abridged)\b",
    re.IGNORECASE,
)
_QUOTE_MARKS = frozenset('"“”«„')
_ASKING_SHARE = 0.3  # of an interviewer's turns that hold a question
_SHORTER = 0.6  # an interviewer's turns, against the interviewee's, in length
_PROMPTING = 0.4  # the same for one who prompts more than they ask
_ASKS_MOSTLY = 0.5  # of a counsel's turns that hold a question; a witness asks in half as many


def _interviewer_set_aside(text: str, lines: list[_Line]) -> list[_Line]:
    """In a transcript whose turns nobody marked as questions, the one questioned (an
    interviewee, a witness) speaks most or asks least; whoever else asks often and speaks
    more briefly, or asks in most turns, is an interviewer, a counsel or a chair: their turns
    are set aside with the questions ("Andrei Vandenko: Within one's means." under "Vladimir
    Putin: ...")."""
    if any(line.question for line in lines):
        return lines  # the questions are already known
    turns: dict[str, list[str]] = {}
    for line in lines:
        if line.speaker:
            turns.setdefault(line.speaker, []).append(text[line.body_start : line.paragraph.end])
    if len(turns) < 2:
        return lines

    def asking(said: list[str]) -> float:
        return sum("?" in words for words in said) / len(said)

    def length(said: list[str]) -> float:
        return sum(len(words) for words in said) / len(said)

    # the one questioned speaks most, unless that one asks in most turns (a counsel, whose
    # questions can run longer than a witness's answers): then it is the one who asks least
    answering = max(turns, key=lambda who: len("".join(turns[who])))
    if asking(turns[answering]) > _ASKS_MOSTLY:
        answering = min(turns, key=lambda who: (len(turns[who]) < _MIN_TURNS, asking(turns[who])))
    answers = turns[answering]
    if len(answers) < _MIN_TURNS:
        return lines
    askers = set()
    for who, said in turns.items():
        if who == answering or (len(said) < _MIN_TURNS and asking(said) < _ASKS_MOSTLY):
            continue  # a reporter with one or two turns is an asker when they ask in them
        asks = asking(said) >= _ASKING_SHARE and asking(said) > asking(answers)
        # one who asks, or whose every turn is a prompt ("Within one's means.") under answers
        if asking(said) >= _ASKS_MOSTLY or length(said) <= (
            _SHORTER if asks else _PROMPTING
        ) * length(answers):
            askers.add(who)
    return [
        dataclasses.replace(line, speaker=None, question=True) if line.speaker in askers else line
        for line in lines
    ]


_MIN_TURNS = 3
_CHAIRS = word_set("moderator operator host presenter interviewer chair")
# "Wikinews interviews ...", "interview by Jane Doe": who asks the questions
_INTERVIEWER = re.compile(
    r"^(?P<who>[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3})\s+interviews\b"
    r"|\binterview(?:ed)?\s+by\s+(?P<who2>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){0,3})"
)


def _interviewers(
    text: str, headline: Paragraph | None, author: str | None, discourse: Discourse
) -> list[str]:
    """Who asks the questions: the outlet, and an interviewer the headline or the source's
    author line names ("Wikinews interviews ...", "interview by Jane Doe")."""
    asking = [discourse.outlet] if discourse.outlet else []
    lines = [text[headline.start : headline.end]] if headline is not None else []
    for line in [*lines, author or ""]:
        for match in _INTERVIEWER.finditer(line):
            asking.append(match.group("who") or match.group("who2"))
    return asking


def _asks(text: str, line: _Line, asking: Sequence[str]) -> bool:
    """Whether a speaker line is the interviewer's or a moderator's."""
    label = text[line.label[0] : line.label[1]].strip("* ").lower()
    if label in _CHAIRS or label.removeprefix("the ") in _CHAIRS:
        return True
    if line.speaker is None:
        return False
    words = _name_words(line.speaker)
    return any(words == _name_words(who) for who in asking)


def _name_words(name: str) -> set[str]:
    return set(re.findall(r"\w+", name.lower())) - {"the"}


_INTERVIEW = re.compile(
    r"(?:\binterview(?:ed)? with|\bq\s*&\s*a with|\bconversation with|^q\s*&\s*a:"
    r"|^(?:an?\s+)?(?:exclusive\s+)?interview\s*(?::|\s[–—-])"
    r"|^[A-Z][\w.&'’\-]*(?:\s+[A-Z][\w.&'’\-]*){0,3}\s+(?:interviews|talks\s+(?:to|with)"
    r"|speaks\s+(?:to|with)|sits\s+down\s+with))\s+"
    r"(?P<who>[^:,;]+?)(?=\s+(?:on|about|at|in|over|after|for)\s|[:,;]|\s-\s|$)",
    re.IGNORECASE,
)
# "Biologist Jane Roe tells The Times about ...", "Jane Roe talks to Wikinews": the one who
# tells is the interviewee, the outlet only listens.
_TELLS = re.compile(
    r"(?P<who>[A-Z][^:,;]{2,80}?)\s+(?:tells|talks\s+to|speaks\s+to|opens\s+up\s+to)\s+"
    r"(?:[A-Z][\w.&'’\-]*)(?:\s+[A-Z][\w.&'’\-]*){0,3}\b"
)


def _interviewee(
    text: str, headline: Paragraph | None, discourse: Discourse, names: frozenset[str]
) -> str | None:
    """Who answers in an interview, as its headline names them ("Interview with Jane Roe")."""
    if headline is None:
        return None
    line = text[headline.start : headline.end]
    match = _INTERVIEW.search(line) or _TELLS.match(line)
    if not match:
        return None
    start, end = (headline.start + i for i in match.span("who"))
    words = text[start:end].split()
    # "Biologist Jane Roe": the article names her "Jane Roe"; the job is no part of the name
    if len(words) >= 3:
        known = discourse.registry.lookup(" ".join(words[1:]))
        if known is not None:
            return known
    return _person(text, start, end, discourse, names)


def _introduced_interviewee(
    text: str, paragraphs: Sequence[Paragraph], discourse: Discourse, names: frozenset[str]
) -> str | None:
    """ "Jane Doe has been harbour master since 2015. We asked her about the expansion.",
    then questions and answers: the person the introduction names, when it says that she was
    asked, interviewed or spoken with."""
    first = next((p.index for p in paragraphs if p.reason == "question"), None)
    if first is None:
        return None
    intro = [p for p in paragraphs[:first] if p.kind == "body"]
    line = " ".join(text[p.start : p.end] for p in intro)
    if not intro or len(line.split()) > _INTRODUCTION_WORDS or not _INTERVIEWED.search(line):
        return None
    people = [m for m, _titled, _around in _people_in_line(line, names) if " " in m.name]
    if len({m.name for m in people}) != 1:
        return None  # nobody, or several people the answers may be any of
    return discourse.registry.register(people[0], intro[0].start)


_INTRODUCTION_WORDS = 150
_INTERVIEWED = re.compile(
    r"\b(?:asked (?:him|her|them)|interview(?:ed|s)?|spoke (?:with|to)|talked (?:with|to)"
    r"|answered (?:\w+ ){0,2}questions|sat down with|put (?:\w+ ){0,2}questions to)\b",
    re.IGNORECASE,
)

_ADDRESSED = re.compile(r"\b(?:you|your|yours|yourself)\b", re.IGNORECASE)


def _unlabelled_answers(
    text: str, paragraphs: Sequence[Paragraph], structure: Structure, interviewee: str
) -> None:
    """An interview printed as questions and answers without speaker labels: every
    paragraph under an interviewer's question is the interviewee's answer, until a heading
    that is not a question ends the interview; a paragraph that asks "you" something and
    ends in a question mark is another question."""
    first = next((p.index for p in paragraphs if p.reason == "question"), None)
    if first is None:
        return
    asked = [
        p
        for p in paragraphs[first:]
        if p.reason == "question" or (p.kind == "body" and _asks_the_interviewee(text, p))
    ]
    if len(asked) < 2:
        return  # one question sub-heading is an explainer's, not an interview
    answering = False
    for paragraph in paragraphs[first:]:
        if paragraph in asked:
            paragraph.kind, paragraph.reason = "heading", "question"
            answering = True
            continue
        if paragraph.kind == "heading":
            answering = False
            continue
        if paragraph.kind != "body" or not answering:
            continue
        structure.voices[paragraph.index] = Voice(
            interviewee,
            "direct",
            UNLABELLED_ANSWER,
            "an answer under an interviewer's question, in an interview with the speaker",
        )


def _asks_the_interviewee(text: str, paragraph: Paragraph) -> bool:
    """ "Your rivals say the plan is late. Why?": a question to "you" after a premise."""
    line = text[paragraph.start : paragraph.end].rstrip("\"”’' ")
    return line.endswith("?") and bool(_ADDRESSED.search(line))


_SURNAME_LABEL = re.compile(r"(?P<name>[A-Z][a-z][\w'’\-]*|[A-Z][A-Z'’\-]+)[ ]*:[ ]+(?=\S)")


def _recurring_labels(text: str, paragraphs: Sequence[Paragraph]) -> frozenset[str]:
    """One-word labels that open two paragraphs or more ("Roe: ...", "ROE: ..."):
    a transcript's turns, where each speaker is labelled by surname."""
    seen: dict[str, int] = {}
    for paragraph in paragraphs:
        if paragraph.kind not in ("body", "heading") or paragraph.reason == "headline":
            continue
        match = _SURNAME_LABEL.match(text, paragraph.start, paragraph.end)
        if match:
            label = match.group("name").lower()
            seen[label] = seen.get(label, 0) + 1
    return frozenset(label for label, count in seen.items() if count >= 2)


def _speaker_line(
    text: str,
    paragraph: Paragraph,
    discourse: Discourse,
    names: frozenset[str],
    turns: frozenset[str] = frozenset(),
) -> _Line | None:
    match = _LABEL.match(text, paragraph.start, paragraph.end)
    if not match:
        return None
    if match.group("q"):
        return _Line(paragraph, None, True, match.span("q"), match.end())
    if match.group("a"):  # "A: No, ...", "**A:** The pause ...": an answer, whoever gives it
        return _Line(paragraph, None, False, match.span("a"), match.end())
    group = "label" if match.group("label") else "label2"
    start, end = match.span(group)
    label = text[start:end].strip("* ")
    if match.end() >= paragraph.end:
        return None  # "Jane Doe said:" alone: an attribution line, read with the blocks
    if label.lower() in _ANSWER:
        return _Line(paragraph, None, False, (start, end), match.end())
    who = _label_speaker(text, start, end, label, discourse, names)
    if who is None and label.lower() in turns:
        who = _surname_speaker(text, start, end, label, discourse, names)
    if who is None:
        return None
    return _Line(paragraph, who, False, (start, end), match.end())


def _surname_speaker(
    text: str, start: int, end: int, label: str, discourse: Discourse, names: frozenset[str]
) -> str | None:
    """The speaker a recurring one-word label names: the person of that surname the text
    has introduced, or else the surname as written."""
    if label.lower() in _NOT_SPEAKERS or label.lower() in STOP_CAPS:
        return None
    written = _title(label) if label.isupper() else label
    known = discourse.registry.lookup(written)
    if known is not None:
        return known
    mention = interpret(written, tokenize(written, 0, len(written), names))
    if mention is None or mention.kind != "name" or mention.organisation:
        return None
    return discourse.registry.register(mention, start)


def _label_speaker(
    text: str,
    start: int,
    end: int,
    label: str,
    discourse: Discourse,
    names: frozenset[str],
) -> str | None:
    """Who a speaker label names, if it reads as one ("THE PRESIDENT", "Vladimir Putin")."""
    words = re.findall(r"[^\W_][\w'’\-]*", label)
    if not words or len(words) > 8 or "," in label or any(c.isdigit() for c in label):
        return None
    if label.lower() in _NOT_SPEAKERS or words[0].lower() in _NOT_SPEAKERS:
        return None
    upper = label.isupper()
    if not upper:
        capitalised = [w for w in words if w[0].isupper()]
        if any(not w[0].isupper() and w.lower() not in _LABEL_JOINERS for w in words):
            return None
        if len(capitalised) < 2 and not discourse.registry.lookup(label):
            return None
    elif len(words) > 6:
        return None
    # "MS. JEAN-PIERRE" and "Mr. NIELDS" read as "Ms. Jean-Pierre" and "Mr. Nields", not as
    # acronyms; read alone, so that
    # its offsets are the label's own.
    shouted = upper or any(w.isupper() and len(w) > 1 for w in words)  # "Mr. NIELDS"
    words_only = _title(text[start:end]) if shouted else text[start:end]
    mention = interpret(words_only, tokenize(words_only, 0, len(words_only), names))
    if mention is None:
        return None
    if mention.kind == "name" and mention.organisation:
        return None
    if mention.kind == "role" and not any(w in TITLE_WORDS for w in mention.role.split()):
        return None
    who, confidence = discourse.resolve(mention, start)
    return who if confidence >= NAMED or mention.kind != "name" else None


def _title(words: str) -> str:
    """Capitals as a name has them, every character in its place ("JEAN-PIERRE" gives
    "Jean-Pierre")."""
    return re.sub(r"[^\W\d_]+", lambda m: m.group()[0] + m.group()[1:].lower(), words)


# --- blocks after "X said:" ----------------------------------------------------------------


class Blocks:
    """The paragraphs that follow an attribution ending in a colon, read in order with the
    rest of the article so that "He continues:" finds who "he" is."""

    def __init__(self, text: str, discourse: Discourse, names: frozenset[str]) -> None:
        self.text = text
        self.discourse = discourse
        self.names = names
        self.block: Voice | None = None
        self.speaker_words: tuple[str, ...] = ()
        self.count = 0
        self.open_quote = False  # the block is a quotation left open at a paragraph's end
        self.listed = False  # the block has been a list so far
        self.own_words = False  # the block is first-person paragraphs with no quotation marks
        self.quoted = self.posts = self.after_post = False  # see _open

    def skip(self, paragraph: Paragraph) -> None:
        """A paragraph that is not body text: a heading ends the block."""
        if paragraph.kind == "heading" and paragraph.reason != "question":
            self.block = None

    def attribution_line(self, paragraph: Paragraph, structure: Structure) -> bool:
        """Whether the paragraph is only "X said:"; if so it opens a block and is set aside."""
        found = _lead_in(self.text, paragraph, self.discourse, self.names, structure)
        if found is None or not found[1]:
            return False
        self._open(found[0])
        self.own_words = _comma_before_own_words(self.text, paragraph)
        paragraph.kind, paragraph.reason = "heading", "attribution line"
        return True

    def voice(self, paragraph: Paragraph, voice: Voice | None) -> Voice | None:
        """The block's voice for a paragraph inside it, else the paragraph's own."""
        if voice is not None and voice.body_start is not None:
            self.block = None  # a transcript's speaker line speaks for itself
            return voice
        if self.block is None:
            return voice or self._post(paragraph)
        if self.open_quote:
            # "..., said: "I think we learned a lot.¶It was a very emotional day ..."": the
            # quotation runs on until a paragraph closes it
            block = self.block
            line = self.text[paragraph.start : paragraph.end]
            if not _goes_on_quoting(line):
                # "titled "Juan Valdez drinks coffee. ¶ The strip appears in 800 papers":
                # a mark left open, and a paragraph that neither reopens nor closes it
                self.block, self.open_quote = None, False
                return voice
            if not _leaves_quote_open(line):
                self.block, self.open_quote = None, False
            return block
        if self.own_words and not _SELF.search(_unquoted(self.text, paragraph)):
            self.block = None  # back in the third person: the narrator again
            return voice
        item = paragraph.reason == "list item" or _BULLETED.match(
            self.text, paragraph.start, paragraph.end
        )
        if self.listed and not item:
            self.block = None  # "X also said:" over a list: the list ends the block
            return voice
        self.listed = self.listed or bool(item)
        if _ends_block(self.text, paragraph, self.block, self.speaker_words, self.names):
            self.block = None
            return voice
        line = self.text[paragraph.start : paragraph.end]
        quoted = line[0] in "\"“‘'«"
        if self.count and self.quoted and not quoted and not _closes_quote(line):
            # "X said:" over quotations: once they end, the narrator is back
            self.block = None
            return voice
        posted = bool(_POSTED.match(line.lstrip("\u200e\u200f")))
        if self.count and self.posts and not posted and not self.after_post:
            # "X commented:¶@x: ...¶(its translation)": posts, each with its translation;
            # a second paragraph that is no post is the narrator again
            self.block = None
            return voice
        self.posts = posted if not self.count else self.posts
        self.after_post = posted
        self.quoted = quoted if not self.count else self.quoted
        if not self.count and _SELF.search(_unquoted(self.text, paragraph)):
            # "Russel Ashraf tells one such story:¶Me and my uncle went ...": a block in the
            # first person ends where the first person does
            self.own_words = True
        self.count += 1
        confidence = BLOCK_FIRST if self.count == 1 else BLOCK_LATER
        return dataclasses.replace(self.block, confidence=confidence)

    def _post(self, paragraph: Paragraph) -> Voice | None:
        """ "@JaneDoeMP: The minister has resigned": a post quoted under its author's handle
        is the author's, the person the article names whose name the handle spells."""
        posted = _POSTED.match(self.text, paragraph.start, paragraph.end)
        if posted is None:
            return None
        handle = self.text[paragraph.start : posted.end()].rstrip(": ")
        owner = handle_owner(self.text[: paragraph.start], handle, self.discourse.registry)
        return Voice(
            owner or handle,
            "direct",
            BLOCK_FIRST if owner else BLOCK_LATER,
            "a post under its author's handle",
            speaker_span=(paragraph.start, paragraph.start + len(handle)),
        )

    def after(self, paragraph: Paragraph, structure: Structure) -> None:
        """A paragraph ending in "He continues:" opens a block once its words are read."""
        found = _lead_in(self.text, paragraph, self.discourse, self.names, structure)
        if found is not None:
            self._open(found[0])
            self.own_words = _comma_before_own_words(self.text, paragraph)
            return
        speaker = self.discourse.current
        line = self.text[paragraph.start : paragraph.end]
        if speaker and paragraph.kind == "body" and _leaves_quote_open(line):
            self._open(
                Voice(
                    speaker,
                    "direct",
                    BLOCK_LATER,
                    "a quotation that runs on from the paragraph before",
                )
            )
            self.open_quote = True

    def _open(self, voice: Voice) -> None:
        self.block = voice
        self.open_quote = False
        self.listed = False
        self.quoted = False  # the block's first paragraph opens with a quotation mark
        self.posts = False  # ... or with a post under its handle
        self.after_post = False  # the paragraph before was a post (its translation may follow)
        self.count = 0
        # in their order: the last is the surname
        self.speaker_words = tuple(w.lower() for w in re.findall(r"\w+", voice.speaker or ""))


def _lead_in(
    text: str,
    paragraph: Paragraph,
    discourse: Discourse,
    names: frozenset[str],
    structure: Structure,
) -> tuple[Voice, bool] | None:
    """The voice a paragraph ending "..., X said:" gives to what follows, and whether the
    attribution is the whole paragraph."""
    line = text[paragraph.start : paragraph.end]
    if not line.endswith(":") and not _comma_before_quotation(text, paragraph):
        return None
    named = _name_line(text, paragraph, discourse, names)
    if named is not None:
        return named, True
    sentences = split_sentences(text, paragraph.start, paragraph.end)
    s, e = sentences[-1]
    # "2. According to a survey:": a list number before the lead-in is not a sentence of its own
    whole = all(len(text[a:b].split()) < 2 for a, b in sentences[:-1])
    tokens = tokenize(text, s, e, names)
    handle = _handle_line(text, s, e, tokens, discourse, names)
    if handle is not None:
        return handle, whole
    for k in range(len(tokens) - 1, -1, -1):
        if not is_cue(tokens, k) and not (
            tokens[k].lower in _ASKS and k >= len(tokens) - 2 and tokens[k].text.islower()
        ):
            continue
        if tokens[k].lower == "according":
            block = _according_block(text, tokens, k, discourse, structure)
            return (block, whole) if block is not None else None
        if k == 0:
            return None
        j = k - 1
        while j >= 0 and tokens[j].lower in SKIP_BEFORE_CUE:
            j -= 1
        if j >= 0 and tokens[j].text == ")":  # "Jane Doe (@janedoe) writes:"
            j = next((i - 1 for i in range(j, -1, -1) if tokens[i].text == "("), j)
        mention = mention_before(text, tokens, j) if j >= 0 else None
        if mention is None and whole:
            # "Jane Doe, former vice presdent, writes:": the name that opens the line
            mention = next(
                (
                    m
                    for i, t in enumerate(tokens[:k])
                    if t.is_capitalised and t.lower not in STOP_CAPS
                    for m in [mention_after(text, tokens, i, k)]
                    if m is not None and m.kind == "name"
                ),
                None,
            )
        if mention is None and j >= 0 and tokens[j].lower == "and":
            continue  # "X comments on this in his blog and stresses how ...:": X's, earlier
        who = None if mention is None else discourse.resolve(mention, mention.start)[0]
        if who is None:
            break  # no speaker before the cue: the line's subject, if it has one
        words = [t for t in tokens[k + 1 :] if t.is_word]
        voice = _block_voice(
            who,
            mention,
            cue_span(tokens, k),
            cue_text(tokens, k),
            "paragraphs after the attribution that ends in a colon",
        )
        # "Jane Doe wrote on her blog:": where she wrote adds nothing to check either
        where = len(words) <= _WHERE_WORDS and bool(words) and words[0].lower in _ABOUT
        return voice, whole and (not words or where)
    found = _subject_lead_in(text, tokens, whole, discourse)
    if found is None and len(sentences) > 1:
        found = _pronoun_lead_in(text, sentences[-2], tokens, names, discourse)
    return found


_CONNECTIVES = word_set("but and yet however meanwhile still also ,")


def _subject_lead_in(
    text: str, tokens: list[Token], whole: bool, discourse: Discourse
) -> tuple[Voice, bool] | None:
    """ "Isaac disagrees:", "Oxfam offered more figures:", "Jane Doe, a blogger from Harbour,
    believes the plan is right:": a line that opens with a name and its verb, whatever the
    verb, introduces what that name wrote or said."""
    first = 0
    while first < len(tokens) and tokens[first].lower in _CONNECTIVES:
        first += 1  # "But Jane Doe reminds critics that ...:"
    if first == len(tokens) or not tokens[first].is_capitalised or tokens[first].lower in STOP_CAPS:
        return None
    mention = mention_after(text, tokens, first, len(tokens))
    if mention is None or mention.kind != "name":
        return None
    k = next((i for i, t in enumerate(tokens) if t.start >= mention.end), len(tokens))
    if k < len(tokens) and tokens[k].text == ",":  # an appositive: "Jane Doe, a blogger, ..."
        k = next((i + 1 for i in range(k + 1, len(tokens)) if tokens[i].text == ","), k)
    verb = tokens[k] if k < len(tokens) else None
    if verb is None or not _lead_in_verb(verb):
        return None
    evidence = "paragraphs after a line that ends in a colon and opens with its speaker"
    return _named_block(discourse, mention, verb, evidence, whole)


def _pronoun_lead_in(
    text: str,
    before: tuple[int, int],
    tokens: list[Token],
    names: frozenset[str],
    discourse: Discourse,
) -> tuple[Voice, bool] | None:
    """ "Jane Doe blogs on cinema regularly. Here he shares the latest figures:": a lead-in
    whose subject is "he", "she" or "they" introduces the words of the name that opens the
    sentence before it."""
    first = 0
    while first < len(tokens) and tokens[first].lower in _CONNECTIVES | _PLACE_ADVERBS:
        first += 1
    if first + 1 >= len(tokens) or tokens[first].lower not in ("he", "she", "they"):
        return None
    verb = tokens[first + 1]
    if not _lead_in_verb(verb):
        return None
    previous = tokenize(text, *before, names)
    if not previous or not previous[0].is_capitalised or previous[0].lower in STOP_CAPS:
        return None
    mention = mention_after(text, previous, 0, len(previous))
    if mention is None or mention.kind != "name":
        return None
    evidence = "paragraphs after a line that ends in a colon, its speaker named just before"
    return _named_block(discourse, mention, verb, evidence, False)


_PLACE_ADVERBS = word_set("here below there now")


def _lead_in_verb(token: Token) -> bool:
    """Whether a word after a lead-in's subject is its verb ("disagrees", "offered", "has")."""
    low = token.lower
    return token.text.islower() and (low in FINITE_VERBS or low.endswith(("s", "ed")))


def _named_block(
    discourse: Discourse, mention: Mention, verb: Token, evidence: str, whole: bool
) -> tuple[Voice, bool] | None:
    """The block a lead-in gives to the name its line opens with, if the name is someone's."""
    who, _confidence = discourse.resolve(mention, mention.start)
    if who is None:
        return None
    return _block_voice(who, mention, (verb.start, verb.end), verb.lower, evidence), whole


def _block_voice(
    who: str, mention: Mention, cue: tuple[int, int], cue_words: str, evidence: str
) -> Voice:
    """The voice of the paragraphs a lead-in introduces, with the words that gave it."""
    return Voice(
        who,
        "direct",
        BLOCK_FIRST,
        evidence,
        speaker_span=(mention.start, mention.end),
        cue_span=cue,
        cue=cue_words,
    )


_WHERE_WORDS = 6
# "Governor Roe of Maine:", "Jane Doe, Director:": a line that is only a speaker's name
_NAME_LINE = re.compile(
    r"[*_]*(?P<who>[A-Z][^:\n,]{1,60}?)(?:\s+of\s+(?:the\s+)?[A-Z][^:\n,]{1,40}|,[^:\n]{1,60})?"
    r"[*_]*:[*_]*$"
)


def _name_line(
    text: str, paragraph: Paragraph, discourse: Discourse, names: frozenset[str]
) -> Voice | None:
    """A line naming only a person, over their words (a statement's speaker standing alone
    above it, as releases gathering several statements print them)."""
    match = _NAME_LINE.fullmatch(text, paragraph.start, paragraph.end)
    if match is None:
        return None
    start, end = match.span("who")
    who = _label_speaker(text, start, end, text[start:end], discourse, names)
    if who is None:
        return None
    return Voice(
        who,
        "direct",
        BLOCK_FIRST,
        "paragraphs under a line naming their speaker",
        speaker_span=(start, end),
    )


# "Jane Doe, upon testing the program, asked:": what follows is hers, questions and all
_ASKS = word_set("asked asks wondered wonders")


def _comma_before_quotation(text: str, paragraph: Paragraph) -> bool:
    """ "Jane Doe wrote on her blog," ending a paragraph whose next one opens with a quotation
    mark, or speaks in the first person ("Jane Doe said,¶I never dreamed ..."): a lead-in as
    "...:" is."""
    if text[paragraph.end - 1] != ",":
        return False
    following = text[paragraph.end :].lstrip()
    return bool(following) and (
        following[0] in "\"“‘'«" or _comma_before_own_words(text, paragraph)
    )


def _comma_before_own_words(text: str, paragraph: Paragraph) -> bool:
    """ "Jane Doe said," over paragraphs in her own first person, with no quotation marks:
    what follows is hers for as long as it stays in the first person."""
    following = text[paragraph.end :].lstrip()
    return text[paragraph.end - 1] == "," and bool(_OPENS_OWN.match(following))


# a paragraph that opens in the speaker's own voice
_OPENS_OWN = re.compile(r"(?:I|We|My|Our|You|Your)\b|(?:[A-Z]\w*\s+){0,5}?(?:I|we|my|our)\b")


_ABOUT = word_set("about on in at out over of with for aloud")


def _according_block(
    text: str, tokens: list[Token], k: int, discourse: Discourse, structure: Structure
) -> Voice | None:
    """ "According to a 2011 survey of ...:" over a list of its findings."""
    mention = mention_after(text, tokens, k + 2, len(tokens))
    if mention is None:
        return None
    source, _confidence = discourse.resolve(mention, mention.start)
    narrator = structure.narrator
    if narrator is not None and narrator.speaker:
        return dataclasses.replace(narrator, reported=source, cue="according to", relays=False)
    return Voice(
        source,
        "narration",
        BLOCK_FIRST,
        "findings listed after “according to”",
        speaker_span=(mention.start, mention.end),
        cue_span=cue_span(tokens, k),
        cue="according to",
    )


def _handle_line(
    text: str,
    start: int,
    end: int,
    tokens: list[Token],
    discourse: Discourse,
    names: frozenset[str],
) -> Voice | None:
    """ "Jane Doe @janedoe:" or "@janedoe:" over a post."""
    line = text[start:end]
    handle = _HANDLE.search(line)
    if handle is None or len(line.split()) > 6:
        return None
    before = line[: handle.start()].strip()
    who = None
    if before:
        mention = interpret(text, tokenize(text, start, start + len(before), names))
        if mention is not None and mention.kind == "name":
            who = discourse.registry.register(mention, start)
    who = who or handle_owner(text[:start], handle.group(), discourse.registry) or handle.group()
    return Voice(
        who,
        "direct",
        BLOCK_FIRST,
        "a post under its author's name",
        speaker_span=(start, start + (len(before) if before else handle.end())),
    )


def handle_owner(before: str, handle: str, registry: Registry) -> str | None:
    """The name a handle spells ("@SenJaneDoe", "@JaneDoeOffici" cut at fifteen letters):
    someone the article registered, else a name written before it."""
    spelt = handle.lstrip("@").lower()

    def spells(name: str) -> bool:
        joined = "".join(re.findall(r"[^\W_]+", name)).lower()
        if len(name.split()) < 2 or len(joined) < 6:
            return False
        return joined in spelt or (len(spelt) >= 8 and joined.startswith(spelt))

    known = [n for n in registry.people if spells(n)]
    if known:
        return known[0]
    written = [
        " ".join(words[i:j])
        for m in _WRITTEN_NAME.finditer(before)
        for words in [m.group().split()]
        for i, j in itertools.combinations(range(len(words) + 1), 2)
        if spells(" ".join(words[i:j]))
    ]
    return written[-1] if written else None  # "While Jane Doe ...": the name within a run


_WRITTEN_NAME = re.compile(r"\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){1,3}")


def _leaves_quote_open(line: str) -> bool:
    """Whether a paragraph opens a quotation it does not close (the next paragraph goes on
    with it, as English quotation over several paragraphs does)."""
    if "“" in line:
        quotes = find_quotes(line, 0, len(line))
        return bool(quotes) and not quotes[-1].closed
    return (
        "“" not in line
        and "”" not in line
        and line.count('"') % 2 == 1
        and (line.rstrip()[-1:] != '"')
    )


def _goes_on_quoting(line: str) -> bool:
    """Whether a paragraph after one that left a quotation open carries it on: it opens
    with a quotation mark, as English quotation over paragraphs does, or closes the mark."""
    return line[:1] in "\"“‘'«" or "”" in line or "»" in line or line.count('"') % 2 == 1


def _closes_quote(line: str) -> bool:
    """Whether a paragraph ends a quotation opened in a paragraph before it."""
    end = line.rstrip(" .")
    return end.endswith(("”", '"')) and line.count("“") < line.count("”") + line.count('"') // 2


def _ends_block(
    text: str,
    paragraph: Paragraph,
    block: Voice,
    speaker_words: tuple[str, ...],
    names: frozenset[str],
) -> bool:
    """Whether a paragraph after "X said:" is no longer X's."""
    line = text[paragraph.start : paragraph.end]
    if line.endswith(":"):
        return True  # a lead-in of its own: what follows is introduced anew
    if line[0] in "\"“‘'«" or _POSTED.match(line):
        return False  # a quotation, or a post under its handle: X's, unless it says otherwise
    # the paragraph's first sentence says whether it goes on with the statement; a later
    # sentence that names someone speaking is read on its own ("They also claimed ...")
    first = split_sentences(text, paragraph.start, paragraph.end)[0]
    tokens = tokenize(text, paragraph.start, first[1], names)
    words = [t for t in tokens if t.is_word]
    pronoun = bool(words) and words[0].lower in ("he", "she", "they")
    if pronoun and any(is_cue(tokens, k) for k in range(len(tokens))):
        # "She added that ...": the narrator is back; "She was never forced to ...", with no
        # cue, is more of the statement, about someone
        return True
    surname = [w for w in speaker_words if len(w) > 2]
    if surname and any(t.lower == surname[-1] for t in words):
        return True
    if _INSTITUTION_SUBJECT.search(text, paragraph.start, first[1]):
        return True
    for k in range(1, len(tokens)):
        before = tokens[k - 1]
        named = before.is_word and before.is_capitalised and before.lower not in STOP_CAPS
        if is_cue(tokens, k) and named and before.lower not in FIRST_PERSON:
            return True
        following = tokens[k + 1] if k + 1 < len(tokens) else None
        # '"...," said Ann Lee' after a comma or a quotation, not "They claimed Ann was ..."
        inverted = (
            following is not None
            and following.is_capitalised
            and following.is_word
            and (before.text in ",\"“”'’" or not before.is_word)
        )
        if is_cue(tokens, k) and inverted and following.lower not in STOP_CAPS | FIRST_PERSON:
            return True  # '"...," said Ann Lee': someone else speaks
        if tokens[k].lower == "according" and is_cue(tokens, k):
            return True
    return False
