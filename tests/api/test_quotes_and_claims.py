"""Quotes and claims: their full shape in lists and details, and the editors' writes."""

from __future__ import annotations

from typing import Any, ClassVar

import pytest
from django.test import override_settings
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import ClaimFactory, QuoteFactory, SpeakerFactory, UserFactory

REVIEW = {
    "status": "verified",
    "rationale": "Matches the agency's figures.",
    "evidence_urls": ["https://example.org/a"],
}


class SpanTests:
    """Shared by quotes and claims; subclasses name the route, the factory and the speaker field."""

    name: ClassVar[str] = ""
    person: ClassVar[str] = ""
    description: ClassVar[str] = ""  # the unnamed speaker's or claimant's, in the article's words
    factory: ClassVar[Any] = None

    def make(self, **kwargs: Any) -> Any:
        return self.factory(**kwargs)

    def url(self, obj: Any) -> str:
        return reverse(f"api:{self.name}-detail", kwargs={"pk": obj.pk})

    def list_url(self) -> str:
        return reverse(f"api:{self.name}-list")

    # The pipeline's confidence: read-only, sortable, filterable

    def test_machine_confidence_is_read_only(self, db, editor_client):
        obj = self.make()
        response = editor_client.patch(self.url(obj), {"confidence": 1.0}, format="json")
        assert response.status_code == 400
        assert "confidence" in response.json()

    def test_lists_sort_and_filter_by_confidence(self, db, api_client):
        low, high, middle = (self.make(confidence=c) for c in (0.2, 0.9, 0.6))
        rows = api_client.get(self.list_url(), {"ordering": "-confidence"}).json()["results"]
        assert [row["id"] for row in rows] == [high.pk, middle.pk, low.pk]
        assert [row["confidence"] for row in rows] == [0.9, 0.6, 0.2]
        rows = api_client.get(self.list_url(), {"confidence_min": 0.5, "confidence_max": 0.8}).json()["results"]
        assert [row["id"] for row in rows] == [middle.pk]

    # An unnamed source's description: one rule for quotes and claims (newsfacts.review)

    def test_an_editor_describes_an_unnamed_source_and_the_change_is_in_the_history(self, db, editor, editor_client):
        obj = self.make(**{self.person: None})
        body = {self.description: "a port official", "reason": "the article calls him that"}
        response = editor_client.patch(self.url(obj), body, format="json")
        assert (response.status_code, response.json()[self.description]) == (200, "a port official")
        latest = obj.history.latest("history_date")
        assert (getattr(latest, self.description), latest.history_user, latest.history_change_reason) == (
            "a port official",
            editor,
            "the article calls him that",
        )

    def test_an_editor_corrects_and_clears_an_unnamed_sources_description(self, db, editor_client):
        obj = self.make(**{self.person: None, self.description: "a senior official"})
        response = editor_client.patch(self.url(obj), {self.description: "two senior officials"}, format="json")
        assert response.json()[self.description] == "two senior officials"
        response = editor_client.patch(self.url(obj), {self.description: ""}, format="json")
        assert (response.status_code, response.json()[self.description]) == (200, "")
        reasons = [entry.history_change_reason for entry in obj.history.order_by("history_date")][-2:]
        assert reasons == [f"changed {self.description}"] * 2

    def test_naming_the_source_clears_the_unnamed_ones_description(self, db, editor_client):
        obj = self.make(**{self.person: None, self.description: "a senior official"})
        speaker = SpeakerFactory()
        response = editor_client.patch(self.url(obj), {self.person: speaker.pk}, format="json")
        assert response.status_code == 200, response.json()
        assert (response.json()[self.person]["id"], response.json()[self.description]) == (speaker.pk, "")

    @pytest.mark.parametrize("named", [True, False], ids=["stored-person", "person-in-the-same-write"])
    def test_a_description_beside_a_named_source_is_400_on_the_description(self, db, editor_client, named):
        speaker = SpeakerFactory()
        obj = self.make(**{self.person: speaker if named else None})
        body = {self.description: "a senior official", **({} if named else {self.person: speaker.pk})}
        response = editor_client.patch(self.url(obj), body, format="json")
        assert (response.status_code, response.json()) == (400, {self.description: [self.refusal()]})
        obj.refresh_from_db()
        assert (getattr(obj, f"{self.person}_id"), getattr(obj, self.description)) == (
            speaker.pk if named else None,
            "",
        )

    def refusal(self) -> str:
        """The one wording of the rule, for quotes and claims alike, with the resource's own noun."""
        return f"A {self.person} is named: clear the {self.person} to describe one instead."

    def test_an_editor_adds_an_item_of_an_unnamed_source(self, db, editor_client):
        other = self.make()  # a shorter span than its item's
        body = {"article": other.article_id, "start": other.start, "end": other.end - 1}
        response = editor_client.post(self.list_url(), {**body, self.description: "a senior official"}, format="json")
        assert response.status_code == 201, response.json()
        assert (response.json()[self.person], response.json()[self.description]) == (None, "a senior official")

    def test_adding_an_item_with_a_source_and_a_description_is_400(self, db, editor_client):
        other = self.make()
        body = {"article": other.article_id, "start": other.start, "end": other.end - 1}
        body |= {self.person: SpeakerFactory().pk, self.description: "a senior official"}
        response = editor_client.post(self.list_url(), body, format="json")
        assert (response.status_code, response.json()) == (400, {self.description: [self.refusal()]})

    # Shape

    def test_list_row_has_the_same_shape_and_values_as_the_detail(self, db, editor_client, api_client):
        reviewed = self.make()
        editor_client.patch(self.url(reviewed), REVIEW, format="json")
        unattributed = self.make(**{self.person: None})
        rows = {row["id"]: row for row in api_client.get(self.list_url()).json()["results"]}
        for obj in (reviewed, unattributed):
            assert rows[obj.pk] == api_client.get(self.url(obj)).json()

    def test_response_carries_sentence_offsets_speaker_article_and_verification(self, db, api_client):
        obj = self.make()
        row = api_client.get(self.list_url()).json()["results"][0]
        assert row["sentence"] == {
            "id": obj.sentence.pk,
            "position": obj.sentence.position,
            "start": obj.sentence.start,
            "end": obj.sentence.end,
            "text": obj.sentence.text,
        }
        assert (row["start"], row["end"], row["text"]) == (obj.start, obj.end, obj.text)
        person = getattr(obj, self.person)
        assert row[self.person] == {
            "id": person.pk,
            "name": person.name,
            "url": "http://testserver" + reverse("api:speaker-detail", kwargs={"pk": person.pk}),
        }
        assert row["article"] == {"id": obj.article.pk, "title": obj.article.title, "url": obj.article.url}
        assert {k: row[k] for k in ("status", "rationale", "evidence_urls", "reviewed_by", "reviewed_at")} == {
            "status": "unverified",
            "rationale": "",
            "evidence_urls": [],
            "reviewed_by": None,
            "reviewed_at": None,
        }

    # Review

    def test_editor_sets_the_status_and_becomes_the_reviewer(self, db, editor_client, editor):
        obj = self.make()
        response = editor_client.patch(self.url(obj), REVIEW, format="json")
        assert response.status_code == 200, response.json()
        body = response.json()
        assert {k: body[k] for k in REVIEW} == REVIEW
        assert body["reviewed_by"] == editor.username
        assert body["reviewed_at"] is not None

    def test_a_write_is_recorded_in_history_with_the_token_user_and_reason(self, db, editor):
        obj = self.make()
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=editor).key}")
        response = client.patch(self.url(obj), {**REVIEW, "reason": "checked the report"}, format="json")
        assert response.status_code == 200, response.json()
        latest = type(obj).history.filter(id=obj.pk).latest("history_date")
        assert (latest.history_user, latest.history_change_reason, latest.status) == (
            editor,
            "checked the report",
            "verified",
        )

    def test_a_session_user_may_write(self, db, editor):
        obj = self.make()
        client = APIClient()
        client.force_login(editor)
        assert client.patch(self.url(obj), REVIEW, format="json").status_code == 200

    def test_anonymous_write_is_401_with_a_challenge(self, db, api_client):
        obj = self.make()
        response = api_client.patch(self.url(obj), REVIEW, format="json")
        assert response.status_code == 401
        assert response.headers["WWW-Authenticate"] == "Token"

    def test_reader_without_the_change_permission_gets_403(self, db, reader_client):
        obj = self.make()
        assert reader_client.patch(self.url(obj), REVIEW, format="json").status_code == 403

    @pytest.mark.parametrize(
        ("change", "field"),
        [
            ({"status": "probably"}, "status"),
            ({"status": "false", "rationale": ""}, "rationale"),
            ({"status": "misleading"}, "rationale"),
            ({"evidence_urls": ["not a url"]}, "evidence_urls"),
            ({"evidence_urls": ["ftp://example.org/file"]}, "evidence_urls"),
            ({"evidence_urls": "https://example.org"}, "evidence_urls"),
            ({"text": "Something else."}, "text"),
            ({"article": 1}, "article"),
            ({"sentence": 1}, "sentence"),
            ({"reviewed_by": "editor"}, "reviewed_by"),
            ({"colour": "red"}, "colour"),
            ({"kind": "rumour"}, "kind"),
        ],
    )
    def test_invalid_write_is_400_with_a_field_error(self, db, editor_client, change, field):
        obj = self.make()
        response = editor_client.patch(self.url(obj), change, format="json")
        assert response.status_code == 400
        assert field in response.json()

    # Offsets

    def test_offsets_corrected_within_the_sentence_reread_the_text_from_the_article(self, db, editor_client):
        obj = self.make()
        start, end = obj.sentence.start + 2, obj.sentence.end - 1
        response = editor_client.patch(self.url(obj), {"start": start, "end": end}, format="json")
        assert response.status_code == 200, response.json()
        obj.refresh_from_db()
        assert (obj.start, obj.end, obj.text) == (start, end, obj.article.text[start:end])
        assert response.json()["text"] == obj.text

    @pytest.mark.parametrize(
        ("offsets", "field"),
        [
            (lambda s: {"start": s.end + 1}, "start"),
            (lambda s: {"start": s.start + 5, "end": s.start + 5}, "end"),
            (lambda s: {"end": 10**9}, "end"),
            (lambda s: {"start": -1}, "start"),
        ],
    )
    def test_an_offset_outside_the_sentence_is_400_with_a_field_error(self, db, editor_client, offsets, field):
        obj = self.make()
        response = editor_client.patch(self.url(obj), offsets(obj.sentence), format="json")
        assert response.status_code == 400
        assert field in response.json()

    # Attribution

    def test_editor_reattributes_to_another_speaker_by_id(self, db, editor_client):
        obj = self.make()
        other = SpeakerFactory()
        response = editor_client.patch(self.url(obj), {self.person: other.pk}, format="json")
        assert response.status_code == 200, response.json()
        assert response.json()[self.person]["id"] == other.pk

    def test_editor_removes_the_attribution_with_null(self, db, editor_client):
        obj = self.make()
        response = editor_client.patch(self.url(obj), {self.person: None}, format="json")
        assert response.json()[self.person] is None

    def test_attribution_to_an_unknown_speaker_is_400(self, db, editor_client):
        obj = self.make()
        response = editor_client.patch(self.url(obj), {self.person: 987654}, format="json")
        assert response.status_code == 400
        assert self.person in response.json()

    # Lost updates

    def test_write_with_a_stale_etag_is_412_and_changes_nothing(self, db, editor_client):
        obj = self.make()
        stale = editor_client.get(self.url(obj))["ETag"]
        editor_client.patch(self.url(obj), {"kind": self.other_kind}, format="json")
        response = editor_client.patch(self.url(obj), REVIEW, format="json", HTTP_IF_MATCH=stale)
        assert response.status_code == 412
        obj.refresh_from_db()
        assert obj.status == "unverified"

    def test_write_with_the_current_etag_succeeds_and_returns_a_new_one(self, db, editor_client):
        obj = self.make()
        etag = editor_client.get(self.url(obj))["ETag"]
        response = editor_client.patch(self.url(obj), REVIEW, format="json", HTTP_IF_MATCH=etag)
        assert response.status_code == 200
        assert response["ETag"] not in ("", etag)
        assert editor_client.get(self.url(obj))["ETag"] == response["ETag"]

    @override_settings(NEWSFACTS_API_REQUIRE_IF_MATCH=True)
    def test_write_without_if_match_is_428_when_the_setting_requires_it(self, db, editor_client):
        obj = self.make()
        assert editor_client.patch(self.url(obj), REVIEW, format="json").status_code == 428

    @pytest.mark.parametrize("method", ["put", "delete"])
    def test_items_are_never_replaced_or_deleted(self, db, editor_client, method):
        obj = self.make()
        assert getattr(editor_client, method)(self.url(obj), REVIEW, format="json").status_code == 405

    def test_lists_filter_the_items_of_unnamed_sources(self, db, api_client):
        unnamed = self.make(**{self.person: None, self.description: "a senior official"})
        self.make(**{self.person: None})
        self.make()
        rows = api_client.get(self.list_url(), {f"has_{self.description}": "true"}).json()["results"]
        assert [row["id"] for row in rows] == [unnamed.pk]

    def test_a_description_filter_that_is_no_boolean_is_400_on_its_parameter(self, db, api_client):
        parameter = f"has_{self.description}"
        response = api_client.get(self.list_url(), {parameter: "perhaps"})
        assert (response.status_code, list(response.json())) == (400, [parameter])


