"""The figures of a claim: its numbers, shares and dates, read alike in English, Spanish, French,
German, Portuguese and Italian, so that two wordings of one claim can be told apart from two
claims that differ only in a figure.

"Unemployment fell to 3.5 percent" and "Le chômage est tombé à 3,5 %" hold the same figure;
"taxes rose by 5%" and "taxes rose by 50%" do not, however alike their words. A figure is a value
of one of four kinds:

- a **share**: a percentage or a fraction ("3.5%", "half of", "one in five", "nine out of ten"),
  kept as a proportion (0.035, 0.5, 0.2, 0.9), so that "20 percent" and "one in five" agree;
- a **number**: digits, with thousands separators and decimal commas as each language writes
  them, or number words, times any scale word ("1.2 million", "tres millones", "£100bn",
  "four decades"), and multiples ("doubled" is 2);
- a **year**: four digits from 1500 to 2199 standing alone;
- a **month**: a month's name, 1 to 12.

Units are not compared: a changed unit with the same value is rare in a reworded claim, and
unit names are many. Digits inside a name ("COVID-19", "5G", "G7") and ordinals ("2nd") are not
figures. The reading is deliberately plain: where it cannot be sure, it finds a figure on one
side only, and the two wordings are then "different", which asks an editor to look; it never
makes two different figures agree.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

SHARE, NUMBER, YEAR, MONTH = "share", "number", "year", "month"


@dataclass(frozen=True)
class Figure:
    kind: str
    value: float
    text: str  # as the wording has it


@dataclass(frozen=True)
class FigureCheck:
    """How the figures of two wordings compare: "same" (the same figures), "different" (a
    figure changed, or one side has a figure the other lacks) or "none" (neither has any)."""

    verdict: str
    left: tuple[Figure, ...]
    right: tuple[Figure, ...]

    @property
    def differs(self) -> bool:
        return self.verdict == "different"


def compare(left: str, right: str) -> FigureCheck:
    """The figures of two wordings, side by side."""
    a, b = figures(left), figures(right)
    if not a and not b:
        return FigureCheck("none", a, b)
    return FigureCheck("same" if _key(a) == _key(b) else "different", a, b)


def _key(found: tuple[Figure, ...]) -> Counter:
    return Counter((figure.kind, round(figure.value, 6)) for figure in found)


# --- the words of figures, accents and case folded --------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _phrases(text: str) -> frozenset[tuple[str, ...]]:
    """Phrases separated by "|", each as a tuple of its words."""
    return frozenset(tuple(phrase.split()) for phrase in text.split("|"))


def _each(text: str, value: float) -> dict[str, float]:
    """Each of these words, worth `value`."""
    return dict.fromkeys(text.split(), value)


_NUMBER_WORDS = {
    **_each("one", 1),
    **_each("two dos deux zwei dois duas", 2),
    **_each("three tres trois drei tre", 3),
    **_each("four cuatro quatre vier quatro quattro", 4),
    **_each("five cinco cinq funf cinque", 5),
    **_each("six seis sechs", 6),
    **_each("seven siete sept sieben sete sette", 7),
    **_each("eight ocho huit acht oito otto", 8),
    **_each("nine nueve neuf neun nove", 9),
    **_each("ten diez dix zehn dez dieci", 10),
    **_each("eleven onze elf undici", 11),
    **_each("twelve doce douze zwolf doze dodici", 12),
    **_each("thirteen", 13),
    **_each("fourteen", 14),
    **_each("fifteen quince quinze quindici", 15),
    **_each("sixteen", 16),
    **_each("seventeen", 17),
    **_each("eighteen", 18),
    **_each("nineteen", 19),
    **_each("twenty veinte vingt zwanzig vinte venti", 20),
    **_each("thirty treinta trente dreissig trinta trenta", 30),
    **_each("forty cuarenta quarante vierzig quarenta quaranta", 40),
    **_each("fifty cincuenta cinquante funfzig cinquenta", 50),
    **_each("sixty sesenta soixante sechzig sessenta", 60),
    **_each("seventy setenta", 70),
    **_each("eighty ochenta", 80),
    **_each("ninety noventa", 90),
}
# "one" where it is also an article: a figure in "one in five" and "one million", not alone.
_ONE = _words("one uno una un une um uma ein eine einer jede jeder jedes")
# Italian "due" (two) is also the English "due" ("due to", "is due"): two when a noun follows.
_NOT_AFTER_DUE = _words("to for in on at by date process diligence")
_NOT_BEFORE_DUE = _words("is are was were be been fall falls")
# Spanish "dos" (two) is also the Portuguese "dos" (of the): two after these words.
_BEFORE_DOS = _words(
    "los las de en ultimos ultimas unos unas a y cada hace durante por con sus mis entre "
    "estos estas otros otras primeros primeras"
)
_HUNDRED = _words("hundred cien ciento hundert cem cento")
_THOUSAND = _words("thousand mil mille tausend mila")
# Scale words multiply what comes before them (and stand for one of themselves alone).
_SCALES = {
    **_each("thousand mil miles mille tausend mila k", 1e3),
    **_each("million millions millon millones millionen milhao milhoes milione milioni m mn", 1e6),
    **_each(
        "billion billions milliard milliards milliarde milliarden bilhao bilhoes miliardo "
        "miliardi bn mrd",
        1e9,
    ),
    **_each("trillion trillions billon billones", 1e12),
    # periods of years: "four decades" is forty years, "a century" a hundred
    **_each(
        "decade decades decada decadas decennie decennies jahrzehnt jahrzehnte jahrzehnten "
        "decennio decenni",
        10,
    ),
    **_each(
        "century centuries siglo siglos siecle siecles jahrhundert jahrhunderts seculo seculos "
        "secolo secoli",
        100,
    ),
}
_ABBREVIATED_SCALES = _words("k m mn bn mrd")  # only right after digits: "£100bn"
_PERCENT = _words("% percent pc prozent percento porcentaje")
_PERCENT_PAIRS = _phrases("per cent | por ciento | pour cent | por cento | per cento")
_FRACTIONS = {
    **_each(
        "half halved mitad moitie halfte halbiert metade dimezzato dimezzata dimezzati dimezzate",
        0.5,
    ),
    **_each("third thirds tercio tercios tiers drittel terco tercos terzo terzi", 1 / 3),
    **_each("quarter quarters cuarta cuarto quart quarts viertel", 0.25),
}
# Fraction words that are other words too (the Portuguese "quarto" is a room, the Italian "metà"
# folds to the Portuguese "meta", a goal) count after an article that makes them a share.
_FRACTIONS_AFTER = {
    "quarto": (0.25, _words("um un uno")),
    "meta": (0.5, _words("la della alla una nella per")),
}
_FRACTION_NOUNS = _words("third thirds quarter quarters tercios tiers quarts drittel viertel terzi")
_OF = _words("of de des du der dei degli delle del da das do dos")
_HALF_OF_SCALE = _words("half medio media demi halbe halben meio meia mezzo")
# "the first half of the year" is a period, not a share.
_ORDINALS = _words(
    "first second latter primer primera premier premiere erste ersten primeiro primeira prima "
    "primo segundo segunda seconde zweite zweiten secondo seconda"
)
# German "jedes fünfte Kind": one in five.
_GERMAN_ORDINALS = {
    **_each("zweite", 2),
    **_each("dritte", 3),
    **_each("vierte", 4),
    **_each("funfte", 5),
    **_each("sechste", 6),
    **_each("siebte", 7),
    **_each("achte", 8),
    **_each("neunte", 9),
    **_each("zehnte", 10),
}
_MULTIPLES = {
    **_each(
        "doubled twofold twice duplicado duplicada duplico duplicou duplicaram double doubles "
        "doublee verdoppelt raddoppiato raddoppiata raddoppiati raddoppiate",
        2,
    ),
    **_each(
        "tripled threefold triplicado triplicada triplico triplicou triplicaram triple triples "
        "triplee verdreifacht triplicato triplicata triplicati triplicate",
        3,
    ),
}
_MONTHS = {
    **_each("january enero janvier januar janeiro gennaio", 1),
    **_each("february febrero fevrier februar fevereiro febbraio", 2),
    **_each("march marzo mars marz marco", 3),
    **_each("april abril avril aprile", 4),
    **_each("may mayo mai maio maggio", 5),
    **_each("june junio juin juni junho giugno", 6),
    **_each("july julio juillet juli julho luglio", 7),
    **_each("august agosto aout", 8),
    **_each("september septiembre septembre setembro settembre", 9),
    **_each("october octubre octobre oktober outubro ottobre", 10),
    **_each("november noviembre novembre novembro", 11),
    **_each("december diciembre decembre dezember dezembro dicembre", 12),
}
# Months that are also common words count only capitalised: "in May", not "may rise", and not
# the Italian "mai" (never) or the Portuguese "março" spelt without its cedilla.
_CAPITALISED_MONTHS = _words("may march august mai marco")
_BEFORE_MONTH = _words("en de d fin debut mi im em ad di a")
# "one in five", "nine out of ten", "uno de cada cinco", "neuf sur dix", "um em cada cinco",
# "uno su cinque", "neun von zehn": the share of the first number in the second.
_OUT_OF = _phrases("in | out of | in every | out of every | de cada | sur | em cada | su | von")
_OUT_OF_AFTER_NOUN = _phrases("sur | su | de cada | em cada | in")  # "un enfant sur cinq"
_EVENING = _phrases(
    "in the evening | at night | de la tarde | de la noche | da tarde | da noite | di sera | "
    "du soir"
)
_UNIT_SUFFIXES = _words("s x km kg m cm mm ha gw mw kw t h")

_TOKEN = re.compile(
    r"""
      (?P<digits>\d{1,3}(?:[ \u00a0\u202f.,]\d{3})+(?!\d)(?:[.,]\d+)?  # 12,000 12.000 12 000
               | \d+(?:[.,]\d+)?)                                     # 1999 3.5 3,5
      (?P<glued>[^\W\d_]+)?                                           # 5G 8pm 100bn
    | (?P<word>[^\W\d_]+(?:-[^\W\d_]+)*)                              # words, twenty-five
    | (?P<sign>[%])
    """,
    re.VERBOSE,
)


@dataclass
class _Token:
    text: str
    word: str  # folded; "" for digits
    value: float | None  # of digits, or of a number word
    glued: str  # letters glued to digits, folded
    start: int
    end: int


def _fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _digits(text: str) -> float:
    """Digits as written: a separator followed by exactly three digits groups thousands
    (12,000 12.000 12 000); any other is the decimal point (3.5 3,5)."""
    text = re.sub(r"[ \u00a0\u202f]", "", text)
    *groups, last = re.split(r"[.,]", text)
    if not groups:
        return float(last)
    if len(last) == 3:
        return float("".join([*groups, last]))
    return float(f"{''.join(groups)}.{last}")


def _word_value(word: str) -> float | None:
    """The value of a number word: "five", "twenty-five", "fünfmal" (five times)."""
    if word in _NUMBER_WORDS:
        return float(_NUMBER_WORDS[word])
    first, _, rest = word.partition("-")
    if rest and first in _NUMBER_WORDS:
        parts = rest.split("-")
        if all(part in _NUMBER_WORDS for part in parts):  # twenty-five
            return float(_NUMBER_WORDS[first] + sum(_NUMBER_WORDS[p] for p in parts))
        return float(_NUMBER_WORDS[first])  # five-year-olds
    for suffix in ("mal", "fach", "fache"):  # German: fünfmal, das Dreifache
        stem = word.removesuffix(suffix)
        if stem != word and stem in _NUMBER_WORDS:
            return float(_NUMBER_WORDS[stem])
    return None


def _adds_to(total: float, current: float, value: float) -> bool:
    """Whether a number word worth `value` goes on a number being read: "five" after "two
    thousand" or "twenty", "forty" after "three hundred"; not "five" after "three"."""
    if current == 0:
        return bool(total)
    if current % 100 == 0:
        return value < 100
    return current % 10 == 0 and current < 100 and value < 10


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if match.group("digits"):
            before = text[max(0, start - 2) : start]
            if before[-1:].isalpha() or (before[-1:] == "-" and before[:1].isalpha()):
                continue  # part of a name: A4, COVID-19
            value = _digits(match.group("digits"))
            tokens.append(
                _Token(match.group(), "", value, _fold(match.group("glued") or ""), start, end)
            )
        else:
            word = _fold(match.group())
            tokens.append(_Token(match.group(), word, _word_value(word), "", start, end))
    return tokens


