"""The admin's import (from the sources list): paste a text, upload a file or give a URL; the
result opens the new source, or the one already there with a message saying so. Bad input is a
form error and stores nothing."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from claims.enums import Role
from claims.models import Source
from tests.adminforms import form_data
from tests.factories import UserFactory
from tests.imports.conftest import PAGE, page

pytestmark = pytest.mark.django_db
IMPORT = reverse("admin:claims_source_import")
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_350d1086ef0d2fa7.txt"


def change_url(source: Source) -> str:
    return reverse("admin:claims_source_change", args=[source.pk])


def post(client, **fields):
    """Submit the import form as a browser would: the page's fields, with some filled in."""
    data = form_data(client.get(IMPORT), "source-import-form")
    data.update(fields)
    return client.post(IMPORT, data)


def page_text(response) -> str:
    return html.unescape(response.content.decode())


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


def test_sources_list_links_to_the_import(editor_client):
    response = editor_client.get(reverse("admin:claims_source_changelist"))

    assert IMPORT in response.content.decode()


def test_import_page_is_for_those_who_may_add_sources(client):
    client.force_login(UserFactory(username="rev", roles=[Role.REVIEWER]))

    assert client.get(IMPORT).status_code == 403
    assert client.post(IMPORT, {"text": "Words."}).status_code == 403
    assert IMPORT not in client.get(reverse("admin:claims_source_changelist")).content.decode()
    assert not Source.objects.exists()


def test_pasted_text_opens_the_new_source(editor_client):
    raw = "date 2024-05-02 Budget passes\r\nThe parliament approved the budget, 210 to 95."

    response = post(editor_client, text=raw, publisher="Agency")

    source = Source.objects.get()
    assert response.status_code == 302 and response.url == change_url(source)
    assert source.title == "Budget passes"
    assert source.published_at.date().isoformat() == "2024-05-02"
    assert source.publisher == "Agency"
    assert source.raw_input == raw and source.text == raw.replace("\r\n", "\n")
    assert messages_of(response) == [f"“Budget passes” was imported (source {source.pk})."]


def test_pasting_the_same_text_again_opens_the_source_already_there(editor_client):
    post(editor_client, text="Same words,\r\npasted twice.")
    first = Source.objects.get()

    response = post(editor_client, text="Same words,\npasted twice.")

    assert response.status_code == 302 and response.url == change_url(first)
    assert Source.objects.count() == 1
    assert "was already in the desk" in messages_of(response)[0]


def test_uploaded_seed_file_gets_its_date_and_title(editor_client):
    upload = SimpleUploadedFile(SEED.name, SEED.read_bytes(), content_type="text/plain")

    response = post(editor_client, file=upload)

    source = Source.objects.get()
    assert response.url == change_url(source)
    assert source.title.startswith("Lavrov: NATO Expansion")
    assert source.published_at.date().isoformat() == "2022-04-25"
    assert source.text == SEED.read_text(encoding="utf-8")


def test_uploaded_html_page_gives_text_and_metadata(editor_client, no_network):
    upload = SimpleUploadedFile("saved.html", PAGE.encode(), content_type="text/html")

    post(editor_client, file=upload)

    source = Source.objects.get()
    assert source.title == "Minister says the alliance grew"
    assert (source.author, source.publisher, source.language) == (
        "Jane Doe",
        "News Example",
        "en",
    )
    assert source.raw_format == "html" and source.raw_input == PAGE
    assert no_network == []


def test_url_is_fetched_and_opens_the_new_source(editor_client, site, fetch_settings):
    site.add("/story", PAGE)
    url = site.redirect("/s", "/story")

    response = post(editor_client, url=url, kind="transcript")

    source = Source.objects.get()
    assert response.url == change_url(source)
    assert source.url == url and source.final_url == site.url("/story")
    assert source.kind == "transcript"
    assert source.retrieved_at is not None and len(source.raw_hash) == 64


def test_changed_page_is_imported_as_a_new_version(editor_client, site, fetch_settings):
    url = site.add("/story", page())
    post(editor_client, url=url)
    site.add("/story", page("The ministry corrected the figures on Tuesday."))

    response = post(editor_client, url=url)

    first, second = Source.objects.order_by("pk")
    assert response.url == change_url(second)
    assert second.previous_version == first and not first.is_current
    assert "stored as version 2" in messages_of(response)[0]


def test_the_source_page_shows_what_was_imported(editor_client):
    post(editor_client, text="Headline\nBody text.")
    source = Source.objects.get()

    content = page_text(editor_client.get(change_url(source)))

    assert source.raw_hash in content
    assert "As imported" in content


