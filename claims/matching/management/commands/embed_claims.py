"""Embed claims (or another collection's items, `--collection external`) whose vector is missing
or stale and refresh the collection's index: a backfill after installing matching or changing
the model, or a repair."""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from claims.matching import embeddings, index
from claims.matching.collections import COLLECTIONS, named
from claims.matching.tasks import embed_claims, refresh_index

NOUNS = {"claims": "claim", "external": "external fact-check"}


class Command(BaseCommand):
    help = (
        "Embed the given claims (or --all) whose vector is missing or was made from another "
        "wording or model, then refresh the matching index. --queue leaves the work to a worker."
    )

    def add_arguments(self, parser):
        parser.add_argument("claim_ids", nargs="*", type=int, help="ids of the claims to embed")
        parser.add_argument("--all", action="store_true", help="every claim in the desk")
        parser.add_argument(
            "--queue", action="store_true", help="enqueue jobs for a worker instead of waiting"
        )
        parser.add_argument(
            "--rebuild", action="store_true", help="rebuild the index file from scratch"
        )
        parser.add_argument(
            "--collection",
            choices=sorted(COLLECTIONS),
            default="claims",
            help="what to embed: the desk's claims (default) or the external fact-checks",
        )

    def handle(self, *args, claim_ids, all, queue, rebuild, collection, **options):
        if bool(claim_ids) == bool(all):
            raise CommandError("Give claim ids or --all (not both).")
        items = named(collection).item_model.objects
        thing = NOUNS[collection]
        # The claims' jobs stay as they were; another collection is named in its jobs.
        extra = {} if collection == "claims" else {"collection": collection}
        if claim_ids:
            missing = set(claim_ids) - set(
                items.filter(pk__in=claim_ids).values_list("pk", flat=True)
            )
            if missing:
                raise CommandError(f"No {thing} with id {', '.join(map(str, sorted(missing)))}.")
        if queue:
            ids = claim_ids or list(items.order_by("pk").values_list("pk", flat=True))
            jobs = [
                embed_claims.enqueue(ids[start : start + embeddings.CHUNK], refresh=False, **extra)
                for start in range(0, len(ids), embeddings.CHUNK)
            ]
            last = refresh_index.enqueue(rebuild=rebuild, **extra)
            self.stdout.write(
                f"Queued {len(jobs)} embedding job(s) for {len(ids)} {thing}(s) and an index "
                f"refresh (job {last.id})."
            )
            return
        done = embeddings.embed(claim_ids or None, collection=collection)
        refreshed = index.refresh(rebuild=rebuild, collection=collection)
        self.stdout.write(
            f"Embedded {done['embedded']} of {done['checked']} {thing}(s); the index was "
            f"{'left as it was' if refreshed['action'] == 'none' else refreshed['action']} "
            f"and holds {refreshed['vectors']} vector(s)."
        )
