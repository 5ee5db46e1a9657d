"""Nothing lost, nothing half-written: a database error or a killed process mid-ingest leaves every stored article
complete, and a broken fixture leaves the database as it was.
"""

from __future__ import annotations

import io
import json
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import OperationalError, connection
from django.db.models import Model

from newsfacts.ingestion import ingest_text
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from tests.factories import ArticleFactory
from tests.hardening.conftest import MANAGE, ROOT, manage, sqlite_counts

ARTICLES = sorted(Path(settings.BASE_DIR, "tests", "extraction", "articles").glob("*.txt"))


def article_texts(count: int) -> list[str]:
    """Distinct real-looking articles: the annotated test articles, each with a numbered closing paragraph."""
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES]
    return [
        f"{texts[n % len(texts)]}\n\nIn a statement on Monday, officials said {n + 2} inspectors had visited "
        f'{3 * n + 10} sites since March. "We found nothing unusual," said inspector Dana Moss, {30 + n % 20}.'
        for n in range(count)
    ]


@pytest.fixture
def folder(tmp_path) -> Path:
    path = tmp_path / "articles"
    path.mkdir()
    for n, text in enumerate(article_texts(24)):
        (path / f"{n:03}.txt").write_text(text, encoding="utf-8")
    return path


def assert_every_article_is_complete(db: Path) -> int:
    """Every stored article has sentences, and every sentence, quote and claim slices its text; returns the count."""
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        articles = dict(conn.execute("SELECT id, text FROM newsfacts_article"))
        for table in ("sentence", "quote", "claim"):
            rows = conn.execute(f"SELECT article_id, start, [end], text FROM newsfacts_{table}").fetchall()
            for article_id, start, end, text in rows:
                assert articles[article_id][start:end] == text, (table, article_id, start, end)
        with_sentences = {row[0] for row in conn.execute("SELECT DISTINCT article_id FROM newsfacts_sentence")}
        assert with_sentences == set(articles), "an article was stored without its sentences"
    return len(articles)


# -- a database error half way through saving ---------------------------------------------------------------------


def fail_insert(model: type[Model], *, on: int = 1, error: Callable[[], object] | None = None) -> Callable:
    """An execute wrapper under which the database refuses the `on`-th INSERT into the model's table.

    At the database's door, so the test holds however the rows are inserted (one statement or many).
    """
    table = connection.ops.quote_name(model._meta.db_table)
    calls = [0]

    def wrapper(execute, sql, params, many, context):
        if sql.startswith(f"INSERT INTO {table} "):
            calls[0] += 1
            if calls[0] == on:
                if error is not None:
                    error()
                raise OperationalError("disk I/O error")
        return execute(sql, params, many, context)

    return wrapper


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Sentence, Quote, Claim], ids=lambda m: f"insert into {m.__name__}")
def test_a_database_error_half_way_leaves_no_partial_article(count_rows, model):
    text = article_texts(1)[0]
    before = count_rows()

    with connection.execute_wrapper(fail_insert(model)), pytest.raises(OperationalError):
        ingest_text(text)

    assert count_rows() == before
    assert not Article.objects.filter(text=text).exists()


@pytest.mark.django_db
def test_speakers_created_for_an_article_that_failed_are_rolled_back_with_it():
    text = article_texts(1)[0]
    with connection.execute_wrapper(fail_insert(Claim)), pytest.raises(OperationalError):
        ingest_text(text)

    stored = ingest_text(text)

    assert stored.created
    assert Speaker.objects.count() == stored.counts["speakers"]


@pytest.mark.django_db
def test_a_database_error_in_one_file_of_a_folder_keeps_the_articles_stored_before_it(folder):
    with connection.execute_wrapper(fail_insert(Claim, on=3)), pytest.raises(OperationalError):
        call_command("ingest", str(folder), stdout=io.StringIO(), stderr=io.StringIO())

    assert Article.objects.count() == 2
    for article in Article.objects.all():
        assert article.sentences.exists()
        for row in (*article.sentences.all(), *article.quotes.all(), *article.claims.all()):
            assert article.text[row.start : row.end] == row.text


# -- a process killed with SIGKILL ---------------------------------------------------------------------------------

