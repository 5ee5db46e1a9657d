"""Names in running text: which capitalised words the reader takes as names, read with the part-of-speech tagger."""

from __future__ import annotations

import pytest

from newsfacts.extraction.names import find_mentions
from newsfacts.extraction.sentences import split_sentences


def names_in(text: str) -> list[str]:
    return [m.text for m in find_mentions(text, split_sentences(text))]


@pytest.mark.parametrize(
    ("text", "not_a_name"),
    [
        pytest.param("Divers say the wreck lies deeper than the charts show.", "Divers", id="plural-noun"),
        pytest.param("Shares rose 4 percent in early trading.", "Shares", id="plural-noun-not-a-speaker"),
        pytest.param("Worried tenants have spoken against the rent rise.", "Worried", id="participle-before-a-noun"),
        pytest.param("Together with his partner, he ran the shop for years.", "Together", id="adverb"),
        pytest.param(
            "HALDEN, Norway (Reuters) - Divers say the wreck lies deeper than the charts show.",
            "Divers",
            id="after-a-dateline",
        ),
    ],
)
def test_capitalised_common_word_opening_a_sentence_is_no_name(text: str, not_a_name: str) -> None:
    assert not_a_name not in names_in(text)


def test_surname_the_tagger_reads_as_a_plural_stays_a_name_when_the_text_capitalises_it_inside_a_sentence() -> None:
    text = "The clerk, Ana Sanders, left early. Sanders said she had been told to go."
    assert names_in(text) == ["Ana Sanders", "Sanders"]


def test_unknown_singular_word_opening_a_sentence_stays_a_name() -> None:
    # A surname used alone is often unknown to the tagger, which then guesses a common noun: it is kept.
    assert names_in("Brekke said the vote had been fair.") == ["Brekke"]


def test_plural_after_a_dateline_is_no_name_and_the_force_named_after_it_is_one() -> None:
    assert names_in("MILL VALE, Ohio -- Hikers found the boy on Sunday, State Police said.") == ["Ohio", "State Police"]


def test_news_agency_credit_opening_a_line_stays_a_name() -> None:
    # The tagger reads the agency's name as a plural noun; it is a credit naming the agency.
    assert names_in("(Reuters) - Acme shares fell on Monday.") == ["Reuters", "Acme"]
