"""Whether a stretch of text is a check-worthy claim, and of which kind (``assess``)."""

from __future__ import annotations

from newsfacts.extraction.claims.claim import ContentKind
from newsfacts.extraction.claims.content import SWEEPING_START, content_kinds
from newsfacts.extraction.claims.vocabulary import (
    CLAUSE_BREAK,
    CONDITIONAL_START,
    FORECAST_WORDS,
    IRREGULAR_PAST,
    MIN_OTHER_WORDS,
    MIN_QUOTE_WORDS,
    NOT_PAST,
    QUESTION_END,
    SOFT_WORDS,
    WORD_RE,
    word_tokens,
)


def _states_past(tokens: list[str]) -> bool:
    """Whether the words say what was done or has been: a past or participle, not "to be linked"."""
    lower = [token.lower() for token in tokens]
    for index, word in enumerate(lower):
        if word in IRREGULAR_PAST:
            return True
        if len(word) >= 5 and word.endswith("ed") and word not in NOT_PAST and lower[index - 2 : index] != ["to", "be"]:
            return True
    return False


_PRIORITY: tuple[ContentKind, ...] = ("first", "age", "date", "figure", "other")
HARD: frozenset[ContentKind] = frozenset({"age", "date", "figure"})


def assess(text: str, *, quoted: bool = False) -> ContentKind | None:
    """The kind of claim ``text`` makes, or None when it is not check-worthy.

    ``quoted`` text (a speaker's words) is held to a looser bar for plain statements: any statement of what was or
    has been (a past or a participle) counts, since the speaker, not the article, vouches for it.
    """
    tokens = word_tokens(text)
    if SWEEPING_START.match(text):
        return None
    if not FORECAST_WORDS.isdisjoint(tokens):
        # A forecast takes its whole clause with it, figures and all; the other clauses still count.
        clauses = [clause for clause in CLAUSE_BREAK.split(text) if FORECAST_WORDS.isdisjoint(word_tokens(clause))]
        found = [kind for kind in (assess(clause, quoted=quoted) for clause in clauses) if kind]
        return min(found, key=_PRIORITY.index) if found else None
    kinds = content_kinds(text, tokens)
    if SOFT_WORDS.isdisjoint(tokens):
        if quoted and "other" not in kinds and _states_past(tokens):
            kinds.add("other")
    else:
        # An opinion or a promise weighs on its own clause only: "the union had signed the deal, but it will not bow
        # to threats" still states the signing.
        kinds &= HARD
        for clause in CLAUSE_BREAK.split(text):
            clause_tokens = word_tokens(clause)
            if len(clause_tokens) >= MIN_QUOTE_WORDS and SOFT_WORDS.isdisjoint(clause_tokens):
                clause_kinds = content_kinds(clause, clause_tokens)
                if quoted and _states_past(clause_tokens):
                    clause_kinds.add("other")
                kinds |= clause_kinds & {"first", "other"}
    for kind in _PRIORITY:
        if kind in kinds:
            if kind == "other" and len(WORD_RE.findall(text)) < MIN_OTHER_WORDS and not quoted:
                return None
            return kind
    return None


def is_never_a_claim(sentence: str) -> bool:
    """Questions and conditionals assert nothing, whatever figures they hold."""
    return bool(QUESTION_END.search(sentence) or CONDITIONAL_START.match(sentence))
