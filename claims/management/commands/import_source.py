"""Import articles as sources: text or HTML files, JSON or JSONL batches, folders, web pages.

    python manage.py import_source seeds/000_350d1086ef0d2fa7.txt
    python manage.py import_source https://news.example/story feed.jsonl saved-pages/
    python manage.py import_source monitoring/ --publisher Sputnik --language en
    python manage.py import_source --queue https://news.example/story feed.jsonl

Prints, for each article, the source's id and whether it was created or already there, and a
summary at the end. Each article is stored in its own transaction: a bad file or record is
listed at the end (exit status 1) and the rest are still imported; a single bad input is a
one-line error. A progress bar goes to stderr when it is a terminal.

With --queue nothing is read here: each input (a URL, or a file, which the worker must be able
to read at the same path) becomes one background job (`claims.tasks`), and the command prints
the jobs' ids and ends; `manage.py worker` runs them, and the admin's jobs list shows how they
went.
"""

from __future__ import annotations

from collections import Counter
from contextlib import nullcontext
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from claims import services, tasks
from claims.arrival import source_arrived
from claims.enums import SourceKind
from claims.imports.articles import ArticleError
from claims.imports.fetching import FetchLimits
from claims.imports.importing import Article, Input, count_articles, plan_inputs, read_input
from claims.models import Source

TITLE_SHOWN = 60


class Command(BaseCommand):
    help = (
        "Import articles as sources: text (.txt), HTML (.html), JSON or JSONL batches, "
        "folders of such files, or http(s) URLs."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "inputs", nargs="+", metavar="PATH_OR_URL", help="Files, folders or URLs."
        )
        parser.add_argument("--publisher", default="", help="The outlet, for every article.")
        parser.add_argument(
            "--language", default="", help="Language code for every article, e.g. en."
        )
        parser.add_argument(
            "--kind",
            default="",
            choices=SourceKind.values,
            help="What the documents are (default: what a record says, else article).",
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Hand each input to the background worker instead of importing it here.",
        )

    def handle(
        self,
        *args: Any,
        inputs: list[str],
        publisher: str,
        language: str,
        kind: str,
        queue: bool = False,
        **options,
    ) -> None:
        if queue:
            self.queue(plan_inputs(inputs), publisher=publisher, language=language, kind=kind)
            return
        max_bytes = settings.FACTCHECK_MAX_ARTICLE_BYTES
        limits = FetchLimits(
            timeout=settings.FACTCHECK_FETCH_TIMEOUT,
            max_bytes=max_bytes,
            allow_private=settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES,
        )
        self.overrides = {"publisher": publisher, "language": language, "kind": kind}
        planned = plan_inputs(inputs)
        total = sum(count_articles(item, max_bytes=max_bytes) for item in planned)
        self.tally: Counter[str] = Counter()
        failures: list[str] = []
        # The bar only on a terminal: in a log or a pipe it would be noise.
        self.bar = tqdm(
            total=total,
            unit="article",
            file=self.stderr._out,
            disable=not self.stderr.isatty(),
            dynamic_ncols=True,
        )
        single = len(planned) == 1 and total == 1
        with self.bar:
            for item in planned:
                for result in read_input(item, max_bytes=max_bytes, fetch_limits=limits):
                    error = result if isinstance(result, ArticleError) else self.store(result)
                    if error is not None:
                        if single:
                            raise CommandError(str(error))  # one input: one line, nothing else
                        failures.append(str(error))
                        self.tally["failed"] += 1
                        self.say(self.style.ERROR(f"{'failed':24} {error}"))
                    self.bar.update(1)
        self.say(self.summary())
        if failures:
            self.stderr.write(f"{len(failures)} failed:")
            for failure in failures:
                self.stderr.write(f"  {failure}")
            raise CommandError(
                f"{len(failures)} of {sum(self.tally.values())} articles failed; "
                "the others were imported."
            )

    def queue(self, planned: list[Input], **overrides: str) -> None:
        """One job per input; the worker imports it as this command would."""
        unreadable = [item.error for item in planned if item.error]
        jobs = []
        for item in planned:
            if item.error:
                continue
            if item.form == "url":
                job = tasks.import_url.enqueue(item.location, **overrides)
            else:
                location = str(Path(item.location).resolve())
                job = tasks.import_input.enqueue(location, item.form, **overrides)
            jobs.append(job)
            self.stdout.write(f"{job.id}  {str(job.status).lower():10} {item.location}")
        for error in unreadable:
            self.stderr.write(error)
        self.stdout.write(
            f"{len(jobs)} input{'s' if len(jobs) != 1 else ''} queued: `manage.py worker` "
            "imports them; the admin's jobs list shows how each went."
        )
        if unreadable:
            raise CommandError(f"{len(unreadable)} inputs could not be queued.")

    def store(self, article: Article) -> str | None:
        """Import one article; returns the error message, if any."""
        try:
            source, created = services.source_import_article(article=article, **self.overrides)
        except ValidationError as error:
            return f"{article.origin}: {_messages(error)}"
        if created:
            source_arrived(source)
        if created and source.previous_version_id:
            status = f"new version {source.version} (of #{source.previous_version_id})"
            self.tally["versions"] += 1
        else:
            status = "created" if created else "already there"
        self.tally["created" if created else "existing"] += 1
        self.say(f"#{source.pk:<6} {status:16} {article.origin}  {_short(source)}")
        return None

    def say(self, line: str) -> None:
        # Lines printed while the bar is drawn would break it: clear it, print, redraw.
        guard = (
            tqdm.external_write_mode(file=self.bar.fp) if not self.bar.disable else nullcontext()
        )
        with guard:
            self.stdout.write(line)

    def summary(self) -> str:
        created, existing, failed = (self.tally[k] for k in ("created", "existing", "failed"))
        versions = self.tally["versions"]
        as_versions = f" ({versions} as new versions of a changed page)" if versions else ""
        count = created + existing + failed
        return (
            f"{count} article{'s' if count != 1 else ''}: {created} created{as_versions}, "
            f"{existing} already there, {failed} failed."
        )


def _short(source: Source) -> str:
    title = source.title
    return title if len(title) <= TITLE_SHOWN else title[: TITLE_SHOWN - 1] + "…"


def _messages(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{field}: {' '.join(messages)}" if field != "__all__" else " ".join(messages)
            for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
