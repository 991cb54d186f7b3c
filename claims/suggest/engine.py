"""`suggest()`: an article's text in, classified paragraphs and attributed claim candidates out.

The steps run in reading order, each in its own module: paragraphs are classified
(`segment`), people are collected over the whole article (`names`), each body paragraph
becomes statements (`attribution`), each statement atomic candidates (`candidates`), which
are scored (`scoring`); passes over all of them give a report's run-on sentences and cited
sources their speakers (`passes`), and restatements are checked against earlier candidates
(`matching`).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from .attribution import Discourse, Statement, paragraph_statements
from .candidates import Piece, atomic_pieces
from .lexicon import CUE_WORDS, FINITE_VERBS
from .matching import ClaimIndex
from .names import Registry, find_people, register_people
from .passes import cited_sources, reported_speech_runs_on
from .phrases import is_cue
from .scoring import (
    checkworthiness,
    is_call_to_action,
    is_courtesy,
    is_direct_question,
    is_reference,
)
from .segment import classify, dateline_end, split_paragraphs, split_sentences
from .structure import FIGURE, Blocks, read_structure
from .tokens import Token, plain_spaces, proper_words, tokenize
from .types import Candidate, KnownSpeaker, Paragraph, Suggestions

# The list at an article's foot: what follows such a heading is citations and links.
_REFERENCES = re.compile(
    r"^(?:sources?|references|related (?:news|stories|articles|coverage|links)|external links"
    r"|further reading|see also|footnotes|more on this story|bibliography)\W*$",
    re.IGNORECASE,
)
# "**ICYMI — News coverage of the announcement:**", "In the news:": a lead-in to a list of
# other outlets' headlines, links rather than claims
_COVERAGE_LEAD = re.compile(
    r"\b(?:icymi|in case you missed it|(?:news|media|press) coverage|coverage of|in the news"
    r"|what (?:they|others|people|leaders|experts) are saying|headlines)\b[^:]*:\W*$",
    re.IGNORECASE,
)
REPEAT_SCORE = 0.9  # near-exact: a reprinted paragraph with a changed word or two
DUPLICATE_SCORE = 0.7  # a candidate restating an earlier one in other words
_MIN_COMPARED_WORDS = 4


def suggest(
    text: str,
    *,
    speakers: Sequence[KnownSpeaker] = (),
    outlet: str | None = None,
    title: str | None = None,
    author: str | None = None,
) -> Suggestions:
    """Paragraphs, atomic claim candidates and speakers found in an article.

    `outlet` is whose narration unattributed text is (a source's publisher); `title` and
    `author` are the source's, which name the speaker of a speech or statement whose text
    never does ("Remarks by ...", "remarks of Jane Doe").

    Offsets are indices into `text` exactly as given; every candidate's text is
    `text[candidate.start:candidate.end]`.
    """
    original, text = text, plain_spaces(text)
    paragraphs = read_paragraphs(text, title=title)
    names = proper_words(text)
    registry = Registry(speakers, text)
    people = []
    for paragraph in paragraphs:
        if paragraph.kind not in ("body", "heading"):
            continue
        start = dateline_end(text, paragraph.start, paragraph.end)
        tokens = tokenize(text, start, paragraph.end, names)
        people += find_people(text, tokens, heading=paragraph.kind == "heading")
    register_people(registry, people)
    discourse = Discourse(registry, outlet=outlet)
    structure = read_structure(text, paragraphs, discourse, names, title=title, author=author)
    blocks = Blocks(text, discourse, names)
    candidates: list[Candidate] = []
    for paragraph in paragraphs:
        if paragraph.kind != "body" or is_reference(text[paragraph.start : paragraph.end]):
            blocks.skip(paragraph)
            continue
        if blocks.attribution_line(paragraph, structure):
            continue
        voice = blocks.voice(paragraph, structure.voices.get(paragraph.index))
        statements = paragraph_statements(
            text, paragraph.index, paragraph.start, paragraph.end, discourse, names, voice
        )
        lead_in = _lead_in(text, paragraph, names)
        for statement in statements:
            for piece in atomic_pieces(text, statement, discourse, names):
                words = text[piece.start : piece.end]
                if is_courtesy(words) or is_call_to_action(words) or is_direct_question(words):
                    continue  # greetings, turn-taking, links and questions are never claims
                if lead_in is not None and piece.start >= lead_in:
                    continue
                candidate = _candidate(original, text, statement, piece)
                if not _too_slight(candidate):
                    candidates.append(candidate)
        blocks.after(paragraph, structure)  # a lead-in still gives what follows its speaker
        if lead_in == paragraph.start:
            paragraph.kind, paragraph.reason = "heading", "lead-in"
    _signed_words(text, paragraphs, registry, candidates)
    reported_speech_runs_on(candidates, outlet)
    cited_sources(original, candidates)
    mark_duplicates(candidates)
    return Suggestions(paragraphs, candidates, _speakers(registry, candidates, outlet))


def _too_slight(candidate: Candidate) -> bool:
    """ "As you know", "Not at all.", "Cool clock, Ahmed.": three words or fewer, no figure,
    and nothing that scores as worth checking, a turn of talk rather than a claim."""
    words = _WORDS.findall(candidate.text)
    return (
        len(words) <= _SLIGHT_WORDS
        and not any(ch.isdigit() for ch in candidate.text)
        and candidate.checkworthiness < _SLIGHT_SCORE
    )


_WORDS = re.compile(r"[\w'’]+")
_SLIGHT_WORDS = 3
_SLIGHT_SCORE = 0.15


def _running_prose(text: str, start: int, end: int) -> bool:
    """Whether a paragraph reads as the article's running text, not a citation or a link:
    two sentences or more, long, with a verb in lower case."""
    words = text[start:end].split()
    verbs = any(w in FINITE_VERBS for w in (w.strip(".,;:").lower() for w in words if w.islower()))
    return len(words) >= _PROSE_WORDS and len(split_sentences(text, start, end)) >= 2 and verbs


_PROSE_WORDS = 30


def read_paragraphs(text: str, *, title: str | None = None) -> list[Paragraph]:
    """Every non-blank line, classified, with reprinted body paragraphs marked as repeats.

    `title` is the source's: printed as the first line, it is the headline whatever its
    length or its punctuation."""
    paragraphs = []
    after_body = False
    first = True
    listing = False
    references = False
    coverage = False
    headline = _folded(title) if title else None
    for index, (start, end) in enumerate(split_paragraphs(text)):
        kind, reason = classify(text, start, end, after_body=after_body, first=first)
        if first and headline and _folded(text[start:end]) == headline:
            kind, reason = "heading", "headline"
        if listing and reason == "short line without final punctuation" and _says(text, start, end):
            kind, reason = "body", "list item"  # "64 per cent said they knew" under a lead-in
        if _REFERENCES.match(text[start:end]) and reason != "headline":
            references = True  # "Sources", or "Related news" set aside as a link's label
        elif (kind == "heading" and reason != "headline") or (
            references and kind == "body" and _running_prose(text, start, end)
        ):
            references = False  # (a heading, or the article going on: "Related coverage" set
            # in the middle of the page labels only the links under it)
        elif references and kind in ("body", "heading"):
            kind, reason = "noise", "reference list"  # "Sources", then the sources cited
        if coverage and reason == "list item":
            kind, reason = "noise", "related link"
        else:
            coverage = bool(_COVERAGE_LEAD.search(text, start, end))
        after_body = after_body or kind == "body"
        first = first and kind == "noise"
        if kind != "noise":
            listing = text[end - 1] == ":" or (listing and reason == "list item")
        paragraphs.append(Paragraph(index, start, end, kind, reason, None))
    _pull_quotes(text, paragraphs)
    seen = ClaimIndex()
    exact: dict[str, int] = {}
    for paragraph in paragraphs:
        if paragraph.kind != "body":
            continue
        line = text[paragraph.start : paragraph.end]
        words = seen.words(line)
        figures = FIGURE.findall(line)  # "cost $4 billion" is no repeat of "cost $5 billion"
        key = " ".join([*words, *figures]) or line
        earlier = exact.get(key)
        if earlier is None and len(words) >= _MIN_COMPARED_WORDS:
            hits = seen.search(line, limit=3, min_score=REPEAT_SCORE, words=words)
            same = [h for h in hits if FIGURE.findall(h.text) == figures]
            earlier = same[0].key if same else None
        if earlier is not None:
            paragraph.kind, paragraph.repeat_of = "repeat", earlier
            paragraph.reason = f"repeats paragraph {earlier}"
            continue
        exact[key] = paragraph.index
        seen.add(paragraph.index, line, words)
    return paragraphs


_QUOTED_PARAGRAPH = re.compile(r"[\"“‘'«](?P<words>[^\"“”«»]{20,}?)[.,]?[\"”’'»][.]?$")


# "This was a difficult decision. Jane Doe, NASA Administrator": a quotation set in the page
# with its speaker's name (and role) after it.
_SIGNED_QUOTE = re.compile(
    r"[\"“‘']?(?P<words>[^\n]{20,}?[.!?…])[\"”’']?\s+(?P<dash>[-–—]\s*)?"
    r"(?P<who>[A-Z][\w.'’\-]*(?:\s+[A-Z][\w.'’\-]*){1,3})(?:,\s+[^!?\n]{2,80})?"
)
SIGNED_CONFIDENCE = 0.7  # words a signed pull-quote gives to its speaker
# '"It's a long game." - Jane Doe': a quotation in marks signed after a dash, the way a page
# sets a pull-quote or an epigraph, whether or not the body prints its words.
_DASH_SIGNED = re.compile(r"[\"“‘'][^\n]{20,}?[\"”’']\s*[-–—]+\s*[A-Z][^\n]{1,80}")
# '"A siege of the town hall." Anonymous poster, "Students declare war"': a quotation in
# marks and a few words signing it, with no verb of their own.
_QUOTE_THEN_SIGNATURE = re.compile(
    r"[\"“](?P<words>[^\"“”\n]{20,}?)[.,]?[\"”]\s+(?P<tail>[^\n]{2,100})"
)
_SIGNATURE_WORDS = 12
# A line of its own that only signs the paragraph above it: "—Angela Merkel", "— UK Foreign
# Office report".
_SIGNATURE_LINE = re.compile(r"[-–—]\s*[A-Z][\w.'’\-]*(?:,?\s+[\w.'’\-]+){0,9}")
# "—Reporting by Jane Doe; editing by John Roe": a wire's credits, not a signature
_CREDIT_WORDS = re.compile(r"\b(?:by|reporting|editing|writing|additional)\b", re.IGNORECASE)


def _pull_quotes(text: str, paragraphs: list[Paragraph]) -> None:
    """A paragraph that is only a quotation, with no one named or with its signer after it,
    whose words the article prints again elsewhere, or signed after a dash: a pull-quote set
    in the page, not more of anyone's words."""
    folded = re.sub(r"\W+", " ", text).lower()
    for paragraph, following in itertools.zip_longest(paragraphs, paragraphs[1:]):
        if paragraph.kind != "body":
            continue
        signed = _SIGNED_QUOTE.fullmatch(text, paragraph.start, paragraph.end)
        if _DASH_SIGNED.fullmatch(text, paragraph.start, paragraph.end) or (
            signed and signed.group("dash")
        ):
            # '"It's a long game." - Jane Doe', "[It is] offensive beyond ... — Rick Santorum"
            paragraph.kind, paragraph.reason = "heading", "pull-quote"
            continue
        match = (
            _QUOTED_PARAGRAPH.fullmatch(text, paragraph.start, paragraph.end)
            or signed
            or _signature(text, paragraph)
        )
        if not match and following is not None:
            # "Osama bin Laden suggested ... religion." over a line "—Angela Merkel": signed
            # as a page signs a pull-quote or an epigraph, whether or not the body prints it
            line = text[following.start : following.end]
            # not the first of a list's items; a pull-quote is short and never attributed,
            # unless the body prints the same words ("..., those who might have said so.")
            words = _folded(text[paragraph.start : paragraph.end])
            again = len(words) > _REPEATED_CHARS and folded.count(words) >= 2
            signs = following.kind != "body" and (again or _unattributed_words(text, paragraph))
            if signs and _SIGNATURE_LINE.fullmatch(line) and not _CREDIT_WORDS.search(line):
                paragraph.kind, paragraph.reason = "heading", "pull-quote"
                continue
        if not match:
            continue
        if folded.count(_folded(match.group("words"))) >= 2:
            paragraph.kind, paragraph.reason = "heading", "pull-quote"


def _unattributed_words(text: str, paragraph: Paragraph) -> bool:
    """Whether a paragraph is short and names no source, as a pull-quote's words are."""
    words = text[paragraph.start : paragraph.end].split()
    return len(words) <= _PULL_QUOTE_WORDS and not _ATTRIBUTED.search(
        text, paragraph.start, paragraph.end
    )


_PULL_QUOTE_WORDS = 60
_REPEATED_CHARS = 40
_ATTRIBUTED = re.compile(r"\b(?:said|says|told|according to|reported)\b")


def _signature(text: str, paragraph: Paragraph) -> re.Match[str] | None:
    """A quotation followed by a signature: a few words, none of them a verb."""
    match = _QUOTE_THEN_SIGNATURE.fullmatch(text, paragraph.start, paragraph.end)
    if match is None:
        return None
    # a quoted title in the signature ("Students declare war") is a name, whatever its verbs
    start, end = match.span("tail")
    unquoted = re.sub(r"[\"“][^\"“”]*[\"”]", lambda m: " " * len(m.group()), text[start:end])
    tail = re.findall(r"[^\W_][\w'’\-]*", unquoted.lower())
    if len(tail) > _SIGNATURE_WORDS or any(w in FINITE_VERBS or w in CUE_WORDS for w in tail):
        return None
    return match


def _signed_words(
    text: str, paragraphs: list[Paragraph], registry: Registry, candidates: list[Candidate]
) -> None:
    """Give the outlet's unattributed copy of a signed pull-quote's words to the speaker the
    pull-quote names ("... she was unkind. Jane Doe")."""
    signed = []
    for paragraph in paragraphs:
        if paragraph.reason != "pull-quote":
            continue
        match = _SIGNED_QUOTE.fullmatch(text, paragraph.start, paragraph.end)
        if match:
            who = registry.lookup(match.group("who")) or match.group("who")
            signed.append((_folded(match.group("words")), who, match.span("who")))
    for candidate in candidates:
        if candidate.kind != "narration":
            continue
        words = _folded(text[candidate.start : candidate.end])
        for quote, who, span in signed:
            if len(words) > 20 and words in quote:
                candidate.kind, candidate.speaker = "direct", who
                candidate.speaker_start, candidate.speaker_end = span
                candidate.confidence = SIGNED_CONFIDENCE
                candidate.evidence = "words a signed pull-quote gives to its speaker"
                break


def _folded(words: str) -> str:
    return re.sub(r"\W+", " ", words).lower().strip()


_LEAD_IN_WORDS = 12


def _lead_in(text: str, paragraph: Paragraph, names: frozenset[str]) -> int | None:
    """Where the sentence that only introduces what follows starts, if the paragraph ends in
    one: "In a statement, the company denied these allegations:" as a paragraph of its own, or
    "This occurs for two reasons:" after an answer. A figure makes it a claim of its own."""
    if text[paragraph.end - 1] != ":":
        return None
    sentences = split_sentences(text, paragraph.start, paragraph.end)
    start, end = sentences[-1]
    if re.search(r"\d", text[start:end]):
        return None
    if len(sentences) == 1:
        return paragraph.start
    tokens = tokenize(text, start, end, names)
    words = _unbracketed_words(tokens)
    if len(words) > _LEAD_IN_WORDS:
        return None
    cues = [k for k in range(len(tokens)) if is_cue(tokens, k)]
    says = cues and len(_unbracketed_words(tokens[cues[-1] + 1 :])) > _AFTER_CUE_WORDS
    if says and len(words) > _BARE_LEAD_IN_WORDS:
        return None  # "X writes about the neglect of ...:" says something itself
    # "Jane Doe writes [bn] about it:", "Jane Adeyemi Okoro wrote on Facebook:" only introduce
    return start


_BARE_LEAD_IN_WORDS = 6
_AFTER_CUE_WORDS = 3  # "on Facebook", "in his blog", "one such story": where or what, no claim


def _unbracketed_words(tokens: list[Token]) -> list[Token]:
    """The words outside square brackets: "[bn]", the language of a linked page that a
    citizen-media roundup marks, is no word of the sentence."""
    words, depth = [], 0
    for token in tokens:
        depth += (token.text == "[") - (token.text == "]")
        if token.is_word and depth <= 0:
            words.append(token)
    return words


def _says(text: str, start: int, end: int) -> bool:
    """Whether a short line has a verb, so is a statement rather than a label."""
    words = [t.lower for t in tokenize(text, start, end) if t.is_word]
    return len(words) >= 5 and any(
        w in FINITE_VERBS or w in CUE_WORDS or (w.endswith("ed") and len(w) > 4) for w in words
    )


def _candidate(original: str, text: str, statement: Statement, piece: Piece) -> Candidate:
    words = text[piece.start : piece.end]
    score, reasons = checkworthiness(
        words, reported=piece.reported_speaker is not None, kind=statement.kind
    )
    return Candidate(
        start=piece.start,
        end=piece.end,
        text=original[piece.start : piece.end],
        kind=statement.kind,
        speaker=statement.speaker,
        reported_speaker=piece.reported_speaker,
        checkworthiness=score,
        reasons=reasons,
        duplicate_of=None,
        paragraph=statement.paragraph,
        statement_start=min(statement.start, piece.start),
        statement_end=max(statement.end, piece.end),
        cue=statement.cue,
        cue_start=statement.cue_span[0] if statement.cue_span else None,
        cue_end=statement.cue_span[1] if statement.cue_span else None,
        speaker_start=statement.speaker_span[0] if statement.speaker_span else None,
        speaker_end=statement.speaker_span[1] if statement.speaker_span else None,
        confidence=round(statement.confidence, 2) if statement.speaker else 0.0,
        evidence=statement.evidence,
    )


def mark_duplicates(candidates: list[Candidate]) -> None:
    """Point each candidate that restates an earlier one at the first of them."""
    index = ClaimIndex()
    for number, candidate in enumerate(candidates):
        words = index.words(candidate.text)
        if len(words) < _MIN_COMPARED_WORDS:
            continue
        figures = FIGURE.findall(candidate.text)
        hits = index.search(candidate.text, limit=3, min_score=DUPLICATE_SCORE, words=words)
        same = [h for h in hits if FIGURE.findall(h.text) == figures]  # 239 is not 791
        if same:
            candidate.duplicate_of = same[0].key  # type: ignore[assignment]
            continue
        index.add(number, candidate.text, words)


def _speakers(registry: Registry, candidates: list[Candidate], outlet: str | None) -> list[str]:
    """Everyone found speaking or introduced with a role, in order of first appearance."""
    first: dict[str, int] = {p.name: p.first for p in registry.titled()}
    for candidate in candidates:
        for name in (candidate.speaker, candidate.reported_speaker):
            if name and name not in first:
                person = registry.people.get(name)
                first[name] = person.first if person and person.present else candidate.start
    if outlet and outlet in first:
        narrated = [c.start for c in candidates if c.kind == "narration"]
        first[outlet] = min(first[outlet], *narrated) if narrated else first[outlet]
    return sorted(first, key=first.__getitem__)
