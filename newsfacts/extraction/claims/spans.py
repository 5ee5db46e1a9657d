"""Where claims are in a sentence: the quote parts a speaker vouches for, and the words around them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import replace

from newsfacts.extraction import tagger
from newsfacts.extraction.claims.assess import (
    HARD,
    Basis,
    Verdict,
    forget,
    is_demand,
    is_never_a_claim,
    judge,
    states_past,
)
from newsfacts.extraction.claims.claim import Claim, ClaimKind, claimant_of
from newsfacts.extraction.claims.confidence import MIN_CONFIDENCE, Voice, confidence
from newsfacts.extraction.claims.vocabulary import (
    CLAUSE_OPENER,
    DEMAND_VERBS,
    EVENT_WORDS,
    FIRST_PERSON_RE,
    IRREGULAR_PAST,
    MIN_QUOTE_WORDS,
    NOT_PAST,
    NUMBER_WORD,
    SPEECH_ACTS,
    WORD_RE,
    word_tokens,
)
from newsfacts.extraction.cues import FINDING_VERBS, SUBJECT_PRONOUNS
from newsfacts.extraction.quotes import Quote
from newsfacts.extraction.sentences import BARE_DATELINE as _BARE_DATELINE_RE
from newsfacts.extraction.sentences import Sentence, past_dateline

_LIST_MARKER_RE = re.compile(r"(?:\d{1,2}[.)]|[-*\u2022\u2013])\s+")
# a transcript's speaker label: "SMITH:", "MR JONES:", "Q:" (not "A. Smith", initials)
_SPEAKER_LABEL_RE = re.compile(r"[A-Z][A-Z'\u2019-]*\.?(?:\s+[A-Z][A-Z'\u2019-]+\.?){0,3}:\s+")
# Where a stretch splits into clauses that each assert on their own.
_PIECE_BREAK = re.compile(
    r"(?=[\s,;])(?:"  # the first characters of its matches, for a fast scan (as ``vocabulary.FORECAST_RE``)
    r"\s*;\s+|,\s+(?:but|while|whereas|although|though)\s+"
    r"|\s+but\s+(?=" + CLAUSE_OPENER + r"\b)"
    r"|,\s+and\s+(?=" + CLAUSE_OPENER + r"\b))"
)
# Where a clause may hold a second fact: "and" before a second predicate, a relative clause, a participle after a
# comma, a clause after a conjunction (``_second_fact`` checks the words after it).
_FACT_BREAK = re.compile(
    r"(?=[\s,])(?:"  # the first characters of its matches, for a fast scan
    r"(?P<joined>,?\s+and\s+|(?P<conjunction>,?\s+(?:after|as|when|before|while|because)\s+))"
    r"|,\s+(?=(?:which|who)\s)"
    r"|,\s+(?=(?P<participle>[a-z]{3,}ing)\s))"
)
_FINITE = frozenset({"is", "was", "are", "were", "has", "had", "have", "did", "does"})
# words that end a subject: a conjunction starts another clause ("and Luke Brennan before Rovers scored")
_NOT_IN_SUBJECT = frozenset(
    {"before", "after", "as", "when", "while", "and", "or", "but", "than", "that", "which", "who", "if", "because"}
    | {"since", "until", "where", "whose"}
)
_FINITE_WITHIN = 5  # words after "and" in which a second predicate's verb stands ("and the county council has")
_STRONG: frozenset[Basis] = frozenset({"hard", "first", "event"})
# A quote's edge that is only its attribution: "Dr Ruiz was quoted as", "as quoted by the club's website".
_ATTRIBUTION_ONLY = re.compile(r"\bquoted\s+(?:as|by)\b(?:\W+\w+){0,4}\W*$|^as\s+quoted\s+by\b", re.IGNORECASE)
_NOT_ONLY_RE = re.compile(r"\bnot\s+(?:just|only|merely)\b[^,;]*$", re.IGNORECASE)
_TRAILING_CLAUSE = re.compile(r",\s+(after|as|when|while|before|since|because|following|despite)\s")
_TOLD_THE_SPEAKER = re.compile(
    r"(?=[tiarwsc])(?:\b(?:told|informed|assured|reminded|warned)\s+(?:me|us)\b|\b(?:said|confirmed)\s+that\b)",
    re.IGNORECASE,
)
_BACKSHIFTED = re.compile(r"\b(?:had|hadn['\u2019]t)\s+(?:\w+\s+){0,2}?(?:not\s+)?\w+(?:ed|en|wn|ne|ght)\b")
_OPENING_QUOTES = '"\u201c'
_CLOSING_QUOTES = '"\u201d'
_FINDING_CUES = frozenset(FINDING_VERBS) | {"finding", "showing", "concluding"}
_PIECE_TRIM = " \t\r\n,;:"
# A denial, a negation or a verdict on the words just before them belongs with them: "has denied that [the firm sold
# fakes]", "incorrectly claiming [Labour voted against the bill]".
_VERDICT = r"(?:falsely|incorrectly|wrongly|mistakenly|erroneously)"
_DENIAL_BEFORE = re.compile(
    r"\b(?:(?:denied|denies|deny|denying|disputed|disputes|rejected|rejects|refuted|refutes)"
    r"|(?:did|does|do|has|have|had|was|were|is|are|would|could)\s*(?:not|n['\u2019]t|never)\s+\w+"
    # any negation a few words before: "wasn't so much saying that", "Nor did they note"
    r"|(?:\w+n['\u2019]t|not|never|nor|Nor)(?:[^\S\n]+[\w'\u2019-]+){0,3}?[^\S\n]+\w+"
    rf"|{_VERDICT}\s+\w+)"
    r"(?:\s+(?:that|claims?|allegations?|reports?)){0,2}[\s\"'\u201c\u2018]*$",  # an opening quotation mark too
    re.IGNORECASE,
)
_VERDICT_LEAD = re.compile(rf"{_VERDICT}\s", re.IGNORECASE)
# Prepositions that look like a verb in -ing ("said in a statement, according to the paper"): no predicate
_ING_PREPOSITIONS = frozenset({"according", "including", "regarding", "concerning", "following", "excluding"})
_PUBLISHING = frozenset({"published", "publishes", "publishing", "released", "releases", "releasing"})
_PRONOUNS = SUBJECT_PRONOUNS | {"you"}
_RELATIVE_ASIDE = re.compile(r",\s+(?:who|whose|which)\b[^,]*")
_RELATIVE_CLAUSE = re.compile(r"(?:,\s+|\s+(?=who\s))(?:who|whose|which)\b")
_COUNTED_SOURCES = re.compile(
    rf"(?:(?:some|about|around|at\s+least|more\s+than)\s+)?(?:\d[\d,]*|{NUMBER_WORD})\b", re.IGNORECASE
)
# A count of the speaking itself at the end of the words before a quote ("During the debate, Ruiz twice [said]").
_COUNTED_SPEAKING = re.compile(r"\b(?:twice|thrice)\W*$", re.IGNORECASE)
# An opening phrase of time or place before the speaker: "In the season that closed on May 2, ", "During a visit, ".
_OPENING_PHRASE = re.compile(r"(?:In|At|During|Over|Throughout|For)\s+(?:a|an|the|its|his|her|their)\s[^,]*,\s+")
_OCCASION = re.compile(r"\b(?:at|during|after|before|following)\s+(?:a|an|the|his|her|its|their)\s+\w", re.I)
_LAST_WORD_RE = re.compile(r"(\w+)\W*$")
_ATTRIBUTION_WORDS = frozenset(
    {"that", "and", "but", "he", "she", "they", "it", "we", "said", "says", "told", "added", "according", "to"}
)
_SPEAKING_ONLY_WORDS = 10  # longer words around a speaking verb say more than who spoke and when
_LABEL_WORDS = 12  # a longer line ending in a colon is a sentence, whatever its verbs
_QUOTE_TRIM = " \t\r\n\"'\u201c\u201d\u2018\u2019«»\u201e,;:\u2014\u2013-"


def _trim(text: str, start: int, end: int, chars: str) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _quote_parts(sentences: list[Sentence], quotes: list[Quote]) -> dict[int, list[tuple[int, int, Quote]]]:
    """Each sentence index's pieces of quotes, clipped to the sentence, longest first where they start together."""
    starts = [s.start for s in sentences]
    parts: dict[int, list[tuple[int, int, Quote]]] = {}
    for quote in quotes:
        first = max(bisect_right(starts, quote.start) - 1, 0)
        last = bisect_left(starts, quote.end)
        for index in range(first, last):
            sentence = sentences[index]
            start, end = max(quote.start, sentence.start), min(quote.end, sentence.end)
            if start < end:
                parts.setdefault(index, []).append((start, end, quote))
    for pieces in parts.values():
        pieces.sort(key=lambda part: (part[0], part[0] - part[1]))
    return parts


