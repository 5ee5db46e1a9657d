"""Who a reporting cue names: the subject before the verb, after it (``said the minister``), or in ``according to``.

A subject is a name (``Ana Ruiz said``, ``Ana Ruiz, a spokeswoman for X, said``), a pronoun resolved to the person
the story is following, a role noun resolved to the entity it described (``the minister``, ``the company``), an
unnamed source (``analysts``, ``a senior official``, ``his family``), or the press (``reporters``, ``the paper``),
which reports and is told things but never speaks for anyone.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Literal

from newsfacts.extraction import parser
from newsfacts.extraction.cues import (
    ALL_VERBS,
    COLLECTIVE_NOUNS,
    DETERMINERS,
    GENERIC_ORGANISATIONS,
    KIN_NOUNS,
    OBJECT_PRONOUNS,
    OFFICES,
    PERSON_MEDIA,
    POSTNOMINALS,
    PREPOSITIONS,
    PRESS_NOUNS,
    PRONOUN_GENDER,
    RELATION_NOUNS,
    RESEARCH_NOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLES,
    VERB_MODIFIERS,
    VERB_RE,
    is_organisation_role,
    is_person_role,
    words,
)
from newsfacts.extraction.marks import MASK, WORD
from newsfacts.extraction.names import Mention
from newsfacts.extraction.sentences import Sentence, past_dateline
from newsfacts.extraction.speakers import BODY_SORTS, POSSESSIVE, Entity, SpeakerBook, SpeakerKind

# Documents that say things: "The report said", "a leaked memo says".
DOCUMENTS = frozenset(
    {"report", "study", "memo", "statement", "letter", "document", "survey", "filing", "ruling", "release"}
) | {noun for noun in RESEARCH_NOUNS if not is_person_role(noun)}
# Roles whose holder speaks for an organisation: what they say is the organisation's.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Words opening a description of someone not named before: "a source", "one official", "several aides".
_INDEFINITE = frozenset({"a", "an", "one", "another", "some", "several", "two", "three", "four", "many", "multiple"})
_SPEAKS_FOR_ANOTHER = SPOKESPEOPLE | PERSON_MEDIA | DOCUMENTS
AttributionMethod = Literal["name", "alias", "pronoun", "role", "continuation", "none"]


@dataclass(slots=True)
class Reading:
    """An article being read: its text, the text with its quotes masked, its sentences, names and speakers."""

    text: str
    sentences: list[Sentence]
    masked: str
    book: SpeakerBook
    mention_by_end: dict[int, Mention]
    mention_by_start: dict[int, Mention]
    _starts: list[int] = field(default_factory=list)

    def mentions_between(self, a: int, b: int) -> list[int]:
        """Start offsets of the name mentions starting in ``[a, b)``, in order."""
        if not self._starts:
            self._starts = sorted(self.mention_by_start)
        return self._starts[bisect_left(self._starts, a) : bisect_left(self._starts, b)]


@dataclass(slots=True)
class Subject:
    """The subject of a reporting cue: its span, the entity it names (None for nobody named), and how."""

    start: int
    end: int
    entity: Entity | None
    attribution: AttributionMethod
    reporter: bool = False  # the press reporting, not a speaker
    doubt: float = 0.0  # taken off the quote's confidence when the reference is a guess


_COMMON_POSSESSIVE = re.compile(r"\b[a-z][\w\-]*(?:['\u2019]s|s['\u2019])\s*$")


def _strip_modifiers(left: str) -> str:
    """``X has also said``, ``X QC said``: drop the auxiliaries, adverbs and postnominals between a subject and its
    verb."""
    while True:
        when = _WHEN_BEFORE_VERB.search(left)
        if when:
            left = left[: when.start()]  # "X on Tuesday said"
            continue
        m = re.search(r"\s+([A-Za-z]+)\s*$", left)
        if not m or (m.group(1) not in VERB_MODIFIERS and m.group(1) not in POSTNOMINALS):
            return left
        left = left[: m.start()]


_WHEN_BEFORE_VERB = re.compile(
    r",?\s+(?:on|last|this|earlier|late|early)\s+(?:this\s+)?(?:monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday|week|month|year|morning|afternoon|evening|night)(?:\s+(?:morning|afternoon|evening|night))?,?\s*$",
    re.IGNORECASE,
)


def named(reader: Reading, mention: Mention, entity: Entity) -> AttributionMethod:
    """``name`` when the mention gives the full name, ``alias`` when it is a shorter form of it."""
    return "name" if mention.text == entity.name or len(mention.tokens) > 1 else "alias"


def subject_left(reader: Reading, s: Sentence, vs: int) -> Subject | None:
    """The subject written before a reporting verb at ``vs``: a name, a pronoun or a role noun phrase."""
    masked = reader.masked
    if _COMMON_POSSESSIVE.search(masked, s.start, vs):
        return None  # "With the minister's reply, ...": after a possessive the word is a noun, no verb
    if masked[s.start : vs].rstrip().endswith(","):
        # "Ana Ruiz, who met Tom Ray on Monday, said": the clause's subject, not the name before the comma.
        return clause_subject(reader, s, vs, coordinated=False)
    left = _strip_modifiers(masked[s.start : vs].rstrip())
    # "Ivan Petrov (the head of X) said": a parenthesis between subject and verb.
    left = re.sub(r"\s*\([^()]*\)$", "", left)
    left = re.sub(r"\s*[\u2013\u2014][^\u2013\u2014]{1,80}[\u2013\u2014]$", "", left)  # "Ana Ruiz — the mayor — said"
    end = s.start + len(left)
    if not left.strip() or left.endswith(MASK):
        return None
    sourced = _sources_described(left)
    if sourced is not None:
        return _unnamed_sources(reader, sourced, s.start)
    if left.endswith(","):
        return clause_subject(reader, s, vs, coordinated=False)
    if left.endswith(", who"):
        antecedent = _relative_antecedent(reader, s, vs)
        if antecedent is not None:
            return antecedent  # "Ana Ruiz met Tom Bassey, who told her ...": Tom Bassey
    if re.search(r"\b(and|but)$", left):
        return clause_subject(reader, s, vs, coordinated=True)
    subject = _apposed_without_commas(reader, s, end) or noun_phrase_before(reader, s, end)
    if subject is None and MASK not in left and not _has_cue(left):
        # "Two diplomats briefed on the talks said": a subject with a trailing modifier.
        subject = _lead_subject(reader, s, vs, max_words=3)
    return subject


# What links an unnamed source to what it knows; also a quick test before the longer pattern below.
_SOURCE_LINK = re.compile(
    r"close\s+to|familiar\s+with|with\s+(?:direct\s+)?knowledge\s+of|briefed\s+on|knowledgeable\s+about"
)
# Unnamed sources described by whom or what they know: "Sources close to the investigation", "a person familiar with
# the plans", "a U.S. law enforcement official briefed on the talks", "people with knowledge of the deal"; a
# conjunction before them is no modifier ("and people familiar with her thinking").
_SOURCES_DESCRIBED = re.compile(
    r"(?:\b(?:[Aa]n?|[Tt]he|[Ss]ome|[Ss]everal|[Mm]any|[Aa]nother|[Oo]ne)\s+)?"
    r"(?:\b(?!(?:and|but|or|yet|so|while|as|that)\s)(?:[a-z][\w\-]*|(?:[A-Z]\.){2,})\s+){0,3}?"
    r"\b([Ss]ources?|[Pp]eople|[Pp]ersons?|[Oo]fficials?|[Aa]ides?|[Aa]dvis[eo]rs?|[Ii]nsiders?|[Dd]iplomats?)\s+"
    r"(?:" + _SOURCE_LINK.pattern + r")"
    r"\s+[^,;:()\n" + MASK + r"]{2,80}$"
)


def _sources_described(left: str) -> re.Match[str] | None:
    """Unnamed sources described by what they know at the end of ``left`` (the words before the verb), or None:
    the whole phrase describes them ("sources close to the investigation", not "the investigation"), and a name or
    pronoun in it is what they know, not who speaks ("a source close to him", "people close to Ruiz")."""
    if not _SOURCE_LINK.search(left):
        return None
    return _SOURCES_DESCRIBED.search(left)


def _unnamed_sources(reader: Reading, found: re.Match[str], offset: int) -> Subject:
    """The subject of sources described by what they know (``found`` in the text from ``offset``): nobody named. One
    source (``an official familiar with the talks``) is a person the story may go on to call ``the official`` or
    ``he``: an unnamed person of the book, so that those stay unnamed rather than go to someone named nearby."""
    start, end = offset + found.start(), offset + found.end()
    noun = found.group(1).lower()
    if noun.endswith("s") or noun == "people":
        return Subject(start, end, None, "none")
    source = reader.book.anonymous(start, reader.text[start:end].strip())
    reader.book.call(source, noun)  # "the official said" later: the same unnamed person
    return Subject(start, end, source, "none")


def _sources_after(reader: Reading, ve: int, end: int) -> Subject | None:
    """Unnamed sources described by what they know right after the verb at ``ve``, up to the clause's end."""
    stop = _CLAUSE_END.search(reader.masked, ve, end)
    words = reader.masked[ve : stop.start() if stop is not None else end].rstrip()
    found = _sources_described(words)
    if found is None or words[: found.start()].strip():
        return None
    return _unnamed_sources(reader, found, ve)


