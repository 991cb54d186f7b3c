"""Import other fact-checkers' verdicts: a ClaimReview DataFeed (a file or a URL), the
ClaimReview markup of a publisher's page, or a Google Fact Check Tools search."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from claims.external import datafeed, google, pages, tasks
from claims.external.sources import ImportFailed, is_url
from claims.imports.fetching import FetchError


class Command(BaseCommand):
    help = (
        "Import external fact-checks from a ClaimReview DataFeed (--datafeed FILE_OR_URL), a "
        "publisher's page (--page URL) or Google Fact Check Tools (--google QUERY). --queue "
        "leaves the work to a worker."
    )

    def add_arguments(self, parser):
        what = parser.add_mutually_exclusive_group(required=True)
        what.add_argument("--datafeed", metavar="FILE_OR_URL", help="a ClaimReview DataFeed")
        what.add_argument("--page", metavar="URL", help="a page with ClaimReview markup")
        what.add_argument("--google", metavar="QUERY", help="a Google Fact Check Tools search")
        parser.add_argument(
            "--language", default="", help="with --google: the languageCode to search in"
        )
        parser.add_argument(
            "--queue", action="store_true", help="enqueue a job for a worker instead of waiting"
        )

    def handle(self, *args, **options):
        location, page, query = options["datafeed"], options["page"], options["google"]
        language, queue = options["language"], options["queue"]
        if page is not None and not is_url(page):
            raise CommandError(f"{page}: give an http or https address with --page.")
        if query is not None and not query.strip():
            raise CommandError("Give a query with --google.")
        if query is not None and not google.enabled():
            raise CommandError(
                "Google Fact Check Tools is off: set FACTCHECK_GOOGLE_FACTCHECK_KEY to an API key."
            )
        try:
            if queue:
                job = self.enqueue(location, page, query, language)
                self.stdout.write(f"Queued job {job.id}.")
                return
            counts = self.run(location, page, query, language)
        except (ImportFailed, FetchError) as error:
            raise CommandError(str(error)) from None
        tasks.queue_matching(counts)
        self.stdout.write(f"External fact-checks: {counts}.")

    def run(self, location, page, query, language):
        if location is not None:
            return datafeed.import_datafeed(location)
        if page is not None:
            return pages.import_page(page)
        return google.import_search(query, language=language)

    def enqueue(self, location, page, query, language):
        if location is not None:
            if not is_url(location):
                # The worker reads the file where it is: check now that it is a DataFeed.
                location = str(Path(location).resolve())
                datafeed.parse(datafeed.read_bytes(location), location)
            return tasks.import_datafeed.enqueue(location)
        if page is not None:
            return tasks.import_page.enqueue(page)
        return tasks.import_google_search.enqueue(query, language)
