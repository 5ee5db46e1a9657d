"""Conditional requests and caching: ETags that follow everything a response shows, 304s, Cache-Control and the
shared page cache. Writes are committed (transaction=True): PostgreSQL bumps the dataset's version at commit."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.core.cache import caches
from django.test import override_settings
from django.urls import reverse

from newsfacts.models import Claim, Speaker
from tests.factories import ClaimFactory, SpeakerFactory, UserFactory

CLAIMS = reverse("api:claim-list")
PAGE_CACHE = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "pages": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages"},
}

pytestmark = pytest.mark.django_db(transaction=True)


def claim_url(claim: Claim) -> str:
    return reverse("api:claim-detail", kwargs={"pk": claim.pk})


def test_renaming_a_speaker_changes_the_etag_of_the_claims_that_show_the_name(api_client):
    speaker = SpeakerFactory(name="Anna Old", slug="anna")
    claim = ClaimFactory(claimant=speaker)
    detail, listed = api_client.get(claim_url(claim))["ETag"], api_client.get(CLAIMS)["ETag"]
    Speaker.objects.filter(pk=speaker.pk).update(name="Anna New")
    assert api_client.get(claim_url(claim), HTTP_IF_NONE_MATCH=detail).status_code == 200
    response = api_client.get(CLAIMS, HTTP_IF_NONE_MATCH=listed)
    assert response.status_code == 200
    assert response.json()["results"][0]["claimant"]["name"] == "Anna New"


def test_renaming_an_editor_shows_the_new_name_in_the_lists(api_client):
    reviewer = UserFactory(username="old_name")
    ClaimFactory(status="verified", rationale="Checked.", reviewed_by=reviewer)
    assert api_client.get(CLAIMS).json()["results"][0]["reviewed_by"] == "old_name"
    User.objects.filter(pk=reviewer.pk).update(username="new_name")
    assert api_client.get(CLAIMS).json()["results"][0]["reviewed_by"] == "new_name"


def test_an_unrelated_read_leaves_the_etags_alone(api_client):
    claim = ClaimFactory()
    detail, listed = api_client.get(claim_url(claim))["ETag"], api_client.get(CLAIMS)["ETag"]
    api_client.get(reverse("api:speaker-list"))
    assert api_client.get(claim_url(claim), HTTP_IF_NONE_MATCH=detail).status_code == 304
    assert api_client.get(CLAIMS, HTTP_IF_NONE_MATCH=f'W/{listed}, "other"').status_code == 304


def test_an_editors_write_changes_the_list_etag_and_if_match_still_guards_it(editor_client):
    claim = ClaimFactory()
    listed = editor_client.get(CLAIMS)["ETag"]
    etag = editor_client.get(claim_url(claim))["ETag"]
    review = {"status": "verified", "rationale": "Matches the figures."}
    assert editor_client.patch(claim_url(claim), review, format="json", HTTP_IF_MATCH=etag).status_code == 200
    assert editor_client.get(CLAIMS, HTTP_IF_NONE_MATCH=listed).status_code == 200
    assert editor_client.patch(claim_url(claim), review, format="json", HTTP_IF_MATCH=etag).status_code == 412


def test_cache_control_is_sent_only_when_a_max_age_is_set(api_client):
    claim = ClaimFactory()
    assert not api_client.get(CLAIMS).has_header("Cache-Control")
    with override_settings(NEWSFACTS_API_CACHE_MAX_AGE=30):
        assert api_client.get(CLAIMS)["Cache-Control"] == "max-age=30"
        assert api_client.get(claim_url(claim))["Cache-Control"] == "max-age=30"


@override_settings(CACHES=PAGE_CACHE, NEWSFACTS_API_PAGE_CACHE="pages")
def test_a_cached_page_is_served_until_a_write(api_client, django_assert_num_queries):
    caches["pages"].clear()
    claim = ClaimFactory()
    first = api_client.get(CLAIMS)
    with django_assert_num_queries(1):  # the version only: the page comes from the cache
        again = api_client.get(CLAIMS)
    assert (again.content, again["ETag"], again["Content-Type"]) == (
        first.content,
        first["ETag"],
        first["Content-Type"],
    )
    Claim.objects.filter(pk=claim.pk).update(text=claim.text)  # any write, even one that changes nothing shown
    with django_assert_num_queries(2):
        assert api_client.get(CLAIMS)["ETag"] != first["ETag"]
