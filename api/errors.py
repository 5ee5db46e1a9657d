"""Errors of the API, always in JSON: DRF's exception handler and content negotiation extended, and Django's error
views for what happens outside a DRF view (an unknown URL under /api/, a request refused before it reaches one).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views import defaults
from rest_framework import exceptions, status
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.parsers import JSONParser as DRFJSONParser
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

API_PREFIX = "/api/"


class PayloadTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_detail = "The request body is larger than the server accepts."
    default_code = "payload_too_large"


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's handler, which also answers in JSON what Django refuses as suspicious (an oversized body, ...)."""
    # Here, not at the top: DRF's settings import this module while rest_framework.views is still loading.
    from rest_framework.views import exception_handler as drf_exception_handler

    if isinstance(exc, RequestDataTooBig):
        exc = PayloadTooLarge()
    elif isinstance(exc, SuspiciousOperation):
        exc = exceptions.ParseError(str(exc) or "Bad request.")
    return drf_exception_handler(exc, context)


class JSONParser(DRFJSONParser):
    """DRF's JSON parser; a body nested past Python's recursion limit is a parse error (400), not a crash."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise exceptions.ParseError("JSON parse error - nested too deeply.") from None


class ContentNegotiation(DefaultContentNegotiation):
    """``?format=`` naming no format of the endpoint is a 400 naming the parameter (DRF answers 404).

    ``Accept: application/json`` (or another renderer's exact media type) picks that renderer without DRF's parsing
    of the header, as DRF would pick it.
    """

    def select_renderer(
        self, request: Request, renderers: list[BaseRenderer], format_suffix: str | None = None
    ) -> tuple[BaseRenderer, str]:
        param = self.settings.URL_FORMAT_OVERRIDE
        wanted = None if format_suffix else request.query_params.get(param)
        if wanted and not any(renderer.format == wanted for renderer in renderers):
            formats = ", ".join(sorted({renderer.format for renderer in renderers}))
            raise exceptions.ValidationError({param: [f"Unknown format {wanted!r}; this endpoint gives: {formats}."]})
        if not wanted and not format_suffix:
            # An API client's usual Accept, one media type a renderer has exactly: DRF's choice, without parsing.
            accept = request.META.get("HTTP_ACCEPT", "")
            for renderer in renderers:
                if "*" in renderer.media_type:  # a renderer that takes a range: DRF's rules decide
                    break
                if renderer.media_type == accept:
                    return renderer, accept
        return super().select_renderer(request, renderers, format_suffix)


def _is_api(request: HttpRequest) -> bool:
    return request.path.startswith(API_PREFIX)


def bad_request(request: HttpRequest, exception: Exception, *args: Any, **kwargs: Any) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": "Bad request."}, status=400)
    return defaults.bad_request(request, exception, *args, **kwargs)


def page_not_found(request: HttpRequest, exception: Exception, *args: Any, **kwargs: Any) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": "Not found."}, status=404)
    return defaults.page_not_found(request, exception, *args, **kwargs)


def server_error(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
    if _is_api(request):
        return JsonResponse({"detail": "Server error."}, status=500)
    return defaults.server_error(request, *args, **kwargs)
