"""URLs for bench/bench_api.py only: the project's, plus a bare view.

The bare view is the ceiling the API is compared with: the same server, middleware and process,
and no work of its own. It lives here so that it never reaches the product's URLs.
"""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path


def bare(request: HttpRequest) -> HttpResponse:
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/bare/", bare), path("", include("factcheck.urls"))]
