from django.apps import AppConfig


class MatchingConfig(AppConfig):
    """Matching by meaning (`claims.matching`): an app of its own, so that its table (each
    claim's vector) and its index file stay apart from the claims domain, which it only
    watches."""

    name = "claims.matching"
    label = "matching"
    verbose_name = "Matching by meaning"

    def ready(self) -> None:
        from django.db.models.signals import post_delete, post_migrate, post_save

        from . import pgvector
        from .signals import claim_deleted, claim_saved

        # The database's own vector index when the server has pgvector (never required).
        post_migrate.connect(pgvector.install, sender=self, dispatch_uid="matching_pgvector")
        post_save.connect(claim_saved, sender="claims.Claim", dispatch_uid="matching_claim_saved")
        post_delete.connect(
            claim_deleted, sender="claims.Claim", dispatch_uid="matching_claim_deleted"
        )
