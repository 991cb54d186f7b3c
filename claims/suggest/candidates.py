"""From a statement to atomic claim candidates.

A statement (a whole quotation, a reported clause, a sentence of narration) may hold several
checkable assertions. It is cut into sentences, each sentence into the independent clauses it
joins (", and said ...", ", but ...", "; "; never at a bare comma), and each clause is trimmed
so that the candidate starts with its assertion. Inside a quotation, a speaker may relay
someone else ("Mr. Trudeau, the prime minister, said that ..."): that clause keeps the quoted
speaker and names the relayed one as `reported_speaker`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .attribution import (
    Discourse,
    Statement,
    _clause_ahead,
    _that_opens_clause,
    answered_by_share,
)
from .lexicon import (
    CUE_WORDS,
    FINDING_NOUNS,
    FINITE_VERBS,
    FIRST_PERSON,
    LEADING_CONNECTORS,
    PASSIVE_BEFORE_CUE,
    SELF_PLURAL,
    SELF_SINGULAR,
    SKIP_BEFORE_CUE,
    word_set,
)
from .phrases import cue_fits, is_cue, mention_after, mention_before
from .quotes import find_quotes
from .segment import split_sentences
from .tokens import Token, tokenize

_CONJUNCTIONS = frozenset({"and", "but", "yet", "so"})
_SUBJECTS = word_set("it this that they we he she these those there i you such")
_VERBISH = FINITE_VERBS
_ADVERBIAL_OPENERS = word_set(
    """
    in on at for with by from after before during when if while although though because since
    as unless until despite under over of to especially like without within amid among only
    just even also still yet here there then now
    """
)
_SUBORDINATORS = word_set("that while whereas")
_FILLERS = (", just like that", ", of course", ", you know", ", so to speak", ", in fact")
_MIN_WORDS = 3


@dataclass(frozen=True)
class Piece:
    """One atomic span of a statement, and whom the statement's speaker was relaying."""

    start: int
    end: int
    reported_speaker: str | None = None


def atomic_pieces(
    text: str, statement: Statement, discourse: Discourse, names: frozenset[str]
) -> list[Piece]:
    """The atomic claim spans of one statement, in text order."""
    inner = [q.outer for q in find_quotes(text, statement.start, statement.end)]
    pieces: list[Piece] = []
    relayed: str | None = None  # whom the last clause relayed: "He estimated ..." goes on
    for s, e in split_sentences(text, statement.start, statement.end, inner):
        tokens = tokenize(text, s, e, names)
        for a, b in _clauses(tokens):
            clause = tokens[a:b]
            report = _relayed(
                text,
                clause,
                discourse,
                statement.speaker,
                relayed,
                findings_only=statement.kind == "narration",
                # "claimed Britain believed ...": what Britain believes is the claim, where
                # "According to ABC, Basya believes ..." relays Basya
                beliefs_claimed=statement.cue not in (None, "according to"),
            )
            span = None
            if report is not None:
                relayed, begin = report
                span = _trim(text, begin, clause[-1].end, after_cut=True)
                if not span or _words(text, *span) < _MIN_WORDS:
                    # "..., a figure the agency described as unprecedented": a cue at the
                    # clause's end relays nothing, and the clause stays the statement's
                    report = span = None
                else:
                    # "Lawmakers rejected it, although reports stated", "Holt said prices were
                    # falling, though figures show": the words before stay the statement's
                    own = _own_before(text, clause, begin, a > 0)
                    if own is not None:
                        pieces.append(Piece(*own, reported_speaker=statement.reported))
            if report is None:
                relayed = None
                span = _trim(text, clause[0].start, clause[-1].end, after_cut=a > 0)
            if span and _words(text, *span) >= _MIN_WORDS:
                who = relayed if report else statement.reported
                pieces.append(Piece(*span, reported_speaker=who))
    return pieces


def _clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    """Token ranges of the independent clauses a sentence joins."""
    bounds = [0]
    for k in range(1, len(tokens) - 1):
        if _cut_here(tokens, bounds[-1], k):
            bounds.append(k)
    bounds.append(len(tokens))
    return [(a, b) for a, b in itertools.pairwise(bounds) if a < b]


