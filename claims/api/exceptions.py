"""Every error the API gives has one JSON shape: {"detail": ..., "errors": {parameter: [...]}}."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(error: Exception, context: dict[str, Any]) -> Response | None:
    response = drf_exception_handler(error, context)  # keeps Retry-After, Allow and the status
    if response is None:
        return None
    if isinstance(error, ValidationError):
        errors = response.data if isinstance(response.data, dict) else {"": response.data}
        response.data = {
            "detail": _("Invalid query parameters: %(names)s.") % {"names": ", ".join(errors)},
            "errors": {name: [str(m) for m in messages] for name, messages in errors.items()},
        }
    else:
        response.data = {"detail": str(response.data.get("detail", response.status_text))}
    return response
