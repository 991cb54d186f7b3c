"""Reading the noun phrase that names a speaker next to a cue.

"Russian Foreign Minister Sergey Lavrov", "the minister", "Mr. Trudeau, the prime minister,",
"he", "[US Secretary of State Antony] Blinken": each becomes a `Mention` that says whether it
holds a name, only a role, a pronoun or a descriptive phrase ("officials"), so that the
attribution rules can resolve it to one canonical speaker.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .given_names import FEMALE, MALE
from .lexicon import (
    ABBREVIATIONS,
    BODY_KINDS,
    CLAIM_NOUNS,
    COMPILED,
    COURT_PAPERS,
    CUE_WORDS,
    DETERMINERS,
    FINDING_CUES,
    FINDING_NOUNS,
    FINITE_VERBS,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    HONORIFICS,
    INDEFINITES,
    NAMING_CUES,
    OF_CUES,
    ORG_WORDS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    RESTATING,
    ROLE_MODIFIERS,
    STOP_CAPS,
    TALLIES,
    TALLY_VERBS,
    TITLE_WORDS,
    singular,
    word_set,
)
from .tokens import Token

# Nouns for speakers described rather than named ("officials said", "the report said").
GROUP_NOUNS = word_set("""
    officials analysts experts sources authorities police witnesses residents critics observers
    scientists researchers report statement study survey data spokesperson spokesman
    spokeswoman activists lawmakers diplomats leaders ministers organisers organizers
    prosecutors investigators doctors economists reporters journalists protesters voters
    authors bloggers twitterers users commentators campaigners students workers parents
    countries governments nations posters groups organisations organizations unions companies
    charities teams crews staff personnel rebels militants insurgents fighters troops forces
    medics locals
    """)
_SPACES = re.compile(r"\s+")
_APPOSITIVE_SPAN = 20
_APPOSITIVE_GLUE = DETERMINERS | {"of", "for", "and", "at", "in"}


@dataclass(frozen=True)
class Mention:
    """A phrase that names or describes a speaker, with its span in the text."""

    start: int
    end: int
    kind: str  # "name" | "role" | "pronoun" | "phrase"
    text: str  # as written
    name: str = ""  # for "name": the name without titles or brackets ("Sergey Lavrov")
    role: str = ""  # lower-case role words ("russian foreign minister")
    organisation: bool = False


# "Biologist", "epidemiologists", "statistician": an occupation by its ending, so that the
# job before a name is not read as its first name.
_OCCUPATION = re.compile(r"[a-z]{3,}(?:ologist|ist|ician|ographer)s?")


_PEOPLE_WORDS = TITLE_WORDS | PERSON_NOUNS


def _is_role_word(low: str) -> bool:
    return (
        low in TITLE_WORDS
        or bool(_OCCUPATION.fullmatch(low))
        or low in HONORIFICS
        or low in GROUP_NOUNS
        or low in PERSON_NOUNS
        or singular(low) in _PEOPLE_WORDS
    )


# Singular nouns for a group that speaks as one: "the police said", "the defence argues".
_COLLECTIVES = word_set("police data prosecution defence defense")


def np_word(token: Token) -> bool:
    """Whether a token can be part of a speaker's noun phrase."""
    low = token.lower
    if not token.is_word:
        return False
    if token.is_capitalised:
        return low not in STOP_CAPS
    return (
        _is_role_word(low)
        or low in ROLE_MODIFIERS
        or low in ORG_WORDS
        or low in FINDING_NOUNS
        or low in COURT_PAPERS
    )


def _joins(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] is punctuation or a preposition inside a noun phrase."""
    text = tokens[k].text
    if text in "[]":
        return True
    if text in '"“”' and 0 < k < len(tokens) - 1:
        # 'Frank "Greg" Ford': a nickname in quotation marks inside a name
        before, after = tokens[k - 1], tokens[k + 1]
        return before.is_capitalised and after.is_capitalised and before.end < tokens[k].start
    if text == "." and k > 0:
        prev = tokens[k - 1]
        initial = len(prev.text) == 1 and prev.text.isupper()  # "John F. Kennedy"
        return prev.end == tokens[k].start and (initial or prev.lower in HONORIFICS | ABBREVIATIONS)
    if text.lower() == "and" and 0 < k < len(tokens) - 1:
        # "Acting President and Prime Minister Vladimir Putin": two titles of one person
        before, after = tokens[k - 1].lower, tokens[k + 1].lower
        if before in TITLE_WORDS and (after in TITLE_WORDS or after in ROLE_MODIFIERS):
            return True
        # "the Department of Health and Social Care": the fields of one body's name
        field = tokens[k + 1]  # (not "the Ministry of Defence and Jane Roe")
        person = field.lower in FEMALE | MALE | HONORIFICS or _is_role_word(field.lower)
        return (
            tokens[k - 1].is_capitalised
            and field.is_capitalised
            and not person
            and any(
                tokens[m].lower in ("of", "for") and tokens[m - 1].lower in ORG_WORDS
                for m in range(max(1, k - _FIELD_WORDS), k)
            )
        )
    return text.lower() in ("of", "for")


_FIELD_WORDS = 4


def collect_back(tokens: list[Token], j: int, lo: int) -> int | None:
    """Start index of the noun phrase ending at tokens[j], or None when there is none; a
    finding's "of" phrase takes the finding with it ("PC World's analysis of its traffic")."""
    start = _collect_back(tokens, j, lo)
    if start is None:
        return None
    k = start - 1
    while k > lo and k >= start - 5 and tokens[k].text.isalpha() and tokens[k].text.islower():
        if tokens[k].lower == "of":
            break
        k -= 1
    if k - 1 >= lo and tokens[k].lower == "of" and tokens[k - 1].lower in FINDING_NOUNS:
        start = _collect_back(tokens, k - 1, lo) or start
    if tokens[start].lower in FINDING_NOUNS:
        # "PC World's recent analysis": back over the adjectives to the finding's owner
        k = start - 1
        while k > lo and k >= start - 2 and tokens[k].text.isalpha() and tokens[k].text.islower():
            k -= 1
        if k >= lo and possessive(tokens[k]):
            while k - 1 >= lo and tokens[k - 1].text[:1].isupper() and tokens[k - 1].is_word:
                k -= 1  # "PC World's", "Harbour Digital's": the owner's whole name
            start = k
    return start


