"""Reading articles in every form the desk takes them in: pasted text, text and HTML files, JSON
and JSONL batches, folders of such files, and web pages (fetched by `claims.imports.fetching`).

Plain Python (no Django), so it can be tested and benchmarked alone: limits are passed in, and
every reader returns `Article`s that `claims.services.source_import_article` stores. Anything
that is not an article raises (or, in a batch, yields) an `ArticleError` with a one-line reason.

What an article's metadata comes from, first found wins: what the caller says (command options,
the admin form), the fields of a JSON record, what trafilatura finds in the HTML, a leading
`date YYYY-MM-DD Title` line in a text, the first short line of a text, the file's name.

An HTML page is held to bounds of its own, whatever the article limit, because extraction is
the one costly step and runs inside a web request: at most `HTML_MAX_BYTES` bytes and
`HTML_MAX_ELEMENTS` elements (trafilatura's time grows with both), and past
`HTML_FULL_EXTRACTION_ELEMENTS` elements trafilatura runs without its fallback extractors,
since jusText's time grows with the square of the number of paragraphs. A page beyond the
bounds is refused with a message saying to import its text instead. An extraction that finds
fewer than `MIN_ARTICLE_CHARS` letters and digits outside the page's links (a menu, a list of
headlines, a copyright line) is refused too, rather than stored as an article.
"""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import logging
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import trafilatura
from trafilatura.settings import set_date_params
from trafilatura.utils import load_html

from ..text import normalize_text, parse_metadata_line
from .articles import ArticleError, check_size, decode_html, decode_text, read_bytes
from .fetching import FetchLimits, fetch_page

TEXT_SUFFIXES = (".txt", ".text", ".md")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSON_SUFFIXES = (".json",)
JSONL_SUFFIXES = (".jsonl", ".ndjson")
# The curated desk beside a seed article (`seed_demo`): JSON, but not articles.
NOT_ARTICLES = (".desk.json",)
# A text's first line is taken as its title only when it is short enough to be a headline.
FIRST_LINE_TITLE_MAX = 200
RECORD_FIELDS = ("title", "url", "publisher", "author", "language", "kind")
RECORD_TIMES = ("published_at", "retrieved_at")
HTML_MAX_BYTES = 2_000_000
HTML_MAX_ELEMENTS = 30_000
HTML_FULL_EXTRACTION_ELEMENTS = 5_000
MIN_ARTICLE_CHARS = 50

_URL_LIKE = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
_LANGUAGE = re.compile(r"^([A-Za-z]{2,3})(?:[-_][A-Za-z0-9]+)*$")
_WORD = re.compile(r"\w+")

