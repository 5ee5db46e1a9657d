"""The speaker admin: search by any name, counts that link to their quotes and claims, merging duplicates."""

from __future__ import annotations

import pytest
from django.urls import reverse

from newsfacts.models import Claim, Quote, Speaker
from tests.factories import ClaimFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:newsfacts_speaker_changelist")


def listed(response) -> list[int]:
    return [obj.pk for obj in response.context["cl"].result_list]


def test_changelist_counts_quotes_and_claims_of_each_speaker(editor_web):
    speaker = SpeakerFactory(name="Ada Lovelace")
    QuoteFactory.create_batch(3, speaker=speaker)
    ClaimFactory(claimant=speaker)
    response = editor_web.get(CHANGELIST)
    row = next(s for s in response.context["cl"].result_list if s.pk == speaker.pk)
    assert (row.quote_count, row.claim_count) == (3, 1)
    assert f'?speaker={speaker.pk}">3</a>' in response.content.decode()


def test_search_finds_a_speaker_by_alias(editor_web):
    wanted = SpeakerFactory(name="Augusta Ada King", aliases=["Ada Lovelace"])
    SpeakerFactory(name="Charles Babbage")
    assert listed(editor_web.get(CHANGELIST, {"q": "lovelace"})) == [wanted.pk]


def test_aliases_are_edited_one_a_line(editor_web):
    speaker = SpeakerFactory(name="Ada Lovelace", aliases=["Lovelace", "Countess of Lovelace"])
    form = editor_web.get(reverse("admin:newsfacts_speaker_change", args=[speaker.pk])).context["adminform"].form
    assert form["aliases"].value() == "Lovelace\nCountess of Lovelace"


def merge_request(speakers, **extra) -> dict:
    return {"action": "merge_selected", "_selected_action": [s.pk for s in speakers], **extra}


def test_merge_asks_which_speaker_to_keep(editor_web):
    keep = SpeakerFactory(name="Ada Lovelace", wikidata_id="Q7259")
    dupe = SpeakerFactory(name="A. Lovelace")
    QuoteFactory(speaker=dupe)
    response = editor_web.post(CHANGELIST, merge_request([keep, dupe]))
    assert response.status_code == 200
    assert response.templates[0].name == "admin/newsfacts/merge_speakers.html"
    assert response.context["form"]["into"].value() == keep.pk
    html = response.content.decode()
    assert 'name="into"' in html and "A. Lovelace" in html
    assert Speaker.objects.count() == 2


def test_merge_moves_quotes_and_claims_to_the_chosen_speaker(editor_web, staff_editor):
    keep = SpeakerFactory(name="Ada Lovelace")
    dupes = [SpeakerFactory(name="A. Lovelace"), SpeakerFactory(name="Augusta Ada King")]
    quote = QuoteFactory(speaker=dupes[0])
    claim = ClaimFactory(claimant=dupes[1])
    response = editor_web.post(
        CHANGELIST, merge_request([keep, *dupes], apply="yes", index="0", into=keep.pk, reason="one person")
    )
    assert response.status_code == 302
    assert list(Speaker.objects.all()) == [keep]
    assert Quote.objects.get(pk=quote.pk).speaker == keep
    assert Claim.objects.get(pk=claim.pk).claimant == keep
    keep.refresh_from_db()
    assert keep.aliases == ["A. Lovelace", "Augusta Ada King"]
    latest = keep.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (staff_editor, "one person")


def test_merge_needs_two_speakers(editor_web):
    only = SpeakerFactory()
    response = editor_web.post(CHANGELIST, merge_request([only]), follow=True)
    assert "two or more" in response.content.decode()
    assert Speaker.objects.filter(pk=only.pk).exists()


def test_merge_of_two_wikidata_ids_is_refused_on_the_confirmation_page(editor_web):
    a = SpeakerFactory(name="Ada Lovelace", wikidata_id="Q7259")
    b = SpeakerFactory(name="Ada Other", wikidata_id="Q1")
    response = editor_web.post(CHANGELIST, merge_request([a, b], apply="yes", index="0", into=a.pk))
    assert response.status_code == 200
    assert "different Wikidata ids" in response.content.decode()
    assert Speaker.objects.count() == 2
