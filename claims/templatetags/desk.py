"""Template filters for the public pages."""

from django import template
from django.utils.safestring import mark_safe

from ..markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str) -> str:
    # Safe to mark: render_markdown sanitises with an allow-list (claims/markdown.py).
    return mark_safe(render_markdown(text))
