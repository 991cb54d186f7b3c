"""The API's documentation works in a real browser with no network beyond the site itself:
Swagger UI comes from drf-spectacular-sidecar's static files, not a CDN."""

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def test_the_docs_page_renders_every_operation_without_leaving_the_site(page: Page, live_server):
    outside = []

    def only_the_site(route):
        if route.request.url.startswith(live_server.url):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_the_site)
    page.goto(f"{live_server.url}/api/docs/")

    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Fact-check desk API")
    for path in ["/api/v1/claims/", "/api/v1/claims:search", "/api/v1/claimreview/"]:
        expect(page.locator(f'.opblock-summary-path[data-path="{path}"]')).to_be_visible()
    assert outside == []
