"""Figures for matching by meaning (claims/matching/): how fast the encoder is, and how the shared
index behaves at the target's size. Prints one table; asserts nothing.

    .venv/bin/python bench/bench_vectors.py                      # 1,200,000 vectors
    .venv/bin/python bench/bench_vectors.py --vectors 100000     # a quicker run

(a) Encoding: the 552 texts of bench/eval_matching.py (the gold claims, their variants and the
    development corpus's check-worthy claims), in batches and one by one, in a fresh process.
(b) The index: `--vectors` synthetic unit vectors (a million claims and 200,000 external checks
    by default), built with the app's own parameters (claims.matching.index.new_index), saved,
    then opened memory-mapped in a fresh process and searched one query at a time, as a request
    would, for vectors near stored ones and for real sentences encoded first (the figure the
    target is about: encoding included). The vectors are synthetic: clusters of 512-dimension
    unit vectors around random centres, since a million real claims are not at hand; the
    recall is measured against an exact search of the same index.
(c) Memory: the resident set of a fresh process with the index viewed (memory-mapped, its pages
    shared through the page cache) and with it loaded into the process's own memory.
(d) A refresh: the index loaded, a hundred vectors added and the file written again, which is
    what `refresh_index` does after a few claims changed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 20261206
CENTRES = 20_000
CHUNK = 100_000


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()


def memory() -> dict[str, int]:
    """This process's resident memory in MB: all of it, its own (anonymous) pages, and the
    pages of files it maps (for the index viewed: pages every process shares)."""
    fields = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "RssAnon", "RssFile", "VmHWM"):
            fields[name] = int(value.split()[0]) // 1024
    return fields


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def synthetic(start: int, count: int, *, noise: float = 0.6) -> np.ndarray:
    """Unit vectors in clusters, the same for the same positions in every process."""
    centres = np.random.default_rng(SEED).standard_normal((CENTRES, 512), dtype=np.float32)
    rng = np.random.default_rng(SEED + 1 + start)
    picked = centres[rng.integers(0, CENTRES, count)]
    vectors = picked + noise * rng.standard_normal((count, 512), dtype=np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def texts() -> list[str]:
    sys.path.insert(0, str(ROOT / "bench"))
    from eval_matching import index_texts, load_gold

    return [text for _, text in index_texts(load_gold())]


def queries() -> list[str]:
    from eval_matching import load_gold

    languages = ("paraphrase", "es", "fr", "de", "pt", "it")
    return [group[key] for group in load_gold() for key in languages if group.get(key)]


# --- Parts, each run in a fresh process -------------------------------------------------------


def part_encode(args) -> dict:
    from claims.matching import encoder

    corpus = texts()
    started = time.perf_counter()
    encoder.encode(["The model loads on its first sentence."])
    load = time.perf_counter() - started
    rates = []
    for _ in range(3):
        started = time.perf_counter()
        encoder.encode(corpus)
        rates.append(len(corpus) / (time.perf_counter() - started))
    single = []
    for text in corpus[:200]:
        started = time.perf_counter()
        encoder.encode([text])
        single.append((time.perf_counter() - started) * 1000)
    return {
        "texts": len(corpus),
        "load_s": load,
        "batched_per_s": statistics.median(rates),
        "single_p50_ms": percentile(single, 0.5),
        "single_p95_ms": percentile(single, 0.95),
        "memory": memory(),
    }


def part_build(args) -> dict:
    setup_django()
    from claims.matching.index import new_index

    index = new_index()
    generating = adding = 0.0
    for start in range(0, args.vectors, CHUNK):
        count = min(CHUNK, args.vectors - start)
        began = time.perf_counter()
        vectors = synthetic(start, count)
        generating += time.perf_counter() - began
        began = time.perf_counter()
        index.add(np.arange(start + 1, start + 1 + count, dtype=np.uint64), vectors)
        adding += time.perf_counter() - began
    began = time.perf_counter()
    index.save(args.path)
    saving = time.perf_counter() - began
    return {
        "vectors": len(index),
        "add_s": adding,
        "save_s": saving,
        "file_mb": os.path.getsize(args.path) / 1e6,
        "generate_s": generating,
    }


def part_query(args) -> dict:
    setup_django()
    from claims.matching import encoder
    from claims.matching.index import open_index

    encoder.model()
    encoder.encode(["warm up"])
    before = memory()
    began = time.perf_counter()
    index = open_index(Path(args.path), view=args.mode == "view")
    opened = time.perf_counter() - began
    after_open = memory()
    # Near a stored vector: a claim reworded, by analogy.
    near = synthetic(args.vectors + 7, args.queries, noise=0.6)
    timings = []
    for vector in near:
        began = time.perf_counter()
        index.search(vector, 10)
        timings.append((time.perf_counter() - began) * 1000)
    sentences = (queries() * 3)[: args.queries]
    with_text = []
    for sentence in sentences:
        began = time.perf_counter()
        index.search(encoder.encode([sentence])[0], 10)
        with_text.append((time.perf_counter() - began) * 1000)
    result = {
        "mode": args.mode,
        "open_s": opened,
        "search_p50_ms": percentile(timings, 0.5),
        "search_p95_ms": percentile(timings, 0.95),
        "text_p50_ms": percentile(with_text, 0.5),
        "text_p95_ms": percentile(with_text, 0.95),
        "memory_before": before,
        "memory_open": after_open,
        "memory_after": memory(),
    }
    if args.mode == "view" and args.recall:
        # A stored vector moved to a cosine of about 0.8 from where it was: a reworded claim.
        starts = range(0, min(args.recall * 997, args.vectors), 997)
        stored = np.asarray(
            index.get(np.array([start + 1 for start in starts], dtype=np.uint64)),
            dtype=np.float32,
        )
        noise = np.random.default_rng(SEED).standard_normal(stored.shape).astype(np.float32)
        probes = stored + 0.7 * noise / np.linalg.norm(noise, axis=1, keepdims=True)
        probes /= np.linalg.norm(probes, axis=1, keepdims=True)
        found = index.search(probes, 10)
        exact = index.search(probes, 10, exact=True)
        result["first"] = float(
            np.mean([found.keys[n][0] == start + 1 for n, start in enumerate(starts)])
        )
        result["recall_at_10"] = float(
            np.mean(
                [
                    len(
                        set(found.keys[n][: found.counts[n]])
                        & set(exact.keys[n][: exact.counts[n]])
                    )
                    / 10
                    for n in range(len(probes))
                ]
            )
        )
    return result


def part_refresh(args) -> dict:
    setup_django()
    from claims.matching.index import open_index

    began = time.perf_counter()
    index = open_index(Path(args.path), view=False)
    loading = time.perf_counter() - began
    began = time.perf_counter()
    added = synthetic(args.vectors + 1, 100)
    index.add(np.arange(args.vectors + 1, args.vectors + 101, dtype=np.uint64), added)
    adding = time.perf_counter() - began
    target = Path(args.path).with_name("refreshed.usearch")
    began = time.perf_counter()
    index.save(str(target))
    saving = time.perf_counter() - began
    target.unlink()
    return {"load_s": loading, "add_s": adding, "save_s": saving}


PARTS = {"encode": part_encode, "build": part_build, "query": part_query, "refresh": part_refresh}


def run_part(name: str, args, *extra: str) -> dict:
    command = [sys.executable, __file__, "--part", name, "--vectors", str(args.vectors)]
    command += ["--queries", str(args.queries), "--recall", str(args.recall), *extra]
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode:
        sys.exit(f"{name} failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vectors", type=int, default=1_200_000)
    parser.add_argument("--queries", type=int, default=1000)
    parser.add_argument("--recall", type=int, default=100, help="queries checked against exact")
    parser.add_argument("--folder", help="where the index file goes (default: a temporary one)")
    parser.add_argument("--part", choices=sorted(PARTS), help=argparse.SUPPRESS)
    parser.add_argument("--path", help=argparse.SUPPRESS)
    parser.add_argument("--mode", default="view", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part:
        print(json.dumps(PARTS[args.part](args)))
        return 0

    with tempfile.TemporaryDirectory(dir=args.folder) as folder:
        path = str(Path(folder) / "claims.usearch")
        encoded = run_part("encode", args)
        built = run_part("build", args, "--path", path)
        viewed = run_part("query", args, "--path", path, "--mode", "view")
        loaded = run_part("query", args, "--path", path, "--mode", "load")
        refreshed = run_part("refresh", args, "--path", path)

    print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| measure | figure |\n|---|---:|")
    rows = [
        ("encoder: model load", f"{encoded['load_s']:.2f} s"),
        (
            f"encoder: {encoded['texts']} texts in batches",
            f"{encoded['batched_per_s']:.0f} sentences/s",
        ),
        (
            "encoder: one sentence, p50 / p95",
            f"{encoded['single_p50_ms']:.1f} / {encoded['single_p95_ms']:.1f} ms",
        ),
        ("encoder: process memory (VmRSS)", f"{encoded['memory']['VmRSS']} MB"),
        (f"index: add {built['vectors']:,} vectors", f"{built['add_s']:.0f} s"),
        ("index: save", f"{built['save_s']:.1f} s, {built['file_mb']:.0f} MB file"),
    ]
    for result in (viewed, loaded):
        mode = result["mode"]
        rows += [
            (f"{mode}: open in a fresh process", f"{result['open_s'] * 1000:.0f} ms"),
            (
                f"{mode}: search, k=10, p50 / p95",
                f"{result['search_p50_ms']:.2f} / {result['search_p95_ms']:.2f} ms",
            ),
            (
                f"{mode}: encode a sentence + search, p50 / p95",
                f"{result['text_p50_ms']:.1f} / {result['text_p95_ms']:.1f} ms",
            ),
            (
                f"{mode}: RSS after open / after queries (own + mapped file)",
                "{} / {} MB ({} + {})".format(
                    result["memory_open"]["VmRSS"] - result["memory_before"]["VmRSS"],
                    result["memory_after"]["VmRSS"] - result["memory_before"]["VmRSS"],
                    result["memory_after"]["RssAnon"] - result["memory_before"]["RssAnon"],
                    result["memory_after"]["RssFile"] - result["memory_before"]["RssFile"],
                ),
            ),
        ]
    if "recall_at_10" in viewed:
        rows.append(("a reworded stored vector found first", f"{viewed['first']:.3f}"))
        rows.append(("recall@10 against an exact search", f"{viewed['recall_at_10']:.3f}"))
    rows.append(
        (
            "refresh: load, add 100, save",
            f"{refreshed['load_s']:.1f} + {refreshed['add_s']:.2f} + {refreshed['save_s']:.1f} s",
        )
    )
    for name, figure in rows:
        print(f"| {name} | {figure} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
