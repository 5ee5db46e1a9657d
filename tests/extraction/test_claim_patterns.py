"""Claims on the patterns real news brings, through the whole pipeline (sentences, quotes, speakers, claims).

Every sentence here is written for the test; each group is one way real articles went wrong: opinions quoted as
facts, plain facts missed, a forecast hiding a fact, reported speech of organisations, spans that change the meaning,
kinds decided by the wrong feature, and confidence that does not order claims.
"""

from __future__ import annotations

import pytest

from newsfacts.extraction.claims import Claim
from newsfacts.extraction.pipeline import extract


def claims_of(text: str) -> list[Claim]:
    claims = list(extract(text).claims)
    for claim in claims:
        assert text[claim.start : claim.end] == claim.text
    return claims


def found(text: str) -> list[tuple[str, str | None]]:
    return [(claim.kind, claim.claimant) for claim in claims_of(text)]


# -- 1. a speaker's opinion, feeling or plan is no attributed claim -------------------------------------------------

OPINIONS = [
    '"We came out fighting," the coach said.',
    '"Our midfield looked sharp today," said Tom Reyes.',
    '"I am so proud of what this team has become," said Ana Ruiz.',
    '"We will open two more branches next year," said Ana Ruiz.',
    '"They deserved the points this evening," said Tom Reyes.',
    '"Surely the parish can spare a couple of dozen benches," said Ana Ruiz.',
    '"Don\'t just turn up at the hospital to get tested," said Ana Ruiz.',
    '"The new rules are not going to get anywhere close," said Ana Ruiz.',
    '"It appears there was no ill intent and nothing hidden in what she did," said Ana Ruiz.',
    '"Or they don\'t plan the works, get them wrong and have to come back," said Tom Reyes.',
    '"It was very exciting to see the bones laid out," said Ana Ruiz.',
    '"There is nothing wrong with the bridge," said Ana Ruiz.',
    '"Every once in a while the keepers opened the crates and checked the bones," said Ana Ruiz.',
    '"We have full trust in the accounts of our firm and its auditors," said Ana Ruiz.',
    '"I do not like being followed to the door of the cabinet room," said Tom Reyes.',
    '"He was overcome by emotion on the day but showed genuine regret," said Tom Reyes.',
    '"I would like to ask about the 300 workers, laid off in March by the mill," said Tom Reyes.',
    '"Our lads were totally fearless and chased every ball," said Tom Reyes.',  # an intensified adjective
    '"The visitors fought back very well in the second half," said Tom Reyes.',  # how well: a verdict
    '"For me it was not a penalty at all," said Tom Reyes.',  # a view marked as the speaker's own
    '"I have no doubt the new ferry is safe for passengers," said Ana Ruiz.',
    '"We get punished whenever we switch off," said Tom Reyes.',  # a habit, not what was done
    '"When a starter is missing, a younger player takes his place," said Tom Reyes.',  # a habit's condition
]


@pytest.mark.parametrize("text", OPINIONS)
def test_quoted_opinion_feeling_or_plan_is_no_claim(text: str) -> None:
    assert found(text) == []


# -- 2. a plain factual statement without a number is a claim, whatever its verb ---------------------------------

PLAIN_FACTS = [
    "The lawyer asked to be removed from the case.",
    "The firm then asked regulators to pause the sale.",
    "The ordinance bans trucks from the bridge.",
    "The regulator fined the bank for misleading its customers.",
    "Even though the visitors had more possession, the hosts had more shots on goal.",
    "Acme surprised Wall Street by posting results that beat the estimates of analysts.",
    # a firm's results and how they compare with forecasts
    "Harlow Mills has reported higher-than-expected profits at its bakeries this winter.",
    "Both numbers beat the City's expectations.",
    "While she sat in the waiting room, her sister had phoned her and had not known she was at the clinic.",
    "The minister, while speaking to reporters after the meeting described the allegation as untrue.",
    "The museum returned the stolen painting to the family.",
    "The old charters are housed in the county archive at the castle.",
    "The ferry company is owned by a trust of the islanders.",
    "The driver was questioned by detectives about the missing van.",
    "Firefighters could not reach the house because of the flames.",
    "The crew were able to tow the lorry clear of the junction.",
    "The night watchman slept through the storm at the old mill.",  # an irregular past
    "The Harlow family owns the mill on the river.",  # a present verb after a named subject: a standing fact
    "Tom Reyes chairs the planning committee in Oakfield.",
    "The trust behind the ferry service still owns the old depot at the harbour.",  # a phrase and an adverb between
]


@pytest.mark.parametrize("text", PLAIN_FACTS)
def test_plain_factual_statement_is_the_articles_claim(text: str) -> None:
    assert found(text) == [("other", None)]


@pytest.mark.parametrize(
    "text",
    [
        "It has been a long month for the ferry company on the islands.",  # a state, not what was done
        '"The board cannot be allowed to change the rules on this matter," said Ana Ruiz.',
        '"I am so impressed by the colours of this painting," said Ana Ruiz.',
        "FERRY COMPANY SUES HARBOUR BOARD",  # a heading
        "KINGSTON, March 12.",  # a dateline standing alone
        "The harbour is home to a fleet of painted boats and old ferries.",  # "painted" describes the boats
        "On the club losing its last three games at home?:",  # a transcript's topic line, a question
    ],
)
def test_a_state_a_duty_a_heading_or_a_dateline_is_no_claim(text: str) -> None:
    assert found(text) == []


def test_the_harbour_has_been_closed_is_what_was_done() -> None:
    assert found("The harbour has been closed to ferries since the storm hit.") == [("other", None)]


