"""Speakers: named people and organisations found in an article, with their aliases merged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

SpeakerKind = Literal["person", "organisation"]


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    description: str = ""


def same_speaker(name_a: str, name_b: str) -> bool:
    """True when two names plausibly name the same person: equal, or one is the other's surname (`Rogozin`)."""
    a, b = name_a.split(), name_b.split()
    if not a or not b:
        return False
    if [w.casefold() for w in a] == [w.casefold() for w in b]:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) == 1 and short[0].casefold() == long_[-1].casefold()
