"""The fast read path of lists: a serializer's output built from the plain rows of one ``values()`` query.

A serializer declares the representation once; :class:`RowShape` reads its fields and derives both the columns to
select (``article__title``, ``speaker__name``...) and a function that builds the same dict from a row, without
model instances or nested serializers (faster per row: ``bench/README.md``, ``bench/row_shape.py``). A field the row
path cannot build from a column is refused when the shape is first built, so the list and the detail never drift
apart.

Editors' usernames (``SlugRelatedField`` s) are not joined: PostgreSQL took ~10 ms to plan the claims' list query
with its three joins to the users' table against ~1.7 ms without them (``bench/README.md``). The page's query
selects their ids and :meth:`RowShape.resolve` reads the names by id, kept per process for one dataset version
(``newsfacts.changes``: a renamed user bumps it), so a page usually costs no second query.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.db.models import QuerySet
from django.urls import get_script_prefix
from django.utils import timezone
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from api import statements
from api.serializers import BriefRelatedField
from api.viewsets import ViewSetMixinBase
from newsfacts import search
from newsfacts.links import DetailUrl
from newsfacts.values import iso_datetime

Row = dict[str, Any]
MAX_BUILDERS = 64
Builder = Callable[[Row], Any]
# Related values (usernames) a process keeps for one lookup: bounded, a full table starts afresh.
MAX_KEPT_VALUES = 10_000


# Serializer fields whose output is the column's value as the database returns it.
_PLAIN_FIELDS = (
    serializers.CharField,
    serializers.IntegerField,
    serializers.FloatField,
    serializers.BooleanField,
    serializers.ChoiceField,
    serializers.ListField,
    serializers.JSONField,
)


@dataclass(frozen=True)
class _Node:
    """One key of the output: a column's value, a datetime, a detail URL, or a nested object."""

    key: str
    kind: str  # "value", "datetime", "url" or "nested"
    column: str = ""  # the column read (for "nested": the foreign key that is NULL when the object is absent)
    view_name: str = ""
    children: tuple[_Node, ...] = field(default_factory=tuple)


class _Context:
    """What building a row needs from the request: URL templates under its base URL, and the time zone."""

    def __init__(self, base: str, zone: Any) -> None:
        self.base = base
        self.zone = zone
        self.templates: dict[str, DetailUrl] = {}

    def url(self, view_name: str) -> DetailUrl:
        template = self.templates.get(view_name)
        if template is None:
            template = self.templates[view_name] = DetailUrl(view_name, self.base)
        return template


@dataclass(frozen=True)
class Lookup:
    """A related row's value read by its id after the page's query (an editor's username), instead of a join."""

    relation: str  # the relation's path, for a detail's select_related: "reviewed_by"
    id_column: str  # the foreign key the page selects: "reviewed_by_id"
    column: str  # the row's key the builder reads, filled by RowShape.resolve: "reviewed_by__username"
    model: type[models.Model]
    field: str


# Each lookup's values by id, and the dataset version they were read at (RowShape.resolve).
_kept: dict[Lookup, tuple[int, dict[Any, Any]]] = {}


def forget_kept_values() -> None:
    """Drop the related values this process keeps (tests: a rolled back test's writes reuse version numbers)."""
    _kept.clear()


def _values(lookup: Lookup, ids: set[Any], version: int | None) -> dict[Any, Any]:
    """The lookup's values of these ids, those not kept for ``version`` read in one query (None: nothing kept)."""
    kept = _kept.get(lookup)
    if kept is None or version is None or kept[0] != version or len(kept[1]) >= MAX_KEPT_VALUES:
        kept = (version or 0, {})
        if version is not None:
            _kept[lookup] = kept
    known = kept[1]
    missing = [pk for pk in ids if pk not in known]
    if missing:
        known.update(lookup.model._base_manager.filter(pk__in=missing).values_list("pk", lookup.field))
    return known