_CLAUSE_END = re.compile(r"[,;:!?\n]|\.(?!\w)")


# After a name, a role phrase with no commas around it: "co-chair of the committee", "a lawyer for the family".
_BARE_APPOSITION = re.compile(
    r"\s+(?:(?:a|an|the)\s+)?(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]*)"
    r"(?:\s+(?:of|for|at|with|from)\s+(?:the\s+)?[\w'\u2019\- ]{1,40})?"
)


def _apposed_without_commas(reader: Reading, s: Sentence, end: int) -> Subject | None:
    """``Sen. Ann Roe co-chair of the committee says``: the person named before a role phrase without commas."""
    starts = reader.mentions_between(s.start, end)
    if not starts:
        return None
    mention = reader.mention_by_start[starts[-1]]
    entity = reader.book.mention_entity.get(mention.start)
    if entity is None or entity.kind != "person" or mention.end >= end:
        return None
    found = _BARE_APPOSITION.fullmatch(reader.masked, mention.end, end)
    noun = found.group(1).split("-")[-1] if found else ""
    if not is_person_role(noun) or (noun.endswith("s") and not noun.endswith("ss")):
        return None  # "Halden state health officials say": a plural the name modifies, not her role
    return Subject(_title_start(reader, s, mention), end, entity, named(reader, mention, entity))


def _name_ending_at(reader: Reading, end: int) -> Mention | None:
    """The name mention that ends at ``end``, perhaps before an 's (``Kohl's now says``: the name, no possessive)
    or the full stop of ``Jr.``/``Sr.`` (``Tom Hale Jr. said``)."""
    mention = reader.mention_by_end.get(end)
    if mention is None and reader.masked[end - 2 : end] in ("'s", "\u2019s"):
        mention = reader.mention_by_end.get(end - 2)
    if mention is None and reader.masked[end - 4 : end] in (" Jr.", " Sr."):
        mention = reader.mention_by_end.get(end - 1)
    return mention


def noun_phrase_before(reader: Reading, s: Sentence, end: int) -> Subject | None:
    """The subject ending at ``end``: a name, a pronoun, or a role noun phrase (``the company``, ``a spokesman for
    the ministry``, ``analysts``)."""
    mention = _name_ending_at(reader, end)
    place = mention is not None and mention.kind == "unknown" and mention.start not in reader.book.mention_entity
    located = _LOCATED.search(reader.masked, s.start, mention.start) if mention is not None and place else None
    if located and (is_organisation_role(located.group(1)) or is_person_role(located.group(1))):
        # "Police in Halden said": the police, not the place, and named only as the place's.
        return Subject(located.start(1), end, None, "none")
    if mention is not None:
        modified = _modified_head(reader, s, mention, end)
        if modified is not None:
            return modified
        named_subject = _name_subject(reader, s, mention, end)
        if named_subject is not None:
            return named_subject
    words = list(re.finditer(r"[\w'\u2019\-]+", reader.masked[s.start : end]))
    if not words or s.start + words[-1].end() != end:
        return None
    last = words[-1]
    word = last.group().lower()
    w_start = s.start + last.start()
    if word in OBJECT_PRONOUNS:
        return None  # "groups that have endorsed him say": the end of a relative clause, not the subject
    if word in PRONOUN_GENDER or word in ("it", "they", "i", "we"):
        return pronoun_subject(reader, word, w_start, end)
    if word in ("others", "some", "many", "several", "one", "another") and len(words) == 1:
        return Subject(w_start, end, None, "none")  # "Others said ...", '"...," one said': someone unnamed
    if word in DOCUMENTS:
        # "The report said", "a leaked memo says": a document speaks for whoever issued it ("the WHO release added",
        # "Acme's annual report said"), or for nobody named when the phrase names no one.
        phrase_start = _phrase_start(reader, s, words, w_start)
        for pos in reader.mentions_between(max(s.start, w_start - 80), w_start):
            mention = reader.mention_by_start[pos]
            owner = reader.book.mention_entity.get(pos)
            if owner is not None and _OWNS_DOCUMENT.fullmatch(reader.masked, mention.end, w_start):
                start = min(phrase_start, _title_start(reader, s, mention))
                return Subject(start, end, owner, named(reader, mention, owner))
        issuer = document_issuer(reader, word, phrase_start)
        return Subject(phrase_start, end, issuer, "role" if issuer else "none")
    if not (
        is_person_role(word) or is_organisation_role(word) or word in ("reporters", "journalists", *RELATION_NOUNS)
    ):
        return None
    phrase_start = _phrase_start(reader, s, words, w_start)
    agent = _agent_subject(reader, s, phrase_start, end)
    if agent is not None:
        return agent
    return _role_subject(reader, last.group(), phrase_start, end)


def document_issuer(reader: Reading, noun: str, pos: int) -> Entity | None:
    """``The ministry made this known in a statement ...`` then ``The statement added ...``: who issued the document
    the story called by ``noun`` in one of the three sentences before (the first one that sentence refers to), when
    ``pos`` opens ``the``/``this``/``that`` before the noun; None otherwise."""
    if not re.compile(rf"(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[a-z]+\s+)?{noun}\b").match(reader.masked, pos):
        return None  # "the campaign's statement": someone's, whoever issued the one before
    book = reader.book
    here = book.sentence_at(pos)
    for k in range(here - 1, max(-1, here - 4), -1):
        sentence = reader.sentences[k]
        if re.search(
            rf"\b(?:a|an|the|its|his|her|their)\s+(?:[a-z]+\s+)?{noun}\b", reader.masked[sentence.start : sentence.end]
        ):
            found = [e for e in book.entities_between(sentence.start, sentence.end) if e.name and not e.is_media]
            return found[0] if found else None
    return None


# "Police in ", "officials at ": the head of a noun phrase that names only where they are.
_LOCATED = re.compile(r"\b([A-Za-z][a-z]+)\s+(?:in|at|from|near|outside)\s+(?:the\s+)?$")


# Between a name and the document it issued: "the WHO release", "Acme's annual report".
_OWNS_DOCUMENT = re.compile(r"(?:['\u2019]s?)?(?:\s+[a-z][\w\-]*){0,2}\s+")


