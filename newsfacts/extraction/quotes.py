"""Quotes, direct and reported, attributed to speakers.

How it reads an article (rule-based, no model):

1. Quotation marks are paired per paragraph (curly marks by shape, straight marks by parity); a quote running over
   several paragraphs repeats its opening mark at each paragraph start and closes only at its end.
2. Each quoted span is classified. Inside a heading sentence it is a quoted subheading, never a quote. Preceded by a
   word, in Title Case and without closing punctuation it is a title (``the novel "A House by the Sea"``). Of one or
   two words, it is a scare quote (not a quote) after a determiner or a naming word (``the "experts"``, ``a group
   called "Freedom"``) or when the next word is a content word it modifies (``unnamed "foreign" donors``); when it
   ends its phrase instead (``felt "betrayed" by``, ``looked "exhausted."``) it is the speaker's own word and
   makes a partial quote, but only inside reported speech: with no reporting cue around it, it stays a scare quote.
   Longer spans preceded by a word are partial quotes; spans opening a clause are direct quotes.
3. Reporting cues (``said``, ``told Reuters``, ``according to``, ``stated that`` ...) are found outside the quotes, with
   their subject: a name, a pronoun, a role noun (``the minister``), or after the verb (``said the minister``). A cue
   either introduces a direct quote (``She says, "..."``), follows one (``"...," he said``), or governs reported
   content: after it (``X said (that) ...``: indirect, or mixed when it holds a partial quote) or before it
   (``..., the company said in a statement``). News agencies that report (``Reuters reported``) or are told
   (``told Reuters``) are never the speaker.
4. A direct quote with no cue continues the previous quote's speaker when it follows it within a sentence
   (attribution ``continuation``); otherwise it is left unattributed.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field, replace
from typing import Literal

from newsfacts.extraction import tagger
from newsfacts.extraction.cues import (
    ADDRESSEE_VERBS,
    ADVERBIAL,
    ALL_VERBS,
    CLAUSE_STARTERS,
    DETERMINERS,
    FINDING_VERBS,
    FINITE,
    FRAMING_VERBS,
    INFERENCE_PARTICIPLES,
    IRREGULAR_VERBS,
    OBJECT_PRONOUNS,
    PARTICIPLE_CUES,
    PASSIVE_AUXILIARIES,
    PERSONAL_PRONOUNS,
    PHRASAL_CUES,
    PREPOSITIONS,
    PRONOUN_GENDER,
    RESEARCH_NOUNS,
    SPEAKER_ACTIONS,
    SPEECH_VERBS,
    STOPWORDS,
    SUBJECT_PRONOUNS,
    SUBORDINATORS,
    THAT_ONLY_VERBS,
    THAT_VERBS,
    VERB_MODIFIERS,
    VERB_PREPOSITIONS,
    VERB_RE,
    as_written,
    is_cardinal,
    is_number,
    is_organisation_role,
    is_person_role,
    pronoun_pattern,
    words,
)
from newsfacts.extraction.marks import (
    MASK,
    OPENING,
    WORD,
    QuotedSpan,
    classify,
    mask_quotes,
    pair_marks,
)
from newsfacts.extraction.names import GLUED_VERB, GLUED_VERBS, Mention, find_mentions
from newsfacts.extraction.sentences import Sentence, past_dateline
from newsfacts.extraction.speakers import (
    Entity,
    Speaker,
    SpeakerBook,
    first_name_genders,
    organisation_noun_before,
    same_speaker,
)
from newsfacts.extraction.subjects import (
    DOCUMENTS,
    AttributionMethod,
    Reading,
    Subject,
    clause_subject,
    common_word,
    named,
    noun_phrase_before,
    parsed_subject,
    pronoun_subject,
    source_of,
    subject_left,
    subject_right,
)
from newsfacts.extraction.transcripts import LabelLine, continued, label_lines

QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Quote:
    """A quote as found: its exact span, kind, speaker and cue, and how sure and how attributed."""

    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None  # the Speaker.name, or None when not attributed
    cue: str
    sentence: int  # position of the sentence the quote starts in
    confidence: float
    attribution: AttributionMethod
    # Who speaks when nobody is named: the words the article uses ("a senior official", "one resident", "analysts").
    speaker_description: str = ""


# A speaker named again by a shorter form ("Ruiz") is one the story already follows, and measured more often right
# than a first full mention, whose subject phrase (titles, appositions, owners) is where readings go wrong.
CONFIDENCE: dict[str, float] = {
    "name": 0.85,
    "alias": 0.9,
    "pronoun": 0.75,
    "role": 0.7,
    "continuation": 0.7,
    "none": 0.5,
}
LETTERS = re.compile(r"[A-Za-z]+")


@dataclass(slots=True)
class _Cue:
    start: int  # of the verb
    end: int
    word: str
    lemma: str
    subject: Subject
    inverted: bool = False
    participle: bool = False  # "adding that": its subject is the previous cue's, it governs only what follows
    relative: bool = False  # "levels that the agency said topped limits": the content is the rest of the clause
    leads: bool = False  # the subject opens the sentence: "X said, the plan ..." reports what follows the comma


@dataclass(slots=True)
class _Reader(Reading):
    """The article being read, with the quotes found so far."""

    segments: list[QuotedSpan] = field(default_factory=list)
    opens: list[int] = field(default_factory=list)  # opening mark offsets of ``segments``, in order
    quotes: list[Quote] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # entity ids that speak
    last: tuple[int, Entity | None] | None = None  # (sentence index of the last quote's end, its speaker)
    last_description: str = ""  # the last quote's unnamed speaker, as the article describes them
    # Every quote's (start, sentence index of its end, speaker, description), in the order found.
    spoken: list[tuple[int, int, Entity | None, str]] = field(default_factory=list)


# -- cues and what they govern --------------------------------------------------------------------------------


# The words a cue can start with (``_lemma_of``), so that ``_cues`` passes over every other word of a sentence at once.
_CUE_WORDS = frozenset([*ALL_VERBS, *FINDING_VERBS, *PHRASAL_CUES, *THAT_ONLY_VERBS])


def _cues(reader: _Reader, s: Sentence) -> list[_Cue]:
    masked = reader.masked
    found: list[_Cue] = []
    for found_word in LETTERS.finditer(masked, s.start, s.end):
        word = found_word.group()
        if not (word.endswith("ing") or word.lower() in _CUE_WORDS or word.endswith(GLUED_VERBS)):
            continue  # no participle, no reporting verb, no verb glued to a name
        m = _unglued(found_word)
        word = m.group()
        participle = _participle_lemma(masked, s, m, word) if word.endswith("ing") else None
        if participle is not None:
            handed = _progressive_cue(reader, s, m, participle) or _participle_cue(reader, s, m, participle, found)
            if handed is not None:
                found.append(handed)
                continue
        reading = _lemma_of(masked, m)
        if reading is None or (word[0].isupper() and m.start() != s.start):
            continue
        lemma, verb_end = reading
        preceding = masked[s.start : m.start()].split()
        prev_word = preceding[-1].strip('.,;:!?()"').lower() if preceding else ""
        determiner = prev_word in DETERMINERS and not (prev_word == "some" and word == "say")  # "Some say ..."
        if prev_word in PASSIVE_AUXILIARIES or determiner or prev_word in _ELLIPTICAL:
            continue  # "was told", "the claims", "to say", "when asked": no speaker of its own
        if _negated(preceding) or _no_verb_here(masked, m, lemma, verb_end, preceding[-1] if preceding else ""):
            continue  # "did not say whether", "analyst estimates of", "Editor's note:": nothing said, or a noun
        before = masked[s.start : m.start()].rstrip()
        subject = None
        inverted = False
        # "Ana Ruiz, prosecuting, said Tom Bassey, who ...": the name set off before the verb is its subject.
        apposed = _NAME_THEN_ASIDE.fullmatch(masked, s.start, s.start + len(before))
        if (before.endswith((MASK, ",")) or not before) and lemma not in ADDRESSEE_VERBS and not apposed:
            subject = subject_right(reader, s, m.end())
            if subject is not None and (subject.reporter or _PRONOUN_BEFORE.search(masked, m.end(), subject.end)):
                subject = None  # "..., told the BBC": the press is told; ", say they will vote for X": no inversion
            inverted = subject is not None
        if subject is None:
            subject = _subject_before(reader, s, m.start(), lemma, word.lower() != lemma)
        if lemma in _FINDING_LEMMAS:
            subject = _research_subject(reader, s, subject)
        if subject is None:
            continue
        if lemma == "report" and (subject.entity is None or subject.entity.kind == "organisation"):
            subject.reporter = True
        relative = not inverted and bool(
            re.search(r"\b(?:that|which)\s+$", masked[max(0, subject.start - 8) : subject.start])
        )
        cue_word = masked[m.start() : verb_end].lower()
        leads = not masked[s.start : subject.start].strip()
        found.append(_Cue(m.start(), verb_end, cue_word, lemma, subject, inverted, relative=relative, leads=leads))
    return found


# What may stand between a subject and its verb: a phrase of time, place or occasion ("Ana Ruiz at the time said",
# "the mayor, in a radio interview on Friday, said"), a reflexive ("the mill itself said") or a connective set off by
# commas ("Others, however, say").
_CONNECTIVE_ASIDE = r",\s+(?:however|though|too|meanwhile|also|instead|in\s+turn|for\s+example|for\s+instance),"
_BETWEEN_SUBJECT_AND_VERB = re.compile(
    r"(?:,?\s+(?:at|in|on|during|after|before|via|through|over)\s[^,;:()\n" + MASK + r"]{1,60}?,?"
    r"|\s+(?:itself|themselves|himself|herself)|" + _CONNECTIVE_ASIDE + r")\s*$"
)
_CONNECTIVE_BEFORE_VERB = re.compile(_CONNECTIVE_ASIDE + r"(?:\s+(?:had|has|have|also|later|had\s+also))?\s*$")


def _subject_before(reader: _Reader, s: Sentence, vs: int, lemma: str, inflected: bool) -> Subject | None:
    """The subject before the verb at ``vs``; past a phrase between them (``X at a briefing in Halden on Friday
    said``: X, not Halden) when the verb is inflected (``staff with chronic stress problems``: a noun); else a
    common noun phrase opening the clause that no rule resolves (``The mill said``, ``Some families said``), when
    the verb is one of speech (``The results suggest`` infers): an unnamed speaker; else, for a verb of speech, the
    dependency parser's subject (``parsed_subject``)."""
    verb = vs
    subject = subject_left(reader, s, vs)
    relative = _RELATIVE_BEFORE_VERB.search(reader.masked, s.start, vs) if subject is None else None
    if relative is not None and relative.start() > s.start:
        subject = subject_left(reader, s, relative.start())
    past = inflected and lemma not in _FINDING_LEMMAS  # "Researchers at Tarn University found": the university's
    between = _BETWEEN_SUBJECT_AND_VERB.search(reader.masked, s.start, vs) if past else None
    if between is None and subject is None:
        between = _CONNECTIVE_BEFORE_VERB.search(reader.masked, s.start, vs)  # "Others, however, say"
    if between is not None and WORD.findall(between.group())[-1].lower() in _OPEN_ENDED:
        between = None  # "a letter from the minister in answer to": the phrase goes on past the word
    if between is not None and _PREPOSED_RELATIVE.match(between.group().lstrip(", ")):
        between = None  # "a call, in which he said": a relative clause with a subject of its own, no aside
    if between is not None and between.start() > s.start and (subject is None or subject.start >= between.start()):
        outside = subject_left(reader, s, between.start())
        if outside is not None:
            return outside
        vs = between.start() if subject is None else vs
    if subject is None and lemma in SPEECH_VERBS:
        subject = _common_subject(reader, s, vs) or _plural_subject(reader, s, vs)
        return subject or parsed_subject(reader, s, verb)  # a phrase no rule reads: the parser's tree
    if subject is None and lemma in _DECLARING:
        # not "The county will screen them, a plan announced in May": a noun after a clause, and its participle
        common = _common_subject(reader, s, vs)
        opener = WORD.findall(reader.masked[s.start : common.start]) if common is not None else []
        return None if _has_verb(["", *opener]) else common
    return subject


# Verbs that report a statement as a verb of speech does ("The campaign confirmed that ..."), unlike the others that
# take "that" ("The results suggest", "The figures indicate" infer).
_DECLARING = words("confirm announce deny acknowledge admit reiterate")


# A relative or participle clause set off by commas before the verb, perhaps with a quotation in it ("X, who called
# it "a farce," said", "X, citing a report by Y, said").
_RELATIVE_BEFORE_VERB = re.compile(r",\s+(?:who|which|[a-z]+ing)\s[^;:\n]{1,150}?,[\"\u201d\u2019']{0,2}\s*$")
_OPEN_ENDED = PREPOSITIONS | DETERMINERS | {"and", "or"}  # a phrase ending in one of these goes on past it
# A clause opener before its subject: "But", "And", or a phrase up to its comma ("On Friday, ").
_CLAUSE_OPENER = re.compile(r"\W*(?:(?:But|And|Yet|So|Still|Now)\s+|[^,;:\n]{1,60},\s+)?")


def _common_subject(reader: _Reader, s: Sentence, vs: int) -> Subject | None:
    """``The mill said``, ``Some families said``, ``Those polled said``: a noun phrase of up to five words from the
    clause's start to the verb, ending in a word that is no function word, verb or adverb."""
    opener = _CLAUSE_OPENER.match(reader.masked, s.start, vs)
    start = opener.end() if opener is not None else s.start
    if MASK in reader.masked[s.start : start]:
        return None  # '"...," the world body said': a quote's attribution, which its own rules resolve
    phrase = reader.masked[start:vs].rstrip()
    found = WORD.findall(phrase)
    if not found or len(found) > 5 or MASK in phrase or not re.fullmatch(r"[\w'\u2019\- ]+", phrase):
        return None
    last = found[-1].lower()
    if last in STOPWORDS or last in ALL_VERBS or last in FINITE or last.endswith("ly") or not last.isalpha():
        return None
    if any(w.lower() in ALL_VERBS or w.lower() in FINITE for w in found):
        return None
    return Subject(start, start + len(phrase), None, "none")


_PREPOSED_RELATIVE = re.compile(r".*\b(?:in|of|among|for|to|with)\s+(?:which|whom)\s+")
_GROUP_HEADS = words("who whom percent others some many most several all both few half majority minority another one")
_RELATIVES = words("who whom that which")


