"""Property-based tests of the readers (claims.imports.importing): whatever bytes, text, HTML
or JSON comes in, a reader gives an Article the database can take or raises ArticleError with a
one-line message, never anything else."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.imports.articles import ArticleError
from claims.imports.fetching import FetchLimits
from claims.imports.importing import (
    Article,
    Input,
    article_from_bytes,
    article_from_html,
    article_from_record,
    article_from_text,
    read_input,
)
from tests.imports.conftest import PAGE

LIMIT = 20_000
NO_FETCH = FetchLimits(timeout=0.1, max_bytes=LIMIT)
BOUNDED = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

# Names a page or a server may declare: real charsets, Python codecs that are not charsets,
# and nonsense.
CHARSETS = st.sampled_from(
    [
        "utf-8",
        "windows-1251",
        "iso-8859-1",
        "shift_jis",
        "utf-16",
        "utf-7",
        "rot13",
        "base64",
        "zlib",
        "bz2",
        "hex",
        "uu",
        "quopri",
        "undefined",
        "unicode_escape",
        "raw_unicode_escape",
        "idna",
        "punycode",
        "x-user-defined",
        "",
        "é",
    ]
) | st.text(max_size=20)
TAGS = st.sampled_from(
    ["p", "div", "article", "nav", "a", "span", "br", "h1", "li", "ul", "table", "td", "script",
     "style", "svg", "title", "meta", "html", "body", "head", "main", "footer", "pre", "b"]
)  # fmt: skip
TEXT = st.text(
    st.characters(codec="utf-8") | st.sampled_from(["<", ">", "&", ";", "#", "\x00", "\ud800"]),
    max_size=60,
)
ENTITIES = st.sampled_from(
    ["&#0;", "&#xD800;", "&#x110000;", "&amp;", "&nbsp;", "&#65;", "&bogus;", "&#", "&#x;"]
)


@st.composite
def html_fragments(draw, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 5 if depth < 6 else 2))
        if kind == 0:
            parts.append(draw(TEXT))
        elif kind == 1:
            parts.append(draw(ENTITIES))
        elif kind == 2:
            parts.append(draw(st.sampled_from(["<!--", "-->", "<![CDATA[", "]]>", "<?x?>", "</"])))
        elif kind == 3:
            parts.append(f'<meta charset="{draw(CHARSETS)}">')
        else:
            tag = draw(TAGS)
            attribute = draw(st.sampled_from(["", ' lang="en-GB"', ' href="/"', " lang=\x01"]))
            inner = draw(html_fragments(depth + 1))
            closed = draw(st.booleans())
            parts.append(f"<{tag}{attribute}>{inner}{f'</{tag}>' if closed else ''}")
    return "".join(parts)


def pages() -> st.SearchStrategy[str]:
    """Fragments alone, and inside a page with a real article, so extraction gets that far."""
    return html_fragments() | html_fragments().map(
        lambda fragment: PAGE.replace("</article>", fragment + "</article>")
    )


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["text", "html", "title", "url", "published_at", "language", "x"]),
            children,
            max_size=4,
        )
    ),
    max_leaves=12,
)
RECORDS = st.fixed_dictionaries(
    {},
    optional={
        "text": TEXT,
        "html": pages(),
        "title": TEXT,
        "author": TEXT,
        "published_at": st.sampled_from(["2024-03-01", "0001-01-01T00:00+01:00", "x"]) | TEXT,
        "retrieved_at": st.datetimes().map(lambda moment: moment.isoformat()),
    },
)


def assert_article_or_clear_error(read) -> None:
    try:
        article = read()
    except ArticleError as error:
        assert "\n" not in str(error), str(error)
        return
    assert_storable(article)


def assert_storable(article: Article) -> None:
    assert isinstance(article, Article)
    assert article.text.strip()
    for value in (article.text, article.title, article.author, article.publisher, article.url):
        assert "\x00" not in value
        value.encode("utf-8")


@BOUNDED
@given(st.text(max_size=300))
def test_any_text_is_an_article_or_a_clear_error(text):
    assert_article_or_clear_error(lambda: article_from_text(text, origin="x", max_bytes=LIMIT))


@BOUNDED
@given(st.binary(max_size=400), st.sampled_from(["text", "html"]))
def test_any_bytes_are_an_article_or_a_clear_error(data, form):
    assert_article_or_clear_error(
        lambda: article_from_bytes(data, origin="up", form=form, max_bytes=LIMIT)
    )


@BOUNDED
@given(pages(), CHARSETS, st.sampled_from(["utf-8", "latin-1", "utf-16"]))
def test_any_html_is_an_article_or_a_clear_error(html, declared, encoding):
    data = html.encode(encoding, errors="replace")
    assert_article_or_clear_error(lambda: article_from_html(html, origin="x", max_bytes=LIMIT))
    assert_article_or_clear_error(
        lambda: article_from_html(data, origin="x", max_bytes=LIMIT, declared_charset=declared)
    )


@BOUNDED
@given(JSON_VALUES | RECORDS)
def test_any_json_record_is_an_article_or_a_clear_error(record):
    assert_article_or_clear_error(
        lambda: article_from_record(record, origin="feed.jsonl:1", max_bytes=LIMIT)
    )


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@BOUNDED
@given(
    st.lists(
        st.binary(max_size=200)
        | JSON_VALUES.map(lambda v: json.dumps(v).encode())
        | RECORDS.map(lambda v: json.dumps(v).encode())
        | st.integers(1, LIMIT).map(lambda depth: b"[" * depth),
        max_size=5,
    ),
    st.sampled_from(["json", "jsonl", "html", "text"]),
)
def test_any_file_gives_one_result_per_article_each_an_article_or_a_clear_error(
    folder, lines, form
):
    path = folder / f"input.{form}"
    path.write_bytes(b"\n".join(lines))

    results = list(read_input(Input(str(path), form), max_bytes=LIMIT, fetch_limits=NO_FETCH))

    assert results
    for result in results:
        if isinstance(result, ArticleError):
            assert "\n" not in str(result), str(result)
        else:
            assert_storable(result)