def test_according_to_in_the_attribution_is_no_fact_of_its_own() -> None:
    text = "Ana Ruiz said in a statement on Tuesday, according to the local paper, that its sales had risen."
    assert [claim.kind for claim in claims_of(text)] == ["attributed"]
    assert all("according" not in claim.text for claim in claims_of(text))


def test_an_action_going_on_in_reported_speech_is_the_speakers_claim() -> None:
    text = "Ana Ruiz told reporters that they're talking to the owner of the van."
    assert found(text) == [("attributed", "Ana Ruiz")]


def test_what_was_done_beside_an_aside_of_opinion_is_the_articles_claim_with_less_confidence() -> None:
    aside = claims_of("Then, to make matters worse, the ferry's engine failed in the middle of the crossing.")
    plain = claims_of("Then, in the middle of the crossing, the ferry's engine failed without a warning.")
    assert [claim.kind for claim in aside] == ["other"] == [claim.kind for claim in plain]
    assert aside[0].confidence < plain[0].confidence


def test_what_someone_told_the_speaker_is_reported_speech_in_the_speakers_words() -> None:
    text = '"The warden told me the ferry was carrying too many cars," said Ana Ruiz.'
    assert found(text) == [("attributed", "Ana Ruiz")]
    assert found('"The ferry was carrying too many cars," said Ana Ruiz.') == []  # a state in a direct quote


def test_quoted_words_of_a_speaker_not_named_still_say_what_was_done() -> None:
    text = 'The ferry firm had a busy spring. "We repainted the old depot and moved the offices to the port."'
    assert found(text) == [("other", None)]
    assert claims_of(text)[0].text == "We repainted the old depot and moved the offices to the port."  # no marks


def test_a_past_perfect_sentence_after_a_reported_account_goes_on_with_it() -> None:
    account = "Tom Reyes told the court he had left the depot early. "
    assert found(account + "He had not known that the gate was locked by the guards.")[1] == ("attributed", "Tom Reyes")
    assert found(account + "The guards locked the gate behind him at the depot.")[1] == ("other", None)
    assert found("The ferry left the harbour early. It had not stopped at the island for repairs.")[1] == (
        "other",
        None,
    )


def test_where_someone_or_something_is_in_the_articles_words_is_a_claim_but_a_judging_state_is_not() -> None:
    assert found("An inquiry into the ferry fire is underway at the port.") == [("other", None)]
    assert found("The driver of the van remains in the care of the city hospital.") == [("other", None)]
    assert found("The future of the ferry company is in doubt this spring.") == []  # a judgement
    assert found("The growth of the ferry company is flagging this spring.") == []


def test_a_studys_hedged_finding_keeps_its_figure() -> None:
    text = "The researchers studied the habits of the islanders, finding that a daily walk could cut the risk by 8%."
    assert ("figure", None) in found(text)


def test_scene_setting_in_a_subordinate_clause_is_no_claim() -> None:
    assert found("It was raining when the delegates arrived at the hall.") == []


@pytest.mark.parametrize(
    "text",
    [
        "At one point, the prosecutor asked the witness if she had ever seen a ladder in the barn.",
        "The judge asked the jurors about the letter that went missing from the file.",
        "Councillor Ana Ruiz then asked the planning officer.",
    ],
)
def test_asking_a_question_is_no_claim(text: str) -> None:
    assert found(text) == []


def test_asking_for_something_to_be_done_is_still_an_act() -> None:
    assert found("She asked the bench to delay the hearing until the spring.") == [("other", None)]


def test_what_someone_could_do_is_no_claim() -> None:
    assert found("The council could build more homes on the old site by the river.") == []


def test_a_state_of_mind_in_the_passive_is_no_claim() -> None:
    assert found("The new coach is interested in the young players of the club.") == []


@pytest.mark.parametrize(
    "text",
    [
        "Still, nobody is happy when a close game is lost and it is squandered in the last minute.",
        "The manager was a deeply frustrated man at the break in Saturday's match.",
        "The court heard the film he made inside the building was damning evidence against him.",
        "The coach was delighted the team won the cup after a long season.",
    ],
)
def test_generalisation_feeling_or_evaluation_in_the_articles_words_is_no_claim(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The county health board warned parents to keep children away from the flooded fields.",
        "The river authority issued an urgent plea for residents to stay off the frozen lake.",
        "Detectives appealed for witnesses to come forward after the crash on the ring road.",
        "Officials have cautioned travellers not to drive through the pass overnight.",
    ],
)
def test_an_appeal_to_the_public_to_act_is_advice_and_no_claim(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The fever passes to people through the bite of infected ticks in the long grass.",
        "Harlow is a closed market, where only licensed traders may sell.",
    ],
)
def test_an_event_verb_describing_a_noun_tells_no_event(text: str) -> None:
    assert found(text) == []


def test_an_event_verb_after_its_subject_still_tells_the_event() -> None:
    assert found("The county closed the ferry landing after the storm damaged it.") == [("other", None)]


def test_a_call_on_someone_named_to_act_is_still_news() -> None:
    assert found("The union called on the Tarnby council to reopen the two libraries it shut in May.") != []


def test_what_is_being_done_is_a_fact() -> None:
    text = '"The money was promised and now it\'s being taken away from the wards," said Tom Reyes.'
    assert found(text) == [("attributed", "Tom Reyes")]


def test_a_participle_after_had_is_what_was_done_but_an_object_is_not() -> None:
    assert found('"They had sought a vote before the strike," said Ana Ruiz.') == [("attributed", "Ana Ruiz")]
    assert found('"We had them in the store for the winter," said Ana Ruiz.') == []


