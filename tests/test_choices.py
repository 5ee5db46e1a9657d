"""The pipeline's plain-string vocabularies and the models' TextChoices are one vocabulary."""

from typing import get_args

import pytest

from newsfacts import choices
from newsfacts.extraction import claims, quotes, sentences, speakers


@pytest.mark.parametrize(
    ("pipeline_values", "model_choices"),
    [
        (sentences.SentenceKind, choices.SentenceKind),
        (speakers.SpeakerKind, choices.SpeakerKind),
        (quotes.QuoteKind, choices.QuoteKind),
        (claims.ClaimKind, choices.ClaimKind),
    ],
)
def test_pipeline_kinds_are_the_model_choices(pipeline_values, model_choices):
    assert set(get_args(pipeline_values)) == set(model_choices.values)


def test_every_pipeline_attribution_method_is_a_model_choice():
    assert set(get_args(quotes.AttributionMethod)) <= set(choices.Attribution.values)


def test_every_reviewed_status_maps_to_a_claimreview_rating_within_the_scale():
    reviewed = set(choices.VerificationStatus.values) - {choices.VerificationStatus.UNVERIFIED}
    assert set(choices.CLAIMREVIEW_RATINGS) == reviewed
    for rating in choices.CLAIMREVIEW_RATINGS.values():
        assert choices.CLAIMREVIEW_WORST_RATING <= rating.value <= choices.CLAIMREVIEW_BEST_RATING


def test_every_status_maps_to_a_fever_label():
    assert set(choices.FEVER_LABELS) == set(choices.VerificationStatus.values)
    assert set(choices.FEVER_LABELS.values()) == {"SUPPORTS", "REFUTES", "NOT ENOUGH INFO"}
