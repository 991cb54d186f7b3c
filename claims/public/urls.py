from django.urls import path

from . import cards, feedback, feeds, views
from .cache import cache_public_page as cached

app_name = "claims"

# Every public page is served from the page cache (claims/public/cache.py) until the public
# record changes.
urlpatterns = [
    path("", cached(views.home), name="home"),
    path("claims/", cached(views.claim_list), name="list"),
    path("claims/<slug:slug>/", cached(views.claim_detail), name="detail"),
    # Share cards (og:image), drawn once per version of what they show (claims/public/cards.py).
    path("claims/<slug:slug>/card.png", cached(cards.claim_card), name="claim_card"),
    path("card.png", cached(cards.site_card), name="site_card"),
    path("speakers/<slug:slug>/", cached(views.speaker_detail), name="speaker"),
    path("sources/<int:pk>/", cached(views.source_detail), name="source"),
    path("corrections/", cached(views.corrections), name="corrections"),
    path("methodology/", cached(views.methodology), name="methodology"),
    path("about/", cached(feedback.about), name="about"),
    # Forms carry a CSRF token and a signed time: never cached.
    path("contact/suggest/", feedback.suggest_claim, name="suggest_claim"),
    path("contact/error/", feedback.report_error_anywhere, name="report_error_anywhere"),
    path("claims/<slug:slug>/report/", feedback.report_error, name="report_error"),
    path("contact/thanks/", cached(feedback.contact_thanks), name="contact_thanks"),
    path("ratings.css", cached(views.rating_styles), name="rating_styles"),
    path("feeds/verdicts/", cached(feeds.VerdictsFeed()), name="feed_verdicts"),
    path("feeds/verdicts/atom/", cached(feeds.VerdictsAtomFeed()), name="feed_verdicts_atom"),
    path("feeds/corrections/", cached(feeds.CorrectionsFeed()), name="feed_corrections"),
    path(
        "feeds/corrections/atom/", cached(feeds.CorrectionsAtomFeed()), name="feed_corrections_atom"
    ),
]