def _plural_subject(reader: _Reader, s: Sentence, vs: int) -> Subject | None:
    """A longer subject of a clause that says something (``Seventy percent of voters say``, ``Business leaders who
    have fought the law say``, ``many of whom say``, ``most of them, 61 percent, say``): the words since the
    clause began (or its apposition), up to fourteen, ending in a noun, a number or a relative pronoun, with no
    finite verb but inside a relative clause."""
    masked = reader.masked
    start = max(masked.rfind(",", s.start, vs), masked.rfind(";", s.start, vs), masked.rfind(":", s.start, vs))
    if start >= 0 and not masked[start + 1 : vs].strip():  # "61 percent, say": the apposition before the comma
        start = max(masked.rfind(",", s.start, start), s.start - 1)
    start = s.start if start < 0 else start + 1
    phrase = masked[start:vs]
    inner = _PREPOSED_RELATIVE.search(phrase)
    if inner is not None and phrase[inner.end() :].strip():  # "a council in which 67 percent of members say"
        start, phrase = start + inner.end(), phrase[inner.end() :]
    found = [w.lower() for w in WORD.findall(phrase)]
    while found and (found[-1].endswith("ly") or found[-1] in VERB_MODIFIERS):
        found.pop()  # "Dockers especially say"
    if not found or len(found) > 14 or MASK in phrase or any(w in ALL_VERBS and w not in _NOUN_LIKE for w in found):
        return None
    relative = next((i for i, w in enumerate(found) if w in _RELATIVES), len(found))
    if any(w in FINITE for w in found[:relative]):
        return None  # "X has ... people say": a clause of its own before the verb
    last = found[-1]
    head = last in _GROUP_HEADS or is_number(last) or not (last in STOPWORDS or last in FINITE)
    if not head or last.endswith("ing"):
        return None
    lead = len(phrase) - len(phrase.lstrip())
    return Subject(start + lead, vs, None, "none")


_NEGATIONS = words("not never")
# A pronoun and more words: a clause.
_PRONOUN_BEFORE = re.compile(r"\b" + pronoun_pattern(SUBJECT_PRONOUNS) + r"\s+\w")


def _negated(preceding: list[str]) -> bool:
    """``did not say``, ``would not yet say``, ``hasn't said``: a cue denied in its own clause reports nothing."""
    for w in reversed(preceding[-3:]):
        low = w.lower()
        if low in _NEGATIONS or low.endswith(("n't", "n\u2019t")):
            return True
        if not w[-1:].isalpha():
            return False  # a comma or a stop ends the clause
    return False


# Reporting verbs whose bare form is as often a noun: a verb only after a pronoun, a modal or a plural subject.
_NOUN_LIKE = words("state report note claim comment answer reply estimate remark stress counter tweet joke boast")
_BARE_VERB_AFTER = words("i we you they will would can could may might should must do does did to also")


def _no_verb_here(masked: str, m: re.Match[str], lemma: str, verb_end: int, before: str) -> bool:
    """Whether a reporting verb's form is a noun here: a plural noun (``analyst estimates of``), a bare form before
    ``of`` (``the analysts estimate of``) or after a possessive (``Editor's note:``), or a bare form that is as often
    a noun after anything but a pronoun, a modal or a plural (``secretary of state``, ``the committee report
    was``)."""
    word = m.group().lower()
    if word.endswith("s") and _plural_noun(masked, m, before):
        return True  # "analyst estimates of $2.15", "its financial reports and"
    if word != lemma:
        return False
    if (lemma not in _OF_VERBS and masked.startswith(" of ", verb_end)) or before.endswith(("'s", "\u2019s")):
        return True
    low = before.lower().strip('.,;:!?()"')
    return lemma in _NOUN_LIKE and low not in _BARE_VERB_AFTER and not (low.endswith("s") and len(low) > 3)


def _participle_lemma(masked: str, s: Sentence, m: re.Match[str], word: str) -> str | None:
    """The reporting verb of a participle that may hand on a subject (``..., adding that``), else None."""
    if word in INFERENCE_PARTICIPLES and _after_document(masked, s, m.start()):
        return "suggest"  # "released a report suggesting the accounts were overstated"
    if word in _FINDING_PARTICIPLES and _FOUND_THAT.match(masked, m.end()) and masked[: m.start()].endswith(", "):
        # "The researchers studied 40 trials, finding that ...": research finds (not "Police searched, finding")
        return "find" if _RESEARCH_LEAD.match(masked, s.start, m.start()) else None
    return PARTICIPLE_CUES.get(word.lower())


def _lemma_of(masked: str, m: re.Match[str]) -> tuple[str, int] | None:
    """The reporting verb a word starts, and where the verb ends: ``said``, ``found``, ``pointed out``, or a verb
    that reports only a ``that`` clause, a quotation or the words before it (``countered that``)."""
    low = m.group().lower()
    lemma = ALL_VERBS.get(low) or FINDING_VERBS.get(low)
    if lemma is not None:
        return lemma, m.end()
    end = m.end()
    particle = PHRASAL_CUES.get(low)
    if particle is not None:
        completed = re.compile(particle).match(masked, end)
        if completed is None:
            return None
        lemma, end = " ".join(masked[m.start() : completed.end()].lower().split()), completed.end()
    else:
        lemma = THAT_ONLY_VERBS.get(low)
    if lemma is None or not _THAT_NEXT.match(masked, end):
        return None
    return lemma, end


# After a verb that reports only so: "that" within a few words (an addressee, a time), a quotation, or the clause end.
_THAT_NEXT = re.compile(r"(?:\s+[\w'\u2019\-]+){0,5}?\s+that\b|\s*[,:]?\s*" + MASK + r"|\s*[.,;!?]")


def _unglued(m: re.Match[str]) -> re.Match[str]:
    """The verb of a word scraping glued to a name (``Heraldsaid``), else the word."""
    word = m.group()
    if word[0].isupper() and word.endswith(GLUED_VERBS):
        glued = GLUED_VERB.fullmatch(m.string, m.start(), m.end())
        verb = LETTERS.match(m.string, glued.start(2), m.end()) if glued is not None else None
        if verb is not None:
            return verb
    return m


_OF_VERBS = frozenset({"speak", "warn", "write", "tell", "complain", "boast", "think", "say"})  # "warn of ..."
_NEVER_NOUNS = frozenset({"says", "tells", "adds", "explains", "insists", "argues", "writes"})


def _plural_noun(masked: str, m: re.Match[str], before: str) -> bool:
    """Whether a reporting verb's -s form is a plural noun: followed by ``of``, or after a word that cannot end its
    subject (``its financial reports``); a verb follows a name, a pronoun, a role noun, a document or an adverb."""
    if re.match(r"\s+of\b", masked[m.end() : m.end() + 4]):
        return True
    if m.group().lower() in _NEVER_NOUNS:
        return False  # "The campaign says ...": no plural noun
    if before.endswith(("'s", "\u2019s")):
        return True  # "Lee's remarks came after ...": a possessive's noun
    if _more_than_one(before):
        return True  # "Twenty-seven states led by ...", "18 states, corporations": a plural's noun, no -s verb
    word = before.lower()
    if not word.isalpha() or before[0].isupper() or word in PRONOUN_GENDER or word in ("it", "who", "that", "which"):
        return False
    return not (is_person_role(word) or is_organisation_role(word) or word in VERB_MODIFIERS or word in DOCUMENTS)


# Digits of a number above one: "18", "250", "1,200".
_DIGITS_ABOVE_ONE = re.compile(r"[2-9]|[1-9]\d+|[1-9]\d{0,2}(?:,\d{3})+")
_PLURAL_QUANTIFIERS = words("several many numerous various both few")


def _more_than_one(word: str) -> bool:
    """A number above one or a plural quantifier, written bare (not "Ruiz, 25, says"): what follows is a plural
    noun. Tens and units may be hyphenated ("twenty-seven", "forty-one")."""
    if _DIGITS_ABOVE_ONE.fullmatch(word) or word.lower() in _PLURAL_QUANTIFIERS:
        return True
    return is_cardinal(word)


_FINDING_LEMMAS = frozenset(FINDING_VERBS.values())
_FINDING_PARTICIPLES = words("finding concluding showing")
_FOUND_THAT = re.compile(r"\s+that\s")
_RESEARCH_LEAD = re.compile(r"\W*(?:[\w\-]+\s+){0,3}?(?:" + "|".join(sorted(RESEARCH_NOUNS)) + r")\b", re.IGNORECASE)


def _researches(masked: str, subject: Subject) -> bool:
    """Whether a subject is research or those who do it (``the study``, ``a 2019 survey``, ``researchers``), or
    whoever ran it (``a survey by the Tarn Institute``)."""
    head = WORD.findall(masked[subject.start : subject.end])
    if head and head[-1].lower() in RESEARCH_NOUNS:
        return True
    run_by = _RUN_BY.search(masked, max(0, subject.start - 40), subject.start)
    return run_by is not None and run_by.group(1).lower() in RESEARCH_NOUNS


_RUN_BY = re.compile(r"\b([A-Za-z]+)\s+(?:by|from|of|at)\s+(?:the\s+)?$")
# A sentence opening with research set off by a comma: "The study, which followed 2,000 children, found ...".
_RESEARCH_OPENER = re.compile(
    r"\W*(?:[\w\-]+\s+){0,3}?(" + "|".join(sorted(RESEARCH_NOUNS)) + r")\b(?:\s+(?:of|by|from)\s+[^,]{1,40})?,",
    re.IGNORECASE,
)


def _research_subject(reader: _Reader, s: Sentence, subject: Subject | None) -> Subject | None:
    """The subject of a finding verb: research or researchers (``The study found``), the research the sentence opens
    with (``The study, which followed 2,000 children, found``), or None for anyone else (``Police found``)."""
    if subject is not None and _researches(reader.masked, subject):
        return subject
    opener = _RESEARCH_OPENER.match(reader.masked, s.start, s.end)
    if opener is None or (subject is not None and subject.start < opener.end()):
        return None
    issuer = subject.entity if subject is not None and subject.entity is not None else None
    if issuer is not None and issuer.kind == "organisation" and subject is not None:
        return subject
    return Subject(s.start + len(opener.group()) - len(opener.group().lstrip()), opener.end(1), None, "none")


# Words after which a reporting verb is an elliptical passive or an infinitive: "when asked", "to say".
_ELLIPTICAL = frozenset({"to", "when", "if", "unless", "once", "as"})


def _after_document(masked: str, s: Sentence, pos: int) -> bool:
    """Whether a document noun comes right before ``pos`` (``a report suggesting``)."""
    before = masked[max(s.start, pos - 20) : pos].split()
    return bool(before) and before[-1].lower() in DOCUMENTS


def _progressive_cue(reader: _Reader, s: Sentence, m: re.Match[str], lemma: str) -> _Cue | None:
    """``..., top scientists are warning.``: a reporting verb in the progressive, with the subject before ``are``."""
    aux = _PROGRESSIVE.search(reader.masked, s.start, m.start())
    if aux is None:
        return None
    subject = subject_left(reader, s, aux.start())
    return _Cue(m.start(), m.end(), m.group().lower(), lemma, subject) if subject is not None else None


_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)\s+$")


def _participle_cue(reader: _Reader, s: Sentence, m: re.Match[str], lemma: str, found: list[_Cue]) -> _Cue | None:
    """``..., he said, adding that ...``, ``responded by saying ...``, ``X defended its work saying ...``: the
    participle's subject is the previous cue's or, with none, the subject of the clause."""
    before = reader.masked[s.start : m.start()].rstrip()
    if not before:
        return None
    quoted = _QUOTED_AS.search(before)
    if quoted is not None:
        # "Reuters quoted Ana Ruiz as saying ...": the person quoted says it, not the press that quotes.
        named = noun_phrase_before(reader, s, s.start + quoted.end(1))
        if named is None:
            return None
        subject = Subject(m.start(), m.start(), named.entity, named.attribution)
        return _Cue(m.start(), m.end(), m.group().lower(), lemma, subject, participle=True)
    linked = before.endswith(",") or bool(re.search(r"\bby$", before))
    with_subject = _WITH_SUBJECT.search(before)
    phrase = WORD.findall(with_subject.group(1)) if with_subject is not None else []
    if phrase and not any(w.lower() in PREPOSITIONS or w.lower() in STOPWORDS for w in phrase[1:]):
        # "..., with analysts saying ...", "with spokeswoman Ana Ruiz saying": who comes after "with" says it.
        named = noun_phrase_before(reader, s, s.start + len(before))
        if named is None:
            return None
        return _Cue(m.start(), m.end(), m.group().lower(), lemma, named, participle=True)
    if found and linked:
        previous = found[-1].subject
        subject = Subject(m.start(), m.start(), previous.entity, previous.attribution, previous.reporter)
    elif not found and MASK not in before:
        # "X asked him to stay but he refused, telling ...": the nearest clause's pronoun subject.
        pronoun = re.search(r"\b(?:and|but|as|when|while)\s+(he|she)\s+[a-z]+[^,]*,?$", before)
        group = _COUNTED_GROUP.match(reader.masked, s.start, m.start())
        clause: Subject | None
        if pronoun:
            clause = pronoun_subject(reader, pronoun.group(1), s.start + pronoun.start(1), s.start + pronoun.end(1))
        elif group is not None and is_person_role(group.group(2)):
            clause = Subject(group.start(1), group.end(2), None, "none")  # "Six engineers who ..., saying"
        else:
            clause = clause_subject(reader, s, m.start(), coordinated=True)
        if clause is None and linked:
            clause = _possessed_role(reader, s)  # "Okafor's father wept in the gallery, saying ..."
        if clause is None or (clause.entity is None and not linked):
            return None
        subject = Subject(m.start(), m.start(), clause.entity, clause.attribution, clause.reporter)
    else:
        return None
    return _Cue(m.start(), m.end(), m.group().lower(), lemma, subject, participle=True)


# A participle's own subject right after "with": "with analysts saying", "with spokeswoman Ana Ruiz saying".
_WITH_SUBJECT = re.compile(r"\bwith\s+([^,;:()" + MASK + r"]{1,60}?)$")


