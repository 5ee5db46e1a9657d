"""Score the claim extractor against a folder of annotated articles: recall, precision, kinds, claimants, spans.

    .venv/bin/python bench/score_claims.py DEVSET_DIR [--per-file] [--show missed,false,kind,cut]

``DEVSET_DIR`` holds ``texts/NAME.txt``, ``claims/NAME.claims.json`` and (for speaker aliases)
``gold/NAME.gold.json``. A claims file lists ``claims`` and ``borderline`` entries, each with a ``key`` (an exact
substring of the text, 4-10 words), a ``kind`` and a ``claimant``.

How it counts, over the whole pipeline (sentences, quotes, claims):

* an annotated claim is **found** when an extracted claim covers at least half of its key; it is **cut** when the
  best such claim covers only part of it (the meaning may not survive), and **reversed** when the part left out
  holds a negation, a denial or a qualifier ("not", "never", "denied", "incorrectly", "allegedly" ...);
* an extracted claim is **check-worthy** when it covers at least half of an annotated claim's key (strict), or of a
  claim's or a borderline item's key (counting borderline);
* **kind** agrees when the claim that covers a found key has the key's kind; **claimant** agrees when its claimant
  is the annotated one or one of that person's aliases (case-insensitive, a leading "The" aside); an unnamed
  annotated claimant (a description: "unnamed residents") agrees with a claim that names nobody and carries a
  ``claimant_description``, whatever its words, and ``None`` (the article's own) with a claim that has neither;
* **leaks**: extracted claims holding a dateline or an agency tag ("LONDON (Reuters) -").

Then the precision of the extracted claims per band of their confidence.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.score_quotes import bare_name  # noqa: E402
from newsfacts.extraction.claims import Claim  # noqa: E402
from newsfacts.extraction.pipeline import extract  # noqa: E402

NEGATION = re.compile(
    r"\b(?:not|no|never|nothing|none|nobody|without|denied|denies|deny|denying|refused|rejected|false|untrue"
    r"|falsely|incorrectly|wrongly|mistakenly|allegedly|reportedly)\b"
    r"|n['\u2019]t\b",
    re.IGNORECASE,
)
# an agency tag is followed by a dash ("(Reuters) -"); "the Party of Truth and Integrity (PTI) was" names a party
LEAK = re.compile(
    r"\((?:AP|AFP|Reuters|PTI|IANS|ANI|UPI|dpa|Xinhua|Yonhap|Bloomberg)\)(?=\s*[-\u2013\u2014])"
    r"|^[A-Z][A-Z .'-]{2,},?[^a-z]{0,30}[-\u2013\u2014]\s"
)
BANDS = ((0.0, 0.5), (0.5, 0.7), (0.7, 0.85), (0.85, 1.01))


class Show:
    """Prints the chosen kinds of detail lines (``--show missed,false,...``), each with its article's name."""

    def __init__(self, kinds: set[str]) -> None:
        self.kinds = kinds
        self.name = ""

    def __call__(self, kind: str, line: str) -> None:
        if kind in self.kinds or (kind == "border" and "false" in self.kinds):
            print(f"{kind.upper()} {self.name} {line}")


@dataclass(frozen=True)
class Key:
    start: int
    end: int
    kind: str
    claimant: str | None
    borderline: bool
    text: str


@dataclass
class Tally:
    gold: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    kind_right: int = 0
    claimant_right: int = 0
    cut: int = 0
    reversed: int = 0
    predicted: int = 0
    strict: int = 0
    lenient: int = 0
    leaks: int = 0
    bands: Counter[tuple[int, bool, bool]] = field(default_factory=Counter)
    kinds: Counter[tuple[str, str]] = field(default_factory=Counter)


def covered(key: Key, claim: Claim) -> int:
    return max(0, min(key.end, claim.end) - max(key.start, claim.start))


def load_keys(text: str, path: Path) -> list[Key]:
    data = json.loads(path.read_text(encoding="utf-8"))
    keys = []
    for section, borderline in (("claims", False), ("borderline", True)):
        for row in data.get(section, []):
            start = text.find(row["key"])
            if start < 0:
                print(f"  {path.name}: key not in text: {row['key']!r}", file=sys.stderr)
                continue
            end = start + len(row["key"])
            keys.append(Key(start, end, row["kind"], row.get("claimant"), borderline, row["key"]))
    return keys


def aliases(gold_path: Path) -> dict[str, set[str]]:
    """Each gold speaker's lowercased names: the name itself and its aliases."""
    if not gold_path.exists():
        return {}
    people = json.loads(gold_path.read_text(encoding="utf-8")).get("people", {})
    return {bare_name(name): {bare_name(name), *(bare_name(a) for a in names)} for name, names in people.items()}


def band(confidence: float) -> int:
    return next(i for i, (low, high) in enumerate(BANDS) if low <= confidence < high)


# The claims files write an unnamed claimant as its description after this word ("unnamed residents").
UNNAMED = "unnamed "


def claimant_agrees(key: Key, claim: Claim, names: dict[str, set[str]]) -> bool:
    wanted = bare_name(key.claimant) if key.claimant else None
    if wanted is None or wanted.startswith(UNNAMED):
        return claim.claimant is None and bool(claim.claimant_description) == (wanted is not None)
    got = bare_name(claim.claimant) if claim.claimant else None
    return got == wanted or (wanted is not None and got in names.get(wanted, set()))


