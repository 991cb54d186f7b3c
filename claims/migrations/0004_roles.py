"""The newsroom's roles as groups, with the model permissions each needs in the admin.

What a role may *do* to a claim's status is decided by `claims.enums.TRANSITIONS`; these
permissions only open the admin pages. A later change of permissions is a new migration.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EVERYTHING = [
    "source",
    "speaker",
    "statement",
    "topic",
    "claim",
    "evidence",
    "ratingscale",
    "rating",
    "review",
    "signoff",
    "publicationentry",
    "claimevent",
]

ROLE_PERMISSIONS = {
    "Editor": {
        "view": EVERYTHING,
        "add": [
            "source",
            "speaker",
            "statement",
            "topic",
            "claim",
            "evidence",
            "rating",
            "ratingscale",
        ],
        "change": [
            "source",
            "speaker",
            "statement",
            "topic",
            "claim",
            "evidence",
            "rating",
            "ratingscale",
        ],
        "delete": ["source", "speaker", "statement", "topic", "claim", "evidence"],
    },
    "Fact-checker": {
        "view": EVERYTHING,
        "add": ["source", "speaker", "evidence", "review"],
        "change": ["source", "speaker", "claim", "evidence", "review"],
        "delete": ["evidence"],
    },
    "Reviewer": {
        "view": EVERYTHING,
        "add": ["signoff"],
        "change": [],
        "delete": [],
    },
}


def create_roles(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for role, grants in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=role)
        codenames = [f"{action}_{model}" for action, models in grants.items() for model in models]
        permissions = Permission.objects.filter(
            content_type__app_label="claims", codename__in=codenames
        )
        missing = set(codenames) - set(permissions.values_list("codename", flat=True))
        if missing:
            raise RuntimeError(f"Permissions not found for {role}: {sorted(missing)}")
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_integrity_triggers"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