# A sentence opening with a counted group of people: "Six engineers who ...", "Many residents of ...".
_COUNTED_GROUP = re.compile(
    r"\W*((?:[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|[Tt]en|[Mm]any|[Ss]everal|[Ss]ome|"
    r"[Mm]ost|\d+))\s+(?:[a-z][\w\-]*\s+)?([a-z][\w\-]*s)\b"
)
# "quoted Ana Ruiz as", "cited a council spokesman as": the person quoted, right before a participle cue.
_QUOTED_AS = re.compile(r"\b(?:quoted|quotes|quoting|cited|cites|citing)\s+(.{2,80}?)\s+as$")


def _possessed_role(reader: _Reader, s: Sentence) -> Subject | None:
    """A sentence opening with someone's relation or role (``Okafor's father wept ...``): its subject."""
    lead = _POSSESSED_ROLE.match(reader.masked, s.start, s.end)
    if lead is None or not is_person_role(lead.group(2)):
        return None
    return noun_phrase_before(reader, s, lead.end(1))


_POSSESSED_ROLE = re.compile(r"\W*([A-Z][\w\-]*['\u2019]s\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]*))\s+[a-z]")


def _segment_at(reader: _Reader, pos: int) -> QuotedSpan | None:
    """The quoted span whose opening mark is at ``pos``."""
    k = bisect_left(reader.opens, pos)
    return reader.segments[k] if k < len(reader.opens) and reader.opens[k] == pos else None


def _segments_opening_in(reader: _Reader, a: int, b: int) -> list[QuotedSpan]:
    """The quoted spans of every class opening inside ``[a, b)``."""
    return reader.segments[bisect_left(reader.opens, a) : bisect_left(reader.opens, b)]


def _segment_open_in(reader: _Reader, a: int, b: int) -> QuotedSpan | None:
    """The last quoted span (a quotation, not a heading or title) opening inside ``[a, b)``."""
    quotations = [seg for seg in _segments_opening_in(reader, a, b) if seg.cls in ("full", "partial")]
    return quotations[-1] if quotations else None


def _segments_in(reader: _Reader, a: int, b: int) -> list[QuotedSpan]:
    """The quoted spans (not headings) lying inside ``[a, b)``."""
    return [seg for seg in _segments_opening_in(reader, a, b) if seg.close < b and seg.cls != "heading"]


# The person told, up to twelve words, before "that" (perhaps after an aside: "told the paper, however, that").
# A subject pronoun for people (perhaps contracted) and a lowercase word: "she would", "they'd been".
_PERSON_THEN_WORD = pronoun_pattern(PERSONAL_PRONOUNS) + r"(?:['\u2019][a-z]+)?\s+[a-z]"
_TOLD_THAT = re.compile(
    r"((?:\s+[\w'\u2019.\-\"\u201c\u201d" + MASK + r"]+){1,12}?(?:,\s+[a-z]+,)?)\s+that\s"
    # or up to eight words with no verb or conjunction in them, then a subject pronoun: "told the paper last week she"
    r"|((?:\s+(?!(?:when|if|because|after|while|as|and|but|had|has|have|was|were|is|are)\b)[\w'\u2019.\-]+){1,8}?)"
    r"\s+(?=" + _PERSON_THEN_WORD + ")"
)


def _relatives_hidden(rest: str) -> str:
    """``rest`` with each ``that`` opening a relative clause (``in a story that ran``, ``a post that appeared to``)
    spelt otherwise, so that only a ``that`` opening reported content is matched: a verb right after it, as the
    part-of-speech tagger reads a word ending in -ed (``that advanced economies will grow`` has no verb next)."""
    found = [m for m in _THAT_THEN_WORD.finditer(rest, 0, 160) if _verb_after_that(rest, m)]
    for m in reversed(found):
        rest = rest[: m.start()] + "th_t" + rest[m.start() + 4 :]
    return rest


_THAT_THEN_WORD = re.compile(r"\bthat\s+([a-z]+)\b")


def _verb_after_that(rest: str, m: re.Match[str]) -> bool:
    word = m.group(1)
    if word in FINITE or word in IRREGULAR_VERBS:
        return True
    if not word.endswith("ed") or word in _ED_NOUNS:
        return False
    # read with the word before "that", which tells a relative "that" (``pills that contained``) from a conjunction
    before = _WORD_BEFORE.search(rest, 0, m.start())
    start = before.start() if before is not None else m.start()
    return tagger.tag_at(rest[start : m.end() + 40], m.start(1) - start) == "VBD"


_WORD_BEFORE = re.compile(r"[^\W\d_]+[^\S\n]+$")


def _addressee_end(masked: str, pos: int, limit: int) -> int:
    """After ``told``: the end of the person told (``AFP``, ``the packed hall``, ``parliament``)."""
    rest = masked[pos:limit]
    before_that = _TOLD_THAT.match(_relatives_hidden(rest))
    if before_that is not None:
        # "told a small crowd in Tarnby that", "told the paper, however, that", "told the paper last week she"
        return pos + (before_that.end(1) if before_that.group(1) is not None else before_that.end(2))
    m = re.match(
        r"\s+(?:(?:me|him|her|us|them|you|reporters|journalists)\b|(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*)*"
        r"|(?:a|an|his|her|their)\s+[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*)*\s+[a-z][\w\-]*(?=[\s,.;]))",
        rest,
    )
    if m:
        return pos + m.end()
    m = re.match(r"\s+(?:(?:the|a|an|his|her|their)\s+)?([a-z][\w\-]*)(?:\s+([a-z][\w\-]*))?", rest)
    if m and m.group(1) != "that" and m.group(1) not in CLAUSE_STARTERS:
        if m.group(2) and m.group(2) not in CLAUSE_STARTERS | PREPOSITIONS and m.group(2) != "that":
            return pos + m.end(2)
        return pos + m.end(1)
    return pos


# A coordinated clause whose subject is a name: "..., but Kent pointed out ...".
_OTHER_SPEAKER = re.compile(r"[,;]\s+(?:but|and|while|whereas)\s+(?:[A-Z][\w'\u2019.\-]*\s+){1,3}?([a-z]+)\b")


def _speech_word(word: str) -> bool:
    return word in SPEECH_VERBS or word in THAT_ONLY_VERBS or word in PHRASAL_CUES


def _content_end(reader: _Reader, start: int, limit: int) -> int:
    """Where reported content starting at ``start`` ends: before trailing attribution and the speaker's next act."""
    masked = reader.masked
    region = masked[start:limit]
    cut = len(region)
    for m in re.finditer(r"[\s,]+(?:and|but)\s+(?:also\s+)?(\w+)", region):
        if m.group(1).lower() in SPEAKER_ACTIONS:
            cut = m.start()
            break
    other = _OTHER_SPEAKER.search(region)
    if other is not None and _speech_word(other.group(1)):
        cut = min(cut, other.start())  # "said he meant X, but Kent pointed out ...": another speaker's statement
    acc = re.search(r",\s*(?:according\s+to|as\s+(?:first\s+)?reported\s+by|reports\s+(?=[A-Z]))\b", region)
    if acc:
        cut = min(cut, acc.start())
    for m in re.finditer(r",\s*([a-z]+ing)\b", region):
        if m.group(1) in PARTICIPLE_CUES or m.group(1) in INFERENCE_PARTICIPLES:
            cut = min(cut, m.start())  # "..., adding that ...": the speaker's next statement
            break
    trimmed = region[:cut].rstrip()
    while trimmed and trimmed[-1] in ".,;:!? " and not trimmed.endswith(MASK):
        trimmed = trimmed[:-1].rstrip()
    return start + len(trimmed)


def _emit(
    reader: _Reader,
    start: int,
    end: int,
    kind: QuoteKind,
    entity: Entity | None,
    attribution: AttributionMethod,
    cue: str,
    bonus: float = 0.0,
    press: bool = False,
    description: str = "",
) -> None:
    """Record a quote of ``[start, end)``; an unnamed person (``a senior official``) is no speaker, nor is an agency
    unless the quote is its own report (``press``)."""
    text = reader.text
    while start < end and (text[start].isspace() or (reader.masked[start] == MASK and text[start] in OPENING)):
        if text[start] in OPENING and kind != "direct":
            break
        start += 1
    if end - start < 2 or (kind != "direct" and len(WORD.findall(text[start:end])) < 2):
        return
    entity, anonymous = _speaking(entity, press)
    speaker = entity.name if entity is not None else None
    if speaker is None:
        attribution = "none"
    confidence = CONFIDENCE[attribution if speaker else "none"] + bonus
    confidence += {"direct": 0.05, "mixed": 0.0, "indirect": -0.05}[kind]
    sentence = reader.sentences[reader.book.sentence_at(start)]
    reader.quotes.append(
        Quote(
            start,
            end,
            text[start:end],
            kind,
            speaker,
            cue,
            sentence.position,
            round(max(0.05, min(0.99, confidence)), 2),
            attribution,
            "" if speaker else description,
        )
    )
    if entity is not None:
        reader.used.add(entity.id)
    _follow_speaker(reader, start, end, entity, anonymous, "" if speaker else description)


def _speaking(entity: Entity | None, press: bool) -> tuple[Entity | None, Entity | None]:
    """The named speaker of a statement (an agency only for its own report: ``press``) and the unnamed one."""
    named = entity if entity is not None and entity.name and (press or not entity.is_agency) else None
    return named, (entity if entity is not None and not entity.name else None)


def _follow_speaker(
    reader: _Reader, start: int, end: int, entity: Entity | None, anonymous: Entity | None, description: str
) -> None:
    """Note who spoke at ``[start, end)``: the story follows them, and a quotation after may go on in their voice."""
    speaking = entity or anonymous
    if speaking is not None:
        reader.book.note(speaking, start)
        if reader.book.sentence_at(end) != reader.book.sentence_at(start):
            reader.book.note(speaking, end - 1)  # a long quote keeps its speaker the one the story follows
    reader.last = (reader.book.sentence_at(end), entity)
    reader.last_description = description
    reader.spoken.append((start, reader.last[0], entity, description))


def _heard(reader: _Reader, start: int, end: int, cue: _Cue) -> None:
    """``Earlier in the day, Ruiz said``: the cue's speaker spoke here, though ``[start, end)`` is no content."""
    subject = cue.subject
    entity, anonymous = _speaking(subject.entity, subject.reporter)
    _follow_speaker(reader, start, end, entity, anonymous, "" if entity is not None else _unnamed(reader, subject))


def _attach(reader: _Reader, seg: QuotedSpan, cue: _Cue) -> None:
    seg.attached = True
    kind: QuoteKind = "direct" if seg.cls == "full" else "mixed"
    _emit_said(reader, seg.start, seg.end, kind, cue, -cue.subject.doubt, press=cue.subject.reporter)


def _emit_said(
    reader: _Reader, start: int, end: int, kind: QuoteKind, cue: _Cue, bonus: float, press: bool = False
) -> None:
    """Record ``[start, end)`` as said by ``cue``'s subject, described in the article's words when it has no name."""
    subject = cue.subject
    _emit(
        reader,
        start,
        end,
        kind,
        subject.entity,
        subject.attribution,
        cue.word,
        bonus,
        press=press,
        description=_unnamed(reader, subject),
    )


def _reported(reader: _Reader, a: int, b: int, cue: _Cue, bonus: float = 0.0) -> None:
    """Emit reported content ``[a, b)``: mixed when it holds a quotation, else indirect. A quotation opening in the
    content and closing after it (past the sentence's end: ``that the senator "liked the call. He ..."``) is all
    the content's."""
    spill = _segment_open_in(reader, a, b)
    if spill is not None and spill.close >= b:
        b = spill.close + 1
    inner = _segments_in(reader, a, b + 1)
    kind: QuoteKind = "mixed" if any(seg.cls in ("partial", "short", "full") for seg in inner) else "indirect"
    if inner and all(seg.cls == "full" for seg in inner) and not reader.masked[a:b].replace(MASK, "").strip(" ,.:"):
        for seg in inner:
            _attach(reader, seg, cue)
        return
    for seg in inner:
        seg.attached = True
    _emit_said(reader, a, b, kind, cue, bonus - cue.subject.doubt, press=cue.subject.reporter)


def _unnamed(reader: _Reader, subject: Subject) -> str:
    """The words naming a speaker who has no name (``a senior official``, ``analysts``), else ``""``."""
    if subject.entity is not None and not subject.entity.name:
        return subject.entity.description  # "a senior official said ... he added": still that official
    if subject.reporter or subject.attribution == "pronoun" or subject.end - subject.start > 80:
        return ""
    words = reader.text[subject.start : subject.end].strip()
    if not words or words.lower() in _CLAUSE_PRONOUNS or words.lower() in ("another", "one"):
        return ""  # "they say", "said another": a pronoun describes nobody
    first = words.split()[0].lower()
    common = first in DETERMINERS or first in ("one", "another", "others", "some", "many", "several")
    common = common or is_person_role(first) or is_organisation_role(first)
    owned = re.search(r"\w['\u2019]s?\s+[a-z][\w\-]*$", words)  # "Ann Lee's office", "Acme's chief executive"
    return words if words[0].islower() or common or owned else ""


def _read_cue(reader: _Reader, s: Sentence, cue: _Cue, limit: int) -> int:
    """Attach or emit what ``cue`` governs in sentence ``s``; return where its reported content ends."""
    after = _governed_from(reader, cue, limit)
    rest = reader.masked[after:limit]
    if not cue.inverted:
        if _introduces_quote(reader, cue, after, rest):
            return _trailing(reader, s, cue) if not (cue.participle or _after_full_stop(reader, s, cue)) else cue.end
        end = _as_clause(reader, s, cue, after, limit)
        if end is None:
            end = _read_content(reader, cue, after, rest, limit)
        if end is not None:
            return end
    if cue.participle:
        return cue.end
    return _trailing(reader, s, cue)


def _after_full_stop(reader: _Reader, s: Sentence, cue: _Cue) -> bool:
    """Whether the cue comes straight after a quotation ending with a full stop: paragraphs glued into one sentence
    (``... "Every hall was full." Ines Vik said: "The roads ..."``), where a cue introducing a quote of its own opens
    the next paragraph and the quotation before it is not its speaker's."""
    before = reader.masked[s.start : _trailing_head(reader, s, cue)].rstrip()
    if not before.endswith(MASK):
        return False
    seg = _last_segment_before(reader, s.start + len(before))
    return seg is not None and reader.text[seg.start : seg.end].rstrip().endswith(".")


