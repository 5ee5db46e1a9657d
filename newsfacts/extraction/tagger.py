"""Part-of-speech tags (Penn Treebank: NNP, NNS, VBZ, VBD, VBN, ...) for the words of a sentence.

NLTK's greedy averaged perceptron, trained offline on the Universal Dependencies English Web Treebank
(``bench/train_tagger.py``) and shipped beside this module (``tagger_model/``, CC BY-SA 4.0). The model is read once
per process, on first use, from that file only; nothing is downloaded. Tagging a sentence costs tens of microseconds a
word, so callers tag the sentences they ask about (results are cached per sentence), not whole articles.

    >>> tag(["State", "Police", "said", "divers", "found", "it"])
    ['NNP', 'NNP', 'VBD', 'NNS', 'VBD', 'PRP']
    >>> [(w.text, w.tag) for w in tagged("Divers say the boat sank.")][:2]
    [('Divers', 'NNS'), ('say', 'VBP')]
"""

from __future__ import annotations

import gzip
import hashlib
import json
import random
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

MODEL_PATH = Path(__file__).with_name("tagger_model") / "en_ewt_xpos.json.gz"
# The training order is shuffled between passes; a fixed seed makes the same corpus give the same bytes of model.
TRAINING_SEED = 13
TRAINING_PASSES = 10
# Weights this small change almost no decision; dropping them keeps the shipped file small.
MIN_WEIGHT = 0.05

# EWT's tokens: clitics apart ("do" + "n't", "Smith" + "'s"), initialisms with their full stops ("U.S."), numbers
# with their separators, every other mark alone.
_TOKEN_RE = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S., a.m.
    r"|\d+(?:[.,:/]\d+)*(?:[^\W\d_]+)?"  # 1,200 3.5 10:30 1990s 5th
    r"|\w+(?:[-'\u2019&]\w+)*"  # words, hyphenated compounds, don't, O'Neill
    r"|\S",
    re.UNICODE,
)
_CLITIC_RE = re.compile(r"(?i)(?<=\w)(n['\u2019]t|['\u2019](?:s|re|ve|ll|d|m))$")


@dataclass(frozen=True, slots=True)
class TaggedWord:
    """A token of a sentence with its offsets in the text that was tagged and its Penn Treebank tag."""

    start: int
    end: int
    text: str
    tag: str