# A person noun opening the clause, then a participle or relative clause whose object is the name before the verb:
# "A Halden man arrested in Oslo for posts on Facebook said", "Another MP opposing Ruiz denied".
_HEAD_THEN_MODIFIER = re.compile(
    r"\W*(?:(?:But|And|Yet)\s+)?((?:[Aa]n?|[Tt]he|[Aa]nother|[Oo]ne)\s+(?:[A-Za-z][\w\-]*\s+){0,2}?([A-Za-z][\w\-]*))"
    r"\s+(who\s+\w+|[a-z]{3,}(?:ed|ing))\b[^,;:()\n" + MASK + r"]*$"
)
# Participles that give the name of the person they follow: "a woman named Ana Ruiz", "a man identified as".
_NAMING_PARTICIPLES = words("named called identified known dubbed nicknamed")


def _modified_head(reader: Reading, s: Sentence, mention: Mention, end: int) -> Subject | None:
    """The person noun a clause opens with, when the name before the verb is the object of a participle or
    relative clause modifying it (``A Halden man arrested in Oslo for posts on Facebook said``): that person speaks,
    not the name."""
    found = _HEAD_THEN_MODIFIER.match(
        reader.masked, past_dateline(reader.masked, s.start, mention.start), mention.start
    )
    noun = found.group(2).lower() if found is not None else ""
    if found is None or not is_person_role(noun) or noun in SPOKESPEOPLE or found.group(3) in _NAMING_PARTICIPLES:
        return None
    if noun.endswith("s") and not noun.endswith("ss"):
        return Subject(found.start(1), end, None, "none")  # "Two men charged with ... said": nobody named
    holder = reader.book.resolve_role(noun, False, found.start(1), guess=False)
    if holder is not None and found.group(1)[0] in "Tt":
        return Subject(found.start(1), end, holder, "role")  # "The minister, named before, ... said"
    return Subject(
        found.start(1), end, reader.book.anonymous(found.start(1), reader.text[found.start(1) : end]), "none"
    )


def _name_subject(reader: Reading, s: Sentence, mention: Mention, end: int) -> Subject | None:
    """A name before the verb: the person (``Inspector Ana Ruiz of Tarn Police said``), an institution named like a
    place (``The White House said``), or a lone word first seen as a speaker (``Smith said``)."""
    text, book = reader.text, reader.book
    # "Inspector Ana Ruiz of Tarn Police said": the person, not the body they belong to.
    link = re.search(r"\s+(?:of|at|from|for)\s+(?:the\s+)?$", text[s.start : mention.start])
    holder = reader.mention_by_end.get(s.start + link.start()) if link else None
    holder_entity = book.mention_entity.get(holder.start) if holder is not None else None
    if holder is not None and holder_entity is not None and holder_entity.kind == "person":
        mention = holder
    entity = book.mention_entity.get(mention.start)
    holder_of = _holder_of(reader, s, mention, entity, end)
    if holder_of is not None:
        return holder_of
    kin = _SOMEONE_OF.search(text, s.start, mention.start)
    if kin is None and " of " in text[s.start : mention.start]:
        kin = _KIN_OF_TITLED.search(text, s.start, mention.start)
    if kin and entity is not None and entity.kind == "person" and _kin_noun(kin.group(1)):
        # "the family of Tom Ray said", "a friend of Ana Ruiz said": someone of theirs, unnamed.
        return Subject(kin.start(), end, None, "none")
    if kin and entity is not None and entity.kind == "organisation" and kin.group(1) in SPOKESPEOPLE:
        # "A spokesperson for Halden Council said ... they added": the spokesperson goes on for the council.
        book.anonymous(kin.start(), text[kin.start() : mention.start].strip(), speaks_for=entity)
    institution = re.search(r"\b[Tt]he\s+$", text[s.start : mention.start]) or len(mention.tokens) > 1
    if entity is None and institution and mention.kind != "person" and not common_word(mention.text):
        # "The White House said", "the Fed said", "Downing Street said": an institution named like a place speaks.
        entity = book.create(mention.text, "organisation", mention.start)
    if entity is None and len(mention.tokens) == 1 and not common_word(mention.text):
        organisation = mention.text.isupper() or mention.kind == "organisation"
        entity = book.create(mention.text, "organisation" if organisation else "person", mention.start)
        for word in mention.role.split() if entity.kind == "person" else ():
            if is_person_role(word):
                book.call(entity, word)  # "President Vance said": "the President said" later is Vance again
    if entity is None:
        return None
    return Subject(_title_start(reader, s, mention), end, entity, named(reader, mention, entity), entity.is_media)


def _holder_of(reader: Reading, s: Sentence, mention: Mention, entity: Entity | None, end: int) -> Subject | None:
    """``the mayor of Halden said``: the holder of a role in a place or body speaks, not the place: the person the
    story described by the role, else an unnamed person described so (``residents of Halden``: an unnamed group)."""
    role_of = _ROLE_OF.search(reader.masked, s.start, mention.start)
    noun = role_of.group(1).lower() if role_of else ""
    if role_of is None or not is_person_role(noun) or noun in SPOKESPEOPLE or noun in RELATION_NOUNS:
        return None
    if entity is not None and entity.kind == "person" and noun not in OFFICES:
        return None  # "the lawyer of Tom Ray": someone of his, whom the caller leaves unnamed
    if noun.endswith("s") and not noun.endswith("ss"):
        return Subject(role_of.start(), end, None, "none")
    book = reader.book
    holder = book.resolve_role(noun, False, role_of.start(), guess=False) or book.introduced_next(noun, end)
    if holder is not None:
        return Subject(role_of.start(), end, holder, "role")
    described = reader.text[role_of.start() : mention.end]
    return Subject(role_of.start(), end, book.anonymous(role_of.start(), described), "none")


# "the mayor of ", "Counsel for the ": a person's role in the place or body named next.
_ROLE_OF = re.compile(
    r"(?:\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+)?(?:\b[a-z][\w\-]*\s+){0,2}?\b([A-Za-z][a-z\-]*)\s+of\s+(?:the\s+)?$"
)


# "the family of ", "a close friend of ", "a lawyer for ": someone related to the name that follows.
_SOMEONE_OF = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]*)\s+(?:of|for)\s+$")


# "The fiancee of former Halden Rovers star ": kin or a relation of the person named next, a title between.
_KIN_OF_TITLED = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Oo]ne)\s+(?:[a-z][\w\-]*\s+){0,2}?(" + "|".join(sorted(KIN_NOUNS | RELATION_NOUNS)) + r")"
    r"\s+of\s+(?:the\s+)?(?:[A-Za-z][\w.'\u2019\-]*\s+){1,5}$"
)


def _kin_noun(word: str) -> bool:
    return word in RELATION_NOUNS or (is_person_role(word) and word not in SPOKESPEOPLE)


# A capitalised title with its abbreviation or a note in brackets, right before a name: "Station House Officer (SHO) ".
_BRACKETED_TITLE = re.compile(r"(?<![\w'\u2019])(?:[A-Z][\w.\-]*\s+(?:(?:of|for)\s+)?){1,6}\([A-Za-z.]{2,6}\)\s+$")
_NAME_OWNER = re.compile(r"(?<![\w'\u2019])(?:[A-Z][\w.&\-]*\s+){0,3}[A-Z][\w.&\-]*['\u2019]s?\s+$")
_TITLE_AND = re.compile(r"\b((?:[A-Z][\w.]*\s+){1,4})and\s+$")


