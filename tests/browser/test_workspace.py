"""The editor's workspace in a real browser: select words with the mouse to make a statement,
triage suggestions with the keyboard alone, without a reload and without losing what was typed,
undo a rejection, see the wording hint, and the same forms without JavaScript."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from claims.models import Claim, Source, Statement, SuggestionDecision

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ARTICLE = (
    # a named source first: a speaker described ("the agency") would ask to be confirmed
    "WASHINGTON (Newswire) - Unemployment fell to 3.9% in May, the Labor Department said.\n"
    '"We created 250,000 jobs last month," Labor Secretary Dana Ortiz said on Friday. '
    '"Wages grew faster than prices for the first time in two years," she added.\n'
)


@pytest.fixture
def editor_page(page: Page, live_server, demo_desk) -> Page:
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "editor-demo")
    page.click("input[type=submit]")
    expect(page.locator("#user-tools")).to_contain_text("editor", ignore_case=True)
    return page


def open_workspace(page: Page, live_server, source: Source) -> None:
    page.goto(f"{live_server.url}/admin/claims/source/{source.pk}/workspace/")
    expect(page.locator("#ws-article")).to_be_visible()


def select_text(page: Page, words: str) -> None:
    """Drag the mouse over `words` in the article, as an editor would."""
    box = page.evaluate(
        """(words) => {
            const article = document.getElementById('ws-article');
            const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
            let node;
            while ((node = walker.nextNode())) {
                const at = node.data.indexOf(words);
                if (at === -1) continue;
                const range = document.createRange();
                range.setStart(node, at); range.setEnd(node, at + 1);
                const first = range.getBoundingClientRect();
                range.setStart(node, at + words.length - 1); range.setEnd(node, at + words.length);
                const last = range.getBoundingClientRect();
                return {x1: first.left + 1, y1: first.top + first.height / 2,
                        x2: last.right - 1, y2: last.top + last.height / 2};
            }
            return null;
        }""",
        words,
    )
    assert box, f"{words!r} is not in the article"
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def test_selecting_words_makes_a_statement_with_the_exact_span(editor_page, live_server):
    source = Source.objects.create(title="Jobs report", publisher="Newswire", text=ARTICLE)
    open_workspace(editor_page, live_server, source)
    words = "We created 250,000 jobs last month"

    select_text(editor_page, words)

    expect(editor_page.locator("#ws-selection")).to_contain_text(words)
    start = ARTICLE.index(words)
    expect(editor_page.locator("#ws-start")).to_have_value(str(start))
    expect(editor_page.locator("#ws-end")).to_have_value(str(start + len(words)))
    expect(editor_page.locator("#ws-claims")).to_have_value(words)
    editor_page.fill("#ws-speaker", "Dana Ortiz")
    editor_page.fill("#ws-alias", "Labor Secretary Dana Ortiz")
    editor_page.click("text=Save the statement and its claims")

    expect(editor_page.locator(".messagelist")).to_contain_text("Statement saved with 1 claim")
    statement = Statement.objects.get(source=source)
    assert (statement.start, statement.end, statement.quote) == (start, start + len(words), words)
    assert statement.speaker.aliases == ["Labor Secretary Dana Ortiz"]
    expect(editor_page.locator(".ws-stmt").first).to_be_visible()


def test_similar_earlier_claims_show_while_writing(editor_page, live_server):
    source = Source.objects.create(title="Another report", text=ARTICLE)
    open_workspace(editor_page, live_server, source)

    editor_page.fill("#ws-claims", "NATO admitted Montenegro, North Macedonia and Albania")

    expect(editor_page.locator("#ws-similar")).to_contain_text("Similar earlier claims")
    expect(editor_page.locator("#ws-similar")).to_contain_text("True")


def test_suggestions_can_be_triaged_with_the_keyboard_alone(editor_page, live_server):
    source = Source.objects.create(title="Jobs report", publisher="Newswire", text=ARTICLE)
    open_workspace(editor_page, live_server, source)
    cards = editor_page.locator(".ws-card")
    total = cards.count()
    assert total >= 2

    editor_page.keyboard.press("j")  # focus the first suggestion
    expect(cards.first).to_be_focused()
    first_text = cards.first.locator(".ws-card-text").inner_text()
    editor_page.keyboard.press("r")  # reject it
    expect(editor_page.locator(".messagelist")).to_contain_text("Suggestion rejected")

    expect(cards.first).to_be_focused()  # focus moved on to the first suggestion left
    next_text = cards.first.locator(".ws-card-text").inner_text()
    editor_page.keyboard.press("a")  # accept it as suggested
    expect(editor_page.locator(".messagelist")).to_contain_text("Claim made")

    decisions = dict(
        SuggestionDecision.objects.filter(source=source).values_list("decision", "claim")
    )
    assert decisions["rejected"] is None
    accepted = Claim.objects.get(pk=decisions["accepted"])
    assert accepted.text == next_text
    assert (
        source.text[accepted.statement.start : accepted.statement.end] == accepted.statement.quote
    )
    remaining = editor_page.locator("#ws-suggestions").inner_text()
    assert first_text not in remaining and next_text not in remaining


def test_a_user_without_the_editor_role_gets_no_forms(page: Page, live_server, demo_desk):
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "reviewer")
    page.fill("#id_password", "reviewer-demo")
    page.click("input[type=submit]")
    source = Source.objects.get(publisher="Sputnik")

    page.goto(f"{live_server.url}/admin/claims/source/{source.pk}/workspace/")

    expect(page.locator(".ws-cand").first).to_be_visible()
    expect(page.locator("#ws-new")).to_have_count(0)
    assert get_user_model().objects.get(username="reviewer").groups.filter(name="Reviewer")


def test_accepting_keeps_the_page_its_scroll_and_moves_focus_to_the_next_suggestion(
    editor_page, live_server
):
    source = Source.objects.create(title="Jobs report", publisher="Newswire", text=ARTICLE)
    open_workspace(editor_page, live_server, source)
    editor_page.evaluate("window.notReloaded = true")
    cards = editor_page.locator(".ws-card")
    total = cards.count()
    editor_page.keyboard.press("j")
    first_text = cards.first.locator(".ws-card-text").inner_text()
    editor_page.eval_on_selector(".ws-panel", "panel => { panel.scrollTop = 40; }")
    scrolled = editor_page.eval_on_selector(".ws-panel", "panel => panel.scrollTop")

    editor_page.keyboard.press("a")

    expect(editor_page.locator(".messagelist")).to_contain_text("Claim made")
    assert editor_page.evaluate("window.notReloaded === true")  # fetch, no page load
    expect(cards).to_have_count(total - 1)
    expect(cards.first).to_be_focused()
    # The panel was not reset to its top (it moves only as far as the next card needs).
    assert editor_page.eval_on_selector(".ws-panel", "panel => panel.scrollTop") >= scrolled
    assert Claim.objects.get(statement__source=source).text == first_text
    expect(editor_page.locator(".ws-stmt").first).to_be_visible()  # the article marked again


def test_a_refused_statement_keeps_what_was_typed_and_says_why(editor_page, live_server):
    source = Source.objects.create(title="Jobs report", publisher="Newswire", text=ARTICLE)
    open_workspace(editor_page, live_server, source)
    editor_page.evaluate("window.notReloaded = true")
    editor_page.fill("#ws-start", "40")
    editor_page.fill("#ws-end", "20")
    editor_page.fill("#ws-speaker", "Dana Ortiz")
    editor_page.select_option("#ws-speech", "indirect")
    editor_page.fill("#ws-claims", "Dana Ortiz says unemployment fell to 3.9% in May.")

    editor_page.click("text=Save the statement and its claims")

    expect(editor_page.locator("#ws-new .errorlist")).to_contain_text(
        "The end (20) is before the start (40)"
    )
    assert editor_page.evaluate("window.notReloaded === true")
    expect(editor_page.locator("#ws-start")).to_have_value("40")
    expect(editor_page.locator("#ws-speaker")).to_have_value("Dana Ortiz")
    expect(editor_page.locator("#ws-speech")).to_have_value("indirect")
    expect(editor_page.locator("#ws-claims")).to_have_value(
        "Dana Ortiz says unemployment fell to 3.9% in May."
    )
    assert not Statement.objects.filter(source=source).exists()


def test_a_rejected_suggestion_can_be_brought_back(editor_page, live_server):
    source = Source.objects.create(title="Jobs report", publisher="Newswire", text=ARTICLE)
    open_workspace(editor_page, live_server, source)
    cards = editor_page.locator(".ws-card")
    total = cards.count()
    editor_page.keyboard.press("j")
    first_text = cards.first.locator(".ws-card-text").inner_text()
    editor_page.keyboard.press("r")
    expect(cards).to_have_count(total - 1)

    editor_page.click("text=Undo: bring the suggestion back")

    expect(editor_page.locator(".messagelist")).to_contain_text("Suggestion brought back")
    expect(cards).to_have_count(total)
    expect(cards.first.locator(".ws-card-text")).to_have_text(first_text)
    expect(cards.first).to_be_focused()
    assert not SuggestionDecision.objects.filter(source=source).exists()


def test_the_wording_hint_follows_the_typing_and_offers_a_rewording(editor_page, live_server):
    source = Source.objects.create(title="Jobs report", publisher="Newswire", text=ARTICLE)
    open_workspace(editor_page, live_server, source)
    select_text(editor_page, "We created 250,000 jobs last month")
    editor_page.fill("#ws-speaker", "Dana Ortiz")
    hint = editor_page.locator("#ws-claims-wording")

    expect(hint).to_contain_text("First person (We)")
    expect(hint).to_contain_text("Dana Ortiz created 250,000 jobs last month.")
    editor_page.click("text=Use this wording")

    expect(editor_page.locator("#ws-claims")).to_have_value(
        "Dana Ortiz created 250,000 jobs last month."
    )
    expect(hint).to_be_empty()
    editor_page.click("text=Save the statement and its claims")  # a hint never blocks saving
    expect(editor_page.locator(".messagelist")).to_contain_text("Statement saved with 1 claim")


def test_without_javascript_the_forms_work_and_the_page_returns_to_the_next_suggestion(
    browser, live_server, demo_desk
):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", "editor-demo")
    page.click("input[type=submit]")
    source = Source.objects.create(title="Jobs report", publisher="Newswire", text=ARTICLE)
    open_workspace(page, live_server, source)
    total = page.locator(".ws-card").count()

    page.locator(".ws-card").first.locator(".ws-reject").click()

    expect(page.locator(".messagelist")).to_contain_text("Suggestion rejected")
    assert page.url.endswith("#ws-focus")
    expect(page.locator(".ws-card")).to_have_count(total - 1)
    expect(page.locator(".ws-card").first.locator("#ws-focus")).to_have_count(1)
    page.click("text=Undo: bring the suggestion back")
    expect(page.locator(".messagelist")).to_contain_text("Suggestion brought back")
    expect(page.locator(".ws-card")).to_have_count(total)
    context.close()


def test_a_reload_keeps_the_scroll_and_the_focused_suggestion(editor_page, live_server):
    source = Source.objects.create(title="Jobs report", publisher="Newswire", text=ARTICLE * 6)
    open_workspace(editor_page, live_server, source)
    cards = editor_page.locator(".ws-card")
    editor_page.keyboard.press("j")
    editor_page.keyboard.press("j")
    focused = cards.nth(1).get_attribute("id")
    expect(cards.nth(1)).to_be_focused()
    panel = editor_page.eval_on_selector(".ws-panel", "panel => panel.scrollTop")
    editor_page.eval_on_selector("#ws-article", "article => { article.scrollTop = 50; }")
    article = editor_page.eval_on_selector("#ws-article", "article => article.scrollTop")

    editor_page.reload()

    expect(editor_page.locator(f"#{focused}")).to_be_focused()
    assert editor_page.eval_on_selector(".ws-panel", "panel => panel.scrollTop") == panel
    assert editor_page.eval_on_selector("#ws-article", "article => article.scrollTop") == article
