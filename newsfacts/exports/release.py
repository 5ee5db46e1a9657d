"""Write a release: the fixture (JSON and JSON lines), the flat tables as JSONL, CSV and Parquet, a ready SQLite
database, ClaimReview, FEVER, the dataset card and the data package; with ``since``, the changes since an earlier one.

Everything is written into a temporary folder and then renamed into place (a folder on disk) or uploaded to the
``releases`` storage (see ``storage``), so a failed export leaves nothing half-written. Rows stream from the database
a chunk at a time inside one read snapshot, each table in one pass that feeds every format, so memory stays flat and
the files agree with each other even while editors work.
"""

from __future__ import annotations

import datetime
import gc
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, TypeVar

from django.conf import settings
from django.db import connection, transaction
from tqdm import tqdm

from newsfacts.exports import (
    card,
    changes,
    claimreview,
    datapackage,
    fever,
    fixture,
    heap,
    sqlite,
    storage,
)
from newsfacts.exports.adbc import READ_CACHE_KB, AdbcSnapshot
from newsfacts.exports.datapackage import ReleaseFile
from newsfacts.exports.selection import Selection, select
from newsfacts.exports.tables import (
    CSV_DESCRIPTION,
    TABLES,
    Table,
    json_line,
    schema_fields,
)
from newsfacts.exports.writing import Writer

if TYPE_CHECKING:
    from newsfacts.exports.reader import ArrowReader

FORMATS = ("fixture", "fixture-jsonl", "jsonl", "csv", "parquet", "sqlite", "claimreview", "fever")
DEFAULT_LICENCE = "CC-BY-4.0"
DEFAULT_BASE_URL = "http://localhost:8000"
DEFAULT_ORGANISATION = "newsfacts"

T = TypeVar("T")


class ExportError(Exception):
    """An export that cannot be done as asked; the message tells the user what to change."""


@contextmanager
def snapshot(*, arrow: bool = False) -> Iterator[AdbcSnapshot | None]:
    """One consistent, read-only view of the database for the whole export, without blocking editors.

    With `arrow`, also an ADBC connection reading the same view (``ArrowReader`` reads tables through it into Arrow
    record batches), when the database can be read from a connection of its own (not within an enclosing
    transaction, whose writes only its connection sees, nor from an in-memory SQLite database); None otherwise.
    """
    if connection.in_atomic_block:
        yield None
        return
    with ExitStack() as stack:
        if connection.vendor == "postgresql":
            stack.enter_context(transaction.atomic())
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        elif connection.vendor == "sqlite":
            # atomic() would BEGIN IMMEDIATE (see settings) and lock writers out for the whole export; a deferred
            # transaction reads one WAL snapshot and lets them go on.
            connection.ensure_connection()
            with connection.cursor() as cursor:
                cursor.execute("BEGIN DEFERRED")
            stack.callback(_rollback)
            stack.enter_context(_small_page_cache())
        else:
            stack.enter_context(transaction.atomic())
        if not arrow:
            yield None
            return
        yield stack.enter_context(AdbcSnapshot.open(connection))


@contextmanager
def _small_page_cache() -> Iterator[None]:
    """SQLite: the export reads each row once, in order, so Django's connection keeps a small page cache while it
    does (2 MB by default, held to the end of a release); its own size again afterwards."""
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        (size,) = cursor.fetchone()
        cursor.execute(f"PRAGMA cache_size = -{READ_CACHE_KB}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(size)}")


def _rollback() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ROLLBACK")


