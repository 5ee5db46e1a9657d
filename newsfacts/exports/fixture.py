"""The release's Django fixture (``newsfacts.json``): every row of the selection, ready for ``manage.py loaddata``.

Written one object a line as the rows stream from the database, as a JSON list (``newsfacts.json``, which
``loaddata`` reads whole into memory) and as JSON lines (``newsfacts.jsonl``, Django's ``jsonl`` serializer, which
``loaddata`` reads a line at a time, in flat memory whatever the size). Primary keys are kept, so the ids of the
flat tables hold after a load. Editors are not published: every field pointing at a user account (``reviewed_by``,
``rejected_by``, ``added_by``...) is left out (it loads as empty) because accounts are not part of the dataset;
the review time, status and rationale stay. History tables are not exported: a load starts each object's history
afresh.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any, BinaryIO

import orjson
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from newsfacts.exports.tables import JSON_OPTIONS, RELEASE_CHUNK_SIZE
from newsfacts.values import iso_datetime

FILENAME = "newsfacts.json"
LINES_FILENAME = "newsfacts.jsonl"


class FixtureEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeping whole microseconds, so a loaded fixture exports to the same bytes again."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime) and o.tzinfo is not None:
            return iso_datetime(o)
        return super().default(o)


def _is_account(field: models.Field) -> bool:
    """A field pointing at a user account, which a release does not carry."""
    return field.is_relation and field.related_model is get_user_model()


def _model_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.local_fields if f.serialize and not _is_account(f)]


def published_fields(model_classes: Iterable[type[models.Model]]) -> list[str]:
    """The names of the fields the fixture carries, across the given models."""
    return sorted({field.name for model in model_classes for field in _model_fields(model)})


def fixture_objects(querysets: Iterable[models.QuerySet]) -> Iterator[dict[str, Any]]:
    """The objects of each queryset in turn, by primary key, as Django's JSON serializer shapes them.

    Read with ``values_list`` rather than through model instances and the serializer: the same objects, about
    three times faster (bench/export_speed.py).
    """
    for queryset in querysets:
        model = queryset.model
        label = model._meta.label_lower
        fields = _model_fields(model)
        names = [field.name for field in fields]
        rows = queryset.order_by("pk").values_list("pk", *(field.attname for field in fields))
        for pk, *values in rows.iterator(chunk_size=RELEASE_CHUNK_SIZE):
            yield {"model": label, "pk": pk, "fields": dict(zip(names, values, strict=True))}


def write_fixture(stream: BinaryIO, objects: Iterable[dict[str, Any]], *, lines: bool = False) -> int:
    """Write the objects one a line, keys sorted, as a JSON list or (`lines`) JSON lines; returns how many."""
    default = FixtureEncoder().default
    count = 0
    if lines:
        for obj in objects:
            stream.write(orjson.dumps(obj, option=JSON_OPTIONS | orjson.OPT_APPEND_NEWLINE, default=default))
            count += 1
        return count
    stream.write(b"[\n")
    for obj in objects:
        if count:
            stream.write(b",\n")
        stream.write(orjson.dumps(obj, option=JSON_OPTIONS, default=default))
        count += 1
    stream.write(b"\n]\n")
    return count
