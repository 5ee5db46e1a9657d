"""Train the dependency parser (and the named-entity recogniser) with spaCy's tools, write the models, print accuracy.

    .venv/bin/python bench/train_parser.py EWT_DIR [--ner UNER_DIR] [--test] [--max-steps N] [--evaluate]

EWT_DIR holds UD English EWT's ``en_ewt-ud-{train,dev,test}.conllu``; UNER_DIR Universal NER's layer over it,
``en_ewt-ud-{dev,test}.iob2`` (only these two parts: the recogniser learns from nine tenths of UNER dev, keeps the tenth
to choose its best step, and is reported on UNER test). The corpora are converted with spaCy's own converter, trained
with ``spacy train`` on the configs in ``bench/data/`` (seed fixed, one thread; the parser in two stages, ``parser.cfg``
then ``parser-more.cfg`` from the first stage's best step), and the best step by dev score is written to
``newsfacts/extraction/parser_model/`` with a sha256 beside each model, which the tests compare. Prints UAS, LAS and tag
accuracy (NER precision, recall and F) on dev, and on test with ``--test`` (look at test once, for the model you keep),
the models' sizes and the time to train and to load. ``--evaluate`` measures the shipped models without training. The
corpora never ship, only the models trained from them.
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

from newsfacts.extraction.parser import MODEL_DIR, NER_PATH, PARSER_PATH, model_checksum  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
WORK = Path(__file__).resolve().parent / "out" / "parser"
NER_TUNING_SHARE = 10  # every tenth UNER dev document chooses the recogniser's best step


def convert_treebank(conllu: Path, out: Path) -> None:
    """CoNLL-U to spaCy's binary format with spaCy's converter (what ``spacy convert`` does), ten sentences a doc."""
    from spacy.tokens import DocBin
    from spacy.training.converters import conllu_to_docs

    docs = conllu_to_docs(conllu.read_text(encoding="utf-8"), n_sents=10, no_print=True)
    DocBin(docs=docs, store_user_data=False).to_disk(out)


def read_iob2(path: Path) -> list[tuple[list[str], list[str]]]:
    """The (words, IOB2 tags) of each sentence of a Universal NER file (``id word tag ...`` lines, ``#`` comments).
    Tags other than PER, ORG and LOC (UNER's rare OTH) count as outside."""
    sentences: list[tuple[list[str], list[str]]] = []
    words: list[str] = []
    tags: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].isdigit():
            continue
        words.append(cols[1])
        tags.append(cols[2] if cols[2][2:] in ("PER", "ORG", "LOC") else "O")
    if words:
        sentences.append((words, tags))
    return sentences


def convert_entities(iob2: Path, out_train: Path, out_tune: Path | None) -> None:
    """UNER sentences to spaCy docs (ten sentences a doc); with ``out_tune``, every tenth doc goes there."""
    import spacy
    from spacy.tokens import Doc, DocBin

    vocab = spacy.blank("en").vocab
    sentences = read_iob2(iob2)
    docs = []
    for i in range(0, len(sentences), 10):
        group = sentences[i : i + 10]
        words = [w for ws, _ in group for w in ws]
        tags = [t for _, ts in group for t in ts]
        starts = [k == 0 for ws, _ in group for k in range(len(ws))]
        docs.append(Doc(vocab, words=words, ents=tags, sent_starts=starts))
    if out_tune is None:
        DocBin(docs=docs).to_disk(out_train)
        return
    DocBin(docs=[d for k, d in enumerate(docs) if k % NER_TUNING_SHARE]).to_disk(out_train)
    DocBin(docs=[d for k, d in enumerate(docs) if not k % NER_TUNING_SHARE]).to_disk(out_tune)


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
    target.with_name(target.name + ".sha256").write_text(f"{model_checksum(target)}  {target.name}\n", encoding="utf-8")


def size_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1e6


def evaluate(model: Path, data: Path) -> dict[str, Any]:
    from spacy.cli.evaluate import evaluate as spacy_evaluate

    return spacy_evaluate(str(model), data, silent=True)


def report_parser(name: str, scores: dict[str, Any]) -> None:
    print(f"| {name} | {scores['dep_uas']:.4f} | {scores['dep_las']:.4f} | {scores['tag_acc']:.4f} |")


def report_ner(name: str, scores: dict[str, Any]) -> None:
    per = " ".join(f"{label} {v['f']:.3f}" for label, v in sorted((scores.get("ents_per_type") or {}).items()))
    print(f"| {name} | {scores['ents_p']:.4f} | {scores['ents_r']:.4f} | {scores['ents_f']:.4f} | {per} |")


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
    parser.add_argument("--ner", type=Path, help="folder with Universal NER's en_ewt-ud-{dev,test}.iob2")
    parser.add_argument("--test", action="store_true", help="also report the test sets (once, for the final models)")
    parser.add_argument("--evaluate", action="store_true", help="measure the shipped models without training")
    parser.add_argument("--max-steps", type=int, default=0, help="stop training after N steps (short trials)")
    parser.add_argument(
        "--reuse-first-stage", action="store_true", help="take the parser's first stage from --work, trained before"
    )
    parser.add_argument("--work", type=Path, default=WORK, help=f"folder for converted corpora and runs ({WORK})")
    args = parser.parse_args()
    files = {part: args.ewt / f"en_ewt-ud-{part}.conllu" for part in ("train", "dev", "test")}
    if args.ner:
        files |= {f"ner-{part}": args.ner / f"en_ewt-ud-{part}.iob2" for part in ("dev", "test")}
    missing = [str(p) for p in files.values() if not p.is_file()]
    if missing:
        print(f"error: missing {', '.join(missing)}", file=sys.stderr)
        return 1
    print("load average at the start: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    args.work.mkdir(parents=True, exist_ok=True)
    data = {part: args.work / f"ewt-{part}.spacy" for part in ("train", "dev", "test")}
    for part, out in data.items():
        convert_treebank(files[part], out)
    if args.ner:
        data |= {f"uner-{name}": args.work / f"uner-{name}.spacy" for name in ("train", "tune", "test")}
        convert_entities(files["ner-dev"], data["uner-train"], data["uner-tune"])
        convert_entities(files["ner-test"], data["uner-test"], None)
    if not args.evaluate:
        first = args.work / "parser" / "model-best"
        if not (args.reuse_first_stage and first.is_dir()):
            seconds = train(DATA / "parser.cfg", data["train"], data["dev"], args.work / "parser", args.max_steps)
            print(f"parser, first stage, trained in {seconds / 60:.1f} min")
        more = args.work / "parser-more"
        seconds = train(DATA / "parser-more.cfg", data["train"], data["dev"], more, args.max_steps, base=first)
        print(f"parser, second stage, trained in {seconds / 60:.1f} min")
        install(more / "model-best", PARSER_PATH)
        if args.ner:
            seconds = train(DATA / "ner.cfg", data["uner-train"], data["uner-tune"], args.work / "ner", args.max_steps)
            print(f"recogniser trained in {seconds / 60:.1f} min")
            install(args.work / "ner" / "model-best", NER_PATH)
    print(f"\nmodels in {MODEL_DIR}")
    describe(PARSER_PATH)
    print("\n| UD English EWT | UAS | LAS | tags (XPOS) |\n| --- | --- | --- | --- |")
    report_parser("dev", evaluate(PARSER_PATH, data["dev"]))
    if args.test:
        report_parser("test", evaluate(PARSER_PATH, data["test"]))
    if args.ner and NER_PATH.exists():
        describe(NER_PATH)
        print("\n| Universal NER EWT | P | R | F | F by label |\n| --- | --- | --- | --- | --- |")
        report_ner("dev, the tenth held out", evaluate(NER_PATH, data["uner-tune"]))
        if args.test:
            report_ner("test", evaluate(NER_PATH, data["uner-test"]))
    print("\nload average at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