def _bind(node: _Node, context: _Context) -> Builder:
    column = node.column
    if node.kind == "value":
        return operator.itemgetter(column)
    if node.kind == "datetime":
        zone = context.zone
        return lambda row: None if row[column] is None else iso_datetime(row[column], zone)
    if node.kind == "url":
        template = context.url(node.view_name)
        return lambda row: template(row[column])
    children = [(child.key, _bind(child, context)) for child in node.children]
    if column:  # an optional related object: None when its foreign key is NULL
        return lambda row: None if row[column] is None else {key: build(row) for key, build in children}
    return lambda row: {key: build(row) for key, build in children}


def _columns(node: _Node) -> list[str]:
    """The columns a node reads, in order."""
    columns = [node.column] if node.column else []
    for child in node.children:
        columns += _columns(child)
    return columns


class RowShape:
    """The columns and the row builder of a serializer's output, read from its fields once per process."""

    def __init__(self, serializer_class: type[serializers.ModelSerializer]) -> None:
        serializer = serializer_class()
        model = serializer.Meta.model
        self.lookups: list[Lookup] = []
        self.root = _Node("", "nested", children=self._nodes(serializer, model, "", model._meta.pk.attname))
        self._builders: dict[tuple[str, Any, str], Builder] = {}
        looked_up = {lookup.column for lookup in self.lookups}
        # The columns the page selects: the output's, a looked-up value's foreign key instead of the value.
        self.columns = tuple(
            dict.fromkeys(
                [column for column in _columns(self.root) if column not in looked_up]
                + [lookup.id_column for lookup in self.lookups]
            )
        )
        # The relations the output goes through (article, speaker, reviewed_by...), for a detail's select_related.
        self.relations = tuple(
            dict.fromkeys(
                [column.rsplit("__", 1)[0] for column in self.columns if "__" in column]
                + [lookup.relation for lookup in self.lookups]
            )
        )

    @classmethod
    @functools.cache
    def of(cls, serializer_class: type[serializers.ModelSerializer]) -> RowShape:
        return cls(serializer_class)

    def builder(self, request: Request) -> Builder:
        """A function from a ``values()`` row to the serializer's output, for this request's URLs (made once for each
        base URL, time zone and script prefix: a process serves few)."""
        # DRF's DateTimeField writes in the current time zone; detail URLs are under the request's host and prefix.
        context = (request.build_absolute_uri("/"), timezone.get_current_timezone(), get_script_prefix())
        build = self._builders.get(context)
        if build is None:
            if len(self._builders) >= MAX_BUILDERS:  # hosts are the clients' (within ALLOWED_HOSTS): bounded
                self._builders.clear()
            build = self._builders[context] = _bind(self.root, _Context(context[0], context[1]))
        return build

    def resolve(self, rows: list[Row], version: int | None) -> None:
        """Fill in the rows' looked-up values (editors' usernames) from their ids: kept ones for the dataset's
        ``version``, the others read in one query a lookup (None: read them all)."""
        for lookup in self.lookups:
            ids = {row[lookup.id_column] for row in rows}
            ids.discard(None)
            known = _values(lookup, ids, version) if ids else {}
            for row in rows:
                row[lookup.column] = known.get(row[lookup.id_column])

    def _nodes(
        self, serializer: serializers.BaseSerializer, model: type[models.Model], prefix: str, pk_column: str
    ) -> tuple[_Node, ...]:
        """The output of ``serializer`` for the ``model`` reached by ``prefix``, whose id is in ``pk_column``."""
        return tuple(
            self._node(name, serializer_field, model, prefix, pk_column)
            for name, serializer_field in serializer.fields.items()
            if not serializer_field.write_only
        )

    def _node(
        self, name: str, serializer_field: serializers.Field, model: type[models.Model], prefix: str, pk_column: str
    ) -> _Node:
        source = serializer_field.source
        if isinstance(serializer_field, serializers.HyperlinkedIdentityField):
            return _Node(name, "url", pk_column, view_name=serializer_field.view_name)
        if isinstance(serializer_field, BriefRelatedField | serializers.BaseSerializer):
            brief = serializer_field
            if isinstance(serializer_field, BriefRelatedField):
                brief = serializer_field.brief_serializer()
            relation = model._meta.get_field(source)
            if not relation.many_to_one:
                raise ImproperlyConfigured(f"{name}: the row path follows foreign keys only")
            column = f"{prefix}{relation.attname}"
            children = self._nodes(brief, relation.related_model, f"{prefix}{source}__", column)
            return _Node(name, "nested", column if relation.null else "", children=children)
        if isinstance(serializer_field, serializers.SlugRelatedField):
            column = f"{prefix}{source}__{serializer_field.slug_field}"
            relation = model._meta.get_field(source) if "." not in source else None
            if relation is not None and relation.many_to_one:  # read by id after the query, not joined
                lookup = Lookup(
                    f"{prefix}{source}",
                    f"{prefix}{relation.attname}",
                    column,
                    relation.related_model,
                    serializer_field.slug_field,
                )
                self.lookups.append(lookup)
            return _Node(name, "value", column)
        if source in ("pk", model._meta.pk.name):
            return _Node(name, "value", pk_column)  # a related object's id is its foreign key: no join
        if isinstance(serializer_field, serializers.DateTimeField):
            return _Node(name, "datetime", f"{prefix}{source}")
        if isinstance(serializer_field, _PLAIN_FIELDS) and "." not in source and source != "*":
            return _Node(name, "value", f"{prefix}{source}")
        raise ImproperlyConfigured(
            f"{name}: the row path cannot build a {type(serializer_field).__name__} from a column; teach RowShape"
        )


