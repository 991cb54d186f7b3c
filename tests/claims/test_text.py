import datetime

import pytest

from claims import text


def test_normalize_text_unifies_newlines_and_composes_unicode():
    raw = "Cafe\u0301 one\r\ntwo\rthree\n"

    assert text.normalize_text(raw) == "Caf\u00e9 one\ntwo\nthree\n"


def test_normalize_text_keeps_whitespace_as_printed():
    assert text.normalize_text("  indented\n\n\ttab ") == "  indented\n\n\ttab "


def test_content_hash_is_sha256_hex():
    assert text.content_hash("abc") == (
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
    )


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "HTTPS://News.Example.com:443/a/b/?utm_source=x&id=3#top",
            "https://news.example.com/a/b?id=3",
        ),
        ("http://example.com", "http://example.com/"),
        ("http://example.com:8080/x/", "http://example.com:8080/x"),
        ("  ", ""),
    ],
)
def test_normalize_url_canonical_form(raw, expected):
    assert text.normalize_url(raw) == expected


def test_quote_at_returns_selector_with_context():
    body = "a" * 40 + "QUOTE" + "b" * 40

    selector = text.quote_at(body, 40, 45)

    assert selector.exact == "QUOTE"
    assert selector.prefix == "a" * text.SELECTOR_CONTEXT_CHARS
    assert selector.suffix == "b" * text.SELECTOR_CONTEXT_CHARS


@pytest.mark.parametrize(("start", "end"), [(-1, 3), (3, 3), (5, 2), (0, 11)])
def test_quote_at_refuses_spans_outside_text(start, end):
    with pytest.raises(ValueError, match="not inside"):
        text.quote_at("0123456789", start, end)


def test_find_quote_finds_nth_occurrence():
    body = "said it. said it again."

    assert text.find_quote(body, "said it") == 0
    assert text.find_quote(body, "said it", occurrence=2) == 9
    with pytest.raises(ValueError):
        text.find_quote(body, "said it", occurrence=3)
    with pytest.raises(ValueError):
        text.find_quote(body, "never said")


def test_count_occurrences_counts_overlaps():
    assert text.count_occurrences("aaa", "aa") == 2
    assert text.count_occurrences("abc", "") == 0


def test_parse_metadata_line_reads_date_and_title():
    line = text.parse_metadata_line(" date 2022-04-25 Lavrov: NATO Expansion\n19:54 GMT")

    assert line == text.MetadataLine(datetime.date(2022, 4, 25), "Lavrov: NATO Expansion")


@pytest.mark.parametrize("first_line", ["Lavrov said", "date 2022-13-45 Bad date", "date  "])
def test_parse_metadata_line_ignores_other_first_lines(first_line):
    assert text.parse_metadata_line(first_line + "\nbody") is None
