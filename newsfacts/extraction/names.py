"""Names in running text: capitalised word sequences read as people, organisations, or neither.

A rule-based reader, no model: titles ("Dr.", "President") are stripped and say a person; organisation words
("Agency", "Ltd", "Council of ...") and acronyms say an organisation; place words and a leading "the" say neither.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Literal

from newsfacts.extraction.cues import (
    ABBREVIATED_TITLES,
    ALL_VERBS,
    APOSTROPHES,
    DEMONYMS,
    NEWS_AGENCIES,
    OFFICES,
    ORGANISATION_LAST_WORDS,
    ORGANISATION_WORDS,
    PLACE_WORDS,
    POSTNOMINALS,
    PREPOSITIONS,
    STOPWORDS,
    TITLES,
    is_organisation_role,
    is_person_role,
    is_rank_abbreviation,
    words,
)
from newsfacts.extraction.sentences import Sentence

NameKind = Literal["person", "organisation", "unknown"]

WORD_RE = re.compile(r"[^\W\d_](?:[\w'\u2019\-]*[\w'\u2019])?", re.UNICODE)
# A verb glued to the name before it by scraping: "the Heraldsaid" reads "Herald said".
# Only verbs no common word ends in after a capitalised prefix ("Overstated", "Untold" and "Misreported" stay whole).
GLUED_VERBS = ("said", "says", "told", "added", "reported")
GLUED_VERB = re.compile(r"(?!(?:Over|Under|Mis|Fore|Un)[a-z]+$)([A-Z][a-z]{2,})(" + "|".join(GLUED_VERBS) + ")")
POSSESSIVE_RE = re.compile(r"['\u2019]s?$")
# Lowercase particles inside people's names and connectors inside organisations' names.
NAME_PARTICLES = words("de van von der den da di du le la bin ibn al el dos das del")
ORGANISATION_CONNECTORS = frozenset({"of", "for", "and", "on"})
PLACE_PREPOSITIONS = words("at in from near into across outside inside towards toward around")
# Company suffixes written with a full stop that belongs to the name: "Acme Tools Inc.".
COMPANY_ABBREVIATIONS = words("inc corp co ltd bros assn")
# "the campaign group Clean Air Now": a name right after these nouns is an organisation.
ORGANISATION_HEADS = words("group company firm agency newspaper paper network party")
# A name after these is a thing or a place ("the Second World War", "at Canary Wharf"), not a person.
DETERMINERS_AND_PLACES = frozenset({"the", "a", "an", *PLACE_PREPOSITIONS})


@dataclass(frozen=True, slots=True)
class Mention:
    """A name as written in the text (title and possessive stripped), with what the context says of it."""

    start: int
    end: int
    text: str
    kind: NameKind
    title: str = ""  # a title or honorific written before the name: "Dr.", "President"
    role: str = ""  # lowercase role words right before the name: "chief executive", "retired engineer"
    possessive: bool = False
    in_title: bool = False  # the body opening a person's title ("Halden Police" of "Halden Police Chief Ana Ruiz")

    @property
    def tokens(self) -> list[str]:
        return self.text.split()


class _Token:
    """A word of the text with its offsets; ``bare`` is the word without a trailing full stop or possessive.

    A plain class with slots rather than a dataclass: an article has some ten thousand tokens, and one call to build
    each (not an ``__init__`` and a ``__post_init__``) is a tenth of the name reader's time."""

    __slots__ = ("bare", "end", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start, self.end, self.text = start, end, text
        word = text.rstrip(".")
        self.bare = POSSESSIVE_RE.sub("", word) if "'" in word or "\u2019" in word else word

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper()


def _tokens(text: str) -> list[_Token]:
    tokens = []
    for m in WORD_RE.finditer(text):
        word = m.group()
        start, end = m.span()
        glued = GLUED_VERB.fullmatch(word) if word[0].isupper() and word.endswith(GLUED_VERBS) else None
        if glued:
            split = start + glued.start(2)
            tokens.append(_Token(start, split, glued.group(1)))
            tokens.append(_Token(split, end, glued.group(2)))
            continue
        # A full stop belongs to the word only for abbreviated titles ("Dr.") and initials ("J.").
        initial = len(word) == 1 and word.isupper()
        if text[end : end + 1] == "." and (initial or _abbreviation(word)):
            word, end = word + ".", end + 1
        if initial and tokens and tokens[-1].end == start and _joins_initials(text, tokens[-1], end):
            tokens[-1] = _Token(tokens[-1].start, end, tokens[-1].text + word)  # "T.M. Okafor": one token of initials
            continue
        tokens.append(_Token(start, end, word))
    return tokens


def _abbreviation(word: str) -> bool:
    low = word.lower()
    return low in ABBREVIATED_TITLES or low in COMPANY_ABBREVIATIONS


_INITIALS = re.compile(r"(?:[A-Z]\.)+")
# Initials before a capitalised word ("T.M. Okafor", "U.S. State Department"), not a region after a place and a comma
# ("Halden, N.H., on Tuesday", "Halden, N.J. Ana Ruiz, ...").
_NAME_NEXT = re.compile(r" [A-Z]")
_AFTER_PLACE = re.compile(r"[A-Z][\w\-]*,\s*$")


def _joins_initials(text: str, previous: _Token, end: int) -> bool:
    """Whether the initial ending at ``end`` goes with the initials of ``previous`` written without a space."""
    if not _INITIALS.fullmatch(previous.text) or not _NAME_NEXT.match(text, end):
        return False
    return _AFTER_PLACE.search(text, max(0, previous.start - 40), previous.start) is None


def _sentence_starts(text: str, sentences: list[Sentence]) -> set[int]:
    starts = set()
    for s in sentences:
        i = s.start
        while i < s.end and not (text[i].isalnum()):
            i += 1
        starts.add(i)
    return starts


def _organisation_follows(text: str, tokens: list[_Token], k: int) -> bool:
    """``Halden and Mill Vale District Council``: the capitalised words from token ``k`` end in an organisation word."""
    while k < len(tokens) and _is_name_word(tokens[k]):
        if tokens[k].bare.lower() in ORGANISATION_WORDS:
            return True
        if k + 1 >= len(tokens) or text[tokens[k].end : tokens[k + 1].start] != " ":
            return False
        k += 1
    return False


def _and_goes_on(group: list[_Token]) -> bool:
    """Whether ``and`` after ``group`` goes on inside one name (``Halden and Mill Vale District Council``,
    ``Institute for Transport and Regional Planning``): after a lone word that is no acronym, or inside the part
    after a connector; not after a name complete in itself (``Halden Tools and Acme Group``: two companies) or an
    acronym (``07:00 BST and Halden County Council``)."""
    words = [t for t in group if t.text.lower() not in ("the", "a", "an")]
    if any(t.text.lower() in ORGANISATION_CONNECTORS for t in words[1:]):
        return True
    return len(words) == 1 and not words[0].bare.isupper()


_POSSESSIVE_ENDINGS = tuple(f"{a}s" for a in APOSTROPHES) + tuple(APOSTROPHES)


def _possessive(tok: _Token) -> bool:
    """``Smith's``, ``the workers'``: a possessive ends a name, except before a company suffix (``Kohl's Corp.``)."""
    return tok.text.endswith(_POSSESSIVE_ENDINGS)


def _owned_name_goes_on(tok: _Token) -> bool:
    """After a possessive, a company suffix or an organisation word goes on with the name: ``Kohl's Corp.``, ``the
    Halden County Sheriff's Office``, ``Children's Hospital``."""
    low = tok.bare.lower()
    return low in COMPANY_ABBREVIATIONS or (tok.capitalised and low in ORGANISATION_WORDS)


def _is_name_word(tok: _Token) -> bool:
    word = tok.bare
    if "-" in word and (_PARTICLE_NAME.fullmatch(word) or _SYLLABLE_NAME.fullmatch(word)):
        return True  # "al-Haddad", "el-Sayed": a surname with its particle; "Sung-ho", "Min-ji": a given name
    if not word or not word[0].isupper():
        return False
    # "Moscow-based", "Post-war": a hyphenated compound with a lowercase part is an adjective, not a name.
    return not any(part and part[0].islower() for part in word.split("-")[1:])


# A surname written with its lowercase particle and a hyphen: "al-Haddad", "bin-Omar", "el-Sayed".
_PARTICLE_NAME = re.compile(r"(?:al|el|ad|ash|as|at|an|bin|ibn|abu|abd|ben)-[A-Z][a-z]+")

# A romanised given name of two syllables, the second in lowercase: "Sung-ho", "Min-ji", "Tae-woon" (not "Post-war",
# "Pro-life", "Self-made": English words end otherwise).
_SYLLABLE_NAME = re.compile(r"[A-Z][a-z]{1,4}-[bcdghjklmnprstwy]{0,2}[aeiouy]{1,3}(?:ng|n)?")


def _lowercase_vocabulary(tokens: list[_Token]) -> set[str]:
    return {t.text.lower() for t in tokens if t.text[0].islower()}


_LINE_BREAK = re.compile("\n")


def find_mentions(text: str, sentences: list[Sentence]) -> list[Mention]:
    """Return the name mentions of ``text`` in order; headings, captions and credits are read too."""
    tokens = _tokens(text)
    acronyms = _acronyms_spelled_out(text, tokens)
    lowercase = _lowercase_vocabulary(tokens) - acronyms  # "WHO" of "World Health Organization" is no "who"
    starts = _sentence_starts(text, sentences)
    # A line break inside a sentence is a wrap: "Sgt. Ana\nRuiz" is one name.
    wrapped = {s.start + m.start() for s in sentences if "\n" in s.text for m in _LINE_BREAK.finditer(s.text)}
    mentions: list[Mention] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        # most words are lowercase and unhyphenated: no name word (``_is_name_word``), passed over without a call
        if not (tok.text[0].isupper() or "-" in tok.bare) or not _is_name_word(tok):
            i += 1
            continue
        j = i + 1
        group = [tok]
        while j < len(tokens) and (not _possessive(group[-1]) or _owned_name_goes_on(tokens[j])):
            gap = text[group[-1].end : tokens[j].start]
            nxt = tokens[j]
            if gap == "\n" and group[-1].end in wrapped:
                gap = " "
            if (gap in (" ", "-") or (gap == " & " and len(group) == 1)) and _is_name_word(nxt):
                group.append(nxt)
                j += 1
                continue
            if gap == ". " and group[-1].text.lower() in ABBREVIATED_TITLES and _is_name_word(nxt):
                group.append(nxt)
                j += 1
                continue
            # "Bank of England", "Office for Budget Responsibility", "Ursula von der Leyen".
            if gap == " " and j + 1 < len(tokens) and text[nxt.end : tokens[j + 1].start] == " ":
                low = nxt.text.lower()
                has_org_word = _has_organisation_word(group) or (
                    low == "and" and _organisation_follows(text, tokens, j + 1) and _and_goes_on(group)
                )
                if low == "and" and any(_is_title(g) for g in group):
                    has_org_word = False  # "Director Tom Ash and Medical Director Ana Ruiz": two people
                if (low in ORGANISATION_CONNECTORS and has_org_word and _is_name_word(tokens[j + 1])) or (
                    low in NAME_PARTICLES and _is_name_word(tokens[j + 1])
                ):
                    group.extend([nxt, tokens[j + 1]])
                    j += 2
                    continue
            break
        mention = _read_group(text, tokens, i, group, starts, lowercase, acronyms)
        if mention is not None:
            mentions.extend(_with_title_owner(text, _as_body(text, mention), lowercase))
        i = j
    return mentions


def _with_title_owner(text: str, mention: Mention, lowercase: set[str]) -> list[Mention]:
    """``Halden Police Deputy Superintendent of Police Ravi Menon``: the body opening a person's title is named
    there too (``police said`` later is Halden Police), before the person; not after an ordinary word written with
    a capital (``Retired Army Col. Ana Ruiz``)."""
    first = mention.title.split(" ")[0].lower()
    if mention.kind != "person" or not mention.title or first in lowercase or first.endswith("ed"):
        return [mention]
    at = text.rfind(mention.title, max(0, mention.start - 200), mention.start)
    words = mention.title.split(" ")
    for k in range(1, min(len(words) - 1, 4)):
        body = words[k].lower() in ORGANISATION_WORDS and words[k].lower() != "press"  # "Press Secretary": a title
        named = all(w[:1].isupper() and not _is_title_word(w) for w in words[: k + 1])
        office = _is_title_word(words[k + 1]) or is_person_role(words[k + 1].lower())  # "Police Commander"
        if body and named and office and at >= 0:
            owner = " ".join(words[: k + 1])
            return [Mention(at, at + len(owner), owner, "organisation", in_title=True), mention]
    return [mention]


def _is_title_word(word: str) -> bool:
    return word.lower().rstrip(".") in TITLES or is_rank_abbreviation(word)


def _as_body(text: str, mention: Mention) -> Mention:
    """``Halden police``, ``the Kenyan government``, ``Halden council``: a place's force, government or council, an
    organisation named in lowercase."""
    if mention.kind == "person":
        return mention
    body = _LOWERCASE_BODY.match(text, mention.end)
    if body is not None:
        return replace(mention, end=body.end(), text=text[mention.start : body.end()], kind="organisation")
    return mention


_LOWERCASE_BODY = re.compile(r" (?:police|government|council)\b(?!['\u2019])")


def _read_group(
    text: str,
    tokens: list[_Token],
    index: int,
    group: list[_Token],
    starts: set[int],
    lowercase: set[str],
    acronyms: set[str],
) -> Mention | None:
    """Strip sentence-initial common words and titles from a capitalised group and classify what is left."""
    possessive = bool(POSSESSIVE_RE.search(group[-1].text)) and group[-1].text[-1] in "s" + APOSTROPHES
    dropped = 0
    if not _first_name_like_a_month(text, tokens, index, group, starts):
        group, dropped = _drop_ordinary_openers(group, starts, lowercase, acronyms)
    if not group:
        return None
    title, group = _split_title(text, group)
    group = _without_party(group)
    group = _drop_trailing(group, acronyms)
    if len(group) == 1 and group[0].bare.lower() in DEMONYMS:
        return None  # "the Spaniard said": a role noun written with a capital
    if not group or _is_office(group) or _rank_of_office(title, group):
        return None  # "Federal Minister", "Prime Minister", "Assistant Chief Constable": a title without a name
    start, end = group[0].start, group[-1].start + len(group[-1].bare)
    if group[-1].text.endswith(".") and group[-1].bare.lower() in COMPANY_ABBREVIATIONS:
        end = group[-1].end  # "Acme Tools Inc.": the full stop is part of the name
    before = _words_before(text, tokens, index + dropped, 3)
    kind = _kind(text, start, end, [g.bare for g in group], before, lowercase, bool(title))
    if kind is None:
        return None
    name = text[start:end].replace("\n", " ")  # a name wrapped onto the next line
    return Mention(start, end, name, kind, title=title, role=_role_before(before), possessive=possessive)


# First names that are also months or a modal verb, and so function words to the name reader ("Jan", "June", "Will").
_FIRST_NAMES_AS_WORDS = frozenset({"Jan", "June", "April", "May", "Will"})


def _first_name_like_a_month(
    text: str, tokens: list[_Token], index: int, group: list[_Token], starts: set[int]
) -> bool:
    """``chairman Jan Berry``, ``said June Okafor``: a first name that is also a month or "will", before a surname
    and inside a sentence after a word that no date or verb follows (not ``in May Ruiz``, ``the Sun Herald``)."""
    if len(group) < 2 or group[0].text not in _FIRST_NAMES_AS_WORDS or group[0].start in starts:
        return False
    if not group[1].text[0].isupper() or group[1].bare.lower() in STOPWORDS or _has_organisation_word(group):
        return False
    if _AFTER_A_QUOTE.search(text, max(0, group[0].start - 4), group[0].start):
        return True  # '"We will," Will Ames said': the attribution after a quote
    before = _words_before(text, tokens, index, 1)
    return bool(before) and before[0].isalpha() and before[0] not in _BEFORE_A_DATE and before[0] not in STOPWORDS


# The end of a quote that an attribution follows: a comma, "?" or "!" and a closing mark (two single ones in some copy).
_AFTER_A_QUOTE = re.compile(r"[,?!][\u201d\u2019'\"]{1,2}[^\S\n]+$")


# Words a month or a day follows: "in May", "last June", "by April".
_BEFORE_A_DATE = PREPOSITIONS | words("last next early late mid since until by of on in from through")

# Party words written before a politician's name: "Tory Liam Fox", "Republican Ana Ruiz".
_PARTY_WORDS = frozenset({"Tory", "Labour", "Conservative", "Democrat", "Republican"})


def _without_party(group: list[_Token]) -> list[_Token]:
    """``Tory Liam Fox``, ``Democrat Ana Ruiz``: a party word before a person's first name and surname is no part of
    the name (``Labour Party``, ``Republican National Committee`` and ``Tory Burch`` keep theirs)."""
    if len(group) < 3 or group[0].bare not in _PARTY_WORDS or _has_organisation_word(group):
        return group
    rest = group[1:]
    if any(_is_title(t) or not t.text[0].isupper() for t in rest):
        return group
    return rest


def _acronyms_spelled_out(text: str, tokens: list[_Token]) -> set[str]:
    """Lowercase forms of capitalised words that are the initials of a name spelled out in the text (``WHO`` of
    ``World Health Organization``): acronyms, even when they are ordinary words too."""
    shouted = {t.text.lower() for t in tokens if 2 <= len(t.text) <= 6 and t.text.isupper()}
    if not shouted:
        return set()
    spelled = {"".join(w[0] for w in m.group().split()).lower() for m in _SPELLED_OUT.finditer(text)}
    return shouted & spelled


_SPELLED_OUT = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][a-z]+){1,5}")


