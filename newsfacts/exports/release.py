"""Write a release folder: the fixture, the flat tables as JSONL and CSV, ClaimReview, FEVER and the data package.

Everything is written into a temporary folder beside the target and renamed into place at the end, so a failed
export leaves nothing half-written. Rows stream from the database a chunk at a time inside one read snapshot, so
memory stays flat and the files agree with each other even while editors work.
"""

from __future__ import annotations

import datetime
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any, TextIO, TypeVar

from django.conf import settings
from django.db import connection, transaction
from tqdm import tqdm

from newsfacts.exports import claimreview, datapackage, fever, fixture
from newsfacts.exports.datapackage import ReleaseFile
from newsfacts.exports.selection import Selection, select
from newsfacts.exports.tables import CSV_DESCRIPTION, TABLES, CsvLines, Table, json_line, schema_fields

FORMATS = ("fixture", "jsonl", "csv", "claimreview", "fever")
DEFAULT_LICENCE = "CC-BY-4.0"
DEFAULT_BASE_URL = "http://localhost:8000"
DEFAULT_ORGANISATION = "newsfacts"

T = TypeVar("T")


class ExportError(Exception):
    """An export that cannot be done as asked; the message tells the user what to change."""


@contextmanager
def snapshot() -> Iterator[None]:
    """One consistent, read-only view of the database for the whole export, without blocking editors."""
    if connection.in_atomic_block:
        yield
        return
    if connection.vendor == "postgresql":
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
            yield
        return
    if connection.vendor == "sqlite":
        # atomic() would BEGIN IMMEDIATE (see settings) and lock writers out for the whole export; a deferred
        # transaction reads one WAL snapshot and lets them go on.
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("BEGIN DEFERRED")
        try:
            yield
        finally:
            with connection.cursor() as cursor:
                cursor.execute("ROLLBACK")
        return
    with transaction.atomic():
        yield


def check_target(outdir: Path, *, overwrite: bool) -> None:
    """Refuse a target that is not a folder, is a non-empty folder (unless overwriting a release), or is unwritable."""
    if outdir.exists() and not outdir.is_dir():
        raise ExportError(f"{outdir} exists and is not a folder")
    if outdir.is_dir() and any(outdir.iterdir()):
        if not overwrite:
            raise ExportError(f"{outdir} exists and is not empty: choose another folder or use --force to replace it")
        if not (outdir / datapackage.FILENAME).is_file():
            raise ExportError(f"{outdir} is not a release (no {datapackage.FILENAME}): --force only replaces releases")
    parent = outdir.absolute().parent
    if parent.resolve() == Path(settings.RELEASES_DIR).resolve():
        parent.mkdir(parents=True, exist_ok=True)  # the releases' home is made on first use (a fresh clone has none)
    if not parent.is_dir():
        raise ExportError(f"{parent} does not exist: create it first")
    if not os.access(parent, os.W_OK | os.X_OK):
        raise ExportError(f"{parent} is not writable")


def _publish(staging: Path, outdir: Path) -> None:
    """Move the finished release into place, replacing an earlier one."""
    if outdir.is_dir() and any(outdir.iterdir()):
        retired = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".old", dir=outdir.absolute().parent))
        os.replace(outdir, retired / outdir.name)
        os.replace(staging, outdir)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        os.replace(staging, outdir)  # replaces an empty folder


class Progress:
    """tqdm bars on a terminal, nothing otherwise (and no counting queries)."""

    def __init__(self, enabled: bool, stream: TextIO | None = None) -> None:
        self.enabled = enabled
        self.stream = stream or sys.stderr

    def wrap(self, rows: Iterable[T], *, desc: str, total: Any = None) -> Iterable[T]:
        if not self.enabled:
            return rows
        count = total() if callable(total) else total
        return tqdm(rows, desc=desc, total=count, unit=" rows", file=self.stream, leave=True)


def _open(path: Path) -> TextIO:
    return path.open("w", encoding="utf-8", newline="")


def _write_table(
    root: Path, table: Table, queryset: Any, formats: Sequence[str], tables: Sequence[str], progress: Progress
) -> list[ReleaseFile]:
    """Stream one table into its JSONL and CSV files in one pass over the rows."""
    files: list[ReleaseFile] = []
    started = time.perf_counter()
    rows = 0
    with ExitStack() as stack:
        jsonl = stack.enter_context(_open(root / f"{table.name}.jsonl")) if "jsonl" in formats else None
        csv_file = stack.enter_context(_open(root / f"{table.name}.csv")) if "csv" in formats else None
        lines = CsvLines(table.field_names)
        if csv_file:
            csv_file.write(lines.header())
        for row in progress.wrap(table.rows(queryset), desc=table.name, total=queryset.count):
            if jsonl:
                jsonl.write(json_line(row))
            if csv_file:
                csv_file.write(lines.line(row))
            rows += 1
    seconds = time.perf_counter() - started
    for fmt, suffix, what in (("jsonl", "-jsonl", "one JSON object a line"), ("csv", "-csv", CSV_DESCRIPTION)):
        if fmt in formats:
            files.append(
                ReleaseFile(
                    path=f"{table.name}.{fmt}",
                    format=fmt,
                    title=table.title,
                    description=f"{table.title} of the release, by id, {what}.",
                    schema=table.schema(resource_suffix=suffix, tables=tables, sort_fields=fmt == "jsonl"),
                    rows=rows,
                    seconds=seconds,
                )
            )
    return files


