"""Anonymous clients are throttled at the rate settings give (API_ANON_THROTTLE_RATE); users are not."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

TWO_A_MINUTE = {**settings.REST_FRAMEWORK, "DEFAULT_THROTTLE_RATES": {"anon": "2/minute", "anon_stream": "2/minute"}}
ONE_STREAM_A_MINUTE = {
    **settings.REST_FRAMEWORK,
    "DEFAULT_THROTTLE_RATES": {"anon": "100/minute", "anon_stream": "1/minute"},
}


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


@override_settings(REST_FRAMEWORK=TWO_A_MINUTE)
def test_a_forged_x_forwarded_for_does_not_start_a_fresh_count(db, api_client):
    url = reverse("api:claim-list")
    statuses = [api_client.get(url, HTTP_X_FORWARDED_FOR=f"203.0.113.{i}").status_code for i in range(3)]

    assert statuses == [200, 200, 429]


@override_settings(REST_FRAMEWORK={**TWO_A_MINUTE, "NUM_PROXIES": 1})
def test_behind_one_proxy_clients_are_told_apart_by_the_address_it_forwards(db, api_client):
    url = reverse("api:claim-list")
    for client_address in ("203.0.113.1", "203.0.113.2"):
        statuses = [api_client.get(url, HTTP_X_FORWARDED_FOR=client_address).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]


@override_settings(REST_FRAMEWORK={**TWO_A_MINUTE, "NUM_PROXIES": 1})
def test_behind_one_proxy_only_the_address_it_added_counts_not_what_the_client_sent(db, api_client):
    url = reverse("api:claim-list")
    statuses = [api_client.get(url, HTTP_X_FORWARDED_FOR=f"10.0.0.{i}, 203.0.113.9").status_code for i in range(3)]

    assert statuses == [200, 200, 429]


@override_settings(REST_FRAMEWORK=ONE_STREAM_A_MINUTE)
@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_streamed_lists_have_their_own_lower_anonymous_rate(db, api_client, fmt):
    url = reverse("api:claim-list")

    assert api_client.get(url, {"format": fmt}).status_code == 200
    refused = api_client.get(reverse("api:quote-list"), {"format": fmt})
    assert refused.status_code == 429
    assert refused["Content-Type"] == "application/json"
    assert api_client.get(url).status_code == 200  # the paged list keeps the general rate


@override_settings(REST_FRAMEWORK=ONE_STREAM_A_MINUTE)
def test_logged_in_users_are_not_throttled_on_streamed_lists(db, reader_client):
    url = reverse("api:claim-list")

    assert {reader_client.get(url, {"format": "csv"}).status_code for _ in range(3)} == {200}
