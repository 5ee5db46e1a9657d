"""Ingestion of articles: the seed stored with exact offsets, deduplication by sha256, atomic writes."""

import dataclasses
import pickle
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings

from newsfacts import ingestion
from newsfacts.extraction import speakers as extracted_speakers
from newsfacts.extraction.pipeline import extract
from newsfacts.ingestion import (
    IngestError,
    article_rows,
    build_claim,
    build_quote,
    decode_article,
    ingest_text,
    resolve_speakers,
    store,
)
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
    real = ingestion._insert

    def disk_full_at_claims(model, *args, **kwargs):
        if model is Claim:
            raise RuntimeError("disk full")
        return real(model, *args, **kwargs)

    with mock.patch.object(ingestion, "_insert", disk_full_at_claims), pytest.raises(RuntimeError):
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


def test_mojibake_is_undone_as_a_text_comes_in():
    # UTF-8 once read as Windows-1252 upstream: each dash became "â€”", whose last character is a closing quotation
    # mark that put every later pair of marks out of step.
    garbled = (
        'Ana Roe spoke on Monday. "Old mines \u00e2\u20ac\u201d all of them \u00e2\u20ac\u201d are unsafe," she said.'
    )
    text = decode_article(garbled.encode("utf-8"))
    assert text == 'Ana Roe spoke on Monday. "Old mines \u2014 all of them \u2014 are unsafe," she said.'
    quotes = extract(text).quotes
    assert [(q.text, q.speaker) for q in quotes] == [("Old mines \u2014 all of them \u2014 are unsafe,", "Ana Roe")]


def test_a_clean_text_with_accents_and_curly_marks_comes_in_unchanged():
    text = "The caf\u00e9\u2019s owner, Zo\u00eb Lind, said \u201cna\u00efve\u201d plans \u2013 not hers \u2013 failed."
    assert decode_article(text.encode("utf-8")) == text


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


BRIDGE = (
    '"We will open the bridge in May," said Maria Ivanova, the head of the Northgate Water Authority. '
    "The bridge will cost $30 million, 20% more than planned in 2019, the authority said.\n\n"
    '"It is late," Tom Okafor told reporters.'
)
BRIDGE_AGAIN = (
    '"The bridge opens on Friday," Maria Ivanova said on Monday. '
    "Traffic on the old crossing fell by 40% in 2023, the Northgate Water Authority said.\n\n"
    '"We waited long enough," Tom Okafor said. "The toll is too high," he added.'
)


def test_an_articles_rows_are_made_without_the_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        rows = article_rows(BRIDGE, title="Bridge")

    assert pickle.loads(pickle.dumps(rows)) == rows  # what a worker process sends the writer
    assert rows.quotes and rows.claims and rows.speakers


def test_an_article_is_stored_with_one_insert_per_table(django_assert_num_queries):
    rows = article_rows(BRIDGE, title="Bridge")
    # SAVEPOINT: the article's transaction (inside the test's)
    # INSERT the article; INSERT its history row
    # INSERT its sentences
    # SELECT the stored speakers that could be those it names
    # SELECT the slugs taken; INSERT the new speakers; INSERT their history rows
    # INSERT its quotes; INSERT its claims
    # RELEASE SAVEPOINT
    with django_assert_num_queries(11):
        result = store(rows)

    assert result.counts == {"sentences": 3, "speakers": 3, "quotes": 3, "claims": 1}


def test_an_article_naming_known_speakers_reads_them_in_one_query_and_adds_none(django_assert_num_queries):
    ingest_text(BRIDGE)
    rows = article_rows(BRIDGE_AGAIN)
    # SAVEPOINT; INSERT article; INSERT history; INSERT sentences; SELECT speakers; INSERT quotes; INSERT claims;
    # RELEASE SAVEPOINT
    with django_assert_num_queries(8):
        result = store(rows)

    assert result.counts["speakers"] == 3
    assert Speaker.objects.count() == 3


