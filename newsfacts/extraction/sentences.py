"""Sentence segmentation of scraped news text, with exact character offsets.

Scraped articles lose their paragraph breaks: ``space race.This time`` or ``about it.Who is Doctor Who?Russian``.
A missing space after terminal punctuation is read as a lost block boundary; a short block standing alone between
such boundaries (or line breaks) is a heading, a leading ``Credit:``/``Photo:`` block a caption, and a trailing
``© 2021 Agency`` line a credit; so are a photographer's credit ("Jo Tarn / AFP"), whose block's sentences before it
are then its caption, and the signature line under an embedded post ("— Jo Tarn (@jotarn) May 3, 2021"), the words of
the post above it a caption. Everything else is prose, split at ordinary sentence ends.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import Literal

from newsfacts.extraction.cues import ABBREVIATED_TITLES, ALL_VERBS, PREPOSITIONS, words

SentenceKind = Literal["prose", "heading", "caption", "credit"]


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence, or one piece of page furniture (heading, caption, credit line), with offsets into the text."""

    position: int
    start: int
    end: int
    kind: SentenceKind
    text: str


# A block longer than this is never a heading; a question must be shorter still.
MAX_HEADING_WORDS = 12
MAX_QUESTION_HEADING_WORDS = 10
MAX_HEADLINE_WORDS = 20
# A credit line is short; only segment starts this close to the end of a block are tried.
MAX_CREDIT_CHARS = 160
# An abbreviation before a period is no longer than this (``J.R.R``, ``Messrs``).
MAX_ABBREVIATION_CHARS = 12
# A caption glued to the next sentence ends within this many characters of its label.
MAX_CAPTION_CHARS = 160

# "LONDON (Reuters) -", "TOPEKA, Kan. (WIBW) -", "LAGOS, May 2 (AP) -", "OSLO, 3 June (NTB) -", "SAN FRANCISCO --",
# "TARNBY, Kan., Sept. 26 (UPI) -"; a place in small letters with its day and agency needs no dash: "Tarnby (US), Aug
# 22 (AP) "; one with its agency needs a dash: "Tarnby (AFP) -", "Tarnby (India) (AFP) -"
DATELINE = re.compile(
    r"[A-Z][A-Z .'\u2019-]{2,}"
    r"(?:,\s*(?:[A-Z][A-Za-z.]{1,15}(?:\s+[A-Z][a-z]+\.?)?(?:\s+\d{1,2})?|\d{1,2}\s+[A-Z][a-z]+\.?)){0,2}\s*"
    r"(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]+\s+"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:\s+\([A-Z]{2,4}\))?,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"\s+\([A-Z][\w.&'-]{1,20}\)\s*(?:[-\u2013\u2014]+\s+)?"
    r"|[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2}(?:\s+\([A-Z][\w.&'-]{1,20}\)){1,2}\s*[-\u2013\u2014]+\s+"
)
# a dateline standing alone, without a dash: "DENVER, May 4.", "WELLINGTON, February 13"
BARE_DATELINE = re.compile(
    r"[A-Z][A-Z .'\u2019-]{2,},\s*(?:[A-Z][a-z]+\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]+\.?|[A-Z][a-z]+day)\.?"
)
# an agency or station tag on its own: "(Bloomberg) --", "(AP) -", "(WXYZ) --"
AGENCY_TAG = re.compile(r"\([A-Z][\w .&'-]{1,30}\)\s*[-\u2013\u2014]+\s+")


def past_dateline(text: str, start: int, end: int) -> int:
    """Where a sentence's words begin after a dateline or a station's tag (``HALDEN (WXYZ) -- A man died, police
    said``: the tag is no content); the sentence may start one character late, after the dateline's first."""
    for tag in (DATELINE, AGENCY_TAG):
        found = tag.match(text, start, end) or tag.match(text, max(0, start - 1), end)
        start = max(start, found.end()) if found is not None else start
    return start


