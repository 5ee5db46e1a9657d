"""Viewsets of the REST API: articles, sentences, speakers, quotes and claims.

Reads are public (anonymous clients are throttled); writes need a logged-in user (session) or a token
(``manage.py drf_create_token USER``, then ``Authorization: Token <key>``) with the model's change permission.

Lists of quotes and claims take a fast read path: one query with its joins returns plain rows (``values()``),
which a small function shapes exactly as the detail serializer does (measured 1.75x faster than nested
serializers, shared/PERFORMANCE.md). Details carry an ETag; writes honour ``If-Match`` (412 when the row changed
since it was read). Without If-Match a write is accepted unless ``NEWSFACTS_API_REQUIRE_IF_MATCH`` is on (then 428).
"""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any, ClassVar

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import get_script_prefix, reverse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, MethodNotAllowed
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle

from api.exports import StreamedFormatsMixin
from api.filters import FilterBackend, OrderingFilter
from api.pagination import KeysetPagination
from api.permissions import CanMergeSpeakers
from api.serializers import (
    ArticleListSerializer,
    ArticleSerializer,
    ClaimSerializer,
    QuoteSerializer,
    SentenceSerializer,
    SpeakerMergeSerializer,
    SpeakerSerializer,
    etag_for,
    to_drf_error,
)
from newsfacts import search
from newsfacts.filtersets import (
    ArticleFilterSet,
    ClaimFilterSet,
    QuoteFilterSet,
    SentenceFilterSet,
    SpeakerFilterSet,
)
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from newsfacts.review import merge_speakers


