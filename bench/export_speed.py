"""How fast `export_dataset` writes each table in each format, beside the raw cursor, and how much memory it holds.

Builds (or reuses) a synthetic dataset with ``bench/make_dataset.py`` (default 1,000,000 claims in a SQLite file).
First the raw limit: each table's SELECT (the SQL the export runs) read with a plain DB-API cursor, ``fetchmany`` and
nothing else. Then each format is exported in its own process; for each table it prints rows/second, the share of the
raw cursor rate, the file's size and the process's peak resident memory (``getrusage`` maxrss) beside its memory
before exporting (flat memory: the peak stays near that baseline however many rows go through). A last run writes
every format at once and validates that release with Frictionless. ``--loaddata`` measures the peak memory of
``manage.py loaddata`` of the JSON and the JSON lines fixtures (each into a new SQLite database, in its own process).

    .venv/bin/python bench/export_speed.py                       # 1M claims, SQLite, every format
    .venv/bin/python bench/export_speed.py --claims 100000 --formats jsonl,csv,parquet --no-all
    .venv/bin/python bench/export_speed.py --database-url postgres://postgres@127.0.0.1:5432/bench
    .venv/bin/python bench/export_speed.py --loaddata --claims 100000 --database-url sqlite:///bench/out/l.sqlite3

Every figure depends on the machine and on what else runs on it: the load average is printed before and after.
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
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
FORMATS = ("jsonl", "csv", "parquet", "sqlite", "fixture", "fixture-jsonl", "claimreview", "fever")
# Formats written a file per table, compared with the raw cursor table by table.
TABLE_FORMATS = ("jsonl", "csv", "parquet")


def _maxrss_mb() -> float:
    # Linux reports kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def _setup(database_url: str) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsfacts.settings")
    import django

    django.setup()


def child_raw(database_url: str) -> dict[str, Any]:
    """Each table's SELECT through a plain cursor (server-side on PostgreSQL), fetchmany only: the limit."""
    _setup(database_url)
    from django.db import connection, transaction

    from newsfacts.exports.release import snapshot
    from newsfacts.exports.selection import select
    from newsfacts.exports.tables import CHUNK_SIZE, TABLES

    selection = select()
    rates = {}
    with transaction.atomic() if connection.vendor == "postgresql" else snapshot():
        for table in TABLES:
            values = selection.queryset(table.name).order_by("id").values_list(*(c.source for c in table.columns))
            sql, params = values.query.get_compiler(using=values.db).as_sql()
            started = time.perf_counter()
            rows = 0
            if connection.vendor == "postgresql":
                cursor = connection.connection.cursor(name=f"raw_{table.name}")  # psycopg, no Django wrapper
            else:
                cursor = connection.connection.cursor()  # sqlite3, no Django wrapper
                sql = sql.replace("%s", "?")
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(CHUNK_SIZE):
                rows += len(batch)
            cursor.close()
            seconds = time.perf_counter() - started
            rates[table.name] = {"rows": rows, "seconds": seconds}
    return {"vendor": connection.vendor, "tables": rates, "peak_mb": _maxrss_mb()}


def child_export(database_url: str, formats: list[str], outdir: Path, validate: bool) -> dict[str, Any]:
    """Export in this process; figures as one JSON object."""
    _setup(database_url)
    from django.db import connection

    from newsfacts.exports.release import write_release
    from newsfacts.management.commands.export_dataset import Command
    from newsfacts.models import Claim

    # The process `manage.py export_dataset` runs: its system checks first (what they import stays for the export).
    Command().check(tags=Command.requires_system_checks)
    Claim.objects.exists()  # connect before measuring the baseline
    baseline = _maxrss_mb()
    started = time.perf_counter()
    files = write_release(outdir, formats=formats, overwrite=True)
    wall = time.perf_counter() - started
    result: dict[str, Any] = {
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
    if validate:
        import frictionless

        started = time.perf_counter()
        report = frictionless.validate(str(outdir / "datapackage.json"))
        result["validation"] = {
            "valid": report.valid,
            "seconds": time.perf_counter() - started,
            "tasks": len(report.tasks),
            "rows": sum(task.stats.get("rows") or 0 for task in report.tasks),
            "errors": report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "message"])[:5],
        }
    return result


