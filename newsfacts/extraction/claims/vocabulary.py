"""The words and number shapes the claim rules read: months, number words, event verbs, opinion markers."""

from __future__ import annotations

import re
from functools import lru_cache

from newsfacts.extraction.cues import (
    ALL_VERBS,
    CARDINALS,
    SCALE_WORDS,
    SUBJECT_PRONOUNS,
    TEEN_WORDS,
    TENS_WORDS,
    UNIT_WORDS,
    as_written,
    one_of,
    words,
)

# -- vocabularies -------------------------------------------------------------------------------------------------

MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_UNITS = one_of(UNIT_WORDS)
_TEENS = one_of(TEEN_WORDS)
_TENS = one_of(TENS_WORDS)
SCALE = one_of(SCALE_WORDS)
# "one" alone is too common ("one of", "one day") to count; it counts with a scale word ("one million").
NUMBER_WORD = rf"(?:{_TENS}(?:[- ]{_UNITS})?|{_TEENS}|{one_of(UNIT_WORDS[1:])}|one(?=\s+{SCALE}))"
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
# Feelings: "He felt nervous after being chosen from 500 volunteers" still counts the volunteers, even in a
# speaker's words; an evaluation or a modal does not ("Surely the parish can spare a couple of dozen benches").
# fmt: off
FEELINGS = frozenset([
    "feel", "feels", "feeling", "felt", "afraid", "scared", "nervous", "inspired", "delighted", "disappointed",
    "frustrated", "frustrating", "frustration", "shocked", "surprised", "pleased", "proud", "happy", "sad", "angry",
    "worried", "excited", "upset", "gutted", "devastated", "thrilled", "cried", "crying", "love", "loves", "loved",
    "hate", "hates", "hated", "fear", "fears", "feared", "emotion", "emotional", "regret", "regrets", "remorse",
    "remorseful", "exciting", "dislike", "dislikes", "disliked",
])
# fmt: on
# fmt: off
SOFT_WORDS = frozenset([
    *_HEDGES, *(word.capitalize() for word in _HEDGES),
    "seem", "seems", "seemed", "likely", "unlikely", "should", "must", "ought", "could", "might", "think", "thinks",
    "thought", "believe", "believes", "believed", "feel", "feels", "feeling", "felt", "hope", "hopes", "hoped",
    "hoping", "wish", "wishes", "wished", "want", "wants", "wanted", "wanting", "dream", "dreams", "dreamed", "dreamt",
    "love", "loves", "loved", "hate", "hates", "hated", "afraid", "fear", "fears", "feared", "realise", "realised",
    "realises", "realize", "realized", "realizes", "great", "wonderful", "terrible", "awful", "amazing", "beautiful",
    "incredible", "impossible", "ideal", "I'm", "we're", "We're",
    # duties, advice and appeals are not facts
    "duty", "need", "needs", "urge", "urges", "urged", "urging", "advise", "advised", "Surely", "surely", "can",
    "wonder", "wondered", "wondering", "may", "potential", "prudent", "cannot", "can't",
    # evaluations: how well something went is a judgement, not a fact
    "good", "bad", "poor", "poorly", "better", "worse", "fantastic", "brilliant", "excellent", "sharp", "deserve",
    "deserves", "deserved", "lucky", "unlucky", "unfortunate", "unfortunately", "fortunately", "tough", "difficult",
    "nice", "perfect", "fair", "unfair", "shame", "pity", "disappointing", "confident",
    "sounded", "hopefully", "fun", "strong", "unhappy", "damning", "appears", "easy", "wrong",
    # generic statements, not events
    "often", "usually", "always", "sometimes", "generally", "typically", "simply", "clearly", "obviously",
    *FEELINGS,
    # a generic "you" ("in this job you get blamed", "you've got to act") speaks of no one in particular
    "you", "You", "you've", "You've", "you're", "You're", "you'd", "You'd",
    # the article's verdict on how something was done ("powerfully documented", "deftly handled")
    "powerfully", "brilliantly", "beautifully", "superbly", "masterfully", "deftly", "admirably", "impressively",
    "poignantly", "movingly", "vividly", "eloquently", "wisely", "foolishly", "shamefully", "disgracefully",
    "bizarrely", "astonishingly", "stunningly",
])
# What was done or has been: a regular past or participle (-ed) or a common irregular one.
IRREGULAR_PAST = frozenset([
    "been", "known", "told", "found", "given", "taken", "seen", "shown", "began", "begun", "became", "won", "lost",
    "paid", "sent", "spent", "brought", "bought", "wrote", "written", "rose", "fell", "grew", "grown", "sold", "led",
    "hit", "cut", "came", "went", "made", "took", "gave", "held", "left", "met", "ran", "kept", "built", "fled",
    "heard", "caught", "got", "chose", "drove", "flew", "threw", "stood", "sat", "saw", "spoke", "stole", "struck",
    "fought", "taught", "sought", "meant", "dealt", "sent", "lent", "lay", "laid", "bore", "shot", "won", "done",
    "gone", "seen", "become", "drawn", "drew", "thrown", "sank", "sunk", "hid", "hidden", "split", "quit", "shut",
    "woke", "awoke", "woken", "ate", "eaten", "forgot", "forgotten", "froze", "frozen", "rode", "ridden", "rang",
    "sang", "swam", "tore", "torn", "wore", "worn", "bitten", "blew", "blown", "chosen", "dug", "forgave", "forgiven",
    "knew", "shook", "shaken", "slid", "slept", "spun", "sprang", "sprung", "stuck", "stung", "swept", "swore",
    "sworn", "swung", "understood", "undertook", "undertaken", "upheld", "withheld", "crept", "flung", "knelt",
    "leapt", "sped", "wept", "arose", "arisen", "beaten", "bled", "drank", "driven", "fallen", "overthrew",
    "overthrown", "overcame", "oversaw", "overseen", "overtook", "overtaken", "rebuilt", "rewrote", "rewritten",
    "strove", "withstood", "forbade", "forbidden", "hung", "lit", "mistook", "put", "spread", "hurt",
])
# fmt: on
# What a participle looks like after has/have/had ("has become", "had texted", "have sought"), not an object ("we have
# them", "had letters"): a known irregular form, or a regular-looking ending.
PARTICIPLE_RE = re.compile(
    r"(?:"
    + "|".join(sorted(IRREGULAR_PAST))
    + r"|become|come|run|put|set|let|read|forecast|broadcast|cast|bet|hurt|spread|beat"
    + r"|[a-z]+(?:ed|en|wn|ght|lt|pt|nt))$"
)
# What will be, or would be, is checkable only later, whatever figures it holds: a prediction, a plan, a promise.
# A modal in a relative clause ("a plan that would close two schools was approved") describes a thing, not the
# clause's own assertion; a past expectation ("analysts had predicted a loss of 12 cents") is a fact about then.
FORWARD_WORDS = frozenset(
    ["will", "won't", "would", "wouldn't", "shall", "i'll", "we'll", "you'll", "he'll", "she'll", "it'll", "they'll"]
)
# Each expression below that is run over many stretches names, in a lookahead, the letters its matches can start with:
# the scan passes over every other position at once (the same matches, in about half the time).
FORECAST_RE = re.compile(
    r"(?=[eafpiw'lsd])(?:"
    r"\b(?:expects?|expecting|anticipates?|anticipating|forecasts|forecasting|predicts|predicting|intends?"
    r"|intending)\b(?!\s*(?:[,.;:)]|and\b|$))"  # not "the standards that we expect."
    r"|\b(?:is|are)\s+(?:expected|scheduled|due)\b(?!\s+to\s+(?:the|a|an)\b)"
    r"|\b(?:expected|projected|predicted|forecast)\s+(?:[\w'\u2019]+\s+){1,3}to\s+(?:grow|rise|fall|increase|decrease"
    r"|reach|hit|return|remain|stay|drop|double|recover|slow|decline|be)\b"
    r"|\b(?:am|is|are|was|were|'re|'s)(?:\s+not|n't)?\s+going\s+to\s+(?=[a-z]+\s)(?!the\b|a\b|an\b)"
    # not a past one: "the ferry was due to be repaired", "sales had been expected to rise"
    r"|\b(?=[eplfsaid])(?<!\bwas\s)(?<!\bwere\s)(?<!\bhad\s)(?<!\bbeen\s)(?<!\bthe\s)"  # nor "with the aim to"
    r"(?:expected|projected|predicted|forecast|set|likely|poised|plans|planned|planning|aims?|aiming"
    r"|intended|scheduled|due)\s+to\s+"
    r"(?!(?:the|a|an|his|her|their|its|between|about|around|under|over|just|as|be\s+\w+ed\s+by)\b|[\d$\u20ac\u00a3]))",
    re.IGNORECASE,
)
# What the market's forecasters expect now, or were expecting, is a figure on record, checkable today ("Analysts
# polled by the agency expect revenue of $34 million", "analysts were expecting earnings of 40p a share"); a firm's own
# expectation stays a forecast.
CONSENSUS_RE = re.compile(
    r"\b(?:[Aa]nalysts|[Ee]conomists|[Ff]orecasters|[Ss]trategists)\b[^.;:]{0,50}?"
    r"\b(?:expect|forecast|predict|estimate|project|(?:were|had\s+been)\s+(?:expect|forecast|predict|estimat|project)ing)"
    r"\s+(?:an?\s+|the\s+)?[\w-]*\s*(?:[\w-]+\s+)?(?:of\s+)?[$€£¥\d]"
)
# The stretches a modal's reach ends at: clause breaks, commas and subordinators ("because if it had gone ahead").
FORWARD_BREAK = re.compile(
    r"(,?\s+(?:and|but|while|whereas|because|if|unless|although|though|since|after|before|when|as)\s+|[;:,]\s+"
    r"|\s+(?:--?|\u2013|\u2014)\s+)"
)
DEPENDENT_JOINS = words("because if unless although though since after before when as")
RELATIVE_MODAL_RE = re.compile(r"\b(?:that|which|who)\s+(?:would|will|could|might|may|can)\b", re.IGNORECASE)
# The words some pattern families need: a family runs only when one of them is in the text.
MONTHS = words(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec"
)
WEEKDAYS = words("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
RELATIVE_TIME_WORDS = frozenset(["yesterday", "last", "next", "earlier", "later"])
TIME_UNITS = words(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades"
)
ORDINALS = words("second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth")
NUMBER_WORDS = CARDINALS | ORDINALS
FIRST_CUES = frozenset(
    [
        "first",
        "only",
        "no",
        "number",
        "record",
        "unprecedented",
        "all",
        "most",
        "least",
        "top",
        "bottom",
        "years",
        "decades",
        "century",
        "centuries",
        "high",
        "low",
        "highs",
        "lows",
        "place",
        *SUPERLATIVES,
    ]
)
_NOT_PAST_WORDS = (
    "indeed hundred need speed seed feed breed proceed exceed succeed embed deed weed reed heed shed sled bed red"
)
NOT_PAST = frozenset(_NOT_PAST_WORDS.split())

_AGE_MAX = 119

QUESTION_END = re.compile(r"\?[\s\"'\u201d\u2019»)\]:]*$")  # "?:" ends a transcript's topic line
# An editor's note on the article itself ("Correction: This story earlier gave ...") is furniture.
EDITORS_NOTE_START = re.compile(
    r"^[\s*]*(?:Correction|Clarification|Editor['\u2019]s\s+[Nn]ote|Update|Updated)\s*[:\u2013\u2014-]", re.IGNORECASE
)
CONDITIONAL_START = re.compile(r"^[\"'\u201c\u2018«(\s]*(?:If|Unless|Suppose|Imagine|Whether)\b")
# Advice and appeals: "Don't just turn up at the hospital", "Please call the helpline first".
IMPERATIVE_START = re.compile(r"^[\"'\u201c\u2018«(\s]*(?:Don['\u2019]t|Do\s+not|Please|Let['\u2019]s|Never)\b")
# A question put in words: "May I ask whether ...", "We want to know whether ...".
ASKING_START = re.compile(
    r"^[\"'\u201c\u2018«(\s]*(?:I|We)(?:\s+would\s+like|['\u2019]d\s+like|\s+want|\s+wanted)\s+to\s+(?:ask|know)\b"
)
_TOKEN_RE = re.compile(r"[A-Za-z]+(?:'[A-Za-z]+)?")
DIGIT_RE = re.compile(r"\d")
WORD_RE = re.compile(r"\w+")


def word_tokens(text: str) -> list[str]:
    return list(_word_tokens(text))


@lru_cache(maxsize=4096)
def _word_tokens(text: str) -> tuple[str, ...]:
    """A stretch's words, kept until ``forget_word_tokens``: the claim rules ask about the same stretch three times
    on average (a judgement, its clauses, its kinds)."""
    return tuple(_TOKEN_RE.findall(text.replace("\u2019", "'")))


def forget_word_tokens() -> None:
    """Drop the words kept by ``word_tokens`` (``assess.forget`` calls this once an article's claims are found)."""
    _word_tokens.cache_clear()


MIN_QUOTE_WORDS = 4
MIN_OTHER_WORDS = 6

# Words that open a clause of its own after "and" or "but": a subject pronoun or a determiner ("and the port
# closed", "but they stayed").
CLAUSE_OPENER = one_of(
    [*sorted(as_written(SUBJECT_PRONOUNS)), "the", "a", "an", "his", "her", "its", "their", "this", "these", "those"]
)
# Where a sentence splits into clauses that each assert on their own.
CLAUSE_BREAK = re.compile(
    r",?\s+(?:but|while|whereas)\s+|[;:]\s+"
    r"|,?\s+and\s+(?=(?:" + CLAUSE_OPENER + r"|[A-Z]\w*)\b)"
    r"|\s+and\s+(?=(?:had|has|was|were|did)\b)"
)

# Words the reporter quotes inside a speaker's reported account ('the club ran a "fair contest"', 'she was
# "baffled" when ...'): an opening mark before a lowercase word. The reporter quotes them because they are the
# speaker's own characterisation, more often a verdict than a fact; a name or a title in quotes starts with a capital
# ('joined the "Harbour Hour" show', 'the "Stay Local" campaign').
QUOTED_WORDS_RE = re.compile(r"(?:^|[\s(\[])(?:\"|\u201c|\u2018\u2018|``|\u2018|'')[a-z]")

# "I" joined by a hyphen to what follows is no first person: an independent's party label ("Sen. Ana Ruiz (I-Vt.)"),
# a road ("I-95"), a compound ("an I-told-you-so tone").
_HYPHENED_I = "I-"
HYPHENED_I_RE = re.compile(r"\b" + _HYPHENED_I)
# A speaker talking about themselves ("we woke up a little", "I got scolded first").
FIRST_PERSON_RE = re.compile(r"\b(?:(?!" + _HYPHENED_I + r")I|I've|I'd|[Ww]e|[Ww]e've|[Ww]e'd|[Oo]ur|[Mm]y)\b")
FIRST_PERSON = frozenset(["I", "I've", "I'd", "we", "We", "we've", "We've", "we'd", "We'd", "our", "Our", "my", "My"])
# The speaker alone as subject or owner, lowercased ("I", "I'm", "my"): their own experience rather than an
# organisation's; not "me", which is often who was told something ("the warden told me ...").
FIRST_PERSON_SINGULAR = frozenset(["i", "i've", "i'd", "i'm", "i'll", "my", "mine", "myself"])

# Acts of speaking or reacting ("asked him to clarify", "criticised the work", "expressed confidence") report that
# words were said, not what happened: they are no past fact of their own.
# A request is an act of its own ("The lawyer asked to be removed from the case").
_SPEAKING = {lemma[:-1] + "ing" if lemma.endswith("e") else lemma + "ing" for lemma in ALL_VERBS.values()}
SPEECH_ACTS = frozenset(
    [
        *(verb for verb in ALL_VERBS if verb not in {"ask", "asked", "asks"}),
        *(verb for verb in _SPEAKING if verb != "asking"),
        "expressed",
        "vented",
        "slammed",
        "praised",
        "welcomed",
        "condemned",
        "criticised",
        "criticized",
        "urged",
        "prompted",
        "questioned",
        "hailed",
        "blasted",
        "lamented",
        "heard",
        "quoted",
        "spoke",
        "spoken",
        "speaking",
        "defended",
        "disputed",
        "challenged",
        "clashed",
        "heaped",
        # talking about a topic ("addressed the role of the inspectors", "highlighted the risks") is more talk
        "addressed",
        "underlined",
        "highlighted",
        "discussed",
        "debated",
    ]
)
# A subordinate clause sets the scene of the main one ("It was raining when the delegates arrived"): what it says was
# done is no assertion of its own.
SUBORDINATE_RE = re.compile(r"(?=[wabuo])\b(?:when|as|while|after|before|until|once|whenever)\b[^,;]*", re.IGNORECASE)
# A speaker's flat denial or negated fact ("Our firm has nothing to do with this", "the surface doesn't meet the
# standard"); not a habit ("they don't plan ahead"), which says what tends to happen, not what is or did.
NEGATED_FACT_RE = re.compile(
    r"(?:\b(?:is|are|was|were|has|have|had|did|does)|(?<=['\u2019])(?:s|re))"
    r"(?:\s+(?:not|never)\b|n['\u2019]t\b|\s+(?:nothing|no)\s)"
    r"|\bnever\s+\w+ed\b",
    re.IGNORECASE,
)
# A day something is scheduled for: "on October 17", "on 5 October", "on Tuesday" (not a year: "in 2027" is a plan).
SCHEDULED_RE = re.compile(
    rf"\b(?:on|from|until)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|{MONTH}\s+\d{{1,2}}\b|\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH})"
)
# A comparison with what was believed: "earlier than originally thought".
THAN_BELIEVED_RE = re.compile(
    r"\bthan\s+(?:(?:originally|previously|first|once|initially|widely)\s+)?(?:thought|believed|feared|estimated)\b"
)
# A feeling caused in someone named ("surprised Wall Street", "upset the champions") is what was done, not felt.
FELT_BY_OTHERS_WORDS = (
    "surprised",
    "shocked",
    "upset",
    "worried",
    "delighted",
    "disappointed",
    "frustrated",
    "angered",
)
FELT_BY_OTHERS_RE = re.compile(
    r"(?<!\bwas\s)(?<!\bwere\s)(?<!\bis\s)(?<!\bam\s)(?<!\bare\s)(?<!\bbe\s)(?<!\bbeen\s)(?<!\bfelt\s)(?<!\bvery\s)"
    r"(?<!\bso\s)(?<!\btoo\s)(?<!['\u2019]m\s)(?<!['\u2019]re\s)(?<!['\u2019]s\s)"
    rf"\b(?:{'|'.join(FELT_BY_OTHERS_WORDS)})"
    r"(?=\s+(?:the|its|his|her|their|investors|analysts|voters|fans|[A-Z][a-z]+)\b)(?!\s+(?:[A-Z][a-z]+)\s+(?:was|were)\b)"
)
# What happens now and then, not what happened: "every once in a while", "from time to time".
HABIT_RE = re.compile(
    r"\b(?:every\s+(?:once\s+in\s+a\s+while|now\s+and\s+then|so\s+often)|from\s+time\s+to\s+time)\b", re.IGNORECASE
)
# A state told in reported speech: a finite "be" or "have" ("the road was still closed", "the mayor had the right to").
# Where someone or something is, told in the article's own words, is a fact of the story ("An inquiry is underway at
# the port", "The driver remains in hospital"), unlike a state that judges ("growth is flagging").
PLACED_RE = re.compile(
    r"\b(?:is|are|was|were|remains|remained)\s+(?:still\s+|now\s+|currently\s+)?"
    r"(?:underway\b|(?:in|at|inside|outside|behind|under|on)\s+(?:the|a|an|his|her|their|its|[A-Z]))"
)
STATE_VERBS = words(
    "is are was were has have had isn't aren't wasn't weren't hasn't haven't hadn't it's that's there's"
)
# Subjects that point rather than name: "this was a disgrace", "it is the right of the governor".
DEICTIC = words("it this that there these those")
# Participles that tell a state of mind after "is"/"are" ("is interested in", "are concerned by"), not a fact.
MENTAL_STATES = words(
    "interested concerned focused convinced worried committed determined prepared supposed used obsessed dedicated "
    "satisfied disappointed pleased delighted shocked surprised amazed excited tired bored scared frightened annoyed "
    "embarrassed confused impressed troubled alarmed encouraged engaged absorbed"
)
# What someone could or could not do then, in the article's words: "the hearing could not start that morning", "the
# crew were able to tow the lorry clear" (a speaker's "we could" is more often a wish or a possibility).
PAST_ABILITY_RE = re.compile(r"\b(?:could(?:\s+not|n['\u2019]t)|(?:was|were)(?:\s+not)?\s+able)(?=\s+to\s+\w|\s+\w)")
# Adverbs between a verb and its participle: "is still focused", "are now based".
STATE_ADVERBS = words("still now also already currently always largely mostly")
# Words of degree between a "be" and a participle ("I am so struck", "is very concerned") leave it a state, like an
# adverb in -ly ("is deeply divided").
DEGREE_WORDS = words("so very too really quite rather")
# A past form right after a determiner or a preposition modifies a noun ("the leaked figures", "its closed plant", "no
# amount of processed food"): no verb follows these.
DETERMINERS = words("a an the this these those its his their our my your of for in on at with from into among without")
HYPHENATED_RE = re.compile(r"(?<!\w)\w+(?:-\w+)+")  # a match starts a word: not tried again inside one
# Verbs of demanding: the bare verb after them ("demanded that the council reconsider", "asked that the names be
# withheld") says what is wanted, not what is.
DEMAND_VERBS = words(
    "demand demanded demands demanding insist insisted insists insisting urge urged urges urging ask asked asks "
    "request requested requests require required requires recommend recommended recommends propose proposed "
    "proposes"
)
# Words of degree that, before an adjective in a speaker's words, make it a verdict ("absolutely brilliant", "so
# brave", "really harsh on us"); not "very", which as often only sizes a fact ("a very busy week: three games").
INTENSIFIERS = words(
    "absolutely incredibly extremely truly really utterly totally hugely massively unbelievably remarkably "
    "genuinely thoroughly immensely tremendously so"
)
# Present verbs that tell no standing fact of their subject: how it seems, what it wants or means, what it is up
# against or what it stands for ("Russia now faces Washington", "His view comes at a moment when", "marks a shift").
NOT_STANDING = words(
    "seems looks appears sounds feels means matters needs wants hopes plans aims expects intends tends tries "
    "seem look appear sound feel mean matter need want hope plan aim expect intend tend try does do faces face "
    "comes come goes go marks mark reflects reflect represents represent signals signal suggests suggest poses pose "
    "stands stand continues continue follows follow deserves deserve risks risk"
)
# The play of a game told by a speaker ("we moved the ball quickly", "they fought back after the break"): a coach's or a
# player's commentary, not a fact a checker would take up, unless it counts or dates something. Words of other
# trades stay out ("a penalty", "the defence", "an attack", "a telephone box", "a credit score").
PLAY_WORDS = words("ball game games pitch possession goal goals scored chance chances tackle tackles shots pressing")
# What a speaker says they or someone knew ("I knew right away that ...", "she doesn't know if ..."): annotators rate it
# borderline.
KNOWING = words("know knows knew known realise realised realize realized")
# Praise and blame in a speaker's words ("showed real courage", "went above and beyond", "were magnificent"), how well
# something went and a view marked as the speaker's own (``PRAISE_RE``): a verdict, not a fact. Speakers only: the
# article's "the brave crew rescued two children" tells an event.
PRAISE_WORDS = words(
    "magnificent superb outstanding tremendous terrific lovely remarkable exceptional phenomenal sensational heroic "
    "heroes hero tirelessly resolutely courage courageous bravery brave fearless professionalism dedication "
    "commitment character spirit passion admirable admirably magnificently superbly gallant gutsy"
)
PRAISE_RE = re.compile(
    r"(?=[agtpcvrsqefn])\b(?:above\s+and\s+beyond|gave\s+(?:it\s+)?(?:everything|their\s+all|his\s+all|her\s+all)|the\s+extra\s+mile"
    r"|pulled\s+together|credit\s+to"
    # how well something was done: "fought back very well", "a pretty well rounded performance"
    r"|(?:very|pretty|really|so|quite|extremely)\s+well"
    # a speaker marking their own view: "For me the draw was fair", "I have no doubt the bridge will hold"
    r"|^For\s+me|no\s+doubt)\b",
    re.IGNORECASE,
)
# How a place or a crowd looked or reacted, the scene of a story, not an event of it ("The hall was packed as the
# ceremony began", "Supporters lined the streets", "Fans cheered as the players walked out").
SCENE_VERBS = words(
    "packed crowded thronged lined cheered applauded clapped booed jeered chanted sang waved gathered flocked "
    "queued watched gasped smiled laughed greeted hugged"
)
# Phrases that read as an event or a past but tell a reaction, a hedge or a verdict (``assess._plain_words`` rewrites
# them to words the rules already read so): "the finding raises questions about", "did not like the numbers",
# "appeared to be listening", "the room fell silent".
RAISED_DOUBT_RE = re.compile(
    r"\brais(?:e|es|ed|ing)\s+(?:(?:new|serious|further|more|fresh)\s+)?(?:questions?|concerns?|doubts?|fears?|hopes?"
    r"|eyebrows|alarm|the\s+(?:possibility|prospect|question))\b"
    r"(?:\s+(?:about|over|on|as\s+to|whether|that|of)\b[^,;]*)?",  # and what the questions are about
    re.IGNORECASE,
)
DISLIKED_RE = re.compile(r"\b(?:did|do|does)(?:\s+not|n['\u2019]t)\s+like\b", re.IGNORECASE)
# "appeared to be listening", "appeared cowed", "appears unconvinced"; not "appeared in court", "appeared before the
# magistrates", "appeared briefly at the hearing"
APPEARED_TO_RE = re.compile(
    r"\bappear(?:s|ed)?\s+(?:to\s+(?=(?:be|have)\b)|(?=[a-z]+(?:ed|en|ous|ful|ive|ent|ant|ic|al)\b))",
    re.IGNORECASE,
)
# An appeal or a warning to the public to act ("warned shoppers to avoid the pills", "made a plea for residents to
# keep off the ice", "appealed for witnesses to come forward"): advice reported, as "urged" is. Only the public is its
# object: a call on someone named ("called on the mayor to resign") is news of its own.
_THE_PUBLIC = (
    r"(?:(?:the\s+|members\s+of\s+the\s+|all\s+|other\s+|local\s+)?(?:public|people|residents|consumers|shoppers"
    r"|parents|motorists|drivers|travell?ers|holidaymakers|customers|users|patients|witnesses|anyone|everyone))"
)
APPEAL_RE = re.compile(
    r"\b(?:warn(?:s|ed|ing)?|caution(?:s|ed|ing)?|call(?:s|ed|ing)?\s+on|appeal(?:s|ed|ing)?\s+(?:to|for)"
    r"|plead(?:s|ed|ing)?\s+with|(?:issu|mak|launch)(?:es|ed|ing|e)\s+(?:a|an)\s+(?:\w+\s+)?(?:plea|appeal|call)"
    r"(?:\s+(?:to|for|on))?)"
    rf"\s+{_THE_PUBLIC}\s+(?:\w+\s+)?to\s+(?!(?:the|a|an|his|her|their|its|be)\b)[a-z]+\b",
    re.IGNORECASE,
)
HARD_TO_RE = re.compile(r"\b(?:it|that)(?:['\u2019]s|\s+is|\s+was)\s+hard\s+to\b", re.IGNORECASE)
FELL_SILENT_RE = re.compile(r"\bfell\s+(?:silent|quiet)\b", re.IGNORECASE)
# "We can confirm that", "I can tell you": the speaker vouching for what follows, no ability, hedge or generic "you".
CAN_CONFIRM_RE = re.compile(
    r"\b(?:can|could)\s+(?P<verb>confirm|say|reveal|reaffirm|(?:tell|assure)(?=\s+(?:you|them|us)\b))"
    r"(?:\s+(?:you|them|us)\b)?",
    re.IGNORECASE,
)
# Who held a role, in the article's words: "The lead prosecutor in the case was Jane Doe", "The other driver was
# Tom Reyes of Leeds"; not a verdict on who stood out ("The star of the night was Ana Ruiz").
ROLE_HOLDER_RE = re.compile(
    r"^(?:The|the)\s+(?!(?:\w+\s+){0,3}?(?:star|hero|heroine|highlight|standout|stand-out|pick|best|man|woman|player)\b)"
    r"(?:[a-z][\w'\u2019-]*\s+){1,6}(?:is|was|are|were)\s+(?:[A-Z][\w.'\u2019-]*\s+){1,5}[A-Z][\w'\u2019-]+"
)
# A negated verb of meaning or wanting is a judgement, not a denial of a fact ("the timetable does not reflect how
# people travel", "that doesn't mean the council was right").
NEGATED_JUDGEMENT_RE = re.compile(
    r"\b(?:does|do|did)(?:\s+not|n['\u2019]t)\s+(?:\w+ly\s+)?(?:reflect|represent|mean|matter|deserve|need|want|care"
    r"|seem|look|appear|sound|feel|make\s+sense|add\s+up)\b",
    re.IGNORECASE,
)

# Asking someone to speak is more talk, not an act of its own ("A reporter then asked her to explain that
# remark"), unlike asking for something to be done ("The lawyer asked to be removed from the case"); so is asking a
# question, put after "if", "whether" or a question word ("The prosecutor asked the witness if she owned a car") or in
# the quote that the few words after "asked" lead to ("..., Councillor Ana Ruiz asked.", "Mr Reyes asked the chair").
ASKED_TO_SPEAK_RE = re.compile(
    r"\bask(?:ed|s|ing)?\s+(?:[\w'\u2019]+\s+){0,3}?to\s+(?:clarify|explain|comment|elaborate|repeat|respond|answer"
    r"|say|speak|expand)\b[^,;]*"  # and what they were asked to speak about
    r"|\bask(?:ed|s)\s+(?:[\w'\u2019.-]+\s+){0,4}?(?:if|whether|why|how|what|who|about)\b[^,;]*"
    r"|\bask(?:ed|s)(?:\s+(?!(?:to|for)\b)[\w'\u2019.-]+){0,6}\W*$",
    re.IGNORECASE,
)
