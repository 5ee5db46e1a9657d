"""The article and sentence admin: ingested text read only, sentences inline, links into the review queue."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def test_article_list_links_to_what_is_left_to_review(editor_web):
    article = ArticleFactory()
    QuoteFactory.create_batch(2, article=article)
    ClaimFactory(article=article, status="verified", rationale="ok")
    html = editor_web.get(reverse("admin:newsfacts_article_changelist")).content.decode()
    assert f'{reverse("admin:newsfacts_quote_review")}?article={article.pk}">2</a>' in html


def test_article_page_shows_sentences_read_only_with_raw_text_and_hash(superuser, client, article):
    client.force_login(superuser)
    response = client.get(reverse("admin:newsfacts_article_change", args=[article.pk]))
    assert response.status_code == 200
    form = response.context["adminform"].form
    # Even a superuser cannot edit what the offsets point into.
    assert {"text", "sha256", "ingested_at"}.isdisjoint(form.fields)
    assert "title" in form.fields
    html = response.content.decode()
    assert article.sha256 in html
    inline = response.context["inline_admin_formsets"][0]
    assert len(inline.forms) == 5
    assert not inline.has_add_permission and not inline.has_change_permission


def test_sentence_offsets_and_text_are_read_only(superuser, client, article):
    client.force_login(superuser)
    sentence = article.sentences.first()
    response = client.get(reverse("admin:newsfacts_sentence_change", args=[sentence.pk]))
    assert response.status_code == 200
    assert not {"start", "end", "text", "position", "article"} & set(response.context["adminform"].form.fields)


def test_articles_are_not_added_in_the_admin(superuser, client):
    client.force_login(superuser)
    assert client.get(reverse("admin:newsfacts_article_add")).status_code == 403
