"""Speakers of quotes: aliases, kinds, descriptions, references, and the cross-article ``same_speaker`` test."""

from __future__ import annotations

import pytest

from newsfacts.extraction.names import find_mentions
from newsfacts.extraction.quotes import find_quotes
from newsfacts.extraction.sentences import split_sentences
from newsfacts.extraction.speakers import Speaker, same_speaker


def read(text: str) -> tuple[list[Speaker], list[tuple[str, str | None, str]]]:
    speakers, quotes = find_quotes(text, split_sentences(text))
    return speakers, [(q.text, q.speaker, q.attribution) for q in quotes]


@pytest.mark.parametrize(
    ("a", "b", "others", "same"),
    [
        pytest.param("Dmitri Ivanov", "Ivanov", (), True, id="surname"),
        pytest.param("Dmitri Ivanov", "D. Ivanov", (), True, id="initial"),
        pytest.param("Mr Ivanov", "Dmitri Ivanov", (), True, id="honorific"),
        pytest.param("dmitri ivanov", "Dmitri Ivanov", (), True, id="case"),
        pytest.param("Paul Smith", "John Smith", (), False, id="different-first-names"),
        pytest.param("Anna Ivanova", "Ivanov", (), False, id="different-surname"),
        pytest.param("Smith", "Paul Smith", ("Paul Smith", "John Smith"), False, id="ambiguous-surname"),
        pytest.param("Smith", "Paul Smith", ("Paul Smith", "Jane Doe"), True, id="unambiguous-surname"),
        pytest.param("Halden Space Agency", "Halden", (), True, id="organisation-short-name"),
        pytest.param("Northgate Water Authority", "NWA", (), True, id="acronym"),
        pytest.param("Northgate Water Authority", "Water", (), False, id="organisation-inner-word"),
    ],
)
def test_same_speaker(a: str, b: str, others: tuple[str, ...], same: bool) -> None:
    assert same_speaker(a, b, others) is same
    assert same_speaker(b, a, others) is same


def test_later_surname_is_an_alias_of_the_full_name() -> None:
    speakers, quotes = read("Olga Brandl said the tour was over. Brandl said she would rest.")
    assert speakers == [Speaker("Olga Brandl", "person", ("Brandl",), "")]
    assert [(q[1], q[2]) for q in quotes] == [("Olga Brandl", "name"), ("Olga Brandl", "alias")]


def test_description_comes_from_a_parenthesis() -> None:
    speakers, _ = read("Ivan Petrov (the head of the national rail operator) said fares would rise.")
    assert speakers[0].description == "the head of the national rail operator"


def test_description_comes_from_an_apposition() -> None:
    speakers, _ = read("Ivan Petrov, a spokesman for the rail operator, said fares would rise.")
    assert speakers[0].description == "a spokesman for the rail operator"


def test_description_comes_from_a_copula() -> None:
    speakers, _ = read("Olga Brandl, 41, is one of the country's best-known actresses. She said she would retire.")
    assert speakers[0].description == "one of the country's best-known actresses"


def test_description_falls_back_on_the_title() -> None:
    speakers, _ = read("Appeals Court Judge Lena Sallis said the case would go ahead.")
    assert (speakers[0].name, speakers[0].description) == ("Lena Sallis", "Appeals Court Judge")


def test_organisation_speaker_has_kind_organisation() -> None:
    speakers, _ = read("Halden Space Agency said the launch was delayed.")
    assert [(s.name, s.kind) for s in speakers] == [("Halden Space Agency", "organisation")]


def test_news_agency_told_something_is_not_a_speaker() -> None:
    speakers, quotes = read('"We will not move," Ivan Petrov told Reuters.')
    assert [s.name for s in speakers] == ["Ivan Petrov"]
    assert quotes[0][1] == "Ivan Petrov"


def test_agency_reporting_a_partial_quote_is_not_its_speaker() -> None:
    _, quotes = read('Olga Brandl said she wanted to be "the first and the best," AFP reported.')
    assert quotes == [('she wanted to be "the first and the best,"', "Olga Brandl", "name")]


def test_pronoun_takes_the_person_of_matching_gender() -> None:
    text = (
        "Olga Brandl, 41, is one of the country's best-known actresses. "
        "Her director Ivan Petrov will join her on the trip. He said the crew was ready. "
        '"I am ready for it," she said.'
    )
    _, quotes = read(text)
    assert [(q[1], q[2]) for q in quotes] == [("Ivan Petrov", "pronoun"), ("Olga Brandl", "pronoun")]


def test_role_noun_takes_the_person_described_by_it() -> None:
    text = (
        "The finance minister, Ivan Petrov, met union leaders on Monday. Olga Brandl, a union official, left early. "
        "The minister said talks would go on."
    )
    _, quotes = read(text)
    assert quotes == [("talks would go on", "Ivan Petrov", "role")]


def test_company_role_noun_takes_the_company_not_the_press() -> None:
    text = "Halden Motors Ltd shut its plant, the Halden Herald reported on Monday. The company said demand had fallen."
    _, quotes = read(text)
    assert quotes == [
        ("Halden Motors Ltd shut its plant", "Halden Herald", "name"),  # the paper's own report
        ("demand had fallen", "Halden Motors Ltd", "role"),
    ]


def test_the_role_noun_of_an_unnamed_source_is_that_source_again_not_the_person_followed() -> None:
    text = (
        "A rescue deal for the port depends on the city meeting its targets, a council source said on Monday. "
        "Council leader Ana Ruiz has met the unions and is sure a deal can be found, the source said. "
        '"The unions must do whatever is needed," the source said. "Secondly, the lenders must wait," he said.'
    )
    _, quotes = read(text)
    assert [speaker for _, speaker, _ in quotes] == [None, None, None, None]


@pytest.mark.parametrize(
    "sentence",
    [
        "A Halden man held in Oslo over remarks he put on a forum said he was sorry.",
        "(Wire)A Halden man held in Oslo over remarks he put on a forum said he was sorry.",
        "Another MP opposing Ruiz denied that the letters had been withdrawn.",
        "HALDEN -- Another MP opposing Ruiz denied that the letters had been withdrawn.",
        "HALDEN, May 4 (Wire) - The man who attacked Ruiz said he was sorry.",
        "The man who attacked Ruiz said he was sorry.",
        "A friend of Per Berg said he would appeal.",
        "The fiancee of former Halden Rovers star Per Berg said she was asked to hide a box.",
        "The fianc\u00e9e of Per Berg said she was asked to hide a box.",
    ],
)
def test_a_name_inside_what_describes_an_unnamed_subject_is_not_the_speaker(sentence: str) -> None:
    speakers, quotes = read("Tomas Ruiz and Per Berg met on Sunday. " + sentence)
    assert [speaker for _, speaker, _ in quotes] == [None]
    assert speakers == []


def test_a_pronoun_cue_inside_a_named_speakers_sentence_is_that_speaker() -> None:
    text = (
        '"I just want this over," Karl Moen told the paper. Chief prosecutor Tom Vick told the paper that the longer '
        'sentence came from him since, he said, "fines do not work."'
    )
    _, quotes = read(text)
    assert quotes[-1] == ("fines do not work.", "Tom Vick", "pronoun")


def test_a_lone_surname_speaker_keeps_the_role_written_before_it() -> None:
    text = (
        'President Vance called Ruiz a visionary who helped him shape "a new policy," when the two met in 2009. '
        '"He shaped our whole century," the President said.'
    )
    _, quotes = read(text)
    assert quotes[-1] == ("He shaped our whole century,", "Vance", "role")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Berg was based in Oslo, the Sun Herald newspaper said.", "Sun Herald"),
        ("Berg was based in Oslo, the Sun Herald said.", "Sun Herald"),
        ("Berg was based in Oslo, the Halden Herald newspaper said.", "Halden Herald"),
    ],
)
def test_a_paper_whose_name_opens_with_a_weekday_reports_under_its_whole_name(text: str, name: str) -> None:
    _, quotes = read(text)
    assert quotes == [("Berg was based in Oslo", name, "name")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            'Halden Systems reported profits. Halden president and chief executive Mr Per Berg, stated: "We are glad."',
            "Per Berg",
        ),
        # words between two names that hold a verb are no title: "... officials raised the main rate"
        (
            "At the first session led by new chief Per Berg, Halden Bank officials raised the main lending rate "
            "and said more moves may come.",
            "Halden Bank",
        ),
    ],
)
def test_a_name_qualifying_a_title_of_several_role_words_is_not_the_speaker(text: str, name: str | None) -> None:
    _, quotes = read(text)
    assert [speaker for _, speaker, _ in quotes] == [name]


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("A woman named Ana Lind said the plan was fine.", "Ana Lind"),
        ("A local man identified as Per Lund said the plan was fine.", "Per Lund"),
    ],
)
def test_a_participle_giving_the_subjects_name_keeps_the_name(sentence: str, name: str) -> None:
    _, quotes = read(sentence)
    assert [speaker for _, speaker, _ in quotes] == [name]


def test_unnamed_group_speaks_for_nobody() -> None:
    speakers, quotes = read("Analysts said the merger was overdue.")
    assert speakers == [] and quotes == [("the merger was overdue", None, "none")]


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        pytest.param("Acme CEO Jane Doe said the plant would close.", "Jane Doe", "Acme's CEO", id="company-title"),
        pytest.param(
            "Senate Majority Leader John Park said the bill would pass.",
            "John Park",
            "Senate Majority Leader",
            id="body-in-title",
        ),
        pytest.param("Judge Mark Ellery QC said the delay was regrettable.", "Mark Ellery", "Judge", id="postnominal"),
        pytest.param("Del. Ana Ruiz said the bill would pass.", "Ana Ruiz", "Del.", id="abbreviated-delegate"),
        pytest.param("Supt. Ravi Okafor said the van was found.", "Ravi Okafor", "Supt.", id="abbreviated-rank"),
        pytest.param("Benicio Del Okafor said the film would open.", "Benicio Del Okafor", "", id="bare-del-is-a-name"),
        pytest.param("Labour MP Jon Ash said the vote was a farce.", "Jon Ash", "Labour MP", id="party-and-mp-before"),
        pytest.param(
            "Halden Tools Inc Chief Executive Ana Ruiz said the plant would close.",
            "Ana Ruiz",
            "Halden Tools Inc Chief Executive",
            id="company-and-capitalised-role",
        ),
        pytest.param(
            "Liberal Parliamentarian Tom Okafor said the vote was a farce.",
            "Tom Okafor",
            "Liberal Parliamentarian",
            id="role-noun-as-title",
        ),
        pytest.param(
            "Minister of Ports, Roads and Rural Affairs D M Okafor said prices would fall.",
            "D M Okafor",
            "Minister of Ports, Roads and Rural Affairs",
            id="portfolio-with-commas-and-initials",
        ),
        pytest.param(
            "Federal Minister for Water and Rural Affairs Tomas Okafor said prices would fall.",
            "Tomas Okafor",
            "",
            id="portfolio",
        ),
    ],
)
def test_titles_stay_out_of_names(text: str, name: str, description: str) -> None:
    speakers, quotes = read(text)
    assert [(s.name, s.kind) for s in speakers] == [(name, "person")]
    assert quotes[0][1] == name
    if description:
        assert speakers[0].description == description


