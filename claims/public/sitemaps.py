"""/sitemap.xml: public pages only, each in every language of the site with its alternates
(hreflang, and x-default: the English address, whose root negotiates)."""

from __future__ import annotations

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from ..enums import PUBLIC_STATUSES
from ..models import Claim, Source, Speaker
from ..selectors import public_speakers


class PublicSitemap(Sitemap):
    i18n = True
    alternates = True
    x_default = True


class ClaimSitemap(PublicSitemap):
    changefreq = "weekly"

    def items(self):
        return Claim.objects.public().order_by("id").only("slug", "updated_at")

    def location(self, item: Claim) -> str:
        return reverse("claims:detail", args=[item.slug])

    def lastmod(self, item: Claim):
        return item.updated_at


class SpeakerSitemap(PublicSitemap):
    def items(self):
        return public_speakers().order_by("id")

    def location(self, item: Speaker) -> str:
        return reverse("claims:speaker", args=[item.slug])


class SourceSitemap(PublicSitemap):
    def items(self):
        return (
            Source.objects.filter(statements__claims__status__in=PUBLIC_STATUSES)
            .distinct()
            .order_by("id")
        )

    def location(self, item: Source) -> str:
        return reverse("claims:source", args=[item.pk])


class PageSitemap(PublicSitemap):
    def items(self):
        return ["claims:home", "claims:list", "claims:corrections", "claims:methodology"]

    def location(self, item: str) -> str:
        return reverse(item)


SITEMAPS = {
    "pages": PageSitemap,
    "claims": ClaimSitemap,
    "speakers": SpeakerSitemap,
    "sources": SourceSitemap,
}
