"""Quotes, direct and reported, attributed to speakers."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsfacts.extraction.sentences import Sentence
from newsfacts.extraction.speakers import Speaker

QuoteKind = Literal["direct", "indirect", "mixed"]
AttributionMethod = Literal["name", "alias", "pronoun", "role", "continuation", "none"]


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None  # the Speaker.name, or None when not attributed
    cue: str
    sentence: int  # position of the sentence the quote starts in
    confidence: float
    attribution: AttributionMethod


def find_quotes(text: str, sentences: list[Sentence]) -> tuple[list[Speaker], list[Quote]]:
    """Return the article's speakers and its quotes (in text order)."""
    return [], []
