"""Check-worthiness: how much a candidate reads like a checkable assertion of fact.

Plain signals weighed together (as log-odds, turned into a score between 0 and 1), each
reported as a reason an editor can read: numbers, dates, named entities, comparisons, causal
links and specific events raise it; rhetorical questions, intentions, opinions and vague
wording lower it. The score is a hint for sorting,
never a filter: every candidate is returned whatever its score. What is no assertion at all
(a courtesy, a pointer to another page, a question without a figure) is told apart here too,
and is no candidate.
"""

from __future__ import annotations

import math
import re

from .lexicon import SELF_PLURAL, SELF_SINGULAR, as_written

_NUMBER = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty"
    r"|forty|fifty|hundreds?|thousands?|millions?|billions?|trillions?|dozens?|twice"
    r"|double|half|third|quarter|second|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|majority|minority)\b",
    re.IGNORECASE,
)
# A figure written in digits that counts or measures something; an ordinal ("the 28th
# minute"), a clock time or a bare number word says less.
_QUANTITY = re.compile(
    r"(?<![\w:])(?:[$£€¥]\s?)?\d[\d,.]*(?!\d)(?!st\b|nd\b|rd\b|th\b|:\d)"
    r"|\b(?:hundreds?|thousands?|millions?|billions?|trillions?|dozens?|twice|double|half)\b",
    re.IGNORECASE,
)
_PERCENT = re.compile(r"\d\s?%|\bper ?cent\b|\bpercentage points?\b", re.IGNORECASE)
_DATE = re.compile(
    r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?:1[89]|20)\d{2}s?\b|\d{1,2}[./]\d{1,2}[./]\d{2,4}"
    r"|\b(?:yesterday|last (?:week|month|year)|(?:early|late|mid)[ -]\d{4})\b",
)
_CAPITALISED = re.compile(r"\b[A-Z][\w'’\-.]*")
_COMPARISON = re.compile(
    r"\b(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|better|worse|most|least"
    r"|than|largest|biggest|highest|lowest|best|worst|first|record|twice|doubled|tripled"
    r"|increased?|decreased?|rose|fell|grew|declined|radically different|in a row"
    r"|(?:down|up) (?:from|to|by)|(?:come|gone|went|going|coming) (?:down|up)|lowest|highest)\b",
    re.IGNORECASE,
)
_CAUSAL = re.compile(
    r"\b(?:because|due to|led to|leads? to|caused?|causes|as a result|resulted in|results in"
    r"|owing to|thanks to|therefore|consequently|in response to|forced)\b",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:accepted|received|met|signed|published|rejected|announced|killed|launched|passed"
    r"|voted|approved|invaded|attacked|arrested|won|lost|sent|handed|presented|held|took place"
    r"|declared|introduced|adopted|joined|withdrew|banned|imposed|shifted|destroyed|captured"
    r"|fired|struck|shot|paid|requested|warned|proved|admitted|elected|appointed|visited)\b",
    re.IGNORECASE,
)
# Greetings and thanks in a transcript: "Good afternoon", "Thank you, Jane", "Go ahead".
_COURTESY = re.compile(
    r"^\W*(?:(?:oh|well|so|and|yes|okay|ok)\W+)*(?:\w+(?:\s\w+)?,\s*)?"
    r"(?:good (?:morning|afternoon|evening)|thank you|welcome back"
    r"|thanks|go ahead|hello|hi|welcome|please|sorry|love it|it['’]s (?:so )?good"
    r"|happy (?:\w+['’]s )?(?!to\b)\w+(?: \w+)?(?:,? (?:everybody|everyone|all|to (?:you|everyone"
    r"|everybody|all)))?(?=[.!]?\s*$)"
    r"|nice to (?:see|meet) you|i yield(?: back)?)\b"
    r"(?:[^.!?]|\b(?:mr|mrs|ms|dr|prof|sen|rep|gov|gen)\.){0,40}[.!?]?\s*$",
    re.IGNORECASE,
)


