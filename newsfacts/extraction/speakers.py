"""Speakers: named people and organisations found in an article, with their aliases merged.

``SpeakerBook`` reads the article's name mentions into entities (``Ana Ruiz`` then ``Ruiz`` is one person;
``Acme Energy`` and ``Acme Energy Ltd`` one organisation), keeps the order in which the story mentions them,
and resolves pronouns (``she told Reuters``) and role nouns (``the minister promised``, ``the company said``) to them.
``same_speaker`` is the pure test the save step uses to merge speakers across articles.
"""

from __future__ import annotations

import re
from bisect import bisect_left, insort
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache
from itertools import pairwise
from typing import Literal

import names as census_names

from newsfacts.extraction import tagger
from newsfacts.extraction.cues import (
    ALL_VERBS,
    GENDERED_NOUNS,
    GENERIC_ORGANISATIONS,
    NEWS_AGENCIES,
    ORGANISATION_WORDS,
    RANK_ABBREVIATIONS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLE_GENDER,
    TITLES,
    is_organisation_role,
    is_person_role,
    words,
)
from newsfacts.extraction.names import Mention
from newsfacts.extraction.sentences import Sentence, title_case_line

SpeakerKind = Literal["person", "organisation"]

# Titles held in an organisation, written after its name: "Acme CEO", "FBI Director".
OFFICERS = words("ceo cfo coo cto director chairman chairwoman chairperson spokesman spokeswoman spokesperson leader")
# Roles written short or in full: "the CEO" of a "chief executive".
ROLE_ABBREVIATIONS = {**RANK_ABBREVIATIONS, "pm": ("prime", "minister")}
MEDIA_WORDS = words("news times post herald journal tribune gazette press channel network radio tv")
NAME_WORD_RE = re.compile(r"[^\W\d_][\w'\u2019\-]*", re.UNICODE)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A person or organisation quoted in the article, with the other names it goes by there."""

    name: str
    kind: SpeakerKind
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(slots=True)
class Entity:
    """A person or organisation of one article while it is being read (mutable; frozen into a ``Speaker``)."""

    id: int
    name: str
    kind: SpeakerKind
    forms: list[str] = field(default_factory=list)
    description: str = ""
    role_words: set[str] = field(default_factory=set)
    gender_votes: Counter[str] = field(default_factory=Counter)
    speaks_for: Entity | None = None  # an unnamed spokesperson's organisation: what they say is its

    @property
    def gender(self) -> str | None:
        if not self.gender_votes:
            return None
        (top, n), *rest = [*self.gender_votes.most_common(2), ("", 0)]
        return top if n > rest[0][1] else None

    @property
    def is_agency(self) -> bool:
        return self.name.lower() in NEWS_AGENCIES or any(f.lower() in NEWS_AGENCIES for f in self.forms)

    @property
    def is_media(self) -> bool:
        return self.is_agency or any(w.lower() in MEDIA_WORDS for w in self.name.split())

    def speaker(self) -> Speaker:
        aliases = tuple(dict.fromkeys(f for f in self.forms if f != self.name))
        return Speaker(self.name, self.kind, aliases, self.description)


@dataclass(frozen=True, slots=True)
class _Event:
    pos: int
    sentence: int
    entity: int


class SpeakerBook:
    """The entities of one article and the order the story mentions them in, for resolving references."""

    def __init__(self, text: str, sentences: list[Sentence], mentions: list[Mention], quoted: list[tuple[int, int]]):
        self.text = text
        self.sentences = sentences
        self._sentence_starts = [s.start for s in sentences]
        self.entities: list[Entity] = []
        self.mention_entity: dict[int, Entity] = {}  # mention start -> entity
        self._events: list[tuple[int, int, int]] = []  # (pos, sentence, entity id), sorted
        self._events_of: dict[int, list[tuple[int, int, int]]] = {}  # entity id -> its events, sorted
        self._by_noun: dict[str, set[int]] = {}  # a lowercase name word or role word -> ids of entities with it
        self._quoted = sorted(quoted)
        self._brackets = [(m.start(), m.end()) for m in _BRACKETS.finditer(text)]
        self._by_word: dict[str, set[int]] = {}  # a word of a name or alias -> ids of the entities using it
        self._by_initials: dict[str, set[int]] = {}
        self._by_prefix: dict[str, set[int]] = {}  # the first three letters of a name -> ids of entities
        self._named_at: dict[int, list[int]] = {}  # entity id -> offsets of its name mentions (possessives too)
        self._previous: tuple[Mention, Entity] | None = None  # the last mention read that names an entity
        # A credit line names who took a photo or wrote the story, never someone the story refers to later.
        mentions = [m for m in mentions if self._kind_at(m.start) != "credit"]
        in_heading = [self._in_heading(m.start) for m in mentions]
        headed = [m for m, heading in zip(mentions, in_heading, strict=True) if heading]
        prose_names = {m.text for m, heading in zip(mentions, in_heading, strict=True) if not heading}
        # Headings name no one of their own: a name only a heading gives ("Shares Rise At Acme Tools") is no one
        # "the company said" can mean.
        self._heading_only = {m.start for m in headed if not _named_in_prose(m, prose_names)}
        for k, mention in enumerate(mentions):
            self._read(mention, mentions[k + 1] if k + 1 < len(mentions) else None)
        # Mentions arrive in text order, so the starts are ascending and ``entity_at`` can bisect them.
        self._mention_starts = list(self.mention_entity)
        self._starts_ascending = all(a < b for a, b in pairwise(self._mention_starts))

    # -- reading mentions ---------------------------------------------------------------------------------

    def sentence_at(self, pos: int) -> int:
        """Index into ``sentences`` of the sentence holding offset ``pos`` (the one before it if in a gap)."""
        return max(0, bisect_left(self._sentence_starts, pos + 1) - 1)

    def in_quote(self, pos: int) -> bool:
        k = bisect_left(self._quoted, (pos + 1, 0)) - 1
        return k >= 0 and self._quoted[k][0] <= pos < self._quoted[k][1]

    def _sentence_holding(self, pos: int) -> Sentence | None:
        """The sentence ``pos`` lies in, None in a gap between sentences."""
        if not self.sentences:
            return None
        sentence = self.sentences[self.sentence_at(pos)]
        return sentence if sentence.start <= pos < sentence.end else None

    def _kind_at(self, pos: int) -> str | None:
        sentence = self._sentence_holding(pos)
        return sentence.kind if sentence else None

    def _in_heading(self, pos: int) -> bool:
        """Whether ``pos`` is in a heading: one the splitter found, or a line in title case with a full stop."""
        sentence = self._sentence_holding(pos)
        return sentence is not None and (sentence.kind == "heading" or title_case_line(self.text, sentence))

    def _read(self, m: Mention, following: Mention | None) -> None:
        quoted = self.in_quote(m.start)
        heading_only = m.start in self._heading_only
        if self._owned_person(m):
            m = replace(m, kind="person")  # "Acme's Ana Ruiz": Acme's, but a person by her first name
        ticker = self._ticker_of(m)
        if ticker is False:
            return  # "(NASDAQ: ACME)": the exchange is named only to place the ticker
        entity = ticker or self._match(m)
        surname = _shared_surname(self.text, m, following)
        if entity is None and surname and not quoted and not heading_only:
            # "Tom and Ana Okafor": Tom Okafor, known from here on by his first name too.
            entity = Entity(len(self.entities), f"{m.text} {surname}", "person")
            self.entities.append(entity)
            self._describe(entity, m)
        elif entity is None:
            if quoted or heading_only or m.kind == "unknown":
                return
            entity = Entity(len(self.entities), m.text, m.kind)
            self.entities.append(entity)
            self._describe(entity, m)
        elif len(m.tokens) > len(entity.name.split()) and not quoted and not heading_only and m.kind == entity.kind:
            surname_only = entity.kind == "person" and " " not in entity.name
            entity.name = m.text
            if surname_only:
                self._describe(entity, m)  # a headline's "Ruiz", then "Ana Ruiz, the mayor": the first full mention
        if m.text not in entity.forms:
            entity.forms.append(m.text)
        self._index(entity)
        if m.in_title:
            # Known from here on ("police said" later), but the title's holder is who the sentence is about: the
            # body is noted after them and is no subject of its own.
            if not quoted:
                self._named_at.setdefault(entity.id, []).append(m.start)
                self.note(entity, following.end if following is not None else m.end)
            return
        self.mention_entity[m.start] = entity
        self._previous = (m, entity)
        if not quoted:
            self._named_at.setdefault(entity.id, []).append(m.start)
        if not quoted and not (m.possessive and self._owns_person(m)):
            # "Smith's sister": Smith is not who the sentence is about; "Smith's plan": Smith is.
            self.note(entity, m.start)

    def _owned_person(self, m: Mention) -> bool:
        """``Acme's Ana Ruiz``: a name the name reader left unclassified after a possessive, two or three words
        opening with a first name (one the census lists as mostly a man's or mostly a woman's)."""
        return (
            m.kind == "unknown"
            and 2 <= len(m.tokens) <= 3
            and m.tokens[0].lower() in first_name_genders()
            and all(len(w.rstrip(".")) > 1 for w in m.tokens)
            and _POSSESSOR_BEFORE.search(self.text, max(0, m.start - 40), m.start) is not None
        )

    def _ticker_of(self, m: Mention) -> Entity | Literal[False] | None:
        """``Acme Corp (NASDAQ: ACME)``, ``Acme Corp (ACME)``: the organisation whose ticker or acronym ``m`` is, in
        brackets right after its name; False for the exchange before the ticker; None otherwise."""
        if self._previous is None or self._previous[1].kind != "organisation" or not m.text.isupper():
            return None
        gap = self.text[self._previous[0].end : m.start]
        if _BRACKET_OPEN.fullmatch(gap) and _EXCHANGE_COLON.match(self.text, m.end):
            return False
        return self._previous[1] if _TICKER_GAP.fullmatch(gap) and len(m.text) <= 6 else None

    def _owns_person(self, m: Mention) -> bool:
        """Whether the possessive mention ``m`` is not what its sentence is about: it qualifies a person or body
        (``Smith's sister``, ``Smith's office``) or sits after the verb (``got Judge Lee's permission``); a
        possessive opening its clause and owning a thing is (``Smith's plan is at risk``)."""
        head = _POSSESSED.match(self.text, m.end)
        if head is None or is_person_role(head.group(1)) or is_organisation_role(head.group(1)):
            return True
        sentence = self.sentences[self.sentence_at(m.start)] if self.sentences else None
        lead = self.text[sentence.start if sentence is not None else 0 : m.start].rsplit(",", 1)[-1]
        return not all(w[0].isupper() or w.lower() == "the" for w in NAME_WORD_RE.findall(lead))

    def _index(self, entity: Entity) -> None:
        for name in (entity.name, *entity.forms):
            for word in name.split():
                self._by_word.setdefault(word, set()).add(entity.id)
        for noun in (*(w.lower() for w in entity.name.split()), *entity.role_words):
            self._by_noun.setdefault(noun, set()).add(entity.id)
        self._by_initials.setdefault(_initials(entity.name.split()), set()).add(entity.id)
        self._by_prefix.setdefault(entity.name[:3], set()).add(entity.id)

    def _match(self, m: Mention) -> Entity | None:
        """The entity an earlier mention introduced that ``m`` names again, most recent first.

        Only entities sharing a word with the mention (or whose initials it is) can match, so only those are tried.
        """
        words = m.tokens
        ids = set(self._by_initials.get("".join(c for c in m.text if c.isupper()), ()))  # "NWA", "BoE"
        for word in words:
            ids.update(self._by_word.get(word, ()))
        title_gender = TITLE_GENDER.get(m.title.split()[-1].lower().rstrip(".")) if m.title else None
        for entity in (self.entities[i] for i in sorted(ids, reverse=True)):
            if title_gender and entity.gender not in (None, title_gender):
                continue  # "Mr Husband" is not Ethel Husband
            if _names_again(m, entity):
                return entity
        if m.kind != "person" and len(words) == 1:
            short = self._shortened(words[0])
            if short is not None:
                return short
        return self._first_name_match(m, ids)

    def _shortened(self, word: str) -> Entity | None:
        """``Fed`` of ``Federal Reserve``: the one organisation whose name's first word the word shortens (none when
        two do: ``Federal Reserve`` and ``Federal Open Market Committee``)."""
        found = [
            self.entities[i]
            for i in self._by_prefix.get(word[:3], ())
            if self.entities[i].kind == "organisation" and _shortened(word, self.entities[i].name)
        ]
        return found[0] if len(found) == 1 else None

    def _first_name_match(self, m: Mention, ids: set[int]) -> Entity | None:
        """``Idris`` after ``Idris Valcourt``: a lone word that is the first name of exactly one person named
        before, and nobody's surname, is that person."""
        word = m.text
        if m.kind == "organisation" or " " in word or word.lower() in STOPWORDS:
            return None
        people = [self.entities[i] for i in ids if self.entities[i].kind == "person"]
        if any(e.name.split()[-1] == word for e in people):
            return None
        firsts = [e for e in people if len(e.name.split()) > 1 and e.name.split()[0] == word]
        if len(firsts) > 1:
            # "John Howe" and "John Bevan", then "John": the one a relative with the same surname makes the story
            # call by first name.
            surnames = Counter(e.name.split()[-1] for e in self.entities if e.kind == "person" and " " in e.name)
            firsts = [e for e in firsts if surnames[e.name.split()[-1]] > 1]
        return firsts[0] if len(firsts) == 1 else None

    def _describe(self, entity: Entity, m: Mention) -> None:
        """Description, role words and gender evidence from the words around the first full mention."""
        text = self.text
        after = text[m.end : m.end + 160]
        description = ""
        paren = re.match(r"\s*\(([^()]{3,150})\)", after)
        apposition = re.match(r",\s+((?:a|an|the)\s+[^,;()“”\"]{3,100}?|[a-z][^,;()“”\"]{3,100}?)\s*[,.]", after)
        sentence = self.sentences[self.sentence_at(m.start)] if self.sentences else None
        lead = text[sentence.start : m.start] if sentence is not None else ""
        fronted = re.fullmatch(r"\s*([^,;\u201c\u201d\"]{3,80}?),\s*", lead)
        if m.possessive:
            pass
        elif paren and not re.fullmatch(r"[\d\s]+", paren.group(1)) and not _is_acronym_of(paren.group(1), m.tokens):
            description = paren.group(1).strip()
        elif fronted and text[m.end : m.end + 1] == "," and _is_apposition(fronted.group(1)):
            description = fronted.group(1).strip()
        elif apposition and _is_apposition(apposition.group(1)):
            description = apposition.group(1).strip()
        copula = re.match(r"(?:\s*,\s*\d+\s*,)?\s+(?:is|was)\s+((?:a|an|the|one of)\s+[^.;,()]{3,80})", after)
        if not description and copula and _is_apposition(copula.group(1)):
            description = copula.group(1).strip()  # "X, 36, is one of the country's best-known actresses"
        if not description:
            description = " ".join(
                part for part in (self._as_written(m.role, m.start), _title_description(m.title)) if part
            )
        entity.description = description
        self._learn_roles_and_gender(entity, m)

    def _as_written(self, role: str, pos: int) -> str:
        """The role words read (in lowercase) before ``pos`` as the text writes them: ``Barclays analyst``."""
        if not role:
            return role
        window = max(0, pos - 80)  # the 80 characters before, lowered alone: lowering the whole text costs ~1 ms
        at = self.text[window:pos].lower().rfind(role)
        return self.text[window + at : window + at + len(role)] if at >= 0 else role

    def _learn_roles_and_gender(self, entity: Entity, m: Mention) -> None:
        """Role words from the description, role and title of ``m``; gender from its title, gendered nouns, a
        copula (``is one of the best-known actresses``) and the first name."""
        entity.role_words.update(w.lower() for w in NAME_WORD_RE.findall(f"{entity.description} {m.role} {m.title}"))
        if entity.kind == "organisation" and organisation_noun_before(self.text, m.start):
            entity.role_words.add(organisation_noun_before(self.text, m.start))  # "the developer" of "Developer X"
        if m.title:
            entity.role_words.update(w.lower().rstrip(".") for w in m.title.split())
            for word in m.title.split():
                gender = TITLE_GENDER.get(word.lower().rstrip("."))
                if gender:
                    entity.gender_votes[gender] += 2
        for short, words_ in ROLE_ABBREVIATIONS.items():
            if short in entity.role_words or entity.role_words.issuperset(words_):
                entity.role_words.update((short, *words_))  # "the CEO" is the chief executive described before
        for word in entity.role_words:
            if word in GENDERED_NOUNS:
                entity.gender_votes[GENDERED_NOUNS[word]] += 2
        if entity.kind == "person":
            self._copula_gender(entity, m)
            first = entity.name.split()[0].lower() if " " in entity.name else ""
            if first in first_name_genders():
                entity.gender_votes[first_name_genders()[first]] += 2  # "Ana Ruiz" is most likely a woman

    def _copula_gender(self, entity: Entity, m: Mention) -> None:
        """``X, 36, is one of Russia's best-known actresses``: a gendered noun after ``is``/``was`` says X's gender."""
        sentence = self.sentences[self.sentence_at(m.start)] if self.sentences else None
        end = sentence.end if sentence is not None else len(self.text)
        rest = self.text[m.end : end]
        copula = re.match(r"(?:\s*,[^,]{1,30},)?\s+(?:is|was)\s+([^.;]{0,80})", rest)
        if copula:
            for word in NAME_WORD_RE.findall(copula.group(1)):
                if word.lower() in GENDERED_NOUNS:
                    entity.gender_votes[GENDERED_NOUNS[word.lower()]] += 2
                    break

    # -- the order of the story ---------------------------------------------------------------------------

    def note(self, entity: Entity, pos: int) -> None:
        """Record that the story refers to ``entity`` at offset ``pos`` (a mention or a resolved reference)."""
        event = (pos, self.sentence_at(pos), entity.id)
        insort(self._events, event)
        insort(self._events_of.setdefault(entity.id, []), event)

    def _recent_at(self, pos: int) -> Iterator[tuple[int, int, Entity]]:
        """(offset, sentence, entity) of each reference before ``pos``, most recent first."""
        for i in range(bisect_left(self._events, (pos, -1, -1)) - 1, -1, -1):
            at, sentence, e = self._events[i]
            yield at, sentence, self.entities[e]

    def _recent(self, pos: int) -> Iterator[tuple[int, Entity]]:
        """(sentence, entity) of each reference before ``pos``, most recent first."""
        for i in range(bisect_left(self._events, (pos, -1, -1)) - 1, -1, -1):
            _, sentence, e = self._events[i]
            yield sentence, self.entities[e]

    def learn_gender_from_pronouns(self) -> None:
        """A sentence opening with he/she after a sentence whose first name is a person says that person's gender."""
        by_sentence: dict[int, tuple[int, int, int]] = {}
        for event in self._events:
            by_sentence.setdefault(event[1], event)
        for k, sentence in enumerate(self.sentences):
            first = re.match(r"\W*(He|She)\b", sentence.text)
            if not first or k - 1 not in by_sentence:
                continue
            entity = self.entities[by_sentence[k - 1][2]]
            if entity.kind == "person":
                entity.gender_votes["m" if first.group(1) == "He" else "f"] += 1

    def link_lede_subject(self) -> None:
        """``A seven-year-old boy told the court ...`` then ``John Howe, whose name ..., described ...``: the person
        a story's first sentence introduces unnamed is the one its second sentence opens by naming."""
        prose = [s for s in self.sentences if s.kind == "prose"][:2]
        lede = _LEDE_SUBJECT.match(prose[0].text) if len(prose) == 2 else None
        if lede is None or not is_person_role(lede.group(1).lower()) or lede.group(1).lower().endswith("s"):
            return
        opener = _OPENING_NAME.match(prose[1].text)
        entity = self.entity_at(prose[1].start, prose[1].start + opener.end(1)) if opener else None
        if (
            entity is None
            or entity.kind != "person"
            or self._named_at.get(entity.id, [prose[1].start])[0] < prose[1].start
        ):
            return
        entity.role_words.add(lede.group(1).lower())
        self._by_noun.setdefault(lede.group(1).lower(), set()).add(entity.id)
        self.note(entity, prose[0].start + lede.start(1))

    def note_unnamed_subjects(self) -> None:
        """``A fiery coach made headlines ... "...," he said``: a sentence whose subject is a person described but
        never named (no one named before, no one described by its noun) introduces an unnamed person, whom later
        pronouns refer to; their quotes get the description, not a name."""
        for sentence in self.sentences:
            if sentence.kind != "prose":
                continue
            found = _UNNAMED_SUBJECT.match(sentence.text)
            if found is None:
                continue
            nouns = found.group(1).split()
            noun = next((w for w in nouns if is_person_role(w) and not w.endswith("s")), "")
            if not noun or nouns.index(noun) < len(nouns) - 2 or _NAMED_AFTER.match(sentence.text, found.end()):
                continue  # "The landlord, Peter Grant, told ...": named after all
            pos = sentence.start + found.start(1)
            if self.followed(pos) is not None or self.resolve_role(noun, False, pos, guess=False):
                continue
            phrase = (
                sentence.text[found.start() : found.start(1)].strip() + " " + " ".join(nouns[: nouns.index(noun) + 1])
            )
            entity = self.anonymous(pos, phrase.strip())
            entity.role_words.add(noun)
            self._by_noun.setdefault(noun, set()).add(entity.id)  # "the coach said" later: them again

    def anonymous(self, pos: int, description: str = "", speaks_for: Entity | None = None) -> Entity:
        """An unnamed person who speaks (``a senior official``, ``one witness``, ``a council spokeswoman``):
        pronouns after it refer to it; its quotes have no speaker but its description, or the organisation it
        ``speaks_for``."""
        entity = Entity(len(self.entities), "", "person", description=description, speaks_for=speaks_for)
        for word in NAME_WORD_RE.findall(description.lower()):
            if word in GENDERED_NOUNS:
                entity.gender_votes[GENDERED_NOUNS[word]] += 2
        self.entities.append(entity)
        self.note(entity, pos)
        return entity  # not indexed: it has no name to be matched by

    def create(self, name: str, kind: SpeakerKind, pos: int) -> Entity:
        """An entity the mention reader could not classify, known now from context (``Smith said``)."""
        for entity in self.entities:
            if entity.name and (name in entity.forms or name == entity.name):
                return entity
        surnamed = self._surname_known(name) if kind == "person" else None
        if surnamed is not None:
            # "Jin Park, a nurse, said" where "Park added" made a person of the surname alone: one person.
            surnamed.name = name
            surnamed.forms.append(name)
            self._index(surnamed)
            self.note(surnamed, pos)
            return surnamed
        short = self._shortened(name) if kind == "organisation" else None
        if short is not None:
            short.forms.append(name)  # "the Fed" of "the Federal Reserve"
            self._index(short)
            self.note(short, pos)
            return short
        entity = Entity(len(self.entities), name, kind, forms=[name])
        self.entities.append(entity)
        self._index(entity)
        self.note(entity, pos)
        return entity

    def _surname_known(self, name: str) -> Entity | None:
        """The one person known so far by the last word of ``name`` alone (``Park`` for ``Jin Park``)."""
        found = [e for e in self.entities if e.kind == "person" and e.name and e.name == name.split()[-1] != name]
        return found[0] if len(found) == 1 else None

    # -- resolving references -----------------------------------------------------------------------------

    def resolve_pronoun(self, gender: str | None, pos: int) -> Entity | None:
        """The person a he/she (``gender`` m/f) at ``pos`` refers to.

        First the first person named in the current sentence before ``pos`` or, failing that, in the previous
        sentences that name anyone (the subject the story is following), when the gender does not clash; then the
        most recent person of the same known gender; then the most recent person of unknown gender.
        """
        followed = self.followed(pos)
        if followed is not None and gender is not None and followed.gender is None:
            # "Ana Ruiz disagrees. Lars Eng visited. "...," she said": the one person of her gender named in these
            # sentences, before someone whose gender is not known.
            followed = self._gendered_nearby(gender, pos) or followed
        if followed is not None and (gender is None or followed.gender in (None, gender)):
            return self._commit(followed, gender)
        latest: Entity | None = None
        unknown: Entity | None = None
        for _, entity in self._recent(pos):
            if entity.kind != "person":
                continue
            if gender is not None and entity.gender == gender:
                return entity
            latest = latest or entity
            if entity.gender is None and unknown is None:
                unknown = entity
        if unknown is not None:
            return self._commit(unknown, gender)
        return None if gender is not None else latest

    def _gendered_nearby(self, gender: str, pos: int) -> Entity | None:
        """The one named person of ``gender`` the story refers to in this sentence or the two before ``pos``."""
        here = self.sentence_at(pos)
        found: dict[int, Entity] = {}
        for _, sentence, e in self._recent_at(pos):
            if sentence < here - 2:
                break
            if e.kind == "person" and e.name and e.gender == gender:
                found[e.id] = e
        return next(iter(found.values())) if len(found) == 1 else None

    def pronoun_doubt(self, entity: Entity, gender: str | None, pos: int) -> float:
        """How much a he/she at ``pos`` resolved to ``entity`` is a guess: another person of a gender that fits
        named in this sentence or the two before, or the person last named more than two sentences back."""
        here = self.sentence_at(pos)
        doubt, last = 0.0, -1
        rivals: set[int] = set()
        for _, sentence, other in self._recent_at(pos):
            if other.id == entity.id:
                last = max(last, sentence)
            elif sentence >= here - 2 and self._could_be(other, gender):
                rivals.add(other.id)
            if sentence < here - 2 and last >= 0:
                break
        if rivals:
            doubt += 0.1
        if last < here - 2:
            doubt += 0.1
        return doubt

    def _could_be(self, entity: Entity, gender: str | None) -> bool:
        """Whether a he/she of ``gender`` could refer to ``entity``: a named person, named outside quotes, of a
        gender that fits."""
        named = entity.kind == "person" and bool(entity.name) and bool(self._named_at.get(entity.id))
        return named and (gender is None or entity.gender in (None, gender))

    def entities_between(self, start: int, end: int) -> list[Entity]:
        """The entities the story refers to in ``[start, end)``."""
        events = self._events[bisect_left(self._events, (start, -1, -1)) : bisect_left(self._events, (end, -1, -1))]
        return [self.entities[e] for _, _, e in events]

    def followed(self, pos: int) -> Entity | None:
        """The person the story is following at ``pos``: the first person named in the current sentence before
        ``pos`` or, failing that, in the nearest of the two previous sentences that names anyone (a sentence wholly
        inside a quote does not count: it names no one the story follows)."""
        here = self.sentence_at(pos)
        window = [here]  # this sentence and the two before it, not counting sentences wholly inside a quote
        k = here - 1
        while k >= 0 and len(window) < 3:
            if not (self.in_quote(self.sentences[k].start) and self.in_quote(self.sentences[k].end - 1)):
                window.append(k)
            k -= 1
        firsts: dict[int, Entity] = {}
        subordinate: dict[int, Entity] = {}  # the first reference inside a sentence's fronted clause
        for at, sentence, entity in self._recent_at(pos):
            if sentence < window[-1]:
                break
            if _PLACE_OBJECT.search(self.text, max(0, at - 12), at) or self._bracketed(at):
                continue  # "taken to County Holding", "a defender (Ivo Lind)": a place, object or aside
            # Overwritten going back, so each ends as the sentence's first reference.
            if at < self._fronted_end(sentence):
                subordinate[sentence] = entity  # "When asked about Lee, the coach said": the coach is followed
            else:
                firsts[sentence] = entity
        for references in (firsts, subordinate):
            for sentence in window:
                if sentence in references:
                    return references[sentence] if references[sentence].kind == "person" else None
        return None

    def _bracketed(self, pos: int) -> bool:
        """Whether ``pos`` stands inside round brackets, an aside the story does not follow."""
        k = bisect_left(self._brackets, (pos + 1, 0)) - 1
        return k >= 0 and self._brackets[k][0] < pos < self._brackets[k][1]

    def _fronted_end(self, k: int) -> int:
        """Where the subordinate clause opening sentence ``k`` ends (``When asked if Lee would play,``), else its
        start."""
        sentence = self.sentences[k]
        fronted = _FRONTED_CLAUSE.match(self.text, sentence.start, sentence.end)
        return fronted.end() if fronted else sentence.start

    def _commit(self, entity: Entity, gender: str | None) -> Entity:
        if gender is not None and entity.gender is None:
            entity.gender_votes[gender] += 1
        return entity

    def organisation_followed(self, pos: int) -> Entity | None:
        """The organisation (not the press) the first reference of this sentence or, failing any, of the one
        before is to: whom a bare ``a spokeswoman`` there speaks for."""
        first = self._first_reference(pos)
        if first is None:
            return None
        entity = first[1]
        return entity if entity.kind == "organisation" and not entity.is_media else None

    def _first_reference(self, pos: int) -> tuple[int, Entity] | None:
        """(offset, entity) of the first reference in this sentence or, failing any, in the one before."""
        here = self.sentence_at(pos)
        first: dict[int, tuple[int, Entity]] = {}
        for at, sentence, entity in self._recent_at(pos):
            if sentence < here - 1:
                break
            first[sentence] = (at, entity)  # overwritten going back: each ends as its sentence's first reference
        for sentence in (here, here - 1):
            if sentence in first:
                return first[sentence]
        return None

    def resolve_organisation_pronoun(self, pos: int) -> Entity | None:
        """``it said``: the organisation this sentence or the one before is about (its first reference, unless a name
        only qualifies a noun there: ``the Acme case``), else the most recent organisation that is not the press
        (``Acme sued Borex. It said ...``: Acme)."""
        followed = self.organisation_followed(pos)
        first = self._first_reference(pos)
        if followed is not None and first is not None and not self._qualifies_a_noun(first[0], followed):
            return followed
        for _, entity in self._recent(pos):
            if entity.kind == "organisation" and not entity.is_media:
                return entity
        return None

    def _qualifies_a_noun(self, at: int, entity: Entity) -> bool:
        """The name of ``entity`` written at ``at`` is followed by a common noun it qualifies (``the Acme case``)."""
        form = max((f for f in entity.forms if self.text.startswith(f, at)), key=len, default="")
        after = _WORD_AFTER.match(self.text, at + len(form)) if form else None
        if after is None:
            return False
        sentence = self.sentences[self.sentence_at(at)]
        return tagger.tag_at(sentence.text, after.start(1) - sentence.start) in ("NN", "NNS")

    def salient_organisation(self, pos: int, noun: str = "") -> Entity | None:
        """``the company said``: the organisation (not the press) the story named most often before ``pos``, the
        most recently named on a tie; a firm cited once for a figure is not the company the story is about. A
        ``noun`` for a business or a public body leaves out organisations of the other sort."""
        best: tuple[int, int] | None = None
        found: Entity | None = None
        for entity in self.entities:
            if entity.kind != "organisation" or entity.is_media or not _sort_fits(noun, entity):
                continue
            named = self._named_at.get(entity.id, [])
            n = bisect_left(named, pos)
            if n and (best is None or (n, named[n - 1]) > best):
                best, found = (n, named[n - 1]), entity
        return found

    def sole_organisation(self, pos: int, noun: str = "") -> Entity | None:
        """``the department wrote``: the organisation (not the press), when the story has named only one before
        ``pos`` (only one public body for a public body's ``noun``: ``the authority`` beside a developer)."""
        named = [
            e
            for e in self.entities
            if e.kind == "organisation" and not e.is_media and self._named_at.get(e.id, [pos])[0] < pos
        ]
        fits = [e for e in named if _sort_fits(noun, e)]
        if noun in BODY_SORTS and any(_initials_only(e) for e in named if e not in fits):
            return None  # "the agency" after "the FBI" and a department: initials may stand for a body of any sort
        return fits[0] if len(fits) == 1 else None

    def organisation_named_next(self, noun: str, pos: int) -> Entity | None:
        """``Police say ...`` then ``According to Halden Police, ...``: the organisation with the noun in its name
        that the story names first within the next two sentences."""
        here = self.sentence_at(pos)
        for i in self._by_noun.get(noun, ()):
            entity = self.entities[i]
            events = self._events_of.get(i, [])
            if entity.kind == "organisation" and events and pos < events[0][0] and events[0][1] <= here + 2:
                return entity
        return None

    def call(self, entity: Entity, noun: str) -> None:
        """The story has called ``entity`` by ``noun`` (``the company``): the noun refers to it again later."""
        entity.role_words.add(noun)
        self._by_noun.setdefault(noun, set()).add(entity.id)

    def resolve_role(self, noun: str, organisation: bool, pos: int, guess: bool = True) -> Entity | None:
        """``the minister``/``the company``: the most recent entity the story described with that noun.

        A person's role noun with no match resolves to the person the story follows when ``guess`` is true (it is
        false for an office written with a capital, ``the Prime Minister``: a person of its own), and an
        organisation noun with no match to nobody.
        """
        noun = noun.lower()
        # The most recent reference to any entity the noun fits: each candidate's latest event before ``pos``
        # (found by bisection in its own events), rather than a walk back through the whole story.
        latest: tuple[int, int, int] | None = None
        for i in self._by_noun.get(noun, ()):
            entity = self.entities[i]
            named = noun in (w.lower() for w in entity.name.split()) or noun in entity.role_words
            fits = (organisation and entity.kind == "organisation" and named) or (
                not organisation and entity.kind == "person" and noun in entity.role_words
            )
            events = self._events_of.get(i, [])
            k = bisect_left(events, (pos, -1, -1)) - 1
            if fits and k >= 0 and (latest is None or events[k] > latest):
                latest = events[k]
        if latest is not None:
            return self.entities[latest[2]]
        if guess and not organisation and not noun.endswith("s"):
            # "the striker said", "the 27-year-old said": no one was described so; take the person followed.
            return self.followed(pos)
        return None

    def introduced_next(self, noun: str, pos: int) -> Entity | None:
        """``..., the foreign minister said.`` then ``Foreign Minister Omar Haddad told ...``: a wire lede's role
        noun names the person the next two sentences introduce with it."""
        here = self.sentence_at(pos)
        for i in self._by_noun.get(noun, ()):
            entity = self.entities[i]
            events = self._events_of.get(i, [])
            first = events[0] if events else None
            if (
                entity.kind == "person"
                and noun in entity.role_words
                and first
                and pos < first[0]
                and first[1] <= here + 2
            ):
                return entity
        return None

    def named_later(self, noun: str, pos: int) -> Entity | None:
        """``A city hall spokeswoman says ...`` then, later, ``spokeswoman Ana Ruiz``: the one person the
        story introduces after ``pos`` with that role noun, and none before (None when it introduces two)."""
        described = [e for e in self.entities if e.kind == "person" and e.name and noun in e.role_words]
        if len(described) != 1:
            return None
        events = self._events_of.get(described[0].id, [])
        return described[0] if events and events[0][0] > pos else None

    def focus(self, pos: int) -> Entity | None:
        """The person the story was last about before ``pos``."""
        for _, entity in self._recent(pos):
            if entity.kind == "person":
                return entity
        return None

    def entity_at(self, start: int, end: int) -> Entity | None:
        """The entity of the mention that starts inside ``[start, end)``, if any."""
        if self._starts_ascending and len(self._mention_starts) == len(self.mention_entity):
            k = bisect_left(self._mention_starts, start)
            if k < len(self._mention_starts) and self._mention_starts[k] < end:
                return self.mention_entity[self._mention_starts[k]]
            return None
        for pos, entity in self.mention_entity.items():
            if start <= pos < end:
                return entity
        return None


# The lowercase word right after a name: "case" of "the Acme case".
_WORD_AFTER = re.compile(r"[^\S\n]+([a-z][a-z\-]*)\b")


@cache
def first_name_genders() -> dict[str, str]:
    """Lowercase first names borne mostly (ten to one) by men (``m``) or by women (``f``): the US census lists of
    first names with their frequencies among men and among women, which the ``names`` package ships."""
    share: dict[str, dict[str, float]] = {"m": {}, "f": {}}
    for gender, key in (("m", "first:male"), ("f", "first:female")):
        with open(census_names.FILES[key], encoding="ascii") as lines:
            for line in lines:
                name, percent = line.split()[:2]
                share[gender][name.lower()] = float(percent)
    genders = {}
    for name in share["m"].keys() | share["f"].keys():
        men, women = share["m"].get(name, 0.0), share["f"].get(name, 0.0)
        if men > 10 * women or women > 10 * men:
            genders[name] = "m" if men > women else "f"
    return genders


# The noun a possessive name qualifies, past one modifier: "'s sister", "'s plan", "'s former lawyer".
_POSSESSED = re.compile(r"['\u2019]s?\s+(?:[a-z][\w\-]*\s+)?([a-z][\w\-]*)\b(?!['\u2019])")
# An aside in round brackets: "a defender (Ivo Lind)".
_BRACKETS = re.compile(r"\([^()\n]{1,200}\)")
# A capitalised possessive right before a name: "Acme's ", "Halden Post's ".
_POSSESSOR_BEFORE = re.compile(r"[A-Z][\w.&\-]*['\u2019]s?\s+$")
# Between a company's name and its ticker: " (", " (NASDAQ: ".
_BRACKET_OPEN = re.compile(r"\s*\(\s*")
_TICKER_GAP = re.compile(r"\s*\(\s*(?:[A-Z][A-Za-z]*\s*:\s*)?")
_EXCHANGE_COLON = re.compile(r"\s*:\s*[A-Z]")
# A subordinate or participle clause opening a sentence, up to its comma: "When asked if X would play, ".
_FRONTED_CLAUSE = re.compile(
    r"\W*(?:[A-Z][a-z]+ing|When|After|Before|While|Asked|As|If|Although|Though|Since|Once|Until|Unless)\s"
    r"[^,;:\n\"\u201c\u201d]{1,150},\s"
)
# A story opening with an unnamed person: "A SEVEN-YEAR-OLD boy watched", "A 35-year-old man has been".
_LEDE_SUBJECT = re.compile(r"\W*(?:A|An)\s+(?:[\w\-]+\s+){0,2}?([A-Za-z]+)\s+(?=[a-z])")
# A sentence opening with a name set off by a comma: "John Howe, whose name ...".
_OPENING_NAME = re.compile(r"\W*((?:[A-Z][\w'\u2019\-]*\s+){1,3}?[A-Z][\w'\u2019\-]*),")
# After an unnamed person's noun: their name ("The landlord, Peter Grant,") or the body they speak for ("A spokesperson
# for Halden Council"), which the quote reader resolves.
_NAMED_AFTER = re.compile(r",\s+[A-Z]|\s+(?:for|at|with|from|of)\s+(?:the\s+)?[A-Z]")
# A clause opening with an unnamed person: "A fiery coach made", "The coach, known for ..., reacted".
_UNNAMED_SUBJECT = re.compile(r"\W*(?:The|A|An)\s+((?:[a-z][\w\-]*\s+){0,2}[a-z][\w\-]*)(?=,|\s+[a-z])")
# A preposition of place or motion right before a name: "taken to County Holding", "from Halden Hospital".
_PLACE_OBJECT = re.compile(r"(?<!according)\s(?:to|into|at|from|near|inside|outside|towards?)\s(?:the\s)?$", re.I)


def _named_in_prose(m: Mention, prose_names: set[str]) -> bool:
    """Whether the prose names ``m`` of a heading too: by the same words, or a person by the surname alone (a
    headline's ``Ana Ruiz``, then ``Ruiz said``)."""
    if m.text in prose_names:
        return True
    words = m.tokens
    return (
        m.kind == "person"
        and len(words) in (2, 3)
        and words[0].lower() in first_name_genders()
        and (words[-1] in prose_names)
    )


def _sort_fits(noun: str, entity: Entity) -> bool:
    """Whether an organisation noun (``the council``, ``the company``) can refer to ``entity``: a public body's noun
    to a body of its own sort (``BODY_SORTS``), a business's noun to any organisation whose name says it is not
    public."""
    named = {w.lower() for form in (entity.name, *entity.forms) for w in _name_words(form)}
    sort = BODY_SORTS.get(noun)
    if sort is not None:
        return not sort.isdisjoint(named)
    return named.isdisjoint(PUBLIC_BODY_WORDS) if noun in GENERIC_ORGANISATIONS else True


def _initials_only(entity: Entity) -> bool:
    """Whether the story calls an organisation only by its initials (``the HWA``): its sort is unknown."""
    return all(form.isupper() and " " not in form for form in (entity.name, *entity.forms))


def _sorts(*rows: tuple[str, str]) -> dict[str, frozenset[str]]:
    return {noun: words(names) for nouns, names in rows for noun in nouns.split()}


# Each public body's noun and the words one of the bodies it can mean has in its name: "the council" is a council
# or an assembly, never a court; "the ministry" and "the department" are each other's (British and American usage);
# American stories call departments, services, offices and commissions "the agency" too, but "the bureau" or "the
# commission" only a body so named. A noun with no body of its sort named gets none (an unnamed source).
BODY_SORTS = _sorts(
    ("council assembly", "council assembly"),
    ("court tribunal", "court tribunal"),
    ("government cabinet executive", "government administration cabinet executive"),
    ("administration", "administration"),  # a president's, never a foreign government
    ("ministry", "ministry department"),
    ("department", "ministry department police fire"),  # American police and fire forces are departments
    (
        "agency regulator watchdog",
        "agency authority bureau commission service services office department administration",
    ),
    ("authority", "authority council"),  # a British council is a local authority
    ("bureau", "bureau"),
    ("commission", "commission"),
    ("service", "service services"),
    ("police constabulary", "police constabulary"),  # "police" is no investigations unit
)
# Words that make an organisation's name a public body's: a business's noun ("the company") is none of them.
PUBLIC_BODY_WORDS = frozenset().union(*BODY_SORTS.values()) | words("parliament senate congress sheriff")


def organisation_noun_before(text: str, start: int) -> str:
    """``Developer Acme Homes``, ``the carmaker Halvor``: the organisation noun (lowercase) written right before the
    name starting at ``start``, else ``""``."""
    before = _NOUN_BEFORE.search(text, max(0, start - 30), start)
    word = before.group(1).lower() if before else ""
    return word if is_organisation_role(word) and not is_person_role(word) and word not in _NOT_APPOSED else ""


# The word right before a name, in the same sentence.
_NOUN_BEFORE = re.compile(r"(?<![\w'\u2019])([A-Za-z][a-z\-]+) $")
# Organisation nouns that qualify rather than name what follows: "court Judge Ana Ruiz", "police Sgt Ana Ruiz".
_NOT_APPOSED = words("court police office party service army military exchange trust fund label brand")


def _is_apposition(phrase: str) -> bool:
    """``the authority's director``, ``regional secretary of X``: a noun phrase naming a role, not a clause."""
    words = [w.lower() for w in NAME_WORD_RE.findall(phrase)]
    if not words or words[0] in ALL_VERBS or words[0] in ("who", "which", "whose", "where", "when"):
        return False
    if any(w in SPEECH_VERBS for w in words[1:]):
        return False  # "a police spokesperson said the accused, Ikkar, ...": a clause, no apposition of Ikkar
    if words[0] in ("a", "an", "the", "one") or re.match(r"\w+['\u2019]s?$", words[0]):
        return any(is_person_role(w) or is_organisation_role(w) for w in words[:6])
    # No determiner: "regional secretary of X", "chief executive", but not a verb phrase like "met union leaders".
    return any(is_person_role(w) and not w.endswith("s") for w in words[:3])


def _title_description(title: str) -> str:
    """``Acme CEO`` describes its holder as ``Acme's CEO``; other titles as written (``Appeals Court Judge``)."""
    words = title.split()
    k = len(words)
    while k > 0 and words[k - 1].lower().rstrip(".") in TITLES:
        k -= 1
    owner = words[:k]
    if (
        owner
        and k < len(words)
        and words[-1].lower() in OFFICERS
        and (len(owner) == 1 or owner[-1].lower() in ORGANISATION_WORDS)
    ):
        return f"{' '.join(words[:k])}'s {' '.join(words[k:])}"
    return title


def _shared_surname(text: str, m: Mention, following: Mention | None) -> str:
    """``Tom and Ana Okafor``: the surname a lone first name shares with the full name joined to it by
    ``and``, else ``""``."""
    if following is None or m.kind != "unknown" or len(m.tokens) != 1 or m.text.lower() in STOPWORDS:
        return ""
    if following.kind != "person" or len(following.tokens) != 2 or text[m.end : following.start] != " and ":
        return ""
    return following.tokens[-1]


def _names_again(m: Mention, entity: Entity) -> bool:
    """Whether mention ``m`` names ``entity`` again: one of its forms, its surname (``Park`` of ``John Park``), its
    name with an initial, a shorter or longer form of an organisation's name, or its initials (``NWA``)."""
    words = m.tokens
    if any(m.text == f for f in entity.forms or [entity.name]):
        return True
    full = entity.name.split()
    if entity.kind == "person" and m.kind != "organisation":
        if len(words) == 1 and (words[0] == full[-1] or (_first_name_title(m) and words[0] == full[0])):
            return True  # "Park" of "John Park", "Sir Tom" of "Sir Tom Ash"
        if len(words) > 1 and len(full) > 1 and words[-1] == full[-1] and _initial_match(words[0], full[0]):
            return True
        if _called_by(words, full) or _called_by(full, words):
            return True  # "Tan" of "Tony Tan Keng Yam"; a headline's "Ruiz", then "Ana Ruiz"
    extends = len(words) > len(full) >= 2 and words[: len(full)] == full
    if entity.kind == "person" and m.kind == "organisation" and extends:
        entity.kind = "organisation"  # a headline's "Acme Tools", then "Acme Tools Inc."
        return True
    if entity.kind != "organisation" or m.kind == "person":
        return False
    if len(words) < len(full) and full[: len(words)] == words:
        return True
    if len(words) > len(full) and words[: len(full)] == full:
        return True
    if len(words) == 1 and _is_acronym_of(words[0], full):
        return True
    return len(words) == 1 and words[0] in full and is_organisation_role(words[0].lower())  # "the Bank", "Council"


# Generational suffixes written after a surname: "Harry B. Harris Jr".
_NAME_SUFFIXES = frozenset({"Jr", "Jr.", "Sr", "Sr.", "II", "III", "IV"})


def _called_by(lone: list[str], full: list[str]) -> bool:
    """Whether a person named ``full`` is called ``lone`` alone by a family name: the last word before a suffix
    (``Harris`` of ``Harry B. Harris Jr``), or, in a name of three words or more, a word between the first and the
    last that is no initial and no first name (``Tan`` of ``Tony Tan Keng Yam``, ``Acosta`` of ``Melba Acosta
    Febo``)."""
    if len(lone) != 1 or len(full) < 2:
        return False
    words = full[:-1] if len(full) > 2 and full[-1] in _NAME_SUFFIXES else full
    if lone[0] == words[-1]:
        return True
    middle = words[1:-1]
    return lone[0] in middle and len(lone[0]) > 1 and lone[0].lower() not in first_name_genders()


def _shortened(short: str, name: str) -> bool:
    """``Fed`` of ``Federal Reserve``: one word of at least three letters that begins the name's first word."""
    words = name.split()
    return len(words) > 1 and " " not in short and len(short) >= 3 and words[0].startswith(short) and words[0] != short


def _first_name_title(m: Mention) -> bool:
    """``Sir Tom``, ``Dame Ida``: these titles go with the first name."""
    return m.title.split()[-1].lower() in ("sir", "dame") if m.title else False


def _initials(words: list[str]) -> str:
    return "".join(w[0] for w in words if w[0].isupper())


def _is_acronym_of(word: str, name: list[str]) -> bool:
    """``NWA`` of ``Northgate Water Authority``, ``BoE`` of ``Bank of England``: the capitals of a short word are the
    initials of the name's capitalised words."""
    capitals = "".join(c for c in word if c.isupper())
    return len(capitals) > 1 and len(word) <= 6 and word[0].isupper() and capitals == _initials(name)


def _initial_match(a: str, b: str) -> bool:
    a, b = a.rstrip("."), b.rstrip(".")
    return a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b))


