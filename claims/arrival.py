"""What happens when a new source arrives in the desk: suggestions for its text, and earlier
claims matching its check-worthy sentences."""

from __future__ import annotations

from .models import Source
from .suggestions import similar_claims, suggest_for_text

# Candidates at least this check-worthy are matched against earlier claims.
CHECKWORTHY = 0.5


def source_arrived(source: Source) -> None:
    """Compute the new source's suggestions and their matches with earlier claims."""
    report = suggest_for_text(source.text, outlet=source.publisher or None, with_matches=False)
    for candidate in report.suggestions.candidates:
        if candidate.checkworthiness >= CHECKWORTHY and candidate.duplicate_of is None:
            similar_claims(candidate.text)
