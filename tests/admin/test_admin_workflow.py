"""The workflow driven through the admin's own URLs, as editors, fact-checkers and reviewers
use it: one claim from new to published and through a correction, refusals shown as
messages, bulk steps and queues."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from claims.admin import workflow
from claims.enums import ClaimStatus, ReviewStatus, Role
from claims.models import Claim, Review
from claims.selectors import claim_current_review
from tests.adminforms import form_data
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    SourceFactory,
    StatementFactory,
    UserFactory,
    default_rating,
)

pytestmark = pytest.mark.django_db


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def step(client, claim, name, **fields):
    """Open a step's page from the claim, fill it in, and take it."""
    page = client.get(reverse("admin:claims_claim_act", args=[claim.pk, name]))
    assert page.status_code == 200, messages_of(page)
    data = form_data(page, None)
    data.update(fields)
    return client.post(reverse("admin:claims_claim_act", args=[claim.pk, name]), data, follow=True)


def one_click(client, claim, name, **fields):
    """Press a one-click step's button on the claim's page (its form posts the version the
    page showed, and for an assignment the fact-checker)."""
    claim.refresh_from_db()
    data = {"version": claim.version, **fields}
    return client.post(reverse("admin:claims_claim_act", args=[claim.pk, name]), data, follow=True)


def sign_off(client, claim, decision, comment=""):
    """Decide on the sign-off page: "approve" or "request_changes"."""
    url = reverse("admin:claims_claim_signoff", args=[claim.pk])
    page = client.get(url)
    assert page.status_code == 200, messages_of(page)
    return client.post(url, {"decision": decision, "comment": comment}, follow=True)


def offered_steps(client, claim) -> list[str]:
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    html = page.content.decode()
    return [chunk.split('"', 1)[0] for chunk in html.split('data-step="')[1:]]


def test_one_claim_from_new_to_published_and_corrected_using_only_the_admin(
    client, editor, fact_checker, reviewer
):
    statement = StatementFactory()
    evidence_source = SourceFactory(title="Membership list")

    # The editor splits the statement into a claim, selects it and assigns it.
    client.force_login(editor)
    response = client.post(
        reverse("admin:claims_claim_add"),
        {"statement": statement.pk, "text": "The alliance grew by three members since 2009."},
    )
    claim = Claim.objects.get()
    assert response.status_code == 302
    assert offered_steps(client, claim) == ["select", "dismiss"]
    one_click(client, claim, "select")
    one_click(client, claim, "assign", assignee=str(fact_checker.pk))
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == (ClaimStatus.RESEARCHING, fact_checker)

    # The fact-checker adds evidence on the claim's page, writes the review and submits it.
    client.force_login(fact_checker)
    change_url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = form_data(client.get(change_url), "claim_form")
    data.update(
        {
            "evidence-TOTAL_FORMS": "1",
            "evidence-0-relation": "supports",
            "evidence-0-source": str(evidence_source.pk),
            "evidence-0-excerpt": "Albania 2009, Montenegro 2017, North Macedonia 2020.",
        }
    )
    assert client.post(change_url, data).status_code == 302
    assert claim.evidence.count() == 1
    assert "write_review" in offered_steps(client, claim)
    add_review = reverse("admin:claims_review_add") + f"?claim={claim.pk}"
    data = form_data(client.get(add_review), "review_form")
    data.update(
        {
            "rating": str(default_rating("true").pk),
            "summary": "Three joined.",
            "analysis": "Albania in 2009, Montenegro in 2017, North Macedonia in 2020.",
        }
    )
    assert client.post(add_review, data).status_code == 302
    one_click(client, claim, "submit")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW

    # The reviewer approves on the sign-off page; the editor publishes.
    client.force_login(reviewer)
    assert offered_steps(client, claim) == ["approve", "request_changes"]
    sign_off(client, claim, "approve", "Checked the dates.")
    client.force_login(editor)
    response = step(client, claim, "publish")
    assert "Done: Publish." in messages_of(response)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    first_verdict = claim_current_review(claim)

    # A correction: written and submitted by the fact-checker, approved by the reviewer.
    client.force_login(fact_checker)
    assert "write_correction" in offered_steps(client, claim)
    data = form_data(client.get(add_review), "review_form")
    data.update(
        {
            "rating": str(default_rating("mostly-true").pk),
            "summary": "Three joined, but later than we said.",
            "analysis": "North Macedonia joined in 2020.",
            "correction_kind": "rating_change",
            "public_note": "We corrected a date and changed the rating.",
        }
    )
    assert client.post(add_review, data).status_code == 302
    one_click(client, claim, "submit_correction")
    client.force_login(reviewer)
    sign_off(client, claim, "approve")
    assert claim_current_review(claim) == first_verdict  # signed off, not yet published
    client.force_login(editor)
    assert "publish_correction" in offered_steps(client, claim)
    step(client, claim, "publish_correction")

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED
    assert claim_current_review(claim).correction_kind == "rating_change"
    assert Review.objects.get(pk=first_verdict.pk).status == ReviewStatus.APPROVED
    assert list(claim.publication_record.values_list("kind", flat=True)) == [
        "first_publication",
        "correction",
    ]
    assert list(claim.events.values_list("action", flat=True)) == [
        "create",
        "select",
        "assign",
        "add_evidence",
        "write_review",
        "submit",
        "approve_review",
        "publish",
        "write_correction",
        "submit_correction",
        "approve_review",
        "sign_off_correction",
        "publish_correction",
    ]


