"""Errors of the API are JSON, with a status that says what went wrong, whatever part of the stack refuses."""

from __future__ import annotations

import pytest

from tests.factories import SpeakerFactory

BIG = 3 * 1024 * 1024  # past Django's DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB)


@pytest.mark.parametrize("content_type", ["application/json", "application/x-www-form-urlencoded"])
@pytest.mark.parametrize("method", ["post", "patch"])
def test_a_body_too_large_is_a_json_413(editor, content_type, method):
    from django.test import Client

    client = Client()
    client.force_login(editor)
    speaker = SpeakerFactory()
    url = "/api/v1/speakers/" if method == "post" else f"/api/v1/speakers/{speaker.pk}/"

    response = getattr(client, method)(url, data=b"a=" + b"x" * BIG, content_type=content_type)

    assert response.status_code == 413
    assert response["Content-Type"] == "application/json"
    assert "detail" in response.json()


@pytest.mark.parametrize("url", ["/api/v1/claims/", "/api/v1/speakers/", "/api/v1/exports/", "/api/v1/"])
def test_an_unknown_format_parameter_is_a_400_naming_it(db, api_client, url):
    response = api_client.get(url, {"format": "xml"})

    assert response.status_code == 400
    assert "format" in response.json()


def test_an_unknown_url_under_the_api_is_a_json_404(db, api_client):
    response = api_client.get("/api/v1/no-such-list/")

    assert response.status_code == 404
    assert response.json() == {"detail": "Not found."}


def test_an_unknown_url_outside_the_api_keeps_django_s_html_404(db, client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")


def test_a_json_body_nested_past_the_recursion_limit_is_a_400(editor_client):
    speaker = SpeakerFactory()

    response = editor_client.patch(
        f"/api/v1/speakers/{speaker.pk}/", b"[" * 100_000 + b"]" * 100_000, content_type="application/json"
    )

    assert response.status_code == 400
    assert "nested too deeply" in response.json()["detail"]
