"""A whole working day at the desk in a real browser, with clicks and page loads counted.

The four demo users take part: the desk's administrator imports an article (pasted); the
editor selects its claims and assigns them; the fact-checker
researches one (evidence, a comment in its thread, the review) and submits it; the reviewer
reads it and sends it back with a comment; the fact-checker answers and resubmits; the
reviewer signs it off; the editor publishes it; later a correction is written, signed off and
published. Each person signs in once before the day starts (not counted). The splitting of the
article into claims is the workspace's part of the day and is done here through the service,
uncounted, so that the figures measure the workflow's steps.

A click is any action a person takes with the mouse or keyboard other than typing (a click, a
choice in a list, Enter); a page load is the main frame finishing a navigation.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from playwright.sync_api import Page, expect

from claims import services
from claims.enums import ClaimStatus, PublicationKind
from claims.models import Claim, PublicationEntry, Source

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

# Measured on the flow before one-click steps (commit 6f4040e), walked as that commit's pages
# required: each claim selected on its own page, a confirmation page for every step, the
# review opened on its own page to read the analysis before a decision (this file at commit
# edb00be). The day below must take at most half of each.
BASELINE_CLICKS = 76
BASELINE_PAGE_LOADS = 66

# The three working roles; the administrator (a superuser, no role of its own) imports.
PEOPLE = ("editor", "factchecker", "reviewer")
EVERYONE = ("admin", *PEOPLE)
ARTICLE = (
    "Jobs report shows a strong May\n\n"
    "WASHINGTON (Newswire) - Unemployment fell to 3.9% in May, the agency said.\n\n"
    '"We created 250,000 jobs last month," Labor Secretary Dana Ortiz said on Friday. '
    '"Wages grew faster than prices for the first time in two years," she added.\n\n'
    "Ortiz also said that the number of open positions had doubled since 2020 and that "
    "youth unemployment was the lowest on record.\n"
)
QUOTE = (
    '"We created 250,000 jobs last month," Labor Secretary Dana Ortiz said on Friday. '
    '"Wages grew faster than prices for the first time in two years," she added.'
)
CLAIMS = [
    "The economy added 250,000 jobs in May.",
    "Wages grew faster than prices in May for the first time in two years.",
    "Open positions have doubled since 2020.",
    "Youth unemployment is the lowest on record.",
]


class Counter:
    """Counts what people do on the desk's pages: each click (or choice, or Enter) through its
    methods, and each page load of every page it watches."""

    def __init__(self):
        self.clicks = 0
        self.loads = 0
        self.counting = False

    def watch(self, page: Page) -> Page:
        page.on("load", self._loaded)  # the main frame's, once per navigation
        return page

    def _loaded(self, page) -> None:
        if self.counting:
            self.loads += 1

    def click(self, locator) -> None:
        self.clicks += self.counting
        locator.click()

    def choose(self, locator, value=None, *, label=None) -> None:
        self.clicks += self.counting
        if label is not None:
            locator.select_option(label=label)
        else:
            locator.select_option(value)

    def back(self, page: Page) -> None:
        self.clicks += self.counting
        page.go_back()

    def goto(self, page: Page, url: str) -> None:
        """Opening an address (a bookmark, a link in an e-mail): a page load, no click."""
        page.goto(url)


def sign_in(page: Page, live_server, username: str) -> Page:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", f"{username}-demo")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text(username, ignore_case=True)
    return page


def home(day: Counter, page: Page) -> None:
    day.click(page.locator("#site-name a"))
    expect(page.locator(".desk-home")).to_be_visible()


def choose_autocomplete(day: Counter, page: Page, container, typed: str, option: str) -> None:
    """Django's autocomplete (select2): open it, type, pick."""
    day.click(container.locator(".select2-selection"))
    page.locator(".select2-search__field").fill(typed)
    day.click(page.locator(".select2-results__option", has_text=option).first)


def new_page(browser) -> Page:
    page = browser.new_page()
    page.set_default_timeout(10_000)
    return page


@pytest.fixture
def desk(browser, live_server, demo_desk):
    """The four demo users, each signed in on their own page."""
    for user in get_user_model().objects.filter(username__in=PEOPLE):
        user.email = f"{user.username}@desk.example"  # the demo's people have none
        user.save(update_fields=["email"])
    day = Counter()
    pages = {name: day.watch(sign_in(new_page(browser), live_server, name)) for name in EVERYONE}
    evidence = Source.objects.create(
        title="Employment situation, May",
        publisher="Bureau of Labor Statistics",
        text="Total nonfarm payroll employment rose by 172,000 in May.",
    )
    return day, pages, evidence


