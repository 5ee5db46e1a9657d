"""RSS and Atom feeds: entries with their full text become documents with the entry's metadata."""

from __future__ import annotations

import datetime

from newsfacts.sources import Document, Failed, Metadata, Skipped
from newsfacts.sources.feed import read_feed
from newsfacts.sources.pages import prepare
from tests.sources import pages
from tests.sources.archives import rss

MAX = 5_000_000
FULL = "".join(f"<p>{p}</p>" for p in pages.NEWS_PARAGRAPHS)


def test_an_entry_with_full_text_is_a_document_with_the_entrys_metadata(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_bytes(rss([{"title": "Bridge approved", "link": "https://bugle.example/b", "content": FULL,
                           "author": "Jane Doe"}]))  # fmt: skip

    [document] = read_feed(feed, MAX)

    assert isinstance(document, Document)
    assert document.source == "https://bugle.example/b"
    assert document.metadata == Metadata(
        title="Bridge approved",
        authors="Jane Doe",
        published=datetime.date(2024, 3, 5),
        site_name="Springfield Bugle",
        url="https://bugle.example/b",
        language="en",
    )
    prepared = prepare(document, max_bytes=MAX)
    assert prepared.text == pages.expected_text(pages.NEWS_PARAGRAPHS)
    assert prepared.metadata.site_name == "Springfield Bugle"


def test_an_entry_with_only_a_link_is_skipped(tmp_path):
    feed = tmp_path / "news.rss"
    feed.write_bytes(rss([{"title": "Teaser", "link": "https://bugle.example/t"}]))

    assert list(read_feed(feed, MAX)) == [
        Skipped("https://bugle.example/t", "link only (the entry carries no full text)", feed.stat().st_size)
    ]


def test_an_atom_feed_is_read(tmp_path):
    feed = tmp_path / "news.atom"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">'
        "<title>Le Courrier</title><id>urn:x</id><updated>2024-03-05T10:00:00Z</updated>"
        "<entry><title>Un nouveau pont</title><id>urn:1</id><link href='https://courrier.example/pont'/>"
        "<updated>2024-03-05T10:00:00Z</updated><author><name>Jeanne Dupont</name></author>"
        f"<content type='html'>{''.join(f'&lt;p&gt;{p}&lt;/p&gt;' for p in pages.FRENCH_PARAGRAPHS)}</content>"
        "</entry></feed>",
        encoding="utf-8",
    )

    [document] = read_feed(feed, MAX)
    prepared = prepare(document, max_bytes=MAX)

    assert (prepared.metadata.title, prepared.metadata.authors, prepared.metadata.site_name) == (
        "Un nouveau pont",
        "Jeanne Dupont",
        "Le Courrier",
    )
    assert prepared.metadata.language == "fr"
    assert prepared.extraction is None


def test_a_file_that_is_not_a_feed_fails_with_a_reason(tmp_path):
    feed = tmp_path / "news.xml"
    feed.write_text("this is not xml at all")

    [failed] = read_feed(feed, MAX)

    assert isinstance(failed, Failed)
    assert failed.reason.startswith(("not a feed", "the feed has no entries"))
