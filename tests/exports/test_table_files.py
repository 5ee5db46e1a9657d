"""The JSON lines and CSV of a table, written a chunk of rows at a time, hold what a row at a time gives."""

from __future__ import annotations

import csv
import datetime
import io
import json

import pytest

from newsfacts.exports.arrow import arrow_schema, record_batch
from newsfacts.exports.arrowjson import write_json_lines
from newsfacts.exports.csvfile import CsvWriter
from newsfacts.exports.tables import CLAIMS, SPEAKERS, Chunk, CsvLines, json_bytes

REVIEWED = datetime.datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=datetime.UTC)
ON_THE_SECOND = datetime.datetime(2026, 3, 4, 5, 6, 7, tzinfo=datetime.UTC)

# Texts that look like the boundaries between JSON objects, or like CSV syntax, or start like a formula.
AWKWARD_TEXTS = [
    'The budget rose},{"article_id":7, said the minister.',
    '"},{"article_id":1}\n{"article_id":2}',
    'Two lines,\r\nwith a comma and a "quote"',
    "=SUM(A1:A2)",
    "-40 degrees",
    "@channel",
    "\tindented",
    "Zoë said 😀 \x1f",
    "",
]


def _claim(i: int, text: str) -> tuple:
    """A claims row (plain values in column order), with a claimant for odd rows (a description for the others) and
    a review for every third."""
    values = {
        "id": i,
        "article_id": 1,
        "sentence_id": 2,
        "claimant_id": 3 if i % 2 else None,
        "claimant_name": "Ana Abe" if i % 2 else None,
        "claimant_wikidata_id": "" if i % 2 else None,
        "start": 0,
        "end": len(text),
        "claimant_description": "" if i % 2 else "=a senior official",
        "text": text,
        "kind": "figure",
        "confidence": [1.0, 0.5, 1e-05, 0.3333333333333333][i % 4],
        "status": "verified" if i % 3 == 0 else "unverified",
        "rationale": "=checked" if i % 3 == 0 else "",
        "evidence_urls": ['https://e.example/"q"', "https://e.example/é"] if i % 3 == 0 else [],
        "reviewed_at": (REVIEWED if i % 2 else ON_THE_SECOND) if i % 3 == 0 else None,
    }
    assert list(values) == CLAIMS.field_names
    return tuple(values.values())


ROWS = [_claim(i, text) for i, text in enumerate(AWKWARD_TEXTS, start=1)]


def _json_lines(rows) -> bytes:
    stream = io.BytesIO()
    write_json_lines(stream, record_batch(arrow_schema(CLAIMS), Chunk(rows=rows)))
    return stream.getvalue()


def test_json_lines_of_a_chunk_are_the_lines_of_each_row():
    encoded = _json_lines(ROWS)

    assert encoded == b"".join(json_bytes(dict(zip(CLAIMS.field_names, row, strict=True))) for row in ROWS)
    assert [json.loads(line)["text"] for line in encoded.splitlines()] == AWKWARD_TEXTS


def test_json_lines_of_no_rows_is_empty():
    assert _json_lines([]) == b""


def _csv_rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline="")))


@pytest.mark.parametrize("table", [CLAIMS, SPEAKERS], ids=lambda table: table.name)
def test_csv_file_holds_the_cells_of_the_apis_csv(tmp_path, table):
    rows = (
        ROWS
        if table is CLAIMS
        else [
            (1, "=cmd|' /C calc'!A0", "evil", "person", "-desc", "", ["=x", 'é"q', "a,b"]),
            (2, "Ana Abe", "ana-abe", "organisation", "", None, []),
        ]
    )
    path = tmp_path / f"{table.name}.csv"
    with CsvWriter(path, table) as writer:
        writer.write(Chunk(rows=rows[:2]))
        writer.write(Chunk(columns=list(zip(*rows[2:], strict=True))))
    lines = CsvLines(table.field_names)
    expected = lines.header() + "".join(lines.line(dict(zip(table.field_names, row, strict=True))) for row in rows)

    written = path.read_bytes().decode()

    assert written.endswith("\r\n")
    header, *cells = _csv_rows(expected)
    written_header, *written_cells = _csv_rows(written)
    assert written_header == header
    assert [_values(row, table) for row in written_cells] == [_values(row, table) for row in cells]


def _values(cells: list[str], table) -> list:
    """The cells of a row, numbers as numbers (the file writes 1 and 0.00001 where the API writes 1.0 and 1e-05)."""
    return [
        float(cell) if column.type == "number" and cell else cell
        for cell, column in zip(cells, table.columns, strict=True)
    ]


def test_csv_file_quotes_empty_text_and_leaves_null_empty(tmp_path):
    path = tmp_path / "speakers.csv"
    with CsvWriter(path, SPEAKERS) as writer:
        writer.write(Chunk(rows=[(2, "Ana Abe", "ana-abe", "person", "", None, [])]))

    assert path.read_bytes().decode().split("\r\n")[1] == '2,"Ana Abe","ana-abe","person","",,"[]"'
