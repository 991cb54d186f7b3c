from django.urls import path

from . import views

app_name = "claims"

urlpatterns = [
    path("claims/", views.claim_list, name="list"),
    path("claims/<slug:slug>/", views.claim_detail, name="detail"),
]
