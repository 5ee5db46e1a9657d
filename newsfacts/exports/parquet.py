"""Parquet tables of a release (pyarrow): one file a table, typed, loadable by pandas, polars, DuckDB and ``datasets``.

Types are the table's Arrow schema (``arrow``). Rows arrive in chunks and are written in row groups of up to
``ROW_GROUP_ROWS`` rows (fewer when their text is large), so memory stays flat; the same rows give the same bytes.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsfacts.exports.arrow import POOL, arrow_schema, record_batch
from newsfacts.exports.tables import Chunk, Table
from newsfacts.exports.writing import Writer

ROW_GROUP_ROWS = 64 * 1024
# A row group is closed earlier when its values reach this many bytes (articles carry their whole text); 1 MB keeps a
# release under 150 MB at 1M claims read through ADBC in 4,000-row batches (2 MB reached 151), 8 MB took it past 160
# (bench/export_speed.py).
ROW_GROUP_BYTES = 1024 * 1024
# Pages of a column chunk close at this size (pyarrow's default is 1 MB): each column's writer holds a page and its
# compressed copy, ~3 MB of a release's peak at 1M claims.
DATA_PAGE_BYTES = 256 * 1024
COMPRESSION = "zstd"
# zstd's fastest positive level: as small as its default here, and faster.
COMPRESSION_LEVEL = 1
# Whole article texts, most of a release's Parquet bytes and of the time it takes to write them, are compressed
# with Snappy (Parquet's usual codec): ~1.4x faster than zstd level 1 over them, the file ~40% larger
# (bench/export_speed.py).
DOCUMENTS = {"articles": "text"}
DOCUMENT_COMPRESSION = "snappy"


def _column_path(field: pa.Field) -> str:
    """Parquet's name of the column a field is written as (a list's values: ``name.list.element``)."""
    return f"{field.name}.list.element" if pa.types.is_list(field.type) else field.name


def compression(table: Table, schema: pa.Schema) -> dict[str, str]:
    """The codec of each Parquet column of `table` (a column left out of pyarrow's mapping is not compressed)."""
    document = DOCUMENTS.get(table.name)
    return {_column_path(f): DOCUMENT_COMPRESSION if f.name == document else COMPRESSION for f in schema}


class ParquetWriter(Writer):
    """Writes chunks of a table's rows into one Parquet file."""

    def __init__(self, path: Path, table: Table) -> None:
        self.schema = arrow_schema(table)
        # Free text gets neither a dictionary (hashing 2 KB article texts to give up on the dictionary when it fills)
        # nor min/max statistics (of no use to a reader's filters): articles ~15% faster and smaller files.
        coded = [c.name for c in table.columns if c.type != "string" or c.choices]
        codecs = compression(table, self.schema)
        self._writer = pq.ParquetWriter(
            str(path),
            self.schema,
            compression=codecs,
            compression_level={path: COMPRESSION_LEVEL for path, codec in codecs.items() if codec == COMPRESSION},
            use_dictionary=coded,
            write_statistics=coded,
            data_page_size=DATA_PAGE_BYTES,
            memory_pool=POOL,
        )
        self._pending: list[pa.RecordBatch] = []
        self._rows = 0
        self._bytes = 0

    def write(self, chunk: Chunk) -> None:
        if not chunk:
            return
        batch = record_batch(self.schema, chunk)
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
