"""How a claim should be worded, checked as the editor types it (plain Python, no Django).

A claim is written in the desk's words: one complete sentence, in the third person, that
names who it is about instead of starting with a bare pronoun. `check_wording` says what a
text lacks and suggests a rewording built from the statement (its speaker's name in place of
"we" or "she", a capital letter, a full stop). The workspace shows this as a hint and never
refuses a claim for it; the messages for each problem's code live with the page that shows
them (claims.admin.workspace).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A claim shorter than this is a fragment ("Unemployment", "3.9% in May").
MIN_WORDS = 3

WORD = re.compile(r"\w+(?:['’]\w+)*")
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
# Quote marks and the punctuation a quote is cut with, taken off a claim's two ends.
LEADING = "\"'“”‘’«»„ \t-–—"
TRAILING = "\"'“”‘’«»„ \t,;:-–—"

# The speaker's own words about themselves, by how each is rewritten in the third person.
# A contraction keeps its verb ("we're" -> "<name> is"): a speaker is named in the singular.
FIRST_PERSON_SUBJECT = {
    "i": "",
    "we": "",
    "i'm": "is",
    "we're": "is",
    "i've": "has",
    "we've": "has",
    "i'd": "would",
    "we'd": "would",
    "i'll": "will",
    "we'll": "will",
}
FIRST_PERSON_OBJECT = {"me", "us", "myself", "ourselves"}
FIRST_PERSON_POSSESSIVE = {"my", "our", "mine", "ours"}
FIRST_PERSON = set(FIRST_PERSON_SUBJECT) | FIRST_PERSON_OBJECT | FIRST_PERSON_POSSESSIVE

# What a contracted pronoun's verb becomes after a name ("they're" -> "<name> is").
CONTRACTED_VERBS = {"s": "is", "re": "is", "ll": "will", "ve": "has", "d": "would"}

# Pronouns that, at the start, leave the reader to guess who or what the claim is about.
PERSON_PRONOUNS = {"he", "she", "they"}
PERSON_POSSESSIVES = {"his", "her", "their"}
THING_PRONOUNS = {"it", "this", "that", "these", "those", "its"}
BARE_STARTS = PERSON_PRONOUNS | PERSON_POSSESSIVES | THING_PRONOUNS

# After "we" or "I" becomes a name, the verb that follows agrees with it.
AGREEMENT = {
    "am": "is",
    "are": "is",
    "were": "was",
    "have": "has",
    "do": "does",
    "don't": "doesn't",
    "don’t": "doesn’t",
    "aren't": "isn't",
    "haven't": "hasn't",
}
# Common verbs of claims in the present tense, which take an -s after a name. Other words are
# left alone: "said" or "grew" cannot be told from a present tense by their letters.
PRESENT_VERBS = {
    "want", "need", "support", "oppose", "believe", "think", "know", "plan", "expect",
    "spend", "pay", "employ", "create", "build", "give", "take", "make", "say", "see", "hold",
    "keep", "lead", "win", "lose", "grow", "fund", "help", "invest", "export", "import",
    "produce", "own", "control", "reject", "accept", "deny", "remain", "stand", "intend",
    "continue", "provide", "send", "receive", "welcome", "condemn", "demand", "propose",
}  # fmt: skip
ADVERBS = {"never", "always", "also", "still", "just", "already", "often", "not", "all", "now"}


@dataclass(frozen=True)
class Problem:
    """One thing to fix: `code` names the rule, `word` the words that break it."""

    code: str  # "short" | "lowercase_start" | "no_full_stop" | "first_person" | "bare_pronoun"
    word: str = ""


@dataclass(frozen=True)
class WordingCheck:
    text: str
    problems: tuple[Problem, ...]
    suggestion: str  # the text reworded; equal to `text` when there is nothing to change


def check_wording(text: str, speaker: str = "") -> WordingCheck:
    """What `text`, one claim, lacks as a claim in the desk's words, and a rewording that uses
    `speaker`'s name (the statement's speaker) for its first person and starting pronoun."""
    text = " ".join(text.split())
    words = WORD.findall(text)
    problems = []
    if not text:
        return WordingCheck(text, (), text)
    if len(words) < MIN_WORDS:
        problems.append(Problem("short"))
    core = text.strip(LEADING)
    if core[:1].islower():
        problems.append(Problem("lowercase_start", core.split(" ", 1)[0]))
    if not SENTENCE_END.search(text):
        problems.append(Problem("no_full_stop"))
    first_person = [w for w in words if _first_person(w)]
    if first_person:
        problems.append(Problem("first_person", ", ".join(dict.fromkeys(first_person))))
    if words and _folded(words[0]).split("'")[0] in BARE_STARTS:
        problems.append(Problem("bare_pronoun", words[0]))
    return WordingCheck(text, tuple(problems), reword(text, speaker) if problems else text)


def check_lines(text: str, speaker: str = "") -> list[WordingCheck]:
    """One check per claim in a field of claims written one per line."""
    return [check_wording(line, speaker) for line in text.splitlines() if line.strip()]


def reword(text: str, speaker: str = "") -> str:
    """`text` as a claim: first person and a starting he/she/they replaced by `speaker` (when
    known), its quote marks and trailing comma dropped, a capital first letter, a full stop."""
    text = " ".join(text.split()).strip(LEADING).rstrip(TRAILING)
    if not text:
        return ""
    speaker = " ".join(speaker.split())
    if speaker:
        text = _third_person(text, speaker)
    text = text[0].upper() + text[1:]
    if not SENTENCE_END.search(text):
        text += "."
    return text


def _folded(word: str) -> str:
    return word.casefold().replace("’", "'")


def _first_person(word: str) -> bool:
    # "US" is the country, not "us".
    return word != "US" and _folded(word) in FIRST_PERSON


def _possessive(name: str) -> str:
    return f"{name}’" if name.endswith("s") else f"{name}’s"


def _third_person(text: str, speaker: str) -> str:
    tokens = re.split(r"(\w+(?:['’]\w+)*)", text)  # words at odd positions
    words = range(1, len(tokens), 2)
    pronoun, _apostrophe, contraction = _folded(tokens[1]).partition("'") if words else ("", "", "")
    if pronoun in PERSON_PRONOUNS:
        verb = CONTRACTED_VERBS.get(contraction, "")
        tokens[1] = f"{speaker} {verb}" if verb else speaker
    elif words and _folded(tokens[1]) in PERSON_POSSESSIVES:
        tokens[1] = _possessive(speaker)
    for position in words:
        word = tokens[position]
        if not _first_person(word):
            continue
        folded = _folded(word)
        if folded in FIRST_PERSON_SUBJECT:
            verb = FIRST_PERSON_SUBJECT[folded]
            tokens[position] = f"{speaker} {verb}" if verb else speaker
            if not verb:
                _agree(tokens, position + 2)
        elif folded in FIRST_PERSON_POSSESSIVE:
            tokens[position] = _possessive(speaker)
        else:
            tokens[position] = speaker
    return "".join(tokens)


def _agree(tokens: list[str], position: int) -> None:
    """Make the verb at `position` (after a subject that became a name) agree with it."""
    while position < len(tokens) and _folded(tokens[position]) in ADVERBS:
        position += 2
    if position >= len(tokens):
        return
    word = tokens[position]
    folded = _folded(word)
    if folded in AGREEMENT:
        tokens[position] = AGREEMENT[folded]
    elif word in PRESENT_VERBS:
        tokens[position] = _third_person_verb(word)


def _third_person_verb(verb: str) -> str:
    if verb.endswith(("sh", "ch", "x", "z", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in "aeiou":
        return verb[:-1] + "ies"
    return verb + "s"
