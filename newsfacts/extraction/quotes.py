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
from dataclasses import dataclass, field
from typing import Literal

from newsfacts.extraction.cues import (
    ADDRESSEE_VERBS,
    ALL_VERBS,
    CLAUSE_STARTERS,
    DASHES,
    DETERMINERS,
    FRAMING_VERBS,
    FUNCTION_WORDS,
    NAMING_WORDS,
    PARTICIPLE_CUES,
    PASSIVE_AUXILIARIES,
    PERSON_MEDIA,
    PREPOSITIONS,
    PRESS_NOUNS,
    PRONOUN_GENDER,
    RELATION_NOUNS,
    SPEAKER_ACTIONS,
    SPEECH_VERBS,
    STOPWORDS,
    THAT_VERBS,
    VERB_MODIFIERS,
    VERB_PREPOSITIONS,
    VERB_RE,
    is_organisation_role,
    is_person_role,
    words,
)
from newsfacts.extraction.names import Mention, find_mentions
from newsfacts.extraction.sentences import Sentence
from newsfacts.extraction.speakers import Entity, Speaker, SpeakerBook

QuoteKind = Literal["direct", "indirect", "mixed"]
AttributionMethod = Literal["name", "alias", "pronoun", "role", "continuation", "none"]


@dataclass(frozen=True, slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    speaker: str | None  # the Speaker.name, or None when not attributed
    cue: str
    sentence: int  # position of the sentence the quote starts in
    confidence: float
    attribution: AttributionMethod


OPENING = "\u201c\u00ab\u201e"
CLOSING = "\u201d\u00bb"
SINGLE_OPENING, SINGLE_CLOSING = "\u2018", "\u2019"
STRAIGHT = '"'
MASK = "\x00"  # stands in for quoted text while cues are looked for outside the quotes
# Organisation nouns general enough to mean "the organisation this story is about" when no name contains them.
GENERIC_ORGANISATIONS = words(
    "company firm carmaker automaker group supplier manufacturer retailer business operator lender insurer airline "
    "broadcaster organisation organization developer startup"
)
CONFIDENCE: dict[str, float] = {
    "name": 0.9,
    "alias": 0.85,
    "pronoun": 0.75,
    "role": 0.7,
    "continuation": 0.7,
    "none": 0.5,
}
SegmentClass = Literal["heading", "title", "scare", "short", "partial", "full"]
WORD = re.compile(r"[^\W_][\w'\u2019\-]*", re.UNICODE)
LETTERS = re.compile(r"[A-Za-z]+")


@dataclass(slots=True)
class _Segment:
    """A quoted span: ``open``/``close`` are the mark offsets; ``start``/``end`` the trimmed inner text."""

    open: int
    close: int  # offset of the closing mark, or of the paragraph end when the quote never closes
    start: int
    end: int
    cls: SegmentClass = "full"
    attached: bool = False


@dataclass(slots=True)
class _Subject:
    start: int
    end: int
    entity: Entity | None
    attribution: AttributionMethod
    reporter: bool = False  # the press reporting, not a speaker


@dataclass(slots=True)
class _Cue:
    start: int  # of the verb
    end: int
    word: str
    lemma: str
    subject: _Subject
    inverted: bool = False
    participle: bool = False  # "adding that": its subject is the previous cue's, it governs only what follows


@dataclass(slots=True)
class _Reader:
    text: str
    sentences: list[Sentence]
    segments: list[_Segment]
    masked: str
    book: SpeakerBook
    mention_by_end: dict[int, Mention]
    mention_by_start: dict[int, Mention]
    quotes: list[Quote] = field(default_factory=list)
    used: set[int] = field(default_factory=set)  # entity ids that speak
    last: tuple[int, Entity | None] | None = None  # (sentence index of the last quote's end, its speaker)
    _starts: list[int] = field(default_factory=list)
    opens: list[int] = field(default_factory=list)  # opening mark offsets of ``segments``, in order

    def mentions_between(self, a: int, b: int) -> list[int]:
        """Start offsets of the name mentions starting in ``[a, b)``, in order."""
        if not self._starts:
            self._starts = sorted(self.mention_by_start)
        return self._starts[bisect_left(self._starts, a) : bisect_left(self._starts, b)]


# -- quotation marks ------------------------------------------------------------------------------------------


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for m in re.finditer(r"\n", text):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _marks(text: str) -> tuple[str, str, str]:
    """The (opening, closing, either-way) quotation marks of this article's house style.

    Double marks when the article has any; otherwise single marks (British style, ``'We will,' he said``), where a
    closing mark must be told from an apostrophe.
    """
    if any(ch in text for ch in OPENING + CLOSING + STRAIGHT):
        return OPENING, CLOSING, STRAIGHT
    return SINGLE_OPENING, SINGLE_CLOSING, "'"


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark inside a word (``don't``) or after a plural (``the workers' union``) is an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return before == "s" and bool(re.match(r" [a-z]", text[i + 1 : i + 3]))


def _pair_marks(text: str) -> list[_Segment]:
    """Pair opening and closing quotation marks; a quote may run on over paragraphs that open with a mark."""
    opening, closing, straight = _marks(text)
    single = straight == "'"
    segments: list[_Segment] = []
    paragraphs = _paragraphs(text)
    open_at: int | None = None
    skip = -1
    for k, (a, b) in enumerate(paragraphs):
        for i in range(a, b):
            ch = text[i]
            if ch not in opening + closing + straight or i == skip:
                continue
            if open_at is None:
                if ch in opening or (ch == straight and not single) or _looks_opening(text, i):
                    open_at = i
            elif ch in closing + straight:
                if single and _is_apostrophe(text, i):
                    continue
                segments.append(_Segment(open_at, i, open_at + 1, i))
                open_at = None
            else:
                # Two opening marks in a row: the first quote was never closed; end it before the new one.
                segments.append(_Segment(open_at, i, open_at + 1, i))
                open_at = i
        if open_at is not None:
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            lead = len(text[nxt[0] : nxt[1]]) - len(text[nxt[0] : nxt[1]].lstrip()) if nxt else 0
            if nxt and text[nxt[0] + lead] in opening + straight:
                # The quote goes on in the next paragraph, which repeats the opening mark: skip that mark.
                skip = nxt[0] + lead
                continue
            segments.append(_Segment(open_at, b, open_at + 1, b))
            open_at = None
    for seg in segments:
        inner = text[seg.start : seg.end]
        seg.start += len(inner) - len(inner.lstrip())
        seg.end -= len(inner) - len(inner.rstrip())
    return [s for s in segments if s.end > s.start]


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() and after.isalnum()


# -- what a quoted span is ------------------------------------------------------------------------------------


def _classify(text: str, seg: _Segment, sentence: Sentence | None) -> SegmentClass:
    inner = text[seg.start : seg.end]
    words = WORD.findall(inner)
    if sentence is not None and sentence.kind in ("heading", "credit"):
        return "heading"
    line_start = text.rfind("\n", 0, seg.open) + 1
    line_end = text.find("\n", seg.close)
    line_end = len(text) if line_end < 0 else line_end
    terminal = inner.rstrip()[-1:] in ".!?,;:…—-"
    alone = not text[line_start : seg.open].strip() and not text[seg.close + 1 : line_end].strip()
    if alone and not terminal and len(words) <= 8:
        return "heading"
    before = text[line_start : seg.open].rstrip()
    prev_char = before[-1:]
    prev_words = WORD.findall(before[-40:])
    prev_word = prev_words[-1].lower() if prev_words else ""
    after = text[seg.close + 1 : seg.close + 40]
    next_words = WORD.findall(after)
    next_word = next_words[0] if next_words and re.match(r"\s+[^\W\d_]", after) else ""
    opens_clause = prev_char in (
        "",
        ",",
        ":",
        ";",
        *DASHES,
        "(",
        ".",
        "!",
        "?",
        *CLOSING,
        STRAIGHT,
        SINGLE_CLOSING,
        "'",
    )
    if opens_clause:
        return "full"
    title_case = all(w[0].isupper() for w in words if len(w) > 3 or w == words[0])
    if words and title_case and not terminal and len(words) <= 8:
        return "title"
    if len(words) <= 2:
        if prev_word in NAMING_WORDS or prev_word in DETERMINERS:
            return "scare"
        if next_word and next_word[0].islower() and next_word.lower() not in FUNCTION_WORDS:
            return "scare"
        return "short"
    return "partial"


def _mask(text: str, segments: list[_Segment]) -> str:
    chars = list(text)
    for seg in segments:
        if seg.cls in ("full", "partial", "short"):
            last = min(seg.close, len(text) - 1)
            for i in range(seg.open, last + 1):
                if chars[i] != "\n":
                    chars[i] = MASK
    return "".join(chars)


# -- subjects of reporting verbs ------------------------------------------------------------------------------


def _strip_modifiers(left: str) -> str:
    while True:
        m = re.search(r"\s+([a-z]+)\s*$", left)
        if not m or m.group(1) not in VERB_MODIFIERS:
            return left
        left = left[: m.start()]


def _named(reader: _Reader, mention: Mention, entity: Entity) -> AttributionMethod:
    return "name" if mention.text == entity.name or len(mention.tokens) > 1 else "alias"


def _subject_left(reader: _Reader, s: Sentence, vs: int) -> _Subject | None:
    """The subject written before a reporting verb at ``vs``: a name, a pronoun or a role noun phrase."""
    masked = reader.masked
    left = _strip_modifiers(masked[s.start : vs].rstrip())
    # "Ivan Petrov (the head of X) said": a parenthesis between subject and verb.
    left = re.sub(r"\s*\([^()]*\)$", "", left)
    end = s.start + len(left)
    if not left.strip() or left.endswith(MASK):
        return None
    if left.endswith(","):
        return _clause_subject(reader, s, vs, coordinated=False)
    if re.search(r"\b(and|but)$", left):
        return _clause_subject(reader, s, vs, coordinated=True)
    subject = _noun_phrase_before(reader, s, end)
    if subject is None and MASK not in left and not _has_cue(left):
        # "Two diplomats briefed on the talks said": a subject with a trailing modifier.
        subject = _lead_subject(reader, s, max_words=3)
    return subject


def _noun_phrase_before(reader: _Reader, s: Sentence, end: int) -> _Subject | None:
    text, book = reader.text, reader.book
    mention = reader.mention_by_end.get(end)
    if mention is not None:
        # "Inspector Ana Ruiz of Tarn Police said": the person, not the body they belong to.
        link = re.search(r"\s+(?:of|at|from|for)\s+(?:the\s+)?$", text[s.start : mention.start])
        holder = reader.mention_by_end.get(s.start + link.start()) if link else None
        holder_entity = book.mention_entity.get(holder.start) if holder is not None else None
        if holder is not None and holder_entity is not None and holder_entity.kind == "person":
            mention = holder
        entity = book.mention_entity.get(mention.start)
        if entity is None and len(mention.tokens) == 1 and not _common(mention.text):
            organisation = mention.text.isupper() or mention.kind == "organisation"
            entity = book.create(mention.text, "organisation" if organisation else "person", mention.start)
        if entity is not None:
            start = mention.start
            # The title and role words before the name belong to the subject: "chief executive", "Governor".
            if mention.title and reader.masked[s.start : start].rstrip().endswith(mention.title):
                start = s.start + len(reader.masked[s.start : start].rstrip()) - len(mention.title)
            role = re.search(r"(?:[a-z][\w\-]*\s+){1,3}$", reader.masked[s.start : start])
            if role and any(is_person_role(w) for w in role.group().split()):
                start = s.start + role.start()
            return _Subject(start, end, entity, _named(reader, mention, entity), entity.is_media)
    words = list(re.finditer(r"[\w'\u2019\-]+", reader.masked[s.start : end]))
    if not words:
        return None
    last = words[-1]
    word = last.group().lower()
    w_start = s.start + last.start()
    if s.start + last.end() != end:
        return None
    if word in PRONOUN_GENDER or word in ("it", "they", "i", "we"):
        return _pronoun_subject(reader, word, w_start, end)
    if not (
        is_person_role(word) or is_organisation_role(word) or word in ("reporters", "journalists", *RELATION_NOUNS)
    ):
        return None
    # Walk back over the noun phrase: "a spokesman for the energy department", "the industry minister".
    phrase_start = w_start
    for w in reversed(words[:-1]):
        low = w.group().lower()
        gap = reader.masked[s.start + w.end() : phrase_start]
        if gap.strip() or low in ALL_VERBS or (low in STOPWORDS and low not in DETERMINERS | {"one", "another"}):
            break
        phrase_start = s.start + w.start()
        if low in DETERMINERS or low in ("one", "another"):
            break
    # "a spokesman for the ministry", "an official at the company": an unnamed person speaking for someone.
    agent = re.search(
        r"(?:\b(?:a|an|the|one)\s+)?\b([a-z][\w\-]*)\s+(?:for|at|with|from)\s+$", text[s.start : phrase_start]
    )
    if agent and is_person_role(agent.group(1)):
        entity = book.entity_at(phrase_start, end)
        return _Subject(s.start + agent.start(), end, entity, "name" if entity else "none")
    if word in ("reporters", "journalists"):
        return _Subject(phrase_start, end, None, "none", reporter=True)
    plural = word.endswith("s") and not word.endswith("ss")
    determiner = text[phrase_start:end].split()[0].lower()
    if plural or word in RELATION_NOUNS or determiner in ("his", "her", "their", "its"):
        return _Subject(phrase_start, end, None, "none")  # "analysts", "his family": nobody named
    if determiner in ("a", "an", "one", "another") and is_person_role(word):
        return _Subject(phrase_start, end, book.anonymous(phrase_start), "none")  # "a senior official"
    organisation = is_organisation_role(word) and not is_person_role(word)
    entity = book.resolve_role(word, organisation, phrase_start)
    if entity is None and organisation and word in GENERIC_ORGANISATIONS:
        entity = book.resolve_organisation_pronoun(phrase_start)
    if word in PRESS_NOUNS and entity is not None and entity.is_media:
        return _Subject(phrase_start, end, entity, "role", reporter=True)
    return _Subject(phrase_start, end, entity, "role" if entity else "none")


def _pronoun_subject(reader: _Reader, word: str, start: int, end: int) -> _Subject:
    book = reader.book
    if word in PRONOUN_GENDER:
        entity = book.resolve_pronoun(PRONOUN_GENDER[word], start)
    elif word == "it":
        entity = book.resolve_organisation_pronoun(start)
    else:
        entity = None
    return _Subject(start, end, entity, "pronoun" if entity else "none")


def _clause_subject(reader: _Reader, s: Sentence, vs: int, coordinated: bool) -> _Subject | None:
    """``Ana Ruiz, regional secretary of X, said``: the subject opens the clause, before an apposition;
    ``X called the ruling "disappointing" and said ...`` (``coordinated``): the subject of the first verb."""
    for pos in reader.mentions_between(s.start, vs):
        mention = reader.mention_by_start[pos]
        entity = reader.book.mention_entity.get(pos)
        if entity is not None and not reader.book.in_quote(pos):
            between = reader.masked[mention.end : vs]
            if not coordinated and (MASK in between or _has_cue(between)):
                return None
            return _Subject(pos, mention.end, entity, _named(reader, mention, entity), entity.is_media)
    return _lead_subject(reader, s, max_words=5)


def _lead_subject(reader: _Reader, s: Sentence, max_words: int) -> _Subject | None:
    """A pronoun or role noun among the first words of the clause: ``Consumer groups welcomed ... but said``."""
    pattern = r"\s*(?:[^,]{0,40},\s*)?([A-Z][\w\-]*(?:\s+[a-z][\w\-]*){0," + str(max_words - 1) + "})"
    lead = re.match(pattern, s.text)
    if lead:
        offset = s.start + lead.start(1)
        for w in re.finditer(r"[\w\-]+", lead.group(1)):
            word = w.group().lower()
            if word in PRONOUN_GENDER or word == "it":
                return _pronoun_subject(reader, word, offset + w.start(), offset + w.end())
            if is_person_role(word) or is_organisation_role(word):
                return _noun_phrase_before(reader, s, offset + w.end())
    return None


def _has_cue(between: str) -> bool:
    return any(m.group(1).lower() in SPEECH_VERBS for m in VERB_RE.finditer(between))


def _subject_right(reader: _Reader, s: Sentence, ve: int) -> _Subject | None:
    """The subject written after the verb: ``"...," said chief executive Ana Ruiz``.

    Only a subject that ends the clause (followed by punctuation, an apposition or a preposition) is taken, so that
    ``X said Acme had ...`` is not read as an inversion.
    """
    masked = reader.masked
    ends_clause = r"(?=\s*(?:[,.;:!?(]|$)|\s+(?:of|at|from|for|in|on|to|with|who)\b)"
    for pos in reader.mentions_between(ve, s.end):
        mention = reader.mention_by_start[pos]
        if not re.fullmatch(r"\s+(?:[a-z][\w\-]*\s+|[A-Z][a-z]*\.?\s+){0,4}", masked[ve:pos]):
            break
        if not re.match(ends_clause, masked[mention.end : s.end]):
            break
        entity = reader.book.mention_entity.get(pos)
        if entity is None and len(mention.tokens) == 1 and not _common(mention.text):
            entity = reader.book.create(mention.text, "person", pos)
        if entity is not None:
            return _Subject(ve, mention.end, entity, _named(reader, mention, entity), entity.is_media)
        break
    m = re.match(r"\s+(he|she)\b(?=\s*[,.;])", masked[ve : s.end])
    if m:
        return _pronoun_subject(reader, m.group(1), ve + m.start(1), ve + m.end(1))
    m = re.match(r"\s+((?:the|a|an)\s+(?:[a-z][\w\-]*\s+){0,3}?([a-z][\w\-]*))" + ends_clause, masked[ve : s.end])
    if m and (is_person_role(m.group(2)) or is_organisation_role(m.group(2))):
        return _noun_phrase_before(reader, s, ve + m.end(1))
    return None


def _common(word: str) -> bool:
    low = word.lower()
    return low in STOPWORDS or is_person_role(low) or is_organisation_role(low)


# -- cues and what they govern --------------------------------------------------------------------------------


def _cues(reader: _Reader, s: Sentence) -> list[_Cue]:
    masked = reader.masked
    found: list[_Cue] = []
    for m in LETTERS.finditer(masked, s.start, s.end):
        word = m.group()
        participle = PARTICIPLE_CUES.get(word.lower())
        if participle is not None and found and masked[s.start : m.start()].rstrip().endswith(","):
            # "..., he said, adding that ...": the participle's subject is the previous cue's.
            previous = found[-1].subject
            subject_then = _Subject(m.start(), m.start(), previous.entity, previous.attribution, previous.reporter)
            found.append(_Cue(m.start(), m.end(), word.lower(), participle, subject_then, participle=True))
            continue
        lemma = ALL_VERBS.get(word.lower())
        if lemma is None or (word[0].isupper() and m.start() != s.start):
            continue
        preceding = masked[s.start : m.start()].split()
        prev_word = preceding[-1].strip('.,;:!?()"').lower() if preceding else ""
        if prev_word in PASSIVE_AUXILIARIES or prev_word in DETERMINERS or prev_word == "to":
            continue
        before = masked[s.start : m.start()].rstrip()
        subject = None
        inverted = False
        if (before.endswith((MASK, ",")) or not before) and lemma not in ADDRESSEE_VERBS:
            subject = _subject_right(reader, s, m.end())
            if subject is not None and subject.reporter:
                subject = None  # "..., told the BBC": the press is told, it does not speak
            inverted = subject is not None
        if subject is None:
            subject = _subject_left(reader, s, m.start())
        if subject is None:
            continue
        if lemma == "report" and (subject.entity is None or subject.entity.kind == "organisation"):
            subject.reporter = True
        found.append(_Cue(m.start(), m.end(), word.lower(), lemma, subject, inverted))
    return found


def _segment_at(reader: _Reader, pos: int) -> _Segment | None:
    """The quoted span whose opening mark is at ``pos``."""
    k = bisect_left(reader.opens, pos)
    return reader.segments[k] if k < len(reader.opens) and reader.opens[k] == pos else None


def _segments_in(reader: _Reader, a: int, b: int) -> list[_Segment]:
    """The quoted spans (not headings) lying inside ``[a, b)``."""
    found = reader.segments[bisect_left(reader.opens, a) : bisect_left(reader.opens, b)]
    return [seg for seg in found if seg.close < b and seg.cls != "heading"]


def _addressee_end(masked: str, pos: int, limit: int) -> int:
    """After ``told``: the end of the person told (``AFP``, ``the packed hall``, ``parliament``)."""
    rest = masked[pos:limit]
    m = re.match(
        r"\s+(?:(?:me|him|her|us|them|you|reporters|journalists)\b|(?:the\s+)?[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*)*)",
        rest,
    )
    if m:
        return pos + m.end()
    m = re.match(r"\s+(?:(?:the|a|an|his|her|their)\s+)?([a-z][\w\-]*)(?:\s+([a-z][\w\-]*))?", rest)
    if m and m.group(1) != "that":
        if m.group(2) and m.group(2) not in CLAUSE_STARTERS and m.group(2) != "that":
            return pos + m.end(2)
        return pos + m.end(1)
    return pos


def _content_end(reader: _Reader, start: int, limit: int) -> int:
    """Where reported content starting at ``start`` ends: before trailing attribution and the speaker's next act."""
    masked = reader.masked
    region = masked[start:limit]
    cut = len(region)
    for m in re.finditer(r"[\s,]+(?:and|but)\s+(?:also\s+)?(\w+)", region):
        if m.group(1).lower() in SPEAKER_ACTIONS:
            cut = m.start()
            break
    acc = re.search(r",\s*according to\b", region)
    if acc:
        cut = min(cut, acc.start())
    for m in re.finditer(r",\s*([a-z]+ing)\b", region):
        if m.group(1) in PARTICIPLE_CUES:
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
) -> None:
    """Record a quote of ``[start, end)``; an agency or an unnamed person (``a senior official``) is no speaker."""
    text = reader.text
    while start < end and (text[start].isspace() or (reader.masked[start] == MASK and text[start] in OPENING)):
        if text[start] in OPENING and kind != "direct":
            break
        start += 1
    if end - start < 2 or (len(WORD.findall(text[start:end])) < 2 and kind != "direct"):
        return
    speaker = entity.name if entity is not None and entity.name and not entity.is_agency else None
    anonymous = entity if entity is not None and not entity.name else None
    if speaker is None:
        attribution, entity = "none", None
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
        )
    )
    if entity is not None:
        reader.used.add(entity.id)
        reader.book.note(entity, start)
    elif anonymous is not None:
        reader.book.note(anonymous, start)
    reader.last = (reader.book.sentence_at(end), entity)