def _write_fixture(root: Path, selection: Selection, progress: Progress) -> ReleaseFile:
    started = time.perf_counter()
    querysets = [selection.queryset(table.name) for table in TABLES]
    total = (lambda: sum(q.count() for q in querysets)) if progress.enabled else None
    with _open(root / fixture.FILENAME) as stream:
        count = fixture.write_fixture(
            stream, progress.wrap(fixture.fixture_objects(querysets), desc="fixture", total=total)
        )
    return ReleaseFile(
        path=fixture.FILENAME,
        format="json",
        title="Django fixture",
        description="Every row of the release as a Django fixture: `manage.py loaddata newsfacts.json` restores it "
        "into an empty newsfacts database with the same ids (reviewers and history are not included).",
        rows=count,
        seconds=time.perf_counter() - started,
    )


def _write_claimreview(root: Path, selection: Selection, progress: Progress, *, base_url: str, org: str) -> ReleaseFile:
    started = time.perf_counter()
    reviews = claimreview.claim_reviews(selection.claims, base_url=base_url, organisation=org)
    total = claimreview.reviewed(selection.claims).count
    with _open(root / claimreview.FILENAME) as stream:
        count = claimreview.write_claimreview(stream, iter(progress.wrap(reviews, desc="claimreview", total=total)))
    return ReleaseFile(
        path=claimreview.FILENAME,
        format="jsonld",
        title="ClaimReview",
        description="schema.org ClaimReview (JSON-LD) of every claim an editor reviewed.",
        rows=count,
        seconds=time.perf_counter() - started,
    )


def _write_fever(root: Path, selection: Selection, progress: Progress, tables: Sequence[str]) -> ReleaseFile:
    started = time.perf_counter()
    count = 0
    with _open(root / fever.FILENAME) as stream:
        for row in progress.wrap(fever.fever_rows(selection.claims), desc="fever", total=selection.claims.count):
            stream.write(json_line(row))
            count += 1
    schema: dict[str, Any] = {"fields": schema_fields(fever.COLUMNS, sort_fields=True), "primaryKey": ["id"]}
    if "claims" in tables:
        schema["foreignKeys"] = [{"fields": ["id"], "reference": {"resource": "claims-jsonl", "fields": ["id"]}}]
    return ReleaseFile(
        path=fever.FILENAME,
        format="jsonl",
        title="FEVER claims",
        description="Each claim with its FEVER label and evidence as [article id, sentence position].",
        schema=schema,
        rows=count,
        seconds=time.perf_counter() - started,
    )


def _publishers(selection: Selection) -> list[str]:
    return list(
        selection.articles.exclude(publisher="").order_by("publisher").values_list("publisher", flat=True).distinct()
    )


def default_version(created: datetime.datetime) -> str:
    return created.strftime("%Y.%m.%d")


def write_release(
    outdir: Path,
    *,
    formats: Sequence[str] = FORMATS,
    filters: dict[str, list[str]] | None = None,
    overwrite: bool = False,
    version: str = "",
    licence_name: str = DEFAULT_LICENCE,
    base_url: str = DEFAULT_BASE_URL,
    organisation: str = DEFAULT_ORGANISATION,
    progress: bool = False,
    created: datetime.datetime | None = None,
) -> list[ReleaseFile]:
    """Export the (filtered) dataset into the release folder `outdir`; returns the files written, data package last.

    Raises ExportError (and FilterError, a ValueError) with a message for the user; nothing is left behind then.
    """
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        raise ExportError(f"unknown format {unknown[0] if unknown else '(none)'}; formats are {', '.join(FORMATS)}")
    selection = select(filters)
    check_target(outdir, overwrite=overwrite)
    created = created or datetime.datetime.now(datetime.UTC)
    bars = Progress(progress)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".partial", dir=outdir.absolute().parent))
    except OSError as error:
        raise ExportError(f"cannot write beside {outdir}: {error.strerror}") from None
    try:
        os.chmod(staging, 0o777 & ~_umask())
        files: list[ReleaseFile] = []
        tables = [table.name for table in TABLES]
        with snapshot():
            if "fixture" in formats:
                files.append(_write_fixture(staging, selection, bars))
            if "jsonl" in formats or "csv" in formats:
                for table in TABLES:
                    files += _write_table(staging, table, selection.queryset(table.name), formats, tables, bars)
            if "claimreview" in formats:
                files.append(_write_claimreview(staging, selection, bars, base_url=base_url, org=organisation))
            if "fever" in formats:
                files.append(_write_fever(staging, selection, bars, tables if "jsonl" in formats else []))
            publishers = _publishers(selection)
        package = datapackage.describe(
            staging,
            files,
            version=version or default_version(created),
            created=created,
            filters=selection.filters,
            licence_name=licence_name,
            publishers=publishers,
            homepage=base_url,
            organisation=organisation,
        )
        with _open(staging / datapackage.FILENAME) as stream:
            json.dump(package, stream, ensure_ascii=False, indent=2)
            stream.write("\n")
        files.append(ReleaseFile(path=datapackage.FILENAME, format="json", title="Data package", description=""))
        _publish(staging, outdir)
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise ExportError(f"writing {outdir} failed: {error}") from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return files


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
