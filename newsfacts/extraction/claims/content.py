"""What a stretch of text states: a first, an age, a date, a figure or an event (``content_kinds``)."""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.extraction.claims.claim import ContentKind
from newsfacts.extraction.claims.vocabulary import (
    DETERMINERS,
    DIGIT_RE,
    DIGITS,
    EVENT_WORDS,
    FIRST_CUES,
    MONTH,
    MONTHS,
    NUMBER_WORD,
    NUMBER_WORDS,
    ORDINALS,
    RELATIVE_TIME_WORDS,
    SCALE,
    SUPERLATIVES,
    TIME_UNITS,
    WEEKDAYS,
    word_tokens,
)
from newsfacts.extraction.cues import CARDINALS, one_of, words

# -- patterns -----------------------------------------------------------------------------------------------------

# A sweeping generalisation ("Nobody can ...", "Everyone in town ...") is opinion.
_CASUALTY = r"(?:killed|injured|hurt|harmed|arrested|charged|rescued|evacuated)"
# ... but "No one was injured" is a count of nought.
SWEEPING_START = re.compile(
    rf"^[\"'\u201c\u2018«(\s]*(?:(?:Still|But|And|Yet|So|Now),?\s+)?(?i:nobody|everybody|everyone|no one|no-one)\b"
    rf"(?!\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?{_CASUALTY})"
)


# Each pattern comes with its gate: the words it needs, one of which must be in the text (DIGIT: a digit).
Gated = list[tuple[frozenset[str], re.Pattern[str]]]
DIGIT: frozenset[str] = frozenset()

_AGE_PATTERNS: Gated = [
    # "58-year-old", "70 years old", "forty-year-old"
    (frozenset({"old"}), re.compile(rf"\b(?:\d{{1,3}}|{NUMBER_WORD})[- ]years?[- ]old\b", re.IGNORECASE)),
    # "century-old", "decades-old": the age of a thing
    (frozenset({"old"}), re.compile(r"\b(?:century|centuries|decade|decades)[- ]old\b", re.IGNORECASE)),
    # "in her 60s", "in his early twenties"
    (
        frozenset({"his", "her", "their"}),
        re.compile(
            r"\bin\s+(?:his|her|their)\s+(?:early\s+|mid-?|late\s+)?(?:[1-9]0s|twenties|thirties|forties|fifties"
            r"|sixties|seventies|eighties|nineties)\b",
            re.IGNORECASE,
        ),
    ),
    (
        frozenset({"aged", "age"}),
        re.compile(r"\baged\s+\d{1,3}\b|\bat\s+(?:the\s+)?age\s+(?:of\s+)?\d{1,3}\b", re.IGNORECASE),
    ),
    # "Jane Doe, 36," or "..., said Jane Doe, 36." -- a capitalised word, then the number as an apposition
    (DIGIT, re.compile(r"\b[A-Z][\w'\u2019.-]*,\s+(?P<age>[1-9]\d?|1[01]\d)(?=\s*(?:,|;|\.(?!\d)|$))")),
    # "a happy 44th birthday"
    (frozenset({"birthday"}), re.compile(r"\b\d{1,3}(?:st|nd|rd|th)\s+birthday\b", re.IGNORECASE)),
    # "Tom Reyes (61)"
    (DIGIT, re.compile(r"(?<=[a-z'\u2019.])\s?\((?P<age>[1-9]\d?|1[01]\d)\)")),
]

