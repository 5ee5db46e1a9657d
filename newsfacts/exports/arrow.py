"""The flat tables as Arrow record batches: the columns the Parquet and CSV files are written from, in C++.

A table's Arrow schema follows its columns (``tables.Column``): integers as int64, offsets and ids too; timestamps in
microseconds with their UTC zone; dates as date32; JSON arrays as lists of strings; closed vocabularies (status, kind)
as dictionaries. Columns a table requires are non-nullable. A chunk of rows (``Table.chunks``) becomes one batch, a
column at a time.
"""

from __future__ import annotations

import pyarrow as pa

from newsfacts.exports.tables import Chunk, Column, Converters, Table

# Arrow's buffers from the C allocator, which hands large blocks back when freed, even when pyarrow was imported
# before this package set its default (see __init__).
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


def arrays(schema: pa.Schema, chunk: Chunk, converters: Converters = ()) -> list[pa.Array]:
    """The columns of a chunk as arrays of the types of `schema` (whose fields are the chunk's columns), the columns
    at the indices of `converters` converted first."""
    columns = list(chunk.columns)
    for i, convert in converters:
        columns[i] = convert(columns[i])
    return [pa.array(values, type=field.type, memory_pool=POOL) for values, field in zip(columns, schema, strict=True)]


def record_batch(schema: pa.Schema, chunk: Chunk) -> pa.RecordBatch:
    """A chunk as one record batch of `schema`."""
    return pa.record_batch(arrays(schema, chunk), schema=schema)