def _attach(reader: _Reader, seg: _Segment, cue: _Cue) -> None:
    seg.attached = True
    kind: QuoteKind = "direct" if seg.cls == "full" else "mixed"
    _emit(reader, seg.start, seg.end, kind, cue.subject.entity, cue.subject.attribution, cue.word)


def _reported(reader: _Reader, a: int, b: int, cue: _Cue, bonus: float = 0.0) -> None:
    """Emit reported content ``[a, b)``: mixed when it holds a partial quote, else indirect."""
    inner = _segments_in(reader, a, b + 1)
    kind: QuoteKind = "mixed" if any(seg.cls in ("partial", "short") for seg in inner) else "indirect"
    if inner and all(seg.cls == "full" for seg in inner) and not reader.masked[a:b].replace(MASK, "").strip(" ,.:"):
        for seg in inner:
            _attach(reader, seg, cue)
        return
    for seg in inner:
        seg.attached = True
    _emit(reader, a, b, kind, cue.subject.entity, cue.subject.attribution, cue.word, bonus)


def _read_cue(reader: _Reader, s: Sentence, cue: _Cue, limit: int) -> int:
    """Attach or emit what ``cue`` governs in sentence ``s``; return where its reported content ends."""
    masked = reader.masked
    after = cue.end
    if cue.inverted:
        after = cue.subject.end
    elif cue.lemma in ADDRESSEE_VERBS and not cue.participle:
        after = _addressee_end(masked, cue.end, limit)
    rest = masked[after:limit]
    governed = 0
    # "She says, "..."", "He explained to the paper, "..."": the cue introduces a direct quote.
    intro = re.match(r"(?:\s+[\w'\u2019\-]+){0,6}?\s*[,:]\s*(?=" + MASK + ")", rest)
    if intro and not cue.inverted:
        seg = _segment_at(reader, after + intro.end())
        if seg is not None and seg.cls == "full":
            _attach(reader, seg, cue)
            governed = 1
    content_start = None
    that = False
    if not governed and not cue.inverted:
        preps = VERB_PREPOSITIONS.get(cue.lemma, ())
        m_that = re.match(r"((?:\s+[\w'\u2019\-]+){0,7}?)\s+that\b", rest)
        m_prep = re.match(r"\s+(" + "|".join(preps) + r")\b", rest) if preps else None
        if m_that and (
            not m_that.group(1).strip()
            or m_that.group(1).split()[0].lower() in PREPOSITIONS | {"last", "earlier", "this", "later"}
        ):
            content_start, that = after + m_that.end(), True
        elif m_prep:
            content_start = after + m_prep.end()
        elif (adverbial := ADVERBIAL.match(rest)) and _clause_like(rest[adverbial.end() :]):
            # "said on Tuesday it would ...", "said in a statement the plan had failed".
            content_start = (
                after + adverbial.end() + len(rest[adverbial.end() :]) - len(rest[adverbial.end() :].lstrip())
            )
        elif (
            (cue.lemma in SPEECH_VERBS and _reported_clause(rest))
            or (cue.lemma in FRAMING_VERBS and MASK in rest)
            or (cue.lemma in THAT_VERBS and _clause_like(rest))
        ):
            first = re.match(r"\s+([\w'\u2019\-]+|" + MASK + ")", rest)
            if first and first.group(1).lower() not in PREPOSITIONS and not rest.startswith(","):
                content_start = after + first.start(1)
        if content_start is not None:
            end = _content_end(reader, content_start, limit)
            if cue.lemma in FRAMING_VERBS and not m_prep and MASK not in masked[content_start:end]:
                content_start = None
            elif len(WORD.findall(masked[content_start:end].replace(MASK, " x "))) >= 2:
                _reported(reader, content_start, end, cue, 0.05 if that else 0.0)
                return end
    if cue.participle:
        return cue.end
    # "..., she said", "'...,' said the minister": the cue follows a quote or reported content.
    head = cue.start if cue.inverted else cue.subject.start
    before = masked[s.start : head].rstrip()
    if before.endswith(MASK) or before.endswith(","):
        body = before.rstrip(",").rstrip()
        if body.endswith(MASK):
            seg = _last_segment_before(reader, s.start + len(body))
            if seg is not None and seg.cls in ("full", "partial"):
                _attach(reader, seg, cue)
                return cue.end
        # "..., the minister, Ines Duarte, said": the role before the name belongs to the attribution.
        role = re.search(r",\s*(?:the|a|an)\s+(?:[\w\-]+\s+){0,3}?([\w\-]+)\s*,?$", body)
        if role and (is_person_role(role.group(1)) or is_organisation_role(role.group(1))):
            body = body[: role.start()]
        lead = _lead_start(reader, s, s.start + len(body))
        if lead is not None and _reportable(masked[lead : s.start + len(body)]):
            _reported(reader, lead, s.start + len(body), cue)
    return cue.end


