"""How sure the detector is that a claim is check-worthy, 0 to 1, so editors can sort the review queue by it.

A claim starts from what made it one (``Verdict.basis``): a figure, a date or an age is the surest; then a first or
superlative and a newsworthy event verb; then a plain statement of what was done; then a speaker's denial, a state
told in reported speech, where something is and a standing fact in the present ("The Harlow family owns the mill") in
the article's words, which annotators mostly rate borderline. The article's own words gain a little (it vouches for
them); a speaker's superlative loses much (mostly a judgement: "the worst game of our season"), unless it also counts
or dates something ("the biggest audience since 2012, 23 million"). It loses some when
opinion words stand in the same words, when it is a speaker's talk about themselves ("we"; more for "I", their own
experience, which falls below the threshold), what a speaker says someone knew, when the reporter quotes a few of the
speaker's words inside the account (their own characterisation: 'ran a "fair contest"'), when it is what the
words around a quote say was done besides the speaking, and when it is short; a speaker's account of the play of a
game ("we moved the ball quickly") falls below the threshold unless it counts or dates something; quoted words whose
speaker is not known lose nothing for that (on annotated articles such a penalty dropped check-worthy claims and no
others). The article's own plain statements gain some in its first sentences (the lede), where news states what
happened. Bands and their precision on annotated real articles are printed by ``bench/score_claims.py``.
"""

from __future__ import annotations

from typing import Literal

from newsfacts.extraction.claims.assess import HARD, Basis, Verdict
from newsfacts.extraction.claims.content import content_kinds
from newsfacts.extraction.claims.vocabulary import (
    FIRST_PERSON,
    FIRST_PERSON_SINGULAR,
    HYPHENED_I_RE,
    KNOWING,
    PLAY_WORDS,
    QUOTED_WORDS_RE,
    WORD_RE,
    word_tokens,
)

Voice = Literal["article", "speaker", "unattributed"]

_BASE: dict[Basis, float] = {
    "hard": 0.85,
    "first": 0.75,
    "event": 0.7,
    "past": 0.6,
    "denial": 0.55,
    "scheduled": 0.5,
    "reported": 0.45,
    "placed": 0.45,
    "present": 0.45,
}
# The article vouches for its own statements; a speaker's words are more often judgement or colour.
_ARTICLE = 0.05
# A superlative in a speaker's words is mostly a judgement ("the worst game of our season"), unless the words also
# count or date something ("the country's 10th-largest economy", "one of the most decorated coaches, with 25 titles").
_SPEAKERS_SUPERLATIVE = 0.25
# Below this the detector proposes nothing: on annotated real articles only about one in three such claims is one.
MIN_CONFIDENCE = 0.4
_OPINION = 0.15
# In the article's own words, an opinion word beside a plain statement that counts no figure, date or age mostly makes
# it colour ("the squad travelled home after another disappointing defeat"): none of six such claims on annotated real
# articles was check-worthy, so it loses twice as much: below the threshold after the lede, in its lowest band there.
_ARTICLE_OPINION = 0.3
_FIRST_PERSON = 0.15
# A known speaker's account of their own experience ("I fell over ...", "my van was ...") is an anecdote, not what
# editors check: on annotated real articles none of 7 such claims with no figure, date or age was check-worthy (2
# borderline) against 9 of 15 in the plural ("we repaired the fence ...", an organisation's account of what it did).
# It falls below the threshold unless it names an event. A column's or a transcript's first person, in no one's
# quote, keeps the smaller penalty.
_FIRST_PERSON_SINGULAR = 0.3
_SHORT = 0.1
# A speaker's account of the play of a game without a figure, date or first is commentary: it falls below the
# threshold.
_PLAY_TALK = 0.3
# What a speaker says someone knew is mostly borderline.
_KNOWING = 0.25
_SHORT_WORDS = 7
# Words the reporter quotes inside a speaker's account that counts no figure, date, age or first are mostly the
# speaker's verdict in their own words ('the club ran a "fair contest"', 'she was "baffled"'): on annotated real
# articles 7 of 25 such claims were check-worthy, against 1 in 2 of a speaker's other such statements.
_QUOTED_WORDS = 0.15
# What the words around a quote say was done, besides the speaking, is mostly more about the speaking ("The paper
# wrote to the mayor, and her office [said]", "The board has tried to calm the tenants [, saying]"): on annotated real
# articles 2 of 8 such claims were check-worthy, in six articles of four sets.
_AROUND_QUOTE_PAST = 0.2
# News puts what happened first: the article's own plain statements in its first sentences are the story's facts,
# later ones more often scene, colour and background.
LEDE_SENTENCES = 3
_LEDE = 0.1


def confidence(verdict: Verdict, text: str, voice: Voice, position: int, *, around_quote: bool = False) -> float:
    """The claim's confidence from its verdict, its words, whose voice it is in and where in the article it is;
    ``around_quote``: the article's words around a quote, beside the attribution."""
    score = _BASE[verdict.basis]
    if around_quote and verdict.basis == "past":
        score -= _AROUND_QUOTE_PAST
    if voice == "article":
        score += _ARTICLE
    elif verdict.basis == "first" and (voice != "speaker" or not content_kinds(text) & HARD):
        score -= _SPEAKERS_SUPERLATIVE
    if position < LEDE_SENTENCES and verdict.basis != "hard" and voice == "article":
        score += _LEDE
    if verdict.opinion:
        score -= _ARTICLE_OPINION if voice == "article" and verdict.basis != "hard" else _OPINION
    if voice != "article" and verdict.basis != "hard":
        score -= _speakers_talk(verdict, text, voice)
    if len(WORD_RE.findall(text)) < _SHORT_WORDS:
        score -= _SHORT
    return round(max(0.05, min(0.99, score)), 2)


def _speakers_talk(verdict: Verdict, text: str, voice: Voice) -> float:
    """What a speaker's statement with no figure, date or age loses for being talk rather than a checkable fact."""
    tokens = word_tokens(HYPHENED_I_RE.sub(" ", text) if "I-" in text else text)
    words = {token.lower().replace("\u2019", "'") for token in tokens}
    penalty = 0.0
    if voice == "speaker" and not FIRST_PERSON_SINGULAR.isdisjoint(words):
        penalty += _FIRST_PERSON_SINGULAR
    elif not FIRST_PERSON.isdisjoint(tokens):
        penalty += _FIRST_PERSON
    if not PLAY_WORDS.isdisjoint(words):
        penalty += _PLAY_TALK
    if not KNOWING.isdisjoint(words):
        penalty += _KNOWING
    if voice == "speaker" and verdict.basis != "first" and QUOTED_WORDS_RE.search(text):
        penalty += _QUOTED_WORDS
    return penalty