def _cut_here(tokens: list[Token], begin: int, k: int) -> bool:
    """Whether a new independent clause starts at tokens[k] (after a comma or semicolon),
    the current one having started at tokens[begin] and holding a verb of its own. A dash
    never cuts: what follows it restates or qualifies the clause before ("in hospital - that
    is an increase of 23"), as the labels keep it."""
    before = tokens[k - 1].text
    if before not in ",;" or _nesting(tokens, k):
        return False
    if not _has_words(tokens, begin, k - 1, _MIN_WORDS):
        return False
    if before == ";":
        # "the five members of the Council; United States, ...; plus Germany — reached": a
        # list inside a dash aside, or items without a verb ("gold; the automotive sector;
        # and oil"), are one clause's
        dashes = sum(1 for t in tokens[begin:k] if t.text in "—–")
        upto = next((j for j in range(k, len(tokens)) if tokens[j].text == ";"), len(tokens))
        if dashes % 2 or not _has_finite_verb(tokens[k:upto]):
            return False
        # "...; 72 percent opposed" (three words) and "...; this has dropped" complete the
        # clause before them
        enough = _has_words(tokens, k, upto, _SEMICOLON_CLAUSE_WORDS)
        return enough and not _refers_back(tokens[k : k + 5])
    if not _has_verb(tokens[begin : k - 1]):
        return False
    if _fragment(tokens[begin : k - 1]):
        return False
    word = tokens[k].lower
    rest = tokens[k + 1 : k + 9]
    if word not in _CONJUNCTIONS:
        # A bare comma never cuts: "Prices rose sharply, they are still rising" is one claim
        # as fact-checkers label it, and a phrase opening a sentence stays with its clause.
        return False
    if word == "but" and any(t.lower == "only" for t in tokens[max(0, k - 6) : k]):
        return False  # "not only Russia, but all Russians"
    since = max((j for j in range(begin, k - 1) if tokens[j].text == ","), default=begin - 1)
    if len(rest) > 1 and rest[0].lower == "that" and rest[1].lower not in _VERBISH:
        return False  # "said that A, but that B": a second clause of the same report
    if word == "and":
        # "The port grew by 40%, and the ferry lost 3 routes": one sentence, one claim, as a
        # fact-checker quotes it; "..., and added that ...": a report of its own
        return bool(rest) and rest[0].lower in CUE_WORDS
    pronoun = bool(rest) and rest[0].lower in _SUBJECTS
    if not pronoun and not _has_finite_verb(tokens[since + 1 : k - 1]):
        return False  # the last item of a list: "food, energy, and trade services slowed"
    return _clause_follows(rest)


_SEMICOLON_CLAUSE_WORDS = 4
_BACK_REFERENCES = word_set("this these those")


def _refers_back(tokens: list[Token]) -> bool:
    """Whether a clause after a semicolon leans on the one before: "...; this has dropped to
    56 percent today", "...; 39 percent of these are rated critical"."""
    words = [t.lower for t in tokens if t.is_word]
    if words and words[0] in _BACK_REFERENCES:
        return True
    return any(a == "of" and b in _BACK_REFERENCES for a, b in itertools.pairwise(words))


def _clause_follows(tokens: list[Token]) -> bool:
    """Whether the words after a joint read as a clause with its own verb."""
    words = [t for t in tokens if t.is_word]
    if len(words) < 2:
        return False
    if _adverbial_opener(words[0].lower):
        # "..., but for corals, it destroys ...": a short phrase, a comma, then a subject
        comma = next((m for m, t in enumerate(tokens) if t.text == ","), None)
        after = tokens[comma + 1].lower if comma is not None and comma + 1 < len(tokens) else ""
        if after in _SUBJECTS - {"that", "such"}:
            return True
    if words[0].lower in _SUBJECTS:
        return True
    if words[0].lower in CUE_WORDS:
        return True  # "..., and added that ...": more words reported
    if words[0].lower in _VERBISH or words[0].lower.endswith("ed"):
        return False  # "fell, and is now at its lowest": one subject, two verbs
    return any(
        w.lower in _VERBISH or (w.lower.endswith("ed") and len(w.text) > 4) for w in words[:6]
    )


