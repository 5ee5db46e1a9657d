"""The claim scorer's checks on a claim's own text, on sentences written for the test."""

from __future__ import annotations

import pytest

from bench.score_claims import LEAK


@pytest.mark.parametrize(
    "text",
    ["LONDON (Reuters) - Acme shares fell 4% on Monday.", "(Bloomberg) -- Acme fell 5% after its results."],
)
def test_a_dateline_or_agency_tag_left_in_a_claim_is_a_leak(text: str) -> None:
    assert LEAK.search(text)


def test_an_abbreviation_in_brackets_that_names_a_party_is_no_leak() -> None:
    assert not LEAK.search("the Party of Truth and Integrity (PTI) was still popular among voters")
