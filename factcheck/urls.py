from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import index, sitemap
from django.urls import include, path

from claims.public.cache import cache_public_page
from claims.public.sitemaps import SITEMAPS
from claims.public.views import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    # A sitemap index, and each section's sitemap in pages of at most 50,000 addresses (?p=N).
    path(
        "sitemap.xml",
        cache_public_page(index),
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        cache_public_page(sitemap),
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    path("robots.txt", robots_txt, name="robots"),
    path("api/", include("claims.api.urls")),
]
# The readers' pages in each language: English at the addresses it always had, the others
# under their code (/uk/, /fr/; claims/public/languages.py). The admin and the API stay English.
urlpatterns += i18n_patterns(path("", include("claims.public.urls")), prefix_default_language=False)