def test_a_step_whose_conditions_are_not_met_is_refused_with_the_reason(client, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    client.force_login(fact_checker)

    response = client.get(reverse("admin:claims_claim_act", args=[claim.pk, "submit"]), follow=True)

    assert "Write a review before submitting." in " ".join(messages_of(response))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESEARCHING


def test_the_claim_page_explains_why_a_step_is_not_open_yet(client, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    client.force_login(fact_checker)

    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))

    assert "Submit for review: not yet. Write a review before submitting." in page.content.decode()


def test_a_step_on_a_claim_changed_meanwhile_is_refused(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)
    url = reverse("admin:claims_claim_act", args=[claim.pk, "select"])
    Claim.objects.filter(pk=claim.pk).update(version=2)  # someone else acted

    response = client.post(url, {"version": 1}, follow=True)

    assert "Someone else changed this claim" in " ".join(messages_of(response))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_sending_back_needs_a_comment(client, reviewer, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    EvidenceFactory(claim=claim)
    Review.objects.create(
        claim=claim,
        author=fact_checker,
        rating=default_rating(),
        summary="s",
        analysis="a",
        status=ReviewStatus.SUBMITTED,
        round=1,
    )
    client.force_login(reviewer)

    response = sign_off(client, claim, "request_changes", "")

    assert "Say what needs to change." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_a_step_that_needs_a_note_asks_for_it(client, editor):
    claim = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    make_published = Claim.objects.filter(pk=claim.pk)
    make_published.update(status=ClaimStatus.PUBLISHED, first_published_at="2024-01-01T00:00Z")
    client.force_login(editor)
    url = reverse("admin:claims_claim_act", args=[claim.pk, "withdraw"])

    response = client.post(url, {**form_data(client.get(url)), "note": ""})

    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.PUBLISHED


@pytest.mark.parametrize(
    ("username", "status", "expected"),
    [
        ("edna", ClaimStatus.NEW, ["select", "dismiss"]),
        ("fred", ClaimStatus.NEW, []),
        ("rita", ClaimStatus.NEW, []),
        ("edna", ClaimStatus.DISMISSED, ["reopen"]),
        ("edna", ClaimStatus.SELECTED, ["dismiss", "assign", "unselect"]),
    ],
)
def test_each_role_is_offered_exactly_its_steps(
    client, editor, fact_checker, reviewer, username, status, expected
):
    fields = {"dismissal_reason": "opinion"} if status == ClaimStatus.DISMISSED else {}
    claim = ClaimFactory(status=status, **fields)
    client.force_login({"edna": editor, "fred": fact_checker, "rita": reviewer}[username])

    assert offered_steps(client, claim) == expected


def test_bulk_assign_and_dismiss_report_each_refusal(client, editor, fact_checker):
    selected = ClaimFactory(status=ClaimStatus.SELECTED)
    new = ClaimFactory()
    client.force_login(editor)
    changelist = reverse("admin:claims_claim_changelist")

    response = client.post(
        changelist,
        {
            "action": "assign_claims",
            "_selected_action": [selected.pk, new.pk],
            "apply": "1",
            "assignee": fact_checker.pk,
            "note": "",
        },
        follow=True,
    )

    text = " ".join(messages_of(response))
    assert "done for 1 claim" in text
    assert "1 claim(s) are new: select them first (action “Select for checking”)." in text
    selected.refresh_from_db()
    new.refresh_from_db()
    assert (selected.status, new.status) == (ClaimStatus.RESEARCHING, ClaimStatus.NEW)

    response = client.post(
        changelist,
        {
            "action": "dismiss_claims",
            "_selected_action": [new.pk],
            "apply": "1",
            "reason": "out_of_scope",
            "note": "",
        },
        follow=True,
    )
    new.refresh_from_db()
    assert (new.status, new.dismissal_reason) == (ClaimStatus.DISMISSED, "out_of_scope")


def test_bulk_step_first_asks_what_it_needs(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "dismiss_claims", "_selected_action": [claim.pk]},
    )

    assert response.status_code == 200
    assert 'name="reason"' in response.content.decode()
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_bulk_step_on_all_that_match_names_a_few_and_applies_to_every_one(
    client, editor, monkeypatch
):
    monkeypatch.setattr(workflow, "BULK_PREVIEW", 2)
    claims = [ClaimFactory() for _ in range(5)]
    ClaimFactory(status=ClaimStatus.SELECTED)  # filtered out of the list
    client.force_login(editor)
    changelist = reverse("admin:claims_claim_changelist") + "?status__exact=new"

    # "Select all 5 claims" on a list whose page ticked only one of them.
    page = client.post(
        changelist,
        {
            "action": "dismiss_claims",
            "select_across": "1",
            "index": "0",
            "_selected_action": [claims[0].pk],
        },
    )

    assert page.status_code == 200
    assert "For these 5 claims:" in page.text
    assert page.text.count("(New)</li>") == 2
    assert "… and 3 more." in page.text
    data = form_data(page, None)
    data.update(reason="out_of_scope")
    response = client.post(changelist, data, follow=True)

    assert "done for 5 claim" in " ".join(messages_of(response))
    assert Claim.objects.filter(status=ClaimStatus.DISMISSED).count() == 5
    assert Claim.objects.filter(status=ClaimStatus.SELECTED).count() == 1


