"""Claims saved or deleted start the jobs that keep their vectors and the index current."""

from __future__ import annotations

from functools import partial

from django.db import transaction

from . import conf
from .models import ClaimEmbedding, text_hash


def claim_saved(sender, instance, created: bool, update_fields=None, raw: bool = False, **kwargs):
    """A new claim, or one whose text differs from the text of its vector, is embedded once the
    transaction that saved it commits (a rolled-back save enqueues nothing)."""
    if raw or (update_fields is not None and "text" not in update_fields):
        return
    if not created:
        made = (
            ClaimEmbedding.objects.filter(claim_id=instance.pk)
            .values_list("model", "text_hash")
            .first()
        )
        if made == (conf.model_version(), text_hash(instance.text)):
            return
    from .tasks import embed_claims

    transaction.on_commit(partial(embed_claims.enqueue, [instance.pk]))


def claim_deleted(sender, instance, **kwargs):
    """The claim's vector went with it (a cascade); its key leaves the index file too."""
    from .tasks import refresh_index

    transaction.on_commit(refresh_index.enqueue)
