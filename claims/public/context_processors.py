from django.conf import settings
from django.utils.functional import SimpleLazyObject
from django.utils.translation import pgettext_lazy

from .languages import page_languages

# How the public pages write a day ("6 December 2026"), as Django's date filter reads it: a
# translation, so that each language writes it its own way (Ukrainian months take the genitive,
# "6 грудня 2026", Django's "E").
DAY_FORMAT = pgettext_lazy("how a day is written, in Django's date filter's letters", "j F Y")


def desk(request):
    """The desk's name, for every public page's header and footer."""
    return {"desk_name": settings.FACTCHECK_ORGANIZATION, "DAY_FORMAT": DAY_FORMAT}


def languages(request):
    """The page in each of the site's languages, for the language switch and hreflang links:
    worked out only on pages that show them (the admin shares the context processors)."""
    return {"page_languages": SimpleLazyObject(lambda: page_languages(request))}
