"""The production stack on one machine: gunicorn on a loopback port, nginx in front of it, and
a worker for the background jobs.

    python deploy/serve.py --listen 127.0.0.1:8000 --upstream 127.0.0.1:8001 --workers 2

`make serve` runs it after migrating and collecting the static files. It renders
deploy/nginx.conf into <run>/nginx.conf (default .serve/) with values from the Django settings
(static files, session cookie name, API throttle rate, the X-Page-Cache choice), starts gunicorn,
nginx and `--job-workers` job workers (`manage.py worker`, one by default), each in its own
process group, and stops them all when any stops or on Ctrl-C (SIGINT or SIGTERM; a job worker
ends the job it is running first). nginx runs in the foreground with <run>/ as its prefix, where
its pid, temporary files, logs and cache go, never the system's /etc/nginx configuration.

bench/bench_load.py starts the same stack through `Stack`.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# What the stack tells Django, unless the environment says otherwise (another proxy in front of
# nginx), about the proxy in front of it (factcheck/settings.py, factcheck/production.py): nginx
# appends the client's address to X-Forwarded-For and says the scheme in X-Forwarded-Proto.
BEHIND_NGINX = {"FACTCHECK_TRUSTED_PROXIES": "1", "FACTCHECK_BEHIND_PROXY": "1"}
SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def nginx_binary() -> str | None:
    return shutil.which("nginx", path=f"{os.environ.get('PATH', '')}:/usr/sbin:/usr/local/sbin")


def django_values() -> dict[str, str]:
    """What nginx.conf takes from the Django settings (DJANGO_SETTINGS_MODULE)."""
    import django

    sys.path.insert(0, str(ROOT))
    django.setup()
    from django.conf import settings

    rate = settings.REST_FRAMEWORK.get("DEFAULT_THROTTLE_RATES", {}).get("anon") or "600/minute"
    return {
        "static_url": "/" + settings.STATIC_URL.strip("/") + "/",
        "static_root": str(settings.STATIC_ROOT),
        "session_cookie": settings.SESSION_COOKIE_NAME,
        "api_rate": rate,
        "cache_status": "1" if settings.FACTCHECK_PAGE_CACHE_HEADER else "",
        "max_body": str(max(settings.DATA_UPLOAD_MAX_MEMORY_SIZE, 10 * 1024 * 1024)),
    }


def render(
    run: Path,
    *,
    listen: str,
    upstream: str,
    static_url: str,
    static_root: str,
    session_cookie: str = "sessionid",
    api_rate: str = "600/minute",
    search_rate: str = "60r/m",
    cache_status: str = "",
    max_body: str = str(10 * 1024 * 1024),
    access_log: bool = False,
) -> Path:
    """Write <run>/nginx.conf, for nginx started with `-p <run>`. Started as root, nginx's
    workers run as www-data, which nginx makes the owner of the temporary files and the cache:
    <run> and the folders above it must let it in."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+", session_cookie):
        raise SystemExit(f"SESSION_COOKIE_NAME {session_cookie!r} cannot be named in nginx.conf")
    for folder in (run, run / "tmp"):  # nginx makes the folders in them, for its workers
        folder.mkdir(parents=True, exist_ok=True)
        folder.chmod(0o755)
    # DRF's "600/minute" (or /s, /h, /d) as nginx's requests a minute.
    count, period = api_rate.split("/")
    per_minute = max(1, round(int(count) * 60 / SECONDS[period.strip()[0]]))
    values = {
        "USER": "user www-data;"
        if os.geteuid() == 0
        else "# (workers run as whoever starts nginx)",
        "LISTEN": listen,
        "UPSTREAM": upstream,
        "STATIC_URL": static_url,
        "STATIC_ROOT": static_root.rstrip("/"),
        "SESSION_COOKIE": session_cookie,
        "API_RATE": f"{per_minute}r/m",
        # A tenth of a minute's allowance at once, for a client paging quickly.
        "API_BURST": str(max(10, per_minute // 10)),
        "SEARCH_RATE": search_rate,
        "MAX_BODY": max_body,
        "ACCESS_LOG": "access.log" if access_log else "off",
        # Off unless FACTCHECK_PAGE_CACHE_HEADER: like X-Page-Cache, it tells outsiders when
        # pages were last made.
        "CACHE_STATUS_HEADER": "add_header X-Cache-Status $upstream_cache_status always;"
        if cache_status
        else "# (X-Cache-Status: off, as FACTCHECK_PAGE_CACHE_HEADER)",
    }
    template = (ROOT / "deploy" / "nginx.conf").read_text()
    target = run / "nginx.conf"
    target.write_text(re.sub(r"@([A-Z_]+)@", lambda m: values[m[1]], template))
    return target


def start_gunicorn(
    bind: str, *, workers: int, env: dict[str, str], python: str = sys.executable
) -> subprocess.Popen:
    """gunicorn serving the project on `bind`, in its own process group (so that stopping it
    stops its workers too)."""
    gunicorn = str(Path(python).with_name("gunicorn"))
    command = [gunicorn, "factcheck.wsgi", "--workers", str(workers), "--bind", bind]
    command += ["--log-level", "warning"]
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)


def start_job_worker(*, env: dict[str, str], python: str = sys.executable) -> subprocess.Popen:
    """A worker for the background jobs (`manage.py worker`), in its own process group."""
    command = [python, str(ROOT / "manage.py"), "worker"]
    return subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)


