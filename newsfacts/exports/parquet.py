"""Parquet tables of a release (pyarrow): one file a table, typed, loadable by pandas, polars, DuckDB and ``datasets``.

Types follow the table's columns: integers as int64, offsets and ids too; timestamps in microseconds with their UTC
zone; dates as date32; JSON arrays as lists of strings; closed vocabularies (status, kind) as dictionaries. Columns a
table requires are non-nullable. Rows arrive in chunks and are written in row groups of up to ``ROW_GROUP_ROWS`` rows
(fewer when their text is large), so memory stays flat; the same rows give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.exports.tables import Column, Row, Table
from newsfacts.exports.writing import Writer

ROW_GROUP_ROWS = 128 * 1024
# A row group is closed earlier when its values reach this many bytes (articles carry their whole text).
ROW_GROUP_BYTES = 32 * 1024 * 1024
COMPRESSION = "zstd"

_ARROW_TYPES: dict[str, pa.DataType] = {
    "integer": pa.int64(),
    "number": pa.float64(),
    "boolean": pa.bool_(),
    "string": pa.string(),
    "date": pa.date32(),
    "datetime": pa.timestamp("us", tz="UTC"),
    "array": pa.list_(pa.string()),
}


def arrow_type(column: Column) -> pa.DataType:
    if column.choices:
        return pa.dictionary(pa.int8(), pa.string())
    return _ARROW_TYPES[column.type]


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema(
        [
            pa.field(
                column.name,
                arrow_type(column),
                nullable=not column.required,
                metadata={"description": column.description},
            )
            for column in table.columns
        ],
        metadata={"table": table.name, "title": table.title},
    )


class ParquetWriter(Writer):
    """Writes chunks of a table's rows (tuples of plain values in column order) into one Parquet file."""

    def __init__(self, path: Path, table: Table) -> None:
        self.schema = arrow_schema(table)
        self._writer = pq.ParquetWriter(str(path), self.schema, compression=COMPRESSION)
        self._pending: list[pa.RecordBatch] = []
        self._rows = 0
        self._bytes = 0

    def write(self, chunk: list[Row]) -> None:
        if not chunk:
            return
        columns = list(zip(*chunk, strict=True))
        batch = pa.record_batch(
            [pa.array(values, type=field.type) for values, field in zip(columns, self.schema, strict=True)],
            schema=self.schema,
        )
        self._pending.append(batch)
        self._rows += batch.num_rows
        self._bytes += batch.nbytes
        if self._rows >= ROW_GROUP_ROWS or self._bytes >= ROW_GROUP_BYTES:
            self._flush()

    def _flush(self) -> None:
        if self._pending:
            self._writer.write_table(pa.Table.from_batches(self._pending, schema=self.schema), row_group_size=None)
        self._pending.clear()
        self._rows = self._bytes = 0

    def close(self) -> None:
        self._flush()
        self._writer.close()