BAD_INPUTS = [
    ({}, "Paste a text, upload a file or give an address: one of the three."),
    ({"text": "   \n\t  "}, "The text is empty"),
    ({"text": "Words.", "url": "https://news.example/a"}, "one of the three"),
    ({"text": "x" * 1_001}, "1,001 bytes is over the limit of 1,000 bytes"),
    ({"text": "nul \x00 inside"}, "Null characters are not allowed."),
    ({"file": ("empty.txt", b"")}, "The submitted file is empty."),
    ({"file": ("blank.txt", b"  \n \n")}, "blank.txt: the text is empty"),
    ({"file": ("photo.txt", b"\xff\xd8\xff\x00JFIF")}, "looks like a binary file"),
    ({"file": ("latin1.txt", "déclaré".encode("latin-1"))}, "not UTF-8 text"),
    ({"file": ("big.txt", b"word " * 300)}, "over the limit of 1,000 bytes"),
    ({"file": ("feed.json", b'{"text": "x"}')}, "upload a .txt or .html file"),
    ({"file": ("app.html", b"<html><body><script>x()</script></body></html>")}, "no article"),
    ({"url": "ftp://files.example/a.txt"}, "is not an http or https address"),
    ({"url": "not a url"}, "Enter a valid URL."),
]


@pytest.mark.parametrize(
    ("fields", "message"),
    BAD_INPUTS,
    ids=[
        "nothing",
        "blank-text",
        "two-inputs",
        "text-too-big",
        "nul-text",
        "empty-file",
        "blank-file",
        "binary-file",
        "latin1-file",
        "big-file",
        "json-file",
        "empty-extraction",
        "ftp-url",
        "not-a-url",
    ],
)
def test_bad_input_is_a_form_error_and_stores_nothing(editor_client, settings, fields, message):
    settings.FACTCHECK_MAX_ARTICLE_BYTES = 1_000
    if "file" in fields:
        name, content = fields["file"]
        fields = {**fields, "file": SimpleUploadedFile(name, content)}

    response = post(editor_client, **fields)

    assert response.status_code == 200
    assert message in page_text(response)
    assert not Source.objects.exists()


def test_a_paste_just_over_the_article_limit_gets_the_forms_message(editor_client, settings):
    # The request itself is within what Django reads, so the form can say what is wrong.
    over = "x" * (settings.FACTCHECK_MAX_ARTICLE_BYTES + 1)

    response = post(editor_client, text=over)

    assert response.status_code == 200
    assert "2,000,001 bytes is over the limit of 2,000,000 bytes" in page_text(response)
    assert not Source.objects.exists()


def test_the_request_limit_follows_a_raised_article_limit():
    settings_of = "import factcheck.settings as s; print(s.DATA_UPLOAD_MAX_MEMORY_SIZE)"
    run = subprocess.run(
        [sys.executable, "-c", settings_of],
        env={**os.environ, "FACTCHECK_MAX_ARTICLE_BYTES": "10000000"},
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        check=True,
    )

    assert int(run.stdout) > 10_000_000


def test_a_paste_too_big_to_read_gets_a_page_that_says_so(editor_client, settings):
    huge = "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1)

    response = post(editor_client, text=huge)

    assert response.status_code == 400
    assert "The request could not be read" in page_text(response)
    assert "upload that instead" in page_text(response)
    assert not Source.objects.exists()


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda s: s.url("/gone"), "the server answered 404 Not Found"),
        (
            lambda s: s.add("/pdf", b"%PDF-1.4", headers={"Content-Type": "application/pdf"}),
            "not an HTML page (the server sent application/pdf)",
        ),
        (lambda s: s.add("/slow", PAGE, delay=1.5), "no answer in time"),
        (lambda s: s.add("/app", "<html><body><p></p></body></html>"), "no article text"),
    ],
    ids=["404", "not-html", "timeout", "empty-extraction"],
)
def test_bad_url_is_a_form_error_and_stores_nothing(
    editor_client, site, fetch_settings, setup, message
):
    url = setup(site)

    response = post(editor_client, url=url)

    assert response.status_code == 200
    assert message in page_text(response)
    assert not Source.objects.exists()


def test_unreachable_url_is_a_form_error(editor_client, fetch_settings, closed_port):
    response = post(editor_client, url=f"http://127.0.0.1:{closed_port}/story")

    assert "could not connect (connection refused)" in page_text(response)
    assert not Source.objects.exists()


def test_private_address_is_refused_by_default(editor_client, site, settings):
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = False
    url = site.add("/story", PAGE)

    response = post(editor_client, url=url)

    assert "private or local address" in page_text(response)
    assert site.hits == [] and not Source.objects.exists()


@pytest.mark.parametrize("charset", ["rot13", "base64", "zlib", "undefined"])
def test_an_uploaded_page_declaring_a_charset_that_is_not_text_is_read_as_utf8(
    editor_client, charset
):
    content = PAGE.replace('<meta charset="utf-8">', f'<meta charset="{charset}">').encode()

    response = post(editor_client, file=SimpleUploadedFile("odd.html", content))

    source = Source.objects.get()
    assert response.status_code == 302 and response.url == change_url(source)
    assert "grown by three members" in source.text


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'<meta charset="rot13"><p>caf\xe9</p>', "not valid utf-8 text"),
        (b'<html><body><nav><a href="/">Home</a></nav></body></html>', "no article text found"),
    ],
    ids=["not-text-charset-and-not-utf8", "navigation-only"],
)
def test_an_uploaded_page_with_nothing_to_store_is_a_form_error(editor_client, content, message):
    response = post(editor_client, file=SimpleUploadedFile("page.html", content))

    assert response.status_code == 200
    assert message in page_text(response)
    assert not Source.objects.exists()
