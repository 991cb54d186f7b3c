"""The data every desk starts with: the default rating scale and the newsroom's role groups.

Migrations 0002 and 0004 create them; `ensure_defaults` puts them back where a test flushed
the database. Each function takes an app registry (a migration's, or the real one).
"""

from __future__ import annotations

DEFAULT_SCALE = {
    "name": "Standard",
    "slug": "standard",
    "description": "Five verdicts from False to True, plus ratings for claims that could not be "
    "rated. Higher values are truer.",
}

# (label, slug, value, colour, description); value None = not a verdict.
DEFAULT_RATINGS = [
    ("False", "false", 1, "#b91c1c", "The claim is not accurate."),
    ("Mostly false", "mostly-false", 2, "#c2410c", "The claim contains an element of truth but "
     "ignores facts that would give a different impression."),
    ("Half true", "half-true", 3, "#a16207", "The claim is partly accurate but leaves out "
     "important details or takes things out of context."),
    ("Mostly true", "mostly-true", 4, "#4d7c0f", "The claim is accurate but needs clarification "
     "or additional information."),
    ("True", "true", 5, "#15803d", "The claim is accurate and nothing significant is missing."),
    ("Unverifiable", "unverifiable", None, "#4b5563", "The available evidence can neither prove "
     "nor disprove the claim."),
    ("Not a claim", "not-a-claim", None, "#6b7280", "On inspection the statement is an opinion, "
     "a prediction or a question, not a checkable claim."),
]  # fmt: skip

EVERYTHING = [
    "source", "speaker", "statement", "topic", "claim", "evidence", "ratingscale", "rating",
    "review", "signoff", "publicationentry", "claimevent",
]  # fmt: skip

# The outlets' feeds and their items (claims.monitoring): editors manage the feeds.
MONITORING = ["monitoring.feed", "monitoring.feeditem"]
READERS = ["feedback.readermessage", "feedback.deskprofile"]

# Other fact-checkers' verdicts (claims.external): everyone sees them; `add` is the import.
EXTERNAL = ["external.externalfactcheck"]

# What each role may open in the admin. The workflow steps a role may take are decided by
# claims.enums.TRANSITIONS, not by these permissions.
ROLE_PERMISSIONS = {
    "Editor": {
        "view": [*EVERYTHING, "suggestiondecision", "alert", "importbatch", "jobs.job",
                 *MONITORING, *READERS, *EXTERNAL],
        "retry": ["jobs.job"],
        "add": ["source", "speaker", "statement", "topic", "claim", "evidence", "rating",
                "ratingscale", "monitoring.feed", *EXTERNAL],
        "change": ["source", "speaker", "statement", "topic", "claim", "evidence", "rating",
                   "ratingscale", "alert", "monitoring.feed", *READERS],
        "delete": ["source", "speaker", "statement", "topic", "claim", "evidence",
                   "monitoring.feed"],
    },
    "Fact-checker": {
        "view": [*EVERYTHING, "suggestiondecision", "alert", "importbatch", "jobs.job",
                 *MONITORING, "feedback.readermessage", *EXTERNAL],
        "add": ["source", "speaker", "evidence", "review"],
        "change": ["source", "speaker", "claim", "evidence", "review"],
        "delete": ["evidence"],
    },
    "Reviewer": {
        "view": [*EVERYTHING, "suggestiondecision", "alert", "feedback.readermessage",
                 *EXTERNAL],
        "add": ["signoff"],
        "change": [],
        "delete": [],
    },
}  # fmt: skip


def create_default_scale(apps) -> None:
    RatingScale = apps.get_model("claims", "RatingScale")
    Rating = apps.get_model("claims", "Rating")
    scale, _ = RatingScale.objects.get_or_create(
        slug=DEFAULT_SCALE["slug"],
        defaults={
            **DEFAULT_SCALE,
            "is_default": not RatingScale.objects.filter(is_default=True).exists(),
        },
    )
    for label, slug, value, colour, description in DEFAULT_RATINGS:
        Rating.objects.get_or_create(
            scale=scale,
            slug=slug,
            defaults={
                "label": label,
                "value": value,
                "colour": colour,
                "description": description,
                "is_verdict": value is not None,
            },
        )


def create_roles(apps) -> None:
    """The role groups with their permissions, for the models that exist in `apps` (a
    migration sees the models as they were at its point in history). A model is named by
    itself in the claims app, or as `app.model` in another (`jobs.job`)."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    labels = {"claims"} | {
        name.split(".")[0]
        for grants in ROLE_PERMISSIONS.values()
        for names in grants.values()
        for name in names
        if "." in name
    }
    known = {
        (model._meta.app_label, model._meta.model_name)
        for label in labels
        if label in {config.label for config in apps.get_app_configs()}
        for model in apps.get_app_config(label).get_models()
    }
    for role, grants in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        wanted = {
            (app, f"{action}_{name}")
            for action, models in grants.items()
            for app, name in (m.split(".") if "." in m else ("claims", m) for m in models)
            if (app, name) in known
        }
        permissions = [
            permission
            for app in {app for app, _ in wanted}
            for permission in Permission.objects.filter(
                content_type__app_label=app,
                codename__in=[codename for label, codename in wanted if label == app],
            )
        ]
        missing = wanted - {(p.content_type.app_label, p.codename) for p in permissions}
        if missing:
            raise RuntimeError(f"Permissions not found for {role}: {sorted(missing)}")
        group.permissions.add(*permissions)


def create_permissions_in_migration(apps) -> None:
    """Permissions are normally created after `migrate`; a data migration needs them now."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def ensure_defaults() -> None:
    """Put the defaults back after a flush (idempotent), using the real app registry."""
    from django.apps import apps
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    create_default_scale(apps)
    create_roles(apps)
