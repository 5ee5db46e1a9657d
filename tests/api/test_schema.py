"""The OpenAPI schema generates without warnings and documents pagination, filters and ordering."""

from __future__ import annotations

import pytest
import yaml
from django.core.management import call_command
from django.urls import reverse


@pytest.fixture(scope="module")
def schema(tmp_path_factory) -> dict:
    path = tmp_path_factory.mktemp("schema") / "schema.yml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(path))
    return yaml.safe_load(path.read_text())


def test_schema_validates_without_warnings(schema):
    assert schema["openapi"].startswith("3.")


@pytest.mark.parametrize("resource", ["articles", "sentences", "speakers", "quotes", "claims"])
def test_every_list_documents_cursor_page_size_count_and_ordering(schema, resource):
    names = {p["name"] for p in schema["paths"][f"/api/v1/{resource}/"]["get"]["parameters"]}
    assert {"cursor", "page_size", "count", "ordering", "id"} <= names


def test_claim_list_documents_its_filters(schema):
    names = {p["name"] for p in schema["paths"]["/api/v1/claims/"]["get"]["parameters"]}
    assert {"status", "kind", "claimant", "claimant_slug", "publisher", "published_after", "reviewed", "q"} <= names


def test_claim_write_takes_a_claimant_id_and_reads_it_in_brief(schema):
    components = schema["components"]["schemas"]
    assert components["PatchedClaimRequest"]["properties"]["claimant"]["type"] == "integer"
    assert components["Claim"]["properties"]["claimant"]["allOf"][0]["$ref"].endswith("/SpeakerBrief")


def test_a_quotes_unnamed_source_is_documented_read_only(schema):
    field = schema["components"]["schemas"]["Quote"]["properties"]["speaker_description"]
    assert field["readOnly"] is True and "senior official" in field["description"]


def test_a_claims_unnamed_claimant_is_documented_and_writable(schema):
    properties = schema["components"]["schemas"]["Claim"]["properties"]
    field = properties["claimant_description"]
    assert "readOnly" not in field and "senior official" in field["description"]
    assert "claimant_description" in schema["components"]["schemas"]["PatchedClaimRequest"]["properties"]


def test_schema_and_docs_are_served(db, client):
    assert client.get(reverse("api:schema")).status_code == 200
    assert client.get(reverse("api:docs")).status_code == 200


def test_the_redoc_page_links_no_font_host(db, client):
    body = client.get("/api/v1/redoc/").content.decode()

    assert "fonts.googleapis.com" not in body
    assert "fonts.gstatic.com" not in body
