"""The desk's background jobs, written against django.tasks: the backend that queues them is a
setting (docs/background-work.md).

Each job is idempotent: it may run twice (a retry, or a worker killed half-way and its job taken
back), and the second run stores nothing the first one stored, because the import finds an
article already in the desk by its URL or its text (`services.source_import`).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.tasks import task

from . import arrival, services
from .imports.articles import ArticleError
from .imports.fetching import FetchLimits, FetchUnavailable
from .imports.importing import Article, Input, article_from_url, read_input
from .jobs import policy
from .models import Source


def fetch_limits() -> FetchLimits:
    return FetchLimits(
        timeout=settings.FACTCHECK_FETCH_TIMEOUT,
        max_bytes=settings.FACTCHECK_MAX_ARTICLE_BYTES,
        allow_private=settings.FACTCHECK_FETCH_PRIVATE_ADDRESSES,
    )


@task
@policy(retry_on=(FetchUnavailable,))
def import_url(
    url: str, *, title: str = "", publisher: str = "", language: str = "", kind: str = ""
) -> dict[str, Any]:
    """Fetch a page, extract its article and store it (the admin's URL import). A site that
    does not answer now is tried again later; any other failure is final, with its reason."""
    article = article_from_url(url, limits=fetch_limits())
    source, created = store(article, title=title, publisher=publisher, language=language, kind=kind)
    return imported(source, created)


@task
@policy(retry_on=(FetchUnavailable,))
def import_input(
    location: str, form: str, *, publisher: str = "", language: str = "", kind: str = ""
) -> dict[str, Any]:
    """Import every article of one input of `import_source --queue`: a web page, or a text,
    HTML, JSON or JSONL file that the worker can read at `location`. The articles that can be
    stored are; if any could not, the job fails naming how many and the first reason."""
    overrides = {"publisher": publisher, "language": language, "kind": kind}
    created, existing, failures = [], [], []
    item = Input(location, form)
    for result in read_input(
        item, max_bytes=settings.FACTCHECK_MAX_ARTICLE_BYTES, fetch_limits=fetch_limits()
    ):
        if isinstance(result, ArticleError):
            if isinstance(result, FetchUnavailable):
                raise result  # the page may answer later: the whole input is tried again
            failures.append(str(result))
            continue
        try:
            source, new = store(result, **overrides)
        except ArticleError as error:
            failures.append(str(error))
            continue
        (created if new else existing).append(source.pk)
    if failures:
        count = len(created) + len(existing) + len(failures)
        raise ArticleError(
            f"{len(failures)} of {count} articles could not be imported; the first: {failures[0]}"
            if count > 1
            else failures[0]
        )
    return {"created": created, "existing": existing}


def store(article: Article, **overrides: str) -> tuple[Source, bool]:
    """`services.source_import_article`, its refusals as an ArticleError naming the input; a
    new source goes on to `arrival.source_arrived`."""
    try:
        source, created = services.source_import_article(article=article, **overrides)
    except ValidationError as error:
        raise ArticleError(f"{article.origin}: {' '.join(error.messages)}") from None
    if created:
        arrival.source_arrived(source)
    return source, created


@task
@policy()
def process_source(source_id: int) -> dict[str, Any]:
    """A new source's suggestions, computed once and stored, and an alert for each check-worthy
    one worded like a claim the desk published or is checking (`claims.arrival`). Run twice, it
    stores nothing twice."""
    return arrival.process(source_id)


def imported(source: Source, created: bool) -> dict[str, Any]:
    return {"source": source.pk, "created": created}