def child_loaddata(fixture: Path, database: Path) -> dict[str, Any]:
    """`manage.py loaddata` of one fixture into a new, migrated SQLite database; peak memory of the load alone."""
    _setup(f"sqlite:///{database}")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    baseline = _maxrss_mb()
    started = time.perf_counter()
    call_command("loaddata", str(fixture), verbosity=0)
    return {"seconds": time.perf_counter() - started, "baseline_mb": baseline, "peak_mb": _maxrss_mb()}


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
    command = [sys.executable, str(ROOT / "bench" / "make_dataset.py"), "--database-url", database_url]
    subprocess.run([*command, "--claims", str(claims)], check=True)


def _child(*args: str) -> dict[str, Any]:
    completed = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    if completed.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed:\n{completed.stderr}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def export(database_url: str, formats: list[str], workdir: Path, *, validate: bool = False) -> dict[str, Any]:
    outdir = workdir / "-".join(formats)
    args = ["--child", "--database-url", database_url, "--formats", ",".join(formats), "--outdir", str(outdir)]
    try:
        return _child(*args, *(["--validate"] if validate else []))
    finally:
        shutil.rmtree(outdir, ignore_errors=True)


def _rate(rows: int, seconds: float) -> float:
    return rows / seconds if seconds else 0.0


def table_report(raw: dict[str, Any], results: list[dict[str, Any]]) -> list[str]:
    """Per table: the raw cursor, then each table format, rows/s and their share of the raw rate."""
    lines = [
        "| table | rows | raw cursor rows/s | format | rows/s | x raw | MB | RSS before / peak (MB) |",
        "|---|---:|---:|---|---:|---:|---:|---:|",
    ]
    for name, figures in raw["tables"].items():
        raw_rate = _rate(figures["rows"], figures["seconds"])
        for result in results:
            fmt = result["formats"][0]
            file = next((f for f in result["files"] if f["path"] == f"{name}.{fmt}"), None)
            if file is None:
                continue
            rate = _rate(file["rows"], file["seconds"])
            lines.append(
                f"| {name} | {file['rows']:,} | {raw_rate:,.0f} | {fmt} | {rate:,.0f} | {rate / raw_rate:.2f} | "
                f"{file['bytes'] / 2**20:,.1f} | {result['baseline_mb']:.0f} / {result['peak_mb']:.0f} |"
            )
    return lines


def file_report(results: list[dict[str, Any]]) -> list[str]:
    """The formats that are not a file per table: one row per file."""
    lines = ["| file | rows | seconds | rows/s | MB | RSS before / peak (MB) |", "|---|---:|---:|---:|---:|---:|"]
    for result in results:
        for file in result["files"]:
            if file["path"] in ("datapackage.json", "README.md") or result["formats"][0] in TABLE_FORMATS:
                continue
            lines.append(
                f"| {file['path']} | {file['rows']:,} | {file['seconds']:.1f} | "
                f"{_rate(file['rows'], file['seconds']):,.0f} | {file['bytes'] / 2**20:,.1f} | "
                f"{result['baseline_mb']:.0f} / {result['peak_mb']:.0f} |"
            )
    return lines


def _status_mb(pid: int) -> tuple[float, float]:
    """Current and peak resident memory of a running process (Linux /proc), in MB."""
    fields = dict(
        line.split(":", 1) for line in Path(f"/proc/{pid}/status").read_text().splitlines() if line.startswith("Vm")
    )
    return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)


def _position_mb(pid: int, path: Path) -> float:
    """How far a running process has read the file at `path` (Linux /proc), in MB; 0 when it has not opened it."""
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        if fd.resolve() == path.resolve():
            return int(Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text().split()[1]) / 2**20
    return 0.0


