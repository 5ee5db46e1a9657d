"""Train the part-of-speech tagger on UD English EWT, write the model file and print its accuracy.

    .venv/bin/python bench/train_tagger.py CORPUS_DIR [--out PATH] [--test] [--evaluate]

CORPUS_DIR holds ``en_ewt-ud-{train,dev,test}.conllu``. Trains on train (the same files give the same bytes of model),
prints the accuracy on dev (and on test with ``--test``; look at test once, for the model you keep) beside a
most-frequent-tag baseline, for all tokens, capitalised tokens and sentence-initial tokens apart, then the model's size
and sha256 (``--evaluate`` measures the model file as it is, without training). The checksum is written beside the
model (``NAME.sha256``), which the tests compare with the model file.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsfacts.extraction.tagger import (  # noqa: E402
    MIN_WEIGHT,
    MODEL_PATH,
    TRAINING_PASSES,
    Sentence,
    load_model,
    model_bytes,
    model_checksum,
    read_conllu,
    tokenize,
    train,
)

Tagger = Callable[[list[str]], list[str]]
NEWS = Path(__file__).resolve().parent / "data" / "tagger_news.txt"
CHECKED = re.compile(r"([^\s/()]+)/([A-Z]+\$?)")


def news_sample(path: Path = NEWS) -> list[tuple[str, dict[int, str]]]:
    """Our news-style lines with their checked words marked ``Word/TAG``: each line without the marks, and the gold
    tag by the offset of each checked word."""
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        text, gold, last = "", {}, 0
        for m in CHECKED.finditer(raw):
            text += raw[last : m.start()]
            gold[len(text)] = m.group(2)
            text += m.group(1)
            last = m.end()
        lines.append((text + raw[last:], gold))
    return lines


def news_accuracy(loaded: Any) -> tuple[int, int, list[str]]:
    """Right / checked capitalised words of the news sample, and the wrong ones (``word/guess/gold``)."""
    right, total, wrong = 0, 0, []
    for text, gold in news_sample():
        spans = dict(tokenize(text))
        tags = [t for _, t in loaded.tag([text[s:e] for s, e in spans.items()])]
        guesses = dict(zip(spans, tags, strict=True))
        for start, tag in gold.items():
            total += 1
            right += guesses.get(start) == tag
            if guesses.get(start) != tag:
                wrong.append(f"{text[start : spans.get(start, start)]}/{guesses.get(start)}/{tag}")
    return right, total, wrong


def most_frequent_tag(sentences: list[Sentence]) -> Tagger:
    """The baseline: each known word's most frequent tag in training, NN for an unknown word."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for sentence in sentences:
        for word, tag in sentence:
            counts[word][tag] += 1
    best = {word: c.most_common(1)[0][0] for word, c in counts.items()}
    return lambda words: [best.get(w, "NN") for w in words]


def accuracy(tagger: Tagger, sentences: list[Sentence]) -> dict[str, tuple[int, int]]:
    """(right, total) for all tokens, capitalised tokens, and sentence-initial tokens."""
    right: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for sentence in sentences:
        words = [w for w, _ in sentence]
        for i, (guess, (word, gold)) in enumerate(zip(tagger(words), sentence, strict=True)):
            groups = ["all"]
            if word[:1].isupper():
                groups.append("capitalised")
            if i == 0:
                groups.append("sentence-initial")
            for group in groups:
                total[group] += 1
                right[group] += guess == gold
    return {group: (right[group], total[group]) for group in total}


def report(name: str, sentences: list[Sentence], model: Tagger, baseline: Tagger) -> None:
    ours, base = accuracy(model, sentences), accuracy(baseline, sentences)
    print(f"\n{name}: {len(sentences)} sentences")
    print(f"{'tokens':<18} {'count':>7} {'tagger':>8} {'baseline':>9}")
    for group in ("all", "capitalised", "sentence-initial"):
        (r, n), (b, _) = ours[group], base[group]
        print(f"{group:<18} {n:>7} {r / n:>8.4f} {b / n:>9.4f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", type=Path, help="folder with en_ewt-ud-{train,dev,test}.conllu")
    parser.add_argument("--out", type=Path, default=MODEL_PATH, help=f"model file to write (default {MODEL_PATH})")
    parser.add_argument("--test", action="store_true", help="also report the test set (once, for the final model)")
    parser.add_argument("--evaluate", action="store_true", help="measure the model at --out without training")
    parser.add_argument("--passes", type=int, default=TRAINING_PASSES)
    parser.add_argument("--min-weight", type=float, default=MIN_WEIGHT)
    args = parser.parse_args()
    files = {part: args.corpus / f"en_ewt-ud-{part}.conllu" for part in ("train", "dev", "test")}
    missing = [str(p) for part, p in files.items() if not p.is_file() and (part != "test" or args.test)]
    if missing:
        print(f"error: missing {', '.join(missing)}", file=sys.stderr)
        return 1
    training = read_conllu(files["train"])
    if not args.evaluate:
        began = time.perf_counter()
        trained = train(training, passes=args.passes, min_weight=args.min_weight)
        seconds = time.perf_counter() - began
        print(f"trained on {len(training)} sentences, {sum(map(len, training))} tokens in {seconds:.0f} s")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_bytes(model_bytes(trained))
        checksum = model_checksum(args.out)
        args.out.with_name(args.out.name + ".sha256").write_text(f"{checksum}  {args.out.name}\n", encoding="utf-8")
    checksum = model_checksum(args.out)
    began = time.perf_counter()
    loaded = load_model(args.out)  # measure the file as shipped, not the tagger in memory
    print(f"model {args.out.name}: {args.out.stat().st_size / 1e6:.2f} MB, sha256 {checksum}")
    print(f"loaded in {time.perf_counter() - began:.2f} s; {len(loaded.model.weights)} features")

    def model(words: list[str]) -> list[str]:
        return [t for _, t in loaded.tag(words)]

    baseline = most_frequent_tag(training)
    report("dev", read_conllu(files["dev"]), model, baseline)
    if args.test:
        report("test", read_conllu(files["test"]), model, baseline)
    right, total, wrong = news_accuracy(loaded)
    print(f"\nnews-style sample ({NEWS.name}, written for it): {right}/{total} = {right / total:.3f} words right")
    print("wrong (word/tagger/gold): " + (", ".join(wrong) or "none"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
