"""nginx in front (deploy/nginx.conf, rendered by deploy/serve.py), for real on loopback, before
a live server: anonymous answers are kept and served by nginx, a signed-in request never is, a
gzipped body reaches only a client that asked for gzip, and a too-fast client gets 429."""

import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from deploy.serve import nginx_binary, render

NGINX = nginx_binary()
pytestmark = [
    pytest.mark.skipif(
        NGINX is None, reason="nginx is not installed (apt-get install nginx; make serve does)"
    ),
    # The live server answers from another thread; the rating scales are migration data.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.slow,
]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def edge(live_server, settings):
    """The address of nginx in front of the live server, an API limit of 60 a minute."""
    settings.FACTCHECK_PAGE_CACHE_HEADER = True
    listen = f"127.0.0.1:{free_port()}"
    # Not pytest's tmp_path: run as root, nginx's workers must get into the folder.
    run = Path(tempfile.mkdtemp(prefix="edge-test-"))
    config = render(
        run,
        listen=listen,
        upstream=live_server.url.removeprefix("http://"),
        static_url="/static/",
        static_root=str(run / "static"),
        api_rate="60/minute",
        cache_status="1",
    )
    nginx = subprocess.Popen(
        [NGINX, "-p", str(run), "-c", str(config), "-g", "daemon off;"],
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(tuple(listen.split(":")), timeout=0.2).close()
            break
        except OSError:
            if nginx.poll() is not None or time.monotonic() > deadline:
                nginx.kill()
                pytest.fail(f"nginx did not start: {nginx.stderr.read().decode()}")
            time.sleep(0.05)
    yield f"http://{listen}"
    nginx.terminate()
    nginx.wait(timeout=10)
    shutil.rmtree(run, ignore_errors=True)


def get(url: str, **headers: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, dict(answer.headers), answer.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def test_nginx_keeps_anonymous_pages_and_never_a_signed_in_one(edge, publish):
    publish()
    listing = f"{edge}/claims/"

    first, second = get(listing), get(listing)

    assert first[0] == second[0] == 200
    assert first[1]["X-Cache-Status"] == "MISS" and second[1]["X-Cache-Status"] == "HIT"
    assert second[2] == first[2]
    # With a session cookie: never from nginx's cache, and never stored in it.
    corrections = f"{edge}/corrections/"
    signed_in = get(corrections, Cookie="sessionid=whatever")
    assert signed_in[0] == 200 and signed_in[1]["X-Cache-Status"] == "BYPASS"
    assert get(listing, Cookie="sessionid=whatever")[1]["X-Cache-Status"] == "BYPASS"
    assert get(corrections)[1]["X-Cache-Status"] == "MISS"


def test_a_gzipped_body_reaches_only_a_client_that_asked_for_it(edge, publish):
    publish()
    address = f"{edge}/api/v1/claims/"

    gzipped = get(address, **{"Accept-Encoding": "gzip"})
    plain = get(address)
    again = get(address, **{"Accept-Encoding": "gzip, deflate"})

    assert gzipped[1]["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain[1] and plain[2].startswith(b"{")
    assert again[1]["Content-Encoding"] == "gzip"


def test_a_too_fast_client_gets_429_from_nginx(edge):
    answers = [get(f"{edge}/api/v1/ratings/") for _ in range(30)]

    codes = [status for status, _, _ in answers]
    assert codes[0] == 200 and 429 in codes
    refused = next(a for a in answers if a[0] == 429)
    assert int(refused[1]["Retry-After"]) >= 1 and b"Too many requests" in refused[2]
