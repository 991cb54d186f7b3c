"""Reading an RSS 2.0 or Atom feed into its items. Plain Python (no Django).

The XML is parsed with the standard library's expat, which never fetches anything (no external
DTD or entity); a document that declares any entity is refused outright, so neither "billion
laughs" nor an entity that names a local file gets a chance. defusedxml would do the same and
more, but it is not among the desk's dependencies and expat's own hooks suffice here.
"""

from __future__ import annotations

import datetime
import email.utils
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urljoin
from xml.etree.ElementTree import Element, TreeBuilder, tostring
from xml.parsers import expat

from claims.imports.articles import ArticleError

ATOM = "{http://www.w3.org/2005/Atom}"
CONTENT = "{http://purl.org/rss/1.0/modules/content/}"
FEED_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/xml",
    "text/xml",
)
_TAGS = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


class FeedError(ArticleError):
    """What was fetched is not a feed the desk can read; the message says why, in one line."""


@dataclass(frozen=True)
class Entry:
    """One item of a feed. `content` is the article's HTML when the feed carries it (RSS's
    content:encoded, Atom's content), else empty; `summary` is the teaser."""

    guid: str
    link: str
    title: str
    content: str = ""
    summary: str = ""
    published_at: datetime.datetime | None = None

    def words(self) -> int:
        return len(_WORD.findall(_TAGS.sub(" ", self.content)))


@dataclass(frozen=True)
class ParsedFeed:
    title: str
    entries: list[Entry]


def parse_feed(data: bytes, *, url: str) -> ParsedFeed:
    """The items of an RSS 2.0 or Atom document fetched from `url` (relative links are read
    against it). Raises FeedError for anything else."""
    root = parse_xml(data, origin=url)
    try:
        return _read(root, url)
    except RecursionError:
        raise FeedError(f"{url}: the feed is nested too deeply to read") from None


def _read(root: Element, url: str) -> ParsedFeed:
    if root.tag == "rss":
        channel = root.find("channel")
        if channel is None:
            raise FeedError(f"{url}: an RSS document without a channel")
        return ParsedFeed(
            title=_text(channel.find("title")),
            entries=_unique([_rss_item(item, url) for item in channel.iter("item")]),
        )
    if root.tag == f"{ATOM}feed":
        return ParsedFeed(
            title=_text(root.find(f"{ATOM}title")),
            entries=_unique([_atom_entry(entry, url) for entry in root.iter(f"{ATOM}entry")]),
        )
    name = root.tag.rpartition("}")[2]
    raise FeedError(f"{url}: not an RSS 2.0 or Atom feed (its root element is <{name}>)")


def parse_xml(data: bytes, *, origin: str) -> Element:
    """The document's root element, names namespaced as ElementTree writes them ("{uri}name").
    Refuses a document that declares entities, and any that is not well-formed."""
    builder = TreeBuilder()
    parser = expat.ParserCreate(namespace_separator="}")
    parser.buffer_text = True

    def name(raw: str) -> str:
        return "{" + raw if "}" in raw else raw

    def start(tag: str, attributes: dict[str, str]) -> None:
        builder.start(name(tag), {name(key): value for key, value in attributes.items()})

    def refuse_entities(*args: object) -> None:
        raise FeedError(f"{origin}: the feed declares XML entities, which the desk does not read")

    parser.StartElementHandler = start
    parser.EndElementHandler = lambda tag: builder.end(name(tag))
    parser.CharacterDataHandler = builder.data
    parser.EntityDeclHandler = refuse_entities
    parser.UnparsedEntityDeclHandler = refuse_entities
    try:
        parser.Parse(data, True)
        return builder.close()
    except expat.ExpatError as error:
        reason = expat.ErrorString(error.code)
        raise FeedError(
            f"{origin}: not well-formed XML ({reason} at line {error.lineno}, "
            f"column {error.offset + 1})"
        ) from None
    except AssertionError:  # TreeBuilder.close() on an empty document
        raise FeedError(f"{origin}: the feed is empty") from None


def _rss_item(item: Element, url: str) -> Entry:
    link = _absolute(_text(item.find("link")), url)
    guid = _text(item.find("guid"))
    if guid and not link and item.find("guid").get("isPermaLink", "true").lower() == "true":
        link = _absolute(guid, url)
    return _entry(
        guid=guid or link,
        link=link,
        title=_text(item.find("title")),
        content=_text(item.find(f"{CONTENT}encoded")),
        summary=_text(item.find("description")),
        published=_rfc822(_text(item.find("pubDate"))),
    )


def _atom_entry(entry: Element, url: str) -> Entry:
    links = entry.findall(f"{ATOM}link")
    alternate = next((link for link in links if link.get("rel", "alternate") == "alternate"), None)
    link = _absolute((alternate.get("href") or "").strip(), url) if alternate is not None else ""
    content = entry.find(f"{ATOM}content")
    return _entry(
        guid=_text(entry.find(f"{ATOM}id")) or link,
        link=link,
        title=_text(entry.find(f"{ATOM}title")),
        content=_atom_html(content) if content is not None and not content.get("src") else "",
        summary=_text(entry.find(f"{ATOM}summary")),
        published=_iso(
            _text(entry.find(f"{ATOM}published")) or _text(entry.find(f"{ATOM}updated"))
        ),
    )


def _entry(*, guid: str, link: str, title: str, content: str, summary: str, published) -> Entry:
    if not guid and content:
        # An item with neither id nor link is known by what it says.
        guid = "sha256:" + hashlib.sha256(f"{title}\n{content}".encode()).hexdigest()
    return Entry(
        guid=guid,
        link=link,
        title=" ".join(title.split()),
        content=content,
        summary=summary,
        published_at=published,
    )


def _unique(entries: list[Entry]) -> list[Entry]:
    """Items the desk can import (an id, and a link or content to read), each id once."""
    seen: set[str] = set()
    kept = []
    for entry in entries:
        if entry.guid and (entry.link or entry.content) and entry.guid not in seen:
            seen.add(entry.guid)
            kept.append(entry)
    return kept


def _text(element: Element | None) -> str:
    return "".join(element.itertext()).strip() if element is not None else ""


def _atom_html(content: Element) -> str:
    kind = content.get("type", "text")
    if kind == "xhtml":
        # The markup itself, its XHTML namespace dropped so that an HTML parser reads it.
        for element in content.iter():
            element.tag = element.tag.rpartition("}")[2]
        return "".join(tostring(child, encoding="unicode") for child in content).strip()
    if kind == "html":
        return _text(content)
    return ""  # plain text is a summary at best; the article is fetched from the link


def _absolute(link: str, base: str) -> str:
    link = link.strip()
    if not link:
        return ""
    joined = urljoin(base, link)
    return joined if joined.lower().startswith(("http://", "https://")) else ""


def _rfc822(value: str) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)


def _iso(value: str) -> datetime.datetime | None:
    if not value:
        return None
    try:
        moment = datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=datetime.UTC)
