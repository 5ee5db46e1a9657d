"""Editorial actions on the dataset, shared by the admin and the API: review a quote or claim, merge speakers.

Each records who did it and why in the model history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser

from newsfacts.models import Claim, Quote, Speaker


def set_verification(
    obj: Quote | Claim,
    *,
    status: str,
    rationale: str,
    evidence_urls: Sequence[str] | None = None,
    user: AbstractBaseUser | None,
    reason: str = "",
) -> Quote | Claim:
    """Set the verification of a quote or claim, filling reviewer and time; raises ValidationError when invalid."""
    raise NotImplementedError


def merge_speakers(into: Speaker, others: Iterable[Speaker], *, user: AbstractBaseUser | None, reason: str = "") -> Speaker:
    """Move every quote and claim of `others` to `into`, combine their aliases, delete them; returns `into`."""
    raise NotImplementedError