def _collect_back(tokens: list[Token], j: int, lo: int) -> int | None:
    k = j
    while k >= lo:
        token = tokens[k]
        if (token.lower in DETERMINERS or token.lower in INDEFINITES) and k < j:
            if token.lower == "the" and _after_name_of(tokens, k, lo, _ends_in_name(tokens, j)):
                k -= 2  # "Lena Ortiz of the Civic Watch blog": the name before "of the"
                continue
            return k
        if np_word(token) or (k == j and token.lower in _COLLECTIVES):
            k -= 1  # (a collective heads a phrase: "the prosecution", not "defence agency")
            continue
        if k < j and possessive(token) and np_word(tokens[k + 1]):
            k -= 1  # "the agency's director", "the report's authors"
            continue
        if (
            lo < k < j
            and token.text in ("'", "’")
            and tokens[k - 1].end == token.start
            and tokens[k - 1].lower.endswith("s")
            and np_word(tokens[k + 1])
        ):
            k -= 2  # "the teachers' union": a plural's possessive mark, then the plural
            continue
        if k < j and re.fullmatch(r"(?:1[89]|20)\d\d", token.text) and np_word(tokens[k + 1]):
            k -= 1  # "a 2023 study"
            continue
        if _joins(tokens, k) and lo < k < j and (np_word(tokens[k - 1]) or token.text in "[]."):
            k -= 1
            continue
        modified = _noun_modifier(tokens, k, j, lo)
        if modified is not None:
            return modified  # "the fire service", "opposition leader Tomas Berg"
        break
    start = k + 1
    while start <= j and not tokens[start].is_word:
        start += 1
    return start if start <= j else None


def _noun_modifier(tokens: list[Token], k: int, j: int, lo: int) -> int | None:
    """Where a phrase starts when tokens[k] is a plain noun before an organisation or role
    word: after "the" ("the fire service") or opening the sentence ("opposition leader")."""
    if not (lo <= k < j) or not tokens[k].text.isalpha() or not tokens[k].text.islower():
        return None
    head = tokens[k + 1].lower
    # ("the civil defence agency": a modifier word may stand between it and the head)
    heads = (head, tokens[j].lower) if head in ROLE_MODIFIERS else (head,)
    if not any(h in ORG_WORDS or _is_role_word(h) for h in heads) or tokens[k + 1].is_capitalised:
        return None
    # "the provincial disaster agency", "the national weather service": a few more
    m = k
    while (
        m - 1 > lo
        and k - m < _MODIFIER_WORDS
        and tokens[m - 1].text.isalpha()
        and tokens[m - 1].text.islower()
        and tokens[m - 1].lower not in _NOT_MODIFIERS
    ):
        m -= 1
    if m - 1 > lo and possessive(tokens[m - 1]):
        m -= 1  # "the county's fire department"
    if m > lo and tokens[m - 1].lower in ("the", "a", "an", "its", "their"):
        return m - 1
    if m - 1 == lo and tokens[lo].is_capitalised and tokens[lo].lower not in STOP_CAPS:
        return lo  # "Coast guard officials", "Hospital staff": the sentence's first word too
    return k if k == lo else None


_MODIFIER_WORDS = 2
_TITLE_CASE_JOINS = frozenset({"Without", "For", "Against", "Of", "Beyond", "Across"})


def _modifiers(tokens: list[Token]) -> bool:
    """Whether words may modify a noun after them: plain lowercase words, no verb or joint."""
    return all(
        t.text.isalpha() and t.text.islower() and t.lower not in _NOT_MODIFIERS for t in tokens
    )


def _owner(tokens: list[Token]) -> bool:
    """A possessive and the words describing a role after it: "town's", "company's chief"."""
    return possessive(tokens[0]) and tokens[0].text.islower() and _modifiers(tokens[1:])


_NOT_MODIFIERS = (
    DETERMINERS
    | INDEFINITES
    | FINITE_VERBS
    | word_set("of in on at to for from with by and or but that which who as than not")
)


def _ends_in_name(tokens: list[Token], j: int) -> bool:
    """Whether a phrase ends in two capitalised words, as a person's name does."""
    return j >= 1 and tokens[j].is_capitalised and tokens[j - 1].is_capitalised