def _nesting(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] sits inside brackets or an inline quotation."""
    depth = 0
    quoted = False
    for token in tokens[:k]:
        if token.text in "([":
            depth += 1
        elif token.text in ")]":
            depth = max(0, depth - 1)
        elif token.text in '"“”«»':
            quoted = not quoted
    return depth > 0 or quoted


_TIME_TAIL = word_set(
    "ago yesterday today tonight tomorrow night week month year morning afternoon evening"
)


def _has_verb(tokens: list[Token]) -> bool:
    """Whether a stretch of words can be a clause of its own: it holds a finite verb, or at
    least does not open like a mere adverbial ("In Eastport, for the first time, ...")."""
    words = [t for t in tokens if t.is_word]
    while words and words[0].lower in _CONJUNCTIONS:
        words = words[1:]  # "But in my hospital, we lost 40": the adverbial after "but"
    if words and words[-1].lower in _TIME_TAIL and not _has_finite_verb(tokens):
        return False  # "Seventeen years ago, ...": a time, not a clause
    if words and not _adverbial_opener(words[0].lower):
        return True
    for k, token in enumerate(tokens):
        if words and token is words[0]:
            continue  # the participle opening "Measured over 12 months" is not the verb
        low = token.lower
        if low in _VERBISH or (low.endswith("ed") and len(low) > 4):
            return True
        if low in _SUBJECTS - {"that", "such", "there", "this", "these", "those"} and k + 1 < len(
            tokens
        ):
            return True
    return False


_FRAGMENT_WORDS = 6


def _fragment(tokens: list[Token]) -> bool:
    """Whether the words before a comma are a short phrase with no verb or subject of their
    own ("Shortly after 3pm", "On May 25th", "2002 World Cup"), which opens the clause after
    it rather than standing as a claim ("On May" is no modal "may")."""
    words = [t for t in tokens if t.is_word]
    if len(words) > _FRAGMENT_WORDS:
        return False
    return not any(
        (t.lower in _VERBISH and not (t.lower == "may" and t.text[0].isupper()))
        or (t.lower.endswith("ed") and len(t.text) > 4)
        or (t.lower in _SUBJECTS and t.lower not in ("that", "such", "this", "these", "those"))
        for t in words
    )


def _adverbial_opener(low: str) -> bool:
    """ "In Eastport", "only for this test", "Measured over 12 months", "Speaking in Paris"."""
    return low in _ADVERBIAL_OPENERS or (len(low) > 4 and low.endswith(("ed", "ing")))


def _has_finite_verb(tokens: list[Token]) -> bool:
    return any(
        t.lower in _VERBISH or (t.text.islower() and t.lower.endswith("ed") and len(t.text) > 4)
        for t in tokens
    )


def _has_words(tokens: list[Token], a: int, b: int, least: int) -> bool:
    return sum(1 for t in tokens[a:b] if t.is_word) >= least


def _relayed(
    text: str,
    clause: list[Token],
    discourse: Discourse,
    speaker: str | None,
    previous: str | None,
    *,
    findings_only: bool = False,
    beliefs_claimed: bool = False,
) -> tuple[str, int] | None:
    """Someone relayed inside a statement, and where their words start.

    "Mr. Trudeau, the prime minister, said that X" gives (Trudeau, start of X); a following
    "and added that Y" continues with the same relayed person; "according to NATO, X" too.
    In the outlet's narration (`findings_only`) only figures and findings are relayed ("Figures
    published today show that X"): a person or a body named there would have been made the
    statement's speaker, and what is left is the outlet's own report.
    """
    lead = 0
    while lead < len(clause) and clause[lead].lower in LEADING_CONNECTORS - {"that"}:
        lead += 1
    if previous and lead < len(clause) and is_cue(clause, lead):
        return previous, _after_cue(clause, lead)
    if findings_only:
        return _finding_relayed(text, clause, discourse, speaker)
    for k in range(len(clause) - 1):
        if not is_cue(clause, k) or (beliefs_claimed and clause[k].lower in _BELIEFS):
            continue
        if clause[k].lower == "according":
            mention = mention_after(text, clause, k + 2, len(clause))
            comma = next((t for t in clause[k + 2 :] if t.text == ","), None)
            if mention is None or comma is None:
                continue
            who = _relayed_name(discourse, mention, speaker)
            if who:
                return who, comma.end
            continue
        if k == 0:
            continue
        j = k - 1
        while j > 0 and clause[j].lower in SKIP_BEFORE_CUE:
            j -= 1
        before = clause[j].lower
        as_clause = _as_said(clause, j)
        if not as_clause and (
            before in PASSIVE_BEFORE_CUE or (k >= 2 and clause[k - 2].lower == "as")
        ):
            continue  # "as recently said", "it was said"
        mention = mention_before(text, clause, j)
        if (
            previous
            and mention is not None
            and mention.kind == "pronoun"
            and mention.text.lower() in _RELAYED_PRONOUNS
            and cue_fits(clause, k, mention)
        ):
            begin = _after_cue(clause, k)
            if begin > clause[k].end or _clause_ahead(clause[k + 1 : k + 13]):
                return previous, begin  # "... Jane Roe has estimated X. She estimated that Y"
        if mention is None or mention.kind not in ("name", "role", "phrase"):
            continue
        if mention.kind == "phrase" and not _finding(mention):
            continue
        first = next(i for i, t in enumerate(clause) if t.start >= mention.start)
        if answered_by_share(clause, first):
            continue  # "found that 93 percent of respondents said that ...": one finding
        if first > lead and clause[first - 1].lower in _INSIDE_A_CLAUSE:
            continue  # "killed because of reports stating that ...": part of the claim
        if not cue_fits(clause, k, mention):
            continue
        who = _relayed_name(discourse, mention, speaker)
        if who:
            if as_clause:  # "as the Head of the OECD has said, this started ...": after the comma
                comma = next((t for t in clause[k + 1 :] if t.text == ","), None)
                return (who, comma.end) if comma else None
            begin = _after_cue(clause, k)
            if begin == clause[k].end and not _clause_ahead(clause[k + 1 : k + 13]):
                continue  # "Russia had warned against ...": an act, no words reported
            return who, begin
    return None


def _finding_relayed(
    text: str, clause: list[Token], discourse: Discourse, speaker: str | None
) -> tuple[str, int] | None:
    """Figures or a finding the outlet's narration relays: "Figures published today show that
    X", "Recent data suggest X", "according to a 2023 survey, X"."""
    for k in range(len(clause) - 1):
        if not is_cue(clause, k):
            continue
        if clause[k].lower == "according":
            mention = mention_after(text, clause, k + 2, len(clause))
            comma = next((t for t in clause[k + 2 :] if t.text == ","), None)
            if (
                mention is not None
                and comma is not None
                and mention.kind == "phrase"
                and _finding(mention)
            ):
                who = _relayed_name(discourse, mention, speaker)
                return (who, comma.end) if who else None
            continue
        if k == 0:
            continue
        j = k - 1
        while j > 0 and clause[j].lower in SKIP_BEFORE_CUE:
            j -= 1
        if clause[j].lower in PASSIVE_BEFORE_CUE or _as_said(clause, j):
            continue
        mention = mention_before(text, clause, j)
        if mention is None or mention.kind != "phrase" or not _finding(mention):
            continue
        first = next(i for i, t in enumerate(clause) if t.start >= mention.start)
        if first > 0 and clause[first - 1].lower in _TIME_OR_CAUSE:
            continue  # "resigned after an inquiry found he had ...": the outlet's own account
        if not cue_fits(clause, k, mention):
            continue
        begin = _after_cue(clause, k)
        if begin == clause[k].end and not _clause_ahead(clause[k + 1 : k + 13]):
            continue
        who = _relayed_name(discourse, mention, speaker)
        return (who, begin) if who else None
    return _opening_finding(text, clause)