# Turn-taking and pleasantries that do not open with a greeting: "Our next question will go
# to Jane with Reuters.", "With that, I'll take some questions.", "It's great to be with you
# all.", "I get it.", "We can follow up with you afterward."
_TURN_TAKING = re.compile(
    r"^\W*(?:(?:oh|well|so|and|now|then|with that|okay|ok|all right|alright)\W+)*(?:"
    r"(?:our|the|my|your) (?:first|next|last|final|following) question"
    r" (?:will |is going to )?(?:go(?:es)?|come(?:s)?|is) (?:to|from)\b"
    r"|(?:i|we|he|she|they)(?:['’]ll|['’]d| will| would| am| are|['’]m|['’]re)? (?:be )?"
    r"(?:happy |glad )?(?:to )?take (?:a few |some |a couple of |your )?questions\b"
    r"|(?:we|i) (?:have|are joined by) (?:another |a )?(?:very )?special guests?\b"
    r"|(?:he|she|they)(?:['’]s|['’]re| is| are| will)? (?:going to )?(?:give|provide) "
    r"(?:a |an )?(?:brief |short |quick )?(?:update|overview)\b[^.!?]{0,60}\bat the top\b"
    r"|(?:i am|i['’]m|it['’]s|it is|we are|we['’]re) (?:very |so |really |truly )?"
    r"(?:honou?red|great|good|pleased|delighted|glad|happy|wonderful|nice|thrilled) to be"
    r" (?:here|with (?:you|all of you|everyone))\b"
    r"|(?:i|we) (?:get|understand|hear) (?:it|you)[.!]?$"
    r"|(?:i|we) can follow up with you\b"
    r"|(?:i|we)(?:['’]ll| will)? (?:now |just )?move on\b"
    # handing the floor over, announcing a statement or what comes "at the top"
    r"|(?:i|we)(?:['’]ll| will| would| am going to|['’]m going to|['’]d| would)?"
    r" (?:now |then |just )?(?:like to )?(?:hand|turn|pass|give)"
    r" (?:(?:it|things|the floor|this) (?:over|back)\b|(?:it |things )?(?:over |back )?to\b)"
    # "I am joined today by the Health Secretary": who stands beside the speaker
    r"|(?:i|we)(?: am|['’]m| are|['’]re) joined (?:today |here |again |this \w+ )?by"
    r" (?:the |my |our |(?-i:[A-Z]))"
    r"|(?:\w+,\s*)?(?:the floor|the podium|the mic(?:rophone)?) is (?:all )?yours\b"
    r"|(?:i|we)(?:['’]ll| will| would like to| want to)? (?:make|give|read|deliver) "
    r"(?:a|an|my|our) (?:brief |short |quick |opening )?(?:statement|remarks)\b"
    r"|(?:i|we) (?:just )?(?:have|had|got) (?:one|two|three|a few|a couple(?: of)?|a) "
    r"(?:quick )?(?:things?|items?|announcements?|notes?|updates?) (?:at|for|to start at) the top\b"
    r"|let me (?:just )?(?:pass|hand|turn|start|begin|kick|open|close) "
    r"(?:this|these|it|things|us|off|with|by|out)\b"
    # the room and who a greeting is from: "Wow, this is a full house.", "That's from me."
    r"|(?:wow,\s*)?(?:this|it) is (?:a )?(?:full|packed|crowded) (?:house|room)[.!]?$"
    r"|that['’]s (?:it |all )?(?:for|from)\b[^.!?]{0,20}\b(?:me|us|[A-Z]\w+)[.!]?$"
    # "See you tomorrow.", "I'd refer you to the Department of Transportation on that."
    r"|see you (?:all |guys )?(?:tomorrow|next \w+|then|soon|later|on \w+|in \w+)\b"
    r"|(?:i|we)(?:['’]d| would|['’]ll| will)? (?:have to )?refer you (?:back )?to\b"
    r")[^.!?]{0,80}[.!?]?\s*$",
    re.IGNORECASE,
)

