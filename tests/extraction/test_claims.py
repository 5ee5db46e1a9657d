"""Check-worthy claims: one hard case a row, then the span policy and the contract every claim keeps."""

from __future__ import annotations

import importlib
import re
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extraction.claims import Claim, find_claims
from newsfacts.extraction.claims.vocabulary import NUMBER_WORD
from newsfacts.extraction.cues import TEEN_WORDS, TENS_WORDS, UNIT_WORDS, is_number
from newsfacts.extraction.quotes import Quote
from newsfacts.extraction.sentences import Sentence, SentenceKind


def one_sentence(text: str, kind: SentenceKind = "prose") -> list[Sentence]:
    return [Sentence(0, 0, len(text), kind, text)]


def sentences_of(text: str) -> list[Sentence]:
    """Sentences for a hand-written test text: one per line, so the tests do not depend on the segmenter."""
    return [
        Sentence(position, match.start(), match.end(), "prose", match.group())
        for position, match in enumerate(re.finditer(r"[^\n]+", text))
    ]


def quote(text: str, words: str, speaker: str | None, cue: str = "said") -> Quote:
    start = text.index(words)
    return Quote(start, start + len(words), words, "indirect", speaker, cue, 0, 1.0, "name" if speaker else "none")


Found = list[tuple[str, str | None]]  # (kind, claimant) of each claim, in order


def kinds(text: str, kind: SentenceKind = "prose", quotes: tuple[tuple[str, str | None], ...] = ()) -> Found:
    found = find_claims(text, one_sentence(text, kind), [quote(text, words, who) for words, who in quotes])
    return [(claim.kind, claim.claimant) for claim in found]


NOT_CLAIMS = [
    ("a question with a number", "How many people died in the 2019 floods?", "prose"),
    ("a question in quotation marks", '"Who paid the 3 million pounds?"', "prose"),
    ("a conditional", "If the plan works, the city will save $3 million a year.", "prose"),
    ("an opinion", "This is a wonderful time to visit the coast.", "prose"),
    ("a wish with a superlative", "She wanted to be the best player in the world.", "prose"),
    ("a prediction", "The mayor will open the new bridge with a speech.", "prose"),
    ("a plain statement without anything to check", "It was raining when the delegates arrived.", "prose"),
    ("a heading with a year", "The 2024 election in numbers", "heading"),
    ("a caption with a date", "Supporters wave flags in the capital on March 12, 2023.", "caption"),
    ("a credit with a year", "Photo: Wire Agency 2022", "credit"),
    ("a type number", "Category 4 storms are rare on this coast.", "prose"),
    ("a number word describing a thing", "The firm sells two-seater cars across Europe.", "prose"),
    ("an idiom with first", "The real problem is losing the files in the first place.", "prose"),
    ("the first of a calendar", "Talks resume in the first week of the session.", "prose"),
    ("a feeling", "The residents said they were angry and frustrated by the delay.", "prose"),
    ("a generic you", "In this job you get blamed for every delay there is.", "prose"),
    ("a plan with a year", "The council will build a new pool in 2027.", "prose"),
    ("a forecast with a year", "Economists predicted that prices would fall by 3% in 2027.", "prose"),
    ("a sweeping generalisation with a figure", "Nobody in the league would pay 40 million for a goalkeeper.", "prose"),
]


@pytest.mark.parametrize(("case", "text", "kind"), NOT_CLAIMS, ids=[row[0] for row in NOT_CLAIMS])
def test_statement_is_not_a_claim(case: str, text: str, kind: SentenceKind) -> None:
    assert kinds(text, kind) == []


