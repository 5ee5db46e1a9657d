"""Quote finding on hard single sentences and short paragraphs, one case a row (issue 3)."""

from __future__ import annotations

import pytest

from newsfacts.extraction.quotes import Quote, find_quotes
from newsfacts.extraction.sentences import split_sentences


def quotes_of(text: str) -> list[Quote]:
    return find_quotes(text, split_sentences(text))[1]


def brief(text: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.kind, q.speaker) for q in quotes_of(text)]


CASES = [
    pytest.param(
        '"The bridge will reopen in May," Karen Holt said.',
        [("The bridge will reopen in May,", "direct", "Karen Holt")],
        id="name-after-quote",
    ),
    pytest.param(
        "“We have no choice,” said Transport Minister Eli Navarro.",
        [("We have no choice,", "direct", "Eli Navarro")],
        id="said-inversion-with-title",
    ),
    pytest.param(
        '"It is early days," Karen Holt said, "but the signs are good."',
        [("It is early days,", "direct", "Karen Holt"), ("but the signs are good.", "direct", "Karen Holt")],
        id="quote-split-by-attribution",
    ),
    pytest.param(
        '"The money is gone. Nobody knows where," said Ruth Adeyemi.',
        [("The money is gone. Nobody knows where,", "direct", "Ruth Adeyemi")],
        id="quote-over-two-sentences",
    ),
    pytest.param(
        'Ruth Adeyemi said the audit was overdue.\n\n"We asked for it twice.\n\n"Nobody answered," she said.',
        [
            ("the audit was overdue", "indirect", "Ruth Adeyemi"),
            ('We asked for it twice.\n\n"Nobody answered,', "direct", "Ruth Adeyemi"),
        ],
        id="quote-over-two-paragraphs",
    ),
    pytest.param(
        '"We are ready," Karen Holt said.\n\n"The city is ready."',
        [("We are ready,", "direct", "Karen Holt"), ("The city is ready.", "direct", "Karen Holt")],
        id="continuation-in-next-paragraph",
    ),
    pytest.param(
        'Senator Joan Pike called the proposal "a tax on the poor" during the debate.',
        [('the proposal "a tax on the poor" during the debate', "mixed", "Joan Pike")],
        id="partial-quote-after-framing-verb",
    ),
    pytest.param(
        'Karen Holt said she felt "betrayed" by the decision.',
        [('she felt "betrayed" by the decision', "mixed", "Karen Holt")],
        id="one-word-partial-quote-in-reported-speech",
    ),
    pytest.param(
        'Karen Holt said unnamed "foreign" donors had paid for the campaign.',
        [('unnamed "foreign" donors had paid for the campaign', "indirect", "Karen Holt")],
        id="scare-quote-in-reported-speech-stays-indirect",
    ),
    pytest.param('The so-called "reform" package passed on Tuesday.', [], id="scare-quote-alone"),
    pytest.param('She starred in "The Long Night Home" last year.', [], id="quoted-title"),
    pytest.param('Tough talks ahead.\n\n"Hard choices"\n\nThe council met on Monday.', [], id="quoted-subheading"),
    pytest.param(
        "According to Mayor Ben Sallis, the budget will be cut by 5 percent.",
        [("the budget will be cut by 5 percent", "indirect", "Ben Sallis")],
        id="according-to-name",
    ),
    pytest.param(
        "The budget will be cut by 5 percent, according to the mayor's office.",
        [("The budget will be cut by 5 percent", "indirect", None)],
        id="according-to-unnamed-source",
    ),
    pytest.param("The plant will close in March, Reuters reported.", [], id="agency-reporting-is-no-speaker"),
    pytest.param(
        "Ali Hassan told AFP that talks had stalled.",
        [("talks had stalled", "indirect", "Ali Hassan")],
        id="told-agency-is-addressee",
    ),
    pytest.param(
        "Karen Holt said on Monday that the bridge would reopen.",
        [("the bridge would reopen", "indirect", "Karen Holt")],
        id="that-after-time-phrase",
    ),
    pytest.param(
        "Karen Holt thanked the crews and said the work was nearly done.",
        [("the work was nearly done", "indirect", "Karen Holt")],
        id="coordinated-reporting-verb",
    ),
    pytest.param(
        "Demand has collapsed since the spring, the minister, Ines Duarte, said in a statement.",
        [("Demand has collapsed since the spring", "indirect", "Ines Duarte")],
        id="trailing-attribution-with-apposition",
    ),
    pytest.param("Residents were told that the water was safe.", [], id="passive-is-no-quote"),
    pytest.param("The firm announced plans for a new plant.", [], id="announced-with-object-is-no-quote"),
    pytest.param(
        '"Enough is enough." The banner hung over the square.',
        [("Enough is enough.", "direct", None)],
        id="quote-without-cue-is-unattributed",
    ),
    pytest.param(
        "Brightwater Energy Inc cut 300 jobs. The company said demand had fallen.",
        [("demand had fallen", "indirect", "Brightwater Energy Inc")],
        id="company-role-noun",
    ),
    pytest.param(
        "Ms Lopez met Mr Reed on Monday. He said the deal was close.",
        [("the deal was close", "indirect", "Reed")],
        id="pronoun-gender-from-honorific",
    ),
    pytest.param(
        "Karen Holt described the talks as “constructive”.",
        [("the talks as “constructive”", "mixed", "Karen Holt")],
        id="one-word-partial-after-described-as",
    ),
    pytest.param(
        'Ruth Sallis arrived late. "Is this the end?" she asked.',
        [("Is this the end?", "direct", "Ruth Sallis")],
        id="question-with-asked",
    ),
    pytest.param(
        '"It is over," according to Ruth Sallis.',
        [("It is over,", "direct", "Ruth Sallis")],
        id="according-to-after-quote",
    ),
    pytest.param(
        'Ruth Sallis, 52, told the BBC: "I never saw it coming."',
        [("I never saw it coming.", "direct", "Ruth Sallis")],
        id="told-broadcaster-then-colon",
    ),
    pytest.param("He told me the same thing.", [], id="told-with-object-and-no-clause-is-no-quote"),
    pytest.param(
        "Ruth Sallis said the firm was safe, adding that no jobs would go.",
        [("the firm was safe", "indirect", "Ruth Sallis"), ("no jobs would go", "indirect", "Ruth Sallis")],
        id="participle-hands-on-the-speaker",
    ),
    pytest.param(
        "In a statement, Acme Corp. said sales fell 5 percent.",
        [("sales fell 5 percent", "indirect", "Acme Corp.")],
        id="lead-in-and-company-abbreviation",
    ),
    pytest.param(
        "The Kremlin Palace said the summit would go ahead.",
        [("the summit would go ahead", "indirect", "Kremlin Palace")],
        id="institution-named-like-a-place",
    ),
    pytest.param(
        "Residents of Upper Tarn welcomed the ruling but said they would keep campaigning.",
        [("they would keep campaigning", "indirect", None)],
        id="unnamed-group-before-a-place-name",
    ),
    pytest.param(
        "Dean Fenwick, 67, said he left with his dog.",
        [("he left with his dog", "indirect", "Dean Fenwick")],
        id="first-name-that-is-also-a-role",
    ),
    pytest.param(
        "Police said the man, 34, was arrested at the scene.",
        [("the man, 34, was arrested at the scene", "indirect", None)],
        id="police-as-unnamed-source",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quotes_found_in_hard_case(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert brief(text) == expected


def test_colon_introduction_names_the_speaker() -> None:
    assert brief('Karen Holt was blunt: "Nobody is safe."') == [("Nobody is safe.", "direct", "Karen Holt")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "\u2018We won\u2019t fight on,\u2019 said Karen Holt.",
            [("We won\u2019t fight on,", "direct", "Karen Holt")],
            id="curly",
        ),
        pytest.param(
            "'The workers' union is wrong,' Karen Holt said.",
            [("The workers' union is wrong,", "direct", "Karen Holt")],
            id="straight-with-plural-possessive",
        ),
        pytest.param(
            "Karen Holt called the plan \u2018a disaster for farmers\u2019.",
            [("the plan \u2018a disaster for farmers\u2019", "mixed", "Karen Holt")],
            id="partial",
        ),
    ],
)
def test_single_quotation_marks_are_quotes_when_an_article_has_no_double_ones(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert brief(text) == expected


def test_apostrophes_are_not_quotation_marks() -> None:
    assert brief("It\u2019s the city\u2019s plan, and the workers\u2019 union backs it.") == []


def test_quote_records_its_cue_sentence_and_attribution() -> None:
    text = 'The vote was close. "We lost by nine votes," Karen Holt told reporters.'
    (quote,) = quotes_of(text)
    assert (quote.cue, quote.sentence, quote.attribution) == ("told", 1, "name")
    assert text[quote.start : quote.end] == quote.text


def test_pronoun_attribution_is_marked_and_less_confident_than_a_name() -> None:
    text = 'Karen Holt spoke first. "We are ready," she said. "We are ready," Karen Holt said.'
    by_pronoun, by_name = quotes_of(text)
    assert (by_pronoun.attribution, by_name.attribution) == ("pronoun", "name")
    assert by_pronoun.confidence < by_name.confidence


def test_continuation_is_marked_as_continuation() -> None:
    _, second = quotes_of('"We are ready," Karen Holt said. "The city is ready."')
    assert (second.attribution, second.cue) == ("continuation", "")


def test_heading_sentences_are_never_quotes() -> None:
    text = 'Talks resume.\n\n"Hard road ahead"\n\nThe envoy arrived on Monday.'
    headings = [s for s in split_sentences(text) if s.kind == "heading"]
    assert headings and quotes_of(text) == []


def test_ten_thousand_word_article_is_read() -> None:
    paragraph = (
        'Karen Holt, the mayor, said the bridge would reopen. "We are ready," she told reporters. '
        "According to the council, repairs cost 2 million pounds. The company said demand had fallen.\n\n"
    )
    text = paragraph * (10_000 // len(paragraph.split()) + 1)
    quotes = quotes_of(text)
    assert len(quotes) >= 4 * (10_000 // len(paragraph.split()))
