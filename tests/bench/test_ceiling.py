"""The load test's ceiling views answer the stored page of the claimant asked for, through each layer of the stack."""

from __future__ import annotations

import json

import pytest

from bench import ceiling

PAGE = {"next": None, "previous": None, "results": [{"id": 1, "text": "The council spent 4 million on roads."}]}


@pytest.fixture
def stored_pages(tmp_path, monkeypatch):
    path = tmp_path / "pages.json"
    path.write_text(json.dumps({"7": json.dumps(PAGE, separators=(",", ":"))}))
    monkeypatch.setenv("BENCH_CEILING_PAGES", str(path))
    ceiling._pages.cache_clear()
    ceiling._data.cache_clear()
    yield
    ceiling._pages.cache_clear()
    ceiling._data.cache_clear()


@pytest.mark.urls("bench.ceiling")
@pytest.mark.parametrize("view", ["django", "drf", "drf-render"])
def test_each_ceiling_view_answers_the_stored_page_of_the_claimant(client, stored_pages, view):
    response = client.get(f"/ceiling/{view}/?status=verified&claimant=7", HTTP_ACCEPT="application/json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.content == json.dumps(PAGE, separators=(",", ":")).encode()
