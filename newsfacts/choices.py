"""The vocabularies of newsfacts, in one place: admin, API, filters and exports all use these.

The extraction pipeline (plain Python) emits the same string values; ``tests/test_choices.py`` holds the two
together.
"""

from __future__ import annotations

from typing import NamedTuple

from django.db import models


class SentenceKind(models.TextChoices):
    PROSE = "prose", "prose"
    HEADING = "heading", "heading"
    CAPTION = "caption", "caption"
    CREDIT = "credit", "credit"


class SpeakerKind(models.TextChoices):
    PERSON = "person", "person"
    ORGANISATION = "organisation", "organisation"


class QuoteKind(models.TextChoices):
    DIRECT = "direct", "direct"
    INDIRECT = "indirect", "indirect (reported speech)"
    MIXED = "mixed", "mixed (partial quote in reported speech)"


class ClaimKind(models.TextChoices):
    FIGURE = "figure", "figure or amount"
    DATE = "date", "date"
    AGE = "age", "age"
    FIRST = "first", "first or superlative"
    ATTRIBUTED = "attributed", "attributed statement"
    OTHER = "other", "other"


class Attribution(models.TextChoices):
    """How the speaker of a quote was found."""

    NAME = "name", "named next to the quote"
    ALIAS = "alias", "a shorter form of a name used earlier"
    PRONOUN = "pronoun", "a pronoun resolved to an earlier speaker"
    ROLE = "role", "a role noun resolved to an earlier speaker"
    CONTINUATION = "continuation", "continues the previous speaker's words"
    EDITOR = "editor", "set by an editor"
    NONE = "none", "not attributed"


class Rejection(models.TextChoices):
    """Why an editor rejected an extraction: it is not what the pipeline said it is. Blank: not rejected."""

    NOT_QUOTE = "not_quote", "not a quote"
    NOT_CLAIM = "not_claim", "not a claim"
    WRONG_SPAN = "wrong_span", "wrong span"
    DUPLICATE = "duplicate", "duplicate"


class Origin(models.TextChoices):
    """Who put a quote or claim in the dataset."""

    MACHINE = "machine", "the extraction pipeline"
    EDITOR = "editor", "an editor"


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", "unverified"
    VERIFIED = "verified", "verified"
    MISLEADING = "misleading", "misleading"
    FALSE = "false", "false"
    UNVERIFIABLE = "unverifiable", "unverifiable"


class Rating(NamedTuple):
    """A schema.org ClaimReview reviewRating: ratingValue on a 1 (worst) to 5 (best) scale."""

    value: int
    alternate_name: str


CLAIMREVIEW_WORST_RATING = 1
CLAIMREVIEW_BEST_RATING = 5

# How each status reads as a schema.org ClaimReview rating. `unverified` means nobody reviewed it: no ClaimReview.
# `unverifiable` sits in the middle of the scale: the claim was reviewed and could be neither confirmed nor refuted.
CLAIMREVIEW_RATINGS: dict[str, Rating] = {
    VerificationStatus.VERIFIED: Rating(5, "True"),
    VerificationStatus.UNVERIFIABLE: Rating(3, "Unverifiable"),
    VerificationStatus.MISLEADING: Rating(2, "Misleading"),
    VerificationStatus.FALSE: Rating(1, "False"),
}

# FEVER labels: a misleading claim, read as stated, is not supported by the evidence, so it refutes.
FEVER_LABELS: dict[str, str] = {
    VerificationStatus.VERIFIED: "SUPPORTS",
    VerificationStatus.FALSE: "REFUTES",
    VerificationStatus.MISLEADING: "REFUTES",
    VerificationStatus.UNVERIFIABLE: "NOT ENOUGH INFO",
    VerificationStatus.UNVERIFIED: "NOT ENOUGH INFO",
}
