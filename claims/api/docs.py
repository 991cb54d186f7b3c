"""The API's documentation page: Swagger UI from drf-spectacular-sidecar's static files.

drf-spectacular's own page has an inline style (and, unsplit, an inline script), which the
site's Content Security Policy refuses; this page has neither inline script nor un-nonced
style, and its start-up script is served by the split view as a file of its own.
"""

from __future__ import annotations

from django.http import HttpResponse
from django.template import engines
from drf_spectacular.plumbing import set_query_parameters
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerSplitView
from rest_framework.request import Request

PAGE = engines["django"].from_string(
    """<!DOCTYPE html>
<html lang="en">
  <head>
    <title>{{ title }}</title>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <link rel="icon" href="{{ favicon_href }}">
    <link rel="stylesheet" href="{{ swagger_ui_css }}">
    <style nonce="{{ csp_nonce }}">
      html { box-sizing: border-box; overflow-y: scroll; }
      *, *:after, *:before { box-sizing: inherit; }
      body { background: #fafafa; margin: 0; }
    </style>
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="{{ swagger_ui_bundle }}"></script>
    <script src="{{ swagger_ui_standalone }}"></script>
    <script src="{{ script_url }}"></script>
  </body>
</html>
"""
)


class DocsView(SpectacularSwaggerSplitView):
    @extend_schema(exclude=True)
    def get(self, request: Request, *args, **kwargs):
        if request.GET.get("script") is not None:
            return super().get(request, *args, **kwargs)  # the start-up script
        context = {
            "title": self.title,
            "favicon_href": self._swagger_ui_favicon(),
            "swagger_ui_css": self._swagger_ui_resource("swagger-ui.css"),
            "swagger_ui_bundle": self._swagger_ui_resource("swagger-ui-bundle.js"),
            "swagger_ui_standalone": self._swagger_ui_resource("swagger-ui-standalone-preset.js"),
            "script_url": set_query_parameters(url=request.get_full_path(), script=""),
        }
        return HttpResponse(PAGE.render(context, request._request))