def test_organisation_named_after_a_title_word_keeps_its_name() -> None:
    speakers, _ = read("The Global Health Organization said the trial had ended.")
    assert [(s.name, s.kind) for s in speakers] == [("Global Health Organization", "organisation")]


def test_title_without_a_name_is_not_a_speaker() -> None:
    speakers, _ = read("Ana Ruiz met the Prime Minister on Monday. The Prime Minister said talks would go on.")
    assert [s.name for s in speakers] == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("The Assistant Chief Constable said the roads were shut.", None, id="ranked-office-alone"),
        pytest.param("The Deputy Speaker said the roads were shut.", None, id="deputy-office-alone"),
        pytest.param("Mr. Major said the roads were shut.", "Major", id="honorific-before-a-title-surname"),
    ],
)
def test_an_office_after_its_rank_is_no_name(text: str, name: str | None) -> None:
    speakers, quotes = read(text)
    assert [s.name for s in speakers] == ([name] if name else [])
    assert quotes[0][1] == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("The chief executive of Acme Tools, Ana Ruiz, said the plant would close.", "Ana Ruiz", id="ceo"),
        pytest.param("Chief Constable of Halden Police, Tom Okafor, said roads were shut.", "Tom Okafor", id="rank"),
        pytest.param("The head of the Halden Water Board, Ana Ruiz, said the pipes were old.", "Ana Ruiz", id="head"),
        pytest.param("The lawyer of Tom Ray, Ana Ruiz, said the appeal was filed.", "Ana Ruiz", id="someones-role"),
    ],
)
def test_the_holder_named_after_a_role_in_a_body_speaks_not_the_body(text: str, name: str) -> None:
    _, quotes = read(text)
    assert quotes[0][1] == name


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('Ana Ruiz scored twice. "It boiled over," the Spaniard said.', id="demonym"),
        pytest.param("Ana Ruiz scored twice. The Briton said the pitch was heavy.", id="demonym-opening"),
        pytest.param('Ana Ruiz scored twice. "It boiled over," the midfielder said.', id="position-in-a-team"),
        pytest.param('Ana Ruiz took four wickets. "It swung late," the paceman said.', id="bowler"),
    ],
)
def test_a_player_called_by_nation_or_position_is_the_person_followed(text: str) -> None:
    speakers, quotes = read(text)
    assert [s.name for s in speakers] == ["Ana Ruiz"]
    assert quotes[0][1] == "Ana Ruiz"


def test_sir_with_a_first_name_is_the_same_person() -> None:
    speakers, quotes = read("Sir Alan Brigg led the inquiry. Sir Alan said the report was finished.")
    assert [s.name for s in speakers] == ["Alan Brigg"]
    assert quotes[0][1] == "Alan Brigg"


def test_participle_opening_a_sentence_is_not_part_of_the_name() -> None:
    speakers, _ = read("Sentencing Mark Ellery, the judge said the offence was grave.")
    assert all(not s.name.startswith("Sentencing") for s in speakers)


def test_surname_after_title_and_full_name_is_stored_once() -> None:
    speakers, _ = read("Senate Majority Leader John Park said the bill would pass. Park said the vote would be close.")
    assert [(s.name, s.aliases) for s in speakers] == [("John Park", ("Park",))]


def test_lone_surname_that_speaks_later_is_a_person_from_its_first_mention() -> None:
    _, quotes = read(
        "However, Okonkwo, while touring the site, described the claim as untrue. He said the report was wrong. "
        "Okonkwo said he would sue the paper."
    )
    assert quotes[0][:2] == ("the report was wrong", "Okonkwo")


def test_several_titles_before_a_name_all_stay_out_of_it() -> None:
    speakers, _ = read("Assembly Chair Dame Ida Kessel said the motion was out of time.")
    assert [s.name for s in speakers] == ["Ida Kessel"]


def test_lowercase_office_noun_takes_the_person_followed() -> None:
    _, quotes = read("Umar Bello toured the new bridge on Monday. The minister said the work was finished.")
    assert quotes == [("the work was finished", "Umar Bello", "role")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("A Harlow Borough Council spokesman said the road would reopen.", id="named-organisation-before"),
        pytest.param(
            "Harlow Borough Council closed the road. A council spokesman said the road would reopen.",
            id="organisation-noun-before",
        ),
        pytest.param(
            "Harlow Borough Council closed the road. A spokeswoman for the council said the road would reopen.",
            id="organisation-noun-after",
        ),
    ],
)
def test_spokesperson_speaks_for_the_organisation(text: str) -> None:
    speakers, quotes = read(text)
    assert [(s.name, s.kind) for s in speakers] == [("Harlow Borough Council", "organisation")]
    assert quotes[-1][:2] == ("the road would reopen", "Harlow Borough Council")


def test_unnamed_official_is_not_given_a_name() -> None:
    speakers, quotes = read("Harlow Borough Council closed the road. One resident said the road would reopen.")
    assert speakers == [] and quotes == [("the road would reopen", None, "none")]


def test_organisation_name_with_and_is_one_name() -> None:
    speakers, _ = read("Kent and Medway Fire Service said the blaze was out.")
    assert [s.name for s in speakers] == ["Kent and Medway Fire Service"]


def test_two_titled_people_joined_by_and_are_two_people() -> None:
    speakers, _ = read(
        "Agency Director Eric Holm and Medical Director Mia Sand met the press. Holm said the outbreak was contained."
    )
    assert ("Eric Holm", "person") in [(s.name, s.kind) for s in speakers]


def test_day_between_subject_and_verb() -> None:
    _, quotes = read("Finance Minister Ana Ruiz on Tuesday said the budget would be cut.")
    assert quotes == [("the budget would be cut", "Ana Ruiz", "name")]


def test_pronoun_after_a_fronted_clause_is_not_its_object() -> None:
    text = (
        "Judge Mark Ellery heard the case of Tom Bassey. "
        "Fining Bassey 300 pounds for the breach, he said he hoped others would take note."
    )
    _, quotes = read(text)
    assert quotes[-1][:2] == ("he hoped others would take note", "Mark Ellery")


@pytest.mark.parametrize(
    ("text", "description"),
    [
        pytest.param("A senior official said the talks had failed.", "A senior official", id="anonymous-person"),
        pytest.param("Analysts said the merger was overdue.", "Analysts", id="unnamed-group"),
        pytest.param("The talks failed, his family said.", "his family", id="relation"),
        pytest.param(
            "Ana Ruiz's office said the talks had failed.", "Ana Ruiz's office", id="someone-of-a-named-person"
        ),
        pytest.param("Ana Ruiz said the talks had failed.", "", id="named-speaker-has-none"),
    ],
)
def test_unnamed_source_is_described_never_named(text: str, description: str) -> None:
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [q.speaker_description for q in quotes] == [description]
    assert description == "" or quotes[0].speaker is None


@pytest.mark.parametrize(
    ("text", "reported", "description"),
    [
        # The rules find no subject here; the dependency parser's subject of the second verb is the first verb's.
        pytest.param(
            "The dockers' families watched the hearing on Friday, according to their lawyer, and said they left with "
            "more doubts than before.",
            "they left with more doubts than before",
            "The dockers' families",
            id="second-verb-after-and",
        ),
        # A relative clause after "there are": its verb's subject is the noun the clause modifies.
        pytest.param(
            "There are some doctors who say the clinic should close.",
            "the clinic should close",
            "some doctors",
            id="relative-clause",
        ),
    ],
)
def test_parser_finds_the_subject_no_rule_finds(text: str, reported: str, description: str) -> None:
    quotes = find_quotes(text, split_sentences(text))[1]
    found = [(q.text, q.speaker, q.speaker_description) for q in quotes if q.text == reported]
    assert found == [(reported, None, description)]


def test_parser_subject_is_not_taken_for_a_verb_with_an_object() -> None:
    text = "The families of the dockers, in a letter, reported heavy losses over the winter."
    assert find_quotes(text, split_sentences(text))[1] == []


def test_pronoun_after_an_unnamed_source_keeps_its_description() -> None:
    text = '"We are closing the plant," a company spokesman said. "It was a hard decision," he added.'
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(None, "a company spokesman")] * 2


def test_a_person_described_but_never_named_is_described_in_their_quotes() -> None:
    text = (
        "A fiery coach made headlines on Sunday. The coach, known for his temper, was booked.\n"
        '"It was a good goal," he said. "I said nothing."\n'
    )
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(None, "A fiery coach")] * 2


def test_the_person_a_lede_introduces_unnamed_is_the_one_named_next() -> None:
    _, quotes = read(
        "A SEVEN-YEAR-OLD boy saw the fight through a hole in the wall, he told the court yesterday.\n\n"
        "Tom Bassey, whose name was released by the judge, described the night on a video screen.\n\n"
        "Ann Lee, for the prosecution, said the victim was asphyxiated.\n\n"
        "'Mum did not wake up,' the boy said.\n"
    )
    assert [q[1] for q in quotes] == ["Tom Bassey", "Ann Lee", "Tom Bassey"]


def test_a_local_story_of_a_family_a_landlord_and_a_council() -> None:
    speakers, quotes = read(
        "A Halden family says they were left without heating for three weeks.\n\n"
        "Sarah Mills, 34, lives in the flat with her husband and their two children.\n\n"
        '"We had to boil kettles just to wash the kids," she said.\n\n'
        "The landlord, Peter Grant, told the Halden Echo he had sent an engineer twice. "
        '"The boiler is old but it works," he said.\n\n'
        "A spokesperson for Halden Council said officers would visit the flat. "
        '"We take these reports very seriously," they added.\n'
    )
    assert [(s.name, s.aliases) for s in speakers] == [
        ("Sarah Mills", ()),
        ("Peter Grant", ()),
        ("Halden Council", ()),
    ]
    # The family's report comes first, unnamed: "A Halden family says they were left ...".
    assert [q[1] for q in quotes] == [
        None,
        "Sarah Mills",
        "Peter Grant",
        "Peter Grant",
        "Halden Council",
        "Halden Council",
    ]


