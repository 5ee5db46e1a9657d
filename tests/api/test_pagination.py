"""Keyset pagination over any ordering: every row once, NULLs last, links, counts and forged cursors."""

from __future__ import annotations

import base64
import datetime
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory

CLAIMS = reverse("api:claim-list")


def walk(client, url: str, key: str = "next") -> list[dict]:
    rows: list[dict] = []
    while url:
        response = client.get(url)
        assert response.status_code == 200, response.json()
        body = response.json()
        rows += body["results"] if key == "next" else list(reversed(body["results"]))
        url = body[key]
    return rows


def cursor(payload: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=")


@pytest.fixture
def claims(db):
    """Seven claims over dates with ties and an undated article, and claimants with ties and none."""
    dates = [datetime.date(2024, 1, 1), datetime.date(2024, 1, 1), datetime.date(2023, 5, 5), None]
    articles = [ArticleFactory(published=date) for date in dates]
    speakers = [SpeakerFactory(name="Same Name"), SpeakerFactory(name="Same Name"), None]
    return [ClaimFactory(article=articles[i % len(articles)], claimant=speakers[i % len(speakers)]) for i in range(7)]


@pytest.mark.parametrize("ordering", ["-published,id", "published", "-claimant,-id", "claimant,published", "-id"])
@pytest.mark.parametrize("page_size", [1, 2, 3])
def test_walking_any_ordering_returns_every_row_once_in_that_order(api_client, claims, ordering, page_size):
    rows = walk(api_client, f"{CLAIMS}?ordering={ordering}&page_size={page_size}")
    whole = api_client.get(CLAIMS, {"ordering": ordering, "page_size": 100}).json()["results"]
    assert [r["id"] for r in rows] == [r["id"] for r in whole]
    assert sorted(r["id"] for r in rows) == sorted(c.pk for c in claims)


def test_empty_dates_sort_last_both_ways(api_client, claims):
    undated = {c.pk for c in claims if c.article.published is None}
    for ordering in ("published", "-published"):
        ids = [r["id"] for r in api_client.get(CLAIMS, {"ordering": ordering}).json()["results"]]
        assert set(ids[-len(undated) :]) == undated


@pytest.mark.parametrize("ordering", ["-published,id", "claimant", "id"])
def test_walking_back_with_previous_links_returns_the_same_rows(api_client, claims, ordering):
    forward = walk(api_client, f"{CLAIMS}?ordering={ordering}&page_size=2")
    last_page = api_client.get(CLAIMS, {"ordering": ordering, "page_size": 2}).json()
    while last_page["next"]:
        last_page = api_client.get(last_page["next"]).json()
    backward = list(reversed(last_page["results"])) + walk(api_client, last_page["previous"], key="previous")
    assert [r["id"] for r in reversed(backward)] == [r["id"] for r in forward]


def test_the_first_page_has_no_previous_link(api_client, claims):
    assert api_client.get(CLAIMS, {"page_size": 2}).json()["previous"] is None


def test_the_count_is_not_carried_into_the_links(api_client, claims):
    body = api_client.get(CLAIMS, {"page_size": 2, "count": "true"}).json()
    assert body["count"] == len(claims)
    assert "count" not in api_client.get(body["next"]).json()


def test_the_count_follows_the_filters(api_client, claims):
    speaker = claims[0].claimant
    body = api_client.get(CLAIMS, {"claimant": speaker.pk, "count": "1"}).json()
    assert body["count"] == sum(1 for c in claims if c.claimant == speaker)


def test_the_largest_page_size_is_accepted(api_client, claims):
    assert api_client.get(CLAIMS, {"page_size": 1000}).status_code == 200


def test_a_cursor_used_with_another_ordering_is_400(api_client, claims):
    next_url = api_client.get(CLAIMS, {"page_size": 2, "ordering": "-published"}).json()["next"]
    token = next_url.split("cursor=")[1].split("&")[0]
    response = api_client.get(CLAIMS, {"cursor": token, "ordering": "id"})
    assert response.status_code == 400
    assert "cursor" in response.json()


@pytest.mark.parametrize(
    "payload",
    [
        {"o": "id", "p": [10**30], "r": False},
        {"o": "id", "p": ["1"], "r": False},
        {"o": "id", "p": [None], "r": False},
        {"o": "id", "p": [1, 2], "r": False},
        {"o": "id", "p": [1], "r": "yes"},
        {"o": "-published,id", "p": ["not a date", 1], "r": False},
        {"o": "-published,id", "p": [20240101, 1], "r": False},
        {"o": "id", "p": 1, "r": False},
        {"p": [1]},
    ],
)
def test_a_forged_cursor_is_400_not_a_server_error(api_client, claims, payload):
    ordering = payload.get("o", "id").removesuffix(",id")
    response = api_client.get(CLAIMS, {"cursor": cursor(payload), "ordering": ordering})
    assert response.status_code == 400
    assert "cursor" in response.json()


@pytest.mark.parametrize(
    ("url", "ordering", "value"),
    [
        (CLAIMS, "reviewed_at", "9999-12-31T23:59:59-01:00"),
        (CLAIMS, "-reviewed_at", "0001-01-01T00:00:00+01:00"),
        ("/api/v1/articles/", "ingested_at", "9999-12-31T23:59:59-01:00"),
        ("/api/v1/articles/", "published", "0000-01-01"),
    ],
)
def test_a_cursor_at_the_edge_of_the_calendar_is_400_not_a_server_error(api_client, claims, url, ordering, value):
    payload = {"o": f"{ordering},id", "p": [value, 1], "r": False}

    response = api_client.get(url, {"cursor": cursor(payload), "ordering": ordering})

    assert response.status_code == 400
    assert "cursor" in response.json()


def test_a_cursor_that_is_not_base64_json_is_400(api_client, claims):
    for token in ("%%%", "bm90IGpzb24", cursor([1, 2])):  # type: ignore[arg-type]
        assert api_client.get(CLAIMS, {"cursor": token}).status_code == 400


def test_the_count_runs_on_the_filtered_table_without_the_lists_joins(api_client, claims):
    speaker = claims[0].claimant
    with CaptureQueriesContext(connection) as queries:
        api_client.get(CLAIMS, {"claimant": speaker.pk, "status": "unverified", "count": "true"})
    count_sql = next(q["sql"] for q in queries.captured_queries if "COUNT(" in q["sql"].upper())
    assert "JOIN" not in count_sql.upper()


@pytest.mark.parametrize(("ordering", "selected"), [("", False), ("claimant", False), ("-published", True)])
def test_the_list_selects_the_publication_date_only_when_ordered_by_it(api_client, claims, ordering, selected):
    # The date is not in a claim's row; only a cursor over it needs the column.
    with CaptureQueriesContext(connection) as queries:
        assert api_client.get(CLAIMS, {"ordering": ordering} if ordering else {}).status_code == 200
    list_sql = next(q["sql"] for q in queries.captured_queries if '"newsfacts_claim"."text"' in q["sql"])
    assert ('"newsfacts_article"."published"' in list_sql) is selected
