"""Who a reporting cue names when the subject is a common noun no role list holds, or a phrase of place or time stands
between subject and verb."""

from __future__ import annotations

import pytest

from newsfacts.extraction.quotes import find_quotes
from newsfacts.extraction.sentences import split_sentences


def quotes_in(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in find_quotes(text, split_sentences(text))[1]]


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        pytest.param("One bystander said the car had not stopped.", "the car had not", id="one-singular"),
        pytest.param("Two of his tenants had said the roof was leaking.", "the roof was", id="of-phrase"),
    ],
)
def test_common_noun_subject_of_a_speech_verb_is_an_unnamed_speaker(text: str, quote: str) -> None:
    found = quotes_in(text)
    assert len(found) == 1
    assert found[0][0].startswith(quote)
    assert found[0][1] is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("The figures suggest the bakery must hire more staff.", id="things-suggest"),
        pytest.param("Trials that fail when others rerun them get mentioned more widely.", id="pronoun-others"),
        pytest.param("Prices say a lot about the market.", id="no-clause"),
    ],
)
def test_common_noun_subject_of_a_verb_that_is_no_speech_gives_no_quote(text: str) -> None:
    assert quotes_in(text) == []


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Ana Ruiz at a briefing in Halden said the figures were wrong.", id="name-then-place"),
        pytest.param(
            "Deputy Health Minister, Ana Ruiz, at a briefing in Halden on Friday said the figures were wrong.",
            id="apposition-then-place-and-time",
        ),
    ],
)
def test_place_named_in_a_phrase_between_subject_and_verb_is_not_the_speaker(text: str) -> None:
    assert quotes_in(text) == [("the figures were wrong", "Ana Ruiz")]


def test_name_in_a_phrase_after_a_verb_is_not_taken_for_the_subject() -> None:
    # "during the campaign" follows "backed Ana Ruiz": Ana Ruiz is an object there, never the speaker.
    text = "Tom Bale, who backed Ana Ruiz during the campaign, last week said the vote was fair."
    assert all(speaker != "Ana Ruiz" for _, speaker in quotes_in(text))
