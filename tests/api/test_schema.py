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


@pytest.mark.parametrize(("resource", "field"), [("Quote", "speaker_description"), ("Claim", "claimant_description")])
def test_an_unnamed_sources_description_is_documented_and_writable(schema, resource, field):
    components = schema["components"]["schemas"]
    documented = components[resource]["properties"][field]
    assert "readOnly" not in documented and "senior official" in documented["description"]
    assert field in components[f"Patched{resource}Request"]["properties"]
    assert field in components[f"{resource}Request"]["properties"]


def test_schema_and_docs_are_served(db, client):
    assert client.get(reverse("api:schema")).status_code == 200
    assert client.get(reverse("api:docs")).status_code == 200


def test_the_redoc_page_links_no_font_host(db, client):
    body = client.get("/api/v1/redoc/").content.decode()

    assert "fonts.googleapis.com" not in body
    assert "fonts.gstatic.com" not in body
