"""Keyset (cursor) pagination that stays fast at millions of rows.

A page is ``{"next", "previous", "results"}`` and, only when asked with ``?count=true``, ``"count"``: the number of
rows matching the filters, computed on the bare filtered table (no joins for the response, no ordering). It is left
out of the ``next``/``previous`` links so that walking a table never counts on every page.

The cursor is an opaque token holding the ordering and the values of the last row of the page; the next page is
"the rows after these values" (a ``WHERE (a, id) > (x, y)`` in effect), which an index on the ordering serves
directly: no OFFSET, so the millionth row costs what the first does. ``?page_size`` is 1 to ``max_page_size``.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
from collections import OrderedDict
from typing import Any
from urllib import parse as urlparse

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import models
from django.db.models import Q, QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings

from api.filters import OrderingFilter, OrderKey
from api.statements import ListStatements, pattern
from newsfacts.filtersets import MAX_DB_INTEGER
from newsfacts.values import parse_bool

MAX_PAGE_SIZE = 1000


def _encode_value(value: Any) -> Any:
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    return value


def _row_value(row: Any, path: str) -> Any:
    if isinstance(row, dict):
        return row[path]
    value = row
    for part in path.split("__"):
        if value is None:
            return None
        value = getattr(value, part)
    return value


class KeysetPagination(BasePagination):
    """Cursor pagination over any total ordering chosen with ``?ordering=`` (the id ends every ordering)."""

    page_size = api_settings.PAGE_SIZE or 50
    max_page_size = MAX_PAGE_SIZE
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    count_query_param = "count"
    query_params = (cursor_query_param, page_size_query_param, count_query_param)

    def paginate_queryset(self, queryset: QuerySet, request: Request, view: Any = None) -> list[Any]:
        self.request = request
        self.base_url = request.build_absolute_uri()
        self._link_parts: tuple[urlparse.SplitResult, dict[str, list[str]]] | None = None
        self.size = self.get_page_size(request)
        self.keys, ordered = self.get_ordering(request, queryset, view)
        self.signature = ",".join(("-" if key.descending else "") + key.name for key in self.keys)
        self.count = self.get_count(queryset, request, view)
        position, reverse = self.decode_cursor(request)
        rows, more = self.fetch(
            queryset, position, reverse=reverse, ordered=ordered, statements=getattr(view, "list_statements", None)
        )
        self.next, self.previous = self.page_links(rows, position, reverse=reverse, more=more)
        return rows

    def get_ordering(self, request: Request, queryset: QuerySet, view: Any) -> tuple[list[OrderKey], bool]:
        """The ordering filter's keys and True (it orders the queryset), or the id alone and False.

        As DRF's ``CursorPagination.get_ordering``: the view's ordering filter decides.
        """
        for backend in getattr(view, "filter_backends", ()):
            if issubclass(backend, OrderingFilter):
                return backend().get_ordering(request, queryset, view), True
        return [OrderKey.of(queryset.model, "id", "id")], False

    def get_count(self, queryset: QuerySet, request: Request, view: Any) -> int | None:
        """With ``?count=true``, the rows matching the filters, counted on the bare filtered table."""
        if not self.wants_count(request):
            return None
        # A view whose list is a values() with joins gives the filtered rows without them.
        counted = view.count_queryset() if hasattr(view, "count_queryset") else queryset
        return int(counted.select_related(None).order_by().count())

    def fetch(
        self,
        queryset: QuerySet,
        position: list[Any] | None,
        *,
        reverse: bool,
        ordered: bool,
        statements: ListStatements | None = None,
    ) -> tuple[list[Any], bool]:
        """The page's rows after (or, reversed, before) the cursor's position, and whether more lie beyond.

        With the ``statements`` of the list's parameters (a ``values()`` list), the page's compiled SQL is reused.
        """
        if position is not None:
            position = self.cleaned(position)

        def page(values: list[Any] | None) -> QuerySet:
            page = queryset
            if reverse or not ordered:
                page = page.order_by(*(key.expression(reverse=reverse) for key in self.keys))
            if values is not None:
                page = page.filter(self.after(values, reverse=reverse))
            return page[: self.size + 1]

        if statements is None:
            rows = list(page(position))
        else:
            rows = statements.rows((reverse, ordered, self.size, pattern(position)), self.keys, position, page)
        more = len(rows) > self.size
        rows = rows[: self.size]
        if reverse:
            rows.reverse()
        return rows, more

    def page_links(
        self, rows: list[Any], position: list[Any] | None, *, reverse: bool, more: bool
    ) -> tuple[str | None, str | None]:
        """The next and previous links of a page."""
        if not rows:
            # Past either end: a link back to where the cursor stood.
            if position is None:
                return None, None
            return (self.link(position, reverse=False), None) if reverse else (None, self.link(position, reverse=True))
        first = [_row_value(rows[0], key.path) for key in self.keys]
        last = [_row_value(rows[-1], key.path) for key in self.keys]
        if reverse:
            return self.link(last, reverse=False), self.link(first, reverse=True) if more else None
        next_link = self.link(last, reverse=False) if more else None
        return next_link, self.link(first, reverse=True) if position is not None else None

    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None or raw == "":
            return self.page_size
        try:
            size = int(raw)
        except ValueError:
            size = 0
        if not 1 <= size <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"Must be a whole number from 1 to {self.max_page_size}."]}
            )
        return size

    def wants_count(self, request: Request) -> bool:
        raw = request.query_params.get(self.count_query_param, "")
        wanted = parse_bool(raw) if raw.strip() else False
        if wanted is None:
            raise ValidationError({self.count_query_param: ["Use true or false."]})
        return wanted

    def decode_cursor(self, request: Request) -> tuple[list[Any] | None, bool]:
        token = request.query_params.get(self.cursor_query_param)
        if not token:
            return None, False
        try:
            data = json.loads(base64.urlsafe_b64decode(token.encode("ascii") + b"=" * (-len(token) % 4)))
            ordering, position, reverse = data["o"], data["p"], data["r"]
        except (ValueError, KeyError, TypeError, binascii.Error, UnicodeError):
            raise ValidationError(
                {self.cursor_query_param: ["Invalid cursor: use the next or previous link."]}
            ) from None
        if ordering != self.signature:
            raise ValidationError(
                {self.cursor_query_param: [f"This cursor was made for ?ordering={ordering}, not {self.signature}."]}
            )
        if not isinstance(position, list) or len(position) != len(self.keys) or not isinstance(reverse, bool):
            raise ValidationError({self.cursor_query_param: ["Invalid cursor: use the next or previous link."]})
        return position, reverse

    def clean_position(self, position: list[Any]) -> list[Any]:
        """The cursor's values checked against their columns, so a forged cursor gives 400, never a database error."""
        cleaned = []
        for key, value in zip(self.keys, position, strict=True):
            field = key.field
            if value is None:
                if not key.nullable:
                    raise DjangoValidationError(f"{key.name} cannot be empty")
                cleaned.append(None)
                continue
            if isinstance(field, models.IntegerField | models.AutoField):
                if type(value) is not int or abs(value) > MAX_DB_INTEGER:
                    raise DjangoValidationError(f"{key.name} must be an integer")
            elif isinstance(field, models.FloatField):
                if type(value) not in (int, float):
                    raise DjangoValidationError(f"{key.name} must be a number")
            elif not isinstance(value, str):
                raise DjangoValidationError(f"{key.name} must be a string")
            value = field.to_python(value)
            if isinstance(value, datetime.datetime):
                # Stored in UTC: a time with no UTC form (past 9999-12-31 once shifted) is no row's, and would
                # overflow in the database adapter.
                value = value.replace(tzinfo=value.tzinfo or datetime.UTC).astimezone(datetime.UTC)
            cleaned.append(value)
        return cleaned

    def cleaned(self, position: list[Any]) -> list[Any]:
        """The cursor's values checked (``clean_position``), or 400."""
        try:
            return self.clean_position(position)
        except (DjangoValidationError, ValueError, TypeError, OverflowError):
            raise ValidationError(
                {self.cursor_query_param: ["Invalid cursor: use the next or previous link."]}
            ) from None

    def after(self, position: list[Any], *, reverse: bool) -> Q:
        """Rows strictly after `position` (cleaned) in the ordering (before it when `reverse`), NULLs sorting last
        forward."""
        condition = Q(pk__in=[])
        equal = Q()
        for key, value in zip(self.keys, position, strict=True):
            descending = key.descending != reverse
            nulls_last = not reverse
            if value is None:
                beyond = Q(pk__in=[]) if nulls_last else Q(**{f"{key.path}__isnull": False})
                same = Q(**{f"{key.path}__isnull": True})
            else:
                beyond = Q(**{f"{key.path}__{'lt' if descending else 'gt'}": value})
                if key.nullable and nulls_last:
                    beyond |= Q(**{f"{key.path}__isnull": True})
                same = Q(**{key.path: value})
            condition |= equal & beyond
            equal &= same
        return condition

    def link(self, position: list[Any], *, reverse: bool) -> str:
        data = {"o": self.signature, "p": [_encode_value(value) for value in position], "r": reverse}
        token = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode()).decode().rstrip("=")
        if self._link_parts is None:
            # DRF's replace_query_param(remove_query_param(...)) in one parse for both links: the same URL.
            parts = urlparse.urlsplit(self.base_url)
            query = urlparse.parse_qs(parts.query, keep_blank_values=True)
            query.pop(self.count_query_param, None)  # the count is asked for once, not on every page of a walk
            self._link_parts = parts, query
        parts, query = self._link_parts
        query = {**query, self.cursor_query_param: [token]}
        return urlparse.urlunsplit(parts._replace(query=urlparse.urlencode(sorted(query.items()), doseq=True)))

    def get_paginated_response(self, data: list[Any]) -> Response:
        body: OrderedDict[str, Any] = OrderedDict()
        if self.count is not None:
            body["count"] = self.count
        body["next"] = self.next
        body["previous"] = self.previous
        body["results"] = data
        return Response(body)

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "count": {
                    "type": "integer",
                    "description": "Rows matching the filters; present only when asked with ?count=true.",
                    "example": 123,
                },
                "next": {"type": "string", "nullable": True, "format": "uri", "description": "The next page."},
                "previous": {"type": "string", "nullable": True, "format": "uri", "description": "The previous page."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "Opaque cursor from a next or previous link. It is bound to the ordering.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows per page, 1 to {self.max_page_size} (default {self.page_size}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size, "default": self.page_size},
            },
            {
                "name": self.count_query_param,
                "required": False,
                "in": "query",
                "description": "true adds the number of matching rows (one extra COUNT query). Not carried into links.",
                "schema": {"type": "boolean", "default": False},
            },
        ]
