"""The background jobs of the database queue: queued, running, failed with their error, done;
and a way to queue a failed job again, for those allowed to (`jobs.retry_job`).

django-tasks-db's own admin already lists the rows read-only with their traceback; this one
builds on it under the desk's name, adds the state in words (waiting for a retry, tries so far),
the one-line error, and the retry. Only the database queue is listed: RQ has its own dashboard.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from django_tasks_db.admin import DBTaskResultAdmin
from django_tasks_db.models import DBTaskResult

from ..jobs import error_line
from ..jobs import queue as job_queue
from ..jobs.models import Job, Worker
from .capped_count import CappedCountPaginator

# One list of jobs in the admin, the desk's.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)


def job_state(job: Job) -> str:
    """The job's status in words, with a retry's wait."""
    if job.status == "READY" and job.worker_ids:
        if job.run_after > timezone.now():
            return gettext("waiting to try again at %(time)s") % {
                "time": date_format(timezone.localtime(job.run_after), "TIME_FORMAT")
            }
        return gettext("queued again")
    return str(job.get_status_display()).lower()


@admin.register(Job)
class JobAdmin(DBTaskResultAdmin):
    list_display = [
        "short_id",
        "task_name",
        "state",
        "tries",
        "error",
        "enqueued_at",
        "started_at",
        "finished_at",
    ]
    list_filter = ["status", "queue_name"]
    search_fields = ["task_path", "=id"]
    search_help_text = _("The job's task (import_url, ...) or its whole id.")
    ordering = ["-enqueued_at"]
    paginator = CappedCountPaginator
    show_full_result_count = False
    actions = ["retry_selected"]
    change_form_template = "admin/jobs/job/change_form.html"

    def has_retry_permission(self, request: HttpRequest) -> bool:
        return request.user.has_perm("jobs.retry_job")

    @admin.display(description=_("job"))
    def short_id(self, obj: Job) -> str:
        return str(obj.pk)[:8]

    @admin.display(description=_("state"), ordering="status")
    def state(self, obj: Job) -> str:
        return job_state(obj)

    @admin.display(description=_("tries"))
    def tries(self, obj: Job) -> int:
        return len(obj.worker_ids)

    @admin.display(description=_("error"))
    def error(self, obj: Job) -> str:
        if not obj.traceback:
            return ""
        return error_line(obj.exception_class_path, obj.traceback)

    @admin.action(description=_("Queue the selected failed jobs again"), permissions=["retry"])
    def retry_selected(self, request: HttpRequest, queryset) -> None:
        queued = sum(job_queue.retry(job) for job in queryset.filter(status="FAILED"))
        skipped = queryset.count() - queued
        self.message_user(
            request,
            ngettext("%(count)d job queued again.", "%(count)d jobs queued again.", queued)
            % {"count": queued},
            messages.SUCCESS if queued else messages.WARNING,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d job was not failed, and was left as it was.",
                    "%(count)d jobs were not failed, and were left as they were.",
                    skipped,
                )
                % {"count": skipped},
                messages.WARNING,
            )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/retry/",
                self.admin_site.admin_view(require_POST(self.retry_view)),
                name="jobs_job_retry",
            ),
            *super().get_urls(),
        ]

    def retry_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        if not self.has_retry_permission(request):
            raise PermissionDenied
        job = get_object_or_404(Job, pk=object_id)
        if job_queue.retry(job):
            self.message_user(request, gettext("The job was queued again."), messages.SUCCESS)
        else:
            self.message_user(
                request, gettext("Only a failed job can be queued again."), messages.WARNING
            )
        return HttpResponseRedirect(reverse("admin:jobs_job_change", args=[job.pk]))

    def render_change_form(self, request, context, *args, obj=None, **kwargs):
        context["can_retry"] = (
            obj is not None and obj.status == "FAILED" and self.has_retry_permission(request)
        )
        return super().render_change_form(request, context, *args, obj=obj, **kwargs)


@admin.register(Worker)
class WorkerAdmin(admin.ModelAdmin):
    """The workers that have said they are alive (`manage.py worker`), newest first."""

    list_display = ["worker_id", "hostname", "pid", "started_at", "seen_at"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return False
