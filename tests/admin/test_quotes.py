"""The quote admin: attribution filters, correcting the speaker, the quote in context."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsfacts.models import Quote, Speaker
from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:newsfacts_quote_changelist")
QUEUE = reverse("admin:newsfacts_quote_review")


def change_url(quote: Quote) -> str:
    return reverse("admin:newsfacts_quote_change", args=[quote.pk])


def listed(response) -> list[int]:
    return [obj.pk for obj in response.context["cl"].result_list]


def quote_post(quote: Quote, **changes) -> dict[str, str]:
    """The change form as the browser posts it, with `changes` applied (an unticked checkbox is left out)."""
    data = {
        "status": quote.status,
        "rationale": quote.rationale,
        "evidence_urls": "\n".join(quote.evidence_urls),
        "reason": "",
        "speaker": quote.speaker_id or "",
        "speaker_description": quote.speaker_description,
        "attribution_confirmed": "on" if quote.attribution_confirmed else "",
        "kind": quote.kind,
    }
    data.update(changes)
    if not data["attribution_confirmed"]:
        del data["attribution_confirmed"]
    return data


@pytest.mark.parametrize(
    ("bucket", "confidences", "expected"),
    [
        ("low", [0.1, 0.5, 0.9], [0.1]),
        ("medium", [0.1, 0.5, 0.79, 0.8], [0.5, 0.79]),
        ("high", [0.1, 0.8, 1.0], [0.8, 1.0]),
    ],
)
def test_confidence_filter_buckets(editor_web, bucket, confidences, expected):
    for confidence in confidences:
        QuoteFactory(confidence=confidence)
    response = editor_web.get(QUEUE, {"confidence": bucket})
    assert sorted(Quote.objects.get(pk=pk).confidence for pk in listed(response)) == expected


def test_needs_review_includes_verified_quotes_whose_attribution_is_doubtful(editor_web):
    doubtful = QuoteFactory(status="verified", rationale="said on video", confidence=0.2)
    no_speaker = QuoteFactory(status="verified", rationale="said on video", speaker=None)
    QuoteFactory(status="verified", rationale="said on video", confidence=0.2, attribution_confirmed=True)
    QuoteFactory(status="verified", rationale="said on video", confidence=0.9)
    unverified = QuoteFactory(confidence=0.9)
    response = editor_web.get(CHANGELIST, {"needs_review": "yes"})
    assert sorted(listed(response)) == sorted([doubtful.pk, no_speaker.pk, unverified.pk])


def test_attribution_filter_finds_quotes_without_a_speaker(editor_web):
    orphan = QuoteFactory(speaker=None)
    QuoteFactory()
    assert listed(editor_web.get(CHANGELIST, {"attribution_check": "no_speaker"})) == [orphan.pk]


def test_a_quote_of_an_unnamed_source_shows_its_description_in_the_list(editor_web):
    QuoteFactory(speaker=None, speaker_description="a senior official")
    assert "unnamed: a senior official" in editor_web.get(CHANGELIST).content.decode()


def test_search_finds_quotes_by_speaker_alias(editor_web):
    speaker = SpeakerFactory(name="Yuri Borisov", aliases=["Borisov", "head of Roscosmos"])
    quote = QuoteFactory(speaker=speaker)
    QuoteFactory()
    assert listed(editor_web.get(QUEUE, {"q": "roscosmos"})) == [quote.pk]


def test_filter_by_speaker_link_in_the_list(editor_web):
    quote = QuoteFactory()
    QuoteFactory()
    response = editor_web.get(QUEUE)
    assert f'href="?speaker={quote.speaker_id}"' in response.content.decode()
    assert listed(editor_web.get(QUEUE, {"speaker": quote.speaker_id})) == [quote.pk]


def test_change_page_shows_a_quote_spanning_two_sentences_marked_in_both(editor_web):
    article = ArticleFactory(
        text="Sentence 0 opens. Sentence 1 starts the quote. Sentence 2 ends it. Sentence 3 closes."
    )
    first, second = article.sentences.get(position=1), article.sentences.get(position=2)
    quote = Quote.objects.create(
        article=article, sentence=first, start=first.start, end=second.end, text=article.text[first.start : second.end]
    )
    html = editor_web.get(change_url(quote)).content.decode()
    assert "<mark>Sentence 1 starts the quote.</mark>" in html
    assert "<mark>Sentence 2 ends it.</mark>" in html
    assert "Sentence 0 opens." in html and "Sentence 3 closes." in html


def test_picking_another_speaker_marks_the_attribution_as_the_editors(editor_web, staff_editor):
    quote = QuoteFactory(attribution="pronoun", confidence=0.4)
    right = SpeakerFactory(name="Jane Roe")
    response = editor_web.post(change_url(quote), quote_post(quote, speaker=right.pk, reason="pronoun resolved wrong"))
    assert response.status_code == 302
    quote.refresh_from_db()
    assert (quote.speaker, quote.attribution, quote.attribution_confirmed) == (right, "editor", True)
    assert quote.status == "unverified"
    latest = quote.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (staff_editor, "pronoun resolved wrong")


def test_confirming_the_pipelines_speaker_keeps_how_it_was_found(editor_web):
    quote = QuoteFactory(attribution="alias", confidence=0.6)
    editor_web.post(change_url(quote), quote_post(quote, attribution_confirmed="on"))
    quote.refresh_from_db()
    assert (quote.attribution, quote.attribution_confirmed) == ("alias", True)
    assert quote.history.latest().history_change_reason == "changed attribution_confirmed"


def test_an_editor_creates_a_missing_speaker_from_the_quote_popup(editor_web):
    url = reverse("admin:newsfacts_speaker_add") + "?_to_field=id&_popup=1"
    response = editor_web.post(
        url, {"name": "Jane Roe", "slug": "jane-roe", "kind": "person", "aliases": "Roe\nMs Roe", "_popup": "1"}
    )
    assert response.status_code == 200
    assert "popup_response" in response.templates[0].name
    assert Speaker.objects.get(slug="jane-roe").aliases == ["Roe", "Ms Roe"]


def test_speaker_autocomplete_finds_speakers_by_alias(editor_web):
    SpeakerFactory(name="Yuri Borisov", aliases=["head of Roscosmos"])
    SpeakerFactory(name="Someone Else")
    response = editor_web.get(
        reverse("admin:autocomplete"),
        {"app_label": "newsfacts", "model_name": "quote", "field_name": "speaker", "term": "roscosmos"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["Yuri Borisov"]


def test_quote_history_shows_the_speaker_change(editor_web):
    quote = QuoteFactory()
    right = SpeakerFactory(name="Jane Roe")
    editor_web.post(change_url(quote), quote_post(quote, speaker=right.pk))
    html = editor_web.get(reverse("admin:newsfacts_quote_history", args=[quote.pk])).content.decode()
    assert "Jane Roe" in html
    assert "changed speaker" in html
