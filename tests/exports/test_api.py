"""The API side of exports: ?format=csv|ndjson on any filtered list, streamed; /api/v1/exports/ lists and serves."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.test import override_settings

from newsfacts.models import Article, Claim, Quote, Sentence, Speaker
from tests.exports.conftest import export, releases_at


def listed_ids(model) -> list[int]:
    """The ids a list shows: quotes and claims editors rejected are left out unless asked for."""
    rows = model.objects.live() if model in (Quote, Claim) else model.objects.all()
    return sorted(rows.values_list("id", flat=True))


LISTS = [
    ("/api/v1/articles/", Article),
    ("/api/v1/sentences/", Sentence),
    ("/api/v1/speakers/", Speaker),
    ("/api/v1/quotes/", Quote),
    ("/api/v1/claims/", Claim),
]


def _body(response) -> str:
    assert response.streaming, "the list should stream"
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.mark.parametrize(("url", "model"), LISTS)
def test_ndjson_of_a_list_streams_every_row_without_pagination(dataset, api_client, url, model):
    response = api_client.get(url, {"format": "ndjson"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in _body(response).splitlines()]
    assert sorted(row["id"] for row in rows) == listed_ids(model)


@pytest.mark.parametrize(("url", "model"), LISTS)
def test_csv_of_a_list_has_a_header_and_a_row_per_object(dataset, api_client, url, model):
    response = api_client.get(url, {"format": "csv"})

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(_body(response), newline="")))
    assert sorted(int(row["id"]) for row in rows) == listed_ids(model)


def test_filters_and_ordering_apply_to_streamed_lists(dataset, api_client):
    response = api_client.get("/api/v1/claims/", {"format": "ndjson", "status": "false,verified", "ordering": "-id"})

    rows = [json.loads(line) for line in _body(response).splitlines()]
    expected = Claim.objects.filter(status__in=["false", "verified"]).order_by("-id")
    assert [row["id"] for row in rows] == list(expected.values_list("id", flat=True))
    assert {row["status"] for row in rows} == {"false", "verified"}


def test_accept_header_picks_the_streamed_format_too(dataset, api_client):
    response = api_client.get("/api/v1/speakers/", HTTP_ACCEPT="text/csv")

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert _body(response).startswith("id,name,slug,")


def test_streamed_rows_match_the_release_tables(dataset, api_client, tmp_path):
    outdir = export(tmp_path / "release", "--format", "jsonl")

    response = api_client.get("/api/v1/claims/", {"format": "ndjson", "ordering": "id", "rejected": "false"})

    assert _body(response) == (outdir / "claims.jsonl").read_text(encoding="utf-8")


def test_bad_filter_value_with_a_streamed_format_is_a_json_400(dataset, api_client):
    response = api_client.get("/api/v1/claims/", {"format": "csv", "status": "bogus"})

    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/json")
    assert "status" in response.json()


def test_detail_does_not_offer_the_list_formats(dataset, api_client):
    claim = dataset["claims"][0]

    response = api_client.get(f"/api/v1/claims/{claim.id}/", {"format": "csv"})

    assert response.status_code == 400
    assert "format" in response.json()


def test_openapi_schema_lists_the_streamed_formats(db, api_client):
    response = api_client.get("/api/v1/schema/", {"format": "json"})

    schema = response.json()
    claims_list = schema["paths"]["/api/v1/claims/"]["get"]
    formats = next(p for p in claims_list["parameters"] if p["name"] == "format")
    assert {"csv", "ndjson"} <= set(formats["schema"]["enum"])
    content = claims_list["responses"]["200"]["content"]
    assert content["text/csv"]["schema"]["type"] == "string"
    assert "claimant_wikidata_id" in content["application/x-ndjson"]["schema"]["description"]
    assert "$ref" in content["application/json"]["schema"]
    assert "/api/v1/exports/{name}/files/{path}/" in schema["paths"]


def test_releases_are_listed_with_version_and_files_from_their_data_package(dataset, api_client, tmp_path):
    export(tmp_path / "2026-03", "--release-version", "1.0.0", "--format", "fever")
    export(tmp_path / "2026-04", "--release-version", "1.1.0", "--status", "false", "--format", "jsonl")
    (tmp_path / ".2026-05.abc.partial").mkdir()  # an export still running
    (tmp_path / "notes").mkdir()  # not a release

    with override_settings(STORAGES=releases_at(tmp_path)):
        response = api_client.get("/api/v1/exports/")

    assert response.status_code == 200
    releases = {r["name"]: r for r in response.json()}
    assert set(releases) == {"2026-03", "2026-04"}
    assert releases["2026-04"]["version"] == "1.1.0"
    assert releases["2026-04"]["filters"] == {"status": ["false"]}
    fever = releases["2026-03"]["files"][0]
    assert fever["path"] == "fever.jsonl"
    assert fever["bytes"] == (tmp_path / "2026-03" / "fever.jsonl").stat().st_size
    assert fever["hash"].startswith("sha256:")


def test_a_release_lists_its_sqlite_database_once_with_its_size(dataset, api_client, tmp_path):
    export(tmp_path / "2026-03", "--format", "sqlite")

    with override_settings(STORAGES=releases_at(tmp_path)):
        (release,) = api_client.get("/api/v1/exports/").json()

    (database,) = [file for file in release["files"] if file["path"] == "newsfacts.sqlite"]
    assert database["name"] == "newsfacts-sqlite"
    assert database["bytes"] == (tmp_path / "2026-03" / "newsfacts.sqlite").stat().st_size


def test_a_release_file_is_served_for_download(dataset, api_client, tmp_path):
    outdir = export(tmp_path / "r1", "--format", "fever")

    with override_settings(STORAGES=releases_at(tmp_path)):
        listed = api_client.get("/api/v1/exports/r1/").json()
        response = api_client.get(listed["files"][0]["url"])
        package = api_client.get(listed["datapackage_url"])

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == (outdir / "fever.jsonl").read_bytes()
    assert response["Content-Type"] == "application/jsonl"
    assert 'filename="fever.jsonl"' in response["Content-Disposition"]
    assert json.loads(b"".join(package.streaming_content))["resources"][0]["path"] == "fever.jsonl"


@pytest.mark.parametrize(
    "url",
    [
        "/api/v1/exports/r1/files/newsfacts.json/",  # not in this release
        "/api/v1/exports/missing/files/fever.jsonl/",
        "/api/v1/exports/missing/",
        "/api/v1/exports/r1/files/..%2F..%2Fsecret/",  # no route takes a path separator or a dot first
        "/api/v1/exports/.r1.partial/",
    ],
)
def test_only_files_a_release_lists_can_be_downloaded(dataset, api_client, tmp_path, url):
    export(tmp_path / "r1", "--format", "fever")
    (tmp_path / "secret").write_text("no")

    with override_settings(STORAGES=releases_at(tmp_path)):
        response = api_client.get(url)

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"  # from the view or, past every route, the API's 404


@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_a_streamed_list_is_one_query_however_many_rows(dataset, api_client, django_assert_num_queries, fmt):
    # 1. SELECT the dataset's version (the list's ETag).
    # 2. SELECT the claims with their claimant's name and Wikidata id (LEFT JOIN speaker), read in chunks
    with django_assert_num_queries(2):
        body = _body(api_client.get("/api/v1/claims/", {"format": fmt, "status": "false,verified,unverified"}))

    assert body.count("\n") >= 3


@pytest.mark.parametrize("url", ["/api/v1/exports.json", "/api/v1/exports/2026-11.json"])
def test_the_exports_endpoints_take_the_json_format_suffix(dataset, api_client, tmp_path, settings, url):
    settings.STORAGES = releases_at(tmp_path)
    export(tmp_path / "2026-11")

    response = api_client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"


def test_the_exports_list_refuses_an_unknown_parameter_naming_it(db, api_client, tmp_path, settings):
    settings.STORAGES = releases_at(tmp_path)

    response = api_client.get("/api/v1/exports/", {"status": "false"})

    assert response.status_code == 400
    assert "status" in response.json()


@pytest.mark.parametrize("fmt", ["csv", "ndjson"])
def test_the_exports_list_comes_as_csv_and_ndjson_like_every_list(dataset, api_client, tmp_path, settings, fmt):
    settings.STORAGES = releases_at(tmp_path)
    export(tmp_path / "2026-11", "--release-version", "2026.11")

    response = api_client.get("/api/v1/exports/", {"format": fmt})

    assert response.status_code == 200
    body = response.content.decode()
    if fmt == "csv":
        (row,) = csv.DictReader(io.StringIO(body, newline=""))
        files = json.loads(row["files"])
    else:
        (line,) = body.splitlines()
        row = json.loads(line)
        files = row["files"]
    assert (row["name"], row["version"]) == ("2026-11", "2026.11")
    assert "claims.csv" in {file["path"] for file in files}


def test_the_exports_list_as_csv_has_its_header_when_there_is_no_release(db, api_client, tmp_path, settings):
    settings.STORAGES = releases_at(tmp_path)

    response = api_client.get("/api/v1/exports/", {"format": "csv"})

    assert response.content.decode().splitlines()[0].startswith("name,title,version,created")


def test_the_exports_list_as_ndjson_keeps_its_content_type_when_empty(db, api_client, tmp_path, settings):
    settings.STORAGES = releases_at(tmp_path)

    response = api_client.get("/api/v1/exports/", {"format": "ndjson"})

    assert (response.status_code, response.content) == (200, b"")
    assert response["Content-Type"] == "application/x-ndjson; charset=utf-8"