_THANKS = re.compile(r"\bthank you\b", re.IGNORECASE)
_VERB = re.compile(
    r"\b(?:is|are|was|were|has|have|had|do|does|did|will|would|can|could|may|might|must"
    r"|shall|should|said|says|made|make|gave|give|got|get|took|take)\b|\w['’](?:s|re|ve|ll|d)\b"
    r"|\w{3,}ed\b",
    re.IGNORECASE,
)


def is_courtesy(text: str) -> bool:
    """ "Thank you, Madam Chair.", "I yield back the balance of my time.", "Our next question
    will go to Jane.": turn-taking, with nothing in it to check."""
    if re.search(r"\d", text):
        return False
    if _THANKS.search(text) and not _VERB.search(_THANKS.sub(" ", text)):
        return True  # "To our President, thank you for your leadership."
    return bool(_COURTESY.match(text) or _TURN_TAKING.match(text))


# A line that sends the reader somewhere: "Find out how each MEP voted.", "Read more here.",
# "The full report is available here." A link's words, with nothing in them to check.
_CALL_TO_ACTION = re.compile(
    r"^\W*(?:for (?:more|further|full)(?: detailed)? (?:information|details|info),?\s+)?"
    r"(?:please\s+)?(?:to\s+)?(?:find out|read (?:more|the full|it|on|below)|click|tap|learn more"
    r"|sign up"
    r"|subscribe|download|visit|view (?:the|our|all|more)|watch (?:the|our|it|more)"
    r"|share (?:this|on|via)|get (?:the latest|our (?:newsletter|daily|weekly))"
    r"|see (?:more|the full|also|below|above|here)|check out|listen (?:to|here)"
    r"|follow (?:us|the link|this link|our)|more (?:information|details|info)\b[^.!?]{0,30}"
    r"\b(?:here|below|above|online|at)\b)\b"
    r"|\b(?:available|published|found|read|viewed|watched|downloaded|accessed|listed)"
    r"(?: in full| online| to (?:view|read|watch|download))?\s+(?:here|below|above|online)\b"
    r"|\bclick here\b"
    r"|^\W*see the [^.]{1,40} for (?:more|further|full) (?:details|information)\b"
    # "The following video shows ...", "Results are reproduced below.", "A list of their
    # crimes can be seen at ...": a pointer to media or a page the text does not hold
    r"|^\W*(?:the following (?:video|image|photo|picture|graph|chart|map|table|clip)s?"
    r"|below (?:is|are) (?:the|a|an|some)\b)"
    r"|\b(?:reproduced|shown|embedded) (?:below|above)\b"
    r"|\bcan be (?:(?:seen|read|viewed|watched|downloaded) (?:at|on|here|below|online)"
    r"|found (?:at|here|below|online))\b"
    r"|^\W*(?:related|more on this|read next|also read|recommended)"
    r"(?:\s+(?:story|stories|articles?|links?))?\s*:",
    re.IGNORECASE,
)
_CALL_WORDS = 20
_ENDS_IN_A_LINK = re.compile(r"\b(?:click|tap) here\W*$", re.IGNORECASE)


# A reference to another document by its kind and title: 'European Commission press release:
# "Commission proposes ..."', "Full report: 'Rivers in 2025'".
_REFERENCE = re.compile(
    r"^[^.!?:\n]{0,60}\b(?:press release|news release|report|fact ?sheet|study|paper"
    r"|guidance|consultation|publication)\s*:\s*[\"“‘'][^\n]+(?<![.!?,])[\"”’']$",
    re.IGNORECASE,
)


def is_reference(text: str) -> bool:
    """'Agency press release: "Agency funds projects ..."': another document named by its kind
    and its quoted title, which is no claim of the page's."""
    return bool(_REFERENCE.match(text.strip()))


# A direct question opens on a question word or an inverted verb: "Why should we ...?",
# "Is this fair?"; "Protests continue, right?" and "I ask why he did it?" assert something.
_ASKS = re.compile(
    r"^\W*(?:why|how|what|who|whom|whose|which|when|where|whether|is|are|was|were|do|does"
    r"|did|can|could|should|would|will|shall|may|might|must|have|has|had|isn['’]t|aren['’]t"
    r"|don['’]t|doesn['’]t|didn['’]t|can['’]t|won['’]t|wouldn['’]t|shouldn['’]t)\b",
    re.IGNORECASE,
)


