"""Quote finding on hard single sentences and short paragraphs, one case a row."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfacts.extraction import marks, quotes
from newsfacts.extraction.cues import is_cardinal, is_number, is_organisation_role, is_person_role
from newsfacts.extraction.marks import MASK, QuotedSpan
from newsfacts.extraction.quotes import Quote, find_quotes
from newsfacts.extraction.sentences import Sentence, split_sentences
from newsfacts.extraction.speakers import Entity, SpeakerBook

ARTICLES = Path(__file__).parent / "articles"


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
    pytest.param(
        "The plant will close in March, Reuters reported.",
        [("The plant will close in March", "indirect", "Reuters")],
        id="agency-reporting-on-its-own-account",
    ),
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
    pytest.param(
        "The coaches spoke after the game.\n'We let it slip away', says Jon Harl\nOn the late collapse:\n",
        [("We let it slip away", "direct", "Jon Harl")],
        id="a-quote-and-its-speaker-on-a-line-of-their-own",
    ),
    pytest.param(
        'Orders rose.\n""Despite the slump, demand holds," Chairman Jon Harl said in a statement.\nThe yard won work.',
        [("Despite the slump, demand holds,", "direct", "Jon Harl")],
        id="a-doubled-opening-mark",
    ),
    pytest.param(
        "The lawyer asked for time.\nJudge Ann Kell agreed, adding that: I know little of him. We must be clear "
        'what lay behind it".\n',
        [("I know little of him. We must be clear what lay behind it", "direct", "Ann Kell")],
        id="a-lost-opening-mark-after-a-cue-and-colon",
    ),
    pytest.param(
        'Ann Roe sent a note. "I looked around," she wrote, adding that the mood in the room was, "She is with us."',
        [
            ("I looked around,", "direct", "Ann Roe"),
            ('the mood in the room was, "She is with us."', "mixed", "Ann Roe"),
        ],
        id="a-participle-with-that-before-a-quotation",
    ),
    pytest.param(
        "Minister Jon Harl said this while briefing reporters after a closed-door meeting.",
        [],
        id="said-this-while",
    ),
    pytest.param("Voters went to the polls in farm states that have lost jobs.", [], id="states-as-a-noun"),
    pytest.param("Acme announced plans to expand the mill.", [], id="announced-an-object"),
    pytest.param(
        "Studies that fail when others repeat them are cited more often than sound ones.", [], id="repeat-them"
    ),
    pytest.param(
        "The county will go on screening all applicants for the grant, a plan announced earlier this year.",
        [],
        id="a-noun-and-its-participle",
    ),
    pytest.param(
        "Acme said on Friday, according to the Halden Star, that it would close the mill.",
        [("it would close the mill", "indirect", "Acme")],
        id="said-then-according-to-a-paper-then-that",
    ),
    pytest.param(
        "The plans, said counsel, were drawn up in secret.",
        [("The plans, said counsel, were drawn up in secret", "indirect", None)],
        id="an-inverted-bare-role-set-off-by-commas",
    ),
    pytest.param(
        "Lowe said the vote was close and regular, pledged delegates were split.",
        [("the vote was close and regular, pledged delegates were split", "indirect", "Lowe")],
        id="an-adjective-in-ed-after-a-comma-is-no-inverted-verb",
    ),
    pytest.param(
        "The nominee is planning no more events, the party's finance chairman, Dan Lowe, said.",
        [("The nominee is planning no more events", "indirect", "Dan Lowe")],
        id="a-possessive-role-and-a-name-before-a-trailing-cue",
    ),
    pytest.param(
        'Not paying the fee "makes me smart," Dan Lowe said last week.',
        [('Not paying the fee "makes me smart,"', "mixed", "Dan Lowe")],
        id="a-clause-ending-in-a-partial-quotation-before-a-trailing-cue",
    ),
    pytest.param(
        '"We never give up."\n\u2014 Dan Lowe, coach of the Hawks\nThe team won on Sunday.',
        [("We never give up.", "direct", "Dan Lowe")],
        id="a-pull-quote-signed-on-the-line-below",
    ),
    pytest.param(
        '"We never give up."\n- Dan Lowe won the race on Sunday and the team went home happy.',
        [("We never give up.", "direct", None)],
        id="a-line-below-that-is-no-signature",
    ),
    pytest.param(
        "Shares fell after the firm reported weaker-than-expected sales and warned of hard times ahead.",
        [],
        id="reported-an-object-and-warned",
    ),
    pytest.param(
        "Dan Lowe said he meant a rival, but Al Kent pointed out the\nGovernor Bo Lee also won more votes.",
        [("he meant a rival", "indirect", "Dan Lowe")],
        id="content-ends-before-another-speaker-and-a-line-ending-in-an-article-wraps",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_quotes_found_in_hard_case(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert brief(text) == expected


def test_colon_introduction_names_the_speaker() -> None:
    assert brief('Karen Holt was blunt: "Nobody is safe."') == [("Nobody is safe.", "direct", "Karen Holt")]


def test_a_quote_in_wire_copy_runs_on_over_a_wrapped_line_after_a_full_stop() -> None:
    """Hard-wrapped copy that indents its paragraphs: a line ending in a full stop inside a quotation is a wrap,
    so the quotation stays one quote and keeps its speaker."""
    text = (
        "The council voted on Monday to close the old ferry\n"
        "pier, ending a dispute that had run for most of the\n"
        "year and split the town.\n"
        '    "We looked at every other way to keep it open.\n'
        "None of them could be paid for,\" the council's chair,\n"
        "Ada Voss, told reporters after the vote, which was\n"
        "carried by seven votes to four.\n"
        "    Ferry users said they would take the decision to\n"
        "court and that the vote broke the council's rules.\n"
        "    The pier was built in 1931 and was last repaired\n"
        "in the spring.\n"
    )
    assert brief(text)[0] == (
        "We looked at every other way to keep it open.\nNone of them could be paid for,",
        "direct",
        "Ada Voss",
    )


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


def test_single_quoted_speech_counts_beside_a_double_quoted_name() -> None:
    text = (
        "'We will rebuild the bridge by spring,' Ana Ruiz said.\n\n"
        'The so-called "Halden Bridge" is old.\n\n'
        "'It will cost four million pounds,' she added.\n"
    )
    assert brief(text) == [
        ("We will rebuild the bridge by spring,", "direct", "Ana Ruiz"),
        ("It will cost four million pounds,", "direct", "Ana Ruiz"),
    ]


def test_single_marks_inside_a_double_quoted_quote_stay_part_of_it() -> None:
    text = "\"She told me 'we will rebuild the bridge by spring' and left,\" Tom Bassey said."
    assert brief(text) == [("She told me 'we will rebuild the bridge by spring' and left,", "direct", "Tom Bassey")]


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


# -- reading stays linear: the indexed look-ups answer as the plain scans of the whole article did --------------


def _scan_last_segment_before(reader: quotes._Reader, pos: int) -> QuotedSpan | None:
    for seg in reversed(reader.segments):
        if seg.close < pos and seg.cls in ("full", "partial", "short"):
            return seg
    return None


def _scan_lead_start(reader: quotes._Reader, s: Sentence, end: int) -> int | None:
    start = s.start
    for seg in reader.segments:
        if s.start <= seg.open < end and seg.attached:
            start = max(start, seg.close + 1)
    while start < end and not reader.masked[start].isalnum() and reader.masked[start] != MASK:
        start += 1
    return start if start < end else None


def _scan_closing_in(self: quotes._ByClose, a: int, b: int) -> list[QuotedSpan]:
    return [seg for seg in self.spans if a <= seg.close <= b]


def _walk_resolve_role(book: SpeakerBook, noun: str, organisation: bool, pos: int, guess: bool = True) -> Entity | None:
    noun = noun.lower()
    for _, entity in book._recent(pos):
        named = noun in (w.lower() for w in entity.name.split()) or noun in entity.role_words
        if organisation and entity.kind == "organisation" and named:
            return entity
        if not organisation and entity.kind == "person" and noun in entity.role_words:
            return entity
    if guess and not organisation and not noun.endswith("s"):
        return book.followed(pos)
    return None


def _scan_entity_at(book: SpeakerBook, start: int, end: int) -> Entity | None:
    for pos, entity in book.mention_entity.items():
        if start <= pos < end:
            return entity
    return None


def _slice_line_before(text: str, pos: int, need: int = 40) -> str:
    return text[text.rfind("\n", 0, pos) + 1 : pos].rstrip()


def _test_articles() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in sorted(ARTICLES.glob("*.txt"))]


PROSE = (
    "The council approved the budget on Tuesday. "
    '"This is the first library we have built since 1998," said Mayor Ana Ruiz. '
    "Critics said the cost would rise before the doors open. The minister said the plan was sound. "
    '"We will see," she added. The company said in a statement that sales had fallen. '
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("\n\n".join(_test_articles() * 2), id="test-articles-one-after-another-twice"),
        pytest.param(" ".join(a.replace("\n", " ") for a in _test_articles()), id="test-articles-on-one-line"),
        pytest.param(PROSE * 150, id="prose-without-a-newline"),
    ],
)
def test_long_text_reads_the_same_as_with_plain_scans_of_the_whole_article(
    monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    sentences = split_sentences(text)
    indexed = find_quotes(text, sentences)
    with monkeypatch.context() as patch:
        patch.setattr(quotes, "_last_segment_before", _scan_last_segment_before)
        patch.setattr(quotes, "_lead_start", _scan_lead_start)
        patch.setattr(quotes._ByClose, "closing_in", _scan_closing_in)
        patch.setattr(SpeakerBook, "resolve_role", _walk_resolve_role)
        patch.setattr(SpeakerBook, "entity_at", _scan_entity_at)
        patch.setattr(marks, "_line_before", _slice_line_before)
        scanned = find_quotes(text, sentences)

    assert indexed[1] and indexed == scanned


def test_each_indexed_lookup_answers_as_a_plain_scan_at_every_boundary(monkeypatch: pytest.MonkeyPatch) -> None:
    # Articles in a rotating order, so that names and roles come back after other stories have been read.
    articles = _test_articles()
    text = "\n\n".join(articles[k % len(articles)] for k in range(0, 3 * len(articles), 2))
    readers: list[quotes._Reader] = []
    reader_class = quotes._Reader

    def keep(*args: object) -> quotes._Reader:
        readers.append(reader_class(*args))  # type: ignore[arg-type]
        return readers[-1]

    monkeypatch.setattr(quotes, "_Reader", keep)
    find_quotes(text, split_sentences(text))
    reader, book = readers[0], readers[0].book
    edges = sorted({p for seg in reader.segments for p in (seg.open, seg.close, seg.close + 1, seg.close + 2)})
    words = {w for e in book.entities for w in e.role_words} | {
        w.lower() for e in book.entities for w in e.name.split()
    }
    nouns = sorted(w for w in words if is_person_role(w) or is_organisation_role(w))

    for s in reader.sentences:
        for end in [p for p in edges if s.start < p <= s.end] + [s.end]:
            assert quotes._lead_start(reader, s, end) == _scan_lead_start(reader, s, end)
        assert book.entity_at(s.start, s.end) is _scan_entity_at(book, s.start, s.end)
    for pos in edges:
        assert quotes._last_segment_before(reader, pos) is _scan_last_segment_before(reader, pos)
    assert len(nouns) > 5
    for s in reader.sentences[::4]:
        for noun in nouns:
            for organisation in (True, False):
                expected = _walk_resolve_role(book, noun, organisation, s.start)
                assert book.resolve_role(noun, organisation, s.start) is expected, (noun, s.start)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('He said "yes." ' * 20, id="one-long-line"),
        pytest.param("Title\n\n" + " " * 150 + '"Hard road ahead"\n', id="long-indent-before-a-mark"),
        pytest.param("a" * 30 + " " * 100 + "b" * 30 + "\n" + "c" * 200, id="blanks-longer-than-a-window"),
        pytest.param("\n\n  \n", id="only-blanks"),
    ],
)
def test_line_before_a_position_ends_as_the_whole_line_before_it(text: str) -> None:
    for pos in range(len(text) + 1):
        local, whole = marks._line_before(text, pos), _slice_line_before(text, pos)
        assert whole.endswith(local) and (local == whole or len(local) >= 40), pos


def test_dash_label_after_a_quote_names_its_speaker() -> None:
    text = (
        "President Ana Ruiz met reporters on the plane.\n\n“We will not answer questions on trade.” - President Ruiz\n"
    )
    assert brief(text)[-1] == ("We will not answer questions on trade.", "direct", "Ana Ruiz")


def test_transcript_label_line_names_the_speaker() -> None:
    text = 'Briefing with Jane Okoro on the flight:\n\nOkoro: "The schedule is the same as yesterday."\n'
    assert brief(text) == [("The schedule is the same as yesterday.", "direct", "Jane Okoro")]


def test_transcript_answer_after_a_question_continues_the_speaker() -> None:
    text = (
        '"The schedule is the same as yesterday," Jane Okoro said.\n\n'
        "Q: will the summit go ahead?\n\n"
        '"We expect it to go ahead as planned."\n'
    )
    assert brief(text)[-1] == ("We expect it to go ahead as planned.", "direct", "Jane Okoro")


def test_a_cue_ending_its_paragraph_with_a_colon_introduces_the_quote_below() -> None:
    text = 'Ana Ruiz spoke on Monday.\n\nIn a statement, Ruiz said:\n\n"We will rebuild the bridge by spring."\n'
    [quote] = quotes_of(text)
    assert (quote.text, quote.speaker, quote.cue, quote.attribution) == (
        "We will rebuild the bridge by spring.",
        "Ana Ruiz",
        "said",
        "alias",
    )


def test_a_document_reads_a_quotation() -> None:
    text = 'The council issued a statement.\n\nThe statement read: "We will rebuild the bridge by spring."\n'
    assert [(q.text, q.cue) for q in quotes_of(text)] == [("We will rebuild the bridge by spring.", "read")]


def test_a_verb_of_speaking_after_a_quote_attributes_it() -> None:
    assert brief('"We will need a bigger boat," Tom Bassey joked.') == [
        ("We will need a bigger boat,", "direct", "Tom Bassey")
    ]


TRANSCRIPTS = [
    pytest.param(
        (
            "The panel of Maria Lenz and Tom Bassey met on Monday.\n"
            "MARIA LENZ: We have never seen numbers like this before.\n"
            "Tom Bassey: Neither have we. It is a shock.\n"
            "Lenz: So what do we do now?\n"
        ),
        [
            ("We have never seen numbers like this before.", "direct", "Maria Lenz"),
            ("Neither have we. It is a shock.", "direct", "Tom Bassey"),
            ("So what do we do now?", "direct", "Maria Lenz"),
        ],
        id="name-labels-and-an-all-capitals-surname",
    ),
    pytest.param(
        (
            "Ana Ruiz, the new coach of the club, spoke to us about her first season.\n\n"
            "Q: Why did you take the job?\n\n"
            "A: I needed a new challenge. The board said it had big plans.\n\n"
            "Q: What about the fans?\n\n"
            "A: They have been wonderful to me.\n"
        ),
        [
            ("I needed a new challenge. The board said it had big plans.", "direct", "Ana Ruiz"),
            ("They have been wonderful to me.", "direct", "Ana Ruiz"),
        ],
        id="q-and-a-labels",
    ),
    pytest.param(
        (
            "Ana Ruiz, the new coach of the club, spoke to us about her first season.\n\n"
            "Q. Why did you take the job?\n\n"
            "A. I needed a new challenge.\n\n"
            "The board said it had big plans, and I believed them.\n\n"
            "Q. What about the fans?\n\n"
            "A. They have been wonderful to me.\n\n"
            "The club plays its next match on Sunday.\n"
        ),
        [
            ("I needed a new challenge.", "direct", "Ana Ruiz"),
            ("The board said it had big plans, and I believed them.", "direct", "Ana Ruiz"),
            ("They have been wonderful to me.", "direct", "Ana Ruiz"),
        ],
        id="answer-over-paragraphs-until-the-next-question",
    ),
    pytest.param(
        (
            "President Ana Ruiz met reporters on the plane on Monday.\n\n"
            "THE PRESIDENT: Thank you all for coming.\n\n"
            "Q: Will you sign the bill?\n\n"
            "THE PRESIDENT: I will sign it next week.\n"
        ),
        [
            ("Thank you all for coming.", "direct", "Ana Ruiz"),
            ("I will sign it next week.", "direct", "Ana Ruiz"),
        ],
        id="an-office-as-label",
    ),
    pytest.param(
        (
            "Ana Ruiz, the new coach of the club, spoke to us about her first season.\n\n"
            "Q: Why did you take the job?\n\nI needed a new challenge.\n\n"
            "Q: What about the fans?\n\nThey have been wonderful to me.\n\n"
            "Q: And next season?\n\nWe aim for the title.\n\nThe club plays on Sunday.\n"
        ),
        [
            ("I needed a new challenge.", "direct", "Ana Ruiz"),
            ("They have been wonderful to me.", "direct", "Ana Ruiz"),
            ("We aim for the title.", "direct", "Ana Ruiz"),
        ],
        id="questions-labelled-answers-plain",
    ),
    pytest.param(
        (
            "The panel of Maria Lenz and Tom Bassey met on Monday.\n"
            "MARIA LENZ: Why did this happen?    TOM BASSEY: Nobody checked the numbers.\n"
            "MARIA LENZ: And now?    TOM BASSEY: Now we check them twice.\n"
        ),
        [
            ("Why did this happen?", "direct", "Maria Lenz"),
            ("Nobody checked the numbers.", "direct", "Tom Bassey"),
            ("And now?", "direct", "Maria Lenz"),
            ("Now we check them twice.", "direct", "Tom Bassey"),
        ],
        id="a-label-in-capitals-inside-a-scraped-line",
    ),
    pytest.param(
        (
            "Host Maria Lenz asked the mayor about the budget.\n\n"
            "MARIA LENZ: What went wrong?\n\n"
            "TOM BASSEY: The figures were late.\n\n"
            "LENZ: And who is to blame?\n"
        ),
        [
            ("What went wrong?", "direct", "Maria Lenz"),
            ("The figures were late.", "direct", "Tom Bassey"),
            ("And who is to blame?", "direct", "Maria Lenz"),
        ],
        id="a-speaker-labelled-again-by-surname",
    ),
]


@pytest.mark.parametrize(("text", "expected"), TRANSCRIPTS)
def test_transcript_lines_without_quotation_marks_are_their_speakers_words(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert brief(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("LONDON: Rents rose again.\nNote: figures are provisional.\n", id="dateline-and-a-note"),
        pytest.param("Rents rose.\nA. Smith and B. Jones wrote the report.\nQ. Lee edited it.\n", id="initials"),
        pytest.param("Rents rose again.\nUpdate: the vote is on Monday.\n", id="one-label"),
        pytest.param("Rents rose.\nWhen: Monday at noon.\nWhere: the town hall.\n", id="event-details"),
        pytest.param("Rents rose.\nReporter: Ana Ruiz\nEditor: Tom Bassey\n", id="credits"),
        pytest.param(
            (
                "Police held three people after a raid on Monday. Officers stopped Tom Rusk's van first.\n\n"
                "Tom Rusk: Theft of a vehicle, held on $2,000 bond.\n\n"
                "Ana K. Rusk: Possession of stolen goods, released.\n\n"
                "Piet Vane: Two warrants, held without bond.\n"
            ),
            id="a-list-of-people-and-their-charges",
        ),
    ],
)
def test_labelled_lines_that_are_no_transcript_are_no_quotes(text: str) -> None:
    assert quotes_of(text) == []


def test_quote_after_another_person_is_named_does_not_continue_the_earlier_speaker() -> None:
    text = (
        '"The schedule is the same as yesterday," Jane Okoro said.\n\n'
        "Later the aide Tom Bassey arrived. He left early. The hall emptied.\n\n"
        '"We expect it to go ahead as planned."\n'
    )
    assert brief(text)[-1][2] != "Jane Okoro"


REPORTED = [
    pytest.param(
        "Halden Air said it expects delays to continue and will update passengers.",
        ("it expects delays to continue and will update passengers", "Halden Air"),
        id="present-tense-clause-without-that",
    ),
    pytest.param(
        "Ana Ruiz said 80 percent of the firm's 50 million customers are business users.",
        ("80 percent of the firm's 50 million customers are business users", "Ana Ruiz"),
        id="long-subject-without-that",
    ),
    pytest.param(
        "Mr Vance twice claimed that the fund was empty.",
        ("the fund was empty", "Vance"),
        id="adverb-between-subject-and-verb",
    ),
    pytest.param(
        "Harlow Council has stood by its choice of contractor saying it was the only safe option.",
        ("it was the only safe option", "Harlow Council"),
        id="participle-without-comma",
    ),
    pytest.param(
        "Ana Ruiz responded by saying it was typical for a new road to feel bumpy.",
        ("it was typical for a new road to feel bumpy", "Ana Ruiz"),
        id="by-saying",
    ),
    pytest.param(
        "Ana Ruiz warned there are longer queues to come for drivers.",
        ("there are longer queues to come for drivers", "Ana Ruiz"),
        id="warned-without-addressee",
    ),
    pytest.param(
        "Greyfield Council repeated that further closures may be needed.",
        ("further closures may be needed", "Greyfield Council"),
        id="repeated-that",
    ),
    pytest.param(
        "Cities must cut traffic because the air will stay dirty for a decade, doctors are warning.",
        ("Cities must cut traffic because the air will stay dirty for a decade", None),
        id="progressive-trailing-cue",
    ),
    pytest.param(
        "Coach Tom Bassey was unhappy.\n\nSpeaking to local radio, the gaffer admitted that the defence was sloppy.",
        ("the defence was sloppy", "Tom Bassey"),
        id="gaffer-is-a-role",
    ),
    pytest.param(
        "At the ministry, officials said they intend to publish the emails.",
        ("they intend to publish the emails", None),
        id="pronoun-and-a-verb-of-no-known-form",
    ),
    pytest.param(
        "Tom Bassey said he\u2019d now like to see the council act.",
        ("he\u2019d now like to see the council act", "Tom Bassey"),
        id="contracted-pronoun",
    ),
    pytest.param(
        "Kerrow\u2019s Corp. shares fell. Kerrow\u2019s now says profit will be $4 a share.",
        ("profit will be $4 a share", "Kerrow\u2019s Corp."),
        id="name-ending-in-s-before-the-verb",
    ),
    pytest.param(
        "Hospital officials say three patients remain in critical condition.",
        ("three patients remain in critical condition", None),
        id="say-before-a-clause-with-a-plural-verb-of-no-known-form",
    ),
    pytest.param(
        "Hospital officials say eighteen patients remain in critical condition.",
        ("eighteen patients remain in critical condition", None),
        id="say-before-a-clause-opening-with-any-number-word",
    ),
    pytest.param(
        "Halden Air says its pilots oppose the new rosters.",
        ("its pilots oppose the new rosters", "Halden Air"),
        id="says-before-a-possessive-subject",
    ),
    pytest.param(
        "The study found that children who slept less were more likely to gain weight.",
        ("children who slept less were more likely to gain weight", None),
        id="a-study-finds",
    ),
    pytest.param(
        "A survey by the Tarn Institute showed that most tenants want longer leases.",
        ("most tenants want longer leases", "Tarn Institute"),
        id="a-survey-shows-for-who-ran-it",
    ),
    pytest.param(
        "Researchers concluded that the drug had no effect on older patients.",
        ("the drug had no effect on older patients", None),
        id="researchers-conclude",
    ),
    pytest.param(
        "The study, which followed 2,000 children for ten years, found that screen time had little effect.",
        ("screen time had little effect", None),
        id="research-opening-the-sentence-and-a-relative-clause",
    ),
    pytest.param(
        "Researchers at Tarn University found that the drug cut deaths by a third.",
        ("the drug cut deaths by a third", "Tarn University"),
        id="researchers-at-an-institution",
    ),
    pytest.param(
        "The Halden Institute's report found rents had risen sharply.",
        ("rents had risen sharply", "Halden Institute"),
        id="an-institutions-report-finds-a-clause-opening-with-a-bare-noun",
    ),
    pytest.param(
        "Ana Ruiz said Thursday that the bridge would reopen in May.",
        ("the bridge would reopen in May", "Ana Ruiz"),
        id="bare-day-before-that",
    ),
    pytest.param(
        "Ana Ruiz said The Halden Times had been wrong about the bridge.",
        ("The Halden Times had been wrong about the bridge", "Ana Ruiz"),
        id="content-opening-with-a-title",
    ),
    pytest.param(
        "Halden Foods said Tuesday its orders grew 9 percent.",
        ("its orders grew 9 percent", "Halden Foods"),
        id="bare-day-and-a-past-tense-of-no-known-form",
    ),
    pytest.param(
        "Counsel for the defence submitted that there was no case to answer.",
        ("there was no case to answer", None),
        id="court-report-submitted-that",
    ),
    pytest.param(
        "Constable Tom Bassey gave evidence that he found the car locked.",
        ("he found the car locked", "Tom Bassey"),
        id="gave-evidence-that",
    ),
    pytest.param(
        "Tarn Police were called at 2am.\n\nThe force said the man remains in hospital.",
        ("the man remains in hospital", "Tarn Police"),
        id="the-force-is-the-police-named",
    ),
    pytest.param(
        "The Halden Gazette quoted Ana Ruiz as saying that the bridge would reopen in May.",
        ("the bridge would reopen in May", "Ana Ruiz"),
        id="the-press-quoting-someone-as-saying",
    ),
    pytest.param(
        "Ana Ruiz is the mayor. As Ruiz pointed out, the bridge is more than a century old.",
        ("the bridge is more than a century old", "Ana Ruiz"),
        id="as-someone-pointed-out",
    ),
    pytest.param(
        "Ana Ruiz is the mayor. The bridge is more than a century old, as Ruiz noted.",
        ("The bridge is more than a century old", "Ana Ruiz"),
        id="trailing-as-someone-noted",
    ),
    pytest.param(
        "Ana Ruiz is the mayor. The bridge closed, but as Ruiz explained later, it will reopen in May.",
        ("it will reopen in May", "Ana Ruiz"),
        id="an-adverb-after-the-cue-and-a-comma",
    ),
    pytest.param(
        "Paramedics said the man was pronounced dead at the scene.",
        ("the man was pronounced dead at the scene", None),
        id="paramedics",
    ),
    pytest.param(
        "Ana Ruiz said \u2014 in a rare interview \u2014 that the bridge would reopen in May.",
        ("the bridge would reopen in May", "Ana Ruiz"),
        id="dashes-between-the-cue-and-that",
    ),
    pytest.param(
        "Ana Ruiz said (in a statement) the bridge would reopen in May.",
        ("the bridge would reopen in May", "Ana Ruiz"),
        id="brackets-between-the-cue-and-the-clause",
    ),
    pytest.param(
        "Ana Ruiz \u2014 the city's mayor \u2014 said the bridge would reopen in May.",
        ("the bridge would reopen in May", "Ana Ruiz"),
        id="apposition-in-dashes",
    ),
    pytest.param(
        "Tom Bassey told staff in writing that the canteen would close.",
        ("the canteen would close", "Tom Bassey"),
        id="addressee-and-a-venue-before-that",
    ),
    pytest.param(
        "Ana Ruiz said with two more cranes, the bridge could reopen in May.",
        ("with two more cranes, the bridge could reopen in May", "Ana Ruiz"),
        id="reported-clause-opening-with-a-phrase",
    ),
    pytest.param(
        "Tom Okafor was jailed for six years. Okafor's father wept in the gallery, saying he was only a boy then.",
        ("he was only a boy then", None),
        id="participle-after-a-relative-named-by-possessive",
    ),
    pytest.param(
        "Ana Ruiz said Thursday the bridge would reopen in May.",
        ("the bridge would reopen in May", "Ana Ruiz"),
        id="bare-day-before-the-clause",
    ),
    pytest.param(
        "Ana Ruiz said Wednesday she agrees with the ruling.",
        ("she agrees with the ruling", "Ana Ruiz"),
        id="bare-day-before-a-pronoun-whose-verb-takes-a-preposition",
    ),
    pytest.param(
        "Tom Okafor said yesterday they voted for the plan in May.",
        ("they voted for the plan in May", "Tom Okafor"),
        id="yesterday-stays-out-of-the-reported-clause",
    ),
    pytest.param(
        "The bridge will reopen in May, Ana Ruiz said Monday.",
        ("The bridge will reopen in May", "Ana Ruiz"),
        id="trailing-cue-and-a-bare-day",
    ),
    pytest.param(
        "Ana Ruiz said Tom Bassey had agreed to pay.",
        ("Tom Bassey had agreed to pay", "Ana Ruiz"),
        id="a-verb-of-the-content-is-no-trailing-attribution",
    ),
    pytest.param(
        "Ana Ruiz pointed out that the bridge had been closed twice before.",
        ("the bridge had been closed twice before", "Ana Ruiz"),
        id="pointed-out",
    ),
    pytest.param(
        "Ana Ruiz made it clear that the bridge would not reopen this year.",
        ("the bridge would not reopen this year", "Ana Ruiz"),
        id="made-it-clear",
    ),
    pytest.param(
        "Ana Ruiz went on to say that the repairs had cost $4 million.",
        ("the repairs had cost $4 million", "Ana Ruiz"),
        id="went-on-to-say",
    ),
    pytest.param(
        "Ana Ruiz countered that the bridge had been safe for decades.",
        ("the bridge had been safe for decades", "Ana Ruiz"),
        id="countered-that",
    ),
    pytest.param(
        "Ana Ruiz reminded residents that the bridge was safe.",
        ("the bridge was safe", "Ana Ruiz"),
        id="reminded-someone-that",
    ),
    pytest.param(
        "Ana Ruiz told the Halden Gazette: the bridge will reopen in May.",
        ("the bridge will reopen in May", "Ana Ruiz"),
        id="colon-and-no-quotation-marks",
    ),
    pytest.param(
        "Ana Ruiz spoke on Monday. The driver fled and, according to Ruiz, hid in a shed near the river.",
        ("hid in a shed near the river", "Ana Ruiz"),
        id="according-to-set-off-mid-sentence",
    ),
    pytest.param(
        "Lead levels that the agency said topped safety limits were found in two schools.",
        ("topped safety limits", None),
        id="relative-clause-content-ends-where-the-main-verb-comes-back",
    ),
    pytest.param(
        "Two people briefed on the talks said the deal was close.",
        ("the deal was close", None),
        id="people-briefed-speak-unnamed",
    ),
    pytest.param(
        "Tom Bassey was charged in May. The defence argued the evidence had been obtained illegally.",
        ("the evidence had been obtained illegally", None),
        id="the-defence-is-no-one-named",
    ),
    pytest.param(
        "Ana Ruiz says, the bridge will reopen in May.",
        ("the bridge will reopen in May", "Ana Ruiz"),
        id="comma-after-the-verb-and-a-determiner",
    ),
    pytest.param(
        "Ana Ruiz said on Twitter: the bridge will reopen in May.",
        ("the bridge will reopen in May", "Ana Ruiz"),
        id="venue-and-a-colon",
    ),
    pytest.param(
        "Tom Bassey joked that he would need a bigger boat.",
        ("he would need a bigger boat", "Tom Bassey"),
        id="joked-that",
    ),
    pytest.param(
        "Ana Ruiz briefed reporters that the talks had stalled.",
        ("the talks had stalled", "Ana Ruiz"),
        id="briefed-someone-that",
    ),
    pytest.param(
        "Some 400 ferries sailed late, according to PortWatch Ltd, a shipping data firm.",
        ("Some 400 ferries sailed late", "PortWatch Ltd"),
        id="according-to-a-source-and-its-apposition",
    ),
    pytest.param(
        "Since March, 12 states adopted at least 20 rules on fishing, according to the Halden Institute.",
        ("Since March, 12 states adopted at least 20 rules on fishing", "Halden Institute"),
        id="according-to-after-states-as-a-noun",
    ),
    pytest.param(
        "The campaign confirmed that Lowe would meet party leaders.",
        ("Lowe would meet party leaders", None),
        id="a-common-noun-confirmed-that",
    ),
    pytest.param(
        "On Friday, the Halden Labour Office announced it added 2,500 jobs in July.",
        ("it added 2,500 jobs in July", "Halden Labour Office"),
        id="announced-a-clause-whose-verb-the-tagger-reads",
    ),
    pytest.param(
        "But as Ann Roe noted, those voters will give Lowe a second look.",
        ("those voters will give Lowe a second look", "Ann Roe"),
        id="but-as-x-noted",
    ),
    pytest.param(
        "Dan Lowe explained after winning his home county on May 5, he would need 68 percent of what is left.",
        ("he would need 68 percent of what is left", "Dan Lowe"),
        id="a-long-time-phrase-and-its-comma-before-the-clause",
    ),
    pytest.param(
        "As reported by Halden Radio, the mayor was warned of the risk.",
        ("the mayor was warned of the risk", "Halden Radio"),
        id="as-reported-by",
    ),
    pytest.param(
        "But according to the Halden Institute, most farms lost money.",
        ("most farms lost money", "Halden Institute"),
        id="but-according-to",
    ),
    pytest.param(
        "In Halden, attendance at the fair was the best in a decade, Ann Roe said.",
        ("attendance at the fair was the best in a decade", "Ann Roe"),
        id="a-fronted-place-is-no-name-with-an-apposition",
    ),
    pytest.param(
        "Lowe has said for weeks he is the only candidate who can win.",
        ("he is the only candidate who can win", "Lowe"),
        id="said-for-weeks-then-a-clause",
    ),
    pytest.param(
        "Lowe told the Halden Star in a story that ran this week that he believes the plan will fail.",
        ("he believes the plan will fail", "Lowe"),
        id="a-relative-that-before-the-content-that",
    ),
    pytest.param(
        "The mill flooded in May. Tom Hale Jr. warned this week that the river would flood it again.",
        ("the river would flood it again", "Tom Hale Jr"),
        id="a-name-ending-in-jr-before-the-verb",
    ),
    pytest.param(
        "Tom Hale was fined over a letter to the council, in which he wrote that he would burn the hall down.",
        ("he would burn the hall down", "Tom Hale"),
        id="a-relative-clause-with-its-own-subject-after-in-which",
    ),
    pytest.param(
        "Tom Hale skipped the vote. He spoke at a fair where, in a short talk in which he vowed that, once in office, "
        "he would cut rates, he thanked farmers.",
        (", once in office, he would cut rates", "Tom Hale"),
        id="an-aside-opening-the-content-of-a-relative-clause",
    ),
    pytest.param(
        "Ann Roe said in a post that appeared on Friday that the pier will reopen.",
        ("the pier will reopen", "Ann Roe"),
        id="a-relative-that-with-a-verb-in-ed",
    ),
    pytest.param(
        "Ann Roe predicted that advanced economies will grow 1.6 percent.",
        ("advanced economies will grow 1.6 percent", "Ann Roe"),
        id="that-before-an-adjective-in-ed",
    ),
]


@pytest.mark.parametrize(("text", "expected"), REPORTED)
def test_reported_speech_is_found_with_its_speaker(text: str, expected: tuple[str, str]) -> None:
    assert [(q.text, q.speaker) for q in quotes_of(text) if q.kind == "indirect"] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Public money aside, Ana Ruiz admitted misusing a charity.", id="lead-in-before-a-cue-with-object"
        ),
        pytest.param('"We lost our shape," Tom Bassey said as quoted by the league website.', id="as-quoted-by"),
        pytest.param("Ana Ruiz called for a public meeting in the library.", id="called-for-a-noun"),
        pytest.param("An analyst doubted its annual reports and sent its stock lower.", id="plural-noun-reports"),
        pytest.param(
            "Kerrow Foods said sales fell. The figures suggest the firm has to cut costs.",
            id="a-thing-suggesting-is-no-speaker",
        ),
        pytest.param("Police found the car in a field near the river.", id="finding-a-thing-is-no-finding"),
        pytest.param("Police, who arrived at 2am, found that the door had been forced.", id="police-finding"),
        pytest.param("Ana Ruiz said goodbye to the crowd.", id="said-and-no-clause"),
        pytest.param("Ana Ruiz said on Monday.", id="said-and-a-time"),
        pytest.param("Ana Ruiz said a prayer for the victims of the crash.", id="said-a-prayer"),
        pytest.param("Ana Ruiz said no to the deal on the bridge.", id="said-no-to"),
        pytest.param("Ana Ruiz said goodbye, and the crowd cheered loudly.", id="said-goodbye-and-a-clause"),
        pytest.param("Ana Ruiz said in a statement, adding nothing more.", id="said-in-a-statement-and-a-participle"),
        pytest.param("Halden Foods posted a loss of $3 million in May.", id="posted-a-loss"),
        pytest.param("Ana Ruiz made clear progress on the bridge.", id="made-clear-progress"),
        pytest.param("Ana Ruiz pointed to the cracks in the bridge.", id="pointed-to"),
        pytest.param("Demand for steel continued to rise in May.", id="continued-to"),
        pytest.param("Tom Bassey accepted the award on behalf of the team.", id="accepted-a-thing"),
        pytest.param(
            "The Halden Council warned people to keep away from pills that contained TXR.",
            id="warned-to-and-a-relative-that-with-a-verb-in-ed",
        ),
    ],
)
def test_things_that_are_not_reported_speech(text: str) -> None:
    assert [q.text for q in quotes_of(text) if q.kind != "direct" and q.cue != "said"] == []


def test_suggesting_after_a_statement_is_no_second_statement() -> None:
    text = "The Halden Fund repeated that rates may rise, suggesting it was comfortable with market expectations."
    assert [q.text for q in quotes_of(text)] == ["rates may rise"]


def test_a_report_suggesting_speaks_for_who_released_it() -> None:
    text = "Halden Capital released a report suggesting the accounts were overstated."
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [("the accounts were overstated", "Halden Capital")]


def test_company_with_possessive_name_keeps_its_suffix() -> None:
    speakers, _ = find_quotes(
        "Kerrow's Corp. said profit will be $4 a share.",
        split_sentences("Kerrow's Corp. said profit will be $4 a share."),
    )
    assert [(s.name, s.kind) for s in speakers] == [("Kerrow's Corp.", "organisation")]


def test_quote_broken_by_a_single_line_break_is_one_quote() -> None:
    text = (
        '"The\nverdict shows that nobody is above the law," District Attorney Ana Ruiz said after the\n'
        'hearing. "The fame of the accused meant nothing in the end."\n'
    )
    assert brief(text) == [
        ("The\nverdict shows that nobody is above the law,", "direct", "Ana Ruiz"),
        ("The fame of the accused meant nothing in the end.", "direct", "Ana Ruiz"),
    ]


def test_she_said_after_a_possessive_goes_to_the_woman_named() -> None:
    text = (
        "Tom Bassey's mother Ruth Okoro told the court that she had forgiven him.\n"
        '"I miss my son every day," she said.\n'
    )
    assert brief(text)[-1] == ("I miss my son every day,", "direct", "Ruth Okoro")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "If the vote fails, Harmon said, the council will meet again.",
            ("If the vote fails, Harmon said, the council will meet again", "Harmon"),
            id="parenthetical-attribution",
        ),
        pytest.param(
            "Before the session, the mayor left the building early, the Halden Herald wrote.",
            ("the mayor left the building early", "Halden Herald"),
            id="fronted-adverbial-before-trailing-cue",
        ),
        pytest.param(
            "When the mayor spoke on Tuesday, the crowd had already left, Dana Verro said.",
            ("When the mayor spoke on Tuesday, the crowd had already left", "Dana Verro"),
            id="fronted-subordinate-clause-is-part-of-the-content",
        ),
        pytest.param(
            "Before the session, Ana Ruiz appeared in public, the Halden daily wrote, speculating about a reshuffle.",
            ("Ana Ruiz appeared in public", "Halden"),
            id="publication-named-before-a-press-noun-and-a-participle-after-the-cue",
        ),
        pytest.param(
            "Tom Bassey's sister, Maria, gave a statement, telling the court she had forgiven him.",
            ("she had forgiven him", "Maria"),
            id="possessive-and-apposed-name",
        ),
    ],
)
def test_attribution_in_unusual_places(text: str, expected: tuple[str, str]) -> None:
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [expected]


def test_quote_introduced_after_an_addressee_with_apposition_is_the_askers() -> None:
    text = (
        'Councillor Ian Hale said: "The complaints keep coming."\n'
        'He asked Cllr Ana Ruiz, cabinet member for roads: "Will you apologise to the residents?"\n'
    )
    assert brief(text)[-1] == ("Will you apologise to the residents?", "direct", "Ian Hale")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The engineers, who said the design had flaws, left the company in May.",
            [("the design had flaws", None)],
            id="relative-who-said",
        ),
        pytest.param(
            "Radon reached levels that the agency said topped safety limits.",
            [("topped safety limits", None)],
            id="relative-that-x-said",
        ),
        pytest.param(
            "Tom Bassey asked the judge for mercy and said he would appeal the verdict.",
            [("he would appeal the verdict", "Tom Bassey")],
            id="second-verb-after-and",
        ),
        pytest.param(
            "Sen. Ann Roe co-chair of the committee says the bill will pass this week.",
            [("the bill will pass this week", "Ann Roe")],
            id="apposition-without-commas",
        ),
        pytest.param(
            "Acme, the world's largest widget maker, said it would cut 500 jobs.",
            [("it would cut 500 jobs", "Acme")],
            id="organisation-with-apposition",
        ),
        pytest.param(
            "A leaked memo says the plant will close in March.",
            [("the plant will close in March", None)],
            id="document-speaks",
        ),
        pytest.param(
            "Harlow Council said the road would reopen, according to the Halden Herald.",
            [("the road would reopen", "Harlow Council")],
            id="according-to-the-press-reporting-a-speaker",
        ),
        pytest.param(
            "Acme reported earnings of $2.40 a share, beating analyst estimates of $2.15 a share.",
            [],
            id="noun-is-not-a-cue",
        ),
        pytest.param(
            "Twenty-three states led by Halden and two unions are fighting the rules in court.",
            [],
            id="a-number-before-states-makes-a-noun",
        ),
        pytest.param(
            "On Monday they will face the agency, 14 states, two unions and several towns backing the rules.",
            [],
            id="a-count-of-states-in-a-list",
        ),
        pytest.param(
            "Ana Ruiz, 25, says she has never voted.",
            [("she has never voted", "Ana Ruiz")],
            id="an-age-set-off-by-commas-is-no-count",
        ),
        pytest.param(
            "Deputy Mayor, Oren Vask, at a briefing in Tarnby on Friday said the figures are wrong.",
            [("the figures are wrong", "Oren Vask")],
            id="phrase-between-subject-and-verb",
        ),
        pytest.param(
            "Oren Vask at the time said he would review the contract.",
            [("he would review the contract", "Oren Vask")],
            id="time-phrase-between-subject-and-verb",
        ),
        pytest.param(
            "Kerrow Foods itself said the merger was off.",
            [("the merger was off", "Kerrow Foods")],
            id="reflexive-between-subject-and-verb",
        ),
        pytest.param("The mill said the sale was off.", [("the sale was off", None)], id="common-noun-subject"),
        pytest.param(
            "But some families said they had waited a year for a place.",
            [("they had waited a year for a place", None)],
            id="unnamed-group-subject",
        ),
        pytest.param("Staff with chronic stress sleep badly, the nurses found.", [], id="noun-like-a-verb"),
        pytest.param("The findings suggest the drug is safe.", [], id="an-inference-is-no-speech"),
        pytest.param(
            "Mira Solberg said ferries aren't a cheap way to cross the bay.",
            [("ferries aren't a cheap way to cross the bay", "Mira Solberg")],
            id="contracted-verb-in-the-clause",
        ),
        pytest.param(
            "About 40 boats left the harbour each day, Mira Solberg said.",
            [("About 40 boats left the harbour each day", "Mira Solberg")],
            id="number-after-a-preposition-before-a-trailing-cue",
        ),
        pytest.param(
            "Walking an hour a day was linked to fewer falls, Mira Solberg said.",
            [("Walking an hour a day was linked to fewer falls", "Mira Solberg")],
            id="gerund-subject-before-a-trailing-cue",
        ),
        pytest.param(
            '"We are stunned" by the closure of the mill, Mira Solberg said.',
            [('"We are stunned" by the closure of the mill', "Mira Solberg")],
            id="quotation-going-on-before-a-trailing-cue",
        ),
        pytest.param(
            'Tove Lund, who called the plan "a farce," said she would vote against it.',
            [("she would vote against it", "Tove Lund")],
            id="relative-clause-with-a-quotation-before-the-verb",
        ),
        pytest.param(
            "The campaign says the candidate will speak in Tarnby on Friday.",
            [("the candidate will speak in Tarnby on Friday", None)],
            id="says-after-a-common-noun-is-a-verb",
        ),
        pytest.param(
            "Tove Lund voted early. She says she's given up on the ferry.",
            [("she's given up on the ferry", "Tove Lund")],
            id="contracted-pronoun-opens-the-clause",
        ),
        pytest.param(
            "Tove Lund voted early. Still, she says, the long winter has cost her customers.",
            [("the long winter has cost her customers", "Tove Lund")],
            id="connective-before-a-parenthetical-cue",
        ),
        pytest.param(
            "The retired keeper said fans misjudge the coach.",
            [("fans misjudge the coach", None)],
            id="bare-noun-and-a-verb-no-list-knows",
        ),
        pytest.param(
            "Tove Lund said each hour of sleep lifts the score.",
            [("each hour of sleep lifts the score", "Tove Lund")],
            id="quantifier-opens-the-clause",
        ),
        pytest.param(
            "Tove Lund, though, said she's against the new toll.",
            [("she's against the new toll", "Tove Lund")],
            id="contracted-verb-before-a-preposition",
        ),
        pytest.param("Tove Lund said it again at the rally.", [], id="said-it-again"),
        pytest.param(
            "Tove Lund, citing a survey by the Tarnby Times, said that most tenants pay too much.",
            [("most tenants pay too much", "Tove Lund")],
            id="participle-clause-before-the-verb",
        ),
        pytest.param(
            'Ten minutes later, Tove Lund wrote, "The bridge will not reopen this year."',
            [("The bridge will not reopen this year.", "Tove Lund")],
            id="time-phrase-before-a-cue-is-no-content",
        ),
        pytest.param(
            "In a letter to the paper, her deputy, Tove Lund, said: “The mayor backs the plan.”",
            [("The mayor backs the plan.", "Tove Lund")],
            id="role-before-a-name-is-no-content",
        ),
        pytest.param(
            "At dawn, the Tarnby Times reported at least six boats sank in the storm.",
            [("at least six boats sank in the storm", "Tarnby Times")],
            id="at-least-opens-a-clause",
        ),
        pytest.param(
            '"It was a fine fair," Tove Lund said calmly as the rain began.',
            [("It was a fine fair,", "Tove Lund")],
            id="manner-and-time-after-the-verb-is-no-content",
        ),
        pytest.param(
            "Tove Lund claimed later in a radio interview that the port was in decline.",
            [("the port was in decline", "Tove Lund")],
            id="adverb-and-venue-before-that",
        ),
        pytest.param(
            "Tove Lund starred in the film “Storm Riders: Oh No You Don't!” last spring.",
            [],
            id="a-title-in-quotation-marks",
        ),
        pytest.param(
            "Ivar K. Holm, head of the Tarnby port, said that although trade grew, the port lost money.",
            [("although trade grew, the port lost money", "Ivar K. Holm")],
            id="a-name-with-a-middle-initial-speaks",
        ),
        pytest.param(
            "The firm posted a small loss, beating the analysts estimate of a deeper one.",
            [],
            id="a-base-form-before-of-is-a-noun",
        ),
        pytest.param("Holm's remarks came a week after the vote.", [], id="a-possessive-before-a-verb-form"),
        pytest.param(
            "The scientists also looked at night shifts, finding that sleep fell by an hour.",
            [("sleep fell by an hour", None)],
            id="research-finding-that",
        ),
        pytest.param("Police searched the flat, finding that the lock had been forced.", [], id="police-finding-that"),
        pytest.param("The former secretary of state pushed the plan hard.", [], id="a-noun-like-bare-form"),
        pytest.param("The audit committee report was finalized in May.", [], id="a-bare-form-before-a-verb"),
        pytest.param("Editor's note: Tove Lund often insults her rivals.", [], id="a-possessives-noun"),
        pytest.param("Tarnby Port would not say whether the ferry will run.", [], id="negated-say"),
        pytest.param("Tove Lund hasn't said whether she will run.", [], id="contracted-negation"),
        pytest.param(
            "The dockers state that the cranes are unsafe.",
            [("the cranes are unsafe", None)],
            id="a-noun-like-verb-after-a-plural-subject",
        ),
        pytest.param('"Men of the Mill" is a play about the port.', [], id="a-title-opening-the-sentence"),
        pytest.param('"Get Out Now" she shouted.', [("Get Out Now", None)], id="a-title-cased-shout-is-a-quote"),
        pytest.param('"Get Out Now" I shouted.', [("Get Out Now", None)], id="a-title-cased-shout-of-the-writers"),
        pytest.param(
            "TARNBY (AP) — The port lost money last year, according to new filings.",
            [("The port lost money last year", None)],
            id="according-to-after-a-dateline",
        ),
        pytest.param(
            "Tove Lund won 70 seats, according to a council tally, but her lead is narrowing.",
            [("Tove Lund won 70 seats", None)],
            id="according-to-before-a-new-clause",
        ),
        pytest.param(
            "Lund leads by ten points in Tarnby, according to a poll, where 40 seats are at stake.",
            [("Lund leads by ten points in Tarnby", None)],
            id="according-to-before-a-relative-clause",
        ),
        pytest.param(
            "Seventy percent of registered voters say they back the new bridge.",
            [("they back the new bridge", None)],
            id="a-share-of-voters-say",
        ),
        pytest.param(
            "The ban angered the crews, many of whom say the rules are unfair.",
            [("the rules are unfair", None)],
            id="many-of-whom-say",
        ),
        pytest.param(
            "Dock workers who have fought the plan for years say it will cost jobs.",
            [("it will cost jobs", None)],
            id="a-subject-with-a-relative-clause",
        ),
        pytest.param(
            "Some say they fear a repeat of the flood.", [("they fear a repeat of the flood", None)], id="some-say"
        ),
        pytest.param("Residents want some say in the plan.", [], id="some-say-as-a-noun"),
        pytest.param(
            "Most of them, 61 percent, say they will back the harbour plan.",
            [("they will back the harbour plan", None)],
            id="an-apposition-before-say-and-no-inversion",
        ),
        pytest.param(
            "Over time, many planners say, the toll could cut traffic.",
            [("Over time, many planners say, the toll could cut traffic", None)],
            id="a-quantified-subject-in-a-parenthetical-cue",
        ),
        pytest.param("Tenants praised a warden who said and did what she had promised.", [], id="said-and-did"),
        pytest.param(
            "Tove Lund told a small crowd outside the old mill in Tarnby that the pier would reopen.",
            [("the pier would reopen", "Tove Lund")],
            id="a-long-addressee-before-that",
        ),
        pytest.param(
            "Dockers told the Tarnby Times, however, that the cranes are unsafe.",
            [("the cranes are unsafe", "Dockers")],
            id="an-aside-after-the-addressee",
        ),
        pytest.param(
            "The new ferry will sail in June, Transport Minister Tove Lund told a council hearing on Friday.",
            [("The new ferry will sail in June", "Tove Lund")],
            id="a-trailing-told-and-its-addressee",
        ),
        pytest.param(
            "The strike will last a week, dockers and union officials told the Tarnby Times.",
            [("The strike will last a week", None)],
            id="a-coordinated-subject-after-the-content",
        ),
        pytest.param(
            "Tove Lund told AFP the port would close.",
            [("the port would close", "Tove Lund")],
            id="an-agency-told",
        ),
        pytest.param(
            "The fund held two dinners this month, party spokesman Ivar Holm said.",
            [("The fund held two dinners this month", "Ivar Holm")],
            id="content-ending-in-a-time-word",
        ),
        pytest.param(
            "Tove Lund said, if elected, she would rebuild the pier.",
            [("if elected, she would rebuild the pier", "Tove Lund")],
            id="a-fronted-condition-after-said-and-a-comma",
        ),
        pytest.param(
            "In the by-election, floating voters aren't sure of either side, Tove Lund said.",
            [("floating voters aren't sure of either side", "Tove Lund")],
            id="a-participle-adjective-opening-the-content",
        ),
        pytest.param(
            "The letters were on many topics, the Tarnby Times said, including fishing rights.",
            [("The letters were on many topics, the Tarnby Times said, including fishing rights", "Tarnby Times")],
            id="including-after-a-trailing-cue",
        ),
        pytest.param(
            "Four engineers who built the pier joined the Tarnby Trust in a letter, saying that it must stay shut.",
            [("it must stay shut", None)],
            id="a-counted-group-opening-the-sentence-speaks-in-a-participle",
        ),
        pytest.param(
            "Kerrow Foods reported a better-than-forecast profit at its stores, lifted by warm weather.",
            [],
            id="reported-a-thing",
        ),
        pytest.param(
            "The lane was known locally as 'the long mile', after the old toll road.",
            [],
            id="a-name-after-known-as",
        ),
        pytest.param(
            "The harbour master said dockers distrust the new cranes.",
            [("dockers distrust the new cranes", None)],
            id="a-verb-only-the-tagger-knows",
        ),
        pytest.param(
            "The ferry carried 900 cars according to a count by the Tarnby Times, but the port disputes it.",
            [("The ferry carried 900 cars", "Tarnby Times")],
            id="according-to-a-record-without-a-comma",
        ),
        pytest.param("The pier was not built according to the plans.", [], id="according-to-plans-is-no-source"),
        pytest.param(
            "Fares will rise 4 percent, according to Acme Ltd, compared with 2 percent last year.",
            [("Fares will rise 4 percent", "Acme Ltd")],
            id="according-to-and-compared-with",
        ),
        pytest.param(
            "Turnout fell to a record low, according to Ivar Holm, an analyst who ran the count.",
            [("Turnout fell to a record low", "Ivar Holm")],
            id="according-to-and-the-sources-apposition",
        ),
        pytest.param(
            "Tove Lund told a radio host in Halden last week she would stand again.",
            [("she would stand again", "Tove Lund")],
            id="told-a-long-addressee-and-a-pronoun-clause",
        ),
        pytest.param(
            'Tove Lund told Tarnby Radio\'s "Morning Show" that nobody doubts the plan.',
            [("nobody doubts the plan", "Tove Lund")],
            id="told-a-programme-in-quotation-marks-that",
        ),
        pytest.param(
            "The landlord told the tribunal his tenant had left when he was abroad.",
            [("his tenant had left when he was abroad", None)],
            id="told-and-a-clause-with-a-later-pronoun",
        ),
        pytest.param(
            "One wore a cap. Another said he backed the mayor, though his wife did not.",
            [("he backed the mayor, though his wife did not", None)],
            id="another-said",
        ),
        pytest.param(
            "Though cycling is allowed on the pier, the anglers say wardens still check it.",
            [("wardens still check it", None)],
            id="an-adverb-between-the-tagged-subject-and-verb",
        ),
        pytest.param(
            "Tove Lund said in the second of two short posts on her page that the pier was closed.",
            [("the pier was closed", "Tove Lund")],
            id="a-longer-phrase-before-that",
        ),
        pytest.param(
            "Ivar Holm replied by saying it was usual for a pier that has just been painted to smell.",
            [("it was usual for a pier that has just been painted to smell", "Ivar Holm")],
            id="no-that-after-a-clause-of-its-own",
        ),
        pytest.param(
            "She will face a council in which 60 percent of members say she is not fit for office.",
            [("she is not fit for office", None)],
            id="a-subject-after-in-which",
        ),
        pytest.param(
            "Tove Lund said after the vote she would not stand again.",
            [("she would not stand again", "Tove Lund")],
            id="a-time-phrase-then-a-pronoun-clause",
        ),
        pytest.param(
            "Others, however, say a change is overdue.", [("a change is overdue", None)], id="others-however-say"
        ),
        pytest.param(
            "Port chairman Ivar Holm, for example, said the visit would draw wide notice.",
            [("the visit would draw wide notice", "Ivar Holm")],
            id="for-example-between-subject-and-verb",
        ),
        pytest.param(
            "At one point, Tove Lund asked for a recount.", [], id="a-time-phrase-with-a-number-is-no-content"
        ),
        pytest.param(
            "Cheering dockers who are owed wages, Tove Lund promised a pay rise.",
            [],
            id="a-participle-lead-in-with-a-relative-clause",
        ),
        pytest.param(
            "The pier is safe, Ivar Holm, Mr. Vask's chief engineer, said.",
            [("The pier is safe", "Ivar Holm")],
            id="a-possessive-role-before-a-trailing-cue",
        ),
        pytest.param(
            "Holm met Vask in 1990. Holm, an analyst at a Tarnby bank, recalled many calls with Vask.",
            [],
            id="a-name-and-its-apposition-are-no-content",
        ),
        pytest.param(
            "Speaking to the crowd, Tove Lund thanked her staff, she said.",
            [("Tove Lund thanked her staff", "Tove Lund")],
            id="participle-lead-in-is-no-content",
        ),
    ],
)
def test_reported_speech_patterns(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q.text, q.speaker) for q in quotes_of(text)] == expected


def test_a_title_with_the_sentences_comma_is_no_quote() -> None:
    text = 'The mill was sold, according to "Men of the Mill," a book by Tove Lund.'
    assert [q.text for q in quotes_of(text)] == ["The mill was sold"]


def test_a_short_exclamation_after_a_verb_of_speech_is_a_quote() -> None:
    found = quotes_of('The crowd cheered. Tove Lund said "Well Done, Tarnby!"')
    assert [("Well Done, Tarnby!" in q.text, q.speaker) for q in found] == [(True, "Tove Lund")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The council met on Monday.\n\nThe plan has failed and we must start again,\u201d Ana Ruiz said.\n",
            [("The plan has failed and we must start again,", "direct", "Ana Ruiz")],
            id="opening-mark-lost",
        ),
        pytest.param(
            "The Halden Heraldsaid the mayor would resign.",
            [("the mayor would resign", "indirect", "Halden Herald")],
            id="verb-glued-to-the-name",
        ),
        pytest.param(
            '"We will appeal.\n\n"The ruling is wrong," Ana Ruiz said.\n',
            [('We will appeal.\n\n"The ruling is wrong,', "direct", "Ana Ruiz")],
            id="quote-over-two-paragraphs-is-one-quote",
        ),
        pytest.param('The label read "Use by" and nothing else.', [], id="quoted-label"),
        pytest.param(
            'The council met on Monday.\n\nThe plan has failed and we must start again," Ana Ruiz said.\n',
            [("The plan has failed and we must start again,", "direct", "Ana Ruiz")],
            id="straight-opening-mark-lost",
        ),
        pytest.param(
            'Ana Ruiz said: "The plan has failed.\n\nWe must start again."\n',
            [("The plan has failed.", "direct", "Ana Ruiz"), ("We must start again.", "direct", "Ana Ruiz")],
            id="second-paragraph-lost-its-opening-mark",
        ),
        pytest.param(
            '"The plan has failed and we must start again, Ana Ruiz said.\n',
            [("The plan has failed and we must start again,", "direct", "Ana Ruiz")],
            id="closing-mark-lost-before-the-attribution",
        ),
        pytest.param(
            '"We will appeal the ruling,"\nAna Ruiz said.\n',
            [("We will appeal the ruling,", "direct", "Ana Ruiz")],
            id="attribution-wrapped-onto-the-next-line",
        ),
        pytest.param(
            'Ana Ruiz said: "The plan has failed and\nwe must start again. It will cost\n$4 million."\n',
            [("The plan has failed and\nwe must start again. It will cost\n$4 million.", "direct", "Ana Ruiz")],
            id="quote-hard-wrapped-over-short-lines",
        ),
        pytest.param(
            "''We will appeal the ruling,'' Ana Ruiz said.",
            [("We will appeal the ruling,", "direct", "Ana Ruiz")],
            id="two-single-marks-for-a-double-one",
        ),
        pytest.param(
            "\u2018\u2018We will appeal the ruling,\u2019\u2019 Ana Ruiz said. \u201cIt is unfair.\u2019\u2019",
            [("We will appeal the ruling,", "direct", "Ana Ruiz"), ("It is unfair.", "direct", "Ana Ruiz")],
            id="two-curly-single-marks-for-a-double-one",
        ),
        pytest.param(
            "``We will appeal the ruling,'' Ana Ruiz said.",
            [("We will appeal the ruling,", "direct", "Ana Ruiz")],
            id="typewriter-quotation-marks",
        ),
        pytest.param(
            '"We will appeal the ruling," Ana Ruiztold reporters.',
            [("We will appeal the ruling,", "direct", "Ana Ruiz")],
            id="told-glued-to-the-name",
        ),
        pytest.param("Untold riches and Misreported losses were listed.", [], id="no-glued-verb-inside-a-word"),
        pytest.param(
            'Her replies were "beside the point," the filing stated She then asked for a break.',
            [('Her replies were "beside the point,"', "mixed", None)],
            id="next-sentence-glued-after-a-trailing-cue",
        ),
    ],
)
def test_scraped_copy(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert brief(text) == expected


def test_comma_after_the_verb_before_reported_content() -> None:
    assert [(q.text, q.kind) for q in quotes_of("Police said, Tom Bassey jumped on a platform and ran.")] == [
        ("Tom Bassey jumped on a platform and ran", "indirect")
    ]


def test_cue_in_a_fronted_clause_does_not_swallow_the_next_speakers_words() -> None:
    found = quotes_of("Despite what locals say, Harlow Council told the paper that it had given enough notice.")
    assert [(q.text, q.speaker) for q in found] == [("it had given enough notice", "Harlow Council")]


def test_pronoun_after_a_long_quote_refers_to_its_speaker() -> None:
    text = (
        'Councillor Ian Hale said: "The complaints keep coming."\n'
        'In response, Cllr Ana Ruiz said: "We used a contractor we know.\n'
        '"They have agreed the surface is not to standard.\n'
        '"It will cause some disruption to residents."\n'
        "She has since clarified the road will stay open until the spring.\n"
    )
    assert quotes_of(text)[-1].speaker == "Ana Ruiz"
    text = text.replace("Ana Ruiz", "Tom Bassey").replace("She has", "He has")
    assert quotes_of(text)[-1].speaker == "Tom Bassey"


def test_doubled_single_marks_quote_like_double_ones() -> None:
    text = (
        "Acme spokeswoman Jane Doe disputed the report when asked about it at a briefing, "
        "saying \u2018\u2018the figures are simply wrong.\u2019\u2019"
    )
    doubled = brief(text)
    assert [(quote.strip("\u2018\u2019"), speaker) for quote, _, speaker in doubled] == [
        ("the figures are simply wrong.", "Jane Doe")
    ]
    # read as the double marks they stand for, whatever the reader makes of a clause quoted whole
    assert [kind for _, kind, _ in doubled] == [
        kind for _, kind, _ in brief(text.replace("\u2018\u2018", "\u201c").replace("\u2019\u2019", "\u201d"))
    ]


def test_numbered_transcript_line_with_a_dash_label() -> None:
    text = "1) President Ana Ruiz met reporters.\n\n5) \u201cThat depends on the council.\u201d - Ruiz\n"
    assert brief(text) == [("That depends on the council.", "direct", "Ana Ruiz")]


def test_time_phrase_after_an_addressee_is_not_reported_content() -> None:
    text = '"We beat our plan," Ana Ruiz told Halden Radio moments after the results came out on Thursday.'
    assert brief(text) == [("We beat our plan,", "direct", "Ana Ruiz")]


def test_comma_after_the_verb_before_a_name_and_a_partial_quote() -> None:
    text = "Waterford Police arrested him. Police said, Tom Bassey \u201cjumped on a platform to hide\u201d and ran."
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("mixed", "Waterford Police")]


def test_labelled_quote_of_two_sentences_is_no_heading_and_a_role_label_names_nobody() -> None:
    text = (
        "1) President Ana Ruiz met reporters.\n\n"
        "2) \u201cCan you say when the bridge will open?\u201d - reporter\n\n"
        "3) \u201cI will not speak about dates. I will only answer questions on the budget.\u201d - Ruiz\n"
    )
    found = quotes_of(text)
    assert [(q.speaker, q.speaker_description) for q in found] == [(None, "reporter"), ("Ana Ruiz", "")]
    assert found[-1].text == "I will not speak about dates. I will only answer questions on the budget."


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "A tired Tom Bassey sat at the podium after the game.\n"
            "\u201cGood experience for the young players. We will learn from it.\u201d\n",
            "Tom Bassey",
            id="paragraph-opening-with-a-quote-after-a-person",
        ),
        pytest.param(
            "Ana Ruiz walked through the lobby when she saw the cameras.\n"
            '"I froze when she walked towards me," said one of the people who was there.\n',
            None,
            id="a-cue-on-the-line-that-names-nobody-we-know",
        ),
        pytest.param(
            "Ana Ruiz walked through the lobby.\n"
            '"I was scared when she came up to me," one witness said.\n'
            '"I told her I was only taking photos."\n',
            None,
            id="going-on-from-an-unnamed-speaker",
        ),
    ],
)
def test_quote_opening_a_paragraph_without_a_cue(text: str, speaker: str | None) -> None:
    last = quotes_of(text)[-1]
    assert last.speaker == speaker
    assert speaker is None or last.confidence < 0.7


def test_asked_someone_to_and_a_quotation_is_the_askers_request() -> None:
    text = (
        "Labour MP Jon Ash rose.\n"
        "Mr Ash asked Commons Speaker Sir Ian Hale to \u201cget the minister back to the House\u201d.\n"
    )
    assert [(q.kind, q.speaker) for q in quotes_of(text)] == [("mixed", "Jon Ash")]


def test_a_statement_below_a_cue_ending_with_a_colon_is_the_speakers_words() -> None:
    text = (
        "The board shut the pool on Monday.\n\nIn a statement, its chair, Ivar Holm, said:\n\n"
        "We regret the closure, but the roof is no longer safe. We will reopen as soon as we can.\n\n"
        "Swimmers were upset.\n"
    )
    assert brief(text) == [
        (
            "We regret the closure, but the roof is no longer safe. We will reopen as soon as we can.",
            "direct",
            "Ivar Holm",
        )
    ]


@pytest.mark.parametrize("bullet", ["", "- ", "\u2022 "])
def test_a_list_below_a_cue_ending_with_a_colon_holds_the_speakers_points(bullet: str) -> None:
    text = (
        "In a long interview, Mayor Ana Ruiz also said:\n\n"
        f"{bullet}The ferry will run again by the spring\n\n"
        f"{bullet}She is sure the budget will pass in March\n\n"
        "Watch the whole interview\n\n"
        "The council meets on Monday."
    )
    assert [(q.text, q.kind, q.speaker) for q in quotes_of(text)] == [
        ("The ferry will run again by the spring", "indirect", "Ana Ruiz"),
        ("She is sure the budget will pass in March", "indirect", "Ana Ruiz"),
    ]


def test_a_list_of_topics_below_a_colon_is_no_one_s_words() -> None:
    text = "The clerk said:\n\nRates for the coming year\n\nRoads and bridges in the north\n\nThe council met."
    assert quotes_of(text) == []


def test_a_transcript_line_below_a_colon_is_no_statement() -> None:
    text = "The mayor said:\n\nQ: Will the pool reopen this year at all, mayor?\n"
    assert [q.text for q in quotes_of(text) if q.text.startswith("Q:")] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "TARNBY, Ore. (KTRB) -- A boy was hurt in a fire on Monday, police said.",
            [("A boy was hurt in a fire on Monday", None)],
            id="a-stations-dateline-is-neither-content-nor-speaker",
        ),
        pytest.param(
            "(KTRB) -- A boy was hurt in a fire on Monday, police said.",
            [("A boy was hurt in a fire on Monday", None)],
            id="a-stations-tag-alone",
        ),
        pytest.param(
            "TARNBY (AFP) - A boy was hurt in a fire on Monday, police said.",
            [("A boy was hurt in a fire on Monday", None)],
            id="a-datelines-place-is-no-speaker",
        ),
        pytest.param("Deputies said the boy died.", [("the boy died", None)], id="said-the-boy-died"),
        pytest.param(
            "The fire spread fast, said police\nspokeswoman Mira Solberg.",
            [("The fire spread fast", "Mira Solberg")],
            id="an-attribution-cut-before-its-name",
        ),
        pytest.param(
            "The fire spread fast, said Sgt. Ivar\nHolm of the Tarnby police.",
            [("The fire spread fast", "Ivar Holm")],
            id="a-name-wrapped-onto-the-next-line",
        ),
    ],
)
def test_police_stories(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert [(q.text, q.speaker) for q in quotes_of(text)] == expected


def test_each_witness_called_in_a_court_record_answers_for_themselves() -> None:
    text = (
        "The hearing went on.\n\nIVAR HOLM, called as a witness, testified as follows:\n\n"
        "Q. Where were you that night?\n\nA. I was at home with my brother.\n\n"
        "Q. Did you see the car?\n\nA. No, I saw nothing at all.\n\n"
        "Mira Solberg, sworn, testified as follows:\n\n"
        "Q. What is your work?\n\nA. I drive the night bus to the port.\n"
    )
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [
        ("I was at home with my brother.", "Ivar Holm"),
        ("No, I saw nothing at all.", "Ivar Holm"),
        ("I drive the night bus to the port.", "Mira Solberg"),
    ]


def test_an_inverted_pronoun_subject_is_still_the_speaker() -> None:
    text = 'Tove Lund spoke. "We will win," said she.'
    assert [(q.text, q.speaker) for q in quotes_of(text)] == [("We will win,", "Tove Lund")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'But in a phone briefing for the press on Monday, Col. Ivar Holm, an army spokesman, said, "The patrol '
            'was a routine exercise."',
            [("The patrol was a routine exercise.", "direct", "Ivar Holm")],
            id="a-phrase-before-a-cue-that-opens-its-own-quotation",
        ),
        pytest.param(
            'Earlier in the day, Mayor Ana Ruiz met dock workers and pledged to "keep the harbour open for every '
            'family and every trade," the Halden Herald reported.',
            [("keep the harbour open for every family and every trade,", "direct", "Ana Ruiz")],
            id="a-time-phrase-before-the-speaker-keeps-her-quotation",
        ),
        pytest.param(
            'Particularly in the poorer districts, Ana Ruiz said, "we do not know the answer."',
            [
                ("Particularly in the poorer districts", "indirect", "Ana Ruiz"),
                ("we do not know the answer.", "direct", "Ana Ruiz"),
            ],
            id="a-phrase-that-the-quotation-after-the-cue-goes-on-from",
        ),
        pytest.param(
            "Despite a run of defeats on Tuesday, Ana Ruiz remains in the race, her campaign manager said.",
            [("Despite a run of defeats on Tuesday, Ana Ruiz remains in the race", "indirect", None)],
            id="a-clause-after-the-phrase-is-reported",
        ),
    ],
)
def test_a_lead_in_phrase_before_a_trailing_cue_is_no_reported_speech(
    text: str, expected: list[tuple[str, str, str | None]]
) -> None:
    assert brief(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # the break between the quote's two paragraphs was lost; the second repeats the opening mark
        'Site manager Ola Berg said: "It has been packed all day. "Every hall has been full since we opened." '
        'Council leader Ines Vik said on Friday: "The roads were jammed and the car parks were full."',
        # the same with the quote's first paragraph ending in a question or an exclamation
        'Site manager Ola Berg said: "Who could have planned for this? "Every hall has been full since we opened." '
        'Council leader Ines Vik said on Friday: "The roads were jammed and the car parks were full."',
    ],
)
def test_a_quote_running_on_over_a_lost_paragraph_break_keeps_its_marks_in_step(text: str) -> None:
    found = brief(text)
    assert [words for words, _, _ in found[1:]] == [
        "Every hall has been full since we opened.",
        "The roads were jammed and the car parks were full.",
    ]
    assert (found[0][1], found[0][2]) == ("direct", "Ola Berg")
    assert (found[2][1], found[2][2]) == ("direct", "Ines Vik")


def test_a_closing_mark_after_a_blank_before_a_word_is_not_read_as_a_new_quote() -> None:
    # only a finished sentence before the blank makes the mark an opening one
    text = 'Ola Berg said: "The halls were full, "busy" as never before." Then she left.'
    assert brief(text)[0][0].startswith("The halls were full")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # paragraphs glued into one sentence: a later cue ("Lind admitted") is read before the quotes ahead of it
        (
            '"I never touched him. They can look after themselves," said Ruiz. "I had a word with Per Lind and '
            'that was all. Lind is a tall lad, he copes. "They were the better side today." Lind admitted there '
            "had been words before the match.",
            ["Tomas Ruiz", "Tomas Ruiz", "Tomas Ruiz", "Per Lind"],
        ),
        # a quote that does not end its sentence goes on to the cue after it in the same sentence
        (
            'Per Lind opened the fair, calling it "a day for everyone" and said the town had earned it.',
            ["Per Lind", "Per Lind"],
        ),
    ],
)
def test_a_quote_no_cue_claims_goes_on_from_the_quote_before_it(text: str, expected: list[str]) -> None:
    intro = "Tomas Ruiz and Per Lind met on Sunday. "
    assert [speaker for _, _, speaker in brief(intro + text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # glued paragraphs: the cue with a colon opens the next paragraph and its own quote
        (
            'Site manager Ola Berg said: "It has been packed all day. "Every hall has been full since we opened." '
            'Council leader Ines Vik said on Friday: "The roads were jammed."',
            ["Ola Berg", "Ola Berg", "Ines Vik"],
        ),
        # a quote ending with a comma before the cue is still its speaker's
        ('"We were ready," Ines Vik said: "The roads were jammed."', ["Ines Vik", "Ines Vik"]),
    ],
)
def test_a_cue_introducing_its_own_quote_after_a_finished_one_leaves_that_one(text: str, expected: list[str]) -> None:
    assert [speaker for _, _, speaker in brief(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'Ana Lind also praised the advice she got from Ruiz, calling it "the most useful I have had."',
            [('it "the most useful I have had."', "mixed", "Ana Lind")],
        ),
        (
            'Ana Lind attacked the plan, describing it as "a waste of money."',
            [('it as "a waste of money."', "mixed", "Ana Lind")],
        ),
        ("Ana Lind spoke on Monday, calling for calm.", []),
        ("Ana Lind spoke on Monday, calling him a liar.", []),
    ],
)
def test_a_framing_participle_before_a_quotation_is_the_clause_subjects_cue(
    text: str, expected: list[tuple[str, str, str]]
) -> None:
    assert brief("Tomas Ruiz spoke on Monday. " + text) == expected


@pytest.mark.parametrize(
    ("word", "number", "above_one"),
    [
        ("40", True, False),  # a figure opens a clause, the plural test reads digits apart
        ("one", True, False),
        ("One", True, False),
        ("three", True, True),
        ("twenty-seven", True, True),
        ("forty-one", True, True),
        ("dozens", True, True),
        ("eighteen", True, True),
        ("one-third", False, False),
        ("ten-year", False, False),
        ("several", False, False),
        ("patients", False, False),
    ],
)
def test_number_words_come_from_one_list(word: str, number: bool, above_one: bool) -> None:
    assert (is_number(word), is_cardinal(word)) == (number, above_one)
