"""JSON lines from Arrow record batches, in C++: each line the bytes ``tables.json_bytes`` gives its row.

A column at a time, each value becomes its JSON text (numbers and booleans as orjson writes them, text quoted and
escaped as orjson escapes it, timestamps in UTC with a Z); the lines are then joined from the key texts (sorted) and
the value texts in one call, and the batch's lines are written from Arrow's buffer as they are. Only values that need
escaping (quotes, backslashes, control characters) go through orjson one by one.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import orjson
import pyarrow as pa
import pyarrow.compute as pc

from newsfacts.exports.arrow import (
    POOL,
    any_escaped,
    array_texts,
    arrow_schema,
    datetime_texts,
    json_strings,
    record_batch,
    utf8_array,
)
from newsfacts.exports.tables import Chunk, Table
from newsfacts.exports.writing import Writer


def _numbers(numbers: pa.Array) -> pa.Array:
    """Numbers as orjson writes them (Arrow's shortest text differs: 1 for 1.0, 1e+10 for 10000000000.0): the whole
    column in one call, split at its commas, which no number holds."""
    if not len(numbers):
        return pa.array([], pa.string())
    return utf8_array(orjson.dumps(numbers.to_pylist())[1:-1].split(b","))


def _quoted(texts: pa.Array) -> pa.Array:
    return pc.binary_join_element_wise('"', texts, '"', "", memory_pool=POOL)


def _dictionary(array: pa.DictionaryArray) -> pa.Array:
    return pc.take(json_values(array.dictionary), array.indices, memory_pool=POOL)


_ENCODERS: list[tuple[Callable[[pa.DataType], bool], Callable[[pa.Array], pa.Array]]] = [
    (pa.types.is_dictionary, _dictionary),
    (pa.types.is_integer, lambda a: pc.cast(a, pa.string(), memory_pool=POOL)),
    (pa.types.is_floating, _numbers),
    (pa.types.is_boolean, lambda a: pc.if_else(a, "true", "false", memory_pool=POOL)),
    (pa.types.is_string, json_strings),
    # Dates and timestamps need no escaping.
    (pa.types.is_date, lambda a: _quoted(pc.cast(a, pa.string(), memory_pool=POOL))),
    (pa.types.is_timestamp, lambda a: _quoted(datetime_texts(a))),
    (pa.types.is_list, array_texts),
]


def json_values(array: pa.Array) -> pa.Array:
    """The JSON text of each value of `array` (``null`` for null)."""
    for applies, encode in _ENCODERS:
        if applies(array.type):
            encoded = encode(array)
            return pc.fill_null(encoded, "null") if encoded.null_count else encoded
    raise TypeError(f"no JSON text for Arrow type {array.type}")


def _line_parts(array: pa.Array) -> list[pa.Array | str]:
    """A column's values as parts of the lines: texts with no null and nothing to escape (most of them) are quoted
    by the literals joined around them, rather than copied once more to be quoted (Arrow's join costs per value)."""
    if pa.types.is_string(array.type) and not array.null_count and not any_escaped(array):
        return ['"', array, '"']
    return [json_values(array)]


def json_lines(batch: pa.RecordBatch) -> pa.Array:
    """Each row of `batch` as a JSON object with its keys sorted, on a line of its own (newline included)."""
    parts: list[pa.Array | str] = []
    for i, name in enumerate(sorted(batch.schema.names)):
        key = ("{" if i == 0 else ",") + orjson.dumps(name).decode() + ":"
        for part in [key, *_line_parts(batch.column(name))]:
            if isinstance(part, str) and parts and isinstance(parts[-1], str):
                parts[-1] += part
            else:
                parts.append(part)
    return pc.binary_join_element_wise(*parts, "}\n", "", memory_pool=POOL)


def write_json_lines(stream: BinaryIO, batch: pa.RecordBatch) -> None:
    """Write the lines of `batch` (``json_lines``): the bytes of Arrow's buffer of them, without another copy."""
    if not batch.num_rows:
        return
    lines = json_lines(batch)
    _validity, offsets, data = lines.buffers()
    bounds = memoryview(offsets).cast("i")
    stream.write(memoryview(data)[bounds[lines.offset] : bounds[lines.offset + len(lines)]])


class JsonLinesWriter(Writer):
    """A table as JSON lines: one object a row, keys sorted."""

    def __init__(self, path: Path, table: Table) -> None:
        self._file = path.open("wb")
        self._schema = arrow_schema(table)

    def write(self, chunk: Chunk) -> None:
        if chunk:
            write_json_lines(self._file, record_batch(self._schema, chunk))

    def close(self) -> None:
        self._file.close()
