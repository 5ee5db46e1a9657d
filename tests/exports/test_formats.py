"""The research formats of a release: Parquet, the SQLite database, the dataset card, changes since a release."""

from __future__ import annotations

import datetime
import json
import sqlite3
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from django.core.management import CommandError

from newsfacts.exports.datapackage import sha256_of
from newsfacts.models import Article, Claim
from tests.exports.conftest import TABLE_NAMES, export
from tests.factories import ClaimFactory


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _plain(value):
    """A Parquet or DuckDB value as the JSON lines write it."""
    if isinstance(value, datetime.datetime):
        return value.astimezone(datetime.UTC).isoformat().replace("+00:00", "Z")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_parquet_tables_hold_the_rows_of_the_jsonl_read_with_pyarrow(dataset, tmp_path, table):
    outdir = export(tmp_path / "release")

    rows = pq.read_table(outdir / f"{table}.parquet").to_pylist()

    assert [{k: _plain(v) for k, v in row.items()} for row in rows] == _jsonl(outdir / f"{table}.jsonl")


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_duckdb_reads_the_parquet_tables_as_the_jsonl(dataset, tmp_path, table):
    outdir = export(tmp_path / "release")

    relation = duckdb.sql(f"SELECT * FROM read_parquet('{outdir / table}.parquet') ORDER BY id")
    rows = [dict(zip(relation.columns, values, strict=True)) for values in relation.fetchall()]

    assert [{k: _plain(v) for k, v in row.items()} for row in rows] == _jsonl(outdir / f"{table}.jsonl")


def test_parquet_columns_are_typed(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "parquet")

    schema = pq.read_schema(outdir / "claims.parquet")
    articles = pq.read_schema(outdir / "articles.parquet")

    assert schema.field("id").type == pa.int64() and not schema.field("id").nullable
    assert schema.field("reviewed_at").type == pa.timestamp("us", tz="UTC")
    assert schema.field("status").type == pa.dictionary(pa.int8(), pa.string())
    assert schema.field("claimant_id").nullable and schema.field("claimant_name").type == pa.string()
    assert schema.field("evidence_urls").type == pa.list_(pa.string())
    assert articles.field("published").type == pa.date32()
    assert schema.field("status").metadata[b"description"] == b"Verification status an editor set."


def test_parquet_columns_are_compressed_with_zstd_and_article_texts_with_snappy(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "parquet")

    codecs = {}
    for table in TABLE_NAMES:
        metadata = pq.ParquetFile(outdir / f"{table}.parquet").metadata
        for group in range(metadata.num_row_groups):
            for i in range(metadata.num_columns):
                column = metadata.row_group(group).column(i)
                codecs.setdefault(column.compression, set()).add(f"{table}.{column.path_in_schema}")

    assert codecs.pop("SNAPPY") == {"articles.text"}
    assert set(codecs) == {"ZSTD"}
    assert "claims.evidence_urls.list.element" in codecs["ZSTD"]


def test_sqlite_database_holds_every_table_with_the_counts_and_joins_of_the_jsonl(dataset, tmp_path):
    outdir = export(tmp_path / "release")

    db = sqlite3.connect(outdir / "newsfacts.sqlite")
    for table in TABLE_NAMES:
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == len(_jsonl(outdir / f"{table}.jsonl"))
    joined = db.execute(
        "SELECT claims.id, speakers.name FROM claims JOIN speakers ON speakers.id = claims.claimant_id ORDER BY 1"
    ).fetchall()
    expected = [(c["id"], c["claimant_name"]) for c in _jsonl(outdir / "claims.jsonl") if c["claimant_id"]]
    assert joined == expected
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []
    reviewed = db.execute("SELECT reviewed_at, evidence_urls FROM claims WHERE status = 'false'").fetchone()
    assert reviewed[0] == "2026-03-04T05:06:07.891011Z"
    assert json.loads(reviewed[1]) == ["https://evidence.example.org/1"]


