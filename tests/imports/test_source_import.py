"""Storing articles (claims.services.source_import, source_import_article): the raw input beside
the normalised text, nothing stored twice, and a changed page as a new version that never
overwrites text statements are anchored in."""

from __future__ import annotations

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from claims import services
from claims.imports.importing import article_from_html, article_from_text
from claims.models import Source
from tests.factories import SourceFactory, StatementFactory
from tests.imports.conftest import page

pytestmark = pytest.mark.django_db
URL = "https://news.example/world/alliance-grew"


def import_text(text: str, url: str = "", **fields) -> tuple[Source, bool]:
    article = article_from_text(text, origin="test", max_bytes=100_000)
    return services.source_import_article(article=article, url=url, **fields)


def test_source_keeps_raw_input_and_normalised_text_with_its_hash():
    raw = "Title\r\nCafe\u0301 talks."

    source, created = import_text(raw)

    source.refresh_from_db()
    assert created
    assert source.raw_input == raw
    assert source.text == "Title\nCafé talks."
    assert source.content_hash == hashlib.sha256(source.text.encode()).hexdigest()
    assert source.raw_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert source.raw_format == "text"
    assert (source.version, source.previous_version, source.superseded_at) == (1, None, None)


def test_html_source_keeps_the_html_as_raw_input():
    html = page()
    article = article_from_html(html, origin="saved.html", max_bytes=100_000)

    source, _ = services.source_import_article(article=article)

    assert source.raw_input == html
    assert source.raw_format == "html"
    assert (source.author, source.publisher, source.language) == (
        "Jane Doe",
        "News Example",
        "en",
    )


def test_same_text_without_url_finds_the_source_even_one_with_a_url():
    first, _ = import_text("Same words.\n", url=URL)

    again, created = import_text("Same words.\r\n")

    assert not created and again == first


def test_same_url_and_same_text_finds_the_source():
    first, _ = import_text("Version one.", url=URL)

    again, created = import_text("Version one.", url=URL + "?utm_source=feed")

    assert not created and again == first
    assert Source.objects.count() == 1


def test_changed_page_at_a_known_url_is_a_new_version_linked_to_the_old():
    first, _ = import_text("Version one.", url=URL)

    second, created = import_text("Version two.", url=URL)

    first.refresh_from_db()
    assert created
    assert second.previous_version == first and first.next_version == second
    assert (first.version, second.version) == (1, 2)
    assert first.superseded_at is not None and second.superseded_at is None
    assert first.url == second.url == URL
    assert first.text == "Version one."


def test_lookups_by_url_find_the_current_version():
    import_text("Version one.", url=URL)
    second, _ = import_text("Version two.", url=URL)
    import_text("Version one.", url=URL)  # the page went back: that is a third version

    current = Source.objects.get(url=URL, superseded_at__isnull=True)
    again, created = import_text("Version one.", url=URL)

    assert current.version == 3 and current.previous_version == second
    assert not created and again == current


def test_deleting_the_current_version_makes_the_one_before_current_again():
    first, _ = import_text("Version one.", url=URL)
    second, _ = import_text("Version two.", url=URL)
    second.delete()

    again, created = import_text("Version one.", url=URL)
    third, third_created = import_text("Version three.", url=URL)

    assert not created and again == first
    assert third_created and third.previous_version == first and third.version == 2


def test_new_version_never_touches_text_that_statements_are_anchored_in():
    statement = StatementFactory(source__url=URL)
    anchored = statement.source
    before = (anchored.text, anchored.content_hash)

    newer, created = import_text("The page now says something else entirely.", url=URL)

    anchored.refresh_from_db()
    statement.refresh_from_db()
    assert created and newer.previous_version == anchored
    assert (anchored.text, anchored.content_hash) == before
    assert anchored.text[statement.start : statement.end] == statement.quote


def test_database_refuses_two_current_versions_of_a_url():
    SourceFactory(url=URL)

    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(title="Again", url=URL, text="Other", version=2)


def test_database_allows_earlier_versions_beside_the_current_one():
    for text in ("One.", "Two.", "Three."):
        import_text(text, url=URL)

    versions = Source.objects.filter(url=URL).order_by("version")

    assert [(s.version, s.is_current) for s in versions] == [(1, False), (2, False), (3, True)]


def test_database_refuses_a_second_version_without_its_previous():
    with pytest.raises(IntegrityError), transaction.atomic():
        Source.objects.create(title="Orphan", url=URL, text="x", version=2)


def test_refused_new_version_leaves_the_old_one_current():
    first, _ = import_text("Version one.", url=URL)

    with pytest.raises(ValidationError):
        import_text("Version two.", url=URL, kind="not-a-kind")

    first.refresh_from_db()
    assert first.superseded_at is None
    assert Source.objects.count() == 1


def test_long_metadata_is_cut_to_fit_not_refused():
    source, _ = import_text("Body.", title="T" * 600, publisher="P" * 300)

    assert len(source.title) == 500 and source.title.endswith("…")
    assert len(source.publisher) == 200


def test_explicit_values_win_over_what_the_article_says():
    article = article_from_html(page(), origin="saved.html", max_bytes=100_000)

    source, _ = services.source_import_article(
        article=article, publisher="Desk Override", language="fr", kind="transcript"
    )

    assert (source.publisher, source.language, source.kind) == (
        "Desk Override",
        "fr",
        "transcript",
    )


def test_source_import_keeps_working_for_callers_without_raw_input():
    source, created = services.source_import(title="Typed", text="Words\r\n")

    assert created
    assert source.raw_input == "Words\r\n" and source.text == "Words\n"
    assert source.raw_format == "text"


def test_a_reference_without_text_has_no_raw_input():
    source, _ = services.source_import(title="Annual report", url="https://gov.example/report")

    assert (source.raw_input, source.raw_format, source.raw_hash) == ("", "", "")