def _as_clause(reader: _Reader, s: Sentence, cue: _Cue, after: int, limit: int) -> int | None:
    """``As Ruiz pointed out, the bridge is old``: the clause after the comma is reported (not after an object:
    ``As Ruiz said goodbye, ...``); returns its end, or None."""
    if not _AS_OPENER.fullmatch(reader.masked, s.start, cue.subject.start):
        return None
    rest = reader.masked[after:limit]
    adverbial = ADVERBIAL.match(rest)
    clause = _COMMA_NEXT.match(rest, adverbial.end() if adverbial else 0)
    if clause is None or "," not in rest[: clause.end()]:
        return None
    end = _content_end(reader, after + clause.end(), limit)
    _reported(reader, after + clause.end(), end, cue)
    return end


def _governed_from(reader: _Reader, cue: _Cue, limit: int) -> int:
    """Where what the cue governs may start: after the verb, its inverted subject, or the person told."""
    if cue.inverted:
        return cue.subject.end
    if cue.lemma in ADDRESSEE_VERBS:
        return _addressee_end(reader.masked, cue.end, limit)
    return cue.end


# Up to a few words (an addressee and its apposition) and a comma or colon right before a quotation.
_INTRO_RE = re.compile(r"(?:,?\s+[\w'\u2019\-]+){0,10}?\s*[,:]\s*(?=" + MASK + ")")


_CLAUSE_PRONOUNS = SUBJECT_PRONOUNS | {"there"}


def _introduces_quote(reader: _Reader, cue: _Cue, after: int, rest: str) -> bool:
    """``She says, "..."``, ``He explained to the paper, "..."``: the cue introduces a direct quote."""
    if rest.rstrip().endswith(":"):
        if _statement_below(reader, cue, after + len(rest.rstrip()) - 1):
            return True
        rest = reader.masked[after : after + len(rest) + 8]  # "Ruiz said:" ending its paragraph, the quote next
    intro = _INTRO_RE.match(rest)
    if not intro or any(w.lower() in _CLAUSE_PRONOUNS for w in WORD.findall(intro.group())):
        return False  # "said he wished to send a message: "..."": a clause of its own comes first
    said = [w.lower() for w in WORD.findall(intro.group())]
    if any(w in PARTICIPLE_CUES for w in said):
        return False  # "agreed, adding that: "..."": the quote is the participle's
    if said[:1] == ["that"] and len(said) > 1:
        return False  # "added that the mood was, "...": reported speech ending in a quotation
    seg = _segment_at(reader, after + intro.end())
    if seg is None or seg.cls != "full":
        return False
    _attach(reader, seg, cue)
    return True


# The paragraph after a cue ending its own paragraph with a colon, when no quotation mark opens it.
_PARAGRAPH_BELOW = re.compile(r"[^\S\n]*\n\s*(?![\"'\u2018\u201c\u201e\u00ab])([^\n]{20,}[.!?])[^\S\n]*(?=\n|$)")


def _statement_below(reader: _Reader, cue: _Cue, colon: int) -> bool:
    """``The mayor said in a statement:`` ending its paragraph, the statement below it without quotation marks (a
    block quote that lost its marks): the paragraph is the speaker's words."""
    if reader.masked[colon] != ":" or cue.lemma not in SPEECH_VERBS:
        return False
    below = _PARAGRAPH_BELOW.match(reader.masked, colon + 1)
    if below is None:
        return _points_below(reader, cue, colon)
    if MASK in below.group(1):
        return False
    if len(WORD.findall(below.group(1))) < 6 or _SPEAKER_LABEL.match(below.group(1)):
        return False
    _emit_said(reader, below.start(1), below.end(1), "direct", cue, -0.1)
    return True


_SPEAKER_LABEL = re.compile(r"[A-Z][\w.' ]{0,30}:\s")  # "Q: ...", "MAYOR RUIZ: ...": a transcript's line
# A line below a colon that ends without punctuation and opens with no quotation mark: a list item (its bullet, if
# scraping kept it, is no part of it).
_POINT_BELOW = re.compile(
    r"[^\S\n]*\n\s*(?:[-*\u2022\u2013][^\S\n]+)?(?![\"'\u2018\u201c\u201e\u00ab])([^\n]*[^\W_)])[^\S\n]*(?=\n|$)"
)
# A point must be a clause: a finite verb after its first word ("He is confident ...", not "Read the transcript").
_FINITE_TAGS = frozenset({"VBZ", "VBD", "VBP", "MD"})


def _points_below(reader: _Reader, cue: _Cue, colon: int) -> bool:
    """``The minister also said:`` then a bulleted list (its bullets often lost in scraping), one unpunctuated clause
    a line (``The port will reopen in May``): two such lines or more are each the speaker's point, reported."""
    points: list[tuple[int, int]] = []
    pos = colon + 1
    while (line := _POINT_BELOW.match(reader.masked, pos)) is not None:
        words = WORD.findall(line.group(1))
        if not 4 <= len(words) <= 30 or _SPEAKER_LABEL.match(line.group(1)):
            break
        tags = [w.tag for w in tagger.tagged(reader.text[line.start(1) : line.end(1)])][1:]
        if not _FINITE_TAGS.intersection(tags):
            break
        points.append((line.start(1), line.end(1)))
        pos = line.end()
    if len(points) < 2:
        return False
    subject = cue.subject
    for start, end in points:
        inner = _segments_in(reader, start, end + 1)
        for seg in inner:
            seg.attached = True
        _emit(
            reader,
            start,
            end,
            "mixed" if inner else "indirect",
            subject.entity,
            subject.attribution,
            cue.word,
            -0.1,
            False,
            _unnamed(reader, subject),
        )
    return True


def _read_content(reader: _Reader, cue: _Cue, after: int, rest: str, limit: int) -> int | None:
    """Reported content after the cue (``said (that) ...``): emit it and return its end, or None when there is
    none."""
    found = _content_start(cue, after, rest)
    if found is None:
        return None
    start, that, prepositional = found
    if _in_relative_clause(reader, cue):
        # "The engineers, who said the design had flaws, left": the content ends with the relative clause; "levels
        # that the agency said topped limits were found": or where the main clause's verb comes back.
        comma = reader.masked.find(",", start, limit)
        if comma >= 0 and not reader.masked[start:comma].strip():
            # "in which she promised that, once chosen, she would ...": an aside opens the content; the clause goes on
            aside_end = reader.masked.find(",", comma + 1, limit)
            comma = reader.masked.find(",", aside_end + 1, limit) if aside_end >= 0 else -1
        limit = comma if comma >= 0 else limit
        verb_first = cue.relative and _VERB_FIRST.match(reader.masked, start) is not None
        main_verb = _MAIN_VERB.search(reader.masked, start, limit) if verb_first else None
        limit = main_verb.start() if main_verb is not None else limit
    end = _content_end(reader, start, limit)
    content = reader.masked[start:end]
    if cue.lemma in FRAMING_VERBS and not prepositional and MASK not in content:
        return None  # "called the plan a disaster": framing with no quotation reports nothing
    if len(WORD.findall(content.replace(MASK, " x "))) < 2:
        return None
    _reported(reader, start, end, cue, 0.05 if that else 0.0)
    return end


_TIME_OPENERS = PREPOSITIONS | {"last", "earlier", "this", "later"}
# A short phrase of time or place after the verb, then a clause opened by a subject pronoun.
_PHRASE_THEN_PRONOUN = re.compile(
    r"\s+(?:after|before|during|at|in|on|since|following|for|over)\s+(?:[\w'\u2019\-]+\s+){1,4}?"
    r"(?=" + _PERSON_THEN_WORD + ")"
    # or a longer one up to its comma: "explained after losing the county vote on Mar. 9, he would ..."
    r"|\s+(?:after|before|during|following|since)\s+[^,;:\n]{3,60},\s+"
    r"(?=" + _PERSON_THEN_WORD + ")"
)
# Reported content opening with its verb: its subject is the relative pronoun before the cue.
_VERB_FIRST = re.compile(r"\s*(?:[a-z]+ed|" + "|".join(sorted(FINITE | IRREGULAR_VERBS)) + r")\b")
# A finite verb after the first word of a relative clause's content: the main clause going on.
_MAIN_VERB = re.compile(r"(?<=\w)\s+(?:is|are|was|were|has|have|had|will|would|could|can|should|must|may|might)\b")
# Words that never open reported content: "said as quoted by ...", "said in ...", "told X moments after ...".
_NOT_CONTENT = PREPOSITIONS | words("as moments minutes hours days weeks shortly soon just and or nor but")


def _in_relative_clause(reader: _Reader, cue: _Cue) -> bool:
    """The cue's subject is ``who``, or the cue follows ``that``/``which`` and a subject (``levels that the agency
    said topped ...``)."""
    before = reader.masked[max(0, cue.subject.start - 12) : cue.subject.start]
    return bool(re.search(r"\b(?:who|which|that)\s*$", before)) or bool(
        re.search(r",\s*who\s+(?:\w+\s+){0,2}$", reader.masked[max(0, cue.start - 30) : cue.start])
    )


def _content_start(cue: _Cue, after: int, rest: str) -> tuple[int, bool, bool] | None:
    """Where reported content starts after a cue: (offset, after ``that``, after a preposition), or None."""
    inserted = _INSERTED.match(rest)
    if inserted is not None:  # "said — in a rare interview — that ...", "said (in a statement) that ..."
        after, rest = after + inserted.end(), rest[inserted.end() :]
    hidden = _relatives_hidden(rest)
    if _noun_and_relative(cue, hidden):
        return None
    m_that = re.match(r"((?:\s+[\w'\u2019\-]+){0,10}?)(?:,\s+according\s+to\s[^,;:\n]{1,60},)?\s+that\b", hidden)
    if m_that and _before_that(m_that.group(1)):
        return after + m_that.end(), True, False
    marked = _marked_start(cue, rest)
    if marked is not None:
        return after + marked[0], False, marked[1]
    past_phrase = _past_phrase(cue, rest)
    if past_phrase is not None:
        return after + past_phrase, False, False
    if cue.relative and _VERB_FIRST.match(rest):
        return after + len(rest) - len(rest.lstrip()), False, False  # "levels that the agency said topped limits"
    aside = re.match(r",\s+(?=(?:he|she|they|it)\b|[A-Z][\w'\u2019\-]+\s+(?:[A-Z]?[a-z]|" + MASK + "))", rest)
    if aside is None and cue.leads:
        aside = re.match(r",\s+(?=(?:we|there|the|a|an|this)\b)", rest)  # "Ruiz says, the bridge will reopen"
    clause = rest[aside.end() : aside.end() + 80] if aside else ""
    if aside and cue.lemma in SPEECH_VERBS and _reported_clause(clause) and not _SAYS.search(clause):
        return after + aside.end(), False, False  # "Police said, Charette jumped on a platform"
    lone = re.match(r"\s+([a-z]+),(?=\s)", rest)  # "said goodbye, the crowd cheered": an object
    adverb = lone is not None and (lone.group(1) in VERB_MODIFIERS or lone.group(1).endswith("ly"))
    if adverb and lone is not None:  # "explained later, they ...": the clause after the adverb
        after, rest = after + lone.end(), rest[lone.end() :]
    if _takes_bare_content(cue, rest) and not _glued_sentence(rest) and (lone is None or adverb):
        first = re.match(r"\s+([\w'\u2019\-]+|" + MASK + ")", rest)
        measured = _AT_LEAST.match(rest) is not None  # "reported at least six boats sank"
        if _MANNER.match(rest):
            return None  # "said calmly as the crowd left": how, and when
        if first and (first.group(1).lower() not in _NOT_CONTENT or measured) and not rest.startswith(","):
            return after + first.start(1), False, False
    fronted = _FRONTED_PHRASE.match(rest) if cue.lemma in SPEECH_VERBS else None
    if fronted and _opens_clause(rest[fronted.end() - 1 :]) and _reported_clause(rest[fronted.end() - 1 :]):
        return after + fronted.start(1), False, False  # "said with two more rate rises, the slowdown might be deeper"
    return None


def _marked_start(cue: _Cue, rest: str) -> tuple[int, bool] | None:
    """Where content marked by a colon, ``to`` or the verb's preposition starts: (offset, after a preposition)."""
    colon = _COLON.match(rest) if cue.lemma in SPEECH_VERBS else None
    if colon and _reported_clause(" " + rest[colon.end() :]):
        return colon.end(), False  # "told the paper: the bridge will reopen": no quotation marks
    asked = _ASKED_TO.match(rest) if cue.lemma == "ask" else None
    if asked:
        return asked.end(), True  # "asked the Speaker to "get the minister back"": the request
    preps = VERB_PREPOSITIONS.get(cue.lemma, ())
    m_prep = re.match(r"\s+(" + "|".join(preps) + r")\b", rest) if preps else None
    if m_prep:
        return m_prep.end(), True
    return None


def _noun_and_relative(cue: _Cue, hidden: str) -> bool:
    """``farm states that have lost jobs``: a plural noun shaped like a verb of speech, then its relative clause."""
    return cue.word.endswith("s") and cue.lemma in _NOUN_LIKE and hidden.lstrip().startswith("th_t ")


def _past_phrase(cue: _Cue, rest: str) -> int | None:
    """Where a clause starts after a phrase of time, place or medium right after the verb (``said on Tuesday it
    would ...``, ``said in a statement the plan had failed``, ``said after the vote he would not run``), or None."""
    phrase = _PHRASE_THEN_PRONOUN.match(rest) if cue.lemma in SPEECH_VERBS else None
    if phrase is not None:
        return phrase.end()
    adverbial = ADVERBIAL.match(rest)
    tail = rest[adverbial.end() :].lstrip(" :") if adverbial else ""
    opens = _opens_clause(" " + tail) or _SUBJECT_THEN_QUOTATION.match(tail) is not None
    spoken = cue.lemma in SPEECH_VERBS and opens and _reported_clause(" " + tail)
    if adverbial and (_clause_like(tail) or spoken) and not _glued_sentence(" " + tail):
        tail = rest[adverbial.end() :]  # "said on Twitter: the plan ..."
        return adverbial.end() + len(tail) - len(tail.lstrip(" :"))
    return None


# A short subject whose predicate is quoted: 'the claim "was false"'.
_SUBJECT_THEN_QUOTATION = re.compile(r"(?:the|this|that|his|her|its|their)\s+(?:[\w'\u2019\-]+\s+){1,3}" + MASK)
_MANNER = re.compile(r"\s+[a-z\-]+ly\s+(?:as|when|while|after|before|to|in|at|on|from|with|before)\b")
_AT_LEAST = re.compile(r"\s+(?:at\s+(?:least|most)|as\s+(?:many|much|few|little)\s+as)\s")
# A phrase opening reported content, up to its comma: "with two more cranes, ...", "if the vote fails, ...".
_FRONTED_PHRASE = re.compile(
    r",?\s+((?:with|without|after|before|despite|under|if|unless|once|when)\b[^,.;:\n]{1,60},)\s"
)


