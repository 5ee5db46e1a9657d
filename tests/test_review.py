"""The shared editorial actions: set_verification and merge_speakers (used by the admin and the API)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from newsfacts.models import Claim, Quote, Speaker
from newsfacts.review import bulk_set_verification, history_reason, merge_speakers, set_verification
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("factory", [QuoteFactory, ClaimFactory])
def test_set_verification_fills_reviewer_time_and_history(factory, editor):
    obj = factory()
    set_verification(
        obj,
        status="verified",
        rationale="Matches the agency report.",
        evidence_urls=["https://a.example/x"],
        user=editor,
        reason="checked against the report",
    )
    obj.refresh_from_db()
    assert (obj.status, obj.rationale, obj.evidence_urls) == (
        "verified",
        "Matches the agency report.",
        ["https://a.example/x"],
    )
    assert obj.reviewed_by == editor
    assert obj.reviewed_at is not None
    latest = obj.history.latest()
    assert (latest.history_user, latest.history_change_reason) == (editor, "checked against the report")


def test_set_verification_without_reason_records_the_status_change_and_rationale(editor):
    claim = ClaimFactory()
    set_verification(claim, status="false", rationale="The registry says otherwise.", user=editor)
    assert claim.history.latest().history_change_reason == "unverified → false: The registry says otherwise."


@pytest.mark.parametrize("status", ["verified", "misleading", "false", "unverifiable"])
def test_set_verification_refuses_a_status_without_rationale(status, editor):
    claim = ClaimFactory()
    with pytest.raises(ValidationError) as error:
        set_verification(claim, status=status, rationale="  ", user=editor)
    assert "rationale" in error.value.message_dict
    claim.refresh_from_db()
    assert claim.status == "unverified"


def test_set_verification_allows_unverified_without_rationale(editor):
    claim = ClaimFactory(status="verified", rationale="was checked")
    set_verification(claim, status="unverified", rationale="", user=editor)
    claim.refresh_from_db()
    assert (claim.status, claim.rationale) == ("unverified", "")


@pytest.mark.parametrize(
    "urls",
    [["ftp://files.example.org/a"], ["not a url"], ["javascript:alert(1)"], ["https://ok.example/", "www.example.org"]],
)
def test_set_verification_refuses_evidence_that_is_not_an_http_url(urls, editor):
    claim = ClaimFactory()
    with pytest.raises(ValidationError) as error:
        set_verification(claim, status="verified", rationale="ok", evidence_urls=urls, user=editor)
    assert "evidence_urls" in error.value.message_dict


def test_set_verification_refuses_an_unknown_status(editor):
    with pytest.raises(ValidationError) as error:
        set_verification(ClaimFactory(), status="true", rationale="ok", user=editor)
    assert "status" in error.value.message_dict


def test_set_verification_strips_and_deduplicates_evidence(editor):
    claim = ClaimFactory()
    set_verification(
        claim,
        status="verified",
        rationale="ok",
        evidence_urls=[" https://a.example/ ", "", "https://a.example/"],
        user=editor,
    )
    assert claim.evidence_urls == ["https://a.example/"]


def test_history_reason_fits_the_history_column():
    reason = history_reason("word " * 100)
    assert len(reason) <= 100
    assert reason.endswith("…")


def test_a_long_rationale_still_saves_its_history(editor):
    claim = ClaimFactory()
    set_verification(claim, status="verified", rationale="x" * 500, user=editor)
    assert len(claim.history.latest().history_change_reason) == 100


def test_merge_speakers_moves_quotes_and_claims_and_deletes_the_others(editor):
    into = SpeakerFactory(name="Ada Lovelace")
    other = SpeakerFactory(name="Augusta Ada King", aliases=["Countess of Lovelace"])
    article = ArticleFactory()
    quotes = [QuoteFactory(article=article, speaker=other) for _ in range(3)]
    claim = ClaimFactory(article=article, claimant=other)

    merge_speakers(into, [other], user=editor, reason="same person")

    assert not Speaker.objects.filter(pk=other.pk).exists()
    assert set(Quote.objects.filter(speaker=into).values_list("pk", flat=True)) == {q.pk for q in quotes}
    assert Claim.objects.get(pk=claim.pk).claimant == into
    latest = Quote.history.filter(id=quotes[0].pk).latest()
    assert (latest.speaker_id, latest.history_user, latest.history_change_reason) == (into.pk, editor, "same person")


def test_merge_speakers_turns_the_others_names_into_aliases_without_repeats(editor):
    into = SpeakerFactory(name="Ada Lovelace", aliases=["Lovelace"])
    a = SpeakerFactory(name="Augusta Ada King", aliases=["lovelace", "Ada Lovelace"])
    b = SpeakerFactory(name="Countess Lovelace")
    merge_speakers(into, [a, b], user=editor)
    assert into.aliases == ["Lovelace", "Augusta Ada King", "Countess Lovelace"]


def test_merge_speakers_keeps_description_and_wikidata_id_only_when_missing(editor):
    into = SpeakerFactory(name="Ada Lovelace", description="mathematician")
    other = SpeakerFactory(name="A. Lovelace", description="writer", wikidata_id="Q7259")
    merge_speakers(into, [other], user=editor)
    assert (into.description, into.wikidata_id) == ("mathematician", "Q7259")


def test_merge_speakers_refuses_two_different_wikidata_ids(editor):
    into = SpeakerFactory(name="Ada Lovelace", wikidata_id="Q7259")
    other = SpeakerFactory(name="Ada Other", wikidata_id="Q1")
    with pytest.raises(ValidationError):
        merge_speakers(into, [other], user=editor)
    assert Speaker.objects.filter(pk=other.pk).exists()


def test_merge_speakers_refuses_merging_a_speaker_into_itself_alone(editor):
    into = SpeakerFactory()
    with pytest.raises(ValidationError):
        merge_speakers(into, [into], user=editor)


def test_merge_speakers_records_the_deletion_and_the_survivor_change_in_history(editor):
    into = SpeakerFactory(name="Ada Lovelace")
    other = SpeakerFactory(name="A. Lovelace")
    merge_speakers(into, [other], user=editor, reason="duplicate")
    deleted = Speaker.history.filter(id=other.pk).latest()
    assert (deleted.history_type, deleted.history_user, deleted.history_change_reason) == ("-", editor, "duplicate")
    assert into.history.latest().history_change_reason == "duplicate"


def test_bulk_set_verification_reviews_every_row_with_history_in_constant_queries(
    editor, django_assert_max_num_queries
):
    article = ArticleFactory()
    claims = [ClaimFactory(article=article) for _ in range(5)]
    with django_assert_max_num_queries(6):
        count = bulk_set_verification(
            Claim.objects.filter(article=article), status="unverifiable", rationale="No public source.", user=editor
        )
    assert count == 5
    for claim in claims:
        claim.refresh_from_db()
        assert (claim.status, claim.reviewed_by) == ("unverifiable", editor)
        latest = claim.history.latest()
        assert (latest.status, latest.history_user) == ("unverifiable", editor)
        assert latest.history_change_reason == "bulk review: unverifiable: No public source."


def test_bulk_set_verification_refuses_a_status_without_rationale_and_changes_nothing(editor):
    claim = ClaimFactory()
    with pytest.raises(ValidationError):
        bulk_set_verification(Claim.objects.all(), status="verified", rationale="", user=editor)
    claim.refresh_from_db()
    assert claim.status == "unverified"
