"""The suggestion engine: plain Python (no Django) that reads an article and proposes what an
editor would pick, namely classified paragraphs and atomic claim candidates attributed to their
speakers and anchored to exact offsets, plus a fuzzy index of earlier claims.

    from claims.suggest import suggest, KnownSpeaker, ClaimIndex
"""

from .engine import suggest
from .matching import ClaimIndex
from .types import Candidate, ClaimMatch, KnownSpeaker, Paragraph, Suggestions

__all__ = [
    "Candidate",
    "ClaimIndex",
    "ClaimMatch",
    "KnownSpeaker",
    "Paragraph",
    "Suggestions",
    "suggest",
]
