"""Who is who in one article: canonical names, aliases and roles.

A speaker is written many ways ("Russian Foreign Minister Sergey Lavrov", "Sergei Lavrov",
"Lavrov", "the minister"). The registry maps each to one canonical name: the desk's own name
when a known speaker matches, otherwise the fullest name the article uses. It also keeps the
roles each person was given, which is how "the diplomat" finds the foreign minister.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from .given_names import FEMALE, MALE
from .lexicon import (
    BODY_KINDS,
    DETERMINERS,
    FILED_PAPERS,
    HONORIFICS,
    MADE_PAPERS,
    MONTHS,
    ORG_WORDS,
    ROLE_FAMILIES,
    ROLE_MODIFIERS,
    SKIP_BEFORE_CUE,
    STOP_CAPS,
    TITLE_WORDS,
    WEEKDAYS,
)
from .phrases import Mention, collect_forward, is_cue, mention_after, np_word
from .tokens import Token
from .types import KnownSpeaker

_NOWHERE = 1 << 60
_GIVEN_AND_SURNAME = re.compile(r"\b([A-Z][a-z]+) [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_MISSPELT_MIN_LETTERS = 6
_MISSPELT_SIMILARITY = 0.85  # the first position of someone the article never names
_HONOURED = re.compile(
    r"\b(?P<honorific>Mrs|Ms|Miss|Mme|Madam|Mr|Sir|Lord)\.?\s+(?P<names>[A-Z][\w'’\-]*"
    r"(?:\s+[A-Z][\w'’\-]*)?)"
)
_TITLED = "|".join(sorted(w.capitalize() for w in HONORIFICS | TITLE_WORDS - {"general"}))
_TITLED_NAME = re.compile(rf"\b(?:{_TITLED})\.?\s+([A-Z][\w'’-]*)(?:\s+([A-Z][\w'’-]*))?")
_PLACE = re.compile(r"\b(?:in|across) (?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_FINDINGS = rf"(?P<paper>{'|'.join(sorted(MADE_PAPERS))})"
# a name's words, on one line: a headline above is no part of it
_NAME_RUN = r"[A-Z][\w&.'’-]*(?:[^\S\n]+(?:of|for|and|on|[A-Z][\w&.'’-]*)){0,6}"
_MADE_BY = re.compile(
    rf"\b{_FINDINGS},?\s+(?:[a-z]+\s+){{0,4}}?(?:by|from)\s+(?:the\s+)?(?P<name>{_NAME_RUN})"
)
_BODY_NAME = re.compile(r"\b[A-Z][\w&'’-]*(?:[^\S\n]+[A-Z][\w&'’-]*)+")
# "Nordwagen, Europe's third-largest carmaker,", "Acme, a software company,": a name the
# appositive after it calls a body
_DESCRIBED_BODY = re.compile(
    rf"\b(?P<name>[A-Z][\w&'’-]*(?:[^\S\n]+[A-Z][\w&'’-]*)*),\s+(?:a|an|the|[A-Z][\w'’-]*['’]s)"
    # (the kind is the appositive's head: not "Jane Roe, the head of the group,")
    rf"\s+(?:(?!(?:of|for|at|in|with|from)\b)[\w-]+\s+){{0,3}}?"
    rf"(?:{'|'.join(sorted(BODY_KINDS))})(?=[,;.])"
)
_MADE_BY_OWNER = re.compile(rf"\b(?P<name>{_NAME_RUN})['’]s\s+(?:[a-z]+\s+){{0,2}}?{_FINDINGS}\b")
# "HHS released a report", "NASA-led study": the maker named before its finding
_MADE_PUBLISHED = re.compile(
    rf"\b(?P<name>{_NAME_RUN})\s+(?:has\s+|had\s+)?(?:released|published|issued|commissioned|filed"
    rf"|brought|lodged)"
    rf"\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){{0,2}}?{_FINDINGS}\b"
)
# "Acme said in a report released on Monday": the maker who speaks through its paper
_MADE_SAID_IN = re.compile(
    rf"\b(?P<name>{_NAME_RUN})\s+(?:has\s+|had\s+)?(?:said|says|stated|states|alleged|alleges"
    rf"|claimed|claims|argued|argues|wrote|writes)\s+in\s+(?:a|an|its|their|the)\s+"
    rf"(?:[\w-]+\s+){{0,2}}?{_FINDINGS}\b"
)
_MADE_LED = re.compile(
    rf"\b(?P<name>{_NAME_RUN})-(?:led|funded|commissioned|backed)\s+(?:[a-z]+\s+){{0,2}}?"
    rf"{_FINDINGS}\b"
)


def _paper_kind(paper: str) -> str:
    """ "the lawsuit" may be the complaint filed before it, but neither is a report."""
    return "filed" if paper.lower() in FILED_PAPERS else "research"


def _whole_word(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands as words of its own, not inside longer ones."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or after.isalnum())


_DATES = WEEKDAYS | MONTHS | {"on", "in"}


def _name_only(run: str) -> str:
    """A name without the small words a run of capitalised words may end on, nor the day
    after it ("by Oxfam on Monday")."""
    words = run.split()
    while words and (words[-1][0].islower() or words[-1].lower().strip(".,") in _DATES):
        words.pop()
    return " ".join(words)


_WORDS = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


@dataclass
class Person:
    """A person or organisation the article mentions."""

    name: str
    organisation: bool = False
    roles: set[str] = field(default_factory=set)
    first: int = _NOWHERE
    known: bool = False
    titled: bool = False  # the article itself gives a role

    @property
    def present(self) -> bool:
        """Whether the article names them (a known speaker may not be in this article)."""
        return self.first < _NOWHERE


class Registry:
    """Canonical names for one article, seeded with the desk's known speakers."""

    def __init__(self, known: Sequence[KnownSpeaker], text: str) -> None:
        self.people: dict[str, Person] = {}
        self._alias: dict[str, str] = {}  # lower-case spelling -> canonical
        self._generic: dict[str, list[str]] = {}  # "the minister" -> canonicals (known only)
        self._surname: dict[str, list[str]] = {}
        self._text = text
        self._sex: dict[str, str | None] = {}
        self._honoured: dict[str, str] | None = None
        self._titled_words: set[str] | None = None
        self._makers: list[tuple[int, int, str]] | None = None
        self._named_bodies: frozenset[str] | None = None
        self._places: set[str] = set()
        self._defined: dict[str, str] | None = None
        for speaker in known:
            self._add_known(speaker, text)

    def sex(self, name: str) -> str | None:
        """ "f" or "m" when the article's honorifics ("Ms Okafor") or the given name say so."""
        if name not in self._sex:
            self._sex[name] = self._read_sex(name)
        return self._sex[name]

    def _read_sex(self, name: str) -> str | None:
        words = name.split()
        if not words or self.is_organisation(name):
            return None
        if self._honoured is None:  # "Ms Okafor", "Mr. Lavrov": read once per article
            self._honoured = {}
            for match in _HONOURED.finditer(self._text):
                sex = "m" if match.group("honorific") in ("Mr", "Sir", "Lord") else "f"
                for word in match.group("names").split():
                    self._honoured.setdefault(word, sex)
        if words[-1] in self._honoured:
            return self._honoured[words[-1]]
        given = words[0].lower()
        if len(words) > 1 and given in FEMALE:
            return "f"
        if len(words) > 1 and given in MALE:
            return "m"
        return None

    def _add_known(self, speaker: KnownSpeaker, text: str) -> None:
        spellings = [speaker.name, *speaker.aliases]
        present = [s for s in spellings if s and s[0].isupper() and _occurs(s, text)]
        first = min((text.find(s) for s in present), default=_NOWHERE)
        person = Person(
            speaker.name,
            organisation=speaker.kind == "organization",
            roles={speaker.role.lower()} if speaker.role else set(),
            first=first,
            known=True,
        )
        self.people[speaker.name] = person
        for spelling in spellings:
            if not spelling:
                continue
            if spelling[0].isupper():
                self._alias.setdefault(spelling.lower(), speaker.name)
                self._add_surname(spelling, speaker.name)
            else:
                person.roles.add(spelling.lower())
                if present:
                    self._generic.setdefault(_role_key(spelling), []).append(speaker.name)

    def _add_surname(self, spelling: str, canonical: str) -> None:
        words = spelling.split()
        if not words or not words[-1][0].isupper():
            return
        names = self._surname.setdefault(words[-1].lower(), [])
        if canonical not in names:
            names.append(canonical)

    def lookup(self, name: str) -> str | None:
        """The canonical name for a written name, or None if nobody by that name is known."""
        key = name.lower()
        if key in self._alias:
            return self._alias[key]
        words = name.split()
        if not words:
            return None
        same = self._surname.get(words[-1].lower(), [])
        if len(words) > 1:
            # "Lage said" met before "Carlos Lage": the surname alone agrees with any first name
            same = [
                c for c in same if len(c.split()) == 1 or _first_names_agree(words[0], c.split()[0])
            ]
        elif not same:
            same = self._misspelt(words[0])
        if not same:
            return None
        return min(same, key=lambda c: (not self.people[c].known, -len(c.split())))

    def _misspelt(self, surname: str) -> list[str]:
        """The one person whose surname a bare surname misspells ("Ms Robertsen" for Jane
        Robertson): the same first letter, nearly the same letters, and nobody else close."""
        key = surname.lower()
        if len(key) < _MISSPELT_MIN_LETTERS:
            return []
        close = {
            canonical
            for written, canonicals in self._surname.items()
            if written[0] == key[0]
            and SequenceMatcher(None, written, key).ratio() >= _MISSPELT_SIMILARITY
            for canonical in canonicals
            if not self.people[canonical].organisation
        }
        return list(close) if len(close) == 1 else []

    def register(self, mention: Mention, position: int) -> str:
        """The canonical name for a named mention, adding it (and its role) when new."""
        name = mention.name
        # "Public Health England" is not someone called England.
        canonical = self._alias.get(name.lower()) if mention.organisation else self.lookup(name)
        if canonical is None and not mention.organisation and len(name.split()) > 1:
            # "Ms Robertsen" met first, "Jane Robertson" later: one person, fully named
            bare = [c for c in self._misspelt(name.split()[-1]) if len(c.split()) == 1]
            canonical = bare[0] if bare else None
        if canonical is None and not mention.organisation and len(name.split()) == 1:
            # "Lisa Su, who runs AMD, ... Su said": the full name the article wrote before
            canonical = self._written_in_full(name, position)
        if canonical is None:
            canonical = self._spelled_out(name)  # "MOM" after the Ministry of Manpower
        if canonical is None and mention.organisation:
            acronym = self._acronym_of(name)  # the Ministry of Manpower after "MOM"
            canonical = self._rename(acronym, name) if acronym else None
        if canonical is None:
            canonical = name
            self.people[name] = Person(name, organisation=mention.organisation)
            self._alias[name.lower()] = name
            if not mention.organisation:
                self._add_surname(name, name)
        elif not self.people[canonical].known and len(name.split()) > len(canonical.split()):
            canonical = self._rename(canonical, name)
        person = self.people[canonical]
        person.first = min(person.first, position)
        person.organisation = person.organisation or mention.organisation
        for role in mention.role.split("; "):
            if role:
                person.roles.add(role)
                person.titled = True
        return canonical

    def named_with_given_name(self, pronoun: str, position: int) -> str | None:
        """The last person the article named before a position with a given name that "he"
        or "she" can stand for ("the witness, Mark Lund, ... He"), registered."""
        given, other = (MALE, FEMALE) if pronoun == "he" else (FEMALE, MALE)
        last = unlisted = None
        for match in _GIVEN_AND_SURNAME.finditer(self._text, 0, position):
            first = match.group(1).lower()
            if first in given:
                last = match
            elif first not in other and first not in _NOT_GIVEN and first not in STOP_CAPS:
                unlisted = match  # "Karl Berg": a given name the list lacks, of either sex
        last = last or unlisted
        if last is None or self.is_organisation(last.group(0)):
            return None
        return self._register_written(last.group(0), last.start())

    def _written_in_full(self, surname: str, position: int) -> str | None:
        """The person a bare surname means when the article named them in full before, with a
        given name it knows ("Lisa Su"), though nothing then made them a speaker; nobody when
        it named two ("Bill Clinton", "Hillary Clinton")."""
        pattern = rf"\b([A-Z][a-z]+) {re.escape(surname)}\b"
        written = {
            m.group(0): m.start()
            for m in re.finditer(pattern, self._text[:position])
            if m.group(1).lower() in FEMALE | MALE
        }
        if len(written) != 1:
            return None
        ((full, at),) = written.items()
        return self._register_written(full, at)

    def _register_written(self, full: str, at: int) -> str:
        """Register a person's full name as the article writes it at a position."""
        return self.register(Mention(at, at + len(full), "name", full, full), at)

    def _spelled_out(self, name: str) -> str | None:
        """The body an acronym stands for: the one the article spells out before it in
        brackets ("the Ministry of Manpower's (MOM) inspectorate"), or the one body already
        met whose initials it spells ("MOM", "PHE")."""
        if not _ACRONYM.fullmatch(name):
            return None
        if self._defined is None:
            self._defined = {}
            for m in _DEFINED.finditer(self._text):
                acronym, words = m.group("acronym"), m.group("name").split()
                words[-1] = re.sub(r"['’]s$", "", words[-1])
                # "In Eastport the Harbour Board (HB)": the words the letters spell
                spelled = (" ".join(words[i:]) for i in range(len(words)) if words[i][0].isupper())
                full = next((n for n in spelled if acronym.lower() in initials(n)), None)
                if full is not None:
                    self._defined[acronym] = full
        full = self._defined.get(name)
        if full is not None:
            canonical = self._alias.get(full.lower())
            if canonical is None:
                canonical = full
                self.people[full] = Person(full, organisation=True)
                self._alias[full.lower()] = full
            return canonical
        bodies = [
            c for c, p in self.people.items() if p.organisation and name.lower() in initials(c)
        ]
        return bodies[0] if len(bodies) == 1 else None

    def _acronym_of(self, name: str) -> str | None:
        """The one acronym already met that spells a body's name."""
        spelled = initials(name)
        found = [c for c in self.people if _ACRONYM.fullmatch(c) and c.lower() in spelled]
        return found[0] if len(found) == 1 else None

    def alias(self, spelling: str, canonical: str) -> None:
        """Another way the article writes someone already registered ("PHE")."""
        self._alias.setdefault(spelling.lower(), canonical)

    def alias_initials(self, canonical: str, text: str) -> None:
        """ "The CEA" in a page by the Council of Economic Advisers is the council."""
        for letters in initials(canonical):
            if re.search(rf"\b{letters.upper()}\b", text):
                self.alias(letters.upper(), canonical)

    def _rename(self, old: str, new: str) -> str:
        """Give a person found by a shorter name first the fuller name found later."""
        person = self.people.pop(old)
        person.name = new
        self.people[new] = person
        for key, value in list(self._alias.items()):
            if value == old:
                self._alias[key] = new
        self._alias[new.lower()] = new
        for names in self._surname.values():
            names[:] = [new if n == old else n for n in names]
        self._add_surname(new, new)
        return new

    def generic(self, phrase: str) -> list[str]:
        """Known speakers present in the article who go by a role alias ("the minister")."""
        return self._generic.get(_role_key(phrase), [])

    def fits_role(self, canonical: str, role: str) -> bool:
        """Whether a role phrase ("the diplomat", "the prime minister") can describe someone."""
        person = self.people.get(canonical)
        if person is None or not role:
            return False
        words = [w for w in role.split() if w not in DETERMINERS]
        if not words:
            return False
        key = " ".join(words)
        if any(_role_key(r) == key for r in person.roles):
            return True
        held = " ".join(person.roles)
        owner = words[0] if words[0].endswith(("'s", "’s")) else None
        if owner and owner not in held:
            return False  # "Ofgem's chief executive" is not Acme's
        if person.organisation:
            held = f"{held} {person.name.lower()}"
        head = words[-1].removesuffix("s") if words[-1] not in ROLE_FAMILIES else words[-1]
        if head == "minister" and "prime" not in words and "prime minister" in held:
            return False  # "the minister" is not how an article refers to its prime minister
        family = ROLE_FAMILIES.get(head)
        if family is not None:
            return bool(held) and any(part in held for part in family)
        if not re.search(rf"\b{re.escape(head)}(?:s|es)?\b", held):
            return False  # "the council" is no councillor
        needed = [w for w in words[:-1] if w in ROLE_MODIFIERS and w not in ("top", "former")]
        return all(re.search(rf"\b{re.escape(w)}", held) for w in needed)

    def role_known(self, canonical: str) -> bool:
        person = self.people.get(canonical)
        return bool(person and person.roles)

    @property
    def text(self) -> str:
        """The article the registry reads."""
        return self._text

    def last_seen(self, name: str, before: int) -> int:
        """Where the article last wrote a name, as a word, before a position (-1 when it
        did not): "Lee" is not in "Leeds"."""
        if not name:
            return -1
        at = self._text.rfind(name, 0, before)
        while at >= 0 and not _whole_word(self._text, at, at + len(name)):
            at = self._text.rfind(name, 0, at)
        return at

    @property
    def named_bodies(self) -> frozenset[str]:
        """Names the article writes as a body's, capitalised words ending in a word for one
        ("Acme Motors", "the Eastport Port Authority"), whether or not they ever speak."""
        if self._named_bodies is None:  # read once per article
            self._named_bodies = (
                frozenset(
                    m.group(0)
                    for m in _BODY_NAME.finditer(self._text)
                    if m.group(0).split()[-1].lower() in ORG_WORDS
                    # not a credit ("Image: Eastport Council"), which is furniture
                    and not self._text[: m.start()].rstrip(" ").endswith(":")
                )
                | {m.group("name") for m in _DESCRIBED_BODY.finditer(self._text)}
            )
        return self._named_bodies

    def finding_maker(
        self, before: int, paper: str = "report", named: tuple[int, int] = (0, 0)
    ) -> str | None:
        """Whoever the article last named as the maker of a paper of that kind before a
        position, or in the words that name the paper: "a new report by the Pew Research
        Center", "the Defense Science Board's report", "The FTC filed a complaint" for "the
        lawsuit", "The lawsuit, filed by the Sierra Club, says"."""
        if self._makers is None:  # read once per article, in text order
            self._makers = sorted(
                (m.start(), m.end(), _name_only(m.group("name")), _paper_kind(m.group("paper")))
                for pattern in (_MADE_BY, _MADE_BY_OWNER, _MADE_PUBLISHED, _MADE_SAID_IN, _MADE_LED)
                for m in pattern.finditer(self._text)
            )
        kind = _paper_kind(paper)
        found = [
            name
            for start, end, name, made in self._makers
            if made == kind and (end <= before or named[0] <= start < named[1])
        ]
        return found[-1] if found else None

    def may_be_body(self, name: str) -> bool:
        """Whether a name opening a sentence may be an organisation: not a person by a
        given name or an honorific, and not a place the article writes "in ..." before."""
        if self.sex(name) is not None or len(name) < 2:
            return False
        if self._titled_words is None:  # read once per article
            self._titled_words = {w for m in _TITLED_NAME.finditer(self._text) for w in m.groups()}
            self._places = {m.group("place") for m in _PLACE.finditer(self._text)}
        if name.split()[-1] in self._titled_words:
            return False  # "Dr Maathai", "President Moi"
        return name not in self._places

    def is_person(self, canonical: str) -> bool:
        """Whether the article shows a name is a person's: a role, a title or a sex."""
        person = self.people.get(canonical)
        if person is None or person.organisation:
            return False
        if person.roles or person.titled or self.sex(canonical):
            return True
        # "Bello" after "Amina Bello": the surname of someone the article shows is a person
        return " " not in canonical and any(
            n.endswith(" " + canonical) and self.is_person(n) for n in self.people
        )

    def is_organisation(self, canonical: str) -> bool:
        person = self.people.get(canonical)
        return bool(person and person.organisation)

    def titled(self) -> Iterable[Person]:
        """People the article itself introduces with a role."""
        return (p for p in self.people.values() if p.titled)