_FINDING_REACH = 4
_FINDING_PHRASE = 9


def _opening_finding(text: str, clause: list[Token]) -> tuple[str, int] | None:
    """A clause that opens on figures or a finding and its verb, however long the phrase
    between them: "Figures to be published today show a record ...", "New data from the
    census suggest that ..."."""
    lead = 0
    while lead < len(clause) and clause[lead].lower in LEADING_CONNECTORS:
        lead += 1
    head = next(
        (
            f
            for f in range(lead, min(len(clause), lead + _FINDING_REACH))
            if clause[f].lower in FINDING_NOUNS
        ),
        None,
    )
    if head is None:
        return None
    for k in range(head + 1, min(len(clause) - 1, head + _FINDING_PHRASE)):
        if clause[k].text in ",;:()":
            return None
        if not is_cue(clause, k) or clause[k].lower == "according":
            continue
        begin = _after_cue(clause, k)
        if begin == clause[k].end and not _clause_ahead(clause[k + 1 : k + 13]):
            return None
        last = k - 1
        while last > lead and clause[last].lower in _AUXILIARIES:
            last -= 1  # "Previous studies have shown": the finding, not its auxiliary
        return text[clause[lead].start : clause[last].end], begin
    return None


_RELAYED_PRONOUNS = frozenset({"he", "she"})
_AUXILIARIES = word_set("have has had also all both")
_BELIEFS = word_set("believe believes believed think thinks")
# Words after which a source is inside the clause's own claim, not relaying it.
_INSIDE_A_CLAUSE = word_set("of by to for with from about despite amid after before")
# ... and, for findings ("data from the census show"), only a time or a cause before them.
_TIME_OR_CAUSE = word_set("after before despite amid until since when")