_COLON = re.compile(r"\s*:[^\S\n]+(?=[^\W_])")


# A phrase set off by dashes or brackets right after a cue.
_INSERTED = re.compile(r"\s*(?:[\u2013\u2014][^\u2013\u2014\n]{1,60}[\u2013\u2014]|\([^()\n]{1,60}\))(?=\s)")


def _glued_sentence(rest: str) -> bool:
    """``the filing stated She then asked ...``: a capitalised pronoun or article right after the verb opens the next
    sentence, glued on by scraping that lost its full stop; it is no reported content."""
    first = re.match(r"\s+([A-Z][a-z]*)\b(?!\s+[A-Z])", rest)  # "said The Times had ...": a name
    return first is not None and first.group(1) != "I" and first.group(1).lower() in STOPWORDS


def _before_that(gap: str) -> bool:
    """Whether words between a cue and ``that`` may stand there: none, a time or venue phrase (``on Tuesday``,
    ``Thursday``), or an adverb (``repeatedly``)."""
    found = gap.split()
    if any(w.islower() and (w in FINITE or ALL_VERBS.get(w, w) != w) for w in found):
        return False  # "responded by saying it was typical for a road that ...": a clause of its own first
    if not found or found[0].lower() in _TIME_OPENERS or ADVERBIAL.fullmatch(gap):
        return True
    if len(found) > 1 and found[0].endswith("ly"):  # "claimed separately in an interview that"
        return _before_that(gap.split(found[0], 1)[1])
    return len(found) == 1 and found[0].endswith("ly")


# "asked Commons Speaker Sir Ann Roe to "...": the person asked, then "to" and a quotation.
_ASKED_TO = re.compile(r"(?:\s+[\w'\u2019.\-]+){1,8}?\s+to\s+(?=" + MASK + ")")


_FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# Words opening no clause as its subject ("her" may open one as a possessive: "her aides say").
_OBJECT_PRONOUNS = (OBJECT_PRONOUNS - {"her"}) | {"whom"}
# Tags of the words of a noun phrase that opens a clause: "most dockers", "the new port's cranes", "three of them".
_SUBJECT_TAGS = frozenset(
    {"DT", "PDT", "CD", "JJ", "JJR", "JJS", "NN", "NNS", "NNP", "NNPS", "PRP", "PRP$", "POS", "RB"}
)  # and an adverb before the verb: "officers still check"


def _tagged_clause(verb: str, rest: str) -> bool:
    """A clause whose verb no word list knows (``said dockers distrust the plan``): a noun phrase, then a finite verb
    before any other kind of word, as the part-of-speech tagger reads them (the verb of speech tagged with it)."""
    clause = rest[:80].split(",", 1)[0].rstrip()
    if not clause.strip() or MASK in clause or not clause.strip()[0].isalnum():
        return False
    words = tagger.tagged(verb + clause)[1:]
    if len(words) < 3 or words[0].text.lower() in _OBJECT_PRONOUNS:
        return False  # "when others repeat them are cited": an object, no subject
    for k, w in enumerate(words[:6]):
        plural = w.tag == "VB" and any(p.tag in ("NNS", "NNPS", "PRP") for p in words[:k])  # "wardens still check"
        past = w.tag == "VBN" and k > 0 and words[k - 1].tag == "PRP"  # "announced it added": no auxiliary
        if w.tag in _FINITE_TAGS or plural or past:
            return k > 0  # a subject, then its verb
        if w.tag not in _SUBJECT_TAGS:
            return False  # "said grace before the meal began": a preposition before any verb, an object
    return False


# Reporting verbs that as often take a thing as their object ("reported a profit", "announced a merger").
_OBJECT_VERBS = frozenset({"report", "announce", "reveal", "disclose", "unveil", "post"})
_COORDINATION = re.compile(r",|\s(?:and|or|but)\s")


def _takes_bare_content(cue: _Cue, rest: str) -> bool:
    """``said sales fell``, ``called it "a disaster"``, ``admitted his side had ...``, ``admitted "he was wrong"``:
    content without ``that``."""
    if cue.lemma in _OBJECT_VERBS and not _reported_clause(_COORDINATION.split(rest, 1)[0]):
        return False  # "reported a record profit, lifted by ...", "reported lower sales and warned": an object
    said = _reported_clause(rest) or (cue.lemma == "say" and _opens_clause(rest)) or _tagged_clause(cue.word, rest)
    return (
        (cue.lemma in SPEECH_VERBS and said)
        or (cue.lemma in FRAMING_VERBS and MASK in rest)
        or (
            (cue.lemma in THAT_VERBS or cue.lemma in _FINDING_LEMMAS)
            and (_clause_like(rest) or rest.lstrip().startswith(MASK) or _tagged_clause(cue.word, rest))
        )
    )


# A sentence opening with a name and an aside set off by commas: "Ana Ruiz, prosecuting,", "Tom Ray, 66,".
_NAME_THEN_ASIDE = re.compile(
    r"\W*(?:[A-Z][\w'\u2019.\-]*\s+){0,3}[A-Z][\w'\u2019.\-]*,\s[^,;:\"\u201c\u201d" + MASK + r"]{1,80},"
)
# A name and its apposition opening the sentence: the subject of the cue after them, no content.
_NAME_AND_APPOSITION = re.compile(
    r"(?:[A-Z][\w'\u2019.\-]*\s+){0,3}[A-Z][\w'\u2019.\-]*,\s+(?:a|an|the|who)\s[^,;" + MASK + r"]*"
)
_COORDINATED_END = re.compile(r"\b[a-z][\w\-]*(?:\s+[a-z][\w\-]*)?\s+and\s*$")
_QUANTIFIER_END = re.compile(r"\b(?:many|some|most|several|few|all|both|other)\s*$", re.IGNORECASE)
_QUANTIFIERS = words("each every many most few both several another other any such either neither none")
_PERSONS_WRITTEN = as_written(PERSONAL_PRONOUNS)


def _opens_clause(rest: str) -> bool:
    """After ``say``, a subject opening a clause whose verb the word lists may not know (``said three patients
    remain``, ``says its members oppose``): a determiner, a pronoun, a number or a name, and four words or more."""
    found = WORD.findall(rest[:60])
    if len(found) < 4 or not rest[:1].isspace():
        return False
    first = found[0]
    low = first.lower()
    if low in _QUANTIFIERS:
        return True  # "said each hour of sleep lifts ...", "said many of them left"
    if first in _PERSONS_WRITTEN and found[1].lower() not in PREPOSITIONS and found[1].lower() not in SUBORDINATORS:
        return True  # "said Wednesday he agrees with ...": a subject pronoun and its verb, whatever follows
    if any(w.lower() in PREPOSITIONS for w in found[1:3]) or found[1].lower() in SUBORDINATORS:
        return False  # "said a prayer for", "said no to the deal", "said this while ...": an object, not a clause
    second = found[1].lower()
    if low == "it" and second not in FINITE and (second in STOPWORDS or second.endswith("ly")):
        return False  # "said it again", "said it openly": an object
    if low in CLAUSE_STARTERS or is_number(low):
        return True
    if first[0].isupper():
        return low not in STOPWORDS
    # "said fans misjudge him": a bare noun and a word that is no function word (a verb the lists lack).
    return low.isalpha() and not low.endswith("ly") and low not in STOPWORDS and second not in STOPWORDS


# A sentence opening "As" before a cue's subject: "As Ruiz pointed out, ...".
_AS_OPENER = re.compile(r"\W*(?:(?:But|And|Yet|So)\s+as|As)\s+")
_COMMA_NEXT = re.compile(r"\s*,?\s*(?=[^\W_])")


def _trailing(reader: _Reader, s: Sentence, cue: _Cue) -> int:
    """``..., she said``, ``'...,' said the minister``: the cue follows a quote or the reported content it governs;
    ``If the vote fails, Harmon said, the council will meet again``: or it stands inside it (``..., as Ruiz
    noted``)."""
    masked = reader.masked
    head = _trailing_head(reader, s, cue)
    # "Over time, many planners say, ...", "..., dockers and union officials told the paper."
    before = _COORDINATED_END.sub("", _QUANTIFIER_END.sub("", masked[s.start : head])).rstrip()
    if re.search(r",\s*as$", before):
        before = before[: before.rfind("as")].rstrip()  # "The bridge, as Ruiz noted, is old"
    if not (before.endswith(MASK) or before.endswith(",")):
        return cue.end
    body = before.rstrip(",").rstrip()
    if body.endswith(MASK):
        seg = _last_segment_before(reader, s.start + len(body))
        if seg is not None and seg.cls == "partial" and _clause_with_quotation(reader, s, seg, cue):
            return cue.end
        if seg is not None and seg.cls in ("full", "partial"):
            _attach(reader, seg, cue)
            return cue.end
    governed = _governed_from(reader, cue, s.end)
    # "If the vote fails, Harmon said, the council will meet": the content goes on after the cue; not when a
    # participle of the speaker's follows ("..., the paper wrote, speculating that ...").
    aside = _comma_going_on(masked, governed, s.end, cue)
    if aside is None and not _ends_clause(masked[governed : s.end]):
        return cue.end  # "Public corruption aside, X admitted defrauding ...": the cue's content follows it
    # "..., the minister, Ines Duarte, said": the role before the name belongs to the attribution.
    role = re.search(
        r"(?:^|,)\s*(?:the|a|an|his|her|its|their|(?:[A-Z][\w.]*\s+){0,2}[A-Z]\w*['\u2019]s)\s+"
        r"(?:[\w'\u2019\-]+\s+){0,3}?([\w\-]+)\s*,?$",
        body,
    )
    if role and (is_person_role(role.group(1)) or is_organisation_role(role.group(1))):
        body = body[: role.start()]
    body_end = s.start + len(body)
    lead = _lead_start(reader, s, body_end)
    if lead is None:
        return cue.end
    lead = past_dateline(masked, lead, body_end)
    opener = WORD.match(masked, lead, body_end)
    named = opener is not None and opener.group().lower() not in STOPWORDS  # not "In Halden, the turnout was ..."
    if named and _NAME_AND_APPOSITION.fullmatch(masked, lead, body_end):
        return cue.end  # "Roffman, an analyst at Janney, recalled the calls": the subject and who they are
    if aside is not None:
        lead_words = WORD.findall(masked[lead:body_end])
        if len(lead_words) == 1 and _connective(lead_words[0]):
            lead = governed + aside.end()  # "Still, he says, the plan ...": the content follows the aside
        if lead_words:
            end = _content_end(reader, governed + aside.end(), s.end)
            (_heard if _lead_in_phrase(reader, s, lead, end) else _reported)(reader, lead, end, cue)
            return end
    lead, reportable = _main_clause(masked, lead, body_end)
    if reportable:
        lead_in = not _quotation_goes_on(reader, s, governed) and _lead_in_phrase(reader, s, lead, body_end)
        (_heard if lead_in else _reported)(reader, lead, body_end, cue)
    return cue.end


def _trailing_head(reader: _Reader, s: Sentence, cue: _Cue) -> int:
    """Where a trailing attribution starts: its verb when inverted, else its subject with what qualifies or
    describes it (``"...," a smiling Ruiz said``)."""
    if cue.inverted:
        return cue.start
    head = _qualified_start(reader, s, cue.subject)
    if cue.subject.attribution in ("name", "alias"):
        described = _DESCRIBED_NAME.search(reader.masked, s.start, head)
        head = described.start() if described is not None else head
    return head


def _comma_going_on(masked: str, governed: int, end: int, cue: _Cue) -> re.Match[str] | None:
    """The comma after a trailing cue past which its content goes on (``If the vote fails, Harmon said, the council
    will meet``); not a participle of the speaker's, nor an inverted subject's apposition (``..., says Ana Ruiz, an
    engineer at the council.``: who she is, not more of what she says)."""
    aside = re.match(r"\s*,\s*(?=[^\W\d_])(?!(?!including\b)[a-z]+ing\b)", masked[governed:end])
    if aside is not None and cue.inverted and _speaker_apposition(masked[governed + aside.end() : end]):
        return None
    return aside


# A determiner and up to two lowercase words right before a name: "a smiling ", "an angry ", "the visibly moved ".
_DESCRIBED_NAME = re.compile(r"(?<=[," + MASK + r"])\s+(?:a|an|the)\s+(?:[a-z][\w\-]*\s+){1,2}$")


def _speaker_apposition(rest: str) -> bool:
    """Whether the rest of a sentence after an inverted subject's comma only says who the subject is: a noun phrase
    opening with a determiner, with no verb."""
    found = WORD.findall(rest)
    return bool(found) and found[0].lower() in ("a", "an", "the") and not _has_verb(["", *found])


def _quotation_goes_on(reader: _Reader, s: Sentence, governed: int) -> bool:
    """``Particularly in the south, he said, "we don't know ..."``: a quotation after the cue goes on with the words
    before it (not ``But in a call on Monday, Holm said, "The patrol was ..."``: a quotation of its own)."""
    quotation = re.match(r"\s*,\s*(?=" + MASK + ")", reader.masked[governed : s.end])
    opening = WORD.search(reader.text, governed + quotation.end(), s.end) if quotation else None
    return opening is not None and opening.group()[0].islower()


def _lead_in_phrase(reader: _Reader, s: Sentence, a: int, b: int) -> bool:
    """Whether ``[a, b)`` of sentence ``s``, before a trailing cue, is a lead-in phrase and no reported clause: it
    opens with a preposition, conjunction or adverb (``Despite the defeats on Tuesday,``, ``But in a call with
    reporters,``, ``Earlier in the day,``) or is a bare name, and holds no verb, as the tagger reads the whole
    sentence or as the word lists know it (a phrase opening with a noun keeps the benefit of the doubt: the tagger
    reads some verbs as nouns, "imagery shows activity")."""
    found = WORD.findall(reader.masked[a:b])
    if not found or MASK in reader.masked[a:b] or _has_verb(["", *found]):
        return False
    first = found[0].lower()
    opener = (first in PREPOSITIONS or first in SUBORDINATORS or _connective(first)) and not (
        first in DETERMINERS
        or first in _QUANTIFIERS
        or first in _NEGATIONS
        or first == "no"
        or first in _CLAUSE_PRONOUNS
        or is_number(first)
    )
    if not (opener or all(w[0].isupper() for w in found)):
        return False
    return not any(
        _CLAUSE_VERB_TAG.fullmatch(w.tag) and a <= s.start + w.start and s.start + w.end <= b
        for w in tagger.tagged(s.text)
    )


