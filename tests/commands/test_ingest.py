"""`manage.py ingest` and `manage.py extract` as a user runs them."""

import io
import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from newsfacts.models import Article, Sentence

pytestmark = pytest.mark.django_db

SEED = Path(settings.BASE_DIR, "fixtures", "seed-afp-iss-film.txt")


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_ingest_stores_the_article_with_its_metadata_and_reports_it():
    output = run("ingest", str(SEED), "--title", "A film in orbit", "--publisher", "AFP", "--published", "2021-09-20")
    article = Article.objects.get()
    assert (article.title, article.publisher, str(article.published)) == ("A film in orbit", "AFP", "2021-09-20")
    assert f"stored article {article.pk}" in output
    assert f"{article.sentences.count()} sentences" in output


def test_ingest_twice_reports_the_existing_article_and_writes_nothing():
    run("ingest", str(SEED))
    count = Sentence.objects.count()
    output = run("ingest", str(SEED))
    assert "already stored" in output
    assert Article.objects.count() == 1
    assert Sentence.objects.count() == count


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty"), (b"\x00\x01\x02binary", "binary"), (b"\xff\xfe bad", "UTF-8")],
)
def test_ingest_refuses_bad_input_and_writes_nothing(tmp_path, content, reason):
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=reason):
        run("ingest", str(path))
    assert not Article.objects.exists()


def test_ingest_refuses_an_oversized_file(tmp_path, settings):
    settings.NEWSFACTS_MAX_ARTICLE_BYTES = 1000
    path = tmp_path / "big.txt"
    path.write_text("A sentence. " * 200)
    with pytest.raises(CommandError, match="over the limit"):
        run("ingest", str(path))
    assert not Article.objects.exists()


def test_ingest_refuses_a_malformed_date():
    with pytest.raises(CommandError, match="--published"):
        run("ingest", str(SEED), "--published", "20 September")


def test_ingest_of_a_folder_goes_on_past_a_bad_file_and_fails_at_the_end(tmp_path):
    (tmp_path / "a.txt").write_text("The council approved the plan on Monday. It costs $3 million.")
    (tmp_path / "b.txt").write_bytes(b"\xff\xfe not text")
    (tmp_path / "c.txt").write_text("Rain is expected on Friday, forecasters said.")
    with pytest.raises(CommandError, match=r"3 files: 2 stored, 0 already stored, 1 failed \(.*b\.txt\)"):
        run("ingest", str(tmp_path))
    assert Article.objects.count() == 2


def test_ingest_reads_stdin(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"Prices rose 5% in May, the bureau said.")))
    output = run("ingest", "-")
    assert "stdin: stored article" in output
    assert Article.objects.get().text == "Prices rose 5% in May, the bureau said."


def test_extract_prints_the_pipeline_output_as_json_and_writes_nothing():
    document = json.loads(run("extract", str(SEED), "--json"))
    assert set(document) == {"sentences", "speakers", "quotes", "claims"}
    text = SEED.read_text(encoding="utf-8")
    for sentence in document["sentences"]:
        assert text[sentence["start"] : sentence["end"]] == sentence["text"]
    assert not Article.objects.exists()


def test_extract_of_a_missing_file_fails_with_one_line():
    with pytest.raises(CommandError, match=r"missing\.txt"):
        run("extract", "missing.txt", "--json")