# Time and venue phrases that may sit between a reporting verb and its content.
ADVERBIAL = re.compile(
    r"(?:\s+(?:on|in|at|during|late|early|last|this|earlier|later)\s+(?:(?:a|an|the|his|her|its|their)\s+)?"
    r"(?:[\w\-]+\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|night|morning|"
    r"evening|afternoon|weekend|statement|interview|note|memo|letter|post|call|briefing|conference|speech|email)"
    r"(?:\s+(?:to|with)\s+[\w\-]+(?:\s+[\w\-]+)?)?,?){1,2}",
    re.IGNORECASE,
)
FINITE = words("is are was were had has have would could will can should did does do might may must")


# Common past forms without -ed and present forms with -s that show a clause has its verb.
IRREGULAR_VERBS = words(
    """fell rose grew went came made took saw gave got left lost won began became ran sold bought paid kept held felt
    found thought knew met set cut put hit led brought fought spent sent built stood sat spoke broke chose drove
    flew wore wrote shut struck swept threw understood means makes remains needs wants plans expects looks seems
    goes comes takes gives says thinks knows believes faces stands works costs"""
)


def _has_verb(found: list[str]) -> bool:
    return any(
        w.lower() in FINITE or w.lower() in IRREGULAR_VERBS or (len(w) > 4 and w.lower().endswith("ed"))
        for w in found[1:7]
    )


