from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from claims.public.cache import cache_public_page
from claims.public.sitemaps import SITEMAPS
from claims.public.views import robots_txt

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", cache_public_page(sitemap), {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    path("api/", include("claims.api.urls")),
    path("", include("claims.public.urls")),
]
