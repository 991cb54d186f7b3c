"""Score the suggestion engine on the hand-labelled corpus (bench/corpus); prints the figures.

    .venv/bin/python bench/eval_suggest.py                 # the table and the totals
    .venv/bin/python bench/eval_suggest.py --details       # every miss, wrong speaker, furniture
    .venv/bin/python bench/eval_suggest.py --min-right-speaker 0.9 --max-furniture-per-5 1
    .venv/bin/python bench/eval_suggest.py --corpus bench/corpus/heldout-7 --corpus ...-8  # several
    .venv/bin/python bench/eval_suggest.py --by-confidence  # how often each confidence is right

Each article is given to `claims.suggest.suggest()` with its outlet, title and publisher line,
as the editor's workspace gives a stored source with its publisher, title and author (a desk
that knows none of the speakers yet). The
labels were written before the engine ever ran on the articles; how, and what each one means:
bench/corpus/README.md.

Match rules (the test tests/suggest/test_eval_suggest.py holds them on a synthetic example):

- A labelled claim is *found* when its span lies inside some candidate's span.
- It is found *with the right speaker* when one of the candidates containing it names the
  labelled speaker, or a name in the label's `also_right`. Names are compared after
  normalisation (case, accents and punctuation folded; titles such as "Mr", "President" and
  "the" dropped): they match when the words of one are all among the words of the other, when
  one is the other's initials ("PHE"), or, for a person, when their last words are equal.
- Where a label has a reported speaker, it is *right* when a containing candidate's
  `reported_speaker` matches it by the same rule. A candidate that reports a speaker where the
  label has none is counted apart, as a spurious reported speaker.
- *Precision*: the share of candidates that contain at least one labelled claim.
- *Furniture*: candidates that overlap a span labelled as not a claim (headline, caption,
  byline, question, contact line...). The floor is per five articles.
- *Ranking*: ROC AUC of the candidates' `checkworthiness`, candidates containing a labelled
  claim against all the others, pooled over the corpus (ties count one half).

Floors (`--min-*`, `--max-*`) make the script exit with status 1 when a figure falls below
them; their defaults sit a little under the level the engine reaches today, so that CI fails
on a regression and a better engine raises them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "corpus" / "articles"

# Words that do not tell two speakers apart: titles, honorifics, articles.
_IGNORED = frozenset(
    [
        "the",
        "a",
        "an",
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "professor",
        "prof",
        "president",
        "prime",
        "minister",
        "secretary",
        "chairman",
        "chairwoman",
        "chair",
        "ceo",
        "senator",
        "rep",
        "representative",
        "mp",
        "rt",
        "hon",
    ]
)
_WORD = re.compile(r"[^\W_]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int

    def within(self, other: Span) -> bool:
        return other.start <= self.start and self.end <= other.end

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True)
class Label:
    """A check-worthy claim as labelled by hand."""

    start: int
    end: int
    speaker: str
    speaker_kind: str
    reported_speaker: str | None = None
    also_right: tuple[str, ...] = ()

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True)
class Suggested:
    """What the evaluator needs of one engine candidate."""

    start: int
    end: int
    speaker: str | None
    reported_speaker: str | None
    score: float
    confidence: float = 0.0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass
class Score:
    """The figures for one article, or summed over several."""

    articles: int = 0
    labels: int = 0
    found: int = 0
    right_speaker: int = 0
    reported_labels: int = 0
    right_reported: int = 0
    spurious_reported: int = 0
    candidates: int = 0
    useful_candidates: int = 0
    furniture: int = 0
    seconds: float = 0.0
    positives: list[float] = field(default_factory=list)
    negatives: list[float] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)
    wrong_reported: list[str] = field(default_factory=list)
    furniture_hits: list[str] = field(default_factory=list)
    # per speaker confidence of the first candidate holding a found label: [right, found]
    by_confidence: dict[float, list[int]] = field(default_factory=dict)

    def add(self, other: Score) -> None:
        for name in (
            "articles", "labels", "found", "right_speaker", "reported_labels", "right_reported",
            "spurious_reported", "candidates", "useful_candidates", "furniture", "seconds",
        ):  # fmt: skip
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.positives += other.positives
        self.negatives += other.negatives
        for level, (right, found) in other.by_confidence.items():
            tally = self.by_confidence.setdefault(level, [0, 0])
            tally[0] += right
            tally[1] += found

    def ratio(self, part: int, whole: int) -> float | None:
        return part / whole if whole else None

    @property
    def found_share(self) -> float | None:
        return self.ratio(self.found, self.labels)

    @property
    def right_speaker_share(self) -> float | None:
        return self.ratio(self.right_speaker, self.labels)

    @property
    def right_reported_share(self) -> float | None:
        return self.ratio(self.right_reported, self.reported_labels)

    @property
    def precision(self) -> float | None:
        return self.ratio(self.useful_candidates, self.candidates)

    @property
    def furniture_per_5(self) -> float | None:
        return 5 * self.furniture / self.articles if self.articles else None

    @property
    def auc(self) -> float | None:
        return roc_auc(self.positives, self.negatives)


def name_words(name: str) -> list[str]:
    """A name's words, folded: no case, accents or punctuation, no titles."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return [
        w for w in _WORD.findall(folded.replace("’", "'").replace("'s", "")) if w not in _IGNORED
    ]


