"""``newsfacts.sqlite``: the release as a ready SQLite database, for ``sqlite3``, pandas or ``datasette``.

The same tables as the other formats with their primary and foreign keys, CHECK constraints on the closed
vocabularies, an index on every column the API filters by, and FTS5 full-text indexes (external content, so the text
is stored once) on article titles and texts, quotes and claims. Rows are inserted a chunk at a time with the journal
off (the file is new: a failed export deletes it), then the indexes are built once, which is faster than keeping them
up to date row by row.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from newsfacts.exports.tables import Chunk, Column, Row, Table, iso_date
from newsfacts.exports.writing import Writer
from newsfacts.values import iso_datetime

FILENAME = "newsfacts.sqlite"

_SQL_TYPES = {
    "integer": "INTEGER",
    "number": "REAL",
    "boolean": "INTEGER",
    "string": "TEXT",
    "date": "TEXT",
    "datetime": "TEXT",
    "array": "TEXT",
}

# Plain values as SQLite stores them: ISO 8601 text for times, 0/1 for booleans, JSON text for arrays.
_STORED: dict[str, Callable[[Any], Any]] = {
    "boolean": int,
    "date": iso_date,
    "datetime": iso_datetime,
    "array": lambda value: json.dumps(value, ensure_ascii=False),
}

# Columns with a full-text index, by table.
FULL_TEXT: dict[str, tuple[str, ...]] = {"articles": ("title", "text"), "quotes": ("text",), "claims": ("text",)}


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _column_sql(column: Column, references: dict[str, str]) -> str:
    sql = f"{_quote(column.name)} {_SQL_TYPES[column.type]}"
    if column.name == "id":
        return sql + " PRIMARY KEY"
    if column.required:
        sql += " NOT NULL"
    if column.choices:
        sql += f" CHECK ({_quote(column.name)} IN ({', '.join(repr(c) for c in column.choices)}))"
    if column.name in references:
        sql += f" REFERENCES {_quote(references[column.name])}(id)"
    return sql


def create_table_sql(table: Table, tables: Sequence[str]) -> str:
    references = {column: target for column, target in table.foreign_keys if target in tables}
    columns = ",\n  ".join(_column_sql(column, references) for column in table.columns)
    return f"CREATE TABLE {_quote(table.name)} (\n  {columns}\n) STRICT"


def indexed_columns(table: Table) -> list[str]:
    """Columns worth an index: foreign keys, closed vocabularies and the other columns the API filters by."""
    keys = {column for column, _target in table.foreign_keys}
    return [c.name for c in table.columns if c.name != "id" and (c.name in keys or c.choices or c.indexed)]


# Rows inserted at a time: a record batch of 4,000 claims as Python rows held ~9 MB more at a release's peak.
PART_ROWS = 500
# The database's page cache (KB) while rows are inserted, then while its indexes are built (SQLite's default).
INSERT_CACHE_KB = 256
INDEX_CACHE_KB = 2000


class SqliteRelease(Writer):
    """A new SQLite database being filled table by table; ``close()`` builds its indexes."""

    def __init__(self, path: Path, tables: Sequence[Table]) -> None:
        self.path = path
        self.tables = list(tables)
        self._db = sqlite3.connect(path, isolation_level=None)
        self._db.execute("PRAGMA journal_mode = OFF")
        self._db.execute("PRAGMA synchronous = OFF")
        # Rows are appended in id order: a small page cache while they are (2 MB by default, held to the end);
        # the default again for building the indexes, which sort within it.
        self._db.execute(f"PRAGMA cache_size = -{INSERT_CACHE_KB}")
        self._db.execute("BEGIN")
        names = [table.name for table in self.tables]
        for table in self.tables:
            self._db.execute(create_table_sql(table, names))

    def writer(self, table: Table) -> _TableWriter:
        return _TableWriter(self._db, table)

    def close(self) -> None:
        self._db.execute(f"PRAGMA cache_size = -{INDEX_CACHE_KB}")
        for table in self.tables:
            for column in indexed_columns(table):
                index = _quote(f"{table.name}_{column}")
                self._db.execute(f"CREATE INDEX {index} ON {_quote(table.name)} ({_quote(column)})")
            if table.name in FULL_TEXT:
                fts = _quote(f"{table.name}_fts")
                columns = ", ".join(_quote(c) for c in FULL_TEXT[table.name])
                self._db.execute(
                    f"CREATE VIRTUAL TABLE {fts} USING fts5({columns}, content={_quote(table.name)}, "
                    "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
                )
                self._db.execute(f"INSERT INTO {fts}({fts}) VALUES ('rebuild')")
        self._db.execute("COMMIT")
        self._db.execute("ANALYZE")
        self._db.execute("PRAGMA journal_mode = DELETE")
        self._db.close()

    def abort(self) -> None:
        self._db.close()


class _TableWriter(Writer):
    def __init__(self, db: sqlite3.Connection, table: Table) -> None:
        self._db = db
        self._stored = [(i, _STORED[c.type]) for i, c in enumerate(table.columns) if c.type in _STORED]
        marks = ", ".join("?" for _ in table.columns)
        self._insert = f"INSERT INTO {_quote(table.name)} VALUES ({marks})"

    def write(self, chunk: Chunk) -> None:
        # A chunk read as a record batch becomes Python rows here only: a part at a time keeps them few in memory.
        for part in chunk.parts(PART_ROWS):
            rows = [self._row(row) for row in part.rows] if self._stored else part.rows
            self._db.executemany(self._insert, rows)
            del part, rows  # one part's Python rows at a time

    def _row(self, row: Row) -> list[Any]:
        values = list(row)
        for i, store in self._stored:
            if values[i] is not None:
                values[i] = store(values[i])
        return values

    def close(self) -> None:
        pass