def is_direct_question(text: str) -> bool:
    """ "How can anyone defend what it did?": a question asks and asserts nothing to check,
    unless it holds a figure it takes as given ("How can the council explain 9 hours
    offline?")."""
    posted = _POST_PREFIX.match(text)
    core = _TRAILING_TAGS.sub("", text[posted.end() :] if posted else text)
    opener = _ASKS.match(core) or _ASKS.match(_LEADING_CONNECTIVE.sub("", core))
    # a short post that asks ("@jdoe: So Ammar is out?") asks whatever its word order
    short_post = posted is not None and len(core.split()) <= _SHORT_POST_WORDS
    asks = core.rstrip("\"”’'»)] ").endswith("?") and bool(opener or short_post)
    return asks and not re.search(r"\d", core)


_SHORT_POST_WORDS = 12
_POST_PREFIX = re.compile(r"\W*@\w+\s*:\s*")
_MARKS = "[\u200e\u200f\u202a-\u202e]*"  # direction marks around a hashtag in a quoted post
_TRAILING_TAGS = re.compile(rf"(?:\s*{_MARKS}#\w+{_MARKS})+\s*$")
_LEADING_CONNECTIVE = re.compile(r"^\W*(?:so|and|but|then|now|well)\b[,\s]*", re.IGNORECASE)


def is_call_to_action(text: str) -> bool:
    """ "Find out how each MEP voted.", "For all the details, it will be available in full
    here": a pointer to another page or part of the page, not an assertion."""
    if is_reference(text):
        return True  # a title, not a quotation: it ends without a full stop
    words = _WORD.findall(text)
    pointer = _ENDS_IN_A_LINK.search(text)  # "To read more about ..., click here."
    if (len(words) > _CALL_WORDS and not pointer) or not _CALL_TO_ACTION.search(text):
        return False
    # a figure outside brackets (a date in brackets is the linked page's) is a claim's
    return not _QUANTITY.search(re.sub(r"\([^)]*\)", " ", text))


_QUESTION = re.compile(r"\?\s*$|^\W*(?:why|how can|how could|what for)\b", re.IGNORECASE)
_INTENTION = re.compile(
    r"\b(?:will|shall|going to|intends?(?: to)?|plans? to|ready to|prepared to|wants? to"
    r"|would like|aims? to|hopes? to|promised? to|must|should|needs? to|have to|has to"
    r"|let us|let's|continue to)\b",
    re.IGNORECASE,
)
_OPINION = re.compile(
    r"\b(?:i think|we think|i believe|we believe|convinced|in my (?:view|opinion)|obviously"
    r"|absurd|shameful|disgraceful|outrageous|unacceptable|ridiculous|nonsense"
    r"|terrible|wonderful|racism|russophobia|hysteria|cynical|hypocri\w*|so-called|arrogant"
    r"|aggressive|irresponsible|in line with|nothing to do with|the real)\b",
    re.IGNORECASE,
)
_VAGUE = re.compile(
    r"\b(?:some|something|somehow|certain|things|kind of|various|many of us|someone)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W_]+")
# The speaker's own experience or stance ("I try to work on a low budget"), which holds a
# checkable fact less often than a statement about the world.
_FIRST_PERSON = as_written(SELF_SINGULAR | SELF_PLURAL)

