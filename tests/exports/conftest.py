"""A small dataset with every kind of row a release carries, and helpers to export it."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory, UserFactory

REVIEWED_AT = datetime.datetime(2026, 3, 4, 5, 6, 7, 891011, tzinfo=datetime.UTC)


@pytest.fixture
def dataset(db):
    """Two articles; speakers with and without Wikidata ids; claims in every status, one of an unnamed source; a
    quote without a speaker; a claim and a quote editors rejected."""
    reviewer = UserFactory(username="reviewer")
    gagarin = SpeakerFactory(name="Yuri Gagarin", slug="yuri-gagarin", wikidata_id="Q7327", aliases=["Gagarin"])
    agency = SpeakerFactory(name="Agência Espacial", slug="agencia-espacial", kind="organisation", aliases=["AEB"])
    first = ArticleFactory(publisher="AFP", credit="2021 AFP")
    second = ArticleFactory(publisher="Reuters", published=None, url="")
    statuses = ["verified", "false", "misleading", "unverifiable", "unverified"]
    claims = []
    for i, status in enumerate(statuses):
        article = first if i % 2 == 0 else second
        unnamed_claimant = "a port official" if i == 4 else ""
        claim = ClaimFactory(
            article=article, claimant=gagarin if i < 3 else None, claimant_description=unnamed_claimant, kind="figure"
        )
        if status != "unverified":
            claim.status = status
            claim.rationale = f'Checked against source {i}, "quoted", with a comma.'
            claim.evidence_urls = [f"https://evidence.example.org/{i}"]
            claim.reviewed_by = reviewer
            claim.reviewed_at = REVIEWED_AT
            claim.save()
        claims.append(claim)
    QuoteFactory(article=first, speaker=agency, status="false", rationale="Wrong.", reviewed_at=REVIEWED_AT)
    unnamed = {"speaker": None, "speaker_description": "a senior official", "attribution": "none", "confidence": 0.0}
    QuoteFactory(article=second, **unnamed)
    rejected = {"rejected_at": REVIEWED_AT, "rejected_by": reviewer}
    rejected_claim = ClaimFactory(article=second, claimant=agency, rejected_reason="not_claim", **rejected)
    rejected_quote = QuoteFactory(article=first, speaker=gagarin, rejected_reason="wrong_span", **rejected)
    return {
        "claims": claims,
        "speakers": [gagarin, agency],
        "articles": [first, second],
        "reviewer": reviewer,
        "rejected": [rejected_claim, rejected_quote],
    }


def releases_at(folder: Path) -> dict:
    """STORAGES with the releases storage on `folder`."""
    from django.conf import settings

    backend = {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": folder}}
    return {**settings.STORAGES, "releases": backend}


def export(outdir: Path, *args: str) -> Path:
    call_command("export_dataset", str(outdir), *args, verbosity=0)
    return outdir


TABLE_NAMES = ("articles", "sentences", "speakers", "quotes", "claims", "rejected_quotes", "rejected_claims")

DATA_FILES = (
    "newsfacts.json",
    "newsfacts.jsonl",
    "articles.jsonl",
    "sentences.jsonl",
    "speakers.jsonl",
    "quotes.jsonl",
    "claims.jsonl",
    "rejected_quotes.jsonl",
    "rejected_claims.jsonl",
    "articles.csv",
    "sentences.csv",
    "speakers.csv",
    "quotes.csv",
    "claims.csv",
    "rejected_quotes.csv",
    "rejected_claims.csv",
    *(f"{name}.parquet" for name in TABLE_NAMES),
    "newsfacts.sqlite",
    "claimreview.jsonld",
    "fever.jsonl",
    "README.md",
)


def read_files(outdir: Path) -> dict[str, bytes]:
    return {name: (outdir / name).read_bytes() for name in DATA_FILES}