_ORDINAL_WORD = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[a-z]+ieth)"
_DATE_PATTERNS: Gated = [
    (MONTHS, re.compile(rf"\b{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?")),
    (MONTHS, re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH}(?:,?\s+\d{{4}}\b)?")),
    (MONTHS, re.compile(rf"\b{MONTH},?\s+\d{{4}}\b")),
    (
        MONTHS,
        re.compile(
            rf"\b(?i:in|on|since|by|until|till|from|for|during|before|after|early|late|mid|last|next|this|of)[\s-]+{MONTH}"
        ),
    ),
    (DIGIT, re.compile(r"\b(?:the\s+)?(?:1[6-9]|20)\d0s\b|\bthe\s+['\u2019]\d0s\b")),
    # a day of the week: "on Tuesday", "Saturday night's game"
    (WEEKDAYS, re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b")),
    # a point in time told from now or from another: "yesterday", "last month", "two years ago", "a day earlier"
    (
        RELATIVE_TIME_WORDS,
        re.compile(
            r"\b(?:yesterday|last\s+night|(?:last|next|earlier\s+this|later\s+this)\s+(?:week|weekend|month|year"
            r"|season|spring|summer|autumn|fall|winter))\b",
            re.IGNORECASE,
        ),
    ),
    # "two years ago", "a day earlier", "several weeks later"; counted in digits, the number is an amount of its own
    # ("about 10 days ago", "600,000 years ago")
    (
        TIME_UNITS,
        re.compile(
            r"\b(?:(?:a\s+few|several|[^\W\d_]+)\s+)?(?:second|minute|hour|day|week|month|year|decade)s?"
            r"\s+(?:ago|earlier|later|before|after)\b",
            re.IGNORECASE,
        ),
    ),
    # a point told from an event: "within hours of the arrest", "within a few days of the flood" (counted in
    # digits, "within 24 hours of", the number is an amount of its own, as above)
    (
        frozenset({"within"}),
        re.compile(
            r"\bwithin\s+(?:(?:a\s+few|several|[^\W\d_]+)\s+)?(?:minute|hour|day|week|month|year)s?\s+of\b",
            re.IGNORECASE,
        ),
    ),
    # a day told from another: "the following day", "the next morning"
    (
        frozenset({"following", "next", "previous"}),
        re.compile(
            r"\bthe\s+(?:following|next|previous)\s+(?:day|morning|afternoon|evening|night|week|weekend|month|year)\b",
            re.IGNORECASE,
        ),
    ),
    # a clock time on the 24-hour clock: "from 19:00 to 07:00"
    (DIGIT, re.compile(r"(?<![\d:.])(?:[01]\d|2[0-3]):[0-5]\d\b(?!:\d)")),
    # a clock time with a point: "told at 6.30 the evening before"
    (
        frozenset({"at"}),
        re.compile(r"\bat\s+\d{1,2}[.:]\d{2}\b(?!\s*(?:%|a\b|per\b|percent|million|billion|points?\b))", re.IGNORECASE),
    ),
    # a minute of a match: "his seventh-minute header"
    (
        frozenset({"minute"}),
        re.compile(rf"\b(?:\d{{1,3}}(?:st|nd|rd|th)|{_ORDINAL_WORD}|first|last)[- ]minute\b", re.IGNORECASE),
    ),
    (
        frozenset({"century"}),
        re.compile(r"\b(?:in|during|since|by|of|until)\s+the\s+\d{1,2}(?:st|nd|rd|th)\s+century\b", re.IGNORECASE),
    ),
]
# "for almost 100 years before ...": a duration, an amount of time, not a point in it.
_DURATION_LEAD = re.compile(r"\bfor\s+(?:(?:almost|about|nearly|around|some|over|more\s+than)\s+)?$", re.IGNORECASE)
_YEAR_RE = re.compile(r"(?<![\w$€£¥.,])(?:1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d)")
_YEAR_LEAD_RE = re.compile(
    rf"(?:\b(?:in|since|by|until|till|from|during|before|after|early|late|mid|of|the|year|between|and|to|through)"
    rf"|{MONTH}|mid-|,)\s*$",
    re.IGNORECASE,
)
_LOWERCASE_WORD_NEXT = re.compile(r"\s+[a-z]")

_ORDINAL = one_of(sorted(ORDINALS))  # the words the rule below is gated on
# A number word naming a kind of thing ("four-cylinder", "two-party") is no amount; "three-year", "two-thirds" or a
# count of people ("two-person crews", "a three-member panel") is.
_NOT_A_DESCRIPTOR = (
    r"(?!-(?!(?:year|month|week|day|hour|minute|mile|metre|meter|kilomet|percent|fold|third|quarter|pound|dollar|euro"
    r"|rupee|yen|person|people|member|man|men|woman|women)\w*)\w)"
)
# A time of day ("at 6 p.m.", "shortly before midnight") is when something happened, not an amount.
_TIME_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?::\d{{2}})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    rf"|(?:\d{{1,2}}|{NUMBER_WORD}|one)\s+(?:o'clock|in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b"
    r"|\b(?:before|after|around|about|at|until|past|near)\s+(?:midnight|noon|midday)\b)",
    re.IGNORECASE,
)
_TIME_WORDS = frozenset(
    {"am", "pm", "m", "o'clock", "morning", "afternoon", "evening", "night", "midnight", "noon", "midday"}
)
# A number that names a model or a type ("category 4", "Channel 4", "No. 10", "No 10" without its point) is no amount.
# A bill's or a law's number is a name too ("H.R. 1234", "Bill 21", "Section 8").
_MODEL_NUMBER_LEAD = re.compile(
    r"(?:\b(?:type|class|level|version|grade|phase|stage|category|channel|number|no\.|bill|act|resolution|amendment"
    r"|section|article|clause|rule|chapter|route|flight|room|platform|proposition|prop\.|measure|ordinance"
    r"|[HS]\.\s?[RB]\.|[HSA]B|S\.|H\.R\.|(?-i:No))\s|(?<!multi)-)$",
    re.I,
)
# A unit glued to the number: "5pc", "30cm", "2.5mn", "10km", "50p", "500MW", "$50K", "1C".
# An ordinal's ending is no unit ("the 21st century" is a time, "a 15th straight time" a count of its own).
_UNIT = r"(?!st\b|nd\b|rd\b|th\b)[a-z]{1,3}|[kMGT]Wh?|[KMGT]B|[CFK]"
# A fraction: "more than half of the flights", "a quarter of their value"; not "the back half of the season".
_FRACTION_WORDS = frozenset({"half", "quarter", "quarters"})
# A count of one person ("One person was killed", "one was hurt"), not "one of" or "one day".
_ONE_COUNTED_RE = re.compile(
    r"\bone\s+(?:(?:person|man|woman|child|boy|girl|officer|soldier|passenger|driver|worker|patient|resident|victim"
    r"|suspect|player|plane|aircraft|vehicle|car)\s+)?(?:was|were|has\s+been|had\s+been|died)\b|\bone\s+counts?\s+of\b"
    # a margin of one: "passed with one vote against", "won by one goal"
    r"|\b(?:with|by)\s+(?:just\s+|only\s+)?one\s+(?:vote|seat|goal|point|run|stroke|abstention)\b",
    re.IGNORECASE,
)
# A house number's street: "2140 Alder Place", "12 North Main St."
_STREET = (
    r"\s+(?:[A-Z][\w'\u2019-]*\s+){1,3}(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Place|Drive|Dr\.|Lane|Boulevard|Blvd\."
    r"|Court|Terrace|Crescent|Close|Circle|Parkway|Way)(?!\w)"
)
# The first letters of the number words below ("one" only before a scale word, "dozens", "scores" too): a lookahead
# naming them at a word's start lets the scan pass over every other place at once.
_NUMBER_WORD_START = r"(?=\b[" + "".join(sorted({w[0] for w in CARDINALS | {"one", "dozen", "scores"}})) + "])"
# A number word after "the" points back at things already named ("the two leaders", "the three suspects"), no count
# of its own; a stretch of time ("the three months to June") or a share ("the two-thirds majority") still is one.
_NOT_THE_ONES_NAMED = (
    r"(?:(?<!\bthe\s)|(?=[a-z]+-)|(?=[a-z]+\s+(?:(?:straight|consecutive|previous|past|last|next)\s+)?"
    r"(?:seconds|minutes|hours|days|weeks|months|years|decades|centuries|seasons|quarters)\b))"
)
_TIME_AMOUNTS = frozenset(["day's", "week's", "fortnight's", "month's", "year's"])
_A_STRETCH = frozenset({"century", "decade", "year", "month", "week", "fortnight", "hour"})
_NUMBER_GATES = NUMBER_WORDS | _TIME_AMOUNTS | _A_STRETCH | _FRACTION_WORDS | {"no", "nobody", "one", "twice", "thrice"}
_FIGURE_PATTERNS: Gated = [
    # digits, not glued to a word ("G7", "COVID-19"), nor an address ("the 5400 block of Elm Street", "lives at 2140
    # Alder Place")
    (
        DIGIT,
        re.compile(
            rf"(?<![\w/-])[$€£¥]?(?:{DIGITS})(?:{_UNIT})?(?!\w|[.,]\d)(?!\s+block\s+of\b)(?!{_STREET})"
            r"(?:\s*%|\s+per\s*cent)?"
        ),
    ),
    (
        CARDINALS,
        re.compile(
            rf"{_NUMBER_WORD_START}"
            rf"(?:{_NOT_THE_ONES_NAMED}\b{NUMBER_WORD}(?!\s+{SCALE})|\b(?:{NUMBER_WORD}\s+)?(?:{SCALE}s?|dozens?|tens|scores))"
            rf"{_NOT_A_DESCRIPTOR}\b",
            re.IGNORECASE,
        ),
    ),
    # a rank or a count: "the fourth recall this decade", "after a fourth day of protests", "his fourth goal"
    (
        ORDINALS,
        re.compile(
            rf"(?:\b(?:the|his|her|its|their|our|my)\s+{_ORDINAL}|['\u2019]s\s+{_ORDINAL}|\ba\s+(?!second\b(?!\s+time\b)){_ORDINAL})\b"
            r"(?!\s+(?:half|leg|wave|generation)\b)",
            re.IGNORECASE,
        ),
    ),
    # "a 15th straight time", "the 3rd quarter"; not a name ("40th Avenue", "the 82nd Airborne")
    (DIGIT, re.compile(r"(?<![\w/-])\d{1,3}(?:st|nd|rd|th)\b(?![- ]centur)(?!\s+[A-Z])")),
    # "not just one, but ...": more than one
    (frozenset({"one"}), re.compile(r"\bnot\s+(?:just|only)\s+one\b", re.IGNORECASE)),
    (frozenset({"one"}), _ONE_COUNTED_RE),
    # "scored twice", "was twice convicted"
    (frozenset({"twice", "thrice"}), re.compile(r"\b(?:twice|thrice)\b", re.IGNORECASE)),
    (
        _FRACTION_WORDS,
        re.compile(
            r"(?<!first\s)(?<!second\s)(?<!other\s)(?<!better\s)\bhalf\s+(?:of\s+)?(?:the|a|an|its|their|his|her|all"
            r"|them|those|our)\b(?!\s+(?:\w+\s+)?(?:year|season|month|decade|century|game|match|term|session)\b)"
            r"|\bmore\s+than\s+half\b|\bby\s+half\b|\b(?:a|one|three)[- ]quarters?\s+of\b",
            re.IGNORECASE,
        ),
    ),
    # a stretch of time: "lying in the vaults for nearly a century"
    (
        _A_STRETCH,
        re.compile(
            r"\bfor\s+(?:(?:almost|nearly|about|around|over|more\s+than|well\s+over)\s+)?an?\s+"
            r"(?:century|decade|year|month|week|fortnight|hour)\b",
            re.IGNORECASE,
        ),
    ),
    # a stretch of time told by its bound: "in less than a week", "within more than a year"
    (
        _A_STRETCH,
        re.compile(
            r"\b(?:in|within|after)\s+(?:less|more)\s+than\s+an?\s+(?:century|decade|year|month|week|fortnight|hour)\b",
            re.IGNORECASE,
        ),
    ),
    # an amount of time: "a week's notice", "a year's salary"
    (
        _TIME_AMOUNTS,
        re.compile(r"\b(?:a|one)\s+(?:day|week|fortnight|month|year)['\u2019]s\b", re.IGNORECASE),
    ),
    # a count of nought: "no injuries so far", "no one was hurt"
    (
        frozenset({"no", "nobody"}),
        re.compile(
            rf"\bno\s+(?:deaths|injuries|casualties|fatalities|arrests|survivors)\b"
            rf"|\b(?:no\s*-?\s*one|nobody)\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?{_CASUALTY}",
            re.IGNORECASE,
        ),
    ),
]

