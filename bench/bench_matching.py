"""How long the desk's hybrid matching (claims/matching/hybrid.py) takes per wording against a
generated desk: the vector index, the full-text lookup, the scoring and the claims' details,
one query at a time as a request makes them. Prints one table; asserts nothing.

    createdb -h 127.0.0.1 -U postgres factcheck_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_bench \\
        .venv/bin/python bench/generate.py --claims 1000000 --migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_bench \\
        .venv/bin/python bench/bench_matching.py --extra 200000

The database's claims have no real vectors (encoding a million generated claims would take
hours and teach nothing about speed), so the index file is built from synthetic unit vectors
keyed by the claims' ids (`bench_vectors.synthetic`), plus `--extra` keys beyond them standing
for other fact-checkers' checks, with a manifest naming the current model: the search reads a
graph of the target's size. The queries are the gold set's rewordings and translations
(bench/matching/gold.jsonl), encoded as a request encodes them; their words meet the generated
claims' vocabulary in the full-text index as a real wording would.

`--freshness` then measures how soon a claim is matchable by meaning after it is saved: a real
worker process (`manage.py worker`) runs beside this one, a new claim is saved through the
services, and its translation is searched for every tenth of a second until the claim is found
by meaning. It adds one claim to the database (left there, a bench database's own) and lets the
worker refresh the index file.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    import django

    django.setup()


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def build(path: Path, extra: int) -> dict:
    """The index file and its manifest, for every claim id and `extra` more keys."""
    setup_django()
    from django.db.models import Max
    from django.utils import timezone

    from claims.matching import conf
    from claims.matching.index import Manifest, manifest_path
    from claims.models import Claim

    top = Claim.objects.aggregate(top=Max("id"))["top"] or 0
    vectors = top + extra
    began = time.perf_counter()
    command = [sys.executable, str(ROOT / "bench" / "bench_vectors.py"), "--part", "build"]
    subprocess.run(
        [*command, "--vectors", str(vectors), "--path", str(path)],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    manifest = Manifest(model=conf.model_version(), count=vectors, newest=timezone.now())
    manifest_path(path).write_text(manifest.json())
    return {"vectors": vectors, "build_s": time.perf_counter() - began}


def measure(path: Path, count: int) -> dict:
    """Each query through `hybrid.find`, through the desk's `similar_claims` (details and
    reasons too), and through the full-text lookup alone, in this fresh process."""
    os.environ["FACTCHECK_MATCHING_INDEX_PATH"] = str(path)
    setup_django()
    from eval_matching import LANGUAGES, load_gold

    from claims.db import fulltext
    from claims.matching import encoder, hybrid
    from claims.models import Claim
    from claims.suggest.matching import content_words
    from claims.suggestions import similar_claims

    queries = [g[key] for g in load_gold() for key in ("paraphrase", *LANGUAGES)][:count]
    encoder.encode(["The model loads on its first sentence."])
    hybrid.find([queries[0]])  # the index opened and mapped, as in a running process
    timings: dict[str, list[float]] = {"find": [], "similar": [], "words": []}
    found = 0
    for query in queries:
        began = time.perf_counter()
        matches = hybrid.find([query])[0]
        timings["find"].append((time.perf_counter() - began) * 1000)
        found += bool(matches)
        began = time.perf_counter()
        similar_claims(query)
        timings["similar"].append((time.perf_counter() - began) * 1000)
        began = time.perf_counter()
        fulltext.likely_rewordings(
            Claim.objects.all(), content_words(query), table="claims_claim", limit=20
        )
        timings["words"].append((time.perf_counter() - began) * 1000)
    result = {"queries": len(queries), "with_matches": found, "claims": Claim.objects.count()}
    for name, values in timings.items():
        result[name] = (percentile(values, 0.5), percentile(values, 0.95))
    return result


def freshness(path: Path) -> dict:
    """Seconds from a claim's commit to its being found by meaning, with a real worker."""
    os.environ["FACTCHECK_MATCHING_INDEX_PATH"] = str(path)
    setup_django()
    from django.db import transaction

    from claims import services
    from claims.matching import hybrid
    from claims.models import Statement

    worker = subprocess.Popen(
        [sys.executable, str(ROOT / "manage.py"), "worker"],
        cwd=ROOT,
        env={**os.environ, "FACTCHECK_FEEDS_POLL_EVERY": "0"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(5)  # the worker up and waiting, as in a running desk
        text = f"The harbour authority counted {time.time_ns() % 10**6} container ships in March."
        translation = text.replace("The harbour authority counted", "La autoridad portuaria contó")
        translation = translation.replace("container ships in March", "buques portacontenedores")
        statement = Statement.objects.order_by("id").first()
        with transaction.atomic():
            claim = services.claim_create(statement=statement, text=text, by=None)
        began = time.perf_counter()
        while time.perf_counter() - began < 300:
            matches = hybrid.find([translation], min_score=0.0, limit=50)[0]
            if any(m.claim_id == claim.pk and m.meaning is not None for m in matches):
                return {"seconds": time.perf_counter() - began}
            time.sleep(0.1)
        return {"seconds": None}
    finally:
        worker.terminate()
        worker.wait(30)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--extra", type=int, default=200_000, help="index keys beyond the claims")
    parser.add_argument("--queries", type=int, default=300)
    parser.add_argument(
        "--index", help="an index file to keep: built there when missing, reused when present"
    )
    parser.add_argument("--folder", help="where a built index goes (default: a temporary one)")
    parser.add_argument("--freshness", action="store_true", help="also time a new claim's vector")
    parser.add_argument("--part", choices=["measure", "freshness"], help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part == "measure":
        print(json.dumps(measure(Path(args.index), args.queries)))
        return 0
    if args.part == "freshness":
        print(json.dumps(freshness(Path(args.index))))
        return 0
    with tempfile.TemporaryDirectory(dir=args.folder) as folder:
        built = None
        path = Path(args.index) if args.index else Path(folder) / "claims.usearch"
        if not path.exists():
            built = build(path, args.extra)
        command = [sys.executable, __file__, "--part", "measure", "--index", str(path)]
        done = subprocess.run(
            [*command, "--queries", str(args.queries)],
            capture_output=True,
            text=True,
            check=False,
            cwd=ROOT,
        )
        if done.returncode:
            sys.exit(f"measure failed:\n{done.stderr}")
        result = json.loads(done.stdout.strip().splitlines()[-1])
        fresh = None
        if args.freshness:
            command = [sys.executable, __file__, "--part", "freshness", "--index", str(path)]
            done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=ROOT)
            if done.returncode:
                sys.exit(f"freshness failed:\n{done.stderr}")
            fresh = json.loads(done.stdout.strip().splitlines()[-1])["seconds"]
    print(f"load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores\n")
    print("| measure | figure |\n|---|---:|")
    rows = [("claims in the database", f"{result['claims']:,}")]
    if built:
        rows.append(
            (f"index of {built['vectors']:,} synthetic vectors built", f"{built['build_s']:.0f} s")
        )
    rows.append(("queries (gold rewordings and translations)", str(result["queries"])))
    for name, label in (
        ("find", "hybrid.find, one wording: p50 / p95"),
        ("similar", "similar_claims (with details and reasons): p50 / p95"),
        ("words", "full-text lookup alone: p50 / p95"),
    ):
        p50, p95 = result[name]
        rows.append((label, f"{p50:.1f} / {p95:.1f} ms"))
    if args.freshness:
        waited = "not within 300 s" if fresh is None else f"{fresh:.1f} s"
        rows.append(("a saved claim found by meaning (real worker)", waited))
    for name, figure in rows:
        print(f"| {name} | {figure} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
