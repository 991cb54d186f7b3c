"""The Jinja2 environment for the few public templates written in Jinja2 (templates/jinja2/):
Django's URLs, translations, date format and rating badge, as the Django templates have them."""

from django.template.defaultfilters import date
from django.urls import reverse
from django.utils import translation
from jinja2 import Environment

from ..templatetags.desk import rating_badge
from .context_processors import DAY_FORMAT


def url(name: str, *args) -> str:
    return reverse(name, args=args)


def environment(**options) -> Environment:
    env = Environment(**options)
    env.globals.update(
        url=url,
        rating_badge=rating_badge,
        DAY_FORMAT=DAY_FORMAT,
        page_language=translation.get_language,
    )
    env.filters["date"] = date
    # Old-style calls (`_("said on %(day)s")|format(day=...)`), which Django's makemessages
    # reads in a template as it reads a Django template's `_("...")`: one catalogue for both.
    env.install_gettext_callables(translation.gettext, translation.ngettext, newstyle=False)
    return env