def test_sqlite_database_has_keys_indexes_and_full_text_search(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "sqlite")

    db = sqlite3.connect(outdir / "newsfacts.sqlite")
    keys = {(row[3], row[2]) for row in db.execute("PRAGMA foreign_key_list(claims)")}
    indexes = {row[1] for row in db.execute("PRAGMA index_list(claims)")}
    claim = Claim.objects.order_by("id").first()
    word = claim.text.split()[-1].strip(".,")
    found = db.execute("SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?", [f'"{word}"']).fetchall()
    plan = " ".join(str(row) for row in db.execute("EXPLAIN QUERY PLAN SELECT id FROM claims WHERE status = 'false'"))

    assert keys == {("article_id", "articles"), ("sentence_id", "sentences"), ("claimant_id", "speakers")}
    assert {"claims_status", "claims_claimant_id", "claims_article_id", "claims_kind"} <= indexes
    assert (claim.id,) in found
    assert "claims_status" in plan
    with pytest.raises(sqlite3.IntegrityError):
        db.execute("UPDATE claims SET status = 'maybe' WHERE id = ?", [claim.id])


def _card(outdir: Path) -> tuple[dict, str]:
    text = (outdir / "README.md").read_text(encoding="utf-8")
    _, matter, body = text.split("---\n", 2)
    return yaml.safe_load(matter), body