def test_others_are_an_unnamed_group() -> None:
    text = "Neighbours were shocked. Others said he was often seen shopping for his wife."
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(None, "Others")]


def test_office_holders_spokesman_without_a_seat_named_is_described() -> None:
    text = "The Prime Minister's official spokesman said talks would go on."
    quotes = find_quotes(text, split_sentences(text))[1]
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(None, "The Prime Minister's official spokesman")]


@pytest.mark.parametrize(
    "name",
    [
        "Greyfield Analytics",
        "Harbour Management",
        "Tolland Investments",
        "Halden Growers Assn.",
        "Tarn Bros.",
        "Tarnby United",
        "Renters United",
    ],
)
def test_company_named_like_a_person_is_an_organisation_by_its_last_word(name: str) -> None:
    speakers, _ = read(f"{name} said sales fell.")
    assert [(s.name, s.kind) for s in speakers] == [(name, "organisation")]


def test_a_person_described_by_age_is_not_the_club_that_sacked_him() -> None:
    _, quotes = read(
        "Tom Ruiz has agreed to coach Halden.\n\nHe was sacked by Tarnby United in May.\n\n"
        'The 41-year-old said: "We start work on Monday."'
    )
    assert [speaker for _, speaker, _ in quotes] in ([None], ["Tom Ruiz"])  # a guess at most, never the club


def test_the_united_states_is_still_a_place() -> None:
    text = "The United States said the talks would resume."
    assert [m.kind for m in find_mentions(text, split_sentences(text))] == ["unknown"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Acme Holdings sued Borex Ltd on Monday. It said the patent had been copied.",
            "Acme Holdings",
            id="the-subject-before-the-organisation-named-last",
        ),
        pytest.param(
            "The Halden Council warned people about pills sold online by Tarnco Ltd.\n\n"
            '"Nobody should swallow these capsules," it said on its website.',
            "Halden Council",
            id="the-subject-before-a-firm-named-last",
        ),
    ],
)
def test_it_said_refers_to_the_organisation_the_story_is_about(text: str, speaker: str) -> None:
    _, quotes = read(text)
    assert [s for _, s, _ in quotes][-1] == speaker


def test_she_is_not_a_company_named_like_a_person() -> None:
    """A firm whose name reads like a person's ("Harbour Management") is no antecedent for "she"."""
    _, quotes = read(
        'Harbour Management\'s offer expires on Friday. "We were surprised," said Dana Wex, a Tolland spokeswoman. '
        "The board was discussing the Harbour Management offer. She said a statement would follow."
    )
    assert quotes[-1][:2] == ("a statement would follow", "Dana Wex")


def test_name_qualifying_a_role_is_not_the_subject() -> None:
    _, quotes = read("Okafor spokeswoman Jane Doe defended the plan on Monday, saying it would save money.")
    assert quotes == [("it would save money", "Jane Doe", "name")]


# (text, the last quote's speaker): who speaks, one rule a row.
RIGHT_SPEAKER = [
    pytest.param(
        'Ruth Okoro said: "The road is a mess."\n\nHer son Tom Okoro, from Mill Lane, also criticised the council.\n\n'
        'The 44-year-old said: "Nobody told us anything."\n',
        "Tom Okoro",
        id="n-year-old-is-the-person-followed",
    ),
    pytest.param(
        "At the board's opening session led by new chair Ana Ruiz, Halden Bank officials raised the rate and said "
        "more rises could follow.\n",
        "Halden Bank",
        id="name-in-a-fronted-phrase-is-not-the-subject",
    ),
    pytest.param(
        "Retail chain Halden Foods cut its outlook on Wednesday.\n\nSales fell, within Halden Foods' forecast. "
        "Analysts had expected a decline, according to research firm Metrix Data.\n\n"
        "The company said it expected sales to be flat.\n",
        "Halden Foods",
        id="the-company-is-the-one-the-story-is-about",
    ),
    pytest.param(
        "Residents Tom and Ruth Okoro were unhappy.\n"
        "Tom, 62, called it silly, quipping: \u2018It is still soft.\u2019\n"
        "He added: \u2018They can surely find some slabs.\u2019\n",
        "Tom Okoro",
        id="first-name-of-a-couple-sharing-a-surname",
    ),
    pytest.param(
        'Tourism minister Amir Hakim was there.\n"You prove it to me," Amir, who is also an MP, said.\n',
        "Amir Hakim",
        id="lone-first-name-of-one-person-named-before",
    ),
    pytest.param(
        'Police arrested Nick Brand, who apologised and admitted "he did not realise how serious this was".\n',
        "Nick Brand",
        id="relative-clause-after-a-name-with-a-second-verb",
    ),
    pytest.param(
        "Ana Ruiz met Tom Bassey, who told her the plan had failed.\n", "Tom Bassey", id="relative-clause-after-a-name"
    ),
    pytest.param(
        "The survey was run by the Northern Road Safety Association.\n\n"
        "According to the NRSA, drivers were slower than in any year before.\n",
        "Northern Road Safety Association",
        id="acronym-of-an-organisation-named-before",
    ),
    pytest.param(
        "The trial was run by the World Health Organization.\n\n"
        '"Other uses would need new trials," the WHO release added.\n',
        "World Health Organization",
        id="acronym-that-is-an-ordinary-word-issuing-a-document",
    ),
    pytest.param(
        "The Central Bank of Halden raised rates on Tuesday. The bank's board met for two days.\n"
        "The Bank said in a statement that rates would rise. It added that prices were stable.\n",
        "Central Bank of Halden",
        id="it-after-the-institution",
    ),
    pytest.param(
        "The interim cabinet will organise a vote within a year, the foreign minister announced on Friday.\n\n"
        "Foreign Minister Omar Haddad told reporters that the cabinet was only transitional.\n",
        "Omar Haddad",
        id="role-in-a-wire-lede-is-the-person-introduced-next",
    ),
    pytest.param(
        "University of Halden Police detained a student on Monday over a theft, the department wrote.\n",
        "University of Halden Police",
        id="the-only-organisation-named-so-far",
    ),
    pytest.param(
        "Halden Council's annual report said the roads were in poor shape.\n",
        "Halden Council",
        id="document-speaks-for-who-issued-it",
    ),
]


