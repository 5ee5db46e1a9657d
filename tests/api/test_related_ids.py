"""A quote's speaker and a claim's claimant are written as an id (or {"id": n}, or null); anything else is a 400."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import ClaimFactory, SpeakerFactory


def patch(client, claim, value):
    return client.patch(reverse("api:claim-detail", kwargs={"pk": claim.pk}), {"claimant": value}, format="json")


@pytest.mark.parametrize("as_object", [False, True])
def test_the_claimant_is_set_by_id_or_by_an_object_with_its_id(db, editor_client, as_object):
    claim, speaker = ClaimFactory(), SpeakerFactory()
    response = patch(editor_client, claim, {"id": speaker.pk} if as_object else str(speaker.pk))
    assert response.status_code == 200, response.json()
    assert response.json()["claimant"]["id"] == speaker.pk


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (True, "Give the id of a speaker (a whole number) or null."),
        ("abc", "Give the id of a speaker (a whole number) or null."),
        ([1], "Give the id of a speaker (a whole number) or null."),
        (0, "No speaker with id 0."),
        (2**70, f"No speaker with id {2**70}."),
        (987654, "No speaker with id 987654."),
    ],
)
def test_a_claimant_that_is_not_a_stored_speakers_id_is_a_400_naming_the_field(db, editor_client, value, message):
    response = patch(editor_client, ClaimFactory(), value)
    assert response.status_code == 400
    assert response.json() == {"claimant": [message]}