def _initials(name: str) -> str:
    words = [w for w in _WORD.findall(name) if w[0].isupper() and w.lower() not in _IGNORED]
    return "".join(w[0] for w in words).casefold()


def same_speaker(labelled: str, suggested: str | None, *, person: bool) -> bool:
    """Whether the engine's speaker names the labelled one (rule in the module docstring)."""
    if not suggested:
        return False
    want, got = name_words(labelled), name_words(suggested)
    if not want or not got:
        return False
    if set(want) <= set(got) or set(got) <= set(want):
        return True
    if person and want[-1] == got[-1]:
        return True
    # "Public Health England" and "PHE", either way round
    return any(
        len(initials) > 1 and words == [initials]
        for initials, words in ((_initials(labelled), got), (_initials(suggested), want))
    )


def roc_auc(positives: Sequence[float], negatives: Sequence[float]) -> float | None:
    """Probability that a positive outscores a negative, ties counting one half."""
    if not positives or not negatives:
        return None
    ranked = sorted([(s, 1) for s in positives] + [(s, 0) for s in negatives])
    rank_sum = 0.0
    i = 0
    while i < len(ranked):
        j = i
        while j < len(ranked) and ranked[j][0] == ranked[i][0]:
            j += 1
        mean_rank = (i + 1 + j) / 2  # ranks i+1 .. j share their mean
        rank_sum += mean_rank * sum(flag for _, flag in ranked[i:j])
        i = j
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def score_article(
    labels: Sequence[Label],
    furniture: Iterable[Span],
    candidates: Sequence[Suggested],
    *,
    text: str = "",
) -> Score:
    """Every figure for one article's candidates against its labels."""
    furniture = list(furniture)
    score = Score(articles=1, labels=len(labels), candidates=len(candidates))
    for label in labels:
        person = label.speaker_kind == "person"
        holding = [c for c in candidates if label.span.within(c.span)]
        where = repr(text[label.start : label.end][:70]) if text else f"{label.start}-{label.end}"
        if not holding:
            score.missed.append(where)
            continue
        score.found += 1
        names = (label.speaker, *label.also_right)
        right = any(same_speaker(n, c.speaker, person=person) for c in holding for n in names)
        tally = score.by_confidence.setdefault(round(holding[0].confidence, 2), [0, 0])
        tally[0] += right
        tally[1] += 1
        if right:
            score.right_speaker += 1
        else:
            score.wrong.append(f"{where}: {label.speaker!r}, got {holding[0].speaker!r}")
        if label.reported_speaker:
            score.reported_labels += 1
            if any(
                same_speaker(label.reported_speaker, c.reported_speaker, person=True)
                for c in holding
            ):
                score.right_reported += 1
            else:
                got = next((c.reported_speaker for c in holding if c.reported_speaker), None)
                score.wrong_reported.append(
                    f"{where}: {label.reported_speaker!r}, got {got!r}"
                    f" (speaker {holding[0].speaker!r})"
                )
    for candidate in candidates:
        held = [label for label in labels if label.span.within(candidate.span)]
        if held:
            score.useful_candidates += 1
            score.positives.append(candidate.score)
            if candidate.reported_speaker and not any(lab.reported_speaker for lab in held):
                score.spurious_reported += 1
        else:
            score.negatives.append(candidate.score)
        if any(candidate.span.overlaps(span) for span in furniture):
            score.furniture += 1
            where = repr(text[candidate.span.start : candidate.span.end][:70]) if text else ""
            score.furniture_hits.append(where or f"{candidate.span.start}-{candidate.span.end}")
    return score


