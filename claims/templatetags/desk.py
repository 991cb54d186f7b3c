"""Template filters and tags for the public pages."""

import datetime

from django import template
from django.template import engines
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from ..public.markdown import render_markdown

register = template.Library()


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
    """A rating's badge (of a `Rating`, or of a card's `listing.Verdict`). Its colour comes from
    /ratings.css by class, not a style attribute, so the Content Security Policy can refuse
    every inline style."""
    size = " rating-large" if large else ""
    return format_html('<span class="rating {}{}">{}</span>', rating.css_class, size, rating.label)


@register.simple_tag
def claim_cards(cards, level: int = 2) -> SafeString:
    """The cards of a list of claims (`listing.Card`), written by their Jinja2 template."""
    template = engines["jinja2"].get_template("claims/_claim_cards.html")
    # Jinja2 has escaped every value itself (autoescape, as Django's backend sets it).
    return mark_safe(template.render({"cards": cards, "level": level}))


@register.filter
def web_url(value: str) -> str:
    """`value` if it is an http(s) address, else "": every entry point validates URLs, and
    this keeps a `javascript:` one that slipped past them out of an href all the same."""
    value = (value or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""