def test_a_states_negation_is_a_speakers_claim_but_a_habit_is_not() -> None:
    state = '"The new pavement doesn\'t reach the quality we demand," said Ana Ruiz.'
    assert found(state) == [("attributed", "Ana Ruiz")]
    assert found('"They don\'t check the surface before they leave," said Ana Ruiz.') == []


# -- 3. the factual content of a quote is the speaker's claim ------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        '"Our firm has nothing to do with this," Ruiz said.',
        '"The contract was signed by the mayor himself," said Ana Ruiz.',
        # "can confirm", "can tell you": the speaker vouching for the words, no hedge
        '"We can confirm that Tom Okafor was not arrested at the port," Ana Ruiz said.',
        '"I can tell you the contract was signed by the mayor himself," said Ana Ruiz.',
    ],
)
def test_factual_quote_is_attributed_to_its_speaker(text: str) -> None:
    kinds = found(text)
    assert len(kinds) == 1
    assert kinds[0][0] == "attributed"
    assert kinds[0][1] in {"Ruiz", "Ana Ruiz"}


# -- 4. a forecast or a "would" does not hide the facts beside it --------------------------------------------------


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Economists had forecast growth of 2.1%.", "figure"),
        ("Analysts had predicted a loss of 12 cents per share.", "figure"),
        ("A plan that would close two schools was approved on Monday.", "figure"),
        ("The zoning plan that will shape the harbour was approved by the council.", "other"),
    ],
)
def test_past_expectation_or_relative_modal_keeps_the_fact(text: str, kind: str) -> None:
    assert found(text) == [(kind, None)]


def test_what_forecasters_expect_now_is_a_figure_on_record_but_a_firms_own_forecast_is_not() -> None:
    assert found("Analysts polled by the agency expect revenue of $34 million.") == [("figure", None)]
    assert found("Analysts were expecting a profit of 12 cents a share from the ferry company.") == [("figure", None)]
    assert found("The ferry company expects revenue of $34 million next year.") == []


def test_forecast_clause_is_left_out_and_the_fact_beside_it_kept() -> None:
    text = "Sales rose 3% last year, and the company expects them to double."
    claims = claims_of(text)
    assert [claim.text for claim in claims] == ["Sales rose 3% last year"]


@pytest.mark.parametrize(
    "text",
    [
        "The company expects sales to rise 5% next year.",
        "The firm plans to hire 300 workers next year.",
        "The council will close two schools in 2027.",
        "The closures are likely to last into Friday and beyond.",
        # a second verb of the same "would", and a clause of a few words joined by "and", go on with the forecast
        "The trust said it would review the rota and ensure nurses were paid for the extra shifts.",
        "Ana Ruiz said new fossils would turn up as she and her students cleaned the riverbank.",
        # how it will be done goes with the plan, whatever past its words hold
        "The board aims to save money next term, by merging the depots that were built after the war.",
    ],
)
def test_prediction_or_plan_is_no_claim(text: str) -> None:
    assert found(text) == []


def test_schedule_with_its_day_is_a_date_claim_of_low_confidence() -> None:
    claims = claims_of("The probe is set to land on the moon on October 12.")
    assert [(c.kind, c.claimant) for c in claims] == [("date", None)]
    assert claims[0].confidence < claims_of("The probe landed on the moon on October 12.")[0].confidence


def test_age_in_words_about_what_will_be_is_still_an_age() -> None:
    assert found("She will fly to the space station with the director Klim Shipenko (38).") == [("age", None)]


@pytest.mark.parametrize(
    ("text", "claimant"),
    [
        (
            "The firm now says earnings will be $2.10 to $2.30 -- with the top of the range 40 cents under its view.",
            None,
        ),
        ('"We could not stop them," Tom Reyes said after the game, particularly Sam Baker who scored 34 points.', None),
        (
            '"I think we repeated the mistakes of the Leeds game [a 2-1 win on Sunday], it was hard," said Tom Reyes.',
            "Tom Reyes",
        ),
        (
            '"Here we found not just one, but several nests, so we are confident it is a colony," Ana Ruiz said.',
            "Ana Ruiz",
        ),
    ],
)
def test_a_figure_beside_a_forecast_an_opinion_or_a_quote_is_kept(text: str, claimant: str | None) -> None:
    assert found(text) == [("figure", claimant)]


