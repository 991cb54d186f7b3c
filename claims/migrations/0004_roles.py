"""The newsroom's roles as groups, with the model permissions each needs in the admin.

What a role may *do* to a claim's status is decided by `claims.enums.TRANSITIONS`; these
permissions only open the admin pages. Both live in `claims.defaults`.
"""

from django.db import migrations

from claims.defaults import ROLE_PERMISSIONS, create_permissions_in_migration, create_roles


def forwards(apps, schema_editor):
    create_permissions_in_migration(apps)
    create_roles(apps)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLE_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0003_integrity_triggers"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, remove_roles)]
