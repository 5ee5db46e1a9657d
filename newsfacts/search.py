"""Full-text search of the dataset in the database's own index: SQLite FTS5, PostgreSQL text search.

A search is typed as on a search engine: words (all must occur), ``"quoted phrases"``, ``prefix*`` and ``-excluded``
words; case and accents are folded on both databases. ``parse`` turns it into ``Terms``, which render themselves as an
FTS5 MATCH expression or a PostgreSQL ``to_tsquery``, every word quoted, so no input is a syntax error in the index.

The index of each searched table (``INDEXES``) is created by a migration and kept true by the database itself:

- SQLite: an FTS5 external-content table ``<table>_fts`` (``unicode61 remove_diacritics 2``) with triggers on insert,
  delete and update of the searched columns, so ``loaddata``, ingest, edits and merges all keep it in step;
  ``install()`` also runs after every ``migrate`` and puts back triggers a table rebuild dropped (then reindexes).
- PostgreSQL: a GIN index over ``to_tsvector('newsfacts_search', ...)``, a configuration that is ``simple``
  (no stemming, no stop words: as FTS5) with ``unaccent`` when the server has it.

A row matches with ``matching()``, is ranked with ``rank()`` (bm25 / ts_rank, lower is better on both) and
shows where with ``highlight()``. ``time_limit()`` bounds a search: a statement timeout on PostgreSQL, a progress
handler on SQLite, raising ``SearchTimeout``.
"""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import reduce

from django.apps import apps as global_apps
from django.apps.registry import Apps
from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVectorExact, SearchVectorField
from django.db import DatabaseError, connection, models, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, F, FloatField, Func, Q, Subquery, TextField
from django.db.models.expressions import CombinedExpression, Expression, RawSQL
from django.db.models.functions import Coalesce

RELEVANCE = "relevance"  # the name of a row's rank, and of the ordering by it
CONFIG = "newsfacts_search"  # the PostgreSQL text search configuration
# Private-use characters around a highlighted word: the row's text is HTML-escaped, then they become <mark>.
MARK_START, MARK_END = "\ue000", "\ue001"
HIGHLIGHT_WORDS = 24

_TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')


class SearchSyntaxError(ValueError):
    """The search only excludes: there is nothing to look for."""


class SearchTimeout(Exception):
    """The search ran past its time limit (``NEWSFACTS_SEARCH_TIMEOUT``)."""


@dataclass(frozen=True)
class Term:
    """A word or a phrase as typed: ``prefix`` for ``word*``, ``excluded`` for ``-word``."""

    text: str
    prefix: bool = False
    excluded: bool = False

    def fts5(self) -> str:
        return '"' + self.text.replace('"', '""') + '"' + ("*" if self.prefix else "")

    def tsquery(self) -> str:
        # A quoted operand is split by the configuration's parser: several words make a phrase (<->).
        return "'" + self.text.replace("\\", " ").replace("'", "''") + "'" + (":*" if self.prefix else "")


@dataclass(frozen=True)
class Terms:
    """A parsed search: every ``wanted`` term must occur (``any_of``: one of them), no ``excluded`` term may; none
    wanted finds nothing."""

    wanted: tuple[Term, ...]
    excluded: tuple[Term, ...] = ()
    any_of: bool = False

    def __bool__(self) -> bool:
        return bool(self.wanted)

    def fts5(self) -> str:
        expression = (" OR " if self.any_of else " AND ").join(term.fts5() for term in self.wanted)
        if self.excluded:
            expression = f"({expression}) NOT ({' OR '.join(term.fts5() for term in self.excluded)})"
        return expression

    def tsquery(self) -> str:
        wanted = [term.tsquery() for term in self.wanted]
        if self.any_of:
            wanted = [f"({' | '.join(wanted)})"]
        return " & ".join([*wanted, *(f"!{term.tsquery()}" for term in self.excluded)])