def load_article(path: Path) -> dict:
    article = json.loads(path.read_text(encoding="utf-8"))
    text = article["text"]
    for item in article["claims"] + article["not_claims"]:
        if text[item["start"] : item["end"]] != item["text"]:
            raise ValueError(f"{path.name}: label {item['text'][:40]!r} is not at its offsets")
    return article


def labels_of(article: dict) -> list[Label]:
    return [
        Label(
            start=c["start"],
            end=c["end"],
            speaker=c["speaker"],
            speaker_kind=c["speaker_kind"],
            reported_speaker=c.get("reported_speaker"),
            also_right=tuple(c.get("also_right", ())),
        )
        for c in article["claims"]
    ]


def run_engine(article: dict) -> tuple[list[Suggested], float]:
    """The engine's candidates for one article, as the workspace asks for them, and the time."""
    sys.path.insert(0, str(ROOT))
    from claims.suggest import suggest

    started = time.perf_counter()
    result = suggest(
        article["text"], outlet=article["outlet"], title=article["title"], author=_author(article)
    )
    elapsed = time.perf_counter() - started
    return [
        Suggested(c.start, c.end, c.speaker, c.reported_speaker, c.checkworthiness, c.confidence)
        for c in result.candidates
    ], elapsed


def _author(article: dict) -> str | None:
    """The publisher line, where it says more than the outlet: what a source's author holds."""
    return article["publisher"] if article["publisher"] != article["outlet"] else None


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{100 * value:.0f}%"


def _num(value: float | None, digits: int = 2) -> str:
    return "-" if value is None else f"{value:.{digits}f}"


def _row(name: str, s: Score) -> list[str]:
    return [
        name,
        str(s.labels),
        f"{s.found} ({_pct(s.found_share)})",
        f"{s.right_speaker} ({_pct(s.right_speaker_share)})",
        f"{s.right_reported}/{s.reported_labels}",
        str(s.spurious_reported),
        str(s.candidates),
        _pct(s.precision),
        str(s.furniture),
        _num(s.auc),
        f"{1000 * s.seconds:.1f}",
    ]


HEADER = [
    "article", "claims", "found", "right speaker", "right reported", "spurious reported",
    "candidates", "precision", "furniture", "AUC", "ms",
]  # fmt: skip


def table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [HEADER, *rows]) for i in range(len(HEADER))]
    line = lambda r: "| " + " | ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) + " |"  # noqa: E731
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(HEADER), rule, *(line(r) for r in rows)])


def confidence_table(total: Score) -> str:
    """How often the speaker is right at each confidence the engine gives (found labels)."""
    lines = ["| confidence | found | right speaker |", "|---:|---:|---:|"]
    for level in sorted(total.by_confidence):
        right, found = total.by_confidence[level]
        lines.append(f"| {level:.2f} | {found} | {right} ({_pct(right / found)}) |")
    return "\n".join(lines)


