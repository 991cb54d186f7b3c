"""Steps in one click with an Undo, bulk Select, the sign-off page, corrections published by the
editor, and the claim page's links to the readers' page."""

import pytest
from django.core import mail
from django.urls import reverse

from claims import services
from claims.enums import ClaimStatus, CorrectionKind, ReviewStatus, Transition
from claims.models import Claim, ClaimEvent, Review
from claims.selectors import claim_current_review
from tests.admin.test_admin_workflow import messages_of, offered_steps, one_click, sign_off
from tests.adminforms import form_data
from tests.factories import (
    ClaimFactory,
    EvidenceFactory,
    SourceFactory,
    StatementFactory,
    default_rating,
)

pytestmark = pytest.mark.django_db


def claim_page(client, claim) -> str:
    return client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()


def actions_of(claim) -> list[tuple[str, str, str]]:
    return list(
        ClaimEvent.objects.filter(claim=claim)
        .order_by("id")
        .values_list("action", "from_status", "to_status")
    )


def undo_data(response) -> tuple[str, dict]:
    """The Undo button's form in the success message: its address and fields."""
    html = " ".join(messages_of(response))
    action = html.split('action="', 1)[1].split('"', 1)[0]
    fields = {}
    for chunk in html.split("<input ")[1:]:
        name = chunk.split('name="', 1)[1].split('"', 1)[0]
        fields[name] = chunk.split('value="', 1)[1].split('"', 1)[0]
    return action, fields


def in_review(fact_checker, **fields) -> tuple[Claim, Review]:
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker, **fields)
    EvidenceFactory(claim=claim, excerpt="Albania joined in 2009.")
    review = Review.objects.create(
        claim=claim,
        author=fact_checker,
        rating=default_rating("mostly-false"),
        summary="Two joined, not three.",
        analysis="Only **two** joined since 2009.",
    )
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    return claim, review


# --- one click, and its Undo -------------------------------------------------------------------


def test_select_is_one_button_on_the_claim_page_with_no_page_between(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    html = claim_page(client, claim)
    assert '<form id="step-select" method="post"' in html
    assert 'button type="submit" form="step-select"' in html

    response = one_click(client, claim, "select")

    assert response.redirect_chain == [(reverse("admin:claims_claim_change", args=[claim.pk]), 302)]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SELECTED
    assert "Done: Select for checking." in messages_of(response)[0]
    assert 'class="button undo"' in messages_of(response)[0]


def test_a_get_on_a_one_click_step_changes_nothing(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    client.get(reverse("admin:claims_claim_act", args=[claim.pk, "select"]))

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW


def test_undo_takes_the_reverse_step_and_logs_it(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)
    action, fields = undo_data(one_click(client, claim, "select"))

    response = client.post(action, fields, follow=True)

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.NEW
    assert "Undone: Select for checking." in messages_of(response)[0]
    assert actions_of(claim) == [
        ("select", "new", "selected"),
        ("unselect", "selected", "new"),
    ]


def test_undo_of_an_assignment_takes_it_back(client, editor, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.SELECTED)
    client.force_login(editor)
    response = one_click(client, claim, "assign", assignee=str(fact_checker.pk))
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == (ClaimStatus.RESEARCHING, fact_checker)

    client.post(*undo_data(response))

    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == (ClaimStatus.SELECTED, None)


def test_undo_of_a_reassignment_gives_the_claim_back_to_the_earlier_fact_checker(
    client, editor, fact_checker
):
    from tests.factories import UserFactory

    other = UserFactory(username="olga", roles=["Fact-checker"])
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    client.force_login(editor)
    response = one_click(client, claim, "assign", assignee=str(other.pk))

    client.post(*undo_data(response))

    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == (ClaimStatus.RESEARCHING, fact_checker)


def test_undo_after_someone_else_acted_is_refused(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)
    action, fields = undo_data(one_click(client, claim, "select"))
    claim.refresh_from_db()
    services.claim_transition(
        claim=claim, transition=Transition.DISMISS, by=editor, reason="opinion"
    )

    response = client.post(action, fields, follow=True)

    assert "Someone else changed this claim" in " ".join(messages_of(response))
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DISMISSED


@pytest.mark.parametrize("version", ["", "x", "99999999999999999999999"])
def test_an_undo_with_a_bad_version_says_so_and_changes_nothing(client, editor, version):
    claim = ClaimFactory(status=ClaimStatus.SELECTED)
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_undo", args=[claim.pk, "select"]),
        {"version": version},
        follow=True,
    )

    assert response.status_code == 200
    assert messages_of(response)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SELECTED


def test_a_fact_checker_takes_back_a_submission_nobody_signed_yet(client, fact_checker, reviewer):
    claim, review = in_review(fact_checker)
    client.force_login(fact_checker)

    response = one_click(client, claim, "recall")

    claim.refresh_from_db()
    review.refresh_from_db()
    assert (claim.status, review.status) == (ClaimStatus.RESEARCHING, ReviewStatus.DRAFT)
    client.post(*undo_data(response))  # and submits it again
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW


def test_a_submission_a_reviewer_signed_cannot_be_taken_back(fact_checker, reviewer):
    claim, review = in_review(fact_checker)
    services.review_request_changes(review=review, by=reviewer, comment="Which table?")
    claim.refresh_from_db()
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    services.review_request_changes(review=review, by=reviewer, comment="Still unclear.")
    claim.refresh_from_db()
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    Review.objects.get(pk=review.pk).signoffs.create(
        round=Review.objects.get(pk=review.pk).round, reviewer=reviewer, decision="approve"
    )
    claim.refresh_from_db()

    with pytest.raises(services.WorkflowError):
        services.claim_transition(claim=claim, transition=Transition.RECALL, by=fact_checker)


# --- bulk Select, and refusals that name the step first -----------------------------------------


def test_bulk_select_needs_no_page_and_lists_the_claims_selected(client, editor):
    claims = [ClaimFactory() for _ in range(3)]
    ClaimFactory()  # not ticked
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": "select_claims", "_selected_action": [c.pk for c in claims]},
        follow=True,
    )

    assert "Select for checking: done for 3 claim(s)." in messages_of(response)
    assert Claim.objects.filter(status=ClaimStatus.SELECTED).count() == 3
    assert response.context["cl"].result_count == 3  # the list shows just these