def _after_name_of(tokens: list[Token], k: int, lo: int, named: bool = False) -> bool:
    """Whether "the" at tokens[k] follows a capitalised name and "of", "at" or "from" (or
    "for" before a name), a spokesperson and "for" ("a spokesperson for the Department of
    Energy"), or a title before a phrase that is `named` (ends in a person's name)."""
    if k - 2 < lo or tokens[k - 1].lower not in ("of", "at", "from", "for"):
        return False
    before = tokens[k - 2]
    if before.lower in _SPOKESPEOPLE:
        return True
    named_after = k + 1 < len(tokens) and tokens[k + 1].is_capitalised
    if before.lower in TITLE_WORDS and named_after and named:
        return True  # "Executive director of the Harbour Council Alia Salem": a long title
    if tokens[k - 1].lower == "for" and not (k + 1 < len(tokens) and tokens[k + 1].is_capitalised):
        return False  # "Berg for the Harbour Board", not "Britain for the first time"
    return (
        before.is_capitalised and before.lower not in STOP_CAPS and not _is_role_word(before.lower)
    )


# papers a body issues, heads of a phrase as findings are: "a press release", "a news release"
_ISSUED = word_set("release releases statement statements count tally")


def collect_forward(tokens: list[Token], i: int, hi: int) -> int | None:
    """End index (exclusive) of the noun phrase starting at tokens[i], or None."""
    k = i
    determined = k < hi and (tokens[k].lower in DETERMINERS or tokens[k].lower in INDEFINITES)
    if determined:
        k += 1
    headed = False
    while k < hi:
        token = tokens[k]
        if np_word(token):
            k += 1
            continue
        # (one head only: not "the prime minister's office in a statement")
        if determined and not headed and token.is_word and not token.is_capitalised:
            head = next(
                (
                    m
                    for m in range(k, min(hi, k + 3))
                    if tokens[m].lower in FINDING_NOUNS | _ISSUED
                    or (tokens[m].lower in ORG_WORDS and m > k and _modifiers(tokens[k:m]))
                    # "the town's mayor", "the company's chief executive"
                    or (
                        (tokens[m].lower in TITLE_WORDS or tokens[m].lower in PERSON_NOUNS)
                        and m > k
                        and _owner(tokens[k:m])
                    )
                    # "the prime minister's office": an office named by whose it is
                    or (tokens[m].lower in ORG_WORDS and m == k + 1 and possessive(tokens[k]))
                ),
                None,
            )
            if head is not None:
                k = head + 1  # "a 2011 independent survey", "the national weather service"
                headed = True
                continue
        if _joins(tokens, k) and k + 1 < hi and (np_word(tokens[k + 1]) or token.text in "[]."):
            k += 1
            continue
        break
    while k > i and not tokens[k - 1].is_word:
        k -= 1
    return k if k > i and any(np_word(t) or t.lower in _ISSUED for t in tokens[i:k]) else None


def mention_before(text: str, tokens: list[Token], j: int, lo: int = 0) -> Mention | None:
    """The speaker phrase ending at tokens[j] (an appositive between commas is skipped)."""
    if j < lo:
        return None
    low = tokens[j].lower
    if low in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON:
        return pronoun(tokens[j])
    if tokens[j].text != ",":
        start = collect_back(tokens, j, lo)
        if start is None:
            return None
        mention = interpret(text, tokens[start : j + 1])
        return _named_before_open_appositive(text, tokens, start, lo, mention) or mention
    comma = _previous_comma(tokens, j, lo)
    if comma is None or comma - 1 < lo:
        return None
    if tokens[comma - 1].text[0].isdigit() or _relative_clause(tokens[comma + 1 : j]):
        # "Jana Kral, 54, who grows wheat, said": skip the clause and the age to the name
        earlier = _previous_comma(tokens, comma, lo)
        if earlier is not None and earlier - 1 >= lo and earlier + 3 >= comma:
            # "The mayor, Anna Berg, who visited the site, said": the appositive before it
            comma, j = earlier, comma
        elif tokens[comma - 1].text[0].isdigit():
            return None
    inner = tokens[comma + 1 : j]
    author = _authored_by(text, inner)
    if author is not None:  # "LiberateLaura, a blog written by Jane Roe, says"
        return author
    named_end = _before_brackets(tokens, comma, lo)  # "Jane DOE (EPP, PL), rapporteur,"
    if (
        named_end - 2 >= lo
        and tokens[named_end - 1].text == "."
        and tokens[named_end - 2].lower in _SUFFIXES
    ):
        named_end -= 1  # "Edward MacMahon Jr., a lawyer,": the name without the suffix's dot
    start = collect_back(tokens, named_end - 1, lo)
    outer = None if start is None else interpret(text, tokens[start:named_end])
    role = _appositive_role(inner)
    if role:  # "Mr. Trudeau, the prime minister, said"
        return None if outer is None else interpret(text, tokens[start:named_end], appositive=role)
    letters = [t.lower.strip(".") for t in inner if t.text != "."]
    if len(letters) == 1 and letters[0] in _POST_NOMINALS:
        return outer  # "John Roe, SC, said": letters after a name are not a name
    named = (
        interpret(text, inner)
        if inner and collect_back(tokens, j - 1, comma + 1) == comma + 1
        else None
    )
    if named is not None and named.kind == "name":  # "The Chancellor, Rachel Green, said"
        extra = outer.role if outer is not None and outer.kind == "role" else ""
        return interpret(text, inner, appositive=extra)
    return outer


