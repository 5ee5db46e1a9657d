"""`manage.py ingest` of web pages, web archives and feeds, with worker processes, crashes, Ctrl-C and resuming."""

from __future__ import annotations

import hashlib
import io
import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from newsfacts.management.commands import ingest as ingest_command
from newsfacts.models import Article, Claim, Quote, Sentence
from newsfacts.sources import pages as sources_pages
from tests.sources import pages
from tests.sources.archives import PNG, response, rss, write_warc

pytestmark = pytest.mark.django_db


def run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("ingest", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def story(n: int) -> bytes:
    """A distinct English news page."""
    paragraphs = "".join(
        f"<p>{p.replace('Springfield', f'Springfield {n}').replace('$30 million', f'${n + 1} million')}</p>"
        for p in pages.NEWS_PARAGRAPHS
    )
    return (
        f'<html lang="en"><head><title>Story {n}</title></head><body><nav>Home</nav>'
        f"<article><h1>Story {n}</h1>{paragraphs}</article><footer>Contact</footer></body></html>"
    ).encode()


@pytest.fixture
def crawl(tmp_path):
    """Eight stories with a binary record, an empty page, a French page and a duplicate among them."""
    records = [response(f"https://bugle.example/{n}", story(n)) for n in range(8)]
    records.append(response("https://bugle.example/1?again", story(1)))
    records.insert(2, response("https://bugle.example/logo.png", PNG, "image/png"))
    records.insert(4, response("https://bugle.example/empty", pages.EMPTY_PAGE.encode()))
    records.insert(6, response("https://courrier.example/pont", pages.french_page().encode()))
    return write_warc(tmp_path / "crawl.warc.gz", records)


def stored_state() -> list[tuple]:
    """Everything ingest wrote, without ids or times: the same for any number of workers."""
    return [
        (
            a.source, a.title, a.url, a.language, a.text, a.page_sha256, a.pipeline_version,
            [(s.position, s.start, s.end, s.kind) for s in a.sentences.all()],
            [(q.start, q.end, q.speaker.name if q.speaker else None) for q in a.quotes.order_by("start")],
            [(c.start, c.end, c.kind) for c in a.claims.order_by("start")],
        )
        for a in Article.objects.order_by("id")
    ]  # fmt: skip


def without_ids(output: str) -> str:
    return "\n".join(line.split(" article ")[0] for line in output.splitlines())


def test_an_html_page_is_stored_with_its_metadata_and_offsets_into_the_stored_text(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(pages.NEWS_PAGE, encoding="utf-8")

    out, _ = run(str(page))

    article = Article.objects.get()
    assert f"stored article {article.pk}" in out
    assert article.text == pages.expected_text(pages.NEWS_PARAGRAPHS, "Council approves Clear River bridge")
    assert (article.title, article.authors, str(article.published), article.site_name, article.language) == (
        "Council approves Clear River bridge", "Jane Doe; John Roe", "2024-03-05", "Springfield Bugle", "en-GB",
    )  # fmt: skip
    assert article.url == "https://bugle.example/news/2024/03/05/bridge"
    assert article.source == str(page)
    assert article.page_sha256 == hashlib.sha256(page.read_bytes()).hexdigest()
    assert article.quotes.filter(speaker__name__contains="Smith").exists()
    for row in (*article.sentences.all(), *article.quotes.all(), *article.claims.all()):
        assert article.text[row.start : row.end] == row.text


def test_command_line_options_override_the_pages_metadata(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(pages.NEWS_PAGE, encoding="utf-8")

    run(str(page), "--title", "Bridge vote", "--url", "https://mine.example/b", "--published", "2024-03-04")

    article = Article.objects.get()
    assert (article.title, article.url, str(article.published)) == (
        "Bridge vote", "https://mine.example/b", "2024-03-04"
    )  # fmt: skip


def test_the_same_page_is_never_stored_twice(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(pages.NEWS_PAGE, encoding="utf-8")
    run(str(page))

    out, _ = run(str(page))

    assert "already stored" in out
    assert Article.objects.count() == 1


def test_a_warc_stores_each_article_and_counts_what_it_skips(crawl):
    out, _ = run(str(crawl), "--workers", "2")

    assert Article.objects.count() == 9
    assert "https://bugle.example/logo.png: skipped: not HTML (image/png)" in out
    assert "https://bugle.example/empty: skipped: no article text found in the page" in out
    assert out.splitlines()[-1] == (
        "1 file: 9 stored, 0 already stored, 0 failed; 3 skipped (1 not HTML, 1 no article, 1 duplicate of a page "
        "earlier in the input); "
        "1 of those stored are not in English and were not extracted"
    )
    article = Article.objects.get(source="https://bugle.example/3")
    assert (article.title, article.url, article.fetched_at.isoformat()) == (
        "Story 3", "https://bugle.example/3", "2024-03-06T08:30:00+00:00"
    )  # fmt: skip


def test_an_article_in_another_language_is_stored_with_its_language_and_not_extracted(crawl):
    run(str(crawl))

    french = Article.objects.get(language="fr")
    assert french.text == pages.expected_text(pages.FRENCH_PARAGRAPHS)
    assert (french.pipeline_version, french.extracted_at) == ("", None)
    assert not Sentence.objects.filter(article=french).exists()


def test_two_workers_store_the_same_articles_in_the_same_order_as_one(crawl):
    two, _ = run(str(crawl), "--workers", "2")
    with_two = stored_state()
    Claim.objects.all().delete()
    Quote.objects.all().delete()
    Article.objects.all().delete()

    one, _ = run(str(crawl), "--workers", "1")

    assert stored_state() == with_two
    assert without_ids(one) == without_ids(two)


def _crash_on_story_5(document, **kwargs):
    if document.source.endswith("/5"):
        os.kill(os.getpid(), signal.SIGKILL)
    return sources_pages.prepare(document, **kwargs)


def test_a_worker_that_crashes_fails_its_article_and_the_others_are_stored(crawl, monkeypatch):
    monkeypatch.setattr(ingest_command, "prepare", _crash_on_story_5)

    with pytest.raises(CommandError, match=r"1 file: 8 stored, 0 already stored, 1 failed \(https://bugle.example/5\)"):
        run(str(crawl), "--workers", "2")

    assert not Article.objects.filter(source="https://bugle.example/5").exists()
    assert Article.objects.count() == 8


def test_a_worker_crash_is_reported_on_its_own_line(crawl, monkeypatch):
    monkeypatch.setattr(ingest_command, "prepare", _crash_on_story_5)
    err = io.StringIO()

    with pytest.raises(CommandError):
        call_command("ingest", str(crawl), "--workers", "2", stdout=io.StringIO(), stderr=err)

    assert f"https://bugle.example/5: FAILED: the worker crashed (exit code -{signal.SIGKILL}) on this page" in (
        err.getvalue()
    )


def test_ctrl_c_keeps_every_stored_article_whole_and_a_rerun_resumes(crawl, monkeypatch):
    real = ingest_command.store
    calls = {"n": 0}

    def interrupted_on_the_fourth(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 4:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(ingest_command, "store", interrupted_on_the_fourth)
    with pytest.raises(CommandError, match=r"interrupted; every stored article is whole\. .*3 stored.*resume"):
        run(str(crawl), "--workers", "2")
    assert Article.objects.count() == 3
    for article in Article.objects.all():
        assert article.sentences.exists()

    monkeypatch.setattr(ingest_command, "store", real)
    out, _ = run(str(crawl), "--workers", "2")

    # The three stored before, and the copy of one of them at the end of the archive.
    assert out.splitlines()[-1].startswith("1 file: 6 stored, 4 already stored, 0 failed")
    assert Article.objects.count() == 9


def test_a_corrupt_archive_keeps_the_articles_before_the_damage_and_fails_in_one_line(crawl, tmp_path):
    data = crawl.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data[: len(data) // 2] + b"\x00garbage" + data[len(data) // 2 + 50 :])

    with pytest.raises(CommandError, match=r"1 failed \(.*broken\.warc\.gz\)") as failed:
        run(str(broken))

    assert "\n" not in str(failed.value)
    assert Article.objects.count() >= 2


def test_a_feed_stores_its_full_text_entries_and_skips_links(tmp_path):
    feed = tmp_path / "news.rss"
    full = "".join(f"<p>{p}</p>" for p in pages.NEWS_PARAGRAPHS)
    feed.write_bytes(
        rss([
            {"title": "Bridge approved", "link": "https://bugle.example/b", "content": full, "author": "Jane Doe"},
            {"title": "Teaser", "link": "https://bugle.example/t"},
        ])
    )  # fmt: skip

    out, _ = run(str(feed))

    article = Article.objects.get()
    assert (article.title, article.authors, article.site_name, article.url) == (
        "Bridge approved", "Jane Doe", "Springfield Bugle", "https://bugle.example/b"
    )  # fmt: skip
    assert "https://bugle.example/t: skipped: link only" in out
    assert out.splitlines()[-1] == "1 file: 1 stored, 0 already stored, 0 failed; 1 skipped (1 link only)"


def test_a_folder_of_pages_and_text_files_is_ingested(tmp_path):
    (tmp_path / "a.html").write_text(pages.NEWS_PAGE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("Rain is expected on Friday, forecasters said.")
    (tmp_path / "c.html").write_text(pages.EMPTY_PAGE, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an input")

    out, _ = run(str(tmp_path))

    assert out.splitlines()[-1] == "3 files: 2 stored, 0 already stored, 0 failed; 1 skipped (1 no article)"


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_workers_must_be_a_positive_number(tmp_path, value):
    with pytest.raises(CommandError, match="--workers"):
        run(str(tmp_path), "--workers", value)


def test_title_is_refused_with_an_archive(crawl):
    with pytest.raises(CommandError, match="--title and --url name one article"):
        run(str(crawl), "--title", "One")


@pytest.mark.slow
def test_a_real_ctrl_c_stops_the_workers_and_the_writer_cleanly_and_a_rerun_resumes(tmp_path):
    # Enough stories that the interrupt, sent when the first is stored, always lands while most are still to come:
    # with a handful, a fast pipeline could store them all before the signal arrives.
    stories = 40
    crawl = write_warc(
        tmp_path / "long.warc.gz", [response(f"https://bugle.example/{n}", story(n)) for n in range(stories)]
    )
    database = tmp_path / "db.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "PYTHONUNBUFFERED": "1"}
    manage = [sys.executable, str(Path(settings.BASE_DIR, "manage.py"))]
    subprocess.run([*manage, "migrate", "-v", "0"], env=env, check=True, timeout=300)
    # The ingest starts with Ctrl-C's default action, as from a terminal: a suite started in the background (where a
    # shell makes its children ignore SIGINT) would otherwise pass that on, and the interrupt would never arrive.
    process = subprocess.Popen(
        [*manage, "ingest", str(crawl), "--workers", "2"],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert process.stdout is not None
    for line in process.stdout:
        if b"stored article" in line:
            process.send_signal(signal.SIGINT)
            break
    _, err = process.communicate(timeout=120)

    assert process.returncode == 1, err.decode()[-2000:]
    assert err.decode().strip().splitlines()[-1].startswith("CommandError: interrupted; every stored article is whole")
    with sqlite3.connect(database) as conn:
        texts = dict(conn.execute("SELECT id, text FROM newsfacts_article"))
        for article_id, start, end, text in conn.execute(
            "SELECT article_id, start, [end], text FROM newsfacts_sentence"
        ):
            assert texts[article_id][start:end] == text
    assert 1 <= len(texts) < stories

    rerun = subprocess.run([*manage, "ingest", str(crawl)], env=env, capture_output=True, timeout=300, check=False)

    assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
    assert rerun.stdout.decode().splitlines()[-1].startswith(f"1 file: {stories - len(texts)} stored, ")
    with sqlite3.connect(database) as conn:
        assert conn.execute("SELECT count(*) FROM newsfacts_article").fetchone()[0] == stories


def test_extract_of_a_page_prints_its_text_metadata_and_spans_into_that_text(tmp_path):
    page = tmp_path / "bridge.html"
    page.write_text(pages.NEWS_PAGE, encoding="utf-8")
    out = io.StringIO()

    call_command("extract", str(page), "--json", stdout=out)

    document = json.loads(out.getvalue())
    assert document["text"] == pages.expected_text(pages.NEWS_PARAGRAPHS, "Council approves Clear River bridge")
    assert (document["title"], document["published"], document["language"], document["extracted"]) == (
        "Council approves Clear River bridge", "2024-03-05", "en-GB", True,
    )  # fmt: skip
    assert document["quotes"] and document["claims"]
    for key in ("sentences", "quotes", "claims"):
        for span in document[key]:
            assert document["text"][span["start"] : span["end"]] == span["text"]
    assert not Article.objects.exists()


def test_extract_of_an_archive_prints_one_line_per_page_holding_an_article(crawl):
    out = io.StringIO()

    call_command("extract", str(crawl), stdout=out)

    documents = [json.loads(line) for line in out.getvalue().splitlines()]
    stories = [f"https://bugle.example/{n}" for n in range(8)]
    # The image and the empty page hold no article; the copy of story 1 at the end is printed too (nothing is stored).
    assert [d["source"] for d in documents] == [
        *stories[:4], "https://courrier.example/pont", *stories[4:], "https://bugle.example/1?again"
    ]  # fmt: skip
    french = next(d for d in documents if d["source"] == "https://courrier.example/pont")
    assert (french["language"], french["extracted"], french["sentences"]) == ("fr", False, [])
    assert not Article.objects.exists()
