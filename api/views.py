"""Viewsets of the REST API: articles, sentences, speakers, quotes and claims.

Reads are public (anonymous clients are throttled); writes need a logged-in user (session) or a token
(``manage.py drf_create_token USER``, then ``Authorization: Token <key>``) with the model's change permission.
What they share lives beside them: ``api.viewsets`` (strict lists, ETags, If-Match, throttling), ``api.rows`` (the
fast list rows of quotes and claims), ``api.streaming`` (``?format=csv|ndjson``) and ``api.releases``.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from api.offsets import OffsetsMixin
from api.permissions import CanMergeSpeakers
from api.rows import RowListMixin
from api.serializers import (
    ArticleListSerializer,
    ArticleSerializer,
    ClaimSerializer,
    QuoteSerializer,
    RejectSerializer,
    RestoreSerializer,
    SentenceSerializer,
    SpeakerMergeSerializer,
    SpeakerSerializer,
    to_drf_error,
)
from api.streaming import StreamedFormatsMixin
from api.viewsets import (
    IF_MATCH_PARAMETER,
    WRITE_RESPONSES,
    BaseViewSet,
    ConditionalListMixin,
    RetrieveMixin,
    UpdateMixin,
    check_if_match,
    etag_for,
)
from newsfacts import review, search
from newsfacts.filtersets import (
    ArticleFilterSet,
    ClaimFilterSet,
    QuoteFilterSet,
    SentenceFilterSet,
    SpeakerFilterSet,
)
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from newsfacts.review import merge_speakers

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
    ConditionalListMixin, StreamedFormatsMixin, mixins.ListModelMixin, RetrieveMixin, BaseViewSet
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


class SentenceViewSet(
    ConditionalListMixin, OffsetsMixin, StreamedFormatsMixin, mixins.ListModelMixin, RetrieveMixin, BaseViewSet
):  # fmt: skip
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
    ConditionalListMixin,
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
            shown = SpeakerSerializer(into, context=self.get_serializer_context()).data
            check_if_match(request, etag_for(into, shown))
            serializer = SpeakerMergeSerializer(data=request.data, context={"request": request, "into": into})
            serializer.is_valid(raise_exception=True)
            reason = serializer.validated_data.get("reason", "")  # merge_speakers writes one when empty
            try:
                merge_speakers(into, serializer.validated_data["speakers"], user=request.user, reason=reason)
            except DjangoValidationError as error:
                raise to_drf_error(error) from None
            into = self.get_object()
        data = SpeakerSerializer(into, context=self.get_serializer_context()).data
        return Response(data, headers={"ETag": etag_for(into, data)})


class SpanViewSet(
    ConditionalListMixin, OffsetsMixin, StreamedFormatsMixin, RowListMixin, mixins.ListModelMixin, RetrieveMixin,
    UpdateMixin,
    BaseViewSet,
):  # fmt: skip
    """Quotes and claims: lists leave out rejected items unless ``rejected``/``rejected_reason`` ask for them;
    editors add items (POST), change them (PATCH), reject and restore them."""

    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        if self.action != "list":
            # Every relation the serializer reads, joined (the article also for its text, to check offsets). Lists
            # name the same joined columns in values() instead: select_related there would only be deep-copied on
            # each of the queryset's clones.
            queryset = queryset.select_related(*self.row_shape().relations)
        return queryset

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        queryset = super().filter_queryset(queryset)
        asked = {"rejected", "rejected_reason"} & set(self.request.query_params)
        if self.action == "list" and not asked:
            queryset = queryset.live()
        return queryset

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            instance = serializer.save()
        instance = self.get_queryset().get(pk=instance.pk)
        data = self.get_serializer(instance).data
        return Response(data, status=status.HTTP_201_CREATED, headers={"ETag": etag_for(instance, data)})

    def _rejection(self, request: Request, serializer_class: type[serializers.Serializer], act: Any) -> Response:
        with transaction.atomic():
            instance = self.get_object()
            shown = self.serializer_class(instance, context=self.get_serializer_context()).data
            check_if_match(request, etag_for(instance, shown))
            given = serializer_class(data=request.data)
            given.is_valid(raise_exception=True)
            try:
                act(instance, given.validated_data)
            except DjangoValidationError as error:
                raise to_drf_error(error) from None
            instance = self.get_object()
        body = self.serializer_class(instance, context=self.get_serializer_context()).data
        return Response(body, headers={"ETag": etag_for(instance, body)})

    @extend_schema(request=RejectSerializer, parameters=[IF_MATCH_PARAMETER], responses=WRITE_RESPONSES)
    @action(detail=True, methods=["post"])
    def reject(self, request: Request, pk: str | None = None) -> Response:
        """Reject a false extraction with a reason: it leaves the lists, the queues and the releases."""
        user = request.user
        return self._rejection(
            request,
            RejectSerializer,
            lambda obj, data: review.reject(obj, data["reason"], user=user, note=data.get("note", "")),
        )

    @extend_schema(request=RestoreSerializer, parameters=[IF_MATCH_PARAMETER], responses=WRITE_RESPONSES)
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, pk: str | None = None) -> Response:
        """Undo a rejection."""
        user = request.user
        return self._rejection(
            request, RestoreSerializer, lambda obj, data: review.restore(obj, user=user, note=data.get("note", ""))
        )


@extend_schema_view(
    partial_update=extend_schema(parameters=[IF_MATCH_PARAMETER], responses={200: QuoteSerializer, **WRITE_RESPONSES})
)
class QuoteViewSet(SpanViewSet):
    queryset = Quote.objects.all()
    serializer_class = QuoteSerializer
    filterset_class = QuoteFilterSet
    ordering_fields = {**_SPAN_ORDERING, "confidence": "confidence", "speaker": "speaker__name"}


@extend_schema_view(
    partial_update=extend_schema(parameters=[IF_MATCH_PARAMETER], responses={200: ClaimSerializer, **WRITE_RESPONSES})
)
class ClaimViewSet(SpanViewSet):
    queryset = Claim.objects.all()
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilterSet
    ordering_fields = {**_SPAN_ORDERING, "confidence": "confidence", "claimant": "claimant__name"}