RIGHT_SPEAKER += [
    pytest.param(
        "Published 07:10 AM\nHalden shares fell on Monday after the chip maker said profits had halved.\n",
        "Halden",
        id="unit-after-a-number-is-no-organisation",
    ),
    pytest.param(
        "(Reuters) - Halden shares fell after the chip maker cut its forecast and said demand was weak.\n",
        "Halden",
        id="agency-tag-in-brackets-is-not-the-subject",
    ),
    pytest.param(
        'Halden shares fell. "Sales were weak," said Barclays analyst Ana Ruiz.\n',
        "Ana Ruiz",
        id="inverted-subject-after-an-employer-and-role",
    ),
    pytest.param(
        'Ana Ruiz spoke on Monday.\nShe said Tom Bassey was not aware of it. "He did not know," she said.\n',
        "Ana Ruiz",
        id="pronoun-subject-keeps-the-person-followed",
    ),
    pytest.param("Downing Street said the talks would go on.\n", "Downing Street", id="place-named-institution"),
    pytest.param(
        "Downing Street denied the report. The Prime Minister's official spokesman said talks would go on.\n",
        "Downing Street",
        id="office-holders-spokesman-speaks-for-the-seat-named",
    ),
    pytest.param(
        "Downing Street denied the report. The PM's official spokesman said talks would go on.\n"
        '"We are calm," he said.\n',
        "Downing Street",
        id="pronoun-after-a-spokesman",
    ),
    pytest.param("A White House spokeswoman said the trip was short.\n", "White House", id="body-before-spokeswoman"),
    pytest.param(
        "Downing Street denied it. A spokesman for the Prime Minister said talks would go on.\n",
        "Downing Street",
        id="spokesman-for-an-office-holder",
    ),
    pytest.param("A No 10 spokesman said talks would go on.\n", "Downing Street", id="seat-named-by-its-number"),
    pytest.param(
        "Mayor Ann Lee and Police Chief Tom Ray met residents on Monday. They said the curfew would end.\n",
        "Ann Lee",
        id="they-after-two-people-joined-by-and",
    ),
    pytest.param("Halden shares fell. They said the curfew would end.\n", None, id="they-after-no-pair-names-nobody"),
    pytest.param(
        "Tom Ray met Maria Lopez on Monday. She said she would appeal.\n",
        "Maria Lopez",
        id="pronoun-agrees-with-the-gender-of-a-first-name",
    ),
    pytest.param(
        "Tom and Ethel Okoro married in 1950. Mr Okoro said she was still the boss.\n",
        "Tom Okoro",
        id="honorific-agrees-with-the-gender-of-a-first-name",
    ),
    pytest.param(
        '"We are not worried," said a company spokeswoman, Jane Roe.\n', "Jane Roe", id="named-after-an-inverted-role"
    ),
    pytest.param(
        "O.C. Health Deputy Director Ann Lee and Medical Director Tom Ray met the press. They said cases had risen.\n",
        "Ann Lee",
        id="they-after-two-titled-people",
    ),
    pytest.param(
        "Mayor Ann Lee met the family. The driver was taken to County Holding, she said.\n",
        "Ann Lee",
        id="name-after-a-preposition-of-place-is-not-the-person-followed",
    ),
    pytest.param(
        "Ana Ruiz, who met Tom Bassey on Monday, said the talks went well.\n",
        "Ana Ruiz",
        id="name-in-a-relative-clause-ending-in-a-time-is-not-the-subject",
    ),
    pytest.param(
        "Tom Bassey was charged. According to Tom Bassey's lawyer, the charges were false.\n",
        None,
        id="according-to-someone-of-a-person-is-not-that-person",
    ),
    pytest.param(
        "Halden Motors and Kestrel reported results. Kestrel said its profit fell. The company said demand was weak.\n",
        "Kestrel",
        id="a-name-that-says-its-is-a-company",
    ),
    pytest.param(
        "Tom Bassey died on Monday. In a statement, the family of Tom Bassey said he was a loving father.\n",
        None,
        id="the-family-of-a-person-is-not-that-person",
    ),
    pytest.param(
        "The company's chief executive, Ana Ruiz, said sales fell. The CEO added that prices would rise.\n",
        "Ana Ruiz",
        id="role-written-short-after-it-was-written-in-full",
    ),
    pytest.param(
        "A statement from Halden Police said a man was arrested. The force said he was 34.\n",
        "Halden Police",
        id="the-force-is-the-police-named",
    ),
    pytest.param(
        "Neighbours were shocked. Others said he was often seen shopping for his wife.\n",
        None,
        id="others-is-no-name",
    ),
    pytest.param(
        "Tom Bassey moved away. One local said: 'He seemed friendly.'\n", None, id="one-local-is-an-unnamed-person"
    ),
    pytest.param(
        "Brian Bassey denies the charge. But his son, who was confused, said the fight was over money.\n",
        None,
        id="his-son-is-not-him",
    ),
    pytest.param(
        "Researchers from Halden University have an answer: before birth, they say, mammals dream.\n",
        "Halden University",
        id="they-after-people-of-a-body",
    ),
    pytest.param(
        "Brian Howe denies the charge. Tom Ray, for the prosecution, spoke first. Tom Howe is his son.\n"
        "Tom, who drew a picture of the house, said that he saw the fight.\n",
        "Tom Howe",
        id="first-name-shared-by-two-is-the-one-with-a-relative",
    ),
    pytest.param(
        'Okafor spoke briefly.\n"We are relieved it is over," said Lee\'s Aunt Rosa Mbeki.\n',
        "Rosa Mbeki",
        id="inverted-subject-after-a-possessive-and-a-capitalised-relation",
    ),
    pytest.param(
        "In his reply, Minister Tom Ray said the figures were not kept. "
        "With the minister's reply, Speaker Ana Ruiz noted that keeping them was his duty.\n",
        "Ana Ruiz",
        id="a-speech-noun-after-a-possessive-is-no-cue",
    ),
    pytest.param("Halden police said a man was arrested.\n", "Halden police", id="a-places-police-in-lowercase"),
    pytest.param(
        "Halden police arrested a man. Police said he was 34.\n", "Halden police", id="police-after-a-places-police"
    ),
    pytest.param("Police in Halden said a man was arrested.\n", None, id="police-in-a-place-is-not-the-place"),
    pytest.param("Troopers said the road was icy.\n", None, id="troopers-are-unnamed"),
    pytest.param(
        "The Halden County Sheriff's Office said deputies found the car.\n",
        "Halden County Sheriff's Office",
        id="organisation-word-after-a-possessive-goes-on-with-the-name",
    ),
    pytest.param(
        "Acme Corp and its rival Beta Ltd cut jobs. Beta said it expected a recovery.\n",
        "Beta Ltd",
        id="first-word-of-an-organisations-name",
    ),
    pytest.param(
        "Tom Okoro, an analyst, called the results weak. With costs rising, Acme CEO Sam Reid's plan is at risk. "
        "He had promised staff that jobs were safe.\n",
        "Sam Reid",
        id="a-possessive-opening-its-clause-is-who-the-story-follows",
    ),
    pytest.param(
        "Sam Reid gave evidence. He then won Judge Tom Okoro's approval to leave early. "
        '"I am sorry," the 19-year-old said.\n',
        "Sam Reid",
        id="a-possessive-after-the-verb-is-not-followed",
    ),
    pytest.param(
        "Sam Reid, 44, picked the side on Friday. When asked if Tom Okoro would start, the 44-year-old said, "
        "\u201cHe is ready.\u201d"
        "\n\n\u201cI am proud of the squad,\u201d he added.\n",
        "Sam Reid",
        id="a-name-in-a-fronted-clause-is-not-who-the-story-follows",
    ),
    pytest.param(
        "\u201cWe will find them,\u201d Halden police Chief Tom Okoro said.\n",
        "Tom Okoro",
        id="a-body-before-a-title-after-a-quote",
    ),
    pytest.param(
        '"The trip goes ahead," White House press secretary Tom Okoro said on Monday.\n',
        "Tom Okoro",
        id="a-seat-and-a-lowercase-role-before-the-name-after-a-quote",
    ),
    pytest.param(
        '"She will visit six towns," Ruiz campaign spokesman Sam Reid said.\n',
        "Sam Reid",
        id="another-name-qualifying-the-role-after-a-quote",
    ),
    pytest.param(
        'Researchers read 40 papers. "Late dinners did not change sleep," lead study author Tom Okoro, a '
        "research scientist at the University of Halden, told the Halden Post.\n",
        "Tom Okoro",
        id="role-words-and-an-apposition-between-a-quote-and-its-cue",
    ),
    pytest.param(
        '"Our drills sold out in May," said CEO Ana Ruiz during a call with analysts on Thursday.\n',
        "Ana Ruiz",
        id="an-inverted-subject-with-a-capitalised-title-before-a-time-phrase",
    ),
    pytest.param(
        '"We will appeal the ruling," State spokesman Tom Okoro said on Friday.\n',
        "Tom Okoro",
        id="a-capitalised-word-spelling-a-verb-qualifies-the-title-after-a-quote",
    ),
    pytest.param(
        '"The figures do not add up," said Halden State University political scientist Ana Ruiz.\n',
        "Ana Ruiz",
        id="an-inverted-subject-after-a-body-and-two-role-words",
    ),
    pytest.param(
        '"Nobody has listened to us," said 9/11 widow Ana Ruiz.\n',
        "Ana Ruiz",
        id="an-inverted-subject-after-a-word-with-digits",
    ),
    pytest.param(
        '"This is our best chance," said North Halden Green Party Chairman Ana Ruiz.\n',
        "Ana Ruiz",
        id="an-inverted-subject-after-a-body-of-four-words-and-a-capitalised-role",
    ),
    pytest.param(
        '"It can still work," said Halden-based party strategist Tom Okafor, speaking of the mayor.\n',
        "Tom Okafor",
        id="an-inverted-subject-after-a-hyphenated-capitalised-word",
    ),
    pytest.param(
        "Tom Okafor, a state delegate, said the vote was lost.\n",
        "Tom Okafor",
        id="a-noun-shaped-like-a-verb-of-speech-in-an-apposition-is-no-cue",
    ),
    pytest.param(
        "Ana Ruiz, a senator from the state of Halden and a former nurse, said the clinics would stay open.\n",
        "Ana Ruiz",
        id="a-verb-shaped-noun-after-an-article-in-a-long-apposition-is-no-cue",
    ),
    pytest.param(
        "Tom Okafor, Ana Ruiz's director of state campaigns, said the count was far from over.\n",
        "Tom Okafor",
        id="a-verb-shaped-noun-after-a-preposition-in-an-apposition-is-no-cue",
    ),
    pytest.param(
        'Tom Ray spoke first.\n\n"This has gone too far," said Ruiz\'s top foreign policy aide Sam Okafor.\n',
        "Sam Okafor",
        id="an-inverted-subject-after-a-possessive-and-a-qualified-role",
    ),
    pytest.param(
        'Sam Reid chaired the meeting.\n\n"How are you today?" Okafor, a retired nurse from Halden, asked the '
        "caller and said she would ring back.\n",
        "Okafor",
        id="a-lone-name-opening-its-clause-before-an-apposition",
    ),
    pytest.param(
        'Sam Reid chaired the meeting.\n\n"We sell more drills than anyone," Zantor, the largest tool maker in '
        "the region, said.\n",
        "Zantor",
        id="a-lone-organisation-name-opening-its-clause-before-an-apposition",
    ),
    pytest.param(
        '"Nothing changes for us," said Halden spokesman Navy Capt. Tom Okoro, who was asked about the plan.\n',
        "Tom Okoro",
        id="an-inverted-subject-with-its-own-title-after-a-body-and-a-role",
    ),
    pytest.param(
        'Sam Reid spoke first. "We will win," he said.\n\n"They cannot feed their kids," Fair Pay for All '
        "organising director Ana Ruiz told the Halden Post.\n",
        "Ana Ruiz",
        id="words-qualifying-the-role-between-a-quote-and-its-named-subject",
    ),
    pytest.param(
        'Sam Reid spoke first. "We will win," he said.\n\n"Go, team, go," Halden\'s Green League leader Ana Ruiz '
        "wrote on Facebook.\n",
        "Ana Ruiz",
        id="a-possessive-and-a-body-qualifying-the-role-after-a-quote",
    ),
    pytest.param(
        'Ana Ruiz spoke first. "We will win," she said.\n\n"I am voting for him anyway," one said.\n',
        None,
        id="one-after-a-quote-is-someone-unnamed-not-the-last-speaker",
    ),
    pytest.param(
        "The mayor won by 1,500 votes, according to the Associated Press.\n",
        "Associated Press",
        id="an-agency-according-to-which-something-happened-is-its-source",
    ),
    pytest.param(
        "The mayor won by 1,500 votes, according to the Halden Courier.\n",
        "Halden Courier",
        id="an-institution-named-like-a-place-after-according-to",
    ),
    pytest.param(
        "The mayor won, according to the Halden County tally.\n",
        None,
        id="a-tally-named-after-a-place-is-no-institution",
    ),
    pytest.param(
        "Halden Books turned down the bid, according to a banking executive familiar with the deal.\n",
        None,
        id="an-indefinite-role-after-according-to-is-someone-unnamed-not-the-body-named-before",
    ),
    pytest.param(
        "Ana Ruiz criticised the plan at a private dinner, according to a person who attended.\n",
        None,
        id="an-indefinite-person-after-according-to-is-not-the-person-in-the-content",
    ),
    pytest.param(
        "Tom Okafor spoke first.\n\nAccording to a Halden radio interview, the war is part of a wider plan.\n",
        "Tom Okafor",
        id="an-indefinite-interview-after-according-to-is-still-the-person-followed",
    ),
    pytest.param(
        "Tom Okafor lost again.\n\nBut progressive groups that have endorsed him say they want a recount.\n",
        None,
        id="an-object-pronoun-ending-a-relative-clause-is-not-the-subject",
    ),
    pytest.param(
        "Ana Ruiz spoke on Monday.\n\nIndeed, proponents of curbs on hate speech here say the link is clear.\n",
        None,
        id="a-plural-group-whose-phrase-holds-a-media-word-is-not-the-speaker-followed",
    ),
    pytest.param(
        '"We will go on," Ana Ruiz said, according to Reuters.\n',
        "Ana Ruiz",
        id="an-agency-reporting-what-someone-said-is-not-the-speaker",
    ),
    pytest.param(
        "Speaking to volunteers at HLP offices, Ana Lindqvist, 64, said the count was far from over.\n",
        "Ana Lindqvist",
        id="a-fronted-participle-phrase-naming-a-body-is-not-the-subject",
    ),
    pytest.param(
        "Presumptive Halden nominee Tom Okafor calls himself a centrist and has said he would cut taxes.\n",
        "Tom Okafor",
        id="a-nominee-qualified-by-a-name-is-the-person-named-after",
    ),
    pytest.param(
        '"Trade has picked up since June," said T.M. Okafor, a fellow at Halden University.\n',
        "T.M. Okafor",
        id="initials-written-without-a-space-are-one-name",
    ),
    pytest.param(
        "The U.S. State Department said the talks would resume.\n",
        "U.S. State Department",
        id="an-initialism-opens-an-organisations-name",
    ),
    pytest.param(
        "The Halden Chamber of Commerce said on Monday it would keep the statue.\n",
        "Halden Chamber of Commerce",
        id="a-chamber-of-something-is-one-organisation",
    ),
    pytest.param(
        "Revenue fell 1.3 percent, according to the state Division of Harbour Enforcement.\n",
        "Division of Harbour Enforcement",
        id="a-division-of-something-is-one-organisation",
    ),
    pytest.param(
        "HALDEN — Sen. Ana Ruiz defended her plan on Friday, saying the gains would outweigh the losses.\n",
        "Ana Ruiz",
        id="a-dateline-in-capitals-is-no-lone-name-opening-the-clause",
    ),
    pytest.param(
        "At a rally in Halden, N.H., on Tuesday, Senator Ana Ruiz endorsed Tom Okafor, saying he would win.\n",
        "Ana Ruiz",
        id="a-regions-initials-after-a-place-are-no-speaker",
    ),
]

