"""Streamed open formats of any filtered list (``?format=csv``, ``?format=ndjson``).

List viewsets inherit ``StreamedFormatsMixin``: with one of those formats (or an ``Accept`` of their media type) the
list is the whole filtered queryset, unpaginated, streamed in the flat row shape of the release tables
(``newsfacts.exports.tables``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.http import StreamingHttpResponse
from drf_spectacular.openapi import AutoSchema
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from api.renderers import JSONRenderer
from api.viewsets import ViewSetMixinBase
from newsfacts.exports.tables import CsvLines, json_line, table_for

# Rows a chunk of the streamed body: fewer, larger writes to the socket.
ROWS_PER_CHUNK = 500


class CSVRenderer(BaseRenderer):
    """RFC 4180 CSV with a header row. Lists stream (see StreamedFormatsMixin); this renders anything else."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"
    streams_lists = True  # throttled apart (api.throttling.StreamedListThrottle)

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        rows = _plain_rows(data)
        columns = getattr((renderer_context or {}).get("view"), "csv_columns", None)
        if not rows and not columns:
            return b""
        lines = CsvLines(list(columns or rows[0]))
        return (lines.header() + "".join(lines.line(row) for row in rows)).encode()


class NDJSONRenderer(BaseRenderer):
    """Newline-delimited JSON: one object a line. Lists stream (see StreamedFormatsMixin)."""

    media_type = "application/x-ndjson"
    format = "ndjson"
    charset = "utf-8"
    streams_lists = True

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        return "".join(json_line(row) for row in _plain_rows(data)).encode()


def _plain_rows(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, dict) and isinstance(data.get("results"), list):
        data = data["results"]
    if isinstance(data, dict):
        return [data]
    return list(data or [])


STREAMED_RENDERERS: tuple[type[BaseRenderer], ...] = (CSVRenderer, NDJSONRenderer)
STREAMED_FORMATS = {renderer.format for renderer in STREAMED_RENDERERS}


def _chunks(lines: Iterable[str]) -> Iterator[bytes]:
    batch: list[str] = []
    for line in lines:
        batch.append(line)
        if len(batch) >= ROWS_PER_CHUNK:
            yield "".join(batch).encode()
            batch.clear()
    if batch:
        yield "".join(batch).encode()


def _csv_lines(field_names: list[str], rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    lines = CsvLines(field_names)
    yield lines.header()
    for row in rows:
        yield lines.line(row)


class StreamedFormatsSchema(AutoSchema):
    """Documents the streamed bodies of a list as what they are (text with the table's columns), not JSON pages."""

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation = super().get_operation(*args, **kwargs)
        if not operation or getattr(self.view, "action", None) != "list":
            return operation
        table = table_for(self.view.get_queryset().model)  # every list the mixin streams has its table
        columns = ", ".join(table.field_names)
        for status, response in operation.get("responses", {}).items():
            content = response.get("content", {}) if str(status).startswith("2") else {}
            for renderer in STREAMED_RENDERERS:
                if renderer.media_type in content:
                    content[renderer.media_type] = {
                        "schema": {
                            "type": "string",
                            "description": f"Every row of the filtered list, unpaginated ({renderer.format}). "
                            f"Columns: {columns}.",
                        }
                    }
        return operation


class StreamedFormatsMixin(ViewSetMixinBase):
    """Adds ``?format=csv`` and ``?format=ndjson`` to a list: every filtered row, streamed, no pagination.

    Rows come from one ``values_list`` query read 2,000 at a time, in the list's order (``?ordering=`` applies), so
    memory stays flat however large the list. Errors (a bad filter value, 403, 429) are answered in JSON.
    """

    schema = StreamedFormatsSchema()

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = super().get_renderers()
        if getattr(self, "action", None) == "list":
            renderers += [renderer() for renderer in STREAMED_RENDERERS]
        return renderers

    def handle_exception(self, exc: Exception) -> Response:
        request = getattr(self, "request", None)
        renderer = getattr(request, "accepted_renderer", None)
        if request is not None and renderer is not None and renderer.format in STREAMED_FORMATS:
            request.accepted_renderer = JSONRenderer()
            request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)

    def streamed_rows(self, rows: Iterable[dict[str, Any]]) -> Iterable[dict[str, Any]]:
        """Hook: the flat rows as they are streamed."""
        return rows

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        fmt = request.accepted_renderer.format
        if fmt not in STREAMED_FORMATS:
            return super().list(request, *args, **kwargs)
        queryset = self.filter_queryset(self.get_queryset())
        table = table_for(queryset.model)
        rows = self.streamed_rows(table.rows(queryset, order_by_id=not queryset.ordered))
        if fmt == "csv":
            lines: Iterable[str] = _csv_lines(table.field_names, rows)
            content_type = "text/csv; charset=utf-8"
        else:
            lines = (json_line(row) for row in rows)
            content_type = "application/x-ndjson; charset=utf-8"
        response = StreamingHttpResponse(_chunks(lines), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{table.name}.{fmt}"'
        return response
