"""The API's JSON, written by orjson: the bytes DRF's JSONRenderer writes, several times
sooner than the standard library's encoder (a page of 50 claims is some 130 kB).

Dates, times and datetimes orjson writes as DRF's encoder does, ISO 8601 with UTC as "Z"
(OPT_UTC_Z; microseconds when there are any), so the claims list leaves them as objects.
What orjson would write differently goes to DRF's own encoder or renderer: any type orjson
does not know (Decimal, lazy translations) through `default`; indented output, asked for in
the Accept header, integers too large for 64 bits and keys that are not strings through DRF's
renderer (orjson's option for such keys slows every dict down). Like DRF's, the output escapes
U+2028 and U+2029, which JavaScript once did not accept in string literals.

One difference remains, in floats, which no field of the API has: orjson writes the shortest
form (1e-7 where the standard library writes 1e-07) and NaN as null where DRF refuses it.
"""

from __future__ import annotations

import re
from typing import Any

import orjson
from rest_framework import renderers
from rest_framework.utils.encoders import JSONEncoder

_OPTIONS = orjson.OPT_UTC_Z


class JSONRenderer(renderers.JSONRenderer):
    def render(
        self,
        data: Any,
        accepted_media_type: str | None = None,
        renderer_context: dict[str, Any] | None = None,
    ) -> bytes:
        if (
            data is None
            or self.get_indent(accepted_media_type, renderer_context or {}) is not None
            or self.encoder_class is not JSONEncoder
            or not (self.compact and not self.ensure_ascii and self.strict)
        ):
            return super().render(data, accepted_media_type, renderer_context)
        try:
            body = orjson.dumps(data, default=_DRF_ENCODER.default, option=_OPTIONS)
        except (orjson.JSONEncodeError, TypeError):
            return super().render(data, accepted_media_type, renderer_context)
        # One pass of a regular expression finds both, or, as nearly always, neither: then the
        # body is not copied.
        if _LINE_SEPARATORS.search(body):
            body = _LINE_SEPARATORS.sub(_escaped_separator, body)
        return body


_DRF_ENCODER = JSONEncoder()
_LINE_SEPARATORS = re.compile(b"\xe2\x80[\xa8\xa9]")  # U+2028, U+2029 in UTF-8


def _escaped_separator(match: re.Match[bytes]) -> bytes:
    return b"\\u2028" if match.group() == b"\xe2\x80\xa8" else b"\\u2029"
