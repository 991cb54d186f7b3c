"""The readers' pages in several languages (docs/public-pages.md#languages).

A page's language is in its address: English unprefixed (/claims/...), the others under their
code (/uk/claims/..., /fr/claims/...), so that a cached page, here or at the edge, is always in
the language its address names. Only the bare root negotiates: a reader arriving at / from
elsewhere whose browser prefers another of the site's languages is sent to that language's
home. The admin and the API are not prefixed and stay English.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.middleware import locale
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers
from django.utils.translation import get_language_info


@dataclass(frozen=True)
class PageLanguage:
    """One of the site's languages, for the language switch and the hreflang links."""

    code: str
    name: str  # in the language itself
    path: str  # this page in that language (its home when the page has no address of its own)
    url: str  # the same, absolute
    home: str  # the home page in that language
    current: bool


def _is_root(request: HttpRequest) -> bool:
    return request.path_info == "/"


def _from_this_site(request: HttpRequest) -> bool:
    """Whether the reader followed a link on this site (the language switch, the site's name):
    then they chose the page's language, and the root does not send them elsewhere."""
    return urlsplit(request.headers.get("Referer", "")).netloc == request.get_host()


def _negotiated(request: HttpRequest) -> str:
    """The language the reader's browser (or language cookie) asks for, among the site's."""
    return translation.get_language_from_request(request, check_path=False)


class LocaleMiddleware(locale.LocaleMiddleware):
    """Django's, with the language from the address (i18n_patterns, English unprefixed), plus:
    at the root, a reader arriving from elsewhere whose browser prefers Ukrainian or French is
    redirected to /uk/ or /fr/; and only the root's answers vary by Accept-Language, so that
    the edge cache keeps one copy of every other page."""

    def process_request(self, request: HttpRequest) -> HttpResponse | None:
        super().process_request(request)
        if request.method not in ("GET", "HEAD") or not _is_root(request):
            return None
        chosen = _negotiated(request)
        if chosen == settings.LANGUAGE_CODE or _from_this_site(request):
            return None
        with translation.override(chosen):
            home = reverse("claims:home")
        query = request.META.get("QUERY_STRING", "")
        redirect = HttpResponseRedirect(f"{home}?{query}" if query else home)
        # Depends on the Referer too: no shared cache may keep it.
        add_never_cache_headers(redirect)
        patch_vary_headers(redirect, ("Accept-Language", "Cookie"))
        return redirect

    def process_response(self, request: HttpRequest, response: HttpResponse) -> HttpResponse:
        response.headers.setdefault("Content-Language", translation.get_language())
        if _is_root(request) and response.status_code == 200:
            patch_vary_headers(response, ("Accept-Language",))
            if _negotiated(request) != settings.LANGUAGE_CODE:
                # English for a reader whose browser asks for another language, because they
                # came from a page of this site: not to be served from the edge to the next one.
                patch_cache_control(response, private=True)
        return response


def page_languages(request: HttpRequest) -> list[PageLanguage]:
    """The page `request` asked for, in each of the site's languages: the address it resolved
    to, reversed in each language with the same query; each language's home when it resolved
    to none (a 404) or to a page outside the readers' pages."""
    match = request.resolver_match
    query = request.META.get("QUERY_STRING", "")
    current = translation.get_language()
    languages = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            home = path = reverse("claims:home")
            if match is not None and match.namespace == "claims":
                try:
                    path = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                    path = f"{path}?{query}" if query else path
                except NoReverseMatch:
                    pass
        info = get_language_info(code)
        languages.append(
            PageLanguage(
                code=code,
                name=info["name_local"][:1].upper() + info["name_local"][1:],
                path=path,
                url=request.build_absolute_uri(path),
                home=home,
                current=code == current,
            )
        )
    return languages
