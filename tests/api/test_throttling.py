"""Anonymous clients are throttled at the rate settings give (API_ANON_THROTTLE_RATE); users are not."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

TWO_A_MINUTE = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/minute"}}


@pytest.fixture(autouse=True)
def fresh_throttle_history():
    cache.clear()
    yield
    cache.clear()


@override_settings(REST_FRAMEWORK=TWO_A_MINUTE)
def test_anonymous_client_past_the_rate_gets_429_with_retry_after(db, api_client):
    url = reverse("api:claim-list")
    assert [api_client.get(url).status_code for _ in range(2)] == [200, 200]
    response = api_client.get(url)
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


@override_settings(REST_FRAMEWORK=TWO_A_MINUTE)
def test_logged_in_users_are_not_throttled(db, reader_client):
    url = reverse("api:speaker-list")
    assert {reader_client.get(url).status_code for _ in range(4)} == {200}
