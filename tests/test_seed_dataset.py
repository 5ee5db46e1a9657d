"""The curated seed dataset (fixtures/seed.json) that `make run` serves."""

import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from newsfacts.extraction.pipeline import extract
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker

pytestmark = pytest.mark.django_db

FIXTURE = Path(settings.BASE_DIR, "fixtures", "seed.json")
SEED = Path(settings.BASE_DIR, "fixtures", "seed-afp-iss-film.txt")


@pytest.fixture
def seed_dataset():
    call_command("load_seed", stdout=io.StringIO())
    return Article.objects.get()


def test_loading_the_seed_restores_every_row_with_offsets_that_slice_the_text(seed_dataset):
    article = seed_dataset
    assert article.text == SEED.read_text(encoding="utf-8")
    rows = [*Sentence.objects.all(), *Quote.objects.all(), *Claim.objects.all()]
    assert len(rows) > 60
    for row in rows:
        assert article.text[row.start : row.end] == row.text


def test_loading_the_seed_twice_duplicates_nothing(seed_dataset):
    counts = [m.objects.count() for m in (Article, Sentence, Speaker, Quote, Claim)]
    output = io.StringIO()
    call_command("load_seed", stdout=output)
    assert "already loaded" in output.getvalue()
    assert counts == [m.objects.count() for m in (Article, Sentence, Speaker, Quote, Claim)]


def test_most_claims_stay_unverified_and_each_reviewed_one_has_rationale_and_evidence(seed_dataset):
    claims = list(Claim.objects.all())
    reviewed = [c for c in claims if c.status != "unverified"]
    assert 0 < len(reviewed) < len(claims) / 2
    for claim in reviewed:
        assert claim.rationale and claim.evidence_urls and claim.reviewed_at


def test_the_soyuz_seat_price_is_marked_false():
    call_command("load_seed", stdout=io.StringIO())
    claim = Claim.objects.get(text__contains="one seat on a Soyuz")
    assert claim.status == "false"
    assert "million" in claim.rationale


def test_curated_quotes_are_what_the_pipeline_finds_today(seed_dataset):
    found = extract(seed_dataset.text)
    curated = list(Quote.objects.select_related("speaker").order_by("start"))
    assert [(q.start, q.end, q.speaker.name if q.speaker else None) for q in curated] == [
        (q.start, q.end, q.speaker) for q in found.quotes
    ]
    assert all(q.attribution_confirmed for q in curated)


def test_every_curated_claim_is_one_the_pipeline_finds(seed_dataset):
    found = {(c.start, c.end) for c in extract(seed_dataset.text).claims}
    assert {(c.start, c.end) for c in Claim.objects.all()} <= found
