from django.contrib.admin.apps import AdminConfig


class DeskAdminConfig(AdminConfig):
    """Django's admin, with the desk's site as `admin.site` (Django's documented way to
    replace the default site)."""

    default_site = "factcheck.admin.DeskAdminSite"
