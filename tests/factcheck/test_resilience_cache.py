"""The shared cache is best-effort: with Redis refusing connections, or accepting them and never
answering, readers still get every page, feed and API answer (made afresh), the desk still
publishes, and the failure is logged without a line per request."""

import logging
import socket
import threading

import pytest
from django.urls import reverse

from claims import services
from claims.enums import ClaimStatus, Transition
from claims.public import cache as public_cache
from factcheck.cache import cache_from_url
from tests.factories import ClaimFactory, EvidenceFactory, ReviewFactory, default_rating

pytestmark = pytest.mark.django_db

API = "/api/v1"
# Shorter than production's default, for a quicker test; the same option either way.
SOCKET_TIMEOUT = 0.05


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class SilentServer:
    """A loopback TCP server that accepts connections and never answers: a Redis that hangs."""

    def __init__(self) -> None:
        self.listener = socket.create_server(("127.0.0.1", 0))
        # accept() wakes up now and then to see whether the test is over.
        self.listener.settimeout(0.05)
        self.port = self.listener.getsockname()[1]
        self.accepted: list[socket.socket] = []
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    def serve(self) -> None:
        while not self.stopping.is_set():
            try:
                connection, _ = self.listener.accept()
            except TimeoutError:
                continue
            self.accepted.append(connection)

    def close(self) -> None:
        self.stopping.set()
        self.thread.join()
        self.listener.close()
        for connection in self.accepted:
            connection.close()


@pytest.fixture(params=["refused", "silent"])
def cache_down(request, settings):
    """Call it to point the default cache at a Redis that is down, the way production settings
    configure it (data made before that is cached and invalidated as usual)."""
    if request.param == "refused":
        url, server = f"redis://127.0.0.1:{free_port()}/0", None
    else:
        server = SilentServer()
        url = f"redis://127.0.0.1:{server.port}/0"

    def go_down() -> None:
        settings.CACHES = {"default": cache_from_url(url, socket_timeout=SOCKET_TIMEOUT)}

    yield go_down
    if server is not None:
        server.close()
        assert server.accepted, "the cache never reached the silent server"


@pytest.fixture(autouse=True)
def fresh_failure_log(monkeypatch):
    # Failures are logged once in a while per process: each test starts with none logged yet.
    monkeypatch.setattr(public_cache, "_failures_logged_at", {}, raising=False)


@pytest.fixture
def in_review(fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    EvidenceFactory(claim=claim)
    ReviewFactory(claim=claim, author=fact_checker, rating=default_rating("false"))
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    claim.refresh_from_db()
    return claim


def public_addresses(claim) -> list[str]:
    statement = claim.statement
    return [
        reverse("claims:home"),
        reverse("claims:list"),
        reverse("claims:list") + "?q=minister",
        reverse("claims:detail", args=[claim.slug]),
        reverse("claims:speaker", args=[statement.speaker.slug]),
        reverse("claims:source", args=[statement.source_id]),
        reverse("claims:corrections"),
        reverse("claims:methodology"),
        reverse("claims:rating_styles"),
        reverse("claims:feed_verdicts"),
        reverse("claims:feed_corrections_atom"),
        reverse("sitemap"),
        f"{API}/claims/",
        f"{API}/claims/{claim.slug}/",
        f"{API}/speakers/",
        f"{API}/claimreview/",
    ]


def test_readers_get_every_page_feed_and_api_answer_while_the_cache_is_down(
    client, publish, cache_down
):
    claim = publish()
    urls = public_addresses(claim)
    cache_down()

    answers = {url: [client.get(url) for _ in range(2)] for url in urls}

    assert {url: [a.status_code for a in pair] for url, pair in answers.items()} == {
        url: [200, 200] for url in urls
    }
    assert claim.text in answers[reverse("claims:list")][1].content.decode()


def test_the_desk_publishes_while_the_cache_is_down(
    client, in_review, reviewer, editor, cache_down, caplog, django_capture_on_commit_callbacks
):
    cache_down()

    with django_capture_on_commit_callbacks(execute=True):
        services.review_approve(review=in_review.reviews.get(), by=reviewer)
        services.claim_transition(claim=in_review, transition=Transition.PUBLISH, by=editor)

    in_review.refresh_from_db()
    assert in_review.status == ClaimStatus.PUBLISHED
    assert client.get(reverse("claims:detail", args=[in_review.slug])).status_code == 200
    assert any(
        record.name == "claims.cache" and record.levelno >= logging.ERROR
        for record in caplog.records
    )


def test_the_failure_is_logged_but_not_once_a_request(client, publish, cache_down, caplog):
    publish()
    cache_down()

    for _ in range(5):
        assert client.get(reverse("claims:corrections")).status_code == 200

    logged = [record for record in caplog.records if record.name == "claims.cache"]
    assert len(logged) == 1 and logged[0].levelno == logging.WARNING


def test_the_api_throttle_fails_open_unless_told_to_fail_closed(client, cache_down, settings):
    cache_down()

    assert client.get(f"{API}/ratings/").status_code == 200

    settings.FACTCHECK_THROTTLE_FAIL_OPEN = False
    refused = client.get(f"{API}/ratings/")
    assert refused.status_code == 429 and int(refused["Retry-After"]) > 0
