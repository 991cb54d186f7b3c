from django.apps import AppConfig


class ExternalConfig(AppConfig):
    """Other fact-checkers' published verdicts (`claims.external`), read from their ClaimReview
    markup: an app of its own, so that their table stays apart from the desk's own claims and
    verdicts, which it never changes."""

    name = "claims.external"
    label = "external"
    verbose_name = "External fact-checks"
