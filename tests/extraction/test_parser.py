"""The dependency parser: the subjects and complements of speech verbs in sentences we wrote, offsets, and the model
files it ships."""

from __future__ import annotations

import pytest

from newsfacts.extraction import parser

# Sentences the shipped model (UAS 0.82 on UD English EWT test) parses wrongly: kept as the behaviour wanted, so that
# a better model shows here; strict, so that a fix is noticed.
MISPARSED = pytest.mark.xfail(strict=True, reason="the shipped model attaches these words elsewhere")


def subject_of(text: str, verb: str) -> str | None:
    span = parser.parse(text).subject(text.index(verb))
    return text[span[0] : span[1]] if span else None


def complement_of(text: str, verb: str) -> str | None:
    span = parser.parse(text).complement(text.index(verb))
    return text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        # A plain subject, a title before the name.
        ("Tomas Brenner said the bridge would reopen in May.", "said", "Tomas Brenner"),
        pytest.param(
            "Harbour master Lena Voss said the ferry would sail.", "said", "Harbour master Lena Voss", marks=MISPARSED
        ),
        # An apposition belongs to the subject phrase; its own nouns are not the subject.
        ("Lena Voss, the harbour master, said the ferry would sail.", "said", "Lena Voss, the harbour master"),
        # A possessive: the phrase is the sister, not the brother.
        ("Brenner's sister, Ilse, said the family was relieved.", "said", "Brenner's sister, Ilse"),
        # A relative clause inside the subject does not end it.
        pytest.param(
            "Lena Voss, who spoke to Brenner's lawyer, said the case was weak.",
            "said",
            "Lena Voss, who spoke to Brenner's lawyer",
            marks=MISPARSED,
        ),
        # Inverted: the subject after the verb.
        ('"We will rebuild," said Tomas Brenner, the mayor.', "said", "Tomas Brenner, the mayor"),
        ("The bridge will reopen in May, she said.", "said", "she"),
        # A relative clause's own verb: its subject is the noun the clause modifies.
        ("The engineers, who said the design had flaws, resigned.", "said", "The engineers"),
        # A second verb after "and" shares the first one's subject.
        ("The mayor resigned on Monday and said she would not run again.", "said", "The mayor"),
    ],
)
def test_subject_of_a_speech_verb(sentence: str, verb: str, expected: str) -> None:
    assert subject_of(sentence, verb) == expected


@pytest.mark.parametrize(
    ("sentence", "verb", "expected"),
    [
        # The complement ends where the sentence does, not at the first comma or verb.
        pytest.param(
            "The council said the road, which floods every spring, would be raised next year.",
            "said",
            "the road, which floods every spring, would be raised next year",
            marks=MISPARSED,
        ),
        ("The mayor told reporters that the plan would cost less.", "told", "that the plan would cost less"),
        # A clause after the complement that is not reported: the complement ends before "before".
        pytest.param(
            "Brenner said the talks had failed before he left the room.",
            "said",
            "the talks had failed",
            marks=MISPARSED,
        ),
        # A verb set aside: the clause it stands in.
        ("The bridge will reopen in May, she said.", "said", "The bridge will reopen in May"),
    ],
)
def test_complement_of_a_speech_verb(sentence: str, verb: str, expected: str) -> None:
    assert complement_of(sentence, verb) == expected


def test_a_verb_reporting_no_clause_has_no_complement() -> None:
    assert complement_of("The mayor said nothing.", "said") is None


@pytest.mark.parametrize(
    ("sentence", "verb", "reports"),
    [
        ("The mayor said the bridge would reopen.", "said", True),
        ("The mayor said that the bridge would reopen.", "said", True),
        ("Acme Shipping reported higher revenue for the quarter.", "reported", False),
        ("The mayor said nothing.", "said", False),
    ],
)
def test_a_verb_reports_a_clause_only_with_a_clausal_complement(sentence: str, verb: str, reports: bool) -> None:
    assert parser.parse(sentence).reports_clause(sentence.index(verb)) is reports


@pytest.mark.parametrize(
    ("sentence", "word", "finite"),
    [
        ("The council closed the bridge.", "closed", True),
        ("The mayor said the bridge would reopen.", "reopen", True),
        ("The mayor wants to reopen the bridge.", "reopen", False),
        ("Closed for repairs, the bridge stood empty.", "Closed", False),
    ],
)
def test_finite_clause_heads(sentence: str, word: str, finite: bool) -> None:
    assert parser.parse(sentence).heads_finite_clause(sentence.index(word)) is finite


def test_offsets_are_into_the_whole_text_when_one_sentence_is_parsed() -> None:
    text = "Rain fell all night.\n\u201cIt was worse than 1998,\u201d said Ilse Brenner, who farms near the river."
    start = text.index("\u201c")
    parsed = parser.parse(text, start, len(text))
    span = parsed.subject(text.index("said"))
    assert span is not None and text[span[0] : span[1]].startswith("Ilse Brenner")
    for a, b, *_ in parsed.words():
        assert text[a:b].strip() == text[a:b] and a >= start


def test_a_verb_outside_the_parsed_sentence_has_nothing() -> None:
    text = "Brenner said it. Voss agreed."
    parsed = parser.parse(text, 0, text.index("Voss"))
    assert parsed.subject(text.index("agreed")) is None


def test_model_is_the_files_the_training_command_wrote() -> None:
    path = parser.PARSER_PATH
    recorded = path.with_name(path.name + ".sha256").read_text(encoding="utf-8").split()[0]
    assert parser.model_checksum(path) == recorded


def test_parser_model_loads_from_the_repository() -> None:
    parser.load()
    assert parser.PARSER_PATH.is_dir()
    assert list(parser.parse("The mayor spoke.").words())


def test_pipeline_version_covers_the_model() -> None:
    from newsfacts.extraction.version import pipeline_files

    assert parser.PARSER_PATH.with_name(parser.PARSER_PATH.name + ".sha256") in pipeline_files()