class TestClaims(SpanTests):
    name = "claim"
    person = "claimant"
    description = "claimant_description"
    factory = ClaimFactory
    other_kind = "date"

    def test_claim_end_past_its_sentence_is_400(self, db, editor_client):
        claim = self.make()
        response = editor_client.patch(self.url(claim), {"end": claim.sentence.end + 3}, format="json")
        assert response.status_code == 400
        assert "outside the sentence" in response.json()["end"][0]


class TestQuotes(SpanTests):
    name = "quote"
    person = "speaker"
    description = "speaker_description"
    factory = QuoteFactory
    other_kind = "direct"

    def test_a_quote_may_run_on_past_its_first_sentence(self, db, editor_client):
        quote = self.make()
        end = quote.sentence.end + 5
        response = editor_client.patch(self.url(quote), {"end": end}, format="json")
        assert response.status_code == 200, response.json()
        assert response.json()["text"] == quote.article.text[quote.start : end]

    def test_reattributing_a_quote_marks_it_set_by_an_editor(self, db, editor_client):
        quote = self.make(attribution="pronoun", attribution_confirmed=False)
        response = editor_client.patch(self.url(quote), {"speaker": SpeakerFactory().pk}, format="json")
        assert (response.json()["attribution"], response.json()["attribution_confirmed"]) == ("editor", True)


def test_a_user_with_a_token_but_no_permission_gets_403(db):
    user = UserFactory(username="visitor")
    claim = ClaimFactory()
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    url = reverse("api:claim-detail", kwargs={"pk": claim.pk})
    assert client.patch(url, REVIEW, format="json").status_code == 403


def test_the_browsable_list_offers_every_filter_in_its_form(db, client):
    ClaimFactory()
    response = client.get(reverse("api:claim-list"), {"status": "unverified"}, HTTP_ACCEPT="text/html")
    assert response.status_code == 200
    assert b'name="claimant_slug"' in response.content
