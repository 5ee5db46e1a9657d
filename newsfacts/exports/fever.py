"""FEVER-style claims (``fever.jsonl``): each claim with its label and evidence, one JSON object a line.

The label comes from ``newsfacts.choices.FEVER_LABELS``. As in FEVER, ``evidence`` is a list of evidence sets, each a
list of sentences; a sentence is ``[article id, sentence position]``, here the sentence of the article the claim
stands in. ``verifiable`` is FEVER's VERIFIABLE / NOT VERIFIABLE, and ``evidence_urls`` the editor's sources.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.db.models import QuerySet

from newsfacts.choices import FEVER_LABELS, VerificationStatus
from newsfacts.exports.tables import CHUNK_SIZE, Column

FILENAME = "fever.jsonl"
NOT_ENOUGH_INFO = "NOT ENOUGH INFO"

COLUMNS = (
    Column("id", "integer", "Claim id (the claims table's id).", required=True),
    Column("claim", "string", "The claim text."),
    Column("label", "string", "FEVER label.", choices=tuple(sorted(set(FEVER_LABELS.values())))),
    Column("verifiable", "string", "FEVER's verifiability.", choices=("NOT VERIFIABLE", "VERIFIABLE")),
    Column("evidence", "array", "Evidence sets, each a list of [article id, sentence position]."),
    Column("status", "string", "The newsfacts status the label comes from.", choices=tuple(VerificationStatus.values)),
    Column("evidence_urls", "array", "URLs of the editor's evidence."),
)


def fever_row(claim_id: int, text: str, status: str, evidence_urls: list[str], article_id: int, position: int) -> dict:
    label = FEVER_LABELS[status]
    return {
        "id": claim_id,
        "claim": text,
        "label": label,
        "verifiable": "NOT VERIFIABLE" if label == NOT_ENOUGH_INFO else "VERIFIABLE",
        "evidence": [[[article_id, position]]],
        "status": status,
        "evidence_urls": list(evidence_urls or []),
    }


def fever_rows(claims: QuerySet) -> Iterator[dict[str, Any]]:
    """The FEVER row of each claim, by id, streamed from one query."""
    values = claims.order_by("id").values_list(
        "id", "text", "status", "evidence_urls", "article_id", "sentence__position"
    )
    for row in values.iterator(chunk_size=CHUNK_SIZE):
        yield fever_row(*row)