def _edges_trimmed(text: str, start: int, end: int, drop: frozenset[str]) -> tuple[int, int]:
    """Trim punctuation, quotation marks and attribution words ("said", "that", the cue) off both ends."""
    while True:
        start, end = _trim(text, start, end, _QUOTE_TRIM)
        first = WORD_RE.match(text, start)
        if first and first.end() <= end and first.group().lower() in drop:
            start = first.end()
            continue
        last = _LAST_WORD_RE.search(text, start, end)
        if last and last.group(1).lower() in drop:
            end = last.start(1)
            continue
        return start, end


def _frame_event(words: str) -> bool:
    """Whether the words around a quote name an event, not how the words came out ("a study published ...")."""
    return any(token.lower() in EVENT_WORDS and token.lower() not in _PUBLISHING for token in word_tokens(words))


def _frames(sentence: Sentence, parts: list[tuple[int, int, Quote]]) -> list[tuple[int, int, bool]]:
    """The stretches of the sentence outside the quote parts, each flagged when it is the one before the first."""
    frames, cursor = [], sentence.start
    for start, end, _quote in parts:
        if start > cursor:
            frames.append((cursor, start, cursor == sentence.start))
        cursor = max(cursor, end)
    if cursor < sentence.end:
        frames.append((cursor, sentence.end, not parts))
    return frames


