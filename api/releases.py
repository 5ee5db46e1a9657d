"""``/api/v1/exports/``: the published dataset releases of the ``releases`` storage, and their files.

Read through Django's storage API (``newsfacts.exports.storage``), so every server behind a load balancer lists the
same releases when the storage is shared.
"""

from __future__ import annotations

import json
from typing import Any

from django.http import FileResponse, HttpResponse
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer
from rest_framework.request import Request
from rest_framework.response import Response

from api.filters import COMMON_QUERY_PARAMS
from api.renderers import JSONRenderer
from api.streaming import STREAMED_FORMATS, STREAMED_RENDERERS
from newsfacts.exports import datapackage, storage
from newsfacts.exports.storage import RELEASE_NAME


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
    """Published dataset releases (``manage.py export_dataset --publish NAME``) and their files."""

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

        # A file once, though a database file has a resource for each of its tables too.
        paths: dict[str, dict[str, Any]] = {}
        for r in package.get("resources", []):
            if isinstance(r, dict) and "path" in r:
                paths.setdefault(r["path"], r)
        resources = list(paths.values())
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
    def list(self, request: Request, format: str | None = None) -> HttpResponse:
        """Every published release, newest first."""
        releases = [(name, storage.read_package(name)) for name in storage.names()]
        described = [self._describe(request, name, package) for name, package in releases if package]
        described.sort(key=lambda release: (str(release["created"] or ""), release["name"]), reverse=True)
        renderer = request.accepted_renderer
        if renderer.format in STREAMED_FORMATS:
            # A file like any list's download, with its type even when empty (DRF drops it from an empty body).
            body = renderer.render(described, renderer_context=self.get_renderer_context())
            response = HttpResponse(body, content_type=f"{renderer.media_type}; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="exports.{renderer.format}"'
            return response
        return Response(described)

    @extend_schema(responses=ReleaseSerializer)
    def retrieve(self, request: Request, name: str, format: str | None = None) -> Response:
        """One release: its metadata and files, with their sizes and hashes."""
        package = storage.read_package(name)
        if package is None:
            raise NotFound("No such release.")
        return Response(self._describe(request, name, package))

    @extend_schema(responses=_DOWNLOAD_RESPONSES)
    @action(detail=True, url_path=rf"files/(?P<path>{RELEASE_NAME})", renderer_classes=[_AnyRenderer])
    def file(self, request: Request, name: str, path: str, format: str | None = None) -> FileResponse:
        """Download one file of a release (those its datapackage.json lists, and datapackage.json itself)."""
        package = storage.read_package(name)
        if package is None:
            raise NotFound("No such release.")
        media_types = {r.get("path"): r.get("mediatype") for r in package.get("resources", []) if isinstance(r, dict)}
        media_types[datapackage.FILENAME] = "application/json"
        if path not in media_types:
            raise NotFound("No such file in this release.")
        try:
            stream = storage.open_file(name, path)
        except OSError:
            raise NotFound("No such file in this release.") from None
        response = FileResponse(stream, as_attachment=True, filename=path)
        response["Content-Type"] = media_types[path] or "application/octet-stream"
        return response