def _named_before_open_appositive(
    text: str, tokens: list[Token], start: int, lo: int, mention: Mention | None
) -> Mention | None:
    """ "Jane Doe, Director, Acme Ropes said" or "Jane Doe, chief executive of Acme said": the
    person before an appositive whose closing comma is missing, not the body it names."""
    if mention is None:
        return None
    comma = start - 1
    if comma <= lo or tokens[comma].text != ",":
        return None
    title = _previous_comma(tokens, comma, lo)  # ", Director," between the name and the body
    titled = (
        title is not None
        and comma - title <= _OPEN_TITLE_WORDS
        and all(t.is_word for t in tokens[title + 1 : comma])
        and any(t.lower in TITLE_WORDS for t in tokens[title + 1 : comma])
    )
    if titled:
        comma = title
    elif mention.kind == "name" and not mention.organisation:
        return None  # "Jane Doe, John Roe said": two people; the nearer one speaks
    first = collect_back(tokens, comma - 1, lo)
    if first is None or (first > lo and tokens[first - 1].lower in _PLACE_PREPOSITIONS):
        return None  # "In Eastport, the Harbour Board said": a place, not a person
    person = interpret(text, tokens[first:comma])
    if person is None or person.kind != "name" or person.organisation:
        return None
    if len(person.name.split()) < 2:
        return None  # a single word before a comma is as often a place as a person
    return person


_SUFFIXES = word_set("jr sr")
_POST_NOMINALS = word_set("sc qc kc mp mep msp mla td obe cbe mbe kbe dbe phd md jr sr esq ret")
_OPEN_TITLE_WORDS = 4
_PLACE_PREPOSITIONS = word_set("in at from on near across outside inside to of")


_AUTHORED = word_set("written authored run edited hosted founded created published kept")


def _authored_by(text: str, inner: list[Token]) -> Mention | None:
    """The person an appositive credits with a blog, a column or an account."""
    for k in range(len(inner) - 2):
        if inner[k].lower in _AUTHORED and inner[k + 1].lower == "by":
            start = collect_back(inner, len(inner) - 1, k + 2)
            if start is None:
                return None
            mention = interpret(text, inner[start:])
            return mention if mention is not None and mention.kind == "name" else None
    return None


def mention_after(text: str, tokens: list[Token], i: int, hi: int) -> Mention | None:
    """The speaker phrase starting at tokens[i] ("said Lavrov, Russia's foreign minister")."""
    if i >= hi:
        return None
    if tokens[i].lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return pronoun(tokens[i])
    end = collect_forward(tokens, i, hi)
    if end is None:
        named = _described_name(tokens, i, hi)
        if named is None:
            return None
        # "according to curator Jane Doe": the name after an occupation the lexicon lacks
        return mention_after(text, tokens, named, hi)
    by = _finding_by(tokens, i, end, hi)
    if by is not None:
        return mention_after(text, tokens, by, hi)
    if (
        end < hi
        and tokens[end].text.islower()
        and tokens[end].is_word
        and tokens[end].lower not in _NAME_PARTICLES  # "Mohammed bin Zayed"
    ):
        named = _described_name(tokens, end, hi)
        before = interpret(text, tokens[i:end])
        person = before is not None and not before.organisation and " " in before.name
        if named is not None and named > end and not person:
            # "Tory backbencher Sir John Haines", "Green Party co-leader Anna Holm": a party
            # and a trade the lexicon lacks, then the person
            return mention_after(text, tokens, named, hi)
    role = ""
    if end < hi and tokens[end].text == ",":
        stop = end + 1
        while stop < hi and stop - end < _APPOSITIVE_SPAN and tokens[stop].text not in ',.;"”':
            stop += 1
        role = _appositive_role(tokens[end + 1 : stop])
    return interpret(text, tokens[i:end], appositive=role)


def _described_name(tokens: list[Token], i: int, hi: int) -> int | None:
    """Where a name starts after a few lowercase words that describe its bearer ("curator
    Jane Doe", "museum curator Jane Doe", "the security company Acme"), if that is what
    follows: a person's name of two words, or any name after a word for an organisation."""
    for k in range(i, min(hi, i + _DESCRIBING_WORDS + 1)):
        token = tokens[k]
        if token.is_capitalised and token.lower not in STOP_CAPS:
            following = tokens[k + 1] if k + 1 < hi else None
            two_words = following is not None and following.is_capitalised and following.is_word
            body = k > i and tokens[k - 1].lower in ORG_WORDS
            return k if k > i and (two_words or body) else None
        if not token.is_word or token.lower in _NOT_DESCRIBING:
            return None
    return None


_DESCRIBING_WORDS = 3
_NOT_DESCRIBING = DETERMINERS | word_set(
    "and or but of for to in on at by with from as than that which who the its their his her"
)


# what someone writes or issues: "a statement from chief executive Jane Doe" is hers
_WRITINGS = word_set(
    "statement statements letter memo email e-mail post announcement release releases count tally"
)


def _finding_by(tokens: list[Token], i: int, end: int, hi: int) -> int | None:
    """ "a study by Kobe University": where the name of whoever made the finding starts."""
    if end + 1 < hi and tokens[end].lower in COMPILED and tokens[end + 1].lower == "by":
        end += 1  # "data compiled by Bloomberg"
    if end + 1 >= hi or tokens[end].lower not in ("by", "from"):
        return None
    noun = tokens[end - 2] if tokens[end - 1].lower in COMPILED else tokens[end - 1]
    if noun.lower not in FINDING_NOUNS and noun.lower not in _WRITINGS:
        return None
    after = end + 1
    if tokens[after].lower in DETERMINERS and after + 1 < hi:
        after += 1
    if tokens[after].is_capitalised:
        return after
    return _described_name(tokens, after, hi)  # "from chief executive Jane Doe"