CLAIMS = [
    ("a number after a name is an age", "Maria Lopez, 42, runs the family garage.", "age"),
    ("a number in brackets after a name is an age", "The garage now belongs to Tom Reyes (61).", "age"),
    ("an n-year-old is an age", "The 58-year-old driver was unhurt in the crash.", "age"),
    ("n years old is an age", "He retired from the post when he was 70 years old.", "age"),
    ("aged n is an age", "A boy aged 12 was treated for burns.", "age"),
    ("a month and day is a date", "The bridge opened to traffic on July 4 after repairs.", "date"),
    ("a day, month and year is a date", "The treaty was signed on 9 November 1989 in the city.", "date"),
    ("a year after in is a date", "The law on rents was passed in 2019.", "date"),
    ("a month and year is a date", "The tower was completed in March 2009.", "date"),
    ("a month after in is a date", "Parliament approved the budget in June.", "date"),
    ("a decade is a date", "The mine employed most of the valley in the 1980s.", "date"),
    ("a count with a thousands separator is a figure", "About 2,500 workers joined the strike.", "figure"),
    ("an amount in words is a figure", "The ministry paid tens of millions of euros for the software.", "figure"),
    ("a percentage is a figure", "Prices of bread rose 4.2% over the year.", "figure"),
    ("a four-digit count before a noun is a figure, not a year", "The plant laid off 2000 workers.", "figure"),
    ("a rank is a figure", "It is the fourth recall ordered this decade.", "figure"),
    ("a rank past the tenth is a figure", "It is the eleventh recall ordered this decade.", "figure"),
    (
        "a figure survives a forecast in another clause",
        "The firm has 30 staff and expects to double in size.",
        "figure",
    ),
    ("a count of nought is a figure", "No injuries were reported after the ferry ran aground.", "figure"),
    ("no one hurt is a count, not a generalisation", "No one was seriously hurt in the blast.", "figure"),
    ("a count by ordinal is a figure", "The strike ended after a fourth day of protests.", "figure"),
    ("a first is a first", "It was the first time a woman had led the party.", "first"),
    ("a superlative after a possessive is a first", "She is one of the country's most decorated athletes.", "first"),
    ("an -est superlative is a first", "The storm was the deadliest to hit the region.", "first"),
    ("only ... to is a first", "It is the only airline to fly the route.", "first"),
    ("a record is a first", "The heatwave brought record temperatures to the south.", "first"),
    ("a first outranks a date", "In 2001 she became the first woman to run the agency.", "first"),
    ("an age outranks a first", "Ana Ruiz, 29, is the youngest mayor of the city.", "age"),
    ("an age outranks a figure", "The 34-year-old scored 3 goals in the final.", "age"),
    ("a figure outranks a date", "Some 300 homes were flooded in October 2021.", "figure"),
    ("a clock time is a date", "The fire broke out at two in the morning.", "date"),
    ("a weekday is a date", "The council approved the new parking rules on Tuesday.", "date"),
    (
        "a time on the 24-hour clock is a date",
        "The bridge was closed to traffic from 22:00 to 06:00 for repairs.",
        "date",
    ),
    ("a day told from another is a date", "The missing hiker was found by volunteers the following day.", "date"),
    (
        "a low over a stretch of time is a first",
        "Shares in the carmaker fell to a five-year low after the recall.",
        "first",
    ),
    ("an hour is an amount of time", "The meeting in the town hall ran for more than an hour.", "figure"),
    ("an age by decade is an age", "The driver, who is in his 70s, was unhurt.", "age"),
    ("the age of a thing is an age", "The decades-old pier was closed to visitors.", "age"),
    ("a place in a ranking is a first", "The party sits top of the polls for the fifth week.", "first"),
    ("a month after for is a date", "Elections are planned for April.", "date"),
    ("a newsworthy event is another claim", "The ministry disclosed the contract to the auditors.", "other"),
    ("a figure survives an opinion word", "He felt nervous after being chosen from 500 volunteers.", "figure"),
    ("a dateline does not make a date", "LAGOS, May 2 (AP) - Police arrested 12 people at the port.", "figure"),
]


@pytest.mark.parametrize(("case", "text", "kind"), CLAIMS, ids=[row[0] for row in CLAIMS])
def test_statement_is_a_claim_of_kind(case: str, text: str, kind: str) -> None:
    assert kinds(text) == [(kind, None)]


