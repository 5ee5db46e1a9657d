"""claimreview.jsonld: a schema.org ClaimReview for every reviewed claim, with what Google's fact-check markup asks.

Google Search Central, "Fact check (ClaimReview) structured data": ClaimReview requires claimReviewed, reviewRating
and url, and recommends author, datePublished and itemReviewed; the Claim recommends appearance, author and
datePublished; the Rating requires alternateName and recommends bestRating, ratingValue, worstRating and name.
"""

from __future__ import annotations

import json

import pytest

from newsfacts.choices import CLAIMREVIEW_BEST_RATING, CLAIMREVIEW_RATINGS, CLAIMREVIEW_WORST_RATING
from tests.exports.conftest import REVIEWED_AT, export

CLAIM_REVIEW_REQUIRED = {"claimReviewed", "reviewRating", "url"}
CLAIM_REVIEW_RECOMMENDED = {"author", "datePublished", "itemReviewed"}
CLAIM_RECOMMENDED = {"appearance", "author", "datePublished"}
RATING_REQUIRED = {"alternateName"}
RATING_RECOMMENDED = {"bestRating", "ratingValue", "worstRating", "name"}


@pytest.fixture
def reviews(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "claimreview", "--base-url", "https://facts.example.org/")
    document = json.loads((outdir / "claimreview.jsonld").read_text(encoding="utf-8"))
    assert document["@context"] == "https://schema.org"
    return {review["identifier"]: review for review in document["@graph"]}


def test_every_reviewed_claim_has_one_claim_review_and_unverified_ones_none(dataset, reviews):
    reviewed = {c.id for c in dataset["claims"] if c.status != "unverified"}

    assert set(reviews) == reviewed


def test_each_claim_review_has_the_required_and_recommended_properties(reviews):
    for review in reviews.values():
        assert review["@type"] == "ClaimReview"
        assert set(review) >= CLAIM_REVIEW_REQUIRED | CLAIM_REVIEW_RECOMMENDED
        assert review["itemReviewed"]["@type"] == "Claim"
        assert {"appearance", "author"} <= set(review["itemReviewed"])
        assert set(review["reviewRating"]) >= RATING_REQUIRED | RATING_RECOMMENDED
        assert review["url"].startswith("https://facts.example.org/")
        assert review["datePublished"] == "2026-03-04"


def test_claim_with_a_dated_article_carries_every_recommended_claim_property(dataset, reviews):
    dated = [c for c in dataset["claims"] if c.id in reviews and c.article.published]

    assert dated
    for claim in dated:
        assert set(reviews[claim.id]["itemReviewed"]) >= CLAIM_RECOMMENDED


def test_rating_follows_the_claimreview_mapping_of_the_status(dataset, reviews):
    for claim in dataset["claims"]:
        if claim.id not in reviews:
            continue
        rating = reviews[claim.id]["reviewRating"]
        expected = CLAIMREVIEW_RATINGS[claim.status]
        assert (rating["ratingValue"], rating["alternateName"]) == (expected.value, expected.alternate_name)
        assert (rating["bestRating"], rating["worstRating"]) == (CLAIMREVIEW_BEST_RATING, CLAIMREVIEW_WORST_RATING)


def test_claimant_is_the_claim_author_with_wikidata_and_publisher_stands_in_without_one(dataset, reviews):
    with_claimant = dataset["claims"][0]
    without = next(c for c in dataset["claims"] if c.claimant is None and c.id in reviews)

    assert reviews[with_claimant.id]["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Yuri Gagarin",
        "sameAs": "https://www.wikidata.org/wiki/Q7327",
    }
    assert reviews[without.id]["itemReviewed"]["author"] == {"@type": "Organization", "name": without.article.publisher}
    assert reviews[with_claimant.id]["claimReviewed"] == with_claimant.text
    assert reviews[with_claimant.id]["citation"] == with_claimant.evidence_urls


def test_claim_of_an_unnamed_source_has_no_author_rather_than_the_publisher(dataset, tmp_path):
    unnamed = next(c for c in dataset["claims"] if c.claimant_description)
    unnamed.status, unnamed.rationale, unnamed.reviewed_at = "false", "The port was open that day.", REVIEWED_AT
    unnamed.save()

    outdir = export(tmp_path / "release", "--format", "claimreview", "--base-url", "https://facts.example.org/")
    graph = json.loads((outdir / "claimreview.jsonld").read_text(encoding="utf-8"))["@graph"]
    review = next(r for r in graph if r["identifier"] == unnamed.id)

    assert "author" not in review["itemReviewed"]
    assert review["itemReviewed"]["appearance"]["publisher"] == {
        "@type": "Organization",
        "name": unnamed.article.publisher,
    }