class _Reader:
    """Reads the figures of one wording, token by token."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.tokens = _tokens(text)

    def words(self, i: int, n: int) -> tuple[str, ...]:
        return tuple(t.word for t in self.tokens[i : i + n])

    def span(self, start: int, end: int) -> str:
        return self.text[self.tokens[start].start : self.tokens[end - 1].end]

    def figures(self) -> tuple[Figure, ...]:
        found, i = [], 0
        while i < len(self.tokens):
            figure, end = self.figure_at(i)
            if figure is not None:
                found.append(figure)
                i = end
            else:
                i += 1
        return tuple(found)

    def figure_at(self, i: int) -> tuple[Figure | None, int]:
        """The figure that starts at token i, and the token after it."""
        token = self.tokens[i]
        word = token.word
        if word in _ONE:  # a figure in "one in five", "one million", else an article
            share = self.out_of(i + 1, 1.0)
            if share:
                return Figure(SHARE, share[1], self.span(i, share[0])), share[0]
            following = self.words(i + 1, 1)
            if following and following[0] in _GERMAN_ORDINALS and word.startswith("jed"):
                return Figure(SHARE, 1 / _GERMAN_ORDINALS[following[0]], self.span(i, i + 2)), i + 2
            if following and (following[0] in _HUNDRED or following[0] in _SCALES):
                return self.quantity(i)
            if following and following[0] in _FRACTIONS_AFTER:
                value, articles = _FRACTIONS_AFTER[following[0]]
                if word in articles:
                    return Figure(SHARE, value, self.span(i, i + 2)), i + 2
            return None, i + 1
        if word in _FRACTIONS_AFTER and i and self.tokens[i - 1].word in _FRACTIONS_AFTER[word][1]:
            return Figure(SHARE, _FRACTIONS_AFTER[word][0], token.text), i + 1
        if (token.value is not None and word not in ("due", "dos")) or self.counts_as_two(i):
            return self.quantity(i)
        if word in _HALF_OF_SCALE or word.startswith("demi-"):
            rest = word.removeprefix("demi-")
            if rest in _SCALES and rest not in _ABBREVIATED_SCALES:  # "un demi-million"
                return Figure(NUMBER, 0.5 * _SCALES[rest], token.text), i + 1
            end, factor = self.scale(i + 1, skip_article=True)
            if factor > 1:  # "half a million", "medio millón", "half a decade"
                return Figure(NUMBER, 0.5 * factor, self.span(i, end)), end
        if word in _MONTHS and (
            word not in _CAPITALISED_MONTHS
            or token.text[0].isupper()
            or (i > 0 and self.tokens[i - 1].word in _BEFORE_MONTH | {""})  # "en mai", "12 mai"
        ):
            return Figure(MONTH, _MONTHS[word], token.text), i + 1
        if word in _MULTIPLES:
            return Figure(NUMBER, _MULTIPLES[word], token.text), i + 1
        if word in _FRACTIONS and self.is_share(i):
            return Figure(SHARE, _FRACTIONS[word], token.text), i + 1
        if word in _SCALES and word not in _ABBREVIATED_SCALES and word not in _THOUSAND:
            return Figure(NUMBER, _SCALES[word], token.text), i + 1  # "the past decade"
        if word in _HUNDRED:
            return self.quantity(i)
        return None, i + 1

    def is_share(self, i: int) -> bool:
        """Whether the fraction word at token i is a share: "half of", "a quarter of", "halved",
        but not "the first half of the year" or "in the quarter"."""
        preceding = self.tokens[i - 1].word if i else ""
        if preceding in _ORDINALS:
            return False
        if _FRACTIONS[self.tokens[i].word] == 0.5:
            return True
        following = self.tokens[i + 1].word if i + 1 < len(self.tokens) else ""
        return preceding in _ONE or preceding == "a" or following in _OF

    def counts_as_two(self, i: int) -> bool:
        word = self.tokens[i].word
        following = self.tokens[i + 1].word if i + 1 < len(self.tokens) else ""
        preceding = self.tokens[i - 1].word if i else ""
        if word == "dos":  # Spanish two, or the Portuguese "of the"
            return not preceding or preceding in _BEFORE_DOS
        return (
            word == "due"
            and following.isalpha()
            and following not in _NOT_AFTER_DUE
            and preceding not in _NOT_BEFORE_DUE
        )

    def quantity(self, i: int) -> tuple[Figure | None, int]:
        token = self.tokens[i]
        value = token.value
        if token.word in ("due", "dos"):
            value = 2.0
        elif token.word in _ONE:
            value = 1.0
        elif token.word in _HUNDRED:
            value = 100.0
        end = i + 1
        if not token.word:  # digits
            if token.glued in ("pm", "am"):
                hour = value % 12 + (12 if token.glued == "pm" else 0)
                return Figure(NUMBER, hour, token.text), end
            if token.glued in _SCALES:
                value *= _SCALES[token.glued]
            elif token.glued and token.glued not in _UNIT_SUFFIXES:
                return None, end  # an ordinal (2nd, 3e) or a name (5G)
        else:
            value, end = self.number_words(i, value)
        scale_end, factor = self.scale(end)
        value, end = value * factor, scale_end
        if self.words(end, 1) and self.words(end, 1)[0] in _PERCENT:
            return Figure(SHARE, value / 100, self.span(i, end + 1)), end + 1
        if self.words(end, 2) in _PERCENT_PAIRS:
            return Figure(SHARE, value / 100, self.span(i, end + 2)), end + 2
        share = self.out_of(end, value)
        if share:
            return Figure(SHARE, share[1], self.span(i, share[0])), share[0]
        following = self.words(end, 1)
        if following and following[0] in _FRACTION_NOUNS and 1 <= value <= 10:  # "two thirds"
            fraction = _FRACTIONS[following[0]]
            return Figure(SHARE, value * fraction, self.span(i, end + 1)), end + 1
        for n in (2, 3):
            if self.words(end, n) in _EVENING and value < 12:  # "eight in the evening"
                return Figure(NUMBER, value + 12, self.span(i, end + n)), end + n
        if factor == 1 and re.fullmatch(r"\d{4}", token.text) and 1500 <= value < 2200:
            return Figure(YEAR, value, token.text), end
        return Figure(NUMBER, value, self.span(i, end)), end

    def number_words(self, i: int, first: float) -> tuple[float, int]:
        """Number words from token i on, whose first is worth `first`: "two thousand five
        hundred", "seven hundred thousand", "twenty five"; their value and the token after."""
        total, current, j = 0.0, first, i + 1
        while j < len(self.tokens):
            word = self.tokens[j].word
            value = None if self.tokens[j].glued else self.tokens[j].value
            if word in _HUNDRED:
                current = (current or 1) * 100
            elif word in _THOUSAND and j > i:
                total, current = total + (current or 1) * 1000, 0.0
            elif value is not None and word and _adds_to(total, current, value):
                current += value
            elif word in {"and", "y", "e", "et", "und"} and j > i and j + 1 < len(self.tokens):
                following = self.tokens[j + 1]
                if following.value is None or not following.word:
                    break
            else:
                break
            j += 1
        return total + current, j

    def scale(self, j: int, *, skip_article: bool = False) -> tuple[int, float]:
        """The scale words from token j on ("million", "mil millones", "bn"): the token after
        them, and their product (1 when there are none)."""
        if skip_article and self.words(j, 1) in {("a",), ("an",), ("une",), ("eine",)}:
            j += 1
        factor = 1.0
        while j < len(self.tokens):
            token = self.tokens[j]
            if token.word not in _SCALES or token.word in _ABBREVIATED_SCALES:
                break
            factor *= _SCALES[token.word]
            j += 1
        return j, factor

    def out_of(self, j: int, part: float) -> tuple[int, float] | None:
        """After a number, "in five", "out of ten", "de cada cinco", "sur cinq", with a noun
        between them or not ("un enfant sur cinq"): where it ends, and the share."""
        for skip in (0, 1):
            for pattern in sorted(
                _OUT_OF if skip == 0 else _OUT_OF_AFTER_NOUN, key=len, reverse=True
            ):
                k = j + skip + len(pattern)
                if self.words(j + skip, len(pattern)) == pattern and k < len(self.tokens):
                    whole = self.tokens[k]
                    # "one in five", but not "5 in 2020"
                    if whole.value and part < whole.value <= 1000 and not whole.glued:
                        return k + 1, part / whole.value
        return None


def figures(text: str) -> tuple[Figure, ...]:
    """The figures of a wording, in order."""
    return _Reader(text).figures()
