"""Base classes of the API's viewsets: details with ETags, writes guarded by If-Match.

Lists and details carry ETags (``If-None-Match`` answers 304; a list's is the dataset's version); writes honour
``If-Match`` (412 when the row changed since it was read). Without If-Match a
write is accepted unless ``NEWSFACTS_API_REQUIRE_IF_MATCH`` is on (then 428). Throttling is the settings' default
(``api.throttling``).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.core.cache import BaseCache, caches
from django.db import models, transaction
from django.db.models import QuerySet
from django.http import HttpResponse, HttpResponseBase
from django.utils.http import parse_etags
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import APIException, MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from newsfacts import changes, review, search

if TYPE_CHECKING:
    # What the viewset mixins extend: to the type checker a GenericViewSet (with a list); at run time plain mixins.
    class ViewSetMixinBase(mixins.ListModelMixin, viewsets.GenericViewSet): ...
else:
    ViewSetMixinBase = object


def etag_of(representation: Any) -> str:
    """A strong ETag of what a response shows: a hash of its data, nested objects included (a speaker's new name
    changes the ETag of the claims that show it)."""
    digest = hashlib.sha256(json.dumps(representation, default=str, separators=(",", ":")).encode()).hexdigest()
    return f'"{digest[:32]}"'


def etag_for(instance: models.Model, representation: Any) -> str:
    """A strong ETag of a detail: its row's ``review.row_version`` (the version the admin's conflict check compares)
    and everything the response shows, nested objects included (a speaker's new name changes the claims' ETags)."""
    return etag_of([review.row_version(instance), representation])


def list_etag(request: Request, version: int) -> str:
    """The ETag of a list page: the dataset's version (``newsfacts.changes``), the URL and what is rendered.

    Any committed write to a table the lists show changes the version, so the ETag of every list. The browsable
    API's page also shows who is logged in.
    """
    renderer = getattr(request, "accepted_renderer", None)
    media_type = getattr(request, "accepted_media_type", "") or ""
    user = request.user.pk if getattr(renderer, "format", "") == "api" else None
    return etag_of([version, request.get_full_path(), media_type, user])


def none_match(request: Request, etag: str) -> bool:
    """Whether ``If-None-Match`` names this ETag (weak comparison, as RFC 9110 asks for it) or is ``*``."""
    header = request.headers.get("If-None-Match")
    if not header:
        return False
    tags = parse_etags(header)
    return "*" in tags or etag.removeprefix("W/") in [tag.removeprefix("W/") for tag in tags]


def cache_headers() -> dict[str, str]:
    """``Cache-Control`` for reads when ``NEWSFACTS_API_CACHE_MAX_AGE`` is set (off by default)."""
    max_age = settings.NEWSFACTS_API_CACHE_MAX_AGE
    return {"Cache-Control": f"max-age={max_age}"} if max_age > 0 else {}


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The object changed since you read it: GET it again, then reapply your change with its new ETag."
    default_code = "precondition_failed"


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "Send If-Match with the ETag of the object as you read it."
    default_code = "precondition_required"


def check_if_match(request: Request, current_etag: str) -> None:
    """Honour If-Match (strong comparison, ``*`` matches any): 412 when the object's ETag is not among those given."""
    header = request.headers.get("If-Match")
    if header is None:
        if getattr(settings, "NEWSFACTS_API_REQUIRE_IF_MATCH", False):
            raise PreconditionRequired()
        return
    tags = [tag.strip() for tag in header.split(",") if tag.strip()]
    if "*" in tags:
        return
    if current_etag not in tags:
        raise PreconditionFailed()


class SearchTooBroad(APIException):
    status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    default_code = "search_too_broad"

    def __init__(self) -> None:
        seconds = settings.NEWSFACTS_SEARCH_TIMEOUT_MS / 1000
        super().__init__(
            {
                "q": [
                    f"This search ran past its {seconds:g} s limit: narrow it with more words or filters, "
                    "or order by id instead of relevance."
                ]
            }
        )


IF_MATCH_PARAMETER = OpenApiParameter(
    "If-Match",
    str,
    OpenApiParameter.HEADER,
    required=False,
    description="The ETag of the object as you read it. When the object changed since, the write fails with 412.",
)
WRITE_RESPONSES = {
    400: OpenApiResponse(description="Invalid values: field errors."),
    401: OpenApiResponse(description="Not authenticated."),
    403: OpenApiResponse(description="No permission to change this kind of object."),
    412: OpenApiResponse(description="The object changed since the ETag given in If-Match."),
    428: OpenApiResponse(description="If-Match is required (NEWSFACTS_API_REQUIRE_IF_MATCH)."),
}


