"""/api/v1/ (the resources), /api/schema/ (OpenAPI 3) and /api/docs/ (Swagger UI, no CDN)."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from . import views

app_name = "api"

LIST = {"get": "list"}
DETAIL = {"get": "retrieve"}

urlpatterns = [
    path("v1/claims/", views.ClaimViewSet.as_view(LIST), name="claim-list"),
    # Google Fact Check Tools' path, so its clients only change the base URL.
    path("v1/claims:search", views.FactCheckSearchViewSet.as_view(LIST), name="claims-search"),
    path("v1/claims/<slug:slug>/", views.ClaimViewSet.as_view(DETAIL), name="claim-detail"),
    path("v1/speakers/", views.SpeakerViewSet.as_view(LIST), name="speaker-list"),
    path("v1/speakers/<slug:slug>/", views.SpeakerViewSet.as_view(DETAIL), name="speaker-detail"),
    path("v1/sources/", views.SourceViewSet.as_view(LIST), name="source-list"),
    path("v1/sources/<int:pk>/", views.SourceViewSet.as_view(DETAIL), name="source-detail"),
    path("v1/ratings/", views.RatingViewSet.as_view(LIST), name="rating-list"),
    path("v1/corrections/", views.CorrectionViewSet.as_view(LIST), name="correction-list"),
    path("v1/claimreview/", views.ClaimReviewFeedViewSet.as_view(LIST), name="claimreview"),
    path(
        "v1/external-fact-checks/",
        views.ExternalFactCheckViewSet.as_view(LIST),
        name="external-fact-check-list",
    ),
    path(
        "v1/external-fact-checks/<int:pk>/",
        views.ExternalFactCheckViewSet.as_view(DETAIL),
        name="external-fact-check-detail",
    ),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # A page of our own: drf-spectacular's has an inline style, which the site's CSP refuses.
    path(
        "docs/",
        SpectacularSwaggerSplitView.as_view(
            url_name="api:schema", template_name="claims/api_docs.html"
        ),
        name="docs",
    ),
    re_path(r"^.*$", views.not_found),
]
