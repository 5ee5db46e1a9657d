"""Whether a stretch of text is a check-worthy claim, and of which kind (``judge``, ``assess``).

A stretch is read clause by clause (``and``, ``but``, ``while``, ``;``, ``:`` split it):

1. a clause about what will or would be (``will``, ``would``, ``expects``, ``is set to``, ``plans to``) asserts
   nothing checkable yet and is set aside whole, figures and all; a modal in a relative clause ("a plan that would
   close two schools was approved") and a past expectation ("analysts had predicted a loss of 12 cents") are facts;
2. in the clauses left, a figure, a date or an age always counts ("He felt nervous after being chosen from 500
   volunteers");
3. a first or superlative, an event verb ("banned", "arrested") or any statement of what was done or has been (a
   past or a participle: "The lawyer asked to be removed from the case"; a present passive of place or agent: "the
   charters are housed in the archive", not of mind: "is interested in") counts only in a clause free of opinion,
   feeling, hedging, advice or evaluation ("seems", "I think", "deserved", "looked sharp");
4. in reported speech, a state told with a finite "be" or "have" of a subject named or described counts too ("the
   spokesman said the bridge was still open"), in a clause or phrase free of opinion even beside one that is not:
   the speaker asserts it as fact;
5. in the article's own words, where someone or something is counts too ("An inquiry is underway at the port", "The
   driver remains in hospital");
6. in the article's words or reported speech, a present verb after a subject named or described tells a standing
   fact ("The ordinance bans trucks from the bridge", "The Harlow family owns the mill"), as the tagger reads the
   clause's first words.

In a speaker's words an intensifier before an adjective ("absolutely brilliant", "so brave") marks opinion as an
opinion word does. Words reported after a verb of demanding in the subjunctive's bare form ("demanded that the
council reconsider") are a demand (``is_demand``).

The kind is the first that fits, most specific first: ``age``, ``first``, ``figure``, ``date``, ``other``. A number
counts once, as the most specific thing it is (see ``content_kinds``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from newsfacts.extraction import tagger
from newsfacts.extraction.claims.claim import ContentKind
from newsfacts.extraction.claims.content import SWEEPING_START, content_kinds, states_age
from newsfacts.extraction.claims.content import forget as forget_content_kinds
from newsfacts.extraction.claims.vocabulary import (
    APPEAL_RE,
    APPEARED_TO_RE,
    ASKED_TO_SPEAK_RE,
    ASKING_START,
    CAN_CONFIRM_RE,
    CLAUSE_BREAK,
    CONDITIONAL_START,
    CONSENSUS_RE,
    DEGREE_WORDS,
    DEICTIC,
    DEPENDENT_JOINS,
    DETERMINERS,
    DISLIKED_RE,
    EDITORS_NOTE_START,
    FEELINGS,
    FELL_SILENT_RE,
    FELT_BY_OTHERS_RE,
    FELT_BY_OTHERS_WORDS,
    FORECAST_RE,
    FORWARD_BREAK,
    FORWARD_WORDS,
    HABIT_RE,
    HARD_TO_RE,
    HYPHENATED_RE,
    IMPERATIVE_START,
    INTENSIFIERS,
    IRREGULAR_PAST,
    MENTAL_STATES,
    MIN_OTHER_WORDS,
    MIN_QUOTE_WORDS,
    NEGATED_FACT_RE,
    NEGATED_JUDGEMENT_RE,
    NOT_PAST,
    NOT_STANDING,
    PARTICIPLE_RE,
    PAST_ABILITY_RE,
    PLACED_RE,
    PRAISE_RE,
    PRAISE_WORDS,
    QUESTION_END,
    RAISED_DOUBT_RE,
    RELATIVE_MODAL_RE,
    ROLE_HOLDER_RE,
    SCENE_VERBS,
    SCHEDULED_RE,
    SOFT_WORDS,
    SPEECH_ACTS,
    STATE_ADVERBS,
    STATE_VERBS,
    SUBORDINATE_RE,
    THAN_BELIEVED_RE,
    WORD_RE,
    forget_word_tokens,
    word_tokens,
)
from newsfacts.extraction.cues import words

PRIORITY: tuple[ContentKind, ...] = ("age", "first", "figure", "date", "other")
HARD: frozenset[ContentKind] = frozenset({"age", "date", "figure"})
# Beside an opinion or a feeling, in the article's words, an amount or an age still counts ("He felt nervous after
# being chosen from 500 volunteers"); a day only sets the scene ("a very disappointed man last weekend").
BESIDE_OPINION: frozenset[ContentKind] = frozenset({"age", "figure"})
PHRASE_BREAK = re.compile(r"[,;:\u2013\u2014]\s+|\s+-+\s+|\s*[\[\]()]\s*")
_IS_FORM = re.compile(r"(?:is|are|was|were|am|\w+'s|\w+'re)$")  # "it's being taken away" is happening
Basis = Literal["hard", "first", "event", "past", "denial", "reported", "placed", "scheduled", "present"]
# The tagger reads a clause's first words only: a subject and its verb stand there.
_LOOK_AHEAD = 10
_NOUN_PHRASE_TAGS = frozenset({"DT", "NNP", "NNPS", "NN", "NNS", "JJ", "POS", "CD", "PRP$", "HYPH"})
_ADJECTIVE_TAGS = frozenset({"JJ", "JJR"})
# A subject named ("Tom Reyes chairs ...") or described with an article ("The ordinance bans ...").
_NAMING_TAGS = frozenset({"NNP", "NNPS"})
_ARTICLES = frozenset({"The", "A", "An", "the", "a", "an"})
# Words that make a clause indicative: a finite "be", "have" or "do" ("insisted that he did not get a briefing").
_INDICATIVE = STATE_VERBS | {"did", "does", "do", "didn't", "doesn't", "don't", "to"}
# Subjects that point at something said before: what they are not is a verdict on it.
_POINTING = frozenset({"it", "this", "that"})
# Words that open the rest of a list rather than a clause of its own: ", not renewed or amended".
_LIST_GOES_ON = frozenset({"not", "or", "nor"})
# Prepositions that, before a verb in -ing, open a phrase of how or with what something is done ("by closing",
# "without raising"), not a clause of its own.
_MEANS_OPENERS = frozenset({"by", "through", "without", "while", "via"})
_GERUND_RE = re.compile(r"[a-z]{2,}ing$")
# Words that open a condition or a circumstance of another clause, or a description of a noun ("which has been"),
# not a statement of its own.
_OPENS_A_CONDITION = DEPENDENT_JOINS | words("while whereas once whenever until whether who which whose")
# What follows a verb: its object or a particle ("reconsider its decision", "step down").
_OBJECT_START_TAGS = frozenset({"DT", "PRP$", "CD", "PRP", "RP", "RB", "IN"})


@dataclass(frozen=True, slots=True)
class Verdict:
    """What a stretch of text claims: its kind, what made it a claim, and whether opinion words surround it."""

    kind: ContentKind
    basis: Basis
    opinion: bool


def _placed_or_done_by(lower: list[str], index: int) -> bool:
    """Whether a present passive says where a thing is or who does it ("is housed in", "is owned by", "are found
    mostly in"), not a state of mind ("is interested in", "is focused on")."""
    after = [word for word in lower[index + 1 : index + 4] if not _adverb(word)]
    return after[:1] in (["by"], ["in"], ["at"]) and lower[index] not in MENTAL_STATES


def _adverb(word: str) -> bool:
    """An adverb between a "be" and a participle ("is still closed", "am so struck", "is deeply divided")."""
    return word in STATE_ADVERBS or word in DEGREE_WORDS or (len(word) > 4 and word.endswith("ly"))


def states_past(tokens: list[str]) -> bool:
    """Whether the words say what was done or has been: a past or participle, not "to be linked"; an act of speaking
    counts only when done to someone ("he was questioned by detectives"), not as the words' own report."""
    lower = [token.lower() for token in tokens]
    for index, word in enumerate(lower):
        if tokens[index][0].isupper() or (index and lower[index - 1] in DETERMINERS) or word == "been":
            # a name ("United", "Allied"), an adjective ("a retired teacher", "the leaked figures"), or "been", which
            # says what was done only with a participle after it ("has been closed", not "has been a rough week")
            continue
        perfect = lower[index - 1 : index] in (["has"], ["have"], ["had"]) and PARTICIPLE_RE.match(word) is not None
        passive = lower[index - 1 : index] in (["was"], ["were"], ["been"])  # "he was questioned by police"
        if (
            (word in SPEECH_ACTS and not passive)
            or word in SCENE_VERBS
            or not (
                perfect or word in IRREGULAR_PAST or (len(word) >= 4 and word.endswith("ed") and word not in NOT_PAST)
            )
        ):
            continue
        before = [earlier for earlier in lower[max(0, index - 3) : index] if not _adverb(earlier)]
        gerund = before[-1:] == ["being"] and not (before[-2:-1] and _IS_FORM.match(before[-2]))  # "like being nagged"
        if before[-1:] in (["is"], ["are"]) and _placed_or_done_by(lower, index):
            return True  # "the charters are kept in the archive", "the club is owned by a trust": a fact as it stands
        if before[-2:] == ["to", "be"] or before[-1:] in (["is"], ["are"], ["am"], ["get"], ["gets"]) or gerund:
            continue  # "to be brought back", "is focused", "we get punished": what is wanted, is or tends to be
        return True
    return False


def _first_words(text: str) -> tuple[list[str], Sequence[str]]:
    """The first words of ``text`` and their part-of-speech tags, the tagger reading no further (and only as far as
    the caller reads the tags: most clauses are decided on their first word or two)."""
    words = [text[start:end].replace("\u2019", "'") for start, end in tagger.tokenize(text)[:_LOOK_AHEAD]]
    return words, tagger.tags_as_read(words)


def states_standing_fact(clause: str) -> bool:
    """Whether a subject named or described has a present verb that tells how things stand ("The ordinance bans
    trucks from the bridge", "the carbon in the air already commits the world to ..."), not one of seeming, wanting or
    speaking ("The plan seems ...", "The mayor says ..."), nor a pronoun's ("It looks ...") or a sweeping subject's
    ("Many voters take ..."), nor in a line of title case, a headline ("Old Hands Help Russia ...")."""
    words, tags = _first_words(clause)
    if not words or words[0].lower() in DEICTIC or (tags[0] not in _NAMING_TAGS and words[0] not in _ARTICLES):
        return False
    capitalised = sum(word[:1].isupper() for word in words)
    if capitalised * 2 > len(words):
        return False
    for index, (word, tag) in enumerate(zip(words, tags, strict=True)):
        if tag in ("VBZ", "VBP") and index:
            lower = word.lower()
            return (
                index + 1 < len(words)
                and words[index + 1][:1].isalnum()  # an object or a complement follows, not the line's end
                # "plans to", "aims to": what is wanted; "Mr Ruiz's bet is": a noun read as a verb
                and words[index + 1].lower() not in ("to", "is", "was", "are", "were")
                and all(lower not in vocabulary for vocabulary in (STATE_VERBS, NOT_STANDING, SPEECH_ACTS, SOFT_WORDS))
            )
        # the subject's words, a phrase after its noun ("the carbon in the air"), an adverb before the verb
        within = tag in _NOUN_PHRASE_TAGS or (tag == "IN" and index > 1)
        if not within and not (tag == "RB" and tags[index + 1 : index + 2] in (["VBZ"], ["VBP"])):
            return False
    return False


def is_demand(words: str) -> bool:
    """Whether words reported after a verb of demanding have their verb in the subjunctive's bare form ("[demanded
    that] the council reconsider its decision", "[asked that] the names be withheld"): what is wanted, not what is.
    The bare verb is told by its shape (no -s, no past) and by what follows it, an object or a particle; the tagger,
    reading a clause without its verb of demanding, takes "the council reconsider" for two nouns."""
    tokens, tags = _first_words(words)
    for index in range(1, len(tokens)):
        word = tokens[index].lower()
        if word == "be":
            return True
        if tags[index] == "MD" or word in _INDICATIVE or word in IRREGULAR_PAST or word.endswith("ed"):
            return False  # "insisted that the figures are right", "that the mayor resigned": what is or was
        if (
            tokens[index].islower()
            and not word.endswith("s")
            and tokens[index - 1].lower() not in DETERMINERS
            and index + 1 < len(tags)
            and tags[index + 1] in _OBJECT_START_TAGS
        ):
            return True
    return False


def _opinion_words(tokens: list[str], quoted: bool) -> set[str]:
    """The words marking opinion, feeling or hedging; in a speaker's words also praise or blame ("showed real
    courage", "went above and beyond") and an intensifier before an adjective ("absolutely brilliant", "so brave"),
    as the tagger reads the two words: a verdict, not a fact."""
    found = set(SOFT_WORDS.intersection(tokens))
    if not quoted:
        return found
    found.update(token for token in tokens if token.lower() in PRAISE_WORDS)
    praise = PRAISE_RE.search(" ".join(tokens))
    if praise:
        found.add(praise.group())
    if not INTENSIFIERS.isdisjoint(map(str.lower, tokens)):
        for index, token in enumerate(tokens[:-1]):
            if token.lower() in INTENSIFIERS and tagger.tag(tokens[index : index + 2])[1] in _ADJECTIVE_TAGS:
                found.add(token)
    return found


def _denies_a_fact(words: str) -> bool:
    """Whether a speaker's words deny or negate a fact ("Our firm has nothing to do with this", "the surface doesn't
    meet the standard"), not a judgement: what something does not mean or reflect ("the timetable does not reflect
    how people travel"), nor what "it", "this" or "that" is not ("This isn't a real budget", "It's not a full set")."""
    if not NEGATED_FACT_RE.search(words) or NEGATED_JUDGEMENT_RE.search(words):
        return False
    tokens = word_tokens(words)
    return not tokens or tokens[0].lower().split("'")[0] not in _POINTING


def _states_a_state(tokens: list[str]) -> bool:
    """Whether reported words tell how something is or was, with a finite "be" or "have", of a subject named or
    described ("the bridge was still closed", "the mayor had the right to"), not of "it", "this" or "there", which
    mostly carry a judgement ("this was a disgrace"), nor a state of mind ("the ministry is committed to openness");
    "they're" is a finite "be" too ("re" once a curly apostrophe splits it)."""
    if not tokens or tokens[0].lower().replace("\u2019", "'").split("'")[0] in DEICTIC:  # "it's", "that's" too
        return False
    lower = [token.lower() for token in tokens]
    for index, word in enumerate(lower):
        if word in STATE_VERBS or word.endswith("'re") or word == "re":
            after = [later for later in lower[index + 1 : index + 3] if not _adverb(later)]
            return after[:1] != [] and after[0] not in MENTAL_STATES  # "is committed to": a stance, not a state
    return False


def _reported_state(clauses: list[str], opinion: bool) -> bool:
    """Whether reported words tell a state (``_states_a_state``) in a clause or phrase free of opinion and hedging:
    beside a hedge or a feeling in another clause, the state is still asserted ("people are not getting their jabs,
    and could fall ill", "drivers were using the lanes as shortcuts and he worried about the children")."""
    if not opinion:
        return _states_a_state(word_tokens(" ; ".join(clauses)))
    for clause in clauses:
        for piece in (*CLAUSE_BREAK.split(clause), *PHRASE_BREAK.split(clause)):
            tokens = word_tokens(piece)
            if (
                len(tokens) >= MIN_QUOTE_WORDS
                # "if people are upset, ...", "even if it's small", "..., which has been": a condition, a
                # circumstance or a description of a noun, not the state reported
                and tokens[0].lower() not in _OPENS_A_CONDITION
                and tokens[1].lower() not in _OPENS_A_CONDITION
                and not _opinion_words(tokens, True)
                and _states_a_state(tokens)
            ):
                return True
    return False


def is_forward(clause: str, tokens: list[str]) -> bool:
    """Whether the clause says what will or would be (a prediction, plan or promise), not what is or was."""
    if not FORWARD_WORDS.isdisjoint(map(str.lower, tokens)):
        bare = RELATIVE_MODAL_RE.sub(" ", clause)
        if bare == clause or not FORWARD_WORDS.isdisjoint(map(str.lower, word_tokens(bare))):
            return True
    return FORECAST_RE.search(clause) is not None and CONSENSUS_RE.search(clause) is None


def _factual_clauses(text: str, tokens: list[str]) -> list[str]:
    """The clauses of ``text`` that are not about what will be; the whole text when none is.

    A clause that depends on a forward one ("would sign the bill [if it reached his desk]") goes with it.
    """
    if FORWARD_WORDS.isdisjoint(map(str.lower, tokens)) and (
        FORECAST_RE.search(text) is None or CONSENSUS_RE.search(text) is not None
    ):
        return [text]
    pieces = FORWARD_BREAK.split(text)  # clause, separator, clause, ...
    kept, forward, short = [], False, False
    for index in range(0, len(pieces), 2):
        clause = pieces[index]
        joined_by = pieces[index - 1].strip(" ,").lower() if index else ""
        tokens = word_tokens(clause)
        forward = (forward and _goes_on(joined_by, tokens, short)) or is_forward(clause, tokens)
        short = len(tokens) < MIN_QUOTE_WORDS
        if not forward:
            kept.append(clause)
    return kept


def _goes_on(joined_by: str, tokens: list[str], after_short: bool) -> bool:
    """Whether a clause goes on with the one before rather than asserting on its own: a dependent clause, a few
    words with no verb of their own ("likely to go on into Tuesday and later this week"), the rest of a list ("to be
    renewed, not renewed or amended"), how it is done ("by closing two plants"); after "and", a second verb of the
    same subject and modal ("would review the rota and ensure [staff were paid]") or the rest of a few words ("as he
    [and his crew hauled in the nets]")."""
    if joined_by in DEPENDENT_JOINS or len(tokens) < MIN_QUOTE_WORDS or tokens[0].lower() in _LIST_GOES_ON:
        return True
    if tokens[0].lower() in _MEANS_OPENERS and _GERUND_RE.match(tokens[1]):
        return True  # "will cut costs, by closing two plants": how it will be done, as much to come as the rest
    if joined_by != "and":
        return False
    return after_short or (tokens[0].islower() and tagger.tag(tokens[:3])[0] == "VB")


def _plain(clause: str, tokens: list[str]) -> tuple[set[ContentKind], bool]:
    """What an opinion-free clause states, and whether it says what was done (a past or a participle)."""
    kinds = content_kinds(clause)
    if kinds:
        return kinds, False  # a past only counts when nothing else does: no need to look
    main = HYPHENATED_RE.sub(" ", SUBORDINATE_RE.sub(" ", clause))  # "foul-mouthed" is no past
    if "ask" in main:
        main = ASKED_TO_SPEAK_RE.sub(" ", main)  # "a reporter asked him to clarify", "asked if ...": more talk
    return kinds, states_past(tokens if main == clause else word_tokens(main))


def _kinds(clauses: list[str], quoted: bool) -> tuple[set[ContentKind], bool, bool]:
    """The kinds the factual clauses state, whether one states a past, and whether any holds an opinion marker.

    In the article's words a figure, a date or an age counts even beside an opinion; in a speaker's, only in a
    clause free of it ("Surely the parish can spare a couple of dozen benches" is a complaint, not a count).
    """
    text = " ; ".join(clauses)
    tokens = word_tokens(text)
    opinion = _opinion_words(tokens, quoted)
    if not opinion:
        return *_plain(text, tokens), False
    judged = quoted and not FEELINGS.issuperset(opinion)
    kinds: set[ContentKind] = set() if judged else content_kinds(text) & BESIDE_OPINION
    past = False
    for clause in clauses if len(clauses) > 1 else CLAUSE_BREAK.split(text):
        clause_tokens = word_tokens(clause)
        if len(clause_tokens) >= MIN_QUOTE_WORDS and not _opinion_words(clause_tokens, quoted):
            clause_kinds, clause_past = _plain(clause, clause_tokens)
            kinds |= clause_kinds - (set() if judged else BESIDE_OPINION)
            past = past or clause_past
    if not quoted and not past and not kinds - BESIDE_OPINION:
        # the article's words: an aside between commas holds the opinion ("Worse still, for the club, its accounts were
        # filed late"), the phrases beside it may still say what was done
        for phrase in PHRASE_BREAK.split(text):
            phrase_tokens = word_tokens(phrase)
            if len(phrase_tokens) >= MIN_QUOTE_WORDS and SOFT_WORDS.isdisjoint(phrase_tokens):
                phrase_kinds, phrase_past = _plain(phrase, phrase_tokens)
                kinds |= phrase_kinds - BESIDE_OPINION
                past = past or phrase_past
    if judged and content_kinds(text) & HARD:
        # a speaker's figure in a phrase of its own beside the opinion ("had a rough quarter, with sales down
        # 3.1%")
        for phrase in PHRASE_BREAK.split(text):
            phrase_tokens = word_tokens(phrase)
            if len(WORD_RE.findall(phrase)) >= MIN_QUOTE_WORDS and not _opinion_words(phrase_tokens, quoted):
                kinds |= content_kinds(phrase) & HARD
    return kinds, past, True


def _forward_verdict(text: str) -> Verdict | None:
    """What still counts in words about what will be: a person's age ("flying with Klim Shipenko (38)"), and a
    schedule with its day ("will return to Earth on October 17"), which annotators rate either way."""
    if states_age(text):
        return Verdict("age", "hard", False)
    if SCHEDULED_RE.search(text) and SOFT_WORDS.isdisjoint(word_tokens(text)):
        return Verdict("date", "scheduled", False)
    return None


def _plain_words(text: str, *, quoted: bool) -> str:
    """The words with phrases that look like opinion but are not put plainly (each check runs only when its words
    are there)."""
    if "than " in text:
        text = THAN_BELIEVED_RE.sub("than", text)  # "earlier than originally thought" compares; nobody's opinion
    if any(word in text for word in FELT_BY_OTHERS_WORDS):
        text = FELT_BY_OTHERS_RE.sub("affected", text)  # "Acme surprised Wall Street": an act, not a feeling
    if " time" in text or " while" in text or " then" in text or " often" in text:
        text = HABIT_RE.sub("sometimes", text)  # "now and then we check the crates" is a habit
    if quoted and ("can " in text or "could " in text):
        text = CAN_CONFIRM_RE.sub(r"\g<verb>", text)  # "We can confirm that the pier was shut": vouched for
    if not quoted and ("could" in text or " able " in text):
        text = PAST_ABILITY_RE.sub("managed", text)  # "crews could not reach the house": what happened then
    if "rais" in text:
        text = RAISED_DOUBT_RE.sub("prompted questions", text)  # "the finding raises questions": talk, not an event
    if " like" in text:
        text = DISLIKED_RE.sub("disliked", text)  # "shareholders did not like the numbers": a feeling
    if " to " in text and ("arn" in text or "ppeal" in text or "plea" in text or "call" in text or "aution" in text):
        text = APPEAL_RE.sub("urged", text)  # "warned people to stay away": advice reported, not a fact
    if " hard to" in text:
        text = HARD_TO_RE.sub("it is difficult to", text)  # "it's hard to explain to newcomers": a judgement
    if not quoted and "ppear" in text:
        # "the jurors appeared to be listening": the article's hedge on a scene; a speaker's finding stays one ("the
        # new drug appeared to shorten hospital stays")
        text = APPEARED_TO_RE.sub("seemed to ", text)
    if "fell " in text:
        text = FELL_SILENT_RE.sub("was silent", text)  # "the room fell silent": the scene
    return text


@lru_cache(maxsize=4096)
def judge(text: str, *, quoted: bool = False, reported: bool = False) -> Verdict | None:
    """The claim ``text`` makes, or None when it is not check-worthy.

    The article's own plain statements (an event or a past, nothing harder) need ``MIN_OTHER_WORDS`` words; a
    speaker's (``quoted``) need no more than a quote does, since the speaker, not the article, vouches for them.
    Reported speech (``reported``: "the spokesman said the road was still closed") asserts what is as well as
    what was: a state told with a finite "be" or "have" counts there, not in a direct quote, where such words are
    more often colour ("It is a real eyesore").
    """
    if SWEEPING_START.match(text):
        return None
    text = _plain_words(text, quoted=quoted)
    clauses = _factual_clauses(text, word_tokens(text))
    if clauses != [text]:
        forward = _forward_verdict(text)
        if forward and (not clauses or forward.kind == "age"):
            return forward
    if not clauses:
        return None
    kinds, past, opinion = _kinds(clauses, quoted)
    for kind in PRIORITY[:-1]:
        if kind in kinds:
            return Verdict(kind, "hard" if kind in HARD else "first", opinion)
    if not quoted and len(WORD_RE.findall(text)) < MIN_OTHER_WORDS:
        return None
    if "other" in kinds:
        return Verdict("other", "event", opinion)
    if past:
        return Verdict("other", "past", opinion)
    return _present_verdict(text, clauses, quoted=quoted, reported=reported, opinion=opinion)


def _present_verdict(text: str, clauses: list[str], *, quoted: bool, reported: bool, opinion: bool) -> Verdict | None:
    """The claim of a stretch that tells no event and no past (``judge``'s last step): a speaker's denial of a fact,
    a state in reported speech, or, in the article's own words, where someone is, who holds a role, or a standing
    fact; None otherwise."""
    main = SUBORDINATE_RE.sub(" ", " ; ".join(clauses))  # "When someone is not there, ...": a habit's condition
    if quoted and not opinion and _denies_a_fact(main):
        return Verdict("other", "denial", opinion)
    if reported and _reported_state(clauses, opinion):
        return Verdict("other", "reported", False)
    if not quoted and not opinion and PLACED_RE.search(text) and word_tokens(text)[0].lower() not in DEICTIC:
        return Verdict("other", "placed", opinion)  # "An inquiry is underway at the port", "he remains in custody"
    if not quoted and not opinion and ROLE_HOLDER_RE.match(text):
        return Verdict("other", "present", opinion)  # "The lead prosecutor in the case was Jane Doe"
    if not quoted and not opinion and any(states_standing_fact(clause) for clause in clauses):
        return Verdict("other", "present", opinion)  # "The ordinance bans trucks from the bridge"
    return None


def forget() -> None:
    """Drop the verdicts kept so far: a stretch is judged once an article however many rules ask (its clauses, its
    parts, the words around a quote), and ``find_claims`` calls this when the article's claims are found, so that
    each article is judged afresh."""
    judge.cache_clear()
    forget_content_kinds()
    forget_word_tokens()


def assess(text: str, *, quoted: bool = False) -> ContentKind | None:
    """The kind of claim ``text`` makes, or None when it is not check-worthy."""
    verdict = judge(text, quoted=quoted)
    return verdict.kind if verdict else None


def is_never_a_claim(sentence: str) -> bool:
    """Questions (asked or put in words), conditionals and advice assert nothing, whatever figures they hold; an
    editor's note on the article ("Correction: ...") is no claim of the story."""
    return bool(
        QUESTION_END.search(sentence)
        or CONDITIONAL_START.match(sentence)
        or IMPERATIVE_START.match(sentence)
        or ASKING_START.match(sentence)
        or EDITORS_NOTE_START.match(sentence)
    )