def _title_start(reader: Reading, s: Sentence, mention: Mention) -> int:
    """The start of a named subject with its title, role words and article: ``chief executive``, ``Governor``."""
    start = mention.start
    if mention.title and reader.masked[s.start : start].rstrip().endswith(mention.title):
        start = s.start + len(reader.masked[s.start : start].rstrip()) - len(mention.title)
    bracketed = _BRACKETED_TITLE.search(reader.masked, s.start, start)
    if bracketed and any(w.lower().rstrip(".") in TITLES for w in bracketed.group().split()):
        start = bracketed.start()  # "Senior Superintendent of Police (SSP) Ravi Menon", "Col. (retd) Ravi Menon"
    role = re.search(r"(?<![\w'\u2019])(?:[a-z][\w\-]*\s+){1,3}$", reader.masked[s.start : start])
    if role and any(is_person_role(w) for w in role.group().split()):
        start = s.start + role.start()
    # "Acme's Ana Ruiz", "Acme's chief executive Ana Ruiz": whose person she is belongs to the subject.
    owner = _NAME_OWNER.search(reader.masked, s.start, start)
    if owner:
        start = owner.start()
    # "BoE Deputy Governor and PRA Chief Executive Sam Woods": a second title joined by "and".
    joined = _TITLE_AND.search(reader.masked, s.start, start)
    if joined and all(sum(c.isupper() for c in w) > 1 or w.lower() in TITLES for w in joined.group(1).split()):
        start = joined.start()
    article = re.search(r"\b[Tt]he\s+$", reader.masked[s.start : start])
    if article:
        return s.start + article.start()  # "the Halden Herald"
    return _modifiers_start(reader, s, start)


def _modifiers_start(reader: Reading, s: Sentence, start: int) -> int:
    """``Halden police Chief Tom Okoro``, ``White House press secretary Tom Okoro``: the words qualifying a title
    belong to the subject when, with them, it opens its clause (after a quote, a comma or at the sentence start)."""
    masked = reader.masked
    found = _QUALIFIERS.search(masked, s.start, start)
    if found is None or not found.group():
        return start
    words = found.group().split()
    # A capitalised word there qualifies the title even when it spells a verb ("State spokesman Tom Okoro").
    if any(w.lower() in STOPWORDS or w.lower() in PREPOSITIONS or (w.islower() and w in ALL_VERBS) for w in words):
        return start
    before = masked[s.start : found.start()].rstrip()
    return found.start() if not before or before.endswith((MASK, ",", ":")) else start


# Up to four words before a title: "Halden police ", "White House press ", "Okoro campaign ".
_QUALIFIERS = re.compile(r"(?:[A-Za-z][\w.\-]*\s){1,4}$")


def _phrase_start(reader: Reading, s: Sentence, words: list[re.Match[str]], w_start: int) -> int:
    """Walk back over a role noun phrase: ``a spokesman for the energy department``, ``the industry minister``."""
    phrase_start = w_start
    for w in reversed(words[:-1]):
        low = w.group().lower()
        gap = reader.masked[s.start + w.end() : phrase_start]
        function_word = low in STOPWORDS and s.start + w.start() not in reader.mention_by_start  # not "the Sun Herald"
        if gap.strip() or low in ALL_VERBS or (function_word and low not in DETERMINERS | {"one", "another"}):
            break
        phrase_start = s.start + w.start()
        if low in DETERMINERS or low in ("one", "another"):
            break
    return phrase_start


def _agent_subject(reader: Reading, s: Sentence, phrase_start: int, end: int) -> Subject | None:
    """``a spokesman for the ministry``, ``an official at the company``: an unnamed person speaking for someone."""
    agent = re.search(
        r"(?:\b(?:[Aa]n?|[Tt]he|[Oo]ne)\s+)?\b([A-Za-z][a-z\-]*)\s+(?:for|at|with|from)\s+$",
        reader.text[s.start : phrase_start],
    )
    if not agent or not is_person_role(agent.group(1).lower()):
        return None
    entity, attribution = _organisation_in(reader, phrase_start, end)
    if entity is None and agent.group(1) in SPOKESPEOPLE and _OFFICE.fullmatch(reader.text, phrase_start, end):
        entity, attribution = _seat_of_government(reader), "role"  # "a spokesman for the Prime Minister"
    if entity is not None and agent.group(1) in SPOKESPEOPLE:  # "... they added": the spokesperson again
        reader.book.anonymous(s.start + agent.start(), reader.text[s.start + agent.start() : end], speaks_for=entity)
    return Subject(s.start + agent.start(), end, entity, attribution)


def _organisation_in(reader: Reading, a: int, b: int) -> tuple[Entity | None, AttributionMethod]:
    """The organisation a phrase names (``the Home Office``) or refers to by its noun (``the ministry``)."""
    entity = reader.book.entity_at(a, b)
    if entity is not None and entity.kind == "organisation":
        return entity, "name"
    for w in re.finditer(r"[a-z][\w\-]*", reader.text[a:b]):
        if is_organisation_role(w.group()) and not is_person_role(w.group()):
            entity = reader.book.resolve_role(w.group(), True, a)
            if entity is None and w.group() in GENERIC_ORGANISATIONS:
                entity = reader.book.salient_organisation(a)
            if entity is not None:
                return entity, "role"
    return None, "none"


def _role_subject(reader: Reading, noun: str, phrase_start: int, end: int) -> Subject:
    """A role noun phrase: the press, an unnamed group or person, or the entity the story described by the noun."""
    book = reader.book
    word = noun.lower()
    if word in ("reporters", "journalists"):
        return Subject(phrase_start, end, None, "none", reporter=True)
    plural = (word.endswith("s") and not word.endswith("ss")) or word in COLLECTIVE_NOUNS
    determiner = reader.text[phrase_start:end].split()[0].lower()
    kin = word in KIN_NOUNS and determiner.endswith(("'s", "\u2019s"))  # "Okafor's father": not Okafor
    if plural or word in RELATION_NOUNS or determiner in ("his", "her", "their", "its") or kin:
        return Subject(phrase_start, end, None, "none")  # "analysts", "his family": nobody named
    spoken_for = _spokesperson_subject(reader, noun, determiner, phrase_start, end) if word in SPOKESPEOPLE else None
    if spoken_for is not None:
        return spoken_for
    if determiner in ("a", "an", "one", "another") and is_person_role(word):
        anonymous = book.anonymous(phrase_start, reader.text[phrase_start:end])
        book.call(anonymous, word)  # "the official said" later: the same unnamed person
        return Subject(phrase_start, end, anonymous, "none")  # "a senior official"
    press = _press_named(reader, phrase_start, end - len(noun)) if word in PRESS_NOUNS else None
    if press is not None:
        return Subject(phrase_start, end, press, "name", reporter=True)  # "the Sme daily"
    organisation = is_organisation_role(word) and not is_person_role(word)
    office = noun[0].isupper() and word in OFFICES  # "the Prime Minister": no guess
    if organisation:
        entity = _organisation_by_noun(reader, noun, determiner, phrase_start, end)
    else:
        entity = book.resolve_role(word, False, phrase_start, guess=not office)
        entity = entity or book.introduced_next(word, phrase_start)  # "..., the foreign minister said. Minister X"
    if word in PRESS_NOUNS and entity is not None and entity.is_media:
        return Subject(phrase_start, end, entity, "role", reporter=True)
    # "the 27-year-old said" with nobody described so: the person followed, a guess.
    guessed = entity is not None and entity.kind == "person" and word not in entity.role_words
    return Subject(phrase_start, end, entity, "role" if entity else "none", doubt=0.1 if guessed else 0.0)


def _spokesperson_subject(reader: Reading, noun: str, determiner: str, phrase_start: int, end: int) -> Subject | None:
    """A spokesperson noun phrase (``a Home Office spokeswoman``, ``the council spokesman``): the organisation
    that speaks through them, or the person named further on; None when the story names no such body."""
    book, word = reader.book, noun.lower()
    attribution: AttributionMethod = "role"
    later = book.named_later(word, phrase_start) if determiner in ("a", "an") else None
    if later is not None:  # "A White House spokeswoman says", named further on
        return Subject(phrase_start, end, later, "role", doubt=0.05)
    if _OFFICE_HOLDER.search(reader.text, phrase_start, end - len(noun)):
        entity = _seat_of_government(reader)  # "the PM's spokesman": the PM's office
    else:
        entity, attribution = _organisation_in(reader, phrase_start, end - len(noun))
        if entity is None:
            entity, attribution = _body_named_before(reader, phrase_start, end - len(noun))
        if entity is None and len(reader.text[phrase_start:end].split()) == 2:
            # "The Treasury said ... "...," a spokeswoman said": the body the story is following.
            entity, attribution = book.organisation_followed(phrase_start), "role"
    if entity is None:
        return None
    # The spokesperson is a person the story may go on to call "he" or "she": they still speak for it.
    book.anonymous(phrase_start, reader.text[phrase_start:end], speaks_for=entity)
    return Subject(phrase_start, end, entity, attribution)


