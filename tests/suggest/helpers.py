"""Shared by the suggestion engine's tests: the seed, its speakers, small articles."""

from pathlib import Path

from claims.suggest import KnownSpeaker, Suggestions

ARTICLES = Path(__file__).parent / "articles"
SEED = Path(__file__).resolve().parents[2] / "seeds" / "000_350d1086ef0d2fa7.txt"

# The seed's speakers as the demo desk stores them (seeds/000_350d1086ef0d2fa7.desk.json).
SEED_SPEAKERS = (
    KnownSpeaker(
        "Sergey Lavrov",
        (
            "Sergei Lavrov",
            "Lavrov",
            "Russian Foreign Minister Sergey Lavrov",
            "the minister",
            "the diplomat",
        ),
        "Minister of Foreign Affairs of Russia",
    ),
    KnownSpeaker(
        "Vladimir Putin",
        ("Putin", "President Putin", "Russian President Vladimir Putin"),
        "President of Russia",
    ),
    KnownSpeaker(
        "Justin Trudeau",
        ("Trudeau", "Mr. Trudeau", "the prime minister"),
        "Prime Minister of Canada",
    ),
    KnownSpeaker(
        "Sputnik", ("Sputnik news agency",), "Russian state-owned news agency", "organization"
    ),
)


def read_article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")


def check_spans(text: str, result: Suggestions) -> None:
    """Every candidate is exactly its slice of the text and lies inside its statement."""
    for candidate in result.candidates:
        assert text[candidate.start : candidate.end] == candidate.text
        assert candidate.statement_start <= candidate.start < candidate.end
        assert candidate.end <= candidate.statement_end
        assert 0 <= candidate.checkworthiness <= 1