def _name_words(name: str) -> list[str]:
    words = [POSSESSIVE.sub("", w) for w in NAME_WORD_RE.findall(name)]
    while len(words) > 1 and words[0].lower().rstrip(".") in TITLES:
        words = words[1:]
    return [w for w in words if w]


POSSESSIVE = re.compile(r"['\u2019]s?$")


def same_speaker(name_a: str, name_b: str, others: tuple[str, ...] | list[str] = ()) -> bool:
    """Whether two speaker names (from the same or different articles) name the same speaker.

    Equal names (titles, case and possessives aside) match; ``Ivanov`` matches ``Dmitri Ivanov`` and
    ``D. Ivanov`` matches ``Dmitri Ivanov`` (same surname, compatible first name); ``Halden`` matches
    ``Halden Space Agency`` and ``NWA`` matches ``Northgate Water Authority``. A lone surname or word is ambiguous,
    and matches nothing, when two of ``others`` (the other known names) would match it differently.
    """
    a, b = _name_words(name_a), _name_words(name_b)
    if not a or not b:
        return False
    la, lb = [w.lower() for w in a], [w.lower() for w in b]
    if la == lb:
        return True
    if len(a) > 1 and len(b) > 1:
        return la[-1] == lb[-1] and _initial_match(la[0], lb[0])
    short, long_ = (a, b) if len(a) == 1 else (b, a)
    word = short[0]
    if _is_acronym_of(word, long_):
        return True
    organisation = any(w.lower() in ORGANISATION_WORDS for w in long_)
    slot = long_[0] if organisation else long_[-1]
    if word.lower() != slot.lower():
        return False
    this = " ".join(w.lower() for w in long_)
    rivals = {" ".join(_name_words(o)).lower() for o in others if len(_name_words(o)) > 1 and same_speaker(word, o)}
    rivals.discard(this)
    return not rivals