def _clean_start(text: str, start: int, end: int) -> int:
    """Where the sentence's words begin: after a dateline ("LONDON (Reuters) -"), a list marker ("2) ") or a
    transcript's speaker label ("SMITH:", "A:")."""
    start = past_dateline(text, start, end)
    for pattern in (_LIST_MARKER_RE, _SPEAKER_LABEL_RE):
        found = pattern.match(text, start, end)
        if found:
            start = found.end()
    return start


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of a stretch that assert on their own ("sales rose 7%, but profit fell 2%"), each of 4+ words."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for found in _PIECE_BREAK.finditer(text, start, end):
        if (
            len(WORD_RE.findall(text, cursor, found.start())) >= MIN_QUOTE_WORDS
            and len(WORD_RE.findall(text, found.end(), end)) >= MIN_QUOTE_WORDS
            and not _NOT_ONLY_RE.search(text, cursor, found.start())  # "not just one, but several" is one claim
        ):
            pieces.append((cursor, found.start()))
            cursor = found.end()
    pieces.append((cursor, end))
    return [_trim(text, a, b, _PIECE_TRIM) for a, b in pieces]


def _verdict(words: str, quote: Quote | None) -> Verdict | None:
    """The claim a stretch makes, in the article's words (``quote`` None) or in a speaker's."""
    if quote and (is_never_a_claim(words) or _ATTRIBUTION_ONLY.search(words)):
        return None
    if quote and quote.kind == "indirect" and _last_word(quote.cue) in DEMAND_VERBS and is_demand(words):
        return None  # "demanded that the council reconsider its decision": a demand, not a fact
    # what someone told the speaker, in the speaker's own words ("the officer told me the road was shut"), is
    # reported speech too
    reported = quote is not None and (quote.kind == "indirect" or _TOLD_THE_SPEAKER.search(words) is not None)
    # a study's finding ("..., finding that the drink could raise the risk by 8%") states its figures the way the
    # article does, with the hedge of science, not a speaker's opinion
    verdict = judge(words, quoted=quote is not None, reported=reported)
    if verdict is None and quote is not None and _last_word(quote.cue) in _FINDING_CUES:
        verdict = judge(words)
    return verdict


