"""The API's JSON renderer: DRF's, encoding with orjson.

A page of 50 claims took ~0.4 ms to encode with the standard library's ``json`` (a tenth of the request); orjson
writes the same bytes in a fraction of it (``bench/profile_api.py`` shows the rendering part of a request).
"""

from __future__ import annotations

from typing import Any

import orjson
from rest_framework import renderers

# Dates and times go through DRF's encoder (its own format: "Z" for UTC); dict keys need not be strings, as with json.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS
_LINE_SEPARATORS = (b"\xe2\x80\xa8", b"\xe2\x80\xa9")  # U+2028 and U+2029 in UTF-8


class JSONRenderer(renderers.JSONRenderer):
    """Compact UTF-8 JSON, as DRF's renderer writes it, encoded by orjson.

    What orjson does not know (lazy translations, dates, Decimal...) goes through DRF's encoder's ``default``, so the
    output is DRF's; an indented rendering (the browsable API, ``Accept: application/json; indent=2``) and anything
    orjson refuses (an integer past 64 bits) are DRF's own ``render``. A float that is not a number (never in the
    dataset) is written ``null`` where DRF's strict JSON would fail the request.
    """

    def render(self, data: Any, accepted_media_type: str | None = None, renderer_context: Any = None) -> bytes:
        if data is None or self.ensure_ascii or not self.compact:
            return super().render(data, accepted_media_type, renderer_context)
        if self.get_indent(accepted_media_type, renderer_context or {}) is not None:
            return super().render(data, accepted_media_type, renderer_context)
        try:
            content = orjson.dumps(data, default=self.encoder_class().default, option=_OPTIONS)
        except orjson.JSONEncodeError:
            return super().render(data, accepted_media_type, renderer_context)
        if b"\xe2\x80" in content:
            # As DRF: JSON that is also valid JavaScript, the two line separators escaped.
            for raw, escaped in zip(_LINE_SEPARATORS, (b"\\u2028", b"\\u2029"), strict=True):
                content = content.replace(raw, escaped)
        return content
