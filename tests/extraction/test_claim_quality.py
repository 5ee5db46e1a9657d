"""Claim extraction measured against hand annotations (tests/extraction/articles/NAME.claims.json).

Predicted claims are matched to annotated ones by the one rule of ``tests/extraction/scoring.py``, as quotes are.
Recall, precision, kind accuracy and claimant accuracy (on the matched pairs) are printed as a table (``pytest -s``).
Two runs: claims over the annotated quotes (the claims step alone) and claims over the pipeline's own quotes (what a
user gets).
"""

from __future__ import annotations

import json
from bisect import bisect_right
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsfacts.extraction.claims import Claim, find_claims
from newsfacts.extraction.quotes import Quote, find_quotes
from newsfacts.extraction.sentences import Sentence, split_sentences
from tests.extraction.scoring import match

ARTICLES = Path(__file__).parent / "articles"

# Thresholds a little under what the extractor reaches today, pooled over all annotated articles (measured over the
# annotated quotes: recall 0.84, precision 0.65, kind 0.98, claimant 0.99; over the pipeline's quotes: 0.83, 0.66,
# 0.97, 0.99). The held-out batches were first scored blind (see each file's annotator_notes). Precision fell from
# 0.76 when plain factual statements and a speaker's factual words without a figure became claims (recall on real
# news rose from 0.61 to 0.80): these invented articles are rich in quoted talk the detector now proposes with low
# confidence. Since a sentence holding two facts of different kinds gives a claim for each (on real news what
# annotators mark), precision here fell to 0.60 (0.61 over the pipeline's quotes) and kind to 0.95 (0.92): these
# articles are annotated one claim a sentence, so the second fact's claim counts as a false one. Raise as it improves.
MIN_RECALL = 0.80
MIN_PRECISION = 0.58
MIN_KIND_ACCURACY = 0.94
MIN_CLAIMANT_ACCURACY = 0.95
# The pipeline's own quotes and sentences are other steps' work in progress: a looser floor.
MIN_PIPELINE_RECALL = 0.78
MIN_PIPELINE_PRECISION = 0.58
MIN_PIPELINE_KIND_ACCURACY = 0.90


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    kind: str
    claimant: str | None


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    matched: int = 0
    kind_right: int = 0
    claimant_right: int = 0

    def add(self, other: Score) -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.matched += other.matched
        self.kind_right += other.kind_right
        self.claimant_right += other.claimant_right

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 1.0

    @property
    def kind_accuracy(self) -> float:
        return self.kind_right / self.matched if self.matched else 1.0

    @property
    def claimant_accuracy(self) -> float:
        return self.claimant_right / self.matched if self.matched else 1.0


def annotated_quotes(name: str, text: str, sentences: list[Sentence]) -> list[Quote]:
    """The quotes engineer's annotations as Quote values, so the claims step is measured on its own."""
    path = ARTICLES / f"{name}.quotes.json"
    if not path.exists():
        return []
    starts = [s.start for s in sentences]
    quotes = []
    for row in json.loads(path.read_text())["quotes"]:
        start = text.find(row["text"])
        if start < 0:
            continue
        end = start + len(row["text"])
        position = sentences[max(bisect_right(starts, start) - 1, 0)].position if sentences else 0
        quotes.append(Quote(start, end, row["text"], row["kind"], row["speaker"], row["cue"], position, 1.0, "name"))
    return sorted(quotes, key=lambda q: q.start)


def gold_claims(name: str, text: str) -> list[Gold]:
    rows = json.loads((ARTICLES / f"{name}.claims.json").read_text())["claims"]
    gold = []
    for row in rows:
        start = text.find(row["text"])
        gold.append(Gold(start, start + len(row["text"]), row["kind"], row["claimant"]))
    return gold


def score(gold: list[Gold], predicted: list[Claim]) -> Score:
    pairs = match(gold, predicted)
    result = Score(gold=len(gold), predicted=len(predicted), matched=len(pairs))
    for gi, pi in pairs.items():
        result.kind_right += gold[gi].kind == predicted[pi].kind
        result.claimant_right += gold[gi].claimant == predicted[pi].claimant
    return result


