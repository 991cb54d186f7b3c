"""Markdown for text readers see (a review's analysis), rendered and then sanitised.

markdown-it-py parses CommonMark with raw HTML switched off; nh3 (the Ammonia sanitiser)
then keeps only the tags and attributes an analysis needs, so nothing an editor types can run
in a reader's browser.
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_PARSER = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
ALLOWED_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a",
    "h3", "h4", "h5", "h6", "hr",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}


def render_markdown(text: str) -> str:
    """Safe HTML for `text`; links get rel="nofollow noopener" and only web or mail schemes."""
    html = _PARSER.render(text or "")
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow noopener",
    )
