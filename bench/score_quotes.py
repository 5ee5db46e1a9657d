"""Score the quote extraction against a folder of hand-annotated articles and print the table of figures.

    .venv/bin/python bench/score_quotes.py DATASET_DIR [--details] [--only NAME ...]

The folder holds ``texts/NAME.txt`` and ``gold/NAME.gold.json``, each gold file of the shape::

    {"quotes":   [{"speaker": "Full Name or Organisation", "kind": "direct|indirect", "key": "exact substring",
                   "unnamed": true?, "joint_speakers": [...]?}],
     "people":   {"Full Name": ["aliases used in the text"]},
     "optional": [same shape as quotes: neither credited nor penalised],
     "not_quotes": ["strings that must not be taken as quotes"]}

A gold quote is found when its key lies inside the text of an extracted quote. Its speaker is right when the
extracted speaker is the gold speaker, one of its aliases or one of its joint speakers (case-insensitive, a leading
"The" aside); a gold quote whose speaker is unnamed has the right speaker when the extracted quote names nobody. An
extracted quote that holds no gold or optional key is a false positive; one of those holding a not-quote string (a
scare quote, a label taken for a quote) is counted as a not-quote error too. A real quote that merely contains a
scare quote is real.
Precision per confidence band shows whether sorting by confidence helps: in each band, the share of extracted quotes
that are real quotes, and the share of those matched to a gold quote that have its speaker.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsfacts.extraction.pipeline import extract  # noqa: E402
from newsfacts.extraction.quotes import Quote  # noqa: E402

BANDS = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


@dataclass
class Tally:
    gold: dict[str, int] = field(default_factory=lambda: {"direct": 0, "indirect": 0})
    found: dict[str, int] = field(default_factory=lambda: {"direct": 0, "indirect": 0})
    right: int = 0  # found with the right speaker
    extracted: int = 0
    false_positives: int = 0
    errors: int = 0
    offsets_ok: int = 0
    band_total: dict[int, int] = field(default_factory=dict)
    band_real: dict[int, int] = field(default_factory=dict)
    band_judged: dict[int, int] = field(default_factory=dict)
    band_right: dict[int, int] = field(default_factory=dict)

    def add_band(self, confidence: float, real: bool, judged: bool, right: bool) -> None:
        k = next(i for i, (lo, hi) in enumerate(BANDS) if lo <= confidence < hi)
        for table, hit in (
            (self.band_total, True),
            (self.band_real, real),
            (self.band_judged, judged),
            (self.band_right, right),
        ):
            table[k] = table.get(k, 0) + int(hit)


def bare_name(name: str) -> str:
    """A speaker's name as compared: lower case, without a leading article ("The New York Times" is the stored
    "New York Times")."""
    low = name.lower()
    return low[4:] if low.startswith("the ") else low


def _names(item: dict[str, Any], people: dict[str, list[str]]) -> set[str]:
    names = {item["speaker"], *people.get(item["speaker"], ()), *item.get("joint_speakers", ())}
    for joint in item.get("joint_speakers", ()):
        names.update(people.get(joint, ()))
    return {bare_name(n) for n in names}


def speaker_right(item: dict[str, Any], people: dict[str, list[str]], quote: Quote) -> bool:
    if item.get("unnamed"):
        return quote.speaker is None
    return quote.speaker is not None and bare_name(quote.speaker) in _names(item, people)


def score_article(name: str, text: str, gold: dict[str, Any], tally: Tally, details: bool) -> list[str]:
    quotes = list(extract(text).quotes)
    people: dict[str, list[str]] = gold.get("people", {})
    lines: list[str] = []
    tally.extracted += len(quotes)
    tally.offsets_ok += sum(text[q.start : q.end] == q.text for q in quotes)
    matched: dict[int, bool] = {}  # quote index -> its speaker is right for a gold quote it holds
    for item in gold["quotes"]:
        kind = "direct" if item["kind"] == "direct" else "indirect"
        tally.gold[kind] += 1
        holders = [i for i, q in enumerate(quotes) if item["key"] in q.text]
        if not holders:
            if details:
                lines.append(f"  MISS {kind:8} [{item['speaker']}] {item['key']!r}")
            continue
        tally.found[kind] += 1
        rights = [i for i in holders if speaker_right(item, people, quotes[i])]
        for i in holders:
            matched[i] = matched.get(i, False) or i in rights
        if rights:
            tally.right += 1
        elif details:
            got = {quotes[i].speaker for i in holders}
            lines.append(f"  WHO  {kind:8} [{item['speaker']}] got {got} {item['key']!r}")
    keys = [item["key"] for item in (*gold["quotes"], *gold.get("optional", ()))]
    not_quotes = gold.get("not_quotes", [])
    for i, q in enumerate(quotes):
        # A real quote may hold a scare quote ('remains from the "dinosaur rush"'); an error is a not-quote taken
        # for a quote: it holds a not-quote string and no gold or optional key.
        real = any(key in q.text for key in keys)
        error = not real and any(nq in q.text for nq in not_quotes)
        if not real:
            tally.false_positives += 1
            tally.errors += int(error)
            if details:
                label = "ERR " if error else "FP  "
                lines.append(f"  {label} {q.kind:8} [{q.speaker}] {q.confidence} {q.text[:110]!r}")
        tally.add_band(q.confidence, real, i in matched, matched.get(i, False))
    if details and lines:
        lines.insert(0, name)
    return lines


def ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "n/a"


def report(tally: Tally, out: Iterable[str] = ()) -> str:
    gold_total = sum(tally.gold.values())
    found_total = sum(tally.found.values())
    rows = [
        ("direct quotes found", tally.found["direct"], tally.gold["direct"]),
        ("reported (indirect) speech found", tally.found["indirect"], tally.gold["indirect"]),
        ("right speaker among quotes found", tally.right, found_total),
        ("gold quotes found with the right speaker", tally.right, gold_total),
        ("extracted quotes that are real quotes (precision)", tally.extracted - tally.false_positives, tally.extracted),
        ("offsets that slice back exactly", tally.offsets_ok, tally.extracted),
    ]
    lines = [*out, "", "| measure | score | count |", "| --- | --- | --- |"]
    lines += [f"| {label} | {ratio(a, b)} | {a}/{b} |" for label, a, b in rows]
    lines.append(f"\nnot-quote errors: {tally.errors}")
    lines += ["", "| confidence | quotes | real quotes | right speaker (of matched) |", "| --- | --- | --- | --- |"]
    for k, (lo, hi) in enumerate(BANDS):
        total = tally.band_total.get(k, 0)
        if not total:
            continue
        real, judged, right = tally.band_real.get(k, 0), tally.band_judged.get(k, 0), tally.band_right.get(k, 0)
        label = f"{lo:.1f}-{min(hi, 1.0):.1f}"
        lines.append(f"| {label} | {total} | {ratio(real, total)} | {ratio(right, judged)} ({right}/{judged}) |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("dataset", type=Path, help="folder with texts/NAME.txt and gold/NAME.gold.json")
    parser.add_argument("--details", action="store_true", help="list misses, wrong speakers and false positives")
    parser.add_argument("--only", nargs="*", default=(), help="score only these article names")
    args = parser.parse_args(argv)
    gold_dir, text_dir = args.dataset / "gold", args.dataset / "texts"
    if not gold_dir.is_dir() or not text_dir.is_dir():
        print(f"error: {args.dataset} has no gold/ and texts/ folders", file=sys.stderr)
        return 2
    tally = Tally()
    out: list[str] = []
    paths = sorted(gold_dir.glob("*.gold.json"))
    for path in paths:
        name = path.name.removesuffix(".gold.json")
        if args.only and name not in args.only:
            continue
        text = (text_dir / f"{name}.txt").read_text(encoding="utf-8")
        gold = json.loads(path.read_text(encoding="utf-8"))
        out += score_article(name, text, gold, tally, args.details)
    print(f"{len(paths)} articles, {sum(tally.gold.values())} gold quotes, {tally.extracted} extracted")
    print(report(tally, out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
