from django.urls import path

from . import feeds, views

app_name = "claims"

urlpatterns = [
    path("", views.home, name="home"),
    path("claims/", views.claim_list, name="list"),
    path("claims/<slug:slug>/", views.claim_detail, name="detail"),
    path("speakers/<slug:slug>/", views.speaker_detail, name="speaker"),
    path("sources/<int:pk>/", views.source_detail, name="source"),
    path("corrections/", views.corrections, name="corrections"),
    path("methodology/", views.methodology, name="methodology"),
    path("feeds/verdicts/", feeds.VerdictsFeed(), name="feed_verdicts"),
    path("feeds/verdicts/atom/", feeds.VerdictsAtomFeed(), name="feed_verdicts_atom"),
    path("feeds/corrections/", feeds.CorrectionsFeed(), name="feed_corrections"),
    path("feeds/corrections/atom/", feeds.CorrectionsAtomFeed(), name="feed_corrections_atom"),
]
