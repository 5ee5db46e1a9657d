"""The flat tables of a release (articles, sentences, speakers, quotes, claims) and how their rows are streamed.

One ``Table`` a model: its columns (name, ``values_list`` lookup, Table Schema type), its keys, and the encoders that
turn rows into JSON lines or RFC 4180 CSV. The release files (JSONL, CSV, Parquet, SQLite), the data package schemas
and the API's ``?format=csv`` and ``?format=ndjson`` all read these definitions, so a column is declared once.

Rows are read with the SQL Django compiles for the queryset, through a plain (on PostgreSQL server-side) cursor a
chunk at a time, and each value is turned into its plain Python type (``int``, ``float``, ``bool``, ``str``,
``date``, aware ``datetime``, ``list``) by the column's type: Django's per-row converters and model machinery cost
more than all the writing (bench/export_speed.py prints both beside the raw cursor).
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import orjson
from django.core.exceptions import EmptyResultSet
from django.db import connections, models

from newsfacts.choices import (
    Attribution,
    ClaimKind,
    QuoteKind,
    Rejection,
    SentenceKind,
    SpeakerKind,
    VerificationStatus,
)
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from newsfacts.values import iso_datetime

# A row of a table: its plain values in column order.
Row = Sequence[Any]

# Rows fetched a round trip: big enough to amortise the query, small enough to keep memory flat.
CHUNK_SIZE = 2000
# Rows a record batch of a release table: Arrow's calls cost per batch (~100 a batch of claims), so larger batches
# gave ~15% more rows/s in JSON lines than 2,000 for ~7 MB more at the peak (bench/export_speed.py).
RELEASE_CHUNK_SIZE = 4000


def iso_date(value: datetime.date) -> str:
    return value.isoformat()


def _as_datetime(value: Any) -> datetime.datetime:
    """A stored timestamp as an aware datetime (SQLite hands back naive UTC)."""
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.fromisoformat(value)
    return value if value.tzinfo is not None else value.replace(tzinfo=datetime.UTC)


def _as_date(value: Any) -> datetime.date:
    return value if isinstance(value, datetime.date) else datetime.date.fromisoformat(value)


def _as_list(value: Any) -> Any:
    return orjson.loads(value) if isinstance(value, (str, bytes)) else value


# How the values of a column read by the raw cursor become the plain values of its type, a column of a chunk at a
# time (a comprehension costs far less than a function call per value). None stays None.
_PLAIN: dict[str, Callable[[Sequence[Any]], list[Any]]] = {
    "datetime": lambda values: [None if v is None else _as_datetime(v) for v in values],
    "date": lambda values: [None if v is None else _as_date(v) for v in values],
    # Most rows hold an empty array: skip the parser for them.
    "array": lambda values: [[] if v == "[]" else None if v is None else _as_list(v) for v in values],
    "boolean": lambda values: [None if v is None else bool(v) for v in values],
}


class Chunk:
    """Rows of a table read together, as rows (tuples of values in column order), as columns (sequences of values in
    row order) or as an Arrow record batch of the table's schema (``arrow``), whichever a writer reads; the other
    forms are made once, when first asked for."""

    __slots__ = ("_batch", "_columns", "_rows")

    def __init__(
        self, *, rows: list[Row] | None = None, columns: list[Sequence[Any]] | None = None, batch: Any = None
    ) -> None:
        assert [rows, columns, batch].count(None) == 2
        self._rows = rows
        self._columns = columns
        self._batch = batch

    @property
    def rows(self) -> list[Row]:
        if self._rows is None:
            self._rows = list(zip(*self.columns, strict=True))
        return self._rows

    @property
    def columns(self) -> list[Sequence[Any]]:
        if self._columns is None:
            if self._batch is not None:
                from newsfacts.exports.arrow import plain_columns  # a batch means pyarrow is loaded

                self._columns = plain_columns(self._batch)
            else:
                self._columns = list(zip(*self._rows or (), strict=True))
        return self._columns

    @property
    def batch(self) -> Any:
        """The Arrow record batch of this chunk, if it was read or made as one (``arrow.record_batch``)."""
        return self._batch

    @batch.setter
    def batch(self, batch: Any) -> None:
        self._batch = batch

    def parts(self, size: int) -> Iterator[Chunk]:
        """This chunk's rows `size` at a time, each part a chunk of its own: a writer of Python values makes and
        frees them a part at a time rather than for the whole of a record batch at once."""
        if len(self) <= size:
            yield self
            return
        for start in range(0, len(self), size):
            if self._batch is not None:
                yield Chunk(batch=self._batch.slice(start, size))
            elif self._rows is not None:
                yield Chunk(rows=self._rows[start : start + size])
            else:
                yield Chunk(columns=[column[start : start + size] for column in self._columns or ()])

    def __len__(self) -> int:
        if self._batch is not None:
            return int(self._batch.num_rows)
        return len(self._rows) if self._rows is not None else len(self._columns[0]) if self._columns else 0


@dataclass(frozen=True)
class Column:
    """A column of a flat table: its name in the files, where its value comes from, its Table Schema type."""

    name: str
    type: str
    description: str
    lookup: str = ""
    required: bool = False
    choices: tuple[str, ...] = ()
    # The API filters by it: the SQLite release indexes it.
    indexed: bool = False

    @property
    def source(self) -> str:
        return self.lookup or self.name

    def schema(self) -> dict[str, Any]:
        field: dict[str, Any] = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.choices:
            constraints["enum"] = list(self.choices)
        if constraints:
            field["constraints"] = constraints
        return field


@dataclass(frozen=True)
class Table:
    """A model as a flat table of a release: one row an object, ordered by id."""

    name: str
    model: type[models.Model]
    title: str
    columns: tuple[Column, ...]
    # column -> the table its value is the id of
    foreign_keys: tuple[tuple[str, str], ...] = ()
    # Rows a chunk when writing a release (fewer for rows that carry a whole article, more for short ones).
    release_chunk_size: int = RELEASE_CHUNK_SIZE

    @property
    def field_names(self) -> list[str]:
        return [column.name for column in self.columns]

    def chunks(
        self, queryset: models.QuerySet | None = None, *, order_by_id: bool = True, size: int = CHUNK_SIZE
    ) -> Iterator[Chunk]:
        """The rows of `queryset` (default: every object), `size` a chunk, their values plain and in column order.

        One query (the SQL Django compiles for ``values_list`` of the columns), read with ``fetchmany``; on
        PostgreSQL through a server-side cursor, so memory holds one chunk however many rows there are.
        """
        if queryset is None:
            queryset = self.model._default_manager.all()
        if order_by_id:
            queryset = queryset.order_by("id")
        values = queryset.values_list(*(column.source for column in self.columns))
        try:
            sql, params = values.query.get_compiler(using=values.db).as_sql()
        except EmptyResultSet:
            return
        plain = [(i, _PLAIN[c.type]) for i, c in enumerate(self.columns) if c.type in _PLAIN]
        width = len(self.columns)
        with connections[values.db].chunked_cursor() as cursor:
            cursor.execute(sql, params)
            while batch := cursor.fetchmany(size):
                if len(batch[0]) != width:
                    batch = [row[:width] for row in batch]
                if not plain:
                    yield Chunk(rows=batch)
                    continue
                # Converted a whole column at a time (see _PLAIN), which the columnar formats read as they are.
                columns: list[Sequence[Any]] = list(zip(*batch, strict=True))
                for i, convert in plain:
                    columns[i] = convert(columns[i])
                yield Chunk(columns=columns)

    def rows(self, queryset: models.QuerySet | None = None, *, order_by_id: bool = True) -> Iterator[dict[str, Any]]:
        """The rows of `queryset` (default: every object) as dicts of plain values, in the queryset's order."""
        names = self.field_names
        for chunk in self.chunks(queryset, order_by_id=order_by_id):
            for row in chunk.rows:
                yield dict(zip(names, row, strict=True))

    def schema(self, *, resource_suffix: str, tables: Iterable[str], sort_fields: bool = False) -> dict[str, Any]:
        """The Table Schema of this table; foreign keys name the resources `<table><resource_suffix>` in `tables`.

        JSON lines carry their keys sorted, and Table Schema matches fields in order: `sort_fields` sorts them too.
        """
        present = set(tables)
        schema: dict[str, Any] = {
            "fields": schema_fields(self.columns, sort_fields=sort_fields),
            "primaryKey": ["id"],
            "missingValues": [""],
        }
        foreign_keys = [
            {"fields": [column], "reference": {"resource": f"{table}{resource_suffix}", "fields": ["id"]}}
            for column, table in self.foreign_keys
            if table in present
        ]
        if foreign_keys:
            schema["foreignKeys"] = foreign_keys
        return schema


