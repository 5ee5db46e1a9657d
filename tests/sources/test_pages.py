"""Web pages to article text and metadata (trafilatura), and text files, as the worker processes prepare them."""

from __future__ import annotations

import datetime

import pytest

from newsfacts.sources import Document, IngestError, Metadata, NoArticle
from newsfacts.sources.pages import prepare, read_page
from tests.sources import pages

MAX = 5_000_000


def test_a_news_page_gives_its_paragraphs_without_byline_caption_related_stories_or_page_furniture():
    text, _ = read_page(pages.NEWS_PAGE.encode())

    assert text == pages.expected_text(pages.NEWS_PARAGRAPHS, "Council approves Clear River bridge")
    for furniture in ("By Jane Doe", "Photo: Bugle staff", "Related stories", "Mayor Smith wins", "Subscribe", "©"):
        assert furniture not in text


def test_a_news_page_keeps_its_dateline():
    text, _ = read_page(pages.NEWS_PAGE.encode())

    assert "SPRINGFIELD, March 5 (Bugle) - The city council" in text


def test_a_news_page_gives_its_metadata():
    _, metadata = read_page(pages.NEWS_PAGE.encode(), url="https://bugle.example/?utm=feed")

    assert metadata == Metadata(
        title="Council approves Clear River bridge",
        authors="Jane Doe; John Roe",
        published=datetime.date(2024, 3, 5),
        site_name="Springfield Bugle",
        url="https://bugle.example/news/2024/03/05/bridge",
        language="en-GB",
    )


def test_a_blog_page_gives_its_metadata_from_open_graph_and_json_ld():
    text, metadata = read_page(pages.BLOG_PAGE.encode())

    assert text == pages.expected_text(pages.BLOG_PARAGRAPHS, "Inflation slows to 3.2%")
    assert "newsletter" not in text and "Share" not in text
    assert (metadata.title, metadata.authors, metadata.published, metadata.site_name, metadata.url) == (
        "Inflation slows to 3.2%",
        "Maria Ortiz",
        datetime.date(2024, 5, 14),
        "The Ledger",
        "https://ledger.example/economy/inflation-april",
    )
    assert metadata.language == ""


def test_broken_markup_in_latin_1_gives_its_text_decoded_and_no_guessed_date():
    text, metadata = read_page(pages.BROKEN_PAGE_BYTES)

    assert text == pages.expected_text(pages.BROKEN_PARAGRAPHS)
    assert "Contact us" not in text
    # "since 1998" in the text is not a publication date.
    assert metadata.published is None
    assert metadata.title == "Hospital to add 120 beds"


def test_a_page_without_an_article_is_no_article():
    with pytest.raises(NoArticle, match="no article text"):
        read_page(pages.EMPTY_PAGE.encode())


@pytest.mark.parametrize(
    "data", [b"", b"   ", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"], ids=["empty", "blank", "binary"]
)
def test_an_empty_or_binary_page_is_refused_with_a_reason(data):
    with pytest.raises(IngestError):
        read_page(data)


def test_an_english_page_is_extracted():
    document = Document("page.html", pages.NEWS_PAGE.encode(), "html")

    prepared = prepare(document, max_bytes=MAX)

    assert prepared.extraction is not None
    assert {s.text for s in prepared.extraction.sentences} >= {pages.NEWS_PARAGRAPHS[2].split(". ")[1]}
    for span in (*prepared.extraction.sentences, *prepared.extraction.quotes, *prepared.extraction.claims):
        assert prepared.text[span.start : span.end] == span.text


@pytest.mark.parametrize("declared", [True, False], ids=["declared", "detected"])
def test_a_french_page_is_not_extracted_and_keeps_its_language(declared):
    document = Document("pont.html", pages.french_page(declared=declared).encode(), "html")

    prepared = prepare(document, max_bytes=MAX)

    assert prepared.metadata.language == "fr"
    assert prepared.extraction is None
    assert prepared.text == pages.expected_text(pages.FRENCH_PARAGRAPHS)


def test_the_command_line_overrides_the_page_and_the_page_its_container():
    document = Document(
        "https://x.example/a",
        pages.NEWS_PAGE.encode(),
        "html",
        url="https://x.example/a",
        metadata=Metadata(site_name="Bugle feed", authors="Feed Author"),
    )

    prepared = prepare(document, max_bytes=MAX, given=Metadata(title="My title", language="en"))

    assert prepared.metadata.title == "My title"
    assert prepared.metadata.language == "en"
    assert prepared.metadata.site_name == "Bugle feed"
    assert prepared.metadata.authors == "Feed Author"
    assert prepared.metadata.url == "https://bugle.example/news/2024/03/05/bridge"


def test_a_text_file_in_another_language_is_detected_and_not_extracted():
    text = "Le conseil municipal a approuvé lundi la construction d'un nouveau pont sur la rivière."

    prepared = prepare(Document("pont.txt", text.encode(), "text"), max_bytes=MAX)

    assert (prepared.metadata.language, prepared.extraction) == ("fr", None)


def test_a_text_file_the_detector_is_unsure_of_is_english():
    prepared = prepare(Document("short.txt", b"Okafor 2024: 42%.", "text"), max_bytes=MAX)

    assert prepared.metadata.language == "en"
    assert prepared.extraction is not None


def test_a_text_files_language_given_on_the_command_line_wins():
    text = "The council approved the new bridge on Monday, the mayor said."
    document = Document("bridge.txt", text.encode(), "text")

    told = prepare(document, max_bytes=MAX, given=Metadata(language="fr"))

    assert (told.metadata.language, told.extraction) == ("fr", None)


def test_a_page_over_the_limit_is_refused():
    with pytest.raises(IngestError, match="over the limit"):
        prepare(Document("big.html", pages.NEWS_PAGE.encode(), "html"), max_bytes=100)
