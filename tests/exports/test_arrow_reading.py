"""Release tables read and written as Arrow record batches hold what the plain cursor and orjson give.

The JSON lines of a batch are the bytes ``json_bytes`` gives each row, whatever the values; the ADBC reader gives the
rows ``Table.chunks`` gives, in the export's snapshot, also when a column is null throughout the first rows (SQLite
has no column types: its driver infers them from the first batch).
"""

from __future__ import annotations

import datetime
import io
import sqlite3
from contextlib import closing
from pathlib import Path

import orjson
import pyarrow as pa
import pytest
from django.db import connection, transaction
from django.db.backends.sqlite3.base import DatabaseWrapper
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.exports.arrow import arrow_schema, json_strings, record_batch
from newsfacts.exports.arrowjson import write_json_lines
from newsfacts.exports.reader import ArrowReader
from newsfacts.exports.release import snapshot, write_release
from newsfacts.exports.tables import ARTICLES, CLAIMS, QUOTES, SENTENCES, SPEAKERS, TABLES, Chunk, Column, json_bytes
from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory

_VALUES = {
    "integer": st.integers(-(2**63), 2**63 - 1),
    "number": st.floats(),  # NaN and the infinities too: orjson writes null
    "boolean": st.booleans(),
    "string": st.text(),
    "date": st.dates(),
    "datetime": st.datetimes(
        min_value=datetime.datetime(1000, 1, 1), timezones=st.just(datetime.UTC), allow_imaginary=False
    ),
    "array": st.lists(st.text(), max_size=3),
}


def _value(column: Column) -> st.SearchStrategy:
    values = st.sampled_from(column.choices) if column.choices else _VALUES[column.type]
    return values if column.required else st.none() | values


def _rows(table) -> st.SearchStrategy:
    return st.lists(st.tuples(*(_value(column) for column in table.columns)), max_size=8)


@pytest.mark.parametrize("table", [ARTICLES, SPEAKERS, QUOTES, CLAIMS], ids=lambda table: table.name)
@settings(max_examples=60, deadline=None)
@given(data=st.data())
def test_json_lines_of_a_batch_are_the_bytes_of_each_row(table, data):
    rows = data.draw(_rows(table))
    stream = io.BytesIO()

    write_json_lines(stream, record_batch(arrow_schema(table), Chunk(rows=rows)))

    assert stream.getvalue() == b"".join(json_bytes(dict(zip(table.field_names, row, strict=True))) for row in rows)


@settings(max_examples=80, deadline=None)
@given(
    texts=st.lists(st.none() | st.text(alphabet="ab é"), min_size=1, max_size=200),
    escaped=st.lists(st.tuples(st.integers(0, 199), st.text(alphabet='a"\\\n\x01', min_size=1)), max_size=200),
    start=st.integers(0, 10),
)
def test_json_strings_are_orjson_s_whatever_share_of_the_texts_needs_escaping(texts, escaped, start):
    # none, a few (beyond the first texts too) or most need escaping: each way of encoding a column, on a slice too
    for position, text in escaped:
        texts[position % len(texts)] = text
    column = pa.array(["x"] * start + texts, pa.string()).slice(start)

    assert json_strings(column).to_pylist() == [None if t is None else orjson.dumps(t).decode() for t in texts]


