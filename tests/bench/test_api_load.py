"""The load test's bookkeeping: percentiles, the best of several rounds, and a walk that follows next links."""

from __future__ import annotations

import json

import pytest

from bench.api_load import Result, best_of, rotating, walking


class FakeClient:
    """What the walk reads from a client: the body of the last response."""

    def __init__(self) -> None:
        self.last_body = b""
        self.links = 0


@pytest.mark.parametrize(
    ("latencies", "p", "expected_ms"),
    [
        ([0.001] * 99 + [0.5], 0.5, 1.0),
        ([0.001] * 98 + [0.5, 0.5], 0.99, 500.0),
        ([0.004, 0.002, 0.003], 0.5, 3.0),
    ],
)
def test_percentile_is_the_nearest_rank_in_milliseconds(latencies, p, expected_ms):
    assert Result("filter", "x", 1, latencies=latencies).percentile(p) == pytest.approx(expected_ms)


def test_requests_per_second_counts_requests_over_the_cell_duration():
    assert Result("filter", "x", 8, latencies=[0.01] * 300, seconds=3.0).rps == pytest.approx(100.0)


def test_best_of_keeps_the_fastest_round_of_each_cell_in_first_seen_order():
    slow = Result("filter", "api", 1, latencies=[0.01] * 10, seconds=1.0)
    other = Result("walk", "api", 1, latencies=[0.01] * 5, seconds=1.0)
    fast = Result("filter", "api", 1, latencies=[0.01] * 20, seconds=1.0)
    assert best_of([slow, other, fast]) == [fast, other]


def test_walk_follows_next_links_from_the_first_page_and_starts_over_after_its_depth():
    client = FakeClient()
    paths = walking("/api/v1/claims/?status=verified", "next", pages=3)(0, client)
    seen = []
    for page in range(7):
        seen.append(next(paths))
        client.last_body = json.dumps({"next": f"http://127.0.0.1:8000/api/v1/claims/?cursor=c{page}"}).encode()
    assert seen == [
        "/api/v1/claims/?status=verified",
        "/api/v1/claims/?cursor=c0",
        "/api/v1/claims/?cursor=c1",
        "/api/v1/claims/?status=verified",
        "/api/v1/claims/?cursor=c3",
        "/api/v1/claims/?cursor=c4",
        "/api/v1/claims/?status=verified",
    ]


def test_walk_starts_over_when_a_page_has_no_next_link():
    client = FakeClient()
    paths = walking("/first", "next_url", pages=10)(0, client)
    assert next(paths) == "/first"
    client.last_body = json.dumps({"next_url": None}).encode()
    assert next(paths) == "/first"


def test_clients_rotate_over_the_paths_from_different_starting_points():
    next_path = rotating(["/a", "/b", "/c"])
    first = [next(next_path(n, FakeClient())) for n in range(3)]
    assert sorted(first) == ["/a", "/b", "/c"]