_LINE_RE = re.compile(r"[^\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]+")
_BREAK_RE = re.compile(r"\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")
# Terminal punctuation, or a closing quote glued to the capital that starts the next block ("tool"Rogozin).
# Written so that the engine can skip ahead on its first character: this scan is most of the work.
_CANDIDATE_RE = re.compile(r"[.?!…\"”](?:(?<=[.?!…])[.?!…]*|(?<=[^\W_][\"”])(?=[^\W\d_]))")
_QUOTE_GLUE = frozenset('"\u201d')
_STRAIGHT_QUOTE_RE = re.compile('"')
_NON_SPACE_RUN_RE = re.compile(r"\S*")
# URLs, e-mail addresses and domain names: no boundary falls inside them.
_TLDS = (
    r"(?:com|org|net|gov|edu|mil|int|info|biz|io|co|uk|us|eu|ru|de|fr|es|it|ch|nl|se|no|jp|cn|in|au|ca|nz|tv|me|ai|"
    r"app|news)"
)
_ADDRESS_RE = re.compile(
    # a period before a capitalised word ends a URL: "see https://example.org/faq.Then"
    r"(?:https?://|(?<![\w.])www\.)(?:[^\s<>\"“”.]|\.(?![A-Z][a-z]))*[^\s<>\"“”.,;:!?)\]'\u2019]"
    r"|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b"
    rf"|(?<![\w.-])(?:[A-Za-z0-9-]+\.)+{_TLDS}\b"
)
# Cheap signs that an address may be near; the full pattern only runs around them.
_TLD_RE = re.compile(rf"\.{_TLDS}\b")
_ADDRESS_MARKS = ("@", "://", "www.")
# Addresses are only looked for this close to one of those signs.
MAX_ADDRESS_CHARS = 300
_TOKEN_BEFORE_RE = re.compile(r"[^\W\d_][\w.]*$")
_LETTER_RE = re.compile(r"[^\W\d_]")
_WORD_RE = re.compile(r"[^\W_][\w'\u2019-]*")
_CAPTION_RE = re.compile(
    r"(?:(?:file\s+)?photo(?:graph)?|image|picture|pictured|credit|illustration|video|graphic|caption)"
    r"(?:\s+(?:credits?|sources?))?\s*:",
    re.IGNORECASE,
)
# The end of a caption glued to the next sentence without punctuation: "public domainSixty years".
_CAMEL_GLUE_RE = re.compile(r"\b[A-Za-z][a-z]{3,}(?=[A-Z][a-z])")
_COPYRIGHT_RE = re.compile(r"(?:©|\([cC]\)|Copyright\b\s*(?:©|\([cC]\))?\s*(?=(?:19|20)\d\d|[A-Z])).{0,150}")
_CREDIT_WORD = r"(?:[A-Z][\w&'\u2019.-]*|of|and|&|the|for)"
# A short quotation glued to the next sentence, even after a space: 'comment. "Not a superman"Peresild'.
_QUOTED_HEADING_RE = re.compile(r"[\"\u201c][^\"\u201c\u201d.?!;:,]{1,80}[\"\u201d]")
_NAME = r"[A-Z][\w'\u2019.-]*"
_BYLINE_RE = re.compile(
    rf"(?:(?i:(?:additional\s+)?(?:reporting|writing|editing|compiled|written)\s+by)|By)\s+{_NAME}(?:\s+{_NAME})*"
    rf"(?:(?:\s*[,;&]\s*|\s+and\s+|\s+in\s+|\s+for\s+|\s*;?\s*(?i:editing|writing|reporting)\s+by\s+)"
    rf"{_NAME}(?:\s+{_NAME})*)*\.?"
    r"|By\s+(?:(?:a|an|our|the)\s+)?(?:[a-z]+\s+)?(?:reporter|correspondent|writer|editor|staff)s?\.?"
)
_YEAR_CREDIT_RE = re.compile(
    rf"(?:19|20)\d\d\s+[A-Z][\w&'\u2019.-]*(?:\s+{_CREDIT_WORD}){{0,5}}(?:[.,;]?\s*All rights reserved\.?)?"
)