def _drop_ordinary_openers(
    group: list[_Token], starts: set[int], lowercase: set[str], acronyms: set[str]
) -> tuple[list[_Token], int]:
    """Drop sentence-initial words that are ordinary words written with a capital ("The", "Residents",
    "Sentencing"), and leading function words."""
    dropped = 0
    if len(group) > 1 and group[0].text in _WEEKDAY_NAME_WORDS:
        return group, 0  # "the Sun Herald": a name's first word; the day is "Sun." or "Sun 5"
    while (
        group
        and group[0].start in starts
        and (_ordinary(group[0].bare, lowercase) or (len(group) > 1 and _is_participle(group)))
        and group[0].bare.lower() not in acronyms
        and not (len(group) > 2 and group[1].text in ORGANISATION_CONNECTORS)  # "University of Halden Police"
    ):
        group, dropped = group[1:], dropped + 1
    while group and group[0].bare.lower() in STOPWORDS and group[0].bare.lower() not in acronyms:
        group, dropped = group[1:], dropped + 1
    return group, dropped


def _is_participle(group: list[_Token]) -> bool:
    """``Sentencing Okafor, the judge said``: an -ing word opening a sentence before a name is a verb, unless
    the name ends in a place or organisation word (``Downing Street``, ``Reading Borough Council``)."""
    word, last = group[0].bare, group[-1].bare.lower()
    return len(word) > 5 and word.endswith("ing") and last not in PLACE_WORDS and last not in ORGANISATION_WORDS