def _clause_like(rest: str) -> bool:
    """``admitted his side had ...``: a reported clause without ``that`` (a subject, then a finite verb soon)."""
    found = WORD.findall(rest[:80])
    if not found or not (found[0].lower() in CLAUSE_STARTERS or found[0][0].isupper()):
        return False
    return any(w.lower() in FINITE for w in found[1:5])


def _reported_clause(rest: str) -> bool:
    """``said sales fell``, ``told me the same thing``: content after a speech verb needs a verb of its own."""
    return MASK in rest[:80] or _has_verb(WORD.findall(rest[:80]))


SUBORDINATORS = words("when while after before as if although though because since until unless once asked speaking")


def _reportable(content: str) -> bool:
    """Whether text before a trailing cue can be reported content, not a lead-in (``Asked whether ..., she``)."""
    found = WORD.findall(content)
    if len(found) < 3:
        return False
    first = found[0].lower()
    return first not in SUBORDINATORS and first not in PREPOSITIONS and not first.endswith(("ing", "ed"))


def _last_segment_before(reader: _Reader, pos: int) -> _Segment | None:
    for seg in reversed(reader.segments):
        if seg.close < pos and seg.cls in ("full", "partial", "short"):
            return seg
    return None


def _lead_start(reader: _Reader, s: Sentence, end: int) -> int | None:
    """The start of reported content that a trailing cue (``..., he added.``) governs: the sentence start,
    after any direct quote already attached in it."""
    start = s.start
    for seg in reader.segments:
        if s.start <= seg.open < end and seg.attached:
            start = max(start, seg.close + 1)
    while start < end and not reader.masked[start].isalnum() and reader.masked[start] != MASK:
        start += 1
    return start if start < end else None


