from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("claims.urls")),
    # Until the home page exists, the front door leads to the published claims.
    path("", RedirectView.as_view(pattern_name="claims:list", permanent=False)),
]