def test_bulk_select_with_a_fact_checker_assigns_too(client, editor, fact_checker):
    claims = [ClaimFactory() for _ in range(2)]
    client.force_login(editor)

    client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": "select_claims",
            "_selected_action": [c.pk for c in claims],
            "assignee": fact_checker.pk,
        },
    )

    assert set(Claim.objects.values_list("status", "assignee")) == {
        (ClaimStatus.RESEARCHING, fact_checker.pk)
    }
    assert [a for a, _f, _t in actions_of(claims[0])] == ["select", "assign"]


def test_bulk_assign_of_new_claims_says_to_select_them_first(client, editor, fact_checker):
    claims = [ClaimFactory() for _ in range(2)]
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {
            "action": "assign_claims",
            "_selected_action": [c.pk for c in claims],
            "assignee": fact_checker.pk,
        },
        follow=True,
    )

    assert messages_of(response) == [
        "2 claim(s) are new: select them first (action “Select for checking”)."
    ]
    assert not Claim.objects.exclude(status=ClaimStatus.NEW).exists()


def test_a_step_refused_for_its_status_names_the_step_first(editor, fact_checker):
    claim = ClaimFactory()

    with pytest.raises(services.WorkflowError, match="first “Select for checking”"):
        services.claim_transition(
            claim=claim, transition=Transition.ASSIGN, by=editor, assignee=fact_checker
        )


# --- the sign-off page ---------------------------------------------------------------------------


def test_the_signoff_page_shows_what_is_signed(client, fact_checker, reviewer):
    source = SourceFactory(
        text="Intro line.\nIn Brussels the minister said the alliance grew by three. Then more.\n"
        "Another paragraph."
    )
    start = source.text.index("the alliance grew")
    statement = StatementFactory(source=source, start=start, end=start + len("the alliance grew"))
    claim, _review = in_review(fact_checker, statement=statement)
    client.force_login(reviewer)

    html = client.get(reverse("admin:claims_claim_signoff", args=[claim.pk])).content.decode()

    assert (
        "In Brussels the minister said <mark>the alliance grew</mark> by three. Then more." in html
    )
    assert "Intro line." not in html and "Another paragraph." not in html
    assert '<li class="this" aria-current="true">Mostly false</li>' in html
    assert "<li>True</li>" in html  # the rest of the scale
    assert "Only <strong>two</strong> joined since 2009." in html  # rendered as readers see it
    assert "Albania joined in 2009." in html
    assert "What readers see now" not in html