RIGHT_SPEAKER += [
    pytest.param(
        "Senator Ada Vorn wrote on her blog that the vote was rigged.\n\nPress secretary Omar Lutz said the claim "
        '"was false," but a spokesman for Vorn said the senator "has no regrets."\n',
        "Ada Vorn",
        id="coordinated-statement-of-another-speaker-is-its-own",
    ),
    pytest.param(
        "Aides said the caller was Tom Bakker, a councillor, but he told reporters he never phoned.\n",
        "Tom Bakker",
        id="pronoun-after-but-opens-its-own-statement",
    ),
    pytest.param(
        "Ministry spokesman Samir al-Haddad said 30 workers had been freed.\n",
        "Samir al-Haddad",
        id="surname-with-a-hyphenated-particle",
    ),
    pytest.param(
        "Brandt Optics shares fell 9 percent today after the company said sales would drop.\n",
        "Brandt Optics",
        id="name-whose-shares-trade-is-a-company",
    ),
    pytest.param(
        "Shares of Brandt Optics fell today.\n\nThe company said sales would drop.\n",
        "Brandt Optics",
        id="shares-of-a-name-make-it-a-company",
    ),
    pytest.param(
        "Brandt Optics shares fell after the company said sales would drop.\n\n"
        '"It was a shock," said Ana Ruiz, an analyst at Brekke Partners.\n\n'
        "The company said it expects a better year.\n",
        "Brandt Optics",
        id="the-company-goes-on-meaning-the-same-one",
    ),
    pytest.param(
        "Republican Sens. Ada Vorn and Omar Lutz met the mayor on Monday.\n\n"
        '"We heard nothing of the kind," they said in a statement.\n',
        "Ada Vorn",
        id="they-after-a-pair-under-a-plural-title",
    ),
    pytest.param(
        '"Who signed the order?" Mr. Vorsk said, echoing several tenants who had asked the same.\n',
        "Vorsk",
        id="cue-sentence-after-a-question-goes-on-with-a-participle",
    ),
    pytest.param(
        '"Why wait?" Ms. Vorsk said as she left the hall.\n',
        "Vorsk",
        id="cue-sentence-after-a-question-goes-on-with-as",
    ),
    pytest.param(
        '"The tax is too high," said Vorsk as he left the depot.\n',
        "Vorsk",
        id="inverted-subject-before-as",
    ),
    pytest.param(
        "Park Sung-ho, the fisheries minister, told a hearing that quotas would fall.\n",
        "Park Sung-ho",
        id="romanised-given-name-with-a-hyphen",
    ),
    pytest.param(
        "Jin Park, a nurse, said the ward was full.\n\nPark added that staff were tired.\n",
        "Jin Park",
        id="unclassified-name-before-an-apposition-and-its-surname-later",
    ),
    pytest.param(
        "Tom Baker runs the mill.\n\nHis neighbour Ana Ruiz disagrees.\n\nLars Eng, the mayor, visited on Monday.\n\n"
        '"It is too loud," she said.\n',
        "Ana Ruiz",
        id="she-is-the-woman-named-before-a-person-of-unknown-gender",
    ),
    pytest.param(
        "Orrin Electronics cut jobs.\n\nAnalysts were surprised.\n\nThe company said it would hire again.\n",
        "Orrin Electronics",
        id="electronics-names-a-company",
    ),
    pytest.param(
        'Ana Ruiz chairs the board.\n\n"We will not sell the land," she said.\n',
        "Ana Ruiz",
        id="role-noun-with-s-before-a-determiner-is-a-verb",
    ),
    pytest.param(
        "The Silver Heron put out a statement on Thursday saying the figures were wrong.\n",
        "Silver Heron",
        id="unclassified-name-after-the-opening-its-clause-is-an-institution",
    ),
    pytest.param(
        "Ana Ruiz spoke first.\n\nLee, for his part, had said roughly 90 boats sank, reports AP.\n",
        "Lee",
        id="connective-and-auxiliary-between-subject-and-verb",
    ),
    pytest.param(
        'Ana Ruiz arrived late.\n\n"We will be back," a smiling Ruiz said after the match.\n',
        "Ana Ruiz",
        id="described-name-after-a-quotation",
    ),
    pytest.param(
        "The two firms, which sent brief replies to the Halden Post, said they broke no rules.\n",
        None,
        id="common-subject-before-a-relative-clause-naming-someone",
    ),
    pytest.param(
        "Orrin Electronics cut jobs.\n\nThe company, which faced questions from the Halden Post, said it would hire.\n",
        "Orrin Electronics",
        id="role-subject-before-a-relative-clause-naming-someone",
    ),
    pytest.param(
        "Halden Tools reports on Friday, with Orrin Bank saying a strong quarter will lift the shares.\n",
        "Orrin Bank",
        id="participle-with-its-own-subject-after-with",
    ),
    pytest.param(
        'The Treasury said it had no part in the sale.\n\n"This is for the bank to decide," a spokeswoman said.\n',
        "Treasury",
        id="bare-spokeswoman-speaks-for-the-body-the-story-follows",
    ),
    pytest.param(
        "Prime Minister Teresa May said the vote was final.\n",
        "Teresa May",
        id="month-as-a-surname-after-a-first-name",
    ),
    pytest.param(
        "Benicio Del Toro said the film was done.\n",
        "Benicio Del Toro",
        id="del-without-a-full-stop-is-part-of-the-name",
    ),
    pytest.param(
        'Halden Council carefully noted that the road "will reopen in May."\n',
        "Halden Council",
        id="adverb-between-subject-and-verb",
    ),
]


def test_spokeswoman_in_the_lede_is_the_one_named_further_on() -> None:
    _, quotes = read(
        "A White House spokeswoman said the trip was short.\n\nThe visit was planned in May.\n\n"
        "White House spokeswoman Jane Roe later said it had been cut.\n"
    )
    assert [q[1] for q in quotes] == ["Jane Roe", "Jane Roe"]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        pytest.param("The bridge is unsafe, says Ana Ruiz, an engineer at the council.\n", "The bridge is unsafe"),
        pytest.param("Voters want change, said Tom Bale, a pollster.\n", "Voters want change"),
    ],
)
def test_apposition_after_an_inverted_subject_is_no_content(text: str, content: str) -> None:
    _, quotes = read(text)
    assert [q[0] for q in quotes] == [content]


def test_quotation_running_past_the_sentence_of_its_cue_is_one_quote_of_that_speaker() -> None:
    _, quotes = read('Ada Lutz is an aide. Lutz wrote that the senator "liked it. He feels good." Aides agreed.\n')
    assert [q[:2] for q in quotes] == [('the senator "liked it. He feels good."', "Ada Lutz")]


def test_reported_content_stops_before_a_trailing_agency_report() -> None:
    _, quotes = read("Lee had said roughly 90 boats sank, reports AP.\n")
    assert quotes[0][0] == "roughly 90 boats sank"


def test_reported_content_stops_where_another_speaker_is_joined_by_but() -> None:
    _, quotes = read(
        'Ada Vorn blamed the mayor.\n\nOmar Lutz said Wednesday the claim "was false," but a spokeswoman for Vorn '
        "said the senator stood by it.\n"
    )
    assert [q[:2] for q in quotes] == [
        ('the claim "was false,"', "Omar Lutz"),
        ("the senator stood by it", "Ada Vorn"),
    ]


@pytest.mark.parametrize(("text", "speaker"), RIGHT_SPEAKER)
def test_the_right_speaker(text: str, speaker: str | None) -> None:
    _, quotes = read(text)
    assert quotes[-1][1] == speaker


def test_dateline_is_not_a_speaker() -> None:
    speakers, quotes = read("Oslo: Divers have reached what they say is a lost city.\n")
    assert speakers == [] and [q[1] for q in quotes] == [None]


def test_sentences_wholly_inside_a_quote_do_not_hide_the_person_followed() -> None:
    text = (
        "Tom Bassey read a statement, telling the court he was sorry.\n\n"
        '"I never meant to hurt anyone. I think about it every day. I pray for them. I am sorry," the 19-year-old '
        "said.\n"
    )
    _, quotes = read(text)
    assert quotes[-1][1:] == ("Tom Bassey", "role")


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        pytest.param(
            "Mr Okafor also reaffirmed that the group was still united.",
            "reaffirmed",
            "the group was still united",
            id="reaffirmed",
        ),
        pytest.param(
            "Ana Ruiz expressed that she was unsure how to fix the roads.",
            "expressed",
            "she was unsure how to fix the roads",
            id="expressed-that",
        ),
        pytest.param(
            "Ana Ruiz spoke on Monday, informing listeners that the council meets twice a month.",
            "informing",
            "the council meets twice a month",
            id="informing-the-addressee",
        ),
        pytest.param(
            "Ana Ruiz spoke on Monday, assuring voters the tax would not rise.",
            "assuring",
            "the tax would not rise",
            id="assuring-the-addressee",
        ),
    ],
)
def test_more_verbs_report_a_clause(text: str, cue: str, content: str) -> None:
    _, found = find_quotes(text, split_sentences(text))
    assert [(q.cue, q.text) for q in found] == [(cue, content)]


