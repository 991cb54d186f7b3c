"""The editors', fact-checkers' and reviewers' desk in the Django admin.

Writes with rules go through `claims.services`, so the admin obeys the same rules and writes
the same audit events as everything else; statuses are read-only in every form and change only
through the workflow buttons on a claim's page (`workflow.py`).
"""

from django.conf import settings
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from . import alerts, claims, feedback, home, jobs, records, reviews, sources  # noqa: F401  (each module registers its admins)

admin.site.site_header = settings.FACTCHECK_ORGANIZATION
admin.site.site_title = _("Fact-check desk")
admin.site.index_title = _("The desk")
home.plug_into(admin.site)