def test_a_count_of_sources_is_no_claim_unless_they_did_something_besides_speaking() -> None:
    assert found("Three officials said on Monday that the bridge was unsafe.") == []
    text = (
        "Six engineers who were leaders in past bridge projects joined the council in releasing a report on Monday, "
        "saying that the river will flood the town by 2050."
    )
    assert found(text) == [("figure", None)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "From the shape of the teeth, the curators have learned the animals lived earlier than originally thought.",
            [("other", None)],
        ),
        ("Repairs to the canal path began in May with the goal of widening it for walkers.", [("date", None)]),
        (
            '"We had the firm in to look at it and they have agreed it\'s not to standard," said Ana Ruiz.',
            [("attributed", "Ana Ruiz")],
        ),
        ('"It\'s not easy to keep winning away from home," said Tom Reyes.', []),
        ("The letters had sat in the basement of the library for nearly a century.", [("figure", None)]),
    ],
)
def test_comparisons_purposes_and_stretches_of_time_are_facts(
    text: str, expected: list[tuple[str, str | None]]
) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"The pier was closed to boats in May," Tom Okafor said after the first match.', [("date", "Tom Okafor")]),
        ("she said, on Thursday.", []),
        # the day of an occasion is a fact of the story
        (
            "Ana Ruiz said during a rally in Harlow on Friday that the pier was shut.",
            [("date", None), ("attributed", "Ana Ruiz")],
        ),
    ],
)
def test_words_that_only_say_who_spoke_and_when_are_no_claim(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


def test_words_before_a_quote_that_only_open_the_speaking_are_no_claim() -> None:
    text = 'Ana Ruiz, the mayor, opened her speech to the council by saying the bridge "had been shut since the flood".'
    assert found(text) == [("attributed", "Ana Ruiz")]


# -- 5. reported speech of organisations and of speakers described at length ---------------------------------------


def test_spokesman_for_a_named_organisation_gives_the_organisation_claim() -> None:
    text = "In a statement, a spokesman for Skyways Airlines said every flight had passed its safety checks."
    claims = claims_of(text)
    assert [(c.kind, c.claimant, c.text) for c in claims] == [
        ("attributed", "Skyways Airlines", "every flight had passed its safety checks")
    ]


def test_organisation_as_speaker_gives_its_claim() -> None:
    text = "The Ministry of Transport said in a statement that the bridge had been closed to lorries."
    assert found(text) == [("attributed", "Ministry of Transport")]


def test_a_described_speakers_statement_is_attributed_without_a_claimant() -> None:
    text = "A spokesman for the harbour board said the crane had been repaired by its own engineers."
    quote = extract(text).quotes[0]
    assert (quote.speaker, bool(quote.speaker_description)) == (None, True)
    assert found(text) == [("attributed", None)]


def test_long_described_speaker_keeps_the_claim_and_the_description_is_the_articles() -> None:
    text = (
        "Maria Ruiz, who has run the family bakery on the high street for two decades, said the ovens had been "
        "inspected by the council."
    )
    claims = claims_of(text)
    assert [(c.kind, c.claimant) for c in claims] == [("figure", None), ("attributed", "Maria Ruiz")]
    assert claims[1].text == "the ovens had been inspected by the council"


def test_what_the_article_adds_after_the_attribution_is_its_own_claim() -> None:
    text = '"We are shocked by the result," the company said on Tuesday, after its shares fell 5% in early trading.'
    claims = claims_of(text)
    assert [(c.kind, c.claimant, c.text) for c in claims] == [
        ("figure", None, "after its shares fell 5% in early trading.")
    ]


def test_scene_after_the_attribution_is_no_claim() -> None:
    assert found('"We will fight on to the very end," she said, as her supporters cheered outside the court.') == []


REPORTED_STATES = [
    "Ana Ruiz said the harbour bridge was still closed to lorries.",
    "The ministry said the governor had the authority to call the election without consent.",
    "Police said the driver was carrying a knife and a bag of tools when officers arrived.",
    # beside a hedge or a feeling in a clause or phrase of its own, the state is still told
    "Dr Ana Ruiz said pupils in the valley are not getting their jabs, and could fall ill this winter.",
    "Tom Okafor added lorries were using the narrow lanes as shortcuts and he worried about the ducks.",
]


@pytest.mark.parametrize("text", REPORTED_STATES)
def test_a_state_told_in_reported_speech_is_the_speakers_claim(text: str) -> None:
    assert [claim.kind for claim in claims_of(text)] == ["attributed"]


def test_reported_state_is_less_sure_than_a_reported_event() -> None:
    state = claims_of("Ana Ruiz said the harbour bridge was still open to lorries.")[0]
    event = claims_of("Ana Ruiz said the council had closed the harbour bridge to lorries.")[0]
    assert state.confidence < event.confidence


NOT_REPORTED_STATES = [
    '"The harbour bridge is a real eyesore," said Ana Ruiz.',  # a direct quote's "is" is mostly colour
    "Ana Ruiz said this was a disgrace and a scandal.",  # "this", "it", "there": a judgement, not a state
    "Ana Ruiz said it was the council's job to mend the bridge.",
    '"The bridge is a real eyesore and nobody cares," said Ana Ruiz.',  # a described subject in a direct quote
    '"Kestrel Ferries is a disgrace to the whole coast," said Ana Ruiz.',  # a named one: mostly a verdict too
    # a state in a condition, beside advice: no state asserted
    "Ana Ruiz said if residents are living near the quarry, they should write to the council about the noise.",
    # nor in a description of a noun beside a hedge, nor in what "it's" is
    "Ana Ruiz said the port may be losing trade to Harlow, which has been cutting its fees to the ferry firms.",
    "Ana Ruiz said it's fine to complain -- residents want their voices heard at the council.",
]


@pytest.mark.parametrize("text", NOT_REPORTED_STATES)
def test_colour_or_a_judgement_with_is_is_no_claim(text: str) -> None:
    assert found(text) == []


# -- 6. spans keep their meaning ------------------------------------------------------------------------------------


def test_denial_stays_with_what_is_denied() -> None:
    text = "Maria Ruiz, the chief executive of Acme, has repeatedly denied that the firm sold fakes."
    claims = [c for c in claims_of(text) if c.claimant]
    assert [c.text for c in claims] == ["denied that the firm sold fakes"]


def test_a_verdict_on_reported_words_stays_with_them_and_is_the_articles_claim() -> None:
    text = "Ana Ruiz was accused of incorrectly claiming that the council sold the park to a developer."
    claims = [(c.text, c.kind, c.claimant) for c in claims_of(text) if c.text.endswith("developer")]
    assert claims == [("incorrectly claiming that the council sold the park to a developer", "other", None)]


def test_negation_before_reported_words_stays_with_them() -> None:
    text = "Ana Ruiz did not say that the mine had been sold to investors."
    claims = [c for c in claims_of(text) if c.claimant]
    assert all(not c.text.startswith("the mine") for c in claims)


@pytest.mark.parametrize(
    "text",
    [
        "Ana Ruiz wasn't so much saying that the mine had been sold to investors.",
        "Ana Ruiz was never really claiming that the mine had been sold to investors.",
    ],
)
def test_a_negation_a_few_words_before_reported_words_stays_with_them(text: str) -> None:
    claims = [c for c in claims_of(text) if c.text.endswith("investors")]
    assert claims
    assert all(not c.text.startswith("the mine") for c in claims)


def test_figure_after_a_comma_is_not_cut_off() -> None:
    text = "Acme shares fell 4% on Monday, missing estimates of $2.15 a share."
    assert [c.text for c in claims_of(text)] == [text.removesuffix(".") + "."]


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("LONDON (Reuters) - Acme shares fell 4% on Monday.", "LONDON (Reuters) - "),
        ("SALEM, Ore. (KXYZ) - The woman detained after the chase was charged Monday.", "SALEM, Ore. (KXYZ) - "),
        ("(Bloomberg) -- Acme Corp. fell 5% after posting weaker sales.", "(Bloomberg) -- "),
        ("OSLO, 3 June (NTB) - The council sold 40 homes to the housing trust.", "OSLO, 3 June (NTB) - "),
        ("Tarnby (US), Aug 22 (AP) The council sold 40 homes to the housing trust.", "Tarnby (US), Aug 22 (AP) "),
        ("Tarnby (AFP) \u2013 The council sold 40 homes to the housing trust.", "Tarnby (AFP) \u2013 "),
        (
            "Port Vale (Norland) (AFP) \u2013 The council sold 40 homes to the trust.",
            "Port Vale (Norland) (AFP) \u2013 ",
        ),
        (
            "TARNBY, Kan., Sept. 26 (UPI) \u2014 The council sold 40 homes to the trust.",
            "TARNBY, Kan., Sept. 26 (UPI) \u2014 ",
        ),
        ("2) The council sold 40 homes to the housing trust.", "2) "),
        ("REYES: The council sold 40 homes to the housing trust.", "REYES: "),
        ("MR REYES: The council sold 40 homes to the housing trust.", "MR REYES: "),
        ("A. Reyes sold 40 homes to the housing trust.", ""),  # initials are no label
    ],
)
def test_dateline_agency_tag_list_marker_and_speaker_label_stay_out_of_the_claim(text: str, left_out: str) -> None:
    claims = claims_of(text)
    assert len(claims) == 1
    assert claims[0].start == len(left_out)


