"""Benchmark of monitoring: 50 outlets' feeds with 20 new articles each (1,000 articles of 500 to
1,500 words) polled by real workers on PostgreSQL; each article fetched, imported, given its
suggestions and matched with earlier claims (`claims.arrival`). Prints figures, asserts nothing.

    .venv/bin/python bench/bench_feeds.py                # 1 worker, then 2
    .venv/bin/python bench/bench_feeds.py --workers 1    # one run only
    .venv/bin/python bench/bench_feeds.py --workers 1 2 1 2   # alternated, rates averaged

Each outlet is served on its own loopback address (127.0.0.2, 127.0.0.3, ...: one host each,
as outlets are, so the per-host pace applies as it would) by a threaded `http.server` in this
process. The articles are assembled from the paragraphs of bench/corpus/articles, each with a
lead paragraph of its own so that no two are the same text. A template database
(`factcheck_monitor_bench_template` on 127.0.0.1:5432, or BENCH_POSTGRES_URL's server) is
migrated once, given the demo desk (`seed_demo`) and the 50 feeds; each run starts from a copy
of it and starts `manage.py worker` processes with the housekeeping's feed round every second.
A run ends when every item has been announced to the desk and every new source read (its
suggestions stored and matched); the time counts from the workers' start. The workers' peak
resident memory (VmHWM) is read from /proc.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import threading
import time
from html import escape
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import psycopg

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "bench" / "corpus" / "articles"
FEEDS = 50
PER_FEED = 20
SERVER = os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432")
# The run's database and its template; BENCH_FEEDS_DATABASE names them otherwise (the template
# is that name with "_template").
RUN_DB = os.environ.get("BENCH_FEEDS_DATABASE", "factcheck_monitor_bench")
TEMPLATE = f"{RUN_DB}_template"
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="{outlet}"></head><body><nav><a href="/">Home</a></nav>
<article><h1>{title}</h1>{body}</article><footer>{outlet}</footer></body></html>"""


def paragraphs() -> list[str]:
    found = []
    for path in sorted(CORPUS.glob("*.json")):
        text = json.loads(path.read_text())["text"]
        found += [p.strip() for p in text.split("\n\n") if len(p.split()) >= 15]
    return found


def articles(pool: list[str]) -> dict[tuple[int, int], tuple[str, str]]:
    """(feed, n) -> (title, HTML page) for every article, the same on every run."""
    made = {}
    for feed in range(FEEDS):
        for n in range(PER_FEED):
            rng = random.Random(feed * 1000 + n)
            target = rng.randint(500, 1500)
            title = f"Outlet {feed} report {n}: officials answer questions on the budget"
            lead = (
                f"Outlet {feed}, report {n}. The minister said on day {n} that spending in region "
                f"{feed} had risen by {rng.randint(2, 40)} percent, and officials disputed it."
            )
            body, words = [lead], len(lead.split())
            while words < target:
                paragraph = rng.choice(pool)
                body.append(paragraph)
                words += len(paragraph.split())
            html = "".join(f"<p>{escape(p)}</p>" for p in body)
            made[feed, n] = (title, PAGE.format(title=title, outlet=f"Outlet {feed}", body=html))
    return made


def rss(feed: int, base: str, made: dict) -> bytes:
    items = "".join(
        f"<item><title>{escape(made[feed, n][0])}</title><link>{base}/news/{n}</link>"
        f"<guid>{base}/news/{n}</guid><description>A teaser.</description></item>"
        for n in reversed(range(PER_FEED))
    )
    return (
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Outlet {feed}</title><link>{base}/</link>{items}</channel></rss>"
    ).encode()


def serve(feed: int, made: dict) -> tuple[ThreadingHTTPServer, str]:
    pages: dict[str, tuple[bytes, str]] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body, kind = pages.get(self.path, (b"", "text/html"))
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer((f"127.0.0.{feed + 2}", 0), Handler)
    server.daemon_threads = True
    base = f"http://127.0.0.{feed + 2}:{server.server_address[1]}"
    for n in range(PER_FEED):
        pages[f"/news/{n}"] = (made[feed, n][1].encode(), "text/html; charset=utf-8")
    pages["/rss.xml"] = (rss(feed, base, made), "application/rss+xml")
    threading.Thread(target=server.serve_forever, args=(0.5,), daemon=True).start()
    return server, f"{base}/rss.xml"


