"""How fast `export_dataset` writes a release of a large dataset, and how much memory it holds while doing it.

Builds (or reuses) a synthetic dataset with ``bench/make_dataset.py`` (default 1,000,000 claims in a SQLite file),
then exports each format in its own process and prints, for each file, rows, seconds, rows/second, size, and the
process's peak resident memory (``getrusage`` maxrss) next to its memory before exporting: flat memory means the
peak stays near that baseline however many rows go through. A last run writes every format at once.

    .venv/bin/python bench/export_speed.py                       # 1M claims, SQLite, every format
    .venv/bin/python bench/export_speed.py --claims 100000 --formats jsonl,csv
    .venv/bin/python bench/export_speed.py --database-url postgres://postgres@127.0.0.1:5441/bench
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
FORMATS = ("fixture", "jsonl", "csv", "claimreview", "fever")


def _maxrss_mb() -> float:
    # Linux reports kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _setup(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsfacts.settings")
    import django

    django.setup()


def child(database_url: str, formats: list[str], outdir: Path) -> None:
    """Export in this process and print one JSON line of figures."""
    _setup(database_url)
    from django.db import connection

    from newsfacts.exports.release import write_release
    from newsfacts.models import Claim

    Claim.objects.exists()  # connect before measuring the baseline
    baseline = _maxrss_mb()
    started = time.perf_counter()
    files = write_release(outdir, formats=formats, overwrite=True)
    wall = time.perf_counter() - started
    print(
        json.dumps(
            {
                "vendor": connection.vendor,
                "formats": formats,
                "wall": wall,
                "baseline_mb": baseline,
                "peak_mb": _maxrss_mb(),
                "files": [
                    {"path": f.path, "rows": f.rows, "seconds": f.seconds, "bytes": (outdir / f.path).stat().st_size}
                    for f in files
                ],
            }
        )
    )


def ensure_dataset(database_url: str, claims: int) -> None:
    """Reuse the database when it already holds the claims, else build it with bench/make_dataset.py."""
    if database_url.startswith("sqlite:///"):
        path = Path(database_url.removeprefix("sqlite:///"))
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
    else:
        probe = subprocess.run(
            [sys.executable, __file__, "--count", "--database-url", database_url], capture_output=True, text=True
        )
        if probe.returncode == 0 and int(probe.stdout.strip() or 0) >= claims:
            return
    print(f"building {claims:,} claims at {database_url} (bench/make_dataset.py) ...", flush=True)
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "bench" / "make_dataset.py"),
            "--database-url",
            database_url,
            "--claims",
            str(claims),
        ],
        check=True,
    )


def run(database_url: str, formats: list[str], workdir: Path) -> dict:
    outdir = workdir / "-".join(formats)
    command = [sys.executable, __file__, "--child", "--database-url", database_url, "--formats", ",".join(formats)]
    completed = subprocess.run(
        [*command, "--outdir", str(outdir)],
        capture_output=True,
        text=True,
    )
    if completed.returncode != 0:
        raise SystemExit(f"export of {formats} failed:\n{completed.stderr}")
    shutil.rmtree(outdir, ignore_errors=True)
    return json.loads(completed.stdout.strip().splitlines()[-1])


def report(result: dict) -> list[str]:
    lines = []
    for file in result["files"]:
        if file["path"] == "datapackage.json":
            continue
        rate = file["rows"] / file["seconds"] if file["seconds"] else 0
        lines.append(
            f"| {file['path']} | {file['rows']:,} | {file['seconds']:.1f} | {rate:,.0f} | {file['bytes'] / 2**20:,.0f} "
            f"| {result['baseline_mb']:.0f} | {result['peak_mb']:.0f} |"
        )
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database-url", default=f"sqlite:///{OUT / 'export-1m.sqlite3'}")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims to build when the database is new")
    parser.add_argument("--formats", default=",".join(FORMATS), help="formats to time one by one (comma-separated)")
    parser.add_argument("--no-all", action="store_true", help="skip the run writing every format at once")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--outdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]

    if args.count:
        _setup(args.database_url)
        from newsfacts.models import Claim

        print(Claim.objects.count())
        return 0
    if args.child:
        child(args.database_url, formats, args.outdir)
        return 0

    ensure_dataset(args.database_url, args.claims)
    workdir = Path(tempfile.mkdtemp(prefix="export-speed-", dir=OUT if OUT.is_dir() else None))
    lines = [
        "| file | rows | seconds | rows/s | MB | RSS before (MB) | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    try:
        results = [run(args.database_url, [fmt], workdir) for fmt in formats]
        for result in results:
            lines += report(result)
            print(lines[-1], flush=True)
        if not args.no_all:
            everything = run(args.database_url, list(FORMATS), workdir)
            results.append(everything)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    vendor = results[0]["vendor"]
    print(f"\nexport_dataset on {vendor} ({args.database_url}), one process per format:\n")
    print("\n".join(lines))
    if not args.no_all:
        print(
            f"\nevery format at once: {everything['wall']:.1f} s, RSS {everything['baseline_mb']:.0f} MB before, "
            f"{everything['peak_mb']:.0f} MB peak"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
