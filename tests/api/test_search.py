"""?q= on the API lists: relevance ordering under the keyset cursor, highlighted fragments, and clear errors."""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from newsfacts import search
from tests.factories import ArticleFactory, ClaimFactory, SpeakerFactory

CLAIMS = reverse("api:claim-list")


def claim_saying(text: str, **kwargs):
    return ClaimFactory(article=ArticleFactory(text=f"{text} Sentence 1 follows it."), **kwargs)


@pytest.fixture
def ranked(db):
    """Claims mentioning "orbit" more or less densely, and one found only by its claimant's name."""
    speaker = SpeakerFactory(name="Orbit Watcher", slug="orbit-watcher")
    return {
        "dense": claim_saying("Orbit, orbit, orbit: the orbit."),
        "sparse": claim_saying("The satellite reached its planned orbit after a long climb through the clouds today."),
        "middle": claim_saying("The orbit was lower than the planned orbit."),
        "by_name": claim_saying("Nothing about it here.", claimant=speaker),
        "other": claim_saying("Unrelated words only."),
    }


def ids(response) -> list[int]:
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


def test_ordering_by_relevance_puts_the_best_match_first_and_name_only_matches_last(ranked, api_client):
    found = ids(api_client.get(CLAIMS, {"q": "orbit", "ordering": "relevance"}))
    assert found[0] == ranked["dense"].pk
    assert found[-1] == ranked["by_name"].pk
    assert set(found) == {ranked[name].pk for name in ("dense", "sparse", "middle", "by_name")}


def test_a_walk_by_relevance_pages_through_every_match_once_in_order(ranked, api_client):
    whole = ids(api_client.get(CLAIMS, {"q": "orbit", "ordering": "relevance"}))
    walked, url, params = [], CLAIMS, {"q": "orbit", "ordering": "relevance", "page_size": 1}
    for _ in range(10):
        if not url:
            break
        page = api_client.get(url, params).json()
        walked += [row["id"] for row in page["results"]]
        url, params = page["next"], None
    assert walked == whole
    backwards = api_client.get(CLAIMS, {"q": "orbit", "ordering": "-relevance"})
    assert ids(backwards)[-1] == ranked["dense"].pk


def test_ordering_by_relevance_without_a_search_is_a_400_naming_ordering(db, api_client):
    response = api_client.get(CLAIMS, {"ordering": "relevance"})
    assert response.status_code == 400
    assert list(response.json()) == ["ordering"]


@pytest.mark.parametrize(
    ("params", "parameter"),
    [
        ({"q": "-orbit"}, "q"),
        ({"highlight": "true"}, "highlight"),
        ({"q": "orbit", "highlight": "maybe"}, "highlight"),
    ],
)
def test_a_search_with_nothing_to_find_or_a_lone_highlight_is_a_400_naming_it(db, api_client, params, parameter):
    response = api_client.get(CLAIMS, params)
    assert response.status_code == 400
    assert list(response.json()) == [parameter]


@pytest.mark.parametrize(
    "typed", ['orbit"', "orbit AND", "NEAR(orbit", "orbit:", "^orbit", "orbit OR OR", "(orbit", "'orbit", "orbit*ing"]
)
def test_index_syntax_typed_in_a_search_is_searched_for_not_a_500(ranked, api_client, typed):
    assert api_client.get(CLAIMS, {"q": typed}).status_code == 200


@pytest.mark.parametrize("path", ["quote-list", "sentence-list", "article-list", "speaker-list"])
def test_every_searchable_list_orders_by_relevance(db, api_client, path):
    ClaimFactory()
    response = api_client.get(reverse(f"api:{path}"), {"q": "sentence article", "ordering": "relevance"})
    assert response.status_code == 200


def test_a_search_of_symbols_alone_is_an_empty_list(ranked, api_client):
    assert ids(api_client.get(CLAIMS, {"q": "😀'\";--", "highlight": "true"})) == []


def test_highlight_marks_the_matched_words_and_escapes_the_text(db, api_client):
    claim = claim_saying("Prices <b>rose</b> & fell in Zürich.")
    row = api_client.get(CLAIMS, {"q": "zurich rose", "highlight": "true"}).json()["results"][0]
    assert row["id"] == claim.pk
    highlight = row["highlight"]
    assert "<mark>rose</mark>" in highlight
    assert "<mark>Zürich</mark>" in highlight
    assert highlight.startswith("Prices")
    # The text's own markup never comes through as markup (PostgreSQL drops tags, SQLite escapes them).
    assert "<b>" not in highlight
    assert "&amp;" in highlight


def test_sentences_carry_a_highlight_when_asked_and_not_otherwise(db, api_client):
    claim = claim_saying("The café opened.")
    url = reverse("api:sentence-list")
    row = api_client.get(url, {"q": "cafe", "highlight": "true"}).json()["results"][0]
    assert row["id"] == claim.sentence_id
    assert "The <mark>café</mark> opened" in row["highlight"]
    assert "highlight" not in api_client.get(url, {"q": "cafe"}).json()["results"][0]


def test_a_search_past_its_time_limit_is_a_503_naming_q(ranked, api_client, monkeypatch):
    monkeypatch.setattr(search, "time_limit", lambda seconds, using=None: _Raising())
    response = api_client.get(CLAIMS, {"q": "orbit", "ordering": "relevance"})
    assert response.status_code == 503
    assert list(response.json()) == ["q"]


class _Raising:
    """A time limit that the search always runs past."""

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        raise search.SearchTimeout()


@override_settings(NEWSFACTS_SEARCH_TIMEOUT_MS=0)
def test_a_search_without_a_limit_still_answers(ranked, api_client):
    assert ids(api_client.get(CLAIMS, {"q": "orbit"}))