# A quotation that ends a sentence, then a dash and its speaker's name.
_LABELLED_QUOTE_RE = re.compile(
    r"(?:\d{1,3}[.)][^\S\n]*)?[\"\u201c][^\n]*[.!?\u2026][\"\u201d][^\S\n]*[-\u2013\u2014][^\n]{2,60}"
)
# A quotation, then its speaker and a verb of speech, on a line of its own: "'We let it slip', says Jon Harl".
_SPEECH_VERB = r"(?:" + "|".join(sorted(ALL_VERBS)) + r")"
_SPEAKER_NAME = r"[A-Z][\w'\u2019.\-]*(?:[^\S\n]+[A-Z][\w'\u2019.\-]*){0,3}"
_ATTRIBUTED_QUOTE_RE = re.compile(
    r"[\"\u201c'\u2018][^\n]{3,}?[\"\u201d'\u2019],?[^\S\n]+(?:"
    + _SPEECH_VERB
    + r"[^\S\n]+(?:[a-z]+[^\S\n]+){0,2}"
    + _SPEAKER_NAME
    + r"|"
    + _SPEAKER_NAME
    + r"[^\S\n]+"
    + _SPEECH_VERB
    + r")[.!]?"
)
# The signature line under an embedded social-media post: "— Jo Tarn (@jotarn) May 3, 2021".
_POST_SIGNATURE_RE = re.compile(
    r"[-\u2013\u2014]+[^\S\n]*[^\n()]{1,80}\(@\w{1,30}\)[^\S\n]+[A-Z][a-z]{2,8}\.?[^\S\n]+\d{1,2},[^\S\n]+(?:19|20)\d\d"
)
# The link to an embedded post's picture or page that ends its words: "... my friend. pic.twitter.com/Ab12Cd".
_POST_LINK_RE = re.compile(r"(?:pic\.twitter\.com|https?://t\.co)/\w+\W*$")
_PARAGRAPH_GAP_RE = re.compile(r"\n[^\S\n]*\n")
# A picture credit: the photographer or source, a slash, the agency ("Ana Ruiz / Reuters", "Lars Eng/AFP - Getty
# Images", "Handout/Reuters."), every word capitalised.
_PHOTO_CREDIT_RE = re.compile(
    rf"{_NAME}(?:[^\S\n]+{_NAME}){{0,3}}[^\S\n]*/[^\S\n]*{_NAME}(?:[^\S\n]+(?:{_NAME}|[-\u2013\u2014]|via)){{0,4}}"
)
_CREDIT_INITIALS = frozenset("©(CBRWEAcrwea")
_BULLETS = frozenset("-*\u2022\u2013\u2014\u00b7\u25aa\u25cf")
_OPENERS = "“\u2018«([„"
_CLOSERS = ")]”\u2019»'"


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Titles before a name: a period after them never ends a sentence ("St." may be Street, so it is ambiguous).
_TITLES = frozenset(title.capitalize() for title in ABBREVIATED_TITLES - {"st"})
# Abbreviations that come before a number: "No. 5", "Jan. 12", "p. 3".
_NUMBER_ABBREVIATIONS = _words(
    "No Nos no Vol Vols vol Fig Figs fig p pp Art Sec Ch ch Ex Op ca c approx Approx Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec"
)
# Abbreviations that may or may not end a sentence; they do when a common sentence opener follows.
_AMBIGUOUS_ABBREVIATIONS = _words(
    "Inc Ltd Co Corp Jr Sr Bros etc vs cf al est dept govt Univ St Mt Ft Ave Blvd Rd Jan Feb Mar Apr Jun Jul Aug "
    "Sep Sept Oct Nov Dec approx"
)
_NEVER_BEFORE_CAPITAL = _words("e.g i.e E.g I.e viz cf")
# Function words that open English sentences, used to read an ambiguous abbreviation as a sentence end.
_SENTENCE_OPENERS = _words(
    "The A An This That These Those It Its He She They We I You His Her Their Our My Your There Here But And Or So "
    "Yet However In On At For With As After Before When While If Although Though Since Because Meanwhile Still Also "
    "Then Now Some Many Most All Both Each Other Such What Why How Who Where Which Not One Last Earlier Later Today "
    "Yesterday Officials Under Over During From By To Despite Instead Indeed Moreover Nevertheless Thus"
)


@dataclass(slots=True)
class _Segment:
    start: int
    end: int
    opens_block: bool
    closes_block: bool
    kind: SentenceKind = "prose"