def test_line_introducing_what_follows_is_no_claim() -> None:
    assert found("On the testimony that was made public on Tuesday:") == []


def test_line_introducing_what_follows_keeps_its_count() -> None:
    assert found("The railway had four trains out of action:") == [("figure", None)]


@pytest.mark.parametrize("text", ["Revenue:", "Figures for the 12 regions:", "Results for the year to March 31:"])
def test_a_label_line_is_a_heading_whatever_it_counts(text: str) -> None:
    assert found(f"The ferry firm sold 40 boats last year.\n\n{text}\n\nSales rose 5% to 12 million euros.") == [
        ("figure", None),
        ("figure", None),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Residents demanded that the council reconsider its decision to close the library on March 3.",
        "The union demanded that the firm rehire the 12 workers it dismissed.",
        "Ana Ruiz asked that the names of the drivers be withheld until Friday.",
        "Tom Reyes urged that Ana Ruiz step down from the board before the 2026 vote.",
    ],
)
def test_a_demand_in_the_subjunctive_is_no_claim(text: str) -> None:
    assert found(text) == []


def test_what_a_speaker_insists_was_done_is_still_their_claim() -> None:
    assert found("Ana Ruiz insisted that the ferry firm sold the depot in May.") == [("date", "Ana Ruiz")]
    assert found("The union insisted that the mayor did not receive any briefing ahead of the vote.") != []


def test_a_present_verb_of_seeming_or_wanting_is_no_standing_fact() -> None:
    assert found("The plan seems to please the residents of the town.") == []
    assert found("The ferry firm plans to open a new route to the island.") == []
    assert found("It looks like a long winter for the ferry firm.") == []
    assert found("Many islanders take the new ferry rules personally.") == []  # a sweeping subject
    assert found("Old Hands Help Ferry Firm Navigate the Harbour Rules.") == []  # a headline in title case


@pytest.mark.parametrize(
    "text", ["Police charged the driver within hours of the arrest.", "The mill closed within a few days of the flood."]
)
def test_within_hours_of_an_event_is_a_date(text: str) -> None:
    assert found(text) == [("date", None)]


def test_within_a_count_of_hours_is_a_figure() -> None:
    assert found("Police charged the driver within 24 hours of the arrest.") == [("figure", None)]


@pytest.mark.parametrize(
    "text",
    [
        '"The skincare unit had a rough quarter, with sales down 3.1% in every region," said Ana Ruiz.',
        '"We can confirm that, after a mix-up over fuel, two flights were delayed," said Ana Ruiz.',
        '"Our crews were badly stretched because we had three other calls at once," said Ana Ruiz.',
    ],
)
def test_a_speakers_figure_in_a_phrase_of_its_own_beside_an_evaluation_counts(text: str) -> None:
    assert found(text) == [("figure", "Ana Ruiz")]


def test_a_stretch_of_time_is_a_figure_not_a_date() -> None:
    assert found("The scrolls sat unread for almost 80 years before the archivists opened them.") == [("figure", None)]


