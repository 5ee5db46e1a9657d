"""Quotation marks: pairing them, telling quotes from titles, scare quotes and quoted subheadings, and masking them.

Double marks are paired per paragraph (curly by shape, straight by parity); an article with no double marks is read
in the British style, with single marks told apart from apostrophes. A quote running over several paragraphs repeats
its opening mark at each paragraph start and closes only at its end.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from typing import Literal

from newsfacts.extraction.cues import (
    DASHES,
    DETERMINERS,
    FUNCTION_WORDS,
    NAMING_WORDS,
    SPEECH_VERBS,
    SUBJECT_PRONOUNS,
    as_written,
)
from newsfacts.extraction.sentences import Sentence
from newsfacts.extraction.sentences import paragraphs as split_paragraphs

OPENING = "\u201c\u00ab\u201e"
CLOSING = "\u201d\u00bb"
SINGLE_OPENING, SINGLE_CLOSING = "\u2018", "\u2019"
STRAIGHT = '"'
MASK = "\x00"  # stands in for quoted text while cues are looked for outside the quotes
WORD = re.compile(r"[^\W_][\w'\u2019\-]*", re.UNICODE)
# Only blanks from a position to the end of its line (or of the text).
BLANK_TO_LINE_END = re.compile(r"[^\S\n]*(?:\n|\Z)")
# What a quoted span is: a quoted subheading, a title, a scare quote, a short fragment (a partial quote only inside
# reported speech), a partial quote, or a full direct quote.
SpanClass = Literal["heading", "title", "scare", "short", "partial", "full"]


@dataclass(slots=True)
class QuotedSpan:
    """A quoted span: ``open``/``close`` are the mark offsets; ``start``/``end`` the trimmed inner text."""

    open: int
    close: int  # offset of the closing mark, or of the paragraph end when the quote never closes
    start: int
    end: int
    cls: SpanClass = "full"
    attached: bool = False


def _marks(text: str) -> tuple[str, str, str]:
    """The (opening, closing, either-way) quotation marks of this article's house style.

    Double marks when the article has any; otherwise single marks (British style, ``'We will,' he said``), where a
    closing mark must be told from an apostrophe.
    """
    if any(ch in text for ch in OPENING + CLOSING + STRAIGHT):
        return OPENING, CLOSING, STRAIGHT
    return SINGLE_OPENING, SINGLE_CLOSING, "'"


def _is_apostrophe(text: str, i: int) -> bool:
    """A single mark inside a word (``don't``) or after a plural (``the workers' union``) is an apostrophe."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return True
    return before == "s" and bool(re.match(r" [a-z]", text[i + 1 : i + 3]))


def _typewriter_marks(text: str) -> str:
    """The text with typewriter double quotes (````We will,'' she said``, or ``''We will,'' she said`` from OCR)
    read as curly ones: each pair of marks becomes a curly mark at its outer end and a blank, so offsets stay and the
    pair is masked whole."""
    if '""' in text:
        text = _DOUBLED_STRAIGHT.sub(' "', text)  # '""Despite ...," she said': scraping doubled the opening mark
    if "``" in text:
        return text.replace("``", "\u201c ").replace("''", " \u201d")
    if "''" in text or "\u2018\u2018" in text or "\u2019\u2019" in text:
        # wire copy set in curly type doubles curly single marks the same way (U+2018 twice, U+2019 twice)
        text = _DOUBLED_OPENING.sub("\u201c ", text)
        text = _DOUBLED_CLOSING.sub(" \u201d", text)
    return text


# Two single marks standing for a double one, straight or curly: before a word (opening) or after one (closing).
_DOUBLED_OPENING = re.compile(r"(?:(?<=\s)|(?<=^)|(?<=[(\[]))(?:''|\u2018\u2018)(?=[^\W_])")
_DOUBLED_CLOSING = re.compile(r"(?<=[^\W_]|[.,!?;:])(?:''|\u2019\u2019)(?=\s|$|[.,;:!?)\]])")
# Two straight double marks opening a line or following a blank, before a word: one opening mark.
_DOUBLED_STRAIGHT = re.compile(r'(?m)(?:(?<=\s)|^)""(?=[^\W_])')


def pair_marks(text: str) -> list[QuotedSpan]:
    """Pair opening and closing quotation marks; a quote may run on over paragraphs that open with a mark.

    An article with double marks may still quote speech in single ones (``'We will,' he said`` beside a
    ``"titled"`` thing): single-quoted spans of four words or more outside every double-quoted one count too."""
    text = _typewriter_marks(text)
    opening, closing, straight = _marks(text)
    paragraphs = split_paragraphs(text)  # a line wrapped inside a sentence is no paragraph end
    segments = _pair(text, opening, closing, straight, paragraphs)
    if straight != "'" and ("'" in text or SINGLE_OPENING in text):
        doubles = [(seg.open, seg.close) for seg in segments]
        opens = [a for a, _ in doubles]
        for seg in _pair(text, SINGLE_OPENING, SINGLE_CLOSING, "'", paragraphs):
            k = bisect_right(opens, seg.close) - 1
            inside = k >= 0 and doubles[k][1] >= seg.open  # nested in (or crossing) a double-quoted span
            if not inside and len(WORD.findall(text[seg.start : seg.end])) >= 4:
                segments.append(seg)
        segments.sort(key=lambda seg: seg.open)
    for seg in segments:
        inner = text[seg.start : seg.end]
        seg.start += len(inner) - len(inner.lstrip())
        seg.end -= len(inner) - len(inner.rstrip())
    return [s for s in segments if s.end > s.start]


