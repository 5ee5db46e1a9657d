"""How the quality tests match what the pipeline found to what an annotator marked: one rule for quotes and claims.

A found span matches an annotated one when their overlap covers at least half of the annotated span. Pairs are one to
one, taken greedily by the size of the overlap (largest first; ties in text order), so a found span that overlaps two
annotations goes to the one it covers most.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

MIN_OVERLAP = 0.5


class Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


def overlap(a: Span, b: Span) -> int:
    """Characters the two spans share."""
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def matches(annotated: Span, found: Span) -> bool:
    return overlap(annotated, found) >= MIN_OVERLAP * (annotated.end - annotated.start)


def match(annotated: Sequence[Span], found: Sequence[Span]) -> dict[int, int]:
    """One-to-one pairs ``{index in annotated: index in found}`` of the spans that match."""
    candidates = sorted(
        (
            (-overlap(a, f), ai, fi)
            for ai, a in enumerate(annotated)
            for fi, f in enumerate(found)
            if overlap(a, f) and matches(a, f)
        )
    )
    pairs: dict[int, int] = {}
    taken: set[int] = set()
    for _size, ai, fi in candidates:
        if ai not in pairs and fi not in taken:
            pairs[ai] = fi
            taken.add(fi)
    return pairs
