"""A claim as the pipeline gives it: its span, kind, claimant (or the unnamed claimant's description) and confidence."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from newsfacts.extraction.quotes import Quote

ClaimKind = Literal["figure", "date", "age", "first", "attributed", "other"]
ContentKind = Literal["figure", "date", "age", "first", "other"]


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    text: str
    kind: ClaimKind
    claimant: str | None  # a Speaker.name, or None when the article itself asserts it or nobody is named
    sentence: int  # position of the sentence holding the claim
    confidence: float = 0.5  # how likely an editor finds it check-worthy, 0 to 1 (see ``claims.confidence``)
    # Who asserts it when nobody is named, in the article's words ("a senior official"): the description its quote's
    # unnamed speaker has; empty when there is a claimant or the claim is the article's own.
    claimant_description: str = ""

    def __post_init__(self) -> None:
        if self.claimant is not None and self.claimant_description:
            raise ValueError(f"a claim has a claimant or a description, not both: {self.claimant!r}")


def claimant_of(quote: Quote | None) -> tuple[str | None, str]:
    """Whose claim words of `quote` are: its speaker, or the description of its unnamed speaker; (None, "") for the
    article's own words."""
    if quote is None:
        return None, ""
    return quote.speaker, "" if quote.speaker else quote.speaker_description