def parse(value: str) -> Terms:
    """The terms of a search as typed; raises SearchSyntaxError when it only excludes.

    Punctuation and symbols alone (``?!``, an emoji) are no word of the index: such a search finds nothing.
    """
    wanted: list[Term] = []
    excluded: list[Term] = []
    for match in _TOKEN.finditer(value):
        minus_phrase, phrase, minus_word, word = match.groups()
        if phrase is not None:
            term = Term(" ".join(phrase.split()), excluded=bool(minus_phrase))
        else:
            stripped = word.rstrip("*")
            term = Term(stripped, prefix=stripped != word, excluded=bool(minus_word))
        if not any(character.isalnum() for character in term.text):
            continue  # punctuation alone: the index holds no such token
        (excluded if term.excluded else wanted).append(term)
    if excluded and not wanted:
        raise SearchSyntaxError("Give at least one word to find: -word only excludes.")
    return Terms(tuple(wanted), tuple(excluded))


@dataclass(frozen=True)
class SearchIndex:
    """The searched columns of a table; ``lists`` are JSON lists of names (a speaker's aliases)."""

    table: str
    columns: tuple[str, ...]
    lists: tuple[str, ...] = ()

    @property
    def fts(self) -> str:
        return f"{self.table}_fts"

    # SQLite

    def _value(self, column: str, row: str) -> str:
        if column in self.lists:
            return f"(SELECT group_concat(value, ' ') FROM json_each({row}.{column}))"
        return f"{row}.{column}"

    def _fts_row(self, row: str) -> str:
        return ", ".join([f"{row}.id", *(self._value(column, row) for column in self.columns)])

    def sqlite_statements(self) -> list[str]:
        """The FTS5 table and its triggers (idempotent).

        External content (the index reads the table's own columns, as snippets need), except for a table with JSON
        lists: they are indexed as their names (JSON text escapes accents), so that index is contentless.
        """
        columns = ", ".join(self.columns)
        content = "''" if self.lists else f"'{self.table}', content_rowid='id'"
        add = f"INSERT INTO {self.fts}(rowid, {columns}) VALUES ({self._fts_row('new')});"
        remove = f"INSERT INTO {self.fts}({self.fts}, rowid, {columns}) VALUES ('delete', {self._fts_row('old')});"
        return [
            f"CREATE VIRTUAL TABLE IF NOT EXISTS {self.fts} USING fts5({columns}, content={content}, "
            "tokenize='unicode61 remove_diacritics 2')",
            f"CREATE TRIGGER IF NOT EXISTS {self.fts}_insert AFTER INSERT ON {self.table} BEGIN {add} END",
            f"CREATE TRIGGER IF NOT EXISTS {self.fts}_delete AFTER DELETE ON {self.table} BEGIN {remove} END",
            f"CREATE TRIGGER IF NOT EXISTS {self.fts}_update AFTER UPDATE OF {columns} ON {self.table} "
            f"BEGIN {remove} {add} END",
        ]

    def sqlite_rebuild(self) -> list[str]:
        """Statements that index every row afresh."""
        if not self.lists:
            return [f"INSERT INTO {self.fts}({self.fts}) VALUES ('rebuild')"]
        columns = ", ".join(self.columns)
        return [
            f"INSERT INTO {self.fts}({self.fts}) VALUES ('delete-all')",
            f"INSERT INTO {self.fts}(rowid, {columns}) SELECT {self._fts_row(self.table)} FROM {self.table}",
        ]

    def sqlite_drop(self) -> list[str]:
        return [f"DROP TRIGGER IF EXISTS {name}" for name in self.triggers] + [f"DROP TABLE IF EXISTS {self.fts}"]

    @property
    def triggers(self) -> tuple[str, ...]:
        return tuple(f"{self.fts}_{event}" for event in ("insert", "delete", "update"))

    # PostgreSQL

    def document(self, prefix: str = "") -> Expression:
        """The row's tsvector, written exactly as the GIN index is (the configuration a literal, not a parameter)."""
        parts = [Document(F(f"{prefix}{column}")) for column in self.columns]
        return reduce(lambda left, right: CombinedExpression(left, "||", right, SearchVectorField()), parts)

    def gin_index_name(self) -> str:
        return f"{self.table}_search"