def admin(sql: str) -> None:
    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def environment(database: str, **extra: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": f"{SERVER}/{database}",
        "FACTCHECK_TASKS_BACKEND": "database",
        "FACTCHECK_FETCH_PRIVATE_ADDRESSES": "1",  # the outlets are on loopback
        **extra,
    }


def prepare(feed_urls: list[str]) -> None:
    admin(f"DROP DATABASE IF EXISTS {TEMPLATE}")
    admin(f"CREATE DATABASE {TEMPLATE}")
    env = environment(TEMPLATE, FACTCHECK_FEEDS_JSON=json.dumps(feed_urls))
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    subprocess.run([*manage, "seed_demo"], cwd=ROOT, env=env, check=True, capture_output=True)
    create = (
        "import json, os; from claims.monitoring.models import Feed; "
        "[Feed.objects.create(url=u, publisher=f'Outlet {i}', language='en', poll_minutes=60) "
        "for i, u in enumerate(json.loads(os.environ['FACTCHECK_FEEDS_JSON']))]"
    )
    subprocess.run([*manage, "shell", "-c", create], cwd=ROOT, env=env, check=True)


def peak_memory(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmHWM:\s+(\d+)", status, re.M).group(1)) // 1024


def cpu_seconds(pid: int) -> float:
    """User and system CPU time of a process so far (its own threads included)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def machine_cpu() -> tuple[float, float]:
    """(busy, steal) CPU seconds of the whole machine so far, every core together: busy is
    user, nice, system, interrupts; steal is time the hypervisor gave to other machines."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n")[0].split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    tick = os.sysconf("SC_CLK_TCK")
    return (user + nice + system + irq + softirq) / tick, steal / tick


def database_backends(connection: psycopg.Connection) -> list[int]:
    """The PostgreSQL server processes serving the run's database, this one's excepted."""
    return [
        pid
        for (pid,) in connection.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            [RUN_DB],
        )
    ]


def work_done() -> dict:
    """What the run asked of the database, read once its workers have stopped: the jobs run,
    by task, and the transactions and rows of the run's database (counted by PostgreSQL, so
    the same whatever the machine's load)."""
    time.sleep(1)  # PostgreSQL writes a finished connection's counts within a second
    with psycopg.connect(f"{SERVER}/{RUN_DB}", autocommit=True) as connection:
        jobs = dict(
            connection.execute(
                "SELECT task_path, count(*) FROM django_tasks_database_dbtaskresult "
                "GROUP BY task_path ORDER BY task_path"
            ).fetchall()
        )
        names = ["xact_commit", "xact_rollback", "tup_returned", "tup_fetched"]
        names += ["tup_inserted", "tup_updated", "tup_deleted"]
        counts = connection.execute(
            f"SELECT {', '.join(names)} FROM pg_stat_database WHERE datname = %s", [RUN_DB]
        ).fetchone()
    return {"jobs": jobs, "database_counts": dict(zip(names, counts, strict=True))}