@pytest.mark.parametrize(
    "text",
    ["Ana Ruiz expressed concern about the roads.", "The agency sent letters informing residents of the change."],
)
def test_the_new_verbs_report_nothing_without_a_clause(text: str) -> None:
    assert find_quotes(text, split_sentences(text))[1] == []


def test_quipping_introduces_a_quote() -> None:
    _, quotes = read("Tom Okoro, 62, was unhappy, quipping: \u2018It is still soft.\u2019\n")
    assert quotes == [("It is still soft.", "Tom Okoro", "name")]


def test_shortened_name_after_the_is_the_institution() -> None:
    speakers, quotes = read(
        "The Federal Reserve raised rates on Tuesday.\n"
        "The Fed repeated that further rises may be needed. It added that prices were stable.\n"
    )
    assert [(s.name, s.kind, s.aliases) for s in speakers] == [("Federal Reserve", "organisation", ("Fed",))]
    assert [q[1] for q in quotes] == ["Federal Reserve", "Federal Reserve"]


def test_shortened_name_of_two_organisations_is_neither() -> None:
    speakers, _ = read(
        "The Federal Reserve and the Federal Trade Commission met on Tuesday.\n"
        "The Fed said that further rises may be needed.\n"
    )
    assert [(s.name, s.kind) for s in speakers] == [("Fed", "organisation")]


def test_an_organisation_noun_among_several_organisations_names_none_of_them() -> None:
    _, quotes = read(
        "Halden Police and the Halden Fire Service were called. The department wrote that a man was held.\n"
    )
    assert [q[1] for q in quotes] == [None]


def test_acronym_with_a_lowercase_connector_is_the_organisation_named_before() -> None:
    speakers, quotes = read(
        'The Bank of England fined Acme on Tuesday. "The failings were serious," the BoE said.\n'
        '"Acme failed," BoE Deputy Governor and PRA Chief Executive Sam Woods said.'
    )
    assert [(s.name, s.aliases) for s in speakers] == [("Bank of England", ("BoE",)), ("Sam Woods", ())]
    assert [q[1] for q in quotes] == ["Bank of England", "Sam Woods"]


def test_an_acronym_in_brackets_is_an_alias_not_a_description() -> None:
    speakers, _ = read("The Northgate Water Authority (NWA) said the bridge would open. The NWA said tolls would rise.")
    assert [(s.name, s.aliases, s.description) for s in speakers] == [("Northgate Water Authority", ("NWA",), "")]


def test_a_name_holding_a_news_agency_is_an_organisation() -> None:
    speakers, _ = read("Analysts had expected a loss of $1.12 a share, according to Thomson Reuters.")
    assert [(s.name, s.kind) for s in speakers] == [("Thomson Reuters", "organisation")]


def test_a_ticker_in_brackets_is_an_alias_and_the_exchange_no_speaker() -> None:
    speakers, quotes = read(
        "Halvor Tools Inc. (NASDAQ: HVT) cut its forecast on Friday.\n"
        "The company said orders rose by a fifth in the spring.\n"
    )
    assert [(s.name, s.kind, s.aliases) for s in speakers] == [("Halvor Tools Inc.", "organisation", ("HVT",))]
    assert [q[1] for q in quotes] == ["Halvor Tools Inc."]


def test_a_name_after_an_organisation_noun_is_that_organisation() -> None:
    speakers, quotes = read(
        "Neighbours wrote to Halden District Council about the noise.\n"
        "Developer Brook Homes said it would move the start of work to 8 a.m.\n"
        "Inspectors found no breach of the permit, the authority said.\n"
        "The yard will get a fence which the developer said would cut the dust.\n"
    )
    assert ("Brook Homes", "organisation") in [(s.name, s.kind) for s in speakers]
    assert [q[1] for q in quotes] == ["Brook Homes", "Halden District Council", "Brook Homes"]


def test_a_company_named_by_its_chief_executive_is_an_organisation() -> None:
    speakers, quotes = read(
        "Velatel had a bad day on Monday. It announced that sales would fall.\n"
        "Tom R. Okafor, chief executive officer of Velatel, said that spring orders were strong.\n"
    )
    assert [(s.name, s.kind) for s in speakers] == [("Velatel", "organisation"), ("Tom R. Okafor", "person")]
    assert [q[1] for q in quotes] == ["Velatel", "Tom R. Okafor"]


def test_police_are_the_police_force_named_in_the_next_sentences() -> None:
    _, quotes = read(
        "Police say a van hit two parked cars in Halden on Friday night.\n\n"
        "According to Halden Police, the driver left on foot before they arrived.\n"
    )
    assert [q[1] for q in quotes] == ["Halden Police", "Halden Police"]


def test_police_are_not_another_body_the_story_names() -> None:
    _, quotes = read(
        "The Halden Inquiries Agency is looking into a crash. Police say the driver had taken a stolen van.\n"
    )
    assert [(q[1], q[2]) for q in quotes] == [(None, "none")]


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        pytest.param(
            "The bridge in Halden closed on Monday. The mayor of Halden said it would reopen in May.\n",
            None,
            "The mayor of Halden",
            id="an-unnamed-mayor-is-described-not-the-town",
        ),
        pytest.param(
            "Mayor Ana Ruiz visited the bridge. Later the mayor of Halden said it would reopen in May.\n",
            "Ana Ruiz",
            "",
            id="the-mayor-the-story-named",
        ),
        pytest.param(
            "Tom Okafor sued the Halden Post for libel. Counsel for the plaintiff said the headline misled.\n",
            None,
            "Counsel for the plaintiff",
            id="counsel-for-a-party-is-not-the-party",
        ),
    ],
)
def test_the_holder_of_a_role_speaks_not_what_they_hold_it_in(text: str, speaker: str | None, description: str) -> None:
    _, quotes = find_quotes(text, split_sentences(text))
    assert [(q.speaker, q.speaker_description) for q in quotes] == [(speaker, description)]


def test_a_title_of_agent_is_kept_out_of_the_name() -> None:
    speakers, _ = read("State Bureau Special Agent Tom Okafor said the inquiry would take a month.\n")
    assert [s.name for s in speakers] == ["Tom Okafor"]


def test_a_pronoun_that_could_mean_another_person_is_less_sure() -> None:
    def confidence(text: str) -> float:
        return find_quotes(text, split_sentences(text))[1][-1].confidence

    alone = confidence('Tom Okoro arrived at noon. "It went well," he said.\n')
    beside_another_man = confidence('Tom Okoro met Sam Reid at noon. "It went well," he said.\n')
    long_ago = confidence(
        'Tom Okoro arrived at noon. The hall was full. The vote was close. The count took an hour. "It went well," '
        "he said.\n"
    )
    assert beside_another_man < alone and long_ago < alone


def test_a_portfolio_word_inside_an_institutes_name_is_no_title() -> None:
    text = "Tom Okoro, a researcher at the Institute for Health Data and Planning, led the study.\n"
    people = [m.text for m in find_mentions(text, split_sentences(text)) if m.kind == "person"]
    assert people == ["Tom Okoro"]


def test_a_quote_opening_the_sentence_after_one_about_a_person_is_theirs() -> None:
    text = (
        "The visitors scored twice before the break.\n\nTom Okoro, the home manager, kept calm at the press "
        "conference. \u201cWe lost to a better side today. My players gave everything.\u201d\n"
    )
    _, quotes = read(text)
    assert [(q[1], q[2]) for q in quotes] == [("Tom Okoro", "continuation")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "Halvor Tools Inc. cut its forecast on Friday.\n\n"
            '"Orders for our drills doubled. We expect more in spring." The company said in a statement.\n',
            "Halvor Tools Inc.",
            id="the-company-in-the-next-sentence",
        ),
        pytest.param(
            'Tom Okoro spoke first.\n\n"Orders for our drills doubled." Ana Ruiz said on Monday.\n',
            "Ana Ruiz",
            id="a-name-in-the-next-sentence",
        ),
        pytest.param(
            'Tom Okoro spoke first.\n\n"Orders doubled." Ana Ruiz said the figures were good.\n',
            None,
            id="not-a-cue-with-its-own-content",
        ),
    ],
)
def test_a_quote_whose_speaker_the_next_sentence_gives(text: str, speaker: str | None) -> None:
    _, quotes = read(text)
    assert quotes[0][1] == speaker


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('Ana Ruiz spoke first. "The plan is sound," Acme\'s Tom Baxter said.', id="owner-before-name"),
        pytest.param('Ana Ruiz spoke first. "The plan is sound," said Acme\'s Tom Baxter.', id="inverted"),
        pytest.param(
            'Ana Ruiz spoke first. "The plan is sound," Acme\'s chief executive Tom Baxter said.', id="owner-and-role"
        ),
    ],
)
def test_a_name_after_its_organisations_possessive_is_the_speaker(text: str) -> None:
    speakers, quotes = read(text)
    assert [(q[1], q[2]) for q in quotes] == [("Tom Baxter", "name")]
    assert ("Tom Baxter", "person") in [(s.name, s.kind) for s in speakers]


def test_a_name_in_brackets_is_not_the_person_a_pronoun_follows() -> None:
    text = (
        "Coach Marco Delane praised his players. He also spoke about bringing on a defender (Ivo Lind) for a "
        'winger (Tom Baxter).\n"We got a big victory," he said.'
    )
    _, quotes = read(text)
    assert [(q[1], q[2]) for q in quotes] == [("Marco Delane", "pronoun")]


@pytest.mark.parametrize(
    ("text", "description"),
    [
        pytest.param(
            'Tom Baxter spoke at the rally. "It was the right call," said one former senior official.',
            "one former senior official",
            id="one-and-a-role",
        ),
        pytest.param(
            'Tom Baxter spoke at the rally. "I liked it," said Ana Ruiz. "It was too long," said another.',
            "",
            id="another",
        ),
    ],
)
def test_an_unnamed_speaker_after_the_verb_is_not_the_last_person_named(text: str, description: str) -> None:
    _, quotes = find_quotes(text, split_sentences(text))
    assert (quotes[-1].speaker, quotes[-1].speaker_description) == (None, description)


