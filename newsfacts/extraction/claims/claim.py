"""A claim as the pipeline gives it: its span, kind, claimant and confidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ClaimKind = Literal["figure", "date", "age", "first", "attributed", "other"]
ContentKind = Literal["figure", "date", "age", "first", "other"]


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    text: str
    kind: ClaimKind
    claimant: str | None  # a Speaker.name, or None when the article itself asserts it
    sentence: int  # position of the sentence holding the claim
    confidence: float = 0.5  # how likely an editor finds it check-worthy, 0 to 1 (see ``claims.confidence``)
