"""The corpus evaluator's match rules (bench/eval_suggest.py), on a small synthetic article."""

import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("eval_suggest", ROOT / "bench" / "eval_suggest.py")
ev = importlib.util.module_from_spec(_spec)
sys.modules["eval_suggest"] = ev  # dataclasses look their module up while the file loads
_spec.loader.exec_module(ev)

TEXT = (
    "Minister vows cuts\n\n"
    "Photo: the minister in May\n\n"
    'Exports rose 5 percent, Finance Minister Anna Berg said. "Debt fell," she added.\n'
)


def _at(words, kind="person", speaker="Anna Berg", reported=None, also=()):
    start = TEXT.index(words)
    return ev.Label(start, start + len(words), speaker, kind, reported, tuple(also))


def _cand(words, speaker, score, reported=None):
    start = TEXT.index(words)
    return ev.Suggested(start, start + len(words), speaker, reported, score)


@pytest.mark.parametrize(
    ("labelled", "suggested", "person", "same"),
    [
        ("Anna Berg", "Berg", True, True),
        ("Anna Berg", "Finance Minister Anna Berg", True, True),
        ("Sergei Stepashin", "Sergey Stepashin", True, True),
        ("Anna Berg", "Anna Lee", True, False),
        ("Public Health England", "PHE", False, True),
        ("UNHCR", "United Nations High Commissioner for Refugees", False, True),
        ("Department for Transport", "GOV.UK", False, False),
        ("López Obrador", "Andrés Manuel Lopez Obrador", True, True),
        ("the Home Office", "Home Office", False, True),
        ("Anna Berg", None, True, False),
    ],
)
def test_same_speaker_follows_the_documented_rule(labelled, suggested, person, same):
    assert ev.same_speaker(labelled, suggested, person=person) is same


def test_claim_is_found_only_inside_a_candidate_and_speaker_checked_there():
    labels = [_at("Exports rose 5 percent"), _at("Debt fell")]
    candidates = [
        _cand("Exports rose 5 percent", "Berg", 0.9),  # holds the first label, right speaker
        _cand("Debt", "Anna Berg", 0.8),  # too short: does not hold the second label
        _cand("Minister vows cuts", "The Outlet", 0.7),  # the headline
    ]

    score = ev.score_article(labels, [ev.Span(0, len("Minister vows cuts"))], candidates, text=TEXT)

    assert (score.found, score.right_speaker, score.labels) == (1, 1, 2)
    assert (score.useful_candidates, score.candidates) == (1, 3)
    assert score.furniture == 1
    assert score.furniture_hits == ["'Minister vows cuts'"]  # what --details lists
    assert score.precision == pytest.approx(1 / 3)


def test_wrong_speaker_is_found_but_not_right():
    labels = [_at("Debt fell")]

    score = ev.score_article(labels, [], [_cand('"Debt fell,"', "The Outlet", 0.5)])

    assert (score.found, score.right_speaker) == (1, 0)
    assert score.wrong and "got 'The Outlet'" in score.wrong[0]


def test_right_speakers_are_tallied_by_the_confidence_they_were_given():
    labels = [_at("Exports rose 5 percent"), _at("Debt fell")]
    candidates = [
        ev.Suggested(*_span("Exports rose 5 percent"), "Anna Berg", None, 0.9, confidence=0.9),
        ev.Suggested(*_span("Debt fell"), "The Outlet", None, 0.5, confidence=0.65),
    ]
    total = ev.Score()

    total.add(ev.score_article(labels, [], candidates))
    total.add(ev.score_article(labels[:1], [], candidates[:1]))

    assert total.by_confidence == {0.9: [2, 2], 0.65: [0, 1]}
    assert ev.confidence_table(total).splitlines()[2:] == [
        "| 0.65 | 1 | 0 (0%) |",
        "| 0.90 | 2 | 2 (100%) |",
    ]


def _span(words):
    start = TEXT.index(words)
    return start, start + len(words)


def test_reported_speaker_is_scored_only_where_labelled_and_spurious_counted_apart():
    labels = [_at("Exports rose 5 percent", reported="Statistics Office", kind="person")]
    right = ev.score_article(
        labels, [], [_cand("Exports rose 5 percent", "Berg", 0.5, reported="Statistics Office")]
    )
    missing = ev.score_article(labels, [], [_cand("Exports rose 5 percent", "Berg", 0.5)])
    spurious = ev.score_article(
        [_at("Debt fell")], [], [_cand("Debt fell", "Berg", 0.5, reported="Anna Lee")]
    )

    assert (right.reported_labels, right.right_reported) == (1, 1)
    assert (missing.reported_labels, missing.right_reported) == (1, 0)
    assert (spurious.reported_labels, spurious.spurious_reported) == (0, 1)


def test_also_right_names_are_accepted():
    labels = [_at("Debt fell", speaker="Anna Berg", also=("Lena Holt",))]

    score = ev.score_article(labels, [], [_cand("Debt fell", "Lena Holt", 0.5)])

    assert score.right_speaker == 1


