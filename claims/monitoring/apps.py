from django.apps import AppConfig


class MonitoringConfig(AppConfig):
    """Watching outlets (`claims.monitoring`): their RSS and Atom feeds, polled by the workers,
    each new article imported once. An app of its own, so its tables stay apart from the
    claims domain."""

    name = "claims.monitoring"
    label = "monitoring"
    verbose_name = "Monitoring"
