"""Sentence segmentation: the seed article, a table of hard cases, and invariants over arbitrary text."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfacts.extraction.sentences import Sentence, paragraphs, split_sentences

SEED = Path(__file__).resolve().parents[2] / "fixtures" / "seed-afp-iss-film.txt"

SEED_SEGMENTS = [
    ("caption", "Credit: Pixabay/CC0 public domain"),
    (
        "prose",
        "Sixty years after Soviet cosmonaut Yuri Gagarin was the first human to orbit Earth's surface, Moscow"
        " won a crucial win in the Cold War.",
    ),
    ("prose", "Russia now faces Washington in a space race."),
    ("prose", "This time, however, the stakes seem a little higher."),
    ("prose", "Yulia Peresild, 36, is one of Russia's most famous actresses."),
    ("prose", "She will be flying to the International Space Station with Klim Shipenko (38)."),
    ("prose", "Their mission?"),
    ("prose", "Film the first film from orbit before the Americans."),
    (
        "prose",
        "If everything goes according to plan, the Russians will be able to defeat Mission Impossible star "
        "Tom Cruise, and Hollywood director Doug Liman.",
    ),
    (
        "prose",
        "They were the first to announce their plans together with NASA, Space X, and billionaire Elon Musk's Space X.",
    ),
    ("prose", 'Peresild stated that he wanted to be "not only the best but also the first," AFP reported.'),
    ("prose", "The clock is ticking towards the October 5 blast-off from Kazakhstan's Baikonur Cosmodrome."),
    (
        "prose",
        "Callthe Russian project's working title was announced in September 2013, four months after the "
        "Hollywood project.",
    ),
    ("prose", "The film's grand ambitions aside, very little information is available about it."),
    ("heading", "Who is Doctor Who?"),
    (
        "prose",
        "Russian media outlets have revealed the plot of the mission, which was kept secret by the crew and "
        "Russia\u2019s space agency.",
    ),
    ("prose", "It involves a doctor who is sent to the ISS urgently to save a cosmonaut."),
    ("prose", "The Call has not disclosed its budget."),
    ("prose", "It's not secret that space travel is expensive."),
    ("prose", "NASA usually spends tens of thousands of dollars for one seat on a Soyuz rocket."),
    (
        "prose",
        "In a nod to the film's aesthetic direction Konstantin Ernst (60-year-old chief of the Kremlin-"
        "friendly Channel One television channel network) is one big name on this credit list.",
    ),
    (
        "prose",
        "Ernst has managed some of Russia's most significant moments, including President Vladimir Putin's "
        "career and military parades.",
    ),
    (
        "prose",
        "Dmitry Rogozin (the outspoken head Russia's Roscosmos Space Agency) will be featured in the credits "
        "role in theatres across the country.",
    ),
    (
        "prose",
        "He isn't known for his fame in the film industry but for leading an agency that was plagued with "
        "stagnation and corruption.",
    ),
    ("heading", '"Propaganda tool"'),
    (
        "prose",
        "Rogozin, who is 57 years old, sees the film as a way of projecting stature, since Roscosmos has lost"
        " ground in technological progress to US competitors.",
    ),
    (
        "prose",
        "According to a Moscow tabloid interview, it is part of a geopolitical war his country is involved in"
        " with Washington.",
    ),
    (
        "prose",
        "He said that cinema had been long transformed into a powerful propaganda tool in June to the popular"
        " Komsomolskaya Pravda.",
    ),
    (
        "prose",
        "His assessment of film's role comes at a moment when Washington and Moscow have become increasingly distant.",
    ),
    (
        "prose",
        "Rogozin stated in an interview that Cruise had approached Roscosmos initially in 2020 to collaborate"
        " on the film.",
    ),
    (
        "prose",
        'He said that unnamed "political" forces had pressured them into giving up on the idea to work with '
        "the Russians.",
    ),
    ("prose", 'He explained to the paper, "I realized after this that space was big politics."'),
    ("prose", '"It was then that the idea for the film appeared."'),
    ("prose", "AFP did not reach Cruise representatives for comment."),
    ("heading", '"Not a superman"'),
    (
        "prose",
        "Peresild is currently undergoing intensive training at Star City's Yuri Gagarin Cosmonaut Training "
        "Centre to prepare for the 21st century space race.",
    ),
    (
        "prose",
        "AFP spoke with her about the fact that she had previously managed the centrifuge, and she would be "
        "training in survival in hostile environments in preparation for her return to Earth on October 17 in"
        " a Soyuz capsule.",
    ),
    ("prose", "She is still focused on the task at-hand."),
    ("prose", "The tiny film set on the ISS will present a challenge for any director."),
    ("prose", "He will also be responsible for lighting, sound, and make-up."),
    ("prose", 'She says, "We will have space to film what is impossible to film on Earth."'),
    (
        "prose",
        "Peresild stated that she had never dreamed about going to space, unlike other Soviet children who "
        "were raised with Gagarin\u2019s achievements.",
    ),
    ("prose", 'She admitted to feeling "afraid" after being selected from a pool containing 3,000 applicants.'),
    ("prose", 'She told AFP, "I\'m not a superhuman."'),
    ("prose", "She stated that she was inspired by Galchonok's young people with disabilities."),
    ("prose", '"To them, picking up the spoon is like going into space."'),
    ("prose", "They must believe in the impossible."),
    ("prose", "Russia is a great place to send a film crew and a Japanese billionaire into space."),
    ("credit", "2021 AFP"),
]

HARD_CASES = [
    # Scraping glue: a lost paragraph break leaves no space after the period.
    ("It rose.Then it fell.", [("prose", "It rose."), ("prose", "Then it fell.")]),
    ("It began in 2020.He said so.", [("prose", "It began in 2020."), ("prose", "He said so.")]),
    ("They chose Space X.The firm agreed.", [("prose", "They chose Space X."), ("prose", "The firm agreed.")]),
    ('He said "go."Then he left.', [("prose", 'He said "go."'), ("prose", "Then he left.")]),
    ("She said, “We will win.”Then she left.", [("prose", "She said, “We will win.”"), ("prose", "Then she left.")]),
    ('It was over."Why?" he asked.', [("prose", "It was over."), ("prose", '"Why?" he asked.')]),
    # Subheadings glued on both sides.
    (
        'It was a scandal."Not a hero"Smith spoke later.',
        [("prose", "It was a scandal."), ("heading", '"Not a hero"'), ("prose", "Smith spoke later.")],
    ),
    (
        "It was a scandal.“Not a hero”Smith spoke later.",
        [("prose", "It was a scandal."), ("heading", "“Not a hero”"), ("prose", "Smith spoke later.")],
    ),
    (
        "Little is known.Why now?Critics say the timing matters.",
        [("prose", "Little is known."), ("heading", "Why now?"), ("prose", "Critics say the timing matters.")],
    ),
    (
        'It ended. "Not a hero"Smith trained.',
        [("prose", "It ended."), ("heading", '"Not a hero"'), ("prose", "Smith trained.")],
    ),
    (
        "What happens next?\nEngineers will replace a seal.",
        [("heading", "What happens next?"), ("prose", "Engineers will replace a seal.")],
    ),
    ("Their goal? Win the race.", [("prose", "Their goal?"), ("prose", "Win the race.")]),
    (
        '"Stop!" she shouted. "Now!"He stopped.',
        [("prose", '"Stop!" she shouted.'), ("prose", '"Now!"'), ("prose", "He stopped.")],
    ),
    ("Mr.Smith said no.Dr.Jones agreed.", [("prose", "Mr.Smith said no."), ("prose", "Dr.Jones agreed.")]),
    ('Unnamed "political"forces pressured them.', [("prose", 'Unnamed "political"forces pressured them.')]),
    # Captions and credit lines.
    (
        "Image: NASA/Bill IngallsThe rocket lifted off on time.",
        [("caption", "Image: NASA/Bill Ingalls"), ("prose", "The rocket lifted off on time.")],
    ),
    (
        "PHOTO: Getty / Jane SmithwickThe crowd cheered.",
        [("caption", "PHOTO: Getty / Jane Smithwick"), ("prose", "The crowd cheered.")],
    ),
    (
        "The ship sank.\nPhoto: Coast Guard\nRescuers arrived.",
        [("prose", "The ship sank."), ("caption", "Photo: Coast Guard"), ("prose", "Rescuers arrived.")],
    ),
    (
        "Photo credit: Jane Doe/Getty Images\nThe launch went ahead.",
        [("caption", "Photo credit: Jane Doe/Getty Images"), ("prose", "The launch went ahead.")],
    ),
    (
        "The vote passed.\n\nA crowd waves flags at a rally in Tarnby on Monday.Jo Vane / AFP - Getty Images",
        [
            ("prose", "The vote passed."),
            ("caption", "A crowd waves flags at a rally in Tarnby on Monday."),
            ("credit", "Jo Vane / AFP - Getty Images"),
        ],
    ),
    (
        "Riders cross the old bridge in Harlow. Ed Marsh / Reuters\n\nThe bridge reopened.",
        [
            ("caption", "Riders cross the old bridge in Harlow."),
            ("credit", "Ed Marsh / Reuters"),
            ("prose", "The bridge reopened."),
        ],
    ),
    (
        "Fans cheered.\n\n\u2014 Harlow Rovers (@HarlowRovers) March 4, 2022\n\nThe club thanked them.",
        [
            ("prose", "Fans cheered."),
            ("credit", "\u2014 Harlow Rovers (@HarlowRovers) March 4, 2022"),
            ("prose", "The club thanked them."),
        ],
    ),
    (
        "He left.\n\nFive great years. Thank you all.\nSee you soon pic.twitter.com/Ab12Cd\n\n"
        "\u2014 Jo Tarn (@jotarn) May 3, 2021\n\nHe joined Harlow.",
        [
            ("prose", "He left."),
            ("caption", "Five great years."),
            ("caption", "Thank you all."),
            ("caption", "See you soon pic.twitter.com/Ab12Cd"),
            ("credit", "\u2014 Jo Tarn (@jotarn) May 3, 2021"),
            ("prose", "He joined Harlow."),
        ],
    ),
    (
        "Crowds waited at the pier on Sunday.Lea Marsh / AFP - Getty Images",
        [("caption", "Crowds waited at the pier on Sunday."), ("credit", "Lea Marsh / AFP - Getty Images")],
    ),
    ("The mayor spoke.\n\nTom Berry/Reuters.", [("prose", "The mayor spoke."), ("credit", "Tom Berry/Reuters.")]),
    ("The crew returned safely.© 2022 Reuters", [("prose", "The crew returned safely."), ("credit", "© 2022 Reuters")]),
    (
        "It ends here.2019 The Associated Press",
        [("prose", "It ends here."), ("credit", "2019 The Associated Press")],
    ),
    (
        "It ends here.\nCopyright 2023 Thomson Reuters. All rights reserved.",
        [("prose", "It ends here."), ("credit", "Copyright 2023 Thomson Reuters. All rights reserved.")],
    ),
    (
        "He won.\n2020 Olympic Games\nThe games were delayed.",
        [("prose", "He won."), ("heading", "2020 Olympic Games"), ("prose", "The games were delayed.")],
    ),
    (
        "Crews trained hard.\n\nReporting by Jane Doe; Editing by Sam Smith",
        [("prose", "Crews trained hard."), ("credit", "Reporting by Jane Doe; Editing by Sam Smith")],
    ),
    (
        "Towns were promised new walls. Six years on, none has been built\n\nBy staff reporter\n\nThe sea rose.",
        [
            ("heading", "Towns were promised new walls. Six years on, none has been built"),
            ("credit", "By staff reporter"),
            ("prose", "The sea rose."),
        ],
    ),
    (
        "Key points:\n- Prices up\n- Wages flat",
        [("prose", "Key points:"), ("prose", "- Prices up"), ("prose", "- Wages flat")],
    ),
    # Abbreviations, initials, numbers and addresses that end nothing.
    (
        "Mr. Smith met Dr. Jones at 9 a.m. on Jan. 5 in the U.S. capital.",
        [("prose", "Mr. Smith met Dr. Jones at 9 a.m. on Jan. 5 in the U.S. capital.")],
    ),
    (
        "Del. Ana Ruiz and Supt. Tom Hale met Cllr. Jo Tui on Monday.",
        [("prose", "Del. Ana Ruiz and Supt. Tom Hale met Cllr. Jo Tui on Monday.")],
    ),
    (
        "He lives on Main St. The rest live abroad.",
        [("prose", "He lives on Main St."), ("prose", "The rest live abroad.")],
    ),
    (
        "He lives in the U.S. The rest live abroad.",
        [("prose", "He lives in the U.S."), ("prose", "The rest live abroad.")],
    ),
    ("It joined the U.S.Army in May.", [("prose", "It joined the U.S.Army in May.")]),
    ("The U.S. Senate voted. It passed.", [("prose", "The U.S. Senate voted."), ("prose", "It passed.")]),
    (
        "Mr.\u00a0Smith left. Mrs.\u00a0Smith stayed.",
        [("prose", "Mr.\u00a0Smith left."), ("prose", "Mrs.\u00a0Smith stayed.")],
    ),
    (
        "It ranked No. 5 in the list. Others fell.",
        [("prose", "It ranked No. 5 in the list."), ("prose", "Others fell.")],
    ),
    (
        "Sales rose 3.5% to $1.2bn. Profit fell 0.4 points.",
        [("prose", "Sales rose 3.5% to $1.2bn."), ("prose", "Profit fell 0.4 points.")],
    ),
    (
        "See nasa.gov or https://www.example.com/Page?Id=3 for more. Write to j.Doe@Mail.org today.",
        [
            ("prose", "See nasa.gov or https://www.example.com/Page?Id=3 for more."),
            ("prose", "Write to j.Doe@Mail.org today."),
        ],
    ),
    (
        "Follow https://twitter.com/NASA.Contact the agency.",
        [("prose", "Follow https://twitter.com/NASA."), ("prose", "Contact the agency.")],
    ),
    (
        "Write to press@nasa.gov.More details follow.",
        [("prose", "Write to press@nasa.gov."), ("prose", "More details follow.")],
    ),
    ("He arrived at 5 p.m. Officials met him.", [("prose", "He arrived at 5 p.m."), ("prose", "Officials met him.")]),
    (
        "He lives in St. Louis. She lives on Main St. The house is old.",
        [("prose", "He lives in St. Louis."), ("prose", "She lives on Main St."), ("prose", "The house is old.")],
    ),
    (
        "J. K. Rowling wrote it. George W. Bush read it.",
        [("prose", "J. K. Rowling wrote it."), ("prose", "George W. Bush read it.")],
    ),
    ("He flew to St. Petersburg. It rained.", [("prose", "He flew to St. Petersburg."), ("prose", "It rained.")]),
    ("He joined Acme Inc. The firm grew.", [("prose", "He joined Acme Inc."), ("prose", "The firm grew.")]),
    # Ellipses and quotes that end a sentence.
    (
        '"We tried... and failed," he said. It was over... The next day was calm.',
        [
            ("prose", '"We tried... and failed," he said.'),
            ("prose", "It was over..."),
            ("prose", "The next day was calm."),
        ],
    ),
    ('"Why?" he asked. Nobody knew.', [("prose", '"Why?" he asked.'), ("prose", "Nobody knew.")]),
    ('She asked, "Why now?" Then she left.', [("prose", 'She asked, "Why now?"'), ("prose", "Then she left.")]),
    (
        'He said: "We will go. We will win." Then he left.',
        [("prose", 'He said: "We will go.'), ("prose", 'We will win."'), ("prose", "Then he left.")],
    ),
    # Paragraphs, line endings, curly apostrophes.
    (
        "Russia plans a film in orbit\n\nThe crew trains hard. They fly soon.\n\nWhat comes next\nA launch in October.",
        [
            ("heading", "Russia plans a film in orbit"),
            ("prose", "The crew trains hard."),
            ("prose", "They fly soon."),
            ("heading", "What comes next"),
            ("prose", "A launch in October."),
        ],
    ),
    ("First line here.\r\nSecond line here.\r\n", [("prose", "First line here."), ("prose", "Second line here.")]),
    (
        "Old Mac lines\rThey end in a bare return.",
        [("heading", "Old Mac lines"), ("prose", "They end in a bare return.")],
    ),
    (
        "The agency said that the launch\nwould go ahead as planned on Tuesday.",
        [("prose", "The agency said that the launch\nwould go ahead as planned on Tuesday.")],
    ),
    (
        "Russia\u2019s agency didn\u2019t comment. Gagarin\u2019s flight was first.",
        [("prose", "Russia\u2019s agency didn\u2019t comment."), ("prose", "Gagarin\u2019s flight was first.")],
    ),
    (
        "Fans insist the vote was rigged. ''We were robbed,'' said Ana Ruiz. 'It is over,' Tom Okafor said.",
        [
            ("prose", "Fans insist the vote was rigged."),
            ("prose", "''We were robbed,'' said Ana Ruiz."),
            ("prose", "'It is over,' Tom Okafor said."),
        ],
    ),
    (
        "He grew up in the '80s. The workers' union met. 'Tis the season.",
        [("prose", "He grew up in the '80s."), ("prose", "The workers' union met."), ("prose", "'Tis the season.")],
    ),
]


def assert_invariants(text: str, sentences: list[Sentence]) -> None:
    owner = [0] * len(text)
    previous_end = 0
    for position, sentence in enumerate(sentences):
        assert sentence.position == position
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text and sentence.text == sentence.text.strip()
        assert sentence.start >= previous_end
        assert sentence.kind in {"prose", "heading", "caption", "credit"}
        previous_end = sentence.end
        for i in range(sentence.start, sentence.end):
            owner[i] += 1
    assert all(count == 1 for i, count in enumerate(owner) if not text[i].isspace())


def test_seed_article_is_segmented_into_its_sentences_headings_caption_and_credit() -> None:
    text = SEED.read_text(encoding="utf-8")

    sentences = split_sentences(text)

    assert [(s.kind, s.text) for s in sentences] == SEED_SEGMENTS
    assert_invariants(text, sentences)


def test_seed_article_with_its_lost_paragraph_breaks_restored_is_segmented_the_same() -> None:
    text = SEED.read_text(encoding="utf-8")
    glued = split_sentences(text)
    # Put a line break wherever two segments touch, and a space where they were already apart.
    restored = glued[0].text + "".join(
        ("\n" if s.start == previous.end else " ") + s.text for previous, s in pairwise(glued)
    )

    sentences = split_sentences(restored)

    assert [(s.kind, s.text) for s in sentences] == SEED_SEGMENTS
    assert_invariants(restored, sentences)


@pytest.mark.parametrize(("text", "expected"), HARD_CASES, ids=[case[0][:40] for case in HARD_CASES])
def test_hard_case_is_segmented_as_expected(text: str, expected: list[tuple[str, str]]) -> None:
    sentences = split_sentences(text)

    assert [(s.kind, s.text) for s in sentences] == expected
    assert_invariants(text, sentences)


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\r\n\t ") == []


def test_offsets_point_into_the_original_text_after_leading_whitespace() -> None:
    text = "\n\n  First one.  Second one.\n"

    sentences = split_sentences(text)

    assert [(s.start, s.end) for s in sentences] == [(4, 14), (16, 27)]


# Characters that drive the segmenter's decisions, mixed with arbitrary text.
SEGMENTER_ALPHABET = st.sampled_from(list(" \n\r\t.?!…\"“”\u2018\u2019'()©:,;-/@AaBbIiSsTtUuXxZz019 "))


# Pieces of news text that glue together into scraped-looking runs.
SEGMENTER_PIECES = st.sampled_from(
    [
        " ",
        "\n",
        "\n\n",
        "\r\n",
        "the",
        "The",
        "Smith",
        "end.",
        "said.",
        "?",
        "...",
        '"',
        "\u201c",
        "\u201d",
        "Mr.",
        "U.S.",
        "No.",
        "5",
        "3.5%",
        "Credit:",
        "Photo:",
        "domainThe",
        "\u00a9",
        "2021",
        "Agency",
        "By",
        "Copyright",
        "a@b.org",
        "https://example.org/A.",
        "nasa.gov",
    ]
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.text(),
        st.text(alphabet=SEGMENTER_ALPHABET, max_size=80),
        st.lists(SEGMENTER_PIECES, max_size=40).map("".join),
    )
)
def test_any_text_is_covered_by_non_overlapping_stripped_spans(text: str) -> None:
    assert_invariants(text, split_sentences(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            'Ana Ruiz said: "The plan has failed and\nwe must start again. It will cost\n$4 million."',
            ['Ana Ruiz said: "The plan has failed and\nwe must start again.', 'It will cost\n$4 million."'],
            id="short-lines-inside-an-open-quotation",
        ),
        pytest.param(
            '"We will appeal the ruling,"\nAna Ruiz said.',
            ['"We will appeal the ruling,"\nAna Ruiz said.'],
            id="attribution-after-a-quote-ending-with-a-comma",
        ),
        pytest.param(
            "Budget cuts\nThe council met on Monday.", ["Budget cuts", "The council met on Monday."], id="heading"
        ),
        pytest.param(
            "Lowe said he meant it, but Kent pointed out the\nGovernor also won.",
            ["Lowe said he meant it, but Kent pointed out the\nGovernor also won."],
            id="a-line-ending-in-an-article",
        ),
        pytest.param(
            "Comments after the game.\n'We let it slip away', says Jon Harl\nOn the collapse:",
            ["Comments after the game.", "'We let it slip away', says Jon Harl", "On the collapse:"],
            id="a-quotation-and-its-speaker-on-a-line",
        ),
    ],
)
def test_a_line_break_inside_a_sentence_is_a_wrap(text: str, expected: list[str]) -> None:
    assert [s.text for s in split_sentences(text)] == expected


_WIRE_COPY = (
    "The city council voted on Monday to close the old\n"
    "ferry pier, ending a dispute that had run for most of\n"
    "the year.\n"
    '    "We looked at every other way to keep it open.\n'
    "None of them could be paid for. The pier has to\n"
    "close,\" the council's chair, Ada Voss, told reporters.\n"
    "    Ferry users said they would take the decision to\n"
    "court, and a lawyer for the group said the vote broke\n"
    "the council's own rules.\n"
    "    The pier was built in 1931.\n"
)


def test_wire_copy_marks_paragraphs_by_indenting_so_a_flush_line_goes_on() -> None:
    """Hard-wrapped wire copy opens each paragraph with an indented line: a flush line after a finished sentence
    ("... keep it open.\nNone of them ...") goes on with the paragraph, quotation included."""
    blocks = [_WIRE_COPY[start:end].split("\n")[0] for start, end in paragraphs(_WIRE_COPY)]
    assert blocks == [
        "The city council voted on Monday to close the old",
        '"We looked at every other way to keep it open.',
        "Ferry users said they would take the decision to",
        "The pier was built in 1931.",
    ]


def test_a_hard_wrapped_column_joins_its_short_lines_even_before_a_capital() -> None:
    text = (
        "COURT NEWS\n"
        "Mr. Tom Hale, for the prosecu-\n"
        "tion, said that the accused\n"
        "had been seen near the bank\n"
        "at noon on Tuesday. Constable\n"
        "Ann Roe said she found the\n"
        "accused asleep in a car outside\n"
        "the bank. He was arrested\n"
        "there and taken to the station\n"
        "in the town.\n"
    )
    assert [(s.kind, s.text.replace("\n", " ")) for s in split_sentences(text)] == [
        ("heading", "COURT NEWS"),
        (
            "prose",
            "Mr. Tom Hale, for the prosecu- tion, said that the accused had been seen near the bank "
            "at noon on Tuesday.",
        ),
        ("prose", "Constable Ann Roe said she found the accused asleep in a car outside the bank."),
        ("prose", "He was arrested there and taken to the station in the town."),
    ]