def test_roc_auc_counts_pairs_and_ties():
    assert ev.roc_auc([0.9, 0.8], [0.1, 0.2]) == 1.0
    assert ev.roc_auc([0.1], [0.9]) == 0.0
    assert ev.roc_auc([0.5], [0.5]) == 0.5
    assert ev.roc_auc([0.9, 0.4], [0.5, 0.1]) == 0.75
    assert ev.roc_auc([], [0.5]) is None


def test_totals_add_up_and_furniture_is_per_five_articles():
    one = ev.Score(articles=1, labels=2, found=2, right_speaker=1, candidates=4, furniture=1)
    two = ev.Score(articles=1, labels=2, found=1, right_speaker=1, candidates=2, furniture=0)
    total = ev.Score()

    total.add(one)
    total.add(two)

    assert (total.articles, total.labels, total.found, total.right_speaker) == (2, 4, 3, 2)
    assert total.furniture_per_5 == 2.5
    assert total.right_speaker_share == 0.5


def test_labels_off_their_offsets_are_refused(tmp_path):
    article = {
        "id": "x",
        "text": "Debt fell.\n",
        "claims": [
            {"start": 1, "end": 5, "text": "Debt", "speaker": "A", "speaker_kind": "person"}
        ],
        "not_claims": [],
    }
    path = tmp_path / "x.json"
    path.write_text(json.dumps(article), encoding="utf-8")

    with pytest.raises(ValueError, match="not at its offsets"):
        ev.load_article(path)


@pytest.mark.parametrize(
    "folder",
    [
        "articles",
        "former-heldout",
        "heldout",
        "heldout-2",
        "heldout-3",
        "heldout-4",
        "heldout-5",
        "heldout-6",
        "heldout-7",
        "heldout-8",
        "heldout-9",
        "heldout-10",
        "heldout-11",
        "heldout-12",
        "heldout-13",
        "heldout-14",
        "heldout-15",
        "heldout-16",
        "heldout-17",
        "heldout-18",
        "heldout-19",
        "heldout-20",
        "heldout-21",
        "heldout-22",
        "heldout-23",
        "heldout-24",
        "heldout-25",
        "heldout-26",
        "heldout-27",
        "heldout-28",
        "heldout-29",
        "heldout-30",
        "heldout-31",
        "heldout-32",
        "heldout-33",
        "heldout-34",
        "heldout-35",
        "heldout-36",
        "heldout-37",
        "heldout-38",
        "heldout-39",
        "heldout-40",
        "heldout-41",
    ],
)
def test_every_corpus_label_sits_at_its_offsets(folder):
    paths = sorted((ev.CORPUS.parent / folder).glob("*.json"))

    articles = [ev.load_article(path) for path in paths]

    assert len(articles) >= 7  # eight a set; heldout-35 lost one that repeated a page read
    assert all(a["claims"] and a["licence"]["url"] and a["obtained_from"] for a in articles)


def test_the_development_corpus_spans_ten_outlets():
    articles = [ev.load_article(path) for path in sorted(ev.CORPUS.glob("*.json"))]

    assert len(articles) >= 25
    assert len({a["outlet"] for a in articles}) >= 10


def test_the_second_held_out_set_spans_four_outlets():
    paths = sorted((ev.CORPUS.parent / "heldout-2").glob("*.json"))

    articles = [ev.load_article(path) for path in paths]

    assert len({a["outlet"] for a in articles}) >= 4
    assert all(int(a["id"][:2]) >= 62 for a in articles)


def test_the_third_held_out_set_spans_four_outlets_of_new_articles():
    paths = sorted((ev.CORPUS.parent / "heldout-3").glob("*.json"))

    articles = [ev.load_article(path) for path in paths]

    assert len({a["outlet"] for a in articles}) >= 4
    assert all(int(a["id"][:2]) >= 70 for a in articles)


def test_the_fourth_held_out_set_holds_eight_shapes_of_new_articles():
    paths = sorted((ev.CORPUS.parent / "heldout-4").glob("*.json"))

    articles = [ev.load_article(path) for path in paths]

    assert len({a["outlet"] for a in articles}) >= 3
    assert len({a["shape"].split(" (")[0] for a in articles}) >= 8
    assert all(int(a["id"][:2]) >= 78 for a in articles)


def test_the_fifth_held_out_set_holds_eight_shapes_of_new_articles_from_four_outlets():
    paths = sorted((ev.CORPUS.parent / "heldout-5").glob("*.json"))

    articles = [ev.load_article(path) for path in paths]

    assert len(articles) >= 8
    assert len({a["outlet"] for a in articles}) >= 4
    assert len({a["shape"].split(" (")[0] for a in articles}) >= 8
    assert all(int(a["id"][:2]) >= 86 for a in articles)
