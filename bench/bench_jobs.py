"""Benchmark of the URL import through the background worker: how long the admin takes to
answer the import, how long until the job is done, and the worker's memory. Prints its figures,
asserts nothing.

    .venv/bin/python bench/bench_jobs.py              # 20 imports of a small page
    .venv/bin/python bench/bench_jobs.py 50           # another count

Migrates a fresh SQLite database in a temporary folder (whatever DATABASE_URL says is replaced),
serves generated article pages on a loopback port, and starts `manage.py runserver --noreload`
and `manage.py worker` on that database, as `make run` does. Then, logged in as an editor, it
posts the admin's URL import form for each page and times the answer (a redirect to the job's
page), and polls the job's page until it says done. Last, one big page (a 1.9 MB page of short
paragraphs, the slowest kind to extract) shows that the answer does not wait for the
extraction. The worker's resident memory is read from /proc (VmRSS, and VmHWM for the peak).
"""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
COUNT = int(sys.argv[1]) if len(sys.argv) > 1 else 20
PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<meta property="og:site_name" content="Bench News"></head><body><article><h1>{title}</h1>
{body}</article></body></html>"""


def small_page(n: int) -> bytes:
    body = "\n".join(
        f"<p>The minister said on day {n} that the budget for item {i} had risen by {n + i} "
        f"percent since the last election, and officials disputed the figure.</p>"
        for i in range(8)
    )
    return PAGE.format(title=f"Budget story {n}", body=body).encode()


def big_page() -> bytes:
    # Short paragraphs in their tens of thousands (within the import's bounds on elements):
    # trafilatura's costliest kind of page.
    body, size, i = [], 0, 0
    while size < 1_900_000:
        body.append(f"<p>Line {i}: the council voted on item {i} and the motion was carried.</p>")
        size += len(body[-1])
        i += 1
    return PAGE.format(title="The long minutes", body="\n".join(body)).encode()


def serve(pages: dict[str, bytes]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path, b"")
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def memory(pid: int) -> tuple[int, int]:
    """(VmRSS, VmHWM) of a process, in MB."""
    status = Path(f"/proc/{pid}/status").read_text()
    values = {k: int(v.split()[0]) for k, v in re.findall(r"^(VmRSS|VmHWM):\s+(.+)$", status, re.M)}
    return values["VmRSS"] // 1024, values["VmHWM"] // 1024


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="bench-jobs-") as tmp:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{Path(tmp) / 'bench.sqlite3'}",
            "FACTCHECK_FETCH_PRIVATE_ADDRESSES": "1",  # the pages are on loopback
            "FACTCHECK_TASKS_BACKEND": "database",
        }
        manage = [sys.executable, "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
        create = (
            "from tests.factories import UserFactory; from claims.enums import Role; "
            "UserFactory(username='bench', password='bench-password', roles=[Role.EDITOR])"
        )
        subprocess.run([*manage, "shell", "-c", create], cwd=ROOT, env=env, check=True)

        pages = {f"/story/{n}": small_page(n) for n in range(COUNT)}
        pages["/story/warm-up"] = small_page(COUNT)
        pages["/big"] = big_page()
        site = serve(pages)
        base_site = f"http://127.0.0.1:{site.server_address[1]}"
        port = free_port()
        web = subprocess.Popen(
            [*manage, "runserver", "--noreload", f"127.0.0.1:{port}"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        worker = subprocess.Popen(
            [*manage, "worker", "--no-startup-delay", "--interval", "0.2"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            run(f"http://127.0.0.1:{port}", base_site, worker.pid)
        finally:
            for process in (web, worker):
                process.send_signal(signal.SIGTERM)
                process.wait(timeout=30)
            site.shutdown()


def run(base: str, site: str, worker_pid: int) -> None:
    session = requests.Session()
    for _ in range(100):
        try:
            login = session.get(f"{base}/admin/login/", timeout=2)
            break
        except requests.ConnectionError:
            time.sleep(0.2)
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    session.post(
        f"{base}/admin/login/",
        data={"username": "bench", "password": "bench-password", "csrfmiddlewaretoken": token},
        headers={"Referer": f"{base}/admin/login/"},
    )
    time.sleep(1.5)  # the worker's start-up
    idle_rss, _ = memory(worker_pid)

    def submit(url: str) -> tuple[float, str]:
        started = time.perf_counter()
        form = session.get(f"{base}/admin/claims/source/import/")
        form_times.append((time.perf_counter() - started) * 1000)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        data = {"csrfmiddlewaretoken": token, "url": url, "kind": "article"}
        started = time.perf_counter()
        answer = session.post(
            f"{base}/admin/claims/source/import/", data=data, allow_redirects=False,
            headers={"Referer": f"{base}/admin/claims/source/import/"},
        )  # fmt: skip
        elapsed = time.perf_counter() - started
        if answer.status_code != 302 or "/import/" not in answer.headers["Location"]:
            sys.exit(f"the import did not answer with the job's page: {answer.status_code}")
        return elapsed, base + answer.headers["Location"]

    def until_done(job_page: str, started: float) -> float:
        while True:
            status = re.search(r'data-status="(\w+)"', session.get(job_page).text).group(1)
            if status in ("SUCCESSFUL", "FAILED"):
                if status == "FAILED":
                    print(f"  a job failed: {job_page}")
                return time.perf_counter() - started
            time.sleep(0.05)

    form_times: list[float] = []
    # The first import after start-up loads what the later ones find ready: timed apart.
    first_answer, job_page = submit(f"{site}/story/warm-up")
    until_done(job_page, time.perf_counter())
    answers, done = [], []
    form_times.clear()
    for n in range(COUNT):
        started = time.perf_counter()
        elapsed, job_page = submit(f"{site}/story/{n}")
        answers.append(elapsed * 1000)
        done.append(until_done(job_page, started) * 1000)
    busy_rss, _ = memory(worker_pid)
    load = os.getloadavg()[0]

    started = time.perf_counter()
    big_answer, job_page = submit(f"{site}/big")
    big_done = until_done(job_page, started)
    after_rss, peak = memory(worker_pid)

    print(f"  the first import after start-up answered in {first_answer * 1000:.0f} ms")
    print("  then, in ms, in order:", " ".join(f"{a:.0f}" for a in answers))
    answers.sort()
    print(
        f"URL import in the admin, {COUNT} pages of 8 paragraphs, one worker (SQLite), "
        f"load average {load:.1f} on {os.cpu_count()} cores:"
    )
    print(
        f"  the admin's answer (enqueue, redirect): median {statistics.median(answers):.1f} ms, "
        f"slowest {answers[-1]:.1f} ms"
    )
    print(f"  until the job's page says done: median {statistics.median(done):.0f} ms")
    print(
        f"  for comparison, the import form's page (GET): median "
        f"{statistics.median(form_times):.1f} ms"
    )
    print(
        f"  a 1.9 MB page of short paragraphs: answered in {big_answer * 1000:.1f} ms, "
        f"imported after {big_done:.1f} s"
    )
    print(
        f"Worker memory (VmRSS): {idle_rss} MB idle, {busy_rss} MB after the small pages, "
        f"{after_rss} MB after the big page (peak VmHWM {peak} MB)"
    )


if __name__ == "__main__":
    main()
