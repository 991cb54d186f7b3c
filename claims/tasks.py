"""The desk's background jobs, written against django.tasks: the backend that queues them is a
setting (docs/background-work.md).

Each job is idempotent: it may run twice (a retry, or a worker killed half-way and its job taken
back), and the second run stores nothing the first one stored: the imports find an article
already in the desk by its URL or its text (`services.source_import`), and reading a new source
reuses its stored suggestions and alerts a span once (`claims.arrival`).
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.tasks import task
from django.utils import timezone

from . import arrival, services
from .imports.articles import ArticleError
from .imports.batches import unpack_batch
from .imports.fetching import FetchLimits, FetchUnavailable
from .imports.importing import (
    Article,
    Input,
    article_from_url,
    count_articles,
    plan_inputs,
    read_input,
)
from .jobs import policy
from .models import ImportBatch, Source


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


@task
@policy()
def import_batch(batch_id: int) -> dict[str, Any]:
    """Import every article of a batch uploaded in the admin (`ImportBatch`), recording after
    each one how far it got, which sources it made or found, and what failed, for the page
    that follows it. A new source goes on to `arrival.source_arrived`. Run again, it reads the
    batch again from the start and stores nothing twice (the import finds each article)."""
    batch = ImportBatch.objects.filter(pk=batch_id).first()
    if batch is None or batch.finished_at is not None:
        return {"batch": batch_id, "found": batch is not None}
    max_bytes = settings.FACTCHECK_MAX_ARTICLE_BYTES
    rows = ImportBatch.objects.filter(pk=batch.pk)
    created, existing, failures, done = list(batch.created), [], [], 0
    with tempfile.TemporaryDirectory(prefix="factcheck-batch-") as folder:
        root = Path(folder)
        paths = unpack_batch(
            bytes(batch.content),
            name=batch.name,
            into=root,
            max_bytes=settings.FACTCHECK_MAX_BATCH_BYTES,
            max_members=settings.FACTCHECK_MAX_BATCH_FILES,
        )
        inputs = plan_inputs([str(path) for path in paths])
        total = sum(count_articles(item, max_bytes=max_bytes) for item in inputs)
        rows.update(total=total, done=0, existing=[], failures=[])
        for item in inputs:
            for result in read_input(item, max_bytes=max_bytes, fetch_limits=fetch_limits()):
                error = result if isinstance(result, ArticleError) else None
                if error is None:
                    try:
                        source, new = store(result)
                    except ArticleError as refused:
                        error = refused
                if error is not None:
                    # Named as in the batch, not where the worker unpacked it.
                    failures.append(str(error).replace(f"{root}/", ""))
                elif new:
                    created.append(source.pk)
                elif source.pk not in created:
                    existing.append(source.pk)
                done += 1
                rows.update(done=done, created=created, existing=existing, failures=failures)
    rows.update(total=max(total, done), content=b"", finished_at=timezone.now())
    return {"batch": batch_id, "created": created, "existing": existing, "failed": len(failures)}


def store(article: Article, *, announce: bool = True, **overrides: str) -> tuple[Source, bool]:
    """`services.source_import_article`, its refusals as an ArticleError naming the input; a
    new source goes on to `arrival.source_arrived`, unless `announce` is off because the caller
    announces it itself (a feed item records that it did, so that its job, run again, does
    not announce it twice)."""
    try:
        source, created = services.source_import_article(article=article, **overrides)
    except ValidationError as error:
        raise ArticleError(f"{article.origin}: {' '.join(error.messages)}") from None
    if created and announce:
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