def _split_title(text: str, group: list[_Token]) -> tuple[str, list[_Token]]:
    """Split the title off the front of a group: ``Dr. Ana Ruiz``, ``Appeals Court Judge Ana Ruiz``, ``Acme CEO
    Jane Doe``, and the portfolio of ``Minister for Housing and Local Transport Ana Ruiz``."""
    portfolio = _PORTFOLIO_RE.search(text, max(0, group[0].start - 120), group[0].start) if len(group) >= 3 else None
    k = len(group) - 2
    while k > 1 and len(group[k - 1].bare) == 1 and group[k - 1].bare.isupper():
        k -= 1  # "... Affairs D M Swaminathan": initials belong to the name
    if portfolio is not None and not _has_organisation_word(group[k:]):
        # "Superintendent of Police Ravi Menon": the body of the portfolio may be an organisation's word.
        return text[portfolio.start() : group[k].start].strip(), group[k:]
    # The last title inside the group ends its prefix ("Assembly Chair Dame Ida Kessel", "Labour MP Jon Ash"),
    # unless what follows is an organisation ("World Health Organization").
    inner = [
        k
        for k in range(1, len(group) - 1)
        if (_is_title(group[k]) and not _portfolio_only(group, k)) or group[k].bare in POSTNOMINALS
    ]
    # A role noun written with a capital inside the group ends the title too ("Acme Chief Executive Jane Doe",
    # "JVP Parliamentarian Ana Ruiz"), when at least two name words follow it.
    inner += [k for k in range(max(inner, default=0) + 1, len(group) - 2) if _is_role_word(group[k])]
    if inner:
        cut = _past_body(group, inner[-1] + 1)
        if not _has_organisation_word(group[cut:]):
            return _joined(group[:cut]), _strip_postnominals(group[cut:])
    title_tokens: list[_Token] = []
    if not _has_organisation_word(group):
        while len(group) > 1 and (_is_title(group[0]) or (len(group) > 2 and _is_role_word(group[0]))):
            title_tokens.append(group[0])
            group = group[1:]
        if title_tokens and len(group) > 2 and _is_acronym(group[0]):
            title_tokens.append(group[0])  # "Director SVO Ana Ruiz": the body she directs belongs to the title
            group = group[1:]
        group = _strip_postnominals(group)
    return _joined(title_tokens), group


