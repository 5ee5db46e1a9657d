"""Whose claim it is: a named claimant, the description of an unnamed one (as its quote has it), or the article's."""

from __future__ import annotations

import pytest

from newsfacts.extraction.claims import Claim
from newsfacts.extraction.claims.claim import claimant_of
from newsfacts.extraction.pipeline import extract
from newsfacts.extraction.quotes import Quote


def claimants(text: str) -> list[tuple[str | None, str]]:
    return [(claim.claimant, claim.claimant_description) for claim in extract(text).claims]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        ("A senior official said the bridge over the Tarn had been closed twice in May.", "A senior official"),
        (
            "A spokesman for the harbour board said the crane had been repaired by its own engineers.",
            "A spokesman for the harbour board",
        ),
        ("One nurse told reporters that 40 patients had waited overnight in the corridor.", "One nurse"),
        ('"The pumps failed at 6 a.m. and nobody came," a resident said.', "a resident"),
    ],
)
def test_a_claim_of_an_unnamed_speaker_carries_the_description_its_quote_has(text, description):
    found = extract(text)
    assert [(q.speaker, q.speaker_description) for q in found.quotes] == [(None, description)]
    assert claimants(text) == [(None, description)]


def test_a_named_speakers_claim_has_a_claimant_and_no_description():
    assert claimants("Ana Ruiz, the mayor, said the bridge had been closed twice in May.") == [("Ana Ruiz", "")]


def test_the_articles_own_claim_has_neither_claimant_nor_description():
    assert claimants("The bridge over the Tarn was closed twice in May.") == [(None, "")]


def test_extract_json_shows_the_claimants_description():
    found = extract("A senior official said the bridge over the Tarn had been closed twice in May.").as_json()
    assert [(c["claimant"], c["claimant_description"]) for c in found["claims"]] == [(None, "A senior official")]


def test_a_claim_never_has_a_claimant_and_a_description_together():
    with pytest.raises(ValueError, match="not both"):
        Claim(0, 4, "text", "date", "Ana Ruiz", 0, 0.5, "a senior official")


@pytest.mark.parametrize(
    ("speaker", "description", "expected"),
    [
        ("Ana Ruiz", "", ("Ana Ruiz", "")),
        (None, "a senior official", (None, "a senior official")),
        # a quote that somehow carried both would still give its claim the name only
        ("Ana Ruiz", "a senior official", ("Ana Ruiz", "")),
    ],
)
def test_claimant_of_a_quote_is_its_speaker_else_its_description(speaker, description, expected):
    quote = Quote(0, 4, "text", "indirect", speaker, "said", 0, 0.5, "name", description)
    assert claimant_of(quote) == expected


def test_claimant_of_no_quote_is_the_article():
    assert claimant_of(None) == (None, "")