# Runs `ingest` and kills its own process with SIGKILL in the middle of the third article's transaction: after its
# sentences, speakers and quotes are written, before its claims are.
KILL_MID_TRANSACTION = """
import os, signal, sys
import django
django.setup()
from django.core.management import call_command
from django.db import connection
from newsfacts.models import Claim
from tests.hardening.test_nothing_lost import fail_insert
kill = lambda: os.kill(os.getpid(), signal.SIGKILL)
with connection.execute_wrapper(fail_insert(Claim, on=3, error=kill)):
    call_command("ingest", sys.argv[1])
"""


@pytest.mark.slow
def test_ingest_killed_mid_transaction_leaves_only_complete_articles(folder, sqlite_db, sqlite_env):
    result = subprocess.run(
        [sys.executable, "-c", KILL_MID_TRANSACTION, str(folder)],
        cwd=ROOT,
        env=sqlite_env,
        capture_output=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == -signal.SIGKILL, result.stderr.decode()[-2000:]
    assert assert_every_article_is_complete(sqlite_db) == 2


@pytest.mark.slow
def test_ingest_killed_from_outside_leaves_only_complete_articles_and_a_rerun_finishes_the_folder(
    folder, sqlite_db, sqlite_env
):
    process = subprocess.Popen(
        [sys.executable, str(MANAGE), "ingest", str(folder)],
        cwd=ROOT,
        env=sqlite_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    stored = 0
    for line in process.stdout:
        stored += b"stored article" in line
        if stored == 3:
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    process.stdout.close()

    assert process.returncode == -signal.SIGKILL
    assert assert_every_article_is_complete(sqlite_db) >= 3

    rerun = manage("ingest", str(folder), env=sqlite_env, timeout=300)

    assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
    assert assert_every_article_is_complete(sqlite_db) == 24


# -- a broken fixture ----------------------------------------------------------------------------------------------


def _fixture(broken: dict) -> list[dict]:
    text = "The dam holds 3 million cubic metres. It opened in 1998."
    return [
        {
            "model": "newsfacts.article",
            "pk": 9001,
            "fields": {"title": "Dam", "text": text, "sha256": "a" * 64, "language": "en", "ingested_at": None},
        },
        {
            "model": "newsfacts.sentence",
            "pk": 9001,
            "fields": {"article": 9001, "position": 0, "start": 0, "end": 37, "text": text[:37], "kind": "prose"},
        },
        broken,
    ]


def _sentence(**fields) -> dict:
    base = {"article": 9001, "position": 1, "start": 38, "end": 56, "text": "It opened in 1998.", "kind": "prose"}
    return {"model": "newsfacts.sentence", "pk": 9002, "fields": {**base, **fields}}


BROKEN = {
    "a span that ends before it starts": _sentence(start=50, end=40),
    "a sentence of a missing article": _sentence(article=424242),
    "a position taken twice": _sentence(position=0),
    "a value of the wrong type": _sentence(position="second"),
    "an unknown model": {"model": "newsfacts.nosuchthing", "pk": 1, "fields": {}},
    "an unknown field": _sentence(colour="red"),
}


@pytest.mark.django_db
@pytest.mark.parametrize("broken", BROKEN.values(), ids=BROKEN.keys())
def test_a_failed_loaddata_leaves_the_database_as_it_was(tmp_path, count_rows, broken):
    ArticleFactory()  # something already there, which must stay as it is
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_fixture(broken)))
    before = count_rows()

    with pytest.raises(Exception):  # noqa: B017 - Django raises whatever the database or deserializer raised
        call_command("loaddata", str(path), stdout=io.StringIO(), stderr=io.StringIO())

    assert count_rows() == before
    assert not Article.objects.filter(pk=9001).exists()


@pytest.mark.parametrize("broken", list(BROKEN.values())[:2], ids=list(BROKEN)[:2])
def test_a_failed_loaddata_process_exits_non_zero_and_commits_nothing(tmp_path, sqlite_db, sqlite_env, broken):
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(_fixture(broken)))
    before = sqlite_counts(sqlite_db)

    result = manage("loaddata", str(path), env=sqlite_env)

    assert result.returncode != 0
    assert sqlite_counts(sqlite_db) == before