class BaseViewSet(viewsets.GenericViewSet):
    """List and detail with a total ordering, 405 before authentication, and rows locked for writes.

    Strict filters, keyset pagination and the throttle are ``settings.REST_FRAMEWORK``'s defaults, for every view.
    """

    ordering_fields: dict[str, str] = {"id": "id"}
    default_ordering: tuple[str, ...] = ("id",)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        method = request.method.lower()
        if method not in self.http_method_names or not hasattr(self, method):
            # Before authentication and permissions: a method the endpoint lacks is 405 for everyone.
            raise MethodNotAllowed(request.method)
        super().initial(request, *args, **kwargs)

    def get_authenticate_header(self, request: Request) -> str | None:
        # DRF asks only the first authenticator; session auth has no header, so anonymous writes would get 403.
        for authenticator in self.get_authenticators():
            header = authenticator.authenticate_header(request)
            if header:
                return header
        return None

    def paginate_queryset(self, queryset: QuerySet) -> list[Any] | None:
        """The page, its queries bounded in time when the list is a search (``NEWSFACTS_SEARCH_TIMEOUT_MS``)."""
        if "q" not in self.request.query_params:
            return super().paginate_queryset(queryset)
        try:
            with search.time_limit(settings.NEWSFACTS_SEARCH_TIMEOUT_MS / 1000):
                return super().paginate_queryset(queryset)
        except search.SearchTimeout:
            raise SearchTooBroad() from None

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.request is not None and self.request.method not in SAFE_METHODS:
            # Lock the row from the If-Match check to the save (PostgreSQL; SQLite writers are serialised).
            queryset = queryset.select_for_update(of=("self",))
        return queryset


class ConditionalListMixin(ViewSetMixinBase):
    """Lists with an ETag of the dataset's version: ``If-None-Match`` is answered 304 after reading one integer.

    With ``NEWSFACTS_API_PAGE_CACHE`` naming a cache (e.g. the shared Redis one), a page rendered once is served from
    it until a write changes the version (which is part of the key).
    """

    dataset_version: int | None = None

    def list(self, request: Request, *args: Any, **kwargs: Any) -> HttpResponseBase:
        # Kept for the list's rows too: related values read for this version (api/rows.py).
        self.dataset_version = changes.current_version()
        etag = list_etag(request, self.dataset_version)
        if none_match(request, etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag, **cache_headers()})
        pages = page_cache()
        if pages is not None:
            cached = pages.get(f"newsfacts:page:{etag}")
            if cached is not None:
                content, content_type = cached
                response: HttpResponseBase = HttpResponse(content, content_type=content_type)
                self.headers.update({"ETag": etag, **cache_headers()})
                return response
        response = super().list(request, *args, **kwargs)
        self.headers.update({"ETag": etag, **cache_headers()})
        if pages is not None and response.status_code == 200 and not response.streaming:

            def store(rendered: HttpResponseBase) -> None:
                pages.set(f"newsfacts:page:{etag}", (rendered.content, rendered["Content-Type"]))

            response.add_post_render_callback(store)
        return response


def page_cache() -> BaseCache | None:
    alias = settings.NEWSFACTS_API_PAGE_CACHE
    return caches[alias] if alias else None


class RetrieveMixin(ViewSetMixinBase):
    """A detail with its ETag (of everything it shows); ``If-None-Match`` with the current ETag answers 304."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        data = self.get_serializer(instance).data
        etag = etag_for(instance, data)
        headers = {"ETag": etag, **cache_headers()}
        if none_match(request, etag):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers=headers)
        return Response(data, headers=headers)


class UpdateMixin(ViewSetMixinBase):
    """PATCH only (every write is partial), honouring If-Match, answering with the stored row and its new ETag."""

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            instance = self.get_object()
            check_if_match(request, etag_for(instance, self.get_serializer(instance).data))
            serializer = self.get_serializer(instance, data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            serializer.save()
            instance = self.get_object()  # as stored, with what the write filled in
            data = self.get_serializer(instance).data
        return Response(data, headers={"ETag": etag_for(instance, data)})
