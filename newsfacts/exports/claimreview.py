"""schema.org ClaimReview (JSON-LD) for every reviewed claim, as Google's fact-check markup describes it.

A claim nobody reviewed (``unverified``) gets no ClaimReview. The rating scale and its words come from
``newsfacts.choices.CLAIMREVIEW_RATINGS``. The review's ``url`` is the claim in the API under ``base_url``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any, TextIO

from django.db.models import QuerySet

from newsfacts.choices import CLAIMREVIEW_BEST_RATING, CLAIMREVIEW_RATINGS, CLAIMREVIEW_WORST_RATING, SpeakerKind
from newsfacts.exports.tables import CHUNK_SIZE, iso_date, json_line
from newsfacts.links import DetailUrl

FILENAME = "claimreview.jsonld"
CONTEXT = "https://schema.org"
WIKIDATA_ENTITY_URL = "https://www.wikidata.org/wiki/{}"

_LOOKUPS = (
    "id",
    "text",
    "status",
    "rationale",
    "evidence_urls",
    "reviewed_at",
    "article__url",
    "article__title",
    "article__publisher",
    "article__published",
    "claimant__name",
    "claimant__kind",
    "claimant__wikidata_id",
    "claimant_description",
)


def _organisation(name: str, url: str = "") -> dict[str, Any]:
    organisation = {"@type": "Organization", "name": name}
    if url:
        organisation["url"] = url
    return organisation


def _claim_author(row: dict[str, Any]) -> dict[str, Any] | None:
    """The claimant; the publisher when the article makes the claim itself; nobody for an unnamed source ("a port
    official"): the publisher did not make that claim, and whether the source is a person or an organisation is
    unknown, so the Claim carries no author rather than a wrong one."""
    if row["claimant__name"]:
        kind = "Person" if row["claimant__kind"] == SpeakerKind.PERSON else "Organization"
        author: dict[str, Any] = {"@type": kind, "name": row["claimant__name"]}
        if row["claimant__wikidata_id"]:
            author["sameAs"] = WIKIDATA_ENTITY_URL.format(row["claimant__wikidata_id"])
        return author
    if row["article__publisher"] and not row["claimant_description"]:
        return _organisation(row["article__publisher"])
    return None


def claim_review(
    row: dict[str, Any], *, base_url: str, organisation: str, claim_url: DetailUrl | None = None
) -> dict[str, Any]:
    """The ClaimReview of one reviewed claim (a row of `_LOOKUPS` values); its url is the claim's in the API."""
    claim_url = claim_url or DetailUrl("api:claim-detail", base_url)
    rating = CLAIMREVIEW_RATINGS[row["status"]]
    appearance: dict[str, Any] = {"@type": "NewsArticle"}
    if row["article__url"]:
        appearance["url"] = row["article__url"]
    if row["article__title"]:
        appearance["headline"] = row["article__title"]
    if row["article__publisher"]:
        appearance["publisher"] = _organisation(row["article__publisher"])
    item: dict[str, Any] = {"@type": "Claim", "appearance": appearance}
    author = _claim_author(row)
    if author:
        item["author"] = author
    if row["article__published"]:
        item["datePublished"] = iso_date(row["article__published"])
        appearance["datePublished"] = iso_date(row["article__published"])
    review: dict[str, Any] = {
        "@type": "ClaimReview",
        "identifier": row["id"],
        "url": claim_url(row["id"]),
        "claimReviewed": row["text"],
        "author": _organisation(organisation, base_url),
        "itemReviewed": item,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": rating.value,
            "bestRating": CLAIMREVIEW_BEST_RATING,
            "worstRating": CLAIMREVIEW_WORST_RATING,
            "alternateName": rating.alternate_name,
            "name": rating.alternate_name,
        },
    }
    if row["reviewed_at"]:
        review["datePublished"] = iso_date(row["reviewed_at"].date())
    if row["rationale"]:
        review["reviewBody"] = row["rationale"]
    if row["evidence_urls"]:
        review["citation"] = list(row["evidence_urls"])
    return review


def reviewed(claims: QuerySet) -> QuerySet:
    """The claims an editor rated: those with a ClaimReview rating."""
    return claims.filter(status__in=list(CLAIMREVIEW_RATINGS))


def claim_reviews(claims: QuerySet, *, base_url: str, organisation: str) -> Iterator[dict[str, Any]]:
    """A ClaimReview for each reviewed claim of `claims`, by claim id, streamed."""
    values = reviewed(claims).order_by("id").values(*_LOOKUPS)
    claim_url = DetailUrl("api:claim-detail", base_url)
    for row in values.iterator(chunk_size=CHUNK_SIZE):
        yield claim_review(row, base_url=base_url, organisation=organisation, claim_url=claim_url)


def write_claimreview(stream: TextIO, reviews: Iterator[dict[str, Any]]) -> int:
    """One JSON-LD document, its @graph holding a review a line; returns how many."""
    stream.write(json.dumps({"@context": CONTEXT})[:-1] + ', "@graph": [\n')
    count = 0
    for review in reviews:
        if count:
            stream.write(",\n")
        stream.write(json_line(review).rstrip("\n"))
        count += 1
    stream.write("\n]}\n")
    return count