def _according(reader: _Reader, s: Sentence) -> list[tuple[int, int]]:
    """``According to X, ...`` and ``..., according to X.``: the source is a name, a role, or a document."""
    masked, text = reader.masked, reader.text
    taken = []
    for m in re.finditer(r"\b[Aa]ccording to\s+([^,.;" + MASK + r"]+)", masked[s.start : s.end]):
        src_a, src_b = s.start + m.start(1), s.start + m.end(1)
        entity, attribution = _source(reader, src_a, src_b)
        cue = _Cue(
            s.start + m.start(), s.start + m.end(), "according to", "say", _Subject(src_a, src_b, entity, attribution)
        )
        lead = masked[s.start : s.start + m.start()]
        if not lead.strip():
            a = src_b + 1 if masked[src_b : src_b + 1] == "," else src_b
            b = _content_end(reader, a, s.end)
        elif lead.rstrip().endswith(MASK):
            # ""It is over," according to Ruth Sallis.": the source of the quote before it.
            seg = _last_segment_before(reader, s.start + len(lead.rstrip()))
            if seg is not None and seg.cls in ("full", "partial"):
                _attach(reader, seg, cue)
            continue
        elif lead.rstrip().endswith(","):
            b = s.start + len(lead.rstrip().rstrip(","))
            lead_start = _lead_start(reader, s, b)
            if lead_start is None:
                continue
            a = lead_start
        else:
            continue
        if len(WORD.findall(text[a:b])) >= 3:
            _reported(reader, a, b, cue)
            taken.append((min(a, cue.start), max(b, src_b)))
    return taken


