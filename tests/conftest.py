"""Shared pytest fixtures: users in each role and API clients logged in as them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from rest_framework.test import APIClient

from tests.factories import UserFactory

EDITOR_MODELS = ("quote", "claim", "speaker", "article", "sentence")


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def reader(db):
    """A logged-in user who may look at everything and change nothing."""
    user = UserFactory(username="reader")
    user.user_permissions.set(Permission.objects.filter(codename__in=[f"view_{m}" for m in EDITOR_MODELS]))
    return user


@pytest.fixture
def editor(db):
    """A user with the editor permissions: change quotes, claims and speakers, create and merge speakers."""
    user = UserFactory(username="editor", is_staff=True)
    codenames = [f"view_{m}" for m in EDITOR_MODELS] + [
        "change_quote",
        "change_claim",
        "add_speaker",
        "change_speaker",
        "delete_speaker",
    ]
    user.user_permissions.set(Permission.objects.filter(codename__in=codenames))
    return user


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def editor_client(editor) -> APIClient:
    client = APIClient()
    client.force_authenticate(editor)
    return client


@pytest.fixture
def reader_client(reader) -> APIClient:
    client = APIClient()
    client.force_authenticate(reader)
    return client
