"""Who said what: direct quotes, reported speech and the outlet's own narration.

A paragraph becomes statements. A quotation with its attribution ('"...," the minister said',
'Lavrov said: "..."') is direct speech; "X said that ...", "according to X", "..., X said."
and "..., saying that ..." are indirect speech; everything else is narration. Speakers are
resolved through the article's registry, and roles and pronouns through the discourse: who
spoke last and who was last the subject of a sentence, so that "the diplomat added" means the
minister speaking and not the people he mentioned in his own quotes.

A paragraph may have a voice (`Voice`, found by `structure`): the speaker of a transcript's
speaker line, of a block of paragraphs after "X said:", of a speech or statement published
under a name, or the institution whose press release it is. A voice speaks whatever the
paragraph's sentences do not attribute; a speaking voice also relays what they do attribute
("the inspectorate reported that ..." in a minister's speech is the minister's statement,
the inspectorate its reported speaker).

Every statement carries its evidence: the span that named the speaker, the cue's span, and a
confidence between 0 and 1 that says how directly the text gives the speaker.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from .lexicon import (
    ABBREVIATIONS,
    ABOUT_CUES,
    AS_CUES,
    BODY_KINDS,
    COMPILED,
    COURT_PAPERS,
    CUE_WORDS,
    DETERMINERS,
    FINDING_CUES,
    FINDING_NOUNS,
    FINITE_VERBS,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    INDEFINITES,
    LISTENER_CUES,
    MADE_PAPERS,
    MONTHS,
    NAMING_CUES,
    NEGATED_VERBS,
    OF_CUES,
    ORG_WORDS,
    PASSIVE_BEFORE_CUE,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
    RESTATING,
    SKIP_BEFORE_CUE,
    STOP_CAPS,
    TAIL_CUES,
    TALLY_VERBS,
    TITLE_WORDS,
    TWO_WORD_CUES,
    WEEKDAYS,
    singular,
    word_set,
)
from .names import Registry, same_body
from .phrases import (
    GROUP_NOUNS,
    Mention,
    claim_restated,
    collect_back,
    cue_fits,
    cue_span,
    cue_text,
    interpret,
    is_acronym,
    is_cue,
    mention_after,
    mention_before,
    possessive,
)
from .quotes import Quote, find_quotes, is_statement
from .segment import dateline_end, split_sentences
from .tokens import Token, tokenize, word_count

_CLAUSE_LOOKAHEAD = 12  # tokens after a cue within which "that" opens the reported clause
_TAIL_ATTRIBUTION = 14  # tokens after a final comma that may still be "Lavrov said on Monday"

# How directly the text gives a speaker.
NAMED = 0.9  # a name next to the cue, in the same sentence
ROLE = 0.75  # a role ("the minister") resolved to someone the article names
DESCRIBED = 0.7  # a phrase that is itself the speaker ("officials", "a witness")
PRONOUN = 0.65  # "he said", resolved to the last person speaking or talked about
CONTINUED = 0.8  # a quotation after one the paragraph attributed by name
CARRIED = 0.55  # nothing in the sentence: the speaker carried on from before
FINDING_CARRIED = 0.5  # a finding written as narration after its source was cited
OUTLET = 0.5  # no attribution found: the outlet's narration (one may have been missed)

# Words that may stand between a cue and the "that" opening its clause: "said on Monday
# that", "told reporters in Paris that". After anything else (a verb, a figure) a "that" is
# a relative pronoun or a demonstrative, not the start of the reported clause.
_INTERPOSED = word_set(
    """
    on in at during to with for from after before by via through over last this earlier later
    also again repeatedly once yesterday today tonight recently previously publicly privately
    separately there here then now already first late early
    """
)
_NOT_BEFORE_THAT = word_set(
    "on in at of for by with from to about into upon under over after before than all like "
    "the a an this and or"
)
# Words that open a sentence before its subject without a comma: "Last week X revealed".
_OPENERS = word_set(
    "last on in at during earlier later yesterday today this next since after before then now "
    "recently meanwhile separately also"
)


@dataclass(frozen=True)
class Voice:
    """Who speaks in a paragraph where its sentences name nobody, and how that was found."""

    speaker: str | None
    kind: str  # "direct" | "narration"
    confidence: float
    evidence: str
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    cue: str | None = None
    body_start: int | None = None  # where the words start after a speaker label
    relays: bool = True  # attributions inside are the voice relaying someone (a speech)
    reported: str | None = None  # whom the voice relays throughout ("according to a survey:")


@dataclass
class Statement:
    """What one speaker said, as one span of the text, before it is split into claims."""

    start: int
    end: int
    kind: str  # "direct" | "indirect" | "narration"
    speaker: str | None
    cue: str | None
    paragraph: int
    quoted: bool = False
    reported: str | None = None
    speaker_span: tuple[int, int] | None = None
    cue_span: tuple[int, int] | None = None
    confidence: float = 0.0
    evidence: str = ""


@dataclass(frozen=True)
class Found:
    """An attribution found in a sentence: who, the cue, and the words it reports."""

    mention: Mention | None
    cue: str
    cue_span: tuple[int, int]
    span: tuple[int, int] | None
    before: tuple[int, int] | None = None  # the outlet's words before ("X met Y and said")
    after: tuple[int, int] | None = None  # more of the speaker's ("..., X said, the worst ...")
    relayed: Mention | None = None  # whom the speaker quotes ("according to X, quoting Y,")
    poll: bool = False  # the figures of a poll the sentence opens with ("In a survey by X,")


@dataclass
class Discourse:
    """Who has been speaking and who was last talked about, as the article is read."""

    registry: Registry
    outlet: str | None = None
    current: str | None = None
    spoke: dict[str, int] = field(default_factory=dict)
    subjects: dict[str, int] = field(default_factory=dict)
    finding: str | None = None  # a study or data cited in this paragraph, for what follows
    poll: str | None = None  # the maker of a poll whose figures this paragraph gives
    paragraph_speaker: str | None = None  # who was last quoted by name in this paragraph
    group: tuple[str, int] | None = None  # a group that opened a narration sentence, and where
    relayed: str | None = None  # whom the voice last relayed in this paragraph
    sentence_start: int = 0  # where the sentence being read starts
    bodies: dict[str, int] = field(default_factory=dict)  # names a "the group" may mean, and where

    def speaking(self, speaker: str | None, position: int) -> None:
        if speaker:
            self.current = speaker
            self.spoke[speaker] = position

    def resolve(
        self, mention: Mention | None, position: int, *, relayed: bool = False
    ) -> tuple[str | None, float]:
        """The canonical speaker a phrase refers to (the current speaker when there is
        none), and how sure that is. A role that fits nobody is the current speaker's, but
        not when someone `relayed` is meant ("the national auditor reported that ...")."""
        if mention is None:
            return self.current, CARRIED if self.current else 0.0
        if mention.kind == "name":
            if mention.organisation and self.outlet and same_body(mention.name, self.outlet):
                return self.outlet, NAMED  # "Acme Robotics Inc. today reported" in its release
            return self.registry.register(mention, position), NAMED
        if mention.kind == "pronoun":
            who = self._pronoun(mention.role, position)
            return who, PRONOUN if who else 0.0
        names_a_body = mention.text.split()[-1].lower() in ORG_WORDS
        if mention.kind == "role" and not names_a_body:  # "the U.S. military" is no spokesman
            who = self.role(mention.role)
            if who:
                return who, ROLE
        body = (
            self.body_described(mention, position)
            or self.finding_made(mention, position)
            or self._researchers_named(mention)
            or self._owner_described(mention, position)
            or self._spokesperson_described(mention, position)
        )
        if body:
            return body, ROLE
        if mention.kind == "role":
            if relayed:
                return mention.text, DESCRIBED
            return self._unresolved_role(mention), DESCRIBED
        return mention.text, DESCRIBED

    def role(self, role: str, exclude: str | None = None) -> str | None:
        """The person a role phrase means: the current speaker if it fits, then the most
        recent speaker, then the most recent subject, then anyone given that role."""
        people = self.registry.people
        fitting = [
            name
            for name, person in people.items()
            if name != exclude and person.present and self.registry.fits_role(name, role)
        ]
        fitting += [n for n in self.registry.generic(role) if n not in fitting and n != exclude]
        if not fitting:
            return None
        if self.current in fitting:
            return self.current

        def rank(name: str) -> tuple[int, int]:
            if name in self.spoke:
                return (3, self.spoke[name])
            if name in self.subjects:
                return (2, self.subjects[name])
            return (1, -people[name].first)

        return max(fitting, key=rank)

    def _named_in_sentence(self, position: int, other: str) -> str | None:
        """The person the sentence named last before a "he" or "she" in it, if any."""
        registry = self.registry
        seen = {
            name: registry.last_seen(name.split()[-1], position)
            for name, person in registry.people.items()
            if not person.organisation and person.present and registry.sex(name) != other
        }
        text = registry.text
        inside = {
            n: at
            for n, at in seen.items()
            # a name inside a quotation is no one the narrator's "he" can mean
            if at >= self.sentence_start and not _QUOTE_MARKS.search(text, at, position)
        }
        return max(inside, key=inside.__getitem__) if inside else None

    def body_described(self, mention: Mention, position: int) -> str | None:
        """ "Amnesty International ... The rights group said", "Intel ... The chipmaker
        says": a body described by its kind is the one the article named last before it,
        one whose name holds the kind first ("the airline": "Malaysia Airlines"). A kind
        that is also a body's own name ("the ministry", "the council") needs that word in
        the name."""
        words = mention.text.split()
        if len(words) == 2 and words[1].lower() in _BODY_PEOPLE and words[0].lower() in BODY_KINDS:
            words = ["the", words[0].lower()]  # "Company officials said": the company speaks
        if len(words) < 2 or words[0].lower() != "the" or mention.kind not in ("role", "phrase"):
            return None
        head = words[-1].lower().strip(".,")
        named = head in _NAMED_BODY_KINDS
        if (head not in BODY_KINDS and not named) or words[-1] != words[-1].lower():
            return None
        if any(w.lower() in PERSON_NOUNS or w.lower() in TITLE_WORDS for w in words[1:-1]):
            return None  # "the company's chief executive" is read elsewhere
        if any(w[:1].isupper() for w in words[1:-1] if "-" not in w):
            return None  # "the Reuters news agency" names its body; "the London-based group"
        if any(w.endswith(("'s", "’s")) for w in words[1:-1]):
            return None  # "the country's disaster management agency": a body of its own
        registry = self.registry
        known = {n for n, p in registry.people.items() if p.organisation}
        known |= registry.named_bodies  # "Shares in Acme Motors fell ... the carmaker"
        # "Aurora Innovation said ... Company officials said": a speaker no person's name
        known |= {
            n
            for n in self.spoke
            if n in registry.people
            and " " in n
            and not registry.is_person(n)
            and registry.may_be_body(n)
        }
        last: dict[str, tuple[bool, int, int]] = {}
        outlet = {self.outlet} if self.outlet and head in self.outlet.lower().split() else set()
        for name in sorted(known | set(self.bodies) | outlet):  # the same answer on every run
            kind_in_name = re.search(rf"\b{re.escape(head)}", name.lower()) is not None
            if (name == self.outlet and not kind_in_name) or _other_kind(name, head):
                continue  # (a press office's "the department said" is its own department)
            seen = registry.last_seen(name, position)
            # ("the airline" is Acme Airways: the kind by another word of its name)
            kind_in_name = kind_in_name or _fits_kind(name, head)
            if seen >= 0 and (kind_in_name or not named):
                last[name] = (kind_in_name, seen, len(name))  # "Desde Abajo" over "Desde"
        return max(last, key=last.__getitem__) if last else None

    def _owner_described(self, mention: Mention, position: int) -> str | None:
        """ "the company's website says", "the agency's statement said": what a body
        described by its kind publishes speaks for that body."""
        words = mention.text.split()
        if len(words) != 3 or words[0].lower() != "the" or not words[1].endswith(("'s", "’s")):
            return None
        if words[2].lower() not in _PUBLICATIONS | FINDING_NOUNS:
            return None
        owner = replace(mention, text=f"the {words[1][:-2]}", kind="phrase")
        return self.body_described(owner, position)

    def _spokesperson_described(self, mention: Mention, position: int) -> str | None:
        """ "A spokeswoman for the organisation said": the body described by its kind speaks,
        as it does for "a spokesperson for the Department for Transport"."""
        match = _SPOKESPERSON_FOR.fullmatch(mention.text)
        if match is None:
            return None
        kind = (match.group("kind") or match.group("kind_before")).lower()
        if kind not in BODY_KINDS:
            return None  # "a police spokesman" is read elsewhere; "a senior official" is no body
        body = replace(mention, text=f"the {kind}", kind="phrase")
        return self.body_described(body, position)

    def _researchers_named(self, mention: Mention) -> str | None:
        """ "Researchers from Nanjing University reported ... The scientists noted": people
        doing research, described again, are the last such group named with its institution."""
        words = mention.text.lower().split()
        if len(words) != 2 or words[0] != "the" or words[1] not in _RESEARCHERS:
            return None
        named = [
            (at, name)
            for name, at in self.spoke.items()
            if name.split()[0].lower() in _RESEARCHERS
            and any(w[:1].isupper() for w in name.split()[1:])
        ]
        return max(named)[1] if named else None

    def finding_made(self, mention: Mention, position: int) -> str | None:
        """ "The study found ..." after "a new study by the Pew Research Center": a finding
        named again is its maker's, as a fact-checker names the claimant."""
        words = mention.text.lower().split()
        if len(words) < 2 or words[-1] not in MADE_PAPERS or words[0] not in _ARTICLE_WORDS:
            return None
        within = (mention.start, mention.end)
        if words[0] in ("the", "this") and all(w.isalpha() for w in words[1:-1]):
            # "the report", "the final report": one named before
            return self.registry.finding_maker(position, words[-1], within)
        # "A separate study, released by the World Bank, says": only a maker named with it
        return self.registry.finding_maker(-1, words[-1], within)

    def _unresolved_role(self, mention: Mention) -> str | None:
        # "the company" after a named speaker whose kind the article never gave is that
        # speaker; a described speaker ("the coastguard") is never "the weather office", nor
        # is a role with a name in it ("the U.S. Surgeon General") anyone met before it
        current = self.current
        words = mention.text.lower().split()
        if words[0] == "the" and words[-1] in TITLE_WORDS:
            # "The president said" after "Tom Reyes" names no one whose role was never given
            return mention.text
        named = any(
            w[:1].isupper() and w.lower().strip(".") not in TITLE_WORDS
            for w in mention.text.split()[1:]
        )
        if (
            current
            and current in self.registry.people
            and not self.registry.role_known(current)
            and not self.registry.is_organisation(current)
            and not named
            # "the weather service" is no one the article shows to be a person, nor anyone
            # named in two words who may be one ("Amara Diallo"): only a body such as "Acme"
            and not (
                mention.organisation
                and (self.registry.is_person(current) or " " in current)
                and current not in self.bodies
            )
        ):
            return current
        return mention.text

    def _described_person(self) -> str | None:
        """The last speaker when a role describes them ("the head of the agency"), which the
        registry of names does not hold."""
        current = self.current
        if not current or current in self.registry.people or current == self.outlet:
            return None
        head = current.split()[-1].lower().strip(".,")
        return current if head in TITLE_WORDS or head in PERSON_NOUNS else None

    def _pronoun(self, word: str, position: int) -> str | None:
        registry = self.registry
        if word in ("he", "she"):
            other = "f" if word == "he" else "m"  # "he" never stands for a woman, nor "she" a man
            named = self._named_in_sentence(position, other)
            if named:
                return named  # "Minister Ivan Lewis misled ... when he stated that ..."
            people = {
                n: p
                for n, p in self.subjects.items()
                # (not "CNN Turk" in "He told CNN Turk that": named after the pronoun)
                if not registry.is_organisation(n) and registry.sex(n) != other and p < position
            }
            current = self.current if self.current in registry.people else None
            if current and (registry.is_organisation(current) or registry.sex(current) == other):
                # the last speaker cannot be meant: the latest one who can
                current = None
                people.update(
                    (n, max(p, people.get(n, -1)))
                    for n, p in self.spoke.items()
                    if n in registry.people
                    and not registry.is_organisation(n)
                    and registry.sex(n) != other
                )
            if current:
                people[current] = max(self.spoke.get(current, -1), people.get(current, -1))
            described = self._described_person()
            if described and self.spoke.get(described, -1) > max(people.values(), default=-1):
                return described  # "The Surgeon General said ... He wrote, ..."
            if people or current:
                return max(people, key=people.__getitem__) if people else current
            # "Professor Elio Riboli ... commented on the findings. '...,' he stated": nobody
            # spoke or opened a sentence yet, so the person the text named last before it
            seen = {
                n: registry.last_seen(n.split()[-1], position)
                for n, p in registry.people.items()
                if not p.organisation and registry.is_person(n) and registry.sex(n) != other
            }
            seen = {n: at for n, at in seen.items() if at >= 0}
            if seen:
                return max(seen, key=seen.__getitem__)
            # "Prosecutors questioned the witness, Mark Lund. He told the court ...": nobody
            # spoke or was registered, so the last person named with a given name of the sex
            return registry.named_with_given_name(word, position)
        if word == "they" and self.group is not None:
            phrase, where = self.group
            if where > self.spoke.get(self.current or "", -1):
                return phrase  # "The researchers analysed ... They found that ..."
        current = self.current
        if word == "they" and current and current.endswith("s") and current not in registry.people:
            return current  # "Activists claim that ... They accuse ...": the group that spoke
        if word == "it":
            opened = {n: p for n, p in self.bodies.items() if p < position}
            latest = max(opened, key=opened.__getitem__) if opened else None
            since = max([self.spoke.get(current or "", -1), *self.subjects.values()], default=-1)
            if latest is not None and opened[latest] > since:
                return latest  # "Acme said ... The Met Office has issued a warning. It says"
        if self.current and registry.is_organisation(self.current):
            return self.current
        groups = {n: p for n, p in self.subjects.items() if registry.is_organisation(n)}
        if groups or self.current:
            return max(groups, key=groups.__getitem__) if groups else self.current
        # "... announced by the election committee. It also announced ...": no subject yet,
        # so the organisation the text named last before the pronoun
        named = {
            n: p.first for n, p in registry.people.items() if p.organisation and p.first < position
        }
        if word == "it":
            # "The Met Office has issued a warning. It says ...": a body that opened a
            # narration sentence
            named |= {n: p for n, p in self.bodies.items() if p < position and n not in named}
        return max(named, key=named.__getitem__) if named else None


def paragraph_statements(
    text: str,
    index: int,
    start: int,
    end: int,
    discourse: Discourse,
    names: frozenset[str],
    voice: Voice | None = None,
) -> list[Statement]:
    """The statements of one body paragraph, in text order, with its dateline (or its
    speaker label) set aside."""
    if voice is not None and voice.body_start is not None:
        body = voice.body_start
    else:
        body = dateline_end(text, start, end)
    if voice is not None and voice.speaker and voice.relays:
        discourse.speaking(voice.speaker, body)
    tokens = tokenize(text, body, end, names)
    quotes = find_quotes(text, body, end)
    spoken = [q for q in quotes if is_statement(text, q, body, end)]
    statements: list[Statement] = []
    discourse.finding = discourse.paragraph_speaker = discourse.relayed = discourse.poll = None
    for s, e in split_sentences(text, body, end, [q.outer for q in quotes]):
        discourse.sentence_start = s
        sentence = [t for t in tokens if s <= t.start < e]
        inside = [q for q in spoken if s <= q.open < e]
        if inside and not _titled_only(text, sentence, inside):
            statements += _direct(text, index, sentence, inside, e, discourse, voice)
        else:
            inline = [q for q in quotes if s <= q.open < e]
            found = _reported(text, index, sentence, inline, s, e, discourse, voice)
            statements += _carried_on(text, sentence, statements, found)
    discourse.finding = discourse.poll = None
    return statements


# Connectors by which a sentence carries on the reported speech before it: "Mr. Putin said
# that ... . Instead, Russia is financing ...", "Doe says that ... . However, when ...".
_CARRIERS = word_set("instead however moreover furthermore also besides meanwhile still")
_CARRIED_CUES = word_set("said says stated states added adds noted notes argued argues")


def _carried_on(
    text: str, sentence: list[Token], before: list[Statement], found: list[Statement]
) -> list[Statement]:
    """A sentence of the outlet's narration that opens with a connector ("Instead,",
    "However,") right after a person's reported speech in the same paragraph carries that
    speech on: it is the same speaker's, at a lower confidence."""
    if len(found) != 1 or found[0].kind != "narration" or not before or not sentence:
        return found
    last = before[-1]
    if last.kind != "indirect" or last.reported or not last.speaker or last.quoted:
        return found
    if (last.cue or "").split(" ")[0].lower() not in _CARRIED_CUES:
        return found
    if sentence[0].lower not in _CARRIERS or len(sentence) < 2 or sentence[1].text != ",":
        return found
    if any(t.lower in FIRST_PERSON for t in sentence):
        return found
    return [
        replace(
            found[0],
            kind="indirect",
            speaker=last.speaker,
            cue=last.cue,
            speaker_span=last.speaker_span,
            cue_span=last.cue_span,
            confidence=min(last.confidence, 0.6),
            evidence="carries on the reported speech before it",
        )
    ]


