"""What the anonymous throttle costs a request, by how many requests of the client its window already holds.

DRF's ``SimpleRateThrottle`` keeps the time of each of a client's requests in the window (up to the rate's number)
as one list in the cache, read and written back whole on every request: its cost grows with the rate allowed and
with the client's pace. Usage::

    .venv/bin/python bench/throttle_cost.py                               # the local-memory cache (one process)
    .venv/bin/python bench/throttle_cost.py --redis-url redis://127.0.0.1:6392/0

Prints the CPU microseconds of ``allow_request`` (the cache's own work included) for histories of 10 to 100,000
requests, and the wall microseconds (Redis: the round trips too), with the load average.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HISTORIES = (10, 100, 1_000, 10_000, 100_000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--redis-url", help="measure with the cache in this Redis database (it is emptied)")
    args = parser.parse_args(argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsfacts.settings")
    os.environ.setdefault("SECRET_KEY", "bench-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz")
    if args.redis_url:
        os.environ["REDIS_URL"] = args.redis_url
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.contrib.auth.models import AnonymousUser
    from django.core.cache import caches
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from api.throttling import AnonThrottle

    request = Request(APIRequestFactory().get("/api/v1/claims/"))
    request.user = AnonymousUser()
    cache = caches["default"]
    cache.get("warm-up")  # the connection, before anything is timed
    backend = type(cache).__name__
    print(f"cache: {backend}; load average {os.getloadavg()[0]:.2f}")
    print(f"{'requests held':>14} {'us a request (CPU)':>19} {'us (wall)':>10}")
    for held in HISTORIES:
        cache.clear()

        class Throttle(AnonThrottle):
            rate = f"{held * 10}/hour"  # never refused: the cost of counting alone

        key = Throttle().get_cache_key(request, None)
        cache.set(key, [time.time()] * held, 3600)
        calls = max(20, min(500, held // 10))  # the history grows by a tenth at most while timed
        started, cpu = time.perf_counter(), time.process_time()
        for _ in range(calls):
            assert Throttle().allow_request(request, None)
        wall, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(f"{held:>14,} {cpu / calls * 1e6:>19.1f} {wall / calls * 1e6:>10.1f}")
    cache.clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
