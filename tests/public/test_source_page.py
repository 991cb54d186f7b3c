"""A source's public page: by default only the passages checked, each in its paragraph, with
links to the original and its archived copy; the whole text only where its licence allows."""

import html

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse

from claims.models import Source
from tests.factories import ClaimFactory, SourceFactory, StatementFactory, make_public

pytestmark = pytest.mark.django_db

FIRST = "The minister opened the session with a long speech about trade."
CHECKED = "He said exports grew by 40 percent last year, a record for the country."
LAST = "Reporters were then shown out of the hall before the vote."
TEXT = f"{FIRST}\n\n{CHECKED}\n\n{LAST}"


def source_with_a_checked_claim(**fields) -> Source:
    source = SourceFactory(text=TEXT, archive_url="https://archive.example/1", **fields)
    start = TEXT.index("exports")
    statement = StatementFactory(source=source, start=start, end=start + len("exports grew"))
    make_public(ClaimFactory(statement=statement))
    return source


def page(client, source: Source) -> str:
    response = client.get(reverse("claims:source", args=[source.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_by_default_only_the_checked_paragraph_is_shown_with_the_links(client):
    source = source_with_a_checked_claim()

    body = page(client, source)

    assert "<mark><a " in body and ">exports grew</a></mark>" in body
    assert html.escape(CHECKED.split("exports")[0]) in body  # the paragraph around it
    assert FIRST not in body and LAST not in body
    assert f'href="{source.url}"' in body and "Read the original" in body
    assert 'href="https://archive.example/1"' in body and "Archived copy" in body
    assert "The passages we checked" in body


def test_the_whole_text_is_shown_where_its_licence_allows(client):
    source = source_with_a_checked_claim(full_text_public=True, text_licence="CC BY 4.0")

    body = page(client, source)

    assert FIRST in body and LAST in body and ">exports grew</a></mark>" in body
    assert "Text published under its licence: CC BY 4.0." in body


def test_the_full_text_cannot_be_made_public_without_naming_a_licence():
    source = SourceFactory(full_text_public=False)
    source.full_text_public = True

    with pytest.raises(ValidationError, match="Name the licence"):
        source.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        source.save()
    source.refresh_from_db()
    assert source.full_text_public is False


def test_the_admins_source_form_edits_the_licence_and_the_archived_copy(admin_client):
    source = SourceFactory()
    url = reverse("admin:claims_source_change", args=[source.pk])
    body = admin_client.get(url).content.decode()
    for name in ("full_text_public", "text_licence", "archive_url"):
        assert f'name="{name}"' in body, name
