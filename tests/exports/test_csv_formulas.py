"""Spreadsheet formula injection: every CSV the project writes neutralises cells that start like a formula."""

from __future__ import annotations

import csv
import io
import json

import pytest

from newsfacts.exports.tables import CsvLines, neutralise_formula
from tests.exports.conftest import export
from tests.factories import SpeakerFactory

HYPERLINK = '=HYPERLINK("https://evil.example","click")'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (HYPERLINK, "'" + HYPERLINK),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
        ("\t=1+1", "'\t=1+1"),
        ("\r=1+1", "'\r=1+1"),
        ("Yuri Gagarin", "Yuri Gagarin"),
        ("a = b", "a = b"),
        ("", ""),
    ],
)
def test_text_starting_like_a_formula_gets_a_leading_apostrophe(text, expected):
    assert neutralise_formula(text) == expected


def test_numbers_in_csv_are_written_as_numbers_even_when_negative():
    lines = CsvLines(["n", "x", "s"])

    assert lines.line({"n": -3, "x": -0.5, "s": "-3"}) == "-3,-0.5,'-3\r\n"


def test_streamed_csv_of_a_list_neutralises_a_speaker_named_like_a_formula(db, api_client):
    SpeakerFactory(name=HYPERLINK, slug="evil")

    response = api_client.get("/api/v1/speakers/", {"format": "csv"})

    body = b"".join(response.streaming_content).decode()
    (row,) = csv.DictReader(io.StringIO(body, newline=""))
    assert row["name"] == "'" + HYPERLINK


def test_release_csv_neutralises_formulas_and_its_jsonl_keeps_the_raw_text(db, tmp_path):
    SpeakerFactory(name=HYPERLINK, slug="evil", description="@risk")

    outdir = export(tmp_path / "release", "--format", "jsonl,csv")

    with (outdir / "speakers.csv").open(newline="", encoding="utf-8") as f:
        (row,) = csv.DictReader(f)
    assert (row["name"], row["description"]) == ("'" + HYPERLINK, "'@risk")
    (line,) = (outdir / "speakers.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(line)["name"] == HYPERLINK
