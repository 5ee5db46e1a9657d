"""Which rows a release holds: everything, or the claims and quotes the API's filters select and their context.

Filters are those of ``/api/v1/claims/`` and ``/api/v1/quotes/`` (``newsfacts.filtersets``), so a release and an API
query with the same parameters agree. Each of the two tables honours the filters its FilterSet declares; a table that
cannot honour one of the given filters (it does not declare it, or rejects its value, like a claim kind given to
quotes) is left empty. The articles, sentences and speakers are then those the selected claims and quotes refer to,
with every sentence of those articles, so each reference in the release resolves. Items editors rejected are kept
out of the quotes and claims and go to tables of their own (``rejected_quotes``, ``rejected_claims``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import django_filters
from django.db.models import Q, QuerySet
from django.http import QueryDict

from newsfacts.filtersets import ClaimFilterSet, QuoteFilterSet
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker

# The span tables filters select, and the FilterSet that selects each.
FILTERSETS: dict[str, type[django_filters.FilterSet]] = {"claims": ClaimFilterSet, "quotes": QuoteFilterSet}


class FilterError(ValueError):
    """A filter the release cannot apply: unknown, or a value no table accepts."""


def filter_names() -> list[str]:
    """Every filter a release accepts, sorted."""
    return sorted({name for filterset in FILTERSETS.values() for name in filterset.base_filters})


def option_name(name: str) -> str:
    return "--" + name.replace("_", "-")


@dataclass(frozen=True)
class Selection:
    """The querysets of each table of a release, and the filters that chose them (empty: the whole dataset)."""

    articles: QuerySet[Article]
    sentences: QuerySet[Sentence]
    speakers: QuerySet[Speaker]
    quotes: QuerySet[Quote]
    claims: QuerySet[Claim]
    rejected_quotes: QuerySet[Quote]
    rejected_claims: QuerySet[Claim]
    filters: dict[str, list[str]]

    def queryset(self, table: str) -> QuerySet:
        return getattr(self, table)

    def model_querysets(self) -> list[QuerySet]:
        """Every object of the release, a queryset a model (rejected items with the others), parents first."""
        return [
            self.articles,
            self.sentences,
            self.speakers,
            self.quotes | self.rejected_quotes,
            self.claims | self.rejected_claims,
        ]


def _query_dict(filters: Mapping[str, Sequence[str]]) -> QueryDict:
    data = QueryDict(mutable=True)
    for name, values in filters.items():
        data.setlist(name, list(values))
    return data


def _filtered(
    table: str, model_queryset: QuerySet, filters: Mapping[str, Sequence[str]]
) -> tuple[QuerySet, dict[str, list[str]]]:
    """The rows of one span table the filters select (none when it cannot honour them), and its errors by filter."""
    filterset_class = FILTERSETS[table]
    if not set(filters) <= set(filterset_class.base_filters):
        return model_queryset.none(), {}
    filterset = filterset_class(_query_dict(filters), queryset=model_queryset)
    if not filterset.is_valid():
        return model_queryset.none(), {name: [str(m) for m in messages] for name, messages in filterset.errors.items()}
    return filterset.qs, {}


def select(filters: Mapping[str, Sequence[str]] | None = None) -> Selection:
    """The rows of a release; FilterError when a filter is unknown or its value is rejected by every table."""
    filters = {name: [str(v) for v in values] for name, values in (filters or {}).items() if values}
    if not filters:
        return Selection(
            articles=Article.objects.all(),
            sentences=Sentence.objects.all(),
            speakers=Speaker.objects.all(),
            quotes=Quote.objects.live(),
            claims=Claim.objects.live(),
            rejected_quotes=Quote.objects.rejected(),
            rejected_claims=Claim.objects.rejected(),
            filters={},
        )
    known = set(filter_names())
    unknown = sorted(set(filters) - known)
    if unknown:
        raise FilterError(f"unknown filter {option_name(unknown[0])}; filters are {', '.join(sorted(known))}")

    claims, claim_errors = _filtered("claims", Claim.objects.all(), filters)
    quotes, quote_errors = _filtered("quotes", Quote.objects.all(), filters)
    # A value is wrong when every table that declares its filter rejects it.
    for name in sorted(filters):
        declaring = [t for t, filterset in FILTERSETS.items() if name in filterset.base_filters]
        errors = {"claims": claim_errors, "quotes": quote_errors}
        if all(name in errors[t] for t in declaring):
            raise FilterError(f"{option_name(name)}: {' '.join(errors[declaring[0]][name])}")

    # Rejected items' articles, sentences and speakers are in too, so their references resolve.
    articles = Article.objects.filter(Q(pk__in=claims.values("article_id")) | Q(pk__in=quotes.values("article_id")))
    return Selection(
        articles=articles,
        sentences=Sentence.objects.filter(article__in=articles),
        speakers=Speaker.objects.filter(Q(pk__in=claims.values("claimant_id")) | Q(pk__in=quotes.values("speaker_id"))),
        quotes=quotes.live(),
        claims=claims.live(),
        rejected_quotes=quotes.rejected(),
        rejected_claims=claims.rejected(),
        filters={name: filters[name] for name in sorted(filters)},
    )
