"""The anonymous throttle (claims/api/throttling.py) on the caches it runs with: the local-memory
cache of development and tests, the database cache and Redis of production. Time is set by the
tests; the counts live in the real cache."""

import threading
import uuid

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.test import RequestFactory
from rest_framework.request import Request

from claims.api import throttling
from claims.api.throttling import AnonymousRateThrottle, seconds_until_allowed
from tests.factcheck.test_cache import redis_answers

# The database cache needs the database; the other caches do not mind it.
pytestmark = pytest.mark.django_db

API = "/api/v1"
PERIOD_START = 1_800_000_000 - 1_800_000_000 % 60  # a minute's first second

BACKENDS = {
    "locmem": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "database": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "throttle_test_cache",
    },
    "redis": {
        # Django's, with a clear() that leaves the keys of tests running beside it alone.
        "BACKEND": "tests.factcheck.redis_for_tests.OwnKeysRedisCache",
        "LOCATION": "redis://127.0.0.1:6379/11",
    },
}


@pytest.fixture(params=BACKENDS)
def throttle_cache(request, settings):
    if request.param == "redis" and not redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {
        "default": {**BACKENDS[request.param], "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}
    }
    if request.param == "database":
        call_command("createcachetable", verbosity=0)
    yield request.param
    caches["default"].clear()


@pytest.fixture
def rate(settings):
    def set_rate(value: str) -> None:
        settings.REST_FRAMEWORK = {
            **settings.REST_FRAMEWORK,
            "DEFAULT_THROTTLE_RATES": {"anon": value},
        }

    return set_rate


@pytest.fixture
def clock(monkeypatch):
    now = [float(PERIOD_START)]
    monkeypatch.setattr(throttling.time, "time", lambda: now[0])
    return now


def request_from(address: str = "203.0.113.7") -> Request:
    return Request(RequestFactory().get("/api/v1/claims/", REMOTE_ADDR=address))


def ask(n: int, address: str = "203.0.113.7") -> list[bool]:
    """`n` requests from one address, each with a throttle of its own as DRF makes them."""
    return [AnonymousRateThrottle().allow_request(request_from(address), None) for _ in range(n)]


def test_the_limit_holds_within_a_period_and_each_address_has_its_own(throttle_cache, rate, clock):
    rate("10/minute")
    clock[0] += 50

    assert ask(11) == [True] * 10 + [False]
    assert ask(1, address="198.51.100.4") == [True]


def test_the_window_slides_into_the_next_period(throttle_cache, rate, clock):
    rate("10/minute")
    clock[0] += 50
    ask(10)

    # 6 s into the next minute, 90% of the last one still lies within the last 60 s: 9 of its
    # 10 requests count, so one more goes through.
    clock[0] = PERIOD_START + 60 + 6
    assert ask(3) == [True, False, False]

    # Half-way through, half of them count: 1 + 5, and refused requests were not counted.
    clock[0] = PERIOD_START + 60 + 30
    assert ask(5) == [True] * 4 + [False]


def test_a_refused_client_is_told_when_to_come_back(throttle_cache, rate, clock):
    rate("10/minute")
    clock[0] += 50
    ask(10)
    throttle = AnonymousRateThrottle()

    assert not throttle.allow_request(request_from(), None)
    # 10 s to the next minute; by then the limit is still reached by the previous minute alone
    # (weight 1), so the wait is just those 10 s and a moment for the weight to drop below it.
    assert throttle.wait() == 10

    clock[0] += 10
    assert ask(1) == [False]
    clock[0] += 1
    assert ask(1) == [True]


@pytest.mark.parametrize(
    ("current", "previous", "elapsed", "expected"),
    [
        (10, 0, 50, 10),  # this period is full: wait for the next one
        (20, 0, 0, 60 + 30),  # twice over (a raised limit's leftovers): half of the next period too
        (4, 10, 15, 9),  # 4 + 10 x (1 - (15 + 9) / 60) = 10
        (0, 10, 0, 0),  # the previous period alone, at its edge: at once
    ],
)
def test_seconds_until_allowed(current, previous, elapsed, expected):
    assert seconds_until_allowed(current, previous, 10, 60, elapsed) == pytest.approx(expected)


def test_concurrent_requests_never_exceed_the_limit_with_redis(rate, settings, clock):
    """Redis counts atomically, and a count over the limit is taken back: 8 threads asking 50
    times each, one address, a limit of 100, let exactly 100 through (DRF's read-then-write
    throttle let more)."""
    if not redis_answers():
        pytest.skip("no Redis on 127.0.0.1:6379")
    settings.CACHES = {"default": {**BACKENDS["redis"], "KEY_PREFIX": f"test-{uuid.uuid4().hex}"}}
    rate("100/minute")
    allowed = []

    def client() -> None:
        allowed.extend(ask(50))

    threads = [threading.Thread(target=client) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    caches["default"].clear()

    assert sum(allowed) == 100


def test_api_answers_count_once_each_whether_cached_or_not(client, throttle_cache, rate, clock):
    """A cached answer is counted before it is sent, a fresh one by DRF: each request once."""
    rate("4/minute")
    ratings, speakers = f"{API}/ratings/", f"{API}/speakers/"

    answers = [client.get(url) for url in (ratings, ratings, speakers, ratings, speakers)]

    assert [a.status_code for a in answers] == [200, 200, 200, 200, 429]
    assert [a.get("X-Page-Cache") for a in answers[:4]] == ["miss", "hit", "miss", "hit"]
    assert answers[1].content == answers[0].content
    assert answers[-1].json()["detail"] and int(answers[-1]["Retry-After"]) > 0


def test_a_cached_api_answer_still_answers_conditional_requests(client, throttle_cache, publish):
    publish()
    first = client.get(f"{API}/claims/")
    assert client.get(f"{API}/claims/")["X-Page-Cache"] == "hit"

    by_etag = client.get(f"{API}/claims/", headers={"if-none-match": first["ETag"]})
    by_date = client.get(f"{API}/claims/", headers={"if-modified-since": first["Last-Modified"]})
    plain = client.get(f"{API}/claims/")

    assert by_etag.status_code == by_date.status_code == 304
    assert by_etag["ETag"] == by_date["ETag"] == first["ETag"]
    assert plain.status_code == 200 and plain["X-Page-Cache"] == "hit"
    assert plain.content == first.content


def forwarded(address: str, forwarded_for: str) -> bool:
    request = Request(
        RequestFactory().get(
            "/api/v1/claims/", REMOTE_ADDR=address, HTTP_X_FORWARDED_FOR=forwarded_for
        )
    )
    return AnonymousRateThrottle().allow_request(request, None)


def test_a_forged_forwarded_for_neither_escapes_the_limit_nor_spends_another_clients(
    throttle_cache, rate, clock
):
    rate("3/minute")

    # A new made-up address on each request: still one client, the connection's.
    assert [forwarded("203.0.113.7", f"198.51.100.{n}") for n in range(4)] == [True] * 3 + [False]
    # Another client's address, named by someone else, leaves that client's quota alone.
    assert [forwarded("203.0.113.66", "192.0.2.1") for _ in range(3)] == [True] * 3
    assert ask(3, address="192.0.2.1") == [True] * 3


def test_behind_trusted_proxies_the_address_they_saw_is_the_client(
    throttle_cache, rate, clock, settings
):
    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    rate("2/minute")

    # The proxy appends the address it saw; whatever the client wrote before it is ignored.
    answers = [forwarded("10.0.0.2", f"198.51.100.{n}, 192.0.2.1") for n in range(3)]

    assert answers == [True, True, False]
    assert forwarded("10.0.0.2", "192.0.2.2") is True
