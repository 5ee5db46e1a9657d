"""Check-worthy claims: figures, dates, ages, firsts and superlatives, attributed statements."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from newsfacts.extraction.quotes import Quote
from newsfacts.extraction.sentences import Sentence

ClaimKind = Literal["figure", "date", "age", "first", "attributed", "other"]


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    text: str
    kind: ClaimKind
    claimant: str | None  # a Speaker.name, or None when the article itself asserts it
    sentence: int  # position of the sentence holding the claim


def find_claims(text: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Claim]:
    """Return the check-worthy claims of the article (in text order), each inside one sentence."""
    return []
