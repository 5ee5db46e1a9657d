"""A list's compiled SQL is kept per set of query parameters and reused with each request's cursor values."""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.urls import reverse

from api import statements
from api.filters import OrderKey
from api.rows import RowListMixin
from newsfacts.models import Claim
from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory

CLAIMS = reverse("api:claim-list")


@pytest.fixture
def compiles(monkeypatch):
    """Every compilation of a list page's query, counted; no statement kept from an earlier test."""
    monkeypatch.setattr(RowListMixin, "_statements", {})
    calls: list[str] = []
    compiled = statements._compiled

    def counted(page):
        calls.append(str(page.query.low_mark))
        return compiled(page)

    monkeypatch.setattr(statements, "_compiled", counted)
    return calls


@pytest.fixture
def claims(db):
    speakers = [SpeakerFactory(name=name) for name in ("Ana", "Bo", "Cy")]
    articles = [ArticleFactory(published=datetime.date(2024, 1, day)) for day in (1, 2, 3)]
    return [ClaimFactory(article=articles[i % 3], claimant=speakers[i % 3], confidence=i / 10) for i in range(7)]


def walk(client, url):
    ids = []
    while url:
        body = client.get(url).json()
        ids += [row["id"] for row in body["results"]]
        url = body["next"]
    return ids


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("id", lambda c: c.pk),
        ("-confidence", lambda c: (-c.confidence, c.pk)),
        ("-published,id", lambda c: (-c.article.published.toordinal(), c.pk)),
        ("claimant", lambda c: (c.claimant.name, c.pk)),
    ],
)
def test_a_walk_compiles_its_first_page_and_its_first_cursor_page_only(
    api_client, claims, compiles, ordering, expected
):
    ids = walk(api_client, f"{CLAIMS}?ordering={ordering}&page_size=1")
    assert ids == [claim.pk for claim in sorted(claims, key=expected)]
    # The first page once; the first page after a cursor twice (with marker values, then checked with its own).
    assert len(compiles) == 3


def test_a_reused_statement_shows_what_was_written_since(api_client, claims, compiles):
    url = f"{CLAIMS}?claimant={claims[0].claimant_id}"
    before = [row["id"] for row in api_client.get(url).json()["results"]]
    added = ClaimFactory(claimant=claims[0].claimant)
    after = [row["id"] for row in api_client.get(url).json()["results"]]
    assert after == [*before, added.pk]
    assert len(compiles) == 1


def test_other_parameters_are_another_statement(api_client, claims, compiles):
    for claim in claims[:2]:
        rows = api_client.get(CLAIMS, {"claimant": claim.claimant_id}).json()["results"]
        assert {row["claimant"]["id"] for row in rows} == {claim.claimant_id}
    assert len(compiles) == 2


def test_a_bad_cursor_on_a_kept_statement_is_still_a_400(api_client, claims, compiles):
    first = api_client.get(CLAIMS, {"page_size": 1}).json()
    assert api_client.get(first["next"]).status_code == 200
    assert api_client.get(first["next"][:-3] + "xyz").status_code == 400


def test_a_page_whose_sql_changes_with_the_cursor_values_is_not_kept(db):
    key = OrderKey.of(Claim, "id", "id")
    base = Claim.objects.values("id").order_by("id")

    def page(values):
        # SQL that depends on the value itself (the marker is negative, a real id is not): never reusable.
        return base.filter(id__gt=values[0])[:2] if values[0] > 0 else base.filter(id__lt=values[0])[:2]

    assert statements._statement([key], [5], page, connection) is None


def test_a_page_whose_sql_only_binds_the_cursor_values_is_kept(db):
    key = OrderKey.of(Claim, "id", "id")
    base = Claim.objects.values("id").order_by("id")
    statement = statements._statement([key], [5], lambda values: base.filter(id__gt=values[0])[:2], connection)
    assert statement is not None
    assert len(statement.slots) == 1