# -- 7. the kind is what the claim asserts; the claimant is its own field ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ana Ruiz said the bridge had cost 25 million dollars.", [("figure", "Ana Ruiz")]),
        ("Ana Ruiz said the agency had moved its offices in 2019.", [("date", "Ana Ruiz")]),
        ("Ana Ruiz said the agency had moved its offices to the port.", [("attributed", "Ana Ruiz")]),
        ("On Tuesday the council sold 40 homes to the housing trust.", [("figure", None)]),
        ("The Senate passed Bill 21 by a voice vote.", [("other", None)]),
        ("The House approved H.R. 1234 after a long debate.", [("other", None)]),
        ("The mayor walked to No 10 with a petition from the harbour trust.", [("other", None)]),
        ("The council gave the tenants a week's notice of the repairs.", [("figure", None)]),
        ("The council repaired the bridge with a multi-million-pound grant.", [("figure", None)]),
        ("The wardens were told at 6.30 the evening before the march.", [("date", None)]),
        ("The team lost the final on the coach's 50th birthday.", [("age", None)]),
        ("The mill's shares fell the most in almost four years after the sale was cancelled.", [("first", None)]),
        ("The doctors have not seen a fever like this in three decades.", [("first", None)]),
        ("The club slipped from top spot in the league after the defeat.", [("first", None)]),
        ("The win was a first for the club in its long history of cup games.", [("first", None)]),
        ("The council raised the fee for parking at the harbour for a second time.", [("figure", None)]),
        ("The striker had a first touch that let the defender in and the chance was gone.", [("other", None)]),
        ("The tiles were laid in the early years of the 19th century.", [("date", None)]),
        ("The ferry was due to be repaired in the spring of 2019.", [("date", None)]),
        ("Ana Ruiz said the fever's second wave had reached the capital.", [("attributed", "Ana Ruiz")]),
        # units glued to the number, fractions, a count of one, a rank by number
        ("Prices in the shops rose by 5pc in the year.", [("figure", None)]),
        ("The storm left 30cm of snow on the hills overnight.", [("figure", None)]),
        ("The new wind farm produces 400MW for the region.", [("figure", None)]),
        ("More than half of the trains out of the city were cancelled.", [("figure", None)]),
        ("Shares in the mill lost a quarter of their value in a week.", [("figure", None)]),
        ("One passenger was taken to hospital with burns.", [("figure", None)]),
        ("The firm is the region's No. 3 brewer of cider.", [("first", None)]),
        ("The firm opened the new store in the back half of the season.", [("other", None)]),
        ("One of the ferries left the harbour before the storm.", [("other", None)]),
        # a number in a street's name or an address is no amount; a time of day is when
        ("Ana Ruiz said the van was found near 14th Avenue and Mill Road.", [("attributed", "Ana Ruiz")]),
        ("Ana Ruiz said officers were sent to the 2300 block of Elm Street.", [("attributed", "Ana Ruiz")]),
        ("Ana Ruiz said the van's owner lived at 418 Alder Place in Tarnby.", [("attributed", "Ana Ruiz")]),
        # a number word after "the" points back at the ones named: no count; a stretch of time or a share still is
        ("The two ministers quarrelled over the port tax at the summit.", [("other", None)]),
        ("The three suspects were remanded in custody by the court.", [("other", None)]),
        ("The mill's sales fell in the three months to June.", [("figure", None)]),
        ("The motion won the two-thirds majority it needed in the chamber.", [("figure", None)]),
        ("Tarn Mills lost the thousands of customers it had won.", [("figure", None)]),
        ("The ferry left the harbour shortly before midnight with its crew.", [("date", None)]),
        ("The ferry won its 15th straight race on the lake.", [("figure", None)]),
        # a time told from now is a date in words, an amount of its own in digits
        ("The ferry company sold its last boat two years ago to a trust.", [("date", None)]),
        ("The ferry company sold its last boat about 10 days ago to a trust.", [("figure", None)]),
        ("The two shores of the strait parted around 80,000 years ago.", [("figure", None)]),
    ],
)
def test_kind_is_decided_by_what_the_claim_asserts(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Tom Reyes, 29, threw a chair across the hall as the verdict was read.",
            [("age", "Tom Reyes, 29, threw a chair across the hall as the verdict was read.")],
        ),
        (
            "The 41-year-old baker, of Mill Lane, Eastfield, was fined 300 pounds by the court.",
            [("age", "The 41-year-old baker, of Mill Lane, Eastfield, was fined 300 pounds by the court.")],
        ),
        (
            "Ana Ruiz (61) was charged with fraud at the county court.",
            [("age", "Ana Ruiz (61) was charged with fraud at the county court.")],
        ),
        ("Ana Ruiz, 36, lives in the town.", [("age", "Ana Ruiz, 36, lives in the town.")]),
        (
            "Ana Ruiz, 36, is one of the best known singers in the town.",
            [("age", "Ana Ruiz, 36, is one of the best known singers in the town.")],
        ),
    ],
)
def test_a_subjects_age_stays_with_what_the_sentence_says_of_them(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(claim.kind, claim.text) for claim in claims_of(text)] == expected


# -- confidence orders claims by how likely they are check-worthy ---------------------------------------------------


def test_confidence_ranks_figures_over_plain_facts_over_a_speakers_talk_about_themselves() -> None:
    figure = claims_of("The council sold 40 homes to the housing trust on Monday.")[0]
    plain = claims_of("The museum returned the stolen painting to the family.")[0]
    talk = claims_of('"We gave residents written notice of the works," said Ana Ruiz.')[0]
    assert figure.confidence > plain.confidence > talk.confidence
    assert all(0 < claim.confidence <= 1 for claim in (figure, plain, talk))


def test_a_speakers_own_experience_is_no_claim_but_an_organisations_account_is() -> None:
    assert found('"I dropped my bag and ran back to the car," said Tom Reyes.') == []
    assert found('"We repaired the fence and replaced the gate," said Tom Reyes.') == [("attributed", "Tom Reyes")]


