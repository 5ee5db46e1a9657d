"""``?offsets=utf16``: offsets a JavaScript client can slice with, on quotes, claims and sentences.

The texts hold emoji (with skin tones, ZWJ sequences and flags), accents (precomposed and combining) and astral
characters; the client is simulated by slicing the UTF-16 encoding, as ``text.slice(start, end)`` does.
"""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsfacts.ingestion import ingest_text
from newsfacts.models import Article, Sentence
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory
from tests.test_offsets import js_slice

TEXT = (
    "Sentence 0: 👩🏽‍🍳 Zoë Ångström opened a café in 𠀋-town 🇫🇷. "
    "Sentence 1: e\u0301te\u0301 prices rose 🎉 40 percent, \U0001d401\U0001d428\U0001d425\U0001d41d figures show. "
    'Sentence 2: "We 💯 agree 😀," said the mayor.'
)
CLAIM_WORDS = "prices rose 🎉 40 percent"
QUOTE_WORDS = "We 💯 agree 😀,"


@pytest.fixture
def article(db):
    article = ArticleFactory(text=TEXT)
    sentences = list(article.sentences.order_by("position"))
    start = TEXT.index(CLAIM_WORDS)
    ClaimFactory(article=article, sentence=sentences[1], start=start, end=start + len(CLAIM_WORDS))
    start = TEXT.index(QUOTE_WORDS)
    QuoteFactory(article=article, sentence=sentences[2], start=start, end=start + len(QUOTE_WORDS))
    return article


def _spans(row: dict) -> list[tuple[int, int, str]]:
    """Every (start, end, the text they should cut) of a JSON row: its own span and its sentence's."""
    spans = [(row["start"], row["end"], row["text"])]
    if isinstance(row.get("sentence"), dict):
        spans.append((row["sentence"]["start"], row["sentence"]["end"], row["sentence"]["text"]))
    return spans


@pytest.mark.parametrize("url", ["/api/v1/quotes/", "/api/v1/claims/", "/api/v1/sentences/"])
def test_list_offsets_in_utf16_slice_the_text_in_javascript(article, api_client, url):
    rows = api_client.get(url, {"offsets": "utf16"}).json()["results"]

    assert rows
    for row in rows:
        for start, end, text in _spans(row):
            assert js_slice(TEXT, start, end) == text


@pytest.mark.parametrize("url", ["/api/v1/quotes/", "/api/v1/claims/", "/api/v1/sentences/"])
def test_detail_offsets_in_utf16_slice_the_text_in_javascript(article, api_client, url):
    first = api_client.get(url).json()["results"][-1]

    row = api_client.get(first["url"], {"offsets": "utf16"}).json()

    for start, end, text in _spans(row):
        assert js_slice(TEXT, start, end) == text


@pytest.mark.parametrize("url", ["/api/v1/quotes/", "/api/v1/claims/", "/api/v1/sentences/"])
def test_default_offsets_are_code_points_that_slice_the_text_in_python(article, api_client, url):
    for row in api_client.get(url).json()["results"]:
        for start, end, text in _spans(row):
            assert TEXT[start:end] == text


def test_code_point_offsets_would_cut_the_wrong_text_in_javascript(article, api_client):
    # Why the option exists: the same claim, sliced by a JavaScript client with the default offsets.
    (row,) = api_client.get("/api/v1/claims/").json()["results"]

    assert js_slice(TEXT, row["start"], row["end"]) != row["text"]


@pytest.mark.parametrize("url", ["/api/v1/quotes/", "/api/v1/claims/", "/api/v1/sentences/"])
@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_streamed_offsets_in_utf16_slice_the_text_in_javascript(article, api_client, url, fmt):
    response = api_client.get(url, {"offsets": "utf16", "format": fmt})

    body = b"".join(response.streaming_content).decode()
    if fmt == "csv":
        rows = [
            {**row, "start": int(row["start"]), "end": int(row["end"])} for row in csv.DictReader(io.StringIO(body))
        ]
    else:
        rows = [json.loads(line) for line in body.splitlines()]
    assert rows
    for row in rows:
        assert js_slice(TEXT, row["start"], row["end"]) == row["text"].removeprefix("'")


def test_a_stream_of_many_articles_converts_each_row_with_its_own_article(db, api_client):
    articles = [
        ArticleFactory(text=f"Sentence 0: {'🎉' * i} here. Sentence 1: and {'😀' * i} there.") for i in range(5)
    ]
    texts = {article.pk: article.text for article in articles}

    body = b"".join(api_client.get("/api/v1/sentences/", {"offsets": "utf16", "format": "ndjson"}).streaming_content)

    rows = [json.loads(line) for line in body.decode().splitlines()]
    assert len(rows) == Sentence.objects.count() == 10
    for row in rows:
        assert js_slice(texts[row["article_id"]], row["start"], row["end"]) == row["text"]


@pytest.mark.parametrize("value", ["utf8", "UTF16", ""])
def test_an_unknown_offsets_unit_is_a_400_naming_it(article, api_client, value):
    response = api_client.get("/api/v1/claims/", {"offsets": value})

    assert response.status_code == 400
    assert "offsets" in response.json()


def test_offsets_in_utf16_are_for_reads_only(article, editor_client):
    claim = article.claims.get()

    response = editor_client.patch(f"/api/v1/claims/{claim.pk}/?offsets=utf16", {"kind": "figure"}, format="json")

    assert response.status_code == 400
    assert "offsets" in response.json()


def test_speakers_and_articles_take_no_offsets_parameter(article, api_client):
    assert api_client.get("/api/v1/speakers/", {"offsets": "utf16"}).status_code == 400


def test_the_schema_documents_the_unit_on_every_offset_field_and_the_parameter(db, api_client):
    schema = api_client.get("/api/v1/schema/", {"format": "json"}).json()

    components = schema["components"]["schemas"]
    for name in ("Quote", "Claim", "Sentence", "SentenceBrief", "PatchedQuoteRequest"):
        for field in ("start", "end"):
            description = components[name]["properties"][field]["description"]
            assert "code points" in description
            if not name.endswith("Request"):
                assert "UTF-16" in description
    for path in ("/api/v1/quotes/", "/api/v1/claims/{id}/", "/api/v1/sentences/"):
        parameters = {p["name"]: p for p in schema["paths"][path]["get"]["parameters"]}
        assert parameters["offsets"]["schema"]["enum"] == ["codepoints", "utf16"]


# An article of our own in the style of social-media-heavy reporting: emoji, flags, accents, astral characters.
INGESTED = """Café owners in Montréal 🇨🇦 say prices rose 40 percent this year 📈.
"We can't keep going like this 😩," said Zoë Ångström, who runs a bakery on Rue Saint-Denis.
The city council said it would spend 12 million dollars on a relief fund 💶 by March.
"Honestly, the fund is too small 🤷‍♀️ and too late," said Amélie Côté, a baker since 1998.
Officials said \U0001d7d1\U0001d7ce\U0001d7ce shops had closed since January, according to the chamber of commerce 🏪.
"""


def test_spans_the_pipeline_found_in_a_hostile_article_slice_in_javascript_with_utf16(db, api_client):
    ingest_text(INGESTED, title="Prices", publisher="Example Press")
    text = Article.objects.get().text
    checked = 0
    for url in ("/api/v1/quotes/", "/api/v1/claims/", "/api/v1/sentences/"):
        for row in api_client.get(url, {"offsets": "utf16", "page_size": 1000}).json()["results"]:
            for start, end, expected in _spans(row):
                assert js_slice(text, start, end) == expected
                checked += 1
    assert checked >= 10
