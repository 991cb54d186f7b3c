"""The database queue and real worker processes, as the jobs' tests have them."""

from tests.jobs.conftest import database_queue, start_worker  # noqa: F401 (fixtures)