def _past_body(group: list[_Token], cut: int) -> int:
    """``Halden Police Deputy Superintendent of Police Ravi Menon``: past the body a title is ``of`` (organisation
    words only), when two name words or more follow it; else ``cut`` unchanged."""
    if cut >= len(group) or group[cut].text not in ("of", "for"):
        return cut
    k = cut + 1
    while k < len(group) - 2 and group[k].bare.lower() in ORGANISATION_WORDS:
        k += 1
    return k if k > cut + 1 else cut


def _portfolio_only(group: list[_Token], k: int) -> bool:
    """``Health`` in ``Institute for Health Statistics``: a portfolio word is a title only before another title
    (``Health Secretary``)."""
    return group[k].bare.lower() in PORTFOLIOS and not (k + 1 < len(group) and _is_title(group[k + 1]))


# Title words that name a portfolio, never an office on their own.
PORTFOLIOS = frozenset(
    {"foreign", "finance", "interior", "defence", "defense", "health", "justice", "economy", "trade", "home", "state"}
)


def _is_role_word(tok: _Token) -> bool:
    """A capitalised singular role noun inside a name group: ``Executive``, ``Analyst``, ``Parliamentarian``."""
    low = tok.bare.lower()
    return not low.endswith("s") and is_person_role(low) and low not in ORGANISATION_WORDS