def schema_fields(columns: Iterable[Column], *, sort_fields: bool = False) -> list[dict[str, Any]]:
    ordered = sorted(columns, key=lambda column: column.name) if sort_fields else list(columns)
    return [column.schema() for column in ordered]


# Functions converting a whole column of a chunk, by column index.
Converters = Sequence[tuple[int, Callable[[Sequence[Any]], list[Any]]]]


# Keys sorted, UTF-8 (no escapes), timestamps in UTC with a Z (whole seconds without a fraction).
JSON_OPTIONS = orjson.OPT_SORT_KEYS | orjson.OPT_UTC_Z


def json_bytes(row: dict[str, Any]) -> bytes:
    """One JSON object on one line (with its newline), keys sorted: the same row always gives the same bytes."""
    return orjson.dumps(row, option=JSON_OPTIONS | orjson.OPT_APPEND_NEWLINE)


def json_line(row: dict[str, Any]) -> str:
    """`json_bytes` as text."""
    return json_bytes(row).decode()


# A cell starting with one of these is read as a formula by spreadsheets (OWASP "CSV Injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def neutralise_formula(text: str) -> str:
    """`text` made inert for spreadsheets: a leading apostrophe when it starts like a formula, as OWASP advises.

    Every CSV the project writes passes its text cells through here (``CsvLines``); JSON formats keep the raw text.
    """
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def csv_cell(value: Any) -> Any:
    """A plain value as Table Schema reads it in CSV: empty for null, true/false, ISO dates, JSON arrays."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime.datetime):
        return iso_datetime(value)
    if isinstance(value, datetime.date):
        return iso_date(value)
    if isinstance(value, list | dict):
        # Table Schema's array type: the cell holds the JSON array.
        return orjson.dumps(value).decode()
    if isinstance(value, str):
        return neutralise_formula(value)
    return value


CSV_DESCRIPTION = (
    'CSV with a header row, text cells quoted (an empty text is "", a null an empty cell); a text cell that starts '
    "like a spreadsheet formula (= + - @) carries a leading apostrophe (the JSON lines hold the raw text)"
)


class CsvLines:
    """RFC 4180 CSV (CRLF line ends, quotes only where needed) of rows with the given columns, a line at a time.

    Text cells that a spreadsheet would run as a formula are neutralised (``neutralise_formula``); numbers are not.
    """

    def __init__(self, field_names: list[str]) -> None:
        self.field_names = field_names
        self._buffer = io.StringIO()
        self._writer = csv.writer(self._buffer, lineterminator="\r\n")

    def _take(self) -> str:
        text = self._buffer.getvalue()
        self._buffer.seek(0)
        self._buffer.truncate()
        return text

    def header(self) -> str:
        self._writer.writerow(self.field_names)
        return self._take()

    def line(self, row: dict[str, Any]) -> str:
        self._writer.writerow([csv_cell(row[name]) for name in self.field_names])
        return self._take()


def _id(description: str, required: bool = True) -> Column:
    return Column("id", "integer", description, required=required)


def _span_columns(noun: str, person: str, person_description: str, sentence_relation: str) -> tuple[Column, ...]:
    """The leading columns of quotes and claims: ids, the person with name and Wikidata id, the offsets."""
    return (
        _id(f"{noun.capitalize()} id."),
        Column("article_id", "integer", "The article.", required=True),
        Column("sentence_id", "integer", f"The sentence the {noun} {sentence_relation}.", required=True),
        Column(f"{person}_id", "integer", person_description),
        Column(f"{person}_name", "string", f"The {person}'s name.", lookup=f"{person}__name"),
        Column(f"{person}_wikidata_id", "string", f"The {person}'s Wikidata id.", lookup=f"{person}__wikidata_id"),
        Column("start", "integer", f"Offset of the {noun} in the article text, in code points.", required=True),
        Column(
            "end",
            "integer",
            f"Offset just past the {noun} in code points (text == article.text[start:end]).",
            required=True,
        ),
    )


_VERIFICATION_COLUMNS = (
    Column("status", "string", "Verification status an editor set.", choices=tuple(VerificationStatus.values)),
    Column("rationale", "string", "Why the status was set."),
    Column("evidence_urls", "array", "URLs of the evidence for the status (a JSON array)."),
    Column(
        "reviewed_at", "datetime", "When an editor last set the status (UTC); empty when never reviewed.", indexed=True
    ),
)

ARTICLES = Table(
    name="articles",
    model=Article,
    title="Articles",
    columns=(
        _id("Article id, stable across releases."),
        Column("title", "string", "Headline."),
        Column("publisher", "string", "Publisher, e.g. AFP.", indexed=True),
        Column(
            "url",
            "string",
            "Canonical URL of the article.",
        ),
        Column("published", "date", "Publication date.", indexed=True),
        Column("language", "string", "BCP 47 language tag.", indexed=True),
        Column("credit", "string", "Credit or licence line of the article."),
        Column("sha256", "string", "sha256 of the raw text (UTF-8)."),
        Column("text", "string", "The raw text; every offset in the release indexes it in code points."),
    ),
    release_chunk_size=200,
)

SENTENCES = Table(
    name="sentences",
    model=Sentence,
    title="Sentences",
    columns=(
        _id("Sentence id."),
        Column("article_id", "integer", "The article.", required=True),
        Column("position", "integer", "0-based order in the article.", required=True),
        Column("start", "integer", "Offset of the first code point in the article text.", required=True),
        Column(
            "end", "integer", "Offset just past the last code point (text == article.text[start:end]).", required=True
        ),
        Column("kind", "string", "Prose or a piece of furniture.", choices=tuple(SentenceKind.values)),
        Column("text", "string", "The sentence text."),
    ),
    foreign_keys=(("article_id", "articles"),),
)

SPEAKERS = Table(
    name="speakers",
    model=Speaker,
    title="Speakers",
    columns=(
        _id("Speaker id."),
        Column("name", "string", "Name."),
        Column("slug", "string", "Unique slug."),
        Column("kind", "string", "Person or organisation.", choices=tuple(SpeakerKind.values)),
        Column("description", "string", "Short description."),
        Column("wikidata_id", "string", "Wikidata id (Q followed by digits); empty when unknown.", indexed=True),
        Column("aliases", "array", "Other names in the text (a JSON array)."),
    ),
    # A speaker is a name and a few words: 16,384 of them take fewer bytes than a batch of 4,000 claims, and a table
    # of a few thousand pays each batch's fixed calls once (~10% of its time at 5,000 rows; bench/export_speed.py).
    release_chunk_size=16384,
)

QUOTES = Table(
    name="quotes",
    model=Quote,
    title="Quotes",
    columns=(
        *_span_columns("quote", "speaker", "The speaker; empty when not attributed.", "starts in"),
        Column("speaker_description", "string", "Who speaks when no speaker is named, in the article's words."),
        Column("text", "string", "The quoted words."),
        Column("kind", "string", "Direct, indirect or mixed.", choices=tuple(QuoteKind.values)),
        Column("cue", "string", "The reporting verb or phrase."),
        Column("attribution", "string", "How the speaker was found.", choices=tuple(Attribution.values)),
        Column("confidence", "number", "The pipeline's confidence in the attribution, 0 to 1."),
        Column("attribution_confirmed", "boolean", "An editor confirmed the speaker."),
        *_VERIFICATION_COLUMNS,
    ),
    foreign_keys=(("article_id", "articles"), ("sentence_id", "sentences"), ("speaker_id", "speakers")),
)

CLAIMS = Table(
    name="claims",
    model=Claim,
    title="Claims",
    columns=(
        *_span_columns("claim", "claimant", "The speaker who made it; empty when the article itself does.", "lies in"),
        Column(
            "claimant_description",
            "string",
            "Who makes it when no claimant is named, in the article's words; empty when the article itself does.",
        ),
        Column("text", "string", "The check-worthy statement."),
        Column("kind", "string", "What makes it check-worthy.", choices=tuple(ClaimKind.values)),
        Column("confidence", "number", "The pipeline's confidence that the claim is check-worthy, 0 to 1."),
        *_VERIFICATION_COLUMNS,
    ),
    foreign_keys=(("article_id", "articles"), ("sentence_id", "sentences"), ("claimant_id", "speakers")),
)

_REJECTION_COLUMNS = (
    Column(
        "rejected_reason",
        "string",
        "Why an editor rejected it as a false extraction.",
        required=True,
        choices=tuple(Rejection.values),
    ),
    Column("rejected_at", "datetime", "When an editor rejected it (UTC)."),
)


def rejected(table: Table) -> Table:
    """The items of a span table that editors rejected: its columns and why, kept apart as negative examples."""
    return Table(
        name=f"rejected_{table.name}",
        model=table.model,
        title=f"Rejected {table.title.lower()}",
        columns=(*table.columns, *_REJECTION_COLUMNS),
        foreign_keys=table.foreign_keys,
    )


REJECTED_QUOTES = rejected(QUOTES)
REJECTED_CLAIMS = rejected(CLAIMS)

# In dependency order: a table only refers to tables before it. A model's first table is its API shape.
TABLES: tuple[Table, ...] = (ARTICLES, SENTENCES, SPEAKERS, QUOTES, CLAIMS, REJECTED_QUOTES, REJECTED_CLAIMS)


def table_for(model: type[models.Model]) -> Table:
    """The flat table of a model; LookupError when the model has none."""
    for table in TABLES:
        if table.model is model:
            return table
    raise LookupError(f"{model.__name__} has no export table")
