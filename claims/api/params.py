"""Query parameters that accept exactly what the OpenAPI schema says they accept.

Each field here carries its own JSON schema, so the documentation and the validation cannot
drift apart: a value the schema allows is accepted, anything else is a 400 naming the parameter.
That is what lets schemathesis check both directions (valid input accepted, invalid rejected).
An empty value (`?page_size=`) counts as given, so it must be valid too; only free text may be
empty, meaning "no filter".
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Largest primary key a 64-bit column holds; larger values would overflow SQLite's integers.
MAX_ID = 2**63 - 1
SLUG_PATTERN = r"^[-a-zA-Z0-9_]+$"
LANGUAGE_PATTERN = r"^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$"
# RFC 3339 date-time, as OpenAPI's `format: date-time` means it.
RFC3339 = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})"
)
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
DIGITS = re.compile(r"[0-9]+")

UTC_MIN = datetime.datetime.min.replace(tzinfo=datetime.UTC)
UTC_MAX = datetime.datetime.max.replace(tzinfo=datetime.UTC)


def as_utc(value: datetime.datetime) -> datetime.datetime:
    """In UTC; a time at the very ends of the calendar is clamped instead of overflowing
    (0001-01-01T00:00:00+01:00 would be in year 0)."""
    try:
        return value.astimezone(datetime.UTC)
    except OverflowError:
        return UTC_MIN if value.year == 1 else UTC_MAX


class StrictField(forms.Field):
    """A parameter that, once given, must be valid: an empty value is an error, not 'no filter'."""

    schema: dict[str, Any] = {"type": "string"}

    def __init__(self, **kwargs: Any):
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def clean(self, value: Any) -> Any:
        if value is None:  # not given
            return None
        if value == "":
            raise ValidationError(_("Give a value, or leave the parameter out."), code="empty")
        return super().clean(value)

    def openapi(self) -> dict[str, Any]:
        return dict(self.schema)


class IntegerParam(StrictField):
    def __init__(self, *, min_value: int = 1, max_value: int = MAX_ID, **kwargs):
        self.min_value, self.max_value = min_value, max_value
        super().__init__(**kwargs)

    def to_python(self, value: str) -> int:
        if not DIGITS.fullmatch(value):
            raise ValidationError(_("Give a whole number."), code="invalid")
        number = int(value)
        if not self.min_value <= number <= self.max_value:
            raise ValidationError(
                _("Give a number from %(min)d to %(max)d.")
                % {"min": self.min_value, "max": self.max_value},
                code="range",
            )
        return number

    def openapi(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": self.min_value, "maximum": self.max_value}


class DateParam(StrictField):
    """A calendar date, YYYY-MM-DD."""

    schema = {"type": "string", "format": "date"}

    def to_python(self, value: str) -> datetime.date:
        try:
            if not DATE.fullmatch(value):
                raise ValueError
            return datetime.date.fromisoformat(value)
        except ValueError:
            raise ValidationError(_("Give a date as YYYY-MM-DD."), code="invalid") from None


class DateTimeParam(StrictField):
    """An RFC 3339 date-time with its offset (2024-04-25T10:00:00Z), returned in UTC."""

    schema = {"type": "string", "format": "date-time"}

    def to_python(self, value: str) -> datetime.datetime:
        try:
            if not RFC3339.fullmatch(value):
                raise ValueError
            parsed = datetime.datetime.fromisoformat(value.upper().replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(
                _("Give a date and time as in 2024-04-25T10:00:00Z."), code="invalid"
            ) from None
        return as_utc(parsed)


class ChoiceParam(StrictField):
    def __init__(self, *, values: list[str], **kwargs):
        self.choices = list(values)
        super().__init__(**kwargs)

    def to_python(self, value: str) -> str:
        if value not in self.choices:
            raise ValidationError(
                _("Choose one of: %(choices)s.") % {"choices": ", ".join(self.choices)},
                code="invalid_choice",
            )
        return value

    def openapi(self) -> dict[str, Any]:
        return {"type": "string", "enum": self.choices}


class PatternParam(StrictField):
    """A short code such as a slug or a language tag."""

    def __init__(self, *, pattern: str, max_length: int = 100, **kwargs):
        self.pattern, self.max_length = pattern, max_length
        self._regex = re.compile(pattern)
        super().__init__(**kwargs)

    def to_python(self, value: str) -> str:
        # `match` with ^...$ is how the schema's pattern reads, trailing newline included.
        if len(value) > self.max_length or not self._regex.match(value):
            raise ValidationError(_("This is not a valid value here."), code="invalid")
        return value.rstrip("\n")

    def openapi(self) -> dict[str, Any]:
        return {"type": "string", "pattern": self.pattern, "maxLength": self.max_length}


class TextParam(forms.Field):
    """Free text. Empty means no filter; NUL characters are dropped (PostgreSQL refuses them
    in a string, and they carry no meaning in a search)."""

    def __init__(self, *, max_length: int = 200, **kwargs):
        self.max_length = max_length
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def to_python(self, value: str | None) -> str:
        if value is None:
            return ""
        # Measured as given, as the schema's maxLength is.
        if len(value) > self.max_length:
            raise ValidationError(
                _("Give at most %(n)d characters.") % {"n": self.max_length}, code="max_length"
            )
        return value.replace("\x00", "").strip()

    def openapi(self) -> dict[str, Any]:
        return {"type": "string", "maxLength": self.max_length}
