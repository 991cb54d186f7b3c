"""Reading articles without the database: text, the seed's metadata line, HTML extraction,
JSON and JSONL batches, folders, and every kind of bad input (claims.imports.importing)."""

from __future__ import annotations

import datetime
import hashlib
import json
from pathlib import Path

import pytest

from claims.imports.articles import ArticleError
from claims.imports.fetching import FetchLimits
from claims.imports.importing import (
    HTML_MAX_BYTES,
    HTML_MAX_ELEMENTS,
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


def read_all(path: Path, form: str | None = None, max_bytes: int = LIMIT) -> list:
    item = Input(str(path), form or file_form(path))
    return list(read_input(item, max_bytes=max_bytes, fetch_limits=NO_FETCH))


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
    assert article.published_at == datetime.datetime(2022, 4, 25, 10, tzinfo=datetime.UTC)
    assert "grown by three members since 2009" in article.text
    assert "Home" not in article.text and "Copyright" not in article.text
    assert article.raw_input == PAGE
    assert article.raw_format == "html"
    assert article.url == ""  # a saved page's canonical link is not taken as its address


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        ("2024-05-03T14:30:00+02:00", "2024-05-03T12:30:00+00:00"),
        ("2024-05-03T23:45:10Z", "2024-05-03T23:45:10+00:00"),
        ("2024-05-03", "2024-05-03T00:00:00+00:00"),
    ],
)
def test_html_keeps_the_publication_time_of_day(published, expected):
    page = PAGE.replace("2022-04-25T10:00:00Z", published)

    article = article_from_html(page, origin="page.html", max_bytes=LIMIT)

    assert article.published_at.astimezone(datetime.UTC).isoformat() == expected


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


# Names Python can look up that are not charsets a page could be written in: transforms of bytes
# (rot13, base64, zlib, hex), a codec that refuses everything (undefined), and codecs that read
# ASCII as something else (escapes, UTF-7, IDNA).
NOT_CHARSETS = ["rot13", "base64", "zlib", "hex", "undefined", "unicode_escape", "utf-7", "idna"]


@pytest.mark.parametrize("charset", NOT_CHARSETS)
def test_html_declaring_a_charset_that_is_not_a_text_encoding_is_read_as_utf8(charset):
    html = PAGE.replace('<meta charset="utf-8">', f'<meta charset="{charset}">')
    html = html.replace("The minister said", "Le ministre a déclaré + \\u0041")

    from_meta = article_from_html(html.encode(), origin="odd.html", max_bytes=LIMIT)
    from_header = article_from_html(
        PAGE.encode(), origin="odd.html", max_bytes=LIMIT, declared_charset=charset
    )

    assert "Le ministre a déclaré + \\u0041" in from_meta.text
    assert "grown by three members" in from_header.text


@pytest.mark.parametrize("charset", NOT_CHARSETS)
def test_html_declaring_a_charset_that_is_not_text_and_not_utf8_is_one_clear_error(charset):
    html = f'<html><head><meta charset="{charset}"></head><body><p>caf\xe9</p></body></html>'

    with pytest.raises(ArticleError, match="not valid utf-8 text") as error:
        article_from_html(html.encode("latin-1"), origin="odd.html", max_bytes=LIMIT)

    assert "\n" not in str(error.value)


def test_plain_text_in_an_html_file_is_not_an_html_document():
    with pytest.raises(ArticleError, match="does not look like an HTML document"):
        article_from_html("just some words", origin="x.html", max_bytes=LIMIT)


def many_paragraphs(count: int) -> str:
    return "<html><body>" + "<p>A short line.</p>\n" * count + "</body></html>"


def test_html_with_more_elements_than_the_extractor_is_given_is_refused():
    html = many_paragraphs(HTML_MAX_ELEMENTS)

    with pytest.raises(ArticleError, match="too many elements") as error:
        article_from_html(html, origin="huge.html", max_bytes=len(html))

    assert f"over the {HTML_MAX_ELEMENTS:,}" in str(error.value)
    assert "\n" not in str(error.value)


