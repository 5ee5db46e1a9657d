"""Changelist filters for the review work: status with a default, needs review, confidence, one article or speaker."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.contrib import admin
from django.contrib.admin.options import IncorrectLookupParameters
from django.db.models import Model, Q, QuerySet
from django.http import HttpRequest

from newsfacts.choices import VerificationStatus
from newsfacts.filtersets import MAX_DB_INTEGER
from newsfacts.models import LOW_CONFIDENCE, Article, Quote, Speaker

HIGH_CONFIDENCE = 0.8


class NulSafeChangeList:
    """A changelist whose query string holds a NUL character (no stored text can) answers as for any invalid filter.

    PostgreSQL refuses NUL in a query, and the changelist's query runs only as the page renders (a 500 there); the
    admin's own answer to a bad filter is a redirect to ``?e=1``.
    """

    def get_changelist_instance(self, request: HttpRequest) -> Any:
        if any("\x00" in value for _, values in request.GET.lists() for value in values):
            raise IncorrectLookupParameters("A NUL character in the query string.")
        return super().get_changelist_instance(request)  # type: ignore[misc]


class DefaultedListFilter(admin.SimpleListFilter):
    """A list filter that applies ``default`` when nothing (or something unknown) is chosen, and offers no "All"
    link of Django's: one of the lookups is the explicit "all"."""

    default = ""

    def chosen(self) -> str:
        value = self.value()
        return value if value in {str(choice) for choice, _ in self.lookup_choices} else self.default

    def choices(self, changelist: Any) -> Iterator[dict[str, Any]]:
        for value, label in self.lookup_choices:
            yield {
                "selected": self.chosen() == value,
                "query_string": changelist.get_query_string({self.parameter_name: value}),
                "display": label,
            }


class QueueStatusFilter(DefaultedListFilter):
    """Status, showing the unverified rows when nothing is chosen (the review queue)."""

    title = "status"
    parameter_name = "status"
    default = VerificationStatus.UNVERIFIED
    ALL = "all"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [*VerificationStatus.choices, (self.ALL, "any status")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        chosen = self.chosen()
        return queryset if chosen == self.ALL else queryset.filter(status=chosen)


class NeedsReviewFilter(admin.SimpleListFilter):
    """Rows an editor still has to look at (the models' ``needs_review``), or the rest."""

    title = "needs review"
    parameter_name = "needs_review"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("yes", "needs review"), ("no", "reviewed")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() in ("yes", "no"):
            return queryset.needs_review(self.value() == "yes")
        return queryset


class ConfidenceFilter(admin.SimpleListFilter):
    """The pipeline's confidence in a quote's attribution, in three buckets."""

    title = "attribution confidence"
    parameter_name = "confidence"
    BUCKETS = {
        "low": ("low (below 0.5)", Q(confidence__lt=LOW_CONFIDENCE)),
        "medium": ("medium (0.5 to 0.8)", Q(confidence__gte=LOW_CONFIDENCE, confidence__lt=HIGH_CONFIDENCE)),
        "high": ("high (0.8 and above)", Q(confidence__gte=HIGH_CONFIDENCE)),
    }

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(key, label) for key, (label, _) in self.BUCKETS.items()]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        bucket = self.BUCKETS.get(self.value() or "")
        return queryset.filter(bucket[1]) if bucket else queryset


class CheckWorthyConfidenceFilter(ConfidenceFilter):
    """The pipeline's confidence that a claim is check-worthy, in the same three buckets."""

    title = "check-worthiness confidence"


class AttributionFilter(admin.SimpleListFilter):
    title = "attribution check"
    parameter_name = "attribution_check"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [
            ("needs_review", "needs checking"),
            ("no_speaker", "no speaker"),
            ("confirmed", "confirmed by an editor"),
        ]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        condition = {
            "needs_review": Quote.attribution_needs_review_q(),
            "no_speaker": Q(speaker__isnull=True),
            "confirmed": Q(attribution_confirmed=True),
        }.get(self.value() or "")
        return queryset.filter(condition) if condition is not None else queryset


class ChosenObjectFilter(admin.SimpleListFilter):
    """Filter by one related object, chosen by following a link in the list (a sidebar of thousands would not do).

    The sidebar shows the chosen object only, with "All" to clear it; the article and speaker columns link here.
    """

    model: type[Model]
    field_name: str

    def chosen_pk(self) -> int | None:
        """The chosen id; None when it is not one a row could have (not a number, or beyond the id column)."""
        try:
            pk = int(self.value() or "")
        except ValueError:
            return None
        return pk if 1 <= pk <= MAX_DB_INTEGER else None

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        value, pk = self.value(), self.chosen_pk()
        if value is None:
            return []
        obj = self.model._default_manager.filter(pk=pk).only(*self.label_fields).first() if pk is not None else None
        return [(value, str(obj) if obj else f"{value} (not found)")]

    def has_output(self) -> bool:
        return self.value() is not None

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() is None:
            return queryset
        pk = self.chosen_pk()
        return queryset.filter(**{f"{self.field_name}_id": pk}) if pk is not None else queryset.none()

    label_fields: tuple[str, ...] = ("pk",)


class ArticleFilter(ChosenObjectFilter):
    title = "article"
    parameter_name = "article"
    model = Article
    field_name = "article"
    label_fields = ("title",)


class SpeakerFilter(ChosenObjectFilter):
    title = "speaker"
    parameter_name = "speaker"
    model = Speaker
    field_name = "speaker"
    label_fields = ("name",)


class ClaimantFilter(SpeakerFilter):
    title = "claimant"
    parameter_name = "claimant"
    field_name = "claimant"


class RejectedFilter(DefaultedListFilter):
    """Live items by default; an editor asks for the rejected ones (or all) to review or restore them."""

    title = "rejected"
    parameter_name = "rejected"
    LIVE, REJECTED, ALL = "no", "yes", "all"
    default = LIVE

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [(self.LIVE, "not rejected"), (self.REJECTED, "rejected"), (self.ALL, "all")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        chosen = self.chosen()
        if chosen == self.ALL:
            return queryset
        return queryset.rejected() if chosen == self.REJECTED else queryset.live()  # type: ignore[attr-defined]
