"""Streamed open formats of any filtered list (``?format=csv``, ``?format=ndjson``) and the releases endpoint.

List viewsets inherit ``StreamedFormatsMixin``: with one of those formats (or an ``Accept`` of their media type) the
list is the whole filtered queryset, unpaginated, streamed in the flat row shape of the release tables
(``newsfacts.exports.tables``). ``/api/v1/exports/`` lists the published releases under ``settings.RELEASES_DIR``
and serves their files.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from django.conf import settings
from django.http import FileResponse, StreamingHttpResponse
from django.urls import reverse
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from api.filters import COMMON_QUERY_PARAMS
from newsfacts.exports import datapackage
from newsfacts.exports.tables import CsvLines, json_line, table_for

# Rows a chunk of the streamed body: fewer, larger writes to the socket.
ROWS_PER_CHUNK = 500


class CSVRenderer(BaseRenderer):
    """RFC 4180 CSV with a header row. Lists stream (see StreamedFormatsMixin); this renders anything else."""

    media_type = "text/csv"
    format = "csv"
    charset = "utf-8"

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
        try:
            table = table_for(self.view.get_queryset().model)
        except LookupError:
            return operation
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


class StreamedFormatsMixin:
    """Adds ``?format=csv`` and ``?format=ndjson`` to a list: every filtered row, streamed, no pagination.

    Rows come from one ``values_list`` query read 2,000 at a time, in the list's order (``?ordering=`` applies), so
    memory stays flat however large the list. Errors (a bad filter value, 403, 429) are answered in JSON.
    """

    schema = StreamedFormatsSchema()

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = super().get_renderers()  # type: ignore[misc]
        if getattr(self, "action", None) == "list":
            renderers += [renderer() for renderer in STREAMED_RENDERERS]
        return renderers

    def handle_exception(self, exc: Exception) -> Response:
        request = getattr(self, "request", None)
        renderer = getattr(request, "accepted_renderer", None)
        if renderer is not None and renderer.format in STREAMED_FORMATS:
            request.accepted_renderer = JSONRenderer()  # type: ignore[union-attr]
            request.accepted_media_type = JSONRenderer.media_type  # type: ignore[union-attr]
        return super().handle_exception(exc)  # type: ignore[misc]

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        fmt = request.accepted_renderer.format
        if fmt not in STREAMED_FORMATS:
            return super().list(request, *args, **kwargs)  # type: ignore[misc]
        queryset = self.filter_queryset(self.get_queryset())  # type: ignore[attr-defined]
        table = table_for(queryset.model)
        rows = table.rows(queryset, order_by_id=not queryset.ordered)
        if fmt == "csv":
            lines: Iterable[str] = _csv_lines(table.field_names, rows)
            content_type = "text/csv; charset=utf-8"
        else:
            lines = (json_line(row) for row in rows)
            content_type = "application/x-ndjson; charset=utf-8"
        response = StreamingHttpResponse(_chunks(lines), content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{table.name}.{fmt}"'
        return response


# Release folders and file names: no separators, no leading dot (temporary folders of a running export).
RELEASE_NAME = r"[A-Za-z0-9][A-Za-z0-9._-]*"
_RELEASE_NAME = re.compile(rf"^{RELEASE_NAME}$")


class ReleaseFileSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Resource name in the data package.")
    path = serializers.CharField(help_text="File name in the release.")
    format = serializers.CharField()
    mediatype = serializers.CharField()
    bytes = serializers.IntegerField()
    hash = serializers.CharField(help_text="sha256:<hex digest> of the file.")
    url = serializers.URLField(help_text="Download link.")


class ReleaseSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="The release folder's name.")
    title = serializers.CharField()
    version = serializers.CharField()
    created = serializers.DateTimeField()
    filters = serializers.DictField(child=serializers.ListField(child=serializers.CharField()))
    licenses = serializers.ListField(child=serializers.DictField())
    url = serializers.URLField(help_text="This release.")
    datapackage_url = serializers.URLField(help_text="Its datapackage.json.")
    files = ReleaseFileSerializer(many=True)


def _releases_dir() -> Path:
    return Path(settings.RELEASES_DIR)


def _read_package(name: str) -> dict[str, Any] | None:
    if not _RELEASE_NAME.match(name):
        return None
    path = _releases_dir() / name / datapackage.FILENAME
    try:
        package = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return package if isinstance(package, dict) else None


class _AnyRenderer(BaseRenderer):
    """Lets a download be asked for with any Accept header (errors are answered in JSON, see handle_exception)."""

    media_type = "*/*"
    format = "download"

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        return json.dumps(data).encode()


_DOWNLOAD_RESPONSES = {
    **{(200, media_type): OpenApiResponse(OpenApiTypes.BINARY) for media_type in datapackage.MEDIA_TYPES.values()},
    404: OpenApiResponse(description="No such release, or no such file in it."),
}


class ReleaseViewSet(viewsets.ViewSet):
    """Published dataset releases (``manage.py export_dataset`` into RELEASES_DIR) and their files."""

    permission_classes = [AllowAny]  # releases are published for anyone
    lookup_field = "name"
    lookup_value_regex = RELEASE_NAME
    # The list as CSV: a row a release, its filters, licences and files as JSON cells.
    csv_columns = ("name", "title", "version", "created", "filters", "licenses", "url", "datapackage_url", "files")

    def get_renderers(self) -> list[BaseRenderer]:
        renderers = super().get_renderers()
        if getattr(self, "action", None) == "list":
            renderers += [renderer() for renderer in STREAMED_RENDERERS]
        return renderers

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        unknown = sorted(set(request.query_params) - COMMON_QUERY_PARAMS)
        if unknown:
            understood = ", ".join(sorted(COMMON_QUERY_PARAMS))
            raise ValidationError(
                {name: [f"Unknown parameter; this endpoint understands: {understood}."] for name in unknown}
            )

    def handle_exception(self, exc: Exception) -> Response:
        renderer = getattr(self.request, "accepted_renderer", None)
        if isinstance(renderer, _AnyRenderer) or getattr(renderer, "format", None) in STREAMED_FORMATS:
            self.request.accepted_renderer = JSONRenderer()
            self.request.accepted_media_type = JSONRenderer.media_type
        return super().handle_exception(exc)

    def _describe(self, request: Request, name: str, package: dict[str, Any]) -> dict[str, Any]:
        def file_url(path: str) -> str:
            return request.build_absolute_uri(reverse("api:export-file", kwargs={"name": name, "path": path}))

        resources = [r for r in package.get("resources", []) if isinstance(r, dict) and "path" in r]
        return {
            "name": name,
            "title": package.get("title", ""),
            "version": package.get("version", ""),
            "created": package.get("created"),
            "filters": package.get("filters", {}),
            "licenses": package.get("licenses", []),
            "url": request.build_absolute_uri(reverse("api:export-detail", kwargs={"name": name})),
            "datapackage_url": file_url(datapackage.FILENAME),
            "files": [
                {
                    "name": r.get("name", ""),
                    "path": r["path"],
                    "format": r.get("format", ""),
                    "mediatype": r.get("mediatype", ""),
                    "bytes": r.get("bytes", 0),
                    "hash": r.get("hash", ""),
                    "url": file_url(r["path"]),
                }
                for r in resources
            ],
        }

    @extend_schema(responses=ReleaseSerializer(many=True))
    def list(self, request: Request, format: str | None = None) -> Response:
        """Every published release, newest first."""
        root = _releases_dir()
        names = sorted(p.name for p in root.iterdir() if p.is_dir()) if root.is_dir() else []
        releases = [(name, _read_package(name)) for name in names]
        described = [self._describe(request, name, package) for name, package in releases if package]
        described.sort(key=lambda release: (str(release["created"] or ""), release["name"]), reverse=True)
        return Response(described)

    @extend_schema(responses=ReleaseSerializer)
    def retrieve(self, request: Request, name: str, format: str | None = None) -> Response:
        """One release: its metadata and files, with their sizes and hashes."""
        package = _read_package(name)
        if package is None:
            raise NotFound("No such release.")
        return Response(self._describe(request, name, package))

    @extend_schema(responses=_DOWNLOAD_RESPONSES)
    @action(detail=True, url_path=rf"files/(?P<path>{RELEASE_NAME})", renderer_classes=[_AnyRenderer])
    def file(self, request: Request, name: str, path: str, format: str | None = None) -> FileResponse:
        """Download one file of a release (those its datapackage.json lists, and datapackage.json itself)."""
        package = _read_package(name)
        if package is None:
            raise NotFound("No such release.")
        media_types = {r.get("path"): r.get("mediatype") for r in package.get("resources", []) if isinstance(r, dict)}
        media_types[datapackage.FILENAME] = "application/json"
        if path not in media_types:
            raise NotFound("No such file in this release.")
        location = _releases_dir() / name / path
        try:
            stream = location.open("rb")
        except OSError:
            raise NotFound("No such file in this release.") from None
        response = FileResponse(stream, as_attachment=True, filename=path)
        response["Content-Type"] = media_types[path] or "application/octet-stream"
        return response