def _role_key(phrase: str) -> str:
    return " ".join(w for w in _WORDS.findall(phrase.lower()) if w not in DETERMINERS)


def _occurs(spelling: str, text: str) -> bool:
    """Whether a name occurs in the text as whole words."""
    at = text.find(spelling)
    while at != -1:
        before = text[at - 1] if at else " "
        after = text[at + len(spelling)] if at + len(spelling) < len(text) else " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(spelling, at + 1)
    return False


_NOT_NAME_WORDS = frozenset({"the", "inc", "ltd", "plc", "llc", "corp"})


def same_body(a: str, b: str) -> bool:
    """Whether two names are one body's: the words of one among the other's, or one's
    initials a word of the other ("VOA Learning English" is a desk of Voice of America)."""
    wa = set(re.findall(r"\w+", a.lower())) - _NOT_NAME_WORDS
    wb = set(re.findall(r"\w+", b.lower())) - _NOT_NAME_WORDS
    if not wa or not wb:
        return False
    return wa <= wb or wb <= wa or bool(initials(a) & wb) or bool(initials(b) & wa)


_ACRONYM = re.compile(r"[A-Z]{2,6}")
# "the Ministry of Manpower's (MOM)", "Public Health England (PHE)": a name and its acronym
_DEFINED = re.compile(
    r"(?P<name>[A-Z][\w'’&\-]*(?:\s+(?:of|for|and|on|the|[A-Z][\w'’&\-]*)){1,8}?)"
    r"\s+\((?P<acronym>[A-Z]{2,6})\)"
)


