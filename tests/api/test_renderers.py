"""The JSON renderer writes what DRF's own renderer writes, through orjson."""

from __future__ import annotations

import datetime
import decimal
import uuid

import pytest
from django.utils.translation import gettext_lazy
from rest_framework import renderers
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.test import APIRequestFactory

from api.errors import ContentNegotiation
from api.renderers import JSONRenderer
from api.streaming import CSVRenderer, NDJSONRenderer

VALUES = [
    pytest.param({"text": "Le président a dit « non » — 😀", "n": 3, "x": 0.25, "ok": True, "none": None}, id="text"),
    pytest.param({"when": datetime.datetime(2026, 3, 1, 12, 30, 5, 123456, tzinfo=datetime.UTC)}, id="utc-datetime"),
    pytest.param(
        {"when": datetime.datetime(2026, 3, 1, 12, 30, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))},
        id="offset-datetime",
    ),
    pytest.param({"day": datetime.date(2026, 3, 1), "at": datetime.time(9, 5)}, id="date-and-time"),
    pytest.param({"message": gettext_lazy("This field is required.")}, id="lazy-translation"),
    pytest.param({"amount": decimal.Decimal("1.5"), "key": uuid.UUID(int=7)}, id="decimal-and-uuid"),
    pytest.param({1: "integer key", "nested": [{"a": [1, 2, {"b": None}]}]}, id="integer-key-nested"),
    pytest.param({"js": "line\u2028separator\u2029paragraph"}, id="javascript-line-separators"),
    pytest.param({"big": 2**70}, id="integer-past-64-bits"),
]


@pytest.mark.parametrize("data", VALUES)
def test_json_is_byte_for_byte_what_drf_writes(data):
    assert JSONRenderer().render(data, "application/json") == renderers.JSONRenderer().render(data, "application/json")


def test_an_indented_rendering_asked_in_the_accept_header_is_drf_s():
    data = {"a": [1, 2]}
    rendered = JSONRenderer().render(data, "application/json; indent=2")
    assert rendered == renderers.JSONRenderer().render(data, "application/json; indent=2")
    assert b"\n  " in rendered


def test_nothing_renders_as_an_empty_body():
    assert JSONRenderer().render(None) == b""


def test_the_api_answers_with_this_renderer(client, db):
    response = client.get("/api/v1/claims/", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert isinstance(response.accepted_renderer, JSONRenderer)


@pytest.mark.parametrize(
    "accept",
    [
        "application/json",
        "text/html",
        "text/csv",
        "application/x-ndjson",
        "application/json; indent=2",
        "text/html,application/xhtml+xml,*/*;q=0.8",
        "*/*",
        "",
        "APPLICATION/JSON",
    ],
)
def test_content_negotiation_picks_what_drf_picks(accept):
    renderer_classes = [JSONRenderer, renderers.BrowsableAPIRenderer, CSVRenderer, NDJSONRenderer]
    request = Request(APIRequestFactory().get("/api/v1/claims/", HTTP_ACCEPT=accept))

    def choice(negotiation):
        try:
            renderer, media_type = negotiation.select_renderer(request, [cls() for cls in renderer_classes])
        except NotAcceptable:
            return "406"
        return type(renderer), media_type

    assert choice(ContentNegotiation()) == choice(DefaultContentNegotiation())
