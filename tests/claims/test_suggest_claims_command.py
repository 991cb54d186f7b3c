"""`manage.py suggest_claims`: JSON and table output for files and stored sources, and a
one-line error with a non-zero exit for bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.management.commands.seed_demo import SEEDS_DIR
from claims.matching.embeddings import embed
from claims.models import Source

SEED = SEEDS_DIR / "000_350d1086ef0d2fa7.txt"
REQUIRED_KEYS = {
    "start",
    "end",
    "text",
    "kind",
    "speaker",
    "reported_speaker",
    "checkworthiness",
    "reasons",
    "duplicate_of",
    "matches",
}


def run_json(*args) -> list[dict]:
    from io import StringIO

    out = StringIO()
    call_command("suggest_claims", *args, "--json", stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_json_for_a_file_has_every_field_and_exact_spans():
    text = SEED.read_text(encoding="utf-8")

    candidates = run_json(str(SEED))

    assert candidates
    for candidate in candidates:
        assert set(candidate) >= REQUIRED_KEYS
        assert text[candidate["start"] : candidate["end"]] == candidate["text"]
        assert candidate["kind"] in {"direct", "indirect", "narration"}
        assert 0 <= candidate["checkworthiness"] <= 1


@pytest.mark.django_db
def test_json_for_a_stored_source_matches_earlier_claims(demo_desk):
    embed()  # what the worker does as the claims are saved
    source = Source.objects.get(publisher="Sputnik")
    other = Source.objects.create(title="Same report elsewhere", text=source.text + "\n")

    candidates = run_json(str(other.pk))

    matched = [m for c in candidates for m in c["matches"]]
    assert matched, "the demo desk's claims should match a copy of their own article"
    assert {"id", "slug", "text", "score", "reasons", "verdict", "status"} <= set(matched[0])
    assert any(m["verdict"] == "Mostly true" for m in matched)


@pytest.mark.django_db
def test_a_source_does_not_match_the_claims_made_from_it(demo_desk):
    source = Source.objects.get(publisher="Sputnik")
    own = set(source.statements.values_list("claims__id", flat=True))

    candidates = run_json(str(source.pk))

    assert not {m["id"] for c in candidates for m in c["matches"]} & own


@pytest.mark.django_db
def test_table_output_is_readable():
    from io import StringIO

    out = StringIO()
    call_command("suggest_claims", str(SEED), stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].split()[:4] == ["#", "kind", "speaker", "score"]
    assert lines[-1].endswith("candidates.")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"", "empty"),
        (b"  \n\t\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary"),
        (b"caf\xe9 au lait", "not UTF-8"),
        (b"x" * 2048, "over the limit"),
    ],
    ids=["missing", "empty", "whitespace", "binary", "latin-1", "too-big"],
)
@pytest.mark.django_db
def test_bad_input_is_a_one_line_error(tmp_path, settings, content, message):
    settings.FACTCHECK_MAX_ARTICLE_BYTES = 1024
    path = tmp_path / "article.txt"
    if content is not None:
        path.write_bytes(content)

    with pytest.raises(CommandError, match=message):
        call_command("suggest_claims", str(path))


@pytest.mark.django_db
def test_an_unknown_source_id_is_an_error():
    with pytest.raises(CommandError, match="No source with id 999"):
        call_command("suggest_claims", "999")


def test_the_command_exits_non_zero_with_one_line_on_stderr(tmp_path):
    missing = tmp_path / "nope.txt"

    result = subprocess.run(
        [sys.executable, "manage.py", "suggest_claims", str(missing)],
        cwd=Path(__file__).resolve().parents[2],
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == [f"CommandError: {missing}: no such file"]


PAGE = """<!doctype html><html lang="en"><head><title>Bridge costs rise - City Courier</title>
<meta property="og:site_name" content="City Courier"></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
<article><h1>Bridge costs rise</h1>
<p>Mayor Sarah Collins said on Monday that the new bridge will cost 40 million pounds,
ten million more than planned in 2021.</p>
<p>"Every penny of it is already in the budget," Collins told the council.</p>
<p>Council leader David Okafor said the true cost was closer to 65 million pounds.</p>
</article>
<footer><p>Copyright City Courier. All rights reserved. Contact us.</p></footer>
</body></html>"""


@pytest.mark.django_db
def test_an_html_page_is_read_as_the_import_reads_it(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(PAGE, encoding="utf-8")

    candidates = run_json(str(path))

    texts = " ".join(c["text"] for c in candidates)
    assert "40 million pounds" in texts
    assert "<" not in texts and "Home" not in texts and "All rights reserved" not in texts
    assert {c["speaker"] for c in candidates if "40 million" in c["text"]} == {"Sarah Collins"}
    assert all(
        set(c) >= {"confidence", "evidence", "cue_start", "speaker_start"} for c in candidates
    )
