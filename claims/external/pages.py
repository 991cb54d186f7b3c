"""ClaimReview markup in a publisher's page: every `<script type="application/ld+json">`
block, each a ClaimReview, a list or an @graph holding some. A block that is not valid JSON is
passed over (pages carry all sorts of JSON-LD); a page with no ClaimReview at all is an error.
"""

from __future__ import annotations

from html.parser import HTMLParser

import orjson

from claims.imports.fetching import FetchError, FetchUnavailable, fetch_page

from .claimreview import claim_reviews_in, record_of
from .models import Origin
from .sources import ImportFailed, limits
from .store import Counts, upsert

JSON_LD = "application/ld+json"


class _JsonLdBlocks(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._inside: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if tag == "script" and kind == JSON_LD:
            self._inside = []

    def handle_data(self, data: str) -> None:
        if self._inside is not None:
            self._inside.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._inside is not None:
            self.blocks.append("".join(self._inside))
            self._inside = None


def claim_reviews_in_html(html: str) -> list[dict]:
    """The ClaimReview objects of a page's JSON-LD blocks, in the page's order."""
    parser = _JsonLdBlocks()
    parser.feed(html)
    parser.close()
    found = []
    for block in parser.blocks:
        try:
            data = orjson.loads(block.strip())
        except orjson.JSONDecodeError:
            continue
        found.extend(claim_reviews_in(data))
    return found


def import_page(url: str) -> Counts:
    """Fetch a page with the desk's safe fetcher and import every ClaimReview in it."""
    try:
        fetched = fetch_page(url, limits=limits())
    except FetchUnavailable:
        raise  # a passing trouble: a job tries again later
    except FetchError as error:
        raise ImportFailed(str(error)) from error
    html = fetched.body.decode(fetched.charset or "utf-8", errors="replace")
    reviews = claim_reviews_in_html(html)
    if not reviews:
        raise ImportFailed(f"{url}: no ClaimReview markup in the page")
    return upsert(
        (record_of(review) for review in reviews), origin=Origin.PAGE, detail=fetched.final_url
    )
