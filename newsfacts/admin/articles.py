"""Admin for articles and their sentences: what was ingested, read only, with a way into the review queue."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.contrib import admin
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.text import Truncator

from newsfacts.admin.editing import AddSpanMixin
from newsfacts.admin.filters import NulSafeChangeList
from newsfacts.admin.history import HistoryAdmin
from newsfacts.models import INGEST_FIELDS, Article, Claim, Quote, Sentence


class SentenceInline(admin.TabularInline):
    model = Sentence
    fields = ["position", "kind", "start", "end", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Article | None = None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(AddSpanMixin, HistoryAdmin):
    list_display = ["title", "publisher", "published", "language", "quotes_to_review", "claims_to_review"]
    list_filter = ["language", "publisher", "site_name"]
    date_hierarchy = "published"
    search_fields = ["title", "publisher", "url", "credit", "authors", "source"]
    readonly_fields = [*INGEST_FIELDS]
    fieldsets = [
        (None, {"fields": ["title", "authors", "publisher", "site_name", "url", "published", "language", "credit"]}),
        (
            "As ingested",
            {
                "fields": [
                    "source",
                    "fetched_at",
                    "sha256",
                    "page_sha256",
                    "ingested_at",
                    ("pipeline_version", "extracted_at"),
                    "text",
                ]
            },
        ),
    ]
    change_form_template = "admin/newsfacts/article_change_form.html"
    inlines = [SentenceInline]
    list_per_page = 50
    show_full_result_count = False
    ordering = ["-published", "-id"]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request: HttpRequest) -> QuerySet[Article]:
        # The raw text is long and only the change page shows it (one more query there).
        return (
            super()
            .get_queryset(request)
            .defer("text")
            .annotate(
                unverified_quotes=Quote.objects.unverified().count_per("article"),
                unverified_claims=Claim.objects.unverified().count_per("article"),
            )
        )

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False  # articles come in through `manage.py ingest`, which fixes their text and offsets

    def get_urls(self) -> list[Any]:
        return [*self.add_span_urls(), *super().get_urls()]

    def _queue_link(self, model: type[Quote] | type[Claim], article: Article, count: int) -> SafeString | int:
        if not count:
            return 0
        url = reverse(f"admin:newsfacts_{model._meta.model_name}_review")
        return format_html('<a href="{}?{}">{}</a>', url, urlencode({"article": article.pk}), count)

    @admin.display(description="quotes to review", ordering="unverified_quotes")
    def quotes_to_review(self, article: Article) -> SafeString | int:
        return self._queue_link(Quote, article, article.unverified_quotes)

    @admin.display(description="claims to review", ordering="unverified_claims")
    def claims_to_review(self, article: Article) -> SafeString | int:
        return self._queue_link(Claim, article, article.unverified_claims)


@admin.register(Sentence)
class SentenceAdmin(NulSafeChangeList, admin.ModelAdmin):
    list_display = ["sentence_text", "article", "position", "kind"]
    list_filter = ["kind"]
    search_fields = ["text", "article__title"]
    list_select_related = ["article"]
    readonly_fields = ["article", "position", "start", "end", "kind", "text"]
    list_per_page = 100
    show_full_result_count = False

    def get_queryset(self, request: HttpRequest) -> QuerySet[Sentence]:
        return super().get_queryset(request).select_related("article").defer("article__text")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    @admin.display(description="sentence")
    def sentence_text(self, sentence: Sentence) -> str:
        return Truncator(sentence.text).chars(100)