class Document(Func):
    template = f"to_tsvector('{CONFIG}'::regconfig, %(expressions)s)"
    output_field = SearchVectorField()


INDEXES = {
    "newsfacts.Article": SearchIndex("newsfacts_article", ("title", "publisher", "url")),
    "newsfacts.Sentence": SearchIndex("newsfacts_sentence", ("text",)),
    "newsfacts.Speaker": SearchIndex("newsfacts_speaker", ("name", "aliases"), lists=("aliases",)),
    "newsfacts.Quote": SearchIndex("newsfacts_quote", ("text",)),
    "newsfacts.Claim": SearchIndex("newsfacts_claim", ("text",)),
}


def index_of(model: type[models.Model]) -> SearchIndex:
    return INDEXES[model._meta.label]


def install(using: BaseDatabaseWrapper | None = None, apps: Apps | None = None) -> None:
    """Create whatever is missing of the search indexes; reindex a table whose triggers were missing.

    Idempotent: a migration calls it, and so does every ``migrate`` (``post_migrate``).
    """
    using = using or connection
    if using.vendor == "sqlite":
        _install_sqlite(using)
    elif using.vendor == "postgresql":
        _install_postgresql(using, apps or global_apps)


def uninstall(using: BaseDatabaseWrapper | None = None) -> None:
    using = using or connection
    with using.cursor() as cursor:
        for index in INDEXES.values():
            if using.vendor == "sqlite":
                for statement in index.sqlite_drop():
                    cursor.execute(statement)
            elif using.vendor == "postgresql":
                cursor.execute(f"DROP INDEX IF EXISTS {index.gin_index_name()}")
        if using.vendor == "postgresql":
            cursor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {CONFIG}")


def drop_triggers(using: BaseDatabaseWrapper | None = None) -> None:
    """Stop keeping the SQLite indexes in step (a bulk load); ``install()`` puts the triggers back and reindexes."""
    using = using or connection
    if using.vendor != "sqlite":
        return
    with using.cursor() as cursor:
        for index in INDEXES.values():
            for trigger in index.triggers:
                cursor.execute(f"DROP TRIGGER IF EXISTS {trigger}")


def repair(using: BaseDatabaseWrapper | None = None) -> None:
    """On SQLite, reinstall the indexes once installed whose triggers a table rebuild dropped; else nothing."""
    using = using or connection
    if using.vendor != "sqlite":
        return  # PostgreSQL keeps an expression index through ALTER TABLE
    with using.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        installed = {row[0] for row in cursor.fetchall()}
    if any(index.fts in installed for index in INDEXES.values()):
        _install_sqlite(using)


def _install_sqlite(using: BaseDatabaseWrapper) -> None:
    with using.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        triggers = {row[0] for row in cursor.fetchall()}
        for index in INDEXES.values():
            for statement in index.sqlite_statements():
                cursor.execute(statement)
            if not set(index.triggers) <= triggers:
                # New, or a rebuild of the table (Django remakes SQLite tables to alter them) dropped the triggers.
                for statement in index.sqlite_rebuild():
                    cursor.execute(statement)


