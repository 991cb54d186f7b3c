"""The readers' pages' message catalogues (locale/<language>/LC_MESSAGES/django.po), written by
Django's makemessages from the public sources only: the admin and the API stay English, so
their words are no translator's work.

    .venv/bin/python -m claims.public.messages      # update the catalogues, then translate
    .venv/bin/python manage.py compilemessages      # and commit the .po and .mo files

makemessages reads every file under the folder it runs in, so it runs in a folder of its own
holding copies of the public sources (at their paths in the project, as the catalogues' `#:`
lines name them) and of the catalogues, which it brings up to date (msgmerge keeps what is
translated), and the catalogues are copied back. tests/public/test_translations.py runs the
same extraction to check that the catalogues are current and complete.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

# What readers see: the public templates, the public package's Python (forms, feeds, errors,
# headings) and the domain's choices the pages show (an evidence's relation, a correction's kind).
PUBLIC_SOURCES = [
    "templates/base.html",
    "templates/400.html",
    "templates/404.html",
    "templates/500.html",
    "templates/claims/*.html",
    "templates/jinja2/claims/*.html",
    "claims/public/*.py",
    "claims/enums.py",
]
# The API's documentation page is Swagger UI's, in English.
NOT_PUBLIC = ["templates/claims/api_docs.html"]
CATALOGUE = Path("LC_MESSAGES") / "django.po"


def translated_languages() -> list[str]:
    """Every language of the site but the one the sources are written in."""
    return [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]


def public_sources() -> list[Path]:
    """The public sources, relative to the project."""
    project = Path(settings.BASE_DIR)
    found = {path for pattern in PUBLIC_SOURCES for path in project.glob(pattern)}
    found -= {project / name for name in NOT_PUBLIC}
    return sorted(path.relative_to(project) for path in found)


@contextmanager
def extracted(locale: Path) -> Iterator[Path]:
    """The catalogues in `locale` brought up to date with the public sources by makemessages,
    in a temporary folder (yielded: its locale/ folder); `locale` itself is left as it is."""
    with tempfile.TemporaryDirectory() as folder:
        stage = Path(folder)
        for source in public_sources():
            (stage / source).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(settings.BASE_DIR) / source, stage / source)
        if locale.is_dir():
            shutil.copytree(locale, stage / "locale", ignore=shutil.ignore_patterns("*.mo"))
        else:
            (stage / "locale").mkdir()
        cwd = os.getcwd()
        os.chdir(stage)  # makemessages reads the folder it runs in
        try:
            call_command(
                "makemessages",
                locale=translated_languages(),
                extensions=["html", "txt", "py"],
                add_location="file",
                no_obsolete=True,
                verbosity=0,
            )
        finally:
            os.chdir(cwd)
        yield stage / "locale"


def update(locale: Path | None = None) -> list[Path]:
    """Bring the project's catalogues up to date with the public sources."""
    locale = locale or Path(settings.LOCALE_PATHS[0])
    written = []
    with extracted(locale) as fresh:
        for language in translated_languages():
            target = locale / language / CATALOGUE
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fresh / language / CATALOGUE, target)
            written.append(target)
    return written


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")
    django.setup()
    for path in update():
        print(f"written {path}")