_FIRST_PATTERNS = [
    # "the first to ...", "its first ..."; not the first of a calendar ("the first half", "the first week of")
    re.compile(
        r"\b(?:the|its|their|his|her|our|a)\s+(?:very\s+)?first\b"
        r"(?!\s*,|\s+(?:half|quarter|(?:day|week|month|year)s?|round|phase|stage|step|part|floor|place|of|few"
        r"|two|three|four|five|six|seven|eight|nine|ten"  # "the first ten minutes"
        r"|an?|the"  # "netted twice, the first a header": the first of the things just named
        r"|time\s+in\s+\w+s"
        r"|\d[\d,.]*|(?:hundred|thousand|million|billion)\b)\b)"
        # "a first for the club" is one, "a first touch" is not
        r"(?<!\ba\sfirst)(?<!\bA\sfirst)|\ba\s+first\s+(?:for|ever)\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bfirst[- ]ever\b|\bunprecedented\b|\ball-time\s+(?:high|low)\b", re.IGNORECASE),
    # the lowest or highest in a stretch of time: "a three-and-a-half-year low", "a 10-month high"
    re.compile(
        r"\b(?:an?|the|its|their|his|her)\s+(?:[\w]+-)*(?:year|month|week|decade)[- ](?:high|low)s?\b(?!\s+school)",
        re.IGNORECASE,
    ),
    # a place in a ranking: "top of the polls", "bottom of the league", "the region's No. 3 brewer"
    re.compile(r"['\u2019]s\s+(?:No\.|number)\s?\d{1,3}\b", re.IGNORECASE),
    # "moved into third place", "finished in 12th place"
    re.compile(
        r"\b(?:in|into|to|at|from)\s+(?:joint[\s-]+)?(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth"
        r"|\d{1,2}(?:st|nd|rd|th))\s+place\b",
        re.IGNORECASE,
    ),
    re.compile(
        r"\b(?:top|bottom)\s+of\s+the\s+(?:table|league|list|rankings?|charts?|polls?|class)\b|\btop\s+(?:spot|place)\b",
        re.IGNORECASE,
    ),
    # the most, the first or the only in a stretch of time: "fell the most in almost four years", "have not seen
    # a fever like this in three decades"
    re.compile(
        r"\bthe\s+(?:most|least)\s+(?:in|since)\b"
        r"|\b(?:not|never|n['\u2019]t)\s+(?:\w+\s+){1,8}?(?:in|for)\s+(?:(?:almost|nearly|about|more\s+than|over)\s+)?"
        r"(?:\w+|a)\s+(?:years|decades|centuries|century)\b",
        re.IGNORECASE,
    ),
    # a record: "record temperatures", "a record 5 million", "broke the world record"
    re.compile(
        r"\brecord[- ](?:breaking|high|highs|low|lows|numbers?|levels?|amounts?|sales|profits?|losses|turnout|heat"
        r"|temperatures?|year|demand|prices|growth|inflation|unemployment|rainfall|sums?)\b"
        r"|\ban?\s+record\s+\d|\b(?:world|all-time|national|Olympic)\s+record\b"
        r"|\b(?:broke|breaks|break|set|sets|equalled|equaled)\s+(?:a|the|his|her|their|its)\s+(?:\w+\s+)?record\b",
        re.IGNORECASE,
    ),
    re.compile(r"\bthe\s+only\s+\w+(?:\s+\w+)?\s+(?:to|who|that|ever)\b", re.IGNORECASE),
    re.compile(
        r"(?:\bthe|['\u2019]s|\bits|\btheir|\bhis|\bher|\bour|\bmy)\s+(?:\w+[\s-]+)?(?:(?:most|least)\s+[a-z]{4,}|"
        + "|".join(SUPERLATIVES)
        + r")\b",
        re.IGNORECASE,
    ),
]


