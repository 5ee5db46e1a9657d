"""The dependency parser against our rules on a corpus of annotated attributions: who speaks, and what they report.

    .venv/bin/python bench/parse_attributions.py CORPUS_DIR [--split dev] [--limit N] [--show N]

CORPUS_DIR is laid out as for ``bench/score_attributions.py`` (PolNeAR's brat standoff), and the same relations
count: those whose cue holds a speech verb (``said``, ``told``, ``adding``, ...; "according to" has no verb and is
left out). For each, in the sentence that holds the cue verb (our sentence splitter's), two readings:

- the parser (``newsfacts.extraction.parser``): the subject phrase of the cue verb, and its clausal complement (or,
  for a verb set aside, ``..., she said``, the clause it stands in);
- our rules: the subject the cue reader found for that verb (``subjects``' phrase, as ``quotes`` holds it), and the
  span of the quotes that cue produced.

Each is compared with the annotated Source and Content spans, after the same trimming (spaces, marks and quotation
marks at the edges; a leading "that" of a content): ``exact`` is the share of relations read with exactly the
annotated span; ``right`` the share read with a span at least half inside the annotated one (the corpus's sources
hold whole noun phrases, appositions included, where our rules keep the name: ``Ana Ruiz`` for ``Ana Ruiz, the
mayor,`` is right, not exact); ``F1`` the mean character overlap F1 (a relation not read counts 0); ``read`` the share
given any span. Contents are also counted apart for the relations whose whole content lies in the cue's sentence, the
only ones a sentence parse can get right. Nothing of the corpus is kept; ``--show N`` prints N disagreements to read.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.score_attributions import SPEECH_VERBS, WORD, Relation, articles, read_relations  # noqa: E402
from newsfacts.extraction import parser, quotes  # noqa: E402
from newsfacts.extraction.pipeline import extract  # noqa: E402

Span = tuple[int, int]
EDGE = " \t\n.,;:!?\"'\u201c\u201d\u2018\u2019()\u2014-"


@dataclass
class RuleReading:
    """What the cue reader did with each cue verb of an article, by the verb's offset."""

    subjects: dict[int, Span] = field(default_factory=dict)
    contents: dict[int, Span] = field(default_factory=dict)


@dataclass
class Tally:
    counts: Counter[str] = field(default_factory=Counter)
    f1: defaultdict[str, float] = field(default_factory=lambda: defaultdict(float))
    disagreements: list[str] = field(default_factory=list)

    def add(self, measure: str, system: str, guess: Span | None, gold: Span, text: str) -> float:
        self.counts[f"{measure} total {system}"] += 1
        if guess is None:
            return 0.0
        a, b = trimmed(text, *guess, measure.startswith("content")), trimmed(text, *gold, measure.startswith("content"))
        if a[0] == a[1]:
            return 0.0
        self.counts[f"{measure} read {system}"] += 1
        self.counts[f"{measure} exact {system}"] += a == b
        self.counts[f"{measure} right {system}"] += overlap(a, b) * 2 >= a[1] - a[0]
        score = f1(a, b)
        self.f1[f"{measure} {system}"] += score
        return score


def trimmed(text: str, start: int, end: int, content: bool) -> Span:
    """``start``-``end`` without spaces and marks at its edges (and a leading "that" for a content)."""
    while start < end and text[start] in EDGE:
        start += 1
    while end > start and text[end - 1] in EDGE:
        end -= 1
    if content and re.match(r"that\s", text[start:end]):
        return trimmed(text, start + 4, end, content)
    return start, end


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def f1(a: Span, b: Span) -> float:
    common = overlap(a, b)
    if not common:
        return 0.0
    precision, recall = common / (a[1] - a[0]), common / (b[1] - b[0])
    return 2 * precision * recall / (precision + recall)


def record_rules() -> tuple[RuleReading, Callable[[], None]]:
    """Watch the cue reader: each cue's subject, and the span of the quotes reading it added. Returns the record
    and a function that stops watching."""
    reading = RuleReading()
    cues, read_cue = quotes._cues, quotes._read_cue

    def watched_cues(reader: Any, s: Any) -> Any:
        found = cues(reader, s)
        for cue in found:
            reading.subjects[cue.start] = (cue.subject.start, cue.subject.end)
        return found

    def watched_read(reader: Any, s: Any, cue: Any, limit: int) -> int:
        before = len(reader.quotes)
        until = read_cue(reader, s, cue, limit)
        added = reader.quotes[before:]
        if added:
            reading.contents[cue.start] = (min(q.start for q in added), max(q.end for q in added))
        return until

    quotes._cues, quotes._read_cue = watched_cues, watched_read

    def stop() -> None:
        quotes._cues, quotes._read_cue = cues, read_cue

    return reading, stop


