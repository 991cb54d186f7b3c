"""CPU time of the uncached public pages, in one process; prints figures, asserts nothing.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_other \
        .venv/bin/python bench/bench_pages.py
    DATABASE_URL=... .venv/bin/python bench/bench_pages.py --profile claim

Each request goes through Django's WSGI handler with the settings bench/bench_load.py gives
gunicorn (bench/load_site.py: production settings, page cache off), one request at a time, and
is timed with the process's CPU clock (the database's own work is not in it) and the wall
clock: claim pages of different claims, searches of the page (bench_load.py's ten, common
words and rare pairs) and the first pages of the claims list. The database is any one filled
by bench/generate.py (never the desk's own); CACHE_URL chooses the cache as in production
(the database's cache table by default). `--profile` runs one kind of page under cProfile, on
the CPU clock, and prints where its time goes.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time
from pathlib import Path
from urllib.parse import quote

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path[:0] = [str(ROOT), str(BENCH)]

from bench_load import SEARCHES  # noqa: E402

HOST = "127.0.0.1"


def configure() -> None:
    if not os.environ.get("DATABASE_URL"):
        raise SystemExit("DATABASE_URL must name a benchmark database (bench/generate.py)")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "load_site")
    os.environ.setdefault("SECRET_KEY", "benchmark-only-key-" + "x" * 40)
    os.environ.setdefault("ALLOWED_HOSTS", HOST)
    os.environ["FACTCHECK_PUBLIC_CACHE_SECONDS"] = "0"


def request(app, path: str) -> int:
    """One GET through the WSGI handler, as a browser asks (gzip accepted); its status."""
    target, _, query = path.partition("?")
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": target,
        "QUERY_STRING": query,
        "SERVER_NAME": HOST,
        "SERVER_PORT": "80",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": HOST,
        "HTTP_ACCEPT_ENCODING": "gzip",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.url_scheme": "http",
        "wsgi.errors": sys.stderr,
    }
    status = []
    body = app(environ, lambda line, headers, exc_info=None: status.append(line))
    b"".join(body)
    body.close()
    return int(status[0].split()[0])


def measure(app, paths: list[str]) -> tuple[list[float], list[float]]:
    cpu, wall = [], []
    for path in paths:
        began_cpu, began_wall = time.process_time(), time.perf_counter()
        status = request(app, path)
        cpu.append(1000 * (time.process_time() - began_cpu))
        wall.append(1000 * (time.perf_counter() - began_wall))
        if status != 200:
            raise SystemExit(f"{path} answered {status}")
    return cpu, wall


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=200, help="claim pages, one per claim")
    parser.add_argument("--rounds", type=int, default=5, help="times through the searches")
    parser.add_argument("--profile", choices=["claim", "search", "list"])
    args = parser.parse_args(argv)
    configure()
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.wsgi import get_wsgi_application

    # What the production settings need, as bench_load.py prepares it: the cache table (the
    # default cache; CACHE_URL=redis://... chooses another) and the static files' manifest.
    call_command("createcachetable", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)

    from claims.models import Claim

    app = get_wsgi_application()
    slugs = list(Claim.objects.public().order_by("?").values_list("slug", flat=True))
    slugs = slugs[: 2 * args.claims]
    pages = {
        "claim": [f"/claims/{slug}/" for slug in slugs[args.claims :]],
        "search": [f"/claims/?q={quote(term)}" for term in SEARCHES] * args.rounds,
        "list": [f"/claims/?page={n}" for n in range(1, 11)] * args.rounds,
    }
    # Warm up: imports, templates, the connection, prepared statements, the search memo.
    measure(app, [f"/claims/{slug}/" for slug in slugs[: args.claims]][:50])
    measure(app, pages["search"][: len(SEARCHES)] + pages["list"][:10])
    if args.profile:
        profiler = cProfile.Profile(time.process_time)  # CPU, as the figures
        profiler.enable()
        measure(app, pages[args.profile])
        profiler.disable()
        stats = pstats.Stats(profiler).sort_stats("cumulative")
        stats.print_stats(45)
        stats.sort_stats("tottime").print_stats(30)
        return 0
    heads = ["requests", "CPU mean", "CPU p50", "CPU p95", "wall p95"]
    print(f"{'page':<8} " + " ".join(f"{head:>9}" for head in heads))
    for name, paths in pages.items():
        cpu, wall = measure(app, paths)
        print(
            f"{name:<8} {len(paths):>9} {statistics.fmean(cpu):>9.2f} "
            f"{statistics.median(cpu):>9.2f} {p95(cpu):>9.2f} {p95(wall):>9.2f}  (ms)"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