def _organisation_by_noun(reader: Reading, noun: str, determiner: str, phrase_start: int, end: int) -> Entity | None:
    """``the company``, ``the council``: the organisation the story called so, or the one it is about (for a public
    body's noun, the only one of its sort named so far); none for one it introduces (``a company called X``) or one
    a name before the noun says is someone else's (``Ruiz's firm``)."""
    book = reader.book
    word = noun.lower()
    introduced = determiner in _INDEFINITE
    entity = None if introduced else book.resolve_role(word, True, phrase_start)
    if entity is None and (word not in PRESS_NOUNS or word in BODY_SORTS):  # "the agency": a public body too
        generic = word in GENERIC_ORGANISATIONS
        find = book.salient_organisation if generic else book.sole_organisation
        entity = (None if introduced else find(phrase_start, word)) or book.organisation_named_next(word, phrase_start)
        if entity is not None:
            book.call(entity, word)  # "the company" goes on meaning the same one
    if entity is not None and not _owned_by(entity, reader.text[phrase_start : end - len(noun)]):
        return None  # "the Obama administration": the body of the name before the noun, not one named earlier
    return entity


def _owned_by(entity: Entity, qualifiers: str) -> bool:
    """Whether the names qualifying an organisation noun (``Ruiz's`` in ``Ruiz's firm``, ``Halden`` in ``the Halden
    council``) are all in a name of ``entity``; true when no name qualifies it."""
    found = WORD.findall(qualifiers)
    # A first word may have its capital only for opening the sentence ("The", "Local"), unless it owns ("Ruiz's").
    owners = [w for k, w in enumerate(found) if w[0].isupper() and (k or POSSESSIVE.search(w))]
    names = {POSSESSIVE.sub("", w).lower() for form in (entity.name, *entity.forms) for w in WORD.findall(form)}
    return all(POSSESSIVE.sub("", w).lower() in names for w in owners)


def _body_named_before(reader: Reading, a: int, b: int) -> tuple[Entity | None, AttributionMethod]:
    """``a White House spokeswoman``: a name that is no person, right before the spokesperson noun, is the body
    they speak for."""
    before = reader.text[max(0, a - 20) : b].rstrip()
    seat = next((name for name in SEATS_OF_GOVERNMENT if before.endswith(f" {name}")), None)
    if seat is not None:  # "a No 10 spokesman"
        entity = reader.book.create(SEAT_NAMES.get(seat, seat), "organisation", a)
        if seat not in entity.forms:
            entity.forms.append(seat)
        return entity, "name"
    for pos in reversed(reader.mentions_between(a, b)):
        mention = reader.mention_by_start[pos]
        if mention.kind != "person" and not reader.masked[mention.end : b].strip() and not common_word(mention.text):
            return reader.book.create(mention.text, "organisation", pos), "name"
    return None, "none"


# "the Prime Minister's official spokesman", "the PM's spokeswoman": an office holder's spokesperson.
_OFFICE_HOLDER = re.compile(
    r"\b(?:[Pp]rime [Mm]inister|PM|[Pp]resident|[Cc]hancellor|[Pp]remier|[Ff]irst [Mm]inister)['\u2019]s\s+(?:\w+\s+)?$"
)
_OFFICE = re.compile(
    r"(?:the\s+)?(?:[Pp]rime [Mm]inister|PM|[Pp]resident|[Cc]hancellor|[Pp]remier|[Ff]irst [Mm]inister)", re.I
)
# Where a head of government's office sits, by the name the press gives it.
SEATS_OF_GOVERNMENT = frozenset(
    {
        "Downing Street",
        "Number 10",
        "No 10",
        "No10",
        "White House",
        "Kremlin",
        "Elysee",
        "Élysée",
        "Elysee Palace",
        "Élysée Palace",
        "Blue House",
        "Prime Minister's Office",
        "President's Office",
        "Presidential Office",
    }
)


# Other names of a seat: "No 10" is Downing Street.
SEAT_NAMES = {"Number 10": "Downing Street", "No 10": "Downing Street", "No10": "Downing Street"}


def _seat_of_government(reader: Reading) -> Entity | None:
    """The seat of government the article names (``Downing Street``), for whom an office holder's spokesperson
    speaks; None when it names none."""
    for entity in reader.book.entities:
        if entity.name in SEATS_OF_GOVERNMENT or any(f in SEATS_OF_GOVERNMENT for f in entity.forms):
            return entity
    for mention in reader.mention_by_start.values():
        if mention.text in SEATS_OF_GOVERNMENT:
            return reader.book.create(mention.text, "organisation", mention.start)
    return None


def _press_named(reader: Reading, a: int, b: int) -> Entity | None:
    """``the Sme daily``, ``the Halden Gazette newspaper``: the publication named before a press noun."""
    starts = reader.mentions_between(a, b)
    if not starts:
        return None
    mention = reader.mention_by_start[starts[-1]]
    if reader.masked[mention.end : b].strip():
        return None
    return reader.book.mention_entity.get(mention.start) or reader.book.create(mention.text, "organisation", a)


def pronoun_subject(reader: Reading, word: str, start: int, end: int) -> Subject:
    """The entity a pronoun subject refers to; after a fronted participle clause (``Sentencing Smith to a week in
    prison, he said``) the names in that clause are its objects, so the story's earlier subject is taken."""
    book = reader.book
    if word in PRONOUN_GENDER:
        s = reader.sentences[book.sentence_at(start)]
        fronted = _FRONTED.match(reader.masked, s.start, start) or _after_content(reader, s, start, end)
        entity = book.resolve_pronoun(PRONOUN_GENDER[word], s.start if fronted else start)
        if entity is None and fronted:
            entity = book.resolve_pronoun(PRONOUN_GENDER[word], start)
        guess = book.pronoun_doubt(entity, PRONOUN_GENDER[word], start) if entity is not None else 0.0
    elif word == "it":
        entity = book.resolve_organisation_pronoun(start)
    elif word == "they":
        entity = _plural_antecedent(reader, start) or _spokesperson_followed(reader, start)
    else:
        entity = None
    if entity is not None:
        book.note(entity, start)  # "he said X was ...": the story still follows him, whatever X is
        entity = entity.speaks_for or entity  # "a council spokesman said ... he added": the council's words
    doubt = 0.05 if word == "they" else 0.0  # one of a pair speaks for both
    if word in PRONOUN_GENDER:
        doubt = guess
    return Subject(start, end, entity, "pronoun" if entity else "none", doubt=doubt)


def _after_content(reader: Reading, s: Sentence, start: int, end: int) -> bool:
    """``Trouble began when Tom Ray fell ill, he said.``: a pronoun closing the sentence after what it reports, whose
    names are what was said, not who said it."""
    lead = reader.masked[s.start : start].rstrip()
    if not lead.endswith(",") or MASK in lead[-3:] or len(WORD.findall(lead)) < 4:
        return False
    if any(m.group(1) in SPEECH_VERBS for m in _NAME_THEN_WORD.finditer(lead)):
        return False  # "Tom Vick told the paper that the plan came from him since, he said, ...": the speaker before
    verb = _CLOSING_VERB.match(reader.masked, end)
    return verb is not None and verb.group(1) in SPEECH_VERBS


# A name and the word after it: "Tom Vick told".
_NAME_THEN_WORD = re.compile(r"[A-Z][\w'\u2019\-]*\s+([a-z]+)\b")
# The verb after a closing pronoun, then the sentence's end or a participle's comma: " said.", " told reporters,".
_CLOSING_VERB = re.compile(r"\s+(?:also\s+|later\s+)?([a-z]+)(?:\s+(?:reporters|journalists))?\s*[.;,]")


