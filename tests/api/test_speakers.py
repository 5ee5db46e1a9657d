"""Speakers: editors create, correct and merge them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from rest_framework.test import APIClient

from newsfacts.models import Claim, Quote, Speaker
from tests.factories import ClaimFactory, QuoteFactory, SpeakerFactory, UserFactory

LIST = reverse("api:speaker-list")


def detail(speaker: Speaker) -> str:
    return reverse("api:speaker-detail", kwargs={"pk": speaker.pk})


def merge(speaker: Speaker) -> str:
    return reverse("api:speaker-merge", kwargs={"pk": speaker.pk})


def test_editor_creates_a_speaker_and_the_slug_comes_from_the_name(editor_client, editor):
    response = editor_client.post(LIST, {"name": "Klim Shipenko", "aliases": ["Shipenko"]}, format="json")
    assert response.status_code == 201, response.json()
    speaker = Speaker.objects.get(pk=response.json()["id"])
    assert (speaker.slug, speaker.aliases) == ("klim-shipenko", ["Shipenko"])
    assert speaker.history.latest().history_user == editor


def test_a_taken_slug_made_from_the_name_gets_a_number(editor_client):
    SpeakerFactory(name="Yulia Peresild", slug="yulia-peresild")
    response = editor_client.post(LIST, {"name": "Yulia Peresild"}, format="json")
    assert response.json()["slug"] == "yulia-peresild-2"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "A", "slug": "taken"}, "slug"),
        ({"name": "A", "wikidata_id": "7747"}, "wikidata_id"),
        ({"name": "A", "wikidata_id": "Q1"}, "wikidata_id"),
        ({"name": "A", "aliases": "not a list"}, "aliases"),
        ({"name": "A", "aliases": [""]}, "aliases"),
        ({"name": "A", "kind": "robot"}, "kind"),
        ({"name": "A", "id": 5}, "id"),
    ],
)
def test_invalid_speaker_is_400_with_a_field_error(editor_client, payload, field):
    SpeakerFactory(name="Taken", slug="taken", wikidata_id="Q1")
    response = editor_client.post(LIST, payload, format="json")
    assert response.status_code == 400
    assert field in response.json()


def test_editor_corrects_a_speaker(editor_client):
    speaker = SpeakerFactory()
    response = editor_client.patch(detail(speaker), {"description": "film director"}, format="json")
    assert response.status_code == 200
    speaker.refresh_from_db()
    assert speaker.description == "film director"


def test_anonymous_create_is_401_and_reader_create_is_403(api_client, reader_client):
    assert api_client.post(LIST, {"name": "A"}, format="json").status_code == 401
    assert reader_client.post(LIST, {"name": "A"}, format="json").status_code == 403


def test_merge_moves_quotes_and_claims_and_deletes_the_others(editor_client, editor):
    into, other = SpeakerFactory(name="Oleg Novitsky"), SpeakerFactory(name="O. Novitsky")
    quote, claim = QuoteFactory(speaker=other), ClaimFactory(claimant=other)
    response = editor_client.post(merge(into), {"speakers": [other.pk], "reason": "same person"}, format="json")
    assert response.status_code == 200, response.json()
    assert "O. Novitsky" in response.json()["aliases"]
    assert not Speaker.objects.filter(pk=other.pk).exists()
    assert Quote.objects.get(pk=quote.pk).speaker == into
    assert Claim.objects.get(pk=claim.pk).claimant == into
    assert into.history.latest().history_user == editor


@pytest.mark.parametrize(
    "payload",
    [{"speakers": []}, {"speakers": "3"}, {"speakers": [987654]}, {}, {"speakers": ["x"]}],
)
def test_merge_with_bad_ids_is_400(editor_client, payload):
    response = editor_client.post(merge(SpeakerFactory()), payload, format="json")
    assert response.status_code == 400
    assert "speakers" in response.json()


def test_merging_a_speaker_into_itself_is_400(editor_client):
    speaker = SpeakerFactory()
    response = editor_client.post(merge(speaker), {"speakers": [speaker.pk]}, format="json")
    assert response.status_code == 400


def test_merging_two_wikidata_ids_is_400(editor_client):
    into, other = SpeakerFactory(wikidata_id="Q5"), SpeakerFactory(wikidata_id="Q6")
    response = editor_client.post(merge(into), {"speakers": [other.pk]}, format="json")
    assert response.status_code == 400
    assert Speaker.objects.filter(pk=other.pk).exists()


def test_merge_needs_the_delete_permission(reader_client, api_client):
    into, other = SpeakerFactory(), SpeakerFactory()
    payload = {"speakers": [other.pk]}
    assert api_client.post(merge(into), payload, format="json").status_code == 401
    assert reader_client.post(merge(into), payload, format="json").status_code == 403
    changer = UserFactory(username="changer")  # may change speakers, not delete them
    changer.user_permissions.set(Permission.objects.filter(codename__in=["view_speaker", "change_speaker"]))
    changer_client = APIClient()
    changer_client.force_authenticate(changer)
    assert changer_client.post(merge(into), payload, format="json").status_code == 403


def test_merge_with_a_stale_etag_is_412(editor_client):
    into, other = SpeakerFactory(), SpeakerFactory()
    stale = editor_client.get(detail(into))["ETag"]
    editor_client.patch(detail(into), {"description": "changed"}, format="json")
    response = editor_client.post(merge(into), {"speakers": [other.pk]}, format="json", HTTP_IF_MATCH=stale)
    assert response.status_code == 412


@pytest.fixture
def rival_saves_first(monkeypatch):
    """Another editor's speaker lands between this request's uniqueness checks and its save (two workers racing)."""

    def arrange(**fields):
        original = Speaker.full_clean  # called after the serializer's checks, just before the save

        def full_clean(self, *args, **kwargs):
            SpeakerFactory(**fields)
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Speaker, "full_clean", full_clean)

    return arrange


@pytest.mark.parametrize(
    ("payload", "rival", "field"),
    [
        ({"name": "Yuri Gagarin", "slug": "gagarin"}, {"slug": "gagarin"}, "slug"),
        ({"name": "Yuri Gagarin", "wikidata_id": "Q7327"}, {"slug": "yuri", "wikidata_id": "Q7327"}, "wikidata_id"),
    ],
)
def test_creating_a_speaker_another_editor_just_created_is_400_naming_the_field(
    editor_client, rival_saves_first, payload, rival, field
):
    rival_saves_first(**rival)

    response = editor_client.post(LIST, payload, format="json")

    assert response.status_code == 400
    assert list(response.json()) == [field]
    assert Speaker.objects.count() == 1


def test_a_slug_from_the_name_another_editor_just_took_is_chosen_again(editor_client, rival_saves_first):
    rival_saves_first(name="Yuri Gagarin", slug="yuri-gagarin")

    response = editor_client.post(LIST, {"name": "Yuri Gagarin"}, format="json")

    assert response.status_code == 201
    assert response.json()["slug"] == "yuri-gagarin-2"


def test_changing_a_speaker_s_wikidata_id_to_one_just_taken_is_400_naming_it(editor_client, rival_saves_first):
    speaker = SpeakerFactory()
    rival_saves_first(slug="rival", wikidata_id="Q42")

    response = editor_client.patch(detail(speaker), {"wikidata_id": "Q42"}, format="json")

    assert response.status_code == 400
    assert list(response.json()) == ["wikidata_id"]
