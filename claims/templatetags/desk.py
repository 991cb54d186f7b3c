"""Template filters and tags for the public pages."""

import datetime
import functools
import re

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ..markdown import render_markdown

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
    # Safe to mark: render_markdown sanitises with an allow-list (claims/markdown.py).
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
    size = " rating-large" if large else ""
    return format_html('<span class="rating {}{}">{}</span>', rating.css_class, size, rating.label)


@register.filter
def web_url(value: str) -> str:
    """`value` if it is an http(s) address, else "": every entry point validates URLs, and
    this keeps a `javascript:` one that slipped past them out of an href all the same."""
    value = (value or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""
