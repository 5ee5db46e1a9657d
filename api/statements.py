"""Compiled list queries, reused per process: a list page's SQL kept for its query parameters, the cursor apart.

Filtering a list (django-filter's form and filters, the ORM's lookups) and compiling its joined ``values()`` query cost
several times what running it does (``bench/profile_api.py``). The list's query depends on its query parameters
alone, so for the same parameters it is the same SQL but for the cursor's values. The first request with a set of
parameters filters and compiles as usual; the statement is kept, the cursor's values marked in its parameters, and
the next requests with those parameters (the next pages of a walk, a client polling a filter) bind their cursor's
values into it and run it: no filtering and no compiling::

    SELECT claim.id, ..., article.title, ... FROM newsfacts_claim claim INNER JOIN newsfacts_article article ...
    WHERE claim.status = %s AND claim.claimant_id IN (%s) AND claim.rejected_reason = %s
      AND (claim.id > %s)                          -- the cursor's value, bound per request
    ORDER BY claim.id ASC LIMIT 51

A statement is kept only when compiling the page with the request's own cursor values gives exactly its SQL with
those values bound (a filter whose SQL changed with the values would fail this, and its page is compiled each
time). Rows go through the same converters Django's ``values()`` applies.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import EmptyResultSet
from django.db import connections, models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import QuerySet

from api.filters import OrderKey

# Lists whose statements a process keeps, and statements a list keeps (first pages, later pages, either direction,
# page sizes): bounded, since the parameters are the clients'. A full table starts afresh.
MAX_LISTS = 512
MAX_STATEMENTS_A_LIST = 8


@dataclass(frozen=True)
class Statement:
    """A page's SQL and parameters; ``slots`` (parameter index, cursor value index) mark where the cursor's go."""

    sql: str
    params: tuple[Any, ...]
    slots: tuple[tuple[int, int], ...]
    names: tuple[str, ...]
    converters: dict[int, Any]

    def rows(self, queryset: QuerySet, keys: list[OrderKey], position: list[Any] | None) -> list[dict[str, Any]]:
        """The page's rows as ``values()`` gives them, with ``position``'s values bound."""
        connection = connections[queryset.db]
        params = list(self.params)
        if self.slots:
            prepared = _prepared(keys, position or [], connection)
            for index, slot in self.slots:
                params[index] = prepared[slot]
        with connection.cursor() as cursor:
            cursor.execute(self.sql, params)
            fetched = cursor.fetchall()
        if self.converters:
            fetched = queryset.query.get_compiler(connection=connection).apply_converters(fetched, self.converters)
        names = self.names
        return [dict(zip(names, row, strict=False)) for row in fetched]


class ListStatements:
    """The filtered queryset of one list's query parameters and the statements of its pages."""

    def __init__(self, queryset: QuerySet) -> None:
        self.queryset = queryset
        self._statements: dict[Hashable, Statement | None] = {}

    def rows(
        self,
        key: Hashable,
        keys: list[OrderKey],
        position: list[Any] | None,
        page: Callable[[list[Any] | None], QuerySet],
    ) -> list[dict[str, Any]]:
        """The rows of ``page(position)`` (a values() queryset), from the statement kept under ``key`` or made now."""
        if key not in self._statements:
            if len(self._statements) >= MAX_STATEMENTS_A_LIST:
                self._statements.clear()
            self._statements[key] = _statement(keys, position, page, connections[self.queryset.db])
        statement = self._statements[key]
        if statement is None:  # not reusable: compiled each time
            return list(page(position))
        return statement.rows(self.queryset, keys, position)


def cache_key(view: Any, params: Any, cursor_param: str) -> Hashable:
    """What a list's query depends on: the view and every query parameter but the cursor."""
    return (type(view), tuple(sorted((name, tuple(values)) for name, values in params.lists() if name != cursor_param)))


def pattern(position: list[Any] | None) -> Hashable:
    """The cursor's shape: none, or which of its values are NULL (an empty value compiles to IS NULL)."""
    return None if position is None else tuple(value is None for value in position)


def _compiled(page: QuerySet) -> tuple[str, tuple[Any, ...], tuple[str, ...], dict[int, Any]]:
    """The SQL, parameters, column names and converters of a values() queryset, as ``ValuesIterable`` reads them."""
    query = page.query
    compiler = query.get_compiler(using=page.db)
    sql, params = compiler.as_sql()
    converters = compiler.get_converters([column[0] for column in compiler.select[: compiler.col_count]])
    names = (*query.extra_select, *query.values_select, *query.annotation_select)
    return sql, tuple(params), names, converters


def _statement(
    keys: list[OrderKey],
    position: list[Any] | None,
    page: Callable[[list[Any] | None], QuerySet],
    connection: BaseDatabaseWrapper,
) -> Statement | None:
    """The page's statement with the cursor's values marked, or None when it cannot be reused."""
    try:
        if position is None:
            sql, params, names, converters = _compiled(page(None))
            return Statement(sql, params, (), names, converters)
        markers = [
            None if value is None else _marker(key, index)
            for index, (key, value) in enumerate(zip(keys, position, strict=True))
        ]
        if any(marker is _UNMARKABLE for marker in markers):
            return None
        sql, params, names, converters = _compiled(page(markers))
        prepared_markers = _prepared(keys, markers, connection)
        slots = tuple(
            (index, slot)
            for index, param in enumerate(params)
            for slot, marker in enumerate(prepared_markers)
            if marker is not None and type(param) is type(marker) and param == marker
        )
        # The check: the page compiled with the request's own values is the statement with them bound.
        real_sql, real_params, _, _ = _compiled(page(position))
        bound = list(params)
        prepared = _prepared(keys, position, connection)
        for index, slot in slots:
            bound[index] = prepared[slot]
        if real_sql != sql or tuple(bound) != real_params:
            return None
        return Statement(sql, params, slots, names, converters)
    except EmptyResultSet:  # a filter that matches nothing: nothing to run
        return None


_UNMARKABLE = object()


def _marker(key: OrderKey, index: int) -> Any:
    """A value of the key's column that no request sends, told apart by ``index``."""
    field = key.field
    if isinstance(field, models.IntegerField | models.AutoField):
        return -(2**62) - index
    if isinstance(field, models.FloatField):
        return -1.0e300 - index * 1.0e290
    if isinstance(field, models.DateTimeField):
        return datetime.datetime(1, 1, 1, 0, 0, 0, 700_000 + index, tzinfo=datetime.UTC)
    if isinstance(field, models.DateField) and index < 28:
        return datetime.date(1, 1, 1 + index)
    if isinstance(field, models.CharField | models.TextField):
        return f"\x1fcursor value {index}\x1f"
    return _UNMARKABLE


def _prepared(keys: list[OrderKey], values: list[Any], connection: BaseDatabaseWrapper) -> list[Any]:
    """The values as the database driver receives them in a lookup on each key's column."""
    return [
        None if value is None else key.field.get_db_prep_value(value, connection, prepared=False)
        for key, value in zip(keys, values, strict=True)
    ]