class AnonThrottle(AnonRateThrottle):
    """The anonymous rate, read from settings at each request (DRF reads it once at import otherwise)."""

    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class PreconditionFailed(APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "The object changed since you read it: GET it again, then reapply your change with its new ETag."
    default_code = "precondition_failed"


class PreconditionRequired(APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "Send If-Match with the ETag of the object as you read it."
    default_code = "precondition_required"


def check_if_match(request: Request, instance: Any) -> None:
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


class RetrieveMixin:
    """A detail with its ETag; ``If-None-Match`` with the current ETag answers 304."""

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        instance = self.get_object()  # type: ignore[attr-defined]
        etag = etag_for(instance)
        if etag in [tag.strip() for tag in request.headers.get("If-None-Match", "").split(",")]:
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": etag})
        return Response(self.get_serializer(instance).data, headers={"ETag": etag})  # type: ignore[attr-defined]


class UpdateMixin:
    """PATCH only (every write is partial), honouring If-Match, answering with the stored row and its new ETag."""

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        with transaction.atomic():
            instance = self.get_object()  # type: ignore[attr-defined]
            check_if_match(request, instance)
            serializer = self.get_serializer(instance, data=request.data, partial=True)  # type: ignore[attr-defined]
            serializer.is_valid(raise_exception=True)
            serializer.save()
            instance = self.get_object()  # type: ignore[attr-defined]  # as stored, with what the write filled in
        return Response(self.get_serializer(instance).data, headers={"ETag": etag_for(instance)})  # type: ignore[attr-defined]


class UrlTemplate:
    """The absolute detail URL of any id, reversed once per request instead of once per row."""

    SENTINEL = 987654321987

    def __init__(self, request: Request, view_name: str) -> None:
        url = request.build_absolute_uri(self.path(view_name, get_script_prefix()))
        self.prefix, self.suffix = url.split(str(self.SENTINEL), 1)

    @staticmethod
    @functools.cache
    def path(view_name: str, script_prefix: str) -> str:
        """The detail path of the sentinel id: reverse() costs more than a page's rows, so once per process."""
        return reverse(view_name, kwargs={"pk": UrlTemplate.SENTINEL})

    def __call__(self, pk: int) -> str:
        return f"{self.prefix}{pk}{self.suffix}"


# The joined columns a quote or claim row needs; the shape mirrors api.serializers.VerificationSerializer.
_SPAN_VALUES = (
    "id",
    "text",
    "start",
    "end",
    "kind",
    "status",
    "rationale",
    "evidence_urls",
    "reviewed_at",
    "reviewed_by__username",
    "article_id",
    "article__title",
    "article__url",
    "sentence_id",
    "sentence__position",
    "sentence__start",
    "sentence__end",
    "sentence__text",
)


def _datetime_representation() -> Callable[[datetime.datetime], str]:
    """DRF's DateTimeField output (ISO 8601 in the current time zone, UTC as Z) without its per-call settings reads."""
    zone = timezone.get_current_timezone()

    def represent(value: datetime.datetime) -> str:
        text = value.astimezone(zone).isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text

    return represent


class SpanListMixin:
    """The fast read path of quote and claim lists: rows from one query, shaped like the detail serializer."""

    person_field = ""
    detail_view_name = ""
    extra_fields: tuple[str, ...] = ()

    _list_templates: ClassVar[dict[tuple[type, tuple[str, ...]], QuerySet]] = {}

    def list_queryset(self, ordering_paths: tuple[str, ...] = ()) -> QuerySet:
        """A values() queryset of the row's joined columns and the ordering's, resolved once per process.

        Resolving some twenty joined paths is a seventh of a request; cloning the resolved query is nearly free.
        A column the ordering needs only for the cursor (``article__published``) is selected only when ordering by
        it. The templates are never evaluated, only cloned; there are at most two a view, since the ordering paths
        come from ``ordering_fields``.
        """
        person = self.person_field
        columns = [*_SPAN_VALUES, f"{person}_id", f"{person}__name", *self.extra_fields]
        # The search's rank is not a column: the search annotates it (SearchableFilterSet).
        cursor_only = tuple(path for path in ordering_paths if path not in columns and path != search.RELEVANCE)
        template = self._list_templates.get((type(self), cursor_only))
        if template is None:
            template = self.queryset.values(*dict.fromkeys([*columns, *cursor_only]))  # type: ignore[attr-defined]
            self._list_templates[(type(self), cursor_only)] = template
        return template.all()

    def count_queryset(self) -> QuerySet:
        """The filtered rows without the list's joins, for ?count=true (a count keeps every join of a values())."""
        return self.filter_queryset(self.get_queryset())  # type: ignore[attr-defined]

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The ordering first: the columns its cursor needs are part of the values() the rows are selected with.
        backends = self.filter_backends  # type: ignore[attr-defined]
        paths = tuple(
            key.path
            for backend in backends
            if issubclass(backend, OrderingFilter)
            for key in backend().ordering_keys(request, self)
        )
        queryset = self.filter_queryset(self.list_queryset(paths))  # type: ignore[attr-defined]
        rows = self.paginate_queryset(queryset)  # type: ignore[attr-defined]
        build = self.row_builder(request)
        return self.get_paginated_response([build(row) for row in rows])  # type: ignore[attr-defined]

    def row_builder(self, request: Request) -> Callable[[dict[str, Any]], dict[str, Any]]:
        own_url = UrlTemplate(request, self.detail_view_name)
        speaker_url = UrlTemplate(request, "api:speaker-detail")
        datetime = _datetime_representation()
        person, extra = self.person_field, self.extra_fields
        person_id_column, person_name_column = f"{person}_id", f"{person}__name"

        def build(row: dict[str, Any]) -> dict[str, Any]:
            person_id = row[person_id_column]
            shaped = {
                "id": row["id"],
                "url": own_url(row["id"]),
                "article": {"id": row["article_id"], "title": row["article__title"], "url": row["article__url"]},
                "sentence": {
                    "id": row["sentence_id"],
                    "position": row["sentence__position"],
                    "start": row["sentence__start"],
                    "end": row["sentence__end"],
                    "text": row["sentence__text"],
                },
                person: None
                if person_id is None
                else {"id": person_id, "name": row[person_name_column], "url": speaker_url(person_id)},
                "text": row["text"],
                "start": row["start"],
                "end": row["end"],
                "kind": row["kind"],
            }
            for name in extra:
                shaped[name] = row[name]
            shaped["status"] = row["status"]
            shaped["rationale"] = row["rationale"]
            shaped["evidence_urls"] = row["evidence_urls"]
            shaped["reviewed_by"] = row["reviewed_by__username"]
            shaped["reviewed_at"] = None if row["reviewed_at"] is None else datetime(row["reviewed_at"])
            if "highlight" in row:
                shaped["highlight"] = search.highlight_html(row["highlight"])
            return shaped

        return build


_SPAN_ORDERING = {
    "id": "id",
    "article": "article_id",
    "start": "start",
    "kind": "kind",
    "status": "status",
    "reviewed_at": "reviewed_at",
    "published": "article__published",
    search.RELEVANCE: search.RELEVANCE,
}


@extend_schema_view(
    retrieve=extend_schema(summary="One article, with its text"),
    list=extend_schema(summary="Articles (without their text)"),
)
class ArticleViewSet(
    StreamedFormatsMixin, mixins.ListModelMixin, RetrieveMixin, BaseViewSet
):  # fmt: skip
    queryset = Article.objects.all()
    serializer_class = ArticleSerializer
    filterset_class = ArticleFilterSet
    ordering_fields = {
        "id": "id",
        "published": "published",
        "publisher": "publisher",
        "ingested_at": "ingested_at",
        search.RELEVANCE: search.RELEVANCE,
    }

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.action == "list":
            queryset = queryset.defer("text")  # a list leaves the (large) texts out
        return queryset

    def get_serializer_class(self) -> type[serializers.BaseSerializer]:
        return ArticleListSerializer if self.action == "list" else ArticleSerializer


class SentenceViewSet(StreamedFormatsMixin, mixins.ListModelMixin, RetrieveMixin, BaseViewSet):
    # article: the brief article of each sentence.
    queryset = Sentence.objects.select_related("article").defer("article__text", "article__credit")
    serializer_class = SentenceSerializer
    filterset_class = SentenceFilterSet
    ordering_fields = {
        "id": "id",
        "article": "article_id",
        "position": "position",
        "kind": "kind",
        search.RELEVANCE: search.RELEVANCE,
    }


@extend_schema_view(
    create=extend_schema(responses={201: SpeakerSerializer, **WRITE_RESPONSES}),
    partial_update=extend_schema(
        parameters=[IF_MATCH_PARAMETER], responses={200: SpeakerSerializer, **WRITE_RESPONSES}
    ),
)
class SpeakerViewSet(
    StreamedFormatsMixin,
    mixins.ListModelMixin,
    RetrieveMixin,
    mixins.CreateModelMixin,
    UpdateMixin,
    BaseViewSet,
):
    queryset = Speaker.objects.all()
    serializer_class = SpeakerSerializer
    filterset_class = SpeakerFilterSet
    ordering_fields = {"id": "id", "name": "name", "slug": "slug", "kind": "kind", search.RELEVANCE: search.RELEVANCE}
    http_method_names = ["get", "post", "patch", "head", "options"]

    @extend_schema(
        request=SpeakerMergeSerializer,
        parameters=[IF_MATCH_PARAMETER],
        responses={200: SpeakerSerializer, **WRITE_RESPONSES},
        summary="Merge other speakers into this one",
        description="Moves every quote and claim of the given speakers to this one, adds their names to its "
        "aliases and deletes them. Needs the change and delete speaker permissions. Recorded in history.",
    )
    @action(detail=True, methods=["post"], permission_classes=[CanMergeSpeakers])
    def merge(self, request: Request, pk: str | None = None) -> Response:
        with transaction.atomic():
            into = self.get_object()
            check_if_match(request, into)
            serializer = SpeakerMergeSerializer(data=request.data, context={"request": request, "into": into})
            serializer.is_valid(raise_exception=True)
            reason = serializer.validated_data.get("reason", "")  # merge_speakers writes one when empty
            try:
                merge_speakers(into, serializer.validated_data["speakers"], user=request.user, reason=reason)
            except DjangoValidationError as error:
                raise to_drf_error(error) from None
            into = self.get_object()
        return Response(
            SpeakerSerializer(into, context=self.get_serializer_context()).data, headers={"ETag": etag_for(into)}
        )


class SpanViewSet(
    StreamedFormatsMixin, SpanListMixin, mixins.ListModelMixin, RetrieveMixin, UpdateMixin,
    BaseViewSet,
):  # fmt: skip
    http_method_names = ["get", "patch", "head", "options"]
    detail_related: tuple[str, ...] = ()

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.action != "list":
            # Lists name their joined columns in values() instead: select_related there would only be deep-copied
            # on each of the queryset's clones.
            queryset = queryset.select_related(*self.detail_related)
        return queryset


@extend_schema_view(
    partial_update=extend_schema(parameters=[IF_MATCH_PARAMETER], responses={200: QuoteSerializer, **WRITE_RESPONSES})
)
class QuoteViewSet(SpanViewSet):
    queryset = Quote.objects.all()
    # Detail and writes: article (brief, and its text to check offsets), sentence (brief), speaker (brief),
    # reviewed_by (username). Lists use values() over the same joins (SpanListMixin).
    detail_related = ("article", "sentence", "speaker", "reviewed_by")
    serializer_class = QuoteSerializer
    filterset_class = QuoteFilterSet
    person_field = "speaker"
    detail_view_name = "api:quote-detail"
    extra_fields = ("cue", "attribution", "confidence", "attribution_confirmed")
    ordering_fields = {**_SPAN_ORDERING, "confidence": "confidence", "speaker": "speaker__name"}


@extend_schema_view(
    partial_update=extend_schema(parameters=[IF_MATCH_PARAMETER], responses={200: ClaimSerializer, **WRITE_RESPONSES})
)
class ClaimViewSet(SpanViewSet):
    queryset = Claim.objects.all()
    # Detail and writes: article (brief, and its text to check offsets), sentence (brief), claimant (brief),
    # reviewed_by (username). Lists use values() over the same joins (SpanListMixin).
    detail_related = ("article", "sentence", "claimant", "reviewed_by")
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilterSet
    person_field = "claimant"
    detail_view_name = "api:claim-detail"
    ordering_fields = {**_SPAN_ORDERING, "claimant": "claimant__name"}