def run(workers: int, *, profile: Path | None = None) -> dict:
    admin(f"DROP DATABASE IF EXISTS {RUN_DB}")
    admin(f"CREATE DATABASE {RUN_DB} TEMPLATE {TEMPLATE}")
    env = environment(RUN_DB, FACTCHECK_FEEDS_POLL_EVERY="1", FACTCHECK_WORKER_HEARTBEAT="1")
    own_before, machine_before = os.times(), machine_cpu()
    started = time.monotonic()
    processes = []
    for number in range(workers):
        command = [sys.executable, "manage.py", "worker", "--no-startup-delay"]
        if profile is not None:
            output = profile / f"worker-{workers}-{number}.prof"
            command[1:1] = ["-m", "cProfile", "-o", str(output)]
        processes.append(
            subprocess.Popen(
                command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
        )
    total = FEEDS * PER_FEED
    load_before = os.getloadavg()[0]
    # The database's server processes come and go with the workers' connections: each one's
    # CPU is read every time the run is looked at, its last reading kept.
    database_cpu: dict[int, float] = {}
    try:
        with psycopg.connect(f"{SERVER}/{RUN_DB}", autocommit=True) as connection:
            while True:
                for pid in database_backends(connection):
                    with contextlib.suppress(FileNotFoundError, ProcessLookupError):
                        database_cpu[pid] = cpu_seconds(pid)
                done, failed, new, read = connection.execute(
                    "SELECT count(*) FILTER (WHERE arrived_at IS NOT NULL), "
                    "count(*) FILTER (WHERE error <> ''), count(*) FILTER (WHERE new_source), "
                    "(SELECT count(*) FROM claims_sourcesuggestions) FROM monitoring_feeditem"
                ).fetchone()
                # Done when every item is in and every new source has been read (its
                # suggestions stored and matched by the job that its arrival queued).
                if done + failed >= total and read >= new:
                    break
                if time.monotonic() - started > 1800:
                    raise SystemExit(f"gave up after 30 minutes: {done} of {total} done")
                time.sleep(0.5)
            elapsed = time.monotonic() - started
            for pid in database_backends(connection):
                database_cpu[pid] = cpu_seconds(pid)
            sources = connection.execute("SELECT count(*) FROM claims_source").fetchone()[0]
        own_after, machine_after = os.times(), machine_cpu()
        memory = [peak_memory(process.pid) for process in processes]
        cpu_each = [cpu_seconds(process.pid) for process in processes]
        cpu = sum(cpu_each)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            process.wait(timeout=120)
    return {
        **work_done(),
        "workers": workers,
        "done": done,
        "failed": failed,
        "sources": sources,
        "seconds": elapsed,
        "per_minute": done / elapsed * 60,
        "peak_mb": memory,
        "cpu_ms_per_article": cpu / max(done, 1) * 1000,
        "busy": cpu / (elapsed * workers),
        "load": (load_before, os.getloadavg()[0]),
        # CPU seconds over the run: each worker, the database's processes serving the run, this
        # process (the feeds' HTTP servers), everything on the machine, and the time stolen.
        "cpu": {
            "workers": cpu_each,
            "database": sum(database_cpu.values()),
            "harness": (own_after.user + own_after.system) - (own_before.user + own_before.system),
            "machine": machine_after[0] - machine_before[0],
            "steal": machine_after[1] - machine_before[1],
        },
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="FOLDER",
        help="run each worker under cProfile (its main thread), its profile written to FOLDER",
    )
    options = parser.parse_args()
    if options.profile is not None:
        options.profile.mkdir(parents=True, exist_ok=True)
    made = articles(paragraphs())
    words = [len(re.sub(r"<[^>]+>", " ", page).split()) for _title, page in made.values()]
    print(f"{len(made)} articles of {min(words)}-{max(words)} words on {FEEDS} hosts")
    served = [serve(feed, made) for feed in range(FEEDS)]
    try:
        prepare([url for _server, url in served])
        results = []
        for count in options.workers:
            result = run(count, profile=options.profile)
            results.append(result)
            cpu = result["cpu"]
            print(
                f"{count} worker{'s' if count > 1 else ''}: {result['done']} articles "
                f"({result['failed']} failed, {result['sources']} sources in the desk) in "
                f"{result['seconds']:.1f} s = {result['per_minute']:.0f} articles a minute; "
                f"peak memory {', '.join(f'{mb} MB' for mb in result['peak_mb'])}; "
                f"workers' CPU {result['cpu_ms_per_article']:.0f} ms an article (each busy "
                f"{result['busy']:.0%} of the time); "
                f"load average {result['load'][0]:.1f} at the start, {result['load'][1]:.1f} "
                "at the end\n"
                f"  CPU seconds over the run: workers "
                f"{' + '.join(f'{each:.1f}' for each in cpu['workers'])}, PostgreSQL (the run's "
                f"connections) {cpu['database']:.1f}, this process (the feeds' servers) "
                f"{cpu['harness']:.1f}, the whole machine {cpu['machine']:.1f} of "
                f"{result['seconds'] * os.cpu_count():.1f} ({cpu['steal']:.1f} stolen)",
                flush=True,
            )
            print(f"  jobs {result['jobs']}\n  database {result['database_counts']}", flush=True)
        rates = {
            count: statistics.mean(r["per_minute"] for r in results if r["workers"] == count)
            for count in set(options.workers)
        }
        if 1 in rates and 2 in rates:
            print(f"ratio, 2 workers to 1: {rates[2] / rates[1]:.2f}x")
    finally:
        for server, _url in served:
            server.shutdown()
        admin(f"DROP DATABASE IF EXISTS {RUN_DB}")
        admin(f"DROP DATABASE IF EXISTS {TEMPLATE}")


if __name__ == "__main__":
    main()
