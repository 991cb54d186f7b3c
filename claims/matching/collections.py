"""The collections the matching machinery keeps: each is a table of vectors (one row per item,
its primary key the item's) and an index file of its own, searched by its own `SharedIndex`.

- `claims`: the desk's claims (`ClaimEmbedding`), the index at FACTCHECK_MATCHING_INDEX_PATH.
- `external`: other fact-checkers' verdicts (`claims.external`), by the claim they checked;
  its index at FACTCHECK_MATCHING_EXTERNAL_INDEX_PATH, by default beside the claims' one.

Jobs name a collection by its name, so that their arguments stay plain JSON.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import models


@dataclass(frozen=True)
class Collection:
    name: str
    embedding: str  # "app_label.Model" of its vectors
    items: str  # "app_label.Model" of what is embedded
    text_field: str  # the items' field whose words are embedded
    path_setting: str  # the setting naming its index file (empty: beside the claims' index)

    @property
    def embedding_model(self) -> type[models.Model]:
        return apps.get_model(self.embedding)

    @property
    def item_model(self) -> type[models.Model]:
        return apps.get_model(self.items)

    def index_path(self) -> Path:
        configured = getattr(settings, self.path_setting, "")
        if configured:
            return Path(configured)
        return Path(settings.FACTCHECK_MATCHING_INDEX_PATH).with_name(f"{self.name}.usearch")


CLAIMS = Collection(
    name="claims",
    embedding="matching.ClaimEmbedding",
    items="claims.Claim",
    text_field="text",
    path_setting="FACTCHECK_MATCHING_INDEX_PATH",
)
EXTERNAL = Collection(
    name="external",
    embedding="external.ExternalCheckEmbedding",
    items="external.ExternalFactCheck",
    text_field="claim_text",
    path_setting="FACTCHECK_MATCHING_EXTERNAL_INDEX_PATH",
)
COLLECTIONS = {collection.name: collection for collection in (CLAIMS, EXTERNAL)}


def named(name: str | Collection) -> Collection:
    """The collection called `name` (a Collection is returned as it is)."""
    if isinstance(name, Collection):
        return name
    try:
        return COLLECTIONS[name]
    except KeyError:
        raise ValueError(f"No matching collection is called {name!r}.") from None