def _joined(tokens: list[_Token]) -> str:
    return " ".join(t.text for t in tokens)


# "Minister for Education and ", "Secretary of State for ": the capitalised words after it are a portfolio.
_PORTFOLIO_RE = re.compile(
    r"(?:[A-Z][\w'\u2019\-]*\s+)*(?:[A-Z][a-z]+-)?(?:Minister|Secretary|Commissioner|Director|Chancellor|"
    r"Superintendent|General|Inspector|Chief|Head)\s+(?:of|for)\s+"
    r"(?:[A-Z][\w'\u2019\-]*,?\s+(?:(?:and|&|of|for)\s+)?)*$"
)


def _has_organisation_word(group: list[_Token]) -> bool:
    return any(g.bare.lower() in ORGANISATION_WORDS for g in group)


def _strip_postnominals(group: list[_Token]) -> list[_Token]:
    """``Tobin Ashgrove QC``, ``Ann Roe MP``: letters after a name are not part of it."""
    while len(group) > 1 and group[-1].bare in POSTNOMINALS:
        group = group[:-1]
    return group


def _drop_trailing(group: list[_Token], acronyms: set[str]) -> list[_Token]:
    while group and group[-1].bare.lower() in STOPWORDS and group[-1].bare.lower() not in acronyms:
        if len(group) > 1 and group[-1].bare in _MONTH_SURNAMES and group[-2].bare.lower() not in STOPWORDS:
            break  # "Teresa May", "Ana March": a surname, not the month
        group = group[:-1]
    return group