QUOTED = [
    (
        "a quoted figure keeps its kind and its speaker",
        "The mayor said the bridge had cost 25 million dollars.",
        (("the bridge had cost 25 million dollars", "Ana Ruiz"),),
        [("figure", "Ana Ruiz")],
    ),
    (
        "a reported past event is attributed",
        "He said the agency had moved its headquarters to the port.",
        (("the agency had moved its headquarters to the port", "Sam Ode"),),
        [("attributed", "Sam Ode")],
    ),
    (
        "a quoted opinion is no claim",
        '"This is a disgrace and a scandal," said Ana Ruiz.',
        (("This is a disgrace and a scandal,", "Ana Ruiz"),),
        [],
    ),
    (
        "a quoted wish is no claim",
        "She said she had always wanted to be the first in her family to attend university.",
        (("she had always wanted to be the first in her family to attend university", "Ana Ruiz"),),
        [],
    ),
    (
        "an opinion weighs on its own clause only",
        "He said the union had signed the deal, but it will not bow to threats.",
        (("the union had signed the deal, but it will not bow to threats", "Sam Ode"),),
        [("attributed", "Sam Ode")],
    ),
    (
        "a quote without a speaker keeps the kind of its content",
        "Unemployment fell to 4 percent, officials said.",
        (("Unemployment fell to 4 percent", None),),
        [("figure", None)],
    ),
    (
        "a figure said of the speaker before the quote is the article's own claim",
        "Acme, which employs 3,000 people, said it had cut prices.",
        (("it had cut prices", "Acme"),),
        [("figure", None), ("attributed", "Acme")],
    ),
    (
        "a count of the sources before the quote is no claim",
        "Two officials said the talks had collapsed overnight.",
        (("the talks had collapsed overnight", None),),
        [("other", None)],
    ),
    (
        "a relative clause about the speaker is the article's claim",
        '"The plan is sound," said Ana Ruiz, who founded the firm in 2015.',
        (("The plan is sound,", "Ana Ruiz"),),
        [("date", None)],
    ),
    (
        "an event in a relative clause about the speaker is the article's claim",
        '"It is a bad law," said Ana Ruiz, who resigned from the board in protest.',
        (("It is a bad law,", "Ana Ruiz"),),
        [("other", None)],
    ),
    (
        "what the speaker did before speaking is the article's claim",
        "The health minister resigned from the cabinet and said the report was unfair.",
        (("the report was unfair", "Sam Ode"),),
        [("other", None)],
    ),
    (
        "a scare quote leaves the sentence to the article",
        'The so-called "reform" raised taxes by 5 percent.',
        (('"reform"', None),),
        [("figure", None)],
    ),
    (
        "the day of the occasion the words came at is the article's claim",
        "Ana Ruiz, at a press conference in Kisumu on Friday, said the ferry port had reopened.",
        (("the ferry port had reopened", "Ana Ruiz"),),
        [("date", None), ("attributed", "Ana Ruiz")],
    ),
    (
        "the day of the speaking alone is no claim",
        "Acme Holdings said on Friday that the ferry port had reopened.",
        (("the ferry port had reopened", "Acme Holdings"),),
        [("attributed", "Acme Holdings")],
    ),
    (
        "a date when the words were said is no claim",
        "He said in June that the agency had been hacked twice.",
        (("the agency had been hacked twice", "Sam Ode"),),
        [("figure", "Sam Ode")],  # a count of two, the speaker's; "in June" is when he spoke
    ),
]


@pytest.mark.parametrize(("case", "text", "quotes", "expected"), QUOTED, ids=[row[0] for row in QUOTED])
def test_sentence_with_quotes_gives_claims(
    case: str, text: str, quotes: tuple[tuple[str, str | None], ...], expected: Found
) -> None:
    assert kinds(text, quotes=quotes) == expected


