"""The CSV tables of a release, written by Arrow's C++ CSV writer from a record batch a chunk of rows.

RFC 4180 with a header row and CRLF line ends. Cells hold what the API's CSV (``tables.CsvLines``) holds: text that
starts like a spreadsheet formula carries a leading apostrophe (the same triggers, ``tables.FORMULA_TRIGGERS``), null
is an empty cell, booleans are true/false, dates and timestamps ISO 8601 (UTC with a Z), arrays their JSON text.
Arrow quotes every text cell (so an empty text is ``""`` where null is empty) and writes numbers in their shortest
form (``1`` for 1.0).
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pa_csv

from newsfacts.exports.arrow import POOL, array_texts, arrow_field, arrow_schema, datetime_texts, record_batch
from newsfacts.exports.tables import FORMULA_TRIGGERS, Chunk, Table
from newsfacts.exports.writing import Writer

# A text starting with a formula trigger, the trigger captured (RE2, each code point as \x{hex}).
FORMULA_START = "^(" + "|".join("".join(f"\\x{{{ord(c):x}}}" for c in trigger) for trigger in FORMULA_TRIGGERS) + ")"
_OPTIONS = pa_csv.WriteOptions(eol="\r\n", quoting_header="none")

# Types written as text: the same text as the API's CSV.
_AS_TEXT = {"datetime": datetime_texts, "array": array_texts}


def neutralise_formulas(texts: pa.Array) -> pa.Array:
    """``tables.neutralise_formula`` of every text of an Arrow array, in C++ (nulls stay null).

    The anchored match only reads the start of each text, where a replacement would scan it whole: texts are only
    rewritten in the rare chunks where one starts like a formula.
    """
    formulas = pc.match_substring_regex(texts, pattern=FORMULA_START, memory_pool=POOL)
    if not pc.any(formulas).as_py():
        return texts
    return pc.if_else(formulas, pc.binary_join_element_wise("'", texts, "", memory_pool=POOL), texts, memory_pool=POOL)


class CsvWriter(Writer):
    """Writes chunks of a table's rows into one CSV file."""

    def __init__(self, path: Path, table: Table) -> None:
        self._table_schema = arrow_schema(table)
        self._as_text = [(i, _AS_TEXT[c.type]) for i, c in enumerate(table.columns) if c.type in _AS_TEXT]
        self.schema = pa.schema(
            [arrow_field(c, pa.string()) if c.type in _AS_TEXT else arrow_field(c) for c in table.columns]
        )
        # Free text is neutralised; numbers, closed vocabularies and the other types cannot start like a formula.
        self._free_text = [i for i, c in enumerate(table.columns) if c.type == "string" and not c.choices]
        self._writer = pa_csv.CSVWriter(str(path), self.schema, write_options=_OPTIONS, memory_pool=POOL)

    def write(self, chunk: Chunk) -> None:
        if not chunk:
            return
        columns = record_batch(self._table_schema, chunk).columns
        for i, as_text in self._as_text:
            columns[i] = as_text(columns[i])
        for i in self._free_text:
            columns[i] = neutralise_formulas(columns[i])
        self._writer.write_batch(pa.record_batch(columns, schema=self.schema))

    def close(self) -> None:
        self._writer.close()
