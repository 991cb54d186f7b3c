"""Security headers on every kind of response, and brute-force protection of the login."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from claims.enums import ClaimStatus
from tests.factories import ClaimFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def urls(demo_desk, settings) -> list[str]:
    settings.DEBUG = False  # demo_desk turns it on; production answers are what count here
    return [
        reverse("claims:home"),
        reverse("claims:list"),
        reverse("claims:detail", args=["nato-admitted-montenegro-north-macedonia-and-albania"]),
        reverse("claims:rating_styles"),
        "/admin/login/",
        "/no-such-page/",
    ]


def test_every_response_carries_the_security_headers(client, urls):
    for url in urls:
        response = client.get(url)
        policy = response["Content-Security-Policy"]
        directives = dict(part.split(" ", 1) for part in policy.split("; "))
        assert directives["script-src"] == "'self'", url  # no inline script, no eval
        # 'self', plus a nonce only on admin pages that mark a <style> block with it.
        assert directives["style-src"].split(" ")[0] == "'self'", url
        assert "unsafe" not in policy, url
        assert directives["object-src"] == "'none'", url
        assert directives["frame-ancestors"] == "'none'", url
        assert response["X-Content-Type-Options"] == "nosniff", url
        assert response["Referrer-Policy"] == "strict-origin-when-cross-origin", url
        assert response["X-Frame-Options"] == "DENY", url


def test_hsts_is_sent_over_https_with_production_values(client, settings, urls):
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True

    response = client.get(urls[0], secure=True)

    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"


# --- brute force ------------------------------------------------------------------------------


def log_in(client, username: str, password: str, address: str):
    return client.post(
        "/admin/login/?next=/admin/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


@pytest.fixture
def editor_account(db):
    user = UserFactory(username="edna", is_staff=True)
    user.set_password("the-right-password")
    user.save()
    return user


def test_a_wrong_password_is_refused_with_the_usual_form_error(client, editor_account):
    response = log_in(client, "edna", "wrong", "203.0.113.7")

    assert response.status_code == 200
    assert "Please enter the correct username and password" in response.content.decode()


def test_repeated_failures_lock_that_username_from_that_address(client, settings, editor_account):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "edna", "guess", "203.0.113.7")

    locked = log_in(client, "edna", "the-right-password", "203.0.113.7")

    assert locked.status_code == 429
    assert "Too many failed logins" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_real_user_can_still_log_in_from_elsewhere(client, settings, editor_account):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "edna", "guess", "203.0.113.7")

    from_the_newsroom = log_in(client, "edna", "the-right-password", "198.51.100.20")

    assert from_the_newsroom.status_code == 302
    assert from_the_newsroom["Location"] == "/admin/"


def test_an_attacker_locked_on_one_user_does_not_lock_others(client, settings, editor_account):
    other = UserFactory(username="rita", is_staff=True)
    other.set_password("ritas-password")
    other.save()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        log_in(client, "edna", "guess", "203.0.113.7")

    assert log_in(client, "rita", "ritas-password", "203.0.113.7").status_code == 302


def test_fewer_failures_than_the_limit_do_not_lock(client, settings, editor_account):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        log_in(client, "edna", "guess", "203.0.113.7")

    assert log_in(client, "edna", "the-right-password", "203.0.113.7").status_code == 302


@pytest.mark.parametrize(
    "page", ["claims:speaker", "claims:source", "api:speaker-detail", "api:source-detail"]
)
def test_a_speaker_or_source_with_nothing_published_is_as_absent_as_one_that_does_not_exist(
    client, page, django_assert_num_queries
):
    # Answering faster for one that does not exist would tell outsiders what the desk holds.
    draft = ClaimFactory(status=ClaimStatus.RESEARCHING)
    statement = draft.statement
    present, absent = {
        "speaker": (statement.speaker.slug, "nobody-at-all"),
        "source": (statement.source_id, statement.source_id + 1000),
    }[page.removeprefix("claims:").removeprefix("api:").removesuffix("-detail")]

    with django_assert_num_queries(1):
        unpublished = client.get(reverse(page, args=[present]))
    with django_assert_num_queries(1):
        missing = client.get(reverse(page, args=[absent]))

    assert unpublished.status_code == missing.status_code == 404
    assert unpublished.content == missing.content


class InlineCode(HTMLParser):
    """What a page carries inline that a policy without 'unsafe-inline' refuses: style
    attributes, event handler attributes, and <script>/<style> blocks without the nonce."""

    def __init__(self, nonce: str) -> None:
        super().__init__()
        self.nonce, self.found = nonce, []

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        self.found += [f"<{tag} {name}>" for name in names if name == "style" or name[:2] == "on"]
        if tag in ("script", "style") and "src" not in names and names.get("nonce") != self.nonce:
            self.found.append(f"<{tag}> without the nonce")


def test_a_claims_history_page_has_nothing_inline_the_policy_refuses(client, publish, superuser):
    claim = publish()
    claim.notes = "Asked the ministry for the figures."
    claim.save()
    client.force_login(superuser)

    page = client.get(f"/admin/claims/claim/{claim.pk}/history/")
    policy = page["Content-Security-Policy"]
    nonce = policy.split("'nonce-", 1)[1].split("'", 1)[0] if "'nonce-" in policy else ""
    parser = InlineCode(nonce)
    parser.feed(page.content.decode())

    assert page.status_code == 200 and 'id="change-history"' in page.content.decode()
    assert parser.found == []
    assert "claims/history.css" in page.content.decode()


def test_login_lock_outs_count_the_address_the_trusted_proxy_saw(rf, settings):
    from axes.helpers import get_client_ip_address

    request = rf.get("/admin/login/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.9")
    assert get_client_ip_address(request) == "127.0.0.1"

    settings.REST_FRAMEWORK = {**settings.REST_FRAMEWORK, "NUM_PROXIES": 1}
    assert get_client_ip_address(request) == "192.0.2.9"
