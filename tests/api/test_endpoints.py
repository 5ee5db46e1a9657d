"""Behaviour every list and detail endpoint shares, configured by class attributes (NetBox utilities/testing/api.py)."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory


class EndpointTests:
    """Subclasses set the route name, how to make rows, and the number of queries one list page takes."""

    name: ClassVar[str] = ""
    list_queries: ClassVar[int] = 2
    ordering: ClassVar[str] = "-id"
    filter_query: ClassVar[str] = "id=1"

    def make(self, n: int) -> list[Any]:
        raise NotImplementedError

    @property
    def list_url(self) -> str:
        return reverse(f"api:{self.name}-list")

    def detail_url(self, pk: int) -> str:
        return reverse(f"api:{self.name}-detail", kwargs={"pk": pk})

    def test_list_is_public_and_paginated_without_a_count(self, db, api_client):
        self.make(3)
        response = api_client.get(self.list_url)
        assert response.status_code == 200
        body = response.json()
        assert set(body) == {"next", "previous", "results"}
        assert len(body["results"]) == 3

    def test_count_is_added_only_when_asked(self, db, api_client):
        self.make(3)
        assert api_client.get(self.list_url, {"count": "true", "page_size": 1}).json()["count"] == 3

    def test_list_takes_the_same_queries_whatever_the_page_size(self, db, api_client, django_assert_num_queries):
        self.make(6)
        for size in (1, 6):
            with django_assert_num_queries(self.list_queries):
                assert len(api_client.get(self.list_url, {"page_size": size}).json()["results"]) == size

    def test_count_costs_one_more_query(self, db, api_client, django_assert_num_queries):
        self.make(2)
        with django_assert_num_queries(self.list_queries + 1):
            api_client.get(self.list_url, {"count": "true"})

    def test_detail_carries_an_etag_and_answers_304_to_it(self, db, api_client):
        obj = self.make(1)[0]
        response = api_client.get(self.detail_url(obj.pk))
        assert response.status_code == 200
        assert response.json()["id"] == obj.pk
        etag = response.headers["ETag"]
        assert api_client.get(self.detail_url(obj.pk), HTTP_IF_NONE_MATCH=etag).status_code == 304

    def test_list_carries_an_etag_and_answers_304_to_it_reading_only_the_version(
        self, db, api_client, django_assert_num_queries
    ):
        self.make(2)
        etag = api_client.get(self.list_url)["ETag"]
        with django_assert_num_queries(1):  # the dataset's version; the page is neither queried nor built
            response = api_client.get(self.list_url, HTTP_IF_NONE_MATCH=etag)
        assert (response.status_code, response["ETag"]) == (304, etag)
        assert api_client.get(self.list_url, {"page_size": 1})["ETag"] != etag  # another page, another ETag

    def test_cursor_walk_returns_every_row_once_in_order(self, db, api_client):
        pks = sorted(obj.pk for obj in self.make(5))
        seen: list[int] = []
        url: str | None = f"{self.list_url}?page_size=2&ordering={self.ordering}"
        while url:
            body = api_client.get(url).json()
            seen += [row["id"] for row in body["results"]]
            url = body["next"]
        assert seen == (sorted(pks, reverse=True) if self.ordering == "-id" else pks)

    def test_previous_link_returns_the_previous_page(self, db, api_client):
        self.make(5)
        first = api_client.get(self.list_url, {"page_size": 2}).json()
        second = api_client.get(first["next"]).json()
        assert api_client.get(second["previous"]).json()["results"] == first["results"]

    def test_filter_applies_to_the_list(self, db, api_client):
        objs = self.make(2)
        response = api_client.get(self.list_url, {"id": objs[1].pk})
        assert [row["id"] for row in response.json()["results"]] == [objs[1].pk]

    @pytest.mark.parametrize(
        ("query", "parameter"),
        [
            ({"page_size": "0"}, "page_size"),
            ({"page_size": "1001"}, "page_size"),
            ({"page_size": "ten"}, "page_size"),
            ({"cursor": "not-a-cursor"}, "cursor"),
            ({"ordering": "nonsense"}, "ordering"),
            ({"ordering": "id,-id"}, "ordering"),
            ({"count": "perhaps"}, "count"),
            ({"id": "one"}, "id"),
            ({"no_such_filter": "1"}, "no_such_filter"),
        ],
    )
    def test_bad_parameter_gives_400_naming_it(self, db, api_client, query, parameter):
        response = api_client.get(self.list_url, query)
        assert response.status_code == 400
        assert parameter in response.json()

    def test_missing_detail_is_404(self, db, api_client):
        assert api_client.get(self.detail_url(999999)).status_code == 404


class TestArticles(EndpointTests):
    name = "article"
    # 1. SELECT the dataset's version (the list's ETag).
    # 2. SELECT the articles of the page (without their text).
    list_queries = 2
    ordering = "id"

    def make(self, n: int) -> list[Any]:
        return ArticleFactory.create_batch(n)

    def test_list_leaves_the_text_out_and_the_detail_has_it(self, db, api_client):
        article = ArticleFactory()
        assert "text" not in api_client.get(self.list_url).json()["results"][0]
        assert api_client.get(self.detail_url(article.pk)).json()["text"] == article.text


class TestSentences(EndpointTests):
    name = "sentence"
    # 1. SELECT the dataset's version (the list's ETag).
    # 2. SELECT the sentences of the page JOIN their article (brief form).
    list_queries = 2

    def make(self, n: int) -> list[Any]:
        # one sentence an article
        return [ArticleFactory(text=f"Lone sentence number {i}.").sentences.get() for i in range(n)]


class TestSpeakers(EndpointTests):
    name = "speaker"
    # 1. SELECT the dataset's version (the list's ETag).
    # 2. SELECT the speakers of the page.
    list_queries = 2

    def make(self, n: int) -> list[Any]:
        return SpeakerFactory.create_batch(n)


class TestQuotes(EndpointTests):
    name = "quote"
    # 1. SELECT the dataset's version (the list's ETag).
    # 2. SELECT the quotes of the page JOIN article, sentence, LEFT JOIN speaker (values() rows; editors' names are
    #    read by id, and these quotes have none).
    list_queries = 2

    def make(self, n: int) -> list[Any]:
        return QuoteFactory.create_batch(n)


class TestClaims(EndpointTests):
    name = "claim"
    # 1. SELECT the dataset's version (the list's ETag).
    # 2. SELECT the claims of the page JOIN article, sentence, LEFT JOIN claimant (values() rows; editors' names are
    #    read by id, and these claims have none).
    list_queries = 2

    def make(self, n: int) -> list[Any]:
        return ClaimFactory.create_batch(n)