_CLAUSE_VERB_TAG = re.compile(r"VB[DZPN]?|MD")  # not a gerund alone: "Rallying workers, X promised"


def _qualified_start(reader: _Reader, s: Sentence, subject: Subject) -> int:
    """``"...," Halden This Morning co-anchor Ana Ruiz said``, ``"...," Fair Pay for All organising director Ana Ruiz
    told``: a named subject right after a quotation, with the words between them qualifying its role (names,
    numbers, a possessive, the role itself last), starts at the quotation."""
    start = subject.start
    if subject.entity is None:
        return start
    gap = _ROLE_QUALIFIERS.search(reader.masked, s.start, start)
    if gap is None or not gap.group(1):
        return start
    name_words = {w for form in subject.entity.forms for w in form.split()}
    qualifiers = WORD.findall(reader.masked[gap.start(1) : subject.end])
    while qualifiers and qualifiers[-1] in name_words:
        qualifiers.pop()  # the name itself, not what qualifies it
    if not qualifiers:
        return start
    role = qualifiers[-1].split("-")[-1].lower()
    if not is_person_role(role) and not is_organisation_role(role):
        return start
    lowercase = [w for w in qualifiers[:-1] if w.islower()]
    if any(w in STOPWORDS - {"for", "of"} or w in ALL_VERBS for w in lowercase):
        return start  # "..." the judge ruled and Ana Ruiz said: a clause, not a role
    return gap.start(1)


# A quotation's closing mark, then up to six words qualifying a role before the name: names, numbers, a possessive.
_ROLE_QUALIFIERS = re.compile(MASK + r",?\s+((?:(?:[A-Za-z][\w.\-]*|\$?\d[\w/\-]*)(?:['\u2019]s)?\s+){1,6})$")


def _clause_with_quotation(reader: _Reader, s: Sentence, seg: QuotedSpan, cue: _Cue) -> bool:
    """``Not paying taxes "makes me smart," Roe said``: a clause ending in a partial quotation before a trailing cue
    is reported whole, with the quoted words in it (mixed); returns whether it was."""
    lead = _lead_start(reader, s, seg.open)
    if lead is None or seg.attached:
        return False  # "He called the plan "a disaster," Ruiz said": the quotation is already a cue's content
    lead, _ = _main_clause(reader.masked, past_dateline(reader.masked, lead, seg.open), seg.open)
    if len(WORD.findall(reader.masked[lead : seg.open])) < 2 or MASK in reader.masked[lead : seg.open]:
        return False
    _reported(reader, lead, seg.close + 1, cue)
    return True


def _connective(word: str) -> bool:
    """A word linking a sentence to the one before (``Still``, ``Instead``, ``Eventually``), no content of its own."""
    low = word.lower()
    return low in STOPWORDS or low in VERB_MODIFIERS or low in _CONNECTIVES or low.endswith("ly")


_CONNECTIVES = words("instead rather indeed besides otherwise nevertheless nonetheless anyway thus hence")


def _main_clause(masked: str, lead: int, end: int) -> tuple[int, bool]:
    """``Asked about the plan, Okafor said ...``: skip a fronted lead-in to the main clause after it; a fronted
    subordinate clause (``If not yet, it will open soon, engineers say``) is part of what is reported. Returns
    where the content starts and whether it can be reported content."""
    if _reportable(masked[lead:end]):
        return lead, True
    comma = masked.find(",", lead, end)
    if comma < 0:
        return lead, False
    start = comma + 1
    while start < end and masked[start].isspace():
        start += 1
    if not _reportable(masked[start:end]):
        return lead, False
    return (lead if _SUBORDINATE_CLAUSE.match(masked, lead, comma) else start), True


# A fronted clause of condition, time, cause or concession with a subject and verb of its own: "If it fails,",
# "As the mayor spoke on Tuesday,"; not "When asked about it," or "After the vote,".
_SUBORDINATE_CLAUSE = re.compile(
    r"\W*(?:If|When|Whenever|While|Although|Though|Because|Since|Until|Unless|Once|After|Before|As)\s+"
    r"(?!asked\b|speaking\b|pressed\b)(?:[\w'\u2019.\-]+\s+){0,8}?(?:[a-z]+ed|"
    + "|".join(sorted(FINITE | IRREGULAR_VERBS))
    + r"|cannot|can't)\b"
)


def _ends_clause(tail: str) -> bool:
    """Whether a trailing cue ends its clause: punctuation next, or a time, venue or preposition phrase."""
    if re.match(r"\s*(?:[^\w\s]|$)", tail) or ADVERBIAL.match(tail):
        return True
    first = WORD.findall(tail[:40])
    return bool(first) and first[0].lower() in PREPOSITIONS


# A contracted auxiliary is a finite verb: "aren't", "won't", "they'll", "we're", "you've".
_CONTRACTED = ("n't", "n\u2019t", "'ll", "\u2019ll", "'re", "\u2019re", "'ve", "\u2019ve")


_ED_NOUNS = words("need seed feed deed reed weed")  # "said the driver died": four letters are enough


def _has_verb(found: list[str]) -> bool:
    return any(
        w.lower() in FINITE
        or w.lower() in IRREGULAR_VERBS
        or (len(w) > 3 and w.lower().endswith("ed") and w.lower() not in _ED_NOUNS and "-" not in w)
        or w.lower().endswith(_CONTRACTED)
        for w in found[1:10]
    )


def _clause_like(rest: str) -> bool:
    """``admitted his side had ...``: a reported clause without ``that`` (a subject, then a finite verb soon)."""
    found = WORD.findall(rest[:80])
    if not found:
        return False
    first = found[0].lower()
    # A determiner or pronoun, a name, or a bare noun ("found rents had risen"), then a finite verb.
    noun = first.isalpha() and first not in STOPWORDS and not first.endswith(("ing", "ed", "ly"))
    if not (first in CLAUSE_STARTERS or found[0][0].isupper() or noun):
        return False
    return any(w.lower() in FINITE for w in found[1:5])


def _reported_clause(rest: str) -> bool:
    """``said sales fell``, ``told me the same thing``, ``said they intend to``, ``said he'd like``: content after a
    speech verb needs a verb of its own, or a subject pronoun and a word that is no preposition."""
    if MASK in rest[:80] or _has_verb(WORD.findall(rest[:80])):
        return True
    pronoun = _PRONOUN_CLAUSE.match(rest)
    # "they intend", "he's with the governor" (a contracted verb before a preposition); not "he in turn".
    if pronoun is None or (pronoun.group(1) == "it" and pronoun.group(2) is None):
        return False  # "said it again": an object
    return pronoun.group(3) not in PREPOSITIONS or pronoun.group(2) is not None


# "they intend", "he'd now like": a subject pronoun (perhaps contracted) and the next word.
_PRONOUN_CLAUSE = re.compile(
    r"\s+(" + pronoun_pattern(SUBJECT_PRONOUNS) + r")(['\u2019](?:d|ll|ve|re|s|m))?\s+([a-z]+)\b"
)


_ABOUT = words("about around over under some nearly almost")  # "About 40 boats left, she said"
_TIME_WORDS = words("later earlier ago afterwards morning afternoon evening night today yesterday week month year")


def _reportable(content: str) -> bool:
    """Whether text before a trailing cue can be reported content, not a lead-in (``Asked whether ..., she``):
    also a quotation going on in the speaker's clause (``"We are shocked" by the attack, Ruiz said``), a number
    after a preposition (``About 40 boats left, he said``) and a gerund subject without a comma (``Eating less
    salt cut the risk, the study found``)."""
    found = WORD.findall(content)
    if len(found) < 3:
        return content.lstrip().startswith(MASK) and len(found) >= 2
    if content.lstrip().startswith(MASK):
        return True
    if found[-1].lower() in _TIME_WORDS and len(found) <= 5 and not _has_verb(["", *found]):
        return False  # "Ten minutes later, he added: ...": when, not what
    first = found[0].lower()
    if first in PREPOSITIONS:
        return first in _ABOUT and is_number(found[1])  # not "At one point, X asked"
    if first.endswith(("ing", "ed")) and first not in SUBORDINATORS:
        # "Eating less salt cut the risk", "Floating voters aren't sure": a subject and its verb, no lead-in
        # ("Rallying workers who are struggling, X promised": the verb is the relative clause's)
        relative = next((i for i, w in enumerate(found) if w.lower() in _RELATIVES), len(found))
        finite = any(w.lower() in FINITE or w.lower().endswith(_CONTRACTED) for w in found[1:relative])
        return "," not in content and finite
    return first not in SUBORDINATORS


def _last_segment_before(reader: _Reader, pos: int) -> QuotedSpan | None:
    # A span opening at or after ``pos`` closes after it, so the search starts at the last one opening before.
    for k in range(bisect_left(reader.opens, pos) - 1, -1, -1):
        seg = reader.segments[k]
        if seg.close < pos and seg.cls in ("full", "partial", "short"):
            return seg
    return None


def _lead_start(reader: _Reader, s: Sentence, end: int) -> int | None:
    """The start of reported content that a trailing cue (``..., he added.``) governs: the sentence start,
    after any direct quote already attached in it."""
    start = s.start
    for seg in reader.segments[bisect_left(reader.opens, s.start) : bisect_left(reader.opens, end)]:
        if seg.attached:
            start = max(start, seg.close + 1)
    while start < end and not reader.masked[start].isalnum() and reader.masked[start] != MASK:
        start += 1
    return start if start < end else None


# A plain verb of saying: "X said the road would reopen, according to the paper" is X's, the paper only reports it.
# ("states" is left out: as often the noun, "14 states passed laws, according to ...").
_SAYS = re.compile(r"\b(?:said|says|told|tells|added|adds|stated|wrote|writes|announced|confirmed)\b")


def _according(reader: _Reader, s: Sentence) -> list[tuple[int, int]]:
    """``According to X, ...`` and ``..., according to X.``: the source is a name, a role, or a document."""
    masked, text = reader.masked, reader.text
    taken = []
    for m in _ACCORDING.finditer(masked, s.start, s.end):
        src_a, src_b = m.start(2), m.end(2)
        entity, attribution = source_of(reader, src_a, src_b)
        said = " ".join(m.group(1).lower().split())
        # "as reported by the Star", "according to the AP": the paper's or the agency's own report.
        press = said != "according to" or (entity is not None and entity.is_agency)
        cue = _Cue(m.start(), m.end(), said, "say", Subject(src_a, src_b, entity, attribution, press))
        lead = masked[s.start : m.start()]
        aside = _aside_after(masked, src_b, s.end) if lead.rstrip().endswith(",") else None
        if aside is not None and _SAYS.search(lead):
            continue  # "Acme said on Friday, according to the Star, that ...": the verb's content, sourced
        if aside is not None:
            # "That man fled and, according to Ruiz, hid in a shed": what follows the aside is reported; after a
            # short subject ("The plan, according to Ruiz, will cost ..."), the whole sentence.
            before = lead.rstrip().rstrip(",")
            found = WORD.findall(before)
            short = 0 < len(found) <= 4 and "," not in before and not _has_verb(["", *found])
            short = short and found[-1].lower() not in ("and", "but", "or", "who", "which", "that")
            a = _lead_start(reader, s, s.start + len(before)) if short else aside
            b = _content_end(reader, aside, s.end)
            if a is None:
                continue
        elif not lead.strip() or _CONJUNCTION_ONLY.fullmatch(lead):  # "But according to X, ..."
            a = src_b + 1 if masked[src_b : src_b + 1] == "," else src_b
            b = _content_end(reader, a, s.end)
        elif lead.rstrip().endswith(MASK):
            # ""It is over," according to Ruth Sallis.": the source of the quote before it.
            seg = _last_segment_before(reader, s.start + len(lead.rstrip()))
            if seg is not None and seg.cls in ("full", "partial"):
                _attach(reader, seg, cue)
            continue
        elif (lead.rstrip().endswith(",") or _sourced(lead, entity, masked[src_a:src_b])) and not _SAYS.search(lead):
            # "..., according to a tally", "Ruiz leads by 27 seats according to a tally": what comes before
            b = s.start + len(lead.rstrip().rstrip(","))
            lead_start = _lead_start(reader, s, b)
            if lead_start is None:
                continue
            a = past_dateline(masked, lead_start, b)
        else:
            continue
        if len(WORD.findall(text[a:b])) >= 3:
            _reported(reader, a, b, cue)
            taken.append((min(a, cue.start), max(b, src_b)))
    return taken


_CONJUNCTION_ONLY = re.compile(r"\W*(?:But|And|Yet|So|Still|Now|Instead),?\s*")


# "according to X", "as reported by X", "as first reported by X": X is the source of what the sentence reports.
_ACCORDING = re.compile(
    r"\b([Aa]ccording\s+to|[Aa]s\s+(?:first\s+|previously\s+|earlier\s+)?reported\s+by)\s+([^,.;" + MASK + r"]+)"
)


def _sourced(lead: str, entity: Entity | None, source: str) -> bool:
    """``according to`` right after its content, with no comma, names a source when the source is someone or a
    record (``leads by 27 seats according to a tally``), not a plan followed (``run according to the timetable``)."""
    if not lead.strip() or not lead.rstrip()[-1:].isalnum():
        return False
    found = WORD.findall(source)
    return entity is not None or (bool(found) and (found[-1].lower() in RESEARCH_NOUNS or found[0][0].isupper()))


# Words opening a new clause after an attribution: what came before it was the attributed content.
_LINKS = words(
    "and but or nor yet so where which who whom whose while whereas although though because when compared including"
)


def _aside_after(masked: str, pos: int, end: int) -> int | None:
    """Where the sentence goes on after an attribution set off by commas (``..., according to Ruiz, hid ...``), or
    None when the attribution ends its sentence."""
    rest = re.match(r",\s*([^\W_][\w\-]*)", masked[pos:end])
    if rest is None or rest.group(1).lower() in PREPOSITIONS or rest.group(1).lower() in _LINKS:
        return None  # "..., according to X, with Y leading", "..., according to X, but ...": the clause ended
    if rest.group(1).lower() in ("a", "an") or not _has_verb(["", *WORD.findall(masked[pos:end])]):
        return None  # "..., according to PortWatch, a shipping data firm (that ...)": the source's apposition
    return pos + rest.start(1)