def pronoun(token: Token) -> Mention:
    return Mention(token.start, token.end, "pronoun", token.text, role=token.lower)


def _relative_clause(tokens: list[Token]) -> bool:
    return bool(tokens) and tokens[0].lower in ("who", "whose", "which", "whom")


def _before_brackets(tokens: list[Token], end: int, lo: int) -> int:
    """Where a phrase ends once brackets just before `end` are set aside ("Jane DOE (EPP,
    PL)"): the index of the opening bracket, or `end` itself."""
    if end - 1 < lo or tokens[end - 1].text != ")":
        return end
    for k in range(end - 2, max(lo, end - _APPOSITIVE_SPAN) - 1, -1):
        if tokens[k].text == "(":
            return k if k > lo else end
    return end


def _previous_comma(tokens: list[Token], j: int, lo: int) -> int | None:
    depth = 0  # "Jane DOE (EPP, PL), rapporteur, said": a comma in brackets is not the one
    for k in range(j - 1, max(lo, j - _APPOSITIVE_SPAN) - 1, -1):
        depth += {")": 1, "(": -1}.get(tokens[k].text, 0)
        if tokens[k].text == "," and depth <= 0:
            return k
        if tokens[k].text == "." and k > lo and tokens[k - 1].lower in HONORIFICS:
            continue  # "Dr. Sara Kim": a title's full stop
        if tokens[k].text in '.;:"“”':
            return None
    return None


def _appositive_role(tokens: list[Token]) -> str:
    """The role an appositive gives ("the prime minister", "Russia's top diplomat"), if any.

    One holding an honorific ("Mr. Trudeau") is another name, not a role.
    """
    words = [t for t in tokens if t.is_word]
    lows = [t.lower for t in words]
    if not words or len(words) > 8 or any(w in HONORIFICS for w in lows):
        return ""
    if not all(np_word(t) or t.lower in _APPOSITIVE_GLUE or possessive(t) for t in words):
        return ""  # a clause ("then I met with ..."), not a description
    # "QC for Millar", "MP for Leeds": letters after a name are a role too
    if any(_is_role_word(w) or (w in _POST_NOMINALS and w != lows[-1]) for w in lows):
        return " ".join(w for w in lows if w not in DETERMINERS)
    return ""


def possessive(token: Token) -> bool:
    """ "Acme's", "the agency's": a word in the possessive."""
    return token.lower.endswith(("'s", "’s"))


def is_cue(tokens: list[Token], k: int) -> bool:
    """Whether tokens[k] attributes words to someone ("said", "according to", "pointed out")."""
    token = tokens[k]
    following = tokens[k + 1].lower if k + 1 < len(tokens) else ""
    if token.lower == "words":  # "in the words of the prosecutor, ..."
        return (
            k >= 2
            and following == "of"
            and [t.lower for t in tokens[k - 2 : k]]
            == [
                "in",
                "the",
            ]
        )
    if token.lower in TALLY_VERBS:  # "gave a count of 116 injured", "put the toll at 40"
        return any(t.lower in TALLIES for t in tokens[k + 1 : k + 4])
    if token.lower in _STATE and token.text.islower():
        return _states_that(tokens, k)
    if token.lower in NAMING_CUES and token.text.islower():  # 'called it "a disgrace"'
        # (not in '... called the plan a "gamble", reporters said': theirs is the cue)
        later = any(t.lower in CUE_WORDS for t in tokens[k + 1 :])
        if following == "for":
            return False  # 'called for an "immediate cessation"': a demand, an act
        return not later and any(
            t.text in _QUOTE_MARKS for t in tokens[k + 2 : k + 2 + _NAMED_WORDS]
        )
    if token.lower == "report" and token.text.islower():
        return _report_verb(tokens, k)
    if token.lower in RESTATING and token.lower not in CUE_WORDS and token.text.islower():
        return claim_restated(tokens, k)  # "repeated her claim that ..."
    if token.lower not in CUE_WORDS or not (token.text.islower() or token.lower == "according"):
        return False
    if token.lower == "according":
        return following == "to"
    if token.lower == "pointed":
        return following == "out"
    if k and tokens[k - 1].lower in ("the", "an") and token.lower in OF_CUES:
        return False  # "The accused said ...": the defendant
    if k and tokens[k - 1].lower in _ARTICLES_AND_POSSESSIVES:
        return False  # "was at the show and said", "denied his claims": a noun
    if token.lower in _URGE and not (following == "that" or _urged_that(tokens, k)):
        return False  # "urged the two parties to keep talking": an appeal, an act
    # "Recent reports have revealed", "media reports range", "media reports of recent weeks
    # have highlighted": the subject, not a cue
    return not (token.lower in _CUE_OR_NOUN and (following in _VERBS or following == "of"))


def claim_restated(tokens: list[Token], k: int) -> bool:
    """Whether a verb at tokens[k] asserts a clause again through a noun: "repeated her claim
    that", "made the claim that", "stood by his earlier assertion that"."""
    i = k + 1
    if i < len(tokens) and tokens[i].lower == "by":
        i += 1  # "stood by"
    if i >= len(tokens) or tokens[i].lower not in _ARTICLES_AND_POSSESSIVES:
        return False
    i += 1
    if i < len(tokens) and tokens[i].lower in _RESTATED:
        i += 1  # "her earlier claim"
    return i + 1 < len(tokens) and tokens[i].lower in CLAIM_NOUNS and tokens[i + 1].lower == "that"


