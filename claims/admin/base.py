"""Admin building blocks shared by the desk's pages."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import InlineForeignKeyField
from simple_history.admin import SimpleHistoryAdmin

from ..public_record import frozen_field_names
from ..roles import has_role


def excerpt(text: str, length: int = 90) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class RoleGatedAddMixin:
    """Offers "add" only to users whose role the matching service accepts, so the admin never
    shows a form whose save the rules would refuse."""

    add_roles: tuple[str, ...] = ()

    def has_add_permission(self, request, *obj) -> bool:  # an inline's takes the object
        return super().has_add_permission(request, *obj) and has_role(request.user, *self.add_roles)


class TolerantAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete widget, except that a value that is no id of the related model
    (typed into a request by hand) is left out of the form that reports the error, instead of
    crashing the page while it looks the value up."""

    def optgroups(self, name, value, attr=None):
        target = self.field.remote_field.model._meta.get_field(self.field.remote_field.field_name)
        ids = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            ids.append(item)
        return super().optgroups(name, ids, attr)


class TolerantAutocompleteMixin:
    """For admins and inlines with `autocomplete_fields`: uses TolerantAutocompleteSelect."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = TolerantAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class PublicRecordInlineForm(forms.ModelForm):
    """Shows the frozen fields of a row in the public record as disabled, so the page says
    what cannot change; the model's `clean()` and the database refuse it all the same."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.row_is_public_record():
            for name in frozen_field_names(type(self.instance)):
                field = self.fields.get(name)
                # The link to the page's own object is the formset's to set.
                if field is not None and not isinstance(field, InlineForeignKeyField):
                    field.disabled = True

    def row_is_public_record(self) -> bool:
        """Whether the row, as just read, is frozen; inlines answer from what they already
        read, so that a page does not spend a query per row on it."""
        return self.instance.is_public_record


def frozen_readonly_fields(obj, fields) -> list[str]:
    """A change page's read-only fields, with the frozen ones once `obj` is public record."""
    fields = list(fields)
    if obj is not None and obj.is_public_record:
        fields += [name for name in frozen_field_names(type(obj)) if name not in fields]
    return fields


class ServiceInlinesMixin:
    """Routes objects added in an inline through a service (which checks the rules and writes
    the audit event) instead of a bare save. `inline_creators` maps a model to a function
    (request, new object, parent object) that creates it."""

    inline_creators: dict = {}

    def save_formset(self, request, form, formset, change):
        create = self.inline_creators.get(formset.model)
        if create is None:
            return super().save_formset(request, form, formset, change)
        for obj in formset.save(commit=False):
            if obj.pk is None:
                create(request, obj, form.instance)
            else:
                obj.save()
        for obj in formset.deleted_objects:
            obj.delete()


class HistoryAdmin(SimpleHistoryAdmin):
    """Field-level history (who changed what, when) without "revert": restoring an old row
    would also restore its status behind the workflow's back."""

    def revert_disabled(self, request, obj=None) -> bool:
        return True

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method == "POST":
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)


def _refused(self, request, obj=None) -> bool:
    return False


class ReadOnlyAdmin(admin.ModelAdmin):
    """For records written only by services: the audit log and the public record."""

    has_add_permission = has_change_permission = has_delete_permission = _refused


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False
    show_change_link = True
    has_add_permission = has_change_permission = _refused