# Months that are surnames too.
_MONTH_SURNAMES = frozenset({"May", "March"})
# A weekday's abbreviation that opens a name when a capitalised word follows it without a full stop.
_WEEKDAY_NAME_WORDS = frozenset({"Sun"})


# Words that rank an office written after them: "Assistant Chief Constable", "Deputy Speaker", "Acting Governor".
_OFFICE_RANKS = words("chief deputy assistant acting interim senior principal vice")


def _rank_of_office(title: str, group: list[_Token]) -> bool:
    """A group left with one title word after a rank was split off (``Assistant Chief Constable``): an office, no
    name; after an honorific the word is a surname (``Mr. Major``)."""
    ranked = title.split(" ")[-1].lower() in _OFFICE_RANKS
    return ranked and len(group) == 1 and _is_title(group[0])


def _is_office(group: list[_Token]) -> bool:
    """A group ending in an office word names an office, not a person: ``Federal Minister``, ``Prime Minister``,
    ``the deputy SP``."""
    last = group[-1].bare
    return (last.lower() in OFFICES or is_rank_abbreviation(last)) and not _has_organisation_word(group)


def _is_acronym(tok: _Token) -> bool:
    return tok.bare.isupper() and 2 <= len(tok.bare) <= 6 and not is_rank_abbreviation(tok.bare)


