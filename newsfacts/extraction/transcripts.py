"""Transcripts without quotation marks: lines that open with a speaker's label (``Q:``, ``A:``, ``Gov. Ana Ruiz:``,
``RUIZ:``) and go on with that speaker's words.

A label alone proves little (``Update:``, ``Note:``, a dateline ``LONDON:``), so the lines count as a transcript only
when the article has at least two of them whose labels are questions and answers or the names of speakers: a name
the article also uses outside the labels, or one that labels two lines or more. Three lines or more in which no one
speaks twice are a list of names, not a transcript. Which entity a label names is the
quote reader's business (:mod:`newsfacts.extraction.quotes`); this module only finds the lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from typing import Literal

from newsfacts.extraction.cues import STOPWORDS, is_organisation_role, is_person_role
from newsfacts.extraction.speakers import same_speaker

LabelKind = Literal["question", "answer", "name", "role"]

# A label opening a line: "Q:", "A:", "Question:", "Gov. Ana Ruiz:", "MARIA LENZ:", then the words on that line.
_LABEL_LINE = re.compile(
    r"(?m)^[^\S\n]*(?:((?:[A-Z][\w.'\u2019\-]*[^\S\n]+){0,3}[A-Z][\w'\u2019\-]*)[^\S\n]*:|(Q|A)\.)[^\S\n]+"
    r"(\S[^\n]*?)[^\S\n]*$"
)
# A speaker's label in capitals inside a line, after a run of spaces: scraped copy that lost the line break before
# it ("... What is that about?    ANA RUIZ: Well, ...").
_MIDLINE_LABEL = re.compile(
    r"[^\S\n]{2,}((?:[A-Z][A-Z.'\u2019\-]+[^\S\n]+){0,3}[A-Z][A-Z'\u2019\-]+):[^\S\n]+(\S[^\n]*?)[^\S\n]*$", re.M
)
# A line with words on it: a paragraph of an answer that goes on before the next label.
_LINE = re.compile(r"(?m)^[^\S\n]*(\S[^\n]*?)[^\S\n]*$")
_QUESTION = frozenset({"q", "question", "interviewer", "reporter"})
_ANSWER = frozenset({"a", "answer"})


@dataclass(frozen=True, slots=True)
class LabelLine:
    """One labelled line: where its label and its words are, and whether it asks, answers or names a speaker."""

    label_start: int
    label_end: int
    start: int  # of the words after the label
    end: int
    kind: LabelKind

    def label(self, text: str) -> str:
        return text[self.label_start : self.label_end]


def _kind(label: str) -> LabelKind | None:
    low = label.lower()
    if low in _QUESTION:
        return "question"
    if low in _ANSWER:
        return "answer"
    words = low.split()
    last = words[-1].rstrip(".")
    if len(words) > 1 and words[0] == "the" and is_person_role(last):
        return "role"  # "THE PRESIDENT:": the holder of the office the story names
    if last in STOPWORDS or is_person_role(last) or is_organisation_role(last):
        return None  # "Note:", "Reporter:", "Council:": a role or a body labels no one by name
    return "name"


def _names_a_speaker(text: str, label: str, times_labelled: int) -> bool:
    """A name labels a speaker when it labels two lines or more, or when the article names it outside its labels
    too (``Ana Ruiz spoke to ...`` and then ``RUIZ:``)."""
    if times_labelled >= 2:
        return True
    surname = re.escape(label.split()[-1])
    return len(re.findall(rf"\b{surname}\b", text, re.IGNORECASE)) > times_labelled


def label_lines(text: str) -> list[LabelLine]:
    """The lines of a transcript, in order, or none when the article is not one."""
    found: list[LabelLine] = []
    for m in _LABEL_LINE.finditer(text):
        if not text[: m.start()].strip():
            continue  # a label opening the article is its dateline
        group = 1 if m.group(1) else 2
        kind = _kind(m.group(group))
        if kind is not None:
            found.append(LabelLine(m.start(group), m.end(group), m.start(3), m.end(3), kind))
    found = _split_at_midline_labels(text, found)
    if len(found) < 2 or _is_a_list(text, found):
        return []
    counts = Counter(line.label(text) for line in found)
    speaking = {label: _names_a_speaker(text, label, n) for label, n in counts.items()}  # once per name, not per line
    kept = [line for line in found if line.kind not in ("name", "role") or speaking[line.label(text)]]
    kinds = {line.kind for line in kept}
    asking = [line for line in kept if line.kind == "question" and text[line.end - 1] == "?"]
    if kinds == {"question"} and len(asking) >= 2:
        return kept  # questions only: the answers are the plain paragraphs after them
    if len(kept) < 2 or kinds == {"question"} or kinds == {"answer"}:
        return []
    asks = bool(asking)
    if not kinds & {"name", "role"} and not asks:
        return []  # "A. Smith and B. Jones wrote ...": initials, unless one of the questions asks something
    # In a transcript, a full name labels its speaker even when it labels one line only.
    chosen = set(kept)
    return [line for line in found if line in chosen or len(line.label(text).split()) > 1]


def _is_a_list(text: str, lines: list[LabelLine]) -> bool:
    """Three labelled lines or more, no two naming the same person and no question among them: a list
    of people or places with what befell each (``Ana Ruiz: theft, held on bond.``), not a conversation, in which
    someone speaks twice."""
    if len(lines) < 3 or any(line.kind in ("question", "answer") for line in lines):
        return False
    labels = [line.label(text) for line in lines]
    return not any(same_speaker(a, b) for i, a in enumerate(labels) for b in labels[i + 1 :])


def _split_at_midline_labels(text: str, found: list[LabelLine]) -> list[LabelLine]:
    """Labelled lines that hold a second label in capitals end before it; that label opens a line of its own."""
    split: list[LabelLine] = []
    for line in found:
        inner = _MIDLINE_LABEL.search(text, line.start, line.end)
        while inner is not None and (kind := _kind(inner.group(1))) is not None:
            cut = line.start + len(text[line.start : inner.start()].rstrip())
            split.append(LabelLine(line.label_start, line.label_end, line.start, cut, line.kind))
            line = LabelLine(inner.start(1), inner.end(1), inner.start(2), inner.end(2), kind)
            inner = _MIDLINE_LABEL.search(text, line.start, line.end)
        split.append(line)
    return split


def continued(text: str, lines: list[LabelLine]) -> list[tuple[LabelLine, int, int]]:
    """The paragraphs after a labelled line that go on with its speaker's words before the next label: (the line
    they continue, start, end). Those after the last label are left alone (the story may resume there), and so are
    quoted ones (read as quotations) and lines that end without a full stop (topics, headings). When a transcript
    labels only its questions, the plain paragraphs after each are the answer of the person interviewed (after the
    last question, its first paragraph only)."""
    unanswered = all(line.kind == "question" for line in lines)
    bounds: list[int | None] = [following.label_start for following in lines[1:]]
    last_answer = _LINE.search(text, _next_line(text, lines[-1].end)) if unanswered else None
    bounds.append(last_answer.end() if last_answer else None)
    found = []
    for line, bound in zip(lines, bounds, strict=True):
        if bound is None or (line.kind == "question" and not unanswered):
            continue
        speaker = replace(line, kind="answer", label_start=line.end, label_end=line.end) if unanswered else line
        for m in _LINE.finditer(text, min(_next_line(text, line.end), bound), bound):
            words = m.group(1)
            if words[0] not in "\"\u201c\u2018'" and words[-1] in ".!?\u2026":
                found.append((speaker, m.start(1), m.end(1)))  # not a topic line ("On the budget:") nor a heading
    return found


def _next_line(text: str, pos: int) -> int:
    """The start of the line after the one holding ``pos`` (the text's end on its last line)."""
    newline = text.find("\n", pos)
    return newline + 1 if newline >= 0 else len(text)
