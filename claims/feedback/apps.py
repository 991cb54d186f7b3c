from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    """Readers' messages and the desk's About page (`claims.feedback`): an app of its own, so
    that what the public sends stays apart from the claims domain."""

    name = "claims.feedback"
    label = "feedback"
    verbose_name = "Readers"
