"""The benchmark's web archive: varied pages that all read back as distinct articles, and records that are not."""

from __future__ import annotations

import collections

from bench.ingest_speed import build_warc
from newsfacts.sources import Document, Skipped, read_paths
from newsfacts.sources.pages import prepare


def test_the_benchmark_archive_holds_distinct_articles_in_every_template_and_encoding(tmp_path):
    archive = tmp_path / "bench.warc.gz"
    build_warc(archive, 48)

    items = list(read_paths([archive], 5_000_000))
    documents = [item for item in items if isinstance(item, Document)]
    prepared = [prepare(d, max_bytes=5_000_000) for d in documents if not d.source.endswith("/empty")]

    assert len(prepared) == 48
    texts = [p.text for p in prepared]
    assert len(set(texts)) == 48
    for n, text in enumerate(texts):
        # Every template and encoding reads back: the story's number and its non-ASCII names survive.
        assert f"({n})" in prepared[n].metadata.title
        assert "Ã" not in text and "\ufffd" not in text
    languages = collections.Counter(p.metadata.language.split("-")[0] for p in prepared)
    assert set(languages) == {"en", "fr", "de"}
    skipped = collections.Counter(item.reason.split(" (")[0] for item in items if isinstance(item, Skipped))
    # Two of each extra record in 48 pages (one every 25 pages): an image, JSON, a 404, a revisit.
    assert skipped == {"not HTML": 4, "HTTP status 404": 2, "duplicate": 2}
