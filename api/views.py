"""Viewsets of the REST API: articles, sentences, speakers, quotes and claims.

Reads are public (anonymous clients are throttled); writes need a logged-in user (session) or a token
(``manage.py drf_create_token USER``, then ``Authorization: Token <key>``) with the model's change permission.
What they share lives beside them: ``api.viewsets`` (strict lists, ETags, If-Match, throttling), ``api.rows`` (the
fast list rows of quotes and claims), ``api.streaming`` (``?format=csv|ndjson``) and ``api.releases``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers
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
    etag_of,
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
            check_if_match(request, etag_of(SpeakerSerializer(into, context=self.get_serializer_context()).data))
            serializer = SpeakerMergeSerializer(data=request.data, context={"request": request, "into": into})
            serializer.is_valid(raise_exception=True)
            reason = serializer.validated_data.get("reason", "")  # merge_speakers writes one when empty
            try:
                merge_speakers(into, serializer.validated_data["speakers"], user=request.user, reason=reason)
            except DjangoValidationError as error:
                raise to_drf_error(error) from None
            into = self.get_object()
        data = SpeakerSerializer(into, context=self.get_serializer_context()).data
        return Response(data, headers={"ETag": etag_of(data)})


class SpanViewSet(
    ConditionalListMixin, OffsetsMixin, StreamedFormatsMixin, RowListMixin, mixins.ListModelMixin, RetrieveMixin,
    UpdateMixin,
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
    # reviewed_by (username). Lists select the same columns with values() (api.rows).
    detail_related = ("article", "sentence", "speaker", "reviewed_by")
    serializer_class = QuoteSerializer
    filterset_class = QuoteFilterSet
    ordering_fields = {**_SPAN_ORDERING, "confidence": "confidence", "speaker": "speaker__name"}


@extend_schema_view(
    partial_update=extend_schema(parameters=[IF_MATCH_PARAMETER], responses={200: ClaimSerializer, **WRITE_RESPONSES})
)
class ClaimViewSet(SpanViewSet):
    queryset = Claim.objects.all()
    # Detail and writes: article (brief, and its text to check offsets), sentence (brief), claimant (brief),
    # reviewed_by (username). Lists select the same columns with values() (api.rows).
    detail_related = ("article", "sentence", "claimant", "reviewed_by")
    serializer_class = ClaimSerializer
    filterset_class = ClaimFilterSet
    ordering_fields = {**_SPAN_ORDERING, "claimant": "claimant__name"}