def tokenize(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets of ``text``'s tokens as the treebank splits them."""
    spans: list[tuple[int, int]] = []
    for m in _TOKEN_RE.finditer(text):
        start, end = m.span()
        clitic = _CLITIC_RE.search(m.group()) if ("'" in m.group() or "\u2019" in m.group()) else None
        if clitic is not None and clitic.start() > 0:
            spans.extend([(start, start + clitic.start()), (start + clitic.start(), end)])
        else:
            spans.append((start, end))
    return spans


def tag(words: Sequence[str]) -> list[str]:
    """The Penn Treebank tag of each word of one sentence (tokens as the treebank splits them: see ``tokenize``)."""
    return list(_tag_tuple(tuple(words)))


def tagged(text: str) -> tuple[TaggedWord, ...]:
    """``text`` (one sentence, or a line) split into tokens and tagged; offsets are relative to ``text``."""
    return _tagged(text)


def is_known(word: str) -> bool:
    """Whether the treebank used ``word`` (in any case): the tagger's guess for an unknown word rests on its shape
    alone, and an unknown capitalised word is as often a name."""
    return word in _tagger().tagdict or f"i word {word.lower()}" in _tagger().model.weights


def tag_at(text: str, start: int) -> str | None:
    """The tag of the token of ``text`` that starts at offset ``start``, or None when no token starts there."""
    return _tags_by_start(text).get(start)


def clear_cache() -> None:
    """Forget the sentences tagged so far (benchmarks time tagging from cold; the model stays loaded)."""
    for cached in (_tagged, _tags_by_start, _tag_tuple):
        cached.cache_clear()


def load() -> None:
    """Read the model now rather than on the first sentence tagged."""
    _tagger()


@lru_cache(maxsize=4096)
def _tagged(text: str) -> tuple[TaggedWord, ...]:
    spans = tokenize(text)
    tags = _tag_tuple(tuple(_treebank_form(text[s:e]) for s, e in spans))
    return tuple(TaggedWord(s, e, text[s:e], t) for (s, e), t in zip(spans, tags, strict=True))


@lru_cache(maxsize=4096)
def _tags_by_start(text: str) -> dict[int, str]:
    return {w.start: w.tag for w in _tagged(text)}


@lru_cache(maxsize=4096)
def _tag_tuple(words: tuple[str, ...]) -> tuple[str, ...]:
    if not words:
        return ()
    return tuple(t for _, t in _tagger().tag(list(words)))


def _treebank_form(word: str) -> str:
    """The treebank writes straight apostrophes and quotes: curly ones would be unknown words."""
    return word.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')


@cache
def _tagger() -> Any:
    return load_model(MODEL_PATH)


@cache
def _perceptron_class() -> Any:
    """NLTK's tagger with the word's shape added to its features (capitals tell names from sentence openers)."""
    from nltk.tag.perceptron import PerceptronTagger  # imported on first use: NLTK takes ~0.2 s to import

    class ShapedPerceptronTagger(PerceptronTagger):  # type: ignore[misc]
        def _get_features(self, i: int, word: str, context: list[str], prev: str, prev2: str) -> Any:
            features = super()._get_features(i, word, context, prev, prev2)
            shape = _shape(word)
            j = i + len(self.START)
            for name in (
                f"i shape {shape}",
                f"i shape+i-1 word {shape} {context[j - 1]}",
                f"i shape+i+1 word {shape} {context[j + 1]}",
                f"i suffix2 {word[-2:]}",
                f"i pref3 {word[:3].lower()}",
            ):
                features[name] += 1
            return features

    return ShapedPerceptronTagger


def _shape(word: str) -> str:
    """``Xx`` for a capitalised word, ``X`` for capitals, ``x`` lowercase, ``d`` digits, ``p`` marks, ``m`` mixed."""
    if word[:1].isupper():
        return "X" if word.isupper() and len(word) > 1 else "Xx"
    if word.islower():
        return "x"
    if word[:1].isdigit():
        return "d"
    return "p" if not any(c.isalnum() for c in word) else "m"


def load_model(path: Path) -> Any:
    """An NLTK ``PerceptronTagger`` with the weights of the model file at ``path`` (never nltk_data)."""
    model = json.loads(gzip.decompress(path.read_bytes()))
    tagger = _perceptron_class()(load=False)
    tagger.decode_json_params((model["weights"], model["tagdict"], model["classes"]))
    return tagger


def model_checksum(path: Path = MODEL_PATH) -> str:
    """The sha256 of a model file, as ``bench/train_tagger.py`` prints it and ``tagger_model/README.md`` records it."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


# Training (offline, ``bench/train_tagger.py``): the corpus never ships, only the model trained from it.

Sentence = list[tuple[str, str]]


def read_conllu(path: Path) -> list[Sentence]:
    """The (form, XPOS) pairs of each sentence of a CoNLL-U file; multiword-token lines and empty nodes are skipped."""
    sentences: list[Sentence] = []
    current: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if current:
                sentences.append(current)
            current = []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 5 or not cols[0].isdigit():
            continue
        current.append((cols[1], cols[4]))
    if current:
        sentences.append(current)
    return sentences


def train(sentences: Iterable[Sentence], passes: int = TRAINING_PASSES, min_weight: float = MIN_WEIGHT) -> Any:
    """A tagger trained on ``sentences``; the same sentences always give the same weights."""
    tagger = _perceptron_class()(load=False)
    state = random.getstate()
    random.seed(TRAINING_SEED)
    try:
        tagger.train(list(sentences), nr_iter=passes)
    finally:
        random.setstate(state)
    weights = tagger.model.weights
    for feature in list(weights):
        kept = {label: w for label, w in weights[feature].items() if abs(w) >= min_weight}
        if kept:
            weights[feature] = kept
        else:
            del weights[feature]
    return tagger


def model_bytes(tagger: Any) -> bytes:
    """The model file's bytes: sorted JSON, gzip without a timestamp, so equal weights give equal bytes."""
    weights, tagdict, classes = tagger.encode_json_obj()
    model = {"format": "nltk-averaged-perceptron-1", "weights": weights, "tagdict": tagdict, "classes": sorted(classes)}
    data = json.dumps(model, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return gzip.compress(data, compresslevel=9, mtime=0)