def _kind(
    text: str, start: int, end: int, words: list[str], before: list[str], lowercase: set[str], titled: bool
) -> NameKind | None:
    """What a name is, from its words and the words before it; None for a dateline or a shouted heading."""
    lower_words = [w.lower() for w in words]
    name = text[start:end]
    kind: NameKind = "unknown"
    organisational = any(w in ORGANISATION_WORDS for w in lower_words) or (
        len(words) > 1 and lower_words[-1] in ORGANISATION_LAST_WORDS
    )
    if "&" in name:
        kind = "organisation"  # "Smith & Nephew", "Procter & Gamble"
    elif titled and not organisational:
        kind = "person"  # "Senate Majority Leader John Park": a title says a person, whatever the surname
    elif lower_words[-1] in PLACE_WORDS:
        kind = "unknown"
    elif name.lower() in NEWS_AGENCIES or organisational or any(w in NEWS_AGENCIES for w in lower_words):
        kind = "organisation"  # "Thomson Reuters": a news agency's name in a name
    elif len(words) == 1 and words[0].isupper() and 2 <= len(words[0]) <= 6:
        kind = _acronym_kind(text, start, end, lowercase)
    elif all(w.isupper() for w in words) and len(words) > 1:
        return None
    elif len(words) >= 2 and _looks_like_person(
        words, before, text[end : end + 40], possessive_before=_possessive_before(text, start)
    ):
        kind = "person"
    if (
        before
        and not titled
        and (before[-1] in ORGANISATION_HEADS or (is_organisation_role(before[-1]) and kind == "unknown"))
    ):
        kind = "organisation"
    return kind


