from django.apps import AppConfig
from django.db import connections
from django.db.models.signals import post_migrate


def _reinstall_triggers(using: str, **kwargs) -> None:
    # SQLite drops triggers when a migration rebuilds a table; put them back every time.
    from .db.fulltext import install_search_index
    from .db.triggers import install_triggers

    install_triggers(connections[using])
    install_search_index(connections[using])


class ClaimsConfig(AppConfig):
    name = "claims"
    verbose_name = "Fact-check desk"

    def ready(self) -> None:
        from .public.cache import connect_invalidation

        post_migrate.connect(_reinstall_triggers, sender=self, dispatch_uid="claims_triggers")
        connect_invalidation()
