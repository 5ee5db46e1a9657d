"""The release's tables read straight into Arrow record batches, through ADBC's SQLite and PostgreSQL drivers.

The drivers read a query's rows into Arrow columns in C (on PostgreSQL with ``COPY`` in binary), without a Python
object a value, so the JSON lines, CSV and Parquet files are made from columns that never were Python values. The
query is the one Django compiles for the table's columns (``tables.Table.chunks`` reads the same rows through a plain
cursor), read in the export's snapshot: the reader's own connection starts at the very state Django's does (see
``adbc.AdbcSnapshot``). Each batch is then given the table's Arrow schema (``arrow.arrow_schema``): timestamps with
their zone, dates, booleans, dictionaries and lists from what the database stores.

SQLite has no column types: the driver infers each column's type from the first batch of rows, and a column that is
null throughout it would be read as integers and fail on its first text. So on SQLite each nullable column is read
as ``COALESCE`` to a value of its stored type, beside a flag saying it was null.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.json as pa_json
from django.core.exceptions import EmptyResultSet
from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.sqlite3.base import FORMAT_QMARK_REGEX
from django.db.models import BooleanField, ExpressionWrapper, F, FloatField, IntegerField, Q, TextField, Value
from django.db.models.functions import Coalesce

from newsfacts.exports.adbc import AdbcSnapshot
from newsfacts.exports.arrow import POOL, arrow_schema
from newsfacts.exports.tables import Chunk, Column, Table

# Bytes a batch holds on PostgreSQL (the driver's hint: 1 MB held ~1.4 MB more at a release's peak than 256 KB,
# regrouped into the same chunks either way); SQLite batches hold a number of rows.
PG_BATCH_BYTES = 256 * 1024

# What SQLite stores a column's values as: COALESCE's stand-in for null, of that storage type.
_STORED_ZERO: dict[str, tuple[Any, models.Field]] = {
    "integer": (0, IntegerField()),
    "boolean": (0, IntegerField()),
    "number": (0.0, FloatField()),
}
_TEXT_ZERO = ("", TextField())


def _nullable(model: type[models.Model], lookup: str) -> bool:
    """Whether the database can hand back null for `lookup` (a null column, or one across a nullable relation)."""
    for part in lookup.split("__"):
        field = model._meta.get_field(part)
        if field.null:
            return True
        if field.related_model is not None:
            model = field.related_model
    return False


def _sqlite_selects(column: Column) -> list[Any]:
    zero, field = _STORED_ZERO.get(column.type, _TEXT_ZERO)
    return [
        Coalesce(F(column.source), Value(zero), output_field=field),
        ExpressionWrapper(Q(**{f"{column.source}__isnull": True}), output_field=BooleanField()),
    ]


_LIST_OF_STRINGS = pa.schema([("a", pa.list_(pa.string()))])
# A stored array of strings none of which holds an escape, its items apart as json.dumps and PostgreSQL write them
# (``["a", "b"]``): its items are the texts between its quotes, split without a JSON parser (half the time).
_PLAIN_ARRAY = r'^\["[^"\\\x00-\x1f]*"(, "[^"\\\x00-\x1f]*")*\]$'


def _json_lists(texts: pa.Array) -> pa.Array:
    """JSON arrays of strings as stored (text, or PostgreSQL's JSON type) as Arrow lists. Most are empty: only the
    others are parsed."""
    if isinstance(texts, pa.ExtensionArray):
        texts = texts.storage
    filled = pc.fill_null(pc.not_equal(texts, "[]"), False)
    # pa.repeat, not NumPy: pa.array of a NumPy array imports numpy.ma (~10 ms, most of a 5,000-row table's time)
    lengths = pa.repeat(pa.scalar(0, pa.int32()), len(texts), memory_pool=POOL)
    values = pa.array([], pa.string())
    if pc.any(filled).as_py():
        parsed = _parsed(texts.filter(filled))
        lengths = pc.replace_with_mask(lengths, filled, pc.list_value_length(parsed), memory_pool=POOL)
        values = parsed.flatten()
    offsets = pa.concat_arrays([pa.array([0], pa.int32()), pc.cumulative_sum(lengths, memory_pool=POOL)])
    return pa.ListArray.from_arrays(offsets, values, mask=pc.is_null(texts), pool=POOL)


def _parsed(texts: pa.Array) -> pa.ListArray:
    """Non-empty JSON arrays of strings as Arrow lists: the plain ones split, the others parsed."""
    plain = pc.match_substring_regex(texts, _PLAIN_ARRAY, memory_pool=POOL)
    count = pc.sum(plain).as_py() or 0
    if count == len(texts):
        return _split(texts)
    if not count:
        return _read_json(texts)
    lists = pa.concat_arrays([_split(texts.filter(plain)), _read_json(texts.filter(pc.invert(plain)))])
    # Each array back in its row: the plain ones come first in `lists`, then the others, each in their order.
    rank = [pc.cumulative_sum(pc.cast(mask, pa.int32()), memory_pool=POOL) for mask in (plain, pc.invert(plain))]
    return lists.take(pc.if_else(plain, pc.subtract(rank[0], 1), pc.add(rank[1], count - 1), memory_pool=POOL))


def _split(texts: pa.Array) -> pa.ListArray:
    items = pc.utf8_slice_codeunits(texts, 2, -2, memory_pool=POOL)
    return pc.split_pattern(items, '", "', memory_pool=POOL).cast(pa.list_(pa.string()))


def _read_json(texts: pa.Array) -> pa.ListArray:
    """By Arrow's JSON reader, as the values of one-key objects, a line each."""
    lines = pc.binary_join_element_wise('{"a":', texts, "}\n", "", memory_pool=POOL)
    _validity, offsets, data = lines.buffers()
    bounds = memoryview(offsets).cast("i")
    document = pa.py_buffer(memoryview(data)[bounds[lines.offset] : bounds[lines.offset + len(lines)]])
    parsed = pa_json.read_json(
        pa.BufferReader(document),
        read_options=pa_json.ReadOptions(use_threads=False, block_size=max(document.size, 1)),
        parse_options=pa_json.ParseOptions(explicit_schema=_LIST_OF_STRINGS),
        memory_pool=POOL,
    )
    return parsed.column(0).combine_chunks(memory_pool=POOL)


def _conform(values: pa.Array, type: pa.DataType) -> pa.Array:
    """A column as read, given the type of its column in the table's schema."""
    if pa.types.is_dictionary(type):
        return pc.cast(pc.dictionary_encode(values, memory_pool=POOL), type, memory_pool=POOL)
    if pa.types.is_list(type):
        return _json_lists(values)
    if pa.types.is_timestamp(type) and not pa.types.is_timestamp(values.type):
        # SQLite holds naive UTC text
        values = pc.cast(values, pa.timestamp(type.unit), memory_pool=POOL)
    return pc.cast(values, type, memory_pool=POOL)


def _rebatched(batches: Iterable[pa.RecordBatch], size: int) -> Iterator[pa.RecordBatch]:
    """The rows of `batches` in batches of `size` rows (the last one fewer): the chunks ``Table.chunks`` reads, so
    a Parquet file's row groups and dictionaries, and so its bytes, do not depend on the database or the reader."""
    pending: list[pa.RecordBatch] = []
    count = 0
    for batch in batches:
        while batch.num_rows:
            taken = batch.slice(0, size - count)
            pending.append(taken)
            count += taken.num_rows
            batch = batch.slice(taken.num_rows)
            if count == size:
                rows = pending[0] if len(pending) == 1 else pa.concat_batches(pending, memory_pool=POOL)
                pending, count = [], 0
                del taken
                yield rows
                # Nothing of a batch is held while the driver reads the next one.
                del rows
        del batch
    if pending:
        yield pending[0] if len(pending) == 1 else pa.concat_batches(pending, memory_pool=POOL)


def _batch(raw: pa.RecordBatch, schema: pa.Schema, flagged: list[bool]) -> pa.RecordBatch:
    """A batch as read (each flagged column followed by its null flag) in `schema`."""
    columns = []
    position = 0
    for field, flag in zip(schema, flagged, strict=True):
        values = raw.column(position)
        position += 1
        if flag:
            null = pc.cast(raw.column(position), pa.bool_())
            position += 1
            if pc.any(null).as_py():
                values = pc.if_else(null, pa.scalar(None, values.type), values, memory_pool=POOL)
        columns.append(_conform(values, field.type))
    return pa.record_batch(columns, schema=schema)


class ArrowReader:
    """Reads tables as Arrow record batches through an ADBC connection in the export's snapshot (``adbc``).

    Every result stream is closed before its statement.
    """

    def __init__(self, snapshot: AdbcSnapshot) -> None:
        self._snapshot = snapshot
        self._connection = snapshot.connection
        self.vendor = snapshot.vendor

    @classmethod
    @contextmanager
    def open(cls, connection: BaseDatabaseWrapper) -> Iterator[ArrowReader | None]:
        """A reader seeing what `connection` sees, or None when it cannot (see ``AdbcSnapshot.open``)."""
        with AdbcSnapshot.open(connection) as snapshot:
            yield None if snapshot is None else cls(snapshot)

    def read_all(self, sql: str) -> pa.Table:
        with self._snapshot.statement(sql) as statement, self._batches(statement) as batches:
            return batches.read_all()

    @contextmanager
    def _batches(self, statement: Any) -> Iterator[pa.RecordBatchReader]:
        stream, _count = statement.execute_query()
        with closing(pa.RecordBatchReader.from_stream(stream)) as batches:
            yield batches

    def chunks(self, table: Table, queryset: models.QuerySet, *, size: int) -> Iterator[Chunk]:
        """The rows of `queryset` (a query of `table`'s model) by id, a record batch of about `size` rows at a
        time, in the table's Arrow schema."""
        schema = arrow_schema(table)
        sqlite = self.vendor == "sqlite"
        # SQLite: the columns read with a flag saying they were null (see _sqlite_selects)
        flagged = [sqlite and _nullable(table.model, column.source) for column in table.columns]
        selects = [
            select
            for column, flag in zip(table.columns, flagged, strict=True)
            for select in (_sqlite_selects(column) if flag else [column.source])
        ]
        values = queryset.order_by("id").values_list(*selects)
        try:
            sql, params = values.query.get_compiler(connection=self._connection).as_sql()
        except EmptyResultSet:
            return
        if sqlite:
            options = {"adbc.sqlite.query.batch_rows": str(size)}
            sql = FORMAT_QMARK_REGEX.sub("?", sql).replace("%%", "%")
        else:
            # Parameters would keep the driver from COPY, which streams; literals quoted by psycopg instead.
            options = {"adbc.postgresql.batch_size_hint_bytes": str(PG_BATCH_BYTES)}
            sql, params = self._connection.ops.compose_sql(sql, params), ()
        with self._snapshot.statement(sql, options) as statement:
            if params:
                bound = pa.record_batch([pa.array([v]) for v in params], names=[str(i) for i in range(len(params))])
                schema_capsule, array_capsule = bound.__arrow_c_array__()
                statement.bind(array_capsule, schema_capsule)
            with self._batches(statement) as batches:
                for raw in _rebatched(batches, size):
                    chunk = Chunk(batch=_batch(raw, schema, flagged))
                    # The batch as read is let go before the writers run, the chunk before the next one is read.
                    del raw
                    yield chunk
                    del chunk
