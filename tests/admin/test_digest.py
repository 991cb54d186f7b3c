"""The daily digest: the check-worthy suggestions of the sources that arrived on a day, best
first, each with its source, speaker and a link into the workspace."""

from __future__ import annotations

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from claims import services
from claims.models import Source
from claims.tasks import process_source
from tests.factories import SourceFactory, UserFactory

pytestmark = pytest.mark.django_db
DIGEST = reverse("admin:claims_source_digest")

FIRST = (
    "Minister speaks\n\n"
    "MOSCOW - Foreign Minister Sergey Lavrov said on Monday that NATO admitted Montenegro, "
    "North Macedonia and Albania in breach of its promises.\n\n"
    "The weather was fine.\n"
)
SECOND = (
    "Budget row\n\n"
    '"Unemployment rose by 5% last year, the highest since 2009," the finance minister, '
    "Jane Roe, told parliament on Tuesday.\n"
)


def arrive(text: str, *, days_ago: int = 0, **fields) -> Source:
    source = SourceFactory(text=text, **fields)
    if days_ago:
        Source.objects.filter(pk=source.pk).update(
            created_at=timezone.now() - datetime.timedelta(days=days_ago)
        )
    process_source.enqueue(source.pk)
    return source


def rows(page: str) -> list[str]:
    return re.findall(r'<tr class="digest-item">(.*?)</tr>', page, flags=re.S)


def test_the_digest_ranks_the_days_check_worthy_suggestions(client, editor):
    first, second = arrive(FIRST), arrive(SECOND)
    arrive("Old news\n\nThe mayor said that 40% of buses ran late in 2023.\n", days_ago=1)
    client.force_login(editor)

    page = client.get(DIGEST).content.decode()

    found = rows(page)
    assert len(found) == 2
    assert "Unemployment rose by 5% last year" in found[0] and "Jane Roe" in found[0]
    assert "NATO admitted Montenegro" in found[1] and "Sergey Lavrov" in found[1]
    scores = [float(re.search(r"<td>([0-9.]+)</td>", row).group(1)) for row in found]
    assert scores == sorted(scores, reverse=True)
    assert "The weather was fine." not in page and "buses" not in page
    assert reverse("admin:claims_source_workspace", args=[second.pk]) + "#cand-" in found[0]
    assert reverse("admin:claims_source_change", args=[first.pk]) in found[1]
    assert "2 sources arrived; 2 check-worthy suggestions." in page


def test_a_date_shows_that_days_arrivals(client, editor):
    arrive(FIRST)
    arrive("Old news\n\nThe mayor said that 40% of buses ran late in 2023.\n", days_ago=1)
    client.force_login(editor)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    page = client.get(DIGEST, {"date": yesterday.isoformat()}).content.decode()

    assert len(rows(page)) == 1 and "buses ran late" in page
    assert "NATO admitted" not in page


def test_suggestions_an_editor_decided_leave_the_digest(client, editor):
    source = arrive(FIRST)
    candidate = next(
        c for c in source.stored_suggestions.report["candidates"] if "NATO" in c["text"]
    )
    services.suggestion_decide(
        source=source, start=candidate["start"], end=candidate["end"], by=editor
    )
    client.force_login(editor)

    page = client.get(DIGEST).content.decode()

    assert rows(page) == []
    assert "Nothing to check from this day." in page


def test_sources_the_worker_has_not_read_yet_are_counted(client, editor):
    SourceFactory(text=FIRST)  # arrived, its job not run yet
    client.force_login(editor)

    page = client.get(DIGEST).content.decode()

    assert "1 source is still waiting to be read by the worker." in page


def test_an_alert_shows_beside_its_suggestion(client, editor, publish):
    publish("false", text="NATO admitted Montenegro, North Macedonia and Albania")
    arrive(FIRST)
    client.force_login(editor)

    page = client.get(DIGEST).content.decode()

    assert 'class="digest-alert"' in page and "Repeats?" in page


@pytest.mark.parametrize("date", ["yesterday", "2026-02-30", "9999999-01-01", "<b>"])
def test_a_bad_date_is_a_form_error_not_a_crash(client, editor, date):
    client.force_login(editor)

    response = client.get(DIGEST, {"date": date})

    assert response.status_code == 200
    assert "Enter a valid date." in response.content.decode()
    assert rows(response.content.decode()) == []


def test_every_role_reads_the_digest_and_staff_without_one_do_not(client, reviewer):
    client.force_login(reviewer)
    assert client.get(DIGEST).status_code == 200

    client.force_login(UserFactory(username="nobody"))
    assert client.get(DIGEST).status_code == 403


@pytest.mark.parametrize("count", [1, 8])
def test_the_digest_runs_a_fixed_number_of_queries(
    client, editor, count, django_assert_num_queries
):
    for n in range(count):
        arrive(FIRST.replace("Monday", f"day {n}"))
    client.force_login(editor)
    client.get(DIGEST)

    with django_assert_num_queries(9):
        page = client.get(DIGEST).content.decode()

    assert len(rows(page)) == count
