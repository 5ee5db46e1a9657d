"""The editors' admin pages: reject and restore, correct a span, add from a selection, review next, conflicts."""

from __future__ import annotations

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from newsfacts.models import Claim, Quote
from newsfacts.roles import EDITORS
from tests.conftest import member_of
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def change_url(obj) -> str:
    return reverse(f"admin:newsfacts_{obj._meta.model_name}_change", args=[obj.pk])


def test_the_change_page_offers_reject_and_span_correction(editor_web):
    claim = ClaimFactory()
    html = editor_web.get(change_url(claim)).content.decode()
    assert reverse("admin:newsfacts_claim_reject", args=[claim.pk]) in html
    assert reverse("admin:newsfacts_claim_span", args=[claim.pk]) in html


def test_a_rejected_item_leaves_the_admin_list_until_asked_for_and_offers_restore(editor_web):
    kept, rejected = ClaimFactory(), ClaimFactory(rejected_reason="duplicate")
    listed = editor_web.get(reverse("admin:newsfacts_claim_changelist")).context["cl"].result_list
    assert list(listed) == [kept]
    listed = editor_web.get(reverse("admin:newsfacts_claim_changelist"), {"rejected": "yes"}).context["cl"].result_list
    assert list(listed) == [rejected]
    queue = editor_web.get(reverse("admin:newsfacts_claim_review")).context["cl"].result_list
    assert list(queue) == [kept]
    assert b'id="nf-restore"' in editor_web.get(change_url(rejected)).content


def test_reject_without_a_reason_shows_the_form_again(editor_web):
    claim = ClaimFactory()
    response = editor_web.post(reverse("admin:newsfacts_claim_reject", args=[claim.pk]), {"reason": ""})
    assert response.status_code == 200
    assert "reason" in response.context["form"].errors
    claim.refresh_from_db()
    assert claim.rejected_reason == ""


def test_a_reader_cannot_reject(reader_web):
    claim = ClaimFactory()
    response = reader_web.post(reverse("admin:newsfacts_claim_reject", args=[claim.pk]), {"reason": "not_claim"})
    assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.rejected_reason == ""


def test_the_span_page_previews_and_refuses_a_span_outside_the_sentence(editor_web):
    claim = ClaimFactory()
    url = reverse("admin:newsfacts_claim_span", args=[claim.pk])
    page = editor_web.get(url)
    assert page.context["window_text"] == claim.sentence.text
    response = editor_web.post(url, {"start": claim.start, "end": claim.sentence.end + 5})
    assert response.status_code == 200
    assert "outside the sentence" in str(response.context["form"].errors)


def test_an_added_item_with_accents_and_emoji_slices_the_text_exactly(editor_web, editor):
    text = "Le maire 🎉 a déclaré : « Nous reconstruirons l'école ». Puis il est parti."
    article = ArticleFactory(text=text, with_sentences=False)
    end = text.index(" Puis")
    article.sentences.create(position=0, start=0, end=end, text=text[:end])
    article.sentences.create(position=1, start=end + 1, end=len(text), text=text[end + 1 :])
    start, stop = text.index("Nous"), text.index(" »")
    response = editor_web.post(
        reverse("admin:newsfacts_article_add_item", args=[article.pk]),
        {"item": "quote", "start": start, "end": stop, "quote_kind": "direct"},
    )
    assert response.status_code == 302
    quote = Quote.objects.get()
    assert quote.text == "Nous reconstruirons l'école" == text[quote.start : quote.end]
    assert (quote.origin, quote.added_by, quote.kind) == ("editor", editor, "direct")


def test_the_article_page_links_to_adding_an_item_for_editors_only(editor_web, reader_web):
    article = ArticleFactory()
    url = reverse("admin:newsfacts_article_add_item", args=[article.pk])
    assert url in editor_web.get(reverse("admin:newsfacts_article_change", args=[article.pk])).content.decode()
    page = editor_web.get(url)
    assert page.status_code == 200
    assert page.context["article_text"] == article.text
    assert 'data-model-ref="speaker"' in page.content.decode()  # the speaker autocomplete
    assert reader_web.get(url).status_code == 403


def test_review_next_gives_two_editors_different_items_and_the_queue_shows_who_has_what(editor):
    other = member_of(EDITORS, "other-editor")
    # The queue hands out the oldest article first.
    first = ClaimFactory(article=ArticleFactory(published=datetime.date(2020, 1, 1)))
    second = ClaimFactory(article=ArticleFactory(published=datetime.date(2021, 1, 1)))
    alice, bob = Client(), Client()
    alice.force_login(editor)
    bob.force_login(other)
    url = reverse("admin:newsfacts_claim_review_next")

    to_alice, to_bob = alice.get(url), bob.get(url)

    assert to_alice["Location"].startswith(change_url(first))
    assert to_bob["Location"].startswith(change_url(second))
    assert alice.get(url)["Location"].startswith(change_url(first))  # still hers
    queue = alice.get(reverse("admin:newsfacts_claim_review")).content.decode()
    assert f"{editor.username} until" in queue and f"{other.username} until" in queue
    assert Claim.objects.get(pk=first.pk).assigned_to == editor


def quote_form(quote: Quote, version: str, **changes) -> dict[str, str]:
    data = {
        "status": quote.status,
        "rationale": quote.rationale,
        "evidence_urls": "\n".join(quote.evidence_urls),
        "reason": "",
        "speaker": quote.speaker_id or "",
        "kind": quote.kind,
        "version": version,
    }
    data.update(changes)
    return data


def test_the_second_of_two_editors_saving_the_same_item_gets_a_conflict_and_chooses(editor):
    other = member_of(EDITORS, "other-editor")
    quote = QuoteFactory()
    alice, bob = Client(), Client()
    alice.force_login(editor)
    bob.force_login(other)
    version = alice.get(change_url(quote)).context["adminform"].form.initial["version"]
    assert bob.get(change_url(quote)).context["adminform"].form.initial["version"] == version

    saved = alice.post(change_url(quote), quote_form(quote, version, status="false", rationale="Never said."))
    assert saved.status_code == 302
    conflict = bob.post(change_url(quote), quote_form(quote, version, status="verified", rationale="On video."))

    assert conflict.status_code == 200
    form = conflict.context["adminform"].form
    assert ("status", "false", "verified") in form.conflict
    html = conflict.content.decode()
    assert 'id="nf-conflict"' in html and "Never said." in html
    quote.refresh_from_db()
    assert (quote.status, quote.rationale) == ("false", "Never said.")  # nothing overwritten silently

    # Bob chooses his version: the page carries the stored version, so saving again goes through.
    again = bob.post(change_url(quote), {**conflict.context["adminform"].form.data.dict()})
    assert again.status_code == 302
    quote.refresh_from_db()
    assert (quote.status, quote.rationale) == ("verified", "On video.")
