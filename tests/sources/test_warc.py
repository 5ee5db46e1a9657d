"""WARC archives read record by record: HTML responses become documents, everything else is skipped or reported."""

from __future__ import annotations

import datetime
import tracemalloc

import pytest

from newsfacts.sources import Document, Failed, Skipped, read_paths
from newsfacts.sources.warc import read_warc
from tests.sources import pages
from tests.sources.archives import PNG, response, write_warc

MAX = 5_000_000


@pytest.fixture
def crawl(tmp_path):
    return write_warc(
        tmp_path / "crawl.warc.gz",
        [
            {"type": "request", "url": "https://bugle.example/news/bridge"},
            response("https://bugle.example/news/bridge", pages.NEWS_PAGE.encode()),
            response("https://bugle.example/img/bridge.png", PNG, "image/png"),
            response("https://bugle.example/gone", b"<html>Not found</html>", status="404 Not Found"),
            {"type": "revisit", "url": "https://bugle.example/news/bridge"},
            response("https://ledger.example/inflation", pages.BLOG_PAGE.encode(), "application/xhtml+xml"),
        ],
    )


def test_each_html_response_is_a_document_with_the_records_url_and_date(crawl):
    documents = [item for item in read_warc(crawl, MAX) if isinstance(item, Document)]

    assert [(d.url, d.data, d.kind) for d in documents] == [
        ("https://bugle.example/news/bridge", pages.NEWS_PAGE.encode(), "html"),
        ("https://ledger.example/inflation", pages.BLOG_PAGE.encode(), "html"),
    ]
    assert {d.fetched_at for d in documents} == {datetime.datetime(2024, 3, 6, 8, 30, tzinfo=datetime.UTC)}


def test_a_binary_record_an_http_error_and_a_revisit_are_skipped_with_their_reason(crawl):
    skipped = [(item.source, item.reason) for item in read_warc(crawl, MAX) if isinstance(item, Skipped)]

    assert skipped == [
        ("https://bugle.example/img/bridge.png", "not HTML (image/png)"),
        ("https://bugle.example/gone", "HTTP status 404"),
        ("https://bugle.example/news/bridge", "duplicate (a revisit of a page already archived)"),
    ]


def test_an_uncompressed_archive_reads_the_same(tmp_path):
    plain = write_warc(tmp_path / "crawl.warc", [response("https://a.example/", pages.NEWS_PAGE.encode())], gzip=False)

    assert [type(item) for item in read_warc(plain, MAX)] == [Document]


def test_a_page_over_the_limit_fails_and_the_next_is_read(tmp_path):
    archive = write_warc(
        tmp_path / "crawl.warc.gz",
        [response("https://a.example/big", b"<p>" + b"a" * 2000 + b"</p>"), response("https://a.example/", b"<p>x")],
    )

    items = list(read_warc(archive, 1000))

    assert [type(item) for item in items] == [Failed, Document]
    assert "over the limit of 1,000 bytes" in items[0].reason


def test_a_truncated_archive_gives_its_records_then_one_failure(tmp_path):
    whole = write_warc(
        tmp_path / "whole.warc.gz",
        [response(f"https://a.example/{n}", pages.NEWS_PAGE.encode() + str(n).encode()) for n in range(3)],
    )
    data = whole.read_bytes()
    truncated = tmp_path / "truncated.warc.gz"
    truncated.write_bytes(data[: len(data) * 2 // 3 + 100])  # inside the third record

    items = list(read_warc(truncated, MAX))

    assert [type(item) for item in items[:-1]] == [Document] * (len(items) - 1)
    assert len(items) >= 2
    assert isinstance(items[-1], Failed) and items[-1].reason.startswith("corrupt archive after")


def test_garbage_named_warc_is_one_failure(tmp_path):
    garbage = tmp_path / "garbage.warc.gz"
    garbage.write_bytes(b"this is not an archive\n" * 10)

    items = list(read_paths([garbage], MAX))

    assert len(items) == 1 and isinstance(items[0], Failed)
    assert "corrupt archive after 0 records" in items[0].reason


def test_a_large_archive_is_read_as_a_stream(tmp_path):
    # 300 pages of ~40 kB: 12 MB of HTML; reading them one at a time keeps well under a tenth of that.
    filler = "".join(f"<p>Paragraph {n} of a long story about the bridge and the council vote.</p>" for n in range(500))
    page = f"<html><body><article>{filler}</article></body></html>".encode()
    archive = write_warc(tmp_path / "big.warc.gz", [response(f"https://a.example/{n}", page) for n in range(300)])

    tracemalloc.start()
    try:
        count = sum(1 for item in read_warc(archive, MAX) if isinstance(item, Document))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert count == 300
    assert peak < 300 * len(page) / 10, f"peak {peak:,} bytes"


def test_an_archive_that_ends_inside_a_page_fails_on_that_page(tmp_path):
    whole = write_warc(tmp_path / "whole.warc", [response("https://a.example/", pages.NEWS_PAGE.encode())], gzip=False)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole.read_bytes()[:-200])

    [failed] = read_warc(cut, MAX)

    assert isinstance(failed, Failed)
    assert failed.reason == "corrupt archive after 0 records: the record of https://a.example/ is cut short"
