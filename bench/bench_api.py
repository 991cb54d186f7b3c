"""Throughput of the API's claims list against a bare Django view, served the same way in the
same run; prints its figures, asserts nothing.

    .venv/bin/python bench/bench_api.py                  # 100,000 claims, 5 s per endpoint
    .venv/bin/python bench/bench_api.py --seconds 10 --index

The database is bench/results/bench_api.sqlite3 (never the desk's db.sqlite3), made with
bench/generate.py the first time; DATABASE_URL points it elsewhere, e.g. at a PostgreSQL
database kept for benchmarks. `--index` first adds the list's index to a database made before
migration 0010, which now creates it.

The app runs in a subprocess under the standard library's wsgiref server: one process, one
thread, DEBUG off (bench/bench_site.py and bench/bench_urls.py). One thread makes the server's
CPU time per request exact (read from /proc before and after each run) and keeps the comparison
fair: both endpoints
go through the same server, middleware and connection handling, one request at a time. It is
not a production server, so absolute rates are low; the ratio and the CPU per request are the
figures to compare (bench/bench_load.py measures the production server, gunicorn). Requests
are sent back to back by this process on another core; the API list walks 20 different pages
of 50 claims, so no answer repeats, and so does about the same list written the plainest DRF
way (bench/plain_drf.py), for comparison on the same machine, and a flat ModelSerializer list
of the claims' own columns: the yardstick of the API's target (at most half its CPU), so that
the API's CPU can be read against it on a machine of any speed.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
DEFAULT_DB = BENCH / "results" / "bench_api.sqlite3"
# The index on claims the API's list needs (see docs/api.md); a migration will add it.
INDEX_SQL = (
    "CREATE INDEX IF NOT EXISTS claims_claim_published_order "
    "ON claims_claim (first_published_at, id)"
)
HOST = "127.0.0.1"


def environment(database_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "bench_site",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{BENCH}",
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-not-a-secret",
        "ALLOWED_HOSTS": HOST,
        # What is measured is building the answer: with the page cache on, the walk's 20
        # pages would be served from memory after their first round.
        "FACTCHECK_PUBLIC_CACHE_SECONDS": "0",
    }


def prepare(database_url: str, claims: int, index: bool) -> int:
    """Migrate the benchmark database, fill it up to `claims`, add the index if asked."""
    os.environ.update(environment(database_url))
    sys.path[:0] = [str(ROOT), str(BENCH)]
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from generate import generate

    from claims.models import Claim

    call_command("migrate", verbosity=0)
    have = Claim.objects.public().count()
    if have < claims:
        began = time.perf_counter()
        print(f"generating {claims - have:,} claims ...", flush=True)
        generate(claims - have)
        print(f"generated in {time.perf_counter() - began:.0f} s", flush=True)
    if index:
        with connection.cursor() as cursor:
            cursor.execute(INDEX_SQL)
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE claims_claim")  # so the planner knows the index
    return Claim.objects.public().count()


def serve(port: int) -> None:
    """The subprocess: the project under wsgiref, one request at a time."""
    from wsgiref.simple_server import WSGIRequestHandler, make_server

    from django.core.wsgi import get_wsgi_application

    class Quiet(WSGIRequestHandler):
        def log_message(self, *args) -> None:
            pass

    server = make_server(HOST, port, get_wsgi_application(), handler_class=Quiet)
    print("ready", flush=True)
    server.serve_forever()


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def fetch(port: int, path: str) -> tuple[int, bytes]:
    connection = http.client.HTTPConnection(HOST, port, timeout=30)
    connection.request("GET", path, headers={"Accept": "application/json"})
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body


def load(port: int, pid: int, paths: list[str], seconds: float) -> dict[str, float]:
    """Requests back to back for `seconds`, cycling through `paths`."""
    for path in paths:  # warm up: imports, caches, the database's pages
        assert fetch(port, path)[0] == 200, path
    latencies = []
    cpu_before, began = cpu_seconds(pid), time.perf_counter()
    while time.perf_counter() - began < seconds:
        sent = time.perf_counter()
        status, _ = fetch(port, paths[len(latencies) % len(paths)])
        latencies.append(time.perf_counter() - sent)
        assert status == 200
    elapsed = time.perf_counter() - began
    cpu = cpu_seconds(pid) - cpu_before
    latencies.sort()
    return {
        "requests": len(latencies),
        "rps": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "cpu_ms": cpu / len(latencies) * 1000,
    }


def api_pages(port: int, count: int) -> list[str]:
    """The first `count` pages of 50 claims, following the `next` links."""
    paths, path = [], "/api/v1/claims/?page_size=50"
    while path and len(paths) < count:
        paths.append(path)
        status, body = fetch(port, path)
        assert status == 200, body[:300]
        page = json.loads(body)
        assert len(page["results"]) == 50
        following = urlsplit(page["next"]) if page["next"] else None
        path = f"{following.path}?{following.query}" if following else None
    return paths


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=5.0, help="of load per endpoint")
    parser.add_argument("--index", action="store_true", help="add the recommended index first")
    parser.add_argument("--serve", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{DEFAULT_DB}"
    if args.serve:
        serve(args.serve)
        return 0
    if database_url.rstrip("/").endswith(str(ROOT / "db.sqlite3")):
        parser.error("DATABASE_URL points at the desk's own database; use a benchmark one")
    DEFAULT_DB.parent.mkdir(exist_ok=True)
    total = prepare(database_url, args.claims, args.index)

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, __file__, "--serve", str(port)],
        env=environment(database_url),
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert server.stdout.readline().strip() == "ready"
        plain = [f"/bench/plain-drf/claims/?page={n}" for n in range(1, 21)]
        flat = [f"/bench/flat-drf/claims/?page={n}" for n in range(1, 21)]
        results = {
            "bare Django view": load(port, server.pid, ["/bench/bare/"], args.seconds),
            "API claims list, 50 a page": load(port, server.pid, api_pages(port, 20), args.seconds),
            "plain DRF list, 50 a page": load(port, server.pid, plain, args.seconds),
            "flat DRF list (yardstick)": load(port, server.pid, flat, args.seconds),
        }
    finally:
        server.terminate()
        server.wait()

    engine = database_url.split(":", 1)[0]
    print(
        f"\n{total:,} public claims ({engine}), wsgiref, 1 process, 1 thread, {args.seconds} s each"
    )
    print(f"{'endpoint':<28} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'server CPU ms/req':>18}")
    for name, r in results.items():
        print(
            f"{name:<28} {r['rps']:>8.1f} {r['p50_ms']:>8.2f} {r['p99_ms']:>8.2f} "
            f"{r['cpu_ms']:>18.2f}"
        )
    bare, api, plain, flat = results.values()
    print(f"ratio API / bare view: {api['rps'] / bare['rps']:.3f} of the throughput")
    print(f"API work above the bare view: {api['cpu_ms'] - bare['cpu_ms']:.2f} ms CPU per request")
    print(f"API CPU / plain DRF CPU: {api['cpu_ms'] / plain['cpu_ms']:.2f}")
    print(f"API CPU / flat DRF CPU: {api['cpu_ms'] / flat['cpu_ms']:.2f} (target: at most 0.50)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