_RESTATED = word_set("earlier previous repeated oft-repeated long-standing often-repeated")
_ARTICLES_AND_POSSESSIVES = word_set("the a an its his her their our my your")
_REPORTING = word_set("they we i you")


def _report_verb(tokens: list[Token], k: int) -> bool:
    """ "Palestinian medical officials report that", "Doctors at the hospital in Jabaliya
    report that": the verb after people, not the noun of "a new report that"."""
    if k == 0 or k + 1 >= len(tokens) or tokens[k + 1].lower != "that":
        return False
    before = tokens[k - 1]
    if before.lower in _REPORTING:
        return True
    if not before.is_word or before.lower in DETERMINERS | INDEFINITES:
        return False
    if before.is_capitalised:  # "in Jabaliya report", not "a Reuters report"
        return k < 2 or tokens[k - 2].lower not in DETERMINERS | INDEFINITES
    return before.lower.endswith("s") and not before.lower.endswith(("ss", "'s", "’s"))


_URGE = word_set("urge urges urged urging")
_URGED_WORDS = 6


def _urged_that(tokens: list[Token], k: int) -> bool:
    """ "urged the council that the plan would fail": an appeal that carries a claim."""
    ahead = tokens[k + 1 : k + 1 + _URGED_WORDS]
    for token in ahead:
        if token.lower == "to" or token.text in ",.;:":
            return False
        if token.lower == "that":
            return True
    return False


_STATE = frozenset({"state", "states"})
# what "state" or "states" names as a noun: "member states that", "the state that"
_STATE_MODIFIERS = (
    DETERMINERS
    | INDEFINITES
    | word_set("member other all both each every which what nation island gulf arab baltic united")
)


def _states_that(tokens: list[Token], k: int) -> bool:
    """ "Police state that the suspect was 25", "The report states that 40 ...": the verb,
    before "that" and a clause's subject; not "member states that border Iran"."""
    if not 0 < k < len(tokens) - 2 or tokens[k + 1].lower != "that":
        return False
    before, after = tokens[k - 1], tokens[k + 2]
    if before.lower in _STATE_MODIFIERS or not before.is_word or before.text[:1].isdigit():
        return False
    opens = DETERMINERS | INDEFINITES | _AMOUNTS  # "that many of the poorest countries"
    return not (after.text.isalpha() and after.text.islower() and after.lower not in opens)


_AMOUNTS = word_set("many most more less fewer few all some about nearly almost over only")
_QUOTE_MARKS = frozenset('"“”')
_NAMED_WORDS = 4  # what is named, before the quoted name: "it", "the new rules"


# cue words that are also plural nouns, the subject when a verb follows them
_CUE_OR_NOUN = word_set("reports claims notes comments estimates remarks warnings")
_VERBS = FINITE_VERBS | CUE_WORDS


# Who reports findings: "the researchers found ...", whatever follows the verb.
_RESEARCHERS = word_set(
    "researchers scientists authors investigators team economists analysts epidemiologists "
    "statisticians inspectors auditors"
)


def cue_fits(tokens: list[Token], k: int, mention: Mention | None) -> bool:
    """Whether a cue can attribute words to the phrase before it: "found" or "shows" only do
    for a study, data or an organisation ("the survey found that"), not for a person who
    found or showed something."""
    if tokens[k].lower not in FINDING_CUES:
        return True
    if mention is None:
        return False
    if mention.organisation:
        return True
    if (
        tokens[k].lower in ("found", "finds", "shown")
        and k + 1 < len(tokens)
        and tokens[k + 1].lower == "that"
    ):
        return True  # "the researchers found that", "they have shown that": whoever made it
    words = mention.text.lower().split()
    head = words[-1].strip(".,") if words else ""
    if tokens[k].lower in ("found", "finds") and head in _RESEARCHERS:
        return True  # "the scientists found crop yields fell": a finding without "that"
    # "Data from the ONS show", "a report published by the Institute found": the finding is
    # the noun before the source
    before_source = [
        w
        for w, n in itertools.pairwise(w for w in words if w not in COMPILED)
        if n in ("from", "by")
    ]
    return head in FINDING_NOUNS or any(w in FINDING_NOUNS for w in before_source)


def cue_span(tokens: list[Token], k: int) -> tuple[int, int]:
    """The cue's words in the text: "said", "according to", "pointed out"."""
    low = tokens[k].lower
    if low in ("according", "pointed") and k + 1 < len(tokens):
        return tokens[k].start, tokens[k + 1].end
    if low == "words" and k + 1 < len(tokens):
        return tokens[k - 2].start, tokens[k + 1].end
    return tokens[k].start, tokens[k].end


def cue_text(tokens: list[Token], k: int) -> str:
    """The cue as the `Candidate.cue` field shows it."""
    low = tokens[k].lower
    return {"according": "according to", "pointed": "pointed out", "words": "in the words of"}.get(
        low, low
    )