ANNOTATED = sorted(
    path.name.removesuffix(".claims.json")
    for path in ARTICLES.glob("*.claims.json")
    if path.with_name(path.name.replace(".claims.json", ".txt")).exists()
)


def article_text(name: str) -> str:
    return (ARTICLES / f"{name}.txt").read_text(encoding="utf-8")


def claims_for(name: str, quotes_from: str) -> tuple[str, list[Claim]]:
    text = article_text(name)
    sentences = split_sentences(text)
    annotated = quotes_from == "annotated"
    quotes = annotated_quotes(name, text, sentences) if annotated else find_quotes(text, sentences)[1]
    return text, find_claims(text, sentences, quotes)


def run(quotes_from: str) -> dict[str, Score]:
    scores = {}
    for name in ANNOTATED:
        text, predicted = claims_for(name, quotes_from)
        scores[name] = score(gold_claims(name, text), predicted)
    return scores


def print_table(title: str, scores: dict[str, Score]) -> Score:
    total = Score()
    print(f"\n{title}")
    print(f"{'article':<16}{'gold':>6}{'pred':>6}{'match':>7}{'recall':>8}{'prec':>7}{'kind':>7}{'claimant':>10}")
    for name, s in [*scores.items(), ("TOTAL", total)]:
        if name == "TOTAL":
            for part in scores.values():
                total.add(part)
        print(
            f"{name:<16}{s.gold:>6}{s.predicted:>6}{s.matched:>7}{s.recall:>8.2f}{s.precision:>7.2f}"
            f"{s.kind_accuracy:>7.2f}{s.claimant_accuracy:>10.2f}"
        )
    return total


@pytest.mark.parametrize("name", ANNOTATED)
def test_annotations_slice_back_to_the_article_text(name: str) -> None:
    text = article_text(name)
    for row in json.loads((ARTICLES / f"{name}.claims.json").read_text())["claims"]:
        assert text.count(row["text"]) == 1, f"{name}: annotated text must occur exactly once: {row['text']!r}"
        assert row["kind"] in {"figure", "date", "age", "first", "attributed", "other"}
        # the claimant is its own field: an attributed claim always has one, the article's plain fact never
        assert row["kind"] != "attributed" or row["claimant"] is not None
        assert row["kind"] != "other" or row["claimant"] is None


@pytest.mark.parametrize("quotes_from", ["annotated", "pipeline"])
@pytest.mark.parametrize("name", ANNOTATED)
def test_every_predicted_claim_lies_in_one_sentence_and_slices_back(name: str, quotes_from: str) -> None:
    text = article_text(name)
    sentences = {s.position: s for s in split_sentences(text)}
    _text, predicted = claims_for(name, quotes_from)
    for claim in predicted:
        sentence = sentences[claim.sentence]
        assert text[claim.start : claim.end] == claim.text
        assert sentence.start <= claim.start < claim.end <= sentence.end


def test_there_are_at_least_five_annotated_articles() -> None:
    assert len(ANNOTATED) >= 5


def test_claims_over_annotated_quotes_reach_the_quality_thresholds() -> None:
    total = print_table("claims over annotated quotes", run("annotated"))
    assert total.recall >= MIN_RECALL
    assert total.precision >= MIN_PRECISION
    assert total.kind_accuracy >= MIN_KIND_ACCURACY
    assert total.claimant_accuracy >= MIN_CLAIMANT_ACCURACY


def test_claims_over_pipeline_quotes_reach_the_pipeline_thresholds() -> None:
    total = print_table("claims over the pipeline's quotes", run("pipeline"))
    assert total.recall >= MIN_PIPELINE_RECALL
    assert total.precision >= MIN_PIPELINE_PRECISION
    assert total.kind_accuracy >= MIN_PIPELINE_KIND_ACCURACY
