"""Who said what: direct quotes, reported speech and the outlet's own narration.

A paragraph becomes statements. A quotation with its attribution ('"...," the minister said',
'Lavrov said: "..."') is direct speech; "X said that ...", "according to X" and
"..., X said." are indirect speech; everything else is the outlet's narration. Speakers are
resolved through the article's registry, and roles and pronouns through the discourse: who
spoke last and who was last the subject of a sentence, so that "the diplomat added" means the
minister speaking and not the people he mentioned in his own quotes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lexicon import (
    FINITE_VERBS,
    PASSIVE_BEFORE_CUE,
    SKIP_BEFORE_CUE,
    STOP_CAPS,
    TAIL_CUES,
)
from .names import Registry
from .phrases import Mention, cue_text, is_cue, mention_after, mention_before
from .quotes import Quote, find_quotes, is_statement
from .segment import dateline_end, split_sentences
from .tokens import Token, tokenize

_CLAUSE_LOOKAHEAD = 12  # tokens after a cue within which "that" opens the reported clause
_TAIL_ATTRIBUTION = 14  # tokens after a final comma that may still be "Lavrov said on Monday"


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


@dataclass
class Discourse:
    """Who has been speaking and who was last talked about, as the article is read."""

    registry: Registry
    outlet: str | None = None
    current: str | None = None
    spoke: dict[str, int] = field(default_factory=dict)
    subjects: dict[str, int] = field(default_factory=dict)

    def speaking(self, speaker: str | None, position: int) -> None:
        if speaker and speaker in self.registry.people:
            self.current = speaker
            self.spoke[speaker] = position

    def resolve(self, mention: Mention | None, position: int) -> str | None:
        """The canonical speaker a phrase refers to; the current speaker when there is none."""
        if mention is None:
            return self.current
        if mention.kind == "name":
            return self.registry.register(mention, position)
        if mention.kind == "pronoun":
            return self._pronoun(mention.role)
        if mention.kind == "role":
            return self.role(mention.role) or self._unresolved_role(mention)
        return mention.text

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

    def _unresolved_role(self, mention: Mention) -> str | None:
        if self.current and not self.registry.role_known(self.current):
            return self.current
        return mention.text

    def _pronoun(self, word: str) -> str | None:
        registry = self.registry
        if word in ("he", "she"):
            people = {n: p for n, p in self.subjects.items() if not registry.is_organisation(n)}
            if self.current and not registry.is_organisation(self.current):
                people[self.current] = max(
                    self.spoke.get(self.current, -1), people.get(self.current, -1)
                )
            return max(people, key=people.__getitem__) if people else self.current
        if self.current and registry.is_organisation(self.current):
            return self.current
        groups = {n: p for n, p in self.subjects.items() if registry.is_organisation(n)}
        return max(groups, key=groups.__getitem__) if groups else self.current


def paragraph_statements(
    text: str, index: int, start: int, end: int, discourse: Discourse, names: frozenset[str]
) -> list[Statement]:
    """The statements of one body paragraph, in text order, with its dateline set aside."""
    body = dateline_end(text, start, end)
    tokens = tokenize(text, body, end, names)
    quotes = find_quotes(text, body, end)
    spoken = [q for q in quotes if is_statement(text, q, body, end)]
    statements: list[Statement] = []
    for s, e in split_sentences(text, body, end, [q.outer for q in quotes]):
        sentence = [t for t in tokens if s <= t.start < e]
        inside = [q for q in spoken if s <= q.open < e]
        if inside:
            statements += _direct(text, index, sentence, inside, e, discourse)
        else:
            statements += _reported(text, index, sentence, s, e, discourse)
    return statements


def _outside(tokens: list[Token], quotes: list[Quote]) -> list[Token]:
    """Tokens outside the quotations, with a quote mark standing in for each one."""
    outside: list[Token] = []
    pending = sorted(quotes, key=lambda q: q.open)
    for token in tokens:
        while pending and token.start >= pending[0].outer[1]:
            quote = pending.pop(0)
            outside.append(Token('"', quote.open, quote.open, '"'))
        if any(q.outer[0] <= token.start < q.outer[1] for q in quotes):
            continue
        outside.append(token)
    outside += [Token('"', q.open, q.open, '"') for q in pending]
    return outside


def _direct(
    text: str,
    index: int,
    sentence: list[Token],
    quotes: list[Quote],
    sentence_end: int,
    discourse: Discourse,
) -> list[Statement]:
    outside = _outside(sentence, quotes)
    mention, cue_at = _attribution(text, outside)
    position = quotes[0].open
    speaker = discourse.resolve(mention, position)
    cue = cue_text(outside, cue_at) if cue_at is not None else None
    discourse.speaking(speaker, position)
    statements = []
    for quote in quotes:
        span = _quote_span(text, quote)
        if span:
            statements.append(Statement(*span, "direct", speaker, cue, index, quoted=True))
    if cue_at is not None:
        tail = _tail_clause(outside, cue_at, sentence_end, text)
        if tail:
            statements.append(Statement(*tail, "indirect", speaker, cue, index))
    return statements


def _attribution(text: str, outside: list[Token]) -> tuple[Mention | None, int | None]:
    """The speaker phrase and cue index attributing the quotations of one sentence."""
    first_cue = None
    for k in range(len(outside)):
        if not is_cue(outside, k):
            continue
        if first_cue is None:
            first_cue = k
        mention = _subject(text, outside, k) or _inverted(text, outside, k)
        if mention is not None:
            return mention, k
    if first_cue is not None:
        return None, first_cue
    for k, token in enumerate(outside):
        if token.text == ":" and k + 1 < len(outside) and outside[k + 1].text == '"':
            return mention_before(text, outside, k - 1), None
    return None, None


def _subject(text: str, tokens: list[Token], cue: int, lo: int = 0) -> Mention | None:
    """The phrase before a cue ("the minister said", "Lavrov also added")."""
    j = cue - 1
    while j >= lo and tokens[j].lower in SKIP_BEFORE_CUE:
        j -= 1
    if j < lo or tokens[j].lower in PASSIVE_BEFORE_CUE:
        return None
    return mention_before(text, tokens, j, lo)


def _inverted(text: str, tokens: list[Token], cue: int) -> Mention | None:
    """The phrase after a cue ("said Lavrov", "according to the ministry")."""
    at = cue + 2 if tokens[cue].lower in ("according", "pointed") else cue + 1
    mention = mention_after(text, tokens, at, len(tokens))
    if (mention is not None and mention.kind != "pronoun") or tokens[cue].lower == "according":
        return mention
    if mention is not None and at + 1 < len(tokens) and tokens[at + 1].text in ".,":
        return mention  # '"...," said he.'
    return None


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
            return _clause_span(text, outside[k + 1].end, sentence_end)
    return None


def _clause_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """A reported clause from start to end, without blanks or the sentence's full stop."""
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "."):
        end -= 1
    return (start, end) if end - start > 1 else None


