"""Shared pytest fixtures: users in each role and API clients logged in as them."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from rest_framework.test import APIClient

from newsfacts.roles import EDITORS, READERS, sync_roles
from tests.factories import UserFactory


@pytest.fixture
def roles(db):
    # The data migration creates the groups; tests that flush the database (live_server) need them again.
    return sync_roles()


@pytest.fixture
def api_client() -> APIClient:
    return APIClient()


@pytest.fixture
def reader(roles):
    """A logged-in user in the readers group: may look at everything and change nothing."""
    user = UserFactory(username="reader")
    user.groups.add(Group.objects.get(name=READERS))
    return user


@pytest.fixture
def editor(roles):
    """A staff user in the editors group: reviews quotes and claims, creates, changes and merges speakers."""
    user = UserFactory(username="editor", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITORS))
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
