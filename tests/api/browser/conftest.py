"""The API's browser tests use the project's Chromium set-up (tests/browser/conftest.py)."""

from tests.browser.conftest import browser_type_launch_args  # noqa: F401
