from django.apps import AppConfig


class JobsConfig(AppConfig):
    """Background work (`claims.jobs`): an app of its own, so that its tables (the workers'
    heartbeats, the queue's rows under the desk's name) stay apart from the claims domain."""

    name = "claims.jobs"
    label = "jobs"
    verbose_name = "Background jobs"

    def ready(self) -> None:
        from django.tasks.signals import task_finished

        from .queue import retry_when_worth_it

        task_finished.connect(retry_when_worth_it, dispatch_uid="claims_job_retries")
