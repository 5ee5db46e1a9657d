"""Base classes of the API's viewsets: strict lists, details with ETags, writes guarded by If-Match, throttling.

Details carry an ETag; writes honour ``If-Match`` (412 when the row changed since it was read). Without If-Match a
write is accepted unless ``NEWSFACTS_API_REQUIRE_IF_MATCH`` is on (then 428).
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse
from rest_framework import mixins, status, viewsets
from rest_framework.exceptions import APIException, MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from api.filters import FilterBackend, OrderingFilter
from api.pagination import KeysetPagination
from newsfacts import search

if TYPE_CHECKING:
    # What the viewset mixins extend: to the type checker a GenericViewSet (with a list); at run time plain mixins.
    class ViewSetMixinBase(mixins.ListModelMixin, viewsets.GenericViewSet): ...
else:
    ViewSetMixinBase = object


class AnonThrottle(AnonRateThrottle):
    """The anonymous rate, read from settings at each request (DRF reads it once at import otherwise)."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


def etag_for(instance: models.Model) -> str:
    """A strong ETag of a row: a hash of its own column values, so it changes whenever the row does."""
    values = [(field.attname, field.value_from_object(instance)) for field in instance._meta.concrete_fields]
    digest = hashlib.sha256(json.dumps(values, default=str, sort_keys=False).encode()).hexdigest()
    return f'"{digest[:32]}"'


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The object changed since you read it: GET it again, then reapply your change with its new ETag."
    default_code = "precondition_failed"


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "Send If-Match with the ETag of the object as you read it."
    default_code = "precondition_required"


def check_if_match(request: Request, instance: models.Model) -> None:
    """Honour If-Match (strong comparison, ``*`` matches any): 412 when the row's ETag is not among those given."""
    header = request.headers.get("If-Match")
    if header is None:
        if getattr(settings, "NEWSFACTS_API_REQUIRE_IF_MATCH", False):
            raise PreconditionRequired()
        return
    tags = [tag.strip() for tag in header.split(",") if tag.strip()]
    if "*" in tags:
        return
    if etag_for(instance) not in tags:
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
    """List and detail with strict filters, a total ordering, keyset pagination and ETags."""

    filter_backends = [FilterBackend, OrderingFilter]
    pagination_class = KeysetPagination
    throttle_classes = [AnonThrottle]
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


class RetrieveMixin(ViewSetMixinBase):
    """A detail with its ETag; ``If-None-Match`` with the current ETag answers 304."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()
        etag = etag_for(instance)
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(self.get_serializer(instance).data, headers={"ETag": etag})


class UpdateMixin(ViewSetMixinBase):
    """PATCH only (every write is partial), honouring If-Match, answering with the stored row and its new ETag."""

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            instance = self.get_object()
            check_if_match(request, instance)
            serializer = self.get_serializer(instance, data=request.data, partial=True)
            serializer.is_valid(raise_exception=True)
            serializer.save()
            instance = self.get_object()  # as stored, with what the write filled in
        return Response(self.get_serializer(instance).data, headers={"ETag": etag_for(instance)})