def _acronym_kind(text: str, start: int, end: int, lowercase: set[str]) -> NameKind:
    """An acronym (NASA) is an organisation; a shouted ordinary word (``A MAN who``) or an all-capitals word opening
    a paragraph before a dash or comma (a dateline) is not."""
    if text[start:end].lower() in lowercase or re.search(r"\d\s?$", text[max(0, start - 2) : start]):
        return "unknown"  # "07:10 AM", "20 MW": a unit after a number names nobody
    line_start = start == 0 or text[start - 1] == "\n"
    if line_start and re.match(r"\s*(?:\([^()\n]{1,40}\)\s*)?(,|-|\u2013|\u2014)", text[end : end + 60]):
        return "unknown"
    if text[start - 1 : start] == "(" and re.match(r"\)\s*[-\u2013\u2014]", text[end : end + 4]):
        return "unknown"  # "HALDEN (WXYZ) -- ...": a dateline's station or agency tag, the press
    return "organisation"


def _is_title(tok: _Token) -> bool:
    return _is_title_word(tok.bare) or (tok.text.endswith(".") and tok.bare.lower() in ABBREVIATED_TITLES)


def _ordinary(word: str, lowercase: set[str]) -> bool:
    """A capitalised sentence opener that is an ordinary word: a function word, a word the text also writes in
    lowercase, or a role noun ("Analysts said", "Geochemist Paul Arnaud said")."""
    low = word.lower()
    return low in STOPWORDS or low in lowercase or is_person_role(low) or is_organisation_role(low)


def _words_before(text: str, tokens: list[_Token], index: int, n: int) -> list[str]:
    """Up to ``n`` lowercase-compared words right before token ``index``, stopping at punctuation."""
    out: list[str] = []
    k = index - 1
    pos = tokens[index].start if index < len(tokens) else len(text)
    while k >= 0 and len(out) < n:
        gap = text[tokens[k].end : pos]
        if gap.strip():
            break
        out.insert(0, tokens[k].text.lower())
        pos = tokens[k].start
        k -= 1
    return out


def _role_before(before: list[str]) -> str:
    """The lowercase role words written right before a name: ``chief executive``, ``retired engineer``."""
    role: list[str] = []
    for word in reversed(before):
        if (
            word in STOPWORDS
            or word in PREPOSITIONS
            or word in ("like", "unlike")
            or word in ALL_VERBS
            or word.endswith(("ing", *(f"{a}s" for a in APOSTROPHES)))
        ):
            break
        role.insert(0, word)
    return " ".join(role) if role and any(is_person_role(w) for w in role) else ""


def _possessive_before(text: str, start: int) -> bool:
    return bool(re.search(r"\w['\u2019]s? $", text[max(0, start - 4) : start]))


def _looks_like_person(words: list[str], before: list[str], after: str, possessive_before: bool) -> bool:
    """Two or three capitalised words read as a person unless the context makes them a thing or a place."""
    if len(words) > 4 or len(words[0]) == 1 or len(words[-1]) == 1:
        return False  # a middle initial ("Ana K. Ruiz") is a person's; a letter at either end is not
    if before and is_person_role(before[-1]) and not possessive_before:
        return True  # "the actress Ana Ruiz", "the director Leo Fenwick"
    if before and (before[-1] in DETERMINERS_AND_PLACES or (len(before) > 1 and before[-2] == "the")):
        return False
    if possessive_before:
        return False
    # "Top Gun star Leo Fenwick": a name directly followed by a role noun only modifies it; "Ana Ruiz chairs the
    # board": a role's noun with -s before a determiner is a verb.
    follow = re.match(r"\s+([a-z][\w-]*)(\s+(?:the|a|an|his|her|its|their)\b)?", after)
    if follow and follow.group(1).endswith("s") and follow.group(2):
        return True
    return not (follow and (is_person_role(follow.group(1)) or is_organisation_role(follow.group(1))))
