"""Benchmark of `import_source` on a batch of 1,000 generated articles; prints its figures,
asserts nothing.

    .venv/bin/python bench/bench_import.py            # 1,000 articles
    .venv/bin/python bench/bench_import.py 5000       # another batch size

Writes the articles to a temporary folder (a mix of .txt files, .html pages and one .jsonl
feed), migrates a fresh SQLite database in that folder (never the development db.sqlite3), then
times one `manage.py import_source FOLDER` run, end to end (Python and Django start-up
included), and a second run over the same folder, where every article is already there. All
articles come from a fixed random seed, so runs are comparable.
"""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RANDOM_SEED = 20240425
ARTICLES = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
# Shares of the batch: text files, HTML pages, and the rest as records of one JSONL feed
# (half of them text, half HTML).
TEXT_SHARE, HTML_SHARE = 0.4, 0.4
PARAGRAPHS = (4, 12)

PEOPLE = ["Anna Berg", "Marc Dubois", "Ann Lee", "Jo Park", "Tom Vries", "Lena Holt"]
ROLES = ["Foreign Minister", "President", "Senator", "Mayor", "Defence Secretary"]
PLACES = ["Kyiv", "Paris", "Oslo", "Geneva", "Istanbul", "Brussels", "Warsaw", "Ankara"]
NOUNS = [
    "budget", "treaty", "army", "bridge", "election", "pipeline", "sanctions", "talks",
    "inflation", "exports", "troops", "reactor", "grain", "border", "alliance", "vaccine",
]  # fmt: skip
VERBS = ["approved", "rejected", "signed", "delayed", "cut", "raised", "blocked", "funded"]


def paragraph(rng: random.Random, n: int) -> str:
    person, role, place = rng.choice(PEOPLE), rng.choice(ROLES), rng.choice(PLACES)
    noun, other, verb = rng.choice(NOUNS), rng.choice(NOUNS), rng.choice(VERBS)
    number = rng.randint(2, 900)
    return rng.choice(
        [
            f"{place.upper()} (Agency) - {role} {person} said that the government {verb} the "
            f"{noun} in {2000 + number % 24}, and that the {other} cost {number} million.",
            f'"We {verb} the {noun} because the {other} failed," {person} told reporters in '
            f"{place} on day {n}.",
            f"According to {person}, {number} people were affected by the {noun} and the "
            f"{other} will be {verb} next year.",
            f"The {noun} was {verb} after {number} days of talks in {place}, officials said.",
        ]
    )


def article(rng: random.Random, n: int) -> tuple[str, str, list[str]]:
    """(title, date, paragraphs) of article n; n is in the text, so no two are the same."""
    noun, verb = rng.choice(NOUNS), rng.choice(VERBS)
    title = f"{rng.choice(PEOPLE)}: {noun.title()} {verb} in {rng.choice(PLACES)} ({n})"
    date = f"2024-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
    count = rng.randint(*PARAGRAPHS)
    return title, date, [paragraph(rng, n) for _ in range(count)]


def as_text(title: str, date: str, paragraphs: list[str]) -> str:
    return f"date {date} {title}\n" + "\n".join(paragraphs) + "\n"


def as_html(title: str, date: str, paragraphs: list[str], n: int) -> str:
    """A page shaped like a news site's: the article inside about 25 KB of menus, related
    links, scripts and footer, which the extractor has to leave out."""
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    menu = "".join(f'<li><a href="/section/{i}">Section {i}</a></li>' for i in range(60))
    related = "".join(
        f'<li><a href="/news/{n}-{i}">{NOUNS[i % len(NOUNS)].title()} talks resume as '
        f"ministers meet again ({i})</a><span>2 hours ago</span></li>"
        for i in range(40)
    )
    footer = "".join(f'<a href="/about/{i}">About page {i}</a> ' for i in range(40))
    script = "var tracker = {" + ",".join(f'"k{i}": {i}' for i in range(400)) + "};"
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title} | Bench News</title>
<meta property="og:site_name" content="Bench News"><meta name="author" content="Desk {n % 7}">
<meta property="article:published_time" content="{date}T09:00:00Z">
<style>body {{ font-family: serif; }} .menu li {{ display: inline; }}</style>
<script>{script}</script></head>
<body><header><nav class="menu"><ul>{menu}</ul></nav></header>
<main><article><h1>{title}</h1>
<p class="byline">By Desk {n % 7}, {date}</p>
{body}
</article>
<aside><h2>Related</h2><ul>{related}</ul></aside></main>
<footer>{footer}<p>Copyright Bench News</p></footer></body></html>
"""


def write_batch(folder: Path, count: int) -> dict[str, int]:
    rng = random.Random(RANDOM_SEED)
    texts, pages = int(count * TEXT_SHARE), int(count * HTML_SHARE)
    records = count - texts - pages
    for n in range(texts):
        (folder / f"text-{n:05}.txt").write_text(as_text(*article(rng, n)), encoding="utf-8")
    for n in range(texts, texts + pages):
        title, date, paragraphs = article(rng, n)
        html = as_html(title, date, paragraphs, n)
        (folder / f"page-{n:05}.html").write_text(html, encoding="utf-8")
    with (folder / "feed.jsonl").open("w", encoding="utf-8") as feed:
        for n in range(texts + pages, count):
            title, date, paragraphs = article(rng, n)
            record = {"title": title, "published_at": date, "publisher": "Feed Agency"}
            if n % 2:
                record["html"] = as_html(title, date, paragraphs, n)
            else:
                record["text"] = "\n".join(paragraphs)
            feed.write(json.dumps(record) + "\n")
    return {".txt files": texts, ".html files": pages, "JSONL records": records}


def manage(*args: str, env: dict[str, str]) -> tuple[float, str]:
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    elapsed = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stdout[-2000:]}{result.stderr}")
    return elapsed, result.stdout


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        folder, database = Path(tmp) / "articles", Path(tmp) / "bench.sqlite3"
        folder.mkdir()
        mix = write_batch(folder, ARTICLES)
        size = sum(p.stat().st_size for p in folder.iterdir())
        # A database of the benchmark's own: whatever DATABASE_URL says is replaced.
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}"}
        manage("migrate", "--noinput", env=env)

        first, output = manage("import_source", str(folder), env=env)
        summary = output.strip().splitlines()[-1]
        second, again = manage("import_source", str(folder), env=env)
        startup, _ = manage("check", env=env)

    print(f"Batch: {ARTICLES:,} articles, {size / 1e6:.1f} MB (" + ", ".join(
        f"{n:,} {what}" for what, n in mix.items()
    ) + ")")  # fmt: skip
    print(f"  {summary}")
    created = int(re.search(r"(\d+) created", summary).group(1))
    if created != ARTICLES:
        print(f"  warning: expected {ARTICLES:,} created")
    print(
        f"First import:  {first:6.1f} s in all, {first / ARTICLES * 1000:5.1f} ms per article "
        f"({(first - startup) / ARTICLES * 1000:.1f} ms without the {startup:.1f} s start-up)"
    )
    print(
        f"Second import: {second:6.1f} s in all, {second / ARTICLES * 1000:5.1f} ms per article "
        f"(every one already there: {again.strip().splitlines()[-1]})"
    )


if __name__ == "__main__":
    main()
