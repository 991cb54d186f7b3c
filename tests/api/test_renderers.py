"""The API's JSON renderer (orjson) writes the bytes DRF's own JSONRenderer writes."""

import datetime
import decimal
import uuid
import zoneinfo

import pytest
from django.utils.translation import gettext_lazy
from rest_framework import renderers as drf

from claims.api.renderers import JSONRenderer

PAYLOADS = [
    {"a": 1, "b": [1, -25, 0.5, None, True, False], "c": {"d": "e"}},
    {"when": datetime.datetime(2024, 5, 6, 7, 8, 9, 123456, tzinfo=datetime.UTC)},
    {
        "when": datetime.datetime(
            2024, 5, 6, 7, 8, tzinfo=datetime.timezone(datetime.timedelta(hours=2))
        )
    },
    {"naive": datetime.datetime(2024, 5, 6, 7, 8, 9), "day": datetime.date(2024, 5, 6)},
    # The API's builders leave dates as objects: every form the databases give, and extremes.
    {"whole second": datetime.datetime(2024, 5, 6, 7, 8, 9, tzinfo=datetime.UTC)},
    {"zoneinfo": datetime.datetime(2024, 5, 6, 7, 8, 9, 5, tzinfo=zoneinfo.ZoneInfo("UTC"))},
    {"berlin": datetime.datetime(2024, 7, 6, 7, 8, 9, tzinfo=zoneinfo.ZoneInfo("Europe/Berlin"))},
    {"early": datetime.datetime(1, 1, 1, tzinfo=datetime.UTC), "first": datetime.date(1, 1, 1)},
    {"late": datetime.datetime.max.replace(tzinfo=datetime.UTC), "none": None},
    {"time": datetime.time(7, 8, 9, 10)},
    {"decimal": decimal.Decimal("1.25"), "uuid": uuid.UUID(int=7)},
    {"lazy": gettext_lazy("Published claims"), "tuple": (1, 2), "set": {3}},
    {"text": "Zürich, “quoted”, emoji 🙂, line\u2028and paragraph\u2029 separators, </script>"},
    {"control": "tab\tnew\nline\x00nul\x1f", "slash": "a/b", "quote": 'say "so"'},
    {1: "int key", "big": 2**70},
    [],
    "plain string",
]


@pytest.mark.parametrize("data", PAYLOADS)
def test_the_same_bytes_as_drf(data):
    assert JSONRenderer().render(data) == drf.JSONRenderer().render(data)


def test_indented_output_when_asked_for():
    data = {"a": [1, {"b": 2}]}
    media_type = "application/json; indent=2"
    assert JSONRenderer().render(data, media_type) == drf.JSONRenderer().render(data, media_type)
    assert b'\n  "a"' in JSONRenderer().render(data, media_type)


def test_what_drf_refuses_is_refused():
    aware_time = datetime.time(7, 8, tzinfo=datetime.UTC)
    for renderer in (JSONRenderer(), drf.JSONRenderer()):
        with pytest.raises(ValueError):
            renderer.render({"t": aware_time})
        with pytest.raises(TypeError):
            renderer.render({"o": object()})


def test_a_page_of_the_api_is_rendered_as_drf_would(client, publish):
    for n in range(3):
        publish(topic=f"topic-{n}")
    answer = client.get("/api/v1/claims/")
    assert answer.status_code == 200
    assert answer.content == drf.JSONRenderer().render(answer.json())
