"""`manage.py export_dataset`: the files of a release, their determinism, the round trip through loaddata."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import subprocess
import sys
from pathlib import Path

import frictionless
import pytest
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.checks import Tags, register
from django.core.checks.registry import registry
from django.core.management import call_command

from newsfacts.exports.datapackage import sha256_of
from newsfacts.exports.fixture import FixtureEncoder
from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from tests.exports.conftest import DATA_FILES, TABLE_NAMES, export, read_files

MANAGE_PY = Path(__file__).resolve().parents[2] / "manage.py"


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_release_holds_every_format_and_its_data_package(dataset, tmp_path):
    outdir = export(tmp_path / "release")

    assert sorted(p.name for p in outdir.iterdir()) == sorted([*DATA_FILES, "datapackage.json"])


def test_frictionless_validates_the_data_package_and_every_table(dataset, tmp_path):
    outdir = export(tmp_path / "release")

    report = frictionless.validate(str(outdir / "datapackage.json"))

    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "message"])
    # Every file, and each table of the SQLite database once more.
    assert len(report.tasks) == len(DATA_FILES) + len(TABLE_NAMES)


def test_data_package_records_size_hash_schema_and_keys_of_each_file(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--release-version", "1.2.0", "--license", "CC0-1.0")

    package = json.loads((outdir / "datapackage.json").read_text())
    # The files' own resources: those with a size (a database's tables point at its file without one).
    resources = {r["path"]: r for r in package["resources"] if "bytes" in r}

    assert set(resources) == set(DATA_FILES)
    assert {r["path"] for r in package["resources"]} == set(DATA_FILES)
    for path, resource in resources.items():
        assert resource["bytes"] == (outdir / path).stat().st_size
        assert resource["hash"] == f"sha256:{sha256_of(outdir / path)}"
    claims = resources["claims.csv"]["schema"]
    assert claims["primaryKey"] == ["id"]
    assert {"fields": ["claimant_id"], "reference": {"resource": "speakers-csv", "fields": ["id"]}} in claims[
        "foreignKeys"
    ]
    assert {f["name"]: f["type"] for f in claims["fields"]}["reviewed_at"] == "datetime"
    assert package["version"] == "1.2.0"
    assert package["licenses"][0]["name"] == "CC0-1.0"
    assert [s["title"] for s in package["sources"]] == ["AFP", "Reuters"]
    assert package["filters"] == {}
    assert package["created"].endswith("Z")


def test_csv_tables_parse_with_a_header_row_and_one_row_per_object(dataset, tmp_path):
    outdir = export(tmp_path / "release")

    tables = {
        "articles": Article.objects.all(),
        "sentences": Sentence.objects.all(),
        "speakers": Speaker.objects.all(),
        "claims": Claim.objects.live(),
        "rejected_claims": Claim.objects.rejected(),
    }
    for name, queryset in tables.items():
        raw = (outdir / f"{name}.csv").read_bytes()
        rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8"), newline="")))
        assert [int(row["id"]) for row in rows] == sorted(queryset.values_list("id", flat=True))
        assert raw.count(b"\r\n") >= len(rows) + 1  # RFC 4180 line ends
    rationale = {row["id"]: row["rationale"] for row in csv.DictReader((outdir / "claims.csv").open(newline=""))}
    assert rationale[str(dataset["claims"][0].id)] == dataset["claims"][0].rationale


def test_jsonl_rows_carry_offsets_statuses_and_speaker_names_with_wikidata_ids(dataset, tmp_path):
    outdir = export(tmp_path / "release")

    claims = {row["id"]: row for row in _jsonl(outdir / "claims.jsonl")}
    claim = dataset["claims"][0]
    row = claims[claim.id]

    assert (row["start"], row["end"], row["status"]) == (claim.start, claim.end, "verified")
    assert (row["claimant_name"], row["claimant_wikidata_id"]) == ("Yuri Gagarin", "Q7327")
    assert row["reviewed_at"] == "2026-03-04T05:06:07.891011Z"
    article_text = {a["id"]: a["text"] for a in _jsonl(outdir / "articles.jsonl")}[row["article_id"]]
    assert article_text[row["start"] : row["end"]] == row["text"]
    speakers = {s["slug"]: s for s in _jsonl(outdir / "speakers.jsonl")}
    assert speakers["agencia-espacial"]["aliases"] == ["AEB"]
    assert list(row) == sorted(row)


def test_two_exports_of_the_same_data_are_byte_identical(dataset, tmp_path):
    first = read_files(export(tmp_path / "one"))
    second = read_files(export(tmp_path / "two", "--release-version", "other"))

    # The dataset card names the release's version (to cite it); every data file is the same.
    assert first.pop("README.md") != second.pop("README.md")
    assert first == second


@pytest.mark.parametrize("fixture_file", ["newsfacts.json", "newsfacts.jsonl"])
def test_loading_the_fixture_into_an_empty_database_and_exporting_again_gives_identical_files(
    dataset, tmp_path, fixture_file
):
    before = export(tmp_path / "before")
    for model in (Claim, Quote, Sentence, Speaker, Article):
        model.objects.all().delete()
    assert not Article.objects.exists()

    call_command("loaddata", str(before / fixture_file), verbosity=0)
    after = export(tmp_path / "after")

    assert read_files(after) == read_files(before)
    assert Claim.objects.filter(reviewed_by__isnull=False).count() == 0  # reviewers are not published


def test_fixture_does_not_publish_reviewer_accounts(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "fixture")

    objects = json.loads((outdir / "newsfacts.json").read_text())

    assert {o["model"] for o in objects} == {
        f"newsfacts.{m}" for m in ("article", "sentence", "speaker", "quote", "claim")
    }
    assert all("reviewed_by" not in o["fields"] for o in objects)
    assert "reviewer" not in (outdir / "newsfacts.json").read_text()


def test_status_filter_keeps_matching_claims_and_quotes_and_only_the_rows_they_refer_to(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--status", "false")

    claims = _jsonl(outdir / "claims.jsonl")
    quotes = _jsonl(outdir / "quotes.jsonl")
    articles = {a["id"] for a in _jsonl(outdir / "articles.jsonl")}
    speakers = {s["id"] for s in _jsonl(outdir / "speakers.jsonl")}

    assert [c["status"] for c in claims] == ["false"]
    assert [q["status"] for q in quotes] == ["false"]
    assert articles == {claims[0]["article_id"], quotes[0]["article_id"]}
    assert speakers == {claims[0]["claimant_id"], quotes[0]["speaker_id"]}
    assert {s["article_id"] for s in _jsonl(outdir / "sentences.jsonl")} == articles
    assert json.loads((outdir / "datapackage.json").read_text())["filters"] == {"status": ["false"]}
    assert frictionless.validate(str(outdir / "datapackage.json")).valid


def test_a_filter_only_claims_declare_leaves_quotes_out(dataset, tmp_path):
    claimant = dataset["speakers"][0]
    outdir = export(tmp_path / "release", "--claimant", str(claimant.id), "--format", "jsonl")

    assert {c["claimant_id"] for c in _jsonl(outdir / "claims.jsonl")} == {claimant.id}
    assert _jsonl(outdir / "quotes.jsonl") == []


def test_publisher_filter_applies_as_in_the_api(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--publisher", "Reuters", "--format", "jsonl")

    assert {a["publisher"] for a in _jsonl(outdir / "articles.jsonl")} == {"Reuters"}
    assert len(_jsonl(outdir / "claims.jsonl")) == Claim.objects.live().filter(article__publisher="Reuters").count()


def test_format_option_writes_only_the_chosen_outputs_and_the_data_package(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "claimreview,fever")

    assert sorted(p.name for p in outdir.iterdir()) == [
        "README.md",
        "claimreview.jsonld",
        "datapackage.json",
        "fever.jsonl",
    ]
    assert frictionless.validate(str(outdir / "datapackage.json")).valid


def test_export_runs_the_system_checks_but_not_the_url_ones(dataset, tmp_path, monkeypatch):
    ran = []

    def models_check(app_configs, **kwargs):
        ran.append("models")
        return []

    def urls_check(app_configs, **kwargs):
        ran.append("urls")
        return []

    monkeypatch.setattr(registry, "registered_checks", set(registry.registered_checks))
    register(models_check, Tags.models)
    register(urls_check, Tags.urls)

    call_command("export_dataset", str(tmp_path / "release"), "--format", "fever", skip_checks=False, verbosity=0)

    assert ran == ["models"]


def _manage(*args: str, database: Path) -> None:
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{database}", "DJANGO_SETTINGS_MODULE": "newsfacts.settings"}
    subprocess.run([sys.executable, str(MANAGE_PY), *args], env=env, check=True, capture_output=True, timeout=300)


def test_fixture_restores_into_a_fresh_database_in_another_process_and_exports_the_same_files(dataset, tmp_path):
    before = export(tmp_path / "before")
    fresh = tmp_path / "fresh.sqlite3"

    _manage("migrate", "--verbosity", "0", database=fresh)
    _manage("loaddata", str(before / "newsfacts.json"), database=fresh)
    _manage("export_dataset", str(tmp_path / "after"), database=fresh)

    assert read_files(tmp_path / "after") == read_files(before)


def test_fixture_holds_the_objects_djangos_serializer_gives_less_reviewers(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "fixture")
    querysets = [m.objects.order_by("pk") for m in (Article, Sentence, Speaker, Quote, Claim)]

    # The same encoder: Django's default one cuts datetimes to milliseconds, which would not round-trip.
    expected = json.loads(serializers.serialize("json", itertools.chain(*querysets), cls=FixtureEncoder))
    accounts = {f.name for m in (Quote, Claim) for f in m._meta.fields if f.related_model is get_user_model()}
    assert {"reviewed_by", "rejected_by"} <= accounts
    for obj in expected:
        for name in accounts:
            obj["fields"].pop(name, None)

    assert json.loads((outdir / "newsfacts.json").read_text(encoding="utf-8")) == expected


def test_a_release_with_an_empty_table_still_validates(dataset, tmp_path):
    claimant = dataset["speakers"][0]
    outdir = export(tmp_path / "release", "--claimant", str(claimant.id))

    report = frictionless.validate(str(outdir / "datapackage.json"))

    assert (outdir / "quotes.jsonl").read_bytes() == b""
    assert report.valid, report.flatten(["taskNumber", "rowNumber", "fieldName", "type", "message"])