def _spokesperson_followed(reader: Reading, pos: int) -> Entity | None:
    """``A spokesperson for the council said ... "...," they added``: the singular they of an unnamed spokesperson
    the story is following."""
    followed = reader.book.followed(pos)
    return followed if followed is not None and followed.speaks_for is not None else None


def _plural_antecedent(reader: Reading, pos: int) -> Entity | None:
    """``Ana Ruiz and Tom Okoro ... They said``: the first of two people joined by ``and`` that open the clause
    before ``they`` (in its sentence or the one before); either speaks for the pair. None for any other ``they``."""
    book = reader.book
    here = book.sentence_at(pos)
    for k in (here, here - 1):
        if k < 0:
            break
        s = reader.sentences[k]
        group = _GROUP_AT.match(reader.masked, s.start, min(s.end, pos))
        body = book.entity_at(group.end(), group.end() + 1) if group and is_person_role(group.group(1)) else None
        if body is not None and body.kind == "organisation":
            return body  # "Researchers from Halden University are ... : they say ...": the university's people
        starts = [p for p in reader.mentions_between(s.start, min(s.end, pos)) if p in book.mention_entity]
        if not starts:
            continue
        first = reader.mention_by_start[starts[0]]
        lead = WORD.findall(reader.masked[s.start : first.start])
        if len(starts) < 2 or not all(w[0].isupper() or w in DETERMINERS or is_person_role(w) for w in lead):
            return None  # the pair must open the clause: "X and Y met ...", not "met X and Y"
        second = reader.mention_by_start[starts[1]]
        people = [book.mention_entity.get(m.start) for m in (first, second)]
        joined = re.fullmatch(r",?\s+and\s+(?:[A-Z][\w.]*\s+)*", reader.masked[first.end : second.start])
        if joined and all(e is not None and e.kind == "person" and e.name for e in people):
            return people[0]
        return None
    return None


# A clause opening with people of a body: "Researchers from ", "Officials at the ", "Scientists with ".
_GROUP_AT = re.compile(r"\W*([A-Z][a-z]+s)\s+(?:from|at|with|of)\s+(?:the\s+)?")


# A sentence opening with a participle or subordinate clause, up to the comma before its subject.
_FRONTED = re.compile(r"\W*(?:[A-Z][a-z]+ing|When|After|Before|While|Asked|As)\b[^,]*,\s*$")


def clause_subject(reader: Reading, s: Sentence, vs: int, coordinated: bool) -> Subject | None:
    """``Ana Ruiz, regional secretary of X, said``: the subject opens the clause, before an apposition;
    ``X called the ruling "disappointing" and said ...`` (``coordinated``): the subject of the first verb."""
    opener = re.match(r"\W*([A-Za-z\-]+)", s.text)
    if opener and opener.group(1).lower().endswith("s") and is_person_role(opener.group(1).lower()):
        # "Residents of X welcomed the vote but said ...": an unnamed group opens the clause.
        start = s.start + opener.start(1)
        return Subject(start, start + len(opener.group(1)), None, "none")
    antecedent = _relative_antecedent(reader, s, vs)
    if antecedent is not None:
        return antecedent
    common = _COMMON_BEFORE_RELATIVE.match(reader.masked, s.start, vs)
    if common is not None and (is_person_role(common.group(2)) or is_organisation_role(common.group(2))):
        # "The two firms, which sent replies to the Halden Post, said": not the name in the relative clause.
        return _role_subject(reader, common.group(2), common.start(1), common.end(2))
    fronted = _FRONTED_PHRASE.match(reader.masked, s.start, vs)
    for pos in reader.mentions_between(fronted.end() if fronted else s.start, vs):
        mention = reader.mention_by_start[pos]
        entity = reader.book.mention_entity.get(pos)
        if _modifies_next_name(reader, mention, vs) or _bracketed(reader.text, mention):
            continue  # "Mayor Lee's spokeswoman Ana Ruiz": the first name only qualifies the role of the second
        qualified = None if entity else _role_qualified(reader, s, mention, fronted.end() if fronted else s.start, vs)
        if qualified is not None:
            return qualified
        kind = _kind_from_context(reader, s, mention) if entity is None else None
        if kind is not None:
            entity = reader.book.create(mention.text, kind, pos)
        if entity is not None and not reader.book.in_quote(pos) and not mention.possessive:
            holder = _holder_apposed(reader, s, mention, vs)
            if holder is not None:
                return holder
            between = reader.masked[mention.end : vs]
            if not coordinated and (MASK in between or _has_cue(between)):
                return None
            start = _title_start(reader, s, mention)  # "lead author Ana Ruiz, a scientist at X, told"
            return Subject(start, mention.end, entity, named(reader, mention, entity), entity.is_media)
    return _lead_subject(reader, s, vs, max_words=5)


def _holder_apposed(reader: Reading, s: Sentence, mention: Mention, vs: int) -> Subject | None:
    """``The chief executive of Acme Tools, Ana Ruiz, said``, ``Chief Constable of Halden Police, Tom Okafor,
    said``: the holder of a role in a body (or someone's), named after it between commas, speaks, not the body."""
    role_of = _ROLE_OF.search(reader.masked, s.start, mention.start)
    if role_of is None or not is_person_role(role_of.group(1).lower()):
        return None
    comma = _APPOSED_NAME.match(reader.masked, mention.end, vs)
    holder = reader.mention_by_start.get(comma.end()) if comma is not None else None
    person = reader.book.mention_entity.get(holder.start) if holder is not None else None
    if holder is None or person is None or person.kind != "person" or reader.masked[holder.end : holder.end + 1] != ",":
        return None
    return Subject(role_of.start(), holder.end, person, named(reader, holder, person))


_APPOSED_NAME = re.compile(r",\s+")


def _lone_name_kind(reader: Reading, s: Sentence, mention: Mention) -> SpeakerKind | None:
    """``"...," Okafor, a retired nurse, said``, ``Jin Park, a nurse, said``: a name the name reader could not
    classify opening its clause before an apposition is the subject even when the story names it nowhere else; a
    person or an organisation as the apposition's noun says (``Acme, the largest widget maker,``), else None."""
    if len(mention.tokens) > 3 or common_word(mention.text) or mention.possessive:
        return None
    if reader.masked[s.start : mention.start].replace(MASK, "").strip(" ,\n"):
        return None
    apposition = _APPOSITION_HEAD.match(reader.masked, mention.end)
    if apposition is None:
        return None  # "WASHINGTON — Sen. Ana Ruiz said": a dateline, no apposition
    head = apposition.group(1).lower()
    if is_organisation_role(head):
        return "organisation"
    return "person" if is_person_role(head) and not mention.text.isupper() else None


def _kind_from_context(reader: Reading, s: Sentence, mention: Mention) -> SpeakerKind | None:
    """What a name the name reader could not classify is, from how its clause opens (None when it does not say)."""
    return _lone_name_kind(reader, s, mention) or _institution_kind(reader, s, mention)


def _institution_kind(reader: Reading, s: Sentence, mention: Mention) -> SpeakerKind | None:
    """``The Silver Heron issued a statement``: a name of several words the name reader could not classify, opening
    its clause after ``The``, is an institution."""
    if mention.kind != "unknown" or len(mention.tokens) < 2 or mention.possessive:
        return None
    lead = reader.masked[s.start : mention.start].replace(MASK, "").strip(" ,\n")
    return "organisation" if lead in ("The", "the") else None


# ", a retired nurse from Halden,", ", 44, a nurse,": the head noun of an apposition after a name.
_APPOSITION_HEAD = re.compile(
    r",\s+(?:\d+,\s+)?(?:an?|the)\s+(?:[\w'\u2019\-]+\s+){0,3}?([a-z][\w\-]*)"
    r"(?=\s*,|\s+(?:of|at|for|from|with|in)\b)"
)