def verb_offset(text: str, rel: Relation) -> int | None:
    """Where the cue's speech verb starts (``has said``: "said"), or None for a cue without one."""
    for m in WORD.finditer(rel.cue):
        if m.group().lower() in SPEECH_VERBS:
            return rel.cue_start + m.start()
    return None


def score_article(name: str, text: str, ann: Path, tally: Tally, show: bool) -> None:
    relations, _ = read_relations(ann)
    reading, stop = record_rules()
    try:
        extraction = extract(text)
    finally:
        stop()
    for rel in relations:
        verb = verb_offset(text, rel)
        sentence = next((s for s in extraction.sentences if s.start <= (verb or -1) < s.end), None)
        if verb is None or sentence is None:
            continue
        tally.counts["relations"] += 1
        parsed = parser.parse(text, sentence.start, sentence.end)
        order = "cue first" if verb < rel.content[0][0] else "cue after or inside"
        if rel.source is not None:
            rules = reading.subjects.get(verb)
            if rules is not None and not text[rules[0] : rules[1]].strip():
                rules = None  # an empty subject ("adding that"): the previous cue's, no phrase of its own
            either = rules or parsed.subject(verb)
            for system, guess in (("parser", parsed.subject(verb)), ("rules", rules), ("rules, else parser", either)):
                tally.add("source", system, guess, rel.source, text)
                tally.add(f"source, {order}", system, guess, rel.source, text)
            _note(tally, show, name, text, "source", rel.source, parsed.subject(verb), reading.subjects.get(verb))
        gold = (rel.content[0][0], rel.content[-1][1])
        inside = sentence.start <= gold[0] and gold[1] <= sentence.end
        for system, guess in (("parser", parsed.complement(verb)), ("rules", reading.contents.get(verb))):
            tally.add("content", system, guess, gold, text)
            if inside:
                tally.add("content in the cue's sentence", system, guess, gold, text)
        if inside:
            _note(tally, show, name, text, "content", gold, parsed.complement(verb), reading.contents.get(verb))


def _note(tally: Tally, show: bool, name: str, text: str, what: str, gold: Span, *guesses: Span | None) -> None:
    if not show:
        return
    content = what == "content"
    spans = [trimmed(text, *g, content) if g else None for g in guesses]
    if len(set(spans)) > 1 or spans[0] != trimmed(text, *gold, content):
        parsed, rules = (text[g[0] : g[1]] if g else "-" for g in guesses)
        gold_text = text[gold[0] : gold[1]]
        tally.disagreements.append(f"{name} {what}\n  gold:   {gold_text}\n  parser: {parsed}\n  rules:  {rules}")


def print_report(tally: Tally) -> None:
    measures = sorted({key.split(" total ")[0] for key in tally.counts if " total " in key}, key=_measure_order)
    print("| part | relations | reading | exact | right | F1 | read |\n| --- | --- | --- | --- | --- | --- | --- |")
    for measure in measures:
        n = tally.counts[f"{measure} total parser"]
        for system in ("parser", "rules", "rules, else parser"):
            if not tally.counts[f"{measure} total {system}"]:
                continue
            row = [tally.counts[f"{measure} {m} {system}"] / n for m in ("exact", "right")]
            row += [tally.f1[f"{measure} {system}"] / n, tally.counts[f"{measure} read {system}"] / n]
            print(f"| {measure} | {n} | {system} | " + " | ".join(f"{v:.3f}" for v in row) + " |")


def _measure_order(measure: str) -> tuple[bool, str]:
    return (measure.startswith("content"), measure)


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    arguments.add_argument("corpus", type=Path, help="the corpus folder (data/<split>/text, data/<split>/attributions)")
    arguments.add_argument("--split", help="only this split (train, dev, test)")
    arguments.add_argument("--limit", type=int, default=0, help="only the first N articles")
    arguments.add_argument("--show", type=int, default=0, help="print N disagreements, for reading")
    args = arguments.parse_args(argv)
    if not (args.corpus / "data").is_dir():
        print(f"error: {args.corpus} has no data/ folder", file=sys.stderr)
        return 2
    todo = articles(args.corpus, args.split)[: args.limit or None]
    began = time.perf_counter()
    parser.load()
    tally = Tally()
    for name, txt, ann in todo:
        score_article(name, txt.read_text(encoding="utf-8"), ann, tally, args.show > 0)
    seconds = time.perf_counter() - began
    print(f"{len(todo)} articles, {tally.counts['relations']} speech relations with a verb cue, {seconds:.0f} s\n")
    print_report(tally)
    for line in random.Random(7).sample(tally.disagreements, min(args.show, len(tally.disagreements))):
        print("\n" + line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