def test_bulk_step_reports_a_few_refusals_and_counts_the_rest(
    client, editor, fact_checker, monkeypatch
):
    monkeypatch.setattr(workflow, "BULK_PREVIEW", 2)
    claims = [ClaimFactory() for _ in range(5)]  # new claims cannot be assigned
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": "assign_claims",
            "_selected_action": [claim.pk for claim in claims],
            "apply": "1",
            "assignee": fact_checker.pk,
            "note": "",
        },
        follow=True,
    )

    lines = messages_of(response)
    assert lines == ["5 claim(s) are new: select them first (action “Select for checking”)."]
    assert not Claim.objects.exclude(status=ClaimStatus.NEW).exists()


def test_bulk_step_names_a_few_other_refusals_and_counts_the_rest(
    client, editor, fact_checker, monkeypatch
):
    monkeypatch.setattr(workflow, "BULK_PREVIEW", 2)
    # No step leads a dismissed claim to an assignment (it is reopened as new first).
    claims = [
        ClaimFactory(status=ClaimStatus.DISMISSED, dismissal_reason="opinion") for _ in range(5)
    ]
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": "assign_claims",
            "_selected_action": [claim.pk for claim in claims],
            "assignee": fact_checker.pk,
        },
        follow=True,
    )

    lines = messages_of(response)
    assert len([line for line in lines if "not open to a claim that is dismissed" in line]) == 2
    assert "… and 3 more claim(s) refused." in lines
    assert not Claim.objects.exclude(status=ClaimStatus.DISMISSED).exists()