def split(source: Source, editor) -> list[Claim]:
    """The workspace's part: the statement and its claims (not counted)."""
    start = source.text.index(QUOTE)
    speaker = services.speaker_for_name(name="Dana Ortiz")
    return services.claims_create_from_span(
        source=source,
        start=start,
        end=start + len(QUOTE),
        speaker=speaker,
        claim_texts=CLAIMS,
        by=editor,
    )


def test_a_day_at_the_desk(desk, live_server):
    day, pages, evidence_source = desk
    admin, editor = pages["admin"], pages["editor"]
    checker, reviewer = pages["factchecker"], pages["reviewer"]
    admin_url = f"{live_server.url}/admin"
    mail.outbox.clear()
    day.counting = True

    # The administrator imports the article, pasted (the same page and clicks as an editor's).
    day.click(admin.get_by_role("link", name="Import an article"))
    admin.fill("#id_text", ARTICLE)
    admin.fill("#id_title", "Jobs report shows a strong May")
    day.click(admin.locator("input[type=submit]"))
    expect(admin.locator(".messagelist")).to_contain_text("was imported")
    source = Source.objects.get(title="Jobs report shows a strong May")
    users = {u.username: u for u in get_user_model().objects.all()}
    claims = split(source, users["editor"])

    walk_selection_and_assignment(day, editor, admin_url, claims)
    researched = claims[0]
    walk_research(day, checker, researched, evidence_source)
    walk_send_back(day, reviewer, researched)
    walk_answer(day, checker, researched)
    walk_signoff(day, reviewer, researched)
    walk_publication(day, editor, researched)
    walk_correction(day, checker, reviewer, editor, admin_url, researched)

    day.counting = False
    researched.refresh_from_db()
    assert researched.status == ClaimStatus.PUBLISHED
    kinds = list(
        PublicationEntry.objects.filter(claim=researched)
        .order_by("published_at", "id")
        .values_list("kind", flat=True)
    )
    assert kinds == [PublicationKind.FIRST_PUBLICATION, PublicationKind.CORRECTION]
    assert {c.status for c in Claim.objects.filter(pk__in=[c.pk for c in claims[1:]])} == {
        ClaimStatus.RESEARCHING
    }
    # The people told by e-mail along the way.
    told = {address for message in mail.outbox for address in message.to}
    assert {users[name].email for name in PEOPLE} <= told

    print(f"\nday at the desk: {day.clicks} clicks, {day.loads} page loads")
    assert day.clicks * 2 <= BASELINE_CLICKS, (day.clicks, BASELINE_CLICKS)
    assert day.loads * 2 <= BASELINE_PAGE_LOADS, (day.loads, BASELINE_PAGE_LOADS)


def walk_selection_and_assignment(day, editor, admin_url, claims):
    # From a bookmark: the new claims. Selected and assigned at once from the action bar.
    day.goto(editor, f"{admin_url}/claims/claim/?status__exact=new")
    for claim in claims:
        row = editor.locator("#result_list tr", has_text=claim.text[:40])
        day.click(row.locator("input.action-select"))
    day.choose(editor.locator("select[name=action]"), "select_claims")
    day.choose(editor.locator("select[name=assignee]"), label="factchecker")
    day.click(editor.locator("button[name=index]"))
    expect(editor.locator(".messagelist")).to_contain_text(
        "Select for checking and assign to factchecker: done for 4 claim(s)."
    )
    expect(editor.locator("#result_list tbody tr")).to_have_count(4)  # just these claims


def walk_research(day, checker, claim, evidence_source):
    home(day, checker)
    day.click(checker.locator("#home-mine").get_by_role("link", name=claim.text[:40]))
    # Evidence, in the claim's form, whose first row is open; then straight to the review.
    form = checker.locator("#evidence-0")
    day.choose(form.locator("select[name$=relation]"), "refutes")
    choose_autocomplete(day, checker, form, "Employment", "Employment situation")
    form.locator("textarea[name$=excerpt]").fill("payroll employment rose by 172,000 in May")
    day.click(checker.locator("input[name=_write_review]"))
    # The review, with a word in the claim's thread, saved and submitted in one click.
    day.choose(checker.locator("#id_rating"), label="Mostly false")
    checker.fill("#id_summary", "May added 172,000 jobs, not 250,000.")
    checker.fill("#id_analysis", "The **agency's survey** counts 172,000 new jobs in May.")
    checker.fill("#id_thread_note", "The agency's table says 172,000, not 250,000.")
    day.click(checker.locator("input[name=_submit_for_signoff]"))
    expect(checker.locator(".messagelist")).to_contain_text("Done: Submit for review.")
    expect(checker.locator(".messagelist button.undo")).to_be_visible()
    expect(checker.locator("#claim-thread")).to_contain_text("172,000, not 250,000")