def _install_postgresql(using: BaseDatabaseWrapper, apps: Apps) -> None:
    from django.contrib.postgres.indexes import GinIndex

    with using.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_ts_config WHERE cfgname = %s", [CONFIG])
        if cursor.fetchone() is None:
            cursor.execute(f"CREATE TEXT SEARCH CONFIGURATION {CONFIG} (COPY = simple)")
            try:
                with transaction.atomic(using=using.alias):
                    cursor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
            except DatabaseError:
                pass  # without the extension (no rights on a managed server) accents are not folded
            else:
                cursor.execute(
                    f"ALTER TEXT SEARCH CONFIGURATION {CONFIG} ALTER MAPPING FOR hword, hword_part, word "
                    "WITH unaccent, simple"
                )
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE indexname = ANY(%s)",
            [[index.gin_index_name() for index in INDEXES.values()]],
        )
        existing = {row[0] for row in cursor.fetchall()}
    with using.schema_editor(atomic=False) as editor:
        for label, index in INDEXES.items():
            if index.gin_index_name() not in existing:
                editor.add_index(apps.get_model(label), GinIndex(index.document(), name=index.gin_index_name()))


def matching(model: type[models.Model], terms: Terms, *, field: str = "pk") -> Q:
    """Rows whose ``field`` (their id, or the id of a related row of ``model``) is that of a ``model`` row matching."""
    index = index_of(model)
    if connection.vendor == "sqlite":
        return Q(
            **{f"{field}__in": RawSQL(f"SELECT rowid FROM {index.fts} WHERE {index.fts} MATCH %s", [terms.fts5()])}
        )
    found = SearchVectorExact(index.document(), SearchQuery(terms.tsquery(), config=CONFIG, search_type="raw"))
    if field == "pk":
        return Q(found)
    return Q(_AnyOf(F(field), Subquery(model._default_manager.filter(found).order_by().values("pk"))))


def matching_or_related(
    model: type[models.Model], terms: Terms, related: Sequence[tuple[type[models.Model], str]]
) -> Q:
    """Rows matching ``terms`` themselves, or whose foreign key ``field`` is a matching row of another model (a claim
    whose claimant's name matches: ``related=[(Speaker, "claimant_id")]``).

    On PostgreSQL one ``id IN (own matches UNION ALL related matches)``: ORed into one condition, the related part's
    unknown number of rows made the planner walk the id index and compute every row's text vector (1.5 s for an
    absent word at 1M claims, whatever the GIN index); each part of the union is planned from its own index.
    """
    found = matching(model, terms)
    if not related:
        return found
    if connection.vendor == "sqlite":
        for other, field in related:
            found |= matching(other, terms, field=field)
        return found
    manager = model._default_manager
    own = manager.filter(found).order_by().values("pk")
    others = [manager.filter(matching(other, terms, field=field)).order_by().values("pk") for other, field in related]
    return Q(pk__in=own.union(*others, all=True))


class _AnyOf(Expression):
    """``field = ANY(ARRAY(subquery))``: unlike ``IN (subquery)``, an index on the field still serves it when ORed
    with another indexed condition (PostgreSQL plans a BitmapOr of both instead of filtering every row)."""

    output_field = BooleanField()

    def __init__(self, field: Expression, subquery: Subquery) -> None:
        super().__init__()
        self.column, self.subquery = field, subquery

    def get_source_expressions(self) -> list[Expression]:
        return [self.column, self.subquery]

    def set_source_expressions(self, expressions: list[Expression]) -> None:
        self.column, self.subquery = expressions

    def as_sql(self, compiler, connection):  # type: ignore[no-untyped-def]
        field_sql, field_params = compiler.compile(self.column)
        subquery_sql, subquery_params = compiler.compile(self.subquery)
        return f"{field_sql} = ANY(ARRAY{subquery_sql})", [*field_params, *subquery_params]


