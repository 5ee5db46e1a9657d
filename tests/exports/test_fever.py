"""fever.jsonl: every claim with its FEVER label and evidence as [article id, sentence position]."""

from __future__ import annotations

import json

import pytest

from newsfacts.exports.fever import fever_row
from tests.exports.conftest import export


@pytest.mark.parametrize(
    ("status", "label", "verifiable"),
    [
        ("verified", "SUPPORTS", "VERIFIABLE"),
        ("false", "REFUTES", "VERIFIABLE"),
        ("misleading", "REFUTES", "VERIFIABLE"),
        ("unverifiable", "NOT ENOUGH INFO", "NOT VERIFIABLE"),
        ("unverified", "NOT ENOUGH INFO", "NOT VERIFIABLE"),
    ],
)
def test_status_maps_to_its_fever_label(status, label, verifiable):
    row = fever_row(7, "A claim.", status, [], 3, 2)

    assert (row["label"], row["verifiable"]) == (label, verifiable)


def test_every_claim_is_a_fever_row_with_its_sentence_as_evidence(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "fever")

    rows = [json.loads(line) for line in (outdir / "fever.jsonl").read_text().splitlines()]
    by_id = {row["id"]: row for row in rows}

    assert [row["id"] for row in rows] == sorted(c.id for c in dataset["claims"])
    for claim in dataset["claims"]:
        assert by_id[claim.id]["claim"] == claim.text
        assert by_id[claim.id]["evidence"] == [[[claim.article_id, claim.sentence.position]]]
        assert by_id[claim.id]["status"] == claim.status
