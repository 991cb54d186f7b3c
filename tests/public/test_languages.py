"""The readers' pages in English, Ukrainian and French: the language from the address, the
root's from Accept-Language, the switch and hreflang links on every page, caches that keep
languages apart, days written per language, and words marked with their own language."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, translation
from django.utils.html import escape

from claims.models import Claim
from claims.public.context_processors import DAY_FORMAT

pytestmark = pytest.mark.django_db
LANGUAGES = [code for code, _name in settings.LANGUAGES]
PREFIX = {"en": "", "uk": "/uk", "fr": "/fr"}


class Links(HTMLParser):
    """What a page says of languages: <html lang>, its hreflang alternates, the switch's links."""

    def __init__(self):
        super().__init__()
        self.lang, self.alternates, self.switch, self.current = None, {}, {}, []
        self._in_switch = False
        self._in_current = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "html":
            self.lang = attrs.get("lang")
        elif tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = attrs["href"]
        elif tag == "nav" and "languages" in attrs.get("class", ""):
            self._in_switch = True
        elif self._in_switch and tag == "a":
            self.switch[attrs["hreflang"]] = attrs["href"]
        elif self._in_switch and attrs.get("aria-current"):
            self._in_current = True

    def handle_endtag(self, tag):
        if tag == "nav":
            self._in_switch = False
        self._in_current = False

    def handle_data(self, data):
        if self._in_current:
            self.current.append(data)


def links_of(html: str) -> Links:
    parser = Links()
    parser.feed(html)
    return parser


def page_paths() -> dict[str, str]:
    """One page of each type, by its English address (no prefix)."""
    claim = Claim.objects.public().select_related("statement").order_by("pk").first()
    with translation.override("en"):
        return english_paths(claim)


