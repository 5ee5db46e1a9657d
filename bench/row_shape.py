"""What a list row of claims costs: the nested serializers (the detail's path) against the rows built from values().

Builds a small synthetic dataset (``make_dataset``) in a throw-away SQLite file under ``bench/out/``, then, for pages
of 50 and 1,000 claims, times in one process (CPU time, best of ``--runs``): the query and
``ClaimSerializer(many=True)`` over ``select_related`` rows, against the query and ``api.rows.RowShape``'s builder
over ``values()`` rows (what the list endpoint does). Both give the same dicts; the script checks that before timing.

    .venv/bin/python bench/row_shape.py [--claims 5000] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

OUT = ROOT / "bench" / "out"


def best_cpu_time(work: Callable[[], Any], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)

    OUT.mkdir(exist_ok=True)
    database = OUT / "row_shape.sqlite3"
    database.unlink(missing_ok=True)
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsfacts.settings")
    import django

    django.setup()
    from django.core.management import call_command
    from rest_framework.request import Request
    from rest_framework.test import APIRequestFactory

    from api.rows import RowShape
    from api.serializers import ClaimSerializer
    from bench.make_dataset import Scale, populate
    from newsfacts.models import Claim

    call_command("migrate", verbosity=0)
    populate(Scale.for_claims(args.claims))
    request = Request(APIRequestFactory().get("/api/v1/claims/"))
    shape = RowShape.of(ClaimSerializer)
    # Every relation the serializer reads, so that it runs one query as the rows do.
    related = [f.name for f in Claim._meta.concrete_fields if f.many_to_one and f.name in ClaimSerializer.Meta.fields]
    detailed = Claim.objects.select_related(*related).order_by("id")
    plain = Claim.objects.values(*shape.columns).order_by("id")

    def serialized(size: int) -> list[Any]:
        return ClaimSerializer(detailed[:size], many=True, context={"request": request}).data

    def from_rows(size: int) -> list[Any]:
        build = shape.builder(request)
        rows = list(plain[:size])
        shape.resolve(rows, None)  # the editors' names, by id
        return [build(row) for row in rows]

    if [dict(row) for row in serialized(50)] != from_rows(50):
        raise SystemExit("the two paths disagree: fix RowShape before timing it")
    print(f"load average {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} (CPU time, best of {args.runs})")
    print(f"{'page':>6} {'serializer ms':>14} {'values() ms':>12} {'us/row ser.':>12} {'us/row rows':>12} {'x':>6}")
    for size in (50, 1000):
        nested = best_cpu_time(lambda size=size: serialized(size), args.runs)
        rows = best_cpu_time(lambda size=size: from_rows(size), args.runs)
        print(
            f"{size:>6} {nested * 1000:>14.2f} {rows * 1000:>12.2f} {nested / size * 1e6:>12.1f} "
            f"{rows / size * 1e6:>12.1f} {nested / rows:>6.2f}"
        )
    database.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
