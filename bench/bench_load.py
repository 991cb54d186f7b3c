"""Load on loopback against the production stack, measured with wrk; prints a table, asserts
nothing.

    make bench                                           # PostgreSQL, 1,000,000 claims
    .venv/bin/python bench/bench_load.py --claims 100000 --seconds 5

The stack is what `make serve` runs (deploy/serve.py): nginx in front of gunicorn with two sync
workers and the production settings (bench/load_site.py adds a bare view, plain-HTTP cookies and
a throttle limit the one load address never reaches, in Django and in nginx), against a
benchmark database filled by bench/generate.py up to --claims published claims (never the
desk's own database; BENCH_DATABASE_URL chooses it). Each endpoint gets wrk for --seconds with
--connections connections, asking for gzip as browsers and HTTP libraries do: requests per
second, latency p50/p95/p99, the CPU time per request of the processes that answer (from /proc:
gunicorn's, and nginx's for the rows through it), and the ratio of its throughput to the bare
view's, measured in the same run through gunicorn directly. "Cached" rows ask one address over
and over, through nginx (its micro-cache) and through gunicorn directly (the page cache in
Django alone, shared by both workers: Redis when it answers on 127.0.0.1:6379, else the
database cache). "Cold" rows run against a second server, gunicorn alone, with the page cache
off, and walk many different pages, so no answer is served from memory. wrk runs on the same
cores as the server, so the ratios are the figures to compare between machines, not the
absolute rates.

Results go to bench/results/load-<UTC time>.json and bench/results/load-latest.md.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
RESULTS = BENCH / "results"
PYTHON = sys.executable
DEFAULT_DATABASE = "postgres://postgres@127.0.0.1:5432/factcheck_bench"
HOST = "127.0.0.1"
SEARCHES = [
    "inflation",
    "bridge budget",
    "unemployment",
    "troops border",
    "vaccine",
    "grain exports",
    "summit",
    "taxes rose",
    "pipeline",
    "railway",
]
ADMIN = ("bench-admin", "bench-admin-password-not-secret")
CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


@dataclass
class Row:
    name: str
    requests_per_second: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    cpu_ms_per_request: float
    errors: int
    ratio_to_bare: float = 0.0


def environment(database_url: str, *, cache_seconds: int, cache_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "DJANGO_SETTINGS_MODULE": "load_site",
        "PYTHONPATH": f"{ROOT}{os.pathsep}{BENCH}",
        "SECRET_KEY": "benchmark-only-key-" + "x" * 40,
        "ALLOWED_HOSTS": HOST,
        "CACHE_URL": cache_url,
        "FACTCHECK_PUBLIC_CACHE_SECONDS": str(cache_seconds),
    }


def redis_answers() -> bool:
    try:
        with socket.create_connection((HOST, 6379), timeout=0.5):
            return True
    except OSError:
        return False


def ensure_postgres_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = parts._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if exists.fetchone() is None:
            connection.execute(f'CREATE DATABASE "{name}"')


def manage(env: dict[str, str], *args: str) -> str:
    run = subprocess.run(
        [PYTHON, str(ROOT / "manage.py"), *args], env=env, capture_output=True, text=True
    )
    if run.returncode != 0:
        raise SystemExit(f"manage.py {' '.join(args)} failed:\n{run.stderr[-2000:]}")
    return run.stdout


def prepare(env: dict[str, str], claims: int) -> dict[str, object]:
    """Migrate, fill up to `claims` published claims, and read what the runs will ask for."""
    manage(env, "migrate", "--noinput", "-v0")
    manage(env, "createcachetable")
    manage(env, "collectstatic", "--noinput", "-v0")  # the manifest the production pages need
    have = int(manage(env, "shell", "--no-imports", "-c", _COUNT).strip().splitlines()[-1])
    if have < claims:
        print(f"generating {claims - have:,} claims (have {have:,})", flush=True)
        began = time.perf_counter()
        run = subprocess.run(
            [PYTHON, str(BENCH / "generate.py"), "--claims", str(claims - have)], env=env
        )
        if run.returncode != 0:
            raise SystemExit("bench/generate.py failed")
        print(f"generated in {time.perf_counter() - began:.0f} s", flush=True)
        manage(env, "shell", "--no-imports", "-c", _ANALYZE)
    sample = json.loads(
        manage(env, "shell", "--no-imports", "-c", _SAMPLE).strip().splitlines()[-1]
    )
    return {"claims": max(have, claims), **sample}


_COUNT = "from claims.models import Claim; print(Claim.objects.public().count())"
_ANALYZE = """
from django.db import connection
with connection.cursor() as cursor:
    cursor.execute("ANALYZE")  # fresh planner statistics after a bulk load, on both engines