class _Block:
    """One paragraph (or one physical line): the unit inside which quote parity and glue are read."""

    def __init__(self, text: str, start: int, end: int, is_last: bool, tlds: list[int] | None):
        self.text = text
        self.start = start
        self.end = end
        self.is_last = is_last
        self.tlds = tlds  # positions of ".com"-like endings, or None when any run may hold an address
        self.quotes = [m.start() for m in _STRAIGHT_QUOTE_RE.finditer(text, start, end)]
        # The run of non-spaces last searched for addresses, and the addresses found in it.
        self._run = (start, start)
        self._addresses: list[tuple[int, int]] = []

    # -- reading the text around a position ----------------------------------------------------------------------

    def in_address(self, pos: int) -> bool:
        """``pos`` lies inside a URL, e-mail address or domain name (only glued punctuation can)."""
        if self.tlds is not None:
            i = bisect_left(self.tlds, pos - MAX_ADDRESS_CHARS)
            if i == len(self.tlds) or self.tlds[i] > pos + MAX_ADDRESS_CHARS:
                return False
        if not self._run[0] <= pos < self._run[1]:
            start = max(self.start, self.text.rfind(" ", self.start, pos) + 1)
            run = _NON_SPACE_RUN_RE.match(self.text, pos, self.end)
            end = run.end() if run else pos + 1
            self._run = (start, end)
            self._addresses = [m.span() for m in _ADDRESS_RE.finditer(self.text, start, end)]
        return any(start <= pos < end for start, end in self._addresses)

    def closes_quote(self, pos: int) -> bool:
        """A straight double quote closes when an odd number of them precede it in the block."""
        return bisect_left(self.quotes, pos) % 2 == 1

    def token_before(self, pos: int) -> str:
        m = _TOKEN_BEFORE_RE.search(self.text, max(self.start, pos - MAX_ABBREVIATION_CHARS), pos)
        if m is None:
            return ""
        if m.start() > self.start and self.text[m.start() - 1].isalpha():
            return ""  # truncated long word: not an abbreviation
        return m.group()

    def word_at(self, pos: int) -> str:
        m = _WORD_RE.match(self.text, pos, self.end)
        return m.group() if m else ""

    def opening_at(self, pos: int) -> int | None:
        """Position of the capital, digit or © that opens a sentence at ``pos`` (after opening quotes), or None."""
        text = self.text
        for _ in range(3):
            if pos >= self.end:
                return None
            ch = text[pos]
            # a straight single mark after a sentence's end opens a quotation ("fraud. 'We ...", "''We ..."):
            # an apostrophe closing a word never follows a blank
            if ch in _OPENERS or ch == "'" or (ch == '"' and not self.closes_quote(pos)):
                pos += 1
                continue
            if ch.isupper() or ch.isdigit() or ch == "©":
                return pos
            return None
        return None

    def is_credit(self, pos: int, opens_block: bool) -> bool:
        """From ``pos`` to the end of the block is a copyright line, or a byline standing alone."""
        if self.end - pos > MAX_CREDIT_CHARS or not (self.text[pos] in _CREDIT_INITIALS or self.text[pos].isdigit()):
            return False
        if _COPYRIGHT_RE.fullmatch(self.text, pos, self.end):
            return True
        if opens_block and _BYLINE_RE.fullmatch(self.text, pos, self.end):
            return True
        m = _YEAR_CREDIT_RE.fullmatch(self.text, pos, self.end)
        return m is not None and (self.is_last or "rights reserved" in m.group())

    # -- boundaries ----------------------------------------------------------------------------------------------

    def cuts(self) -> list[tuple[int, int, bool]]:
        """(end of one segment, start of the next, glued) for each boundary inside the block."""
        cuts: list[tuple[int, int, bool]] = []
        text = self.text
        for m in _CANDIDATE_RE.finditer(text, self.start, self.end):
            punct_start, punct = m.start(), m.group()
            if cuts and punct_start < cuts[-1][1]:
                continue
            if punct in _QUOTE_GLUE:
                # A closing quote right after a word and right before a capital: '"Propaganda tool"Rogozin'.
                after = m.end()
                if (
                    self.start < punct_start
                    and after < self.end
                    and text[after].isupper()
                    and text[punct_start - 1].isalnum()
                    and (punct == "\u201d" or self.closes_quote(punct_start))
                ):
                    cuts.append((after, after, True))
                continue
            end = self._after_closers(m.end())
            if end >= self.end:
                continue
            if text[end].isspace():
                nxt = end + 1
                while text[nxt].isspace():
                    nxt += 1
                if self._ends_before_space(punct_start, punct, nxt):
                    cuts.append((end, nxt, False))
            elif self._ends_glued(punct_start, punct, end) and not self.in_address(punct_start):
                cuts.append((end, end, True))
        return cuts

    def _after_closers(self, pos: int) -> int:
        text = self.text
        while pos < self.end and (text[pos] in _CLOSERS or (text[pos] == '"' and self.closes_quote(pos))):
            pos += 1
        return pos

    def _ends_before_space(self, punct_start: int, punct: str, nxt: int) -> bool:
        opening = self.opening_at(nxt)
        if opening is None:
            return False
        if punct != ".":
            return True
        token = self.token_before(punct_start)
        if not token:
            return True
        if token in _TITLES or token in _NEVER_BEFORE_CAPITAL:
            return False
        if token in _NUMBER_ABBREVIATIONS and self.text[opening].isdigit():
            return False
        if _is_initial(token) or _is_dotted(token) or token in _AMBIGUOUS_ABBREVIATIONS:
            # "J. K. Rowling", "U.S. Army", "Acme Inc. The": an abbreviation ends a sentence before a usual opener.
            if self._initial_follows(opening):
                return False
            return self.word_at(opening) in _SENTENCE_OPENERS
        return True

    def _ends_glued(self, punct_start: int, punct: str, pos: int) -> bool:
        """A boundary with no space: ``race.This``, ``appeared."AFP``, ``it.Who``, ``space.2021 AFP``."""
        text = self.text
        ch = text[pos]
        if ch.isdigit():
            before = text[punct_start - 1] if punct_start > self.start else ""
            return not before.isdigit() and self.is_credit(pos, opens_block=True)
        if ch == "©":
            return True
        opening = self.opening_at(pos)
        if opening is None or not text[opening].isalpha():
            return False
        if punct != ".":
            return True
        token = self.token_before(punct_start)
        if token in _TITLES or token in _NEVER_BEFORE_CAPITAL or self._initial_follows(opening):
            return False
        if _is_dotted(token):  # "U.S.Army" but "U.S.The"
            return self.word_at(opening) in _SENTENCE_OPENERS
        return True

    def _initial_follows(self, pos: int) -> bool:
        """``pos`` starts another initial (``R.`` of ``J.R.R.``)."""
        return pos + 1 < self.end and self.text[pos].isalpha() and self.text[pos + 1] == "."

    # -- segments ------------------------------------------------------------------------------------------------

    def segments(self) -> list[_Segment]:
        if _POST_SIGNATURE_RE.fullmatch(self.text, self.start, self.end):
            return [_Segment(self.start, self.end, True, True, "credit")]
        segments: list[_Segment] = []
        start, opens = self.start, True
        for end, nxt, glued in self.cuts():
            segments.append(_Segment(start, end, opens, glued))
            start, opens = nxt, glued
        segments.append(_Segment(start, self.end, opens, True))
        segments = self._split_captions(segments)
        self._mark_credit(segments)
        if (
            len(segments) > 1
            and all(seg.kind == "prose" and not seg.closes_block for seg in segments[:-1])
            and segments[-1].kind == "prose"
            and self._is_headline()
        ):
            return [_Segment(self.start, self.end, True, True, "heading")]
        for seg in segments:
            if seg.kind != "prose" or not seg.closes_block:
                continue
            if (seg.opens_block and self._is_heading(seg)) or _QUOTED_HEADING_RE.fullmatch(
                self.text, seg.start, seg.end
            ):
                seg.kind = "heading"
        return segments

    def _split_captions(self, segments: list[_Segment]) -> list[_Segment]:
        out: list[_Segment] = []
        for seg in segments:
            label = _CAPTION_RE.match(self.text, seg.start, seg.end) if seg.opens_block else None
            if label is None:
                out.append(seg)
                continue
            glue = _CAMEL_GLUE_RE.search(self.text, label.end(), min(seg.end, label.end() + MAX_CAPTION_CHARS))
            if glue is None:
                seg.kind = "caption"
                out.append(seg)
                continue
            out.append(_Segment(seg.start, glue.end(), True, True, "caption"))
            out.append(_Segment(glue.end(), seg.end, True, seg.closes_block))
        return out

    def _mark_credit(self, segments: list[_Segment]) -> None:
        for i, seg in enumerate(segments):
            if self.end - seg.start > MAX_CREDIT_CHARS or seg.kind != "prose":
                continue
            if _PHOTO_CREDIT_RE.fullmatch(self.text, seg.start, self.end):
                # "Ana Ruiz / Getty Images" ends a photo's caption, glued to it or on a line of its own
                for before in segments[:i]:
                    before.kind = "caption"
            elif not self.is_credit(seg.start, seg.opens_block):
                continue
            segments[i:] = [_Segment(seg.start, self.end, seg.opens_block, True, "credit")]
            return

    def _is_headline(self) -> bool:
        """A line of a few sentences whose last one has no final punctuation: a headline with its standfirst."""
        if _labelled_quote(self.text, self.start, self.end):
            return False  # '"I will answer. Next question." - Moon': a quote of two sentences with its label
        body = self.text[self.start : self.end].rstrip(_CLOSERS + '"')
        return bool(body) and body[-1].isalnum() and len(body.split()) <= MAX_HEADLINE_WORDS

    def _is_heading(self, seg: _Segment) -> bool:
        if self.text[seg.end - 1] == "." or self.text[seg.start] in _BULLETS:
            return False
        if _labelled_quote(self.text, seg.start, seg.end):
            return False  # '"We will not answer that." - President Ruiz': a quote with its speaker's label
        body = self.text[seg.start : seg.end].rstrip(_CLOSERS + '"')
        if not body or not _LETTER_RE.search(body):
            return False
        words = len(body.split())
        last = body[-1]
        if last == "?":
            return words <= MAX_QUESTION_HEADING_WORDS
        return last not in ".!…;:," and words <= MAX_HEADING_WORDS


