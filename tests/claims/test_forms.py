"""The public forms' own widgets: FastSelect writes what Django's Select templates write."""

from html.parser import HTMLParser

import pytest
from django import forms

from claims.forms import FastSelect

CHOICES = [("", "Any <verdict>"), ("false", "False & misleading"), (3, "three")]


class Elements(HTMLParser):
    """The elements and text of a fragment: attributes in any order, whitespace aside."""

    def __init__(self, fragment: str) -> None:
        super().__init__()
        self.seen: list[tuple] = []
        self.feed(fragment)

    def handle_starttag(self, tag, attrs):
        self.seen.append(("start", tag, sorted(attrs)))

    def handle_endtag(self, tag):
        self.seen.append(("end", tag))

    def handle_data(self, data):
        if data.strip():
            self.seen.append(("text", data.strip()))


class Both(forms.Form):
    django = forms.ChoiceField(choices=CHOICES, required=False)
    fast = forms.ChoiceField(choices=CHOICES, required=False, widget=FastSelect)


@pytest.mark.parametrize("value", [None, "", "false", "3", "not-a-choice"])
def test_fast_select_writes_what_djangos_select_writes(value):
    form = Both(None if value is None else {"django": value, "fast": value})
    if value == "not-a-choice":
        assert not form.is_valid()  # errors add aria attributes to both

    django = str(form["django"]).replace("django", "FIELD")
    fast = str(form["fast"]).replace("fast", "FIELD")

    assert Elements(fast).seen == Elements(django).seen
    assert "&lt;verdict&gt;" in fast and "False &amp; misleading" in fast
