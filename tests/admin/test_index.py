"""The admin index starts an editor's day at the review queues."""

from __future__ import annotations

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("web", ["editor_web", "reader_web"])
def test_index_links_to_both_review_queues(request, web):
    html = request.getfixturevalue(web).get(reverse("admin:index")).content.decode()
    assert f'href="{reverse("admin:newsfacts_claim_review")}"' in html
    assert f'href="{reverse("admin:newsfacts_quote_review")}"' in html


def test_index_shows_no_queue_to_staff_without_a_role(client, django_user_model):
    client.force_login(django_user_model.objects.create_user("outsider", is_staff=True))
    assert "review-queues" not in client.get(reverse("admin:index")).content.decode()