# Short words a headline writes in lowercase ("Mayor Asks Council For A Vote" or "Asks the Council for a Vote").
_TITLE_CASE_SMALL = PREPOSITIONS | words("a an the and or nor but as vs")


def title_case_line(text: str, sentence: Sentence) -> bool:
    """A sentence that is a line of its own with every word but a few short ones capitalised (``Acme Shares Fall
    After Recall.``): a headline or subheading, with or without a final full stop."""
    line_start = sentence.start == 0 or text[sentence.start - 1] == "\n"
    line_end = sentence.end == len(text) or text[sentence.end] in "\r\n"
    if not (line_start and line_end):
        return False
    words = _WORD_RE.findall(sentence.text)
    capitalised = [w for w in words if w[0].isupper()]
    return (
        len(capitalised) >= 3
        and not all(w.isupper() for w in words)
        and all(w[0].isupper() or w.lower() in _TITLE_CASE_SMALL for w in words if not w[0].isdigit())
    )


def _labelled_quote(text: str, start: int, end: int) -> bool:
    """A line that is a quotation with its speaker, by a dash and a name or by a verb of speech: not a heading."""
    return bool(_LABELLED_QUOTE_RE.fullmatch(text, start, end) or _ATTRIBUTED_QUOTE_RE.fullmatch(text, start, end))