def test_the_signoff_page_sends_back_with_a_comment_and_approves(client, fact_checker, reviewer):
    claim, review = in_review(fact_checker)
    client.force_login(reviewer)

    sign_off(client, claim, "request_changes", "Which table?")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESEARCHING
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    sign_off(client, claim, "approve")

    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED


def test_the_signoff_page_of_a_claim_with_nothing_to_sign_sends_back_to_the_claim(client, reviewer):
    claim = ClaimFactory()
    client.force_login(reviewer)

    response = client.get(reverse("admin:claims_claim_signoff", args=[claim.pk]), follow=True)

    assert "Nothing on this claim waits for your sign-off now." in messages_of(response)


# --- corrections through the editor ------------------------------------------------------------


@pytest.fixture
def correction_signed_off(publish, fact_checker, reviewer):
    claim = publish("false")
    correction = services.review_create(
        claim=claim,
        author=fact_checker,
        rating=default_rating("mostly-false"),
        summary="Mostly false after the revision.",
        analysis="The **revised** list.",
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="We changed the rating after the revision.",
    )
    services.review_submit_correction(review=correction, by=fact_checker)
    mail.outbox.clear()
    services.review_approve(review=correction, by=reviewer)
    return claim, correction


def test_a_signed_off_correction_waits_on_the_editors_home_and_is_published_there(
    client, editor, correction_signed_off
):
    claim, correction = correction_signed_off
    client.force_login(editor)

    home = client.get(reverse("admin:index")).content.decode()
    publish_url = reverse("admin:claims_claim_act", args=[claim.pk, "publish_correction"])
    assert publish_url in home.split('id="home-ready"', 1)[1].split("</section>", 1)[0]
    assert str(claim.text[:40]) in home.split('id="home-corrections"', 1)[1]

    page = client.get(publish_url).content.decode()
    assert "What readers see now" in page and "The correction" in page
    assert "The <strong>revised</strong> list." in page
    response = client.post(publish_url, form_data(client.get(publish_url), None), follow=True)

    assert "Done: Publish the correction." in messages_of(response)
    assert claim_current_review(claim) == correction
    assert claim.publication_record.filter(kind="correction").count() == 1


def test_the_editors_are_told_by_e_mail_a_correction_was_signed_off(
    publish, fact_checker, reviewer, editor, django_capture_on_commit_callbacks
):
    from claims.discussion.models import Notification

    claim = publish("false")
    correction = services.review_create(
        claim=claim,
        author=fact_checker,
        rating=default_rating("mostly-false"),
        summary="Mostly false after the revision.",
        analysis="The revised list.",
        correction_kind=CorrectionKind.RATING_CHANGE,
        public_note="We changed the rating after the revision.",
    )
    services.review_submit_correction(review=correction, by=fact_checker)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        services.review_approve(review=correction, by=reviewer)

    assert Notification.objects.filter(recipient=editor, kind=Notification.Kind.READY).count() == 1
    assert [message.to for message in mail.outbox] == [[editor.email]]


def test_the_correction_form_starts_from_the_current_verdict(client, publish, fact_checker):
    claim = publish("false")
    current = claim_current_review(claim)
    client.force_login(fact_checker)

    html = offered_steps(client, claim)
    assert "write_correction" in html
    page = client.get(
        reverse("admin:claims_review_add") + f"?claim={claim.pk}&correction_kind=clarification"
    )

    form = page.context["adminform"].form
    assert form.initial["rating"] == current.rating_id
    assert form.initial["summary"] == current.summary
    assert form.initial["analysis"] == current.analysis
    assert form.initial["correction_kind"] == "clarification"


@pytest.mark.parametrize("claim_id", ["", "x", "0", "99999999999999999999999"])
def test_the_review_form_takes_a_bad_claim_in_its_address_calmly(client, fact_checker, claim_id):
    client.force_login(fact_checker)

    page = client.get(reverse("admin:claims_review_add") + f"?claim={claim_id}")

    assert page.status_code == 200


