"""External checks matched by meaning with the real encoder: their own vectors and index file
beside the claims' one, kept by the matching jobs, and `similar_checks` for the suggestions."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command

from claims.external import matching
from claims.external.claimreview import record_of
from claims.external.models import ExternalCheckEmbedding, ExternalFactCheck
from claims.external.store import upsert
from claims.matching import index
from claims.matching.collections import EXTERNAL
from claims.matching.embeddings import embed
from claims.matching.index import read_manifest
from claims.matching.tasks import embed_claims, refresh_index
from tests.factories import ClaimFactory

from .conftest import claim_review

pytestmark = pytest.mark.django_db

CHECKS = {
    "wages": ("The minimum wage rose faster than inflation last year.", "False"),
    "rents": ("Rents in the capital doubled within ten years.", "Mostly true"),
    "forests": ("Forest cover in the country shrank by a tenth over two decades.", "Satire"),
    "trains": ("Most regional trains arrived late during the winter.", "True"),
}


@pytest.fixture(autouse=True)
def own_indexes(settings, tmp_path):
    settings.FACTCHECK_MATCHING_INDEX_PATH = str(tmp_path / "index" / "claims.usearch")
    settings.FACTCHECK_MATCHING_RECHECK = 0
    index.shared.forget()
    matching.index.forget()
    yield tmp_path / "index"
    index.shared.forget()
    matching.index.forget()


@pytest.fixture
def checks() -> dict[str, ExternalFactCheck]:
    records = [
        record_of(
            claim_review(
                n,
                claimReviewed=text,
                reviewRating={"alternateName": rating},
                datePublished="2024-03-02",
            )
        )
        for n, (text, rating) in enumerate(CHECKS.values())
    ]
    upsert(records, origin="datafeed")
    by_text = {check.claim_text: check for check in ExternalFactCheck.objects.all()}
    return {name: by_text[text] for name, (text, _) in CHECKS.items()}


def indexed(checks):
    embed_claims.enqueue(None, collection="external")
    return checks


def test_the_jobs_keep_an_index_file_of_their_own_beside_the_claims_one(checks, own_indexes):
    result = embed_claims.enqueue(
        [check.pk for check in checks.values()], collection="external"
    ).return_value

    assert result["embedded"] == 4
    assert EXTERNAL.index_path() == own_indexes / "external.usearch"
    assert read_manifest(own_indexes / "external.usearch").count == 4
    assert not (own_indexes / "claims.usearch").exists()
    assert ExternalCheckEmbedding.objects.count() == 4


def test_similar_checks_finds_a_reworded_claim_with_its_fields(checks):
    indexed(checks)

    [found] = matching.similar_checks(["Last year the lowest legal pay grew faster than prices."])

    best = found[0]
    wages = checks["wages"]
    assert best["id"] == wages.pk
    assert best == {
        "id": wages.pk,
        "publisher": "Checker",
        "url": wages.review_url,
        "claim_text": wages.claim_text,
        "claimant": "A. Politician",
        "claim_date": "2024-02-20",
        "review_date": "2024-03-02",
        "rating_text": "False",
        "rating": "False",
        "language": "en",
        "score": best["score"],
    }
    assert best["score"] >= matching.MIN_SCORE
    assert best["score"] == round(best["score"], 3)


def test_similar_checks_finds_a_translation_and_answers_each_text_in_order(checks):
    indexed(checks)

    found = matching.similar_checks(
        [
            "Los alquileres en la capital se duplicaron en diez años.",
            "La plupart des trains régionaux sont arrivés en retard cet hiver.",
        ],
        k=2,
    )

    assert found[0][0]["id"] == checks["rents"].pk
    assert found[0][0]["rating"] == "Mostly true"
    assert found[1][0]["id"] == checks["trains"].pk
    assert all(len(hits) <= 2 for hits in found)
    assert all(
        [hit["score"] for hit in hits] == sorted((hit["score"] for hit in hits), reverse=True)
        for hits in found
    )


def test_similar_checks_leaves_out_what_is_below_the_score(checks):
    indexed(checks)

    [unrelated] = matching.similar_checks(["The goalkeeper saved two penalties on Sunday."])
    [everything] = matching.similar_checks(
        ["The goalkeeper saved two penalties on Sunday."], k=4, min_score=-1
    )

    assert unrelated == []
    assert len(everything) == 4


def test_an_unrated_check_has_no_desk_rating(checks):
    indexed(checks)

    [found] = matching.similar_checks([CHECKS["forests"][0]], k=1)

    assert found[0]["rating_text"] == "Satire"
    assert found[0]["rating"] is None
    assert found[0]["score"] > 0.99


def test_similar_checks_without_any_vector_is_empty(checks):
    assert matching.similar_checks(["Rents doubled."]) == [[]]
    assert matching.similar_checks([]) == []


def test_a_changed_claim_is_embedded_again_and_found_before_the_index_is_refreshed(checks):
    indexed(checks)
    changed = record_of(
        claim_review(0, claimReviewed="Measles vaccination rates fell below ninety percent.")
    )
    counts = upsert([changed], origin="datafeed")

    embed(counts.changed_ids, collection="external")  # no refresh: the exact scan covers it
    [found] = matching.similar_checks(
        ["Fewer than nine in ten children are now vaccinated against measles."]
    )

    assert counts.updated == 1
    assert found[0]["id"] == checks["wages"].pk  # the row of review 0, reworded


def test_a_deleted_check_is_no_longer_found(checks):
    indexed(checks)
    checks["rents"].delete()
    refresh_index.enqueue(collection="external")

    [found] = matching.similar_checks([CHECKS["rents"][0]], min_score=-1, k=4)

    assert checks["rents"].pk not in [hit["id"] for hit in found]
    assert len(found) == 3


def test_claims_and_external_checks_stay_apart(checks):
    claim = ClaimFactory(text=CHECKS["rents"][0])
    embed()
    index.refresh()
    indexed(checks)

    claim_hits = index.search(CHECKS["rents"][0], k=5)
    many = index.shared.search_many([CHECKS["rents"][0]], 5, exclude=[claim.pk])

    assert [pk for pk, _ in claim_hits] == [claim.pk]
    assert many == [[]]
    [found] = matching.similar_checks([CHECKS["rents"][0]], k=1)
    assert found[0]["id"] == checks["rents"].pk


def test_embed_claims_command_backfills_the_external_checks(checks, own_indexes, capsys):
    call_command("embed_claims", "--all", "--collection", "external")

    assert ExternalCheckEmbedding.objects.count() == 4
    assert read_manifest(own_indexes / "external.usearch").count == 4
    assert "Embedded 4 of 4 external fact-check(s); the index was rebuilt" in (
        capsys.readouterr().out
    )
    with pytest.raises(CommandError, match="No external fact-check with id 999999"):
        call_command("embed_claims", "999999", "--collection", "external")


# --- shown beside the desk's own matches --------------------------------------------------------


def test_suggestions_carry_other_fact_checkers_checks_of_the_same_claim(checks):
    from claims.suggestions import suggest_for_text

    indexed(checks)
    text = 'The minister said: "Rents in the capital doubled in ten years."\n'

    report = suggest_for_text(text, outlet="Daily")

    [candidate] = [c for c in report.candidates_json() if "Rents" in c["text"]]
    [check] = candidate["external"]
    assert check["id"] == checks["rents"].pk
    assert check["line"] == "Checked by Checker on 2024-03-02: Mostly true"


def test_the_workspace_and_an_alert_show_them_as_theirs(client, checks, editor, publish):
    from django.urls import reverse

    from claims.models import Alert
    from claims.tasks import process_source
    from tests.factories import SourceFactory

    indexed(checks)
    publish("false", text="Most regional trains arrived late during the winter months")
    source = SourceFactory(
        text='Rail news\n\n"Most regional trains arrived late during the winter," Jo Bloggs said.\n'
    )
    process_source.enqueue(source.pk)
    client.force_login(editor)

    workspace = client.get(reverse("admin:claims_source_workspace", args=[source.pk]))
    similar = client.get(
        reverse("admin:claims_source_similar", args=[source.pk]),
        {"q": "Most regional trains arrived late in winter."},
    ).json()
    alert = Alert.objects.get(source=source)
    page = client.get(reverse("admin:claims_alert_change", args=[alert.pk])).content.decode()

    line = "Checked by Checker on 2024-03-02: True"
    assert line in workspace.content.decode()
    assert [e["line"] for e in similar["external"]] == [line]
    assert line in page and "Their verdicts, not the desk's." in page