def _second_fact(text: str, found: re.Match[str], end: int) -> bool:
    """Whether the words after a break open a predicate of their own: after "and" or a conjunction, a finite verb
    within a few words ("and is facing charges", "and the council has apologised", "after sales fell"), or a verb
    in -ing after a conjunction ("after posting sales"); after a comma, a verb in -ing that is no preposition
    (", sending its shares down 5%", not ", including"); a relative clause always."""
    tokens = word_tokens(text[found.end() : min(end, found.end() + 60)])[:_FINITE_WITHIN]
    if not tokens:
        return False
    participle = found.group("participle")
    if participle is not None:
        return participle not in _ING_PREPOSITIONS
    if found.group("joined") is None:
        return True  # ", which ...", ", who ..."
    if found.group("conjunction") and _verb_in_ing(tokens[0]):
        return True
    if not found.group("conjunction") and _paired_past(text[max(0, found.start() - 30) : found.start()], tokens[0]):
        return False
    # the verb first ("and is facing"), or after a subject of plain words ("and the county council has"), not after a
    # phrase that goes on with the first clause ("and Luke Brennan before Rovers scored")
    for token in tokens:
        word = token.lower()
        if _finite_word(word):
            return True
        if word in _NOT_IN_SUBJECT:
            return False
    return False


def _paired_past(before: str, after: str) -> bool:
    """Two pasts joined by "and" share their subject and auxiliary ("were shouted and cursed at", "was arrested and
    charged"): one predicate, not a second fact (a finite "is" or "has" after "and" opens one)."""
    last = word_tokens(before)[-1:]
    word = after.lower()
    return (
        bool(last)
        and last[0].lower() not in _FINITE
        and word not in _FINITE
        and _finite_word(last[0].lower())
        and _finite_word(word)
    )


def _verb_in_ing(token: str) -> bool:
    return len(token) > 5 and token.endswith("ing") and token[0].islower() and token not in _ING_PREPOSITIONS


def _finite_word(word: str) -> bool:
    """A verb that can carry a predicate: "is", "has", a past ("fell", "apologised")."""
    if word in _FINITE or word in IRREGULAR_PAST:
        return True
    return len(word) >= 4 and word.endswith("ed") and word not in NOT_PAST


def _two_facts(first: Verdict, second: Verdict, conjunction: bool) -> bool:
    """Whether two parts of a clause are facts to check apart: of different kinds, one a figure, date or age beside
    the other ("He turned himself in on Tuesday [date] and is facing two charges [figure]"), each a claim by what it
    states, not only by saying what was done; after a conjunction ("after", "as", "when") a plain past is mostly the
    circumstance of the main fact, so there both need more than a past."""
    if first.kind == second.kind or not {first.kind, second.kind} & HARD:
        return False
    enough = _STRONG if conjunction else _STRONG | {"past"}
    return first.basis in enough and second.basis in enough


def _facts(
    text: str, pieces: list[tuple[int, int]], verdict_of: Callable[[int, int], Verdict | None]
) -> list[tuple[int, int]]:
    """Each piece, split where it holds two facts of different kinds, each a claim on its own, so each gets its kind
    and its own span: a second predicate of the same subject or a clause of its own after "and", a participle after a
    comma, a relative clause, a clause after a conjunction ("Shares rose 13% [figure] as the chief executive cut
    costs [other]")."""
    facts = []
    for start, end in pieces:
        cursor = start
        for found in _FACT_BREAK.finditer(text, start, end):
            if found.start() <= cursor or not _second_fact(text, found, end):
                continue
            left = _trim(text, cursor, found.start(), _PIECE_TRIM)
            right = _trim(text, found.end(), end, _PIECE_TRIM)
            if min(len(WORD_RE.findall(text, *left)), len(WORD_RE.findall(text, *right))) < MIN_QUOTE_WORDS:
                continue
            first, second = verdict_of(*left), verdict_of(*right)
            if first and second and _two_facts(first, second, found.group("conjunction") is not None):
                facts.append(left)
                cursor = right[0]
        facts.append(_trim(text, cursor, end, _PIECE_TRIM))
    return facts


