"""export_dataset refuses what it cannot do in one line, with a non-zero exit, and leaves nothing half-written."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import CommandError, call_command

from newsfacts.exports import release
from tests.exports.conftest import export


def _leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_non_empty_outdir_is_refused_without_force(dataset, tmp_path):
    outdir = tmp_path / "release"
    outdir.mkdir()
    (outdir / "notes.txt").write_text("mine")

    with pytest.raises(CommandError, match="not empty: choose another folder or use --force"):
        export(outdir)

    assert [p.name for p in outdir.iterdir()] == ["notes.txt"]


def test_force_replaces_an_earlier_release(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "fever")

    export(outdir, "--force", "--format", "claimreview")

    assert sorted(p.name for p in outdir.iterdir()) == ["README.md", "claimreview.jsonld", "datapackage.json"]
    assert _leftovers(tmp_path) == []


def test_force_never_replaces_a_folder_that_is_not_a_release(dataset, tmp_path):
    outdir = tmp_path / "home"
    outdir.mkdir()
    (outdir / "thesis.tex").write_text("years of work")

    with pytest.raises(CommandError, match="is not a release"):
        export(outdir, "--overwrite")

    assert (outdir / "thesis.tex").read_text() == "years of work"


def test_an_empty_existing_folder_is_used(dataset, tmp_path):
    outdir = tmp_path / "release"
    outdir.mkdir()

    export(outdir, "--format", "fever")

    assert (outdir / "fever.jsonl").is_file()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--status", "bogus"], "--status: Select a valid choice. bogus is not one of the available choices."),
        (["--claimant", "abc"], "--claimant: 'abc' is not a whole number."),
        (["--published-after", "yesterday"], "--published-after: Enter a valid date."),
        (["--format", "xml"], "--format: unknown format xml"),
    ],
)
def test_bad_option_value_is_one_line_error_and_nothing_is_written(dataset, tmp_path, args, message):
    with pytest.raises(CommandError) as raised:
        export(tmp_path / "release", *args)

    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert list(tmp_path.iterdir()) == []


def test_outdir_in_a_missing_folder_is_refused(dataset, tmp_path):
    with pytest.raises(CommandError, match="does not exist: create it first"):
        export(tmp_path / "missing" / "release")


def test_outdir_that_is_a_file_is_refused(dataset, tmp_path):
    (tmp_path / "release").write_text("")

    with pytest.raises(CommandError, match="exists and is not a folder"):
        export(tmp_path / "release")


def test_a_failure_while_writing_leaves_neither_the_release_nor_its_temporary_folder(dataset, tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(release, "_write_fever", broken)

    with pytest.raises(CommandError, match="No space left on device"):
        export(tmp_path / "release")

    assert list(tmp_path.iterdir()) == []


def test_command_exits_non_zero_with_the_error_on_stderr(dataset, tmp_path):
    from django.core.management import ManagementUtility

    stderr = io.StringIO()
    utility = ManagementUtility(["manage.py", "export_dataset", str(tmp_path / "r"), "--status", "bogus"])
    real_stderr = sys.stderr
    sys.stderr = stderr
    try:
        with pytest.raises(SystemExit) as exited:
            utility.execute()
    finally:
        sys.stderr = real_stderr

    assert exited.value.code == 1
    assert stderr.getvalue().strip().startswith("CommandError: --status:")
    assert len(stderr.getvalue().strip().splitlines()) == 1


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bars_show_only_on_a_terminal(dataset, tmp_path, monkeypatch):
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    call_command("export_dataset", str(tmp_path / "tty"), "--format", "fever", stderr=terminal)
    piped = io.StringIO()
    monkeypatch.setattr(sys, "stderr", piped)
    call_command("export_dataset", str(tmp_path / "pipe"), "--format", "fever", stderr=piped)

    assert "fever" in terminal.getvalue() and "rows" in terminal.getvalue()
    assert piped.getvalue() == ""


def test_summary_lists_each_file_with_its_rows(dataset, tmp_path):
    out = io.StringIO()

    call_command("export_dataset", str(tmp_path / "release"), "--format", "fever", stdout=out)

    assert "fever.jsonl" in out.getvalue() and "5 rows" in out.getvalue()
    assert json.loads((tmp_path / "release" / "datapackage.json").read_text())["resources"][0]["path"] == "fever.jsonl"


def test_the_releases_folder_is_created_on_first_export_into_it(dataset, tmp_path, settings):
    settings.RELEASES_DIR = tmp_path / "releases"

    export(tmp_path / "releases" / "2026-11")

    assert (tmp_path / "releases" / "2026-11" / "datapackage.json").is_file()