def _spoke(reader: _Reader, s: Sentence) -> list[tuple[int, int]]:
    """``Reuters spoke to him about how ...``: the press interviewing someone reports that person."""
    masked = reader.masked
    taken = []
    pattern = r"\b(spoke|talked)\s+(?:with|to)\s+(him|her|[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*)*)\s+about\s+"
    for m in re.finditer(pattern + r"(?:the fact\s+)?(?:that\s+|how\s+)?", masked[s.start : s.end]):
        subject = noun_phrase_before(reader, s, s.start + len(masked[s.start : s.start + m.start()].rstrip()))
        if subject is None or (not subject.reporter and (subject.entity is None or not subject.entity.is_media)):
            continue
        obj_a, obj_b = s.start + m.start(2), s.start + m.end(2)
        if m.group(2) in ("him", "her"):
            entity = reader.book.resolve_pronoun(PRONOUN_GENDER[m.group(2)], obj_a)
            attribution: AttributionMethod = "pronoun"
        else:
            entity, attribution = source_of(reader, obj_a, obj_b)
        cue = _Cue(
            s.start + m.start(1),
            s.start + m.end(1),
            f"{m.group(1)} with",
            "say",
            Subject(obj_a, obj_b, entity, attribution),
        )
        a = s.start + m.end()
        b = _content_end(reader, a, s.end)
        _reported(reader, a, b, cue)
        taken.append((s.start + m.start(), b))
    return taken


def _continue(reader: _Reader, seg: QuotedSpan) -> None:
    """A quote no cue claims goes on from the quote before it in the text. A sentence of glued paragraphs
    (``"... is it." "We lost." Ruiz admitted there were ...``) reads its cues before such a quote: the speaker of
    a cue further on is not the one it goes on from, unless the quote's sentence goes on to it (``"...," Ruiz
    told the paper when asked why``)."""
    latest = max(reader.spoken, key=lambda e: e[0], default=None)
    voice = _voice_at(reader, seg)
    reader.last = (voice[1], voice[2]) if voice is not None else None
    reader.last_description = voice[3] if voice is not None else ""
    _continue_from_last(reader, seg)
    if latest is not None and latest[0] > seg.open:
        reader.last, reader.last_description = (latest[1], latest[2]), latest[3]


def _voice_at(reader: _Reader, seg: QuotedSpan) -> tuple[int, int, Entity | None, str] | None:
    """The quote a cueless quote goes on from: the one before it, or the next one when the quote does not end its
    sentence (a comma, no stop: ``declaring it "a fine day" and said ...``) and the sentence goes on to that one."""
    if not reader.text[seg.start : seg.end].rstrip().endswith((".", "!", "?", "\u2026")):
        after = min((e for e in reader.spoken if e[0] > seg.open), key=lambda e: e[0], default=None)
        if after is not None and reader.book.sentence_at(after[0]) == reader.book.sentence_at(seg.close):
            return after
    return max((e for e in reader.spoken if e[0] < seg.open), key=lambda e: e[0], default=None)


def _continue_from_last(reader: _Reader, seg: QuotedSpan) -> None:
    """A quote no cue claims: it continues the previous quote's speaker when it follows straight on."""
    seg.attached = True
    here = reader.book.sentence_at(seg.start)
    kind: QuoteKind = "direct"
    s = reader.sentences[reader.book.sentence_at(seg.open)]
    intro = reader.masked[s.start : seg.open].rstrip()
    if intro.endswith(":") and MASK not in intro and len(WORD.findall(intro)) <= 12:
        # "Karen Holt was blunt: "Nobody is safe."": the clause before a colon names the speaker.
        subject = clause_subject(reader, s, seg.open, coordinated=True)
        if subject is not None and subject.entity is not None:
            _emit(reader, seg.start, seg.end, kind, subject.entity, subject.attribution, "", -0.1)
            return
    label = _label_after(reader, seg)
    after = _bare_cue_after(reader, seg) if label is None else None
    if label is not None:
        _emit(reader, seg.start, seg.end, kind, label[0], label[1], "", -0.05, description=label[2])
    elif after is not None:
        _emit_said(reader, seg.start, seg.end, kind, after, -0.1 - after.subject.doubt)
    elif _continues(reader, here, seg.open):
        assert reader.last is not None
        _emit(reader, seg.start, seg.end, kind, reader.last[1], "continuation", "", -0.05)
    elif (followed := _paragraph_after_person(reader, seg, here)) is not None:
        _emit(reader, seg.start, seg.end, kind, followed, "continuation", "", -0.15)
    else:
        # Straight after an unnamed speaker's quote ("one resident said: '...'"), the same unnamed speaker.
        opens = not reader.masked[s.start : seg.open].strip()  # the quote opens its sentence
        goes_on = opens and reader.last is not None and reader.last[1] is None and here - reader.last[0] <= 1
        _emit(reader, seg.start, seg.end, kind, None, "none", "", description=reader.last_description * goes_on)


def _bare_cue_after(reader: _Reader, seg: QuotedSpan) -> _Cue | None:
    """``"...." The company said in a statement.``: a quote whose speaker the next sentence gives, a cue with
    nothing to report of its own."""
    k = reader.book.sentence_at(seg.close) + 1
    if k >= len(reader.sentences) or reader.text.find("\n\n", seg.close, reader.sentences[k].start) >= 0:
        return None
    s = reader.sentences[k]
    masked = reader.masked
    if not _BARE_CUE.fullmatch(masked, s.start, s.end):
        return None
    cues = [cue for cue in _cues(reader, s) if not cue.participle]  # ", adding that ...": the same speaker goes on
    if len(cues) != 1 or cues[0].inverted or not cues[0].leads or cues[0].subject.reporter:
        return None
    tail = masked[cues[0].end : s.end]
    adverbial = ADVERBIAL.match(tail)
    return cues[0] if _ENDS_BARE.fullmatch(tail[adverbial.end() if adverbial else 0 :]) else None


# A short sentence with no quote of its own: "The company said in a statement."
_BARE_CUE = re.compile(r"[^\n" + MASK + r"]{3,160}[.!]")
# What may follow a bare cue: a venue phrase, then a participle or time clause of the speaker's ("..., echoing
# many members", "as he left"), and the full stop.
_ENDS_BARE = re.compile(
    r"(?:\s+(?:in|on|at|via|through|to)\s+[^,;]{1,50})?"
    r"(?:,?\s+(?:as|before|after|while|when)\s[^;:]{1,80}|,\s+[a-z]+ing\s[^;:]{1,80})?\s*[.!]\s*"
)


def _paragraph_after_person(reader: _Reader, seg: QuotedSpan, here: int) -> Entity | None:
    """``A downcast Ana Ruiz sat at the podium.`` then a paragraph opening with a quote no cue claims: the person
    the story follows says it (a guess, so less sure than a cue)."""
    text = reader.text
    line_start = text.rfind("\n", 0, seg.open) + 1
    line_end = text.find("\n", seg.close)
    s = reader.sentences[reader.book.sentence_at(seg.open)]
    if line_start == 0 or text[line_start : seg.open].strip():
        # Inside a paragraph: "Okoro kept calm. "We lost to a better side ..."": a quote opening the
        # sentence after one about a person, with no cue of its own.
        if reader.masked[s.start : seg.open].strip() or s.position == 0 or reader.book.in_quote(s.start - 2):
            return None
        line_end = s.end
    if VERB_RE.search(reader.masked, seg.close, line_end if line_end >= 0 else len(text)):
        return None  # a cue on the line that named nobody we know ("said one of the photographers"): no guess
    if reader.last is not None and reader.last[1] is None and here - reader.last[0] <= 1:
        return None  # it goes on from a quote whose speaker is unnamed
    return reader.book.followed(seg.open)


def _continues(reader: _Reader, here: int, pos: int) -> bool:
    """Whether a quote no cue claims goes on from the previous quote's speaker: it follows in the next sentence, or
    within three when no other person is named in between (a transcript's questions and topic lines)."""
    if reader.last is None or reader.last[1] is None:
        return False
    since, speaker = reader.last
    if here - since <= 1:
        return True
    if here - since > 3:
        return False
    start = reader.sentences[since].end
    return all(e is speaker or e.kind != "person" for e in reader.book.entities_between(start, pos))


# "“...” - President Ruiz": a label after a quote, alone on the rest of its line.
_LABEL_AFTER = re.compile(r"[^\S\n]*[-\u2013\u2014]+[^\S\n]*([^\n]{2,60}?)[^\S\n]*(?:\n|$)")


# A pull quote signed on the line below it: a dash, then a name (and perhaps a comma and a role), alone on the line.
_SIGNED_BELOW = re.compile(
    r"[^\S\n]*\n[^\S\n]*[-\u2013\u2014]+[^\S\n]*((?:[A-Z][\w.'\u2019\-]*[^\S\n]+){0,4}[A-Z][\w.'\u2019\-]*"
    r"(?:,[^\S\n]*[^\n]{2,40}?)?)[^\S\n]*(?:\n|$)"
)


def _signed_below(reader: _Reader, seg: QuotedSpan) -> re.Match[str] | None:
    """``"We never give up."`` on a line of its own, then ``- Dan Lowe`` on the next: the quote's signature."""
    line_start = reader.text.rfind("\n", 0, seg.open) + 1
    if reader.text[line_start : seg.open].strip():
        return None
    return _SIGNED_BELOW.match(reader.text, seg.close + 1)


def _label_after(reader: _Reader, seg: QuotedSpan) -> tuple[Entity | None, AttributionMethod, str] | None:
    """The speaker named by a dash label after a quote (``"..." - President Ruiz``), or described by one without a
    name (``"..." - reporter``): (entity, attribution, description), or None without a label."""
    label = _LABEL_AFTER.match(reader.text, seg.close + 1) or _signed_below(reader, seg)
    if label is None:
        return None
    for pos in reader.mentions_between(label.start(1), label.end(1)):
        entity = reader.book.mention_entity.get(pos)
        if entity is not None:
            return entity, named(reader, reader.mention_by_start[pos], entity), ""
    found = WORD.findall(label.group(1))
    if 0 < len(found) <= 4 and found[0].islower() and is_person_role(found[-1]):
        return None, "none", label.group(1)
    return None


class _ByClose:
    """The full and partial quoted spans, indexed by where they close: each sentence finds the spans closing in it
    by bisection, so reading an article stays linear in its length."""

    def __init__(self, spans: list[QuotedSpan]) -> None:
        self.spans = spans
        self._order = sorted(range(len(spans)), key=lambda k: spans[k].close)
        self._closes = [spans[k].close for k in self._order]

    def closing_in(self, a: int, b: int) -> list[QuotedSpan]:
        """The spans closing in ``[a, b]``, in text order."""
        found = self._order[bisect_left(self._closes, a) : bisect_right(self._closes, b)]
        return [self.spans[k] for k in sorted(found)]


# -- the whole article ----------------------------------------------------------------------------------------


def find_quotes(text: str, sentences: list[Sentence]) -> tuple[list[Speaker], list[Quote]]:
    """Return the article's speakers and its quotes (in text order).

    Speakers are the people and organisations at least one quote is attributed to, in order of first mention, with
    their aliases and a description from an apposition or parenthesis when the article gives one.
    """
    sentences = sorted(sentences, key=lambda s: s.start)
    segments = pair_marks(text)
    starts = [s.start for s in sentences]
    for seg in segments:
        k = max(0, _bisect(starts, seg.open))
        seg.cls = classify(text, seg, sentences[k] if sentences else None)
    masked = mask_quotes(text, segments)
    mentions = _known_by_speaking(masked, find_mentions(text, sentences))
    quoted = [(seg.open, seg.close + 1) for seg in segments if seg.cls in ("full", "partial", "title", "heading")]
    book = SpeakerBook(text, sentences, mentions, quoted)
    book.learn_gender_from_pronouns()
    book.link_lede_subject()
    book.note_unnamed_subjects()
    named = [m for m in mentions if not m.in_title]  # a title's body is no subject: "Halden Police Chief Ana Ruiz"
    reader = _Reader(text, sentences, masked, book, {m.end: m for m in named}, {m.start: m for m in named})
    reader.segments = segments
    reader.opens = [seg.open for seg in segments]
    quotable = _ByClose([seg for seg in segments if seg.cls in ("full", "partial")])
    spoken = _transcript(reader)  # in text order, not overlapping
    spoken_starts = [a for a, _ in spoken]
    for s in sentences:
        k = bisect_right(spoken_starts, s.start) - 1
        if s.kind in ("prose", "caption") and not (k >= 0 and s.start < spoken[k][1]):
            taken = _according(reader, s) + _spoke(reader, s)
            cues = _cues(reader, s)
            until = s.start
            # The press reporting what someone else says is no speaker; reporting on its own account, it is.
            press_only = all(cue.subject.reporter for cue in cues)
            for i, cue in enumerate(cues):
                if cue.start < until or (cue.subject.reporter and not press_only):
                    continue
                if any(a <= cue.start < b for a, b in taken):
                    continue
                limit = _trailing_limit(reader, s, cue.end, cues[i + 1 :])
                until = _read_cue(reader, s, cue, limit)
        # Quotes that close in this sentence and no cue claimed continue the previous speaker.
        for seg in quotable.closing_in(s.start, s.end + 1):
            if not seg.attached:
                _continue(reader, seg)
    for seg in [seg for seg in quotable.spans if not seg.attached]:
        _continue(reader, seg)
    quotes = sorted(reader.quotes, key=lambda q: (q.start, q.end))
    speakers = [e.speaker() for e in book.entities if e.id in reader.used]
    return speakers, quotes


