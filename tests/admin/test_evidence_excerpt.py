"""An evidence excerpt checked against the cited source's stored text: the mark kept on the
evidence (`Evidence.excerpt_found`) and the warning on the admin's evidence form."""

import pytest
from django.urls import reverse

from claims.text import excerpt_in_text
from tests.factories import EvidenceFactory, SourceFactory

pytestmark = pytest.mark.django_db

TEXT = (
    "The minister said: “We were never consulted,” and left.\n"
    "Officials in Brussels   said the figures were correct — but disputed the rest."
)


@pytest.mark.parametrize(
    ("excerpt", "found"),
    [
        ('"We were never consulted," and left.', True),  # straight quotes for curly ones
        ("officials in brussels said the figures", True),  # case and spacing
        ("the figures were correct - but disputed", True),  # a dash typed as a hyphen
        ("We were never consulted … disputed the rest", True),  # words left out
        ("We were never consulted [...] disputed the rest", True),
        ("disputed the rest … We were never consulted", False),  # parts out of order
        ("We were consulted", False),
        ("", None),
        ("…", None),
    ],
    ids=[
        "quotes",
        "case-and-spacing",
        "dash",
        "ellipsis",
        "bracketed-ellipsis",
        "out-of-order",
        "absent",
        "empty",
        "only-an-omission",
    ],
)
def test_an_excerpt_is_compared_with_quotes_dashes_case_and_spacing_folded(excerpt, found):
    assert excerpt_in_text(excerpt, TEXT) is found


def test_a_source_without_text_gives_no_mark():
    assert excerpt_in_text("anything", "  \n") is None


def test_the_mark_is_stored_and_kept_up_to_date_on_save():
    source = SourceFactory(text=TEXT)
    evidence = EvidenceFactory(source=source, excerpt="We were consulted")
    assert evidence.excerpt_found is False

    evidence.excerpt = "We were never consulted"
    evidence.save(update_fields=["excerpt"])

    evidence.refresh_from_db()
    assert evidence.excerpt_found is True


def test_the_evidence_form_warns_when_the_excerpt_is_not_in_the_source(client, superuser):
    source = SourceFactory(text=TEXT)
    missing = EvidenceFactory(source=source, excerpt="We were consulted")
    present = EvidenceFactory(source=source, excerpt="We were never consulted")
    client.force_login(superuser)

    def page(evidence):
        url = reverse("admin:claims_evidence_change", args=[evidence.pk])
        return client.get(url).content.decode()

    assert "this excerpt is not in the cited source" in page(missing)
    assert "this excerpt is not in the cited source" not in page(present)


def test_the_claim_page_warns_beside_the_evidence_inline(client, superuser):
    source = SourceFactory(text=TEXT)
    evidence = EvidenceFactory(source=source, excerpt="We were consulted")
    client.force_login(superuser)

    page = client.get(reverse("admin:claims_claim_change", args=[evidence.claim.pk]))

    assert "this excerpt is not in the cited source" in page.content.decode()


def test_the_migration_marks_evidence_saved_before_the_mark_existed():
    import importlib

    from django.apps import apps

    from claims.models import Evidence

    migration = importlib.import_module("claims.migrations.0019_evidence_excerpt_found")
    source = SourceFactory(text=TEXT)
    missing = EvidenceFactory(source=source, excerpt="We were consulted")
    quoted = EvidenceFactory(source=source, excerpt="we were never consulted")
    blank = EvidenceFactory(source=source, excerpt="")
    Evidence.objects.update(excerpt_found=None)

    migration.mark_excerpts(apps, None)

    assert Evidence.objects.get(pk=missing.pk).excerpt_found is False
    assert Evidence.objects.get(pk=quoted.pk).excerpt_found is True
    assert Evidence.objects.get(pk=blank.pk).excerpt_found is None