class RowListMixin(ViewSetMixinBase):
    """Lists whose rows come from one ``values()`` query, shaped by the serializer's :class:`RowShape`."""

    _list_templates: ClassVar[dict[tuple[type, tuple[str, ...]], QuerySet]] = {}
    _statements: ClassVar[dict[Hashable, statements.ListStatements]] = {}
    list_statements: statements.ListStatements | None = None

    def row_shape(self) -> RowShape:
        return RowShape.of(self.get_serializer_class())

    def list_queryset(self, ordering_paths: tuple[str, ...] = ()) -> QuerySet:
        """A values() queryset of the row's columns and the ordering's, resolved once per process.

        Resolving some twenty joined paths is a seventh of a request; cloning the resolved query is nearly free.
        A column the ordering needs only for the cursor (``article__published``) is selected only when ordering by
        it. The templates are never evaluated, only cloned; there are at most two a view, since the ordering paths
        come from ``ordering_fields``.
        """
        columns = self.row_shape().columns
        # The search's rank is not a column: the search annotates it (SearchableFilterSet).
        cursor_only = tuple(path for path in ordering_paths if path not in columns and path != search.RELEVANCE)
        key = (type(self), cursor_only)
        template = self._list_templates.get(key)
        if template is None:
            template = self._list_templates[key] = self.queryset.values(*columns, *cursor_only)
        return template.all()

    def count_queryset(self) -> QuerySet:
        """The filtered rows without the list's joins, for ?count=true (a count keeps every join of a values())."""
        return self.filter_queryset(self.get_queryset())

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        # The ordering first: the columns its cursor needs are part of the values() the rows are selected with.
        keys, _ordered = self.paginator.get_ordering(request, self.queryset, self)
        paths = tuple(key.path for key in keys)
        # The list's query depends on its parameters alone: filtered once per process for a set of them, the pages'
        # SQL kept (api/statements.py).
        key = statements.cache_key(self, request.query_params, self.paginator.cursor_query_param)
        self.list_statements = self._statements.get(key)
        if self.list_statements is None:
            queryset = self.filter_queryset(self.list_queryset(paths))
            if len(self._statements) >= statements.MAX_LISTS:
                self._statements.clear()
            self.list_statements = self._statements[key] = statements.ListStatements(queryset)
        rows = self.paginate_queryset(self.list_statements.queryset)
        shape = self.row_shape()
        shape.resolve(rows, getattr(self, "dataset_version", None))
        build = shape.builder(request)
        results = [build(row) for row in rows]
        if rows and "highlight" in rows[0]:  # a search with ?highlight=true
            for result, row in zip(results, rows, strict=True):
                result["highlight"] = search.highlight_html(row["highlight"])
        return self.get_paginated_response(results)
