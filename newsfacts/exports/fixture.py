"""The release's Django fixture (``newsfacts.json``): every row of the selection, ready for ``manage.py loaddata``.

Written one object a line as the rows stream from the database. Primary keys are kept, so the ids of the flat tables
hold after a load. Reviewers are not published: ``reviewed_by`` is left out (it loads as empty) because user
accounts are not part of the dataset; the review time, status and rationale stay. History tables are not exported:
a load starts each object's history afresh.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Iterable, Iterator
from typing import Any, TextIO

from django.core.serializers.json import DjangoJSONEncoder
from django.core.serializers.json import Serializer as JsonSerializer
from django.db import models

from newsfacts.exports.tables import CHUNK_SIZE, iso_datetime

FILENAME = "newsfacts.json"

# Fields that point at user accounts, which a release does not carry.
UNPUBLISHED_FIELDS = frozenset({"reviewed_by"})


class FixtureEncoder(DjangoJSONEncoder):
    """DjangoJSONEncoder keeping whole microseconds, so a loaded fixture exports to the same bytes again."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime.datetime) and o.tzinfo is not None:
            return iso_datetime(o)
        return super().default(o)


class LineSerializer(JsonSerializer):
    """Django's JSON serializer writing one object a line, keys sorted."""

    def start_serialization(self) -> None:
        self._init_options()
        self.json_kwargs.update(cls=FixtureEncoder, sort_keys=True)
        self.stream.write("[\n")

    def end_object(self, obj: models.Model) -> None:
        if not self.first:
            self.stream.write(",\n")
        json.dump(self.get_dump_object(obj), self.stream, **self.json_kwargs)
        self._current = None

    def end_serialization(self) -> None:
        self.stream.write("\n]\n")


def published_fields(model_classes: Iterable[type[models.Model]]) -> list[str]:
    """The names of the fields the fixture carries, across the given models."""
    return sorted(
        {
            field.name
            for model in model_classes
            for field in model._meta.local_fields
            if field.serialize and field.name not in UNPUBLISHED_FIELDS
        }
    )


def objects(querysets: Iterable[models.QuerySet]) -> Iterator[models.Model]:
    """The objects of each queryset in turn, by primary key, streamed."""
    for queryset in querysets:
        yield from queryset.order_by("pk").iterator(chunk_size=CHUNK_SIZE)


def write_fixture(stream: TextIO, querysets: list[models.QuerySet], rows: Iterable[models.Model] | None = None) -> None:
    """Serialize the querysets (or `rows`, their objects already wrapped, e.g. in a progress bar) into `stream`."""
    fields = published_fields(queryset.model for queryset in querysets)
    LineSerializer().serialize(objects(querysets) if rows is None else rows, stream=stream, fields=fields)
