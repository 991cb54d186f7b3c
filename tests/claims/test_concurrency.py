"""Two people acting on one claim at the same moment never both win.

Each test runs the two actions in two threads, so on two real database connections, started
together by a barrier. The suite runs these on SQLite and on PostgreSQL (.ci/run).
"""

import threading

import pytest
from django.db import connection, connections

from claims import services
from claims.enums import ClaimStatus, ReviewStatus, Role, Transition
from claims.models import Claim, ClaimEvent, Review, Signoff
from tests.factories import ClaimFactory, EvidenceFactory, ReviewFactory, UserFactory

# serialized_rollback restores what data migrations made (rating scale, role groups) after
# each flush.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def race(*actions):
    """Run the actions at once, each on its own connection; return what each raised."""
    barrier = threading.Barrier(len(actions))
    outcomes = [None] * len(actions)

    def run(index, action):
        try:
            barrier.wait()
            action()
            outcomes[index] = "won"
        except services.WorkflowError as refusal:
            outcomes[index] = " ".join(refusal.messages)
        except Exception as error:  # reported, so a crash is not mistaken for a refusal
            outcomes[index] = f"crashed: {error!r}"
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, a)) for i, a in enumerate(actions)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def submitted_review():
    checker = UserFactory(username="checker", roles=[Role.FACT_CHECKER])
    claim = ClaimFactory(status=ClaimStatus.RESEARCHING, assignee=checker)
    EvidenceFactory(claim=claim)
    review = ReviewFactory(claim=claim, author=checker)
    services.claim_transition(claim=claim, transition=Transition.SUBMIT, by=checker)
    review.refresh_from_db()
    return review


def test_two_editors_selecting_and_dismissing_at_once_have_one_winner():
    first = UserFactory(username="ed1", roles=[Role.EDITOR])
    second = UserFactory(username="ed2", roles=[Role.EDITOR])
    claim = ClaimFactory()
    seen_by_first = Claim.objects.get(pk=claim.pk)
    seen_by_second = Claim.objects.get(pk=claim.pk)

    outcomes = race(
        lambda: services.claim_transition(
            claim=seen_by_first, transition=Transition.SELECT, by=first
        ),
        lambda: services.claim_transition(
            claim=seen_by_second, transition=Transition.DISMISS, by=second, reason="opinion"
        ),
    )

    assert sorted(o == "won" for o in outcomes) == [False, True], outcomes
    assert any("Someone else changed this claim" in o for o in outcomes if o != "won"), outcomes
    claim.refresh_from_db()
    assert claim.version == 2
    assert ClaimEvent.objects.filter(claim=claim).exclude(action="create").count() == 1


def test_publishing_while_a_reviewer_sends_back_has_one_winner():
    editor = UserFactory(username="ed", roles=[Role.EDITOR])
    reviewer = UserFactory(username="rev", roles=[Role.REVIEWER])
    review = submitted_review()
    Review.objects.filter(pk=review.pk).update(
        status=ReviewStatus.APPROVED, approved_at=review.submitted_at
    )
    seen_by_editor = Claim.objects.get(pk=review.claim_id)
    seen_by_reviewer = Claim.objects.get(pk=review.claim_id)

    outcomes = race(
        lambda: services.claim_transition(
            claim=seen_by_editor, transition=Transition.PUBLISH, by=editor
        ),
        lambda: services.claim_transition(
            claim=seen_by_reviewer, transition=Transition.SEND_BACK, by=reviewer, note="Wait."
        ),
    )

    assert sorted(o == "won" for o in outcomes) == [False, True], outcomes
    claim = Claim.objects.get(pk=review.claim_id)
    assert claim.status in (ClaimStatus.PUBLISHED, ClaimStatus.RESEARCHING)
    assert (claim.status == ClaimStatus.PUBLISHED) == (claim.publication_record.count() == 1)


def test_two_reviewers_approving_at_once_sign_off_once():
    first = UserFactory(username="rev1", roles=[Role.REVIEWER])
    second = UserFactory(username="rev2", roles=[Role.REVIEWER])
    review = submitted_review()

    outcomes = race(
        lambda: services.review_approve(review=review, by=first),
        lambda: services.review_approve(review=review, by=second),
    )

    assert sorted(o == "won" for o in outcomes) == [False, True], outcomes
    assert any("not waiting for sign-off" in o for o in outcomes if o != "won"), outcomes
    assert Signoff.objects.filter(review=review).count() == 1
    review.refresh_from_db()
    assert review.status == ReviewStatus.APPROVED


def test_the_database_in_use_is_the_one_ci_asked_for():
    # Guards the PostgreSQL run in .ci/run from silently testing SQLite again.
    import os

    expected = (
        "postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres") else ("sqlite")
    )
    assert connection.vendor == expected