def _source(reader: _Reader, a: int, b: int) -> tuple[Entity | None, AttributionMethod]:
    """Who ``according to`` (or ``spoke with``) names: a name, a pronoun, a role, or a document's owner."""
    book, text = reader.book, reader.text
    for pos in reader.mentions_between(a, b):
        if pos in book.mention_entity:
            named = book.mention_entity[pos]
            return named, _named(reader, reader.mention_by_start[pos], named)
    entity: Entity | None
    words = [w.lower() for w in WORD.findall(text[a:b])]
    for word in words:
        if word in ("him", "her"):
            entity = book.resolve_pronoun(PRONOUN_GENDER[word], a)
            return entity, "pronoun" if entity else "none"
    if any(w in PERSON_MEDIA for w in words):
        entity = book.focus(a)
        return entity, "role" if entity else "none"
    for word in words:
        if is_organisation_role(word) and word in GENERIC_ORGANISATIONS:
            entity = book.resolve_role(word, True, a) or book.resolve_organisation_pronoun(a)
            return entity, "role" if entity else "none"
        if is_person_role(word) and not word.endswith("s"):
            entity = book.resolve_role(word, False, a)
            return entity, "role" if entity else "none"
    return None, "none"


def _spoke(reader: _Reader, s: Sentence) -> list[tuple[int, int]]:
    """``Reuters spoke to him about how ...``: the press interviewing someone reports that person."""
    masked = reader.masked
    taken = []
    pattern = r"\b(spoke|talked)\s+(?:with|to)\s+(him|her|[A-Z][\w'\u2019\-]*(?:\s+[A-Z][\w'\u2019\-]*)*)\s+about\s+"
    for m in re.finditer(pattern + r"(?:the fact\s+)?(?:that\s+|how\s+)?", masked[s.start : s.end]):
        subject = _noun_phrase_before(reader, s, s.start + len(masked[s.start : s.start + m.start()].rstrip()))
        if subject is None or (not subject.reporter and (subject.entity is None or not subject.entity.is_media)):
            continue
        obj_a, obj_b = s.start + m.start(2), s.start + m.end(2)
        if m.group(2) in ("him", "her"):
            entity = reader.book.resolve_pronoun(PRONOUN_GENDER[m.group(2)], obj_a)
            attribution: AttributionMethod = "pronoun"
        else:
            entity, attribution = _source(reader, obj_a, obj_b)
        cue = _Cue(
            s.start + m.start(1),
            s.start + m.end(1),
            f"{m.group(1)} with",
            "say",
            _Subject(obj_a, obj_b, entity, attribution),
        )
        a = s.start + m.end()
        b = _content_end(reader, a, s.end)
        _reported(reader, a, b, cue)
        taken.append((s.start + m.start(), b))
    return taken