class Stack:
    """gunicorn, nginx and the job workers, started together and stopped together."""

    def __init__(
        self,
        run: Path,
        *,
        listen: str,
        upstream: str,
        workers: int = 2,
        job_workers: int = 0,
        env: dict[str, str] | None = None,
        python: str = sys.executable,
        **render_options: str,
    ) -> None:
        nginx = nginx_binary()
        if nginx is None:
            raise SystemExit("nginx is missing: apt-get install nginx (make serve does as root)")
        self.run = run.resolve()
        self.url, self.upstream_url = f"http://{listen}", f"http://{upstream}"
        config = render(self.run, listen=listen, upstream=upstream, **render_options)
        env = {**BEHIND_NGINX, **(env or os.environ)}
        self.gunicorn = start_gunicorn(upstream, workers=workers, env=env, python=python)
        self.nginx = subprocess.Popen(
            [nginx, "-p", str(self.run), "-c", str(config), "-g", "daemon off;"],
            cwd=ROOT,
            start_new_session=True,
        )
        self.processes = {"gunicorn": self.gunicorn, "nginx": self.nginx}
        for n in range(1, job_workers + 1):
            self.processes[f"job worker {n}"] = start_job_worker(env=env, python=python)

    def stopped(self) -> str | None:
        """Which process has stopped, if any has."""
        return next((name for name, p in self.processes.items() if p.poll() is not None), None)

    def wait_until_up(self, path: str = "/", timeout: float = 60) -> None:
        """Until nginx answers `path` from gunicorn with anything but a gateway error."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and not self.stopped():
            try:
                urllib.request.urlopen(self.url + path, timeout=2).close()
                return
            except urllib.error.HTTPError as error:
                if error.code not in (502, 503, 504):
                    return
            except OSError:
                pass
            time.sleep(0.2)
        self.stop()
        raise SystemExit(f"the stack did not start (see the output above and {self.run}/error.log)")

    def stop(self) -> None:
        for process in self.processes.values():
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in self.processes.values():
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--listen", default="127.0.0.1:8000", help="nginx's address")
    parser.add_argument("--upstream", default="127.0.0.1:8001", help="gunicorn's address")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn's")
    parser.add_argument("--job-workers", type=int, default=1, help="for background jobs")
    parser.add_argument("--run", type=Path, default=ROOT / ".serve")
    parser.add_argument("--search-rate", default="60r/m", help="per address, nginx's syntax")
    args = parser.parse_args(argv)  # each option is one of Stack's
    stack = Stack(**vars(args), access_log=True, **django_values())
    # Both, explicitly: a shell that starts this in the background leaves SIGINT ignored.
    for signum in (signal.SIGINT, signal.SIGTERM):
        signal.signal(signum, signal.default_int_handler)
    print(
        f"nginx on http://{args.listen}, gunicorn on {args.upstream}, "
        f"{args.job_workers} job worker(s); Ctrl-C stops them all"
    )
    try:
        while not (stopped := stack.stopped()):
            time.sleep(0.5)
    except KeyboardInterrupt:
        return 0
    finally:
        stack.stop()
    print(f"{stopped} stopped (see its output above, or {args.run}/error.log); stopped the rest")
    return 1


if __name__ == "__main__":
    sys.exit(main())
