"""Run the extraction over folders of texts, and compare two such runs item by item.

    .venv/bin/python bench/extraction_diff.py run OUT.jsonl DIR [DIR ...] [--jobs N] [--checkout PATH]
    .venv/bin/python bench/extraction_diff.py diff A.jsonl B.jsonl [--show N] [--only quotes,claims] [--confidence]

``run`` extracts every ``*.txt`` under each DIR (recursively) and writes one JSON line a text: its path and the shape
``manage.py extract --json`` prints. ``--checkout`` imports the pipeline from another checkout of this repository
(the session's starting point, a branch's worktree), so two runs of the same folders can be compared. ``diff`` counts
the texts whose sentences, speakers, quotes or claims changed between two runs, and prints the first N changed texts
with each item removed (``-``) or added (``+``) and the words around it. Confidence is left out of the comparison
unless ``--confidence`` is given. Nothing here judges a change: it shows every one, so that each can be read.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
SECTIONS = ("sentences", "speakers", "quotes", "claims")
# The fields that identify an item, and the fields whose change makes it another item; confidence is optional.
KEYS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "sentences": (("start", "end"), ("kind",)),
    "speakers": (("name",), ("kind", "aliases", "description")),
    "quotes": (("start", "end"), ("kind", "speaker", "speaker_description", "cue")),
    "claims": (("start", "end"), ("kind", "claimant", "claimant_description")),
}
CONTEXT_CHARS = 60


def texts_under(folders: list[Path]) -> list[Path]:
    paths: list[Path] = []
    for folder in folders:
        if not folder.is_dir():
            raise SystemExit(f"error: {folder} is not a folder")
        paths += sorted(folder.rglob("*.txt"))
    return paths


def _extract_one(path: str) -> str:
    from newsfacts.extraction.pipeline import extract

    text = Path(path).read_text(encoding="utf-8")
    return json.dumps({"path": path, **extract(text).as_json()}, ensure_ascii=False)


def run(out: Path, folders: list[Path], jobs: int, checkout: Path) -> int:
    if not (checkout / "newsfacts" / "extraction" / "pipeline.py").is_file():
        raise SystemExit(f"error: {checkout} is not a checkout of this repository")
    sys.path.insert(0, str(checkout.resolve()))
    paths = [str(p.resolve()) for p in texts_under(folders)]
    with ProcessPoolExecutor(max_workers=jobs) as pool, out.open("w", encoding="utf-8") as sink:
        for line in pool.map(_extract_one, paths, chunksize=4):
            sink.write(line + "\n")
    print(f"{len(paths)} texts extracted with {checkout.resolve()} into {out}")
    return 0


def load(path: Path) -> dict[str, dict[str, Any]]:
    with path.open(encoding="utf-8") as lines:
        return {row["path"]: row for row in map(json.loads, lines)}


def _items(run: dict[str, Any], section: str, confidence: bool) -> dict[tuple[Any, ...], tuple[Any, ...]]:
    ident, fields = KEYS[section]
    if confidence and section in ("quotes", "claims"):
        fields = (*fields, "confidence")
    return {
        tuple(item[k] for k in ident): tuple(str(item[k]) if isinstance(item[k], list) else item[k] for k in fields)
        for item in run[section]
    }


def changes(a: dict[str, Any], b: dict[str, Any], section: str, confidence: bool) -> Iterator[tuple[str, Any, Any]]:
    """(sign, key, fields) for each item of `section` only in `a` ("-") or only in `b` ("+"), by key then sign."""
    old, new = _items(a, section, confidence), _items(b, section, confidence)
    for key in sorted(old.keys() | new.keys(), key=str):
        if old.get(key) != new.get(key):
            if key in old:
                yield "-", key, old[key]
            if key in new:
                yield "+", key, new[key]


def _where(text: str, key: tuple[Any, ...]) -> str:
    if len(key) != 2:
        return ""
    start, end = key
    before = text[max(0, start - CONTEXT_CHARS) : start].replace("\n", " ")
    after = text[end : end + CONTEXT_CHARS].replace("\n", " ")
    inside = text[start:end].replace("\n", " ")
    if len(inside) > 3 * CONTEXT_CHARS:
        inside = f"{inside[: CONTEXT_CHARS * 3 // 2]} ... {inside[-CONTEXT_CHARS * 3 // 2 :]}"
    return f"    ...{before}[[{inside}]]{after}..."


def diff(a_path: Path, b_path: Path, show: int, sections: tuple[str, ...], confidence: bool) -> int:
    a, b = load(a_path), load(b_path)
    common = sorted(a.keys() & b.keys())
    only = len(a.keys() ^ b.keys())
    changed_texts: Counter[str] = Counter()
    counts: Counter[tuple[str, str]] = Counter()
    shown = 0
    for path in common:
        lines: list[str] = []
        text = Path(path).read_text(encoding="utf-8") if Path(path).is_file() else ""
        for section in sections:
            found = list(changes(a[path], b[path], section, confidence))
            if not found:
                continue
            changed_texts[section] += 1
            for sign, key, fields in found:
                counts[(section, sign)] += 1
                lines.append(f"  {sign} {section[:-1]} {list(key)} {list(fields)}")
                if text:
                    lines.append(_where(text, key))
        if lines and shown < show:
            shown += 1
            print(f"== {path}")
            print("\n".join(lines))
    print(f"\n{len(common)} texts in both runs" + (f" ({only} in one run only, left out)" if only else ""))
    for section in sections:
        print(
            f"{section:>9}: {changed_texts[section]} texts changed, "
            f"{counts[(section, '-')]} items removed, {counts[(section, '+')]} added"
        )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    run_cmd = sub.add_parser("run", help="extract every *.txt under the folders into one JSON-lines file")
    run_cmd.add_argument("out", type=Path)
    run_cmd.add_argument("folders", type=Path, nargs="+")
    run_cmd.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) - 1))
    run_cmd.add_argument("--checkout", type=Path, default=ROOT, help="the checkout whose pipeline runs")
    diff_cmd = sub.add_parser("diff", help="what changed between two runs")
    diff_cmd.add_argument("a", type=Path)
    diff_cmd.add_argument("b", type=Path)
    diff_cmd.add_argument("--show", type=int, default=20, help="print the changes of this many texts")
    diff_cmd.add_argument("--only", default=",".join(SECTIONS), help="comma-separated sections to compare")
    diff_cmd.add_argument("--confidence", action="store_true", help="count a changed confidence as a change")
    args = parser.parse_args(argv)
    if args.command == "run":
        return run(args.out, args.folders, args.jobs, args.checkout)
    sections = tuple(s.strip() for s in args.only.split(",") if s.strip())
    unknown = set(sections) - set(SECTIONS)
    if unknown:
        parser.error(f"unknown section(s): {', '.join(sorted(unknown))}; choose from {', '.join(SECTIONS)}")
    return diff(args.a, args.b, args.show, sections, args.confidence)


if __name__ == "__main__":
    sys.exit(main())
