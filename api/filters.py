"""Filter backends of the API: django-filter in strict mode, and an ordering that rejects unknown fields.

Both answer a bad parameter with HTTP 400 naming it, instead of DRF's default of silently ignoring it.
"""

from __future__ import annotations

import functools
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


def path_fields(model: type[models.Model], path: str) -> list[Any]:
    """The model fields an ORM path (``article__published``) goes through, the column's own field last."""
    fields = []
    for part in path.split("__"):
        field = model._meta.get_field(part)
        fields.append(field)
        if field.is_relation and field.related_model is not None:
            model = field.related_model
    return fields


@dataclass(frozen=True)
class OrderKey:
    """One term of an ordering: an ORM path, its direction, the column's field and whether it can be NULL.

    NULLs always sort last; a path through a nullable foreign key can be NULL even when its column is not.
    """

    name: str
    path: str
    descending: bool
    nullable: bool
    field: Any = None

    @classmethod
    def of(cls, model: type[models.Model], name: str, path: str, *, descending: bool = False) -> OrderKey:
        if path == search.RELEVANCE:  # the search's rank, never NULL (0 for rows matched only by a related name)
            return cls(name, path, descending, False, models.FloatField())
        fields = path_fields(model, path)
        field = fields[-1]
        if field.is_relation:  # a foreign key's value is its target's primary key
            field = field.target_field
        return cls(name, path, descending, any(f.null for f in fields), field)

    def expression(self, *, reverse: bool = False) -> OrderBy | str:
        descending = self.descending != reverse
        if not self.nullable:
            # A plain column ordering keeps the composite (x, status, id) indexes usable.
            return f"-{self.path}" if descending else self.path
        # NULLs last when walking forward on every database (SQLite and PostgreSQL disagree by default).
        nulls = {"nulls_first": True} if reverse else {"nulls_last": True}
        return F(self.path).desc(**nulls) if descending else F(self.path).asc(**nulls)


@functools.lru_cache(maxsize=512)  # bounded: the ordering parameter is the client's
def _parse_ordering(
    model: type[models.Model], fields: tuple[tuple[str, str], ...], default: tuple[str, ...], raw: str, param: str
) -> tuple[OrderKey, ...]:
    paths = dict(fields)
    terms = [term.strip() for term in raw.split(",") if term.strip()] or list(default)
    keys: list[OrderKey] = []
    for term in terms:
        name = term.removeprefix("-")
        if name not in paths:
            raise ValidationError({param: [f"Cannot order by {name!r}; choose from: {', '.join(paths)}."]})
        if any(key.name == name for key in keys):
            raise ValidationError({param: [f"{name!r} is given twice."]})
        keys.append(OrderKey.of(model, name, paths[name], descending=term.startswith("-")))
    if not any(key.name == "id" for key in keys):
        keys.append(OrderKey.of(model, "id", "id"))
    return tuple(keys)


class OrderingFilter(BaseFilterBackend):
    """``?ordering=-published,id``: several fields, each optionally with ``-``; unknown fields give 400.

    The view declares ``ordering_fields`` as ``{public name: ORM path}`` and ``default_ordering``. The id is always
    appended last as the tie-breaker, so the ordering is total and the cursor pagination can resume after any row;
    the pagination asks for it through ``get_ordering``, as DRF's CursorPagination asks DRF's OrderingFilter.
    """

    ordering_param = "ordering"

    def get_ordering(self, request: Request, queryset: QuerySet, view: Any) -> list[OrderKey]:
        """The request's ordering as keys (parsed once per distinct value and view, not per request)."""
        fields: dict[str, str] = getattr(view, "ordering_fields", {"id": "id"})
        default = tuple(getattr(view, "default_ordering", ("id",)))
        raw = request.query_params.get(self.ordering_param, "")
        keys = list(_parse_ordering(queryset.model, tuple(fields.items()), default, raw, self.ordering_param))
        if any(key.path == search.RELEVANCE for key in keys) and not request.query_params.get("q"):
            raise ValidationError({self.ordering_param: ["Ordering by relevance needs a search: add ?q=."]})
        return keys

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        return queryset.order_by(*(key.expression() for key in self.get_ordering(request, queryset, view)))

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
