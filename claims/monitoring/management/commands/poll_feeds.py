"""One round over the outlets' feeds, for cron or a script: queue a poll of every active feed
that is due (the workers run them, each at its host's next free time).

    python manage.py poll_feeds

Workers (`manage.py worker`) already do this every FACTCHECK_FEEDS_POLL_EVERY seconds; see
docs/background-work.md.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from claims.monitoring.tasks import poll_due_feeds


class Command(BaseCommand):
    help = "Queue a poll of every active feed that is due, and print how many."

    def handle(self, *args: Any, **options: Any) -> None:
        feeds = poll_due_feeds.call()["feeds"]
        self.stdout.write(f"{len(feeds)} feed{'' if len(feeds) == 1 else 's'} queued for a poll.")
