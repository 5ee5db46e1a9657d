"""Hostile input to `manage.py ingest` and `manage.py extract`: each file is stored exactly or refused in one line.

Stored means every sentence, quote and claim still slices the stored text; refused means a CommandError (exit 1
from a real process), one line, and not a row written anywhere, history included.
"""

from __future__ import annotations

import io
import json
import tracemalloc
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from newsfacts.models import Article
from tests.hardening.conftest import manage, sqlite_counts

pytestmark = pytest.mark.django_db

ARTICLE = (
    "The city council approved a $3.5 million budget for the new library on Tuesday. "
    '"This is the first library we have built since 1998," said Mayor Ana Ruiz, 52. '
    "Critics said the cost would rise by 20% before the doors open.\n\n"
    "Construction starts in March, officials said. The vote was 7 to 2."
)
MB = 1024 * 1024


def _words_without_end(size: int) -> str:
    """One line of words with no sentence end at all: the worst case for a splitter that looks for one."""
    return ("budget " * (size // 7 + 1))[:size]


def _prose_line(size: int) -> str:
    """One line of ordinary prose sentences, no newline anywhere."""
    return (ARTICLE.replace("\n", " ") + " ") * (size // (len(ARTICLE) + 1) + 1)


def _as_is(text: str) -> tuple[bytes, str]:
    return text.encode(), text


# name -> (raw bytes of the file, the text that must be stored).
STORED: dict[str, tuple[bytes, str]] = {
    "utf-8 BOM": (b"\xef\xbb\xbf" + ARTICLE.encode(), ARTICLE),
    "CRLF line endings": _as_is(ARTICLE.replace("\n", "\r\n")),
    "CR line endings": _as_is(ARTICLE.replace("\n", "\r")),
    "unbalanced quotation marks": _as_is(
        'The mayor said "the bridge will open in May. It did not.\n\n"Nobody knows when, an aide said. \u2018Soon.'
    ),
    "10,000 straight quotation marks": _as_is("He said " + '"' * 10_000 + " and left. " + ARTICLE),
    "10,000 curly and guillemet quotation marks": _as_is(
        "She wrote " + "\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e" * 1430 + " twice."
    ),
    "10,000 quoted words": _as_is('The crowd chanted "yes" ' * 2500 + "all night."),
    "right-to-left text and bidi controls": _as_is(
        'المجلس وافق على الميزانية. הראש אמר "כן" בשנת 2021. The \u202eevil\u202c mayor\u200f said "no" on Tuesday.'
    ),
    "emoji with joiners, flags and skin tones": _as_is(
        'The \U0001f469\u200d\U0001f469\u200d\U0001f467 family paid $5 for \U0001f355. "\U0001f389 We won!" '
        "said \U0001f1eb\U0001f1f7 coach Zo\u00eb \U0001f44d\U0001f3fd, 45."
    ),
    "combining characters": _as_is(
        'Cafe\u0301 owner Jose\u0301 Nu\u0303n\u0303ez said "n\u0303o" on 3 May. Z\u0335\u0321a\u0334lgo.'
    ),
    "unusual whitespace and separators": _as_is("First.\u2028Second\u00a0one.\u2029Third\tone.\f\vFourth."),
}

# name -> (raw bytes of the file, a word the one-line reason must contain).
REFUSED: dict[str, tuple[bytes, str]] = {
    "empty file": (b"", "empty"),
    "only whitespace": (" \n\t\r\n \u00a0 \u3000\n".encode(), "empty"),
    "only a BOM": (b"\xef\xbb\xbf", "empty"),
    "binary with NUL bytes": (bytes(range(256)) * 8, "binary"),
    "binary control characters without NUL": (bytes(range(1, 9)) * 200, "binary"),
    "a PNG image": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(64), "binary"),
    "one NUL byte in an article": (ARTICLE[:40].encode() + b"\x00" + ARTICLE[40:].encode(), "NUL"),
    "invalid UTF-8 (Latin-1)": ("Le café est fermé.".encode("latin-1"), "UTF-8"),
    "UTF-16 with its BOM": ("\ufeffThe council met.".encode("utf-16-le"), "UTF-8"),
    "an encoded lone surrogate": (b"The council \xed\xa0\x80 met.", "UTF-8"),
    "an overlong UTF-8 sequence": (b"The council \xc0\xaf met.", "UTF-8"),
    "truncated UTF-8 at the end": ("The café".encode()[:-1], "UTF-8"),
}


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def assert_spans_slice(text: str, spans) -> None:
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"], span


def assert_article_is_exact(article: Article, expected_text: str) -> None:
    assert article.text == expected_text
    assert article.sentences.exists()
    for kind in (article.sentences, article.quotes, article.claims):
        for row in kind.all():
            assert article.text[row.start : row.end] == row.text, (type(row).__name__, row.start, row.end)


@pytest.fixture
def write(tmp_path):
    def write(content: bytes, name: str = "article.txt") -> Path:
        path = tmp_path / name
        path.write_bytes(content)
        return path

    return write


@pytest.mark.parametrize(("content", "text"), STORED.values(), ids=STORED.keys())
def test_ingest_stores_awkward_text_with_spans_that_slice_it(write, content, text):
    # In English whatever the detector makes of mixed scripts: the pipeline must run on it.
    run("ingest", str(write(content)), "--language", "en")

    assert_article_is_exact(Article.objects.get(), text)


@pytest.mark.parametrize(("content", "text"), STORED.values(), ids=STORED.keys())
def test_extract_prints_spans_that_slice_awkward_text(write, content, text):
    document = json.loads(run("extract", str(write(content)), "--json"))

    assert document["sentences"]
    for key in ("sentences", "quotes", "claims"):
        assert_spans_slice(text, document[key])


@pytest.mark.parametrize(("content", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_ingest_refuses_bad_input_in_one_line_and_writes_nothing(write, count_rows, content, reason):
    before = count_rows()

    with pytest.raises(CommandError, match=reason) as refused:
        run("ingest", str(write(content)))

    assert "\n" not in str(refused.value)
    assert count_rows() == before


@pytest.mark.parametrize(("content", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_extract_refuses_bad_input_in_one_line(write, content, reason):
    with pytest.raises(CommandError, match=reason) as refused:
        run("extract", str(write(content)), "--json")

    assert "\n" not in str(refused.value)


@pytest.mark.parametrize(("content", "reason"), REFUSED.values(), ids=REFUSED.keys())
def test_ingest_process_exits_1_with_one_line_on_bad_input(write, sqlite_db, sqlite_env, content, reason):
    before = sqlite_counts(sqlite_db)

    result = manage("ingest", str(write(content)), env=sqlite_env)

    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1
    assert len(lines) == 1 and lines[0].startswith("CommandError:") and reason in lines[0]
    assert sqlite_counts(sqlite_db) == before


@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_process_exits_1_with_one_line_on_bad_stdin(sqlite_env, command):
    result = manage(command, "-", env=sqlite_env, stdin=b"\x00\x01\x02\x03")

    lines = result.stderr.decode().strip().splitlines()
    assert result.returncode == 1
    assert len(lines) == 1 and "binary" in lines[0]


@pytest.fixture
def file_of_50_mb(tmp_path) -> Path:
    path = tmp_path / "huge.txt"
    chunk = (ARTICLE + "\n").encode()
    with path.open("wb") as file:
        for _ in range(50 * MB // len(chunk) + 1):
            file.write(chunk)
    return path


@pytest.mark.slow
@pytest.mark.parametrize("command", ["ingest", "extract"])
def test_a_50_mb_file_is_refused_without_being_read_into_memory(file_of_50_mb, count_rows, command):
    before = count_rows()
    tracemalloc.start()
    try:
        with pytest.raises(CommandError, match="over the limit"):
            run(command, str(file_of_50_mb))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert peak < MB, f"peak {peak:,} bytes: the file was read"
    assert count_rows() == before


@pytest.mark.slow
def test_ingest_process_refuses_a_50_mb_file_with_exit_1(file_of_50_mb, sqlite_db, sqlite_env):
    result = manage("ingest", str(file_of_50_mb), env=sqlite_env)

    assert result.returncode == 1
    assert "over the limit" in result.stderr.decode()
    assert sqlite_counts(sqlite_db)["article"] == 0


@pytest.mark.slow
def test_ingest_process_refuses_50_mb_on_stdin_with_exit_1(sqlite_db, sqlite_env):
    result = manage("ingest", "-", env=sqlite_env, stdin=(ARTICLE * (50 * MB // len(ARTICLE) + 1)).encode())

    assert result.returncode == 1
    assert "over the limit" in result.stderr.decode()
    assert sqlite_counts(sqlite_db)["article"] == 0


def test_a_file_one_byte_over_the_limit_is_refused_and_one_at_the_limit_is_stored(write, settings):
    settings.NEWSFACTS_MAX_ARTICLE_BYTES = len(ARTICLE.encode())

    with pytest.raises(CommandError, match="over the limit"):
        run("ingest", str(write((ARTICLE + ".").encode(), "over.txt")))
    run("ingest", str(write(ARTICLE.encode(), "at.txt")))

    assert_article_is_exact(Article.objects.get(), ARTICLE)


@pytest.mark.slow
@pytest.mark.parametrize("line", [_words_without_end(2 * MB), _prose_line(MB)], ids=["2 MB of words", "1 MB of prose"])
def test_ingest_stores_one_enormous_line_with_spans_that_slice_it(write, line):
    run("ingest", str(write(line.encode())))

    assert_article_is_exact(Article.objects.get(), line)


@pytest.mark.slow
@pytest.mark.parametrize("line", [_words_without_end(2 * MB), "He said " + '"' * 10_000], ids=["2 MB line", "quotes"])
def test_extract_process_finishes_on_pathological_input(write, sqlite_env, line):
    # The timeout is a hang guard against catastrophic regex backtracking, not a speed target.
    result = manage("extract", str(write(line.encode())), "--indent", "0", env=sqlite_env, timeout=120)

    assert result.returncode == 0, result.stderr.decode()[-2000:]
    document = json.loads(result.stdout)
    assert_spans_slice(line, document["sentences"] + document["quotes"] + document["claims"])


def test_ingest_of_a_folder_stores_the_good_files_and_names_the_bad_ones(tmp_path, count_rows):
    (tmp_path / "good.txt").write_text(ARTICLE)
    for name, (content, _) in list(REFUSED.items())[:4]:
        (tmp_path / f"{name}.txt").write_bytes(content)
    before = count_rows()

    with pytest.raises(CommandError, match=r"5 files: 1 stored, 0 already stored, 4 failed") as refused:
        run("ingest", str(tmp_path))

    assert "\n" not in str(refused.value)
    assert count_rows()["article"] == before["article"] + 1
    assert_article_is_exact(Article.objects.get(), ARTICLE)


@pytest.mark.parametrize(
    ("option", "length"), [("--title", 501), ("--publisher", 201), ("--language", 17), ("--url", 2001)]
)
def test_ingest_refuses_an_over_long_option_before_writing(write, count_rows, option, length):
    value = ("https://news.example.org/" + "a" * length)[:length] if option == "--url" else "x" * length
    before = count_rows()

    with pytest.raises(CommandError, match=f"{option} is {length:,} characters"):
        run("ingest", str(write(ARTICLE.encode())), option, value)

    assert count_rows() == before
