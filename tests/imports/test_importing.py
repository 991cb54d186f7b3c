"""Reading articles without the database: text, the seed's metadata line, HTML extraction,
JSON and JSONL batches, folders, and every kind of bad input (claims.importing)."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

import pytest

from claims.articles import ArticleError
from claims.fetching import FetchLimits
from claims.importing import (
    Input,
    article_from_bytes,
    article_from_html,
    article_from_record,
    article_from_text,
    count_articles,
    file_form,
    plan_inputs,
    read_article_file,
    read_input,
)
from tests.imports.conftest import PAGE

SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_350d1086ef0d2fa7.txt"
LIMIT = 10_000
NO_FETCH = FetchLimits(timeout=0.1, max_bytes=LIMIT)
# A page whose text is drawn by a script: nothing for an extractor to find.
JS_ONLY_PAGE = (
    b"<!doctype html><html><head><title>App</title></head>"
    b'<body><div id="root"></div><script>render("#root")</script></body></html>'
)


def read_all(path: Path, form: str | None = None) -> list:
    item = Input(str(path), form or file_form(path))
    return list(read_input(item, max_bytes=LIMIT, fetch_limits=NO_FETCH))


# --- text -----------------------------------------------------------------------------------


def test_seed_article_gets_date_and_title_from_its_metadata_line():
    article = read_article_file(SEED, max_bytes=2_000_000)

    assert article.title == (
        "Lavrov: NATO Expansion Means Development of Territories Under US Command"
    )
    assert article.published_at == datetime.datetime(2022, 4, 25, tzinfo=datetime.UTC)
    assert article.text.startswith(" date 2022-04-25 Lavrov")  # the text keeps the line
    assert article.raw_hash == hashlib.sha256(SEED.read_bytes()).hexdigest()


def test_text_keeps_the_raw_input_and_normalises_the_text():
    raw = "Cafe\u0301 talks\r\nsecond line\r"

    article = article_from_text(raw, origin="pasted", max_bytes=LIMIT)

    assert article.raw_input == raw
    assert article.text == "Café talks\nsecond line\n"
    assert article.raw_format == "text"
    assert article.raw_hash == hashlib.sha256(raw.encode()).hexdigest()


def test_text_title_is_its_first_short_line_else_the_fallback():
    short = article_from_text("\n\n  Headline here  \nBody.", origin="a.txt", max_bytes=LIMIT)
    long = article_from_text("word " * 100, origin="b.txt", max_bytes=LIMIT, fallback_title="b")

    assert short.title == "Headline here"
    assert long.title == "b"


def test_a_bad_metadata_date_is_not_a_date():
    article = article_from_text("date 2022-13-45 Title\nBody.", origin="x", max_bytes=LIMIT)

    assert article.published_at is None
    assert article.title == "date 2022-13-45 Title"


def test_text_file_with_a_byte_order_mark_loses_only_the_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbfHello\r\nworld")

    article = read_article_file(path, max_bytes=LIMIT)

    assert article.raw_input == "Hello\r\nworld"
    assert article.text == "Hello\nworld"
    assert article.raw_hash == hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"", "the text is empty"),
        ("blank.txt", b"  \n\t \r\n ", "the text is empty"),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        ("latin1.txt", "Déclaration du ministre".encode("latin-1"), "not UTF-8 text"),
        ("big.txt", b"x" * (LIMIT + 1), "over the limit of 10,000 bytes"),
        ("page.html", b"", "the HTML is empty"),
        ("app.html", JS_ONLY_PAGE, "no article text"),
        ("page.html", b"\x00\x01\x02<html>", "looks like a binary file"),
        ("page.html", b"<html><body><p>caf\xe9</p></body></html>", "not valid utf-8"),
        ("page.html", b"<p>" + b"x" * LIMIT + b"</p>", "over the limit"),
        ("win.html", b'<meta charset="utf-8"><p>\xff\xfe</p>', "not valid utf-8"),
    ],
)
def test_bad_file_is_one_clear_error(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(ArticleError, match=message) as error:
        read_article_file(path, max_bytes=LIMIT)

    assert str(error.value).startswith(str(path))
    assert "\n" not in str(error.value)


def test_missing_file_and_folder_are_errors(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article_file(tmp_path / "missing.txt", max_bytes=LIMIT)
    with pytest.raises(ArticleError, match="not a file"):
        read_article_file(tmp_path, max_bytes=LIMIT)


def test_text_with_nul_or_lone_surrogate_is_refused():
    with pytest.raises(ArticleError, match="binary"):
        article_from_text("a\x00b", origin="x", max_bytes=LIMIT)
    with pytest.raises(ArticleError, match="not valid Unicode"):
        article_from_text("a\ud800b", origin="x", max_bytes=LIMIT)


# --- HTML -----------------------------------------------------------------------------------


def test_html_gives_main_text_and_metadata():
    article = article_from_html(PAGE.encode(), origin="page.html", max_bytes=LIMIT)

    assert article.title == "Minister says the alliance grew"
    assert article.author == "Jane Doe"
    assert article.publisher == "News Example"
    assert article.language == "en"
    assert article.published_at == datetime.datetime(2022, 4, 25, tzinfo=datetime.UTC)
    assert "grown by three members since 2009" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.raw_input == PAGE
    assert article.raw_format == "html"
    assert article.url == ""  # a saved page's canonical link is not taken as its address


def test_html_file_is_read_without_the_network(tmp_path, no_network):
    path = tmp_path / "saved.html"
    path.write_text(PAGE, encoding="utf-8")

    article = read_article_file(path, max_bytes=LIMIT)

    assert "three members" in article.text
    assert no_network == []


def test_html_in_a_declared_charset_is_decoded_with_it():
    html = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1251">').replace(
        "The minister said", "Министр заявил"
    )

    article = article_from_html(html.encode("cp1251"), origin="ru.html", max_bytes=LIMIT)

    assert "Министр заявил" in article.text


def test_html_language_from_meta_when_the_html_tag_has_none():
    html = PAGE.replace('<html lang="en-GB">', "<html>").replace(
        "<head>", '<head><meta http-equiv="Content-Language" content="fr-FR">'
    )

    assert article_from_html(html, origin="x", max_bytes=LIMIT).language == "fr"


def test_plain_text_in_an_html_file_is_not_an_html_document():
    with pytest.raises(ArticleError, match="does not look like an HTML document"):
        article_from_html("just some words", origin="x.html", max_bytes=LIMIT)


# --- JSON and JSONL -------------------------------------------------------------------------


def test_record_fields_fill_the_metadata():
    article = article_from_record(
        {
            "title": "Budget approved",
            "text": "The parliament approved the budget.",
            "url": "https://news.example/budget",
            "publisher": "Agency",
            "author": "A. Writer",
            "language": "de",
            "kind": "transcript",
            "published_at": "2024-03-01T12:30:00+01:00",
            "retrieved_at": "2024-03-02",
            "id": 17,  # unknown fields are ignored
        },
        origin="feed.jsonl:1",
        max_bytes=LIMIT,
    )

    assert (article.title, article.url, article.publisher) == (
        "Budget approved",
        "https://news.example/budget",
        "Agency",
    )
    assert (article.author, article.language, article.kind) == ("A. Writer", "de", "transcript")
    assert article.published_at.isoformat() == "2024-03-01T12:30:00+01:00"
    assert article.retrieved_at == datetime.datetime(2024, 3, 2, tzinfo=datetime.UTC)


def test_record_with_html_is_extracted_and_its_fields_win():
    article = article_from_record(
        {"html": PAGE, "title": "Given title"}, origin="f.json[0]", max_bytes=LIMIT
    )

    assert article.title == "Given title"
    assert article.author == "Jane Doe"
    assert article.raw_format == "html"


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ([1, 2], "must be a JSON object, not a list"),
        ("text", "must be a JSON object, not a string"),
        ({"title": "No body"}, "no `text` or `html` field"),
        ({"text": "a", "html": "<p>a</p>"}, "not both"),
        ({"text": 5}, "`text` must be a string"),
        ({"text": "ok", "title": ["x"]}, "`title` must be a string"),
        ({"text": "   "}, "the text is empty"),
        ({"text": "ok", "published_at": "yesterday"}, "not an ISO 8601 date"),
        ({"text": "x" * (LIMIT + 1)}, "over the limit"),
    ],
)
def test_bad_record_is_one_clear_error(record, message):
    with pytest.raises(ArticleError, match=message):
        article_from_record(record, origin="feed.jsonl:3", max_bytes=LIMIT)


def test_jsonl_reads_every_line_and_reports_bad_ones_by_line(tmp_path):
    path = tmp_path / "feed.jsonl"
    lines = [
        json.dumps({"title": "One", "text": "First."}),
        "",
        "{not json",
        json.dumps({"title": "Three", "text": "Third."}),
        json.dumps([1]),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    results = read_all(path)

    assert [r.title if not isinstance(r, ArticleError) else str(r) for r in results] == [
        "One",
        f"{path}:3: malformed JSON (Expecting property name enclosed in double quotes at "
        "line 1, column 2)",
        "Three",
        f"{path}:5: an article must be a JSON object, not a list",
    ]
    assert count_articles(Input(str(path), "jsonl"), max_bytes=LIMIT) == 4


def test_jsonl_line_over_the_limit_is_skipped_and_the_rest_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    big = json.dumps({"text": "x" * (LIMIT * 2)})
    path.write_text(f"{big}\n{json.dumps({'text': 'small'})}\n", encoding="utf-8")

    first, second = read_all(path)

    assert isinstance(first, ArticleError) and "line is over the limit" in str(first)
    assert second.text == "small"


def test_json_file_holds_one_article_or_a_list(tmp_path):
    one, many = tmp_path / "one.json", tmp_path / "many.json"
    one.write_text(json.dumps({"text": "Alone."}), encoding="utf-8")
    many.write_text(json.dumps([{"text": "A."}, {"text": "B."}]), encoding="utf-8")

    assert [a.text for a in read_all(one)] == ["Alone."]
    assert [a.text for a in read_all(many)] == ["A.", "B."]
    assert [a.origin for a in read_all(many)] == [f"{many}[0]", f"{many}[1]"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"text": "unterminated', "malformed JSON"),
        (b"[]", "the list of articles is empty"),
        (b"42", "expected an article object or a list of them, not a number"),
        (b"", "the file is empty"),
        (b'{"text": "caf\xe9"}', "not UTF-8"),
    ],
)
def test_bad_json_file_is_one_error(tmp_path, content, message):
    path = tmp_path / "bad.json"
    path.write_bytes(content)

    [result] = read_all(path)

    assert isinstance(result, ArticleError)
    assert message in str(result)


def test_empty_jsonl_is_an_error(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")

    [result] = read_all(path)

    assert "the file is empty" in str(result)


# --- folders and forms ----------------------------------------------------------------------


def test_a_folder_stands_for_its_article_files_in_order(tmp_path):
    (tmp_path / "b.html").write_text(PAGE)
    (tmp_path / "a.txt").write_text("A")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.jsonl").write_text("{}")
    (tmp_path / "seed.desk.json").write_text("{}")  # the curated desk, not an article
    (tmp_path / "notes.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "d.txt").write_text("D")

    planned = plan_inputs([str(tmp_path), "https://news.example/x"])

    assert [(Path(i.location).name, i.form) for i in planned[:-1]] == [
        ("a.txt", "text"),
        ("b.html", "html"),
        ("c.jsonl", "jsonl"),
    ]
    assert planned[-1] == Input("https://news.example/x", "url")


def test_an_empty_folder_is_an_error(tmp_path):
    [item] = plan_inputs([str(tmp_path)])

    [result] = read_input(item, max_bytes=LIMIT, fetch_limits=NO_FETCH)

    assert "no .txt, .html, .json or .jsonl files" in str(result)


def test_a_file_without_a_known_suffix_is_read_by_its_first_character(tmp_path):
    for name, content in [("a.dat", "  <html>"), ("b.dat", '{"text": 1}'), ("c", "Words")]:
        (tmp_path / name).write_text(content)

    assert [file_form(tmp_path / n) for n in ("a.dat", "b.dat", "c")] == ["html", "json", "text"]


def test_upload_bytes_are_read_by_form():
    text = article_from_bytes(b"Title line\nBody.", origin="up.txt", form="text", max_bytes=LIMIT)
    html = article_from_bytes(PAGE.encode(), origin="up.html", form="html", max_bytes=LIMIT)

    assert text.title == "Title line"
    assert html.author == "Jane Doe"
