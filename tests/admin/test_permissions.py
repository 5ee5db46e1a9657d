"""The roles in the admin: readers see everything and change nothing; editors review but do not delete."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsfacts.models import Speaker
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def rows(db):
    article = ArticleFactory()
    return {
        "article": article,
        "sentence": article.sentences.first(),
        "claim": ClaimFactory(article=article),
        "quote": QuoteFactory(article=article),
        "speaker": SpeakerFactory(),
    }


@pytest.mark.parametrize("model", ["article", "sentence", "claim", "quote", "speaker"])
def test_a_reader_can_view_every_list_and_page(reader_web, rows, model):
    assert reader_web.get(reverse(f"admin:newsfacts_{model}_changelist")).status_code == 200
    response = reader_web.get(reverse(f"admin:newsfacts_{model}_change", args=[rows[model].pk]))
    assert response.status_code == 200
    assert not response.context["has_change_permission"]


@pytest.mark.parametrize("model", ["claim", "quote"])
def test_a_reader_can_open_the_review_queue_and_history(reader_web, rows, model):
    assert reader_web.get(reverse(f"admin:newsfacts_{model}_review")).status_code == 200
    assert reader_web.get(reverse(f"admin:newsfacts_{model}_history", args=[rows[model].pk])).status_code == 200


@pytest.mark.parametrize("model", ["claim", "quote"])
def test_a_reader_cannot_change_a_quote_or_claim(reader_web, rows, model):
    obj = rows[model]
    response = reader_web.post(
        reverse(f"admin:newsfacts_{model}_change", args=[obj.pk]), {"status": "verified", "rationale": "looks right"}
    )
    assert response.status_code == 403
    obj.refresh_from_db()
    assert obj.status == "unverified"


def test_a_reader_sees_no_review_form_and_no_bulk_actions(reader_web, rows):
    html = reader_web.get(reverse("admin:newsfacts_claim_change", args=[rows["claim"].pk])).content.decode()
    assert 'name="status"' not in html
    assert 'name="reason"' not in html
    assert "nf-context" in html
    assert reader_web.get(reverse("admin:newsfacts_claim_review")).context["action_form"] is None


def test_a_reader_cannot_run_a_bulk_review(reader_web, rows):
    claim = rows["claim"]
    reader_web.post(
        reverse("admin:newsfacts_claim_changelist"),
        {"action": "mark_verified", "_selected_action": [claim.pk], "index": "0", "apply": "yes", "rationale": "x"},
    )
    claim.refresh_from_db()
    assert claim.status == "unverified"


def test_a_reader_cannot_merge_speakers(reader_web):
    a, b = SpeakerFactory(), SpeakerFactory()
    reader_web.post(
        reverse("admin:newsfacts_speaker_changelist"),
        {"action": "merge_selected", "_selected_action": [a.pk, b.pk], "index": "0", "apply": "yes", "into": a.pk},
    )
    assert Speaker.objects.count() == 2


def test_an_editor_cannot_delete_a_claim_or_change_an_article(editor_web, rows):
    assert (
        editor_web.post(reverse("admin:newsfacts_claim_delete", args=[rows["claim"].pk]), {"post": "yes"}).status_code
        == 403
    )
    response = editor_web.post(reverse("admin:newsfacts_article_change", args=[rows["article"].pk]), {"title": "New"})
    assert response.status_code == 403


def test_someone_without_a_role_cannot_open_the_review_queue(client, rows):
    client.force_login(UserFactory(username="outsider", is_staff=True))
    assert client.get(reverse("admin:newsfacts_claim_review")).status_code == 403