def interpret(text: str, tokens: list[Token], appositive: str = "") -> Mention | None:
    """What a noun phrase says about its speaker: a name (and role), a role, or a phrase."""
    words = [t for t in tokens if t.is_word]
    if len(words) > 2 and words[-1].lower in _POST_NOMINALS and words[-2].is_capitalised:
        # "Jane Doe MP", "John Roe QC": letters after a name, not an acronym for a body
        return interpret(text, tokens[: tokens.index(words[-1])], appositive)
    if not words:
        return None
    start, end = tokens[0].start, tokens[-1].end
    written = text[start:end]
    if len(words) == 1 and words[0].lower in PERSON_PRONOUNS | GROUP_PRONOUNS:
        return pronoun(words[0])
    spokesperson = _spokesperson_of(text, words, start, end)
    if spokesperson is not None:
        return spokesperson
    person = _person_of(text, words, start, end, appositive)
    if person is not None:
        return person
    owner = _finding_owner(text, words, start, end)
    if owner is not None:
        return owner
    last = words[-1]
    if (last.is_capitalised and (last.lower in ORG_WORDS or is_acronym(last.text))) or _org_of(
        words
    ):
        first = next(
            (i for i, t in enumerate(words) if t.is_capitalised and t.lower not in STOP_CAPS),
            len(words) - 1,
        )
        described = [i for i in range(first, len(words)) if words[i].text.islower()]
        if (
            described
            and described[-1] + 1 < len(words)
            and words[described[-1]].lower in BODY_KINDS
        ):
            first = described[-1] + 1  # "Energy firm SSE": the body's name after its kind
        name = _clean(text[words[first].start : last.end])
        return Mention(start, end, "name", written, name=name, role=appositive, organisation=True)
    name_start = len(words)
    for i in range(len(words) - 1, -1, -1):
        word = words[i]
        low = word.lower
        if not word.is_capitalised or low in STOP_CAPS or _is_role_word(low):
            break
        if low in ROLE_MODIFIERS or low.endswith(("'s", "’s")):
            break
        name_start = i
    name_start = _name_after_title(words, name_start)
    if (
        name_start == 0
        and len(words) >= 3
        and words[0].lower not in FEMALE | MALE
        and words[1].lower in FEMALE | MALE
    ):
        name_start = 1  # "Forecaster Tom Brooks" opening a sentence: his trade, then his name
    joined = 0 < name_start < len(words) and words[name_start].text in _TITLE_CASE_JOINS
    if joined and words[name_start - 1].is_capitalised:
        name_start -= 1  # "Doctors Without Borders", "Reporters Without Borders": a body
    before = [w.lower for w in words[:name_start]]
    if before and before[-1] in ("of", "at", "for") and any(_is_role_word(w) for w in before):
        # "the chief executive of Orbis Semiconductor": a role at an organisation, no name
        role = " ".join(w.lower for w in words if w.lower not in DETERMINERS)
        return Mention(start, end, "role", written, role=role)
    role_words = [w.lower for w in words[:name_start] if w.lower not in HONORIFICS | DETERMINERS]
    role = " ".join(role_words) if any(_is_role_word(w) for w in role_words) else ""
    if appositive:
        role = f"{role}; {appositive}" if role else appositive
    if name_start < len(words):
        name = _clean(text[words[name_start].start : last.end])
        org = any(w.lower in ORG_WORDS for w in words[name_start:])
        return Mention(start, end, "name", written, name=name, role=role, organisation=org)
    head = words[-1].lower
    if words[0].lower in INDEFINITES or head in FINDING_NOUNS or head in COURT_PAPERS:
        return Mention(start, end, "phrase", written)  # "a witness", "the study": no one named
    if (head in GROUP_NOUNS and head.endswith("s")) or head in _COLLECTIVES:
        return Mention(start, end, "phrase", written)  # "officials": a group, not one person
    if any(_is_role_word(w.lower) or w.lower in ORG_WORDS for w in words):
        org = words[-1].lower in ORG_WORDS
        described = " ".join(role_words)
        return Mention(start, end, "role", written, role=described, organisation=org)
    return None


_STATEMENT_NOUNS = word_set(
    "statement statements remarks letter speech testimony tweet post message"
)


def _finding_owner(text: str, words: list[Token], start: int, end: int) -> Mention | None:
    """ "PC World's recent analysis of its traffic", "the senator's statement": the finding or the
    statement is its owner's, who is the one to name, not the data it was drawn from."""
    for i, word in enumerate(words[:-1]):
        owns = possessive(word) or (i + 1 < len(words) and words[i + 1].text in ("'", "’"))
        if not owns:
            continue
        nouns = [w.lower for w in words[i + 1 : i + 4]]
        if not any(n in FINDING_NOUNS or n in _STATEMENT_NOUNS for n in nouns):
            return None
        owner = [
            w
            for w in words[: i + 1]
            if w.is_capitalised and w.lower not in STOP_CAPS and w.lower not in HONORIFICS
        ]
        if not owner or owner[-1] is not word:
            return None
        cut = len(word.text) - 2 if word.text.endswith(("'s", "’s")) else len(word.text)
        name = _clean(text[owner[0].start : word.start + cut])
        is_org = any(w.lower in ORG_WORDS for w in owner)
        return Mention(start, end, "name", text[start:end], name=name, organisation=is_org)
    return None


# People who speak for an organisation without being named: the organisation is the speaker.
_SPOKES = word_set("spokesperson spokesman spokeswoman")
_SPOKESPEOPLE = word_set(
    "spokesperson spokesman spokeswoman representative representatives official officials "
    "source sources statement"
)
_NAME_PARTICLES = word_set("de da di del van von der den du la le al el bin ibn")


