"""Offsets in other units: every stored offset counts Unicode code points (Python's ``str`` indexes).

JavaScript, Java and C# index strings in UTF-16 code units, where a character beyond the Basic Multilingual Plane
(most emoji, some CJK, mathematical letters) takes two. A client of those languages asks for UTF-16 offsets; they
differ from code points only by the astral characters before them, so a text's converter keeps just their positions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable

from newsfacts.models import Article

# Characters that take two UTF-16 code units (a surrogate pair).
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Offsets:
    """Converts code-point offsets of one text to UTF-16 code units: ``text[a:b]`` is JavaScript's ``slice(A, B)``."""

    def __init__(self, text: str) -> None:
        self.astral = [match.start() for match in _ASTRAL.finditer(text)]

    def __call__(self, offset: int) -> int:
        return offset + bisect.bisect_left(self.astral, offset)


def utf16_offsets_of(article_ids: Iterable[int]) -> dict[int, Utf16Offsets]:
    """A converter for each article's text, from one query."""
    ids = set(article_ids)
    if not ids:
        return {}
    texts = Article.objects.filter(pk__in=ids).values_list("pk", "text")
    return {pk: Utf16Offsets(text) for pk, text in texts.iterator()}