def _reported(
    text: str,
    index: int,
    sentence: list[Token],
    start: int,
    end: int,
    discourse: Discourse,
) -> list[Statement]:
    """Indirect speech ("X said that ...", "according to X") or the outlet's narration."""
    found = _according_to(text, sentence, end) or _said_that(text, sentence, end)
    found = found or _said_at_end(text, sentence, start)
    if found is None:
        _note_subject(text, sentence, discourse)
        return [Statement(start, end, "narration", discourse.outlet, None, index)]
    mention, cue, span = found
    if span is None:
        _note_subject(text, sentence, discourse)
        return [Statement(start, end, "narration", discourse.outlet, None, index)]
    speaker = discourse.resolve(mention, mention.start if mention else start)
    discourse.speaking(speaker, start)
    return [Statement(*span, "indirect", speaker, cue, index)]


Found = tuple[Mention | None, str, tuple[int, int] | None]


def _according_to(text: str, tokens: list[Token], end: int) -> Found | None:
    for k in range(len(tokens) - 1):
        if tokens[k].lower != "according" or tokens[k + 1].lower != "to":
            continue
        mention = mention_after(text, tokens, k + 2, len(tokens))
        if mention is None:
            return None
        if k == 0 or _only_connectors(tokens[:k]):
            comma = next(
                (t for t in tokens[k + 2 :] if t.text == "," and t.start >= mention.end), None
            )
            if comma is None:
                return None
            return mention, "according to", _clause_span(text, comma.end, end)
        if tokens[k - 1].text == ",":
            return mention, "according to", _clause_span(text, tokens[0].start, tokens[k - 1].start)
    return None


