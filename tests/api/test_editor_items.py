"""Editors add quotes and claims the pipeline missed (POST), reject false ones and restore them, through the API."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsfacts.models import Claim, Quote
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

EMOJI_TEXT = "Le maire 🎉 a déclaré : « Nous reconstruirons l'école ». Le budget est de 3 millions d'euros."


def emoji_article():
    article = ArticleFactory(text=EMOJI_TEXT, with_sentences=False)
    first_end = EMOJI_TEXT.index(" Le budget")
    article.sentences.create(position=0, start=0, end=first_end, text=EMOJI_TEXT[:first_end])
    second_start = first_end + 1
    article.sentences.create(position=1, start=second_start, end=len(EMOJI_TEXT), text=EMOJI_TEXT[second_start:])
    return article


def test_editor_adds_a_quote_at_code_point_offsets_past_an_emoji(editor, editor_client):
    article = emoji_article()
    speaker = SpeakerFactory(name="Le maire")
    start = EMOJI_TEXT.index("Nous")
    end = EMOJI_TEXT.index(" »")
    response = editor_client.post(
        reverse("api:quote-list"),
        {"article": article.pk, "start": start, "end": end, "kind": "direct", "speaker": speaker.pk},
        format="json",
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["text"] == "Nous reconstruirons l'école" == EMOJI_TEXT[start:end]
    assert (body["origin"], body["added_by"], body["speaker"]["id"]) == ("editor", editor.username, speaker.pk)
    assert body["added_at"] is not None and response["ETag"]
    quote = Quote.objects.get(pk=body["id"])
    assert (quote.attribution, quote.attribution_confirmed, quote.sentence.position) == ("editor", True, 0)
    assert quote.history.latest().history_user == editor


def test_adding_a_claim_is_validated_like_a_patch(editor_client):
    article = emoji_article()
    start = EMOJI_TEXT.index("Le budget")
    response = editor_client.post(
        reverse("api:claim-list"),
        {"article": article.pk, "start": start, "end": len(EMOJI_TEXT), "status": "false", "rationale": " "},
        format="json",
    )
    assert response.status_code == 400
    assert "rationale" in response.json()
    assert not Claim.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"article": None, "start": 0, "end": 5}, "article"),
        ({"article": 0, "start": 0, "end": 5}, "article"),
        ({"start": 5, "end": 5}, "end"),
        ({"start": 0, "end": 10**6}, "end"),
        ({"start": 0, "end": 5, "confidence": 1}, "confidence"),
        ({"start": 0, "end": 5, "kind": "rumour"}, "kind"),
    ],
)
def test_a_bad_addition_is_a_400_naming_the_field(editor_client, payload, field):
    article = emoji_article()
    payload = {"article": article.pk, **payload}
    if payload["article"] is None:
        del payload["article"]
    response = editor_client.post(reverse("api:claim-list"), payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_adding_a_span_a_live_item_already_has_is_refused(editor_client):
    claim = ClaimFactory()
    payload = {"article": claim.article_id, "start": claim.start, "end": claim.end}
    response = editor_client.post(reverse("api:claim-list"), payload, format="json")
    assert response.status_code == 400
    assert f"claim {claim.pk}" in response.json()["start"][0]


def test_readers_and_anonymous_clients_cannot_add(reader_client, client):
    article = emoji_article()
    payload = {"article": article.pk, "start": 0, "end": 8}
    assert reader_client.post(reverse("api:claim-list"), payload, format="json").status_code == 403
    assert client.post(reverse("api:claim-list"), payload, content_type="application/json").status_code == 401


def test_a_rejected_claim_leaves_the_list_until_asked_for_and_is_restored(editor, editor_client, client):
    kept, wrong = ClaimFactory(), ClaimFactory()
    url = reverse("api:claim-detail", args=[wrong.pk])
    response = editor_client.post(f"{url}reject/", {"reason": "not_claim", "note": "a greeting"}, format="json")
    assert response.status_code == 200, response.json()
    assert (response.json()["rejected_reason"], response.json()["rejected_by"]) == ("not_claim", editor.username)
    listed = [row["id"] for row in client.get(reverse("api:claim-list")).json()["results"]]
    assert listed == [kept.pk]
    rejected = client.get(reverse("api:claim-list"), {"rejected": "true"}).json()["results"]
    assert [(row["id"], row["rejected_reason"]) for row in rejected] == [(wrong.pk, "not_claim")]
    assert client.get(url).status_code == 200  # the detail stays readable
    wrong.refresh_from_db()
    assert wrong.history.latest().history_change_reason == "a greeting"

    response = editor_client.post(f"{url}restore/", {}, format="json")
    assert response.status_code == 200
    assert response.json()["rejected_reason"] == ""
    listed = [row["id"] for row in client.get(reverse("api:claim-list")).json()["results"]]
    assert listed == [kept.pk, wrong.pk]


def test_an_unknown_rejection_reason_is_a_400(editor_client):
    quote = QuoteFactory()
    url = reverse("api:quote-detail", args=[quote.pk])
    response = editor_client.post(f"{url}reject/", {"reason": "boring"}, format="json")
    assert response.status_code == 400
    assert "reason" in response.json()


def test_reject_with_a_stale_etag_is_a_412(editor_client):
    quote = QuoteFactory()
    url = reverse("api:quote-detail", args=[quote.pk])
    stale = editor_client.get(url)["ETag"]
    editor_client.patch(url, {"evidence_urls": ["https://registry.example.org/a"]}, format="json")
    response = editor_client.post(f"{url}reject/", {"reason": "not_quote"}, format="json", HTTP_IF_MATCH=stale)
    assert response.status_code == 412
    quote.refresh_from_db()
    assert quote.rejected_reason == ""


def test_articles_show_the_pipeline_version_that_extracted_them(client):
    article = ArticleFactory(pipeline_version="0123456789ab")
    body = client.get(reverse("api:article-detail", args=[article.pk])).json()
    assert body["pipeline_version"] == "0123456789ab"
