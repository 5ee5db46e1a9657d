"""Integrity of the data model: constraints the database enforces, validation the models add."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from newsfacts.models import Claim, Quote, Sentence, Speaker
from tests.factories import ArticleFactory, ClaimFactory, QuoteFactory, SpeakerFactory

pytestmark = pytest.mark.django_db


def test_factory_sentences_slice_the_article_text_exactly():
    article = ArticleFactory()
    sentences = list(article.sentences.all())
    assert len(sentences) == 3
    for sentence in sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text


def test_database_refuses_two_sentences_at_one_position():
    article = ArticleFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Sentence.objects.create(article=article, position=0, start=0, end=1, text=article.text[0])


def test_database_refuses_a_span_that_ends_before_it_starts():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(end=claim.start)


def test_database_refuses_a_reviewed_status_without_rationale():
    quote = QuoteFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.filter(pk=quote.pk).update(status="false", rationale="")


def test_database_refuses_a_status_outside_the_vocabulary():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(status="probably")


@pytest.mark.parametrize(
    ("factory", "confidence"),
    [(QuoteFactory, 1.5), (QuoteFactory, -0.1), (ClaimFactory, 1.5), (ClaimFactory, -0.1)],
)
def test_database_and_form_refuse_a_confidence_outside_zero_to_one(factory, confidence):
    item = factory()
    with pytest.raises(IntegrityError), transaction.atomic():
        type(item).objects.filter(pk=item.pk).update(confidence=confidence)
    with pytest.raises(ValidationError):
        type(item)._meta.get_field("confidence").clean(confidence, item)


def test_database_refuses_two_speakers_with_one_wikidata_id():
    SpeakerFactory(name="A Person", wikidata_id="Q42")
    with pytest.raises(IntegrityError), transaction.atomic():
        SpeakerFactory(name="Another Person", wikidata_id="Q42")


def test_two_speakers_without_wikidata_id_are_allowed():
    first = SpeakerFactory(name="A Person", wikidata_id="")
    second = SpeakerFactory(name="Another Person", wikidata_id="")
    assert Speaker.objects.filter(pk__in=[first.pk, second.pk], wikidata_id="").count() == 2
    second.full_clean()  # the blank id is no clash for validation either


@pytest.mark.parametrize("value", ["42", "Q", "Q0", "q42", "Q42a"])
def test_wikidata_id_must_be_q_and_digits(value):
    speaker = SpeakerFactory.build(name="Somebody", slug="somebody", wikidata_id=value)
    with pytest.raises(ValidationError) as info:
        speaker.full_clean()
    assert "wikidata_id" in info.value.message_dict


def test_claim_text_must_slice_the_article_text():
    claim = ClaimFactory()
    claim.text = claim.text + "!"
    with pytest.raises(ValidationError) as info:
        claim.full_clean()
    assert "text" in info.value.message_dict


def test_claim_must_lie_inside_its_sentence():
    claim = ClaimFactory()
    claim.end = claim.sentence.end + 2
    claim.text = claim.article.text[claim.start : claim.end]
    with pytest.raises(ValidationError) as info:
        claim.full_clean()
    assert "end" in info.value.message_dict


def test_status_other_than_unverified_needs_a_rationale():
    claim = ClaimFactory(status="unverified")
    claim.status = "verified"
    with pytest.raises(ValidationError) as info:
        claim.full_clean()
    assert "rationale" in info.value.message_dict


def test_evidence_must_be_urls():
    claim = ClaimFactory()
    claim.evidence_urls = ["not a url"]
    with pytest.raises(ValidationError) as info:
        claim.full_clean()
    assert "evidence_urls" in info.value.message_dict


def test_live_and_rejected_split_quotes_and_claims_by_rejected_reason():
    kept, rejected = ClaimFactory(), ClaimFactory(rejected_reason="not_claim")
    assert list(Claim.objects.live()) == [kept]
    assert list(Claim.objects.rejected()) == [rejected]
    quote = QuoteFactory(rejected_reason="duplicate")
    assert list(Quote.objects.rejected()) == [quote]
    assert not Quote.objects.live().exists()


def test_database_refuses_a_rejection_reason_outside_the_vocabulary():
    claim = ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(rejected_reason="boring")


@pytest.mark.parametrize(
    "fields",
    [
        {"origin": "editor"},
        {"rejected_reason": "wrong_span"},
        {"status": "verified", "rationale": "Checked.", "reviewed_at": "2026-01-01T00:00:00Z"},
        {"edited_at": "2026-01-01T00:00:00Z"},
        {"attribution_confirmed": True},
    ],
)
def test_any_editor_action_takes_a_quote_out_of_the_untouched_machine_output(fields):
    machine = QuoteFactory()
    touched = QuoteFactory(**fields)
    assert list(Quote.objects.untouched()) == [machine]
    assert list(Quote.objects.touched()) == [touched]


def test_a_reviewed_quote_with_a_doubtful_unconfirmed_speaker_still_needs_review():
    doubtful = QuoteFactory(status="verified", rationale="ok", confidence=0.3, attribution_confirmed=False)
    confirmed = QuoteFactory(status="verified", rationale="ok", confidence=0.3, attribution_confirmed=True)
    unverified = QuoteFactory(confidence=0.9)
    assert set(Quote.objects.needs_review()) == {doubtful, unverified}
    assert set(Quote.objects.needs_review(False)) == {confirmed}


def test_a_claim_needs_review_until_it_has_a_status():
    unverified = ClaimFactory()
    reviewed = ClaimFactory(status="false", rationale="no")
    assert list(Claim.objects.needs_review()) == [unverified]
    assert list(Claim.objects.needs_review(False)) == [reviewed]


def test_count_per_counts_each_speakers_rows_and_zero_for_none():
    busy = SpeakerFactory(name="Busy")
    SpeakerFactory(name="Idle")
    QuoteFactory.create_batch(2, speaker=busy)
    counts = dict(Speaker.objects.annotate(n=Quote.objects.count_per("speaker")).values_list("name", "n"))
    assert counts["Busy"] == 2 and counts["Idle"] == 0