def _pair(text: str, opening: str, closing: str, straight: str, paragraphs: list[tuple[int, int]]) -> list[QuotedSpan]:
    """The quoted spans of one style of marks (double, or single told apart from apostrophes)."""
    single = straight == "'"
    segments: list[QuotedSpan] = []
    open_at: int | None = None
    skip = -1
    # the marks alone, found by one regular expression: a loop over every character of a long article costs more
    # than the rest of the pairing
    marks = re.compile(f"[{re.escape(opening + closing + straight)}]")
    for k, (a, b) in enumerate(paragraphs):
        for found in marks.finditer(text, a, b):
            i = found.start()
            ch = text[i]
            if i == skip:
                continue
            if open_at is None:
                lost = not single and (ch in closing or _looks_closing(text, i)) and _unopened(text, a, i, segments)
                if lost:
                    start = _introduced_at(text, a, i)  # scraped copy lost the opening mark
                    segments.append(QuotedSpan(start, i, start, i))
                elif ch in opening or (ch == straight and not single) or _looks_opening(text, i):
                    open_at = i
            elif (ch in closing + straight) and not (ch == straight and _reopens(text, i)):
                if single and _is_apostrophe(text, i):
                    continue
                segments.append(QuotedSpan(open_at, i, open_at + 1, i))
                open_at = None
            else:
                # Two opening marks in a row: the first quote was never closed; end it before the new one. A
                # straight mark opening a sentence counts as one: a quote that ran over two paragraphs whose break
                # was lost ('... mobbed. "Every week ...') repeats its opening mark there.
                segments.append(QuotedSpan(open_at, i, open_at + 1, i))
                open_at = i
        if open_at is not None:
            nxt = paragraphs[k + 1] if k + 1 < len(paragraphs) else None
            lead = len(text[nxt[0] : nxt[1]]) - len(text[nxt[0] : nxt[1]].lstrip()) if nxt else 0
            if nxt and text[nxt[0] + lead] in opening + straight:
                # The quote goes on in the next paragraph, which repeats the opening mark: skip that mark.
                skip = nxt[0] + lead
                continue
            close = _lost_close(text, open_at, b)
            segments.append(QuotedSpan(open_at, close, open_at + 1, close))
            open_at = None
    return segments


# Where a quote that never closes meets its attribution: '"We will rebuild, Ana Ruiz said.' or '..., she added.'.
_LOST_CLOSE = re.compile(
    r",[^\S\n]+(?:(?:[A-Z][\w'\u2019\-]*[^\S\n]+){1,3}|(?:he|she|they)[^\S\n]+)(?:"
    + "|".join(SPEECH_VERBS)
    + r")\b[^.!?\n]{0,40}[.!?]"
)


def _lost_close(text: str, open_at: int, end: int) -> int:
    """Where a quote that runs to the end of its paragraph closes: before a trailing attribution when scraping lost
    its closing mark, else at the paragraph end."""
    lost = _LOST_CLOSE.search(text, open_at, end)
    return lost.start() + 1 if lost is not None else end


def _unopened(text: str, a: int, i: int, segments: list[QuotedSpan]) -> bool:
    """A closing mark with no opening one in its paragraph (``the plan failed,” she said``): the quote ran from the
    paragraph start when it ends a sentence or clause there and holds a few words."""
    if segments and segments[-1].close >= a:
        return False
    return _ends_words(text, i) and len(WORD.findall(text[a:i])) >= 3


def _ends_words(text: str, i: int) -> bool:
    """The mark at ``i`` follows the punctuation that ends quoted words, or precedes it (``what he did".``)."""
    return text[i - 1 : i] in (",", ".", "!", "?") or bool(_BEFORE_STOP.match(text, i - 1))


# A subject pronoun after a closing mark opens the speaker's clause: '"..." she said'.
_CLAUSE_SUBJECTS = as_written(SUBJECT_PRONOUNS)

_BEFORE_STOP = re.compile(r"[^\W_].[.,!?](?:\s|$)")


def _looks_closing(text: str, i: int) -> bool:
    """A straight mark shaped as a closing one: after the punctuation that ends quoted words, before a space, or
    between a word and the punctuation that ends the sentence."""
    after_stop = text[i - 1 : i] in (",", ".", "!", "?") and text[i + 1 : i + 2] in ("", " ", "\n")
    return after_stop or bool(_BEFORE_STOP.match(text, i - 1))


