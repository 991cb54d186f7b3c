from django.apps import AppConfig


class DiscussionConfig(AppConfig):
    """Comments and notifications (`claims.discussion`): the workflow's steps reach it as
    signals on the rows the services write, so no service has to call it."""

    name = "claims.discussion"
    label = "discussion"
    verbose_name = "Discussion"

    def ready(self) -> None:
        from . import signals

        signals.connect()
