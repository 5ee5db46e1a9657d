"""Sentence segmentation of scraped news text, with exact character offsets."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SentenceKind = Literal["prose", "heading", "caption", "credit"]


@dataclass(frozen=True, slots=True)
class Sentence:
    position: int
    start: int
    end: int
    kind: SentenceKind
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences and furniture; ``text[s.start:s.end] == s.text`` for each."""
    raise NotImplementedError
