"""RSS and Atom feeds of new verdicts and of corrections (published data only)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import Claim, PublicationEntry
from ..selectors import public_claims, public_corrections

FEED_SIZE = 50


class DeskAtomFeed(Feed):
    """Atom as RFC 4287 requires it: the feed and each entry name an author (the desk) and say
    when they were last updated (the feed: its newest entry's date, which Django writes)."""

    feed_type = Atom1Feed

    def author_name(self) -> str:
        return settings.FACTCHECK_ORGANIZATION

    def author_link(self) -> str | None:
        return settings.FACTCHECK_ORGANIZATION_URL or None

    def item_author_name(self, item) -> str:
        return settings.FACTCHECK_ORGANIZATION


class VerdictsFeed(Feed):
    description = gettext_lazy("New fact-checks, newest first.")

    def title(self) -> str:
        return _("%(desk)s: fact-checks") % {"desk": settings.FACTCHECK_ORGANIZATION}

    def link(self) -> str:
        return reverse("claims:list")

    def items(self):
        return public_claims().filter(status="published")[:FEED_SIZE]

    def item_title(self, item: Claim) -> str:
        verdict = item.approved_reviews[0].rating.label if item.approved_reviews else ""
        return f"{verdict}: {item.text}" if verdict else item.text

    def item_description(self, item: Claim) -> str:
        return item.approved_reviews[0].summary if item.approved_reviews else ""

    def item_link(self, item: Claim) -> str:
        return reverse("claims:detail", args=[item.slug])

    def item_pubdate(self, item: Claim):
        return item.first_published_at

    def item_updateddate(self, item: Claim):
        """The latest correction's approval, or the first publication."""
        dates = [item.first_published_at, *(r.approved_at for r in item.approved_reviews)]
        return max(d for d in dates if d is not None)


class VerdictsAtomFeed(DeskAtomFeed, VerdictsFeed):
    subtitle = VerdictsFeed.description


class CorrectionsFeed(Feed):
    description = gettext_lazy("Corrections and withdrawals, newest first.")

    def title(self) -> str:
        return _("%(desk)s: corrections") % {"desk": settings.FACTCHECK_ORGANIZATION}

    def link(self) -> str:
        return reverse("claims:corrections")

    def items(self):
        return public_corrections()[:FEED_SIZE]

    def item_title(self, item: PublicationEntry) -> str:
        return f"{item.get_kind_display()}: {item.claim.text}"

    def item_description(self, item: PublicationEntry) -> str:
        return item.note

    def item_link(self, item: PublicationEntry) -> str:
        return reverse("claims:detail", args=[item.claim.slug]) + f"#record-{item.pk}"

    def item_pubdate(self, item: PublicationEntry):
        return item.published_at

    def item_updateddate(self, item: PublicationEntry):
        return item.published_at  # entries of the record are never edited


class CorrectionsAtomFeed(DeskAtomFeed, CorrectionsFeed):
    subtitle = CorrectionsFeed.description
