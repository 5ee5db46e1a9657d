"""The ceiling of a request through our stack: views that answer a filter page's bytes without building it.

``bench/api_load.py`` serves these beside the API, from the same server, settings and middleware, and asks them the
same filter paths: what is left when the database, the filtering, the rows and the rendering cost nothing. Three
views, each a step further into the stack the API uses:

- ``/ceiling/django/?claimant=N``: a plain Django view returning the stored bytes (Django and its middleware alone);
- ``/ceiling/drf/?claimant=N``: the same bytes from a DRF ``APIView`` with the project's DRF settings
  (authentication, permissions, the anonymous throttle, content negotiation);
- ``/ceiling/drf-render/?claimant=N``: the same page's data as a DRF ``Response``, rendered by the API's renderer.

The pages are the API's own responses, read from the file ``BENCH_CEILING_PAGES`` names (a JSON object from each
claimant's id to the body the API gave for ``?status=verified&claimant=<id>``); ``api_load.py`` writes it from the
API server it has just measured. Serve with ``DJANGO_SETTINGS_MODULE=bench.ceiling_settings`` (the project's
settings, these URLs added).
"""

from __future__ import annotations

import functools
import json
import os
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.urls import include, path
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView


@functools.cache
def _pages() -> dict[str, bytes]:
    with open(os.environ["BENCH_CEILING_PAGES"], encoding="utf-8") as file:
        return {claimant: body.encode() for claimant, body in json.load(file).items()}


@functools.cache
def _data() -> dict[str, Any]:
    return {claimant: json.loads(body) for claimant, body in _pages().items()}


def django_page(request: HttpRequest) -> HttpResponse:
    """The stored page, from a plain Django view."""
    return HttpResponse(_pages()[request.GET["claimant"]], content_type="application/json")


class DRFPage(APIView):
    """The stored page's bytes, after DRF's authentication, permissions, throttles and content negotiation."""

    def get(self, request: Request) -> HttpResponse:
        return HttpResponse(_pages()[request.query_params["claimant"]], content_type="application/json")


class DRFRenderedPage(APIView):
    """The stored page's data as a DRF Response: the above, and the API's renderer."""

    def get(self, request: Request) -> Response:
        return Response(_data()[request.query_params["claimant"]])


urlpatterns = [
    path("ceiling/django/", django_page),
    path("ceiling/drf/", DRFPage.as_view()),
    path("ceiling/drf-render/", DRFRenderedPage.as_view()),
    path("", include("newsfacts.urls")),
]