def _relative_antecedent(reader: Reading, s: Sentence, vs: int) -> Subject | None:
    """``Police stopped Okafor, who admitted ...``: a cue inside a relative clause has the name
    the clause follows as its subject."""
    masked = reader.masked
    who = masked.rfind(", who ", s.start, vs)
    if who < 0 or "," in masked[who + 1 : vs] or MASK in masked[who:vs]:
        return None
    mention = reader.mention_by_end.get(who)
    entity = reader.book.mention_entity.get(mention.start) if mention is not None else None
    if mention is None or entity is None or mention.possessive:
        return None
    return Subject(mention.start, mention.end, entity, named(reader, mention, entity), entity.is_media)


# A clause opening with a common noun phrase and a relative clause after its comma: "The company, which ...".
_COMMON_BEFORE_RELATIVE = re.compile(
    r"\W*((?:The|A|An|Some|Many|Most|Several|Both)\s+(?:[a-z][\w\-]*\s+){0,2}?([a-z][\w\-]*)),\s+(?:which|who|whose)\s"
)


# A phrase fronted before the clause's subject: "At its first session led by Ana Ruiz, the board ...",
# "Appearing before supporters at Acme's office, Ana Ruiz said".
_FRONTED_PHRASE = re.compile(
    r"\W*(?:In|On|At|Under|After|Before|During|Despite|Following|Since|Unlike|Like|Amid|Among|Besides|Beyond|As"
    r"|[A-Z][a-z]{2,}ing(?=\s+[a-z]))\b"
    r"[^,;:\n]{1,120},\s*"
)


def _bracketed(text: str, mention: Mention) -> bool:
    """``(Reuters) - Acme said``: a name alone in brackets is a tag or an aside, not the clause's subject."""
    return text[mention.start - 1 : mention.start] == "(" and text[mention.end : mention.end + 1] == ")"


# Lowercase words, or one capitalised word, between two names: "Lee spokeswoman Ana", "Party Chairman Ana".
_ROLE_BETWEEN_NAMES = re.compile(r"\s+(?:[a-z][\w\-]*\s+){1,5}(?=[A-Z])|\s+[A-Z][a-z\-]+\s+(?=[A-Z])")


# A person's role noun in lower case right after a name: "A New York judge", "The Halden coach".
_ROLE_AFTER_NAME = re.compile(r"\s+([a-z][\w\-]*)\b")


def _role_qualified(reader: Reading, s: Sentence, mention: Mention, opens: int, vs: int) -> Subject | None:
    """``A New York judge rejected ..., saying``: a name of nobody who speaks (a place) opening the clause only
    qualifies the role noun after it; the subject is the role's phrase (an unnamed judge, or the judge the story
    described), never the place."""
    lead = reader.masked[opens : mention.start].strip(" ,\n")
    role = _ROLE_AFTER_NAME.match(reader.masked, mention.end, vs)
    if lead not in ("", "A", "An", "The", "a", "an", "the") or role is None or not is_person_role(role.group(1)):
        return None
    named = _APPOSED_NAME.match(reader.masked, role.end())
    if role.end() in reader.mention_by_start or (named is not None and named.end() in reader.mention_by_start):
        return None  # "Acme spokeswoman Ana Ruiz", "An Israeli blogger, Ana Ruiz,": the name after the role speaks
    start = mention.start - len(reader.masked[opens : mention.start].lstrip(" ,\n"))
    return _role_subject(reader, role.group(1), start, role.end())


def _modifies_next_name(reader: Reading, mention: Mention, vs: int) -> bool:
    """A name followed by a role noun and another name: ``Governor Lee spokeswoman Ana Ruiz``, ``Halden Party
    Chairman Ana Ruiz`` (a capitalised role the name reader left out of both names)."""
    role = _ROLE_BETWEEN_NAMES.match(reader.masked, mention.end, vs)
    between = role.group().split() if role is not None else []
    if role is None or not any(is_person_role(w) for w in between):
        return False
    if len(between) > 3 and not all(is_person_role(w) or w == "and" for w in between):
        return False  # four or five words only as roles: "Acme president and chief executive Ana Ruiz"
    after = role.end()
    # The next name may carry its own title first: "Halden spokesman Navy Capt. Tom Okoro".
    titled = next(iter(reader.mentions_between(after, after + 40)), None)
    title = reader.mention_by_start[titled].title if titled is not None else ""
    return after in reader.mention_by_start or (
        titled is not None and bool(title) and reader.masked[after:titled].strip() == title
    )


def _lead_subject(reader: Reading, s: Sentence, vs: int, max_words: int) -> Subject | None:
    """A pronoun or role noun among the first words of the clause, before the verb at ``vs``: ``Consumer groups
    welcomed ... but said``."""
    pattern = r"\s*(?:[^,]{0,40},\s*)?([A-Z][\w\-]*(?:\s+[a-z][\w\-]*){0," + str(max_words - 1) + "})"
    lead = re.match(pattern, s.text[: vs - s.start])
    if lead:
        offset = s.start + lead.start(1)
        for w in re.finditer(r"[\w\-]+", lead.group(1)):
            word = w.group().lower()
            if word in ("his", "her", "its", "their"):
                continue  # "But his son, who ..., said": the son, not him
            if word in PRONOUN_GENDER or word == "it":
                return pronoun_subject(reader, word, offset + w.start(), offset + w.end())
            if is_person_role(word) or is_organisation_role(word):
                return noun_phrase_before(reader, s, offset + w.end())
    return None


def _has_cue(between: str) -> bool:
    """A verb of speech among the words, not a noun shaped like one (``a state delegate``, ``the state of X``,
    ``director of state campaigns``, ``a Halden state senator``): a word after a determiner, a preposition, a
    possessive or a capitalised word is a noun."""
    for m in VERB_RE.finditer(between):
        if m.group(1).lower() not in SPEECH_VERBS:
            continue
        before = between[: m.start()].split()
        previous = before[-1] if before else ""
        noun = previous.lower() in DETERMINERS or previous.lower() in PREPOSITIONS or previous[:1].isupper()
        if not (noun or previous.endswith(("'s", "\u2019s"))):
            return True
    return False


def subject_right(reader: Reading, s: Sentence, ve: int) -> Subject | None:
    """The subject written after the verb: ``"...," said chief executive Ana Ruiz``.

    Only a subject that ends the clause (followed by punctuation, an apposition or a preposition) is taken, so that
    ``X said Acme had ...`` is not read as an inversion.
    """
    masked = reader.masked
    ends_clause = r"(?=\s*(?:[,.;:!?(]|$)|\s+(?:of|at|from|for|in|on|to|with|who|during|after|while|when|as|before)\b)"
    after = ve  # the words before a name are counted from the verb or from the name qualifying it
    for pos in reader.mentions_between(ve, s.end):
        mention = reader.mention_by_start[pos]
        between = masked[after:pos]
        if not _BEFORE_INVERTED_NAME.fullmatch(between):
            break
        if any(w in PREPOSITIONS for w in between.split()):
            break  # "..., wrote sarcastically on Twitter": a name after a preposition is not the subject
        if _modifies_next_name(reader, mention, s.end):
            after = mention.end
            continue  # "said Barclays analyst Ana Ruiz", "said Halden University political scientist Ana Ruiz"
        relative = _RELATIVE_AFTER.match(masked, mention.end) if mention.possessive else None
        if relative is not None and (not relative.group(1) or _kin_noun(relative.group(2).lower())):
            continue  # "said Taylor's grandmother Ana Ruiz", "said Ruiz's top policy aide Tom Ray": the second name
        if not re.match(ends_clause, masked[mention.end : s.end]):
            break
        entity = reader.book.mention_entity.get(pos)
        if entity is None and len(mention.tokens) == 1 and not common_word(mention.text):
            entity = reader.book.create(mention.text, "person", pos)
        if entity is not None:
            return Subject(ve, mention.end, entity, named(reader, mention, entity), entity.is_media)
        break
    sources = _sources_after(reader, ve, s.end)
    if sources is not None:
        return sources  # '"...," said a source close to the inquiry': not "a source", nor the inquiry
    m = re.match(r"\s+(he|she)\b(?=\s*[,.;])", masked[ve : s.end])
    if m:
        return pronoun_subject(reader, m.group(1), ve + m.start(1), ve + m.end(1))
    m = re.match(
        r"\s+((?:the|a|an|one|another)\s+(?:[A-Za-z][\w\-]*\s+){0,3}?([a-z][\w\-]*))" + ends_clause, masked[ve : s.end]
    )
    if m and (is_person_role(m.group(2)) or is_organisation_role(m.group(2))):
        named_after = _named_after_role(reader, s, ve + m.start(1), ve + m.end(1))
        return named_after or noun_phrase_before(reader, s, ve + m.end(1))
    m = re.match(r"\s+(another|one|others)(?=\s*[,.;:!?])", masked[ve : s.end])
    if m:
        return Subject(ve + m.start(1), ve + m.end(1), None, "none")  # '"...," said another': someone unnamed
    return _bare_role_after(reader, s, ve)