# A tally compared: "Jamshedpur had more possession", "the club scored fewer goals than last season".
_MORE = frozenset({"more", "fewer", "less"})
_COMPARED_RE = re.compile(r"\b(?:had|scored|won|made|sold|took|received|recorded)\s+(?:more|fewer|less)\s+[a-z]")


# A firm's results and how they compare with the forecasts: "reported higher-than-expected profits", "posting
# quarterly sales", "beat analysts' expectations" (not "reported that it expects revenue to ...").
_RESULTS_GATE = words(
    "profit profits loss losses revenue revenues sales earnings results expectations estimates forecasts projections"
)
_RESULTS_RE = re.compile(
    r"\b(?:reported|reports|reporting|posted|posts|posting)\s+(?:(?!that\b)[\w-]+\s+){0,3}?"
    r"(?:profits?|loss(?:es)?|revenues?|sales|earnings|results)\b"
    r"|\b(?:beat|beats|beating|missed|misses|missing|trailed|trailing|topped|topping|exceeded|exceeding)\s+"
    r"(?:[\w'\u2019-]+\s+){0,3}?(?:expectations|estimates|forecasts|projections)\b",
    re.IGNORECASE,
)
# A denial in other words: "described the allegation as untrue".
_DESCRIBED_AS_FALSE_RE = re.compile(
    r"\bdescribed\s+(?:[\w'\u2019-]+\s+){1,5}?as\s+(?:untrue|false|baseless|unfounded|incorrect|inaccurate|fake|fabricated)\b"
)


