"""The release's Django fixture (``newsfacts.json``): every row of the selection, ready for ``manage.py loaddata``.

Written one object a line as the rows stream from the database. Primary keys are kept, so the ids of the flat tables
hold after a load. Reviewers are not published: ``reviewed_by`` is left out (it loads as empty) because user
accounts are not part of the dataset; the review time, status and rationale stay. History tables are not exported:
a load starts each object's history afresh.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from django.core.serializers.json import DjangoJSONEncoder
from django.db import models

from newsfacts.exports.tables import CHUNK_SIZE
from newsfacts.values import iso_datetime

FILENAME = "newsfacts.json"

# Fields that point at user accounts, which a release does not carry.
UNPUBLISHED_FIELDS = frozenset({"reviewed_by"})


class FixtureEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeping whole microseconds, so a loaded fixture exports to the same bytes again."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime) and o.tzinfo is not None:
            return iso_datetime(o)
        return super().default(o)


def _model_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.local_fields if f.serialize and f.name not in UNPUBLISHED_FIELDS]


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
        for pk, *values in rows.iterator(chunk_size=CHUNK_SIZE):
            yield {"model": label, "pk": pk, "fields": dict(zip(names, values, strict=True))}


def write_fixture(stream: TextIO, objects: Iterable[dict[str, Any]]) -> int:
    """Write the objects as a JSON list, one object a line, keys sorted; returns how many."""
    encode = FixtureEncoder(ensure_ascii=False, sort_keys=True).encode
    stream.write("[\n")
    count = 0
    for obj in objects:
        if count:
            stream.write(",\n")
        stream.write(encode(obj))
        count += 1
    stream.write("\n]\n")
    return count
