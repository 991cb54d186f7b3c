from django.urls import path

from . import feeds, views
from .cache import cache_public_page as cached

app_name = "claims"

# Every public page is served from the page cache (claims/public/cache.py) until the public
# record changes.
urlpatterns = [
    path("", cached(views.home), name="home"),
    path("claims/", cached(views.claim_list), name="list"),
    path("claims/<slug:slug>/", cached(views.claim_detail), name="detail"),
    path("speakers/<slug:slug>/", cached(views.speaker_detail), name="speaker"),
    path("sources/<int:pk>/", cached(views.source_detail), name="source"),
    path("corrections/", cached(views.corrections), name="corrections"),
    path("methodology/", cached(views.methodology), name="methodology"),
    path("ratings.css", cached(views.rating_styles), name="rating_styles"),
    path("feeds/verdicts/", cached(feeds.VerdictsFeed()), name="feed_verdicts"),
    path("feeds/verdicts/atom/", cached(feeds.VerdictsAtomFeed()), name="feed_verdicts_atom"),
    path("feeds/corrections/", cached(feeds.CorrectionsFeed()), name="feed_corrections"),
    path(
        "feeds/corrections/atom/", cached(feeds.CorrectionsAtomFeed()), name="feed_corrections_atom"
    ),
]
