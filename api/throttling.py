"""Rate limits of anonymous clients: one for every request, a lower one for whole lists streamed as CSV or NDJSON.

The counts live in the cache (``REDIS_URL`` shares them between workers and servers); clients are told apart by
their address, believing ``X-Forwarded-For`` only through ``NUM_PROXIES`` proxies (DRF's ``get_ident``).
"""

from __future__ import annotations

from typing import Any

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

# Imported by DRF's settings while ``rest_framework.views`` loads: nothing here may import a view module.


class AnonThrottle(AnonRateThrottle):
    """The anonymous rate, read from settings at each request (DRF reads it once at import otherwise)."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class StreamedListThrottle(AnonThrottle):
    """The anonymous rate of streamed lists (``anon_stream``), counted apart from, and on top of, ``anon``."""

    scope = "anon_stream"

    def allow_request(self, request: Request, view: Any) -> bool:
        if not getattr(getattr(request, "accepted_renderer", None), "streams_lists", False):
            return True
        return super().allow_request(request, view)