def _is_initial(token: str) -> bool:
    return len(token) == 1 and token.isupper()


def _is_dotted(token: str) -> bool:
    """An abbreviation written with inner periods: ``U.S``, ``a.m``, ``Ph.D`` (not ``nasa.gov``)."""
    return "." in token and all(0 < len(part) <= 2 for part in token.split("."))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Stripped spans of the paragraphs; a single line break inside a running sentence is only a wrap."""
    lines: list[tuple[int, int]] = []
    for m in _LINE_RE.finditer(text):
        line = m.group()
        stripped = line.strip()
        if stripped:
            start = m.start() + len(line) - len(line.lstrip())
            lines.append((start, start + len(stripped)))
    blocks: list[tuple[int, int]] = []
    columns = _hard_wrapped(text, lines)
    indented = columns and _indents_paragraphs(text, lines)
    for i, (start, end) in enumerate(lines):
        if blocks and _is_wrap(text, lines[i - 1], start, blocks[-1][0], columns, indented):
            blocks[-1] = (blocks[-1][0], end)
        else:
            blocks.append((start, end))
    return blocks


def _single_break(text: str, line_end: int, start: int) -> bool:
    return start - line_end == 1 or len(_BREAK_RE.findall(text, line_end, start)) == 1


def _hard_wrapped(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether the text is set in hard-wrapped lines (a newspaper column, OCR): most single line breaks fall inside
    a sentence, the next line going on in lower case."""
    breaks = [(end, start) for (_, end), (start, _) in pairwise(lines) if _single_break(text, end, start)]
    inside = sum(1 for end, start in breaks if text[start].islower() and text[end - 1] not in ".?!…:")
    return len(breaks) >= 6 and inside * 2 >= len(breaks)


def _indent(text: str, start: int) -> int:
    """How far the line holding ``start`` is indented (``start`` being its first visible character)."""
    return start - text.rfind("\n", 0, start) - 1