def test_what_the_words_before_a_quote_say_was_done_is_less_sure_than_the_same_words_alone() -> None:
    alone = claims_of("The museum reached out to the family of the painter.")[0]
    framed = claims_of(
        'The museum reached out to the family of the painter, and a curator said: "We hope to show the works."'
    )
    assert framed[0].text.startswith("The museum reached out")
    assert framed[0].confidence < alone.confidence


@pytest.mark.parametrize(
    ("hyphened", "plain", "kinds"),
    [
        pytest.param(
            "Sen. Ana Ruiz (I-Vt.) has served in the chamber longer than the governor has held office.",
            "Sen. Ana Ruiz (D-Vt.) has served in the chamber longer than the governor has held office.",
            ["other"],
            id="an-independents-party-label",
        ),
        pytest.param(
            "Ana Ruiz said the I-95 bridge was shut for repairs after the storm.",
            "Ana Ruiz said the M-95 bridge was shut for repairs after the storm.",
            ["attributed"],
            id="a-road-in-a-speakers-account",
        ),
        pytest.param(
            "The senator has settled on an I-was-sorry stance that she repeats at every hearing.",
            "The senator has settled on a mea-culpa stance that she repeats at every hearing.",
            ["other"],
            id="a-compound-in-the-articles-voice",
        ),
    ],
)
def test_an_i_joined_by_a_hyphen_is_no_first_person(hyphened: str, plain: str, kinds: list[str]) -> None:
    label = claims_of(hyphened)
    assert [claim.kind for claim in label] == kinds
    assert [claim.confidence for claim in label] == [claim.confidence for claim in claims_of(plain)]


def test_a_speakers_superlative_is_less_sure_than_the_articles() -> None:
    article = claims_of("The Lakeside pier is the longest in the country.")[0]
    speaker = claims_of('"The Lakeside pier is the longest in the country," said Ana Ruiz.')[0]
    assert (article.kind, speaker.kind) == ("first", "first")
    assert speaker.confidence < article.confidence


def test_a_speakers_superlative_that_also_counts_something_is_as_sure_as_a_figure() -> None:
    judged = claims_of('"The Lakeside pier is the longest in the country," said Ana Ruiz.')[0]
    counted = claims_of('"The Lakeside pier is the longest in the country, at 900 metres," said Ana Ruiz.')[0]
    assert (judged.kind, counted.kind) == ("first", "first")
    assert counted.confidence > judged.confidence


def test_words_the_reporter_quotes_in_a_speakers_account_lower_the_confidence() -> None:
    plain = claims_of("Tom Reyes said the owners shut down the depot without warning.")[0]
    quoted = claims_of('Tom Reyes said the owners shut down the depot "without warning".')[0]
    assert (plain.claimant, quoted.claimant) == ("Tom Reyes", "Tom Reyes")
    assert quoted.confidence < plain.confidence


def test_a_speakers_quoted_superlative_keeps_its_confidence() -> None:
    plain = claims_of("Ana Ruiz said it was the busiest summer on record at the harbour.")[0]
    quoted = claims_of('Ana Ruiz said it was "the busiest summer on record" at the harbour.')[0]
    assert (plain.kind, quoted.kind) == ("first", "first")
    assert quoted.confidence == plain.confidence


def test_opinion_words_lower_the_confidence() -> None:
    plain = claims_of("The 500 volunteers were chosen from the town's schools.")[0]
    felt = claims_of("He felt nervous after being chosen from 500 volunteers.")[0]
    assert felt.confidence < plain.confidence


def test_the_articles_plain_statement_in_the_lede_is_surer_than_the_same_one_later() -> None:
    fact = "The museum returned the stolen painting to the family."
    text = " ".join([fact, "The guards were mild.", "The weather was mild.", "The vans were blue.", fact])
    claims = [claim for claim in claims_of(text) if claim.text == fact]
    assert len(claims) == 2
    assert claims[0].confidence > claims[1].confidence


def test_a_count_of_people_in_a_compound_is_a_figure_but_a_kind_of_thing_is_not() -> None:
    assert found("The new rules require three-member panels at every hearing in the county.") == [("figure", None)]
    assert found("The club bought a two-seater plane for the flying school.") == [("other", None)]


@pytest.mark.parametrize(
    "text",
    [
        '"We pushed the ball forward and got into their half after the break," said Tom Reyes.',
        "Tom Reyes said they came back into the game after they conceded and started pressing higher.",
    ],
)
def test_a_speakers_account_of_the_play_is_commentary(text: str) -> None:
    assert found(text) == []


def test_a_speakers_count_in_an_account_of_the_play_is_kept() -> None:
    text = '"We had three shots on target in the first ten minutes," said Tom Reyes.'
    assert found(text) == [("figure", "Tom Reyes")]


def test_what_a_speaker_says_someone_knew_is_no_claim() -> None:
    assert found('"I knew straight away that the bones came from a new species," said Ana Ruiz.') == []
    assert found("Tom Reyes said the rider by then knew that it was against the rules.") == []


def test_the_rest_of_a_list_goes_on_with_words_about_what_would_be() -> None:
    text = "Ana Ruiz said the board might set a rule that bills would go before the council, not approved or modified."
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        '"The volunteers went above and beyond for this community," said Ana Ruiz.',
        '"The crews showed real courage and professionalism throughout," said Ana Ruiz.',
        '"Our fans were magnificent and pushed us over the line," said Tom Reyes.',
        '"We dominated the second half and created chance after chance," said Tom Reyes.',
    ],
)
def test_a_speakers_praise_is_no_claim(text: str) -> None:
    assert found(text) == []


def test_the_articles_brave_crew_still_did_what_it_did() -> None:
    assert found("The brave crew pulled the fishermen from the water off the harbour wall.") == [("other", None)]


