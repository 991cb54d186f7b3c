"""ClaimIndex: fuzzy matching of claim wordings."""

import pytest

from claims.suggest import ClaimIndex, ClaimMatch
from claims.suggest.matching import content_words, similarity

CLAIMS = [
    (1, "NATO admitted Montenegro, North Macedonia and Albania as members."),
    (2, "Russia asked for guarantees that NATO would not expand to include Ukraine."),
    (3, "Unemployment in the United Kingdom fell to 3.9% in April."),
    (4, "The Greenland ice sheet lost 270 billion tonnes of ice last year."),
    (5, "Justin Trudeau said that all Russians will pay for what is happening."),
]


@pytest.fixture
def index():
    return ClaimIndex(CLAIMS)


def test_index_identical_wording_scores_one(index):
    (best, *_rest) = index.search(CLAIMS[0][1])

    assert best == ClaimMatch(1, 1.0, CLAIMS[0][1])


@pytest.mark.parametrize(
    ("query", "key"),
    [
        ("nato admitted albania, north macedonia and montenegro as members", 1),
        ("NATO has admitted Montenegro, North Macedonia, and Albania as its members!", 1),
        ("Russia asked for guarantees NATO would not expand to include the Ukraine", 2),
        ("Unemployment in the United Kingdom fel to 3.9% in Aprill.", 3),
        ("Trudeau said all Russians would pay for what was happening", 5),
    ],
    ids=["order-and-case", "stop-words-and-punctuation", "small-edit", "typos", "tense"],
)
def test_index_small_rewording_still_matches(index, query, key):
    matches = index.search(query)

    assert matches[0].key == key
    assert matches[0].score >= 0.7


def test_index_unrelated_text_scores_below_point_three(index):
    matches = index.search("The bakery on Elm Street sells sourdough bread.", min_score=0.0)

    assert all(m.score < 0.3 for m in matches)


def test_index_results_are_best_first_limited_and_above_min_score(index):
    index.add(6, "NATO admitted Albania as a member in 2009.")

    matches = index.search("NATO admitted Albania and Montenegro", limit=2, min_score=0.3)

    assert len(matches) == 2
    assert [m.key for m in matches] == sorted(
        [m.key for m in matches], key=lambda k: -next(x.score for x in matches if x.key == k)
    )
    assert all(m.score >= 0.3 for m in matches)


def test_index_keeps_any_key_and_counts_its_claims():
    index = ClaimIndex()
    index.add(("claim", 7), "Inflation fell to 3.2% in May.")

    assert len(index) == 1
    assert index.search("inflation fell to 3.2 percent in May")[0].key == ("claim", 7)


def test_index_empty_query_or_index_finds_nothing(index):
    assert ClaimIndex().search("anything at all") == []
    assert index.search("the of and") == []


def test_content_words_fold_case_accents_and_endings():
    assert content_words("The Proposals were REJECTED by Zelenskyy's café") == [
        "proposal",
        "reject",
        "zelenskyy",
        "cafe",
    ]


def test_similarity_is_symmetric_and_bounded():
    a, b = "The city hired 300 teachers.", "300 teachers were hired by the city"

    assert similarity(a, b) == pytest.approx(similarity(b, a))
    assert 0.7 < similarity(a, b) <= 1.0
    assert similarity(a, "A dog barked at night.") < 0.3
