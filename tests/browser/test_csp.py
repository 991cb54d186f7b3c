"""The strict Content Security Policy breaks nothing: the public pages, the admin (workspace
included) and the API docs load in chromium without a single violation."""

import pytest
from playwright.sync_api import Page

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SEED_CLAIM = "/claims/nato-admitted-montenegro-north-macedonia-and-albania/"


def visit_all(page: Page, base: str, paths: list[str]) -> list[str]:
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    for path in paths:
        response = page.goto(base + path)
        assert response.status == 200, path
        page.wait_for_load_state("networkidle")
    return violations


def test_public_pages_and_api_docs_load_without_a_violation(page: Page, live_server, demo_desk):
    paths = ["/", "/claims/", SEED_CLAIM, "/corrections/", "/methodology/", "/api/docs/"]

    assert visit_all(page, live_server.url, paths) == []


def test_the_admin_loads_without_a_violation(page: Page, live_server, demo_desk):
    page.goto(live_server.url + "/admin/login/")
    page.fill("#id_username", "admin")
    page.fill("#id_password", "admin-demo")
    page.click("input[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")
    from claims.models import Claim, Source

    claim = Claim.objects.get(slug=SEED_CLAIM.split("/")[2])
    source = Source.objects.order_by("pk").first()
    paths = [
        "/admin/",
        "/admin/claims/claim/",
        f"/admin/claims/claim/{claim.pk}/change/",
        "/admin/claims/claim/queues/",
        f"/admin/claims/source/{source.pk}/change/",
        f"/admin/claims/source/{source.pk}/workspace/",
        "/admin/claims/rating/",
    ]

    assert visit_all(page, live_server.url, paths) == []