_OWN_CLAUSE_WORDS = 6


def _titled_only(text: str, sentence: list[Token], quotes: list[Quote]) -> bool:
    """'On a new website, "The Harbour Clock", the board has launched a campaign': the
    quotation is a title inside a sentence of the outlet's own, which names no speaker and
    has a verb of its own; read as one sentence, not as a quotation."""
    outside = _outside(sentence, quotes)
    words = [t for t in outside if t.is_word]
    if len(words) < _OWN_CLAUSE_WORDS or not any(_verbish(t) for t in words):
        return False
    if any(is_cue(outside, k) for k in range(len(outside))):
        return False
    mention, cue_at = _attribution(text, outside)
    return mention is None and cue_at is None


def _outside(tokens: list[Token], quotes: list[Quote]) -> list[Token]:
    """Tokens outside the quotations, with a quote mark standing in for each one (its span
    is the quotation's, marks included)."""
    outside: list[Token] = []
    pending = sorted(quotes, key=lambda q: q.open)
    for token in tokens:
        while pending and token.start >= pending[0].outer[1]:
            outside.append(_stand_in(pending.pop(0)))
        if any(q.outer[0] <= token.start < q.outer[1] for q in quotes):
            continue
        outside.append(token)
    outside += [_stand_in(q) for q in pending]
    return outside


def _stand_in(quote: Quote) -> Token:
    return Token('"', quote.open, quote.outer[1], '"')


def _quotation(token: Token) -> bool:
    """Whether a token outside the quotations stands in for one (not a lone quote mark)."""
    return token.text == '"' and token.end - token.start > 1


def _direct(
    text: str,
    index: int,
    sentence: list[Token],
    quotes: list[Quote],
    sentence_end: int,
    discourse: Discourse,
    voice: Voice | None,
) -> list[Statement]:
    outside = _outside(sentence, quotes)
    mention, cue_at = _attribution(text, outside)
    position = quotes[0].open
    if mention is not None and mention.kind == "pronoun" and mention.start < position:
        # 'He told CNN Turk that "..."': whom the "he" means is read where it stands, not
        # after the listener named before the quotation
        speaker, confidence = discourse.resolve(mention, mention.start)
    else:
        speaker, confidence = discourse.resolve(mention, position)
    cue = cue_text(outside, cue_at) if cue_at is not None else None
    evidence = "quotation attributed in its sentence" if mention else "quotation, speaker before"
    named_at = (mention.start, mention.end) if mention else None
    cue_at_span = cue_span(outside, cue_at) if cue_at is not None else None
    reported = None
    if mention is None and speaker is not None and discourse.paragraph_speaker == speaker:
        confidence, evidence = CONTINUED, "quotation continuing the speaker's words"
    elif mention is not None:
        discourse.paragraph_speaker = speaker
    speaking = voice is not None and voice.speaker is not None and voice.relays
    if speaking and (mention is None or speaker == voice.speaker):
        speaker, confidence, evidence = voice.speaker, voice.confidence, voice.evidence
        named_at = voice.speaker_span
        cue, cue_at_span = cue or voice.cue, cue_at_span or voice.cue_span
    elif speaking:
        reported, speaker, confidence = speaker, voice.speaker, voice.confidence
        evidence = f"{voice.evidence}, relaying someone"
    else:
        discourse.speaking(speaker, position)
        if mention is None and speaker is None and voice is not None:
            speaker, confidence, evidence = voice.speaker, voice.confidence, voice.evidence
    statements = []
    common = dict(
        reported=reported,
        speaker_span=named_at,
        cue_span=cue_at_span,
        confidence=confidence,
        evidence=evidence,
    )
    for span in _quotation_spans(text, quotes):
        statements.append(Statement(*span, "direct", speaker, cue, index, quoted=True, **common))
    if cue_at is not None:
        tail = _tail_clause(outside, cue_at, sentence_end, text)
        if tail:
            statements.append(Statement(*tail, "indirect", speaker, cue, index, **common))
        lead = _lead_clause(text, outside, cue_at)
        if lead:
            statements.insert(0, Statement(*lead, "indirect", speaker, cue, index, **common))
        elif mention is not None and mention == _relative_owner(text, outside, cue_at):
            # 'Police arrested Tom Green, who said "..."': the arrest is the outlet's account
            who = _skip_back(outside, cue_at - 1, 0)
            before = _main_clause_before(text, outside, who - 1)
            if before is not None:
                statements.insert(0, _outlet_narration(*before, index, discourse))
        elif (
            mention is not None
            and outside[cue_at].lower in TAIL_CUES
            and outside[cue_at - 1].text == ","
            and _acted(outside[: cue_at - 1], mention)
        ):
            # 'Trudeau later congratulated Varadkar on Twitter, saying: "..."': the act
            first, comma = outside[0].start, outside[cue_at - 1].start
            statements.insert(0, _outlet_narration(first, comma, index, discourse))
    return statements


def _lead_clause(text: str, outside: list[Token], cue_at: int) -> tuple[int, int] | None:
    """ "Roe told the Gazette that 12 workers were hurt, and he added that "...": the clause
    the cue reports before the quotation, which is the speaker's words too."""
    quote_at = next((k for k in range(cue_at + 1, len(outside)) if outside[k].text == '"'), None)
    if quote_at is None:
        return None
    stop = quote_at
    for k in range(cue_at + 1, quote_at):
        if is_cue(outside, k):  # ", and he added that": the clause ends before it
            stop = k
            while stop - 1 > cue_at and (
                outside[stop - 1].lower in PERSON_PRONOUNS | GROUP_PRONOUNS | SKIP_BEFORE_CUE
                or outside[stop - 1].lower in ("and", "but", ",")
            ):
                stop -= 1
            break
    if stop - cue_at < _LEAD_CLAUSE_WORDS:
        return None
    head = outside[:stop]
    span = _reported_clause(text, head, cue_at, head[-1].end)
    if span is None or not _THAT_BEFORE.search(text, outside[cue_at].end, span[0]):
        return None
    return span


_LEAD_CLAUSE_WORDS = 4
_THAT_BEFORE = re.compile(r"\bthat\b")


def _attribution(text: str, outside: list[Token]) -> tuple[Mention | None, int | None]:
    """The speaker phrase and cue index attributing the quotations of one sentence."""
    first_cue = None
    for k in range(len(outside)):
        if not is_cue(outside, k):
            continue
        if first_cue is None and outside[k].lower not in LISTENER_CUES | {"according"}:
            first_cue = k
        if outside[k].lower in TAIL_CUES and k > 1 and not _with_subject(text, outside, k):
            # 'X defended the Air Force's choice, saying, "..."': the sentence's subject says
            # it, not the last name before the participle; 'The minister weighed in, saying';
            # 'Leo Varadkar addressed the Dáil saying, "..."'
            lead = _opening_phrase(outside)
            subject = _sentence_subject(text, outside[lead:], k - lead)
            if subject is None and lead < k:
                subject = mention_after(text, outside, lead, k)
                subject = subject if subject and subject.kind in ("role", "phrase") else None
            if subject is not None and subject.kind != "pronoun":
                return subject, k
        mention = _subject(text, outside, k) or _relative_owner(text, outside, k)
        if mention is None and outside[k].lower not in LISTENER_CUES:
            mention = _inverted(text, outside, k)
        if mention is None and k > 1 and outside[_skip_back(outside, k - 1, 0)].lower == "and":
            # 'Jane Roe, head of the chamber, was at the show and said "..."': the subject of
            # the sentence's first verb says it too
            lead = _opening_phrase(outside)
            mention = _sentence_subject(text, outside[lead:], k - lead)
            mention = mention if mention is not None and mention.kind == "name" else None
        if mention is not None and cue_fits(outside, k, mention):
            return mention, k
    if first_cue is not None:
        if outside[first_cue].lower in TAIL_CUES and outside[first_cue - 1].text == ",":
            # 'Jane Doe, a mother, called him a murderer, adding to CNN: "..."': the
            # sentence's subject adds it
            lead = _opening_phrase(outside)
            subject = _sentence_subject(text, outside[lead:], first_cue - lead)
            if subject is not None and subject.kind == "name":
                return subject, first_cue
        return None, first_cue
    for k, token in enumerate(outside):
        if token.text == ":" and k + 1 < len(outside) and outside[k + 1].text == '"':
            mention = mention_before(text, outside, k - 1)
            first = _token_index(outside, mention.start) if mention else k
            if not _only_connectors(outside[:first]):
                # "Jane Doe of the Gazette dubbed the feud: "..."": the sentence's subject
                # speaks, not the last words before the colon
                lead = _opening_phrase(outside)
                mention = _sentence_subject(text, outside[lead:], k - lead)
            return mention, None
    return None, None


def _with_subject(text: str, tokens: list[Token], cue: int) -> bool:
    """ "with campaigner Ana Lind stating:", "with one poster writing": a participle after
    "with" has its own subject, right before it."""
    if tokens[cue - 1].text == ",":
        return False
    mention = _subject(text, tokens, cue)
    first = _token_index(tokens, mention.start) if mention is not None else 0
    return first > 0 and tokens[first - 1].lower == "with"


def _relative_owner(text: str, tokens: list[Token], cue: int) -> Mention | None:
    """ "Sam Ortiz, who said", "the UN, which said": whom the relative clause before the cue
    hangs on (the name an appositive describes, when one comes between)."""
    who = _skip_back(tokens, cue - 1, 0)
    if who < 2 or tokens[who].lower not in _RELATIVES or tokens[who - 1].text != ",":
        return None
    return _appositive_owner(text, tokens, who - 1) or mention_before(text, tokens, who - 2)


def _main_clause_before(text: str, tokens: list[Token], comma: int) -> tuple[int, int] | None:
    """ "Police arrested Tom Green, who said ...": the outlet's own clause before the comma
    that opens the relative one, when it tells something done (a verb before the name)."""
    acted = [t for t in tokens[:comma] if t.is_word]
    if len(acted) >= 3 and any(_verbish(t) for t in acted[: len(acted) - 1]):
        return _clause_span(text, tokens[0].start, tokens[comma].start)
    return None


def _appositive_owner(text: str, tokens: list[Token], comma: int) -> Mention | None:
    """ "quotes Jyunichi Tokuyama, a specialist with the Fisheries Department, who said":
    the name an appositive describes, when the relative clause follows the appositive."""
    for c in range(comma - 1, max(0, comma - _RELATIVE_WORDS) - 1, -1):
        if tokens[c].text != ",":
            continue
        if c + 1 < comma and tokens[c + 1].lower in ("a", "an", "the") and c >= 1:
            named = mention_before(text, tokens, c - 1)
            return named if named is not None and named.kind == "name" else None
        return None
    return None


def _before_relative(tokens: list[Token], j: int, lo: int) -> int | None:
    """Where the phrase before ", which ...," or ", who ...," ends, when tokens[j] is the
    comma closing that clause."""
    if tokens[j].text != ",":
        return None
    for c in range(j - 1, max(lo, j - _RELATIVE_WORDS) - 1, -1):
        digits = c > 0 and tokens[c - 1].text.isdigit() and tokens[c + 1].text.isdigit()
        if tokens[c].text == "," and digits:
            continue  # "110,000"
        if tokens[c].text in ",;:":
            if c + 1 < j and tokens[c + 1].lower in _RELATIVES and c - 1 >= lo:
                return c - 1
            return None
    return None


_RELATIVE_WORDS = 16


def _subject(text: str, tokens: list[Token], cue: int, lo: int = 0) -> Mention | None:
    """The phrase before a cue ("the minister said", "Lavrov also added")."""
    j = _skip_back(tokens, cue - 1, lo)
    if j > lo and tokens[j].text == "." and tokens[j - 1].lower in ABBREVIATIONS:
        j -= 1  # "Acme Corp. said": the name, not its abbreviation's full stop
    if j < lo or tokens[j].lower in PASSIVE_BEFORE_CUE:
        return None
    if tokens[j].lower == "others" and j - 2 >= lo and tokens[j - 1].lower == "and":
        named = mention_before(text, tokens, j - 2, lo)  # "President Bush and others have said"
        if named is not None and named.kind == "name":
            return named
    relative = _before_relative(tokens, j, lo)
    if relative is not None:
        # "The company, which employs 110,000 people, said": who the clause describes
        described = mention_before(text, tokens, relative, lo)
        if described is not None and described.start == tokens[lo].start:
            return described
    colleagues = _with_colleagues(text, tokens, j, lo)
    if colleagues is not None:
        return colleagues
    finding = _finding_subject(text, tokens, cue, lo)
    if finding is not None and finding.kind == "name":
        return finding  # "The results of the National Health Survey, published ..., revealed"
    bracketed = _bracketed_name(text, tokens, cue, lo)
    if bracketed is not None:
        return bracketed
    unnamed = _unnamed_sources(text, tokens, j, lo) or _people_of(text, tokens, j, lo)
    if unnamed is not None:
        return unnamed
    mention = mention_before(text, tokens, j, lo)
    if (
        finding is not None
        and mention is not None
        and mention.kind == "name"
        and _BY_OR_FROM.search(text, finding.start, mention.start)
    ):
        # "A report by the consumer group Consumer Focus found": the paper, up to its maker,
        # speaks for its maker
        words = text[finding.start : mention.end]
        before = text[finding.start : text.rfind(mention.name, mention.start, mention.end)]
        before = before.split()
        if len(before) >= 2 and before[-1].lower() == "the" and before[-2][:1].isupper():
            # "the charity Save the Children": a name cut at its "the" is read whole
            return Mention(finding.start, mention.end, "phrase", words, organisation=True)
        return Mention(
            finding.start, mention.end, "name", words, name=mention.name, organisation=True
        )
    return (
        _head_before_place(text, tokens, j, lo)
        or mention
        or _plain_noun_subject(tokens, j, cue, lo)
        or _publication_subject(text, tokens, j, lo)
        or _subject_before_comma(text, tokens, j, lo)
        or _speaking_for(text, tokens, j, lo)
        or finding
    )


