"""``changes.jsonl``: which ids were added, changed or removed since an earlier release (``--since-release``).

Both releases hold their tables by id, so each table is compared in one merge pass as its rows stream out: the
earlier release's ``<table>.jsonl`` is read a line at a time beside the new rows, and memory stays flat however many
rows there are. A row is changed when any of its values differ (compared as parsed JSON, so a release written with
other spacing compares equal).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any, BinaryIO

import orjson

from newsfacts.exports import datapackage, storage
from newsfacts.exports.tables import Chunk, Column, Row, Table, json_bytes
from newsfacts.exports.writing import Writer

FILENAME = "changes.jsonl"
CHANGES = ("added", "changed", "removed")
COLUMNS = (
    Column("table", "string", "The table of the row.", required=True),
    Column("id", "integer", "The row's id.", required=True),
    Column("change", "string", "What happened to it since the earlier release.", required=True, choices=CHANGES),
)


class EarlierReleaseError(Exception):
    """The earlier release cannot be compared with: the message says why."""


class EarlierRelease:
    """A release folder on disk, or the name of a release published in the releases storage."""

    def __init__(self, location: str) -> None:
        self.location = location
        self.folder = Path(location) if Path(location).is_dir() else None
        if self.folder is None and not storage.exists(location):
            raise EarlierReleaseError(f"--since-release {location}: no such release folder or published release")
        try:
            package = orjson.loads(self._open(datapackage.FILENAME).read())
        except (OSError, orjson.JSONDecodeError):
            raise EarlierReleaseError(f"--since-release {location}: no readable {datapackage.FILENAME}") from None
        self.version = str(package.get("version", ""))
        self.created = str(package.get("created", ""))
        self.paths = {r.get("path") for r in package.get("resources", []) if isinstance(r, dict)}
        if "claims.jsonl" not in self.paths:
            raise EarlierReleaseError(
                f"--since-release {location}: it has no JSON lines tables (compare with a release that has jsonl)"
            )

    def _open(self, name: str) -> IO[bytes]:
        if self.folder is not None:
            return (self.folder / name).open("rb")
        return storage.open_file(self.location, name)

    def table(self, name: str) -> BinaryIO:
        """The table's JSON lines; empty when that release had no such table (every row is then added)."""
        if f"{name}.jsonl" not in self.paths:
            return io.BytesIO()
        try:
            return self._open(f"{name}.jsonl")  # type: ignore[return-value]
        except OSError:
            raise EarlierReleaseError(f"--since-release {self.location}: cannot read its {name}.jsonl") from None


def _rows(stream: BinaryIO) -> Iterator[tuple[int, bytes]]:
    for line in stream:
        if line.strip():
            yield orjson.loads(line)["id"], line


class Changes:
    """Writes changes.jsonl while the new release's tables stream by; counts each kind of change per table."""

    def __init__(self, path: Path, earlier: EarlierRelease) -> None:
        self.earlier = earlier
        self._out = path.open("wb")
        self.counts: dict[str, dict[str, int]] = {}

    def writer(self, table: Table) -> _TableChanges:
        return _TableChanges(self, table)

    def emit(self, table: str, row_id: int, change: str) -> None:
        self._out.write(json_bytes({"table": table, "id": row_id, "change": change}))
        self.counts[table][change] += 1

    def summary(self) -> dict[str, Any]:
        return {"version": self.earlier.version, "created": self.earlier.created, "counts": self.counts}

    def close(self) -> None:
        self._out.close()


class _TableChanges(Writer):
    def __init__(self, changes: Changes, table: Table) -> None:
        self._changes = changes
        self._table = table.name
        self._names = table.field_names
        changes.counts[table.name] = dict.fromkeys(CHANGES, 0)
        self._stream = changes.earlier.table(table.name)
        self._earlier = _rows(self._stream)
        self._current = next(self._earlier, None)

    def write(self, chunk: Chunk) -> None:
        emit = self._changes.emit
        for row in chunk.rows:
            row_id = row[0]
            while self._current is not None and self._current[0] < row_id:
                emit(self._table, self._current[0], "removed")
                self._current = next(self._earlier, None)
            if self._current is not None and self._current[0] == row_id:
                if self._differs(self._current[1], row):
                    emit(self._table, row_id, "changed")
                self._current = next(self._earlier, None)
            else:
                emit(self._table, row_id, "added")

    def _differs(self, earlier: bytes, row: Row) -> bool:
        line = json_bytes(dict(zip(self._names, row, strict=True)))
        return earlier.rstrip() != line.rstrip() and orjson.loads(earlier) != orjson.loads(line)

    def close(self) -> None:
        while self._current is not None:
            self._changes.emit(self._table, self._current[0], "removed")
            self._current = next(self._earlier, None)
        self._stream.close()

    def abort(self) -> None:
        self._stream.close()  # no "removed" lines for rows a failed export never reached
