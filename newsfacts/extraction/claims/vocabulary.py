"""The words and number shapes the claim rules read: months, number words, event verbs, opinion markers."""

from __future__ import annotations

import re

# -- vocabularies -------------------------------------------------------------------------------------------------

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_UNITS = "(?:one|two|three|four|five|six|seven|eight|nine)"
_TEENS = "(?:ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
SCALE = r"(?:hundred|thousand|million|billion|trillion)"
# "one" alone is too common ("one of", "one day") to count; it counts with a scale word ("one million").
NUMBER_WORD = rf"(?:{_TENS}(?:[- ]{_UNITS})?|{_TEENS}|(?:two|three|four|five|six|seven|eight|nine)|one(?=\s+{SCALE}))"
DIGITS = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"

# fmt: off
SUPERLATIVES = (
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


EVENT_WORDS = frozenset(
    {form for base in _EVENT_VERBS_REGULAR for form in _inflections(base)} | set(_EVENT_VERBS_IRREGULAR)
)

# Markers of opinion, feeling, wishes and hedging, matched as whole words. Lowercase on purpose ("great" is opinion,
# "Great Britain" is not); the adverbs that open sentences match capitalised too.
_HEDGES = ["seemingly", "apparently", "perhaps", "maybe", "probably", "possibly", "arguably"]
# fmt: off
SOFT_WORDS = frozenset([
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
IRREGULAR_PAST = frozenset([
    "been", "known", "told", "found", "given", "taken", "seen", "shown", "began", "begun", "became", "won", "lost",
    "paid", "sent", "spent", "brought", "bought", "wrote", "written", "rose", "fell", "grew", "grown", "sold", "led",
    "hit", "cut",
])
# A forecast is checkable only later, whatever figures it holds ("economists predicted a fall in 2027").
FORECAST_WORDS = frozenset([
    "expect", "expects", "expected", "expecting", "forecast", "forecasts", "forecasting", "predict", "predicts",
    "predicted", "predicting", "anticipate", "anticipates", "anticipated", "projected",
])
# fmt: on
# The words some pattern families need: a family runs only when one of them is in the text.
MONTHS = frozenset(
    "January February March April May June July August September October November December "  # noqa: SIM905
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec".split()
)
CARDINALS = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen "  # noqa: SIM905
    "nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion "
    "hundreds thousands millions billions trillions dozen dozens tens scores".split()
)
ORDINALS = frozenset("second third fourth fifth sixth seventh eighth ninth tenth".split())  # noqa: SIM905
NUMBER_WORDS = CARDINALS | ORDINALS
FIRST_CUES = frozenset(
    ["first", "only", "record", "unprecedented", "all", "most", "least", "top", "bottom", *SUPERLATIVES]
)
NOT_PAST = frozenset("indeed hundred need speed seed feed breed proceed exceed succeed embed".split())  # noqa: SIM905

_AGE_MAX = 119

QUESTION_END = re.compile(r"\?[\s\"'\u201d\u2019»)\]]*$")
CONDITIONAL_START = re.compile(r"^[\"'\u201c\u2018«(\s]*(?:If|Unless|Suppose|Imagine|Whether)\b")
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
DIGIT_RE = re.compile(r"\d")
WORD_RE = re.compile(r"\w+")


def word_tokens(text: str) -> list[str]:
    return _TOKEN_RE.findall(text.replace("\u2019", "'"))


MIN_QUOTE_WORDS = 4
MIN_OTHER_WORDS = 6

# Where a sentence splits into clauses that each assert on their own.
CLAUSE_BREAK = re.compile(r",?\s+(?:and|but|while|whereas)\s+|[;:]\s+")
