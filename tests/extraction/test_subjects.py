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


@pytest.mark.parametrize(
    ("text", "description"),
    [
        pytest.param(
            "Sources close to the inquiry said the depot had been sold.",
            "Sources close to the inquiry",
            id="sources-close-to",
        ),
        pytest.param(
            "Tom Bale met the board on Monday. A source close to him said the depot had been sold.",
            "A source close to him",
            id="pronoun-known-not-speaking",
        ),
        pytest.param(
            "Ana Ruiz runs Halden Bank. People close to Ruiz say the depot had been sold.",
            "People close to Ruiz",
            id="name-known-not-speaking",
        ),
        pytest.param(
            "But a person familiar with Halden Bank's own review said the depot had been sold.",
            "a person familiar with Halden Bank's own review",
            id="organisation-known-not-speaking",
        ),
        pytest.param(
            "A U.S. trade official briefed on the talks said the depot had been sold.",
            "A U.S. trade official briefed on the talks",
            id="modifiers-kept",
        ),
        pytest.param(
            "Ana Ruiz said little, and people with knowledge of the deal say the depot had been sold.",
            "people with knowledge of the deal",
            id="conjunction-left-out",
        ),
        pytest.param(
            "Aides close\nto the mayor said the depot had been sold.",
            "Aides close\nto the mayor",
            id="a-line-break-inside-the-link",
        ),
    ],
)
def test_sources_described_by_what_they_know_are_unnamed_and_the_whole_phrase_describes_them(
    text: str, description: str
) -> None:
    quotes = [q for q in find_quotes(text, split_sentences(text))[1] if q.text.startswith("the depot")]
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(None, description)]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        pytest.param(
            "Mayor Tom Bale met the envoy on Monday. The depot will close, a city official familiar with the plans "
            "said. The official, who was not allowed to speak publicly, said the sale was agreed in May.",
            "a city official familiar with the plans",
            id="the-official-after-the-verb",
        ),
        pytest.param(
            "Mayor Tom Bale met the envoy on Monday. A person close to the board said the depot will close. "
            "The person said the sale was agreed in May.",
            "A person close to the board",
            id="the-person-before-the-verb",
        ),
    ],
)
def test_one_source_described_by_what_they_know_is_the_one_the_role_noun_refers_to_again(
    text: str, description: str
) -> None:
    """ "The official said" after "an official familiar with ..." is that unnamed source again, not the person
    named nearby."""
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(None, description)] * 2


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        pytest.param(
            "A Halden judge turned down the request, saying the courts should not decide it.",
            None,
            "A Halden judge",
            id="a-place-before-a-role",
        ),
        pytest.param(
            "The bridge reopened on Monday. Harbour traders welcomed the news, saying trade would recover.",
            None,
            "",
            id="a-place-before-a-plural-role",
        ),
        pytest.param(
            "A Halden blogger, Ana Ruiz, wrote on Monday, saying the courts should not decide it.",
            "Ana Ruiz",
            "",
            id="the-role-named-after-it-speaks",
        ),
    ],
)
def test_a_place_opening_the_clause_only_qualifies_the_role_after_it(
    text: str, speaker: str | None, description: str
) -> None:
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [(q.speaker, q.speaker_description) for q in quotes][-1:] == [(speaker, description)]


def test_a_phrase_set_off_by_commas_after_the_subject_is_no_description_of_sources() -> None:
    text = "The mayor, close to tears, said the depot had been sold."
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(None, "The mayor")]


@pytest.mark.parametrize(
    ("text", "quote", "description"),
    [
        pytest.param(
            '"The depot is gone," said a person with knowledge of the deal.',
            "The depot is gone,",
            "a person with knowledge of the deal",
            id="after-a-quote",
        ),
        pytest.param(
            "The depot had been sold, said people familiar with the plans.",
            "The depot had been sold",
            "people familiar with the plans",
            id="after-reported-words",
        ),
        pytest.param(
            '"The depot is gone," said one person close to the Ruiz family, who asked not to be named.',
            "The depot is gone,",
            "one person close to the Ruiz family",
            id="name-known-not-speaking",
        ),
    ],
)
def test_sources_described_by_what_they_know_after_the_verb_are_unnamed_and_described_whole(
    text: str, quote: str, description: str
) -> None:
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [(q.text, q.speaker, q.speaker_description) for q in quotes] == [(quote, None, description)]
