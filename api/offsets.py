"""``?offsets=utf16``: offsets in UTF-16 code units, for clients whose strings count them (JavaScript, Java, C#).

Stored offsets count Unicode code points (Python's ``str`` indexes). Quotes, claims and sentences take
``?offsets=utf16`` on reads (lists, details, streamed CSV and NDJSON) and answer every offset converted with
``newsfacts.offsets``, so that ``text.slice(start, end)`` in JavaScript is exactly the span.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request
from rest_framework.response import Response

from api.streaming import StreamedFormatsSchema
from newsfacts.offsets import Utf16Offsets, utf16_offsets_of

if TYPE_CHECKING:
    # What OffsetsMixin extends: to the type checker the streamed list viewset it is mixed into.
    from api.streaming import StreamedFormatsMixin as OffsetsMixinBase
else:
    OffsetsMixinBase = object

OFFSETS_PARAM = "offsets"
CODE_POINTS, UTF16 = "codepoints", "utf16"
# Rows of a stream converted together: one query fetches the texts of the articles they need.
ROWS_PER_BATCH = 2000
# Articles whose converters a stream keeps (each holds the positions of its text's astral characters).
MAX_CONVERTERS = 10_000

OFFSET_UNIT = (
    "in Unicode code points (Python string indexes); with ?offsets=utf16, in UTF-16 code units "
    "(JavaScript string indexes)"
)

OFFSETS_PARAMETER = OpenApiParameter(
    OFFSETS_PARAM,
    str,
    enum=[CODE_POINTS, UTF16],
    default=CODE_POINTS,
    description="The unit of every offset in the answer: codepoints (Python's str indexes, the default) or utf16 "
    "(UTF-16 code units: JavaScript's text.slice(start, end) gives the span). They differ after characters beyond "
    "the Basic Multilingual Plane, such as most emoji.",
)


class OffsetsSchema(StreamedFormatsSchema):
    """Documents ``?offsets=`` on the reads that take it."""

    def get_override_parameters(self) -> list[Any]:
        parameters = list(super().get_override_parameters())
        if self.method in SAFE_METHODS:
            parameters.append(OFFSETS_PARAMETER)
        return parameters


def _convert(span: dict[str, Any], to_utf16: Utf16Offsets) -> None:
    for name in ("start", "end"):
        if isinstance(span.get(name), int):
            span[name] = to_utf16(span[name])


class OffsetsMixin(OffsetsMixinBase):
    """Reads answer offsets in the unit ``?offsets=`` asks for (a view with ``StreamedFormatsMixin``)."""

    schema = OffsetsSchema()
    extra_query_params: tuple[str, ...] = (OFFSETS_PARAM,)

    def initial(self, request: Request, *args: Any, **kwargs: Any) -> None:
        super().initial(request, *args, **kwargs)
        self.utf16 = self.wants_utf16(request)

    @staticmethod
    def wants_utf16(request: Request) -> bool:
        value = request.query_params.get(OFFSETS_PARAM)
        if value is None:
            return False
        if value not in (CODE_POINTS, UTF16):
            raise ValidationError({OFFSETS_PARAM: [f"Use {CODE_POINTS} or {UTF16}."]})
        if request.method not in SAFE_METHODS:
            raise ValidationError({OFFSETS_PARAM: ["Only reads take it; writes give offsets in code points."]})
        return value == UTF16

    def finalize_response(self, request: Request, response: Response, *args: Any, **kwargs: Any) -> Response:
        data = getattr(response, "data", None)
        if getattr(self, "utf16", False) and response.status_code == 200 and isinstance(data, dict):
            rows = data["results"] if isinstance(data.get("results"), list) else [data]
            converters = utf16_offsets_of(row["article"]["id"] for row in rows)
            for row in rows:
                to_utf16 = converters[row["article"]["id"]]
                _convert(row, to_utf16)
                if isinstance(row.get("sentence"), dict):
                    _convert(row["sentence"], to_utf16)
        return super().finalize_response(request, response, *args, **kwargs)

    def streamed_rows(self, rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """The flat rows of a stream (``article_id``, ``start``, ``end``), converted a batch at a time."""
        rows = super().streamed_rows(rows)
        if not getattr(self, "utf16", False):
            yield from rows
            return
        iterator = iter(rows)
        converters: dict[int, Utf16Offsets] = {}
        while batch := list(islice(iterator, ROWS_PER_BATCH)):
            needed = {row["article_id"] for row in batch}
            if len(converters | dict.fromkeys(needed)) > MAX_CONVERTERS:
                converters.clear()  # keep memory flat over a stream of many articles
            converters.update(utf16_offsets_of(needed - set(converters)))
            for row in batch:
                _convert(row, converters[row["article_id"]])
                yield row
