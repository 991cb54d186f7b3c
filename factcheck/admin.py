"""The desk's admin site: Django's, with a home per person as its index.

What the home shows, and which tables are internal, is the desk's to say (claims/admin/home.py
plugs it in, as claims/admin sets the site's titles); this class only gives those a place.
"""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext_lazy as _


class DeskAdminSite(admin.AdminSite):
    index_template = "admin/desk_home.html"
    # request -> the home's context (its lists), set by the desk's admin package.
    home: Callable | None = None
    # "app_label.model_name" of tables kept off the home: the audit log and other rows that
    # only services write. Superusers reach them under "All tables".
    internal_models: frozenset[str] = frozenset()

    def get_urls(self):
        return [
            path("tables/", self.admin_view(self.all_tables), name="all_tables"),
            *super().get_urls(),
        ]

    def each_context(self, request):
        context = super().each_context(request)
        # The navigation beside every page lists what the home lists.
        context["available_apps"] = self.without_internal(context["available_apps"])
        return context

    def main_app_list(self, request) -> list[dict]:
        return self.without_internal(self.get_app_list(request))

    def without_internal(self, app_list: list[dict]) -> list[dict]:
        apps = []
        for app in app_list:
            models = [
                model
                for model in app["models"]
                if f"{app['app_label']}.{model['object_name'].lower()}" not in self.internal_models
            ]
            if models:
                apps.append({**app, "models": models})
        return apps

    def index(self, request, extra_context=None):
        context = {
            "app_list": self.main_app_list(request),
            "show_all_tables": request.user.is_superuser,
            **(self.home(request) if self.home else {}),
            **(extra_context or {}),
        }
        return super().index(request, context)

    def all_tables(self, request):
        if not request.user.is_superuser:
            raise PermissionDenied
        context = {
            **self.each_context(request),
            "title": _("All tables"),
            "subtitle": None,
            "app_list": self.get_app_list(request),
        }
        request.current_app = self.name
        return TemplateResponse(request, "admin/index.html", context)
