"""The flat tables as Arrow record batches: the columns the JSON lines, CSV and Parquet files are written from, in C++.

A table's Arrow schema follows its columns (``tables.Column``): integers as int64, offsets and ids too; timestamps in
microseconds with their UTC zone; dates as date32; JSON arrays as lists of strings; closed vocabularies (status, kind)
as dictionaries. Columns a table requires are non-nullable. A chunk of rows becomes one batch, either read as one from
the database (``reader``) or made from its Python values a column at a time (``record_batch``).
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

import numpy as np
import orjson
import pyarrow as pa
import pyarrow.compute as pc

from newsfacts.exports.tables import Chunk, Column, Table

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
CHOICE_TYPE = pa.dictionary(pa.int8(), pa.string())


def arrow_type(column: Column) -> pa.DataType:
    if column.choices:
        return CHOICE_TYPE
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


def record_batch(schema: pa.Schema, chunk: Chunk) -> pa.RecordBatch:
    """A chunk as one record batch of `schema` (its table's): the batch it was read as, or one made from its values
    once, a column at a time, and kept with it for the other formats."""
    if chunk.batch is None:
        columns = zip(chunk.columns if chunk else [[] for _ in schema], schema, strict=True)
        arrays = [pa.array(values, type=field.type, memory_pool=POOL) for values, field in columns]
        chunk.batch = pa.record_batch(arrays, schema=schema)
    return chunk.batch


def _plain(array: pa.Array) -> list[Any]:
    if pa.types.is_timestamp(array.type):
        # to_pylist makes a zone object a value (~2 µs); NumPy's naive datetimes are UTC.
        naive = array.to_numpy(zero_copy_only=False).astype("datetime64[us]").tolist()
        return [None if v is None else v.replace(tzinfo=datetime.UTC) for v in naive]
    return array.to_pylist()


def plain_columns(batch: pa.RecordBatch) -> list[Sequence[Any]]:
    """The values of a batch as the plain Python values ``Table.chunks`` gives, a list a column."""
    return [_plain(column) for column in batch.columns]


# The text forms of values that are not text, shared by the CSV cells and the JSON lines; nulls stay null.


def datetime_texts(timestamps: pa.Array) -> pa.Array:
    """UTC timestamps as ``newsfacts.values.iso_datetime`` writes them: ISO 8601 with a Z, the microseconds only when
    there are some (``2026-03-04T05:06:07Z``, ``2026-03-04T05:06:07.891011Z``)."""
    text = pc.cast(pc.cast(timestamps, pa.timestamp("us"), memory_pool=POOL), pa.string(), memory_pool=POOL)
    text = pc.replace_substring(text, " ", "T", max_replacements=1, memory_pool=POOL)
    text = pc.replace_substring(text, ".000000", "", max_replacements=1, memory_pool=POOL)
    return pc.binary_join_element_wise(text, "Z", "", memory_pool=POOL)


# What orjson escapes in a string: the quote, the backslash and the control characters (RE2).
_ESCAPED = r'[\x00-\x1f"\\]'


def _bounds(texts: pa.Array) -> tuple[memoryview, int, int]:
    """The data buffer of `texts` and where their bytes start and end in it."""
    _validity, offsets, data = texts.buffers()
    bounds = memoryview(offsets).cast("i")
    return memoryview(data or b""), bounds[texts.offset], bounds[texts.offset + len(texts)]


def _text_bytes(texts: pa.Array) -> bytes:
    """The UTF-8 bytes of every text of `texts`, back to back, as Arrow holds them."""
    data, start, end = _bounds(texts)
    return bytes(data[start:end])


def any_escaped(texts: pa.Array) -> bool:
    """Whether any text of `texts` holds a character orjson escapes: no UTF-8 sequence holds a byte below 0x80 but
    as that character, so the bytes tell, in a C scan each (10 to 40 times faster than a regex over them)."""
    data = _text_bytes(texts)
    return b'"' in data or b"\\" in data or bool((np.frombuffer(data, np.uint8) < 0x20).any())


def json_strings(texts: pa.Array) -> pa.Array:
    """Texts as JSON strings, quoted and escaped as orjson writes them (nulls stay null).

    One scan of the column's bytes tells whether any text needs escaping (most columns: none). If some do, and a
    quarter or more of its first texts do, every text goes through orjson (one call a text costs less than finding
    and patching them: sentences, article texts); else only those that need it. Either way gives the same bytes.
    """
    if not any_escaped(texts):
        return _quoted(texts)
    sample = texts.slice(0, _SAMPLE)
    if 4 * _escaped(sample).sum().as_py() >= len(sample) - sample.null_count:
        return _orjson_strings(texts)
    escaped = _escaped(texts)
    encoded = utf8_array([orjson.dumps(text) for text in texts.filter(escaped).to_pylist()])
    return pc.replace_with_mask(_quoted(texts), escaped, encoded, memory_pool=POOL)


# Texts that tell whether most of a column needs escaping.
_SAMPLE = 64
# Texts longer than this on average go through orjson a call each, shorter ones in one call for the column.
_LONG_TEXT = 512


def _orjson_strings(texts: pa.Array) -> pa.Array:
    """Every text as orjson writes it. Short texts in one call for the column, split at the ``","`` between them (no
    JSON string holds one: each quote in it is escaped): a call a text left a block of the heap behind each text it
    returned (~16 MB for a batch of 4,000 sentences). Long texts (articles) a call each: splitting costs more there.
    """
    _data, start, end = _bounds(texts)
    if end - start > _LONG_TEXT * len(texts):
        return utf8_array([None if text is None else orjson.dumps(text) for text in texts.to_pylist()])
    filled = pc.fill_null(texts, "") if texts.null_count else texts
    encoded = _quoted(utf8_array(orjson.dumps(filled.to_pylist())[2:-2].split(b'","')))
    if texts.null_count:
        encoded = pc.if_else(pc.is_null(texts), pa.scalar(None, pa.string()), encoded, memory_pool=POOL)
    return encoded


def _escaped(texts: pa.Array) -> pa.Array:
    return pc.fill_null(pc.match_substring_regex(texts, _ESCAPED, memory_pool=POOL), False)


def _quoted(texts: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise('"', texts, '"', "", memory_pool=POOL)


def utf8_array(values: list[bytes | None]) -> pa.Array:
    """orjson's output (UTF-8) as a string array, without checking it again."""
    return pa.array(values, pa.binary(), memory_pool=POOL).view(pa.string())


def array_texts(lists: pa.Array) -> pa.Array:
    """Lists of strings as their JSON text (``["a","b"]``, ``[]``), as orjson writes them (nulls stay null)."""
    values = json_strings(lists.values)
    joined = pc.binary_join(pa.ListArray.from_arrays(lists.offsets, values, mask=lists.is_null()), ",")
    return pc.binary_join_element_wise("[", joined, "]", "", memory_pool=POOL)