def initials(name: str) -> set[str]:
    """A name's initials with and without its small words: "voa" and "va" for Voice of America."""
    words = [w for w in re.findall(r"[\w’']+", name) if w.lower() not in ("the", "and")]
    spelled = {
        "".join(w[0] for w in words).lower(),
        "".join(w[0] for w in words if w[0].isupper()).lower(),
    }
    return {letters for letters in spelled if len(letters) > 1}


def _first_names_agree(a: str, b: str) -> bool:
    """Sergei and Sergey, V. and Vladimir: the same first name written differently."""
    a, b = a.lower().rstrip("."), b.lower().rstrip(".")
    if len(a) == 1 or len(b) == 1:
        return a[0] == b[0]
    return a[:4] == b[:4] if min(len(a), len(b)) >= 4 else a == b


# Capitalised words that open a name without being a given name.
_NOT_GIVEN = HONORIFICS | TITLE_WORDS | ROLE_MODIFIERS | MONTHS | WEEKDAYS | ORG_WORDS


def register_people(registry: Registry, mentions: list[Mention]) -> None:
    """Register the people found over the whole article, fuller names first, so that
    "Putin" already maps to the "Vladimir Putin" a later paragraph introduces."""
    for mention in sorted(mentions, key=lambda m: (-len(m.name.split()), m.start)):
        registry.register(mention, mention.start)


