"""The desk in a real browser: a fact-checker finds an assignment on the home, asks the reviewer
about it in the claim's thread with an @mention, and the reviewer's header counts it."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from claims.discussion.models import Notification
from claims.enums import ClaimStatus
from tests.factories import ClaimFactory

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def log_in(page: Page, live_server, username: str) -> None:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-demo")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username, ignore_case=True)


def test_a_comment_with_a_mention_reaches_the_reviewers_header(
    page: Page, live_server, demo_desk, browser
):
    checker = get_user_model().objects.get(username="factchecker")
    # The demo's own workflow (seed_demo) has already told the reviewer of its sign-offs.
    earlier = Notification.objects.filter(recipient__username="reviewer", read_at=None).count()
    ClaimFactory(
        status=ClaimStatus.RESEARCHING, assignee=checker, text="Unemployment fell to 3.9% in May."
    )

    log_in(page, live_server, "factchecker")
    mine = page.locator("#home-mine")
    expect(mine).to_contain_text("Unemployment fell to 3.9% in May.")
    mine.get_by_role("link", name="Unemployment fell to 3.9% in May.").click()

    page.locator("#id_body").fill("@reviewer is the agency's table enough here?")
    page.get_by_role("button", name="Post the comment").click()
    expect(page.locator("#claim-thread")).to_contain_text("is the agency's table enough here?")
    expect(page.locator(".messagelist")).to_contain_text("Your comment is in the thread.")

    reviewer = browser.new_page()
    log_in(reviewer, live_server, "reviewer")
    count = reviewer.locator("#desk-notifications .desk-count")
    expect(count).to_have_text(str(earlier + 1))
    reviewer.locator("#desk-notifications").click()
    expect(reviewer.locator("#result_list")).to_contain_text("factchecker mentioned you")
    reviewer.get_by_role("link", name="factchecker mentioned you", exact=False).click()
    expect(reviewer.locator("#claim-thread")).to_contain_text("@reviewer")
    expect(reviewer.locator("#desk-notifications .desk-count")).to_have_text(str(earlier or ""))
