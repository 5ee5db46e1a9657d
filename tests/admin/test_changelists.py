"""Every admin changelist runs a constant number of queries, however many rows the page shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

# session, user, the user's permissions, the group permissions, the count, the page (relations joined or counted in
# subqueries). The article list adds date_hierarchy's min/max and years, and the distinct languages, publishers
# and site names.
CHANGELISTS = [
    ("admin:newsfacts_claim_review", 6),
    ("admin:newsfacts_claim_changelist", 6),
    ("admin:newsfacts_quote_review", 6),
    ("admin:newsfacts_quote_changelist", 6),
    ("admin:newsfacts_speaker_changelist", 6),
    ("admin:newsfacts_sentence_changelist", 6),
    ("admin:newsfacts_article_changelist", 11),
]


def make_rows(articles: int) -> None:
    for _ in range(articles):
        article = ArticleFactory()
        for _ in range(10):
            ClaimFactory(article=article, claimant=SpeakerFactory())
            QuoteFactory(article=article, speaker=SpeakerFactory())


@pytest.mark.parametrize(("url_name", "queries"), CHANGELISTS)
def test_changelist_queries_do_not_grow_with_rows(editor_web, django_assert_max_num_queries, url_name, queries):
    url = reverse(url_name)
    make_rows(1)
    with django_assert_max_num_queries(queries):
        assert editor_web.get(url).status_code == 200
    make_rows(5)
    with django_assert_max_num_queries(queries):
        response = editor_web.get(url)
    assert len(response.context["cl"].result_list) >= 5
