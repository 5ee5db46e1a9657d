"""Generic English lexicons for quote attribution: reporting verbs, pronouns, titles, role nouns, organisation words.

Nothing here names a person or a phrase of a particular article; these are the closed word classes and common
newsroom nouns every English news story draws on.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

APOSTROPHES = "'\u2019"
DASHES = "-\u2013\u2014"


def words(text: str) -> frozenset[str]:
    """A lexicon written as one string of space-separated words."""
    return frozenset(text.split())


def one_of(choices: Iterable[str]) -> str:
    """A regex group for any of ``choices``, tried in the order given: ``(?:one|two|three)``."""
    return "(?:" + "|".join(choices) + ")"


def _forms(*groups: str) -> dict[str, str]:
    """Map each inflected form to its lemma: ``"say said says"`` gives ``{"say": "say", "said": "say", ...}``."""
    table: dict[str, str] = {}
    for group in groups:
        words = group.split()
        for word in words:
            table[word] = words[0]
    return table


# Verbs that report speech and may take their content directly ("X said the plan failed").
SPEECH_VERBS = _forms(
    "say said says",
    "state stated states",
    "tell told tells",
    "explain explained explains",
    "add added adds",
    "note noted notes",
    "insist insisted insists",
    "claim claimed claims",
    "argue argued argues",
    "warn warned warns",
    "write wrote writes",
    "stress stressed stresses",
    "maintain maintained maintains",
    "concede conceded concedes",
    "assert asserted asserts",
    "contend contended contends",
    "reply replied replies",
    "respond responded responds",
    "remark remarked remarks",
    "declare declared declares",
    "emphasise emphasised emphasises",
    "emphasize emphasized emphasizes",
    "tweet tweeted tweets",
    "testify testified testifies",
    "allege alleged alleges",
    "complain complained complains",
    "boast boasted boasts",
    "caution cautioned cautions",
    "assure assured assures",
    "inform informed informs",
    "report reported reports",
    "clarify clarified clarifies",
    "quip quipped quips",
)
# Verbs that report speech only with a ``that`` clause or a quotation ("announced that ...", not "announced plans").
THAT_VERBS = _forms(
    "announce announced announces",
    "reveal revealed reveals",
    "confirm confirmed confirms",
    "deny denied denies",
    "suggest suggested suggests",
    "recall recalled recalls",
    "predict predicted predicts",
    "acknowledge acknowledged acknowledges",
    "admit admitted admits",
    "promise promised promises",
    "vow vowed vows",
    "pledge pledged pledges",
    "agree agreed agrees",
    "estimate estimated estimates",
    "observe observed observes",
    "comment commented comments",
    "indicate indicated indicates",
    "hint hinted hints",
    "ask asked asks",
    "wonder wondered wonders",
    "repeat repeated repeats",
    "reiterate reiterated reiterates",
)
# Verbs that frame a quotation but report nothing without one ("called the plan “a disaster”").
FRAMING_VERBS = _forms(
    "call called calls",
    "describe described describes",
    "dub dubbed dubs",
    "label labelled labeled labels",
    "brand branded brands",
)
# Reporting verbs whose content may follow a preposition: "warned against", "admitted to feeling", "called for".
VERB_PREPOSITIONS: dict[str, tuple[str, ...]] = {
    "warn": ("against", "of", "about"),
    "admit": ("to",),
    "complain": ("about", "of"),
    "insist": ("on",),
    "deny": (),
}
# Verbs whose first object is the person addressed, not the content: "told reporters (that) ...".
ADDRESSEE_VERBS = frozenset({"tell", "assure", "inform", "warn", "remind", "reassure", "brief", "advise"})

ALL_VERBS: dict[str, str] = {**SPEECH_VERBS, **THAT_VERBS, **FRAMING_VERBS}
# Verbs that report speech only with "that" right after them (or after the person addressed): as words of their own
# they mostly name other acts ("posted a loss", "signalled left"), so they stay out of ``ALL_VERBS``.
THAT_ONLY_VERBS = _forms(
    "counter countered counters",
    "disclose disclosed discloses",
    "signal signalled signaled signals",
    "post posted posts",
    "affirm affirmed affirms",
    "reaffirm reaffirmed reaffirms",
    "express expressed expresses",
    "remind reminded reminds",
    "reassure reassured reassures",
    "brief briefed briefs",
    "advise advised advises",
    "mention mentioned mentions",
    "highlight highlighted highlights",
    "underline underlined underlines",
    "underscore underscored underscores",
    "joke joked jokes",
    "lament lamented laments",
    "speculate speculated speculates",
    "forecast forecasted forecasts",
    "accept accepted accepts",
    "demand demanded demands",
    "recommend recommended recommends",
    "propose proposed proposes",
    "dispute disputed disputes",
    "answer answered answers",
    "reason reasoned reasons",
    "concur concurred concurs",
    "shout shouted shouts",
    "yell yelled yells",
    "exclaim exclaimed exclaims",
    "continue continued continues",
    "plead pleaded pleads",
    "read reads",  # "The statement read: "...""
    "submit submitted submits",
    "depose deposed deposes",
    "swear swore swears sworn",
    "aver averred avers",
)
# Reporting verbs of two or more words: the verb, then the words that complete it ("pointed out that ...").
PHRASAL_CUES: dict[str, str] = {
    **dict.fromkeys(("point", "pointed", "points"), r"\s+out\b"),
    **dict.fromkeys(("make", "made", "makes"), r"\s+(?:it\s+)?clear\b"),
    **dict.fromkeys(("go", "went", "goes"), r"\s+on\s+to\s+(?:say|add|note|explain)\b"),
    **dict.fromkeys(("give", "gave", "gives", "given"), r"\s+evidence\b"),
}
# Verbs by which research reports its results: a cue only when a study, a survey or researchers find, show or
# conclude a clause ("The study found that ...", "Researchers concluded the drug ..."); "police found the car" is none.
FINDING_VERBS = _forms("find found finds", "show showed shows shown", "conclude concluded concludes")
# What finds and shows: research, its documents and the people who do it.
RESEARCH_NOUNS = words(
    """study studies report reports survey surveys poll polls research review audit inquiry
    investigation paper trial trials experiment experiments researchers scientists authors
    investigators"""
)
# Participles that hand on the subject of the clause before them: "..., he said, adding that ...".
PARTICIPLE_CUES = _forms("add adding", "say saying", "note noting", "insist insisting", "warn warning", "argue arguing")
PARTICIPLE_CUES.update(_forms("explain explaining", "stress stressing", "claim claiming"))
# Participles that say what a statement implies, not a second statement: they end its content and report nothing
# ("..., suggesting it was comfortable with ...").
INFERENCE_PARTICIPLES = words("suggesting indicating signalling signaling implying")
PARTICIPLE_CUES.update(_forms("state stating", "confirm confirming", "announce announcing", "tell telling"))
PARTICIPLE_CUES.update(_forms("quip quipping", "inform informing", "assure assuring"))
# "..., calling it "the best I have had"": a framing participle, a cue only before a quotation.
FRAMING_PARTICIPLES = _forms("call calling", "describe describing", "dub dubbing", "brand branding")
PARTICIPLE_CUES.update(FRAMING_PARTICIPLES)
FRAMING_VERBS.update(FRAMING_PARTICIPLES)

# A reporting verb after these is passive or adjectival ("who were told that"): it names no speaker.
PASSIVE_AUXILIARIES = words("was were been being be is are am")
# Words that may sit between a subject and its verb: "X has also said", "X later told".
VERB_MODIFIERS = words(
    "has had have also later earlier then previously repeatedly once again recently simply further will would now "
    "twice first initially still "
    "had already had never has since had publicly has long privately openly reportedly separately flatly "
    "carefully clearly quickly immediately firmly strongly angrily directly bluntly officially formally explicitly "
    "specifically personally frequently consistently subsequently finally ultimately swiftly sharply categorically "
    "vehemently emphatically confidently cautiously pointedly quietly"
)

# Verbs that start a second predicate of the speaker, ending the reported content: "said X but blamed Y".
SPEAKER_ACTIONS = words(
    "accused blamed declined refused stopped added said warned called urged insisted admitted denied welcomed "
    "criticised criticized dismissed rejected vowed promised asked argued appealed"
)

# Pronouns that are only ever objects, and "her" (an object, or a possessive: "her aides").
OBJECT_PRONOUNS = words("me him her us them")
# Subject pronouns, lowercase: what opens a clause of its own ("said they would", "he said").
SUBJECT_PRONOUNS = words("i he she it we they")
# Those that stand for people ("it" is as often an object: "said it again").
PERSONAL_PRONOUNS = SUBJECT_PRONOUNS - {"it"}


def as_written(pronouns: frozenset[str]) -> frozenset[str]:
    """Pronouns as a text writes them in a clause, ``I`` with its capital: ``{"I", "he", "she"}``."""
    return frozenset("I" if p == "i" else p for p in pronouns)


def pronoun_pattern(pronouns: frozenset[str]) -> str:
    """A regex group of the pronouns as a text writes them: ``(?:I|he|she)``."""
    return one_of(sorted(as_written(pronouns)))


PRONOUN_GENDER: dict[str, str] = {
    "he": "m",
    "him": "m",
    "his": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
}

# Honorifics and titles written before a name. Gendered ones say the person's gender.
TITLE_GENDER: dict[str, str] = {
    "mr": "m",
    "sir": "m",
    "lord": "m",
    "king": "m",
    "prince": "m",
    "father": "m",
    "brother": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "madam": "f",
    "dame": "f",
    "lady": "f",
    "queen": "f",
    "princess": "f",
    "sister": "f",
}
# Titles abbreviated with a full stop before a name ("Dr. Smith", "Supt. Ravi Menon", "Del. Ana Ruiz"): the full stop
# never ends a sentence, and the words after it are the name. Written with their full stop they are titles even where
# the bare word is not one ("Del Toro"). "St." is read as Saint in names; sentences read it as ambiguous (Street).
ABBREVIATED_TITLES = words(
    """mr mrs ms mx dr prof sen sens rep reps gov gen gens lt col sgt capt cmdr cdr adm maj brig rev hon pres supt insp
    det cpl pvt cllr ald del dels atty amb msgr messrs mme mlle fr st"""
)
TITLES = frozenset(TITLE_GENDER) | words(
    """dr prof professor president vice prime minister deputy secretary senator sen rep representative governor
        gov attorney solicitor mayor councillor councilman councilwoman judge justice chancellor pope general gen
        colonel col captain capt
        lieutenant lt sergeant sgt officer detective inspector chief commissioner ambassador chairman chairwoman
        rev reverend bishop archbishop cardinal rabbi imam sheikh coach speaker premier president-elect foreign
        finance interior defence defense health justice economy trade home state former acting interim st saint
        congressman congresswoman assemblyman assemblywoman superintendent marshal admiral major sheriff cllr
        councilor ceo cfo coo cto director leader chairperson spokesman spokeswoman spokesperson whip agent trooper
        constable corporal sens reps supt insp det brigadier brig commodore ratu hon cr datuk sri alhaji
        sub-inspector director-general inspector-general vice-president lt-gen maj-gen brig-gen lieutenant-general
        major-general attorney-general solicitor-general deputy-inspector-general"""
)
# Title words that name an office and are never a surname: a name ending in one ("Federal Minister") is no name.
OFFICES = words(
    """minister secretary president chancellor premier governor senator mayor commissioner ambassador councillor
    councilor congressman congresswoman secretary-general ceo cfo coo cto chairman chairwoman chairperson
    spokesman spokeswoman spokesperson superintendent"""
)
# Letters written after a name that are not part of it: "Tobin Ashgrove QC", "Ann Roe MP".
POSTNOMINALS = words("QC KC MP MEP MSP MLA MBE OBE CBE KBE DBE PhD")
# Ranks and offices written as capitals before a name ("DSP Ravi Menon", "MLA Jo Tui", "IGP Tomas Ekwueme"): a
# title, never the name, and on their own ("the deputy SP said") a role noun for the person the story gave the rank.
RANK_ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    "sp": ("superintendent", "police"),
    "dsp": ("deputy", "superintendent", "police"),
    "asp": ("assistant", "superintendent", "police"),
    "ssp": ("senior", "superintendent", "police"),
    "acp": ("assistant", "commissioner", "police"),
    "dcp": ("deputy", "commissioner", "police"),
    "igp": ("inspector", "general", "police"),
    "ig": ("inspector", "general"),
    "dig": ("deputy", "inspector", "general"),
    "dgp": ("director", "general", "police"),
    "adgp": ("additional", "director", "general", "police"),
    "sho": ("station", "house", "officer"),
    "asi": ("assistant", "sub-inspector"),
    "si": ("sub-inspector",),
    "mla": ("member", "legislative", "assembly"),
    "mp": ("member", "parliament"),
    "mna": ("member", "national", "assembly"),
    "ceo": ("chief", "executive"),
    "cfo": ("chief", "financial"),
    "coo": ("chief", "operating"),
    "cto": ("chief", "technology"),
    "md": ("managing", "director"),
}


def is_rank_abbreviation(word: str) -> bool:
    """``DSP``, ``MLA``, ``CEO``: a rank or office written in capitals (as written: ``Sp`` and ``md`` are none)."""
    return word.isupper() and word.lower() in RANK_ABBREVIATIONS


# Nouns for a person of a nation, written with a capital ("the Spaniard said"): a role noun for the person the story
# follows, never a name.
DEMONYMS = words(
    """spaniard briton swede frenchman frenchwoman englishman englishwoman irishman irishwoman scotsman scotswoman
    welshman welshwoman dutchman dutchwoman scot texan"""
)
# Nouns that describe a person's role; "the minister said" resolves to the person the story described so. Role
# nouns that are also common first names ("dean") are left out: a sentence opening "Dean Smith said" names a person.
PERSON_ROLES = DEMONYMS | words(
    """minister president director executive chief head spokesman spokeswoman spokesperson mayor governor senator
    professor doctor nurse coach manager chairman chairwoman chair secretary official officer analyst economist expert
    scientist researcher author writer actor actress star singer cosmonaut astronaut billionaire millionaire
    businessman businesswoman engineer lawyer attorney judge prosecutor lawmaker legislator councillor leader founder
    owner farmer resident teacher student witness victim survivor player striker captain pilot soldier general
    commander diplomat ambassador envoy activist campaigner candidate priest bishop filmmaker producer journalist
    reporter editor presenter host chef designer architect photographer mother father wife husband son daughter woman
    man girl boy widow grandmother grandfather aide adviser advisor consultant investor trader banker boss ceo
    chancellor premier king queen prince princess pope physician surgeon psychologist epidemiologist nurse
    secretary-general negotiator inspector detective sergeant lieutenant colonel veteran mother-of-two father-of-two
    chairperson representative delegate commissioner superintendent principal curator rector vicar pastor
    rabbi imam monk nun athlete runner swimmer cyclist driver footballer boxer dancer artist musician composer
    novelist poet historian novelist entrepreneur executive-director pensioner retiree patient worker employee
    plaintiff defendant suspect accused opponent rival critic supporter whistleblower landlord tenant shopkeeper
    baker fisherman source insider locals sister brother grandson granddaughter nephew niece cousin uncle aunt gaffer
    fiancee fiance fiancée fiancé girlfriend boyfriend partner investigator parliamentarian people person defence
    defense
    midfielder defender goalkeeper goalie winger batsman batter bowler paceman pacer spinner all-rounder skipper
    quarterback pitcher golfer sprinter jockey referee umpire
    prosecution counsel prisoner constable barrister solicitor magistrate coroner juror clerk sheriff deputy trooper
    firefighter paramedic local ranger voter attendee protester shopper fan commenter user organizer organiser
    donor volunteer parent pollster blogger commentator contributor correspondent nominee anchor
    supervisor treasurer registrar administrator provost trustee comptroller auditor assessor alderman alderwoman
    councilman councilwoman selectman selectwoman"""
)
# Family members: "Okafor's father" is someone other than Okafor, and unnamed unless the story names him.
KIN_NOUNS = words(
    """mother father wife husband son daughter sister brother grandmother grandfather aunt uncle cousin niece nephew
    fiancee fiance fiancée fiancé girlfriend boyfriend partner widow widower stepfather stepmother"""
)
# Person nouns that name a group however they are written: "people familiar with the talks", "the defence".
COLLECTIVE_NOUNS = words("people defence defense prosecution")
# Role-noun suffixes that make a person: "endocrinologist", "physician", "campaigner".
PERSON_ROLE_SUFFIXES = ("ologist", "ist", "ician", "ographer")
# Gendered nouns: "X, 36, is one of the best-known actresses" says X is a woman.
GENDERED_NOUNS: dict[str, str] = {
    **dict.fromkeys(words("actress actresses woman women mother wife daughter sister girl widow grandmother"), "f"),
    **dict.fromkeys(words("queen princess businesswoman chairwoman spokeswoman congresswoman heroine"), "f"),
    **dict.fromkeys(words("man men father husband son brother boy widower grandfather king prince hero"), "m"),
    **dict.fromkeys(words("businessman chairman spokesman congressman sportsman"), "m"),
}

# Nouns naming an organisation; "the company said" resolves to the organisation the story is about.
ORGANISATION_ROLES = words(
    """company firm carmaker automaker supplier group council ministry department agency government authority
    regulator watchdog union bank party university hospital club team organisation organization charity broadcaster
    airline court commission committee board network channel newspaper paper tabloid daily outlet publisher
    manufacturer retailer insurer operator lender developer startup start-up giant conglomerate utility provider
    institute foundation association federation league administration office police army military embassy
    parliament ministry school college service trust fund coalition alliance consortium exchange chain brand
    label studio maker producer-group group's force constabulary brigade tribunal panel"""
)
# Words that end (or head) an organisation's name.
ORGANISATION_WORDS = words(
    """agency ministry department authority council commission committee union association institute university
    college school hospital bank group company corporation corp inc ltd llc plc ag sa gmbh nv motors energy airlines
    airways party court police army navy force office service services network channel foundation trust fund
    organisation organization federation league club team research partners holdings industries technologies
    systems media news times post herald journal tribune gazette press centre center society board assembly
    parliament congress senate government administration bureau reserve laboratories labs pharmaceuticals
    international worldwide alliance coalition programme program nations initiative project observatory
    museum library council's ministry's institution commission's authority's financial securities capital
    analytics solutions software pharma pharmaceutical therapeutics biosciences foods brands telecom communications
    electric resources mining logistics consulting ventures networks digital robotics dynamics semiconductor
    semiconductors insurance realty properties petroleum steel automotive aerospace entertainment studios airline
    chamber division devices electronics instruments enterprises treasury management investments associates assn
    bros"""
)
# Words that end an organisation's name but are no organisation word elsewhere in a name ("Tarnby United", "Citizens
# United"; "United States" is a place by its last word).
ORGANISATION_LAST_WORDS = words("united")
# Words that end a place's name: a place never speaks.
PLACE_WORDS = words(
    """station city town village bay street road avenue river sea ocean lake mountain mountains island islands
    airport square park valley county province state states republic kingdom coast beach hill hills forest desert
    bridge port harbour harbor district region peninsula gulf canal strait falls"""
)
# News agencies: they report quotes and are told things, they are not the speaker of what they report.
NEWS_AGENCIES = words("afp reuters ap bloomberg tass xinhua interfax dpa ansa efe kyodo yonhap pti upi ria anadolu") | {
    "associated press",
    "agence france-presse",
    "press association",
    "pa media",
}
# Nouns for the people around someone: "his family said", "her lawyers said" speak for nobody named.
RELATION_NOUNS = words(
    "family relatives friend friends neighbour neighbours neighbor neighbors colleague colleagues lawyers lawyer agent "
    "representatives"
)
# Media nouns whose owner, when the story names none, is the person it is about: "according to an interview".
PERSON_MEDIA = words("interview interviews remarks speech comments testimony memoir podcast")
# Nouns that refer to the press itself: the addressee of "told the paper", never a speaker of a quote.
PRESS_NOUNS = words("paper newspaper tabloid daily broadcaster agency channel magazine outlet reporters journalists")