def test_a_name_after_a_preposition_is_not_an_inverted_subject() -> None:
    text = (
        'Tom Baxter spoke first. "Long live the free press," Ana Ruiz, the editor of Halden TV, wrote '
        "sarcastically on Twitter."
    )
    speakers, quotes = read(text)
    assert [(q[1], q[2]) for q in quotes] == [("Ana Ruiz", "name")]
    assert "Twitter" not in [s.name for s in speakers]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param(
            "The roads close at 22:00 BST and Halden County Council has apologised.",
            ["BST", "Halden County Council"],
            id="acronym-before-and",
        ),
        pytest.param(
            "Halden Tools and Acme Group said they would merge.", ["Halden Tools", "Acme Group"], id="two-companies"
        ),
        pytest.param(
            "Tarn and Mill Vale District Council said it.", ["Tarn and Mill Vale District Council"], id="two-places"
        ),
        pytest.param(
            "The Institute for Transport and Regional Planning said it.",
            ["Institute for Transport and Regional Planning"],
            id="after-a-connector",
        ),
    ],
)
def test_and_joins_two_names_only_inside_one_organisations_name(text: str, names: list[str]) -> None:
    assert [m.text for m in find_mentions(text, split_sentences(text))] == names


def test_a_plural_role_after_a_name_is_an_unnamed_group_not_the_name() -> None:
    text = "Tarnia state health officials say more than 30 cases have been reported at a hospital."
    speakers, quotes = read(text)
    assert [q[1] for q in quotes] == [None]
    assert speakers == []


def test_a_name_set_off_before_the_verb_is_its_subject_not_the_name_after_it() -> None:
    text = "Ana Ruiz, prosecuting, said Tom Bassey, who was banned from driving, dragged his wife into the plot."
    _, quotes = read(text)
    assert [(q[1], q[2]) for q in quotes] == [("Ana Ruiz", "name")]


def test_a_speaker_named_again_by_surname_is_surer_than_a_first_full_mention() -> None:
    text = "Ana Ruiz said the bridge would open in May. Ruiz said the budget was safe."
    _, quotes = find_quotes(text, split_sentences(text))
    assert [(q.speaker, q.attribution) for q in quotes] == [("Ana Ruiz", "name"), ("Ana Ruiz", "alias")]
    assert quotes[0].confidence < quotes[1].confidence


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        pytest.param(
            'Tom Baxter spoke first. "I do not know where he stands," said undecided Tarnian voter Ana Ruiz.',
            "Ana Ruiz",
            "",
            id="voter-before-a-name",
        ),
        pytest.param(
            'Tom Baxter spoke first. "He will win," one commenter wrote.', None, "one commenter", id="one-commenter"
        ),
        pytest.param(
            'Tom Baxter spoke first. "He will win," said a campaign volunteer.',
            None,
            "a campaign volunteer",
            id="a-volunteer",
        ),
    ],
)
def test_voters_commenters_and_volunteers_are_people(text: str, speaker: str | None, description: str) -> None:
    _, quotes = find_quotes(text, split_sentences(text))
    assert (quotes[-1].speaker, quotes[-1].speaker_description) == (speaker, description)


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        pytest.param("DSP Ravi Menon said the gang had robbed three shops.", "Ravi Menon", "DSP", id="dsp"),
        pytest.param("MLA Jo Tui said the road would be repaired.", "Jo Tui", "MLA", id="mla"),
        pytest.param(
            "IGP Tomas Ekwueme told reporters that the officers were suspended.", "Tomas Ekwueme", "IGP", id="igp"
        ),
        pytest.param(
            "Superintendent of Police Ravi Menon said the search would go on.",
            "Ravi Menon",
            "Superintendent of Police",
            id="rank-of-police-opening-a-sentence",
        ),
        pytest.param(
            "The search went on, Deputy Superintendent of Police Ravi Menon said.",
            "Ravi Menon",
            "Deputy Superintendent of Police",
            id="deputy-rank-of-police",
        ),
        pytest.param(
            "Assistant Commissioner of Police Tomas Ekwueme said the officers were suspended.",
            "Tomas Ekwueme",
            "Assistant Commissioner of Police",
            id="assistant-commissioner-of-police",
        ),
        pytest.param(
            "The dam is safe, Director BWA Ana Ruiz said.", "Ana Ruiz", "Director BWA", id="acronym-after-a-title"
        ),
    ],
)
def test_ranks_and_their_abbreviations_stay_out_of_names(text: str, name: str, description: str) -> None:
    speakers, quotes = read(text)
    assert [(s.name, s.kind, s.description) for s in speakers] == [(name, "person", description)]
    assert quotes[0][1] == name


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Deputy Superintendent of Police Ravi Menon said the gang was caught. The deputy SP said no one was hurt.",
            id="the-deputy-sp",
        ),
        pytest.param("DSP Ravi Menon said the gang was caught. The DSP said no one was hurt.", id="the-dsp"),
        pytest.param(
            "Senior Superintendent of Police Ravi Menon said the gang was caught. The SSP said no one was hurt.",
            id="the-ssp",
        ),
    ],
)
def test_a_rank_abbreviation_alone_refers_to_the_person_given_the_rank(text: str) -> None:
    speakers, quotes = read(text)
    assert [s.name for s in speakers] == ["Ravi Menon"]
    assert [(q[1], q[2]) for q in quotes] == [("Ravi Menon", "name"), ("Ravi Menon", "role")]


def test_the_force_opening_an_officers_title_is_the_police_who_speak_later() -> None:
    text = (
        "A man who hit Halden Police Deputy Superintendent of Police Ravi Menon with a truck has been caught, police "
        "said. Menon said he was recovering."
    )
    speakers, quotes = read(text)
    assert [(s.name, s.kind) for s in speakers] == [("Halden Police", "organisation"), ("Ravi Menon", "person")]
    assert [q[1] for q in quotes] == ["Halden Police", "Ravi Menon"]


def test_the_body_in_an_officers_title_is_not_the_subject_of_the_sentence() -> None:
    text = "Halden Police Chief Ana Ruiz, speaking on Monday, said the march had been peaceful."
    speakers, quotes = read(text)
    assert [s.name for s in speakers] == ["Ana Ruiz"]
    assert quotes[0][1] == "Ana Ruiz"


def test_a_spokespersons_clause_is_no_apposition_of_the_name_it_reports() -> None:
    text = "Halden Police arrested a man. A police spokesperson said the man, Tomas Ekwueme, was a driver."
    speakers, quotes = read(text)
    assert [(q[0], q[1]) for q in quotes] == [("the man, Tomas Ekwueme, was a driver", "Halden Police")]
    assert "Tomas Ekwueme" not in [s.name for s in speakers]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "The Halden Water Board made this known in a statement signed by its chairman, Tomas Ekwueme. The "
            "statement added that the pipes had been cleaned.",
            "Halden Water Board",
            id="the-statement-added",
        ),
        pytest.param(
            "The Halden Water Board made this known in a statement on Monday. According to the statement, the pipes "
            "had been cleaned twice.",
            "Halden Water Board",
            id="according-to-the-statement",
        ),
        pytest.param(
            "The Halden Water Board met on Monday. The campaign's statement said the pipes were dirty.",
            None,
            id="someone-elses-statement",
        ),
    ],
)
def test_the_statement_is_its_issuers(text: str, speaker: str | None) -> None:
    _, quotes = read(text)
    assert quotes[-1][1] == speaker


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "The Tarnian government has banned the import of maize.\n\nThe government said the ban would help farmers.",
            "Tarnian government",
            id="a-countrys-government",
        ),
        pytest.param(
            "Halden council voted on Monday to close the pool. The council said repairs would cost too much.",
            "Halden council",
            id="a-towns-council",
        ),
        pytest.param(
            "Halden Police Commander Ravi Menon said three men were armed. Police said the men would appear in court.",
            "Halden Police",
            id="the-force-before-a-capitalised-role",
        ),
        pytest.param(
            "Acme reported a loss on Tuesday. Acme chief executive Jane Doe said sales were weak. The company said "
            "it would cut 200 jobs.",
            "Acme",
            id="the-company-of-its-chief-executive",
        ),
    ],
)
def test_a_body_named_before_speaks_when_the_story_calls_it_by_its_noun(text: str, speaker: str) -> None:
    _, quotes = read(text)
    assert quotes[-1][1] == speaker


def test_a_politicians_spokeswoman_does_not_make_the_politician_a_company() -> None:
    text = (
        "Okafor spokeswoman Ana Ruiz said the rally would go ahead. Okafor said the crowd would be large. The "
        "company said the hall was booked."
    )
    _, quotes = read(text)
    assert [q[1] for q in quotes] == ["Ana Ruiz", "Okafor", None]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "The school was closed on Monday, Inspector Ana Ruiz said. Trouble began when Tomas Ekwueme, a driver, "
            "crashed into the gate, she said.",
            "Ana Ruiz",
            id="woman-after-a-man-in-the-content",
        ),
        pytest.param(
            "The school was closed on Monday, Inspector Ravi Menon said. Trouble began when Tomas Ekwueme, a driver, "
            "crashed into the gate, he said.",
            "Ravi Menon",
            id="man-after-a-man-in-the-content",
        ),
        pytest.param(
            "Ravi Menon arrived late. The bridge will open in May, he said.", "Ravi Menon", id="no-name-in-the-content"
        ),
    ],
)
def test_a_closing_pronoun_is_not_someone_named_in_what_it_reports(text: str, speaker: str) -> None:
    _, quotes = read(text)
    assert quotes[-1][1] == speaker


@pytest.mark.parametrize(
    "title",
    [
        "Supt",
        "Det Supt",
        "Insp",
        "Brigadier",
        "Lt-Gen",
        "Commodore",
        "Ratu",
        "Hon",
        "Cr",
        "Datuk",
        "Tan Sri",
        "Alhaji",
        "SI",
        "Sub-Inspector",
        "Director-General",
        "Vice-President",
        "Inspector-General of Police",
        "Station House Officer (SHO)",
        "Senior Superintendent of Police (SSP)",
        "Col. (retd)",
    ],
)
@pytest.mark.parametrize("closing", [False, True], ids=["opening", "closing"])
def test_more_ranks_and_honorifics_stay_out_of_names(title: str, closing: bool) -> None:
    if closing:
        text = f"The roads were shut on Monday, {title} Ravi Menon said."
    else:
        text = f"{title} Ravi Menon said the roads were shut on Monday."
    _, quotes = read(text)
    assert [q[1] for q in quotes] == ["Ravi Menon"]