def _spans(patterns: Gated, text: str, words: set[str], digits: bool) -> list[tuple[int, int]]:
    """Where the patterns whose gate is open match; an ``age`` group, when a pattern has one, is the span."""
    found = []
    for gate, pattern in patterns:
        if not (digits if gate is DIGIT else not gate.isdisjoint(words)):
            continue
        for match in pattern.finditer(text):
            group = "age" if "age" in pattern.groupindex else 0
            found.append(match.span(group))
    return found


def _outside(span: tuple[int, int], masks: list[tuple[int, int]]) -> bool:
    return all(span[1] <= start or span[0] >= end for start, end in masks)


# A model year names a thing: "driving a 2014 Toyota Corolla", "an 1890 Steinway".
_MODEL_YEAR_RE = re.compile(r"\ban?\s+(?P<year>(?:1[89]|20)\d\d)\s+[A-Z]")


def _model_years(text: str) -> list[tuple[int, int]]:
    """Where a year names a model ("a 2014 Toyota Corolla"): neither a date nor an amount."""
    return [match.span("year") for match in _MODEL_YEAR_RE.finditer(text)]


def _years(text: str) -> list[tuple[int, int]]:
    """Four-digit years, told from counts by their context: "in 2015" or "2015," but not "2000 workers"."""
    found = []
    for match in _YEAR_RE.finditer(text):
        lead = text[max(0, match.start() - 20) : match.start()]
        if _YEAR_LEAD_RE.search(lead) or not _LOWERCASE_WORD_NEXT.match(text, match.end()):
            found.append(match.span())
    return found