class _Fts5Auxiliary(Expression):
    """``(SELECT fn(<table>_fts, ...) FROM <table>_fts WHERE MATCH %s AND rowid = <row id>)``: an FTS5 function."""

    def __init__(self, index: SearchIndex, function: str, terms: Terms, output_field: models.Field) -> None:
        super().__init__(output_field=output_field)
        self.index, self.function, self.terms = index, function, terms

    def get_source_expressions(self) -> list[Expression]:
        return [self.pk]

    def set_source_expressions(self, expressions: list[Expression]) -> None:
        (self.pk,) = expressions

    def resolve_expression(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        clone = self.copy()
        clone.pk = F("pk").resolve_expression(*args, **kwargs)
        return clone

    def as_sql(self, compiler, connection):  # type: ignore[no-untyped-def]
        pk_sql, pk_params = compiler.compile(self.pk)
        fts = self.index.fts
        sql = f"(SELECT {self.function} FROM {fts} WHERE {fts} MATCH %s AND {fts}.rowid = {pk_sql})"
        return sql, [self.terms.fts5(), *pk_params]


def rank(model: type[models.Model], terms: Terms) -> Expression:
    """How well each row's own text matches, lower is better (0 when only a related name matched).

    In double precision on PostgreSQL: a real (ts_rank's type) read as text would not compare equal to itself when
    a cursor sends it back.
    """
    index = index_of(model)
    if connection.vendor == "sqlite":
        return Coalesce(_Fts5Auxiliary(index, f"bm25({index.fts})", terms, FloatField()), 0.0)
    query = SearchQuery(terms.tsquery(), config=CONFIG, search_type="raw")
    return Func(
        index.document(), query, template="-ts_rank(%(expressions)s)::double precision", output_field=FloatField()
    )


def highlight(model: type[models.Model], terms: Terms) -> Expression:
    """A fragment of the row's text around the matched words, the words between MARK_START and MARK_END."""
    index = index_of(model)
    if connection.vendor == "sqlite":
        ellipsis = "…"
        function = f"snippet({index.fts}, -1, '{MARK_START}', '{MARK_END}', '{ellipsis}', {HIGHLIGHT_WORDS})"
        return _Fts5Auxiliary(index, function, terms, TextField())
    query = SearchQuery(terms.tsquery(), config=CONFIG, search_type="raw")
    return SearchHeadline(
        index.columns[0],
        query,
        config=CONFIG,
        start_sel=MARK_START,
        stop_sel=MARK_END,
        max_words=HIGHLIGHT_WORDS,
        min_words=HIGHLIGHT_WORDS // 2,
    )


def highlight_html(fragment: str | None) -> str | None:
    """The fragment HTML-escaped, its matched words in <mark>: safe to insert into a page as it is."""
    if fragment is None:
        return None
    return html.escape(fragment).replace(MARK_START, "<mark>").replace(MARK_END, "</mark>")


@contextmanager
def time_limit(seconds: float, using: BaseDatabaseWrapper | None = None) -> Iterator[None]:
    """Stop any statement of the block that runs longer than ``seconds`` with SearchTimeout (0: no limit)."""
    using = using or connection
    if seconds <= 0:
        yield
        return
    if using.vendor == "postgresql":
        from psycopg.errors import QueryCanceled

        try:
            # A transaction (or a savepoint) of its own: the limit ends with it, and a cancelled one rolls back.
            with transaction.atomic(using=using.alias), using.cursor() as cursor:
                cursor.execute(
                    "SELECT current_setting('statement_timeout'), set_config('statement_timeout', %s, true)",
                    [f"{int(seconds * 1000)}ms"],
                )
                (previous, _) = cursor.fetchone()
                yield
                cursor.execute("SELECT set_config('statement_timeout', %s, true)", [previous])
        except DatabaseError as error:
            if isinstance(error.__cause__, QueryCanceled):
                raise SearchTimeout() from error
            raise
        return
    if using.vendor == "sqlite":
        using.ensure_connection()
        deadline = time.monotonic() + seconds

        def past_deadline() -> int:
            return int(time.monotonic() > deadline)

        raw = using.connection
        raw.set_progress_handler(past_deadline, 1000)
        try:
            yield
        except DatabaseError as error:
            if "interrupted" in str(error):
                raise SearchTimeout() from error
            raise
        finally:
            raw.set_progress_handler(None, 1000)
        return
    yield
