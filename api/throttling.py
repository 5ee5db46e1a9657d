"""Throttles of the API (``settings.REST_FRAMEWORK``'s default for every view).

A module of its own: DRF imports the default throttle classes while ``rest_framework.views`` itself loads, so they
cannot live beside the viewsets.
"""

from __future__ import annotations

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle


class AnonThrottle(AnonRateThrottle):
    """The anonymous rate, read from settings at each request (DRF reads it once at import otherwise)."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
