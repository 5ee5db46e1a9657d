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
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, overload

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


def tags_as_read(words: Sequence[str]) -> Sequence[str]:
    """The tags of ``words`` (one sentence or its first words), each worked out when a caller first reads it: the
    same tags as ``tag(words)``, for the price of the words read. The tagger reads left to right, each word's tag
    resting on the tags before it and the words up to two after it, so a rule that decides on a clause's first two
    words ("The ordinance bans ...") pays for those two alone."""
    return _tags_as_read(tuple(words))


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
    for cached in (_tagged, _tags_by_start, _tag_tuple, _tags_as_read):
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


class _TagsAsRead(Sequence[str]):
    """``tag(words)``, the tags worked out as far as they have been read."""

    __slots__ = ("_next", "_tags", "_words")

    def __init__(self, words: tuple[str, ...]) -> None:
        self._words = words
        self._tags: list[str] = []
        self._next = _tag_one_by_one(words)

    def __len__(self) -> int:
        return len(self._words)

    @overload
    def __getitem__(self, index: int) -> str: ...

    @overload
    def __getitem__(self, index: slice) -> list[str]: ...

    def __getitem__(self, index: int | slice) -> str | list[str]:
        if isinstance(index, slice):
            wanted = range(*index.indices(len(self._words)))
            self._read_to(max(wanted, default=-1))
            return [self._tags[i] for i in wanted]
        if not -len(self._words) <= index < len(self._words):
            raise IndexError(index)
        index %= len(self._words)
        self._read_to(index)
        return self._tags[index]

    def __iter__(self) -> Iterator[str]:
        for index in range(len(self._words)):
            yield self[index]

    def _read_to(self, index: int) -> None:
        while len(self._tags) <= index:
            self._tags.append(next(self._next))


@lru_cache(maxsize=4096)
def _tags_as_read(words: tuple[str, ...]) -> _TagsAsRead:
    return _TagsAsRead(words)


def _tag_one_by_one(words: tuple[str, ...]) -> Iterator[str]:
    """The tags NLTK's ``PerceptronTagger.tag`` gives ``words``, one at a time (its loop, as a generator: its own
    ``tag`` works out every word before returning any; ``test_tags_as_read_are_the_tags_of_the_whole_list`` holds
    the two to the same answers)."""
    model = _tagger()
    context = model.START + [model.normalize(word) for word in words] + model.END
    prev, prev2 = model.START
    for index, word in enumerate(words):
        tag = model.tagdict.get(word) or model.model.predict(model._get_features(index, word, context, prev, prev2))[0]
        yield tag
        prev2, prev = prev, tag


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
    """An NLTK ``PerceptronTagger`` with the weights of the model file at ``path`` (never nltk_data), scored by
    ``_ListScoredPerceptron``."""
    model = json.loads(gzip.decompress(path.read_bytes()))
    tagger = _perceptron_class()(load=False)
    tagger.decode_json_params((model["weights"], model["tagdict"], model["classes"]))
    tagger.model = _scoring_class()(tagger.model.weights, model["classes"])
    return tagger


@cache
def _scoring_class() -> Any:
    """NLTK's averaged perceptron with a faster ``predict`` for a model that is only read, not trained."""
    import numpy  # spaCy's dependency: a row of weights added at once
    from nltk.tag.perceptron import AveragedPerceptron

    class ListScoredPerceptron(AveragedPerceptron):  # type: ignore[misc]
        """Each feature's weights kept, once first used, as a row of one weight a class (NumPy, nought where the
        feature has none) and the rows added feature by feature: for each class the sums NLTK's ``predict`` makes,
        in the same order (adding nought changes no sum), so the same tag (the greatest class name among equal
        scores, as there), several times faster than its dictionary of scores. Training goes through NLTK's own."""

        def __init__(self, weights: dict[str, dict[str, float]], classes: list[str]) -> None:
            super().__init__(weights)
            self.classes = set(classes)
            self._labels = sorted(self.classes)
            self._number = {label: number for number, label in enumerate(self._labels)}
            self._rows: dict[str, Any] = {}

        def predict(self, features: dict[str, int], return_conf: bool = False) -> tuple[str, float | None]:
            if return_conf:
                return super().predict(features, return_conf)  # type: ignore[no-any-return]
            scores = numpy.zeros(len(self._labels))
            for feature, value in features.items():
                row = self._rows.get(feature)
                if row is None:
                    row = self._rows[feature] = numpy.zeros(len(self._labels))
                    for label, weight in self.weights.get(feature, {}).items():
                        row[self._number[label]] = weight
                if value:
                    scores += row if value == 1 else value * row
            return self._labels[len(scores) - 1 - int(numpy.argmax(scores[::-1]))], None

    return ListScoredPerceptron


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
