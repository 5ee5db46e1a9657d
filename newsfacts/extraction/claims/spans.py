"""Where claims are in a sentence: the quote parts a speaker vouches for, and the words around them."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from newsfacts.extraction.claims.assess import HARD, assess, is_never_a_claim
from newsfacts.extraction.claims.claim import Claim, ClaimKind
from newsfacts.extraction.claims.vocabulary import EVENT_WORDS, MIN_QUOTE_WORDS, NUMBER_WORD, WORD_RE, word_tokens
from newsfacts.extraction.quotes import Quote
from newsfacts.extraction.sentences import Sentence

_DATELINE_RE = re.compile(
    r"[A-Z][A-Z .'\u2019-]{2,}(?:,\s*[A-Z][a-z]{2,}\.?\s+\d{1,2})?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+"
)
_PUBLISHING = frozenset({"published", "publishes", "publishing", "released", "releases", "releasing"})
_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
_RELATIVE_CLAUSE = re.compile(r",\s+(?:who|whose|which)\b")
_COUNTED_SOURCES = re.compile(
    rf"(?:(?:some|about|around|at\s+least|more\s+than)\s+)?(?:\d[\d,]*|{NUMBER_WORD})\b", re.IGNORECASE
)
_LAST_WORD_RE = re.compile(r"(\w+)\W*$")
_ATTRIBUTION_WORDS = frozenset(
    {"that", "and", "but", "he", "she", "they", "it", "we", "said", "says", "told", "added", "according", "to"}
)
_QUOTE_TRIM = " \t\r\n\"'\u201c\u201d\u2018\u2019«»\u201e,;:\u2014\u2013-"


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
        first = WORD_RE.match(text, start)
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
    return any(token.lower() in EVENT_WORDS and token.lower() not in _PUBLISHING for token in word_tokens(words))


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
        if len(WORD_RE.findall(text[part_start:part_end])) < MIN_QUOTE_WORDS:
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
            kind: ClaimKind = content if content != "other" else "attributed" if quote.speaker else "other"
            claims.append(Claim(part_start, part_end, words, kind, quote.speaker, sentence.position))
    drop = _ATTRIBUTION_WORDS | {word.lower() for _s, _e, q in kept for word in WORD_RE.findall(q.cue)}
    for frame_start, frame_end, leading in _frames(Sentence(sentence.position, start, end, "prose", ""), kept):
        frame_start, frame_end = _edges_trimmed(text, frame_start, frame_end, frozenset(drop))
        words = text[frame_start:frame_end]
        if len(WORD_RE.findall(words)) < MIN_QUOTE_WORDS:
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
        elif about_speaker in HARD or (about_speaker == "other" and _frame_event(words)):
            claims.append(Claim(frame_start, frame_end, words, about_speaker, None, sentence.position))
        elif leading and content == "other" and _frame_event(words) and word_tokens(words)[0].lower() not in _PRONOUNS:
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
