"""The public forms' own widgets and labels write what Django's templates write."""

from html.parser import HTMLParser

import pytest
from django import forms

from claims.public.forms import ClaimFilterForm
from claims.public.widgets import FastDateInput, FastLabelsMixin, FastSelect, FastTextInput

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


class Inputs(forms.Form):
    django_text = forms.CharField(required=False, max_length=5)
    fast_text = forms.CharField(required=False, max_length=5, widget=FastTextInput)
    django_date = forms.DateField(required=True, widget=forms.DateInput(attrs={"type": "date"}))
    fast_date = forms.DateField(required=True, widget=FastDateInput(attrs={"type": "date"}))


@pytest.mark.parametrize(
    "text, date",
    [(None, None), ("", ""), ('a"<b>&', "2024-05-06"), ("far too long", "not a date")],
)
def test_fast_inputs_write_what_djangos_inputs_write(text, date):
    data = (
        None
        if text is None
        else {
            f"{w}_{k}": v for w in ("django", "fast") for k, v in [("text", text), ("date", date)]
        }
    )
    form = Inputs(data)
    if text == "far too long":
        assert not form.is_valid()  # errors add aria attributes to both
    for kind in ("text", "date"):
        django = str(form[f"django_{kind}"]).replace("django", "FIELD")
        fast = str(form[f"fast_{kind}"]).replace("fast", "FIELD")
        assert Elements(fast).seen == Elements(django).seen
    if text == 'a"<b>&':
        assert 'value="a&quot;&lt;b&gt;&amp;"' in str(form["fast_text"])


class DjangoLabels(forms.Form):
    plain = forms.CharField(label="Search <all>")
    asked = forms.CharField(label="Who said it?", required=False)
    no_id = forms.CharField(label="Hidden & co", widget=forms.TextInput(attrs={"id": ""}))


class FastLabels(FastLabelsMixin, DjangoLabels):
    pass


@pytest.mark.parametrize("auto_id", ["id_%s", ""])
def test_fast_labels_write_what_djangos_labels_write(auto_id):
    django, fast = DjangoLabels(auto_id=auto_id), FastLabels(auto_id=auto_id)
    django.required_css_class = fast.required_css_class = "required"
    for name in DjangoLabels.base_fields:
        for options in [{}, {"attrs": {"class": "wide"}}, {"tag": "legend"}, {"label_suffix": ""}]:
            expected = str(django[name].label_tag(**options))
            assert Elements(str(fast[name].label_tag(**options))).seen == Elements(expected).seen


@pytest.mark.django_db
def test_the_claims_filter_is_written_as_with_djangos_templates():
    class Stock(ClaimFilterForm):
        render = forms.Form.render  # Django's label template

    stock_widgets = {"q": forms.TextInput, "speaker": forms.TextInput}
    stock_widgets |= {"publisher": forms.TextInput, "since": forms.DateInput}
    stock_widgets |= {"until": forms.DateInput}
    for data in [None, {"q": "bridge", "since": "2024-01-01", "until": "nope", "sort": "oldest"}]:
        fast, stock = ClaimFilterForm(data), Stock(data)
        for name, widget in stock_widgets.items():
            own = fast.fields[name].widget  # its attrs, and the type its attrs gave
            stock.fields[name].widget = widget(attrs={**own.attrs, "type": own.input_type})
        if data:
            fast.is_valid(), stock.is_valid()
        for name in ClaimFilterForm.base_fields:
            assert (
                Elements(str(fast[name].label_tag())).seen
                == Elements(str(stock[name].label_tag())).seen
            )
            if name not in ("rating", "topic", "sort"):
                assert Elements(str(fast[name])).seen == Elements(str(stock[name])).seen