def _claims_in(text: str, start: int, end: int, quote: Quote | None, position: int) -> list[Claim]:
    """The claims of one stretch (a sentence without quotes, or a quote part), clause by clause."""
    # a described speaker ("police said", "a spokesman for the board said") vouches for the words as a named one does
    known = quote is not None and bool(quote.speaker or quote.speaker_description)
    voice: Voice = "article" if quote is None else "speaker" if known else "unattributed"
    if voice == "article" and FIRST_PERSON_RE.search(text, start, end):
        voice = "unattributed"  # "I", "we" outside quotation marks: a transcript's or a column's, not a report's
    verdicts: dict[tuple[int, int], Verdict | None] = {}

    def verdict_of(a: int, b: int) -> Verdict | None:
        if (a, b) not in verdicts:
            verdicts[a, b] = _verdict(text[a:b], quote)
        return verdicts[a, b]

    claims = []
    for a, b in _facts(text, _pieces(text, start, end), verdict_of):
        words = text[a:b]
        verdict = verdict_of(a, b)
        if verdict is None or (quote is None and _only_the_speaking(words, verdict)):
            continue
        kind: ClaimKind = verdict.kind
        if kind == "other" and (voice == "speaker" or (quote and quote.speaker_description)):
            kind = "attributed"
        claimant, description = claimant_of(quote)
        score = confidence(verdict, words, voice, position)
        if score >= MIN_CONFIDENCE:
            claims.append(Claim(a, b, words, kind, claimant, position, score, description))
    return claims


def _last_word(cue: str) -> str:
    words = WORD_RE.findall(cue)
    return words[-1].lower() if words else ""


def _kept_parts(text: str, start: int, parts: list[tuple[int, int, Quote]]) -> list[tuple[int, int, Quote]]:
    """The quote parts that carry a speaker's statement: 4+ words, no overlap, a denial before them kept with them."""
    kept: list[tuple[int, int, Quote]] = []
    for raw_start, raw_end, quote in parts:
        part_start, part_end = _trim(text, raw_start, raw_end, _QUOTE_TRIM)
        if len(WORD_RE.findall(text[part_start:part_end])) < MIN_QUOTE_WORDS or not (
            quote.speaker or quote.speaker_description or quote.cue
        ):
            continue  # a scare quote or a single word: the sentence is the article's, not the speaker's
        if any(part_start < k_end and part_end > k_start for k_start, k_end, _q in kept):
            continue  # an overlapping quote (say a direct quote inside a mixed one) is the same words
        lead_from = max([start, *(k_end for _s, k_end, _q in kept if k_end <= part_start)])
        denial = _DENIAL_BEFORE.search(text, lead_from, part_start)
        kept.append((denial.start() if denial else part_start, part_end, quote))
    return kept


def _own_predicate(tokens: list[str]) -> bool:
    """Whether words before a quote say something happened besides the speaking ("testifying on Capitol Hill
    Thursday", "disclosed a short position"), not only when or how the words came ("tweeted last month")."""
    lower = [token.lower() for token in tokens]
    if any(word in EVENT_WORDS and word not in SPEECH_ACTS and word not in _PUBLISHING for word in lower):
        return True
    return states_past(tokens) or any(
        len(word) > 5
        and word.endswith("ing")
        and word not in SPEECH_ACTS
        and word not in _ING_PREPOSITIONS
        and token[0].islower()
        for token, word in zip(tokens, lower, strict=True)
    )


def _after_opening_phrase(tokens: list[str], words: str) -> list[str]:
    """The words before a quote without an opening phrase of time or place, whose verb describes that phrase's noun
    ("In the season that closed on May 2, [Acme]", "In a radio interview on fishing, [Ruiz]"), not the speaker."""
    found = _OPENING_PHRASE.match(words)
    return word_tokens(words[found.end() :]) if found else tokens


def _occasion(words: str, tokens: list[str]) -> bool:
    """Whether words before a quote tell the occasion the words came at, whose day is a fact of the story ("Ruiz,
    at a press conference in Kisumu on Friday, said"), not only the day of the speaking ("Ruiz said on Friday")."""
    return _OCCASION.search(words) is not None and SPEECH_ACTS.isdisjoint(token.lower() for token in tokens)


