"""URLs for bench/bench_api.py only: the project's, plus a bare view and the plain DRF list.

The bare view is the ceiling the API is compared with: the same server, middleware and process,
and no work of its own; the plain DRF list (bench/plain_drf.py) shows what the API's own code
saves, and the flat one is the yardstick of the API's CPU target. They live here so that they
never reach the product's URLs.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import path
from plain_drf import FlatClaimList, PlainClaimList

from factcheck.urls import urlpatterns as project_urlpatterns


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [
    path("bench/bare/", bare),
    path("bench/plain-drf/claims/", PlainClaimList.as_view()),
    path("bench/flat-drf/claims/", FlatClaimList.as_view()),
    # The project's own list, not an include: its readers' pages are in i18n_patterns, which
    # Django allows only in the root URLconf.
    *project_urlpatterns,
]