def _indents_paragraphs(text: str, lines: list[tuple[int, int]]) -> bool:
    """Whether hard-wrapped lines mark each paragraph by indenting its first line (wire copy): after single line
    breaks, several lines are indented and several are flush."""
    indents = [_indent(text, start) > 0 for (_, end), (start, _) in pairwise(lines) if _single_break(text, end, start)]
    return 3 <= sum(indents) <= len(indents) - 3


def _is_wrap(
    text: str,
    previous_line: tuple[int, int],
    start: int,
    block_start: int,
    columns: bool = False,
    indented: bool = False,
) -> bool:
    line_start, line_end = previous_line
    if not _single_break(text, line_end, start):
        return False
    if indented:
        return not _indent(text, start)  # '... from the program.\nThey protected ...': a flush line goes on
    last, first = text[line_end - 1], text[start]
    if first.islower() or last in ",;-\u2013—(":
        return True
    # A long line that stops mid-sentence was wrapped; a short one may be a heading, unless a quotation is open.
    line = text[line_start:line_end]
    body = line.rstrip(_CLOSERS + '"')
    if body.endswith(",") and len(body) < len(line) and first not in _OPENERS + '"':
        return True  # '"We will rebuild," / she said.': the attribution of a quote wrapped onto the next line
    if not body or body[-1] in ".?!…:":
        return False
    if _OPEN_LINE_END.search(body):
        return True  # "... but Kent pointed out the / George ...": no line ends on an article or a conjunction
    if columns and not line.isupper():
        return True  # a column's line stops wherever the width does: "... at noon. Constable / Ann Roe said ..."
    if _NAME_CUT.search(line) or _ATTRIBUTION_CUT.search(line):
        return True  # "... said Sgt. Ana / Ruiz", "..., said police / spokeswoman Ana Ruiz": an attribution cut short
    return len(line.split()) > MAX_HEADING_WORDS or _quotation_open(text[block_start:line_end])


# A line ending in a word that always has more after it: an article, "of", a coordinating conjunction.
_OPEN_LINE_END = re.compile(r"\s(?:the|a|an|of|and|or|to|with)$")
# A line ending in a title and a name ("Sgt. Ana"), or in an attribution cut before its name (", said the", ", said
# police"): a complete one ends in a name.
_NAME_CUT = re.compile(r"(?:^|\s)(?:" + "|".join(sorted(_TITLES)) + r")\.?\s+[A-Z][\w'\u2019\-]*$")
_ATTRIBUTION_CUT = re.compile(r",\s+(?:said|says|told|added|adds|wrote|writes)(?:\s+[a-z][\w\-]*){1,3}$")


def _quotation_open(block: str) -> bool:
    """Whether a quotation opened in ``block`` is still open at its end (an odd number of straight double marks,
    or more curly opening marks than closing ones)."""
    return block.count('"') % 2 == 1 or block.count("\u201c") > block.count("\u201d")


def split_sentences(text: str) -> list[Sentence]:
    """Split ``text`` into sentences and furniture; ``text[s.start:s.end] == s.text`` for each."""
    spans = paragraphs(text)
    tlds = None if any(mark in text for mark in _ADDRESS_MARKS) else [m.start() for m in _TLD_RE.finditer(text)]
    sentences: list[Sentence] = []
    for i, (start, end) in enumerate(spans):
        block = _Block(text, start, end, i == len(spans) - 1, tlds)
        for seg in block.segments():
            chunk = text[seg.start : seg.end]
            stripped = chunk.strip()
            if not stripped:
                continue
            s = seg.start + len(chunk) - len(chunk.lstrip())
            sentences.append(Sentence(len(sentences), s, s + len(stripped), seg.kind, stripped))
    return _mark_embedded_posts(text, sentences)


def _mark_embedded_posts(text: str, sentences: list[Sentence]) -> list[Sentence]:
    """The words of a social-media post embedded in the page, the paragraph that ends with the post's media link
    right above its signature line, are furniture like a caption: the post as the page showed it, not the story."""
    for i, sentence in enumerate(sentences):
        if sentence.kind != "credit" or not _POST_SIGNATURE_RE.fullmatch(sentence.text):
            continue
        if i == 0 or not _POST_LINK_RE.search(sentences[i - 1].text):
            continue
        first = i - 1
        while first > 0 and not _PARAGRAPH_GAP_RE.search(text, sentences[first - 1].end, sentences[first].start):
            first -= 1
        for j in range(first, i):
            if sentences[j].kind in ("prose", "heading"):
                sentences[j] = replace(sentences[j], kind="caption")
    return sentences