def _frame_claim(text: str, frame_start: int, frame_end: int, leading: bool, position: int) -> Claim | None:
    """A claim in the words around quotes, which mostly say who spoke, where and when.

    An age or a first is a claim anywhere there ("Ana Ruiz, 70, said"). The words before the first quote are
    the article's own claim when they state something of their own once the attribution is trimmed ("Ruiz,
    speaking at the county hall on Friday, said ...", "Acme, which runs 40 stores, said ...", "The governor declared an
    emergency and said ..."), but a figure opening them counts the sources ("Three officials said ...") unless they
    state something besides ("Six scientists joined the fund in releasing a report, saying ..."), and what is left
    of "He said in June that" is too short to claim anything. A relative clause about the speaker ("said
    Jane Doe, who founded the firm in 2015") is the article's own claim, whatever it states.
    """
    words = text[frame_start:frame_end]
    count = len(WORD_RE.findall(words))
    verdict = judge(words) if count >= 2 else None
    if verdict is None or (count < MIN_QUOTE_WORDS and verdict.kind != "age"):
        return None
    tokens = word_tokens(_RELATIVE_ASIDE.sub(" ", words))  # "X, who was not involved in the work," describes X
    # "Six scientists [...] joined the fund in releasing a report, saying"; not "Comey opened his testimony by [saying]"
    own = leading and _own_predicate(_after_opening_phrase(tokens, words)) and tokens[-1] != "by"
    relative = _RELATIVE_CLAUSE.search(words)
    about_speaker = judge(words[relative.end() :]) if relative else None
    chosen = None
    if verdict.kind in ("age", "first"):
        chosen = verdict
    elif leading and not (
        verdict.kind == "figure" and (_COUNTED_SOURCES.match(words) or _COUNTED_SPEAKING.search(words)) and not own
    ):
        occasion = verdict.kind == "date" and _occasion(words, tokens)
        if (verdict.kind == "figure" or own or occasion) and tokens[0].lower() not in _PRONOUNS:
            chosen = verdict
    elif about_speaker and (about_speaker.kind in HARD or (about_speaker.basis == "event" and _frame_event(words))):
        chosen = about_speaker
    elif not leading:
        return _trailing_fact(text, frame_start, frame_end, position)
    if chosen is None or _only_the_speaking(words, chosen):
        return None
    score = confidence(chosen, words, "article", position, around_quote=True)
    return Claim(frame_start, frame_end, words, chosen.kind, None, position, score) if score >= MIN_CONFIDENCE else None


def _only_the_speaking(words: str, verdict: Verdict) -> bool:
    """Whether a few words say only who spoke and when ("Ruiz said after the first match", "he said, on Thursday"):
    their one verb, as the tagger reads them, is the speaking. Someone's age there is still a claim ("Jane Doe, 36,
    admitted theft"), so is what a verb of speaking reports as its object ("Acme reported 4 million units") and the
    day of an occasion ("said during a rally on Friday")."""
    if verdict.kind in ("age", "figure") or (verdict.kind == "date" and _OCCASION.search(words)):
        return False  # "Ruiz said during a rally in Leeds on Friday": the occasion's day is a fact of the story
    tokens = word_tokens(words)
    if len(tokens) > _SPEAKING_ONLY_WORDS or SPEECH_ACTS.isdisjoint(token.lower() for token in tokens):
        return False  # the tagger is asked only about a few words holding a verb of speaking
    verbs = [token.lower() for token, tag in zip(tokens, tagger.tag(tokens), strict=True) if tag[:2] in ("VB", "MD")]
    return bool(verbs) and all(verb in SPEECH_ACTS for verb in verbs)


def _trailing_fact(text: str, frame_start: int, frame_end: int, position: int) -> Claim | None:
    """What the article adds after the attribution in a clause of its own ("..., the company said on Tuesday, [after
    its shares fell 5% in early trading]"): a figure, a date, an age or an event there is the article's claim."""
    found = _TRAILING_CLAUSE.search(text, frame_start, frame_end)
    if found is None:
        return None
    start = found.start(1)
    words = text[start:frame_end]
    verdict = judge(words) if len(WORD_RE.findall(words)) >= MIN_QUOTE_WORDS else None
    if verdict is None or not (verdict.kind in HARD or verdict.basis == "event"):
        return None
    return Claim(start, frame_end, words, verdict.kind, None, position, confidence(verdict, words, "article", position))


def _heading_or_dateline(words: str) -> bool:
    """A line in capitals ("MAYOR QUITS AFTER VOTE") is a heading; a place and a day alone ("DENVER, May 4.") a
    dateline: neither is prose that claims anything."""
    if words == words.upper() and len(WORD_RE.findall(words)) >= 3:
        return True  # no lowercase letter
    return _BARE_DATELINE_RE.fullmatch(words) is not None


