"""Every word a reader sees on the public pages is marked for translation with Django's i18n,
so a newsroom can publish in its own language by adding a catalogue."""

import re
from pathlib import Path


def visible_text_outside_translation(template: str) -> list[str]:
    """Words a reader would see that are not inside a translation tag."""
    text = re.sub(r"{%\s*blocktranslate.*?{%\s*endblocktranslate\s*%}", " ", template, flags=re.S)
    text = re.sub(r"<script.*?</script>|<style.*?</style>", " ", text, flags=re.S)
    text = re.sub(r"{%.*?%}|{{.*?}}|{#.*?#}", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    return re.findall(r"[A-Za-z]{2,}", text)


def test_every_public_template_marks_its_words_for_translation():
    templates = Path(__file__).resolve().parents[2] / "templates"
    public = [
        templates / "base.html",
        templates / "400.html",
        templates / "404.html",
        templates / "500.html",
        *sorted((templates / "claims").glob("*.html")),
        *sorted((templates / "jinja2" / "claims").glob("*.html")),
    ]
    assert len(public) >= 8
    for template in public:
        source = template.read_text(encoding="utf-8")
        assert visible_text_outside_translation(source) == [], template.name
        if re.search(r"{%\s*(translate|blocktranslate)", source):
            assert re.search(r"{%\s*load [^%]*\bi18n\b", source), template.name


def test_the_translation_check_finds_unmarked_words():
    assert visible_text_outside_translation("<p>Our verdict</p>") == ["Our", "verdict"]
    assert visible_text_outside_translation("<p>{% translate 'Our verdict' %}</p>") == []
