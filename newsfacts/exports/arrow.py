"""The flat tables as Arrow record batches: the columns the Parquet and CSV files are written from, in C++.

A table's Arrow schema follows its columns (``tables.Column``): integers as int64, offsets and ids too; timestamps in
microseconds with their UTC zone; dates as date32; JSON arrays as lists of strings; closed vocabularies (status, kind)
as dictionaries. Columns a table requires are non-nullable. A chunk of rows (tuples of plain values in column order,
``Table.chunks``) becomes one batch, a column at a time.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

# Arrow's default allocator (mimalloc) reserves ~17 MB more than the C allocator while a Parquet row group is written
# (bench/export_speed.py prints the peak memory); the variable is read when pyarrow is first imported.
os.environ.setdefault("ARROW_DEFAULT_MEMORY_POOL", "system")

import pyarrow as pa

from newsfacts.exports.tables import Column, Converters, Row, Table

# Arrow's buffers from the C allocator, which hands large blocks back when freed, even when pyarrow was imported
# before the variable above was set.
POOL = pa.system_memory_pool()

_TYPES: dict[str, pa.DataType] = {
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
    return _TYPES[column.type]


def arrow_field(column: Column, type: pa.DataType | None = None) -> pa.Field:
    return pa.field(
        column.name,
        type or arrow_type(column),
        nullable=not column.required,
        metadata={"description": column.description},
    )


def arrow_schema(table: Table) -> pa.Schema:
    return pa.schema(
        [arrow_field(column) for column in table.columns], metadata={"table": table.name, "title": table.title}
    )


def arrays(schema: pa.Schema, chunk: list[Row], converters: Converters = ()) -> list[pa.Array]:
    """The columns of a chunk of rows as arrays of the types of `schema` (whose fields are the rows' columns), the
    columns at the indices of `converters` converted first (``tables.convert_columns``)."""
    columns: list[Sequence[Any]] = list(zip(*chunk, strict=True))
    for i, convert in converters:
        columns[i] = convert(columns[i])
    return [pa.array(values, type=field.type, memory_pool=POOL) for values, field in zip(columns, schema, strict=True)]


def record_batch(schema: pa.Schema, chunk: list[Row]) -> pa.RecordBatch:
    """A chunk of rows as one record batch of `schema`."""
    return pa.record_batch(arrays(schema, chunk), schema=schema)
