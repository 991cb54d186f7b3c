"""A new source's suggestions, computed once when it arrives and stored, and the alerts raised
for words that repeat a claim the desk published or is checking (`claims.arrival`), through the
job that does it (`process_source`, run at once by the immediate backend)."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.tasks import TaskResultStatus
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import services
from claims.arrival import source_arrived
from claims.enums import ClaimStatus
from claims.models import Alert, Source, SourceSuggestions
from claims.suggestions import engine_version
from claims.tasks import import_url, process_source
from tests.factories import ClaimFactory, SourceFactory, StatementFactory
from tests.imports.conftest import PAGE

pytestmark = pytest.mark.django_db

NEW_ARTICLE = (
    "Minister repeats NATO claim\n\n"
    "MOSCOW - Foreign Minister Sergey Lavrov said on Monday that NATO admitted Montenegro, "
    "North Macedonia and Albania in breach of its promises.\n\n"
    '"The alliance has grown by 14 members since 1999," Lavrov told reporters.\n\n'
    "The weather was fine.\n"
)
REPEATED = "NATO admitted Montenegro, North Macedonia and Albania in breach of its promises"


@pytest.fixture
def published_claim(publish):
    return publish("false", text="NATO admitted Montenegro, North Macedonia and Albania")


def arrived(**fields) -> Source:
    return SourceFactory(text=NEW_ARTICLE, publisher="Sputnik", **fields)


def test_process_source_stores_the_engines_report_and_raises_an_alert(published_claim):
    source = arrived()

    job = process_source.enqueue(source.pk)

    assert job.status == TaskResultStatus.SUCCESSFUL
    stored = SourceSuggestions.objects.get(source=source)
    assert stored.engine_version == engine_version()
    assert stored.content_hash == source.content_hash
    texts = [candidate["text"] for candidate in stored.report["candidates"]]
    assert REPEATED in texts
    alert = Alert.objects.get()
    assert job.return_value == {
        "source": source.pk,
        "found": True,
        "candidates": len(texts),
        "alerts": [alert.pk],
        "linked": [],
    }
    assert (alert.source, alert.claim, alert.status) == (source, published_claim, "open")
    assert alert.text == REPEATED == source.text[alert.start : alert.end]
    assert alert.speaker_name == "Sergey Lavrov"
    assert alert.score >= 0.7


def test_process_source_run_twice_stores_nothing_twice(published_claim):
    source = arrived()
    first = process_source.enqueue(source.pk)
    computed_at = SourceSuggestions.objects.get().computed_at

    second = process_source.enqueue(source.pk)

    assert SourceSuggestions.objects.count() == 1 and Alert.objects.count() == 1
    assert SourceSuggestions.objects.get().computed_at == computed_at  # reused, not recomputed
    assert first.return_value["alerts"] and second.return_value["alerts"] == []


def test_a_dismissed_alert_stays_dismissed_when_the_job_runs_again(published_claim, editor):
    source = arrived()
    process_source.enqueue(source.pk)
    services.alert_dismiss(alert=Alert.objects.get(), by=editor)

    process_source.enqueue(source.pk)

    assert list(Alert.objects.values_list("status", flat=True)) == ["dismissed"]


def test_suggestions_made_by_another_engine_are_computed_again(published_claim):
    source = arrived()
    SourceSuggestions.objects.create(
        source=source,
        engine_version="an older engine",
        content_hash=source.content_hash,
        report={"paragraphs": [], "candidates": [], "speakers": []},
    )

    process_source.enqueue(source.pk)

    stored = SourceSuggestions.objects.get()
    assert stored.engine_version == engine_version()
    assert stored.report["candidates"]
    assert Alert.objects.count() == 1


def test_suggestions_stored_in_another_shape_are_computed_again(published_claim):
    source = arrived()
    SourceSuggestions.objects.create(
        source=source,
        engine_version=engine_version(),
        content_hash=source.content_hash,
        report={"paragraphs": [{"no such field": 1}], "candidates": [], "speakers": []},
    )

    job = process_source.enqueue(source.pk)

    assert job.status == TaskResultStatus.SUCCESSFUL
    assert SourceSuggestions.objects.get().report["candidates"]


@pytest.mark.parametrize(
    "status", [ClaimStatus.NEW, ClaimStatus.DISMISSED], ids=["new", "dismissed"]
)
def test_claims_the_desk_is_not_checking_raise_no_alert(status):
    fields = {"dismissal_reason": "opinion"} if status == ClaimStatus.DISMISSED else {}
    ClaimFactory(
        text="NATO admitted Montenegro, North Macedonia and Albania", status=status, **fields
    )
    source = arrived()

    process_source.enqueue(source.pk)

    assert SourceSuggestions.objects.filter(source=source).exists()
    assert not Alert.objects.exists()


def test_a_claim_being_checked_raises_an_alert():
    checking = ClaimFactory(
        text="NATO admitted Montenegro, North Macedonia and Albania",
        status=ClaimStatus.RESEARCHING,
    )

    process_source.enqueue(arrived().pk)

    assert Alert.objects.get().claim == checking


def test_words_below_the_check_worthiness_threshold_raise_no_alert(published_claim, settings):
    settings.FACTCHECK_CHECKWORTHY_SCORE = 0.99

    process_source.enqueue(arrived().pk)

    assert not Alert.objects.exists()


def test_claims_made_from_the_same_source_never_alert(publish):
    source = arrived()
    start = source.text.index(REPEATED)
    statement = StatementFactory(source=source, start=start, end=start + len(REPEATED))
    publish(
        "false", text="NATO admitted Montenegro, North Macedonia and Albania", statement=statement
    )

    process_source.enqueue(source.pk)

    assert not Alert.objects.exists()


def test_a_source_deleted_before_the_job_ran_is_no_failure():
    source = arrived()
    source_id = source.pk
    source.delete()

    job = process_source.enqueue(source_id)

    assert job.status == TaskResultStatus.SUCCESSFUL
    assert job.return_value == {"source": source_id, "found": False}
    assert not SourceSuggestions.objects.exists()


def test_source_arrived_runs_the_job_once_the_source_is_committed(
    published_claim, django_capture_on_commit_callbacks
):
    source = arrived()

    with django_capture_on_commit_callbacks() as callbacks:
        source_arrived(source)
        assert not SourceSuggestions.objects.exists()  # nothing before the commit
    for callback in callbacks:
        callback()

    assert len(callbacks) == 1
    assert SourceSuggestions.objects.filter(source=source).exists()
    assert Alert.objects.filter(source=source).count() == 1


def test_a_url_import_sends_a_new_source_on_and_not_one_already_there(
    site, fetch_settings, django_capture_on_commit_callbacks
):
    url = site.add("/story", PAGE)
    with django_capture_on_commit_callbacks(execute=True) as first:
        import_url.enqueue(url)
    with django_capture_on_commit_callbacks(execute=True) as second:
        import_url.enqueue(url)

    source = Source.objects.get()
    assert SourceSuggestions.objects.get().source == source
    assert len(first) == 1 and second == []


def test_a_pasted_article_in_the_admin_is_sent_on_once(
    client, editor, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    paste = {"text": NEW_ARTICLE, "kind": "article"}

    with django_capture_on_commit_callbacks(execute=True) as first:
        client.post(reverse("admin:claims_source_import"), paste)
    with django_capture_on_commit_callbacks(execute=True) as again:
        client.post(reverse("admin:claims_source_import"), paste)

    assert len(first) == 1 and again == []
    assert SourceSuggestions.objects.get().source == Source.objects.get()


def test_import_source_sends_each_new_article_on(tmp_path, django_capture_on_commit_callbacks):
    (tmp_path / "one.txt").write_text(NEW_ARTICLE)
    (tmp_path / "two.txt").write_text("Budget row\n\nThe minister said unemployment rose by 5%.")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        call_command("import_source", str(tmp_path), stdout=io.StringIO())

    assert len(callbacks) == 2
    assert SourceSuggestions.objects.count() == 2


def test_matching_reads_the_claims_once_for_a_source_however_many_its_candidates(
    published_claim,
):
    """Each check-worthy suggestion is matched against the desk's claims with one lookup of its
    words in the full-text index; everything else (the vector index, the claims' details) is
    read once for the source, however many its candidates."""
    from claims.arrival import is_checkworthy, repeats_in, suggestions_for

    more = (
        "Prime Minister Anna Berg said unemployment fell to 4.1 percent last year.\n\n"
        "Finance Minister Tom Reyes said the deficit doubled to 60 billion dollars in 2023.\n\n"
        "Health Minister Lea Park said hospital waiting lists grew by a third since 2019.\n\n"
        "Governor Omar Diaz said inflation reached 9 percent in March, a 40-year high.\n\n"
        "Senator Ruth Cole said exports to China tripled over the past decade.\n\n"
        "Mayor Ivan Petrov said crime in the city dropped by 12 percent in 2022.\n"
    )
    short = SourceFactory(text=NEW_ARTICLE, publisher="Sputnik")
    long = SourceFactory(text=NEW_ARTICLE + "\n" + more, publisher="Sputnik")
    suggestions = {source: suggestions_for(source) for source in (short, long)}
    worth = {
        source: [c for c in found.candidates if is_checkworthy(c)]
        for source, found in suggestions.items()
    }
    assert len(worth[long]) >= len(worth[short]) + 5

    repeats_in(short, suggestions[short])  # the encoder loaded once
    with CaptureQueriesContext(connection) as short_queries:
        short_found = repeats_in(short, suggestions[short])
    with CaptureQueriesContext(connection) as long_queries:
        long_found = repeats_in(long, suggestions[long])

    more_candidates = len(worth[long]) - len(worth[short])
    assert len(long_queries) - len(short_queries) <= more_candidates
    assert [(c.text, claim) for c, claim, *_ in short_found] == [(REPEATED, published_claim.pk)]
    assert [(c.text, claim) for c, claim, *_ in long_found] == [(REPEATED, published_claim.pk)]