# Log-odds that a candidate holds a check-worthy claim, each signal's weight fitted over all
# the development sets together and kept only where it ranked the sets left out of the fit
# better too (bench/README.md): figures, events told in the past tense and assertions
# attributed to someone weigh most; a quotation or the page's own narration holds a claim
# less often than words reported as someone's assertion. The base is set so that the desk's
# check-worthy threshold (a score of one half) passes about as many candidates as before the
# weights were fitted, and more of the labelled ones.
_BASE = -0.2
_WEIGHTS = {
    "number": 0.6,
    "quantity": 1.35,
    "percentage": 1.4,
    "date": 0.25,
    "named entity": 0.1,
    "several named entities": 0.6,
    "comparison": 0.45,
    "causal": 0.1,
    "specific event": 0.5,
    "reported speech": 0.6,
    "rhetorical question": -0.4,
    "intention": -0.45,
    "opinion": -0.85,
    "vague": -1.2,
    "courtesy": -2.0,
    "first person, no figure": -0.25,
    "past event": 0.7,
    "attributed assertion": 0.8,
    "quotation without a checkable fact": -0.3,
    "fragment": -0.45,
    "quoted words": -0.75,
    "narration": -0.55,
}
# What a candidate can be checked against: without any of these, a quotation is a view.
_CHECKABLE = frozenset({"number", "date", "named entity", "comparison", "causal", "specific event"})
# Something that happened: a past tense ("fell", "was arrested", "had voted").
_PAST = re.compile(r"\b(?:was|were|had|did)\b|\b[a-z]{3,}ed\b")
_FRAGMENT_WORDS = 8


def checkworthiness(
    text: str, *, reported: bool = False, kind: str = "narration"
) -> tuple[float, list[str]]:
    """A score in [0, 1] and the reasons behind it, strongest signals first.

    `kind` is the statement's: someone's words reported ("indirect") are an assertion
    attributed to them, a quotation ("direct") says something checkable only when it holds a
    figure, a name, a date, a comparison, a cause or an event."""
    found = dict(_signals(text, reported=reported))
    found["attributed assertion"] = kind == "indirect"
    found["quotation without a checkable fact"] = kind == "direct" and not any(
        found[name] for name in _CHECKABLE
    )
    found["quoted words"] = kind == "direct"
    found["narration"] = kind == "narration"
    reasons = [name for name in _WEIGHTS if found.get(name)]
    odds = _BASE + sum(_WEIGHTS[r] for r in reasons)
    score = 1 / (1 + math.exp(-odds))
    return round(min(0.99, max(0.01, score)), 3), reasons


def _signals(text: str, *, reported: bool) -> list[tuple[str, bool]]:
    entities = _entities(text)
    words = len(_WORD.findall(text))
    quantity = bool(_QUANTITY.search(text))
    facts = bool(entities) or bool(_NUMBER.search(text))
    question = bool(_QUESTION.search(text))
    return [
        ("number", bool(_NUMBER.search(text))),
        ("quantity", quantity),
        ("percentage", bool(_PERCENT.search(text))),
        ("date", bool(_DATE.search(text))),
        ("named entity", bool(entities)),
        ("several named entities", len(entities) >= 3),
        ("comparison", bool(_COMPARISON.search(text))),
        ("causal", bool(_CAUSAL.search(text))),
        ("specific event", bool(_EVENT.search(text))),
        ("past event", bool(_PAST.search(text)) and not question),
        ("reported speech", reported),
        ("rhetorical question", question),
        ("intention", bool(_INTENTION.search(text))),
        ("opinion", bool(_OPINION.search(text))),
        # "Fishing boats £15": a short table row with a figure is not vague
        ("vague", (words < 6 and not quantity) or (not facts and bool(_VAGUE.search(text)))),
        ("fragment", 6 <= words < _FRAGMENT_WORDS and not quantity),
        ("courtesy", bool(_COURTESY.match(text))),
        ("first person, no figure", bool(_FIRST_PERSON.search(text)) and not quantity),
    ]


def _entities(text: str) -> set[str]:
    """Capitalised words that do not merely start a sentence: names, places, acronyms."""
    found = set()
    for match in _CAPITALISED.finditer(text):
        before = text[: match.start()].rstrip()
        word = match.group().rstrip(".")
        starts_sentence = not before or before[-1] in '.!?"“:' or word == "I"
        if starts_sentence and not (word.isupper() and len(word) > 1):
            continue
        found.add(word)
    return found