"""
_SAMPLE = f"""
import json
from django.contrib.auth import get_user_model
from claims.models import Claim
User = get_user_model()
admin, _ = User.objects.get_or_create(username={ADMIN[0]!r}, defaults={{"is_staff": True}})
admin.is_superuser = True
admin.is_staff = True
admin.set_password({ADMIN[1]!r})
admin.save()
slugs = list(Claim.objects.public().order_by("?").values_list("slug", flat=True)[:2000])
print(json.dumps({{"slugs": slugs}}))
"""


class Server:
    """gunicorn alone, in its own process group."""

    def __init__(self, env: dict[str, str], port: int, workers: int) -> None:
        self.port = port
        self.url = f"http://{HOST}:{port}"
        from deploy.serve import start_gunicorn

        self.process = start_gunicorn(f"{HOST}:{port}", workers=workers, env=env, python=PYTHON)
        self._wait()

    def _wait(self) -> None:
        import urllib.request

        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/bench/bare/", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        self.stop()
        raise SystemExit("the server did not start")

    def cpu_seconds(self) -> float:
        return cpu_seconds([self.process.pid])

    def stop(self) -> None:
        try:
            os.killpg(self.process.pid, 15)
            self.process.wait(timeout=20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(self.process.pid, 9)


def cpu_seconds(leaders: list[int]) -> float:
    """CPU time used so far by these processes and their children (a master and its workers)."""
    total = 0
    for leader in leaders:
        children = subprocess.run(
            ["pgrep", "-P", str(leader)], capture_output=True, text=True
        ).stdout.split()
        for pid in [leader, *map(int, children)]:
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except FileNotFoundError:
                continue
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / CLOCK_TICKS


@dataclass
class Through:
    """One way into the stack: its address, and the processes whose CPU time a request costs."""

    url: str
    leaders: list[int]

    def cpu_seconds(self) -> float:
        return cpu_seconds(self.leaders)


def start_stack(env: dict[str, str], workers: int):
    """nginx in front of gunicorn, as `make serve` starts them (deploy/serve.py)."""
    sys.path.insert(0, str(ROOT))
    from deploy.serve import Stack

    values = json.loads(manage(env, "shell", "--no-imports", "-c", _NGINX_VALUES).splitlines()[-1])
    stack = Stack(
        Path(tempfile.mkdtemp(prefix="bench-serve-")),
        listen=f"{HOST}:{free_port()}",
        upstream=f"{HOST}:{free_port()}",
        workers=workers,
        env=env,
        python=PYTHON,
        **values,
    )
    stack.wait_until_up("/bench/bare/")
    return stack


_NGINX_VALUES = """
import json
from deploy.serve import django_values
print(json.dumps(django_values()))
"""


def admin_cookie(server: Server) -> str:
    import requests

    session = requests.Session()
    login = server.url + "/admin/login/"
    session.get(login, timeout=10)
    answer = session.post(
        login,
        data={
            "username": ADMIN[0],
            "password": ADMIN[1],
            "csrfmiddlewaretoken": session.cookies["csrftoken"],
            "next": "/admin/",
        },
        headers={"Referer": login},
        timeout=10,
    )
    if "sessionid" not in session.cookies:
        raise SystemExit(f"could not log in to the admin ({answer.status_code})")
    return f"sessionid={session.cookies['sessionid']}"


def run_wrk(
    server: Server | Through,
    name: str,
    paths: list[str],
    *,
    seconds: int,
    connections: int,
    cookie: str = "",
    quiet: bool = False,
) -> Row:
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as listing:
        listing.write("\n".join(paths) + "\n")
    env = {**os.environ, "WRK_PATHS": listing.name, "WRK_COOKIE": cookie}
    threads = min(2, connections)
    before = server.cpu_seconds()
    run = subprocess.run(
        [
            "wrk",
            f"-t{threads}",
            f"-c{connections}",
            f"-d{seconds}s",
            "--timeout",
            "10s",
            "-s",
            str(BENCH / "wrk_report.lua"),
            server.url + paths[0],
        ],
        env=env,
        capture_output=True,
        text=True,
    )
    used = server.cpu_seconds() - before
    os.unlink(listing.name)
    lines = [line for line in run.stdout.splitlines() if line.startswith("{")]
    if run.returncode != 0 or not lines:
        raise SystemExit(f"wrk failed on {name}:\n{run.stdout}\n{run.stderr}")
    figures = json.loads(lines[-1])
    requests = max(figures["requests"], 1)
    row = Row(
        name=name,
        requests_per_second=figures["requests"] / figures["seconds"],
        p50_ms=figures["p50_ms"],
        p95_ms=figures["p95_ms"],
        p99_ms=figures["p99_ms"],
        cpu_ms_per_request=1000 * used / requests,
        errors=figures["non_2xx"] + figures["socket_errors"],
    )
    if quiet:
        return row
    print(
        f"  {name:<28} {row.requests_per_second:8.0f} req/s  p50 {row.p50_ms:7.1f}  "
        f"p95 {row.p95_ms:7.1f}  p99 {row.p99_ms:7.1f} ms  cpu {row.cpu_ms_per_request:6.2f} "
        f"ms/req  errors {row.errors}",
        flush=True,
    )
    return row


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def table(rows: list[Row], bare: float) -> str:
    lines = [
        "| endpoint | req/s | p50 ms | p95 ms | p99 ms | server CPU ms/req | vs bare | errors |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        row.ratio_to_bare = row.requests_per_second / bare if bare else 0.0
        lines.append(
            f"| {row.name} | {row.requests_per_second:,.0f} | {row.p50_ms:.1f} | "
            f"{row.p95_ms:.1f} | {row.p99_ms:.1f} | {row.cpu_ms_per_request:.2f} | "
            f"{row.ratio_to_bare:.0%} | {row.errors} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=int, default=10, help="per endpoint")
    parser.add_argument("--connections", type=int, default=2, help="one per worker by default")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    if shutil.which("wrk") is None:
        raise SystemExit("wrk is missing: apt-get install wrk (make bench does)")
    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE)
    if database.startswith("postgres"):
        ensure_postgres_database(database)
    cache_url = os.environ.get("BENCH_CACHE_URL") or (
        "redis://127.0.0.1:6379/7" if redis_answers() else "db://factcheck_cache"
    )
    cached_env = environment(database, cache_seconds=300, cache_url=cache_url)
    cold_env = environment(database, cache_seconds=0, cache_url=cache_url)
    began = time.perf_counter()
    data = prepare(cached_env, args.claims)
    slugs: list[str] = data["slugs"]  # type: ignore[assignment]
    engine = "PostgreSQL" if database.startswith("postgres") else "SQLite"
    print(
        f"{data['claims']:,} published claims on {engine}; nginx and gunicorn, {args.workers} "
        "workers; "
        f"wrk, {args.connections} connections, {args.seconds} s per endpoint; cache {cache_url}",
        flush=True,
    )
    run = {"seconds": args.seconds, "connections": args.connections}
    rows: list[Row] = []
    if cache_url.startswith("redis"):
        import redis

        redis.Redis.from_url(cache_url).flushdb()

    stack = start_stack(cached_env, args.workers)
    gunicorn = Through(stack.upstream_url, [stack.gunicorn.pid])
    nginx = Through(stack.url, [stack.gunicorn.pid, stack.nginx.pid])
    try:
        bare = run_wrk(gunicorn, "bare Django view", ["/bench/bare/"], **run)
        rows.append(bare)
        for name, path in [
            ("claims list", "/claims/"),
            ("claim page", f"/claims/{slugs[0]}/"),
            ("API claims list", "/api/v1/claims/?page_size=50"),
        ]:
            # Fill the caches, and warm both workers: a worker's first page (imports,
            # templates, its database connection) takes most of a second, which wrk would count.
            run_wrk(gunicorn, name, [path], seconds=2, connections=args.connections, quiet=True)
            rows.append(run_wrk(nginx, f"{name}, cached (nginx)", [path], **run))
            rows.append(run_wrk(gunicorn, f"{name}, cached (Django)", [path], **run))
    finally:
        stack.stop()

    server = Server(cold_env, free_port(), args.workers)
    try:
        bare_again = run_wrk(server, "bare Django view (2nd)", ["/bench/bare/"], **run)
        rows.append(bare_again)
        searches = [quote(term) for term in SEARCHES]
        for name, paths in [
            ("claims list, cold", [f"/claims/?page={n}" for n in range(1, 11)]),
            ("claim page, cold", [f"/claims/{slug}/" for slug in slugs]),
            ("API claims list, cold", ["/api/v1/claims/?page_size=50"]),
            ("search page, cold", [f"/claims/?q={term}" for term in searches]),
            ("API search, cold", [f"/api/v1/claims/?page_size=50&q={t}" for t in searches]),
        ]:
            rows.append(run_wrk(server, name, paths, **run))
        cookie = admin_cookie(server)
        rows.append(
            run_wrk(
                server,
                "admin claim changelist",
                ["/admin/claims/claim/", "/admin/claims/claim/?status__exact=published"],
                seconds=args.seconds,
                connections=1,
                cookie=cookie,
            )
        )
    finally:
        server.stop()

    bare_rate = (bare.requests_per_second + bare_again.requests_per_second) / 2
    summary = table(rows, bare_rate)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    header = (
        f"{data['claims']:,} published claims on {engine}, gunicorn with {args.workers} sync "
        f"workers (nginx in front for the rows that say so), wrk with {args.connections} "
        f"connections for {args.seconds} s per endpoint, on {os.cpu_count()} cores ({stamp}); "
        f"'vs bare' is throughput against the bare view's mean in this run (through gunicorn)."
    )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / f"load-{stamp}.json").write_text(
        json.dumps(
            {"header": header, "cache": cache_url, "rows": [asdict(r) for r in rows]}, indent=2
        )
    )
    (RESULTS / "load-latest.md").write_text(header + "\n\n" + summary + "\n")
    print("\n" + header + "\n\n" + summary)
    print(f"\n(total {time.perf_counter() - began:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