def test_bulk_steps_are_offered_only_to_editors(client, fact_checker):
    ClaimFactory()
    client.force_login(fact_checker)

    page = client.get(reverse("admin:claims_claim_changelist"))

    assert "assign_claims" not in page.content.decode()


def test_queues_show_each_role_its_work(client, fact_checker, reviewer, editor):
    mine = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    waiting = ClaimFactory(status=ClaimStatus.IN_REVIEW)
    Review.objects.create(
        claim=waiting,
        author=fact_checker,
        rating=default_rating(),
        summary="s",
        analysis="a",
        status=ReviewStatus.SUBMITTED,
        round=1,
    )
    url = reverse("admin:claims_claim_queues")

    client.force_login(fact_checker)
    page = client.get(url).content.decode()
    assert "My assignments (1)" in page and mine.text in page
    assert "Waiting for my review" not in page

    client.force_login(reviewer)
    page = client.get(url).content.decode()
    assert "Waiting for my review (1)" in page and waiting.text in page

    client.force_login(editor)
    page = client.get(url).content.decode()
    assert "Ready to publish (0)" in page
    assert '<td class="status-count">1</td>' in page


def test_claim_history_is_visible_and_cannot_be_reverted(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)
    change_url = reverse("admin:claims_claim_change", args=[claim.pk])
    data = form_data(client.get(change_url), "claim_form")
    data["context_note"] = "Added context."
    client.post(change_url, data)

    history = client.get(reverse("admin:claims_claim_history", args=[claim.pk]))
    record = claim.history.latest("history_id")
    revert_url = reverse("admin:claims_claim_simple_history", args=[claim.pk, record.pk])

    assert history.status_code == 200
    assert record.history_user == editor and record.context_note == "Added context."
    assert client.post(revert_url, {}).status_code == 403


def test_a_review_is_read_only_to_everyone_but_its_author_while_a_draft(client, fact_checker):
    other = UserFactory(username="olga", roles=[Role.FACT_CHECKER])
    review = Review.objects.create(
        claim=ClaimFactory(status=ClaimStatus.RESEARCHING), author=fact_checker, summary="draft"
    )
    url = reverse("admin:claims_review_change", args=[review.pk])

    client.force_login(other)
    assert 'name="summary"' not in client.get(url).content.decode()
    client.force_login(fact_checker)
    assert 'name="summary"' in client.get(url).content.decode()


def test_the_review_form_refuses_a_second_verdict_on_a_published_claim(client, fact_checker):
    from django.utils import timezone

    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, first_published_at=timezone.now())
    client.force_login(fact_checker)
    url = reverse("admin:claims_review_add") + f"?claim={claim.pk}"
    data = form_data(client.get(url), "review_form")
    data.update({"rating": str(default_rating().pk), "summary": "s", "analysis": "a"})

    response = client.post(url, data)

    assert response.status_code == 200
    assert "must be a correction" in response.content.decode()
    assert not Review.objects.exists()


def test_a_published_claim_keeps_its_wording(client, editor):
    from django.utils import timezone

    claim = ClaimFactory(status=ClaimStatus.PUBLISHED, first_published_at=timezone.now())
    client.force_login(editor)

    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()

    assert 'name="text"' not in page
    assert 'name="statement"' not in page
    assert 'name="context_note"' not in page  # shown to readers with the verdict
    assert 'name="internal_note"' in page