def loaddata_report(database_url: str, workdir: Path, *, every: float) -> list[str]:
    """Both fixture forms loaded side by side, each in its own process into its own new SQLite database.

    Every `every` seconds a line per running load: its current and peak RSS and how far it got (the bytes of the
    fixture it has read and the size of the database it is writing), so a load too long to wait for still tells
    its memory at that point. (The JSON list is read whole first; its progress is the database's size.)
    """
    outdir = workdir / "fixtures"
    _child("--child", "--database-url", database_url, "--formats", "fixture,fixture-jsonl", "--outdir", str(outdir))
    loads = {}
    for name in ("newsfacts.jsonl", "newsfacts.json"):
        database = workdir / f"load-{name}.sqlite3"
        command = [sys.executable, __file__, "--load", str(outdir / name), "--database-url", f"sqlite:///{database}"]
        loads[name] = (subprocess.Popen(command, stdout=subprocess.PIPE, text=True), database)
    started = time.perf_counter()
    while any(process.poll() is None for process, _ in loads.values()):
        time.sleep(every)
        for name, (process, database) in loads.items():
            if process.poll() is not None:
                continue
            try:
                rss, peak = _status_mb(process.pid)
                read = _position_mb(process.pid, outdir / name)
            except (FileNotFoundError, ProcessLookupError):
                continue
            # A load is one transaction: its pages wait in the write-ahead log until it commits.
            files = (database, database.with_name(database.name + "-wal"))
            size = sum(f.stat().st_size for f in files if f.exists()) / 2**20
            print(
                f"  {time.perf_counter() - started:6.0f} s {name}: RSS {rss:,.0f} MB (peak {peak:,.0f}), "
                f"fixture read to {read:,.0f} of {(outdir / name).stat().st_size / 2**20:,.0f} MB, "
                f"database {size:,.0f} MB",
                flush=True,
            )
    lines = ["| fixture | MB | objects loaded in (s) | RSS before / peak (MB) |", "|---|---:|---:|---:|"]
    for name, (process, database) in loads.items():
        output = process.stdout.read() if process.stdout else ""
        database.unlink(missing_ok=True)
        if process.returncode != 0:
            lines.append(f"| {name} | failed with exit status {process.returncode} | | |")
            continue
        result = json.loads(output.strip().splitlines()[-1])
        size = (outdir / name).stat().st_size / 2**20
        memory = f"{result['baseline_mb']:.0f} / {result['peak_mb']:.0f}"
        lines.append(f"| {name} | {size:,.0f} | {result['seconds']:.0f} | {memory} |")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--database-url", default=f"sqlite:///{OUT / 'export-1m.sqlite3'}")
    parser.add_argument("--claims", type=int, default=1_000_000, help="claims to build when the database is new")
    parser.add_argument("--formats", default=",".join(FORMATS), help="formats to time one by one (comma-separated)")
    parser.add_argument("--no-all", action="store_true", help="skip the run writing (and validating) every format")
    parser.add_argument("--loaddata", action="store_true", help="only measure loaddata of both fixture forms")
    parser.add_argument("--every", type=float, default=60, help="seconds between progress lines of --loaddata")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--raw", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--count", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--validate", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--load", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--outdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    formats = [f for f in args.formats.split(",") if f]

    if args.count:
        _setup(args.database_url)
        from newsfacts.models import Claim

        print(Claim.objects.count())
        return 0
    if args.raw:
        print(json.dumps(child_raw(args.database_url)))
        return 0
    if args.load:
        database = Path(args.database_url.removeprefix("sqlite:///"))
        print(json.dumps(child_loaddata(args.load, database)))
        return 0
    if args.child:
        print(json.dumps(child_export(args.database_url, formats, args.outdir, args.validate)))
        return 0

    ensure_dataset(args.database_url, args.claims)
    OUT.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="export-speed-", dir=OUT))
    print(f"load average before: {_load()}", flush=True)
    try:
        if args.loaddata:
            print(f"\nloaddata of the release's fixtures ({args.database_url}):\n")
            print("\n".join(loaddata_report(args.database_url, workdir, every=args.every)))
            print(f"\nload average after: {_load()}")
            return 0
        raw = _child("--raw", "--database-url", args.database_url)
        results = []
        for fmt in formats:
            results.append(export(args.database_url, [fmt], workdir))
            print(f"  {fmt}: {results[-1]['wall']:.1f} s, peak {results[-1]['peak_mb']:.0f} MB", flush=True)
        everything = None if args.no_all else export(args.database_url, list(FORMATS), workdir, validate=True)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    print(f"\nexport_dataset on {raw['vendor']} ({args.database_url}), one process per format:\n")
    print("\n".join(table_report(raw, [r for r in results if r["formats"][0] in TABLE_FORMATS])))
    print()
    print("\n".join(file_report(results)))
    if everything is not None:
        validation = everything["validation"]
        print(
            f"\nevery format at once: {everything['wall']:.1f} s, RSS {everything['baseline_mb']:.0f} MB before, "
            f"{everything['peak_mb']:.0f} MB peak; Frictionless: valid={validation['valid']}, "
            f"{validation['tasks']} resources, {validation['rows']:,} rows checked in {validation['seconds']:.0f} s"
        )
        if not validation["valid"]:
            print(json.dumps(validation["errors"], indent=1))
    print(f"\nload average after: {_load()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