def _speaking_for(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """ "A spokeswoman for the family said": someone speaking for people written as a common
    noun, the phrase as a whole."""
    for i in range(j - 1, max(lo, j - _SPEAKING_FOR_WORDS) - 1, -1):
        if tokens[i].lower not in ("for", "of") or i - 1 < lo or tokens[i - 1].lower not in _SPOKES:
            continue
        if not all(t.is_word for t in tokens[i + 1 : j + 1]):
            return None
        start = i - 2 if i - 2 >= lo and tokens[i - 2].lower in _ARTICLE_WORDS else i - 1
        return interpret(text, tokens[start : j + 1])
    return None


_SPEAKING_FOR_WORDS = 5


def _with_colleagues(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """ "Dr Kofi Mensah and colleagues at the University of Ghana found": the lead author
    named before "and colleagues", "and her team", "and co-authors"."""
    for k in range(j, max(lo, j - _COLLEAGUE_WORDS) - 1, -1):
        if tokens[k].lower not in _COLLEAGUES:
            continue
        m = k - 1
        if m >= lo and tokens[m].lower in _POSSESSIVES:
            m -= 1  # "and her team"
        if m - 1 < lo or tokens[m].lower != "and":
            return None
        named = mention_before(text, tokens, m - 1, lo)
        if named is None or named.kind != "name" or named.organisation:
            return None
        if (
            tokens[lo].start != named.start
            and tokens[_token_index(tokens, named.start) - 1].text != ","
        ):
            return None  # the lead author opens the clause
        return named
    return None


_COLLEAGUES = word_set("colleagues team co-authors coauthors collaborators co-workers")
_COLLEAGUE_WORDS = 10  # "and colleagues at the University of Ghana"
_SUBJECT_WORDS = 16
# "two people familiar with the matter", "a person briefed on the talks", "sources close to the
# minister": the unnamed sources of wire reports
_UNNAMED = re.compile(
    r"(?:(?:two|three|four|several|some|many|a|one|other)\s+)?(?:people|persons?|sources?"
    r"|officials?|insiders?)\s+(?:familiar with|briefed on|with (?:direct )?knowledge of"
    r"|close to|involved in|aware of|who\s+\w+)\b[^,;:.]{0,60}$",
    re.IGNORECASE,
)


def _unnamed_after(text: str, tokens: list[Token], i: int) -> Mention | None:
    """ "according to people familiar with the matter": unnamed sources after the cue, up to
    the comma or the sentence's end."""
    if i >= len(tokens):
        return None
    stop = next((m for m in range(i, len(tokens)) if tokens[m].text in ",.;:"), len(tokens))
    if stop == i or not _UNNAMED.fullmatch(text, tokens[i].start, tokens[stop - 1].end):
        return None
    return Mention(
        tokens[i].start,
        tokens[stop - 1].end,
        "phrase",
        text[tokens[i].start : tokens[stop - 1].end],
    )


def _unnamed_sources(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """Unnamed sources before a cue ("two people familiar with the matter told Reuters")."""
    start = next(
        (
            k
            for k in range(max(lo, j - _UNNAMED_WORDS), j + 1)
            if _UNNAMED.fullmatch(text, tokens[k].start, tokens[j].end)
        ),
        None,
    )
    if start is None:
        return None
    words = text[tokens[start].start : tokens[j].end]
    return Mention(tokens[start].start, tokens[j].end, "phrase", words)


_UNNAMED_WORDS = 12
_BRACKETED_ROLE_WORDS = 14


def _bracketed_name(text: str, tokens: list[Token], cue: int, lo: int) -> Mention | None:
    """ "Jane DOE (the Left, FR) co-rapporteur for the regulation stated:": a name opening
    the sentence with its group in brackets, then a role without a verb, before the cue."""
    close = next((k for k in range(lo, cue) if tokens[k].text == ")"), None)
    opened = next((k for k in range(lo, cue) if tokens[k].text == "("), None)
    if opened is None or close is None or not lo + 2 <= opened < close:
        return None
    role = tokens[close + 1 : cue]
    if len(role) > _BRACKETED_ROLE_WORDS or any(_verbish(t) or t.text in '.;:"“”' for t in role):
        return None
    name = tokens[lo:opened]
    if not 2 <= len(name) <= 4 or not all(t.is_word and t.is_capitalised for t in name):
        return None
    if not name[0].text[1:].islower() or name[0].lower in STOP_CAPS:
        return None  # a first name, then the surname however it is cased ("Jane DOE")
    if not role or any(t.lower in ORG_WORDS for t in name):
        return None
    written = text[name[0].start : name[-1].end]
    return Mention(name[0].start, tokens[cue - 1].end, "name", written, name=written)


def _people_of(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """ "Opponents of the plan said", "Many residents of the town say", "the head of the
    agency said": people named by what they are and what they belong to, opening the
    clause."""
    if (
        j - 1 >= lo
        and tokens[j].is_capitalised
        and tokens[j - 1].is_capitalised
        and tokens[j].lower not in ORG_WORDS  # "the head of Skyways Airlines told" is the head
    ):
        return None  # "the director of the museum Tom Reyes said": the name after the role
    for k in range(j - 1, max(lo, j - _PEOPLE_OF_WORDS) - 1, -1):
        if tokens[k].lower not in _PEOPLE_OF or k - 1 < lo:
            continue
        start = k - 1
        while (
            start > lo and start > k - 1 - _PEOPLE_MODIFIERS and _describes(tokens, start - 1, lo)
        ):
            start -= 1  # "Health officials in the province", "local residents of"
        if start > lo and tokens[start - 1].lower in _QUANTIFIERS | DETERMINERS:
            start -= 1  # "many residents of", "the critics of"
        low = tokens[k - 1].lower
        people = singular(low) != low and singular(low) in PERSON_NOUNS
        # "the head of the agency": one person, named by a role in a body
        people = people or (start < k - 1 and low in TITLE_WORDS)
        # "Republicans in Congress", "Democrats in the Senate": members named by their side
        people = people or low in _SIDES
        if low in _TEAMS:  # "A joint research team from the University of Calgary"
            while start > lo and tokens[start - 1].lower in _TEAM_MODIFIERS:
                start -= 1
            if start > lo and tokens[start - 1].lower in _QUANTIFIERS | DETERMINERS:
                start -= 1
            people = True
        if not people:
            continue  # "the University of Calgary": a name's own "of"; a "from" may come before
        opens = start == lo or tokens[start - 1].text in ",;:" or _only_connectors(tokens[:start])
        if opens and all(_listed_word(tokens, i) for i in range(k + 1, j + 1)):
            # a group described, never someone the article named before
            first, last = tokens[start].start, tokens[j].end
            return Mention(first, last, "phrase", text[first:last])
        return None
    return None


def _describes(tokens: list[Token], i: int, lo: int) -> bool:
    """Whether tokens[i] may describe the people after it: a plain lower-case word, or the
    clause's capitalised first word ("Health officials", "local residents")."""
    token = tokens[i]
    if not token.text.isalpha() or token.lower in _NOT_DESCRIBING_PEOPLE:
        return False
    return token.text.islower() or (i == lo and token.lower not in STOP_CAPS)


_PEOPLE_MODIFIERS = 2
_NOT_DESCRIBING_PEOPLE = (
    DETERMINERS
    | INDEFINITES
    | FINITE_VERBS
    | CUE_WORDS
    | word_set("of in on at to for from with by and or but that which who as")
)
_PEOPLE_OF = word_set("of in from at across with on")  # "Officials with the weather service"
_TEAMS = word_set("team teams panel consortium")
_LISTS = word_set("and the")
_TEAM_MODIFIERS = word_set("research joint international scientific medical")


def _listed_word(tokens: list[Token], i: int) -> bool:
    """Whether a token belongs to the bodies a group comes from: a word that is no verb, or
    the comma of a list of names ("the University of Calgary, the AMNH, and FSU")."""
    token = tokens[i]
    if token.text == ",":
        following = tokens[i + 1] if i + 1 < len(tokens) else None
        if following is not None and following.lower == "the":
            # "..., the AMNH" lists a body; "Speaking to reporters on Monday, the mayor" is
            # the clause's subject after its opening words
            return i + 2 < len(tokens) and tokens[i + 2].is_capitalised
        return following is not None and (following.is_capitalised or following.lower in _LISTS)
    return token.is_word and not _verbish(token)


_QUOTE_MARKS = re.compile('["“”«»]')
# Words in a body's name that say nothing of its kind ("Intel Corp" may be "the chipmaker").
_ANY_KIND = word_set("inc ltd llc plc corp corporation co holdings group company international")
_GENERIC_KINDS = word_set("company firm group organisation organization body outfit giant")
_CORPORATE = word_set("inc ltd llc plc corp corporation co holdings")
_BUSINESS_KINDS = word_set("""
    company firm giant outfit group chipmaker carmaker automaker drugmaker retailer manufacturer
    airline carrier insurer lender bank broadcaster network newspaper paper publisher operator
    developer startup conglomerate
    """)
_PUBLIC_BODIES = word_set("""
    police ministry department government council army navy military militia court tribunal
    parliament congress senate party university embassy commission authority regime
    """)


def _other_kind(name: str, kind: str) -> bool:
    """Whether a body's name says it is of another kind than the one described: "the
    union" is not the "Associated Press", a press agency; "the agency" is not "Acme Corp",
    and "the company" is not the police."""
    words = {w.lower().strip(".,") for w in name.split()}
    if words & _CORPORATE and kind not in _BUSINESS_KINDS:
        return True
    if kind in _GENERIC_KINDS:
        # "the company" may be any business, "the body" any public one too
        return kind != "body" and bool(words & _PUBLIC_BODIES)
    own = words & ORG_WORDS - _ANY_KIND
    if _fits_kind(name, kind):
        return False  # "Kestrel Motors ... the carmaker", "Helix Pharma ... the drugmaker"
    return bool(own) and kind not in own and not any(w.startswith(kind) for w in words)


def _fits_kind(name: str, kind: str) -> bool:
    """Whether a word of a body's name says it is of the kind a description names."""
    words = {w.lower().strip(".,") for w in name.split()}
    return bool(words & _KIND_FITS.get(kind, frozenset()))


# Words of a body's name that say what kind of body it is, by the kind a description names.
_KIND_FITS = {
    "carmaker": word_set("motors motor auto automotive cars"),
    "automaker": word_set("motors motor auto automotive cars"),
    "drugmaker": word_set("pharma pharmaceuticals pharmaceutical therapeutics biotech"),
    "chipmaker": word_set("semiconductor semiconductors micro microelectronics"),
    "airline": word_set("air airways airlines"),
    "carrier": word_set("air airways airlines"),
    "lender": word_set("bank banking financial capital"),
    "bank": word_set("reserve"),
    "insurer": word_set("insurance assurance"),
}


_BODY_PEOPLE = word_set("officials executives spokesman spokeswoman spokesperson")
_SPOKESPERSON_FOR = re.compile(
    r"(?:a|an|the|one)\s+(?:(?:[a-z]+\s+)?(?:spokes(?:person|man|woman)|representative|official)"
    r"\s+(?:for|of|at|from)\s+the\s+(?P<kind>[a-z]+)"
    # "A company spokeswoman added"
    r"|(?P<kind_before>[a-z]+)\s+(?:spokes(?:person|man|woman)|representative|official))",
    re.IGNORECASE,
)
# Findings named again as "the study", whose maker the article may have named before.
_RESEARCHERS = word_set("researchers scientists astronomers investigators experts team authors")

# Kinds that are also a body's own name: "the ministry" is a "Ministry of ..." named before.
_NAMED_BODY_KINDS = word_set("""
    ministry department council commission committee office bureau administration authority
    service university board
    """)
_SIDES = word_set("""
    republicans democrats conservatives liberals socialists greens independents
    progressives nationalists unionists
    """)
_PEOPLE_OF_WORDS = 16


def _subject_before_comma(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """ "Jane Doe for the Harbour Board, says ...": a comma between a long subject and its
    verb. Only a sentence's whole opening counts, and only when it has no verb of its own
    (", says the minister" puts the speaker after the verb instead)."""
    if tokens[j].text != "," or j - lo > _SUBJECT_WORDS or j - 1 < lo:
        return None
    opening = tokens[lo:j]
    if any(t.text in ',;:"“”()' or _verbish(t) for t in opening):
        return None
    mention = mention_before(text, tokens, j - 1, lo)
    if mention is None or mention.kind == "pronoun" or mention.start != tokens[lo].start:
        return None
    return mention


# Verbs by which a study, a report or its results speak: "a new study has revealed ...".
_FINDING_VERBS = FINDING_CUES | word_set(
    "revealed reveals confirmed confirms concluded suggested estimated estimates predicted predicts"
)
# What a paper does with words: "The report, published by Oxfam, says ...".
_PAPER_SAYS = word_set("says said say states stated notes noted claims claimed alleges alleged")
_FINDING_SUBJECT_WORDS = 30
_LED = re.compile(r"-(?:led|funded|backed|commissioned|sponsored)$", re.IGNORECASE)  # "NASA-led"


def _finding_subject(text: str, tokens: list[Token], cue: int, lo: int) -> Mention | None:
    """ "A new study of 1,700 pupils has revealed ...", "The results of the National Health
    Survey, published this week, revealed that ...": a sentence that opens with a study or
    its results, and whose verb is the finding's, has the study for its speaker; a named
    study ("of the National Health Survey") by its name, and a study whose maker is named
    before or after its noun ("A Pew Research Center study", "a study by Oxford University")
    by its maker."""
    finds = tokens[cue].lower in _FINDING_VERBS
    if not (finds or tokens[cue].lower in _PAPER_SAYS) or cue - lo > _FINDING_SUBJECT_WORDS:
        return None
    words = [t for t in tokens[lo:cue] if t.is_word]
    head = 1 if words and words[0].lower in _ARTICLE_WORDS else 0
    maker: list[Token] = []  # "A Pew Research Center study", "a 2019 NORC poll"
    while head < len(words) - 1 and (
        words[head].lower not in FINDING_NOUNS
        # "Pew Research Center": a paper's word inside a name
        or (maker and words[head].is_capitalised and words[head + 1].is_capitalised)
    ):
        word = words[head]
        if head and word.is_capitalised and word.lower not in STOP_CAPS:
            maker.append(word)  # (after an article: "Previous studies" names nobody)
        elif word.text.islower() or word.text.isdigit():
            maker = []  # "a new study": past the adjectives and the year
        else:
            break
        head += 1
    if not words or head >= len(words) or words[head].lower not in FINDING_NOUNS:
        return None
    verb = _skip_back(tokens, cue - 1, lo) + 1  # "has revealed": the auxiliary is the cue's
    if tokens[verb - 1].lower in ("that", "which"):
        return None  # "The research supports a study that suggested": the study's, not its
    commas = [k for k in range(lo, verb) if tokens[k].text == ","]
    aside = range(commas[0], commas[-1]) if len(commas) >= 2 else range(0)
    if any(
        # (a capital is a name or a month, never a verb: "conducted in May")
        ((t.lower in FINITE_VERBS and not t.is_capitalised) or is_cue(tokens, k)) and k not in aside
        for k, t in enumerate(tokens[lo:verb], lo)
    ):
        # "The report has prompted calls ... they say": another verb first (not "The data,
        # published by NHS England on Thursday, show")
        return None
    start, end = tokens[lo].start, tokens[cue - 1].end
    if _a_body(maker):
        # "A Pew Research Center study published in June suggests": the named maker's (not
        # "The Harbour study", a study's own name)
        name = _LED.sub("", text[maker[0].start : maker[-1].end])
        return Mention(start, end, "name", text[start:end], name=name, organisation=True)
    rest = words[head + 1 :]
    if len(rest) >= 2 and rest[0].lower == "of":
        named = rest[2:] if rest[1].lower == "the" else rest[1:]
        run = []
        for word in named:
            if not (word.is_capitalised and word.lower not in STOP_CAPS):
                break
            run.append(word)
        if len(run) >= 2 and run[-1].lower in FINDING_NOUNS | ORG_WORDS:
            name = text[run[0].start : run[-1].end]
            return Mention(start, end, "name", text[start:end], name=name, organisation=True)
    # "Results of the trials, published in a paper by JA Doe in 1989, show": its author
    # ("Figures from the Office for National Statistics show": its maker too)
    by = next((i for i, w in enumerate(rest) if w.lower in ("by", "from")), None)
    if by is not None:
        run = []
        named = rest[by + 1 :]
        if named and named[0].lower == "the":
            named = named[1:]  # "Analysis by the Nuffield Trust suggests"
        for i, word in enumerate(named):
            initials = word.text.isupper()  # "JA Doe", not the word "as"
            joins = (  # "Office for National Statistics", "University of Cambridge"
                word.lower in _NAME_JOINS
                and run
                and i + 1 < len(named)
                and named[i + 1].is_capitalised
            )
            if not (joins or (word.is_capitalised and (initials or word.lower not in STOP_CAPS))):
                break
            if run and not text[run[-1].end : word.start].isspace():
                break  # "the Transport Research Agency (TRA)": the name ends at the bracket
            run.append(word)
        named = interpret(text, run) if run else None
        if named is not None and named.kind == "name":
            # the finding speaks for its maker, body or author ("show" needs no person)
            return Mention(
                start, end, "name", text[start:end], name=named.name, organisation=True,
            )  # fmt: skip
    # a paper that "says" is read as any other subject, unless its maker is named with it
    return Mention(start, end, "phrase", f"the {words[head].lower}") if finds else None


_NAME_JOINS = word_set("of for and")


def _a_body(words: list[Token]) -> bool:
    """Whether capitalised words before a paper's noun name a body by their form: a word
    such as "Center" or "Institute", an acronym, or "-led" ("the NASA-led study")."""
    return any(w.lower in ORG_WORDS or is_acronym(w.text) or _LED.search(w.text) for w in words)


# What a site, a board or a person publishes: "Posts on the forum of Acme theorized that".
_PUBLICATIONS = word_set(
    """
    post posts posting postings message messages comment comments tweet tweets thread threads
    statement editorial article blog website site page newsletter bulletin notice email e-mail
    letter
    """
)
_PUBLICATION_WORDS = 20


def _publication_subject(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """ "Posts on the message board of the critics' site Harbour Watch from Friday
    theorized that ...": a publication opening the sentence speaks for the named site or
    body it belongs to (the last name in the phrase), or as itself when none is named."""
    k = lo + 1 if tokens[lo].lower in ("the", "a", "an", "one", "several", "some") else lo
    phrase = tokens[lo : j + 1]
    if k > j or tokens[k].lower not in _PUBLICATIONS or len(phrase) > _PUBLICATION_WORDS:
        return None
    if any(_verbish(t) or t.text in '.;:"“”' for t in phrase):
        return None
    owner: list[Token] = []
    run: list[Token] = []
    for token in tokens[k + 1 : j + 1]:
        named = token.is_word and token.is_capitalised and token.lower not in STOP_CAPS
        if named and token.lower not in WEEKDAYS and token.lower not in MONTHS:
            run.append(token)
            continue
        owner, run = (run, []) if run else (owner, [])
    owner = run or owner
    start, end = tokens[lo].start, tokens[j].end
    if not owner:
        return Mention(start, end, "phrase", text[start:end])
    name = text[owner[0].start : owner[-1].end]
    return Mention(start, end, "name", text[start:end], name=name, organisation=True)


_PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "by", "across"})


def _head_before_place(text: str, tokens: list[Token], j: int, lo: int) -> Mention | None:
    """ "Officials in Britain said", "A study by Oxford University found": the speaker is the
    group or the finding before the preposition, not the place or the body after it."""
    start = collect_back(tokens, j, lo)
    if start is None or start - 2 < lo or tokens[start - 1].lower not in _PLACE_PREPOSITIONS:
        return None
    if start - 3 >= lo and tokens[start - 2].lower in COMPILED:
        start -= 1  # "A report published by the Harbour Institute found"
    word = tokens[start - 2].lower
    if word not in FINDING_NOUNS and word not in _GROUPS:
        return None  # "Jane Doe of the WHO", "the minister in Lagos": the mention as it is
    head = mention_before(text, tokens, start - 2, lo)
    if head is None or head.kind == "pronoun":
        return None
    kind = "phrase" if head.kind == "name" else head.kind  # "Police in Lagos", "Data from"
    return Mention(head.start, tokens[j].end, kind, text[head.start : tokens[j].end])


_GROUPS = word_set(
    """
    officials authorities experts researchers scientists doctors analysts residents witnesses
    police officers diplomats lawmakers economists activists protesters sources leaders
    teachers nurses workers farmers investigators prosecutors observers monitors critics
    campaigners members supporters opponents representatives delegates employees staff
    """
)


_SHARES = word_set(
    "majority minority rest remainder number half third quarter most share proportion total "
    "percentage fraction bulk others"
)


def answered_by_share(tokens: list[Token], first: int) -> bool:
    """Whether the phrase at tokens[first] is counted by a share before it ("93 percent of
    respondents from Mexico said", "a majority of Canadians say"): a survey's answer, whose
    figure is the claim, not a speaker of it."""
    window = tokens[max(0, first - _SHARE_REACH) : first]
    return any(
        (t.lower in _SHARES or t.lower in ("percent", "cent", "%") or t.text.endswith("%"))
        and k + 1 < len(window)
        and window[k + 1].lower == "of"
        for k, t in enumerate(window)
    )


_SHARE_REACH = 4
_PLAIN_NOUN_CUES = frozenset({"said", "says", "added", "told", "confirmed", "warned", "stated"})


def _plain_noun_subject(tokens: list[Token], j: int, cue: int, lo: int) -> Mention | None:
    """ "the coastguard said", "the airline told": a speaker described by a noun the lexicon
    does not know, taken only as "the" and one noun opening the clause before a saying verb."""
    if tokens[cue].lower not in _PLAIN_NOUN_CUES:
        return None
    bare = _bare_plural_subject(tokens, j, lo)
    if bare is not None:
        return bare  # "Mortgage lenders said": people named by their trade, opening the sentence
    # "the grid operator": a modifier noun may stand before the head
    the = j - 2 if j - 2 >= lo and tokens[j - 2].lower == "the" else j - 1
    if the < lo or tokens[the].lower != "the":
        return None
    noun = tokens[j]
    for word in tokens[the + 1 : j + 1]:
        if not (word.text.isalpha() and word.text.islower() and len(word.text) > 2):
            return None
        if word.lower.endswith(("ly", "ing")) or word.lower in FINITE_VERBS:
            return None
    if len(noun.text) < 4 or noun.lower.endswith("ed"):
        return None
    if noun.lower in _SHARES or any(t.text in ")]" for t in tokens[j:cue]):
        return None  # "the majority (76 per cent) said": a survey's answer, not a speaker
    opens = (
        the == lo
        or tokens[the - 1].text in ',;:—–("“'
        or tokens[the - 1].lower
        in (
            "and",
            "but",
        )
    )
    if not opens:
        return None
    words = _text_of(tokens[the : j + 1])
    return Mention(tokens[the].start, noun.end, "phrase", words)


def _bare_plural_subject(tokens: list[Token], j: int, lo: int) -> Mention | None:
    """A plural noun with a modifier opening the clause, without an article, before a
    saying verb: "Mortgage lenders said", "Local farmers say"."""
    if j - 1 < lo or (j - 1 > lo and tokens[j - 2].text not in ",;:"):
        return None
    modifier, noun = tokens[j - 1], tokens[j]
    if not (noun.text.isalpha() and noun.text.islower() and len(noun.text) > 4):
        return None
    if not noun.lower.endswith(("ers", "ors", "ists", "ants", "ents", "ians")):
        return None  # "lenders", "investors", "economists", "residents", "physicians"
    if not (modifier.text.isalpha() and modifier.text[0].isupper() and modifier.text[1:].islower()):
        return None
    if modifier.lower in STOP_CAPS or _verbish(modifier):
        return None
    return Mention(modifier.start, noun.end, "phrase", _text_of([modifier, noun]))


def _text_of(tokens: list[Token]) -> str:
    return " ".join(t.text for t in tokens)


def _skip_back(tokens: list[Token], j: int, lo: int) -> int:
    """Back over what may stand between a speaker and the cue: adverbs ("has always"),
    "appear to", a language tag ("[es]") or a parenthesis ("(which means ...)")."""
    while j >= lo:
        if tokens[j].lower in SKIP_BEFORE_CUE or _manner_adverb(tokens[j]):
            j -= 1
        elif tokens[j].lower == "to" and j > lo and tokens[j - 1].lower in _SEEM:
            j -= 2  # "observers appear to concur that"
        elif tokens[j].lower in WEEKDAYS and j - 1 >= lo and tokens[j - 1].lower == "on":
            j -= 2  # "President Maria Duarte on Monday said"
        elif (
            tokens[j].lower == "to"
            and j - 2 >= lo
            and tokens[j - 1].lower == "on"
            and tokens[j - 2].lower in ("went", "goes", "go", "going")
        ):
            j -= 3  # "The general went on to say that"
        elif (
            tokens[j].lower == "to"
            and j - 2 >= lo
            and tokens[j - 1].lower in _REPUTED
            and tokens[j - 2].lower in _BE
        ):
            j -= 3  # "Silva is reported to have said that": "have" was passed over already
        elif (
            tokens[j].lower == "to"
            and j - 1 > lo
            and tokens[j - 1].lower in _KEEN
            and tokens[j - 2].lower in _BE
        ):
            j -= 3  # "The Prince was keen to stress that"
        elif (
            tokens[j].text == ","
            and j - 2 >= lo
            and tokens[j - 1].lower in _ASIDES
            and tokens[j - 2].text == ","
        ):
            j -= 3  # "Republicans, meanwhile, have said"
        elif tokens[j].text in "—–" and j > lo:
            # "Gaddafi — in hiding since June — said": an aside between dashes
            k = j - 1
            while k >= lo and tokens[k].text not in "—–" and j - k < _ASIDE_WORDS:
                k -= 1
            if k < lo or tokens[k].text not in "—–":
                return j
            j = k - 1
        elif (medium := _medium_phrase(tokens, j, lo)) is not None:
            j = medium - 1  # "Akihito in a televised address last year said"
        elif tokens[j].text in ")]":
            opener = "(" if tokens[j].text == ")" else "["
            k = j - 1
            while k >= lo and tokens[k].text != opener and j - k < 12:
                k -= 1
            if k < lo or tokens[k].text != opener:
                return j
            j = k - 1
        else:
            return j
    return j


def _medium_phrase(tokens: list[Token], j: int, lo: int) -> int | None:
    """Where a phrase on how the words came starts, when it ends at tokens[j] between a
    speaker and the cue: "in a statement", "at a news conference in Paris", "in an interview
    with the BBC" (not "in the province" of "Officials in the province said")."""
    for p in range(j, max(lo, j - _MEDIUM_WORDS) - 1, -1):
        token = tokens[p]
        adjective = p > lo and _article(tokens[p - 1])  # "a televised address"
        if not token.is_word or (_verbish(token) and not adjective) or token.lower in CUE_WORDS:
            return None
        if token.lower in _MEDIUM_PREPOSITIONS and p > lo:
            phrase = {t.lower for t in tokens[p + 1 : j + 1]}
            if phrase & _MEDIUMS:
                return p  # (past "in Paris" of "at a news conference in Paris")
    return None


_MEDIUM_WORDS = 10
_MEDIUM_PREPOSITIONS = word_set("in at during through via")
_MEDIUMS = word_set("""
    statement statements interview interviews address speech conference briefing letter post
    tweet message email e-mail video broadcast hearing testimony op-ed column editorial
    remarks podcast
    """)


def _manner_adverb(token: Token) -> bool:
    """ "has tentatively said", "angrily denied": an adverb in "-ly" before the cue."""
    low = token.lower
    return low.endswith("ly") and len(low) > 5 and token.text.islower() and low not in _NOT_ADVERBS


# nouns in "-ly" ("the family said"), and hedges, the outlet's doubt about the act ("have
# apparently claimed responsibility")
_NOT_ADVERBS = word_set("family assembly monopoly supply anomaly apparently allegedly supposedly")
_ASIDE_WORDS = 16


def _dash_aside(text: str, tokens: list[Token], first: int, cue: int) -> tuple[int, int] | None:
    """ "Gaddafi — in hiding since the NATO attacks in June — said": the subject with the
    aside between dashes before its cue, the outlet's own account."""
    dashes = [j for j in range(first, cue) if tokens[j].text in "—–"]
    if len(dashes) != 2 or sum(1 for t in tokens[dashes[0] : dashes[1]] if t.is_word) < 4:
        return None
    return _clause_span(text, tokens[first].start, tokens[dashes[1]].start)


_SEEM = word_set("appear appears appeared seem seems seemed")
_REPUTED = word_set("reported said believed thought understood alleged known")
_KEEN = word_set("keen eager quick careful anxious happy willing able")
_BE = word_set("was were is are been be")
_ASIDES = word_set("meanwhile however though too also instead therefore moreover nevertheless")


_RELATIVES = word_set("who which")


def _inverted(text: str, tokens: list[Token], cue: int) -> Mention | None:
    """The phrase after a cue ("said Lavrov", "according to the ministry")."""
    if cue and tokens[cue - 1].lower in _RELATIVES:
        return None  # "Jane Roe, who wrote the report, noted": what she wrote, not who
    at = cue + 2 if tokens[cue].lower in TWO_WORD_CUES or tokens[cue].lower == "words" else cue + 1
    mention = mention_after(text, tokens, at, len(tokens))
    if mention is not None and mention.kind in ("role", "phrase"):
        # "in the words of the prosecutor, John Roe, ...", "said another witness, Jane
        # Roe, ...": the name the role gives
        comma = next((m for m in range(at, len(tokens)) if tokens[m].text == ","), None)
        named = _appositive_name(text, tokens, at, comma) if comma is not None else None
        if named is not None:
            return named[0]
    if (mention is not None and mention.kind != "pronoun") or tokens[cue].lower == "according":
        return mention
    if mention is not None and at + 1 < len(tokens) and tokens[at + 1].text in ".,":
        return mention  # '"...," said he.'
    return None


def _quotation_spans(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """The spans of a sentence's quotations, one sentence split by its attribution taken
    whole: '"The new rules," Ms Moss said, "will cost retailers £2bn a year."'."""
    spans: list[tuple[int, int]] = []
    joined = False
    opened = 0
    for quote in quotes:
        span = _quote_span(text, quote)
        if span is None:
            continue
        if joined and spans:
            spans[-1] = (opened, quote.outer[1])  # the marks kept, so that they pair
        else:
            spans.append(span)
            opened = quote.open
        inside = text[quote.content[0] : quote.content[1]].rstrip()
        joined = inside.endswith(",")
        if joined:
            following = next((q for q in quotes if q.open > quote.open), None)
            words = text[following.content[0] : following.content[1]].split() if following else []
            # (not '"..., " he said, "and we expect more."': a clause of its own)
            joined = bool(words) and words[0][:1].islower() and words[0] not in _JOINING
    return spans


def _quote_span(text: str, quote: Quote) -> tuple[int, int] | None:
    """The quoted words without the marks, blanks, or the comma before the closing mark."""
    start, end = quote.content
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:—–-"):
        end -= 1
    return (start, end) if start < end else None


def _tail_clause(
    outside: list[Token], cue_at: int, sentence_end: int, text: str
) -> tuple[int, int] | None:
    """', adding that ...' after an attributed quotation: more of the speaker's words."""
    for k in range(cue_at + 1, len(outside) - 1):
        token = outside[k]
        if token.text == '"':
            return None
        if token.lower in TAIL_CUES and outside[k + 1].lower == "that":
            rest = outside[k + 2 :]
            if rest and _quotation(rest[0]) and not any(t.is_word for t in rest[1:]):
                return None  # ', adding that "...".': the quotation is a statement already
            return _clause_span(text, outside[k + 1].end, sentence_end)
    return None


def _clause_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A reported clause from start to end, without blanks or the sentence's full stop."""
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    if end > start and text[end - 1] == ".":
        end -= 1  # one full stop: "& Co.." keeps its abbreviation's dot
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return (start, end) if end - start > 1 else None


def _reported(
    text: str,
    index: int,
    sentence: list[Token],
    inline: list[Quote],
    start: int,
    end: int,
    discourse: Discourse,
    voice: Voice | None,
) -> list[Statement]:
    """Indirect speech ("X said that ...", "according to X") or narration."""
    # A cue inside a quoted phrase is someone else's wording, not this sentence's attribution.
    tokens = _outside(sentence, inline) if inline else sentence
    turn = _second_speaker(text, tokens) or _semicolon_turn(tokens)
    if turn is not None:  # "X said A, but Y said B": two attributions, read one by one
        first, second = tokens[:turn], tokens[turn + 1 :]
        # the first half ends before its comma, or before the "but" that has none
        comma = tokens[turn].text != ";" and tokens[turn - 1].text == ","
        end_first = tokens[turn - 1].start if comma else tokens[turn - 1].end
        if tokens[turn].text == ";":
            end_first = tokens[turn].start
        inline_first = [q for q in inline if q.open < end_first]
        inline_second = [q for q in inline if q.open >= end_first]
        return _reported(
            text, index, first, inline_first, start, end_first, discourse, voice
        ) + _reported(text, index, second, inline_second, second[0].start, end, discourse, voice)
    found = (
        _according_to(text, tokens, end)
        or _in_their_view(text, tokens, end)
        or _in_a_poll(text, tokens, end)
        or _quoted_as_saying(text, tokens, end)
        or _as_said(text, tokens, end)
        or _pointed_back(text, tokens, end)
        or _said_that(text, tokens, end)
        or _said_at_end(text, tokens, start)
        or _participle_tail(text, tokens, end)
    )
    if found is None or found.span is None:
        _note_subject(text, tokens, discourse)
        _note_agent(text, tokens, discourse)
        if discourse.finding and _about_the_maker(text, tokens, discourse):
            # "UNHCR works in over 120 countries" after its report's figures: the outlet
            # describing the maker, not more of its findings
            return [_outlet_narration(start, end, index, discourse)]
        if discourse.poll and (voice is None or not voice.speaker) and _share_opening(tokens):
            # "In a survey by Kyodo News, 68 percent said ... . 25 percent favored ...": the
            # poll's next figure in the paragraph
            return [
                Statement(
                    start, end, "indirect", discourse.poll, None, index,
                    confidence=FINDING_CARRIED,
                    evidence="a figure of the poll cited before in the paragraph",
                )
            ]  # fmt: skip
        return [_narration(start, end, index, discourse, voice)]
    more = _participle_tail(text, tokens, end) or _participle_after_cue(text, tokens, found, end)
    if more is not None and more.cue_span[0] > found.cue_span[0]:
        more = Found(found.mention, more.cue, more.cue_span, more.span)
        if found.span is not None and found.span[0] < more.cue_span[0] < found.span[1]:
            # "AMD had won orders, telling Huang that ...": the first words end at the comma
            first = _clause_span(text, found.span[0], more.cue_span[0])
            found = replace(found, span=first) if first is not None else found
    else:
        more = None
    statements: list[Statement] = []
    mention = found.mention
    unnamed = _cites_unnamed_papers(text, found)
    if unnamed and discourse.finding_made(mention, mention.start):
        unnamed = False  # "according to the report", a report whose maker was named before
    owner = _papers_owner(mention, discourse) if unnamed else None
    if owner is not None:
        # "according to council figures" after "Leeds City Council": the council's figures,
        # resolved as "the council" is
        unnamed = False
        mention = owner
        found = replace(found, mention=mention)
    if (voice is None or not voice.speaker) and (_cites_figures(found) or unnamed):
        # "Figures published today show ...", "Estimates suggest ...", "According to reports,
        # ...": the outlet reports numbers or papers, which speak for nobody; a study or a
        # report has authors (below), and so do papers whose maker is named
        narrated = _outlet_narration(*found.span, index, discourse)
        after = found.span[0] > found.cue_span[1]
        source = text[found.cue_span[1] : found.span[0]].strip(" ,:") if after else mention.text
        source = source.split(", ")[0]  # "the audit, published in March,": "the audit"
        source = source if unnamed else ""
        # "Lawmakers rejected it in October, although reports stated that ...": the clause
        # before the figures is the outlet's own
        before = found.before or _narration_before(text, tokens, found, start)
        own = [] if before is None else [_outlet_narration(*before, index, discourse)]
        return [
            *own,
            replace(
                narrated,
                cue=found.cue,
                reported=source or mention.text,
                cue_span=found.cue_span,
                evidence="the outlet's narration, relaying figures",
            ),
        ]
    # a voice that cites a source ("According to the DEA, ...") relays it, as the speaker of
    # a speech relays whoever they quote; an institution's own release names its speakers
    cites = _cites_finding(found) or found.cue == "according to"
    relaying = voice is not None and voice.speaker and (voice.relays or cites)
    where = mention.start if mention else start
    speaker, confidence = discourse.resolve(mention, where, relayed=bool(relaying))
    named_at = (mention.start, mention.end) if mention else None
    if speaker is None and mention is not None and mention.kind == "pronoun":
        # "Acme will cut 500 jobs, it said": the pronoun is the clause's own subject
        subject = _clause_subject(text, tokens, found.span)
        if subject is not None:
            speaker, confidence = discourse.registry.register(subject, subject.start), PRONOUN
            named_at = (subject.start, subject.end)
    elif (
        mention is not None
        and mention.kind == "pronoun"
        and mention.role == "it"
        and found.span is not None
        and found.span[1] <= mention.start
    ):
        # "The company expects sales of 1.1 million, it said": the clause's own subject,
        # a body described by its kind, before anyone named earlier
        opening = _clause_opening(text, tokens, found.span)
        body = discourse.body_described(opening, opening.start) if opening else None
        if body is not None:
            speaker, named_at = body, (opening.start, opening.end)
    elif (
        mention is not None
        # "its latest forecast", "its website" (not "its director", a person)
        and (mention.kind == "phrase" or (mention.kind == "role" and mention.organisation))
        and mention.text.split()[0].lower() in ("its", "their")
        and found.span is not None
        and found.span[1] <= mention.start
    ):
        # "The central bank expects ..., according to its latest forecast": the owner is the
        # clause's subject
        owner = _clause_subject(text, tokens, found.span) or _clause_opening(
            text, tokens, found.span
        )
        if owner is not None:
            described = discourse.body_described(owner, owner.start)
            speaker = described or discourse.registry.register(owner, owner.start) or owner.text
            named_at = (owner.start, owner.end)
    if relaying:
        if (
            mention is not None
            and mention.kind == "pronoun"
            and mention.role in ("he", "she")
            and discourse.relayed
        ):
            speaker = discourse.relayed  # "Jane Roe has estimated X. She estimated that Y"
        reported = speaker if speaker != voice.speaker else None
        discourse.relayed = reported
        own = found.before or _narration_before(text, tokens, found, start)
        # "We have 52 votes, and the CBO says ...": the voice's own words before the relay
        mine = [] if own is None else [_narration(*own, index, discourse, voice)]
        return [
            *mine,
            Statement(
                *found.span,
                "direct" if voice.kind == "direct" else "indirect",
                voice.speaker,
                found.cue,
                index,
                reported=reported,
                speaker_span=voice.speaker_span,
                cue_span=found.cue_span,
                confidence=voice.confidence,
                evidence=f"{voice.evidence}, relaying someone" if reported else voice.evidence,
            ),
        ]
    discourse.speaking(speaker, start)
    if found.poll:
        discourse.poll = speaker
    if found.cue == "according to" and mention is not None and mention.kind == "phrase":
        # "A study by the Grattan Institute ... According to the study, X. Y.": Y is the
        # study's finding too; not after "the study found X", where labellers give the next
        # sentence to the outlet
        discourse.finding = speaker if _cites_finding(found) else None
    before = found.before or _narration_before(text, tokens, found, start)
    fronted = _fronted_cue(text, tokens, before) if before is not None else None
    if fronted is not None:
        # "Announcing that the leader had been killed, President Obama said ...": the
        # participle's words are the subject's too
        statements.append(
            Statement(
                *fronted,
                "indirect",
                speaker,
                tokens[0].lower,
                index,
                speaker_span=named_at,
                cue_span=(tokens[0].start, tokens[0].end),
                confidence=confidence,
                evidence="reported speech",
            )
        )
    elif before is not None:  # "There are no reports of deaths, but the agency says: ..."
        statements.append(_outlet_narration(*before, index, discourse))
    evidence = "reported speech" if found.cue != "according to" else "according to"
    relayed = None
    if found.relayed is not None:
        relayed, _ = discourse.resolve(found.relayed, found.relayed.start, relayed=True)
    inner = _inner_attribution(text, tokens, found) if relayed is None else None
    if inner is not None:  # "X said that the regional leaders had admitted that ..."
        relayed, _ = discourse.resolve(inner, inner.start, relayed=True)
        relayed = relayed if relayed != speaker else None
    return statements + [
        Statement(
            *part.span,
            "indirect",
            speaker,
            part.cue,
            index,
            reported=relayed,
            speaker_span=named_at,
            cue_span=part.cue_span,
            confidence=confidence,
            evidence=evidence,
        )
        for part in (found, more, _rest(found))
        if part is not None and part.span is not None
    ]


_FRONTED_CUES = TAIL_CUES | word_set(
    "announcing alleging acknowledging admitting confirming denying revealing predicting"
)


def _fronted_cue(text: str, tokens: list[Token], before: tuple[int, int]) -> tuple[int, int] | None:
    """The words a sentence-opening participle cue reports, before the comma after which its
    subject speaks: "Announcing that the leader had been killed, ..." (not "Speaking in
    Paris, ...", which reports nothing)."""
    words = [t for t in tokens if before[0] <= t.start < before[1]]
    if len(words) < 4 or words[0].start != before[0] or words[0].lower not in _FRONTED_CUES:
        return None
    first = 2 if words[1].lower == "that" else 1
    if first == 1 and not _clause_ahead(words[1:]):
        return None
    return _clause_span(text, words[first].start, before[1])


def _inner_attribution(text: str, tokens: list[Token], found: Found) -> Mention | None:
    """Who the reported clause itself says made the claim: "the regional leaders had admitted
    that ..." inside "X said that ...", a speaker relaying someone."""
    if found.span is None or found.cue == "according to":
        return None
    inside = [t for t in tokens if found.span[0] <= t.start and t.end <= found.span[1]]
    for k in range(1, min(len(inside), _INNER_CUE_REACH)):
        if not is_cue(inside, k) or inside[k].lower in ("according", "said", "says"):
            continue
        if k + 1 >= len(inside) or inside[k + 1].lower != "that":
            continue  # only "admitted that", "had suggested that": a clause of their own
        j = _skip_back(inside, k - 1, 0)
        mention = mention_before(text, inside, j, 0) if j >= 0 else None
        opens = mention is not None and _token_index(inside, mention.start) == 0
        if opens and mention.kind in ("name", "phrase", "role"):
            return mention
    return None


_INNER_CUE_REACH = 10


def _rest(found: Found) -> Found | None:
    return (
        None
        if found.after is None
        else Found(found.mention, found.cue, found.cue_span, found.after)
    )


def _second_speaker(text: str, tokens: list[Token]) -> int | None:
    """Where a sentence turns to someone else's words: the "but" of "X said A, but Y said B"
    (or the "and" of "X said A, and the CBO says B") when both halves have a named speaker
    and a cue of their own ("but" needs no comma: "Hamas said A but officials insist B")."""
    for k in range(3, len(tokens) - 3):
        if tokens[k].lower not in ("but", "while", "whereas", "and"):
            continue
        if tokens[k - 1].text != "," and tokens[k].lower != "but":
            continue
        if not any(is_cue(tokens, j) for j in range(k - 1)):
            return None
        cue = next((j for j in range(k + 2, len(tokens)) if is_cue(tokens, j)), None)
        if cue is None:
            continue
        subject = _sentence_subject(text, tokens[k + 1 :], len(tokens) - k - 1)
        if subject is None and tokens[k].lower == "but":
            # "but Israeli officials insist that": a described speaker right after the "but"
            described = _subject(text, tokens, cue, k + 1)
            if described is not None and described.start == tokens[k + 1].start:
                subject = described
        if subject is None:
            continue
        return k
    return None


def _semicolon_turn(tokens: list[Token]) -> int | None:
    """ "Anderson held CSX responsible; he stated the track is CSX's": a semicolon before an
    attribution of its own (or "; according to X, ...") starts a sentence of its own."""
    for k in range(2, len(tokens) - 3):
        if tokens[k].text != ";":
            continue
        after = tokens[k + 1 : k + 1 + _CLAUSE_LOOKAHEAD]
        if any(is_cue(after, j) for j in range(len(after))):
            return k
    return None


def _about_the_maker(text: str, tokens: list[Token], discourse: Discourse) -> bool:
    """Whether a sentence opens with the name of the source whose finding it would carry."""
    opening = mention_after(text, tokens, 0, min(len(tokens), _OPENING_NAME_WORDS))
    if opening is None or opening.kind != "name" or opening.start != tokens[0].start:
        return False
    finding = discourse.finding
    return discourse.registry.lookup(opening.name) == finding or same_body(opening.name, finding)


_OPENING_NAME_WORDS = 8


def _narration(
    start: int, end: int, index: int, discourse: Discourse, voice: Voice | None
) -> Statement:
    if voice is not None and voice.speaker:
        return Statement(
            start,
            end,
            voice.kind,
            voice.speaker,
            voice.cue,
            index,
            reported=voice.reported,
            speaker_span=voice.speaker_span,
            cue_span=voice.cue_span,
            confidence=voice.confidence,
            evidence=voice.evidence,
        )
    if discourse.finding:
        return Statement(
            start,
            end,
            "indirect",
            discourse.finding,
            None,
            index,
            confidence=FINDING_CARRIED,
            evidence="a finding of the source cited before in the paragraph",
        )
    return _outlet_narration(start, end, index, discourse)


def _outlet_narration(start: int, end: int, index: int, discourse: Discourse) -> Statement:
    """Words nobody in the text is given: the outlet's own, at the confidence of a guess."""
    return Statement(
        start,
        end,
        "narration",
        discourse.outlet,
        None,
        index,
        confidence=OUTLET if discourse.outlet else 0.0,
        evidence="the outlet's narration",
    )


def _narration_before(
    text: str, tokens: list[Token], found: Found, start: int
) -> tuple[int, int] | None:
    """The outlet's own clause before ", but X says ...", which the attribution leaves out."""
    mention, span = found.mention, found.span
    if mention is None or span is None or span[0] < mention.start or mention.start <= start:
        return None
    comma = max(
        (t for t in tokens if t.text == "," and t.end <= mention.start),
        default=None,
        key=lambda t: t.start,
    )
    if comma is None:
        return None
    words = [t for t in tokens if t.is_word and t.end <= comma.start]
    # (a participle after an article describes a noun: "In a televised address, ...")
    verbs = [t for i, t in enumerate(words) if _verbish(t) and not (i and _article(words[i - 1]))]
    # "Having had surgery for cancer, Akihito said": a participle's clause of its own
    participle = (
        bool(words)
        and words[0].lower.endswith("ing")
        and len(words[0].lower) > 5
        and words[0].lower not in _ING_PREPOSITIONS  # "During a heated debate, X insisted"
    )
    if len(words) < 3 or not (verbs or participle):
        return None
    if words[0].lower in _FRONTING_PARTICIPLES:
        return None  # "Asked whether the library would reopen, Ortiz said": no clause
    return _clause_span(text, start, comma.start)


_ING_PREPOSITIONS = word_set(
    "during according including regarding concerning following notwithstanding pending"
)


def _article(token: Token) -> bool:
    return token.lower in _ARTICLE_WORDS


_ARTICLE_WORDS = DETERMINERS | INDEFINITES


# Participles that open a sentence to say how the words came, never a claim of their own.
_FRONTING_PARTICIPLES = word_set(
    "asked speaking responding commenting writing replying answering interviewed pressed"
)


_FIGURES = word_set(
    "figures data statistics estimates numbers records polls poll results findings reports"
)


def _cites_figures(found: Found) -> bool:
    """Whether an attribution's subject is numbers that name nobody, rather than a study or a
    body: "official figures show", "recent data suggest", "estimates indicate" (but "Data
    from the ONS show" speak for the ONS's figures)."""
    mention = found.mention
    if mention is None or mention.kind not in ("phrase", "name") or found.cue == "according to":
        return False  # "Estimates suggest": a capital opening the sentence reads as a name
    if any(w[0].isupper() for w in mention.text.split()[1:]):
        return False
    words = re.findall(r"[a-z]+", mention.text.lower())
    if any(w in ORG_WORDS for w in words):
        return False  # "data from the health ministry", "the ministry's figures": a body's
    head = next((w for w in words if w in FINDING_NOUNS), None)
    return head in _FIGURES


_PAPERS = (
    FINDING_NOUNS | COURT_PAPERS | word_set("release releases statement statements media sources")
)


def _cites_unnamed_papers(text: str, found: Found) -> bool:
    """Whether "according to" cites papers that name nobody: "according to reports in the
    past decade", "according to a press release" (not "a report by the WHO", "a study
    published in The Lancet", "Reuters reports")."""
    mention = found.mention
    if found.cue != "according to" or mention is None or mention.kind != "phrase":
        return False
    after = found.span[0] > found.cue_span[1]  # "..., according to official figures."
    written = text[found.cue_span[1] : found.span[0]] if after else mention.text
    source = re.findall(r"[\w'’-]+", written)
    head = next((k for k, w in enumerate(source) if w.lower() in _PAPERS), None)
    if head is None or any(w.lower() in _POSSESSIVES for w in source):
        return False  # "according to its latest forecast": someone's, named before
    if any(w[:1].isupper() and not _DEMONYM.search(w) for w in source[:head]):
        return False  # "Reuters reports", "the WHO report" (not "Turkish media reports")
    tail = [w.lower() if w[:1].islower() else "Name" for w in source[head + 1 :]]
    # "a report by the WHO", "a statement from Acme" (a journal it appeared "in" is no maker)
    return not any(
        w in ("by", "from", "of") and "Name" in tail[k + 1 : k + 3] for k, w in enumerate(tail)
    )


_POSSESSIVES = word_set("its their his her our my")
# "Turkish", "Iranian", "Chinese", "Israeli": where papers come from, not who wrote them
_DEMONYM = re.compile(r"(?:ish|an|ese|i)$")


def _papers_owner(mention: Mention | None, discourse: Discourse) -> Mention | None:
    """The body a kind word before unnamed papers means ("council figures", "police data"),
    as "the council", when the article named a body whose name holds that word."""
    if mention is None:
        return None
    words = mention.text.lower().split()
    kinds = [w for w in words[:-1] if w in ORG_WORDS]
    if len(kinds) != 1 or words[-1] not in FINDING_NOUNS:
        return None
    described = replace(mention, text=f"the {kinds[0]}", kind="phrase")
    body = discourse.body_described(described, mention.start)
    return described if body is not None and kinds[0] in body.lower().split() else None


def _cites_finding(found: Found) -> bool:
    """Whether an attribution cites a study, a survey or data rather than someone speaking."""
    mention = found.mention
    if mention is None or mention.kind not in ("phrase", "role"):
        return found.cue == "according to" and mention is not None and mention.kind == "phrase"
    # a capital makes the word part of a body's name: "the US Geological Survey"
    words = mention.text.replace(",", " ").split()
    return any(w in FINDING_NOUNS for w in words if w.islower())


def _according_to(text: str, tokens: list[Token], end: int) -> Found | None:
    for k in range(len(tokens) - 1):
        if tokens[k].lower != "according" or tokens[k + 1].lower != "to":
            continue
        mention = (
            _object_pronoun(tokens, k + 2)
            or mention_after(text, tokens, k + 2, len(tokens))
            or _maker_named(text, tokens, k + 2)
            or _source_phrase(text, tokens, k + 2)
            or _unnamed_after(text, tokens, k + 2)
        )
        if mention is None:
            return None
        where = cue_span(tokens, k)
        if k == 0 or _only_connectors(tokens[:k]):
            following = next((t for t in tokens if t.start >= mention.end), None)
            if following is not None and _verb_before_comma(tokens, following):
                # "According to the ministry over 300 pilgrims died": no comma after the source
                span = _clause_span(text, following.start, end)
                return Found(mention, "according to", where, span)
            at = next((m for m in range(k + 2, len(tokens)) if tokens[m].text in ",:"), None)
            if at is None or tokens[at].start < mention.end:
                return None
            named = _appositive_name(text, tokens, k + 2, at)
            if named is not None:
                mention, at = named
            relayed, at = _quoting(text, tokens, _past_aside(tokens, at))
            span = _clause_span(text, tokens[at].end, end)
            return Found(mention, "according to", where, span, relayed=relayed)
        if tokens[k - 1].text in ",(":
            span = _clause_span(text, tokens[0].start, tokens[k - 1].start)
            after = _which_said(text, tokens, mention, end)
            if after is None and _goes_on(tokens, mention):
                # "The Conservatives took 35 per cent, according to exit polls, with Labour on
                # 29 per cent": the source set in the sentence, all of it the source's
                span = _clause_span(text, tokens[0].start, end)
            return Found(mention, "according to", where, span, after=after)
        rest = [t for t in tokens if t.start >= mention.end and t.is_word]
        before = [t for t in tokens[:k] if t.is_word]
        closes = len(rest) <= _AFTER_SOURCE_WORDS and not any(_verbish(t) for t in rest)
        if closes and len(before) >= _OWN_CLAUSE_WORDS and any(_verbish(t) for t in before):
            # "Castro's condition is satisfactory according to Carlos Lage.": the source
            # closes the sentence without a comma before it
            span = _clause_span(text, tokens[0].start, tokens[k].start)
            return Found(mention, "according to", where, span)
    return None


def _in_their_view(text: str, tokens: list[Token], end: int) -> Found | None:
    """ "In her view, the euro could recover", "In Ward's opinion, ...": the opinion of whom
    the possessive names, opening the sentence before a comma."""
    lead = 1 if tokens and tokens[0].lower in _LEADING_AND else 0
    if len(tokens) < lead + 5 or tokens[lead].lower != "in":
        return None
    owner, noun, comma = tokens[lead + 1 : lead + 4]
    if noun.lower not in _OPINIONS or comma.text != ",":
        return None
    if owner.lower in _POSSESSIVE_PRONOUNS:
        word = _POSSESSIVE_PRONOUNS[owner.lower]
        mention = Mention(owner.start, owner.end, "pronoun", word, role=word)
    elif possessive(owner) and owner.is_capitalised:
        name = re.sub(r"['’]s?$", "", owner.text)  # "Ward's", "Reyes'"
        bare = Token(name, owner.start, owner.start + len(name), name.lower())
        mention = interpret(text, [bare])
    else:
        return None
    if mention is None:
        return None
    span = _clause_span(text, comma.end, end)
    cue = text[tokens[lead].start : noun.end]
    return Found(mention, cue, (tokens[lead].start, noun.end), span)


_OPINIONS = word_set("view opinion estimation judgment judgement assessment")
_POSSESSIVE_PRONOUNS = {"his": "he", "her": "she", "their": "they", "its": "it"}
_LEADING_AND = word_set("and but")


def _past_aside(tokens: list[Token], comma: int) -> int:
    """ "According to the audit, published in March, the project ...": the comma that closes
    a participle's or a relative clause's aside on the source, or the one given."""
    if comma + 1 >= len(tokens):
        return comma
    first = tokens[comma + 1]
    participle = first.text.islower() and (first.lower in COMPILED or first.lower.endswith("ed"))
    # "published in March", "seen by Reuters"; not "armed men stormed the bank"
    participle = (
        participle and comma + 2 < len(tokens) and tokens[comma + 2].lower in _ASIDE_OPENERS
    )
    if not (participle or first.lower in ("which", "who")):
        return comma
    for m in range(comma + 2, min(len(tokens), comma + _SOURCE_ASIDE_WORDS)):
        if tokens[m].text in ';:."“”':
            break
        if tokens[m].text == ",":
            return m
    return comma


_SOURCE_ASIDE_WORDS = 12
_ASIDE_OPENERS = word_set("by in on at last this earlier from for to over")


def _which_said(
    text: str, tokens: list[Token], mention: Mention, end: int
) -> tuple[int, int] | None:
    """ "..., according to the UN, which said warships had deterred the pirates": more of the
    source's words, in a relative clause on it."""
    k = next((i for i, t in enumerate(tokens) if t.start >= mention.end), len(tokens))
    if k + 2 >= len(tokens) or tokens[k].text != "," or tokens[k + 1].lower not in _RELATIVES:
        return None
    cue = k + 2
    while cue < len(tokens) and tokens[cue].lower in SKIP_BEFORE_CUE:
        cue += 1  # "which also said"
    if cue >= len(tokens) or tokens[cue].lower not in _PLAIN_NOUN_CUES:
        return None
    return _reported_clause(text, tokens, cue, end)


def _goes_on(tokens: list[Token], mention: Mention) -> bool:
    """Whether the sentence goes on past a comma right after a source named within it, with
    more of the same claim (not ", and its director said ...", a clause of its own)."""
    k = next((i for i, t in enumerate(tokens) if t.start >= mention.end), len(tokens))
    if k + 1 >= len(tokens) or tokens[k].text != "," or not tokens[k + 1].is_word:
        return False
    rest = range(k + 1, len(tokens))
    return not any(is_cue(tokens, m) for m in rest)


_AFTER_SOURCE_WORDS = 4  # "... according to Carlos Lage and Cuban television."
_OBJECT_PRONOUNS = {"him": "he", "her": "she", "them": "they"}


def _object_pronoun(tokens: list[Token], i: int) -> Mention | None:
    """ "According to him, ...": the pronoun of someone named before (not "her spokesman")."""
    if i >= len(tokens) or tokens[i].lower not in _OBJECT_PRONOUNS:
        return None
    if tokens[i].lower == "her" and i + 1 < len(tokens) and tokens[i + 1].is_word:
        return None  # "according to her spokesman" (but "According to them the company ...")
    token = tokens[i]
    role = _OBJECT_PRONOUNS[token.lower]
    return Mention(token.start, token.end, "pronoun", token.text, role=role)


def _in_a_poll(text: str, tokens: list[Token], end: int) -> Found | None:
    """ "In a survey by Kyodo News conducted in May, 68 percent said ...", "In the poll, 22
    percent supported the idea": the figures of a poll the sentence opens with are its maker's,
    as they are after "according to"."""
    if len(tokens) < _POLL_WORDS or tokens[0].lower != "in":
        return None
    if not _article(tokens[1]):
        return None
    poll = next((j for j in range(2, _POLL_WORDS) if tokens[j].lower in _POLLS), None)
    if poll is None or not all(tokens[j].is_word for j in range(2, poll)):
        return None  # "In a Gallup poll", "In the latest survey"
    comma = next(
        (
            m
            for m in range(poll + 1, min(len(tokens), poll + _POLL_ASIDE))
            if not (tokens[m].is_word or _in_number(tokens, m))
        ),
        None,
    )
    if comma is None or tokens[comma].text != ",":
        return None
    by = next((m for m in range(poll + 1, comma) if tokens[m].lower in ("by", "from")), None)
    if by is not None and tokens[by + 1].lower == "the":
        by += 1
    maker = mention_after(text, tokens, by + 1, comma) if by is not None else None
    mention = maker or Mention(
        tokens[1].start, tokens[poll].end, "phrase", text[tokens[1].start : tokens[poll].end]
    )
    where = (tokens[0].start, tokens[poll].end)
    span = _clause_span(text, tokens[comma].end, end)
    return Found(mention, "according to", where, span, poll=True)


def _share_opening(tokens: list[Token]) -> bool:
    """ "25 percent favored ...", "Four percent said ...", "About 60% opposed": a sentence
    that opens with a share of those asked."""
    words = [t.lower for t in tokens[:5]]
    while words and words[0] in _ABOUT:
        words = words[1:]
    if not words or not (words[0][:1].isdigit() or words[0] in _NUMBER_WORDS):
        return False
    rest = words[1:]
    return bool(rest) and (rest[0] in ("percent", "%") or rest[:2] == ["per", "cent"])


_ABOUT = word_set("about nearly almost just only some over around roughly")
_NUMBER_WORDS = word_set("""
    one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty
    fifty sixty seventy eighty ninety
    """)


def _in_number(tokens: list[Token], m: int) -> bool:
    """Whether tokens[m] is the comma or point inside a figure ("2,000", "3.5")."""
    return (
        tokens[m].text in ",."
        and 0 < m < len(tokens) - 1
        and tokens[m - 1].text[-1:].isdigit()
        and tokens[m + 1].text[:1].isdigit()
        and tokens[m - 1].end == tokens[m].start == tokens[m + 1].start - 1
    )


_POLLS = word_set("poll polls survey surveys census")
_POLL_WORDS = 6  # "In the latest Gallup poll"
_POLL_ASIDE = 24  # "by Kyodo News conducted in May of about 3000 people at least 18 years old"


def _maker_named(text: str, tokens: list[Token], i: int) -> Mention | None:
    """ "according to the 2010 Global Trends report by the UN refugee agency": the maker a
    paper names after "by" or "from", however the paper is described before it."""
    for j in range(i, min(len(tokens) - 1, i + _MAKER_WORDS)):
        if tokens[j].text in ",;:":
            return None
        if tokens[j].lower not in _PAPERS_AND_FINDINGS:
            continue
        by = j + 1
        if tokens[by].lower in _RELEASED and by + 1 < len(tokens):
            by += 1  # "preliminary results released by the electoral commission"
        if tokens[by].lower in ("by", "from"):
            first = by + 2 if by + 1 < len(tokens) and tokens[by + 1].lower == "the" else by + 1
            maker = mention_after(text, tokens, first, len(tokens))
            if maker is not None and maker.kind == "role":
                # "by the United Nations High Commissioner for Refugees": a paper's maker
                # named by a title is the office, not whoever holds it
                return replace(maker, kind="name", name=maker.text, organisation=True)
            if maker is None and first > by + 1:
                maker = _described_maker(text, tokens, by + 1)  # "by the UN refugee agency"
            return maker
    return None


_PAPERS_AND_FINDINGS = MADE_PAPERS | FINDING_NOUNS
_MAKER_WORDS = 8  # "the 2010 Global Trends report by": a paper's description before its maker


def _described_maker(text: str, tokens: list[Token], i: int) -> Mention | None:
    """ "by the electoral commission on Monday": "the" and a body's kind, up to a time, a
    place or punctuation."""
    k = i + 1
    while k < len(tokens) and k - i <= _SOURCE_WORDS and tokens[k].is_word:
        if tokens[k].lower in _AFTER_MAKER:
            break
        k += 1
    if k == i + 1 or tokens[k - 1].lower not in ORG_WORDS:
        return None
    return Mention(
        tokens[i].start, tokens[k - 1].end, "phrase", text[tokens[i].start : tokens[k - 1].end]
    )


_AFTER_MAKER = word_set("on in at last this that which for with during after before")


def _source_phrase(text: str, tokens: list[Token], i: int) -> Mention | None:
    """ "according to the museum": a definite noun phrase the lexicon does not know as a
    speaker's is still the source that "according to" names, up to the next punctuation; so
    are bare figures or papers, "according to industry figures"."""
    if i >= len(tokens):
        return None
    if tokens[i].lower != "the":
        k = i
        while k < len(tokens) and k - i < _SOURCE_WORDS and tokens[k].text.isalpha():
            if tokens[k].lower in _PAPERS and not tokens[k].text[0].isupper():
                end = tokens[k]
                if k + 1 == len(tokens) or tokens[k + 1].text in ",.;:":
                    return Mention(
                        tokens[i].start, end.end, "phrase", text[tokens[i].start : end.end]
                    )
                return None
            k += 1
        return None
    k = i + 1
    while k < len(tokens) and tokens[k].is_word and k - i <= _SOURCE_WORDS:
        if tokens[k].lower in _SOURCE_STOPS:
            return None  # "according to the way it ...": no source
        k += 1
    if k == i + 1 or k - i > _SOURCE_WORDS or (k < len(tokens) and tokens[k].text not in ",.;:"):
        return None
    if tokens[k - 1].lower in _DOCUMENTS:
        return None  # "according to the adopted text": what a document says is the outlet's
    return Mention(
        tokens[i].start, tokens[k - 1].end, "phrase", text[tokens[i].start : tokens[k - 1].end]
    )


_SOURCE_WORDS = 3
_DOCUMENTS = word_set(
    "text plan law rules agreement proposal deal bill regulation directive treaty contract "
    "document guidelines terms legislation resolution constitution decision order draft"
)
_SOURCE_STOPS = word_set("way plan rules law schedule that which who when where it they")


def _verb_before_comma(tokens: list[Token], following: Token) -> bool:
    """Whether the words from `following` on reach a verb before any comma: a clause, not
    more of a name ("the team's coach, Ana Lind, ...")."""
    if following.text in ",:(" or following.lower in COMPILED:
        return False  # "according to a study published in The Lancet, ...": the source's
    rest = tokens[tokens.index(following) :]
    comma = next((i for i, t in enumerate(rest) if t.text in ",:;"), len(rest))
    return _clause_ahead(rest[:comma])  # "the pipeline crosses 200 rivers"


def _appositive_name(
    text: str, tokens: list[Token], first: int, comma: int
) -> tuple[Mention, int] | None:
    """ "According to the team's coach, Ana Lind, the robot ...": the person the role
    before the comma names, and the comma after the name."""
    described = tokens[first:comma]
    if not any(t.lower in TITLE_WORDS or t.lower in PERSON_NOUNS for t in described):
        return None
    close = next((m for m in range(comma + 1, len(tokens)) if tokens[m].text in ",."), None)
    if close is None or close - comma - 1 > _APPOSITIVE_NAME_WORDS:
        return None
    mention = mention_after(text, tokens, comma + 1, close)
    if mention is None or mention.kind != "name" or mention.organisation:
        return None
    if mention.end != tokens[close - 1].end:
        return None
    return mention, close


_APPOSITIVE_NAME_WORDS = 4
_QUOTING = frozenset({"quoting", "citing"})


def _quoting(text: str, tokens: list[Token], comma: int) -> tuple[Mention | None, int]:
    """ "According to the Herald, quoting the ENA agency, ...": whom the source relays, and the
    comma after which the relayed words start (the same comma when no one is quoted)."""
    k = comma + 1
    if k >= len(tokens) or tokens[k].lower not in _QUOTING:
        return None, comma
    close = next((m for m in range(k + 1, len(tokens)) if tokens[m].text in ",:"), None)
    if close is None:
        return None, comma
    mention = mention_after(text, tokens, k + 1, close)
    if mention is None:
        # "quoting the country's state agency Eastland News Agency (ENA)": the
        # last name in the phrase, without its initials in brackets
        end = close
        if tokens[end - 1].text == ")":
            end = next((m for m in range(end - 1, k, -1) if tokens[m].text == "("), end)
        first = end
        while first - 1 > k and tokens[first - 1].is_capitalised and tokens[first - 1].is_word:
            first -= 1
        mention = mention_after(text, tokens, first, end) if first < end else None
    return (mention, close) if mention is not None else (None, comma)


def _as_said(text: str, tokens: list[Token], end: int) -> Found | None:
    """ "And as the head of the OECD, Jane Roe, has said, this brought in 50 billion": the
    clause after the attribution is the one cited."""
    at = next((k for k, t in enumerate(tokens[:3]) if t.lower == "as"), None)
    if at is None:
        return None
    for k in range(at + 2, min(len(tokens), at + 16)):
        if tokens[k].text in ".;":
            return None
        if not is_cue(tokens, k):
            continue
        j = _skip_back(tokens, k - 1, at + 1)
        mention = interpret(text, tokens[at + 1 : j + 1]) if j > at else None
        comma = next((m for m in range(k + 1, len(tokens)) if tokens[m].text == ","), None)
        if mention is None or mention.kind not in ("name", "role") or comma is None:
            return None
        span = _clause_span(text, tokens[comma].end, end)
        return Found(mention, cue_text(tokens, k), cue_span(tokens, k), span)
    return None


def _quoted_as_saying(text: str, tokens: list[Token], end: int) -> Found | None:
    """ "The state news agency WNA quoted an unnamed official as saying the talks had been
    useful": the agency reports, relaying whom it quoted."""
    for k in range(1, len(tokens) - 3):
        if tokens[k].lower not in _QUOTED:
            continue
        at = next(
            (
                j
                for j in range(k + 1, min(len(tokens) - 1, k + _QUOTED_WORDS + 2))
                if tokens[j].lower == "as" and tokens[j + 1].lower in _SAYING
            ),
            None,
        )
        if at is None:
            return None
        be = _skip_back(tokens, k - 1, 0)
        if tokens[k - 1].lower in _BE and tokens[k + 1].lower == "by" and k >= 2:
            # "Rosa Lima was quoted by the BBC as saying ...": the same report, turned round
            mention = mention_after(text, tokens, k + 2, at)
            relayed = mention_before(text, tokens, _skip_back(tokens, k - 2, 0))
        elif tokens[be].lower in _BE and at == k + 1 and be >= 1:
            # "He was also quoted as saying that ...": his words, whoever quoted them
            mention = mention_before(text, tokens, _skip_back(tokens, be - 1, 0))
            relayed = None
        else:
            mention = _subject(text, tokens, k)
            relayed = mention_after(text, tokens, k + 1, at)
        if mention is None or (mention.kind == "pronoun" and mention.role in FIRST_PERSON):
            return None
        begin = at + 2
        if begin < len(tokens) and tokens[begin].lower == "that":
            begin += 1
        if begin >= len(tokens):
            return None
        span = _clause_span(text, tokens[begin].start, end)
        return Found(mention, cue_text(tokens, k), cue_span(tokens, k), span, relayed=relayed)
    return None


_QUOTED = word_set("quoted quotes quoting cited cites citing")
_QUOTED_WORDS = 8  # whom a report quoted, before "as saying"
_SAYING = word_set("saying stating telling")
_WHAT_LOOKAHEAD = 8
_RELEASED = word_set("released issued published put sent")


def _pointed_back(text: str, tokens: list[Token], end: int) -> Found | None:
    """ "I would point you back to what Secretary Doe said last week, that he believes that
    we are closing the gaps", "You saw in the statement released by the board, for example,
    that 40 ships were inspected": the clause after ", that" is the words of whoever said or
    released them, not of the sentence's subject."""
    for k in range(2, len(tokens) - 1):
        if tokens[k].lower != "that" or tokens[k - 1].text != ",":
            continue
        head = tokens[: k - 1]
        source = _what_said(text, head) or _released_by(text, head)
        if source is None:
            return None
        mention, cue_at = source
        after = k + 1
        # "that he believes that ...": the speaker's own verb inside the clause
        if (
            after + 2 < len(tokens)
            and tokens[after].lower in PERSON_PRONOUNS | GROUP_PRONOUNS
            and is_cue(tokens, after + 1)
            and tokens[after + 2].lower == "that"
        ):
            after += 3
        span = _clause_span(text, tokens[after - 1].end, end)
        return Found(mention, cue_text(head, cue_at), cue_span(head, cue_at), span)
    return None


def _what_said(text: str, head: list[Token]) -> tuple[Mention, int] | None:
    """ "what Secretary Doe said at the end of last week": who said it, and the cue."""
    what = next((i for i, t in enumerate(head) if t.lower == "what"), None)
    if what is None:
        return None
    for k in range(what + 2, min(len(head), what + _WHAT_LOOKAHEAD)):
        if is_cue(head, k):
            j = _skip_back(head, k - 1, what + 1)
            mention = interpret(text, head[what + 1 : j + 1]) if j > what else None
            if mention is not None and mention.kind in ("name", "role"):
                return mention, k
            return None
    return None


def _released_by(text: str, head: list[Token]) -> tuple[Mention, int] | None:
    """ "in the statement that was released by the harbour board": who issued it."""
    noun = next((i for i, t in enumerate(head) if t.lower in _STATEMENT_WORDS), None)
    if noun is None:
        return None
    for k in range(noun + 1, min(len(head) - 1, noun + _WHAT_LOOKAHEAD)):
        if head[k].lower in _RELEASED and head[k + 1].lower == "by":
            stop = next((i for i in range(k + 2, len(head)) if head[i].text in ",;"), len(head))
            mention = interpret(text, head[k + 2 : stop])
            if mention is not None and mention.kind in ("name", "role", "phrase"):
                return mention, k
            return None
    return None


_STATEMENT_WORDS = word_set("statement statements letter report release readout memo filing")


_ROLE_BEFORE_WORDS = 16


def _role_before(tokens: list[Token]) -> bool:
    """ "Executive director of the Eastport chapter of the council" before "Jane Doe said":
    a title and whose it is, opening the sentence with no verb or comma of its own."""
    words = [t for t in tokens if t.is_word]
    if not 1 <= len(words) <= _ROLE_BEFORE_WORDS or any(t.text in ',;:"“”()' for t in tokens):
        return False
    if any(_verbish(t) for t in words):
        return False
    titled = [i for i, t in enumerate(words) if t.lower in TITLE_WORDS]
    return bool(titled) and titled[0] <= 2


def _opens_clause(before: list[Token], mention: Mention) -> bool:
    """Whether a subject opens its sentence or clause, past the words `before` it: a comma,
    a connector, a time or place ("On Monday"), a title ("Deputy Director of Public
    Prosecution"), or words that describe it ("Nevertheless, the French carmaker")."""
    if not before or before[-1].text in ",:" or _only_connectors(before) or _opener(before):
        return True
    if len(before) > 1 and before[-1].lower in _JOINING and before[-2].text == ",":
        return True  # "..., but X says", "..., although experts say"
    if len(before) >= 2 and before[-1].lower in ("for", "of") and before[-2].lower in _SPOKES:
        # "A spokesman for the port authority said": the body speaks through them
        rest = before[:-2]
        if rest and rest[-1].lower in _ARTICLE_WORDS:
            rest = rest[:-1]
        return _opens_clause(rest, mention) if rest else True
    if mention.kind == "phrase":
        # "..., although industry experts say": a group's lower-case modifiers before it
        mods = 0
        while (
            mods < 2
            and mods < len(before)
            and before[-1 - mods].text.isalpha()
            and before[-1 - mods].text.islower()
            and before[-1 - mods].lower not in _JOINING | DETERMINERS
            and not _verbish(before[-1 - mods])
        ):
            mods += 1
        rest = before[: len(before) - mods]
        if mods and len(rest) > 1 and rest[-1].lower in _JOINING and rest[-2].text == ",":
            return True
    if mention.kind == "name" and _role_before(before):
        return True
    dashes = [i for i, t in enumerate(before) if t.text in "—–"]
    if len(dashes) == 2 and dashes[1] == len(before) - 1:
        # "Irish Taoiseach — Prime Minister — Leo Varadkar said": a gloss between dashes on a
        # title, itself a run of capitalised words as "Irish Taoiseach Leo Varadkar" is
        title = before[: dashes[0]]
        if 0 < len(title) <= _TITLE_RUN and all(t.is_word and t.is_capitalised for t in title):
            return True
        return _opens_clause(title, mention)
    if mention.kind != "name" and not mention.organisation:
        return False
    # what a comma closes is set aside, as when the subject follows the comma
    comma = max((i for i, t in enumerate(before) if t.text == ","), default=-1)
    return _description_only(before[comma + 1 :], bool(mention.role))


_JOINING = word_set("but and although though while whereas yet")
_SPOKES = word_set(
    "spokesman spokeswoman spokesperson spokespeople representative representatives "
    "spokesmen spokeswomen"
)


def _description_only(tokens: list[Token], titled: bool) -> bool:
    """ "The French carmaker" before "Acme said", "the opposition" before "Harbour Party said",
    "The United Nations (UN) emergency relief" before "coordinator John Roe said", or a time,
    "The same day": words that only describe the subject opening the sentence or say when,
    with no verb or punctuation of their own but an abbreviation's brackets. Without an
    article they lead into a title ("UN relief coordinator John Roe") or are a few words in
    lower case ("Discount retailer Acme said")."""
    words = [t for t in tokens if t.text not in ("(", ")", "/")]  # "activist/blogger"
    determined = bool(words) and words[0].lower in ("the", "a", "an")
    if determined:
        words = words[1:]
    elif not titled and (
        len(words) > _BARE_DESCRIPTION_WORDS or any(t.is_capitalised for t in words[1:])
    ):
        return False
    if not 1 <= len(words) <= _DESCRIPTION_WORDS or not all(t.is_word for t in words):
        return False
    return not any(
        _verbish(t) or (t.lower in STOP_CAPS and not _joins_nouns(words, i))
        for i, t in enumerate(words)
    )


def _joins_nouns(words: list[Token], i: int) -> bool:
    """ "blogger and activist": an "and" after a lower-case noun joins two descriptions of
    one person, where "Smith and" would join two speakers."""
    return words[i].lower == "and" and i > 0 and words[i - 1].text.islower()


_DESCRIPTION_WORDS = 6
_BARE_DESCRIPTION_WORDS = 3
_TITLE_RUN = 4


def _after_organisation(text: str, tokens: list[Token], mention: Mention, cue: int) -> Mention:
    """ "... of the Council on Harbour Relations Jane Doe": the person after the
    organisation's last word, not the two run together."""
    inside = [t for t in tokens[_token_index(tokens, mention.start) : cue] if t.is_word]
    last_org = max((i for i, t in enumerate(inside) if t.lower in ORG_WORDS), default=None)
    if last_org is not None and len(inside) - last_org - 1 >= 2:
        tail = inside[last_org + 1 :]
    elif len(mention.name.split()) > 3:
        tail = inside[-2:]  # an organisation whose last word the lexicon lacks: first name, surname
    else:
        return mention
    person = interpret(text, tail)
    return person if person is not None and person.kind == "name" else mention


def _said_that(text: str, tokens: list[Token], end: int) -> Found | None:
    """A subject at the start of the sentence, a cue, and the clause it reports."""
    for k in range(1, len(tokens)):
        if not is_cue(tokens, k) or tokens[k].lower == "according":
            continue
        if tokens[_skip_back(tokens, k - 1, 0)].lower in ("and", "but"):
            # "X called a press conference and stated that", "X apologized, but also said"
            found = _coordinated(text, tokens, k, end)
            if found is not None:
                return found
            continue
        if tokens[k - 1].text == "," and _aside_speaker(text, tokens, k):
            continue  # "Recipients, said Roe, must ...": the speaker follows the cue
        if tokens[k - 1].text == "," and tokens[k].lower in TAIL_CUES:
            continue  # "X called it unfortunate, saying ...": the sentence's subject's, below
        who = _skip_back(tokens, k - 1, 0)
        if (
            who >= 2
            and tokens[who].lower in _RELATIVES
            and tokens[who - 1].text == ","
            and tokens[k].lower in _PLAIN_NOUN_CUES
        ):
            # "Wikinews contacted librarian Sam Ortiz, who said the damage would cost ...",
            # "..., according to the UN, which said ...": whom the relative clause hangs on
            named = _relative_owner(text, tokens, k)
            span = _reported_clause(text, tokens, k, end)
            opening = named is not None and named.start <= tokens[0].start
            # (not "Jane Roe, who said 40 died, left on Monday": the main clause goes on)
            speaks = named is not None and named.kind in ("name", "role", "phrase")
            if speaks and span is not None and not opening:
                before = _main_clause_before(text, tokens, who - 1)
                return Found(named, cue_text(tokens, k), cue_span(tokens, k), span, before=before)
            continue
        mention = _participle_subject(text, tokens, k) or _subject(text, tokens, k)
        if mention is None or (mention.kind == "pronoun" and mention.role in ("i", "we", "you")):
            continue
        if not cue_fits(tokens, k, mention):
            continue
        first = _token_index(tokens, mention.start)
        joint = _joint_subject(text, tokens, first, mention)
        if joint is not None:  # "The school district and the police department said"
            mention, first = joint, _token_index(tokens, joint.start)
        while first > 0 and tokens[first - 1].lower in _QUANTIFIERS:
            first -= 1  # "many other countries tell me that"
        if (
            first >= 3
            and tokens[first - 1].lower in _BASED
            and tokens[first - 2].text == "-"
            and tokens[first - 3].is_capitalised
        ):
            first -= 3  # "U.S.-based Acme said": the place the name is described by
        subordinate = (
            _subordinate_opening(text, tokens, first) if tokens[k].lower in _SPEECH else None
        )
        if subordinate is None and not _opens_clause(tokens[:first], mention):
            continue
        if first and mention.kind == "name" and _role_before(tokens[:first]):
            mention = _after_organisation(text, tokens, mention, k)
        tail = k + 1 < len(tokens) and (
            tokens[k + 1].text == ","
            or _adverbial_tail(tokens[k + 1 :])
            or _listener_aside(tokens, k)
        )
        if first and tokens[first - 1].text == "," and tail:
            continue  # "..., Moss said (on Monday), telling Cook ...": the words are before it
        if _said_later(tokens, k):
            continue  # "conceded defeat on Monday but said his party ...": the later cue's
        span = _reported_clause(text, tokens, k, end)
        if span is None and tokens[k].lower in _DISCOVERED and _researchers(mention):
            # "The researchers found the protein in 40 percent of cells": what a study's
            # authors found is their finding, whatever its form
            span = _clause_span(text, tokens[k + 1].start, end) if k + 1 < len(tokens) else None
        if span is None and tokens[k].lower in _ANNOUNCES and _announced_object(tokens[k + 1 :]):
            # "NASA announced the successful launch of its probe in October": what a body
            # announces is its claim; the sentence stays whole, as its subject and verb are
            # part of what is checked
            span = _clause_span(text, tokens[first].start, end)
        if span is not None:
            cited = _citing(tokens, k + 1)
            if cited is None and tokens[0].lower in ("citing", "quoting"):
                # "Citing hospital sources, the agency said ...": the source the opening cites
                close = _opening_phrase(tokens)
                cited = (1, close) if close else None
            relayed = mention_after(text, tokens, cited[0], cited[1] - 1) if cited else None
            aside = _dash_aside(text, tokens, first, k) or subordinate
            cue = cue_text(tokens, k)
            return Found(mention, cue, cue_span(tokens, k), span, before=aside, relayed=relayed)
    return None


def _listener_aside(tokens: list[Token], cue: int) -> bool:
    """ "The agency, he told the committee, was ...": the listener, then the comma that closes
    an aside set in the sentence it attributes."""
    closing = next(
        (
            i
            for i in range(cue + 1, min(len(tokens), cue + _INTERPOSED_WORDS))
            if tokens[i].text == ","
        ),
        None,
    )
    return (
        tokens[cue].lower in LISTENER_CUES
        and closing is not None
        and closing > cue + 1
        # only the listener's words ("told customers that 20,000 homes": a clause, no aside)
        and all(
            t.text.isalpha() and t.lower != "that" and not _verbish(t)
            for t in tokens[cue + 1 : closing]
        )
        # and the interrupted sentence's verb after it ("Trump told me, they have ...": a
        # clause of its own)
        and closing + 1 < len(tokens)
        and _verbish(tokens[closing + 1])
    )


def _subordinate_opening(text: str, tokens: list[Token], first: int) -> tuple[int, int] | None:
    """ "The vote was delayed after the ministry said ...": the outlet's main clause before a
    subordinate one whose subject speaks, when the subject follows its conjunction."""
    if first < _MAIN_CLAUSE_WORDS + 1 or tokens[first - 1].lower not in _SUBORDINATORS:
        return None
    main = tokens[: first - 1]
    if (
        any(t.text in ',;:"“”' for t in main)
        or sum(1 for t in main if t.is_word) < _MAIN_CLAUSE_WORDS
    ):
        return None
    return _clause_span(text, tokens[0].start, tokens[first - 1].start)


_SUBORDINATORS = word_set("after before when since because once until")
# Cues that report words, not an act or a finding ("after an inquiry found", "when the White
# House denied permits" stay the outlet's whole sentence)
_SPEECH = _PLAIN_NOUN_CUES | word_set("claimed insisted argued admitted")
_MAIN_CLAUSE_WORDS = 3


_ADDS = word_set("added adds add")


def _added_to(ahead: list[Token]) -> bool:
    """Whether "added" takes an object and where it went ("added 40 jobs to the payroll"),
    not a clause: a "to" after words with no verb among them."""
    for k, token in enumerate(ahead):
        if token.text in ',;:."“”':
            return False
        if token.lower == "to":
            return k > 0 and not any(_verbish(t) for t in ahead[:k])
    return False


def _participle_subject(text: str, tokens: list[Token], cue: int) -> Mention | None:
    """ "Pilots interviewed for the programme said", "Residents contacted by the Herald
    said", "Those surveyed said": people described by what was done to them, opening the
    sentence, are the speakers, not the name inside the description."""
    if not 2 <= cue <= _PARTICIPLE_SUBJECT_WORDS or tokens[cue].lower not in _PLAIN_NOUN_CUES:
        return None
    head, done = tokens[0].lower, tokens[1].lower
    if not (head in _DESCRIBED_PEOPLE or (head.endswith("s") and head in _GROUPS)):
        return None
    if not (done.endswith("ed") and tokens[1].text.islower()):
        return None
    if any(t.text in ',;:"“”()' or is_cue(tokens, i) for i, t in enumerate(tokens[1:cue], 1)):
        return None
    end = tokens[cue - 1].end
    return Mention(tokens[0].start, end, "phrase", text[tokens[0].start : end])


_PARTICIPLE_SUBJECT_WORDS = 9
_DESCRIBED_PEOPLE = word_set(
    "those people pilots residents workers passengers patients respondents parents students "
    "teachers doctors nurses witnesses survivors voters farmers employees staff officials "
    "experts scientists researchers analysts economists protesters villagers families children"
)
_DISCOVERED = word_set("found find finds showed show shows discovered identified")


def _researchers(mention: Mention) -> bool:
    """Whether a speaker phrase is a study's authors ("the researchers", "Chinese scientists")."""
    words = mention.text.lower().split()
    return mention.kind == "phrase" and bool(words) and words[-1] in _RESEARCHERS


_BY_OR_FROM = re.compile(r"\b(?:by|from)\b")
_ANNOUNCES = word_set("announced announces unveiled unveils")


def _announced_object(after: list[Token]) -> bool:
    """Whether what follows "announced" is a thing with a figure or a date to check, not a
    bare act ("announced his resignation")."""
    words = after[:_CLAUSE_LOOKAHEAD]
    return any(t.text[:1].isdigit() or t.lower in MONTHS or t.lower in WEEKDAYS for t in words)


def _aside_speaker(text: str, tokens: list[Token], k: int) -> bool:
    """Whether the cue at tokens[k] opens an aside naming its speaker: ", said Roe,"."""
    subject = _subject(text, tokens, k)
    opening = tokens[0].start
    if subject is not None and subject.kind == "name" and subject.role and subject.start == opening:
        return False  # "Muammer Erol, the provincial governor, stated Okcular, ... had"
    mention = _inverted(text, tokens, k)
    if mention is None or mention.kind not in ("name", "pronoun"):
        return False
    after = next((t for t in tokens[k + 1 :] if t.start >= mention.end), None)
    return after is not None and after.text == ","


_BASED = word_set("based born led owned run backed funded registered headquartered")
_QUANTIFIERS = word_set("many other some several most all few both various numerous")


def _joint_subject(text: str, tokens: list[Token], first: int, mention: Mention) -> Mention | None:
    """ "Both the Harbour Board and the county police have asserted that": two named
    speakers joined by "and", saying the same thing together."""
    if mention.kind != "name" or first < 2 or tokens[first - 1].lower != "and":
        return None
    other = mention_before(text, tokens, first - 2, 0)
    if other is None or other.kind != "name":
        return None
    name = f"{other.name} and {mention.name}"
    written = text[other.start : mention.end]
    return Mention(other.start, mention.end, "name", written, name=name, organisation=True)


def _said_later(tokens: list[Token], k: int) -> bool:
    """Whether a cue with no "that" is followed, in its own sentence, by "but said" or "and
    said that": the words are the second verb's, and the first tells an act ("Hale conceded
    defeat late on Monday but said his party would ...")."""
    if tokens[k].lower in _ASSERTED_OR_SAID:
        return False  # "denied the claims and said ...": the denial is asserted too
    if k + 1 < len(tokens) and tokens[k + 1].lower == "that":
        return False
    for j in range(k + 2, min(len(tokens) - 1, k + _CLAUSE_LOOKAHEAD)):
        if tokens[j].text in '.;"“”' or tokens[j].lower == "that":
            return False
        if tokens[j].lower in ("but", "and"):
            m = _skip_forward(tokens, j + 1)
            return m < len(tokens) and tokens[m].lower in _SAY
    return False


def _coordinated(text: str, tokens: list[Token], k: int, end: int) -> Found | None:
    """ "John Roe called a press conference and stated that ...": the cue's subject is
    the sentence's, named before its first verb."""
    if tokens[k].lower in ("announced", "announces", "reported", "revealed", "found", "showed"):
        return None  # "came together and announced they will vote": an act the outlet reports
    earlier = next(
        (j for j in range(1, k) if is_cue(tokens, j) and tokens[j].lower != "according"), None
    )
    # "X said A but stressed B": the subject the first cue found
    subject = _subject(text, tokens, earlier) if earlier is not None else None
    if subject is None or subject.kind == "pronoun":
        subject = _sentence_subject(text, tokens, k)
    if subject is None and tokens[0].lower in ("he", "she", "they"):
        # "He labelled the rebels as "rats" and said that ...": the pronoun opening it
        subject = mention_after(text, tokens, 0, 1)
    if subject is None:
        subject = _described_opening(text, tokens, k)
    if subject is None:
        return None
    span = _reported_clause(text, tokens, k, end)
    if span is None:
        return None
    before = None
    # what the subject did first ('criticised "the Government's rejection"': a quotation
    # counts as words)
    if len([t for t in tokens[: k - 1] if t.is_word or _quotation(t)]) >= 4:
        before = _clause_span(text, tokens[0].start, tokens[_skip_back(tokens, k - 1, 0)].start)
    return Found(subject, cue_text(tokens, k), cue_span(tokens, k), span, before=before)


def _described_opening(text: str, tokens: list[Token], upto: int) -> Mention | None:
    """ "The IG Metall union called the plan ... and said": a body or a group described,
    opening the sentence right before its first verb."""
    verb = next(
        (v for v in range(1, upto) if _verbish(tokens[v]) or tokens[v].lower in CUE_WORDS), None
    )
    if verb is None or tokens[0].lower not in DETERMINERS:
        return None
    mention = mention_before(text, tokens, _skip_back(tokens, verb - 1, 0), 0)
    if mention is None or mention.start != tokens[0].start or mention.kind == "pronoun":
        return None
    return mention


def _sentence_subject(text: str, tokens: list[Token], upto: int) -> Mention | None:
    """The first name in a sentence before its first verb ("President Biden and President
    Lopez discussed ...", "One of the leaders, John Roe, called ...")."""
    comma = next(
        (i for i in range(1, min(upto, _OPENING_ROLE_WORDS)) if tokens[i].text == ","), None
    )
    if comma is not None and not any(_verbish(t) for t in tokens[:comma]):
        # "The procurator fiscal for the North of Scotland, Liam Murphy, welcomed ...": the
        # name the opening role gives, not a name inside the role
        named = _appositive_name(text, tokens, 0, comma)
        if named is not None:
            return named[0]
    k = _prepositional_opening(tokens, upto)  # past "In a statement to Wikinews,"
    while k < upto:
        token = tokens[k]
        if _verbish(token) or is_cue(tokens, k):
            return None
        if token.is_capitalised and token.lower not in STOP_CAPS:
            mention = mention_after(text, tokens, k, upto)
            if mention is not None and mention.kind == "name":
                return mention
        k += 1
    return None


_OPENING_ROLE_WORDS = 12


def _opener(tokens: list[Token]) -> bool:
    """Whether words before a subject are a time or place phrase ("Last week", "On Monday",
    "Earlier this year") rather than a clause of their own."""
    words = [t for t in tokens if t.is_word]
    if not words or len(words) > 6 or words[0].lower not in _OPENERS:
        return False
    return not any(_verbish(t) for t in words)


def _verbish(token: Token) -> bool:
    low = token.lower
    return (
        low in FINITE_VERBS
        or low in NEGATED_VERBS
        or (token.text.islower() and low.endswith("ed") and len(low) > 4)
    )


def _citing(tokens: list[Token], after: int) -> tuple[int, int] | None:
    """ "reported, citing police, that ...": where the source cited starts, and where the
    words after the aside start."""
    if after + 2 >= len(tokens) or tokens[after].text != ",":
        return None
    if tokens[after + 1].lower not in ("citing", "quoting"):
        return None
    close = next(
        (
            i
            for i in range(after + 2, min(len(tokens), after + _QUOTED_WORDS))
            if tokens[i].text == ","
        ),
        None,
    )
    return (after + 2, close + 1) if close is not None else None


def _reported_clause(text: str, tokens: list[Token], cue: int, end: int) -> tuple[int, int] | None:
    low = tokens[cue].lower
    after = cue + 2 if low in TWO_WORD_CUES else cue + 1
    cited = _citing(tokens, after)
    if cited is not None:
        after = cited[1]  # "reported, citing police, that 14 people were killed"
    if after < len(tokens) and tokens[after].lower in ("about", "of") and low in ABOUT_CUES:
        return _clause_span(text, tokens[after].end, end)  # "writes about the neglect of ..."
    if after < len(tokens) and tokens[after].text == ":":
        return _clause_span(text, tokens[after].end, end)  # "the agency says: 14 villages ..."
    for k in range(after, min(len(tokens), after + _CLAUSE_LOOKAHEAD)):
        if tokens[k].text in '.;"“”':
            break
        if tokens[k].lower == "that":
            if _that_opens_clause(tokens, after, k, low):
                return _clause_span(text, tokens[k].end, end)
            break
    if low in LISTENER_CUES:
        after = _after_listener(tokens, after)  # "told reporters 12 soldiers had died"
    after = _after_when(tokens, after)  # "announced Wednesday morning it will buy ..."
    ahead = tokens[after : after + _CLAUSE_LOOKAHEAD]
    participles = [i for i in range(1, len(ahead)) if ahead[i].lower in TAIL_CUES]
    tail = next((i for i in participles if ahead[i - 1].text == ","), None)
    if tail is not None:
        # "declared a state of emergency, saying ...": the words are the participle's, and
        # what comes before it is read on its own
        ahead = ahead[: tail - 1]
    if low in AS_CUES and _as_ahead(tokens[after : after + _AS_LOOKAHEAD]):
        return _clause_span(text, tokens[after].start, end)  # "described the plan as ..."
    if low in NAMING_CUES:  # 'called it "a textbook case"': the thing and its name
        return _clause_span(text, tokens[after].start, end)
    if low in TALLY_VERBS:  # "gave a count of 116 injured": the figure is the claim
        return _clause_span(text, tokens[after].start, end)
    if low in OF_CUES:  # "accused ministers of cutting the budget": whom, and of what
        ahead = tokens[after : after + _AS_LOOKAHEAD]
        return _clause_span(text, tokens[after].start, end) if _as_ahead(ahead, "of") else None
    if after >= len(tokens) or (low in _SAY and tokens[after].lower in _SAID_NOTHING):
        return None  # "said nothing about the cut": no words reported
    if low in _ADDS and _added_to(tokens[after : after + _CLAUSE_LOOKAHEAD]):
        return None  # "Ryanair have added two publishers to their legal targets": an act
    # "promised to create 2 million jobs", "pledged not to withdraw 1,500 troops"
    to = after + 1 if low in _PROMISES and tokens[after].lower in _NOT else after
    if (
        low in _PROMISES
        and tokens[to].lower == "to"
        and to + 1 < len(tokens)
        and tokens[to + 1].text.isalpha()
        and tokens[to + 1].text.islower()
        and tokens[to + 1].lower not in DETERMINERS
    ):
        return _clause_span(text, tokens[after].start, end)
    if tokens[after].lower == "to" and not (
        after + 1 < len(tokens) and tokens[after + 1].lower in ("have", "be", "being", "having")
    ):
        return None  # "tweeted to the boy and ...": whom the words went to, not what they were
    if _quotation(tokens[after]):
        # 'said "we neither engage in torture" in 2008': the quotation is what was said
        return _clause_span(text, tokens[after].start, end)
    if not _clause_ahead(ahead) and not _said_clause(text, low, ahead):
        if _asserted_object(low, ahead):
            return _clause_span(text, tokens[after].start, end)
        return None  # "Putin announced an operation": an act the outlet reports, not words
    return _clause_span(text, tokens[after].start, end)


# Cues whose object is itself an assertion: "noted the failure of the act", "denied the
# allegations", "predicted a 5 percent rise", "promised $500 million in savings". Others
# with an object tell an act: "pledged $350 million in aid", "cited her work", "added jobs".
_ASSERTING_CUES = word_set("""
    note notes noted predict predicts predicted forecast forecasts projected estimate estimates
    estimated promise promises promised claim claims claimed allege alleges alleged acknowledge
    acknowledges acknowledged admit admits admitted deny denies denied confirm confirms
    confirmed blame blames blamed report reports reported
    """)


def _asserted_object(cue: str, ahead: list[Token]) -> bool:
    """Whether the noun phrase after a cue is what the speaker asserted."""
    words = [t for t in ahead if t.is_word]
    if cue not in _ASSERTING_CUES or len(words) < 3 or words[0].lower in _SELF_OBJECTS:
        return False
    # "reported the results of a study": publishing a finding is an act the outlet tells
    head = words[1] if words[0].lower in DETERMINERS else words[0]
    return head.lower not in FINDING_NOUNS


_SELF_OBJECTS = word_set("him her them me us himself herself themselves itself it")


def _after_when(tokens: list[Token], after: int) -> int:
    """Past a bare day right after the cue ("said Tuesday", "announced Wednesday morning",
    "said yesterday"), when a clause follows it."""
    k = after
    if k + 1 < len(tokens) and tokens[k].lower in ("late", "early") and tokens[k + 1].lower == "on":
        k += 1  # "said late on Thursday it would"
    if k + 1 < len(tokens) and tokens[k].lower == "on" and tokens[k + 1].lower in WEEKDAYS:
        k += 1  # "said on Monday it would close": the day, then the clause
    if k < len(tokens) and (tokens[k].lower in WEEKDAYS or tokens[k].lower in _DAYS):
        k += 1
        if k < len(tokens) and tokens[k].lower in _TIMES_OF_DAY:
            k += 1
    if k < len(tokens) and tokens[k].lower in _DAY_AS_SUBJECT:
        return after  # "said Monday will see cranes move debris": the day is the subject
    return k if k < len(tokens) and tokens[k].is_word and _clause_ahead(tokens[k:]) else after


_DAYS = word_set("today yesterday tonight")
_DAY_AS_SUBJECT = word_set("will would is was could can may might should")
_TIMES_OF_DAY = word_set("morning afternoon evening night")
_AS_LOOKAHEAD = 30  # "characterized the conflict between A and B of C as ...": a long object


def _as_ahead(tokens: list[Token], word: str = "as") -> bool:
    """Whether the "as" of "described X as Y" (or the "of" of "accused X of Y") follows
    within the sentence."""
    for token in tokens:
        if token.text in '.;"“”':
            return False
        if token.lower == word:
            return True
    return False


_SAY = frozenset({"say", "says", "said"})
_ASSERTED_OR_SAID = _ASSERTING_CUES | _SAY
_SAID_NOTHING = frozenset({"nothing", "little", "goodbye", "so"})
# What "said" takes as an object rather than a clause: "said nothing", "said so".
_SAID_OBJECTS = word_set(
    """
    nothing something anything so goodbye hello yes no little much more a an the this that
    these those it what which how why when where whether if thanks sorry prayers
    """
)


def _said_clause(text: str, cue: str, ahead: list[Token]) -> bool:
    """ "say 3 in 10 children lack iodine": after "say", words that are no object of it open
    the clause it reports, even where no verb is recognised."""
    # a quoted fragment counts as words: 'said such aircraft represent "the first ..."'
    words = [t for t in ahead if t.is_word or t.text == '"']
    quoted = next((i for i, t in enumerate(ahead) if t.text == '"'), 0)
    if (
        cue in _SPOKEN
        and quoted >= 2
        and ahead[0].lower in DETERMINERS
        and all(t.is_word for t in ahead[:quoted])
        and word_count(text, ahead[quoted].start, ahead[quoted].end) >= _QUOTED_PREDICATE_WORDS
    ):
        # 'said the provisions of the deal "cut off its paths to a bomb"', 'added the family
        # "has a shortage of heirs"': the subject outside the quotation, its verb inside
        return True
    if cue not in _SAY or len(words) < 4 or ahead[0] is not words[0]:
        return False
    first = words[0]
    return first.lower not in _SAID_OBJECTS and first.lower not in ("to", "on", "in", "at")


# Cues that only report words, so that a quotation after their object is the rest of a clause.
_SPOKEN = _SAY | word_set("added adds stressed insisted insists argued argues warned warns")
_QUOTED_PREDICATE_WORDS = 2


_LISTENER_WORDS = 6
_LISTENERS = word_set(
    """
    me us him her them you reporters journalists lawmakers senators legislators parliament
    mps members supporters voters viewers listeners readers students workers investors
    analysts delegates officials residents crowds court jury committee hearing inquiry tribunal
    panel audience crowd conference meeting assembly newspaper magazine paper broadcaster
    """
)


def _after_listener(tokens: list[Token], after: int) -> int:
    """Where the words told start once the listener is passed: a pronoun, a plain noun for
    an audience, or a name ("told Newsweek", "told the BBC"), when a clause follows it."""
    k = after
    if k < len(tokens) and tokens[k].lower in ("the", "a", "an"):
        k += 1
    if k >= len(tokens):
        return after
    if tokens[k].lower in _LISTENERS:
        k += 1
        while k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalised:
            k += 1  # "told newspaper Sodermanlands Nyheter": the listener's name after its kind
    elif tokens[k].is_capitalised and tokens[k].is_word:
        while k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalised:
            k += 1
        while k < len(tokens) and k - after < _LISTENER_WORDS and tokens[k].lower in ORG_WORDS:
            k += 1  # "told the AFP news agency they heard ...": the listener's kind too
    else:
        return after
    if k < len(tokens) and tokens[k].lower == "that":
        return after  # "told reporters that ...": the "that" opens the clause as before
    return k if _clause_ahead(tokens[k : k + _CLAUSE_LOOKAHEAD]) else after


def _that_opens_clause(tokens: list[Token], after: int, k: int, cue: str) -> bool:
    """Whether the "that" at tokens[k] opens the clause a cue reports: "said on Monday that
    exports rose", not "said exports rose in the quarter that ended" or "on that front"."""
    if k == after:
        return not _demonstrative(tokens, k)
    asserting = cue in RESTATING or (cue in CUE_WORDS and cue not in _DENYING)
    if asserting and claim_restated(tokens, after - 1):
        return True  # "repeated her claim that", "reiterated his warning that"
    if tokens[k - 1].lower in _NOT_BEFORE_THAT:
        return False
    between = tokens[after:k]
    words = [t for t in between if t.is_word]
    # "said in a report published on Monday that": a participle inside the interposed phrase
    interposed = bool(words) and words[0].lower in ("in", "on", "at", "during", "after")
    if any(
        (_verbish(t) and not (interposed and t.lower in _PARTICIPLES))
        or t.text[0].isdigit()
        or t.text in '"“”'
        for t in between
    ):
        return False
    if cue in LISTENER_CUES or cue in ("warned", "warns", "urged", "promised", "convinced"):
        return len(words) <= 8  # the listener: "told reporters in Paris that"
    if _demonstrative(tokens, k):
        return False  # "denied that figure"
    first = words[0].lower if words else ""
    return (first in _INTERPOSED or first in WEEKDAYS or first in MONTHS) and len(words) <= 10


_PARTICIPLES = word_set("published released issued posted filed broadcast aired held")
_DENYING = word_set("denied denies deny disputed disputes refuted refutes rebutted rebuts rejected")


def _demonstrative(tokens: list[Token], k: int) -> bool:
    """Whether the "that" at tokens[k] points at a thing ("denied that figure.") rather than
    opening a clause: a few words, none a verb, to the end of the sentence or clause."""
    words = []
    rest = tokens[k + 1 :]
    for m, token in enumerate(rest):
        inside_number = (
            token.text in ".,"
            and m + 1 < len(rest)
            and rest[m + 1].start == token.end
            and rest[m + 1].text[:1].isdigit()
        )
        if token.text in ",.;:!?" and not inside_number:  # "1.2 million", "20,000" go on
            if token.text == "," and _verb_after_aside(rest, m):
                return False  # "that the contract, worth £340 million, was awarded"
            break
        words.append(token)
    if any(t.text == '"' for t in words[1:]):
        return False  # 'asserted that board officials "ignored 12 warnings"': a quoted verb
    return len(words) <= 3 and not _clause_ahead(words)


def _verb_after_aside(tokens: list[Token], comma: int) -> bool:
    """Whether the comma at tokens[comma] opens an aside that another comma closes, with the
    phrase's verb right after it (", worth £340 million, was")."""
    for m in range(comma + 1, min(len(tokens) - 1, comma + _INTERPOSED_WORDS + 2)):
        if tokens[m].text in ".;:!?":
            return False
        if tokens[m].text == "," and not tokens[m + 1].text[:1].isdigit():
            return _verbish(tokens[m + 1])
    return False


def _share_then_verb(tokens: list[Token]) -> bool:
    """ "60 percent of voters back the plan", "77 percent agree": a share opening the words
    after a cue, then its plural verb."""
    if len(tokens) < 3 or not tokens[0].text[:1].isdigit():
        return False
    k = {"percent": 2, "%": 2, "per": 3}.get(tokens[1].lower)
    if k is None:
        return False
    if k < len(tokens) and tokens[k].lower == "of":
        # "of voters", "of the country's adults": the group, up to the word after a noun
        k += 1
        while k + 1 < min(len(tokens), _SHARE_WORDS) and not _verb_after_noun(tokens, k):
            k += 1
        k += 1
    return k < len(tokens) and _plain_verb(tokens[k])


def _verb_after_noun(tokens: list[Token], k: int) -> bool:
    return tokens[k].lower not in DETERMINERS and _plain_verb(tokens[k + 1])


def _plain_verb(token: Token) -> bool:
    low = token.lower
    return (
        token.is_word
        and token.text.isalpha()
        and token.text.islower()
        and low not in _NOT_PLURAL_VERBS
        and not low.endswith(("ly", "ing"))
    )


_SHARE_WORDS = 8


def _clause_ahead(tokens: list[Token]) -> bool:
    """Whether the words after a cue read as a clause with a verb, not a noun phrase."""
    if _share_then_verb(tokens):
        return True  # "said 60 percent of voters back the plan"
    if (
        len(tokens) > 2
        and tokens[0].lower in _PRONOUN_SUBJECTS
        and tokens[1].text.isalpha()
        and tokens[1].text.islower()
        and tokens[1].lower not in _NOT_VERBS_AFTER_PRONOUN
    ):
        return True  # "admits they use white phosphorus", "said it used 20 bombs"
    for k, token in enumerate(tokens):
        if _verbish(token):
            return True
        if k and _present_verb(token.lower) and _could_be_subject(tokens, k - 1):
            return True  # "said the company expects growth"
        if k >= 2 and _plural_present(tokens, k):
            return True  # "said the results confirm a drop"
    return False


_PRONOUN_SUBJECTS = word_set("they we i you it he she")
# what follows "said it" as no verb: "said it again", "said it best"
_NOT_VERBS_AFTER_PRONOUN = word_set("again too best all out loud twice once before well first")

# Words that follow a plural noun without being its verb: "the results of", "the figures
# today".
_NOT_PLURAL_VERBS = word_set(
    """
    of in on at for from with by to and or but as than about over under after before into
    that which who whom whose when where while today yesterday tomorrow last next this these
    those its their his her our your my a an the all both each every some any more most
    """
)
_OBJECT_OPENERS = word_set("a an the that no more less its their his her our some all these")


def _plural_present(tokens: list[Token], k: int) -> bool:
    """ "the results confirm a ...", "the figures suggest that ...": a present-tense verb
    after a plural subject, known by the object that follows it."""
    noun, verb = tokens[k - 1], tokens[k]
    if not (noun.is_word and noun.lower.endswith("s") and not noun.lower.endswith("ss")):
        return False
    if tokens[k - 2].lower not in ("the", "these", "those", "its", "their", "our", "his", "her"):
        return False
    if not (verb.text.isalpha() and verb.text.islower()) or verb.lower in _NOT_PLURAL_VERBS:
        return False
    following = tokens[k + 1] if k + 1 < len(tokens) else None
    return following is not None and (
        following.lower in _OBJECT_OPENERS or following.text[0].isdigit()
    )


def _present_verb(low: str) -> bool:
    return len(low) > 3 and low.isalpha() and low.endswith("s") and not low.endswith(("ss", "us"))


def _could_be_subject(tokens: list[Token], k: int) -> bool:
    token = tokens[k]
    if token.lower in ("he", "she", "it"):
        return True
    if token.is_word and token.is_capitalised and token.lower not in STOP_CAPS:
        return True
    # "the field", "the ambipolar electric field": a determiner, then lower-case words
    for j in range(k, max(-1, k - 4), -1):
        if j < k and tokens[j].lower in ("the", "a", "an", "this", "its", "their"):
            return True
        if not (tokens[j].text.isalpha() and tokens[j].text.islower()):
            return False
        if tokens[j].lower in _NOT_PLURAL_VERBS:
            return False  # "a study of 100 ports": "of" ends a subject's words
    return False


def _said_at_end(text: str, tokens: list[Token], start: int) -> Found | None:
    """'NATO is a threat, Lavrov said.' / '..., said Lavrov.' / '..., but X has said.' /
    'Apple was "pulled in," CEO Tim Cook said.' / '..., Moss said, telling Cook that ...'"""
    bounds = [k for k, t in enumerate(tokens) if t.text == "," or _quote_ends_in_comma(text, t)]
    for comma in reversed(bounds):
        quoted = tokens[comma].text == '"'
        if comma < (1 if quoted else 3):
            break
        found = _attribution_after(text, tokens, comma, start)
        if found is not None:
            return found
        if len(tokens) - comma > _TAIL_ATTRIBUTION:
            break
    asides = (_interposed(text, tokens, a, b, start) for a, b in itertools.pairwise(bounds))
    return next((found for found in asides if found is not None), None)


_INTERPOSED_WORDS = 6  # ", said Roe,", ", the minister said,": an aside, not a clause


def _interposed(
    text: str, tokens: list[Token], opening: int, closing: int, start: int
) -> Found | None:
    """ "Recipients, said Roe, must show the photographs": an attribution set between two
    commas inside the sentence it attributes; the whole sentence is the speaker's."""
    if opening < 1 or closing - opening > _INTERPOSED_WORDS:
        return None
    aside = tokens[: closing + 1]  # what comes after the aside would read as its clause
    found = _attribution_after(text, aside, opening, start)
    if found is None:
        return None
    span = _clause_span(text, start, tokens[-1].end)
    return Found(found.mention, found.cue, found.cue_span, span)


def _opens_at(tokens: list[Token], lead: int, mention: Mention) -> bool:
    """Whether a name opens the words after a comma, or only a description of it does
    ("..., local newspaper the Eastport Herald reported")."""
    first = _token_index(tokens, mention.start)
    described = tokens[lead:first]
    return first == lead or (
        mention.kind == "name"
        and len(described) <= _DESCRIBING_WORDS
        and all(t.text.isalpha() and t.text.islower() and not _verbish(t) for t in described)
    )


_DESCRIBING_WORDS = 3


_PROMISES = word_set("promised promises promise vowed vows pledged pledges threatened threatens")
_NOT = word_set("not never")
_AFTER_COMMA_WORDS = 20  # "..., the commission's chairman, Paul Adeyemi, announced"


def _named_between_commas(tokens: list[Token], comma: int) -> bool:
    """Whether a name stands between this comma and the next, and a cue comes right after:
    an appositive ", Paul Adeyemi, announced"."""
    close = next(
        (i for i in range(comma + 1, min(len(tokens), comma + 10)) if tokens[i].text == ","),
        None,
    )
    if close is None:
        return False
    inside = tokens[comma + 1 : close]
    if close < comma + 6:
        # ", Paul Adeyemi, announced": a name between the commas
        if not inside or not all(t.is_capitalised or t.text == "." for t in inside):
            return False
    else:
        # ", now in control of the country, announced": an aside that describes the speaker
        described = inside[0].text.islower() and inside[0].lower not in _NOT_AN_ASIDE
        if not described or any(_verbish(t) or not t.is_word for t in inside):
            return False
    return close + 1 < len(tokens) and is_cue(tokens, _skip_forward(tokens, close + 1))


_NOT_AN_ASIDE = word_set("and but or which who that when where while as")


def _skip_forward(tokens: list[Token], k: int) -> int:
    while k < len(tokens) - 1 and tokens[k].lower in SKIP_BEFORE_CUE:
        k += 1
    return k


def _attribution_after(text: str, tokens: list[Token], comma: int, start: int) -> Found | None:
    """ "..., X said" (and what may follow: ", telling Y that ..."), after tokens[comma]."""
    lead = comma + 1
    while lead < len(tokens) and tokens[lead].lower in ("but", "as", "though", "although"):
        lead += 1
    appositive = False
    for k in range(lead, min(len(tokens), lead + _AFTER_COMMA_WORDS)):
        if tokens[k].text == "," and not appositive and _named_between_commas(tokens, k):
            appositive = True  # "..., the commission's chairman, Paul Adeyemi, announced."
            continue
        if tokens[k].text in ",;:" and not (appositive and tokens[k].text == ","):
            return None
        if not is_cue(tokens, k) or tokens[k].lower == "according":
            continue
        mention = _subject(text, tokens, k, lo=lead)
        if mention is not None and not appositive and not _opens_at(tokens, lead, mention):
            mention = None
        inverted = False
        if mention is None and k == lead and tokens[k].lower not in LISTENER_CUES:
            if tokens[k].lower in _TAKES_AN_OBJECT:
                return None  # "Jane Roe, disputed the figures.": what was disputed, no speaker
            mention = _inverted(text, tokens, k)
            inverted = True
        if mention is None or not cue_fits(tokens, k, mention):
            return None
        # "..., said a ministry spokesman.": what follows the speaker, not the cue, must end
        # the sentence
        after = [t for t in tokens[k + 1 :] if t.start >= mention.end] if inverted else []
        after = after if inverted else tokens[k + 1 :]
        if tokens[k].lower in LISTENER_CUES and not inverted:
            after = after[_listener_words(after) :]  # "..., Jane Doe told reporters on Monday."
        if after and after[0].text not in ",." and not _adverbial_tail(after):
            return None  # ", the minister said the plan ...": its own clause, not a tail
        boundary = tokens[comma]
        clause_end = boundary.end if boundary.text == '"' else boundary.start
        span = _clause_span(text, start, clause_end)
        # "..., the ministry said on Tuesday, the worst result since 1961.": the words after
        # the attribution are the speaker's too.
        rest = next((m for m in range(k + 1, len(tokens)) if tokens[m].text == ","), None)
        after = None
        if rest is not None and rest + 1 < len(tokens) and _verbish(tokens[rest + 1]):
            # "Children who slept less, the team found, were 20 percent more likely": an aside
            # inside the sentence it attributes, all of it the speaker's
            return Found(
                mention,
                cue_text(tokens, k),
                cue_span(tokens, k),
                _clause_span(text, start, tokens[-1].end),
            )
        # (", said Mike Chen, a portfolio manager at Aster Funds.": who the speaker is)
        described = inverted and rest is not None and tokens[rest].start == mention.end
        if (
            rest is not None
            and not described
            and rest + 1 < len(tokens)
            and tokens[rest + 1].lower not in TAIL_CUES
            and len([t for t in tokens[rest + 1 :] if t.is_word]) >= 3
        ):
            after = _clause_span(text, tokens[rest].end, tokens[-1].end)
        return Found(mention, cue_text(tokens, k), cue_span(tokens, k), span, after=after)
    return None


# Cues whose object follows them, so that the words after them are never their speaker.
_TAKES_AN_OBJECT = word_set(
    "disputed denied rejected confirmed acknowledged admitted questioned criticised criticized "
    "accused blamed praised welcomed condemned dismissed described"
)


def _listener_words(tokens: list[Token]) -> int:
    """How many words of a tail name whom the words were told ("reporters", "the BBC",
    "Reuters"): they end the sentence as a time or place does."""
    k = 1 if tokens and tokens[0].lower in ("the", "a", "an") else 0
    if k < len(tokens) and tokens[k].lower in _LISTENERS:
        return k + 1
    start = k
    while k < len(tokens) and tokens[k].is_word and tokens[k].is_capitalised:
        k += 1
    return k if k > start else 0


def _adverbial_tail(tokens: list[Token]) -> bool:
    """Whether words after an end-of-sentence cue are only a time or place ("said on Tuesday,
    the worst result since 1961"; "said in a statement.")."""
    words = []
    for token in tokens:
        if token.text in ",.;":
            break
        words.append(token)
    if not words or len(words) > _TAIL_WORDS:
        return not words
    return words[0].lower in _INTERPOSED and not any(_verbish(t) for t in words)


_TAIL_WORDS = 7  # "said in an interview with the Herald."


def _quote_ends_in_comma(text: str, token: Token) -> bool:
    """Whether a quotation's stand-in closes on a comma inside the marks ('"...," he said')."""
    if token.text != '"' or token.end - token.start < 3:
        return False
    inside = text[token.start + 1 : token.end - 1].rstrip()
    return inside.endswith(",")


def _verb_here(tokens: list[Token], j: int) -> bool:
    """A verb, or a present tense in "-s" before an article ("rejects the report")."""
    token = tokens[j]
    if _verbish(token):
        return True
    return (
        token.text.islower()
        and token.lower.endswith("s")
        and j + 1 < len(tokens)
        and tokens[j + 1].lower in DETERMINERS
    )


def _participle_after_cue(text: str, tokens: list[Token], found: Found, end: int) -> Found | None:
    """ "The number of cases has tripled, the agency said, warning that rates were too low":
    a participle right after the cue goes on with its speaker's words."""
    cue = next((k for k, t in enumerate(tokens) if t.start == found.cue_span[0]), None)
    if cue is None:
        return None
    for k in range(cue + 2, min(len(tokens) - 1, cue + _PARTICIPLE_REACH)):
        if tokens[k].lower not in TAIL_CUES or tokens[k - 1].text != ",":
            continue
        begin = k + 2 if tokens[k + 1].lower == "that" else k + 1
        if tokens[k].lower in LISTENER_CUES and begin == k + 1:
            begin = _after_listener(tokens, k + 1)  # ", telling reporters the line was cut"
            if begin == k + 1:
                return None
        if begin >= len(tokens):
            return None
        span = _clause_span(text, tokens[begin].start, end)
        return Found(found.mention, cue_text(tokens, k), cue_span(tokens, k), span)
    return None


_PARTICIPLE_REACH = 5  # ", the agency said on Monday, adding": past a time to the participle


def _participle_tail(text: str, tokens: list[Token], end: int) -> Found | None:
    """'The minister weighed in on Tuesday, saying exports fell.': the subject at the start
    of the sentence says what follows the participle."""
    for k in range(2, len(tokens) - 1):
        # "..., saying", or "issued a statement saying": what the statement said; "released
        # a report showing that": what the report found, its maker's finding
        stated = tokens[k].lower in ("saying", "stating") and tokens[k - 1].lower in _ISSUED
        shown = _published_showing(tokens, k)
        if shown:
            lead = _opening_phrase(tokens)
            maker = _sentence_subject(text, tokens[lead:], k - lead)
            if maker is None:
                continue
            begin = k + 2 if k + 1 < len(tokens) and tokens[k + 1].lower == "that" else k + 1
            if begin >= len(tokens):
                continue
            span = _clause_span(text, tokens[begin].start, end)
            return Found(maker, cue_text(tokens, k), cue_span(tokens, k), span)
        after_comma = tokens[k - 1].text == "," or _quote_ends_in_comma(text, tokens[k - 1])
        if (not after_comma and not stated) or tokens[k].lower not in TAIL_CUES:
            continue  # '..., noting that', 'dismissed it as "empty promises," noting that'
        first = 0
        # "On 17 November, Vice Minister John Roe met ...": past the date to the subject
        while first < k and (
            tokens[first].lower in STOP_CAPS
            or not tokens[first].is_word
            or tokens[first].text[0].isdigit()
        ):
            if tokens[first].lower in ("he", "she", "it", "they"):
                break
            first += 1
        if 0 < first < k and tokens[first - 1].lower == "the" and tokens[first].text.islower():
            first -= 1  # "The airline later issued ...": a description, with its article
        first = max(first, _prepositional_opening(tokens, k))
        verb = next((j for j in range(first + 1, k) if _verb_here(tokens, j)), k)
        # "The airline rejects the report, telling ...": the subject before its verb
        mention = mention_after(text, tokens, first, verb)
        if mention is None:
            return None
        begin = k + 1
        for j in range(k + 1, min(len(tokens), k + _CLAUSE_LOOKAHEAD)):
            if tokens[j].lower == "that" and _that_opens_clause(tokens, k + 1, j, tokens[k].lower):
                begin = j + 1
                break
        if tokens[k].lower in LISTENER_CUES and begin == k + 1:
            # "..., telling reporters recordings were reset": past the listener to the words
            begin = _after_listener(tokens, k + 1)
            if begin == k + 1:
                return None  # "..., telling Cook": whom, and no words reported
        if begin >= len(tokens):
            return None
        span = _clause_span(text, tokens[begin].start, end)
        # "John Roe met the ambassador and offered an apology, stating that ...": what the
        # subject did is the outlet's account, and checkable in its own right
        before = None
        if _acted(tokens[:k], mention):
            # up to the comma, or through a quotation that closes on one
            stop = tokens[k - 1].start if tokens[k - 1].text == "," else tokens[k - 1].end
            before = _clause_span(text, tokens[0].start, stop)
        return Found(mention, cue_text(tokens, k), cue_span(tokens, k), span, before=before)
    return None


_ISSUED = word_set("statement statements release letter note post tweet message email")
_SHOWING = word_set("showing finding concluding suggesting revealing")
_PUBLISHED = word_set("released published issued unveiled commissioned")
_PUBLISHED_FINDINGS = word_set("report study survey analysis poll review audit paper data")


def _published_showing(tokens: list[Token], k: int) -> bool:
    """ "HHS released a report showing that ...", "Pew published a new survey finding that":
    a finding its maker, the sentence's subject, published (not "She read a report showing
    ...", whose reader made nothing)."""
    if tokens[k].lower not in _SHOWING or tokens[k - 1].lower not in _PUBLISHED_FINDINGS:
        return False
    j = k - 2
    while j >= 0 and tokens[j].is_word and tokens[j].text.islower() and j >= k - 4:
        if tokens[j].lower in _PUBLISHED:
            return True
        j -= 1
    return False


def _acted(before: list[Token], subject: Mention) -> bool:
    """Whether the words between a subject and ", saying" / ", adding" tell something it did,
    the outlet's account and checkable in its own right: "met the ambassador and offered an
    apology", "later recanted his statement" (not "weighed in on Tuesday", which only says
    that words came)."""
    acted = [t for t in before if t.start >= subject.end and t.is_word]
    verb = next((t.lower for t in acted if _verbish(t)), None)
    if verb is None:
        return False
    if len(acted) >= _ACTED_WORDS:
        return True
    if len(acted) < _SHORT_ACT_WORDS or verb in _SPOKE:
        return False
    # "declared a state of emergency", "disputed the report": a cue with an object only
    at = next(i for i, t in enumerate(acted) if t.lower == verb)
    return verb not in CUE_WORDS or not _clause_ahead(acted[at + 1 :])


_ACTED_WORDS = 6  # more than "weighed in on Tuesday": something done, not only said
_SHORT_ACT_WORDS = 3  # "recanted his statement", "congratulated Varadkar on Twitter"
_SPOKE = word_set(
    "weighed spoke commented responded reacted replied spoken talked chimed went took issued"
)


def _clause_subject(text: str, tokens: list[Token], span: tuple[int, int] | None) -> Mention | None:
    """The name that opens a reported clause, when there is one."""
    if span is None:
        return None
    inside = [t for t in tokens if span[0] <= t.start < span[1]]
    if not inside or not inside[0].is_capitalised or inside[0].lower in STOP_CAPS:
        return None
    mention = mention_after(text, inside, 0, len(inside))
    return mention if mention is not None and mention.kind == "name" else None


def _clause_opening(text: str, tokens: list[Token], span: tuple[int, int]) -> Mention | None:
    """The phrase that opens a reported clause ("The company expects ..."), if any."""
    inside = [t for t in tokens if span[0] <= t.start < span[1]]
    mention = mention_after(text, inside, 0, len(inside)) if inside else None
    return mention if mention is not None and mention.kind in ("role", "phrase") else None


def _note_agent(text: str, tokens: list[Token], discourse: Discourse) -> None:
    """Remember an organisation that did what a passive tells ("the results were announced
    by the election committee"), for an "it" after it."""
    for k in range(2, len(tokens) - 1):
        if tokens[k].lower != "by" or not any(_verbish(t) for t in tokens[max(0, k - 4) : k]):
            continue
        at = k + 1
        if at + 2 < len(tokens) and tokens[at + 1].lower.endswith(("'s", "’s")):
            at += 2  # "by the country's election committee"
        mention = mention_after(text, tokens, at, len(tokens))
        if mention is not None and mention.kind == "name" and mention.organisation:
            discourse.subjects[discourse.registry.register(mention, mention.start)] = mention.start


def _officer_opening(text: str, tokens: list[Token], lead: int) -> str | None:
    """ "The electoral commission's chairman" opening a sentence before its verb: a person
    described by an office of a body, never named."""
    reach = range(lead + 1, min(len(tokens), lead + _OFFICER_WORDS))
    verb = next((i for i in reach if _verb_here(tokens, i)), None)
    if verb is None or verb < lead + 2:
        return None
    words = tokens[lead:verb]
    if not all(t.is_word for t in words) or words[-1].lower not in TITLE_WORDS:
        return None
    if not any(possessive(t) for t in words[1:-1]):
        return None  # "The minister ...": a role the article's people may hold
    return text[words[0].start : words[-1].end]


_OFFICER_WORDS = 7


def _note_subject(text: str, tokens: list[Token], discourse: Discourse) -> None:
    """Remember a known person who opens a narration sentence, for "he"/"the minister", a
    group ("The researchers analysed ..."), for "they", and the bodies it names, for "the
    organisation"."""
    registry = discourse.registry
    _note_bodies(text, tokens, discourse)
    if tokens and tokens[0].lower in ("the", "these", "those"):
        mention = mention_after(text, tokens, 0, len(tokens))
        if mention is not None and mention.kind == "phrase" and mention.text.endswith("s"):
            discourse.group = (mention.text, tokens[0].start)
            return
    if tokens and tokens[0].lower in GROUP_NOUNS and tokens[0].lower.endswith("s"):
        # "Scientists using a computer model have compared ...": a bare plural opening the
        # sentence, whom a "they" after it means
        discourse.group = ("the " + tokens[0].lower, tokens[0].start)
        return
    lead = _opening_phrase(tokens)
    if lead < len(tokens) and tokens[lead].lower == "the":
        # "The union's leader, Jane Roe, disputed the figures": the person the role names
        comma = next(
            (i for i in range(lead, min(len(tokens), lead + 6)) if tokens[i].text == ","), 0
        )
        role = [t.lower.removesuffix("'s").removesuffix("’s") for t in tokens[lead:comma]]
        described = any(w in TITLE_WORDS or w in PERSON_NOUNS for w in role)
        opening = Mention(tokens[lead].start, tokens[comma - 1].end, "role", " ".join(role))
        titled = _titled_apposition(text, tokens, opening) if comma and described else None
        if titled is not None:
            named = registry.lookup(titled.name) or registry.register(titled, titled.start)
            discourse.subjects[named] = titled.start
            return
        officer = _officer_opening(text, tokens, lead) if not comma else None
        if officer is not None:
            # "The commission's chairman denied the claims. "...," he said": the officer
            # the sentence opens with is whom a "he" after it means
            discourse.subjects[officer] = tokens[lead].start
            return
    for k, token in enumerate(tokens[: lead + 6]):
        if k < lead:
            continue
        if token.is_capitalised and token.lower not in STOP_CAPS:
            mention = mention_after(text, tokens, k, len(tokens))
            titled = _titled_apposition(text, tokens, mention) if k == lead else None
            if titled is not None:  # "Amtrak's CEO, Richard Anderson, held CSX responsible"
                mention = titled
            if mention is not None and mention.kind == "name":
                canonical = discourse.registry.lookup(mention.name)
                issued = _ISSUES_STATEMENT.search(text, tokens[0].start, tokens[-1].end)
                # a name opening the sentence and an act of speaking ("X commented on it.")
                acted = k == lead and _SPEECH_ACT.search(text, tokens[0].start, tokens[-1].end)
                if (
                    canonical is None
                    and k == lead
                    and (lead or titled or acted)
                    and not mention.organisation
                ):
                    # "Writing in a blog post, Jane Doe ...": the phrase says she is a writer
                    canonical = discourse.registry.register(mention, token.start)
                opens = k == lead or (k == lead + 1 and tokens[lead].lower == "the")
                person = canonical is not None and registry.is_person(canonical)
                # one capitalised word opening a sentence may be any word ("Throughout")
                named = canonical or mention.organisation or " " in mention.name
                if opens and named and not person and registry.may_be_body(mention.name):
                    # "Amnesty International has called on ...", "Intel denies ...": a body
                    # a description ("the rights group") may mean later
                    discourse.bodies[canonical or mention.name] = token.start
                if canonical:
                    discourse.subjects[canonical] = token.start
                    if issued or acted:
                        # "Senator Jane Doe issued a statement ...", "Abdullahi Nor commented
                        # on the incident.": the quotation after is theirs
                        discourse.speaking(canonical, token.start)
            return


def _titled_apposition(text: str, tokens: list[Token], mention: Mention | None) -> Mention | None:
    """ "Amtrak's CEO, Richard Anderson, ...": the person a role opening the sentence names
    between commas."""
    if mention is None or not any(w.lower() in TITLE_WORDS for w in mention.text.split()):
        return None
    k = next((i for i, t in enumerate(tokens) if t.start >= mention.end), len(tokens))
    if k >= len(tokens) or tokens[k].text != ",":
        return None
    close = next((i for i in range(k + 1, min(len(tokens), k + 6)) if tokens[i].text == ","), None)
    if close is None:
        return None
    named = interpret(text, tokens[k + 1 : close])
    if named is None or named.kind != "name" or named.organisation or " " not in named.name:
        return None
    return replace(named, role=mention.text.lower())


def _note_bodies(text: str, tokens: list[Token], discourse: Discourse) -> None:
    """ "... founding the Green Belt Movement, a non-governmental organization ...": a name
    an apposition says is a body."""
    if not tokens:
        return
    for match in _BODY_APPOSITION.finditer(text, tokens[0].start, tokens[-1].end):
        name = match.group("name")
        first = name.split()[0].lower()
        opening = match.start() == tokens[0].start
        if (
            any(word in BODY_KINDS for word in match.group("kind").split())
            and first not in STOP_CAPS | WEEKDAYS | MONTHS
            and not (opening and match.group("det") == "the")  # "Yesterday, the group said"
            and discourse.registry.may_be_body(name)
        ):
            discourse.bodies[name] = match.start()


_BODY_APPOSITION = re.compile(
    r"(?P<name>(?:[A-Z][\w&'’.-]*\s+){0,5}[A-Z][\w&'’.-]*)\s*[,—–(]\s*(?P<det>a|an|the)\s+"
    r"(?P<kind>(?:[\w-]+\s*){1,4})"
)

_OPENING_PHRASE = 8  # words a participle's phrase may take before the subject's comma


def _prepositional_opening(tokens: list[Token], limit: int) -> int:
    """Where the subject starts after an opening phrase on a preposition ("In a statement to
    Wikinews, Grady Semmens ..."): past its comma, or at the start when there is none."""
    if not tokens or tokens[0].lower not in _OPENING_PREPOSITIONS:
        return 0
    for k in range(1, min(limit, _OPENING_PHRASE + 1)):
        if tokens[k].text == ",":
            return k + 1
        if tokens[k].text in '.;:"“”' or _verbish(tokens[k]):
            break
    return 0


_OPENING_PREPOSITIONS = word_set("in on at during after before following amid despite with")


def _opening_phrase(tokens: list[Token]) -> int:
    """Where the subject starts after an opening participle phrase ("Writing in a blog post,
    Jane Doe ..."): past its comma, or at the start when there is none."""
    if not tokens or not (tokens[0].lower.endswith("ing") and tokens[0].is_word):
        return 0
    for k, token in enumerate(tokens[1 : _OPENING_PHRASE + 1], start=1):
        if token.text == ",":
            return k + 1
        if token.text in '.;:"“”':
            break
    return 0


_ISSUES_STATEMENT = re.compile(
    r"\b(?:issued|released|gave|made|put out|posted|published|sent)\s+(?:a|an|the|her|his|their)"
    r"\s+(?:[\w\-]+\s+){0,2}?(?:statement|response|reply)\b",
    re.IGNORECASE,
)


# Acts of speaking with no words reported in the sentence itself: "commented on the incident",
# "spoke to reporters after the vote", "responded to the ruling".
_SPEECH_ACT = re.compile(
    r"\b(?:commented|spoke|responded|reacted|replied|testified|weighed in|talked)"
    r"\s+(?:on|to|with|at|about|before|after|in)\b"
    r"|\baddressed\s+(?:the|a|an|reporters|journalists|supporters|parliament|congress)\b",
    re.IGNORECASE,
)


def _only_connectors(tokens: list[Token]) -> bool:
    return all(t.lower in STOP_CAPS or t.text == "," for t in tokens)


def _token_index(tokens: list[Token], position: int) -> int:
    return next(k for k, t in enumerate(tokens) if t.start >= position)