def _transcript(reader: _Reader) -> list[tuple[int, int]]:
    """A transcript's labelled lines (``RUIZ: We will ...``, ``A: ...``) and the paragraphs that go on from them are
    their speakers' words, quoted without quotation marks; questions are the interviewer's and left out. Returns the
    spans read, so that no cue inside an answer is read again as reported speech."""
    text = reader.text
    lines = label_lines(text)
    if not lines:
        return []
    # Whom the lines before the first label present: "Ana Ruiz, the new coach, spoke to us about ...".
    first = lines[0].label_start
    interviewee = reader.book.followed(first) or reader.book.focus(first)
    spoken = [(line, line.start, line.end) for line in lines if line.kind != "question"]
    read = []
    speaker: dict[str, tuple[Entity | None, AttributionMethod]] = {}
    since = 0  # the end of the last labelled line: a witness called after it answers the next "A."
    for line, a, b in sorted([*spoken, *continued(text, lines)], key=lambda item: item[1]):
        if reader.masked[a] == MASK:
            continue  # 'Sanders: "..."': a quotation, read as such
        label = line.label(text)
        witness = _witness_between(reader, since, line.label_start) if line.kind == "answer" else None
        since = max(since, b)
        if witness is not None:
            speaker[label] = witness  # "TOM VICK, called as a witness, testified:": his answers from here
        if label not in speaker:  # once per label: "RUIZ" names the same person on every line
            speaker[label] = (interviewee, "role") if line.kind == "answer" else _labelled(reader, line)
        entity, attribution = speaker[label]
        for seg in _segments_in(reader, a, b + 1):
            seg.attached = True
        _emit(reader, a, b, "direct", entity, attribution, line.label(text), -0.05)
        read.append((line.label_start if a == line.start else a, b))
    return read


# A witness called in a court record: "ANA RUIZ, called as a witness, testified:", "Tom Vick, sworn, said:".
_WITNESS = re.compile(
    r"(?m)^[^\S\n]*((?:[A-Z][\w.'\u2019\-]*[^\S\n]+){0,3}[A-Z][\w'\u2019\-]+),[^\S\n]+"
    r"(?:(?:having[^\S\n]+been[^\S\n]+|being[^\S\n]+)?(?:called|sworn|recalled|examined|affirmed)|a[^\S\n]+witness)\b"
)


def _witness_between(reader: _Reader, a: int, b: int) -> tuple[Entity | None, AttributionMethod] | None:
    """The last witness called between ``a`` and ``b``, who answers the questions after it, or None."""
    called = list(_WITNESS.finditer(reader.text, a, b))
    if not called:
        return None
    return _person_named(reader, called[-1].group(1), called[-1].start(1), called[-1].end(1))


def _labelled(reader: _Reader, line: LabelLine) -> tuple[Entity | None, AttributionMethod]:
    """The person a transcript label names: the name read there, one the article gave in full (``RUIZ`` for Ana
    Ruiz), or a new person; for an office (``THE PRESIDENT``), the person the story described by it."""
    book = reader.book
    if line.kind == "role":
        noun = line.label(reader.text).split()[-1].lower()
        entity = book.resolve_role(noun, False, line.label_start, guess=False)
        return entity, "role" if entity is not None else "none"
    return _person_named(reader, line.label(reader.text), line.label_start, line.label_end)


def _person_named(reader: _Reader, label: str, start: int, end: int) -> tuple[Entity | None, AttributionMethod]:
    """The person a label or a witness's line names: the name read there, one the article gave in full, or a new
    person."""
    book = reader.book
    for pos in reader.mentions_between(start, end):
        entity = book.mention_entity.get(pos)
        if entity is not None and entity.kind == "person":
            return entity, named(reader, reader.mention_by_start[pos], entity)
    name = label.title() if label.isupper() else label
    others = [e.name for e in book.entities if e.name and e.kind == "person"]
    for entity in book.entities:
        if entity.name and entity.kind == "person" and same_speaker(name, entity.name, others):
            book.note(entity, start)
            return entity, "alias"
    return book.create(name, "person", start), "name"


# A capitalised word right before a speech verb: "Umahi said", "Umahi also told".
_NAME_SPEAKS = re.compile(
    r"\b([A-Z][\w'\u2019\-]+)\s+(?:(?:also|later|then|has|had|further)\s+)?("
    + "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
    + r")\b"
)


# A speaker's label opening a line of a transcript: "Sanders: ..." or "Gov. Jane Roe: ...".
_LABEL = re.compile(r"(?m)^[^\S\n]*(?:[A-Z][\w.]*\s+)*([A-Z][\w'\u2019\-]+):[^\S\n]")


# A name set off after a role or relation: "Smith's sister, Maria, said", "the coach, Okafor, said".
_APPOSED = re.compile(r"\b([a-z][\w\-]*),\s+([A-Z][\w'\u2019\-]+),")


def _known_by_speaking(masked: str, mentions: list[Mention]) -> list[Mention]:
    """A lone word the name reader could not classify (``Umahi``) is a person from its first mention when the story
    has it speak (``Umahi said``) anywhere, so that pronouns before that cue can refer to it."""
    cues = list(_NAME_SPEAKS.finditer(masked))  # one scan of the article, read twice below
    # "Umahi said", but not "Police in Halden said": a place after a preposition does not speak.
    speaking = {m.group(1) for m in cues if not _PLACE_BEFORE.search(masked, max(0, m.start() - 8), m.start())}
    # A label opening the article is its dateline ("London: Researchers have ..."), not a speaker.
    speaking |= {m.group(1) for m in _LABEL.finditer(masked) if masked[: m.start()].strip()}
    speaking |= {m.group(2) for m in _APPOSED.finditer(masked) if is_person_role(m.group(1))}
    bodies = {m.group(1) for m in _DESCRIBED.finditer(masked) if is_organisation_role(m.group(2))}
    bodies |= {name for m in _TRADED.finditer(masked) for name in _tails(m.group(1) or m.group(2))}  # "Acme shares"
    # "Beta Ltd ... Beta said": the first word of a company's name, speaking alone, is that company.
    bodies |= speaking & {m.tokens[0] for m in mentions if m.kind == "organisation" and _COMPANY_NAME.search(m.text)}
    # "the Fed said": a lone name that speaks after "the" is an institution; so is one that says "its".
    bodies |= {
        m.group(1)
        for m in cues
        if _THE_BEFORE.match(masked, m.start() - 4, m.start()) or _ITS_AFTER.match(masked, m.end())
    }
    bodies |= {m.group(1) for m in _OFFICER_OF.finditer(masked)}  # "chief executive of Acme": a company
    bodies |= {m.group(1) for m in _OFFICER_AFTER.finditer(masked)}  # "Acme chief executive Ana Ruiz": a company
    bodies |= _written_as_a_company(masked, mentions)
    return [_kind_known(m, speaking, bodies, masked) for m in mentions]


def _written_as_a_company(masked: str, mentions: list[Mention]) -> set[str]:
    """Names the story writes as a business somewhere (``Acme Tools Inc.``, ``Acme (NASDAQ: ACME)``, ``the company,
    Acme,``, ``Acme, which makes``, ``Acme said in a statement``), so that ``Acme`` alone is that business everywhere;
    not a word that is the surname of a person the story names (``Ruiz said in a statement``)."""
    found = {_COMPANY_SUFFIX.sub("", m.text) for m in mentions if _COMPANY_SUFFIX.search(m.text)}
    for pattern in (_COMPANY_TICKER, _COMPANY_WHICH, _STATEMENT_OF):
        for m in pattern.finditer(masked):
            if not _THE_BEFORE.match(masked, m.start(1) - 4, m.start(1)):  # "the Halden Republican said": no name
                found.update(_tails(m.group(1)))
    found |= {m.group(2) for m in _COMPANY_APPOSED.finditer(masked) if is_organisation_role(m.group(1))}
    # a person's surname; not a nickname's last word (the ''Acme Twitter'' of a group's account)
    surnames = {
        m.tokens[-1]
        for m in mentions
        if m.kind == "person"
        and len(m.tokens) > 1
        and masked[m.start] != MASK
        and masked[max(0, m.start - 1) : m.start] not in _NICKNAME_MARKS
    }
    return found - surnames


# A company's name: its first word and a company suffix.
_COMPANY_SUFFIXES = r"\s+(?:Ltd|Inc|Corp|Co|Plc|PLC|LLC|AG|SA|NV|Group|Holdings)\.?$"
_COMPANY_NAME = re.compile(r"^[A-Z][\w\-]*" + _COMPANY_SUFFIXES)
# A quotation mark right before a name: a nickname ('"Acme Twitter"'), not a person's name.
_NICKNAME_MARKS = frozenset(("'", '"', "\u2018", *OPENING))
# The suffix of a company's name: "Acme Tools Inc.", "Acme Corp".
_COMPANY_SUFFIX = re.compile(_COMPANY_SUFFIXES)
# One to three capitalised words, not "The"; the lookahead names the first character, so a scan of the whole text
# passes over other characters quickly.
_CAPITALISED_NAME = r"((?=[A-Z])(?!The\b)(?:[A-Z][\w&\-]+ ){0,2}[A-Z][\w&\-]+)"
# A name before its ticker: "Acme (NASDAQ: ACME)".
_COMPANY_TICKER = re.compile(_CAPITALISED_NAME + r"\s+\((?:NASDAQ|Nasdaq|NYSE|LSE|TSX|ASX)\s*:")
# A name set off after a business's noun: "the company, Acme, said", "the carmaker, Halvor,".
_COMPANY_APPOSED = re.compile(r"(?=[Tt])\b[Tt]he\s+([a-z]+)\s*,\s+(?!The\b)((?:[A-Z][\w&\-]+ ){0,2}[A-Z][\w&\-]+)\s*,")
# A name followed by what a business does: "Acme, which makes tools", "Acme, which owns the mill".
_COMPANY_WHICH = re.compile(
    _CAPITALISED_NAME + r",\s+which\s+(?:makes|sells|owns|operates|runs|provides|builds|manufactures|produces|"
    r"employs|supplies|offers)\b"
)
# "Acme said in a statement", "Acme said in a filing": a written statement, as businesses and bodies make.
_STATEMENT_OF = re.compile(
    r"(?=[A-Z])(?<![\w.'\u2019])"
    + _CAPITALISED_NAME
    + r"\s+(?:said|says|added)\s+in\s+an?\s+(?:statement|filing|release|"
    r"press\s+release|news\s+release)\b"
)


_THE_BEFORE = re.compile(r"[Tt]he\s$")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|from|near|outside)\s$")
_ITS_AFTER = re.compile(r"\s+(?:that\s+)?its\b")  # "Acme said its profit fell": a body, not a person
# A name whose shares or stock trade: "Acme shares fell", "Acme's stock rose".
_TRADED = re.compile(
    r"(?=[A-Zs])(?:\b((?:[A-Z][\w\-]+ ){0,2}[A-Z][\w\-]+)(?:['\u2019]s)?\s+(?:shares|stock|stockholders|shareholders)\b"
    r"|\b(?:[Ss]hares|[Ss]tock)\s+(?:of|in)\s+((?:[A-Z][\w\-]+ ){0,2}[A-Z][\w\-]+)\b)"
)


def _kind_known(m: Mention, speaking: set[str], bodies: set[str], masked: str) -> Mention:
    if m.kind != "organisation" and not m.title and organisation_noun_before(masked, m.start):
        return replace(m, kind="organisation")  # "Developer Acme Homes", "the carmaker Halvor"
    if m.text in bodies and not m.title and m.kind != "organisation" and not _first_named(m):
        return replace(m, kind="organisation")  # "Lumen Circuits shares fell": a company, though it reads as a name
    if m.kind != "unknown" or len(m.tokens) != 1 or common_word(m.text):
        return m
    if m.text in speaking:
        return replace(m, kind="organisation" if m.text.isupper() else "person")
    return m


def _tails(name: str) -> list[str]:
    """``AM Halden Tools``: the name and each shorter name that ends it (what came before may be no part of it)."""
    found = name.split()
    return [" ".join(found[k:]) for k in range(len(found))]


def _first_named(m: Mention) -> bool:
    """Whether a name of several words opens with a first name (``Ana Ruiz``): a person's, whatever follows it."""
    return len(m.tokens) > 1 and m.tokens[0].lower() in first_name_genders()


# A lone name before a company officer's role in lowercase and the officer's name: "Acme chief executive Ana Ruiz"
# (not a spokesperson's or a chairman's: "Okafor spokeswoman Ana Ruiz" speaks for a person or a campaign).
_OFFICER_AFTER = re.compile(
    r"(?<![\w'\u2019])([A-Z][\w\-]+)(?:['\u2019]s)?\s+(?:chief\s+executive|chief\s+financial\s+officer|"
    r"managing\s+director|co-founder|founder)\s+(?:[A-Z][\w.]*\s+)?[A-Z][a-z]"
)
# A company named by its officer: "chief executive officer of Acme", "the CFO of Acme", "founder of Acme". The
# lookahead names the first letters, so the scan of the article skips to them (a third of the time).
_OFFICER_OF = re.compile(
    r"(?=[cf])\b(?:chief (?:executive|financial|operating|technology) officer|chief executive|ceo|cfo|coo|cto|chairman|"
    r"chairwoman|co-founder|founder)\s+(?:of|at)\s+([A-Z][\w\-]+)\b(?!\s+[A-Z])",
    re.IGNORECASE,
)
# A name described as an organisation: "Acme, the world's largest widget maker, said".
_DESCRIBED = re.compile(r"(?=[A-Z])\b([A-Z][\w'\u2019\-]+),\s+(?:the|a|an)\s+[^,;]{0,60}?\b([a-z][\w\-]*),")


def _trailing_limit(reader: _Reader, s: Sentence, after: int, later: list[_Cue]) -> int:
    """Reported content stops where a later trailing attribution (``..., Reuters reported.``) or a coordinated
    statement of another subject (``..., but a spokesman for Lee said ...``) begins."""
    for cue in later:
        joined = _COORDINATED_SUBJECT.search(reader.masked, after, cue.subject.start) if not cue.inverted else None
        if joined is not None and not cue.participle and cue.subject.start > after:
            return joined.start()
        if cue.subject.start < after or not reader.masked[after : cue.subject.start].rstrip().endswith((",", MASK)):
            continue  # "said Tom Bassey had agreed to pay": a verb of the content, no attribution after it
        tail = reader.masked[cue.end : s.end]
        words_after = WORD.findall(tail)
        ends = not words_after or words_after[0].lower() in PREPOSITIONS or ADVERBIAL.match(tail)
        if not cue.inverted and ends and len(words_after) <= 6:
            return cue.subject.start
    return s.end


# A clause joined to the content by a comma and a conjunction, opening with the next cue's subject.
# The comma may close the quotation before it: '"was false," but'.
_COORDINATED_SUBJECT = re.compile(r"(?:[,;]|(?<=" + MASK + r"))\s+(?:but|while|whereas|yet)\s+$")


def _bisect(starts: list[int], pos: int) -> int:
    return bisect_right(starts, pos) - 1
