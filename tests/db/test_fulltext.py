"""Full-text search of claims and sources, on SQLite (FTS5) and PostgreSQL (tsvector + GIN):
stemming, ranking, every write path keeping the index, and reader input that is never read as
query syntax."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.db.fulltext import (
    forget_known_many,
    install_search_index,
    rebuild_search_index,
    remove_search_index,
    search_index_paused,
)
from claims.models import Claim, Source, Speaker
from claims.selectors import search_claims, search_sources
from tests.factories import ClaimFactory, SourceFactory, SpeakerFactory, StatementFactory

pytestmark = pytest.mark.django_db


def found(term: str) -> list[str]:
    return list(search_claims(Claim.objects.all(), term).values_list("text", flat=True))


def test_words_match_across_forms_of_a_word():
    ClaimFactory(text="Unemployment fell to a record low in May.")
    ClaimFactory(text="Exports rose sharply.")

    assert found("unemployment falls") == []  # 'fell' is not a form of 'fall' to a stemmer
    assert found("records") == ["Unemployment fell to a record low in May."]
    assert found("EXPORT") == ["Exports rose sharply."]


def test_every_word_is_required():
    ClaimFactory(text="The bridge cost four billion euros.")
    ClaimFactory(text="The tunnel cost two billion euros.")

    assert found("bridge billion") == ["The bridge cost four billion euros."]
    assert sorted(found("billion euros")) == [
        "The bridge cost four billion euros.",
        "The tunnel cost two billion euros.",
    ]


def test_the_quote_and_the_speakers_name_are_searched_too():
    speaker = SpeakerFactory(name="Dana Ortiz")
    claim = ClaimFactory(text="Wages grew.", statement=StatementFactory(speaker=speaker))

    assert found("Ortiz") == [claim.text]
    assert found("alliance") == [claim.text]  # in the statement's quote (tests/factories)


def test_renaming_a_speaker_reindexes_their_claims():
    speaker = SpeakerFactory(name="Dana Ortiz")
    claim = ClaimFactory(text="Wages grew.", statement=StatementFactory(speaker=speaker))

    Speaker.objects.filter(pk=speaker.pk).update(name="Dana Ortiz-Reyes")

    assert found("Reyes") == [claim.text]


def test_edited_and_deleted_claims_leave_the_index():
    claim = ClaimFactory(text="The bridge cost four billion euros.")
    Claim.objects.filter(pk=claim.pk).update(text="The tunnel cost two billion euros.")

    assert found("bridge") == []
    assert found("tunnel") == ["The tunnel cost two billion euros."]
    Claim.objects.filter(pk=claim.pk).delete()
    assert found("tunnel") == []


def test_better_matches_rank_higher():
    weak = ClaimFactory(text="Inflation was mentioned once in a report on housing.")
    strong = ClaimFactory(text="Inflation, inflation: inflation reached 9%.")

    ranked = list(search_claims(Claim.objects.all(), "inflation").order_by("-search_rank"))

    assert ranked == [strong, weak]
    assert ranked[0].search_rank > ranked[1].search_rank


@pytest.mark.parametrize(
    "typed",
    ['"unbalanced', "NEAR(a b)", "a AND OR NOT", "col:value", "*", "-", "'; DROP TABLE x; --", ""],
)
def test_reader_input_is_never_query_syntax(typed):
    ClaimFactory(text="Exports rose sharply.")

    assert found(typed) == []


def test_sources_are_searched_by_title_and_text():
    source = SourceFactory(title="Budget hearing", text="The committee heard the minister.")
    SourceFactory(title="Weather report", text="Rain all week.")

    def titles(term: str) -> list[str]:
        return list(search_sources(Source.objects.all(), term).values_list("title", flat=True))

    assert titles("budget") == [source.title]
    assert titles("committee") == [source.title]
    assert titles("hearing minister") == [source.title]


def test_installing_again_fills_an_index_that_fell_behind():
    claim = ClaimFactory(text="Exports rose sharply.")
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("UPDATE claims_claim SET search_vector = NULL")
        else:
            cursor.execute("DELETE FROM claims_claim_fts")
    assert found("exports") == []

    install_search_index(connection)

    assert found("exports") == [claim.text]
    rebuild_search_index(connection)
    assert found("exports") == [claim.text]


# Committed: PostgreSQL builds no index while foreign-key checks are pending. Serialized
# rollback restores the rows migrations made, as every committing test here does.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_rows_loaded_while_the_index_is_paused_are_found_afterwards():
    before = ClaimFactory(text="Exports rose sharply.")
    with search_index_paused(connection):
        during = ClaimFactory(text="Exports of grain fell.")
        assert found("grain") == []  # not indexed row by row
    after = ClaimFactory(text="Exports of wheat stalled.")

    assert sorted(found("exports")) == sorted([before.text, during.text, after.text])
    during.text = "Imports of grain fell."
    during.save()
    assert found("imports") == [during.text]  # the triggers are back


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_bulk_load_that_died_midway_is_mended_by_the_next_install():
    # What a load killed inside search_index_paused leaves: no triggers, no GIN indexes.
    remove_search_index(connection)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("DROP INDEX claims_claim_search_gin, claims_source_search_gin")
    claim = ClaimFactory(text="Exports of grain fell.")
    assert found("grain") == []

    install_search_index(connection)  # what every migrate runs

    assert found("grain") == [claim.text]
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT indexname FROM pg_indexes WHERE indexname LIKE '%search_gin'")
            assert sorted(row[0] for row in cursor.fetchall()) == [
                "claims_claim_search_gin",
                "claims_source_search_gin",
            ]
    claim.text = "Imports of grain fell."
    claim.save()
    assert found("imports") == [claim.text]  # the triggers are back


def test_the_last_word_matches_as_a_prefix_while_typing():
    ClaimFactory(text="NATO admitted Montenegro in 2017.")

    assert found("nato monten") == ["NATO admitted Montenegro in 2017."]
    assert found("monten nato") == []  # only the last word is a prefix
    assert found("mo") == []  # too short to be a useful prefix


def test_the_admin_claim_search_uses_the_full_text_index(client, superuser):
    speaker = SpeakerFactory(name="Dana Ortiz")
    shown = ClaimFactory(text="Wages grew.", statement=StatementFactory(speaker=speaker))
    hidden = ClaimFactory(text="Exports rose sharply.")
    client.force_login(superuser)

    page = client.get("/admin/claims/claim/", {"q": "ortiz"}).content.decode()

    assert shown.text in page and hidden.text not in page


# --- PostgreSQL: completions of the last word, and when matches are not ranked -------------

postgres_only = pytest.mark.skipif(
    "connection.vendor != 'postgresql'", reason="PostgreSQL's own search path"
)


def search_words() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT word FROM claims_claim_search_word")
        return {word for (word,) in cursor.fetchall()}


@postgres_only
def test_every_word_of_every_write_path_is_listed_for_completion():
    claim = ClaimFactory(text="Montenegro joined.", statement__speaker__name="Dana Ortiz")
    assert {"montenegro", "join", "dana", "ortiz"} <= search_words()
    claim.text = "Macedonia joined."
    claim.save()
    speaker = claim.statement.speaker
    speaker.name = "Lea Quist"
    speaker.save()
    assert {"macedonia", "lea", "quist"} <= search_words()
    assert found("macedo") == found("lea quis") == ["Macedonia joined."]


@postgres_only
def test_a_prefix_with_too_many_completions_is_matched_by_the_index(monkeypatch):
    ClaimFactory(text="Exports rose."), ClaimFactory(text="Exporters complained.")
    listed = sorted(found("expo"))
    monkeypatch.setattr("claims.db.fulltext.MAX_COMPLETIONS", 1)
    assert sorted(found("expo")) == listed == ["Exporters complained.", "Exports rose."]


@postgres_only
def test_a_stop_word_last_is_left_out_as_before():
    ClaimFactory(text="The bridge cost four billion.")
    assert found("bridge the") == found("bridge") == ["The bridge cost four billion."]
    assert found("the brid") == ["The bridge cost four billion."]  # stop word first


@postgres_only
def test_a_database_without_the_word_list_gets_it_at_the_next_install():
    ClaimFactory(text="Montenegro joined.")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM claims_claim_search_word")
    install_search_index(connection)
    assert "montenegro" in search_words()


@postgres_only
def test_many_matches_are_shown_newest_first_and_few_ranked(monkeypatch):
    claims = [ClaimFactory(text="Inflation, " * (3 - n) + "rose.") for n in range(3)]
    for n, claim in enumerate(claims):  # the newest is the one least about inflation
        Claim.objects.filter(pk=claim.pk).update(first_published_at=f"2024-01-0{n + 1}T00:00Z")

    def newest_first(term: str) -> list[float]:
        matches = search_claims(Claim.objects.all(), term)
        return list(
            matches.order_by("-search_rank", "-first_published_at").values_list(
                "search_rank", flat=True
            )
        )

    assert len(set(newest_first("inflation"))) > 1  # ranked
    monkeypatch.setattr("claims.db.fulltext.RANKED_MATCHES", 2)
    assert newest_first("inflation") == [0.0, 0.0, 0.0]  # counted past the limit
    monkeypatch.setattr("claims.db.fulltext.RANKED_MATCHES", 500)
    monkeypatch.setattr("claims.db.fulltext.SURELY_MANY", 1)
    assert newest_first("inflation") == [0.0, 0.0, 0.0]  # the planner expects many
    assert 0.0 not in newest_first("inflation rose")  # two words: counted, so ranked


@postgres_only
def test_a_search_counted_past_the_limit_is_not_counted_again_for_a_while(monkeypatch):
    for _ in range(3):
        ClaimFactory(text="Taxes rose again.")
    monkeypatch.setattr("claims.db.fulltext.RANKED_MATCHES", 2)

    def ranks_and_queries() -> tuple[list[float], int]:
        with CaptureQueriesContext(connection) as queries:
            matches = search_claims(Claim.objects.all(), "taxes rose")
            ranks = list(matches.values_list("search_rank", flat=True))
        return ranks, len(queries)

    first, counted = ranks_and_queries()
    again, remembered = ranks_and_queries()
    assert first == again == [0.0, 0.0, 0.0]  # newest first, both times
    assert remembered == counted - 1  # the count skipped
    monkeypatch.setattr("claims.db.fulltext.MANY_FOR", -1)
    forget_known_many()
    ranks_and_queries()
    assert ranks_and_queries()[1] == counted  # expired at once: counted every time