def walk_send_back(day, reviewer, claim):
    home(day, reviewer)
    signoff = reviewer.locator("#home-signoff li", has_text=claim.text[:40])
    day.click(signoff.locator("[data-step=signoff]"))
    page = reviewer.locator(".signed-claim")
    expect(page.locator("blockquote.paragraph mark")).to_contain_text("We created 250,000 jobs")
    expect(page.locator("ol.scale li.this")).to_have_text("Mostly false")
    expect(page.locator(".analysis strong")).to_have_text("agency's survey")  # as readers see it
    expect(page.locator(".signed-evidence")).to_contain_text("payroll employment rose")
    reviewer.fill("#id_comment", "Say which table: the household survey or the payrolls?")
    day.click(reviewer.get_by_role("button", name="Send back with this comment"))
    expect(reviewer.locator(".messagelist")).to_contain_text("Done: Send back")


def walk_answer(day, checker, claim):
    home(day, checker)
    mine = checker.locator("#home-mine li", has_text=claim.text[:40])
    expect(mine).to_contain_text("Say which table")
    day.click(mine.locator("[data-step=answer]"))
    checker.fill(
        "#id_analysis",
        "The **establishment survey** (table B-1) counts 172,000 new jobs in May.",
    )
    checker.fill("#id_thread_note", "The payrolls: the establishment survey, table B-1.")
    day.click(checker.locator("input[name=_submit_for_signoff]"))
    expect(checker.locator(".messagelist")).to_contain_text("Done: Submit for review.")


def walk_signoff(day, reviewer, claim):
    home(day, reviewer)
    signoff = reviewer.locator("#home-signoff li", has_text=claim.text[:40])
    day.click(signoff.locator("[data-step=signoff]"))
    expect(reviewer.locator(".signed-claim")).to_contain_text("table B-1")
    day.click(reviewer.get_by_role("button", name="Approve"))
    expect(reviewer.locator(".messagelist")).to_contain_text("Done: Approve the review")


def walk_publication(day, editor, claim):
    home(day, editor)
    ready = editor.locator("#home-ready li", has_text=claim.text[:40])
    day.click(ready.locator("[data-step=publish]"))
    expect(editor.locator(".signed-claim")).to_contain_text("table B-1")  # what readers get
    day.click(editor.locator("input[type=submit].default"))
    expect(editor.locator(".messagelist")).to_contain_text("Done: Publish")
    expect(editor.locator("a.viewsitelink")).to_have_text("View on site")


def walk_correction(day, checker, reviewer, editor, admin_url, claim):
    # A reader wrote in; the fact-checker opens the claim from the link in the message. The
    # correction's form starts from the published verdict.
    day.goto(checker, f"{admin_url}/claims/claim/{claim.pk}/change/")
    day.click(checker.locator("a[data-kind=factual_correction]"))
    expect(checker.locator("#id_summary")).to_have_value("May added 172,000 jobs, not 250,000.")
    checker.fill(
        "#id_analysis",
        "The **establishment survey** (table B-1) counts 172,000 new jobs in May; "
        "revised figures came out in June.",
    )
    checker.fill("#id_public_note", "We added the June revision of the May figures.")
    day.click(checker.locator("input[name=_submit_for_signoff]"))
    expect(checker.locator(".messagelist")).to_contain_text("correction submitted")
    home(day, reviewer)
    signoff = reviewer.locator("#home-signoff li", has_text=claim.text[:40])
    day.click(signoff.locator("[data-step=signoff]"))
    expect(reviewer.locator(".current-verdict")).to_contain_text("table B-1")
    expect(reviewer.locator(".signed-verdict")).to_contain_text("revised figures")
    day.click(reviewer.get_by_role("button", name="Approve"))
    expect(reviewer.locator(".messagelist")).to_contain_text("Done: Approve the review")
    # The correction waits for the editor, like a first publication.
    home(day, editor)
    ready = editor.locator("#home-ready li", has_text=claim.text[:40])
    day.click(ready.locator("[data-step=publish]"))
    day.click(editor.locator("input[type=submit].default"))
    expect(editor.locator(".messagelist")).to_contain_text("Done: Publish the correction")
