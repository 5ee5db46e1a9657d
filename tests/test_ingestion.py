"""Ingestion of articles: the seed stored with exact offsets, deduplication by sha256, atomic writes."""

from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings

from newsfacts.extraction import speakers as extracted_speakers
from newsfacts.extraction.pipeline import extract
from newsfacts.ingestion import IngestError, decode_article, ingest_text, resolve_speakers
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from tests.factories import SpeakerFactory

pytestmark = pytest.mark.django_db

SEED = Path(settings.BASE_DIR, "fixtures", "seed-afp-iss-film.txt")


@pytest.fixture
def seed_text() -> str:
    return decode_article(SEED.read_bytes())


def test_seed_article_is_stored_with_every_offset_slicing_its_text(seed_text):
    result = ingest_text(seed_text, title="Seed", publisher="AFP")
    article = Article.objects.get(pk=result.article.pk)
    assert article.text == seed_text
    sentences = list(article.sentences.all())
    assert len(sentences) > 40
    assert [s.position for s in sentences] == list(range(len(sentences)))
    for row in [*sentences, *article.quotes.all(), *article.claims.all()]:
        assert article.text[row.start : row.end] == row.text


def test_each_claim_is_stored_with_the_pipelines_confidence(seed_text):
    article = ingest_text(seed_text).article
    found = {(c.start, c.end): c.confidence for c in extract(seed_text).claims}
    stored = {(c.start, c.end): c.confidence for c in article.claims.all()}
    assert stored == found
    assert len(set(stored.values())) > 1  # it tells claims apart, so the review queue can be sorted by it


def test_seed_article_keeps_its_furniture_apart_from_the_prose(seed_text):
    article = ingest_text(seed_text).article
    kinds = set(article.sentences.values_list("kind", flat=True))
    assert {"prose", "heading", "caption", "credit"} <= kinds
    assert article.credit == article.sentences.get(kind="credit").text


def test_second_ingest_of_same_text_returns_existing_article(seed_text):
    first = ingest_text(seed_text)
    counts = (Article.objects.count(), Sentence.objects.count(), Quote.objects.count(), Claim.objects.count())
    second = ingest_text(seed_text, title="Another title")
    assert not second.created
    assert second.article.pk == first.article.pk
    assert counts == (Article.objects.count(), Sentence.objects.count(), Quote.objects.count(), Claim.objects.count())


def test_a_failure_while_saving_leaves_no_half_written_article(seed_text):
    failing = mock.patch.object(Claim.objects, "bulk_create", side_effect=RuntimeError("disk full"))
    with failing, pytest.raises(RuntimeError):
        ingest_text(seed_text)
    assert not Article.objects.exists()
    assert not Sentence.objects.exists()
    assert not Quote.objects.exists()
    assert not Speaker.objects.exists()


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty"),
        (b"  \n\t \r\n", "empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        (b"caf\xe9 au lait", "not valid UTF-8"),
        (b"x" * 101, "over the limit"),
    ],
)
def test_bad_input_is_refused_with_a_one_line_reason(data, reason):
    with pytest.raises(IngestError) as info:
        decode_article(data, max_bytes=100)
    assert reason in str(info.value)
    assert "\n" not in str(info.value)


def test_a_utf8_byte_order_mark_is_not_part_of_the_text():
    assert decode_article("\ufeffHello world.".encode()) == "Hello world."


def test_same_surname_in_a_later_article_reuses_the_speaker():
    ingest_text('"We will fly in October," said Maria Ivanova, the head of the agency.')
    ingest_text('"The launch is on time," Ivanova told reporters on Monday.')
    speakers = Speaker.objects.filter(name__icontains="Ivanova")
    assert speakers.count() == 1


@pytest.mark.parametrize(
    ("stored", "found"),
    [
        (("Northgate Water Authority", "organisation", []), ("NWA", "organisation")),
        (("Dmitri Ivanov", "person", []), ("D. Ivanov", "person")),
        (("Chloé Moreau", "person", ["Mme Moreau"]), ("Chloé Moreau", "person")),
        (("Halden Space Authority", "organisation", ["Ålesund Byrå"]), ("Ålesund Byrå", "organisation")),
    ],
    ids=["acronym", "initial", "non-ASCII name", "non-ASCII alias"],
)
def test_a_stored_speaker_is_found_among_many_others(stored, found):
    name, kind, aliases = stored
    SpeakerFactory.create_batch(30)
    existing = SpeakerFactory(name=name, kind=kind, aliases=aliases)

    resolved = resolve_speakers([extracted_speakers.Speaker(found[0], found[1])])

    assert resolved[found[0]].pk == existing.pk


def test_an_unnamed_source_is_stored_with_its_description_and_no_speaker():
    result = ingest_text("Talks in Halden broke down on Monday. A senior official said the talks had failed.\n")
    quote = result.article.quotes.get()
    assert (quote.speaker, quote.speaker_description) == (None, "A senior official")