def _bare_role_after(reader: Reading, s: Sentence, ve: int) -> Subject | None:
    """``The plans, said counsel, were ...``, ``..., said prosecutors.``: a role without a determiner after a verb set
    off by a comma, closing the attribution (not ``said police, fire crews and ...``, where no comma comes first)."""
    masked = reader.masked
    m = re.match(r"\s+([a-z][\w\-]*)(?=\s*[,.;!?](?:\s|$))", masked[ve : s.end])
    verb = re.search(r",\s*([a-z]+)$", masked[s.start : ve])
    if m is None or verb is None or verb.group(1) not in SPEECH_VERBS:
        return None  # "regular, pledged delegates": an adjective, not a verb of speech
    if not (is_person_role(m.group(1)) or is_organisation_role(m.group(1))):
        return None
    return noun_phrase_before(reader, s, ve + m.end(1))


def _named_after_role(reader: Reading, s: Sentence, start: int, end: int) -> Subject | None:
    """``"...," said a company spokeswoman, Jane Roe.``: the person named in apposition after the role phrase
    ``[start, end)``, which describes them."""
    comma = re.match(r",\s+", reader.masked[end : s.end])
    mention = reader.mention_by_start.get(end + comma.end()) if comma else None
    entity = reader.book.mention_entity.get(mention.start) if mention is not None else None
    if mention is None or entity is None or entity.kind != "person":
        return None
    if not re.match(r"\s*(?:[,.;:!?]|$)", reader.masked[mention.end : s.end]):
        return None
    entity.description = entity.description or reader.text[start:end]
    return Subject(mention.start, mention.end, entity, named(reader, mention, entity))


# Up to six words between a verb and the name of its subject: "said Halden police Chief", "said 9/11 widow",
# "said Halden Democratic Party Chairman", "said Halden-based party strategist".
_BEFORE_INVERTED_NAME = re.compile(r"\s+(?:[a-z0-9][\w/\-]*\s+|[A-Z][A-Za-z\-]*(?:['\u2019]s)?\.?\s+){0,6}")


# After a possessive name, a role or relative and another name: "'s grandmother Ana", "'s Grandmother Ana",
# "'s top foreign policy aide Ana" (up to three words qualifying the role).
_RELATIVE_AFTER = re.compile(r"['\u2019]s?((?:\s+[a-z][a-z\-]+){0,3}?)\s+([A-Za-z][a-z\-]+)\s+[A-Z]")


def common_word(word: str) -> bool:
    low = word.lower()
    return low in STOPWORDS or is_person_role(low) or is_organisation_role(low)


def parsed_subject(reader: Reading, s: Sentence, vs: int) -> Subject | None:
    """The subject the dependency parser gives the verb at ``vs``, for a verb no rule found a subject for: a phrase
    before the verb of a verb the parser reads as reporting a clause (``The campaign and the party, in a joint
    statement, said the vote would go ahead``; not ``reported higher revenue``), with no quotation before it in the
    sentence (a quotation's speaker after it is the quotation rules' to find). Read from its head word as the rules
    read a subject ending there, else resolved like an ``according to`` source (perhaps to nobody named)."""
    parsed = parser.parse(reader.text, s.start, s.end)
    if not parsed.reports_clause(vs):
        return None
    phrase, head = parsed.subject(vs), parsed.subject_head(vs)
    if phrase is None or head is None or phrase[1] > vs or MASK in reader.masked[s.start : phrase[1]]:
        return None
    subject = noun_phrase_before(reader, s, head[1])
    if subject is not None:
        return subject
    entity, attribution = source_of(reader, *phrase)
    return Subject(phrase[0], phrase[1], entity, attribution)


def _names_institution(reader: Reading, a: int, b: int, mention: Mention) -> bool:
    """A name of several words, or one after "the", that ends the source ``[a, b)`` and the name reader could not
    classify: an institution (``the Halden Courier``, ``Halden Water Board``), not ``the Halden County tally``."""
    if mention.kind != "unknown" or mention.possessive or reader.text[mention.end : b].strip(" )"):
        return False
    the = re.fullmatch(r"\s*(?:the|The)\s+", reader.text[a : mention.start])
    return (the is not None or len(mention.tokens) > 1) and not common_word(mention.text)


def source_of(reader: Reading, a: int, b: int) -> tuple[Entity | None, AttributionMethod]:
    """Who ``according to`` (or ``spoke with``) names: a name, a pronoun, a role, or a document's owner."""
    book, text = reader.book, reader.text
    for pos in reader.mentions_between(a, b):
        mention = reader.mention_by_start[pos]
        if mention.possessive and re.match(r"['\u2019]s?\s+[a-z]", text[mention.end : b]):
            return None, "none"  # "according to Tom Ray's lawyer": someone of his, unnamed
        if pos in book.mention_entity:
            found = book.mention_entity[pos]
            return found, named(reader, reader.mention_by_start[pos], found)
        if _names_institution(reader, a, b, mention):
            # "according to the Halden Courier": an institution named like a place speaks, as before a verb.
            return book.create(mention.text, "organisation", pos), "name"
    entity: Entity | None
    words = [w.lower() for w in WORD.findall(text[a:b])]
    if words[:1] and words[0] in _INDEFINITE and not any(w in _SPEAKS_FOR_ANOTHER for w in words):
        # "according to a person who attended", "to one research firm", "to a source on the call": someone new and
        # unnamed, not the person or body last named with that role (a spokesman still speaks for his body, an
        # interview or a document for whoever gave or issued it)
        return None, "none"
    for word in words:
        if word in ("him", "her"):
            entity = book.resolve_pronoun(PRONOUN_GENDER[word], a)
            return entity, "pronoun" if entity else "none"
    media = next((k for k, w in enumerate(words) if w in PERSON_MEDIA), None)
    head = words[0] if words else ""
    plural_head = head.endswith("s") and not head.endswith("ss") and head not in STOPWORDS and len(head) > 3
    if media is not None and media > 0 and plural_head:
        return None, "none"  # "proponents of curbs on hate speech": a group, not the speaker followed
    if media is not None:
        entity = book.focus(a)
        return entity, "role" if entity else "none"
    for word in words:
        if is_organisation_role(word) and word in GENERIC_ORGANISATIONS:
            entity = book.resolve_role(word, True, a) or book.salient_organisation(a)
            return entity, "role" if entity else "none"
        if is_person_role(word) and not word.endswith("s"):
            entity = book.resolve_role(word, False, a)
            return entity, "role" if entity else "none"
    document = next((w for w in words if w in DOCUMENTS), None)
    entity = document_issuer(reader, document, a) if document is not None else None
    return entity, "role" if entity else "none"