# Floors: a little under what the engine reaches on the corpus today (bench/README.md).
FLOORS = {
    "min_found": ("found_share", 0.97, "share of labelled claims found"),
    "min_right_speaker": ("right_speaker_share", 0.97, "share found with the right speaker"),
    "min_right_reported": ("right_reported_share", 0.95, "share of reported speakers right"),
    "min_precision": ("precision", 0.37, "share of candidates holding a labelled claim"),
    "min_auc": ("auc", 0.80, "ROC AUC of checkworthiness"),
}
MAX_FURNITURE_PER_5 = 0.6


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument(
        "--corpus", type=Path, action="append",
        help="folder of article files (repeat for several; default bench/corpus/articles)",
    )  # fmt: skip
    parser.add_argument("--details", action="store_true", help="list missed and misattributed")
    parser.add_argument("--json", type=Path, help="also write the totals to this file")
    parser.add_argument(
        "--by-confidence", action="store_true",
        help="also print the share of right speakers at each speaker confidence",
    )  # fmt: skip
    for option, (_attr, default, help_text) in FLOORS.items():
        flag = "--" + option.replace("_", "-")
        parser.add_argument(flag, type=float, default=default, help=f"floor: {help_text}")
    parser.add_argument(
        "--max-furniture-per-5", type=float, default=MAX_FURNITURE_PER_5,
        help="ceiling: furniture candidates per five articles",
    )  # fmt: skip
    args = parser.parse_args(argv)

    total = Score()
    rows = []
    folders = args.corpus or [CORPUS]
    for path in [path for folder in folders for path in sorted(folder.glob("*.json"))]:
        article = load_article(path)
        candidates, elapsed = run_engine(article)
        furniture = [Span(n["start"], n["end"]) for n in article["not_claims"]]
        score = score_article(labels_of(article), furniture, candidates, text=article["text"])
        score.seconds = elapsed
        total.add(score)
        rows.append(_row(article["id"], score))
        if args.details and (
            score.missed or score.wrong or score.wrong_reported or score.furniture_hits
        ):
            print(f"{article['id']}:")
            for where in score.missed:
                print(f"  missed {where}")
            for where in score.wrong:
                print(f"  wrong speaker {where}")
            for where in score.wrong_reported:
                print(f"  wrong reported speaker {where}")
            for where in score.furniture_hits:
                print(f"  furniture {where}")
    rows.append(_row(f"total ({total.articles} articles)", total))
    print(table(rows))

    figures = {
        "articles": total.articles,
        "claims": total.labels,
        "found": total.found_share,
        "right_speaker": total.right_speaker_share,
        "right_reported": total.right_reported_share,
        "spurious_reported": total.spurious_reported,
        "candidates": total.candidates,
        "precision": total.precision,
        "furniture": total.furniture,
        "furniture_per_5": total.furniture_per_5,
        "auc": total.auc,
        "seconds": round(total.seconds, 4),
    }
    print()
    print(
        f"found {_pct(total.found_share)}, right speaker {_pct(total.right_speaker_share)}, "
        f"right reported speaker {_pct(total.right_reported_share)}, precision "
        f"{_pct(total.precision)}, furniture {_num(total.furniture_per_5)} per 5 articles, "
        f"AUC {_num(total.auc)}, {1000 * total.seconds:.0f} ms in all"
    )
    if args.by_confidence:
        print()
        print(confidence_table(total))
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")

    failures = []
    for option, (attr, _default, help_text) in FLOORS.items():
        value, floor = getattr(total, attr), getattr(args, option)
        if value is not None and value < floor:
            failures.append(f"{help_text}: {value:.3f} < {floor}")
    if (total.furniture_per_5 or 0) > args.max_furniture_per_5:
        failures.append(
            f"furniture per 5 articles: {total.furniture_per_5:.2f} > {args.max_furniture_per_5}"
        )
    for failure in failures:
        print(f"BELOW FLOOR: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