def _label(line: str) -> bool:
    """Whether a line ending in a colon is a label, with no verb as the tagger reads it ("Revenue:", "Results for the
    year to March 31:"), not a sentence that introduces a list ("The railway had four trains out of action:")."""
    words = tagger.tagged(line)
    # a plural noun opening a line reads to the tagger as a verb in -s ("Figures for the 12 regions:"); no line
    # opens with a finite verb of its own
    return len(words) <= _LABEL_WORDS and not any(word.tag.startswith("VB") or word.tag == "MD" for word in words[1:])


def _claims_in_sentence(text: str, sentence: Sentence, parts: list[tuple[int, int, Quote]]) -> list[Claim]:
    """A sentence's claims: its factual quote parts, then any figure, age or first in the words around them."""
    start, end = _trim(text, sentence.start, sentence.end, " \t\r\n")
    start = _clean_start(text, start, end)
    if _heading_or_dateline(text[start:end]):
        return []
    kept = _kept_parts(text, start, parts)
    if not kept:
        if end - start > 2 and text[start] in _OPENING_QUOTES and text[end - 1] in _CLOSING_QUOTES:
            start, end = start + 1, end - 1  # words quoted whole from someone not known: the claim is the words
        # a subject's age stays with what the sentence says of them ("Jane Doe, 36, was charged with ..."): alone,
        # "Jane Doe, 36" is a fragment no editor checks apart from the rest, and the claim's kind is then its age
        own = _claims_in(text, start, end, None, sentence.position)
        if text[start:end].rstrip().endswith(":"):
            # a line introducing what follows ("On the testimony made public on Tuesday:") claims only what it
            # counts ("The railway had four trains out of action:"); a label without a verb ("Revenue:", "Figures
            # for the 12 regions:") is a heading
            if _label(text[start:end]):
                return []
            return [claim for claim in own if claim.kind in ("figure", "age")]
        return own
    claims: list[Claim] = []
    for part_start, part_end, quote in kept:
        # "incorrectly claiming [Labour voted against the bill]": the article's verdict on the words, its own claim
        speaker = None if _VERDICT_LEAD.match(text, part_start) else quote
        claims.extend(_claims_in(text, part_start, part_end, speaker, sentence.position))
    drop = frozenset(_ATTRIBUTION_WORDS | {word.lower() for _s, _e, q in kept for word in WORD_RE.findall(q.cue)})
    for frame_start, frame_end, leading in _frames(Sentence(sentence.position, start, end, "prose", ""), kept):
        claim = _frame_claim(text, *_edges_trimmed(text, frame_start, frame_end, drop), leading, sentence.position)
        if claim:
            claims.append(claim)
    return sorted(claims, key=lambda claim: claim.start)


def find_claims(text: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Claim]:
    """Return the check-worthy claims of the article (in text order), each inside one sentence."""
    try:
        return _claims_of(text, sorted(sentences, key=lambda s: s.start), quotes)
    finally:
        forget()  # the next article is judged afresh


def _claims_of(text: str, ordered: list[Sentence], quotes: list[Quote]) -> list[Claim]:
    parts = _quote_parts(ordered, quotes)
    claims: list[Claim] = []
    account: Quote | None = None  # the reported speech the sentence before gave, when it did
    for index, sentence in enumerate(ordered):
        if sentence.kind != "prose" or is_never_a_claim(sentence.text.strip()):
            account = None
            continue
        found = _claims_in_sentence(text, sentence, parts.get(index, []))
        if account is not None and index not in parts:
            found = [_continued(claim, account) for claim in found]
        claims.extend(found)
        reported = [quote for _s, _e, quote in parts.get(index, []) if quote.kind == "indirect" and quote.speaker]
        account = reported[-1] if reported else (account if index not in parts and found else None)
    return claims


def _continued(claim: Claim, account: Quote) -> Claim:
    """A sentence in the past perfect right after someone's reported account, with no words of its own attributed,
    goes on with that account ("Reyes said he had left at six. He had not known the gate was locked.")."""
    if claim.claimant is None and claim.kind == "other" and _BACKSHIFTED.search(claim.text):
        claimant, description = claimant_of(account)
        return replace(claim, kind="attributed", claimant=claimant, claimant_description=description)
    return claim