FACTS = [
    (
        "a second predicate of the same subject with its own kind",
        "Arlo Penn turned himself in at the station on Tuesday and is facing two counts of burglary.",
        [
            ("date", "Arlo Penn turned himself in at the station on Tuesday"),
            ("figure", "is facing two counts of burglary."),
        ],
    ),
    (
        "a clause with its own subject after and",
        "The ferry ran aground on Sunday and the harbour master has opened an inquiry.",
        [("date", "The ferry ran aground on Sunday"), ("other", "the harbour master has opened an inquiry.")],
    ),
    (
        "a participle after a comma",
        "Profit fell 12 percent in the quarter, sending the shares to a record low.",
        [("figure", "Profit fell 12 percent in the quarter"), ("first", "sending the shares to a record low.")],
    ),
    (
        "a relative clause",
        "The museum opened its new wing in 2019, which doubled the space for its paintings.",
        [("date", "The museum opened its new wing in 2019"), ("other", "which doubled the space for its paintings.")],
    ),
    (
        "a clause after a conjunction that states an event",
        "Shares of Brightwell rose 9 percent in early trading after the regulator fined its rival for late filings.",
        [
            ("figure", "Shares of Brightwell rose 9 percent in early trading"),
            ("other", "the regulator fined its rival for late filings."),
        ],
    ),
    (
        "two facts of one kind stay one claim",
        "Sales rose 4 percent and profit rose 6 percent.",
        [("figure", "Sales rose 4 percent and profit rose 6 percent.")],
    ),
    (
        "names joined by and are no second clause",
        "Goals from Tom Reyes and Ivo Lind before the break gave the hosts a 2-0 lead.",
        [("figure", "Goals from Tom Reyes and Ivo Lind before the break gave the hosts a 2-0 lead.")],
    ),
    (
        "a relative clause that claims nothing stays with its clause",
        "The club was founded in 1921, which makes it a proud institution.",
        [("date", "The club was founded in 1921, which makes it a proud institution.")],
    ),
    (
        "a past after a conjunction is the circumstance of the main fact",
        "Shares of Brightwell rose 9 percent in early trading as the firm cut its debt.",
        [("figure", "Shares of Brightwell rose 9 percent in early trading as the firm cut its debt.")],
    ),
    (
        "two pasts joined by and are one predicate",
        "Guards at the Harlow depot were pushed and kicked as they left after a meeting, leaving 3 of them hurt.",
        [
            ("other", "Guards at the Harlow depot were pushed and kicked as they left after a meeting"),
            ("figure", "leaving 3 of them hurt."),
        ],
    ),
    (
        "a preposition in -ing opens no second fact",
        "Fares rose 5 percent in March, including on the night buses.",
        [("figure", "Fares rose 5 percent in March, including on the night buses.")],
    ),
]


@pytest.mark.parametrize(("case", "text", "expected"), FACTS, ids=[row[0] for row in FACTS])
def test_sentence_with_two_facts_of_different_kinds_gives_a_claim_for_each(
    case: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(claim.kind, claim.text) for claim in find_claims(text, one_sentence(text), [])] == expected


def test_facts_split_in_a_speakers_words_keep_the_speaker() -> None:
    text = "She said the plant closed in 2009 and had cost 400 jobs."
    words = "the plant closed in 2009 and had cost 400 jobs"
    claims = find_claims(text, one_sentence(text), [quote(text, words, "Ana Ruiz")])
    assert [(c.kind, c.text, c.claimant) for c in claims] == [
        ("date", "the plant closed in 2009", "Ana Ruiz"),
        ("figure", "had cost 400 jobs", "Ana Ruiz"),
    ]


def test_article_claim_spans_the_whole_sentence_trimmed() -> None:
    text = "  About 2,500 workers joined the strike.  "
    [claim] = find_claims(text, one_sentence(text), [])
    assert claim.text == "About 2,500 workers joined the strike."


def test_attributed_claim_spans_the_speakers_words_without_the_attribution() -> None:
    text = 'The mayor said that "the bridge had cost 40 million dollars," on Monday.'
    words = '"the bridge had cost 40 million dollars,"'
    [claim] = find_claims(text, one_sentence(text), [quote(text, words, "Ana Ruiz")])
    assert claim.text == "the bridge had cost 40 million dollars"
    assert claim.claimant == "Ana Ruiz"


def test_dateline_is_left_out_of_the_span() -> None:
    text = "LAGOS, May 2 (AP) - Police arrested 12 people at the port."
    [claim] = find_claims(text, one_sentence(text), [])
    assert claim.text == "Police arrested 12 people at the port."


def test_quote_over_two_sentences_gives_one_claim_in_each() -> None:
    text = "She said: The plant closed in 2009.\nSome 400 jobs were lost that year."
    sentences = sentences_of(text)
    words = "The plant closed in 2009.\nSome 400 jobs were lost that year."
    claims = find_claims(text, sentences, [quote(text, words, "Ana Ruiz")])
    assert [(c.sentence, c.text) for c in claims] == [
        (0, "The plant closed in 2009."),
        (1, "Some 400 jobs were lost that year."),
    ]


def test_overlapping_quotes_give_one_claim() -> None:
    text = 'He said that "the bridge had cost 40 million dollars" in total.'
    quotes = [
        quote(text, 'the bridge had cost 40 million dollars" in total', "Sam Ode"),
        quote(text, "the bridge had cost 40 million dollars", "Sam Ode"),
    ]
    assert len(find_claims(text, one_sentence(text), quotes)) == 1