@contextmanager
def without_gc_pauses() -> Iterator[None]:
    """No cyclic garbage collection while rows stream: they make millions of tuples, dicts and lists, none of them in
    a reference cycle, and each collection would scan them; plain reference counting frees every chunk. It more than
    doubled the rate of some tables (bench/export_speed.py)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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

    def chunks(self, chunks: Iterable[list[T]], *, desc: str, total: Any = None) -> Iterator[list[T]]:
        if not self.enabled:
            yield from chunks
            return
        count = total() if callable(total) else total
        with tqdm(desc=desc, total=count, unit=" rows", file=self.stream, leave=True) as bar:
            for chunk in chunks:
                rows = len(chunk)
                yield chunk
                del chunk  # not held while the next chunk is read
                bar.update(rows)


def _open(path: Path) -> TextIO:
    return path.open("w", encoding="utf-8", newline="")


def _json_lines_writer(path: Path, table: Table) -> Writer:
    # pyarrow (~50 MB) is imported by the formats that use it, not by every export.
    from newsfacts.exports.arrowjson import JsonLinesWriter

    return JsonLinesWriter(path, table)


def _csv_writer(path: Path, table: Table) -> Writer:
    # pyarrow (~50 MB) is imported by the formats that use it, not by every export.
    from newsfacts.exports.csvfile import CsvWriter

    return CsvWriter(path, table)


def _parquet_writer(path: Path, table: Table) -> Writer:
    from newsfacts.exports.parquet import ParquetWriter

    return ParquetWriter(path, table)


_TABLE_FORMATS = (
    ("jsonl", "-jsonl", "one JSON object a line", _json_lines_writer),
    ("csv", "-csv", CSV_DESCRIPTION, _csv_writer),
    ("parquet", "-parquet", "Parquet, typed columns", _parquet_writer),
)


def _write_table(
    root: Path,
    table: Table,
    queryset: Any,
    formats: Sequence[str],
    tables: Sequence[str],
    progress: Progress,
    *,
    counts: dict[str, int],
    database: sqlite.SqliteRelease | None = None,
    since: changes.Changes | None = None,
    reader: ArrowReader | None = None,
) -> list[ReleaseFile]:
    """Stream one table into its JSONL, CSV, Parquet files and SQLite table in one pass over the rows."""
    files: list[ReleaseFile] = []
    rows = 0
    with ExitStack() as stack:
        writers: list[Any] = [
            stack.enter_context(writer(root / f"{table.name}.{fmt}", table))
            for fmt, _suffix, _what, writer in _TABLE_FORMATS
            if fmt in formats
        ]
        # Timed from here: the first table's writers also import their format's module (pyarrow.parquet ~15 ms),
        # a cost of the release, not of that table's rows.
        started = time.perf_counter()
        if database is not None:
            writers.append(database.writer(table))
        if since is not None:
            writers.append(stack.enter_context(since.writer(table)))
        size = table.release_chunk_size
        chunks = reader.chunks(table, queryset, size=size) if reader else table.chunks(queryset, size=size)
        for chunk in progress.chunks(chunks, desc=table.name, total=queryset.count):
            for writer in writers:
                writer.write(chunk)
            rows += len(chunk)
            # A chunk is let go before the next one is read: one chunk at a time in memory, not two.
            del chunk
    counts[table.name] = rows
    seconds = time.perf_counter() - started
    for fmt, suffix, what, _writer in _TABLE_FORMATS:
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
                    table=table.name,
                )
            )
    return files


def _write_fixture(root: Path, selection: Selection, progress: Progress, *, lines: bool) -> ReleaseFile:
    started = time.perf_counter()
    querysets = selection.model_querysets()
    total = (lambda: sum(q.count() for q in querysets)) if progress.enabled else None
    path = fixture.LINES_FILENAME if lines else fixture.FILENAME
    objects = progress.wrap(fixture.fixture_objects(querysets), desc=path, total=total)
    with (root / path).open("wb") as stream:
        count = fixture.write_fixture(stream, objects, lines=lines)
    how = "a line at a time, in flat memory" if lines else "as one JSON list (the whole file in memory)"
    return ReleaseFile(
        path=path,
        format="jsonl" if lines else "json",
        title="Django fixture" + (" (JSON lines)" if lines else ""),
        description=f"Every row of the release as a Django fixture: `manage.py loaddata {path}` restores it "
        f"{how} into an empty newsfacts database with the same ids (reviewers and history are not included).",
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


@dataclass(frozen=True)
class Publication:
    """Who publishes a release, under which licence and version, and when."""

    version: str
    created: datetime.datetime
    licence_name: str = DEFAULT_LICENCE
    base_url: str = DEFAULT_BASE_URL
    organisation: str = DEFAULT_ORGANISATION


def _languages(selection: Selection) -> list[str]:
    tags = selection.articles.order_by().values_list("language", flat=True).distinct()
    return sorted({tag.split("-")[0].lower() for tag in tags if tag})


def _write_tables(
    root: Path,
    selection: Selection,
    formats: Sequence[str],
    bars: Progress,
    earlier: changes.EarlierRelease | None,
    adbc: AdbcSnapshot | None,
) -> tuple[list[ReleaseFile], dict[str, int], dict[str, Any] | None]:
    """Every flat table in each table format, the SQLite database and changes.jsonl; files, row counts, changes.

    The tables are read through `adbc` into Arrow record batches when it is given: pyarrow is imported only now,
    after the fixtures. While they are written, the C heap keeps the memory each batch frees for the next one.
    """
    files: list[ReleaseFile] = []
    counts: dict[str, int] = {}
    tables = [table.name for table in TABLES]
    summary = None
    started = time.perf_counter()
    reader = None
    if adbc is not None:
        from newsfacts.exports.reader import ArrowReader

        reader = ArrowReader(adbc)
    with ExitStack() as stack:
        database = (
            stack.enter_context(sqlite.SqliteRelease(root / sqlite.FILENAME, TABLES)) if "sqlite" in formats else None
        )
        since = changes.Changes(root / changes.FILENAME, earlier) if earlier else None
        if since:
            stack.callback(since.close)
        # Entered last, left first: the database builds its indexes on a trimmed heap.
        stack.enter_context(heap.kept_heap())
        for table in TABLES:
            queryset = selection.queryset(table.name)
            files += _write_table(
                root,
                table,
                queryset,
                formats,
                tables,
                bars,
                counts=counts,
                database=database,
                since=since,
                reader=reader,
            )
        summary = since.summary() if since else None
    if "sqlite" in formats:
        files.append(
            ReleaseFile(
                path=sqlite.FILENAME,
                format="sqlite",
                title="SQLite database",
                description="Every table of the release in one SQLite database with keys, indexes and full-text "
                "search (tables <name>_fts): open it with sqlite3, pandas or datasette.",
                rows=sum(counts.values()),
                seconds=time.perf_counter() - started,
                tables={table.name: table.schema(resource_suffix="-sqlite", tables=tables) for table in TABLES},
            )
        )
    if since:
        files.append(
            ReleaseFile(
                path=changes.FILENAME,
                format="jsonl",
                title="Changes since the earlier release",
                description=f"Ids added, changed or removed since release {since.earlier.version}.",
                schema={"fields": schema_fields(changes.COLUMNS, sort_fields=True), "primaryKey": ["table", "id"]},
                rows=sum(sum(c.values()) for c in since.counts.values()),
            )
        )
    return files, counts, summary


def _write_card(root: Path, files: list[ReleaseFile], facts: card.CardFacts) -> ReleaseFile:
    for file in files:
        if file.table:
            facts.files.setdefault(file.table, {})[file.format] = file.path
        else:
            facts.other_files.append((file.path, file.title))
    (root / card.FILENAME).write_text(card.render(facts, TABLES), encoding="utf-8")
    return ReleaseFile(
        path=card.FILENAME,
        format="md",
        title="Dataset card",
        description="What the release holds, its fields, statuses, provenance, counts and how to cite it.",
    )


def _write_files(
    root: Path,
    selection: Selection,
    formats: Sequence[str],
    bars: Progress,
    publication: Publication,
    earlier: changes.EarlierRelease | None,
) -> list[ReleaseFile]:
    files: list[ReleaseFile] = []
    tables = [table.name for table in TABLES]
    with snapshot(arrow=any(fmt in formats for fmt, *_ in _TABLE_FORMATS)) as adbc, without_gc_pauses():
        for lines, fmt in ((False, "fixture"), (True, "fixture-jsonl")):
            if fmt in formats:
                files.append(_write_fixture(root, selection, bars, lines=lines))
        heap.trim()
        table_files, counts, since = _write_tables(root, selection, formats, bars, earlier, adbc)
        files += table_files
        # What the tables left behind, in reference cycles (no collection ran while rows streamed) or on the heap.
        gc.collect()
        heap.trim()
        if "claimreview" in formats:
            files.append(
                _write_claimreview(root, selection, bars, base_url=publication.base_url, org=publication.organisation)
            )
        if "fever" in formats:
            files.append(_write_fever(root, selection, bars, tables if "jsonl" in formats else []))
        publishers = _publishers(selection)
        languages = _languages(selection)
        versions = selection.articles.exclude(pipeline_version="").order_by("pipeline_version")
        pipeline_versions = list(versions.values_list("pipeline_version", flat=True).distinct())
    facts = card.CardFacts(
        version=publication.version,
        created=publication.created,
        licence=publication.licence_name,
        homepage=publication.base_url,
        organisation=publication.organisation,
        filters=selection.filters,
        languages=languages,
        counts=counts,
        since=since,
        pipeline_versions=pipeline_versions,
    )
    files.append(_write_card(root, files, facts))
    package = datapackage.describe(
        root,
        files,
        version=publication.version,
        created=publication.created,
        filters=selection.filters,
        licence_name=publication.licence_name,
        publishers=publishers,
        homepage=publication.base_url,
        organisation=publication.organisation,
        since=since,
    )
    with _open(root / datapackage.FILENAME) as stream:
        json.dump(package, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
    files.append(ReleaseFile(path=datapackage.FILENAME, format="json", title="Data package", description=""))
    return files


def _earlier(since: str) -> changes.EarlierRelease | None:
    if not since:
        return None
    try:
        return changes.EarlierRelease(since)
    except changes.EarlierReleaseError as error:
        raise ExportError(str(error)) from None


def write_release(
    outdir: Path | None = None,
    *,
    publish: str = "",
    since: str = "",
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
    """Export the (filtered) dataset into the folder `outdir`, or `publish` it under that name in the releases storage.

    `since` (a release folder or a published release's name) adds changes.jsonl. Returns the files written, data
    package last. Raises ExportError (and FilterError, a ValueError) with a message for the user; nothing is left
    behind then.
    """
    unknown = sorted(set(formats) - set(FORMATS))
    if unknown or not formats:
        raise ExportError(f"unknown format {unknown[0] if unknown else '(none)'}; formats are {', '.join(FORMATS)}")
    if (outdir is None) == (not publish):
        raise ExportError("give either a release folder or --publish NAME")
    selection = select(filters)
    earlier = _earlier(since)
    created = created or datetime.datetime.now(datetime.UTC)
    publication = Publication(
        version=version or default_version(created),
        created=created,
        licence_name=licence_name,
        base_url=base_url,
        organisation=organisation,
    )
    staging = _staging(outdir, publish, overwrite=overwrite)
    try:
        files = _write_files(staging, selection, formats, Progress(progress), publication, earlier)
        if outdir is not None:
            _publish(staging, outdir)
        else:
            storage.publish(staging, publish, overwrite=overwrite)
    except OSError as error:
        raise ExportError(f"writing {outdir or publish} failed: {error}") from None
    except storage.PublishError as error:
        raise ExportError(str(error)) from None
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return files


def _staging(outdir: Path | None, publish: str, *, overwrite: bool) -> Path:
    """A new temporary folder to write the release into: beside `outdir`, or in the temporary folder to upload."""
    if outdir is None:
        try:
            storage.check_name(publish, overwrite=overwrite)
        except storage.PublishError as error:
            raise ExportError(str(error)) from None
        return Path(tempfile.mkdtemp(prefix=f".{publish}.", suffix=".partial"))
    check_target(outdir, overwrite=overwrite)
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{outdir.name}.", suffix=".partial", dir=outdir.absolute().parent))
    except OSError as error:
        raise ExportError(f"cannot write beside {outdir}: {error.strerror}") from None
    os.chmod(staging, 0o777 & ~_umask())
    return staging


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