def test_stored_machine_output_holds_every_field_as_the_models_build_it():
    found = extract(BRIDGE)
    article = ingest_text(BRIDGE, extraction=found).article
    sentences = {s.position: s for s in article.sentences.all()}
    speakers = {s.name: s for s in Speaker.objects.all()}
    for model, build, items in ((Quote, build_quote, found.quotes), (Claim, build_claim, found.claims)):
        fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
        stored = list(model.objects.filter(article=article).order_by("start"))
        built = [build(article, sentences[i.sentence], i, speakers) for i in sorted(items, key=lambda i: i.start)]

        assert [[getattr(row, f) for f in fields] for row in stored] == [[getattr(b, f) for f in fields] for b in built]
        for row in stored:
            row.full_clean()


def test_the_speakers_an_article_adds_each_have_a_creation_in_their_history():
    ingest_text(BRIDGE)

    assert Speaker.objects.count() == 3
    for speaker in Speaker.objects.all():
        assert list(speaker.history.values_list("history_type", "name")) == [("+", speaker.name)]


def test_a_text_stored_already_is_returned_by_store_without_a_second_copy():
    first = ingest_text(BRIDGE)
    again = store(article_rows(BRIDGE, title="Another title"))

    assert not again.created
    assert again.article.pk == first.article.pk
    assert Article.objects.count() == 1


def test_an_article_of_more_sentences_than_one_statement_takes_is_stored_whole():
    text = " ".join(f"Line {n} of the minutes was read aloud." for n in range(12_000))

    article = ingest_text(text).article

    assert article.sentences.count() == 12_000
    assert article.sentences.get(position=11_999).text == "Line 11999 of the minutes was read aloud."


def test_an_unnamed_source_is_stored_with_its_description_and_no_speaker():
    result = ingest_text("Talks in Halden broke down on Monday. A senior official said the talks had failed.\n")
    quote = result.article.quotes.get()
    assert (quote.speaker, quote.speaker_description) == (None, "A senior official")


def test_a_claim_of_an_unnamed_source_is_stored_with_its_description_and_no_claimant():
    result = ingest_text("Talks in Halden broke down on Monday. A senior official said the bridge had shut in May.\n")
    claim = result.article.claims.get(text="the bridge had shut in May")
    assert (claim.claimant, claim.claimant_description) == (None, "A senior official")


def test_metadata_longer_than_its_column_is_cut_and_an_over_long_url_dropped():
    # Pages and feeds give what they like; PostgreSQL refuses a value longer than its column.
    title, authors, url = "T" * 900, "; ".join(["Ann Roe"] * 100), "https://news.example/" + "a" * 2100

    article = ingest_text(BRIDGE, title=title, authors=authors, url=url, source=url).article
    article.refresh_from_db()

    assert article.title == title[:500]
    assert article.authors == authors[:500]
    assert article.url == ""  # a cut URL would point elsewhere
    assert article.source == url[:2000]  # where it was read from, as far as the column holds


def test_an_over_long_extracted_cue_and_description_are_cut_to_their_columns():
    found = extract(BRIDGE).quotes[0]
    long = dataclasses.replace(found, cue="said " * 40, speaker_description="a spokesman " * 30)

    quote = build_quote(Article(), Sentence(), long, {})

    assert (len(quote.cue), len(quote.speaker_description)) == (100, 200)
    assert quote.cue == long.cue[:100]


def test_an_over_long_claimants_description_is_cut_to_its_column():
    found = dataclasses.replace(extract(BRIDGE).claims[0], claimant=None, claimant_description="an aide " * 30)

    claim = build_claim(Article(), Sentence(), found, {})

    assert claim.claimant_description == found.claimant_description[:200]


def test_an_organisation_speaks_through_its_spokeswoman_and_is_found_by_its_slug(api_client):
    ingest_text(
        "Northgate Water Authority closed the bridge on Monday. "
        "A Northgate Water Authority spokeswoman said it would reopen in May. She added that tolls would not rise."
    )
    speaker = Speaker.objects.get(name="Northgate Water Authority")
    assert speaker.kind == "organisation"

    response = api_client.get("/api/v1/quotes/", {"speaker_slug": speaker.slug})

    assert response.status_code == 200
    texts = [row["text"] for row in response.json()["results"]]
    assert texts == ["it would reopen in May", "tolls would not rise"]
