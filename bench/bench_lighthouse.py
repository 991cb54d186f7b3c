"""Lighthouse's accessibility and performance scores for each kind of public page, on a phone
(Lighthouse's mobile emulation, a slowed CPU and network) and a desktop, against a running site
(`make run`, or any address given).

    .venv/bin/python bench/bench_lighthouse.py [--base http://127.0.0.1:8000]

Lighthouse comes from the npm registry (`lighthouse` 12.2.3: 13 wants Node 22), installed
once into bench/.lighthouse/ when missing, and drives Debian's chromium (CHROMIUM, default
/usr/bin/chromium) with the flags that keep it off the network. Prints scores; asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

HERE = Path(__file__).parent
PREFIX = HERE / ".lighthouse"
LIGHTHOUSE = PREFIX / "node_modules" / ".bin" / "lighthouse"
VERSION = "12.2.3"
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run --disable-sync"
)


def install() -> None:
    if LIGHTHOUSE.exists():
        return
    PREFIX.mkdir(exist_ok=True)
    print(f"Installing lighthouse {VERSION} into {PREFIX} from npm", flush=True)
    subprocess.run(
        [
            "npm",
            "install",
            "--prefix",
            str(PREFIX),
            "--no-audit",
            "--no-fund",
            "-E",
            f"lighthouse@{VERSION}",
        ],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def read(url: str) -> str:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.read().decode()


def pages(base: str) -> dict[str, str]:
    """One address of each kind of public page, found by following the site's own links."""
    found = {"home": "/", "list": "/claims/", "methodology": "/methodology/"}
    found["corrections"] = "/corrections/"
    claim = re.search(r'href="(/claims/[^"/?]+/)"', read(base + "/claims/"))
    if claim:
        found["claim"] = claim.group(1)
        page = read(base + claim.group(1))
        for kind in ("speakers", "sources"):
            link = re.search(rf'href="(/{kind}/[^"]+/)"', page)
            if link:
                found[kind.rstrip("s")] = link.group(1)
    found["suggest"] = "/contact/suggest/"
    return found


def score(url: str, desktop: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "report.json"
        command = [
            str(LIGHTHOUSE),
            url,
            "--only-categories=accessibility,performance",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={out}",
            "--quiet",
        ]
        if desktop:
            command.append("--preset=desktop")
        env = {**os.environ, "CHROME_PATH": os.environ.get("CHROMIUM", "/usr/bin/chromium")}
        # Lighthouse now and then fails to record a trace (NO_NAVSTART); a second run passes.
        for _attempt in range(3):
            done = subprocess.run(command, env=env, timeout=300, stderr=subprocess.DEVNULL)
            if done.returncode == 0:
                break
        else:
            return {}
        report = json.loads(out.read_text())
    scores = {name: c["score"] for name, c in report["categories"].items()}
    audits = report["audits"]
    scores["lcp_ms"] = audits["largest-contentful-paint"]["numericValue"]
    scores["cls"] = audits["cumulative-layout-shift"]["numericValue"]
    return scores


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument(
        "--languages", nargs="+", default=["en", "uk", "fr"], help="English is unprefixed"
    )
    args = parser.parse_args()
    install()
    base = args.base.rstrip("/")
    print(f"{'page':<15} {'screen':<8} {'access.':>7} {'perf.':>6} {'LCP ms':>7} {'CLS':>6}")
    found = pages(base)
    for language in args.languages:
        prefix = "" if language == "en" else f"/{language}"
        for kind, path in found.items():
            name = f"{language} {kind}"
            for desktop in (False, True):
                s = score(base + prefix + path, desktop)
                if not s:
                    print(f"{name:<15} {'desktop' if desktop else 'phone':<8} lighthouse failed")
                    continue
                print(
                    f"{name:<15} {'desktop' if desktop else 'phone':<8} "
                    f"{s['accessibility'] * 100:>7.0f} {s['performance'] * 100:>6.0f} "
                    f"{s['lcp_ms']:>7.0f} {s['cls']:>6.3f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
