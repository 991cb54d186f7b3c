"""The admin's index is each person's desk: what waits for them, capped and linked to the full
lists, in a fixed number of queries; the internal tables only under "All tables"."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.admin.home import HOME_ROWS
from claims.enums import ClaimStatus, ReviewStatus, Role, Transition
from tests.factories import (
    ClaimEventFactory,
    ClaimFactory,
    EvidenceFactory,
    ReviewFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def section(html: str, key: str) -> str:
    start = html.index(f'id="home-{key}"')
    return html[start : html.index("</section>", start)]


def test_a_fact_checker_sees_sent_back_claims_first_with_the_reviewers_comment(
    client, fact_checker, reviewer
):
    ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, text="A fresh one.")
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, text="Sent back.")
    EvidenceFactory(claim=claim)
    review = ReviewFactory(claim=claim, author=fact_checker)
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    services.review_request_changes(review=review, by=reviewer, comment="Cite the 2019 table.")
    ClaimFactory(status=ClaimStatus.RESEARCHING, text="Someone else's.")
    client.force_login(fact_checker)

    mine = section(client.get(HOME).content.decode(), "mine")

    assert mine.index("Sent back by rita:") < mine.index("Cite the 2019 table.")
    assert mine.index("Cite the 2019 table.") < mine.index("Sent back.")
    assert mine.index("Sent back.") < mine.index("A fresh one.")
    assert "Someone else" not in mine


def test_each_role_sees_its_own_lists(client, editor, fact_checker, reviewer):
    client.force_login(reviewer)
    html = client.get(HOME).content.decode()
    assert 'id="home-signoff"' in html and 'id="home-ready"' not in html
    assert 'id="home-mine"' not in html and 'id="home-alerts"' not in html

    client.force_login(editor)
    html = client.get(HOME).content.decode()
    for key in ("ready", "corrections", "overdue", "alerts"):
        assert f'id="home-{key}"' in html
    assert reverse("admin:claims_source_import") in html
    assert reverse("admin:claims_claim_queues") in html


def test_ready_to_publish_and_overdue_claims_are_on_the_editors_home(client, editor):
    ready = ClaimFactory(status=ClaimStatus.IN_REVIEW, text="Approved and waiting.")
    ReviewFactory(claim=ready, status=ReviewStatus.APPROVED, approved_at=timezone.now())
    ClaimFactory(
        status=ClaimStatus.RESEARCHING,
        text="Late one.",
        due_at=timezone.now() - datetime.timedelta(hours=2),
    )
    ClaimFactory(
        status=ClaimStatus.RESEARCHING,
        text="Not late yet.",
        due_at=timezone.now() + datetime.timedelta(hours=2),
    )
    client.force_login(editor)

    html = client.get(HOME).content.decode()

    assert "Approved and waiting." in section(html, "ready")
    overdue = section(html, "overdue")
    assert "Late one." in overdue and "Not late yet." not in overdue


def test_a_long_list_is_capped_and_links_to_the_filtered_claims_list(client, fact_checker):
    for n in range(HOME_ROWS + 2):
        ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, text=f"Mine {n}.")
    ClaimFactory(status=ClaimStatus.RESEARCHING, text="Not mine.")
    client.force_login(fact_checker)

    mine = section(client.get(HOME).content.decode(), "mine")
    assert mine.count("<li") == HOME_ROWS
    full = reverse("admin:claims_claim_changelist") + "?queue=mine"
    assert full in mine

    listed = client.get(full).content.decode()
    assert listed.count("Mine ") >= HOME_ROWS + 2 and "Not mine." not in listed


def test_a_queue_that_is_not_the_users_shows_nothing(client, fact_checker):
    ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, text="Mine.")
    client.force_login(fact_checker)
    listed = client.get(reverse("admin:claims_claim_changelist") + "?queue=ready")
    assert listed.status_code == 200 and "Mine." not in listed.content.decode()


def test_recent_activity_shows_what_others_did_on_my_claims(client, fact_checker, editor):
    mine = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, text="Mine.")
    other = ClaimFactory(status=ClaimStatus.RESEARCHING, text="Theirs.")
    ClaimEventFactory(claim=mine, actor=editor, action="add_evidence")
    ClaimEventFactory(claim=other, actor=editor, action="add_evidence")
    client.force_login(fact_checker)

    html = client.get(HOME).content.decode()
    activity = html[html.index('id="recent-activity"') :]
    assert "Mine." in activity and "Theirs." not in activity


def test_internal_tables_are_off_the_home_and_under_all_tables_for_superusers(
    client, editor, superuser
):
    claim_events = reverse("admin:claims_claimevent_changelist")
    client.force_login(editor)
    html = client.get(HOME).content.decode()
    assert claim_events not in html
    assert reverse("admin:claims_claim_changelist") in html
    assert reverse("admin:all_tables") not in html
    assert client.get(reverse("admin:all_tables")).status_code == 403
    assert client.get(claim_events).status_code == 200  # still there for who may view it

    client.force_login(superuser)
    html = client.get(HOME).content.decode()
    assert claim_events not in html and reverse("admin:all_tables") in html
    tables = client.get(reverse("admin:all_tables")).content.decode()
    for model in ("claimevent", "signoff", "suggestiondecision"):
        assert reverse(f"admin:claims_{model}_changelist") in tables


def fill_the_desk(n, *, me, other):
    late = timezone.now() - datetime.timedelta(hours=1)
    for _ in range(n):
        mine = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=me, due_at=late)
        ClaimEventFactory(claim=mine, actor=other)
        waiting = ClaimFactory(status=ClaimStatus.IN_REVIEW, assignee=other)
        ReviewFactory(claim=waiting, author=other, status=ReviewStatus.SUBMITTED)
        ready = ClaimFactory(status=ClaimStatus.IN_REVIEW)
        ReviewFactory(claim=ready, status=ReviewStatus.APPROVED, approved_at=timezone.now())


@pytest.mark.parametrize("count", [1, HOME_ROWS + 4])
def test_the_home_runs_a_fixed_number_of_queries(client, count, django_assert_num_queries):
    me = UserFactory(username="all", roles=[Role.EDITOR, Role.FACT_CHECKER, Role.REVIEWER])
    fill_the_desk(count, me=me, other=UserFactory(username="ed", roles=[Role.FACT_CHECKER]))
    client.force_login(me)
    client.get(HOME)  # sessions and permissions warmed up

    with django_assert_num_queries(12):
        html = client.get(HOME).content.decode()

    shown = min(count, HOME_ROWS)
    for key in ("mine", "signoff", "ready", "overdue"):
        assert section(html, key).count("<li") == shown, key
    assert html[html.index('id="recent-activity"') :].count("<li") == shown


def test_an_assignment_shows_the_editors_note_priority_and_due_date(client, editor, fact_checker):
    claim = ClaimFactory(
        status=ClaimStatus.SELECTED,
        text="Urgent one.",
        priority=1,
        due_at=timezone.now() + datetime.timedelta(hours=3),
    )
    services.claim_transition(
        claim=claim,
        transition=Transition.ASSIGN,
        by=editor,
        assignee=fact_checker,
        note="Need it by 5pm",
    )
    ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, text="Routine one.")
    client.force_login(fact_checker)

    mine = section(client.get(HOME).content.decode(), "mine")

    assert mine.index("Urgent one.") < mine.index("Routine one.")
    assert "Editor's note: Need it by 5pm" in mine
    assert "Urgent" in mine and "due " in mine


def test_only_an_editor_sets_the_due_date_and_priority(client, editor, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    url = reverse("admin:claims_claim_change", args=[claim.pk])

    client.force_login(fact_checker)
    form = client.get(url).context["adminform"].form
    assert "due_at" not in form.fields and "priority" not in form.fields

    client.force_login(editor)
    form = client.get(url).context["adminform"].form
    assert "due_at" in form.fields and "priority" in form.fields


def test_an_assignment_without_a_note_shows_none(client, editor, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.SELECTED, text="Quiet one.")
    services.claim_transition(
        claim=claim, transition=Transition.ASSIGN, by=editor, assignee=fact_checker
    )
    client.force_login(fact_checker)

    mine = section(client.get(HOME).content.decode(), "mine")

    assert "Quiet one." in mine and "Editor's note" not in mine


def test_the_navigation_beside_a_page_leaves_out_the_internal_tables(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    nav = page[page.index('id="nav-sidebar"') :]
    assert reverse("admin:claims_source_changelist") in nav
    assert reverse("admin:claims_claimevent_changelist") not in nav