def _said_that(text: str, tokens: list[Token], end: int) -> Found | None:
    """A subject at the start of the sentence, a cue, and the clause it reports."""
    for k in range(1, len(tokens)):
        if not is_cue(tokens, k) or tokens[k].lower == "according":
            continue
        mention = _subject(text, tokens, k)
        if mention is None or (mention.kind == "pronoun" and mention.role in ("i", "we", "you")):
            continue
        first = _token_index(tokens, mention.start)
        if not (first == 0 or tokens[first - 1].text == "," or _only_connectors(tokens[:first])):
            continue
        span = _reported_clause(text, tokens, k, end)
        if span is not None:
            return mention, cue_text(tokens, k), span
    return None


def _reported_clause(text: str, tokens: list[Token], cue: int, end: int) -> tuple[int, int] | None:
    after = cue + 2 if tokens[cue].lower == "pointed" else cue + 1
    for k in range(after, min(len(tokens), after + _CLAUSE_LOOKAHEAD)):
        if tokens[k].text in '.;"“”':
            break
        if tokens[k].lower == "that":
            return _clause_span(text, tokens[k].end, end)
    if after >= len(tokens) or not _clause_ahead(tokens[after : after + _CLAUSE_LOOKAHEAD]):
        return None  # "Putin announced an operation": an act the outlet reports, not words
    return _clause_span(text, tokens[after].start, end)


def _clause_ahead(tokens: list[Token]) -> bool:
    """Whether the words after a cue read as a clause with a verb, not a noun phrase."""
    for token in tokens:
        low = token.lower
        if low in FINITE_VERBS or (low.endswith("ed") and len(low) > 4):
            return True
    return False


def _said_at_end(text: str, tokens: list[Token], start: int) -> Found | None:
    """'NATO is a threat, Lavrov said.' / '..., said Lavrov.'"""
    commas = [k for k, t in enumerate(tokens) if t.text == ","]
    if not commas:
        return None
    comma = commas[-1]
    if len(tokens) - comma > _TAIL_ATTRIBUTION or comma < 3:
        return None
    for k in range(comma + 1, len(tokens)):
        if not is_cue(tokens, k):
            continue
        mention = _subject(text, tokens, k, lo=comma + 1)
        if mention is not None and _token_index(tokens, mention.start) != comma + 1:
            mention = None
        if mention is None and k == comma + 1:
            mention = _inverted(text, tokens, k)
        if mention is None:
            return None
        return mention, cue_text(tokens, k), _clause_span(text, start, tokens[comma].start)
    return None


def _note_subject(text: str, tokens: list[Token], discourse: Discourse) -> None:
    """Remember a known person who opens a narration sentence, for "he"/"the minister"."""
    for k, token in enumerate(tokens[:6]):
        if token.is_capitalised and token.lower not in STOP_CAPS:
            mention = mention_after(text, tokens, k, len(tokens))
            if mention is not None and mention.kind == "name":
                canonical = discourse.registry.lookup(mention.name)
                if canonical:
                    discourse.subjects[canonical] = token.start
            return


def _only_connectors(tokens: list[Token]) -> bool:
    return all(t.lower in STOP_CAPS or t.text == "," for t in tokens)


def _token_index(tokens: list[Token], position: int) -> int:
    return next(k for k, t in enumerate(tokens) if t.start >= position)
