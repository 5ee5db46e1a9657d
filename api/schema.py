"""OpenAPI types of the domain's own filters, declared on the API's side so the domain never imports the schema layer.

drf-spectacular reads a filter's type from the annotation ``extend_schema_field`` leaves on its class; the API app
applies these when it is ready (``api.apps``).
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from newsfacts.filtersets import BooleanFilter, IdFilter, SearchFilter, StringInFilter

FILTER_SCHEMAS: dict[type, Any] = {
    IdFilter: {"type": "array", "items": {"type": "integer"}},
    StringInFilter: {"type": "array", "items": {"type": "string"}},
    BooleanFilter: OpenApiTypes.BOOL,
    SearchFilter: OpenApiTypes.STR,
}


def annotate_filters() -> None:
    for filter_class, schema in FILTER_SCHEMAS.items():
        extend_schema_field(schema)(filter_class)