def test_a_high_over_a_stretch_of_time_after_a_possessive_is_a_first() -> None:
    assert found("Shares in the ferry firm trade far below their 52-week high of 80 cents.") == [("first", None)]


@pytest.mark.parametrize(
    "text", ["The motion passed with one vote against at the county hall.", "The ferry club won by one goal at home."]
)
def test_a_margin_of_one_is_a_figure(text: str) -> None:
    assert found(text) == [("figure", None)]


def test_asking_someone_to_speak_is_more_talk_but_asking_for_an_act_is_one() -> None:
    assert found("Another reporter then asked the mayor to clarify what she had meant.") == []
    assert found("The council asked the firm to repay the grant in full.") == [("other", None)]


# -- scene, reactions and talk about a topic in the article's words -------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "The hall was packed as the ceremony began.",
        "Supporters lined the streets of the old town to greet the squad.",
        "Fans cheered as the players walked out onto the pitch.",
        "Local people crowded the chamber as speakers took turns at the lectern.",
        "The courtroom fell silent as the clerk read out the names.",
    ],
)
def test_how_a_place_or_a_crowd_looked_is_the_scene_not_a_claim(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Shareholders did not like the numbers in the filing.",
        "The jurors appeared to be listening closely to the closing speeches.",
        "The discovery raises questions about how the old bridge was inspected.",
        "The minister highlighted the role of the inspectors in the harbour inquiry.",
    ],
)
def test_a_reaction_a_hedge_or_talk_about_a_topic_is_no_claim(text: str) -> None:
    assert found(text) == []


def test_a_speakers_finding_that_something_appeared_to_work_is_still_the_speakers() -> None:
    text = "The Harlow Institute said the new drug appeared to shorten hospital stays for the patients it was given to."
    assert found(text) == [("attributed", "Harlow Institute")]


def test_the_crowd_gathered_does_not_hide_a_count() -> None:
    assert found("About 300 people gathered outside the town hall on Tuesday.")[0][0] in ("figure", "date")


def test_a_negated_verb_of_meaning_is_a_judgement_but_a_negated_fact_is_a_denial() -> None:
    assert found('"The new timetable does not reflect the number of riders on the early trains," said Tom Reyes.') == []
    assert found('"The new pavement does not meet the standard set by the county," said Tom Reyes.') == [
        ("attributed", "Tom Reyes")
    ]


def test_the_articles_plain_statement_beside_an_opinion_word_falls_below_the_threshold() -> None:
    # "disappointing" is the article's verdict; the rest says only what the coach offered: after the lede, no claim
    lede = "The Harlow Rovers lost 2-1 at home on Sunday. The winner came late. The crowd was 4,000. "
    assert found(lede + "The squad later travelled home after another narrow but disappointing defeat.") == [
        ("figure", None),
        ("figure", None),
    ]


# -- kinds of counts, ranks and stretches of time ------------------------------------------------------------------


def test_the_first_of_things_just_named_is_no_first_and_twice_is_a_count() -> None:
    assert found("Ana Ruiz netted twice for Harlow, the first a header from a corner.") == [("figure", None)]


def test_a_place_in_a_table_is_a_rank() -> None:
    assert found("The win moved the Harlow side into third place in the northern league table.") == [("first", None)]


def test_a_stretch_of_time_told_by_its_bound_is_a_figure() -> None:
    assert found("The panel returned a verdict in less than a week on all counts.") == [("figure", None)]


def test_a_model_year_names_a_car_and_is_no_date() -> None:
    text = "Police said a woman was seen driving a 2014 Toyota Corolla away from the depot."
    assert found(text) == [("attributed", None)]  # police, a described speaker


def test_an_irregular_participle_after_been_is_what_was_done() -> None:
    assert found("The coastguard has been put in command of the search along the estuary.") == [("other", None)]


def test_twice_counting_the_speaking_before_reported_words_is_no_claim_of_the_article() -> None:
    text = "At the hearing, Ana Ruiz twice insisted the council had never paid for the bridge repairs."
    assert ("figure", None) not in found(text)


def test_who_held_a_role_is_the_articles_claim_but_who_stood_out_is_not() -> None:
    assert found("The lead investigator in the inquiry was Detective Sergeant Mara Quill.") == [("other", None)]
    assert found("The man of the match was Tom Reyes.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The mayor appeared shaken by the result at the town hall.",
        "The mill's decline is powerfully documented in a new book by a local teacher.",
        "Correction: This story earlier gave the wrong year for the opening of the ferry service.",
        '"You\'ve got to fix the bridge before the winter comes," said Tom Reyes.',
        '"It\'s hard to explain to newcomers how green the valley used to be," said Ana Ruiz.',
        '"This isn\'t a real budget, whatever they call it," said Tom Reyes.',
        "Ana Ruiz said the ministry is committed to openness in the inquiry into the fire.",
    ],
)
def test_an_impression_a_verdict_a_note_on_the_article_or_a_stance_is_no_claim(text: str) -> None:
    assert found(text) == []


def test_appearing_in_court_is_still_what_happened() -> None:
    assert found("Ana Ruiz appeared in court in Harlow on charges of theft from the depot.") == [("other", None)]


def test_an_opening_phrase_before_the_speaker_is_no_claim_of_its_own() -> None:
    # the verbs describe the season and the interview, not the speaker: cut from the sentence, a fragment
    assert found("In the season that closed on May 2, Acme Boats said it sold 4,000 dinghies.") == [
        ("figure", "Acme Boats")
    ]
    text = 'In a radio interview devoted mostly to fishing quotas, Ana Ruiz said the port "had been closed for a week".'
    assert found(text) == [("figure", "Ana Ruiz")]