def test_dataset_card_front_matter_names_a_config_per_table_with_its_parquet_file(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--license", "CC-BY-SA-4.0")

    matter, _body = _card(outdir)

    configs = {c["config_name"]: c for c in matter["configs"]}
    assert set(configs) == set(TABLE_NAMES)
    for name, config in configs.items():
        assert [f["path"] for f in config["data_files"]] == [f"{name}.parquet"]
        assert (outdir / f"{name}.parquet").is_file()
    assert configs["claims"]["default"] is True
    assert matter["license"] == "cc-by-sa-4.0"
    assert matter["language"] == ["en"]
    assert matter["size_categories"] == ["n<1K"]


def test_dataset_card_documents_fields_statuses_counts_filters_and_citation(dataset, tmp_path):
    Article.objects.update(pipeline_version="7.2")
    outdir = export(tmp_path / "release", "--status", "false,verified", "--release-version", "3.1")

    _matter, body = _card(outdir)

    claims = len(_jsonl(outdir / "claims.jsonl"))
    assert f"| `claims` | {claims} |" in body
    assert "- `status`: false,verified" in body
    assert "| `verified` | 5 (True) | SUPPORTS |" in body
    assert "| `misleading` | 2 (Misleading) | REFUTES |" in body
    assert "| `claimant_wikidata_id` | string | The claimant's Wikidata id. |" in body
    assert "version = {3.1}" in body
    assert "Pipeline versions of the articles: `7.2`." in body


def test_dataset_card_falls_back_to_json_lines_without_parquet(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "jsonl")

    matter, _body = _card(outdir)

    assert {c["config_name"]: c["data_files"][0]["path"] for c in matter["configs"]}["quotes"] == "quotes.jsonl"


def test_data_package_lists_the_card_parquet_and_sqlite_files_with_their_hashes(dataset, tmp_path):
    outdir = export(tmp_path / "release")

    resources = {r["name"]: r for r in json.loads((outdir / "datapackage.json").read_text())["resources"]}

    for name, path in (
        ("readme-md", "README.md"),
        ("claims-parquet", "claims.parquet"),
        ("newsfacts-sqlite", "newsfacts.sqlite"),
        ("newsfacts-jsonl", "newsfacts.jsonl"),
    ):
        assert resources[name]["path"] == path
        assert resources[name]["hash"] == f"sha256:{sha256_of(outdir / path)}"
        assert resources[name]["bytes"] == (outdir / path).stat().st_size
    assert resources["claims-parquet"]["mediatype"] == "application/vnd.apache.parquet"
    assert resources["readme-md"]["mediatype"] == "text/markdown"


def test_data_package_gives_each_parquet_table_and_each_table_of_the_sqlite_database_its_schema(dataset, tmp_path):
    outdir = export(tmp_path / "release")

    resources = {r["name"]: r for r in json.loads((outdir / "datapackage.json").read_text())["resources"]}

    for table in TABLE_NAMES:
        csv_fields = resources[f"{table}-csv"]["schema"]["fields"]
        parquet, database = resources[f"{table}-parquet"], resources[f"{table}-sqlite"]
        assert parquet["schema"]["fields"] == csv_fields
        assert (database["path"], database["dialect"], database["schema"]["fields"]) == (
            "newsfacts.sqlite",
            {"table": table},
            csv_fields,
        )
        parquet_columns = pq.read_schema(outdir / f"{table}.parquet").names
        with sqlite3.connect(outdir / "newsfacts.sqlite") as db:
            database_columns = [row[1] for row in db.execute(f"PRAGMA table_info({table})")]
        assert [field["name"] for field in csv_fields] == parquet_columns == database_columns
    assert {"fields": ["claimant_id"], "reference": {"resource": "speakers-sqlite", "fields": ["id"]}} in resources[
        "claims-sqlite"
    ]["schema"]["foreignKeys"]


def test_since_release_lists_ids_added_changed_and_removed(dataset, tmp_path):
    earlier = export(tmp_path / "earlier", "--release-version", "1")
    first, second, *_ = dataset["claims"]
    first.rationale = "Checked again."
    first.save()
    removed_id = second.id
    second.delete()
    added = ClaimFactory(article=dataset["articles"][0], claimant=dataset["speakers"][0])

    outdir = export(tmp_path / "later", "--since-release", str(earlier))

    changes = _jsonl(outdir / "changes.jsonl")
    assert {(c["id"], c["change"]) for c in changes if c["table"] == "claims"} == {
        (first.id, "changed"),
        (removed_id, "removed"),
        (added.id, "added"),
    }
    assert {c["table"] for c in changes} <= {"claims", "sentences"}  # the new claim may bring its sentence
    package = json.loads((outdir / "datapackage.json").read_text())
    assert package["since"]["version"] == "1"
    assert "changes.jsonl" in {r["path"] for r in package["resources"]}
    _matter, body = _card(outdir)
    assert "- `claims`: 1 added, 1 changed, 1 removed" in body


def test_since_release_of_the_same_data_lists_no_change(dataset, tmp_path):
    earlier = export(tmp_path / "earlier")

    outdir = export(tmp_path / "later", "--format", "csv", "--since-release", str(earlier))

    assert (outdir / "changes.jsonl").read_bytes() == b""


def test_api_filters_apply_to_every_format(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--status", "false")

    db = sqlite3.connect(outdir / "newsfacts.sqlite")
    parquet = pq.read_table(outdir / "quotes.parquet").to_pylist()

    assert db.execute("SELECT DISTINCT status FROM claims").fetchall() == [("false",)]
    assert [row["status"] for row in parquet] == ["false"]
    assert db.execute("SELECT count(*) FROM speakers").fetchone()[0] == len(_jsonl(outdir / "speakers.jsonl"))


def test_rejected_items_are_left_out_of_the_main_tables_and_kept_in_their_own_in_every_format(dataset, tmp_path):
    outdir = export(tmp_path / "release")
    claim, quote = dataset["rejected"]
    db = sqlite3.connect(outdir / "newsfacts.sqlite")

    for kind, item in (("claims", claim), ("quotes", quote)):
        jsonl = {row["id"] for row in _jsonl(outdir / f"{kind}.jsonl")}
        parquet_ids = set(pq.read_table(outdir / f"{kind}.parquet").column("id").to_pylist())
        sqlite_ids = {row[0] for row in db.execute(f"SELECT id FROM {kind}")}
        csv_ids = {int(line.split(",")[0]) for line in (outdir / f"{kind}.csv").read_text().splitlines()[1:]}
        assert item.id not in jsonl | parquet_ids | sqlite_ids | csv_ids
        assert jsonl == parquet_ids == sqlite_ids == csv_ids
        (rejected,) = _jsonl(outdir / f"rejected_{kind}.jsonl")
        assert (rejected["id"], rejected["rejected_reason"]) == (item.id, item.rejected_reason)
        assert rejected["rejected_at"] == "2026-03-04T05:06:07.891011Z"
        assert "rejected_by" not in rejected  # editors' accounts are not published
        assert db.execute(f"SELECT id, rejected_reason FROM rejected_{kind}").fetchall() == [
            (item.id, item.rejected_reason)
        ]
        assert pq.read_table(outdir / f"rejected_{kind}.parquet").column("id").to_pylist() == [item.id]
    assert str(claim.id) not in {str(row["id"]) for row in _jsonl(outdir / "fever.jsonl")}


def test_the_fixture_restores_rejected_items_as_rejected(dataset, tmp_path):
    outdir = export(tmp_path / "release", "--format", "fixture-jsonl")
    claim, _quote = dataset["rejected"]

    objects = [json.loads(line) for line in (outdir / "newsfacts.jsonl").read_text().splitlines()]

    (restored,) = [o for o in objects if o["model"] == "newsfacts.claim" and o["pk"] == claim.id]
    assert restored["fields"]["rejected_reason"] == "not_claim"
    assert "rejected_by" not in restored["fields"]


def test_since_release_needs_an_earlier_release_with_json_lines(dataset, tmp_path):
    earlier = export(tmp_path / "earlier", "--format", "csv")

    with pytest.raises(CommandError, match="no JSON lines tables"):
        export(tmp_path / "later", "--since-release", str(earlier))


def test_a_table_the_earlier_release_lacks_counts_every_row_as_added(dataset, tmp_path):
    earlier = export(tmp_path / "earlier", "--format", "jsonl")
    package = json.loads((earlier / "datapackage.json").read_text())
    package["resources"] = [r for r in package["resources"] if r["path"] != "rejected_claims.jsonl"]
    (earlier / "datapackage.json").write_text(json.dumps(package))

    outdir = export(tmp_path / "later", "--format", "jsonl", "--since-release", str(earlier))

    changes = _jsonl(outdir / "changes.jsonl")
    assert changes == [{"table": "rejected_claims", "id": dataset["rejected"][0].id, "change": "added"}]


@pytest.mark.parametrize(
    ("table", "column", "description"),
    [("quotes", "speaker_description", "a senior official"), ("claims", "claimant_description", "a port official")],
)
def test_an_item_of_an_unnamed_source_carries_its_description_in_every_format(
    dataset, tmp_path, table, column, description
):
    outdir = export(tmp_path / "release")
    wanted = {description}
    assert wanted <= {row[column] for row in _jsonl(outdir / f"{table}.jsonl")}
    assert wanted <= {row[column] for row in pq.read_table(outdir / f"{table}.parquet").to_pylist()}
    with sqlite3.connect(outdir / "newsfacts.sqlite") as db:
        assert wanted <= {row[0] for row in db.execute(f"SELECT {column} FROM {table}")}
    assert description in (outdir / f"{table}.csv").read_text(encoding="utf-8")
    fixture = [json.loads(line) for line in (outdir / "newsfacts.jsonl").read_text(encoding="utf-8").splitlines()]
    assert wanted <= {obj["fields"].get(column) for obj in fixture if obj["model"] == f"newsfacts.{table[:-1]}"}
    schema = json.loads((outdir / "datapackage.json").read_text(encoding="utf-8"))
    resource = next(r for r in schema["resources"] if r["name"] == f"{table}-csv")
    assert column in [field["name"] for field in resource["schema"]["fields"]]
    assert f"`{column}`" in (outdir / "README.md").read_text(encoding="utf-8")