ARTICLE = (
    "Maria Lopez, 42, runs the family garage.\n"
    "Is the garage the oldest in town?\n"
    "The garage was founded in 1921 by her grandfather.\n"
    "It services about 300 cars a month, she said.\n"
    "The service is wonderful.\n"
    "It is the only garage to open on Sundays."
)


def test_claims_slice_back_and_lie_inside_their_sentence() -> None:
    sentences = sentences_of(ARTICLE)
    claims = find_claims(ARTICLE, sentences, [quote(ARTICLE, "It services about 300 cars a month", "Maria Lopez")])
    assert claims
    for claim in claims:
        sentence = sentences[claim.sentence]
        assert ARTICLE[claim.start : claim.end] == claim.text
        assert sentence.start <= claim.start < claim.end <= sentence.end


def test_claims_come_in_text_order_without_overlaps() -> None:
    claims = find_claims(ARTICLE, sentences_of(ARTICLE), [])
    assert [c.sentence for c in claims] == [0, 2, 3, 5]
    assert all(a.end <= b.start for a, b in pairwise(claims))


def test_article_without_prose_has_no_claims() -> None:
    text = "The 2024 election in numbers"
    assert find_claims(text, one_sentence(text, "heading"), []) == []


def test_claim_is_a_frozen_value() -> None:
    claim = Claim(0, 4, "text", "figure", None, 0)
    with pytest.raises(AttributeError):
        claim.kind = "date"  # type: ignore[misc]


WORDS = st.sampled_from(
    ["The", "council", "said", "2019", "3,000", "first", "most", "famous", "Jane", "Doe,", "36,", "in", "March", "was",
     "announced", '"', "?", ".", "\n", "will", "seems", "(38)", "aged", "12", "the", "only", "people", "If", "that"]
)  # fmt: skip


@given(
    words=st.lists(WORDS, min_size=1, max_size=60),
    cuts=st.lists(st.tuples(st.integers(0, 400), st.integers(1, 80), st.sampled_from(["Jane Doe", None])), max_size=4),
)
@settings(max_examples=200, deadline=None)
def test_any_text_gives_claims_that_keep_the_contract(
    words: list[str], cuts: list[tuple[int, int, str | None]]
) -> None:
    text = " ".join(words)
    sentences = sentences_of(text)
    spans = [(start, min(start + length, len(text)), who) for start, length, who in cuts if start < len(text)]
    quotes = [Quote(start, end, text[start:end], "direct", who, "said", 0, 1.0, "name") for start, end, who in spans]
    claims = find_claims(text, sentences, quotes)
    for claim in claims:
        sentence = sentences[claim.sentence]
        assert text[claim.start : claim.end] == claim.text
        assert sentence.start <= claim.start < claim.end <= sentence.end
        assert claim.claimant is not None or claim.kind != "attributed"
        assert claim.claimant is None or claim.kind != "other"
        assert 0 <= claim.confidence <= 1
    assert all(a.end <= b.start for a, b in pairwise(claims))


def test_a_stretch_is_judged_once_an_article_and_forgotten_when_its_claims_are_found(monkeypatch) -> None:
    assess = importlib.import_module("newsfacts.extraction.claims.assess")
    content = importlib.import_module("newsfacts.extraction.claims.content")
    assess.forget()
    read: list[str] = []
    tokens_of = content.word_tokens
    monkeypatch.setattr(content, "word_tokens", lambda words: read.append(words) or tokens_of(words))
    text = "The depot shut 40 stores in 2019.\nThe depot shut 40 stores in 2019."
    assert [claim.kind for claim in find_claims(text, sentences_of(text), [])] == ["figure", "figure"]
    assert read.count("The depot shut 40 stores in 2019.") == 1  # the second sentence: the first's answer, kept
    assert assess.judge.cache_info().currsize == 0 and content._content_kinds.cache_info().currsize == 0
    find_claims(text, sentences_of(text), [])
    assert read.count("The depot shut 40 stores in 2019.") == 2  # the next article is judged afresh


@pytest.mark.parametrize("word", [*UNIT_WORDS[1:], *TEEN_WORDS, *TENS_WORDS, "twenty-seven", "Forty one"])
def test_the_claim_rules_and_the_quote_reader_read_the_same_number_words(word: str) -> None:
    assert re.fullmatch(NUMBER_WORD, word, re.IGNORECASE)
    assert is_number(word.replace(" ", "-"))
