"""Both Atom feeds carry every element RFC 4287 requires of a feed and of its entries."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def rfc3339(text: str) -> datetime.datetime:
    value = datetime.datetime.fromisoformat(text)
    assert value.tzinfo is not None, text  # RFC 3339 dates carry their offset
    return value


def assert_has_author(element: ET.Element) -> None:
    (author,) = element.findall(f"{ATOM}author")
    assert author.findtext(f"{ATOM}name").strip()


@pytest.mark.parametrize("url_name", ["claims:feed_verdicts_atom", "claims:feed_corrections_atom"])
def test_the_atom_feed_and_each_entry_have_what_rfc_4287_requires(client, demo_desk, url_name):
    response = client.get(reverse(url_name))
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)

    # atom:feed: exactly one id, title and updated; an author (here the desk); a self link.
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert len(feed.findall(f"{ATOM}{name}")) == 1, name
        assert feed.findtext(f"{ATOM}{name}").strip(), name
    assert_has_author(feed)
    assert feed.find(f"{ATOM}link[@rel='self']") is not None
    feed_updated = rfc3339(feed.findtext(f"{ATOM}updated"))

    entries = feed.findall(f"{ATOM}entry")
    assert entries
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert len(entry.findall(f"{ATOM}{name}")) == 1, name
            assert entry.findtext(f"{ATOM}{name}").strip(), name
        # No atom:content, so an alternate link is required; each entry names its author too.
        assert entry.find(f"{ATOM}content") is None
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert_has_author(entry)
        updated = rfc3339(entry.findtext(f"{ATOM}updated"))
        assert rfc3339(entry.findtext(f"{ATOM}published")) <= updated <= feed_updated


def test_a_corrected_verdict_is_updated_at_its_correction(client, demo_desk):
    feed = ET.fromstring(client.get(reverse("claims:feed_verdicts_atom")).content)
    dates = {
        entry.findtext(f"{ATOM}id").rsplit("/claims/", 1)[1]: (
            rfc3339(entry.findtext(f"{ATOM}published")),
            rfc3339(entry.findtext(f"{ATOM}updated")),
        )
        for entry in feed.findall(f"{ATOM}entry")
    }
    published, updated = dates["nato-admitted-montenegro-north-macedonia-and-albania/"]
    assert updated > published
    published, updated = dates["russia-asked-nato-not-to-admit-ukraine-and-georgia/"]
    assert updated == published