def score_key(text: str, key: Key, claims: list[Claim], names: dict[str, set[str]], tally: Tally, show: Show) -> None:
    """Whether an annotated claim is found, by which claim, with which kind and claimant, and whether it is cut."""
    tally.gold[key.kind] += 1
    best = max(claims, key=lambda c: covered(key, c), default=None)
    share = covered(key, best) / (key.end - key.start) if best else 0.0
    if best is None or share < 0.5:
        show("missed", f"[{key.kind}] {key.text!r}")
        return
    tally.found[key.kind] += 1
    tally.kinds[(key.kind, best.kind)] += 1
    tally.kind_right += best.kind == key.kind
    if best.kind != key.kind:
        show("kind", f"gold={key.kind} got={best.kind} {key.text!r} in {best.text[:100]!r}")
    if claimant_agrees(key, best, names):
        tally.claimant_right += 1
    else:
        got = best.claimant or (f"unnamed: {best.claimant_description}" if best.claimant_description else None)
        show("claimant", f"gold={key.claimant} got={got} {key.text!r}")
    if share < 1.0:
        tally.cut += 1
        left_out = text[key.start : max(key.start, best.start)] + " " + text[min(key.end, best.end) : key.end]
        tally.reversed += bool(NEGATION.search(left_out))
        show("cut", f"{key.text!r} -> {best.text[:120]!r}")


def score_claim(claim: Claim, keys: list[Key], tally: Tally, show: Show) -> None:
    """Whether an extracted claim is check-worthy (strict, or counting borderline), by its confidence band."""
    hits = [k for k in keys if covered(k, claim) * 2 >= k.end - k.start]
    strict = any(not k.borderline for k in hits)
    tally.predicted += 1
    tally.strict += strict
    tally.lenient += bool(hits)
    tally.bands[(band(claim.confidence), strict, bool(hits))] += 1
    if LEAK.search(claim.text):
        tally.leaks += 1
        show("leak", repr(claim.text[:100]))
    who = claim.claimant or (f"unnamed: {claim.claimant_description}" if claim.claimant_description else None)
    detail = f"[{claim.kind} {claim.confidence:.2f} {who}] {claim.text[:160]!r}"
    show("true" if strict else "border" if hits else "false", detail)


def score_file(text: str, keys: list[Key], names: dict[str, set[str]], tally: Tally, show: Show) -> None:
    claims = list(extract(text).claims)
    for key in keys:
        if not key.borderline:
            score_key(text, key, claims, names, tally, show)
    for claim in claims:
        score_claim(claim, keys, tally, show)


def ratio(part: int, whole: int) -> str:
    return f"{part / whole:.2f} ({part}/{whole})" if whole else "n/a"


def report(tally: Tally) -> None:
    gold, found = sum(tally.gold.values()), sum(tally.found.values())
    rows = [
        ("gold claims found (recall)", ratio(found, gold)),
        ("precision (strict)", ratio(tally.strict, tally.predicted)),
        ("precision (counting borderline)", ratio(tally.lenient, tally.predicted)),
        ("figures found", ratio(tally.found["figure"], tally.gold["figure"])),
        ("attributed found", ratio(tally.found["attributed"], tally.gold["attributed"])),
        ("plain factual (other) found", ratio(tally.found["other"], tally.gold["other"])),
        ("kind agrees (found claims)", ratio(tally.kind_right, found)),
        ("claimant agrees (found claims; unnamed: any description)", ratio(tally.claimant_right, found)),
        ("found keys cut by the span", ratio(tally.cut, found)),
        ("cuts that leave out a negation/denial", str(tally.reversed)),
        ("claims holding a dateline or agency tag", str(tally.leaks)),
    ]
    print("| measure | value |\n| --- | --- |")
    for label, value in rows:
        print(f"| {label} | {value} |")
    print("\n| confidence | claims | precision (strict) | counting borderline |\n| --- | --- | --- | --- |")
    for index, (low, high) in enumerate(BANDS):
        total = sum(n for (b, _s, _l), n in tally.bands.items() if b == index)
        strict = sum(n for (b, s, _l), n in tally.bands.items() if b == index and s)
        lenient = sum(n for (b, _s, lo), n in tally.bands.items() if b == index and lo)
        print(f"| {low:.2f}-{min(high, 1.0):.2f} | {total} | {ratio(strict, total)} | {ratio(lenient, total)} |")
    print("\nkind confusion (gold -> extracted):", dict(sorted(tally.kinds.items())))
    for kind in sorted(tally.gold):
        print(f"  {kind}: found {ratio(tally.found[kind], tally.gold[kind])}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("devset", type=Path)
    parser.add_argument("--per-file", action="store_true", help="one line per article too")
    parser.add_argument("--show", default="", help="comma list: missed,false,true,kind,claimant,cut,leak")
    args = parser.parse_args(argv)
    claims_dir, texts_dir = args.devset / "claims", args.devset / "texts"
    if not claims_dir.is_dir() or not texts_dir.is_dir():
        print(f"error: {args.devset} has no claims/ and texts/ folders", file=sys.stderr)
        return 2
    show = Show(set(filter(None, args.show.split(","))))
    tally = Tally()
    for path in sorted(claims_dir.glob("*.claims.json")):
        name = path.name.removesuffix(".claims.json")
        text = (texts_dir / f"{name}.txt").read_text(encoding="utf-8")
        one = Tally()
        show.name = name
        score_file(text, load_keys(text, path), aliases(args.devset / "gold" / f"{name}.gold.json"), one, show)
        if args.per_file:
            gold, found = sum(one.gold.values()), sum(one.found.values())
            print(f"{name:<32} found {found}/{gold}  check-worthy {one.strict}/{one.predicted}")
        for attr in ("kind_right", "claimant_right", "cut", "reversed", "predicted", "strict", "lenient", "leaks"):
            setattr(tally, attr, getattr(tally, attr) + getattr(one, attr))
        for attr in ("gold", "found", "bands", "kinds"):
            getattr(tally, attr).update(getattr(one, attr))
    print(f"{len(list(claims_dir.glob('*.claims.json')))} articles in {args.devset}\n")
    report(tally)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
