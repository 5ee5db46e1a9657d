"""The synthetic benchmark dataset: consistent spans, the proportions asked for, a skew of speakers, reproducible."""

from __future__ import annotations

import collections

import pytest

from bench.make_dataset import COLUMNS, Scale, generate, populate
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker


def _rows(scale: Scale, seed: int = 4) -> dict[str, list[dict]]:
    tables: dict[str, list[dict]] = collections.defaultdict(list)
    for batch in generate(scale, seed, batch_articles=7):
        for table, rows in batch.rows.items():
            tables[table].extend(dict(zip(COLUMNS[table], row, strict=True)) for row in rows)
    return tables


@pytest.fixture(scope="module")
def small() -> dict[str, list[dict]]:
    return _rows(Scale.for_claims(2_000))


def test_scale_for_a_million_claims_has_the_proportions_of_the_load_test():
    scale = Scale.for_claims(1_000_000)
    assert (scale.articles, scale.speakers, scale.claims) == (20_000, 5_000, 1_000_000)


def test_counts_follow_the_scale(small):
    scale = Scale.for_claims(2_000)
    assert len(small["article"]) == scale.articles
    assert len(small["sentence"]) == scale.articles * scale.sentences_per_article
    assert len(small["claim"]) == scale.claims
    assert len(small["quote"]) == scale.articles * scale.quotes_per_article
    assert len(small["speaker"]) == scale.speakers


@pytest.mark.parametrize("table", ["sentence", "quote", "claim"])
def test_every_span_slices_back_from_its_article(small, table):
    texts = {article["id"]: article["text"] for article in small["article"]}
    for row in small[table]:
        assert texts[row["article_id"]][row["start"] : row["end"]] == row["text"]


@pytest.mark.parametrize("table", ["quote", "claim"])
def test_quotes_and_claims_lie_inside_their_sentence(small, table):
    sentences = {sentence["id"]: sentence for sentence in small["sentence"]}
    for row in small[table]:
        sentence = sentences[row["sentence_id"]]
        assert sentence["article_id"] == row["article_id"]
        assert sentence["start"] <= row["start"] < row["end"] <= sentence["end"]


def test_reviewed_statuses_carry_a_rationale_and_unverified_ones_none(small):
    for claim in small["claim"]:
        assert bool(claim["rationale"]) == (claim["status"] != "unverified")


def test_most_claims_are_unverified_and_some_are_verified(small):
    statuses = collections.Counter(claim["status"] for claim in small["claim"])
    total = sum(statuses.values())
    assert 0.75 < statuses["unverified"] / total < 0.95
    assert statuses["verified"] > statuses["false"] > 0


def test_a_few_speakers_are_busy_and_most_are_quiet():
    claims = _rows(Scale.for_claims(50_000))["claim"]
    per_claimant = collections.Counter(claim["claimant_id"] for claim in claims if claim["claimant_id"])
    busiest, *_ = per_claimant.most_common(1)
    median = sorted(per_claimant.values())[len(per_claimant) // 2]
    assert busiest[1] > 20 * median


def test_the_same_seed_gives_the_same_rows_and_another_seed_others():
    scale = Scale(articles=3, speakers=5)
    assert _rows(scale, seed=1) == _rows(scale, seed=1)
    assert _rows(scale, seed=1)["claim"] != _rows(scale, seed=2)["claim"]


@pytest.mark.django_db
def test_populated_rows_pass_model_validation():
    counts = populate(Scale(articles=2, speakers=6))
    assert Claim.objects.count() == counts.claims == 100
    for model in (Speaker, Article, Sentence, Quote, Claim):
        for instance in model.objects.order_by("?")[:5]:
            instance.full_clean()


@pytest.mark.django_db
def test_populate_appends_after_existing_rows_without_clashing_ids():
    populate(Scale(articles=1, speakers=5), seed=1)
    populate(Scale(articles=1, speakers=5), seed=2)
    assert Article.objects.count() == 2
    assert Claim.objects.count() == 100