@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        pytest.param(
            'Harbour Minister Dara Quill Ren Fao said: "The quay will open." Quill added that the cranes were ready.',
            [("Dara Quill Ren Fao", ("Quill",))],
            id="family-name-not-last",
        ),
        pytest.param(
            "Admiral Tobin K. Marsh Jr said the fleet would sail. Marsh added that the orders were old.",
            [("Tobin K. Marsh Jr", ("Marsh",))],
            id="surname-before-a-suffix",
        ),
        pytest.param(
            "Marsh says the fleet is ready; \nAdmiral backs the plan.\n\n"
            'Tobin Marsh, the admiral, said on Monday that the fleet would sail. "We leave at dawn," Marsh said.',
            [("Tobin Marsh", ("Marsh",))],
            id="headline-surname-then-full-name",
        ),
    ],
)
def test_a_person_called_by_a_family_name_is_one_speaker(
    text: str, speakers: list[tuple[str, tuple[str, ...]]]
) -> None:
    found, _ = read(text)
    assert [(s.name, s.aliases) for s in found] == speakers


def test_a_headline_surname_takes_the_gender_of_the_full_name() -> None:
    _, quotes = read(
        "Voss says the port will close; \nTalks go on.\n\n"
        "Helena Voss, the mayor, said on Monday that the port would close. She said the workers would be paid."
    )
    assert [speaker for _, speaker, _ in quotes] == ["Helena Voss", "Helena Voss", "Helena Voss"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        pytest.param("Union chairman Jan Pelloe said the strike would go on.", "Jan Pelloe", id="jan"),
        pytest.param("The choir's leader June Harrowby said the hall was booked.", "June Harrowby", id="june"),
        pytest.param(
            '"We lost the vote," Will Tarrant, head of the tenants\' group, told a radio station.',
            "Will Tarrant",
            id="will-after-a-quote",
        ),
        pytest.param("Tory Dara Quillon said the bill was flawed.", "Dara Quillon", id="party-word"),
        pytest.param("Republican Tobin Marsh said the vote was close.", "Tobin Marsh", id="party-word-us"),
    ],
)
def test_a_first_name_like_a_month_stays_and_a_party_word_goes(text: str, name: str) -> None:
    speakers, _ = read(text)
    assert [s.name for s in speakers] == [name]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        pytest.param("In May Pelloe resigned from the board.", ["Pelloe"], id="month-after-in"),
        pytest.param("The Sun Gazette printed the letter.", ["Gazette"], id="the-before-it"),
        pytest.param("The Republican National Committee met.", ["Republican National Committee"], id="party-body"),
        pytest.param("Tory Pelloe opened a shop.", ["Tory Pelloe"], id="two-word-name"),
    ],
)
def test_a_month_or_party_word_is_dropped_or_kept_by_its_place(text: str, names: list[str]) -> None:
    assert [m.text for m in find_mentions(text, split_sentences(text))] == names


def test_a_photographer_named_in_a_credit_is_no_one_a_pronoun_refers_to() -> None:
    _, quotes = read(
        "Mayor Tom Ruiz spoke on Monday.\n\nA banner hangs in Tarnby.Piet Marsh / AFP - Getty Images\n\n"
        '"We will rebuild the pier," he said.'
    )
    assert [speaker for _, speaker, _ in quotes] == ["Tom Ruiz"]


def test_a_player_called_by_a_nation_is_no_speaker() -> None:
    speakers, quotes = read('Coach Ivo Brannick said the team was tired. "We will recover," the Scot admitted.')
    assert [s.name for s in speakers] == ["Ivo Brannick"]
    assert [speaker for _, speaker, _ in quotes] == ["Ivo Brannick", "Ivo Brannick"]


COURT_FIRST = (
    "The Marlow High Court ruled on Monday that the levy was unlawful.\n\nLawmakers had passed it in spring.\n\n"
)


@pytest.mark.parametrize(
    ("text", "speaker", "description"),
    [
        pytest.param(
            COURT_FIRST + "The Halden City Council met on Tuesday.\n\nThe council said it would appeal.\n",
            "Halden City Council",
            "",
            id="council-beside-a-court",
        ),
        pytest.param(
            COURT_FIRST + "The Halden City Council met on Tuesday.\n\nThe court said its ruling stood.\n",
            "Marlow High Court",
            "",
            id="court-beside-a-council",
        ),
        pytest.param(
            COURT_FIRST + "Staff at the Department of Water met on Tuesday.\n\nThe ministry said supplies were safe.\n",
            "Department of Water",
            "",
            id="ministry-of-a-department",
        ),
        pytest.param(
            "The Marlow Revenue Service wrote to traders.\n\nThe agency said the forms were late.\n",
            "Marlow Revenue Service",
            "",
            id="agency-of-a-service",
        ),
        pytest.param(
            COURT_FIRST + "The council said it would review the decision.\n",
            None,
            "The council",
            id="council-is-no-court",
        ),
        pytest.param(
            COURT_FIRST + "The government said it expects growth to slow.\n", None, "The government", id="government"
        ),
        pytest.param(
            COURT_FIRST + "The department said the program had cost $4 million.\n",
            None,
            "The department",
            id="department-is-no-court",
        ),
        pytest.param(
            "The Tarnish government protested on Monday.\n\nThe administration said it would answer.\n",
            None,
            "The administration",
            id="administration-is-no-foreign-government",
        ),
        pytest.param(
            "The HWA opened an inquiry. Staff at the Department of Roads met.\n\nThe agency said it was open.\n",
            None,
            "The agency",
            id="agency-beside-a-body-known-by-initials",
        ),
        pytest.param(
            "Tarn Mills posted a loss on Monday.\n\nThe agency said the mill broke no rules.\n",
            None,
            "The agency",
            id="agency-is-no-business",
        ),
    ],
)
def test_a_public_bodys_noun_speaks_for_a_body_of_its_sort_or_for_none(
    text: str, speaker: str | None, description: str
) -> None:
    _, quotes = find_quotes(text, split_sentences(text))
    assert (quotes[-1].speaker, quotes[-1].speaker_description) == (speaker, description)


@pytest.mark.parametrize(
    ("sentence", "description"),
    [
        pytest.param("A civic group said the mill should close.", "A civic group", id="a-group"),
        pytest.param("A court said the mill broke no rules.", "A court", id="a-court"),
        pytest.param("Ana Ruiz's firm said the mill should close.", "Ana Ruiz's firm", id="owned-by-a-person"),
        pytest.param(
            "The Varga administration said the mill should close.",
            "The Varga administration",
            id="qualified-by-a-name",
        ),
    ],
)
def test_an_organisation_introduced_or_owned_by_a_name_is_not_one_named_before(sentence: str, description: str) -> None:
    text = "Tarn Mills posted a loss on Monday. The Halden Court fined it.\n\n" + sentence + "\n"
    _, quotes = find_quotes(text, split_sentences(text))
    assert (quotes[-1].speaker, quotes[-1].speaker_description) == (None, description)


def test_an_organisation_noun_qualified_by_its_own_name_is_that_organisation() -> None:
    text = "Tarn Mills Ltd posted a loss on Monday.\n\nTarn's board said it would appeal.\n"
    _, quotes = find_quotes(text, split_sentences(text))
    assert quotes[-1].speaker == "Tarn Mills Ltd"


@pytest.mark.parametrize(
    "headline",
    [
        pytest.param("Harbour Board Backs Dredging Plan For Old Quay\n", id="no-final-stop"),
        pytest.param("Harbour Board Backs Dredging Plan For Old Quay.\n", id="title-case-with-a-stop"),
    ],
)
def test_a_headline_names_no_organisation_the_prose_does_not(headline: str) -> None:
    text = (
        headline + "\nDredgers will start work on the old quay in May, the port's owners said on Tuesday.\n\n"
        '"The channel has silted up," the company said.\n'
    )
    speakers, quotes = read(text)
    assert all("Dredging" not in s.name for s in speakers)
    assert quotes[-1][1] is None


def test_a_name_a_headline_shares_with_the_prose_still_speaks_there() -> None:
    text = (
        "Halvor Group to cut 200 jobs in Halden\n\n"
        "Halvor Group said on Monday it would close its plant in Halden.\n\n"
        '"Demand has fallen," the company said.\n'
    )
    speakers, quotes = read(text)
    assert [s.name for s in speakers] == ["Halvor Group"]
    assert quotes[-1][1] == "Halvor Group"


def test_a_person_a_headline_names_in_full_keeps_the_full_name_the_prose_shortens() -> None:
    text = (
        "Ana Ruiz: 'We Will Rebuild The Pier'\n\n"
        'The mayor of Halden spoke on Monday. "The storm took everything," Ruiz said.\n'
    )
    _, quotes = read(text)
    assert [speaker for _, speaker, _ in quotes] == ["Ana Ruiz"]


@pytest.mark.parametrize(
    "evidence",
    [
        pytest.param("Brannock said in a statement that the plant would stay open.", id="statement"),
        pytest.param("Shares of rivals fell after Brannock (NASDAQ: BRNK) cut its prices.", id="ticker"),
        pytest.param("The firm, Brannock, cut its prices in March.", id="apposed-to-a-business-noun"),
        pytest.param("Brannock, which makes garden tools, cut its prices in March.", id="which-makes"),
        pytest.param("Brannock Inc. cut its prices in March.", id="company-suffix"),
    ],
)
def test_a_bare_name_the_story_writes_as_a_business_is_one(evidence: str) -> None:
    text = (
        evidence + "\n\nBrannock told dealers on Monday that orders had doubled. The Halden Growers Union welcomed "
        "the news.\n\n"
        '"We have never sold more," the company said.\n'
    )
    speakers, quotes = read(text)
    assert ("Brannock", "organisation") in [(s.name.removesuffix(" Inc."), s.kind) for s in speakers]
    assert quotes[-1][1] in ("Brannock", "Brannock Inc.")


def test_a_persons_surname_said_in_a_statement_stays_a_person() -> None:
    text = (
        "Ana Ruiz, the mayor of Halden, visited the mill on Monday.\n\n"
        "Ruiz said in a statement that the mill would stay open.\n"
    )
    speakers, _ = read(text)
    assert [(s.name, s.kind) for s in speakers] == [("Ana Ruiz", "person")]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "County Supervisor Ana Lindqvist said the beach would stay open.", "Ana Lindqvist", id="supervisor"
        ),
        pytest.param(
            '"We are out of money," said Alderman Tomas Reyes, who chairs the budget panel.',
            "Tomas Reyes",
            id="alderman",
        ),
        pytest.param("Treasurer Mia Okonjo said the fund had lost $2 million.", "Mia Okonjo", id="treasurer"),
        pytest.param("Provost Lena Varga said classes would resume.", "Lena Varga", id="provost"),
    ],
)
def test_a_local_office_before_a_name_is_a_role_not_part_of_it(text: str, speaker: str) -> None:
    _, quotes = read(text)
    assert [name for _, name, _ in quotes] == [speaker]
