"""The catalogues of the readers' pages (locale/): current with the public sources, complete in
every language, and compiled. Each check reads the sources afresh with makemessages
(claims/public/messages.py), so a string marked for translation and not yet translated, or a
catalogue edited and not compiled, fails here rather than reaching readers in English."""

import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from claims.public.messages import CATALOGUE, extracted, public_sources, translated_languages

LOCALE = Path(settings.LOCALE_PATHS[0])
MSGFMT = shutil.which("msgfmt")
MSGATTRIB = shutil.which("msgattrib")
pytestmark = pytest.mark.skipif(not (MSGFMT and MSGATTRIB), reason="needs GNU gettext")


@pytest.fixture(scope="module")
def fresh(tmp_path_factory) -> Path:
    """The catalogues as makemessages makes them now from the public sources, in a copy."""
    copy = tmp_path_factory.mktemp("catalogues") / "locale"
    with extracted(LOCALE) as locale:
        shutil.copytree(locale, copy)
    return copy


def without_creation_date(path: Path) -> list[str]:
    return [
        line
        for line in path.read_text(encoding="utf-8").splitlines()
        if not line.startswith('"POT-Creation-Date:')
    ]


def entries(path: Path, *options: str) -> str:
    """The entries of a catalogue that msgattrib selects with `options` (empty: none)."""
    run = subprocess.run(
        [MSGATTRIB, "--no-obsolete", *options, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return run.stdout


def test_the_public_sources_are_the_readers_pages_and_not_the_desks():
    sources = {str(path) for path in public_sources()}
    assert {"templates/base.html", "templates/jinja2/claims/_claim_cards.html"} <= sources
    assert {"claims/public/forms.py", "claims/public/feeds.py", "claims/enums.py"} <= sources
    assert not any(
        path.startswith(("claims/admin", "claims/api", "templates/admin")) for path in sources
    )
    assert "templates/claims/api_docs.html" not in sources


@pytest.mark.parametrize("language", translated_languages())
def test_the_catalogue_is_what_makemessages_writes_from_the_sources(fresh, language):
    """A string added, changed or removed in a public source without the catalogues written
    again (`python -m claims.public.messages`) fails here."""
    assert without_creation_date(LOCALE / language / CATALOGUE) == without_creation_date(
        fresh / language / CATALOGUE
    )


@pytest.mark.parametrize("language", translated_languages())
def test_every_public_string_has_a_translation_that_is_not_fuzzy(fresh, language):
    catalogue = fresh / language / CATALOGUE
    assert "msgid" in entries(catalogue, "--translated")
    assert entries(catalogue, "--untranslated") == ""
    assert entries(catalogue, "--only-fuzzy") == ""
    # Placeholders and plural forms agree with the English ones.
    subprocess.run([MSGFMT, "--check", "-o", "/dev/null", str(catalogue)], check=True)


@pytest.mark.parametrize("language", translated_languages())
def test_the_compiled_catalogue_is_the_catalogue_compiled(tmp_path, language):
    """The .mo file readers' pages load is compiled from the .po beside it, as compilemessages
    compiles it."""
    folder = LOCALE / language / "LC_MESSAGES"
    compiled = tmp_path / "django.mo"
    subprocess.run(
        [MSGFMT, "--check-format", "-o", str(compiled), str(folder / "django.po")], check=True
    )
    assert (folder / "django.mo").read_bytes() == compiled.read_bytes()


def test_the_untranslated_check_finds_an_empty_translation(tmp_path):
    catalogue = tmp_path / "django.po"
    catalogue.write_text(
        'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgid "Our verdict"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "Evidence"\nmsgstr "Докази"\n',
        encoding="utf-8",
    )
    assert 'msgid "Our verdict"' in entries(catalogue, "--untranslated")
    assert 'msgid "Evidence"' in entries(catalogue, "--only-fuzzy")
