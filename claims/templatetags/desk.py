"""Template filters and tags for the public pages."""

import datetime
import functools
import re

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import formats, timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from ..enums import ClaimStatus
from ..public.listing import Card
from ..public.markdown import render_markdown

register = template.Library()

# What the `slug` path converter accepts; such a slug is written into a URL as it is.
_SLUG = re.compile(r"[-a-zA-Z0-9_]+\Z")
_SLUG_MARK = "0slug0"


@functools.lru_cache(maxsize=256)
def _url_around_slug(name: str, prefix: str, urlconf: str, with_slug: bool) -> tuple:
    if not with_slug:
        return (reverse(name, urlconf=urlconf),)
    return tuple(reverse(name, args=[_SLUG_MARK], urlconf=urlconf).split(_SLUG_MARK))


@register.simple_tag
def page_url(name: str, slug: str | None = None) -> str:
    """`{% url name %}` or `{% url name slug %}`, reversed once per URL name and then joined
    with the slug: reverse() costs some 25 µs, and a page of 20 claims asks for 47 URLs."""
    # Keyed by the URLconf in use (a request's own, else the setting's) and the script prefix.
    urlconf = get_urlconf() or settings.ROOT_URLCONF
    parts = _url_around_slug(name, get_script_prefix(), urlconf, slug is not None)
    if slug is None:
        return parts[0]
    if len(parts) != 2 or not _SLUG.match(str(slug)):
        return reverse(name, args=[slug])
    return f"{parts[0]}{slug}{parts[1]}"


@register.filter(name="markdown")
def markdown_filter(text: str) -> str:
    # Safe to mark: render_markdown sanitises with an allow-list (claims/public/markdown.py).
    return mark_safe(render_markdown(text))


@register.filter
def iso_datetime(value: datetime.datetime | None) -> str:
    """A `<time datetime>` value in the current time zone, to the second: HTML allows at most
    three digits of fractions, and Django's "c" format prints six."""
    if not value:
        return ""
    return timezone.localtime(value).isoformat(timespec="seconds")


@register.simple_tag
def rating_badge(rating, large: bool = False) -> SafeString:
    """A rating's badge. Its colour comes from /ratings.css by class, not a style attribute,
    so the Content Security Policy can refuse every inline style."""
    return _badge(rating.css_class, rating.label, large)


def _badge(css_class: str, label: str, large: bool = False) -> SafeString:
    size = " rating-large" if large else ""
    return format_html('<span class="rating {}{}">{}</span>', css_class, size, label)


@register.filter
def web_url(value: str) -> str:
    """`value` if it is an http(s) address, else "": every entry point validates URLs, and
    this keeps a `javascript:` one that slipped past them out of an href all the same."""
    value = (value or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""


@register.simple_tag
def claim_card(card: Card) -> SafeString:
    """A claim's card in the /claims/ list (a `listing.Card`): its wording linked to its page,
    the speaker linked to theirs, the day it was said, and the current verdict's badge and
    summary, or the withdrawal. Written in Python, escaped by `format_html`, as the template
    wrote it: twenty cards in template tags took half of the list's CPU."""
    said_on = ""
    if card.said_on:
        said_on = format_html(" · {}", formats.date_format(card.said_on, "j F Y"))
    if card.status == ClaimStatus.WITHDRAWN:
        verdict = format_html('\n    <p class="withdrawn">{}</p>', gettext("Withdrawn"))
    elif card.verdict is not None:
        badge = _badge(card.verdict.rating_css_class, card.verdict.rating_label)
        verdict = format_html("\n    <p>{} {}</p>", badge, card.verdict.summary)
    else:
        verdict = ""
    return format_html(
        '<li class="claim-card">\n'
        '    <h2><a href="{}">{}</a></h2>\n'
        '    <p class="claim-meta"><a href="{}">{}</a>{}</p>{}\n'
        "  </li>",
        page_url("claims:detail", card.slug),
        card.text,
        page_url("claims:speaker", card.speaker_slug),
        card.speaker_name,
        said_on,
        verdict,
    )
