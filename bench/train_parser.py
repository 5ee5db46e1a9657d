"""Train the dependency parser with spaCy's tools, write the model, print its accuracy.

    .venv/bin/python bench/train_parser.py EWT_DIR [--test] [--max-steps N] [--evaluate]

EWT_DIR holds UD English EWT's ``en_ewt-ud-{train,dev,test}.conllu``. The treebank is converted with spaCy's own
converter, trained with ``spacy train`` on the configs in ``bench/data/`` (seed fixed, one thread; in two stages,
``parser.cfg`` then ``parser-more.cfg`` from the first stage's best step), and the best step by dev score is written to
``newsfacts/extraction/parser_model/`` with a sha256 beside it, which the tests compare. Prints UAS, LAS and tag
accuracy on dev, and on test with ``--test`` (look at test once, for the model you keep), the model's size and the
time to train and to load. ``--evaluate`` measures the shipped model without training (dev and test files only). The
treebank never ships, only the model trained from it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

# One thread: the machine is shared, and one thread gives the same model every run.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[_var] = "1"

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from newsfacts.extraction.parser import MODEL_DIR, PARSER_PATH, model_checksum  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
WORK = Path(__file__).resolve().parent / "out" / "parser"


def convert_treebank(conllu: Path, out: Path) -> None:
    """CoNLL-U to spaCy's binary format with spaCy's converter (what ``spacy convert`` does), ten sentences a doc."""
    from spacy.tokens import DocBin
    from spacy.training.converters import conllu_to_docs

    docs = conllu_to_docs(conllu.read_text(encoding="utf-8"), n_sents=10, no_print=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out)


def train(config: Path, train_path: Path, dev_path: Path, output: Path, max_steps: int, **paths: Path) -> float:
    """``spacy train`` on ``config``; the best step by dev score lands in ``output/model-best``. Returns seconds."""
    from spacy.cli.train import train as spacy_train

    overrides: dict[str, Any] = {"paths.train": str(train_path), "paths.dev": str(dev_path)}
    overrides |= {f"paths.{name}": str(path) for name, path in paths.items()}
    if max_steps:
        overrides["training.max_steps"] = max_steps
    began = time.perf_counter()
    spacy_train(config, output, overrides=overrides)
    return time.perf_counter() - began


def install(trained: Path, target: Path) -> None:
    """Copy the trained pipeline to ``target`` and write its checksum beside it."""
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(trained, target)
    forget_corpus_paths(target / "config.cfg")
    target.with_name(target.name + ".sha256").write_text(f"{model_checksum(target)}  {target.name}\n", encoding="utf-8")


def forget_corpus_paths(config: Path) -> None:
    """Blank the training run's corpus paths in a model's config: they name folders of the machine it was trained on
    and nothing reads them once the model is loaded."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    section = ""
    for k, line in enumerate(lines):
        if line.startswith("["):
            section = line.strip()
        elif section == "[paths]" and line.split("=")[0].strip() in ("train", "dev"):
            lines[k] = line.split("=")[0].rstrip() + " = null\n"
    config.write_text("".join(lines), encoding="utf-8")


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def evaluate(model: Path, data: Path) -> dict[str, Any]:
    from spacy.cli.evaluate import evaluate as spacy_evaluate

    return spacy_evaluate(str(model), data, silent=True)


def report_parser(name: str, scores: dict[str, Any]) -> None:
    print(f"| {name} | {scores['dep_uas']:.4f} | {scores['dep_las']:.4f} | {scores['tag_acc']:.4f} |")


def describe(path: Path) -> None:
    import spacy

    began = time.perf_counter()
    spacy.load(path)
    print(
        f"{path.name}: {size_mb(path):.2f} MB, loaded in {time.perf_counter() - began:.2f} s, "
        f"sha256 {model_checksum(path)}"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ewt", type=Path, help="folder with en_ewt-ud-{train,dev,test}.conllu")
    parser.add_argument("--test", action="store_true", help="also report the test sets (once, for the final models)")
    parser.add_argument("--evaluate", action="store_true", help="measure the shipped models without training")
    parser.add_argument("--max-steps", type=int, default=0, help="stop training after N steps (short trials)")
    parser.add_argument(
        "--reuse-first-stage", action="store_true", help="take the parser's first stage from --work, trained before"
    )
    parser.add_argument("--work", type=Path, default=WORK, help=f"folder for converted corpora and runs ({WORK})")
    args = parser.parse_args()
    parts = ("dev", "test") if args.evaluate else ("train", "dev", "test")
    files = {part: args.ewt / f"en_ewt-ud-{part}.conllu" for part in parts}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        print(f"error: missing {', '.join(missing)}", file=sys.stderr)
        return 1
    print("load average at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    args.work.mkdir(parents=True, exist_ok=True)
    data = {part: args.work / f"ewt-{part}.spacy" for part in parts}
    for part, out in data.items():
        convert_treebank(files[part], out)
    if not args.evaluate:
        first = args.work / "parser" / "model-best"
        if not (args.reuse_first_stage and first.is_dir()):
            seconds = train(DATA / "parser.cfg", data["train"], data["dev"], args.work / "parser", args.max_steps)
            print(f"parser, first stage, trained in {seconds / 60:.1f} min")
        more = args.work / "parser-more"
        seconds = train(DATA / "parser-more.cfg", data["train"], data["dev"], more, args.max_steps, base=first)
        print(f"parser, second stage, trained in {seconds / 60:.1f} min")
        install(more / "model-best", PARSER_PATH)
    print(f"\nmodel in {MODEL_DIR}")
    describe(PARSER_PATH)
    print("\n| UD English EWT | UAS | LAS | tags (XPOS) |\n| --- | --- | --- | --- |")
    report_parser("dev", evaluate(PARSER_PATH, data["dev"]))
    if args.test:
        report_parser("test", evaluate(PARSER_PATH, data["test"]))
    print("\nload average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