def test_save_and_submit_sends_the_review_with_a_word_in_the_thread(client, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    EvidenceFactory(claim=claim)
    client.force_login(fact_checker)
    url = reverse("admin:claims_review_add") + f"?claim={claim.pk}"
    data = form_data(client.get(url), "review_form")
    data.update(
        rating=str(default_rating("true").pk),
        summary="Three joined.",
        analysis="Albania, Montenegro, North Macedonia.",
        thread_note="Sources in the evidence.",
        _submit_for_signoff="1",
    )

    response = client.post(url, data, follow=True)

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.IN_REVIEW
    assert "Done: Submit for review." in " ".join(messages_of(response))
    assert claim.comments.get().body == "Sources in the evidence."


def test_save_and_submit_without_evidence_keeps_the_draft_and_says_why(client, fact_checker):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=fact_checker)
    client.force_login(fact_checker)
    url = reverse("admin:claims_review_add") + f"?claim={claim.pk}"
    data = form_data(client.get(url), "review_form")
    data.update(
        rating=str(default_rating("true").pk),
        summary="Three joined.",
        analysis="Albania, Montenegro, North Macedonia.",
        _submit_for_signoff="1",
    )

    response = client.post(url, data, follow=True)

    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESEARCHING
    assert Review.objects.get(claim=claim).status == ReviewStatus.DRAFT
    assert "Add at least one piece of evidence" in " ".join(messages_of(response))


# --- the readers' page from the claim's --------------------------------------------------------


def test_an_unpublished_claim_links_its_draft_preview(client, editor):
    claim = ClaimFactory()
    client.force_login(editor)

    html = claim_page(client, claim)

    preview = reverse("claims:detail", args=[claim.slug])
    assert f'href="{preview}"' in html and "Preview (draft)" in html
    assert client.get(preview).status_code == 200  # the staff preview exists
    assert "View on site" not in html


def test_a_published_claim_links_its_page_on_the_site(client, editor, publish):
    claim = publish()
    client.force_login(editor)

    html = claim_page(client, claim)

    assert "View on site" in html and "Preview (draft)" not in html
    assert f'href="{reverse("claims:detail", args=[claim.slug])}"' in html


def test_the_home_opens_each_persons_next_page(client, fact_checker, reviewer, editor):
    claim, review = in_review(fact_checker)
    client.force_login(reviewer)
    home = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:claims_claim_signoff", args=[claim.pk]) in home

    sign_off(client, claim, "request_changes", "Which table?")
    client.force_login(fact_checker)
    home = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:claims_review_change", args=[review.pk]) in home
    assert "Revise and resubmit" in home

    claim.refresh_from_db()
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=fact_checker)
    services.review_approve(review=review, by=reviewer)
    client.force_login(editor)
    home = client.get(reverse("admin:index")).content.decode()
    assert reverse("admin:claims_claim_act", args=[claim.pk, "publish"]) in home


def test_the_author_has_no_signoff_page_for_their_own_review(client, fact_checker):
    claim, _review = in_review(fact_checker)
    client.force_login(fact_checker)

    response = client.post(
        reverse("admin:claims_claim_signoff", args=[claim.pk]),
        {"decision": "approve"},
        follow=True,
    )

    assert "Nothing on this claim waits for your sign-off now." in messages_of(response)
    assert Review.objects.get(claim=claim).status == ReviewStatus.SUBMITTED


@pytest.mark.parametrize("previous", ["x", "0", "99999999999999999999999"])
def test_an_undo_with_a_bad_fact_checker_says_so_and_changes_nothing(client, editor, previous):
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING)
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_undo", args=[claim.pk, "assign"]),
        {"version": claim.version, "previous_assignee": previous},
        follow=True,
    )

    assert response.status_code == 200
    assert "That step cannot be undone from here." in messages_of(response)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RESEARCHING


@pytest.mark.parametrize("assignee", ["x", "0", "99999999999999999999999"])
@pytest.mark.parametrize("action", ["select_claims", "assign_claims"])
def test_a_bulk_step_with_a_bad_fact_checker_changes_nothing(client, editor, action, assignee):
    claim = ClaimFactory(status=ClaimStatus.NEW if action == "select_claims" else "selected")
    client.force_login(editor)

    response = client.post(
        reverse("admin:claims_claim_changelist"),
        {"action": action, "_selected_action": [claim.pk], "assignee": assignee},
        follow=True,
    )

    assert response.status_code == 200
    assert messages_of(response)
    assert Claim.objects.get(pk=claim.pk).status == claim.status