def _continue(reader: _Reader, seg: _Segment) -> None:
    """A quote no cue claims: it continues the previous quote's speaker when it follows straight on."""
    seg.attached = True
    here = reader.book.sentence_at(seg.start)
    kind: QuoteKind = "direct"
    s = reader.sentences[reader.book.sentence_at(seg.open)]
    intro = reader.masked[s.start : seg.open].rstrip()
    if intro.endswith(":") and MASK not in intro and len(WORD.findall(intro)) <= 12:
        # "Karen Holt was blunt: "Nobody is safe."": the clause before a colon names the speaker.
        subject = _clause_subject(reader, s, seg.open, coordinated=True)
        if subject is not None and subject.entity is not None:
            _emit(reader, seg.start, seg.end, kind, subject.entity, subject.attribution, "", -0.1)
            return
    if reader.last is not None and reader.last[1] is not None and here - reader.last[0] <= 1:
        _emit(reader, seg.start, seg.end, kind, reader.last[1], "continuation", "", -0.05)
    else:
        _emit(reader, seg.start, seg.end, kind, None, "none", "")


# -- the whole article ----------------------------------------------------------------------------------------


def find_quotes(text: str, sentences: list[Sentence]) -> tuple[list[Speaker], list[Quote]]:
    """Return the article's speakers and its quotes (in text order).

    Speakers are the people and organisations at least one quote is attributed to, in order of first mention, with
    their aliases and a description from an apposition or parenthesis when the article gives one.
    """
    sentences = sorted(sentences, key=lambda s: s.start)
    segments = _pair_marks(text)
    starts = [s.start for s in sentences]
    for seg in segments:
        k = max(0, _bisect(starts, seg.open))
        seg.cls = _classify(text, seg, sentences[k] if sentences else None)
    masked = _mask(text, segments)
    mentions = find_mentions(text, sentences)
    quoted = [(seg.open, seg.close + 1) for seg in segments if seg.cls in ("full", "partial", "title", "heading")]
    book = SpeakerBook(text, sentences, mentions, quoted)
    book.learn_gender_from_pronouns()
    reader = _Reader(
        text,
        sentences,
        segments,
        masked,
        book,
        {m.end: m for m in mentions},
        {m.start: m for m in mentions},
    )
    reader.opens = [seg.open for seg in segments]
    pending = [seg for seg in segments if seg.cls in ("full", "partial")]
    for s in sentences:
        if s.kind in ("prose", "caption"):
            taken = _according(reader, s) + _spoke(reader, s)
            cues = _cues(reader, s)
            until = s.start
            for i, cue in enumerate(cues):
                if cue.start < until or cue.subject.reporter or any(a <= cue.start < b for a, b in taken):
                    continue
                limit = _trailing_limit(reader, s, cue.end, cues[i + 1 :])
                until = _read_cue(reader, s, cue, limit)
        # Quotes that close in this sentence and no cue claimed continue the previous speaker.
        for seg in pending:
            if not seg.attached and seg.close <= s.end + 1 and seg.close >= s.start:
                _continue(reader, seg)
        pending = [seg for seg in pending if not seg.attached]
    for seg in pending:
        _continue(reader, seg)
    quotes = sorted(reader.quotes, key=lambda q: (q.start, q.end))
    speakers = [e.speaker() for e in book.entities if e.id in reader.used]
    return speakers, quotes


def _trailing_limit(reader: _Reader, s: Sentence, after: int, later: list[_Cue]) -> int:
    """Reported content stops where a later trailing attribution (``..., Reuters reported.``) begins."""
    for cue in later:
        if cue.subject.start < after:
            continue
        tail = reader.masked[cue.end : s.end]
        words_after = WORD.findall(tail)
        ends = not words_after or words_after[0].lower() in PREPOSITIONS or ADVERBIAL.match(tail)
        if not cue.inverted and ends and len(words_after) <= 6:
            return cue.subject.start
    return s.end


def _bisect(starts: list[int], pos: int) -> int:
    return bisect_right(starts, pos) - 1