def english_paths(claim: Claim) -> dict[str, str]:
    return {
        "home": reverse("claims:home"),
        "list": reverse("claims:list"),
        "list, filtered": reverse("claims:list") + "?q=NATO",
        "claim": reverse("claims:detail", args=[claim.slug]),
        "speaker": reverse("claims:speaker", args=[claim.statement.speaker.slug]),
        "source": reverse("claims:source", args=[claim.statement.source_id]),
        "corrections": reverse("claims:corrections"),
        "methodology": reverse("claims:methodology"),
        "about": reverse("claims:about"),
        "suggest a claim": reverse("claims:suggest_claim"),
        "report an error": reverse("claims:report_error", args=[claim.slug]),
        "thanks": reverse("claims:contact_thanks"),
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_type_answers_in_every_language_with_its_lang_alternates_and_switch(
    client, demo_desk, language
):
    for kind, path in page_paths().items():
        address = PREFIX[language] + path
        response = client.get(address)
        assert response.status_code == 200, address
        assert response["Content-Language"] == language
        page = links_of(response.content.decode())
        assert page.lang == language, address
        in_each = {code: PREFIX[code] + path for code in LANGUAGES}
        assert page.alternates == {
            **{code: f"http://testserver{p}" for code, p in in_each.items()},
            "x-default": f"http://testserver{path}",
        }, kind
        # Plain links to the same page in the other languages; the page's own is not a link.
        assert page.switch == {code: p for code, p in in_each.items() if code != language}, kind
        assert page.current == [dict(settings.LANGUAGES)[language]], kind


def test_the_switch_names_each_language_in_itself(client, demo_desk):
    html = client.get("/fr/").content.decode()
    assert '<a href="/" hreflang="en" lang="en">English</a>' in html
    assert '<a href="/uk/" hreflang="uk" lang="uk">Українська</a>' in html
    assert '<span aria-current="true">Français</span>' in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_missing_page_is_in_the_address_language_and_offers_each_languages_home(
    client, demo_desk, settings, language
):
    settings.DEBUG = False
    homes = {code: PREFIX[code] + "/" for code in LANGUAGES if code != language}
    pages = []
    for path in ["/no-such-page/", "/claims/no-such-claim/", "/speakers/nobody/"]:
        response = client.get(PREFIX[language] + path)
        assert response.status_code == 404
        page = links_of(response.content.decode())
        assert page.lang == language
        assert page.alternates == {}  # no alternates of a page that does not exist
        assert page.switch == homes
        pages.append(response.content)
    # The same page whatever was asked for.
    assert len(set(pages)) == 1


@pytest.mark.parametrize("template", ["400.html", "500.html"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_bare_error_pages_say_their_language(template, language):
    with translation.override(language):
        html = render_to_string(template)
    assert links_of(html).lang == language


@pytest.mark.parametrize(
    ("accept", "goes_to"),
    [
        ("uk-UA,uk;q=0.9,en;q=0.5", "/uk/"),
        ("fr-CH, fr;q=0.9, en;q=0.8", "/fr/"),
        ("de-DE,de;q=0.9,fr;q=0.5", "/fr/"),
        ("en-GB,en;q=0.9,uk;q=0.8", None),
        ("de-DE", None),
        ("", None),
    ],
)
def test_the_root_sends_a_reader_to_the_language_their_browser_asks_for(
    client, demo_desk, accept, goes_to
):
    response = client.get("/", headers={"Accept-Language": accept})
    assert "Accept-Language" in response["Vary"]
    if goes_to is None:
        assert response.status_code == 200
        assert links_of(response.content.decode()).lang == "en"
    else:
        assert response.status_code == 302
        assert response["Location"] == goes_to
        assert "no-store" in response["Cache-Control"]
        assert links_of(client.get(goes_to).content.decode()).lang == goes_to.strip("/")


def test_the_root_keeps_the_query_when_it_redirects(client, demo_desk):
    response = client.get("/?utm_source=x", headers={"Accept-Language": "fr"})
    assert response["Location"] == "/fr/?utm_source=x"


def test_a_reader_who_chose_english_on_this_site_stays_on_the_english_home(client, demo_desk):
    """The switch and the site's name link to /: from a page of this site, the root does not
    send a reader whose browser prefers Ukrainian back to /uk/; and that English answer is
    not one the edge may give the next Ukrainian reader."""
    response = client.get(
        "/", headers={"Accept-Language": "uk", "Referer": "http://testserver/uk/claims/"}
    )
    assert response.status_code == 200
    assert links_of(response.content.decode()).lang == "en"
    assert "private" in response["Cache-Control"] and "public" not in response["Cache-Control"]
    # From another site, the browser's language counts again.
    elsewhere = client.get(
        "/", headers={"Accept-Language": "uk", "Referer": "https://search.example/?q=nato"}
    )
    assert elsewhere.status_code == 302


def test_only_the_root_negotiates_every_other_address_names_its_language(client, demo_desk):
    for path in ["/claims/", "/methodology/"]:
        response = client.get(path, headers={"Accept-Language": "uk"})
        assert response.status_code == 200
        assert links_of(response.content.decode()).lang == "en"
        # One copy at the edge for every reader, whatever their browser's language.
        assert "Accept-Language" not in response.get("Vary", "")


def test_the_admin_and_the_api_stay_english_and_unprefixed(client, demo_desk):
    login = client.get(reverse("admin:login"), headers={"Accept-Language": "fr"})
    assert login.status_code == 200
    assert links_of(login.content.decode()).lang == "en"
    assert "Log in" in login.content.decode()
    api = client.get("/api/v1/claims/", headers={"Accept-Language": "uk"})
    assert api.status_code == 200
    assert api["Content-Language"] == "en"
    for path in ["/uk/admin/", "/fr/api/v1/claims/"]:
        assert client.get(path).status_code == 404, path


def test_the_page_cache_keeps_each_language_apart(client, demo_desk, settings):
    settings.FACTCHECK_PAGE_CACHE_HEADER = True
    path = page_paths()["list"]
    for _round in ("miss", "hit"):
        for language in ["uk", "en", "fr"]:
            for accept in ["uk", "fr", "en"]:
                response = client.get(PREFIX[language] + path, headers={"Accept-Language": accept})
                assert links_of(response.content.decode()).lang == language
    assert response["X-Page-Cache"] == "hit"
    # The filter form, written once per language, too.
    assert "Будь-яка тема" in client.get("/uk" + path).content.decode()
    assert "Tous les thèmes" in client.get("/fr" + path).content.decode()
    assert "Any topic" in client.get(path).content.decode()


def test_the_cached_root_never_answers_another_language(client, demo_desk, settings):
    settings.FACTCHECK_PAGE_CACHE_HEADER = True
    assert client.get("/", headers={"Accept-Language": "en"})["X-Page-Cache"] == "miss"
    assert client.get("/", headers={"Accept-Language": "en"})["X-Page-Cache"] == "hit"
    assert client.get("/", headers={"Accept-Language": "fr"}).status_code == 302
    assert links_of(client.get("/fr/").content.decode()).lang == "fr"


@pytest.mark.parametrize("language", ["uk", "fr"])
def test_days_are_written_as_each_language_writes_them(client, demo_desk, language):
    claim = Claim.objects.public().order_by("pk").first()
    with translation.override(language):
        day = formats.date_format(claim.first_published_at, DAY_FORMAT)
    with translation.override("en"):
        english = formats.date_format(claim.first_published_at, "F")
    html = client.get(f"/{language}/claims/{claim.slug}/").content.decode()
    assert day in html
    assert english not in html  # no English month
    if language == "uk":
        assert re.search(r"\d+ [а-яіїєґ']+ \d{4}", day), day  # "6 грудня 2026"


def test_cards_and_the_claim_page_write_days_in_the_page_language(client, demo_desk):
    with translation.override("fr"):
        expected = [
            formats.date_format(claim.statement.said_on, DAY_FORMAT)
            for claim in Claim.objects.public().select_related("statement")
            if claim.statement.said_on
        ]
    html = client.get("/fr/claims/").content.decode()
    assert expected
    for day in expected:
        assert f"déclaré le {day}" in html


@pytest.mark.parametrize("language", ["uk", "fr"])
def test_feeds_come_in_each_language_with_links_in_it(client, demo_desk, language):
    rss = client.get(f"/{language}/feeds/verdicts/").content.decode()
    title = {"uk": "перевірки фактів", "fr": "vérifications"}[language]
    assert title in rss
    assert f"http://testserver/{language}/claims/" in rss
    assert "http://testserver/claims/" not in rss


def test_form_errors_are_in_the_page_language(client, demo_desk):
    with translation.override("uk"):
        address = reverse("claims:suggest_claim")
    response = client.post(address, {})
    assert response.status_code == 400
    html = response.content.decode()
    with translation.override("uk"):
        required = escape(translation.gettext("This field is required."))
    assert required != "This field is required." and required in html
    assert "This field is required" not in html


def test_words_in_another_language_than_the_page_carry_their_own(client, demo_desk):
    claim = Claim.objects.public().select_related("statement__source").order_by("pk").first()
    language = claim.statement.source.language
    assert language == "en"  # the demo desk's articles
    english = client.get(f"/claims/{claim.slug}/").content.decode()
    french = client.get(f"/fr/claims/{claim.slug}/").content.decode()
    # On the English page, nothing to mark.
    assert 'lang="en"' not in english.split("<body>", 1)[1]
    # On the French one, the claim's words (in the h1), its quote in context and the cards.
    h1 = french.split('<h1 class="claim-words">', 1)[1].split("</h1>", 1)[0]
    assert f'lang="{language}"' in h1 and claim.text in h1
    assert '<blockquote class="in-context" lang="en">' in french
    cards = client.get("/fr/claims/").content.decode()
    assert f'href="/fr/claims/{claim.slug}/" lang="en"' in cards
    assert 'lang="en"' not in client.get("/claims/").content.decode().split("<main", 1)[1]
    source = client.get(f"/uk/sources/{claim.statement.source_id}/").content.decode()
    assert '<h1 lang="en">' in source


class VisibleText(HTMLParser):
    """What a reader reads or hears of a page in its own language: text, labels and titles,
    without scripts, styles and the words marked as in another language (quotes, articles)."""

    def __init__(self, language: str):
        super().__init__()
        self.language, self.parts, self._skipping = language, [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self._skipping or tag in ("script", "style"):
            self._skipping.append(tag)
            return
        if attrs.get("lang", self.language) != self.language and tag != "html":
            self._skipping.append(tag)
            return
        self.parts += [attrs[name] for name in ("aria-label", "title", "alt") if attrs.get(name)]

    def handle_endtag(self, tag):
        if self._skipping and self._skipping[-1] == tag:
            self._skipping.pop()

    def handle_data(self, data):
        if not self._skipping:
            self.parts.append(data)


def visible_text(html: str, language: str) -> str:
    parser = VisibleText(language)
    parser.feed(html)
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()


def interface_phrases() -> list[str]:
    """The English of every translated interface string, in the pieces a page can show (cut
    at placeholders and tags), keeping those of two words or more: single words such as
    "Source" or "Other" also occur in the desk's English data."""
    catalogue = settings.LOCALE_PATHS[0] / "fr" / "LC_MESSAGES" / "django.po"
    text = catalogue.read_text(encoding="utf-8")
    msgids = re.findall(r'^msgid(?:_plural)? "(.*)"\n((?:".*"\n)*)', text, flags=re.M)
    phrases = set()
    for first, rest in msgids:
        msgid = (first + "".join(re.findall(r'"(.*)"', rest))).replace('\\"', '"')
        for piece in re.split(r"%\(\w+\)[sd]|<[^>]+>", msgid):
            piece = piece.strip(" .,:;·()“”")
            if len(piece.split()) >= 2:
                phrases.add(piece)
    return sorted(phrases)


def test_the_phrase_check_reads_the_catalogue_and_skips_other_languages():
    phrases = interface_phrases()
    assert "Our conclusion" in phrases and "Skip to content" in phrases
    assert "published verdicts" in phrases  # a plural's, cut at its tags
    html = '<html lang="fr"><p>Notre conclusion</p><q lang="en">Skip to content</q></html>'
    assert visible_text(html, "fr") == "Notre conclusion"


@pytest.mark.parametrize("language", ["uk", "fr"])
def test_no_page_shows_an_english_interface_phrase_in_another_language(
    client, demo_desk, settings, language
):
    settings.DEBUG = False  # the reader's 404 page
    paths = {**page_paths(), "missing": "/no-such-page/", "bad filter": "/claims/?since=x"}
    with translation.override("en"):
        paths["report anywhere"] = reverse("claims:report_error_anywhere")
    phrases = interface_phrases()
    assert len(phrases) > 100
    # The check finds them where they belong.
    assert "Latest verdicts" in visible_text(client.get("/").content.decode(), "en")
    for kind, path in paths.items():
        html = client.get(f"/{language}{path}").content.decode()
        text = visible_text(html, language)
        english = [phrase for phrase in phrases if phrase in text]
        assert english == [], (kind, english)


@pytest.mark.parametrize(
    ("language", "written"),
    [("en", "12,345 published verdicts"), ("uk", "12 345"), ("fr", "12 345")],
)
def test_the_home_pages_figures_are_grouped_and_agreed_as_each_language_does(rf, language, written):
    figures = {"published": 12345, "speakers": 1, "corrections": 22}
    with translation.override(language):
        html = render_to_string(
            "claims/home.html", {"figures": figures, "latest": []}, request=rf.get("/")
        )
    text = visible_text(html, language).replace("\u202f", " ").replace("\xa0", " ")
    assert written in text
    if language == "uk":
        assert "12 345 опублікованих вердиктів" in text and "1 перевірена особа" in text
        assert "22 виправлення чи відкликання" in text
    if language == "fr":
        assert "12 345 verdicts publiés" in text and "1 personne vérifiée" in text
