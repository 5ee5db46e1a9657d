"""Check-worthy claims: figures, dates, ages, firsts and superlatives, attributed statements.

What is a claim: a statement a fact-checker could verify and would care to, in a prose sentence. Headings, captions,
credits, questions, conditionals ("If ..., ...") and sweeping generalisations ("Nobody can ...") never are, nor is
a forecast ("expected", "predicted") in its clause. Opinion, feeling, wishes, promises and generic statements
(``seems``, ``I think``, ``wanted to``, ``great``, ``will``, ``usually``, a generic ``you``) disqualify a statement
whose only check-worthy feature is a superlative or an event, but not one that states a figure, a date or an age
("He felt nervous after being chosen from 500 volunteers" is a figure claim). They weigh on their own clause only:
in "the union had signed the deal, but it will not bow to threats", the promise does not hide the signing.

Span policy, one rule for every claim (``text[c.start:c.end] == c.text``, always inside one sentence):

* **a sentence without quotes** -- the whole sentence, trimmed of surrounding whitespace and of a leading dateline
  ("LAGOS, May 2 (AP) -"); ``claimant`` is None: the article itself asserts it.
* **a quote part** -- the speaker's words: the part of a quote inside the sentence, trimmed of whitespace, quotation
  marks and edge commas, so the attribution ("he said that", "she told reporters") stays out. ``claimant`` is the
  quote's speaker. A part needs four words; a shorter one (a scare quote, a single word) does not count as a quote.
* **the words around quote parts** -- each stretch of the sentence outside them, trimmed of the cue and of "said",
  "that"; ``claimant`` is None. These mostly say who spoke, where and when, so a claim there is only: an age or a
  first; a figure or an event in the stretch before the first quote ("Acme, which runs 40 stores, said ...", "The
  governor declared an emergency and said ..."), unless the figure opens the stretch and so counts the sources
  ("Three officials said ..."); or a figure, date, age or event in a relative clause about the speaker ("said Ana
  Ruiz, who founded the firm in 2015").

Quote parts and the words around them never overlap, so a sentence may give several claims but no duplicates; an
overlapping second quote (a direct quote inside a mixed one) is the same words and is skipped.

Kind, first match wins:

1. ``attributed`` -- a quote part with a known speaker (kind ``attributed`` if and only if ``claimant`` is set);
2. ``first`` -- a first, only, record or superlative ("the first woman to lead the party", "one of the
   country's most decorated", "top of the polls");
3. ``age`` -- "Jane Doe, 36,", "(61)" after a name, "70 years old", "58-year-old", "aged 12", "in her 60s",
   "decades-old";
4. ``date`` -- a day and month, a month and year, "in April", a year ("in 2015"), a decade, "in the 19th century";
5. ``figure`` -- any other number, amount or rank ("2,500", "tens of millions of euros", "twelve years", "the
   fourth", a count of nought: "no injuries"); not a time of day, a type number ("category 4") or a number word
   naming a thing ("two-seater");
6. ``other`` -- nothing of the above, but a newsworthy event verb (announced, disclosed, arrested, ...) in the
   article's words, or, in a speaker's words, anything said to have been done (a past or a participle).

The order goes from the boldest assertion to the plainest: a superlative is wrong more often than the age printed
next to it, and an age or a date is a more specific figure than a count. A quote part without a known speaker keeps
the kind of its content.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from newsfacts.extraction.quotes import Quote
from newsfacts.extraction.sentences import Sentence

ClaimKind = Literal["figure", "date", "age", "first", "attributed", "other"]
ContentKind = Literal["figure", "date", "age", "first", "other"]


@dataclass(frozen=True, slots=True)
class Claim:
    start: int
    end: int
    text: str
    kind: ClaimKind
    claimant: str | None  # a Speaker.name, or None when the article itself asserts it
    sentence: int  # position of the sentence holding the claim


# -- vocabularies -------------------------------------------------------------------------------------------------

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_UNITS = "(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# "one" alone is too common ("one of", "one day") to count; it counts with a scale word ("one million").
_NUMBER_WORD = rf"(?:{_TENS}(?:[- ]{_UNITS})?|{_TEENS}|(?:two|three|four|five|six|seven|eight|nine)|one(?=\s+{_SCALE}))"
_DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# fmt: off
_SUPERLATIVES = (
    "largest", "biggest", "highest", "lowest", "smallest", "longest", "shortest", "oldest", "youngest", "richest",
    "poorest", "fastest", "slowest", "deadliest", "worst", "best", "greatest", "strongest", "weakest", "tallest",
    "busiest", "heaviest", "hottest", "coldest", "wettest", "driest", "earliest", "cheapest", "costliest", "safest",
    "widest", "deepest", "furthest", "farthest",
)
# fmt: on

# Newsworthy event verbs: a sentence stating one of these happened is a fact worth checking even without a figure.
# fmt: off
_EVENT_VERBS_REGULAR = (
    "announce", "declare", "reveal", "disclose", "confirm", "launch", "approve", "arrest", "charge", "convict",
    "sentence", "kill", "injure", "elect", "raise", "increase", "decrease", "double", "triple", "invest", "acquire",
    "merge", "resign", "appoint", "accuse", "veto", "discover", "invent", "publish", "release", "reject", "cancel",
    "suspend", "award", "plague", "pressure", "destroy", "seize", "capture", "invade", "attack", "bomb", "murder",
    "embezzle", "leak", "violate", "breach", "collapse", "crash", "explode", "evacuate", "infect", "vaccinate",
    "deport", "detain", "indict", "impose", "slash", "boost", "hike", "plunge", "soar", "surge",
)
_EVENT_VERBS_IRREGULAR = (
    "ban", "bans", "banned", "banning", "sue", "sues", "sued", "suing", "deny", "denies", "denied", "denying", "won",
    "lost", "rose", "fell", "spent", "paid", "sold", "bought", "shot", "stole", "stolen", "died", "dies",
    "killed", "withdrew", "withdrawn", "struck", "broke", "broken", "founded", "hired", "fired", "signed", "funded",
    "voted", "passed", "refused", "closed", "opened", "fined",
)
# fmt: on


def _inflections(base: str) -> list[str]:
    """The -s, -ed and -ing forms of a regular English verb; not the bare form, which is often a noun ("a charge")."""
    stem = base[:-1] if base.endswith("e") else base
    s_form = base + "es" if base.endswith(("sh", "ch", "x", "s")) else base + "s"
    return [s_form, stem + "ed", stem + "ing"]


_EVENT_WORDS = frozenset(
    {form for base in _EVENT_VERBS_REGULAR for form in _inflections(base)} | set(_EVENT_VERBS_IRREGULAR)
)

# Markers of opinion, feeling, wishes and hedging, matched as whole words. Lowercase on purpose ("great" is opinion,
# "Great Britain" is not); the adverbs that open sentences match capitalised too.
_HEDGES = ["seemingly", "apparently", "perhaps", "maybe", "probably", "possibly", "arguably"]
# fmt: off
_SOFT_WORDS = frozenset([
    *_HEDGES, *(word.capitalize() for word in _HEDGES),
    "seem", "seems", "seemed", "likely", "unlikely", "should", "must", "ought", "could", "might", "think", "thinks",
    "thought", "believe", "believes", "believed", "feel", "feels", "feeling", "felt", "hope", "hopes", "hoped",
    "hoping", "wish", "wishes", "wished", "want", "wants", "wanted", "wanting", "dream", "dreams", "dreamed", "dreamt",
    "love", "loves", "loved", "hate", "hates", "hated", "afraid", "fear", "fears", "feared", "realise", "realised",
    "realises", "realize", "realized", "realizes", "great", "wonderful", "terrible", "awful", "amazing", "beautiful",
    "incredible", "impossible", "ideal", "I'm", "we're", "We're",
    # predictions, promises and duties are not facts yet
    "will", "would", "won't", "duty",
    # generic statements, not events
    "often", "usually", "always", "sometimes", "generally", "typically", "simply", "clearly", "obviously", "really",
    # feelings
    "inspired", "delighted", "disappointed", "frustrated", "frustrating", "frustration", "shocked", "surprised",
    "pleased", "proud", "happy", "sad", "angry", "worried", "excited", "upset", "gutted", "devastated", "thrilled",
    "cried", "crying",
    # a generic "you" ("in this job you get blamed") speaks of no one in particular
    "you", "You",
])
# What was done or has been: a regular past or participle (-ed) or a common irregular one.
_IRREGULAR_PAST = frozenset([
    "been", "known", "told", "found", "given", "taken", "seen", "shown", "began", "begun", "became", "won", "lost",
    "paid", "sent", "spent", "brought", "bought", "wrote", "written", "rose", "fell", "grew", "grown", "sold", "led",
    "hit", "cut",
])
# A forecast is checkable only later, whatever figures it holds ("economists predicted a fall in 2027").
_FORECAST_WORDS = frozenset([
    "expect", "expects", "expected", "expecting", "forecast", "forecasts", "forecasting", "predict", "predicts",
    "predicted", "predicting", "anticipate", "anticipates", "anticipated", "projected",
])
# fmt: on
# The words some pattern families need: a family runs only when one of them is in the text.
_MONTHS = frozenset(
    "January February March April May June July August September October November December "  # noqa: SIM905
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
_CARDINALS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "  # noqa: SIM905
    "nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion "
    "hundreds thousands millions billions trillions dozen dozens tens scores".split()
)
_ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())  # noqa: SIM905
_NUMBER_WORDS = _CARDINALS | _ORDINALS
_FIRST_CUES = frozenset(
    ["first", "only", "record", "unprecedented", "all", "most", "least", "top", "bottom", *_SUPERLATIVES]
)
_NOT_PAST = frozenset("indeed hundred need speed seed feed breed proceed exceed succeed embed".split())  # noqa: SIM905

_AGE_MAX = 119

# -- patterns -----------------------------------------------------------------------------------------------------

# A sweeping generalisation ("Nobody can ...", "Everyone in town ...") is opinion.
_CASUALTY = r"(?:killed|injured|hurt|harmed|arrested|charged|rescued|evacuated)"
# ... but "No one was injured" is a count of nought.
_SWEEPING_START = re.compile(
    rf"^[\"'\u201c\u2018«(\s]*(?:Nobody|Everybody|Everyone|No one|No-one)\b"
    rf"(?!\s+(?:was|were|has\s+been|have\s+been|had\s+been)\s+(?:\w+\s+)?{_CASUALTY})"
)
_QUESTION_END = re.compile(r"\?[\s\"'\u201d\u2019»)\]]*$")
_CONDITIONAL_START = re.compile(r"^[\"'\u201c\u2018«(\s]*(?:If|Unless|Suppose|Imagine|Whether)\b")
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
_DIGIT_RE = re.compile(r"\d")
_WORD_RE = re.compile(r"\w+")

# Each pattern comes with its gate: the words it needs, one of which must be in the text (DIGIT: a digit).
Gated = list[tuple[frozenset[str], re.Pattern[str]]]
DIGIT: frozenset[str] = frozenset()

_AGE_PATTERNS: Gated = [
    # "58-year-old", "70 years old", "forty-year-old"
    (frozenset({"old"}), re.compile(rf"\b(?:\d{{1,3}}|{_NUMBER_WORD})[- ]years?[- ]old\b", re.IGNORECASE)),
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
    # "Tom Reyes (61)"
    (DIGIT, re.compile(r"(?<=[a-z'\u2019.])\s?\((?P<age>[1-9]\d?|1[01]\d)\)")),
]

_DATE_PATTERNS: Gated = [
    (_MONTHS, re.compile(rf"\b{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?:,?\s+\d{{4}}\b)?")),
    (_MONTHS, re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?:,?\s+\d{{4}}\b)?")),
    (_MONTHS, re.compile(rf"\b{_MONTH},?\s+\d{{4}}\b")),
    (
        _MONTHS,
        re.compile(
            rf"\b(?i:in|on|since|by|until|till|from|for|during|before|after|early|late|mid|last|next|this|of)[\s-]+{_MONTH}"
        ),
    ),
    (DIGIT, re.compile(r"\b(?:the\s+)?(?:1[6-9]|20)\d0s\b|\bthe\s+['\u2019]\d0s\b")),
    (
        frozenset({"century"}),
        re.compile(r"\b(?:in|during|since|by|of|until)\s+the\s+\d{1,2}(?:st|nd|rd|th)\s+century\b", re.IGNORECASE),
    ),
]
_YEAR_RE = re.compile(r"(?<![\w$€£¥.,])(?:1[6-9]\d\d|20\d\d)(?![\w%]|[.,]\d)")
_YEAR_LEAD_RE = re.compile(
    rf"(?:\b(?:in|since|by|until|till|from|during|before|after|early|late|mid|of|the|year|between|and|to|through)"
    rf"|{_MONTH}|mid-|,)\s*$",
    re.IGNORECASE,
)
_LOWERCASE_WORD_NEXT = re.compile(r"\s+[a-z]")

_ORDINAL = r"(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)"
# A number word naming a kind of thing ("four-cylinder", "two-party") is no amount; "three-year" or "two-thirds" is.
_NOT_A_DESCRIPTOR = (
    r"(?!-(?!(?:year|month|week|day|hour|minute|mile|metre|meter|kilomet|percent|fold|third|quarter)\w*)\w)"
)
# A time of day is when something happened, not an amount.
_TIME_RE = re.compile(
    rf"\b(?:\d{{1,2}}(?::\d{{2}})?\s*(?:a\.m\.|p\.m\.|am\b|pm\b)"
    rf"|(?:\d{{1,2}}|{_NUMBER_WORD}|one)\s+(?:o'clock|in\s+the\s+(?:morning|afternoon|evening)|at\s+night)\b)",
    re.IGNORECASE,
)
_TIME_WORDS = frozenset({"am", "pm", "m", "o'clock", "morning", "afternoon", "evening", "night"})
# A number that names a model or a type ("category 4", "Channel 4", "No. 10") is no amount.
_MODEL_NUMBER_LEAD = re.compile(
    r"\b(?:type|class|level|version|grade|phase|stage|category|channel|number|no\.)\s$", re.I
)
_FIGURE_PATTERNS: Gated = [
    # digits, not glued to a word ("G7", "COVID-19")
    (DIGIT, re.compile(rf"(?<![\w/-])[$€£¥]?(?:{_DIGITS})(?!\w|[.,]\d)(?:\s*%|\s+per\s*cent)?")),
    (
        _CARDINALS,
        re.compile(rf"\b(?:{_NUMBER_WORD}|{_SCALE}s?|dozens?|tens|scores){_NOT_A_DESCRIPTOR}\b", re.IGNORECASE),
    ),
    # a rank or a count: "the fourth recall this decade", "after a fourth day of protests"
    (_ORDINALS, re.compile(rf"\bthe\s+{_ORDINAL}\b|\ba\s+(?!second\b){_ORDINAL}\b", re.IGNORECASE)),
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
        r"(?!\s*,|\s+(?:half|quarter|day|week|month|year|round|phase|stage|step|part|floor|place|of|two|three|few|time\s+in\s+\w+s)\b)",
        re.IGNORECASE,
    ),
    re.compile(r"\bfirst[- ]ever\b|\bunprecedented\b|\ball-time\s+(?:high|low)\b", re.IGNORECASE),
    # a place in a ranking: "top of the polls", "bottom of the league"
    re.compile(r"\b(?:top|bottom)\s+of\s+the\s+(?:table|league|list|rankings?|charts?|polls?|class)\b", re.IGNORECASE),
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
        r"(?:\bthe|['\u2019]s|\bits|\btheir|\bhis|\bher)\s+(?:\w+[\s-]+)?(?:(?:most|least)\s+[a-z]{4,}|"
        + "|".join(_SUPERLATIVES)
        + r")\b",
        re.IGNORECASE,
    ),
]

_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'\u2019-]{2,}(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+"
)
_CLAUSE_BREAK = re.compile(r",?\s+(?:and|but|while|whereas)\s+|[;:]\s+")
_PUBLISHING = frozenset({"published", "publishes", "publishing", "released", "releases", "releasing"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose|which)\b")
_COUNTED_SOURCES = re.compile(
    rf"(?:(?:some|about|around|at\s+least|more\s+than)\s+)?(?:\d[\d,]*|{_NUMBER_WORD})\b", re.IGNORECASE
)
_LAST_WORD_RE = re.compile(r"(\w+)\W*$")
_ATTRIBUTION_WORDS = frozenset(
    {"that", "and", "but", "he", "she", "they", "it", "we", "said", "says", "told", "added", "according", "to"}
)
_QUOTE_TRIM = " \t\r\n\"'\u201c\u201d\u2018\u2019«»\u201e,;:\u2014\u2013-"
_MIN_QUOTE_WORDS = 4
_MIN_OTHER_WORDS = 6


# -- detection ----------------------------------------------------------------------------------------------------


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


def _years(text: str) -> list[tuple[int, int]]:
    """Four-digit years, told from counts by their context: "in 2015" or "2015," but not "2000 workers"."""
    found = []
    for match in _YEAR_RE.finditer(text):
        lead = text[max(0, match.start() - 20) : match.start()]
        if _YEAR_LEAD_RE.search(lead) or not _LOWERCASE_WORD_NEXT.match(text, match.end()):
            found.append(match.span())
    return found


def _tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.replace("\u2019", "'"))


def content_kinds(text: str, tokens: list[str] | None = None) -> set[ContentKind]:
    """Which check-worthy features ``text`` states: a first/superlative, an age, a date, a figure, an event.

    A number counts once, as the most specific thing it is: the 36 of an age is not also a figure. Each family of
    patterns runs only when a word it needs is there (a digit, a month, "most"...), which keeps this fast.
    """
    tokens = _tokens(text) if tokens is None else tokens
    words = {token.lower() for token in tokens}
    digits = _DIGIT_RE.search(text) is not None
    numbers = digits or not words.isdisjoint(_NUMBER_WORDS) or "no" in words or "nobody" in words
    kinds: set[ContentKind] = set()
    if not words.isdisjoint(_FIRST_CUES) and any(p.search(text) for p in _FIRST_PATTERNS):
        kinds.add("first")
    ages = _spans(_AGE_PATTERNS, text, words, digits)
    if ages:
        kinds.add("age")
    dates = _spans(_DATE_PATTERNS, text, {*words, *tokens}, digits)
    dates = [span for span in (dates + _years(text) if digits else dates) if _outside(span, ages)]
    if dates:
        kinds.add("date")
    if numbers:
        times = [match.span() for match in _TIME_RE.finditer(text)] if not words.isdisjoint(_TIME_WORDS) else []
        masks = ages + dates + times
        figures = [span for span in _spans(_FIGURE_PATTERNS, text, words, digits) if _outside(span, masks)]
        if any(not _MODEL_NUMBER_LEAD.search(text, max(0, start - 12), start) for start, _end in figures):
            kinds.add("figure")
    if not words.isdisjoint(_EVENT_WORDS):
        kinds.add("other")
    return kinds


def _states_past(tokens: list[str]) -> bool:
    """Whether the words say what was done or has been: a past or participle, not "to be linked"."""
    lower = [token.lower() for token in tokens]
    for index, word in enumerate(lower):
        if word in _IRREGULAR_PAST:
            return True
        if (
            len(word) >= 5
            and word.endswith("ed")
            and word not in _NOT_PAST
            and lower[index - 2 : index] != ["to", "be"]
        ):
            return True
    return False


_PRIORITY: tuple[ContentKind, ...] = ("first", "age", "date", "figure", "other")
_HARD: frozenset[ContentKind] = frozenset({"age", "date", "figure"})


def assess(text: str, *, quoted: bool = False) -> ContentKind | None:
    """The kind of claim ``text`` makes, or None when it is not check-worthy.

    ``quoted`` text (a speaker's words) is held to a looser bar for plain statements: any statement of what was or
    has been (a past or a participle) counts, since the speaker, not the article, vouches for it.
    """
    tokens = _tokens(text)
    if _SWEEPING_START.match(text):
        return None
    if not _FORECAST_WORDS.isdisjoint(tokens):
        # A forecast takes its whole clause with it, figures and all; the other clauses still count.
        clauses = [clause for clause in _CLAUSE_BREAK.split(text) if _FORECAST_WORDS.isdisjoint(_tokens(clause))]
        found = [kind for kind in (assess(clause, quoted=quoted) for clause in clauses) if kind]
        return min(found, key=_PRIORITY.index) if found else None
    kinds = content_kinds(text, tokens)
    if _SOFT_WORDS.isdisjoint(tokens):
        if quoted and "other" not in kinds and _states_past(tokens):
            kinds.add("other")
    else:
        # An opinion or a promise weighs on its own clause only: "the union had signed the deal, but it will not bow
        # to threats" still states the signing.
        kinds &= _HARD
        for clause in _CLAUSE_BREAK.split(text):
            clause_tokens = _tokens(clause)
            if len(clause_tokens) >= _MIN_QUOTE_WORDS and _SOFT_WORDS.isdisjoint(clause_tokens):
                clause_kinds = content_kinds(clause, clause_tokens)
                if quoted and _states_past(clause_tokens):
                    clause_kinds.add("other")
                kinds |= clause_kinds & {"first", "other"}
    for kind in _PRIORITY:
        if kind in kinds:
            if kind == "other" and len(_WORD_RE.findall(text)) < _MIN_OTHER_WORDS and not quoted:
                return None
            return kind
    return None


def is_never_a_claim(sentence: str) -> bool:
    """Questions and conditionals assert nothing, whatever figures they hold."""
    return bool(_QUESTION_END.search(sentence) or _CONDITIONAL_START.match(sentence))


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
        first = _WORD_RE.match(text, start)
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
    return any(token.lower() in _EVENT_WORDS and token.lower() not in _PUBLISHING for token in _tokens(words))


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


def _claims_in_sentence(text: str, sentence: Sentence, parts: list[tuple[int, int, Quote]]) -> list[Claim]:
    """A sentence's claims: its factual quote parts, then any figure, age or first in the words around them."""
    start, end = _trim(text, sentence.start, sentence.end, " \t\r\n")
    dateline = _DATELINE_RE.match(text, start, end)
    if dateline:
        start = dateline.end()
    kept: list[tuple[int, int, Quote]] = []
    for raw_start, raw_end, quote in parts:
        part_start, part_end = _trim(text, raw_start, raw_end, _QUOTE_TRIM)
        if len(_WORD_RE.findall(text[part_start:part_end])) < _MIN_QUOTE_WORDS:
            continue  # a scare quote or a single word: the sentence is the article's, not the speaker's
        if any(part_start < k_end and part_end > k_start for k_start, k_end, _q in kept):
            continue  # an overlapping quote (say a direct quote inside a mixed one) is the same words
        kept.append((part_start, part_end, quote))
    if not kept:
        content = assess(text[start:end])
        return [Claim(start, end, text[start:end], content, None, sentence.position)] if content else []
    claims: list[Claim] = []
    for part_start, part_end, quote in kept:
        words = text[part_start:part_end]
        content = None if is_never_a_claim(words) else assess(words, quoted=True)
        if content:
            kind: ClaimKind = "attributed" if quote.speaker else content
            claims.append(Claim(part_start, part_end, words, kind, quote.speaker, sentence.position))
    drop = _ATTRIBUTION_WORDS | {word.lower() for _s, _e, q in kept for word in _WORD_RE.findall(q.cue)}
    for frame_start, frame_end, leading in _frames(Sentence(sentence.position, start, end, "prose", ""), kept):
        frame_start, frame_end = _edges_trimmed(text, frame_start, frame_end, frozenset(drop))
        words = text[frame_start:frame_end]
        if len(_WORD_RE.findall(words)) < _MIN_QUOTE_WORDS:
            continue
        # The words around a quote mostly say who spoke, where and when: only an age, a first, or a figure before
        # the quote ("Acme, which runs 40 stores, said ...") is a claim there; a figure opening the words
        # ("Three officials said ...") counts the sources and claims nothing.
        # A relative clause about the speaker ("said Jane Doe, who founded the firm in 2015") is the article's own
        # claim, whatever it states.
        content = assess(words)
        relative = _RELATIVE_CLAUSE.search(words)
        about_speaker = assess(words[relative.end() :]) if relative else None
        if content in ("age", "first") or (leading and content == "figure" and not _COUNTED_SOURCES.match(words)):
            claims.append(Claim(frame_start, frame_end, words, content, None, sentence.position))
        elif about_speaker in _HARD or (about_speaker == "other" and _frame_event(words)):
            claims.append(Claim(frame_start, frame_end, words, about_speaker, None, sentence.position))
        elif leading and content == "other" and _frame_event(words) and _tokens(words)[0].lower() not in _PRONOUNS:
            # what a named speaker did before saying something ("The governor declared an emergency and said ...")
            claims.append(Claim(frame_start, frame_end, words, content, None, sentence.position))
    return sorted(claims, key=lambda claim: claim.start)


def find_claims(text: str, sentences: list[Sentence], quotes: list[Quote]) -> list[Claim]:
    """Return the check-worthy claims of the article (in text order), each inside one sentence."""
    ordered = sorted(sentences, key=lambda s: s.start)
    parts = _quote_parts(ordered, quotes)
    claims: list[Claim] = []
    for index, sentence in enumerate(ordered):
        if sentence.kind != "prose" or is_never_a_claim(sentence.text.strip()):
            continue
        claims.extend(_claims_in_sentence(text, sentence, parts.get(index, [])))
    return claims