@pytest.mark.parametrize("length", [10, 2000], ids=["short", "long"])
def test_json_strings_of_texts_most_of_which_need_escaping_are_orjson_s(length):
    texts = [None, "", 'He said "no".', "line\nbreak", "back\\slash", "plain", '","', "é\x01"]
    texts = [None if text is None else text * (length // max(len(text), 1) or 1) for text in texts] * 20

    assert json_strings(pa.array(texts, pa.string())).to_pylist() == [
        None if t is None else orjson.dumps(t).decode() for t in texts
    ]


def test_a_batch_gives_back_the_plain_values_it_was_made_of():
    reviewed = datetime.datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=datetime.UTC)
    rows = [
        (1, 1, 2, None, None, None, 0, 4, "a senior official", "text", "figure", 0.5, None, None, None, None),
        (2, 1, 2, 3, "Ana", "Q1", 0, 4, "", "text", "figure", 1.0, "false", "Wrong.", ["https://e.example"], reviewed),
    ]
    batch = record_batch(arrow_schema(CLAIMS), Chunk(rows=rows))

    assert Chunk(batch=batch).rows == rows


def test_a_chunk_in_parts_holds_its_rows_in_order_whatever_it_was_read_as():
    rows = [(i, 1, i, 0, 2, "prose", f"Sentence {i}.") for i in range(5)]
    batch = record_batch(arrow_schema(SENTENCES), Chunk(rows=rows))
    columns = [list(column) for column in zip(*rows, strict=True)]

    for chunk in (Chunk(rows=rows), Chunk(columns=columns), Chunk(batch=batch)):
        parts = list(chunk.parts(2))
        assert [len(part) for part in parts] == [2, 2, 1]
        assert [tuple(row) for part in parts for row in part.rows] == rows
    assert [part.rows for part in Chunk(rows=rows).parts(5)] == [rows]


def _file_copy(tmp_path: Path) -> DatabaseWrapper:
    """The test database copied into a file, and a Django connection to it (the reader opens its own connection)."""
    path = tmp_path / "copy.sqlite3"
    with closing(sqlite3.connect(path)) as target:
        connection.connection.backup(target)
        target.execute("PRAGMA journal_mode=WAL")
    return DatabaseWrapper({**connection.settings_dict, "NAME": str(path)}, alias="copy")


def _rows_read(reader: ArrowReader, size: int) -> dict[str, list]:
    return {
        table.name: [row for chunk in reader.chunks(table, table.model.objects.all(), size=size) for row in chunk.rows]
        for table in TABLES
    }


def _rows_of_the_cursor() -> dict[str, list]:
    return {table.name: [row for chunk in table.chunks() for row in chunk.rows] for table in TABLES}


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's driver infers column types from the rows")
@pytest.mark.django_db(transaction=True)  # committed rows, which a backup copies
def test_sqlite_reader_reads_columns_that_are_null_throughout_the_first_rows(tmp_path):
    speaker = SpeakerFactory(wikidata_id="Q1", aliases=["Ana"])
    article = ArticleFactory()
    # The first claims have no claimant, no review and no evidence; a later one has them all.
    ClaimFactory.create_batch(3, article=article, claimant=None)
    reviewed = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)
    evidence = {"evidence_urls": ["https://e.example"], "reviewed_at": reviewed, "rationale": "Wrong."}
    ClaimFactory(article=article, claimant=speaker, status="false", **evidence)
    copy = _file_copy(tmp_path)

    with ArrowReader.open(copy) as reader:
        assert reader is not None
        read = _rows_read(reader, size=2)
    copy.close()

    assert read == _rows_of_the_cursor()
    assert read["claims"][-1][3:6] == (speaker.id, speaker.name, "Q1")


ALIASES = (["Ana", "Ana B"], [], ["é"], ['say "hi"'], ["back\\slash"], [""], ["a, b", "c"], ['", "'], ["tab\t"])


@pytest.mark.django_db(transaction=True)  # committed rows, which the reader's own connection sees
def test_reader_reads_json_arrays_plain_or_escaped_as_the_cursor_does(tmp_path):
    for aliases in ALIASES:
        SpeakerFactory(aliases=aliases)

    if connection.vendor == "sqlite":  # the test database is in memory: read a file copy of it
        copy = _file_copy(tmp_path)
        with ArrowReader.open(copy) as reader:
            assert reader is not None
            read = _rows_read(reader, size=4)
        copy.close()
    else:
        with snapshot(arrow=True) as adbc:
            assert adbc is not None
            read = _rows_read(ArrowReader(adbc), size=4)

    assert read["speakers"] == _rows_of_the_cursor()["speakers"]
    assert [row[-1] for row in read["speakers"]] == list(ALIASES)


@pytest.mark.skipif(connection.vendor != "sqlite", reason="a SQLite file read beside a writer")
@pytest.mark.django_db(transaction=True)
def test_sqlite_reader_keeps_the_snapshot_it_was_opened_in(tmp_path):
    ClaimFactory.create_batch(2)
    copy = _file_copy(tmp_path)
    copy.ensure_connection()
    with copy.cursor() as cursor:
        cursor.execute("BEGIN DEFERRED")

    with ArrowReader.open(copy) as reader:
        assert reader is not None
        with sqlite3.connect(copy.settings_dict["NAME"]) as editor:
            editor.execute("DELETE FROM newsfacts_claim")
        read = _rows_read(reader, size=1000)
    copy.close()

    assert len(read["claims"]) == 2


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite is compared in test_release (a file database)")
@pytest.mark.django_db(transaction=True)
def test_postgresql_release_read_by_adbc_holds_the_bytes_the_cursor_gives(dataset, tmp_path):
    created = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    formats = ["jsonl", "csv", "parquet", "sqlite"]

    write_release(tmp_path / "adbc", formats=formats, created=created)
    with transaction.atomic():  # within a transaction the rows are read through Django's cursor
        write_release(tmp_path / "cursor", formats=formats, created=created)

    names = sorted(path.name for path in (tmp_path / "adbc").iterdir())
    assert names == sorted(path.name for path in (tmp_path / "cursor").iterdir())
    for name in names:
        assert (tmp_path / "adbc" / name).read_bytes() == (tmp_path / "cursor" / name).read_bytes(), name