# A verb of speech (or its "that") and a colon, introducing a quotation: "..., adding that: ...".
_INTRODUCED = re.compile(r"\b(?:that|" + "|".join(SPEECH_VERBS) + r")[^\S\n]*:[^\S\n]+")


def _introduced_at(text: str, a: int, i: int) -> int:
    """Where a quote that lost its opening mark starts: after the last verb of speech and colon introducing it in
    its paragraph, else at the paragraph start."""
    start = a
    for m in _INTRODUCED.finditer(text, a, i):
        start = m.end()
    return start


def _reopens(text: str, i: int) -> bool:
    """A straight mark after a finished sentence and a blank, before a word (``mobbed. "Every``): the opening mark of
    a new paragraph glued on, never a closing one."""
    return text[i - 2 : i - 1] in (".", "!", "?") and _looks_opening(text, i)


def _looks_opening(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return before.isspace() and after.isalnum()


def classify(text: str, seg: QuotedSpan, sentence: Sentence | None) -> SpanClass:
    inner = text[seg.start : seg.end]
    words = WORD.findall(inner)
    if sentence is not None and sentence.kind in ("heading", "credit"):
        return "heading"
    terminal = inner.rstrip()[-1:] in ".!?,;:…—-"
    before = _line_before(text, seg.open)
    ends_line = text[seg.close : seg.close + 1] == "\n" or bool(BLANK_TO_LINE_END.match(text, seg.close + 1))
    alone = not before and ends_line
    if alone and not terminal and len(words) <= 8:
        return "heading"
    prev_char = before[-1:]
    prev_words = WORD.findall(before[-40:])
    prev_word = prev_words[-1].lower() if prev_words else ""
    after = text[seg.close + 1 : seg.close + 40]
    next_words = WORD.findall(after)
    next_word = next_words[0] if next_words and re.match(r"\s+[^\W\d_]", after) else ""
    opens_clause = prev_char in (
        "",
        *OPENING,  # a doubled mark: the second of two opening marks
        SINGLE_OPENING,
        ",",
        ":",
        ";",
        *DASHES,
        "(",
        ".",
        "!",
        "?",
        *CLOSING,
        STRAIGHT,
        SINGLE_CLOSING,
        "'",
    )
    title_case = all(w[0].isupper() for w in words if len(w) > 3 or w == words[0])
    if opens_clause:
        # '"Men of the Mill" is a book': a title the sentence goes on about, not words someone said.
        title = title_case and not terminal and 2 <= len(words) <= 8 and next_word[:1].islower()
        attributed = next_word in SPEECH_VERBS or next_word in _CLAUSE_SUBJECTS  # '"..." she said'
        return "title" if title and not attributed else "full"
    if words and title_case and len(words) <= 8 and (not terminal or _titled(words, prev_word)):
        return "title"
    named_as = prev_word == "as" and any(w.lower() in NAMING_WORDS for w in prev_words[-3:-1])
    if named_as and len(words) <= 5:
        return "scare"  # "known locally as 'the long mile',": a name, not words someone said
    if len(words) <= 2:
        if prev_word in NAMING_WORDS or prev_word in DETERMINERS:
            return "scare"
        if next_word and next_word[0].islower() and next_word.lower() not in FUNCTION_WORDS:
            return "scare"
        return "short"
    return "partial"


def _titled(words: list[str], prev_word: str) -> bool:
    """A title with the sentence's comma or its own mark inside (``"Men of the Mill," a book``, the film ``"Storm
    Riders: Oh No!"``): two capitalised words or more, and no verb of speech before it (``said "Nice Work!"``)."""
    return sum(w[0].isupper() for w in words) >= 2 and prev_word not in SPEECH_VERBS


def _line_before(text: str, pos: int, need: int = 40) -> str:
    """The text of the line before ``pos``, right-stripped, or at least its last ``need`` characters.

    Read in growing windows back from ``pos``: a slice of the whole line would make classifying each quote cost the
    length of the line, which in a text without newlines is the whole text.
    """
    size = 64
    while True:
        lo = max(0, pos - size)
        newline = text.rfind("\n", lo, pos)
        if newline >= 0:
            return text[newline + 1 : pos].rstrip()
        chunk = text[lo:pos].rstrip()
        if len(chunk) >= need or lo == 0:
            return chunk
        size *= 2


def mask_quotes(text: str, segments: list[QuotedSpan]) -> str:
    """The text with its quotes (marks included) masked; a doubled mark (two single marks as one) is masked whole."""
    chars = list(text)
    for seg in segments:
        if seg.cls in ("full", "partial", "short"):
            first = seg.open - 1 if seg.open > 0 and text[seg.open - 1] == text[seg.open] != " " else seg.open
            last = min(seg.close, len(text) - 1)
            if last + 1 < len(text) and text[last + 1] == text[last] and text[last] in CLOSING + SINGLE_CLOSING:
                last += 1
            for i in range(first, last + 1):
                if chars[i] != "\n":
                    chars[i] = MASK
    return "".join(chars)
