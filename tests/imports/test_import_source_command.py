"""`manage.py import_source`: files, folders, JSON and JSONL, URLs from a real local server; a
line per article and a summary; bad input is a one-line error, stores nothing, and in a batch
is listed at the end with a non-zero exit while the rest are imported."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.models import Source
from tests.factories import StatementFactory
from tests.imports.conftest import PAGE, page

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_350d1086ef0d2fa7.txt"
SEED_TITLE = "Lavrov: NATO Expansion Means Development of Territories Under US Command"


class Terminal(io.StringIO):
    """Stands in for a terminal on stderr, which is when the command draws its progress bar."""

    def isatty(self) -> bool:
        return True


def run(*args: str, stderr: io.StringIO | None = None) -> str:
    out = io.StringIO()
    call_command("import_source", *args, stdout=out, stderr=stderr or io.StringIO())
    return out.getvalue()


def snapshot() -> list[tuple]:
    return [tuple(row) for row in Source.objects.order_by("pk").values_list()]


# --- the seed and plain files ---------------------------------------------------------------


def test_seed_file_gives_one_source_with_its_date_and_title():
    output = run(str(SEED))

    source = Source.objects.get()
    assert source.title == SEED_TITLE
    assert source.published_at.date().isoformat() == "2022-04-25"
    assert source.text == SEED.read_text(encoding="utf-8")
    assert source.raw_input == SEED.read_text(encoding="utf-8")
    assert f"#{source.pk}" in output and "created" in output
    assert output.splitlines()[-1] == "1 article: 1 created, 0 already there, 0 failed."


def test_importing_the_seed_again_gives_the_same_source():
    run(str(SEED))
    before = snapshot()

    output = run(str(SEED))

    assert snapshot() == before
    assert "already there" in output.splitlines()[0]
    assert output.splitlines()[-1] == "1 article: 0 created, 1 already there, 0 failed."


def test_the_seed_imported_by_seed_demo_is_found_not_doubled(demo_desk):
    seeded = Source.objects.get(text__startswith=" date 2022-04-25")

    output = run(str(SEED))

    assert f"#{seeded.pk:<6} already there" in output
    assert Source.objects.filter(content_hash=seeded.content_hash).count() == 1


def test_options_set_publisher_language_and_kind(tmp_path):
    path = tmp_path / "statement.html"
    path.write_text(PAGE, encoding="utf-8")

    run(str(path), "--publisher", "Ministry", "--language", "ru", "--kind", "official_document")

    source = Source.objects.get()
    assert (source.publisher, source.language, source.kind) == (
        "Ministry",
        "ru",
        "official_document",
    )
    assert source.author == "Jane Doe"  # what the options do not say still comes from the page


def test_html_file_is_imported_with_its_metadata(tmp_path, no_network):
    path = tmp_path / "saved.html"
    path.write_text(PAGE, encoding="utf-8")

    run(str(path))

    source = Source.objects.get()
    assert source.title == "Minister says the alliance grew"
    assert (source.author, source.publisher, source.language) == (
        "Jane Doe",
        "News Example",
        "en",
    )
    assert source.published_at.date().isoformat() == "2022-04-25"
    assert source.raw_format == "html" and source.raw_input == PAGE
    assert no_network == []


def test_unknown_kind_is_refused_by_the_options():
    with pytest.raises(CommandError, match="invalid choice"):
        run(str(SEED), "--kind", "rumour")


# --- bad input: one line, nothing stored ------------------------------------------------------


BAD_FILES = [
    ("empty.txt", b"", "the text is empty"),
    ("blank.txt", b"   \n\n\t  \n", "the text is empty"),
    ("photo.txt", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01", "looks like a binary file"),
    ("latin1.txt", "Le ministre a déclaré".encode("latin-1"), "not UTF-8 text"),
    ("big.txt", b"word " * 300, "over the limit of 1,000 bytes"),
    ("broken.json", b'{"title": "x", "text": ', "malformed JSON"),
    ("broken.jsonl", b'{"text": "fine"\n', "malformed JSON"),
    ("app.html", b"<html><body><script>app()</script></body></html>", "no article text found"),
]


@pytest.mark.parametrize(("name", "content", "message"), BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_file_is_a_one_line_error_and_stores_nothing(
    tmp_path, settings, name, content, message
):
    settings.FACTCHECK_MAX_ARTICLE_BYTES = 1_000
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(CommandError, match=message) as error:
        run(str(path))

    assert "\n" not in str(error.value)
    assert not Source.objects.exists()


def test_missing_file_is_an_error():
    with pytest.raises(CommandError, match="no such file"):
        run("/no/such/article.txt")

    assert not Source.objects.exists()


def test_unreachable_url_is_an_error_and_stores_nothing(fetch_settings, closed_port):
    with pytest.raises(CommandError, match=re.escape("could not connect (connection refused)")):
        run(f"http://127.0.0.1:{closed_port}/story")

    assert not Source.objects.exists()


def test_the_command_exits_non_zero_with_one_line_on_stderr(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("")

    result = subprocess.run(
        [sys.executable, "manage.py", "import_source", str(path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 1, result.stderr
    assert result.stderr.strip().splitlines() == [f"CommandError: {path}: the text is empty"]


# --- URLs -----------------------------------------------------------------------------------


def test_url_import_records_the_fetch(site, fetch_settings):
    site.add("/story", PAGE)
    url = site.redirect("/short", "/story")

    output = run(url)

    source = Source.objects.get()
    assert source.url == url
    assert source.final_url == site.url("/story")
    assert source.retrieved_at is not None
    assert len(source.raw_hash) == 64 and source.raw_input == PAGE
    assert f"#{source.pk}" in output and "created" in output


def test_same_url_twice_finds_the_source(site, fetch_settings):
    url = site.add("/story", PAGE)
    run(url)
    before = snapshot()

    output = run(url)

    assert snapshot() == before
    assert "already there" in output


def test_changed_page_becomes_a_new_version_and_the_anchored_text_stays(site, fetch_settings):
    url = site.add("/story", page())
    run(url)
    first = Source.objects.get()
    statement = StatementFactory(source=first, start=0, end=10, quote=first.text[:10])
    site.add("/story", page("Update: the ministry later corrected the figures."))

    output = run(url)

    first.refresh_from_db()
    second = Source.objects.exclude(pk=first.pk).get()
    assert f"new version 2 (of #{first.pk})" in output
    assert second.previous_version == first and not first.is_current
    assert "corrected the figures" in second.text and "corrected" not in first.text
    assert first.text[statement.start : statement.end] == statement.quote
    assert output.splitlines()[-1] == (
        "1 article: 1 created (1 as new versions of a changed page), 0 already there, 0 failed."
    )


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda s: s.url("/gone"), "the server answered 404"),
        (
            lambda s: s.add("/feed", b"{}", headers={"Content-Type": "application/json"}),
            "not an HTML page",
        ),
        (lambda s: s.add("/slow", PAGE, delay=1.5), "no answer in time"),
        (lambda s: s.add("/empty", "<html><body><div></div></body></html>"), "no article text"),
    ],
    ids=["404", "not-html", "timeout", "empty-extraction"],
)
def test_bad_url_is_an_error_and_stores_nothing(site, fetch_settings, setup, message):
    url = setup(site)

    with pytest.raises(CommandError, match=message):
        run(url)

    assert not Source.objects.exists()


def test_private_addresses_are_refused_by_default(site, settings):
    settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES = False
    url = site.add("/story", PAGE)

    with pytest.raises(CommandError, match="private or local address"):
        run(url)

    assert site.hits == [] and not Source.objects.exists()


# --- batches --------------------------------------------------------------------------------


def write_articles(folder: Path, count: int) -> list[Path]:
    folder.mkdir(exist_ok=True)
    paths = []
    for n in range(count):
        path = folder / f"{n:03}.txt"
        path.write_text(f"date 2024-05-{n % 28 + 1:02} Report {n}\nParagraph {n} of the batch.\n")
        paths.append(path)
    return paths


def test_a_batch_goes_on_past_a_bad_file_and_lists_it_at_the_end(tmp_path):
    write_articles(tmp_path / "batch", 50)
    bad = tmp_path / "batch" / "025.txt"
    bad.write_bytes(b"\x00\x01binary")
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="1 of 50 articles failed"):
        call_command("import_source", str(tmp_path / "batch"), stdout=out, stderr=err)

    assert Source.objects.count() == 49
    assert not Source.objects.filter(title="Report 25").exists()
    lines = out.getvalue().splitlines()
    assert sum(line.startswith("#") and " created " in line for line in lines) == 49
    assert lines[-1] == "50 articles: 49 created, 0 already there, 1 failed."
    assert err.getvalue().splitlines() == [
        "1 failed:",
        f"  {bad}: looks like a binary file, not text",
    ]


def test_a_batch_run_again_finds_everything_already_there(tmp_path):
    write_articles(tmp_path / "batch", 5)
    run(str(tmp_path / "batch"))
    before = snapshot()

    output = run(str(tmp_path / "batch"))

    assert snapshot() == before
    assert output.splitlines()[-1] == "5 articles: 0 created, 5 already there, 0 failed."


def test_a_batch_mixes_files_jsonl_and_urls(tmp_path, site, fetch_settings):
    (tmp_path / "a.txt").write_text("Plain text article.")
    (tmp_path / "b.html").write_text(PAGE)
    (tmp_path / "feed.jsonl").write_text(
        "\n".join(
            [
                json.dumps({"title": "From the feed", "text": "Feed article one."}),
                "not json",
                json.dumps(
                    {"title": "Feed two", "text": "Feed article two.", "url": "https://x.example/2"}
                ),
            ]
        )
    )
    url = site.add("/live", page(title="Live page"))
    err = io.StringIO()

    with pytest.raises(CommandError, match="1 of 6 articles failed"):
        call_command("import_source", str(tmp_path), url, stdout=io.StringIO(), stderr=err)

    assert set(Source.objects.values_list("title", flat=True)) == {
        "Plain text article.",
        "Minister says the alliance grew",
        "From the feed",
        "Feed two",
        "Live page",
    }
    assert f"{tmp_path / 'feed.jsonl'}:2: malformed JSON" in err.getvalue()


def test_progress_bar_only_on_a_terminal(tmp_path):
    write_articles(tmp_path / "batch", 3)
    terminal, log = Terminal(), io.StringIO()

    run(str(tmp_path / "batch"), stderr=terminal)
    run(str(tmp_path / "batch"), stderr=log)

    assert "3/3" in terminal.getvalue() and "article" in terminal.getvalue()
    assert log.getvalue() == ""


def test_a_batch_goes_on_past_every_kind_of_unreadable_input(tmp_path):
    batch = tmp_path / "batch"
    write_articles(batch, 2)
    odd_charset = PAGE.replace('<meta charset="utf-8">', '<meta charset="rot13">')
    (batch / "rot13.html").write_text(odd_charset, encoding="utf-8")
    (batch / "zlib.html").write_bytes(b'<meta charset="zlib"><p>caf\xe9</p>')
    (batch / "deep.json").write_text("[" * 100_000)
    (batch / "feed.jsonl").write_text(
        "\n".join(
            [
                "[" * 100_000,
                json.dumps({"title": "From the feed", "text": "Feed article."}),
                json.dumps({"text": "Words.", "title": "nul \u0000 inside"}),
            ]
        )
    )
    (batch / "nav.html").write_text('<html><body><nav><a href="/">Home</a></nav></body></html>')
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError, match="5 of 9 articles failed"):
        call_command("import_source", str(batch), stdout=out, stderr=err)

    assert set(Source.objects.values_list("title", flat=True)) == {
        "Report 0",
        "Report 1",
        "Minister says the alliance grew",
        "From the feed",
    }
    assert err.getvalue().splitlines() == [
        "5 failed:",
        f"  {batch / 'deep.json'}: the JSON is nested too deeply to read",
        f"  {batch / 'feed.jsonl'}:1: the JSON is nested too deeply to read",
        f"  {batch / 'feed.jsonl'}:3: `title` contains NUL characters",
        f"  {batch / 'nav.html'}: no article text found in the HTML (only links, or a few words)",
        f"  {batch / 'zlib.html'}: not valid utf-8 text (byte 27 cannot be decoded)",
    ]
    assert out.getvalue().splitlines()[-1] == "9 articles: 4 created, 0 already there, 5 failed."