def find_people(text: str, tokens: list[Token], *, heading: bool = False) -> list[Mention]:
    """The people a paragraph names with a role, an honorific or next to a cue.

    In a `heading`, where every word is capitalised, only a name after a title or an
    honorific counts ("Press Secretary Jane Doe", "Remarks by President Biden").
    """
    found: list[Mention] = []
    i, n = 0, len(tokens)
    while i < n:
        token = tokens[i]
        if not (np_word(token) or token.lower in DETERMINERS or token.text == "["):
            i += 1
            continue
        end = collect_forward(tokens, i, n)
        if end is None:
            i += 1
            continue
        mention = mention_after(text, tokens, i, n)
        named = mention is not None and mention.kind == "name"
        if (
            named
            and _introduced(tokens, i, end, mention)
            and (not heading or _titled_in_heading(mention))
        ):
            found.append(mention)
        i = end
    return found


def _titled_in_heading(mention: Mention) -> bool:
    words = mention.role.split()
    return (
        not mention.organisation
        and len(mention.name.split()) <= 4
        and any(w in TITLE_WORDS or w in HONORIFICS for w in words)
    )


def _introduced(tokens: list[Token], i: int, end: int, mention: Mention) -> bool:
    """A name counts as a person's when titled, followed by a role, or next to a cue."""
    if mention.role or any(t.lower in HONORIFICS for t in tokens[i:end]):
        return True
    n = len(tokens)
    after = end
    while after < n and tokens[after].lower in SKIP_BEFORE_CUE:
        after += 1
    if after < n and is_cue(tokens, after):
        return True
    return i > 0 and is_cue(tokens, i - 1)
