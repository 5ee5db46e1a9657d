"""Filter backends of the API: django-filter in strict mode, and an ordering that rejects unknown fields.

Both answer a bad parameter with HTTP 400 naming it, instead of DRF's default of silently ignoring it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models
from django.db.models import F, OrderBy, QuerySet
from django.template import loader
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework.exceptions import ValidationError
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request

from newsfacts import search

# Parameters every list understands besides its filters: DRF's renderer choice (also ?format=csv|ndjson exports).
COMMON_QUERY_PARAMS = frozenset({"format"})


@dataclass(frozen=True)
class OrderKey:
    """One term of an ordering: an ORM path, its direction and whether it can be NULL (NULLs always sort last)."""

    name: str
    path: str
    descending: bool
    nullable: bool

    def expression(self, *, reverse: bool = False) -> OrderBy | str:
        descending = self.descending != reverse
        if not self.nullable:
            # A plain column ordering keeps the composite (x, status, id) indexes usable.
            return f"-{self.path}" if descending else self.path
        # NULLs last when walking forward on every database (SQLite and PostgreSQL disagree by default).
        nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
        return F(self.path).desc(**nulls) if descending else F(self.path).asc(**nulls)


def _nullable(model: type[models.Model], path: str) -> bool:
    """Whether the column at the end of an ORM path may be NULL, counting nullable foreign keys on the way."""
    if path == search.RELEVANCE:
        return False  # a rank, 0 for rows matched only through a related name
    nullable = False
    for part in path.split("__"):
        field = model._meta.get_field(part)
        nullable = nullable or bool(field.null)
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return nullable


class OrderingFilter(BaseFilterBackend):
    """``?ordering=-published,id``: several fields, each optionally with ``-``; unknown fields give 400.

    The view declares ``ordering_fields`` as ``{public name: ORM path}`` and ``default_ordering``. The id is always
    appended last as the tie-breaker, so the ordering is total and the cursor pagination can resume after any row.
    The keys are left on the request for the pagination.
    """

    ordering_param = "ordering"

    def get_keys(self, request: Request, view: Any) -> list[OrderKey]:
        fields: dict[str, str] = getattr(view, "ordering_fields", {"id": "id"})
        model = view.get_queryset().model
        raw = request.query_params.get(self.ordering_param, "")
        terms = [term.strip() for term in raw.split(",") if term.strip()] or list(
            getattr(view, "default_ordering", ["id"])
        )
        keys: list[OrderKey] = []
        seen = set()
        for term in terms:
            name = term.removeprefix("-")
            if name not in fields:
                raise ValidationError(
                    {self.ordering_param: [f"Cannot order by {name!r}; choose from: {', '.join(fields)}."]}
                )
            if name == search.RELEVANCE and not request.query_params.get("q"):
                raise ValidationError({self.ordering_param: ["Ordering by relevance needs a search: add ?q=."]})
            if name in seen:
                raise ValidationError({self.ordering_param: [f"{name!r} is given twice."]})
            seen.add(name)
            path = fields[name]
            keys.append(OrderKey(name, path, term.startswith("-"), _nullable(model, path)))
        if "id" not in seen:
            keys.append(OrderKey("id", "id", False, False))
        return keys

    def ordering_keys(self, request: Request, view: Any) -> list[OrderKey]:
        """The request's ordering, parsed once: a view may need it before filtering (to choose its columns)."""
        keys = getattr(request, "ordering_keys", None)
        if keys is None:
            keys = request.ordering_keys = self.get_keys(request, view)
        return keys

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        return queryset.order_by(*(key.expression() for key in self.ordering_keys(request, view)))

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        fields = list(getattr(view, "ordering_fields", {"id": "id"}))
        default = ",".join(getattr(view, "default_ordering", ["id"]))
        return [
            {
                "name": self.ordering_param,
                "required": False,
                "in": "query",
                "description": (
                    f"Comma-separated fields to order by, each optionally prefixed with - for descending "
                    f"(e.g. -{fields[-1]},id). One of: {', '.join(fields)}. Default: {default}. "
                    "The id is always the last tie-breaker; empty values sort last. Unknown fields give 400."
                    + (" relevance (with q): best match first." if search.RELEVANCE in fields else "")
                ),
                "schema": {"type": "string"},
            }
        ]


class FilterBackend(DjangoFilterBackend):
    """django-filter in strict mode (an invalid value gives 400), which also rejects unknown query parameters.

    A misspelt filter silently ignored would return the whole table, so any parameter that is not a filter, the
    ordering, a pagination parameter, ``format`` or one of the view's ``extra_query_params`` gives 400.
    """

    raise_exception = True

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        self.reject_unknown_parameters(request, queryset, view)
        return super().filter_queryset(request, queryset, view)

    def to_html(self, request: Request, queryset: QuerySet, view: Any) -> str | None:
        """The browsable API's filter form, with every filter (a list's FilterSet holds only those it was given)."""
        filterset_class = self.get_filterset_class(view, queryset)
        if filterset_class is None:
            return None
        filterset = filterset_class(**self.get_filterset_kwargs(request, queryset, view), sparse=False)
        return loader.get_template(self.template).render({"filter": filterset}, request)

    def reject_unknown_parameters(self, request: Request, queryset: QuerySet, view: Any) -> None:
        filterset_class = self.get_filterset_class(view, queryset)
        known = set(COMMON_QUERY_PARAMS) | set(getattr(view, "extra_query_params", ()))
        if filterset_class is not None:
            known |= set(filterset_class.base_filters)
        for backend in getattr(view, "filter_backends", ()):
            if hasattr(backend, "ordering_param"):
                known.add(backend.ordering_param)
        paginator = getattr(view, "paginator", None)
        known |= set(getattr(paginator, "query_params", ()))
        unknown = sorted(set(request.query_params) - known)
        if unknown:
            raise ValidationError(
                {name: [f"Unknown parameter; this list understands: {', '.join(sorted(known))}."] for name in unknown}
            )