def _spokesperson_of(text: str, words: list[Token], start: int, end: int) -> Mention | None:
    """ "A spokesperson for the Department for Transport": the department speaks; so do
    "an Acme spokeswoman" and "a police spokesman"."""
    if len(words) >= 2 and words[-1].lower in _SPOKES:
        body = words[1:-1] if words[0].lower in ("a", "an", "the") else words[:-1]
        named = bool(body) and all(w.is_capitalised and w.lower not in STOP_CAPS for w in body)
        if named or [w.lower for w in body] == ["police"]:
            name = _clean(text[body[0].start : body[-1].end])
            return Mention(start, end, "name", text[start:end], name=name, organisation=True)
    for i, word in enumerate(words[:-2]):
        if word.lower not in _SPOKESPEOPLE or words[i + 1].lower not in ("for", "of", "at", "from"):
            continue
        if any(w.is_capitalised and w.lower not in STOP_CAPS for w in words[:i]):
            return None  # a named person with a role: "Jane Doe, spokesperson for ..."
        rest = words[i + 2 :]
        if rest and rest[0].lower in DETERMINERS:
            rest = rest[1:]
        person = _named_after_body(text, rest)
        if person is not None:
            role = " ".join(w.lower for w in words[: i + 2] if w.lower not in DETERMINERS)
            name = _clean(text[person[0].start : person[-1].end])
            return Mention(start, end, "name", text[start:end], name=name, role=role)
        if rest and rest[0].is_capitalised:
            name = _clean(text[rest[0].start : rest[-1].end])
            return Mention(start, end, "name", text[start:end], name=name, organisation=True)
        return None
    return None


def _named_after_body(text: str, run: list[Token]) -> list[Token] | None:
    """ "TransCanada Grady Semmens" after "spokesperson for": the person's two words after the
    body's, when the article also writes the body's name on its own."""
    if len(run) < 3 or not all(w.is_capitalised for w in run) or run[-1].lower in ORG_WORDS:
        return None
    body = text[run[0].start : run[-3].end]
    alone = re.compile(rf"\b{re.escape(body)}\b(?!\s+{re.escape(run[-2].text)})")
    return run[-2:] if alone.search(text) else None


def _person_of(
    text: str, words: list[Token], start: int, end: int, appositive: str
) -> Mention | None:
    """ "Lena Ortiz of the Civic Watch blog", "John Roe of Harbour Music Club": a person
    named before "of", "at", "from" or "for", and where they write or work after it."""
    joint = next((i for i, w in enumerate(words) if w.lower in ("of", "at", "from", "for")), None)
    if joint is None or joint + 1 >= len(words):
        return None
    titles = 0  # "Professor Sarah Lane of King's College": the title before the name
    while titles < joint and (
        words[titles].lower in HONORIFICS or _is_role_word(words[titles].lower)
    ):
        titles += 1
    if not 2 <= joint - titles <= 3:
        return None
    name = words[titles:joint]
    if not all(
        w.is_capitalised
        and w.lower not in STOP_CAPS
        and not _is_role_word(w.lower)
        and w.lower not in ORG_WORDS
        and w.lower not in ROLE_MODIFIERS
        for w in name
    ):
        return None
    place = " ".join(w.lower for w in words[:titles] + words[joint:])
    role = f"{place}; {appositive}" if appositive else place
    written = _clean(text[name[0].start : name[-1].end])
    return Mention(start, end, "name", text[start:end], name=written, role=role)


def _name_after_title(words: list[Token], name_start: int) -> int:
    """Where a person's name starts after a long title ("President of Russia Vladimir Putin",
    "Deputy Director of Public Prosecution Eva-Marie Persson"): the capitalised words after
    "of" or "for" belong to the title, all but the last two (three with an initial or a
    particle such as "van")."""
    if len(words) - name_start <= 2 or name_start == 0:
        return name_start
    joint = max(
        (i for i, w in enumerate(words[:name_start]) if w.lower in ("of", "for", "at")),
        default=None,
    )
    if joint is None or not any(_is_role_word(w.lower) for w in words[:joint]):
        return name_start
    if not all(w.is_capitalised or w.lower == "the" for w in words[joint + 1 : name_start]):
        return name_start
    keep = len(words) - 2
    middle = words[keep - 1]
    if keep - 1 > name_start and (
        len(middle.text.rstrip(".")) == 1 or middle.lower in _NAME_PARTICLES
    ):
        keep -= 1
    return keep


def _org_of(words: list[Token]) -> bool:
    """ "University of Oslo", "Office for National Statistics": an organisation with "of"."""
    lows = [w.lower for w in words]
    joint = next((i for i, w in enumerate(lows) if w in ("of", "for")), None)
    if joint is None or any(w in TITLE_WORDS for w in lows):
        return False
    return any(w.is_capitalised and w.lower in ORG_WORDS for w in words[:joint])


def is_acronym(word: str) -> bool:
    """Whether a word is written as an acronym: "NASA", "U.S.", "NORC"."""
    letters = word.replace(".", "")
    return len(letters) >= 2 and letters.isupper() and letters.isalpha()


def _clean(name: str) -> str:
    name = _NICKNAME.sub(" ", name)  # 'Frank "Greg" Ford' is Frank Ford
    return _SPACES.sub(" ", name.replace("[", "").replace("]", "")).strip()


_NICKNAME = re.compile(r"\s[\"“][A-Z][\w'’-]{0,20}[\"”]\s")
