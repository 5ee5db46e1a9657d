"""Where an API request's time goes: pyinstrument over many requests through the whole Django stack, in one process.

Same settings as the load test's gunicorn (DEBUG=0 ...), the Django test client instead of HTTP. Usage::

    .venv/bin/python bench/profile_api.py                       # the 1M SQLite file, a walk page and quiet filters
    .venv/bin/python bench/profile_api.py --database-url postgres://postgres@127.0.0.1:5442/newsfacts_bench_1m
    .venv/bin/python bench/profile_api.py --path '/api/v1/claims/?status=verified' --requests 500
    BENCH_CEILING_PAGES=bench/out/ceiling-pages.json .venv/bin/python bench/profile_api.py \
        --settings bench.ceiling_settings --path '/ceiling/drf/?status=verified&claimant=1'

Prints the mean time per request, the queries of one request with their time, where a request's time goes by part
of the stack (middleware, authentication, throttling, filtering, SQL compilation, the database, building rows,
rendering...: each sample goes to the innermost part it is under), and pyinstrument's call tree (also saved as HTML
under bench/out/).
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


# The parts of a request, each recognised by a frame (function name, a piece of its file's path); a sample belongs to
# the innermost part on its stack. Anything under none of them is the test client's own work (not in production).
PARTS: list[tuple[str, str, str]] = [
    ("middleware", "", "/django/middleware/"),
    ("middleware", "", "/whitenoise/"),
    ("middleware", "", "/django/contrib/sessions/middleware"),
    ("middleware", "", "/django/contrib/auth/middleware"),
    ("middleware", "", "/django/contrib/messages/middleware"),
    ("middleware", "", "/simple_history/middleware"),
    ("middleware", "__call__", "/django/utils/deprecation.py"),
    ("Django handler, URL resolving", "_get_response", "/django/core/handlers/base.py"),
    ("Django handler, URL resolving", "get_response", "/django/core/handlers/base.py"),
    ("DRF view (request, finalize)", "view", "/rest_framework/viewsets.py"),
    ("DRF view (request, finalize)", "dispatch", "/rest_framework/views.py"),
    ("authentication", "perform_authentication", "/rest_framework/views.py"),
    ("permissions", "check_permissions", "/rest_framework/views.py"),
    ("throttling", "check_throttles", "/rest_framework/views.py"),
    ("content negotiation", "perform_content_negotiation", "/rest_framework/views.py"),
    ("ETag, page cache", "current_version", "/newsfacts/changes.py"),
    ("ETag, page cache", "list_etag", "/api/viewsets.py"),
    ("ETag, page cache", "page_cache", "/api/viewsets.py"),
    ("filtering (django-filter, ORM)", "filter_queryset", "/api/"),
    ("ordering", "get_ordering", "/api/"),
    ("queryset (values(), clone)", "list_queryset", "/api/rows.py"),
    ("pagination (cursor, links)", "paginate_queryset", "/api/pagination.py"),
    # The first rule a frame matches names it: the compiler's row conversion before its compilation.
    ("rows (values() to dicts)", "__iter__", "/django/db/models/query.py"),
    ("rows (values() to dicts)", "results_iter", "/django/db/models/sql/compiler.py"),
    ("rows (values() to dicts)", "apply_converters", "/django/db/models/sql/compiler.py"),
    ("rows (values() to dicts)", "<listcomp>", "/api/statements.py"),
    ("database (execute, fetch)", "cursor_iter", "/django/db/models/sql/compiler.py"),
    ("SQL compilation", "", "/django/db/models/sql/compiler.py"),
    ("database (execute, fetch)", "execute", "/django/db/backends/"),
    ("database (execute, fetch)", "inner", "/django/db/utils.py"),
    ("rows (editors' names by id)", "resolve", "/api/rows.py"),
    ("rows (dicts to the response's shape)", "builder", "/api/rows.py"),
    ("rows (dicts to the response's shape)", "<listcomp>", "/api/rows.py"),
    ("the ceiling's stored page (bench/ceiling.py)", "", "/bench/ceiling.py"),
    ("rendering", "rendered_content", "/rest_framework/response.py"),
    ("rendering", "render", "/django/template/response.py"),
]


def breakdown(frame_records: list[tuple[list[str], float]]) -> dict[str, float]:
    """Seconds by part of the request (``PARTS``)."""
    seconds: dict[str, float] = {}
    for stack, duration in frame_records:
        part = "test client (not in production)"
        for identifier in stack:
            function, _, rest = identifier.partition("\x00")
            filename = rest.partition("\x00")[0]
            for name, function_name, path in PARTS:
                if path in filename and (not function_name or function == function_name):
                    part = name
                    break
        seconds[part] = seconds.get(part, 0.0) + duration
    return seconds


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
    parser.add_argument(
        "--interval",
        type=float,
        default=0.000137,
        help="seconds between the profiler's samples (default 0.000137: not a round fraction of a request's time, "
        "which a sampler in step with the requests would see at the same point of each)",
    )
    parser.add_argument(
        "--settings",
        default="newsfacts.settings",
        help="the settings module (bench.ceiling_settings adds the ceiling's views: bench/ceiling.py; set "
        "BENCH_CEILING_PAGES)",
    )
    args = parser.parse_args(argv)
    os.environ.update(
        {
            "DEBUG": "0",
            "SECRET_KEY": "bench-only-not-a-secret-0123456789abcdefghijklmnopqrstuvwxyz",
            "ALLOWED_HOSTS": "127.0.0.1",
            "SECURE_SSL_REDIRECT": "0",
            "DATABASE_URL": args.database_url,
            "API_ANON_THROTTLE_RATE": "1000000/second",
            "DJANGO_SETTINGS_MODULE": args.settings,
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

        def walk(current: str = path, path: str = path, follow: bool = follow) -> Any:
            for _ in range(args.requests):
                response = client.get(current)
                if follow:
                    link = response.json().get("next")
                    current = link.split("127.0.0.1", 1)[1] if link else path
            return response

        # Timed without the profiler first (its sampling costs CPU), then profiled.
        started, cpu = time.perf_counter(), time.process_time()
        response = walk()
        elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
        profiler = Profiler(interval=args.interval)
        with profiler:
            walk()
        print(
            f"\n== {path}: {elapsed / args.requests * 1000:.2f} ms a request ({cpu / args.requests * 1000:.2f} ms of "
            f"CPU; the test client's own work included), {len(response.content):,} bytes; load average "
            f"{os.getloadavg()[0]:.2f}"
        )
        for seconds, sql in queries:
            print(f"  query {seconds * 1000:.2f} ms: {sql[:200]}")
        session = profiler.last_session
        parts = breakdown(session.frame_records)
        total = sum(parts.values())
        # Samples are wall time: each part's share, of the CPU time and of the wall time of the requests run without
        # the profiler. The CPU column suits SQLite (in this process) on a busy machine; on PostgreSQL the database's
        # part is the server's work, which only the wall column counts.
        cpu_ms, wall_ms = cpu / args.requests * 1000, elapsed / args.requests * 1000
        print(f"\n  {'part of the request':<40} {'ms (CPU)':>9} {'ms (wall)':>9} {'share':>6}")
        for name, seconds in sorted(parts.items(), key=lambda item: -item[1]):
            share = seconds / total if total else 0.0
            print(f"  {name:<40} {share * cpu_ms:>9.3f} {share * wall_ms:>9.3f} {share:>6.1%}")
        print(profiler.output_text(unicode=True, color=False, show_all=False))
        name = "walk" if follow else "filter"
        (OUT / f"profile-{connection.vendor}-{name}.html").write_text(profiler.output_html())
    return 0


if __name__ == "__main__":
    sys.exit(main())
