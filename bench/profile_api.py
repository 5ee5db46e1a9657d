"""Where an API request's time goes: pyinstrument over many requests through the whole Django stack, in one process.

Same settings as the load test's gunicorn (DEBUG=0 ...), the Django test client instead of HTTP. Usage::

    .venv/bin/python bench/profile_api.py                       # the 1M SQLite file, a walk page and quiet filters
    .venv/bin/python bench/profile_api.py --database-url postgres://postgres@127.0.0.1:5442/newsfacts_bench_1m
    .venv/bin/python bench/profile_api.py --path '/api/v1/claims/?status=verified' --requests 500

Prints the mean time per request, the queries of one request with their time, and pyinstrument's call tree (also
saved as HTML under bench/out/).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def _timed(queries: list[tuple[float, str]], execute, sql, params, many, context):
    """An execute wrapper that records each query with its time."""
    started = time.perf_counter()
    try:
        return execute(sql, params, many, context)
    finally:
        queries.append((time.perf_counter() - started, sql))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=f"sqlite:///{OUT / 'bench-1m.sqlite3'}")
    parser.add_argument(
        "--path",
        action="append",
        help="request path, repeatable (default: a walk from ?status=verified and a quiet claimant's filter)",
    )
    parser.add_argument("--requests", type=int, default=300, help="requests per path (default 300)")
    args = parser.parse_args(argv)
    os.environ.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": args.database_url,
            "API_ANON_THROTTLE_RATE": "1000000/second",
            "DJANGO_SETTINGS_MODULE": "newsfacts.settings",
        }
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from pyinstrument import Profiler

    client = Client(HTTP_HOST="127.0.0.1", HTTP_ACCEPT="application/json")
    paths = args.path or ["/api/v1/claims/?status=verified", "/api/v1/claims/?status=verified&claimant=4996"]
    for path in paths:
        # Walk: page N follows page N-1's next link, as a client does; a plain filter repeats.
        follow = "cursor" not in path and "claimant" not in path
        response = client.get(path)
        assert response.status_code == 200, (path, response.status_code, response.content[:300])
        queries: list[tuple[float, str]] = []

        with connection.execute_wrapper(functools.partial(_timed, queries)):
            client.get(path)
        profiler = Profiler(interval=0.0005)
        current, started, cpu = path, time.perf_counter(), time.process_time()
        with profiler:
            for _ in range(args.requests):
                response = client.get(current)
                if follow:
                    link = response.json().get("next")
                    current = link.split("127.0.0.1", 1)[1] if link else path
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"\n== {path}: {elapsed / args.requests * 1000:.2f} ms a request ({cpu / args.requests * 1000:.2f} ms of "
            f"CPU, profiler included), {len(response.content):,} bytes"
        )
        for seconds, sql in queries:
            print(f"  query {seconds * 1000:.2f} ms: {sql[:200]}")
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        name = "walk" if follow else "filter"
        (OUT / f"profile-{connection.vendor}-{name}.html").write_text(profiler.output_html())
    return 0


if __name__ == "__main__":
    sys.exit(main())
