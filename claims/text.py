"""Pure text helpers shared by models, services and commands.

No Django imports here: these functions are tested and benchmarked on their own.
Every offset in the project is a Python string index into a Source's normalised text.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

# How much text before and after a quote a TextQuoteSelector keeps (W3C Web Annotation).
SELECTOR_CONTEXT_CHARS = 32

_TRACKING_PARAMS = re.compile(r"^(utm_[a-z]+|fbclid|gclid|mc_[a-z]+)$", re.IGNORECASE)
_METADATA_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(\S.*?)\s*$")


def normalize_text(raw: str) -> str:
    """The form of an article that anchors index: newlines unified, Unicode NFC, nothing else
    (no trimming, no whitespace folding), so the text still reads as the outlet printed it."""
    return unicodedata.normalize("NFC", raw.replace("\r\n", "\n").replace("\r", "\n"))


def content_hash(text: str) -> str:
    """SHA-256 of the text's UTF-8 bytes, as 64 hex digits."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def normalize_url(url: str) -> str:
    """Canonical form of a URL, so the same article is not stored twice under two spellings:
    scheme and host lower-cased, without the default port, the fragment, tracking parameters
    (utm_*, fbclid, ...) and a trailing slash on the path. An empty string stays empty."""
    url = url.strip()
    if not url:
        return ""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    if port and not ((scheme == "http" and port == 80) or (scheme == "https" and port == 443)):
        host = f"{host}:{port}"
    path = parts.path or "/"
    if len(path) > 1:
        path = path.rstrip("/")
    query = "&".join(
        pair
        for pair in parts.query.split("&")
        if pair and not _TRACKING_PARAMS.match(pair.split("=", 1)[0])
    )
    return urlunsplit((scheme, host, path, query, ""))


@dataclass(frozen=True)
class TextQuote:
    """A W3C TextQuoteSelector: the exact words plus a little text either side."""

    start: int
    end: int
    exact: str
    prefix: str
    suffix: str


def quote_at(text: str, start: int, end: int) -> TextQuote:
    """The selector for text[start:end]; raises ValueError when the span is not inside text."""
    if not 0 <= start < end <= len(text):
        raise ValueError(f"span {start}-{end} is not inside a text of {len(text)} characters")
    return TextQuote(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - SELECTOR_CONTEXT_CHARS) : start],
        suffix=text[end : end + SELECTOR_CONTEXT_CHARS],
    )


def find_quote(text: str, exact: str, *, occurrence: int = 1) -> int:
    """Start offset of the n-th (1-based) occurrence of exact in text; ValueError when there
    are fewer."""
    if not exact:
        raise ValueError("the quote is empty")
    start = -1
    for _ in range(occurrence):
        start = text.find(exact, start + 1)
        if start == -1:
            raise ValueError("the quote does not occur in the source text")
    return start


def count_occurrences(text: str, exact: str) -> int:
    """How many times exact occurs in text, overlaps included."""
    count, start = 0, text.find(exact)
    while exact and start != -1:
        count += 1
        start = text.find(exact, start + 1)
    return count


@dataclass(frozen=True)
class MetadataLine:
    """What an article's leading `date YYYY-MM-DD Title` line says."""

    published_on: datetime.date
    title: str


def parse_metadata_line(text: str) -> MetadataLine | None:
    """Date and title from a first line such as ` date 2022-04-25 Lavrov: NATO ...`, if present."""
    first_line = text.split("\n", 1)[0]
    match = _METADATA_LINE.match(first_line)
    if not match:
        return None
    try:
        published_on = datetime.date.fromisoformat(match.group(1))
    except ValueError:
        return None
    return MetadataLine(published_on=published_on, title=match.group(2))


@dataclass(frozen=True)
class QuoteInContext:
    """A quote inside its paragraph: the words before it, the quote, the words after it."""

    before: str
    quote: str
    after: str


def quote_in_context(text: str, start: int, end: int) -> QuoteInContext:
    """The paragraph (the line) around text[start:end], split at the quote."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    paragraph_end = len(text) if paragraph_end == -1 else paragraph_end
    return QuoteInContext(
        before=text[paragraph_start:start], quote=text[start:end], after=text[end:paragraph_end]
    )


# Quote marks and dashes that differ between an excerpt typed by an editor and the page.
_QUOTE_FOLD = str.maketrans({
    "“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "″": '"',
    "‘": "'", "’": "'", "‚": "'", "′": "'", "`": "'",
    "–": "-", "—": "-", "‐": "-", "‑": "-", "\u00ad": None,
})  # fmt: skip
# An omission inside an excerpt: "…" or "..." or "[...]".
_OMISSION = re.compile(r"\s*(?:\[\s*(?:…|\.\.\.)\s*\]|…|\.\.\.)\s*")


def fold_for_search(text: str) -> str:
    """`text` with quote marks, dashes, case and whitespace folded: what an excerpt and its
    source are compared in."""
    folded = unicodedata.normalize("NFKC", text).translate(_QUOTE_FOLD).casefold()
    return " ".join(folded.split())


def excerpt_in_text(excerpt: str, text: str) -> bool | None:
    """Whether `excerpt` is quoted from `text`: its parts, between omission marks, in order,
    with quote marks, dashes, case and spacing ignored. None when there is nothing to compare
    (no excerpt, or no stored text)."""
    parts = [fold_for_search(part) for part in _OMISSION.split(excerpt)]
    parts = [part.strip(" \"'") for part in parts]
    parts = [part for part in parts if part]
    if not parts or not text.strip():
        return None
    haystack = fold_for_search(text)
    position = 0
    for part in parts:
        found = haystack.find(part, position)
        if found == -1:
            return False
        position = found + len(part)
    return True