def _as_said(clause: list[Token], j: int) -> bool:
    """Whether the speaker phrase ending at clause[j] follows "as" ("as the minister said")."""
    for k in range(j, max(-1, j - 12), -1):
        if clause[k].lower == "as":
            return k < j
        if clause[k].text in ",;":
            return False
    return False


def _finding(mention) -> bool:
    words = mention.text.lower().split()
    return bool(words) and words[-1].strip(".,") in FINDING_NOUNS


def _relayed_name(discourse: Discourse, mention, speaker: str | None) -> str | None:
    if mention.kind == "name":
        who = discourse.registry.register(mention, mention.start)
    elif mention.kind == "phrase":
        who = mention.text
    else:  # a role nobody in the article holds is relayed as written ("the minister")
        who = (
            discourse.role(mention.role, exclude=speaker)
            or discourse.body_described(mention, mention.start)
            or mention.text
        )
    if who is None or who == speaker or who.lower() in FIRST_PERSON:
        return None
    if who.split()[0].lower() in SELF_SINGULAR | SELF_PLURAL:
        return None  # '"Our results show that ..."': the speaker's own finding
    return who


def _after_cue(clause: list[Token], k: int) -> int:
    for j in range(k + 1, min(len(clause), k + 7)):
        if clause[j].lower == "that":
            if _that_opens_clause(clause, k + 1, j, clause[k].lower):
                return clause[j].end
            break
    return clause[k].end


def _own_before(
    text: str, clause: list[Token], begin: int, after_cut: bool
) -> tuple[int, int] | None:
    """The statement's own words before a comma that precedes a relayed report in the same
    clause: "Lawmakers rejected the proposal in October, although reports stated that ..."
    (not when the comma closes the relayed speaker's apposition: "Mr. Trudeau, the prime
    minister, said that ...")."""
    comma = max((t.start for t in clause if t.text == "," and t.end <= begin), default=None)
    if comma is None:
        return None
    after = next((k for k, t in enumerate(clause) if t.start > comma), None)
    if after is None or is_cue(clause, after):
        return None
    head = [t for t in clause if t.end <= comma]
    if not _has_finite_verb(head) or not _has_words(head, 0, len(head), _MIN_WORDS):
        return None
    return _trim(text, clause[0].start, comma, after_cut=after_cut)


def _trim(text: str, start: int, end: int, *, after_cut: bool) -> tuple[int, int] | None:
    """A clause without blanks, leading connectors, dangling punctuation or fillers.

    "that" is dropped only where a clause was cut off ("..., that this is"): a sentence may
    well start with the demonstrative "That".
    """
    # "While 76% agreed, only 38% did": a subordinator opening a sentence is part of it.
    connectors = LEADING_CONNECTORS if after_cut else LEADING_CONNECTORS - _SUBORDINATORS
    while True:
        while start < end and (text[start].isspace() or text[start] in ",;:—–-"):
            start += 1
        word_end = start
        while word_end < end and text[word_end].isalpha():
            word_end += 1
        word = text[start:word_end].lower()
        if (
            word in connectors
            and word_end < end
            and text[word_end] == " "
            and not (word == "so" and _SO_PHRASE.match(text, word_end + 1))
        ):
            start = word_end
            continue
        if after_cut and word in CUE_WORDS and text.startswith(" that ", word_end):
            start = word_end + len(" that")  # "..., and added that taxes will fall"
            continue
        cue_next = _WORD_THEN_THAT.match(text, word_end, end)
        if after_cut and word in SKIP_BEFORE_CUE and cue_next and cue_next[1].lower() in CUE_WORDS:
            start = word_end  # "..., but later admitted that she had met him"
            continue
        break
    for filler in _FILLERS:
        if text[start:end].lower().endswith(filler):
            end -= len(filler)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return (start, end) if start < end else None


_WORD_THEN_THAT = re.compile(r" (\w+) that ")
# "So far, we have helped ...", "So many people ...": "so" opening an adverb, not a connector
_SO_PHRASE = re.compile(r"(?:far|many|much|long|few|called)\b", re.IGNORECASE)


def _words(text: str, start: int, end: int) -> int:
    return sum(1 for w in text[start:end].split() if any(c.isalnum() for c in w))