def test_html_over_the_extractors_size_bound_is_refused_whatever_the_article_limit():
    html = PAGE.replace("<footer>", "<!--" + "x" * HTML_MAX_BYTES + "--><footer>")

    with pytest.raises(ArticleError, match="over the limit of") as error:
        article_from_html(html, origin="huge.html", max_bytes=10 * HTML_MAX_BYTES)

    assert f"{HTML_MAX_BYTES:,} bytes for an HTML page" in str(error.value)


NOT_ARTICLES = {
    "one-link": '<nav><a href="/">Home</a></nav>',
    "menu": '<nav><a href="/">Home</a> | <a href="/w">World</a> | <a href="/c">Contact</a></nav>',
    "headlines": "<ul>"
    + "".join(f'<li><a href="/{n}">Story number {n} of the day</a></li>' for n in range(10))
    + "</ul>",
    "footer": "<footer>Copyright 2024 News Example. All rights reserved.</footer>",
}


@pytest.mark.parametrize("body", NOT_ARTICLES.values(), ids=NOT_ARTICLES.keys())
def test_html_with_only_links_or_a_few_words_is_not_an_article(body):
    html = f"<html><head><title>Home</title></head><body>{body}</body></html>"

    with pytest.raises(ArticleError, match="no article text found") as error:
        article_from_html(html, origin="nav.html", max_bytes=LIMIT)

    assert "\n" not in str(error.value)


def test_html_with_one_real_sentence_is_an_article():
    sentence = (
        "The minister said on Monday that the alliance had grown by three members since 2009."
    )
    html = f'<html><body><nav><a href="/">Home</a></nav><p>{sentence}</p></body></html>'

    assert sentence in article_from_html(html, origin="short.html", max_bytes=LIMIT).text


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


DEEP = "[" * 100_000


def test_json_nested_too_deeply_is_one_clear_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text(DEEP, encoding="utf-8")

    [result] = read_all(path, max_bytes=len(DEEP))

    assert isinstance(result, ArticleError)
    assert str(result) == f"{path}: the JSON is nested too deeply to read"
    assert count_articles(Input(str(path), "json"), max_bytes=len(DEEP)) == 1


def test_jsonl_goes_on_past_a_line_nested_too_deeply(tmp_path):
    path = tmp_path / "feed.jsonl"
    deep_field = '{"text": "Inner.", "extra": ' + "[" * 50_000 + "]" * 50_000 + "}"
    lines = [json.dumps({"text": "First."}), DEEP, deep_field, json.dumps({"text": "Last."})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")

    results = read_all(path, max_bytes=len(deep_field) + 1)

    assert [r.text if not isinstance(r, ArticleError) else str(r) for r in results] == [
        "First.",
        f"{path}:2: the JSON is nested too deeply to read",
        f"{path}:3: the JSON is nested too deeply to read",
        "Last.",
    ]


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"text": "x", "n": ' + "1" * 5000 + "}", "malformed JSON (a number too long"),
        ('{"text": "x", "title": "a\\u0000b"}', "`title` contains NUL characters"),
        ('{"text": "x", "author": "\\ud800"}', "`author` is not valid Unicode"),
        ('{"text": "x", "published_at": "0001-01-01T00:00+01:00"}', "out of range"),
    ],
    ids=["huge-number", "nul-title", "surrogate-author", "time-before-year-1-in-utc"],
)
def test_jsonl_line_the_database_could_not_take_is_one_clear_error(tmp_path, line, message):
    path = tmp_path / "feed.jsonl"
    path.write_text(line + "\n" + json.dumps({"text": "Fine."}) + "\n", encoding="utf-8")

    first, second = read_all(path)

    assert isinstance(first, ArticleError) and message in str(first), first
    assert second.text == "Fine."


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