# Number words by their part in a number ("twenty-seven", "three hundred"), in counting order.
UNIT_WORDS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
TEEN_WORDS = (
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")
# Number words above one: "three patients", "twenty-seven states" (each part), "dozens of homes".
CARDINALS = (
    frozenset(UNIT_WORDS[1:] + TEEN_WORDS + TENS_WORDS + SCALE_WORDS)
    | {scale + "s" for scale in SCALE_WORDS}
    | words("dozen dozens tens scores")
)
# A figure as the word pattern reads it: "40", "2024", the "1" of "1,200".
_FIGURE = re.compile(r"\d[\d,.]*")


def is_cardinal(word: str) -> bool:
    """Whether a word is a number word above one, the parts of a hyphenated one too: ``three``, ``twenty-seven``,
    ``forty-one``, ``dozens``."""
    head, *rest = word.lower().split("-")
    return head in CARDINALS and all(part in CARDINALS or part == "one" for part in rest)


def is_number(word: str) -> bool:
    """Whether a word is a number, figure or word, ``one`` included: what a clause opens with in ``said three
    patients remain``, ``said 40 homes were``, ``said one man was``."""
    return bool(_FIGURE.fullmatch(word)) or word.lower() == "one" or is_cardinal(word)


# Words that may start a sentence with a capital and are never names.
STOPWORDS = words(
    """a an the this that these those there here it its it's he she they we i you his her their our my your
    in on at to for from with by of about after before during since until while when where why how what who which
    whom whose if then than but and or nor so yet also still however meanwhile moreover although though because as
    not no yes all some any many most more much few several each every both either neither one two three four five
    six seven eight nine ten first second third last next other another such only even just already now today
    tonight tomorrow yesterday later earlier once again according despite under over into onto through across
    between among against without within along around near beyond behind above below is are was were be been being
    has have had do does did will would can could should may might must shall let please thanks thank dear
    sixty fifty forty thirty twenty hundreds thousands millions monday tuesday wednesday thursday friday saturday
    sunday january february march april may june july august september october november december mon tue wed thu
    fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec others everyone everybody someone somebody nobody
    anyone anybody"""
)
# Words that end a quoted fragment's phrase: a one- or two-word quotation followed by one of these is used as the
# speaker's word (`felt "betrayed" by`), one followed by another word modifies it (`"foreign" donors`).
FUNCTION_WORDS = words(
    """and or but nor so yet after before by with without to in on at for from of as than because when while
    if though although until since about against over under into onto through during despite like unlike that
    which who whom whose where whereas is are was were be been being has have had will would can could should
    may might must do does did not this these those it its they them he she him her his their we our us i"""
)
DETERMINERS = words("a an the this that these those his her its their our my your some any")
# Verbs after which a short quotation names something ("a group called "Freedom"") rather than quoting it.
NAMING_WORDS = words("called named dubbed titled entitled so-called nicknamed termed known word term phrase label")
PREPOSITIONS = words(
    """outside inside ahead alongside upon toward towards throughout beside in on at to for from with by of about
    after before during since until over under into onto through across
    between among against without within along around near beyond behind above below per via amid"""
)
# Words that, after a ``told`` addressee, start the reported clause: "told parliament the government was ...".
CLAUSE_STARTERS = SUBJECT_PRONOUNS | words(
    "the a an there this these those his her its their our no some all one nobody everyone"
)

# Organisation nouns general enough to mean "the organisation this story is about" when no name contains them.
GENERIC_ORGANISATIONS = words(
    "company firm carmaker automaker group supplier manufacturer retailer business operator lender insurer airline "
    "broadcaster organisation organization developer startup"
)
# Time and venue phrases that may sit between a reporting verb and its content.
_DAYS = r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
ADVERBIAL = re.compile(
    r"(?:\s+(?:on|in|at|during|late|early|last|this|earlier|later|via)\s+(?:(?:a|an|the|his|her|its|their)\s+)?"
    r"(?:[\w\-]+\s+)?(?:" + _DAYS + r"|week|month|year|night|morning|"
    r"evening|afternoon|weekend|statement|interview|note|memo|letter|post|call|briefing|conference|speech|email|"
    r"twitter|facebook|instagram|media|radio|television|tv|website|blog|podcast|broadcast|video)"
    r"(?:\s+(?:to|with)\s+[\w\-]+(?:\s+[\w\-]+)?)?,?"
    # A bare day, US style: "said Thursday (that) ...", "..., Ana Ruiz said Monday."
    r"|\s+(?:" + _DAYS + r"|yesterday|today|tonight)(?:\s+(?:morning|afternoon|evening|night))?(?![\w\-]),?){1,2}",
    re.IGNORECASE,
)
FINITE = words("is are was were had has have would could will can should did does do might may must")
# Common past forms without -ed and present forms with -s that show a clause has its verb.
IRREGULAR_VERBS = words(
    """fell rose grew went came made took saw gave got left lost won began became ran sold bought paid kept held felt
    found thought knew met set cut put hit led brought fought spent sent built stood sat spoke broke chose drove
    flew wore wrote shut struck swept threw understood means makes remains needs wants plans expects looks seems
    goes comes takes gives says thinks knows believes faces stands works costs laid lay hid fed fled forgot froze
    hung heard hurt lent meant read rode rang sang sank shot shook slept slid sought spread stole stuck swore swam
    taught tore told woke wept withdrew became"""
)
SUBORDINATORS = words("when while after before as if although though because since until unless once asked speaking")


# A person named by their age: "the 44-year-old", "the twenty-year-olds".
_AGED = re.compile(r"(?:\d+|[a-z]+(?:-[a-z]+)?)-year-olds?")


def is_person_role(word: str) -> bool:
    """Whether a lowercase noun (singular or plural) names a person's role: ``minister``, ``analysts``."""
    w = word.lower()
    plural_of = (w[:-1] if w.endswith("s") else "", w[:-2] if w.endswith("es") else "")
    if w in RANK_ABBREVIATIONS or w.endswith(("men", "women")):
        return True  # "the deputy SP said"
    if w in PERSON_ROLES or any(p in PERSON_ROLES for p in plural_of):
        return True
    if w.endswith("ies") and w[:-3] + "y" in PERSON_ROLES:
        return True
    if _AGED.fullmatch(w):
        return True  # "the 44-year-old said"
    return len(w) > 5 and w.rstrip("s").endswith(PERSON_ROLE_SUFFIXES)


def is_organisation_role(word: str) -> bool:
    """Whether a lowercase noun names an organisation: ``company``, ``ministry``."""
    w = word.lower()
    if w in ORGANISATION_ROLES:
        return True
    if w.endswith("ies") and w[:-3] + "y" in ORGANISATION_ROLES:
        return True
    return w.endswith("s") and w[:-1] in ORGANISATION_ROLES


VERB_RE = re.compile(r"\b(" + "|".join(sorted(ALL_VERBS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
