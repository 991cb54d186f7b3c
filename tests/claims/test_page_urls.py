"""`{% page_url %}` (claims/templatetags/desk.py) gives what `{% url %}` gives."""

import pytest
from django.template import Context, Template
from django.urls import NoReverseMatch, reverse, set_script_prefix

from claims.templatetags.desk import page_url

NAMES_WITH_SLUG = ["claims:detail", "claims:speaker", "api:claim-detail"]
NAMES = ["claims:home", "claims:list", "claims:corrections", "claims:rating_styles"]


@pytest.mark.parametrize("slug", ["the-bridge-cost-4bn", "a_b-9", "x"])
@pytest.mark.parametrize("name", NAMES_WITH_SLUG)
def test_a_slug_url_is_the_reversed_url(name, slug):
    assert page_url(name, slug) == reverse(name, args=[slug])


@pytest.mark.parametrize("name", NAMES)
def test_a_url_without_arguments_is_the_reversed_url(name):
    assert page_url(name) == reverse(name)


def test_a_script_prefix_is_kept():
    try:
        set_script_prefix("/desk/")
        assert page_url("claims:detail", "a-claim") == "/desk/claims/a-claim/"
        assert page_url("claims:list") == "/desk/claims/"
    finally:
        set_script_prefix("/")
    assert page_url("claims:detail", "a-claim") == "/claims/a-claim/"


def test_in_a_template_it_is_escaped_as_url_is():
    template = Template(
        "{% load desk %}{% page_url 'claims:detail' slug %}|{% url 'claims:detail' slug %}"
    )
    fast, stock = template.render(Context({"slug": "ab-1"})).split("|")
    assert fast == stock == "/claims/ab-1/"


def test_what_is_not_a_slug_fails_as_reverse_fails():
    with pytest.raises(NoReverseMatch):
        reverse("claims:detail", args=["not a slug"])
    with pytest.raises(NoReverseMatch):
        page_url("claims:detail", "not a slug")