def _duration(text: str, span: tuple[int, int]) -> bool:
    """Whether a time told from another ("100 years before") is a stretch of time ("for almost 100 years")."""
    if not _DURATION_LEAD.search(text, max(0, span[0] - 20), span[0]):
        return False
    return not TIME_UNITS.isdisjoint(word_tokens(text[span[0] : span[1]].lower()))


def states_age(text: str) -> bool:
    """Whether ``text`` gives someone's or something's age ("Jane Doe, 36,", "the decades-old pier")."""
    tokens = word_tokens(text)
    return bool(_spans(_AGE_PATTERNS, text, {token.lower() for token in tokens}, DIGIT_RE.search(text) is not None))


def _states_an_event(tokens: list[str], words: set[str]) -> bool:
    """Whether an event verb tells that something happened, not only describes a noun after a determiner or a
    preposition ("of infected fleas", "a banned drug", "the elected members")."""
    if words.isdisjoint(EVENT_WORDS):
        return False
    for index, token in enumerate(tokens):
        word = token.lower()
        if word in EVENT_WORDS and not (word.endswith("ed") and index and tokens[index - 1].lower() in DETERMINERS):
            return True
    return False


def content_kinds(text: str) -> set[ContentKind]:
    """Which check-worthy features ``text`` states: a first/superlative, an age, a date, a figure, an event.

    A number counts once, as the most specific thing it is: the 36 of an age is not also a figure. Each family of
    patterns runs only when a word it needs is there (a digit, a month, "most"...), which keeps this fast; a claim's
    words are asked about several times while it is judged, so the answer is kept until ``forget``.
    """
    return set(_content_kinds(text))


def forget() -> None:
    """Drop the answers kept by ``content_kinds`` (``find_claims`` calls this once an article's claims are found)."""
    _content_kinds.cache_clear()


@lru_cache(maxsize=4096)
def _content_kinds(text: str) -> frozenset[ContentKind]:
    tokens = word_tokens(text)
    words = set(map(str.lower, tokens))
    digits = DIGIT_RE.search(text) is not None
    numbers = digits or not words.isdisjoint(_NUMBER_GATES)
    kinds: set[ContentKind] = set()
    if not words.isdisjoint(FIRST_CUES) and any(p.search(text) for p in _FIRST_PATTERNS):
        kinds.add("first")
    ages = _spans(_AGE_PATTERNS, text, words, digits)
    if ages:
        kinds.add("age")
    dates = _spans(_DATE_PATTERNS, text, {*words, *tokens}, digits)
    if not words.isdisjoint(_TIME_WORDS):
        dates += [match.span() for match in _TIME_RE.finditer(text)]  # a clock time says when
    models = _model_years(text) if digits else []
    dates = [span for span in (dates + _years(text) if digits else dates) if _outside(span, ages + models)]
    dates = [span for span in dates if not _duration(text, span)]
    if dates:
        kinds.add("date")
    if numbers:
        masks = ages + dates + models
        figures = [span for span in _spans(_FIGURE_PATTERNS, text, words, digits) if _outside(span, masks)]
        if any(not _MODEL_NUMBER_LEAD.search(text, max(0, start - 12), start) for start, _end in figures):
            kinds.add("figure")
    if (
        _states_an_event(tokens, words)
        or (not words.isdisjoint(_MORE) and _COMPARED_RE.search(text))
        or ("described" in words and _DESCRIBED_AS_FALSE_RE.search(text))
        or (not words.isdisjoint(_RESULTS_GATE) and _RESULTS_RE.search(text))
    ):
        kinds.add("other")
    return frozenset(kinds)