# Failures are reported by the desk, one line per input; trafilatura's and htmldate's own log
# lines ("discarding data: None") would only repeat them, once per bad file of a batch.
for _name in ("trafilatura", "htmldate", "courlan", "justext", "readability"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


@dataclass(frozen=True)
class Article:
    """One article as read, before it is stored.

    `text` is normalised (the form anchors index); `raw_input` is what came in, before that;
    `raw_hash` is the SHA-256 of the bytes received (a file as read, a page as fetched, or the
    UTF-8 of a pasted text or JSON field).
    """

    origin: str  # where it came from, for messages: a path, `feed.jsonl:12`, a URL
    text: str
    raw_input: str
    raw_format: str  # "text" or "html"
    raw_hash: str
    title: str
    url: str = ""
    final_url: str = ""
    publisher: str = ""
    author: str = ""
    language: str = ""
    kind: str = ""
    published_at: datetime.datetime | None = None
    retrieved_at: datetime.datetime | None = None

    def __post_init__(self) -> None:
        # Checked here, so that no reader can hand over what the database would refuse: a
        # failure there would be an error page or a traceback instead of a line for the input.
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if isinstance(value, str) and field.name != "origin":
                if "\x00" in value:
                    raise ArticleError(f"{self.origin}: `{field.name}` contains NUL characters")
                if not _is_unicode(value):
                    raise ArticleError(
                        f"{self.origin}: `{field.name}` is not valid Unicode (a lone surrogate)"
                    )
            elif isinstance(value, datetime.datetime):
                try:
                    value.astimezone(datetime.UTC)
                except OverflowError:
                    raise ArticleError(
                        f"{self.origin}: `{field.name}` is out of range ({value.isoformat()})"
                    ) from None

    def overridden(self, **values: Any) -> Article:
        """A copy with every given non-empty value in place of the article's own."""
        return dataclasses.replace(self, **{k: v for k, v in values.items() if v})


# --- single articles -----------------------------------------------------------------------


def article_from_text(
    raw: str,
    *,
    origin: str,
    max_bytes: int,
    raw_bytes: bytes | None = None,
    fallback_title: str = "",
) -> Article:
    """A plain-text article (pasted, a file's decoded text, or a JSON record's `text`)."""
    data = raw_bytes if raw_bytes is not None else _utf8(raw, origin)
    check_size(len(data), max_bytes=max_bytes, name=origin)
    _refuse_binary(raw, origin)
    text = normalize_text(raw)
    if not text.strip():
        raise ArticleError(f"{origin}: the text is empty")
    line = parse_metadata_line(text)
    return Article(
        origin=origin,
        text=text,
        raw_input=raw,
        raw_format="text",
        raw_hash=_sha256(data),
        title=(line.title if line else "") or _title_from_text(text, fallback_title or origin),
        published_at=_midnight_utc(line.published_on) if line else None,
    )


def article_from_html(
    html: str | bytes,
    *,
    origin: str,
    max_bytes: int,
    url: str = "",
    declared_charset: str | None = None,
    fallback_title: str = "",
) -> Article:
    """The main text and metadata of an HTML page, extracted by trafilatura, which is given
    the document only: it never fetches anything (links, images, the canonical URL)."""
    if isinstance(html, bytes):
        data = html
        _check_html_size(len(data), max_bytes=max_bytes, origin=origin)
        html = decode_html(data, name=origin, declared=declared_charset)
    else:
        data = _utf8(html, origin)
        _check_html_size(len(data), max_bytes=max_bytes, origin=origin)
    _refuse_binary(html, origin)
    if not html.strip():
        raise ArticleError(f"{origin}: the HTML is empty")
    try:
        tree = load_html(html)
        if tree is None:
            raise ArticleError(f"{origin}: does not look like an HTML document")
        elements = sum(1 for _ in tree.iter())
        if elements > HTML_MAX_ELEMENTS:
            raise ArticleError(
                f"{origin}: the page has too many elements to find its article in "
                f"({elements:,}, over the {HTML_MAX_ELEMENTS:,} the desk reads); "
                "import its text instead"
            )
        document = trafilatura.bare_extraction(
            tree,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            fast=elements > HTML_FULL_EXTRACTION_ELEMENTS,
            # With the time of day: htmldate's default format keeps the date alone.
            date_extraction_params={**set_date_params(), "outputformat": DATE_TIME_FORMAT},
        )
        text = normalize_text(document.text or "") if document is not None else ""
        if _chars_outside_links(text, tree) < MIN_ARTICLE_CHARS:
            raise ArticleError(
                f"{origin}: no article text found in the HTML (only links, or a few words)"
            )
        return Article(
            origin=origin,
            text=text,
            raw_input=html,
            raw_format="html",
            raw_hash=_sha256(data),
            title=_one_line(document.title) or _title_from_text(text, fallback_title or origin),
            publisher=_one_line(document.sitename),
            author=_one_line(document.author),
            language=_html_language(tree),
            published_at=_parse_date(document.date),
        )
    except ArticleError:
        raise
    except Exception as error:  # third-party parsers on arbitrary input: report, don't crash
        raise _unreadable(origin, "the HTML could not be read", error) from error


def article_from_bytes(data: bytes, *, origin: str, form: str, max_bytes: int) -> Article:
    """A text or HTML file's content (an upload, or a file already read)."""
    if form == "html":
        return article_from_html(data, origin=origin, max_bytes=max_bytes)
    check_size(len(data), max_bytes=max_bytes, name=origin)
    return article_from_text(
        decode_text(data, name=origin),
        origin=origin,
        max_bytes=max_bytes,
        raw_bytes=data,
        fallback_title=Path(origin).stem,
    )


def article_from_url(url: str, *, limits: FetchLimits) -> Article:
    """Fetch a page and extract its article; records when, where from, and a hash of the bytes."""
    fetched = fetch_page(url, limits=limits)
    article = article_from_html(
        fetched.body,
        origin=url,
        max_bytes=limits.max_bytes,
        url=fetched.final_url,
        declared_charset=fetched.charset,
    )
    return dataclasses.replace(
        article,
        url=url,
        final_url=fetched.final_url,
        retrieved_at=fetched.fetched_at,
        raw_hash=fetched.sha256,
    )


def article_from_record(record: Any, *, origin: str, max_bytes: int) -> Article:
    """One article of a JSON or JSONL batch: an object with `text` or `html`, and optionally
    `title`, `url`, `publisher`, `author`, `language`, `kind`, `published_at`, `retrieved_at`
    (ISO 8601 dates or times; a time without zone is UTC). Other fields are ignored."""
    if not isinstance(record, dict):
        raise ArticleError(f"{origin}: an article must be a JSON object, not {_json_kind(record)}")
    for field in (*RECORD_FIELDS, *RECORD_TIMES, "text", "html"):
        if record.get(field) is not None and not isinstance(record[field], str):
            raise ArticleError(f"{origin}: `{field}` must be a string")
    text, html = record.get("text"), record.get("html")
    if text is not None and html is not None:
        raise ArticleError(f"{origin}: give `text` or `html`, not both")
    url = (record.get("url") or "").strip()
    if text is not None:
        article = article_from_text(text, origin=origin, max_bytes=max_bytes)
    elif html is not None:
        article = article_from_html(html, origin=origin, max_bytes=max_bytes, url=url)
    else:
        raise ArticleError(f"{origin}: no `text` or `html` field")
    return article.overridden(
        **{field: (record.get(field) or "").strip() for field in RECORD_FIELDS},
        **{field: _parse_time(record.get(field), origin, field) for field in RECORD_TIMES},
    )


# --- files, folders and batches ------------------------------------------------------------


@dataclass(frozen=True)
class Input:
    """One thing to import, as named on the command line or found in a folder."""

    location: str
    form: str  # "url", "text", "html", "json" or "jsonl"
    error: str = ""  # set when it cannot be read at all (an empty folder)


def plan_inputs(locations: Iterable[str]) -> list[Input]:
    """Each location as an input; a folder stands for every article file under it."""
    inputs: list[Input] = []
    for location in locations:
        if _URL_LIKE.match(location):
            inputs.append(Input(location, "url"))
            continue
        path = Path(location)
        if not path.is_dir():
            inputs.append(Input(location, file_form(path)))
            continue
        files = [p for p in sorted(path.rglob("*")) if _is_article_file(p, path)]
        if not files:
            inputs.append(
                Input(location, "", error=f"{location}: no .txt, .html, .json or .jsonl files here")
            )
        inputs.extend(Input(str(p), file_form(p)) for p in files)
    return inputs


def file_form(path: Path) -> str:
    """How to read a file: by its suffix, or for an unknown one by its first character."""
    name = path.name.lower()
    for form, suffixes in (
        ("jsonl", JSONL_SUFFIXES),
        ("json", JSON_SUFFIXES),
        ("html", HTML_SUFFIXES),
        ("text", TEXT_SUFFIXES),
    ):
        if name.endswith(suffixes):
            return form
    try:
        with path.open("rb") as file:
            start = file.read(512).lstrip(b"\xef\xbb\xbf \t\r\n")
    except (OSError, ValueError):
        return "text"  # reading it later gives the error
    if start[:1] == b"<":
        return "html"
    if start[:1] in (b"{", b"["):
        return "json"
    return "text"


def count_articles(item: Input, *, max_bytes: int) -> int:
    """How many articles an input holds, for a progress bar (1 when it cannot tell)."""
    try:
        if item.form == "jsonl":
            with open(item.location, "rb") as file:
                return max(1, sum(1 for line in file if line.strip()))
        if item.form == "json" and Path(item.location).stat().st_size <= max_bytes:
            data = json.loads(Path(item.location).read_bytes())
            return max(1, len(data)) if isinstance(data, list) else 1
    except (OSError, ValueError, RecursionError):
        pass  # reading it later gives the error
    return 1


def read_input(
    item: Input, *, max_bytes: int, fetch_limits: FetchLimits
) -> Iterator[Article | ArticleError]:
    """Every article of an input, or the error that stops each one. A bad record of a batch
    file is one error among the file's articles; the rest are still read."""
    if item.error:
        yield ArticleError(item.error)
        return
    try:
        if item.form == "url":
            yield article_from_url(item.location, limits=fetch_limits)
        elif item.form == "json":
            yield from _json_file(Path(item.location), max_bytes=max_bytes)
        elif item.form == "jsonl":
            yield from _jsonl_file(Path(item.location), max_bytes=max_bytes)
        else:
            yield read_article_file(Path(item.location), max_bytes=max_bytes, form=item.form)
    except ArticleError as error:
        yield error
    except Exception as error:  # whatever else went wrong, the batch goes on with the next input
        yield _unreadable(item.location, "could not be read", error)


def read_article_file(path: Path, *, max_bytes: int, form: str | None = None) -> Article:
    """A text or HTML file holding one article."""
    data = read_bytes(path, max_bytes=max_bytes)
    return article_from_bytes(
        data, origin=str(path), form=form or file_form(path), max_bytes=max_bytes
    )


def _json_file(path: Path, *, max_bytes: int) -> Iterator[Article | ArticleError]:
    # A JSON document is read whole, so it is held to the one-article limit too: big batches
    # go in JSONL, which is read line by line.
    data = read_bytes(path, max_bytes=max_bytes)
    records = _parse_json(decode_text(data, name=str(path)), str(path))
    if isinstance(records, dict):
        records = [records]
    if not isinstance(records, list):
        raise ArticleError(
            f"{path}: expected an article object or a list of them, not {_json_kind(records)}"
        )
    if not records:
        raise ArticleError(f"{path}: the list of articles is empty")
    for index, record in enumerate(records):
        yield _record(record, origin=f"{path}[{index}]", max_bytes=max_bytes)


def _jsonl_file(path: Path, *, max_bytes: int) -> Iterator[Article | ArticleError]:
    if not path.is_file():
        raise ArticleError(f"{path}: no such file" if not path.exists() else f"{path}: not a file")
    found = False
    with path.open("rb") as file:
        number = 0
        while True:
            # One article per line, each held to the limit; a longer line is skipped unread.
            line = file.readline(max_bytes + 1)
            if not line:
                break
            number += 1
            origin = f"{path}:{number}"
            if len(line) > max_bytes and not line.endswith(b"\n"):
                while (rest := file.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                found = True
                yield ArticleError(f"{origin}: the line is over the limit of {max_bytes:,} bytes")
                continue
            if not line.strip():
                continue
            found = True
            try:
                record = _parse_json(decode_text(line, name=origin), origin)
            except ArticleError as error:
                yield error
                continue
            yield _record(record, origin=origin, max_bytes=max_bytes)
    if not found:
        raise ArticleError(f"{path}: the file is empty")


def _record(record: Any, *, origin: str, max_bytes: int) -> Article | ArticleError:
    try:
        return article_from_record(record, origin=origin, max_bytes=max_bytes)
    except ArticleError as error:
        return error
    except Exception as error:  # one bad record must not end the file's other records
        return _unreadable(origin, "could not be read", error)


def _parse_json(text: str, origin: str) -> Any:
    if not text.strip():
        raise ArticleError(f"{origin}: the file is empty")
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleError(
            f"{origin}: malformed JSON ({error.msg} at line {error.lineno}, column {error.colno})"
        ) from None
    except RecursionError:
        raise ArticleError(f"{origin}: the JSON is nested too deeply to read") from None
    except ValueError:  # an integer longer than Python converts (sys.get_int_max_str_digits)
        raise ArticleError(f"{origin}: malformed JSON (a number too long to read)") from None


def _is_article_file(path: Path, root: Path) -> bool:
    relative = path.relative_to(root)
    if any(part.startswith(".") for part in relative.parts) or not path.is_file():
        return False
    name = path.name.lower()
    if name.endswith(NOT_ARTICLES):
        return False
    return name.endswith((*TEXT_SUFFIXES, *HTML_SUFFIXES, *JSON_SUFFIXES, *JSONL_SUFFIXES))


# --- small helpers -------------------------------------------------------------------------


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _utf8(text: str, origin: str) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        raise ArticleError(f"{origin}: not valid Unicode text (a lone surrogate)") from None


def _check_html_size(size: int, *, max_bytes: int, origin: str) -> None:
    check_size(size, max_bytes=max_bytes, name=origin)
    if size > HTML_MAX_BYTES:
        raise ArticleError(
            f"{origin}: {size:,} bytes is over the limit of {HTML_MAX_BYTES:,} bytes for an "
            "HTML page; import its text instead"
        )


def _chars_outside_links(text: str, tree: Any) -> int:
    """How many letters and digits of the text are not the words of the page's links: what
    is left of a menu or a list of headlines is nothing."""
    words = Counter(word.casefold() for word in _WORD.findall(text))
    for link in tree.iter("a"):
        words.subtract(word.casefold() for word in _WORD.findall(link.text_content()))
    return sum(len(word) * count for word, count in words.items() if count > 0)


def _unreadable(origin: str, what: str, error: Exception) -> ArticleError:
    detail = _one_line(str(error))[:200]
    return ArticleError(
        f"{origin}: {what} ({type(error).__name__}{': ' if detail else ''}{detail})"
    )


def _is_unicode(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _refuse_binary(text: str, origin: str) -> None:
    # PostgreSQL cannot store NUL in text, and no article contains one: it is binary data.
    if "\x00" in text:
        raise ArticleError(f"{origin}: contains NUL characters, so it looks like binary data")


def _one_line(value: str | None) -> str:
    return " ".join((value or "").split())


def _title_from_text(text: str, fallback: str) -> str:
    for line in text.split("\n"):
        line = _one_line(line)
        if line:
            return line if len(line) <= FIRST_LINE_TITLE_MAX else fallback
    return fallback


def _midnight_utc(day: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(), tzinfo=datetime.UTC)


# How the page's publication time is asked of htmldate: the date, the time of day and the
# page's own UTC offset when it gives one.
DATE_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S%z"


def _parse_date(value: str | None) -> datetime.datetime | None:
    """trafilatura's publication time (DATE_TIME_FORMAT), in UTC when the page gives no offset
    (a page that gives only a day reads as midnight UTC); None when absent or unreadable."""
    try:
        moment = datetime.datetime.fromisoformat(value) if value else None
    except ValueError:
        return None
    if moment is not None and moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.UTC)
    return moment


def _parse_time(value: str | None, origin: str, field: str) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.strip())
    except ValueError:
        raise ArticleError(
            f"{origin}: `{field}` is not an ISO 8601 date or time ({value!r})"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _html_language(tree: Any) -> str:
    """The page's language code (`en` for `en-GB`), from <html lang>, a Content-Language
    meta tag or og:locale; empty when the page does not say."""
    candidates = [
        tree.get("lang"),
        tree.get("{http://www.w3.org/XML/1998/namespace}lang"),
        *tree.xpath(
            "//meta[translate(@http-equiv,'CONTENT-LANGUAGE','content-language')"
            "='content-language']/@content"
        ),
        *tree.xpath("//meta[@property='og:locale']/@content"),
    ]
    for candidate in candidates:
        match = _LANGUAGE.match((candidate or "").strip())
        if match:
            return match.group(1).lower()
    return ""


def _json_kind(value: Any) -> str:
    return {
        list: "a list",
        dict: "an object",
        str: "a string",
        bool: "true or false",
        type(None): "null",
    }.get(type(value), "a number")
