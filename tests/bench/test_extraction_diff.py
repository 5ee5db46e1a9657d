"""The run-and-diff tool: a run writes what the pipeline finds in each text; a diff shows what changed, item by item."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.extraction_diff import main


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    texts = tmp_path / "texts" / "nested"
    texts.mkdir(parents=True)
    (texts / "one.txt").write_text(
        'The mayor, Ana Ruiz, spoke on Monday. "We will reopen the bridge," Ruiz said.\n', encoding="utf-8"
    )
    return tmp_path / "texts"


def test_a_run_writes_one_line_a_text_with_what_the_pipeline_found(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "run.jsonl"
    assert main(["run", str(out), str(folder), "--jobs", "1"]) == 0
    (row,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert row["path"].endswith("one.txt")
    assert [q["speaker"] for q in row["quotes"]] == ["Ana Ruiz"]


def test_a_diff_of_a_run_with_itself_finds_nothing(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "run.jsonl"
    main(["run", str(out), str(folder), "--jobs", "1"])
    capsys.readouterr()
    assert main(["diff", str(out), str(out)]) == 0
    assert "quotes: 0 texts changed, 0 items removed, 0 added" in capsys.readouterr().out


def test_a_diff_shows_an_item_whose_speaker_changed_as_removed_and_added(
    folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = tmp_path / "before.jsonl"
    main(["run", str(before), str(folder), "--jobs", "1"])
    row = json.loads(before.read_text(encoding="utf-8"))
    row["quotes"][0]["speaker"] = None
    after = tmp_path / "after.jsonl"
    after.write_text(json.dumps(row) + "\n", encoding="utf-8")
    capsys.readouterr()
    main(["diff", str(before), str(after), "--only", "quotes"])
    out = capsys.readouterr().out
    assert "quotes: 1 texts changed, 1 items removed, 1 added" in out
    assert "- quote" in out and "+ quote" in out and "[[We will reopen the bridge,]]" in out


def test_a_diff_refuses_an_unknown_section(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        main(["diff", str(tmp_path / "a"), str(tmp_path / "b"), "--only", "paragraphs"])
