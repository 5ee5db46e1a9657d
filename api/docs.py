"""The browsable API docs, served wholly from this server (Swagger UI and Redoc come from drf-spectacular-sidecar)."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView
from rest_framework.request import Request
from rest_framework.response import Response

# Redoc's bundle links the Redocly logo on a CDN in its sidebar; the policy keeps the browser from fetching it (the
# link text stays), and anything else from another host. Redoc runs its search in a worker made from a blob.
REDOC_CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
    "script-src 'self' 'unsafe-inline'; worker-src 'self' blob:; font-src 'self' data:"
)


class RedocView(SpectacularRedocView):
    """Redoc with no Google Fonts (the template) and nothing fetched from other hosts (the policy)."""

    template_name = "api/redoc.html"

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().get(request, *args, **kwargs)
        response["Content-Security-Policy"] = REDOC_CONTENT_SECURITY_POLICY
        return response
