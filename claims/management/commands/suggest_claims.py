"""Suggest the statements and atomic claims in an article, with their speakers.

    python manage.py suggest_claims seeds/000_350d1086ef0d2fa7.txt
    python manage.py suggest_claims saved-page.html          # the article, not the page's menus
    python manage.py suggest_claims 12 --json                # a stored source, by id
    python manage.py suggest_claims --queue 12 13 14         # the worker stores them
    python manage.py suggest_claims --queue --stale          # every source not read by this engine

A file or URL is read by the same reader as `import_source` (text, HTML, a one-article JSON or
JSONL record, a web page), so the text suggested from is the text an import would store.
Offsets are Python string indices into that text (newlines unified, Unicode NFC): for a stored
source, its text; for anything else, the article as the importer reads it.

With --queue nothing is printed but the jobs: each stored source becomes one background job
(`claims.tasks.process_source`) that stores its suggestions, as when it arrived, and raises its
alerts; the workspace and the daily digest then read what was stored. `--stale` queues every
current source whose stored suggestions are missing or were made by another engine.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db.models import F

from claims import tasks
from claims.imports.articles import ArticleError
from claims.imports.fetching import FetchLimits
from claims.imports.importing import plan_inputs, read_input
from claims.models import Source
from claims.suggestions import engine_version, source_inputs, suggest_for_text


class Command(BaseCommand):
    help = "Suggest attributed claims for an article file or a stored source (by id)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "article",
            nargs="*",
            help="A file (text, HTML, JSON), a URL, or the id of a stored source "
            "(with --queue, ids of stored sources).",
        )
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print a JSON list."
        )
        parser.add_argument(
            "--outlet", help="Whose narration unattributed text is (default: the publisher)."
        )
        parser.add_argument(
            "--no-matches", action="store_true", help="Skip matching against earlier claims."
        )
        parser.add_argument(
            "--queue",
            action="store_true",
            help="Hand the sources to the background worker, which stores their suggestions "
            "and raises alerts, instead of printing.",
        )
        parser.add_argument(
            "--stale",
            action="store_true",
            help="With --queue: every current source whose stored suggestions are missing or "
            "were made by another engine.",
        )

    def handle(
        self,
        *args: Any,
        article: list[str],
        as_json: bool,
        outlet: str | None,
        no_matches: bool,
        queue: bool = False,
        stale: bool = False,
        **options: Any,
    ) -> None:
        if queue:
            self.queue(article, stale=stale)
            return
        if stale:
            raise CommandError("--stale goes with --queue.")
        if len(article) != 1:
            raise CommandError("Give one article: a file, a URL or a stored source's id.")
        text, inputs, exclude = self.load(article[0])
        report = suggest_for_text(
            text,
            **{**inputs, "outlet": outlet or inputs["outlet"]},
            exclude_claims=exclude,
            with_matches=not no_matches,
        )
        if as_json:
            self.print_json(report.candidates_json())
        else:
            self.print_table(report.candidates_json())

    def queue(self, ids: list[str], *, stale: bool) -> None:
        """One job per stored source; the worker stores its suggestions and raises alerts."""
        not_ids = [value for value in ids if not value.isdigit()]
        if not_ids:
            raise CommandError(
                f"{not_ids[0]}: --queue takes the ids of stored sources; import files and "
                "pages with `import_source --queue`, which reads each new source as well."
            )
        wanted = [int(value) for value in ids]
        if not wanted and not stale:
            raise CommandError("Give the ids of stored sources, or --stale.")
        found = set(Source.objects.filter(pk__in=wanted).values_list("pk", flat=True))
        missing = [pk for pk in wanted if pk not in found]
        queued = [pk for pk in dict.fromkeys(wanted) if pk in found]
        if stale:
            current = Source.objects.filter(
                superseded_at__isnull=True,
                stored_suggestions__engine_version=engine_version(),
                stored_suggestions__content_hash=F("content_hash"),
            )
            queued += [
                pk
                for pk in Source.objects.filter(superseded_at__isnull=True)
                .exclude(text="")
                .exclude(pk__in=current)
                .order_by("pk")
                .values_list("pk", flat=True)
                if pk not in queued
            ]
        for pk in queued:
            job = tasks.process_source.enqueue(pk)
            self.stdout.write(f"{job.id}  {str(job.status).lower():10} source {pk}")
        for pk in missing:
            self.stderr.write(f"No source with id {pk}.")
        self.stdout.write(
            f"{len(queued)} source{'s' if len(queued) != 1 else ''} queued: `manage.py worker` "
            "stores their suggestions and raises their alerts."
        )
        if missing:
            raise CommandError(f"{len(missing)} sources could not be queued.")

    def load(self, article: str) -> tuple[str, dict[str, str | None], set[int]]:
        """(text, what the engine is told of it beside its text, claims already made from it)
        for a path or a source id."""
        path = Path(article)
        if article.isdigit() and not path.exists():
            source = Source.objects.filter(pk=int(article)).first()
            if source is None:
                raise CommandError(f"No source with id {article}.")
            if not source.text.strip():
                raise CommandError(f"Source {article} has no text to suggest from.")
            made = set(source.statements.values_list("claims__id", flat=True)) - {None}
            return source.text, source_inputs(source), made
        return self.read(article)

    def read(self, location: str) -> tuple[str, dict[str, str | None], set[int]]:
        """(text, what the engine is told of it, no claims) for a file or URL, read as
        `import_source` reads it: as the source an import would store."""
        max_bytes = settings.FACTCHECK_MAX_ARTICLE_BYTES
        limits = FetchLimits(
            timeout=settings.FACTCHECK_FETCH_TIMEOUT,
            max_bytes=max_bytes,
            allow_private=settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES,
        )
        articles = []
        for item in plan_inputs([location]):
            for result in read_input(item, max_bytes=max_bytes, fetch_limits=limits):
                if isinstance(result, ArticleError):
                    raise CommandError(str(result))
                articles.append(result)
        if len(articles) != 1:
            raise CommandError(
                f"{location} holds {len(articles)} articles: import it with import_source, "
                "then suggest from each source by its id."
            )
        found = articles[0]
        return found.text, source_inputs(found), set()

    def print_json(self, candidates: list[dict[str, Any]]) -> None:
        self.stdout.write(json.dumps(candidates, ensure_ascii=False, indent=2))

    def print_table(self, candidates: list[dict[str, Any]]) -> None:
        if not candidates:
            self.stdout.write("No claim candidates found.")
            return
        self.stdout.write(f"{'#':>3}  {'kind':9} {'speaker':32} {'score':>5} {'dup':>4}  claim")
        for index, c in enumerate(candidates):
            speaker = c["speaker"] or "-"
            if c["reported_speaker"]:
                speaker = f"{speaker} > {c['reported_speaker']}"
            duplicate = "" if c["duplicate_of"] is None else f"#{c['duplicate_of']}"
            text = c["text"] if len(c["text"]) <= 70 else c["text"][:69] + "…"
            self.stdout.write(
                f"{index:>3}  {c['kind']:9} {speaker[:32]:32} {c['checkworthiness']:>5.2f} "
                f"{duplicate:>4}  {text}"
            )
            for match in c["matches"]:
                verdict = match["verdict"] or match["status"]
                self.stdout.write(
                    f"{'':>52}~ {match['score']:.2f} [{verdict}] {match['text'][:60]}"
                )
        self.stdout.write(f"{len(candidates)} candidates.")
